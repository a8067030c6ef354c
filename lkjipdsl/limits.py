"""Limits: what one spec may cost, each with a clear diagnostic naming the limit and how to raise it.

Spec files are written by hand, pasted from Word and Excel and produced by other tools; whatever
arrives, lkjipdsl answers with diagnostics, never with a hang or a memory blow-up. Every bound on
the work a spec can cause is a field of `Limits`:

    limits = lkjipdsl.Limits(max_file_bytes=16 * 1024 * 1024)       # the API
    lkjipdsl.load(path, limits=limits); lkjipdsl.evaluate(loaded, limits=limits)
    lkjipdsl check --limit max_file_bytes=16777216 FILE             # the command line

The limits that protect the parser are checked before it runs, by the syntax stage's first step
(lkjipdsl.syntax.prescan: size, tokens, the depth of brackets, the size of expressions), so that
100 000 nested parentheses give one E133 in milliseconds instead of a RecursionError. The other
limits are read where the work happens (numbers.py, expr.py) through `current()`, which `api`
sets for the duration of a call with `using()`; `counting()` gives an evaluation its step budget.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator
from .records import fields, record, replace

from .diagnostics import Diagnostic, Span, error
from .i18n import N_, _


@record(frozen=True, slots=True)
class Limits:
    """Bounds on the work one spec may cause. The defaults are far above any real report (the
    whole LKjIP of Kecamatan Seririt is 100 KB, 24 000 tokens, nesting depth 4, expressions of
    at most 12 parts, 1 057 evaluation steps); raise one when a legitimate spec needs it."""

    max_file_bytes: int = 8 * 1024 * 1024
    """Size of the spec file in bytes (E007)."""
    max_tokens: int = 500_000
    """Words, numbers and symbols in the file, a quoted text counting each of its words (E010)."""
    max_nesting_depth: int = 64
    """Depth of blocks `{ }` (E006); parentheses count towards max_expression_depth."""
    max_expression_depth: int = 64
    """Levels of one expression in `jika` or `rumus`, parentheses included; a chain `a + b + c`
    counts one level per operator (E133)."""
    max_expression_nodes: int = 500
    """Parts (names, numbers, operators, calls) of one expression (E133)."""
    max_number_digits: int = 40
    """Digits of a number written in the spec (E011)."""
    max_value_digits: int = 100
    """Digits before the decimal point of a value computed by an expression (E012)."""
    max_evaluation_steps: int = 1_000_000
    """Steps of expression evaluation for the whole spec: parts evaluated, summed over every item
    each rule and rumus is evaluated for (E013)."""
    max_errors: int = 200
    """Errors reported while reading the spec's keys and values before giving up (E014)."""
    max_template_steps: int = 1_000_000
    """Steps of rendering a report template (`render --template`), beyond 200 per item of the spec:
    loop iterations, calls, filters, tests, operators, each also one per item of a list and per 32
    characters of a text it reads or makes (T007)."""
    max_template_output: int = 64 * 1024 * 1024
    """Characters a report template writes, beyond 4 096 per item of the spec (T006)."""
    max_template_value: int = 10_000_000
    """Characters of a text, items of a list, that one operation of a report template makes (T008)."""
    max_pdf_rows: int = 20_000
    """Table rows of a PDF: WeasyPrint lays out a table in memory whole (about 140 KB per row, 2,5 GB
    for the 18 000 rows of a 1 000-sub-kegiatan spec), so a larger one is refused before it starts."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(_("limit {name} must be a positive whole number, got {value}").format(
                    name=f.name, value=repr(value)))

    def raised(self, **changes: int) -> Limits:
        """A copy with some limits changed: `Limits().raised(max_file_bytes=2**25)`; an unknown
        name raises TypeError naming the closest."""
        names = [f.name for f in fields(self)]
        for name in changes:
            if name not in names:
                from .diagnostics import did_you_mean

                hint = did_you_mean(name, names) or _("limits: {names}").format(names=", ".join(names))
                raise TypeError(_("unknown limit '{name}'; {hint}").format(name=name, hint=hint))
        return replace(self, **changes)

    @classmethod
    def parse(cls, options: list[str] | None, base: Limits | None = None) -> Limits:
        """Limits from `NAME=VALUE` strings (the CLI's --limit); ValueError with a readable message."""
        changes: dict[str, int] = {}
        names = [f.name for f in fields(cls)]
        for option in options or ():
            name, sep, text = option.partition("=")
            name = name.strip().replace("-", "_")
            if not name.startswith("max_"):
                name = "max_" + name
            if not sep or name not in names:
                from .diagnostics import did_you_mean

                hint = did_you_mean(name, names) or _("limits: {names}").format(names=", ".join(names))
                raise ValueError(_("unknown limit '{option}' (write NAME=VALUE); {hint}").format(option=option,
                                                                                                  hint=hint))
            digits = text.strip().replace("_", "")
            if not re.fullmatch(r"-?[0-9]+", digits):  # int() would also take ４ and ৪
                raise ValueError(_("limit {name} takes a whole number written with 0-9, got '{text}'").format(
                    name=name, text=text))
            changes[name] = int(digits)
        return replace(base or cls(), **changes)


DEFAULT = Limits()


# What each limit bounds, as `--help` and `--limit` show it (translated where shown).
LIMIT_DOCS = {
    "max_file_bytes": N_("size of the spec file in bytes"),
    "max_tokens": N_("words, numbers, texts and symbols in the file (a comment counts as one)"),
    "max_nesting_depth": N_("depth of blocks { }"),
    "max_expression_depth": N_("levels of one expression, parentheses included"),
    "max_expression_nodes": N_("parts of one expression"),
    "max_number_digits": N_("digits of a number written in the spec"),
    "max_value_digits": N_("digits before the decimal point of a computed value"),
    "max_evaluation_steps": N_("steps of expression evaluation for the whole spec"),
    "max_errors": N_("errors reported before giving up"),
    "max_template_steps": N_("steps of rendering a template, beyond 200 per item of the spec"),
    "max_template_output": N_("characters a template writes, beyond 4 096 per item of the spec"),
    "max_template_value": N_("characters or items of one text or list a template makes"),
    "max_pdf_rows": N_("table rows of a PDF"),
}


def how_to_raise(name: str, wanted: int | None = None) -> str:
    """The hint every limit diagnostic carries: the CLI option and the API argument."""
    value = wanted if wanted is not None else "N"
    return _("if the spec really needs more, raise the limit: {option} …, or {call}").format(
        option=f"lkjipdsl check --limit {name}={value}",
        call=f"lkjipdsl.load(…, limits=lkjipdsl.Limits({name}={value}))")


def number(value: int) -> str:
    """A count as the messages print it: 100 000."""
    return f"{value:,}".replace(",", " ")


def limit_error(code: str, message: str, name: str, span: Span | None, wanted: int | None = None,
                *hints: str, limits: Limits | None = None) -> Diagnostic:
    """One diagnostic for one limit: what was found (`message`, translated), the limit's value and
    name, how to raise it."""
    limit = getattr(limits or current(), name)
    return error(code, _("{problem}; the limit is {limit} ({name})").format(problem=message, limit=number(limit),
                                                                            name=name),
                 span, *hints, how_to_raise(name, wanted))


# ---- the limits in force ----
_ACTIVE: contextvars.ContextVar[Limits] = contextvars.ContextVar("lkjipdsl_limits", default=DEFAULT)


def current() -> Limits:
    """The limits of the load or evaluation under way (the defaults outside one)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    token = _ACTIVE.set(limits or DEFAULT)
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


class LimitExceeded(Exception):
    """Raised where evaluation exceeds a limit for the whole spec; `api.evaluate` turns it into
    one diagnostic and stops."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class StepBudget:
    """Counts evaluation steps against max_evaluation_steps."""

    __slots__ = ("limit", "used")

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0

    def left(self) -> int:
        return max(0, self.limit - self.used)

    def charge(self, steps: int, span: Span | None) -> None:
        self.used += steps
        if self.used > self.limit:
            raise LimitExceeded(limit_error(
                "E013", _("evaluation stopped here, after too many steps"),
                "max_evaluation_steps", span, self.limit * 10,
                _("a rule or rumus evaluated for many items, or an aggregate over many children")))


_BUDGET: contextvars.ContextVar[StepBudget | None] = contextvars.ContextVar("lkjipdsl_steps", default=None)


@contextlib.contextmanager
def counting(limits: Limits | None = None) -> Iterator[StepBudget]:
    """A fresh step budget for one evaluation."""
    budget = StepBudget((limits or current()).max_evaluation_steps)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def active_budget() -> StepBudget | None:
    return _BUDGET.get()


def charge(steps: int, span: Span | None = None) -> None:
    """Count steps against the budget of the evaluation under way (none outside `counting`)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.charge(steps, span)


# the hint of the limits a whole file exceeds (translated where it is given)
SPLIT_HINT = N_("is this really one report? split it, or check that the file is a spec")


def file_too_large(file: str, size: int, limits: Limits) -> Diagnostic:
    return limit_error("E007", _("'{file}' is {size} bytes").format(file=file, size=number(size)), "max_file_bytes",
                       None, size, _(SPLIT_HINT), limits=limits)


@record(frozen=True)
class ImportLimits:
    """What one imported file may cost (docs/import.md, "Limits"); `--limit NAME=VALUE` raises them."""

    max_import_bytes: int = 64 * 1024 * 1024  # the file itself
    max_unpacked_bytes: int = 512 * 1024 * 1024  # a workbook's parts, uncompressed
    max_compression_ratio: int = 200  # a part that unpacks to more than this many times its size (and > 1 MB)
    max_rows: int = 300_000  # rows per sheet
    max_cells: int = 6_000_000  # cells of the whole file
