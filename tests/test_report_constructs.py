"""Constructs that published LKjIPs print and a spec must be able to say (docs/language.md): each
with values computed by hand in the docstring or the comment beside it."""

from __future__ import annotations

from decimal import Decimal

import lkjipdsl
from lkjipdsl import cli, i18n, syntax


def evaluate(text: str):
    with i18n.using("en"):
        loaded = lkjipdsl.loads(text, "spec.lkj")
        return loaded, lkjipdsl.evaluate(loaded, computations=True)


def errors(result) -> list[str]:
    return [f"{d.code} {d.message}" for d in result.diagnostics if d.severity == "error"]


HEADER = 'instansi "Subbagian Keuangan"\ntahun 2023\n'

# ---- a unit that reports no program: top-level kegiatan and sub kegiatan ----
NO_PROGRAM = HEADER + """
kegiatan 1.2 "Administrasi Keuangan Perangkat Daerah" {
  subkegiatan 1.2.4 "Laporan Keuangan Akhir Tahun" { anggaran 1.486.980; realisasi 742.500 }
  subkegiatan 1.2.5 "Laporan Keuangan Bulanan" { anggaran 1.794.600; realisasi 1.763.000 }
}
subkegiatan 1.3.1 "Rekonsiliasi Barang Milik Daerah" { anggaran 2.580.000; realisasi 2.475.250 }
"""


def test_top_level_kegiatan_and_subkegiatan_are_roots_of_the_tree():
    loaded, result = evaluate(NO_PROGRAM)
    assert loaded.ok and not errors(result)
    kegiatan, total = result.node("1.2"), result.node("total")
    assert kegiatan.parent_id is None and result.node("1.3.1").parent_id is None
    assert kegiatan.anggaran == Decimal("3281580") and kegiatan.realisasi_anggaran == Decimal("2505500")
    # 2.505.500 / 3.281.580 × 100 = 76,3504…
    assert round(kegiatan.capaian_anggaran, 4) == Decimal("76.3504")
    # (2.505.500 + 2.475.250) / (3.281.580 + 2.580.000) = 4.980.750 / 5.861.580 × 100 = 84,9728…
    assert total.anggaran == Decimal("5861580") and total.realisasi_anggaran == Decimal("4980750")
    assert round(total.capaian_anggaran, 4) == Decimal("84.9728")
    assert total.jumlah["jumlah_program"] == 0 and total.jumlah["jumlah_kegiatan"] == 1
    assert total.jumlah["jumlah_subkegiatan"] == 3


def test_top_level_kegiatan_goes_through_the_workbook_and_back(tmp_path, capsys):
    spec = tmp_path / "unit.lkj"
    spec.write_text(NO_PROGRAM, encoding="utf-8")
    workbook, back = tmp_path / "isian.xlsx", tmp_path / "back.lkj"
    assert cli.main(["template", "--from", str(spec), "-o", str(workbook)]) == 0
    assert cli.main(["import", str(workbook), "-o", str(back)]) == 0
    capsys.readouterr()
    loaded, result = evaluate(back.read_text(encoding="utf-8"))
    assert loaded.ok and not errors(result) and not result.diagnostics
    assert [(n.id, n.parent_id) for n in result.nodes if n.kind != "total"] == [
        ("1.2", None), ("1.2.4", "1.2"), ("1.2.5", "1.2"), ("1.3.1", None)]


def test_a_program_inside_a_top_level_kegiatan_is_out_of_order():
    _, result = evaluate(HEADER + 'kegiatan 1.1 "K" {\n  program 1 "P" { anggaran 1.000.000 }\n}\n')
    assert any(d.code == "E112" and "a program cannot stand inside a kegiatan" in d.message
               for d in result.diagnostics)


# ---- scales judged at the precision they rate at; regions beyond the outermost bands ----
def _codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_a_legend_printed_to_two_decimals_has_no_gaps():
    _, result = evaluate(HEADER + """
skala cetak { pita "Kurang" < 50; pita "Cukup" >= 50 <= 64,99; pita "Baik" >= 65 <= 79,99; pita "Sangat Baik" >= 80 }
sasaran S1 "S" { skala cetak
  indikator I1 "A" { satuan "%"; polaritas maksimal; target 100; realisasi 64,9951 }
  indikator I2 "B" { satuan "%"; polaritas maksimal; target 100; realisasi 64,9949 } }
""")
    assert not errors(result) and "E120" not in _codes(result)
    # 64,9951 is rated as 65,00 (Baik); 64,9949 as 64,99 (Cukup)
    assert result.node("I1").predikat.label == "Baik" and result.node("I2").predikat.label == "Cukup"


