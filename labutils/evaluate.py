"""Evaluation: batched generation, one task scored, suites over tasks and the forgetting matrix.

Notebook ``01_zero_few_shot`` scores prompts with :func:`evaluate_task`; notebooks 03-06 score
models before and after fine-tuning with :func:`evaluate_suite`, and notebook
``04_catastrophic_forgetting`` turns several suites into a forgetting matrix with
:func:`compare` and :func:`forgetting_matrix`.

The pieces, top to bottom:

1. :func:`generate` -- batched generation with left padding and the KV cache.
2. :func:`evaluate_task` -- data + prompt template + generation + metric (:mod:`labutils.metrics`).
3. :func:`evaluate_suite`, :func:`compare`, :func:`forgetting_matrix`, :func:`save_evaluation`.

Scores of models that are reused across notebooks are cached by :mod:`labutils.runs`; the
``labutils eval`` command lives in :mod:`labutils.cli`.

Example:
    >>> from labutils.models import load_model
    >>> from labutils.evaluate import evaluate_task
    >>> model, tokenizer = load_model()
    >>> result = evaluate_task(model, tokenizer, "sentiment", limit=32)
    >>> result["accuracy"], result["n"]            # doctest: +SKIP
    (0.84, 32)
"""

from __future__ import annotations

import contextlib
import json
import time
import warnings
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd
import torch
from tqdm.auto import tqdm

from labutils.data import load_task
from labutils.device import autocast_dtype
from labutils.metrics import EvaluationError, score_task
from labutils.models import is_seq2seq
from labutils.presets import load_source
from labutils.prompts import FewerShotsWarning, as_model_input, build_few_shot, context_length, encode_prompts
from labutils.results import to_jsonable
from labutils.tasks import TASK_NAMES, TASKS, check_task, stop_strings
from labutils.templates import TemplateError, resolve_template, target_text

# Keys of an evaluate_task result that are not metrics.
_RESULT_INFO_KEYS = ("task", "model", "template", "shots", "shots_fitted", "n", "seconds", "examples_per_second", "predictions")


def _check_task(task: str):
    return check_task(task, EvaluationError)


# ======================================================================================
# 1. Batched generation
# ======================================================================================


def _model_device(model) -> torch.device:
    return next(model.parameters()).device



def _eos_token_ids(model, tokenizer) -> list[int]:
    """Every token that ends an answer: the model's configured EOS ids plus the tokenizer's."""
    ids: list[int] = []
    configured = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    for value in (configured, tokenizer.eos_token_id):
        for token_id in value if isinstance(value, (list, tuple)) else [value]:
            if token_id is not None and token_id not in ids:
                ids.append(int(token_id))
    return ids


def _encode(tokenizer, prompt: str) -> list[int]:
    """Token ids of one prompt, at most the model's context (see :func:`labutils.prompts.encode_prompts`)."""
    return encode_prompts(tokenizer, [prompt], context_length(tokenizer))[0]


def cut_at_stop(text: str, stop: Sequence[str] | None) -> str:
    """Cut ``text`` at the first stop string and strip whitespace.

    Leading whitespace is dropped before searching, so an answer that starts on a new line
    ("\\nPositive") is not cut to nothing by a newline stop.

    Example:
        >>> cut_at_stop("  Positive\\nThe review says ...", ["\\n"])
        'Positive'
    """
    text = text.lstrip()
    for marker in stop or ():
        if marker:
            position = text.find(marker)
            if position != -1:
                text = text[:position]
    return text.strip()


def _stop_strings_supported() -> bool:
    """Whether this transformers version's ``generate`` takes ``stop_strings`` (>= 4.39)."""
    try:
        from transformers import GenerationConfig

        return hasattr(GenerationConfig(), "stop_strings")
    except Exception:  # pragma: no cover - a broken install fails later with a clearer error
        return False


