"""`lkjipdsl template` and `lkjipdsl import`: the input workbook round trip, finance-system exports
checked against sums worked out by hand, every kind of bad file, and `--update`."""

from __future__ import annotations

import copy
import os
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import cli
from lkjipdsl.fmt import format_text

pytest.importorskip("openpyxl")

from export_fixture import SMALL, export_workbook  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERIRIT = ROOT / "specs" / "seririt-2023.lkj"


def run(args, capsys, lang: str = "en") -> tuple[int, str]:
    """The command's status and what it printed, in English unless `lang` says otherwise (the
    Indonesian messages are checked in test_i18n_importer.py)."""
    code = cli.main([str(a) for a in args] + ["--lang", lang])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def imported(path: Path, capsys, *extra) -> tuple[int, str, str]:
    out = path.with_suffix(".lkj")
    code, messages = run(["import", path, "-o", out, *extra], capsys)
    return code, messages, out.read_text(encoding="utf-8") if out.exists() else ""


def evaluated(text: str):
    loaded = lkjipdsl.loads(text, "x.lkj")
    assert loaded.ok, [d.message for d in loaded.diagnostics if d.is_error]
    return lkjipdsl.evaluate(loaded)


# ---- the input workbook ----
def test_round_trip_from_the_seririt_spec(tmp_path, capsys):
    """template --from → import gives a spec with the same anggaran, realisasi, target and realisasi
    for every item (the figures the evaluation starts from)."""
    workbook = tmp_path / "isian.xlsx"
    code, messages = run(["template", "--from", SERIRIT, "-o", workbook], capsys)
    assert code == 0, messages
    assert "5 aturan (rules), 4 dokumen, 1 ringkasan, 1 pejabat" in messages  # what the workbook cannot hold
    code, messages, text = imported(workbook, capsys)
    assert code == 0, messages
    assert format_text(text) == text  # written in the canonical layout
    original = lkjipdsl.evaluate(lkjipdsl.load(SERIRIT))
    again = evaluated(text)
    budget = [n for n in original.nodes if n.kind in ("program", "kegiatan", "subkegiatan", "total")
              and "/" not in n.id]  # not the earlier years' dokumen
    assert len(budget) == 7 + 18 + 58 + 1
    for node in budget:
        other = again.node(node.id)
        assert (other.anggaran, other.realisasi_anggaran) == (node.anggaran, node.realisasi_anggaran), node.id
    indikator = [n for n in original.nodes if n.kind == "indikator"]
    assert len(indikator) == 4
    for node in indikator:
        other = again.node(node.id)
        assert (other.target, other.realisasi, other.capaian_kinerja) == (
            node.target, node.realisasi, node.capaian_kinerja), node.id


CODED_AND_RATIOS = """instansi "Dinas Pendidikan Contoh"
tahun 2023
pembulatan potong
serapan_induk rata_rata
sasaran SS.1 "Meningkatnya mutu pendidikan dasar" {
  indikator IKU.1.2 "Rasio guru terhadap murid SD" {
    satuan "murid per guru"; polaritas minimal
    target 1:20
    realisasi 1 : 17,9
    riwayat 2022 target 1:20 realisasi 1:21
    periode triwulanan gabung terakhir {
      tw1 1:20 1:19
      tw4 1:20 1:17,9
    }
    tercetak realisasi 1:17,9 "Tabel 3.1"
  }
  indikator 01.01 "Angka partisipasi murni SD" { satuan "%"; polaritas maksimal; target 98; realisasi 97,4 }
}
program 1 "Program Pengelolaan Pendidikan" {
  kegiatan 1.01 "Pengelolaan Pendidikan SD" {
    subkegiatan 1.01.01 "Penyediaan guru" { anggaran 1.000.000; realisasi 500.000 }
    subkegiatan 1.01.02 "Pembangunan ruang kelas" { anggaran 3.000.000; realisasi 2.970.000 }
  }
}
"""


def test_round_trip_of_coded_ids_ratios_pembulatan_and_serapan_induk(tmp_path, capsys):
    """The workbook holds what such a spec says: template --from → import gives the same spec."""
    spec = tmp_path / "spec.lkj"
    spec.write_text(CODED_AND_RATIOS, encoding="utf-8")
    workbook = tmp_path / "isian.xlsx"
    code, messages = run(["template", "--from", spec, "-o", workbook], capsys)
    assert code == 0, messages
    code, messages, text = imported(workbook, capsys)
    assert code == 0, messages
    assert "pembulatan potong\nserapan_induk rata_rata\n" in text
    assert "indikator IKU.1.2 " in text and "indikator 01.01 " in text and "sasaran SS.1 " in text
    assert "realisasi 1 : 17,9\n" in text and "riwayat 2022 target 1:20 realisasi 1:21" in text
    original, again = evaluated(CODED_AND_RATIOS), evaluated(text)
    assert again.spec.pembulatan == original.spec.pembulatan == "potong"
    fields = ("id", "kind", "target", "realisasi", "target_tertulis", "realisasi_tertulis", "capaian", "anggaran",
              "realisasi_anggaran", "serapan", "riwayat", "periode")
    assert [[getattr(n, f) for f in fields] for n in again.nodes] == [[getattr(n, f) for f in fields]
                                                                      for n in original.nodes]
    # serapan_induk rata_rata: the kegiatan's serapan is the mean of 50 and 99, not 3.470.000 / 4.000.000 = 86,75
    assert again.node("1.01").serapan == Decimal("74.5")
    # minimal: (2 × 20 − 17,9) / 20 × 100 = 110,5
    assert again.node("IKU.1.2").capaian == Decimal("110.5")
    assert [(a.field, a.ok, a.printed_text) for a in again.assertions if a.source == "Tabel 3.1"] == [
        ("realisasi", True, "1:17,9")]


def test_ratio_cells_and_coded_ids_of_a_filled_workbook(tmp_path, capsys):
    import datetime

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS + [["pembulatan", "potong"], ["serapan_induk", "rata-rata"]],
                       "Sasaran & Indikator": [
                           ["SS.1", "Sasaran", None, "IKU.1.2", "Rasio guru murid", "rasio", "minimal", "1:20", None,
                            "1:17,9"],
                           ["SS.1", None, None, "I2", "Rasio kelas", "rasio", "minimal", "0:20", None,
                            datetime.time(1, 20)]]})
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""
    assert "isian.xlsx:Identitas!B8: error[I102]: 'rata-rata' is not a value of serapan_induk" in messages
    assert ("isian.xlsx:Sasaran & Indikator!H8: error[I101]: a target is expected here: '0:20' cannot be read"
            in messages)
    assert "its first term is zero" in messages
    assert "isian.xlsx:Sasaran & Indikator!J8: error[I101]: a realisasi is expected here, not a time of day" in messages
    assert "Excel read a ratio such as 1:20 as a time" in messages
    write_isian(path, {"Identitas": IDENTITAS + [["pembulatan", "potong"], ["serapan_induk", "rata_rata"]],
                       "Sasaran & Indikator": [
                           ["SS.1", "Sasaran", None, "IKU.1.2", "Rasio guru murid", "rasio", "minimal", "1:20", None,
                            "1:17,9"]]})
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    result = evaluated(text)
    node = result.node("IKU.1.2")
    assert (node.target, node.realisasi, node.realisasi_tertulis, node.capaian) == (
        Decimal(20), Decimal("17.9"), "1:17,9", Decimal("110.5"))
    assert result.spec.pembulatan == "potong"


