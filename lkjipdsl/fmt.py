"""`lkjipdsl fmt`: one canonical layout for every spec.

The layout (docs/language.md, "Layout"): four spaces per level; one statement per line (a
`;` becomes a line break), except a block written on one line, which stays on one line while it
fits in 120 columns; single spaces between the parts of a statement (no space where none was:
`total.serapan`, `4..6`, `f(x)`); the rows of a `periode` block as a table, names left, figures
right; the comments that end consecutive lines aligned; at most one blank line, none at the
start or end of a block; no trailing spaces; one line break at the end. Numbers, texts, names,
comments and their order are kept exactly as written: formatting changes only whitespace and
line breaks, so the spec means exactly what it meant (`format_text` checks that it parses to
the same syntax tree). A file with Windows line endings keeps them; a BOM is kept.
"""

from __future__ import annotations

from .records import record

from .syntax import lossless as ll
from .syntax import silenced
from .i18n import _

INDENT = "    "
WIDTH = 120
COMMENT_COLUMN_MAX = 100  # comments are aligned up to this column, no further
PERIOD_KEYS = {"januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
               "oktober", "november", "nopember", "desember", "jan", "feb", "peb", "mar", "apr", "jun", "jul",
               "agu", "agt", "ags", "sep", "okt", "nov", "nop", "des", "tw1", "tw2", "tw3", "tw4"}


@record
class _Line:
    depth: int
    code: str  # without indentation; "" for a blank line
    comment: str | None = None
    blank: bool = False
    origin: int | None = None  # id() of the first token of the statement this line starts


def format_source(text: str) -> str:
    """The canonical layout of a spec's text (which must parse). A BOM is kept."""
    return _format(ll.parse(text), text)


def _format(items: list, text: str, stream: list | None = None, marked: list | None = None) -> str:
    """The layout of the items. `marked` receives, when formatting repeats a silencing comment on
    lines of their own, the same layout with each repetition marked (COPY), for the check that
    formatting kept every token and comment: a repetition is told from the comment it repeats, and
    from a comment of the same text elsewhere, by where it stands, not by its text."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines: list[_Line] = []
    _items(items, 0, lines)
    if "lkjipdsl:" in text:  # only then can a comment silence anything
        added = _keep_silenced(lines, stream if stream is not None else ll.tokens(text.removeprefix("\ufeff")))
        if added and marked is not None:
            for line in added:
                line.comment += COPY
            marked.append(_render(lines))
            for line in added:
                line.comment = line.comment.removesuffix(COPY)
    formatted = bom + _render(lines)
    if text.count("\r\n") * 2 > text.count("\n"):  # a Windows file stays one
        formatted = formatted.replace("\n", "\r\n")
    return formatted


def _items(items: list, depth: int, lines: list[_Line], key: str = "") -> None:
    rows = _period_table(items) if key == "periode" else None
    for item in items:
        if isinstance(item, ll.Blank):
            if lines and not lines[-1].blank and not lines[-1].code.endswith("{"):
                lines.append(_Line(depth, "", blank=True))
        elif isinstance(item, ll.Comment):
            lines.append(_Line(depth, item.text.rstrip()))
        else:
            _statement(item, depth, lines, rows)
    if lines and lines[-1].blank and depth > 0:
        lines.pop()


def _statement(statement: ll.Statement, depth: int, lines: list[_Line], rows: dict | None) -> None:
    head = rows.get(id(statement)) if rows else None
    parts = _join(statement.tokens) if head is None else [head]
    comment = statement.comment.rstrip() if statement.comment else None
    block = statement.block
    origin = id(statement.tokens[0]) if statement.tokens else None
    if block is None:
        _add(lines, depth, parts, comment, origin)
        return
    if block.one_line and block.opening_comment is None and not _has_comments(block):
        inner = "; ".join(_one_line(item) for item in block.items if isinstance(item, ll.Statement))
        code = f"{parts[-1]} {{ {inner} }}" if inner else f"{parts[-1]} {{ }}"
        if len(INDENT * depth) + len(code) <= WIDTH and len(parts) == 1:
            lines.append(_Line(depth, code, comment, origin=origin))
            return
    parts[-1] = f"{parts[-1]} {{"
    _add(lines, depth, parts, block.opening_comment.rstrip() if block.opening_comment else None, origin)
    _items(block.items, depth + 1, lines, statement.key)
    lines.append(_Line(depth, "}", comment))


def _add(lines: list[_Line], depth: int, parts: list[str], comment: str | None, origin: int | None = None) -> None:
    """A statement's lines: more than one when it was continued with `\\` (the rest indented once more)."""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        lines.append(_Line(depth + (index > 0), part + ("" if last else " \\"), comment if last else None,
                           origin=origin if index == 0 else None))


