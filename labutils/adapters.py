"""LoRA adapters for real runs, through peft: apply, save, load, check, merge, switch (notebook ``06``).

``labutils.lora`` builds the LoRA layer from scratch to show the idea; here peft does the
work, and this module adds what a learner needs around it: the trainable-parameter count
printed from the model, and clear errors *before* peft would crash deep inside (a typo in
``target_modules``, ``r = 0``, an adapter folder with a missing or damaged file, an adapter
trained on another base model).

Example (not run as a doctest: it writes files)::

    from labutils.models import load_model
    from labutils.adapters import apply_lora, save_adapter, load_adapter, merge
    model, tokenizer = load_model("tiny", device="cpu")
    model = apply_lora(model, r=8, target_modules=["q_proj", "v_proj"])  # prints the trainable share
    ...                                                                   # train
    save_adapter(model, "adapters/summarization", tokenizer)              # kilobytes to a few MB
    merged = merge(model)                                                 # a plain model again

Several adapters on one base, switched per task::

    model = load_adapters(base, {"summarization": "adapters/summarization", "sentiment": "adapters/sentiment"})
    use_adapter(model, "sentiment")
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from torch import nn

from labutils.default_model import DEFAULT_MODEL, default_model_dir
from labutils.lora import count_parameters

__all__ = [
    "AdapterError", "ADAPTER_CONFIG", "ADAPTER_WEIGHTS", "apply_lora", "save_adapter", "load_adapter",
    "load_adapters", "use_adapter", "merge", "folder_size", "linear_module_names", "check_adapter_folder",
    "check_adapter_fits", "base_model_label", "fit_target_modules",
]

ADAPTER_CONFIG = "adapter_config.json"  # peft's file names: the config and the weights of one adapter
ADAPTER_WEIGHTS = "adapter_model.safetensors"


class AdapterError(ValueError):
    """An adapter could not be applied, saved or loaded; the message says why and what to do."""


# --------------------------------------------------------------------------------------
# Which layers can take an adapter
# --------------------------------------------------------------------------------------


def _linear_classes() -> tuple[type, ...]:
    """nn.Linear, plus transformers' Conv1D (GPT-2 style models store their Linears that way)."""
    from transformers.pytorch_utils import Conv1D

    return (nn.Linear, Conv1D)


def _plain_model(model: nn.Module) -> nn.Module:
    """The transformers model under a PeftModel (or the model itself)."""
    return model.get_base_model() if hasattr(model, "get_base_model") else model


def _is_peft_model(model) -> bool:
    return hasattr(model, "peft_config") and hasattr(model, "get_base_model")


def _lora_internals(model: nn.Module) -> set[str]:
    """Module names inside peft's LoRA layers (``...q_proj.base_layer``, ``...q_proj.lora_A.default``)."""
    inner = set()
    for prefix, module in model.named_modules():
        if hasattr(module, "base_layer") and hasattr(module, "lora_A"):
            inner.update(f"{prefix}.{suffix}" for suffix, _ in module.named_modules() if suffix)
    return inner


def _linear_layers(model: nn.Module, *, include_output_head: bool = False) -> dict[str, nn.Module]:
    """Full name -> module for every Linear-like layer LoRA could wrap (already wrapped ones included).

    The output head (``lm_head``) is left out unless asked for: peft's "all-linear" leaves it
    out too: the (vocab x hidden) output projection is large and rarely worth adapting.
    """
    model = _plain_model(model)
    head = model.get_output_embeddings() if hasattr(model, "get_output_embeddings") else None
    inner = _lora_internals(model)
    layers = {}
    for name, module in model.named_modules():
        if name in inner:
            continue
        layer = module.get_base_layer() if hasattr(module, "get_base_layer") and hasattr(module, "lora_A") else module
        if isinstance(layer, _linear_classes()) and (include_output_head or layer is not head):
            layers[name] = layer
    return layers


