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


@pytest.fixture(scope="module")
def values():
    """The workbook as a reader that does not calculate sees it: each formula's value written beside it."""
    return openpyxl.load_workbook(io.BytesIO(rendered("xlsx")), data_only=True)


def test_money_and_percentages_are_numbers(workbook, values):
    sheet = workbook["tabel-3.1"]
    row = _row(sheet, 1, "1.4.2")  # a sub kegiatan: 141.840.118 of 203.263.283 = 69,78 %
    anggaran, realisasi = (sheet.cell(row=row, column=c) for c in (3, 4))
    assert anggaran.value == 203263283 and isinstance(anggaran.value, int)
    assert anggaran.number_format == "#,##0"
    assert realisasi.value == 141840118 and realisasi.number_format == "#,##0"
    row = _row(sheet, 1, "1.4")  # a kegiatan: its figures are its sub kegiatan's sums, its % of them
    serapan = values["tabel-3.1"].cell(row=row, column=5)
    assert values["tabel-3.1"].cell(row=row, column=3).value == 256774593
    assert isinstance(serapan.value, float) and sheet.cell(row=row, column=5).number_format == "#,##0.00"
    assert serapan.value == pytest.approx(182722238 / 256774593 * 100, rel=1e-12)  # 71.1605…
    assert round(serapan.value, 2) == 71.16
    total = _row(sheet, 2, "Jumlah")
    assert values["tabel-3.1"].cell(row=total, column=3).value == 8624579558


def test_totals_and_percentages_are_formulas_of_their_cells(workbook, values):
    sheet, cached = workbook["tabel-3.1"], values["tabel-3.1"]
    row = _row(sheet, 1, "1.4")
    subs = [_row(sheet, 1, f"1.4.{n}") for n in (1, 2, 4, 5, 6, 8)]  # the seed's six sub kegiatan of 1.4
    assert sheet.cell(row=row, column=3).value == "=SUM(" + ",".join(f"C{r}" for r in subs) + ")"
    assert sheet.cell(row=row, column=4).value == "=SUM(" + ",".join(f"D{r}" for r in subs) + ")"
    assert sheet.cell(row=row, column=5).value == f'=IF(N(C{row})=0,"-",N(D{row})/C{row}*100)'
    # the seed's Tabel 3.1: 7.786.400 + 203.263.283 + 2.755.610 + 6.969.600 + 23.541.500 + 12.458.200
    assert sum(cached.cell(row=r, column=3).value for r in subs) == 256774593 == cached.cell(row=row, column=3).value
    assert sheet.cell(row=subs[0], column=5).value == f'=IF(N(C{subs[0]})=0,"-",N(D{subs[0]})/C{subs[0]}*100)'
    assert cached.cell(row=subs[0], column=5).value == pytest.approx(7065000 / 7786400 * 100)  # 90,74
    programs = [_row(sheet, 1, str(n)) for n in range(1, 8)]
    total = _row(sheet, 2, "Jumlah")
    assert sheet.cell(row=total, column=3).value == "=SUM(" + ",".join(f"C{r}" for r in programs) + ")"
    assert sheet.cell(row=programs[0], column=4).value.startswith("=SUM(D")
    # program 1 as the seed's Tabel 3.6 prints it: 6.811.854.166 of 6.942.171.920 = 98,12 %
    assert cached.cell(row=programs[0], column=4).value == 6811854166
    assert round(cached.cell(row=programs[0], column=5).value, 2) == 98.12
    assert workbook.calculation.fullCalcOnLoad  # Excel and LibreOffice calculate again on opening


def test_earlier_years_have_their_formulas_under_two_header_rows(workbook, values):
    sheet = workbook["tabel-3.2"]
    assert [sheet.cell(row=2, column=c).value for c in (1, 3, 6)] == ["No", "Tahun 2020", "Tahun 2021"]
    assert [sheet.cell(row=3, column=c).value for c in (3, 4, 5)] == ["Target", "Realisasi", "%"]
    assert "C2:E2" in {str(r) for r in sheet.merged_cells.ranges} and sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$2:$3"
    row = _row(sheet, 1, "1.1")  # 2021: 55.460.364 and 52.464.705 (the seed's Tabel 3.2), 94,60 %
    assert sheet.cell(row=row, column=6).value.startswith("=SUM(F")
    assert values["tabel-3.2"].cell(row=row, column=6).value == 55460364
    assert round(values["tabel-3.2"].cell(row=row, column=8).value, 2) == 94.60


def test_a_total_its_rows_do_not_add_up_to_stays_a_number():
    from conftest import evaluate_text

    from lkjipdsl.render.report_tables import REPORT_BUILDERS
    from lkjipdsl.render.xlsx_formulas import formulas

    table = REPORT_BUILDERS["tabel-3.1"](evaluate_text("""
        program 1 "P" { kegiatan 1.1 "K" { subkegiatan 1.1.1 "S" { anggaran 100; realisasi 50 } } }
    """))
    live = formulas(table, 3)
    assert live[(0, 2)] == ("=SUM(C4)", 100) and live[(0, 4)][1] == 50
    table.values[1][2] = Decimal(99)  # a kegiatan whose figure is not its sub kegiatan's
    assert (1, 2) not in formulas(table, 3) and (0, 2) not in formulas(table, 3)


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
