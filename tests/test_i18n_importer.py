"""The importer's and fmt's messages in both languages: Indonesian by default, English on request,
each naming the same file, sheet and cell (docs/i18n.md; the texts in lkjipdsl/locale/id/importer.po)."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import pytest

from lkjipdsl import cli, fmt, i18n
from lkjipdsl.importer import import_file
from lkjipdsl.importer.update import update

pytest.importorskip("openpyxl")

from export_fixture import SMALL, export_workbook  # noqa: E402

BOTH = ("en", "id")


def diagnostics(path: Path, lang: str, **options):
    with i18n.using(lang):
        return import_file(str(path), **options)


def only(found, code: str):
    matching = [d for d in found.diagnostics if d.code == code]
    assert len(matching) == 1, [(d.code, d.message) for d in found.diagnostics]
    return matching[0]


def where(diagnostic) -> str:
    span = diagnostic.span
    return f"{Path(span.file).name}:{span.sheet}!{span.reference}"


def isian(path: Path, rows: dict[str, list[list]]) -> Path:
    """An input workbook from `lkjipdsl template`, with rows written below each sheet's heading."""
    from openpyxl import load_workbook

    assert cli.main(["template", "-o", str(path)]) == 0
    book = load_workbook(path)
    for name, values in rows.items():
        sheet = book[name]
        heading = int(sheet.freeze_panes[1:]) - 1
        for offset, row in enumerate(values, 1):
            for col, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(heading + offset, col, value)
    book.save(path)
    return path


IDENTITAS = [["instansi", "Kecamatan Contoh"], ["tahun", 2024]]


@pytest.mark.parametrize("lang", BOTH)
def test_i101_an_amount_that_is_a_date_or_words(tmp_path, capsys, lang):
    path = isian(tmp_path / "isian.xlsx", {"Identitas": IDENTITAS, "Anggaran": [
        ["1", None, "Program", datetime.date(2024, 1, 5)], ["2", None, "Program dua", "satu juta"]]})
    capsys.readouterr()
    found = [d for d in diagnostics(path, lang).diagnostics if d.code == "I101"]
    assert [where(d) for d in found] == ["isian.xlsx:Anggaran!D7", "isian.xlsx:Anggaran!D8"]
    date, words = found
    if lang == "en":
        assert date.message == "an amount (rupiah) is expected here, not a date"
        assert date.hints[0].startswith("Excel read the figure as a date: format the cell as a number")
        assert words.message.startswith("an amount (rupiah) is expected here: 'satu juta' cannot be read as one (")
    else:
        assert date.message == "sel ini seharusnya berisi jumlah (rupiah), bukan tanggal"
        assert date.hints[0].startswith("Excel membaca angka ini sebagai tanggal: ubah format selnya menjadi angka")
        assert words.message.startswith("sel ini seharusnya berisi jumlah (rupiah), tetapi 'satu juta' tidak dapat "
                                        "dibaca (")


@pytest.mark.parametrize("lang", BOTH)
def test_i104_a_formula_excel_never_computed(tmp_path, lang):
    from openpyxl import load_workbook

    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    book = load_workbook(path)
    book["Realisasi"]["E12"] = "=C12*2"
    book.save(path)
    found = only(diagnostics(path, lang), "I104")
    assert where(found) == "realisasi.xlsx:Realisasi!E12"
    assert (found.message, found.hints[0].split(":")[0]) == {
        "en": ("a formula whose value Excel never computed",
               "the workbook was written by a program and never opened in Excel"),
        "id": ("rumus yang nilainya belum pernah dihitung oleh Excel",
               "buku kerja ini dibuat oleh program dan belum pernah dibuka di Excel")}[lang]


@pytest.mark.parametrize("lang", BOTH)
def test_i105_a_workbook_that_is_neither(tmp_path, lang):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Data"
    book.active.append(["NO", "NAMA", "JUMLAH"])
    path = tmp_path / "lain.xlsx"
    book.save(path)
    found = diagnostics(path, lang)
    assert found.text is None
    problem = only(found, "I105")
    assert problem.span is None  # the whole file
    assert (problem.message, problem.hints[0].split(";")[0]) == {
        "en": (f"'{path}' is neither an lkjipdsl input workbook nor a realisation export", "sheets: Data"),
        "id": (f"'{path}' bukan buku kerja isian lkjipdsl, bukan pula ekspor realisasi", "lembar yang ada: Data")}[lang]


@pytest.mark.parametrize("lang", BOTH)
def test_i105_a_sheet_that_is_not_there(tmp_path, lang):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    problem = only(diagnostics(path, lang, sheet="Realisasi 2024"), "I105")
    assert problem.message == {"en": f"'{path}' has no sheet 'Realisasi 2024'",
                               "id": f"'{path}' tidak memiliki lembar 'Realisasi 2024'"}[lang]


