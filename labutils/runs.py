"""The runs registry: every training run lives in ``runs/<name>-<config hash>/``.

A later notebook that needs the model an earlier one trained calls :func:`get_or_train` with
the same config: a finished identical run is reused (nothing retrained), an unfinished one
resumes from its checkpoint, anything else trains. The root is ``./runs`` unless the config's
``output_dir`` or the environment variable ``LABUTILS_RUNS`` says otherwise.

A run folder holds::

    config.yaml      the full config, as trained
    history.jsonl    one JSON record per logged step ("kind": "train") and per validation ("val")
    metrics.json     final loss, val loss, timings, peak memory, parameter counts
    checkpoint/      the last resumable state (weights or adapter, optimizer, RNG, data position)
    final/           the finished model: save_pretrained + tokenizer, or the LoRA adapter
    DONE             written last: its presence means the run finished

Example:
    >>> from labutils.train import TrainConfig
    >>> from labutils.runs import get_or_train, config_hash
    >>> config = TrainConfig.from_yaml("configs/smoke.yaml")
    >>> result = get_or_train(config)     # trains the first time, reuses afterwards
    >>> result.reused, result.run_dir
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

RUNS_ENV = "LABUTILS_RUNS"
DONE_MARKER = "DONE"

# Fields that do not change what a run computes: where it is written, what it is called,
# whether it resumes, how often it is saved or printed (resuming is bitwise identical, see
# tests/test_train.py). Everything else -- model, data, optimisation, precision, seed -- is hashed.
HASH_EXCLUDED = frozenset({"name", "output_dir", "resume", "save_every", "save_best", "log_every", "progress"})


def config_hash(config) -> str:
    """A 10-hex-digit hash of the fields that change the trained weights.

    Example:
        >>> from labutils.train import TrainConfig
        >>> config_hash(TrainConfig(name="a")) == config_hash(TrainConfig(name="b"))
        True
        >>> config_hash(TrainConfig(lr=1e-4)) == config_hash(TrainConfig(lr=2e-4))
        False
    """
    values = {key: value for key, value in config.to_dict().items() if key not in HASH_EXCLUDED}
    canonical = json.dumps(values, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:10]


def runs_root(config=None) -> Path:
    """The folder that holds all runs: ``config.output_dir``, else ``$LABUTILS_RUNS``, else ``<repo>/runs``.

    One folder for the command line and every notebook (which run with ``notebooks/`` as their
    working directory), so a later notebook finds the run an earlier one trained.
    """
    from labutils import REPO_ROOT

    if config is not None and config.output_dir:
        return Path(config.output_dir).expanduser()
    return Path(os.environ.get(RUNS_ENV, REPO_ROOT / "runs")).expanduser()


def run_dir_for(config) -> Path:
    """``<runs root>/<name>-<config hash>``."""
    return runs_root(config) / f"{config.name}-{config_hash(config)}"


def is_done(run_dir: str | os.PathLike) -> bool:
    return (Path(run_dir) / DONE_MARKER).is_file()


def write_json_atomic(path: Path, value) -> None:
    """Write JSON to a temporary file, fsync it, then rename it over ``path``."""
    temp = path.with_name(path.name + ".tmp")
    with open(temp, "w") as handle:
        json.dump(value, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def load_run(run_dir: str | os.PathLike):
    """A finished run's ``TrainResult`` (config, history, metrics) without loading the model.

    Call ``result.load_model()`` to get the trained model back.
    """
    from labutils.train import TrainConfig, TrainResult, read_history

    run_dir = Path(run_dir)
    if not is_done(run_dir):
        raise FileNotFoundError(f"{run_dir} is not a finished run (no {DONE_MARKER} marker)")
    import yaml

    config = TrainConfig.from_dict(yaml.safe_load((run_dir / "config.yaml").read_text()), source=str(run_dir / "config.yaml"))
    metrics = json.loads((run_dir / "metrics.json").read_text())
    return TrainResult(run_dir=run_dir, config=config, history=read_history(run_dir), metrics=metrics, reused=True)


def get_or_train(config, *, callbacks=None):
    """Reuse a finished identical run, resume an unfinished one, or train a new one.

    "Identical" means the same :func:`config_hash`; the returned ``TrainResult.reused`` says
    which happened. A reused result has ``model=None``: call ``result.load_model()``.
    """
    from labutils.train import train

    run_dir = run_dir_for(config)
    if is_done(run_dir):
        print(f"reusing the finished run {run_dir}")
        return load_run(run_dir)
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:  # several processes of one run: train() coordinates them
        return train(config.replace(resume=True), callbacks=callbacks)
    # One process at a time per run folder: a second notebook asking for the same run waits, then reuses it.
    from filelock import FileLock

    run_dir.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(run_dir.parent / f".{run_dir.name}.lock")):
        if is_done(run_dir):
            print(f"reusing the finished run {run_dir}")
            return load_run(run_dir)
        return train(config.replace(resume=True), callbacks=callbacks)


def list_runs(root: str | os.PathLike | None = None) -> list[dict]:
    """One dict per run folder under ``root``: folder, finished or not, final and best val loss."""
    root = Path(root) if root is not None else runs_root()
    rows = []
    for folder in sorted(p for p in root.glob("*-*") if p.is_dir()):
        metrics = {}
        if (folder / "metrics.json").is_file():
            metrics = json.loads((folder / "metrics.json").read_text())
        rows.append({"run": folder.name, "done": is_done(folder), "final_loss": metrics.get("final_loss"),
                     "best_val_loss": metrics.get("best_val_loss"), "steps": metrics.get("steps")})
    return rows
