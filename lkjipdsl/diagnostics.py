"""Diagnostics as data: every stage returns them instead of raising, so one run reports all.

One renderer (`render`) prints them the way compilers do, in the language in force (here English)::

    spec.lkj:7:5: error[E101]: unknown key 'targt' in indikator I1
        7 |     targt 95
          |     ^^^^^
    hint: did you mean 'target' or 'target_nol'?

`str(diagnostic)` is the same without the source line: the first line and the hints.
"""

from __future__ import annotations

import errno
import functools
import re
from .records import field, record
from enum import Enum
from .records import NamedTuple

from .i18n import N_, _
from .patterns import compiled


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def word(self) -> str:
        """The severity as the user reads it, in the language in force (the value stays English:
        it is data, in results and JSON)."""
        return _(_SEVERITY_WORDS[self.value])


_SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}

# A file too large (E007) or that cannot be read (E008): the command was asked for what cannot be
# done, and exits 2 as for a wrong option (the README's table of commands)
USAGE_CODES = frozenset({"E007", "E008"})


class Span(NamedTuple):
    """A region of a source file; lines and columns are 1-based, end_column exclusive.

    A NamedTuple rather than a frozen dataclass: one is made per token, and tuples are built
    several times faster."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, file: str, line: int, column: int, width: int = 1) -> Span:
        return cls(file, line, column, line, column + max(width, 1))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def through(self, last: Span) -> Span:
        """From the start of this span to the end of `last`."""
        return Span(self.file, self.line, self.column, last.end_line, last.end_column)

    def columns(self, column: int, end_column: int) -> Span:
        """Columns column..end_column of this span's first line."""
        return Span(self.file, self.line, column, self.line, end_column)

    def absolute(self) -> Span:
        """The span with its lines counted from the top of the file (a PartSpan's are not stored so)."""
        return self


class Origin:
    """Where a top-level part of a file starts: its file and the line of its first character.

    The spans of a part's syntax tree (`PartSpan`) count lines from here, so that when text is
    inserted or deleted above the part, moving `line` moves every span of the part, and the syntax
    tree, the model built from it and everything computed from that are kept (lkjipdsl.session)."""

    __slots__ = ("file", "line")

    def __init__(self, file: str, line: int):
        self.file, self.line = file, line

    def __reduce__(self):
        return Origin, (self.file, self.line)

    def __repr__(self) -> str:
        return f"Origin({self.file!r}, {self.line})"


def _part_line(span: PartSpan) -> int:
    return span[0].line + span[1]


def _part_end_line(span: PartSpan) -> int:
    return span[0].line + span[3]


class PartSpan(Span):
    """A Span of a part's syntax tree, stored as (origin, line within the part counted from 0,
    column, end line within the part, end column): `file`, `line` and `end_line` are derived from
    the part's Origin when read, so they follow the part when it moves. It reads, compares and
    hashes as the Span of the same place; a diagnostic handed out of a run holds the plain Span
    (`absolute`), fixed at that run's lines."""

    __slots__ = ()

    file = property(lambda self: self[0].file)
    line = property(_part_line)
    end_line = property(_part_end_line)

    def absolute(self) -> Span:
        origin = self[0]
        return _span((origin.file, origin.line + self[1], self[2], origin.line + self[3], self[4]))

    def through(self, last: Span) -> Span:
        if type(last) is PartSpan and last[0] is self[0]:
            return _part_span((self[0], self[1], self[2], last[3], last[4]))
        return Span.through(self, last)

    def columns(self, column: int, end_column: int) -> Span:
        return _part_span((self[0], self[1], column, self[1], end_column))

    def __eq__(self, other):
        if isinstance(other, Span):
            return tuple(self.absolute()) == tuple(other.absolute())
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(tuple(self.absolute()))

    def __repr__(self) -> str:
        return repr(self.absolute())

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