def linear_module_names(model: nn.Module) -> list[str]:
    """Short names of the Linear layers LoRA can target, deduplicated, in model order.

    Example:
        >>> from labutils.models import load_model
        >>> linear_module_names(load_model("tiny", device="cpu")[0])
        ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj']
    """
    return list(dict.fromkeys(name.rsplit(".", 1)[-1] for name in _linear_layers(model)))


def _matches(pattern: str, name: str, *, regex: bool) -> bool:
    # peft's rules: a string is a regular expression matched against the full module name;
    # a list entry matches the full name or its last dotted part(s) (".q_proj" suffix).
    return bool(re.fullmatch(pattern, name)) if regex else name == pattern or name.endswith("." + pattern)


def _check_target_modules(model: nn.Module, target_modules) -> None:
    """Raise AdapterError unless every entry of ``target_modules`` matches a layer LoRA can wrap."""
    available = linear_module_names(model)
    hint = (f"Available Linear layers: {', '.join(available)} (short names; 'all-linear' takes them all"
            " except the output head).")
    if isinstance(target_modules, str):
        if target_modules.lower() == "all-linear":
            if not available:
                raise AdapterError("target_modules='all-linear' found no Linear layer in this model.")
            return
        try:
            re.compile(target_modules)
        except re.error as error:
            raise AdapterError(f"target_modules={target_modules!r} is read as a regular expression (peft's rule for "
                               f"a string) and does not compile: {error}. {hint}") from None
        patterns, regex = [target_modules], True
    elif isinstance(target_modules, (list, tuple, set)) and target_modules \
            and all(isinstance(t, str) and t for t in target_modules):
        patterns, regex = list(target_modules), False
    else:
        raise AdapterError(f"target_modules must be 'all-linear', a regular expression or a non-empty list of "
                           f"module names, got {target_modules!r}. {hint}")

    model = _plain_model(model)
    inner = _lora_internals(model)
    names = [n for n, _ in model.named_modules() if n and n not in inner]
    layers = _linear_layers(model, include_output_head=True)
    for pattern in patterns:
        hits = [n for n in names if _matches(pattern, n, regex=regex)]
        if not hits:
            raise AdapterError(f"target_modules entry {pattern!r} matches no layer of this model. {hint}")
        # peft can also wrap embeddings and convolutions; a whole block (e.g. 'mlp') it cannot.
        wrappable = (nn.Embedding, nn.Conv1d, nn.Conv2d, nn.Conv3d)
        bad = [n for n in hits if n not in layers and not isinstance(model.get_submodule(n), wrappable)]
        if bad:
            kind = type(model.get_submodule(bad[0])).__name__
            raise AdapterError(f"target_modules entry {pattern!r} matches {bad[0]} ({kind}), a block LoRA cannot "
                               f"wrap: name its Linear layers instead. {hint}")


def fit_target_modules(model: nn.Module, target_modules, default) -> list[str] | str:
    """``target_modules``, or peft's default targets for this architecture when ``target_modules``
    is the lab's ``default`` (Llama's ``q_proj``...) and the model has none of those layers.

    Example: a T5 (FLAN-T5) names its attention projections ``q``, ``k``, ``v``, ``o``; peft's
    mapping gives ``["q", "v"]``, the LoRA paper's choice.
    """
    if target_modules != default or set(default) & set(linear_module_names(model)):
        return target_modules
    from peft.utils import TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING

    return TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING.get(_plain_model(model).config.model_type, target_modules)


# --------------------------------------------------------------------------------------
# Apply
# --------------------------------------------------------------------------------------


