"""Stage 1, fast path for expressions: the `rumus` and `jika` of well-formed specs without Lark.

A spec's expressions are few and short (`serapan < 50`, `(a.x + a.y) / 2`), but parsing them with
Lark meant importing it and loading its parser in every process, a tenth of what `lkjipdsl eval`
took. This recursive-descent parser reads the expression sub-grammar of grammar/lkj.lark and
builds exactly the tree (values and spans) that the Lark builder (lkjipdsl.syntax.lark_builder)
builds. Whatever it is not sure of (a keyword word used as a name, a comment, a line continuation,
a syntax error, a long or deep expression) makes `parse` return None, and `parse_expression`
asks Lark, which has the last word. tests/test_exprscan.py checks the two against each other.
"""

from __future__ import annotations

import functools
import re

from ..diagnostics import Origin, PartSpan, Span
from . import tree as st
from .lexicon import (
    ADDITION, AND_WORDS, AT_YEAR, COMPARISONS, KEYWORDS, MINUS, MULTIPLICATIONS, NAME, NOT_WORDS, NUMBER,
    OPERATOR_ALIASES, OR_WORDS, STRING, alternatives, unquote,
)
from ..patterns import compiled

_OPERATORS = COMPARISONS + (ADDITION, MINUS) + MULTIPLICATIONS + ("(", ")", ",", ".")
# the operators of two characters first, then those of one, as one class
_OPERATOR_TEXT = (f"(?P<op>{alternatives(op for op in _OPERATORS if len(op) == 2)}"
                  f"|[{re.escape(''.join(op for op in _OPERATORS if len(op) == 1))}])")
_NAME_TEXT = f"(?P<name>{NAME})"
# Where an operand may stand: numbers first (Lark's NUMBER has priority 2: `-5` and `Rp 5` are numbers).
_OPERAND = compiled(f"(?P<number>{NUMBER})|(?P<string>{STRING})|{_NAME_TEXT}|{_OPERATOR_TEXT}")
# After an operand: operators, and names only as the keywords atau/dan/or/and (anything else is unsure).
_OPERATOR = compiled(_OPERATOR_TEXT + "|" + _NAME_TEXT)
MAX_TOKENS = 100  # beyond this, Lark decides (its tree of a long chain is deep)
MAX_PARENTHESES = 20
_AT_YEAR = compiled(AT_YEAR)
_COMPARISONS = frozenset(COMPARISONS)
SUMS = frozenset((ADDITION, MINUS))
PRODUCTS = frozenset(MULTIPLICATIONS)


class _Unsure(Exception):
    """Not certainly what Lark would build: leave it to Lark."""


def parse_expression(source: str, file: str, line: int, column: int) -> st.Expr | None:
    """An expression that stands at line:column of a file, parsed on its own; None if it does not parse.

    The plain expressions of well-formed specs take the fast path (`parse`); Lark decides the rest."""
    fast = parse(source, file, line, column)
    if fast is not None:
        return fast
    from .lark_parser import parse_expression_with_lark  # only for what the fast path is unsure of

    return parse_expression_with_lark(source, file, line, column)


def parse_in_part(source: str, origin: Origin, line: int, column: int) -> st.Expr | None:
    """`parse_expression` of an expression on line `line` (counted from 0) of the part that starts
    at `origin`: its spans are PartSpans of that part, whichever parser read it."""
    fast = parse(source, origin, line, column)
    if fast is not None:
        return fast
    from .lark_parser import parse_expression_with_lark

    expr = parse_expression_with_lark(source, origin.file, 1, column)
    return None if expr is None else in_part(expr, origin, line - 1)


def in_part(node, origin: Origin, shift: int):
    """A syntax node whose Spans (counted from the top of their text) become PartSpans of `origin`,
    their lines moved by `shift`."""
    if type(node) is Span:
        return _part_span((origin, node.line + shift, node.column, node.end_line + shift, node.end_column))
    if isinstance(node, tuple):
        converted = [in_part(value, origin, shift) for value in node]
        return node._make(converted) if hasattr(node, "_make") else tuple(converted)
    return node


