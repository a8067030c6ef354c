"""The report's tables as reviewers expect them, in every format: the No column, program totals,
empty columns left out, Tabel 3.2's year headings, and nothing of the tool in what is handed in.

Hand-derived values (the seed, Tabel 3.1 and Tabel 3.6): program 1 has anggaran 6.942.171.920 and
realisasi 6.811.854.166 (the sums of its sub kegiatan), 6.811.854.166 / 6.942.171.920 = 98,12 %.
"""

from __future__ import annotations

import io
import re

import pytest
from conftest import evaluate_text
from render_helpers import rendered, seririt

from lkjipdsl import i18n
from lkjipdsl.render import narrative
from lkjipdsl.render.report_tables import REPORT_BUILDERS, numbering
from lkjipdsl.render.tables import tables
from lkjipdsl.render.templating import render_template

CODED = """
sasaran S1 "Sasaran" { indikator I1 "Indikator" { satuan "%"; polaritas maksimal; target 100; realisasi 90 } }
program P01 "PROGRAM SATU" {
    kegiatan K0101 "Kegiatan satu" {
        subkegiatan S010101 "Sub satu" { anggaran 300; realisasi 150 }
        subkegiatan S010102 "Sub dua" { anggaran 100; realisasi 100 }
    }
}
program P02 "PROGRAM DUA" {
    kegiatan K0201 "Kegiatan dua" { subkegiatan S020101 "Sub tiga" { anggaran 600; realisasi 450 } }
}
"""


def test_numbering_counts_rows_or_keeps_the_reports_own_numbers():
    coded = evaluate_text(CODED)
    nodes = [n for n in coded.nodes if n.kind in ("program", "kegiatan", "subkegiatan")]
    numbers, with_codes = numbering(nodes)
    assert with_codes  # P01, K0101 are codes, not numbers: counted, the codes in a column of their own
    assert [numbers[n.id] for n in nodes] == ["1", "1.1", "1.1.1", "1.1.2", "2", "2.1", "2.1.1"]
    numbers, with_codes = numbering([n for n in seririt().nodes if n.kind in ("program", "kegiatan", "subkegiatan")
                                     and n.dokumen is None])
    assert not with_codes and numbers["1.4.4"] == "1.4.4"  # nomenclature gaps kept, as Tabel 3.6 prints them


def test_codes_get_their_column_never_the_no_column():
    with i18n.using("en"):
        table = REPORT_BUILDERS["tabel-3.1"](evaluate_text(CODED), "en")
    assert table.headers[:3] == ["No", "Code", "Program / Activity / Sub-activity"]
    first = table.rows[0]
    assert first[:3] == ["1", "P01", "PROGRAM SATU"]
    # the program's own totals: 300 + 100 = 400 spent 250 → 62.50 %
    assert first[3:6] == ["400", "250", "62.50"]
    assert table.rows[-1][2] == "Total" and table.rows[-1][3:6] == ["1,000", "700", "70.00"]


def test_program_rows_carry_their_totals():
    table = REPORT_BUILDERS["tabel-3.1"](seririt())
    assert table.headers == ["No", "Program / Kegiatan / Sub Kegiatan", "Target Anggaran (Rp)",
                             "Realisasi Anggaran (Rp)", "Capaian Anggaran/Keuangan (%)", "Capaian Outcome/Output (%)"]
    program = next(row for row in table.rows if row[0] == "1")
    assert program[2:5] == ["6.942.171.920", "6.811.854.166", "98,12"]  # the seed's Tabel 3.6 row of program 1
    assert [row[0] for row in table.rows[:4]] == ["1", "1.1", "1.1.1", "1.1.2"]


def test_columns_empty_in_every_row_are_left_out():
    # no capaian output anywhere, no standar nasional, no efisiensi threshold: those columns go
    result = evaluate_text(CODED)
    assert "Capaian Outcome/Output (%)" not in REPORT_BUILDERS["tabel-3.1"](result).headers
    assert REPORT_BUILDERS["tabel-3.4"](result).headers[-1] == "Realisasi Anggaran (Rp)"
    efisiensi = REPORT_BUILDERS["tabel-3.6"](result)
    assert efisiensi.headers[-2:] == ["Realisasi (Rp)", "Capaian Anggaran (%)"]
    assert efisiensi.ratios == {len(efisiensi.headers) - 1: (len(efisiensi.headers) - 2, len(efisiensi.headers) - 3)}
    # ... and Seririt, which has them all, keeps them
    assert REPORT_BUILDERS["tabel-3.4"](seririt()).headers[-1] == "Standar Nasional"
    assert REPORT_BUILDERS["tabel-3.6"](seririt()).headers[-1] == "Efisiensi"