def _check_hyperparameters(r, lora_alpha, lora_dropout) -> None:
    if not isinstance(r, int) or isinstance(r, bool) or r <= 0:
        raise AdapterError(f"r must be a positive integer (the rank of the update, e.g. 8), got {r!r}.")
    if not isinstance(lora_alpha, (int, float)) or isinstance(lora_alpha, bool) or not lora_alpha > 0:
        raise AdapterError(f"lora_alpha must be a number > 0 (scaling = lora_alpha / r; e.g. 2 * r), "
                           f"got {lora_alpha!r}.")
    if not isinstance(lora_dropout, (int, float)) or isinstance(lora_dropout, bool) or not 0 <= lora_dropout < 1:
        raise AdapterError(f"lora_dropout must be in [0, 1) (a probability; 0 turns it off), got {lora_dropout!r}.")


def apply_lora(model: nn.Module, *, r: int = 8, lora_alpha: float = 16, lora_dropout: float = 0.05,
               target_modules: str | list[str] = "all-linear", verbose: bool = True):
    """Freeze ``model`` and add fresh LoRA adapters with peft; return the ``PeftModel``.

    Arguments keep peft's names. ``target_modules``: ``"all-linear"`` (every Linear but the
    output head), a list of short names (``["q_proj", "v_proj"]``) or a regular expression
    matched against full module names. Prints trainable / total parameters and the share,
    counted from the model. The model is changed in place (peft swaps its Linear layers).

    Example:
        >>> from labutils.models import load_model
        >>> model, _ = load_model("tiny", device="cpu")
        >>> model = apply_lora(model, r=4, target_modules=["q_proj", "v_proj"])
        LoRA r=4, lora_alpha=16 (scaling 4) on 4 layers (q_proj, v_proj): trainable 1,792 of 3,221,568 parameters (0.0556%)
    """
    from peft import LoraConfig, get_peft_model

    _check_hyperparameters(r, lora_alpha, lora_dropout)
    if _is_peft_model(model):
        raise AdapterError("This model already has adapters. Call merge(model) first to fold them in, or "
                           "load_adapters() to hold several adapters side by side.")
    _check_target_modules(model, target_modules)
    config = LoraConfig(
        # encoder-decoder (T5) or decoder-only; labutils.models imports this module, so read the flag here
        task_type="SEQ_2_SEQ_LM" if getattr(model.config, "is_encoder_decoder", False) else "CAUSAL_LM",
        r=r, lora_alpha=lora_alpha, lora_dropout=lora_dropout,
        target_modules=list(target_modules) if isinstance(target_modules, (tuple, set)) else target_modules,
    )
    label = base_model_label(model)
    peft_model = get_peft_model(model, config)
    peft_model.peft_config["default"].base_model_name_or_path = label  # so load_model(folder) finds the base
    if verbose:
        trainable, total, percent = count_parameters(peft_model)
        wrapped = [n for n, m in peft_model.named_modules() if hasattr(m, "lora_A") and hasattr(m, "base_layer")]
        short = ", ".join(dict.fromkeys(n.rsplit(".", 1)[-1] for n in wrapped))
        print(f"LoRA r={r}, lora_alpha={lora_alpha} (scaling {lora_alpha / r:g}) on {len(wrapped)} layers "
              f"({short}): trainable {trainable:,} of {total:,} parameters ({percent:.4f}%)")
    return peft_model


# --------------------------------------------------------------------------------------
# Save
# --------------------------------------------------------------------------------------


def base_model_label(model: nn.Module) -> str | None:
    """The lab's name for the base model: "tiny", "smollm2-135m-instruct", a folder or a hub id.

    Recorded in ``adapter_config.json`` as ``base_model_name_or_path`` so that
    ``load_model(adapter_folder)`` can load the right base. None when unknown.
    """
    config = getattr(_plain_model(model), "config", None)
    name = getattr(config, "name_or_path", None) or None
    if name is None and _is_peft_model(model):
        name = model.peft_config[model.active_adapter].base_model_name_or_path or None
    if name and Path(name).expanduser().is_dir():
        folder = Path(name).expanduser().resolve()
        if folder == default_model_dir().resolve():  # the embedded default, loaded from its cache folder
            return DEFAULT_MODEL
        return str(folder)  # an absolute path still works when loaded from another working directory
    return name


