"""Few-shot prompts and chat formatting: what the model actually reads.

:func:`build_few_shot` puts ``k`` solved examples before the query and fits them into the
model's context window (shots that do not fit are dropped, and the prompt says so);
:func:`as_model_input` wraps a prompt in the tokenizer's chat template, the instruct model's
native format. Templates themselves live in :mod:`labutils.templates`.

Notebook ``01_zero_few_shot`` introduces the few-shot builder.

Example:
    >>> from labutils.prompts import build_few_shot
    >>> shot = build_few_shot("sentiment", {"id": "q", "text": "Dull.", "label": "negative"}, k=2)
    >>> shot.shots_used
    2
"""

from __future__ import annotations

import random
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence

from labutils.data import load_task
from labutils.tasks import check_task
from labutils.templates import Template, resolve_template

# Tokenizers without a known limit report model_max_length = int(1e30); the longest real
# context windows are around 10M tokens, so anything above that means "unknown".
MAX_SENSIBLE_CONTEXT = 10_000_000
FALLBACK_CONTEXT = 2048  # a safe window for small models when the tokenizer does not say

# Tokenizing costs about 5 µs a character on a 2-core CPU (a 10 MB prompt: 47 s), yet a prompt
# can only use as many tokens as the context holds. English averages ~4 characters a token, so
# text beyond MAX_CHARS_PER_TOKEN characters per token of budget cannot fit and is cut *before*
# tokenizing (see clip_chars); the exact cut is then made in tokens.
MAX_CHARS_PER_TOKEN = 16

# Room kept free for the chat template's markup when a few-shot prompt is fitted into the
# context window: role tags and SmolLM2's default system prompt take about 30 tokens. The
# answer's own room is the task's ``max_new_tokens`` (labutils.tasks).
CHAT_MARKUP_TOKENS = 64

# How a shot's prompt and its answer are joined inside a few-shot prompt: the answer on
# the next line, as a reader (and the model) would expect after "Sentiment:" or a question.
SHOT_ANSWER_JOINER = "\n"


@dataclass
class FewShotPrompt:
    """A few-shot prompt and what went into it.

    Attributes:
        text: the whole prompt, shots then the query, joined by the separator.
        shots_used: how many solved examples the prompt contains.
        shots_dropped: how many of the ``k`` requested were left out (too long for the
            context window, or the pool was too small).
        shot_ids: the ids of the examples used, in prompt order.
        n_tokens: the prompt's length in tokens (None without a tokenizer).
        max_tokens: the budget the prompt had to fit in (None without a tokenizer).
        note: one readable sentence saying what happened, for a notebook to print.
        messages: the same prompt as chat turns (user: shot prompt, assistant: shot answer,
            ..., user: query), for ``as_model_input(..., chat_turns=True)``.
        target: the query row's target under the template (what a perfect model writes).
    """

    text: str
    shots_used: int
    shots_dropped: int
    shot_ids: list[str] = field(default_factory=list)
    n_tokens: int | None = None
    max_tokens: int | None = None
    note: str = ""
    messages: list[dict[str, str]] = field(default_factory=list, repr=False)
    target: str = ""

    def __str__(self) -> str:
        return self.text


def context_length(tokenizer) -> int:
    """The model's context window according to ``tokenizer``, or FALLBACK_CONTEXT if unknown.

    Example:
        >>> class Tok: model_max_length = int(1e30)
        >>> context_length(Tok())
        2048
    """
    length = getattr(tokenizer, "model_max_length", None)
    if isinstance(length, int) and 0 < length <= MAX_SENSIBLE_CONTEXT:
        return length
    return FALLBACK_CONTEXT


def clip_chars(text: str, max_tokens: int, *, keep: str) -> str:
    """``text`` cut to what ``max_tokens`` tokens can hold at most (MAX_CHARS_PER_TOKEN a token),
    keeping its ``"end"`` (for left truncation) or its ``"ends"`` (head and tail, for a cut in the middle).

    Example:
        >>> clip_chars("x" * 100, 2, keep="end") == "x" * 32
        True
    """
    limit = max(1, max_tokens) * MAX_CHARS_PER_TOKEN
    if len(text) <= (limit if keep == "end" else 2 * limit):
        return text
    return text[-limit:] if keep == "end" else text[:limit] + text[-limit:]


class FewerShotsWarning(UserWarning):
    """Fewer solved examples than asked fitted some prompts into the context window."""


class PromptTruncatedWarning(UserWarning):
    """Prompts longer than the model's context window were cut from the left (their end, with the question, stays)."""


