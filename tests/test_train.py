"""Tests of the training loop on a micro Llama with synthetic data (see train_helper.py)."""

from __future__ import annotations

import errno
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

import labutils.train as T
from labutils import rundir
from labutils.cli import main as labutils_main
from labutils.config import TrainConfig
from labutils.loss import CompletionLoss, count_loss_tokens, masks_on_host
from labutils.rundir import CheckpointError, read_state, run_dir_for
from labutils.tokenization import IGNORE_INDEX, collate, pack_examples
from train_helper import base_config, fake_examples, micro_inputs, micro_model, trainable_state

HELPER = Path(__file__).with_name("train_helper.py")
ROOT = HELPER.parents[1]


def train_micro(config, **kwargs):
    """train() on the micro model and synthetic examples, passed in as arguments."""
    return T.train(config, **{**micro_inputs(), **kwargs})


# ---- the loss ------------------------------------------------------------------------------


def test_head_only_on_labelled_positions_matches_hf_loss():
    model = micro_model()
    batch = collate(fake_examples(5, seed=7), pad_id=0)
    hf_loss = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"]).loss
    ours = CompletionLoss(model)(**batch) / count_loss_tokens(batch)
    assert abs(ours.item() - hf_loss.item()) < 1e-5


def test_the_loss_has_no_data_dependent_shapes():
    """The labelled positions come from collate (CPU); forward and backward never ask the device which."""
    from torch.profiler import ProfilerActivity, profile

    batch = collate(fake_examples(5, seed=7), pad_id=0)
    assert batch["loss_positions"].shape[0] % 64 == 0  # padded slots: few distinct shapes
    inputs = {key: value for key, value in batch.items() if key != "labels"}
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        CompletionLoss(micro_model())(**inputs).backward()
    ops = {event.key for event in prof.key_averages()}
    assert not ops & {"aten::nonzero", "aten::masked_select", "aten::_index_put_impl_"}, ops


def _loss_and_grads(model, batch):
    model.zero_grad()
    loss = CompletionLoss(model)(**{key: value for key, value in batch.items() if key != "labels"})
    loss.backward()
    return loss.detach(), [p.grad.clone() for p in model.parameters() if p.grad is not None]


@pytest.mark.parametrize("lengths", ["padded", "same length"])
def test_masks_built_on_the_host_give_the_same_loss_and_gradients(lengths):
    examples = fake_examples(5, seed=7)
    if lengths == "same length":
        examples = [e for e in examples if len(e["input_ids"]) == len(examples[0]["input_ids"])][:1] * 3
    model = micro_model()
    assert masks_on_host(model, packing=False)
    plain = _loss_and_grads(model, collate(examples, pad_id=0))
    host = collate(examples, pad_id=0, causal_mask=True)
    rows, width = host["input_ids"].shape
    assert tuple(host["causal_mask"].shape) == (rows, 1, width, width) and host["causal_mask"].dtype == torch.bool
    built = _loss_and_grads(model, host)
    assert torch.allclose(plain[0], built[0], atol=1e-6)
    assert all(torch.allclose(a, b, atol=1e-6) for a, b in zip(plain[1], built[1]))


@pytest.mark.parametrize("lengths", ["padded", "same length"])
def test_with_host_masks_the_attention_never_reads_the_mask_back(lengths):
    """transformers checks a 2D mask on the device (``mask.all()``: a GPU wait), and without a mask it checks
    the position ids for packed rows (another ``.all()``); a host-built 4D mask is used as is, padded or not."""
    from torch.profiler import ProfilerActivity, profile

    model = micro_model()
    examples = fake_examples(5, seed=7)
    if lengths == "same length":
        examples = [e for e in examples if len(e["input_ids"]) == len(examples[0]["input_ids"])][:1] * 3
    for causal_mask, reads_back in ((False, True), (True, False)):
        batch = collate(examples, pad_id=0, causal_mask=causal_mask)
        inputs = {key: value for key, value in batch.items() if key != "labels"}
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            CompletionLoss(model)(**inputs).backward()
        reads = {event.key for event in prof.key_averages()} & {"aten::_local_scalar_dense", "aten::is_nonzero"}
        assert bool(reads) == reads_back, (causal_mask, reads)


