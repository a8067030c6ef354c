"""The sandbox report templates render in: jinja2's, counting every kind of work a template does.

Templates render in jinja2's ImmutableSandboxedEnvironment with StrictUndefined: no Python
internals, nothing changed, no misspelt name passing silently. Their work is counted against a
Budget (template_budget.py, the limits and what a step is), and what they write is escaped for
their output format (template_formats.py).

The counting is compiled into each template: `_Counting` rewrites a template's tree before jinja2
compiles it, so that every loop takes its items through `lkjipdsl:items`, every value and every
piece of template text written goes through the writer of the template's format, every `~` through
`lkjipdsl:concat*`, every operand of a comparison through `lkjipdsl:read`, and every include, import
and extends through `lkjipdsl:other_template`. The sandbox's own hooks
(`call`, `call_binop`, `getitem`) and the wrapped filters, tests and globals count the rest.
Each counts what it reads before it runs, checks what it would make when that can be more than
it read (template_estimates.py), and counts what it made.
"""

from __future__ import annotations

import functools

from jinja2 import StrictUndefined, nodes, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.runtime import LoopContext, Macro, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg, generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import escape

from . import template_formats
from .template_budget import (CONTAINERS, FORMAT_STEPS, INCLUDE_STEPS, MACRO_STEPS, SLOW, STEP_CHARACTERS, Budget,
                              TemplateLimit, range_length)
from .template_estimates import ESTIMATED, as_int, binop_estimate, filter_estimate, method_estimate
from .template_formats import MarkdownText, output_format

__all__ = ["Budget", "Sandbox", "TemplateLimit", "environment"]


