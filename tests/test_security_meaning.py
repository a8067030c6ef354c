"""Hostile specs that read well but mean nothing, or cost work after reading (docs/security.md, S20
and S21): negative targets and pagu, crossed caps, many rumus cycles, long rumus chains,
thousands of unknown names with their did-you-mean hints, `explain` of a deep chain (the
ordering of a graph with thousands of cycles: tests/test_graph.py).

Each case checks the exit status, the code, the message and where it points; the work is bounded
by counting (comparisons, lookups, stack depth), never by timing (bench/hostile_meaning.py
measures the times)."""

from __future__ import annotations

import difflib
import random
import string
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import Limits, cli, hints, i18n
from lkjipdsl.explain import explain

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import hostile_meaning  # noqa: E402
from recursion import recursion_headroom  # noqa: E402

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted here in English, the language they are written in (their
    Indonesian texts: tests/test_broken.py's .id.expected files, tests/test_i18n_*.py)."""
    with i18n.using("en"):
        yield


def run(tmp_path: Path, capsys, text: str, *args: str) -> tuple[int, str, str]:
    """`lkjipdsl ARGS` on a spec written to tmp_path; the spec must stay as it was and nothing
    else may appear beside it (the output is only what the command prints)."""
    path = tmp_path / "spec.lkj"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    command, *rest = args
    status = cli.main([command, str(path), *rest])
    captured = capsys.readouterr()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.lkj"]
    return status, captured.out, captured.err


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def where(diagnostic) -> tuple[int, int]:
    span = diagnostic.span
    return span.line, span.column


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """(line, column) of the occurrence-th `needle` in text, both counted from 1."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def indikator(body: str, sasaran_extra: str = "") -> str:
    return HEAD + f'sasaran S1 "Sasaran" {{\n{sasaran_extra}  indikator I1 "Indikator" {{ {body} }}\n}}\n'


def capaian(text: str, item: str = "I1") -> Decimal | None:
    result = lkjipdsl.evaluate(lkjipdsl.loads(text))
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics
    return next(n for n in result.nodes if n.id == item).capaian


# ---- 1. numbers that make no sense ----

@pytest.mark.parametrize("polaritas, formula", [
    ("maksimal", "realisasi / target × 100"),
    ("minimal", "(2 × target − realisasi) / target × 100"),
])
def test_a_negative_target_is_an_error_naming_the_formula_it_would_invert(tmp_path, capsys, polaritas, formula):
    text = indikator(f'satuan "%"; polaritas {polaritas}; target -100; realisasi -50')
    loaded = lkjipdsl.loads(text)
    (problem,) = loaded.diagnostics
    assert problem.code == "E152"
    assert problem.message == (f"the target of indikator I1 is negative (-100): the capaian is {formula}, so a "
                               "better realisasi would give a lower capaian")
    assert where(problem) == position(text, "-100")
    assert "rumus 100 + (" in problem.hints[0]
    status, out, err = run(tmp_path, capsys, text, "check", "--lang", "en")
    assert status == 1 and "spec.lkj:{}:{}: error[E152]".format(*position(text, "-100")) in out
    status, out, err = run(tmp_path, capsys, text, "eval")
    assert status == 1 and out == ""  # no table with an inverted capaian


def test_the_inversion_the_error_prevents():
    """What the review saw: beating a target of -100 (realisasi -50) gave 50 %, falling short
    (-150) gave 150 %. The formula itself, so the error's reason is pinned by arithmetic."""
    from lkjipdsl.polarity import capaian as polarity_capaian

    assert polarity_capaian("maksimal", Decimal(-100), Decimal(-50)) == Decimal(50)
    assert polarity_capaian("maksimal", Decimal(-100), Decimal(-150)) == Decimal(150)


def test_a_range_with_a_negative_bound_and_the_targets_of_periods_and_earlier_years():
    text = (HEAD + 'sasaran S1 "S" {\n'
            '  indikator R "R" { satuan "%"; polaritas rentang; target -5..5; realisasi -7 }\n'
            '  indikator P "P" { satuan "%"; polaritas maksimal; target 5; realisasi 4\n'
            '    riwayat 2022 target -1 realisasi 3\n'
            '    periode triwulanan gabung rata_rata { tw1 -1 2; tw2 4 5 } }\n'
            '}\n')
    found = [(d.code, d.message.split(":")[0], where(d)) for d in lkjipdsl.loads(text).diagnostics]
    assert found == [
        ("E152", "the lower bound of the target of indikator R is negative (-5)", position(text, "-5..5")),
        ("E152", "the target of riwayat 2022 of indikator P is negative (-1)", position(text, "-1")),
        ("E152", "the target of tw1 of indikator P is negative (-1)", position(text, "-1", 2)),
    ]


def test_stabil_keeps_its_meaning_below_zero():
    """(1 − |1 − r/t|) × 100 with t = −2, r = −2,5: r/t = 1,25, so 100 − 25 = 75."""
    assert capaian(indikator('satuan "%"; polaritas stabil; target -2; realisasi -2,5')) == Decimal(75)


def test_a_rumus_says_how_a_negative_target_is_measured():
    """The hint's formula: 100 + (r − t) / |t| × 100 with t = −2, r = −1: 100 + 1/2 × 100 = 150."""
    text = indikator('satuan "%"; target -2; realisasi -1; rumus 100 + (realisasi - target) / abs(target) * 100')
    assert capaian(text) == Decimal(150)


def test_a_negative_realisasi_against_a_positive_target_is_accepted():
    """−2 / 5 × 100 = −40: short of the target, and a better realisasi gives more."""
    assert capaian(indikator('satuan "%"; polaritas maksimal; target 5; realisasi -2')) == Decimal(-40)


def test_a_negative_pagu_output_target_or_efisiensi_threshold_is_an_error(tmp_path, capsys):
    text = (HEAD + "efisiensi -5\n"
            'program 1 "Program" {\n'
            '  kegiatan 1.1 "A" { anggaran -1.000.000; realisasi 10 }\n'
            '  kegiatan 1.2 "B" { anggaran 1.000; realisasi 10; output target -12 realisasi 10\n'
            '    riwayat 2022 anggaran -400 realisasi 10\n'
            '    renstra akhir target 1 anggaran -9 }\n'
            '}\n')
    loaded = lkjipdsl.loads(text)
    found = [(d.code, d.message, where(d)) for d in loaded.diagnostics]
    pagu = ": a pagu cannot be below zero, and the serapan is divided by it"
    assert found == [
        ("E152", "the efisiensi threshold is negative (-5): it is a distance either way from zero",
         position(text, "-5")),
        ("E152", "the anggaran (pagu) of kegiatan 1.1 is negative (-1.000.000)" + pagu, position(text, "-1.000.000")),
        ("E152", "the output target of kegiatan 1.2 is negative (-12): the capaian output is divided by it, so "
                 "more output would give less", position(text, "-12")),
        ("E152", "the anggaran of riwayat 2022 of kegiatan 1.2 is negative (-400)" + pagu, position(text, "-400")),
        ("E152", "the anggaran of renstra akhir of kegiatan 1.2 is negative (-9)" + pagu, position(text, "-9")),
    ]
    assert loaded.diagnostics[0].hints == ("write efisiensi 5: a difference above +5 points is Efisien, "
                                           "below −5 Tidak Efisien",)
    status, out, err = run(tmp_path, capsys, text, "check", "--lang", "en")
    assert status == 1 and out.count("error[E152]") == 5


def test_a_negative_realisasi_anggaran_is_a_warning_and_the_serapan_keeps_its_sign(tmp_path, capsys):
    text = HEAD + 'program 1 "Program" {\n  kegiatan 1.1 "A" { anggaran 1.000.000; realisasi -25.000 }\n}\n'
    result = lkjipdsl.evaluate(lkjipdsl.loads(text))
    (problem,) = [d for d in result.diagnostics]
    assert (problem.code, problem.severity) == ("W213", "warning")
    assert problem.message == "the realisasi of kegiatan 1.1 is negative (-25.000)"
    assert (problem.location.line, problem.location.column) == position(text, "-25.000")
    node = next(n for n in result.nodes if n.id == "1.1")
    assert node.capaian_anggaran == Decimal(-25_000) / Decimal(1_000_000) * 100  # −2,5
    status, out, err = run(tmp_path, capsys, text, "check", "--lang", "en")
    assert status == 0 and "warning[W213]" in out  # warnings never change the exit status


@pytest.mark.parametrize("settings, own, message, at", [
    ("batas_atas 100\nbatas_bawah 120\n", "", "batas_atas 100 (line 3) is below batas_bawah 120 (line 4) for the "
     "whole file: a capaian cannot be capped at 100 and raised to 120 at once", "100"),
    ("batas_atas 100\n", "; batas_bawah 130", "batas_atas 100 (line 3) is below batas_bawah 130 (line 5) for "
     "indikator I1: a capaian cannot be capped at 100 and raised to 130 at once", "130"),
    ("", "; batas_atas 110; batas_bawah 130", "batas_atas 110 (line 4) is below batas_bawah 130 (line 4) for "
     "indikator I1: a capaian cannot be capped at 110 and raised to 130 at once", "110"),
])
def test_a_cap_below_its_floor_names_both(settings, own, message, at):
    text = (HEAD + settings + 'sasaran S1 "S" {\n'
            '  indikator I1 "I" { satuan "%"; polaritas maksimal; target 1; realisasi 1' + own + " }\n}\n")
    (problem,) = lkjipdsl.loads(text).diagnostics
    assert (problem.code, problem.message, where(problem)) == ("E153", message, position(text, at))
    assert problem.hints[0].startswith("swap the two numbers, or remove one")


def test_a_cap_equal_to_the_floor_and_an_item_s_own_pair_that_does_not_cross():
    text = HEAD + "batas_atas 100\nbatas_bawah 120\n" + (
        'sasaran S1 "S" {\n  batas_atas 150\n'
        '  indikator I1 "I" { satuan "%"; polaritas maksimal; target 1; realisasi 1; batas_atas 120 }\n}\n')
    assert codes(lkjipdsl.loads(text).diagnostics) == ["E153"]  # only the file's own pair crosses
    equal = indikator('satuan "%"; polaritas maksimal; target 10; realisasi 5; batas_atas 90; batas_bawah 90')
    assert capaian(equal) == Decimal(90)  # 50 raised to the floor


def test_a_range_that_runs_backwards():
    text = indikator('satuan "%"; polaritas rentang; target 90..80; realisasi 85')
    (problem,) = lkjipdsl.loads(text).diagnostics
    assert (problem.code, problem.message) == ("E103", "target range 90..80 runs backwards")
    assert where(problem) == position(text, "90..80")


# ---- 2. cycles ----

def test_a_thousand_two_item_cycles_are_each_an_e140_up_to_max_errors(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    text = hostile_meaning.two_item_cycles(1_000)
    loaded = lkjipdsl.loads(text)
    assert codes(loaded.diagnostics) == ["E140"] * 200 + ["E014"]
    for index, problem in enumerate(loaded.diagnostics[:200]):
        assert problem.message == f"cycle in the rules: A{index}:capaian → B{index}:capaian → A{index}:capaian"
        assert problem.span.line == 4 + 2 * index  # the rumus of A{index}
    stop = loaded.diagnostics[200]
    assert stop.message == "too many errors; stopped checking after 200; the limit is 200 (max_errors)"
    assert stop.span.line == 4 + 2 * 200
    raised = lkjipdsl.loads(text, limits=Limits(max_errors=5_000))
    assert codes(raised.diagnostics) == ["E140"] * 1_000
    status, out, err = run(tmp_path, capsys, text, "check", "--lang", "en")
    assert status == 1 and out.count("error[E140]") == 200 and "E006" not in out + err


def test_a_long_rumus_chain_loads_evaluates_and_explains_without_recursion(monkeypatch):
    """I0 = 100 (target 1, realisasi 1); each I{k} = I{k-1} + 1, so I3000 = 3100."""
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    text = hostile_meaning.rumus_chain(3_000)
    lkjipdsl.evaluate(lkjipdsl.loads(text), computations=True)  # imports and caches made outside the headroom
    with recursion_headroom(60):
        result = lkjipdsl.evaluate(lkjipdsl.loads(text), computations=True)
        lines = explain(result, "I3000:capaian")
    assert result.diagnostics == []
    assert next(n for n in result.nodes if n.id == "I3000").capaian == Decimal(3_100)
    assert lines[1] == "  I3000:capaian = 3.100,00"
    # 25 levels shown: I3000 … I2976; below I2976 lie I2975 … I0 (2 976 levels) and I0's inputs
    assert lines[-1] == " " * 52 + "… 2977 more levels of inputs below (explain I2976:capaian to go on from here)"


# ---- 3. did-you-mean hints ----

def reference_close_matches(word: str, candidates, cutoff: float = 0.6) -> list[str]:
    """What the hints gave before they were bounded: difflib over every candidate, then a match
    equal but for case."""
    pool = sorted(set(candidates))
    matches = difflib.get_close_matches(word, pool, n=3, cutoff=cutoff)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        matches = [lowered[word.lower()]] if word.lower() in lowered else []
    return matches


def test_hints_are_the_same_as_difflib_s_within_the_budget():
    rng = random.Random(20230)
    letters = string.ascii_letters[:8] + "_0"
    pool = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(400)}
    pool |= {"target", "Target", "realisasi", "satuan", "IKU1", "iku1"}
    words = ["targt", "TARGET", "realisai", "Satuan", "iKu1", ""] + [
        "".join(rng.choice(letters) for _ in range(rng.randint(1, 16))) for _ in range(300)]
    with hints.bounded(budget=10**12):
        for word in words:
            for cutoff in (0.6, 0.8):
                assert hints.close_matches(word, pool, cutoff) == reference_close_matches(word, pool, cutoff), word
    for word in words[:20]:  # outside a scope: exact and unbounded
        assert hints.close_matches(word, sorted(pool)) == reference_close_matches(word, pool)


class CountingMatcher(difflib.SequenceMatcher):
    """Counts comparisons: every candidate compared gets one quick_ratio."""

    compared = 0

    def quick_ratio(self):
        CountingMatcher.compared += 1
        return super().quick_ratio()


def test_thousands_of_unknown_names_are_bounded_by_max_errors_and_the_hint_budget(monkeypatch):
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)  # hints imports difflib when it first searches
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    CountingMatcher.compared = 0
    text = hostile_meaning.unknown_references(known=3_600, unknown=12_000, per_rumus=20)
    loaded = lkjipdsl.loads(text)
    compared = CountingMatcher.compared  # before the reference below compares too
    assert codes(loaded.diagnostics) == ["E111"] * 200 + ["E014"]
    # what a rumus may name: the 3 600 IKU and 600 R indikator, the sasaran and the total
    ids = [f"IKU{i:05d}" for i in range(3_600)] + [f"R{i:05d}" for i in range(0, 12_000, 20)] + ["S1", "total"]
    first = loaded.diagnostics[0]
    assert (first.message, where(first)) == ("unknown item 'Q00000'", position(text, "Q00000"))
    quoted = " or ".join(f"'{m}'" for m in reference_close_matches("Q00000", ids))
    assert first.hints == (f"did you mean {quoted}?",)
    # Each search compares the 6 letters of Q….. with every id whose length can reach the cutoff,
    # costing both lengths; the budget allows that many searches, then the hints fall back.
    cost = sum(len(i) + 6 for i in ids if 2 * min(len(i), 6) / (len(i) + 6) >= 0.6)
    searches = hints.HINT_BUDGET // cost
    assert compared == searches * sum(1 for i in ids if 2 * min(len(i), 6) / (len(i) + 6) >= 0.6)
    hinted = [d for d in loaded.diagnostics if d.hints and d.hints[0].startswith("did you mean")]
    assert len(hinted) == searches
    last = loaded.diagnostics[199]
    assert last.message == "unknown item 'Q00199'"
    assert last.hints[0].startswith("items that can be named here: IKU00000, IKU00001")


