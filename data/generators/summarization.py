"""Generate the bundled dialogue-summarization dataset (DialogSum conventions).

Every row is an everyday conversation written by a small scenario script
(``summ_*.py`` next to this file) plus a summary written from the *same* chosen
facts, so the summary is faithful to the dialogue. Conventions follow the public
DialogSum dataset, so learners can swap it in:

* ``dialogue``: one turn per line, tagged ``#Person1#:``, ``#Person2#:`` (sometimes ``#Person3#:``);
  ``#Person1#`` always speaks first;
* ``summary``: 1-3 sentences, observer's view, formal, keeps names/numbers; speakers
  whose names are never spoken are called ``#Person1#`` / ``#Person2#``;
* ``topic``: a short scenario label such as ``"car repair"``.

Run it from the repository root (stdlib only, no network, deterministic: two runs give
byte-identical files; a few seconds):

    python data/generators/summarization.py             # writes data/summarization/*.jsonl
    python data/generators/summarization.py --check     # re-reads the files and checks them
    python data/generators/summarization.py --show 5    # ... and prints 5 random train rows

How it works: every topic has its own script with alternative paths (optional turns,
objections, different outcomes); summ_voice.py words each turn in its speaker's own way
(idiolect, rewrites of spoken formulas, small talk from large template pools), so no
line recurs in many dialogues. Each topic gets one seeded generator per (topic, k).
Dialogues outside 4-16 turns or 60-250 words are skipped, and so are near duplicates
(word 3-shingle Jaccard >= 0.8, the check the tests run).

Splits: HELDOUT_TOPICS never appear in train, validation or test; their dialogues form
``test_heldout``, which measures whether a model learnt to summarise or only learnt the
training topics' scripts. The other topics make train, validation and test (the
in-distribution test). Held-out wordings: every choice among wordings (a line's
alternatives, a speaker's habits, a summary's phrasing) reserves about a third of its
options for validation and test rows (summ_voice.choose), so an in-distribution test
dialogue follows a training topic's script in words no training dialogue uses.

Self-check: :func:`summ_common.unsupported` lists any value a summary states -- a number,
a day, a name, or one of its topic's slot values -- that its dialogue does not contain;
generation fails if any row has one.

Scripts: summ_services.py (errands and services), summ_life.py (work, school, housing,
health), summ_social.py (friends, family, leisure), summ_more.py (more errands and home
life), summ_office.py (leave, reviews, memos, conflicts), summ_city.py (directions, taxis,
customs, sights), summ_chat.py (illness, news, habits, messages), summ_learning.py (classes,
gifts, hobbies, dates, festivals); summ_common.py holds the shared Ctx helper, name pools and
the self-check. A script file may declare FAMILIAR_TOPICS and STAFF_TOPICS for its topics.

Example row:
    {"id": "summ-train-00001", "dialogue": "#Person1#: Hi ...\\n#Person2#: ...",
     "summary": "#Person1# asks ...", "topic": "post office"}
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import DATA_DIR, SPLITS, dedupe, write_splits  # noqa: E402
from summ_common import Ctx, unsupported  # noqa: E402
import summ_services  # noqa: E402
import summ_life  # noqa: E402
import summ_social  # noqa: E402
import summ_more  # noqa: E402
import summ_office  # noqa: E402
import summ_city  # noqa: E402
import summ_chat  # noqa: E402
import summ_learning  # noqa: E402

SCRIPT_MODULES = [summ_services, summ_life, summ_social, summ_more, summ_office, summ_city, summ_chat, summ_learning]

SEED = 1128
OUT_DIR = DATA_DIR / "summarization"
# Rows per split for the in-distribution topics (train / validation / test).
SPLIT_SIZES = {"train": 1700, "validation": 220, "test": 220}
# Topics held out of train, validation and test: their rows form test_heldout. Ten of 83,
# from the first four script files, services and social life alike.
HELDOUT_TOPICS = ("locksmith", "passport renewal", "insurance claim", "museum", "wedding plans", "pet care",
                  "volunteering", "concert tickets", "gardening", "job offer negotiation")
HELDOUT_PER_TOPIC = 18
MIN_TURNS, MAX_TURNS = 4, 16
MIN_WORDS, MAX_WORDS = 60, 250
# Topics where the speakers know each other (friends, family, colleagues), so they may
# call each other by first name without an introduction.
FAMILIAR_TOPICS = {
    "work", "work deadline", "exam results", "moving house", "health", "travel", "leisure", "sports",
    "birthday party", "wedding plans", "weather/plans", "cooking", "gardening", "family", "dinner invitation",
    "cinema", "flatmates", "babysitting", "study group", "concert tickets", "borrowing money",
}
# Topics where speaker 2 serves speaker 1 (a clerk, a receptionist, a mechanic): speaker 2 may
# call the customer "sir" or "madam".
STAFF_TOPICS = {
    "car repair", "post office", "banking", "lost property", "library", "hairdresser", "gym membership",
    "buying a phone", "tech support", "hotel check-in", "doctor appointment", "ordering food", "train tickets",
    "airport", "restaurant", "returning an item", "shopping", "museum", "car rental", "pharmacy", "insurance claim",
    "internet provider", "bike repair", "dentist", "locksmith", "furniture delivery", "passport renewal", "supermarket",
}
TURN_RE = re.compile(r"^#Person[123]#: .+")

SCENARIOS: dict = {}
for module in SCRIPT_MODULES:
    for topic, fn in module.SCENARIOS.items():
        if topic in SCENARIOS:
            raise ValueError(f"topic {topic!r} is defined twice (second time in {module.__name__})")
        SCENARIOS[topic] = fn
    # A script file may say which of its topics are between people who know each other, or staff and customer.
    FAMILIAR_TOPICS |= getattr(module, "FAMILIAR_TOPICS", set())
    STAFF_TOPICS |= getattr(module, "STAFF_TOPICS", set())
assert set(HELDOUT_TOPICS) <= set(SCENARIOS), "a held-out topic has no script"


def render(topic: str, k: int, vocab: dict, partition: str = "train") -> tuple[str, str] | None:
    """Run one scenario with its own seeded generator: (dialogue, summary), or None if out of bounds.

    ``partition`` ("train" or "eval") is the share of wordings it draws from (summ_voice.choose).
    The options the script picked from are added to ``vocab`` (the topic's slot values).
    """
    rng = random.Random(f"{SEED}:{partition}:{topic}:{k}")  # str seeds hash deterministically (not PYTHONHASHSEED)
    c = Ctx(rng, topic, partition=partition)
    c.staff = 2 if topic in STAFF_TOPICS else None
    c.familiar = topic in FAMILIAR_TOPICS
    SCENARIOS[topic](c)
    vocab.update(c.vocab)
    dialogue, summary = c.finish()
    n_words = len(re.sub(r"#Person\d#:", " ", dialogue).split())
    if not (MIN_TURNS <= len(c.turns) <= MAX_TURNS and MIN_WORDS <= n_words <= MAX_WORDS):
        return None
    return dialogue, summary


def candidates(group: str, topics, per_topic: int, vocabs: dict, stats: Counter) -> list[dict]:
    """Rendered rows for each topic: ``per_topic`` plus a margin for near duplicates dropped later.

    Training rows draw the "train" share of every wording choice; the other groups the "eval" share.
    """
    partition = "train" if group == "train" else "eval"
    rows = []
    for topic in topics:
        vocab = vocabs.setdefault(topic, {})
        k = kept = 0
        while kept < per_topic + 2 + per_topic // 10:
            out = render(topic, k, vocab, partition)
            k += 1
            if out is None:
                stats["out_of_bounds"] += 1
                continue
            rows.append({"dialogue": out[0], "summary": out[1], "topic": topic, "group": group})
            kept += 1
    return rows


def take(rows: list[dict], group: str, topics, per_topic: int) -> list[dict]:
    """The first ``per_topic`` rows of ``group`` for each topic, interleaved topic by topic."""
    by_topic = {topic: [{k: v for k, v in row.items() if k != "group"} for row in rows
                        if row["group"] == group and row["topic"] == topic][:per_topic] for topic in topics}
    short = [topic for topic, kept in by_topic.items() if len(kept) < per_topic]
    if short:
        raise RuntimeError(f"too few distinct dialogues for {short}; add variety to their scripts")
    return [by_topic[topic][i] for i in range(per_topic) for topic in topics]


def generate(self_check: bool = True) -> tuple[dict[str, list[dict]], dict[str, dict], Counter]:
    """All rows by split, the slot vocabulary of every topic, and counts of skipped candidates.

    ``self_check``: refuse to return rows whose summary states what the dialogue does not (the
    tests switch it off only because they run the same check over the written files themselves).

    Training rows draw their wordings from the "train" share of every wording choice; validation,
    test and test_heldout rows from the "eval" share (held-out wordings, see summ_voice.choose).
    """
    stats, vocabs = Counter(), {}
    seen_topics = [topic for topic in SCENARIOS if topic not in HELDOUT_TOPICS]
    n_eval = SPLIT_SIZES["validation"] + SPLIT_SIZES["test"]
    # Every topic fills an equal share (ceiling); a seeded shuffle then picks which rows make the cut.
    quotas = {"train": (seen_topics, -(-SPLIT_SIZES["train"] // len(seen_topics))),
              "eval": (seen_topics, -(-n_eval // len(seen_topics))),
              "heldout": (HELDOUT_TOPICS, HELDOUT_PER_TOPIC)}
    rows = [row for group, (topics, per) in quotas.items() for row in candidates(group, topics, per, vocabs, stats)]
    distinct = dedupe(rows, key="dialogue")     # near duplicates within and across all groups
    stats["near_duplicate"] += len(rows) - len(distinct)
    rng = random.Random(SEED)
    train = take(distinct, "train", *quotas["train"])
    rng.shuffle(train)
    held_wordings = take(distinct, "eval", *quotas["eval"])
    rng.shuffle(held_wordings)
    splits = {"train": train[:SPLIT_SIZES["train"]],
              "validation": held_wordings[:SPLIT_SIZES["validation"]],
              "test": held_wordings[SPLIT_SIZES["validation"]:n_eval],
              "test_heldout": take(distinct, "heldout", *quotas["heldout"])}
    problems = faithfulness_problems(splits, vocabs) if self_check else []
    if problems:
        raise RuntimeError(f"{len(problems)} summaries state what their dialogue does not, e.g. {problems[:5]}")
    return splits, vocabs, stats


def faithfulness_problems(splits: dict[str, list[dict]], vocabs: dict[str, dict]) -> list[str]:
    """The generator self-check over every row: each value a summary states is in its dialogue."""
    problems = []
    for split, rows in splits.items():
        for number, row in enumerate(rows, start=1):
            for problem in unsupported(row["dialogue"], row["summary"], vocabs.get(row["topic"], ())):
                problems.append(f"{split} row {number} ({row['topic']}): {problem}: {row['summary']}")
    return problems


def count_sentences(text: str) -> int:
    """Sentence count that does not split at 'a.m.', 'Mr.', 'Dr.' and the like."""
    text = re.sub(r"\b([ap])\.m\.(?=\s+[a-z0-9(]|,|;)", r"\1m", text)  # '3 p.m. on Friday': mid-sentence
    text = re.sub(r"\b([ap])\.m\.", r"\1m.", text)  # '... at 3 p.m.' ending a sentence
    text = re.sub(r"\b(Mr|Ms|Mrs|Dr|St)\.", "X", text)
    return len(re.findall(r"[.!?](?:\s|$)", text))


def check(splits: dict[str, list[dict]], show: int = 0) -> list[str]:
    """Validate the rows; returns a list of problems (empty when all is well) and prints statistics."""
    from datacard import distinct_bigram_ratio, near_duplicates

    problems = []
    turn_counts, word_counts = [], []
    for split, rows in splits.items():
        for row in rows:
            where = f"{split} {row.get('id')}"
            if set(row) - {"id"} != {"dialogue", "summary", "topic"}:
                problems.append(f"{where}: keys {sorted(row)}")
                continue
            lines = row["dialogue"].split("\n")
            bad = [ln for ln in lines if not TURN_RE.match(ln)]
            if bad:
                problems.append(f"{where}: bad turn line {bad[0]!r}")
            if not lines[0].startswith("#Person1#:"):
                problems.append(f"{where}: the dialogue does not open with #Person1#")
            if not MIN_TURNS <= len(lines) <= MAX_TURNS:
                problems.append(f"{where}: {len(lines)} turns")
            turn_counts.append(len(lines))
            word_counts.append(len(re.sub(r"#Person\d#:", " ", row["dialogue"]).split()))
            n_sent = count_sentences(row["summary"])
            if not 1 <= n_sent <= 3:
                problems.append(f"{where}: summary has {n_sent} sentences: {row['summary']!r}")
            if re.search(r"[{}\[\]|]", row["dialogue"] + row["summary"]) or "  " in row["summary"]:
                problems.append(f"{where}: formatting residue")
            tags = [ln.split(":")[0] for ln in lines]
            if any(a == b for a, b in zip(tags, tags[1:])):
                problems.append(f"{where}: the same speaker has two turns in a row")
            problems += [f"{where}: summary states {p}" for p in unsupported(row["dialogue"], row["summary"])]
    everything = [row["dialogue"] for rows in splits.values() for row in rows]
    duplicates = near_duplicates(everything)
    problems += [f"near duplicate dialogues: {len(duplicates)} pairs"] if duplicates else []
    train = splits.get("train", [])
    held = {row["topic"] for row in splits.get("test_heldout", [])}
    seen = {row["topic"] for split in ("train", "validation", "test") for row in splits.get(split, [])}
    if held & seen:
        problems.append(f"held-out topics also in train/validation/test: {sorted(held & seen)}")
    turn_counts.sort(), word_counts.sort()
    n = len(turn_counts)
    print("rows: " + ", ".join(f"{s}={len(r)}" for s, r in splits.items()) + f"; topics: {len(seen)} + {len(held)} held out")
    print(f"turns: min {turn_counts[0]}, median {turn_counts[n // 2]}, max {turn_counts[-1]}; "
          f"share 6-12 turns: {sum(6 <= t <= 12 for t in turn_counts) / n:.2f}")
    print(f"words: min {word_counts[0]}, median {word_counts[n // 2]}, p90 {word_counts[int(n * 0.9)]}, max {word_counts[-1]}")
    print(f"3-speaker dialogues: {sum('#Person3#' in r['dialogue'] for rs in splits.values() for r in rs)}")
    print(f"summary distinct-2 (train, all bigrams): {distinct_bigram_ratio((r['summary'] for r in train), budget=None):.3f}")
    rng = random.Random(show)
    for row in rng.sample(train, min(show, len(train))):
        print("\n" + "-" * 70 + f"\n[{row['id']} | {row['topic']}]\n{row['dialogue']}\nSUMMARY: {row['summary']}")
    return problems


def read() -> dict[str, list[dict]]:
    splits = {}
    for split in SPLITS:
        with open(OUT_DIR / f"{split}.jsonl", encoding="utf-8") as f:
            splits[split] = [json.loads(line) for line in f]
    return splits


def build() -> dict[str, list[dict]]:
    """The rows of every split, as write_splits() writes them (the tests compare with the files)."""
    return generate()[0]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="check the written files instead of generating")
    ap.add_argument("--show", type=int, default=0, help="print this many random train examples")
    args = ap.parse_args(argv)
    if args.check:
        splits = read()
    else:
        t0 = time.perf_counter()
        splits, _vocabs, stats = generate()
        write_splits("summarization", "summ", splits)
        print(f"generated in {time.perf_counter() - t0:.1f}s; skipped candidates: {dict(stats)}")
        splits = read()
    problems = check(splits, show=args.show)
    for p in problems[:30]:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
