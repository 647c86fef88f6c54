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
from pathlib import Path


def _plain(value):
    """Turn numpy/pandas/torch scalars and frames into JSON-friendly Python values."""
    if hasattr(value, "to_dict"):  # pandas DataFrame / Series
        return _plain(value.to_dict())
    if hasattr(value, "item") and getattr(value, "ndim", 0) == 0:  # numpy / torch scalars
        return value.item()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def save_results(path: str | os.PathLike, **values) -> dict:
    """Merge ``values`` into the JSON file at ``path`` (created if absent) and return all results."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(path.read_text()) if path.is_file() else {}
    results.update(_plain(values))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(results, indent=2, sort_keys=True))
    os.replace(tmp, path)
    return results


def load_results(path: str | os.PathLike) -> dict:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No results at {path}: run the notebook that writes them first.")
    return json.loads(path.read_text())
