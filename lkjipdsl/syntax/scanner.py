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
# The blanks and the key are possessive or atomic too: giving back a blank or a letter can never
# make the line match (what follows is neither), and a line that is not one of these (a `tercetak`
# row, a block's name) is then given up without trying each shorter indentation and key: half the
# time these two patterns spend on the lines they do not read (Seririt: 1,5 → 0,8 ms).
_NUMBERS_LINE = compiled(
    f"{BLANK}*+"
    f"((?>{NAME}))"
    f"{BLANK}++(?>({NUMBER}))"
    f"(?:{BLANK}+(?>({NUMBER})))?"
    f"(?:{BLANK}+(?>({NUMBER})))?"
    f"{BLANK}*(?:{COMMENT})?"
    r"([\n;])")

# The same lines when their numbers are plain or grouped digits and they end at once (most of a
# large spec's lines): a simpler pattern, a third faster, tried first. Where it matches,
# _NUMBERS_LINE matches with the same groups (digits end a NUMBER before a blank or a terminator).
_DIGITS = r"[0-9]+(?:\.[0-9]+)*"
_PLAIN_NUMBERS_LINE = compiled(
    rf"[ \t]*+([^\W\d]\w*+)[ \t]++({_DIGITS})(?:[ \t]+({_DIGITS}))?(?:[ \t]+({_DIGITS}))?[ \t]*([\n;])")

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
    statements, count = _read(text, origin, limits.max_nesting_depth)
    if count > limits.max_tokens:
        raise Fallback("more tokens than max_tokens")
    return statements, count


