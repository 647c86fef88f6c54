"""Every notebook runs headless with its smoke parameters, and committed notebooks carry no outputs.

The prose checks: closing cells (Summary) are rendered from the run by code, every question has an answer
a learner can reveal, "What to look for" asks rather than asserts, and prose-rendering cells are collapsed.
"""

import ast
import math
import re

import nbformat
import pytest

from labutils.runner import discover, run_notebook

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


def _hidden(cell) -> bool:
    return bool(cell.metadata.get("jupyter", {}).get("source_hidden"))


def _cell_after(notebook, heading):
    index = next(i for i, cell in enumerate(notebook.cells)
                 if cell.cell_type == "markdown" and cell.source.startswith(heading))
    assert notebook.cells[index].source.strip() == heading, f"'{heading}' holds prose: render it from the run"
    return notebook.cells[index + 1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_closing_cells_are_computed_and_every_question_has_an_answer(path):
    notebook = nbformat.read(path, as_version=4)
    summary = _cell_after(notebook, "## Summary")
    assert summary.cell_type == "code" and "display(Markdown(" in summary.source and _hidden(summary)
    questions = _cell_after(notebook, "## Questions")
    assert questions.cell_type == "code" and _hidden(questions)
    call = next(node for node in ast.walk(ast.parse(questions.source))
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "answer_key")
    items = call.args[0].elts
    assert len(items) >= 3
    for item in items:  # (question, answer): both text, the answer possibly computed (an f-string)
        assert isinstance(item, ast.Tuple) and len(item.elts) == 2, ast.unparse(item)[:80]
        assert all(isinstance(part, (ast.Constant, ast.JoinedStr, ast.BinOp)) for part in item.elts)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and "display(Markdown(" in cell.source:
            assert _hidden(cell), f"{path.name} cell {index} renders prose: collapse its source"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_what_to_look_for_asks_instead_of_asserting(path):
    notebook = nbformat.read(path, as_version=4)
    callouts = [re.search(r"\*\*What to look for:\*\*(.*?)(?:\n\n|\Z)", cell.source, re.S)
                for cell in notebook.cells if cell.cell_type == "markdown"]
    callout = next((found for found in callouts if found), None)
    assert callout, f"{path.name} has no 'What to look for' call-out"
    text = " ".join(line.lstrip("> ") for line in callout.group(1).splitlines())
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip()]
    claims = [s for s in sentences if not s.endswith("?") and not s.startswith(("Each score", "Every score"))]
    assert not claims or all("interval" in s or "closing cells" in s for s in claims), claims
    assert not re.search(r"\d", text.replace("95%", "")), "a number in 'What to look for' is a prediction the run may contradict"


# Statements that were wrong or that a run could contradict; each now computed or corrected.
RETIRED = ["more than any single GPU holds", 'to\n  "one layer\'s"', "about half the time", "the other tasks move less",
           "The step budget is the same for every size", "notebook 04's sweep", "is much higher",
           "writes a short summary and stops", "moves each weight against its gradient, scaled by the learning rate",
           "keeps the update's size about the same when you change"]


def test_retired_statements_are_gone():
    for path in NOTEBOOKS:
        source = path.read_text()
        notebook = nbformat.read(path, as_version=4)
        text = "\n".join(cell.source for cell in notebook.cells)
        for statement in RETIRED:
            assert statement not in text, f"{path.name}: {statement!r}"
        assert source


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
    for cell in executed.cells:  # every question's answer is rendered, folded
        if "answer_key(" in cell.source:
            shown = "".join(output.get("data", {}).get("text/markdown", "") for output in cell.outputs)
            assert shown.count("<details>") >= 3, f"{path.name}: the answer key did not render"
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
    for gain in results["instruction_gain"].values():  # paired intervals around the measured change
        assert gain["low"] <= gain["value"] <= gain["high"] and gain["n"] == results["n_eval"]
    assert all("95% CI" in row and row["n"] == results["n_eval"] for row in results["prompt_styles"])


def _check_02(results):
    from labutils.tasks import TASK_NAMES as TASKS

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


