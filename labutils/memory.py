"""Where the memory of fine-tuning goes: an estimate, and a measurement to hold it against.

Notebook ``03_full_fine_tuning`` shows why full fine-tuning is expensive: besides the weights,
every trainable parameter needs a gradient and two AdamW states, and the activations of the
forward pass are kept for the backward pass. LoRA (notebook ``06``) freezes the base weights,
so gradients and optimizer states shrink to the adapters'.

Example:
    >>> from labutils.models import load_model
    >>> from labutils.train import TrainConfig
    >>> from labutils.memory import estimate_memory, measure_peak
    >>> model, _ = load_model()
    >>> print(estimate_memory(model, TrainConfig(batch_size=8, max_length=256)))
    >>> with measure_peak() as peak:
    ...     ...  # train a few steps
    >>> peak.peak_bytes
"""

from __future__ import annotations

import re
import resource
import sys
import threading
import time
from dataclasses import asdict, dataclass

import torch

ADAMW_STATES = 2  # exp_avg and exp_avg_sq, one fp32 number each per trainable parameter
FP32, BF16 = 4, 2  # bytes per number


@dataclass
class MemoryEstimate:
    """Bytes for each part of training memory (see :func:`estimate_memory`)."""

    weights: int
    gradients: int
    optimizer: int
    activations: int
    trainable_params: int
    total_params: int
    precision: str
    peft: str

    @property
    def total(self) -> int:
        return self.weights + self.gradients + self.optimizer + self.activations

    def as_dict(self) -> dict:
        return {**asdict(self), "total": self.total}

    def to_frame(self):
        """A one-column pandas DataFrame in MiB, for a notebook table."""
        import pandas as pd

        parts = {"weights": self.weights, "gradients": self.gradients, "optimizer states": self.optimizer,
                 "activations": self.activations, "total": self.total}
        return pd.DataFrame({f"{self.peft}, {self.precision} (MiB)": {k: round(v / 2**20, 1) for k, v in parts.items()}})

    def __str__(self) -> str:
        rows = [("weights", self.weights), ("gradients", self.gradients), ("optimizer", self.optimizer),
                ("activations", self.activations), ("total", self.total)]
        head = f"{self.peft} fine-tuning, {self.precision}: {self.trainable_params:,} of {self.total_params:,} parameters train"
        return head + "\n" + "\n".join(f"  {name:12s} {value / 2**20:10.1f} MiB" for name, value in rows)


def _lora_params(model, config) -> int:
    """Adapter parameters LoRA would add: r * (in + out) for every targeted Linear."""
    targets = set(config.target_modules)
    total = 0
    for name, module in model.named_modules():
        if isinstance(module, torch.nn.Linear) and name.rsplit(".", 1)[-1] in targets and "lora_" not in name:
            total += config.r * (module.in_features + module.out_features)
    return total


def estimate_memory(model, config, *, precision: str | None = None, peft: str | None = None,
                    completion_fraction: float = 0.5) -> MemoryEstimate:
    """Estimate training memory for ``model`` under ``config`` (a TrainConfig), in bytes.

    - weights: every parameter in fp32. Our loop keeps fp32 master weights and autocasts to
      bf16 on the fly, so bf16 does not shrink this part.
    - gradients: one fp32 number per trainable parameter.
    - optimizer: AdamW keeps two fp32 states per trainable parameter.
    - activations, per layer and micro-batch: ``s*b*h*(34 + 5*a*s/h)`` bytes with 16-bit activations
      (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models",
      https://arxiv.org/abs/2205.05198, section 4.1; s = sequence, b = batch, h = hidden, a = heads).
      We double it for fp32. The ``5*a*s/h`` term is the attention matrix; fused attention
      kernels (FlashAttention, SDPA) don't store it, so this is an upper bound there. With
      gradient checkpointing only each layer's input (``2*s*b*h`` bytes in bf16) is kept, plus one
      layer recomputed at a time. LoRA keeps the same activations: the gradient must still flow
      through the frozen layers to reach earlier adapters.
      Plus the logits: we run the head only on completion tokens (``completion_fraction`` of the
      sequence), fp32 logits and their gradient: ``2 * 4 * b*s*fraction*vocab`` bytes.

    ``s`` is ``config.max_length``, an upper bound: dynamic padding makes real batches shorter.

    Example:
        >>> est = estimate_memory(model, TrainConfig(batch_size=8, max_length=256))
        >>> est.total / 2**30   # GiB
    """
    precision = precision or ("fp32" if config.precision == "fp32" else "bf16")
    peft = peft or config.peft
    total_params = sum(p.numel() for p in model.parameters())
    if hasattr(model, "get_base_model"):  # already a peft model: count the base and adapters apart
        lora = sum(p.numel() for n, p in model.named_parameters() if "lora_" in n)
        base_params = total_params - lora
    else:
        lora, base_params = _lora_params(model, config), total_params
    trainable = lora if peft == "lora" else base_params
    act_bytes = BF16 if precision == "bf16" else FP32

    cfg = model.config
    h, layers, heads = cfg.hidden_size, cfg.num_hidden_layers, cfg.num_attention_heads
    s, b = config.max_length, config.batch_size
    per_layer_16bit = s * b * h * (34 + 5 * heads * s / h)
    per_layer = per_layer_16bit * act_bytes / BF16
    if config.gradient_checkpointing:
        activations = layers * s * b * h * act_bytes + per_layer
    else:
        activations = layers * per_layer
    activations += 2 * FP32 * b * s * completion_fraction * cfg.vocab_size
    return MemoryEstimate(
        weights=(base_params + (lora if peft == "lora" else 0)) * FP32,
        gradients=trainable * FP32,
        optimizer=trainable * ADAMW_STATES * FP32,
        activations=int(activations),
        trainable_params=trainable,
        total_params=base_params + (lora if peft == "lora" else 0),
        precision=precision,
        peft=peft,
    )