def test_masks_are_built_on_the_host_only_where_the_model_would_read_them_the_same_way():
    from transformers import T5Config, T5ForConditionalGeneration

    assert masks_on_host(micro_model(), packing=False)
    assert not masks_on_host(micro_model(), packing=True)           # packed rows: position_ids, not a mask
    eager = micro_model()
    eager.config._attn_implementation = "eager"                   # eager attention adds float masks
    assert not masks_on_host(eager, packing=False)
    windowed = micro_model()
    windowed.config.sliding_window = 16                            # a window the 4D mask would not carry
    assert not masks_on_host(windowed, packing=False)
    t5 = T5ForConditionalGeneration(T5Config(vocab_size=128, d_model=16, d_kv=4, d_ff=32, num_layers=1, num_heads=2))
    assert not masks_on_host(t5, packing=False)


def test_collate_rounds_widths_up_for_compile():
    batch = collate(fake_examples(3, seed=1), pad_id=0, pad_to_multiple_of=64)
    assert batch["input_ids"].shape[1] % 64 == 0
    assert (batch["labels"][batch["attention_mask"] == 0] == IGNORE_INDEX).all()


@pytest.mark.parametrize("knob, steps, wraps", [(True, 3, True), (False, 3, False), ("auto", 3, False),
                                                ("auto", T.COMPILE_MIN_STEPS, torch.cuda.is_available())])
def test_the_compile_knob_wraps_the_loss_and_pads_widths_to_64(tmp_path, monkeypatch, knob, steps, wraps):
    """compile: true (or auto on a long CUDA run) hands the loss module to torch.compile and pads every
    batch to a multiple of 64 (few shapes, few recompiles). torch.compile is replaced by a recorder here: a
    real compile takes minutes on a CPU (benchmarks/RESULTS.md), and what it produces is torch's business."""
    wrapped, widths = [], []
    monkeypatch.setattr(T.torch, "compile", lambda module, **options: wrapped.append(module) or module)
    real_collate = T.collate
    monkeypatch.setattr(T, "collate", lambda *args, **kwargs: widths.append(
        real_collate(*args, **kwargs)["input_ids"].shape[1]) or real_collate(*args, **kwargs))
    config = base_config(tmp_path, compile=knob, max_steps=steps, eval_limit=2)
    assert T._use_compile(config, torch.device("cuda" if torch.cuda.is_available() else "cpu"), steps) == wraps
    if steps > 10:  # the auto threshold itself: only the decision above, not thousands of steps
        return
    train_micro(config)
    assert [type(m).__name__ for m in wrapped] == (["CompletionLoss"] if wraps else [])
    assert widths and all(width % 64 == 0 for width in widths) == wraps


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_steps_between_logs_never_wait_for_the_device(tmp_path):
    """Steps 5-7 of 8 (log_every 4) run with CUDA's sync debug mode on: only the read at step 8 may sync."""
    import warnings

    class SyncWatch:
        def on_log(self, record):
            torch.cuda.set_sync_debug_mode("warn" if record["step"] == 4 else 0)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            train_micro(base_config(tmp_path, max_steps=8, log_every=4), callbacks=[SyncWatch()])
        finally:
            torch.cuda.set_sync_debug_mode(0)
    syncs = [w for w in caught if "synchroniz" in str(w.message)]
    assert len(syncs) <= 1, [str(w.message) for w in syncs]


def test_collate_pads_dynamically_to_the_longest_in_the_batch():
    examples = fake_examples(6, seed=3)
    batch = collate(examples, pad_id=0)
    assert batch["input_ids"].shape[1] == max(len(e["input_ids"]) for e in examples)
    assert batch["attention_mask"].sum().item() == sum(len(e["input_ids"]) for e in examples)
    assert (batch["labels"][batch["attention_mask"] == 0] == IGNORE_INDEX).all()


# ---- data order ----------------------------------------------------------------------------


def test_step_batches_are_seeded_grouped_and_cover_each_example_once():
    lengths = [len(e["input_ids"]) for e in fake_examples(64)]
    a = T.step_batches(lengths, 0, step_size=4, seed=0, group_by_length=True)
    assert a == T.step_batches(lengths, 0, step_size=4, seed=0, group_by_length=True)  # pure function
    assert a != T.step_batches(lengths, 1, step_size=4, seed=0, group_by_length=True)  # new order each epoch
    flat = [i for step in a for i in step]
    assert sorted(flat) == list(range(64))
    # grouping by length: far less padding than a plain shuffle
    def padding(steps):
        return sum(max(lengths[i] for i in s) * len(s) - sum(lengths[i] for i in s) for s in steps)
    assert padding(a) < 0.5 * padding(T.step_batches(lengths, 0, step_size=4, seed=0, group_by_length=False))


