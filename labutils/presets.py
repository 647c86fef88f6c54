"""Real datasets one argument away: named presets for DialogSum, Rotten Tomatoes, WikiANN and SQuAD.

A preset knows where a dataset lives on the Hugging Face hub, which splits it has, which lab task
it feeds, and how one of its raw rows becomes a row of that task's schema (the *converter*: integer
labels to words, IOB2 tags to entity spans, SQuAD's answer lists to one answer). The converted rows
then go through :mod:`labutils.data`'s validation like any other file, so a bad row is reported with
its location.

A *data source* names where a task's rows come from, in one string that the CLI (``--data``),
:func:`labutils.evaluate.evaluate_task` (``data=``) and the notebooks (``data_source``) accept:

==================================  ===========================================================
source                              rows
==================================  ===========================================================
``None``                            the bundled split (``data/<task>/<split>.jsonl``)
``reviews.csv``                     a file in the task's schema (:func:`labutils.data.load_file`)
``hub:rotten_tomatoes``             the preset's split from the hub (needs the internet or the hub cache)
``hub:squad:train[:500]``           an explicit hub split (slices work too)
``hub:wikiann:test=downloads/wa``   the preset's raw files, read locally (a file, or a folder
                                    holding ``test*.parquet``/``.jsonl``/``.json``/``.csv``)
==================================  ===========================================================

Example:
    >>> from labutils.presets import load_preset, load_source
    >>> reviews = load_preset("rotten_tomatoes", "test", limit=200)           # doctest: +SKIP
    >>> local = load_source("hub:rotten_tomatoes=rt/test.parquet", "sentiment")  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

import datasets

from labutils.data import _to_dataset, load_file, load_task
from labutils.readers import DataError, display_path, reader_for
from labutils.tasks import check_task

HUB_PREFIX = "hub:"

# Rotten Tomatoes' integer classes (its dataset card: 0 = neg, 1 = pos).
BINARY_SENTIMENT = {0: "negative", 1: "positive"}
# WikiANN's ner_tags, IOB2 (its dataset card): B- starts an entity, I- continues it.
WIKIANN_TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")


def _structured(row: Mapping[str, Any], name: str) -> Any:
    """``row[name]``; a CSV cell holding a JSON list or object is parsed first."""
    if name not in row or row[name] is None:
        raise DataError(f"missing field '{name}' (the row has: {', '.join(map(str, row))})",
                        field=name, reason=f"{name}: missing")
    value = row[name]
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            pass
    return value


def _list(row: Mapping[str, Any], name: str, value: Any = None) -> list:
    """``row[name]`` (or ``value``, read from it) as a list; anything else is refused naming the field."""
    value = _structured(row, name) if value is None else value
    if isinstance(value, (str, bytes, Mapping)) or not hasattr(value, "__iter__"):
        raise DataError(f"field '{name}' must be a list, got {type(value).__name__} {str(value)[:40]!r}",
                        field=name, reason=f"{name}: not a list")
    return list(value)


def convert_dialogsum(row: Mapping[str, Any]) -> dict[str, Any]:
    """DialogSum already has the schema: ``id``, ``dialogue`` (``#Person1#: ...``), ``summary``, ``topic``."""
    return {key: row[key] for key in ("id", "dialogue", "summary", "topic") if key in row}


def convert_rotten_tomatoes(row: Mapping[str, Any]) -> dict[str, Any]:
    """``text`` and an integer ``label`` (0/1; ``"0"``/``"1"`` in a CSV) -> ``negative``/``positive``."""
    label = row.get("label")
    if isinstance(label, str) and label.strip().isdigit():
        label = int(label)
    if isinstance(label, float) and label.is_integer():  # 1.0 from a CSV or a float column
        label = int(label)
    # An unknown class stays as it is, so that validation names the bad value.
    known = BINARY_SENTIMENT.get(label, label) if isinstance(label, (int, str)) else label
    return {"id": row.get("id"), "text": row.get("text"), "label": known}


def iob2_spans(tokens: list[str], tags: list[Any]) -> list[dict[str, str]]:
    """Entity spans ``[{"type", "text"}]`` from IOB2 tags, with the tokens joined by spaces.

    An ``I-`` tag that does not continue an entity of its type starts one (a lenient reading
    of a tagging slip, as seqeval's default does).

    Example:
        >>> iob2_spans(["Ada", "Lovelace", "visited", "New", "York"], [1, 2, 0, 5, 6])
        [{'type': 'PER', 'text': 'Ada Lovelace'}, {'type': 'LOC', 'text': 'New York'}]
    """
    if len(tokens) != len(tags):
        raise DataError(f"'tokens' has {len(tokens)} items but 'ner_tags' has {len(tags)}",
                        field="ner_tags", reason="ner_tags: length differs from tokens")
    spans: list[tuple[str, list[str]]] = []
    open_type = None
    for token, tag in zip(tokens, tags):
        if isinstance(tag, int) and not isinstance(tag, bool):
            if not 0 <= tag < len(WIKIANN_TAGS):
                raise DataError(f"ner tag {tag} is not one of 0..{len(WIKIANN_TAGS) - 1} ({', '.join(WIKIANN_TAGS)})",
                                field="ner_tags", reason="ner_tags: unknown tag")
            tag = WIKIANN_TAGS[tag]
        if tag not in WIKIANN_TAGS:
            raise DataError(f"ner tag {tag!r} is not one of {', '.join(WIKIANN_TAGS)}",
                            field="ner_tags", reason="ner_tags: unknown tag")
        if tag == "O":
            open_type = None
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "I" and open_type == kind:
            spans[-1][1].append(token)
        else:
            spans.append((kind, [token]))
            open_type = kind
    return [{"type": kind, "text": " ".join(words)} for kind, words in spans]


def convert_wikiann(row: Mapping[str, Any]) -> dict[str, Any]:
    """``tokens`` and integer ``ner_tags`` -> ``text`` (tokens joined by spaces) and entity spans."""
    tokens = [str(token) for token in _list(row, "tokens")]
    tags = _list(row, "ner_tags")
    return {"id": row.get("id"), "text": " ".join(tokens), "entities": iob2_spans(tokens, tags)}


def convert_squad(row: Mapping[str, Any]) -> dict[str, Any]:
    """``answers: {"text": [...], "answer_start": [...]}`` -> ``answer``, the first answer text."""
    answers = _structured(row, "answers")
    texts = answers.get("text") if isinstance(answers, Mapping) else None
    texts = _list(row, "answers", texts) if texts is not None else None  # a bare string would give its first letter
    if not texts:
        raise DataError(f"field 'answers' has no answer text, got {str(answers)[:60]!r}",
                        field="answer", reason="answer: no answer in 'answers'")
    return {"id": row.get("id"), "context": row.get("context"), "question": row.get("question"), "answer": texts[0]}


@dataclass(frozen=True)
class Preset:
    """One hub dataset the lab knows how to read.

    Attributes:
        name: the short name after ``hub:`` (``"rotten_tomatoes"``).
        hub_id: the dataset's id on the hub (``"knkarthick/dialogsum"``).
        config: its configuration (WikiANN's language, ``"en"``), or None.
        task: the lab task its rows feed.
        splits: the hub's split names.
        convert: a raw row -> a row of the task's schema (validated afterwards).
        test_split: the split scored when the lab asks for ``"test"`` (SQuAD's test answers are
            hidden, so its validation split is the usual test set).
    """

    name: str
    hub_id: str
    config: str | None
    task: str
    splits: tuple[str, ...]
    convert: Callable[[Mapping[str, Any]], dict[str, Any]]
    test_split: str = "test"

    def hub_split(self, split: str) -> str:
        """The hub split for a lab split name (``"test"`` -> ``test_split``); slices pass through."""
        base = split.split("[", 1)[0]
        if base in self.splits:
            return split
        if base == "test":
            return self.test_split + split[len(base):]
        raise DataError(f"hub:{self.name} has no split {split!r}; its splits: {', '.join(self.splits)}")


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset("dialogsum", "knkarthick/dialogsum", None, "summarization",
               ("train", "validation", "test"), convert_dialogsum),
        Preset("rotten_tomatoes", "rotten_tomatoes", None, "sentiment",
               ("train", "validation", "test"), convert_rotten_tomatoes),
        Preset("wikiann", "wikiann", "en", "ner", ("train", "validation", "test"), convert_wikiann),
        Preset("squad", "squad", None, "qa", ("train", "validation"), convert_squad, test_split="validation"),
    )
}


