"""Figures that are read as written but are unlikely as written (docs/language.md, "Amounts that
may be misread" and "Results that may come from a misread figure"): each warning on the slips a
planner makes, at the place of the figure, with the figure as it is read, in Indonesian and in
English; silent on sound figures; silenced by its comment."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import i18n

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def loaded(body: str, lang: str = "en"):
    with i18n.using(lang):
        return lkjipdsl.loads(HEAD + textwrap.dedent(body).lstrip("\n"), "uji.lkj")


def diagnostics(body: str, lang: str = "en"):
    """Every diagnostic of the spec HEAD + body, loaded and evaluated in `lang`."""
    with i18n.using(lang):
        spec = loaded(body, lang)
        result = lkjipdsl.evaluate(spec)
    return result.diagnostics


def the(body: str, code: str, lang: str = "en"):
    found = [d for d in diagnostics(body, lang) if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in diagnostics(body, lang)]
    return found[0]


def codes(body: str) -> list[str]:
    return sorted(d.code for d in diagnostics(body) if d.severity == "warning")


def place(diagnostic) -> tuple[int, int]:
    return diagnostic.location.line, diagnostic.location.column


def column_of(body: str, line: int, text: str) -> int:
    """The column of `text` on `line` of HEAD + body (1-based, as diagnostics count)."""
    lines = (HEAD + textwrap.dedent(body).lstrip("\n")).split("\n")
    return lines[line - 1].index(text) + 1


# ---- W216: a '%' on an amount ----
PERCENT = '''
program 1 "Program" {
  kegiatan 1.1 "Kegiatan" {
    subkegiatan 1.1.1 "Pagu dalam persen" { anggaran 50%; realisasi 400.000 }
    subkegiatan 1.1.2 "Realisasi dalam persen" { anggaran 1.000.000; realisasi 12% }
  }
}
'''


def test_a_percent_on_a_pagu_is_read_as_rupiah_and_said_so_in_both_languages():
    found = [d for d in diagnostics(PERCENT) if d.code == "W216"]
    assert [place(d) for d in found] == [(5, column_of(PERCENT, 5, "50%")), (6, column_of(PERCENT, 6, "12%"))]
    pagu, spent = found
    assert pagu.message == ("'50%' has a '%', but the anggaran (pagu) of subkegiatan 1.1.1 is an amount in "
                            "rupiah: it is read as Rp 50")
    assert pagu.hints[0] == "write the pagu in rupiah, e.g. anggaran 1.500.000"
    assert "tercetak serapan 12" in spent.hints[0]
    indonesian = [d for d in diagnostics(PERCENT, "id") if d.code == "W216"]
    assert [place(d) for d in indonesian] == [place(pagu), place(spent)]
    assert indonesian[0].message == ("'50%' memakai tanda '%', padahal anggaran (pagu) subkegiatan 1.1.1 adalah "
                                     "jumlah rupiah: angka ini dibaca Rp 50")
    assert indonesian[1].hints[-1] == "jika maksudnya Rp 12, hapus tanda '%'"


def test_a_percent_pagu_is_not_also_a_small_pagu():
    assert "W217" not in codes(PERCENT)


# ---- W217: a pagu under Rp 1.000 or with sen ----
SMALL = '''
program 1 "Program" {
  kegiatan 1.1 "Kegiatan" {
    subkegiatan 1.1.1 "Ribuan" { anggaran 750; realisasi 700 }
    subkegiatan 1.1.2 "Sen" { anggaran 1.250.000,5; realisasi 1.000.000 }
    subkegiatan 1.1.3 "Keduanya" { anggaran 12,5; realisasi 12 }
  }
}
'''


def test_a_small_or_fractional_pagu_is_shown_as_read_in_both_languages():
    found = [d for d in diagnostics(SMALL) if d.code == "W217"]
    assert [place(d) for d in found] == [(5, column_of(SMALL, 5, "750")), (6, column_of(SMALL, 6, "1.250.000,5")),
                                         (7, column_of(SMALL, 7, "12,5"))]
    assert [d.message for d in found] == [
        "the anggaran (pagu) of subkegiatan 1.1.1 is read as Rp 750, less than Rp 1.000",
        "the anggaran (pagu) of subkegiatan 1.1.2 is read as Rp 1.250.000,5, with sen (a fraction of a rupiah)",
        "the anggaran (pagu) of subkegiatan 1.1.3 is read as Rp 12,5: less than Rp 1.000, and with sen (a fraction "
        "of a rupiah)",
    ]
    indonesian = [d for d in diagnostics(SMALL, "id") if d.code == "W217"]
    assert [place(d) for d in indonesian] == [place(d) for d in found]
    assert indonesian[0].message == "anggaran (pagu) subkegiatan 1.1.1 dibaca Rp 750, kurang dari Rp 1.000"
    assert indonesian[0].hints[-1] == "jika Rp 750 memang benar, tambahkan komentar '# lkjipdsl: abaikan W217' di " \
                                      "akhir baris"


def test_a_pagu_misread_by_its_notation_is_told_once_by_w214():
    spec = '''
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" { anggaran 12,500; realisasi 12.000 }
    }
    '''
    warnings = codes(spec)
    assert "W214" in warnings and "W217" not in warnings


def test_sound_amounts_and_a_zero_pagu_are_not_reported():
    spec = '''
    target_nol kosong
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" {
        subkegiatan 1.1.1 "Biasa" { anggaran 1.486.980; realisasi 742.500 }
        subkegiatan 1.1.2 "Seribu" { anggaran 1.000; realisasi 1.000 }
        subkegiatan 1.1.3 "Nol" { anggaran 0; realisasi - }
        subkegiatan 1.1.4 "Sen nol" { anggaran 59,011,380.00; realisasi 57.761.409 }  # lkjipdsl: abaikan W215
      }
    }
    '''
    assert codes(spec) == []


def test_the_comment_silences_a_small_pagu_on_its_line_only():
    spec = '''
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" {
        subkegiatan 1.1.1 "Diterima" { anggaran 750  # lkjipdsl: abaikan W217
          realisasi 700 }
        subkegiatan 1.1.2 "Tidak" { anggaran 750; realisasi 700 }
      }
    }
    '''
    assert [place(d) for d in diagnostics(spec) if d.code == "W217"] == [(7, column_of(spec, 7, "750"))]
