"""Tests for labutils.prompts: bundled templates, promptsource files, the sandbox, few-shot prompts."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from labutils.tasks import TASKS as TASK_RECORDS
from labutils.prompts import (
    FALLBACK_CONTEXT,
    as_model_input,
    build_few_shot,
    context_length,
)
from labutils.templates import (
    Template,
    TemplateError,
    format_entities,
    load_promptsource_yaml,
    load_templates,
    target_text,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURES = Path(__file__).parent / "fixtures" / "prompts"
TASKS = ("summarization", "sentiment", "ner", "qa")
# The fields each task's prompt must show the model (the input, never the answer).
INPUTS = {"summarization": ("dialogue",), "sentiment": ("text",), "ner": ("text",), "qa": ("context", "question")}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class WordTokenizer:
    """A stand-in tokenizer: one token per whitespace-separated word, no chat template."""

    model_max_length = int(1e30)  # what transformers reports when it does not know
    chat_template = None

    def __call__(self, text, add_special_tokens=True):
        return {"input_ids": list(range(len(text.split())))}


@pytest.fixture(scope="module")
def tokenizer():
    """The real SmolLM2 tokenizer (with its chat template), when the default model is cached."""
    from labutils.default_model import cache_is_valid, default_model_dir
    from labutils.models import load_tokenizer

    if not cache_is_valid(default_model_dir()):
        pytest.skip("the default model is not cached; run `labutils fetch-model` once")
    return load_tokenizer()


def sentiment_pool(n: int = 20) -> list[dict]:
    words = ["lovely", "awful", "superb", "dreadful", "charming", "tedious"]
    return [
        {"id": f"train-{i}", "text": f"Review number {i}: a {words[i % len(words)]} day out.",
         "label": "positive" if i % 2 == 0 else "negative"}
        for i in range(n)
    ]


QUERY = {"id": "test-1", "text": "The soup was cold and the waiter rude.", "label": "negative"}


# ---------------------------------------------------------------------------------------
# The bundled templates
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("task", TASKS)
def test_bundled_templates_are_complete(task):
    templates = load_templates(task)
    assert len(templates) >= 6
    assert list(templates)[0] == TASK_RECORDS[task].default_template, "the first template must be the default"
    assert len({t.id for t in templates.values()}) == len(templates), "template ids must be unique"
    for name, template in templates.items():
        assert template.name == name and template.task == task
        assert {"original_task", "choices_in_prompt", "metrics"} <= set(template.metadata), name
        assert template.metadata["metrics"], name
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", template.id)


def test_bundled_templates_vary_instruction_position():
    """FLAN-style variety: some templates put the instruction first, some after the input."""
    row = {"id": "1", "text": "INPUT_TEXT", "label": "positive"}
    prompts = [t.render(row)[0] for t in load_templates("sentiment").values()]
    assert any(p.startswith("INPUT_TEXT") for p in prompts)
    assert any(not p.startswith("INPUT_TEXT") for p in prompts)
    assert any("OPTIONS:\n- positive\n- negative" in p for p in prompts)


def bundled_files():
    return [(task, split) for task in TASKS for split in ("train", "validation", "test")]


@pytest.mark.parametrize("task,split", bundled_files())
def test_every_template_renders_every_bundled_row(task, split):
    path = DATA / task / f"{split}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path.relative_to(ROOT)} is not generated yet")
    rows = read_jsonl(path)
    assert rows, f"{path} is empty"
    for template in load_templates(task).values():
        for row in rows:
            prompt, target = template.render(row)
            assert prompt and target, (template.name, row["id"])
            for name in INPUTS[task]:
                assert row[name].strip() in prompt, (template.name, row["id"], name)
            if task == "sentiment":  # the target is an answer choice standing for the label
                assert template.choice_to_label(target) == row["label"], (template.name, row["id"])
            else:
                assert target == target_text(task, row), (template.name, row["id"])


def test_format_entities_and_target_text():
    entities = [{"type": "PER", "text": "Ada Lovelace"}, {"type": "LOC", "text": "London"}]
    assert format_entities(entities) == "PER: Ada Lovelace; LOC: London"
    assert format_entities([]) == "none"
    ner_row = {"id": "n", "text": "Ada Lovelace lived in London.", "entities": entities}
    assert target_text("ner", ner_row) == "PER: Ada Lovelace; LOC: London"
    assert load_templates("ner")[TASK_RECORDS["ner"].default_template].render(ner_row)[1] == "PER: Ada Lovelace; LOC: London"
    assert target_text("sentiment", QUERY) == "negative"
    with pytest.raises(ValueError, match="entities\\[0\\]"):
        format_entities([{"type": "PER"}])
    with pytest.raises(ValueError, match="no field 'answer'"):
        target_text("qa", {"id": "q", "context": "c", "question": "q?"})


def test_choice_to_label_maps_other_answer_words_back():
    templates = load_templates("sentiment")
    assert templates["good_or_bad"].choice_to_label(" Bad!") == "negative"
    assert templates["thumbs_up_or_down"].choice_to_label("Thumbs up, definitely.") == "positive"
    assert templates["did_they_like_it"].choice_to_label("no") == "negative"
    assert templates["classify_sentiment"].choice_to_label("Positive.\nBecause...") == "positive"
    assert templates["good_or_bad"].choice_to_label("it is hard to say") is None


# ---------------------------------------------------------------------------------------
# Errors and the sandbox
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}"])
def test_sandbox_refuses_python_internals(payload):
    template = Template("sneaky", "sentiment", f"{payload} ||| {{{{ label }}}}")
    with pytest.raises(TemplateError, match="'sneaky' is unsafe"):
        template.render(QUERY)


def test_template_without_separator_names_file_and_template():
    with pytest.raises(TemplateError, match="template 'plain'.*no '\\|\\|\\|'"):
        Template("plain", "sentiment", "{{ text }} Sentiment: {{ label }}")
    path = FIXTURES / "missing_separator.yaml"
    with pytest.raises(TemplateError) as caught:
        load_promptsource_yaml(path)
    assert str(path) in str(caught.value) and "'no_separator'" in str(caught.value)


def test_unknown_field_names_template_field_and_row():
    template = Template("review_first", "sentiment", "{{ review }}\nSentiment: ||| {{ label }}")
    with pytest.raises(TemplateError) as caught:
        template.render(QUERY)
    message = str(caught.value)
    assert "'review_first'" in message and "'review'" in message and "'test-1'" in message


def test_a_field_containing_the_marker_is_reported():
    template = load_templates("sentiment")["short"]
    with pytest.raises(TemplateError, match=r"row 'test-1'.*contain '\|\|\|'"):
        template.render({**QUERY, "text": "A ||| B"})


def test_templates_survive_pickling():
    """datasets.map pickles the functions it runs, templates included."""
    template = load_templates("sentiment")["options_suffix"]
    copy = pickle.loads(pickle.dumps(template))
    assert copy == template and copy.render(QUERY) == template.render(QUERY)


def test_invalid_jinja_is_caught_at_load_time():
    with pytest.raises(TemplateError, match="template 'unclosed'.*invalid Jinja.*line 1"):
        Template("unclosed", "sentiment", "{{ text ||| {{ label }}")


def test_yaml_python_tags_are_refused():
    with pytest.raises(TemplateError, match="python_tag.yaml line 4: unsupported YAML tag"):
        load_promptsource_yaml(FIXTURES / "python_tag.yaml")


# ---------------------------------------------------------------------------------------
# promptsource files
# ---------------------------------------------------------------------------------------


def test_loads_a_promptsource_file_as_it_is():
    templates = load_promptsource_yaml(FIXTURES / "promptsource_reviews.yaml")
    assert list(templates) == ["reviewer_opinion", "good_or_bad_if_labelled", "generate_title", "choices_from_the_row"]
    opinion = templates["reviewer_opinion"]
    assert opinion.task == "sentiment"  # inferred from the fields {{text}} and {{label}}
    assert opinion.answer_choices == ["negative", "positive"]
    assert opinion.id == "0b3c2a7e-5d41-4f3e-9a51-7c0f6f1e2d10"
    assert opinion.metadata == {"choices_in_prompt": False, "languages": ["en"],
                                "metrics": ["Accuracy"], "original_task": True}
    # promptsource datasets use integer labels (0 = negative, 1 = positive) and extra fields
    row = {"id": "r1", "text": "Works great.", "label": 1, "title": "Great"}
    assert opinion.render(row) == ("Works great. Did the reviewer find this product good or bad?", "positive")
    assert templates["good_or_bad_if_labelled"].render(row) == (
        "Review: Works great.\nIs this review good or bad?", "good")
    assert templates["good_or_bad_if_labelled"].choice_to_label("Bad") == "negative"
    assert templates["generate_title"].render(row)[1] == "Great"
    # answer choices may themselves be Jinja over the row
    row["options"] = ["dull", "fun"]
    assert templates["choices_from_the_row"].render(row) == (
        "Works great.\nWhich word fits this review best: dull, fun?", "fun")


def test_bundled_files_use_the_promptsource_layout():
    """Our own files load with the same function (and would load in promptsource's tooling)."""
    path = Path(__import__("labutils").__file__).parent / "templates" / "qa.yaml"
    text = path.read_text()
    assert text.count("!Template\n") == len(load_templates("qa")) and "!TemplateMetadata" in text
    assert list(load_promptsource_yaml(path)) == list(load_templates("qa"))  # task inferred: qa
    assert load_promptsource_yaml(path)["short"].task == "qa"


# ---------------------------------------------------------------------------------------
# Few-shot prompts
# ---------------------------------------------------------------------------------------


def test_few_shot_is_seeded_and_deterministic():
    pool = sentiment_pool()
    first = build_few_shot("sentiment", QUERY, k=3, pool=pool, seed=0)
    again = build_few_shot("sentiment", QUERY, k=3, pool=pool, seed=0)
    other = build_few_shot("sentiment", QUERY, k=3, pool=pool, seed=1)
    assert first.text == again.text and first.shot_ids == again.shot_ids
    assert first.shot_ids != other.shot_ids
    assert first.shots_used == 3 and first.shots_dropped == 0
    # shots first, the query last, ending on the open question
    assert first.text.endswith(load_templates("sentiment")["classify_sentiment"].render(QUERY)[0])
    assert first.target == "negative"


def test_few_shot_never_shows_the_scored_row():
    pool = sentiment_pool(6)
    pool.append(dict(QUERY))  # the query itself, by id
    pool.append({**QUERY, "id": "copy-under-another-id"})  # the same input under another id
    shot = build_few_shot("sentiment", QUERY, k=len(pool), pool=pool, template="short")
    assert QUERY["id"] not in shot.shot_ids and "copy-under-another-id" not in shot.shot_ids
    assert shot.text.count(QUERY["text"]) == 1
    assert shot.shots_used == 6 and shot.shots_dropped == 2
    assert "only 6 usable" in shot.note


def test_few_shot_uses_the_separator():
    shot = build_few_shot("sentiment", QUERY, k=4, pool=sentiment_pool(), separator="\n###\n")
    assert shot.text.count("\n###\n") == 4
    assert len(shot.text.split("\n###\n")) == shot.shots_used + 1


def test_few_shot_drops_furthest_shots_first_under_a_word_budget():
    """The budget logic with a stand-in tokenizer that counts words (always runs)."""
    pool, words = sentiment_pool(), WordTokenizer()
    full = build_few_shot("sentiment", QUERY, k=5, pool=pool, tokenizer=words, template="short")
    assert full.shots_dropped == 0 and full.max_tokens == FALLBACK_CONTEXT - TASK_RECORDS["sentiment"].max_new_tokens - 64
    budget = full.n_tokens - 1  # one word too many: exactly one shot must go
    cut = build_few_shot("sentiment", QUERY, k=5, pool=pool, tokenizer=words, template="short", max_tokens=budget)
    assert (cut.shots_used, cut.shots_dropped) == (4, 1)
    assert cut.shot_ids == full.shot_ids[1:], "the shot furthest from the query goes first"
    assert cut.n_tokens <= budget and "Dropped 1 shot" in cut.note


def test_few_shot_budget_with_the_real_tokenizer(tokenizer):
    def count(text):
        return len(tokenizer(text, add_special_tokens=False)["input_ids"])

    pool, separator = sentiment_pool(), "\n###\n"
    full = build_few_shot("sentiment", QUERY, k=8, pool=pool, tokenizer=tokenizer, separator=separator)
    assert full.shots_dropped == 0 and full.max_tokens == context_length(tokenizer) - TASK_RECORDS["sentiment"].max_new_tokens - 64
    assert full.n_tokens == count(full.text)
    budget = full.n_tokens // 2
    small = build_few_shot("sentiment", QUERY, k=8, pool=pool, tokenizer=tokenizer, separator=separator,
                           max_tokens=budget)
    assert 0 < small.shots_used < 8 and small.shots_used + small.shots_dropped == 8
    assert small.n_tokens == count(small.text) <= budget
    assert small.shot_ids == full.shot_ids[small.shots_dropped:]
    assert f"Dropped {small.shots_dropped} shot" in small.note
    # as many shots as fit: one more (the next furthest) would overflow the budget
    pieces = full.text.split(separator)
    assert count(separator.join(pieces[-(small.shots_used + 2):])) > budget
    # a budget smaller than the query keeps the query whole and says so
    tiny = build_few_shot("sentiment", QUERY, k=8, pool=pool, tokenizer=tokenizer, max_tokens=5)
    assert tiny.shots_used == 0 and tiny.text.endswith("Sentiment:") and "longer than the budget" in tiny.note


def test_context_length_treats_absurd_values_as_unknown(tokenizer):
    assert context_length(WordTokenizer()) == FALLBACK_CONTEXT
    assert context_length(tokenizer) == 8192  # SmolLM2's window


def test_max_tokens_needs_a_tokenizer():
    with pytest.raises(ValueError, match="needs a tokenizer"):
        build_few_shot("sentiment", QUERY, k=1, pool=sentiment_pool(), max_tokens=100)


def test_few_shot_default_pool_is_the_train_split():
    test_file = DATA / "sentiment" / "test.jsonl"
    if not (test_file.is_file() and (DATA / "sentiment" / "train.jsonl").is_file()):
        pytest.skip("bundled sentiment data not generated yet")
    row = read_jsonl(test_file)[0]
    shot = build_few_shot("sentiment", row, k=3)
    train_ids = {r["id"] for r in read_jsonl(DATA / "sentiment" / "train.jsonl")}
    assert shot.shots_used == 3 and set(shot.shot_ids) <= train_ids


# ---------------------------------------------------------------------------------------
# Model input: chat template or plain text
# ---------------------------------------------------------------------------------------


def test_plain_text_for_models_without_a_chat_template():
    assert as_model_input(WordTokenizer(), "Say hi.") == "Say hi."
    assert as_model_input(None, "Say hi.", system="Be brief.") == "Be brief.\n\nSay hi."


def test_chat_template_for_chat_models(tokenizer):
    text = as_model_input(tokenizer, "Say hi.")
    assert "<|im_start|>user\nSay hi.<|im_end|>" in text
    assert text.endswith("<|im_start|>assistant\n")  # the generation prompt is open
    assert "<|im_start|>system\nBe brief.<|im_end|>" in as_model_input(tokenizer, "Say hi.", system="Be brief.")


def test_few_shot_as_chat_turns(tokenizer):
    shot = build_few_shot("sentiment", QUERY, k=2, pool=sentiment_pool(), template="short")
    packed = as_model_input(tokenizer, shot)
    turns = as_model_input(tokenizer, shot, chat_turns=True)
    assert packed.count("<|im_start|>assistant") == 1  # all shots inside one user turn
    assert turns.count("<|im_start|>assistant") == 3  # two answered shots + the open turn
    assert f"<|im_start|>user\n{QUERY['text']}\nSentiment:<|im_end|>" in turns
