"""From prompt-completion pairs to ``input_ids``, ``attention_mask`` and ``labels``.

Supervised fine-tuning trains the model to produce the *completion* given the *prompt*: the
loss is the cross-entropy of the completion tokens only. We get that by giving every prompt
position the label ``IGNORE_INDEX`` (-100), which PyTorch's ``cross_entropy`` (and so every
Hugging Face model) skips. Pre-training is self-supervised instead: every token is a target.
``train_on_prompt=True`` gives that objective, for the comparison in notebook
``02_instruction_datasets``::

    tokens   <|im_start|>user\\n Summarize: ... <|im_end|>\\n<|im_start|>assistant\\n  Bob  lost  his  keys  <|im_end|>
    labels   -100        -100 ...                                      -100     Bob  lost  his  keys  <|im_end|>

Example:
    >>> from labutils.models import load_tokenizer
    >>> from labutils.tokenization import tokenize_example, build_sft_dataset
    >>> tokenizer = load_tokenizer()
    >>> example = tokenize_example(tokenizer, "Is this review positive? Great film!", "positive")
    >>> train, report = build_sft_dataset("sentiment", "train", tokenizer, limit=500)
"""

from __future__ import annotations

import random
import weakref
from collections import Counter
from typing import Any, Mapping, Sequence

import datasets
import torch

from labutils.data import DataError
from labutils.presets import load_source
from labutils.prompts import MAX_CHARS_PER_TOKEN, as_model_input, clip_chars, context_length
from labutils.tasks import check_task
from labutils.templates import is_heldout, load_templates

IGNORE_INDEX = -100  # the label value torch.nn.functional.cross_entropy ignores by default


class TargetTooLongError(ValueError):
    """The completion alone (plus EOS) does not fit in ``max_length`` tokens."""


# --------------------------------------------------------------------------------------
# One example
# --------------------------------------------------------------------------------------

# Per tokenizer, the special tokens it puts in front of any text (computed once).
_PREFIX_CACHE: "weakref.WeakKeyDictionary[Any, list[int]]" = weakref.WeakKeyDictionary()


def special_prefix(tokenizer) -> list[int]:
    """The token ids ``tokenizer`` adds before a text by itself: ``[bos_id]`` for Llama-style
    tokenizers, ``[]`` for SmolLM2's (its chat template writes every special token itself).

    We tokenize prompt and completion with ``add_special_tokens=False`` (so the completion gets
    no BOS in the middle and no EOS the tokenizer chose) and put this prefix back in front once.
    """
    try:
        return list(_PREFIX_CACHE[tokenizer])
    except (KeyError, TypeError):
        pass
    probe = "a"
    with_special = tokenizer(probe, add_special_tokens=True)["input_ids"]
    plain = tokenizer(probe, add_special_tokens=False)["input_ids"]
    prefix: list[int] = []
    for start in range(len(with_special) - len(plain) + 1):
        if with_special[start : start + len(plain)] == plain:
            prefix = with_special[:start]
            break
    try:
        _PREFIX_CACHE[tokenizer] = prefix
    except TypeError:  # an object that can't be weakly referenced: just don't cache
        pass
    return list(prefix)


