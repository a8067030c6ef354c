"""Figures that are read as written but are unlikely as written (docs/language.md, "Amounts that
may be misread" and "Results that may come from a misread figure"): each warning on the slips a
planner makes, at the place of the figure, with the figure as it is read, in Indonesian and in
English; silent on sound figures; silenced by its comment."""

from __future__ import annotations

import re
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


# ---- mixed separators: W221, or E105 when no notation reads them ----
def test_thousands_points_before_a_three_digit_decimal_may_be_a_slipped_point_in_both_languages():
    spec = '''
    program 1 "Program" { anggaran 1.500,000; realisasi 1.200.000 }
    '''
    english = [d for d in loaded(spec).diagnostics if d.code == "W221"]
    assert [(d.span.line, d.span.column) for d in english] == [(3, column_of(spec, 3, "1.500,000"))]
    assert english[0].message == ("'1.500,000' is read as 1.500: its comma before three digits is a decimal comma; "
                                  "perhaps a thousands point was meant (1.500.000)")
    assert english[0].hints[0] == "if 1.500.000 is meant, write 1.500.000"
    [indonesian] = [d for d in loaded(spec, "id").diagnostics if d.code == "W221"]
    assert indonesian.message == ("'1.500,000' dibaca 1.500: koma sebelum tiga angka terakhirnya adalah koma desimal; "
                                  "mungkin maksudnya titik ribuan (1.500.000)")


@pytest.mark.parametrize("number", ["1.500,000.5", "1,500.000,00", "1,50.000", "1.5,000"])
def test_separators_no_notation_writes_are_an_error(number):
    spec = f'''
    program 1 "Program" {{ anggaran {number}; realisasi 1.000 }}
    '''
    found = [(d.code, d.span.column) for d in loaded(spec).diagnostics]
    assert found == [("E105", column_of(spec, 3, number))]


def test_sound_indonesian_and_international_numbers_are_not_mixed_separators():
    spec = '''
    program 1 "Program" {
      kegiatan 1.1 "K" { anggaran 8.624.579.558; realisasi 8.379.023.881,50 }
      kegiatan 1.2 "K" { anggaran 1.500,5; realisasi 1.000 }
    }
    '''
    assert [d.code for d in loaded(spec).diagnostics] == ["W217"]  # 1.500,5 has sen, and nothing else


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


# ---- W218, W219, W220: results that may come from a misread figure ----
ISSUE = '''
sasaran S1 "Sasaran" {
  indikator IK1 "Dokumen yang diterbitkan" { satuan "dokumen"; polaritas maksimal; target 1,500; realisasi 1.430 }
}
program 1 "Program" {
  kegiatan 1.1 "Kegiatan" {
    subkegiatan 1.1.1 "Pagu kecil" { anggaran 12,500; realisasi 12.500 }
    subkegiatan 1.1.2 "Internasional" { anggaran 10.000.000; realisasi 5,430.000 }
  }
}
'''


def test_the_issue_slips_get_their_warnings_where_the_figures_stand():
    found = sorted((d.code, place(d)) for d in diagnostics(ISSUE) if d.severity == "warning")
    assert found == sorted([
        ("W214", (4, column_of(ISSUE, 4, "1,500"))),       # the target, read as 1,5
        ("W220", (4, column_of(ISSUE, 4, "1.430"))),       # the realisasi: 1.430 / 1,5
        ("W214", (8, column_of(ISSUE, 8, "12,500"))),      # the pagu, read as 12,5
        ("W218", (8, column_of(ISSUE, 8, "12.500"))),      # serapan 12.500 / 12,5
        ("W215", (9, column_of(ISSUE, 9, "5,430.000"))),   # read as 5.430: serapan 0,05 %, not out of range
    ])


def test_a_thousands_slip_names_the_figures_as_read_in_both_languages():
    english = the(ISSUE, "W220")
    # 1.430 / 1,5 × 100 = 95.333,33…; 1.430 has four digits before the separator, 1,5 one
    assert english.message == ("the realisasi 1.430 of indikator IK1 has 3 more digits than its target 1,5 (capaian "
                               "95.333,33 %): a thousands point or a decimal comma out of place?")
    assert english.hints[-1] == ("if the figures are right, add the comment '# lkjipdsl: abaikan W220' at the end of "
                                 "one of the item's lines")
    indonesian = the(ISSUE, "W220", "id")
    assert place(indonesian) == place(english)
    assert indonesian.message == ("realisasi 1.430 indikator IK1 memiliki 3 digit lebih banyak daripada targetnya 1,5 "
                                  "(capaian 95.333,33 %): titik ribuan atau koma desimal salah letak?")


