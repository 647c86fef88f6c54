"""LoRA from scratch: the low-rank update, small enough to read in one sitting (notebook ``06``).

LoRA (Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models",
https://arxiv.org/abs/2106.09685) keeps a pretrained weight ``W`` (out x in) frozen and learns
an update of rank ``r``:

    W' = W + (lora_alpha / r) * B @ A        A: (r x in),  B: (out x r),  r << min(in, out)

Only ``A`` and ``B`` train: ``r * (in + out)`` numbers instead of ``in * out``. ``B`` starts at
zero, so training starts from the unchanged pretrained model.

This module is the *teaching* version. The real work (saving, loading, merging, switching
adapters) goes through peft in ``labutils.adapters``; ``tests/test_lora.py`` proves that this
layer and peft's ``lora.Linear`` give the same outputs and gradients from the same weights.

Example:
    >>> import torch
    >>> layer = LoRALinear(torch.nn.Linear(16, 32), r=4, lora_alpha=8)
    >>> layer.lora_A.shape, layer.lora_B.shape, layer.scaling
    (torch.Size([4, 16]), torch.Size([32, 4]), 2.0)
    >>> x = torch.randn(2, 16)
    >>> torch.equal(layer(x), layer.base(x))     # B = 0: the update starts at zero
    True
"""

from __future__ import annotations

import math

import torch
from torch import nn

__all__ = ["LoRALinear", "add_lora", "count_parameters"]


class LoRALinear(nn.Module):
    """A frozen ``nn.Linear`` plus a trainable low-rank update ``scaling * B @ A``.

    Names follow the paper and peft: ``r``, ``lora_alpha``, ``lora_dropout``, ``lora_A``,
    ``lora_B``, ``scaling = lora_alpha / r``.
    """

    def __init__(self, base: nn.Linear, r: int = 8, lora_alpha: float = 16, lora_dropout: float = 0.0):
        super().__init__()
        if not isinstance(base, nn.Linear):
            raise TypeError(f"LoRALinear wraps an nn.Linear, got {type(base).__name__}")
        if not isinstance(r, int) or isinstance(r, bool) or r <= 0:
            raise ValueError(f"r must be a positive integer (the rank of the update), got {r!r}")
        self.base = base
        self.base.requires_grad_(False)  # the pretrained weight (and bias) stay frozen
        self.r, self.lora_alpha = r, lora_alpha
        # Dividing by r keeps the update's size roughly independent of the rank, so a learning
        # rate tuned for one r still works for another (paper, section 4.1).
        self.scaling = lora_alpha / r
        weight = base.weight  # (out, in)
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, dtype=weight.dtype, device=weight.device))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=weight.dtype, device=weight.device))
        # A: random, as nn.Linear initialises its weight (and as peft does): kaiming-uniform with
        # a=sqrt(5), i.e. uniform in +-1/sqrt(in). B: zeros, so B @ A = 0 at the start (paper, 4.1).
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        # Dropout on the input of A only: it regularises the adapter, never the frozen path.
        self.lora_dropout = nn.Dropout(lora_dropout) if lora_dropout > 0 else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # x: (..., in) -> base: (..., out); the adapter goes in -> r -> out, never forming B @ A
        update = self.lora_dropout(x) @ self.lora_A.T @ self.lora_B.T  # (..., r) then (..., out)
        return self.base(x) + update * self.scaling

    def delta_weight(self) -> torch.Tensor:
        """The learned update ``scaling * B @ A``, shape (out, in), of rank at most ``r``."""
        return self.scaling * self.lora_B @ self.lora_A

    @torch.no_grad()
    def merge(self) -> torch.Tensor:
        """The merged weight ``W + scaling * B @ A`` (out, in): one Linear, no extra inference cost."""
        return self.base.weight + self.delta_weight()

    def extra_repr(self) -> str:
        return f"r={self.r}, lora_alpha={self.lora_alpha}, scaling={self.scaling:g}"


def add_lora(model: nn.Module, target_modules: list[str] | str = ("q_proj", "v_proj"), r: int = 8,
             lora_alpha: float = 16, lora_dropout: float = 0.0) -> nn.Module:
    """Freeze ``model`` and swap every matching ``nn.Linear`` for a ``LoRALinear``, in place.

    ``target_modules``: short module names (``["q_proj", "v_proj"]``, the paper's choice) or
    ``"all-linear"`` (every Linear except the output head, as peft does). This is the teaching
    version; for real runs use ``labutils.adapters.apply_lora`` (peft).

    Example:
        >>> from labutils.models import load_model
        >>> model, _ = load_model("tiny", device="cpu")
        >>> model = add_lora(model, ["q_proj", "v_proj"], r=4)
        >>> trainable, total, percent = count_parameters(model)
        >>> 0 < percent < 1
        True
    """
    model.requires_grad_(False)  # everything frozen; the new lora_A / lora_B are the only trainables
    output_head = model.get_output_embeddings() if hasattr(model, "get_output_embeddings") else None
    wrapped = {id(m.base) for m in model.modules() if isinstance(m, LoRALinear)}  # never wrap twice
    matches = [
        (name, module) for name, module in model.named_modules()
        if isinstance(module, nn.Linear) and id(module) not in wrapped
        and (module is not output_head if target_modules == "all-linear"
             else name.rsplit(".", 1)[-1] in target_modules)
    ]
    if not matches:
        available = sorted({n.rsplit(".", 1)[-1] for n, m in model.named_modules()
                            if isinstance(m, nn.Linear) and id(m) not in wrapped})
        raise ValueError(f"target_modules={target_modules!r} match no (not yet wrapped) nn.Linear; "
                         f"available: {available}")
    for name, module in matches:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name)
        setattr(parent, child, LoRALinear(module, r=r, lora_alpha=lora_alpha, lora_dropout=lora_dropout))
    return model


def count_parameters(model: nn.Module) -> tuple[int, int, float]:
    """``(trainable, total, percent)`` counted from the model; shared (tied) weights count once.

    Example:
        >>> count_parameters(torch.nn.Linear(10, 10))
        (110, 110, 100.0)
    """
    parameters = list(model.parameters())  # .parameters() already skips duplicates (tied weights)
    trainable = sum(p.numel() for p in parameters if p.requires_grad)
    total = sum(p.numel() for p in parameters)
    return trainable, total, 100.0 * trainable / total if total else 0.0