def tokenize_example(
    tokenizer,
    prompt: str,
    completion: str,
    *,
    max_length: int = 512,
    train_on_prompt: bool = False,
    decoder_start_token_id: int | None = None,
) -> dict[str, Any]:
    """Tokenize one prompt-completion pair for supervised fine-tuning.

    The prompt and the completion are tokenized separately, so the boundary between them is
    exact (no token straddles it) and we know which positions to mask. The EOS token is
    appended to the completion and labelled: the model must learn to *stop*. For a chat prompt
    (already wrapped by :func:`labutils.prompts.as_model_input`) the tokenizer's EOS is the
    end-of-turn token, ``<|im_end|>`` for SmolLM2.

    Truncation policy: when the pair is longer than ``max_length`` we cut tokens out of the
    **middle of the prompt** and never touch the completion. A prompt reads
    ``[chat header + instruction] [long input: dialogue / context] [question + assistant header]``:
    both ends tell the model what to do and where its answer starts, while the long input sits
    in the middle. Cutting from the left would drop the instruction and the chat header; cutting
    the completion would teach the model to stop mid-answer. We keep the first and last halves
    of the prompt budget.

    Args:
        tokenizer: a Hugging Face tokenizer with an ``eos_token``.
        prompt: the model input, as the model will see it (chat-formatted or plain).
        completion: the target text, without EOS.
        max_length: the most tokens in ``input_ids``.
        train_on_prompt: False (supervised fine-tuning) masks the prompt out of the loss;
            True labels every token, the self-supervised pre-training objective.
        decoder_start_token_id: set for an encoder-decoder model (T5: its pad id): see
            :func:`tokenize_seq2seq_example`; ``train_on_prompt`` then has no meaning.

    Returns:
        ``{"input_ids", "attention_mask", "labels", "truncated", "prompt_length"}``: three lists
        of equal length, whether the prompt was shortened, and how many of the tokens are the
        prompt's (the completion with its EOS is the rest).

    Raises:
        TargetTooLongError: when the completion plus EOS leaves no room for a single prompt token.

    Example:
        >>> out = tokenize_example(tokenizer, "Sentiment of 'Great film!':", " positive")
        >>> out["labels"]          # -100 over the prompt, then ' positive' and EOS
        [-100, -100, -100, -100, -100, -100, -100, -100, 2731, 2]
    """
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer has no eos_token; set tokenizer.eos_token before tokenizing")
    if max_length < 2:
        raise ValueError(f"max_length must be at least 2 tokens, got {max_length}")

    if len(completion) > max_length * MAX_CHARS_PER_TOKEN:  # certainly too long: don't spend seconds tokenizing it
        raise TargetTooLongError(f"the completion has {len(completion):,} characters, far more than max_length="
                                 f"{max_length} tokens hold; raise max_length or shorten the target")
    clipped = clip_chars(prompt, max_length, keep="ends")  # a megabyte prompt keeps only what the cut below can use
    completion_ids = tokenizer(completion, add_special_tokens=False)["input_ids"]
    if not completion_ids or completion_ids[-1] != tokenizer.eos_token_id:
        completion_ids = completion_ids + [tokenizer.eos_token_id]
    if decoder_start_token_id is not None:
        return tokenize_seq2seq_example(tokenizer, clipped, completion_ids, max_length=max_length,
                                        decoder_start_token_id=decoder_start_token_id, clipped=len(clipped) < len(prompt))
    prefix = special_prefix(tokenizer)
    prompt_ids = tokenizer(clipped, add_special_tokens=False, verbose=False)["input_ids"]  # cut below, no warning
    if prefix and prompt_ids[: len(prefix)] == prefix:
        prefix = []  # a chat template already wrote the BOS: don't add it twice

    # Truncate the prompt's middle (see the docstring for why) until everything fits.
    budget = max_length - len(prefix) - len(completion_ids)  # tokens left for the prompt
    if budget < 1:
        raise TargetTooLongError(
            f"the completion needs {len(completion_ids)} tokens with EOS (plus {len(prefix)} "
            f"special), leaving no room for the prompt in max_length={max_length}; raise "
            f"max_length or shorten the target (it starts: {completion[:60]!r})"
        )
    truncated = len(prompt_ids) > budget or len(clipped) < len(prompt)
    if truncated:  # the tail keeps >= 1 token: the assistant header at the very end survives
        prompt_ids = _cut_middle(prompt_ids, budget)

    prompt_ids = prefix + prompt_ids
    input_ids = prompt_ids + completion_ids
    if train_on_prompt:
        labels = list(input_ids)
    else:
        labels = [IGNORE_INDEX] * len(prompt_ids) + completion_ids
    return {
        "input_ids": input_ids,
        "attention_mask": [1] * len(input_ids),
        "labels": labels,
        "truncated": truncated,
        "prompt_length": len(prompt_ids),
    }


def _cut_middle(ids: list[int], budget: int) -> list[int]:
    """The first and last halves of ``budget`` tokens of ``ids`` (see tokenize_example for why)."""
    keep_head = budget // 2
    return ids[:keep_head] + ids[len(ids) - (budget - keep_head):]