@pytest.mark.parametrize("lang", BOTH)
def test_i203_belanja_lines_that_do_not_add_up(tmp_path, lang):
    path = tmp_path / "realisasi.xlsx"
    export_workbook(path, mistakes={("7.01.01.2.01.0001", 2): 9_985_000})
    found = diagnostics(path, lang)
    assert found.ok  # a warning: the spec is written, and check reports the printed total
    warning = only(found, "I203")
    assert where(warning) == "realisasi.xlsx:Realisasi!E11"
    assert (warning.message, warning.hints[0].split(";")[0]) == {
        "en": ("the belanja lines of 7.01.01.2.01.0001 add up to 9.975.000 realisasi, but the sub kegiatan "
               "prints 9.985.000", "rows 12–14"),
        "id": ("realisasi subkegiatan 7.01.01.2.01.0001 tercetak 9.985.000, tetapi jumlah baris belanjanya "
               "9.975.000", "baris 12–14")}[lang]


def _with_a_new_sub_kegiatan():
    data = copy.deepcopy(SMALL)
    data[0][2][0][2].append(("7.01.01.2.01.0009", "Sub kegiatan baru",
                             [("5.1.02.01.01.0024", "ATK", 700_000, 700_000, 100_000)]))
    return data


@pytest.mark.parametrize("lang", BOTH)
def test_i302_an_item_the_spec_lacks(tmp_path, lang):
    first, later = tmp_path / "realisasi.xlsx", tmp_path / "juni.xlsx"
    export_workbook(first)
    rows = export_workbook(later, data=_with_a_new_sub_kegiatan())
    spec = diagnostics(first, lang).text
    with i18n.using(lang):
        updated = update(spec, "laporan.lkj", import_file(str(later)).draft)
    assert [d.code for d in updated.diagnostics] == ["I302"]
    warning = updated.diagnostics[0]
    assert where(warning) == f"juni.xlsx:Realisasi!A{rows['7.01.01.2.01.0009']}"
    assert (warning.message, warning.hints[0]) == {
        "en": ("subkegiatan 7.01.01.2.01.0009 is in the export but not in laporan.lkj; it was not added",
               "give --add to add the items the spec lacks (under their program and kegiatan)"),
        "id": ("subkegiatan 7.01.01.2.01.0009 ada di ekspor, tetapi tidak ada di laporan.lkj; tidak ditambahkan",
               "pakai --add untuk menambahkan item yang belum ada di spec (di bawah program dan kegiatannya)")}[lang]


@pytest.mark.parametrize("lang", BOTH)
def test_a_file_over_the_limit_says_how_to_raise_it(tmp_path, lang):
    from lkjipdsl.importer import ImportLimits

    path = tmp_path / "realisasi.xlsx"
    export_workbook(path)
    problem = only(diagnostics(path, lang, limits=ImportLimits(max_rows=10)), "I008")
    assert where(problem) == "realisasi.xlsx:Realisasi!A25"
    assert (problem.message, problem.hints[0]) == {
        "en": ("sheet 'Realisasi' has 25 rows; the limit is 10 (max_rows)",
               "split the sheet, or raise the limit: --limit max_rows=N"),
        "id": ("lembar 'Realisasi' berisi 25 baris; batasnya 10 (max_rows)",
               "pecah lembarnya, atau naikkan batasnya: --limit max_rows=N")}[lang]


@pytest.mark.parametrize("lang", BOTH)
def test_fmt_that_would_change_a_spec_says_so(monkeypatch, lang):
    signatures = iter([["a"], ["b"]])
    monkeypatch.setattr(fmt, "_signature", lambda tokens, copies=(): next(signatures))
    with i18n.using(lang), pytest.raises(fmt.Unchanged) as raised:
        fmt.format_text('instansi "Kecamatan Contoh"\ntahun 2023\n', "laporan.lkj")
    assert str(raised.value) == {
        "en": "formatting laporan.lkj would change what it says; it is left as it is (a bug in lkjipdsl fmt)",
        "id": "merapikan laporan.lkj akan mengubah maknanya; berkas dibiarkan seperti semula (ini kesalahan program lkjipdsl fmt)",
    }[lang]


def test_the_command_speaks_indonesian_by_default_and_english_on_request(tmp_path, capsys):
    path = isian(tmp_path / "isian.xlsx", {"Identitas": IDENTITAS,
                                           "Anggaran": [["1", None, "Program", 1000], ["1", None, "Lagi", 2000]]})
    capsys.readouterr()
    out = tmp_path / "laporan.lkj"
    assert cli.main(["import", str(path), "-o", str(out)]) == 1
    said = capsys.readouterr().err
    assert "isian.xlsx:Anggaran!A8: " in said and "kode '1' dipakai dua kali" in said
    assert "setiap program, kegiatan, dan subkegiatan memerlukan kode sendiri" in said
    assert cli.main(["import", str(path), "-o", str(out), "--lang", "en"]) == 1
    said = capsys.readouterr().err
    assert "isian.xlsx:Anggaran!A8: error[I103]: the code '1' is used twice" in said