def environment(loader, budget: Budget, filters: dict) -> Sandbox:
    """A sandboxed environment for one rendering, with the given filters, counting against `budget`."""
    env = Sandbox(loader=loader, undefined=StrictUndefined, autoescape=template_formats.autoescape,
                  keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.budget, budget.environment = budget, env
    env.concat = template_formats.concat
    env.filters.update(filters)
    env.filters.update({"e": template_formats.escape_for_html, "escape": template_formats.escape_for_html,
                        "forceescape": template_formats.force_escape_for_html})
    env.filters = {name: _counted_filter(budget, name, function) for name, function in env.filters.items()}
    env.filters.update(_internal_filters(budget))
    env.tests = {name: _counted_test(budget, function) for name, function in env.tests.items()}
    env.globals.update(_globals(budget))
    return env


class _Generator(CodeGenerator):
    def visit_Template(self, node, frame=None):  # noqa: N802 — jinja2's visitor
        _Counting(output_format(self.name)).visit(node)
        node.set_environment(self.environment)
        super().visit_Template(node, frame)

    # What a template writes goes through the writers (lkjipdsl:text*, lkjipdsl:write*), which escape
    # it as the format and `{% autoescape %}` ask; jinja2's str() or escape() around it would take a
    # MarkdownText for text still to escape.
    def _output_child_pre(self, node, frame, finalize):
        pass

    def _output_child_post(self, node, frame, finalize):
        pass


# The methods of lkjipdsl's own objects a template may call: what it needs to read them. The others
# (`model_dump_json(indent=…)`, `Table.add`) could change the report or make unbounded text.
ENGINE_METHODS = frozenset({"node", "caption"})
# Methods of texts a template may not call: bytes are of no use in a report, and some codecs take
# time that grows with the square of the text (punycode).
TEXT_METHODS_REFUSED = frozenset({"encode", "decode"})


class Sandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, counting calls, operators and slices against `budget`."""

    code_generator_class = _Generator
    intercepted_binops = frozenset(["+", "-", "*", "/", "//", "%", "**"])
    budget: Budget

    def is_safe_attribute(self, obj, attr, value):
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value):
            return True
        if isinstance(obj, (str, bytes, bytearray)):
            return attr not in TEXT_METHODS_REFUSED
        return attr in ENGINE_METHODS or not type(obj).__module__.startswith("lkjipdsl.")

    def call_binop(self, context, operator, left, right):
        budget = self.budget
        budget.read(left, right)
        binop_estimate(budget, operator, left, right)
        result = super().call_binop(context, operator, left, right)
        budget.made(result)
        return result

    def call(self, context, obj, /, *args, **kwargs):
        budget = self.budget
        if isinstance(obj, (Macro, LoopContext)):  # a macro's body, a recursive loop's next level
            budget.step(MACRO_STEPS)
            budget.read(*args, *kwargs.values())
        else:
            target = getattr(obj, "__wrapped__", obj)  # str.format, wrapped by the sandbox
            owner = getattr(target, "__self__", None)
            budget.read(owner if isinstance(owner, (str, bytes, *CONTAINERS)) else None, *args, *kwargs.values())
            if isinstance(owner, (str, bytes)):
                name = getattr(target, "__name__", "")
                args = method_estimate(budget, owner, name, args, kwargs)
                if name in ("format", "format_map"):
                    budget.step(FORMAT_STEPS)
        result = super().call(context, obj, *args, **kwargs)
        budget.made(result)
        return result

    def getitem(self, obj, argument):
        result = super().getitem(obj, argument)
        if isinstance(argument, slice):
            self.budget.read(result)
        return result


# ---- filters, tests and globals ----
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
    estimated = name in ESTIMATED

    def counted(context, value, *args, **kwargs):
        budget.read(value, *args, *kwargs.values(), weight=weight)
        if estimated:
            value, args, kwargs = filter_estimate(budget, context.environment, name, value, args, kwargs)
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

    def other_template(context, name):
        budget.step(INCLUDE_STEPS)
        return name

    def text(context, data):
        return budget.write(data)

    def text_markdown(context, data):
        return budget.write(MarkdownText(data))

    def written(text: str, escaping: int) -> str:
        """`escaping`: the weight of the escaping the text went through (0: written as it was)."""
        budget.step(1 + escaping * budget.cost(text))
        return budget.write(text)

    def write_escaped(context, value):
        if hasattr(value, "__html__"):
            return written(escape(value), 1 if isinstance(value, MarkdownText) else 0)
        return written(escape(budget.text(value)), 1)

    def write(context, value):
        return written(budget.text(value), 0)

    def write_volatile(context, value):  # {% autoescape expression %}: known only while rendering
        return (write_escaped if context.eval_ctx.autoescape else write)(context, value)

    def write_markdown(context, value):
        trusted = template_formats.trusted_in_markdown(value)
        text = template_formats.markdown(value, value if isinstance(value, str) else budget.text(value))
        return written(MarkdownText(text), 0 if trusted else SLOW["markdown"])

    def joined(parts: list) -> list:
        texts = [budget.text(part) for part in parts]
        budget.fits(sum(map(len, texts)))
        budget.step(1 + sum(map(budget.cost, texts)))
        return texts

    def concat_escaped(context, parts):
        return markup_join(joined(parts))

    def concat(context, parts):
        return "".join(joined(parts))

    def concat_volatile(context, parts):
        return (concat_escaped if context.eval_ctx.autoescape else concat)(context, parts)

    def concat_markdown(context, parts):
        return template_formats.markdown_join(joined(parts))

    internal = {"items": items, "read": read, "other_template": other_template, "text": text,
                "text_markdown": text_markdown, "write_escaped": write_escaped, "write": write,
                "write_volatile": write_volatile, "write_markdown": write_markdown, "concat_escaped": concat_escaped,
                "concat": concat, "concat_volatile": concat_volatile, "concat_markdown": concat_markdown}
    # named so that no template can use them: a filter's name in a template is a word
    return {f"lkjipdsl:{name}": pass_context(function) for name, function in internal.items()}


def _globals(budget: Budget) -> dict:
    def counted_range(*args):
        numbers = range(*args)
        budget.fits(range_length(numbers), "list")
        return numbers

    def lipsum(n=5, html=True, min=20, max=100):  # noqa: A002 — jinja2's names
        size = abs(as_int(n) or 0) * abs(as_int(max) or 0) * 12  # words of at most 11 letters and a space
        budget.fits(size)
        budget.step(SLOW["lipsum"] * size // STEP_CHARACTERS)
        return generate_lorem_ipsum(n, html, min, max)

    return {"range": counted_range, "lipsum": lipsum}


# ---- what the compiled template counts ----
def _through(node, name: str):
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


class _Counting(NodeTransformer):
    """Rewrites a template's tree so that its loops, output, `~` and comparisons are counted, and
    what it writes is escaped as its format, and its `{% autoescape %}` blocks, say: decided here,
    as jinja2 decides it, so that a template extending another of another format keeps its own."""

    def __init__(self, form: str):
        self.markdown = form == "markdown"
        self.escaping: bool | None = form == "html"  # None: decided while rendering

    def _suffix(self) -> str:
        if self.markdown:
            return "_markdown"
        return {True: "_escaped", False: "", None: "_volatile"}[self.escaping]

    def visit_ScopedEvalContextModifier(self, node):  # noqa: N802 — jinja2's visitor; {% autoescape x %}
        outer = self.escaping
        for option in node.options:
            if option.key == "autoescape":
                self.escaping = bool(option.value.value) if isinstance(option.value, nodes.Const) else None
        node = self.generic_visit(node)
        self.escaping = outer
        return node

    def visit_For(self, node):  # noqa: N802
        node = self.generic_visit(node)
        node.iter = _through(node.iter, "lkjipdsl:items")
        return node

    def _other_template(self, node):
        node = self.generic_visit(node)
        node.template = _through(node.template, "lkjipdsl:other_template")
        return node

    visit_Include = visit_Import = visit_FromImport = visit_Extends = _other_template  # noqa: N815

    def visit_Concat(self, node):  # noqa: N802
        node = self.generic_visit(node)
        return _through(nodes.List(node.nodes, lineno=node.lineno), "lkjipdsl:concat" + self._suffix())

    def visit_Compare(self, node):  # noqa: N802
        node = self.generic_visit(node)
        node.expr = _through(node.expr, "lkjipdsl:read")
        for operand in node.ops:
            operand.expr = _through(operand.expr, "lkjipdsl:read")
        return node

    def visit_Output(self, node):  # noqa: N802
        node = self.generic_visit(node)
        text, value = "lkjipdsl:text_markdown" if self.markdown else "lkjipdsl:text", "lkjipdsl:write" + self._suffix()
        node.nodes = [_through(child, text if isinstance(child, nodes.TemplateData) else value) for child in node.nodes]
        return node
