"""The task records: one home per fact, and answer budgets that fit the bundled answers."""

from __future__ import annotations

import pytest

from labutils.tasks import ENTITY_TYPES, SENTIMENT_LABELS, SPLITS, TASK_NAMES, TaskError, check_task, stop_strings


def test_records_are_complete_and_consistent():
    assert TASK_NAMES == ("summarization", "sentiment", "ner", "qa")
    for name in TASK_NAMES:
        task = check_task(name)
        assert task.target_field in task.required and set(task.input_fields) <= set(task.required)
        assert task.fields[0] == "id" and task.main_input == task.input_fields[0]
        assert task.max_new_tokens > 0
    assert check_task("sentiment").labels == SENTIMENT_LABELS and check_task("ner").entity_types == ENTITY_TYPES
    assert check_task("summarization").optional == ("topic",)
    assert "test_heldout" in SPLITS


def test_unknown_task_names_the_known_ones_and_the_closest():
    with pytest.raises(TaskError, match=r"unknown task 'summarisation'; valid tasks: summarization, .*Did you mean 'summarization'"):
        check_task("summarisation")
    with pytest.raises(KeyError):
        check_task("nope", KeyError)


def test_stop_strings_add_a_blank_line_with_shots():
    assert stop_strings("sentiment") == ["\n"]
    assert stop_strings("summarization", shots=2) == ["\n\n"]


@pytest.mark.parametrize("name", TASK_NAMES)
def test_answer_budget_covers_every_bundled_test_answer(name):
    """max_new_tokens is above the longest canonical target of the test splits, in the default tokenizer."""
    from labutils.data import load_task
    from labutils.default_model import cache_is_valid, default_model_dir
    from labutils.models import load_tokenizer
    from labutils.templates import target_text

    if not cache_is_valid(default_model_dir()):
        pytest.skip("the default model's tokenizer is not cached")
    tokenizer = load_tokenizer()
    longest = max(len(tokenizer(target_text(name, row), add_special_tokens=False)["input_ids"])
                  for split in ("test", "test_heldout") for row in load_task(name, split))
    assert longest < check_task(name).max_new_tokens, (name, longest)
