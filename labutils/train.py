"""The one training loop of the lab: supervised fine-tuning, full or LoRA, on 🤗 Accelerate.

Notebook ``03_full_fine_tuning`` introduces it; ``04``-``06`` and ``labutils train`` reuse it.
Read :func:`train` top to bottom: setup -> data -> model -> optimizer -> resume -> loop, and
inside the loop batch -> forward -> masked loss -> backward -> clip -> step -> zero_grad ->
log / eval / checkpoint. Everything else in this file is a small helper the loop calls.

Full fine-tuning and LoRA share every line; they differ only in which parameters have
``requires_grad=True`` (peft freezes the base weights and adds ``lora_A``/``lora_B``).

Example:
    >>> from labutils.train import TrainConfig, train
    >>> config = TrainConfig.from_yaml("configs/smoke.yaml", overrides=["lr=1e-4"])
    >>> result = train(config)
    >>> result.metrics["final_loss"], result.run_dir

The same loop runs on several processes (DDP; FSDP through an accelerate config file)::

    accelerate launch --multi_gpu --num_processes 2 -m labutils.cli train --config configs/smoke.yaml

(on a machine without a GPU too: train() then asks Accelerate for CPU processes talking over
gloo. ``accelerate launch --cpu --num_processes 2`` starts only ONE process unless MPI is set
up; ``torchrun --nproc_per_node 2 -m labutils.cli train ...`` works as well.)

Packing and cross-example attention: with ``packing=True`` several examples share one row and
``position_ids`` restart at 0 for each example. Only the FlashAttention-2 kernel turns that into
truly separate ("varlen") attention; with the CPU's ``sdpa``/``eager`` attention a token may also
attend to the earlier examples in its row. We accept and document that contamination (as many
packed-SFT recipes do): the loss is still computed on each example's own completion tokens only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import errno
import json
import math
import os
import random
import shutil
import sys
import time
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch
import torch.nn.functional as F
import yaml

from labutils.runs import DONE_MARKER, run_dir_for, write_json_atomic
from labutils.tokenization import IGNORE_INDEX  # -100: Hugging Face's "no loss here" label

KNOWN_TASKS = ("summarization", "sentiment", "ner", "qa")  # mirrors labutils.data.TASKS


# --------------------------------------------------------------------------------------
# Errors: each one says what happened and what to do
# --------------------------------------------------------------------------------------


class ConfigError(ValueError):
    """A training config value is wrong; the message names the key (and the file)."""


class TrainingError(RuntimeError):
    """Training stopped for a reason the message explains."""


class TrainingDiverged(TrainingError):
    """The loss became NaN or infinite; the last good checkpoint is kept."""


class CheckpointError(TrainingError):
    """A checkpoint could not be written (e.g. a full disk); the previous one is intact."""


class TrainingOutOfMemory(TrainingError):
    """The accelerator ran out of memory; the message lists concrete ways out."""


# --------------------------------------------------------------------------------------
# The config: one flat, typed, commented block (like peft's LoraConfig)
# --------------------------------------------------------------------------------------


def _knob(default, help: str):
    """A dataclass field with a help text (lists get a fresh copy per instance)."""
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass
class TrainConfig:
    """Everything one training run needs. Defaults suit the 135M default model on a 2-core CPU.

    Example:
        >>> TrainConfig(tasks=["sentiment"], max_steps=20).lr
        5e-05
        >>> TrainConfig(lr=0)
        Traceback (most recent call last):
        labutils.train.ConfigError: lr: must be > 0, got 0.0
    """

    # what to train
    model: str = _knob("smollm2-135m-instruct", "model name or folder (labutils.models.load_model)")
    tasks: list[str] = _knob(["summarization"], "tasks to train on (multitask = several)")
    mix_weights: list[float] | None = _knob(None, "sampling weight per task (None = natural sizes)")
    template: str = _knob("all", "'all' = every template of the task, or one template name")
    max_length: int = _knob(512, "longest example in tokens; the prompt is cut, never the target")
    train_limit: int | None = _knob(None, "use only this many training examples (None = all)")
    train_on_prompt: bool = _knob(False, "also put loss on prompt tokens (pre-training style)")
    # batch and optimisation
    batch_size: int = _knob(8, "examples per micro-batch per process; memory grows with it")
    grad_accum: int = _knob(1, "micro-batches per optimizer step: bigger batch, same memory")
    lr: float = _knob(5e-5, "peak learning rate (full FT ~1e-5..1e-4; LoRA ~1e-4..1e-3)")
    weight_decay: float = _knob(0.0, "AdamW decoupled weight decay on matrices")
    warmup_steps: int = _knob(10, "linear warm-up steps (Adam's moments are noisy at first)")
    lr_schedule: Literal["cosine", "linear", "constant"] = _knob("cosine", "decay after warm-up")
    min_lr_ratio: float = _knob(0.1, "the decay ends at lr * min_lr_ratio")
    max_steps: int | None = _knob(None, "optimizer steps; wins over epochs when set")
    epochs: float = _knob(1.0, "passes over the training set (used when max_steps is None)")
    max_grad_norm: float = _knob(1.0, "clip the global gradient norm (0 = no clipping)")
    seed: int = _knob(0, "seeds model init (LoRA), data order and dropout")
    # speed and memory
    precision: Literal["auto", "bf16", "fp32"] = _knob("auto", "auto = bf16 autocast where the hardware has it")
    gradient_checkpointing: bool = _knob(False, "recompute activations in backward: less memory, ~30% slower")
    compile: bool = _knob(False, "torch.compile the model (slow first steps, faster later on GPU)")
    group_by_length: bool = _knob(True, "batch similar lengths together: less padding")
    packing: bool = _knob(False, "pack several examples per row (see module docstring)")
    # validation, checkpoints, logging
    eval_every: int = _knob(0, "validation loss every N steps (0 = only at the end)")
    eval_limit: int | None = _knob(64, "validation examples used for the loss (None = all)")
    generation_eval_every: int = _knob(0, "task metric by generation every N steps (0 = off)")
    generation_eval_limit: int = _knob(16, "validation examples generated for that metric")
    early_stopping_patience: int = _knob(0, "stop after N evals without a better val loss (0 = off)")
    save_every: int = _knob(50, "resumable checkpoint every N steps (0 = none)")
    save_best: bool = _knob(False, "also keep the weights with the best val loss in best/")
    resume: bool = _knob(False, "continue from the run folder's checkpoint if there is one")
    name: str = _knob("run", "run name: the folder is runs/<name>-<config hash>/")
    output_dir: str | None = _knob(None, "runs root (default $LABUTILS_RUNS or ./runs)")
    log_every: int = _knob(1, "history record every N steps")
    progress: bool = _knob(True, "show a tqdm progress bar")
    # parameter-efficient fine-tuning (peft's names)
    peft: Literal["none", "lora"] = _knob("none", "'none' = full fine-tuning, 'lora' = adapters only")
    r: int = _knob(8, "LoRA rank")
    lora_alpha: float = _knob(16, "LoRA scaling numerator: scaling = lora_alpha / r")
    lora_dropout: float = _knob(0.05, "dropout on the LoRA input")
    target_modules: list[str] = _knob(["q_proj", "k_proj", "v_proj", "o_proj"], "layers that get adapters")

    def __post_init__(self):
        self.validate()

    # -- loading --------------------------------------------------------------------

    @classmethod
    def from_dict(cls, values: dict, *, source: str = "config") -> "TrainConfig":
        """Build from a plain dict, refusing unknown keys with a suggestion."""
        if not isinstance(values, dict):
            raise ConfigError(f"{source}: expected a mapping of key: value, got {type(values).__name__}")
        valid = [f.name for f in dataclasses.fields(cls)]
        for key in values:
            if key not in valid:
                close = difflib.get_close_matches(str(key), valid, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else f" Valid keys: {', '.join(valid)}"
                raise ConfigError(f"{source}: unknown key {key!r}.{hint}")
        hints = typing.get_type_hints(cls)
        coerced = {key: _coerce(key, value, hints[key], source) for key, value in values.items()}
        try:
            return cls(**coerced)
        except ConfigError as error:
            raise ConfigError(f"{source}: {error}") from None

    @classmethod
    def from_yaml(cls, path: str | os.PathLike, overrides: list[str] | None = None) -> "TrainConfig":
        """Load a YAML file, then apply ``key=value`` overrides (values parsed as YAML).

        Example:
            >>> TrainConfig.from_yaml("configs/smoke.yaml", overrides=["lr=1e-4", "peft=lora"])
        """
        path = Path(path)
        try:
            values = yaml.safe_load(path.read_text()) or {}
        except OSError as error:
            raise ConfigError(f"{path}: cannot read the config file ({error.strerror})") from None
        except yaml.YAMLError as error:
            raise ConfigError(f"{path}: not valid YAML: {error}") from None
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: expected a mapping of key: value at the top level")
        for item in overrides or []:
            key, sep, text = item.partition("=")
            if not sep or not key.strip():
                raise ConfigError(f"override {item!r}: expected key=value, e.g. lr=1e-4")
            values[key.strip()] = yaml.safe_load(text) if text.strip() else None
        return cls.from_dict(values, source=str(path))

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def replace(self, **changes) -> "TrainConfig":
        """A copy with some fields changed (validated again)."""
        return TrainConfig.from_dict({**self.to_dict(), **changes})

    # -- checks, before any work ------------------------------------------------------

    def validate(self) -> None:
        hints = typing.get_type_hints(type(self))
        for f in dataclasses.fields(self):
            setattr(self, f.name, _coerce(f.name, getattr(self, f.name), hints[f.name], "config"))

        def need(ok: bool, key: str, rule: str):
            if not ok:
                raise ConfigError(f"{key}: {rule}, got {getattr(self, key)!r}")

        need(self.lr > 0, "lr", "must be > 0")
        for key in ("batch_size", "grad_accum", "max_length", "log_every"):
            need(getattr(self, key) >= 1, key, "must be >= 1")
        for key in ("warmup_steps", "eval_every", "generation_eval_every", "save_every",
                    "early_stopping_patience", "weight_decay", "max_grad_norm"):
            need(getattr(self, key) >= 0, key, "must be >= 0")
        need(self.max_steps is None or self.max_steps >= 1, "max_steps", "must be >= 1 or null")
        need(self.max_steps is not None or self.epochs > 0, "epochs", "must be > 0 (or set max_steps)")
        need(self.train_limit is None or self.train_limit >= 1, "train_limit", "must be >= 1 or null")
        need(self.eval_limit is None or self.eval_limit >= 1, "eval_limit", "must be >= 1 or null")
        need(0 <= self.min_lr_ratio <= 1, "min_lr_ratio", "must be between 0 and 1")
        need(self.r >= 1, "r", "must be >= 1")
        need(self.lora_alpha > 0, "lora_alpha", "must be > 0")
        need(0 <= self.lora_dropout < 1, "lora_dropout", "must be in [0, 1)")
        need(bool(self.target_modules) or self.peft == "none", "target_modules", "must list at least one module")
        need(bool(self.model.strip()), "model", "must name a model")
        need(bool(self.name.strip()) and "/" not in self.name, "name", "must be non-empty without '/'")
        need(len(self.tasks) >= 1, "tasks", "must list at least one task, e.g. [summarization]")
        for task in self.tasks:
            if task not in KNOWN_TASKS:
                close = difflib.get_close_matches(task, KNOWN_TASKS, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise ConfigError(f"tasks: unknown task {task!r} (known: {', '.join(KNOWN_TASKS)}).{hint}")
        need(len(set(self.tasks)) == len(self.tasks), "tasks", "lists a task twice")
        if self.mix_weights is not None:
            need(len(self.mix_weights) == len(self.tasks), "mix_weights", f"needs one weight per task ({len(self.tasks)})")
            need(all(w > 0 for w in self.mix_weights), "mix_weights", "must all be > 0")


def _coerce(key: str, value: Any, hint: Any, source: str) -> Any:
    """Check ``value`` against the field's type; accept the obvious conversions (1 -> 1.0, "1e-4" -> 1e-4)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        if value is None and type(None) in args:
            return None
        (hint,) = [a for a in args if a is not type(None)]
        origin, args = typing.get_origin(hint), typing.get_args(hint)

    def bad(expected: str):
        return ConfigError(f"{source}: {key}: expected {expected}, got {value!r} ({type(value).__name__})")

    if origin is Literal:
        if value not in args:
            raise ConfigError(f"{source}: {key}: must be one of {', '.join(map(repr, args))}, got {value!r}")
        return value
    if origin is list:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value = [value]  # "tasks: sentiment" means ["sentiment"]
        if not isinstance(value, (list, tuple)):
            raise bad("a list")
        return [_coerce(f"{key}[{i}]", item, args[0], source) for i, item in enumerate(value)]
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise bad("true or false")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise bad("an integer")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):  # YAML reads "1e-4" (no dot) as a string
            try:
                return float(value)
            except ValueError:
                pass
        raise bad("a number")
    if hint is str:
        if isinstance(value, str):
            return value
        raise bad("a string")
    return value


