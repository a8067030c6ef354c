"""The builder's messages in both languages: each diagnostic of the keys and values of a block is
made at the same place with the same code in Indonesian (the default) and English (docs/i18n.md),
its hints included."""

from __future__ import annotations

import textwrap

import lkjipdsl
from lkjipdsl import i18n
from lkjipdsl.cli import main

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'
INDIKATOR = '''
sasaran S1 "Meningkatnya kualitas pelayanan publik" {{
  indikator IKM "Indeks kepuasan masyarakat" {{
    satuan "indeks"
    {line}
    {more}
    realisasi 97,4
  }}
}}
'''


def loaded(body: str, lang: str, head: bool = True):
    with i18n.using(lang):
        return lkjipdsl.loads((HEAD if head else "") + textwrap.dedent(body).lstrip("\n"), "uji.lkj")


def the(body: str, lang: str, code: str, head: bool = True) -> tuple[str, int, int, tuple[str, ...]]:
    """(message, line, column, hints) of the one diagnostic `code` of the spec HEAD + body."""
    found = [(d.message, d.span.line, d.span.column, d.hints) for d in loaded(body, lang, head).diagnostics
             if d.code == code]
    assert len(found) == 1, found
    return found[0]


def in_indikator(line: str, more: str = "polaritas maksimal; target 95") -> str:
    """An indikator with `line` on line 6 of the spec, then `more`."""
    return INDIKATOR.format(line=line, more=more)


def test_an_unknown_key_in_a_block():
    body = in_indikator("targt 95", "polaritas maksimal")
    assert the(body, "id", "E101") == ("kunci 'targt' tidak dikenal di indikator IKM", 6, 5,
                                       ("mungkin maksud Anda 'target' atau 'target_nol'?",))
    assert the(body, "en", "E101") == ("unknown key 'targt' in indikator IKM", 6, 5,
                                       ("did you mean 'target' or 'target_nol'?",))


def test_a_key_of_another_block_at_the_top_level():
    body = 'indikator IKM "Indeks kepuasan masyarakat" { target 95 }\n'
    assert the(body, "id", "E101") == ("kunci 'indikator' tidak dikenal di tingkat teratas spec", 3, 1,
                                       ("'indikator' seharusnya berada di dalam blok sasaran",))
    assert the(body, "en", "E101") == ("unknown key 'indikator' in the top level", 3, 1,
                                       ("'indikator' stands inside a sasaran block",))


def test_a_key_given_twice():
    body = in_indikator("satuan \"%\"")
    assert the(body, "id", "E102") == ("'satuan' ditulis dua kali di indikator IKM (yang pertama di baris 5)", 6, 5,
                                       ("pertahankan salah satunya saja",))
    assert the(body, "en", "E102") == ("'satuan' is given twice in indikator IKM (first at line 5)", 6, 5,
                                       ("keep one of them",))


def test_a_key_without_its_value_and_one_with_too_many():
    body = in_indikator("target", "polaritas maksimal")
    assert the(body, "id", "E103") == ("'target' harus berisi angka, atau BAWAH..ATAS untuk rentang, tetapi "
                                       "kosong", 6, 5,
                                       ("tulis 'target' diikuti angka, atau BAWAH..ATAS untuk rentang",))
    assert the(body, "en", "E103") == ("'target' takes a number, or LOW..HIGH for a range, got nothing", 6, 5,
                                       ("write 'target' followed by a number, or LOW..HIGH for a range",))
    body = in_indikator("target 1 000 000", "polaritas maksimal")
    assert the(body, "id", "E103") == ("'target' harus berisi angka, atau BAWAH..ATAS untuk rentang, tetapi "
                                       "ada 3 nilai", 6, 14, ("spasi tidak dipakai untuk memisahkan ribuan: "
                                                             "tulis 1.000.000",))
    assert the(body, "en", "E103") == ("'target' takes a number, or LOW..HIGH for a range, got 3 values", 6, 14,
                                       ("spaces do not group digits: write 1.000.000",))