def test_packing_keeps_loss_inside_each_example():
    examples = fake_examples(10)
    rows = pack_examples(examples, max_length=96)
    assert all(len(r["input_ids"]) <= 96 for r in rows) and len(rows) < len(examples)
    assert sum(len(r["input_ids"]) for r in rows) == sum(len(e["input_ids"]) for e in examples)
    for row in rows:  # positions restart at 0 at each example start, where the label is masked
        starts = [i for i, p in enumerate(row["position_ids"]) if p == 0]
        assert all(row["labels"][i] == IGNORE_INDEX for i in starts)


# ---- the schedule --------------------------------------------------------------------------


def test_lr_schedule_shapes():
    config = base_config("/tmp", lr=1e-3, warmup_steps=5, min_lr_ratio=0.1)
    total = 45  # 5 warm-up steps, then 40 decay steps
    cosine = [T.lr_at(s, config, total) for s in range(total)]
    assert cosine[:5] == pytest.approx([2e-4, 4e-4, 6e-4, 8e-4, 1e-3])  # 1) linear warmup to the peak
    assert all(a >= b for a, b in zip(cosine[4:], cosine[5:]))  # 2) then never rises
    assert T.lr_at(total, config, total) == pytest.approx(1e-4)  # ends at lr * min_lr_ratio
    assert T.lr_at(25, config, total) == pytest.approx(0.55e-3)  # halfway through the decay: halfway down
    linear = config.replace(lr_schedule="linear")
    assert T.lr_at(25, linear, total) == pytest.approx(0.55e-3)
    assert T.lr_at(12, config, total) > T.lr_at(12, linear, total)  # cosine stays near the peak longer
    assert T.lr_at(38, config, total) < T.lr_at(38, linear, total)  # and comes down to the floor sooner
    constant = config.replace(lr_schedule="constant")
    assert [T.lr_at(s, constant, total) for s in (5, 30, 44)] == [1e-3] * 3


# ---- the loop ------------------------------------------------------------------------------


def test_training_lowers_the_loss_and_writes_history(tmp_path):
    seen = {"log": [], "eval": []}

    class Recorder:
        def on_log(self, record):
            seen["log"].append(record)

        def on_eval(self, record):
            seen["eval"].append(record)

    result = train_micro(base_config(tmp_path, max_steps=30, eval_every=10, lr=1e-2), callbacks=[Recorder()])
    losses = [loss for _, loss in result.train_losses()]
    assert sum(losses[-5:]) / 5 < sum(losses[:5]) / 5 - 0.3
    assert [r["step"] for r in seen["eval"]] == [10, 20, 30]
    assert len(seen["log"]) == 30 and all(r["tokens_per_s"] > 0 and r["grad_norm"] > 0 for r in seen["log"])
    on_disk = [json.loads(line) for line in (result.run_dir / "history.jsonl").read_text().splitlines()]
    assert on_disk == result.history
    assert (result.run_dir / "DONE").is_file() and (result.run_dir / "final" / "config.json").is_file()
    metrics = json.loads((result.run_dir / "metrics.json").read_text())
    assert metrics["steps"] == 30 and metrics["peak_memory_bytes"] > 0 and metrics["best_step"] is not None


def test_trains_after_another_library_set_up_accelerate_in_the_same_process(tmp_path):
    """A learner may run transformers' Trainer (bf16) in the same kernel first; our loop must still run."""
    from accelerate import Accelerator
    from accelerate.state import AcceleratorState

    AcceleratorState._reset_state(reset_partial_state=True)  # as in a fresh kernel
    Accelerator(mixed_precision="bf16", cpu=True)  # what Trainer(bf16=True) sets up
    try:
        result = train_micro(base_config(tmp_path, max_steps=2))
        assert result.metrics["steps"] == 2
    finally:
        AcceleratorState._reset_state(reset_partial_state=True)


def test_grad_accumulation_equals_the_big_batch(tmp_path):
    big = train_micro(base_config(tmp_path, name="big", batch_size=4, grad_accum=1, max_steps=6))
    accum = train_micro(base_config(tmp_path, name="accum", batch_size=2, grad_accum=2, max_steps=6))
    for (_, a), (_, b) in zip(big.train_losses(), accum.train_losses()):
        assert a == pytest.approx(b, abs=1e-5)
    for (name, p), q in zip(big.model.named_parameters(), accum.model.parameters()):
        assert torch.allclose(p, q, atol=1e-5), name


