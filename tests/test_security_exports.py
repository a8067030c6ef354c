"""Hostile spec text in the exports (CSV, Markdown, XLSX, DOCX, HTML, charts): text stays text,
every export of what `check` accepts is written or fails as a usage error, and the charts' work
is bounded by the chart, not by the spec.

Hand-derived figures of HOSTILE: IK1 97,4 / 95 × 100 = 102,53; IK2 90 / 95 × 100 = 94,74;
IK3 80 / 95 × 100 = 84,21; S1 the mean (102,526 + 94,737 + 84,211) / 3 = 93,82;
1.2.4 742.500 / 1.486.980 × 100 = 49,93.
"""

from __future__ import annotations

import csv
import errno
import gc
import io
import os
import re
import struct
import sys
import zipfile
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import cli
from lkjipdsl.render import formats
from lkjipdsl.render.text import csv_cell, render_table
from lkjipdsl.render.xmltext import xml_text
from render_helpers import seririt

HOSTILE = r'''instansi "=HYPERLINK(\"http://evil\",\"x\")"
tahun 2023
sasaran S1 "Sasaran | palsu | sel\n# Judul palsu\n![x](http://evil/) <script>alert(1)</script>" {
    indikator IK1 "=cmd|' /C calc'!A0" { satuan "+1"; polaritas maksimal; target 95; realisasi 97,4 }
    indikator IK2 "@SUM(A1)" { satuan "-2+3"; polaritas maksimal; target 95; realisasi 90 }
    indikator IK3 "\t=1+2" { satuan "#N/A"; polaritas maksimal; target 95; realisasi 80 }
}
program 1 "Rasio $a^b^c$" {
    kegiatan 1.2 "Administrasi $\\frac{1}{0}$ Keuangan" {
        subkegiatan 1.2.4 "Laporan -5 Keuangan" {
            anggaran 1.486.980; realisasi 742.500
            periode bulanan gabung terakhir { januari 100.000 90.000; februari 200.000 742.500 }
        }
    }
}
'''
SASARAN = "Sasaran | palsu | sel\n# Judul palsu\n![x](http://evil/) <script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile():
    loaded = lkjipdsl.loads(HOSTILE, "hostile.lkj")
    assert not [d for d in loaded.diagnostics if d.is_error], loaded.diagnostics
    return lkjipdsl.evaluate(loaded)


def _render(result, fmt: str, names=None, charts: bool = False) -> bytes:
    content, _ = formats.render(result, fmt, names, "id", None, charts)
    if isinstance(content, str):
        return content.encode("utf-8")
    out = io.BytesIO()
    content(out)
    return out.getvalue()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# ---- 1. formula injection: CSV ----
@pytest.mark.parametrize("text, cell", [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+2", "'\t=1+2"), ("\r=1", "'\r=1"), ("\n=1", "'\n=1"), ("  =1+2", "'  =1+2"), ("＝1+2", "'＝1+2"),
    ("= 100", "'= 100"), ("- 5", "'- 5"), ("-5+5", "'-5+5"), ("-1e5", "'-1e5"), ("-,5", "'-,5"),
    # numbers as lkjipdsl writes them, and the dash of no value, stay as they are
    ("-", "-"), ("-5", "-5"), ("-1.234,56", "-1.234,56"), ("-1,234.56", "-1,234.56"), ("  -5", "  -5"),
    ("1.486.980", "1.486.980"), ("49,93", "49,93"), ("Laporan -5 Keuangan", "Laporan -5 Keuangan"),
    ("", ""), ("'=1", "'=1"), ("#N/A", "#N/A"),
])
def test_csv_cell_is_prefixed_only_when_a_spreadsheet_would_start_a_formula(text, cell):
    assert csv_cell(text) == cell


def test_csv_export_keeps_spec_text_as_text(hostile):
    rows = list(csv.reader(io.StringIO(_render(hostile, "csv", ["capaian"]).decode("utf-8-sig")), delimiter=";"))
    by_number = {row[0]: row for row in rows if row}
    assert by_number["1"][1] == SASARAN  # starts with a letter: as it is (quoted by the csv module)
    assert by_number["1.1"][1:3] == ["'  =cmd|' /C calc'!A0", "'+1"]
    assert by_number["1.1"][3:6] == ["95", "97,4", "102,53"]
    assert by_number["1.2"][1:3] == ["'  @SUM(A1)", "'-2+3"]
    assert by_number["1.3"][1:3] == ["'  \t=1+2", "#N/A"]
    rows = list(csv.reader(io.StringIO(_render(hostile, "csv", ["tabel-3.1"]).decode("utf-8-sig")), delimiter=";"))
    sub = next(row for row in rows if row[:1] == ["1.2.4"])
    assert sub[1:] == ["    Laporan -5 Keuangan", "1486980", "742500", "49,93"]  # no capaian output: no column


