"""The from-scratch LoRA layer (labutils.lora) against peft's LoRA layer, given the same weights."""

import copy
import math

import pytest
import torch
from peft import LoraConfig, get_peft_model
from peft.tuners import lora as peft_lora

from labutils.lora import LoRALinear, add_lora, count_parameters

IN, OUT, R, ALPHA = 24, 40, 4, 8
ATOL = 1e-6  # fp32, same arithmetic in a possibly different order: differences are rounding only


def _pair(seed: int = 0):
    """Our LoRALinear and peft's lora.Linear on identical base Linears, with identical, nonzero A and B."""
    torch.manual_seed(seed)
    base = torch.nn.Linear(IN, OUT)
    ours = LoRALinear(copy.deepcopy(base), r=R, lora_alpha=ALPHA, lora_dropout=0.0)
    config = LoraConfig(r=R, lora_alpha=ALPHA, lora_dropout=0.0)
    theirs = peft_lora.Linear(copy.deepcopy(base), "default", config=config, r=R, lora_alpha=ALPHA)
    with torch.no_grad():
        ours.lora_B.normal_()  # a trained-looking B: with B = 0 the update would be trivially zero
        theirs.lora_A["default"].weight.copy_(ours.lora_A)  # peft's lora_A is Linear(in, r): weight (r, in)
        theirs.lora_B["default"].weight.copy_(ours.lora_B)  # peft's lora_B is Linear(r, out): weight (out, r)
    return ours, theirs


def test_initialisation_follows_the_paper_and_peft():
    torch.manual_seed(0)
    base = torch.nn.Linear(IN, OUT)
    layer = LoRALinear(base, r=R, lora_alpha=ALPHA)
    assert layer.lora_A.shape == (R, IN) and layer.lora_B.shape == (OUT, R)
    assert layer.scaling == ALPHA / R
    assert torch.count_nonzero(layer.lora_B) == 0                      # B = 0 ...
    x = torch.randn(3, IN)
    assert torch.equal(layer(x), base(x))                               # ... so the update starts at zero
    # kaiming-uniform with a=sqrt(5) draws from U(-1/sqrt(in), 1/sqrt(in)) and is not degenerate
    bound = 1 / math.sqrt(IN)
    assert layer.lora_A.abs().max() <= bound and layer.lora_A.std() > bound / 4


def test_outputs_and_gradients_match_peft():
    ours, theirs = _pair()
    x = torch.randn(2, 5, IN)  # (batch, seq, in)
    x_ours, x_theirs = x.clone().requires_grad_(), x.clone().requires_grad_()
    out_ours, out_theirs = ours(x_ours), theirs(x_theirs)
    assert out_ours.shape == (2, 5, OUT)
    torch.testing.assert_close(out_ours, out_theirs, atol=ATOL, rtol=0)
    assert not torch.allclose(out_ours, ours.base(x), atol=1e-3)  # the adapter really contributes

    upstream = torch.randn_like(out_ours)  # any upstream gradient, the same for both
    out_ours.backward(upstream)
    out_theirs.backward(upstream)
    torch.testing.assert_close(x_ours.grad, x_theirs.grad, atol=ATOL, rtol=0)
    torch.testing.assert_close(ours.lora_A.grad, theirs.lora_A["default"].weight.grad, atol=ATOL, rtol=0)
    torch.testing.assert_close(ours.lora_B.grad, theirs.lora_B["default"].weight.grad, atol=ATOL, rtol=0)
    assert ours.lora_A.grad.abs().sum() > 0 and ours.lora_B.grad.abs().sum() > 0


def test_only_lora_A_and_B_train():
    ours, _ = _pair()
    assert {n for n, p in ours.named_parameters() if p.requires_grad} == {"lora_A", "lora_B"}
    ours(torch.randn(4, IN)).sum().backward()
    assert ours.base.weight.grad is None and ours.base.bias.grad is None