def generate(
    model,
    tokenizer,
    prompts: Sequence[str],
    *,
    max_new_tokens: int,
    batch_size: int = 16,
    do_sample: bool = False,
    temperature: float = 1.0,
    top_p: float = 1.0,
    seed: int = 0,
    stop: Sequence[str] | None = None,
    progress: bool = True,
    autocast: bool = True,
) -> list[str]:
    """Generate one completion per prompt, in batches, and return the decoded new text.

    What makes it fast compared with a one-prompt-at-a-time loop:

    * **Batches.** ``batch_size`` prompts go through the model together; on a CPU that keeps
      both cores busy, on a GPU it fills the device.
    * **Left padding.** A decoder-only model writes its next token after the *last* position,
      so shorter prompts are padded on the left; every row then ends at the same position and
      the new tokens line up. (Right padding would put pad tokens between a short prompt and
      its answer.) The attention mask hides the pads.
    * **Similar lengths together.** Prompts are sorted by token length before batching, so a
      batch wastes little work on padding; the outputs are put back in the input order.
    * **The KV cache** (``use_cache=True``): each new token attends to stored keys and values
      instead of re-running the whole prompt.

    Greedy decoding is the default (``do_sample=False``): the same prompts give the same
    outputs. With ``do_sample=True`` the random generator is seeded with ``seed + batch
    number`` before each batch, so a call repeats exactly for the same prompts, seed and
    ``batch_size`` (the global random state is left untouched).

    Each output is decoded from the new tokens only (special tokens skipped), cut at the first
    of the ``stop`` strings and stripped. Encoder-decoder models (T5, BART) work too: their
    prompt goes to the encoder, so padding side does not matter and the output is all new.

    ``autocast=True`` runs the forward passes under ``torch.autocast`` with the dtype that
    ``labutils.models.autocast_dtype`` picks for the device (bf16 on recent GPUs and on CPUs
    with AMX/AVX512-BF16, none elsewhere) -- the precision the rest of the lab uses. Greedy
    outputs in bf16 can differ from fp32 ones; pass ``autocast=False`` for exact fp32.

    Example:
        >>> outputs = generate(model, tokenizer, ["Translate to French: cheese"], max_new_tokens=10)
    """
    if isinstance(prompts, str):
        raise EvaluationError("generate() takes a list of prompts; wrap a single prompt in a list: [prompt].")
    if max_new_tokens < 1:
        raise EvaluationError(f"max_new_tokens must be at least 1, got {max_new_tokens}.")
    if batch_size < 1:
        raise EvaluationError(f"batch_size must be at least 1, got {batch_size}.")
    prompts = list(prompts)
    if not prompts:
        return []
    if tokenizer.pad_token_id is None:
        raise EvaluationError(
            "The tokenizer has no pad token, which batching needs; set one first, e.g. "
            "tokenizer.pad_token = tokenizer.eos_token (labutils.models.load_model does this)."
        )

    device = _model_device(model)
    seq2seq = is_seq2seq(model)
    dtype = autocast_dtype(device) if autocast else None
    precision = torch.autocast(device.type, dtype=dtype) if dtype is not None else contextlib.nullcontext()

    # The context window holds the prompt and (decoder-only) the answer: cut longer prompts
    # before any model call; past its window a model reads positions it never learnt.
    positions = getattr(model.config, "max_position_embeddings", None)  # None for relative positions (T5)
    context = min(context_length(tokenizer), positions if isinstance(positions, int) else float("inf"))
    budget = context if seq2seq else context - max_new_tokens
    if budget < 1:
        raise EvaluationError(f"max_new_tokens={max_new_tokens} leaves no room for the prompt in the model's "
                              f"context of {context:,} tokens; use at most {context // 2}.")
    encoded = encode_prompts(tokenizer, prompts, budget)

    # Sort by length, longest first: similar lengths share a batch, and the slowest batch
    # comes first, so the progress bar's time estimate errs on the safe side.
    order = sorted(range(len(prompts)), key=lambda index: -len(encoded[index]))

    generation_kwargs: dict[str, Any] = dict(
        max_new_tokens=max_new_tokens,
        do_sample=do_sample,
        num_beams=1,
        use_cache=True,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=_eos_token_ids(model, tokenizer),
    )
    if do_sample:
        generation_kwargs.update(temperature=temperature, top_p=top_p)
    # transformers can stop a row as soon as it writes a stop string, which saves the time of
    # generating text we would cut anyway. Whitespace-only stops are left to the post-cut:
    # a model often opens its answer with a newline, which must not end the answer.
    visible_stops = [marker for marker in stop or () if marker.strip()]
    if visible_stops and _stop_strings_supported():
        generation_kwargs.update(stop_strings=visible_stops, tokenizer=tokenizer)

    outputs: list[str | None] = [None] * len(prompts)
    batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    saved_padding_side = tokenizer.padding_side
    # Decoder-only models need left padding (see the docstring); an encoder reads the whole
    # prompt at once, so right padding, the usual default, is right for seq2seq.
    tokenizer.padding_side = "right" if seq2seq else "left"
    try:
        with torch.inference_mode(), precision, tqdm(
            total=len(prompts), desc="generate", unit="ex", disable=not progress
        ) as bar:
            for batch_number, batch in enumerate(batches):
                inputs = tokenizer.pad(
                    {"input_ids": [encoded[index] for index in batch]}, padding=True, return_tensors="pt"
                ).to(device)
                # Sampling draws from torch's global generator: fork it so the caller's random
                # state is untouched, and seed it per batch so every batch repeats exactly.
                rng_devices = [device.index or 0] if device.type == "cuda" else []
                with torch.random.fork_rng(devices=rng_devices, enabled=do_sample):
                    if do_sample:
                        torch.manual_seed(seed + batch_number)
                    sequences = model.generate(**inputs, **generation_kwargs)  # (batch, prompt + new)
                # A decoder-only model returns prompt + new tokens; with left padding every
                # prompt ends at the same column, so the new tokens start right after it.
                new_tokens = sequences if seq2seq else sequences[:, inputs["input_ids"].shape[1] :]
                texts = tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
                for index, text in zip(batch, texts):
                    outputs[index] = cut_at_stop(text, stop)
                bar.update(len(batch))
    finally:
        tokenizer.padding_side = saved_padding_side
    return [text if text is not None else "" for text in outputs]