def test_tabel_3_2_heads_each_year():
    table = REPORT_BUILDERS["tabel-3.2"](seririt())
    assert table.title.startswith("Tabel 3.2 Membandingkan antara Realisasi Kinerja serta Capaian Kinerja Tahun ini")
    assert table.groups == [("", 2), ("Tahun 2020", 3), ("Tahun 2021", 3), ("Tahun 2022", 3), ("Tahun 2023", 3)]
    top, below = table.header_rows()
    assert top[:3] == [("No", 1, 2), ("Program / Kegiatan / Sub Kegiatan", 1, 2), ("Tahun 2020", 3, 1)]
    assert [text for text, _, _ in below[:3]] == ["Target", "Realisasi", "%"]
    assert table.headers[2:5] == ["Target 2020", "Realisasi 2020", "% 2020"]  # one line, for text and CSV


def test_tabel_3_2_in_html_and_docx_has_two_header_rows():
    page = rendered("html").decode("utf-8")
    section = page[page.index('id="tabel-tabel-3.2"'):]
    section = section[:section.index("</thead>")]
    assert '<th rowspan="2">No</th>' in section and '<th colspan="3">Tahun 2022</th>' in section
    assert 'class="table wide"' in page[page.index('id="tabel-tabel-3.2"') - 40:page.index('id="tabel-tabel-3.2"')]
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(rendered("docx")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No" and len(t.columns) == 14)
    assert [c.text for c in table.rows[0].cells[2:6]] == ["Tahun 2020"] * 3 + ["Tahun 2021"]  # merged across
    assert [c.text for c in table.rows[1].cells[:5]] == ["No", "Program / Kegiatan / Sub Kegiatan", "Target",
                                                         "Realisasi", "%"]


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_hand_in_outputs_say_nothing_of_the_tool(fmt):
    text = rendered(fmt).decode("utf-8")
    assert "lkjipdsl" not in text.lower()
    assert "Pemeriksaan Angka Tercetak" not in text and "Temuan Reviu" not in text


def test_docx_and_templates_say_nothing_of_the_tool():
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(rendered("docx")))
    texts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert not [t for t in texts if "lkjipdsl" in t.lower()]
    assert "lkjipdsl" not in document.core_properties.author.lower()
    assert document.core_properties.author == "Kecamatan Seririt"
    assert not [t for t in texts if "Pemeriksaan Angka Tercetak" in t]
    for name in ("bab3.md", "bab3.html"):
        page = render_template(seririt(), name, "id", charts=False)
        assert "lkjipdsl" not in page.lower() and "Pemeriksaan Angka Tercetak" not in page
        assert "Keterangan Predikat" in page  # the legend of the capaian table's colours


def test_audit_on_request(capsys, tmp_path):
    from lkjipdsl import cli

    spec = str(__import__("render_helpers").SPEC)
    assert cli.main(["eval", spec, "--lang", "en", "--audit", "-o", str(tmp_path / "a.md")]) == 0
    audited = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "### Printed figures checked" in audited and "### Review findings" in audited
    assert re.search(r"\| line \d+, column \d+ +\|", audited)
    assert cli.main(["render", spec, "--lang", "en", "--template", "bab3.md", "--audit", "-o",
                     str(tmp_path / "b.md")]) == 0
    page = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "## Printed figures checked" in page
    assert "figures printed in the report differ from the computed ones" in page


def test_sentences_without_tool_words_or_missing_values():
    result = evaluate_text("""
        skala permendagri86
        sasaran S1 "Sasaran" { indikator I1 "Indikator" { satuan "%"; polaritas maksimal; target 95; realisasi - } }
        program 1 "PROGRAM" { kegiatan 1.1 "Kegiatan" { subkegiatan 1.1.1 "Sub" { anggaran 200; realisasi 100 } } }
    """)
    intro = " ".join(narrative.intro(result, "id"))
    assert "“Skala Nilai Peringkat Kinerja (Permendagri 86/2017)”" in intro and "permendagri86" not in intro
    program = narrative.program_sections(result, "id")[0].text
    assert program.startswith("Program ini beranggaran Rp 200 dan terealisasi Rp 100 (50,00 %), sisa anggaran Rp 100.")
    assert "- %" not in program
    assert all("lkjipdsl" not in s for s in narrative.anggaran_sentences(seririt(), "id", audit=True))