# --------------------------------------------------------------------------------------
# The learning-rate schedule: a pure function of the step (so the step IS its state)
# --------------------------------------------------------------------------------------


def lr_at(step: int, config: TrainConfig, total_steps: int) -> float:
    """Learning rate for optimizer step ``step`` (0-based) out of ``total_steps``.

    Example:
        >>> c = TrainConfig(lr=1e-3, warmup_steps=10, min_lr_ratio=0.0)
        >>> lr_at(0, c, 100), lr_at(9, c, 100), lr_at(100, c, 100)
        (0.0001, 0.001, 0.0)
    """
    min_lr = config.lr * config.min_lr_ratio
    # 1) linear warmup from lr/warmup to lr: Adam's moment estimates are noisy in the first steps
    if step < config.warmup_steps:
        return config.lr * (step + 1) / config.warmup_steps
    # 2) constant: no decay after warm-up
    if config.lr_schedule == "constant":
        return config.lr
    # 3) decay from lr to min_lr over the remaining steps (progress goes 0 -> 1)
    decay_steps = max(1, total_steps - config.warmup_steps)
    progress = min(1.0, (step - config.warmup_steps) / decay_steps)
    if config.lr_schedule == "linear":
        return min_lr + (config.lr - min_lr) * (1.0 - progress)
    # 4) cosine decay: coefficient goes 1 -> 0 along half a cosine wave
    coefficient = 0.5 * (1.0 + math.cos(math.pi * progress))
    return min_lr + (config.lr - min_lr) * coefficient