def test_merged_weight_matches_peft_and_the_forward_pass():
    ours, theirs = _pair()
    delta = ours.delta_weight()
    assert delta.shape == (OUT, IN) and torch.linalg.matrix_rank(delta) <= R  # low rank by construction
    torch.testing.assert_close(delta, theirs.get_delta_weight("default"), atol=ATOL, rtol=0)
    merged = ours.merge()
    theirs.merge()  # peft folds the update into its base layer's weight in place
    torch.testing.assert_close(merged, theirs.base_layer.weight, atol=ATOL, rtol=0)
    x = torch.randn(3, IN)
    torch.testing.assert_close(torch.nn.functional.linear(x, merged, ours.base.bias), ours(x), atol=1e-5, rtol=0)


def test_dropout_applies_to_the_adapter_input_only():
    torch.manual_seed(0)
    layer = LoRALinear(torch.nn.Linear(IN, OUT), r=R, lora_alpha=ALPHA, lora_dropout=0.5).train()
    x = torch.randn(8, IN)
    torch.testing.assert_close(layer(x), layer.base(x))  # B = 0: dropout cannot touch the frozen path
    with torch.no_grad():
        layer.lora_B.normal_()
    assert not torch.equal(layer(x), layer(x))          # training: random masks on the adapter input
    layer.eval()
    assert torch.equal(layer(x), layer(x))              # eval: dropout off, deterministic


def test_bad_rank_and_layer_type_are_rejected():
    with pytest.raises(ValueError, match="r must be a positive integer"):
        LoRALinear(torch.nn.Linear(4, 4), r=0)
    with pytest.raises(TypeError, match="nn.Linear"):
        LoRALinear(torch.nn.Conv1d(4, 4, 1))


@pytest.fixture(scope="module")
def tiny():
    from labutils.models import load_model

    model, _ = load_model("tiny", device="cpu")
    return model


def test_add_lora_matches_peft_on_the_whole_model(tiny):
    targets = ["q_proj", "v_proj"]
    ours = add_lora(copy.deepcopy(tiny), targets, r=R, lora_alpha=ALPHA)
    theirs = get_peft_model(copy.deepcopy(tiny), LoraConfig(r=R, lora_alpha=ALPHA, lora_dropout=0.0,
                                                            target_modules=targets))
    # add_lora froze everything else: only the adapters' A and B train
    assert {n.rsplit(".", 1)[-1] for n, p in ours.named_parameters() if p.requires_grad} == {"lora_A", "lora_B"}
    wrapped = {n: m for n, m in ours.named_modules() if isinstance(m, LoRALinear)}
    assert len(wrapped) == 2 * tiny.config.num_hidden_layers
    torch.manual_seed(1)
    with torch.no_grad():
        for name, layer in wrapped.items():
            layer.lora_B.normal_(std=0.1)
            peft_layer = theirs.get_base_model().get_submodule(name)
            peft_layer.lora_A["default"].weight.copy_(layer.lora_A)
            peft_layer.lora_B["default"].weight.copy_(layer.lora_B)
    input_ids = torch.tensor([[1, 50, 300, 7, 9]])
    torch.testing.assert_close(ours(input_ids).logits, theirs(input_ids).logits, atol=1e-5, rtol=0)
    # the same trainable parameters, counted from the model, as peft counts them
    trainable, total, percent = count_parameters(ours)
    assert (trainable, total) == theirs.get_nb_trainable_parameters()
    assert trainable == sum(R * (m.base.in_features + m.base.out_features) for m in wrapped.values())  # r(in+out)
    assert 0 < percent < 100 and math.isclose(percent, 100 * trainable / total)


def test_add_lora_all_linear_skips_the_output_head_and_typos_fail(tiny):
    model = add_lora(copy.deepcopy(tiny), "all-linear", r=2)
    assert not isinstance(model.lm_head, LoRALinear)
    assert sum(isinstance(m, LoRALinear) for m in model.modules()) == 7 * tiny.config.num_hidden_layers
    with pytest.raises(ValueError, match="match no"):  # a second call must not wrap the wrapped layers again
        add_lora(model, "all-linear", r=2)
    with pytest.raises(ValueError, match="q_proj"):
        add_lora(copy.deepcopy(tiny), ["q_prj"])


def test_count_parameters_counts_tied_weights_once(tiny):
    trainable, total, percent = count_parameters(tiny)
    assert total == sum(p.numel() for p in set(tiny.parameters()))
    assert tiny.lm_head.weight is tiny.model.embed_tokens.weight  # tiny ties them
    assert trainable == total and percent == 100.0
