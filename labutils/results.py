"""Key results of a notebook, kept in one JSON file that reports and tests read.

A notebook never types a number into its prose: it records what it measured here, and the
runner's report (``labutils run``) and the tests read the same file.

Example:
    >>> save_results("/tmp/r.json", zero_shot={"rouge1": 0.21})   # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from pathlib import Path


def to_jsonable(value):
    """Plain JSON types: DataFrames become records, NaN/inf become null, tensors and numpy values
    become lists and numbers, anything else unknown becomes its string. The lab's one JSON helper."""
    if hasattr(value, "to_dict") and hasattr(value, "reset_index") and hasattr(value, "columns"):  # DataFrame
        frame = value.reset_index() if value.index.name or value.index.names[0] is not None else value
        return [to_jsonable(record) for record in frame.to_dict(orient="records")]
    if hasattr(value, "to_dict"):  # pandas Series
        return to_jsonable(value.to_dict())
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:  # numpy arrays, torch tensors
        return to_jsonable(value.tolist())
    if hasattr(value, "item") and callable(value.item):  # numpy / torch scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def save_results(path: str | os.PathLike, **values) -> dict:
    """Merge ``values`` into the JSON file at ``path`` (created if absent) and return all results."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(path.read_text()) if path.is_file() else {}
    results.update(to_jsonable(values))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(results, indent=2, sort_keys=True))
    os.replace(tmp, path)
    return results


def load_results(path: str | os.PathLike) -> dict:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No results at {path}: run the notebook that writes them first.")
    return json.loads(path.read_text())
