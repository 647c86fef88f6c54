"""Evaluation: batched generation, task metrics, suites over tasks and the forgetting matrix.

Notebook ``01_zero_few_shot`` scores prompts with :func:`evaluate_task`; notebooks 03-06 score
models before and after fine-tuning with :func:`evaluate_suite`, and notebook
``04_catastrophic_forgetting`` turns several suites into a forgetting matrix with
:func:`compare` and :func:`forgetting_matrix`.

The pieces, top to bottom:

1. :func:`generate` -- batched generation with left padding and the KV cache.
2. Metrics -- pure functions, one per task: :func:`rouge_scores`, :func:`sentiment_scores`
   (with :func:`parse_sentiment`), :func:`ner_scores` (with :func:`parse_entities`) and
   :func:`qa_scores`; :func:`score_task` picks the right one. Every score is a fraction in 0-1.
3. :func:`evaluate_task` -- data + prompt template + generation + metric for one task.
4. :func:`evaluate_suite`, :func:`compare`, :func:`forgetting_matrix`, :func:`save_evaluation`.
5. :func:`add_eval_arguments` and :func:`cli_eval` -- the ``labutils eval`` command.

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
import math
import re
import string
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import torch

TASKS = ("summarization", "sentiment", "ner", "qa")  # the same order as labutils.data.TASKS

# How many new tokens each task may generate. Each bound is above the longest target of the
# bundled test splits in SmolLM2 tokens (summary 70, label 1, entity list 49, answer 12), so a
# correct answer is never cut short, while a model that rambles stops early (every new token
# costs a forward pass). A label gets 5 for a chatty "The sentiment is positive".
DEFAULT_MAX_NEW_TOKENS = {"summarization": 80, "sentiment": 5, "ner": 56, "qa": 24}

# Where to cut a task's output. A label or a short answer is one line, so the first newline
# ends it. An entity list may be written as bullets, one per line, so only a blank line ends it.
# A summary may span lines and is left whole. With few-shot prompts the model tends to go on
# with the next made-up example after its answer; the shots are separated by a blank line, so
# that is added as a stop for every task (see ``stop_strings_for``).
TASK_STOP = {"summarization": (), "sentiment": ("\n",), "ner": ("\n\n",), "qa": ("\n",)}
FEW_SHOT_STOP = "\n\n"

# The one number per task that tables and the forgetting matrix show.
HEADLINE_METRIC = {"summarization": "rouge1", "sentiment": "accuracy", "ner": "f1", "qa": "f1"}

# Keys of an evaluate_task result that are not metrics.
_RESULT_INFO_KEYS = ("task", "model", "template", "shots", "n", "seconds", "examples_per_second", "predictions")


class EvaluationError(ValueError):
    """Evaluation was asked for something it cannot do; the message says what to change."""


def _check_task(task: str) -> None:
    if task not in TASKS:
        raise EvaluationError(f"Unknown task {task!r}; expected one of {', '.join(TASKS)}.")


# ======================================================================================
# 1. Batched generation
# ======================================================================================


def _model_device(model) -> torch.device:
    return next(model.parameters()).device


def _is_seq2seq(model) -> bool:
    return bool(getattr(model.config, "is_encoder_decoder", False))


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
    """Token ids of one prompt, adding the tokenizer's special tokens (e.g. BOS) only once.

    A chat template writes the BOS token into the text itself; letting the tokenizer add it
    again would give the model two BOS tokens, an input it never saw in training.
    """
    bos = tokenizer.bos_token
    already_marked = bool(bos) and prompt.startswith(bos)
    return tokenizer(prompt, add_special_tokens=not already_marked)["input_ids"]


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

    from tqdm.auto import tqdm

    from labutils.models import autocast_dtype

    device = _model_device(model)
    seq2seq = _is_seq2seq(model)
    dtype = autocast_dtype(device) if autocast else None
    precision = torch.autocast(device.type, dtype=dtype) if dtype is not None else contextlib.nullcontext()

    # Sort by length, longest first: similar lengths share a batch, and the slowest batch
    # comes first, so the progress bar's time estimate errs on the safe side.
    encoded = [_encode(tokenizer, prompt) for prompt in prompts]
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
# 2. Metrics (pure functions; every score is a fraction in 0-1)
# ======================================================================================

# --- summarization: ROUGE ------------------------------------------------------------

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")

# A sentence ends at ".", "!" or "?" (possibly followed by closing quotes or brackets) before
# whitespace, or at a line break. Good enough for dialogue summaries; it splits "Mr. Smith"
# too, which only moves a sentence boundary and barely changes rougeLsum.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences with a simple regular expression.

    Example:
        >>> split_sentences("Amy calls Tom. He's out!  She leaves a message.")
        ['Amy calls Tom.', "He's out!", 'She leaves a message.']
    """
    return [sentence.strip() for sentence in _SENTENCE_END.split(text.strip()) if sentence.strip()]


_rouge_scorer = None


def _get_rouge_scorer():
    global _rouge_scorer
    if _rouge_scorer is None:
        from rouge_score import rouge_scorer

        _rouge_scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    return _rouge_scorer


