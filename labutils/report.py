"""The lab report: ``report.md`` and ``report.html`` built from the notebooks' results files.

``labutils run`` executes the notebooks; each one records its key numbers with
``labutils.results.save_results``. This module reads those files, never the notebooks' prose,
so every figure in the report comes from a run. A report is a list of blocks (headings,
paragraphs, tables, images) rendered twice: Markdown for a terminal or a git host, HTML with
the images embedded for a browser.
"""

from __future__ import annotations

import base64
import html
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from labutils.device import describe_machine
from labutils.plots import heatmap, loss_curves
from labutils.rundir import read_history, runs_root

# Results keys that describe the run rather than measure something, or that the report's top shows.
_INFO_KEYS = {"smoke", "model", "machine", "seed", "headlines", "forgetting_intervals"}
# A list of records with one of these columns (unique values) is indexed by it: rows named, not numbered.
_LABEL_COLUMNS = ("model", "variant", "method", "notebook")
# What each notebook's section is called in the report.
TITLES = {
    "01": "Zero-shot and few-shot baselines",
    "02": "Instruction datasets",
    "03": "Full fine-tuning",
    "04": "Catastrophic forgetting",
    "05": "Multitask fine-tuning",
    "06": "LoRA against full fine-tuning",
}


@dataclass
class Block:
    kind: str  # "h1", "h2", "h3", "p", "table", "image"
    content: object
    caption: str = ""


def _words(key) -> str:
    """A results key as words: ``labelled_tokens_train_on_prompt`` -> ``labelled tokens train on prompt``."""
    return str(key).replace("_", " ")


def _table_from(value) -> pd.DataFrame | None:
    """A DataFrame for a list of records, a dict of records or a dict of scalars; else None.

    Rows and columns are labelled in words (keys with underscores read as words); a list of
    records is indexed by its label column when it has one, and otherwise has no index at all.
    """
    frame = None
    if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
        frame = pd.DataFrame(value)
        for column in _LABEL_COLUMNS:
            if column in frame and frame[column].is_unique:
                frame = frame.set_index(column)
                break
    elif isinstance(value, dict) and value:
        if all(isinstance(row, dict) for row in value.values()):
            frame = pd.DataFrame(value).T
        elif all(isinstance(item, (int, float, str, bool)) or item is None for item in value.values()):
            frame = pd.DataFrame({"value": value})
    if frame is None:
        return None
    frame = frame.rename(columns=_words)
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.rename(index=_words)
        frame.index.name = _words(frame.index.name) if frame.index.name else None
    return frame


def headline_blocks(runs, out_dir: Path) -> list[Block]:
    """The report's opening: every notebook's headline findings, each with its interval, and their plots.

    Notebooks record ``headlines`` in their results: ``{"finding", "text", "value", "low", "high",
    "n", "unit"}`` (see ``labutils.claims.headline``). The plot draws each finding in points with
    its 95% interval; notebook 04's forgetting matrix follows, cells within noise marked.
    """
    findings = [(run.name[:2], item) for run in runs for item in run.results.get("headlines", [])]
    if not findings:
        return []
    blocks = [Block("h2", "Headline findings")]
    blocks += [Block("p", f"**{item['finding']}** ({TITLES.get(number, number)}): {item['text']}")
               for number, item in findings]
    points = [(item["finding"], item) for _, item in findings if item.get("unit") == "points"]
    if points:
        blocks.append(Block("image", _findings_image(points, out_dir / "headline-findings.png"),
                            "headline changes in points, with 95% bootstrap intervals"))
    for run in runs:
        cells = run.results.get("forgetting_intervals")
        if isinstance(cells, dict) and cells:
            blocks.append(Block("image", _forgetting_image(cells, out_dir / f"{run.name}-headline-forgetting.png"),
                                f"{run.name[:2]} · forgetting matrix (points against the base model)"))
    return blocks


