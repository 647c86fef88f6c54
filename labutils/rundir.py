"""The run folder: its layout, its name, its history, its checkpoints and its final model.

Every training run lives in ``<runs root>/<name>-<config hash>/``::

    config.yaml      the full config, as trained
    history.jsonl    one JSON record per logged step ("kind": "train") and per validation ("val")
    metrics.json     final loss, val loss, timings, peak memory, parameter counts
    checkpoint/      the last resumable state (weights or adapter, optimizer, RNG, data position)
    checkpoint.old/  the one before it, kept as the fallback should the last one be unreadable
    best/            the trainable weights with the best validation loss (``save_best``)
    final/           the finished model: save_pretrained + tokenizer, or the LoRA adapter
    DONE             written last: its presence means the run finished

Everything that writes to disk does it atomically (temporary file or folder, fsync, rename), so a
kill at any moment leaves the last complete state. :mod:`labutils.train` writes here; the runs
registry (:mod:`labutils.runs`) reads here.
"""

from __future__ import annotations

import errno
import hashlib
import json
import math
import os
import pickle
import random
import shutil
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import yaml
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file

from labutils import REPO_ROOT
from labutils.adapters import save_adapter
from labutils.config import ConfigError, TrainConfig
from labutils.data import bundled_fingerprint, file_digest
from labutils.logsinks import TENSORBOARD_FOLDER
from labutils.models import load_model
from labutils.presets import local_path
from labutils.results import to_jsonable

RUNS_ENV = "LABUTILS_RUNS"
DONE_MARKER = "DONE"
CHECKPOINT, PREVIOUS = "checkpoint", "checkpoint.old"  # the newest resumable state, and the one before it

# Fields that do not change what a run computes: where it is written, what it is called,
# whether and from where it resumes, how often it is saved or printed (resuming is bitwise identical, see
# tests/test_train.py). Everything else -- model, data, optimisation, precision, seed -- is hashed.
HASH_EXCLUDED = frozenset({"name", "output_dir", "resume", "resume_from", "save_every", "save_best", "log_every",
                           "progress", "log_to", "scale"})  # scale: hashed through the fields it scales


def config_hash(config) -> str:
    """A 10-hex-digit hash of what changes the trained weights: the config fields and the data files it reads.

    Example:
        >>> from labutils.config import TrainConfig
        >>> config_hash(TrainConfig(name="a")) == config_hash(TrainConfig(name="b"))
        True
        >>> config_hash(TrainConfig(lr=1e-4)) == config_hash(TrainConfig(lr=2e-4))
        False
    """
    values = {key: value for key, value in config.to_dict().items() if key not in HASH_EXCLUDED}
    # What the run reads: the bundled train and validation files of the tasks without a source of their own
    # (a regenerated split trains again), and each file source by its bytes.
    sources = config.data_source or {}
    values["bundled_data"] = bundled_fingerprint([task for task in config.tasks if task not in sources],
                                                 ("train", "validation"))
    values["source_files"] = {task: file_digest(Path(local)) for task, local in
                              ((task, local_path(source)) for task, source in sources.items()) if local}
    canonical = json.dumps(values, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:10]


def runs_root(config=None) -> Path:
    """The folder that holds all runs: ``config.output_dir``, else ``$LABUTILS_RUNS``, else ``<repo>/runs``.

    One folder for the command line and every notebook (which run with ``notebooks/`` as their
    working directory), so a later notebook finds the run an earlier one trained.
    """
    if config is not None and config.output_dir:
        return Path(config.output_dir).expanduser()
    return Path(os.environ.get(RUNS_ENV, REPO_ROOT / "runs")).expanduser()


