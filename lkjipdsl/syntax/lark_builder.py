"""Lark's parse tree → syntax tree nodes (lkjipdsl.syntax.tree): the full parser's builder, a
Transformer run over the tree Lark returns (lkjipdsl.syntax.lark_parser).

Kept apart from lark_parser so that Lark is imported only when a spec needs the full parser:
well-formed statements take the scanner's fast path and plain expressions exprscan's.
"""

from __future__ import annotations

from lark import Token, Transformer, v_args

from ..diagnostics import Span
from . import tree as st
from .lexicon import OPERATOR_ALIASES, unquote
from .spans import extend_to_paren, join, source_text


def _span(file: str, token: Token) -> Span:
    return Span(file, token.line, token.column, token.end_line, token.end_column)


class Builder(Transformer):
    """Turns Lark's parse tree into syntax tree nodes, one method per grammar rule; one instance per file."""

    def __init__(self, file: str, text: str, line_offset: int = 0):
        super().__init__()
        self.file = file
        self.text = text
        self.line_offset = line_offset  # for an expression parsed on its own (see parse_expression)

    def _s(self, token: Token) -> Span:
        if self.line_offset:
            return Span(self.file, token.line + self.line_offset, token.column, token.end_line + self.line_offset,
                        token.end_column)
        return _span(self.file, token)

    @v_args(inline=True)
    def number(self, token):
        return st.Atom("number", str(token), self._s(token))

    @v_args(inline=True)
    def string(self, token):
        return st.Atom("string", unquote(str(token)), self._s(token))

    @v_args(inline=True)
    def name(self, token):
        return st.Atom("name", str(token), self._s(token))

    @v_args(inline=True)
    def dash(self, token):
        return st.Atom("dash", "-", self._s(token))

    @v_args(inline=True)
    def op(self, token):
        return st.Atom("op", str(token), self._s(token))

    @v_args(inline=True)
    def range(self, low, high):
        return st.Atom("range", str(low), join(self.file, self._s(low), self._s(high)), str(high))

    def attr(self, children):
        key, *atoms = children
        return st.Attr(str(key), self._s(key), tuple(atoms))

    def block(self, children):
        key = children[0]
        atoms = [c for c in children[1:] if isinstance(c, st.Atom)]
        body = tuple(c for c in children[1:] if not isinstance(c, st.Atom))
        return st.Block(str(key), self._s(key), tuple(atoms), body)

    def expr_attr(self, children):
        key, expr = children
        span = expr.span
        source = source_text(self.text, span)
        return st.ExprAttr(str(key), self._s(key), expr, source)

    def start(self, children):
        return tuple(children)

    # ---- expressions ----
    @v_args(inline=True)
    def e_num(self, token):
        return st.Num(str(token), self._s(token))

    @v_args(inline=True)
    def e_str(self, token):
        return st.Str(unquote(str(token)), self._s(token))

    @v_args(inline=True)
    def e_paren(self, left, expr, right):
        # the expression keeps its parentheses in its span, so explanations quote it whole
        return expr._replace(span=join(self.file, self._s(left), self._s(right)))

    @v_args(inline=True)
    def e_var(self, token):
        return st.Var(str(token), self._s(token))

    @v_args(inline=True)
    def e_ref(self, owner, field):
        return st.Ref(str(owner), str(field), join(self.file, self._s(owner), self._s(field)))

    @v_args(inline=True)
    def e_var_at(self, name, year):  # the time is part of the name, as in the graph's keys
        return st.Var(f"{name}{year}", join(self.file, self._s(name), self._s(year)))

    @v_args(inline=True)
    def e_code_ref(self, kind, code, field):  # `kegiatan 1.1.serapan`: a budget item by its code
        return st.Ref(f"{kind} {code}", str(field), join(self.file, self._s(kind), self._s(field)))

    @v_args(inline=True)
    def e_code_ref_at(self, kind, code, field, year):
        return st.Ref(f"{kind} {code}", f"{field}{year}", join(self.file, self._s(kind), self._s(year)))

    @v_args(inline=True)
    def e_ref_at(self, owner, field, year):
        return st.Ref(str(owner), f"{field}{year}", join(self.file, self._s(owner), self._s(year)))

    def e_call(self, children):
        name, *args = children
        end = args[-1].span if args else self._s(name)
        # include the closing parenthesis when it is where we expect it
        span = join(self.file, self._s(name), end)
        if not args:  # name( ): step over the '(' first
            span = extend_to_paren(self.text, span, "(")
        span = extend_to_paren(self.text, span)
        return st.Call(str(name), tuple(args), span)

    @v_args(inline=True)
    def binop(self, left, op, right):
        return st.BinOp(OPERATOR_ALIASES.get(str(op), str(op)), left, right, join(self.file, left.span, right.span))

    compare = binop  # (== is = in the tree: lexicon.OPERATOR_ALIASES)

    @v_args(inline=True)
    def or_(self, left, *rest):
        return st.BinOp("or", left, rest[-1], join(self.file, left.span, rest[-1].span))

    @v_args(inline=True)
    def and_(self, left, *rest):
        return st.BinOp("and", left, rest[-1], join(self.file, left.span, rest[-1].span))

    @v_args(inline=True)
    def not_(self, *children):
        # 'tidak' (NOT) is in the tree and starts the node's span; 'not' is a quoted literal, left
        # out, so the node of `not x` starts where x does (exprscan builds the same spans)
        operand = children[-1]
        first = children[0] if isinstance(children[0], Token) else None
        start = self._s(first) if first is not None else operand.span
        return st.Unary("not", operand, join(self.file, start, operand.span))

    @v_args(inline=True)
    def neg(self, minus, operand):
        return st.Unary("-", operand, join(self.file, self._s(minus), operand.span))