_part_span = functools.partial(tuple.__new__, PartSpan)
_span = functools.partial(tuple.__new__, Span)


def parse(source: str, file: str | Origin, line: int, column: int) -> st.Expr | None:
    """The expression `source`, standing at line:column of `file`; None when Lark should decide.
    With an Origin for the file, the line is counted from the part's first (0) and the spans are
    PartSpans."""
    if source.count("(") > MAX_PARENTHESES:
        return None
    try:
        parser = _Parser(source, file, line, column)
        expr = parser.expr()
        if parser.peek() is not None:
            return None
        return expr
    except (_Unsure, RecursionError):
        return None


class _Parser:
    def __init__(self, source: str, file: str | Origin, line: int, column: int):
        self.source = source
        self.file = file
        self.make_span = _part_span if isinstance(file, Origin) else _span
        self.line = line
        self.base = column  # the column of source[0]
        self.pos = 0
        self.count = 0
        self.peeked: tuple[bool, tuple[str, str, int] | None] | None = None  # (operand, token)

    # ---- tokens ----
    def peek(self, operand: bool = False) -> tuple[str, str, int] | None:
        """The next token as (kind, text, offset in source), None at the end. Where an operand may
        stand, a '-' before digits starts a number (Lark's contextual lexer); elsewhere it is the operator."""
        if self.peeked is None or self.peeked[0] != operand:
            self.peeked = (operand, self._scan(operand))
        return self.peeked[1]

    def take(self, operand: bool = False) -> tuple[str, str, int]:
        token = self.peek(operand)
        if token is None:
            raise _Unsure("the expression ends too early")
        self.peeked = None
        self.pos = token[2] + len(token[1])
        self.count += 1
        if self.count > MAX_TOKENS:
            raise _Unsure("a long expression")
        return token

    def _scan(self, operand: bool) -> tuple[str, str, int] | None:
        source, pos = self.source, self.pos
        while pos < len(source) and source[pos] in " \t":
            pos += 1
        if pos >= len(source):
            return None
        match = (_OPERAND if operand else _OPERATOR).match(source, pos)
        if match is None:
            raise _Unsure(f"unexpected character {source[pos]!r}")
        return match.lastgroup, match.group(), pos

    def span(self, token: tuple[str, str, int]) -> Span:
        column = self.base + token[2]
        return self.make_span((self.file, self.line, column, self.line, column + len(token[1])))

    def join(self, first: Span, last: Span) -> Span:
        # the stored fields, not the derived ones: a PartSpan's lines are counted within its part
        return self.make_span((self.file, first[1], first[2], last[3], last[4]))

    def _keyword(self, words: tuple[str, str], operand: bool = False) -> tuple[str, str, int] | None:
        token = self.peek(operand)
        if token is not None and token[0] == "name" and token[1] in words:
            return token
        return None

    # ---- grammar: expr > or > and > not > comparison > sum > product > unary > primary ----
    def expr(self) -> st.Expr:
        left = self.and_expr()
        while self._keyword(OR_WORDS):
            self.take()
            right = self.and_expr()
            left = st.BinOp("or", left, right, self.join(left.span, right.span))
        return left

    def and_expr(self) -> st.Expr:
        left = self.not_expr()
        while self._keyword(AND_WORDS):
            self.take()
            right = self.not_expr()
            left = st.BinOp("and", left, right, self.join(left.span, right.span))
        return left

    def not_expr(self) -> st.Expr:
        keyword = self._keyword(NOT_WORDS, operand=True)
        if keyword is None:
            return self.comparison()
        self.take(operand=True)
        operand = self.not_expr()
        # 'tidak' is a named terminal, kept in the tree; 'not' is anonymous, so Lark's span is the operand's
        start = self.span(keyword) if keyword[1] == NOT_WORDS[0] else operand.span
        return st.Unary("not", operand, self.join(start, operand.span))

    def comparison(self) -> st.Expr:
        left = self.sum()
        token = self.peek()
        if token is None or token[0] != "op" or token[1] not in _COMPARISONS:
            return left
        self.take()
        right = self.sum()
        after = self.peek()
        if after is not None and after[0] == "op" and after[1] in _COMPARISONS:
            raise _Unsure("a comparison of a comparison")
        symbol = OPERATOR_ALIASES.get(token[1], token[1])
        return st.BinOp(symbol, left, right, self.join(left.span, right.span))

    def sum(self) -> st.Expr:
        left = self.product()
        while True:
            token = self.peek()
            if token is None or token[0] != "op" or token[1] not in SUMS:
                return left
            self.take()
            right = self.product()
            left = st.BinOp(token[1], left, right, self.join(left.span, right.span))

    def product(self) -> st.Expr:
        left = self.unary()
        while True:
            token = self.peek()
            if token is None or token[0] != "op" or token[1] not in PRODUCTS:
                return left
            self.take()
            right = self.unary()
            symbol = OPERATOR_ALIASES.get(token[1], token[1])
            left = st.BinOp(symbol, left, right, self.join(left.span, right.span))

    def unary(self) -> st.Expr:
        token = self.peek(operand=True)
        if token is None or token[1] != MINUS or token[0] != "op":
            return self.primary()
        self.take(operand=True)
        operand = self.unary()
        return st.Unary("-", operand, self.join(self.span(token), operand.span))

    def primary(self) -> st.Expr:
        token = self.take(operand=True)
        kind, text, _ = token
        if kind == "number":
            return st.Num(text, self.span(token))
        if kind == "string":
            return st.Str(unquote(text), self.span(token))
        if kind == "op" and text == "(":
            expr = self.expr()
            close = self.take()
            if close[1] != ")" or close[0] != "op":
                raise _Unsure("'(' not closed")
            return expr._replace(span=self.join(self.span(token), self.span(close)))
        if kind != "name" or text in KEYWORDS:
            raise _Unsure(f"{text!r} where a value should stand")
        dated = self._at_year(token)
        if dated is not token:
            return st.Var(dated[1], self.span(dated))
        after = self.peek()
        if after is not None and after[0] == "op" and after[1] == ".":
            self.take()
            field = self.take(operand=True)
            if field[0] != "name" or field[1] in KEYWORDS:
                raise _Unsure("'.' not followed by a name")
            field = self._at_year(field)
            return st.Ref(text, field[1], self.join(self.span(token), self.span(field)))
        if after is not None and after[0] == "op" and after[1] == "(":
            return self._call(token)
        return st.Var(text, self.span(token))

    def _at_year(self, name: tuple[str, str, int]) -> tuple[str, str, int]:
        """The name with the `@2022` written right after it, as one token (the grammar's AT_YEAR)."""
        match = _AT_YEAR.match(self.source, self.pos)
        if match is None:
            return name
        self.pos, self.peeked = match.end(), None
        return name[0], name[1] + match.group(), name[2]

    def _call(self, name: tuple[str, str, int]) -> st.Call:
        self.take()  # '('
        args: list[st.Expr] = []
        close = self.peek(operand=True)
        if close is None or close[1] != ")" or close[0] != "op":
            while True:
                args.append(self.expr())
                close = self.peek()
                if close is None or close[0] != "op" or close[1] not in (",", ")"):
                    raise _Unsure("an argument list not closed")
                if close[1] == ")":
                    break
                self.take()
        self.take(operand=not args)  # ')'
        # as the Lark builder does: from the name to the last argument, widened over the parentheses
        start = self.span(name)
        span = self.join(start, args[-1].span if args else start)
        if not args:
            span = self._extend_to(span, "(")
        return st.Call(name[1], tuple(args), self._extend_to(span, ")"))

    def _extend_to(self, span: Span, paren: str) -> Span:
        rest = self.source[span.end_column - self.base:]
        stripped = rest.lstrip()
        if stripped.startswith(paren):
            return span._replace(end_column=span.end_column + (len(rest) - len(stripped)) + 1)
        return span