def writable_folder(folder: Path, config=None) -> Path:
    """Create ``folder`` (and its parents) and prove it writable, or raise a ConfigError naming it.

    Run folders live under ``output_dir`` (or ``$LABUTILS_RUNS``): a file at that path, a folder
    without write permission or a read-only disk is reported here, before any model loads.
    """
    key = "output_dir" if config is not None and config.output_dir else RUNS_ENV if os.environ.get(RUNS_ENV) else "runs folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=folder).close()  # the only sure test of write permission, whoever we run as
    except (FileExistsError, NotADirectoryError):
        raise ConfigError(f"{key}: {folder} is (or lies under) a file, not a folder; "
                          "set output_dir=DIR to a folder (it is created if missing)") from None
    except OSError as error:
        raise ConfigError(f"{key}: cannot write to {folder} ({error.strerror or error}); "
                          f"set output_dir=DIR to a folder you can write to (or {RUNS_ENV})") from None
    return folder


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


class TrainingError(RuntimeError):
    """Training stopped for a reason the message explains."""


class CheckpointError(TrainingError):
    """A checkpoint could not be written (e.g. a full disk); the previous one is intact."""


def prepare_run_dir(config: TrainConfig, *, resume: bool) -> Path:
    """Create the run folder and write its config; a fresh start (no resume, or nothing to resume
    from) first removes what an earlier run left there."""
    run_dir = writable_folder(run_dir_for(config), config)
    if not (resume and (has_checkpoint(run_dir / CHECKPOINT) or has_checkpoint(run_dir / PREVIOUS))):
        for stale in (CHECKPOINT, PREVIOUS, "best", "final", "history.jsonl", "metrics.json", DONE_MARKER,
                      TENSORBOARD_FOLDER):
            if (run_dir / stale).is_dir():
                shutil.rmtree(run_dir / stale)
            else:
                (run_dir / stale).unlink(missing_ok=True)
    (run_dir / "config.yaml").write_text(yaml.safe_dump(config.to_dict(), sort_keys=False))
    return run_dir


def finish_run(run_dir: Path, model, tokenizer, config: TrainConfig, metrics: dict) -> None:
    """Save the final model and metrics, then the DONE marker (last), and drop the checkpoints."""
    save_final(run_dir, model, tokenizer, config)
    write_json_atomic(run_dir / "metrics.json", to_jsonable(metrics))
    (run_dir / DONE_MARKER).write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) + "\n")
    for folder in (CHECKPOINT, PREVIOUS):  # final/ has the model now; optimizer states are 2x its size
        shutil.rmtree(run_dir / folder, ignore_errors=True)


# --------------------------------------------------------------------------------------
# History: one JSON line per record, appended as training goes
# --------------------------------------------------------------------------------------


def append_history(run_dir: Path, record: dict) -> None:
    with open(run_dir / "history.jsonl", "a") as handle:
        handle.write(json.dumps(record) + "\n")


def read_history(run_dir: Path) -> list[dict]:
    """History records; a torn last line (killed mid-write) is ignored."""
    records = []
    try:
        for line in (run_dir / "history.jsonl").read_text().splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:
                break
    except OSError:
        pass
    return records


def write_history(run_dir: Path, records: list[dict]) -> None:
    temp = run_dir / "history.jsonl.tmp"
    temp.write_text("".join(json.dumps(r) + "\n" for r in records))
    os.replace(temp, run_dir / "history.jsonl")



# --------------------------------------------------------------------------------------
# What a run produced
# --------------------------------------------------------------------------------------


@dataclass
class TrainResult:
    """What a run produced. ``model``/``tokenizer`` are set after training (None when reused)."""

    run_dir: Path
    config: TrainConfig
    history: list[dict]
    metrics: dict
    model: Any = None
    tokenizer: Any = None
    reused: bool = False

    @property
    def final_dir(self) -> Path:
        return self.run_dir / "final"

    def train_losses(self) -> list[tuple[int, float]]:
        return [(r["step"], r["loss"]) for r in self.history if r["kind"] == "train"]

    def val_losses(self) -> list[tuple[int, float]]:
        return [(r["step"], r["val_loss"]) for r in self.history if r["kind"] == "val"]

    def load_model(self, device=None):
        """Load the trained model (LoRA: base + adapter) from ``final/``."""
        self.model, self.tokenizer = load_model(str(self.final_dir), device=device)
        return self.model, self.tokenizer