def test_a_whole_number_scale_with_presisi_0_has_no_gaps():
    _, result = evaluate(HEADER + """
skala bulat { presisi 0; pita "Sangat Tinggi" >= 91; pita "Tinggi" >= 76 <= 90; pita "Rendah" <= 75 }
sasaran S1 "S" { skala bulat
  indikator I1 "A" { satuan "%"; polaritas maksimal; target 100; realisasi 90,5 }
  indikator I2 "B" { satuan "%"; polaritas maksimal; target 100; realisasi 90,49 } }
""")
    assert not errors(result)
    # half-up to whole numbers: 90,5 → 91, 90,49 → 90
    assert result.node("I1").predikat.label == "Sangat Tinggi" and result.node("I2").predikat.label == "Tinggi"


def test_the_same_legend_rated_exactly_has_gaps():
    _, result = evaluate(HEADER + 'skala tepat2 { presisi tepat; pita "A" <= 49,99; pita "B" >= 50 }\n')
    assert [d.message for d in result.diagnostics if d.code == "E120"] == [
        "skala 'tepat2': no band covers values between 49.99 and 50"]


def test_a_band_edge_that_leaves_85_unrated_is_still_a_gap():
    _, result = evaluate(HEADER + 'skala s { pita "Kurang" < 85; pita "Baik" > 85 }\n')
    assert [d.message for d in result.diagnostics if d.code == "E120"] == [
        "skala 's': no band covers the value 85"]


def test_a_value_beyond_the_outermost_bands_gets_no_predikat_and_a_warning():
    _, result = evaluate(HEADER + """
skala s { pita "Kurang" >= 0 < 80; pita "Baik" >= 80 <= 100 }
sasaran S1 "S" { skala s
  indikator I1 "A" { satuan "%"; polaritas maksimal; target 80; realisasi 92 } }
""")
    assert not errors(result)
    assert _codes(result).count("W230") == 2  # nothing below 0, nothing above 100
    # 92 / 80 × 100 = 115: above the scale
    assert result.node("I1").predikat is None and result.node("I1").capaian == Decimal("115")
    outside = [d.message for d in result.diagnostics if d.code == "W231"]
    assert "I1 capaian 115.00 lies outside skala 's', which rates no such value: no predikat" in outside


# ---- printed predikat ----
PREDIKAT = HEADER + """
skala permendagri86
skala_anggaran tiga_tingkat
sasaran S1 "S" {
  indikator I1 "A" { satuan "%"; polaritas maksimal; target 95; realisasi 83,6; tercetak predikat "Tinggi" "Tabel 3.5" }
  indikator I2 "B" { satuan "%"; polaritas maksimal; target 100; realisasi 95; tercetak predikat "tinggi" "Tabel 3.5" }
  tercetak predikat "Sangat  Tinggi"
}
program 1 "P" { anggaran 1.000.000; realisasi 990.000; tercetak predikat "Sesuai Target" }
"""


def test_printed_predikat_is_checked_against_the_computed_one():
    _, result = evaluate(PREDIKAT)
    checked = {(a.node_id, a.ok) for a in result.assertions if a.field == "predikat"}
    # I1: 83,6 / 95 × 100 = 88 → Tinggi; I2: 95 → Sangat Tinggi; S1: (88 + 95) / 2 = 91,5 → Sangat Tinggi;
    # program 1: 990.000 / 1.000.000 × 100 = 99 → Belum Mencapai Target
    assert checked == {("I1", True), ("I2", False), ("S1", True), ("1", False)}
    wrong = {a.node_id: a for a in result.failed_assertions}
    assert wrong["I2"].kind == "predikat" and wrong["I2"].computed_text == "Sangat Tinggi"
    assert wrong["1"].computed_text == "Belum Mencapai Target"


def test_a_printed_predikat_that_disagrees_is_told_in_both_languages(tmp_path, capsys):
    spec = tmp_path / "p.lkj"
    spec.write_text(PREDIKAT, encoding="utf-8")
    assert cli.main(["check", str(spec), "--lang", "en"]) == 1
    assert ("I2 predikat: printed 'tinggi' in Tabel 3.5; computed 'Sangat Tinggi' "
            "(capaian 95.00 on skala 'permendagri86')") in capsys.readouterr().out
    assert cli.main(["check", str(spec), "--lang", "id"]) == 1
    assert ("predikat I2: tercetak 'tinggi' di Tabel 3.5; hasil hitung 'Sangat Tinggi' "
            "(capaian 95,00 pada skala 'permendagri86')") in capsys.readouterr().out


# ---- the BAB III draft and the ringkasan as a report writes them ----
NARRATIVE = HEADER + """
sasaran S1 "Sasaran" {
  indikator I1 "Tanpa target" { satuan "%"; polaritas maksimal; target -; realisasi 80 }
  indikator I2 "Belum terisi" { satuan "%"; polaritas maksimal; target 90; realisasi - }
}
program 1 "P" { anggaran 1.000.000; realisasi 900.000 }
ringkasan sisa "Sisa anggaran" { satuan "Rp"; rumus total.sisa }
"""


