"""Prompt templates: turning a raw row into an instruction (prompt) and its answer (target).

A template is a small Jinja program in the style of promptsource (Bach et al., 2022,
https://github.com/bigscience-workshop/promptsource): the text before ``|||`` is the prompt
the model reads, the text after it is the target it should write. Every task ships several
wordings (``labutils/templates/<task>.yaml``) so that fine-tuning teaches the *instruction*,
not one fixed phrasing -- the recipe of FLAN (Wei et al., 2022).

Notebook ``02_instruction_datasets`` introduces templates; the few-shot builder
(:mod:`labutils.prompts`) and the training data (:mod:`labutils.tokenization`) render them.

Example:
    >>> from labutils.templates import load_templates, resolve_template
    >>> prompt, target = resolve_template("sentiment", None).render(
    ...     {"id": "1", "text": "Loved every minute.", "label": "positive"})
    >>> target
    'positive'

Safety: templates come from files a learner may download, so they run in Jinja's
``SandboxedEnvironment``; a template that reaches for Python internals
(``{{ ''.__class__.__mro__ }}``) fails with a :class:`TemplateError` instead of running, and one
that would loop 10^10 times or print gigabytes fails in milliseconds (:mod:`labutils.sandbox`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import jinja2
import jinja2.meta
import jinja2.sandbox
import yaml

from labutils.sandbox import ENV, MAX_TEMPLATE_CHARS, OverLimit, render
from labutils.tasks import SENTIMENT_LABELS, TaskError, check_task

TARGET_MARKER = "|||"  # promptsource's marker between prompt and target (and between answer choices)
TEMPLATES_DIR = Path(__file__).parent / "templates"


class TemplateError(ValueError):
    """A template that cannot be loaded or rendered; the message names the file or template."""


# Output on top of 4x the row's own text: a template may show a field a few times, and a
# 10 MB row still renders (prompts longer than the context are cut later, in tokens).
MAX_RENDER_CHARS = 1_000_000


# ---------------------------------------------------------------------------------------
# Canonical targets
# ---------------------------------------------------------------------------------------


def format_entities(entities: Iterable[Mapping[str, str]]) -> str:
    """The canonical NER target: ``"TYPE: text"`` pairs in the given order, joined by ``"; "``.

    The order is the row's order (the bundled data lists entities as they appear in the
    text), so a model is trained to read left to right. An empty list is ``"none"`` -- an
    empty target would teach the model to stop at once, and ``"none"`` is easy to parse.

    Example:
        >>> format_entities([{"type": "PER", "text": "Ada Lovelace"}, {"type": "LOC", "text": "London"}])
        'PER: Ada Lovelace; LOC: London'
        >>> format_entities([])
        'none'
    """
    parts = []
    for index, entity in enumerate(entities):
        if not isinstance(entity, Mapping) or "type" not in entity or "text" not in entity:
            raise ValueError(f"entities[{index}] must be a mapping with 'type' and 'text', got {entity!r}")
        parts.append(f"{entity['type']}: {str(entity['text']).strip()}")
    return "; ".join(parts) if parts else "none"



def target_text(task: str, row: Mapping[str, Any]) -> str:
    """The canonical target of ``row``: the summary, the label, the entity string or the answer.

    This is what metrics compare against, whatever wording a template uses for its
    prompt (a template may say "good"/"bad"; the canonical sentiment target stays the label).

    Example:
        >>> target_text("qa", {"context": "Paris is in France.", "question": "Where is Paris?", "answer": "France"})
        'France'
    """
    name = _check_task(task).target_field
    if name not in row:
        raise ValueError(f"{task} row {row.get('id', '?')!r} has no field {name!r} (fields: {', '.join(row)})")
    if task == "ner":
        return format_entities(row[name])
    return str(row[name]).strip()




def _check_task(task: str):
    try:
        return check_task(task)
    except TaskError as error:
        raise TemplateError(str(error)) from None




# ---------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------


@dataclass
class Template:
    """One promptsource-style template: Jinja text with ``|||`` between prompt and target.

    Attributes:
        name: a short identifier, unique within its task (``"classify_sentiment"``).
        task: one of ``labutils.tasks.TASKS``, or None for a promptsource file whose task
            could not be inferred (it still renders rows of its own dataset).
        jinja: the template source, e.g. ``"Review: {{ text }}\\nSentiment: ||| {{ label }}"``.
        answer_choices: the allowed targets of a classification template, in the order the
            template indexes them (``["good", "bad"]``), or None. Written in YAML as one
            string, ``"good ||| bad"``, as promptsource does.
        metadata: promptsource's metadata (``original_task``, ``choices_in_prompt``,
            ``metrics``, ``languages``).
        id: promptsource's template id (a UUID).
        reference: where the wording comes from, free text.
        source: the file the template was loaded from, for error messages.

    Example:
        >>> t = Template("plain", "sentiment", "{{ text }}\\nSentiment: ||| {{ label }}")
        >>> t.render({"id": "7", "text": "Great fun.", "label": "positive"})
        ('Great fun.\\nSentiment:', 'positive')
    """

    name: str
    task: str | None
    jinja: str
    answer_choices: list[str] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    reference: str = ""
    source: str | None = None
    # Promptsource allows the answer choices themselves to be Jinja
    # ("{{ options | join(' ||| ') }}"); such choices are rendered per row.
    answer_choices_jinja: str | None = field(default=None, repr=False)
    _compiled: jinja2.Template = field(init=False, repr=False, compare=False)
    _compiled_choices: jinja2.Template | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Validate now rather than on the first row: a broken template should fail when
        # the file is loaded, with the file and the template named.
        if not isinstance(self.jinja, str) or TARGET_MARKER not in self.jinja:
            raise TemplateError(
                f"{self._where()}: the template has no '{TARGET_MARKER}' separating the prompt from the "
                f"target; write it as 'prompt text {TARGET_MARKER} {{{{ target_field }}}}'"
            )
        if self.task is not None:
            _check_task(self.task)
        if len(self.jinja) > MAX_TEMPLATE_CHARS:
            raise TemplateError(f"{self._where()} is {len(self.jinja):,} characters long; a template may have at most "
                                f"{MAX_TEMPLATE_CHARS:,} (promptsource's have a few hundred): is it the right file?")
        self._compiled = self._compile(self.jinja, "jinja")
        self._compiled_choices = None
        if self.answer_choices_jinja is not None:
            self._compiled_choices = self._compile(self.answer_choices_jinja, "answer_choices")

    # Compiled Jinja does not pickle; `datasets.map` pickles (and hashes) the functions it
    # runs, so a Template travels as its source and compiles again on arrival.
    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("_compiled", "_compiled_choices")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def _where(self) -> str:
        place = f"{self.source}: " if self.source else ""
        return f"{place}template {self.name!r}"

    def _compile(self, text: str, key: str) -> jinja2.Template:
        try:
            return ENV.from_string(text)
        except jinja2.TemplateSyntaxError as error:  # also covers unknown filters and tests
            raise TemplateError(
                f"{self._where()}: invalid Jinja in '{key}' (line {error.lineno} of the template): {error.message}"
            ) from None

    # -- rendering ---------------------------------------------------------------------

    def variables(self) -> set[str]:
        """The row fields (and globals) the template reads, found by parsing it."""
        return jinja2.meta.find_undeclared_variables(ENV.parse(self.jinja)) - {"answer_choices"}

    def render(self, row: Mapping[str, Any]) -> tuple[str, str]:
        """Fill the template with ``row`` and return ``(prompt, target)``, both stripped.

        The context is the row's fields plus ``answer_choices`` and, for ner, the derived
        ``entities_str`` (see :func:`format_entities`).
        """
        context = dict(row)
        if self.task == "ner" and "entities" in context and "entities_str" not in context:
            context["entities_str"] = format_entities(context["entities"])
        context["answer_choices"] = self.choices_for(row)
        text = self._run(self._compiled, context, row)
        parts = text.split(TARGET_MARKER)
        if len(parts) != 2:
            raise TemplateError(
                f"{self._where()} rendered {len(parts) - 1} '{TARGET_MARKER}' separators on row "
                f"{row.get('id', '?')!r} (expected exactly 1); does a field of the row contain '{TARGET_MARKER}'?"
            )
        return parts[0].strip(), parts[1].strip()

    def choices_for(self, row: Mapping[str, Any]) -> list[str] | None:
        """The answer choices for ``row``: fixed ones, or the rendered ``answer_choices`` Jinja."""
        if self._compiled_choices is None:
            return self.answer_choices
        return split_choices(self._run(self._compiled_choices, dict(row), row))

    def _run(self, compiled: jinja2.Template, context: dict[str, Any], row: Mapping[str, Any]) -> str:
        row_id = row.get("id", "?") if isinstance(row, Mapping) else "?"
        try:
            return render(compiled, context, max_chars=MAX_RENDER_CHARS + 4 * sum(len(str(v)) for v in context.values()))
        except (OverLimit, RecursionError) as error:
            raise TemplateError(f"{self._where()} was stopped on row {row_id!r}: {error or 'endless recursion'}. "
                                "A prompt template needs a few loop steps and a few kilobytes; simplify it.") from None
        except jinja2.sandbox.SecurityError as error:
            # Checked before UndefinedError: the sandbox reports a refused attribute through
            # an "undefined" value that raises SecurityError when used.
            raise TemplateError(
                f"{self._where()} is unsafe and was refused by the sandbox: {error}. Templates may "
                "read row fields but not Python internals (names starting with '_')."
            ) from None
        except jinja2.UndefinedError as error:
            missing = _undefined_name(str(error))
            fields = ", ".join(sorted(k for k in context if k != "answer_choices"))
            raise TemplateError(
                f"{self._where()} uses the field {missing!r}, which row {row_id!r} does not have "
                f"(fields: {fields}). Fix the template or map the field when loading the data."
            ) from None
        except (jinja2.TemplateError, TypeError, ValueError, LookupError, ArithmeticError) as error:
            raise TemplateError(f"{self._where()} failed on row {row_id!r}: {type(error).__name__}: {error}") from None

    # -- classification helpers ----------------------------------------------------------

    def choice_to_label(self, text: str) -> str | None:
        """Map a model's answer back to the task label: ``"Good."`` -> ``"positive"``.

        The answer is compared with the answer choices (case and surrounding punctuation
        ignored; an answer that *starts* with a choice counts too, so "good, I think" maps).
        Returns None when the answer matches no choice. For a template without answer
        choices the task labels themselves are the choices.

        Example:
            >>> t = load_templates("sentiment")["good_or_bad"]
            >>> t.choice_to_label(" Bad!"), t.choice_to_label("no idea")
            ('negative', None)
        """
        answer = _normalise_choice(text.strip().splitlines()[0] if text.strip() else "")
        mapping = self.choice_labels()
        # Longest choices first, so "not good" wins over "good" when both exist.
        for choice in sorted(mapping, key=len, reverse=True):
            key = _normalise_choice(choice)
            if answer == key or re.match(rf"{re.escape(key)}\b", answer):
                return mapping[choice]
        return None

    def choice_labels(self) -> dict[str, str]:
        """``{answer choice: task label}``, e.g. ``{"good": "positive", "bad": "negative"}``.

        The mapping is read off the template itself: the target is rendered for a row of
        each label and we see which choice comes out, so it cannot disagree with the
        template. Rows with integer labels (promptsource's imdb/sst2 convention,
        0 = negative, 1 = positive) are tried when string labels do not render.
        """
        if self.task != "sentiment" or not self.answer_choices:
            return {choice: choice for choice in (self.answer_choices or SENTIMENT_LABELS)}
        for coding in ({label: label for label in SENTIMENT_LABELS}, {"positive": 1, "negative": 0}):
            try:
                found = {
                    self.render({"id": "probe", "text": "probe", "label": value})[1]: label
                    for label, value in coding.items()
                }
            except TemplateError:
                continue
            if len(found) == len(SENTIMENT_LABELS) and all(choice in self.answer_choices for choice in found):
                return found
        raise TemplateError(
            f"{self._where()}: cannot tell which answer choice means which label; its target "
            "should be '{{ answer_choices[0 if label == \"positive\" else 1] }}' or similar"
        )


def _normalise_choice(text: str) -> str:
    return text.strip().strip(".,;:!?\"'()[]*").strip().lower()


def _undefined_name(message: str) -> str:
    """Pull the field name out of Jinja's "'x' is undefined" / "has no attribute 'x'"."""
    found = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    return found.group(1) if found else message


