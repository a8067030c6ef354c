"""Stage 1, first step: the checks a text passes before any parser reads it.

`prescan` is cheap (linear in the size of the text, mostly in C): it refuses a file over
max_file_bytes (E007), a NUL byte (E004) and a lone surrogate (E009); makes unusual line breaks
plain ones (W211); reports the characters no spec may hold (E015, lkjipdsl.syntax.characters),
non-breaking spaces (W210), spreadsheet error values (W212) and, beyond ASCII, digits of other
scripts and names that mix scripts or look like others (E016–E018), replacing the characters it
reported so that the parser reads on without reporting them again. The limits that protect the
parser (max_tokens, max_nesting_depth, the size of expressions) are checked here too, or left to
`deep_checks` when the scanner, which enforces them itself, reads the text first.
"""

from __future__ import annotations

import bisect
import unicodedata
from ..records import record

from ..diagnostics import Diagnostic, Span, error, warning
from ..i18n import N_, _
from ..limits import SPLIT_HINT, Limits, current, file_too_large, limit_error, number
from . import characters
from .characters import position as _position
from .lexicon import (
    EXPRESSION_KEYS, INVISIBLE_OR_CONTROL_ASCII, INVISIBLE_OR_CONTROL_BMP, LINE_CONTINUATION, NAME, STRING_OR_COMMENT,
)
from ..patterns import deferred
from ..patterns import compiled

# A quoted text, a comment and a number are one token each, as the parser reads them.
_TOKENS = deferred(STRING_OR_COMMENT + r"|(?:Rp\.?[ \t]*)?\d+(?:[._,]\d+)*|\w+|[^\w\s]")
# Characters that have no business in a spec (lkjipdsl.syntax.characters): controls (C1 ones are a
# sign of text decoded in the wrong encoding), invisible characters and text-direction controls
# (which can make a line display differently from what it says), noncharacters. NUL has its own code
# (E004); line breaks other than LF and CRLF are read as line breaks. ASCII text is searched for the
# ASCII ones only, which is more than twice as fast; those beyond U+FFFF are looked for apart.
_BAD_CHARS = deferred(f"[{INVISIBLE_OR_CONTROL_BMP}]")
_BAD_ASCII_CHARS = deferred(f"[{INVISIBLE_OR_CONTROL_ASCII}]")
_LINE_BREAKS = deferred("\r(?!\n)|[\u2028\u2029]")
_NBSP = deferred("[\u00a0\u2007\u202f\u3000]")
_BAD_CHARS_OR_NBSP = compiled("[" + _BAD_CHARS.pattern[1:-1] + _NBSP.pattern[1:-1] + "]")  # one pass, not two
_SPREADSHEET_ERRORS = compiled(r"#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)")
_LONGEST_ERROR_VALUE = len("#SPILL!")
_STRING_OR_COMMENT = deferred(STRING_OR_COMMENT)
_BRACKET_RUNS = deferred(STRING_OR_COMMENT + r"|\{+|\}+|\(+|\)+")
_EXPR_START = deferred(rf"(?m)(?:^|[;{{])[ \t]*(?:{'|'.join(EXPRESSION_KEYS)})\b")
# one part of an expression: a name (or owner.field), a number or an operator
_EXPRESSION_PART = (rf"{NAME}(?:\.{NAME})?|(?:Rp\.?[ \t]*)?\d+(?:[._,]\d+)*(?:,-)?(?:[ \t]*%)?"
                    r"|>=|<=|==|!=|[-+*/×÷<>=]")
_EXPR_TOKENS = deferred(
    rf"{STRING_OR_COMMENT}|{LINE_CONTINUATION}|(?P<end>[;}}\n])|(?P<open>\()|(?P<close>\))|"
    rf"(?P<part>{_EXPRESSION_PART})|[^\s]")
_LINE_BREAK_NAMES = {"\r": N_("carriage returns without a line feed (old Mac line endings)"),
                     "\u2028": N_("line separators (U+2028, as web pages and some exports write them)"),
                     "\u2029": N_("paragraph separators (U+2029)")}
MAX_CHAR_DIAGNOSTICS = 10


@record(slots=True)
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


def prescan_edited(text: str, file: str, limits: Limits | None, before: tuple[str, Prescan] | None,
                   changed: tuple[int, int, int] | None) -> Prescan:
    """`prescan(text, file, limits, deep=False)` of an edited text (lkjipdsl.session), looking only at
    what changed when the text before the edit (`before`: that text and its prescan) was ASCII and
    found clean: the rest is the same text, already found clean. `changed`: (start, end before, end
    now) of the changed span (lkjipdsl.syntax.parts.changed_span)."""
    limits = limits or current()
    if (before is None or changed is None or not text.isascii() or len(text) > limits.max_file_bytes
            or not _clean(*before)):
        return prescan(text, file, limits, deep=False)
    start, _end_before, end = changed
    edited = text[start:end]
    # an error value is a few characters: one the edit made reaches into the span
    around = max(0, start - _LONGEST_ERROR_VALUE), end + _LONGEST_ERROR_VALUE
    if ("\x00" in edited or "\r" in edited or _BAD_ASCII_CHARS.search(edited)
            or _SPREADSHEET_ERRORS.search(text, *around)):
        return prescan(text, file, limits, deep=False)
    return Prescan(text, text, [], False)


