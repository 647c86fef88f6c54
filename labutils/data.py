"""Task data: the bundled splits, your own files and Hugging Face hub datasets.

Every loader returns a :class:`datasets.Dataset` whose columns are exactly the task's
schema (extra source fields are dropped), and every row is checked by :func:`validate_row`
first, so a typo in line 7 of a file fails with ``line 7`` in the message instead of a
confusing crash deep inside training or evaluation.

The four task schemas (one JSON object per line; extra fields are allowed and ignored):

=============  ===========================================================================
task           fields
=============  ===========================================================================
summarization  ``id``, ``dialogue`` (turns on separate lines, ``#Person1#: ...``), ``summary``, optional ``topic``
sentiment      ``id``, ``text``, ``label`` (``"positive"`` or ``"negative"``)
ner            ``id``, ``text``, ``entities``: list of ``{"type": "PER"|"ORG"|"LOC", "text": ...}``
qa             ``id``, ``context``, ``question``, ``answer`` (copied verbatim from ``context``)
=============  ===========================================================================

Notebook ``02_instruction_datasets`` introduces these loaders.

Example:
    >>> from labutils.data import load_task, load_file
    >>> train = load_task("sentiment", "train", limit=100)
    >>> mine = load_file("reviews.csv", "sentiment", field_map={"text": "review"})
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import datasets

from labutils.readers import QUOTE_CHARS, DataError, display_path, reader_for, read_json_lines
from labutils.tasks import SPLITS, TASKS, TaskError, check_task

# A dialogue turn tag as DialogSum writes it: "#Person1#: Hello." at the start of a line.
TURN_TAG = re.compile(r"^#Person\d+#:", re.MULTILINE)

# Arrow column types, spelled out so that a file whose rows all have `"entities": []`
# still gets a list-of-structs column (Arrow would otherwise infer a "null" type).
_STRING = datasets.Value("string")
FEATURES: dict[str, datasets.Features] = {
    name: datasets.Features(
        {column: datasets.List({"type": _STRING, "text": _STRING}) if column == "entities" else _STRING
         for column in task.fields}
    )
    for name, task in TASKS.items()
}


class SkippedRowsWarning(UserWarning):
    """Warned by a loader with ``on_error="skip"`` that dropped rows; ``.report`` holds the counts."""

    def __init__(self, report: "SkipReport"):
        super().__init__(str(report))
        self.report = report


@dataclass
class SkipReport:
    """What ``on_error="skip"`` left out of one source.

    Attributes:
        source: the file (or hub dataset and split) that was read.
        kept: rows in the returned dataset.
        skipped: rows left out.
        reasons: number of skipped rows per reason, e.g. ``{"label: not positive/negative": 3}``.
        examples: the full error messages of the first few skipped rows (file, line, field).
    """

    source: str
    kept: int = 0
    skipped: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        why = "; ".join(f"{count} x {reason}" for reason, count in self.reasons.most_common())
        text = f"{self.source}: kept {self.kept} rows, skipped {self.skipped} ({why})"
        if self.examples:
            text += "".join(f"\n  - {example}" for example in self.examples)
        return text


# ---------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------


def _short(value: Any) -> str:
    """repr() of a value, cut to a readable length for error messages."""
    text = repr(value)
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 3] + "..."


def _check_text(row: Mapping[str, Any], name: str, where: str | None = None) -> str:
    """Return row[name] if it is a non-empty string, else raise a DataError naming the field.

    ``where``: the field as the message names it, when it is nested (``entities[0].text``).
    """
    value = row[name]
    field = where.split("[")[0] if where else name  # the row's field; skipped-row reports count by it
    label = f"{field}: {name}" if where else name
    if not isinstance(value, str):
        raise DataError(
            f"field '{where or name}' must be a string, got {type(value).__name__} {_short(value)}",
            field=field,
            reason=f"{label}: not a string",
        )
    if not value.strip():
        raise DataError(f"field '{where or name}' is empty", field=field, reason=f"{label}: empty")
    return value


def validate_row(task: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Check one row against ``task``'s schema and return it reduced to the schema's fields.

    Raises :class:`DataError` naming the field: a missing field, a wrong type, an empty string,
    a sentiment label other than ``positive``/``negative``, an entity type other than
    PER/ORG/LOC, an entity or answer that is not copied verbatim from its text, or a dialogue
    without ``#PersonN#:`` turn tags. The message carries no location; the loaders add
    ``<file> line <n>:`` in front.

    An integer ``id`` is accepted and turned into a string, so ids are one type in a dataset.

    Example:
        >>> validate_row("sentiment", {"id": "1", "text": "Loved it.", "label": "positive", "stars": 5})
        {'id': '1', 'text': 'Loved it.', 'label': 'positive'}
        >>> validate_row("sentiment", {"id": "1", "text": "Loved it.", "label": "pos"})
        Traceback (most recent call last):
        ...
        labutils.data.DataError: field 'label' must be 'positive' or 'negative', got 'pos'
    """
    spec = _check_task(task)
    if not isinstance(row, Mapping):
        raise DataError(
            f"expected a JSON object with fields {', '.join(spec.fields)}, got {type(row).__name__}",
            reason="row: not an object",
        )
    for name in ("id", *spec.required):
        if name not in row or row[name] is None:
            have = ", ".join(map(str, row)) or "none"
            raise DataError(
                f"missing field '{name}' (the row has: {have}); "
                f"rename it in the file or pass field_map={{'{name}': '<your field>'}}",
                field=name,
                reason=f"{name}: missing",
            )

    clean: dict[str, Any] = {}
    row_id = row["id"]
    if isinstance(row_id, int) and not isinstance(row_id, bool):
        row_id = str(row_id)
    clean["id"] = _check_text({"id": row_id}, "id")

    if task == "summarization":
        dialogue = _check_text(row, "dialogue")
        if not TURN_TAG.search(dialogue):
            raise DataError(
                "field 'dialogue' has no turn tags: each turn must start a line with "
                f"'#Person1#:', '#Person2#:', ...; got {_short(dialogue)}",
                field="dialogue",
                reason="dialogue: no #PersonN#: turn tags",
            )
        clean["dialogue"] = dialogue
        clean["summary"] = _check_text(row, "summary")

    elif task == "sentiment":
        clean["text"] = _check_text(row, "text")
        label = row["label"]
        if label not in spec.labels:
            hint = (
                "; map integer classes with label_map={0: 'negative', 1: 'positive'}"
                if not isinstance(label, str)
                else ""
            )
            raise DataError(
                f"field 'label' must be 'positive' or 'negative', got {_short(label)}{hint}",
                field="label",
                reason="label: not positive/negative",
            )
        clean["label"] = label

    elif task == "ner":
        text = clean["text"] = _check_text(row, "text")
        entities = row["entities"]
        if not isinstance(entities, list):
            raise DataError(
                f"field 'entities' must be a list of {{'type', 'text'}} objects, "
                f"got {type(entities).__name__} {_short(entities)}",
                field="entities",
                reason="entities: not a list",
            )
        clean["entities"] = []
        for number, entity in enumerate(entities, start=1):
            where = f"entities[{number - 1}]"
            if not isinstance(entity, Mapping) or "type" not in entity or "text" not in entity:
                raise DataError(
                    f"field '{where}' must be an object with 'type' and 'text', got {_short(entity)}",
                    field="entities",
                    reason="entities: malformed entity",
                )
            if entity["type"] not in spec.entity_types:
                raise DataError(
                    f"field '{where}.type' must be PER, ORG or LOC, got {_short(entity['type'])}",
                    field="entities",
                    reason="entities: type not PER/ORG/LOC",
                )
            entity_text = _check_text(entity, "text", f"{where}.text")
            if entity_text not in text:
                raise DataError(
                    f"field '{where}.text' {entity_text!r} does not occur verbatim in field 'text'",
                    field="entities",
                    reason="entities: text not found in sentence",
                )
            clean["entities"].append({"type": entity["type"], "text": entity_text})

    elif task == "qa":
        context = clean["context"] = _check_text(row, "context")
        clean["question"] = _check_text(row, "question")
        answer = clean["answer"] = _check_text(row, "answer")
        if answer not in context:
            raise DataError(
                f"field 'answer' {_short(answer)} is not a span of field 'context' "
                "(it must be copied verbatim, same case and spacing)",
                field="answer",
                reason="answer: not found in context",
            )
    for name in spec.optional:  # kept when present, None when absent: never required
        clean[name] = None if row.get(name) is None else _check_text(row, name)
    return clean


