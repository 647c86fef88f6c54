"""The runs registry: train a config once, reuse the run everywhere; score a model once, reuse the scores.

A later notebook that needs the model an earlier one trained calls :func:`get_or_train` with
the same config: a finished identical run is reused (nothing retrained), an unfinished one
resumes from its checkpoint, anything else trains. :func:`evaluate_cached` does the same for
scores: each (model, task, settings) is generated and scored once, and the numbers are kept in
the run folder (or under ``runs/eval-cache/`` for a model that is not a run). The run folder's
layout is :mod:`labutils.rundir`'s.

Example:
    >>> from labutils.config import TrainConfig
    >>> from labutils.runs import get_or_train, evaluate_cached
    >>> config = TrainConfig.from_yaml("configs/smoke.yaml")
    >>> result = get_or_train(config)     # trains the first time, reuses afterwards
    >>> result.reused, result.run_dir
    >>> scores = evaluate_cached(result, limit=40, model_name="smoke FT")   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml
from filelock import FileLock

from labutils.config import TrainConfig
from labutils.data import bundled_fingerprint, file_digest
from labutils.device import autocast_dtype, pick_device
from labutils.evaluate import evaluate_task, tidy_table
from labutils.metrics import EvaluationError
from labutils.models import load_model
from labutils.presets import local_path
from labutils.results import to_jsonable
from labutils.rundir import (DONE_MARKER, TrainResult, is_done, read_history, run_dir_for, runs_root, writable_folder,
                             write_json_atomic)
from labutils.tasks import TASK_NAMES, TASKS, check_task
from labutils.train import train

def load_run(run_dir: str | os.PathLike):
    """A finished run's ``TrainResult`` (config, history, metrics) without loading the model.

    Call ``result.load_model()`` to get the trained model back.
    """
    run_dir = Path(run_dir)
    if not is_done(run_dir):
        raise FileNotFoundError(f"{run_dir} is not a finished run (no {DONE_MARKER} marker)")
    config = TrainConfig.from_dict(yaml.safe_load((run_dir / "config.yaml").read_text()), source=str(run_dir / "config.yaml"))
    metrics = json.loads((run_dir / "metrics.json").read_text())
    return TrainResult(run_dir=run_dir, config=config, history=read_history(run_dir), metrics=metrics, reused=True)


def get_or_train(config, *, callbacks=None, **train_inputs):
    """Reuse a finished identical run, resume an unfinished one, or train a new one.

    "Identical" means the same :func:`config_hash` (the config and the bytes of the data it trains on);
    the returned ``TrainResult.reused`` says which happened. A reused result has ``model=None``:
    call ``result.load_model()``.
    ``scale: auto`` is resolved first, so a GPU run and a CPU run of one config are two runs.
    ``train_inputs`` (``model``, ``tokenizer``, ``train_examples``, ``val_examples``) go to
    :func:`labutils.train.train` when it trains.
    """
    config = config.scaled()
    run_dir = run_dir_for(config)
    if is_done(run_dir):
        print(f"reusing the finished run {run_dir}")
        return load_run(run_dir)
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:  # several processes of one run: train() coordinates them
        return train(config.replace(resume=True), callbacks=callbacks, **train_inputs)
    # One process at a time per run folder: a second notebook asking for the same run waits, then reuses it.
    writable_folder(run_dir.parent, config)  # a clear error for a file or a read-only folder there
    with FileLock(str(run_dir.parent / f".{run_dir.name}.lock")):
        if is_done(run_dir):
            print(f"reusing the finished run {run_dir}")
            return load_run(run_dir)
        return train(config.replace(resume=True), callbacks=callbacks, **train_inputs)


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


# --------------------------------------------------------------------------------------
# Cached suites: score each model once, reuse the numbers in every notebook
# --------------------------------------------------------------------------------------


# Bump when a change to prompts, generation or metrics changes what a stored score means:
# every cached suite then counts as stale and is recomputed.
EVAL_CACHE_VERSION = 1
EVAL_CACHE_FOLDER = "eval-cache"  # under the runs root, for models that are not runs


def _cache_target(model_ref) -> tuple[str, Path | None, str]:
    """``(label, run folder or None, model name to load)`` for a model reference.

    A run (a ``TrainResult``, its folder or its ``final/`` folder) keeps its scores inside its
    own folder; anything else (a known name, a hub id, a plain model folder) in the shared cache.
    """
    run_dir = getattr(model_ref, "run_dir", None)  # a TrainResult
    if run_dir is None:
        path = Path(str(model_ref)).expanduser()
        if path.name == "final" and (path.parent / "config.yaml").is_file():
            run_dir = path.parent
        elif path.is_dir() and (path / "config.yaml").is_file() and (path / "final").exists():
            run_dir = path
        elif path.is_dir() and (path / "checkpoint").exists():
            run_dir = path  # a run folder that never reached final/: reported below
    if run_dir is not None:
        run_dir = Path(run_dir).resolve()
        if not is_done(run_dir):
            raise EvaluationError(f"{run_dir} is not a finished run (no DONE marker): finish or resume it with "
                                  "labutils.runs.get_or_train(config) before evaluating it.")
        return run_dir.name, run_dir, str(run_dir)
    name = str(model_ref)
    return name, None, name


def eval_cache_path(model_ref, tasks: Sequence[str] = TASK_NAMES, *, limit: int | None, split: str = "test",
                    **kwargs) -> Path:
    """Where :func:`evaluate_cached` keeps the scores of ``model_ref`` under these settings.

    A run: ``<run folder>/eval-<hash>.json``. A plain model name: ``<runs root>/eval-cache/<name>-<hash>.json``.
    The hash covers everything that changes a score (split, limit, prompt and generation options,
    the precision this machine evaluates in, :data:`EVAL_CACHE_VERSION`), not the task list: one
    file holds every task scored under the same settings, so a later call adds only missing tasks.

    Example:
        >>> eval_cache_path("smollm2-135m-instruct", limit=40)          # doctest: +SKIP
        PosixPath('.../runs/eval-cache/smollm2-135m-instruct-3f9a0c1d2e.json')
    """
    label, run_dir, _ = _cache_target(model_ref)
    digest = hashlib.sha256(json.dumps(_cache_settings(label if run_dir is None else None, limit, split, kwargs),
                                       sort_keys=True, default=str).encode()).hexdigest()[:10]
    if run_dir is not None:
        return run_dir / f"eval-{digest}.json"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(label).name if Path(label).expanduser().is_dir() else label)
    return runs_root() / EVAL_CACHE_FOLDER / f"{safe.strip('_') or 'model'}-{digest}.json"


def _source_keys(data) -> dict[str, str]:
    """``{task: source}`` as it goes into the cache's hash: a source that reads a local file also by its bytes."""
    if data is None:
        return {}
    if not isinstance(data, Mapping) or not all(isinstance(source, (str, os.PathLike, type(None)))
                                                for source in data.values()):
        raise EvaluationError("evaluate_cached takes sources as data: {task: file path or hub:NAME} "
                              "(labutils.presets); score rows in memory with evaluate_suite(model, tokenizer, "
                              "data={task: rows}).")
    keys = {}
    for task, source in data.items():
        if source is None:
            continue
        local = local_path(source)
        # A file by where it is and its bytes: an edited file is scored again.
        keys[str(task)] = f"{source}:{file_digest(Path(local))}" if local else str(source)
    return keys


