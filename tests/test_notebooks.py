"""Every notebook runs headless with its smoke parameters, and committed notebooks carry no outputs."""

import json

import nbformat
import pytest

from labutils.runner import NOTEBOOK_DIR, discover, run_notebook

NOTEBOOKS = discover()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_notebook_is_clean(path):
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name} cell {index} has outputs"
    assert any("parameters" in cell.metadata.get("tags", []) for cell in notebook.cells), "no parameters cell"
    prose = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for heading in ("## Summary", "## Questions", "## Further exploration"):
        assert heading in prose, f"{path.name} lacks a '{heading}' section"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_smoke_mode(path, tmp_path):
    run = run_notebook(path, tmp_path, smoke=True, model="smollm2-135m-instruct")
    assert run.status == "ok", f"{path.name} failed at {run.error}; executed copy: {run.output}"
    assert run.results, f"{path.name} wrote no results to its results_path"
    assert run.results["smoke"] is True
    executed = nbformat.read(run.output, as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    check = RESULT_CHECKS.get(path.stem[:2])
    if check:
        check(run.results)


def _check_01(results):
    tasks = {row["task"] for row in results["prompt_styles"]}
    assert tasks == {"summarization", "sentiment"}
    styles = {row["prompt style"] for row in results["prompt_styles"]}
    assert {"no instruction", "zero-shot instruction", "FLAN-style template", "one-shot"} <= styles
    assert all(0.0 <= row["score"] <= 1.0 for row in results["prompt_styles"])
    overflow = results["context_overflow"]
    assert overflow[-1]["tokens needed"] > overflow[0]["tokens needed"]
    assert overflow[-1]["kept (1024-token budget)"] < overflow[-1]["shots asked"]  # the builder really drops shots


def _check_02(results):
    from labutils.data import TASKS

    assert set(results["templates_per_task"]) == set(TASKS)
    assert all(n >= 6 for n in results["templates_per_task"].values())
    for task, sizes in results["split_sizes"].items():
        assert sizes["train"] > sizes["validation"] > 0 and sizes["test"] > 0, task
        assert sizes["inputs in two splits"] == 0, f"{task}: an input appears in two splits"
    example = results["example"]
    assert 0 < example["labelled_tokens"] < example["tokens"]  # the prompt is masked with -100
    assert example["labelled_tokens"] == example["tokens"] - example["prompt_tokens"]
    assert example["labelled_tokens_train_on_prompt"] == example["tokens"]  # pre-training labels every token
    loss = results["loss"]
    assert loss["by_hand"] > 0 and abs(loss["by_hand"] - loss["model"]) < 1e-4
    top5 = [row["probability"] for row in results["next_token"]["top5"]]
    assert len(top5) == 5 and top5 == sorted(top5, reverse=True) and 0 < sum(top5) <= 1 + 1e-6
    lengths = {row["task"]: row for row in results["lengths"]}
    assert set(lengths) == set(TASKS)
    assert all(0 < row["labelled share"] < 0.5 for row in lengths.values())
    padding = {row["strategy"]: row["padding share"] for row in results["padding"]}
    assert 0 <= padding["grouped by length"] <= padding["dynamic padding"] <= padding["pad to max_length"] < 1


RESULT_CHECKS = {"01": _check_01, "02": _check_02}