def test_lora_trains_only_the_adapters(tmp_path):
    before = trainable_state(micro_model())
    result = train_micro(base_config(tmp_path, peft="lora", r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], lr=1e-2))
    after = {n.replace("base_model.model.", "").replace(".base_layer", ""): p for n, p in result.model.named_parameters()}
    lora = [n for n in after if "lora_" in n]
    assert lora and all(after[n].requires_grad for n in lora)
    for name, value in before.items():  # every base weight is bitwise unchanged
        assert torch.equal(after[name].cpu(), value.cpu()), name
    assert any(not torch.equal(after[n], torch.zeros_like(after[n])) for n in lora if "lora_B" in n)
    assert result.metrics["trainable_params"] == sum(after[n].numel() for n in lora)
    assert result.metrics["trainable_percent"] < 50
    adapter = json.loads((result.run_dir / "final" / "adapter_config.json").read_text())
    assert adapter["base_model_name_or_path"] == "micro" and adapter["r"] == 4


def test_packing_and_no_grouping_run(tmp_path):
    result = train_micro(base_config(tmp_path, packing=True, max_length=96, max_steps=3))
    assert result.metrics["examples"] < 64 and math.isfinite(result.metrics["final_loss"])
    result = train_micro(base_config(tmp_path, group_by_length=False, max_steps=3))
    assert math.isfinite(result.metrics["final_loss"])


def test_gradient_checkpointing_and_bf16_train_the_same_model(tmp_path):
    plain = train_micro(base_config(tmp_path, name="plain", max_steps=3))
    ckpt = train_micro(base_config(tmp_path, name="ckpt", max_steps=3, gradient_checkpointing=True))
    # recomputing activations in backward changes memory, not the numbers
    assert [l for _, l in ckpt.train_losses()] == pytest.approx([l for _, l in plain.train_losses()], abs=1e-6)
    bf16 = train_micro(base_config(tmp_path, name="bf16", max_steps=3, precision="bf16"))
    assert bf16.metrics["precision"] == "bf16"
    assert [l for _, l in bf16.train_losses()] == pytest.approx([l for _, l in plain.train_losses()], abs=0.05)


def test_early_stopping(tmp_path):
    # Validation targets that training never rewards (token 1, BOS, is no completion token of the
    # training examples): the more the model learns, the worse its validation loss, from step 1 on.
    val = [{"input_ids": e["input_ids"], "labels": [t if t == IGNORE_INDEX else 1 for t in e["labels"]]}
           for e in fake_examples(16, seed=2)]
    result = train_micro(base_config(tmp_path, eval_every=1, early_stopping_patience=2, max_steps=8, save_best=True),
                         val_examples=val)
    assert result.metrics["stopped_early"] and result.metrics["steps"] == 3
    assert result.metrics["best_step"] == 1 and (result.run_dir / "best" / "trainable.safetensors").is_file()


# ---- resume ------------------------------------------------------------------------------------


class StopAt:
    """A callback that interrupts training after ``step`` (like a Ctrl-C)."""

    def __init__(self, step):
        self.step = step

    def on_log(self, record):
        if record["step"] == self.step:
            raise KeyboardInterrupt


def test_resume_in_process_is_bitwise_identical(tmp_path):
    reference = train_micro(base_config(tmp_path / "a", max_steps=10, save_every=3, eval_every=4))
    config = base_config(tmp_path / "b", max_steps=10, save_every=3, eval_every=4)
    with pytest.raises(KeyboardInterrupt):
        train_micro(config, callbacks=[StopAt(8)])  # checkpoint at 6, killed at 8
    resumed = train_micro(config.replace(resume=True))
    for (name, p), q in zip(reference.model.named_parameters(), resumed.model.parameters()):
        assert torch.equal(p, q), name
    assert [r["step"] for r in resumed.history] == [r["step"] for r in reference.history]
    assert [r.get("loss") for r in resumed.history] == [r.get("loss") for r in reference.history]


def _run_helper(config: dict, out: Path | None, env_extra=None, **popen):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", **(env_extra or {})}
    return subprocess.Popen([sys.executable, str(HELPER), json.dumps(config)] + ([str(out)] if out else []), env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen)


def _checkpoint_step(run_root: Path) -> int:
    for state in run_root.glob("*/checkpoint/state.json"):
        try:
            return json.loads(state.read_text())["step"]
        except (OSError, ValueError):
            return -1
    return -1


