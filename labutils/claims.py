"""Claims computed from a run: bootstrap intervals, the sentences that state them, answer keys.

A notebook's prose must not say "LoRA forgets less" when its run measured the opposite, and a
difference of a few points on 40 examples may be noise. So every score a notebook states comes
with a 95% interval, and every sentence that states a direction is rendered from the numbers:

1. :func:`per_example` -- the metric values of each example of an ``evaluate_task`` result
   (:func:`labutils.metrics.example_scores`, the same functions as the task's score);
2. :func:`bootstrap` -- percentile intervals by resampling the test examples with
   replacement. Comparisons are **paired**: every model is scored on the same examples, so one
   resample draws the same examples for all of them (the difference's noise, not each score's).
   Wrappers: :func:`score`, :func:`change`, :func:`mean_change`, :func:`gain_ratio`, :func:`drop_ratio`,
   and the margins a target is decided on, :func:`gain_margin`, :func:`drop_margin`;
3. sentences -- :func:`change_sentence`, :func:`compare_sentence`: the numbers, the interval,
   and "within noise" when the interval covers zero; :func:`verdict`: a target met or missed only
   when the whole interval is on one side of it, else not settled;
4. tables -- :func:`forgetting_intervals` and :func:`score_table` (scores, intervals and the
   share of answers that could not be parsed, so a falling score can be read as lost ability or
   lost format);
5. :func:`answer_key` -- the Questions of a notebook with an answer a learner can reveal.

Example:
    >>> est = change(base_result, tuned_result)                    # doctest: +SKIP
    >>> change_sentence("summarization ROUGE-1", est)              # doctest: +SKIP
    'summarization ROUGE-1 rose by **19.4 points** (95% CI +14.1 to +24.6, n = 48)'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from labutils.metrics import EvaluationError, example_scores
from labutils.tasks import TASK_NAMES, check_task
from labutils.templates import TemplateError, resolve_template

# 2,000 resamples put the ends of a 95% interval within about half a point of where 100,000
# would (Efron & Tibshirani 1993, ch. 13) and take well under a second for 4 tasks x 48 examples.
N_RESAMPLES = 2000
CONFIDENCE = 0.95


@dataclass(frozen=True)
class Estimate:
    """A measured value with its bootstrap interval. ``unit``: "score" (0-1), "points" or "ratio"."""

    value: float
    low: float
    high: float
    n: int  # test examples (per task, for statistics over several tasks)
    unit: str = "points"

    @property
    def within_noise(self) -> bool:
        """The interval covers zero: the data cannot tell the sign of the change."""
        return self.low <= 0.0 <= self.high

    def interval(self) -> str:
        """``"95% CI +14.1 to +24.6, n = 48"``."""
        if self.unit == "score":
            return f"95% CI {self.low:.3f} to {self.high:.3f}, n = {self.n}"
        if self.unit == "ratio":
            return f"95% CI {self.low:.0%} to {self.high:.0%}, n = {self.n}"
        return f"95% CI {self.low:+.1f} to {self.high:+.1f}, n = {self.n}"

    def __str__(self) -> str:
        return f"{_number(self.value, self.unit)} ({self.interval()})"

    def as_dict(self) -> dict[str, Any]:
        """For results files: the numbers plus the text a report prints."""
        return {**asdict(self), "within_noise": self.within_noise, "text": str(self)}


def _number(value: float, unit: str) -> str:
    if unit == "score":
        return f"{value:.3f}"
    if unit == "ratio":
        return f"{value:.0%}"
    return f"{value:+.1f} points"


# --------------------------------------------------------------------------------------
# 1. Per-example values
# --------------------------------------------------------------------------------------


def _results_of(suite) -> Mapping[str, Mapping[str, Any]]:
    """``{task: evaluate_task result}`` of a suite table (its ``attrs["results"]``) or a dict of results."""
    if isinstance(suite, pd.DataFrame):
        return suite.attrs["results"]
    if isinstance(suite, Mapping) and "predictions" in suite:
        return {suite["task"]: suite}
    return suite


def per_example(result: Mapping[str, Any]) -> list[dict[str, float]]:
    """The metric values of each example of an :func:`labutils.evaluate.evaluate_task` result.

    Read from its ``predictions`` (answer and canonical reference); a sentiment template's own
    answer words ("thumbs up") are read with that template, as ``evaluate_task`` did.
    """
    task = result["task"]
    choices = None
    if task == "sentiment":
        try:
            template = resolve_template(task, result.get("template"))
            choices = template.choice_labels() if getattr(template, "answer_choices", None) else None
        except TemplateError:  # a Template built in a notebook: its name is not in the YAML files
            choices = None
    predictions = result["predictions"]
    return example_scores(task, [p["prediction"] for p in predictions], [p["reference"] for p in predictions],
                          choices=choices)


def _resampled(task: str, rows: Sequence[Mapping[str, float]], metric: str, indices: np.ndarray) -> np.ndarray:
    """The task score on each resample: ``indices`` (resamples, n) -> (resamples,), as fractions."""
    if task == "ner" and metric in ("precision", "recall", "f1"):  # micro-averaged: sum the counts, then divide
        counts = np.array([[row["true_positives"], row["predicted"], row["gold"]] for row in rows])  # (n, 3)
        true_positives, predicted, gold = np.moveaxis(counts[indices].sum(axis=1), -1, 0)  # each (resamples,)
        precision = np.divide(true_positives, predicted, out=np.zeros_like(true_positives), where=predicted > 0)
        recall = np.divide(true_positives, gold, out=np.zeros_like(true_positives), where=gold > 0)
        total = precision + recall
        f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
        return {"precision": precision, "recall": recall, "f1": f1}[metric]
    values = np.array([row[metric] for row in rows], dtype=float)  # (n,)
    return values[indices].mean(axis=1)


# --------------------------------------------------------------------------------------
# 2. The bootstrap
# --------------------------------------------------------------------------------------


def bootstrap(
    groups: Mapping[str, Sequence[Mapping[str, Any]]],
    statistic: Callable[[dict[str, list[np.ndarray]]], np.ndarray],
    *,
    metric: str | None = None,
    unit: str = "points",
    n_resamples: int = N_RESAMPLES,
    seed: int = 0,
    confidence: float = CONFIDENCE,
) -> Estimate:
    """A percentile bootstrap interval for ``statistic`` of one or more tasks' results.

    ``groups`` maps a task to the results of several models **on the same examples** (checked by
    their ids). Each resample draws n examples with replacement per task and scores every model
    of that task on the same draw (a paired comparison); tasks are drawn independently.
    ``statistic`` gets ``{task: [score of model 0, score of model 1, ...]}``, each an array over
    the resamples (fractions 0-1), and returns an array: it must be written with array
    arithmetic. ``metric`` defaults to each task's headline metric.

    Example:
        >>> bootstrap({"qa": [before, after]}, lambda s: 100 * (s["qa"][1] - s["qa"][0]))  # doctest: +SKIP
    """
    rng = np.random.default_rng(seed)
    prepared, sizes = {}, []
    for task, results in groups.items():
        ids = [tuple(p["id"] for p in result["predictions"]) for result in results]
        if any(other != ids[0] for other in ids[1:]):
            raise EvaluationError(f"{task}: the results to compare were scored on different examples; a paired "
                                  "interval needs the same test examples (same limit, split and order).")
        n = len(ids[0])
        if n == 0:
            raise EvaluationError(f"{task}: no examples to resample.")
        prepared[task] = (metric or check_task(task, EvaluationError).metric, [per_example(r) for r in results], n)
        sizes.append(n)

    def evaluate(draws: dict[str, np.ndarray]) -> np.ndarray:
        return np.asarray(statistic({task: [_resampled(task, rows, name, draws[task]) for rows in per_model]
                                     for task, (name, per_model, n) in prepared.items()}), dtype=float)

    point = float(evaluate({task: np.arange(n)[None, :] for task, (_, _, n) in prepared.items()})[0])
    values = evaluate({task: rng.integers(0, n, size=(n_resamples, n)) for task, (_, _, n) in prepared.items()})
    tail = 100 * (1 - confidence) / 2
    low, high = np.nanpercentile(values, [tail, 100 - tail]) if np.isfinite(values).any() else (np.nan, np.nan)
    return Estimate(point, float(low), float(high), min(sizes), unit)


def score(result: Mapping[str, Any], metric: str | None = None, **options) -> Estimate:
    """The score (0-1) of one result with its interval.

    Example:
        >>> str(score(result))                  # doctest: +SKIP
        '0.460 (95% CI 0.431 to 0.489, n = 48)'
    """
    task = result["task"]
    return bootstrap({task: [result]}, lambda s: s[task][0], metric=metric, unit="score", **options)


def change(before: Mapping[str, Any], after: Mapping[str, Any], metric: str | None = None, **options) -> Estimate:
    """``after - before`` in points (x 100), paired over the same examples."""
    task = before["task"]
    return bootstrap({task: [before, after]}, lambda s: 100 * (s[task][1] - s[task][0]), metric=metric, **options)


def mean_change(before_suite, after_suite, tasks: Sequence[str], **options) -> Estimate:
    """The mean over ``tasks`` of each task's change ``after - before``, in points.

    With ``before`` the base model this is "mean change on the other tasks"; with ``before`` one
    fine-tuned model and ``after`` another, it is the difference between their mean changes.
    """
    before, after = _results_of(before_suite), _results_of(after_suite)
    tasks = list(tasks)
    return bootstrap({task: [before[task], after[task]] for task in tasks},
                     lambda s: 100 * sum(s[task][1] - s[task][0] for task in tasks) / len(tasks), **options)


def _gains(s, task: str) -> tuple[np.ndarray, np.ndarray]:
    """The reference's and the candidate's gain over the base, per resample (fractions)."""
    return s[task][1] - s[task][0], s[task][2] - s[task][0]


def gain_ratio(base: Mapping[str, Any], reference: Mapping[str, Any], candidate: Mapping[str, Any],
               **options) -> Estimate:
    """``(candidate - base) / (reference - base)``: the share of the reference's gain the candidate reaches.

    Resamples where the reference gains nothing give no ratio and are left out, so this interval
    is for reading, not for deciding a target: :func:`gain_margin` exists in every resample.
    """
    task = base["task"]

    def ratio(s):
        reference, candidate = _gains(s, task)
        return np.divide(candidate, reference, out=np.full_like(reference, np.nan), where=reference > 0)

    return bootstrap({task: [base, reference, candidate]}, ratio, unit="ratio", **options)


def gain_margin(base: Mapping[str, Any], reference: Mapping[str, Any], candidate: Mapping[str, Any],
                share: float, **options) -> Estimate:
    """``candidate's gain - share x reference's gain``, in points: >= 0 where the candidate keeps that share.

    The way to decide "keeps at least 80% of the gain": unlike the ratio it exists in every resample,
    also those where the reference gains nothing (its interval is not conditioned on luck).
    """
    task = base["task"]

    def margin(s):
        reference, candidate = _gains(s, task)
        return 100 * (candidate - share * reference)

    return bootstrap({task: [base, reference, candidate]}, margin, **options)


def _drops(s, tasks: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The reference's and the candidate's summed losses below the base, per resample (only losses count)."""
    reference = sum(np.maximum(0.0, s[task][0] - s[task][1]) for task in tasks)
    candidate = sum(np.maximum(0.0, s[task][0] - s[task][2]) for task in tasks)
    return reference, candidate


