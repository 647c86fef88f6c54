"""``log_to: [tensorboard]``: event files under the run folder, read back with tensorboard's own reader."""

from __future__ import annotations

import pytest

import labutils.train as T
from labutils.config import ConfigError
from labutils.logsinks import TENSORBOARD_FOLDER, TensorBoardSink
from labutils.rundir import config_hash, read_history
from train_helper import base_config, micro_inputs

event_accumulator = pytest.importorskip("tensorboard.backend.event_processing.event_accumulator")


def scalars(folder) -> dict[str, dict[int, float]]:
    """``{tag: {step: value}}`` of every scalar in ``folder``'s event files, as TensorBoard reads them."""
    reader = event_accumulator.EventAccumulator(str(folder))
    reader.Reload()
    events = {tag: reader.Scalars(tag) for tag in reader.Tags()["scalars"]}
    for tag, values in events.items():  # one event per step: no step logged twice
        assert len({event.step for event in values}) == len(values), (tag, [event.step for event in values])
    return {tag: {event.step: event.value for event in values} for tag, values in events.items()}


def history_values(run_dir, kind: str, key: str) -> dict[int, float]:
    return {r["step"]: r[key] for r in read_history(run_dir) if r["kind"] == kind}


def test_log_to_is_checked_and_does_not_change_the_run(tmp_path):
    with pytest.raises(ConfigError, match="log_to"):
        base_config(tmp_path, log_to=["wandb"])
    assert config_hash(base_config(tmp_path, log_to=["tensorboard"])) == config_hash(base_config(tmp_path))
    assert base_config(tmp_path).log_to == []  # off by default


def test_a_run_writes_the_losses_of_its_history(tmp_path):
    result = T.train(base_config(tmp_path, max_steps=6, eval_every=3, log_to=["tensorboard"]), **micro_inputs())
    logged = scalars(result.run_dir / TENSORBOARD_FOLDER)
    assert {"train/loss", "train/lr", "train/tokens_per_s", "validation/loss"} <= set(logged)
    for tag, kind, key in [("train/loss", "train", "loss"), ("train/lr", "train", "lr"),
                           ("validation/loss", "val", "val_loss")]:
        expected = history_values(result.run_dir, kind, key)
        assert logged[tag] == pytest.approx(expected, rel=1e-6), tag  # float32 in the event file


def test_a_resumed_run_keeps_one_clean_curve(tmp_path):
    class StopAt:
        def on_log(self, record):
            if record["step"] == 5:
                raise KeyboardInterrupt

    config = base_config(tmp_path, max_steps=8, save_every=3, log_to=["tensorboard"])
    with pytest.raises(KeyboardInterrupt):
        T.train(config, callbacks=[StopAt()], **micro_inputs())  # logged steps 4 and 5 after the checkpoint at 3
    result = T.train(config.replace(resume=True), **micro_inputs())
    logged = scalars(result.run_dir / TENSORBOARD_FOLDER)["train/loss"]
    assert logged == pytest.approx(history_values(result.run_dir, "train", "loss"), rel=1e-6)
    assert sorted(logged) == list(range(1, 9))


def test_the_generation_metric_goes_under_validation(tmp_path):
    sink = TensorBoardSink(tmp_path)
    sink.on_eval({"kind": "val", "step": 4, "val_loss": 1.5, "val_rouge1": 0.25, "val_n": 16})
    sink.close()
    logged = scalars(tmp_path)
    assert logged["validation/rouge1"] == {4: 0.25} and logged["validation/loss"] == {4: 1.5}