# Built from a tuple: a NamedTuple's own __new__ is a Python function, twice as slow, and the
# scanner makes one per token of a large spec (a result, one Span per located record).
_part_span = functools.partial(tuple.__new__, PartSpan)
_span = functools.partial(tuple.__new__, Span)


def part_span(origin: Origin, line: int, column: int, end_line: int, end_column: int) -> PartSpan:
    """A span of the part that starts at `origin`, its lines counted from the part's first (0)."""
    return _part_span((origin, line, column, end_line, end_column))


class Cell(NamedTuple):
    """A cell of a workbook or CSV file, where an imported figure stands: shown as
    `file:Sheet!D12` (a CSV file has no sheet: `file:D12`), with the cell's text under it."""

    file: str
    sheet: str
    row: int  # 1-based
    col: int  # 1-based
    text: str = ""

    @property
    def line(self) -> int:  # sorts with spans: by file, then row and column
        return self.row

    @property
    def column(self) -> int:
        return self.col

    @property
    def reference(self) -> str:
        letters, number = "", self.col
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(65 + rest) + letters
        return f"{letters}{self.row}"

    def __str__(self) -> str:
        sheet = f"{self.sheet}!" if self.sheet else ""
        return f"{self.file}:{sheet}{self.reference}"


@record(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | Cell | None
    hints: tuple[str, ...] = field(default_factory=tuple)

    def fixed(self) -> Diagnostic:
        """The diagnostic with its span counted from the top of the file as the lines stand now
        (a PartSpan follows its part when the part moves; a diagnostic handed out must not)."""
        span = self.span
        if type(span) is PartSpan:
            return Diagnostic(self.code, self.severity, self.message, span.absolute(), self.hints)
        return self

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        """As `lkjipdsl check` prints it, without the source line: `file:line:col: severity[CODE]:
        message`, then a line per hint, in the language in force."""
        return render(self)


MAX_MESSAGE = 500


def _clip(text: str) -> str:
    """A message that quotes a huge piece of the spec (a 1 MB name) is cut in the middle."""
    return text if len(text) <= MAX_MESSAGE else f"{text[:300]} … {text[-150:]}"


def error(code: str, message: str, span: Span | None, *hints: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, _clip(message), span, tuple(_clip(h) for h in hints if h))


def warning(code: str, message: str, span: Span | None, *hints: str) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, _clip(message), span, tuple(_clip(h) for h in hints if h))


def close_matches(word: str, candidates, cutoff: float = 0.6) -> list[str]:
    """The candidates closest to word (at most three), best first; [] when none is close: those of
    difflib.get_close_matches, else one equal but for case. Within a spec's build and checks the
    work is bounded (lkjipdsl/hints.py)."""
    from .hints import close_matches as bounded_close_matches

    return bounded_close_matches(word, candidates, cutoff)


def did_you_mean(word: str, candidates, cutoff: float = 0.6) -> str:
    """A hint naming the closest candidates, or '' when none is close."""
    matches = close_matches(word, candidates, cutoff)
    if not matches:
        return ""
    quoted = [f"'{m}'" for m in matches]
    if len(quoted) == 1:
        return _("did you mean {word}?").format(word=quoted[0])
    if len(quoted) == 2:
        return _("did you mean {first} or {second}?").format(first=quoted[0], second=quoted[1])
    return _("did you mean {first} or {second} or {third}?").format(first=quoted[0], second=quoted[1],
                                                                    third=quoted[2])