# --------------------------------------------------------------------------------------
# Checkpoints: atomic on disk, bitwise on resume
# --------------------------------------------------------------------------------------


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def trainable_state(model) -> dict[str, torch.Tensor]:
    return {name: p.detach().to("cpu").contiguous().clone() for name, p in model.named_parameters() if p.requires_grad}


def _kept_note(run_dir: Path) -> str:
    previous = read_state(run_dir / CHECKPOINT) or read_state(run_dir / PREVIOUS)
    return (f"the previous checkpoint (step {previous['step']}) in {run_dir / CHECKPOINT} is intact" if previous
            else "no earlier checkpoint exists")


def save_checkpoint(run_dir: Path, model, optimizer, state: dict) -> Path:
    """Write ``run_dir/checkpoint`` atomically and keep the one before it as ``checkpoint.old``.

    The new checkpoint goes to a temporary folder, is fsynced and read back (:func:`checkpoint_problem`),
    and only then takes ``checkpoint/``'s place; the checkpoint it replaces becomes ``checkpoint.old``,
    the fallback :func:`load_checkpoint` turns to should the newest be unreadable. A kill at any moment
    leaves at least one complete checkpoint. Weights holding NaN or inf are never written.
    """
    final, old = run_dir / CHECKPOINT, run_dir / PREVIOUS
    weights = trainable_state(model)
    broken = next((name for name, tensor in weights.items() if not torch.isfinite(tensor).all()), None)
    if broken is not None:
        raise TrainingError(f"The weights hold NaN or inf after step {state['step']} (first in {broken}), so they were "
                            f"not checkpointed; {_kept_note(run_dir)}. Lower lr (or set max_grad_norm: 1.0) and "
                            f"continue from the kept checkpoint with resume_from={run_dir}.")
    temp = run_dir / f"checkpoint.tmp-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    try:
        temp.mkdir(parents=True)
        save_file(weights, str(temp / "trainable.safetensors"))
        torch.save(optimizer.state_dict(), temp / "optimizer.pt")
        torch.save({"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state(),
                    "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None},
                   temp / "rng.pt")
        sizes = {path.name: path.stat().st_size for path in sorted(temp.iterdir())}
        (temp / "state.json").write_text(json.dumps({**state, "files": sizes}, indent=1))  # last: marks it complete
        for path in temp.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        fsync_dir(temp)
        problem = checkpoint_problem(temp)
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        reason = "the disk is full" if error.errno == errno.ENOSPC else f"{error.strerror or error}"
        raise CheckpointError(f"Could not write the checkpoint at step {state['step']}: {reason}; {_kept_note(run_dir)}. "
                              "Free some disk space (or set save_every: 0) and run again with resume: true.") from error
    if problem:
        shutil.rmtree(temp, ignore_errors=True)
        raise CheckpointError(f"The checkpoint written at step {state['step']} does not read back ({problem}); "
                              f"{_kept_note(run_dir)}. Check the disk, then run again with resume: true.")
    # rotate: a readable current checkpoint becomes the fallback, then the new one takes its place
    # (a kill in between leaves checkpoint.old, which load_checkpoint reads)
    if final.exists():
        if checkpoint_problem(final) is None:
            shutil.rmtree(old, ignore_errors=True)
            os.replace(final, old)
        else:
            shutil.rmtree(final)
    os.replace(temp, final)
    fsync_dir(run_dir)
    return final


def has_checkpoint(folder: Path) -> bool:
    """A checkpoint was completed here (its state file, written last, exists), readable or not."""
    return (folder / "state.json").is_file()


def read_state(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "state.json").read_text())
    except (OSError, ValueError):
        return None