# --------------------------------------------------------------------------------------
# The loss: language-model head only where a label is set
# --------------------------------------------------------------------------------------


def completion_loss_sum(hidden: torch.Tensor, labels: torch.Tensor, lm_head: torch.nn.Module) -> torch.Tensor:
    """Summed cross-entropy over the labelled tokens, running ``lm_head`` only where needed.

    Position t predicts token t+1, so we keep the hidden states whose NEXT label is set. With
    a 49k vocabulary the head is about a fifth of a small model's FLOPs and most of the logits
    memory; prompt positions (labels -100) never need it. Same value as Hugging Face's
    ``model(..., labels=labels).loss`` times the number of labelled tokens.
    """
    targets = labels[:, 1:]                            # (batch, seq-1)
    keep = targets != IGNORE_INDEX                      # (batch, seq-1) bool
    selected = hidden[:, :-1][keep]                     # (n_tokens, hidden)
    logits = lm_head(selected).float()                  # (n_tokens, vocab), fp32 for a stable softmax
    return F.cross_entropy(logits, targets[keep], reduction="sum")


def count_loss_tokens(labels: torch.Tensor) -> int:
    """How many tokens carry loss in a batch (the shifted labels that are set)."""
    return int((labels[:, 1:] != IGNORE_INDEX).sum())


class CompletionLoss(torch.nn.Module):
    """Wraps a causal LM (plain or peft) so that ``forward`` returns the summed completion loss.

    We wrap instead of calling ``model.model`` directly from the loop so that Accelerate/DDP
    sees one module whose ``forward`` does all the work (DDP's gradient sync hooks in there).
    """

    def __init__(self, model: torch.nn.Module):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, labels, position_ids=None):
        base = self.model.get_base_model() if hasattr(self.model, "get_base_model") else self.model
        backbone = getattr(base, base.base_model_prefix)  # e.g. LlamaForCausalLM.model: no lm_head
        hidden = backbone(input_ids=input_ids, attention_mask=attention_mask,
                          position_ids=position_ids, use_cache=False).last_hidden_state  # (batch, seq, hidden)
        return completion_loss_sum(hidden, labels, base.get_output_embeddings())