def test_a_misspelling_repeated_is_searched_once(monkeypatch):
    monkeypatch.setattr(difflib, "SequenceMatcher", CountingMatcher)  # hints imports difflib when it first searches
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    known = "".join(f'  indikator IKU{i:03d} "n" {{ satuan "%"; polaritas maksimal; target 1 }}\n' for i in range(100))
    rumus = "".join(f'  indikator R{i} "n" {{ satuan "%"; rumus IKU0O1.capaian }}\n' for i in range(150))
    CountingMatcher.compared = 0
    loaded = lkjipdsl.loads(HEAD + 'sasaran S1 "S" {\n' + known + rumus + "}\n")
    compared = CountingMatcher.compared
    assert codes(loaded.diagnostics) == ["E111"] * 150
    ids = [f"IKU{i:03d}" for i in range(100)] + [f"R{i}" for i in range(150)] + ["S1", "total"]
    quoted = " or ".join(f"'{m}'" for m in reference_close_matches("IKU0O1", ids))
    assert all(d.hints == (f"did you mean {quoted}?",) for d in loaded.diagnostics)
    reachable = sum(1 for i in ids if 2 * min(len(i), 6) / (len(i) + 6) >= 0.6)
    assert compared == reachable  # one search, kept for the other 149


def test_a_hint_equal_but_for_case_survives_the_budget():
    with hints.bounded(budget=0):
        assert hints.close_matches("iku1", {"IKU1", "IKU2"}) == ["IKU1"]
        assert hints.close_matches("IKU3", {"IKU1", "IKU2"}) == []


