"""Generate the bundled dialogue-summarization dataset (DialogSum conventions).

Every row is an everyday conversation written by a small scenario script
(``summ_*.py`` next to this file) plus a summary written from the *same* chosen
facts, so the summary is faithful to the dialogue. Conventions follow the public
DialogSum dataset, so learners can swap it in:

* ``dialogue``: one turn per line, tagged ``#Person1#:``, ``#Person2#:`` (sometimes ``#Person3#:``);
* ``summary``: 1-3 sentences, observer's view, formal, keeps names/numbers; speakers
  whose names are never spoken are called ``#Person1#`` / ``#Person2#``;
* ``topic``: a short scenario label such as ``"car repair"``.

Run it from the repository root (stdlib only, no network, deterministic: two runs give
byte-identical files; a few seconds):

    python data/generators/summarization.py             # writes data/summarization/*.jsonl
    python data/generators/summarization.py --check     # re-reads the files and checks them
    python data/generators/summarization.py --show 5    # ... and prints 5 random train rows

How it works: every topic has its own script with alternative paths (optional turns,
objections, different outcomes) and several phrasings per turn; topics are visited
round-robin with one seeded generator per (topic, k). Dialogues outside 4-16 turns or
60-250 words are skipped, and so is any dialogue whose word 3-shingle Jaccard similarity
with an earlier one is >= 0.8 (inverted shingle index, exact Jaccard on candidates).
The kept rows are shuffled with a fixed seed and cut into train/validation/test.

Scripts: summ_services.py (errands and services), summ_life.py (work, school, housing,
health), summ_social.py (friends, family, leisure), summ_more.py (more errands and home
life); summ_common.py holds the shared Ctx helper, name pools and paraphrases.

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
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from summ_common import FEMALE, LAST, MALE, Ctx  # noqa: E402
import summ_services  # noqa: E402
import summ_life  # noqa: E402
import summ_social  # noqa: E402
import summ_more  # noqa: E402

SEED = 1128
OUT_DIR = HERE.parent / "summarization"
# Target sizes: a little above the 1,500/200/200 minimum so later dedup can drop a few rows.
SPLIT_SIZES = {"train": 1700, "validation": 220, "test": 220}
MIN_TURNS, MAX_TURNS = 4, 16
MIN_WORDS, MAX_WORDS = 60, 250
NEAR_DUP_JACCARD = 0.8  # word 3-shingle Jaccard at or above this counts as a near duplicate
# Topics where the speakers know each other (friends, family, colleagues), so they may
# call each other by first name without an introduction.
FAMILIAR_TOPICS = {
    "work", "work deadline", "exam results", "moving house", "health", "travel", "leisure", "sports",
    "birthday party", "wedding plans", "weather/plans", "cooking", "gardening", "family", "dinner invitation",
    "cinema", "flatmates", "babysitting", "study group", "concert tickets", "borrowing money",
}
TURN_RE = re.compile(r"^#Person[123]#: .+")
POOL_NAMES = set(FEMALE + MALE + LAST)

SCENARIOS: dict = {}
for module in (summ_services, summ_life, summ_social, summ_more):
    for topic, fn in module.SCENARIOS.items():
        if topic in SCENARIOS:
            raise ValueError(f"topic {topic!r} is defined twice (second time in {module.__name__})")
        SCENARIOS[topic] = fn


def shingles(text: str, n: int = 3) -> set:
    """Word n-shingles of a dialogue, lower-cased, speaker tags dropped."""
    words = re.findall(r"[a-z0-9$']+", re.sub(r"#Person\d#:", " ", text.lower()))
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


class NearDupIndex:
    """Inverted index from shingle to row ids; exact Jaccard only on candidate pairs.

    Example:
        idx = NearDupIndex(0.8)
        idx.add_if_new("a b c d e")   # True, kept
        idx.add_if_new("a b c d e")   # False, a duplicate
    """

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.sets: list[set] = []

    def most_similar(self, sh: set) -> float:
        counts = Counter()
        for s in sh:
            for j in self.postings.get(s, ()):
                counts[j] += 1
        best = 0.0
        for j, inter in counts.items():
            # Jaccard = |A & B| / |A | B|; the shared-shingle count is exactly |A & B|.
            jac = inter / (len(sh) + len(self.sets[j]) - inter)
            best = max(best, jac)
        return best

    def add_if_new(self, text: str) -> bool:
        sh = shingles(text)
        if not sh or self.most_similar(sh) >= self.threshold:
            return False
        idx = len(self.sets)
        self.sets.append(sh)
        for s in sh:
            self.postings[s].append(idx)
        return True


def render(topic: str, k: int):
    """Run one scenario with its own seeded generator; returns (dialogue, summary) or None if out of bounds."""
    rng = random.Random(f"{SEED}:{topic}:{k}")  # str seeds are hashed deterministically (not PYTHONHASHSEED)
    c = Ctx(rng, topic)
    c.familiar = topic in FAMILIAR_TOPICS
    SCENARIOS[topic](c)
    dialogue, summary = c.dialogue_text(), c.summary_text()
    n_words = len(re.sub(r"#Person\d#:", " ", dialogue).split())
    if not (MIN_TURNS <= len(c.turns) <= MAX_TURNS and MIN_WORDS <= n_words <= MAX_WORDS):
        return None
    return dialogue, summary


def generate() -> tuple[dict[str, list[dict]], Counter]:
    """All rows, split; plus counts of the candidates that were skipped and why."""
    total = sum(SPLIT_SIZES.values())
    topics = list(SCENARIOS)
    index = NearDupIndex(NEAR_DUP_JACCARD)
    rows, stats = [], Counter()
    next_k = dict.fromkeys(topics, 0)  # the next seed index to try, per topic
    # Round-robin over topics, one kept row per topic per round, so every topic gets an
    # equal share (a topic whose candidates are often skipped just tries more seeds).
    while len(rows) < total:
        for topic in topics:
            if len(rows) >= total:
                break
            while True:
                k = next_k[topic]
                next_k[topic] += 1
                if k > 2_000:
                    raise RuntimeError(f"topic {topic!r}: too few distinct dialogues; add variety to its script")
                out = render(topic, k)
                if out is None:
                    stats["out_of_bounds"] += 1
                elif not index.add_if_new(out[0]):
                    stats["near_duplicate"] += 1
                else:
                    rows.append({"dialogue": out[0], "summary": out[1], "topic": topic})
                    break
    random.Random(SEED).shuffle(rows)  # fixed, seeded split assignment
    splits, start = {}, 0
    for split, size in SPLIT_SIZES.items():
        part = rows[start:start + size]
        start += size
        splits[split] = [{"id": f"summ-{split}-{i + 1:05d}", **r} for i, r in enumerate(part)]
    return splits, stats


def distinct_bigram_ratio(texts) -> float:
    total, seen = 0, set()
    for t in texts:
        w = t.lower().split()
        bigrams = list(zip(w, w[1:]))
        total += len(bigrams)
        seen.update(bigrams)
    return len(seen) / max(total, 1)


def count_sentences(text: str) -> int:
    """Sentence count that does not split at 'a.m.', 'Mr.', 'Dr.' and the like."""
    text = re.sub(r"\b([ap])\.m\.(?=\s+[a-z0-9(]|,|;)", r"\1m", text)  # '3 p.m. on Friday': mid-sentence
    text = re.sub(r"\b([ap])\.m\.", r"\1m.", text)  # '... at 3 p.m.' ending a sentence
    text = re.sub(r"\b(Mr|Ms|Mrs|Dr|St)\.", "X", text)
    return len(re.findall(r"[.!?](?:\s|$)", text))


def check(splits: dict[str, list[dict]], show: int = 0) -> list[str]:
    """Validate the rows; returns a list of problems (empty when all is well) and prints statistics."""
    problems = []
    index = NearDupIndex(NEAR_DUP_JACCARD)
    turn_counts, word_counts = [], []
    for split, rows in splits.items():
        if len(rows) < {"train": 1500}.get(split, 200):
            problems.append(f"{split}: only {len(rows)} rows")
        for row in rows:
            where = f"{split} {row.get('id')}"
            if set(row) != {"id", "dialogue", "summary", "topic"}:
                problems.append(f"{where}: keys {sorted(row)}")
                continue
            lines = row["dialogue"].split("\n")
            bad = [ln for ln in lines if not TURN_RE.match(ln)]
            if bad:
                problems.append(f"{where}: bad turn line {bad[0]!r}")
            if not MIN_TURNS <= len(lines) <= MAX_TURNS:
                problems.append(f"{where}: {len(lines)} turns")
            turn_counts.append(len(lines))
            word_counts.append(len(re.sub(r"#Person\d#:", " ", row["dialogue"]).split()))
            n_sent = count_sentences(row["summary"])
            if not 1 <= n_sent <= 3:
                problems.append(f"{where}: summary has {n_sent} sentences: {row['summary']!r}")
            if "{" in row["dialogue"] + row["summary"] or "  " in row["summary"]:
                problems.append(f"{where}: formatting residue")
            # Faithfulness of references: every #PersonN# and every pool name in the
            # summary must occur in the dialogue; no speaker has two turns in a row.
            for ref in set(re.findall(r"#Person\d#", row["summary"])):
                if ref not in row["dialogue"]:
                    problems.append(f"{where}: summary mentions {ref}, who does not speak")
            for name in set(re.findall(r"[A-Z][a-z'-]+", row["summary"])) & POOL_NAMES:
                if not re.search(rf"\b{re.escape(name)}\b", row["dialogue"]):
                    problems.append(f"{where}: summary names {name}, who is not named in the dialogue")
            tags = [ln.split(":")[0] for ln in lines]
            if any(a == b for a, b in zip(tags, tags[1:])):
                problems.append(f"{where}: the same speaker has two turns in a row")
            if not index.add_if_new(row["dialogue"]):
                problems.append(f"{where}: near duplicate of an earlier dialogue")
    train = splits.get("train", [])
    topics = Counter(r["topic"] for rows in splits.values() for r in rows)
    ratio = distinct_bigram_ratio(r["summary"] for r in train)
    turn_counts.sort(), word_counts.sort()
    n = len(turn_counts)
    print(f"rows: " + ", ".join(f"{s}={len(r)}" for s, r in splits.items()) + f"; topics: {len(topics)}")
    print(f"turns: min {turn_counts[0]}, median {turn_counts[n // 2]}, max {turn_counts[-1]}; "
          f"share 6-12 turns: {sum(6 <= t <= 12 for t in turn_counts) / n:.2f}")
    print(f"words: min {word_counts[0]}, median {word_counts[n // 2]}, p90 {word_counts[int(n * 0.9)]}, max {word_counts[-1]}")
    print(f"3-speaker dialogues: {sum('#Person3#' in r['dialogue'] for rs in splits.values() for r in rs)}")
    print(f"summary distinct-bigram ratio (train): {ratio:.3f}")
    print(f"near duplicates (3-shingle Jaccard >= {NEAR_DUP_JACCARD}) across all splits: "
          f"{sum('near duplicate' in p for p in problems)}")
    if len(topics) < 40:
        problems.append(f"only {len(topics)} topics")
    rng = random.Random(show)
    for row in rng.sample(train, min(show, len(train))):
        print("\n" + "-" * 70 + f"\n[{row['id']} | {row['topic']}]\n{row['dialogue']}\nSUMMARY: {row['summary']}")
    return problems


def write(splits) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for split, rows in splits.items():
        with open(OUT_DIR / f"{split}.jsonl", "w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def read() -> dict[str, list[dict]]:
    splits = {}
    for split in SPLIT_SIZES:
        path = OUT_DIR / f"{split}.jsonl"
        with open(path, encoding="utf-8") as f:
            splits[split] = [json.loads(line) for line in f]
    return splits


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="check the written files instead of generating")
    ap.add_argument("--show", type=int, default=0, help="print this many random train examples")
    args = ap.parse_args(argv)
    if args.check:
        splits = read()
    else:
        t0 = time.perf_counter()
        splits, stats = generate()
        write(splits)
        print(f"generated in {time.perf_counter() - t0:.1f}s; skipped candidates: {dict(stats)}")
    problems = check(splits, show=args.show)
    for p in problems[:30]:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