def test_a_word_that_is_not_one_of_the_choices():
    body = in_indikator("polaritas higher_is_better", "target 95")
    assert the(body, "id", "E104") == ("nilai 'higher_is_better' tidak dikenal untuk 'polaritas'", 6, 15,
                                       ("pilih salah satu: maksimal, minimal, rentang, stabil",))
    assert the(body, "en", "E104") == ("'higher_is_better' is not a valid polaritas", 6, 15,
                                       ("choose one of: maksimal, minimal, rentang, stabil",))


def test_what_a_spec_or_a_block_lacks():
    assert the("tahun 2023\n", "id", "E106", head=False) == (
        "spec belum menyebutkan instansi", 1, 1, ('tambahkan baris seperti: instansi "Nama Instansi"',))
    assert the('instansi "X"\n', "en", "E106", head=False) == (
        "the spec does not say its tahun", 1, 1, ("add a line such as: tahun 2023",))
    body = 'sasaran S1 "Meningkatnya …" {\n  indikator IKM "Indeks" { satuan "%"; target 9 }\n}\n'
    assert the(body, "id", "E106") == ("indikator IKM belum menyebutkan polaritasnya", 4, 3, (
        "tambahkan: polaritas maksimal (makin tinggi makin baik) atau polaritas minimal (makin rendah makin baik)",))
    assert the(body, "en", "E106") == ("indikator IKM does not say its polaritas", 4, 3, (
        "add: polaritas maksimal (higher is better) or polaritas minimal (lower is better)",))


def test_the_budget_levels_out_of_order():
    body = 'program 1 "P" {\n  subkegiatan 1.1.1 "S" { anggaran 10; realisasi 9 }\n}\n'
    assert the(body, "id", "E112") == ("subkegiatan tidak boleh berada di dalam program", 4, 3, (
        "urutannya program > kegiatan > subkegiatan; program berisi blok kegiatan",))
    assert the(body, "en", "E112") == ("a subkegiatan cannot stand inside a program", 4, 3, (
        "the order is program > kegiatan > subkegiatan; a program holds kegiatan blocks",))


def test_a_skala_band_and_a_periode():
    body = 'skala lokal "Skala lokal" {\n  pita "Tinggi" >= 76 < 91 warna pelangi\n}\n'
    message, line, column, _ = the(body, "id", "E104")
    assert (message, line, column) == ("warna 'pelangi' tidak dikenal", 4, 34)
    assert the(body, "en", "E104")[:3] == ("'pelangi' is not a colour", 4, 34)
    body = in_indikator("periode bulanan {\n      januari 10 9\n    }", "polaritas maksimal")
    assert the(body, "id", "E106") == ("periode harus menyebutkan cara menggabungkan periode-periodenya menjadi "
                                       "angka setahun", 6, 13, ("tulis: periode bulanan gabung jumlah (dijumlahkan), "
                                                                "terakhir (nilai terakhir), atau rata_rata "
                                                                "(dirata-ratakan)",))
    assert the(body, "en", "E106") == ("periode must say how the periods combine into the year", 6, 13, (
        "write: periode bulanan gabung jumlah (sum), terakhir (last value) or rata_rata (mean)",))


def test_the_command_line_shows_the_builder_s_messages_in_the_language_asked_for(tmp_path, capsys):
    spec = tmp_path / "uji.lkj"
    spec.write_text(HEAD + textwrap.dedent(in_indikator("realisasi_ 97,4")).lstrip("\n"), encoding="utf-8")
    assert main(["check", str(spec)]) == 1
    out = capsys.readouterr().out
    assert "uji.lkj:6:5: galat[E101]: kunci 'realisasi_' tidak dikenal di indikator IKM" in out
    assert "petunjuk: mungkin maksud Anda 'realisasi'?" in out
    assert main(["check", str(spec), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "uji.lkj:6:5: error[E101]: unknown key 'realisasi_' in indikator IKM" in out
    assert "hint: did you mean 'realisasi'?" in out
