"""The evaluation's messages in both languages: what a reviewer reads about a printed figure that
disagrees (its note and its kind), the errors found while evaluating (E140, E150, E131), the
checks of rumus and scales (E130, E132, E120), the notes on computed values and `explain`'s
lines. Indonesian is the default; English on request (docs/i18n.md)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import lkjipdsl
from golden import check_golden
from lkjipdsl import i18n
from lkjipdsl.cli import main
from lkjipdsl.explain import explain
from lkjipdsl.results import DISAGREEMENT_KINDS

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'
ROOT = Path(__file__).resolve().parent.parent


def evaluated(body: str, lang: str):
    """The spec HEAD + body loaded and evaluated with messages in `lang`."""
    with i18n.using(lang):
        loaded = lkjipdsl.loads(HEAD + textwrap.dedent(body).lstrip("\n"), "uji.lkj")
        return loaded, lkjipdsl.evaluate(loaded, computations=True) if loaded.ok else None


def the_diagnostic(body: str, lang: str, code: str):
    """(message, line, column, hints) of the one diagnostic `code`, from loading or evaluating."""
    loaded, result = evaluated(body, lang)
    found = [(d.message, d.span.line, d.span.column, d.hints) for d in loaded.diagnostics if d.code == code]
    if result is not None:
        found += [(d.message, d.location.line, d.location.column, tuple(d.hints))
                  for d in result.diagnostics if d.code == code]
    assert len(found) == 1, found
    return found[0]


CYCLE = '''
sasaran S "Sasaran" {
  indikator A "Alfa" { satuan "%"; polaritas maksimal; target 100; rumus B.capaian }
  indikator B "Beta" { satuan "%"; polaritas maksimal; target 100; rumus A.capaian }
}
'''


def test_a_cycle_in_both_languages():
    message, line, column, hints = the_diagnostic(CYCLE, "id", "E140")
    assert message == "rujukan melingkar antarrumus: A:capaian → B:capaian → A:capaian"
    assert hints == ("nilai tidak boleh bergantung pada dirinya sendiri; putuskan lingkaran itu di salah "
                     "satu rumus",)
    assert (line, column) == (4, 68)  # the rumus of A
    message, line, column, hints = the_diagnostic(CYCLE, "en", "E140")
    assert message == "cycle in the rules: A:capaian → B:capaian → A:capaian"
    assert hints == ("a value cannot depend on itself; break the cycle in one rumus",)
    assert (line, column) == (4, 68)


ZERO_TARGET = '''
sasaran S "Sasaran" {
  indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 0; realisasi 5 }
}
'''


def test_a_zero_target_without_a_policy_in_both_languages():
    message, line, column, hints = the_diagnostic(ZERO_TARGET, "id", "E150")
    assert message == "target indikator I1 bernilai nol, dan belum ada ketentuan target_nol"
    assert hints == ("tentukan arti pembagi nol, misalnya 'target_nol kosong' (tanpa nilai) atau 'target_nol 100', "
                     "di bagian atas berkas atau di dalam indikator",)
    assert (line, column) == (4, 66)  # the target
    message, line, column, hints = the_diagnostic(ZERO_TARGET, "en", "E150")
    assert message == "the target of indikator I1 is zero, and no target_nol policy is declared"
    assert hints[0].endswith("'target_nol 100', at the top of the file or in the indikator")
    assert (line, column) == (4, 66)


def test_a_zero_anggaran_names_the_item_in_both_languages():
    body = '''
    program 1 "Pelayanan Umum" {
      kegiatan 1.1 "Administrasi" { anggaran 0; realisasi 0 }
    }
    '''
    assert the_diagnostic(body, "id", "E150")[:3] == ("anggaran 1.1 bernilai nol, dan belum ada ketentuan target_nol",
                                                      4, 42)
    assert the_diagnostic(body, "en", "E150")[:3] == ("the anggaran of 1.1 is zero, and no target_nol policy is "
                                                      "declared", 4, 42)


def test_a_division_by_zero_in_a_rumus_in_both_languages():
    body = '''
    sasaran S "Sasaran" {
      indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 10; realisasi 0; rumus target / realisasi }
    }
    '''
    assert the_diagnostic(body, "id", "E131")[:3] == ("rumus I1: pembagian dengan nol", 4, 98)
    assert the_diagnostic(body, "en", "E131")[:3] == ("rumus of I1: division by zero", 4, 98)


def test_the_checks_of_a_rumus_in_both_languages():
    body = '''
    sasaran S "Sasaran" {
      indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 10; realisasi 9; rumus abs(realisasi, target) }
    }
    '''
    message, line, column, hints = the_diagnostic(body, "id", "E132")
    assert (message, line, column) == ("abs(…) menerima 1 argumen, tetapi diberi 2", 4, 89)
    assert hints == ("misalnya abs(realisasi - target)",)
    message, line, column, hints = the_diagnostic(body, "en", "E132")
    assert (message, line, column) == ("abs(…) takes 1 argument(s), got 2", 4, 89)
    assert hints == ("e.g. abs(realisasi - target)",)
    body = body.replace("abs(realisasi, target)", "mean(anak.capaian)")
    assert the_diagnostic(body, "id", "E130")[0] == "anak tidak memiliki kolom 'capaian'"
    assert the_diagnostic(body, "en", "E130")[0] == "children have no field 'capaian'"


def test_a_gap_in_a_scale_in_both_languages():
    body = '''
    skala lokal {
      pita "Rendah" < 50 warna merah
      pita "Tinggi" > 50 warna hijau
    }
    skala lokal
    '''
    message, line, column, hints = the_diagnostic(body, "id", "E120")
    assert (message, line, column) == ("skala 'lokal': tidak ada pita untuk nilai 50", 5, 3)
    assert hints == ("setiap pita harus dimulai tepat di ujung pita sebelumnya",)
    message, line, column, hints = the_diagnostic(body, "en", "E120")
    assert (message, line, column) == ("skala 'lokal': no band covers the value 50", 5, 3)
    assert hints == ("make each band start where the previous one ends",)


# ---- printed figures that disagree: the note says why, the kind is the same in both languages ----

ROW_PERCENT = '''
program 1 "Program Penunjang Urusan Pemerintahan Daerah" {
  kegiatan 1.1 "Administrasi Keuangan" {
    subkegiatan 1.1.1 "Penyediaan Gaji dan Tunjangan ASN" {
      anggaran 5.822.880.557
      realisasi 5.785.689.930
      tercetak "Tabel 3.1" anggaran 5.822.880.557 realisasi 5.785.689.930 serapan 99,63
    }
  }
}
'''

MALFORMED = ROW_PERCENT.replace('tercetak "Tabel 3.1" anggaran 5.822.880.557 realisasi 5.785.689.930 serapan 99,63',
                                'tercetak realisasi "5.785.689,930.00" "Tabel 3.6"')

ANOTHER_ROW = '''
program 1 "Program Penunjang" {
  kegiatan 1.1 "Administrasi Keuangan" {
    subkegiatan 1.1.1 "Penyediaan Gaji" { anggaran 5.000.000; realisasi 4.000.000 }
    subkegiatan 1.1.2 "Penyediaan Alat Tulis" {
      anggaran 3.000.000
      realisasi 2.000.000
      tercetak anggaran 5.000.000 "Tabel 3.1"
    }
  }
}
'''


def the_disagreement(body: str, lang: str):
    _, result = evaluated(body, lang)
    (failed,) = result.failed_assertions
    return failed


@pytest.mark.parametrize("body, kind, id_note, en_note", [
    (ROW_PERCENT, "persen_tidak_cocok",
     "tidak cocok dengan angka di barisnya sendiri (5.785.689.930 / 5.822.880.557 × 100)",
     "does not match the row's own figures (5.785.689.930 / 5.822.880.557 × 100)"),
    (ANOTHER_ROW, "baris_lain",
     "angka tercetak ini adalah anggaran subkegiatan 1.1.1 Penyediaan Gaji",
     "the printed figure is the anggaran of subkegiatan 1.1.1 Penyediaan Gaji"),
], ids=["row-percent", "another-row"])
def test_why_a_printed_figure_disagrees_in_both_languages(body, kind, id_note, en_note):
    indonesian, english = the_disagreement(body, "id"), the_disagreement(body, "en")
    assert (indonesian.kind, indonesian.note) == (kind, id_note)
    assert (english.kind, english.note) == (kind, en_note)
    assert indonesian.location == english.location


def test_a_malformed_printed_figure_keeps_its_kind_in_both_languages():
    indonesian, english = the_disagreement(MALFORMED, "id"), the_disagreement(MALFORMED, "en")
    assert indonesian.kind == english.kind == "angka_rusak"
    assert indonesian.note.startswith("angka tercetak salah tulis: ")
    assert english.note.startswith("printed figure is malformed: ")
    assert (indonesian.location.line, indonesian.location.column) == (8, 7)


def test_every_kind_of_disagreement_reads_in_indonesian():
    with i18n.using("id"):
        described = {kind: i18n._(meaning) for kind, meaning in DISAGREEMENT_KINDS.items()}
    assert all(described[kind] != meaning for kind, meaning in DISAGREEMENT_KINDS.items()), described
    assert described["jumlah_tidak_cocok"] == "total yang tidak sama dengan jumlah baris rinciannya"
    assert described["baris_lain"] == "angka milik baris lain (tercetak pada nama atau tahun yang salah)"


# ---- how a value was computed ----

def test_the_notes_on_computed_values_in_both_languages():
    body = '''
    sasaran S "Sasaran" {
      indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 80; realisasi 100 }
      indikator I2 "Cakupan" { satuan "%"; polaritas maksimal; target 80 }
    }
    '''
    _, result = evaluated(body, "id")
    assert result.node("I2").computations["capaian"].note == "belum ada realisasi"
    assert result.node("S").computations["capaian"].note == "tanpa I2 (belum ada capaian)"
    _, result = evaluated(body, "en")
    assert result.node("I2").computations["capaian"].note == "no realisasi"
    assert result.node("S").computations["capaian"].note == "without I2 (no capaian)"


def test_a_capped_capaian_is_explained_in_both_languages():
    body = '''
    batas_atas 120
    sasaran S "Sasaran" {
      indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 80; realisasi 100 }
    }
    '''
    for lang, lines in [
        ("id", ["indikator I1 — Indeks", "  I1:capaian = 120,00", "    rumus: realisasi / target × 100",
                "    = 100 / 80 × 100 = 125,00 → batas_atas 120",
                "    catatan: dibatasi ke batas_atas 120 (sebelum dibatasi: 125,00)",
                "    I1:target = 80 (masukan)", "    I1:realisasi = 100 (masukan)"]),
        ("en", ["indikator I1 — Indeks", "  I1:capaian = 120,00", "    formula: realisasi / target × 100",
                "    = 100 / 80 × 100 = 125,00 → batas_atas 120",
                "    note: capped at batas_atas 120 (without the limit: 125,00)",
                "    I1:target = 80 (input)", "    I1:realisasi = 100 (input)"]),
    ]:
        _, result = evaluated(body, lang)
        with i18n.using(lang):
            assert explain(result, "I1:capaian") == lines


# ---- what a reviewer reads ----

def test_the_check_of_the_seririt_report_in_indonesian(monkeypatch, capsys):
    """Every finding of `lkjipdsl check` on the Seririt LKjIP as an Indonesian reviewer reads it:
    the Indonesian twin of tests/golden/seririt/check.txt (regenerate both with
    LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_seririt.py tests/test_i18n_evaluation.py)."""
    monkeypatch.chdir(ROOT)
    assert main(["check", "specs/seririt-2023.lkj", "--lang", "id"]) == 1
    check_golden("seririt/check.id.txt", capsys.readouterr().out)
