"""evaluate_cached: each (model, task, settings) is scored once and reused; forgetting_bars draws the matrix.

Everything runs on the random ``tiny`` model with two short-answer tasks and two examples each,
so a full evaluation takes a second or two.
"""

import json

import pytest

from labutils import evaluate, plots, runs

TASKS = ["sentiment", "qa"]  # short answers: the fastest tasks to generate
FAST = dict(limit=2, max_new_tokens=3, progress=False)  # a random model's answers are noise anyway


@pytest.fixture(scope="module")
def tiny():
    """The tiny model, loaded once: most tests pass it in with loaded=(model, tokenizer)."""
    from labutils.models import load_model

    return load_model("tiny", device="cpu")


@pytest.fixture
def runs_root(tmp_path, monkeypatch):
    """A private runs root, so the tests never touch (or reuse) the repository's runs/."""
    monkeypatch.setenv("LABUTILS_RUNS", str(tmp_path / "runs"))
    return tmp_path / "runs"


@pytest.fixture
def scored_tasks(monkeypatch):
    """Record every task evaluate_task really scores (a cache hit scores nothing)."""
    calls = []
    real = runs.evaluate_task

    def spy(model, tokenizer, task, **kwargs):
        calls.append(task)
        return real(model, tokenizer, task, **kwargs)

    monkeypatch.setattr(runs, "evaluate_task", spy)
    return calls


def test_second_call_reads_the_cache(runs_root, scored_tasks, tiny):
    first = runs.evaluate_cached("tiny", TASKS, **FAST, loaded=tiny, model_name="base")
    assert scored_tasks == TASKS and first.attrs["from_cache"] == []
    path = runs_root / "eval-cache" / first.attrs["cache_path"].split("/")[-1]
    assert path.is_file() and path.name.startswith("tiny-")
    stored = json.loads(path.read_text())
    assert set(stored["results"]) == set(TASKS) and stored["results"]["qa"]["n"] == 2

    second = runs.evaluate_cached("tiny", TASKS, **FAST, loaded=tiny, model_name="base")
    assert scored_tasks == TASKS, "the second call must not generate again"
    assert second.attrs["from_cache"] == TASKS
    assert second.equals(first)
    assert evaluate.compare({"base": second}).shape == (1, len(TASKS))


def test_only_missing_tasks_are_scored(runs_root, scored_tasks, tiny):
    runs.evaluate_cached("tiny", ["qa"], **FAST, loaded=tiny)
    table = runs.evaluate_cached("tiny", TASKS, **FAST, loaded=tiny)
    assert scored_tasks == ["qa", "sentiment"]
    assert table.attrs["from_cache"] == ["qa"]
    assert set(table.task) == set(TASKS)


def test_other_settings_get_another_file(runs_root, scored_tasks, tiny):
    a = runs.evaluate_cached("tiny", ["qa"], **FAST, loaded=tiny)
    b = runs.evaluate_cached("tiny", ["qa"], limit=3, max_new_tokens=3, progress=False, loaded=tiny)
    c = runs.evaluate_cached("tiny", ["qa"], limit=2, max_new_tokens=4, progress=False, loaded=tiny)
    assert len({a.attrs["cache_path"], b.attrs["cache_path"], c.attrs["cache_path"]}) == 3
    assert scored_tasks == ["qa"] * 3
    # the progress bar does not change a score, so it does not change the file
    assert runs.eval_cache_path("tiny", limit=2, progress=True) == runs.eval_cache_path("tiny", limit=2)
    # a model already in memory is scored like the same model loaded by name
    assert str(runs.eval_cache_path("tiny", ["qa"], **FAST)) == a.attrs["cache_path"]


def test_a_stale_or_refreshed_cache_is_scored_again(runs_root, scored_tasks, tiny):
    table = runs.evaluate_cached("tiny", ["qa"], **FAST, loaded=tiny)
    path = runs_root / "eval-cache" / table.attrs["cache_path"].split("/")[-1]
    payload = json.loads(path.read_text())
    payload["settings"]["version"] = -1  # as if written by an older evaluation code
    path.write_text(json.dumps(payload))
    runs.evaluate_cached("tiny", ["qa"], **FAST, loaded=tiny)
    runs.evaluate_cached("tiny", ["qa"], **FAST, loaded=tiny, refresh=True)
    assert scored_tasks == ["qa"] * 3


def _fake_run(folder, tiny, done=True):
    """A run folder as labutils.train leaves it: config.yaml, final/ with the tiny model, DONE."""
    model, tokenizer = tiny
    (folder / "final").mkdir(parents=True)
    model.save_pretrained(folder / "final")
    tokenizer.save_pretrained(folder / "final")
    (folder / "config.yaml").write_text("name: fake\n")
    if done:
        (folder / "DONE").write_text("")
    return folder


def test_a_run_keeps_its_scores_in_its_folder(tmp_path, runs_root, scored_tasks, tiny):
    run = _fake_run(tmp_path / "fake-0123456789", tiny)
    table = runs.evaluate_cached(run, ["sentiment"], **FAST)  # loads the model from the run folder
    files = list(run.glob("eval-*.json"))
    assert len(files) == 1 and str(files[0]) == table.attrs["cache_path"]
    assert set(table.model) == {"fake-0123456789"}  # labelled by the run folder
    assert not (runs_root / "eval-cache").exists()
    # the final/ folder names the same run, so the same file answers
    again = runs.evaluate_cached(run / "final", ["sentiment"], **FAST)
    assert again.attrs["from_cache"] == ["sentiment"] and scored_tasks == ["sentiment"]


def test_an_unfinished_run_is_refused(tmp_path, runs_root, tiny):
    run = _fake_run(tmp_path / "half-0123456789", tiny, done=False)
    with pytest.raises(evaluate.EvaluationError, match="not a finished run"):
        runs.evaluate_cached(run, ["qa"], limit=2)  # refused before any model is loaded


def test_rows_in_memory_are_not_cached(runs_root):
    """Rows have no name to cache them under (sources do: tests/test_presets.py); the error says what to use."""
    with pytest.raises(evaluate.EvaluationError, match="score rows in memory with evaluate_suite"):
        runs.evaluate_cached("tiny", ["qa"], limit=2, data={"qa": []})


def test_forgetting_bars_draws_one_bar_per_model_and_task():
    import pandas as pd

    matrix = pd.DataFrame({"summarization": [12.0, 9.5], "sentiment": [-8.0, 1.0], "ner": [-3.0, 0.5]},
                          index=pd.Index(["single-task", "multitask"], name="model"))
    figure = plots.forgetting_bars(matrix, title="change")
    bars = [patch for patch in figure.axes[0].patches]
    assert len(bars) == matrix.size
    heights = sorted(round(bar.get_height(), 1) for bar in bars)
    assert heights == sorted(matrix.to_numpy().ravel().round(1).tolist())


def test_options_left_at_their_default_do_not_change_the_file(runs_root):
    plain = runs.eval_cache_path("tiny", limit=2)
    assert runs.eval_cache_path("tiny", limit=2, max_new_tokens=None, shots=0, template=None) == plain
    assert runs.eval_cache_path("tiny", limit=2, shots=1) != plain
    assert runs.eval_cache_path("tiny", limit=2, split="validation") != plain
