"""Shared helpers for the bundled-data generators (stdlib only).

Every generator builds its rows from a single ``random.Random(seed)`` and writes
them with :func:`write_splits`, so running it twice gives byte-identical files.
Nothing here iterates over a ``set`` or ``dict`` built from random data in an
order that depends on hashing: Python salts ``str`` hashes per process, and that
would make the output change from run to run.

The name pools below were written for this project. Real place names are used
as plain facts (a city is a city); every person and organisation is fictional.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1]          # .../data
REPO_ROOT = DATA_DIR.parent

# Make `labutils` (the task records) and data/datacard.py (the duplicate check) importable when
# a generator is run as a plain script (`python data/generators/ner.py`) from any checkout.
for _path in (REPO_ROOT, DATA_DIR):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from labutils.tasks import SPLITS  # noqa: E402  (train, validation, test, test_heldout)

# --------------------------------------------------------------------------- names
# First names and surnames from many languages, so that models do not learn that
# "a person" means an English name.
FIRST_NAMES = [
    "Amara", "Tomasz", "Leila", "Kenji", "Sofia", "Mateo", "Ingrid", "Oluwaseun", "Priya", "Rafael",
    "Mei", "Dmitri", "Aisha", "Lars", "Camila", "Nikhil", "Elena", "Kwame", "Hana", "Jonas",
    "Fatima", "Luca", "Yuki", "Chidi", "Marta", "Arjun", "Zeynep", "Henrik", "Lucia", "Tariq",
    "Noor", "Pablo", "Astrid", "Emeka", "Ji-woo", "Clara", "Omar", "Sigrid", "Thabo", "Valentina",
    "Ravi", "Freya", "Kofi", "Beatriz", "Anders", "Mariam", "Stefan", "Ayumi", "Diego", "Nadia",
    "Samuel", "Grace", "Felix", "Rosa", "Malik", "Ines", "Pieter", "Lina", "Hugo", "Esther",
    "Bongani", "Margarethe", "Tenzin", "Alejandro", "Keiko", "Yusuf", "Annika", "Rohan", "Wanjiru", "Marek",
]
SURNAMES = [
    "Okafor", "Lindqvist", "Haddad", "Tanaka", "Moreau", "Alvarez", "Kowalski", "Mensah", "Sharma", "Costa",
    "Chen", "Volkov", "Rahman", "Eriksen", "Herrera", "Iyer", "Petrova", "Asante", "Kim", "Becker",
    "Nakamura", "Oyelaran", "Fischer", "Ruiz", "Novak", "Abubakar", "Dubois", "Jansen", "Yilmaz", "Gallo",
    "Mwangi", "Sato", "Brennan", "Castillo", "Nguyen", "Okonkwo", "Lund", "Mahlangu", "Ferreira", "Kaur",
    "Whitfield", "Demir", "Ishikawa", "Ramos", "Achterberg", "Banerjee", "Osei", "Marchetti", "Holm", "Adeyemi",
    "Zhou", "Karlsson", "Santos", "Hoffmann", "Mbeki", "Vasquez", "Park", "Quinn", "Fontaine", "Sokolov",
]

# --------------------------------------------------------------------------- places
CITIES = [
    "Lisbon", "Nairobi", "Osaka", "Montreal", "Krakow", "Lagos", "Valparaiso", "Gothenburg", "Hanoi", "Dublin",
    "Accra", "Porto", "Seville", "Tbilisi", "Brisbane", "Edinburgh", "Marrakesh", "Bergen", "Cebu", "Leipzig",
    "Mombasa", "Cusco", "Tallinn", "Kyoto", "Bilbao", "Halifax", "Chennai", "Izmir", "Wellington", "Lyon",
    "Kampala", "Trieste", "Busan", "Quito", "Ghent", "Durban", "Tampere", "Oaxaca", "Adelaide", "Riga",
]
COUNTRIES = [
    "Portugal", "Kenya", "Japan", "Canada", "Poland", "Nigeria", "Chile", "Sweden", "Vietnam", "Ireland",
    "Ghana", "Spain", "Georgia", "Australia", "Scotland", "Morocco", "Norway", "Philippines", "Germany",
    "Peru", "Estonia", "Turkey", "New Zealand", "France", "Uganda", "Italy", "South Korea", "Ecuador",
    "Belgium", "South Africa", "Finland", "Mexico", "Latvia", "India", "Brazil", "Iceland",
]
# Fictional towns and regions, so that LOC is not only famous names.
FICTIONAL_TOWNS = [
    "Marrowfield", "Kestrel Bay", "Oldcastle Mills", "Brindmoor", "Santa Lucerna", "Velden", "Ashcombe",
    "Port Alder", "Torrin", "Greyhaven", "Lowell Ridge", "Fenwick", "Caldera Springs", "Northmere",
    "Ravensholm", "Eastbrook", "Willowmere", "Stonebridge", "Harrowgate Vale", "Doverly",
]
REGIONS = [
    "the Andes", "the Alps", "the Sahara", "Patagonia", "the Baltic coast", "the Rift Valley",
    "the Scottish Highlands", "Lapland", "the Mekong Delta", "the Atacama Desert", "Tasmania", "Anatolia",
]
RIVERS = ["the Danube", "the Douro", "the Rhine", "the Mekong", "the Volta", "the Tagus", "the Vistula",
          "the Loire", "the Shannon", "the Amazon", "the Niger", "the Elbe"]

# --------------------------------------------------------------------------- wordings
# A line may carry inline alternatives, "[a|b|c]", expanded at random. With a *partition*,
# every choice among wordings is split by a stable hash: about a third of the options (at least
# one) are reserved for "eval" rows, the rest for "train" rows (see summarization's held-out wordings).


@functools.lru_cache(maxsize=None)
def eval_options(options: tuple) -> frozenset:
    """Indices of the options reserved for evaluation: ceil(n / 3) of them, chosen by a stable hash.

    Example:
        >>> sorted(eval_options(("Hi", "Hello", "Hey")))
        [1]
    """
    if len(set(options)) < 2:
        return frozenset()
    ranked = sorted(range(len(options)), key=lambda i: hashlib.md5(options[i].encode("utf-8")).hexdigest())
    return frozenset(ranked[:math.ceil(len(options) / 3)])


@functools.lru_cache(maxsize=None)
def _share(options: tuple, partition: str) -> tuple:
    """The options one partition may draw: the held-out ones for "eval", the others for "train"."""
    if len(set(options)) < 2:
        return options
    held = eval_options(options)
    return tuple(o for i, o in enumerate(options) if (i in held) == (partition == "eval"))


def choose(rng, options, partition: str | None = None):
    """One of ``options`` at random; with ``partition`` ("train" / "eval") only from that side's share."""
    options = tuple(options)
    return rng.choice(options if partition is None else _share(options, partition))