# ======================================================================================
# 2. One task: data -> prompts -> generation -> metric
# ======================================================================================


def _rows_of(task: str, split: str, data, limit: int | None) -> list[dict[str, Any]]:
    """The rows to evaluate, as a list of dicts: bundled split, a file path, a Dataset or a list.

    ``data`` may also be a mapping ``{task: any of those}`` (a notebook's ``data_source``): this task's entry.
    """
    if isinstance(data, Mapping):
        data = data.get(task)
    if data is None:
        return [dict(row) for row in load_task(task, split, limit=limit)]
    if isinstance(data, (str, Path)):
        data = load_source(data, task, split, limit=limit)  # a file, or hub:NAME (labutils.presets)
    rows = [dict(row) for row in data]
    return rows[:limit] if limit is not None else rows



def evaluate_task(
    model,
    tokenizer,
    task: str,
    *,
    split: str = "test",
    data=None,
    limit: int | None = None,
    template=None,
    shots: int = 0,
    batch_size: int = 16,
    max_new_tokens: int | None = None,
    seed: int = 0,
    do_sample: bool = False,
    temperature: float = 1.0,
    autocast: bool = True,
    progress: bool = True,
) -> dict[str, Any]:
    """Prompt ``model`` with each example of ``task``, score the answers, time the generation.

    Data: the bundled ``split`` by default, or ``data`` (a ``datasets.Dataset``, a list of
    dicts in the task's schema, or a source for ``labutils.presets.load_source``: a file path or
    ``hub:NAME``; or a dict ``{task: any of those}``, of which this task's entry counts); ``limit``
    keeps the first rows. Few-shot examples come from the bundled train split. Prompts: ``template`` (a name from ``labutils.prompts.load_templates``
    or a Template; default: the task's ``default_template``) with ``shots`` examples in front, then the
    tokenizer's chat template where it has one (``as_model_input``).

    Returns a dict with the task's metrics at the top level (e.g. ``accuracy``), ``n``,
    ``seconds`` (generation wall time), ``examples_per_second``, ``task``, ``template``,
    ``shots`` and ``predictions``: one dict per example with ``id``, ``prompt`` (the rendered
    prompt, before the chat template), ``prediction`` and ``reference`` (the canonical target).

    Example:
        >>> result = evaluate_task(model, tokenizer, "qa", limit=16, shots=1)
        >>> round(result["f1"], 2), result["n"]     # doctest: +SKIP
        (0.41, 16)
    """
    _check_task(task)
    if shots < 0:
        raise EvaluationError(f"shots must be 0 or more, got {shots}.")
    if limit is not None and limit < 1:
        raise EvaluationError(f"limit must be at least 1 (or None for every row), got {limit}.")
    rows = _rows_of(task, split, data, limit)
    if not rows:
        raise EvaluationError(f"No examples to evaluate for task {task!r} (empty data or limit=0).")
    try:
        chosen = resolve_template(task, template)
    except TemplateError as error:
        raise EvaluationError(str(error)) from None

    # 1) prompts: the template's instruction (with `shots` solved examples in front)
    prompts, fitted = [], []
    for row in rows:
        if shots:
            few_shot = build_few_shot(task, row, k=shots, tokenizer=tokenizer, template=chosen, seed=seed)
            prompts.append(few_shot.text)
            fitted.append(few_shot.shots_used)
        else:
            prompts.append(chosen.render(row)[0])
            fitted.append(0)
    if fitted and min(fitted) < shots:
        short = sum(used < shots for used in fitted)
        warnings.warn(FewerShotsWarning(
            f"{task}: {short} of {len(rows)} prompt(s) hold only {min(fitted)} to {max(fitted)} of the {shots} shots "
            "(the rest did not fit the model's context window, furthest from the question first, or the split has "
            "too few other rows)"), stacklevel=2)
    model_inputs = [as_model_input(tokenizer, prompt) for prompt in prompts]

    # 2) generation, timed on its own: it is the part that depends on the model and hardware
    started = time.perf_counter()
    outputs = generate(
        model,
        tokenizer,
        model_inputs,
        max_new_tokens=TASKS[task].max_new_tokens if max_new_tokens is None else max_new_tokens,
        batch_size=batch_size,
        do_sample=do_sample,
        temperature=temperature,
        seed=seed,
        stop=stop_strings(task, shots),
        progress=progress,
        autocast=autocast,
    )
    seconds = time.perf_counter() - started

    # 3) the metric
    # A sentiment template may ask for "good"/"bad" or "thumbs up"/"thumbs down": read the
    # answer with that template's words.
    choices = chosen.choice_labels() if task == "sentiment" and getattr(chosen, "answer_choices", None) else None
    metrics = score_task(task, outputs, rows, choices=choices)
    predictions = [
        {"id": row.get("id", position), "prompt": prompt, "prediction": output, "reference": target_text(task, row)}
        for position, (row, prompt, output) in enumerate(zip(rows, prompts, outputs))
    ]
    return {
        "task": task,
        "template": getattr(chosen, "name", str(chosen)),
        "shots": shots,
        "shots_fitted": min(fitted, default=shots),  # the fewest shots any prompt held (fewer where they did not fit)
        **metrics,
        "n": len(rows),
        "seconds": seconds,
        "examples_per_second": len(rows) / seconds if seconds > 0 else float("inf"),
        "predictions": predictions,
    }


