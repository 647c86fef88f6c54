"""Bad inputs, one row each: the exit code, a message that names the file, key or value, and never a traceback.

The tables are the specification: every bad input found by a probe gets a row here. Each row drives
the ``labutils`` command in-process (``labutils.cli.main``, much faster than a subprocess) on the
``tiny`` model; the template and cache rows call the library, where no command reaches; two rows run
the installed command in a subprocess to prove the whole path prints no traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import torch

from labutils import default_model
from labutils.cli import main
from labutils.config import TrainConfig
from labutils.default_model import cache_is_valid
from labutils.models import load_model
from labutils.rundir import (TrainingError, append_history, keep_sound_checkpoint, read_state, run_dir_for,
                             save_checkpoint)
from labutils.templates import Template, TemplateError, load_promptsource_yaml
from labutils.train import train

CONFIG = """\
model: tiny
tasks: [sentiment]
max_length: 64
batch_size: 2
train_limit: 8
eval_limit: 2
max_steps: 2
warmup_steps: 1
save_every: 0
precision: fp32
progress: false
"""
REVIEW = {"id": "r1", "text": "A warm, funny film.", "label": "positive"}


def _jsonl(path: Path, rows) -> Path:
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows))
    return path


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    """A workspace of bad (and good) inputs."""
    ws = tmp_path_factory.mktemp("bad-inputs")
    (ws / "config.yaml").write_text(CONFIG + f"output_dir: {ws / 'runs'}\n")
    (ws / "bad.yaml").write_text("model: tiny\ntasks: [sentiment\n")
    (ws / "list.yaml").write_text("- model: tiny\n")
    (ws / "a_file").write_text("not a folder\n")
    (ws / "empty.yaml").write_text("# only a comment\n")
    (ws / "twice.yaml").write_text("model: tiny\nlr: 1.0e-4\ntasks: [sentiment]\nlr: 5.0e-5\n")
    (ws / "latin.yaml").write_bytes(b"model: tiny\n# caf\xe9 au lait\ntasks: [sentiment]\n")  # Latin-1, not UTF-8
    (ws / "data_dir").mkdir()
    (ws / "empty_dir").mkdir()
    (ws / "adapter").mkdir()
    (ws / "adapter" / "adapter_config.json").write_text("{}")
    (ws / "adapter_bad_json").mkdir()
    (ws / "adapter_bad_json" / "adapter_config.json").write_text("{bad")
    model, tokenizer = load_model("tiny")  # a saved model folder, then damaged copies of it
    for damaged in ("bad_config", "cut_weights", "no_weights"):
        model.save_pretrained(ws / damaged)
        tokenizer.save_pretrained(ws / damaged)
    (ws / "bad_config" / "config.json").write_text("{bad")
    _truncate(ws / "cut_weights" / "model.safetensors")
    (ws / "no_weights" / "model.safetensors").unlink()
    (ws / "notes.txt").write_text("text\n")
    _jsonl(ws / "good.jsonl", [REVIEW, {**REVIEW, "id": "r2", "label": "negative"}])
    _jsonl(ws / "broken.jsonl", [REVIEW, '{"id": "r2", "text": "oops"'])
    _jsonl(ws / "no_label.jsonl", [{"id": "r1", "text": "No label here."}])
    (ws / "empty.jsonl").write_text("")
    _jsonl(ws / "huge_row.jsonl", [{**REVIEW, "text": "very long review " * 600_000}])  # 10 MB
    (ws / "long_data" / "sentiment").mkdir(parents=True)
    _jsonl(ws / "long_data" / "sentiment" / "train.jsonl", [{**REVIEW, "text": "so long " * 6_000}] * 4)
    return ws


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    """Exit code and everything printed; argparse's refusals (SystemExit) count as exit codes."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def assert_clear(code: int, output: str, expected_code: int, names: list[str]) -> None:
    assert code == expected_code, output
    for name in names:
        assert name in output, f"{name!r} not in:\n{output}"
    assert "Traceback" not in output, output


