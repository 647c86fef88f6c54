"""The one training loop of the lab: supervised fine-tuning, full or LoRA, on 🤗 Accelerate.

Notebook ``03_full_fine_tuning`` introduces it; ``04``-``06`` and ``labutils train`` reuse it.
Read :func:`train` top to bottom: setup -> data -> model -> optimizer -> resume -> loop, and
inside the loop batch -> forward -> masked loss -> backward -> clip -> step -> zero_grad ->
log / eval / checkpoint. Everything else in this file is a small helper the loop calls; the
config lives in :mod:`labutils.config`, the run folder (history, checkpoints, final model) in
:mod:`labutils.rundir`, batching in :mod:`labutils.tokenization`.

Full fine-tuning and LoRA share every line; they differ only in which parameters have
``requires_grad=True`` (peft freezes the base weights and adds ``lora_A``/``lora_B``).

Example:
    >>> from labutils.config import TrainConfig
    >>> from labutils.train import train
    >>> config = TrainConfig.from_yaml("configs/smoke.yaml", overrides=["lr=1e-4"])
    >>> result = train(config)
    >>> result.metrics["final_loss"], result.run_dir

The same loop runs on several processes (DDP; FSDP through an accelerate config file)::

    accelerate launch --multi_gpu --num_processes 2 -m labutils.cli train --config configs/smoke.yaml

(on a machine without a GPU too: train() then asks Accelerate for CPU processes talking over
gloo. ``accelerate launch --cpu --num_processes 2`` starts only ONE process unless MPI is set
up; ``torchrun --nproc_per_node 2 -m labutils.cli train ...`` works as well.)

Packing and cross-example attention: with ``packing=True`` several examples share one row and
``position_ids`` restart at 0 for each example. Only the FlashAttention-2 kernel turns that into
truly separate ("varlen") attention; with the CPU's ``sdpa``/``eager`` attention a token may also
attend to the earlier examples in its row. We accept and document that contamination (as many
packed-SFT recipes do): the loss is still computed on each example's own completion tokens only.
"""

from __future__ import annotations

import contextlib
import math
import random
import sys
import time

import numpy as np
import torch
from accelerate import Accelerator
from accelerate.state import AcceleratorState, PartialState
from tqdm.auto import tqdm

from labutils.adapters import apply_lora, fit_target_modules
from labutils.config import DEFAULT_TARGET_MODULES, ConfigError, TrainConfig
from labutils.device import autocast_dtype, pick_device, seed_everything
from labutils.evaluate import evaluate_task
from labutils.logsinks import open_sinks
from labutils.loss import CompletionLoss, count_loss_tokens, masks_on_host
from labutils.memory import measure_peak
from labutils.models import is_seq2seq, load_model
from labutils.rundir import (TrainingError, TrainResult, append_history, finish_run, load_checkpoint, prepare_run_dir,
                             read_history, read_state, run_dir_for, save_best, save_checkpoint, write_history)
from labutils.rundir import keep_sound_checkpoint
from labutils.tokenization import build_sft_dataset, collate, count_real_tokens, example_length, pack_examples


class TrainingDiverged(TrainingError):
    """The loss became NaN or infinite; the last good checkpoint is kept."""


class TrainingOutOfMemory(TrainingError):
    """The accelerator ran out of memory; the message lists concrete ways out."""


# --------------------------------------------------------------------------------------
# The learning-rate schedule: a pure function of the step (so the step IS its state)
# --------------------------------------------------------------------------------------


