"""Count the operations of a training step that make a GPU wait for the host, with torch.profiler.

On a GPU every ``.item()``/``float()`` of a device tensor (``aten::_local_scalar_dense``) and every
boolean-mask index of one (``aten::index`` with a mask, whose backward is ``aten::_index_put_impl_``)
stops the queue until the device has caught up. Those operators are the same on the CPU, so this
script counts them on whatever device it runs -- a CPU is enough to see where a loop would sync.

    python benchmarks/profile_syncs.py [--steps 8] [--log-every 1]

Run it from another checkout (``git worktree add /tmp/old REV``, then ``python benchmarks/profile_syncs.py``
there) to compare loops: it uses only ``train(config)`` and ``TrainConfig``, which every version has.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SYNC_OPS = ("aten::_local_scalar_dense", "aten::nonzero", "aten::index", "aten::_index_put_impl_")


def count_sync_ops(config_class, train, steps: int, log_every: int) -> Counter:
    from torch.profiler import ProfilerActivity, profile

    with tempfile.TemporaryDirectory(prefix="profile-syncs-") as tmp:
        config = config_class(model="tiny", tasks=["sentiment"], batch_size=4, grad_accum=2, max_steps=steps,
                              max_length=128, train_limit=128, eval_limit=4, log_every=log_every, save_every=0,
                              progress=False, precision="fp32", output_dir=tmp, name="syncs")
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            train(config)
    return Counter({event.key: event.count for event in prof.key_averages() if event.key in SYNC_OPS})


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
    args = parser.parse_args(argv)
    # Two runs, n and 2n steps: the difference of the counts is what n training steps cost, without
    # the setup (data, model, the final validation) that both runs share.
    counts = [count_sync_ops(TrainConfig, train, steps, args.log_every) for steps in (args.steps, 2 * args.steps)]
    print(f"per training step (2 micro-batches of 4), log_every {args.log_every}:")
    for op in SYNC_OPS:
        print(f"  {op:28s} {(counts[1][op] - counts[0][op]) / args.steps:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