def test_the_template_is_laid_out_for_planners(tmp_path, capsys):
    from openpyxl import load_workbook

    path = tmp_path / "isian.xlsx"
    assert run(["template", "-o", path], capsys)[0] == 0
    book = load_workbook(path)
    assert book.sheetnames == ["Petunjuk", "Identitas", "Sasaran & Indikator", "Anggaran", "Bulanan",
                               "Riwayat & Renstra", "Tercetak", "_lkjipdsl"]
    assert book["_lkjipdsl"].sheet_state == "hidden" and book["_lkjipdsl"]["B2"].value == "1"
    sheet = book["Sasaran & Indikator"]
    headings = [c.value for c in sheet[sheet.freeze_panes[1:] and int(sheet.freeze_panes[1:]) - 1]]
    assert headings[:7] == ["ID Sasaran", "Nama Sasaran", "Agregasi", "ID Indikator", "Nama Indikator", "Satuan",
                            "Polaritas"]
    lists = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"maksimal,minimal,rentang,stabil"' in lists and '"rata_rata,rata_rata_bobot,minimum,maksimum"' in lists
    anggaran = book["Anggaran"]
    heading_row = int(anggaran.freeze_panes[1:]) - 1
    assert anggaran.cell(heading_row + 1, 4).number_format == "#,##0"  # shown 1.234.567 in an Indonesian Excel
    assert anggaran.column_dimensions["C"].width == 56


def write_isian(path: Path, rows: dict[str, list[list]]):
    """An input workbook from the template, with cells filled in below each sheet's heading."""
    from openpyxl import load_workbook

    cli.main(["template", "-o", str(path)])
    book = load_workbook(path)
    for name, values in rows.items():
        sheet = book[name]
        heading = int(sheet.freeze_panes[1:]) - 1
        for offset, row in enumerate(values, 1):
            for col, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(heading + offset, col, value)
    book.save(path)


IDENTITAS = [["instansi", "Kecamatan Contoh"], ["tahun", 2024]]


def test_a_filled_workbook_becomes_a_spec(tmp_path, capsys):
    path = tmp_path / "isian.xlsx"
    write_isian(path, {
        "Identitas": IDENTITAS,
        "Sasaran & Indikator": [["S1", "Meningkatnya pelayanan", None, "IKM", "Indeks kepuasan", "%", "maksimal",
                                 95, None, "97,4"]],
        "Anggaran": [["1", None, "Program penunjang"], ["1.1", None, "Administrasi keuangan"],
                     ["1.1.1", None, "Gaji", 1_486_980, "742.500"], ["1.1.2", None, "Laporan", 1_794_600, 1_763_000]],
        "Bulanan": [["IKM", "triwulanan", "terakhir", "tw1", 95, 96]],
    })
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    result = evaluated(text)
    ikm = result.node("IKM")
    assert ikm.target == 95 and ikm.realisasi == Decimal("97.4")
    assert result.node("1.1").anggaran == 1_486_980 + 1_794_600  # 3.281.580
    assert result.node("1.1").realisasi_anggaran == 742_500 + 1_763_000  # 2.505.500
    assert "periode triwulanan gabung terakhir {" in text and "tw1  95  96" in text


@pytest.mark.parametrize(("sheet", "row", "code", "message", "cell"), [
    ("Sasaran & Indikator", ["S1", "Sasaran", None, "I1", "Indikator", "%", "maksimum", 1, None, 1],
     "I102", "'maksimum' is not a polaritas", "G7"),
    ("Sasaran & Indikator", ["S1", "Sasaran", None, "1X", "Indikator", "%", "maksimal", 1, None, 1],
     "I101", "'1X' cannot be the ID of an indikator", "D7"),
    ("Anggaran", ["1", None, "Program", "satu juta"], "I101", "an amount (rupiah) is expected here: 'satu juta'",
     "D7"),
    ("Anggaran", ["9.9.9.9", None, "Program", 1000], "I107", "the code '9.9.9.9' fits no level", "A7"),
    ("Bulanan", ["TIDAK_ADA", "bulanan", "jumlah", "januari", 1, 1], "I108", "no indikator or budget item", "A6"),
])
def test_bad_cells_of_the_input_workbook(tmp_path, capsys, sheet, row, code, message, cell):
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, sheet: [row]})
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""  # nothing written
    assert f"isian.xlsx:{sheet}!{cell}: error[{code}]: {message}" in messages
    assert "nothing written" in messages


def test_an_id_or_a_code_that_excel_holds_as_a_number_is_said(tmp_path, capsys):
    """An indikator id and a budget code typed into cells Excel keeps as numbers (01.01 is then
    1.01, 1.10 is 1.1): imported as Excel holds them, each with a warning at its cell."""
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Sasaran & Indikator": [["S1", "Sasaran", None, 1.01, "Indikator", "%", "maksimal", 90,
                                                None, 81]],
                       "Anggaran": [["1", None, "Program", 1000], [1.1, None, "Kegiatan", 1000],
                                    ["1.1.1", None, "Sub kegiatan", 1000]]})
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert "isian.xlsx:Sasaran & Indikator!D7: warning[I201]: the id 1.01 is a number in Excel, not a text" in messages
    assert "isian.xlsx:Anggaran!A8: warning[I201]: the code 1.1 is a number in Excel, not a text" in messages
    assert messages.count("I201") == 2  # the codes typed as text are not warned of
    result = evaluated(text)
    assert result.node("1.01").capaian == 90  # 81 / 90 × 100
    assert result.node("1.1").anggaran == 1000


def test_a_reference_that_excel_holds_as_a_number_is_explained(tmp_path, capsys):
    """The Bulanan sheet names indikator 01.01 (typed as text in its own sheet) in a cell Excel keeps
    as the number 1.01: no such item, and the hint says why."""
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Sasaran & Indikator": [["S1", "Sasaran", None, "01.01", "Indikator", "%", "maksimal", 90,
                                                None, 81]],
                       "Bulanan": [[1.01, "triwulanan", "terakhir", "tw1", 90, 81]]})
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""
    assert "isian.xlsx:Bulanan!A6: error[I108]: no indikator or budget item '1.01'" in messages
    assert "Excel holds this cell as a number, in which 01.01 becomes 1.01" in messages


def test_an_id_or_a_code_that_excel_made_a_date_is_an_error_at_its_cell(tmp_path, capsys):
    """Ids and codes Excel turned into a date or a time as they were typed (1.10 as 1 October): no id
    or code can be told from one, so each is I101 at its cell, with the hint to format the column
    as Text; the rows typed as text are read."""
    import datetime

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Sasaran & Indikator": [["S1", "Sasaran", None, datetime.date(2024, 10, 1), "Indikator", "%",
                                                "maksimal", 90, None, 81],
                                               ["S1", None, None, "I2", "Indikator dua", "%", "maksimal", 90, None,
                                                81]],
                       "Anggaran": [["1", None, "Program", 1000], [datetime.date(2024, 10, 1), None, "Kegiatan", 500]],
                       "Bulanan": [[datetime.time(1, 10), "triwulanan", "terakhir", "tw1", 90, 81]]})
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""
    assert ("isian.xlsx:Sasaran & Indikator!D7: error[I101]: an indikator ID is expected here, not a date"
            in messages)
    assert "isian.xlsx:Anggaran!A8: error[I101]: a budget code is expected here, not a date" in messages
    assert ("isian.xlsx:Bulanan!A6: error[I101]: an indikator ID or a budget code is expected here, not a time of "
            "day" in messages)
    assert messages.count("Excel read what was typed here as a date or a time") == 3
    assert messages.count("error[") == 3  # the other rows are sound


