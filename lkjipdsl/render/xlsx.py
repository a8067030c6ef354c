"""Tables as an Excel workbook (openpyxl, the `xlsx` extra; imported only when used).

One sheet per table: the title in row 1, the header in row 2 (frozen, repeated on every printed
page), then the rows. Number cells hold the raw values the Table builders kept beside their text
(`Table.values`), not strings, with the number format of the decimals the text shows ('#,##0',
'#,##0.00'); percentages are numbers of percent points (71.16…, under a "(%)" header). Excel and
LibreOffice draw the separators of the reader's locale: 256.774.593 and 71,16 in Indonesian.
A row's predikat colour fills the cell it rates; a kegiatan or sub kegiatan is indented by its level
(`Table.levels`). `rendered_workbook` is the renderer of the format xlsx (formats.py).

Every text is written as a text cell (`_put`): a name such as `=HYPERLINK(…)` or `#N/A` is shown
as it is, never read as a formula or an error value, and characters XML cannot hold become U+FFFD
(`xml_text`); a text beyond Excel's 32 767 characters is cut with "…", and no row is taller than
Excel's 409 points. The workbook is assembled in memory and written out in one piece, so a full
disk is a plain OSError for the caller, with no half-written zip left to close.
"""

from __future__ import annotations

import io
import re
from copy import copy

from ..format import TRUNCATE, display_rounding_in_force, truncate
from ..results import Result
from .extras import require
from .format_request import FormatRequest
from .headings import heading
from .table import Table, contrast
from .tables import tables
from .xlsx_formulas import cell_value, formulas, with_cached_values
from .xmltext import xml_text

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

    from .format_request import Rendered

MAX_WIDTH = 60
LINE_HEIGHT = 15  # points per line of 11 pt text
# What Excel can hold: a taller row or a longer text makes it "repair" the file on opening
MAX_ROW_HEIGHT = 409  # points
MAX_CELL_TEXT = 32_767  # characters
HEADER_FILL = "EAEEF2"
FONT = "Calibri"  # Excel's default; LibreOffice uses the metric-compatible Carlito where it is installed


def _openpyxl():
    with require("xlsx", "--format xlsx"):
        import openpyxl
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter
    return openpyxl, Alignment, Border, Font, PatternFill, Side, get_column_letter


def number_format(places: int) -> str:
    """'#,##0' for whole numbers, '#,##0.00' for two decimals: the reader's locale picks the separators."""
    return "#,##0" + ("." + "0" * places if places else "")


def column_widths(headers: list[str], cells: list[list[tuple[int, str]]]) -> list[int]:
    """Widths in characters: the longest cell (indent included), at most MAX_WIDTH, at least the
    longest header word; two characters of margin."""
    widths = [max((len(word) for word in header.split()), default=4) for header in headers]
    for row in cells:
        for column, (level, text) in enumerate(row):
            widths[column] = max(widths[column], min(_length(text) + 2 * level, MAX_WIDTH))
    return [width + 2 for width in widths]


def _length(text: str) -> int:
    """A text's width in Excel's character units (the width of a digit in Calibri 11): lower case and
    spaces about 0.8, capitals 1.05 (measured: a name in capitals wider than that wrapped rows that
    Excel and LibreOffice show on one line)."""
    upper = sum(map(str.isupper, text))
    return round(0.8 * (len(text) - upper) + 1.05 * upper)


def _lines(text: str, width: int) -> int:
    """The lines a text wraps to in a column of `width` characters (word wrap, roughly)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + _length(word) > width:
            lines, used = lines + 1, _length(word)
        else:
            used += _length(word) + (1 if used else 0)
    return lines


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "tabel"
    title, count = base, 1
    while title.lower() in taken:
        count += 1
        title = f"{base[:28]}-{count}"
    taken.add(title.lower())
    return title


def rendered_workbook(request: FormatRequest) -> Rendered:
    """The tables asked for as a workbook, written when the output is open; without charts: a chart is
    drawn from the workbook's numbers in Excel."""
    _openpyxl()  # fail before anything is written when openpyxl is missing
    chosen = tables(request.result, request.names, request.lang, request.audit)
    return (lambda file: write(request.result, chosen, file, lang=request.lang)), []