# --------------------------------------------------------------------------- inline alternatives

_ALTERNATIVE = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")


def expand(rng, text: str, partition: str | None = None) -> str:
    """Replace every ``[a|b|c]`` by one of its options (see :func:`choose`), innermost first.

    Example:
        >>> import random
        >>> expand(random.Random(0), "[Hi|Hello], [my name is|I'm] Ana.") in {
        ...     "Hi, my name is Ana.", "Hi, I'm Ana.", "Hello, my name is Ana.", "Hello, I'm Ana."}
        True
    """
    while True:
        match = _ALTERNATIVE.search(text)
        if not match:
            return text
        text = text[:match.start()] + choose(rng, match.group(1).split("|"), partition) + text[match.end():]


# --------------------------------------------------------------------------- helpers


def person(rng) -> str:
    """A random full name, e.g. ``"Amara Lindqvist"``."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def capitalize_first(text: str) -> str:
    """Upper-case the first character only (``str.capitalize`` would lower the rest)."""
    return text[:1].upper() + text[1:]


def tidy(text: str) -> str:
    """Collapse doubled spaces and fix spacing before punctuation left by optional slots."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return text


def fix_articles(text: str) -> str:
    """Turn "a" into "an" before a vowel: "a economist" -> "an economist".

    "u" is left out on purpose: the lists hold "a university town", never "an umbrella".
    """
    return re.sub(r"\b([Aa]) (?=[aeioAEIO])", r"\1n ", text)


def dedupe(rows: list[dict], key: str, threshold: float = 0.8) -> list[dict]:
    """Drop rows whose ``key`` text is an exact or near duplicate of an earlier row.

    Uses :func:`datacard.near_duplicates` (data/datacard.py), the same check the tests
    run, so a generator can never write data the tests would reject. The first row of
    each near-duplicate pair is kept.
    """
    from datacard import near_duplicates

    texts = [row[key] for row in rows]
    drop = {j for _i, j, _score in near_duplicates(texts, threshold=threshold)}
    return [row for index, row in enumerate(rows) if index not in drop]


def cut_splits(rng, seen: list[dict], held: list[dict], sizes: dict[str, int], key: str) -> dict[str, list[dict]]:
    """Rows for every split: ``seen`` candidates cut into train / validation / test, ``held`` into test_heldout.

    Near duplicates are dropped over both lists at once (see :func:`dedupe`), so no held-out
    row is a near copy of a seen one either; the seen rows are then shuffled with ``rng``.
    """
    kept = dedupe([{**row, "_held": False} for row in seen] + [{**row, "_held": True} for row in held], key=key)
    seen = [{k: v for k, v in row.items() if k != "_held"} for row in kept if not row["_held"]]
    held = [{k: v for k, v in row.items() if k != "_held"} for row in kept if row["_held"]]
    seen_sizes = {split: size for split, size in sizes.items() if split != "test_heldout"}
    if len(seen) < sum(seen_sizes.values()) or len(held) < sizes["test_heldout"]:
        raise RuntimeError(f"only {len(seen)} + {len(held)} distinct rows; add frames or candidates")
    rng.shuffle(seen)
    splits, start = {}, 0
    for split, size in seen_sizes.items():
        splits[split] = seen[start:start + size]
        start += size
    splits["test_heldout"] = held[:sizes["test_heldout"]]
    return splits


def render_split(prefix: str, split: str, rows: list[dict]) -> str:
    """The JSONL text of one split: ids ``<prefix>-<split>-00001`` ..., ``id`` first in every object."""
    lines = []
    for number, row in enumerate(rows, start=1):
        record = {"id": f"{prefix}-{split}-{number:05d}", **row}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


def write_splits(task: str, prefix: str, splits: dict[str, list[dict]]) -> None:
    """Write ``data/<task>/<split>.jsonl`` for every split (see :func:`render_split`)."""
    out_dir = DATA_DIR / task
    out_dir.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        path = out_dir / f"{split}.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(render_split(prefix, split, splits[split]))
        print(f"wrote {len(splits[split]):5d} rows to {path.relative_to(REPO_ROOT)}")