# ---------------------------------------------------------------------------------------
# Reading records: each reader yields (location, row) where row is a dict, or a DataError
# for a line that could not even be parsed, so that on_error="skip" can count it too.
# ---------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------
# From records to a validated Dataset
# ---------------------------------------------------------------------------------------


def _apply_maps(
    record: Mapping[str, Any],
    task: str,
    field_map: Mapping[str, str] | None,
    label_map: Mapping[Any, str] | None,
) -> dict[str, Any]:
    """Rename source fields to schema fields ({schema_field: source_field}) and map labels."""
    row = dict(record)
    for schema_field, source_field in (field_map or {}).items():
        if source_field in record:
            row[schema_field] = record[source_field]
        else:
            raise DataError(
                f"missing field '{source_field}' (mapped to '{schema_field}' by field_map; "
                f"the row has: {', '.join(map(str, record))})",
                field=schema_field,
                reason=f"{schema_field}: missing",
            )
    if label_map and task == "sentiment" and "label" in row:
        label = row["label"]
        # CSV cells are text, so "1" should find the key 1 (and 1 the key "1").
        by_text = {str(key): value for key, value in label_map.items()}
        if label in label_map:
            row["label"] = label_map[label]
        elif str(label) in by_text:
            row["label"] = by_text[str(label)]
    return row