def save_adapter(model, folder: str | Path, tokenizer=None, *, adapter_name: str | None = None) -> Path:
    """Save one adapter of a PeftModel to ``folder`` (safetensors) and return the folder.

    Only ``lora_A`` / ``lora_B`` are written: a few MB against hundreds for the full model.
    ``adapter_config.json`` records the base model's lab name (``base_model_name_or_path``),
    so ``load_model(folder)`` and ``load_adapter(base, folder)`` find the right base.
    ``adapter_name``: which adapter to save (default: the active one); it always lands at the
    top of ``folder``, the layout ``load_adapter`` reads.

    Example:
        >>> save_adapter(model, "adapters/summarization", tokenizer)      # doctest: +SKIP
    """
    import shutil
    import tempfile

    if not _is_peft_model(model):
        raise AdapterError("save_adapter needs a model with LoRA adapters (from apply_lora or load_adapter); "
                           "to save a full model use model.save_pretrained(folder).")
    name = adapter_name or model.active_adapter
    if name not in model.peft_config:
        raise AdapterError(f"No adapter named {name!r}; loaded adapters: {', '.join(model.peft_config)}.")
    folder = Path(folder)
    label = base_model_label(model)
    if label:
        model.peft_config[name].base_model_name_or_path = label
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=f".{folder.name}.tmp-") as temp:
        # save_embedding_layers=False: the lab never resizes the vocabulary, and peft's "auto" would
        # otherwise ask the Hugging Face hub about the base model's name (offline: a slow failure).
        model.save_pretrained(temp, selected_adapters=[name], safe_serialization=True, save_embedding_layers=False)
        written = Path(temp) if name == "default" else Path(temp) / name  # peft nests non-default names
        if tokenizer is not None:
            tokenizer.save_pretrained(written)
        folder.mkdir(exist_ok=True)
        for path in written.iterdir():
            if path.is_file():
                shutil.move(str(path), folder / path.name)  # replaces older files of the same name
    return folder


def folder_size(folder: str | Path) -> int:
    """Bytes of all files under ``folder`` (e.g. an adapter against a full checkpoint)."""
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())


# --------------------------------------------------------------------------------------
# Check an adapter folder, and that it fits a base model
# --------------------------------------------------------------------------------------


def check_adapter_folder(folder: str | Path) -> tuple[dict, dict[str, tuple[int, ...]]]:
    """Read and check an adapter folder; return ``(config, {weight name: shape})``.

    Raises AdapterError naming the file when ``adapter_config.json`` or
    ``adapter_model.safetensors`` is missing, is not valid JSON, or cannot be read (truncated).
    """
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    folder = Path(folder)
    if not folder.is_dir():
        raise AdapterError(f"Adapter folder {folder} does not exist.")
    for name in (ADAPTER_CONFIG, ADAPTER_WEIGHTS):
        if not (folder / name).is_file():
            present = sorted(p.name for p in folder.iterdir()) or ["nothing"]
            raise AdapterError(f"{folder} is not a complete adapter: {name} is missing (the folder holds: "
                               f"{', '.join(present)}). Save adapters with save_adapter(model, folder).")
    config_path = folder / ADAPTER_CONFIG
    try:
        config = json.loads(config_path.read_text())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise AdapterError(f"{config_path} is not valid JSON{where}: {error}. The file is damaged; "
                           "save the adapter again.") from error
    if not isinstance(config, dict):
        raise AdapterError(f"{config_path} should hold a JSON object, found {type(config).__name__}.")
    if config.get("peft_type") != "LORA":
        raise AdapterError(f"{config_path} says peft_type={config.get('peft_type')!r}; this lab loads LoRA "
                           "adapters (peft_type 'LORA').")
    weights_path = folder / ADAPTER_WEIGHTS
    try:
        # Loading the whole file (small) checks every byte range, so a truncated file fails here.
        shapes = {key: tuple(tensor.shape) for key, tensor in load_file(str(weights_path)).items()}
    except (SafetensorError, OSError, ValueError, RuntimeError) as error:
        raise AdapterError(f"{weights_path} could not be read as safetensors ({error}). The file is damaged "
                           "or truncated (an interrupted copy?); save the adapter again.") from error
    if not any(".lora_" in key for key in shapes):
        raise AdapterError(f"{weights_path} holds no LoRA weights (no 'lora_A' / 'lora_B' tensors).")
    return config, shapes


