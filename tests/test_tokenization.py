"""Tests for labutils.tokenization: the label mask, EOS, truncation and the SFT dataset builder."""

from pathlib import Path

import pytest

from labutils.tokenization import (
    IGNORE_INDEX,
    TargetTooLongError,
    build_sft_dataset,
    special_prefix,
    tokenize_example,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def tokenizer():
    """SmolLM2's tokenizer, the one the default and the `tiny` model share."""
    from labutils.models import load_tokenizer

    return load_tokenizer("tiny")


def ids(tokenizer, text):
    return tokenizer(text, add_special_tokens=False)["input_ids"]


@pytest.fixture(scope="module")
def bos_tokenizer():
    """A small word-level tokenizer that, like Llama's, puts <s> before every text by itself."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    words = ["<unk>", "<s>", "</s>"] + "review great film sentiment is positive negative : .".split()
    backend = Tokenizer(models.WordLevel({word: i for i, word in enumerate(words)}, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 1), ("</s>", 2)]
    )
    return PreTrainedTokenizerFast(tokenizer_object=backend, bos_token="<s>", eos_token="</s>", unk_token="<unk>")


# --------------------------------------------------------------------------------------
# tokenize_example
# --------------------------------------------------------------------------------------

PROMPT = "Review: A warm, funny film.\nIs the sentiment positive or negative?\nAnswer:"
COMPLETION = " positive"


def test_smollm2_eos_is_the_end_of_turn_token(tokenizer):
    assert tokenizer.eos_token == "<|im_end|>"
    assert special_prefix(tokenizer) == []  # SmolLM2 adds no BOS by itself


def test_labels_mask_exactly_the_prompt(tokenizer):
    out = tokenize_example(tokenizer, PROMPT, COMPLETION)
    prompt_ids, completion_ids = ids(tokenizer, PROMPT), ids(tokenizer, COMPLETION)
    n = len(prompt_ids)

    assert out["input_ids"] == prompt_ids + completion_ids + [tokenizer.eos_token_id]
    assert out["labels"][:n] == [IGNORE_INDEX] * n
    assert out["labels"][n:] == completion_ids + [tokenizer.eos_token_id]  # completion and EOS learnt
    assert out["attention_mask"] == [1] * len(out["input_ids"])
    assert out["truncated"] is False
    assert out["prompt_length"] == n


def test_train_on_prompt_labels_every_token(tokenizer):
    out = tokenize_example(tokenizer, PROMPT, COMPLETION, train_on_prompt=True)
    assert out["labels"] == out["input_ids"]
    assert IGNORE_INDEX not in out["labels"]


def test_eos_is_not_doubled(tokenizer):
    out = tokenize_example(tokenizer, PROMPT, COMPLETION + tokenizer.eos_token)
    assert out["input_ids"].count(tokenizer.eos_token_id) == 1
    assert out["input_ids"][-1] == tokenizer.eos_token_id


def test_truncation_cuts_the_middle_of_the_prompt_never_the_target(tokenizer):
    head = "Summarize the dialogue below.\n"
    body = "".join(f"#Person{1 + i % 2}#: This is turn number {i} of a long talk.\n" for i in range(60))
    tail = "Summary:"
    target = " They talk for a long time."
    max_length = 64

    out = tokenize_example(tokenizer, head + body + tail, target, max_length=max_length)
    completion = ids(tokenizer, target) + [tokenizer.eos_token_id]

    assert out["truncated"] is True
    assert len(out["input_ids"]) == max_length
    assert out["input_ids"][-len(completion):] == completion
    assert out["labels"][-len(completion):] == completion
    assert out["labels"].count(IGNORE_INDEX) == max_length - len(completion)
    # Both ends of the prompt survive: the instruction and the cue for the answer.
    kept = tokenizer.decode(out["input_ids"][: out["prompt_length"]])
    assert kept.startswith(head) and kept.endswith(tail)
    assert "turn number 0 " in kept and "turn number 59 " in kept
    assert "turn number 30 " not in kept


def test_target_that_cannot_fit_is_a_clear_error(tokenizer):
    long_target = " word" * 40
    with pytest.raises(TargetTooLongError, match=r"completion needs 41 tokens .* max_length=32"):
        tokenize_example(tokenizer, PROMPT, long_target, max_length=32)
    assert issubclass(TargetTooLongError, ValueError)


def test_bos_is_added_once_for_tokenizers_that_add_one(bos_tokenizer):
    bos, eos = bos_tokenizer.bos_token_id, bos_tokenizer.eos_token_id
    assert special_prefix(bos_tokenizer) == [bos]

    out = tokenize_example(bos_tokenizer, "review great film sentiment :", "positive")
    assert out["input_ids"][0] == bos and out["input_ids"].count(bos) == 1
    # The tokenizer's own trailing </s> after the prompt is not kept; ours ends the completion.
    assert out["input_ids"].count(eos) == 1 and out["input_ids"][-1] == eos
    assert out["labels"] == [IGNORE_INDEX] * 6 + ids(bos_tokenizer, "positive") + [eos]

    # A prompt that already starts with <s> (as some chat templates write it) gets no second one.
    again = tokenize_example(bos_tokenizer, "<s> review great film sentiment :", "positive")
    assert again["input_ids"] == out["input_ids"]


# --------------------------------------------------------------------------------------
# build_sft_dataset, with a small stand-in for labutils.prompts
# --------------------------------------------------------------------------------------

TARGET_FIELD = {"summarization": "summary", "sentiment": "label", "qa": "answer", "ner": "entities"}


class FakeTemplate:
    def __init__(self, name, task, text):
        self.name, self.task, self.text = name, task, text

    def render(self, row):
        target = row[TARGET_FIELD[self.task]]
        if self.task == "ner":
            target = "; ".join(f"{e['type']}: {e['text']}" for e in target) or "none"
        body = "\n".join(f"{key}: {value}" for key, value in row.items() if key not in ("id", TARGET_FIELD[self.task]))
        return f"{self.text}\n{body}", target


WORDINGS = ["Do the task.", "Please answer.", "Read and respond.", "Task:"]
FAKE_TEMPLATES = {task: {f"t{i}": FakeTemplate(f"t{i}", task, wording) for i, wording in enumerate(WORDINGS)}
                  for task in TARGET_FIELD}


@pytest.fixture
def fake_prompts(monkeypatch):
    """Bundled-data fixtures under tests/fixtures/data and four stand-in templates per task."""
    monkeypatch.setenv("LABUTILS_DATA", str(FIXTURES / "data"))
    return FAKE_TEMPLATES


def test_build_sft_dataset_chat_format_and_masks(tokenizer, fake_prompts):
    dataset, report = build_sft_dataset("sentiment", "train", tokenizer, template="t1", seed=0, templates=fake_prompts)

    assert dataset.column_names == ["input_ids", "attention_mask", "labels"]
    assert report["rows"] == len(dataset) == 4 and report["chat"] is True
    assert report["eos_token"] == "<|im_end|>"
    assert report["templates"] == {"sentiment": {"t1": 4}}

    first = dataset[0]
    n_prompt = first["labels"].count(IGNORE_INDEX)
    prompt_text = tokenizer.decode(first["input_ids"][:n_prompt])
    assert prompt_text.startswith("<|im_start|>system\n")
    assert prompt_text.endswith("<|im_start|>user\nPlease answer.\ntext: A warm, funny film with a great cast.<|im_end|>\n<|im_start|>assistant\n")
    assert tokenizer.decode(first["labels"][n_prompt:]) == "positive<|im_end|>"  # the assistant's turn
    assert report["completion_tokens"] == sum(len(row) - row.count(IGNORE_INDEX) for row in dataset["labels"])
    assert report["tokens"] == report["prompt_tokens"] + report["completion_tokens"] == sum(map(len, dataset["input_ids"]))


def test_build_sft_dataset_without_chat_uses_the_plain_prompt(tokenizer, fake_prompts):
    dataset, report = build_sft_dataset("sentiment", "train", tokenizer, template="default", chat=False, limit=2, templates=fake_prompts)
    assert report["chat"] is False and report["rows"] == 2
    n_prompt = dataset[0]["labels"].count(IGNORE_INDEX)
    assert tokenizer.decode(dataset[0]["input_ids"][:n_prompt]) == "Do the task.\ntext: A warm, funny film with a great cast."


def test_build_sft_dataset_counts_truncated_and_dropped_rows(tokenizer, fake_prompts):
    _, generous = build_sft_dataset("summarization", "train", tokenizer, chat=False, max_length=512, templates=fake_prompts)
    assert generous["truncated"] == 0 and generous["dropped"] == 0

    dataset, report = build_sft_dataset("summarization", "train", tokenizer, chat=False, max_length=24, templates=fake_prompts)
    # Every prompt is cut to fit (row s3's summary alone takes 15 tokens with EOS); no target is.
    assert report["truncated"] == report["rows"] == 3 and report["dropped"] == 0
    assert max(map(len, dataset["input_ids"])) == 24
    summaries = {tokenizer.decode([t for t in labels if t != IGNORE_INDEX]) for labels in dataset["labels"]}
    assert "#Person2# will call a technician about the jammed printer.<|im_end|>" in summaries

    _, tight = build_sft_dataset("summarization", "train", tokenizer, chat=False, max_length=12, templates=fake_prompts)
    assert tight["dropped"] == 2 and tight["rows"] == 1  # two summaries need >= 12 tokens with EOS
    assert tight["per_task"]["summarization"]["dropped"] == 2


def test_template_all_varies_the_wording_and_is_seeded(tokenizer, fake_prompts):
    tasks = ["summarization", "sentiment", "ner", "qa"]
    first, report = build_sft_dataset(tasks, "train", tokenizer, template="all", seed=3, templates=fake_prompts)
    again, _ = build_sft_dataset(tasks, "train", tokenizer, template="all", seed=3, templates=fake_prompts)
    other, _ = build_sft_dataset(tasks, "train", tokenizer, template="all", seed=4, templates=fake_prompts)

    assert first["input_ids"] == again["input_ids"]
    assert first["input_ids"] != other["input_ids"]
    used = set().union(*(uses for uses in report["templates"].values()))
    assert len(used) > 1
    assert {task: stats["rows"] for task, stats in report["per_task"].items()} == {
        "summarization": 3, "sentiment": 4, "ner": 3, "qa": 2,
    }


def test_mix_weights_set_the_proportions(tokenizer, fake_prompts):
    _, report = build_sft_dataset(
        ["sentiment", "qa"], "train", tokenizer, mix_weights={"sentiment": 1, "qa": 2}, seed=0, templates=fake_prompts
    )
    # 6 rows in all (4 + 2), one third sentiment (sampled without replacement) and two
    # thirds qa: its 2 rows each used twice.
    assert report["rows"] == 6
    assert report["per_task"]["sentiment"] == {"rows": 2, "truncated": 0, "dropped": 0, "repeated": 0}
    assert report["per_task"]["qa"] == {"rows": 4, "truncated": 0, "dropped": 0, "repeated": 2}

    with pytest.raises(ValueError, match="one weight per task"):
        build_sft_dataset(["sentiment", "qa"], "train", tokenizer, mix_weights={"sentiment": 1}, templates=fake_prompts)


def test_train_on_prompt_in_the_builder(tokenizer, fake_prompts):
    dataset, _ = build_sft_dataset("qa", "train", tokenizer, train_on_prompt=True, templates=fake_prompts)
    assert dataset["labels"] == dataset["input_ids"]


def test_builder_rejects_unknown_tasks_and_templates(tokenizer, fake_prompts):
    with pytest.raises(ValueError, match="valid tasks"):
        build_sft_dataset("translation", "train", tokenizer, templates=fake_prompts)
    with pytest.raises(ValueError, match="no template 'nope' for task 'qa'; choose 'all', 'default' or one of: t0"):
        build_sft_dataset("qa", "train", tokenizer, template="nope", templates=fake_prompts)


def test_builder_with_the_real_templates(tokenizer, monkeypatch):
    """End to end with labutils.prompts: every labelled span is the task's target plus EOS."""
    prompts = pytest.importorskip("labutils.prompts")
    if not any((Path(prompts.__file__).parent / "templates").glob("*.yaml")):
        pytest.skip("the bundled templates are not written yet")
    monkeypatch.setenv("LABUTILS_DATA", str(FIXTURES / "data"))
    tasks = ["summarization", "sentiment", "ner", "qa"]
    dataset, report = build_sft_dataset(tasks, "train", tokenizer, template="all", seed=0)

    assert report["rows"] == 12 and report["dropped"] == 0 and report["truncated"] == 0
    for labels, input_ids in zip(dataset["labels"], dataset["input_ids"]):
        n_prompt = labels.count(IGNORE_INDEX)
        assert labels[:n_prompt] == [IGNORE_INDEX] * n_prompt  # the mask is one block in front
        assert labels[n_prompt:] == input_ids[n_prompt:]
        assert input_ids[-1] == tokenizer.eos_token_id
        assert tokenizer.decode(input_ids[:n_prompt]).endswith("<|im_start|>assistant\n")
