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

import bisect
from ..records import field, record

from .. import limits as limits_module
from ..diagnostics import Origin
from . import scanner
from . import tree as st
from .lexicon import STRING_OR_COMMENT
from ..patterns import deferred
from .prescan import prescan_edited
from ..patterns import compiled

# a line that starts a top-level statement: not indented, not '}' and not a comment
_TOP_LEVEL_LINE = compiled(r"\n(?=[^\s}#/]|/(?!/))")
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
    # the last text read part by part, and its parts: (first line, start, end), and their texts (the
    # keys of `previous`, whose hashes are kept: an edit's parts are found without hashing the text)
    text: str | None = None
    parts: list[tuple[int, int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    scanned: tuple[str, object] | None = None  # the last text given to `prescan` and what it found
    span: tuple[str, str, tuple[int, int, int]] | None = None  # the last changed_span asked for

    def prescan(self, text: str, file: str, limits) -> object:
        """`prescan(text, file, limits, deep=False)`, looking only at what changed since the last text."""
        before = self.scanned
        changed = self._changed(before[0], text) if before is not None and text.isascii() else None
        scan = prescan_edited(text, file, limits, before, changed)
        self.scanned = (text, scan)
        return scan

    def parse(self, text: str, file: str) -> tuple[st.Statement, ...] | None:
        """The statements of the whole text, reusing the parts seen last time; None if the
        text does not read part by part (see the module's doc)."""
        self.ok = False
        limits = limits_module.current()
        current: dict[str, _Part] = {}
        statements: list[st.Statement] = []
        tokens = parsed = reused = moved = 0
        parts, texts = self._cut(text)
        for (line, _start, _end), part_text in zip(parts, texts):
            # a text met twice in one file is read twice: one part, one Origin, one place
            part = self.previous.get(part_text) if part_text not in current else None
            if part is None or part.origin.file != file:
                origin = Origin(file, line)
                try:  # a part whose braces do not balance makes the scanner fall back too
                    part = _Part(*scanner.scan_counted(part_text, origin), origin)
                except scanner.Fallback:
                    self.text = None
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
            self.text = None
            return None
        self.previous, self.parsed, self.reused, self.moved = current, parsed, reused, moved
        self.text, self.parts, self.texts, self.span = text, parts, texts, None
        self.statements, self.ok = tuple(statements), True
        return self.statements

    def _cut(self, text: str) -> tuple[list[tuple[int, int, int]], list[str]]:
        """`bounds(text)` and the parts' texts: those the edit since the last text did not reach
        taken from the last, the others cut afresh."""
        if self.text is None:
            parts = bounds(text)
            return parts, [text[start:end] for _line, start, end in parts]
        return cut_again(self.text, self.parts, self.texts, text, self._changed(self.text, text))

    def _changed(self, before: str, after: str) -> tuple[int, int, int]:
        """changed_span(before, after), found once for the prescan and the parts of one text."""
        if self.span is None or self.span[0] is not before or self.span[1] is not after:
            self.span = (before, after, changed_span(before, after))
        return self.span[2]


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


def bounds_between(text: str, start: int, end: int, line: int) -> list[tuple[int, int, int]]:
    """`bounds` of text[start:end], where `start` begins a part at `line` and `end` begins one (or
    is the end of the text)."""
    starts = [start] + [m.end() for m in _TOP_LEVEL_LINE.finditer(text, start, end)]
    parts = []
    counted_to = start
    for first, last in zip(starts, starts[1:] + [end]):
        line += text.count("\n", counted_to, first)
        counted_to = first
        parts.append((line, first, last))
    return parts


def cut_again(before: str, parts: list[tuple[int, int, int]], texts: list[str], text: str,
              changed: tuple[int, int, int]) -> tuple[list[tuple[int, int, int]], list[str]]:
    """`bounds(text)` and the parts' texts, from those of the text `before` it was edited from
    (`changed`: changed_span(before, text)). A cut before a line depends on the characters around
    it (the line break before, the first two after): the parts that end two characters before the
    change and those that start after it are the same, the latter moved; the rest is cut afresh."""
    start, end_before, end = changed
    shift = end - end_before
    head = bisect.bisect_right([part_end for _line, _start, part_end in parts], start - 2)
    tail = bisect.bisect_left([part_start for _line, part_start, _end in parts], end_before + 1, head)
    lines = text.count("\n", start, end) - before.count("\n", start, end_before)
    middle_start = parts[head - 1][2] if head else 0
    middle_end = parts[tail][1] + shift if tail < len(parts) else len(text)
    middle = bounds_between(text, middle_start, middle_end, parts[head][0] if head < len(parts) else 1)
    moved = [(line + lines, part_start + shift, part_end + shift) for line, part_start, part_end in parts[tail:]]
    return (parts[:head] + middle + moved,
            texts[:head] + [text[a:b] for _line, a, b in middle] + texts[tail:])


def changed_span(before: str, after: str) -> tuple[int, int, int]:
    """(start, end in `before`, end in `after`): before[:start] == after[:start] and
    before[end_before:] == after[end_after:], the span between as short as comparing in blocks finds."""
    if before is after:
        return len(after), len(after), len(after)
    shorter = min(len(before), len(after))
    start = _common(before, after, shorter, lambda i, j: (i, j))
    # from the end: the common tail may not reach into the common head
    tail = _common(before, after, shorter - start, lambda i, j: (len(before) - j, len(before) - i),
                   lambda i, j: (len(after) - j, len(after) - i))
    return start, len(before) - tail, len(after) - tail


def _common(before: str, after: str, most: int, span_before, span_after=None) -> int:
    """How many characters the two texts share from one end (`span(i, j)`: where the characters
    i to j from that end are), at most `most`: compared in blocks, then halves of the block that differs."""
    span_after = span_after or span_before
    done, block = 0, 1 << 16
    while block:
        while done + block <= most:
            a, b = span_before(done, done + block)
            c, d = span_after(done, done + block)
            if before[a:b] != after[c:d]:
                break
            done += block
        block >>= 1
    return done


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