def _clean(text: str, scan: Prescan) -> bool:
    """An ASCII text the prescan found nothing in (nor anything to replace)."""
    return scan.text is text and scan.source is text and not scan.diagnostics and not scan.fatal and text.isascii()


def deep_checks(text: str, file: str, limits: Limits | None = None) -> list[Diagnostic]:
    """The checks `prescan(deep=False)` left out; any diagnostic here is fatal."""
    limits = limits or current()
    too_many = _too_many_tokens(text, file, limits)
    return [too_many] if too_many else _parser_guards(text, file, limits)


def _too_many_tokens(text: str, file: str, limits: Limits) -> Diagnostic | None:
    tokens = _count_tokens(text) if len(text) > limits.max_tokens else 0
    if tokens <= limits.max_tokens:
        return None
    return limit_error("E010", _("the file has {count} words, numbers and symbols").format(count=number(tokens)),
                       "max_tokens", Span.point(file, 1, 1), tokens, _(SPLIT_HINT), limits=limits)


def _parser_guards(text: str, file: str, limits: Limits) -> list[Diagnostic]:
    depth = _nesting(text, file, limits)
    if depth is not None:
        return [depth]
    return _large_expressions(text, file, limits)


def _nul(text: str, file: str) -> Diagnostic:
    """E004: a binary file, or UTF-16 without a byte order mark (every other byte NUL)."""
    offset = text.index("\x00")
    line, column = _position(text, offset)
    sample = text[:400]
    hint = _("the file is probably binary or saved in UTF-16")
    if len(sample) >= 8 and (sample[1::2].count("\x00") > len(sample) // 3
                             or sample[0::2].count("\x00") > len(sample) // 3):
        hint = _("the file is UTF-16 (every other byte is 0); save it as UTF-8")
    return error("E004", _("the file contains a NUL byte"), Span.point(file, line, column), hint)


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
    what = _(_LINE_BREAK_NAMES[kinds[0]])
    for kind in kinds[1:]:
        what = _("{first} and {second}").format(first=what, second=_(_LINE_BREAK_NAMES[kind]))
    return source, [warning("W211", _("{count} line break(s) in this file are {kinds}; they are read as line "
                                      "breaks").format(count=len(found), kinds=what), Span.point(file, line, column),
                            _("save the file with ordinary line endings (LF, or CRLF on Windows)"))]


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
                diagnostics.append(warning("W210", _("a non-breaking space ({character}) stands between values; it "
                                                     "is read as a space").format(character=f"U+{ord(char):04X}{name}"),
                                           where, _(_NBSP_HINT)))
            continue
        if sum(d.code == "E015" for d in diagnostics) >= MAX_CHAR_DIAGNOSTICS:
            continue
        name = (unicodedata.name(char, "") or _CONTROL_NAMES.get(char) or characters.unnamed_kind(char)).lower()
        diagnostics.append(error("E015", _("the file contains the character {code} ({name})").format(
            code=f"U+{ord(char):04X}", name=name), where, characters.why_not(char)))
    hidden = sum(not _NBSP.match(c) for _, c in found) - MAX_CHAR_DIAGNOSTICS
    if hidden > 0:
        last = max((d for d in diagnostics if d.code == "E015"), key=lambda d: (d.span.line, d.span.column))
        diagnostics[diagnostics.index(last)] = Diagnostic(
            last.code, last.severity,
            last.message + " " + _("(and {count} more such characters, not listed)").format(count=hidden),
            last.span, last.hints)
    for match in _SPREADSHEET_ERRORS.finditer(text):
        region = _region(regions, starts, match.start())
        if region is not None and region[0] == match.start() and not region[2]:
            line, column = _position(text, match.start())
            diagnostics.append(warning(
                "W212", _("'{value}' is a spreadsheet error value; '#' starts a comment here, so the rest of the line "
                          "is ignored").format(value=match.group()),
                Span(file, line, column, line, column + len(match.group())),
                _("write '-' for a missing value, or the number the spreadsheet should have shown")))
    chars = list(text)
    for offset, _char in found:
        chars[offset] = " "
    return "".join(chars), diagnostics


_NBSP_HINT = N_("Word and Excel paste non-breaking spaces; replace it with an ordinary space")


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
        return limit_error("E006", _("blocks nested too deeply ({count} levels)").format(count=number(deepest["{"])),
                           "max_nesting_depth", Span.point(file, line, column), deepest["{"],
                           _("the caret marks the first '{{' beyond the limit; a missing '}}' makes the blocks after "
                             "it count as nested").format(), limits=limits)
    if "(" in where:
        offset = where["("]
        starts = [m.end() for m in _EXPR_START.finditer(text, 0, offset)]
        if starts:  # point at the expression, as E133 does after parsing
            offset = starts[-1] + len(text[starts[-1]:offset]) - len(text[starts[-1]:offset].lstrip(" \t"))
        line, column = _position(text, offset)
        return limit_error("E133", _("expression nested too deeply ({count} levels of parentheses)").format(
                               count=number(deepest["("])),
                           "max_expression_depth", Span.point(file, line, column), deepest["("],
                           _("simplify the expression"), limits=limits)
    return None


_EXPRESSION_PARTS = compiled(_EXPRESSION_PART)


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
                "E133", _("expression too large (more than {count} parts)").format(count=number(limit)),
                "max_expression_nodes", Span(file, line, column, line, column + len(keyword)), None,
                _("split the rule into smaller ones"), limits=limits))
            if len(problems) >= 10:
                break
    return problems