def lr_at(step: int, config: TrainConfig, total_steps: int) -> float:
    """Learning rate for optimizer step ``step`` (0-based) out of ``total_steps``.

    Example:
        >>> c = TrainConfig(lr=1e-3, warmup_steps=10, min_lr_ratio=0.0)
        >>> lr_at(0, c, 100), lr_at(9, c, 100), lr_at(100, c, 100)
        (0.0001, 0.001, 0.0)
    """
    min_lr = config.lr * config.min_lr_ratio
    # 1) linear warmup from lr/warmup to lr: Adam's moment estimates are noisy in the first steps
    if step < config.warmup_steps:
        return config.lr * (step + 1) / config.warmup_steps
    # 2) constant: no decay after warm-up
    if config.lr_schedule == "constant":
        return config.lr
    # 3) decay from lr to min_lr over the remaining steps (progress goes 0 -> 1)
    decay_steps = max(1, total_steps - config.warmup_steps)
    progress = min(1.0, (step - config.warmup_steps) / decay_steps)
    if config.lr_schedule == "linear":
        return min_lr + (config.lr - min_lr) * (1.0 - progress)
    # 4) cosine decay: coefficient goes 1 -> 0 along half a cosine wave
    coefficient = 0.5 * (1.0 + math.cos(math.pi * progress))
    return min_lr + (config.lr - min_lr) * coefficient


# --------------------------------------------------------------------------------------
# Data: length-grouped, seeded, resumable batches
# --------------------------------------------------------------------------------------


def step_batches(lengths: list[int], epoch: int, *, step_size: int, seed: int, group_by_length: bool,
                 mega_factor: int = 32) -> list[list[int]]:
    """The example indices of every optimizer step of ``epoch``: a pure function of its arguments.

    The order comes from a generator seeded with ``seed + epoch``, so a resumed run rebuilds
    exactly the same batches and only skips the steps it has done. With ``group_by_length``
    we shuffle, cut the order into mega-batches of ``mega_factor`` steps, sort each
    mega-batch by length (so each micro-batch pads little) and shuffle the steps again
    (so the loss curve has no long-to-short sawtooth). Incomplete last steps are dropped:
    every step then has the same global batch, which DDP needs.
    """
    generator = torch.Generator().manual_seed(seed * 100_003 + epoch)
    order = torch.randperm(len(lengths), generator=generator).tolist()
    if group_by_length:
        mega = step_size * mega_factor
        order = [i for start in range(0, len(order), mega)
                 for i in sorted(order[start:start + mega], key=lambda i: -lengths[i])]
    steps = [order[s:s + step_size] for s in range(0, len(order) - step_size + 1, step_size)]
    if group_by_length:
        steps = [steps[i] for i in torch.randperm(len(steps), generator=generator).tolist()]
    return steps



def load_examples(config: TrainConfig, split: str, tokenizer, limit: int | None, *,
                  decoder_start_token_id: int | None = None) -> tuple[list[dict], dict]:
    """Tokenized examples of ``split`` as plain lists (cheap to index, batch and pack), and the data report.

    ``decoder_start_token_id``: set for an encoder-decoder model; its examples then carry
    ``decoder_input_ids`` too (see :func:`labutils.tokenization.tokenize_seq2seq_example`).
    """
    weights = dict(zip(config.tasks, config.mix_weights)) if config.mix_weights else None
    dataset, report = build_sft_dataset(
        list(config.tasks), split, tokenizer, template=config.template, max_length=config.max_length,
        seed=config.seed, limit=limit, mix_weights=weights, train_on_prompt=config.train_on_prompt,
        decoder_start_token_id=decoder_start_token_id, data_sources=config.data_source)
    keys = [key for key in ("input_ids", "labels", "decoder_input_ids") if key in dataset.column_names]
    columns = [dataset[key] for key in keys]
    return [dict(zip(keys, values)) for values in zip(*columns)], report


# --------------------------------------------------------------------------------------
# The loop
# --------------------------------------------------------------------------------------


