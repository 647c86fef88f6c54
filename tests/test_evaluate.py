"""Tests for labutils.evaluate: metrics against hand-computed numbers, generation on the tiny model.

The metric tests need no model. The generation tests use the random 2-layer ``tiny`` model in
fp32 (autocast off), where a forward pass takes milliseconds.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
import torch

from labutils import evaluate
from labutils.cli import main as labutils_main
from labutils.tasks import TASK_NAMES, check_task
from labutils.evaluate import (
    compare,
    compare_splits,
    cut_at_stop,
    forgetting_matrix,
    generate,
    headline_metric,
    save_evaluation,
)
from labutils.metrics import (
    EvaluationError,
    ner_scores,
    normalize_answer,
    parse_entities,
    parse_sentiment,
    qa_scores,
    rouge_scores,
    score_task,
    sentiment_scores,
    split_sentences,
)

# ----------------------------------------------------------------------------------------
# Summarization: ROUGE
# ----------------------------------------------------------------------------------------


def test_rouge_by_hand():
    # pred: the cat sat on the mat / ref: the cat lay on the mat
    # unigrams: 5 of 6 shared -> P = R = F = 5/6; bigrams: the-cat, on-the, the-mat of 5 -> 3/5;
    # LCS "the cat on the mat" = 5 tokens -> 5/6.
    scores = rouge_scores(["the cat sat on the mat"], ["the cat lay on the mat"])
    assert scores["rouge1"] == pytest.approx(5 / 6)
    assert scores["rouge2"] == pytest.approx(3 / 5)
    assert scores["rougeL"] == pytest.approx(5 / 6)
    assert scores["rougeLsum"] == pytest.approx(5 / 6)


def test_rouge_matches_rouge_score_package():
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    pairs = [
        ("#Person1# asks #Person2# to call the technician. They will meet at eight.",
         "#Person2# will call a technician. They meet at eight."),
        ("Amy is running late for dinner.", "Amy runs late; she apologizes to Tom for dinner."),
        ("", "Nobody said anything."),
    ]
    ours = rouge_scores([p for p, _ in pairs], [r for _, r in pairs])
    for name in ("rouge1", "rouge2", "rougeL"):
        expected = sum(scorer.score(r, p)[name].fmeasure for p, r in pairs) / len(pairs)
        assert ours[name] == pytest.approx(expected)
    # rougeLsum is scored on one sentence per line, which is what rouge_score expects.
    expected_lsum = sum(
        scorer.score("\n".join(split_sentences(r)), "\n".join(split_sentences(p)))["rougeLsum"].fmeasure
        for p, r in pairs
    ) / len(pairs)
    assert ours["rougeLsum"] == pytest.approx(expected_lsum)


def test_rouge_lsum_needs_sentence_split():
    # Sentences in swapped order: a single LCS over the whole text matches only one of them,
    # the summary-level LCS matches both, so rougeLsum > rougeL once sentences are split.
    prediction = "Tom buys milk. Amy walks the dog."
    reference = "Amy walks the dog. Tom buys milk."
    scores = rouge_scores([prediction], [reference])
    assert scores["rougeLsum"] == pytest.approx(1.0)
    assert scores["rougeL"] < 0.6


def test_rouge_multiple_references_take_the_best():
    from rouge_score import rouge_scorer

    prediction = "they agree to eat at seven"
    references = ["the printer is jammed", "They agree to eat at seven."]
    best = rouge_scores([prediction], [references])
    assert best["rouge1"] == pytest.approx(1.0)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    multi = scorer.score_multi(references, prediction)
    for name in ("rouge1", "rouge2", "rougeL"):
        assert best[name] == pytest.approx(multi[name].fmeasure)
    # Averaging is over examples: a perfect and a zero example give 0.5.
    assert rouge_scores(["a b", "x y"], ["a b", "c d"])["rouge1"] == pytest.approx(0.5)


def test_split_sentences():
    assert split_sentences("Amy calls Tom. He's out!  She leaves a message.") == [
        "Amy calls Tom.", "He's out!", "She leaves a message."]
    assert split_sentences("one line\nsecond line") == ["one line", "second line"]
    assert split_sentences("  ") == []


def test_lengths_must_pair_up():
    with pytest.raises(EvaluationError, match="2 predictions but 1"):
        rouge_scores(["a", "b"], ["a"])


# ----------------------------------------------------------------------------------------
# Sentiment
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("positive", "positive"),
        ("Positive.", "positive"),
        ("The sentiment is: Positive.", "positive"),
        ("NEGATIVE", "negative"),
        ("negative (the reviewer liked the actors but not the plot)", "negative"),
        ("Sentiment: negative\nPositive", "negative"),  # the first label wins
        ("not positive", "negative"),  # negation flips (documented decision)
        ("It isn't negative at all", "positive"),
        ("neither positive nor negative", None),
        ("Positively glowing", "positive"),
        ("I cannot tell.", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_sentiment(text, expected):
    assert parse_sentiment(text) == expected


def test_parse_sentiment_with_template_choices():
    thumbs = {"thumbs up": "positive", "thumbs down": "negative"}
    assert parse_sentiment("Thumbs down!", thumbs) == "negative"
    assert parse_sentiment("thumbs  up", thumbs) == "positive"
    assert parse_sentiment("No, they did not.", ["yes", "no"]) == "negative"  # list order: positive, negative
    assert parse_sentiment("Good", {"good": "positive", "bad": "negative"}) == "positive"
    assert parse_sentiment("positive", {"good": "positive", "bad": "negative"}) == "positive"
    with pytest.raises(EvaluationError, match="cannot map"):
        parse_sentiment("yes", ["yes", "no", "maybe"])


def test_sentiment_scores_by_hand():
    predictions = ["Positive.", "The sentiment is: negative", "", "not positive", "positive"]
    labels = ["positive", "negative", "positive", "negative", "negative"]
    # parsed: pos, neg, None, neg, pos -> 3 of 5 right.
    # positive: TP 1, FP 1 (#5), FN 1 (#3, unparsed) -> F1 = 2/(2+1+1) = 0.5
    # negative: TP 2, FP 0, FN 1 (#5)                -> F1 = 4/(4+0+1) = 0.8
    scores = sentiment_scores(predictions, labels)
    assert scores["accuracy"] == pytest.approx(0.6)
    assert scores["macro_f1"] == pytest.approx((0.5 + 0.8) / 2)
    assert scores["unparsed"] == 1


def test_sentiment_scores_reject_unknown_labels():
    with pytest.raises(EvaluationError, match="label #0"):
        sentiment_scores(["positive"], ["neutral"])


# ----------------------------------------------------------------------------------------
# NER
# ----------------------------------------------------------------------------------------

ADA_LONDON = [{"type": "PER", "text": "Ada Lovelace"}, {"type": "LOC", "text": "London"}]


@pytest.mark.parametrize(
    "text",
    [
        "PER: Ada Lovelace; LOC: London",
        "PER: Ada Lovelace, LOC: London",
        "PER: Ada Lovelace\nLOC: London.",
        "Here are the entities:\n- PER: Ada Lovelace\n- LOC: London",
        "* per: Ada Lovelace;\n* loc: London",
        "Person: Ada Lovelace; Location: London",
        "Ada Lovelace (PER), London (LOC).",
        "1. PER: \"Ada Lovelace\"\n2. LOC: London",
    ],
)
def test_parse_entities_messy_formats(text):
    assert parse_entities(text) == ADA_LONDON


def test_parse_entities_none_and_several_names_per_type():
    assert parse_entities("none") == []
    assert parse_entities("None.") == []
    assert parse_entities("") == []
    assert parse_entities("PER: Ada Lovelace, Charles Babbage; ORG: IBM") == [
        {"type": "PER", "text": "Ada Lovelace"},
        {"type": "PER", "text": "Charles Babbage"},
        {"type": "ORG", "text": "IBM"},
    ]
    assert parse_entities("I see no names here") == []
    # A small model often echoes the type names of the instruction; they are not entities.
    assert parse_entities("People: Per, ORG\nLocation: LOC; Quito") == [{"type": "LOC", "text": "Quito"}]


def test_ner_scores_by_hand():
    predictions = ["PER: Ada Lovelace; LOC: London", "ORG: IBM; PER: Bob", "none"]
    gold = [
        ADA_LONDON,
        [{"type": "ORG", "text": "IBM"}],
        [{"type": "LOC", "text": "Paris"}],
    ]
    # predicted 4, gold 4, correct 3 -> P = R = F1 = 0.75
    # PER: predicted 2 (Ada, Bob), gold 1, correct 1 -> P 1/2, R 1 -> F1 2/3
    # LOC: predicted 1, gold 2, correct 1 -> F1 2/3; ORG: 1/1/1 -> F1 1
    scores = ner_scores(predictions, gold)
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(0.75)
    assert scores["f1"] == pytest.approx(0.75)
    assert scores["f1_PER"] == pytest.approx(2 / 3)
    assert scores["f1_LOC"] == pytest.approx(2 / 3)
    assert scores["f1_ORG"] == pytest.approx(1.0)


def test_ner_scores_multiset_and_normalisation():
    gold = [[{"type": "LOC", "text": "London"}]]
    # Case and spacing do not matter; naming London twice gives one hit and one false positive.
    scores = ner_scores(["loc:  LONDON ; LOC: London"], gold)
    assert (scores["precision"], scores["recall"]) == (pytest.approx(0.5), pytest.approx(1.0))
    # The type matters: London as an ORG is wrong.
    assert ner_scores(["ORG: London"], gold)["f1"] == 0.0
    # Parsed entity lists are accepted as predictions too; types never seen are left out.
    scores = ner_scores([[{"type": "LOC", "text": "london"}]], gold)
    assert scores["f1"] == 1.0 and "f1_PER" not in scores


# ----------------------------------------------------------------------------------------
# QA
# ----------------------------------------------------------------------------------------


def test_normalize_answer_squad_style():
    assert normalize_answer("The  Eiffel Tower!") == "eiffel tower"
    assert normalize_answer("an apple, a pear") == "apple pear"


def test_qa_scores_by_hand():
    predictions = ["The Eiffel Tower", "Paris, France", "1889"]
    answers = [["Eiffel Tower"], "Paris", ["in 1887", "1889."]]
    # EM: 1 (article and case dropped), 0, 1 -> 2/3
    # F1: 1; "paris france" vs "paris" -> P 1/2, R 1 -> 2/3; 1 -> (1 + 2/3 + 1) / 3 = 8/9
    scores = qa_scores(predictions, answers)
    assert scores["exact_match"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(8 / 9)
    assert qa_scores([""], ["Paris"]) == {"exact_match": 0.0, "f1": 0.0}


def test_score_task_dispatch_and_missing_field():
    assert score_task("qa", ["Paris"], [{"answer": "Paris"}]) == {"exact_match": 1.0, "f1": 1.0}
    assert score_task("ner", ["none"], [{"entities": []}])["f1"] == 0.0
    assert set(score_task("summarization", ["a"], [{"summary": "a"}])) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    with pytest.raises(EvaluationError, match="no 'label' field"):
        score_task("sentiment", ["positive"], [{"id": "x", "text": "t"}])
    with pytest.raises(EvaluationError, match="(?i)unknown task"):
        score_task("translation", [], [])


@pytest.mark.parametrize("task", ["summarization", "sentiment", "ner", "qa"])
def test_a_score_over_no_examples_is_refused_not_zero(task):
    from labutils.metrics import aggregate_example_scores

    with pytest.raises(EvaluationError, match="no predictions to score"):
        score_task(task, [], [])
    with pytest.raises(EvaluationError, match="no predictions to score"):
        aggregate_example_scores(task, [], "f1")


# ----------------------------------------------------------------------------------------
# Generation on the tiny model
# ----------------------------------------------------------------------------------------

PROMPTS = [
    "Hello there",
    "Classify the sentiment of the following text as positive or negative.\n\nText: a fine film\n\nSentiment:",
    "Q: What is two plus two?\nA:",
    "x",
    "The quick brown fox jumps over the lazy dog. " * 4,
]


@pytest.fixture(scope="module")
def tiny():
    from labutils.models import load_model

    model, tokenizer = load_model("tiny", device="cpu")
    return model, tokenizer


def test_cut_at_stop():
    assert cut_at_stop("  Positive\nThe review says", ["\n"]) == "Positive"
    assert cut_at_stop("\nPositive\n", ["\n"]) == "Positive"  # a leading newline does not empty it
    assert cut_at_stop("a ### b ### c", ["###"]) == "a"
    assert cut_at_stop(" plain ", None) == "plain"


def test_batched_greedy_equals_one_at_a_time(tiny):
    model, tokenizer = tiny
    batched = generate(model, tokenizer, PROMPTS, max_new_tokens=8, batch_size=4, autocast=False, progress=False)
    single = [generate(model, tokenizer, [p], max_new_tokens=8, batch_size=1, autocast=False, progress=False)[0]
              for p in PROMPTS]
    assert batched == single
    # The random model repeats its last token; a prompt ending in a space decodes to blanks,
    # stripped to "". The others give text, so the comparison above is not between empties.
    assert sum(bool(text) for text in batched) >= 3


def test_generate_keeps_order_and_restores_padding_side(tiny):
    model, tokenizer = tiny
    assert tokenizer.padding_side == "right"
    forward = generate(model, tokenizer, PROMPTS, max_new_tokens=6, batch_size=2, autocast=False, progress=False)
    backward = generate(model, tokenizer, PROMPTS[::-1], max_new_tokens=6, batch_size=2, autocast=False,
                        progress=False)
    assert backward == forward[::-1]
    assert tokenizer.padding_side == "right"
    assert generate(model, tokenizer, [], max_new_tokens=4) == []


def test_padding_side_restored_after_an_error(tiny, monkeypatch):
    model, tokenizer = tiny

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(model, "generate", broken)
    with pytest.raises(RuntimeError, match="boom"):
        generate(model, tokenizer, PROMPTS, max_new_tokens=2, progress=False)
    assert tokenizer.padding_side == "right"


def test_sampling_is_deterministic_for_a_seed(tiny):
    model, tokenizer = tiny
    kwargs = dict(max_new_tokens=8, batch_size=2, do_sample=True, temperature=1.0, autocast=False, progress=False)
    state = torch.get_rng_state()
    first = generate(model, tokenizer, PROMPTS, seed=3, **kwargs)
    assert torch.equal(torch.get_rng_state(), state)  # the caller's random state is untouched
    assert generate(model, tokenizer, PROMPTS, seed=3, **kwargs) == first
    assert generate(model, tokenizer, PROMPTS, seed=4, **kwargs) != first


def test_stop_strings_cut_the_output(tiny):
    model, tokenizer = tiny
    full = generate(model, tokenizer, ["Hello there"], max_new_tokens=6, autocast=False, progress=False)[0]
    words = full.split()
    assert len(words) >= 2  # the random model repeats itself, so there is something to cut
    [cut] = generate(model, tokenizer, ["Hello there"], max_new_tokens=6, autocast=False, progress=False,
                     stop=[" " + words[1]])
    assert cut == words[0]


def test_generate_rejects_a_bare_string(tiny):
    model, tokenizer = tiny
    with pytest.raises(EvaluationError, match="list of prompts"):
        generate(model, tokenizer, "Hello", max_new_tokens=2)


def test_generate_with_autocast_gives_text(tiny):
    # bf16 autocast (where the CPU has it) may pick other tokens than fp32, but the outputs
    # must still be decoded text of a sensible length, one per prompt.
    model, tokenizer = tiny
    outputs = generate(model, tokenizer, PROMPTS, max_new_tokens=6, autocast=True, progress=False)
    assert len(outputs) == len(PROMPTS)
    lengths = [len(tokenizer(text, add_special_tokens=False)["input_ids"]) for text in outputs]
    assert all(length <= 6 + 2 for length in lengths)  # + 2: re-tokenizing may split differently
    assert sum(length > 0 for length in lengths) >= 3  # blanks strip to "" (see the parity test)


def test_generate_seq2seq(tiny):
    # A random 1-layer T5 with the same vocabulary: the prompt goes to the encoder and the
    # output is all new tokens, batched or not.
    from transformers import T5Config, T5ForConditionalGeneration

    _, tokenizer = tiny
    config = T5Config(vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=64, num_layers=1, num_heads=2,
                      decoder_start_token_id=tokenizer.pad_token_id, pad_token_id=tokenizer.pad_token_id,
                      eos_token_id=tokenizer.eos_token_id)
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(config).eval()
    batched = generate(model, tokenizer, PROMPTS, max_new_tokens=5, batch_size=3, autocast=False, progress=False)
    single = [generate(model, tokenizer, [p], max_new_tokens=5, autocast=False, progress=False)[0] for p in PROMPTS]
    assert batched == single
    assert tokenizer.padding_side == "right"


# ----------------------------------------------------------------------------------------
# evaluate_task / evaluate_suite / compare on fixture rows
# ----------------------------------------------------------------------------------------

ROWS = {
    "summarization": [
        {"id": "s1", "dialogue": "#Person1#: Did you find your keys?\n#Person2#: No, they are at the office.",
         "summary": "#Person2# left the keys at the office.", "topic": "keys"},
        {"id": "s2", "dialogue": "#Person1#: Shall we eat at eight?\n#Person2#: Seven is better.",
         "summary": "They agree to eat at seven.", "topic": "dinner"},
    ],
    "sentiment": [
        {"id": "p1", "text": "A warm, funny film. I loved it.", "label": "positive"},
        {"id": "p2", "text": "Dull and far too long.", "label": "negative"},
        {"id": "p3", "text": "The cast is superb.", "label": "positive"},
    ],
    "ner": [
        {"id": "n1", "text": "Ada Lovelace moved to London.", "entities": ADA_LONDON},
        {"id": "n2", "text": "The panel voted.", "entities": []},
    ],
    "qa": [
        {"id": "q1", "context": "Paris is the capital of France.", "question": "What is the capital of France?",
         "answer": "Paris"},
    ],
}
EXPECTED_METRICS = {
    "summarization": {"rouge1", "rouge2", "rougeL", "rougeLsum"},
    "sentiment": {"accuracy", "macro_f1", "unparsed"},
    "ner": {"precision", "recall", "f1"},
    "qa": {"exact_match", "f1"},
}


@pytest.mark.parametrize("task", sorted(ROWS))
def test_evaluate_task_on_fixture_rows(tiny, task):
    model, tokenizer = tiny
    result = evaluate.evaluate_task(model, tokenizer, task, data=ROWS[task], max_new_tokens=4, autocast=False,
                                    progress=False)
    assert EXPECTED_METRICS[task] <= set(result)
    assert result["n"] == len(ROWS[task])
    assert result["seconds"] > 0 and result["examples_per_second"] > 0
    assert [p["id"] for p in result["predictions"]] == [row["id"] for row in ROWS[task]]
    first = result["predictions"][0]
    assert set(first) == {"id", "prompt", "prediction", "reference"}
    assert first["prompt"] and isinstance(first["prediction"], str)
    for metric in EXPECTED_METRICS[task] - {"unparsed"}:
        assert 0.0 <= result[metric] <= 1.0
    assert evaluate.result_metrics(result).keys() >= EXPECTED_METRICS[task]


def test_evaluate_task_limit_template_and_errors(tiny):
    model, tokenizer = tiny
    result = evaluate.evaluate_task(model, tokenizer, "sentiment", data=ROWS["sentiment"], limit=2,
                                    template="good_or_bad", max_new_tokens=2, autocast=False, progress=False)
    assert result["n"] == 2 and result["template"] == "good_or_bad"
    assert "good" in result["predictions"][0]["prompt"].lower() or "bad" in result["predictions"][0]["prompt"].lower()
    with pytest.raises(EvaluationError, match="(?i)no template 'nope'"):
        evaluate.evaluate_task(model, tokenizer, "sentiment", data=ROWS["sentiment"], template="nope")
    with pytest.raises(EvaluationError, match="No examples"):
        evaluate.evaluate_task(model, tokenizer, "sentiment", data=[])


def test_evaluate_task_few_shot_adds_examples(tiny):
    from labutils.data import load_task

    try:
        load_task("sentiment", "train", limit=1)
    except Exception as error:  # the bundled data may be regenerated while the lab is built
        pytest.skip(f"bundled sentiment train split unavailable: {error}")
    model, tokenizer = tiny
    zero = evaluate.evaluate_task(model, tokenizer, "sentiment", data=ROWS["sentiment"][:1], max_new_tokens=2,
                                  autocast=False, progress=False)
    two = evaluate.evaluate_task(model, tokenizer, "sentiment", data=ROWS["sentiment"][:1], shots=2,
                                 max_new_tokens=2, autocast=False, progress=False)
    assert two["shots"] == 2
    assert len(two["predictions"][0]["prompt"]) > len(zero["predictions"][0]["prompt"])
    assert two["predictions"][0]["prompt"].endswith(zero["predictions"][0]["prompt"])


def test_evaluate_suite_tidy_table(tiny):
    model, tokenizer = tiny
    table = evaluate.evaluate_suite(model, tokenizer, ["sentiment", "qa"], model_name="tiny",
                                    data={"sentiment": ROWS["sentiment"], "qa": ROWS["qa"]},
                                    max_new_tokens=3, autocast=False, progress=False)
    assert list(table.columns) == ["model", "task", "metric", "value"]
    assert set(table["task"]) == {"sentiment", "qa"} and set(table["model"]) == {"tiny"}
    accuracy = table[(table.task == "sentiment") & (table.metric == "accuracy")]["value"]
    assert len(accuracy) == 1 and 0.0 <= accuracy.iloc[0] <= 1.0
    assert table[(table.task == "qa") & (table.metric == "n")]["value"].iloc[0] == 1
    assert set(table.attrs["results"]) == {"sentiment", "qa"}


def _suite(name: str, values: dict[str, float]) -> pd.DataFrame:
    records = [{"model": name, "task": task, "metric": headline_metric(task), "value": value}
               for task, value in values.items()]
    records.append({"model": name, "task": "qa", "metric": "exact_match", "value": 0.0})  # not a headline
    return pd.DataFrame.from_records(records)


def test_compare_and_forgetting_matrix():
    results = {
        "sentiment-ft": _suite("x", {"sentiment": 0.90, "ner": 0.20, "qa": 0.30}),
        "base": _suite("y", {"sentiment": 0.60, "ner": 0.50, "qa": 0.30}),
    }
    table = compare(results, base="base")
    assert list(table.index) == ["base", "sentiment-ft"]  # base first
    assert list(table.columns) == ["sentiment", "ner", "qa"]  # the lab's task order
    assert table.loc["sentiment-ft", "ner"] == pytest.approx(0.20)
    change = forgetting_matrix(table, base="base")
    assert list(change.index) == ["sentiment-ft"]
    assert change.loc["sentiment-ft", "sentiment"] == pytest.approx(30.0)
    assert change.loc["sentiment-ft", "ner"] == pytest.approx(-30.0)  # forgetting, in points
    assert change.loc["sentiment-ft", "qa"] == pytest.approx(0.0)
    with pytest.raises(EvaluationError, match="base model 'zero-shot'"):
        compare(results, base="zero-shot")


def test_compare_accepts_task_result_dicts():
    results = {"base": {"qa": {"task": "qa", "exact_match": 0.5, "f1": 0.6, "n": 2, "predictions": []}},
               "tuned": {"qa": {"task": "qa", "exact_match": 0.5, "f1": 0.7, "n": 2, "predictions": []}}}
    change = forgetting_matrix(compare(results))
    assert change.loc["tuned", "qa"] == pytest.approx(10.0)


def test_compare_splits_puts_in_distribution_and_held_out_side_by_side():
    test = {"base": _suite("b", {"sentiment": 0.60, "ner": 0.50}), "ft": _suite("f", {"sentiment": 0.90, "ner": 0.40})}
    heldout = {"base": _suite("b", {"sentiment": 0.55}), "ft": _suite("f", {"sentiment": 0.70})}
    table = compare_splits({"test": test, "test_heldout": heldout})
    assert list(table.columns) == [("sentiment", "in-distribution"), ("sentiment", "held-out"),
                                   ("ner", "in-distribution")]  # task order, then split; no empty held-out ner
    assert list(table.index) == ["base", "ft"]
    assert table.loc["ft", ("sentiment", "held-out")] == pytest.approx(0.70)
    assert table.loc["ft", ("ner", "in-distribution")] == pytest.approx(0.40)


def test_every_task_says_what_its_held_out_split_holds():
    assert all(check_task(task).heldout for task in TASK_NAMES)


def test_headline_metric():
    assert [headline_metric(t) for t in TASK_NAMES] == ["rouge1", "accuracy", "f1", "f1"]


def test_save_evaluation_writes_plain_json(tmp_path):
    table = compare({"base": _suite("b", {"sentiment": 0.5}), "ft": _suite("f", {"sentiment": 0.75})})
    path = save_evaluation(tmp_path / "out" / "eval.json", {"table": table, "nan": float("nan")}, note="smoke")
    data = json.loads(path.read_text())
    assert data["note"] == "smoke"
    assert data["results"]["nan"] is None
    assert data["results"]["table"][1] == {"model": "ft", "sentiment": 0.75}


# ----------------------------------------------------------------------------------------
# The CLI hook
# ----------------------------------------------------------------------------------------


def test_cli_eval_prints_one_json_object(tmp_path, capsys):
    data = tmp_path / "mine.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in ROWS["sentiment"]) + "\n")
    assert labutils_main(["eval", *["--model", "tiny", "--task", "sentiment", "--data", str(data), "--limit", "2",
                              "--json", "--batch-size", "2", "--max-new-tokens", "2"]]) == 0
    output = json.loads(capsys.readouterr().out)
    assert {"model", "task", "n", "metrics", "seconds", "examples_per_second", "template", "shots"} <= set(output)
    assert output["n"] == 2 and output["model"] == "tiny" and output["shots"] == 0
    assert set(output["metrics"]) == {"accuracy", "macro_f1", "unparsed"}
    assert math.isfinite(output["seconds"])


def test_cli_eval_readable_table(tmp_path, capsys):
    data = tmp_path / "mine.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in ROWS["qa"]) + "\n")
    assert labutils_main(["eval", *["--model", "tiny", "--task", "qa", "--data", str(data), "--max-new-tokens", "2"]]) == 0
    text = capsys.readouterr().out
    assert "exact_match" in text and "n=1" in text


def test_cli_eval_loads_a_lora_run_folder(tmp_path, capsys):
    from peft import LoraConfig, get_peft_model

    from labutils.models import load_model

    model, _ = load_model("tiny", device="cpu")
    # peft records the base as `model.name_or_path`, which a model built from a config leaves "".
    model.name_or_path = "tiny"
    adapter = get_peft_model(model, LoraConfig(r=2, lora_alpha=4, target_modules=["q_proj", "v_proj"]))
    adapter.save_pretrained(tmp_path / "run" / "final")
    adapter_config = json.loads((tmp_path / "run" / "final" / "adapter_config.json").read_text())
    assert adapter_config["base_model_name_or_path"] == "tiny"
    loaded, _ = load_model(str(tmp_path / "run"))
    assert type(loaded).__name__ == "PeftModel"
    data = tmp_path / "mine.jsonl"
    data.write_text(json.dumps(ROWS["qa"][0]) + "\n")
    assert labutils_main(["eval", *["--model", str(tmp_path / "run"), "--task", "qa", "--data", str(data),
                              "--max-new-tokens", "2", "--json"]]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 1