def check_preset(name: str) -> Preset:
    """The preset called ``name`` (its short name or hub id); an unknown one lists the known presets.

    Example:
        >>> check_preset("knkarthick/dialogsum").task
        'summarization'
    """
    by_id = {preset.hub_id: preset for preset in PRESETS.values()}
    if name in PRESETS or name in by_id:
        return PRESETS.get(name) or by_id[name]
    close = difflib.get_close_matches(str(name), [*PRESETS, *by_id], n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    known = ", ".join(f"{preset.name} ({preset.hub_id}, {preset.task})" for preset in PRESETS.values())
    raise DataError(f"unknown dataset preset {name!r}; known presets: {known}.{hint} "
                    "Other hub datasets load with labutils.data.load_hub(name, task, field_map=...).")


def _local_files(path: Path, preset: Preset, split: str) -> list[Path]:
    """``path`` itself, or the files of ``split`` in a folder laid out as the hub serves them
    (``test.csv``, ``test-00000-of-00001.parquet``, ``en/test-...``)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise DataError(f"file not found: {path}")
    root = path / preset.config if preset.config and (path / preset.config).is_dir() else path
    base = split.split("[", 1)[0]
    suffixes = (".parquet", ".jsonl", ".json", ".csv")
    files = sorted(file for file in root.rglob("*") if file.is_file() and file.suffix.lower() in suffixes
                   and (file.stem == base or file.stem.startswith((f"{base}-", f"{base}_", f"{base}."))))
    if not files:
        raise DataError(f"no {base} file in {path} (looked for {base}.parquet, {base}-*.parquet, "
                        f"{base}.jsonl, {base}.json or {base}.csv)")
    return files


def _read_local(files: Iterable[Path]) -> Iterator[tuple[str, Any]]:
    for file in files:
        yield from reader_for(file)(file, display_path(file))


def _converted(records: Iterable[tuple[str, Any]], preset: Preset) -> Iterator[tuple[str, Any]]:
    """Each raw record through the preset's converter; a row it can't convert becomes its DataError."""
    for location, record in records:
        if isinstance(record, Mapping):
            try:
                record = preset.convert(record)
            except DataError as error:
                record = error
        yield location, record


def load_preset(
    name: str,
    split: str = "test",
    *,
    task: str | None = None,
    data_files: str | os.PathLike | None = None,
    limit: int | None = None,
    on_error: str = "raise",
    **load_kwargs: Any,
) -> datasets.Dataset:
    """Load a preset's split as a validated task dataset, from the hub or from local raw files.

    Args:
        name: a preset name or hub id (see :data:`PRESETS`).
        split: a lab split (``"test"`` maps to the preset's ``test_split``) or a hub split,
            slices included (``"train[:1000]"``).
        task: the task the caller expects; a preset of another task is refused.
        data_files: read this file, or the split's files in this folder, in the hub's raw schema
            (Parquet, JSON lines, JSON or CSV) instead of asking the hub.
        limit: keep the first ``limit`` valid rows.
        on_error, **load_kwargs: as in :func:`labutils.data.load_hub`.

    Example:
        >>> ner = load_preset("wikiann", "validation", limit=500)     # doctest: +SKIP
        >>> ner[0]["entities"]                                         # doctest: +SKIP
        [{'type': 'LOC', 'text': 'Lake Tahoe'}]
    """
    preset = check_preset(name)
    if task is not None and check_task(task, DataError).name != preset.task:
        raise DataError(f"hub:{preset.name} ({preset.hub_id}) is a {preset.task} dataset, not {task}; "
                        f"use --task {preset.task}")
    if limit is not None and limit < 1:
        raise DataError(f"limit must be a positive number of rows (or None for all), got {limit}")
    hub_split = preset.hub_split(split)
    if data_files is not None:
        files = _local_files(Path(data_files), preset, hub_split)
        source = f"hub:{preset.name}[{hub_split}] from {display_path(Path(data_files))}"
        records = _read_local(files)
    else:
        source = f"{preset.hub_id}[{hub_split}]"
        try:
            raw = datasets.load_dataset(preset.hub_id, preset.config, split=hub_split, **load_kwargs)
        except Exception as err:  # offline, no cache, a bad slice...
            raise DataError(
                f"could not load {source} from the Hugging Face hub: {type(err).__name__}: {err}. Offline? "
                f"Point at a local copy: hub:{preset.name}:{split}=FOLDER_OR_FILE (data_files=...)") from err
        records = ((f"{source} row {number}", row) for number, row in enumerate(raw, start=1))
    return _to_dataset(_converted(records, preset), preset.task, source, on_error=on_error,
                       id_prefix=f"{preset.name}-{hub_split.split('[', 1)[0]}", limit=limit)


def parse_source(source: str) -> tuple[str, str | None, str | None]:
    """``"hub:NAME[:SPLIT][=PATH]"`` -> ``(NAME, SPLIT or None, PATH or None)``.

    Example:
        >>> parse_source("hub:squad:train[:100]=squad/")
        ('squad', 'train[:100]', 'squad/')
    """
    if not source.startswith(HUB_PREFIX):
        raise DataError(f"not a hub source: {source!r}; write hub:NAME, hub:NAME:SPLIT or hub:NAME:SPLIT=PATH")
    spec, _, path = source[len(HUB_PREFIX):].partition("=")
    name, _, split = spec.partition(":")
    if not name:
        raise DataError(f"{source!r} names no preset; known presets: {', '.join(PRESETS)}")
    return name, split or None, path or None


def local_path(source: str | os.PathLike | None) -> str | None:
    """The local file a source reads (a file path, or ``hub:NAME...=FILE``), else None (bundled, hub, a folder).

    Example:
        >>> local_path("hub:squad") is None
        True
    """
    if source is None:
        return None
    path = parse_source(str(source))[2] if str(source).startswith(HUB_PREFIX) else source
    return str(path) if path and Path(path).expanduser().is_file() else None


def load_source(source: str | os.PathLike | None, task: str, split: str = "test", *,
                limit: int | None = None, on_error: str = "raise") -> datasets.Dataset:
    """A task's rows from a data source: None (bundled split), a file, or ``hub:NAME[:SPLIT][=PATH]``.

    ``split`` is the lab split to read; a split written in the source wins over it.

    Example:
        >>> load_source("hub:rotten_tomatoes", "sentiment", "validation", limit=100)  # doctest: +SKIP
    """
    if source is None:
        return load_task(task, split, limit=limit)
    if isinstance(source, str) and source.startswith(HUB_PREFIX):
        name, own_split, path = parse_source(source)
        return load_preset(name, own_split or split, task=task, data_files=path, limit=limit, on_error=on_error)
    data = load_file(source, task, on_error=on_error)
    return data.select(range(min(limit, len(data)))) if limit is not None else data
