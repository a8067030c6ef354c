"""The messages of the reports and templates in both languages (docs/i18n.md; the Indonesian texts in
lkjipdsl/locale/id/render.po), each at the same place; and the words of the tables in the report's
language: no code word (a severity, `34:1`, `jumlah_program`) in an Indonesian table."""

from __future__ import annotations

import sys

import pytest

import lkjipdsl
from lkjipdsl import i18n
from lkjipdsl.cli import main
from lkjipdsl.limits import Limits
from lkjipdsl.render import extras, formats
from lkjipdsl.render.headings import field_label, period
from lkjipdsl.render.report_tables import efisiensi_table
from lkjipdsl.render.tables import asersi_table, assertion_message, periode_table, temuan_table
from lkjipdsl.render.templating import TemplateProblem, render_template
from render_helpers import ROOT, SMALL

pytest.importorskip("jinja2")

DISAGREES = """instansi "Kecamatan Contoh"
tahun 2023
program 1 "PROGRAM PENUNJANG" {
    kegiatan 1.2 "Administrasi Keuangan" {
        subkegiatan 1.2.1 "Gaji" { anggaran 5.822.880.557; realisasi 5.785.689.930 }
        subkegiatan 1.2.2 "Laporan" { anggaran 213.138.979; realisasi 212.344.178 }
        tercetak anggaran 6.036.019.539 "Tabel 3.1"
        tercetak serapan 99,38 "Tabel 3.6"
    }
}
"""


def evaluated(text: str):
    return lkjipdsl.evaluate(lkjipdsl.loads(text, "contoh.lkj"))


def problem(tmp_path, source: str, lang: str, limits: Limits | None = None) -> TemplateProblem:
    template = tmp_path / "laporan.md"
    template.write_text(source, encoding="utf-8")
    with i18n.using(lang), pytest.raises(TemplateProblem) as raised:
        render_template(evaluated(SMALL), str(template), lang, charts=False, limits=limits)
    return raised.value


@pytest.mark.parametrize("lang,message,hint", [
    ("id", "'sasarn' tidak dikenal", "mungkin maksud Anda 'sasaran'?"),
    ("en", "'sasarn' is undefined", "did you mean 'sasaran'?"),
])
def test_t003_a_misspelt_name_in_a_template(tmp_path, lang, message, hint):
    d = problem(tmp_path, "satu\ndua {{ sasarn }}\n", lang).diagnostic
    assert (d.code, d.message, d.hints) == ("T003", message, (hint,))
    assert (d.span.line, d.span.column, d.span.end_column) == (2, 8, 14)  # under the name, in both languages


@pytest.mark.parametrize("lang,message", [
    ("id", "'str object' tidak memiliki atribut 'judull'"),
    ("en", "'str object' has no attribute 'judull'"),
])
def test_t003_a_misspelt_attribute(tmp_path, lang, message):
    d = problem(tmp_path, "satu\n{{ spec.instansi.judull }}\n", lang).diagnostic
    assert (d.code, d.message, d.span.line) == ("T003", message, 2)


@pytest.mark.parametrize("lang,message", [
    ("id", "ini akan menghasilkan teks sepanjang 2 000 karakter; batasnya 1 000 (max_template_value)"),
    ("en", "this would make a text of 2 000 characters; the limit is 1 000 (max_template_value)"),
])
def test_t008_a_value_over_the_limit(tmp_path, lang, message):
    d = problem(tmp_path, "a\nb\n{{ 'x' * 2000 }}\n", lang, Limits(max_template_value=1000)).diagnostic
    assert (d.code, d.message, d.span.line) == ("T008", message, 3)
    raise_it = {"id": "jika laporannya memang memerlukan lebih, naikkan batasnya: ",
                "en": "if the report really needs more, raise the limit: "}[lang]
    assert d.hints == (raise_it + "lkjipdsl render … --limit max_template_value=2000, "
                       + {"id": "atau", "en": "or"}[lang]
                       + " render_template(…, limits=lkjipdsl.Limits(max_template_value=2000))",)


