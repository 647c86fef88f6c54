"""Task metrics: pure functions from answers and references to scores (every score a fraction in 0-1).

One family per task: :func:`rouge_scores` (summarization, ROUGE through Google's rouge-score),
:func:`sentiment_scores` with :func:`parse_sentiment`, :func:`ner_scores` with
:func:`parse_entities`, and :func:`qa_scores` (SQuAD's exact match and token F1);
:func:`score_task` picks the family from the task record (:mod:`labutils.tasks`).

Example:
    >>> score_task("qa", ["Paris"], [{"answer": "Paris"}])
    {'exact_match': 1.0, 'f1': 1.0}
"""

from __future__ import annotations

import re
import string
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

from labutils.tasks import ENTITY_TYPES, SENTIMENT_LABELS, check_task


class EvaluationError(ValueError):
    """Evaluation was asked for something it cannot do; the message says what to change."""


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
    _check_not_empty(predictions)
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
    _check_not_empty(predictions)
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
        "accuracy": correct / n,
        "macro_f1": sum(per_class_f1) / len(per_class_f1),
        "unparsed": sum(p is None for p in parsed),
    }


# --- ner: parse "PER: Ada Lovelace; LOC: London", then entity-level P/R/F1 ------------

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


def _entity_pairs(prediction, gold) -> tuple[Counter, Counter]:
    """(predicted, gold) multisets of (type, normalised text); either side may be raw text to parse."""
    def as_entities(value):
        return parse_entities(value) if isinstance(value, str) or value is None else value

    return _entity_counter(as_entities(prediction)), _entity_counter(as_entities(gold))


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
    _check_not_empty(predictions)
    true_positives: Counter = Counter()
    predicted_counts: Counter = Counter()
    gold_counts: Counter = Counter()
    for prediction, gold in zip(predictions, gold_entities_lists):
        predicted, expected = _entity_pairs(prediction, gold)
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
    _check_not_empty(predictions)
    exact_total = f1_total = 0.0
    for prediction, answer in zip(predictions, answers):
        candidates = [answer] if isinstance(answer, str) else list(answer)
        if not candidates:
            raise EvaluationError("A qa example has an empty list of acceptable answers.")
        prediction = prediction or ""
        exact_total += max(float(normalize_answer(prediction) == normalize_answer(c)) for c in candidates)
        f1_total += max(_token_f1(prediction, c) for c in candidates)
    return {"exact_match": exact_total / len(predictions), "f1": f1_total / len(predictions)}


# --- per example: the values a bootstrap resamples ------------------------------------

def answer_unparsed(task: str, prediction: str | None) -> bool | None:
    """Whether an answer could not be read in the task's format; None where there is no format to read.

    Sentiment: :func:`parse_sentiment` finds no label. NER: the answer is not "none" and
    :func:`parse_entities` finds no entity in it. Summaries and QA answers are free text: None.

    Example:
        >>> answer_unparsed("sentiment", "I think so"), answer_unparsed("ner", "none"), answer_unparsed("qa", "?")
        (True, False, None)
    """
    if task == "sentiment":
        return parse_sentiment(prediction) is None
    if task == "ner":
        text = _BULLET.sub("", prediction or "").strip(_EDGE_PUNCTUATION).lower()
        return text not in _NO_ENTITIES and not parse_entities(prediction)
    return None


def example_scores(
    task: str,
    predictions: Sequence[str | None],
    references: Sequence[Any],
    *,
    choices: Sequence[str] | Mapping[str, str] | None = None,
) -> list[dict[str, float]]:
    """One dict of metric values per example, computed by the same functions as the task's score.

    ``references`` are gold targets: a summary, a label, an entity list (or its canonical
    string, ``"PER: Ada; LOC: London"``), an answer. For the metrics that are means over
    examples (ROUGE, accuracy, exact match, token F1) the mean of these values is the task's
    score. Entity F1 is micro-averaged, so each NER example also carries its counts
    (``true_positives``, ``predicted``, ``gold``) and :func:`aggregate_example_scores` sums them
    before dividing. ``unparsed`` (1.0 or 0.0, sentiment and ner only) marks answers that could
    not be read in the task's format (:func:`answer_unparsed`).

    Example:
        >>> example_scores("sentiment", ["Positive", "???"], ["positive", "negative"])
        [{'accuracy': 1.0, 'unparsed': 0.0}, {'accuracy': 0.0, 'unparsed': 1.0}]
    """
    check_task(task, EvaluationError)
    _check_same_length(predictions, references, "predictions", "references")
    rows = []
    for prediction, reference in zip(predictions, references):
        if task == "summarization":
            row = rouge_scores([prediction or ""], [reference])
        elif task == "sentiment":
            row = {"accuracy": sentiment_scores([prediction], [reference], choices)["accuracy"]}
        elif task == "ner":
            predicted, expected = _entity_pairs(prediction, reference)
            true_positives = sum((predicted & expected).values())
            precision, recall, f1 = _f1(true_positives, sum(predicted.values()), sum(expected.values()))
            row = {"true_positives": true_positives, "predicted": sum(predicted.values()),
                   "gold": sum(expected.values()), "precision": precision, "recall": recall, "f1": f1}
        else:
            row = qa_scores([prediction or ""], [reference])
        unparsed = answer_unparsed(task, prediction)
        if unparsed is not None:
            row["unparsed"] = float(unparsed)
        rows.append({key: float(value) for key, value in row.items()})
    return rows


def aggregate_example_scores(task: str, rows: Sequence[Mapping[str, float]], metric: str) -> float:
    """The task-level value of ``metric`` from :func:`example_scores` rows (a mean, or micro F1 for ner).

    Example:
        >>> rows = example_scores("ner", ["PER: Ada; LOC: Paris", "none"], ["PER: Ada", "LOC: Rome"])
        >>> aggregate_example_scores("ner", rows, "f1")  # 1 right of 2 predicted, of 2 gold
        0.5
    """
    _check_not_empty(rows)
    if task == "ner" and metric in ("precision", "recall", "f1"):
        counts = [sum(row[key] for row in rows) for key in ("true_positives", "predicted", "gold")]
        return dict(zip(("precision", "recall", "f1"), _f1(*counts)))[metric]
    return sum(row[metric] for row in rows) / len(rows)


# --- dispatch -----------------------------------------------------------------------

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
    field = check_task(task, EvaluationError).target_field
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


def _check_not_empty(predictions: Sequence) -> None:
    """A score over no examples would be a number made up (0.0); refuse it."""
    if len(predictions) == 0:
        raise EvaluationError("no predictions to score: a score needs at least one example (empty data, or limit 0?)")


def _check_same_length(first: Sequence, second: Sequence, first_name: str, second_name: str) -> None:
    if len(first) != len(second):
        raise EvaluationError(f"Got {len(first)} {first_name} but {len(second)} {second_name}; they must pair up.")
