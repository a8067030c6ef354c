"""What an operation of a report template would make, found before it is made.

Most operations make no more than they read, and the budget counts what they read and made
(template_budget.py). Some make far more: a width (`center`, `indent`, format widths `%09999d`), a
count (`*`, `batch`, `slice`, `range`, `lipsum`), a product of two sizes (`replace` of each
character by a long text, `join` with a long separator, `translate`, a format naming one long
argument many times, a list's text holding its items' texts), an exponent. For these the size of
the result is worked out from the arguments first, and a result longer than max_template_value
(or a number with more digits than max_value_digits) is refused before any memory is taken.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from string import Formatter

from jinja2.filters import make_attrgetter
from jinja2.sandbox import SandboxedFormatter

from .template_budget import Budget
from ..patterns import compiled

STRIPTAGS_COPIED = 16_384  # characters copied in the time of a step (measured: 20 000 per microsecond)
_PERCENT = compiled(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+)?)?[hlL]?(.)", re.S)


def _whole(text: str) -> int:
    return int(text) if len(text) <= 18 else 10 ** 18


def as_int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def percent_size(budget: Budget, form: str, values) -> int:
    """The length of `form % values` at most."""
    if isinstance(values, dict):
        values = list(values.values())
    elif not isinstance(values, tuple):
        values = [values]
    biggest = max((budget.text_size(v) for v in values), default=0)
    star = max((abs(v) for v in values if as_int(v) is not None), default=0)
    total = len(form)
    for match in _PERCENT.finditer(form):
        budget.step()
        budget.fits(total, at_least=True)
        width, precision = match.group(1) or "0", match.group(2) or "0"
        total += biggest + (star if width == "*" else _whole(width)) + (star if precision == "*" else _whole(precision))
    return total


def format_size(budget: Budget, form: str, args, kwargs) -> int:
    """The length of `form.format(*args, **kwargs)` at most (a field named twice counts twice)."""
    values = [*args, *kwargs.values()]
    biggest = max((budget.text_size(v) for v in values), default=0)
    star = max((abs(v) for v in values if as_int(v) is not None), default=0)
    total = 0
    try:
        for literal, field, spec, _ in Formatter().parse(form):
            budget.step()
            budget.fits(total, at_least=True)
            total += len(literal)
            if field is None:
                continue
            if re.search(r"[.\[]", field):  # an attribute or item of an argument: its own text
                total += budget.text_size(_field(budget, field, args, kwargs))
            else:
                total += biggest
            numbers = [_whole(n) for n in re.findall(r"\d+", spec or "")]
            total += max(numbers, default=0) + (star if "{" in (spec or "") else 0)
    except (ValueError, LookupError, AttributeError, TypeError):
        return len(form)  # the call itself reports what is wrong with the form
    return total


def _field(budget: Budget, field: str, args, kwargs):
    return SandboxedFormatter(budget.environment).get_field(field, args, kwargs)[0]


def _argument(args: tuple, kwargs: dict, index: int, name: str, default=None):
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def method_estimate(budget: Budget, owner, name: str, args: tuple, kwargs: dict) -> tuple:
    """Check what a method of a text would make; the arguments to call it with (an iterable made a list)."""
    length = len(owner)
    if name in ("center", "ljust", "rjust", "zfill"):
        width = as_int(_argument(args, kwargs, 0, "width"))
        budget.fits(max(length, width or 0))
    elif name == "expandtabs":
        size = as_int(_argument(args, kwargs, 0, "tabsize", 8))
        tab = "\t" if isinstance(owner, str) else b"\t"
        budget.fits(length + owner.count(tab) * max(size or 0, 0))
    elif name == "replace" and len(args) >= 2:
        budget.fits(_replaced_size(owner, args[0], args[1], _argument(args, kwargs, 2, "count")))
    elif name == "join" and args:
        items = list(args[0]) if not isinstance(args[0], (str, list, tuple)) else args[0]
        budget.step(len(items))
        budget.fits(sum(len(i) if isinstance(i, (str, bytes)) else 0 for i in items) + length * max(len(items) - 1, 0))
        args = (items, *args[1:])
    elif name == "translate" and args:
        table = args[0]
        values = table.values() if isinstance(table, dict) else table if isinstance(table, (list, tuple, str)) else ()
        widest = max((len(v) if isinstance(v, (str, bytes)) else 1 for v in values), default=1)
        budget.fits(length * max(widest, 1))
    elif name == "striptags" and isinstance(owner, str):
        striptags_work(budget, owner)
    elif name in ("format", "format_map") and isinstance(owner, str):
        if name == "format_map":
            mapping = args[0] if args and isinstance(args[0], dict) else {}
            budget.fits(format_size(budget, owner, (), mapping))
        else:
            budget.fits(format_size(budget, owner, args, kwargs))
    return args


def _replaced_size(text, old, new, count) -> int:
    if not isinstance(text, (str, bytes)) or not isinstance(old, type(text)) or not isinstance(new, type(text)):
        return len(text) if isinstance(text, (str, bytes)) else 0
    found = text.count(old) if old else len(text) + 1
    if as_int(count) is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


# Filters that work on the text of their value: it is measured before it is made (a list's text).
TEXT_FILTERS = frozenset({"capitalize", "center", "format", "indent", "lower", "replace", "string", "striptags",
                           "title", "trim", "truncate", "upper", "urlize", "wordcount", "wordwrap", "e", "escape",
                           "forceescape", "safe"})
ESTIMATED = TEXT_FILTERS | {"join", "batch", "slice", "tojson", "pprint", "xmlattr", "sum"}


def striptags_work(budget: Budget, text: str) -> None:
    """markupsafe's striptags copies the rest of the text for each tag it removes."""
    budget.step(text.count("<") * len(text) // STRIPTAGS_COPIED)


def filter_estimate(budget: Budget, environment, name: str, value, args: tuple, kwargs: dict):
    """Check what a filter would make before it runs; (value, args, kwargs) to run it with."""
    if name in TEXT_FILTERS:
        value = budget.text(value)
    if name == "striptags":
        striptags_work(budget, value)
    elif name == "center":
        budget.fits(max(len(value), as_int(_argument(args, kwargs, 0, "width", 80)) or 0))
    elif name == "indent":
        width = _argument(args, kwargs, 0, "width", 4)
        step = len(budget.text(width)) if isinstance(width, str) else max(as_int(width) or 0, 0)
        budget.fits(len(value) + (value.count("\n") + 1) * step)
    elif name == "wordwrap":
        width = as_int(_argument(args, kwargs, 0, "width", 79)) or 1
        between = _argument(args, kwargs, 2, "wrapstring") or environment.newline_sequence
        budget.fits(len(value) + (len(value) // max(width, 1) + 1) * len(budget.text(between)))
    elif name == "format":
        budget.fits(percent_size(budget, value, kwargs or args))
    elif name == "replace" and len(args) >= 2:
        old, new, count = budget.text(args[0]), budget.text(args[1]), _argument(args, kwargs, 2, "count")
        budget.fits(_replaced_size(value, old, new, count))
    elif name == "join":
        value, args, kwargs = _join_estimate(budget, environment, value, args, kwargs)
    elif name in ("batch", "slice"):
        budget.fits(max(as_int(_argument(args, kwargs, 0, "linecount" if name == "batch" else "slices")) or 0, 0),
                    "list")
    elif name in ("tojson", "pprint", "xmlattr"):
        indent = as_int(_argument(args, kwargs, 0, "indent")) if name == "tojson" else None
        budget.fits(budget.text_size(value) * (1 + max(indent or 0, 0)))
    elif name == "sum":
        start = _argument(args, kwargs, 1, "start", 0)
        if not isinstance(start, (int, float, Decimal)):  # adding lists one by one copies them again and again
            value = list(value)
            budget.step(len(value) * (1 + sum(map(budget.cost, value))))
    return value, args, kwargs


def _join_estimate(budget: Budget, environment, value, args: tuple, kwargs: dict):
    items = value if isinstance(value, (list, tuple)) else list(value)
    budget.step(len(items))
    attribute = _argument(args, kwargs, 1, "attribute")
    if attribute is not None:
        items = list(map(make_attrgetter(environment, attribute), items))
        args, kwargs = args[:1], {k: v for k, v in kwargs.items() if k != "attribute"}
    between = budget.text(_argument(args, kwargs, 0, "d", ""))
    budget.fits(sum(map(budget.text_size, items)) + len(between) * max(len(items) - 1, 0))
    return items, args, kwargs


def binop_estimate(budget: Budget, operator: str, left, right) -> None:
    """Check what `left operator right` would make."""
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and as_int(count) is not None:
                budget.fits(len(sequence) * max(count, 0), "text" if isinstance(sequence, str) else "list")
    elif operator == "+":
        if isinstance(left, str) and isinstance(right, str):
            budget.fits(len(left) + len(right))
        elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
            budget.fits(len(left) + len(right), "list")
    elif operator == "**":
        base, exponent = as_int(left), as_int(right)
        if base is not None and exponent is not None and exponent > 0 and abs(base) > 1:
            budget.number(None, about=int(exponent * math.log10(abs(base))) + 1)
    elif operator == "%" and isinstance(left, str):
        budget.fits(percent_size(budget, left, right))
