"""The build stage (lkjipdsl/build/): the syntax tree made a typed spec (lkjipdsl/model.py),
numbers exact with the text they were written as, blocks nested as written, declarations and
choices kept apart. Its diagnostics in both languages: tests/test_i18n_build.py."""

from __future__ import annotations

from decimal import Decimal

import lkjipdsl

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def test_declaring_a_scale_and_choosing_it_is_not_a_repeated_key():
    loaded = lkjipdsl.loads(HEAD + '''skala lokal {
  pita "Rendah" < 50 warna merah
  pita "Tinggi" >= 50 warna hijau
}
skala lokal
''', "ok.lkj")
    assert loaded.diagnostics == []


def test_numbers_are_exact_and_keep_the_text_they_were_written_as():
    loaded = lkjipdsl.loads(HEAD + '''sasaran S1 "Pelayanan" {
  indikator IKM "Indeks Kepuasan" { satuan "%"; polaritas maksimal; target 95; realisasi 97,4 }
}
program 1 "Program" { anggaran 8.624.579.558; realisasi 8.379.023.881 }
''')
    assert loaded.diagnostics == []
    [indikator] = loaded.spec.sasaran[0].indikator
    assert (indikator.realisasi.value, indikator.realisasi.text) == (Decimal("97.4"), "97,4")
    assert (indikator.target.value, indikator.polaritas, indikator.satuan) == (Decimal(95), "maksimal", "%")
    [program] = loaded.spec.programs
    assert program.anggaran.value == Decimal(8_624_579_558) and program.anggaran.text == "8.624.579.558"
    assert program.realisasi.value == Decimal(8_379_023_881)


def test_the_budget_tree_nests_as_its_blocks_do():
    loaded = lkjipdsl.loads(HEAD + '''program 1 "Penunjang" {
  kegiatan 1.2 "Administrasi Keuangan" {
    subkegiatan 1.2.4 "Laporan Keuangan" { anggaran 1.486.980; realisasi 742.500 }
    subkegiatan 1.2.5 "Gaji" { anggaran 100.000; realisasi 99.000 }
  }
}
''')
    assert loaded.diagnostics == []
    [program] = loaded.spec.programs
    [kegiatan] = program.children
    assert (program.kind, program.code, kegiatan.kind, kegiatan.parent_id) == ("program", "1", "kegiatan", "1")
    assert [(s.kind, s.code, s.parent_id) for s in kegiatan.children] == [
        ("subkegiatan", "1.2.4", "1.2"), ("subkegiatan", "1.2.5", "1.2")]
    assert [node.code for node in loaded.spec.budget_nodes()] == ["1", "1.2", "1.2.4", "1.2.5"]
