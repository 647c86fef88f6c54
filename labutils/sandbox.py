"""The Jinja sandbox prompt templates run in: no Python internals, and bounded work.

Templates come from files a learner may download. Jinja's ``SandboxedEnvironment`` refuses
Python internals (``{{ ''.__class__.__mro__ }}``) but not work: two nested ``range(100000)``
loops are 10^10 steps and ``'x' * 10**9`` is a gigabyte. This environment also counts the loop
steps of a render, bounds what ``*`` and ``**`` build, and streams the output against a size
limit, so such a template fails in milliseconds instead of hanging. :mod:`labutils.templates`
compiles and renders every template here and names the template in the error.

Example:
    >>> render(ENV.from_string("{% for i in range(3) %}{{ i }}{% endfor %}"), {}, max_chars=100)
    '012'
"""

from __future__ import annotations

from contextvars import ContextVar

import jinja2
import jinja2.nodes
import jinja2.sandbox

# What one template may cost. Every limit is far above what a prompt needs.
MAX_TEMPLATE_CHARS = 100_000  # the template's source; promptsource's are a few hundred characters
MAX_RENDER_STEPS = 100_000  # loop iterations in one render; a prompt's loops run tens of times
MAX_BUILT_ITEMS = 1_000_000  # what one '*' may build: 'x' * 10**9 would take a gigabyte
MAX_EXPONENT = 1_024  # for '**': 2 ** 10**9 would compute for minutes

_STEPS_LEFT: ContextVar[list[int] | None] = ContextVar("labutils_template_steps", default=None)


class OverLimit(Exception):
    """A render went over a limit (the message says which); the caller names the template."""


def _charge(steps: int) -> None:
    left = _STEPS_LEFT.get()
    if left is not None:
        left[0] -= steps
        if left[0] < 0:
            raise OverLimit(f"its loops ran more than {MAX_RENDER_STEPS:,} steps")


def _counted_loop(iterable):
    """Charge a for-loop's iterations to the render's budget (wrapped around every loop at parse time)."""
    try:
        _charge(len(iterable))
    except TypeError:  # no length (a generator): charge as it goes
        return (_charge(1) or item for item in iterable)
    return iterable


class LimitedSandbox(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox plus limits on work: loop steps, and the size of what ``*`` and ``**`` build."""

    intercepted_binops = frozenset({"*", "**"})  # routed through call_binop (and never constant-folded)

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(jinja2.nodes.For):  # {% for x in xs %} -> {% for x in xs|counted_loop %}
            loop.iter = jinja2.nodes.Filter(loop.iter, "counted_loop", [], [], None, None, lineno=loop.lineno)
        return tree

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise OverLimit(f"'**' with an exponent of {right} (the limit is {MAX_EXPONENT})")
        if operator == "*":
            sequence, times = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) and len(sequence) * times > MAX_BUILT_ITEMS:
                raise OverLimit(f"'*' would build {len(sequence) * times:,} items (the limit is {MAX_BUILT_ITEMS:,})")
        return super().call_binop(context, operator, left, right)


# One environment for every template. StrictUndefined turns a misspelt field into an error
# instead of silently rendering an empty string (a prompt with a hole in it trains fine and
# teaches the wrong thing).
ENV = LimitedSandbox(
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # plain text, not HTML: "&" must stay "&"
    keep_trailing_newline=False,
)
ENV.filters["counted_loop"] = _counted_loop


def render(compiled: jinja2.Template, context: dict, *, max_chars: int) -> str:
    """Render ``compiled`` with a fresh step budget, stopping once the output passes ``max_chars``."""
    budget = _STEPS_LEFT.set([MAX_RENDER_STEPS])
    try:
        pieces, size = [], 0
        for piece in compiled.generate(context):  # streamed, so runaway output stops at the limit
            size += len(piece)
            if size > max_chars:
                raise OverLimit(f"its output passed {max_chars:,} characters")
            pieces.append(piece)
        return "".join(pieces)
    finally:
        _STEPS_LEFT.reset(budget)