def rouge_scores(predictions: Sequence[str], references: Sequence[str | Sequence[str]]) -> dict[str, float]:
    """Mean ROUGE-1/2/L/Lsum F-measures (fractions in 0-1) of predictions against references.

    Uses Google's ``rouge_score`` package with the Porter stemmer (as the DialogSum and
    the well-known course lab's numbers do). Each reference may be one string or a list of
    acceptable strings; with several, each metric takes its best F-measure for that example
    (like ``RougeScorer.score_multi``), then the mean is taken over examples.

    Why split sentences: ``rougeLsum`` is the *summary-level* LCS, which treats each line as a
    sentence and matches sentences against sentences. ``rouge_score`` only looks for newlines,
    so without splitting, rougeLsum quietly equals rougeL. We put each sentence on its own line
    (for both sides) before scoring; rouge1/2/L ignore line breaks, so they do not change.

    Example:
        >>> rouge_scores(["the cat sat"], ["the cat sat down"])["rouge1"]
        0.857...
    """
    _check_same_length(predictions, references, "predictions", "references")
    if not predictions:
        return {name: 0.0 for name in ROUGE_TYPES}
    scorer = _get_rouge_scorer()
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    for prediction, reference in zip(predictions, references):
        candidates = [reference] if isinstance(reference, str) else list(reference)
        if not candidates:
            raise EvaluationError("A summarization example has an empty list of references.")
        prediction_lines = "\n".join(split_sentences(prediction or ""))
        best = dict.fromkeys(ROUGE_TYPES, 0.0)
        for candidate in candidates:
            scores = scorer.score("\n".join(split_sentences(candidate)), prediction_lines)  # (target, prediction)
            for name in ROUGE_TYPES:
                best[name] = max(best[name], scores[name].fmeasure)
        for name in ROUGE_TYPES:
            totals[name] += best[name]
    return {name: totals[name] / len(predictions) for name in ROUGE_TYPES}


# --- sentiment: parse a free-form answer, then accuracy and macro-F1 -------------------

SENTIMENT_LABELS = ("positive", "negative")

# Words that flip the label right after them: "not positive" means negative.
_NEGATIONS = {"not", "no", "never", "isn't", "isnt", "wasn't", "wasnt", "hardly", "nor"}
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def parse_sentiment(text: str | None, choices: Sequence[str] | Mapping[str, str] | None = None) -> str | None:
    """Read a sentiment label out of a model's free-form answer.

    Returns ``"positive"``, ``"negative"`` or ``None`` when the answer names neither (or is
    empty). The rules:

    * Case, punctuation and extra words are ignored: "The sentiment is: Positive." -> positive;
      longer forms of the label words count too ("positively", "Negatives").
    * The **first** label the answer commits to wins, so an explanation after it does not
      count: "negative (the reviewer liked the actors but ...)" -> negative.
    * A negation in the two words before a label flips it: "not positive" -> negative,
      "isn't negative" -> positive. We flip because a binary task leaves only the other label,
      and that is what a reader would understand. "neither positive nor negative" names no
      label and gives ``None``.

    ``choices`` adds a template's own answer words: a mapping such as
    ``Template.choice_labels()`` (``{"thumbs up": "positive", "thumbs down": "negative"}``), or a
    list in the lab's template order ``(positive, negative)``. The words "positive" and
    "negative" are always understood. A choice such as "no" also matches inside "no idea";
    a template that offers "yes"/"no" accepts that risk.

    Example:
        >>> parse_sentiment("The sentiment is: Positive.")
        'positive'
        >>> parse_sentiment("not positive"), parse_sentiment("")
        ('negative', None)
        >>> parse_sentiment("Thumbs down!", {"thumbs up": "positive", "thumbs down": "negative"})
        'negative'
    """
    if not text:
        return None
    text = text.lower()
    phrases = _sentiment_phrases(choices)  # [(regex, label)], longest phrase first
    pattern = re.compile(r"\b(?:" + "|".join(f"({regex})" for regex, _ in phrases) + r")\b")
    match = pattern.search(text)
    if match is None:
        return None
    label = phrases[match.lastindex - 1][1]  # the group that matched tells which phrase it was
    previous = _WORD.findall(text[: match.start()])[-2:]  # "not positive", "not very positive"
    if "neither" in previous:
        return None
    if any(word in _NEGATIONS or word.endswith("n't") for word in previous):
        return "negative" if label == "positive" else "positive"
    return label


def _sentiment_phrases(choices) -> list[tuple[str, str]]:
    """(regex, label) pairs for the label words and a template's answer choices."""
    pairs: dict[str, str] = {}
    if isinstance(choices, Mapping):
        pairs.update({str(word): label for word, label in choices.items()})
    elif choices is not None:
        choices = [str(choice) for choice in choices]
        if len(choices) != 2:
            raise EvaluationError(
                f"parse_sentiment: cannot map answer choices {choices} to labels; pass a dict such as "
                "{'great': 'positive', 'terrible': 'negative'}."
            )
        pairs.update(zip(choices, SENTIMENT_LABELS))  # the lab's templates list positive first
    phrases = []
    for word, label in pairs.items():
        if label not in SENTIMENT_LABELS:
            raise EvaluationError(f"parse_sentiment: choice {word!r} maps to {label!r}, not one of {SENTIMENT_LABELS}.")
        word = " ".join(word.lower().split())
        if word and word not in SENTIMENT_LABELS:
            phrases.append((word, r"\s+".join(re.escape(part) for part in word.split()), label))
    phrases.sort(key=lambda item: len(item[0]), reverse=True)  # "thumbs down" before "thumbs"
    # The label words themselves, with any ending: "positively", "negatives".
    return [(regex, label) for _, regex, label in phrases] + [(r"positiv\w*", "positive"), (r"negativ\w*", "negative")]