# --------------------------------------------------------------------------------------
# Data: length-grouped, seeded, resumable batches; dynamic padding
# --------------------------------------------------------------------------------------


def step_batches(lengths: list[int], epoch: int, *, step_size: int, seed: int, group_by_length: bool,
                 mega_factor: int = 32) -> list[list[int]]:
    """The example indices of every optimizer step of ``epoch``: a pure function of its arguments.

    The order comes from a generator seeded with ``seed + epoch``, so a resumed run rebuilds
    exactly the same batches and only skips the steps it has done. With ``group_by_length``
    we shuffle, cut the order into mega-batches of ``mega_factor`` steps, sort each
    mega-batch by length (so each micro-batch pads little) and shuffle the steps again
    (so the loss curve has no long-to-short sawtooth). Incomplete last steps are dropped:
    every step then has the same global batch, which DDP needs.
    """
    generator = torch.Generator().manual_seed(seed * 100_003 + epoch)
    order = torch.randperm(len(lengths), generator=generator).tolist()
    if group_by_length:
        mega = step_size * mega_factor
        order = [i for start in range(0, len(order), mega)
                 for i in sorted(order[start:start + mega], key=lambda i: -lengths[i])]
    steps = [order[s:s + step_size] for s in range(0, len(order) - step_size + 1, step_size)]
    if group_by_length:
        steps = [steps[i] for i in torch.randperm(len(steps), generator=generator).tolist()]
    return steps


def collate(examples: list[dict], pad_id: int) -> dict[str, torch.Tensor]:
    """Pad a micro-batch to ITS longest example (dynamic padding), on the right."""
    width = max(len(e["input_ids"]) for e in examples)
    batch = {"input_ids": torch.full((len(examples), width), pad_id, dtype=torch.long),
             "attention_mask": torch.zeros((len(examples), width), dtype=torch.long),
             "labels": torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)}
    if "position_ids" in examples[0]:
        batch["position_ids"] = torch.zeros((len(examples), width), dtype=torch.long)
    for row, example in enumerate(examples):
        n = len(example["input_ids"])
        for key in batch:
            value = example[key] if key != "attention_mask" else [1] * n
            batch[key][row, :n] = torch.as_tensor(value)
    return batch


def pack_examples(examples: list[dict], max_length: int) -> list[dict]:
    """Greedy packing: concatenate examples into rows of at most ``max_length`` tokens.

    ``position_ids`` restart at 0 for each example; labels stay per example, and the first
    token of each example gets label -100 so no loss crosses an example boundary.
    """
    rows, current = [], {"input_ids": [], "labels": [], "position_ids": []}
    for example in examples:
        n = len(example["input_ids"])
        if current["input_ids"] and len(current["input_ids"]) + n > max_length:
            rows.append(current)
            current = {"input_ids": [], "labels": [], "position_ids": []}
        current["input_ids"] += list(example["input_ids"])
        current["labels"] += [IGNORE_INDEX] + list(example["labels"][1:])
        current["position_ids"] += list(range(n))
    if current["input_ids"]:
        rows.append(current)
    return rows


def _load_examples(config: TrainConfig, split: str, tokenizer, limit: int | None) -> tuple[list[dict], dict]:
    """Tokenized examples of ``split`` as plain lists (cheap to index, batch and pack)."""
    from labutils.tokenization import build_sft_dataset  # imported here: the data layer is optional for tests

    weights = dict(zip(config.tasks, config.mix_weights)) if config.mix_weights else None
    dataset, report = build_sft_dataset(
        list(config.tasks), split, tokenizer, template=config.template, max_length=config.max_length,
        seed=config.seed, limit=limit, mix_weights=weights, train_on_prompt=config.train_on_prompt)
    columns = {key: dataset[key] for key in ("input_ids", "labels")}
    return [{"input_ids": ids, "labels": labels} for ids, labels in zip(columns["input_ids"], columns["labels"])], report


def _load_model(config: TrainConfig, device: torch.device):
    from labutils.models import load_model

    return load_model(config.model, device=device)


# --------------------------------------------------------------------------------------
# Results, history and callbacks
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
        from labutils.models import load_model

        self.model, self.tokenizer = load_model(str(self.final_dir), device=device)
        return self.model, self.tokenizer


def _notify(callbacks, event: str, record: dict) -> None:
    """Call ``callback.on_log(record)`` / ``on_eval(record)`` on every callback that has it."""
    for callback in callbacks or []:
        method = getattr(callback, event, None)
        if method is not None:
            method(record)


# --------------------------------------------------------------------------------------
# Checkpoints: atomic on disk, bitwise on resume
# --------------------------------------------------------------------------------------


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _trainable_state(model) -> dict[str, torch.Tensor]:
    return {name: p.detach().to("cpu").contiguous().clone() for name, p in model.named_parameters() if p.requires_grad}