def write(result: Result, chosen: list[Table], file: BinaryIO, lang: str = "id") -> None:
    """Write the workbook to a binary file (`lang`: the report's language, for a workbook without tables)."""
    openpyxl, *_ = _openpyxl()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = xml_text(f"{result.spec.instansi or ''} {result.spec.tahun or ''}".strip())
    workbook.properties.creator = xml_text(result.spec.instansi or "")  # the report's, not the tool's
    workbook.calculation.fullCalcOnLoad = True  # Excel and LibreOffice calculate the formulas on opening
    styles = _Styles(workbook)
    taken: set[str] = set()
    cached = [_sheet(workbook.create_sheet(sheet_title(table.name, taken)), table, styles) for table in chosen]
    if not chosen:  # a workbook needs a sheet: a spec with nothing to tabulate still gets one, saying so
        workbook.create_sheet("tabel").append([heading(lang, "tanpa_tabel")])
    whole = io.BytesIO()
    workbook.save(whole)
    file.write(with_cached_values(whole.getvalue(), cached))


def _height(lines: int) -> float:
    return min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)


def _put(sheet, row: int, column: int, value: int | float | str | None):
    """The cell at (row, column) holding a number as a number and a text as a text cell: openpyxl
    would otherwise read '=…' as a formula and '#N/A' as an error value."""
    if isinstance(value, str):
        if len(value) > MAX_CELL_TEXT:
            value = value[:MAX_CELL_TEXT - 1] + "…"
        cell = sheet.cell(row=row, column=column, value=xml_text(value))
        cell.data_type = "s"
        return cell
    return sheet.cell(row=row, column=column, value=value)


class _Styles:
    """Named cell styles, registered once per workbook: assigning one by name is several times faster
    than assigning border, alignment and number format objects to every cell."""

    def __init__(self, workbook):
        self.workbook, self.names = workbook, set()
        self.arrays: dict[tuple, object] = {}

    def apply(self, cell, align: str, indent: int = 0, wrap: bool = False, places: int | None = None) -> None:
        """`cell.style = self(…)`, with the style's cell formatting looked up once per workbook, not
        once per cell (openpyxl searches its list of named styles on every assignment)."""
        key = (align, indent, wrap, places)
        array = self.arrays.get(key)
        if array is None:
            cell.style = self(align, indent, wrap, places)
            self.arrays[key] = copy(cell._style)
        else:
            cell._style = copy(array)

    def __call__(self, align: str, indent: int = 0, wrap: bool = False, places: int | None = None,
                 header: bool = False) -> str:
        name = f"lkjipdsl {'header' if header else align}" + (f" {number_format(places)}" if places is not None else "")
        name += (f" indent {indent}" if indent else "") + (" wrap" if wrap else "")
        if name not in self.names:
            self.workbook.add_named_style(self._style(name, align, indent, wrap, places, header))
            self.names.add(name)
        return name

    @staticmethod
    def _style(name, align, indent, wrap, places, header):
        _, Alignment, Border, Font, PatternFill, Side, _ = _openpyxl()
        from openpyxl.styles import NamedStyle

        thin = Side(style="thin", color="8C959F")
        style = NamedStyle(name=name, border=Border(left=thin, right=thin, top=thin, bottom=thin),
                           font=Font(name=FONT, size=11))
        if header:
            style.font = Font(name=FONT, size=11, bold=True)
            style.fill = PatternFill("solid", fgColor=HEADER_FILL)
            style.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        else:
            style.alignment = Alignment(horizontal=align, vertical="top", indent=indent, wrap_text=wrap)
        if places is not None:
            style.number_format = number_format(places)
        return style