def tokenize_seq2seq_example(tokenizer, prompt: str, completion_ids: list[int], *, max_length: int,
                             decoder_start_token_id: int, clipped: bool = False) -> dict[str, Any]:
    """An encoder-decoder (T5) example: the prompt is the encoder's input, the completion the decoder's labels.

    No prompt masking is needed: the prompt never enters the decoder, so every label is a
    completion token (``train_on_prompt`` has no meaning here). The encoder input is tokenized
    as evaluation tokenizes a prompt (T5's tokenizer appends ``</s>``), each side holds at most
    ``max_length`` tokens, and a long prompt loses its middle. The decoder reads its labels
    shifted right behind ``decoder_start_token_id`` (teacher forcing)::

        input_ids           Summarize: #Person1#: ... </s>      (encoder)
        decoder_input_ids   <pad>  Bob   lost  his   keys       (decoder reads)
        labels              Bob    lost  his   keys  </s>       (decoder predicts)

    Example:
        >>> out = tokenize_seq2seq_example(tokenizer, "Sentiment of 'Great film!':", [2731, 2],
        ...                                max_length=64, decoder_start_token_id=2)
        >>> out["labels"], out["decoder_input_ids"]
        ([2731, 2], [2, 2731])
    """
    if len(completion_ids) > max_length:
        raise TargetTooLongError(f"the completion needs {len(completion_ids)} tokens with EOS, more than "
                                 f"max_length={max_length}; raise max_length or shorten the target")
    prompt_ids = tokenizer(prompt, add_special_tokens=True, verbose=False)["input_ids"]
    truncated = clipped or len(prompt_ids) > max_length
    if len(prompt_ids) > max_length:
        prompt_ids = _cut_middle(prompt_ids, max_length)  # the special tokens at both ends survive
    return {
        "input_ids": prompt_ids,
        "attention_mask": [1] * len(prompt_ids),
        "labels": list(completion_ids),
        "decoder_input_ids": [decoder_start_token_id] + list(completion_ids[:-1]),
        "truncated": truncated,
        "prompt_length": len(prompt_ids),
    }


def example_length(example: Mapping[str, Any]) -> int:
    """The tokens an example costs: its input, plus its decoder input for an encoder-decoder model."""
    return len(example["input_ids"]) + len(example.get("decoder_input_ids", ()))


# --------------------------------------------------------------------------------------
# A whole training set
# --------------------------------------------------------------------------------------


def _mixture_plan(
    sizes: Mapping[str, int], mix_weights: Mapping[str, float] | None, seed: int
) -> tuple[list[tuple[str, int, int]], dict[str, int]]:
    """Which rows go into the dataset: a list of (task, row index, repeat number).

    Without weights every row of every task is used once. With weights the total stays the
    number of rows available, and task ``t`` gets ``round(total * w_t / sum(w))`` of them,
    drawn *without replacement* from a seeded shuffle of its rows; when a task needs more rows
    than it has (upsampling), it goes through a fresh shuffle again (repeat number 1, 2, ...),
    so every row is used as evenly as possible. Returns the plan and the repeats per task.
    """
    rng = random.Random(seed)
    repeats = {task: 0 for task in sizes}
    if not mix_weights:
        return [(task, index, 0) for task, size in sizes.items() for index in range(size)], repeats

    total = sum(sizes.values())
    weight_sum = sum(mix_weights[task] for task in sizes)
    exact = {task: total * mix_weights[task] / weight_sum for task in sizes}
    counts = {task: int(value) for task, value in exact.items()}
    # Largest remainder rounding, so the counts add up to exactly `total`.
    for task in sorted(sizes, key=lambda name: exact[name] - counts[name], reverse=True)[
        : total - sum(counts.values())
    ]:
        counts[task] += 1

    plan = []
    for task, size in sizes.items():
        for number in range(counts[task]):
            repeat, position = divmod(number, size)
            if position == 0:
                order = list(range(size))
                rng.shuffle(order)
            plan.append((task, order[position], repeat))
        repeats[task] = max(0, counts[task] - size)
    return plan, repeats


