"""The evaluation (lkjipdsl/evaluate.py, assertions.py): periods and their cumulative
percentages, printed figures compared at the precision they were printed, the predikat a scale
gives, the findings of review rules. Values pinned by hand from real reports (see
../shared/docs/domain.md), not from the code's output."""

from decimal import Decimal

from conftest import evaluate_text, r2


def test_periods_cumulative_percentages_craapk():
    # seed CRAAPK, Program Penyelenggaraan Pemerintahan dan Pelayanan Publik: cumulative plan and realisation
    result = evaluate_text("""
    program 2 "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik" {
      anggaran 167.594.380
      periode bulanan gabung terakhir {
        januari 8.861.387 -
        pebruari 28.224.569 17.706.562
        maret 39.885.951 17.706.562
      }
    }
    """)
    rows = {row.periode: row for row in result.node("2").periode}
    assert rows["januari"].capaian is None
    assert r2(rows["februari"].capaian) == Decimal("62.73")  # 17.706.562 / 28.224.569
    assert r2(rows["maret"].capaian) == Decimal("44.39")  # 17.706.562 / 39.885.951


def test_periods_combine_into_the_year():
    result = evaluate_text("""
    sasaran S1 "S" {
      indikator I1 "Jumlah" {
        satuan "kegiatan"; polaritas maksimal
        periode triwulanan gabung jumlah { tw1 2 1; tw2 2 3; tw3 3 3; tw4 3 - }
      }
    }
    """)
    node = result.node("I1")
    assert node.target == Decimal("10")  # 2 + 2 + 3 + 3
    assert node.realisasi == Decimal("7")  # 1 + 3 + 3
    assert node.capaian == Decimal("70")
    cumulative = [r.capaian for r in node.periode]
    assert cumulative[:3] == [Decimal("50"), Decimal("100"), Decimal("100")]  # 1/2, 4/4, 7/7


def test_assertions_compare_at_printed_precision():
    result = evaluate_text("""
    program 1 "P" {
      kegiatan 1.1 "K" {
        subkegiatan 1.1.1 "Penyusunan Dokumen" { anggaran 58.433.680; realisasi 57.275.009 }
        subkegiatan 1.1.2 "Koordinasi Laporan" { anggaran 577.700; realisasi 486.400 }
        tercetak serapan 97,88 "Tabel 3.2"
        tercetak anggaran 59.011.380 "Tabel 3.2"
        tercetak serapan 98,12 "Tabel 3.1"
      }
    }
    """)
    by_source = {(a.field, a.source, a.printed_text): a for a in result.assertions}
    # 57.761.409 / 59.011.380 = 97.8818… → prints 97,88; Tabel 3.1 printed 98,12 for the same figures
    assert by_source[("serapan", "Tabel 3.2", "97,88")].ok
    assert by_source[("anggaran", "Tabel 3.2", "59.011.380")].ok
    wrong = by_source[("serapan", "Tabel 3.1", "98,12")]
    assert not wrong.ok and r2(wrong.computed) == Decimal("97.88")


def test_scale_sees_rounded_value_by_default():
    body = """
    skala tiga_tingkat
    sasaran S1 "S" {{
      indikator I1 "I" {{ satuan "%"; polaritas maksimal; target 100000; realisasi 99999,6 }}
    }}
    {extra}
    """
    rounded = evaluate_text(body.format(extra=""))
    assert r2(rounded.node("I1").capaian) == Decimal("100.00")
    assert rounded.node("I1").predikat.label == "Sesuai Target"  # 99.9996 is printed 100,00
    exact = evaluate_text(body.format(extra="""
    skala ketat "Tepat" {
      presisi tepat
      pita "Belum" < 100 warna merah
      pita "Sesuai" = 100 warna hijau
      pita "Lebih" > 100 warna biru
    }""").replace("skala tiga_tingkat", "skala ketat"))
    assert exact.node("I1").predikat.label == "Belum"


def test_rule_findings_with_message():
    result = evaluate_text("""
    program 1 "P" {
      kegiatan 1.1 "K" {
        subkegiatan 1.1.1 "Laporan Akhir Tahun" { anggaran 1.486.980; realisasi 742.500 }
        subkegiatan 1.1.2 "Gaji" { anggaran 100; realisasi 99 }
      }
    }
    aturan serapan_rendah "Serapan di bawah 50%" {
      untuk subkegiatan
      jika serapan < 50
      pesan "{kode} {nama}: serapan {serapan}% dari {anggaran}"
      tingkat galat
    }
    """)
    assert [f.node_id for f in result.findings] == ["1.1.1"]
    assert result.findings[0].message == "1.1.1 Laporan Akhir Tahun: serapan 49,93% dari 1.486.980"
    assert result.findings[0].severity == "error"


def test_a_dokumens_jenis_is_read_as_its_own_field_and_written_as_schema_1_writes_it():
    import json

    import lkjipdsl

    text = """\
instansi "Kecamatan Contoh"
tahun 2023
renstra 2023..2026
dokumen RS "Renstra 2023-2026" { jenis renstra
  program 1 "Program" { anggaran 1.000 } }
dokumen R22 "Realisasi 2022" { tahun 2022
  program 1 "Program" { anggaran 900; realisasi 800 } }
"""
    result = lkjipdsl.evaluate(lkjipdsl.loads(text))
    assert [(n.id, n.jenis) for n in result.nodes if n.kind == "dokumen"] == [("RS", "renstra"), ("R22", "realisasi")]
    assert result.node("RS/1").jenis is None
    written = {n["id"]: n for n in json.loads(result.model_dump_json())["nodes"]}
    assert written["RS"]["keterangan"] == "renstra" and "jenis" not in written["RS"]
