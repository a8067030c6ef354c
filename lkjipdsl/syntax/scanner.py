"""Stage 1, fast path: read well-formed statement structure with one regular expression.

Real specs are mostly long runs of `key value value` lines. Lark's LALR parser reads them at
about 1,5 MB/s; this scanner reads the same grammar (grammar/lkj.lark, with the patterns of
lkjipdsl.syntax.lexicon) several times faster by matching tokens with one compiled pattern and
building the syntax tree in one loop. Expressions (`rumus`, `jika`) go to
exprscan.parse_expression (its fast path, or Lark's `expr` rule when it is unsure). Anything the
scanner does not expect raises `Fallback`, and lkjipdsl.syntax.parse hands the parts it could not
read to Lark, which reports syntax errors precisely and recovers from them. A differential test
(tests/test_scanner.py) checks that both paths build identical trees.
"""

from __future__ import annotations

import functools
import re

from .. import limits as limits_module
from ..diagnostics import Origin, PartSpan, Span
from . import exprscan
from . import tree as st
from .lexicon import (
    BLANK, BLANK_CHARACTERS, COMMENT, COMPARISONS, EXPRESSION_KEYS, MINUS, NAME, NO_VALUE_WORD, NUMBER, PERIOD_ROW,
    RANGE, STRING, alternatives, unquote,
)
from ..patterns import deferred
from .prescan import expression_parts
from ..patterns import compiled

PERIOD_KEY = "periode"  # the block whose body may come as Rows


class Fallback(Exception):
    """The text is not plain well-formed statements; let the full parser handle it."""


# One token after the blanks before it (matched with it: they are two fifths of what a spec holds);
# its kind is the name of the group that matched, "end" for blanks that end the text. A carriage
# return is a blank: lines end at "\n".
_TOKEN_KINDS = (
    ("comment", COMMENT),
    ("nl", r"\n|;"),
    ("number", NUMBER),
    ("string", STRING),
    ("no_value", NO_VALUE_WORD),
    ("name", NAME),
    ("range", re.escape(RANGE)),
    ("op", alternatives(COMPARISONS)),
    ("dash", re.escape(MINUS)),
    ("lbrace", r"\{"),
    ("rbrace", r"\}"),
    ("end", r"\Z"),
)
_TOKEN = compiled(BLANK + "*(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _TOKEN_KINDS) + ")")

# The lines that make up most of a spec, `key number [number [number]]` (a month's target and
# realisasi, an anggaran): read whole with one match instead of one per token. The numbers are
# atomic groups, so they end where _TOKEN's would; any other line takes the token-by-token path.
_NUMBERS_LINE = compiled(
    f"{BLANK}*"
    f"({NAME})"
    f"{BLANK}+(?>({NUMBER}))"
    f"(?:{BLANK}+(?>({NUMBER})))?"
    f"(?:{BLANK}+(?>({NUMBER})))?"
    f"{BLANK}*(?:{COMMENT})?"
    r"([\n;])")

# The same lines when their numbers are plain or grouped digits and they end at once (most of a
# large spec's lines): a simpler pattern, a third faster, tried first. Where it matches,
# _NUMBERS_LINE matches with the same groups (digits end a NUMBER before a blank or a terminator).
_DIGITS = r"[0-9]+(?:\.[0-9]+)*"
_PLAIN_NUMBERS_LINE = compiled(
    rf"[ \t]*([^\W\d]\w*)[ \t]+({_DIGITS})(?:[ \t]+({_DIGITS}))?(?:[ \t]+({_DIGITS}))?[ \t]*([\n;])")

# The rest of a periode block's opening line and its body, when every line of it is a PERIOD_ROW,
# up to the line of its closing brace (tree.Rows).
_PERIOD_BODY = deferred(rf"[ \t]*\n((?:{PERIOD_ROW})++)(?=[ \t]*\}})")

# where an expression ends: the line's end, ';', '}' or a comment (a quoted text is stepped over whole)
_EXPRESSION_END = compiled(STRING + r'|[\n;}#]|//|\\')


def scan(text: str, file: str, first_line: int = 1) -> tuple[st.Statement, ...]:
    """The statements of a well-formed file (or of a part of one that starts at first_line), or Fallback.
    Their spans are PartSpans counted from the part's Origin (lkjipdsl.diagnostics).

    The limits that protect the parser (max_tokens, max_nesting_depth and the size of expressions)
    are enforced here too, conservatively: near them the scanner falls back, and the caller's
    `prescan.deep_checks` decides before Lark sees the text."""
    return scan_counted(text, Origin(file, first_line))[0]


