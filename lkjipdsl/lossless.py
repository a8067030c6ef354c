"""The lossless tree of a spec: every token, comment, blank line and line break kept, as written.

The syntax tree (lkjipdsl.syntax_tree) keeps what a spec means; this one keeps how it is
written, for the tools that rewrite a spec and must leave the rest alone: `lkjipdsl fmt`. Its
tokens follow the grammar's terminals (lkjipdsl/grammar/lkj.lark): a NUMBER may hold `Rp`, a
`,-` or a `%`, a STRING its quotes and escapes, and a comment runs to the end of the line. A
file is a list of items (statements, comment lines, blank lines); a statement is its tokens,
an optional block of items, and the comment that ends its line.

It reads only well-formed text: `lkjipdsl fmt` formats files that parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The grammar's terminals (lkjipdsl/grammar/lkj.lark); tests/test_fmt.py holds them equal.
NUMBER = r"(?:Rp\.?[ \t]*)?[-+]*[0-9]+(?:[._,][0-9]+)*(?:[eE][-+]?[0-9]+|[xX][0-9a-fA-F]+)?(?:,-)?(?:[ \t]*%)?"
STRING = r'"(?:[^"\\\n]|\\.)*"'
NAME = r"[^\W\d]\w*"
COMMENT = r"#[^\n]*|//[^\n]*"

_TOKEN = re.compile(
    rf"(?P<newline>\r?\n)|(?P<space>[ \t\f\r\ufeff]+)|(?P<cont>\\[ \t]*\r?\n)|(?P<comment>{COMMENT})"
    rf"|(?P<string>{STRING})|(?P<number>{NUMBER})|(?P<name>{NAME})|(?P<range>\.\.)"
    r"|(?P<op>>=|<=|==|!=|[<>=+*/×÷(),.\-])|(?P<semi>;)|(?P<lbrace>\{)|(?P<rbrace>\})|(?P<other>.)")


@dataclass(slots=True)
class Token:
    kind: str  # name number string range op semi lbrace rbrace comment cont newline other
    text: str
    spaced: bool  # whitespace stood before it


@dataclass
class Comment:
    """A comment on a line of its own."""

    text: str


@dataclass
class Blank:
    """One or more blank lines."""


@dataclass
class Block:
    items: list = field(default_factory=list)
    one_line: bool = True  # written with `{` and `}` on one line
    opening_comment: str | None = None  # a comment after `{` on the statement's line


@dataclass
class Statement:
    tokens: list[Token] = field(default_factory=list)
    block: Block | None = None
    comment: str | None = None  # the comment that ends its line

    @property
    def key(self) -> str:
        return self.tokens[0].text if self.tokens else ""


Item = Statement | Comment | Blank


def tokens(text: str) -> list[Token]:
    found, spaced = [], False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "space":
            spaced = True
            continue
        found.append(Token(kind, match.group(), spaced))
        spaced = False
    return found


def parse(text: str) -> list[Item]:
    """The items of a file (text that parses: lkjipdsl.loads reported no syntax error)."""
    stream = tokens(text.removeprefix("\ufeff"))
    return _items(stream, 0, top=True)[0]


def _items(stream: list[Token], index: int, top: bool) -> tuple[list[Item], int]:
    items: list[Item] = []
    current: Statement | None = None
    line_has_content = False  # a statement or comment stood on this line
    blank_pending = False
    while index < len(stream):
        token = stream[index]
        kind = token.kind
        if kind == "newline":
            if not line_has_content and current is None:
                blank_pending = True
            current = None
            line_has_content = False
            index += 1
            continue
        if blank_pending and items:
            items.append(Blank())
        blank_pending = False
        if kind == "rbrace" and not top:
            return items, index
        if kind == "comment":
            last = items[-1] if items else None
            if line_has_content and isinstance(last, Statement):
                last.comment = token.text
            else:
                items.append(Comment(token.text))
            line_has_content = True
            index += 1
            continue
        if kind == "semi":
            current = None
            index += 1
            continue
        if current is None:
            current = Statement()
            items.append(current)
        line_has_content = True
        if kind == "lbrace":
            current.block, index = _block(stream, index + 1)
            current = None  # a block ends its statement
            continue
        current.tokens.append(token)
        index += 1
    return items, index


def _block(stream: list[Token], index: int) -> tuple[Block, int]:
    block = Block()
    if index < len(stream) and stream[index].kind == "comment":
        block.opening_comment = stream[index].text
        index += 1
    start = index
    block.items, index = _items(stream, index, top=False)
    block.one_line = not any(t.kind in ("newline", "cont") for t in stream[start:index])
    return block, index + 1  # past the `}`