def save_checkpoint(run_dir: Path, model, optimizer, state: dict) -> Path:
    """Write ``run_dir/checkpoint`` atomically: temp folder, fsync, rename; the old one stays until then.

    A kill at any moment leaves either the old or the new checkpoint complete (``state.json``,
    written last, marks a complete folder; ``load_checkpoint`` also looks at ``checkpoint.old``).
    """
    from safetensors.torch import save_file

    final, old = run_dir / "checkpoint", run_dir / "checkpoint.old"
    temp = run_dir / f"checkpoint.tmp-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    try:
        temp.mkdir(parents=True)
        save_file(_trainable_state(model), str(temp / "trainable.safetensors"))
        torch.save(optimizer.state_dict(), temp / "optimizer.pt")
        torch.save({"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state(),
                    "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None},
                   temp / "rng.pt")
        (temp / "state.json").write_text(json.dumps(state, indent=1))
        for path in temp.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        _fsync_dir(temp)
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        previous = _read_state(final) or _read_state(old)
        kept = f"the previous checkpoint (step {previous['step']}) in {final} is intact" if previous else "no earlier checkpoint exists"
        reason = "the disk is full" if error.errno == errno.ENOSPC else f"{error.strerror or error}"
        raise CheckpointError(f"Could not write the checkpoint at step {state['step']}: {reason}; {kept}. "
                              "Free some disk space (or set save_every: 0) and run again with resume: true.") from error
    # swap: current -> .old, temp -> current, drop .old (a kill in between is handled on load)
    if final.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
    os.replace(temp, final)
    _fsync_dir(run_dir)
    shutil.rmtree(old, ignore_errors=True)
    return final


def _read_state(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "state.json").read_text())
    except (OSError, ValueError):
        return None


def load_checkpoint(run_dir: Path, model, optimizer) -> dict | None:
    """Restore weights, optimizer and RNG from the newest complete checkpoint; return its state."""
    from safetensors.torch import load_file

    for folder in (run_dir / "checkpoint", run_dir / "checkpoint.old"):
        state = _read_state(folder)
        if state is None:
            continue
        saved = load_file(str(folder / "trainable.safetensors"))
        params = dict(model.named_parameters())
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
        return state
    return None


def _save_final(run_dir: Path, model, tokenizer, config: TrainConfig) -> Path:
    """Save the finished model (full: save_pretrained; LoRA: the adapter naming its base) atomically."""
    final, temp = run_dir / "final", run_dir / "final.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    if config.peft == "lora":
        from labutils.adapters import save_adapter

        model.peft_config["default"].base_model_name_or_path = config.model
        save_adapter(model, temp)  # small safetensors + adapter_config.json naming the base
    else:
        model.save_pretrained(temp, safe_serialization=True)
    if tokenizer is not None:
        tokenizer.save_pretrained(temp)
    shutil.rmtree(final, ignore_errors=True)
    os.replace(temp, final)
    return final


# --------------------------------------------------------------------------------------
# The loop
# --------------------------------------------------------------------------------------


def _forget_single_process_accelerate_state() -> None:
    """Let this loop start after transformers' Trainer (or any Accelerator) ran in the same process.

    Accelerate keeps one process-wide state and refuses a second Accelerator with other settings
    (e.g. the Trainer's bf16). In a single process nothing is shared with other ranks, so we clear
    that state; under ``accelerate launch`` (several processes) it is left alone.
    """
    from accelerate.state import AcceleratorState, PartialState

    if AcceleratorState._shared_state and PartialState().num_processes == 1:
        AcceleratorState._reset_state(reset_partial_state=False)


