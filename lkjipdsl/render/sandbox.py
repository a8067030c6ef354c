"""The sandbox report templates render in, and the work it lets them do.

Templates render in jinja2's ImmutableSandboxedEnvironment with StrictUndefined: no Python
internals, nothing changed, no misspelt name passing silently. The work a template can ask for is
bounded by limits of lkjipdsl.Limits, each a diagnostic when exceeded:

* steps (`max_template_steps`, T007): a loop iteration, a call, a filter, a test, an operator, a
  comparison and a slice are a step each, and what they read and make costs a step more per item
  of a list and per 32 characters of a text (the slow filters cost more: `wordwrap`, `urlize` …);
* output (`max_template_output`, T006): the characters a template writes — its text and its
  values, also inside macros and `{% set %}` blocks — counted as they are written;
* values (`max_template_value`, T008): a text or list one operation would make, measured before
  it is made wherever the operation can make more than it reads (repeating, padding, joining,
  replacing, formatting, a range, a list's text); and (`max_value_digits`, T008) numbers.

The steps and the output allowed grow with the spec (STEPS_PER_ITEM, OUTPUT_PER_ITEM), so that
the report of a large spec needs no raised limit.

The counting is compiled into each template: `_Counting` rewrites a template's tree before jinja2
compiles it, so that every loop takes its items through `lkj_items`, every value written goes
through the writer of the template's format (template_formats.py), every `~` through
`lkj_concat_*` and every operand of a comparison through `lkj_read`. The sandbox's hooks (`call`,
`call_binop`, `getitem`) and the wrapped filters, tests and globals count the rest.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal
from string import Formatter

from jinja2 import StrictUndefined, nodes, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.filters import make_attrgetter
from jinja2.runtime import LoopContext, Macro, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import _PassArg, generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from ..limits import Limits, number
from . import template_formats
from .template_formats import output_format

STEP_CHARACTERS = 32
# Work per character far above copying it (measured: textwrap and urlize 1–3 MB/s, pprint 5 MB/s,
# lipsum 4 MB/s, title 11 MB/s, wordcount 19 MB/s; upper 1 800 MB/s)
SLOW = {"wordwrap": 16, "urlize": 32, "pprint": 8, "lipsum": 8, "title": 4, "wordcount": 2, "markdown": 4}
MACRO_STEPS = 16  # calling a macro (or a recursive loop's next level) takes as long as 16 plain steps
FORMAT_STEPS = 8  # str.format through the sandbox's formatter, likewise
STEPS_PER_ITEM = 200  # steps allowed per item (node) of the spec, beyond max_template_steps
OUTPUT_PER_ITEM = 4096  # characters allowed per item of the spec, beyond max_template_output
_CONTAINERS = (list, tuple, dict, set, frozenset)
_FREE = frozenset({int, float, bool, type(None), Decimal})  # nothing to read in them


class TemplateLimit(Exception):
    """A template asked for more work than a limit allows."""

    def __init__(self, code: str, message: str, limit: str, wanted: int | None = None):
        super().__init__(message)
        self.code, self.message, self.limit, self.wanted = code, message, limit, wanted


class Budget:
    """What one rendering may still do; every charge raises TemplateLimit once a limit is passed."""

    def __init__(self, limits: Limits, items: int = 0):
        self.steps_allowed = limits.max_template_steps + STEPS_PER_ITEM * items
        self.output_allowed = limits.max_template_output + OUTPUT_PER_ITEM * items
        self.longest = limits.max_template_value
        self.digits = limits.max_value_digits
        self.steps = self.written = 0
        self._items = items
        self._small = 10 ** min(self.digits, 4000)  # numbers below have few enough digits

    # ---- steps ----
    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.steps_allowed:
            raise TemplateLimit("T007", f"rendering stopped here, after too many steps; the limit is "
                                f"{self._scaled(self.steps_allowed, STEPS_PER_ITEM)} (max_template_steps)",
                                "max_template_steps")

    def read(self, *values, weight: int = 1) -> None:
        """One step, and the reading of the values."""
        cost = 0
        for value in values:
            if type(value) not in _FREE:
                cost += self.cost(value)
        self.step(1 + weight * cost)

    def made(self, value, weight: int = 1) -> None:
        """A value an operation returned: numbers within max_value_digits, its size in steps."""
        kind = type(value)
        if kind is int or kind is Decimal or (isinstance(value, (int, Decimal)) and kind is not bool):
            if not -self._small < value < self._small:
                self.number(value)
        elif weight and kind not in _FREE:
            self.step(weight * self.cost(value))

    def cost(self, value) -> int:
        """Steps to read a value: one per 32 characters of a text, one per item of a list (inside too)."""
        if isinstance(value, str):
            return len(value) // STEP_CHARACTERS
        if isinstance(value, _CONTAINERS):
            return self._walk(value) if value else 0
        if isinstance(value, (bytes, bytearray)):
            return len(value) // STEP_CHARACTERS
        if isinstance(value, range):
            return _length(value)
        return 0

    def _walk(self, container) -> int:
        total, stack, left = 0, [container], self.steps_allowed - self.steps
        while stack and total <= left:
            items = stack.pop()
            total += len(items)
            if isinstance(items, dict):
                items = [*items.keys(), *items.values()]
            for item in items:
                if isinstance(item, str):
                    total += len(item) // STEP_CHARACTERS
                elif isinstance(item, _CONTAINERS) and item:
                    stack.append(item)
        return total

    # ---- output ----
    def write(self, text: str) -> str:
        self.written += len(text)
        if self.written > self.output_allowed:
            raise TemplateLimit("T006", f"rendering stopped here, after writing too much; the limit is "
                                f"{self._scaled(self.output_allowed, OUTPUT_PER_ITEM)} characters "
                                "(max_template_output)", "max_template_output")
        return text

    # ---- values ----
    def fits(self, size: int, kind: str = "text") -> None:
        if size > self.longest:
            unit = "characters" if kind == "text" else "items"
            raise TemplateLimit("T008", f"this would make a {kind} of {number(size)} {unit}; the limit is "
                                f"{number(self.longest)} (max_template_value)", "max_template_value", size)

    def number(self, value, about: int | None = None) -> None:
        digits = about if about is not None else _digits(value)
        if digits > self.digits:
            size = f"about {number(digits)}" if about is not None else number(digits)
            raise TemplateLimit("T008", f"this would make a number of {size} digits; the limit is "
                                f"{number(self.digits)} (max_value_digits)", "max_value_digits", digits)

    def text(self, value) -> str:
        """str(value), its length measured before a list's text is made (a list's text holds its items')."""
        if isinstance(value, str):
            return value
        if isinstance(value, _CONTAINERS) and value:
            self.fits(self.text_size(value))
        text = str(value)
        self.fits(len(text))
        return text

    def text_size(self, value) -> int:
        """The length str() would give the value, found without making it (objects' texts are made once)."""
        if isinstance(value, str):
            return len(value)
        if not isinstance(value, _CONTAINERS):
            return _leaf_size(value, {})
        total, stack, seen = 0, [value], {}
        while stack:
            items = stack.pop()
            self.step(1 + len(items))
            total += 2 + 2 * len(items)
            if isinstance(items, dict):
                items = [*items.keys(), *items.values()]
            for item in items:
                if isinstance(item, _CONTAINERS):
                    stack.append(item)
                else:
                    size = len(item) + 2 if isinstance(item, str) else _leaf_size(item, seen)
                    total += size
                    self.step(size // STEP_CHARACTERS)
            if total > self.longest:
                break
        return total

    def _scaled(self, allowed: int, per_item: int) -> str:
        if not self._items:
            return number(allowed)
        return f"{number(allowed)}, {number(allowed - per_item * self._items)} and {number(per_item)} per item " \
               f"of the spec"


def _length(value: range) -> int:
    try:
        return len(value)
    except OverflowError:  # longer than sys.maxsize
        return 1 << 63


def _digits(value) -> int:
    """Digits before the decimal point."""
    if isinstance(value, Decimal):
        return max(value.adjusted() + 1, 1) if value.is_finite() else 1
    size = abs(value).bit_length()
    if size > 4 * 4300:  # more than int() may write as text: close enough
        return int(size * math.log10(2)) + 1
    return len(str(abs(value)))


def _leaf_size(value, seen: dict) -> int:
    if value is None or isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return _digits(value) + 1
    if isinstance(value, (float, Decimal)):
        return len(str(value))
    key = id(value)
    if key not in seen:  # an object (a node, a table): its text is made once, and bounded by the spec
        seen[key] = len(repr(value))
    return seen[key]


# ---- estimates: what an operation would make, before it is made ----
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+)?)?[hlL]?(.)", re.S)


