"""The rules (lkjipdsl/rules.py): capaian by polarity, caps and floors, the zero-target policies,
aggregations of a sasaran, budget percentages and roll-ups. Values pinned by hand from real
reports (see ../shared/docs/domain.md), not from the code's output."""

from decimal import Decimal

import pytest

from conftest import evaluate_text, r2


def indikator(polaritas: str, target: str, realisasi: str, extra: str = "") -> str:
    return f"""
    skala permendagri86
    sasaran S1 "Sasaran" {{
      indikator I1 "Indikator" {{
        satuan "%"
        polaritas {polaritas}
        target {target}
        realisasi {realisasi}
        {extra}
      }}
    }}
    """


@pytest.mark.parametrize(
    "polaritas,target,realisasi,expected,predikat",
    [
        ("maksimal", "95", "97,4", "102.53", "Sangat Tinggi"),  # 97.4 / 95 = 1.025263…
        ("minimal", "32", "4,88", "184.75", "Sangat Tinggi"),  # (64 − 4.88) / 32 = 1.8475 (provincial LKjIP 2015)
        ("minimal", "75", "104,7", "60.40", "Rendah"),  # (150 − 104.7) / 75 = 0.604 (kabupaten LAKIP 2014)
        ("rentang", "80..90", "92", "102.22", "Sangat Tinggi"),  # above: 92 / 90 = 1.02222…
        ("rentang", "80..90", "70", "87.50", "Tinggi"),  # below: 70 / 80 = 0.875
        ("rentang", "80..90", "85", "100.00", "Sangat Tinggi"),  # inside counts 100
        ("stabil", "100", "110", "90.00", "Tinggi"),  # (1 − |1 − 1.1|) × 100 = 90, in [76, 91)
    ],
)
def test_capaian_by_polaritas(polaritas, target, realisasi, expected, predikat):
    result = evaluate_text(indikator(polaritas, target, realisasi))
    node = result.node("I1")
    assert r2(node.capaian) == Decimal(expected)
    assert node.predikat.label == predikat


def test_lower_is_better_is_not_target_over_realisasi():
    # The wrong formula several e-SAKIP apps use (target / realisasi) would give 655.74 here.
    result = evaluate_text(indikator("minimal", "32", "4,88"))
    assert r2(result.node("I1").capaian) != Decimal("655.74")


def test_budget_percentage_and_parent_ratio_of_sums():
    result = evaluate_text("""
    program 1 "Program" {
      kegiatan 1.4 "Administrasi Umum Perangkat Daerah" {
        subkegiatan 1.4.1 "Komponen Instalasi Listrik" { anggaran 7.786.400; realisasi 7.065.000 }
        subkegiatan 1.4.2 "Bahan Logistik Kantor" { anggaran 203.263.283; realisasi 141.840.118 }
        subkegiatan 1.4.4 "Barang Cetak" { anggaran 2.755.610; realisasi 2.019.620 }
        subkegiatan 1.4.5 "Bahan Bacaan" { anggaran 6.969.600; realisasi 6.930.000 }
        subkegiatan 1.4.6 "Kunjungan Tamu" { anggaran 23.541.500; realisasi 19.677.500 }
        subkegiatan 1.4.8 "Rapat Koordinasi" { anggaran 12.458.200; realisasi 5.190.000 }
      }
    }
    """)
    kegiatan = result.node("1.4")
    assert kegiatan.anggaran == Decimal("256774593")  # seed Tabel 3.1
    assert kegiatan.realisasi_anggaran == Decimal("182722238")
    assert r2(kegiatan.capaian_anggaran) == Decimal("71.16")  # 182.722.238 / 256.774.593
    # the mean of the children's percentages (≈ 76.4) must not be what a parent shows
    children = [n for n in result.nodes if n.parent_id == "1.4"]
    mean = sum(c.capaian_anggaran for c in children) / len(children)
    assert r2(mean) != Decimal("71.16")


def test_total_budget_9715():
    result = evaluate_text("""
    program 1 "Program" { anggaran 8.624.579.558; realisasi 8.379.023.881 }
    """)
    assert r2(result.node("total").capaian_anggaran) == Decimal("97.15")  # 8.379.023.881 / 8.624.579.558


def test_mean_half_up_98575():
    # 97.15 and 100: mean 98.575 exactly; half-up gives 98.58 (float arithmetic gives 98.57)
    result = evaluate_text("""
    sasaran S1 "Sasaran" {
      indikator K "Keuangan" { satuan "%"; polaritas maksimal; target 100; realisasi 97,15 }
      indikator F "Fisik" { satuan "%"; polaritas maksimal; target 100; realisasi 100 }
    }
    """)
    capaian = result.node("S1").capaian
    assert capaian == Decimal("98.575")
    assert r2(capaian) == Decimal("98.58")


def test_half_up_where_float_rounding_fails():
    # mean of 2,01 and 0 is 1,005 exactly: half-up gives 1,01; binary floats hold 1.00499999… and round to 1.0
    result = evaluate_text("""
    sasaran S1 "Sasaran" {
      indikator A "A" { satuan "%"; polaritas maksimal; target 100; realisasi 2,01 }
      indikator B "B" { satuan "%"; polaritas maksimal; target 100; realisasi 0 }
    }
    """)
    assert result.node("S1").capaian == Decimal("1.005")
    assert r2(result.node("S1").capaian) == Decimal("1.01")
    assert round((2.01 + 0) / 2, 2) == 1.0  # the float route is wrong here