def _check_field_map(task: str, field_map: Mapping[str, str] | None) -> None:
    for schema_field in field_map or {}:
        if schema_field not in check_task(task).fields:
            raise DataError(
                f"field_map key {schema_field!r} is not a field of task {task!r}; field_map goes "
                f"{{schema_field: source_field}} and {task} has: {', '.join(check_task(task).fields)}"
            )


def _check_task(task: str):
    try:
        return check_task(task)
    except TaskError as error:
        raise DataError(str(error)) from None


def _to_dataset(
    records: Iterable[tuple[str, Any]],
    task: str,
    source: str,
    *,
    field_map: Mapping[str, str] | None = None,
    label_map: Mapping[Any, str] | None = None,
    on_error: str = "raise",
    id_prefix: str | None = None,
    limit: int | None = None,
) -> datasets.Dataset:
    """Validate every record and build the Dataset; the one path all loaders share."""
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    rows: list[dict[str, Any]] = []
    report = SkipReport(source=source)
    seen_any = False
    for number, (location, record) in enumerate(records, start=1):
        seen_any = True
        try:
            if isinstance(record, DataError):
                raise record
            if isinstance(record, Mapping):
                record = _apply_maps(record, task, field_map, label_map)
                if id_prefix is not None and record.get("id") is None:
                    # Files and hub sets often have no id column; a stable one helps
                    # to find a row again ("reviews-12" is the 12th row of reviews.csv).
                    record["id"] = f"{id_prefix}-{number}"
            rows.append(validate_row(task, record))
        except DataError as err:
            message = str(err) if str(err).startswith(location) else f"{location}: {err}"
            if on_error == "raise":
                raise DataError(message, field=err.field, reason=err.reason) from None
            report.skipped += 1
            report.reasons[err.reason] += 1
            if len(report.examples) < 3:
                report.examples.append(message)
        if limit is not None and len(rows) >= limit:
            break

    if not seen_any:
        raise DataError(f"{source}: the file has no rows (it is empty or only blank lines)")
    if not rows:
        raise DataError(f"no valid rows left in {source}; every row was skipped:\n{report}")
    dataset = datasets.Dataset.from_list(rows, features=FEATURES[task])
    report.kept = len(rows)
    if report.skipped:
        # The summary travels with the dataset (dataset.info.description) and is warned now.
        dataset.info.description = str(report)
        warnings.warn(SkippedRowsWarning(report), stacklevel=3)
    return dataset