def result_metrics(result: Mapping[str, Any]) -> dict[str, float]:
    """Just the metric values of an :func:`evaluate_task` result."""
    return {
        key: value
        for key, value in result.items()
        if key not in _RESULT_INFO_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool)
    }



# ======================================================================================
# 3. Suites over tasks, comparisons between models, saving
# ======================================================================================


def headline_metric(task: str) -> str:
    """The one metric that stands for ``task`` in tables and the forgetting matrix.

    Example:
        >>> headline_metric("summarization")
        'rouge1'
    """
    return _check_task(task).metric


def _model_name(model) -> str:
    config = getattr(model, "config", None)
    return str(getattr(config, "name_or_path", "") or type(model).__name__)


def evaluate_suite(model, tokenizer, tasks: Sequence[str] = TASK_NAMES, *, model_name: str | None = None, **kwargs):
    """Run :func:`evaluate_task` on each task and return a tidy table.

    The result is a pandas DataFrame with one row per (model, task, metric): columns ``model``,
    ``task``, ``metric``, ``value``. ``model_name`` labels the rows (default: the model's
    ``name_or_path``). The full per-task results, predictions included, are kept in
    ``table.attrs["results"]`` for before/after comparisons. Other keyword arguments go to
    :func:`evaluate_task` (``limit``, ``batch_size``, ``split`` ...); ``data`` may be a dict
    ``{task: rows}`` to score your own examples per task.

    Example:
        >>> table = evaluate_suite(model, tokenizer, limit=16, model_name="base")
        >>> table[table.metric == "accuracy"]         # doctest: +SKIP
    """
    if isinstance(tasks, str):
        tasks = [tasks]
    results = {}
    if kwargs.get("data") is not None and not isinstance(kwargs["data"], Mapping):
        raise EvaluationError("evaluate_suite(data=...) takes a dict {task: rows}; one data set cannot "
                              "serve several tasks.")
    for task in tasks:
        results[task] = evaluate_task(model, tokenizer, task, **kwargs)  # a task missing from data: its bundled split
    return tidy_table(model_name or _model_name(model), results)