def test_weighted_minimum_and_rumus_aggregations():
    body = """
    sasaran S1 "Berbobot" {{
      agregasi {agregasi}
      indikator A "A" {{ satuan "%"; polaritas maksimal; target 100; realisasi 90; bobot 3 }}
      indikator B "B" {{ satuan "%"; polaritas maksimal; target 100; realisasi 110; bobot 1 }}
    }}
    """
    weighted = evaluate_text(body.format(agregasi="rata_rata_bobot"))
    assert weighted.node("S1").capaian == Decimal("95")  # (3×90 + 1×110) / 4
    minimum = evaluate_text(body.format(agregasi="minimum").replace("; bobot 3", "").replace("; bobot 1", ""))
    assert minimum.node("S1").capaian == Decimal("90")
    custom = evaluate_text("""
    sasaran S1 "Rumus" {
      rumus min(anak.capaian) * 0,5 + max(anak.capaian) * 0,5
      indikator A "A" { satuan "%"; polaritas maksimal; target 100; realisasi 90 }
      indikator B "B" { satuan "%"; polaritas maksimal; target 100; realisasi 110 }
    }
    """)
    assert custom.node("S1").capaian == Decimal("100")


def test_caps_and_floors_are_explicit():
    uncapped = evaluate_text(indikator("minimal", "32", "4,88"))
    assert r2(uncapped.node("I1").capaian) == Decimal("184.75")  # default: no cap
    capped = evaluate_text(indikator("minimal", "32", "4,88", "batas_atas 120"))
    node = capped.node("I1")
    assert node.capaian == Decimal("120")
    assert "batas_atas" in node.computations["capaian"].note
    floored = evaluate_text(indikator("maksimal", "100", "20", "batas_bawah 50"))
    assert floored.node("I1").capaian == Decimal("50")


@pytest.mark.parametrize("policy,expected", [("kosong", None), ("100", Decimal("100")), ("0", Decimal("0"))])
def test_zero_target_policy(policy, expected):
    result = evaluate_text(f"target_nol {policy}\n" + indikator("maksimal", "0", "5"))
    assert result.node("I1").capaian == expected
    assert not result.has_errors


def test_zero_target_without_policy_is_an_error_not_zero():
    import lkjipdsl
    from conftest import load_text

    result = lkjipdsl.evaluate(load_text(indikator("maksimal", "0", "5")))
    assert result.node("I1").capaian is None
    codes = [d.code for d in result.diagnostics]
    assert "E150" in codes


def test_missing_realisasi_gives_no_value_not_zero():
    result = evaluate_text(indikator("maksimal", "95", "-"))
    assert result.node("I1").capaian is None
    assert result.node("S1").capaian is None


# ---- the polarities: one registry entry each (lkjipdsl/polarity.py) ----

def test_each_polarity_is_one_entry_with_its_formula_and_denominator():
    from lkjipdsl.polarity import POLARITIES, capaian, polarity

    assert list(POLARITIES) == ["maksimal", "minimal", "rentang", "stabil"]
    assert polarity(None).name == "maksimal"  # an indikator that names none
    d = Decimal
    # by hand: 92 / 80 × 100 = 115; (2 × 80 − 92) / 80 × 100 = 85; (1 − |1 − 92/80|) × 100 = 85
    assert capaian("maksimal", d(80), d(92)) == 115
    assert capaian("minimal", d(80), d(92)) == 85
    assert capaian("stabil", d(80), d(92)) == 85
    # a range 80..90: inside 100; above, against the upper bound 92 / 90 × 100; below, the lower
    assert capaian("rentang", d(80), d(85), d(90)) == 100
    assert round(capaian("rentang", d(80), d(92), d(90)), 4) == d("102.2222")
    assert capaian("rentang", d(80), d(60), d(90)) == 75
    assert capaian("rentang", d(80), d(85)) is None  # no upper bound
    assert capaian("maksimal", d(0), d(5)) is None  # a zero denominator has no value here
    assert POLARITIES["rentang"].denominator(d(80), d(92), d(90)) == (d(90), "target_atas")
    assert POLARITIES["rentang"].denominator(d(80), d(85), d(90)) is None
    assert POLARITIES["minimal"].substituted(d(80), d(92), None) == "(2 × 80 − 92) / 80 × 100"


def test_the_languages_polarity_words_are_the_registrys():
    from lkjipdsl.build.vocabulary import POLARITAS
    from lkjipdsl.importer.isian import POLARITAS as IN_THE_WORKBOOK
    from lkjipdsl.polarity import POLARITIES

    assert list(POLARITAS) == list(IN_THE_WORKBOOK) == list(POLARITIES)
    assert POLARITAS["minimal"] == "lower is better: (2 × target − realisasi) / target × 100"


def test_each_aggregation_is_one_entry_read_by_the_language_the_checks_and_the_rules():
    from lkjipdsl.aggregation import AGGREGATIONS
    from lkjipdsl.build.vocabulary import AGREGASI

    assert list(AGREGASI) == list(AGGREGATIONS) == ["rata_rata", "rata_rata_bobot", "minimum", "maksimum"]
    d = Decimal
    # by hand: (90 + 120) / 2 = 105; (1 × 90 + 3 × 120) / 4 = 112,5; min 90; max 120
    assert AGGREGATIONS["rata_rata"].combine([d(90), d(120)], []) == (d(105), "(90 + 120) / 2 = 105")
    assert AGGREGATIONS["rata_rata_bobot"].combine([d(90), d(120)], [d(1), d(3)])[0] == d("112.5")
    assert AGGREGATIONS["rata_rata_bobot"].combine([d(90)], [d(0)]) is None  # weights that sum to zero
    assert AGGREGATIONS["minimum"].combine([d(90), d(120)], []) == (d(90), "minimum(90, 120) = 90")
    assert AGGREGATIONS["maksimum"].combine([d(90), d(120)], [])[0] == 120
    assert [a.name for a in AGGREGATIONS.values() if a.weighted] == ["rata_rata_bobot"]
