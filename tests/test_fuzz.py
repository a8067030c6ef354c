"""Property-based fuzzing (hypothesis): whatever arrives, lkjipdsl answers with diagnostics.

Specs generated from the grammar, then mutated (truncated, tokens swapped, bytes flipped, huge
and tiny numbers, deep nesting, odd Unicode, CRLF, BOM, tabs, NUL bytes) and files in the wrong
encoding go through tests/fuzz_support.run_pipeline: parse → check → evaluate → render must
succeed or answer with diagnostics whose positions lie inside the file, and nothing else may
escape. Every input that once failed is kept in tests/fuzz_corpus/ and runs here as a
regression test.

The normal run is quick (LKJIPDSL_FUZZ_EXAMPLES scales it); `pytest -m slow` runs the long
version, and fuzz/fuzz_lkj.py is the coverage-guided fuzzer (atheris) for runs of hours.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lkjipdsl
from lkjipdsl.format import angka, persen, round_half_up, rupiah
from lkjipdsl.numbers import parse_number
from lkjipdsl.results import Result

import fuzz_support
from fuzz_support import run_pipeline
from spec_strategies import mutated, seeds, specs

fuzz_support.SLOW_SECONDS = float("inf")  # no timed assertions here: bounded work is timed by bench/hostile.py
CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
EXAMPLES = int(os.environ.get("LKJIPDSL_FUZZ_EXAMPLES", "100"))
QUICK = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LONG = settings(max_examples=int(os.environ.get("LKJIPDSL_FUZZ_LONG", "3000")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SEEDS = seeds()


# ---- the regression corpus: every input that once failed ----
CORPUS_FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".lkj", ".bin"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.stem for p in CORPUS_FILES])
def test_regression_corpus(path: Path, tmp_path, monkeypatch):
    import fuzz_support

    monkeypatch.setattr(fuzz_support, "EXPORTS", True)  # xlsx, docx and the templates too, as atheris runs them
    monkeypatch.setattr(fuzz_support, "CHARTS_EVERY", 0)
    run_pipeline(path.read_bytes(), name=path.name, directory=str(tmp_path))


def test_the_regression_corpus_is_kept():
    assert len(CORPUS_FILES) >= 10
    for path in CORPUS_FILES:  # each says what it once broke
        assert path.with_suffix(".txt").exists(), f"{path.name} has no .txt note"


# ---- generated and mutated specs ----
@QUICK
@given(specs())
def test_generated_specs(text):
    run_pipeline(text)


@QUICK
@given(mutated(st.one_of(specs(), st.sampled_from(SEEDS))))
def test_mutated_specs(text):
    run_pipeline(text)


@settings(QUICK, max_examples=max(5, EXAMPLES // 4))
@given(st.sampled_from(SEEDS), st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32", "utf-8-sig"]),
       st.sampled_from(["é", "“Kecamatan”", "Rp 1.000", "–", "\u00a0"]))
def test_files_in_another_encoding(tmp_path_factory, text, encoding, extra):
    """A file saved in another encoding: a diagnostic naming the problem and the byte, no mojibake."""
    data = text.replace('"Kecamatan', f'"{extra} Kecamatan', 1).encode(encoding, errors="replace")
    outcome = run_pipeline(data, directory=str(tmp_path_factory.mktemp("enc")))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert outcome.codes == ["E009"], outcome.codes
    else:
        if b"\x00" in data:
            assert outcome.codes == ["E004"], outcome.codes


@settings(QUICK, max_examples=max(5, EXAMPLES // 2))
@given(st.binary(max_size=300))
def test_random_bytes(tmp_path_factory, data):
    run_pipeline(data, directory=str(tmp_path_factory.mktemp("bytes")))


@pytest.mark.slow
@LONG
@given(mutated(st.one_of(specs(), st.sampled_from(SEEDS))))
def test_mutated_specs_long(text):
    run_pipeline(text)


@pytest.mark.slow
@LONG
@given(specs())
def test_generated_specs_long(text):
    run_pipeline(text)


# ---- round trips ----
@settings(QUICK, max_examples=max(10, EXAMPLES // 2))
@given(st.one_of(specs(), st.sampled_from(SEEDS)))
def test_evaluating_twice_gives_identical_results(text):
    first = lkjipdsl.evaluate(lkjipdsl.loads(text, "twice.lkj"))
    second = lkjipdsl.evaluate(lkjipdsl.loads(text, "twice.lkj"))
    assert first == second
    assert first.model_dump_json() == second.model_dump_json()


@settings(QUICK, max_examples=max(10, EXAMPLES // 2))
@given(st.one_of(specs(), st.sampled_from(SEEDS)))
def test_json_parses_back_into_the_same_result(text):
    result = lkjipdsl.evaluate(lkjipdsl.loads(text, "json.lkj"), computations=True)
    text = result.model_dump_json()
    again = Result.model_validate_json(text)
    # what reads back is the JSON's (a computed value to 10 decimals): it writes the same text
    assert again.model_dump_json() == text
    assert [n.id for n in again.nodes] == [n.id for n in result.nodes]


DECIMALS = st.decimals(min_value=Decimal("-1e30"), max_value=Decimal("1e30"), allow_nan=False, allow_infinity=False,
                       places=None).filter(lambda d: len(d.as_tuple().digits) <= 40 and d.as_tuple().exponent >= -20)


@settings(QUICK, max_examples=300)
@given(DECIMALS)
def test_indonesian_numbers_parse_back_to_the_same_decimal(value):
    assert parse_number(angka(value)).value == value
    assert parse_number(angka(value, lang="en"), "internasional").value == value
    printed = angka(value)
    if value.as_tuple().exponent < 0:  # the decimals as written are kept
        assert parse_number(printed).value.as_tuple().exponent == value.as_tuple().exponent


@settings(QUICK, max_examples=300)
@given(DECIMALS)
def test_rupiah_and_persen_parse_back_to_the_rounded_decimal(value):
    assert parse_number(persen(value)).value == round_half_up(value, 2)
    shown = parse_number(rupiah(value)).value
    assert shown == (value if value == value.to_integral_value() else round_half_up(value, 2))


def test_huge_values_display_without_error():
    """Found by fuzzing: a capaian of 10^41 made persen() fail (quantize beyond 28 digits)."""
    assert persen(Decimal("1e41")) == "100.000.000.000.000.000.000.000.000.000.000.000.000.000,00"
    assert rupiah(Decimal("1e45")) == "1" + ".000" * 15


def test_display_keeps_every_digit():
    """Found by the round-trip property: angka() used abs(), which rounds to 28 digits, so a
    31-digit anggaran was displayed as …345.679.000 and 11734642281811,308195044371337 lost a digit."""
    assert rupiah(Decimal("1234567890123456789012345678901")) == "1.234.567.890.123.456.789.012.345.678.901"
    assert angka(Decimal("-11734642281811.308195044371337")) == "-11.734.642.281.811,308195044371337"