@pytest.mark.parametrize("lang,expected", [
    ("id", ["galat[T001]: templat 'bab3.mdx' tidak ada: bukan nama templat bawaan, dan tidak ada berkas dengan "
            "nama itu", "petunjuk: mungkin maksud Anda 'bab3.md' atau 'bab3.html'?"]),
    ("en", ["error[T001]: no template 'bab3.mdx': not a built-in name and no such file",
            "hint: did you mean 'bab3.md' or 'bab3.html'?"]),
])
def test_t001_no_such_template_on_the_command_line(capsys, lang, expected):
    assert main(["render", str(ROOT / "examples" / "dua-polaritas.lkj"), "--template", "bab3.mdx",
                 "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert (captured.out + captured.err).splitlines() == expected


@pytest.mark.parametrize("lang,message,hint", [
    ("id", "1.2 anggaran: angka tercetak 6.036.019.539 di Tabel 3.1, hasil hitung 6.036.019.536",
     "petunjuk: jenis: "),
    ("en", "1.2 anggaran: printed 6.036.019.539 in Tabel 3.1, computed 6.036.019.536", "hint: kind: "),
])
def test_a001_a_printed_figure_that_disagrees(tmp_path, capsys, lang, message, hint):
    spec = tmp_path / "contoh.lkj"
    spec.write_text(DISAGREES, encoding="utf-8")
    assert main(["check", str(spec), "--lang", lang]) == 1
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    severity = {"id": "galat", "en": "error"}[lang]
    assert f"{spec}:7:9: {severity}[A001]: {message}" in lines  # the line and column of the `tercetak`
    assert any(line.startswith(hint) for line in lines)


@pytest.mark.parametrize("lang,message", [
    ("id", "1.2 serapan: angka tercetak 99,38 di Tabel 3.6, hasil hitung 99,37 (99,3707 sebelum dibulatkan)"),
    ("en", "1.2 serapan: printed 99,38 in Tabel 3.6, computed 99,37 (99,3707 before rounding)"),
])
def test_a001_the_exact_value_before_rounding(lang, message):
    result = evaluated(DISAGREES)
    check = next(a for a in result.failed_assertions if a.field == "serapan")
    with i18n.using(lang):
        assert assertion_message(check) == message


@pytest.mark.parametrize("lang,table,chart,extra", [
    ("id", "--table tidak berlaku untuk docx: draf BAB III memiliki tabelnya sendiri",
     "--chart hanya untuk --format png; html, docx dan pdf sudah memuat semua grafik",
     "--format xlsx memerlukan paket 'openpyxl': pip install 'lkjipdsl[xlsx]'"),
    ("en", "--table does not apply to docx: the BAB III draft has its own tables",
     "--chart is for --format png; html, docx and pdf include every chart",
     "--format xlsx needs the 'openpyxl' package: pip install 'lkjipdsl[xlsx]'"),
])
def test_usage_errors_and_a_missing_extra(monkeypatch, lang, table, chart, extra):
    result = evaluated(SMALL)
    with i18n.using(lang):
        with pytest.raises(formats.UsageError) as raised:
            formats.render(result, "docx", ["capaian"], lang)
        assert str(raised.value) == table
        with pytest.raises(formats.UsageError) as raised:
            formats.render(result, "html", None, lang, chart="capaian")
        assert str(raised.value) == chart
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(extras.MissingExtra) as raised:
            formats.render(result, "xlsx", None, lang)
        assert str(raised.value) == extra


@pytest.mark.parametrize("lang,note", [
    ("id", "grafik tidak disertakan: grafik memerlukan paket 'matplotlib': pip install 'lkjipdsl[charts]'"),
    ("en", "charts left out: charts needs the 'matplotlib' package: pip install 'lkjipdsl[charts]'"),
])
def test_charts_left_out(monkeypatch, lang, note):
    from lkjipdsl.render.charts import drawn_charts

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    monkeypatch.setitem(sys.modules, "matplotlib.backends.backend_agg", None)
    with i18n.using(lang):
        assert drawn_charts(evaluated(SMALL), lang) == ({}, [note])


# ---- the words of the tables, in the report's language ----
@pytest.fixture(scope="module")
def seririt():
    from render_helpers import seririt

    return seririt()


@pytest.mark.parametrize("lang,location,field,severities", [
    ("id", "baris 34, kolom 1", "jumlah sasaran", {"galat", "peringatan", "info"}),
    ("en", "line 34, column 1", "number of objectives", {"error", "warning", "info"}),
])
def test_printed_figures_and_findings_in_words(seririt, lang, location, field, severities):
    asersi = asersi_table(seririt, lang)
    assert asersi.rows[0][:3] == [location, "total", field]
    assert {row[0] for row in temuan_table(seririt, lang).rows} == severities


@pytest.mark.parametrize("field,indonesian,english", [
    ("jumlah_program", "jumlah program", "number of programs"),
    ("capaian_output", "capaian output", "output achievement"),
    ("serapan", "serapan", "absorption"),
    ("anggaran_kini", "anggaran tahun ini", "budget this year"),
    ("persen agustus", "persentase Agustus", "percentage August"),
    ("riwayat 2022 persen", "persentase tahun 2022", "percentage 2022"),
    ("target (periode)", "target (gabungan periode)", "target (periods combined)"),
    ("target desember (kumulatif) = anggaran", "target Desember (kumulatif) = anggaran",
     "target December (cumulative) = budget"),
])
def test_fields_of_printed_figures_as_words(field, indonesian, english):
    assert (field_label("id", field), field_label("en", field)) == (indonesian, english)


def test_periods_and_efficiency_verdicts_in_the_reports_language(seririt):
    assert [period("id", p) for p in ("januari", "agustus", "tw1")] == ["Januari", "Agustus", "Triwulan I"]
    assert [period("en", p) for p in ("januari", "agustus", "tw4")] == ["January", "August", "Quarter 4"]
    assert periode_table(seririt, "en").rows[0][2] == "January"
    verdicts = {row[-1] for row in efisiensi_table(seririt, "en").rows}
    assert verdicts <= {"Efficient", "Fairly efficient", "Not efficient", "-"} and "Fairly efficient" in verdicts
    assert "Cukup Efisien" in {row[-1] for row in efisiensi_table(seririt, "id").rows}


def test_no_code_word_in_an_indonesian_table(seririt):
    """A report in Indonesian has no English severities, no bare `109:1` places and no field names
    with underscores."""
    import re

    for table in (asersi_table(seririt, "id"), temuan_table(seririt, "id")):
        for row in table.rows:
            assert row[0] not in ("error", "warning") and not re.fullmatch(r"\d+:\d+", row[0])
    assert not [row for row in asersi_table(seririt, "id").rows if "_" in row[2]]