def _findings_image(points, path: Path) -> Path:
    import matplotlib.pyplot as plt

    labels = [label for label, _ in points]
    values = [item["value"] for _, item in points]
    errors = [[item["value"] - item["low"] for _, item in points], [item["high"] - item["value"] for _, item in points]]
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(points) + 1.4))
    ax.errorbar(values, range(len(points)), xerr=errors, fmt="o", capsize=4)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(points)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("points (95% bootstrap interval)")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _forgetting_image(cells: dict, path: Path) -> Path:
    values = pd.DataFrame({task: {name: cell["value"] for name, cell in row.items()} for task, row in cells.items()})
    noise = pd.DataFrame({task: {name: cell["within_noise"] for name, cell in row.items()}
                          for task, row in cells.items()})
    heatmap(values, title="change against the base model (points)", within_noise=noise).savefig(path, dpi=110)
    return path


def _is_curve(value) -> bool:
    """A loss history: records with a step and a loss (e.g. a TrainResult's history)."""
    return (isinstance(value, list) and len(value) > 1 and all(isinstance(row, dict) for row in value)
            and any("step" in row for row in value) and any("loss" in row or "val_loss" in row for row in value))


def _curve_image(records: list[dict], title: str, path: Path) -> Path:
    import matplotlib.pyplot as plt

    frame = pd.DataFrame(records)
    series = {}
    for column in ("loss", "val_loss"):
        if column in frame:
            part = frame.dropna(subset=[column])
            series[column] = (part["step"].tolist(), part[column].tolist())
    fig, ax = plt.subplots(figsize=(6, 3.2))
    for name, (x, y) in series.items():
        ax.plot(x, y, marker="o" if name == "val_loss" else None, label=name)
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def training_runs(results: dict) -> dict[str, Path]:
    """The training runs a notebook used, from its ``run_dir`` and ``runs`` results, that have a history.

    ``runs`` maps a label to a run folder, absolute or relative to the runs registry; ``run_dir``
    is one folder, labelled by its run name (the folder name without the config hash).
    """
    named = dict(results["runs"]) if isinstance(results.get("runs"), dict) else {}
    if isinstance(results.get("run_dir"), str):
        named.setdefault(Path(results["run_dir"]).name.rsplit("-", 1)[0], results["run_dir"])
    folders = {}
    for label, where in named.items():
        if isinstance(where, str):
            folder = Path(where) if Path(where).is_absolute() else runs_root() / where
            if (folder / "history.jsonl").is_file():
                folders[str(label)] = folder
    return folders