def test_the_draft_tells_a_missing_target_from_a_missing_realisasi_and_names_no_missing_scale(tmp_path, capsys):
    spec = tmp_path / "n.lkj"
    spec.write_text(NARRATIVE, encoding="utf-8")
    assert cli.main(["render", str(spec), "--template", "bab3.md", "--lang", "id"]) == 0
    text = capsys.readouterr().out
    assert "menurut skala" not in text
    assert "Indikator yang memiliki realisasi tetapi belum memiliki target: Tanpa target (80 %)." in text
    assert "Indikator yang belum memiliki realisasi: Belum terisi." in text
    # 1.000.000 − 900.000 = 100.000, in rupiah without sen
    assert "Sisa anggaran: Rp 100.000." in text


def test_a_ringkasan_in_rupiah_is_shown_as_money():
    from lkjipdsl.render.report_tables import ringkasan_table

    _, result = evaluate(NARRATIVE)
    rows = {row[0]: row[1] for row in ringkasan_table(result, "id").rows}
    shown = rows["Sisa anggaran"]
    assert (shown.text if hasattr(shown, "text") else shown) == "100.000"


# ---- a parent's serapan as the mean of its rows' ----
ROWS = """
program 1 "P" {
  kegiatan 1.2 "K" {
    subkegiatan 1.2.4 "A" { anggaran 1.486.980; realisasi 742.500 }
    subkegiatan 1.2.5 "B" { anggaran 1.794.600; realisasi 1.763.000 }
    tercetak serapan 74,09 "Tabel 3.1"
  }
  kegiatan 1.3 "L" { anggaran 1.000.000; realisasi 500.000 }
}
"""


def test_serapan_induk_rata_rata_makes_the_mean_the_computed_value():
    _, result = evaluate(HEADER + "serapan_induk rata_rata\n" + ROWS)
    assert not errors(result) and not result.failed_assertions
    # 742.500 / 1.486.980 × 100 = 49,93340…; 1.763.000 / 1.794.600 × 100 = 98,23916…; mean 74,0863…
    assert round(result.node("1.2").capaian_anggaran, 4) == Decimal("74.0863")
    # the program: the mean of 74,0863… and 50 = 62,0431…; its anggaran is still the sum
    assert round(result.node("1").capaian_anggaran, 4) == Decimal("62.0431")
    assert result.node("1").anggaran == Decimal("4281580")


def test_a_printed_parent_percent_that_is_the_mean_is_explained():
    _, result = evaluate(HEADER + ROWS)
    (failed,) = result.failed_assertions
    # the ratio of sums: 2.505.500 / 3.281.580 × 100 = 76,35
    assert failed.node_id == "1.2" and round(failed.computed, 2) == Decimal("76.35")
    assert failed.note.startswith("it is the mean of its rows' percentages ((49,93 + 98,24) / 2 = 74,0863)")
    assert "serapan_induk rata_rata" in failed.note


def test_a_printed_parent_percent_that_is_neither_gets_no_explanation():
    _, result = evaluate(HEADER + ROWS.replace("74,09", "80,00"))
    (failed,) = result.failed_assertions
    assert failed.note is None


# ---- capaian against the Renstra's end-of-period target ----
RENSTRA = HEADER + """renstra 2023..2026
target_nol kosong
sasaran S1 "Meningkatnya kualitas pelayanan publik" {
  indikator IKU1 "Indeks kepuasan masyarakat" { satuan "indeks"; polaritas maksimal; target 95; realisasi 97,4
    renstra 2023 target 95
    renstra akhir target 98
    tercetak capaian_renstra 99,39 "Tabel 3.3" }
  indikator IKU2 "Angka kemiskinan" { satuan "%"; polaritas minimal; target 10; realisasi 9
    renstra 2026 target 8 }
  indikator IKU3 "Rasio pengaduan" { satuan "%"; polaritas stabil; target 50; realisasi 45
    renstra 2025 target 60 }
  indikator IKU4 "Target nol" { satuan "kasus"; polaritas maksimal; target 3; realisasi 2
    renstra akhir target 0 }
}
"""


def test_capaian_against_the_renstra_end_target_follows_the_polarity():
    loaded, result = evaluate(RENSTRA)
    assert loaded.ok and not errors(result)
    # maksimal: 97,4 / 98 × 100 = 99,3877…; the printed 99,39 agrees
    assert round(result.node("IKU1").capaian_renstra, 4) == Decimal("99.3878")
    assert [a.ok for a in result.assertions if a.field == "capaian_renstra"] == [True]
    # minimal, the period's last year (2026) as the end target: (2 × 8 − 9) / 8 × 100 = 87,5
    assert result.node("IKU2").capaian_renstra == Decimal("87.5")
    # a year before the end is not the end target
    assert result.node("IKU3").capaian_renstra is None
    # a zero Renstra target follows target_nol kosong: no value
    assert result.node("IKU4").capaian_renstra is None
    computation = result.node("IKU1").computations["capaian_renstra"]
    assert computation.inputs == ["IKU1:target_renstra", "IKU1:realisasi"]