def _whole(text: str) -> int:
    return int(text) if len(text) <= 18 else 10 ** 18


def _as_int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def percent_size(budget: Budget, form: str, values) -> int:
    """The length of `form % values` at most."""
    if isinstance(values, dict):
        values = list(values.values())
    elif not isinstance(values, tuple):
        values = [values]
    biggest = max((budget.text_size(v) for v in values), default=0)
    star = max((abs(v) for v in values if _as_int(v) is not None), default=0)
    total = len(form)
    for match in _PERCENT.finditer(form):
        width, precision = match.group(1) or "0", match.group(2) or "0"
        total += biggest + (star if width == "*" else _whole(width)) + (star if precision == "*" else _whole(precision))
    return total


def format_size(budget: Budget, form: str, args, kwargs) -> int:
    """The length of `form.format(*args, **kwargs)` at most (a field named twice counts twice)."""
    values = [*args, *kwargs.values()]
    biggest = max((budget.text_size(v) for v in values), default=0)
    star = max((abs(v) for v in values if _as_int(v) is not None), default=0)
    total = 0
    try:
        for literal, field, spec, _ in Formatter().parse(form):
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
        width = _as_int(_argument(args, kwargs, 0, "width"))
        budget.fits(max(length, width or 0))
    elif name == "expandtabs":
        size = _as_int(_argument(args, kwargs, 0, "tabsize", 8))
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
    if _as_int(count) is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


