"""Constructs that published LKjIPs print and a spec must be able to say (issue "What real reports
print"): each with values computed by hand in the docstring or the comment beside it."""

from __future__ import annotations

from decimal import Decimal

import lkjipdsl
from lkjipdsl import cli, i18n


def evaluate(text: str):
    with i18n.using("en"):
        loaded = lkjipdsl.loads(text, "spec.lkj")
        return loaded, lkjipdsl.evaluate(loaded)


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