def _pick_templates(task: str, template: Any, available: Mapping[str, Any]):
    """The template names a task may use, from build_sft_dataset's ``template`` argument."""
    if isinstance(template, Mapping):
        if task not in template:
            raise ValueError(f"template dict has no entry for task {task!r}")
        template = template[task]
    if template == "all":  # every training wording; the held-out ones stay unseen (templates.heldout_templates)
        names = [name for name, candidate in available.items() if not is_heldout(candidate)]
        if not names:
            raise ValueError(f"every template of task {task!r} is marked heldout; 'all' needs one to train on")
        return names
    if template == "default":  # the task's default wording; a custom set without it: its first template
        default = check_task(task).default_template
        template = default if default in available else next(iter(available))
    if template not in available:
        raise ValueError(
            f"no template {template!r} for task {task!r}; choose 'all', 'default' or one of: "
            + ", ".join(available)
        )
    return [template]


def build_sft_dataset(
    tasks: str | Sequence[str],
    split: str,
    tokenizer,
    *,
    template: str | Mapping[str, str] = "all",
    max_length: int = 512,
    seed: int = 0,
    chat: bool = True,
    limit: int | None = None,
    mix_weights: Mapping[str, float] | None = None,
    train_on_prompt: bool = False,
    templates: Mapping[str, Mapping[str, Any]] | None = None,
    decoder_start_token_id: int | None = None,
    data_sources: Mapping[str, str] | None = None,
) -> tuple[datasets.Dataset, dict[str, Any]]:
    """Turn bundled task splits into a tokenized supervised fine-tuning dataset.

    For each row: pick a template, render ``(prompt, target)``, wrap the prompt in the
    tokenizer's chat template (when ``chat`` and the tokenizer has one; the target is then the
    assistant's answer and EOS is the end-of-turn token), and :func:`tokenize_example` it.

    Args:
        tasks: one task name or a list of them (a multitask mixture).
        split: ``"train"``, ``"validation"`` or ``"test"``.
        tokenizer: the model's tokenizer.
        template: ``"all"`` (default) picks one of the task's training templates (all but the two
            marked ``heldout``, see :func:`labutils.templates.heldout_templates`) per row, at random but
            seeded by ``(seed, task, row id)``, so the model learns the instruction rather than
            one wording; ``"default"`` uses the task's ``default_template`` (labutils.tasks); a template
            name uses that one; a dict ``{task: name}`` chooses per task.
        max_length: tokens per example; longer prompts are cut in the middle (see
            :func:`tokenize_example`); a row whose target alone doesn't fit is dropped and counted.
        seed: seeds template choice, mixture sampling and the task interleaving.
        chat: format prompts as :func:`labutils.prompts.as_model_input` does for evaluation:
            the chat template (the instruct model's native format) when the tokenizer has one,
            else the plain prompt. ``chat=False`` always uses the plain prompt; evaluate the
            resulting model on plain prompts too.
        limit: at most this many rows *per task*: the first ``limit`` rows of each split, as in
            ``load_task(limit=...)``. A 4-task mixture with ``limit=500`` has 2,000 rows.
        mix_weights: ``{task: weight}`` proportions of the mixture. The mixture keeps the size
            of all rows together and gives each task its share; a task whose share is larger
            than its rows is upsampled (its rows repeat, each with a freshly drawn template), a
            smaller share is a seeded sample without replacement. None: every row once.
        train_on_prompt: label the prompt too (pre-training objective), for comparison.
        templates: ``{task: {name: template}}`` to use instead of the bundled ones
            (:func:`labutils.templates.load_templates`); anything with a ``render(row)``
            that returns ``(prompt, target)`` works.
        decoder_start_token_id: for an encoder-decoder model (``model.config.decoder_start_token_id``):
            the prompt becomes the encoder input and the target the decoder's labels
            (:func:`tokenize_seq2seq_example`), with a ``decoder_input_ids`` column.
        data_sources: ``{task: source}`` to read instead of the bundled split, e.g.
            ``{"sentiment": "hub:rotten_tomatoes"}`` (:func:`labutils.presets.load_source`); a
            source without its own split (``hub:NAME`` or ``hub:NAME=FOLDER``) gives ``split``'s rows.

    Returns:
        ``(dataset, report)``: the dataset has columns ``input_ids``, ``attention_mask`` and
        ``labels`` (and ``decoder_input_ids`` for an encoder-decoder model); with several tasks its rows are shuffled (seeded) so batches mix tasks.
        The report holds ``rows``, ``truncated``, ``dropped``, ``tokens``, ``prompt_tokens``,
        ``completion_tokens`` (target plus EOS), ``max_tokens``, ``per_task`` (rows,
        truncated, dropped, repeated), ``templates`` (uses per template), ``chat``,
        ``eos_token`` and ``max_length``.

    Example:
        >>> train, report = build_sft_dataset(["sentiment", "ner"], "train", tokenizer,
        ...                                   limit=200, mix_weights={"sentiment": 1, "ner": 3})
        >>> report["per_task"]["ner"]["rows"], report["per_task"]["ner"]["repeated"]
        (300, 100)
    """
    task_list = [tasks] if isinstance(tasks, str) else list(tasks)
    if not task_list:
        raise ValueError("build_sft_dataset needs at least one task")
    for task in task_list:
        check_task(task)
    if len(set(task_list)) != len(task_list):
        raise ValueError(f"a task is listed twice in {task_list}; use mix_weights to weight tasks")
    if mix_weights is not None:
        unknown = set(mix_weights) - set(task_list)
        missing = set(task_list) - set(mix_weights)
        if unknown or missing:
            raise ValueError(
                f"mix_weights must give one weight per task in {task_list}; "
                f"missing: {sorted(missing) or 'none'}, not in tasks: {sorted(unknown) or 'none'}"
            )
        if any(weight < 0 for weight in mix_weights.values()) or sum(mix_weights.values()) <= 0:
            raise ValueError(f"mix_weights must be >= 0 and not all 0, got {dict(mix_weights)}")

    use_chat = bool(chat and getattr(tokenizer, "chat_template", None))

    # 1) Rows and templates per task.
    sources = data_sources or {}
    rows = {task: load_source(sources.get(task), task, split, limit=limit).to_list() for task in task_list}
    templates = {task: (templates or {}).get(task) or load_templates(task) for task in task_list}
    context = context_length(tokenizer)
    allowed = {task: _pick_templates(task, template, templates[task]) for task in task_list}

    # 2) Which rows, how often, in which order.
    plan, repeats = _mixture_plan({task: len(rows[task]) for task in task_list}, mix_weights, seed)
    if len(task_list) > 1:
        random.Random(seed).shuffle(plan)  # interleave the tasks so every batch mixes them

    # 3) Render, format and tokenize each row.
    columns: dict[str, list] = {"input_ids": [], "attention_mask": [], "labels": []}
    if decoder_start_token_id is not None:
        columns["decoder_input_ids"] = []
    per_task = {
        task: {"rows": 0, "truncated": 0, "dropped": 0, "repeated": repeats[task]} for task in task_list
    }
    template_uses: dict[str, Counter] = {task: Counter() for task in task_list}
    totals = Counter()
    for task, index, repeat in plan:
        row = rows[task][index]
        names = allowed[task]
        # Seeded per row (not by position), so a row keeps its template when `limit` or the
        # mixture changes; a repeated row draws again and may get another wording.
        name = names[0] if len(names) == 1 else random.Random(f"{seed}/{task}/{row['id']}/{repeat}").choice(names)
        prompt, target = templates[task][name].render(row)
        if chat:
            # The same call evaluation makes: the chat template where the tokenizer has one,
            # the plain prompt for base models, so training and test prompts agree.
            prompt = as_model_input(tokenizer, prompt)
        try:
            example = tokenize_example(tokenizer, prompt, target, max_length=max_length, train_on_prompt=train_on_prompt,
                                       decoder_start_token_id=decoder_start_token_id)
        except TargetTooLongError:
            per_task[task]["dropped"] += 1
            continue
        if len(example["input_ids"]) > context:  # the model would index past its position embeddings
            raise DataError(f"{task} {split} row {index + 1} (id {row.get('id')!r}) is {len(example['input_ids']):,} "
                            f"tokens, longer than the model's context of {context:,}; set max_length to {context} "
                            "or less (longer prompts are then cut in the middle)")
        for key in columns:
            columns[key].append(example[key])
        length = example_length(example)  # an encoder-decoder example: its two sides together
        completion_tokens = length - example["prompt_length"]
        per_task[task]["rows"] += 1
        per_task[task]["truncated"] += example["truncated"]
        template_uses[task][name] += 1
        totals["tokens"] += length
        totals["completion_tokens"] += completion_tokens
        totals["max_tokens"] = max(totals["max_tokens"], length)

    if not columns["input_ids"]:
        raise TargetTooLongError(
            f"max_length={max_length}: no example of {task_list} {split} fits, every target is too long; "
            "raise max_length (256-512 suits the bundled tasks)"
        )
    report = {
        "rows": len(columns["input_ids"]),
        "truncated": sum(stats["truncated"] for stats in per_task.values()),
        "dropped": sum(stats["dropped"] for stats in per_task.values()),
        "tokens": totals["tokens"],
        "prompt_tokens": totals["tokens"] - totals["completion_tokens"],
        "completion_tokens": totals["completion_tokens"],
        "max_tokens": totals["max_tokens"],
        "per_task": per_task,
        "templates": {task: dict(uses) for task, uses in template_uses.items()},
        "chat": use_chat,
        "eos_token": tokenizer.eos_token,
        "max_length": max_length,
    }
    return datasets.Dataset.from_dict(columns), report