def encode_prompts(tokenizer, prompts: Sequence[str], max_tokens: int) -> list[list[int]]:
    """Token ids of each prompt, at most ``max_tokens`` each, special tokens (e.g. BOS) added once.

    A chat template writes the BOS token into the text itself; adding it again would give the
    model two BOS tokens, an input it never saw in training. A longer prompt loses its beginning
    (left truncation, as ``truncation_side="left"`` does: its end holds the question and the
    assistant's turn), and one :class:`PromptTruncatedWarning` names the prompts that were cut.

    Example:
        >>> [ids] = encode_prompts(tokenizer, ["Sentiment of 'Great film!':"], 2048)
    """
    encoded, cut, bos = [], [], tokenizer.bos_token
    for number, prompt in enumerate(prompts, start=1):
        add_special = not (bool(bos) and prompt.startswith(bos))
        text = clip_chars(prompt, max_tokens, keep="end")
        ids = tokenizer(text, add_special_tokens=add_special, verbose=False)["input_ids"]  # no "too long" warning
        if len(ids) > max_tokens or text is not prompt:
            prefix = tokenizer("", add_special_tokens=True)["input_ids"] if add_special else []  # e.g. [bos]
            ids = prefix + ids[len(prefix):][-(max_tokens - len(prefix)):]
            cut.append(str(number))
        encoded.append(ids)
    if cut:
        warnings.warn(PromptTruncatedWarning(
            f"{len(cut)} prompt(s) longer than the model's context allows ({max_tokens:,} tokens, after room for the "
            f"answer) were cut from the left: prompt(s) {', '.join(cut[:10])}{' ...' if len(cut) > 10 else ''} "
            "(1-based, in input order)"), stacklevel=3)
    return encoded


def _count_tokens(tokenizer, text: str) -> int:
    # No special tokens: the chat template or the tokenizer adds them later, once per prompt,
    # and CHAT_MARKUP_TOKENS in the reserve pays for them. A text too long for the whole context
    # is counted on its end only: still more tokens than any budget, without tokenizing megabytes.
    return len(tokenizer(clip_chars(text, context_length(tokenizer), keep="end"), add_special_tokens=False)["input_ids"])


@lru_cache(maxsize=None)
def _default_pool(task: str):
    return load_task(task, "train")


