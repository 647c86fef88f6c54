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
    # the share of unreadable answers, only for tasks whose answers are parsed (labels or entity types)
    assert claims.unparsed_shares({"base": base, "tuned": tuned}) == {"base": {"sentiment": 0.0},
                                                                     "tuned": {"sentiment": 1.0}}
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


def test_a_target_is_met_or_missed_only_when_the_whole_interval_says_so():
    inside, straddling, outside = (claims.Estimate(0.9, 0.85, 0.95, 40, "ratio"),
                                   claims.Estimate(0.79, 0.63, 0.97, 40, "ratio"),
                                   claims.Estimate(0.5, 0.4, 0.6, 40, "ratio"))
    assert [claims.verdict(e, at_least=0.8) for e in (inside, straddling, outside)] == \
        [claims.MET, claims.UNSETTLED, claims.MISSED]
    assert [claims.verdict(e, below=0.7) for e in (inside, straddling, outside)] == \
        [claims.MISSED, claims.UNSETTLED, claims.MET]
    # "more than": a tie measured exactly ([0, 0]) is not more
    assert claims.verdict(claims.Estimate(0.0, 0.0, 0.0, 40), above=0) == claims.MISSED
    assert claims.verdict(claims.Estimate(3.0, 1.0, 5.0, 40), above=0) == claims.MET
    assert claims.verdict(claims.Estimate(float("nan"), float("nan"), float("nan"), 40), at_least=0.8) \
        == claims.UNSETTLED
    with pytest.raises(ValueError, match="exactly one"):
        claims.verdict(inside, at_least=0.8, below=0.9)
    text = claims.verdict_text(straddling, at_least=0.8)
    assert "not settled" in text and "63% to 97%" in text and "80%" in text and "both sides" in text
    assert claims.verdict_text(inside, at_least=0.8).endswith("**met**")
    assert claims.combined_verdict([claims.MET, claims.UNSETTLED]) == claims.UNSETTLED
    assert claims.combined_verdict([claims.UNSETTLED, claims.MISSED]) == claims.MISSED
    assert claims.combined_verdict([claims.MET, claims.MET]) == claims.MET
    assert claims.combined_verdict([claims.MET, None]) == claims.UNSETTLED  # a part that could not be measured


def test_a_share_of_a_gain_is_decided_on_the_margin_which_every_resample_has():
    refs = ["positive", "negative"] * 20
    base = _result("sentiment", ["???"] * 40, refs)
    full = _result("sentiment", refs, refs)                               # +100 points
    most = _result("sentiment", refs[:39] + ["???"], refs)                # +97.5 points
    margin = claims.gain_margin(base, full, most, 0.8)
    assert margin.value == pytest.approx(97.5 - 80) and margin.unit == "points"
    assert claims.verdict(margin, at_least=0) == claims.MET
    half = _result("sentiment", refs[:20] + ["???"] * 20, refs)           # +50 points: 30 short of 80%
    assert claims.verdict(claims.gain_margin(base, full, half, 0.8), at_least=0) == claims.MISSED
    # no gain to keep a share of: the margin still exists (0 - 0.8 x 0), the ratio does not
    assert claims.gain_margin(base, base, base, 0.8).value == 0
    assert math.isnan(claims.gain_ratio(base, base, base).value)
    # the drop margin: the candidate loses 3/4 of what the reference lost; target "less than a third"
    base_suite = {"sentiment": _result("sentiment", refs, refs)}
    reference = {"sentiment": _result("sentiment", ["???"] * 40, refs)}
    candidate = {"sentiment": _result("sentiment", refs[:10] + ["???"] * 30, refs)}
    drop = claims.drop_margin(base_suite, reference, candidate, ["sentiment"], 1 / 3)
    assert drop.value == pytest.approx(75 - 100 / 3)
    assert claims.verdict(drop, below=0) == claims.MISSED
    assert claims.verdict(claims.drop_margin(base_suite, reference, base_suite, ["sentiment"], 1 / 3),
                          below=0) == claims.MET  # lost nothing


def test_drop_ratio_counts_only_losses_and_is_paired():
    labels = ["positive", "negative"] * 10
    base = {"sentiment": _result("sentiment", labels, labels), "qa": _result("qa", ["Paris"] * 20, ["Paris"] * 20)}
    # the reference loses all of sentiment (-100) and gains nothing on qa; the candidate loses half (-50)
    reference = {"sentiment": _result("sentiment", ["???"] * 20, labels), "qa": base["qa"]}
    candidate = {"sentiment": _result("sentiment", labels[:10] + ["???"] * 10, labels), "qa": base["qa"]}
    ratio = claims.drop_ratio(base, reference, candidate, ["sentiment", "qa"])
    assert ratio.value == pytest.approx(0.5) and ratio.unit == "ratio"
    assert 0.2 < ratio.low <= 0.5 <= ratio.high < 0.8
    # a gain on another task does not offset a loss: only losses count
    better_qa = {"sentiment": candidate["sentiment"], "qa": _result("qa", ["Paris"] * 20, ["Paris"] * 20)}
    assert claims.drop_ratio(base, reference, better_qa, ["sentiment", "qa"]).value == pytest.approx(0.5)
    # no loss to recover: no ratio
    assert math.isnan(claims.drop_ratio(base, base, candidate, ["sentiment", "qa"]).value)


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
