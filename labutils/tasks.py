"""One record per task: the single home of every task fact the lab uses.

A task's fields, which of them form the prompt's input and which is the target, its labels or
entity types, its headline metric, its default template, how many new tokens an answer may take
and where an answer ends -- all are declared here once. Every other module (data loading,
templates, tokenization, training, evaluation, the datacard) and every notebook asks
:func:`check_task` for the record instead of keeping its own copy.

Example:
    >>> from labutils.tasks import TASKS, check_task
    >>> list(TASKS)
    ['summarization', 'sentiment', 'ner', 'qa']
    >>> check_task("qa").target_field
    'answer'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

# The splits every bundled task ships. ``test_heldout`` holds what training never saw (held-out
# topics, entity names, product domains, subjects): see data/README.md.
SPLITS = ("train", "validation", "test", "test_heldout")

# A sentiment row's label and a NER entity's type take one of these values.
SENTIMENT_LABELS = ("positive", "negative")
ENTITY_TYPES = ("PER", "ORG", "LOC")


class TaskError(ValueError):
    """An unknown task name; the message lists the known ones."""


@dataclass(frozen=True)
class Task:
    """Everything the lab knows about one task.

    ``required`` are the fields a row must have for the task to work (``id`` is made up when
    absent); ``optional`` fields are kept when present and never demanded.
    """

    name: str
    required: tuple[str, ...]        # fields a row must have (besides id)
    optional: tuple[str, ...]        # fields kept when present, never required
    input_fields: tuple[str, ...]    # what the prompt shows: two rows with equal inputs are one question
    target_field: str                # the gold answer that metrics compare against
    metric: str                      # the one number tables and the forgetting matrix show
    default_template: str            # name of the template used when none is given
    # New tokens an answer may take. Each bound is above the longest target of the bundled
    # test splits in SmolLM2 tokens (tests/test_tasks.py measures them), so a correct answer is never cut short, while a model that rambles
    # stops early (every new token costs a forward pass). A label gets 5 for a chatty
    # "The sentiment is positive". The few-shot builder keeps the same room free in the prompt.
    max_new_tokens: int
    # Where an answer ends. A label or a short answer is one line, so the first newline ends
    # it; an entity list may be bullets, one per line, so only a blank line ends it; a summary
    # may span lines and is left whole.
    stop: tuple[str, ...]
    heldout: str = ""                # what the test_heldout split holds that training never saw
    labels: tuple[str, ...] = ()     # classification tasks: the allowed labels
    entity_types: tuple[str, ...] = ()  # NER: the allowed entity types

    @property
    def fields(self) -> tuple[str, ...]:
        """Every column of a loaded row: ``id``, the required fields, then the optional ones."""
        return ("id", *self.required, *self.optional)

    @property
    def main_input(self) -> str:
        """The field that carries the text a row is about (dialogue, review, sentence, context)."""
        return self.input_fields[0]


TASKS: dict[str, Task] = {
    task.name: task
    for task in (
        Task("summarization", required=("dialogue", "summary"), optional=("topic",), input_fields=("dialogue",),
             target_field="summary", metric="rouge1", default_template="summarize_dialogue",
             max_new_tokens=80, stop=(), heldout="topics"),
        Task("sentiment", required=("text", "label"), optional=(), input_fields=("text",),
             target_field="label", metric="accuracy", default_template="classify_sentiment",
             max_new_tokens=5, stop=("\n",), heldout="product domains", labels=SENTIMENT_LABELS),
        Task("ner", required=("text", "entities"), optional=(), input_fields=("text",),
             target_field="entities", metric="f1", default_template="extract_entities",
             max_new_tokens=56, stop=("\n\n",), heldout="entity names", entity_types=ENTITY_TYPES),
        Task("qa", required=("context", "question", "answer"), optional=(), input_fields=("context", "question"),
             target_field="answer", metric="f1", default_template="answer_from_context",
             max_new_tokens=24, stop=("\n",), heldout="subjects"),
    )
}
TASK_NAMES = tuple(TASKS)

# With few-shot prompts the model tends to go on with the next made-up example after its answer;
# the shots are separated by a blank line, so that ends an answer for every task.
FEW_SHOT_STOP = "\n\n"


def check_task(name: str, error: type[Exception] = TaskError) -> Task:
    """The record of task ``name``; an unknown name raises ``error`` listing the known tasks.

    Example:
        >>> check_task("sentiment").labels
        ('positive', 'negative')
    """
    if name in TASKS:
        return TASKS[name]
    close = difflib.get_close_matches(str(name), TASK_NAMES, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise error(f"unknown task {name!r}; valid tasks: {', '.join(TASK_NAMES)}.{hint}")


def stop_strings(task: str, shots: int = 0) -> list[str]:
    """The strings that end an answer for ``task``; with shots, a blank line too."""
    stops = list(check_task(task).stop)
    if shots > 0 and FEW_SHOT_STOP not in stops:
        stops.append(FEW_SHOT_STOP)
    return stops
