"""Intervals and sentences computed from results: per-example scores, the paired bootstrap, answer keys."""

import math

import pytest

from labutils import claims
from labutils.metrics import aggregate_example_scores, example_scores, ner_scores, score_task


def _result(task, answers, references, ids=None):
    """An evaluate_task-shaped result (only what claims reads)."""
    ids = ids or list(range(len(answers)))
    return {"task": task, "template": None,
            "predictions": [{"id": i, "prediction": a, "reference": r} for i, a, r in zip(ids, answers, references)]}


def test_per_example_scores_aggregate_to_the_task_score():
    rouge_rows = example_scores("summarization", ["the cat sat", "a dog ran off"], ["the cat sat down", "the dog ran"])
    assert aggregate_example_scores("summarization", rouge_rows, "rouge1") == pytest.approx(
        score_task("summarization", ["the cat sat", "a dog ran off"],
                   [{"summary": "the cat sat down"}, {"summary": "the dog ran"}])["rouge1"])
    answers = ["PER: Ada; LOC: Paris", "none", "ORG: Acme, LOC: Rome"]
    gold = [[{"type": "PER", "text": "Ada"}], [{"type": "LOC", "text": "Oslo"}], [{"type": "LOC", "text": "Rome"}]]
    rows = example_scores("ner", answers, gold)
    assert aggregate_example_scores("ner", rows, "f1") == pytest.approx(ner_scores(answers, gold)["f1"])  # micro F1
    assert [row["unparsed"] for row in example_scores("sentiment", ["Positive.", "hmm"], ["positive", "negative"])] \
        == [0.0, 1.0]


def test_a_clear_gain_is_not_within_noise_and_a_tie_is():
    references = ["positive", "negative"] * 20
    before = _result("sentiment", ["negative", "positive"] * 20, references)  # all wrong
    after = _result("sentiment", references, references)                      # all right
    gain = claims.change(before, after)
    assert gain.value == pytest.approx(100.0) and not gain.within_noise and gain.n == 40
    assert "rose by **100.0 points**" in claims.change_sentence("accuracy", gain)
    tie = claims.change(after, after)
    assert tie.value == 0 and tie.within_noise
    assert "within noise" in claims.change_sentence("accuracy", tie)


def test_the_interval_of_an_accuracy_has_the_textbook_width():
    # 20 of 40 right: the standard error is sqrt(0.25 / 40) = 7.9 points, so a 95% interval spans about +-15.5
    result = _result("sentiment", ["positive"] * 40, ["positive", "negative"] * 20)
    estimate = claims.score(result)
    assert estimate.value == pytest.approx(0.5)
    assert estimate.high - estimate.low == pytest.approx(2 * 1.96 * math.sqrt(0.25 / 40), abs=0.04)


def test_a_paired_comparison_needs_the_same_examples():
    one = _result("qa", ["a"], ["a"], ids=["x"])
    other = _result("qa", ["a"], ["a"], ids=["y"])
    with pytest.raises(ValueError, match="different examples"):
        claims.change(one, other)


def test_mean_change_and_forgetting_intervals_over_tasks():
    labels = ["positive", "negative"] * 10
    base = {"sentiment": _result("sentiment", labels, labels), "qa": _result("qa", ["Paris"] * 20, ["Paris"] * 20)}
    tuned = {"sentiment": _result("sentiment", ["???"] * 20, labels), "qa": _result("qa", ["Paris"] * 20, ["Paris"] * 20)}
    mean = claims.mean_change(base, tuned, ["sentiment", "qa"])
    assert mean.value == pytest.approx(-50.0)
    cells = claims.forgetting_intervals(base, {"tuned": tuned}, ["sentiment", "qa"])
    assert cells.loc["tuned", "sentiment"].value == pytest.approx(-100.0)
    assert claims.noise_mask(cells).loc["tuned"].tolist() == [False, True]
    assert claims.interval_table(cells).loc["tuned", "qa"].startswith("≈")
    table = claims.score_table({"base": base, "tuned": tuned})
    assert table.loc["tuned", ("sentiment", "unparsed")] == "100%" and table.loc["tuned", ("qa", "unparsed")] == ""


def test_gain_ratio_and_compare_sentence():
    refs = ["positive", "negative"] * 10
    base = _result("sentiment", ["???"] * 20, refs)
    full = _result("sentiment", refs, refs)
    half = _result("sentiment", refs[:10] + ["???"] * 10, refs)
    ratio = claims.gain_ratio(base, full, half)
    assert ratio.value == pytest.approx(0.5) and ratio.unit == "ratio" and "50%" in str(ratio)
    text = claims.compare_sentence("A", "B", claims.Estimate(-5.0, -8.0, -2.0, 40), quantity="drop",
                                   more="larger", less="smaller")
    assert "**smaller**" in text and "5.0 points" in text


def test_answer_key_folds_every_answer():
    key = claims.answer_key([("Why?", "Because."), ("How much?", f"{2 + 2} points.")])
    assert key.data.count("<details>") == 2 and "4 points" in key.data
    with pytest.raises(ValueError):
        claims.answer_key([("A question without an answer", " ")])


def test_tradeoff_points_and_matched_gain_sentences():
    from labutils.plots import tradeoff

    labels = ["positive", "negative"] * 10
    right, wrong = labels, ["negative", "positive"] * 10

    def suite(sentiment, qa_right):
        return {"sentiment": _result("sentiment", sentiment, labels),
                "qa": _result("qa", ["Paris" if qa_right else "Rome"] * 20, ["Paris"] * 20)}

    base = suite(wrong, True)
    suites = {"full": suite(right, False), "lora": suite(right, True)}  # the same gain; full forgets qa
    points = claims.tradeoff_points(base, suites, "sentiment", methods={"full": "full", "lora": "lora"},
                                    defaults=["full"])
    assert points.loc["full", "gain"] == pytest.approx(100.0) and points.loc["full", "other"] == pytest.approx(-100.0)
    assert points.loc["lora", "other"] == pytest.approx(0.0) and bool(points.loc["full", "default"])
    [sentence] = claims.matched_gain_sentences(points, suites, "sentiment")
    assert "At matched sentiment gain" in sentence and "**higher (it forgets less)**" in sentence
    assert tradeoff(points).axes  # draws