# ---------------------------------------------------------------------------------------
# Public loaders
# ---------------------------------------------------------------------------------------


def data_dir() -> Path:
    """The bundled data folder: ``$LABUTILS_DATA`` if set, else ``data/`` next to the package."""
    override = os.environ.get("LABUTILS_DATA")
    return Path(override) if override else Path(__file__).resolve().parents[1] / "data"


def bundled_fingerprint(tasks: Iterable[str], splits: Iterable[str]) -> str:
    """A short hash of the bundled files ``<task>/<split>.jsonl`` as they are now (a missing file counts too).

    Run folders and cached scores include it, so after the bundled data changes (a regenerated split,
    a ``git pull``) nothing trained or scored on the old rows is handed back as current.

    Example:
        >>> len(bundled_fingerprint(["qa"], ["train", "validation"]))
        12
    """
    digest = hashlib.sha256()
    for task in sorted(tasks):
        for split in splits:
            path = data_dir() / task / f"{split}.jsonl"
            digest.update(f"{task}/{split}:{file_digest(path)}\n".encode())
    return digest.hexdigest()[:12]


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes ("missing" if there is none), computed once per size and modification time."""
    try:
        stat = Path(path).stat()
    except FileNotFoundError:
        return "missing"
    return _digest(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _digest(path: str, size: int, mtime_ns: int) -> str:  # size and time are the cache key: an edit reads again
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_task(task: str, split: str, *, limit: int | None = None) -> datasets.Dataset:
    """Load a bundled split, ``data/<task>/<split>.jsonl``, validated.

    Args:
        task: one of :data:`TASKS`.
        split: one of :data:`SPLITS`.
        limit: keep only the first ``limit`` rows (the bundled files are already shuffled,
            so the first rows are a fair sample and ``limit=100`` is a subset of ``limit=500``).

    Example:
        >>> test = load_task("qa", "test", limit=50)
        >>> test.column_names
        ['id', 'context', 'question', 'answer']
    """
    _check_task(task)
    if split not in SPLITS:
        raise DataError(f"unknown split {split!r}; valid splits: {', '.join(SPLITS)}")
    if limit is not None and limit < 1:
        raise DataError(f"limit must be a positive number of rows (or None for all), got {limit}")
    path = data_dir() / task / f"{split}.jsonl"
    if not path.is_file():
        raise DataError(
            f"bundled data file not found: {path} (set LABUTILS_DATA to the folder holding "
            "<task>/<split>.jsonl if your data lives elsewhere)"
        )
    where = display_path(path)
    return _to_dataset(read_json_lines(path, where), task, where, limit=limit)


def load_file(
    path: str | os.PathLike,
    task: str,
    *,
    field_map: Mapping[str, str] | None = None,
    on_error: str = "raise",
    label_map: Mapping[Any, str] | None = None,
) -> datasets.Dataset:
    """Load your own ``.jsonl``, ``.json`` (JSON lines or one array), ``.csv`` or ``.parquet`` file.

    Args:
        path: the file; its suffix picks the format.
        task: the schema the rows must follow (one of :data:`TASKS`).
        field_map: ``{schema_field: source_field}``, for a file whose fields are named
            differently, e.g. ``{"text": "review"}`` reads the ``review`` column as ``text``.
            Fields you don't map keep their names; extra fields are dropped.
        on_error: ``"raise"`` (default) stops at the first bad row with a
            :class:`DataError` naming file, line and field. ``"skip"`` drops bad rows, warns a
            :class:`SkippedRowsWarning` (its ``.report`` is a :class:`SkipReport` with counts
            per reason) and stores the same summary in ``dataset.info.description``.
        label_map: for sentiment, maps source labels to ``positive``/``negative``, e.g.
            ``{0: "negative", 1: "positive"}`` or ``{"pos": "positive", "neg": "negative"}``.

    A row without an ``id`` gets ``<file stem>-<row number>``. In CSV files ner's ``entities``
    cell holds the JSON list.

    Example:
        >>> reviews = load_file("reviews.csv", "sentiment",
        ...                     field_map={"text": "review", "label": "stars"},
        ...                     label_map={1: "negative", 5: "positive"}, on_error="skip")
        >>> print(reviews.info.description)   # what was skipped and why, if anything
    """
    _check_task(task)
    _check_field_map(task, field_map)
    path = Path(path)
    if path.is_dir():
        raise DataError(f"{path} is a folder; give one data file in it (.jsonl, .json, .csv or .parquet)")
    if not path.is_file():
        raise DataError(f"file not found: {path}")
    where = display_path(path)
    records = reader_for(path)(path, where)
    return _to_dataset(
        records,
        task,
        where,
        field_map=field_map,
        label_map=label_map,
        on_error=on_error,
        id_prefix=path.stem,
    )


def load_hub(
    name: str,
    task: str,
    *,
    split: str = "train",
    field_map: Mapping[str, str] | None = None,
    on_error: str = "raise",
    label_map: Mapping[Any, str] | None = None,
    config: str | None = None,
    **load_kwargs: Any,
) -> datasets.Dataset:
    """Load a Hugging Face hub dataset (needs the internet or the hub cache) into a task schema.

    The rows go through the same renaming and validation as :func:`load_file`; error
    locations read ``<name>[<split>] row <n>``, and a row without an ``id`` gets
    ``<dataset>-<split>-<row number>``. ``config`` picks a dataset configuration (e.g.
    ``"plain_text"``); other keyword arguments go to :func:`datasets.load_dataset` (e.g.
    ``revision=`` to pin a version). See :func:`load_file` for ``field_map``, ``label_map``
    and ``on_error``.

    Examples:
        DialogSum already has the summarization fields (``id``, ``dialogue``, ``summary``, ``topic``):

        >>> dialogsum = load_hub("knkarthick/dialogsum", "summarization", split="validation")

        IMDB has ``text`` and an integer ``label`` (0 = negative, 1 = positive) and no id:

        >>> imdb = load_hub("imdb", "sentiment", split="test",
        ...                 label_map={0: "negative", 1: "positive"})

        Other field names map with ``field_map`` ({schema_field: source_field}); a split
        slice keeps a big set small:

        >>> reviews = load_hub("someone/reviews", "sentiment", split="train[:1000]",
        ...                    field_map={"text": "review", "label": "sentiment"})

        DialogSum, Rotten Tomatoes, WikiANN and SQuAD (nested ``answers``) have presets with
        their conversions: :func:`labutils.presets.load_preset`, or ``--data hub:squad``.
        Other nested fields need flattening first: load the set with
        :func:`datasets.load_dataset`, ``.map()`` it to flat fields, save it as JSONL and
        use :func:`load_file`.
    """
    _check_task(task)
    _check_field_map(task, field_map)
    source = f"{name}[{split}]"
    try:
        hub_data = datasets.load_dataset(name, config, split=split, **load_kwargs)
    except Exception as err:  # offline, a typo in the name, a missing split...
        raise DataError(
            f"could not load {source} from the Hugging Face hub: {type(err).__name__}: {err}. "
            "Offline? Use load_task() for the bundled data or load_file() for a local copy."
        ) from err
    records = ((f"{source} row {number}", row) for number, row in enumerate(hub_data, start=1))
    return _to_dataset(
        records,
        task,
        source,
        field_map=field_map,
        label_map=label_map,
        on_error=on_error,
        id_prefix=f"{name.rstrip('/').split('/')[-1]}-{split}",
    )