# ---- filters ----
# Filters that work on the text of their value: it is measured before it is made (a list's text).
_ESTIMATED = frozenset({"join", "batch", "slice", "tojson", "pprint", "xmlattr", "sum"})
_TEXT_FILTERS = frozenset({"capitalize", "center", "format", "indent", "lower", "replace", "string", "striptags",
                           "title", "trim", "truncate", "upper", "urlize", "wordcount", "wordwrap", "e", "escape",
                           "forceescape", "safe"})


def _filter_estimate(budget: Budget, environment, name: str, value, args: tuple, kwargs: dict):
    """Check what a filter would make before it runs; (value, args, kwargs) to run it with."""
    if name in _TEXT_FILTERS:
        value = budget.text(value)
    if name == "center":
        budget.fits(max(len(value), _as_int(_argument(args, kwargs, 0, "width", 80)) or 0))
    elif name == "indent":
        width = _argument(args, kwargs, 0, "width", 4)
        step = len(budget.text(width)) if isinstance(width, str) else max(_as_int(width) or 0, 0)
        budget.fits(len(value) + (value.count("\n") + 1) * step)
    elif name == "wordwrap":
        width = _as_int(_argument(args, kwargs, 0, "width", 79)) or 1
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
        budget.fits(max(_as_int(_argument(args, kwargs, 0, "linecount" if name == "batch" else "slices")) or 0, 0),
                    "list")
    elif name in ("tojson", "pprint", "xmlattr"):
        indent = _as_int(_argument(args, kwargs, 0, "indent")) if name == "tojson" else None
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