def _same_input(task: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return all(str(a.get(name, "")).strip() == str(b.get(name, "")).strip() for name in check_task(task).input_fields)


def build_few_shot(
    task: str,
    row: Mapping[str, Any],
    *,
    k: int,
    tokenizer=None,
    template: str | Template | None = None,
    seed: int = 0,
    separator: str = "\n\n",
    max_tokens: int | None = None,
    pool: Sequence[Mapping[str, Any]] | None = None,
    reserve_tokens: int | None = None,
) -> FewShotPrompt:
    """A k-shot prompt for ``row``: k solved examples from the training pool, then the query.

    Each shot is the template's prompt and its answer on the next line; shots and query are
    joined with ``separator``. Shots come from ``pool`` (default: the task's *train* split,
    never the split being scored), drawn with ``random.Random(seed)``, so every query gets
    the same shots for the same seed -- except that the query itself (same id, or the same
    input text) is never shown as its own example.

    With a ``tokenizer`` the prompt must fit ``max_tokens`` (default: the model's context
    window minus ``reserve_tokens`` of room for the answer). Shots that do not fit are
    dropped, the one furthest from the query first -- the nearest shots influence the model
    most -- and ``shots_dropped`` and ``note`` say so. The query itself is never cut.

    Example:
        >>> pool = [{"id": str(i), "text": f"Review {i}.", "label": "positive"} for i in range(5)]
        >>> shot = build_few_shot("sentiment", {"id": "q", "text": "Dull.", "label": "negative"},
        ...                       k=2, pool=pool, template="short")
        >>> print(shot.text)
        Review 2.
        Sentiment:
        positive
        <BLANKLINE>
        Review 1.
        Sentiment:
        positive
        <BLANKLINE>
        Dull.
        Sentiment:
    """
    check_task(task)
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if max_tokens is not None and tokenizer is None:
        raise ValueError("max_tokens needs a tokenizer to count tokens; pass tokenizer=")
    template = resolve_template(task, template)
    query_prompt, query_target = template.render(row)

    # 1) draw k shots: a seeded shuffle of the pool, skipping the query row itself
    if pool is None and k > 0:
        pool = _default_pool(task)
    shots: list[tuple[str, str, str]] = []  # (id, prompt, answer)
    if k > 0:
        order = list(range(len(pool)))
        random.Random(seed).shuffle(order)
        row_id = row.get("id")
        for index in order:
            candidate = pool[index]
            if row_id is not None and str(candidate.get("id")) == str(row_id):
                continue
            if _same_input(task, candidate, row):
                continue
            prompt, target = template.render(candidate)
            shots.append((str(candidate.get("id", index)), prompt, target))
            if len(shots) == k:
                break
    short_of_pool = k - len(shots)

    def joined(some_shots: list[tuple[str, str, str]]) -> str:
        solved = [f"{prompt}{SHOT_ANSWER_JOINER}{answer}" for _, prompt, answer in some_shots]
        return separator.join(solved + [query_prompt])

    # 2) fit the token budget: keep the shots nearest the query, drop the furthest first
    n_tokens = budget = None
    if tokenizer is not None:
        if max_tokens is None:
            reserve = reserve_tokens if reserve_tokens is not None else check_task(task).max_new_tokens + CHAT_MARKUP_TOKENS
            max_tokens = context_length(tokenizer) - reserve
        budget = max_tokens
        # Estimate from the pieces' lengths (one tokenizer call per shot) ...
        lengths = [_count_tokens(tokenizer, f"{prompt}{SHOT_ANSWER_JOINER}{answer}") for _, prompt, answer in shots]
        used = _count_tokens(tokenizer, query_prompt)
        per_join = _count_tokens(tokenizer, separator) if separator else 0
        kept = 0
        for length in reversed(lengths):  # nearest the query first
            if used + length + per_join > budget:
                break
            used += length + per_join
            kept += 1
        # ... then check the joined text exactly: tokens can merge across a join, so the
        # estimate may be off by a token or two in either direction.
        def exact(n: int) -> int:
            return _count_tokens(tokenizer, joined(shots[len(shots) - n:]))

        while kept > 0 and exact(kept) > budget:
            kept -= 1
        while kept < len(shots) and exact(kept + 1) <= budget:
            kept += 1
        shots = shots[len(shots) - kept:]
        n_tokens = exact(kept)
    text = joined(shots)
    dropped = k - len(shots)

    # 3) say what happened, in words a notebook can print
    too_long = dropped - short_of_pool
    if tokenizer is None:
        note = f"{len(shots)} of {k} shots; length not checked (no tokenizer)."
    else:
        note = f"{len(shots)} of {k} shots, {n_tokens} tokens of a {budget}-token budget."
        if too_long:
            note += f" Dropped {too_long} shot(s) that did not fit (furthest from the query first)."
        if n_tokens > budget:
            note += " The query alone is longer than the budget: it will be truncated."
    if short_of_pool:
        note += f" The pool had only {k - short_of_pool} usable example(s)."

    messages: list[dict[str, str]] = []
    for _, prompt, answer in shots:
        messages += [{"role": "user", "content": prompt}, {"role": "assistant", "content": answer}]
    messages.append({"role": "user", "content": query_prompt})

    return FewShotPrompt(
        text=text,
        shots_used=len(shots),
        shots_dropped=dropped,
        shot_ids=[shot_id for shot_id, _, _ in shots],
        n_tokens=n_tokens,
        max_tokens=budget,
        note=note,
        messages=messages,
        target=query_target,
    )


# ---------------------------------------------------------------------------------------
# Chat models
# ---------------------------------------------------------------------------------------


def as_model_input(tokenizer, prompt: str | FewShotPrompt, system: str | None = None, *,
                   chat_turns: bool = False) -> str:
    """The text to feed the model: chat-formatted for chat models, plain for the others.

    A tokenizer with a chat template (SmolLM2-Instruct) gets the prompt as one user turn
    with the assistant's turn opened (``add_generation_prompt=True``), the format it was
    tuned on. Base and seq2seq models have no chat template and get the plain text, with
    ``system`` (if any) as a first paragraph. With ``chat_turns=True`` a
    :class:`FewShotPrompt` becomes alternating user/assistant turns instead of one turn.

    Example:
        >>> as_model_input(None, "Translate: chat")
        'Translate: chat'
    """
    text = prompt.text if isinstance(prompt, FewShotPrompt) else prompt
    if tokenizer is None or not getattr(tokenizer, "chat_template", None):
        return f"{system}\n\n{text}" if system else text
    if chat_turns and isinstance(prompt, FewShotPrompt):
        messages = list(prompt.messages)
    else:
        messages = [{"role": "user", "content": text}]
    if system:
        messages.insert(0, {"role": "system", "content": system})
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
