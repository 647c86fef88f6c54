"""Benchmark: full fine-tuning vs LoRA on the same data, steps and precision, each in its own process.

Both runs use the lab's one training loop (``labutils.train.train``) with the data, batch size,
sequence length and precision of ``configs/full_ft_summarization.yaml``; the LoRA run adds the
LoRA knobs of ``configs/lora_summarization.yaml`` (``r``, ``lora_alpha``, ``lora_dropout``,
``target_modules``, its learning rate). Everything else is identical, so the differences come
from which parameters train.

Each method runs in a fresh Python process: on a CPU the peak memory is the process's peak
resident set size, and a process that had already trained the other model (or imported more)
would carry that memory into the second measurement. Per method we report

- trainable parameters, counted from the model by the loop;
- peak memory during the training loop (``labutils.memory.measure_peak``: peak RSS on CPU,
  ``max_memory_allocated`` on CUDA) and the part added after the loop started;
- optimizer-state bytes, **counted** from the optimizer after its first step (every tensor in
  ``optimizer.state``: AdamW's ``exp_avg`` and ``exp_avg_sq``, plus its step counters);
- the median step time and tokens per second, leaving out the first step (warm-up: first calls
  allocate buffers and pick kernels);
- the size on disk of the saved result (``final/``: the full model, or the adapter) and of
  its weights files alone.

The section appended to ``benchmarks/RESULTS.md`` names the machine and its load average:
other processes sharing the CPU slow both methods and make step times noisy.

Usage::

    python benchmarks/bench_lora.py                 # 6 steps of each method (a few minutes on a 2-core CPU)
    labutils bench lora --steps 10 --batch-size 4
    python benchmarks/bench_lora.py --model tiny --steps 2 --batch-size 2 --max-length 64 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
METHODS = {"full": "full fine-tuning", "lora": "LoRA"}
LORA_KEYS = ("r", "lora_alpha", "lora_dropout", "target_modules", "lr")  # what the LoRA config contributes


def build_config(method: str, args):
    """The TrainConfig of one method: the full config, plus the LoRA knobs for ``method == "lora"``."""
    from labutils.config import TrainConfig

    changes = {"name": f"bench-{method}", "max_steps": args.steps, "warmup_steps": min(1, args.steps),
               "eval_every": 0, "eval_limit": args.eval_limit, "save_every": 0, "progress": False,
               "output_dir": args.runs_dir, "resume": False}
    for key in ("model", "batch_size", "max_length", "train_limit", "precision"):
        if getattr(args, key) is not None:
            changes[key] = getattr(args, key)
    config = TrainConfig.from_yaml(args.config).replace(**changes)
    if method == "lora":
        lora = TrainConfig.from_yaml(args.lora_config)
        config = config.replace(peft="lora", **{key: getattr(lora, key) for key in LORA_KEYS})
    return config


def optimizer_state_bytes(optimizer) -> int:
    """Bytes of every tensor the optimizer keeps per parameter (AdamW: exp_avg, exp_avg_sq, step)."""
    import torch

    return sum(value.numel() * value.element_size() for state in optimizer.state.values()
               for value in state.values() if isinstance(value, torch.Tensor))


def worker(method: str, args) -> dict:
    """Train one method in this process and return its measurements (run by the parent as a subprocess)."""
    from torch.optim.optimizer import register_optimizer_step_post_hook

    from labutils.adapters import folder_size
    from labutils.train import train

    counted = {}

    def after_step(optimizer, *_):  # a global hook: the loop's optimizer, right after optimizer.step()
        if "bytes" not in counted:
            counted["bytes"] = optimizer_state_bytes(optimizer)

    handle = register_optimizer_step_post_hook(after_step)
    try:
        result = train(build_config(method, args))
    finally:
        handle.remove()
    metrics = result.metrics
    steps = [record for record in result.history if record["kind"] == "train"]
    timed = steps[1:] or steps  # leave out the warm-up step when there is more than one
    final = result.run_dir / "final"
    return {
        "method": method, "steps": len(steps), "precision": metrics["precision"], "device": metrics["device"],
        "trainable_params": metrics["trainable_params"], "total_params": metrics["total_params"],
        "peak_memory_bytes": metrics["peak_memory_bytes"],
        "loop_added_bytes": metrics["peak_memory_bytes"] - metrics["memory_at_start_bytes"],
        "peak_memory_method": metrics["peak_memory_method"],
        "optimizer_state_bytes": counted.get("bytes"),
        "median_step_s": statistics.median(r["step_time_s"] for r in timed),
        "tokens_per_s": statistics.median(r["tokens_per_s"] for r in timed),
        "checkpoint_bytes": folder_size(final),
        "weights_bytes": sum(p.stat().st_size for p in final.glob("*.safetensors")),
        "final_loss": metrics["final_loss"],
    }


def run_in_subprocess(method: str, argv: list[str], workdir: Path) -> dict:
    """Run this script as ``--worker method`` in a fresh Python process; return its measurements."""
    out = workdir / f"{method}.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, str(Path(__file__).resolve()), *argv, "--worker", method, "--json-out", str(out)]
    started = time.perf_counter()
    completed = subprocess.run(command, env=env, cwd=str(REPO_ROOT), capture_output=True, text=True)
    if completed.returncode != 0 or not out.is_file():
        raise RuntimeError(f"bench_lora: the {METHODS[method]} process failed (exit {completed.returncode}):\n"
                           f"{completed.stderr[-3000:]}")
    print(f"  {METHODS[method]}: done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return json.loads(out.read_text())


def machine_line() -> str:
    import torch

    from labutils.device import describe_machine

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{describe_machine()}; torch threads {torch.get_num_threads()}; load average {load:.1f}"


def table(results: dict[str, dict]) -> list[str]:
    """The Markdown table: one row per method, then the ratio LoRA / full for every column."""
    mib, mb = 2**20, 1e6
    columns = [  # (header, measurement, how to show it)
        ("trainable parameters", "trainable_params", lambda v: f"{v:,}"),
        ("peak memory (MiB)", "peak_memory_bytes", lambda v: f"{v / mib:,.0f}"),
        ("added by the loop (MiB)", "loop_added_bytes", lambda v: f"{v / mib:,.0f}"),
        ("optimizer states (MiB, counted)", "optimizer_state_bytes", lambda v: f"{v / mib:,.1f}"),
        ("median step (s)", "median_step_s", lambda v: f"{v:.2f}"),
        ("tokens/s", "tokens_per_s", lambda v: f"{v:.0f}"),
        ("checkpoint on disk (MB)", "checkpoint_bytes", lambda v: f"{v / mb:,.1f}"),
        ("weights files (MB)", "weights_bytes", lambda v: f"{v / mb:,.1f}"),
    ]
    lines = ["| method | " + " | ".join(header for header, _, _ in columns) + " |",
             "| --- | " + " | ".join("---:" for _ in columns) + " |"]
    for method, result in results.items():
        lines.append(f"| {METHODS[method]} | " + " | ".join(show(result[key]) for _, key, show in columns) + " |")
    full, lora = results["full"], results["lora"]
    ratios = [lora[key] / full[key] if full[key] else float("nan") for _, key, _ in columns]
    lines.append("| LoRA / full | " + " | ".join(f"{ratio:.3f}" for ratio in ratios) + " |")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench_lora", description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=6, help="optimizer steps per method (default 6; the first is "
                                                              "left out of the timings)")
    parser.add_argument("--config", default=str(REPO_ROOT / "configs" / "full_ft_summarization.yaml"),
                        help="the full fine-tuning config: data, batch, length, precision (default notebook 03's)")
    parser.add_argument("--lora-config", default=str(REPO_ROOT / "configs" / "lora_summarization.yaml"),
                        help="where the LoRA knobs come from (default notebook 06's)")
    parser.add_argument("--model", default=None, help="override the config's model (e.g. tiny for a quick check)")
    parser.add_argument("--batch-size", dest="batch_size", type=int, default=None, help="override batch_size")
    parser.add_argument("--max-length", dest="max_length", type=int, default=None, help="override max_length")
    parser.add_argument("--train-limit", dest="train_limit", type=int, default=None,
                        help="use only this many training examples (default: the config's)")
    parser.add_argument("--precision", choices=["auto", "bf16", "fp32"], default=None, help="override precision")
    parser.add_argument("--eval-limit", dest="eval_limit", type=int, default=8,
                        help="validation examples for the loop's final validation loss (default 8: not timed)")
    parser.add_argument("--runs-dir", dest="runs_dir", default=None,
                        help="where the two runs are written (default: a temporary folder, removed afterwards)")
    parser.add_argument("--results", type=Path, default=RESULTS, help=f"Markdown file to append to (default {RESULTS})")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw measurements to this JSON file")
    parser.add_argument("--no-write", action="store_true", help="print the section but do not append it")
    parser.add_argument("--worker", choices=list(METHODS), help=argparse.SUPPRESS)
    parser.add_argument("--json-out", dest="json_out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.steps < 1:
        parser.error("--steps must be at least 1")

    if args.worker:  # inside the subprocess: train one method and write its measurements
        args.json_out.write_text(json.dumps(worker(args.worker, args), indent=1))
        return 0

    argv = list(argv if argv is not None else sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="bench_lora-") as temp:
        workdir = Path(temp)
        if args.runs_dir is None:  # the subprocesses must share one runs folder: pass it on explicitly
            argv += ["--runs-dir", str(workdir / "runs")]
            args.runs_dir = str(workdir / "runs")
        config = build_config("full", args)
        load_before = machine_line()
        print(f"bench_lora: {args.steps} steps of full fine-tuning, then LoRA, model {config.model}, batch "
              f"{config.batch_size} x max_length {config.max_length}, precision {config.precision}",
              file=sys.stderr, flush=True)
        results = {method: run_in_subprocess(method, argv, workdir) for method in METHODS}
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    lora_config = build_config("lora", args)
    full, lora = results["full"], results["lora"]
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## LoRA vs full fine-tuning: memory, optimizer states, speed, checkpoint size ({stamp})",
        "",
        f"Machine: {load_before} (at the start; {load_after:.1f} at the end)",
        "",
        f"Model `{config.model}`, {', '.join(config.tasks)} from `{Path(args.config).name}`: batch {config.batch_size} x "
        f"max_length {config.max_length}, {args.steps} steps each, precision {full['precision']} (both), device "
        f"{full['device']}. LoRA: r {lora_config.r}, lora_alpha {lora_config.lora_alpha:g}, lora_dropout "
        f"{lora_config.lora_dropout:g} on {', '.join(lora_config.target_modules)}. Each method in its own process; "
        f"peak memory by {full['peak_memory_method']}; optimizer states counted from the optimizer after its first step "
        f"(AdamW's two fp32 moments, {2 * 4} bytes per trainable parameter, plus step counters); step time and tokens/s "
        "are medians over the steps after the first. Step times are noisy when the load average exceeds the core count.",
        "",
        *table(results),
        "",
    ]
    section = "\n".join(lines)
    print(section)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "machine": load_before, "load_after": load_after}, indent=1))
    if not args.no_write:
        header = "" if args.results.is_file() else "# Benchmark results\n\nAppended by the scripts in this folder.\n\n"
        with open(args.results, "a", encoding="utf-8") as handle:  # append: earlier sections stay as they are
            handle.write(header + section + "\n")
        print(f"bench_lora: appended to {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