def test_cells_formatted_as_percentages_are_read_as_they_are_shown(tmp_path, capsys):
    """Excel holds 95% typed into a cell as 0.95 and shows it as 95%: the importer reads 95, as the
    planner typed and sees it (a `0.0%` format too); a '%' that a format only writes as text
    ("0.0"%"") does not scale the number, and is read as held."""
    from openpyxl import load_workbook

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Sasaran & Indikator": [["S1", "Sasaran", None, "IKM", "Indeks kepuasan", "%", "maksimal",
                                                0.95, None, 0.974],
                                               ["S1", None, None, "I2", "Indeks dua", "%", "maksimal", 80, None,
                                                0.5]]})
    book = load_workbook(path)
    sheet = book["Sasaran & Indikator"]
    sheet["H7"].number_format = "0%"
    sheet["J7"].number_format = "0.0%"
    sheet["J8"].number_format = '0.0"%"'
    book.save(path)
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert "target 95\n" in text and "realisasi 97,4\n" in text and "realisasi 0,5\n" in text
    result = evaluated(text)
    assert (result.node("IKM").target, result.node("IKM").realisasi) == (95, Decimal("97.4"))
    assert result.node("IKM").capaian == Decimal("97.4") / 95 * 100  # 102,53 shown
    assert result.node("I2").realisasi == Decimal("0.5")


def test_jenis_and_gabung_may_stand_on_any_row_of_an_item(tmp_path, capsys):
    """A running total written with Jenis and Gabung on its last row only: `gabung terakhir` for
    the whole item, so its realisasi is tw3's 70, not 20 + 45 + 70. Two rows that disagree are an
    error at the second; a row naming a sasaran is one too (its figures are its indikator's)."""
    indikator = [["S1", "Sasaran", None, "IKM", "Indeks", "%", "maksimal", 100, None, 70]]
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, "Sasaran & Indikator": indikator,
                       "Bulanan": [["IKM", None, None, "tw1", 100, 20], ["IKM", None, None, "tw2", 100, 45],
                                   ["IKM", "triwulanan", "terakhir", "tw3", 100, 70]]})
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert "periode triwulanan gabung terakhir {" in text
    path = tmp_path / "isian2.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, "Sasaran & Indikator": indikator,
                       "Bulanan": [["IKM", "triwulanan", "jumlah", "tw1", 100, 20],
                                   ["IKM", None, "terakhir", "tw2", 100, 45],
                                   ["S1", None, None, "tw3", 100, 70]]})
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""
    assert ("isian2.xlsx:Bulanan!C7: error[I102]: 'terakhir' differs from 'jumlah', written for 'IKM' on row 6"
            in messages)
    assert ("isian2.xlsx:Bulanan!A8: error[I108]: 'S1' is a sasaran: the rows of Bulanan belong to an indikator "
            "or a budget item" in messages)


def test_cells_under_a_heading_or_in_a_sheet_not_read_are_said(tmp_path, capsys):
    """A heading renamed ("Realisasi" for "Realisasi (Rp)"), a heading written twice, a sheet
    renamed: their cells are not read, and each is I207 naming it (the spec is still written: the
    rest is sound). A column that holds nothing below its heading is not mentioned."""
    from openpyxl import load_workbook

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Anggaran": [["1", None, "Program"], ["1.1", None, "Kegiatan"],
                                    ["1.1.1", None, "Sub", 1000, 900]]})
    book = load_workbook(path)
    sheet = book["Anggaran"]
    heading = int(sheet.freeze_panes[1:]) - 1
    headings = {cell.value: cell.column for cell in sheet[heading] if cell.value}
    sheet.cell(heading, headings["Realisasi (Rp)"]).value = "Realisasi"
    extra = max(headings.values()) + 1
    sheet.cell(heading, extra).value = "Uraian"
    sheet.cell(heading + 3, extra).value = "Nama lain"
    book["Tercetak"].title = "Tercetak 2024"
    book["Tercetak 2024"]["A10"] = "catatan"
    book.save(path)
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    realisasi = sheet.cell(heading, headings["Realisasi (Rp)"]).coordinate
    uraian = sheet.cell(heading, headings["Uraian"]).column_letter
    assert (f"isian.xlsx:Anggaran!{realisasi}: warning[I207]: the column 'Realisasi' is not one the importer "
            "reads: its cells are not read" in messages)
    assert "did you mean 'Realisasi (Rp)'?" in messages
    assert (f"warning[I207]: the heading 'Uraian' is written twice: only the first, in column {uraian}, is read"
            in messages)
    assert ("isian.xlsx:Tercetak 2024!A1: warning[I207]: sheet 'Tercetak 2024' is not one the importer reads"
            in messages)
    assert "did you mean 'Tercetak'?" in messages
    assert messages.count("I207") == 3
    assert evaluated(text).node("1.1.1").realisasi_anggaran is None  # as said: not read