def _header(sheet, table: Table, widths: list[int], styles: _Styles) -> int:
    """The header rows from row 2 (a year's label merged over its columns, a lone header merged
    down both rows); the number of header rows."""
    header_rows = table.header_rows()
    for offset, cells in enumerate(header_rows):
        row, column = 2 + offset, 1
        for text, across, down in cells:
            while sheet.cell(row=row, column=column).value is not None or (row, column) in _merged(sheet):
                column += 1
            _put(sheet, row, column, text).style = styles("center", header=True)
            if across > 1 or down > 1:
                for r in range(row, row + down):  # the covered cells drawn as header too (borders, fill)
                    for c in range(column, column + across):
                        if (r, c) != (row, column):
                            sheet.cell(row=r, column=c).style = styles("center", header=True)
                sheet.merge_cells(start_row=row, start_column=column, end_row=row + down - 1,
                                  end_column=column + across - 1)
            column += across
    for offset in range(len(header_rows)):
        leaves = table.leaves or table.headers
        words = table.headers if len(header_rows) == 1 else leaves
        # headers are bold, about a fifth wider than the text `_length` measures
        sheet.row_dimensions[2 + offset].height = _height(max(_lines(h, int(w / 1.2)) for h, w in zip(words, widths)))
    return len(header_rows)


def _merged(sheet) -> set[tuple[int, int]]:
    return {(r, c) for merged in sheet.merged_cells.ranges
            for r in range(merged.min_row, merged.max_row + 1) for c in range(merged.min_col, merged.max_col + 1)}


def _sheet(sheet, table: Table, styles: _Styles) -> dict[str, int | float | str]:
    """One table as a sheet; the values of its formulas by cell reference, to write beside them."""
    _, _, _, Font, PatternFill, _, get_column_letter = _openpyxl()
    _put(sheet, 1, 1, table.title).font = Font(name=FONT, bold=True, size=12)
    cells = [table.leveled(index) for index in range(len(table.rows))]
    widths = column_widths(table.leaves if table.groups else table.headers, cells)
    first = 2 + _header(sheet, table, widths, styles)  # the sheet row of the table's first row
    live = formulas(table, first)
    cut = display_rounding_in_force() == TRUNCATE  # pembulatan potong: cells hold the figures as shown
    cached: dict[str, int | float | str] = {}
    for index, row in enumerate(cells):
        values = table.values[index] if index < len(table.values) else [None] * len(row)
        places = table.places[index] if index < len(table.places) else [None] * len(row)
        lines = 1
        for column, (level, shown) in enumerate(row):
            value = values[column]
            if value is not None and cut and places[column] is not None:
                value = truncate(value, places[column])  # Excel's number formats round half-up
            number = cell_value(value) if value is not None else None
            if (index, column) in live:
                formula, cached[f"{get_column_letter(column + 1)}{first + index}"] = live[(index, column)]
                if cut and formula.startswith("="):
                    formula = f"=TRUNC({formula[1:]},{places[column] if places[column] is not None else 2})"
                cell = sheet.cell(row=first + index, column=column + 1, value=formula)
                styles.apply(cell, "right", 0, False, places[column] if places[column] is not None else 2)
                continue
            cell = _put(sheet, first + index, column + 1, number if number is not None else shown or None)
            needed = 1 if number is not None else _lines(shown, widths[column] - 2 * level)
            styles.apply(cell, table.align[column], level, needed > 1,
                         (places[column] or 0) if number is not None else None)
            lines = max(lines, needed)
        if lines > 1:
            sheet.row_dimensions[first + index].height = _height(lines)
        color = table.colors[index] if index < len(table.colors) else None
        if color:
            _fill(sheet.cell(row=first + index, column=(table.rated if table.rated is not None else 0) + 1), color,
                  PatternFill, Font)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{first}"
    if table.rows:
        sheet.auto_filter.ref = f"A{first - 1}:{get_column_letter(len(table.headers))}{len(table.rows) + first - 1}"
    sheet.print_title_rows = f"2:{first - 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return cached


def _fill(cell, color: str, PatternFill, Font) -> None:  # noqa: N803 (openpyxl classes passed in)
    hex_color = color.lstrip("#").upper()
    cell.fill = PatternFill("solid", fgColor=hex_color)
    cell.font = Font(name=FONT, size=11, bold=True, color=contrast(color).lstrip("#").upper())