def test_capaian_renstra_in_the_capaian_table():
    from lkjipdsl.render.tables import capaian_table

    _, result = evaluate(RENSTRA)
    table = capaian_table(result, "id")
    assert table.headers[-2:] == ["Target Akhir Renstra", "Capaian thd Target Akhir Renstra (%)"]
    rows = {row[1].strip(): row for row in table.rows}
    assert rows["Indeks kepuasan masyarakat"][-2:] == ["98", "99,39"]
    assert rows["Angka kemiskinan"][-2:] == ["8", "87,50"]
    _, plain = evaluate(HEADER + 'sasaran S1 "S" { indikator I1 "I" { satuan "%"; target 1; realisasi 1 } }\n')
    assert len(capaian_table(plain, "id").headers) == 7  # no Renstra, no columns for it


def test_a_zero_target_of_an_earlier_year_follows_target_nol():
    spec = HEADER + """sasaran S1 "S" {
  indikator I1 "I" { satuan "%"; polaritas minimal; target 5; realisasi 4
    riwayat 2022 target 0 realisasi 3 }
}
"""
    _, result = evaluate(spec)
    assert [e.split(" ", 1)[0] for e in errors(result)] == ["E150"]
    assert "the target of indikator I1 in 2022 is zero" in errors(result)[0]
    _, result = evaluate(spec.replace("tahun 2023\n", "tahun 2023\ntarget_nol 100\n"))
    assert not errors(result)
    assert result.node("I1").riwayat[0].capaian == Decimal(100)


# ---- earlier years inside expressions and rules ----
EARLIER = HEADER + """sasaran S1 "Meningkatnya kualitas pelayanan publik" {
  indikator IKU1 "Indeks kepuasan masyarakat" { satuan "indeks"; polaritas maksimal; target 95; realisasi 90
    riwayat 2022 target 90 realisasi 92,5 }
  indikator IKU2 "Angka kemiskinan" { satuan "%"; polaritas minimal; target 10; realisasi 9
    riwayat 2022 target 11 realisasi 10 }
  indikator IKU3 "Kenaikan kepuasan" { satuan "poin"; rumus IKU1.realisasi - IKU1.realisasi@2022 }
  indikator IKU4 "Capaian 2022 IKU2" { satuan "%"; rumus IKU2.capaian@2022 }
}
aturan turun "Realisasi turun dibanding tahun lalu" {
  untuk indikator
  jika realisasi < realisasi@2022
  pesan "{nama}: realisasi {realisasi} lebih rendah dari tahun 2022"
}
"""


def test_an_earlier_years_values_in_rumus_and_aturan():
    loaded, result = evaluate(EARLIER)
    assert loaded.ok and not errors(result)
    # 90 − 92,5
    assert result.node("IKU3").capaian == Decimal("-2.5")
    assert result.node("IKU3").computations["capaian"].inputs == ["IKU1:realisasi", "IKU1:realisasi@2022"]
    # minimal in 2022: (2 × 11 − 10) / 11 × 100 = 109,0909…
    assert round(result.node("IKU4").capaian, 4) == Decimal("109.0909")
    # IKU1 (90 < 92,5) and IKU2 (9 < 10) fell; IKU3 and IKU4 have no riwayat 2022: no value, no finding
    assert sorted(f.node_id for f in result.findings) == ["IKU1", "IKU2"]


def test_an_earlier_year_reads_the_same_from_lark_and_the_fast_path():
    from lkjipdsl import syntax

    for parse in (syntax.parse_expression, syntax.parse_expression_with_lark):
        expr = parse("IKU1.realisasi@2022 - realisasi@2021", "t.lkj", 1, 1)
        assert (expr.left.owner, expr.left.field, expr.right.name) == ("IKU1", "realisasi@2022", "realisasi@2021")
        assert (expr.left.span.column, expr.left.span.end_column) == (1, 20)


def test_an_earlier_year_that_cannot_be_named():
    spec = EARLIER.replace("jika realisasi < realisasi@2022",
                           "jika IKU1.realisasi@2021 > realisasi@2023 atau IKU3.capaian@2022 > bobot@2022")
    _, result = evaluate(spec)
    assert errors(result) == [
        "E130 'IKU1' has no riwayat 2021",
        "E130 'realisasi@2023' names 2023, which is not a year before the report year 2023",
        "E130 'IKU3' has no riwayat 2022",
        "E130 'bobot' has no value of an earlier year here",
    ]


