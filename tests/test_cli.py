"""The `labutils` command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from labutils.cli import main


def test_console_script_lists_every_subcommand():
    result = subprocess.run([Path(sys.executable).parent / "labutils", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("fetch-model", "generate", "eval", "train", "run", "bench"):
        assert command in result.stdout


def test_fetch_model_prints_the_cache_folder(capsys):
    assert main(["fetch-model"]) == 0
    folder = Path(capsys.readouterr().out.strip())
    assert (folder / "model.safetensors").is_file()


def test_generate_with_the_tiny_model(capsys):
    assert main(["generate", "--model", "tiny", "--prompt", "Hello", "--max-new-tokens", "4"]) == 0
    assert capsys.readouterr().out.endswith("\n")  # random weights print noise (maybe only special tokens)


@pytest.mark.slow
def test_generate_answers_with_the_default_model(capsys):
    assert main(["generate", "--prompt", "Classify the sentiment: I loved it."]) == 0
    assert "positive" in capsys.readouterr().out.lower()


def test_unknown_model_is_a_clear_error_without_traceback(capsys):
    assert main(["generate", "--model", "no-such-model", "--prompt", "Hi"]) == 2
    error = capsys.readouterr().err
    assert "Unknown model 'no-such-model'" in error and "smollm2-135m-instruct" in error
    assert "Traceback" not in error


def test_run_only_unknown_notebook_is_refused(capsys, tmp_path):
    assert main(["run", "--only", "99", "--out", str(tmp_path)]) == 2
    assert "no such notebook" in capsys.readouterr().err


def test_run_reports_a_failing_notebook_by_name_and_cell(tmp_path, monkeypatch):
    import nbformat

    from labutils import runner

    folder = tmp_path / "notebooks"
    folder.mkdir()
    good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("smoke = False\nresults_path = 'r.json'")])
    good.cells[0].metadata["tags"] = ["parameters"]
    good.cells.append(nbformat.v4.new_code_cell(
        "from labutils.results import save_results\nsave_results(results_path, smoke=smoke, value=1)"))
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")])
    for notebook in (good, bad):
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(bad, folder / "01_bad.ipynb")
    nbformat.write(good, folder / "02_good.ipynb")
    monkeypatch.setattr(runner, "NOTEBOOK_DIR", folder)
    monkeypatch.setattr(runner, "discover", lambda only=None, folder=folder: sorted(folder.glob("*.ipynb")))
    runs, report = runner.run_lab(smoke=True, out=tmp_path / "out", model="tiny")
    assert [r.status for r in runs] == ["failed", "ok"]  # the others still run after a failure
    assert "cell 2 ('1 / 0')" in runs[0].error and "ZeroDivisionError" in runs[0].error
    assert runs[1].results == {"smoke": True, "value": 1}
    text = report.read_text()
    assert "01_bad" in text and "ZeroDivisionError" in text and "**Machine**" in text
    html_report = (tmp_path / "out" / "report.html").read_text()
    assert "<table" in html_report and "ZeroDivisionError" in html_report
    assert json.loads((tmp_path / "out" / "runs.json").read_text())[0]["name"] == "01_bad"
    runs, _ = runner.run_lab(smoke=True, out=tmp_path / "out2", model="tiny", fail_fast=True)
    assert len(runs) == 1
