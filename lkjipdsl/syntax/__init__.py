"""Stage 1: text → generic syntax tree, with syntax errors as diagnostics.

The other stages import the syntax stage from here: `prescan` (its first step: size, NUL bytes,
line breaks, characters), `parse` (statements) and `parse_expression`, `PartCache` (the parts of a
file kept between edits), `unsilenced` (the warnings a comment `# lkjipdsl: abaikan W214` on their
line silences; `silenced`, the codes by line), and the node types in `lkjipdsl.syntax.tree`;
`lkjipdsl fmt` reads the lossless tree of `lkjipdsl.syntax.lossless`.

Well-formed text never needs Lark: the scanner reads the statements and exprscan the expressions,
with the patterns of the lexicon. Lark (lark_parser, over grammar/lkj.lark) is imported only for
the parts of a text they hand over, and reports the syntax errors there. Differential tests hold
the two paths to the same trees.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from ..diagnostics import Diagnostic
from . import scanner
from . import tree as st
from .exprscan import parse_expression
from .parts import PartByPart, PartCache, balanced, scan_in_parts, split
from .scanner import Fallback
from .prescan import Prescan, deep_checks, prescan
from .silence import silenced, unsilenced
from .slips import no_value_hint, range_hint

__all__ = ["parse", "parse_expression", "parse_expression_with_lark", "parse_with_lark", "prescan", "Prescan",
           "deep_checks", "Fallback", "PartByPart", "PartCache", "scan_in_parts", "silenced", "unsilenced",
           "no_value_hint", "range_hint"]


def parse_with_lark(text: str, file: str = "<spec>") -> tuple[tuple[st.Statement, ...], list[Diagnostic]]:
    """The full parser: every syntax error reported, resuming at the next top-level statement
    (lark_parser, imported when a text first needs it: a well-formed one never does)."""
    from .lark_parser import parse_with_lark as parse_fully

    return parse_fully(text, file)


def parse_expression_with_lark(source: str, file: str, line: int, column: int) -> st.Expr | None:
    """parse_expression by Lark alone."""
    from .lark_parser import parse_expression_with_lark as parse_fully

    return parse_fully(source, file, line, column)


def parse(text: str, file: str = "<spec>",
          guard: Callable[[str], list[Diagnostic]] | None = None) -> tuple[tuple[st.Statement, ...], list[Diagnostic]]:
    """Parse a whole file. Returns the statements that parsed and the syntax diagnostics.

    Well-formed files take the scanner's fast path, one top-level part at a time (or whole, when
    the parts do not balance on their own). Anything else is parsed by Lark, which reports syntax
    errors precisely and recovers from them; `guard` (`deep_checks` for `loads`) sees the text
    first, and its diagnostics, if any, are returned instead, with no statements."""
    statements = scan_in_parts(text, file)
    if statements is None:  # e.g. blocks whose inner lines are not indented: read as one piece
        with contextlib.suppress(scanner.Fallback):
            statements = scanner.scan(text, file)
    if statements is not None:
        return statements, []
    refused = guard(text) if guard is not None else []
    if refused:
        return (), refused
    return _parse_slowly(text, file)


def _parse_slowly(text: str, file: str) -> tuple[tuple[st.Statement, ...], list[Diagnostic]]:
    """`parse` for a text the scanner gave up on: the parts it can read, Lark for the rest."""
    from .lark_parser import MAX_SYNTAX_ERRORS, too_many_errors

    parts = _top_level_parts(text)
    if parts is None:
        return parse_with_lark(text, file)
    # Only the broken top-level statements go to Lark: one parse of each, not one of the whole
    # file per error (which made a 2 MB file with late errors take 26 s).
    statements: list[st.Statement] = []
    diagnostics: list[Diagnostic] = []
    for first_line, part in parts:
        try:
            statements.extend(scanner.scan(part, file, first_line))
            continue
        except scanner.Fallback:
            pass
        parsed, problems = parse_with_lark("\n" * (first_line - 1) + part, file)
        statements.extend(parsed)
        diagnostics.extend(problems)
        if len(diagnostics) >= MAX_SYNTAX_ERRORS:
            diagnostics.append(too_many_errors())
            break
    return tuple(statements), diagnostics


def _top_level_parts(text: str) -> list[tuple[int, str]] | None:
    """The file cut before every line that starts a top-level statement, with each part's first
    line; None when a part's braces do not balance (then only the whole file tells what is wrong)."""
    cut = split(text)
    if len(cut) < 2 or not all(balanced(part) for _, part in cut):
        return None
    return cut