def _read(text: str, origin: Origin, max_depth: int) -> tuple[tuple[st.Statement, ...], int]:
    """The statements of the text and how many tokens it holds, in one pass over its tokens.

    Lines are counted from the part's first (0). A token is what _TOKEN matches: every one counts
    towards max_tokens but comments; a line of numbers (_NUMBERS_LINE) counts its key, each number
    and its terminator, and a periode body read as Rows its line break and each row's key, two
    figures and line break, as if they had been read one by one."""
    body: list = []  # the statements of the block being read (of the text at the top)
    parents: list = []  # for each block open around it: (its parent's body, key, key span, atoms)
    count = 0
    line, line_start, pos, end = 0, 0, 0, len(text)
    match = _TOKEN.match
    numbers_line = _NUMBERS_LINE.match
    plain_numbers_line = _PLAIN_NUMBERS_LINE.match
    at_line_start = True
    ended = False  # a statement ended on this line: only a line break, a '}' or the end may follow
    while True:
        if at_line_start and pos < end:
            at_line_start = False
            m = plain_numbers_line(text, pos) or numbers_line(text, pos)
            if m is not None:
                _, (key_start, key_end), (start, stop), second, third, (terminator, after) = m.regs
                key = text[key_start:key_end]
                if key not in EXPRESSION_KEYS:  # a whole line of numbers, its terminator read with it
                    base = line_start - 1
                    first = _Atom(("number", text[start:stop], _Span((origin, line, start - base, line, stop - base)),
                                   None))
                    start, stop = second
                    if start < 0:
                        numbers: tuple = (first,)
                    else:
                        atom = _Atom(("number", text[start:stop],
                                      _Span((origin, line, start - base, line, stop - base)), None))
                        start, stop = third
                        numbers = (first, atom) if start < 0 else (first, atom, _Atom((
                            "number", text[start:stop], _Span((origin, line, start - base, line, stop - base)), None)))
                    body.append(_Attr((key, _Span((origin, line, key_start - base, line, key_end - base)), numbers)))
                    count += len(numbers) + 2  # the key, the numbers and the terminator
                    pos = after
                    if text[terminator] == "\n":
                        line, line_start = line + 1, pos
                    at_line_start = True
                    continue
        m = match(text, pos)
        if m is None:
            raise Fallback(f"unexpected character {text[pos:].lstrip(BLANK_CHARACTERS)[:1]!r}")
        kind = m.lastgroup
        start, pos = m.span(kind)
        if kind == "comment":
            continue
        if kind == "nl":
            count += 1
            if text[start] == "\n":
                line, line_start = line + 1, pos
            at_line_start, ended = True, False
            continue
        if kind == "rbrace":
            count += 1
            if not parents:
                raise Fallback("a '}' without a block")
            parent, block_key, block_key_span, block_atoms = parents.pop()
            parent.append(st.Block(block_key, block_key_span, block_atoms, tuple(body)))
            body, ended = parent, True
            continue
        if kind == "end":
            break
        if ended:
            raise Fallback("two statements on one line")
        if kind != "name":
            raise Fallback("a statement starts with a keyword")
        # a statement: its key, then its values up to the line's end, a '}' or a '{' that opens its body
        key = text[start:pos]
        base = line_start - 1
        key_span = _Span((origin, line, start - base, line, pos - base))
        count += 1
        if key in EXPRESSION_KEYS:
            statement, pos = _expression_statement(key, key_span, start, text, origin)
            body.append(statement)
            ended = True
            continue
        atoms: list = []
        m = match(text, pos)
        while True:
            if m is None:
                raise Fallback(f"unexpected character {text[pos:].lstrip(BLANK_CHARACTERS)[:1]!r}")
            kind = m.lastgroup
            start, pos = m.span(kind)
            if kind == "number":
                count += 1
                value = text[start:pos]
                m = match(text, pos)
                if m is not None and m.lastgroup == "range":  # `low..high`
                    m = match(text, m.end())
                    if m is None or m.lastgroup != "number":
                        raise Fallback("a range needs two numbers")
                    high_start, pos = m.span("number")
                    count += 2
                    atoms.append(st.Atom("range", value, _Span((origin, line, start - base, line, pos - base)),
                                         text[high_start:pos]))
                    m = match(text, pos)
                    continue
                atoms.append(_Atom((kind, value, _Span((origin, line, start - base, line, pos - base)), None)))
                continue
            if kind == "string":
                atoms.append(_Atom((kind, unquote(text[start:pos]), _Span((origin, line, start - base, line,
                                                                           pos - base)), None)))
            elif kind == "name" or kind == "no_value":  # `n/a` is a name where a value stands
                value = text[start:pos]
                if value in EXPRESSION_KEYS:
                    raise Fallback("an expression keyword as a value")
                atoms.append(_Atom(("name", value, _Span((origin, line, start - base, line, pos - base)), None)))
            elif kind == "dash":
                atoms.append(_Atom((kind, "-", _Span((origin, line, start - base, line, start - base + 1)), None)))
            elif kind == "op":
                atoms.append(_Atom((kind, text[start:pos], _Span((origin, line, start - base, line, pos - base)),
                                    None)))
            elif kind == "comment":  # the line's end comes next
                m = match(text, pos)
                continue
            elif kind == "lbrace":
                count += 1
                if len(parents) >= max_depth:
                    raise Fallback("blocks nested deeper than max_nesting_depth")
                rows = rows_at(text, pos, origin, line) if key == PERIOD_KEY else None
                if rows is not None:  # the months of a periode block, read by the builder from the text
                    line, line_start = line + 1 + rows.line_count, rows.end
                    m = match(text, rows.end)  # the block's '}' (rows_at looked)
                    # the line break after '{', each row's key, two figures and line break, and the '}'
                    count += 4 * rows.line_count + 2
                    pos = m.end()
                    body.append(st.Block(key, key_span, tuple(atoms), rows))
                    ended = True
                else:
                    parents.append((body, key, key_span, tuple(atoms)))
                    body, ended = [], False
                break
            elif kind == "nl":
                body.append(_Attr((key, key_span, tuple(atoms))))
                count += 1
                if text[start] == "\n":
                    line, line_start = line + 1, pos
                at_line_start = True
                break
            elif kind == "rbrace" or kind == "end":  # read again by the loop above
                body.append(_Attr((key, key_span, tuple(atoms))))
                pos, ended = start, True
                break
            else:  # a range without a number before it
                raise Fallback(f"unexpected {kind} in a statement")
            count += 1
            m = match(text, pos)
    if parents:
        raise Fallback("a block is not closed")
    return tuple(body), count


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


def _expression_statement(key: str, key_span: Span, position: int, text: str, origin: Origin
                          ) -> tuple[st.ExprAttr, int]:
    """The statement of a `rumus` or `jika` whose key starts at `position`, and where its expression ends."""
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
    return st.ExprAttr(key, key_span, expr, stripped), end