def test_csv_legend_of_the_scale_is_text():
    rows = list(csv.reader(io.StringIO(_render(seririt(), "csv", ["predikat"]).decode("utf-8-sig")), delimiter=";"))
    assert ["", "Sesuai Target", "'= 100"] in rows  # the band "= 100" of the three-level scale


# ---- 1. formula injection: XLSX ----
def _workbook(data: bytes):
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(io.BytesIO(data))


def _sheet_row(sheet, first: str) -> list:
    return next([c for c in row] for row in sheet.iter_rows(min_row=3) if row[0].value == first)


def test_xlsx_text_is_never_a_formula_or_an_error_value(hostile):
    data = _render(hostile, "xlsx")
    # the only formulas are lkjipdsl's own: sums and percentages of cell references, nothing of the spec
    own = re.compile(r'SUM\([A-Z]+[0-9]+(,[A-Z]+[0-9]+)*\)|IF\(N\(([A-Z]+[0-9]+)\)=0,"-",N\([A-Z]+[0-9]+\)/\2\*100\)')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        found = [f for n in sheets for f in re.findall(r"<f[^>]*>([^<]*)</f>", archive.read(n).decode("utf-8"))]
        assert sheets and found and all(own.fullmatch(f) for f in found), [f for f in found if not own.fullmatch(f)]
    workbook = _workbook(data)
    capaian = workbook["capaian"]
    cells = _sheet_row(capaian, "1.1")
    assert (cells[1].value, cells[1].data_type) == ("=cmd|' /C calc'!A0", "s")
    assert (cells[2].value, cells[2].data_type) == ("+1", "s")
    assert (cells[3].value, cells[3].data_type) == (95, "n")  # numbers stay numbers
    cells = _sheet_row(capaian, "1.3")
    assert (cells[1].value, cells[2].value, cells[2].data_type) == ("\t=1+2", "#N/A", "s")
    assert _sheet_row(capaian, "1.2")[1].value == "@SUM(A1)"
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert not [c.coordinate for c in row if c.data_type == "e"], sheet.title
            assert not [c.coordinate for c in row if c.data_type == "f" and not own.fullmatch(c.value[1:])], sheet.title


def test_xlsx_legend_band_is_text():
    """Seririt's legend: the band '= 100' was stored as the formula ' 100'."""
    cell = _workbook(_render(seririt(), "xlsx", ["predikat"]))["predikat"]["C4"]
    assert (cell.value, cell.data_type) == ("= 100", "s")


def test_xlsx_cuts_what_excel_cannot_hold(hostile):
    """Excel holds at most 32 767 characters in a cell and rows of at most 409 points."""
    long = "kata " * 200_000  # 1 000 000 characters, 200 000 words: thousands of wrapped lines
    nodes = [n.model_copy(update={"name": long}) if n.id == "IK1" else n for n in hostile.nodes]
    sheet = _workbook(_render(hostile.model_copy(update={"nodes": nodes}), "xlsx", ["capaian"]))["capaian"]
    cell = _sheet_row(sheet, "1.1")[1]
    assert len(cell.value) == 32_767 and cell.value == long[:32_766] + "…"
    assert sheet.row_dimensions[cell.row].height == 409


# ---- 2. Markdown ----
def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_cells_cannot_forge_cells_headings_images_or_html(hostile):
    text = _render(hostile, "markdown").decode("utf-8")
    titles = {f"### {t.title}" for t in formats_tables(hostile)}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        if lines and lines[0].startswith("|"):
            assert len({_unescaped_pipes(line) for line in lines}) == 1, block  # every row the header's cells
    assert [line for line in text.splitlines() if line.startswith("#")] == [line for line in text.splitlines()
                                                                          if line in titles]
    assert "![" not in text and "<script" not in text and "](" not in text.replace("\\](", "")
    row = next(line for line in text.splitlines() if line.startswith("| 1    |"))
    assert ("| Sasaran \\| palsu \\| sel # Judul palsu !\\[x\\](http://evil/) "
            "&lt;script&gt;alert(1)&lt;/script&gt; |") in row
    assert "| Rasio \\$a^b^c\\$ " in text


def formats_tables(result):
    from lkjipdsl.render.tables import tables

    return tables(result, None, "id")


def test_markdown_table_of_backslashes_and_pipes():
    from lkjipdsl.render.table import Table

    table = Table("t", "Judul", ["A", "B"], ["left", "right"])
    table.add(["a\\|b", "x\\"])  # a backslash before a pipe, and one at the end of a cell
    lines = render_table(table, "markdown").splitlines()
    assert lines[0] == "### Judul"
    assert lines[-1] == "| a\\\\\\|b | x\\\\ |"
    assert {_unescaped_pipes(line) for line in lines[2:]} == {3}


