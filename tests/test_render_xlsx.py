"""--format xlsx, read back with openpyxl: numbers are numbers with Indonesian-ready formats, fills, frozen headers.

Hand-derived values (Seririt, kegiatan 1.4 Administrasi Umum Perangkat Daerah): anggaran 256.774.593,
realisasi 182.722.238, capaian anggaran 182.722.238 / 256.774.593 × 100 = 71,1605… %.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from lkjipdsl.format import angka
from lkjipdsl.render.tables import default_tables, tables
from render_helpers import rendered, seririt

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def workbook():
    return openpyxl.load_workbook(io.BytesIO(rendered("xlsx")))


def _row(sheet, column: int, text: str) -> int:
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row=row, column=column).value == text:
            return row
    raise KeyError(text)


def test_one_sheet_per_table(workbook):
    assert workbook.sheetnames == default_tables(seririt())


def test_money_and_percentages_are_numbers(workbook):
    sheet = workbook["tabel-3.1"]
    row = _row(sheet, 1, "1.4")
    anggaran, realisasi, serapan = (sheet.cell(row=row, column=c) for c in (3, 4, 5))
    assert anggaran.value == 256774593 and isinstance(anggaran.value, int)
    assert anggaran.number_format == "#,##0"
    assert realisasi.value == 182722238 and realisasi.number_format == "#,##0"
    assert isinstance(serapan.value, float) and serapan.number_format == "#,##0.00"
    assert serapan.value == pytest.approx(182722238 / 256774593 * 100, rel=1e-12)  # 71.1605…
    assert round(serapan.value, 2) == 71.16
    total = _row(sheet, 2, "Jumlah")
    assert sheet.cell(row=total, column=3).value == 8624579558


def test_predikat_colour_fills_the_rated_cell(workbook):
    sheet = workbook["capaian"]
    row = _row(sheet, 1, "2.1")  # ADM: 100 / 100 → 100,00 %, Sesuai Target (green)
    predikat = sheet.cell(row=row, column=7)
    assert predikat.value == "Sesuai Target"
    assert predikat.fill.fgColor.rgb.endswith("2DA44E")
    assert sheet.cell(row=row, column=6).value == 100
    unrated = _row(sheet, 1, "1.1")  # IKM: no realisasi, no predikat, no fill
    assert sheet.cell(row=unrated, column=6).value == "-"
    assert sheet.cell(row=unrated, column=7).fill.fgColor.rgb == "00000000"


def test_frozen_header_widths_and_print_setup(workbook):
    sheet = workbook["tabel-3.1"]
    table = tables(seririt(), ["tabel-3.1"])[0]
    assert sheet["A1"].value == table.title
    assert [c.value for c in sheet[2]] == table.headers
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.column_dimensions["B"].width > 40  # the names
    assert 12 <= sheet.column_dimensions["C"].width < 25  # 6.036.019.536 fits


def test_values_agree_with_the_text_of_every_cell():
    """The raw values the builders keep beside the text are the numbers the text shows."""
    for table in tables(seririt(), None, "id") + tables(seririt(), None, "en"):
        assert len(table.values) == len(table.rows) == len(table.places) == len(table.colors)
        for row, values, places in zip(table.rows, table.values, table.places):
            assert len(values) == len(row)
            for text, value, place in zip(row, values, places):
                if value is not None:
                    assert isinstance(value, Decimal)
                    assert text in (angka(value, place, "id"), angka(value, place, "en")), (table.name, text, value)
