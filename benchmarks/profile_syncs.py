"""Count the operations of a training step that make a GPU wait for the host, with torch.profiler.

On a GPU every ``.item()``/``float()`` of a device tensor (``aten::_local_scalar_dense``) and every
boolean-mask index of one (``aten::index`` with a mask, whose backward is ``aten::_index_put_impl_``)
stops the queue until the device has caught up. Those operators are the same on the CPU, so this
script counts them on whatever device it runs -- a CPU is enough to see where a loop would sync.

    python benchmarks/profile_syncs.py [--steps 8] [--log-every 1] [--attribute]

``--attribute`` also says where each host read (scalar read or ``nonzero``) comes from: the operator it runs inside (from the
profiler's parent events), and for reads made directly from Python, the Python line (from a dispatch mode
that sees every top-level operator call).

Run it from another checkout (``git worktree add /tmp/old REV``, then ``python benchmarks/profile_syncs.py``
there) to compare loops: it uses only ``train(config)`` and ``TrainConfig``, which every version has.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SYNC_OPS = ("aten::_local_scalar_dense", "aten::nonzero", "aten::index", "aten::_index_put_impl_")
WAITS = ("aten::_local_scalar_dense", "aten::nonzero")  # the two that read a result back to the host


def _train_tiny(config_class, train, steps: int, log_every: int) -> None:
    with tempfile.TemporaryDirectory(prefix="profile-syncs-") as tmp:
        train(config_class(model="tiny", tasks=["sentiment"], batch_size=4, grad_accum=2, max_steps=steps,
                           max_length=128, train_limit=128, eval_limit=4, log_every=log_every, save_every=0,
                           progress=False, precision="fp32", output_dir=tmp, name="syncs"))


def count_sync_ops(config_class, train, steps: int, log_every: int) -> tuple[Counter, Counter]:
    """Counts of SYNC_OPS, and of the WAITS by the chain of operators they run inside."""
    from torch.profiler import ProfilerActivity, profile

    with profile(activities=[ProfilerActivity.CPU]) as prof:
        _train_tiny(config_class, train, steps, log_every)
    counts = Counter({event.key: event.count for event in prof.key_averages() if event.key in SYNC_OPS})
    inside = Counter()
    for event in prof.events():
        if event.name in WAITS:
            parents, parent = [], event.cpu_parent
            while parent is not None:
                parents.append(parent.name)
                parent = parent.cpu_parent
            inside[" > ".join(parents[::-1] + [event.name])] += 1
    return counts, inside


def python_reads(config_class, train, steps: int, log_every: int) -> Counter:
    """WAITS made by top-level operator calls, by the Python line (outside torch and this file) that made them."""
    import torch
    from torch.utils._python_dispatch import TorchDispatchMode

    class Reads(TorchDispatchMode):
        def __init__(self):
            super().__init__()
            self.lines = Counter()

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            if f"aten::{func.overloadpacket.__name__}" in WAITS:
                frames = [f for f in traceback.extract_stack() if "/torch/" not in f.filename and f.filename != __file__]
                where = frames[-1]
                place = where.filename.rsplit("site-packages/", 1)[-1].replace(str(Path.cwd()) + "/", "")
                # a read of a CPU tensor never makes a GPU wait: say which device the tensor read is on
                devices = {a.device.type for a in args if isinstance(a, torch.Tensor)} or {"?"}
                self.lines[f"aten::{func.overloadpacket.__name__} of a {'/'.join(sorted(devices))} tensor "
                           f"from {place}:{where.lineno} {where.name}"] += 1
            return func(*args, **(kwargs or {}))

    reads = Reads()
    with reads:
        _train_tiny(config_class, train, steps, log_every)
    return reads.lines


def _per_step(pair: list[Counter], steps: int) -> dict:
    return {key: (pair[1][key] - pair[0][key]) / steps for key in pair[1] if pair[1][key] != pair[0][key]}


def main(argv=None) -> int:
    try:
        from labutils.config import TrainConfig
    except ImportError:  # checkouts from before labutils.config
        from labutils.train import TrainConfig
    from labutils.train import train

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=8,
                        help="the step count difference between the two profiled runs (default 8)")
    parser.add_argument("--log-every", type=int, default=1, help="the config's log_every (default 1)")
    parser.add_argument("--attribute", action="store_true", help="also say where the host reads come from")
    args = parser.parse_args(argv)
    # Two runs, n and 2n steps: the difference of the counts is what n training steps cost, without
    # the setup (data, model, the final validation) that both runs share.
    both = [count_sync_ops(TrainConfig, train, steps, args.log_every) for steps in (args.steps, 2 * args.steps)]
    counts = _per_step([pair[0] for pair in both], args.steps)
    print(f"per training step (2 micro-batches of 4), log_every {args.log_every}:")
    for op in SYNC_OPS:
        print(f"  {op:28s} {counts.get(op, 0.0):6.1f}")
    if args.attribute:
        print("host reads per step, by the operators they run inside:")
        for where, n in sorted(_per_step([pair[1] for pair in both], args.steps).items(), key=lambda kv: -kv[1]):
            print(f"  {n:6.1f}  {where}")
        lines = _per_step([python_reads(TrainConfig, train, steps, args.log_every)
                           for steps in (args.steps, 2 * args.steps)], args.steps)
        print("host reads called from Python, per step, by line:")
        for where, n in sorted(lines.items(), key=lambda kv: -kv[1]):
            print(f"  {n:6.1f}  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