COPY = " \x00"  # marks a repeated silencing comment in the layout the check reads (never written)


def _keep_silenced(lines: list[_Line], stream: list) -> list[_Line]:
    """A `# lkjipdsl: abaikan W…` comment silences the warnings of every statement on its line
    (lkjipdsl.syntax.silenced). When formatting puts those statements on lines of their own (a `;`
    becomes a line break, a one-line block too long is opened), each line whose statement stood on
    the commented line gets the same directive, so no warning the planner silenced comes back."""
    line, start_line, directives = 1, {}, {}
    for token in stream:
        kind = token[0]
        if kind == "newline":
            line += 1
            continue
        if kind == "comment":
            codes = silenced(token[1]).get(1)
            if codes:
                directives[line] = (codes, "//" if token[1].startswith("//") else "#")
        start_line[id(token)] = line
    if not directives:
        return []
    added = []
    for formatted in lines:
        if formatted.origin is None:
            continue
        found = directives.get(start_line.get(formatted.origin, 0))
        if found is None:
            continue
        codes, mark = found
        if formatted.comment is None:
            formatted.comment = f"{mark} lkjipdsl: abaikan {', '.join(sorted(codes))}"
            added.append(formatted)
    return added


def _has_comments(block: ll.Block) -> bool:
    for item in block.items:
        if isinstance(item, ll.Comment) or isinstance(item, ll.Statement) and (
                item.comment or item.block is not None and (item.block.opening_comment or _has_comments(item.block))):
            return True
    return False


def _one_line(statement: ll.Statement) -> str:
    code = " ".join(_join(statement.tokens))
    if statement.block is not None:
        inner = "; ".join(_one_line(item) for item in statement.block.items if isinstance(item, ll.Statement))
        code += f" {{ {inner} }}" if inner else " { }"
    return code


def _join(tokens: list[ll.Token]) -> list[str]:
    """The statement's text, single-spaced where whitespace stood, split where it was continued."""
    parts, current = [], ""
    for token in tokens:
        if token[0] == "cont":
            parts.append(current)
            current = ""
            continue
        if current and token[2]:
            current += " "
        current += _clean(token)
    parts.append(current)
    return parts


def _clean(token: ll.Token) -> str:
    text = token[1]
    if token[0] == "word" and (" " in text or "\t" in text):  # Rp  1.000 and 50  % are one token each
        return " ".join(text.split())
    return text


def _period_table(items: list) -> dict | None:
    """The rows of a periode block laid out as a table: {id(statement): text}; None when there
    are not two rows, or a row is continued or has parts written without spaces between them."""
    rows, cells = [], []
    for item in items:
        if not isinstance(item, ll.Statement) or item.block is not None:
            continue
        tokens = item.tokens
        if tokens[0][1].lower() not in PERIOD_KEYS:
            continue
        if any(token[0] == "cont" or not token[2] for token in tokens[1:]):
            return None
        rows.append(item)
        cells.append([_clean(token) for token in tokens])
    if len(rows) < 2:
        return None
    widths = [0] * max(len(row) for row in cells)
    for row in cells:
        for index, cell in enumerate(row):
            if len(cell) > widths[index]:
                widths[index] = len(cell)
    table = {}
    for row, statement in zip(cells, rows):
        columns = [row[0].ljust(widths[0])]
        columns += [cell if _is_name(cell) else cell.rjust(widths[i]) for i, cell in enumerate(row[1:], 1)]
        table[id(statement)] = "  ".join(columns).rstrip()
    return table