def memory_table(model, config):
    """Full vs LoRA x fp32 vs bf16 estimates side by side, in MiB (a pandas DataFrame)."""
    import pandas as pd

    frames = [estimate_memory(model, config, precision=p, peft=k).to_frame()
              for k in ("none", "lora") for p in ("fp32", "bf16")]
    table = pd.concat(frames, axis=1)
    table.columns = [c.replace("none,", "full,") for c in table.columns]
    return table


# --------------------------------------------------------------------------------------
# Measuring the peak
# --------------------------------------------------------------------------------------


def _rss_bytes(field: str = "VmRSS") -> int | None:
    """Resident memory of this process from /proc/self/status (Linux), in bytes."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(re.findall(r"\d+", line)[0]) * 1024
    except OSError:
        return None
    return None


def _reset_rss_peak() -> bool:
    """Reset the kernel's peak-RSS counter (VmHWM) for this process; Linux >= 4.0."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


class PeakMemory:
    """Filled in by :func:`measure_peak`: ``peak_bytes``, ``start_bytes``, ``method``."""

    def __init__(self, device: torch.device):
        self.device = device
        self.peak_bytes: int | None = None
        self.start_bytes: int | None = None
        self.method = ""

    @property
    def added_bytes(self) -> int | None:
        """Peak minus what was in use when the block began."""
        if self.peak_bytes is None or self.start_bytes is None:
            return None
        return self.peak_bytes - self.start_bytes

    def __repr__(self) -> str:
        peak = "?" if self.peak_bytes is None else f"{self.peak_bytes / 2**20:.0f} MiB"
        return f"PeakMemory(peak={peak}, method={self.method!r})"


class measure_peak:
    """Context manager: the peak memory used inside the block.

    On CUDA: ``torch.cuda.max_memory_allocated`` (tensors only, reset at entry). On CPU: the
    process's peak resident set size (RSS), which counts everything the process holds
    (Python, libraries, weights). We reset the kernel's peak counter (VmHWM, via
    /proc/self/clear_refs) at entry so the value belongs to this block. Where that reset isn't
    allowed we sample VmRSS every 5 ms in a thread instead (it can miss a spike shorter than 5 ms). ``resource.getrusage(...).ru_maxrss`` is NOT used as the answer: it is
    the maximum over the whole life of the process and cannot be reset.

    Example:
        >>> with measure_peak() as peak:
        ...     x = torch.ones(50_000_000)
        >>> peak.peak_bytes > 200e6
        True
    """

    def __init__(self, device: torch.device | str | None = None, interval: float = 0.005):
        if device is None:
            device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.result = PeakMemory(torch.device(device))
        self.interval = interval
        self._stop = threading.Event()
        self._sampled = 0

    def _sample(self):
        while not self._stop.is_set():
            self._sampled = max(self._sampled, _rss_bytes() or 0)
            time.sleep(self.interval)

    def __enter__(self) -> PeakMemory:
        if self.result.device.type == "cuda":
            torch.cuda.synchronize(self.result.device)
            torch.cuda.reset_peak_memory_stats(self.result.device)
            self.result.start_bytes = torch.cuda.memory_allocated(self.result.device)
            self.result.method = "cuda max_memory_allocated"
            return self.result
        self.result.start_bytes = _rss_bytes()
        self._hwm_reset = _reset_rss_peak()
        self._sampled = self.result.start_bytes or 0
        self._thread = None
        if not self._hwm_reset:  # the kernel keeps no resettable peak for us: sample it ourselves
            self._thread = threading.Thread(target=self._sample, daemon=True)
            self._thread.start()
        return self.result

    def __exit__(self, *exc_info):
        if self.result.device.type == "cuda":
            torch.cuda.synchronize(self.result.device)
            self.result.peak_bytes = torch.cuda.max_memory_allocated(self.result.device)
            return False
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        hwm = _rss_bytes("VmHWM") if self._hwm_reset else None
        if hwm is not None:
            self.result.peak_bytes = max(hwm, self._sampled)
            self.result.method = "peak RSS (VmHWM, reset at start)"
        elif self._sampled:
            self.result.peak_bytes = self._sampled
            self.result.method = "peak RSS (sampled every 5 ms)"
        else:  # not Linux: the life-time maximum, in KiB on Linux but bytes on macOS
            scale = 1 if sys.platform == "darwin" else 1024
            self.result.peak_bytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
            self.result.method = "ru_maxrss (whole process lifetime)"
        return False
