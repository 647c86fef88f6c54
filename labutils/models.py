"""Model loading for the lab: names, folders, hub ids and the tiny test model.

Notebook 01 introduces the default model; every other notebook loads it the same way:

    >>> from labutils.models import load_model
    >>> model, tokenizer = load_model()            # the embedded default, offline
    >>> model, tokenizer = load_model("tiny")      # random 2-layer model for fast tests
    >>> model, tokenizer = load_model("tiny-t5")   # its encoder-decoder counterpart (FLAN-T5's architecture)
    >>> model, tokenizer = load_model("HuggingFaceTB/SmolLM2-360M-Instruct")  # any hub id (needs the hub)

The default model's cache lives in :mod:`labutils.default_model`; device and precision in
:mod:`labutils.device`.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import torch
from huggingface_hub import constants as hub_constants
from safetensors import SafetensorError

from labutils.adapters import load_adapter
from labutils.default_model import DEFAULT_MODEL, ModelLoadError, fetch_default_model
from labutils.device import pick_device

# A random model for unit tests: same tokenizer (and so the same vocabulary) as the default,
# but 2 layers of width 64, so a forward and backward pass take milliseconds.
TINY_CONFIG = dict(
    hidden_size=64,
    intermediate_size=128,
    num_hidden_layers=2,
    num_attention_heads=4,
    num_key_value_heads=2,
    max_position_embeddings=2048,
    tie_word_embeddings=True,
)

# The encoder-decoder counterpart (FLAN-T5's architecture), for the seq2seq tests: 2 encoder and
# 2 decoder layers of width 64, the same tokenizer; T5 uses relative positions (no position limit).
TINY_T5_CONFIG = dict(d_model=64, d_kv=16, d_ff=128, num_layers=2, num_decoder_layers=2, num_heads=4,
                      feed_forward_proj="gated-gelu", tie_word_embeddings=False)  # as FLAN-T5 (T5 v1.1)
TINY_MODELS = ("tiny", "tiny-t5")  # built in memory by build_tiny_model(): no folder to load

KNOWN_MODELS = {
    DEFAULT_MODEL: "SmolLM2-135M-Instruct, embedded: fetched from the Python package index, runs offline",
    "tiny": "random 2-layer Llama with SmolLM2's tokenizer, for fast tests (it produces noise)",
    "tiny-t5": "random 2+2-layer T5 (encoder-decoder, like FLAN-T5) with SmolLM2's tokenizer, for fast tests",
}



@dataclass
class ModelSource:
    """Where a name points: the folder or hub id to load, and an optional LoRA adapter on top."""

    path: str
    adapter: str | None = None


def resolve(name: str) -> ModelSource:
    """Turn a model name into something ``from_pretrained`` can load.

    Accepts the known names, a local model folder, a run folder from ``labutils train`` (the
    model or adapter saved under ``final/``), a LoRA adapter folder (``adapter_config.json``) or
    a Hugging Face hub id ("owner/model").
    """
    if name == DEFAULT_MODEL:
        return ModelSource(str(fetch_default_model()))
    if name in TINY_MODELS:
        return ModelSource(name)
    path = Path(name).expanduser()
    if path.is_dir():
        for folder in (path, path / "final", path / "model"):
            if (folder / "adapter_config.json").is_file():
                try:
                    base = json.loads((folder / "adapter_config.json").read_text()).get("base_model_name_or_path")
                except (OSError, ValueError, AttributeError) as error:  # AttributeError: JSON that is not an object
                    raise ModelLoadError(f"{folder / 'adapter_config.json'}: not a readable adapter config ({error}); "
                                         "copy the run folder again, or train it again.") from None
                if not base:
                    raise ModelLoadError(f"{folder / 'adapter_config.json'} names no base model "
                                         "(key 'base_model_name_or_path').")
                return ModelSource(resolve(base).path, adapter=str(folder))
            if (folder / "config.json").is_file():
                return ModelSource(str(folder))
        raise ModelLoadError(f"{path} is a folder but holds no model: expected config.json or "
                             "adapter_config.json in it or in its final/ folder.")
    if "/" in name and not name.startswith((".", "/", "~")) and name.count("/") == 1:
        return ModelSource(name)  # a hub id
    known = "\n".join(f"  {key:24s} {text}" for key, text in KNOWN_MODELS.items())
    raise ModelLoadError(
        f"Unknown model {name!r}. Known names:\n{known}\n"
        "or a local model folder, a run folder, or a Hugging Face hub id such as 'HuggingFaceTB/SmolLM2-360M-Instruct'."
    )


def load_tokenizer(name: str = DEFAULT_MODEL):
    """The tokenizer of ``name`` with a pad token set and right padding (training's default)."""
    from transformers import AutoTokenizer

    source = resolve(name)
    # A run folder saves the tokenizer beside its adapter; prefer that copy when it is there.
    folder = source.adapter if source.adapter and Path(source.adapter, "tokenizer_config.json").is_file() else source.path
    if folder in TINY_MODELS:  # the tiny models share the default model's tokenizer
        folder = resolve(DEFAULT_MODEL).path
    tokenizer = _hub_call(AutoTokenizer.from_pretrained, folder)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"
    if source.path == "tiny":  # its context window is its own, shorter than the default model's
        tokenizer.model_max_length = TINY_CONFIG["max_position_embeddings"]
    if source.path == "tiny-t5":  # like FLAN-T5's: no chat template, the prompt is plain text
        tokenizer.chat_template = None
    return tokenizer


# A reachable hub accepts a connection in well under a second; without this check, transformers
# spends about a minute in retries before it says it is offline.
HUB_PROBE_TIMEOUT_S = 3
_HUB_PROBES: dict[str, str | None] = {}  # endpoint -> why it is unreachable (None: reachable), once per process


def hub_unreachable() -> str | None:
    """Why the Hugging Face hub cannot be reached from here, or None when it can (or a proxy decides)."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on") or hub_constants.HF_HUB_OFFLINE:
        return "HF_HUB_OFFLINE is set"
    if any(os.environ.get(name) for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None  # only the proxy knows; let the real request find out
    endpoint = os.environ.get("HF_ENDPOINT") or hub_constants.ENDPOINT
    if endpoint not in _HUB_PROBES:
        url = urlparse(endpoint)
        try:
            port = url.port or (443 if url.scheme == "https" else 80)
            socket.create_connection((url.hostname, port), timeout=HUB_PROBE_TIMEOUT_S).close()
            _HUB_PROBES[endpoint] = None
        except OSError as error:
            _HUB_PROBES[endpoint] = f"{endpoint} does not answer: {error.strerror or error}"
    return _HUB_PROBES[endpoint]


def _hub_call(function, path: str, **kwargs):
    """Call a ``from_pretrained`` and turn 'no network' into an actionable message, in seconds."""
    offline = None if Path(path).exists() else hub_unreachable()
    if offline:
        kwargs["local_files_only"] = True  # a copy in the hub cache still loads
    try:
        return function(path, **kwargs)
    except (OSError, ValueError, SafetensorError) as error:  # what a damaged folder raises (JSON, weights, files)
        if Path(path).exists():
            first_line = (str(error).strip().splitlines() or [""])[0][:200]
            raise ModelLoadError(
                f"{path}: the model files there could not be loaded ({type(error).__name__}: {first_line}). The folder "
                "may be damaged (a copy cut short, an edited or missing file) or written by a newer transformers: "
                "copy it again, or train the run again with `labutils train --fresh --config ...`.") from error
        if not isinstance(error, OSError):
            raise
        reason = f"the hub is offline here ({offline}) and the model is not in the hub cache" if offline else error
        raise ModelLoadError(
            f"Could not load {path!r} from the Hugging Face hub: {reason}\n"
            "Hub models need network access (or a copy in the hub cache). Offline, use the embedded "
            f"default {DEFAULT_MODEL!r}, or download the model elsewhere and pass its local folder."
        ) from error


def is_seq2seq(model) -> bool:
    return bool(getattr(model.config, "is_encoder_decoder", False))


def build_tiny_model(tokenizer, seed: int = 0, name: str = "tiny"):
    """A randomly initialised tiny model sharing the default model's vocabulary.

    ``name``: "tiny" (a 2-layer Llama) or "tiny-t5" (a 2+2-layer T5 whose decoder starts from,
    and pads with, the tokenizer's pad token, as T5's does).
    """
    from transformers import LlamaConfig, LlamaForCausalLM, T5Config, T5ForConditionalGeneration

    special = dict(eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    if name == "tiny-t5":
        config = T5Config(vocab_size=len(tokenizer), decoder_start_token_id=tokenizer.pad_token_id,
                          **special, **TINY_T5_CONFIG)
        architecture = T5ForConditionalGeneration
    else:
        config = LlamaConfig(vocab_size=len(tokenizer), bos_token_id=tokenizer.bos_token_id, **special, **TINY_CONFIG)
        architecture = LlamaForCausalLM
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = architecture(config)
    model.config.name_or_path = model.name_or_path = name  # peft records the base under this name
    return model


def load_model(name: str = DEFAULT_MODEL, *, device: torch.device | str | None = None,
               dtype: torch.dtype | None = None):
    """Load ``(model, tokenizer)`` by name, in eval mode on ``device`` (default: ``pick_device()``).

    ``name`` is one of ``KNOWN_MODELS``, a local folder, a run folder, a LoRA adapter folder or a hub
    id. Weights load in fp32 unless ``dtype`` says otherwise; mixed precision is applied later by
    autocast (see ``autocast_dtype``), which keeps fp32 master weights for training.

    Example:
        >>> model, tokenizer = load_model("tiny")
        >>> sum(p.numel() for p in model.parameters()) < 5_000_000
        True
    """
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # loading from disk takes a fraction of a second: no bar needed
    device = torch.device(device) if device is not None else pick_device()
    dtype = dtype or torch.float32
    tokenizer = load_tokenizer(name)
    source = resolve(name)
    if source.path in TINY_MODELS:
        model = build_tiny_model(tokenizer, name=source.path).to(dtype)
    else:
        config = _hub_call(AutoConfig.from_pretrained, source.path)
        auto_class = AutoModelForSeq2SeqLM if getattr(config, "is_encoder_decoder", False) else AutoModelForCausalLM
        model = _hub_call(auto_class.from_pretrained, source.path, dtype=dtype)
    if source.adapter:
        model = load_adapter(model, source.adapter)  # checks the folder and the base before peft loads it
    if model.config.pad_token_id is None:
        model.config.pad_token_id = tokenizer.pad_token_id
    return model.to(device).eval(), tokenizer