def _with_cells_xml(path: Path, sheet_file: str, row: int, cells: str) -> None:
    """The workbook with one more row of cells written as Excel writes them (XML), for what openpyxl
    cannot write: a formula with the value Excel computed for it."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[sheet_file].decode()
    parts[sheet_file] = xml.replace("</sheetData>", f'<row r="{row}">{cells}</row></sheetData>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_formula_excel_computed_to_an_empty_text_is_an_empty_cell(tmp_path, capsys):
    """Rows prepared with =IF(…;"";…) that stay empty: Excel saves each such cell as a formula with
    the empty text it computed (t="str", an empty value), read as an empty cell, not as a formula
    Excel never computed (I104); a formula without a computed value still is I104."""
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, "Anggaran": [["1", None, "Program", 1000, 900]]})
    empty = '<c r="A{row}" t="str"><f>IF(C{row}="","",C{row})</f><v></v></c>'
    _with_cells_xml(path, "xl/worksheets/sheet4.xml", 40, empty.format(row=40))  # Anggaran
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert "I104" not in messages and evaluated(text).node("1").anggaran == 1000
    path = tmp_path / "isian2.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, "Anggaran": [["1", None, "Program", 1000, 900]]})
    _with_cells_xml(path, "xl/worksheets/sheet4.xml", 40, '<c r="A40"><f>IF(C40="","",C40)</f><v></v></c>')
    status, messages, _text = imported(path, capsys)
    assert status == 1 and "isian2.xlsx:Anggaran!A40: error[I104]" in messages


def test_a_printed_figure_is_compared_at_the_decimals_its_cell_shows(tmp_path, capsys):
    """98,5 in a cell formatted 0.00 is printed 98,50: compared at two decimals, it disagrees with
    a capaian of 98,54 (98,54 / 100 × 100), which 98,5 at one decimal would have passed."""
    from openpyxl import load_workbook

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Sasaran & Indikator": [["S1", "Sasaran", None, "IKM", "Indeks", "%", "maksimal", 100, None,
                                                "98,54"]],
                       "Tercetak": [["IKM", "capaian", 98.5, "Tabel 3.1"], ["IKM", "target", 100, "Tabel 3.1"]]})
    book = load_workbook(path)
    sheet = book["Tercetak"]
    heading = int(sheet.freeze_panes[1:]) - 1
    sheet.cell(heading + 1, 3).number_format = "0.00"
    sheet.cell(heading + 2, 3).number_format = "0.00"
    book.save(path)
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert "tercetak capaian 98,50" in text and "tercetak target 100,00" in text
    failed = evaluated(text).failed_assertions
    assert [(a.field, a.printed_text) for a in failed] == [("capaian", "98,50")]


def test_slips_a_planner_makes_in_the_workbook_are_said(tmp_path, capsys):
    """A key written twice in Identitas with two values (neither taken over the other unsaid; a key
    row left empty, as the template lists every key, is no second value), a printed figure whose
    value was left empty, TRUE where an id belongs: each a diagnostic at its cell."""
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS + [["tahun", 2023]],
                       "Sasaran & Indikator": [["S1", "Sasaran", None, "IKM", "Indeks", "%", "maksimal", 100, None,
                                                90],
                                               ["S1", None, None, True, "Indeks dua", "%", "maksimal", 100, None,
                                                90]],
                       "Tercetak": [["IKM", "capaian", None, "Tabel 3.1"]]})
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""
    assert "isian.xlsx:Identitas!A7: error[I103]: 'tahun' is given twice in Identitas, first on row 6" in messages
    assert "isian.xlsx:Sasaran & Indikator!D8: error[I101]: an indikator ID is expected here, not TRUE" in messages
    assert "isian.xlsx:Tercetak!C5: error[I106]: the printed capaian of 'IKM' has no value" in messages
    assert messages.count("error[") == 3
    path = tmp_path / "isian2.xlsx"
    write_isian(path, {"Identitas": IDENTITAS + [["renstra_awal", 2021]],
                       "Anggaran": [["1", None, "Program", 1000, "\u22121.500"]]})  # a minus as Word prints it
    status, messages, text = imported(path, capsys)
    assert status == 1
    assert "error[I106]: Identitas: 'renstra_awal' is given without 'renstra_akhir'" in messages
    assert messages.count("error[") == 1  # −1.500 is read, as -1.500
    status, messages, text = imported(path, capsys, "--force")
    assert evaluated(text).node("1").realisasi_anggaran == -1500


def test_a_double_is_read_as_excel_shows_it(tmp_path, capsys):
    """Excel shows 15 significant digits of the double it holds: a formula's 0,1 + 0,2 is held as
    0.30000000000000004 and shown 0,3, an amount summed in floating point 500000.00000000006 is
    shown 500.000; the importer reads what Excel shows."""
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Sasaran & Indikator": [["S1", "Sasaran", None, "IKM", "Indeks", "%", "maksimal", 0.1 + 0.2,
                                                None, 0.3]],
                       "Anggaran": [["1", None, "Program", 500000.00000000006, 250000.0]]})
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert "target 0,3\n" in text and "anggaran 500.000\n" in text
    assert evaluated(text).node("IKM").capaian == 100


def test_duplicate_ids_and_a_date_for_an_amount(tmp_path, capsys):
    import datetime

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS,
                       "Anggaran": [["1", None, "Program", 1000], ["1", None, "Lagi", 2000],
                                    ["2", None, "Program dua", datetime.date(2024, 1, 5)]]})
    status, messages, _ = imported(path, capsys)
    assert status == 1
    assert "isian.xlsx:Anggaran!A8: error[I103]: the code '1' is used twice" in messages
    assert "isian.xlsx:Anggaran!D9: error[I101]: an amount (rupiah) is expected here, not a date" in messages
    assert "05/01/2024" in messages  # the cell as Excel shows it, under the message


def test_force_writes_what_is_sound_and_lists_the_rest(tmp_path, capsys):
    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, "Anggaran": [["1", None, "Program", 1000], ["9.9.9.9", None, "X", 1]]})
    status, messages, text = imported(path, capsys, "--force")
    assert status == 1 and "I107" in messages and "left out (--force)" in messages
    assert evaluated(text).node("1").anggaran == 1000


# ---- finance-system exports ----
def test_an_export_with_amounts_as_numbers(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    assert format_text(text) == text  # written in the canonical layout
    result = evaluated(text)
    assert result.spec.instansi == "Kecamatan Seririt" and result.spec.tahun == 2024
    sub = result.node("7.01.01.2.01.0001")  # PERUBAHAN, the latest budget: 4.500.000 + 3.200.000 + 2.500.000
    assert sub.anggaran == 10_200_000 and sub.realisasi_anggaran == 4_350_000 + 3_150_000 + 2_475_000
    assert result.node("7.01.01").anggaran == 10_200_000 + 1_000_000 + 4_510_000_000  # 4.521.200.000
    assert result.node("total").anggaran == 4_521_800_000
    assert result.node("total").realisasi_anggaran == 4_467_041_250
    assert not result.failed_assertions  # every printed total and % of the export agrees
    assert len(result.assertions) >= 3 * 9  # 8 items and JUMLAH, 3 figures each
    assert 'tercetak "realisasi.xlsx:Realisasi!A11" anggaran 10.200.000 realisasi 9.975.000 serapan 97,79' in text
    assert "5.1.02" not in text  # belanja lines are detail, not items


def test_an_export_whose_percentages_are_formatted_as_such(tmp_path, capsys):
    """The % column held as fractions shown as percentages (97,79% held as 0,9779), as a
    spreadsheet that computes it writes it: read as shown, every printed serapan agrees."""
    from openpyxl import load_workbook

    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    book = load_workbook(path)
    sheet = book["Realisasi"]
    changed = 0
    for row in sheet.iter_rows(min_row=1):
        code, percent = row[0], row[6]
        if isinstance(row[1].value, str) and isinstance(percent.value, (int, float, Decimal)) \
                and not isinstance(code.value, int):
            percent.value = float(Decimal(str(percent.value)) / 100)
            percent.number_format = "0.00%"
            changed += 1
    book.save(path)
    assert changed >= 9  # 8 items and JUMLAH
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    assert 'tercetak "realisasi.xlsx:Realisasi!A11" anggaran 10.200.000 realisasi 9.975.000 serapan 97,79' in text
    assert not evaluated(text).failed_assertions


def test_the_murni_budget_on_request(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    code, _, text = imported(path, capsys, "--anggaran", "murni")
    assert code == 0
    assert evaluated(text).node("7.01.01.2.01.0001").anggaran == 5_000_000 + 3_000_000 + 2_500_000


@pytest.mark.parametrize("amounts", ["id", "en"])
def test_amounts_written_as_text_in_either_notation(tmp_path, capsys, amounts):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, amounts=amounts)
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    result = evaluated(text)
    assert result.node("7.01.01.2.02.0001").anggaran == 4_100_000_000 + 410_000_000
    assert result.node("total").realisasi_anggaran == 4_467_041_250


def test_monthly_columns_become_a_periode_block(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, months=True, amounts="en")
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    result = evaluated(text)
    assert result.node("7.01.01.2.01.0001").realisasi_anggaran == 9_975_000
    # January's DKKB of 7.01.01.2.01.0001: the lines' 4.500.000 // 12 + 3.200.000 // 12 + 2.500.000 // 12
    assert "januari    849.999  831.250" in text  # 375.000 + 266.666 + 208.333; 362.500 + 262.500 + 206.250


def test_a_printed_total_that_does_not_add_up(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, mistakes={("7.01.01.2.01.0001", 2): 9_985_000, ("7.01.01", 1): 4_521_300_000})
    code, messages, text = imported(path, capsys)
    assert code == 0  # a warning: the spec is written, and check reports the totals
    assert ("realisasi.xlsx:Realisasi!E11: warning[I203]: the belanja lines of 7.01.01.2.01.0001 add up to "
            "9.975.000 realisasi, but the sub kegiatan prints 9.985.000") in messages
    result = evaluated(text)
    failed = {(a.node_id, a.field) for a in result.failed_assertions}
    assert {("7.01.01.2.01.0001", "realisasi"), ("7.01.01", "anggaran")} <= failed


def test_hidden_rows_are_read_and_said(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, hidden=(12, 13))
    code, messages, _ = imported(path, capsys)
    assert code == 0
    assert "realisasi.xlsx:Realisasi!A12: warning[I204]: 2 hidden row(s) were read: rows 12–13" in messages


def test_an_export_without_a_title_needs_instansi_and_tahun(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, title=False, numbering=False)
    code, messages, _ = imported(path, capsys)
    assert code == 1 and "cannot find the instansi" in messages and "--instansi" in messages
    code, messages, text = imported(path, capsys, "--instansi", "Kecamatan Seririt", "--tahun", "2024")
    assert code == 0, messages
    assert evaluated(text).node("total").anggaran == 4_521_800_000


def _edit_cell(path: Path, cell: str, value, sheet: str = "Realisasi"):
    from openpyxl import load_workbook

    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


@pytest.mark.parametrize(("cell", "value", "code", "message"), [
    ("E12", "=C12*2", "I104", "a formula whose value Excel never computed"),
    ("A12", "5.1.02.01.01.0024.9", "I107", "the code '5.1.02.01.01.0024.9' fits no level"),
    ("A15", "7.01.01.2.01.0001", "I103", "the code 7.01.01.2.01.0001 appears twice"),
])
def test_bad_rows_of_an_export(tmp_path, capsys, cell, value, code, message):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    _edit_cell(path, cell, value)
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == ""
    assert f"realisasi.xlsx:Realisasi!{cell}: error[{code}]: {message}" in messages


def test_a_sheet_without_a_header(tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["NO", "NAMA", "JUMLAH"])
    path = tmp_path / "lain.xlsx"
    book.save(path)
    status, messages, _ = imported(path, capsys)
    assert status == 1
    assert f"error[I105]: '{path}' is neither an lkjipdsl input workbook nor a realisation export" in messages
    assert "KODE, URAIAN and ANGGARAN or REALISASI" in messages


@pytest.mark.parametrize(("content", "code", "message"), [
    (b"KODE;URAIAN\n", None, None),  # a CSV named .xlsx: says it is no workbook
    (b"PK\x03\x04 broken zip", "I002", "is not a readable workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "Workbook".encode("utf-16-le"), "I003",
     "is an old Excel 97–2003 workbook (.xls)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"), "I004",
     "is protected with a password"),
])
def test_files_that_are_no_workbook(tmp_path, capsys, content, code, message):
    path = tmp_path / "realisasi.xlsx"
    path.write_bytes(content)
    status, messages, text = imported(path, capsys)
    assert status == 1 and text == "" and "Traceback" not in messages
    if code:
        assert f"error[{code}]: '{path}' {message}" in messages
    else:
        assert "error[I002]" in messages and "is not an Excel workbook" in messages


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, capsys):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * (64 << 20))  # 64 MB of spaces: about 64 KB packed
    status, messages, _ = imported(path, capsys)
    assert status == 1
    assert "error[I007]" in messages and "a zip bomb, not a workbook" in messages


def test_rows_beyond_the_limit(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    status, messages, _ = imported(path, capsys, "--limit", "max_rows=10")  # the sheet says it has 25
    assert status == 1 and "error[I008]: sheet 'Realisasi' has 25 rows; the limit is 10 (max_rows)" in messages
    assert "--limit max_rows=N" in messages


def test_rows_beyond_the_limit_in_a_sheet_that_does_not_say_how_many(tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook(write_only=True)  # writes no <dimension>: the rows are counted as they are read
    sheet = book.create_sheet("Realisasi")
    sheet.append(["KODE", "URAIAN", "ANGGARAN", "REALISASI"])
    for index in range(50):
        sheet.append([f"7.01.{index:02d}", "Program", 1, 1])
    path = tmp_path / "realisasi.xlsx"
    book.save(path)
    status, messages, _ = imported(path, capsys, "--limit", "max_rows=10")
    assert status == 1 and "error[I008]: sheet 'Realisasi' has more than 10 rows (max_rows)" in messages


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", ",")])
def test_a_csv_export(tmp_path, capsys, encoding, delimiter):
    lines = ["LAPORAN REALISASI ANGGARAN", "TAHUN ANGGARAN 2024", "SKPD : 7.01.0.00.0.00.07.0000 KECAMATAN SÉRIRIT",
             "", delimiter.join(["KODE", "URAIAN", "ANGGARAN", "REALISASI", "%"]),
             delimiter.join(["7.01.01", "PROGRAM", '"1.000.000,00"', '"900.000,00"', '"90,00"']),
             delimiter.join(["7.01.01.2.01", "Kegiatan", '"1.000.000,00"', '"900.000,00"', '"90,00"']),
             delimiter.join(["7.01.01.2.01.0001", "Sub kegiatan", '"1.000.000,00"', '"900.000,00"', '"90,00"'])]
    path = tmp_path / "realisasi.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    result = evaluated(text)
    assert result.spec.instansi == "Kecamatan Séririt"
    assert result.node("7.01.01.2.01.0001").realisasi_anggaran == 900_000


def _csv_export(path: Path, rows: list[list[str]], header=("KODE", "URAIAN", "ANGGARAN", "REALISASI")):
    lines = ["TAHUN ANGGARAN 2024", "SKPD : KECAMATAN CONTOH", ";".join(header)] + [";".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_cells_our_reading_once_failed_on_are_diagnostics(tmp_path, capsys):
    """A ratio cell without its first term, amounts of 28 digits and more, and an Identitas sheet
    without its Kunci heading: each a diagnostic at its cell or sheet (exit 1) or read exactly
    (exit 0), never an internal error (exit 3)."""
    path = tmp_path / "realisasi.csv"
    _csv_export(path, [["7.01.01", "Program", ":2", "1"], ["7.01.01.2.01", "Kegiatan", ":2", "1"],
                       ["7.01.01.2.01.0001", "Sub", ":2", "1"]])
    status, messages, _text = imported(path, capsys)
    assert status == 1
    assert "realisasi.csv:C4: error[I101]" in messages and "its first term is missing before ':'" in messages
    _csv_export(path, [["7.01.01", "Program", "(1.500", "1"], ["7.01.01.2.01", "Kegiatan", "1.500)", "1"],
                       ["7.01.01.2.01.0001", "Sub", "(1.500)", "1"]])
    status, messages, _text = imported(path, capsys)
    assert status == 1 and messages.count("has one parenthesis") == 2  # (1.500) is -1.500, as reports print it
    assert ("realisasi.csv:C4: error[I101]: an amount (rupiah) is expected here: '(1.500' has one parenthesis"
            in messages)
    huge = "1" + "0" * 30  # 10^30 rupiah, grouped by points as an export prints it
    grouped = f"{int(huge):,}".replace(",", ".")
    _csv_export(path, [["7.01.01", "Program", grouped, "1"], ["7.01.01.2.01", "Kegiatan", grouped, "1"],
                       ["7.01.01.2.01.0001", "Sub", grouped + ",00", "1"]])
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    assert evaluated(text).node("7.01.01.2.01.0001").anggaran == 10 ** 30
    book = tmp_path / "isian.xlsx"
    write_isian(book, {"Identitas": [["instansi", "Kecamatan Contoh"], ["tahun", 1e30]]})
    status, messages, _text = imported(book, capsys)
    assert status == 1 and "Identitas!B6: error[I101]: a year is expected here, not '1" + "0" * 30 + "'" in messages
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    sheet = workbook["Identitas"]
    heading = int(sheet.freeze_panes[1:]) - 1
    sheet.cell(heading, 1).value = "Nama kunci"  # the heading renamed
    workbook.save(book)
    status, messages, _text = imported(book, capsys)
    assert status == 1
    assert "error[I105]: sheet 'Identitas': cannot find the heading(s) 'Kunci'" in messages


def test_export_headings_that_once_chose_the_wrong_column(tmp_path, capsys):
    """ANGGARAN SEBELUM / SETELAH PERUBAHAN: the budget after the change is the one taken, the one
    before it is the murni (--anggaran murni); REALISASI S.D. JUNI is the year's realisasi so far,
    not June's."""
    path = tmp_path / "realisasi.csv"
    rows = [[code, "x", "1.000.000", "1.750.000", "1.250.000"] for code in ("7.01.01", "7.01.01.2.01",
                                                                              "7.01.01.2.01.0001")]
    _csv_export(path, rows, ("KODE", "URAIAN", "ANGGARAN SEBELUM PERUBAHAN", "ANGGARAN SETELAH PERUBAHAN",
                             "REALISASI S.D. JUNI"))
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    sub = evaluated(text).node("7.01.01.2.01.0001")
    assert (sub.anggaran, sub.realisasi_anggaran) == (1_750_000, 1_250_000)
    assert "juni" not in text
    status, messages, text = imported(path, capsys, "--anggaran", "murni")
    assert status == 0, messages
    assert evaluated(text).node("7.01.01.2.01.0001").anggaran == 1_000_000


