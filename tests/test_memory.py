"""Memory accounting: the estimate's parts follow the formulas, and the measurement sees real use."""

from __future__ import annotations

import pytest
import torch

from labutils.memory import MemoryEstimate, estimate_memory, measure_peak, memory_table
from train_helper import base_config, micro_model


def test_full_fine_tuning_needs_weights_gradients_and_two_adam_states():
    model = micro_model()
    n = sum(p.numel() for p in model.parameters())
    est = estimate_memory(model, base_config("/tmp", precision="fp32"))
    assert (est.weights, est.gradients, est.optimizer) == (4 * n, 4 * n, 8 * n)
    assert est.total == est.weights + est.gradients + est.optimizer + est.activations
    assert est.activations > 0 and est.trainable_params == n


def test_lora_estimate_counts_exactly_the_adapters_peft_creates():
    from peft import LoraConfig, get_peft_model

    config = base_config("/tmp", peft="lora", r=4, target_modules=["q_proj", "v_proj", "down_proj"])
    est = estimate_memory(micro_model(), config)
    peft_model = get_peft_model(micro_model(), LoraConfig(r=4, target_modules=config.target_modules))
    trainable = sum(p.numel() for p in peft_model.parameters() if p.requires_grad)
    assert est.trainable_params == trainable
    assert est.gradients == 4 * trainable and est.optimizer == 8 * trainable
    assert estimate_memory(peft_model, config).trainable_params == trainable  # also from a peft model


def test_bf16_halves_activations_and_checkpointing_shrinks_them():
    model = micro_model()
    fp32 = estimate_memory(model, base_config("/tmp", precision="fp32", max_length=128), completion_fraction=0)
    bf16 = estimate_memory(model, base_config("/tmp", precision="bf16", max_length=128), completion_fraction=0)
    assert bf16.activations == pytest.approx(fp32.activations / 2, rel=1e-6)
    assert bf16.weights == fp32.weights  # fp32 master weights either way
    ckpt = estimate_memory(model, base_config("/tmp", precision="fp32", max_length=128, gradient_checkpointing=True))
    assert ckpt.activations < fp32.activations


def test_korthikanti_formula_per_layer():
    model = micro_model()  # hidden 32, 4 heads, 2 layers
    config = base_config("/tmp", precision="bf16", max_length=64, batch_size=2)
    est = estimate_memory(model, config, completion_fraction=0)
    s, b, h, a = 64, 2, 32, 4
    assert est.activations == int(2 * s * b * h * (34 + 5 * a * s / h))


def test_memory_table_and_frame():
    table = memory_table(micro_model(), base_config("/tmp"))
    assert list(table.columns) == ["full, fp32 (MiB)", "full, bf16 (MiB)", "lora, fp32 (MiB)", "lora, bf16 (MiB)"]
    assert (table.loc["gradients", "lora, fp32 (MiB)"] < table.loc["gradients", "full, fp32 (MiB)"])
    assert "total" in str(estimate_memory(micro_model(), base_config("/tmp")))
    assert isinstance(estimate_memory(micro_model(), base_config("/tmp")), MemoryEstimate)


def test_measure_peak_on_cpu_sees_a_big_allocation():
    with measure_peak("cpu") as small:
        torch.ones(1000).sum()
    with measure_peak("cpu") as big:
        x = torch.ones(100_000_000)  # 400 MB
        x += 1
        del x
    assert big.peak_bytes - big.start_bytes > 300e6
    assert big.peak_bytes - big.start_bytes > (small.peak_bytes - small.start_bytes) + 300e6
    assert "RSS" in big.method