def _drop_groups(base_suite, reference_suite, candidate_suite, tasks: Sequence[str]) -> dict[str, list]:
    suites = [_results_of(suite) for suite in (base_suite, reference_suite, candidate_suite)]
    return {task: [suite[task] for suite in suites] for task in tasks}


def drop_ratio(base_suite, reference_suite, candidate_suite, tasks: Sequence[str], **options) -> Estimate:
    """The candidate's losses on ``tasks`` over the reference's: sum of each task's drop below the base.

    Only losses count (a gain on one task does not offset a loss on another). Resamples where the
    reference loses nothing give no ratio and are left out: for reading; decide with :func:`drop_margin`.
    """
    tasks = list(tasks)

    def ratio(s):
        reference, candidate = _drops(s, tasks)
        return np.divide(candidate, reference, out=np.full_like(reference, np.nan), where=reference > 0)

    return bootstrap(_drop_groups(base_suite, reference_suite, candidate_suite, tasks), ratio, unit="ratio",
                     **options)


def drop_margin(base_suite, reference_suite, candidate_suite, tasks: Sequence[str], share: float,
                **options) -> Estimate:
    """``candidate's losses - share x reference's losses`` on ``tasks``, in points: < 0 where it loses less."""
    tasks = list(tasks)

    def margin(s):
        reference, candidate = _drops(s, tasks)
        return 100 * (candidate - share * reference)

    return bootstrap(_drop_groups(base_suite, reference_suite, candidate_suite, tasks), margin, **options)