def test_a_serapan_above_200_shows_its_figures_as_read_in_both_languages():
    # 12.500 / 12,5 × 100 = 100.000
    assert the(ISSUE, "W218").message == ("serapan of subkegiatan 1.1.1 is 100.000,00 % (realisasi 12.500 / anggaran "
                                          "12,5), above 200 %: check how the figures are written")
    assert the(ISSUE, "W218", "id").message == ("serapan subkegiatan 1.1.1 100.000,00 % (realisasi 12.500 / anggaran "
                                                "12,5), di atas 200 %: periksa penulisan angkanya")


CAPAIAN = '''
sasaran S1 "Sasaran" {
  indikator IK2 "Indeks" { satuan "indeks"; polaritas maksimal; target 40; realisasi 95 }
  indikator IK3 "Angka kemiskinan" { satuan "%"; polaritas minimal; target 10; realisasi 25 }
  indikator IK4 "Tepat 200" { satuan "%"; polaritas maksimal; target 40; realisasi 80 }
  indikator IK5 "Dua kali pas" { satuan "%"; polaritas minimal; target 10; realisasi 20 }
  indikator IK6 "Pertumbuhan" { satuan "%"; polaritas maksimal; target 5; realisasi -2 }
  indikator IK7 "Dibatasi" { satuan "%"; polaritas maksimal; target 40; realisasi 95; batas_atas 120 }
}
'''


def test_a_capaian_above_200_or_below_0_is_named_with_its_formula():
    found = [d for d in diagnostics(CAPAIAN) if d.code == "W218"]
    # 95 / 40 × 100 = 237,5; (2 × 10 − 25) / 10 × 100 = −50; the cap at 120 does not hide 237,5;
    # exactly 200 and exactly 0 are not beyond; a realisasi written with a minus is meant
    assert [(place(d)[0], d.message) for d in found] == [
        (4, "capaian of indikator IK2 is 237,50 % (realisasi 95 / target 40), above 200 %: check how the figures "
            "are written"),
        (5, "capaian of indikator IK3 is -50,00 % (realisasi 25, target 10, polaritas minimal), below 0 %: check "
            "how the figures are written"),
        (9, "capaian of indikator IK7 is 237,50 % (realisasi 95 / target 40), above 200 %: check how the figures "
            "are written"),
    ]
    assert "polaritas minimal" in found[1].hints[0]
    indonesian = [d for d in diagnostics(CAPAIAN, "id") if d.code == "W218"]
    assert indonesian[1].message == ("capaian indikator IK3 -50,00 % (realisasi 25, target 10, polaritas minimal), "
                                     "di bawah 0 %: periksa penulisan angkanya")


def test_a_floor_says_what_a_capaian_below_0_is():
    spec = CAPAIAN.replace('sasaran S1 "Sasaran" {', 'batas_bawah 0\nsasaran S1 "Sasaran" {')
    assert [d.message.split(" is ")[0] for d in diagnostics(spec) if d.code == "W218"] == [
        "capaian of indikator IK2", "capaian of indikator IK7"]


def test_a_rumus_capaian_is_not_looked_at():
    spec = '''
    sasaran S1 "Sasaran" {
      indikator I1 "Rumus" { satuan "%"; target 40; realisasi 95; rumus realisasi / target * 1000 }
    }
    '''
    assert codes(spec) == []


def test_a_realisasi_above_its_pagu_is_reported_at_the_leaf_in_both_languages():
    spec = '''
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" {
        subkegiatan 1.1.1 "Melebihi" { anggaran 1.000.000; realisasi 1.200.000 }
        subkegiatan 1.1.2 "Biasa" { anggaran 9.000.000; realisasi 1.000.000 }
      }
    }
    '''
    # the parents' sums (10.000.000 and 2.200.000) are within; only the leaf is reported
    english = the(spec, "W219")
    assert place(english) == (5, column_of(spec, 5, "1.200.000"))
    assert english.message == ("the realisasi of subkegiatan 1.1.1, 1.200.000, is above its anggaran 1.000.000 "
                               "(serapan 120,00 %)")
    assert the(spec, "W219", "id").message == ("realisasi subkegiatan 1.1.1, 1.200.000, melebihi anggarannya "
                                               "1.000.000 (serapan 120,00 %)")