def _passed(function):
    """What jinja2 passes a filter or test before its value (jinja2.pass_context and friends), from the context."""
    kind = _PassArg.from_obj(function)
    if kind is _PassArg.context:
        return lambda context: (context,)
    if kind is _PassArg.eval_context:
        return lambda context: (context.eval_ctx,)
    if kind is _PassArg.environment:
        return lambda context: (context.environment,)
    return lambda context: ()


def _counted_filter(budget: Budget, name: str, function):
    weight = SLOW.get(name, 1)
    passed = _passed(function)
    estimated = name in _TEXT_FILTERS or name in _ESTIMATED

    def counted(context, value, *args, **kwargs):
        if estimated:
            value, args, kwargs = _filter_estimate(budget, context.environment, name, value, args, kwargs)
        budget.read(value, *args, *kwargs.values(), weight=weight)
        result = function(*passed(context), value, *args, **kwargs)
        budget.made(result, weight)
        return result

    # pass_context also keeps jinja2 from running the filter while it compiles (on constants)
    return pass_context(functools.update_wrapper(counted, function))


def _counted_test(budget: Budget, function):
    passed = _passed(function)

    def counted(context, value, *args, **kwargs):
        budget.read(value, *args, *kwargs.values())
        return function(*passed(context), value, *args, **kwargs)

    return pass_context(functools.update_wrapper(counted, function))


def _internal_filters(budget: Budget) -> dict:
    """The filters `_Counting` compiles into every template."""

    def items(context, iterable):
        for item in iterable:
            budget.step()
            yield item

    def read(context, value):
        budget.read(value)
        return value

    def text(context, data):
        return budget.write(data)

    def written(text: str, escaped: int) -> str:
        budget.step(1 + escaped * budget.cost(text))
        return budget.write(text)

    def write_html(context, value):
        if not context.eval_ctx.autoescape:
            return written(budget.text(value), False)
        if hasattr(value, "__html__"):
            return written(escape(value), isinstance(value, template_formats.MarkdownText))
        return written(escape(budget.text(value)), True)

    def write_markdown(context, value):
        if value == "" and type(value) is str:
            return written(value, False)
        trusted = template_formats.trusted_in_markdown(value)
        text = template_formats.markdown(value, value if isinstance(value, str) else budget.text(value))
        return written(Markup(text) if context.eval_ctx.autoescape else text, 0 if trusted else SLOW["markdown"])

    def write_plain(context, value):
        return written(budget.text(value), False)

    def joined(parts: list) -> list:
        texts = [budget.text(part) for part in parts]
        budget.fits(sum(map(len, texts)))
        budget.step(1 + sum(map(budget.cost, texts)))
        return texts

    def concat_markdown(context, parts):
        return template_formats.markdown_join(joined(parts))

    def concat(context, parts):
        texts = joined(parts)
        return markup_join(texts) if context.eval_ctx.autoescape else "".join(texts)

    internal = {"lkj_items": items, "lkj_read": read, "lkj_text": text, "lkj_write_html": write_html,
                "lkj_write_markdown": write_markdown, "lkj_write_plain": write_plain,
                "lkj_concat_html": concat, "lkj_concat_plain": concat, "lkj_concat_markdown": concat_markdown}
    return {name: pass_context(function) for name, function in internal.items()}