# --------------------------------------------------------------------------------------
# Batches: dynamic padding, packing
# --------------------------------------------------------------------------------------


# Loss slots come in multiples of this: the language-model head then sees few distinct shapes
# (what torch.compile needs to avoid recompiling), at the cost of at most 63 ignored rows.
LOSS_SLOT_MULTIPLE = 64


def _pad(rows: Sequence[Sequence[int]], width: int, value: int) -> torch.Tensor:
    """``rows`` padded on the right with ``value`` to ``width``: a (len(rows), width) tensor."""
    out = torch.full((len(rows), width), value, dtype=torch.long)
    for row, ids in enumerate(rows):
        out[row, :len(ids)] = torch.as_tensor(ids, dtype=torch.long)
    return out


def _causal_mask(attention_mask: torch.Tensor, *, packed: bool) -> torch.Tensor:
    """The (batch, 1, width, width) boolean mask of causal attention over non-padding keys, padded or not.

    Without a mask transformers would ask the device whether rows are packed (a GPU wait); SDPA's causal
    kernel is no faster (CPU, (8, 9, 320, 64) bf16 fwd+bwd: 40.4 ms with ``is_causal``, 40.6 with this)."""
    if packed:
        raise ValueError("causal_mask: packed rows restart their positions; their attention is not one causal mask")
    width = attention_mask.shape[1]
    causal = torch.ones(width, width, dtype=torch.bool).tril()
    return causal[None, None] & attention_mask.bool()[:, None, None, :]