TRAIN = ["train", "--config", "{ws}/config.yaml"]
EVAL = ["eval", "--model", "tiny", "--task", "sentiment", "--max-new-tokens", "4", "--json"]
GENERATE = ["generate", "--model", "tiny", "--max-new-tokens", "4"]

CLI_CASES = [
    # -- training configs: refused before any model loads
    ("output_dir is a file", TRAIN + ["output_dir={ws}/a_file"], 2, ["output_dir", "a_file", "not a folder"]),
    ("output_dir under a file", TRAIN + ["output_dir={ws}/a_file/runs"], 2, ["output_dir", "a_file"]),
    ("override is bad YAML", TRAIN + ["tasks=[sentiment"], 2, ["tasks=[sentiment", "'tasks'", "not valid YAML"]),
    ("max_length too small", TRAIN + ["max_length=2"], 2, ["max_length", "2"]),
    ("unknown template", TRAIN + ["template=nosuch"], 2, ["template", "'nosuch'", "classify_sentiment"]),
    ("unknown key", TRAIN + ["lr_rate=1"], 2, ["lr_rate", "Did you mean"]),
    ("lr is zero", TRAIN + ["lr=0"], 2, ["lr: must be > 0"]),
    ("lr is a word", TRAIN + ["lr=fast"], 2, ["lr", "'fast'"]),
    ("unknown task", TRAIN + ["tasks=[nosuch]"], 2, ["tasks", "nosuch"]),
    ("override without =", TRAIN + ["lr"], 2, ["'lr'", "key=value"]),
    ("unknown peft", TRAIN + ["peft=qlora"], 2, ["peft", "qlora"]),
    ("max_steps is zero", TRAIN + ["max_steps=0"], 2, ["max_steps"]),
    ("mix_weights per task", TRAIN + ["mix_weights=[1,2]"], 2, ["mix_weights"]),
    ("config file missing", ["train", "--config", "{ws}/nosuch.yaml"], 2, ["nosuch.yaml", "cannot read"]),
    ("config file not YAML", ["train", "--config", "{ws}/bad.yaml"], 2, ["bad.yaml", "YAML"]),
    ("config file a list", ["train", "--config", "{ws}/list.yaml"], 2, ["list.yaml", "mapping"]),
    ("config file empty", ["train", "--config", "{ws}/empty.yaml"], 2, ["empty.yaml", "empty"]),
    ("config key twice", ["train", "--config", "{ws}/twice.yaml"], 2, ["twice.yaml", "line 4", "'lr'", "line 2"]),
    ("config by its name", ["train", "--config", "smoke"], 2, ["smoke", "configs/smoke.yaml"]),
    ("config file not UTF-8", ["train", "--config", "{ws}/latin.yaml"], 2, ["latin.yaml", "line 2", "UTF-8"]),
    ("generation_eval_limit 0", TRAIN + ["generation_eval_limit=0"], 2, ["generation_eval_limit", "0"]),
    ("lr infinite", TRAIN + ["lr=.inf"], 2, ["lr", "finite"]),
    ("epochs infinite", TRAIN + ["epochs=.inf", "max_steps=null"], 2, ["epochs", "finite"]),
    ("mix_weights infinite", TRAIN + ["tasks=[sentiment, qa]", "mix_weights=[.inf, 1]"], 2, ["mix_weights", "finite"]),
    ("seed too large", TRAIN + ["seed=99999999999999999999"], 2, ["seed", "2**32"]),
    ("run --out is a file", ["run", "--smoke", "--only", "01", "--out", "{ws}/a_file"], 2, ["a_file", "--out"]),
    # -- training: found once the data is there
    ("batch bigger than the data", TRAIN + ["batch_size=64", "output_dir={ws}/runs-batch"], 2, ["batch_size", "64"]),
    ("resume_from without checkpoint", TRAIN + ["resume_from={ws}/data_dir", "output_dir={ws}/runs-rf"], 2,
     ["resume_from", "data_dir", "checkpoint"]),
    # -- evaluation arguments: refused before the model loads
    ("eval limit 0", EVAL + ["--limit", "0"], 2, ["--limit", "0"]),
    ("eval limit -1", EVAL + ["--limit", "-1", "--data", "{ws}/good.jsonl"], 2, ["--limit", "-1"]),
    ("eval max-new-tokens 0", EVAL + ["--max-new-tokens", "0"], 2, ["--max-new-tokens", "0"]),
    ("eval batch-size 0", EVAL + ["--batch-size", "0"], 2, ["--batch-size"]),
    ("eval shots -1", EVAL + ["--shots", "-1"], 2, ["--shots"]),
    ("eval limit not a number", EVAL + ["--limit", "ten"], 2, ["--limit", "'ten'"]),
    ("eval unknown task", ["eval", "--model", "tiny", "--task", "nosuch"], 2, ["--task", "nosuch"]),
    ("eval unknown template", EVAL + ["--template", "nosuch"], 2, ["'nosuch'", "classify_sentiment"]),
    ("eval unknown split", EVAL + ["--split", "nosuch"], 2, ["'nosuch'", "split"]),
    # -- evaluation data files
    ("data is a folder", EVAL + ["--data", "{ws}/data_dir"], 2, ["data_dir", "is a folder"]),
    ("data file missing", EVAL + ["--data", "{ws}/nosuch.jsonl"], 2, ["nosuch.jsonl", "not found"]),
    ("data line not JSON", EVAL + ["--data", "{ws}/broken.jsonl"], 2, ["broken.jsonl", "line 2"]),
    ("data row lacks a field", EVAL + ["--data", "{ws}/no_label.jsonl"], 2, ["no_label.jsonl", "label"]),
    ("data file empty", EVAL + ["--data", "{ws}/empty.jsonl"], 2, ["empty.jsonl", "no rows"]),
    ("data file type", EVAL + ["--data", "{ws}/notes.txt"], 2, ["notes.txt", ".txt"]),
    # -- more shots than fit the context: fewer are used, and the output says how many
    ("eval 20 summarization shots", ["eval", "--model", "tiny", "--task", "summarization", "--limit", "1",
                                     "--max-new-tokens", "2", "--shots", "20", "--json"], 0,
     ["of the 20 shots", "context window", '"shots": 20', '"shots_fitted": ']),
    # -- prompts longer than the context: cut from the left, with a warning naming them
    ("eval 10 MB row", EVAL + ["--data", "{ws}/huge_row.jsonl"], 0, ["cut from the left", "prompt(s) 1", '"n": 1']),
    ("eval answer fills the context", EVAL + ["--max-new-tokens", "3000", "--limit", "1"], 2,
     ["max_new_tokens=3000", "2,048"]),
    ("generate 100k characters", GENERATE + ["--prompt", "word " * 20_000], 0, ["cut from the left", "prompt(s) 1"]),
    ("generate max-new-tokens 0", GENERATE + ["--prompt", "Hi", "--max-new-tokens", "0"], 2, ["--max-new-tokens"]),
    ("generate negative temperature", GENERATE + ["--prompt", "Hi", "--temperature", "-1"], 2, ["--temperature"]),
    # -- models
    ("unknown model", ["generate", "--model", "no-such-model", "--prompt", "Hi"], 2, ["'no-such-model'", "Known names"]),
    ("folder without a model", ["generate", "--model", "{ws}/empty_dir", "--prompt", "Hi"], 2,
     ["empty_dir", "holds no model"]),
    ("adapter without a base", ["generate", "--model", "{ws}/adapter", "--prompt", "Hi"], 2,
     ["adapter_config.json", "base_model_name_or_path"]),
    ("adapter config not JSON", ["generate", "--model", "{ws}/adapter_bad_json", "--prompt", "Hi"], 2,
     ["adapter_config.json", "not a readable adapter config"]),
    ("model config not JSON", EVAL + ["--model", "{ws}/bad_config", "--limit", "1"], 2, ["bad_config", "damaged"]),
    ("model weights cut short", EVAL + ["--model", "{ws}/cut_weights", "--limit", "1"], 2, ["cut_weights", "damaged"]),
    ("model weights missing", EVAL + ["--model", "{ws}/no_weights", "--limit", "1"], 2, ["no_weights", "damaged"]),
]


