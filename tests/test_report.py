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


def test_the_report_opens_with_the_headline_findings_and_labels_tables_in_words(tmp_path):
    from labutils.claims import Estimate, change_sentence, headline
    from labutils.report import build_blocks, to_html

    change = Estimate(19.4, 14.1, 24.6, 48)
    cell = {**change.as_dict()}
    runs = [NotebookRun(name="03_full_fine_tuning", status="ok", seconds=1.0, output="", results={
                "headlines": [headline("zero-shot vs fine-tuned", change_sentence("ROUGE-1", change), change)],
                "example": {"labelled_tokens_train_on_prompt": 7},
                "styles": [{"task": "qa", "score": 0.5}, {"task": "ner", "score": 0.1}]}),
            NotebookRun(name="04_catastrophic_forgetting", status="ok", seconds=1.0, output="", results={
                "forgetting_intervals": {"ner": {"sentiment FT": cell}, "qa": {"sentiment FT": cell}}})]

    blocks = build_blocks(runs, tmp_path, smoke=True, model="tiny")

    kinds = [b.kind for b in blocks]
    assert blocks[2].content == "Headline findings" and kinds.index("h2") == 2  # before any other section
    assert "95% CI +14.1 to +24.6, n = 48" in blocks[3].content
    assert [b.kind for b in blocks[4:6]] == ["image", "image"]  # the findings plot, the forgetting heatmap
    page = to_html(blocks)
    assert "labelled tokens train on prompt" in page and "labelled_tokens" not in page
    assert "<th>0</th>" not in page  # numbered rows get no index column


def test_the_runner_prints_one_clean_line_per_notebook(tmp_path, monkeypatch, capfd):
    import nbformat

    from labutils import runner

    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("smoke = False\nresults_path = 'r.json'")])
    notebook.cells[0].metadata["tags"] = ["parameters"]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / "01_quiet.ipynb")
    monkeypatch.setattr(runner, "discover", lambda only=None, folder=folder: sorted(folder.glob("*.ipynb")))

    runs, _ = runner.run_lab(smoke=True, out=tmp_path / "out", model="tiny")

    captured = capfd.readouterr()
    assert runs[0].status == "ok"
    assert captured.out.splitlines()[0].startswith("[1/1] 01_quiet.ipynb ... ok in ")
    assert "TCP" not in captured.err and "encryption" not in captured.err  # the kernel talks over IPC


def test_a_failed_notebook_never_reports_an_earlier_runs_results(tmp_path):
    """`labutils run --out DIR` reused: the results file of the last run must not pass for this one's."""
    import nbformat

    from labutils.runner import run_notebook

    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                 "display_name": "Python 3"}})
    notebook.cells = [
        nbformat.v4.new_code_cell("smoke = False\nmodel = ''\nresults_path = ''", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise RuntimeError('broken before saving')"),
    ]
    path = tmp_path / "07_broken.ipynb"
    nbformat.write(notebook, path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "07_broken.results.json").write_text(json.dumps({"headlines": [{"finding": "stale", "text": "old"}]}))

    run = run_notebook(path, out, smoke=True, model="tiny", timeout=120)

    assert run.status == "failed" and "broken before saving" in run.error
    assert run.results == {}
    assert not (out / "07_broken.results.json").exists()
