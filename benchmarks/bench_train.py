"""Benchmark: the lab's training loop against the usual Hugging Face ways to fine-tune.

Four methods train the same model, on the same prompt/completion pairs, for the same number of
optimizer steps, with the same batch size, precision and optimizer settings:

(a) ``labutils.train.train``: dynamic padding, length-grouped batches, loss on completion
    tokens only, and the language-model head run only on the positions that carry a label.
(b) ``transformers.Trainer`` set up as the well-known course lab does (its FLAN-T5 dialogue
    summarisation lab, moved to a decoder-only model). What we mirror:
      - every example padded to ``--max-length``: ``tokenizer(..., padding="max_length")``;
      - ``labels = input_ids``, padding included, so the loss covers every token: prompt,
        summary and the pad tokens (the course lab's labels are padded with the pad id and
        never masked with -100);
      - no ``data_collator`` and no tokenizer passed to the Trainer, so it uses
        ``default_data_collator`` (stacks the already padded rows).
    We keep the tokenizer's ``attention_mask`` (the course lab drops it; with right padding and
    causal attention that changes no real token's output, and it lets us count real tokens),
    and we use the same token ids as (a) instead of re-tokenizing ``prompt + summary``, so the
    data is identical.
(c) ``transformers.Trainer`` tuned: ``DataCollatorForSeq2Seq`` padding each batch to its longest
    row, ``train_sampling_strategy="group_by_length"`` (transformers 5's name for
    ``group_by_length=True``) and completion-only labels (-100 on the prompt).
(d) TRL ``SFTTrainer`` with ``completion_only_loss=True`` on a prompt/completion dataset (the
    same chat-formatted prompt strings and targets), grouped by length like (c). We turn off
    TRL's default gradient checkpointing (it would cost ~30% speed; no other method uses it).
(ac) on request (``--methods a,ac``): (a) with ``compile: true``, to measure what ``torch.compile``
    costs in warm-up and saves per step (the figures behind ``compile: auto``).

Every method uses AdamW (fused where available) at a constant learning rate with no warm-up,
weight decay 0, gradient clipping at 1.0, and bf16 autocast where
``labutils.device.autocast_dtype`` says the hardware has it (fp32 otherwise).

What is measured, per method, each in its own Python process (a clean peak memory):

- non-padding tokens per second: the real (attention-mask) tokens of the batches the method
  actually trained on, over the timed steps, divided by their time;
- median step time: wall time between the ends of consecutive optimizer steps, leaving out
  the first ``--warmup-steps`` (default 1: kernels picked, optimizer states allocated). On a GPU
  each step's end waits for the device (``torch.cuda.synchronize``), so no method gets ahead of
  the GPU across steps; ``labutils train`` prints the loop's own tokens/s without that wait;
- peak memory: peak RSS of the process from start to the end of the last step (a thread
  samples VmRSS in /proc/self/status every 5 ms; ``labutils.train`` resets the kernel's
  VmHWM counter itself, so we can't use that), or CUDA max allocated on a GPU;
- final loss: after training, every model's completion-only loss (mean cross-entropy per
  completion token) on the same held-out batch, the first ``--eval-n`` validation examples.
  (b) trained on all tokens, so its number measures it on a task it optimised only in part;
- MFU: model FLOPs per second over this machine's matmul peak, measured in the same run
  (best of several ``torch.matmul`` of 2048x2048 in the training dtype, 8192 on a GPU).
  Model FLOPs of a training step, for each example of ``s`` real tokens (PaLM, appendix B):
  ``6 * N * s + 12 * n_layers * d_model * s**2``, N = parameters of all Linear layers (the LM
  head included, once). The same formula for every method, counting real tokens only, so
  MFU ranks like tokens/s; (a) really does fewer FLOPs (no LM head on prompt positions).

The methods run one after another (a, b, c, d; with ``--repeats 2`` the second round runs in
reverse order so that changing load on a shared machine hits them alike); the 1-minute load
average is recorded before and after each. A Markdown section is appended to
``benchmarks/RESULTS.md``.

Usage::

    labutils bench train                                # default model, 6 steps of 4 examples
    labutils bench train --methods a,c --steps 4
    python benchmarks/bench_train.py --model tiny --steps 2 --results /tmp/RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
REPO_ROOT = Path(__file__).resolve().parents[1]
TASK = "summarization"
TEMPLATE = "default"  # the task's default_template (labutils.tasks): one fixed instruction for every method
METHODS = {
    "a": "(a) `labutils.train.train`",
    "b": "(b) HF `Trainer`, course-lab setup (pad to max_length, labels = input_ids)",
    "c": "(c) HF `Trainer` tuned (pad to longest, group by length, completion-only labels)",
    "d": "(d) TRL `SFTTrainer` (completion-only loss, group by length)",
    "ac": "(ac) `labutils.train.train` with `compile: true`",
    "a0": "(a0) `labutils.train.train` at the baseline commit (`--baseline REV`)",
}
WARMUP_STEPS = 1  # default steps left out of the timing: the first picks kernels and allocates optimizer states
TARGET_VS_B, TARGET_VS_TUNED = 3.0, 1.3  # issue 4, item 10 (a CPU)
TARGET_GPU_VS_BEST, TARGET_GPU_MFU = 2.0, 0.30  # issue 12 (a CUDA GPU): vs the best of (b)-(d); MFU at the best batch
LOSS_TOLERANCE = 0.05  # "equal final loss": within this many nats per completion token


# --------------------------------------------------------------------------------------
# Measuring inside a worker: steps, tokens, memory
# --------------------------------------------------------------------------------------


class StepMeter:
    """Collects, per optimizer step, its end time and the real/padded tokens of its batches.

    ``add_batch`` is called with each batch's attention mask as the method consumes it;
    ``step_end`` closes a step. Batches seen after ``stop()`` (e.g. an evaluation) are ignored.
    """

    def __init__(self, device, total_steps: int, on_last_step=None):
        self.device, self.total_steps, self.on_last_step = device, total_steps, on_last_step
        self.note = ""
        self.start = self.cpu_start = None
        self.ends: list[float] = []
        self.cpu_ends: list[float] = []  # process CPU time (all threads): robust to other load on a shared machine
        self.steps: list[dict] = []  # {"real", "padded", "lengths"} per step
        self._pending = {"real": 0, "padded": 0, "lengths": []}
        self.stopped = False

    def begin(self):
        self.start, self.cpu_start = time.perf_counter(), time.process_time()

    def add_batch(self, attention_mask):
        if self.stopped:
            return
        lengths = attention_mask.sum(dim=1).tolist()  # (batch,) real tokens per row
        self._pending["real"] += int(sum(lengths))
        self._pending["padded"] += int(attention_mask.numel())
        self._pending["lengths"] += [int(n) for n in lengths]

    def step_end(self):
        if self.stopped:
            return
        if self.device.type == "cuda":  # GPU work is asynchronous: wait for this step to finish
            import torch

            torch.cuda.synchronize(self.device)
        self.ends.append(time.perf_counter())
        self.cpu_ends.append(time.process_time())
        self.steps.append(self._pending)
        self._pending = {"real": 0, "padded": 0, "lengths": []}
        if len(self.steps) == self.total_steps:  # training is over: later work (saving, evaluating) isn't measured
            self.stop()
            if self.on_last_step is not None:
                self.on_last_step()

    def stop(self):
        self.stopped = True


class RssSampler:
    """Peak resident memory of this process, sampled from /proc/self/status every ``interval`` s."""

    def __init__(self, interval: float = 0.005):
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def rss() -> int:
        try:
            with open("/proc/self/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.rss())
            time.sleep(self.interval)

    def start(self):
        self.peak = self.rss()
        self._thread.start()
        return self

    def stop(self):
        if not self._stop.is_set():
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, self.rss())


# --------------------------------------------------------------------------------------
# Data: the same prompt/completion pairs for every method
# --------------------------------------------------------------------------------------


def tokenized_examples(tokenizer, split: str, spec: dict, limit: int | None) -> list[dict]:
    """``input_ids`` and completion-only ``labels`` as built by ``labutils.tokenization``."""
    from labutils.tokenization import build_sft_dataset

    dataset, _ = build_sft_dataset([TASK], split, tokenizer, template=TEMPLATE, max_length=spec["max_length"],
                                   seed=spec["seed"], limit=limit)
    return [{"input_ids": ids, "labels": labels} for ids, labels in zip(dataset["input_ids"], dataset["labels"])]


def prompt_completion_rows(tokenizer, spec: dict) -> list[dict]:
    """The same pairs as text, for TRL: the chat-formatted prompt and the target."""
    from labutils.data import load_task
    from labutils.prompts import as_model_input
    from labutils.templates import resolve_template

    template = resolve_template(TASK, None)
    rows = []
    for row in load_task(TASK, "train", limit=spec["train_limit"]):
        prompt, target = template.render(row)
        rows.append({"prompt": as_model_input(tokenizer, prompt), "completion": target})
    return rows


def completion_loss(model, examples: list[dict], pad_id: int, amp_dtype, batch_size: int = 8) -> float:
    """Mean cross-entropy per completion token on ``examples``: the same measure for every method."""
    import torch

    from labutils.tokenization import collate
    from labutils.loss import CompletionLoss, count_loss_tokens

    module = CompletionLoss(model).eval()
    device = next(model.parameters()).device
    total, tokens = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(examples), batch_size):
            batch = collate(examples[start:start + batch_size], pad_id)
            tokens += count_loss_tokens(batch)
            with torch.autocast(device.type, dtype=amp_dtype or torch.float32, enabled=amp_dtype is not None):
                total += float(module(**{k: v.to(device) for k, v in batch.items()}).float())
    return total / max(tokens, 1)


def matmul_params(model) -> int:
    """Parameters of all Linear layers (a tied LM head counts once): the N of ``6 * N`` FLOPs per token."""
    import torch

    seen, total = set(), 0
    for module in model.modules():
        if isinstance(module, torch.nn.Linear) and module.weight.data_ptr() not in seen:
            seen.add(module.weight.data_ptr())
            total += module.weight.numel()
    return total


def step_flops(lengths: list[int], n_matmul: int, n_layers: int, d_model: int) -> float:
    """Model FLOPs of one training step (forward + backward) over examples of these real lengths."""
    return sum(6 * n_matmul * s + 12 * n_layers * d_model * s * s for s in lengths)


# --------------------------------------------------------------------------------------
# The four methods (each runs in a worker process)
# --------------------------------------------------------------------------------------


def run_labutils(spec: dict, meter: StepMeter, tokenizer, compile="auto"):
    """(a) The lab's loop. We count tokens on the CPU batches as the loop's ``collate`` makes them.

    Not with a hook on the model: on a GPU that would read a device mask every micro-batch (a wait the
    loop itself never makes), and inside ``torch.compile`` it would split the graph.
    ``compile`` is the config knob: (a) keeps the default ("auto": off for a run this short), (ac) forces it on.
    """
    import labutils.train as loop
    from labutils.config import TrainConfig
    from labutils.models import load_model

    model, tokenizer = load_model(spec["model"])
    collate = loop.collate

    def counting_collate(*args, **kwargs):
        batch = collate(*args, **kwargs)
        meter.add_batch(batch["attention_mask"])  # a CPU tensor; batches after the last step are not counted
        return batch

    class StepEnd:  # train() calls on_log after every optimizer step (log_every=1)
        def on_log(self, record):
            meter.step_end()

    config = TrainConfig(
        model=spec["model"], tasks=[TASK], template=TEMPLATE, max_length=spec["max_length"],
        train_limit=spec["train_limit"], batch_size=spec["batch_size"], lr=spec["lr"], weight_decay=0.0,
        warmup_steps=0, lr_schedule="constant", max_steps=spec["steps"], max_grad_norm=1.0, seed=spec["seed"],
        precision=spec["precision"], group_by_length=True, eval_limit=1, save_every=0, log_every=1,
        progress=False, name="bench", output_dir=spec["workdir"], compile=compile)
    loop.collate = counting_collate
    try:
        return loop.train(config, callbacks=[StepEnd()], model=model, tokenizer=tokenizer).model
    finally:
        loop.collate = collate


def _hf_common_args(spec: dict, device) -> dict:
    """TrainingArguments shared by (b), (c) and (d): same optimisation as (a), nothing saved or reported."""
    return dict(output_dir=os.path.join(spec["workdir"], "hf"), per_device_train_batch_size=spec["batch_size"],
                max_steps=spec["steps"], learning_rate=spec["lr"], lr_scheduler_type="constant", warmup_steps=0,
                weight_decay=0.0, max_grad_norm=1.0, bf16=spec["precision"] == "bf16", seed=spec["seed"],
                logging_steps=1, save_strategy="no", eval_strategy="no", report_to="none", push_to_hub=False,
                disable_tqdm=True, dataloader_num_workers=0, use_cpu=device.type == "cpu")


def _version_proof(args_class, **wanted) -> dict:
    """Map our option names to the ones this transformers version has.

    transformers 5 renamed ``group_by_length=True`` to ``train_sampling_strategy="group_by_length"``
    and ``gradient_checkpointing`` to ``activation_checkpointing``; older versions have the old names.
    """
    import dataclasses

    names = {f.name for f in dataclasses.fields(args_class)}
    out = {}
    if "group_by_length" in wanted:
        out.update({"train_sampling_strategy": "group_by_length"} if "train_sampling_strategy" in names
                   else {"group_by_length": True})
    if "checkpointing" in wanted:
        key = "activation_checkpointing" if "activation_checkpointing" in names else "gradient_checkpointing"
        out[key] = wanted["checkpointing"]
    return out


def _instrument(trainer_class, meter: StepMeter):
    """A subclass of ``trainer_class`` that shows ``meter`` each batch it trains on, plus the step callback."""
    from transformers import TrainerCallback

    class Counting(trainer_class):
        def training_step(self, model, inputs, *args, **kwargs):
            meter.add_batch(inputs["attention_mask"])
            return super().training_step(model, inputs, *args, **kwargs)

    class StepEnd(TrainerCallback):
        def on_train_begin(self, args, state, control, **kwargs):
            meter.begin()

        def on_step_end(self, args, state, control, **kwargs):
            meter.step_end()

    return Counting, StepEnd()


def run_hf_course_lab(spec: dict, meter: StepMeter, tokenizer):
    """(b) Every row padded to max_length, labels = input_ids (padding included), default collator."""
    from datasets import Dataset
    from transformers import Trainer, TrainingArguments

    from labutils.models import load_model

    model, _ = load_model(spec["model"], device=spec["device"])
    width, pad = spec["max_length"], tokenizer.pad_token_id
    rows = {"input_ids": [], "attention_mask": [], "labels": []}
    for example in tokenized_examples(tokenizer, "train", spec, spec["train_limit"]):
        n = len(example["input_ids"])
        ids = example["input_ids"] + [pad] * (width - n)  # padding="max_length"
        rows["input_ids"].append(ids)
        rows["attention_mask"].append([1] * n + [0] * (width - n))
        rows["labels"].append(list(ids))  # labels = input_ids: loss on prompt, answer and padding
    trainer_class, callback = _instrument(Trainer, meter)
    trainer = trainer_class(model=model, args=TrainingArguments(**_hf_common_args(spec, model.device)),
                            train_dataset=Dataset.from_dict(rows), callbacks=[callback])
    trainer.train()
    return model


def run_hf_tuned(spec: dict, meter: StepMeter, tokenizer):
    """(c) Dynamic padding (pad to the longest row of each batch), grouped by length, completion-only labels."""
    from datasets import Dataset
    from transformers import DataCollatorForSeq2Seq, Trainer, TrainingArguments

    from labutils.models import load_model
    from labutils.tokenization import IGNORE_INDEX

    model, _ = load_model(spec["model"], device=spec["device"])
    examples = tokenized_examples(tokenizer, "train", spec, spec["train_limit"])
    dataset = Dataset.from_dict({"input_ids": [e["input_ids"] for e in examples],
                                 "attention_mask": [[1] * len(e["input_ids"]) for e in examples],
                                 "labels": [e["labels"] for e in examples]})
    collator = DataCollatorForSeq2Seq(tokenizer, padding="longest", label_pad_token_id=IGNORE_INDEX)
    args = TrainingArguments(**_hf_common_args(spec, model.device), **_version_proof(TrainingArguments, group_by_length=True))
    trainer_class, callback = _instrument(Trainer, meter)
    trainer = trainer_class(model=model, args=args, train_dataset=dataset, data_collator=collator,
                            processing_class=tokenizer, callbacks=[callback])
    trainer.train()
    return model


def run_trl(spec: dict, meter: StepMeter, tokenizer):
    """(d) TRL's SFTTrainer on prompt/completion text with completion-only loss."""
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    from labutils.models import load_model

    model, _ = load_model(spec["model"], device=spec["device"])
    args = SFTConfig(**_hf_common_args(spec, model.device), completion_only_loss=True, max_length=spec["max_length"],
                     packing=False, **_version_proof(SFTConfig, group_by_length=True, checkpointing=False))
    trainer_class, callback = _instrument(SFTTrainer, meter)
    trainer = trainer_class(model=model, args=args, train_dataset=Dataset.from_list(prompt_completion_rows(tokenizer, spec)),
                            processing_class=tokenizer, callbacks=[callback])
    # How close is TRL's own tokenization of the pairs to labutils'? (same text, tokenized jointly)
    ours = tokenized_examples(tokenizer, "train", spec, spec["train_limit"])
    theirs = trainer.train_dataset["input_ids"]
    meter.note = f"TRL's tokens equal labutils' for {sum(a['input_ids'] == b for a, b in zip(ours, theirs))} of {len(ours)} pairs"
    trainer.train()
    return model