@pytest.fixture
def one_thread():
    """One intra-op thread, like the subprocesses (tests/train_helper.py): the same CPU kernels."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_sigkill_at_any_moment_then_resume_is_bitwise_identical(tmp_path, one_thread):
    """SIGKILL a training subprocess at several points; resuming must reproduce the weights bitwise.

    LoRA with dropout, so the RNG state must be restored too. Each step sleeps 0.1 s in the
    child (env LABUTILS_TEST_STEP_SLEEP) so the kills land mid-run. The reference run and the
    resumed runs train in this process (saves a subprocess start each).
    """
    common = dict(model="micro", tasks=["summarization"], batch_size=4, lr=3e-3, max_steps=12, warmup_steps=2,
                  eval_every=5, eval_limit=8, save_every=2, progress=False, precision="fp32", name="kill",
                  peft="lora", r=4, lora_dropout=0.1, target_modules=["q_proj", "v_proj"])
    reference = train_micro(TrainConfig.from_dict({**common, "output_dir": str(tmp_path / "reference")}))
    reference_weights = trainable_state(reference.model)

    rng = random.Random(0)
    kill_points = [("checkpoint", 2), ("checkpoint", 6), ("delay", rng.uniform(0.2, 1.0))]
    for i, (how, when) in enumerate(kill_points):
        root = tmp_path / f"killed{i}"
        config = {**common, "output_dir": str(root)}
        proc = _run_helper(config, None, {"LABUTILS_TEST_STEP_SLEEP": "0.1"})
        deadline = time.time() + 90
        while proc.poll() is None and time.time() < deadline:
            line = proc.stdout.readline() if how == "delay" else ""
            if how == "delay" and "trainable parameters" in line:  # training has started
                time.sleep(when)
                break
            if how == "checkpoint" and _checkpoint_step(root) >= when:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        resumed = train_micro(TrainConfig.from_dict({**config, "resume": True}))
        for name, value in trainable_state(resumed.model).items():
            assert torch.equal(value, reference_weights[name]), f"kill point {how}={when}: {name} differs"
        steps = [r["step"] for r in resumed.history if r["kind"] == "train"]
        assert steps == list(range(1, 13)), f"history after resume is not one clean run: {steps}"
        assert resumed.history == reference.history or [r.get("loss") for r in resumed.history] == \
            [r.get("loss") for r in reference.history]


def test_two_processes_match_one_process_at_the_same_global_batch(tmp_path):
    """``accelerate launch --num_processes 2`` on CPU (gloo, DDP) vs one process with grad_accum=2.

    Same global batch (2 processes x 2 examples = 1 process x 2 examples x 2 micro-batches), same
    examples per step, so the loss curves agree up to float summation order: tolerance 1e-4.
    """
    common = dict(model="micro", tasks=["summarization"], lr=3e-3, max_steps=6, warmup_steps=2, eval_limit=8,
                  progress=False, precision="fp32", save_every=0)
    one = _run_helper({**common, "batch_size": 2, "grad_accum": 2, "output_dir": str(tmp_path / "one")}, tmp_path / "one.st")
    assert one.wait(120) == 0, one.stdout.read()
    # On a CPU-only machine `accelerate launch --cpu` starts ONE process unless MPI is set up;
    # --multi_gpu starts two through torchrun, and train() asks Accelerate for CPU + gloo.
    launcher = [sys.executable, "-m", "accelerate.commands.launch", "--num_processes", "2", "--multi_gpu",
                "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", "29517"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    config = {**common, "batch_size": 2, "grad_accum": 1, "output_dir": str(tmp_path / "two")}
    two = subprocess.run(launcher + [str(HELPER), json.dumps(config), str(tmp_path / "two.st")], env=env, cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=180)
    assert two.returncode == 0, two.stdout[-3000:]
    history = {name: [r for r in json.loads(Path(tmp_path / f"{name}.st.history.json").read_text()) if r["kind"] == "train"]
               for name in ("one", "two")}
    assert len(history["one"]) == len(history["two"]) == 6
    for a, b in zip(history["one"], history["two"]):
        assert a["loss_tokens"] == b["loss_tokens"]  # the same examples in each step
        assert a["loss"] == pytest.approx(b["loss"], abs=1e-4)
    metrics = json.loads(next((tmp_path / "two").glob("*/metrics.json")).read_text())
    assert metrics["world_size"] == 2


# ---- guards ------------------------------------------------------------------------------------


def _backbone_hook(model, hook):
    """Run ``hook(module, inputs, output)`` after the micro model's transformer body (not the head)."""
    model.model.register_forward_hook(hook)
    return model