@pytest.mark.parametrize("argv, code, names", [pytest.param(*case[1:], id=case[0]) for case in CLI_CASES])
def test_bad_command_line_input(argv, code, names, ws, capsys):
    code_seen, output = run_cli([arg.format(ws=ws) for arg in argv], capsys)
    assert_clear(code_seen, output, code, [name.format(ws=ws) for name in names])


def test_bad_template_name_is_refused_before_anything_is_written_or_loaded(ws, capsys):
    started = time.perf_counter()
    assert_clear(*run_cli([a.format(ws=ws) for a in TRAIN] + [f"output_dir={ws}/runs-t", "template=nosuch"], capsys),
                 2, ["template"])
    assert not (ws / "runs-t").exists() and time.perf_counter() - started < 2


def test_hub_id_without_network_fails_in_seconds(monkeypatch, capsys):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    code, output = run_cli(["generate", "--model", "owner/nosuch", "--prompt", "Hi"], capsys)
    assert_clear(code, output, 2, ["'owner/nosuch'", "offline", "HF_HUB_OFFLINE"])
    assert time.perf_counter() - started < 10


def test_training_row_longer_than_the_context_is_refused_with_its_row_number(ws, monkeypatch, capsys):
    monkeypatch.setenv("LABUTILS_DATA", str(ws / "long_data"))
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + ["max_length=100000", f"output_dir={ws}/runs-long"], capsys)
    assert_clear(code, output, 2, ["sentiment train row 1", "context of 2,048", "max_length"])