def split_choices(text: str) -> list[str]:
    """``"positive ||| negative"`` -> ``["positive", "negative"]`` (promptsource's format)."""
    return [choice.strip() for choice in text.split(TARGET_MARKER) if choice.strip()]


# ---------------------------------------------------------------------------------------
# Loading YAML files in promptsource's layout
# ---------------------------------------------------------------------------------------


class _PromptsourceLoader(yaml.SafeLoader):
    """A *safe* YAML loader that also understands promptsource's two tags.

    Promptsource writes its files with ``yaml.dump`` of Python objects, so they carry the
    tags ``!Template`` and ``!TemplateMetadata``. Loading them with an unsafe loader would
    let a file construct arbitrary Python objects; here both tags simply become dicts.
    """


def _tagged_mapping(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
    return loader.construct_mapping(node, deep=True)


_PromptsourceLoader.add_constructor("!Template", _tagged_mapping)
_PromptsourceLoader.add_constructor("!TemplateMetadata", _tagged_mapping)

# Dataset names of promptsource files whose task we know, for load_promptsource_yaml.
_KNOWN_DATASETS = {
    "summarization": ("samsum", "knkarthick/dialogsum", "dialogsum", "xsum", "cnn_dailymail", "gigaword"),
    "sentiment": ("imdb", "glue/sst2", "sst2", "rotten_tomatoes", "yelp_polarity", "amazon_polarity"),
    "ner": ("conll2003", "wikiann", "wnut_17"),
    "qa": ("squad", "squad_v2", "adversarial_qa"),
}


def load_promptsource_yaml(path: str | Path, task: str | None = None) -> dict[str, Template]:
    """Load a promptsource ``templates.yaml`` (or one of ours) into ``{name: Template}``.

    The file layout is promptsource's::

        dataset: imdb
        templates:
          <uuid>: !Template
            name: ...
            jinja: '... ||| ...'
            answer_choices: negative ||| positive
            metadata: !TemplateMetadata {original_task: true, choices_in_prompt: false, metrics: [Accuracy]}
            reference: ''
            id: <uuid>

    ``task`` is inferred when not given: from the dataset name, else from the fields the
    templates read (``dialogue`` -> summarization, ``entities`` -> ner, ``context`` and
    ``question`` -> qa, ``text`` and ``label`` -> sentiment); None when neither tells.

    Raises TemplateError naming the file (and line, or template) on malformed YAML, an
    unsupported tag, a missing key, a template without ``|||`` or a duplicate name.
    """
    path = Path(path)
    if task is not None:
        _check_task(task)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(f"cannot read template file {path}: {error.strerror}") from None
    try:
        document = yaml.load(text, Loader=_PromptsourceLoader)  # noqa: S506 -- a SafeLoader subclass
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        where = f"{path} line {mark.line + 1}" if mark else str(path)
        raise TemplateError(
            f"{where}: unsupported YAML tag ({error.problem}); template files may only use "
            "promptsource's !Template and !TemplateMetadata tags"
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{path} line {mark.line + 1}" if mark else str(path)
        raise TemplateError(f"{where}: invalid template YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise TemplateError(f"{path}: invalid template YAML: {error}") from None

    if not isinstance(document, dict) or not isinstance(document.get("templates"), dict):
        raise TemplateError(
            f"{path}: expected a top-level 'templates:' mapping of id -> template (promptsource's layout)"
        )
    dataset = document.get("dataset")
    if document.get("subset"):
        dataset = f"{dataset}/{document['subset']}"

    entries = document["templates"]
    for key, entry in entries.items():
        if not isinstance(entry, dict):
            raise TemplateError(f"{path}: template {key!r} must be a mapping, got {type(entry).__name__}")
        for required in ("name", "jinja"):
            if required not in entry:
                raise TemplateError(f"{path}: template {key!r} has no {required!r} key")

    if task is None:
        task = _infer_task(dataset, [entry["jinja"] for entry in entries.values()])

    templates: dict[str, Template] = {}
    for key, entry in entries.items():
        template = _template_from_entry(entry, key, task, path)
        if template.name in templates:
            raise TemplateError(f"{path}: two templates are named {template.name!r}; names must be unique")
        templates[template.name] = template
    return templates


def _template_from_entry(entry: dict[str, Any], key: Any, task: str | None, path: Path) -> Template:
    choices = entry.get("answer_choices")
    fixed: list[str] | None = None
    dynamic: str | None = None
    if isinstance(choices, str):
        if "{{" in choices or "{%" in choices:
            dynamic = choices
        else:
            fixed = split_choices(choices)
    elif isinstance(choices, list):  # older promptsource files store a YAML list
        fixed = [str(choice) for choice in choices]
    elif choices is not None:
        raise TemplateError(f"{path}: template {entry['name']!r}: 'answer_choices' must be a string like 'yes ||| no'")
    metadata = entry.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise TemplateError(f"{path}: template {entry['name']!r}: 'metadata' must be a mapping")
    return Template(
        name=str(entry["name"]),
        task=task,
        jinja=entry["jinja"],
        answer_choices=fixed,
        metadata=dict(metadata),
        id=str(entry.get("id", key)),
        reference=str(entry.get("reference") or ""),
        source=str(path),
        answer_choices_jinja=dynamic,
    )


def _infer_task(dataset: str | None, sources: Sequence[str]) -> str | None:
    for task, names in _KNOWN_DATASETS.items():
        if dataset in names:
            return task
    used: set[str] = set()
    for source in sources:
        try:
            used |= jinja2.meta.find_undeclared_variables(ENV.parse(source))
        except jinja2.TemplateSyntaxError:
            continue  # reported with the template's name when it is built
    if "dialogue" in used:
        return "summarization"
    if used & {"entities", "entities_str"}:
        return "ner"
    if {"context", "question"} <= used:
        return "qa"
    if {"text", "label"} <= used:
        return "sentiment"
    return None


@lru_cache(maxsize=None)
def _bundled(task: str) -> dict[str, Template]:
    return load_promptsource_yaml(TEMPLATES_DIR / f"{task}.yaml", task=task)


def load_templates(task: str) -> dict[str, Template]:
    """The bundled templates of ``task`` as ``{name: Template}``, in file order.

    The first one is the plain zero-shot instruction, the task's ``default_template``.

    Example:
        >>> list(load_templates("qa"))[0]
        'answer_from_context'
    """
    _check_task(task)
    return dict(_bundled(task))  # a copy: callers may filter it without changing the cache


def resolve_template(task: str, template: str | Template | None) -> Template:
    """A Template from None (the task's default), a name, or a Template (returned as is)."""
    if isinstance(template, Template):
        return template
    templates = load_templates(task)
    name = check_task(task).default_template if template is None else template
    if name not in templates:
        raise TemplateError(f"no template {name!r} for task {task!r}; choose one of: {', '.join(templates)}")
    return templates[name]


# FLAN's lesson (Wei et al., 2022): a model tuned on many wordings should follow wordings it never
# saw. Two templates per task carry ``heldout: true`` in their metadata (the YAML file is the one
# home of that fact); ``build_sft_dataset(template="all")`` never trains on them, so scoring them
# against the training wordings measures transfer to unseen phrasings.
HELDOUT_KEY = "heldout"


def is_heldout(template: Template) -> bool:
    """True for a template kept out of training (``metadata: {heldout: true}``)."""
    return bool(getattr(template, "metadata", {}).get(HELDOUT_KEY))


def heldout_templates(task: str) -> list[str]:
    """Names of ``task``'s templates that training never uses, in file order.

    Example:
        >>> heldout_templates("sentiment")
        ['thumbs_up_or_down', 'detailed_instruction']
    """
    return [name for name, template in load_templates(task).items() if is_heldout(template)]


def training_templates(task: str) -> list[str]:
    """Names of ``task``'s templates that ``template="all"`` trains on (the default one first)."""
    return [name for name, template in load_templates(task).items() if not is_heldout(template)]


# ---------------------------------------------------------------------------------------
# Few-shot prompts
# ---------------------------------------------------------------------------------------