def _same_model_name(a: str, b: str) -> bool:
    """Loose comparison: a hub id, its local copy and the lab name share the last path part."""
    def norm(name: str) -> str:
        last = Path(name.rstrip("/")).name.lower()
        return DEFAULT_MODEL if last == "smollm2-135m-instruct" else last

    return a == b or norm(a) == norm(b)


def check_adapter_fits(base_model: nn.Module, folder: str | Path, *, check_base_name: bool = True) -> dict:
    """Raise AdapterError unless the adapter in ``folder`` was made for ``base_model``; return its config.

    Two checks: every ``lora_A`` (r x in) / ``lora_B`` (out x r) must fit the in/out sizes of the
    base layer it adapts (a wrong base would crash or, worse, load garbage), and the base model
    name recorded in ``adapter_config.json`` must match ``base_model``'s (skip this one with
    ``check_base_name=False`` when you know they agree, e.g. the same model from another folder).
    """
    config, shapes = check_adapter_folder(folder)
    plain = _plain_model(base_model)
    layers = _linear_layers(plain, include_output_head=True)
    for key, shape in shapes.items():
        match = re.fullmatch(r"(?:base_model\.model\.)?(.+)\.lora_(embedding_)?([AB])(?:\.weight)?", key)
        if not match:
            continue  # e.g. modules_to_save copies or DoRA magnitudes: not checked here
        module_name, _, which = match.groups()
        try:
            module = layers[module_name] if module_name in layers else plain.get_submodule(module_name)
        except AttributeError:
            raise AdapterError(
                f"The adapter in {folder} adapts {module_name}, which this base model "
                f"({base_model_label(base_model)}) does not have: it was trained on another base model "
                f"({config.get('base_model_name_or_path')}).") from None
        module = module.get_base_layer() if hasattr(module, "get_base_layer") else module
        if isinstance(module, nn.Embedding):
            size_in, size_out = module.num_embeddings, module.embedding_dim
        elif isinstance(module, nn.Linear):
            size_in, size_out = module.in_features, module.out_features
        elif isinstance(module, _linear_classes()):  # Conv1D stores its weight as (in, out)
            size_in, size_out = module.weight.shape
        else:
            continue
        # lora_A: (r, in), lora_B: (out, r); for an Embedding "in" is the vocabulary, "out" the width
        expected = (shape[0], size_in) if which == "A" else (size_out, shape[1])
        if shape != expected:
            base_shape = (size_out, size_in)
            raise AdapterError(
                f"The adapter in {folder} does not fit this base model at {module_name}: its lora_{which} has "
                f"shape {shape}, but the base layer's weight is (out, in) = {base_shape}, which needs lora_{which} "
                f"of shape {expected}. The adapter was trained on "
                f"{config.get('base_model_name_or_path') or 'another model'}, the base here is "
                f"{base_model_label(base_model) or 'unnamed'}.")
    recorded, actual = config.get("base_model_name_or_path"), base_model_label(base_model)
    if check_base_name and recorded and actual and not _same_model_name(recorded, actual):
        raise AdapterError(
            f"The adapter in {folder} was trained on base model {recorded!r} but is being loaded onto "
            f"{actual!r}. Load {recorded!r} as the base (or pass check_base_name=False if they are the same "
            "model under two names).")
    return config


# --------------------------------------------------------------------------------------
# Load, switch, merge
# --------------------------------------------------------------------------------------


