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