def _is_name(cell: str) -> bool:
    return cell[:1].isalpha() and cell[:2] != "Rp"


def _render(lines: list[_Line]) -> str:
    out = []
    index = 0
    while index < len(lines):
        if lines[index].comment is not None and lines[index].code:
            end = index
            while end < len(lines) and lines[end].comment is not None and lines[end].code:
                end += 1
            group = lines[index:end]
            column = max(len(INDENT * line.depth) + len(line.code) for line in group) + 2
            for line in group:
                code = INDENT * line.depth + line.code
                width = column if column <= COMMENT_COLUMN_MAX else len(code) + 2
                out.append(code.ljust(width) + line.comment)
            index = end
            continue
        line = lines[index]
        if line.blank:
            out.append("")
        else:
            out.append((INDENT * line.depth + line.code).rstrip() if line.code else
                       (line.comment or "").rstrip())
        index += 1
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


class Unchanged(Exception):
    """Formatting would change what the spec means: a bug in the formatter (never written)."""


def format_text(text: str, file: str = "<spec>", limits=None) -> str:
    """`format_source`, checked: the text must read without errors (ValueError(diagnostics)
    otherwise), and the result must hold the same statements, values, blocks and comments in the
    same order (Unchanged otherwise: a formatter bug, never written).

    What is formatted is the text as the parser reads it: line separators (U+2028) and lone
    carriage returns become line breaks, and non-breaking spaces plain spaces (W210, W211)."""
    from . import limits as limits_module
    from .api import gc_paused
    from .limits import Limits

    limits = limits or Limits()
    # millions of small tuples and no cycles: the collector would only walk them again and again;
    # the limits in force are the scanner's too (near a limit it hands over to Lark)
    with gc_paused(), limits_module.using(limits):
        return _format_checked(text, file, limits)


def _format_checked(text: str, file: str, limits) -> str:
    from . import syntax
    from .syntax import prescan

    scan = prescan(text.removeprefix("\ufeff"), file, limits, deep=False)
    errors = [d for d in scan.diagnostics if d.is_error]
    if scan.fatal or errors:
        raise ValueError(errors)
    _statements, problems = syntax.parse(scan.text, file)
    if problems:
        raise ValueError(problems)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    stream = ll.tokens(scan.text)
    marked: list[str] = []
    formatted = _format(ll.parse_tokens(stream), bom + scan.text, stream, marked)
    if text.count("\r\n") * 2 > text.count("\n") and "\r\n" not in formatted:
        formatted = formatted.replace("\n", "\r\n")
    checked = marked[0] if marked else formatted.removeprefix("\ufeff")
    if _signature(ll.tokens(checked)) != _signature(stream):
        raise Unchanged(_("formatting {file} would change what it says; it is left as it is (a bug in lkjipdsl "
                          "fmt)").format(file=file))
    return formatted


_BREAKS = ("newline", "semi")


def _signature(tokens: list) -> list[str]:
    """What formatting must keep: every token and comment in order, and where statements end
    (a line break or `;`, one however many, none just inside `{` and `}`). A silencing comment
    formatting repeated (`_keep_silenced`, marked COPY) is not counted."""
    signature: list[str] = []
    add = signature.append
    for kind, text, _space in tokens:
        if kind == "comment" and text.rstrip().endswith(COPY.strip()):
            continue
        if kind == "newline" or kind == "semi":
            if signature and signature[-1] != "\n" and signature[-1] != "{":
                add("\n")
        elif kind == "word":
            add(" ".join(text.split()) if " " in text or "\t" in text else text)
        elif kind == "comment":
            add(text.rstrip())
        elif kind != "cont":
            if kind == "rbrace" and signature and signature[-1] == "\n":
                signature.pop()
            add(text)
    while signature and signature[-1] == "\n":
        signature.pop()
    return signature