def scan_counted(text: str, origin: Origin | str) -> tuple[tuple[st.Statement, ...], int]:
    """`scan` of a part that starts at `origin` (a file's name: at its first line), and the number
    of tokens it read (for max_tokens over a file read in parts)."""
    limits = limits_module.current()
    origin = Origin(origin, 1) if isinstance(origin, str) else origin
    tokens, count = _tokens(text, origin)
    if count > limits.max_tokens:
        raise Fallback("more tokens than max_tokens")
    statements, index = _statements(tokens, 0, text, origin, top=True, depth=limits.max_nesting_depth)
    if index != len(tokens):
        raise Fallback("unexpected '}' at the top level")
    return statements, count


def _tokens(text: str, origin: Origin | str) -> tuple[list[tuple], int]:
    """(kind, text, line, column, position) for every significant token (the line counted from the
    part's first, 0), and how many tokens the text holds. A line of numbers (_NUMBERS_LINE) comes
    as one ("attr", Attr, ...) token, already built, which stands for its terminator too (no "nl"
    token follows it); the count still counts its key, each number and the terminator."""
    origin = Origin(origin, 1) if isinstance(origin, str) else origin
    out = []
    append = out.append
    line, line_start, pos, end = 0, 0, 0, len(text)
    match = _TOKEN.match
    numbers_line = _NUMBERS_LINE.match
    plain_numbers_line = _PLAIN_NUMBERS_LINE.match
    folded = 0  # the tokens inside "attr" tokens, beyond the one each stands for
    at_line_start = True
    first = 0  # the index of the current statement's first token
    while pos < end:
        if at_line_start:
            at_line_start = False
            first = len(out)
            m = plain_numbers_line(text, pos) or numbers_line(text, pos)
            if m is not None:
                # the line's Attr, built here (most lines of a large spec); no "nl" token follows it
                # (its terminator is part of the match): _statements knows that an attr ends its line
                _, (key_start, key_end), (start, stop), second, third, (terminator, pos) = m.regs
                key = text[key_start:key_end]
                if key not in EXPRESSION_KEYS:
                    base = line_start - 1
                    first = _Atom(("number", text[start:stop], _Span((origin, line, start - base, line, stop - base)),
                                   None))
                    start, stop = second
                    if start < 0:
                        atoms = (first,)
                    else:
                        atom = _Atom(("number", text[start:stop],
                                      _Span((origin, line, start - base, line, stop - base)), None))
                        start, stop = third
                        atoms = (first, atom) if start < 0 else (first, atom, _Atom((
                            "number", text[start:stop], _Span((origin, line, start - base, line, stop - base)), None)))
                    column = key_start - base
                    append(("attr", _Attr((key, _Span((origin, line, column, line, key_end - base)), atoms)),
                            line, column, key_start))
                    folded += len(atoms) + 1  # the key's token is the attr's; the numbers and the terminator
                    if text[terminator] == "\n":
                        line, line_start = line + 1, pos
                    at_line_start = True
                    continue
                pos = m.start()
        m = match(text, pos)
        if m is None:
            raise Fallback(f"unexpected character {text[pos:].lstrip(BLANK_CHARACTERS)[:1]!r}")
        kind = m.lastgroup
        start, pos = m.start(kind), m.end()
        if kind == "comment":
            continue
        if kind == "nl":
            append(("nl", text[start], line, start - line_start + 1, start))
            if text[start] == "\n":
                line, line_start = line + 1, pos
            at_line_start = True
            continue
        if kind == "end":
            break
        value = m.group(kind)
        if kind == "name" and value in EXPRESSION_KEYS:
            kind = "expr_key"
        append((kind, value, line, start - line_start + 1, start))
        if kind == "expr_key":
            pos = _skip_expression(text, pos)
        elif kind == "lbrace" and out[first][1] == PERIOD_KEY and out[first][0] == "name":
            rows = rows_at(text, pos, origin, line)
            if rows is not None:  # the months of a periode block, read by the builder from the text
                count = rows.line_count
                append(("rows", rows, line + 1, 1, rows.start))
                folded += 4 * count  # the line break after '{', and each row's key, numbers and line break
                line, line_start = line + 1 + count, rows.end
                pos = rows.end
                at_line_start = True
    return out, len(out) + folded


# Built from a tuple: a NamedTuple's own __new__ is a Python function, twice as slow, and these
# are made once per number of a large spec.
_Span = functools.partial(tuple.__new__, PartSpan)
_Atom = functools.partial(tuple.__new__, st.Atom)
_Attr = functools.partial(tuple.__new__, st.Attr)


