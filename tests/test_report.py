"""The run report: training curves from the runs a notebook used, tables indexed by their labels."""

import json

from labutils.report import notebook_blocks, to_markdown, training_runs
from labutils.runner import NotebookRun


def _fake_run(folder, steps=3):
    """A run folder with a history like the training loop writes (train and validation records)."""
    folder.mkdir(parents=True)
    records = [{"kind": "train", "step": s, "loss": 2.0 / s} for s in range(1, steps + 1)]
    records.append({"kind": "val", "step": steps, "val_loss": 1.5})
    (folder / "history.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return folder


def test_training_runs_resolves_registry_names_and_absolute_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("LABUTILS_RUNS", str(tmp_path / "registry"))
    _fake_run(tmp_path / "registry" / "ner-abc123")
    absolute = _fake_run(tmp_path / "elsewhere" / "full-ft-summarization-0123456789")
    results = {"runs": {"ner FT": "ner-abc123", "gone": "missing-run", "not a path": 3},
               "run_dir": str(absolute)}

    folders = training_runs(results)

    assert folders == {"ner FT": tmp_path / "registry" / "ner-abc123", "full-ft-summarization": absolute}


def test_a_notebook_section_draws_the_training_curves_of_its_runs(tmp_path):
    folder = _fake_run(tmp_path / "runs" / "lora-1234")
    run = NotebookRun(name="06_peft_lora", status="ok", seconds=1.0, output="",
                      results={"runs": {"LoRA": str(folder)}})

    blocks = notebook_blocks("06", run.name, run, tmp_path)

    images = [b for b in blocks if b.kind == "image"]
    assert [b.caption for b in images] == ["training curves: LoRA"]
    assert images[0].content.stat().st_size > 1000  # a real PNG was written


def test_records_with_a_model_column_are_indexed_by_it(tmp_path):
    run = NotebookRun(name="06_peft_lora", status="ok", seconds=1.0, output="", results={
        "forgetting": [{"model": "full fine-tuning", "ner": -18.9, "summarization": 19.2},
                       {"model": "LoRA", "ner": -23.6, "summarization": 20.3}]})

    blocks = notebook_blocks("06", run.name, run, tmp_path)

    table = next(b.content for b in blocks if b.kind == "table")
    assert list(table.index) == ["full fine-tuning", "LoRA"]
    assert list(table.columns) == ["ner", "summarization"]  # the heatmap gets numbers only
    assert "| model | ner | summarization |" in to_markdown(blocks)


def test_wide_tables_are_turned_and_missing_values_left_blank(tmp_path):
    config = {f"key_{i}": i for i in range(20)}
    run = NotebookRun(name="03_full_fine_tuning", status="ok", seconds=1.0, output="", results={
        "configs": {"full": config, "lora": config},
        "styles": [{"task": "summarization", "unparsed": None}, {"task": "sentiment", "unparsed": 2}]})

    blocks = notebook_blocks("03", run.name, run, tmp_path)

    configs, styles = [b.content for b in blocks if b.kind == "table"]
    assert configs.shape == (20, 2)  # one row per key, one column per run
    assert "| summarization |  |" in to_markdown(blocks)