def sentiment_scores(
    predictions: Sequence[str | None],
    labels: Sequence[str],
    choices: Sequence[str] | Mapping[str, str] | None = None,
) -> dict[str, float]:
    """Accuracy, macro-F1 and the number of unparsed answers.

    Each prediction is parsed with :func:`parse_sentiment` (a clean label parses to itself;
    ``choices`` are the template's answer words, see there). An
    answer that names no label counts as wrong: it lowers its gold class's recall but is no
    false positive for either class. Macro-F1 is the mean of the two per-class F1 scores,
    computed by hand here so it can be read: ``F1 = 2 * TP / (2 * TP + FP + FN)``.

    Example:
        >>> sentiment_scores(["Positive", "negative", "???"], ["positive", "positive", "negative"])
        {'accuracy': 0.333..., 'macro_f1': 0.333..., 'unparsed': 1}
    """
    _check_same_length(predictions, labels, "predictions", "labels")
    parsed = [parse_sentiment(prediction, choices) for prediction in predictions]
    gold = [str(label).lower().strip() for label in labels]
    for position, label in enumerate(gold):
        if label not in SENTIMENT_LABELS:
            raise EvaluationError(f"sentiment label #{position} is {label!r}; expected one of {SENTIMENT_LABELS}.")
    n = len(gold)
    correct = sum(p == g for p, g in zip(parsed, gold))
    per_class_f1 = []
    for label in SENTIMENT_LABELS:
        true_positives = sum(p == label and g == label for p, g in zip(parsed, gold))
        false_positives = sum(p == label and g != label for p, g in zip(parsed, gold))
        false_negatives = sum(p != label and g == label for p, g in zip(parsed, gold))
        denominator = 2 * true_positives + false_positives + false_negatives
        per_class_f1.append(2 * true_positives / denominator if denominator else 0.0)
    return {
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(per_class_f1) / len(per_class_f1),
        "unparsed": sum(p is None for p in parsed),
    }


# --- ner: parse "PER: Ada Lovelace; LOC: London", then entity-level P/R/F1 ------------

ENTITY_TYPES = ("PER", "ORG", "LOC")
_TYPE_ALIASES = {
    "per": "PER", "person": "PER", "people": "PER", "persons": "PER",
    "org": "ORG", "organization": "ORG", "organisation": "ORG", "organizations": "ORG", "organisations": "ORG",
    "loc": "LOC", "location": "LOC", "locations": "LOC", "place": "LOC", "places": "LOC",
}  # fmt: skip
_TYPE_WORDS = "|".join(sorted(_TYPE_ALIASES, key=len, reverse=True))  # longest first: "person" before "per"
# "PER:" as a label: a type word not glued to letters on its left, then a colon.
_TYPE_LABEL = re.compile(rf"(?<![A-Za-z])({_TYPE_WORDS})\s*:", re.IGNORECASE)
# "Ada Lovelace (PER)": a name, then a type word in brackets.
_TRAILING_TYPE = re.compile(rf"([^,;()\n]+?)\s*[(\[]\s*({_TYPE_WORDS})\s*[)\]]", re.IGNORECASE)
# List markers at the start of a line: "- ", "* ", "• ", "1. ", "2) ".
_BULLET = re.compile(r"^\s*(?:[-*\u2022]+|\d+[.)])\s*", re.MULTILINE)
_NO_ENTITIES = {"none", "no entities", "no entity", "n/a", "nothing", "no named entities", "[]", "-"}
_EDGE_PUNCTUATION = " \t\"'`.,;:!?*_"


def parse_entities(text: str | None) -> list[dict[str, str]]:
    """Read entities out of a model's answer, in the schema of the gold data.

    The canonical format (``labutils.prompts.format_entities``) is ``"PER: Ada Lovelace; LOC:
    London"``, and ``"none"`` for no entities. Messy variants are tolerated too: commas or new
    lines between entities, bullets (``"- PER: X"``), several names after one type
    (``"PER: Ada Lovelace, Charles Babbage"``), the type after the name (``"Ada Lovelace
    (PER)"``), long or lowercase type names (``"person: ada"``), quotes and trailing periods.
    Text before the first type label ("Here are the entities:") is ignored.

    Trade-off: a comma always separates entities, so "Washington, D.C." becomes two names.
    Names with commas are rare in the bundled data; answers listing names with commas are not.

    Example:
        >>> parse_entities("PER: Ada Lovelace; LOC: London")
        [{'type': 'PER', 'text': 'Ada Lovelace'}, {'type': 'LOC', 'text': 'London'}]
        >>> parse_entities("none")
        []
    """
    if not text:
        return []
    text = _BULLET.sub("", text)
    if text.strip(_EDGE_PUNCTUATION).lower() in _NO_ENTITIES:
        return []
    entities: list[dict[str, str]] = []
    labels = list(_TYPE_LABEL.finditer(text))
    if labels:
        # The value of each "TYPE:" runs to the next "TYPE:" (or the end), and may hold
        # several names separated by ";", "," or new lines.
        for label, following in zip(labels, labels[1:] + [None]):
            entity_type = _TYPE_ALIASES[label.group(1).lower()]
            value = text[label.end() : following.start() if following else len(text)]
            for name in re.split(r"[;,\n]", value):
                name = _clean_entity_text(name)
                # Skip empties and echoes of the instruction ("People: Per, ORG"): a type name
                # is never an entity.
                if name and name.lower() not in _NO_ENTITIES and name.lower() not in _TYPE_ALIASES:
                    entities.append({"type": entity_type, "text": name})
    else:
        for match in _TRAILING_TYPE.finditer(text):
            name = _clean_entity_text(match.group(1))
            if name:
                entities.append({"type": _TYPE_ALIASES[match.group(2).lower()], "text": name})
    return entities


