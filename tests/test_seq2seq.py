"""Encoder-decoder (FLAN-T5's architecture) training in the one loop, on the random ``tiny-t5``.

``tiny-t5`` is a 2+2-layer T5 built from a config with the default model's tokenizer (offline,
like ``tiny``); its examples here are synthetic copy tasks so that each run takes seconds.
"""

from __future__ import annotations

import random

import pytest
import torch

import labutils.train as T
from labutils.cli import main as labutils_main
from labutils.config import TrainConfig
from labutils.evaluate import generate
from labutils.loss import CompletionLoss, count_loss_tokens
from labutils.models import is_seq2seq, load_model
from labutils.report import training_runs
from labutils.rundir import read_history
from labutils.runs import load_run
from labutils.tokenization import IGNORE_INDEX, build_sft_dataset, collate, count_real_tokens, tokenize_example


@pytest.fixture(scope="module")
def tiny_t5():
    return load_model("tiny-t5", device="cpu")


def copy_examples(n: int, start_id: int, *, seed: int) -> list[dict]:
    """Encoder input: random tokens; decoder labels: its first few tokens then EOS (a copy task)."""
    rng = random.Random(seed)
    examples = []
    for _ in range(n):
        prompt = [rng.randrange(100, 400) for _ in range(rng.randint(4, 20))]
        labels = prompt[:rng.randint(1, 5)] + [2]
        examples.append({"input_ids": prompt, "labels": labels, "decoder_input_ids": [start_id] + labels[:-1]})
    return examples


def config_for(tmp_path, **changes) -> TrainConfig:
    values = dict(model="tiny-t5", tasks=["sentiment"], batch_size=4, lr=3e-3, max_steps=8, warmup_steps=1,
                  eval_limit=8, save_every=0, progress=False, precision="fp32", output_dir=str(tmp_path), name="t5")
    return TrainConfig.from_dict({**values, **changes})


def train_t5(config, model_and_tokenizer, **kwargs):
    model, tokenizer = model_and_tokenizer
    fresh = load_model("tiny-t5", device="cpu")[0] if model is None else model
    start = fresh.config.decoder_start_token_id
    return T.train(config, model=fresh, tokenizer=tokenizer, train_examples=copy_examples(48, start, seed=1),
                   val_examples=copy_examples(8, start, seed=2), **kwargs)


# ---- tokenization and batches ---------------------------------------------------------------


def test_tiny_t5_is_an_encoder_decoder_without_chat_template(tiny_t5):
    model, tokenizer = tiny_t5
    assert is_seq2seq(model) and tokenizer.chat_template is None
    assert model.config.decoder_start_token_id == model.config.pad_token_id == tokenizer.pad_token_id


