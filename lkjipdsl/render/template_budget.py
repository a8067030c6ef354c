"""What one rendering of a report template may do, and the counting of what it did.

A template's work is bounded by limits of lkjipdsl.Limits, each a diagnostic when exceeded
(the sandbox, sandbox.py, does the counting; docs/reports.md, "The sandbox", says it for users):

* steps (`max_template_steps`, T007): a loop iteration, a call, a filter, a test, an operator, a
  comparison, a slice and a value written are a step each, and what they read and make costs a
  step more per item of a list and per 32 characters of a text; the operations that take far
  longer than that cost more (SLOW, MACRO_STEPS, FORMAT_STEPS). A step is about a microsecond;
* output (`max_template_output`, T006): the characters a template writes — its text and its
  values, also inside macros and `{% set %}` blocks — counted as they are written;
* values (`max_template_value`, T008): a text or list one operation would make, measured before
  it is made wherever the operation can make more than it reads (template_estimates.py); and
  (`max_value_digits`, T008) the digits of a number.

The steps and the output allowed grow with the spec (STEPS_PER_ITEM, OUTPUT_PER_ITEM): the report
of a large spec needs no raised limit.
"""

from __future__ import annotations

import math
from decimal import Decimal

from ..i18n import _
from ..limits import Limits, number

STEP_CHARACTERS = 32
# Work per character or item far above copying it (measured: textwrap and urlize 1–3 MB/s, pprint
# 5 MB/s, lipsum 4 MB/s, title 11 MB/s, wordcount 19 MB/s, escaping for Markdown 4–20 MB/s; upper
# 1 800 MB/s)
SLOW = {"wordwrap": 16, "urlize": 32, "pprint": 8, "lipsum": 8, "title": 4, "wordcount": 2, "markdown": 4,
        # an attribute looked up through the sandbox for every item, or compared: 2–4.5 µs an item
        "sort": 4, "groupby": 4, "selectattr": 4, "rejectattr": 4, "unique": 4, "min": 4, "max": 4}