# ---- budget items by kind and code in expressions ----
BY_CODE = HEADER + """program 1 "Program Penunjang Urusan Pemerintahan Daerah" {
  kegiatan 1.1 "Administrasi Keuangan" {
    riwayat 2022 anggaran 5.000.000.000 realisasi 4.900.000.000
    subkegiatan 1.1.1 "Penyediaan Gaji dan Tunjangan ASN" { anggaran 5.822.880.557; realisasi 5.785.689.930 }
    subkegiatan 1.1.2 "Penyediaan Administrasi Pelaksanaan Tugas ASN" { anggaran 100.000.000; realisasi 60.000.000 }
  }
}
ringkasan R1 "Serapan gaji" { satuan "%"; rumus subkegiatan 1.1.1.serapan; tercetak nilai 99,36 }
ringkasan R2 "Serapan naik" { satuan "poin"; rumus kegiatan 1.1.serapan - kegiatan 1.1.serapan@2022 }
aturan serapan_rendah "Serapan di bawah kegiatannya" {
  untuk subkegiatan
  jika serapan < kegiatan 1.1.serapan - 20
  pesan "{kode}: serapan {serapan}%"
}
"""


def test_a_budget_item_named_by_kind_and_code():
    loaded, result = evaluate(BY_CODE)
    assert loaded.ok and not errors(result)
    # 5.785.689.930 / 5.822.880.557 × 100 = 99,3613…; the printed 99,36 agrees
    assert round(result.node("R1").nilai, 4) == Decimal("99.3613")
    assert all(a.ok for a in result.assertions)
    # 5.845.689.930 / 5.922.880.557 × 100 = 98,6967… less 4.900.000.000 / 5.000.000.000 × 100 = 98
    assert round(result.node("R2").nilai, 4) == Decimal("0.6967")
    assert result.node("R2").computations["nilai"].inputs == ["1.1:serapan", "1.1:serapan@2022"]
    # 1.1.2: 60 < 98,6967 − 20; 1.1.1: 99,36 is not
    assert [f.node_id for f in result.findings] == ["1.1.2"]


def test_a_budget_item_by_the_wrong_kind_or_a_bare_code():
    _, result = evaluate(BY_CODE.replace("rumus subkegiatan 1.1.1.serapan", "rumus program 1.1.serapan"))
    assert errors(result) == ["E111 unknown item 'program 1.1'"]
    assert result.diagnostics[0].hints == ["did you mean 'kegiatan 1.1'?"]
    with i18n.using("en"):
        loaded = lkjipdsl.loads(BY_CODE.replace("rumus subkegiatan 1.1.1.serapan", "rumus 1.1.1.serapan"), "s.lkj")
    assert [(d.code, list(d.hints)) for d in loaded.diagnostics] == [
        ("E001", ["an item with a code is named by its kind and code: kegiatan 1.1.1.serapan, "
                  "indikator 1.1.1.serapan"])]
    with i18n.using("id"):
        loaded = lkjipdsl.loads(BY_CODE.replace("rumus subkegiatan 1.1.1.serapan", "rumus 1.1.1.serapan"), "s.lkj")
    assert list(loaded.diagnostics[0].hints) == [
        "item yang memiliki kode disebut dengan jenis dan kodenya: kegiatan 1.1.1.serapan, indikator 1.1.1.serapan"]


# ---- an indikator row's capaian against its own figures ----
def test_an_indikator_rows_capaian_is_checked_against_its_own_figures_first():
    spec = HEADER + """sasaran S1 "S" {
  indikator I1 "Misprinted realisasi in the spec's favour" { satuan "indeks"; polaritas maksimal; target 95
    realisasi 90
    tercetak "Tabel 3.5" target 95 realisasi 97,4 capaian 102,53 }
  indikator I2 "Misprinted realisasi beside a right capaian" { satuan "%"; polaritas minimal; target 10
    realisasi 9
    tercetak "Tabel 3.5" target 10 realisasi 6 capaian 110 }
}
"""
    _, result = evaluate(spec)
    failed = {(a.node_id, a.field): a for a in result.assertions if not a.ok}
    # I1: 97,4 / 95 × 100 = 102,526… → 102,53 follows from its row; only the realisasi (90 kept) is wrong
    assert sorted(failed) == [("I1", "realisasi"), ("I2", "capaian"), ("I2", "realisasi")]
    # I2, minimal: the row gives (2 × 10 − 6) / 10 × 100 = 140; the spec (2 × 10 − 9) / 10 × 100 = 110
    capaian = failed[("I2", "capaian")]
    assert capaian.computed == Decimal(140) and capaian.kind == "persen_tidak_cocok"
    assert "(2 × 10 − 6) / 10 × 100" in capaian.note and "agrees with the computed capaian" in capaian.note


# ---- words of the reports read with a note (W232) ----
REPORT_WORDS = HEADER + """sasaran S1 "S" {
  indikator IK1 "Indeks" { satuan "indeks"; polaritas maksimal; target 82; realisasi NA }
}
program 1 "Program Penunjang" {
  anggaran 1.000.000; realisasi "#N/A"
  tercetak capaian - "Tabel 3.1"
}
program 2 "Program Lain" {
  anggaran 2.000.000; realisasi 1.900.000
  tercetak "Tabel 3.1" anggaran 2.000.000 realisasi 1.900.000 capaian 95
}
"""