def collate(examples: list[dict], pad_id: int, *, pad_to_multiple_of: int = 1, pin_memory: bool = False,
            causal_mask: bool = False) -> dict[str, torch.Tensor]:
    """Pad a micro-batch to ITS longest example (dynamic padding), on the right.

    Besides ``input_ids``, ``attention_mask`` and ``labels`` (and ``position_ids`` for packed
    rows) the batch carries where the loss is: ``loss_positions``, the flat indices
    ``row * width + t`` of the positions whose NEXT token is labelled, and ``loss_targets``,
    those next tokens. Both are computed here, on the CPU, so the training step never asks the
    accelerator which labels are set (a data-dependent shape would stop the GPU to ask). They are
    padded to a multiple of ``LOSS_SLOT_MULTIPLE`` with position 0 and target -100 (ignored).

    Encoder-decoder examples (with ``decoder_input_ids``, see :func:`tokenize_seq2seq_example`)
    pad their two sides separately: ``input_ids``/``attention_mask`` to the longest prompt,
    ``decoder_input_ids``/``decoder_attention_mask``/``labels`` to the longest completion. There
    decoder position t predicts ``labels[t]`` itself (the shift is in ``decoder_input_ids``).

    ``pad_to_multiple_of`` rounds the width up (few distinct shapes for ``torch.compile``);
    ``pin_memory`` puts the batch in page-locked memory for a non-blocking copy to a GPU.

    ``causal_mask`` (decoder-only rows without packing) adds the attention mask the model would
    build, made here: ``causal_mask`` (batch, 1, width, width), True where a position may attend.
    Given a 2D mask instead, transformers asks the device whether any position is padded
    (``mask.all()`` on the GPU, a wait each micro-batch), and given none it asks whether the rows
    are packed; see :func:`labutils.loss.masks_on_host`.
    """
    def width_of(key: str) -> int:
        width = max(len(e[key]) for e in examples)
        return -(-width // pad_to_multiple_of) * pad_to_multiple_of

    def mask(key: str, width: int) -> torch.Tensor:
        return _pad([[1] * len(e[key]) for e in examples], width, 0)

    width = width_of("input_ids")
    batch = {"input_ids": _pad([e["input_ids"] for e in examples], width, pad_id), "attention_mask": mask("input_ids", width)}
    if "decoder_input_ids" in examples[0]:  # encoder-decoder: the labels live on the decoder's side
        width = width_of("decoder_input_ids")
        batch.update(decoder_input_ids=_pad([e["decoder_input_ids"] for e in examples], width, pad_id),
                     decoder_attention_mask=mask("decoder_input_ids", width))
        batch["labels"] = targets = _pad([e["labels"] for e in examples], width, IGNORE_INDEX)  # (batch, width)
    else:  # decoder-only: position t predicts token t+1, so the targets are the labels shifted by one
        batch["labels"] = _pad([e["labels"] for e in examples], width, IGNORE_INDEX)
        targets = batch["labels"][:, 1:]                                         # (batch, width-1)
        if "position_ids" in examples[0]:
            batch["position_ids"] = _pad([e["position_ids"] for e in examples], width, 0)
        if causal_mask:
            batch["causal_mask"] = _causal_mask(batch["attention_mask"], packed="position_ids" in examples[0])
    rows, columns = (targets != IGNORE_INDEX).nonzero(as_tuple=True)             # CPU: no device sync
    slots = max(LOSS_SLOT_MULTIPLE, -(-len(rows) // LOSS_SLOT_MULTIPLE) * LOSS_SLOT_MULTIPLE)
    batch["loss_positions"] = torch.zeros(slots, dtype=torch.long)
    batch["loss_positions"][:len(rows)] = rows * width + columns
    batch["loss_targets"] = torch.full((slots,), IGNORE_INDEX, dtype=torch.long)
    batch["loss_targets"][:len(rows)] = targets[rows, columns]
    if pin_memory:
        batch = {key: value.pin_memory() for key, value in batch.items()}
    return batch


def count_real_tokens(batch: Mapping[str, torch.Tensor]) -> int:
    """Non-padding tokens of a collated batch: its inputs, plus the decoder's for an encoder-decoder model."""
    return sum(int(batch[key].sum()) for key in ("attention_mask", "decoder_attention_mask") if key in batch)


def pack_examples(examples: list[dict], max_length: int) -> list[dict]:
    """Greedy packing: concatenate examples into rows of at most ``max_length`` tokens.

    ``position_ids`` restart at 0 for each example; labels stay per example, and the first
    token of each example gets label -100 so no loss crosses an example boundary.
    """
    rows, current = [], {"input_ids": [], "labels": [], "position_ids": []}
    for example in examples:
        n = len(example["input_ids"])
        if current["input_ids"] and len(current["input_ids"]) + n > max_length:
            rows.append(current)
            current = {"input_ids": [], "labels": [], "position_ids": []}
        current["input_ids"] += list(example["input_ids"])
        current["labels"] += [IGNORE_INDEX] + list(example["labels"][1:])
        current["position_ids"] += list(range(n))
    if current["input_ids"]:
        rows.append(current)
    return rows