def train(config: TrainConfig, *, callbacks: list | None = None, model=None, tokenizer=None,
          train_examples: list[dict] | None = None, val_examples: list[dict] | None = None) -> TrainResult:
    """Fine-tune ``config.model`` on ``config.tasks``; full or LoRA; resumable. Returns a TrainResult.

    ``callbacks``: objects with optional ``on_log(record)`` (every logged step) and
    ``on_eval(record)`` (every validation) methods, e.g. a live loss plot.
    ``model``/``tokenizer``: an already loaded model to train instead of ``load_model(config.model)``
    (tests and benchmarks pass a small one). ``train_examples``/``val_examples``: tokenized
    examples (``{"input_ids": [...], "labels": [...]}``) instead of the tasks' bundled splits;
    ``train_limit``/``eval_limit`` still apply. ``config.scale`` is resolved first (``TrainConfig.scaled``).
    """
    # ---- setup: processes, device, precision, run folder ---------------------------------
    config = config.scaled()  # validates; scale: auto grows batch and steps on a GPU (TrainConfig.scaled)
    # cpu=True lets several CPU processes (torchrun / accelerate launch --multi_gpu) talk over gloo;
    # mixed_precision="no" because we autocast ourselves below: explicit, and per device
    _forget_single_process_accelerate_state()
    accelerator = Accelerator(mixed_precision="no", cpu=pick_device().type == "cpu")
    device, world, is_main = accelerator.device, accelerator.num_processes, accelerator.is_main_process
    seed_everything(config.seed)
    amp_dtype = {"fp32": None, "bf16": torch.bfloat16, "auto": autocast_dtype(device)}[config.precision]
    run_dir = prepare_run_dir(config, resume=config.resume) if is_main else run_dir_for(config)
    accelerator.wait_for_everyone()

    # ---- model (+ LoRA): full FT and LoRA differ only in which parameters train ------------
    if model is None:
        model, tokenizer = load_model(config.model, device=device)
    else:
        model = model.to(device)
    model = _make_trainable(model, config)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    if is_main:
        print(f"trainable parameters: {trainable:,} of {total:,} ({100 * trainable / total:.2f}%)")

    # ---- data: tokenized examples -> seeded, length-grouped steps of micro-batches -------
    examples, val_examples, data_report = _examples(config, model, tokenizer, train_examples, val_examples)
    pad_id = tokenizer.pad_token_id if tokenizer is not None and tokenizer.pad_token_id is not None else 0
    step_size = config.batch_size * config.grad_accum * world  # examples per optimizer step, all processes
    lengths = [example_length(e) for e in examples]  # encoder-decoder: both sides
    steps_per_epoch = len(examples) // step_size
    if steps_per_epoch == 0:
        raise ConfigError(f"batch_size: one step needs {step_size} examples (batch_size x grad_accum x processes) "
                          f"but the training set has {len(examples)}; lower batch_size/grad_accum or raise train_limit")
    total_steps = config.max_steps or max(1, int(config.epochs * steps_per_epoch))

    # ---- optimizer: AdamW, decay on matrices only, fused kernels where available ----------------
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = _adamw(params, config)
    found_inf = _nonfinite_flag(optimizer, device)  # set to 1 on the device: the fused AdamW skips that update
    loss_module = CompletionLoss(model)
    compiled = _use_compile(config, device, total_steps)
    if compiled:  # fixed shapes keep recompiles rare: widths and loss slots padded to multiples of 64
        loss_module = torch.compile(loss_module)
    loss_module, optimizer = accelerator.prepare(loss_module, optimizer)
    batching = dict(pad_to_multiple_of=64 if compiled else 1, pin_memory=device.type == "cuda",  # copies don't wait
                    causal_mask=masks_on_host(model, packing=config.packing))  # nor "is it padded?" reads

    # ---- resume: weights, optimizer, RNG and data position from the last checkpoint -------
    step, best, bad_evals, history = _resume(config, run_dir, model, optimizer, steps_per_epoch, total_steps, is_main)
    sinks = open_sinks(config.log_to, run_dir, step=step) if is_main else []  # e.g. TensorBoard, beside history.jsonl
    callbacks = [*(callbacks or []), *sinks]

    # ---- the loop -------------------------------------------------------------------------
    # tqdm.auto: a widget in Jupyter, a bar in a terminal; in a log file (CI, papermill's text log)
    # every refresh is a new line, so refresh at most every 5 s there
    bar = tqdm(total=total_steps, initial=step, desc="train", disable=not (config.progress and is_main),
               dynamic_ncols=True, mininterval=0.5 if sys.stderr.isatty() or "ipykernel" in sys.modules else 5.0)
    started, start_step, stopped_early, batches_epoch = time.perf_counter(), step, False, None
    tokens_seen, step_seconds = 0, 0.0  # non-padding tokens and time spent in training steps (no evals)
    interval = {"started": time.perf_counter(), "steps": 0, "tokens": 0, "bad": []}  # since the last read
    with measure_peak(device) as peak:
        while step < total_steps:
            # batch: this step's examples, split into grad_accum micro-batches for THIS process
            epoch, step_in_epoch = divmod(step, steps_per_epoch)
            if epoch != batches_epoch:  # the epoch's order: a pure function of (seed, epoch)
                epoch_steps, batches_epoch = step_batches(lengths, epoch, step_size=step_size, seed=config.seed,
                                                          group_by_length=config.group_by_length and not config.packing), epoch
            indices = epoch_steps[step_in_epoch]
            mine = indices[accelerator.process_index * config.batch_size * config.grad_accum:][:config.batch_size * config.grad_accum]
            micro_batches = [collate([examples[i] for i in mine[k:k + config.batch_size]], pad_id, **batching)
                             for k in range(0, len(mine), config.batch_size)]
            # Why normalise by the tokens of the WHOLE step: each micro-batch sums its token losses
            # and we divide by the labelled tokens of all micro-batches on all processes. Every
            # completion token then weighs the same, exactly as one big batch would; averaging
            # per micro-batch would overweight tokens of short completions. Counted on the host
            # from the CPU batches: the accelerator is never asked.
            n_tokens = _all_processes_sum(sum(count_loss_tokens(b) for b in micro_batches), accelerator)
            real_tokens = _all_processes_sum(sum(count_real_tokens(b) for b in micro_batches), accelerator)
            loss_sum = torch.zeros((), device=device)  # stays on the device: read once per logging interval
            try:
                for k, batch in enumerate(micro_batches):
                    batch = {key: value.to(device, non_blocking=True) for key, value in batch.items() if key != "labels"}
                    # no gradient all-reduce until the last micro-batch (DDP); a no-op on one process
                    sync = contextlib.nullcontext() if k == len(micro_batches) - 1 else accelerator.no_sync(loss_module)
                    with sync:
                        # forward + masked loss (bf16 autocast where the hardware has it)
                        with torch.autocast(device.type, dtype=amp_dtype or torch.float32, enabled=amp_dtype is not None):
                            micro_loss = loss_module(**batch)
                        # backward: DDP averages gradients over processes, so * world turns it back into a sum
                        accelerator.backward(micro_loss * world / max(n_tokens, 1))
                    loss_sum += micro_loss.detach()
            except torch.OutOfMemoryError as error:
                raise TrainingOutOfMemory(_oom_advice(config, step)) from error
            # clip: one global norm over all trainable gradients (a device tensor, not read here)
            grad_norm = accelerator.clip_grad_norm_(params, config.max_grad_norm if config.max_grad_norm > 0 else math.inf)
            # guard: a NaN/inf loss or gradient never reaches the weights (nor a checkpoint)
            bad = ~(torch.isfinite(loss_sum) & torch.isfinite(grad_norm))
            if found_inf is not None:
                found_inf.copy_(bad)  # the fused AdamW skips this whole update on the device, no sync
            elif bad.item():  # no fused kernel: ask now (one sync)
                raise TrainingDiverged(_diverged_message(run_dir, config, step, math.nan, math.nan))
            # step: set this step's learning rate, update, clear the gradients
            lr = lr_at(step, config, total_steps)
            for group in optimizer.param_groups:
                group["lr"] = lr
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            bar.update(1)
            interval["steps"], interval["tokens"] = interval["steps"] + 1, interval["tokens"] + real_tokens
            interval["bad"].append(bad)

            # log: read loss, grad norm and the guard's flags in ONE device->host copy per interval
            checkpoint_due = config.save_every and step % config.save_every == 0 and step < total_steps
            if step % config.log_every == 0 or step == total_steps or checkpoint_due:
                loss, norm, seconds = _read_interval(interval, accelerator.reduce(loss_sum, reduction="sum"), grad_norm)
                if loss is None:  # norm: the first bad step's place in the interval (1-based)
                    raise TrainingDiverged(_diverged_message(run_dir, config, step - interval["steps"] + norm - 1,
                                                             math.nan, math.nan))
                loss, tokens_seen, step_seconds = loss / max(n_tokens, 1), tokens_seen + interval["tokens"], step_seconds + seconds
                record = {"kind": "train", "step": step, "epoch": round(step / steps_per_epoch, 4), "loss": loss,
                          "lr": lr, "grad_norm": norm, "tokens": interval["tokens"], "tokens_per_s": interval["tokens"] / seconds,
                          "step_time_s": seconds / interval["steps"], "loss_tokens": n_tokens}
                interval.update(started=time.perf_counter(), steps=0, tokens=0, bad=[])
                _record(history, run_dir, is_main, callbacks, "on_log", record)
                bar.set_postfix(loss=f"{loss:.3f}", lr=f"{lr:.1e}", refresh=False)

            # eval: validation loss (+ optional generation metric), best tracking, early stopping
            if (config.eval_every and step % config.eval_every == 0) or step == total_steps or \
                    (config.generation_eval_every and step % config.generation_eval_every == 0):
                val_loss = evaluate_loss(loss_module, val_examples, config, accelerator, amp_dtype, pad_id, **batching)
                record = {"kind": "val", "step": step, "val_loss": val_loss}
                if config.generation_eval_every and (step % config.generation_eval_every == 0 or step == total_steps):
                    record.update(_generation_metric(model, tokenizer, config, accelerator))
                if record["val_loss"] < best["val_loss"]:
                    best, bad_evals = {"val_loss": record["val_loss"], "step": step}, 0
                    if config.save_best and is_main:
                        save_best(run_dir, model, step)
                else:
                    bad_evals += 1
                _record(history, run_dir, is_main, callbacks, "on_eval", record)
                if config.early_stopping_patience and bad_evals >= config.early_stopping_patience:
                    stopped_early = True
                    if is_main:
                        print(f"early stopping at step {step}: no better val loss for {bad_evals} evaluations "
                              f"(best {best['val_loss']:.4f} at step {best['step']})")

            # checkpoint: every save_every steps, atomically, with the data position
            if checkpoint_due and not stopped_early:
                if is_main:
                    save_checkpoint(run_dir, model, optimizer, {
                        "step": step, "epoch": step // steps_per_epoch, "step_in_epoch": step % steps_per_epoch,
                        "steps_per_epoch": steps_per_epoch, "best": best, "bad_evals": bad_evals, "total_steps": total_steps})
                accelerator.wait_for_everyone()
            if stopped_early:
                break
    bar.close()
    for sink in sinks:
        sink.close()

    # ---- finish: final model, metrics, DONE marker (written last) ---------------------------
    train_records = [r for r in history if r["kind"] == "train"]
    val_records = [r for r in history if r["kind"] == "val"]
    metrics = {
        "final_loss": train_records[-1]["loss"] if train_records else None,
        "final_val_loss": val_records[-1]["val_loss"] if val_records else None,
        "best_val_loss": best["val_loss"] if best["step"] is not None else None, "best_step": best["step"],
        "steps": step, "total_steps": total_steps, "stopped_early": stopped_early,
        "examples": len(examples), "steps_per_epoch": steps_per_epoch, "world_size": world,
        "train_seconds": time.perf_counter() - started, "seconds_per_step": step_seconds / max(1, step - start_step),
        "tokens_per_s": tokens_seen / step_seconds if step_seconds else None,  # non-padding, training steps only
        "peak_memory_bytes": peak.peak_bytes, "memory_at_start_bytes": peak.start_bytes, "peak_memory_method": peak.method,
        "trainable_params": trainable, "total_params": total, "trainable_percent": 100 * trainable / total,
        "precision": "bf16" if amp_dtype is not None else "fp32", "device": str(device), "data_report": data_report,
    }
    if is_main:
        finish_run(run_dir, model, tokenizer, config, metrics)
    accelerator.wait_for_everyone()
    model.eval()
    return TrainResult(run_dir=run_dir, config=config, history=history, metrics=metrics, model=model, tokenizer=tokenizer)


