"""The generic syntax tree: statements, blocks, values and expressions, each with a span.

These nodes say nothing about meaning; lkjipdsl.build gives them one. They are NamedTuples:
immutable, cheap to build (a large spec has hundreds of thousands) and picklable for caches. A
block's body is a tuple of statements, or `Rows`: the lines of a periode block kept as text, which
read as the same statements.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from ..records import NamedTuple

from ..diagnostics import Origin, PartSpan, Span


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
    body: tuple[Statement, ...] | Rows


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


# ---- a periode block's body, as text ----
_Span = functools.partial(tuple.__new__, PartSpan)
_Atom = functools.partial(tuple.__new__, Atom)
_Attr = functools.partial(tuple.__new__, Attr)


class Rows(Sequence):
    """The body of a periode block whose lines are all `key figure figure` (lexicon.PERIOD_ROW),
    kept as the stretch of text they stand in: text[start:end] of the part at `origin`, its first
    row on the part's line `line` (counted from 0).

    A large spec is mostly such lines (10k spec: 121 000 of its 187 000), and the tree of one is an
    Attr, two Atoms and three spans, made only for the builder to take them apart again. The
    scanner hands such a body on as Rows: the builder reads the periods and figures from the text
    (`lines`), and whatever else reads the body (a differential test, `import --update`, a block
    the builder reads the long way) finds the sequence of Attrs the scanner would have made,
    built when first read."""

    __slots__ = ("origin", "text", "start", "end", "line", "_attrs")

    def __init__(self, origin: Origin, text: str, start: int, end: int, line: int):
        self.origin, self.text, self.start, self.end, self.line = origin, text, start, end, line
        self._attrs: tuple[Attr, ...] | None = None

    @property
    def line_count(self) -> int:
        """How many rows (lines) the body holds (not Sequence.count, which counts a statement)."""
        return self.text.count("\n", self.start, self.end)

    def lines(self) -> Iterator[tuple[str, int, str, int, str, int]]:
        """(key, its column, first figure, its column, second figure, its column) of each row.
        Read with str methods, not a pattern: the scanner made Rows only of lines that are a
        name and two figures between blanks (lexicon.PERIOD_ROW), so splitting is reading."""
        for line in self.text[self.start:self.end - 1].split("\n"):
            key, target, realisasi = line.split()
            key_at = len(line) - len(line.lstrip())
            target_at = line.index(target, key_at + len(key))
            yield (key, key_at + 1, target, target_at + 1, realisasi,
                   line.index(realisasi, target_at + len(target)) + 1)

    def attrs(self) -> tuple[Attr, ...]:
        attrs = self._attrs
        if attrs is None:
            origin, line, made = self.origin, self.line, []
            for key, key_at, *figures in self.lines():
                atoms = tuple(_Atom(("number", text, _Span((origin, line, at, line, at + len(text))), None))
                              for text, at in zip(figures[::2], figures[1::2]))
                made.append(_Attr((key, _Span((origin, line, key_at, line, key_at + len(key))), atoms)))
                line += 1
            attrs = self._attrs = tuple(made)
        return attrs

    def __len__(self) -> int:
        return len(self.attrs())

    def __getitem__(self, index):
        return self.attrs()[index]

    def __iter__(self):
        return iter(self.attrs())

    def __eq__(self, other):
        if isinstance(other, Rows):
            return self.attrs() == other.attrs()
        if isinstance(other, tuple):
            return self.attrs() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.attrs())

    def __repr__(self) -> str:
        return repr(self.attrs())

    def __reduce__(self):
        return tuple, (self.attrs(),)
