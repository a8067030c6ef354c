"""--format docx, read back with python-docx: the BAB III draft's headings, tables, sentences and colours.

Hand-derived: sub kegiatan 1.4.8 absorbs least of program 1: 5.190.000 / 12.458.200 = 41,66 %.
"""

from __future__ import annotations

import io

import pytest

from lkjipdsl.render.docx import write
from render_helpers import charts, rendered, seririt

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(rendered("docx")))


def _table(document, headers: tuple[str, ...]):
    for table in document.tables:
        if tuple(c.text for c in table.rows[0].cells[:len(headers)]) == headers:
            return table
    raise KeyError(headers)


def _row(table, column: int, text: str):
    return next(row for row in table.rows if row.cells[column].text == text)


def test_headings(document):
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "BAB III\nAKUNTABILITAS KINERJA")
    assert ("Heading 2", "A. Capaian Kinerja Organisasi") in headings
    assert ("Heading 2", "B. Realisasi Anggaran") in headings
    assert ("Heading 4", "Sasaran 1: Meningkatnya Kualitas Pelayanan Publik") in headings
    assert ("Heading 4", "Program 1: PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA") in headings
    assert sum(1 for _, text in headings if text.startswith("Program ")) == 7


def test_report_tables_with_their_columns(document):
    tabel = _table(document, ("No", "Program / Kegiatan / Sub Kegiatan", "Target Anggaran (Rp)"))
    cells = [c.text for c in _row(tabel, 0, "1.4").cells]
    assert cells[1:] == ["Administrasi Umum Perangkat Daerah", "256.774.593", "182.722.238", "71,16", "100,00"]
    program = [c.text for c in _row(tabel, 0, "1").cells]  # a program with its totals, not only its pagu
    assert program[2:5] == ["6.942.171.920", "6.811.854.166", "98,12"]
    header = tabel.rows[0]._tr
    assert header.trPr is not None and header.trPr.xpath("./w:tblHeader")  # repeated on every page
    realisasi = _table(document, ("No", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa (Rp)"))
    total = _row(realisasi, 1, "Jumlah")
    assert [c.text for c in total.cells][2:] == ["8.624.579.558", "8.371.823.881", "252.755.677", "97,07"]


def test_predikat_colour_shades_the_cell(document):
    capaian = _table(document, ("No", "Sasaran / Indikator", "Satuan"))
    cell = _row(capaian, 0, "2.1").cells[6]
    assert cell.text == "Sesuai Target"
    assert cell._tc.tcPr.xpath("./w:shd/@w:fill") == ["2DA44E"]


def test_the_legend_follows_the_capaian_table(document):
    legend = _table(document, ("Skala", "Predikat", "Rentang nilai"))
    rows = [[c.text for c in row.cells][1:] for row in legend.rows[1:]]
    assert rows == [["Belum Mencapai Target", "< 100"], ["Sesuai Target", "= 100"], ["Melampaui Target", "> 100"]]
    assert [row.cells[1]._tc.tcPr.xpath("./w:shd/@w:fill") for row in legend.rows[1:]] == [
        ["CF222E"], ["2DA44E"], ["1F6FEB"]]


def test_sentences_per_sasaran_and_program(document):
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Indikator yang mencapai target: Persentase Desa/Kelurahan dengan Administrasi yang Baik " \
           "(target 100 %, realisasi 100 %, capaian 100,00 %)." in text
    assert "Indikator yang belum memiliki realisasi: Indeks Kepuasan Masyarakat Terhadap Pelayanan Publik." in text
    assert "Serapan terendah ada pada sub kegiatan 1.4.8 “Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD”: " \
           "41,66 % (Rp 5.190.000 dari Rp 12.458.200)." in text
    assert "Realisasi anggaran Kecamatan Seririt tahun 2023 sebesar Rp 8.371.823.881 dari pagu Rp 8.624.579.558 " \
           "(97,07 %), sisa anggaran Rp 252.755.677." in text


def test_comparison_tables_on_landscape_pages(document):
    orientations = [s.orientation for s in document.sections]
    assert len(orientations) == 3 and orientations[1] != orientations[0] == orientations[2]
    assert document.sections[1].page_width > document.sections[1].page_height


def test_charts_embedded():
    pytest.importorskip("matplotlib")
    out = io.BytesIO()
    write(seririt(), out, "id", charts())
    with_charts = docx.Document(out)
    assert len(with_charts.inline_shapes) == 3
    captions = [p.text for p in with_charts.paragraphs if p.text.startswith("Gambar 3.")]
    assert captions == ["Gambar 3.1 Capaian indikator kinerja terhadap target (100 %)",
                        "Gambar 3.2 Realisasi anggaran per program (% dari pagu)",
                        "Gambar 3.3 Realisasi kumulatif terhadap rencana aksi (CRAAPK)"]


def test_english_headings():
    english = docx.Document(io.BytesIO(rendered("docx", "en")))
    headings = [p.text for p in english.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["CHAPTER III\nPERFORMANCE ACCOUNTABILITY", "A. Organisational Performance"]
    tabel = _table(english, ("No", "Program / Activity / Sub-activity", "Budget target (Rp)"))
    assert [c.text for c in _row(tabel, 0, "1.4").cells][2:5] == ["256,774,593", "182,722,238", "71.16"]
