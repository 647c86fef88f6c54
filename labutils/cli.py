"""The ``labutils`` command: one entry point for what the notebooks do, from a terminal.

    labutils fetch-model                     # put the default model in the cache (offline afterwards)
    labutils generate --prompt "Classify the sentiment: I loved it."
    labutils eval --model smollm2-135m-instruct --task sentiment --limit 50 --json
    labutils train --config configs/smoke.yaml lr=1e-4
    labutils run --smoke                     # every notebook, headless, plus a report
    labutils bench train|eval|lora           # speed and memory benchmarks -> benchmarks/RESULTS.md

Every subcommand is an argparse block and a ``_cmd_*`` function here; the work itself is done by
the package's modules, none of which imports this one.
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
import time
import warnings
from pathlib import Path

from labutils import REPO_ROOT
from labutils.config import ConfigError, TrainConfig
from labutils.default_model import DEFAULT_MODEL, fetch_default_model
from labutils.evaluate import evaluate_task, generate, result_metrics
from labutils.models import load_model
from labutils.presets import PRESETS, load_source
from labutils.prompts import as_model_input
from labutils.results import to_jsonable
from labutils.runner import run_lab
from labutils.runs import get_or_train
from labutils.tasks import TASK_NAMES
from labutils.templates import resolve_template
from labutils.train import train


def _cmd_fetch_model(args) -> int:
    print(fetch_default_model(force=args.force, verify=args.verify))
    return 0


def _cmd_generate(args) -> int:
    model, tokenizer = load_model(args.model)
    prompt = args.prompt if args.no_chat else as_model_input(tokenizer, args.prompt)
    [answer] = generate(model, tokenizer, [prompt], max_new_tokens=args.max_new_tokens,
                        do_sample=args.temperature > 0, temperature=args.temperature or 1.0,
                        seed=args.seed, progress=False)
    print(answer)
    return 0


def _cmd_eval(args) -> int:
    """``labutils eval``: load the model and data, score, print the result.

    ``--model`` may be a name, a hub id, a model folder or a run folder from ``labutils train``
    (full model or LoRA adapter): ``labutils.models.load_model`` resolves all of them.
    """
    # data and template first: a bad file, split or name fails in a second, before the model loads
    data = load_source(args.data, args.task, args.split, limit=args.limit)  # bundled, a file or hub:NAME
    resolve_template(args.task, args.template)
    model, tokenizer = load_model(args.model)
    result = evaluate_task(model, tokenizer, args.task, split=args.split, data=data, limit=args.limit,
                           template=args.template, shots=args.shots, batch_size=args.batch_size,
                           max_new_tokens=args.max_new_tokens, seed=args.seed,
                           progress=not args.json and sys.stderr.isatty())
    metrics = result_metrics(result)
    if args.json:
        print(json.dumps(to_jsonable({
            "model": args.model, "task": args.task, "n": result["n"], "metrics": metrics,
            "seconds": round(result["seconds"], 3), "examples_per_second": round(result["examples_per_second"], 3),
            "template": result["template"], "shots": result["shots"], "shots_fitted": result["shots_fitted"]})))
        return 0
    source = args.data or f"bundled {args.split} split"
    print(f"model    {args.model}\ntask     {args.task} ({source}, n={result['n']})")
    fitted = (f" asked, at least {result['shots_fitted']} fitted the context"
              if result["shots_fitted"] < result["shots"] else "")
    print(f"prompt   template {result['template']!r}, {result['shots']} shot(s){fitted}")
    for metric, value in metrics.items():
        shown = f"{value}" if isinstance(value, int) else f"{value:.4f}"
        print(f"  {metric:<12s} {shown}")
    print(f"time     {result['seconds']:.1f} s ({result['examples_per_second']:.2f} examples/s)")
    return 0


def _cmd_train(args) -> int:
    """``labutils train``: reuse a finished identical run, resume an unfinished one, else train."""
    try:
        config = TrainConfig.from_yaml(args.config, overrides=args.overrides)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = train(config.replace(resume=False, resume_from=None)) if args.fresh else get_or_train(config)
    m = result.metrics
    print(f"run folder: {result.run_dir}" + (" (reused a finished identical run)" if result.reused else ""))
    print(f"final loss: {_number(m['final_loss'])}; val loss: {_number(m['final_val_loss'])}; steps: {m['steps']}")
    peak = m["peak_memory_bytes"] / 2**20 if m["peak_memory_bytes"] is not None else None
    print(f"time: {time.perf_counter() - started:.1f} s total, {_number(m['seconds_per_step'], '.2f')} s/step, "
          f"{_number(m['tokens_per_s'], '.0f')} tokens/s, peak memory {_number(peak, '.0f')} MiB ({m['precision']})")
    return 0


def _number(value, spec: str = ".4f") -> str:
    """A figure as the run summary prints it; "none" where the run measured none (no validation, no step)."""
    return "none" if value is None else format(value, spec)


def _cmd_run(args) -> int:
    only = args.only.split(",") if args.only else None
    if args.out is not None and Path(args.out).exists() and not Path(args.out).is_dir():
        print(f"labutils run: --out {args.out} is a file; give a folder (it is created if absent)", file=sys.stderr)
        return 2
    runs, report = run_lab(smoke=args.smoke, only=only, out=args.out, model=args.model, fail_fast=args.fail_fast)
    failed = [run for run in runs if run.status != "ok"]
    print(f"report: {report}")
    for run in failed:
        print(f"FAILED {run.name}: {run.error}\n    executed notebook: {run.output}", file=sys.stderr)
    return 1 if failed else 0


def _cmd_bench(args) -> int:
    script = REPO_ROOT / "benchmarks" / f"bench_{args.which}.py"
    if not script.is_file():
        print(f"labutils bench: {script} not found. Benchmarks run from a clone of the lab's repository.",
              file=sys.stderr)
        return 2
    namespace = runpy.run_path(str(script))
    return namespace["main"](args.rest) or 0


def _int_at_least(minimum: int):
    """An argparse type: a whole number >= ``minimum``, refused with the value otherwise."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="labutils", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    fetch = commands.add_parser("fetch-model", help="download and convert the embedded default model into the cache")
    fetch.add_argument("--force", action="store_true", help="rebuild the cache even if it looks fine")
    fetch.add_argument("--verify", action="store_true", help="hash every cached file (~1 s), not just sizes and times")
    fetch.set_defaults(func=_cmd_fetch_model)

    gen = commands.add_parser("generate", help="answer one prompt with a model")
    gen.add_argument("--model", default=DEFAULT_MODEL, help=f"model name, folder or hub id (default {DEFAULT_MODEL})")
    gen.add_argument("--prompt", required=True, help="the text to answer")
    gen.add_argument("--max-new-tokens", type=_int_at_least(1), default=64, help="length limit of the answer (default 64)")
    gen.add_argument("--temperature", type=_non_negative_float, default=0.0, help="0 = greedy (default); > 0 samples")
    gen.add_argument("--seed", type=int, default=0, help="seed for sampling")
    gen.add_argument("--no-chat", action="store_true", help="send the prompt as plain text, without the chat template")
    gen.set_defaults(func=_cmd_generate)

    ev = commands.add_parser("eval", help="score a model on a task")
    ev.add_argument("--model", default=DEFAULT_MODEL,
                    help=f"model name, hub id, local folder or run folder (default: {DEFAULT_MODEL})")
    ev.add_argument("--task", required=True, choices=TASK_NAMES, help="the task to score")
    ev.add_argument("--data", default=None, help="score this file (.jsonl/.json/.csv/.parquet in the task's "
                    "schema) or a hub preset, hub:NAME[:SPLIT][=LOCAL_COPY] with NAME one of "
                    f"{', '.join(PRESETS)}, instead of the bundled split")
    ev.add_argument("--split", default="test", help="split to score: of the bundled data, or of a hub:NAME preset")
    ev.add_argument("--limit", type=_int_at_least(1), default=None, help="score only the first N examples")
    ev.add_argument("--template", default=None, help="prompt template name (default: the task's default)")
    ev.add_argument("--shots", type=_int_at_least(0), default=0, help="solved examples in front of each prompt")
    ev.add_argument("--batch-size", type=_int_at_least(1), default=16, help="prompts generated together")
    ev.add_argument("--max-new-tokens", type=_int_at_least(1), default=None, help="override the task's generation length")
    ev.add_argument("--seed", type=int, default=0, help="seed for few-shot example choice and sampling")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ev.set_defaults(func=_cmd_eval)

    tr = commands.add_parser("train", help="fine-tune a model from a YAML config")
    tr.add_argument("--config", required=True, help="YAML training config, e.g. configs/smoke.yaml")
    tr.add_argument("overrides", nargs="*", metavar="key=value", help="override config keys, e.g. lr=1e-4 max_steps=10")
    tr.add_argument("--fresh", action="store_true", help="train from scratch even if a finished identical run exists")
    tr.set_defaults(func=_cmd_train)

    run = commands.add_parser("run", help="execute every notebook headless and write a report")
    run.add_argument("--smoke", action="store_true", help="small settings (CI): minutes instead of an hour")
    run.add_argument("--only", default=None, help="comma-separated notebook numbers, e.g. 01,03")
    run.add_argument("--out", type=Path, default=None, help="output folder (default runs/lab-<time>)")
    run.add_argument("--model", default=None, help="model for every notebook (default: the embedded one)")
    run.add_argument("--fail-fast", action="store_true", help="stop at the first failing notebook")
    run.set_defaults(func=_cmd_run)

    bench = commands.add_parser("bench", help="benchmarks that append to benchmarks/RESULTS.md")
    bench.add_argument("which", choices=["train", "eval", "lora"], help="what to measure")
    bench.add_argument("rest", nargs=argparse.REMAINDER, help="options passed to the benchmark (see its --help)")
    bench.set_defaults(func=_cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    show_default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        # our warnings (a prompt cut to the context, skipped rows) are for the user: one line, no source
        if category.__module__.startswith("labutils"):
            print(f"labutils {args.command}: warning: {message}", file=sys.stderr)
        else:
            show_default(message, category, filename, lineno, file, line)

    try:
        with warnings.catch_warnings():
            warnings.showwarning = show
            return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (ValueError, RuntimeError, OSError) as error:
        if getattr(args, "traceback", False):
            raise
        # Our own errors carry actionable messages; show them without a traceback.
        if type(error).__module__.startswith("labutils"):
            print(f"labutils {args.command}: {error}", file=sys.stderr)
            return 2
        # The system's, about a file we were given or write (permissions, a file where a folder belongs, a full
        # disk): the file and the reason say what to do.
        if isinstance(error, OSError) and error.filename:
            print(f"labutils {args.command}: {error.filename}: {error.strerror or error}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