def test_read_only_output_dir_names_the_folder(capsys):
    shared = Path(tempfile.mkdtemp())  # outside pytest's private tmp folder: "nobody" must reach it
    try:
        shared.chmod(0o755)
        (shared / "config.yaml").write_text(CONFIG)
        folder = shared / "read_only"
        folder.mkdir(mode=0o555)
        argv = ["train", "--config", str(shared / "config.yaml"), f"output_dir={folder}"]
        if os.geteuid() == 0:  # root may write anywhere: run as "nobody", as a learner would
            os.seteuid(65534)
        try:
            code, output = run_cli(argv, capsys)
        finally:
            if os.getuid() == 0:
                os.seteuid(0)
    finally:
        shutil.rmtree(shared)
    assert_clear(code, output, 2, ["output_dir", str(folder), "cannot write"])


# ---- checkpoints -----------------------------------------------------------------------------


class _StopAt:
    """Interrupts training at a step (a kill, without killing the test process)."""

    def __init__(self, step: int):
        self.step = step

    def on_log(self, record):
        if record["step"] == self.step:
            raise KeyboardInterrupt


RESUMABLE = ["max_steps=3", "save_every=1"]


@pytest.fixture(scope="module")
def interrupted_run(ws) -> Path:
    """A run folder stopped at step 3 of 3 with checkpoints at steps 2 (checkpoint/) and 1 (checkpoint.old/)."""
    config = TrainConfig.from_yaml(ws / "config.yaml", overrides=RESUMABLE + [f"output_dir={ws}/interrupted"])
    with pytest.raises(KeyboardInterrupt):
        train(config, callbacks=[_StopAt(3)])
    run_dir = run_dir_for(config)
    assert read_state(run_dir / "checkpoint")["step"] == 2 and read_state(run_dir / "checkpoint.old")["step"] == 1
    return run_dir


def _copy_run(run_dir: Path, root: Path) -> Path:
    shutil.copytree(run_dir, root / run_dir.name)
    return root / run_dir.name


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def test_corrupt_latest_checkpoint_falls_back_to_the_previous_one(ws, interrupted_run, capsys):
    run_dir = _copy_run(interrupted_run, ws / "fallback")
    _truncate(run_dir / "checkpoint" / "trainable.safetensors")
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + RESUMABLE + [f"output_dir={ws}/fallback"], capsys)
    assert_clear(code, output, 0, ["trainable.safetensors", "previous checkpoint", "checkpoint.old (step 1)",
                                   "steps: 3"])


