"""The data a learner can trust: faithful references, honest splits, varied wording.

Runs the summarization generator once (a few seconds): its files must come out byte for byte,
and its self-check -- every value a summary states is in its dialogue -- must pass on every
row of every split. The other tests read the committed files and hold them to the bounds set
in data/datacard.py: held-out topics, names, domains and subjects never reach train or
validation; at most 10% of in-distribution test turns occur verbatim in train; no turn is in
more than 2% of training dialogues (no line is excluded, however short); training summaries
have a distinct-2 of at least 0.35; #Person1# opens every dialogue; QA facts are consistent.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
sys.path.insert(0, str(DATA))
import datacard  # noqa: E402
from datacard import (MAX_TURN_SHARE, MAX_VERBATIM_LEAK, MIN_SUMMARY_DISTINCT2, SPLITS, distinct_bigram_ratio,  # noqa: E402
                      max_repeat_share, read_split, verbatim_leak)

SEEN_SPLITS = ("train", "validation", "test")


def generator(name: str):
    """Import data/generators/<name>.py (the generators are scripts, not a package)."""
    if str(DATA / "generators") not in sys.path:
        sys.path.insert(0, str(DATA / "generators"))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def summarization_run():
    """One run of the summarization generator: (rows by split, slot vocabulary by topic)."""
    module = generator("summarization")
    splits, vocabs, _stats = module.generate(self_check=False)   # test_every_summary_... runs the check
    return splits, vocabs


# --------------------------------------------------------------------------- faithful references


def test_summarization_generator_reproduces_committed_files(summarization_run):
    splits, _ = summarization_run
    common = generator("_common")
    for split in SPLITS:
        expected = (DATA / "summarization" / f"{split}.jsonl").read_text(encoding="utf-8")
        assert common.render_split("summ", split, splits[split]) == expected, \
            f"data/summarization/{split}.jsonl differs from what the generator writes; rerun it"


def test_every_summary_states_only_what_its_dialogue_says(summarization_run):
    """The generator's self-check over every committed row: numbers, days, names and slot values."""
    _, vocabs = summarization_run
    unsupported = generator("summ_common").unsupported
    problems = []
    for split in SPLITS:
        for row in read_split("summarization", split):
            problems += [f"{row['id']}: {p}" for p in unsupported(row["dialogue"], row["summary"], vocabs[row["topic"]])]
    assert not problems, f"{len(problems)} unsupported statements, e.g. {problems[:5]}"


@pytest.mark.parametrize("dialogue,summary,vocab,expected", [
    ("#Person1#: I'll try it soon.", "#Person1# will try it at the weekend.", (), ["time word weekend"]),
    ("#Person1#: That's $20.", "#Person1# pays $25.", (), ["number 25"]),
    ("#Person1#: Hi, I'm Laura.", "Laura talks to Tom.", (), ["name Tom"]),
    ("#Person1#: I'd like to send a box of books.", "#Person1# sends a ceramic vase.", ("a box of books", "a ceramic vase"),
     ["slot 'ceramic vase'"]),
    ("#Person1#: I'll pay $20 on Friday, Tom.", "#Person1# will pay Tom $20 on Friday.", ("Friday",), []),
])
def test_self_check_finds_what_a_summary_invents(dialogue, summary, vocab, expected):
    assert generator("summ_common").unsupported(dialogue, summary, vocab) == expected


# --------------------------------------------------------------------------- honest splits


def test_summarization_heldout_topics_never_in_train_or_validation():
    held = {row["topic"] for row in read_split("summarization", "test_heldout")}
    seen = {row["topic"] for split in SEEN_SPLITS for row in read_split("summarization", split)}
    assert len(held) >= 8, f"only {len(held)} held-out topics"
    assert not held & seen, f"held-out topics also in train/validation/test: {sorted(held & seen)}"