# --------------------------------------------------------------------------------------
# 3. Sentences
# --------------------------------------------------------------------------------------

NOISE = "within noise (the 95% interval covers zero)"


def change_sentence(subject: str, estimate: Estimate, *, up: str = "rose", down: str = "fell") -> str:
    """``"<subject> rose by +19.4 points (95% CI ...)"``, or "changed by ... — within noise".

    Example:
        >>> change_sentence("sentiment accuracy", Estimate(-2.5, -10.0, 5.0, 40))
        'sentiment accuracy changed by -2.5 points (95% CI -10.0 to +5.0, n = 40) — within noise (the 95% interval covers zero)'
        >>> change_sentence("ROUGE-1", Estimate(19.4, 14.1, 24.6, 48))
        'ROUGE-1 rose by **19.4 points** (95% CI +14.1 to +24.6, n = 48)'
    """
    if estimate.within_noise:
        return f"{subject} changed by {_number(estimate.value, estimate.unit)} ({estimate.interval()}) — {NOISE}"
    verb = up if estimate.value > 0 else down  # the verb carries the sign: "fell by 8.2 points"
    return f"{subject} {verb} by **{_number(abs(estimate.value), estimate.unit).lstrip('+')}** ({estimate.interval()})"


def compare_sentence(first: str, second: str, difference: Estimate, *, quantity: str,
                     more: str = "more", less: str = "less") -> str:
    """Which of two things has more of ``quantity``, from ``difference`` = second − first.

    Example:
        >>> compare_sentence("full fine-tuning", "LoRA", Estimate(-11.5, -16.0, -7.0, 40),
        ...                  quantity="change on the other tasks", more="higher", less="lower")
        "LoRA's change on the other tasks is **lower** than full fine-tuning's by 11.5 points (95% CI -16.0 to -7.0, n = 40)"
    """
    if difference.within_noise:
        return (f"{second} and {first} do not differ measurably in {quantity}: {second} − {first} = "
                f"{difference} — {NOISE}")
    word = more if difference.value > 0 else less
    return (f"{second}'s {quantity} is **{word}** than {first}'s by {abs(difference.value):.1f} points "
            f"({difference.interval()})")


