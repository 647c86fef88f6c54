"""Where a training step's time goes: torch.profiler over (a) the lab's loop or (c) the tuned HF Trainer.

The same settings as ``labutils bench train`` (default model, summarization, batch 4, bf16 where the
CPU has it, 6 steps, constant lr). Prints the operators by self CPU time, for the analysis in
``benchmarks/RESULTS.md``::

    python benchmarks/profile_train.py a
    python benchmarks/profile_train.py c --steps 6 --rows 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_train  # noqa: E402  (this folder's benchmark: the two methods' setups)


class _NoMeter:
    def begin(self):
        pass

    def add_batch(self, attention_mask):
        pass

    def step_end(self):
        pass


def main(argv=None) -> int:
    from torch.profiler import ProfilerActivity, profile

    from labutils.default_model import DEFAULT_MODEL
    from labutils.device import autocast_dtype, pick_device
    from labutils.models import load_tokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("method", choices=["a", "c"], help="a = labutils loop, c = tuned HF Trainer")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--rows", type=int, default=25, help="operators to print")
    args = parser.parse_args(argv)

    device = pick_device()
    spec = dict(model=args.model, max_length=512, train_limit=400, batch_size=4, lr=5e-5, steps=args.steps,
                seed=0, precision="bf16" if autocast_dtype(device) else "fp32", device=str(device),
                workdir=tempfile.mkdtemp(prefix="profile-train-"))
    tokenizer = load_tokenizer(args.model)
    run = {"a": bench_train.run_labutils, "c": bench_train.run_hf_tuned}[args.method]
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        run(spec, _NoMeter(), tokenizer)
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=args.rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
