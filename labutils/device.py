"""Device, precision, seeding and the machine line.

The lab picks CUDA, then Apple's MPS, then the CPU, and autocasts to bf16 only where the hardware
multiplies bf16 natively (recent GPUs; CPUs with AMX or AVX512-BF16). Notebook 01 prints the
machine line; every module that runs a model asks here.
"""

from __future__ import annotations

import os
import platform
import random
from pathlib import Path

import numpy as np
import torch


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