# ---- 4. explain ----

def test_explain_of_a_thousand_long_chain(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    status, out, err = run(tmp_path, capsys, hostile_meaning.rumus_chain(1_000), "explain", "I1000:capaian")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == ["indikator I1000 — n", "  I1000:capaian = 1.100,00", "    formula: I999.capaian + 1",
                         "    = I999.capaian + 1 dengan I999:capaian = 1.099 = 1.100"]
    assert len(lines) == 1 + 25 * 3 + 1
    assert lines[-1].endswith("… 977 more levels of inputs below (explain I976:capaian to go on from here)")
    status, out, err = run(tmp_path, capsys, hostile_meaning.rumus_chain(1_000), "explain", "I976:capaian")
    assert status == 0 and out.splitlines()[1] == "  I976:capaian = 1.076,00"


def test_explain_says_when_it_cut_at_400_lines(monkeypatch):
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    result = lkjipdsl.evaluate(lkjipdsl.load(Path(__file__).resolve().parent.parent / "specs" / "seririt-2023.lkj"),
                               computations=True)
    lines = explain(result, "total")
    assert len(lines) == 401
    assert lines[-1] == "… cut at 400 lines; explain one value (ID:FIELD) to see less at a time"
    assert len(explain(result, "1.2")) < 400 and not explain(result, "1.2")[-1].startswith("…")
