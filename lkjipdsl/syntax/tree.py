"""The generic syntax tree: statements, blocks, values and expressions, each with a span.

These nodes say nothing about meaning; lkjipdsl.build gives them one. They are NamedTuples:
immutable, cheap to build (a large spec has hundreds of thousands) and picklable for caches.
"""

from __future__ import annotations

from typing import NamedTuple

from ..diagnostics import Span


class Atom(NamedTuple):
    """One value after a keyword: kind is number, string, name, dash, op or range."""

    kind: str
    text: str
    span: Span
    high: str | None = None  # the upper bound's text for a range


class Attr(NamedTuple):
    key: str
    key_span: Span
    atoms: tuple[Atom, ...]

    @property
    def span(self) -> Span:
        return self.key_span.through(self.atoms[-1].span) if self.atoms else self.key_span


class Block(NamedTuple):
    key: str
    key_span: Span
    atoms: tuple[Atom, ...]
    body: tuple[Statement, ...]


# ---- expressions ----
class Num(NamedTuple):
    text: str
    span: Span


class Str(NamedTuple):
    value: str
    span: Span


class Var(NamedTuple):
    name: str
    span: Span


class Ref(NamedTuple):
    """`owner.field`: a field of another item, or `anak.field` inside an aggregate."""

    owner: str
    field: str
    span: Span


class Call(NamedTuple):
    function: str
    args: tuple[Expr, ...]
    span: Span


class BinOp(NamedTuple):
    op: str  # + - * / < <= > >= = != and or
    left: Expr
    right: Expr
    span: Span


class Unary(NamedTuple):
    op: str  # - not
    operand: Expr
    span: Span


Expr = Num | Str | Var | Ref | Call | BinOp | Unary


class ExprAttr(NamedTuple):
    key: str
    key_span: Span
    expr: Expr
    source: str  # the expression as written, for explanations


Statement = Attr | Block | ExprAttr


def expr_span(expr: Expr) -> Span:
    return expr.span


def walk_expr(expr: Expr):
    """Every node of an expression, parents first."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Call):
            stack.extend(reversed(node.args))
        elif isinstance(node, BinOp):
            stack.extend((node.right, node.left))
        elif isinstance(node, Unary):
            stack.append(node.operand)