# --------------------------------------------------------------------------------------
# Helpers the loop calls
# --------------------------------------------------------------------------------------


def _forget_single_process_accelerate_state() -> None:
    """Let this loop start after transformers' Trainer (or any Accelerator) ran in the same process.

    Accelerate keeps one process-wide state and refuses a second Accelerator with other settings
    (e.g. the Trainer's bf16). In a single process nothing is shared with other ranks, so we clear
    that state; under ``accelerate launch`` (several processes) it is left alone.
    """
    if AcceleratorState._shared_state and PartialState().num_processes == 1:
        AcceleratorState._reset_state(reset_partial_state=False)


def _examples(config: TrainConfig, model, tokenizer, train_examples, val_examples) -> tuple[list, list, dict]:
    """Training (packed if asked) and validation examples (given ones, or the tasks' splits) and the data report.

    An encoder-decoder model gets the prompt as encoder input and the completion as decoder labels.
    """
    seq2seq = is_seq2seq(model)
    if seq2seq and config.packing:
        raise ConfigError("packing: only for decoder-only models; an encoder-decoder model (T5) pads its "
                          "inputs and its targets separately. Set packing: false")
    start = model.config.decoder_start_token_id if seq2seq else None
    if train_examples is None:
        train_examples, report = load_examples(config, "train", tokenizer, config.train_limit, decoder_start_token_id=start)
    else:
        train_examples = train_examples[:config.train_limit]
        report = {"rows": len(train_examples), "source": "train_examples argument"}
    if val_examples is None:
        val_examples, _ = load_examples(config, "validation", tokenizer, config.eval_limit, decoder_start_token_id=start)
    if config.packing:
        train_examples = pack_examples(train_examples, config.max_length)
    return train_examples, val_examples[:config.eval_limit], report