def _cache_settings(name: str | None, limit, split: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Everything that changes a cached score (see :func:`eval_cache_path`)."""
    sources = _source_keys(kwargs.get("data"))
    # An option left at evaluate_task's default scores the same as an option not given at all
    # (max_new_tokens=None is each task's default length), so neither goes into the hash.
    defaults = {name: parameter.default for name, parameter in inspect.signature(evaluate_task).parameters.items()}
    options = {key: value for key, value in kwargs.items()
               if key not in ("progress", "data") and not (key in defaults and defaults[key] == value)}
    if "template" in options and not isinstance(options["template"], (str, type(None))):
        template = options["template"]  # a Template object: its wording is what matters
        options["template"] = f"{getattr(template, 'name', '')}:{getattr(template, 'jinja', template)}"
    device = pick_device()
    settings = {"version": EVAL_CACHE_VERSION, "split": split, "limit": limit, "options": options,
                "max_new_tokens": {name: task.max_new_tokens for name, task in TASKS.items()}, "device": device.type,
                "autocast": str(autocast_dtype(device))}  # bf16 and fp32 greedy outputs can differ
    if sources:
        settings["data"] = sources
    # The bundled split of every task (one cache file holds them all): a regenerated split is scored again.
    settings["bundled_data"] = bundled_fingerprint(TASK_NAMES, (split,))
    if name is not None:
        path = Path(name).expanduser()
        # A plain model folder is identified by where it is; a name or hub id by itself.
        settings["model"] = str(path.resolve()) if path.is_dir() else name
    return to_jsonable(settings)

def evaluate_cached(model_ref, tasks: Sequence[str] = TASK_NAMES, *, limit: int | None, split: str = "test",
                    model_name: str | None = None, loaded: tuple | None = None, refresh: bool = False,
                    **kwargs):
    """:func:`evaluate_suite` that generates and scores each (model, task, settings) only once.

    ``model_ref`` is a model name, hub id or folder, a run folder or a ``TrainResult``. Scores are
    stored as JSON (predictions included) in the run folder for a run, or under
    ``runs/eval-cache/`` for a plain model (see :func:`eval_cache_path`), so notebooks 04, 05,
    06 and the report score the base model and each fine-tuned model once between them. Only
    tasks missing from the file are evaluated, and the model is loaded only then (pass
    ``loaded=(model, tokenizer)`` to use one already in memory). ``refresh=True`` scores again.
    Other keyword arguments go to :func:`evaluate_task` (``template``, ``shots``,
    ``max_new_tokens``, ``batch_size`` ...); ``data`` may name sources, ``{task: file or hub:NAME}``
    (a notebook's ``data_source``), and is part of what is cached.

    Returns the same table as :func:`evaluate_suite` (``attrs["results"]`` holds the per-task
    results); ``attrs["cache_path"]`` is the file and ``attrs["from_cache"]`` the tasks that were
    read rather than scored now.

    Example:
        >>> base = evaluate_cached("smollm2-135m-instruct", limit=40, model_name="base")   # doctest: +SKIP
        >>> tuned = evaluate_cached(result, limit=40, model_name="summarization FT")      # doctest: +SKIP
        >>> forgetting_matrix(compare({"base": base, "summarization FT": tuned}))        # doctest: +SKIP
    """
    if isinstance(tasks, str):
        tasks = [tasks]
    for task in tasks:
        check_task(task, EvaluationError)
    label, run_dir, load_name = _cache_target(model_ref)
    path = eval_cache_path(model_ref, tasks, limit=limit, split=split, **kwargs)
    settings = _cache_settings(label if run_dir is None else None, limit, split, kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    # One writer per file: two notebooks scoring the same model wait for each other, then share.
    with FileLock(str(path.with_name("." + path.name + ".lock"))):
        stored: dict[str, Any] = {}
        if path.is_file() and not refresh:
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                if payload.get("settings") == settings:
                    stored = payload.get("results", {})
            except (OSError, ValueError):
                stored = {}  # a damaged cache file is only a cache: score again
        missing = [task for task in tasks if task not in stored]
        if missing:
            model, tokenizer = loaded if loaded is not None else load_model(load_name)
            for task in missing:
                stored[task] = to_jsonable(evaluate_task(model, tokenizer, task, limit=limit, split=split, **kwargs))
                # Written after every task, so an interrupted notebook keeps what it already scored.
                write_json_atomic(path, {"model": label, "settings": settings, "results": stored})
    table = tidy_table(model_name or label, {task: stored[task] for task in tasks})
    table.attrs["cache_path"] = str(path)
    table.attrs["from_cache"] = [task for task in tasks if task not in missing]
    return table
