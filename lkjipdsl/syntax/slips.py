"""Planners' slips the syntax stage stops at (E001), seen in the line's text: a range written with a
word processor's dash or 's.d.' / 's/d' (sampai dengan), a ratio without its first term (:17,9), and
a budget item's code without its kind in an expression. The slips a parsed statement shows are
told by the builder (lkjipdsl.build.slips)."""

from __future__ import annotations

import re

from ..i18n import _
from ..patterns import deferred

_NUMBER = r"[0-9][0-9.,]*"
_RANGE_IN_LINE = deferred(rf"^\s*(\w+)\s+({_NUMBER})\s*(?:[–—]|s\.d\.?|s/d\.?)\s*({_NUMBER})\s*(?:[#;].*|//.*)?$",
                            re.IGNORECASE)
# `realisasi :17,9`: a ratio without its first term (after a blank: `target: 5` is a key written with ':')
_RATIO_WITHOUT_FIRST_TERM = deferred(r"(?<=[ \t]):[ \t]*([0-9]+(?:[.,][0-9]+)*)")
# `rumus 1.1.serapan`: a budget item's code where the expression needs its kind before it
_CODE_IN_EXPRESSION = deferred(r"\b(?:rumus|jika)\b.*?(?<![\w.])([0-9]+(?:\.[0-9]+)*)\.([^\W\d]\w*)")


def range_hint(key: str, low: str, high: str) -> str:
    """The hint for a range written otherwise than LOW..HIGH."""
    return _("a range is written with '..': write {example}").format(example=f"{key} {low}..{high}")


def no_value_hint() -> str:
    """The hint for a word that says "no value" where the language writes '-'."""
    return _("write '-' for no value")


def line_hint(line: str) -> str:
    """The hint for a line the syntax stage cannot read because of a planner's slip (`target 4 – 6`,
    `target 4 s.d. 6`), or ""; for its E001 (lkjipdsl.syntax.lark_parser)."""
    match = _RANGE_IN_LINE.match(line)
    if match is not None:
        key, low, high = match.groups()
        return _("a range is written with '..': write {example}").format(example=f"{key} {low}..{high}")
    match = _RATIO_WITHOUT_FIRST_TERM.search(line)
    if match is not None:
        return _("a ratio is written with both its terms, as the report prints it: {example}").format(
            example="1:" + match.group(1))
    match = _CODE_IN_EXPRESSION.search(line)
    if match is not None:
        code, field = match.groups()
        return _("an item with a code is named by its kind and code: {example}").format(
            example=f"kegiatan {code}.{field}, indikator {code}.{field}")
    return ""