def _resume(config: TrainConfig, run_dir, model, optimizer, steps_per_epoch: int, total_steps: int, is_main: bool):
    """``(step, best, bad_evals, history)``: a fresh run's, or restored from the last checkpoint."""
    state = load_checkpoint(run_dir, model, optimizer, resume=config.resume, resume_from=config.resume_from,
                            total_steps=total_steps)
    if state is None:
        return 0, {"val_loss": math.inf, "step": None}, 0, []
    step = state["step"]
    if (state["epoch"], state["step_in_epoch"], state["steps_per_epoch"]) != (*divmod(step, steps_per_epoch), steps_per_epoch):
        raise TrainingError(f"{run_dir / 'checkpoint'} was written with {state['steps_per_epoch']} steps per epoch, "
                            f"this run has {steps_per_epoch} (another number of processes or data?). "
                            "Resume with the same setup, or set resume: false to start over.")
    history = [r for r in read_history(run_dir) if r["step"] <= step]  # drop records after the checkpoint
    if is_main:
        write_history(run_dir, history)
        print(f"resumed from {run_dir / 'checkpoint'} at step {step} of {total_steps}")
    return step, state["best"], state["bad_evals"], history


def _make_trainable(model, config: TrainConfig):
    """Gradient checkpointing and LoRA as the config asks; the model in training mode."""
    if config.gradient_checkpointing:  # transformers >= 5 calls it activation checkpointing
        if hasattr(model, "activation_checkpointing_enable"):
            model.activation_checkpointing_enable(activation_checkpointing_kwargs={"use_reentrant": False})
        else:
            model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    if config.peft == "lora":  # peft freezes the base and adds lora_A / lora_B (labutils.adapters checks the inputs)
        targets = fit_target_modules(model, config.target_modules, DEFAULT_TARGET_MODULES)  # T5: q, v
        model = apply_lora(model, r=config.r, lora_alpha=config.lora_alpha, lora_dropout=config.lora_dropout,
                           target_modules=targets, verbose=False)
    return model.train()


