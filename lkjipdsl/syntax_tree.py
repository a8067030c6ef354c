"""The generic syntax tree: statements, blocks, values and expressions, each with a span.

These nodes say nothing about meaning; lkjipdsl/build.py gives them one. They are small
frozen records so that they can be cached and compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Span


@dataclass(frozen=True, slots=True)
class Atom:
    """One value after a keyword: kind is number, string, name, dash, op or range."""

    kind: str
    text: str
    span: Span
    high: str | None = None  # the upper bound's text for a range


@dataclass(frozen=True, slots=True)
class Attr:
    key: str
    key_span: Span
    atoms: tuple[Atom, ...]

    @property
    def span(self) -> Span:
        end = self.atoms[-1].span if self.atoms else self.key_span
        return Span(self.key_span.file, self.key_span.line, self.key_span.column, end.end_line, end.end_column)


@dataclass(frozen=True, slots=True)
class Block:
    key: str
    key_span: Span
    atoms: tuple[Atom, ...]
    body: tuple[Statement, ...]


# ---- expressions ----
@dataclass(frozen=True, slots=True)
class Num:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Str:
    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class Var:
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Ref:
    """`owner.field`: a field of another item, or `anak.field` inside an aggregate."""

    owner: str
    field: str
    span: Span


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # + - * / < <= > >= = != and or
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # - not
    operand: Expr
    span: Span


Expr = Num | Str | Var | Ref | Call | BinOp | Unary


@dataclass(frozen=True, slots=True)
class ExprAttr:
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