def test_an_output_far_above_its_target_is_a_thousands_slip():
    spec = '''
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" { anggaran 1.000.000; realisasi 900.000; output target 12 realisasi 12.000 "dokumen" }
      kegiatan 1.2 "Kegiatan" { anggaran 1.000.000; realisasi 900.000; capaian_output 250 }
    }
    '''
    found = [(d.code, place(d)[0], d.message) for d in diagnostics(spec) if d.code in ("W218", "W220")]
    assert found == [
        ("W220", 4, "the output realisasi 12.000 of kegiatan 1.1 has 3 more digits than its output target 12 "
                    "(capaian output 100.000,00 %): a thousands point or a decimal comma out of place?"),
        ("W218", 5, "capaian output of kegiatan 1.2 is 250,00 % (capaian_output 250), above 200 %: check how the "
                    "figures are written"),
    ]


def test_the_digits_rule_counts_the_digits_before_the_separator():
    def digits_warning(target: str, realisasi: str) -> bool:
        spec = f'''
        sasaran S1 "Sasaran" {{
          indikator I1 "I" {{ satuan "%"; polaritas maksimal; target {target}; realisasi {realisasi} }}
        }}
        '''
        return "W220" in codes(spec)

    assert digits_warning("95", "95.000")          # 2 → 5 digits
    assert digits_warning("0,75", "750")           # none → 3
    assert not digits_warning("95", "9.500")       # 2 → 4: two more, W218 instead
    assert not digits_warning("1.500", "1.430")
    assert not digits_warning("95", "97,4")


def test_a_comment_on_the_items_first_line_or_a_figures_line_silences_it():
    spec = '''
    sasaran S1 "Sasaran" {
      indikator IK1 "Kepala" { satuan "indeks"; polaritas maksimal  # lkjipdsl: abaikan W218
        target 40; realisasi 95 }
      indikator IK2 "Target" { satuan "indeks"; polaritas maksimal
        target 40  # lkjipdsl: abaikan W218
        realisasi 95 }
      indikator IK3 "Kode lain" { satuan "indeks"; polaritas maksimal  # lkjipdsl: abaikan W219
        target 40; realisasi 95 }
    }
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" {  # lkjipdsl: abaikan W219
        anggaran 1.000.000; realisasi 1.200.000 }
    }
    '''
    assert [(d.code, d.message.split(" is ")[0]) for d in diagnostics(spec) if d.code.startswith("W2")] == [
        ("W218", "capaian of indikator IK3")]


def test_the_comment_still_silences_after_fmt_puts_each_statement_on_its_own_line():
    from lkjipdsl.fmt import format_text

    spec = HEAD + textwrap.dedent('''
    sasaran S1 "Meningkatnya derajat kesehatan" {
      indikator AKI "Angka kematian ibu" { satuan "per 100.000 KH"; polaritas minimal  # lkjipdsl: abaikan W218
        target 75; realisasi 160 }
      indikator AKB "Angka kematian bayi" { satuan "per 1.000 KH"; polaritas minimal; target 10; realisasi 25 }
    }
    ''')
    formatted = format_text(spec)
    assert formatted != spec and re.search(r"\n +polaritas minimal +# lkjipdsl: abaikan W218\n", formatted)
    for text in (spec, formatted):
        with i18n.using("en"):
            result = lkjipdsl.evaluate(lkjipdsl.loads(text, "uji.lkj"))
        assert [d.message.split(" is ")[0] for d in result.diagnostics if d.code == "W218"] == [
            "capaian of indikator AKB"]


# ---- the real specs ----
REAL = sorted([*ROOT.glob("specs/*.lkj"), *ROOT.glob("examples/*.lkj")])


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_the_real_specs_sound_figures_get_no_plausibility_warning(path):
    with i18n.using("en"):
        result = lkjipdsl.evaluate(lkjipdsl.load(path))
    assert [d.message for d in result.diagnostics if d.code in ("W216", "W217", "W218", "W219", "W220")] == []


# ---- a printed total off by exactly one row ----
TOTAL = '''
program 1 "Program Penunjang" {
  kegiatan 1.1 "Administrasi Keuangan" {
    subkegiatan 1.1.1 "Penyediaan Gaji" { anggaran 20.000.000; realisasi 19.000.000 }
    subkegiatan 1.1.2 "Koordinasi dan Penyusunan Laporan Keuangan" { anggaran 7.500.000; realisasi 7.500.000 }
    subkegiatan 1.1.3 "Penyusunan Dokumen" { anggaran 3.000.000; realisasi 2.000.000 }
    tercetak "Tabel 3.1" anggaran 38.000.000 realisasi 21.000.000
    tercetak realisasi 26.000.000 "Tabel 3.2"
  }
}
tercetak anggaran 23.000.000 "Tabel 3.1"
tercetak realisasi 30.000.000 "Tabel 3.1"
'''