def rows_at(text: str, pos: int, origin: Origin, line: int) -> st.Rows | None:
    """The Rows of the body after a periode block's `{` at `pos` (on line `line` of the part), or
    None when the body holds anything else."""
    m = _PERIOD_BODY.match(text, pos)
    if m is None:
        return None
    start, end = m.span(1)
    for key in EXPRESSION_KEYS:
        if key in text[start:end]:  # `rumus 1 2` is an expression, not a row: read token by token
            return None
    return st.Rows(origin, text, start, end, line + 1)


def _skip_expression(text: str, pos: int) -> int:
    """Where the expression after `rumus`/`jika` ends: the line's end, ';', '}' or a comment."""
    for m in _EXPRESSION_END.finditer(text, pos):
        token = m.group()
        if token.startswith('"'):
            continue
        if token == "\\":
            raise Fallback("line continuation inside an expression")
        return m.start()
    return len(text)


def _statements(tokens, index: int, text: str, origin: Origin, top: bool, depth: int):
    """depth: how many more levels of blocks may open."""
    statements = []
    count = len(tokens)
    while index < count:
        kind = tokens[index][0]
        if kind == "nl":
            index += 1
            continue
        if kind == "rbrace":
            if top:
                raise Fallback("a '}' without a block")
            return tuple(statements), index
        if kind == "attr":  # a whole line, its terminator read with it
            statements.append(tokens[index][1])
            index += 1
            continue
        statement, index = _statement(tokens, index, text, origin, depth)
        statements.append(statement)
        if index < count and tokens[index][0] not in ("nl", "rbrace"):
            raise Fallback("two statements on one line")
    if not top:
        raise Fallback("a block is not closed")
    return tuple(statements), index


def _statement(tokens, index: int, text: str, origin: Origin, depth: int):
    kind, key, line, column, position = tokens[index]
    key_span = _Span((origin, line, column, line, column + len(key)))
    if kind == "expr_key":
        return _expression_statement(key, key_span, position, text, origin), index + 1
    if kind != "name":
        raise Fallback("a statement starts with a keyword")
    index += 1
    atoms = []
    count = len(tokens)
    while index < count:
        kind, value, line, column, _ = tokens[index]
        if kind == "number":
            if index + 2 < count and tokens[index + 1][0] == "range":
                high_kind, high, high_line, high_column, _ = tokens[index + 2]
                if high_kind != "number":
                    raise Fallback("a range needs two numbers")
                atoms.append(st.Atom("range", value, _Span((origin, line, column, high_line,
                                                              high_column + len(high))), high))
                index += 3
                continue
            atoms.append(_Atom((kind, value, _Span((origin, line, column, line, column + len(value))), None)))
        elif kind == "string":
            span = _Span((origin, line, column, line, column + len(value)))
            atoms.append(_Atom((kind, unquote(value), span, None)))
        elif kind == "name" or kind == "no_value":  # `n/a` is a name where a value stands
            atoms.append(_Atom(("name", value, _Span((origin, line, column, line, column + len(value))), None)))
        elif kind == "expr_key":
            raise Fallback("an expression keyword as a value")
        elif kind == "dash":
            atoms.append(_Atom((kind, "-", _Span((origin, line, column, line, column + 1)), None)))
        elif kind == "op":
            atoms.append(_Atom((kind, value, _Span((origin, line, column, line, column + len(value))), None)))
        elif kind == "lbrace":
            if depth <= 0:
                raise Fallback("blocks nested deeper than max_nesting_depth")
            if index + 1 < count and tokens[index + 1][0] == "rows":  # its '}' comes next (rows_at looked)
                return st.Block(key, key_span, tuple(atoms), tokens[index + 1][1]), index + 3
            body, index = _statements(tokens, index + 1, text, origin, top=False, depth=depth - 1)
            return st.Block(key, key_span, tuple(atoms), body), index + 1
        elif kind == "range":
            raise Fallback("'..' without a number before it")
        else:
            break
        index += 1
    return st.Attr(key, key_span, tuple(atoms)), index


def _expression_statement(key: str, key_span: Span, position: int, text: str, origin: Origin) -> st.ExprAttr:
    start = position + len(key)
    end = _skip_expression(text, start)
    source = text[start:end]
    stripped = source.strip(BLANK_CHARACTERS)
    if not stripped:
        raise Fallback("an empty expression")
    limits = limits_module.current()
    if stripped.count("(") > limits.max_expression_depth or \
            expression_parts(stripped) > limits.max_expression_nodes:
        raise Fallback("an expression near the limits")
    offset = start + (len(source) - len(source.lstrip(BLANK_CHARACTERS)))
    column = offset - text.rfind("\n", 0, offset)
    expr = exprscan.parse_in_part(stripped, origin, key_span[1], column)
    if expr is None:
        raise Fallback("an expression that does not parse")
    return st.ExprAttr(key, key_span, expr, stripped)