def test_na_and_a_budget_capaian_are_read_with_a_warning():
    loaded, result = evaluate(REPORT_WORDS)
    assert loaded.ok and not errors(result)
    warnings = [(d.code, d.message) for d in result.diagnostics]
    assert warnings == [("W232", "'NA' is read as '-' (no value)"), ("W232", "\"#N/A\" is read as '-' (no value)"),
                        ("W232", "'capaian' of a budget item is read as its serapan (realisasi / anggaran × 100)"),
                        ("W232", "'capaian' of a budget item is read as its serapan (realisasi / anggaran × 100)")]
    assert result.node("IK1").realisasi is None and result.node("1").realisasi_anggaran is None
    # the printed capaian of a program is its serapan: '-' (no realisasi) and 1.900.000 / 2.000.000 × 100 = 95
    assert [(a.node_id, a.field, a.ok) for a in result.assertions] == [
        ("1", "serapan", True), ("2", "anggaran", True), ("2", "realisasi", True), ("2", "serapan", True)]
    with i18n.using("id"):
        loaded = lkjipdsl.loads(REPORT_WORDS, "spec.lkj")
    assert [d.message for d in loaded.diagnostics][:2] == ["'NA' dibaca sebagai '-' (tanpa nilai)",
                                                            "\"#N/A\" dibaca sebagai '-' (tanpa nilai)"]


# ---- inputs printed rounded ----
def test_a_capaian_within_the_rounding_of_a_printed_input():
    spec = HEADER + """sasaran S1 "S" {
  indikator I1 "Rasio" { satuan "rasio"; polaritas maksimal; target 0,35; realisasi 0,34 dibulatkan
    tercetak capaian 96,86 "Tabel 3.5"
    tercetak capaian 99,5 "Lampiran" }
  indikator I2 "Rasio" { satuan "rasio"; polaritas minimal; target 10 dibulatkan; realisasi 9
    tercetak capaian 110,5 }
}
"""
    loaded, result = evaluate(spec)
    assert loaded.ok and not errors(result)
    # the computed capaian keeps the printed input: 0,34 / 0,35 × 100 = 97,142857…
    assert round(result.node("I1").capaian, 4) == Decimal("97.1429")
    checks = [(a.node_id, a.printed_text, a.ok) for a in result.assertions]
    # realisasi 0,335 … 0,345: 95,714… … 98,571…; 96,86 inside, 99,5 outside.
    # minimal, target 9,5 … 10,5: (2 × 10,5 − 9) / 10,5 × 100 = 114,28… and (2 × 9,5 − 9) / 9,5 × 100 = 105,26…
    assert checks == [("I1", "96,86", True), ("I1", "99,5", False), ("I2", "110,5", True)]
    assert result.assertions[0].note == ("agrees within the rounding of the printed input: "
                                         "realisasi 0,34 (0,335 … 0,345)")
    from lkjipdsl.render.tables import asersi_table

    # the asersi table gives A004 a verdict of its own: 96,86 and 110,5 agree only within the rounding
    assert [row[-1] for row in asersi_table(result, "en").rows] == ["ok within rounding", "DIFFERS",
                                                                   "ok within rounding"]
    assert [row[-1] for row in asersi_table(result, "id").rows] == ["cocok dalam pembulatan", "BEDA",
                                                                   "cocok dalam pembulatan"]


# ---- table titles as the report numbers them ----
def test_table_titles_declared_in_the_spec():
    from lkjipdsl.build.vocabulary import TABLE_NAMES
    from lkjipdsl.render.tables import all_builders

    assert sorted(TABLE_NAMES) == sorted(all_builders())
    spec = HEADER + """tabel "tabel-3.1" "Tabel 19. Target dan Realisasi Anggaran Tahun 2023"
tabel "capaian" "Tabel 3.5 Capaian Kinerja"
program 1 "Program" { anggaran 1.000.000; realisasi 900.000 }
sasaran S1 "S" { indikator I1 "I" { satuan "%"; polaritas maksimal; target 100; realisasi 90 } }
"""
    _, result = evaluate(spec)
    assert result.spec.tabel == {"tabel-3.1": "Tabel 19. Target dan Realisasi Anggaran Tahun 2023",
                                 "capaian": "Tabel 3.5 Capaian Kinerja"}
    builders = all_builders()
    assert builders["tabel-3.1"](result, "id").title == "Tabel 19. Target dan Realisasi Anggaran Tahun 2023"
    assert builders["capaian"](result, "en").title == "Tabel 3.5 Capaian Kinerja"
    assert builders["tabel-3.4"](result, "id").title .startswith("Tabel 3.4 ")  # not declared
    _, result = evaluate(spec.replace('tabel "capaian"', 'tabel "tabel-31"'))
    assert errors(result) == ["E104 there is no table 'tabel-31'; tables: " + ", ".join(TABLE_NAMES)]


