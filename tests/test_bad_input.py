"""A catalogue of mistakes a planner makes in a .lkj file, and what the tool must answer.

Each case is a small spec written out in full, and pins the diagnostic code, a telling part of
the message, the line and column the caret points at (counted by hand from the text below,
never copied from the program's output) and, where a fix can be suggested, the hint.

Every case must produce exactly ONE diagnostic: a mistake should not drag a cascade of
follow-up errors behind it.

Unless it is built with head=False, a spec below starts with the two HEAD lines, so its own
first line is line 3.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pytest

import lkjipdsl
from lkjipdsl import cli, i18n

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def spec(body: str, head: bool = True) -> str:
    return (HEAD if head else "") + textwrap.dedent(body).lstrip("\n")


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    code: str
    message: str  # a substring of the message
    line: int
    column: int
    hint: str | None  # a substring of one of the hints; None: no hint is asked for


def diagnostics(text: str) -> list[tuple[str, str, int | None, int | None, list[str]]]:
    """(code, message, line, column, hints) from loading and, when that succeeds, evaluating; in
    English, the language the cases are written in."""
    with i18n.using("en"):
        loaded = lkjipdsl.loads(text, "bad.lkj")
        if not loaded.ok:
            return [(d.code, d.message, d.span.line if d.span else None, d.span.column if d.span else None,
                     list(d.hints)) for d in loaded.diagnostics]
        result = lkjipdsl.evaluate(loaded)
    return [(d.code, d.message, d.location.line if d.location else None,
             d.location.column if d.location else None, list(d.hints)) for d in result.diagnostics]


# An indikator laid out one key per line, so that columns are easy to count:
#   line 3  sasaran S1 "Pelayanan" {
#   line 4    indikator I1 "Indeks Kepuasan" {
#   line 5      satuan …
#   line 6      polaritas …      (the value starts at column 15)
#   line 7      target …         (the value starts at column 12)
#   line 8      realisasi …      (the value starts at column 15)
def indikator(satuan='"%"', polaritas="maksimal", target="95", realisasi="90", *, lines=None) -> str:
    body = lines if lines is not None else [f"satuan {satuan}", f"polaritas {polaritas}", f"target {target}",
                                             f"realisasi {realisasi}"]
    inner = "\n".join("    " + line for line in body)
    return HEAD + f'sasaran S1 "Pelayanan" {{\n  indikator I1 "Indeks Kepuasan" {{\n{inner}\n  }}\n}}\n'


def rule(untuk="subkegiatan", jika="serapan < 50", pesan='"Serapan {nama} rendah"') -> str:
    """line 3 aturan …; line 4 untuk; line 5 jika (the expression starts at column 8); line 6 pesan
    (the text starts at column 9)."""
    return HEAD + (f'aturan rendah "Serapan rendah" {{\n  untuk {untuk}\n  jika {jika}\n  pesan {pesan}\n}}\n')


CASES = [
    # ---- keys and blocks ----
    Case("unknown-key-did-you-mean",
         indikator(lines=['satuan "%"', "polaritas maksimal", "targt 95", "realisasi 90"]),
         "E101", "unknown key 'targt' in indikator I1", 7, 5, "did you mean 'target'"),
    Case("misspelt-block-keyword",
         spec('''
         sasaram S1 "Pelayanan" {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E101", "unknown key 'sasaram'", 3, 1, "did you mean 'sasaran'"),
    Case("misspelt-instansi",
         spec('''
         instansu "Kecamatan Contoh"
         tahun 2023
         ''', head=False),
         "E101", "unknown key 'instansu' in the top level", 1, 1, "did you mean 'instansi'"),
    Case("misspelt-jika",
         rule().replace("  jika ", "  jka "),
         "E101", "unknown key 'jka' in aturan rendah", 5, 3, "did you mean 'jika'"),
    Case("key-given-twice",
         spec('''
         tahun 2024
         '''),
         "E102", "'tahun' is given twice in the top level (first at line 2)", 3, 1, "keep one of them"),
    Case("key-equals-value",
         spec('''
         skala = permendagri86
         '''),
         "E103", "'skala' takes a name, not '='", 3, 7, "without '='"),
    Case("missing-instansi",
         spec('''
         tahun 2023
         ''', head=False),
         "E106", "does not say its instansi", 1, 1, 'instansi "Nama Instansi"'),
    Case("missing-tahun",
         spec('''
         instansi "Kecamatan Contoh"
         ''', head=False),
         "E106", "does not say its tahun", 1, 1, "tahun 2023"),
    Case("tahun-not-a-year",
         spec('''
         instansi "Kecamatan Contoh"
         tahun 23
         ''', head=False),
         "E103", "'tahun' takes a year such as 2023, got '23'", 2, 7, "year in full"),

    # ---- syntax ----
    Case("unclosed-block-at-eof",
         spec('''
         sasaran S1 "Pelayanan" {
           keterangan "belum selesai"
         '''),
         # the caret points at the '{' that is not closed: 'sasaran S1 "Pelayanan" ' is 23 characters
         "E003", "the block opened here is not closed by the end of the file", 3, 24, "add '}'"),
    Case("closing-brace-missing-before-next-block",
         spec('''
         sasaran S1 "Pelayanan" {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }

         sasaran S2 "Keuangan" {
           indikator I2 "Serapan" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E003", "the block opened here is not closed before line 6", 3, 24, "add '}' before line 6"),
    Case("inner-block-not-closed",
         spec('''
         sasaran S1 "Pelayanan" {
           indikator I1 "Indeks" {
             satuan "%"
             polaritas maksimal
         }
         skala permendagri86
         '''),
         # '  indikator I1 "Indeks" ' is 24 characters; the '}' on line 7 belongs to the sasaran
         "E003", "the block opened here is not closed", 4, 25, "'}' on line 7 lines up with an outer block"),
    Case("missing-open-brace",
         spec('''
         sasaran S1 "Pelayanan"
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E001", "unexpected '}'", 5, 1, "'{' missing at the end of line 3"),
    Case("missing-open-brace-nested",
         spec('''
         sasaran S1 "Pelayanan" {
           indikator I1 "Indeks"
             satuan "%"
             polaritas maksimal
           }
         }
         '''),
         "E001", "unexpected '}'", 8, 1, "'{' missing at the end of line 4"),
    Case("stray-closing-brace",
         spec('''
         skala permendagri86
         }
         '''),
         "E001", "unexpected '}'", 4, 1, "no matching '{'"),
    Case("unclosed-string",
         spec('''
         sasaran S1 "Pelayanan {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E002", "unclosed text", 3, 12, 'close the text with "'),
    Case("curly-quotes-from-word",
         spec('''
         sasaran S1 “Pelayanan” {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E001", "unexpected character '“'", 3, 12, "straight quotes"),
    Case("colon-after-key",
         spec('''
         skala: permendagri86
         '''),
         "E001", "unexpected character ':'", 3, 6, "without ':'"),
    Case("nul-byte",
         HEAD + "skala permendagri86\x00\n",
         "E004", "NUL byte", 3, 20, "UTF-16"),
    Case("expression-ends-early",
         rule(jika="serapan <"),
         # '  jika serapan <' is 16 characters: the line ends at column 17
         "E001", "unexpected end of the line", 5, 17, None),
    Case("unclosed-parenthesis",
         rule(jika="max(serapan, 1 < 5"),
         "E001", "unexpected end of the line", 5, 26, "'(' is not closed"),

    # ---- numbers and values ----
    Case("malformed-number-6.5025.000",
         spec('''
         program 1 "Pelayanan Umum" {
           kegiatan 1.1 "Administrasi" {
             subkegiatan 1.1.1 "Alat tulis" {
               anggaran 6.5025.000
               realisasi 6.000.000
             }
           }
         }
         '''),
         "E105", "digit group '5025' has 4 digits", 6, 16, "65.025.000"),
    Case("underscore-mixed-with-dot",
         indikator(target="1_000.5"),
         "E105", "'_' cannot be mixed with '.' or ','", 7, 12, "1_234_567 or 1.234.567"),
    Case("number-where-text-expected",
         indikator(satuan="5"),
         "E103", "'satuan' takes a quoted text", 5, 12, 'satuan "5"'),
    Case("quoted-number",
         indikator(target='"95"'),
         "E103", "'target' takes a number, got \"95\"", 7, 12, "without quotes: target 95"),
    Case("word-for-no-value",
         indikator(realisasi="nihil"),
         "E103", "'realisasi' takes a number, got 'nihil'", 8, 15, "'-'"),
    Case("text-without-quotes",
         spec('''
         instansi Kecamatan Contoh
         tahun 2023
         ''', head=False),
         "E103", "'instansi' takes a quoted text", 1, 10, 'instansi "Kecamatan Contoh"'),
    Case("year-in-quotes",
         spec('''
         instansi "Kecamatan Contoh"
         tahun "2023"
         ''', head=False),
         "E103", "'tahun' takes a year such as 2023, got \"2023\"", 2, 7, "without quotes: tahun 2023"),
    Case("unquoted-percent-sign",
         indikator(satuan="%"),
         "E001", "unexpected character '%'", 5, 12, 'satuan "%"'),
    Case("two-values-for-one",
         indikator(target="95 96"),
         "E103", "'target' takes a number, or LOW..HIGH for a range, got 2 values", 7, 15, "followed by"),

    # ---- indikator ----
    Case("polaritas-misspelt",
         indikator(polaritas="maksimum"),
         "E104", "'maksimum' is not a valid polaritas", 6, 15, "did you mean 'maksimal'"),
    Case("polaritas-missing",
         indikator(lines=['satuan "%"', "target 95", "realisasi 90"]),
         "E106", "indikator I1 does not say its polaritas", 4, 3, "polaritas maksimal"),
    Case("target-missing",
         indikator(lines=['satuan "%"', "polaritas maksimal", "realisasi 90"]),
         "E106", "indikator I1 has no target", 4, 3, "add: target"),
    Case("range-target-without-rentang",
         indikator(target="80..90"),
         "E103", "a target range needs polaritas rentang", 7, 12, "polaritas rentang"),
    Case("rentang-without-range",
         indikator(polaritas="rentang", target="80"),
         "E103", "polaritas rentang but a single target", 7, 12, "target 80..HIGH"),
    Case("backwards-range",
         indikator(polaritas="rentang", target="90..80"),
         "E103", "target range 90..80 runs backwards", 7, 12, "lower bound first"),
    Case("weighted-sasaran-without-bobot",
         spec('''
         sasaran S1 "Pelayanan" {
           agregasi rata_rata_bobot
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90; bobot 2 }
           indikator I2 "Survei" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E106", "indikator I2 has no bobot", 6, 3, "bobot 1"),

    # ---- ids ----
    Case("duplicate-sasaran-id",
         spec('''
         sasaran S1 "Pelayanan" {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         sasaran S1 "Keuangan" {
           indikator I2 "Serapan" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E110", "duplicate id 'S1': sasaran here, sasaran at line 3", 6, 9, "must be unique"),
    Case("duplicate-indikator-id",
         spec('''
         sasaran S1 "Pelayanan" {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
           indikator I1 "Survei" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E110", "duplicate id 'I1': indikator here, indikator at line 4", 5, 13, "must be unique"),
    Case("duplicate-budget-code",
         spec('''
         program 1 "Pelayanan Umum" {
           kegiatan 1.1 "Administrasi" { anggaran 100.000 }
           kegiatan 1.1 "Keuangan" { anggaran 200.000 }
         }
         '''),
         "E110", "duplicate id '1.1'", 5, 12, "must be unique"),
    Case("reserved-id-total",
         spec('''
         sasaran total "Semua" {
           indikator I1 "Indeks" { satuan "%"; polaritas maksimal; target 95; realisasi 90 }
         }
         '''),
         "E110", "'total' is a reserved name", 3, 9, "choose another id"),
    Case("letters-glued-to-code",
         spec('''
         program 1total "Pelayanan Umum" {
           anggaran 100
         }
         '''),
         "E103", "program needs a code and a quoted name", 3, 9, "write:"),

    # ---- scales ----
    Case("unknown-skala",
         spec('''
         skala permendagri68
         '''),
         "E111", "unknown skala 'permendagri68'", 3, 7, "did you mean 'permendagri86'"),
    Case("scale-with-gap",
         spec('''
         skala lokal {
           pita "Rendah" < 50 warna merah
           pita "Tinggi" > 50 warna hijau
         }
         skala lokal
         '''),
         "E120", "no band covers the value 50", 5, 3, "start where the previous one ends"),
    Case("scale-with-overlap",
         spec('''
         skala lokal {
           pita "Rendah" < 60 warna merah
           pita "Tinggi" >= 50 warna hijau
         }
         skala lokal
         '''),
         "E121", "bands 'Rendah' (< 60) and 'Tinggi' (>= 50) overlap", 5, 3, "exactly one band"),
    Case("band-without-bounds",
         spec('''
         skala lokal {
           pita "Rendah" warna merah
           pita "Tinggi" >= 50 warna hijau
         }
         skala lokal
         '''),
         "E122", "band 'Rendah' has no bounds", 4, 3, 'pita "Tinggi" >= 76'),
    Case("unknown-colour",
         spec('''
         skala lokal {
           pita "Rendah" < 50 warna mera
           pita "Tinggi" >= 50 warna hijau
         }
         '''),
         "E104", "'mera' is not a colour", 4, 28, "did you mean 'merah'"),

    # ---- budget ----
    Case("parent-with-own-anggaran",
         spec('''
         program 1 "Pelayanan Umum" {
           anggaran 500.000
           kegiatan 1.1 "Administrasi" { anggaran 500.000 }
         }
         '''),
         "E151", "takes its anggaran from their sum", 4, 12, "tercetak anggaran 500.000"),
    Case("subkegiatan-directly-in-program",
         spec('''
         program 1 "Pelayanan Umum" {
           subkegiatan 1.1.1 "Alat tulis" { anggaran 100.000 }
         }
         '''),
         "E112", "a subkegiatan cannot stand inside a program", 4, 3, "program > kegiatan > subkegiatan"),
    Case("leaf-without-anggaran",
         spec('''
         program 1 "Pelayanan Umum" {
           kegiatan 1.1 "Administrasi" {
             realisasi 100
           }
         }
         '''),
         "E106", "kegiatan 1.1 has no anggaran", 4, 3, "add: anggaran"),

    # ---- periods ----
    Case("periode-without-gabung",
         indikator(lines=['satuan "%"', "polaritas maksimal", "periode bulanan {", "  januari 10 9", "}"]),
         "E106", "periode must say how the periods combine", 7, 13, "gabung jumlah"),
    Case("unknown-month",
         indikator(lines=['satuan "%"', "polaritas maksimal", "periode bulanan gabung jumlah {",
                          "  januari 10 9", "  febuari 10 9", "}"]),
         "E101", "'febuari' is not a period of a bulanan periode", 9, 7, "did you mean 'februari'"),
    Case("month-given-twice",
         indikator(lines=['satuan "%"', "polaritas maksimal", "periode bulanan gabung jumlah {",
                          "  januari 10 9", "  jan 10 9", "}"]),
         "E102", "period 'januari' is given twice (first at line 8)", 9, 7, "keep one of them"),

    # ---- rules and expressions ----
    Case("rule-without-untuk",
         HEAD + 'aturan rendah "Serapan rendah" {\n  jika serapan < 50\n  pesan "Serapan {nama} rendah"\n}\n',
         "E106", "aturan rendah has no 'untuk'", 3, 1, "untuk subkegiatan"),
    Case("rule-without-jika",
         HEAD + 'aturan rendah "Serapan rendah" {\n  untuk subkegiatan\n  pesan "Serapan {nama} rendah"\n}\n',
         "E106", "aturan rendah has no 'jika'", 3, 1, "jika serapan <"),
    Case("rule-without-pesan",
         HEAD + 'aturan rendah "Serapan rendah" {\n  untuk subkegiatan\n  jika serapan < 50\n}\n',
         "E106", "aturan rendah has no 'pesan'", 3, 1, 'pesan "'),
    Case("rule-scope-misspelt",
         rule(untuk="subkegiatn"),
         "E104", "'subkegiatn' is not a valid untuk", 4, 9, "did you mean 'subkegiatan'"),
    Case("unknown-variable",
         rule(jika="serapn < 50"),
         "E130", "unknown name 'serapn'", 5, 8, "did you mean 'serapan'"),
    Case("unknown-function",
         rule(jika="maks(serapan, 0) < 50"),
         "E132", "unknown function 'maks'", 5, 8, "did you mean 'max'"),
    Case("wrong-argument-count",
         rule(jika="abs(serapan, 2) > 10"),
         "E132", "abs(…) takes 1 argument(s), got 2", 5, 8, "abs("),
    Case("decimal-comma-in-arguments",
         rule(jika="serapan < max(1,2)"),
         "E132", "max(…) takes at least 2 argument(s), got 1", 5, 18, "'1,2' reads as one decimal number"),
    Case("anak-outside-aggregate",
         rule(untuk="kegiatan", jika="anak.serapan < 50"),
         "E130", "'anak.…' can only be used inside sum, mean, count, min or max", 5, 8, "mean(anak.serapan)"),
    Case("unknown-placeholder",
         rule(pesan='"Serapan {nam} rendah"'),
         # the caret under {nam}: the text's quote stands at column 9, "Serapan " takes 8 columns
         "E134", "unknown placeholder '{nam}' in the pesan of aturan rendah", 6, 18, "did you mean 'nama'"),
    Case("expression-nested-too-deeply",
         rule(jika="-(" * 70 + "serapan" + ")" * 70 + " > 1"),
         "E133", "expression nested too deeply", 5, 8, "simplify"),
    Case("cycle-between-two-rumus",
         spec('''
         sasaran S1 "Pelayanan" {
           indikator A "Alpha" {
             satuan "%"
             target 100
             rumus B.capaian
           }
           indikator B "Beta" {
             satuan "%"
             target 100
             rumus A.capaian
           }
         }
         '''),
         "E140", "cycle in the rules: A:capaian → B:capaian → A:capaian", 7, 5, "break the cycle"),

    # ---- found by evaluation ----
    Case("zero-target-without-policy",
         indikator(target="0", realisasi="5"),
         "E150", "the target of indikator I1 is zero, and no target_nol policy is declared", 7, 12,
         "target_nol kosong"),
    Case("zero-anggaran-without-policy",
         spec('''
         program 1 "Pelayanan Umum" {
           kegiatan 1.1 "Administrasi" {
             anggaran 0
             realisasi 0
           }
         }
         '''),
         # reported once, on the kegiatan: not again on the program and the total that sum it
         "E150", "the anggaran of 1.1 is zero", 5, 14, "at the top of the file"),
    Case("zero-target-with-target_nol-galat",
         spec('''
         target_nol galat
         sasaran S1 "Pelayanan" {
           indikator I1 "Indeks" {
             satuan "%"
             polaritas maksimal
             target 0
             realisasi 5
           }
         }
         '''),
         "E150", "target_nol galat makes that an error", 8, 12, "declared on line 3"),
    Case("division-by-zero-in-rumus",
         indikator(lines=['satuan "%"', "polaritas maksimal", "target 10", "realisasi 0",
                          "rumus target / realisasi"]),
         # '    rumus target / ' is 19 characters: the divisor starts at column 20
         "E131", "rumus of I1: division by zero", 9, 20, None),
]


def test_catalogue_is_large_and_distinct():
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)
    assert len({c.text for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case):
    found = diagnostics(case.text)
    matching = [d for d in found if d[0] == case.code]
    assert matching, f"no {case.code}; got {found}"
    code, message, line, column, hints = matching[0]
    assert case.message in message
    assert (line, column) == (case.line, case.column), f"{code} {message!r} at {line}:{column}"
    if case.hint is not None:
        assert any(case.hint in h for h in hints), f"hint {case.hint!r} not in {hints}"
    assert len(found) == 1, f"follow-up diagnostics: {found}"


def test_a_prescan_warning_does_not_hide_a_missing_key():
    """A non-breaking space between values (W210) drops no statement, so a spec without its tahun
    is E106 as it is without the warning (it was taken for a spec cut short by a syntax error)."""
    text = 'instansi "Kecamatan Contoh"\nprogram 1 "P" { anggaran\u00a01.000; realisasi 900 }\n'
    found = diagnostics(text)
    assert [(code, line, column) for code, _message, line, column, _hints in found] == [("E106", 1, 1), ("W210", 2, 25)]
    assert [code for code, *_rest in diagnostics(text.replace("\u00a0", " "))] == ["E106"]


def test_stray_brace_keeps_the_statement_before_it():
    loaded = lkjipdsl.loads(spec("skala permendagri86\n}\n"), "bad.lkj")
    assert [d.code for d in loaded.diagnostics] == ["E001"]
    assert loaded.spec.tahun == 2023 and loaded.spec.skala[0] == "permendagri86"


def test_unclosed_block_does_not_swallow_the_next_one():
    case = next(c for c in CASES if c.id == "closing-brace-missing-before-next-block")
    loaded = lkjipdsl.loads(case.text, "bad.lkj")
    assert [s.id for s in loaded.spec.sasaran] == ["S2"]


# ---- files ----
def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.lkj"
    path.write_bytes('instansi "Kecamatan Contoh"\ntahun 2023\n# catatan: é\n'.encode("latin-1"))
    # 'instansi "Kecamatan Contoh"\n' is 28 bytes, 'tahun 2023\n' 11, '# catatan: ' 11: é is byte 50
    with i18n.using("en"):
        [d] = lkjipdsl.load(path).diagnostics
    assert d.code == "E009"
    assert "byte 0xe9 at offset 50" in d.message
    assert (d.span.line, d.span.column) == (3, 12)
    assert any("UTF-8" in h for h in d.hints)


def test_file_in_utf16(tmp_path):
    path = tmp_path / "utf16.lkj"
    path.write_bytes('instansi "Kecamatan Contoh"\n'.encode("utf-16"))
    with i18n.using("en"):
        [d] = lkjipdsl.load(path).diagnostics
    assert d.code == "E009" and "offset 0" in d.message
    assert any("UTF-16" in h for h in d.hints)


def test_file_that_does_not_exist(tmp_path):
    (tmp_path / "seririt-2023.lkj").write_text(HEAD, encoding="utf-8")
    missing = tmp_path / "seririt-2032.lkj"
    with i18n.using("en"):
        [d] = lkjipdsl.load(missing).diagnostics
    assert d.code == "E008"
    assert str(missing) in d.message and "No such file" in d.message
    assert any("seririt-2023.lkj" in h for h in d.hints)


# ---- no input may crash the tool ----
DEEP_BLOCKS = HEAD + 'sasaran S1 "A" {\n' * 3000 + "}" * 3000
NASTY = [
    "",
    "\ufeff",
    "}}}}",
    "{",
    '"',
    "\x00\x01\x02",
    HEAD + "program 1total 2total {\n}\n",
    DEEP_BLOCKS,
    HEAD + 'aturan r "x" { untuk subkegiatan; jika ' + "-" * 3000 + 'serapan < 1; pesan "a" }\n',
    HEAD + 'aturan r "x" { untuk subkegiatan; jika ' + "(" * 3000 + "serapan" + ")" * 3000 + ' < 1; pesan "a" }\n',
    HEAD + "target_nol 1" + "0" * 60 + "\n",
]


@pytest.mark.parametrize("text", [c.text for c in CASES] + NASTY,
                         ids=[c.id for c in CASES] + [f"nasty-{i}" for i in range(len(NASTY))])
def test_no_input_raises(text):
    """loads() and evaluate() turn any text into diagnostics, never into a Python exception."""
    loaded = lkjipdsl.loads(text, "bad.lkj")
    result = lkjipdsl.evaluate(loaded)
    assert isinstance(result, lkjipdsl.Result)


def test_too_deep_nesting_is_reported():
    with i18n.using("en"):
        [d] = lkjipdsl.loads(DEEP_BLOCKS, "deep.lkj").diagnostics
    assert d.code == "E006" and "nested too deeply" in d.message


# ---- the command line ----
def test_cli_prints_the_diagnostic_with_source_and_caret(tmp_path, capsys):
    path = tmp_path / "targt.lkj"
    path.write_text(next(c.text for c in CASES if c.id == "unknown-key-did-you-mean"), encoding="utf-8")
    assert cli.main(["check", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()  # what check finds is its output
    first = out.index(f"{path}:7:5: error[E101]: unknown key 'targt' in indikator I1")
    assert out[first + 1] == "    7 |     targt 95"
    assert out[first + 2] == "      |     ^^^^^"
    assert "hint: did you mean 'target' or 'target_nol'?" in out[first + 3:]


def test_cli_missing_file_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "nope.lkj")]) == 2
    assert "E008" in capsys.readouterr().err


def test_cli_bad_option_is_a_usage_error(capsys):
    assert cli.main(["check", "--no-such-option", "x.lkj", "--lang", "en"]) == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err
