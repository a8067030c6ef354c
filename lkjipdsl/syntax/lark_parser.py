"""The full parser: Lark's LALR parser over grammar/lkj.lark, and its errors as diagnostics.

Well-formed text never comes here (lkjipdsl.syntax reads it with the scanner and exprscan); this
module imports Lark only when a text does come, and builds the parser then, once per process (never
cached on disk). Lark builds its parse tree, which the Transformer of lkjipdsl.syntax.lark_builder
then turns into the nodes of lkjipdsl.syntax.tree. A syntax error is reported, the top-level
statement that holds it is blanked out (keeping every line and column in place), and parsing
resumes, so one run reports one error per broken top-level statement."""

from __future__ import annotations

import functools
import re
import unicodedata

from ..diagnostics import Diagnostic, Span, error
from ..i18n import N_, _
from . import characters, slips
from . import tree as st
from .lexicon import STRING_OR_COMMENT
from ..patterns import deferred

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from lark import Lark
    from lark.exceptions import UnexpectedInput

MAX_SYNTAX_ERRORS = 25

# The grammar's terminals as a planner would say them ($END is Lark's name for the end of the text);
# the words are translated where they are shown, the symbols are the same in every language.
TERMINAL_WORDS = {
    "NAME": N_("a keyword or name"),
    "NO_VALUE_WORD": N_("a keyword or name"),  # n/a: a name that says "no value", listed as NAME is
    "NUMBER": N_("a number"),
    "STRING": N_('a quoted text ("...")'),
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "LPAR": "'('",
    "RPAR": "')'",
    "COMMA": "','",
    "DOT": "'.'",
    "AT_YEAR": N_("a year after '@' (@2022)"),
    "BUDGET_CODE": N_("a code (1.01)"),
    "RANGE": "'..'",
    "MINUS": "'-'",
    "_NL": N_("the end of the line"),
    "COMP_OP": N_("a comparison (<, <=, >, >=, =, !=)"),
    "ADD_OP": "'+'",
    "MUL_OP": N_("'*' or '/'"),
    "RUMUS": "'rumus'",
    "JIKA": "'jika'",
    "OR": "'atau'",
    "OR_ENGLISH": "'or'",
    "AND": "'dan'",
    "AND_ENGLISH": "'and'",
    "NOT": "'tidak'",
    "NOT_ENGLISH": "'not'",
    "$END": N_("the end of the file"),
}