# ---- an indikator's code as its id ----
def test_an_indikator_with_a_code_for_an_id():
    spec = HEADER + """sasaran S1 "S" {
  indikator 01.01 "Indeks kepuasan masyarakat" { satuan "indeks"; polaritas maksimal; target 95; realisasi 90
    riwayat 2022 target 90 realisasi 92,5 }
  indikator 01.02 "Kenaikan" { satuan "poin"; rumus indikator 01.01.realisasi - indikator 01.01.realisasi@2022 }
}
"""
    loaded, result = evaluate(spec)
    assert loaded.ok and not errors(result)
    # 90 / 95 × 100 = 94,7368…; 90 − 92,5 = −2,5
    assert round(result.node("01.01").capaian, 4) == Decimal("94.7368")
    assert result.node("01.02").capaian == Decimal("-2.5")
    _, result = evaluate(spec.replace("rumus indikator 01.01.realisasi", "rumus indikator 01.09.realisasi"))
    assert errors(result) == ["E111 unknown item 'indikator 01.09'"]


# ---- a report that truncates its figures: pembulatan potong ----
TRUNCATING = HEADER + """pembulatan potong
sasaran S1 "S" {
  indikator I1 "Pertama" { satuan "%"; polaritas maksimal; target 100; realisasi 98,1299 }
  indikator I2 "Kedua" { satuan "%"; polaritas maksimal; target 100; realisasi 97,1528 }
}
"""


def test_format_value_truncates_within_display_rounding():
    from lkjipdsl.format import display_rounding, format_value

    # 97,1528 shows 97,15 either way; 98,1299 is 98,13 half-up but 98,12 cut at two decimals
    assert format_value(Decimal("97.1528"), 2) == "97,15"
    assert format_value(Decimal("98.1299"), 2) == "98,13"
    with display_rounding("potong"):
        assert format_value(Decimal("97.1528"), 2) == "97,15"
        assert format_value(Decimal("98.1299"), 2, "en") == "98.12"
        assert format_value(Decimal("-1.239"), 2) == "-1,23"  # toward zero
        assert format_value(Decimal("8624579558.999"), money=True) == "8.624.579.558,99"
    assert format_value(Decimal("98.1299"), 2) == "98,13"  # the rounding in force is restored


def test_pembulatan_potong_reaches_every_renderer_through_the_result():
    _, result = evaluate(TRUNCATING)
    assert not errors(result) and result.spec.pembulatan == "potong"
    assert result.node("I1").capaian == Decimal("98.1299")  # exact: only the display is cut
    text = lkjipdsl.render_report(result, "text", tables=["capaian"], lang="en")
    assert "98.12" in text and "98.13" not in text and "97.15" in text
    csv = lkjipdsl.render_report(result, "csv", tables=["capaian"], lang="id")
    assert ";98,12;" in csv and "98,13" not in csv
    half_up, = [evaluate(TRUNCATING.replace("pembulatan potong\n", ""))[1]]
    assert half_up.spec.pembulatan == "setengah_ke_atas"
    assert "98.13" in lkjipdsl.render_report(half_up, "text", tables=["capaian"], lang="en")


def test_printed_figures_are_compared_at_the_reports_rounding():
    printed = TRUNCATING.replace("realisasi 98,1299 }", "realisasi 98,1299; tercetak capaian 98,12 }").replace(
        "realisasi 97,1528 }", "realisasi 97,1528; tercetak capaian 97,15 }")
    _, result = evaluate(printed)
    assert [a.ok for a in result.assertions] == [True, True]
    _, result = evaluate(printed.replace("pembulatan potong\n", ""))
    assert [(a.node_id, a.ok) for a in result.assertions] == [("I1", False), ("I2", True)]  # 98,13 half-up
    _, result = evaluate(printed.replace("capaian 98,12", "capaian 98,13"))
    assert [(a.node_id, a.ok) for a in result.assertions] == [("I1", False), ("I2", True)]


def test_an_unknown_pembulatan_is_an_error_with_a_suggestion(tmp_path, capsys):
    spec = tmp_path / "spec.lkj"
    spec.write_text(TRUNCATING.replace("pembulatan potong", "pembulatan potongan"), encoding="utf-8")
    assert cli.main(["check", str(spec), "--lang", "en"]) == 1
    err = capsys.readouterr().out
    assert "E104" in err and "'potongan'" in err and "did you mean 'potong'?" in err
    assert cli.main(["check", str(spec), "--lang", "id"]) == 1
    err = capsys.readouterr().out
    assert "E104" in err and "mungkin maksud Anda 'potong'?" in err


