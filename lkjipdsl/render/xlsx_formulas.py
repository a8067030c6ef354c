"""The formulas a workbook keeps live, and their values written beside them.

A planner who changes a realisasi in the workbook expects its kegiatan, its program, the Jumlah
row and every percentage of those rows to follow, as they would in a sheet made by hand. So where
a Table says a column sums (`Table.sums`) or is a percentage of two others of its row
(`Table.ratios`), the cell holds a formula over the cells it comes from: `=SUM(C5,C9)` over a
parent's children, `=SUM(C4,C40,…)` over the programs on a Jumlah row, `=IF(N(C5)=0,"-",N(D5)/C5*100)`
for a percentage. A formula is written only where it gives the value lkjipdsl computed (the parent's
figure is exactly the sum of its children's as the table shows them, the percentage is that
quotient): the workbook never shows a number the report does not.

openpyxl writes a formula without a value, and a reader that does not calculate (a viewer, a
program reading the file, Excel in manual calculation) would see an empty cell. `with_cached_values`
writes each formula's value into the saved file beside it (`<v>`), as Excel does; Excel and
LibreOffice calculate again when the file opens (`fullCalcOnLoad`). Formulas are made here from
cell references only: no text of a spec ever becomes a formula (docs/security.md).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from decimal import Decimal, localcontext
from xml.sax.saxutils import escape

from .table import Table

EXACT = 10**15  # integers below this are exact in a double (Excel shows 15 significant digits)
MAX_REFERENCES = 500  # children one SUM lists; beyond that the cell keeps its value (Excel's limit is 8 192 characters)
NO_VALUE = "-"


def column_letter(column: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def children(table: Table) -> dict[int, list[int]]:
    """Each row's direct children (the rows one level deeper that follow it, up to the next row at
    its level or above); the Jumlah rows have the level-0 rows."""
    out: dict[int, list[int]] = {}
    stack: list[int] = []
    top: list[int] = []
    for index in range(len(table.rows)):
        if index in table.totals:
            out[index] = list(top)
            stack = []
            continue
        level = table.level(index)
        while stack and table.level(stack[-1]) >= level:
            stack.pop()
        if stack and table.level(stack[-1]) == level - 1:
            out.setdefault(stack[-1], []).append(index)
        if level == 0:
            top.append(index)
        stack.append(index)
    return out


def cell_value(value: Decimal) -> int | float | None:
    """The value Excel stores, None when Excel cannot hold it (the cell then keeps the text).

    Excel keeps IEEE doubles, so this is the one place a Decimal becomes a float; whole numbers
    Excel holds exactly (below 10^15) stay ints. The number format shows it at the report's precision.
    """
    if not value.is_finite():
        return None
    if value == value.to_integral_value() and abs(value) < EXACT:
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def formulas(table: Table, sheet_row: int) -> dict[tuple[int, int], tuple[str, int | float | str]]:
    """(row index, column) → (formula, the value it gives) for the cells that can be formulas; the
    table's row `index` is the sheet's row `sheet_row + index`, columns count from 0."""
    out: dict[tuple[int, int], tuple[str, int | float | str]] = {}
    values = table.values
    for parent, kids in children(table).items():
        if not kids or len(kids) > MAX_REFERENCES:
            continue
        for column in table.sums:
            value = values[parent][column]
            if value is None or any(values[kid][column] is None and table.rows[kid][column].strip() not in
                                    ("", NO_VALUE) for kid in kids):
                continue
            if sum((values[kid][column] or 0 for kid in kids), Decimal(0)) != value:
                continue  # the table shows a figure its rows do not add up to: keep the figure
            cached = cell_value(value)
            if cached is None:
                continue
            letter = column_letter(column + 1)
            cells = ",".join(f"{letter}{sheet_row + kid}" for kid in kids)
            out[(parent, column)] = (f"=SUM({cells})", cached)
    for index in range(len(table.rows)):
        row = values[index]
        for column, (numerator, denominator) in table.ratios.items():
            quotient = _quotient(row[numerator], row[denominator])
            value = row[column]
            if value is None and row[denominator] == 0 and row[numerator] is not None:
                cached: int | float | str | None = NO_VALUE  # no percentage of nothing, as the report shows it
            elif value is not None and quotient is not None and _same(value, quotient):
                cached = cell_value(value)
            else:
                continue
            if cached is None:
                continue
            top, bottom = (f"{column_letter(c + 1)}{sheet_row + index}" for c in (numerator, denominator))
            out[(index, column)] = (f'=IF(N({bottom})=0,"{NO_VALUE}",N({top})/{bottom}*100)', cached)
    return out


def _quotient(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    with localcontext() as context:
        context.prec = 34
        return numerator * 100 / denominator


def _same(value: Decimal, quotient: Decimal) -> bool:
    """The computed percentage is this quotient (to far more digits than a double holds)."""
    return abs(value - quotient) <= Decimal("1e-18") * max(Decimal(1), abs(quotient))


_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*(?:/>|></v>)')


def with_cached_values(workbook: bytes, cached: list[dict[str, int | float | str]]) -> bytes:
    """The saved workbook with each formula's value beside it; `cached[n]` holds the values of the
    n-th sheet (xl/worksheets/sheet{n+1}.xml, as openpyxl names them) by cell reference."""
    if not any(cached):
        return workbook
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if match and int(match[1]) <= len(cached) and cached[int(match[1]) - 1]:
                data = _fill(data, cached[int(match[1]) - 1])
            target.writestr(info, data)
    return out.getvalue()


def _fill(sheet: bytes, values: dict[str, int | float | str]) -> bytes:
    def value(match: re.Match) -> bytes:
        reference = match[1].decode("ascii")
        if reference not in values:
            return match[0]
        shown = values[reference]
        if isinstance(shown, str):  # a formula's text result: t="str"
            return (b'<c r="' + match[1] + b'"' + match[2] + b' t="str"><f>' + match[3] + b"</f><v>"
                    + escape(shown).encode("utf-8") + b"</v>")
        return b'<c r="' + match[1] + b'"' + match[2] + b"><f>" + match[3] + b"</f><v>" + repr(shown).encode() + b"</v>"

    return _CELL.sub(value, sheet)