def train(config: TrainConfig, *, callbacks: list | None = None) -> TrainResult:
    """Fine-tune ``config.model`` on ``config.tasks``; full or LoRA; resumable. Returns a TrainResult.

    ``callbacks``: objects with optional ``on_log(record)`` (every logged step) and
    ``on_eval(record)`` (every validation) methods, e.g. a live loss plot.
    """
    from accelerate import Accelerator
    from tqdm.auto import tqdm

    from labutils.memory import measure_peak
    from labutils.models import autocast_dtype, pick_device, seed_everything

    # ---- setup: processes, device, precision, run folder ---------------------------------
    config.validate()
    # cpu=True lets several CPU processes (torchrun / accelerate launch --multi_gpu) talk over gloo;
    # mixed_precision="no" because we autocast ourselves below: explicit, and per device
    _forget_single_process_accelerate_state()
    accelerator = Accelerator(mixed_precision="no", cpu=pick_device().type == "cpu")
    device, world, is_main = accelerator.device, accelerator.num_processes, accelerator.is_main_process
    seed_everything(config.seed)
    amp_dtype = {"fp32": None, "bf16": torch.bfloat16, "auto": autocast_dtype(device)}[config.precision]
    run_dir = run_dir_for(config)
    if is_main:
        run_dir.mkdir(parents=True, exist_ok=True)
        has_checkpoint = _read_state(run_dir / "checkpoint") or _read_state(run_dir / "checkpoint.old")
        if not (config.resume and has_checkpoint):  # a fresh start: forget what an earlier run left here
            for stale in ("checkpoint", "checkpoint.old", "best", "final", "history.jsonl", "metrics.json", DONE_MARKER):
                if (run_dir / stale).is_dir():
                    shutil.rmtree(run_dir / stale)
                else:
                    (run_dir / stale).unlink(missing_ok=True)
        (run_dir / "config.yaml").write_text(yaml.safe_dump(config.to_dict(), sort_keys=False))
    accelerator.wait_for_everyone()

    # ---- model (+ LoRA): full FT and LoRA differ only in which parameters train ------------
    model, tokenizer = _load_model(config, device)
    if config.gradient_checkpointing:  # transformers >= 5 calls it activation checkpointing
        if hasattr(model, "activation_checkpointing_enable"):
            model.activation_checkpointing_enable(activation_checkpointing_kwargs={"use_reentrant": False})
        else:
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    if config.peft == "lora":  # peft freezes the base and adds lora_A / lora_B (labutils.adapters checks the inputs)
        from labutils.adapters import apply_lora

        model = apply_lora(model, r=config.r, lora_alpha=config.lora_alpha, lora_dropout=config.lora_dropout,
                           target_modules=config.target_modules, verbose=False)
    model.train()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    if is_main:
        print(f"trainable parameters: {trainable:,} of {total:,} ({100 * trainable / total:.2f}%)")

    # ---- data: tokenized examples -> seeded, length-grouped steps of micro-batches -------
    examples, data_report = _load_examples(config, "train", tokenizer, config.train_limit)
    if config.packing:
        examples = pack_examples(examples, config.max_length)
    val_examples, _ = _load_examples(config, "validation", tokenizer, config.eval_limit)
    pad_id = tokenizer.pad_token_id if tokenizer is not None and tokenizer.pad_token_id is not None else 0
    step_size = config.batch_size * config.grad_accum * world  # examples per optimizer step, all processes
    lengths = [len(e["input_ids"]) for e in examples]
    steps_per_epoch = len(examples) // step_size
    if steps_per_epoch == 0:
        raise ConfigError(f"batch_size: one step needs {step_size} examples (batch_size x grad_accum x processes) "
                          f"but the training set has {len(examples)}; lower batch_size/grad_accum or raise train_limit")
    total_steps = config.max_steps or max(1, int(config.epochs * steps_per_epoch))

    # ---- optimizer: AdamW, decay on matrices only, fused/foreach kernels where available ----
    params = [p for p in model.parameters() if p.requires_grad]
    groups = [{"params": [p for p in params if p.dim() >= 2], "weight_decay": config.weight_decay},
              {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0}]
    try:
        optimizer = torch.optim.AdamW(groups, lr=config.lr, fused=True)
    except (RuntimeError, TypeError):
        optimizer = torch.optim.AdamW(groups, lr=config.lr, foreach=True)
    loss_module = CompletionLoss(model)
    if config.compile:
        loss_module = torch.compile(loss_module)
    loss_module, optimizer = accelerator.prepare(loss_module, optimizer)

    # ---- resume: weights, optimizer, RNG and data position from the last checkpoint -------
    step, best, history, bad_evals = 0, {"val_loss": math.inf, "step": None}, [], 0  # a fresh run's state
    state = load_checkpoint(run_dir, model, optimizer) if config.resume else None
    if state is not None:
        step, best, bad_evals = state["step"], state["best"], state["bad_evals"]
        if (state["epoch"], state["step_in_epoch"], state["steps_per_epoch"]) != (*divmod(step, steps_per_epoch), steps_per_epoch):
            raise TrainingError(f"{run_dir / 'checkpoint'} was written with {state['steps_per_epoch']} steps per epoch, "
                                f"this run has {steps_per_epoch} (another number of processes or data?). "
                                "Resume with the same setup, or set resume: false to start over.")
        history = [r for r in read_history(run_dir) if r["step"] <= step]  # drop records after the checkpoint
        if is_main:
            _write_history(run_dir, history)
            print(f"resumed from {run_dir / 'checkpoint'} at step {step} of {total_steps}")

    # ---- the loop -------------------------------------------------------------------------
    # tqdm.auto: a widget in Jupyter, a bar in a terminal; in a log file (CI, papermill's text log)
    # every refresh is a new line, so refresh at most every 5 s there
    bar = tqdm(total=total_steps, initial=step, desc="train", disable=not (config.progress and is_main),
               dynamic_ncols=True, mininterval=0.5 if sys.stderr.isatty() or "ipykernel" in sys.modules else 5.0)
    started, start_step, stopped_early, batches_epoch = time.perf_counter(), step, False, None
    tokens_seen, step_seconds = 0, 0.0  # non-padding tokens and time spent in training steps (no evals)
    with measure_peak(device) as peak:
        while step < total_steps:
            step_started = time.perf_counter()
            # batch: this step's examples, split into grad_accum micro-batches for THIS process
            epoch, step_in_epoch = divmod(step, steps_per_epoch)
            if epoch != batches_epoch:  # the epoch's order: a pure function of (seed, epoch)
                epoch_steps, batches_epoch = step_batches(lengths, epoch, step_size=step_size, seed=config.seed,
                                                          group_by_length=config.group_by_length and not config.packing), epoch
            indices = epoch_steps[step_in_epoch]
            mine = indices[accelerator.process_index * config.batch_size * config.grad_accum:][:config.batch_size * config.grad_accum]
            micro_batches = [collate([examples[i] for i in mine[k:k + config.batch_size]], pad_id)
                             for k in range(0, len(mine), config.batch_size)]
            # Why normalise by the tokens of the WHOLE step: each micro-batch sums its token losses
            # and we divide by the labelled tokens of all micro-batches on all processes. Every
            # completion token then weighs the same, exactly as one big batch would; averaging
            # per micro-batch would overweight tokens of short completions.
            n_tokens = accelerator.reduce(torch.tensor(sum(count_loss_tokens(b["labels"]) for b in micro_batches),
                                                       device=device), reduction="sum").item()
            loss_sum = torch.zeros((), device=device)
            try:
                for k, batch in enumerate(micro_batches):
                    batch = {key: value.to(device) for key, value in batch.items()}
                    # no gradient all-reduce until the last micro-batch (DDP); a no-op on one process
                    sync = contextlib.nullcontext() if k == len(micro_batches) - 1 else accelerator.no_sync(loss_module)
                    with sync:
                        # forward + masked loss (bf16 autocast where the hardware has it)
                        with torch.autocast(device.type, dtype=amp_dtype or torch.float32, enabled=amp_dtype is not None):
                            micro_loss = loss_module(**batch)
                        # backward: DDP averages gradients over processes, so * world turns it back into a sum
                        accelerator.backward(micro_loss * world / max(n_tokens, 1))
                    loss_sum += micro_loss.detach()
            except torch.OutOfMemoryError as error:
                raise TrainingOutOfMemory(_oom_advice(config, step)) from error
            loss = accelerator.reduce(loss_sum, reduction="sum").item() / max(n_tokens, 1)
            # clip: one global norm over all trainable gradients
            grad_norm = float(accelerator.clip_grad_norm_(params, config.max_grad_norm if config.max_grad_norm > 0 else math.inf))
            if not (math.isfinite(loss) and math.isfinite(grad_norm)):  # guard: never step (or checkpoint) on NaN/inf
                last = _read_state(run_dir / "checkpoint")
                kept = f"the last good checkpoint (step {last['step']}) is kept in {run_dir / 'checkpoint'}" if last else "no checkpoint was written yet"
                raise TrainingDiverged(f"loss became {loss} (gradient norm {grad_norm}) at step {step + 1}; {kept}. "
                                       f"Try a lower lr (now {config.lr:g}), more warmup_steps or max_grad_norm: 1.0, "
                                       "then run again with resume: true.")
            # step: set this step's learning rate, update, clear the gradients
            lr = lr_at(step, config, total_steps)
            for group in optimizer.param_groups:
                group["lr"] = lr
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            bar.update(1)

            # log: loss, lr, grad norm, non-padding tokens per second
            real_tokens = accelerator.reduce(torch.tensor(sum(int(b["attention_mask"].sum()) for b in micro_batches),
                                                          device=device), reduction="sum").item()
            seconds = time.perf_counter() - step_started
            tokens_seen, step_seconds = tokens_seen + real_tokens, step_seconds + seconds
            if step % config.log_every == 0 or step == total_steps:
                record = {"kind": "train", "step": step, "epoch": round(step / steps_per_epoch, 4), "loss": loss,
                          "lr": lr, "grad_norm": grad_norm, "tokens_per_s": real_tokens / seconds,
                          "step_time_s": seconds, "loss_tokens": n_tokens}
                history.append(record)
                if is_main:
                    _append_history(run_dir, record)
                _notify(callbacks, "on_log", record)
                bar.set_postfix(loss=f"{loss:.3f}", lr=f"{lr:.1e}", refresh=False)

            # eval: validation loss (+ optional generation metric), best tracking, early stopping
            if (config.eval_every and step % config.eval_every == 0) or step == total_steps or \
                    (config.generation_eval_every and step % config.generation_eval_every == 0):
                record = {"kind": "val", "step": step,
                          "val_loss": evaluate_loss(loss_module, val_examples, config, accelerator, amp_dtype, pad_id)}
                if config.generation_eval_every and (step % config.generation_eval_every == 0 or step == total_steps):
                    record.update(_generation_metric(model, tokenizer, config, accelerator))
                if record["val_loss"] < best["val_loss"]:
                    best, bad_evals = {"val_loss": record["val_loss"], "step": step}, 0
                    if config.save_best and is_main:
                        _save_best(run_dir, model, step)
                else:
                    bad_evals += 1
                history.append(record)
                if is_main:
                    _append_history(run_dir, record)
                _notify(callbacks, "on_eval", record)
                if config.early_stopping_patience and bad_evals >= config.early_stopping_patience:
                    stopped_early = True
                    if is_main:
                        print(f"early stopping at step {step}: no better val loss for {bad_evals} evaluations "
                              f"(best {best['val_loss']:.4f} at step {best['step']})")

            # checkpoint: every save_every steps, atomically, with the data position
            if config.save_every and step % config.save_every == 0 and step < total_steps and not stopped_early:
                if is_main:
                    save_checkpoint(run_dir, model, optimizer, {
                        "step": step, "epoch": step // steps_per_epoch, "step_in_epoch": step % steps_per_epoch,
                        "steps_per_epoch": steps_per_epoch, "best": best, "bad_evals": bad_evals, "total_steps": total_steps})
                accelerator.wait_for_everyone()
            if stopped_early:
                break
    bar.close()

    # ---- finish: final model, metrics, DONE marker (written last) ---------------------------
    elapsed = time.perf_counter() - started
    train_records = [r for r in history if r["kind"] == "train"]
    val_records = [r for r in history if r["kind"] == "val"]
    metrics = {
        "final_loss": train_records[-1]["loss"] if train_records else None,
        "final_val_loss": val_records[-1]["val_loss"] if val_records else None,
        "best_val_loss": best["val_loss"] if best["step"] is not None else None, "best_step": best["step"],
        "steps": step, "total_steps": total_steps, "stopped_early": stopped_early,
        "examples": len(examples), "steps_per_epoch": steps_per_epoch, "world_size": world,
        "train_seconds": elapsed, "seconds_per_step": step_seconds / max(1, step - start_step),
        "tokens_per_s": tokens_seen / step_seconds if step_seconds else None,  # non-padding, training steps only
        "peak_memory_bytes": peak.peak_bytes, "memory_at_start_bytes": peak.start_bytes, "peak_memory_method": peak.method,
        "trainable_params": trainable, "total_params": total, "trainable_percent": 100 * trainable / total,
        "precision": "bf16" if amp_dtype is not None else "fp32", "device": str(device),
        "data_report": _jsonable(data_report),
    }
    if is_main:
        _save_final(run_dir, model, tokenizer, config)
        write_json_atomic(run_dir / "metrics.json", metrics)
        (run_dir / DONE_MARKER).write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) + "\n")
        for folder in ("checkpoint", "checkpoint.old"):  # final/ has the model now; optimizer states are 2x its size
            shutil.rmtree(run_dir / folder, ignore_errors=True)
    accelerator.wait_for_everyone()
    model.eval()
    return TrainResult(run_dir=run_dir, config=config, history=history, metrics=metrics, model=model, tokenizer=tokenizer)


