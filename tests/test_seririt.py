"""The LKjIP 2023 of Kecamatan Seririt (specs/seririt-2023.lkj): values derived by hand from the
report, every rendered table and the complete list of findings pinned as golden files, and the
rendered tables checked against the figures the report printed where those agree."""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import lkjipdsl
from golden import check_golden
from lkjipdsl.cli import main
from lkjipdsl.numbers import parse_number
from lkjipdsl.render.report_tables import REPORT_BUILDERS
from lkjipdsl.render.tables import BUILDERS
from lkjipdsl.render.text import render_table

ROOT = Path(__file__).resolve().parent.parent
SPEC = "specs/seririt-2023.lkj"


@pytest.fixture(scope="module")
def result():
    loaded = lkjipdsl.load(ROOT / SPEC)
    assert loaded.ok, [d.message for d in loaded.diagnostics if d.is_error]
    return lkjipdsl.evaluate(loaded)


def r2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_totals_and_headline_figures(result):
    total = result.node("total")
    assert total.anggaran == Decimal("8624579558")  # printed everywhere; the rows add up to it
    # The rows add up to 8.371.823.881, not the printed 8.379.023.881: kegiatan 6.2's three sub
    # kegiatan give 255.852.900 + 9.476.057 + 10.496.900 = 275.825.857, printed as 283.025.857.
    assert result.node("6.2").realisasi_anggaran == Decimal("275825857")
    assert total.realisasi_anggaran == Decimal("8379023881") - Decimal("7200000")
    assert r2(total.serapan) == Decimal("97.07")  # 8.371.823.881 / 8.624.579.558
    assert total.capaian_output == Decimal("100")  # every row's output is 100 %
    # The narrative's 98,58 % is (keuangan + fisik) / 2; with the rows' total it is 98,53.
    assert r2(result.node("capaian_sasaran").nilai) == Decimal("98.53")
    assert total.jumlah == {"jumlah_program": 7, "jumlah_kegiatan": 18, "jumlah_subkegiatan": 58,
                            "jumlah_sasaran": 3, "jumlah_indikator": 4}


@pytest.mark.parametrize("node_id,anggaran,realisasi,serapan", [
    ("1", "6942171920", "6811854166", "98.12"),  # Tabel 3.6 program 1, which agrees with its rows
    ("1.1", "84599729", "84057878", "99.36"),    # Tabel 3.6; Tabel 3.1 prints 2022's 59.011.380
    ("1.2", "6036019536", "5998034108", "99.37"),
    ("1.4", "256774593", "182722238", "71.16"),  # ratio of sums; the mean of the rows is ≈ 76,4
    ("1.6", "99111356", "97175500", "98.05"),
    ("2", "208802239", "205712070", "98.52"),
    ("2.2.3", "120495239", "119017820", "98.77"),  # Tabel 3.1 prints 98,13
    ("4", "164017533", "163938552", "99.95"),
    ("5.1", "210109329", "189962076", "90.41"),
    ("5.1.13", "28226450", "9947000", "35.24"),
    ("7", "572061550", "510460150", "89.23"),
])
def test_budget_rows(result, node_id, anggaran, realisasi, serapan):
    node = result.node(node_id)
    assert node.anggaran == Decimal(anggaran)
    assert node.realisasi_anggaran == Decimal(realisasi)
    assert r2(node.capaian_anggaran) == Decimal(serapan)


def test_earlier_years_and_renstra(result):
    # 2020 (old nomenclature) reconciles: its rows give the printed Jumlah exactly.
    assert result.node("th2020").anggaran == Decimal("2005500000")
    assert result.node("th2020").realisasi_anggaran == Decimal("1990910833")
    # 2021's printed Jumlah (7.085.545.401) leaves out the kelurahan Penunjang rows (319.812.136).
    assert result.node("th2021").anggaran == Decimal("7085545401") + Decimal("319812136")
    # 2022's printed Jumlah (8.753.240.556) leaves out Pengadaan BMD (791.280.707).
    assert result.node("th2022").anggaran == Decimal("8753240556") + Decimal("791280707")
    # The Renstra Rp adds up: 155 + 1.100 + 160 + 200 + 6.485 million = 8.100.000.000.
    assert result.node("renstra").anggaran == Decimal("8100000000")
    # Realisasi 2023 of program 2 against its Renstra Rp: 205.712.070 / 155.000.000 = 132,72 %.
    assert r2(result.node("renstra/1").capaian_renstra) == Decimal("132.72")


def test_craapk_months(result):
    months = {p.periode: p for p in result.node("th2022/2").periode}
    assert months["januari"].capaian is None
    assert r2(months["februari"].capaian) == Decimal("62.73")  # 17.706.562 / 28.224.569
    assert r2(months["oktober"].capaian) == Decimal("88.95")   # 114.917.422 / 129.199.225


def test_efficiency_verdicts(result):
    # capaian output 100 − serapan: 1.2.2 100 − 100,00 = 0 → cukup; 5.1.13 100 − 35,24 = 64,76 → efisien
    assert result.node("1.2.2").efisiensi.label == "Cukup Efisien"
    assert result.node("5.1.13").efisiensi.label == "Efisien"
    assert r2(result.node("5.1.13").efisiensi.selisih) == Decimal("64.76")
    assert result.node("6.3.1").efisiensi is None  # no realisasi, no verdict


