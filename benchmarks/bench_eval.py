"""Benchmark: batched generation (labutils.evaluate.generate) vs a one-example-at-a-time loop.

The well-known course lab summarises dialogues one at a time::

    for prompt in prompts:
        input_ids = tokenizer(prompt, return_tensors="pt").input_ids
        output = model.generate(input_ids, max_new_tokens=...)
        text = tokenizer.decode(output[0], skip_special_tokens=True)

``labutils.evaluate.generate`` batches prompts of similar length with left padding and the
KV cache. This script times both on the same prompts (the bundled summarization test split,
the default template through the chat template, the default model, greedy, 80 new tokens),
checks that they write the same summaries and appends a Markdown section to
``benchmarks/RESULTS.md``.

Both run in fp32 (no autocast) so that greedy outputs can be compared exactly. Batched fp32
greedy can still differ from the loop on rare near-ties: the padded batch runs matrix products
of other shapes, whose rounding differs in the last bits, and a near-tie between two tokens
can flip. The report counts identical outputs instead of assuming them.

The loop is slow (each new token re-reads every weight for a single row), so by default it runs
on ``--loop-n 8`` evenly spaced prompts out of ``--n``, and its time is scaled to ``--n``: the
loop's examples are independent, so its time grows linearly with their number. ``--loop-n 0``
runs the loop on all of them. Identical outputs are counted on the prompts both methods ran.

Usage::

    python benchmarks/bench_eval.py                 # 64 summaries batched, the loop on 8 of them
    python benchmarks/bench_eval.py --n 16 --loop-n 0 --repeats 3
    labutils bench eval --n 32 --batch-size 8
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import torch

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TASK = "summarization"
MAX_NEW_TOKENS = 80  # labutils.evaluate's default for summarization


def one_at_a_time(model, tokenizer, prompts, max_new_tokens):
    """The course lab's loop: tokenize, generate and decode each prompt on its own.

    The all-ones attention mask and the pad id only silence transformers' warnings; with a
    single unpadded prompt they change nothing.
    """
    outputs = []
    for prompt in prompts:
        input_ids = tokenizer(prompt, return_tensors="pt").input_ids.to(model.device)
        output = model.generate(input_ids, attention_mask=torch.ones_like(input_ids),
                                max_new_tokens=max_new_tokens, do_sample=False,
                                pad_token_id=tokenizer.pad_token_id)
        # A decoder-only model returns prompt + answer: decode the answer only, as generate() does.
        outputs.append(tokenizer.decode(output[0, input_ids.shape[1]:], skip_special_tokens=True).strip())
    return outputs


def build_prompts(tokenizer, n):
    from labutils.data import load_task
    from labutils.prompts import as_model_input
    from labutils.templates import resolve_template

    rows = load_task(TASK, "test", limit=n)
    template = resolve_template(TASK, None)
    return [as_model_input(tokenizer, template.render(row)[0]) for row in rows]


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def machine_line(dtype: str) -> str:
    from labutils.device import describe_machine

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{describe_machine()}; dtype {dtype}; torch threads {torch.get_num_threads()}; load average {load:.1f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=64, help="number of dialogues to summarise (default 64)")
    parser.add_argument("--loop-n", type=int, default=8,
                        help="prompts the one-at-a-time loop runs, evenly spaced; its time is scaled to --n "
                             "(default 8; 0 = all)")
    parser.add_argument("--batch-size", type=int, default=16, help="prompts per batch for generate() (default 16)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="timed runs of each method; the median is reported (default 1: the loop is slow)")
    parser.add_argument("--max-new-tokens", type=int, default=MAX_NEW_TOKENS)
    parser.add_argument("--model", default=None, help="model to load (default: the lab's default model)")
    parser.add_argument("--no-write", action="store_true", help="print the section but do not append to RESULTS.md")
    args = parser.parse_args(argv)

    from labutils.evaluate import generate
    from labutils.default_model import DEFAULT_MODEL
    from labutils.device import seed_everything
    from labutils.models import load_model

    seed_everything(0)
    model_name = args.model or DEFAULT_MODEL
    model, tokenizer = load_model(model_name)
    prompts = build_prompts(tokenizer, args.n)
    prompt_tokens = [len(tokenizer(p).input_ids) for p in prompts]
    print(f"bench_eval: {len(prompts)} prompts of {min(prompt_tokens)}-{max(prompt_tokens)} tokens, "
          f"model {model_name} on {model.device}", file=sys.stderr, flush=True)

    def batched():
        return generate(model, tokenizer, prompts, max_new_tokens=args.max_new_tokens,
                        batch_size=args.batch_size, autocast=False, progress=False)

    n = len(prompts)
    loop_n = n if args.loop_n <= 0 or args.loop_n >= n else args.loop_n
    loop_indices = [round(i * (n - 1) / max(loop_n - 1, 1)) for i in range(loop_n)] if loop_n < n else list(range(n))
    scale = n / len(loop_indices)  # the loop's time grows linearly with the number of examples

    def loop():
        return one_at_a_time(model, tokenizer, [prompts[i] for i in loop_indices], args.max_new_tokens)

    # Warm-up on two prompts (first calls allocate buffers and pick kernels), then alternate
    # the methods so that other load on the machine hits both alike.
    generate(model, tokenizer, prompts[:2], max_new_tokens=4, autocast=False, progress=False)
    loop_times, batched_times = [], []
    for repeat in range(args.repeats):
        seconds, loop_outputs = timed(loop)
        loop_times.append(seconds * scale)
        print(f"  repeat {repeat + 1}: one-at-a-time {seconds:.1f} s for {len(loop_indices)} prompts",
              file=sys.stderr, flush=True)
        seconds, batched_outputs = timed(batched)
        batched_times.append(seconds)
        print(f"  repeat {repeat + 1}: batched       {seconds:.1f} s", file=sys.stderr, flush=True)

    loop_seconds = statistics.median(loop_times)
    batched_seconds = statistics.median(batched_times)
    compared = [batched_outputs[i] for i in loop_indices]
    identical = sum(a == b for a, b in zip(loop_outputs, compared))
    new_tokens = [len(tokenizer(text, add_special_tokens=False).input_ids) for text in batched_outputs]
    speedup = loop_seconds / batched_seconds
    differing = [i for i, a, b in zip(loop_indices, loop_outputs, compared) if a != b]
    loop_note = "" if len(loop_indices) == n else (
        f" (timed on {len(loop_indices)} evenly spaced prompts, scaled to {n})")

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## Evaluation: batched generation vs one-at-a-time ({stamp})",
        "",
        f"Machine: {machine_line('fp32 (no autocast, for exact greedy parity)')}",
        "",
        f"{len(prompts)} dialogues from the bundled {TASK} test split, default template through the chat template, "
        f"model `{model_name}`, greedy, max_new_tokens {args.max_new_tokens} "
        f"(answers averaged {statistics.mean(new_tokens):.0f} tokens), "
        f"prompts {min(prompt_tokens)}-{max(prompt_tokens)} tokens. Median of {args.repeats} run(s) each, the two methods alternating; other processes shared "
        "the CPU during the run if the load average exceeds the core count.",
        "",
        "| method | seconds | examples/s | speedup |",
        "| --- | ---: | ---: | ---: |",
        f"| one at a time (course lab loop){loop_note} | {loop_seconds:.1f} | {n / loop_seconds:.3f} | 1.00x |",
        f"| `generate()` batch {args.batch_size}, left padding, sorted by length | {batched_seconds:.1f} | "
        f"{n / batched_seconds:.3f} | {speedup:.2f}x |",
        "",
        f"Identical greedy outputs: {identical} of {len(loop_indices)} prompts run by both methods.",
    ]
    if differing:
        first = differing[0]
        lines += [
            f"First difference (example {first}): near-ties flip under the padded batch's different rounding.",
            f"- loop:    {loop_outputs[loop_indices.index(first)][:160]!r}",
            f"- batched: {batched_outputs[first][:160]!r}",
        ]
    lines.append("")
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        header = "" if RESULTS.is_file() else "# Benchmark results\n\nAppended by the scripts in this folder.\n\n"
        with open(RESULTS, "a", encoding="utf-8") as handle:
            handle.write(header + section + "\n")
        print(f"bench_eval: appended to {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
