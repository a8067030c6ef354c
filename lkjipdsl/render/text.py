"""Tables as text, Markdown or CSV; results as JSON. Layout only: values arrive formatted.

The renderers of the formats text, markdown, csv (`rendered_tables`) and json (`rendered_json`)
in the registry of formats.py.

Cells hold spec text, so each format keeps it text: a Markdown cell is escaped (`escape.markdown_cell`:
no forged cells, headings, links, images or HTML), and a CSV cell that a spreadsheet would read as
a formula gets a leading apostrophe (`csv_cell`). A CSV file is one table for a spreadsheet in the
report's language (`csv_table`): its numbers from the raw values, in that locale's notation.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from decimal import Decimal

from ..format import plain, round_shown
from ..i18n import _
from ..results import Result
from .escape import markdown_cell, markdown_inline
from .format_request import FormatRequest, UsageError
from .layout import layout
from .table import Table
from .wrap import fitted, fitted_title, text_width
from .tables import tables
from ..patterns import deferred

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

    from .format_request import Rendered

# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection"),
# also after spaces, and in full width (Excel with an East Asian input method)
FORMULA_START = frozenset("=+-@\t\r\n＝＋－＠")
# ... except a number as lkjipdsl writes it (-5, -1.234,56, -1,234.56) or the dash of no value
_NUMBER = deferred(r"-?[0-9][0-9.,]*|-")


def csv_cell(text: str) -> str:
    """The text as a CSV cell that opens as text: a leading apostrophe when a spreadsheet would start a
    formula with it, unless it is only a number or the dash of no value."""
    start = text.lstrip(" ")[:1]
    if (text[:1] in FORMULA_START or start in FORMULA_START) and not _NUMBER.fullmatch(text.strip(" ")):
        return "'" + text
    return text


# What Excel opens as columns and numbers in each language's locale: Indonesian Excel reads `;`
# between cells and a decimal comma, English `,` and a decimal point. Files start with a byte order
# mark (BOM): without it Excel reads UTF-8 as the Windows code page ("4–6" shown as "4â€“6").
CSV_STYLE = {"id": (";", ","), "en": (",", ".")}
BOM = "\ufeff"


def csv_number(value: Decimal, places: int | None, lang: str = "id") -> str:
    """A number cell as a spreadsheet reads it in `lang`: digits without grouping, the decimals the
    table shows (rounded half-up, or truncated under `pembulatan potong`), the language's decimal
    separator: 8624579558, 71,16."""
    shown = plain(round_shown(value, places or 0)) or "0"
    return shown.replace(".", CSV_STYLE[lang][1]) if lang in CSV_STYLE else shown


def csv_table(table: Table, lang: str = "id") -> str:
    """One table as CSV for a spreadsheet in `lang`'s locale (no BOM: `rendered_tables` adds it)."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_STYLE.get(lang, CSV_STYLE["en"])[0], lineterminator="\r\n")
    writer.writerow(map(csv_cell, table.headers))
    for index, row in enumerate(table.rows):
        values = table.values[index] if index < len(table.values) else [None] * len(row)
        places = table.places[index] if index < len(table.places) else [None] * len(row)
        writer.writerow([csv_cell(text) if value is None else csv_number(value, place, lang)
                         for text, value, place in zip(row, values, places)])
    return out.getvalue()


def render_table(table: Table, fmt: str, width: int | None = None) -> str:
    """The table as csv, markdown or text; text within `width` columns when one is given (long names
    wrapped inside their column: wrap.py), else one line per row, as wide as it needs."""
    if fmt == "csv":
        import csv

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(map(csv_cell, table.headers))
        writer.writerows([csv_cell(cell) for cell in row] for row in table.rows)
        return out.getvalue()
    if fmt == "markdown":
        rows = [[markdown_cell(cell) for cell in row] for row in table.rows]
        body = layout(rows, [markdown_cell(header) for header in table.headers], table.align, "github")
        return f"### {markdown_inline(table.title)}\n\n{body}\n"
    body = fitted(table.rows, table.headers, table.align, width) if width and table.rows else None
    if body is None:
        body = layout(table.rows, table.headers, table.align, "simple")
    title = f"{table.title}\n{'=' * len(table.title)}"
    if width and text_width(table.title) > width:
        title = fitted_title(table.title, width)
    return f"{title}\n\n{body}\n"


def render_tables(chosen: list[Table], fmt: str, width: int | None = None) -> str:
    if fmt == "csv" and len(chosen) > 1:
        return "\n".join(f"# {t.name}\n{render_table(t, fmt)}" for t in chosen)
    return "\n".join(render_table(t, fmt, width) for t in chosen)


def rendered_tables(request: FormatRequest) -> Rendered:
    """The tables asked for (--table, else the default ones) as text or markdown; as csv the one table
    --table names, for a spreadsheet in the report's language (a CSV file holds one table)."""
    chosen = tables(request.result, request.names, request.lang, request.audit)
    if request.fmt != "csv":
        return render_tables(chosen, request.fmt, request.width), []
    if len(chosen) > 1:
        raise UsageError(_("a CSV file holds one table: choose it with --table NAME ({names})").format(
            names=", ".join(table.name for table in chosen)))
    return BOM + "".join(csv_table(table, request.lang) for table in chosen), []


def rendered_json(request: FormatRequest) -> Rendered:
    """The whole result as JSON, written in pieces (`write_json`)."""
    return (lambda file: write_json(request.result, file)), []


def render_json(result: Result) -> str:
    return "".join(json_chunks(result))


def write_json(result: Result, file: BinaryIO) -> None:
    """The JSON of `render_json`, written in pieces of about a megabyte: a province-sized result
    is never held whole in memory as text, nor again as bytes."""
    pending: list[str] = []
    size = 0
    for chunk in json_chunks(result):
        pending.append(chunk)
        size += len(chunk)
        if size > 1 << 20:
            file.write("".join(pending).encode("utf-8"))
            pending, size = [], 0
    file.write("".join(pending).encode("utf-8"))


def json_chunks(result: Result) -> Iterator[str]:
    """`result.model_dump_json(indent=2)` and a line break, one list item at a time."""
    from ..results_json import chunks  # only for --format json: not at every start of the command

    yield from chunks(result, 2)
    yield "\n"
