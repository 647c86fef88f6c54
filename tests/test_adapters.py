"""LoRA adapters through peft (labutils.adapters): apply, save, load, merge, switch, and bad input."""

import copy
import json
import re

import pytest
import torch

from labutils.adapters import (ADAPTER_CONFIG, ADAPTER_WEIGHTS, AdapterError, apply_lora, folder_size,
                               linear_module_names, load_adapter, load_adapters, merge, save_adapter, use_adapter)
from labutils.lora import count_parameters
from labutils.models import load_model

TINY_LINEARS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
INPUT_IDS = torch.tensor([[1, 50, 300, 7, 9, 1200], [2, 18, 4000, 5, 6, 77]])  # (batch 2, seq 6)
MERGE_ATOL = 1e-5  # fp32: merged W + s*B@A vs the two-path forward differ by rounding only (max 4e-7 seen)


@pytest.fixture(scope="module")
def tiny_and_tokenizer():
    return load_model("tiny", device="cpu")


@pytest.fixture
def tiny(tiny_and_tokenizer):
    return copy.deepcopy(tiny_and_tokenizer[0])  # a fresh base per test: peft changes models in place


def _randomise_B(model, seed: int) -> None:
    """Make every lora_B nonzero (as training would), so the adapter changes the outputs."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "lora_B" in name:
                param.copy_(torch.randn(param.shape, generator=generator) * 0.05)


def _logits(model) -> torch.Tensor:
    with torch.no_grad():
        return model(input_ids=INPUT_IDS).logits  # (batch, seq, vocab)


def _has_lora_layers(model) -> bool:
    return any("lora_A" in name for name, _ in model.named_modules())


# ---- apply_lora ------------------------------------------------------------------------------


def test_apply_lora_all_linear_freezes_the_base_and_prints_the_computed_share(tiny, capsys):
    model = apply_lora(tiny, r=4, lora_alpha=8, target_modules="all-linear")
    printed = capsys.readouterr().out
    trainable, total, percent = count_parameters(model)
    assert (trainable, total) == model.get_nb_trainable_parameters()  # our count agrees with peft's
    assert f"trainable {trainable:,} of {total:,} parameters" in printed
    shown = float(re.search(r"\(([\d.]+)%\)", printed).group(1))
    assert shown == round(percent, 4) and 0 < shown < 100
    # all-linear: the 7 Linears of each of the 2 layers, never the output head (peft's rule)
    wrapped = [n for n, m in model.named_modules() if hasattr(m, "lora_A") and hasattr(m, "base_layer")]
    assert len(wrapped) == 7 * 2 and not any("lm_head" in n for n in wrapped)
    assert "on 14 layers" in printed
    assert trainable == sum(4 * (m.in_features + m.out_features) for n, m in model.named_modules() if n in wrapped)
    assert all("lora_A" in n or "lora_B" in n for n, p in model.named_parameters() if p.requires_grad)
    assert model.peft_config["default"].base_model_name_or_path == "tiny"


def test_an_optimizer_step_changes_only_lora_weights(tiny):
    model = apply_lora(tiny, r=4, target_modules=["q_proj", "v_proj"], lora_dropout=0.0, verbose=False)
    model.train()
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    # every parameter goes to the optimizer: freezing (requires_grad=False, so no .grad) alone keeps the base still
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.01)
    for _ in range(2):  # step 1 moves B (A's gradient is 0 while B = 0); step 2 moves A too
        loss = model(input_ids=INPUT_IDS, labels=INPUT_IDS).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    changed = {name for name, p in model.named_parameters() if not torch.equal(p, before[name])}
    assert changed == {name for name in before if "lora_A" in name or "lora_B" in name}
    assert len(changed) == 2 * 2 * 2  # (q_proj, v_proj) x (A, B) x 2 layers


def test_linear_module_names_are_short_deduplicated_and_skip_the_head(tiny):
    assert linear_module_names(tiny) == TINY_LINEARS


@pytest.mark.parametrize("kwargs, message", [
    ({"r": 0}, "r must be a positive integer"),
    ({"r": -4}, "r must be a positive integer"),
    ({"r": 2.5}, "r must be a positive integer"),
    ({"lora_alpha": 0}, "lora_alpha must be a number > 0"),
    ({"lora_dropout": 1.0}, r"lora_dropout must be in \[0, 1\)"),
    ({"lora_dropout": -0.1}, r"lora_dropout must be in \[0, 1\)"),
    ({"target_modules": ["q_prj"]}, "'q_prj' matches no layer"),
    ({"target_modules": ["v_proj", "q_prj"]}, "'q_prj' matches no layer"),  # a typo beside a real name
    ({"target_modules": r".*\.attention\.query"}, "matches no layer"),      # a regex (peft: full match)
    ({"target_modules": "q_proj("}, "does not compile"),
    ({"target_modules": ["mlp"]}, "a block LoRA cannot wrap"),
    ({"target_modules": []}, "non-empty list"),
])
def test_bad_arguments_fail_before_peft_with_a_clear_message(tiny, kwargs, message):
    with pytest.raises(AdapterError, match=message) as error:
        apply_lora(tiny, verbose=False, **kwargs)
    if "target_modules" in kwargs:  # the message lists what the learner could have written
        assert all(name in str(error.value) for name in TINY_LINEARS) and "lm_head" not in str(error.value)
    assert not _has_lora_layers(tiny)  # nothing was half-applied


def test_apply_lora_accepts_a_regex_like_peft(tiny):
    model = apply_lora(tiny, r=2, target_modules=r".*\.self_attn\.(q|v)_proj", verbose=False)
    assert sum(hasattr(m, "base_layer") for m in model.modules()) == 4


def test_apply_lora_twice_and_save_without_adapters_are_rejected(tiny, tmp_path):
    with pytest.raises(AdapterError, match="needs a model with LoRA adapters"):
        save_adapter(tiny, tmp_path / "a")
    model = apply_lora(tiny, verbose=False)
    with pytest.raises(AdapterError, match="already has adapters"):
        apply_lora(model, verbose=False)


# ---- save, load, size --------------------------------------------------------------------------


def test_save_then_load_gives_identical_outputs(tiny, tiny_and_tokenizer, tmp_path):
    base, tokenizer = tiny_and_tokenizer
    model = apply_lora(tiny, r=8, verbose=False)
    _randomise_B(model, seed=1)
    model.eval()
    expected = _logits(model)
    assert not torch.allclose(expected, _logits(base), atol=1e-4)  # the adapter changes the model
    folder = save_adapter(model, tmp_path / "adapter", tokenizer)
    assert (folder / ADAPTER_CONFIG).is_file() and (folder / ADAPTER_WEIGHTS).is_file()
    assert json.loads((folder / ADAPTER_CONFIG).read_text())["base_model_name_or_path"] == "tiny"
    loaded = load_adapter(copy.deepcopy(base), folder)
    assert torch.equal(_logits(loaded), expected)
    assert not any(p.requires_grad for p in loaded.parameters())  # loaded for inference by default


def test_adapter_folder_is_small_against_the_full_model(tiny, tmp_path):
    full = tmp_path / "full"
    tiny.save_pretrained(full, safe_serialization=True)
    model = apply_lora(tiny, r=8, target_modules=["q_proj", "v_proj"], verbose=False)
    folder = save_adapter(model, tmp_path / "adapter")
    trainable, total, _ = count_parameters(model)
    weights = (folder / ADAPTER_WEIGHTS).stat().st_size
    assert trainable * 4 <= weights <= trainable * 4 + 16_384  # fp32 A and B plus a small safetensors header
    ratio = folder_size(folder) / (full / "model.safetensors").stat().st_size
    assert ratio < 0.01, ratio  # tiny: ~50 KB against ~13 MB; on the 135M default ~1% at r=8 (q,v) too


def test_load_model_reads_a_tiny_adapter_folder(tiny, tmp_path):
    model = apply_lora(tiny, verbose=False)
    _randomise_B(model, seed=2)
    model.eval()
    folder = save_adapter(model, tmp_path / "adapter")
    loaded, _ = load_model(str(folder), device="cpu")
    assert torch.equal(_logits(loaded), _logits(model))


@pytest.mark.slow
def test_adapter_on_the_default_model_records_its_name_and_reloads(tmp_path):
    base, tokenizer = load_model(device="cpu")
    model = apply_lora(base, r=4, target_modules=["q_proj", "v_proj"], verbose=False)
    _randomise_B(model, seed=3)
    model.eval()
    folder = save_adapter(model, tmp_path / "adapter", tokenizer)
    assert json.loads((folder / ADAPTER_CONFIG).read_text())["base_model_name_or_path"] == "smollm2-135m-instruct"
    loaded, _ = load_model(str(folder), device="cpu")
    assert torch.equal(_logits(loaded), _logits(model))


# ---- merge -----------------------------------------------------------------------------------------


def test_merged_and_unmerged_outputs_agree_in_fp32(tiny):
    model = apply_lora(tiny, r=8, verbose=False)
    _randomise_B(model, seed=4)
    model.eval()
    unmerged = _logits(model)
    merged_model = merge(model)
    assert not _has_lora_layers(merged_model) and not hasattr(merged_model, "peft_config")
    merged = _logits(merged_model)
    torch.testing.assert_close(merged, unmerged, atol=MERGE_ATOL, rtol=0)


# ---- several adapters, switched per task -----------------------------------------------------------


def _two_adapters(base, tmp_path):
    folders = {}
    for seed, task in enumerate(("summarization", "sentiment")):
        model = apply_lora(copy.deepcopy(base), r=4, verbose=False)
        _randomise_B(model, seed=10 + seed)
        folders[task] = save_adapter(model, tmp_path / task)
    return folders


def test_two_adapters_switch_per_task_and_switching_back_restores_outputs(tiny, tmp_path):
    tiny_base = copy.deepcopy(tiny)
    folders = _two_adapters(tiny, tmp_path)
    alone = _logits(load_adapter(copy.deepcopy(tiny), folders["summarization"]).eval())
    model = load_adapters(tiny, folders).eval()
    assert model.active_adapter == "summarization"
    first = _logits(model)
    assert torch.equal(first, alone)  # the other adapter, loaded beside it, changes nothing
    second = _logits(use_adapter(model, "sentiment"))
    assert not torch.allclose(first, second, atol=1e-4)
    assert torch.equal(_logits(use_adapter(model, "summarization")), first)
    # one adapter saved out of the pair lands at the top of its folder and reloads alone
    folder = save_adapter(model, tmp_path / "sentiment-again", adapter_name="sentiment")
    assert torch.equal(_logits(load_adapter(copy.deepcopy(tiny_base), folder).eval()), second)
    assert not any(p.requires_grad for p in model.parameters())  # switching did not unfreeze anything
    with pytest.raises(AdapterError, match="loaded adapters: summarization, sentiment"):
        use_adapter(model, "qa")


# ---- damaged folders and the wrong base model -----------------------------------------------------


@pytest.fixture
def saved(tiny, tmp_path):
    model = apply_lora(copy.deepcopy(tiny), r=4, target_modules=["q_proj", "v_proj"], verbose=False)
    return save_adapter(model, tmp_path / "adapter")


@pytest.mark.parametrize("missing", [ADAPTER_CONFIG, ADAPTER_WEIGHTS])
def test_missing_file_is_named(tiny, saved, missing):
    (saved / missing).unlink()
    with pytest.raises(AdapterError, match=f"{re.escape(missing)} is missing"):
        load_adapter(tiny, saved)
    assert not _has_lora_layers(tiny)


def test_invalid_json_names_the_file_and_line(tiny, saved):
    path = saved / ADAPTER_CONFIG
    path.write_text(path.read_text()[:-20])  # cut off the end, as an interrupted copy would
    with pytest.raises(AdapterError, match=rf"{ADAPTER_CONFIG} is not valid JSON \(line \d+"):
        load_adapter(tiny, saved)


def test_truncated_safetensors_names_the_file(tiny, saved):
    path = saved / ADAPTER_WEIGHTS
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(AdapterError, match=rf"{ADAPTER_WEIGHTS} could not be read as safetensors"):
        load_adapter(tiny, saved)
    assert not _has_lora_layers(tiny)


def _other_llama(**changes):
    """A small Llama that differs from tiny only by ``changes`` (e.g. width or depth)."""
    from transformers import LlamaConfig, LlamaForCausalLM

    from labutils.models import TINY_CONFIG

    torch.manual_seed(0)
    model = LlamaForCausalLM(LlamaConfig(vocab_size=1000, **{**TINY_CONFIG, **changes}))
    model.config.name_or_path = "other-llama"
    return model


def test_adapter_on_a_base_of_other_shapes_names_module_and_shapes(saved):
    other = _other_llama(hidden_size=32, intermediate_size=64)
    with pytest.raises(AdapterError) as error:
        load_adapter(other, saved)
    message = str(error.value)
    assert "model.layers.0.self_attn.q_proj" in message
    # the adapter's lora_A (r, in) = (4, 64); the base's q_proj (out, in) = (32, 32) needs (4, 32)
    assert "shape (4, 64)" in message and "(32, 32)" in message and "(4, 32)" in message
    assert "trained on tiny" in message and "other-llama" in message


def test_adapter_on_a_shallower_base_names_the_missing_layer(saved):
    with pytest.raises(AdapterError, match=r"adapts model\.layers\.1\.self_attn\.(q|v)_proj, which this base"):
        load_adapter(_other_llama(num_hidden_layers=1), saved)


def test_adapter_on_a_base_with_another_name_names_both(tiny, saved):
    tiny.config.name_or_path = "some-other-model"  # same shapes, different model
    with pytest.raises(AdapterError, match=r"trained on base model 'tiny' but is being loaded onto 'some-other-model'"):
        load_adapter(tiny, saved)
    assert isinstance(load_adapter(tiny, saved, check_base_name=False), torch.nn.Module)  # the escape hatch


def test_load_adapters_checks_every_folder_before_touching_the_base(tiny, saved, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(AdapterError, match=ADAPTER_CONFIG):
        load_adapters(tiny, {"summarization": saved, "sentiment": tmp_path / "empty"})
    assert not _has_lora_layers(tiny)
