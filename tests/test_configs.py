"""Every config in configs/ is valid, and bad values are refused before any work, naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from labutils.config import ConfigError, TrainConfig

CONFIGS = sorted((Path(__file__).resolve().parents[1] / "configs").glob("*.yaml"))


def test_the_expected_configs_exist():
    names = {path.name for path in CONFIGS}
    assert {"smoke.yaml", "full_ft_summarization.yaml", "lora_summarization.yaml"} <= names


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_config_file_is_valid(path):
    config = TrainConfig.from_yaml(path)
    assert config.max_steps or config.epochs
    assert config.batch_size * config.grad_accum >= 1
    if config.peft == "lora":
        assert config.target_modules and config.r >= 1


def test_smoke_config_is_small():
    config = TrainConfig.from_yaml(next(p for p in CONFIGS if p.name == "smoke.yaml"))
    assert config.max_steps <= 10 and config.train_limit <= 64 and config.max_length <= 256


def test_full_ft_and_lora_configs_differ_only_where_they_should():
    full = TrainConfig.from_yaml(next(p for p in CONFIGS if p.name == "full_ft_summarization.yaml")).to_dict()
    lora = TrainConfig.from_yaml(next(p for p in CONFIGS if p.name == "lora_summarization.yaml")).to_dict()
    differing = {key for key in full if full[key] != lora[key]}
    assert differing <= {"name", "peft", "lr", "r", "lora_alpha", "lora_dropout", "target_modules"}, differing


def _notebook_parameters(name: str) -> dict:
    """The default values of a notebook's parameters cell, as papermill reads them."""
    import ast

    import papermill

    found = papermill.inspect_notebook(str(CONFIGS[0].parents[1] / "notebooks" / name))
    return {key: ast.literal_eval(item["default"]) for key, item in found.items()}


def test_notebook_06s_lora_knobs_are_its_configs():
    """Notebook 06 sets r, lora_alpha and lr as parameters (its widgets start there); the CLI reads the config.
    A learner who runs either must train the same default LoRA."""
    parameters = _notebook_parameters("06_peft_lora.ipynb")
    config = TrainConfig.named(parameters["lora_config"])
    assert (parameters["r"], parameters["lora_alpha"], parameters["lr"]) == (config.r, config.lora_alpha, config.lr)


def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, pattern", [
    ("lr: 0\n", r"lr: must be > 0"),
    ("lr: -1e-4\n", r"lr: must be > 0"),
    ("batch_size: 0\n", r"batch_size: must be >= 1"),
    ("lrr: 1e-4\n", r"unknown key 'lrr'\. Did you mean 'lr'\?"),
    ("batchsize: 4\n", r"unknown key 'batchsize'\. Did you mean 'batch_size'\?"),
    ("tasks: [summarisation]\n", r"tasks: unknown task 'summarisation'.*Did you mean 'summarization'\?"),
    ("tasks: []\n", r"tasks: must list at least one task"),
    ("batch_size: four\n", r"batch_size: expected an integer, got 'four'"),
    ("lr: fast\n", r"lr: expected a number"),
    ("gradient_checkpointing: maybe\n", r"gradient_checkpointing: expected true or false"),
    ("precision: fp16\n", r"precision: must be one of 'auto', 'bf16', 'fp32'"),
    ("lr_schedule: step\n", r"lr_schedule: must be one of"),
    ("peft: qlora\n", r"peft: must be one of 'none', 'lora'"),
    ("tasks: [sentiment, ner]\nmix_weights: [1.0]\n", r"mix_weights: needs one weight per task"),
    ("- a list\n", r"expected a mapping"),
    ("lr: [1\n", r"not valid YAML"),
])
def test_bad_values_name_the_key_and_the_file(tmp_path, text, pattern):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=pattern) as error:
        TrainConfig.from_yaml(path)
    assert str(path) in str(error.value)