MET, MISSED, UNSETTLED = "met", "missed", "not settled"


def verdict(estimate: Estimate, *, at_least: float | None = None, above: float | None = None,
            below: float | None = None) -> str:
    """Whether a target is :data:`MET`, :data:`MISSED` or :data:`UNSETTLED` by this run.

    Met or missed only when the whole 95% interval is on one side of the target; an interval that
    covers it (or no interval) leaves it unsettled: the run cannot tell. Give exactly one target:
    ``at_least`` (>=), ``above`` (>) or ``below`` (<).
    """
    given = [(name, value) for name, value in (("at_least", at_least), ("above", above), ("below", below))
             if value is not None]
    if len(given) != 1:
        raise ValueError(f"verdict needs exactly one of at_least, above, below; got {[n for n, _ in given]}")
    kind, target = given[0]
    low, high = estimate.low, estimate.high
    if kind == "below":
        met, missed = high < target, low >= target
    elif kind == "above":
        met, missed = low > target, high <= target
    else:
        met, missed = low >= target, high < target
    return MET if met else MISSED if missed else UNSETTLED


def verdict_text(estimate: Estimate, **target: float) -> str:
    """``"+3.1 points (95% CI +0.4 to +5.9, n = 40): **met**"``, or "**not settled** — the interval reaches both sides"."""
    (kind, value), = target.items()
    word = verdict(estimate, **target)
    text = f"{_number(estimate.value, estimate.unit)} ({estimate.interval()}): **{word}**"
    if word == UNSETTLED:
        sign = {"at_least": "≥ ", "above": "> ", "below": "< "}[kind]
        wanted = "0" if value == 0 else _number(value, estimate.unit)
        text += f" — the interval reaches both sides of the target ({sign}{wanted}), so this run cannot tell"
    return text


def combined_verdict(verdicts: Sequence[str | None]) -> str:
    """All of several targets: missed if one is missed, met if all are met, else unsettled.

    ``None`` (a part that could not be measured, e.g. no gain to keep a share of) is not met.
    """
    return MISSED if MISSED in verdicts else MET if all(v == MET for v in verdicts) else UNSETTLED