# --------------------------------------------------------------------------------------
# Helpers the loop calls
# --------------------------------------------------------------------------------------


@torch.no_grad()
def evaluate_loss(loss_module, examples: list[dict], config: TrainConfig, accelerator, amp_dtype, pad_id: int) -> float:
    """Mean loss per completion token on ``examples`` (sorted by length: little padding; no randomness)."""
    if not examples:
        return math.nan
    loss_module.eval()
    order = sorted(range(len(examples)), key=lambda i: -len(examples[i]["input_ids"]))
    order = order[accelerator.process_index::accelerator.num_processes]  # each process its share
    total, tokens = torch.zeros((), device=accelerator.device), 0
    for start in range(0, len(order), config.batch_size):
        batch = collate([examples[i] for i in order[start:start + config.batch_size]], pad_id)
        tokens += count_loss_tokens(batch["labels"])
        with torch.autocast(accelerator.device.type, dtype=amp_dtype or torch.float32, enabled=amp_dtype is not None):
            total += loss_module(**{k: v.to(accelerator.device) for k, v in batch.items()}).float()
    loss_module.train()
    total = accelerator.reduce(total, reduction="sum").item()
    tokens = accelerator.reduce(torch.tensor(tokens, device=accelerator.device), reduction="sum").item()
    return total / max(tokens, 1)


