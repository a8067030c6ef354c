"""Limits: what one spec may cost, each with a clear diagnostic naming the limit and how to raise it.

Spec files are written by hand, pasted from Word and Excel and produced by other tools; whatever
arrives, lkjipdsl answers with diagnostics, never with a hang or a memory blow-up. Every bound on
the work a spec can cause is a field of `Limits`:

    limits = lkjipdsl.Limits(max_file_bytes=16 * 1024 * 1024)       # the API
    lkjipdsl.load(path, limits=limits); lkjipdsl.evaluate(loaded, limits=limits)
    lkjipdsl check --limit max_file_bytes=16777216 FILE             # the command line

`prescan` runs before the parser: cheap checks (size, tokens, control characters, the depth of
brackets, the size of expressions) that keep the parser away from inputs it would choke on,
so that 100 000 nested parentheses give one E133 in milliseconds instead of a RecursionError.
The other limits are read where the work happens (numbers.py, expr.py) through `current()`,
which `api` sets for the duration of a call with `using()`.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace

from . import characters
from .characters import position as _position
from .diagnostics import Diagnostic, Span, error, warning


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on the work one spec may cause. The defaults are far above any real report (the
    whole LKjIP of Kecamatan Seririt is 100 KB, 24 000 tokens, nesting depth 4, expressions of
    at most 12 parts, 1 057 evaluation steps); raise one when a legitimate spec needs it."""

    max_file_bytes: int = 8 * 1024 * 1024
    """Size of the spec file in bytes (E007)."""
    max_tokens: int = 500_000
    """Words, numbers and symbols in the file, a quoted text counting each of its words (E010)."""
    max_nesting_depth: int = 64
    """Depth of blocks `{ }` (E006); parentheses count towards max_expression_depth."""
    max_expression_depth: int = 64
    """Levels of one expression in `jika` or `rumus`, parentheses included; a chain `a + b + c`
    counts one level per operator (E133)."""
    max_expression_nodes: int = 500
    """Parts (names, numbers, operators, calls) of one expression (E133)."""
    max_number_digits: int = 40
    """Digits of a number written in the spec (E011)."""
    max_value_digits: int = 100
    """Digits before the decimal point of a value computed by an expression (E012)."""
    max_evaluation_steps: int = 1_000_000
    """Steps of expression evaluation for the whole spec: parts evaluated, summed over every item
    each rule and rumus is evaluated for (E013)."""
    max_errors: int = 200
    """Errors reported while reading the spec's keys and values before giving up (E014)."""
    max_template_steps: int = 1_000_000
    """Steps of rendering a report template (`render --template`), beyond 200 per item of the spec:
    loop iterations, calls, filters, tests, operators, each also one per item of a list and per 32
    characters of a text it reads or makes (T007)."""
    max_template_output: int = 64 * 1024 * 1024
    """Characters a report template writes, beyond 4 096 per item of the spec (T006)."""
    max_template_value: int = 10_000_000
    """Characters of a text, items of a list, that one operation of a report template makes (T008)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"limit {f.name} must be a positive whole number, got {value!r}")

    def raised(self, **changes: int) -> Limits:
        """A copy with some limits changed: `Limits().raised(max_file_bytes=2**25)`."""
        return replace(self, **changes)

    @classmethod
    def parse(cls, options: list[str] | None, base: Limits | None = None) -> Limits:
        """Limits from `NAME=VALUE` strings (the CLI's --limit); ValueError with a readable message."""
        changes: dict[str, int] = {}
        names = [f.name for f in fields(cls)]
        for option in options or ():
            name, sep, text = option.partition("=")
            name = name.strip().replace("-", "_")
            if not name.startswith("max_"):
                name = "max_" + name
            if not sep or name not in names:
                from .diagnostics import did_you_mean

                hint = did_you_mean(name, names) or "limits: " + ", ".join(names)
                raise ValueError(f"unknown limit '{option}' (write NAME=VALUE); {hint}")
            digits = text.strip().replace("_", "")
            if not re.fullmatch(r"-?[0-9]+", digits):  # int() would also take ４ and ৪
                raise ValueError(f"limit {name} takes a whole number written with 0-9, got '{text}'")
            changes[name] = int(digits)
        return replace(base or cls(), **changes)


DEFAULT = Limits()


LIMIT_DOCS = {
    "max_file_bytes": "size of the spec file in bytes",
    "max_tokens": "words, numbers, texts and symbols in the file (a comment counts as one)",
    "max_nesting_depth": "depth of blocks { }",
    "max_expression_depth": "levels of one expression, parentheses included",
    "max_expression_nodes": "parts of one expression",
    "max_number_digits": "digits of a number written in the spec",
    "max_value_digits": "digits before the decimal point of a computed value",
    "max_evaluation_steps": "steps of expression evaluation for the whole spec",
    "max_errors": "errors reported before giving up",
    "max_template_steps": "steps of rendering a template, beyond 200 per item of the spec",
    "max_template_output": "characters a template writes, beyond 4 096 per item of the spec",
    "max_template_value": "characters or items of one text or list a template makes",
}


def how_to_raise(name: str, wanted: int | None = None) -> str:
    """The hint every limit diagnostic carries: the CLI option and the API argument."""
    value = wanted if wanted is not None else "N"
    return (f"if the spec really needs more, raise the limit: lkjipdsl check --limit {name}={value} …, "
            f"or lkjipdsl.load(…, limits=lkjipdsl.Limits({name}={value}))")


def number(value: int) -> str:
    """A count as the messages print it: 100 000."""
    return f"{value:,}".replace(",", " ")


def limit_error(code: str, message: str, name: str, span: Span | None, wanted: int | None = None,
                *hints: str, limits: Limits | None = None) -> Diagnostic:
    """One diagnostic for one limit: what was found, the limit's value and name, how to raise it."""
    limit = getattr(limits or current(), name)
    return error(code, f"{message}; the limit is {number(limit)} ({name})", span, *hints, how_to_raise(name, wanted))


# ---- the limits in force ----
_ACTIVE: contextvars.ContextVar[Limits] = contextvars.ContextVar("lkjipdsl_limits", default=DEFAULT)


def current() -> Limits:
    """The limits of the load or evaluation under way (the defaults outside one)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    token = _ACTIVE.set(limits or DEFAULT)
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


class LimitExceeded(Exception):
    """Raised where evaluation exceeds a limit for the whole spec; `api.evaluate` turns it into
    one diagnostic and stops."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class StepBudget:
    """Counts evaluation steps against max_evaluation_steps."""

    __slots__ = ("limit", "used")

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0

    def left(self) -> int:
        return max(0, self.limit - self.used)

    def charge(self, steps: int, span: Span | None) -> None:
        self.used += steps
        if self.used > self.limit:
            raise LimitExceeded(limit_error(
                "E013", "evaluation stopped here, after too many steps",
                "max_evaluation_steps", span, self.limit * 10,
                "a rule or rumus evaluated for many items, or an aggregate over many children"))


_BUDGET: contextvars.ContextVar[StepBudget | None] = contextvars.ContextVar("lkjipdsl_steps", default=None)


@contextlib.contextmanager
def counting(limits: Limits | None = None) -> Iterator[StepBudget]:
    """A fresh step budget for one evaluation."""
    budget = StepBudget((limits or current()).max_evaluation_steps)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def active_budget() -> StepBudget | None:
    return _BUDGET.get()


def charge(steps: int, span: Span | None = None) -> None:
    """Count steps against the budget of the evaluation under way (none outside `counting`)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.charge(steps, span)


# ---- the pre-scan ----
# A quoted text, a comment and a number are one token each, as the parser reads them.
_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|//[^\n]*|(?:Rp\.?[ \t]*)?\d+(?:[._,]\d+)*|\w+|[^\w\s]')
# Characters that have no business in a spec (lkjipdsl.characters): controls (C1 ones are a sign of
# text decoded in the wrong encoding), invisible characters and text-direction controls (which can
# make a line display differently from what it says), noncharacters. NUL has its own code (E004);
# line breaks other than LF and CRLF are read as line breaks. ASCII text is searched for the ASCII
# ones only, which is more than twice as fast; those beyond U+FFFF are looked for apart.
_BAD_CHARS = re.compile(f"[{characters.INVISIBLE_OR_CONTROL_BMP}]")
_BAD_ASCII_CHARS = re.compile(f"[{characters.INVISIBLE_OR_CONTROL_ASCII}]")
_LINE_BREAKS = re.compile("\r(?!\n)|[\u2028\u2029]")
_NBSP = re.compile("[\u00a0\u2007\u202f\u3000]")
_BAD_CHARS_OR_NBSP = re.compile("[" + _BAD_CHARS.pattern[1:-1] + _NBSP.pattern[1:-1] + "]")  # one pass, not two
_SPREADSHEET_ERRORS = re.compile(r"#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)")
_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|//[^\n]*')
_BRACKET_RUNS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|//[^\n]*|\{+|\}+|\(+|\)+')
_EXPR_START = re.compile(r"(?m)(?:^|[;{])[ \t]*(?:jika|rumus)\b")
# one part of an expression: a name (or owner.field), a number or an operator
_EXPRESSION_PART = (r"[^\W\d]\w*(?:\.[^\W\d]\w*)?|(?:Rp\.?[ \t]*)?\d+(?:[._,]\d+)*(?:,-)?(?:[ \t]*%)?"
                    r"|>=|<=|==|!=|[-+*/×÷<>=]")
_EXPR_TOKENS = re.compile(
    r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|//[^\n]*|\\[ \t]*\r?\n|(?P<end>[;}\n])|(?P<open>\()|(?P<close>\))|'
    rf"(?P<part>{_EXPRESSION_PART})|[^\s]")
_LINE_BREAK_NAMES = {"\r": "carriage returns without a line feed (old Mac line endings)",
                     "\u2028": "line separators (U+2028, as web pages and some exports write them)",
                     "\u2029": "paragraph separators (U+2029)"}
MAX_CHAR_DIAGNOSTICS = 10


@dataclass(slots=True)
class Prescan:
    source: str  # the file as read, with unusual line breaks made "\n": what positions refer to
    text: str  # the text to parse: characters reported here replaced by spaces, positions kept
    diagnostics: list[Diagnostic]
    fatal: bool  # do not parse: a limit that protects the parser was exceeded


def prescan(text: str, file: str, limits: Limits | None = None, deep: bool = True) -> Prescan:
    """Cheap checks before the parser. Linear in the size of the text, mostly in C (regex).

    With deep=False the checks that only protect Lark (tokens, nesting, expression size) are left
    to `deep_checks`: the scanner enforces the same limits itself and falls back when near them,
    and the caller runs `deep_checks` before handing the text to Lark."""
    limits = limits or current()
    size = len(text)
    if size > limits.max_file_bytes or (size * 4 > limits.max_file_bytes
                                        and len(text.encode("utf-8", "surrogatepass")) > limits.max_file_bytes):
        size = len(text.encode("utf-8", "surrogatepass")) if size <= limits.max_file_bytes * 4 else size
        return Prescan(text, text, [file_too_large(file, size, limits)], True)
    if deep:
        too_many = _too_many_tokens(text, file, limits)
        if too_many:
            return Prescan(text, text, [too_many], True)
    if "\x00" in text:
        return Prescan(text, text, [_nul(text, file)], True)
    if not text.isascii():  # (O(1): str knows it)
        surrogate = characters.lone_surrogate(text, file)
        if surrogate is not None:
            return Prescan(surrogate[0], surrogate[0], [surrogate[1]], True)
    source, diagnostics = _line_breaks(text, file)
    text, found = _blank_bad_characters(source, file)
    diagnostics += found
    if not text.isascii():
        text, found = characters.check_code(text, file)
        diagnostics += found
    if deep:
        fatal = _parser_guards(text, file, limits)
        if fatal:
            return Prescan(source, text, diagnostics + fatal, True)
    return Prescan(source, text, diagnostics, False)


def deep_checks(text: str, file: str, limits: Limits | None = None) -> list[Diagnostic]:
    """The checks `prescan(deep=False)` left out; any diagnostic here is fatal."""
    limits = limits or current()
    too_many = _too_many_tokens(text, file, limits)
    return [too_many] if too_many else _parser_guards(text, file, limits)


def _too_many_tokens(text: str, file: str, limits: Limits) -> Diagnostic | None:
    tokens = _count_tokens(text) if len(text) > limits.max_tokens else 0
    if tokens <= limits.max_tokens:
        return None
    return limit_error("E010", f"the file has {number(tokens)} words, numbers and symbols", "max_tokens",
                       Span.point(file, 1, 1), tokens, _SPLIT, limits=limits)


def _parser_guards(text: str, file: str, limits: Limits) -> list[Diagnostic]:
    depth = _nesting(text, file, limits)
    if depth is not None:
        return [depth]
    return _large_expressions(text, file, limits)


_SPLIT = "is this really one report? split it, or check that the file is a spec"


def _nul(text: str, file: str) -> Diagnostic:
    """E004: a binary file, or UTF-16 without a byte order mark (every other byte NUL)."""
    offset = text.index("\x00")
    line, column = _position(text, offset)
    sample = text[:400]
    hint = "the file is probably binary or saved in UTF-16"
    if len(sample) >= 8 and (sample[1::2].count("\x00") > len(sample) // 3
                             or sample[0::2].count("\x00") > len(sample) // 3):
        hint = "the file is UTF-16 (every other byte is 0); save it as UTF-8"
    return error("E004", "the file contains a NUL byte", Span.point(file, line, column), hint)


def _line_breaks(text: str, file: str) -> tuple[str, list[Diagnostic]]:
    """Carriage returns without a line feed and Unicode line separators become line breaks, as the
    editor that shows the file treats them; one warning (W211) says so."""
    if ("\r" not in text and "\u2028" not in text and "\u2029" not in text) or not _LINE_BREAKS.search(text):
        return text, []  # (`in` first: ten times faster than the regex on the usual file)
    found = [(m.start(), m.group()) for m in _LINE_BREAKS.finditer(text)]
    source = _LINE_BREAKS.sub("\n", text)
    offset, char = found[0]
    line, column = _position(source, offset)
    kinds = sorted({c for _, c in found}, key="\r\u2028\u2029".index)
    what = " and ".join(_LINE_BREAK_NAMES[c] for c in kinds)
    return source, [warning("W211", f"{len(found)} line break(s) in this file are {what}; they are read as "
                            "line breaks", Span.point(file, line, column),
                            "save the file with ordinary line endings (LF, or CRLF on Windows)")]


def file_too_large(file: str, size: int, limits: Limits) -> Diagnostic:
    return limit_error("E007", f"'{file}' is {number(size)} bytes", "max_file_bytes", None, size, _SPLIT,
                       limits=limits)


def _count_tokens(text: str) -> int:
    return _TOKENS.subn("", text)[1] if len(text) > 1000 else len(_TOKENS.findall(text))


def _blank_bad_characters(text: str, file: str) -> tuple[str, list[Diagnostic]]:
    """Report control and invisible characters (E015), non-breaking spaces between values (W210,
    once per line) and spreadsheet error values (W212), and replace the characters by spaces so
    that the parser reads on without reporting them again. Inside comments only the error values
    count; inside quoted texts non-breaking spaces are text."""
    is_ascii = text.isascii()
    beyond_bmp = [] if is_ascii else characters.invisible_beyond_bmp(text)
    if not (beyond_bmp or (_BAD_ASCII_CHARS if is_ascii else _BAD_CHARS_OR_NBSP).search(text)
            or _SPREADSHEET_ERRORS.search(text)):
        return text, []
    regions = [(m.start(), m.end(), m.group()[0] == '"') for m in _STRING_OR_COMMENT.finditer(text)]
    starts = [r[0] for r in regions]
    found: list[tuple[int, str]] = []
    bad = [(m.start(), m.group()) for m in (_BAD_ASCII_CHARS if is_ascii else _BAD_CHARS).finditer(text)]
    for offset, char in bad + beyond_bmp:
        region = _region(regions, starts, offset)
        if region is None or region[2]:
            found.append((offset, char))
    found += [(m.start(), m.group()) for m in _NBSP.finditer(text) if _region(regions, starts, m.start()) is None]
    found.sort()
    diagnostics, nbsp_lines = [], set()
    for offset, char in found:
        line, column = _position(text, offset)
        where = Span.point(file, line, column)
        if _NBSP.match(char):
            if line not in nbsp_lines:
                nbsp_lines.add(line)
                name = "" if char == "\u00a0" else f", {unicodedata.name(char).lower()}"
                diagnostics.append(warning("W210", f"a non-breaking space (U+{ord(char):04X}{name}) stands between "
                                           "values; it is read as a space", where, _NBSP_HINT))
            continue
        if sum(d.code == "E015" for d in diagnostics) >= MAX_CHAR_DIAGNOSTICS:
            continue
        name = (unicodedata.name(char, "") or _CONTROL_NAMES.get(char) or characters.unnamed_kind(char)).lower()
        diagnostics.append(error("E015", f"the file contains the character U+{ord(char):04X} ({name})", where,
                                 characters.why_not(char)))
    hidden = sum(not _NBSP.match(c) for _, c in found) - MAX_CHAR_DIAGNOSTICS
    if hidden > 0:
        last = max((d for d in diagnostics if d.code == "E015"), key=lambda d: (d.span.line, d.span.column))
        diagnostics[diagnostics.index(last)] = Diagnostic(
            last.code, last.severity, last.message + f" (and {hidden} more such characters, not listed)",
            last.span, last.hints)
    for match in _SPREADSHEET_ERRORS.finditer(text):
        region = _region(regions, starts, match.start())
        if region is not None and region[0] == match.start() and not region[2]:
            line, column = _position(text, match.start())
            diagnostics.append(warning(
                "W212", f"'{match.group()}' is a spreadsheet error value; '#' starts a comment here, so the rest "
                "of the line is ignored", Span(file, line, column, line, column + len(match.group())),
                "write '-' for a missing value, or the number the spreadsheet should have shown"))
    chars = list(text)
    for offset, _ in found:
        chars[offset] = " "
    return "".join(chars), diagnostics


_NBSP_HINT = "Word and Excel paste non-breaking spaces; replace it with an ordinary space"


def _region(regions: list[tuple[int, int, bool]], starts: list[int], offset: int):
    """The string or comment (start, end, is_string) holding offset, or None."""
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and regions[index][0] <= offset < regions[index][1]:
        return regions[index]
    return None


_CONTROL_NAMES = {"\x1b": "escape", "\x7f": "delete", "\x0b": "vertical tab", "\x0c": "form feed",
                  "\x85": "next line", "\x08": "backspace", "\x07": "bell"}


def _nesting(text: str, file: str, limits: Limits) -> Diagnostic | None:
    """E006 when blocks nest deeper than max_nesting_depth; E133 when the parentheses of an
    expression nest deeper than max_expression_depth (found here, before the parser meets them)."""
    blocks_limit, parens_limit = limits.max_nesting_depth, limits.max_expression_depth
    if text.count("{") <= blocks_limit and text.count("(") <= parens_limit:
        return None
    depth = {"{": 0, "(": 0}
    deepest = {"{": 0, "(": 0}
    where: dict[str, int] = {}
    for match in _BRACKET_RUNS.finditer(text):
        run = match.group()
        kind = {"{": "{", "}": "{", "(": "(", ")": "("}.get(run[0])
        if kind is None:
            continue
        if run[0] == kind:
            limit = blocks_limit if kind == "{" else parens_limit
            if kind not in where and depth[kind] + len(run) > limit:
                where[kind] = match.start() + (limit - depth[kind])
            depth[kind] += len(run)
            deepest[kind] = max(deepest[kind], depth[kind])
        else:
            depth[kind] = max(0, depth[kind] - len(run))
    if "{" in where:
        line, column = _position(text, where["{"])
        return limit_error("E006", f"blocks nested too deeply ({number(deepest['{'])} levels)", "max_nesting_depth",
                           Span.point(file, line, column), deepest["{"],
                           "the caret marks the first '{' beyond the limit; a missing '}' makes the blocks after "
                           "it count as nested", limits=limits)
    if "(" in where:
        offset = where["("]
        starts = [m.end() for m in _EXPR_START.finditer(text, 0, offset)]
        if starts:  # point at the expression, as E133 does after parsing
            offset = starts[-1] + len(text[starts[-1]:offset]) - len(text[starts[-1]:offset].lstrip(" \t"))
        line, column = _position(text, offset)
        return limit_error("E133", f"expression nested too deeply ({number(deepest['('])} levels of parentheses)",
                           "max_expression_depth", Span.point(file, line, column), deepest["("],
                           "simplify the expression", limits=limits)
    return None


_EXPRESSION_PARTS = re.compile(_EXPRESSION_PART)


def expression_parts(source: str) -> int:
    """About how many parts one expression has (at least as many as `_large_expressions` counts)."""
    return len(_EXPRESSION_PARTS.findall(source))


def _large_expressions(text: str, file: str, limits: Limits) -> list[Diagnostic]:
    """E133 for an expression with more parts than max_expression_nodes, counted before parsing
    (the parser's tree of a long chain is as deep as the chain is long)."""
    limit = limits.max_expression_nodes
    problems = []
    for start in _EXPR_START.finditer(text):
        parts, depth = 0, 0
        for token in _EXPR_TOKENS.finditer(text, start.end()):
            if token.group("end"):
                break
            if token.group("open"):
                depth += 1
            elif token.group("close"):
                depth = max(0, depth - 1)
            elif token.group("part"):
                parts += 1
                if parts > limit:
                    break
        if parts > limit:
            keyword = start.group().strip(" \t;{\n")
            offset = start.end() - len(keyword)
            line, column = _position(text, offset)
            problems.append(limit_error(
                "E133", f"expression too large (more than {number(limit)} parts)", "max_expression_nodes",
                Span(file, line, column, line, column + len(keyword)), None,
                "split the rule into smaller ones", limits=limits))
            if len(problems) >= 10:
                break
    return problems