def test_every_checkpoint_corrupt_says_to_start_fresh(ws, interrupted_run, capsys):
    run_dir = _copy_run(interrupted_run, ws / "corrupt")
    for folder in ("checkpoint", "checkpoint.old"):
        _truncate(run_dir / folder / "optimizer.pt")
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + RESUMABLE + [f"output_dir={ws}/corrupt"], capsys)
    assert_clear(code, output, 2, ["optimizer.pt", "Cannot resume", "--fresh", "resume_from"])


def test_resume_from_another_run_with_a_new_lr(ws, interrupted_run, capsys):
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + RESUMABLE + [
        "lr=1e-5", f"resume_from={interrupted_run}", f"output_dir={ws}/resumed"], capsys)
    assert_clear(code, output, 0, ["resume_from", "resumed from", "at step 2 of 3", "steps: 3"])
    [new_run] = [line for line in output.splitlines() if line.startswith("run folder:")]
    assert interrupted_run.name not in new_run  # a new run folder: the lr is hashed


def test_resume_from_a_checkpoint_at_or_past_max_steps_is_refused_before_anything_is_copied(ws, interrupted_run,
                                                                                             capsys):
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + [
        "max_steps=2", "save_every=1", f"resume_from={interrupted_run}", f"output_dir={ws}/past-end"], capsys)
    assert_clear(code, output, 2, ["resume_from", "step 2", "max_steps", "nothing is left to train"])
    assert not list((ws / "past-end").glob("*/checkpoint")), "refused, so nothing may be adopted"
    assert not list((ws / "past-end").glob("*/DONE"))


def test_an_unreadable_state_file_is_reported_not_taken_for_no_checkpoint(ws, interrupted_run, capsys):
    run_dir = _copy_run(interrupted_run, ws / "badstate")
    (run_dir / "checkpoint" / "state.json").write_text("{bad")
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + RESUMABLE + [f"output_dir={ws}/badstate"], capsys)
    assert_clear(code, output, 0, ["state.json", "previous checkpoint", "checkpoint.old (step 1)", "steps: 3"])
    run_dir = _copy_run(interrupted_run, ws / "badstates")
    for folder in ("checkpoint", "checkpoint.old"):
        (run_dir / folder / "state.json").write_text("{bad")
    code, output = run_cli([a.format(ws=ws) for a in TRAIN] + RESUMABLE + [f"output_dir={ws}/badstates"], capsys)
    assert_clear(code, output, 2, ["state.json", "Cannot resume", "--fresh"])
    assert (run_dir / "checkpoint" / "trainable.safetensors").is_file(), "the checkpoints must be kept, not wiped"


def test_nan_guard_keeps_no_checkpoint_with_exploded_weights(ws, capsys):
    argv = [a.format(ws=ws) for a in TRAIN] + ["lr=1e9", "max_steps=6", "save_every=1", "train_limit=16",
                                               f"output_dir={ws}/nan"]
    code, output = run_cli(argv, capsys)
    assert_clear(code, output, 2, ["loss became", "at step 2", "lr=1e+08"])
    [run_dir] = [folder for folder in (ws / "nan").iterdir() if folder.is_dir()]
    kept = read_state(run_dir / "checkpoint")
    assert kept is None or kept["step"] < 1, output  # step 1's weights gave the NaN
    assert "is kept" not in output or "resume_from=" in output


def _checkpoints_and_losses(run_dir: Path, losses: dict[int, float]):
    """Checkpoints at steps 2 (checkpoint.old/) and 3 (checkpoint/), and the history's losses."""
    model = torch.nn.Linear(4, 4)
    optimizer = torch.optim.AdamW(model.parameters())
    for step in (2, 3):
        save_checkpoint(run_dir, model, optimizer, {"step": step})
    for step, loss in losses.items():  # the loss of step k was computed with checkpoint k-1's weights
        append_history(run_dir, {"kind": "train", "step": step, "loss": loss})
    return model, optimizer


@pytest.mark.parametrize("loss_at_3, kept", [pytest.param(1.8, 2, id="sound"), pytest.param(50.0, None, id="exploded")])
def test_nan_guard_keeps_the_newest_checkpoint_whose_weights_still_trained(tmp_path, loss_at_3, kept):
    _checkpoints_and_losses(tmp_path, {1: 2.0, 2: 1.9, 3: loss_at_3})
    state = keep_sound_checkpoint(tmp_path, diverged_at=3)  # checkpoint 3's weights gave the NaN
    assert (state and state["step"]) == kept and (read_state(tmp_path / "checkpoint") or {}).get("step") == kept
    assert not (tmp_path / "checkpoint.old").exists()