def run_labutils_compiled(spec: dict, meter: StepMeter, tokenizer):
    """(ac) The lab's loop with ``compile: true``: its first steps include the compile warm-up."""
    return run_labutils(spec, meter, tokenizer, compile=True)


RUNNERS = {"a": run_labutils, "b": run_hf_course_lab, "c": run_hf_tuned, "d": run_trl, "ac": run_labutils_compiled}


def run_method(method: str, spec: dict) -> dict:
    """Train with one method and measure it; returns a JSON-able dict. Errors propagate: the caller records them."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may reach the hub
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sampler = RssSampler().start()
    import torch

    from labutils.device import seed_everything
    from labutils.models import load_tokenizer

    device = torch.device(spec["device"])
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    amp_dtype = torch.bfloat16 if spec["precision"] == "bf16" else None
    meter = StepMeter(device, spec["steps"], on_last_step=sampler.stop)
    seed_everything(spec["seed"])
    tokenizer = load_tokenizer(spec["model"])
    started = time.perf_counter()
    meter.begin()
    model = RUNNERS[method](spec, meter, tokenizer)
    meter.stop()
    sampler.stop()
    peak = torch.cuda.max_memory_allocated(device) if device.type == "cuda" else sampler.peak
    wall = time.perf_counter() - started

    # The same yardstick for every method: completion-only loss on the held-out batch.
    model.eval()
    held_out = tokenized_examples(tokenizer, "validation", spec, spec["eval_n"])
    final_loss = completion_loss(model, held_out, tokenizer.pad_token_id, amp_dtype)

    config = model.config.get_text_config() if hasattr(model.config, "get_text_config") else model.config
    n_matmul = matmul_params(model)
    intervals = [end - begin for begin, end in zip([meter.start] + meter.ends[:-1], meter.ends)]
    warmup = min(spec["warmup_steps"], len(intervals) - 1)
    timed = list(range(warmup, len(intervals)))
    seconds = sum(intervals[i] for i in timed)
    cpu_intervals = [end - begin for begin, end in zip([meter.cpu_start] + meter.cpu_ends[:-1], meter.cpu_ends)]
    cpu_seconds = sum(cpu_intervals[i] for i in timed)
    flops = sum(step_flops(meter.steps[i]["lengths"], n_matmul, config.num_hidden_layers, config.hidden_size)
                for i in timed)
    return {
        "method": method, "steps": len(intervals), "timed_steps": len(timed),
        "tokens_per_s": sum(meter.steps[i]["real"] for i in timed) / seconds,
        "median_step_s": statistics.median(intervals[i] for i in timed),
        "tokens_per_cpu_s": sum(meter.steps[i]["real"] for i in timed) / max(cpu_seconds, 1e-9),
        "step_cpu_s": cpu_intervals,
        "step_times_s": intervals, "real_tokens": [s["real"] for s in meter.steps],
        "padded_tokens": [s["padded"] for s in meter.steps],
        "padding_fraction": 1 - sum(s["real"] for s in meter.steps) / max(1, sum(s["padded"] for s in meter.steps)),
        "flops_per_s": flops / seconds, "peak_memory_bytes": peak,
        "peak_memory_method": "cuda max_memory_allocated" if device.type == "cuda" else "peak RSS (VmRSS sampled every 5 ms)",
        "final_loss": final_loss, "wall_s": wall, "matmul_params": n_matmul, "note": meter.note,
    }


# --------------------------------------------------------------------------------------
# The parent: machine peak, one subprocess per method, the Markdown table
# --------------------------------------------------------------------------------------


def matmul_peak_flops(device, dtype, n: int | None = None, repeats: int = 10) -> float:
    """Best FLOP/s of ``torch.matmul`` on n x n matrices (default 2048 on CPU, 8192 on GPU): 2*n**3 per product."""
    import torch

    n = n or (8192 if device.type == "cuda" else 2048)
    a = torch.randn(n, n, device=device).to(dtype)
    b = torch.randn(n, n, device=device).to(dtype)
    best = float("inf")
    for _ in range(repeats + 2):  # the first products warm the kernels up
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        started = time.perf_counter()
        torch.matmul(a, b)
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        best = min(best, time.perf_counter() - started)
    return 2 * n**3 / best


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def baseline_checkout(rev: str, workdir: Path) -> Path:
    """A detached git worktree of ``rev`` under ``workdir``: the baseline's own labutils and benchmark."""
    folder = workdir / "baseline"
    subprocess.run(["git", "worktree", "add", "--detach", "--force", str(folder), rev], cwd=REPO_ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def run_in_subprocess(method: str, spec: dict, workdir: Path, baseline: Path | None = None,
                      timeout: float | None = None) -> dict:
    """Run one method in a fresh process; ``a0`` runs method (a) of the baseline checkout's own benchmark.

    A worker still running after ``timeout`` seconds is stopped and recorded as failed, so that the other
    methods' rows are still written (e.g. a compile warm-up longer than a GPU check's time allows).
    """
    spec_path, out_path, log_path = (workdir / f"{method}-{name}" for name in ("spec.json", "out.json", "log.txt"))
    spec_path.write_text(json.dumps(spec))
    root, worker = (baseline, "a") if method == "a0" else (REPO_ROOT, method)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
           "LABUTILS_DATA": str(REPO_ROOT / "data"),  # the baseline's code on THIS checkout's data: one yardstick
           "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    with open(log_path, "w") as log:
        try:
            process = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_train.py"), "--worker", worker,
                                      "--spec", str(spec_path), "--out", str(out_path)],
                                     cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"method": method, "error": f"stopped after {timeout:g} s (--worker-timeout) before it finished"}
    if process.returncode != 0 or not out_path.is_file():
        tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
        return {"method": method, "error": f"worker exited with status {process.returncode}: " + " | ".join(tail[-3:]),
                "log_tail": tail}
    return json.loads(out_path.read_text())