def tidy_table(name: str, results: Mapping[str, Mapping[str, Any]], *, info: bool = True) -> pd.DataFrame:
    """The tidy table of a model's ``{task: evaluate_task result}``: one row per (model, task, metric).

    Columns ``model``, ``task``, ``metric``, ``value``; with ``info`` also the rows ``n``,
    ``seconds`` and ``examples_per_second``. ``attrs["results"]`` keeps the full results.
    """
    records = []
    for task, result in results.items():
        for metric, value in result_metrics(result).items():
            records.append({"model": name, "task": task, "metric": metric, "value": float(value)})
        for key in ("n", "seconds", "examples_per_second") if info else ():
            if result.get(key) is not None:
                records.append({"model": name, "task": task, "metric": key, "value": float(result[key])})
    table = pd.DataFrame.from_records(records, columns=["model", "task", "metric", "value"])
    table.attrs["results"] = dict(results)
    return table


def _as_tidy(name: str, suite):
    """A tidy (model, task, metric, value) DataFrame from a suite table or a {task: result} dict."""
    if isinstance(suite, pd.DataFrame):
        missing = {"task", "metric", "value"} - set(suite.columns)
        if missing:
            raise EvaluationError(f"Results for {name!r} lack the column(s) {sorted(missing)}; "
                                  "pass the table evaluate_suite returns.")
        tidy = suite.copy()
        tidy["model"] = name
        return tidy
    if isinstance(suite, Mapping):
        return tidy_table(name, suite, info=False)
    raise EvaluationError(f"Results for {name!r} are a {type(suite).__name__}; expected an evaluate_suite "
                          "DataFrame or a dict of {task: evaluate_task result}.")