def test_weights_with_nan_are_never_checkpointed(tmp_path):
    model, optimizer = _checkpoints_and_losses(tmp_path, {})
    with torch.no_grad():
        model.weight[0, 0] = float("nan")
    with pytest.raises(TrainingError, match=r"NaN or inf after step 4 \(first in weight\).*step 3\)"):
        save_checkpoint(tmp_path, model, optimizer, {"step": 4})
    assert read_state(tmp_path / "checkpoint")["step"] == 3


# ---- the library, where no command reaches ------------------------------------------------------

TEMPLATE_CASES = [
    ("nested loops", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}|||x",
     ["loops ran more than"]),
    ("silent nested loops", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}|||x",
     ["loops ran more than"]),
    ("loop over characters squared", "{% for a in text %}{% for b in text %}{% endfor %}{% endfor %}|||x",
     ["loops ran more than"]),
    ("huge output", "{% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}|||x", ["output passed"]),
    ("string times a billion", "{{ 'x' * 10**9 }}|||x", ["'*' would build"]),
    ("huge power", "{{ 2 ** 100000000 }}|||x", ["'**'"]),
    ("endless recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}|||x", ["recursion"]),
    ("python internals", "{{ ''.__class__.__mro__ }}|||x", ["unsafe"]),
    ("misspelt field", "{{ txet }}|||{{ label }}", ["'txet'"]),
]


@pytest.mark.parametrize("jinja, names", [pytest.param(*case[1:], id=case[0]) for case in TEMPLATE_CASES])
def test_bad_template_fails_fast_naming_file_and_template(jinja, names):
    started = time.perf_counter()
    with pytest.raises(TemplateError) as error:
        Template("probe", "sentiment", jinja, source="mine.yaml").render({**REVIEW, "text": "x" * 2_000})
    for name in ["mine.yaml", "'probe'", *names]:
        assert name in str(error.value)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("jinja, names", [
    pytest.param("x" * 6_800_000 + "|||y", ["6,800,004 characters"], id="6.8 MB template"),
    pytest.param("no separator {{ text }}", ["'|||'"], id="no separator"),
    pytest.param("{{ text |||", ["invalid Jinja"], id="bad Jinja"),
])
def test_bad_template_source_is_refused_when_loaded(jinja, names):
    with pytest.raises(TemplateError) as error:
        Template("probe", "sentiment", jinja, source="mine.yaml")
    for name in ["mine.yaml", *names]:
        assert name in str(error.value)


def test_bad_template_file_names_the_line(tmp_path):
    path = tmp_path / "templates.yaml"
    path.write_text("templates:\n  a: !Template\n    name: x\n    jinja: '{{ text }} ||| {{ label }}\n")
    with pytest.raises(TemplateError, match=r"templates.yaml line \d+"):
        load_promptsource_yaml(path, task="sentiment")


def test_same_size_edit_of_the_model_cache_with_its_mtime_restored_is_caught(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    weights = folder / "model.safetensors"
    weights.write_bytes(os.urandom(4096))
    default_model._write_manifest(folder)
    assert cache_is_valid(folder)
    before = weights.stat()
    weights.write_bytes(bytes([weights.read_bytes()[0] ^ 1]) + weights.read_bytes()[1:])
    os.utime(weights, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert weights.stat().st_mtime_ns == before.st_mtime_ns and weights.stat().st_size == before.st_size
    assert not cache_is_valid(folder)


# ---- end to end: the installed command prints no traceback ---------------------------------------


def test_the_installed_command_prints_a_clear_error_without_a_traceback():
    run = subprocess.run([Path(sys.executable).parent / "labutils", "generate", "--model", "owner/nosuch", "--prompt",
                          "Hi"], env={**os.environ, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True, timeout=120)
    assert_clear(run.returncode, run.stdout + run.stderr, 2, ["'owner/nosuch'", "offline"])