# ---- a code with letters and points as an id ----
def test_an_indikator_code_with_letters_and_points():
    spec = HEADER + """sasaran SS.1 "S" {
  indikator IKU.1.2 "Indeks kepuasan masyarakat" { satuan "indeks"; polaritas maksimal; target 95; realisasi 90
    riwayat 2022 target 90 realisasi 92,5 }
  indikator IKU.1.3 "Kenaikan" { satuan "poin"; rumus indikator IKU.1.2.realisasi - IKU.1.2.realisasi@2022 }
}
"""
    loaded, result = evaluate(spec)
    assert loaded.ok and not errors(result)
    assert [n.id for n in result.nodes[:3]] == ["SS.1", "IKU.1.2", "IKU.1.3"]
    # 90 / 95 × 100 = 94,7368…; 90 − 92,5 = −2,5
    assert round(result.node("IKU.1.2").capaian, 4) == Decimal("94.7368")
    assert result.node("IKU.1.3").capaian == Decimal("-2.5")
    _, result = evaluate(spec.replace("rumus indikator IKU.1.2.realisasi", "rumus indikator IKU.1.9.realisasi"))
    assert errors(result) == ["E111 unknown item 'indikator IKU.1.9'"]
    _, result = evaluate(spec.replace("rumus indikator IKU.1.2.realisasi", "rumus kegiatan IKU.1.2.realisasi"))
    assert errors(result) == ["E111 unknown item 'kegiatan IKU.1.2'"]


def test_a_code_with_letters_reads_the_same_from_lark_and_the_fast_path():
    from lkjipdsl import syntax

    for parse in (syntax.parse_expression, syntax.parse_expression_with_lark):
        expr = parse("IKU.1.2.realisasi@2022 - IKU1.target", "t.lkj", 1, 1)
        assert (expr.left.owner, expr.left.field) == ("IKU.1.2", "realisasi@2022")
        assert (expr.right.owner, expr.right.field) == ("IKU1", "target")
    expr = syntax.parse_expression_with_lark("indikator IKU.1.2.capaian", "t.lkj", 1, 1)
    assert (expr.owner, expr.field) == ("indikator IKU.1.2", "capaian")


def test_an_unquoted_n_a_is_no_value_with_a_warning_and_stays_a_division_in_a_rumus():
    spec = HEADER + """sasaran S1 "S" {
  indikator I1 "I" { satuan "%"; polaritas maksimal; target 82; realisasi n/a }
  indikator I2 "I" {
    satuan "%"
    polaritas maksimal
    target N/A
    realisasi n.a.
  }
}
"""
    for parse in (syntax.parse, syntax.parse_with_lark):
        assert parse(spec, "spec.lkj") == syntax.parse(spec, "spec.lkj")
    loaded, result = evaluate(spec)
    assert not errors(result)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("W232", "'n/a' is read as '-' (no value)"), ("W232", "'N/A' is read as '-' (no value)"),
        ("W232", "'n.a.' is read as '-' (no value)")]
    assert result.node("I1").realisasi is None and result.node("I2").target is None
    for parse in (syntax.parse_expression, syntax.parse_expression_with_lark):  # in an expression: n ÷ a
        expr = parse("n/a * 100", "t.lkj", 1, 1)
        assert (expr.left.op, expr.left.left.name, expr.left.right.name) == ("/", "n", "a")
    with i18n.using("id"):
        loaded = lkjipdsl.loads(spec, "spec.lkj")
    assert loaded.diagnostics[0].message == "'n/a' dibaca sebagai '-' (tanpa nilai)"


# ---- a zero target in a periode row follows target_nol ----
PERIOD_ZERO = HEADER + """sasaran S1 "S" {
  indikator I1 "Kegiatan posyandu" {
    satuan "kali"; polaritas maksimal
    periode bulanan gabung jumlah {
      januari 0 0
      februari 0 2
      maret 0 1
      april 10 8
    }
  }
}
"""


def test_a_zero_target_in_a_period_follows_target_nol():
    loaded, result = evaluate(PERIOD_ZERO)
    # no policy: E150 once, at februari (0 against 2); januari, 0 against 0, has no capaian and no error
    assert [(d.code, d.message) for d in result.diagnostics if d.severity == "error"] == [
        ("E150", "the target of indikator I1 for februari is zero, and no target_nol policy is declared")]
    # april, cumulative: (2 + 1 + 8) / 10 × 100 = 110
    assert [p.capaian for p in result.node("I1").periode] == [None, None, None, Decimal(110)]
    _, result = evaluate(PERIOD_ZERO.replace("tahun 2023\n", "tahun 2023\ntarget_nol 100\n"))
    assert not errors(result)
    assert [p.capaian for p in result.node("I1").periode] == [Decimal(100)] * 3 + [Decimal(110)]
    _, result = evaluate(PERIOD_ZERO.replace('polaritas maksimal', 'polaritas maksimal; target_nol kosong'))
    assert not errors(result) and [p.capaian for p in result.node("I1").periode] == [None] * 3 + [Decimal(110)]
    with i18n.using("id"):
        loaded = lkjipdsl.loads(PERIOD_ZERO, "spec.lkj")
        result = lkjipdsl.evaluate(loaded)
    assert [d.message for d in result.diagnostics if d.severity == "error"] == [
        "target indikator I1 untuk februari bernilai nol, dan belum ada ketentuan target_nol"]