def _training_curves_image(folders: dict[str, Path], path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig = loss_curves({label: read_history(folder) for label, folder in folders.items()},
                      title="training curves (train loss per step, validation loss dashed)")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _heatmap_image(frame: pd.DataFrame, title: str, path: Path) -> Path:
    numeric = frame.apply(pd.to_numeric, errors="coerce")
    heatmap(numeric, title=title).savefig(path, dpi=110)
    return path


def notebook_blocks(number: str, name: str, run, out_dir: Path) -> list[Block]:
    """The report section of one notebook: its status and every result it recorded."""
    blocks = [Block("h2", f"{number} · {TITLES.get(number, name)}")]
    status = f"`{name}` {run.status} in {run.seconds:.0f} s"
    blocks.append(Block("p", status + (f" — failed at {run.error}" if run.error else "")))
    folders = training_runs(run.results)
    if folders:
        image = _training_curves_image(folders, out_dir / f"{name}-training-curves.png")
        blocks.append(Block("image", image, "training curves: " + ", ".join(folders)))
    for key, value in run.results.items():
        if key in _INFO_KEYS:
            continue
        label = _words(key)
        if _is_curve(value):
            image = _curve_image(value, label, out_dir / f"{name}-{key}.png")
            blocks.append(Block("image", image, label))
            continue
        table = _table_from(value)
        if table is not None and table.shape[1] > 12 and table.shape[0] < table.shape[1]:
            table = table.T  # e.g. training configs: one row per key reads better than 40 columns
        if table is not None:
            blocks.append(Block("table", table.head(40), label))
            if "forgetting" in key and table.shape[0] >= 1 and table.shape[1] >= 2:
                image = _heatmap_image(table, label + " (points)", out_dir / f"{name}-{key}.png")
                blocks.append(Block("image", image, label))
        elif isinstance(value, (int, float, str, bool)):
            blocks.append(Block("p", f"**{label}**: {_fmt(value)}"))
    return blocks


def _fmt(value) -> str:
    if isinstance(value, float):
        return "" if value != value else f"{value:.4g}"  # NaN (no value) as an empty cell
    return str(value)


def build_blocks(runs, out_dir: Path, *, smoke: bool, model: str) -> list[Block]:
    total = sum(run.seconds for run in runs)
    blocks = [
        Block("h1", "Instruction fine-tuning lab: run report"),
        Block("p", f"**Date** {datetime.now().isoformat(timespec='seconds')} · **mode** "
                   f"{'smoke (CI settings: numbers prove the cells run, not the effects)' if smoke else 'full defaults'}"
                   f" · **model** {model}"),
        Block("p", f"**Machine** {describe_machine()}"),
        Block("p", f"**Total time** {total / 60:.1f} min; "
                   f"{sum(run.status == 'ok' for run in runs)} of {len(runs)} notebooks succeeded."),
        Block("table", pd.DataFrame([{"notebook": run.name, "status": run.status, "minutes": round(run.seconds / 60, 2),
                                      "error": run.error or ""} for run in runs]), "notebook timings"),
    ]
    blocks = blocks[:2] + headline_blocks(runs, out_dir) + blocks[2:]  # the findings first, then the details
    for run in runs:
        blocks += notebook_blocks(run.name[:2], run.name, run, out_dir)
    return blocks


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------


def _markdown_table(frame: pd.DataFrame) -> str:
    frame = frame.reset_index() if not isinstance(frame.index, pd.RangeIndex) else frame
    header = "| " + " | ".join(str(c) for c in frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    rows = ["| " + " | ".join(_fmt(v).replace("|", "\\|").replace("\n", " ") for v in row) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *rows])


def to_markdown(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        if block.kind in ("h1", "h2", "h3"):
            out.append("#" * int(block.kind[1]) + " " + str(block.content))
        elif block.kind == "p":
            out.append(str(block.content))
        elif block.kind == "table":
            out.append((f"*{block.caption}*\n\n" if block.caption else "") + _markdown_table(block.content))
        elif block.kind == "image":
            out.append(f"![{block.caption}]({Path(block.content).name})")
    return "\n\n".join(out) + "\n"


def _inline_markdown(text: str) -> str:
    """The little inline Markdown our paragraphs use (**bold**, `code`), as HTML."""
    import re

    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def to_html(blocks: list[Block]) -> str:
    body = []
    for block in blocks:
        if block.kind in ("h1", "h2", "h3"):
            body.append(f"<{block.kind}>{html.escape(str(block.content))}</{block.kind}>")
        elif block.kind == "p":
            body.append(f"<p>{_inline_markdown(str(block.content))}</p>")
        elif block.kind == "table":
            caption = f"<caption>{html.escape(block.caption)}</caption>" if block.caption else ""
            frame = block.content  # numbered rows (0..N) say nothing: no index column then
            table = frame.to_html(border=0, float_format=lambda v: f"{v:.4g}", na_rep="",
                                  index=not isinstance(frame.index, pd.RangeIndex))
            body.append(table.replace("<table", "<table class='result'", 1).replace("<thead>", caption + "<thead>", 1))
        elif block.kind == "image":
            data = base64.b64encode(Path(block.content).read_bytes()).decode()
            body.append(f"<figure><img src='data:image/png;base64,{data}' alt='{html.escape(block.caption)}'>"
                        f"<figcaption>{html.escape(block.caption)}</figcaption></figure>")
    style = ("body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}"
             "table.result{border-collapse:collapse;margin:1em 0;font-size:0.9em}"
             "table.result td,table.result th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}"
             "caption{font-style:italic;text-align:left;padding:4px 0}figure img{max-width:100%}"
             "h2{border-top:2px solid #eee;padding-top:0.8em}")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Lab run report</title><style>{style}</style>"
            f"</head><body>{''.join(body)}</body></html>\n")


def write_report(runs, out_dir: Path, *, smoke: bool, model: str) -> Path:
    """Write report.md, report.html and runs.json into ``out_dir``; return the Markdown path."""
    from dataclasses import asdict

    out_dir = Path(out_dir)
    blocks = build_blocks(runs, out_dir, smoke=smoke, model=model)
    (out_dir / "report.md").write_text(to_markdown(blocks))
    (out_dir / "report.html").write_text(to_html(blocks))
    (out_dir / "runs.json").write_text(json.dumps([asdict(run) for run in runs], indent=2))
    return out_dir / "report.md"
