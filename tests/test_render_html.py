"""--format html, parsed back: the tables' values in Indonesian style, the predikat colours, one
self-contained printable file; --lang en; and names that need escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkjipdsl

from conftest import evaluate_text
from lkjipdsl.render import formats, html
from lkjipdsl.render.tables import tables
from render_helpers import Tables, charts, rendered, seririt

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def page():
    return rendered("html").decode("utf-8")


def test_tabel_3_1_row_in_indonesian_style(page):
    # 1.4: 256.774.593 and 182.722.238 → 71,16 % (hand: 182722238 / 256774593 = 0.711605…)
    _, cells = Tables(page).row(("1.4",))
    texts = [text for text, _ in cells]
    assert texts[1] == "Administrasi Umum Perangkat Daerah"
    assert texts[2:5] == ["256.774.593", "182.722.238", "71,16"]
    assert all("num" in attrs.get("class", "") for _, attrs in cells[2:])
    assert "padding-left" in cells[1][1]["style"]  # a kegiatan, indented under its program


def test_predikat_colour_on_the_rated_cell(page):
    attrs, cells = Tables(page).row(("2.1",))  # ADM: capaian 100,00, Sesuai Target
    assert attrs["data-warna"] == "#2da44e"
    text, cell = cells[6]
    assert text == "Sesuai Target" and "background: #2da44e" in cell["style"] and "rated" in cell["class"]
    assert cells[5][0] == "100,00"
    attrs, cells = Tables(page).row(("1.1",))  # IKM: no realisasi, no colour
    assert "data-warna" not in attrs and "style" not in cells[6][1]


def test_self_contained_and_printable(page):
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page
    assert "@media print" in page and "@page" in page and "print-color-adjust: exact" in page
    assert "<script" not in page and "<link" not in page and "http://" not in page and "https://" not in page
    parsed = Tables(page)
    assert len(parsed.tables) == len(tables(seririt()))
    assert "Kecamatan Seririt" in parsed.headings


def test_charts_are_inline_images(monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(html, "drawn_charts", lambda result, lang, wanted: (charts(), []))  # drawn once per run
    content, notes = formats.render(seririt(), "html", ["capaian"], "id", None, True)
    assert notes == []
    assert content.count('<img src="data:image/png;base64,') == 3  # capaian after its table, the others at the end
    assert content.index("<figure>") > content.index('id="tabel-capaian"')


def test_english():
    page = rendered("html", "en").decode("utf-8")
    _, cells = Tables(page).row(("1.4",))
    assert [text for text, _ in cells][2:5] == ["256,774,593", "182,722,238", "71.16"]
    assert "Table 3.1 Target and actual performance, 2023" in Tables(page).headings
    assert '<html lang="en">' in page


def test_names_are_escaped():
    result = evaluate_text("""
        sasaran S1 "Sasaran <b>tebal</b> & \\"kutip\\"" {
            indikator I1 "<script>alert(1)</script>" { satuan "%"; polaritas maksimal; target 100; realisasi 90 }
        }
    """)
    page = html.document(result, tables(result, ["capaian"]))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    _, cells = Tables(page).row(("1.1",))
    assert cells[1][0] == "<script>alert(1)</script>" and cells[5][0] == "90,00"


def test_the_legend_says_what_each_predikat_colour_means(page):
    """Seririt rates on the seed's three-level scale (§3.1.2): below, at or above target."""
    parsed = Tables(page)
    assert "Keterangan Predikat" in parsed.headings
    legend = next(t for t in parsed.tables if [text for text, _ in t[0][1]] == ["Skala", "Predikat", "Rentang nilai"])
    assert [[text for text, _ in cells] for _, cells in legend[1:]] == [
        ["Predikat Nilai Capaian Kinerja (tiga tingkat) (dibulatkan ke 2 desimal dahulu)", "Belum Mencapai Target",
         "< 100"], ["", "Sesuai Target", "= 100"], ["", "Melampaui Target", "> 100"]]
    assert [cells[1][1]["style"].replace(" ", "").split(";")[:2] for _, cells in legend[1:]] == [
        ["background:#cf222e", "color:#ffffff"], ["background:#2da44e", "color:#ffffff"],
        ["background:#1f6feb", "color:#ffffff"]]


def test_the_legend_of_a_five_band_scale():
    result = lkjipdsl.evaluate(lkjipdsl.load(ROOT / "examples" / "dua-polaritas.lkj"))
    assert [s.id for s in result.skala] == ["permendagri86"]
    legend = tables(result, ["predikat"], "en")[0]
    assert [row[1:] for row in legend.rows] == [
        ["Sangat Rendah", "< 51"], ["Rendah", "≥ 51 and < 66"], ["Sedang", "≥ 66 and < 76"],
        ["Tinggi", "≥ 76 and < 91"], ["Sangat Tinggi", "≥ 91"]]
    assert legend.colors == ["#cf222e", "#e16f24", "#d4a72c", "#2da44e", "#116329"]


def test_nesting_comes_from_the_levels_not_from_the_text():
    """A kegiatan is indented by its level; a name that starts with spaces in the spec is shown as it is."""
    result = evaluate_text("""
        program 1 "  Program Berspasi" {
            kegiatan 1.2 "Kegiatan" {
                subkegiatan 1.2.4 "Sub" { anggaran 100; realisasi 50 }
            }
        }
    """)
    table = tables(result, ["realisasi-anggaran"])[0]
    assert table.levels[:3] == [0, 1, 2] and table.nested == 1
    assert [row[1] for row in table.rows[:3]] == ["  Program Berspasi", "  Kegiatan", "    Sub"]  # the text contract
    parsed = Tables(html.document(result, [table]))
    program, kegiatan, sub = ([cell for cell in parsed.row((code,))[1]][1] for code in ("1", "1.2", "1.2.4"))
    assert program == ("  Program Berspasi", {})
    assert kegiatan == ("Kegiatan", {"style": "padding-left: 1.6em"})
    assert sub == ("Sub", {"style": "padding-left: 2.8em"})