def grammar() -> str:
    """The text of grammar/lkj.lark, as the package holds it (lkjipdsl.grammar)."""
    from importlib import resources

    return resources.files("lkjipdsl.grammar").joinpath("lkj.lark").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The Lark parser of the grammar, built on first use."""
    from lark import Lark  # imported only when needed: well-formed specs never need it (scanner, exprscan)

    # No cache on disk: Lark's cache is a pickle, and a pickle another user plants in a cache
    # directory runs their code (docs/security.md, S7). Building the tables takes about 60 ms, and
    # only a spec the scanner hands over (a syntax error, an unusual layout) needs them at all.
    return Lark(grammar(), parser="lalr", lexer="contextual", cache=False, maybe_placeholders=False,
                start=["start", "expr"])


def parse_expression_with_lark(source: str, file: str, line: int, column: int) -> st.Expr | None:
    """parse_expression by Lark alone."""
    from lark.exceptions import UnexpectedInput, VisitError

    from .lark_builder import Builder

    padded = " " * (column - 1) + source
    try:
        tree = parser().parse(padded, start="expr")
        return Builder(file, "\n" * (line - 1) + padded, line_offset=line - 1).transform(tree)
    except (UnexpectedInput, VisitError, RecursionError):
        return None


def parse_with_lark(text: str, file: str = "<spec>") -> tuple[tuple[st.Statement, ...], list[Diagnostic]]:
    """The full parser: every syntax error reported, resuming at the next top-level statement."""
    from lark.exceptions import UnexpectedInput

    diagnostics: list[Diagnostic] = []
    working = text
    for _attempt in range(MAX_SYNTAX_ERRORS + 1):
        try:
            tree = _parse_once(working, file)
            return tree, diagnostics
        except UnexpectedInput as exc:
            diagnostic, line = _describe(exc, working, file)
            diagnostics.append(diagnostic)
            if _is_stray_brace(exc, working):  # drop just the '}', keeping the statement before it
                blanked = _blank_char(working, exc.token.line, exc.token.column)
            else:
                blanked = _blank_statement(working, line)
            if blanked == working:
                return (), diagnostics
            working = blanked
    diagnostics.append(too_many_errors())
    return (), diagnostics


def too_many_errors() -> Diagnostic:
    """E005: reading stopped after MAX_SYNTAX_ERRORS syntax errors."""
    return error("E005", _("too many syntax errors; stopped after {count}").format(count=MAX_SYNTAX_ERRORS), None)


def _parse_once(working: str, file: str):
    from lark.exceptions import VisitError

    from .lark_builder import Builder

    builder = Builder(file, working)
    tree = parser().parse(working, start="start")
    try:
        return builder.transform(tree)
    except VisitError as exc:  # Lark wraps errors raised in callbacks; let RecursionError reach the caller
        if isinstance(exc.orig_exc, RecursionError):
            raise exc.orig_exc from None
        raise


def _describe(exc: UnexpectedInput, text: str, file: str) -> tuple[Diagnostic, int]:
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    lines = text.split("\n")
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        line = len(lines)
        col = len(lines[-1]) + 1 if lines else 1
        while line > 1 and not lines[line - 1].strip():
            line -= 1
            col = len(lines[line - 1]) + 1
        expected = _expected_words(getattr(exc, "expected", None) or getattr(exc, "accepts", None) or set())
        unclosed = _unclosed_brace(lines) if "'}'" in expected else None
        if unclosed:
            open_line, open_col, message, hint = unclosed
            return error("E003", message, Span.point(file, open_line, open_col), hint), open_line
        hint = _("a block opened with '{{' is not closed with '}}'").format() if "'}'" in expected else ""
        message = (_("the file ends too early; expected {expected}").format(expected=expected) if expected
                   else _("the file ends too early"))
        return error("E003", message, Span.point(file, line, col), hint), line
    if isinstance(exc, UnexpectedCharacters):
        line, col = exc.line, exc.column
        char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        if char == '"':
            return error("E002", _("unclosed text: this '\"' has no closing '\"' on the same line"),
                         Span.point(file, line, col), _('close the text with " before the end of the line')), line
        if char == "\x00":
            return error("E004", _("the file contains a NUL byte"), Span.point(file, line, col),
                         _("the file is probably binary or saved in UTF-16")), line
        shown = "'" + (char if char.isprintable() else repr(char)) + "'"
        if not char.isascii() and unicodedata.category(char)[0] in "MCZ":  # invisible, or drawn over its neighbour
            shown = characters.describe(char)
        expected = _expected_words(exc.allowed or set())
        message = (_("unexpected character {char}; expected {expected}").format(char=shown, expected=expected)
                   if expected else _("unexpected character {char}").format(char=shown))
        hint = slips.line_hint(lines[line - 1] if line <= len(lines) else "") or _char_hint(char)
        return error("E001", message, Span.point(file, line, col), hint), line
    assert isinstance(exc, UnexpectedToken)
    token = exc.token
    line, col = token.line, token.column
    expected = _expected_words(exc.accepts or exc.expected or set())
    width = max(1, len(str(token)))
    hint = ""
    if token.type == "RBRACE":
        opener = _missing_open_brace(lines, line)
        hint = (_("is a '{{' missing at the end of line {line}?").format(line=opener) if opener
                else _("this '}}' has no matching '{{'; delete it").format())
    elif token.type == "LBRACE":
        hint = _("a block needs a keyword before '{{', e.g. {example}").format(example='indikator IKU1 "Nama" {')
    elif token.type == "_NL" and "')'" in expected:
        hint = _("a '(' is not closed on this line")
    else:
        text_line = lines[line - 1] if line <= len(lines) else ""
        hint = slips.line_hint(text_line) or _token_hint(str(token), text_line[: col - 1],
                                                         text_line[col - 1 + len(str(token)):])
    if token.type == "_NL":
        message = (_("unexpected end of the line; expected {expected}").format(expected=expected) if expected
                   else _("unexpected end of the line"))
    else:
        message = (_("unexpected '{token}'; expected {expected}").format(token=token, expected=expected)
                   if expected else _("unexpected '{token}'").format(token=token))
    return error("E001", message,
                 Span(file, line, col, line, col + width if token.type != "_NL" else col + 1), hint), line


def _token_hint(token: str, before: str, after: str = "") -> str:
    """Hints for tokens that are legal somewhere but not here, by what usually causes them."""
    stripped = before.rstrip()
    if token == "+" and re.search(r"[0-9][eE]$", stripped):
        return _("a number in scientific notation (as Excel shows a narrow cell) cannot be read; write all its "
                 "digits")
    if token == "+" and (not re.search(r"[\w)]$", stripped) or re.match(r"[ \t]*[0-9]", after)) \
            and not re.search(r"[0-9)]$", stripped):
        return _("write the number without a '+' sign")
    if token == "." and re.match(r"[0-9]", after) and not re.search(r"[0-9]$", before):
        return _("a number starts with a digit: write {number}").format(
            number="0." + re.match(r"[0-9]+", after).group())
    if token == "." and re.search(r"[0-9]$", before) and not re.match(r"\w", after):
        return _("a number does not end with '.'; delete it, or write the decimals after it")
    if token == "/" and not stripped:
        return _("comments start with # or //")
    if token in ("<", ">") and stripped.endswith("="):
        return _("write {operator}= (the '{operator}' comes first)").format(operator=token)
    return ""


def _char_hint(char: str) -> str:
    if char in "“”":
        return _('use straight quotes (") around texts; curly quotes come from word processors')
    if char in "'‘’":
        return _('put texts in straight double quotes ("…"), not single quotes')
    if char == ":":
        return _("write 'key value', without ':'")
    if char == "=":
        return _("write 'key value', without '='")
    if char in "%/&@":
        return (_("put texts in quotes, e.g. {example}").format(example=f'satuan "{char}"') if char == "%"
                else _("put texts in quotes"))
    return ""


def _expected_words(names) -> str:
    words = sorted({_(_terminal_word(n)) for n in names})
    if len(words) > 6:
        words = words[:6] + ["…"]
    return ", ".join(words)


def _terminal_word(name: str) -> str:
    """A terminal as a planner would read it."""
    return TERMINAL_WORDS.get(name, f"'{name.lower()}'")


# a text or a comment (whose braces do not count), or a brace
_BRACES = deferred(STRING_OR_COMMENT + "|[{}]")


def _unclosed_brace(lines: list[str]) -> tuple[int, int, str, str] | None:
    """For a file that ends inside a block: the line and column of the '{' that is probably not
    closed, a message and a hint. A '}' that closes a '{' of another indentation marks that '{';
    else a top-level statement found inside a block shows where the block should have ended. The
    hint names where the missing '}' belongs: before the first line after the '{' that is indented
    no deeper than the line of the '{' (`_block_end`), not before the '}' of an outer block."""
    stack: list[tuple[int, int]] = []
    suspect = None
    for number, line in enumerate(lines, 1):
        if stack and _starts_top_level(line):
            break
        for match in _BRACES.finditer(line):
            if match.group() == "{":
                stack.append((number, match.start() + 1))
            elif match.group() == "}" and stack:
                opened = stack.pop()
                at_start = not line[:match.start()].strip()
                if suspect is None and at_start and _indent(line) != _indent(lines[opened[0] - 1]):
                    suspect = (opened, number)
    else:
        number = None
    if suspect is not None:
        (open_line, open_column), outer = suspect
        end = _block_end(lines, open_line, outer)
        return (open_line, open_column, _("the block opened here is not closed"),
                _("add '}}' before line {end}, where this block's contents end; the '}}' on line {line} lines up "
                  "with an outer block").format(end=end or outer, line=outer))
    if not stack:
        return None
    open_line, open_column = stack[-1]
    if number is not None:
        end = _block_end(lines, open_line, number) or number
        return (open_line, open_column,
                _("the block opened here is not closed before line {line}").format(line=number),
                _("add '}}' before line {line}").format(line=end))
    end = _block_end(lines, open_line, len(lines) + 1)
    return (open_line, open_column, _("the block opened here is not closed by the end of the file"),
            _("add '}}' before line {line}").format(line=end) if end else _("add '}}' where the block ends").format())


def _block_end(lines: list[str], open_line: int, before: int) -> int | None:
    """The line before which the block opened on `open_line` should be closed: the first line
    after it (before `before`) that is indented no deeper than `open_line`; blank lines and
    comments do not count. None when there is none, or when the file does not indent the
    contents of its blocks (the first line inside is no deeper than the '{'), so that
    indentation tells nothing."""
    indent = _indent(lines[open_line - 1])
    first = True
    for number in range(open_line + 1, min(before, len(lines) + 1)):
        text = lines[number - 1].strip()
        if not text or text.startswith(("#", "//")):
            continue
        if _indent(lines[number - 1]) <= indent:
            return None if first else number
        first = False
    return None


def _missing_open_brace(lines: list[str], error_line: int) -> int | None:
    """The line, within the top-level statement before error_line, that is followed by indented
    lines but does not end with '{' — where a block probably lost its '{'."""
    start = error_line
    while start > 1 and not _starts_top_level(lines[start - 1]):
        start -= 1
    candidates = [n for n in range(start, error_line) if lines[n - 1].strip()]
    for this, following in zip(candidates, candidates[1:] + [error_line]):
        text = lines[this - 1]
        deeper = _indent(lines[following - 1]) > _indent(text)
        if deeper and not text.rstrip().endswith("{") and following != error_line:
            return this
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_stray_brace(exc: UnexpectedInput, text: str) -> bool:
    from lark.exceptions import UnexpectedToken

    return (isinstance(exc, UnexpectedToken) and exc.token.type == "RBRACE"
            and _missing_open_brace(text.split("\n"), exc.token.line) is None)


def _blank_char(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1][: column - 1] + " " + lines[line - 1][column:]
    return "\n".join(lines)


def _blank_statement(text: str, error_line: int) -> str:
    """Blank the top-level statement holding error_line (spaces, newlines kept)."""
    lines = text.split("\n")
    error_line = min(max(error_line, 1), len(lines))
    start = error_line
    while start > 1 and not _starts_top_level(lines[start - 1]):
        start -= 1
    end = error_line + 1
    while end <= len(lines) and not _starts_top_level(lines[end - 1]):
        end += 1
    for index in range(start - 1, end - 1):
        lines[index] = " " * len(lines[index])
    return "\n".join(lines)


def _starts_top_level(line: str) -> bool:
    return bool(line) and not line[0].isspace() and not line.startswith(("}", "#", "//"))