def _adamw(params: list[torch.nn.Parameter], config: TrainConfig) -> torch.optim.AdamW:
    """AdamW with weight decay on matrices only; the fused kernel where this torch has one for the device."""
    groups = [{"params": [p for p in params if p.dim() >= 2], "weight_decay": config.weight_decay},
              {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0}]
    try:
        return torch.optim.AdamW(groups, lr=config.lr, fused=True)
    except (RuntimeError, TypeError):
        return torch.optim.AdamW(groups, lr=config.lr, foreach=True)


# torch.compile pays for its warm-up only on long runs. An estimate from issue 12's plain reference step on
# an H200 (86 s of compile warm-up for a 135M model; tens of ms saved per step at batch 16-32): ~2,000 steps.
# `bash benchmarks/gpu_check.sh --part compile` measures the lab's own loop; not yet run on a GPU. Never
# automatic on CPUs: slower compiled in fp32 (AVX2), 1.13x faster in bf16 but worth it only after ~160-680
# steps, and it needs a C++ toolchain on the learner's machine (benchmarks/RESULTS.md).
COMPILE_MIN_STEPS = 2000


def _use_compile(config: TrainConfig, device: torch.device, total_steps: int) -> bool:
    if config.compile == "auto":
        return device.type == "cuda" and total_steps >= COMPILE_MIN_STEPS
    return bool(config.compile)