def _generation_metric(model, tokenizer, config: TrainConfig, accelerator) -> dict:
    """Task metric from generated answers on a few validation examples (first task; main process)."""
    metrics = {}
    if accelerator.is_main_process:
        try:
            from labutils.evaluate import evaluate_task
        except ImportError as error:
            return {"generation_error": f"labutils.evaluate unavailable: {error}"}
        model.eval()
        with _rng_preserved():  # generation may seed or sample: keep the training RNG streams untouched
            result = evaluate_task(model, tokenizer, config.tasks[0], split="validation", limit=config.generation_eval_limit,
                                   seed=config.seed)
        model.train()
        metrics = {f"val_{key}": value for key, value in result.items() if isinstance(value, (int, float)) and key not in ("n", "seconds")}
    accelerator.wait_for_everyone()
    return metrics


@contextlib.contextmanager
def _rng_preserved():
    """Restore Python's, NumPy's and torch's RNG states after the block."""
    states = random.getstate(), np.random.get_state(), torch.get_rng_state()
    try:
        yield
    finally:
        random.setstate(states[0])
        np.random.set_state(states[1])
        torch.set_rng_state(states[2])


def _save_best(run_dir: Path, model, step: int) -> None:
    from safetensors.torch import save_file

    temp = run_dir / "best.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    save_file(_trainable_state(model), str(temp / "trainable.safetensors"), metadata={"step": str(step)})
    shutil.rmtree(run_dir / "best", ignore_errors=True)
    os.replace(temp, run_dir / "best")


def _oom_advice(config: TrainConfig, step: int) -> str:
    half = max(1, config.batch_size // 2)
    return (f"Out of accelerator memory at step {step + 1} (batch_size={config.batch_size}, max_length={config.max_length}, "
            f"peft={config.peft}). Ways out, cheapest first:\n"
            f"  - batch_size={half} grad_accum={config.grad_accum * config.batch_size // half} (same effective batch)\n"
            "  - gradient_checkpointing=true (recompute activations: ~30% slower, far less memory)\n"
            "  - precision=bf16 (halves activation memory where supported)\n"
            f"  - max_length={max(64, config.max_length // 2)} (shorter examples)\n"
            "  - peft=lora (no gradients or optimizer states for the frozen base weights)")


def _append_history(run_dir: Path, record: dict) -> None:
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


def _write_history(run_dir: Path, records: list[dict]) -> None:
    temp = run_dir / "history.jsonl.tmp"
    temp.write_text("".join(json.dumps(r) + "\n" for r in records))
    os.replace(temp, run_dir / "history.jsonl")


def _jsonable(value):
    try:
        return json.loads(json.dumps(value, default=str))
    except (TypeError, ValueError):
        return str(value)


# --------------------------------------------------------------------------------------
# Command line: labutils train --config FILE.yaml [key=value ...]
# --------------------------------------------------------------------------------------


def add_train_arguments(parser) -> None:
    """Add ``labutils train``'s arguments to an argparse parser."""
    parser.add_argument("--config", required=True, help="YAML training config, e.g. configs/smoke.yaml")
    parser.add_argument("overrides", nargs="*", metavar="key=value", help="override config keys, e.g. lr=1e-4 max_steps=10")
    parser.add_argument("--fresh", action="store_true", help="train from scratch even if a finished identical run exists")


def cli_train(args) -> int:
    """Run ``labutils train``: reuse a finished identical run, resume an unfinished one, else train."""
    from labutils.runs import get_or_train

    try:
        config = TrainConfig.from_yaml(args.config, overrides=args.overrides)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if getattr(args, "fresh", False):
        result = train(config.replace(resume=False))
    else:
        result = get_or_train(config)
    m = result.metrics
    print(f"run folder: {result.run_dir}" + (" (reused a finished identical run)" if result.reused else ""))
    print(f"final loss: {m['final_loss']:.4f}; val loss: {m['final_val_loss']:.4f}; steps: {m['steps']}")
    print(f"time: {time.perf_counter() - started:.1f} s total, {m['seconds_per_step']:.2f} s/step, "
          f"{m['tokens_per_s']:.0f} tokens/s, peak memory {m['peak_memory_bytes'] / 2**20:.0f} MiB ({m['precision']})")
    return 0