def _clean_entity_text(name: str) -> str:
    return " ".join(name.split()).strip(_EDGE_PUNCTUATION)


def normalize_entity_text(text: str) -> str:
    """The form two entity names are compared in: case-folded, single spaces, no edge punctuation."""
    return " ".join(text.casefold().split()).strip(_EDGE_PUNCTUATION)


def _entity_counter(entities: Iterable[Mapping[str, str]]) -> Counter:
    return Counter((str(e["type"]).upper(), normalize_entity_text(str(e["text"]))) for e in entities)


def _f1(true_positives: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    precision = true_positives / n_predicted if n_predicted else 0.0
    recall = true_positives / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ner_scores(
    predictions: Sequence[str | Sequence[Mapping[str, str]]],
    gold_entities_lists: Sequence[Sequence[Mapping[str, str]]],
) -> dict[str, float]:
    """Entity-level micro precision, recall and F1, plus F1 per entity type.

    A predicted entity is correct when the same (type, normalised text) pair is in the gold
    list of that example; pairs are matched as a multiset, so naming "London" twice when it is
    gold once gives one true and one false positive. Counts are summed over all examples
    (micro averaging), then ``P = TP / predicted``, ``R = TP / gold``, ``F1 = 2PR / (P + R)``.
    Predictions may be raw model answers (parsed with :func:`parse_entities`) or entity lists.
    Per-type F1 (``f1_PER``, ...) is reported for each type that occurs in the gold or the
    predictions; a type that occurs in neither has no meaningful F1 and is left out.

    Example:
        >>> ner_scores(["PER: Ada; LOC: Paris"], [[{"type": "PER", "text": "Ada"}]])
        {'precision': 0.5, 'recall': 1.0, 'f1': 0.666..., 'f1_PER': 1.0, 'f1_LOC': 0.0}
    """
    _check_same_length(predictions, gold_entities_lists, "predictions", "gold entity lists")
    true_positives: Counter = Counter()
    predicted_counts: Counter = Counter()
    gold_counts: Counter = Counter()
    for prediction, gold in zip(predictions, gold_entities_lists):
        predicted = _entity_counter(parse_entities(prediction) if isinstance(prediction, str) or prediction is None
                                    else prediction)
        expected = _entity_counter(gold)
        for (entity_type, _), count in (predicted & expected).items():
            true_positives[entity_type] += count
        for (entity_type, _), count in predicted.items():
            predicted_counts[entity_type] += count
        for (entity_type, _), count in expected.items():
            gold_counts[entity_type] += count
    precision, recall, f1 = _f1(sum(true_positives.values()), sum(predicted_counts.values()), sum(gold_counts.values()))
    scores = {"precision": precision, "recall": recall, "f1": f1}
    seen_types = set(predicted_counts) | set(gold_counts)
    for entity_type in list(ENTITY_TYPES) + sorted(seen_types - set(ENTITY_TYPES)):
        if entity_type in seen_types:
            scores[f"f1_{entity_type}"] = _f1(true_positives[entity_type], predicted_counts[entity_type],
                                              gold_counts[entity_type])[2]
    return scores


# --- qa: SQuAD exact match and token F1 ----------------------------------------------

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = set(string.punctuation)


def normalize_answer(text: str) -> str:
    """SQuAD's answer normalisation: lowercase, drop punctuation and the articles a/an/the,
    collapse whitespace (the order of the official SQuAD v1.1 script).

    Example:
        >>> normalize_answer("The  Eiffel Tower!")
        'eiffel tower'
    """
    text = text.lower()
    text = "".join(character for character in text if character not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def _token_f1(prediction: str, answer: str) -> float:
    predicted_tokens = normalize_answer(prediction).split()
    answer_tokens = normalize_answer(answer).split()
    if not predicted_tokens or not answer_tokens:
        # Both empty is a match; one empty is a miss (as in the SQuAD v2 script).
        return float(predicted_tokens == answer_tokens)
    common = sum((Counter(predicted_tokens) & Counter(answer_tokens)).values())
    if common == 0:
        return 0.0
    precision = common / len(predicted_tokens)
    recall = common / len(answer_tokens)
    return 2 * precision * recall / (precision + recall)


def qa_scores(predictions: Sequence[str], answers: Sequence[str | Sequence[str]]) -> dict[str, float]:
    """SQuAD-style exact match and token F1 (fractions in 0-1), best over acceptable answers.

    Both sides are normalised with :func:`normalize_answer`. Exact match is 1 when the
    normalised strings are equal; token F1 is the harmonic mean of token precision and recall
    (tokens shared, counted with multiplicity). Each answer may be a string or a list of
    acceptable strings; an example takes its best score over them.

    Example:
        >>> qa_scores(["in Paris"], [["Paris", "the city of Paris"]])
        {"exact_match": 0.0, "f1": 0.666...}
    """
    _check_same_length(predictions, answers, "predictions", "answers")
    if not predictions:
        return {"exact_match": 0.0, "f1": 0.0}
    exact_total = f1_total = 0.0
    for prediction, answer in zip(predictions, answers):
        candidates = [answer] if isinstance(answer, str) else list(answer)
        if not candidates:
            raise EvaluationError("A qa example has an empty list of acceptable answers.")
        prediction = prediction or ""
        exact_total += max(float(normalize_answer(prediction) == normalize_answer(c)) for c in candidates)
        f1_total += max(_token_f1(prediction, c) for c in candidates)
    return {"exact_match": exact_total / len(predictions), "f1": f1_total / len(predictions)}


# --- dispatch -----------------------------------------------------------------------

# The gold field of each task's rows (see labutils.data's schemas).
GOLD_FIELD = {"summarization": "summary", "sentiment": "label", "ner": "entities", "qa": "answer"}


def score_task(
    task: str,
    predictions: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    *,
    choices: Sequence[str] | Mapping[str, str] | None = None,
) -> dict[str, float]:
    """Score raw model answers for ``task`` against the gold fields of ``rows``.

    ``choices`` (sentiment only) are the prompt template's answer words, e.g.
    ``template.choice_labels()`` for a template that asks for "good" or "bad".

    Example:
        >>> score_task("qa", ["Paris"], [{"answer": "Paris"}])
        {'exact_match': 1.0, 'f1': 1.0}
    """
    _check_task(task)
    field = GOLD_FIELD[task]
    gold = []
    for position, row in enumerate(rows):
        if field not in row:
            raise EvaluationError(
                f"Row #{position} (id {row.get('id', '?')!r}) has no {field!r} field, which {task} needs for scoring."
            )
        gold.append(row[field])
    if task == "summarization":
        return rouge_scores(predictions, gold)
    if task == "sentiment":
        return sentiment_scores(predictions, gold, choices)
    if task == "ner":
        return ner_scores(predictions, gold)
    return qa_scores(predictions, gold)


def _check_same_length(first: Sequence, second: Sequence, first_name: str, second_name: str) -> None:
    if len(first) != len(second):
        raise EvaluationError(f"Got {len(first)} {first_name} but {len(second)} {second_name}; they must pair up.")


# ======================================================================================
# 3. One task: data -> prompts -> generation -> metric
# ======================================================================================


def stop_strings_for(task: str, shots: int = 0) -> list[str]:
    """The strings that end an answer for ``task`` (see ``TASK_STOP``)."""
    stops = list(TASK_STOP[task])
    if shots > 0 and FEW_SHOT_STOP not in stops:
        stops.append(FEW_SHOT_STOP)
    return stops


def _rows_of(task: str, split: str, data, limit: int | None) -> list[dict[str, Any]]:
    """The rows to evaluate, as a list of dicts: bundled split, a file path, a Dataset or a list."""
    if data is None:
        from labutils.data import load_task

        return [dict(row) for row in load_task(task, split, limit=limit)]
    if isinstance(data, (str, Path)):
        from labutils.data import load_file

        data = load_file(data, task)
    rows = [dict(row) for row in data]
    return rows[:limit] if limit is not None else rows


def _resolve_template(task: str, template):
    """A Template object from None (the task's default), a name, or a Template."""
    from labutils.prompts import DEFAULT_TEMPLATE, load_templates

    if template is not None and not isinstance(template, str):
        return template
    templates = load_templates(task)
    name = template or DEFAULT_TEMPLATE[task]
    if name not in templates:
        raise EvaluationError(f"No template {name!r} for task {task!r}; available: {', '.join(templates)}.")
    return templates[name]


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
    dicts in the task's schema, or a file path for ``labutils.data.load_file``); ``limit``
    keeps the first rows. Prompts: ``template`` (a name from ``labutils.prompts.load_templates``
    or a Template; default ``DEFAULT_TEMPLATE[task]``) with ``shots`` examples in front, then the
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
    from labutils.prompts import as_model_input, build_few_shot, target_text

    if shots < 0:
        raise EvaluationError(f"shots must be 0 or more, got {shots}.")
    rows = _rows_of(task, split, data, limit)
    if not rows:
        raise EvaluationError(f"No examples to evaluate for task {task!r} (empty data or limit=0).")
    chosen = _resolve_template(task, template)

    # 1) prompts: the template's instruction (with `shots` solved examples in front)
    prompts = []
    for row in rows:
        if shots:
            prompts.append(build_few_shot(task, row, k=shots, tokenizer=tokenizer, template=chosen, seed=seed).text)
        else:
            prompts.append(chosen.render(row)[0])
    model_inputs = [as_model_input(tokenizer, prompt) for prompt in prompts]

    # 2) generation, timed on its own: it is the part that depends on the model and hardware
    started = time.perf_counter()
    outputs = generate(
        model,
        tokenizer,
        model_inputs,
        max_new_tokens=max_new_tokens or DEFAULT_MAX_NEW_TOKENS[task],
        batch_size=batch_size,
        do_sample=do_sample,
        temperature=temperature,
        seed=seed,
        stop=stop_strings_for(task, shots),
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
# 4. Suites over tasks, comparisons between models, saving
# ======================================================================================


def headline_metric(task: str) -> str:
    """The one metric that stands for ``task`` in tables and the forgetting matrix.

    Example:
        >>> headline_metric("summarization")
        'rouge1'
    """
    _check_task(task)
    return HEADLINE_METRIC[task]


def _model_name(model) -> str:
    config = getattr(model, "config", None)
    return str(getattr(config, "name_or_path", "") or type(model).__name__)


def evaluate_suite(model, tokenizer, tasks: Sequence[str] = TASKS, *, model_name: str | None = None, **kwargs):
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
    import pandas as pd

    if isinstance(tasks, str):
        tasks = [tasks]
    name = model_name or _model_name(model)
    records, results = [], {}
    per_task_data = kwargs.pop("data", None)
    for task in tasks:
        if isinstance(per_task_data, Mapping):
            kwargs["data"] = per_task_data.get(task)  # None: the bundled split
        elif per_task_data is not None:
            raise EvaluationError("evaluate_suite(data=...) takes a dict {task: rows}; one data set cannot "
                                  "serve several tasks.")
        result = evaluate_task(model, tokenizer, task, **kwargs)
        results[task] = result
        for metric, value in result_metrics(result).items():
            records.append({"model": name, "task": task, "metric": metric, "value": float(value)})
        for info in ("n", "seconds", "examples_per_second"):
            records.append({"model": name, "task": task, "metric": info, "value": float(result[info])})
    table = pd.DataFrame.from_records(records, columns=["model", "task", "metric", "value"])
    table.attrs["results"] = results
    return table


def _as_tidy(name: str, suite):
    """A tidy (model, task, metric, value) DataFrame from a suite table or a {task: result} dict."""
    import pandas as pd

    if isinstance(suite, pd.DataFrame):
        missing = {"task", "metric", "value"} - set(suite.columns)
        if missing:
            raise EvaluationError(f"Results for {name!r} lack the column(s) {sorted(missing)}; "
                                  "pass the table evaluate_suite returns.")
        tidy = suite.copy()
        tidy["model"] = name
        return tidy
    if isinstance(suite, Mapping):
        records = []
        for task, result in suite.items():
            for metric, value in result_metrics(result).items():
                records.append({"model": name, "task": task, "metric": metric, "value": float(value)})
        return pd.DataFrame.from_records(records, columns=["model", "task", "metric", "value"])
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
    import pandas as pd

    if base not in results:
        raise EvaluationError(f"The base model {base!r} is not among the results ({', '.join(results)}); "
                              "name it with base=...")
    names = [base] + [name for name in results if name != base]
    tidy = pd.concat([_as_tidy(name, results[name]) for name in names], ignore_index=True)
    headline = tidy[tidy.apply(lambda row: row["task"] in HEADLINE_METRIC
                               and row["metric"] == HEADLINE_METRIC[row["task"]], axis=1)]
    table = headline.pivot_table(index="model", columns="task", values="value", aggfunc="first")
    tasks = [task for task in TASKS if task in table.columns]
    table = table.reindex(index=names, columns=tasks)
    table.index.name, table.columns.name = "model", "task"
    return table


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


def _to_jsonable(value):
    """Plain JSON types: DataFrames become records, NaN/inf become null, tensors become lists."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        frame = value.reset_index() if value.index.name or value.index.names[0] is not None else value
        return [_to_jsonable(record) for record in frame.to_dict(orient="records")]
    if isinstance(value, Mapping):
        return {str(key): _to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(item) for item in value]
    if isinstance(value, torch.Tensor):
        return _to_jsonable(value.tolist())
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


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
    payload = {"results": _to_jsonable(results), **{key: _to_jsonable(value) for key, value in extra.items()}}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# ======================================================================================
# 5. The `labutils eval` command
# ======================================================================================


def add_eval_arguments(parser) -> None:
    """Add the ``labutils eval`` options to an ``argparse`` parser."""
    from labutils.models import DEFAULT_MODEL

    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help=f"model name, hub id, local folder or run folder (default: {DEFAULT_MODEL})")
    parser.add_argument("--task", required=True, choices=TASKS, help="the task to score")
    parser.add_argument("--data", default=None, help="score this file (.jsonl/.json/.csv/.parquet in the task's "
                                                     "schema) instead of the bundled split")
    parser.add_argument("--split", default="test", help="bundled split to score when --data is not given")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N examples")
    parser.add_argument("--template", default=None, help="prompt template name (default: the task's default)")
    parser.add_argument("--shots", type=int, default=0, help="solved examples in front of each prompt")
    parser.add_argument("--batch-size", type=int, default=16, help="prompts generated together")
    parser.add_argument("--max-new-tokens", type=int, default=None, help="override the task's generation length")
    parser.add_argument("--seed", type=int, default=0, help="seed for few-shot example choice and sampling")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")


def cli_eval(args) -> int:
    """Run ``labutils eval``: load the model and data, score, print the result. Returns 0.

    ``--model`` may be a name, a hub id, a model folder or a run folder from ``labutils train``
    (full model or LoRA adapter): ``labutils.models.load_model`` resolves all of them.
    """
    from labutils.models import load_model

    model, tokenizer = load_model(args.model)
    result = evaluate_task(
        model,
        tokenizer,
        args.task,
        split=args.split,
        data=args.data,
        limit=args.limit,
        template=args.template,
        shots=args.shots,
        batch_size=args.batch_size,
        max_new_tokens=getattr(args, "max_new_tokens", None),
        seed=getattr(args, "seed", 0),
        progress=not args.json and sys.stderr.isatty(),
    )
    metrics = result_metrics(result)
    summary = {
        "model": args.model,
        "task": args.task,
        "n": result["n"],
        "metrics": metrics,
        "seconds": round(result["seconds"], 3),
        "examples_per_second": round(result["examples_per_second"], 3),
        "template": result["template"],
        "shots": result["shots"],
    }
    if args.json:
        print(json.dumps(_to_jsonable(summary)))
        return 0
    source = args.data or f"bundled {args.split} split"
    print(f"model    {args.model}\ntask     {args.task} ({source}, n={result['n']})")
    print(f"prompt   template {result['template']!r}, {result['shots']} shot(s)")
    for metric, value in metrics.items():
        shown = f"{value}" if isinstance(value, int) else f"{value:.4f}"
        print(f"  {metric:<12s} {shown}")
    print(f"time     {result['seconds']:.1f} s ({result['examples_per_second']:.2f} examples/s)")
    return 0


# ======================================================================================
# 6. Cached suites: score each model once, reuse the numbers in every notebook
# ======================================================================================

# Bump when a change to prompts, generation or metrics changes what a stored score means:
# every cached suite then counts as stale and is recomputed.
EVAL_CACHE_VERSION = 1
EVAL_CACHE_FOLDER = "eval-cache"  # under the runs root, for models that are not runs


def _cache_target(model_ref) -> tuple[str, Path | None, str]:
    """``(label, run folder or None, model name to load)`` for a model reference.

    A run (a ``TrainResult``, its folder or its ``final/`` folder) keeps its scores inside its
    own folder; anything else (a known name, a hub id, a plain model folder) in the shared cache.
    """
    from labutils.runs import is_done

    run_dir = getattr(model_ref, "run_dir", None)  # a TrainResult
    if run_dir is None:
        path = Path(str(model_ref)).expanduser()
        if path.name == "final" and (path.parent / "config.yaml").is_file():
            run_dir = path.parent
        elif path.is_dir() and (path / "config.yaml").is_file() and (path / "final").exists():
            run_dir = path
        elif path.is_dir() and (path / "checkpoint").exists():
            run_dir = path  # a run folder that never reached final/: reported below
    if run_dir is not None:
        run_dir = Path(run_dir).resolve()
        if not is_done(run_dir):
            raise EvaluationError(f"{run_dir} is not a finished run (no DONE marker): finish or resume it with "
                                  "labutils.runs.get_or_train(config) before evaluating it.")
        return run_dir.name, run_dir, str(run_dir)
    name = str(model_ref)
    return name, None, name


def eval_cache_path(model_ref, tasks: Sequence[str] = TASKS, *, limit: int | None, split: str = "test",
                    **kwargs) -> Path:
    """Where :func:`evaluate_cached` keeps the scores of ``model_ref`` under these settings.

    A run: ``<run folder>/eval-<hash>.json``. A plain model name: ``<runs root>/eval-cache/<name>-<hash>.json``.
    The hash covers everything that changes a score (split, limit, prompt and generation options,
    the precision this machine evaluates in, :data:`EVAL_CACHE_VERSION`), not the task list: one
    file holds every task scored under the same settings, so a later call adds only missing tasks.

    Example:
        >>> eval_cache_path("smollm2-135m-instruct", limit=40)          # doctest: +SKIP
        PosixPath('.../runs/eval-cache/smollm2-135m-instruct-3f9a0c1d2e.json')
    """
    import hashlib

    from labutils.runs import runs_root

    label, run_dir, _ = _cache_target(model_ref)
    digest = hashlib.sha256(json.dumps(_cache_settings(label if run_dir is None else None, limit, split, kwargs),
                                       sort_keys=True, default=str).encode()).hexdigest()[:10]
    if run_dir is not None:
        return run_dir / f"eval-{digest}.json"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(label).name if Path(label).expanduser().is_dir() else label)
    return runs_root() / EVAL_CACHE_FOLDER / f"{safe.strip('_') or 'model'}-{digest}.json"


def _cache_settings(name: str | None, limit, split: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Everything that changes a cached score (see :func:`eval_cache_path`)."""
    from labutils.models import autocast_dtype, pick_device

    if kwargs.get("data") is not None:
        raise EvaluationError("evaluate_cached scores the bundled splits only; score your own data with "
                              "evaluate_suite(model, tokenizer, data={task: rows}).")
    # An option left at evaluate_task's default scores the same as an option not given at all
    # (max_new_tokens=None is each task's default length), so neither goes into the hash.
    import inspect

    defaults = {name: parameter.default for name, parameter in inspect.signature(evaluate_task).parameters.items()}
    options = {key: value for key, value in kwargs.items()
               if key not in ("progress", "data") and not (key in defaults and defaults[key] == value)}
    if "template" in options and not isinstance(options["template"], (str, type(None))):
        template = options["template"]  # a Template object: its wording is what matters
        options["template"] = f"{getattr(template, 'name', '')}:{getattr(template, 'jinja', template)}"
    device = pick_device()
    settings = {"version": EVAL_CACHE_VERSION, "split": split, "limit": limit, "options": options,
                "max_new_tokens": dict(DEFAULT_MAX_NEW_TOKENS), "device": device.type,
                "autocast": str(autocast_dtype(device))}  # bf16 and fp32 greedy outputs can differ
    if name is not None:
        path = Path(name).expanduser()
        # A plain model folder is identified by where it is; a name or hub id by itself.
        settings["model"] = str(path.resolve()) if path.is_dir() else name
    return _to_jsonable(settings)


def _suite_table(name: str, results: Mapping[str, Mapping[str, Any]]):
    """The tidy (model, task, metric, value) table of :func:`evaluate_suite` from ``{task: result}``."""
    import pandas as pd

    records = []
    for task, result in results.items():
        for metric, value in result_metrics(result).items():
            records.append({"model": name, "task": task, "metric": metric, "value": float(value)})
        for info in ("n", "seconds", "examples_per_second"):
            if result.get(info) is not None:
                records.append({"model": name, "task": task, "metric": info, "value": float(result[info])})
    table = pd.DataFrame.from_records(records, columns=["model", "task", "metric", "value"])
    table.attrs["results"] = dict(results)
    return table


def evaluate_cached(model_ref, tasks: Sequence[str] = TASKS, *, limit: int | None, split: str = "test",
                    model_name: str | None = None, loaded: tuple | None = None, refresh: bool = False,
                    **kwargs):
    """:func:`evaluate_suite` that generates and scores each (model, task, settings) only once.

    ``model_ref`` is a model name, hub id or folder, a run folder or a ``TrainResult``. Scores are
    stored as JSON (predictions included) in the run folder for a run, or under
    ``runs/eval-cache/`` for a plain model (see :func:`eval_cache_path`), so notebooks 04, 05,
    06 and the report score the base model and each fine-tuned model once between them. Only
    tasks missing from the file are evaluated, and the model is loaded only then (pass
    ``loaded=(model, tokenizer)`` to use one already in memory). ``refresh=True`` scores again.
    Other keyword arguments go to :func:`evaluate_task` (``template``, ``shots``,
    ``max_new_tokens``, ``batch_size`` ...).

    Returns the same table as :func:`evaluate_suite` (``attrs["results"]`` holds the per-task
    results); ``attrs["cache_path"]`` is the file and ``attrs["from_cache"]`` the tasks that were
    read rather than scored now.

    Example:
        >>> base = evaluate_cached("smollm2-135m-instruct", limit=40, model_name="base")   # doctest: +SKIP
        >>> tuned = evaluate_cached(result, limit=40, model_name="summarization FT")      # doctest: +SKIP
        >>> forgetting_matrix(compare({"base": base, "summarization FT": tuned}))        # doctest: +SKIP
    """
    from filelock import FileLock

    from labutils.runs import write_json_atomic

    if isinstance(tasks, str):
        tasks = [tasks]
    for task in tasks:
        _check_task(task)
    label, run_dir, load_name = _cache_target(model_ref)
    path = eval_cache_path(model_ref, tasks, limit=limit, split=split, **kwargs)
    settings = _cache_settings(label if run_dir is None else None, limit, split, kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    # One writer per file: two notebooks scoring the same model wait for each other, then share.
    with FileLock(str(path.with_name("." + path.name + ".lock"))):
        stored: dict[str, Any] = {}
        if path.is_file() and not refresh:
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                if payload.get("settings") == settings:
                    stored = payload.get("results", {})
            except (OSError, ValueError):
                stored = {}  # a damaged cache file is only a cache: score again
        missing = [task for task in tasks if task not in stored]
        if missing:
            model, tokenizer = loaded if loaded is not None else _load_for_eval(load_name)
            for task in missing:
                stored[task] = _to_jsonable(evaluate_task(model, tokenizer, task, limit=limit, split=split, **kwargs))
                # Written after every task, so an interrupted notebook keeps what it already scored.
                write_json_atomic(path, {"model": label, "settings": settings, "results": stored})
    table = _suite_table(model_name or label, {task: stored[task] for task in tasks})
    table.attrs["cache_path"] = str(path)
    table.attrs["from_cache"] = [task for task in tasks if task not in missing]
    return table


def _load_for_eval(name: str):
    from labutils.models import load_model

    return load_model(name)