def _nonfinite_flag(optimizer, device: torch.device) -> torch.Tensor | None:
    """A device flag the fused AdamW reads (as with a GradScaler): when it is 1 the step is skipped.

    None for the unfused fallback, which cannot skip on the device: the loop then asks every step.
    """
    if not optimizer.defaults.get("fused"):
        return None
    optimizer.found_inf = torch.zeros((), device=device)
    return optimizer.found_inf


def _all_processes_sum(count: int, accelerator) -> int:
    """A host-side count summed over all processes (one small all-reduce, only with several)."""
    if accelerator.num_processes == 1:
        return count
    return int(accelerator.reduce(torch.tensor(count, device=accelerator.device), reduction="sum").item())


def _read_interval(interval: dict, loss_sum: torch.Tensor, grad_norm: torch.Tensor) -> tuple:
    """Bring the interval's numbers to the host in one copy: ``(loss_sum, grad_norm, seconds)``.

    If a step of the interval was not finite, ``(None, i, seconds)`` with ``i`` the 1-based
    position of the first bad step in the interval (its update was skipped on the device).
    """
    values = torch.stack([loss_sum.float(), grad_norm.float(), *(b.float() for b in interval["bad"])]).tolist()
    seconds = time.perf_counter() - interval["started"]
    flags = values[2:]
    if any(flags):
        return None, flags.index(1.0) + 1, seconds
    return values[0], values[1], seconds


def _record(history: list, run_dir, is_main: bool, callbacks, event: str, record: dict) -> None:
    """Keep a history record, append it to history.jsonl, and tell the callbacks (``on_log``/``on_eval``)."""
    history.append(record)
    if is_main:
        append_history(run_dir, record)
    for callback in callbacks or []:
        method = getattr(callback, event, None)
        if method is not None:
            method(record)


