"""The Python API beyond loading and evaluating (docs/api.md): a value formatted as the report
prints it, a result rendered in any format of `lkjipdsl eval` or written to a file, and what
the API says when something is wrong (str(Diagnostic), SpecError, an unknown id), in both
languages; `python -m lkjipdsl`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import cli, format_value, i18n

ROOT = Path(__file__).resolve().parent.parent
SERIRIT = ROOT / "specs" / "seririt-2023.lkj"
EXAMPLE = ROOT / "examples" / "dua-polaritas.lkj"
HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'
# five errors: I and J say no polaritas (E106); J's 'targt', K's 'agregasi' and L's 'catatan' are
# not keys of an indikator (E101)
BROKEN = HEAD + '''sasaran S1 "a" {
  indikator I "b" { target 1 }
  indikator J "c" { targt 2 }
  indikator K "d" { satuan "%"; polaritas maksimal; target 1; realisasi 1; bobot -1; agregasi x }
  indikator L "e" { satuan "%"; polaritas maksimal; target 1; realisasi 1; catatan "x" }
}
'''


@pytest.fixture(scope="module")
def seririt():
    return lkjipdsl.evaluate(lkjipdsl.load(SERIRIT))


@pytest.fixture(scope="module")
def example():
    return lkjipdsl.evaluate(lkjipdsl.load(EXAMPLE))


# ---- format_value ----

@pytest.mark.parametrize("value, places, lang, money, shown", [
    (Decimal("98.575"), 2, "id", False, "98,58"),  # half-up; to even (and binary floats) give 98,57
    (Decimal("1.005"), 2, "id", False, "1,01"),  # float: round(1.005, 2) == 1.0
    (Decimal("97.15283886769614051022706097"), 2, "id", False, "97,15"),
    (Decimal("97.4"), None, "id", False, "97,4"),  # None: as written
    (Decimal("8624579558"), None, "id", True, "8.624.579.558"),
    (Decimal("1486980.5"), None, "id", True, "1.486.980,50"),  # sen: two decimals
    (Decimal("8624579558.4"), 0, "id", False, "8.624.579.558"),
    (Decimal("-0.001"), 2, "id", False, "0,00"),  # no '-0,00'
    (None, 2, "id", False, "-"),
    (Decimal("98.575"), 2, "en", False, "98.58"),
    (Decimal("8624579558"), None, "en", True, "8,624,579,558"),
    (1234567, None, "id", False, "1.234.567"),
    ("1234.5", 2, "id", False, "1.234,50"),
])
def test_format_value_prints_as_the_report_does(value, places, lang, money, shown):
    assert format_value(value, places, lang, money=money) == shown


def test_format_value_refuses_what_is_not_an_exact_number():
    with pytest.raises(TypeError, match="Decimal"):
        format_value(97.15, 2)
    with pytest.raises(TypeError):
        format_value(True)
    with pytest.raises(ValueError):
        format_value("97,15")  # a str is read as Python reads a number: 97.15
    with pytest.raises(ValueError):
        format_value("NaN")


def test_the_renderers_format_with_format_value(seririt):
    from lkjipdsl import format as display

    assert display.angka is format_value
    assert display.persen(Decimal("98.575")) == format_value(Decimal("98.575"), 2)
    assert display.rupiah(Decimal("1486980.5"), "en") == format_value(Decimal("1486980.5"), lang="en", money=True)
    # kegiatan 1.4 of Seririt: 182.722.238 / 256.774.593 × 100 = 71,161… (seed, Tabel 3.1)
    node = seririt.node("1.4")
    shown = lkjipdsl.render_report(seririt, "markdown", tables=["anggaran"])
    row = next([cell.strip() for cell in line.split("|")] for line in shown.splitlines() if line.startswith("| 1.4 "))
    assert format_value(node.capaian_anggaran, 2) == "71,16" and "71,16" in row
    assert format_value(node.anggaran, money=True) == "256.774.593" and "256.774.593" in row
    # CSV writes the numbers for a spreadsheet: no grouping, the decimal comma of Indonesian
    shown = lkjipdsl.render_report(seririt, "csv", tables=["anggaran"])
    row = next(row for row in csv.reader(io.StringIO(shown), delimiter=";") if row and row[0] == "1.4")
    assert "256774593" in row and "71,16" in row


# ---- render_report, write_report ----

@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html"])
def test_render_report_gives_what_eval_prints(fmt, capsys):
    one = ["capaian"] if fmt == "csv" else None  # a CSV file holds one table
    assert cli.main(["eval", str(EXAMPLE), "--format", fmt, "--lang", "en", *(["--table", "capaian"] if one else [])]) == 0
    printed = capsys.readouterr().out
    with i18n.using("en"):  # the result's notes are in the language it was evaluated in
        english = lkjipdsl.evaluate(lkjipdsl.load(EXAMPLE))
    assert lkjipdsl.render_report(english, fmt, tables=one, lang="en", width=100) == printed  # not a terminal: 100 columns
    assert isinstance(lkjipdsl.render_report(english, fmt, tables=one), str)


def test_render_report_of_tables_in_both_languages(example):
    indonesian = lkjipdsl.render_report(example, "csv", tables=["capaian"])
    english = lkjipdsl.render_report(example, "csv", tables="capaian", lang="en")
    # AKB: (2 × 32 − 4,88) / 32 × 100 = 184,75
    assert ";184,75;" in indonesian and ",184.75," in english
    assert json.loads(lkjipdsl.render_report(example, "json")) == json.loads(example.model_dump_json())


def test_binary_formats_are_bytes(example):
    pytest.importorskip("openpyxl")
    workbook = lkjipdsl.render_report(example, "xlsx")
    assert isinstance(workbook, bytes) and workbook[:2] == b"PK"  # a zip, as every xlsx


def test_a_chart_is_png_bytes(example):
    pytest.importorskip("matplotlib")
    chart = lkjipdsl.render_report(example, "png", chart="capaian")
    assert isinstance(chart, bytes) and chart[:8] == b"\x89PNG\r\n\x1a\n"


def test_write_report_takes_the_format_from_the_extension(tmp_path, example):
    lkjipdsl.write_report(example, tmp_path / "laporan.md")
    lkjipdsl.write_report(example, tmp_path / "hasil.json")
    lkjipdsl.write_report(example, tmp_path / "tabel", "csv", tables=["capaian"], lang="en")
    assert (tmp_path / "laporan.md").read_text(encoding="utf-8") == lkjipdsl.render_report(example, "markdown")
    assert (tmp_path / "hasil.json").read_bytes() == (example.model_dump_json(indent=2) + "\n").encode()
    assert ",184.75," in (tmp_path / "tabel").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.json", "laporan.md", "tabel"]  # no temporary left


def test_write_report_needs_a_format_it_can_tell(tmp_path, example):
    with i18n.using("en"), pytest.raises(ValueError, match=r"^cannot tell the format of '.*laporan\.odt' from its "
                                                          r"extension \(\.csv, .*\); give fmt=$"):
        lkjipdsl.write_report(example, tmp_path / "laporan.odt")
    with i18n.using("id"), pytest.raises(ValueError, match=r"sebutkan formatnya dengan fmt=$"):
        lkjipdsl.write_report(example, tmp_path / "laporan.odt")
    assert list(tmp_path.iterdir()) == []


def test_write_report_keeps_inputs_and_read_only_files(tmp_path, example):
    spec = tmp_path / "spec.lkj"
    spec.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = lkjipdsl.evaluate(lkjipdsl.load(spec))
    with i18n.using("en"), pytest.raises(lkjipdsl.OutputError, match="which this command reads"):
        lkjipdsl.write_report(result, spec, "text")
    assert spec.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o444)
    with i18n.using("en"), pytest.raises(lkjipdsl.OutputError, match="read-only"):
        lkjipdsl.write_report(result, kept)
    assert kept.read_text(encoding="utf-8") == "old"
    lkjipdsl.write_report(result, kept, force=True)
    assert kept.read_text(encoding="utf-8") == lkjipdsl.render_report(result, "text")


def test_render_report_says_what_is_wrong_in_the_language_in_force(example):
    with i18n.using("en"), pytest.raises(ValueError, match=r"^unknown format 'htm'; did you mean 'html'\?$"):
        lkjipdsl.render_report(example, "htm", lang="id")
    with i18n.using("id"), pytest.raises(ValueError, match=r"^format 'htm' tidak dikenal; mungkin maksud Anda 'html'\?$"):
        lkjipdsl.render_report(example, "htm", lang="en")
    with i18n.using("en"), pytest.raises(ValueError, match=r"unknown table 'capain'; did you mean 'capaian'"):
        lkjipdsl.render_report(example, "text", tables=["capain"])
    with i18n.using("id"), pytest.raises(ValueError, match=r"tabel 'capain' tidak dikenal; mungkin maksud Anda 'capaian'"):
        lkjipdsl.render_report(example, "text", tables=["capain"])
    with i18n.using("en"), pytest.raises(ValueError, match=r"^tables= does not apply to docx: the BAB III draft"):
        lkjipdsl.render_report(example, "docx", tables=["capaian"])
    with i18n.using("id"), pytest.raises(ValueError, match=r"^tables= tidak berlaku untuk docx: draf BAB III"):
        lkjipdsl.render_report(example, "docx", tables=["capaian"])
    with i18n.using("en"), pytest.raises(ValueError, match=r"^chart= is for the format png; html, docx and pdf include"):
        lkjipdsl.render_report(example, "text", chart="capaian")
    with i18n.using("en"), pytest.raises(ValueError, match=r"^the format png is one chart: give chart= \(capaian\)$"):
        lkjipdsl.render_report(example, "png")
    with i18n.using("id"), pytest.raises(ValueError, match=r"^format png berisi satu grafik: sebutkan chart= \(capaian\)$"):
        lkjipdsl.render_report(example, "png")
    with i18n.using("en"), pytest.raises(ValueError, match=r"^no data for the chart 'craapk' in this spec"):
        lkjipdsl.render_report(example, "png", chart="craapk")  # dua-polaritas has no periods
    with pytest.raises(ValueError):
        lkjipdsl.render_report(example, "text", lang="fr")
    with pytest.raises(TypeError):
        lkjipdsl.render_report(lkjipdsl.load(EXAMPLE), "text")  # a LoadedSpec, not a Result


def test_a_result_with_nothing_to_render_raises_spec_error(tmp_path):
    broken = lkjipdsl.evaluate(lkjipdsl.loads(BROKEN, "rusak.lkj"))
    with pytest.raises(lkjipdsl.SpecError) as raised:
        lkjipdsl.render_report(broken, "text")
    assert [d.code for d in raised.value.errors][:3] == ["E106", "E106", "E101"]
    with pytest.raises(lkjipdsl.SpecError):
        lkjipdsl.write_report(broken, tmp_path / "x.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_note_is_a_warning(seririt, monkeypatch):
    from lkjipdsl.render import charts, extras

    def missing(*args, **kwargs):
        raise extras.MissingExtra("matplotlib", "charts", "charts")

    monkeypatch.setattr(charts, "png", missing)
    with i18n.using("en"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = lkjipdsl.render_report(seririt, "html", lang="en")
    assert "<table" in page
    assert [str(w.message) for w in caught if "charts left out" in str(w.message)]


# ---- what the API says ----

def test_str_of_a_diagnostic_is_the_line_check_prints(tmp_path, capsys):
    spec = tmp_path / "rusak.lkj"
    spec.write_text(BROKEN, encoding="utf-8")
    for lang in ("en", "id"):
        assert cli.main(["check", str(spec), "--lang", lang]) == 1
        printed = capsys.readouterr().out.splitlines()
        with i18n.using(lang):
            diagnostics = lkjipdsl.load(spec).diagnostics
            for d in diagnostics:
                first, *hints = str(d).split("\n")
                assert first.startswith(f"{spec}:{d.span.line}:{d.span.column}: ")
                index = printed.index(first)  # then the source line and the caret, then the hints
                assert printed[index + 3:index + 3 + len(hints)] == hints
            unknown = next(d for d in diagnostics if d.code == "E101")
            shown = str(unknown)
        assert shown == {
            "en": f"{spec}:5:21: error[E101]: unknown key 'targt' in indikator J\n"
                  "hint: did you mean 'target' or 'target_nol'?",
            "id": f"{spec}:5:21: galat[E101]: kunci 'targt' tidak dikenal di indikator J\n"
                  "petunjuk: mungkin maksud Anda 'target' atau 'target_nol'?",
        }[lang]


def test_spec_error_lists_the_first_errors_and_keeps_them_all():
    with i18n.using("en"):
        loaded = lkjipdsl.loads(BROKEN, "rusak.lkj")
        with pytest.raises(lkjipdsl.SpecError) as raised:
            lkjipdsl.evaluate(loaded, strict=True)
        first_lines = ["  " + str(d).split("\n")[0] for d in raised.value.errors[:3]]
    error = raised.value
    assert error.diagnostics == loaded.diagnostics and error.errors == [d for d in loaded.diagnostics if d.is_error]
    count = len(error.errors)
    assert count == 5
    lines = str(error).split("\n")
    assert lines[0] == f"{count} errors in the spec:"
    assert lines[1] == "  rusak.lkj:4:3: error[E106]: indikator I does not say its polaritas"
    shown = [line for line in lines if line.startswith("  rusak.lkj:")]
    assert shown == first_lines
    assert lines[-1] == f"  … and {count - 3} more errors"
    with i18n.using("id"), pytest.raises(lkjipdsl.SpecError) as raised:
        lkjipdsl.loads(BROKEN, "rusak.lkj", strict=True)
    lines = str(raised.value).split("\n")
    assert lines[0] == f"{count} galat di spec:"
    assert lines[1] == "  rusak.lkj:4:3: galat[E106]: indikator I belum menyebutkan polaritasnya"
    assert lines[-1] == f"  … dan {count - 3} galat lagi"


def test_load_strict_raises_for_a_file_it_cannot_read(tmp_path):
    with i18n.using("en"), pytest.raises(lkjipdsl.SpecError) as raised:
        lkjipdsl.load(tmp_path / "hilang.lkj", strict=True)
    assert raised.value.errors[0].code == "E008"
    assert str(raised.value).startswith("1 error in the spec:\n")
    assert lkjipdsl.load(EXAMPLE, strict=True).ok


def test_an_unknown_id_is_a_key_error_naming_the_closest(seririt):
    with i18n.using("en"), pytest.raises(KeyError) as raised:
        seririt.node("1.2.44")
    assert raised.value.args == ("1.2.44",)
    assert str(raised.value) == (f"no item '1.2.44' in {seririt.spec.file}; "
                                 "did you mean '1.2.4' or '1.6.4' or '1.4.4'?")
    with i18n.using("id"), pytest.raises(KeyError) as raised:
        seririt.node("totl")
    assert str(raised.value) == f"tidak ada item 'totl' di {seririt.spec.file}; mungkin maksud Anda 'total'?"
    with i18n.using("en"), pytest.raises(KeyError, match="nothing was computed: the spec has errors"):
        lkjipdsl.evaluate(lkjipdsl.loads(BROKEN, "rusak.lkj")).node("I")


def test_an_unknown_limit_names_the_closest():
    with i18n.using("en"), pytest.raises(TypeError, match=r"^unknown limit 'max_tokns'; did you mean 'max_tokens'"):
        lkjipdsl.Limits().raised(max_tokns=3)
    with i18n.using("id"), pytest.raises(TypeError, match=r"^batas 'max_tokns' tidak dikenal; mungkin maksud Anda"):
        lkjipdsl.Limits().raised(max_tokns=3)


# ---- python -m lkjipdsl ----

def test_python_m_runs_the_command_line():
    version = subprocess.run([sys.executable, "-m", "lkjipdsl", "--version"], capture_output=True, text=True,
                             cwd=ROOT, timeout=60)
    assert (version.returncode, version.stdout.strip()) == (0, f"lkjipdsl {lkjipdsl.__version__}")
    check = subprocess.run([sys.executable, "-m", "lkjipdsl", "check", str(EXAMPLE), "--lang", "en"],
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_format_value_examples_of_docs_api_md_hold():
    import re

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    examples = re.findall(r"^(format_value\(.*?\))\s+# '([^']*)'", text, re.M)
    assert len(examples) >= 6
    for call, shown in examples:
        assert eval(call, {"Decimal": Decimal, "format_value": format_value}) == shown, call


def test_a_missing_library_is_an_import_error_naming_the_extra(example, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def without_openpyxl(name, *args, **kwargs):
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_openpyxl)
    with i18n.using("en"), pytest.raises(ImportError, match=r"pip install 'lkjipdsl\[xlsx\]'"):
        lkjipdsl.render_report(example, "xlsx")