def test_disagreements_by_kind(result):
    kinds = Counter(a.kind for a in result.failed_assertions)
    assert kinds == {"baris_lain": 40, "kode": 27, "jumlah_tidak_cocok": 13, "angka_beda": 10, "hitungan": 5,
                     "identitas": 5, "nama": 5, "persen_tidak_cocok": 5, "persen_beda": 3, "angka_rusak": 2,
                     "satuan": 1}
    malformed = [a for a in result.failed_assertions if a.kind == "angka_rusak"]
    assert {a.printed_text for a in malformed} == {"6.5025.000", "Laporan"}


def test_check_golden(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["check", SPEC, "--lang", "en"]) == 1
    check_golden("seririt/check.txt", capsys.readouterr().out)


@pytest.mark.parametrize("name", sorted(set(REPORT_BUILDERS) | set(BUILDERS)))
def test_table_golden(result, name):
    table = {**BUILDERS, **REPORT_BUILDERS}[name](result)
    check_golden(f"seririt/{name}.txt", render_table(table, "text"))


def _cell_value(text: str) -> Decimal | None:
    text = text.strip()
    return None if text in ("", "-") else parse_number(text).value


def test_tabel_3_1_reproduces_every_printed_figure_that_agrees(result):
    """Where Tabel 3.1's printed figure agrees with the kept value, the rendered row shows it."""
    table = REPORT_BUILDERS["tabel-3.1"](result)
    rows = {row[0] or ("total" if row[1] == "Jumlah" else ""): row for row in table.rows}
    column = {"anggaran": 2, "realisasi": 3, "serapan": 4, "capaian_output": 5}
    checked = 0
    failed_rows = {(a.node_id, a.source) for a in result.failed_assertions}
    skipped = set()
    for a in result.assertions:
        if not (a.ok and a.source and a.source.startswith("Tabel 3.1") and a.field in column):
            continue
        row = rows[a.node_id]  # a program's pagu too: its row carries its totals
        shown = _cell_value(row[column[a.field]])
        decimals = max(0, -a.printed.as_tuple().exponent) if a.printed is not None else 0
        printed = a.printed
        same = (shown is None and printed is None) or (
            shown is not None and shown.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) == printed)
        if not same and a.field == "serapan" and (a.node_id, a.source) in failed_rows:
            # the % agrees with the row's own printed figures, but those are not the row's sums
            skipped.add(a.node_id)
            continue
        assert same, (a.node_id, a.field, row[column[a.field]], a.printed_text)
        checked += 1
    assert checked > 180  # nearly every figure of the table
    # Only kegiatan 6.2 prints a self-consistent row (283.025.857 / 290.792.508 = 97,33 %) whose
    # realisasi its sub kegiatan do not add up to (275.825.857 → 94,85 %).
    assert skipped == {"6.2"}


def _reproduces(result, table_name, source_prefix, columns, row_of):
    """Every passing printed figure from `source_prefix` is shown, at its precision, by the table."""
    table = REPORT_BUILDERS[table_name](result)
    failed_rows = {(a.node_id, a.source) for a in result.failed_assertions}
    checked, skipped = 0, set()
    for a in result.assertions:
        if not (a.ok and a.printed is not None and a.source and a.source.startswith(source_prefix)
                and a.field in columns):
            continue
        row = row_of(table, a.node_id)
        if row is None:
            continue
        shown = _cell_value(row[columns[a.field](a.node_id)])
        decimals = max(0, -a.printed.as_tuple().exponent)
        same = shown is not None and shown.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) == a.printed
        if not same and a.field == "serapan" and (a.node_id, a.source) in failed_rows:
            skipped.add(a.node_id)  # agrees with its own printed figures, which are not the row's sums
            continue
        assert same, (table_name, a.node_id, a.field, a.printed_text)
        checked += 1
    return checked, skipped


def test_tabel_3_6_reproduces_its_printed_figures(result):
    def row_of(table, node_id):
        return next((r for r in table.rows if r[0] == node_id or (node_id == "total" and r[1] == "Jumlah")), None)

    columns = {"anggaran": lambda _: 2, "realisasi": lambda _: 3, "serapan": lambda _: 4}
    checked, skipped = _reproduces(result, "tabel-3.6", "Tabel 3.6", columns, row_of)
    assert checked == 125  # every anggaran, realisasi and % the table prints, but the three above
    assert skipped == {"6", "6.2"}  # the 7.200.000 that no sub kegiatan of 6.2 holds


def test_tabel_3_2_reproduces_earlier_years(result):
    years = sorted(n.tahun for n in result.nodes if n.kind == "dokumen" and n.keterangan == "realisasi")
    by_id = {n.id: n for n in result.nodes}

    def row_of(table, node_id):
        node = by_id[node_id]
        if node.sama_dengan or node.dokumen is None:  # on the row of this year's item
            current = by_id[node.sama_dengan or node_id]
            return next((r for r in table.rows if r[0] == current.id and r[1].strip() == current.name), None)
        year = by_id[node.dokumen].tahun  # a row of its own, numbered by its code, named with its year
        return next((r for r in table.rows if r[0] == node_id.rpartition("/")[2]
                     and r[1].strip().startswith(f"{node.name} ({year},")), None)

    def offset(node_id):
        year = by_id[by_id[node_id].dokumen].tahun
        return 2 + 3 * years.index(year)

    columns = {"anggaran": offset, "realisasi": lambda i: offset(i) + 1, "serapan": lambda i: offset(i) + 2}
    checked, skipped = _reproduces(result, "tabel-3.2", "Tabel 3.2", columns, row_of)
    assert checked == 214
    assert skipped == set()