def test_an_export_in_international_notation_with_whole_amounts_only(tmp_path, capsys):
    """1,750,000 can only be international (a number has one decimal separator), so the file is,
    and its 250,000 is two hundred and fifty thousand, not 250."""
    path = tmp_path / "realisasi.csv"
    lines = ["TAHUN ANGGARAN 2024", "SKPD : KECAMATAN CONTOH", "KODE,URAIAN,ANGGARAN",
             '7.01.01,P,"1,750,000"', '7.01.01.2.01,K,"1,750,000"', '7.01.01.2.01.0001,A,"1,500,000"',
             '7.01.01.2.01.0002,B,"250,000"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, messages, text = imported(path, capsys)
    assert status == 0, messages
    result = evaluated(text)
    assert result.node("7.01.01.2.01.0002").anggaran == 250_000
    assert result.node("7.01.01").anggaran == 1_750_000 and not result.failed_assertions


def test_a_csv_in_utf16_without_its_mark_is_named_so(tmp_path, capsys):
    """UTF-16 without a byte order mark (every second byte 0): I005 naming the encoding to give,
    and read when it is given; not "NUL bytes", which would send the planner looking elsewhere."""
    path = tmp_path / "realisasi.csv"
    lines = ["TAHUN ANGGARAN 2024", "SKPD : KECAMATAN CONTOH", "KODE;URAIAN;ANGGARAN", '7.01.01;P;"1.000"']
    path.write_bytes("\n".join(lines).encode("utf-16-le"))
    status, messages, _text = imported(path, capsys)
    assert status == 1 and "I005" in messages
    assert "realisasi.csv' is in UTF-16 without the mark that says so" in messages
    assert "--encoding utf-16-le" in messages and "NUL" not in messages
    status, messages, text = imported(path, capsys, "--encoding", "utf-16-le")
    assert status == 0, messages
    assert evaluated(text).node("7.01.01").anggaran == 1000


_MONTHLY_SPEC = """instansi "Kecamatan Contoh"
tahun 2024

program 7.01.01 "P" {
    kegiatan 7.01.01.2.01 "K" {
        subkegiatan 7.01.01.2.01.0001 "S" {
            anggaran 1.200
            realisasi 25
            periode bulanan gabung jumlah {
                januari 100 5
                februari 100
                maret target 100
            }
        }
    }
}
"""


def _monthly_export(path: Path) -> None:
    """An export with REALISASI columns for its months and no DKKB (no monthly targets)."""
    _csv_export(path, [["7.01.01", "P", "1.200", "30", "", "", ""], ["7.01.01.2.01", "K", "1.200", "30", "", "", ""],
                       ["7.01.01.2.01.0001", "S", "1.200", "30", "10", "10", "10"]],
                ("KODE", "URAIAN", "ANGGARAN", "REALISASI", "JANUARI", "FEBRUARI", "MARET"))


def test_update_keeps_the_targets_an_export_lacks_and_adds_the_realisasi_a_row_lacks(tmp_path, capsys):
    """Monthly REALISASI without DKKB: the spec's monthly targets stay (they were written over with
    '-'), and a month written with its target only gets the realisasi after it (it was skipped,
    and counted as unchanged)."""
    spec, export = tmp_path / "spec.lkj", tmp_path / "realisasi.csv"
    spec.write_text(_MONTHLY_SPEC, encoding="utf-8")
    _monthly_export(export)
    status, messages = run(["import", export, "--update", spec], capsys)
    assert status == 0, messages
    text = spec.read_text(encoding="utf-8")
    assert "januari 100 10\n" in text and "februari 100 10\n" in text and "maret target 100 realisasi 10\n" in text
    assert "realisasi 30\n" in text
    months = {row.periode: (row.target, row.realisasi) for row in evaluated(text).node("7.01.01.2.01.0001").periode}
    assert months == {"januari": (100, 10), "februari": (100, 10), "maret": (100, 10)}


def test_an_import_that_would_not_load_says_so(tmp_path, capsys):
    """--update whose figures do not fit the spec's shape (monthly columns for a periode triwulanan)
    is I304 with the errors shown, the spec left as it was (it was an internal error, exit 3); an
    import whose spec does not load (a negative anggaran) is written and I304, exit 1 (it was 0)."""
    spec, export = tmp_path / "spec.lkj", tmp_path / "realisasi.csv"
    quarterly = _MONTHLY_SPEC.replace("periode bulanan", "periode triwulanan").replace(
        "januari 100 5\n                februari 100\n                maret target 100", "tw1 300 15")
    spec.write_text(quarterly, encoding="utf-8")
    _monthly_export(export)
    status, messages = run(["import", export, "--update", spec], capsys)
    assert status == 1
    assert "error[I304]: " in messages
    assert "would make a spec that does not load; the spec is left as it was" in messages
    assert "'januari' is not a period of a triwulanan periode" in messages
    assert spec.read_text(encoding="utf-8") == quarterly
    _csv_export(export, [["7.01.01", "P", "(1.200)", "30"], ["7.01.01.2.01", "K", "(1.200)", "30"],
                         ["7.01.01.2.01.0001", "S", "(1.200)", "30"]])
    status, messages, text = imported(export, capsys)
    assert status == 1 and text  # written, for the planner to see and fix
    assert "error[I304]: " in messages and "written, but it does not load as a spec" in messages


def test_update_keeps_the_files_bytes_where_it_changes_nothing(tmp_path, capsys):
    """A Windows file (CRLF) with a non-breaking space in a comment and one between values: the
    update changes the figures only; the lines it adds end in CRLF like the rest, and the
    non-breaking spaces stay (the prescan reads them as spaces; they were written back so)."""
    spec, export = tmp_path / "spec.lkj", tmp_path / "realisasi.csv"
    original = _MONTHLY_SPEC.replace("realisasi 25", "realisasi\u00a025  # catatan\u00a0lama").replace(
        "            periode bulanan gabung jumlah {\n                januari 100 5\n                februari 100\n"
        "                maret target 100\n            }\n", "")
    spec.write_bytes(original.replace("\n", "\r\n").encode("utf-8"))
    _monthly_export(export)
    status, messages = run(["import", export, "--update", spec], capsys)
    assert status == 0, messages
    after = spec.read_bytes().decode("utf-8")
    assert after.count("\n") == after.count("\r\n")  # every line, the added ones too
    assert "realisasi\u00a030  # catatan\u00a0lama\r\n" in after
    assert re.search(r"periode bulanan gabung jumlah \{\r\n +januari +- +10\r\n", after)
    expected, after = original.replace("realisasi\u00a025", "realisasi\u00a030"), after.replace("\r\n", "\n")
    cut = expected.index("        }\n    }\n}\n")  # the periode block goes in before the sub kegiatan's '}'
    assert after.startswith(expected[:cut]) and after.endswith(expected[cut:])


def test_update_adds_into_a_spec_in_international_notation(tmp_path, capsys):
    """--add writes the new sub kegiatan's figures in the spec's notation and leaves its code and
    name as they are (every '.' and ',' of the added lines was swapped, codes too, and the spec
    would not load)."""
    spec, export = tmp_path / "spec.lkj", tmp_path / "realisasi.csv"
    text = (_MONTHLY_SPEC.replace("tahun 2024\n", "tahun 2024\nangka internasional\n").replace("anggaran 1.200",
                                                                                               "anggaran 1,200")
            .replace("            periode bulanan gabung jumlah {\n                januari 100 5\n"
                     "                februari 100\n                maret target 100\n            }\n", ""))
    spec.write_text(text, encoding="utf-8")
    _csv_export(export, [["7.01.01", "P", "2.700", "55"], ["7.01.01.2.01", "K", "2.700", "55"],
                         ["7.01.01.2.01.0001", "S", "1.200", "25"],
                         ["7.01.01.2.01.0002", "Sub baru, tahap 1.000", "1.500", "30"]])
    status, messages = run(["import", export, "--update", spec, "--add"], capsys)
    assert status == 0, messages
    after = spec.read_text(encoding="utf-8")
    assert 'subkegiatan 7.01.01.2.01.0002 "Sub baru, tahap 1.000" {' in after and "anggaran 1,500\n" in after
    result = evaluated(after)
    assert result.node("7.01.01.2.01.0002").anggaran == 1500 and result.node("7.01.01").anggaran == 2700


def test_update_says_when_running_totals_go_into_a_periode_that_adds_its_months(tmp_path, capsys):
    """Months of 10, 20, 30 whose last equals the year's realisasi (30) are running totals; the spec's
    periode adds its months up (gabung jumlah), which would make them 60: I307 at the periode."""
    spec, export = tmp_path / "spec.lkj", tmp_path / "realisasi.csv"
    spec.write_text(_MONTHLY_SPEC, encoding="utf-8")
    _csv_export(export, [["7.01.01", "P", "1.200", "30", "", "", ""], ["7.01.01.2.01", "K", "1.200", "30", "", "", ""],
                         ["7.01.01.2.01.0001", "S", "1.200", "30", "10", "20", "30"]],
                ("KODE", "URAIAN", "ANGGARAN", "REALISASI", "JANUARI", "FEBRUARI", "MARET"))
    status, messages = run(["import", export, "--update", spec], capsys)
    assert status == 0, messages
    line = _MONTHLY_SPEC.splitlines().index("            periode bulanan gabung jumlah {") + 1
    assert f"spec.lkj:{line}:13: warning[I307]: the export's months are running totals" in messages
    assert messages.count("I307") == 1


def test_update_from_an_export_of_another_year_or_unit(tmp_path, capsys):
    """The budget codes are the national nomenclature, the same in every unit and year: an export of
    2021 matches a 2024 spec code for code. It is refused (I305), the spec left as it was, unless
    --tahun says the export's title block is wrong; another instansi is a warning (I306)."""
    spec, export = tmp_path / "spec.lkj", tmp_path / "realisasi.csv"
    spec.write_text(_MONTHLY_SPEC, encoding="utf-8")
    _monthly_export(export)
    text = export.read_text(encoding="utf-8")
    export.write_text(text.replace("TAHUN ANGGARAN 2024", "TAHUN ANGGARAN 2021"), encoding="utf-8")
    status, messages = run(["import", export, "--update", spec], capsys)
    assert status == 1 and "error[I305]: the export is of tahun 2021, " in messages
    assert spec.read_text(encoding="utf-8") == _MONTHLY_SPEC
    status, messages = run(["import", export, "--update", spec, "--tahun", "2024"], capsys)
    assert status == 0 and "I305" not in messages
    spec.write_text(_MONTHLY_SPEC, encoding="utf-8")
    export.write_text(text.replace("KECAMATAN CONTOH", "KECAMATAN LAIN"), encoding="utf-8")
    status, messages = run(["import", export, "--update", spec], capsys)
    assert status == 0 and "warning[I306]: the export is of 'Kecamatan Lain', " in messages
    assert "realisasi 30\n" in spec.read_text(encoding="utf-8")


def test_without_openpyxl_the_xlsx_extra_is_named(tmp_path, capsys, monkeypatch):
    """openpyxl is the `xlsx` extra: without it, `template` and the import of a workbook say which
    extra to install (exit 2); they were an internal error and "a damaged workbook"."""
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # what `import openpyxl` then raises: ImportError
    for args in (["template", "-o", tmp_path / "isian.xlsx"], ["import", path, "-o", tmp_path / "out.lkj"]):
        status, messages = run(args, capsys)
        assert status == 2 and "needs the 'openpyxl' package: pip install 'lkjipdsl[xlsx]'" in messages, messages
        assert "damaged" not in messages
    assert not (tmp_path / "isian.xlsx").exists() and not (tmp_path / "out.lkj").exists()


def test_import_does_not_replace_a_spec_holding_the_planners_own_work(tmp_path, capsys):
    """-o typed where --update was meant: a spec with rules, dokumen … that an import never writes is
    not replaced (exit 2, naming --update); --force replaces it; an earlier import's spec is replaced."""
    export = tmp_path / "realisasi.xlsx"
    export_workbook(export)
    spec = tmp_path / "realisasi.lkj"
    seririt = SERIRIT.read_text(encoding="utf-8")
    spec.write_text(seririt, encoding="utf-8")
    status, messages = run(["import", export, "-o", spec], capsys)
    assert status == 2 and "holds 5 aturan, 4 dokumen, 1 ringkasan, 1 pejabat" in messages
    assert "with --update " in messages and "--force" in messages
    assert spec.read_text(encoding="utf-8") == seririt
    status, messages, text = imported(export, capsys, "--force")
    assert status == 0 and text != seririt
    status, messages, again = imported(export, capsys)  # its own earlier output: replaced as before
    assert status == 0 and again == text


def test_import_never_writes_over_its_input(tmp_path, capsys):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    before = path.read_bytes()
    code, messages = run(["import", path, "-o", path], capsys)
    assert code == 2 and "which this command reads" in messages
    assert path.read_bytes() == before


# ---- --update ----
UPDATED = copy.deepcopy(SMALL)
_lines = UPDATED[0][2][0][2][0][2]
_lines[0] = (_lines[0][0], _lines[0][1], 5_000_000, 4_500_000, 4_400_000)  # realisasi 4.350.000 → 4.400.000
UPDATED[0][2][0][2].append(("7.01.01.2.01.0009", "Sub kegiatan baru", [("5.1.02.01.01.0024", "ATK", 700_000,
                                                                        700_000, 100_000)]))


def _spec(tmp_path, capsys, convention: str = "indonesia") -> Path:
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    spec = tmp_path / "laporan.lkj"
    assert run(["import", path, "-o", spec], capsys)[0] == 0
    text = spec.read_text(encoding="utf-8").replace("angka indonesia", "angka indonesia   # gaya angka")
    text = text.replace("    kegiatan 7.01.01.2.02", "    # catatan perencana\n\n    kegiatan 7.01.01.2.02")
    if convention == "internasional":
        text = text.replace("angka indonesia", "angka internasional")
        text = "\n".join(line.replace(".", ",") if line.strip().startswith(("anggaran ", "realisasi ")) else line
                         for line in text.split("\n"))
    spec.write_text(text, encoding="utf-8")
    return spec


def test_update_changes_only_the_figures(tmp_path, capsys):
    spec = _spec(tmp_path, capsys)
    before = spec.read_text(encoding="utf-8")
    export = tmp_path / "juni.xlsx"
    export_workbook(export, data=UPDATED, amounts="en")
    code, messages = run(["import", export, "--update", spec], capsys)
    assert code == 0, messages
    after = spec.read_text(encoding="utf-8")
    assert after == before.replace("            realisasi 9.975.000\n", "            realisasi 10.025.000\n")
    assert "I302" in messages and "7.01.01.2.01.0009 is in the export but not in" in messages
    assert "changed 1 realisasi; 7 unchanged; 1 not in the spec (--add adds them)" in messages
    assert evaluated(after).node("7.01.01.2.01.0001").realisasi_anggaran == 4_400_000 + 3_150_000 + 2_475_000
    code, messages = run(["import", export, "--update", spec], capsys)  # a second time: nothing to do
    assert code == 0 and "already up to date" in messages and spec.read_text(encoding="utf-8") == after


def test_update_with_add_and_months(tmp_path, capsys):
    spec = _spec(tmp_path, capsys)
    export = tmp_path / "juni.xlsx"
    export_workbook(export, data=UPDATED, months=True)
    code, messages = run(["import", export, "--update", spec, "--add"], capsys)
    assert code == 0, messages
    text = spec.read_text(encoding="utf-8")
    result = evaluated(text)
    assert result.node("7.01.01.2.01.0009").anggaran == 700_000
    assert result.node("7.01.01.2.01").anggaran == 10_200_000 + 1_000_000 + 700_000
    assert "# catatan perencana\n\n    kegiatan 7.01.01.2.02" in text and "# gaya angka" in text
    assert text.count("periode bulanan gabung jumlah {") == 5
    assert "added 1 sub kegiatan" in messages


def test_update_keeps_the_specs_number_style(tmp_path, capsys):
    spec = _spec(tmp_path, capsys, "internasional")
    export = tmp_path / "juni.xlsx"
    export_workbook(export, data=UPDATED)
    code, messages = run(["import", export, "--update", spec], capsys)
    assert code == 0, messages
    assert "            realisasi 10,025,000\n" in spec.read_text(encoding="utf-8")


def test_update_refuses_a_spec_with_errors(tmp_path, capsys):
    spec = _spec(tmp_path, capsys)
    spec.write_text(spec.read_text(encoding="utf-8").replace("anggaran 600.000", "anggaran 600.000.0.0"),
                    encoding="utf-8")
    before = spec.read_bytes()
    export = tmp_path / "juni.xlsx"
    export_workbook(export, data=UPDATED)
    code, messages = run(["import", export, "--update", spec], capsys)
    assert code == 1 and "error[I301]" in messages and "it is not updated" in messages
    assert spec.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["juni.xlsx", "laporan.lkj", "realisasi.xlsx"]


def test_an_export_with_two_budget_sources(tmp_path, capsys):
    """The same tree listed once per source (SUMBER DANA : …): an item's figures are the sums."""
    half = copy.deepcopy(SMALL)
    for _, _, kegiatan in half:
        for _, _, subs in kegiatan:
            for _, _, lines in subs:
                lines[:] = [(a, n, m // 2, p // 2, r // 2) for a, n, m, p, r in lines]
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, sources=[("SUMBER DANA : PAD", half), ("SUMBER DANA : DAU", half)])
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    assert "info[I206]: 9 item(s) are listed under several budget sources" in messages  # 2 + 3 + 4
    result = evaluated(text)
    # 7.01.01.2.01.0001: (4.500.000 + 3.200.000 + 2.500.000) / 2, twice
    assert result.node("7.01.01.2.01.0001").anggaran == 2 * (2_250_000 + 1_600_000 + 1_250_000)
    assert result.node("total").anggaran == 4_521_800_000
    assert not result.failed_assertions  # the JUMLAH TOTAL agrees; each source's own totals are not asserted
    assert text.count('tercetak "') == 1


def test_hidden_sheets_and_rows_of_the_input_workbook_are_read_and_said(tmp_path, capsys):
    from openpyxl import load_workbook

    path = tmp_path / "isian.xlsx"
    write_isian(path, {"Identitas": IDENTITAS, "Anggaran": [["1", None, "Program", 1000], ["2", None, "Dua", 5]]})
    book = load_workbook(path)
    book["Anggaran"].row_dimensions[8].hidden = True
    book["Tercetak"].sheet_state = "hidden"
    book.save(path)
    code, messages, text = imported(path, capsys)
    assert code == 0
    assert "isian.xlsx:Anggaran!A1: warning[I204]: 'Anggaran': 1 hidden row(s) in Excel; read like the rest" in messages
    assert "warning[I204]: 'Tercetak': the sheet is hidden in Excel" in messages
    assert evaluated(text).node("2").anggaran == 5  # the hidden row counts


def test_monthly_realisasi_columns_without_a_plan(tmp_path, capsys):
    """JANUARI, FEBRUARI … alone hold each month's realisasi: a periode without targets."""
    lines = ["TAHUN ANGGARAN 2024", "SKPD : KECAMATAN CONTOH", "",
             "KODE;URAIAN;ANGGARAN;REALISASI;JANUARI;FEBRUARI;MARET",
             "7.01.01;PROGRAM;1.000.000;300.000;100.000;200.000;",
             "7.01.01.2.01;Kegiatan;1.000.000;300.000;100.000;200.000;",
             "7.01.01.2.01.0001;Sub kegiatan;1.000.000;300.000;100.000;200.000;"]
    path = tmp_path / "realisasi.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, messages, text = imported(path, capsys)
    assert code == 0, messages
    assert "periode bulanan gabung jumlah {" in text  # 100.000 + 200.000 = the year's 300.000
    assert "januari   -  100.000" in text and "februari  -  200.000" in text
    assert evaluated(text).node("7.01.01.2.01.0001").realisasi_anggaran == 300_000