# ---- 3. what check accepts renders: a full disk, math syntax, characters XML cannot hold ----
class FullDisk(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_full_disk_is_a_plain_oserror_with_no_zip_left_open(fmt, hostile, monkeypatch):
    pytest.importorskip({"xlsx": "openpyxl", "docx": "docx"}[fmt])
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    content, _ = formats.render(hostile, fmt, None, "id", None, False)
    with pytest.raises(OSError) as raised:
        content(FullDisk())
    assert raised.value.errno == errno.ENOSPC
    gc.collect()  # a ZipFile left open would try to write its end record here
    assert unraisable == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_a_full_disk_on_the_command_line_is_exit_2(fmt, tmp_path, capsys):
    pytest.importorskip({"xlsx": "openpyxl", "docx": "docx", "csv": "csv"}[fmt])
    spec = tmp_path / "hostile.lkj"
    spec.write_text(HOSTILE, encoding="utf-8")
    one = ["--table", "capaian"] if fmt == "csv" else []
    assert cli.main(["eval", str(spec), "--format", fmt, *one, "--no-charts", "-o", "/dev/full"]) == 2
    assert capsys.readouterr().err == "lkjipdsl: /dev/full tidak dapat ditulis: ruang penyimpanan penuh\n"
    assert _files(tmp_path) == {"hostile.lkj": HOSTILE.encode("utf-8")}


@pytest.mark.parametrize("fmt, extension", [("png", "png"), ("html", "html"), ("docx", "docx")])
def test_math_syntax_in_names_is_drawn_as_text(fmt, extension, tmp_path, capsys):
    matplotlib = pytest.importorskip("matplotlib")
    if fmt == "docx":
        pytest.importorskip("docx")
    spec = tmp_path / "hostile.lkj"
    spec.write_text(HOSTILE, encoding="utf-8")
    before = {key: matplotlib.rcParams[key] for key in ("text.parse_math", "text.usetex")}
    chart = ["--chart", "anggaran"] if fmt == "png" else []
    assert cli.main(["eval", str(spec), *chart, "-o", str(tmp_path / f"out.{extension}")]) == 0
    capsys.readouterr()
    assert sorted(_files(tmp_path)) == ["hostile.lkj", f"out.{extension}"]
    assert {key: matplotlib.rcParams[key] for key in before} == before  # no global setting changed


@pytest.mark.parametrize("name", ["$a^b^c$", "$\\frac{1}{0}$", "$x", "\\$", "$\\undefinedcommand$", "^_^ $$"])
def test_every_chart_draws_any_name(name, hostile):
    pytest.importorskip("matplotlib")
    from lkjipdsl.render import charts

    nodes = [n.model_copy(update={"name": name}) if n.kind != "total" else n for n in hostile.nodes]
    result = hostile.model_copy(update={"nodes": nodes})
    for chart in ("capaian", "anggaran", "craapk"):
        assert charts.png(result, chart, dpi=30).startswith(b"\x89PNG")


BAD = "Bad\x0cform\ufffe\uffff\ud800end\x00"
CLEAN = "Bad\ufffdform\ufffd\ufffd\ufffdend\ufffd"


def test_xml_text_replaces_only_what_xml_cannot_hold():
    assert xml_text(BAD) == CLEAN
    kept = "tab\tline\nreturn\r \x7f \x85 \ud7ff \ue000 \ufffd \U0001fffe \U0010ffff"
    assert xml_text(kept) == kept


@pytest.fixture(scope="module")
def unwritable(hostile):
    """The hostile result with characters XML cannot hold in every name, unit and the instansi
    (`check` refuses them; a Result from the API can still carry them)."""
    nodes = [n.model_copy(update={"name": BAD, "satuan": BAD if n.satuan else None}) for n in hostile.nodes]
    return hostile.model_copy(update={"nodes": nodes, "spec": hostile.spec.model_copy(update={"instansi": BAD})})


def test_xlsx_holds_u_fffd_for_characters_xml_cannot_hold(unwritable):
    cells = _sheet_row(_workbook(_render(unwritable, "xlsx"))["capaian"], "1.1")
    assert [cells[1].value, cells[2].value] == [CLEAN, CLEAN]


def test_docx_holds_u_fffd_for_characters_xml_cannot_hold(unwritable):
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(_render(unwritable, "docx")))
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert CLEAN in texts and not [t for t in texts if set(t) & set(BAD) - set(CLEAN)]
    assert document.core_properties.title == f"BAB III — {CLEAN} 2023"


