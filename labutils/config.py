"""TrainConfig: everything one training run needs, as one flat, typed, commented block.

Like peft's ``LoraConfig``, each knob is a dataclass field with a help text. A config comes from
a YAML file plus ``key=value`` overrides (values parsed as YAML); every value is checked against
its field's type before any work starts, and a bad one raises :class:`ConfigError` naming the key
(and the file).

Example:
    >>> from labutils.config import TrainConfig
    >>> config = TrainConfig.from_yaml("configs/smoke.yaml", overrides=["lr=1e-4"])
    >>> config.lr
    0.0001
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import os
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import torch
import yaml

from labutils import REPO_ROOT
from labutils.default_model import DEFAULT_MODEL
from labutils.device import pick_device
from labutils.logsinks import LOG_SINKS
from labutils.presets import HUB_PREFIX, check_preset, parse_source
from labutils.readers import DataError
from labutils.tasks import TaskError, check_task
from labutils.templates import load_templates


CONFIG_DIR = REPO_ROOT / "configs"  # the lab's configs, named in notebooks by their file's stem
MIN_MAX_LENGTH = 16  # tokens: below this no prompt and answer fit, whatever the task
# LoRA's default targets: the attention projections of Llama-style models (SmolLM2). A model without
# them (T5: q, k, v, o) gets peft's default for its architecture instead (labutils.adapters.fit_target_modules).
DEFAULT_TARGET_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj"]
# ``scale: auto`` on a CUDA GPU: (at least this much GPU memory, factor). The factor multiplies the batch, so a
# GPU run sees factor times the examples in fewer minutes than the CPU run; batch 32 x 512 tokens of the 135M
# default model with bf16 autocast fits well under 20 GiB. The steps stay: notebook 03's 48 steps of 32 dialogues
# are 1,536 of the 1,700 training dialogues, so no dialogue is seen twice (more steps would repeat them).
GPU_SCALES = ((20 * 2**30, 4), (8 * 2**30, 2))


class ConfigError(ValueError):
    """A training config value is wrong; the message names the key (and the file)."""


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
        labutils.config.ConfigError: lr: must be > 0, got 0.0
    """

    # what to train
    model: str = _knob(DEFAULT_MODEL, "model name or folder (labutils.models.load_model)")
    tasks: list[str] = _knob(["summarization"], "tasks to train on (multitask = several)")
    mix_weights: list[float] | None = _knob(None, "sampling weight per task (None = natural sizes)")
    template: str = _knob("all", "'all' = every training template of the task (2 are held out), or one template name")
    max_length: int = _knob(512, "longest example in tokens; the prompt is cut, never the target")
    train_limit: int | None = _knob(None, "use only this many training examples (None = all)")
    train_on_prompt: bool = _knob(False, "also put loss on prompt tokens (pre-training style)")
    data_source: dict[str, str] | None = _knob(
        None, "{task: source} instead of the bundled data, e.g. {sentiment: hub:rotten_tomatoes} (labutils.presets)")
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
    compile: Literal["auto", True, False] = _knob(
        "auto", "torch.compile the loss module: slow first steps, faster later; auto = on for long CUDA runs only")
    scale: Literal["auto", 1, 2, 4, 8] = _knob(
        1, "multiply batch_size by this; auto = 1 on a CPU, 2-4 on a CUDA GPU (see scaled())")
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
    resume_from: str | None = _knob(
        None, "start from another run folder's checkpoint, e.g. with a lower lr after a divergence (not hashed)")
    name: str = _knob("run", "run name: the folder is runs/<name>-<config hash>/")
    output_dir: str | None = _knob(None, "runs root (default $LABUTILS_RUNS or ./runs)")
    log_every: int = _knob(1, "history record every N steps")
    progress: bool = _knob(True, "show a tqdm progress bar")
    log_to: list[str] = _knob([], "also log to: [tensorboard] = event files in the run folder's tensorboard/ "
                              "(pip install 'labutils[tensorboard]'; not hashed)")
    # parameter-efficient fine-tuning (peft's names)
    peft: Literal["none", "lora"] = _knob("none", "'none' = full fine-tuning, 'lora' = adapters only")
    r: int = _knob(8, "LoRA rank")
    lora_alpha: float = _knob(16, "LoRA scaling numerator: scaling = lora_alpha / r")
    lora_dropout: float = _knob(0.05, "dropout on the LoRA input")
    target_modules: list[str] = _knob(DEFAULT_TARGET_MODULES, "layers that get adapters (T5: q, v by default)")

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
            raw = path.read_bytes()
            values = yaml.load(raw.decode("utf-8"), Loader=_UniqueKeyLoader)
        except OSError as error:
            named = CONFIG_DIR / f"{path}.yaml"
            hint = f"; did you mean {named.relative_to(REPO_ROOT)}?" if not path.suffix and named.is_file() else ""
            raise ConfigError(f"{path}: cannot read the config file ({error.strerror}){hint}") from None
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            raise ConfigError(f"{path} line {line}: not UTF-8 text (byte {raw[error.start]:#x}); save the file as "
                              "UTF-8") from None
        except yaml.YAMLError as error:
            raise ConfigError(f"{path}: not valid YAML: {error}") from None
        if values is None:
            raise ConfigError(f"{path}: the file is empty (or holds only comments): an unsaved or cut-short copy? "
                              "Write the knobs it sets (configs/smoke.yaml is a small start), or {} to train with "
                              "every default")
        if not isinstance(values, dict):
            raise ConfigError(f"{path}: expected a mapping of key: value at the top level")
        for item in overrides or []:
            key, sep, text = item.partition("=")
            if not sep or not key.strip():
                raise ConfigError(f"override {item!r}: expected key=value, e.g. lr=1e-4")
            try:
                values[key.strip()] = yaml.safe_load(text) if text.strip() else None
            except yaml.YAMLError as error:
                problem = getattr(error, "problem", None) or str(error).splitlines()[0]
                raise ConfigError(f"override {item!r}: the value of {key.strip()!r} is not valid YAML ({problem}); "
                                  "quote it in the shell and close every bracket, e.g. 'tasks=[sentiment, qa]'") from None
        return cls.from_dict(values, source=str(path))

    @classmethod
    def named(cls, name: str, overrides: list[str] | None = None) -> "TrainConfig":
        """The lab's config ``configs/<name>.yaml`` by its name, e.g. ``"full_ft_summarization"``.

        The one way notebooks name a config; a path (with a folder or ``.yaml``) is refused so
        that a run's name means one thing everywhere. The config comes back :meth:`scaled` for this
        machine, so what a notebook prints is what its run trains.
        """
        if "/" in name or name.endswith((".yaml", ".yml")):
            raise ConfigError(f"config {name!r}: give the name only, e.g. 'full_ft_summarization' for "
                              "configs/full_ft_summarization.yaml (or use TrainConfig.from_yaml(path))")
        path = CONFIG_DIR / f"{name}.yaml"
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in CONFIG_DIR.glob("*.yaml")))
            raise ConfigError(f"no config named {name!r} in {CONFIG_DIR} (known: {known})")
        return cls.from_yaml(path, overrides=overrides).scaled()

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def replace(self, **changes) -> "TrainConfig":
        """A copy with some fields changed (validated again).

        Changing ``tasks`` keeps the ``data_source`` entries of the tasks still trained.
        """
        if "tasks" in changes and "data_source" not in changes and self.data_source:
            kept = {task: source for task, source in self.data_source.items() if task in changes["tasks"]}
            changes["data_source"] = kept or None
        return TrainConfig.from_dict({**self.to_dict(), **changes})

    def with_sources(self, sources: dict[str, str] | None) -> "TrainConfig":
        """This config reading ``sources`` (a notebook's ``data_source``) for the tasks it trains.

        ``sources`` maps tasks to data sources (``labutils.presets.load_source``: a file or
        ``hub:NAME``); entries for tasks this config does not train are left out, so notebooks can
        pass one mapping to every config. No sources: the same config (and the same run folder).
        """
        for task in sources or {}:
            try:
                check_task(task, ConfigError)
            except ConfigError as error:
                raise ConfigError(f"data_source: {error}") from None
        kept = {task: source for task, source in (sources or {}).items() if task in self.tasks}
        return self.replace(data_source={**(self.data_source or {}), **kept}) if kept else self

    def scale_factor(self, device=None) -> int:
        """The factor ``scale`` stands for on ``device`` (default: the one training would use).

        ``auto`` is 1 on a CPU or Apple GPU, and on a CUDA GPU 4 with at least 20 GiB of memory,
        2 with at least 8 GiB, else 1 (``GPU_SCALES``).
        """
        if self.scale != "auto":
            return int(self.scale)
        device = torch.device(device) if device is not None else pick_device()
        if device.type != "cuda":
            return 1
        memory = torch.cuda.get_device_properties(device).total_memory
        return next((factor for needed, factor in GPU_SCALES if memory >= needed), 1)

    def scaled(self, factor: int | None = None) -> "TrainConfig":
        """The config a run really trains: ``batch_size`` times the scale factor, ``scale`` then 1.

        Example:
            >>> config = TrainConfig(batch_size=8, max_steps=48, scale="auto")
            >>> big = config.scaled(4)           # what scale: auto means on a large GPU
            >>> big.batch_size, big.max_steps, big.scale
            (32, 48, 1)
            >>> config.scaled(1) == config.replace(scale=1)
            True

        The steps and the learning rate stay: a 4x batch with the same lr is the gentle choice for
        fine-tuning, and more steps would show the small training splits' rows more than once.
        With ``max_steps: null`` (epochs) a bigger batch means fewer, larger steps.
        """
        factor = self.scale_factor() if factor is None else factor
        return self.replace(scale=1, batch_size=self.batch_size * factor)

    # -- checks, before any work ------------------------------------------------------

    def _check_data_source(self) -> None:
        """Every source names a task being trained; a hub preset must exist and feed that task."""
        sources = self.data_source or {}
        if not isinstance(sources, dict) or not all(task in self.tasks and isinstance(source, str)
                                                    for task, source in sources.items()):
            raise ConfigError(f"data_source: expected {{task: source}} for tasks {self.tasks}, got {self.data_source!r}")
        for task, source in sources.items():
            if source.startswith(HUB_PREFIX):
                try:
                    preset = check_preset(parse_source(source)[0])
                except DataError as error:
                    raise ConfigError(f"data_source: {error}") from None
                if preset.task != task:
                    raise ConfigError(f"data_source: {source} is {preset.task} data, not {task}")

    def validate(self) -> None:
        hints = typing.get_type_hints(type(self))
        for f in dataclasses.fields(self):
            setattr(self, f.name, _coerce(f.name, getattr(self, f.name), hints[f.name], "config"))

        def need(ok: bool, key: str, rule: str):
            if not ok:
                raise ConfigError(f"{key}: {rule}, got {getattr(self, key)!r}")

        need(self.lr > 0, "lr", "must be > 0")
        for key in ("lr", "epochs", "weight_decay", "max_grad_norm", "lora_alpha"):
            need(math.isfinite(getattr(self, key)), key, "must be a finite number")
        need(0 <= self.seed < 2**32, "seed", "must be in [0, 2**32) (numpy's seed range)")
        for key in ("batch_size", "grad_accum", "log_every"):
            need(getattr(self, key) >= 1, key, "must be >= 1")
        need(self.max_length >= MIN_MAX_LENGTH, "max_length", f"must be >= {MIN_MAX_LENGTH} (a chat prompt's markup "
             "alone takes ~30 tokens; 256-512 suits the bundled tasks)")
        for key in ("warmup_steps", "eval_every", "generation_eval_every", "save_every",
                    "early_stopping_patience", "weight_decay", "max_grad_norm"):
            need(getattr(self, key) >= 0, key, "must be >= 0")
        need(self.max_steps is None or self.max_steps >= 1, "max_steps", "must be >= 1 or null")
        need(self.max_steps is not None or self.epochs > 0, "epochs", "must be > 0 (or set max_steps)")
        need(self.train_limit is None or self.train_limit >= 1, "train_limit", "must be >= 1 or null")
        need(self.eval_limit is None or self.eval_limit >= 1, "eval_limit", "must be >= 1 or null")
        need(self.generation_eval_limit >= 1, "generation_eval_limit", "must be >= 1")
        need(0 <= self.min_lr_ratio <= 1, "min_lr_ratio", "must be between 0 and 1")
        need(self.r >= 1, "r", "must be >= 1")
        need(self.lora_alpha > 0, "lora_alpha", "must be > 0")
        need(0 <= self.lora_dropout < 1, "lora_dropout", "must be in [0, 1)")
        need(bool(self.target_modules) or self.peft == "none", "target_modules", "must list at least one module")
        need(bool(self.model.strip()), "model", "must name a model")
        need(bool(self.name.strip()) and "/" not in self.name, "name", "must be non-empty without '/'")
        need(len(self.tasks) >= 1, "tasks", "must list at least one task, e.g. [summarization]")
        for task in self.tasks:
            try:
                check_task(task)
            except TaskError as error:
                raise ConfigError(f"tasks: {error}") from None
        need(len(set(self.tasks)) == len(self.tasks), "tasks", "lists a task twice")
        need(set(self.log_to) <= set(LOG_SINKS), "log_to", f"may list only {', '.join(LOG_SINKS)}")
        self._check_data_source()
        if self.template not in ("all", "default"):  # checked here, before any model or data loads
            for task in self.tasks:
                names = load_templates(task)
                if self.template not in names:
                    raise ConfigError(f"template: no template {self.template!r} for task {task!r}; "
                                      f"choose 'all', 'default' or one of: {', '.join(names)}")
        if self.mix_weights is not None:
            need(len(self.mix_weights) == len(self.tasks), "mix_weights", f"needs one weight per task ({len(self.tasks)})")
            need(all(0 < w < math.inf for w in self.mix_weights), "mix_weights", "must all be finite numbers > 0")


class _UniqueKeyLoader(yaml.SafeLoader):
    """``yaml.safe_load``, except that a key given twice is an error (YAML's last-one-wins hides an edit)."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice (line {seen[key] + 1} and line "
                    f"{key_node.start_mark.line + 1}); keep one", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def _coerce(key: str, value: Any, hint: Any, source: str) -> Any:
    """Check ``value`` against the field's type; accept the obvious conversions (1 -> 1.0, "1e-4" -> 1e-4)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, getattr(types, "UnionType", None)):
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
