"""Warnings a planner has looked at and accepted, silenced for one line by a comment on it:

    realisasi 3,125  # lkjipdsl: abaikan W214
    anggaran 59,011,380.00  // lkjipdsl: abaikan W215, W210

A warning (never an error) whose place starts on a line with such a comment, and whose code the
comment names, is not reported. `abaikan` is the keyword; the codes are separated by commas or
spaces. The text is searched only when it holds "lkjipdsl:" at all.
"""

from __future__ import annotations


from ..diagnostics import Diagnostic, Severity
from .lexicon import STRING_OR_COMMENT
from ..patterns import deferred

MARK = "lkjipdsl:"
_STRING_OR_COMMENT = deferred(STRING_OR_COMMENT)
_DIRECTIVE = deferred(r"lkjipdsl:[ \t]*abaikan[ \t]+((?:W[0-9]{3}[ \t,]*)+)")
_CODE = deferred(r"W[0-9]{3}")


def silenced(source: str) -> dict[int, frozenset[str]]:
    """Line number → the warning codes a comment on that line silences."""
    found: dict[int, frozenset[str]] = {}
    if MARK not in source:
        return found
    for number, line in enumerate(source.split("\n"), 1):
        if MARK not in line:
            continue
        codes: set[str] = set()
        for match in _STRING_OR_COMMENT.finditer(line):
            if match.group().startswith('"'):
                continue  # a quoted text that says it is not a comment
            for directive in _DIRECTIVE.finditer(match.group()):
                codes.update(_CODE.findall(directive.group(1)))
        if codes:
            found[number] = frozenset(codes)
    return found


def unsilenced(diagnostics: list[Diagnostic], source: str) -> list[Diagnostic]:
    """The diagnostics without the warnings silenced by a comment on their line."""
    lines = silenced(source)
    if not lines:
        return diagnostics
    return [d for d in diagnostics
            if not (d.severity is Severity.WARNING and d.code in lines.get(getattr(d.span, "line", None), ()))]