def compare(results: Mapping[str, Any], base: str = "base"):
    """Headline metric of each model on each task, as fractions: rows = models, columns = tasks.

    ``results`` maps a model name to its :func:`evaluate_suite` table (or a dict of
    ``{task: evaluate_task result}``). The ``base`` model comes first; the other rows keep
    their order. A task a model was not scored on shows as NaN.

    Example:
        >>> table = compare({"base": base_suite, "sentiment-ft": tuned_suite})
        >>> forgetting_matrix(table)                  # change in points against "base"
    """
    if base not in results:
        raise EvaluationError(f"The base model {base!r} is not among the results ({', '.join(results)}); "
                              "name it with base=...")
    names = [base] + [name for name in results if name != base]
    tidy = pd.concat([_as_tidy(name, results[name]) for name in names], ignore_index=True)
    headline = tidy[tidy.apply(lambda row: row["task"] in TASKS
                               and row["metric"] == TASKS[row["task"]].metric, axis=1)]
    table = headline.pivot_table(index="model", columns="task", values="value", aggfunc="first")
    tasks = [task for task in TASK_NAMES if task in table.columns]
    table = table.reindex(index=names, columns=tasks)
    table.index.name, table.columns.name = "model", "task"
    return table


SPLIT_NAMES = {"test": "in-distribution", "test_heldout": "held-out"}  # how tables name the two test splits


def compare_splits(results: Mapping[str, Mapping[str, Any]], base: str = "base"):
    """:func:`compare` on each test split, side by side: columns (task, split), rows = models.

    ``results`` maps a split (``"test"``, ``"test_heldout"``) to ``{model name: suite}``. A
    held-out column scores what training never saw (:attr:`labutils.tasks.Task.heldout`: topics,
    product domains, entity names, subjects); a model not scored on a split shows NaN there.

    Example:
        >>> compare_splits({"test": {"base": b, "FT": t}, "test_heldout": {"base": bh, "FT": th}})  # doctest: +SKIP
        task     summarization
        split  in-distribution held-out
    """
    tables = {SPLIT_NAMES.get(split, split): compare(suites, base=base) for split, suites in results.items()}
    joined = pd.concat(tables, axis=1, names=["split", "task"]).swaplevel(axis=1)
    tasks = [task for task in TASK_NAMES if task in joined.columns.get_level_values("task")]
    order = [(task, split) for task in tasks for split in tables if (task, split) in joined.columns]
    return joined.reindex(columns=pd.MultiIndex.from_tuples(order, names=["task", "split"]))


def scores_of(table, name: str) -> dict[str, float]:
    """``{task: value}`` of one model's row of a :func:`compare` or :func:`forgetting_matrix` table."""
    return {task: float(table.loc[name, task]) for task in table.columns}


def forgetting_matrix(table, base: str = "base"):
    """Change of each model's headline metrics against ``base``, in points (fraction x 100).

    Negative numbers are forgetting: the task got worse than the base model did. The base row
    itself (all zeros) is left out.

    Example:
        >>> forgetting_matrix(compare({"base": b, "ner-then-sentiment": s}))   # doctest: +SKIP
        task                summarization  sentiment   ner   qa
        ner-then-sentiment           -1.2      +21.0 -18.5 -3.0
    """
    if base not in table.index:
        rows = ", ".join(map(str, table.index))
        raise EvaluationError(f"The base model {base!r} is not a row of the table ({rows}).")
    change = (table - table.loc[base]) * 100.0
    return change.drop(index=base)

def save_evaluation(path: str | Path, results, **extra) -> Path:
    """Write evaluation results as JSON (indented, UTF-8) and return the path.

    ``results`` may be an :func:`evaluate_task` dict, an :func:`evaluate_suite` or
    :func:`compare` table, or a dict of those; ``extra`` keyword arguments (a config, notes)
    are stored beside them. NaN becomes ``null`` so any JSON reader can load the file.

    Example:
        >>> save_evaluation("runs/eval_base.json", suite, model="base", limit=64)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"results": to_jsonable(results), **{key: to_jsonable(value) for key, value in extra.items()}}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
