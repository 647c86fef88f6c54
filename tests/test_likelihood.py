"""The parse-free score: the allowed label the model finds most likely, in evaluate_task's shape."""

import pytest

from labutils import claims
from labutils.likelihood import label_likelihood_task
from labutils.metrics import EvaluationError
from labutils.models import load_model


@pytest.fixture(scope="module")
def tiny():
    return load_model("tiny")


def test_label_likelihood_picks_an_allowed_label_for_every_example(tiny):
    model, tokenizer = tiny
    result = label_likelihood_task(model, tokenizer, "sentiment", limit=6)
    assert result["n"] == 6 and 0.0 <= result["accuracy"] <= 1.0
    assert all(p["prediction"] in ("positive", "negative") for p in result["predictions"])
    assert all(set(p["log_probs"]) == {"positive", "negative"} for p in result["predictions"])
    assert all(value < 0 for p in result["predictions"] for value in p["log_probs"].values())
    assert claims.score(result).value == pytest.approx(result["accuracy"])  # the intervals read it like any result


def test_label_likelihood_needs_a_task_with_labels(tiny):
    with pytest.raises(EvaluationError, match="no fixed labels"):
        label_likelihood_task(*tiny, "qa", limit=2)
