"""A ratio as reports print one (`realisasi 1:17,9`): read as its second term over its first,
computed with that value, shown as written; malformed ratios reported with a hint."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import openpyxl

import lkjipdsl
from lkjipdsl import cli, i18n, syntax
from lkjipdsl.exact import divide
from lkjipdsl.fmt import format_source
from lkjipdsl.numbers import NumberError, parse_number
from lkjipdsl.render.formats import render

RATIOS = """instansi "Kecamatan Contoh"
tahun 2023
sasaran S1 "Meningkatnya mutu pendidikan dasar" {
  indikator IK1 "Rasio guru terhadap murid SD" {
    satuan "murid per guru"; polaritas minimal
    target 1:20
    realisasi 1:17,9
    riwayat 2022 target 1:20 realisasi 1:21
    renstra akhir target 1:25
    tercetak realisasi 1:17,9 "Tabel 3.1"
  }
  indikator IK2 "Rasio ruang kelas terhadap rombongan belajar" {
    satuan "rasio"; polaritas maksimal
    target 3:4
    realisasi 2 : 3
  }
  indikator IK3 "Rasio posyandu terhadap balita" {
    satuan "balita per posyandu"; polaritas minimal
    periode triwulanan gabung terakhir {
      tw1 1:50 1:40
      tw2 target 1:50 realisasi 45
    }
  }
}
"""


def evaluate(text: str):
    with i18n.using("en"):
        loaded = lkjipdsl.loads(text, "spec.lkj")
        return loaded, lkjipdsl.evaluate(loaded)


def test_a_ratio_is_its_second_term_over_its_first():
    assert parse_number("1:17,9").value == Decimal("17.9")
    assert parse_number("2:3").value == Decimal("1.5")
    assert parse_number("3:2").value == divide(Decimal(2), Decimal(3))  # 0,666… as every quotient
    assert parse_number("1 : 20").value == Decimal(20)
    assert parse_number("1:0").value == 0  # a second term of zero is the value zero
    assert parse_number("1:30.000").value == Decimal(30000)  # each term in the file's convention
    assert parse_number("1:30.000", "internasional").value == Decimal(30)
    for malformed in ("0:5", "1:2:3", "1:", "-1:5", "1:-5", "Rp 1:2", "1:2%", "1:2,-"):
        try:
            parse_number(malformed)
        except NumberError as exc:
            assert exc.code == "E105" and exc.hints, malformed
        else:
            raise AssertionError(f"{malformed} was read")


def test_ratios_compute_with_their_values_and_keep_what_was_written():
    loaded, result = evaluate(RATIOS)
    assert loaded.ok and not result.diagnostics, result.diagnostics
    ik1, ik2, ik3 = result.node("IK1"), result.node("IK2"), result.node("IK3")
    # minimal: (2 × 20 − 17,9) / 20 × 100 = 110,5; 2022: (2 × 20 − 21) / 20 × 100 = 95
    assert (ik1.target, ik1.realisasi, ik1.capaian) == (Decimal(20), Decimal("17.9"), Decimal("110.5"))
    assert (ik1.target_tertulis, ik1.realisasi_tertulis) == ("1:20", "1:17,9")
    year = ik1.riwayat[0]
    assert (year.capaian, year.target_tertulis, year.realisasi_tertulis) == (Decimal(95), "1:20", "1:21")
    # against the Renstra's 1:25, minimal: (2 × 25 − 17,9) / 25 × 100 = 128,4
    assert (ik1.capaian_renstra, ik1.target_renstra, ik1.target_renstra_tertulis) == (Decimal("128.4"), 25, "1:25")
    assert ik1.renstra[0].target_tertulis == "1:25"
    # maksimal: 2:3 = 1,5 against 3:4 = 4/3: 1,5 / (4/3) × 100 = 112,5
    assert ik2.realisasi == Decimal("1.5") and ik2.target == divide(Decimal(4), Decimal(3))
    assert round(ik2.capaian, 10) == Decimal("112.5") and ik2.realisasi_tertulis == "2 : 3"
    # periods, minimal, each period on its own (terakhir): (2 × 50 − 40) / 50 × 100 = 120, (100 − 45) / 50 = 110
    tw1, tw2 = ik3.periode
    assert (tw1.capaian, tw1.target_tertulis, tw1.realisasi_tertulis) == (Decimal(120), "1:50", "1:40")
    assert (tw2.capaian, tw2.target_tertulis, tw2.realisasi_tertulis) == (Decimal(110), "1:50", None)
    assert [(a.field, a.ok, a.printed_text) for a in result.assertions if a.node_id == "IK1"] == [
        ("realisasi", True, "1:17,9")]
    plain = result.node("S1")
    assert plain.target_tertulis is None and plain.realisasi_tertulis is None


def test_both_parsers_and_fmt_read_a_ratio_as_one_number():
    trees = syntax.parse(RATIOS, "spec.lkj")
    assert syntax.parse_with_lark(RATIOS, "spec.lkj") == trees
    assert format_source(RATIOS).count("realisasi 2 : 3") == 1 and "1:17,9" in format_source(RATIOS)


def test_every_table_shows_the_ratio_as_written():
    _, result = evaluate(RATIOS)
    text = render(result, "text", lang="en")[0]
    assert "1:17,9" in text and "1:20" in text and "2 : 3" in text and "1:25" in text and "17.9" not in text
    assert "1:17,9" in render(result, "csv", ["capaian"], lang="id")[0]
    assert "1:40" in render(result, "text", ["periode"], lang="id")[0]
    workbook = io.BytesIO()
    render(result, "xlsx", lang="id", charts=False)[0](workbook)
    book = openpyxl.load_workbook(io.BytesIO(workbook.getvalue()))
    cells = {cell.value for sheet in book for row in sheet.iter_rows() for cell in row}
    assert {"1:20", "1:17,9", "3:4", "2 : 3"} <= cells
    data = json.loads(result.model_dump_json())
    ik1 = next(node for node in data["nodes"] if node["id"] == "IK1")
    assert (ik1["realisasi"], ik1["realisasi_tertulis"], ik1["target_tertulis"]) == ("17.9", "1:17,9", "1:20")
    assert ik1["riwayat"][0]["realisasi_tertulis"] == "1:21"


def test_a_ratio_whose_quotient_does_not_end_has_the_json_precision_of_every_number():
    # 3:4 is 4/3 = 1,3333…: exact in the records, 10 decimals half-up in the JSON, as a capaian is
    from lkjipdsl.render.text import render_json

    _, result = evaluate(RATIOS)
    assert result.node("IK2").target == divide(Decimal(4), Decimal(3))
    for written in (result.model_dump_json(), render_json(result)):
        ik2 = next(node for node in json.loads(written)["nodes"] if node["id"] == "IK2")
        assert (ik2["target"], ik2["target_tertulis"]) == ("1.3333333333", "3:4")
        assert (ik2["realisasi"], ik2["realisasi_tertulis"]) == ("1.5", "2 : 3")
        # polaritas maksimal: 1,5 / (4/3) × 100 = 112,5 exactly
        assert ik2["capaian"] == "112.5"


def test_a_ratio_without_its_first_term_and_a_key_with_a_colon(tmp_path, capsys):
    spec = tmp_path / "spec.lkj"
    spec.write_text(RATIOS.replace("realisasi 1:17,9", "realisasi :17,9"), encoding="utf-8")
    assert cli.main(["check", str(spec), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "E001" in out and "hint: a ratio is written with both its terms, as the report prints it: 1:17,9" in out
    assert cli.main(["check", str(spec), "--lang", "id"]) == 1
    assert "rasio ditulis dengan kedua sukunya, seperti tercetak di laporan: 1:17,9" in capsys.readouterr().out
    spec.write_text(RATIOS.replace("target 1:20", "target: 20", 1), encoding="utf-8")  # a key with ':'
    assert cli.main(["check", str(spec), "--lang", "en"]) == 1
    assert "write 'key value', without ':'" in capsys.readouterr().out


def test_malformed_ratios_in_both_languages():
    spec = RATIOS.replace("target 1:20\n", "target 0:20\n", 1).replace("realisasi 2 : 3", "realisasi 2:3:4")
    with i18n.using("en"):
        messages = [(d.code, d.message, d.hints) for d in lkjipdsl.loads(spec, "spec.lkj").diagnostics]
    assert messages == [
        ("E105", "'0:20' has no value: its first term is zero, and a ratio is read as its second term over its first",
         ("write '-' if the report gives no ratio, or the ratio as printed",)),
        ("E105", "'2:3:4' is not a ratio: a ratio has two terms, not 3",
         ("write the ratio with its two terms as the report prints it, e.g. 1:17,9",))]
    with i18n.using("id"):
        messages = [d.message for d in lkjipdsl.loads(spec, "spec.lkj").diagnostics]
    assert messages == ["'0:20' tidak bernilai: suku pertamanya nol, padahal rasio dibaca sebagai suku kedua dibagi "
                        "suku pertama", "'2:3:4' bukan rasio: rasio terdiri atas dua suku, bukan 3"]


def test_a_ratio_term_whose_notation_is_in_doubt_is_said_and_nothing_breaks():
    spec = RATIOS.replace("target 1:20\n", "target 1:1,500\n", 1)
    loaded, result = evaluate(spec)
    # 1:1,500 under angka indonesia is 1,5 pupils per teacher; the term is in doubt (W214), as a number would be
    assert [d.code for d in loaded.diagnostics] == ["W214"]
    assert "'1,500' is read as 1,5" in loaded.diagnostics[0].message
    assert result.node("IK1").target == Decimal("1.5") and result.node("IK1").target_tertulis == "1:1,500"


def test_a_ratio_cell_of_an_international_workbook_is_written_in_the_specs_notation():
    from lkjipdsl.importer.cells import CellReader
    from lkjipdsl.importer.sheets import Sheet

    sheet = Sheet("Sasaran & Indikator", "isian.xlsx", {1: {1: "1 : 17.9", 2: "1:1,500"}})
    reader = CellReader("internasional")
    assert [reader.number(sheet, 1, column) for column in (1, 2)] == [(True, Decimal("17.9")), (True, Decimal(1500))]
    assert [reader.number(sheet, 1, column)[1].text for column in (1, 2)] == ["1:17,9", "1:1.500"]