def headline(finding: str, text: str, estimate: Estimate) -> dict[str, Any]:
    """A headline finding for the results file: the report opens with these (``labutils.report``)."""
    return {**estimate.as_dict(), "finding": finding, "text": text}  # the sentence, not the bare estimate


def bullets(lines: Sequence[str]) -> str:
    """Markdown bullets, one per line."""
    return "\n".join(f"- {line}" for line in lines)


# --------------------------------------------------------------------------------------
# 4. Tables: the forgetting matrix with intervals, scores with unparsed shares
# --------------------------------------------------------------------------------------


def forgetting_intervals(base_suite, suites: Mapping[str, Any], tasks: Sequence[str] | None = None,
                         **options) -> pd.DataFrame:
    """Each model's change against the base on each task, as :class:`Estimate` cells (points).

    ``.map(lambda e: e.value)`` gives the plain forgetting matrix, :func:`noise_mask` the cells
    whose interval covers zero, :func:`interval_table` printable cells.
    """
    base = _results_of(base_suite)
    tasks = [task for task in (tasks or TASK_NAMES) if task in base]
    return pd.DataFrame({task: {name: change(base[task], _results_of(suite)[task], **options)
                                for name, suite in suites.items()} for task in tasks}).rename_axis("model")


def intervals_for_results(estimates: pd.DataFrame) -> dict[str, dict[str, dict[str, Any]]]:
    """``{task: {model: estimate as a dict}}``: the forgetting intervals as a results file keeps them."""
    return {task: {model: estimates.loc[model, task].as_dict() for model in estimates.index}
            for task in estimates.columns}


def noise_mask(estimates: pd.DataFrame) -> pd.DataFrame:
    """True where a cell's interval covers zero."""
    return estimates.map(lambda estimate: estimate.within_noise)


def interval_table(estimates: pd.DataFrame) -> pd.DataFrame:
    """Printable cells: ``"-17.7 [-25.0, -10.3]"``, with ``≈`` in front when within noise."""
    return estimates.map(lambda e: f"{'≈ ' if e.within_noise else ''}{e.value:+.1f} [{e.low:+.1f}, {e.high:+.1f}]")


def unparsed_share(result: Mapping[str, Any]) -> float:
    """The share of answers that could not be read in the task's format; NaN for free-text tasks."""
    rows = per_example(result)
    if not rows or "unparsed" not in rows[0]:
        return float("nan")
    return sum(row["unparsed"] for row in rows) / len(rows)


