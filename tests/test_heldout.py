"""Held-out splits and held-out wordings are scored on the same rows, and tables name what is unseen."""

from __future__ import annotations

import pytest

from labutils.evaluate import compare_splits, evaluate_task
from labutils.heldout import score_wordings, wording_table, wordings
from labutils.models import load_model
from labutils.tasks import check_task
from labutils.templates import heldout_templates


@pytest.fixture(scope="module")
def tiny():
    return load_model("tiny", device="cpu")


def test_wordings_are_the_default_then_the_held_out_templates():
    for task in ("summarization", "sentiment", "ner", "qa"):
        kinds = wordings(task)
        assert list(kinds)[0] == check_task(task).default_template and kinds[check_task(task).default_template] == "seen"
        assert [name for name, kind in kinds.items() if kind == "unseen"] == heldout_templates(task)
        assert len(heldout_templates(task)) == 2


def test_score_wordings_uses_every_wording_on_the_same_rows(tiny):
    scored = score_wordings({"tiny": tiny}, "sentiment", limit=3, max_new_tokens=2)
    results = scored["tiny"]
    assert list(results) == list(wordings("sentiment"))
    ids = [[p["id"] for p in result["predictions"]] for result in results.values()]
    assert all(row == ids[0] for row in ids) and len(ids[0]) == 3  # paired: the same test rows
    assert {result["template"] for result in results.values()} == set(wordings("sentiment"))
    table = wording_table(scored, "sentiment")
    unseen = [column for column in table.columns if column.startswith("unseen:")]
    assert len(unseen) == 2 and table.columns[0] == f"seen: {check_task('sentiment').default_template}"
    expected = 100 * (table.loc["tiny", unseen].mean() - table.loc["tiny", table.columns[0]])
    assert table.loc["tiny", "unseen - seen (points)"] == pytest.approx(expected)


def test_held_out_rows_are_new_and_compare_splits_sets_them_side_by_side(tiny):
    model, tokenizer = tiny
    scored = {split: {name: {"ner": evaluate_task(model, tokenizer, "ner", split=split, limit=2, max_new_tokens=4,
                                                  progress=False)} for name in ("base", "same")}
              for split in ("test", "test_heldout")}
    table = compare_splits(scored, base="base")
    assert list(table.columns) == [("ner", "in-distribution"), ("ner", "held-out")]
    held = scored["test_heldout"]["base"]["ner"]["predictions"]
    seen = scored["test"]["base"]["ner"]["predictions"]
    assert {p["id"] for p in held}.isdisjoint({p["id"] for p in seen})


def test_score_heldout_scores_trained_tasks_and_reports_both_splits(monkeypatch, tmp_path):
    from labutils.heldout import changes_for_results, heldout_sentences, score_heldout, trained_task_changes
    from labutils.runs import evaluate_cached

    monkeypatch.setenv("LABUTILS_RUNS", str(tmp_path))
    options = {"limit": 2, "max_new_tokens": 3}
    heldout = score_heldout("tiny", {"tuned": ("tiny", ["sentiment"])}, **options)
    assert list(heldout) == ["base", "tuned"]
    assert list(heldout["tuned"].attrs["results"]) == ["sentiment"]  # only what the run trained on
    test = {name: evaluate_cached("tiny", ["sentiment"], model_name=name, progress=False, **options)
            for name in ("base", "tuned")}
    ids = {split: {p["id"] for p in suites["base"].attrs["results"]["sentiment"]["predictions"]}
           for split, suites in (("test", test), ("test_heldout", heldout))}
    assert ids["test"].isdisjoint(ids["test_heldout"])  # the held-out split's rows, not the test split's
    changes = trained_task_changes({"test": test, "test_heldout": heldout}, {"tuned": ["sentiment"]})
    assert list(changes.index) == [("tuned", "sentiment")] and list(changes.columns) == ["in-distribution", "held-out"]
    assert changes.loc[("tuned", "sentiment"), "held-out"].value == 0  # the same model: no change
    [sentence] = heldout_sentences(changes)
    assert "held-out product domains" in sentence and "in-distribution" in sentence
    saved = changes_for_results(changes)  # what the notebooks write to their results files
    assert list(saved) == ["tuned / sentiment"] and set(saved["tuned / sentiment"]) == {"in-distribution", "held-out"}
    assert saved["tuned / sentiment"]["held-out"] == changes.loc[("tuned", "sentiment"), "held-out"].as_dict()
    again = score_heldout("tiny", {"tuned": ("tiny", ["sentiment"])}, **options)
    assert again["base"].attrs["from_cache"] == ["sentiment"]  # cached like every other score


def test_heldout_options_drop_a_data_source():
    """Held-out splits exist in the bundled data only: a notebook's data_source never reaches them."""
    from labutils.heldout import bundled_options

    options = {"max_new_tokens": 12, "data": {"summarization": "hub:dialogsum"}}
    assert bundled_options(options) == {"max_new_tokens": 12} and "data" in options