def _check_03(results):
    train = results["train"]
    assert train["steps"] > 0 and train["trainable_params"] > 1_000_000  # full fine-tuning trains every weight
    for key in ("first_loss", "final_loss", "first_val_loss", "final_val_loss"):
        assert math.isfinite(train[key]) and train[key] > 0, key
    assert 0 < train["first_token_probability"] < 1
    assert results["validation"], "no validation rows"
    for scores in (results["zero_shot"], results["fine_tuned"]):
        assert {"rouge1", "rouge2", "rougeL"} <= set(scores)
        assert all(0 <= value <= 1 for value in scores.values())
    gain = 100 * (results["fine_tuned"]["rouge1"] - results["zero_shot"]["rouge1"])
    assert results["rouge1_gain_points"] == pytest.approx(gain, abs=1e-6)  # computed, not typed
    interval = results["rouge1_gain"]
    assert interval["value"] == pytest.approx(gain, abs=1e-6) and interval["low"] <= gain <= interval["high"]
    [finding] = results["headlines"]
    assert "95% CI" in finding["text"] and finding["n"] == results["n_test"]
    by_split = results["rouge1_gain_by_split"]  # in-distribution and held-out topics, each with its interval
    assert set(by_split) == {"test", "test_heldout"} and by_split["test"]["value"] == pytest.approx(gain, abs=1e-6)
    assert all(e["low"] <= e["value"] <= e["high"] for e in by_split.values())
    wordings = {row["model"]: row for row in results["wordings"]["rouge1"]}
    assert set(wordings) == {"zero-shot", "all wordings (the run above)", "default wording only"}
    assert all(len([k for k in row if k.startswith("unseen:")]) == 2 for row in wordings.values())
    assert results["examples"] and all(row["reference"] for row in results["examples"])
    memory = results["memory"]
    assert 8 <= memory["bytes_per_parameter"] <= 20  # fp32 weights + gradients + two AdamW states = 16
    assert memory["measured_peak_bytes"] > 0 and memory["estimate"]
    assert len(results["memory_variants"]) >= 2
    ddp = results["ddp"]
    assert ddp["world_sizes"] == [1, 2]
    assert len(ddp["one_process"]) == len(ddp["two_processes"]) > 0
    assert ddp["max_abs_difference"] < 1e-3


def _check_04(results):
    from labutils.tasks import TASK_NAMES as TASKS

    assert results["tasks"] == list(TASKS)
    for table in ("scores", "forgetting"):
        assert set(results[table]) >= set(results["runs"]), table
        for name, row in results[table].items():
            assert set(row) == set(TASKS), f"{table}[{name}] is not one value per task"
    assert all(0 <= value <= 1 for row in results["scores"].values() for value in row.values())
    for name, row in results["forgetting"].items():  # points against the base model, from the scores
        if name in results["scores"] and name != "ner FT, then sentiment FT":
            for task in TASKS:
                expected = 100 * (results["scores"][name][task] - results["scores"]["base"][task])
                assert row[task] == pytest.approx(expected, abs=1e-6), (name, task)
    sequence = results["sequence"]
    assert sequence["ner_lost_points"] == pytest.approx(
        100 * (sequence["ner_f1"]["after_ner"] - sequence["ner_f1"]["after_sentiment"]), abs=1e-6)
    worst = results["largest_untrained_drop"]
    assert worst["points"] == min(change["points"] for change in results["untrained_changes"])
    assert results["sweep"][0]["training examples"] == 0
    assert set(results["forgetting_intervals"]) == set(TASKS)
    shares = results["format_vs_ability"]["unparsed_share"]
    assert all(0 <= row["sentiment"] <= 1 for row in shares.values())  # answers the parser could not read
    assert set(results["format_vs_ability"]["label_likelihood_accuracy"]) >= {"base", "ner FT"}  # the parse-free score
    assert results["largest_untrained_drop"]["interval"]["value"] == pytest.approx(worst["points"], abs=1e-6)
    assert results["headlines"] and "95% CI" in results["headlines"][0]["text"]
    single = next(name for name in results["runs"] if not name.startswith("ner FT"))
    _check_heldout(results, {f"{single} / summarization", "ner FT / ner", "ner FT, then sentiment FT / sentiment"})


def _check_verdict(verdict, interval, *, at_least=None, above=None, below=None):
    """A target is met or missed only when the whole saved 95% interval is on one side of it."""
    low, high = interval["low"], interval["high"]
    if at_least is not None:
        met, missed = low >= at_least, high < at_least
    elif above is not None:
        met, missed = low > above, high <= above
    else:
        met, missed = high < below, low >= below
    assert verdict == ("met" if met else "missed" if missed else "not settled"), (verdict, interval)


def _check_heldout(results, expected):
    """Each model's change on each task it trained on, in-distribution and held out, with intervals."""
    assert set(results["heldout"]) == expected
    for cell in results["heldout"].values():
        assert set(cell) == {"in-distribution", "held-out"}
        assert all(e["low"] <= e["value"] <= e["high"] and e["n"] > 0 for e in cell.values())