def unparsed_shares(suites: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """``{model: {task: share of unreadable answers}}`` for the tasks whose answers are parsed.

    Those are the tasks with labels or entity types (:mod:`labutils.tasks`); a free-text task has
    no format to miss. ``suites``: ``{model: suite table or {task: result}}``.
    """
    shares = {}
    for name, suite in suites.items():
        results = _results_of(suite)
        shares[name] = {task: unparsed_share(result) for task, result in results.items()
                        if check_task(task).labels or check_task(task).entity_types}
    return shares


def score_table(suites: Mapping[str, Any], tasks: Sequence[str] | None = None, **options) -> pd.DataFrame:
    """Every model's score on every task with its interval and the share of unparsed answers.

    Rows are models; for each task three columns: the score (0-1), its 95% interval and the
    unparsed share ("" for free-text tasks). A score that falls while the unparsed share rises
    lost the *format*; one that falls with answers still parsed lost the *ability*.
    """
    records = {}
    for name, suite in suites.items():
        results = _results_of(suite)
        row = {}
        for task in tasks or [task for task in TASK_NAMES if task in results]:
            estimate = score(results[task], **options)
            share = unparsed_share(results[task])
            row[(task, "score")] = round(estimate.value, 3)
            row[(task, "95% CI")] = f"{estimate.low:.2f}–{estimate.high:.2f}"
            row[(task, "unparsed")] = "" if share != share else f"{share:.0%}"
        records[name] = row
    table = pd.DataFrame.from_dict(records, orient="index")
    table.columns = pd.MultiIndex.from_tuples(table.columns, names=["task", ""])
    return table.rename_axis("model")


def tradeoff_points(base_suite, suites: Mapping[str, Any], target: str, *, methods: Mapping[str, str],
                    defaults: Sequence[str] = (), **options) -> pd.DataFrame:
    """One row per training setting: its gain on ``target`` and mean change on the other tasks, with intervals.

    ``suites`` maps a setting's label to its scores on every task; ``methods`` maps it to "full" or
    "lora". The result feeds :func:`labutils.plots.tradeoff` and :func:`matched_gain_sentences`.
    """
    base = _results_of(base_suite)
    others = [task for task in TASK_NAMES if task in base and task != target]
    rows = {}
    for label, suite in suites.items():
        results = _results_of(suite)
        gain, other = change(base[target], results[target], **options), mean_change(base, results, others, **options)
        rows[label] = {"method": methods[label], "gain": gain.value, "gain_low": gain.low, "gain_high": gain.high,
                       "other": other.value, "other_low": other.low, "other_high": other.high,
                       "default": label in defaults}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("setting")


def matched_gain_sentences(points: pd.DataFrame, suites: Mapping[str, Any], target: str, **options) -> list[str]:
    """Compare settings of *different* methods whose gains match within noise (paired interval covers 0).

    Only settings that gained beyond noise are matched: two settings that both gained nothing are
    not "matched", they are untrained.

    At matched gain, the one whose mean change on the other tasks is higher forgets less; the
    difference gets its own paired interval. An empty list when no pair matches.
    """
    sentences = []
    labels = list(points.index)
    for position, first in enumerate(labels):
        for second in labels[position + 1:]:
            if points.loc[first, "method"] == points.loc[second, "method"]:
                continue
            if min(points.loc[first, "gain_low"], points.loc[second, "gain_low"]) <= 0:
                continue  # a setting that gained nothing beyond noise has no gain to match
            one, two = _results_of(suites[first]), _results_of(suites[second])
            if not change(one[target], two[target], **options).within_noise:
                continue  # the gains differ: not a matched comparison
            others = [task for task in one if task != target]
            sentences.append(f"At matched {target} gain ({points.loc[first, 'gain']:+.1f} and "
                             f"{points.loc[second, 'gain']:+.1f} points, within noise of each other): "
                             + compare_sentence(first, second, mean_change(one, two, others, **options),
                                                quantity="mean change on the other tasks", more="higher (it forgets "
                                                "less)", less="lower (it forgets more)"))
    return sentences


# --------------------------------------------------------------------------------------
# 5. Scale# --------------------------------------------------------------------------------------
# 5. Scale: the lab's sizes next to the lecture's and the literature's
# --------------------------------------------------------------------------------------

# The lecture's rules of thumb and the published FLAN sizes: the one home of these figures.
LITERATURE_SCALE = [
    ("single-task fine-tuning (the lecture)", "500–1,000 examples"),
    ("multitask fine-tuning (the lecture)", "50,000–100,000 examples"),
    ("FLAN (Wei et al. 2021, https://arxiv.org/abs/2109.01652)", "62 datasets, at most 30,000 training examples each"),
    ("Flan-T5 / Flan-PaLM (Chung et al. 2022, https://arxiv.org/abs/2210.11416)", "1,836 tasks"),
]


def scale_table(lab: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """The lab's training sizes (``(what, size)`` pairs measured by the notebook) beside the literature's."""
    rows = [{"source": "this lab", "what": what, "size": size} for what, size in lab]
    rows += [{"source": "lecture / literature", "what": what, "size": size} for what, size in LITERATURE_SCALE]
    return pd.DataFrame(rows).set_index(["source", "what"])


# --------------------------------------------------------------------------------------
# 6. Answer keys
# --------------------------------------------------------------------------------------


def answer_key(items: Sequence[tuple[str, str]]):
    """Numbered questions, each with its answer folded in a ``<details>`` block the learner opens.

    ``items`` are ``(question, answer)`` pairs of Markdown text; answers that depend on this run's
    numbers are f-strings in the notebook, so they are computed, not typed. Returns an IPython
    ``Markdown`` object (a cell can end on it).

    Example:
        >>> answer_key([("Why?", "Because.")]).data.count("<details>")
        1
    """
    from IPython.display import Markdown

    parts = []
    for number, (question, answer) in enumerate(items, 1):
        if not question.strip() or not answer.strip():
            raise ValueError(f"question {number} needs both a question and an answer")
        parts.append(f"{number}. {question}\n\n   <details><summary>Answer</summary>\n\n   "
                     + answer.replace("\n", "\n   ") + "\n\n   </details>\n")
    return Markdown("\n".join(parts))
