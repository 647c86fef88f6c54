"""Reading records from files: JSON lines, a JSON array, CSV and Parquet.

Each reader yields ``(location, record)``: the location is what an editor shows (``file line 7``,
``file item 3``, ``file row 12``) and the record is a dict, or a :class:`DataError` for a line
that could not even be parsed, so that ``on_error="skip"`` in :mod:`labutils.data` can count it
like any other bad row.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterator

# How much of a broken line an error message quotes: enough to recognise it.
QUOTE_CHARS = 60


class DataError(ValueError):
    """A data file or row that does not match its task's schema.

    The message names the file, the line (1-based, as an editor shows it) and the field.
    ``field`` and ``reason`` are also kept as attributes; ``on_error="skip"`` counts
    skipped rows per ``reason``.
    """

    def __init__(self, message: str, *, field: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.field = field
        self.reason = reason or message



def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _decode(data: bytes, where: str, line_offset: int = 0) -> str:
    """Decode UTF-8 (tolerating a byte-order mark) or raise a DataError naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1 + line_offset
        raise DataError(
            f"{where} line {line}: bytes that are not UTF-8 ({data[err.start:err.start + 4]!r}); "
            "re-save the file as UTF-8",
            reason="line: not UTF-8",
        ) from None


def read_json_lines(path: Path, where: str) -> Iterator[tuple[str, Any]]:
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        location = f"{where} line {number}"
        try:
            # Decode line by line so that one bad byte costs one row under on_error="skip".
            text = _decode(raw, where, line_offset=number - 1)
        except DataError as err:
            yield location, err
            continue
        if not text.strip():
            continue  # blank lines (and the one after a final newline) are not rows
        try:
            yield location, json.loads(text)
        except json.JSONDecodeError as err:
            start = text.strip()[:QUOTE_CHARS]
            yield location, DataError(
                f"{location}: not valid JSON ({err.msg} at column {err.colno}); "
                f"the line starts: {start!r}",
                reason="line: not valid JSON",
            )


def _read_json_array(path: Path, where: str) -> Iterator[tuple[str, Any]]:
    text = _decode(path.read_bytes(), where)
    try:
        items = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError(
            f"{where} line {err.lineno}: not valid JSON ({err.msg} at column {err.colno})",
            reason="file: not valid JSON",
        ) from None
    if not isinstance(items, list):
        raise DataError(f"{where}: expected a JSON array of objects or one object per line")
    for number, item in enumerate(items, start=1):
        yield f"{where} item {number}", item


def _read_csv(path: Path, where: str) -> Iterator[tuple[str, Any]]:
    text = _decode(path.read_bytes(), where)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        return
    start = reader.line_num + 1  # the header took line 1
    for record in reader:
        # A quoted field may span several lines (a dialogue does), so report the line the
        # record starts on, which is one past where the previous record ended.
        location = f"{where} line {start}"
        start = reader.line_num + 1
        if None in record:
            yield location, DataError(
                f"{location}: more values than the header has columns", reason="line: extra values"
            )
            continue
        if "entities" in record and isinstance(record["entities"], str):
            # A CSV cell can only hold text: ner entities are written as a JSON list there.
            try:
                record["entities"] = json.loads(record["entities"])
            except json.JSONDecodeError:
                pass  # validate_row reports "must be a list" with the value
        yield location, record


def _read_parquet(path: Path, where: str) -> Iterator[tuple[str, Any]]:
    import pyarrow.parquet as pq  # a dependency of `datasets`

    try:
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises several types for a damaged file
        raise DataError(f"{where}: not a readable Parquet file ({err})") from None
    for number, record in enumerate(table.to_pylist(), start=1):
        yield f"{where} row {number}", record


_READERS = {
    ".jsonl": read_json_lines,
    ".csv": _read_csv,
    ".parquet": _read_parquet,
}


def reader_for(path: Path):
    suffix = path.suffix.lower()
    if suffix == ".json":
        # ".json" is either a JSON array or, as often, JSON lines: peek at the first character.
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
        return _read_json_array if head.startswith(b"[") else read_json_lines
    if suffix not in _READERS:
        raise DataError(
            f"{display_path(path)}: unsupported file type {suffix or '(none)'!r}; "
            "use .jsonl, .json, .csv or .parquet"
        )
    return _READERS[suffix]
