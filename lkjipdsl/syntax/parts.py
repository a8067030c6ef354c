"""Stage 1, part by part: the file cut into its top-level statements, each scanned on its own.

A spec is a run of top-level statements, each starting at the beginning of a line (`instansi …`,
`program 1 "…" {` … `}`). Cutting the text before every such line serves three readers:
- `loads` scans the parts one after another and hands each part's statements on to the builder
  before it reads the next (`PartByPart`), so that only one part's tokens and syntax tree are
  alive at a time;
- lkjipdsl.session keeps the syntax trees of the parts by their text (`PartCache`): after an edit
  only the parts whose text changed are scanned again, and the others come back as the same
  objects, which is how the later stages recognise them. A part's spans count lines from its
  Origin (lkjipdsl.diagnostics.PartSpan): a part moved up or down by lines inserted or deleted
  above it keeps its tree, and its Origin is moved to its new first line;
- lkjipdsl.syntax.parse hands only the broken parts to Lark.
Anything the scanner would not read on its own (a part whose braces do not balance, a syntax
error) makes `parse` return None, and the caller reads the whole file the ordinary way, which
reports the problem.
"""

from __future__ import annotations

import re
from ..records import field, record

from .. import limits as limits_module
from ..diagnostics import Origin
from . import scanner
from . import tree as st
from .lexicon import STRING_OR_COMMENT
from ..patterns import deferred

# a line that starts a top-level statement: not indented, not '}' and not a comment
_TOP_LEVEL_LINE = re.compile(r"\n(?=[^\s}#/]|/(?!/))")
# a text or a comment (whose braces do not count), or a brace
BRACES = deferred(STRING_OR_COMMENT + "|[{}]")


@record(slots=True)
class _Part:
    statements: tuple[st.Statement, ...]
    tokens: int
    origin: Origin


@record(slots=True)
class PartCache:
    previous: dict[str, _Part] = field(default_factory=dict)
    statements: tuple[st.Statement, ...] = ()
    parsed: int = 0
    reused: int = 0
    moved: int = 0  # parts taken over at another line than last time
    ok: bool = False  # the last text was read part by part

    def parse(self, text: str, file: str) -> tuple[st.Statement, ...] | None:
        """The statements of the whole text, reusing the parts seen last time; None if the
        text does not read part by part (see the module's doc)."""
        self.ok = False
        limits = limits_module.current()
        current: dict[str, _Part] = {}
        statements: list[st.Statement] = []
        tokens = parsed = reused = moved = 0
        for line, part_text in split(text):
            # a text met twice in one file is read twice: one part, one Origin, one place
            part = self.previous.get(part_text) if part_text not in current else None
            if part is None or part.origin.file != file:
                origin = Origin(file, line)
                try:  # a part whose braces do not balance makes the scanner fall back too
                    part = _Part(*scanner.scan_counted(part_text, origin), origin)
                except scanner.Fallback:
                    return None
                parsed += 1
            else:
                if part.origin.line != line:
                    part.origin.line = line
                    moved += 1
                reused += 1
            current.setdefault(part_text, part)
            statements.extend(part.statements)
            tokens += part.tokens
        if tokens > limits.max_tokens:
            return None
        self.previous, self.parsed, self.reused, self.moved = current, parsed, reused, moved
        self.statements, self.ok = tuple(statements), True
        return self.statements


def split(text: str) -> list[tuple[int, str]]:
    """The text cut before every line that starts a top-level statement: (first line, part)."""
    return [(line, text[start:end]) for line, start, end in bounds(text)]


def bounds(text: str) -> list[tuple[int, int, int]]:
    """Where `split` cuts the text: (first line, start, end) of every part."""
    starts = [0] + [m.end() for m in _TOP_LEVEL_LINE.finditer(text)]
    parts = []
    line, counted_to = 1, 0
    for start, end in zip(starts, starts[1:] + [len(text)]):
        line += text.count("\n", counted_to, start)
        counted_to = start
        parts.append((line, start, end))
    return parts


def _holds_word(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of `words` occurs in text[start:end] as a word of its own (not in 'Perangkat')."""
    for word in words:
        at = text.find(word, start, end)
        while at >= 0:
            before = text[at - 1] if at > 0 else " "
            after = text[at + len(word)] if at + len(word) < len(text) else " "
            # a NAME is made of word characters (\w: alphanumeric or '_')
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                return True
            at = text.find(word, at + 1, end)
    return False


class PartByPart:
    """The statements of a text handed on one part at a time (`statements`), so that a reader that
    is done with each part's syntax tree before the next (lkjipdsl.build) never has them all alive:
    10k spec, the trees of all 557 parts are about 80 MB beside the model built from them. Those
    statements that must be read before the rest (`angka`, `tahun`, `renstra`, `sumber`, wherever
    they stand) are found first: `early` holds every statement of the parts where such a word occurs.

    The same statements as `scan_in_parts`; where that gives None (a part the scanner does not read
    on its own, more tokens than max_tokens), iterating raises scanner.Fallback, possibly after some
    parts were handed on: the caller reads the whole text again the ordinary way."""

    def __init__(self, text: str, file: str, early_words: tuple[str, ...]):
        self.text, self.file = text, file
        self.parts = bounds(text)
        self.tokens = 0
        self.scanned: dict[int, tuple[st.Statement, ...]] = {}  # the early parts, by their place
        early: list[st.Statement] = []
        for index, (line, start, end) in enumerate(self.parts):
            if _holds_word(text, early_words, start, end):
                self.scanned[index] = self._scan(line, start, end)
                early.extend(self.scanned[index])
        self.early = tuple(early)

    def _scan(self, line: int, start: int, end: int) -> tuple[st.Statement, ...]:
        statements, tokens = scanner.scan_counted(self.text[start:end], Origin(self.file, line))
        self.tokens += tokens
        if self.tokens > limits_module.current().max_tokens:
            raise scanner.Fallback("more tokens than max_tokens")
        return statements

    def statements(self):
        """Every part's statements (a tuple each), in order."""
        for index, (line, start, end) in enumerate(self.parts):
            scanned = self.scanned.pop(index, None)
            yield scanned if scanned is not None else self._scan(line, start, end)


def scan_in_parts(text: str, file: str) -> tuple[st.Statement, ...] | None:
    """The scanner's statements, read part by part: the same as `scanner.scan(text)`, but only
    one part's tokens are alive at a time (a province-sized file's token list is ~17 bytes per byte
    of text). None where `PartCache.parse` would give None."""
    return PartCache().parse(text, file)


def balanced(part: str) -> bool:
    """Whether the part's braces (outside texts and comments) open and close in order."""
    depth = 0
    for match in BRACES.finditer(part):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