def notes(body: str, lang: str = "en") -> list[tuple[str, str, str | None]]:
    with i18n.using(lang):
        result = lkjipdsl.evaluate(loaded(body, lang))
    found = [(a.node_id, a.field, a.note) for a in result.failed_assertions]
    return sorted(found, key=lambda n: n[0] != "1.1")  # the kegiatan first, in the order written


def test_a_total_off_by_one_rows_figure_names_that_row():
    # 20 + 7,5 + 3 = 30,5 million pagu; 19 + 7,5 + 2 = 28,5 million realisasi
    row = "subkegiatan 1.1.2 Koordinasi dan Penyusunan Laporan Keuangan"
    assert notes(TOTAL) == [
        ("1.1", "realisasi", None),  # 26 − 28,5 = −2,5 million: no row has that figure
        # 38 − 30,5 = 7,5: counted twice
        ("1.1", "anggaran", f"the difference 7.500.000 equals the anggaran of {row}: that row may have been "
                            "counted twice"),
        # 21 − 28,5 = −7,5: left out
        ("1.1", "realisasi", f"the difference 7.500.000 equals the realisasi of {row}: that row may have been left "
                             "out of the total"),
        ("total", "anggaran", f"the difference 7.500.000 equals the anggaran of {row}: that row may have been left "
                              "out of the total"),
        # 30 − 28,5 = 1,5 million: no row's realisasi
        ("total", "realisasi", None),
    ]
    assert notes(TOTAL, "id")[1][2] == (f"selisih 7.500.000 sama dengan anggaran {row}: baris itu mungkin terhitung "
                                        "dua kali")
    assert notes(TOTAL, "id")[2][2] == (f"selisih 7.500.000 sama dengan realisasi {row}: baris itu mungkin tidak ikut "
                                        "dijumlahkan")


def test_several_rows_with_the_difference_are_named_nearest_first():
    spec = '''
    program 1 "Program" {
      kegiatan 1.1 "Satu" {
        subkegiatan 1.1.1 "A" { anggaran 5.000.000; realisasi 5.000.000 }
      }
      kegiatan 1.2 "Dua" {
        subkegiatan 1.2.1 "B" { anggaran 4.000.000; realisasi 4.000.000 }
        subkegiatan 1.2.2 "C" { anggaran 1.000.000; realisasi 1.000.000 }
      }
      tercetak anggaran 15.000.000 "Tabel 3.1"
    }
    '''
    [(_item, _field, note)] = notes(spec)
    # 15 − 10 = 5 million: kegiatan 1.1, kegiatan 1.2 and subkegiatan 1.1.1 each have it
    assert note == ("the difference 5.000.000 equals the anggaran of kegiatan 1.1 Satu; anggaran of kegiatan 1.2 Dua; "
                    "anggaran of subkegiatan 1.1.1 A: one of these rows may have been counted twice")


def test_the_seririt_totals_that_leave_out_one_row_name_it():
    with i18n.using("en"):
        result = lkjipdsl.evaluate(lkjipdsl.load(ROOT / "specs" / "seririt-2023.lkj"))
    named = [(a.node_id, a.field, a.note.split(": ")[0]) for a in result.failed_assertions
             if a.note and a.note.startswith("the difference")]
    # Tabel 3.2's Jumlah rows: 2022's 8,753,240,556 = 9.544.521.263 − 791.280.707 (kegiatan 1.7, printed
    # on its own row); 2021's 7,085,545,401 = 7.405.357.537 − 319.812.136 and 6,843,472,568 =
    # 7.142.143.038 − 298.670.470 (the Kelurahan program)
    assert named == [
        ("th2022", "anggaran", "the difference 791.280.707 equals the anggaran of kegiatan th2022/1.7 Pengadaan "
                               "Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"),
        ("th2021", "anggaran", "the difference 319.812.136 equals the anggaran of program th2021/6 PROGRAM PENUNJANG "
                               "URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA (Kelurahan)"),
        ("th2021", "realisasi", "the difference 298.670.470 equals the realisasi of program th2021/6 PROGRAM "
                                "PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA (Kelurahan)"),
    ]