def test_prompt_is_the_encoder_input_and_the_completion_the_labels(tiny_t5):
    _, tokenizer = tiny_t5
    out = tokenize_example(tokenizer, "Is this review positive? Great film!", "positive", decoder_start_token_id=2)
    prompt_ids = tokenizer("Is this review positive? Great film!")["input_ids"]
    target_ids = tokenizer("positive", add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
    assert out["input_ids"] == prompt_ids  # no masking needed: the prompt never reaches the decoder
    assert out["labels"] == target_ids and IGNORE_INDEX not in out["labels"]
    assert out["decoder_input_ids"] == [2] + target_ids[:-1]  # labels shifted right behind the start token


def test_a_long_prompt_loses_its_middle_and_each_side_fits(tiny_t5):
    _, tokenizer = tiny_t5
    prompt = "Summarize: " + "word " * 300 + "Summary:"
    out = tokenize_example(tokenizer, prompt, "short", max_length=32, decoder_start_token_id=2)
    assert len(out["input_ids"]) == 32 and out["truncated"]
    assert tokenizer.decode(out["input_ids"]).startswith("Summarize") and tokenizer.decode(out["input_ids"]).endswith("Summary:")


def test_build_sft_dataset_for_seq2seq_uses_plain_prompts(tiny_t5):
    _, tokenizer = tiny_t5
    dataset, report = build_sft_dataset("sentiment", "train", tokenizer, limit=4, max_length=128, decoder_start_token_id=2)
    assert set(dataset.column_names) >= {"input_ids", "labels", "decoder_input_ids"}
    assert not report["chat"]
    assert all(IGNORE_INDEX not in labels for labels in dataset["labels"])


def test_collate_pads_both_sides_separately_and_matches_hf_loss(tiny_t5):
    model, _ = tiny_t5
    examples = copy_examples(5, model.config.decoder_start_token_id, seed=7)
    batch = collate(examples, pad_id=model.config.pad_token_id)
    assert batch["input_ids"].shape[1] == max(len(e["input_ids"]) for e in examples)
    assert batch["labels"].shape == batch["decoder_input_ids"].shape
    assert batch["labels"].shape[1] == max(len(e["labels"]) for e in examples)
    assert count_loss_tokens(batch) == sum(len(e["labels"]) for e in examples)
    assert count_real_tokens(batch) == sum(len(e["input_ids"]) + len(e["labels"]) for e in examples)
    hf_loss = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"]).loss
    ours = CompletionLoss(model)(**batch) / count_loss_tokens(batch)
    assert abs(ours.item() - hf_loss.item()) < 1e-5


# ---- training --------------------------------------------------------------------------------


def test_training_lowers_the_loss_and_the_run_folder_loads_and_evaluates(tmp_path, tiny_t5, capsys):
    result = train_t5(config_for(tmp_path, eval_every=4), (None, tiny_t5[1]))
    losses = [r["loss"] for r in result.history if r["kind"] == "train"]
    vals = [r["val_loss"] for r in result.history if r["kind"] == "val"]
    assert losses[-1] < losses[0] and vals[-1] < vals[0]
    assert all(r["tokens_per_s"] > 0 for r in result.history if r["kind"] == "train")
    # the run folder: the model, the registry and the report treat it like a causal run
    model, tokenizer = load_model(str(result.run_dir), device="cpu")
    assert is_seq2seq(model) and tokenizer.chat_template is None
    assert [r["loss"] for r in read_history(result.run_dir) if r["kind"] == "train"] == losses
    assert load_run(result.run_dir).metrics["steps"] == 8
    assert training_runs({"run_dir": str(result.run_dir)})
    assert len(generate(model, tokenizer, ["a b c", "d"], max_new_tokens=3, progress=False)) == 2
    capsys.readouterr()
    assert labutils_main(["eval", "--model", str(result.run_dir), "--task", "sentiment", "--limit", "2",
                          "--max-new-tokens", "3", "--json"]) == 0
    assert '"accuracy"' in capsys.readouterr().out


def test_resume_is_bitwise_identical(tmp_path, tiny_t5):
    class StopAt:
        def on_log(self, record):
            if record["step"] == 4:
                raise KeyboardInterrupt

    reference = train_t5(config_for(tmp_path / "a", max_steps=6, save_every=3), (None, tiny_t5[1]))
    config = config_for(tmp_path / "b", max_steps=6, save_every=3)
    with pytest.raises(KeyboardInterrupt):
        train_t5(config, (None, tiny_t5[1]), callbacks=[StopAt()])  # checkpoint at 3, stopped at 4
    resumed = train_t5(config.replace(resume=True), (None, tiny_t5[1]))
    for (name, p), q in zip(reference.model.named_parameters(), resumed.model.parameters()):
        assert torch.equal(p, q), name
    assert [r.get("loss") for r in resumed.history] == [r.get("loss") for r in reference.history]


def test_lora_targets_q_and_v_and_trains_only_the_adapters(tmp_path, tiny_t5):
    model = load_model("tiny-t5", device="cpu")[0]
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    result = train_t5(config_for(tmp_path, peft="lora", r=4, lr=1e-2), (model, tiny_t5[1]))
    wrapped = {n.rsplit(".", 1)[-1] for n, m in result.model.named_modules() if hasattr(m, "lora_A") and hasattr(m, "base_layer")}
    assert wrapped == {"q", "v"}  # peft's T5 targets, not the config's Llama names
    for name, p in result.model.named_parameters():
        assert p.requires_grad == ("lora_" in name), name
        if "lora_" not in name:  # the frozen base: bit for bit what it was
            assert torch.equal(p, before[name.replace("base_model.model.", "").replace(".base_layer", "")]), name
    assert any(p.abs().sum() > 0 for n, p in result.model.named_parameters() if "lora_B" in n)  # B starts at 0
    reloaded, _ = load_model(str(result.run_dir), device="cpu")  # the adapter on a rebuilt tiny-t5
    assert is_seq2seq(reloaded)


def test_packing_is_refused_for_seq2seq(tmp_path, tiny_t5):
    with pytest.raises(Exception, match="packing"):
        train_t5(config_for(tmp_path, packing=True), (None, tiny_t5[1]))
