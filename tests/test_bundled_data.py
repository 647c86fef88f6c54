"""Quality gates for the bundled datasets in data/<task>/<split>.jsonl.

Every row of every split (train, validation, test, test_heldout) is checked
against its task's schema; the sets must be big enough, free of exact and near
duplicates within and across splits, balanced (sentiment), varied
(distinct-bigram floors) and described by an up-to-date data/README.md. The
generators for sentiment, ner and qa must reproduce the committed files byte for
byte (summarization's is checked in tests/test_generators.py, with its
self-check and the held-out and leak bounds).

A task whose files are missing is skipped with a reason, so the suite stays
useful while a dataset is being written.
"""

from __future__ import annotations

import importlib
import random
import re
import sys
from functools import lru_cache

from pathlib import Path

import pytest

# data/datacard.py lives next to the generators, outside the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import datacard  # noqa: E402
from datacard import (DATA_DIR, DIVERSITY_FLOORS, MAIN_INPUT, MIN_SIZES, SPLITS, TASKS, distinct_bigram_ratio,  # noqa: E402
                      near_duplicates, read_split, task_available)

from labutils.tasks import check_task  # noqa: E402

ENTITY_TYPES = set(check_task("ner").entity_types)
LABELS = check_task("sentiment").labels
TURN = re.compile(r"^#Person\d+#: \S.*$")
# Split a summary into sentences at ., ! or ? followed by a capital or a speaker tag,
# without splitting after common abbreviations ("Mr. Lee", "5 p.m. on Friday").
SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<![ap]\.m)[.!?]\s+(?=[A-Z#])")


@lru_cache(maxsize=None)
def rows_of(task: str, split: str) -> tuple:
    return tuple(read_split(task, split))


def require(task: str) -> None:
    if not task_available(task):
        pytest.skip(f"data/{task}/{{{','.join(SPLITS)}}}.jsonl not present yet")


def nonempty_str(row: dict, field: str, where: str) -> str:
    value = row.get(field)
    assert isinstance(value, str) and value.strip(), f"{where}: field {field!r} must be a non-empty string, got {value!r}"
    return value


# --------------------------------------------------------------------------- schema


def check_row(task: str, row: dict, where: str) -> None:
    nonempty_str(row, "id", where)
    if task == "sentiment":
        text = nonempty_str(row, "text", where)
        assert row.get("label") in LABELS, f"{where}: bad label {row.get('label')!r}"
        sentences = re.split(r"(?<=[.!?]) +", text)
        assert 1 <= len(sentences) <= 4, f"{where}: review has {len(sentences)} sentences, expected 1-4"
    elif task == "ner":
        text = nonempty_str(row, "text", where)
        entities = row.get("entities")
        assert isinstance(entities, list), f"{where}: entities must be a list"
        cursor = 0
        for entity in entities:
            assert isinstance(entity, dict) and entity.get("type") in ENTITY_TYPES, f"{where}: bad entity {entity!r}"
            span = nonempty_str(entity, "text", where)
            found = text.find(span, cursor)
            assert found >= 0, f"{where}: entity {span!r} not found (in order of appearance) in {text!r}"
            cursor = found + len(span)
    elif task == "qa":
        context = nonempty_str(row, "context", where)
        nonempty_str(row, "question", where)
        answer = nonempty_str(row, "answer", where)
        assert answer in context, f"{where}: answer {answer!r} is not a span of the context"
        assert answer == answer.strip(), f"{where}: answer {answer!r} has surrounding whitespace"
    elif task == "summarization":
        dialogue = nonempty_str(row, "dialogue", where)
        summary = nonempty_str(row, "summary", where)
        nonempty_str(row, "topic", where)
        turns = dialogue.split("\n")
        assert 4 <= len(turns) <= 16, f"{where}: {len(turns)} turns, expected 4-16"
        for turn in turns:
            assert TURN.match(turn), f"{where}: turn {turn!r} is not tagged '#PersonN#: ...'"
        assert turns[0].startswith("#Person1#:"), f"{where}: #Person1# must speak first (DialogSum's convention)"
        sentences = [s for s in SENTENCE_END.split(summary.strip()) if s.strip()]
        assert 1 <= len(sentences) <= 3, f"{where}: summary has {len(sentences)} sentences, expected 1-3"


@pytest.mark.parametrize("task", TASKS)
def test_every_row_matches_its_schema(task):
    require(task)
    for split in SPLITS:
        rows = rows_of(task, split)
        ids = [row.get("id") for row in rows]
        assert len(set(ids)) == len(ids), f"data/{task}/{split}.jsonl: ids are not unique"
        for number, row in enumerate(rows, start=1):
            check_row(task, row, f"data/{task}/{split}.jsonl:{number}")


@pytest.mark.parametrize("task", TASKS)
def test_minimum_sizes(task):
    require(task)
    for split, minimum in MIN_SIZES.items():
        assert len(rows_of(task, split)) >= minimum, f"data/{task}/{split}.jsonl has fewer than {minimum} rows"


# --------------------------------------------------------------------------- leakage and duplicates


@pytest.mark.parametrize("task", TASKS)
def test_no_exact_or_near_duplicates_within_or_across_splits(task):
    require(task)
    field = MAIN_INPUT[task]
    labelled = [(split, row) for split in SPLITS for row in rows_of(task, split)]
    pairs = near_duplicates([row[field] for _, row in labelled], n=3, threshold=0.8)
    shown = [f"{labelled[i][1]['id']} ~ {labelled[j][1]['id']} (jaccard {score})" for i, j, score in pairs[:5]]
    assert not pairs, f"{len(pairs)} near-duplicate {field!r} pairs in {task}, e.g. {shown}"


def test_near_duplicates_finds_exact_and_close_copies():
    texts = ["The soup was cold and the bread was stale.",
             "the soup was cold, and the bread was stale",             # exact after normalisation
             "A completely different sentence about trains."]
    assert near_duplicates(texts) == [(0, 1, 1.0)]
    assert near_duplicates(texts[:1], texts[1:]) == [(0, 0, 1.0)]
    # One changed word near the end of a long text keeps most shingles shared.
    long = " ".join(f"w{k}" for k in range(40))
    assert near_duplicates([long], [long.replace("w38", "other")])[0][2] >= 0.8


def test_near_duplicates_matches_brute_force():
    """The prefix-filtered index must find exactly what comparing every pair finds."""
    rng = random.Random(0)
    vocab = [f"v{k}" for k in range(12)]            # a tiny vocabulary makes many similar texts
    base = [" ".join(rng.choice(vocab) for _ in range(rng.randint(2, 14))) for _ in range(150)]
    texts = base + [t + " " + rng.choice(vocab) for t in base[:50]]
    for threshold in (0.5, 0.8):
        sets = [datacard._shingles(t, 3) for t in texts]
        brute = []
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if sets[i] and sets[j]:
                    score = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
                    if score >= threshold:
                        brute.append((i, j))
        assert [(i, j) for i, j, _ in near_duplicates(texts, threshold=threshold)] == brute


# --------------------------------------------------------------------------- balance, coverage, diversity


def test_sentiment_labels_are_balanced():
    require("sentiment")
    for split in SPLITS:
        labels = [row["label"] for row in rows_of("sentiment", split)]
        share = labels.count("positive") / len(labels)
        assert 0.45 <= share <= 0.55, f"sentiment {split}: {share:.0%} positive, expected 45-55%"


def test_ner_has_sentences_without_and_with_many_entities():
    require("ner")
    counts = [len(row["entities"]) for split in SPLITS for row in rows_of("ner", split)]
    assert sum(c == 0 for c in counts) >= 0.03 * len(counts), "too few sentences with no entity"
    assert sum(c >= 4 for c in counts) >= 0.03 * len(counts), "too few sentences with 4+ entities"
    types = {e["type"] for split in SPLITS for row in rows_of("ner", split) for e in row["entities"]}
    assert types == ENTITY_TYPES


def test_qa_questions_vary_in_form():
    require("qa")
    openings = {row["question"].split()[0].lower() for split in SPLITS for row in rows_of("qa", split)}
    assert {"who", "what", "when", "where", "how", "which"} <= openings


def test_summarization_covers_at_least_40_topics():
    require("summarization")
    topics = {row["topic"] for split in SPLITS for row in rows_of("summarization", split)}
    assert len(topics) >= 40, f"only {len(topics)} summarization topics"


@pytest.mark.parametrize("task,field", sorted(DIVERSITY_FLOORS))
def test_diversity_is_above_its_floor(task, field):
    require(task)
    ratio = distinct_bigram_ratio(row[field] for split in SPLITS for row in rows_of(task, split))
    assert ratio >= DIVERSITY_FLOORS[task, field], \
        f"{task}.{field}: distinct-bigram ratio {ratio:.3f} below floor {DIVERSITY_FLOORS[task, field]}"


# --------------------------------------------------------------------------- reproducibility and the datacard


@pytest.mark.parametrize("task,prefix", [("sentiment", "sent"), ("ner", "ner"), ("qa", "qa")])
def test_generator_reproduces_committed_files(task, prefix, monkeypatch):
    monkeypatch.syspath_prepend(str(DATA_DIR / "generators"))
    try:
        module = importlib.import_module(task)
        splits = module.build()
    finally:
        # The module names ("ner", "qa") are generic: don't leave them importable for other tests.
        sys.modules.pop(task, None)
    common = sys.modules["_common"]
    for split in SPLITS:
        expected = (DATA_DIR / task / f"{split}.jsonl").read_text(encoding="utf-8")
        assert common.render_split(prefix, split, splits[split]) == expected, \
            f"data/{task}/{split}.jsonl differs from what data/generators/{task}.py writes; rerun it"


def test_datacard_is_up_to_date():
    assert datacard.main(["--check"]) == 0, "data/README.md is stale: run `python data/datacard.py`"


def test_task_stats_reports_what_the_card_needs():
    require("sentiment")
    stats = datacard.task_stats("sentiment")
    assert stats["sizes"]["train"] == len(rows_of("sentiment", "train"))
    assert set(stats["input_words"]) == {"min", "median", "p95", "max"}
    assert stats["labels"]["test"]["positive"] == stats["labels"]["test"]["negative"]
    with pytest.raises(ValueError, match="unknown task"):
        datacard.task_stats("translation")
