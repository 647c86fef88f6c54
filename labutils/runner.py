"""``labutils run``: execute the lab's notebooks headless with papermill and write a report.

Each notebook has a papermill ``parameters`` cell. The runner injects ``smoke`` (small settings
for CI), ``model`` and ``results_path``; the notebook writes its key numbers to that JSON file
with ``labutils.results.save_results`` and the report is built from those files, never from
figures typed by hand.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from labutils import REPO_ROOT
from labutils.default_model import DEFAULT_MODEL
from labutils.report import write_report

NOTEBOOK_DIR = REPO_ROOT / "notebooks"


class RunnerError(ValueError):
    """Bad arguments to ``labutils run`` (e.g. a notebook number that does not exist)."""


@dataclass
class NotebookRun:
    name: str
    status: str  # "ok" or "failed"
    seconds: float
    output: str
    results: dict = field(default_factory=dict)
    error: str | None = None


def discover(only: list[str] | None = None, folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The numbered notebooks in order; ``only=["01", "03"]`` keeps those numbers."""
    notebooks = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if only:
        wanted = {item.strip().zfill(2) for item in only if item.strip()}
        known = {path.name[:2] for path in notebooks}
        unknown = sorted(wanted - known)
        if unknown:
            raise RunnerError(f"--only {','.join(unknown)}: no such notebook in {folder}; "
                             f"available: {', '.join(sorted(known))}")
        notebooks = [path for path in notebooks if path.name[:2] in wanted]
    return notebooks


def _ipc_kernel_manager():
    """A kernel manager whose kernel talks over local IPC sockets instead of TCP.

    The runner's kernel is on this machine; over TCP ipykernel warns on every start that the
    traffic is not encrypted, a line of noise before each notebook's line. IPC sockets are files
    only this user can open (in Jupyter's runtime folder), so there is nothing to warn about.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum

    class IPCKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    return IPCKernelManager


def run_notebook(path: Path, out_dir: Path, *, smoke: bool, model: str, timeout: int | None = None) -> NotebookRun:
    """Execute one notebook with papermill; never raises for a failing cell, it reports it."""
    import papermill

    os.environ["LABUTILS_HEADLESS"] = "1"  # widgets draw once with their defaults (labutils.widgets)
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path = out_dir / path.name
    results_path = out_dir / f"{path.stem}.results.json"
    parameters = {"smoke": smoke, "model": model, "results_path": str(results_path)}
    results_path.unlink(missing_ok=True)  # an earlier run's file in a reused --out folder must not pass for this run's
    start = time.perf_counter()
    error = None
    try:
        papermill.execute_notebook(
            str(path), str(out_path), parameters=parameters, cwd=str(path.parent),
            progress_bar=False, log_output=False, kernel_name="python3", execution_timeout=timeout,
            kernel_manager_class=_ipc_kernel_manager(),
        )
        status = "ok"
    except papermill.PapermillExecutionError as failure:
        status = "failed"
        error = f"{_describe_cell(out_path)}: {failure.ename}: {failure.evalue}"
    except Exception as failure:  # the kernel died, a timeout, a bad notebook file ...
        status = "failed"
        error = f"{type(failure).__name__}: {failure}"
    seconds = time.perf_counter() - start
    results = json.loads(results_path.read_text()) if results_path.is_file() else {}
    return NotebookRun(path.stem, status, seconds, str(out_path), results, error)


def _describe_cell(executed: Path) -> str:
    """Name the failed cell as the learner sees it in the source notebook: its number and first line.

    The executed copy holds cells papermill added (the injected parameters, red error banners),
    so we count only the notebook's own cells, from 1.
    """
    import nbformat

    added = {"injected-parameters", "papermill-error-cell-tag"}
    own = [cell for cell in nbformat.read(executed, as_version=4).cells
           if not added & set(cell.metadata.get("tags", []))]
    for number, cell in enumerate(own, 1):
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            first_line = next((line for line in cell.source.splitlines() if line.strip()), "")
            return f"cell {number} ({first_line[:60]!r})"
    return "an unknown cell"


def run_lab(*, smoke: bool = False, only: list[str] | None = None, out: Path | None = None,
            model: str | None = None, fail_fast: bool = False) -> tuple[list[NotebookRun], Path]:
    """Run the notebooks in order; returns their outcomes and the report's path."""
    model = model or DEFAULT_MODEL
    notebooks = discover(only)
    out_dir = Path(out) if out else REPO_ROOT / "runs" / f"lab-{datetime.now():%Y%m%d-%H%M%S}{'-smoke' if smoke else ''}"
    out_dir.mkdir(parents=True, exist_ok=True)
    runs = []
    for number, path in enumerate(notebooks, 1):
        # one line per notebook: its name while it runs, then its outcome on the same line
        print(f"[{number}/{len(notebooks)}] {path.name} ...", end="", flush=True)
        run = run_notebook(path, out_dir, smoke=smoke, model=model)
        runs.append(run)
        print(f" {run.status} in {run.seconds:.0f} s" + (f"\n    failed at {run.error}" if run.error else ""),
              flush=True)
        if run.error and fail_fast:
            break
    report = write_report(runs, out_dir, smoke=smoke, model=model)
    return runs, report
