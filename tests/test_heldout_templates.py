"""Held-out instruction wordings: two templates per task that training never uses (FLAN's lesson)."""

from __future__ import annotations

import pytest

from labutils.models import load_tokenizer
from labutils.tasks import TASK_NAMES, check_task
from labutils.templates import heldout_templates, load_templates, training_templates
from labutils.tokenization import build_sft_dataset


@pytest.mark.parametrize("task", TASK_NAMES)
def test_two_wordings_per_task_are_held_out(task):
    heldout, training = heldout_templates(task), training_templates(task)
    assert len(heldout) == 2 and len(training) == len(load_templates(task)) - 2
    assert not set(heldout) & set(training)
    assert training[0] == check_task(task).default_template  # the default wording is always a training one
    styles = {load_templates(task)[name].reference for name in heldout}
    assert len(styles) == 2  # two different kinds of phrasing


def test_all_never_trains_on_a_heldout_wording():
    tokenizer = load_tokenizer()
    _, report = build_sft_dataset(list(TASK_NAMES), "train", tokenizer, limit=60, max_length=256)
    for task in TASK_NAMES:
        used = set(report["templates"][task])
        assert not used & set(heldout_templates(task)), task
        assert used <= set(training_templates(task))
        assert len(used) >= 4  # the draw still spreads over the training wordings


def test_a_heldout_wording_can_still_be_chosen_by_name():
    tokenizer = load_tokenizer()
    name = heldout_templates("sentiment")[0]
    _, report = build_sft_dataset("sentiment", "train", tokenizer, template=name, limit=4)
    assert report["templates"]["sentiment"] == {name: 4}