def test_nan_loss_stops_with_the_step_and_keeps_the_last_good_checkpoint(tmp_path):
    calls = {"n": 0}

    def poison(module, inputs, output):
        if module.training:
            calls["n"] += 1
            if calls["n"] == 5:  # step 5's forward (1 micro-batch per step)
                output.last_hidden_state = output.last_hidden_state * float("nan")
        return output

    config = base_config(tmp_path, save_every=2, max_steps=8)
    # the step-4 checkpoint holds the weights whose loss was NaN at step 5: resuming it would replay the
    # divergence, so the guard keeps step 2's
    with pytest.raises(T.TrainingDiverged, match=r"at step 5.*last good checkpoint \(step 2\)"):
        train_micro(config, model=_backbone_hook(micro_model(), poison))
    assert read_state(run_dir_for(config) / "checkpoint")["step"] == 2


def test_full_disk_while_checkpointing_keeps_the_previous_checkpoint(tmp_path, monkeypatch):
    real_save, calls = torch.save, {"n": 0}

    def full_disk(obj, path, *args, **kwargs):
        if str(path).endswith("optimizer.pt"):
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(obj, path, *args, **kwargs)

    monkeypatch.setattr(rundir.torch, "save", full_disk)
    config = base_config(tmp_path, save_every=2, max_steps=8)
    with pytest.raises(CheckpointError, match=r"step 4: the disk is full; the previous checkpoint \(step 2\).*intact"):
        train_micro(config)
    run_dir = run_dir_for(config)
    assert read_state(run_dir / "checkpoint")["step"] == 2
    assert not list(run_dir.glob("checkpoint.tmp*"))
    resumed = train_micro(config.replace(resume=True))  # and the run can go on from it
    assert resumed.metrics["steps"] == 8


def test_out_of_memory_gives_concrete_advice(tmp_path):
    def oom(module, inputs, output):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    with pytest.raises(T.TrainingOutOfMemory) as error:
        train_micro(base_config(tmp_path, batch_size=4), model=_backbone_hook(micro_model(), oom))
    message = str(error.value)
    for advice in ("batch_size=2 grad_accum=2", "gradient_checkpointing=true", "peft=lora"):
        assert advice in message


# ---- the command line ------------------------------------------------------------------------


def _real_stack_available() -> bool:
    try:
        from labutils.default_model import cache_is_valid, default_model_dir
        import labutils.tokenization  # noqa: F401
    except ImportError:
        return False
    return cache_is_valid(default_model_dir())


@pytest.mark.skipif(not _real_stack_available(), reason="needs the cached default tokenizer")
def test_cli_train_prints_run_folder_loss_and_timings(tmp_path, capsys):
    config_file = tmp_path / "c.yaml"
    config_file.write_text("model: tiny\ntasks: [sentiment]\nbatch_size: 4\nmax_steps: 3\nprogress: false\n"
                           f"train_limit: 16\neval_limit: 4\nmax_length: 128\nprecision: fp32\noutput_dir: {tmp_path}\n")
    assert labutils_main(["train", "--config", str(config_file), "lr=1e-3"]) == 0
    out = capsys.readouterr().out
    assert "run folder:" in out and "final loss:" in out and "s/step" in out
    assert labutils_main(["train", "--config", str(config_file), "lr=0"]) == 2
    assert "lr: must be > 0" in capsys.readouterr().err


# ---- with the real tiny model and bundled data, when they are available -----------------------


@pytest.mark.skipif(not _real_stack_available(), reason="needs the cached default tokenizer and labutils.tokenization")
def test_tiny_model_on_bundled_data(tmp_path):
    config = TrainConfig(model="tiny", tasks=["sentiment"], batch_size=4, max_steps=3, max_length=128,
                           train_limit=32, eval_limit=8, progress=False, output_dir=str(tmp_path), save_every=2,
                           generation_eval_every=3, generation_eval_limit=2)
    result = T.train(config)
    assert math.isfinite(result.metrics["final_loss"]) and result.metrics["examples"] > 0
    val = [r for r in result.history if r["kind"] == "val"][-1]
    assert any(key.startswith("val_") and key != "val_loss" for key in val), val  # the generation metric
    assert (result.run_dir / "final" / "tokenizer_config.json").is_file()