class Stopped(Exception):
    """SIGTERM arrived: the parent stops running methods and writes the section with what it has."""


def _stop(signum, frame):
    raise Stopped()


def run_in_this_process(method: str, spec: dict) -> dict:
    try:
        return run_method(method, spec)
    except Exception as error:  # report and go on with the other methods
        traceback.print_exc()
        return {"method": method, "error": f"{type(error).__name__}: {error}"}


def parse_methods(text: str) -> list[str]:
    methods = [m.strip().lower() for m in text.split(",") if m.strip()]
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise argparse.ArgumentTypeError(f"--methods: unknown method(s) {unknown or text!r}; choose from a,b,c,d,ac "
                                         "(a = labutils, b = HF Trainer course lab, c = HF Trainer tuned, d = TRL, "
                                         "ac = labutils with compile: true)")
    return list(dict.fromkeys(methods))


def trl_missing_reason() -> str | None:
    try:
        import trl  # noqa: F401
    except Exception as error:  # ImportError, or a broken install
        return (f"TRL is not importable ({type(error).__name__}: {error}); install it with "
                "`pip install trl` (the `bench` extra) to run (d)")
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="labutils bench train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="model name or folder (default: the lab's default model)")
    parser.add_argument("--steps", type=int, default=6, help="optimizer steps per method (default 6)")
    parser.add_argument("--warmup-steps", type=int, default=WARMUP_STEPS,
                        help=f"first steps left out of the timing (default {WARMUP_STEPS})")
    parser.add_argument("--batch-size", type=int, default=4, help="examples per step (default 4)")
    parser.add_argument("--max-length", type=int, default=512,
                        help="longest example in tokens; (b) pads every example to it (default 512)")
    parser.add_argument("--methods", type=parse_methods, default=["a", "b", "c", "d"],
                        help="which of a,b,c,d (default all); ac = (a) with compile: true; a0 with --baseline")
    parser.add_argument("--baseline", default=None, metavar="REV",
                        help="also run (a0): the loop of git revision REV, side by side in the same rounds")
    parser.add_argument("--lr", type=float, default=5e-5, help="constant learning rate for every method (default 5e-5)")
    parser.add_argument("--train-limit", type=int, default=400,
                        help="use the first N training rows (default 400: a full pool for length grouping, which "
                             "batches from pools of 50 batches in (c)/(d), 32 in (a); tokenizing all 1,700 rows in "
                             "every process would cost more than the timed steps; 0 = all)")
    parser.add_argument("--eval-n", type=int, default=16, help="held-out validation examples for the final loss (default 16)")
    parser.add_argument("--precision", choices=["auto", "bf16", "fp32"], default="auto",
                        help="auto = bf16 autocast where labutils.device.autocast_dtype says so (default)")
    parser.add_argument("--matmul-size", type=int, default=None,
                        help="side of the square matrices for the matmul peak (default 2048 on CPU, 8192 on GPU)")
    parser.add_argument("--repeats", type=int, default=1, help="rounds of all methods, alternating order; medians reported")
    parser.add_argument("--results", type=Path, default=RESULTS, help=f"Markdown file to append to (default {RESULTS})")
    parser.add_argument("--no-write", action="store_true", help="print the section, don't append it")
    parser.add_argument("--worker-timeout", type=float, default=None, metavar="SECONDS",
                        help="stop a method's process after this long and record it as failed (default: no limit)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the methods in this process (fast, for tests; peak memory then isn't per method)")
    parser.add_argument("--worker", choices=list(METHODS), help=argparse.SUPPRESS)
    parser.add_argument("--spec", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.worker:  # a child process: run one method, write its measurements
        result = run_method(args.worker, json.loads(args.spec.read_text()))
        args.out.write_text(json.dumps(result))
        return 0
    if args.train_limit == 0:
        args.train_limit = None
    for name in ("steps", "batch_size", "max_length", "eval_n", "repeats"):
        if getattr(args, name) < 1:
            print(f"labutils bench train: --{name.replace('_', '-')} must be >= 1, got {getattr(args, name)}", file=sys.stderr)
            return 2
    if args.steps < 2:
        print("labutils bench train: --steps must be >= 2 (the first step is never timed)", file=sys.stderr)
        return 2
    args.warmup_steps = max(1, min(args.warmup_steps, args.steps - 1))

    import torch

    from labutils.default_model import DEFAULT_MODEL
    from labutils.device import autocast_dtype, describe_machine, pick_device
    from labutils.models import load_model

    device = pick_device()
    amp = {"auto": autocast_dtype(device), "bf16": torch.bfloat16, "fp32": None}[args.precision]
    precision = "bf16" if amp is not None else "fp32"
    model_name = args.model or DEFAULT_MODEL
    methods = list(args.methods)
    skipped = {}
    if "d" in methods and (reason := trl_missing_reason()):
        print(f"bench_train: skipping (d): {reason}", file=sys.stderr)
        skipped["d"] = reason
        methods.remove("d")

    if args.baseline and "a0" not in methods:
        methods.append("a0")
    if args.worker_timeout is not None and args.in_process:
        print("labutils bench train: --worker-timeout needs a process per method (drop --in-process)", file=sys.stderr)
        return 2
    if "a0" in methods and (not args.baseline or args.in_process):
        print("labutils bench train: method a0 needs --baseline REV (and a subprocess per method)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="bench_train-") as tmp:
        workdir = Path(tmp)
        baseline = baseline_checkout(args.baseline, workdir) if args.baseline else None
        spec = {"model": model_name, "steps": args.steps, "batch_size": args.batch_size, "max_length": args.max_length,
                "lr": args.lr, "warmup_steps": args.warmup_steps, "train_limit": args.train_limit, "eval_n": args.eval_n, "seed": 0,
                "precision": precision, "device": str(device), "workdir": str(workdir), "baseline": args.baseline}

        # The machine's matmul peak in the training dtype, and the untrained model's loss (the starting point).
        peak_before = matmul_peak_flops(device, amp or torch.float32, args.matmul_size)
        model, tokenizer = load_model(model_name, device=device)
        held_out = tokenized_examples(tokenizer, "validation", spec, args.eval_n)
        initial_loss = completion_loss(model, held_out, tokenizer.pad_token_id, amp)
        train_lengths = [len(e["input_ids"]) for e in tokenized_examples(tokenizer, "train", spec, args.train_limit)]
        del model
        if device.type == "cuda":  # the workers, not this parent, should hold the GPU's memory
            torch.cuda.empty_cache()
        print(f"bench_train: {model_name} on {device}, {precision}; matmul peak {peak_before / 1e9:.0f} GFLOP/s; "
              f"held-out loss before training {initial_loss:.3f}", file=sys.stderr, flush=True)

        runs: dict[str, list[dict]] = {m: [] for m in methods}
        stopped = False
        previous = signal.signal(signal.SIGTERM, _stop)  # e.g. `timeout`: keep what was measured
        try:
            for round_index in range(args.repeats):
                order = methods if round_index % 2 == 0 else methods[::-1]  # alternate: a b c d, d c b a, ...
                for method in order:
                    load_start = load_average()
                    print(f"bench_train: round {round_index + 1}, {METHODS[method]} (load {load_start:.1f}) ...",
                          file=sys.stderr, flush=True)
                    result = (run_in_this_process(method, spec) if args.in_process
                              else run_in_subprocess(method, spec, workdir, baseline, timeout=args.worker_timeout))
                    result["load_start"], result["load_end"] = load_start, load_average()
                    runs[method].append(result)
                    if "error" in result:
                        print(f"bench_train: {method} failed: {result['error']}", file=sys.stderr, flush=True)
                    else:
                        print(f"bench_train:   {result['tokens_per_s']:.0f} tokens/s, median step "
                              f"{result['median_step_s']:.2f} s, final loss {result['final_loss']:.3f}",
                              file=sys.stderr, flush=True)
        except Stopped:
            stopped = True
            print("bench_train: stopped (SIGTERM); writing what was measured", file=sys.stderr, flush=True)
            for method in methods:
                if not runs[method]:
                    runs[method].append({"method": method, "error": "not run or not finished: the benchmark was stopped"})
        finally:
            signal.signal(signal.SIGTERM, previous)
        peak = peak_before if stopped else max(peak_before, matmul_peak_flops(device, amp or torch.float32, args.matmul_size))
        if baseline is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=REPO_ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    section = format_section(runs, skipped, spec, peak=peak, initial_loss=initial_loss, train_lengths=train_lengths,
                             machine=describe_machine(), threads=torch.get_num_threads(), repeats=args.repeats,
                             matmul_size=args.matmul_size or (8192 if device.type == "cuda" else 2048))
    print(section)
    if not args.no_write:
        results = Path(args.results)
        header = "" if results.is_file() else "# Benchmark results\n\nAppended by the scripts in this folder.\n\n"
        with open(results, "a", encoding="utf-8") as handle:
            handle.write(header + section + "\n")
        print(f"bench_train: appended to {results}", file=sys.stderr)
    return 0 if all("error" not in r for rs in runs.values() for r in rs) else 1


# --------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------


def summarize(results: list[dict]) -> dict | None:
    """Median over repeats of the per-run numbers (None when every run failed)."""
    good = [r for r in results if "error" not in r]
    if not good:
        return None
    keys = ("tokens_per_s", "median_step_s", "padding_fraction", "flops_per_s", "final_loss", "tokens_per_cpu_s")
    summary = {key: statistics.median(r[key] for r in good) for key in keys}
    summary["step_times_s"] = good[0]["step_times_s"]  # every step of the first good run, warm-up too
    summary["peak_memory_bytes"] = max(r["peak_memory_bytes"] for r in good)
    summary["timed_steps"] = good[0]["timed_steps"]
    summary["load"] = f"{min(r['load_start'] for r in good):.1f}-{max(r['load_end'] for r in good):.1f}"
    summary["note"] = good[0].get("note", "")
    summary["peak_memory_method"] = good[0]["peak_memory_method"]
    return summary


def format_section(runs, skipped, spec, *, peak, initial_loss, train_lengths, machine, threads, repeats,
                   matmul_size) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    summaries = {m: summarize(rs) for m, rs in runs.items()}
    memory_method = next((s["peak_memory_method"] for s in summaries.values() if s), "")
    lines = [
        f"## Training: labutils loop vs HF Trainer vs TRL ({stamp})",
        "",
        f"Machine: {machine}; torch threads {threads}; load average at start {load_average_text(runs)}",
        "",
        f"Model `{spec['model']}`, {spec['device']}, {spec['precision']} "
        f"({'bf16 autocast, fp32 master weights' if spec['precision'] == 'bf16' else 'no autocast'}); "
        f"{spec['steps']} optimizer steps of batch {spec['batch_size']} per method (median step time and tokens/s "
        f"over the last {max(1, spec['steps'] - spec['warmup_steps'])}); AdamW, constant lr {spec['lr']:g}, no warm-up, "
        f"clip 1.0. Data: bundled {TASK} train split (first {len(train_lengths)} pairs, "
        f"{min(train_lengths)}-{max(train_lengths)} tokens, mean {statistics.mean(train_lengths):.0f}), "
        f"template `{TEMPLATE}` through the chat template, max_length {spec['max_length']}. "
        f"Each method in its own process, {repeats} round(s), order alternating.",
        "",
        f"Matmul peak ({matmul_size}x{matmul_size}, {spec['precision']}, "
        f"best of 10, before and after the runs): {peak / 1e9:.0f} GFLOP/s. MFU = model FLOPs/s / peak, "
        "model FLOPs per example of s real tokens = 6·N·s + 12·n_layers·d_model·s² (forward + backward; "
        "N = Linear-layer parameters incl. the LM head). Final loss: completion-only cross-entropy per token on "
        f"the first {spec['eval_n']} validation examples after training (before training: {initial_loss:.3f}). "
        f"Peak memory: {memory_method}.",
        "",
        "| method | non-pad tokens/s | median step (s) | padding | peak memory (GiB) | final loss | MFU | load | non-pad tokens per CPU-second |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for method in METHODS:
        label = METHODS[method]
        if method == "a0" and spec.get("baseline"):
            label = label.replace("`--baseline REV`", f"`--baseline {spec['baseline']}`")
        if method in skipped:
            lines.append(f"| {label} | skipped: {skipped[method]} | | | | | | | |")
            continue
        if method not in runs:
            continue
        s = summaries[method]
        if s is None:
            lines.append(f"| {label} | failed: {runs[method][0]['error'][:200]} | | | | | | | |")
            continue
        lines.append(
            f"| {label} | {s['tokens_per_s']:.0f} | {s['median_step_s']:.2f} | {100 * s['padding_fraction']:.0f}% | "
            f"{s['peak_memory_bytes'] / 2**30:.2f} | {s['final_loss']:.3f} | {100 * s['flops_per_s'] / peak:.1f}% | {s['load']} | "
            f"{s['tokens_per_cpu_s']:.1f} |")
    lines.append("")
    lines += verdict_lines(summaries, gpu=spec["device"].startswith("cuda"), peak=peak,
                           batch_size=spec["batch_size"])
    notes = [s["note"] for s in summaries.values() if s and s.get("note")]
    if notes:
        lines.append("")
        lines += [f"Note: {note}." for note in notes]
    lines += ["", "(b) trains on every token (prompt and padding too), so its final completion-only loss is "
              "not the quantity it optimised. Other processes shared the CPU when the load column exceeds the "
              "core count; wall-clock numbers are then pessimistic for the methods that ran under it. The last "
              "column divides by the process's own CPU time (all its threads), which other load barely changes: "
              "compare methods by it on a shared machine.", ""]
    return "\n".join(lines)


def load_average_text(runs) -> str:
    loads = [r["load_start"] for rs in runs.values() for r in rs if "load_start" in r]
    return f"{loads[0]:.1f}" if loads else "n/a"


def verdict_lines(summaries: dict, *, gpu: bool = False, peak: float | None = None,
                  batch_size: int | None = None) -> list[str]:
    """The targets, each with its measured ratio and whether it is met.

    On a CPU, issue 4's: (a) >= 3x (b) and >= 1.3x the better of (c), (d), at equal final loss. On a CUDA GPU
    (``gpu``), issue 12's: (a) >= 2x the best of (b), (c), (d) at equal final loss, and (a)'s MFU (needs
    ``peak``, the machine's matmul FLOP/s) against 30% at the loop's best batch. With (ac), what compile
    costs and saves; with (a0), the old loop against the new.
    """
    a = summaries.get("a")
    if a is None:
        return ["No result for (a): no ratios."]
    lines = []

    def cpu_clause(other) -> str:
        if "tokens_per_cpu_s" not in a or "tokens_per_cpu_s" not in other:
            return ""
        return f"; per CPU-second {a['tokens_per_cpu_s'] / other['tokens_per_cpu_s']:.2f}x"

    def loss_clause(other) -> str:
        delta = a["final_loss"] - other["final_loss"]
        equal = delta <= LOSS_TOLERANCE
        return (f"final loss {a['final_loss']:.3f} vs {other['final_loss']:.3f} "
                f"({'not worse within' if equal else 'worse by more than'} {LOSS_TOLERANCE})"), equal

    def versus(label: str, other: dict, target: float) -> str:
        ratio = a["tokens_per_s"] / other["tokens_per_s"]
        clause, equal = loss_clause(other)
        met = ratio >= target and equal
        return (f"- (a) vs {label}: **{ratio:.2f}x** non-pad tokens/s (target >= {target:g}x: "
                f"{'met' if met else 'NOT met'}){cpu_clause(other)}; {clause}.")

    others = {m: summaries[m] for m in ("b", "c", "d") if summaries.get(m)}
    tuned = {m: s for m, s in others.items() if m != "b"}
    if gpu:
        if others:
            best = max(others, key=lambda m: others[m]["tokens_per_s"])
            lines.append(versus(f"the best of (b), (c), (d), which is ({best}) [GPU target]", others[best],
                                TARGET_GPU_VS_BEST))
        if peak and "flops_per_s" in a:
            mfu = a["flops_per_s"] / peak
            lines.append(f"- (a) MFU at batch {batch_size}: **{100 * mfu:.1f}%** of the measured matmul peak "
                         f"(GPU target: >= {100 * TARGET_GPU_MFU:.0f}% at the loop's best batch; "
                         f"{'reached' if mfu >= TARGET_GPU_MFU else 'not reached'} at this one).")
    else:
        if "b" in others:
            lines.append(versus("(b)", others["b"], TARGET_VS_B))
        if tuned:
            best = max(tuned, key=lambda m: tuned[m]["tokens_per_s"])
            lines.append(versus(f"the better of (c), (d), which is ({best})", tuned[best], TARGET_VS_TUNED))
    if summaries.get("ac"):
        lines.append(compile_line(a, summaries["ac"]))
    if summaries.get("a0"):
        old = summaries["a0"]
        ratio = a["tokens_per_s"] / old["tokens_per_s"]
        clause, _ = loss_clause(old)
        lines.append(f"- (a) vs the baseline loop (a0): **{ratio:.2f}x** non-pad tokens/s "
                     f"({'not slower' if ratio >= 1 else 'SLOWER'}){cpu_clause(old)}; {clause}.")
    if not any(summaries.get(m) for m in ("b", "c", "d", "ac", "a0")):
        lines.append("Only (a) ran: no ratios.")
    return lines


def compile_line(eager: dict, compiled: dict) -> str:
    """What ``compile: true`` costs (warm-up) and saves (per step), and after how many steps it pays off.

    (a) and (ac) train on the same batches in the same order, so step i is compared with step i: the
    saving is the median of the per-step differences (batch widths vary ~2x from step to step, so the
    two runs' own medians would compare different batches), the warm-up is what the compiled run spent
    beyond that steady saving (the first compile and every recompile for a new shape). ``compile: auto``
    turns compile on for CUDA runs of at least ``labutils.train.COMPILE_MIN_STEPS`` steps.
    """
    from labutils.train import COMPILE_MIN_STEPS

    pairs = list(zip(eager["step_times_s"], compiled["step_times_s"]))
    differences = [c - e for e, c in pairs]         # > 0: the compiled step was slower
    steady = statistics.median(differences)
    warmup = sum(differences) - len(pairs) * steady
    speedup = statistics.median(e / c for e, c in pairs)
    faster = sum(c < e for e, c in pairs)
    text = (f"- compile: (ac) vs (a), step by step on the same batches: **{speedup:.2f}x** (median of {len(pairs)} "
            f"paired steps; faster in {faster}), {abs(steady):.3f} s per step {'saved' if steady < 0 else 'lost'} "
            f"(median), warm-up {warmup:.0f} s")
    if steady < 0:
        text += (f"; pays off after ~{max(0.0, warmup) / -steady:,.0f} steps of this batch "
                 f"(`compile: auto` turns it on on CUDA from {COMPILE_MIN_STEPS:,} steps)")
    else:
        text += "; no faster per step, so it never pays off at this batch"
    return text + "."


if __name__ == "__main__":
    sys.exit(main())
