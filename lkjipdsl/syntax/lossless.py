"""The lossless tree of a spec: every token, comment, blank line and line break kept, as written.

The syntax tree (lkjipdsl.syntax.tree) keeps what a spec means; this one keeps how it is written,
for the tools that rewrite a spec and must leave the rest alone: `lkjipdsl fmt`. Its tokens follow
the grammar's terminals, with the patterns of lkjipdsl.syntax.lexicon: a NUMBER may hold `Rp`, a
`,-` or a `%`, a STRING its quotes and escapes, and a comment runs to the end of the line. A
file is a list of items (statements, comment lines, blank lines); a statement is its tokens,
an optional block of items, and the comment that ends its line.

It reads only well-formed text: `lkjipdsl fmt` formats files that parse.
"""

from __future__ import annotations

from ..records import field, record

from .lexicon import (
    BLANK, BLANK_CHARACTERS, BLANKS, COMMENT, COMPARISONS, LINE_BREAK, LINE_CONTINUATION, NAME, NO_VALUE_WORD, NUMBER,
    RANGE, STRING, alternatives,
)
from ..patterns import compiled

# One token and the blanks before it; every character of the text is in one match (a test holds it).
# Whatever the grammar reads as one token of several characters is one here too; every other
# character is a token of its own (`.`).
_TOKEN = compiled(
    f"({BLANK}*)({LINE_BREAK}|{LINE_CONTINUATION}|{COMMENT}|{STRING}|{NUMBER}|{NO_VALUE_WORD}|{NAME}"
    f"|{alternatives((RANGE,) + tuple(op for op in COMPARISONS if len(op) == 2))}|.|{BLANKS}$)")
_KINDS = {"\n": "newline", "\r": "newline", "\\": "cont", "#": "comment", '"': "string", ";": "semi", "{": "lbrace",
          "}": "rbrace"}


# A token is a plain tuple (kind, text, spaced), read by position: a large spec has millions, and
# a NamedTuple's constructor costs three times as much. kind: newline cont comment string semi
# lbrace rbrace word (names, numbers, codes, operators); spaced: whitespace stood before it.
KIND, TEXT, SPACED = 0, 1, 2
Token = tuple


@record
class Comment:
    """A comment on a line of its own."""

    text: str


@record
class Blank:
    """One or more blank lines."""


@record
class Block:
    items: list = field(default_factory=list)
    one_line: bool = True  # written with `{` and `}` on one line
    opening_comment: str | None = None  # a comment after `{` on the statement's line


@record
class Statement:
    tokens: list[Token] = field(default_factory=list)
    block: Block | None = None
    comment: str | None = None  # the comment that ends its line

    @property
    def key(self) -> str:
        return self.tokens[0][TEXT] if self.tokens else ""


Item = Statement | Comment | Blank


def tokens(text: str) -> list[Token]:
    kinds = _KINDS
    found = [(kinds.get(token[:1], "word"), token, blank != "") for blank, token in _TOKEN.findall(text)]
    if found and found[-1][0] == "word" and not found[-1][1].strip(BLANK_CHARACTERS):
        found.pop()  # blanks at the very end of the text
    if "/" in text:  # a `//` comment: rare, so looked for only where a slash stands
        found = [("comment", t[1], t[2]) if t[0] == "word" and t[1].startswith("//") else t for t in found]
    return found


def parse(text: str) -> list[Item]:
    """The items of a file (text that parses: lkjipdsl.loads reported no syntax error)."""
    return parse_tokens(tokens(text.removeprefix("\ufeff")))


def parse_tokens(stream: list[Token]) -> list[Item]:
    return _items(stream, 0, top=True)[0]


def _items(stream: list[Token], index: int, top: bool) -> tuple[list[Item], int]:
    items: list[Item] = []
    current: Statement | None = None
    line_has_content = False  # a statement or comment stood on this line
    blank_pending = False
    while index < len(stream):
        token = stream[index]
        kind = token[KIND]
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
                last.comment = token[TEXT]
            else:
                items.append(Comment(token[TEXT]))
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
    if index < len(stream) and stream[index][KIND] == "comment":
        block.opening_comment = stream[index][TEXT]
        index += 1
    start = index
    block.items, index = _items(stream, index, top=False)
    block.one_line = not any(t[KIND] in ("newline", "cont") for t in stream[start:index])
    return block, index + 1  # past the `}`
