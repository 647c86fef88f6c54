"""The runs registry: config hash -> run folder, reuse of finished runs, resume of unfinished ones."""

from __future__ import annotations

import json

import pytest

import labutils.train as T
from labutils import rundir, runs
from train_helper import base_config, micro_inputs


def test_hash_ignores_name_output_and_resume_but_not_what_changes_the_weights(tmp_path):
    config = base_config(tmp_path)
    same = [config.replace(name="other"), config.replace(output_dir="/elsewhere"), config.replace(resume=True),
            config.replace(save_every=5), config.replace(progress=True)]
    assert all(rundir.config_hash(c) == rundir.config_hash(config) for c in same)
    different = [config.replace(lr=1e-4), config.replace(seed=1), config.replace(tasks=["ner"]),
                 config.replace(peft="lora"), config.replace(max_steps=9), config.replace(model="tiny")]
    assert len({rundir.config_hash(c) for c in different} | {rundir.config_hash(config)}) == len(different) + 1
    assert len(rundir.config_hash(config)) == 10 and rundir.config_hash(config) == rundir.config_hash(base_config(tmp_path))


def test_run_folder_root_from_config_or_environment(tmp_path, monkeypatch):
    config = base_config(tmp_path, name="demo")
    assert rundir.run_dir_for(config) == tmp_path / f"demo-{rundir.config_hash(config)}"
    monkeypatch.setenv(rundir.RUNS_ENV, str(tmp_path / "from-env"))
    assert rundir.run_dir_for(config.replace(output_dir=None)).parent == tmp_path / "from-env"
    monkeypatch.delenv(rundir.RUNS_ENV)
    from labutils import REPO_ROOT

    # the same folder from any working directory (notebooks run in notebooks/)
    assert rundir.run_dir_for(config.replace(output_dir=None)).parent == REPO_ROOT / "runs"


def test_get_or_train_trains_once_then_reuses(tmp_path):
    config = base_config(tmp_path, max_steps=4)
    first = runs.get_or_train(config, **micro_inputs())
    assert not first.reused and first.model is not None
    folder = first.run_dir
    assert {p.name for p in folder.iterdir()} >= {"config.yaml", "history.jsonl", "metrics.json", "final", "DONE"}

    # no model or data given: training would fail to load model "micro", so this can only reuse
    second = runs.get_or_train(config.replace(name="test", progress=True))
    assert second.reused and second.run_dir == folder
    assert second.metrics == json.loads((folder / "metrics.json").read_text())
    assert second.history == first.history and second.config.lr == config.lr
    assert runs.list_runs(tmp_path)[0]["done"] is True


def test_get_or_train_resumes_an_unfinished_run(tmp_path, capsys):
    class Interrupt:
        def on_log(self, record):
            if record["step"] == 5:
                raise KeyboardInterrupt

    config = base_config(tmp_path, max_steps=8, save_every=2)
    with pytest.raises(KeyboardInterrupt):
        T.train(config, callbacks=[Interrupt()], **micro_inputs())
    assert not rundir.is_done(rundir.run_dir_for(config))
    result = runs.get_or_train(config, **micro_inputs())
    out = capsys.readouterr().out
    assert "resumed from" in out and "at step 4 of 8" in out
    assert not result.reused and result.metrics["steps"] == 8
    assert [r["step"] for r in result.history if r["kind"] == "train"] == list(range(1, 9))


def test_load_run_refuses_an_unfinished_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a finished run"):
        runs.load_run(tmp_path)


def _copy_bundled_data(tmp_path, monkeypatch):
    """A private copy of the bundled data, pointed to by LABUTILS_DATA, that a test may edit."""
    import shutil

    from labutils.data import data_dir
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy, ignore=shutil.ignore_patterns("generators", "*.py", "*.md"))
    monkeypatch.setenv("LABUTILS_DATA", str(copy))
    return copy


def test_edited_bundled_training_data_makes_a_new_run_folder(tmp_path, monkeypatch):
    # After a data update (git pull, a regenerated split) a registry keyed on the config alone would hand back
    # a model trained on the old rows. The hash covers the train and validation files of the tasks it trains.
    data = _copy_bundled_data(tmp_path, monkeypatch)
    config = base_config(tmp_path)
    before = rundir.config_hash(config)
    (data / "ner" / "train.jsonl").write_text((data / "ner" / "train.jsonl").read_text() + "\n")
    assert rundir.config_hash(config) == before, "a task the run does not train changed nothing it reads"
    (data / "summarization" / "test.jsonl").unlink()
    assert rundir.config_hash(config) == before, "training reads train and validation only"
    train_file = data / "summarization" / "train.jsonl"
    train_file.write_text("".join(train_file.read_text().splitlines(keepends=True)[1:]))
    assert rundir.config_hash(config) != before


def test_cached_scores_are_not_reused_after_the_bundled_test_split_changes(tmp_path, monkeypatch):
    data = _copy_bundled_data(tmp_path, monkeypatch)
    monkeypatch.setenv(rundir.RUNS_ENV, str(tmp_path / "runs"))
    before = runs.eval_cache_path("micro", ["sentiment"], limit=4)
    assert runs.eval_cache_path("micro", ["sentiment"], limit=4, split="validation") != before
    test_file = data / "sentiment" / "test.jsonl"
    test_file.write_text("".join(test_file.read_text().splitlines(keepends=True)[1:]))
    assert runs.eval_cache_path("micro", ["sentiment"], limit=4) != before