def test_overrides_parse_as_yaml_and_are_checked(tmp_path):
    path = _write(tmp_path, "tasks: [sentiment]\nlr: 1.0e-4\n")
    config = TrainConfig.from_yaml(path, overrides=["lr=3e-4", "max_steps=7", "peft=lora", "tasks=[ner, qa]",
                                                    "gradient_checkpointing=true"])
    assert (config.lr, config.max_steps, config.peft, config.tasks, config.gradient_checkpointing) == \
        (3e-4, 7, "lora", ["ner", "qa"], True)
    with pytest.raises(ConfigError, match=r"unknown key 'max_step'\. Did you mean 'max_steps'\?"):
        TrainConfig.from_yaml(path, overrides=["max_step=3"])
    with pytest.raises(ConfigError, match="expected key=value"):
        TrainConfig.from_yaml(path, overrides=["lr"])
    with pytest.raises(ConfigError, match="cannot read"):
        TrainConfig.from_yaml(tmp_path / "missing.yaml")


def test_a_single_task_string_becomes_a_list_and_ints_become_floats():
    config = TrainConfig.from_dict({"tasks": "sentiment", "lr": 1, "epochs": 2})
    assert config.tasks == ["sentiment"] and isinstance(config.lr, float) and config.epochs == 2.0


def test_every_field_has_help_text():
    import dataclasses

    for f in dataclasses.fields(TrainConfig):
        assert f.metadata.get("help"), f.name


def test_direct_construction_is_validated_too():
    with pytest.raises(ConfigError, match="batch_size"):
        TrainConfig(batch_size=0)
    with pytest.raises(ConfigError, match="max_steps"):
        TrainConfig().replace(max_steps=0)


# -- scale: one knob that grows a run on a GPU and leaves the CPU run as it is ------------------------

def test_scale_auto_is_one_on_a_cpu_and_keeps_the_run_folder():
    from labutils.rundir import run_dir_for

    config = TrainConfig.from_yaml(next(p for p in CONFIGS if p.name == "full_ft_summarization.yaml"))
    assert config.scale == "auto" and config.scale_factor("cpu") == 1
    on_cpu = config.scaled(config.scale_factor("cpu"))
    assert (on_cpu.batch_size, on_cpu.max_steps, on_cpu.scale) == (config.batch_size, config.max_steps, 1)
    assert run_dir_for(on_cpu) == run_dir_for(config)  # scale itself is not hashed: CPU runs keep their folders


def test_scale_factor_multiplies_the_batch_only():
    config = TrainConfig(batch_size=8, max_steps=48, warmup_steps=5, eval_every=12, generation_eval_every=24,
                         save_every=16, lr=5e-5, scale="auto")
    big = config.scaled(4)
    assert big.batch_size == 32 and big.scale == 1
    assert big.replace(batch_size=8) == config.replace(scale=1)  # steps, intervals and lr unchanged
    assert big.scaled() == big  # resolved once: scaling again changes nothing
    by_epochs = TrainConfig(batch_size=4, max_steps=None, epochs=1.0, scale=2).scaled()
    assert by_epochs.batch_size == 8 and by_epochs.max_steps is None and by_epochs.epochs == 1.0


def test_scale_auto_on_cuda_follows_the_gpu_memory(monkeypatch):
    import types

    import torch

    config = TrainConfig(scale="auto")
    for gib, factor in ((141, 4), (12, 2), (6, 1)):
        monkeypatch.setattr(torch.cuda, "get_device_properties",
                            lambda device, gib=gib: types.SimpleNamespace(total_memory=gib * 2**30))
        assert config.scale_factor(torch.device("cuda")) == factor, gib


def test_named_configs_come_back_resolved_and_bad_scales_are_refused():
    config = TrainConfig.named("full_ft_summarization")
    assert config.scale == 1  # what a notebook prints is what the run trains
    with pytest.raises(ConfigError, match="scale"):
        TrainConfig(scale=3)