def checkpoint_problem(folder: Path) -> str | None:
    """Why ``folder`` is not a complete, readable checkpoint, or None when it is.

    Cheap enough to run on every save and load: it reads ``state.json``, compares each file's size
    with the size recorded when it was written, and parses the safetensors header and the zip
    directory at the end of each torch file, so a truncated or half-copied file fails here.
    """
    state = read_state(folder)
    if state is None:  # state.json is renamed into place last: absent means unfinished, unreadable means damaged
        return ("state.json is present but unreadable (damaged or edited)" if has_checkpoint(folder)
                else "state.json is missing (the save never finished)")
    for name, size in state.get("files", {}).items():  # checkpoints from before sizes were recorded skip this
        path = folder / name
        if not path.is_file() or path.stat().st_size != size:
            found = f"{path.stat().st_size:,} bytes" if path.is_file() else "missing"
            return f"{name} is {found}, {size:,} bytes were written"
    name = "trainable.safetensors"
    try:
        with safe_open(str(folder / name), "pt"):
            pass
        for name in ("optimizer.pt", "rng.pt"):
            zipfile.ZipFile(folder / name).close()
    except (OSError, SafetensorError, zipfile.BadZipFile) as error:
        return f"{name}: {error}"
    return None


def _restore(folder: Path, model, optimizer) -> dict:
    """Load weights, optimizer state and RNG streams from one checkpoint folder; return its state."""
    saved = load_file(str(folder / "trainable.safetensors"))
    params = dict(model.named_parameters())
    unknown = sorted(set(saved) - set(params))
    if unknown:
        raise ValueError(f"it holds weights this model does not have ({unknown[0]}, ...): another model or peft setting?")
    with torch.no_grad():
        for name, tensor in saved.items():
            params[name].copy_(tensor)
    optimizer.load_state_dict(torch.load(folder / "optimizer.pt", weights_only=False))
    rng = torch.load(folder / "rng.pt", weights_only=False)
    random.setstate(rng["python"])
    np.random.set_state(rng["numpy"])
    torch.set_rng_state(rng["torch"])
    if rng["cuda"] is not None and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(rng["cuda"])
    return read_state(folder)


def _adopt_checkpoint(source: str | os.PathLike, run_dir: Path, total_steps: int | None = None) -> None:
    """Copy ``resume_from``'s newest readable checkpoint (and its history) into ``run_dir``.

    Refused, with nothing copied, when the checkpoint is already at or past this run's last step.
    """
    source = Path(source).expanduser()
    found = next((f for f in (source / CHECKPOINT, source / PREVIOUS, source) if checkpoint_problem(f) is None), None)
    if found is None:
        raise TrainingError(f"resume_from: {source} holds no readable checkpoint ({source / CHECKPOINT}/state.json); "
                            "give the folder of a run that stopped before finishing (a finished run keeps only final/).")
    step = read_state(found)["step"]
    if total_steps is not None and step >= total_steps:
        raise TrainingError(f"resume_from: {found} is at step {step}, and this run stops after {total_steps} steps "
                            f"(max_steps or epochs), so nothing is left to train; set max_steps above {step}.")
    temp = run_dir / f"checkpoint.tmp-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    shutil.copytree(found, temp)
    try:
        os.replace(temp, run_dir / CHECKPOINT)
    except OSError:  # another process of this run copied it first
        shutil.rmtree(temp, ignore_errors=True)
    write_history(run_dir, [r for r in read_history(found.parent) if r["step"] <= step])
    print(f"labutils: starting from {found} (step {step}) with this run's config (resume_from)", file=sys.stderr)