def _check_05(results):
    from labutils.tasks import TASK_NAMES as TASKS

    assert results["tasks"] == list(TASKS)
    assert len(results["runs"]) == 2
    for name, row in results["forgetting"].items():
        assert set(row) == set(TASKS), name
    mixture = results["mixture"]
    assert mixture["examples_seen"] == mixture["single_task_examples_seen"]  # the same budget for both runs
    targets = results["targets"]
    assert targets["target_task"] in TASKS
    assert targets["multi_other_change"]["low"] <= targets["multi_other_change"]["value"] <= targets["multi_other_change"]["high"]
    assert results["headlines"] and set(results["forgetting_intervals"]) == set(TASKS)
    if targets["single_gain_points"] > 0:
        kept = targets["multi_gain_points"] / targets["single_gain_points"]
        assert targets["gain_kept"] == pytest.approx(kept)
        assert targets["gain_kept_interval"]["value"] == pytest.approx(kept, abs=1e-6)  # the bootstrap's own point
        assert targets["gain_margin"]["value"] == pytest.approx(
            targets["multi_gain_points"] - 0.8 * targets["single_gain_points"], abs=1e-6)
        _check_verdict(targets["gain_target"], targets["gain_margin"], at_least=0)
    else:
        assert targets["gain_target"] is None
    if targets["single_drop_points"] > 0:
        assert targets["drop_kept_interval"]["value"] == pytest.approx(targets["drop_kept"], abs=1e-6)
        assert targets["drop_margin"]["value"] == pytest.approx(
            targets["multi_drop_points"] - targets["single_drop_points"] / 3, abs=1e-6)
        _check_verdict(targets["drop_target"], targets["drop_margin"], below=0)
    else:
        assert targets["drop_target"] is None and targets["drop_kept_interval"] is None
    multi = next(name for name in results["runs"] if name.startswith("multitask"))
    single = next(name for name in results["runs"] if name != multi)
    _check_heldout(results, {f"{single} / summarization", *(f"{multi} / {task}" for task in TASKS)})
    left_out = results["heldout_task"]  # a mixture without one task, scored zero-shot on it
    assert left_out["task"] in TASKS and left_out["task"] not in left_out["mixture"] and len(left_out["mixture"]) == 3
    assert left_out["change"]["low"] <= left_out["change"]["value"] <= left_out["change"]["high"]
    expected = 100 * (left_out["score"] - results["scores"]["base"][left_out["task"]])
    assert left_out["change"]["value"] == pytest.approx(expected, abs=1e-6)
    assert set(results["unparsed_share"]) == {"base", single, multi}


def _check_06(results):
    assert 0 < results["trainable_percent"] < 10
    assert results["trainable_percent"] == pytest.approx(100 * results["trainable_params"] / results["total_params"])
    assert 0 < results["adapter_bytes"] < results["full_checkpoint_bytes"] / 5
    assert results["demo"]["weight_unchanged"] is True
    assert results["merge"]["max_logit_difference"] < 1e-3
    assert results["switching"] and results["scores"] and results["forgetting"]
    assert set(results["comparison"]) == {"full fine-tuning", "LoRA"}
    if results["gain_ratio"] is not None:  # saved as null (NaN) where full fine-tuning gained nothing
        assert results["gain_ratio_interval"]["value"] == pytest.approx(results["gain_ratio"], abs=1e-6)
        _check_verdict(results["gain_target"], results["gain_margin"], at_least=0)
    else:
        assert results["gain_target"] is None and results["target"] != "met"
    _check_verdict(results["forgets_less_target"], results["lora_minus_full_other_change"], above=0)
    parts = {results["gain_target"], results["forgets_less_target"]}
    assert results["target"] == ("missed" if "missed" in parts else "met" if parts == {"met"} else "not settled")
    points = {row["setting"]: row for row in results["tradeoff"]}
    assert {"full fine-tuning (default)", "LoRA (default)"} <= set(points)  # the defaults are marked on the plot
    # smoke: one extra point (the default LoRA read back); full defaults: a gentler setting of each method too
    assert len(points) >= (3 if results["smoke"] else 4)
    assert {row["method"] for row in points.values()} == {"full", "lora"}
    assert all(row["gain_low"] <= row["gain"] <= row["gain_high"] for row in points.values())
    assert results["headlines"] and "95% CI" in results["headlines"][0]["text"]
    _check_heldout(results, {"full fine-tuning / summarization", "LoRA / summarization"})
    assert set(results["unparsed_share"]) == {"base", "full fine-tuning", "LoRA"}
    for row in results["lora_counts_576"]:  # a 576 x 576 projection: r * (576 + 576) trainable numbers
        assert row["trainable (A and B)"] == row["r"] * 2 * 576
        assert row["full update (out x in)"] == 576 * 576


RESULT_CHECKS = {"01": _check_01, "02": _check_02, "03": _check_03, "04": _check_04, "05": _check_05, "06": _check_06}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_notebook_takes_a_data_source(path):
    """`data_source = {}` is a parameter, and the notebook passes it on (to evaluation, training or loading)."""
    notebook = nbformat.read(path, as_version=4)
    parameters = next(cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", []))
    assert re.search(r"^data_source = \{\}", parameters.source, re.M), f"{path.name}: no data_source parameter"
    uses = [cell.source for cell in notebook.cells if cell is not parameters and cell.cell_type == "code"
            and re.search(r"data_source\b", cell.source)]
    assert uses, f"{path.name} declares data_source but never uses it"