MACRO_STEPS = 32  # calling a macro (or a recursive loop's next level) takes as long as 32 plain steps
FORMAT_STEPS = 8  # str.format through the sandbox's formatter, likewise
INCLUDE_STEPS = 16  # an include, import or extends: a new context for the other template, likewise
STEPS_PER_ITEM = 200  # steps allowed per item (node) of the spec, beyond max_template_steps
OUTPUT_PER_ITEM = 4096  # characters allowed per item of the spec, beyond max_template_output
CONTAINERS = (list, tuple, dict, set, frozenset)
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
        self.environment = None  # the sandbox counting against this budget
        self._items = items
        self._small = 10 ** min(self.digits, 4000)  # numbers below have few enough digits

    # ---- steps ----
    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.steps_allowed:
            if self._items:
                message = _("rendering stopped here, after too many steps; the limit is {limit} (max_template_steps: "
                            "{base}, and {per_item} per item of the spec)")
            else:
                message = _("rendering stopped here, after too many steps; the limit is {limit} (max_template_steps)")
            raise TemplateLimit("T007", self._scaled(message, self.steps_allowed, STEPS_PER_ITEM),
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
        elif weight and kind not in _FREE and kind is not range:  # a range makes its numbers when iterated
            self.step(weight * self.cost(value))

    def cost(self, value) -> int:
        """Steps to read a value: one per 32 characters of a text, one per item of a list (inside too)."""
        if isinstance(value, str):
            return len(value) // STEP_CHARACTERS
        if isinstance(value, CONTAINERS):
            return self._walk(value) if value else 0
        if isinstance(value, (bytes, bytearray)):
            return len(value) // STEP_CHARACTERS
        if isinstance(value, range):
            return range_length(value)
        return 0

    def _walk(self, container) -> int:
        total, stack, left = 0, [container], self.steps_allowed - self.steps
        while stack:
            items = stack.pop()
            total += len(items)
            if total > left:  # the caller's step stops the rendering: no need to look further
                break
            if isinstance(items, dict):
                items = [*items.keys(), *items.values()]
            for item in items:
                if isinstance(item, str):
                    total += len(item) // STEP_CHARACTERS
                elif isinstance(item, CONTAINERS) and item:
                    stack.append(item)
        return total

    # ---- output ----
    def write(self, text: str) -> str:
        self.written += len(text)
        if self.written > self.output_allowed:
            if self._items:
                message = _("rendering stopped here, after writing too much; the limit is {limit} characters "
                            "(max_template_output: {base}, and {per_item} per item of the spec)")
            else:
                message = _("rendering stopped here, after writing too much; the limit is {limit} characters "
                            "(max_template_output)")
            raise TemplateLimit("T006", self._scaled(message, self.output_allowed, OUTPUT_PER_ITEM),
                                "max_template_output")
        return text

    # ---- values ----
    def fits(self, size: int, kind: str = "text", at_least: bool = False) -> None:
        """Refuse a text (or list) of `size` characters (items), or of more when `at_least`."""
        if size > self.longest:
            message = {("text", False): _("this would make a text of {size} characters; the limit is {limit} "
                                          "(max_template_value)"),
                       ("text", True): _("this would make a text of at least {size} characters; the limit is "
                                         "{limit} (max_template_value)"),
                       ("list", False): _("this would make a list of {size} items; the limit is {limit} "
                                          "(max_template_value)"),
                       ("list", True): _("this would make a list of at least {size} items; the limit is {limit} "
                                         "(max_template_value)")}[kind, at_least]
            raise TemplateLimit("T008", message.format(size=number(size), limit=number(self.longest)),
                                "max_template_value", None if at_least else size)

    def number(self, value, about: int | None = None) -> None:
        digits = about if about is not None else _digits(value)
        if digits > self.digits:
            if about is not None:
                message = _("this would make a number of about {digits} digits; the limit is {limit} "
                            "(max_value_digits)")
            else:
                message = _("this would make a number of {digits} digits; the limit is {limit} (max_value_digits)")
            raise TemplateLimit("T008", message.format(digits=number(digits), limit=number(self.digits)),
                                "max_value_digits", digits)

    def text(self, value) -> str:
        """str(value), its length measured before a list's text is made (a list's text holds its items')."""
        if isinstance(value, str):
            return value
        if isinstance(value, CONTAINERS) and value:
            self.fits(self.text_size(value))
        text = str(value)
        self.fits(len(text))
        return text

    def text_size(self, value) -> int:
        """The length str() would give the value, found without making it (objects' texts are made once)."""
        if isinstance(value, str):
            return len(value)
        if not isinstance(value, CONTAINERS):
            return _leaf_size(value, {})
        total, stack, seen = 0, [value], {}
        while stack:
            items = stack.pop()
            self.step(1 + len(items))
            total += 2 + 2 * len(items)
            if isinstance(items, dict):
                items = [*items.keys(), *items.values()]
            for item in items:
                if isinstance(item, CONTAINERS):
                    stack.append(item)
                else:
                    size = len(item) + 2 if isinstance(item, str) else _leaf_size(item, seen)
                    total += size
                    self.step(size // STEP_CHARACTERS)
            if total > self.longest:
                break
        return total

    def _scaled(self, message: str, allowed: int, per_item: int) -> str:
        """The message of a limit that grows with the spec, with the limit and how it is made up."""
        return message.format(limit=number(allowed), base=number(allowed - per_item * self._items),
                              per_item=number(per_item))


def range_length(value: range) -> int:
    """len(), also for ranges longer than sys.maxsize."""
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
        return _digits(value) + (value < 0)
    if isinstance(value, (float, Decimal)):
        return len(str(value))
    key = id(value)
    if key not in seen:  # an object (a node, a table): its text is made once, and bounded by the spec
        seen[key] = len(repr(value))
    return seen[key]
