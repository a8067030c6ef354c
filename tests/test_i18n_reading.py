"""Reading and checking a spec in both languages: the syntax errors (with the place to close a
block that lost its '}'), numbers, the limits and the checks, each at the same place in Indonesian
(the default) and English (docs/i18n.md); and the numbers a planner may have misread (W214,
W215) and the comment that silences a warning on its line."""

from __future__ import annotations

import textwrap

import pytest

import lkjipdsl
from lkjipdsl import i18n
from lkjipdsl.cli import main

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def loaded(body: str, lang: str, head: bool = True):
    with i18n.using(lang):
        return lkjipdsl.loads((HEAD if head else "") + textwrap.dedent(body).lstrip("\n"), "uji.lkj")


def found(body: str, lang: str, code: str, head: bool = True) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(message, line, column, hints) of each diagnostic `code` of the spec HEAD + body."""
    return [(d.message, d.span.line, d.span.column, d.hints) for d in loaded(body, lang, head).diagnostics
            if d.code == code]


def the(body: str, lang: str, code: str, head: bool = True) -> tuple[str, int, int, tuple[str, ...]]:
    diagnostics = found(body, lang, code, head)
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


# ---- a block without its '}' ----
NESTED = '''
program 1 "Program Penunjang Urusan Pemerintahan Daerah" {
  kegiatan 1.1 "Administrasi Keuangan Perangkat Daerah" {
    subkegiatan 1.1.1 "Penyediaan Gaji dan Tunjangan ASN" {
      anggaran 5.822.880.557
      realisasi 5.785.689.930

    subkegiatan 1.1.2 "Koordinasi dan Penyusunan Laporan Keuangan" {
      anggaran 7.500.000
      realisasi 7.500.000
    }
  }
  kegiatan 1.2 "Administrasi Umum Perangkat Daerah" {
    subkegiatan 1.2.1 "Penyediaan Bahan Logistik Kantor" { anggaran 12.000.000; realisasi 11.400.000 }
  }
}

sasaran S1 "Meningkatnya kualitas pelayanan publik" {
  indikator IKM "Indeks kepuasan masyarakat" { satuan "indeks"; polaritas maksimal; target 95; realisasi 97,4 }
}
'''


def test_a_nested_block_without_its_brace_is_told_where_to_close_in_both_languages():
    # the '{' of subkegiatan 1.1.1 (line 5, after the header); its contents end before line 9, the
    # next line no deeper than it, not before line 13, whose '}' lines up with kegiatan 1.1
    message, line, column, hints = the(NESTED, "id", "E003")
    assert message == "blok yang dibuka di sini belum ditutup"
    assert hints == ("tambahkan '}' sebelum baris 9, di akhir isi blok ini; '}' di baris 13 sejajar dengan blok "
                     "luarnya",)
    assert (line, column) == (5, 59)
    message, line, column, hints = the(NESTED, "en", "E003")
    assert message == "the block opened here is not closed"
    assert hints == ("add '}' before line 9, where this block's contents end; the '}' on line 13 lines up with an "
                     "outer block",)
    assert (line, column) == (5, 59)


def test_following_the_hint_mends_the_file():
    text = HEAD + textwrap.dedent(NESTED).lstrip("\n")
    lines = text.split("\n")
    mended = "\n".join(lines[:8] + ["    }"] + lines[8:])  # '}' before line 9
    result = lkjipdsl.loads(mended, "uji.lkj")
    assert result.ok, [(d.code, d.message) for d in result.diagnostics]


def test_an_outer_block_without_its_brace_is_closed_before_the_next_top_level_statement():
    body = '''
    program 1 "Program" {
      kegiatan 1.1 "Kegiatan" {
        subkegiatan 1.1.1 "Sub" { anggaran 100; realisasi 90 }
      }

    sasaran S1 "Sasaran" {
      indikator I1 "Indikator" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
    }
    '''
    assert the(body, "id", "E003")[:3] == ("blok yang dibuka di sini belum ditutup sebelum baris 8", 3, 21)
    assert the(body, "id", "E003")[3] == ("tambahkan '}' sebelum baris 8",)
    assert the(body, "en", "E003")[:3] == ("the block opened here is not closed before line 8", 3, 21)
    assert the(body, "en", "E003")[3] == ("add '}' before line 8",)


def test_a_block_that_does_not_indent_its_contents_gets_the_place_the_braces_tell():
    body = '''
    sasaran S1 "Pelayanan" {
      indikator I1 "Indeks" {
      satuan "%"
      polaritas maksimal
    }
    skala permendagri86
    '''
    message, line, column, hints = the(body, "en", "E003")
    assert (message, line) == ("the block opened here is not closed", 4)
    assert hints == ("add '}' before line 7, where this block's contents end; the '}' on line 7 lines up with an "
                     "outer block",)


# ---- syntax, numbers, limits and checks: the same place in both languages ----
def test_an_unexpected_token_names_what_was_expected_in_words():
    body = 'sasaran S1 "S" {\n  indikator I1 "I" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }\n}\n}\n'
    message, line, column, hints = the(body, "id", "E001")
    assert message.startswith("'}' tidak pada tempatnya; yang diharapkan: ")
    assert "akhir berkas" in message and "kata kunci atau nama" in message
    assert hints == ("'}' ini tidak memiliki pasangan '{'; hapus saja",)
    assert (line, column) == (6, 1)
    message, line, column, hints = the(body, "en", "E001")
    assert message.startswith("unexpected '}'; expected ")
    assert "the end of the file" in message and "a keyword or name" in message
    assert hints == ("this '}' has no matching '{'; delete it",)
    assert (line, column) == (6, 1)


def test_a_malformed_number():
    body = 'program 1 "P" {\n  anggaran 65.145.000\n  realisasi 6.5025.000\n}\n'
    assert the(body, "id", "E105") == (
        "angka '6.5025.000' salah tulis: kelompok digit '5025' memiliki 4 digit, padahal kelompok ribuan selalu "
        "3 digit", 5, 13, ("ada pemisah yang berlebih atau kurang? misalnya 6.5025.000 mungkin seharusnya "
                           "65.025.000",))
    assert the(body, "en", "E105") == (
        "malformed number '6.5025.000': digit group '5025' has 4 digits; thousands groups have exactly 3", 5, 13,
        ("a stray or missing separator? e.g. 6.5025.000 should probably be 65.025.000",))


def test_a_limit_names_itself_and_how_to_raise_it():
    body = 'program 1 "P" {\n  anggaran ' + "1" * 41 + '\n  realisasi 1\n}\n'
    message, line, column, hints = the(body, "id", "E011")
    assert message == "angka '111111111111…111111111111' memiliki 41 digit; batasnya 40 (max_number_digits)"
    assert hints[-1] == ("jika spec memang memerlukan lebih, naikkan batasnya: lkjipdsl check --limit "
                         "max_number_digits=41 …, atau lkjipdsl.load(…, limits=lkjipdsl.Limits(max_number_digits=41))")
    assert (line, column) == (4, 12)
    message, line, column, hints = the(body, "en", "E011")
    assert message == "number '111111111111…111111111111' has 41 digits; the limit is 40 (max_number_digits)"
    assert hints[-1].startswith("if the spec really needs more, raise the limit: lkjipdsl check --limit ")
    assert (line, column) == (4, 12)


def test_the_checks():
    body = '''
    sasaran S1 "Sasaran" {
      indikator IKM "Indeks" { satuan "indeks"; polaritas maksimal; target -2; realisasi 90 }
      indikator IKM "Indeks lagi" { satuan "indeks"; polaritas maksimal; target 95; realisasi 90 }
    }
    '''
    assert the(body, "id", "E110")[:3] == ("id 'IKM' dipakai dua kali: indikator di sini, indikator di baris 4", 5, 13)
    assert the(body, "en", "E110")[:3] == ("duplicate id 'IKM': indikator here, indikator at line 4", 5, 13)
    message, line, column, _hints = the(body, "id", "E152")
    assert message == ("target indikator IKM bernilai negatif (-2): capaian dihitung dengan realisasi / target × 100, "
                       "sehingga realisasi yang lebih baik justru menghasilkan capaian yang lebih rendah")
    assert (line, column) == (4, 72)
    message, line, column, _hints = the(body, "en", "E152")
    assert message == ("the target of indikator IKM is negative (-2): the capaian is realisasi / target × 100, so a "
                       "better realisasi would give a lower capaian")
    assert (line, column) == (4, 72)


def test_characters_a_spec_may_not_hold():
    body = ('sasaran S1 "S" {\n'
            '  indikator IKU_a "I" { satuan "%"; polaritas maksimal; target 9\u09ea; realisasi 90 }\n}\n')
    where = (4, body.split("\n")[1].index("\u09ea") + 1)
    message, *place, _hints = the(body, "id", "E016")
    assert (message, tuple(place)) == ("'\u09ea' (U+09EA BENGALI DIGIT FOUR) bukan digit; tulis dengan 0–9", where)
    message, *place, _hints = the(body, "en", "E016")
    assert (message, tuple(place)) == ("'\u09ea' (U+09EA BENGALI DIGIT FOUR) is not a digit; write 0–9", where)


def test_a_name_of_two_alphabets_names_them_in_the_readers_language():
    body = ('sasaran S1 "S" {\n'
            '  indikator IKU_\u0430 "I" { satuan "%"; polaritas maksimal; target 90; realisasi 90 }\n}\n')
    message, *_place, hints = the(body, "id", "E017")
    assert message == ("nama 'IKU_\u0430' mencampur huruf Latin dan Sirilik: '\u0430' (U+0430 CYRILLIC SMALL LETTER A) "
                       "adalah huruf Sirilik")
    assert hints[0].startswith("ketik ulang nama itu hanya dengan huruf Latin;")
    message, *_place, hints = the(body, "en", "E017")
    assert message == ("the name 'IKU_\u0430' mixes Latin and Cyrillic letters: '\u0430' (U+0430 CYRILLIC SMALL "
                       "LETTER A) is Cyrillic")
    assert hints[0].startswith("type the name again with Latin letters only;")


def test_the_limits_in_the_help_and_a_limit_that_does_not_exist(capsys):
    assert main(["check", "--help"]) == 0
    said = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    assert "nama dan nilai bawaannya: docs/language.md#limits" in said  # the list is in the docs
    assert main(["check", "--help", "--lang", "en"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "the names and defaults: docs/language.md#limits" in said
    assert main(["check", "--limit", "max_token=5", "x.lkj"]) == 2
    assert "batas 'max_token=5' tidak dikenal (tulis NAMA=NILAI); mungkin maksud Anda 'max_tokens'?" in \
        capsys.readouterr().err


# ---- numbers a planner may have misread ----
MISREAD = '''
program 1 "Program" {
  anggaran 5,430.000
  realisasi 1,500
}
'''


def test_one_comma_before_three_digits_names_both_readings():
    message, line, column, hints = the(MISREAD, "id", "W214")
    assert message == "'1,500' dibaca 1,5; dalam notasi internasional berarti 1.500"
    assert hints == ("jika maksudnya 1.500, tulis 1.500 (dalam notasi Indonesia, titik memisahkan ribuan)",
                     "jika maksudnya 1,5, tulis 1,5, atau biarkan '1,500' dan tambahkan komentar "
                     "'# lkjipdsl: abaikan W214' di akhir baris")
    assert (line, column) == (5, 13)
    message, line, column, hints = the(MISREAD, "en", "W214")
    assert message == "'1,500' is read as 1,5; in international notation it means 1.500"
    assert hints[0] == "if 1.500 is meant, write 1.500 (a point groups thousands in Indonesian notation)"
    assert (line, column) == (5, 13)


def test_international_notation_in_an_indonesian_file_shows_how_it_is_read():
    message, line, column, hints = the(MISREAD, "id", "W215")
    assert message == ("'5,430.000' ditulis dalam notasi internasional dan dibaca 5.430; berkas ini memakai notasi "
                       "Indonesia (angka indonesia)")
    assert hints == ("jika maksudnya 5.430.000, tulis 5.430.000",
                     "jika maksudnya 5.430, tulis dalam notasi Indonesia (5.430,000), atau tambahkan komentar "
                     "'# lkjipdsl: abaikan W215' di akhir baris")
    assert (line, column) == (4, 12)
    message, line, column, hints = the(MISREAD, "en", "W215")
    assert message == ("'5,430.000' is written in international notation and is read as 5.430; this file uses "
                       "Indonesian notation (angka indonesia)")
    assert hints[0] == "if 5.430.000 is meant, write 5.430.000"
    assert (line, column) == (4, 12)


def test_a_printed_table_in_international_notation_is_told_how_to_say_so():
    body = '''
    program 1 "Program" {
      anggaran 59.011.380; realisasi 57.761.409
      tercetak "Tabel 3.2" anggaran 59,011,380.00 realisasi "57,761,409.00"
    }
    '''
    warned = found(body, "en", "W215")
    assert [(line, column) for _m, line, column, _h in warned] == [(5, 33), (5, 57)]
    assert all(hints[-1] == 'if "Tabel 3.2" prints all its numbers this way, say so once: '
                            'sumber "Tabel 3.2" { angka internasional }' for *_rest, hints in warned)
    declared = 'sumber "Tabel 3.2" { angka internasional }\n' + textwrap.dedent(body)
    assert not found(declared, "en", "W215")


@pytest.mark.parametrize("body", [
    'angka internasional\nprogram 1 "P" { anggaran 5,430.000; realisasi 1,500 }\n',
    'program 1 "P" { anggaran 5.430.000; realisasi 1.500.000 }\n'
    'dokumen R "Renstra" { angka internasional\n  program 1 "P" { anggaran 5,430.000; realisasi 1,500 } }\n',
    'program 1 "P" { anggaran 1,5; realisasi 1.500 }\n',  # a decimal comma with one or two digits, thousands
    'program 1 "P" { anggaran 1.234,567; realisasi 0,125 }\n',  # Indonesian notation; a decimal before 0
    'program 1 "P" { anggaran 1,234,567; realisasi 1234,567 }\n',  # one reading only
])
def test_numbers_whose_notation_is_not_in_doubt_are_not_warned_about(body):
    warnings = [d.code for d in loaded(body, "en").diagnostics if d.code in ("W214", "W215")]
    assert not warnings


def test_numbers_in_a_range_and_in_a_rumus():
    body = '''
    sasaran S1 "Sasaran" {
      indikator I1 "Rentang" { satuan "orang"; polaritas rentang; target 1,000..2,500; realisasi 1.500 }
      indikator I2 "Rumus" { satuan "%"; polaritas maksimal; target 100; rumus I1.realisasi / 1,500 }
    }
    '''
    lines = textwrap.dedent(body).split("\n")
    warned = [(line, column, message) for message, line, column, _h in found(body, "en", "W214")]
    said = "'{}' is read as {}; in international notation it means {}"
    assert warned == [(4, lines[2].index("1,000") + 1, said.format("1,000", "1", "1.000")),
                      (4, lines[2].index("2,500") + 1, said.format("2,500", "2,5", "2.500")),
                      (5, lines[3].index("1,500") + 1, said.format("1,500", "1,5", "1.500"))]


def test_a_comment_silences_the_warnings_it_names_on_its_line_and_never_an_error():
    body = '''
    program 1 "Program" {
      anggaran 5,430.000  # lkjipdsl: abaikan W214
      realisasi 1,500  // lkjipdsl: abaikan W214, W215
      capaian_output 1,250
    }
    program 2 "Program lain" { anggaran 9.000.000; realisasi 9.0000.000 }  # lkjipdsl: abaikan E105
    aturan a "A" { untuk program; jika serapan < 1,500; pesan "# lkjipdsl: abaikan W214" }
    '''
    diagnostics = loaded(body, "en").diagnostics
    assert [(d.code, d.span.line) for d in diagnostics if d.code.startswith(("W", "E"))] == [
        ("W215", 4),  # W214 named, not W215
        ("W214", 6),  # no comment on its line
        ("E105", 8),  # an error is never silenced
        ("W214", 9),  # the words are in a quoted text, not in a comment
    ]