def test_html_and_charts_hold_u_fffd_for_characters_they_cannot_hold(unwritable):
    page = _render(unwritable, "html", charts=True).decode("utf-8")  # utf-8: no lone surrogate left
    assert f"<h1>{CLEAN}</h1>" in page


# ---- 4. bounded work: charts ----
def _many(indikator: int, programs: int) -> str:
    lines = ['instansi "Kabupaten Contoh"', "tahun 2023", 'sasaran S1 "Sasaran" {']
    lines += [f'    indikator I{i} "Indikator {i} {"dengan nama yang panjang " * 8}" '
              f'{{ satuan "%"; polaritas maksimal; target 100; realisasi {50 + i % 60} }}' for i in range(indikator)]
    lines.append("}")
    for p in range(1, programs + 1):
        lines += [f'program {p} "PROGRAM {p} {"PENUNJANG URUSAN " * 6}" {{', f'  kegiatan {p}.1 "Kegiatan {p}" {{',
                  f'    subkegiatan {p}.1.1 "Sub {p}" {{ anggaran 1.000.000; realisasi 500.000',
                  "      periode bulanan gabung terakhir { januari 100.000 90.000; februari 600.000 500.000 }",
                  "    }", "  }", "}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def many():
    loaded = lkjipdsl.loads(_many(300, 70), "many.lkj")
    assert not [d for d in loaded.diagnostics if d.is_error], loaded.diagnostics[:3]
    return lkjipdsl.evaluate(loaded)


def _png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


def test_charts_draw_at_most_their_bound_with_a_note(many):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from lkjipdsl.render import charts

    assert (charts.MAX_BARS, charts.MAX_PANELS) == (40, 8)
    capaian = charts._capaian(Figure, many, "id")
    assert len(capaian.axes[0].patches) == 40 and len(capaian.axes[0].get_yticks()) == 40
    assert len(charts._anggaran(Figure, many, "id").axes[0].patches) == 2 * 40  # pagu and realisasi bars
    assert len(charts._craapk(Figure, many, "id").axes) == 8
    assert charts.caption("capaian", "id", many) == ("Capaian indikator kinerja terhadap target (100 %) "
                                                     "(menampilkan 40 pertama dari 300 indikator)")
    assert charts.caption("anggaran", "en", many) == ("Budget realisation per program (% of ceiling) "
                                                      "(showing the first 40 of 70 programs)")
    assert charts.caption("craapk", "id", many).endswith("(menampilkan 8 pertama dari 70 item anggaran)")
    width, height = _png_size(charts.png(many, "capaian", dpi=50))
    assert (width, height) == (8 * 50, round((1.4 + 0.55 * 40) * 50))  # the figure of 40 bars


def test_a_chart_within_its_bound_has_no_note(hostile):
    from lkjipdsl.render import charts

    assert [charts.partial_note(hostile, name) for name in ("capaian", "anggaran", "craapk")] == ["", "", ""]
    assert charts.caption("capaian", "id", hostile) == "Capaian indikator kinerja terhadap target (100 %)"


def test_html_captions_say_what_the_charts_leave_out(many):
    pytest.importorskip("matplotlib")
    page = _render(many, "html", ["capaian"], charts=True).decode("utf-8")
    assert "<figcaption>Capaian indikator kinerja terhadap target (100 %) (menampilkan 40 pertama dari 300 " \
           "indikator)</figcaption>" in page


def test_xlsx_draws_no_chart(hostile, monkeypatch):
    from lkjipdsl.render import charts

    def refuse(*args, **kwargs):
        raise AssertionError("xlsx drew a chart")

    monkeypatch.setattr(charts, "png", refuse)
    pytest.importorskip("openpyxl")
    assert _render(hostile, "xlsx", charts=True).startswith(b"PK")


def test_docx_table_rows_read_back_as_their_texts(hostile):
    """docx writes its table rows as XML: tabs, line breaks, markup characters and indentation read back."""
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(_render(hostile, "docx")))
    capaian = next(t for t in document.tables if t.rows[0].cells[1].text == "Sasaran / Indikator")
    texts = [[cell.text for cell in row.cells] for row in capaian.rows[1:]]
    assert texts[0][:2] == ["1", SASARAN] and texts[0][5] == "93,82"
    assert texts[1][:6] == ["1.1", "=cmd|' /C calc'!A0", "+1", "95", "97,4", "102,53"]
    assert texts[3][:3] == ["1.3", "\t=1+2", "#N/A"]
    indented = capaian.rows[2].cells[1].paragraphs[0].paragraph_format.left_indent
    assert indented.pt == 7  # an indikator, one level under its sasaran
