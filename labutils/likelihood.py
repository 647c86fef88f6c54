"""A score that needs no parsing: which allowed label does the model find most likely?

A generated answer is scored only if it can be read ("Positive." is read as positive, "The
review is mixed" is not). When a fine-tuned model's score on a task falls, two things may have
happened: it lost the **ability** (it no longer ranks the right label first) or only the
**format** (it still knows, but writes something the parser cannot read). The log-likelihood of
each allowed label after the prompt needs no parsing, so notebook 04 puts it beside the
generated score and the share of unparsed answers (:func:`labutils.claims.score_table`).

Example:
    >>> from labutils.likelihood import label_likelihood_task
    >>> label_likelihood_task(model, tokenizer, "sentiment", limit=40)["accuracy"]   # doctest: +SKIP
    0.875
"""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import torch

from labutils.device import autocast_dtype
# the evaluation's own prompt encoding (one BOS token) and row loading, so both scores see the same prompts
from labutils.evaluate import _encode, _model_device, _rows_of
from labutils.metrics import EvaluationError
from labutils.models import is_seq2seq
from labutils.prompts import as_model_input
from labutils.tasks import check_task
from labutils.templates import resolve_template, target_text


def _completion_log_prob(model, tokenizer, prompt_out, completion: str, device) -> float:
    """log p(completion | prompt): the sum over its tokens, continuing from the prompt's forward pass."""
    ids = tokenizer(completion, add_special_tokens=False)["input_ids"]
    logits = prompt_out.logits[0, -1:].float()  # (1, vocab): predicts the first completion token
    if len(ids) > 1:  # the rest is predicted from the completion's own tokens, after the prompt's cache
        rest = model(input_ids=torch.tensor([ids[:-1]], device=device),
                     past_key_values=copy.deepcopy(prompt_out.past_key_values), use_cache=True)
        logits = torch.cat([logits, rest.logits[0].float()])  # (completion, vocab)
    targets = torch.tensor(ids, device=device)[:, None]
    return torch.log_softmax(logits, dim=-1).gather(1, targets).sum().item()


def label_likelihood_task(
    model,
    tokenizer,
    task: str = "sentiment",
    *,
    split: str = "test",
    data=None,
    limit: int | None = None,
    template=None,
    calibrate: bool = True,
    autocast: bool = True,
) -> dict[str, Any]:
    """A score that needs no parsing: the allowed label whose completion the model finds most likely.

    For each example and each label of a classification task, the model reads the prompt and the
    label's completion (as the template writes it) and we add up the log-probabilities of the
    completion tokens; the label with the highest sum is the answer. A model that has stopped
    writing the label format but still ranks the right label first keeps this score, while its
    generated answers fail to parse: notebook 04 uses the two side by side to tell forgetting
    the *format* from forgetting the *ability*. (Sums favour shorter completions; the lab's labels
    are one or two tokens each.) With ``calibrate`` the model's preference for a label on a
    content-free input is subtracted first (see the code), so a constant bias does not pass for
    an answer.

    Returns the shape of :func:`evaluate_task` (``accuracy``, ``n``, ``predictions`` with the
    chosen label as ``prediction`` and the per-label ``log_probs``), so the intervals of
    :mod:`labutils.claims` work on it too.

    Example:
        >>> label_likelihood_task(model, tokenizer, "sentiment", limit=40)["accuracy"]   # doctest: +SKIP
        0.875
    """
    spec = check_task(task, EvaluationError)
    if not spec.labels:
        raise EvaluationError(f"{task} has no fixed labels to rank; a label-likelihood score needs a "
                              "classification task (e.g. sentiment).")
    if is_seq2seq(model):
        raise EvaluationError("label_likelihood_task scores decoder-only models; an encoder-decoder model would "
                              "need the labels as decoder inputs.")
    chosen = resolve_template(task, template)  # an unknown name raises TemplateError, listing the known ones
    rows = _rows_of(task, split, data, limit) if limit != 0 else []
    if not rows:
        raise EvaluationError(f"No examples to score for task {task!r} (empty data or limit=0).")
    device = _model_device(model)
    dtype = autocast_dtype(device) if autocast else None
    precision = torch.autocast(device.type, dtype=dtype) if dtype is not None else contextlib.nullcontext()
    predictions, correct = [], 0
    with torch.inference_mode(), precision:
        # Calibration (Zhao et al. 2021, "Calibrate Before Use", https://arxiv.org/abs/2102.09690): a small
        # model may prefer one label whatever the input says. Its log-probabilities for a content-free input
        # ("N/A" in place of the text) measure that bias, and are subtracted from every example's.
        bias = dict.fromkeys(spec.labels, 0.0)
        if calibrate:
            bias = _label_log_probs(model, tokenizer, chosen, {**rows[0], spec.main_input: "N/A"}, spec, device)
        for position, row in enumerate(rows):
            raw = _label_log_probs(model, tokenizer, chosen, row, spec, device)
            log_probs = {label: raw[label] - bias[label] for label in spec.labels}
            answer = max(log_probs, key=log_probs.get)
            reference = target_text(task, row)
            correct += answer == reference
            predictions.append({"id": row.get("id", position), "prediction": answer, "reference": reference,
                                "log_probs": raw})
    return {"task": task, "template": getattr(chosen, "name", str(chosen)), "shots": 0, "calibrated": calibrate,
            "accuracy": correct / len(rows), "n": len(rows), "predictions": predictions}


def _label_log_probs(model, tokenizer, template, row, spec, device) -> dict[str, float]:
    """``{label: log p(label's completion | prompt)}`` for one row; "positive" and "Positive" both count."""
    prompt_ids = _encode(tokenizer, as_model_input(tokenizer, template.render(row)[0]))
    # The prompt runs once; each completion continues from its KV cache (a copy per completion).
    prompt_out = model(input_ids=torch.tensor([prompt_ids], device=device), use_cache=True)
    log_probs = {}
    for label in spec.labels:
        completion = template.render({**row, spec.target_field: label})[1]
        variants = sorted({completion, completion[:1].upper() + completion[1:]})
        values = [_completion_log_prob(model, tokenizer, prompt_out, variant, device) for variant in variants]
        log_probs[label] = torch.logsumexp(torch.tensor(values), dim=0).item()
    return log_probs