@torch.no_grad()
def evaluate_loss(loss_module, examples: list[dict], config: TrainConfig, accelerator, amp_dtype, pad_id: int,
                  **batching) -> float:
    """Mean loss per completion token on ``examples`` (sorted by length: little padding; no randomness).

    ``batching``: :func:`collate`'s options, as the training batches use them."""
    if not examples:
        return math.nan
    loss_module.eval()
    order = sorted(range(len(examples)), key=lambda i: -example_length(examples[i]))
    order = order[accelerator.process_index::accelerator.num_processes]  # each process its share
    total, tokens = torch.zeros((), device=accelerator.device), 0
    for start in range(0, len(order), config.batch_size):
        batch = collate([examples[i] for i in order[start:start + config.batch_size]], pad_id, **batching)
        tokens += count_loss_tokens(batch)
        with torch.autocast(accelerator.device.type, dtype=amp_dtype or torch.float32, enabled=amp_dtype is not None):
            total += loss_module(**{k: v.to(accelerator.device) for k, v in batch.items()}).float()
    loss_module.train()
    total = accelerator.reduce(total, reduction="sum").item()
    tokens = accelerator.reduce(torch.tensor(tokens, device=accelerator.device), reduction="sum").item()
    return total / max(tokens, 1)


def _generation_metric(model, tokenizer, config: TrainConfig, accelerator) -> dict:
    """Task metric from generated answers on a few validation examples (first task; main process)."""
    metrics = {}
    if accelerator.is_main_process:
        model.eval()
        with _rng_preserved():  # generation may seed or sample: keep the training RNG streams untouched
            result = evaluate_task(model, tokenizer, config.tasks[0], split="validation", limit=config.generation_eval_limit,
                                   seed=config.seed, data=(config.data_source or {}).get(config.tasks[0]))
        model.train()
        metrics = {f"val_{key}": value for key, value in result.items() if isinstance(value, (int, float)) and key not in ("n", "seconds")}
    accelerator.wait_for_everyone()
    return metrics


@contextlib.contextmanager
def _rng_preserved():
    """Restore Python's, NumPy's and torch's RNG states after the block."""
    states = random.getstate(), np.random.get_state(), torch.get_rng_state()
    try:
        yield
    finally:
        random.setstate(states[0])
        np.random.set_state(states[1])
        torch.set_rng_state(states[2])


def _diverged_message(run_dir, config: TrainConfig, step: int, loss: float, grad_norm: float) -> str:
    # Keep only a checkpoint worth resuming from: the one written just before this step holds the
    # weights that diverged, and resuming it would replay this very step (see keep_sound_checkpoint).
    last = keep_sound_checkpoint(run_dir, step) if PartialState().is_main_process else read_state(run_dir / "checkpoint")
    if last:
        kept = f"the last good checkpoint (step {last['step']}) is kept in {run_dir / 'checkpoint'}"
        again = (f"then continue from it in a new run folder with resume_from, e.g. the same command plus "
                 f"lr={config.lr / 10:g} resume_from={run_dir}")
    else:
        kept = "no checkpoint from before the divergence is left to resume from"
        again = f"then train again from the start, e.g. the same command plus lr={config.lr / 10:g}"
    return (f"loss became {loss} (gradient norm {grad_norm}) at step {step + 1}; {kept}. "
            f"Try a lower lr (now {config.lr:g}), more warmup_steps or max_grad_norm: 1.0, {again}.")


def _oom_advice(config: TrainConfig, step: int) -> str:
    half = max(1, config.batch_size // 2)
    return (f"Out of accelerator memory at step {step + 1} (batch_size={config.batch_size}, max_length={config.max_length}, "
            f"peft={config.peft}). Ways out, cheapest first:\n"
            f"  - batch_size={half} grad_accum={config.grad_accum * config.batch_size // half} (same effective batch)\n"
            "  - gradient_checkpointing=true (recompute activations: ~30% slower, far less memory)\n"
            "  - precision=bf16 (halves activation memory where supported)\n"
            f"  - max_length={max(64, config.max_length // 2)} (shorter examples)\n"
            "  - peft=lora (no gradients or optimizer states for the frozen base weights)")