def test_every_format_leaves_the_same_columns_out():
    result = evaluate_text(CODED)
    for table in tables(result, ["tabel-3.1", "tabel-3.4", "tabel-3.6"], "id"):
        assert all(len(row) == len(table.headers) == len(table.align) for row in table.rows)
        assert all(len(values) == len(table.headers) for values in table.values)


def test_every_colour_of_a_chart_has_a_legend_and_no_label_crosses_the_target_line():
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from lkjipdsl.render import charts

    result = evaluate_text("""
        skala tiga_tingkat
        sasaran S1 "Sasaran" {
            indikator I1 "Di bawah" { satuan "%"; polaritas maksimal; target 100; realisasi 98 }
            indikator I2 "Tanpa" { satuan "%"; polaritas maksimal; target 100; realisasi - }
        }
        program 1 "PROGRAM" { kegiatan 1.1 "K" { subkegiatan 1.1.1 "S" { anggaran 200; realisasi 150 } } }
    """)
    figure = charts._capaian(Figure, result, "id")
    labels = [text.get_text() for legend in figure.legends for text in legend.get_texts()]
    assert labels == ["Belum Mencapai Target", "Sesuai Target", "Melampaui Target", "tanpa predikat", "target 100 %"]
    # 98,00 %: its label begins past the dashed line at 100, not across it
    shown = {a.get_text(): a.xy[0] for a in figure.axes[0].texts}
    assert shown["98,00 %"] == 100 and shown["belum ada realisasi"] == 0
    figure = charts._anggaran(Figure, result, "en")
    assert [t.get_text() for legend in figure.legends for t in legend.get_texts()] == ["ceiling (100 %)", "spent"]


def test_texts_of_amounts_shown_alike_with_and_without_the_cache(monkeypatch):
    """A large report shows most amounts once: after _SHOWN_MOST texts kept with few found again,
    the next ones are shown without the cache. Either way the text is the report's writing of the
    value (thousands by '.', two decimals for a percentage, half-up)."""
    from decimal import Decimal

    from lkjipdsl.render import table

    monkeypatch.setattr(table, "_SHOWN", {})
    monkeypatch.setattr(table, "_SHOWN_MOST", 50)
    monkeypatch.setattr(table, "_SHOWN_SKIP", 500)
    monkeypatch.setattr(table, "_shown_found", 0)
    monkeypatch.setattr(table, "_shown_skipping", 0)
    for n in range(1, 51):  # fifty amounts, each shown once: the texts kept are full, none found again
        assert table.money(Decimal(n * 1000)).text == f"{n}.000"
    assert table.money(Decimal("1234567")).text == "1.234.567"  # the 51st: kept afresh, the next ones not
    assert len(table._SHOWN) == 1 and table._shown_skipping == 500
    assert table.percent(Decimal("74.08625")).text == "74,09"
    assert table.money(Decimal("1234567"), "en").text == "1,234,567"
    assert len(table._SHOWN) == 1 and table._shown_skipping == 498
    monkeypatch.setattr(table, "_shown_skipping", 0)  # after the skipped ones, kept and found again
    assert table.money(Decimal("2500000")).text == "2.500.000"
    assert table.money(Decimal("2500000")).text == "2.500.000"
    assert len(table._SHOWN) == 2 and table._shown_found == 1


def test_texts_kept_when_most_are_found_again(monkeypatch):
    """A report that shows its values in several tables keeps its texts when the cache fills."""
    from decimal import Decimal

    from lkjipdsl.render import table

    monkeypatch.setattr(table, "_SHOWN", {})
    monkeypatch.setattr(table, "_SHOWN_MOST", 10)
    monkeypatch.setattr(table, "_shown_found", 0)
    monkeypatch.setattr(table, "_shown_skipping", 0)
    for _ in range(3):  # ten values, each shown in three tables: twenty found again
        for n in range(10):
            assert table.money(Decimal(n)).text == str(n)
    assert table.money(Decimal(99)).text == "99"  # the cache full, begun afresh, not skipped
    assert table._shown_skipping == 0 and len(table._SHOWN) == 1