def _check_adapter_name(name) -> None:
    if not isinstance(name, str) or not name or "." in name:
        raise AdapterError(f"An adapter name must be a non-empty string without dots, got {name!r}.")


def load_adapter(base_model: nn.Module, folder: str | Path, adapter_name: str | None = None, *,
                 is_trainable: bool = False, check_base_name: bool = True):
    """Load the adapter in ``folder`` onto ``base_model``; return the PeftModel.

    The folder is checked first (missing / damaged files, a different base model). If
    ``base_model`` is already a PeftModel the adapter is added beside the others under
    ``adapter_name`` (then made active). ``is_trainable=True`` to keep training it.
    ``base_model`` is changed in place (peft wraps its layers); ``with model.disable_adapter():``
    runs the plain base.

    Example:
        >>> model = load_adapter(base, "runs/abc/final")                   # doctest: +SKIP
    """
    from peft import PeftModel

    check_adapter_fits(base_model, folder, check_base_name=check_base_name)
    if _is_peft_model(base_model):
        name = adapter_name or Path(folder).name
        _check_adapter_name(name)
        if name in base_model.peft_config:
            raise AdapterError(f"An adapter named {name!r} is already loaded; pass another adapter_name "
                               f"(loaded: {', '.join(base_model.peft_config)}).")
        base_model.load_adapter(str(folder), adapter_name=name, is_trainable=is_trainable)
        use_adapter(base_model, name)
        return base_model
    name = adapter_name or "default"
    _check_adapter_name(name)
    return PeftModel.from_pretrained(base_model, str(folder), adapter_name=name, is_trainable=is_trainable)


def load_adapters(base_model: nn.Module, folders: dict[str, str | Path], *, check_base_name: bool = True):
    """Load several adapters onto one base model, one per task; the first is active.

    Every folder is checked before any is loaded, so a bad one leaves ``base_model`` untouched.

    Example:
        >>> model = load_adapters(base, {"summarization": "adapters/summ", "sentiment": "adapters/sent"})  # doctest: +SKIP
        >>> use_adapter(model, "sentiment")                                                           # doctest: +SKIP
    """
    if not isinstance(folders, dict) or not folders:
        raise AdapterError("load_adapters needs a dict {adapter name: adapter folder} with at least one entry.")
    for name, folder in folders.items():
        _check_adapter_name(name)
        check_adapter_fits(base_model, folder, check_base_name=check_base_name)
    names = list(folders)
    model = load_adapter(base_model, folders[names[0]], adapter_name=names[0], check_base_name=check_base_name)
    for name in names[1:]:
        model.load_adapter(str(folders[name]), adapter_name=name)
    use_adapter(model, names[0])
    return model


def use_adapter(model, name: str):
    """Make adapter ``name`` the active one (peft's ``set_adapter``); return the model.

    Switching is instant: the base weights are shared, only the small A/B matrices change.
    """
    if not _is_peft_model(model):
        raise AdapterError("use_adapter needs a model with adapters (from load_adapter or load_adapters).")
    if name not in model.peft_config:
        raise AdapterError(f"No adapter named {name!r} is loaded; "
                           f"loaded adapters: {', '.join(model.peft_config)}.")
    # inference_mode=True: switching must not unfreeze the adapter (peft's default would).
    trainable = any(p.requires_grad for n, p in model.named_parameters() if f".{name}." in n)
    model.set_adapter(name, inference_mode=not trainable)
    return model


def merge(model, adapter_name: str | None = None) -> nn.Module:
    """Fold the active adapter into the base weights, ``W + scaling * B @ A``; return the plain model.

    The result has no LoRA layers and runs exactly as fast as the base. The PeftModel is
    consumed (its base weights are changed in place); other loaded adapters are dropped.
    """
    if not _is_peft_model(model):
        raise AdapterError("merge needs a model with adapters (from apply_lora or load_adapter).")
    if adapter_name is not None:
        use_adapter(model, adapter_name)
    return model.merge_and_unload()