def test_summarization_test_turns_rarely_occur_verbatim_in_train():
    leak = verbatim_leak("summarization", "test")
    assert leak <= MAX_VERBATIM_LEAK, f"{leak:.1%} of test turns occur verbatim in train (bound {MAX_VERBATIM_LEAK:.0%})"


def test_no_turn_in_more_than_two_percent_of_training_dialogues():
    share, turn = max_repeat_share("summarization")
    assert share <= MAX_TURN_SHARE, f"{turn!r} is in {share:.1%} of training dialogues (bound {MAX_TURN_SHARE:.0%})"


def test_training_summaries_are_phrased_in_many_ways():
    ratio = distinct_bigram_ratio((row["summary"] for row in read_split("summarization", "train")), budget=None)
    assert ratio >= MIN_SUMMARY_DISTINCT2, f"distinct-2 of training summaries is {ratio:.3f} < {MIN_SUMMARY_DISTINCT2}"


def test_person1_opens_every_dialogue():
    late = [row["id"] for split in SPLITS for row in read_split("summarization", split)
            if not row["dialogue"].startswith("#Person1#:")]
    assert not late, f"{len(late)} dialogues open with another speaker, e.g. {late[:3]}"


def test_ner_heldout_names_never_in_other_splits():
    names = generator("ner").held_out_names()
    pattern = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in names))
    leaks = [row["id"] for split in SEEN_SPLITS for row in read_split("ner", split) if pattern.search(row["text"])]
    assert not leaks, f"held-out names appear in {leaks[:5]}"
    # ... and test_heldout names only held-out people, organisations and places.
    held = set(names)
    foreign = [e["text"] for row in read_split("ner", "test_heldout") for e in row["entities"]
               if e["text"] not in held and not set(e["text"].split(" ", 1)) <= held]
    assert not foreign, f"test_heldout uses names from the other splits: {foreign[:5]}"


def test_sentiment_heldout_domains_never_in_other_splits():
    names = [name.lower() for name in generator("sentiment").held_out_names()]
    leaks = [row["id"] for split in SEEN_SPLITS for row in read_split("sentiment", split)
             if any(name in row["text"].lower() for name in names)]
    assert not leaks, f"reviews of held-out domains in {leaks[:5]}"


def test_qa_heldout_subjects_never_in_other_splits():
    opening = generator("qa").HELDOUT_OPENING
    assert all(opening.match(row["context"]) for row in read_split("qa", "test_heldout"))
    leaks = [row["id"] for split in SEEN_SPLITS for row in read_split("qa", split) if opening.match(row["context"])]
    assert not leaks, f"held-out subjects in {leaks[:5]}"


# --------------------------------------------------------------------------- consistent facts


def test_qa_has_no_future_years_and_coherent_biographies():
    check_row = generator("qa").check_row
    years = [int(y) for split in SPLITS for row in read_split("qa", split)
             for y in re.findall(r"\b(?:1[0-9]{3}|20[0-9]{2})\b", row["context"])]
    assert max(years) <= 2026, f"a context mentions {max(years)}"
    problems = [(row["id"], p) for split in SPLITS for row in read_split("qa", split) for p in check_row(row)]
    assert not problems, f"{len(problems)} inconsistent contexts, e.g. {problems[:3]}"


def test_qa_check_row_catches_a_death_in_the_future_and_a_prize_after_death():
    check_row = generator("qa").check_row
    assert check_row({"context": "Mei Sokolov (1962-2054) was a poet from Osaka."})
    assert check_row({"context": "Ana Lima (1901-1970) was a poet. Lima won the Lantern Prize in 1985."})
    assert not check_row({"context": "Ana Lima (1901-1970) was a poet. Lima won the Lantern Prize in 1955."})


def test_datacard_reports_the_bounds():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    assert "test_heldout" in text and "Verbatim leak" in text and "distinct-2 of all training summaries" in text
    assert datacard.task_stats("summarization")["heldout_topics"]