# The reasons the system gives for a file it cannot read or write, as planners read them; the
# English text is the C library's (strerror), shown as it is in English and for any other error.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOSPC: N_("No space left on device"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.EIO: N_("Input/output error"),
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, from an OSError: the system's own words (its
    strerror) in English, their Indonesian text for the common errors."""
    reason = exc.strerror or str(exc)
    known = _OS_REASONS.get(exc.errno)
    return _(known) if known is not None and reason == known else reason


# Characters that must not reach a terminal as they are: controls (an escape sequence in a spec
# could rewrite the screen), text-direction controls (which make a line read differently), and the
# other invisible characters and noncharacters of E015 (lkjipdsl.syntax.lexicon); line breaks; lone
# surrogates (which no output encoding takes).
@functools.lru_cache(maxsize=1)
def _unsafe() -> re.Pattern:
    from .syntax.lexicon import INVISIBLE_OR_CONTROL  # not at the top: the syntax package imports this module

    return compiled(f"[\x00\x0a\x0d\u2028\u2029\ud800-\udfff{INVISIBLE_OR_CONTROL}]")


SOURCE_WINDOW = 160


def safe(text: str) -> str:
    """text with each control or invisible character shown as U+FFFD (one column, carets stay put)."""
    return _unsafe().sub("\ufffd", text)


def shown_path(path) -> str:
    """A file name as it may be shown and stored in results: bytes that are not UTF-8 (a name
    from another system) and control characters (a newline, an escape sequence) as U+FFFD, so a
    name never splits an output line, drives the terminal or fails to encode as JSON."""
    import os

    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if text.isascii() and text.isprintable():
        return text
    return safe(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")).replace("\t", "\ufffd")


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    # the parser counts lines by "\n" only: so must the renderer (str.splitlines also breaks at
    # \x0b, \x0c, \x1c-\x1e, \x85, \u2028 and \u2029, and would show another line than the caret's)
    return [line.removesuffix("\r") for line in text.split("\n")]


def render(diagnostic: Diagnostic, sources: dict[str, str] | None = None) -> str:
    """`file:line:col: severity[code]: message`, the source line, a caret, then hints."""
    span = diagnostic.span
    where = f"{span}: " if span else ""
    lines = [safe(f"{where}{diagnostic.severity.word}[{diagnostic.code}]: {diagnostic.message}")]
    if isinstance(span, Cell):
        if span.text:
            shown = span.text.replace("\n", " ")
            shown = shown if len(shown) <= SOURCE_WINDOW else shown[:SOURCE_WINDOW] + "…"
            gutter = f"{span.reference:>5} | "
            lines.append(gutter + safe(shown))
            lines.append(" " * (len(gutter) - 2) + "| " + "^" * max(1, len(shown)))
        lines.extend(safe(_("hint: {hint}").format(hint=hint)) for hint in diagnostic.hints)
        return "\n".join(lines)
    text = (sources or {}).get(span.file) if span else None
    if span and text:  # an empty source (an unreadable file) has no line to show
        source_lines = _lines(text)
        if 1 <= span.line <= len(source_lines):
            line_text = source_lines[span.line - 1].replace("\t", " ")
            end = span.end_column if span.end_line == span.line else len(line_text) + 1
            width = max(1, min(end, len(line_text) + 1) - span.column)
            column = span.column
            if len(line_text) > SOURCE_WINDOW:  # a very long line: the part around the caret
                start = max(0, min(column - 1 - SOURCE_WINDOW // 2, len(line_text) - SOURCE_WINDOW))
                shown = line_text[start:start + SOURCE_WINDOW]
                prefix = "…" if start else ""
                line_text = prefix + shown + ("…" if start + SOURCE_WINDOW < len(line_text) else "")
                column = column - start + len(prefix)
                width = max(1, min(width, len(line_text) + 1 - column))
            gutter = f"{span.line:>5} | "
            lines.append(gutter + safe(line_text))
            lines.append(" " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^" * width)
    lines.extend(safe(_("hint: {hint}").format(hint=hint)) for hint in diagnostic.hints)
    return "\n".join(lines)


def render_all(diagnostics, sources: dict[str, str] | None = None) -> str:
    return "\n".join(render(d, sources) for d in diagnostics)


def sort_key(diagnostic: Diagnostic):
    span = diagnostic.span
    return (span.file, span.line, span.column) if span else ("", 0, 0)