def load_checkpoint(run_dir: Path, model, optimizer, *, resume: bool = True,
                    resume_from: str | os.PathLike | None = None, total_steps: int | None = None) -> dict | None:
    """Restore weights, optimizer and RNG from the newest readable checkpoint and return its state.

    ``resume``: this run folder's ``checkpoint/``, or ``checkpoint.old/`` (with a message) when the
    newest cannot be read. ``resume_from``: a run folder to start from when this run has none of its
    own, e.g. with a lower lr after a divergence; its checkpoint is copied here first, so the new run
    resumes by itself afterwards. Returns None when there is nothing to resume from; raises a
    TrainingError naming the ways out when no checkpoint can be read.
    """
    run_dir = Path(run_dir)
    folders = [run_dir / CHECKPOINT, run_dir / PREVIOUS]
    if not (resume and any(has_checkpoint(folder) for folder in folders)):
        if not resume_from:
            return None
        _adopt_checkpoint(resume_from, run_dir, total_steps)
    failures = []
    for folder in folders:
        if not has_checkpoint(folder):
            continue
        problem = checkpoint_problem(folder)
        try:
            if problem is None:
                state = _restore(folder, model, optimizer)
        except (OSError, RuntimeError, ValueError, KeyError, EOFError, pickle.UnpicklingError, SafetensorError) as error:
            problem = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        if problem:
            failures.append(f"{folder} is unreadable ({problem})")
            continue
        if failures:
            print(f"labutils: {failures[0]}; resuming from the previous checkpoint {folder} (step {state['step']}) "
                  "instead.", file=sys.stderr)
        return state
    raise TrainingError("Cannot resume: " + "; ".join(failures) + ". Start this run over with `labutils train --fresh "
                        "...` (resume: false in Python), or continue another run's checkpoint with resume_from=DIR"
                        + (" after --fresh (resume_from is read only by a run that has no checkpoint of its own)"
                           if resume_from else "") + ".")


# A training loss this many times the run's first one means the weights have left the region
# training started in: fine-tuning losses fall, a diverging run's jump by orders of magnitude.
EXPLODED_LOSS_FACTOR = 4.0


def keep_sound_checkpoint(run_dir: Path, diverged_at: int) -> dict | None:
    """After training diverged at (0-based) step ``diverged_at``, keep only a checkpoint worth resuming from.

    A checkpoint is sound when its weights are finite and the training loss computed with them (the
    history record of step ``step + 1``) was finite and not exploded. The checkpoint written just
    before the diverging step is never sound: its weights gave the NaN, and resuming would replay
    that very step. Unsound checkpoints are deleted; a sound ``checkpoint.old`` takes ``checkpoint/``'s
    place. Returns the kept checkpoint's state, or None.
    """
    losses = {r["step"]: r["loss"] for r in read_history(run_dir) if r.get("kind") == "train"}
    ceiling = EXPLODED_LOSS_FACTOR * losses[min(losses)] if losses else math.inf

    def sound(folder: Path) -> bool:
        state = read_state(folder)
        if state is None or state["step"] >= diverged_at or checkpoint_problem(folder) is not None:
            return False
        if not losses.get(state["step"] + 1, 0.0) <= ceiling:  # NaN fails this comparison too
            return False
        return all(bool(torch.isfinite(t).all()) for t in load_file(str(folder / "trainable.safetensors")).values())

    final = run_dir / CHECKPOINT
    for folder in (final, run_dir / PREVIOUS):
        if sound(folder):
            if folder != final:
                os.replace(folder, final)
            return read_state(final)
        shutil.rmtree(folder, ignore_errors=True)
    return None


def save_final(run_dir: Path, model, tokenizer, config: TrainConfig) -> Path:
    """Save the finished model (full: save_pretrained; LoRA: the adapter naming its base) atomically."""
    final, temp = run_dir / "final", run_dir / "final.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    if config.peft == "lora":
        model.peft_config["default"].base_model_name_or_path = config.model
        save_adapter(model, temp)  # small safetensors + adapter_config.json naming the base
    else:
        model.save_pretrained(temp, safe_serialization=True)
    if tokenizer is not None:
        tokenizer.save_pretrained(temp)
    shutil.rmtree(final, ignore_errors=True)
    os.replace(temp, final)
    return final



def save_best(run_dir: Path, model, step: int) -> None:
    temp = run_dir / "best.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    save_file(trainable_state(model), str(temp / "trainable.safetensors"), metadata={"step": str(step)})
    shutil.rmtree(run_dir / "best", ignore_errors=True)
    os.replace(temp, run_dir / "best")

