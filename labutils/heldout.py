"""What a fine-tuned model learnt, not what it memorised: held-out splits and held-out wordings.

Two checks the lab runs after training, each on data the run never saw:

- **held-out splits**: every bundled task ships ``test`` (in-distribution) and ``test_heldout``
  (topics, product domains, entity names or subjects that training never saw,
  :attr:`labutils.tasks.Task.heldout`); score both (``split=`` of ``evaluate_task`` or
  ``evaluate_cached``) and set them side by side with :func:`labutils.evaluate.compare_splits`.
- **held-out wordings**: two templates per task are never used in training
  (:func:`labutils.templates.heldout_templates`); :func:`score_wordings` scores models with the
  task's default (seen) wording and with each unseen one, on the same test rows, so the
  differences are paired (:func:`labutils.claims.change`).

Notebooks 04-06 score their runs on the held-out split of each task the run trained on with
:func:`score_heldout` (cached like every other score), and :func:`trained_task_changes` and
:func:`heldout_sentences` turn both splits into intervals and sentences.

Example:
    >>> scored = score_wordings({"zero-shot": (lm, tok), "fine-tuned": (ft, tok)}, "summarization", limit=24)
    >>> wording_table(scored, "summarization")        # rows: models; columns: wordings  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import pandas as pd

from labutils import claims
from labutils.evaluate import SPLIT_NAMES, evaluate_task
from labutils.runs import evaluate_cached
from labutils.tasks import TASK_NAMES, check_task
from labutils.templates import heldout_templates


def wordings(task: str) -> dict[str, str]:
    """``{template name: "seen" | "unseen"}``: the default wording, then the held-out ones.

    Example:
        >>> list(wordings("sentiment").values())
        ['seen', 'unseen', 'unseen']
    """
    return {check_task(task).default_template: "seen", **{name: "unseen" for name in heldout_templates(task)}}


def score_wordings(models: Mapping[str, tuple], task: str, *, limit: int, seed: int = 0,
                   **options) -> dict[str, dict[str, dict[str, Any]]]:
    """``{model name: {template name: evaluate_task result}}`` for every wording of :func:`wordings`.

    ``models`` maps a name to ``(model, tokenizer)``. Every model answers the same ``limit`` test
    rows under every wording; ``options`` go to :func:`labutils.evaluate.evaluate_task`.
    """
    return {name: {template: evaluate_task(model, tokenizer, task, limit=limit, seed=seed, template=template,
                                           progress=False, **options)
                   for template in wordings(task)}
            for name, (model, tokenizer) in models.items()}


def wording_table(scored: Mapping[str, Mapping[str, Mapping[str, Any]]], task: str) -> pd.DataFrame:
    """The headline metric of :func:`score_wordings`' results: rows = models, columns = ``seen: name`` ...

    A last column ``unseen - seen (points)`` is the mean over the unseen wordings minus the seen one.
    """
    metric, kinds = check_task(task).metric, wordings(task)
    table = pd.DataFrame({f"{kinds[template]}: {template}": {name: results[template][metric]
                                                              for name, results in scored.items()}
                          for template in kinds})
    seen = [column for column in table.columns if column.startswith("seen")]
    unseen = [column for column in table.columns if column.startswith("unseen")]
    table["unseen - seen (points)"] = 100 * (table[unseen].mean(axis=1) - table[seen[0]])
    table.index.name = "model"
    return table



# -- held-out splits of the tasks a run trained on (notebooks 04-06) ------------------------------------

def bundled_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Evaluation options for a held-out split: ``options`` without ``data``, since only the bundled data has one."""
    return {key: value for key, value in options.items() if key != "data"}


def score_heldout(base_ref, trained: Mapping[str, tuple[Any, Sequence[str]]], *, limit: int,
                  **options) -> dict[str, pd.DataFrame]:
    """Cached scores on ``test_heldout``: each model on the tasks it trained on, the base model on all of them.

    ``trained`` maps a model's name to ``(run or model reference, tasks it trained on)``. Only the
    trained tasks are scored: a held-out split asks whether what a run *learnt* carries over to
    topics, domains, names or subjects it never saw (forgetting is the in-distribution table's job).
    Held-out splits exist in the bundled data only, so a ``data`` option (a notebook's
    ``data_source``) is not applied here.
    """
    options = bundled_options(options)
    tasks = [task for task in TASK_NAMES if any(task in trained_tasks for _, trained_tasks in trained.values())]
    scored = {"base": evaluate_cached(base_ref, tasks, limit=limit, split="test_heldout", model_name="base",
                                      progress=False, **options)}
    for name, (source, trained_tasks) in trained.items():
        scored[name] = evaluate_cached(source, list(trained_tasks), limit=limit, split="test_heldout",
                                       model_name=name, progress=False, **options)
    return scored


def trained_task_changes(by_split: Mapping[str, Mapping[str, Any]],
                         trained: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Each model's change against ``base`` on each task it trained on, per split, as :class:`Estimate` cells.

    ``by_split`` is :func:`labutils.evaluate.compare_splits`' input (``{split: {model: suite}}``, a
    ``base`` in each split); rows are ``(model, task)``, columns ``in-distribution`` and ``held-out``.
    """
    rows = {}
    for name, tasks in trained.items():
        for task in tasks:
            rows[(name, task)] = {
                SPLIT_NAMES[split]: claims.forgetting_intervals(suites["base"], {name: suites[name]}, [task])
                .loc[name, task] for split, suites in by_split.items()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(["model", "task"])


def changes_for_results(changes: pd.DataFrame) -> dict[str, dict[str, dict[str, Any]]]:
    """:func:`trained_task_changes` for a results file: ``{"model / task": {split: estimate as a dict}}``."""
    return {f"{name} / {task}": {split: estimate.as_dict() for split, estimate in row.items()}
            for (name, task), row in changes.iterrows()}


def heldout_sentences(changes: pd.DataFrame) -> list[str]:
    """One sentence per (model, trained task): its gain in-distribution and on what was held out."""
    return [f"*{name}* on {task}: " + claims.change_sentence("in-distribution", row["in-distribution"])
            + "; " + claims.change_sentence(f"on held-out {check_task(task).heldout}", row["held-out"])
            for (name, task), row in changes.iterrows()]