def _globals(budget: Budget, environment) -> dict:
    def counted_range(*args):
        numbers = range(*args)
        budget.fits(_length(numbers), "list")
        return numbers

    def lipsum(n=5, html=True, min=20, max=100):  # noqa: A002 — jinja2's names
        size = abs(_as_int(n) or 0) * abs(_as_int(max) or 0) * 12  # words of at most 11 letters and a space
        budget.fits(size)
        budget.step(SLOW["lipsum"] * size // STEP_CHARACTERS)
        return generate_lorem_ipsum(n, html, min, max)

    return {"range": counted_range, "lipsum": lipsum}


# ---- the environment ----
def environment(loader, budget: Budget, filters: dict):
    """A sandboxed environment for one rendering, counting against `budget`."""
    env = Sandbox(loader=loader, undefined=StrictUndefined, autoescape=template_formats.autoescape,
                           keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.budget = budget
    budget.environment = env
    env.filters.update(filters)
    env.filters.update({"e": template_formats.escape_for_html, "escape": template_formats.escape_for_html,
                        "forceescape": template_formats.force_escape_for_html})
    env.filters = {name: _counted_filter(budget, name, function) for name, function in env.filters.items()}
    env.filters.update(_internal_filters(budget))
    env.tests = {name: _counted_test(budget, function) for name, function in env.tests.items()}
    env.globals.update(_globals(budget, env))
    return env


class _Generator(CodeGenerator):
    def visit_Template(self, node, frame=None):  # noqa: N802 — jinja2's visitor
        _Counting(output_format(self.name)).visit(node)
        node.set_environment(self.environment)
        super().visit_Template(node, frame)


class Sandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, counting calls, operators and slices against `budget`."""

    code_generator_class = _Generator
    intercepted_binops = frozenset(["+", "-", "*", "/", "//", "%", "**"])
    budget: Budget

    def call_binop(self, context, operator, left, right):
        budget = self.budget
        budget.read(left, right)
        _check_binop(budget, operator, left, right)
        result = super().call_binop(context, operator, left, right)
        budget.made(result)
        return result

    def call(self, context, obj, /, *args, **kwargs):
        budget = self.budget
        if isinstance(obj, (Macro, LoopContext)):  # a macro's body, a recursive loop's next level
            budget.step(MACRO_STEPS)
            owner = None
        else:
            target = getattr(obj, "__wrapped__", obj)  # str.format, wrapped by the sandbox
            owner = getattr(target, "__self__", None)
            if isinstance(owner, (str, bytes)):
                name = getattr(target, "__name__", "")
                args = method_estimate(budget, owner, name, args, kwargs)
                if name in ("format", "format_map"):
                    budget.step(FORMAT_STEPS)
            elif not isinstance(owner, _CONTAINERS):
                owner = None
        budget.read(owner, *args, *kwargs.values())
        result = super().call(context, obj, *args, **kwargs)
        budget.made(result)
        return result

    def getitem(self, obj, argument):
        result = super().getitem(obj, argument)
        if isinstance(argument, slice):
            self.budget.read(result)
        return result


def _check_binop(budget: Budget, operator: str, left, right) -> None:
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and _as_int(count) is not None:
                budget.fits(len(sequence) * max(count, 0), "text" if isinstance(sequence, str) else "list")
    elif operator == "+":
        if isinstance(left, str) and isinstance(right, str):
            budget.fits(len(left) + len(right))
        elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
            budget.fits(len(left) + len(right), "list")
    elif operator == "**":
        base, exponent = _as_int(left), _as_int(right)
        if base is not None and exponent is not None and exponent > 0 and abs(base) > 1:
            budget.number(None, about=int(exponent * math.log10(abs(base))) + 1)
    elif operator == "%" and isinstance(left, str):
        budget.fits(percent_size(budget, left, right))


def _through(node, name: str):
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


class _Counting(NodeTransformer):
    """Rewrites a template's tree so that its loops, output, `~` and comparisons are counted."""

    def __init__(self, form: str):
        self.form = form

    def visit_For(self, node):  # noqa: N802 — jinja2's visitor
        node = self.generic_visit(node)
        node.iter = _through(node.iter, "lkj_items")
        return node

    def visit_Concat(self, node):  # noqa: N802
        node = self.generic_visit(node)
        return _through(nodes.List(node.nodes, lineno=node.lineno), f"lkj_concat_{self.form}")

    def visit_Compare(self, node):  # noqa: N802
        node = self.generic_visit(node)
        node.expr = _through(node.expr, "lkj_read")
        for operand in node.ops:
            operand.expr = _through(operand.expr, "lkj_read")
        return node

    def visit_Output(self, node):  # noqa: N802
        node = self.generic_visit(node)
        node.nodes = [_through(child, "lkj_text" if isinstance(child, nodes.TemplateData) else f"lkj_write_{self.form}")
                      for child in node.nodes]
        return node
