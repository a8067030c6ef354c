"""The result records' JSON writer (lkjipdsl/results_json.py) against pydantic's own serializer,
which wrote the JSON contract before the records became plain dataclasses: the same bytes, for
every spec we have and for texts and numbers chosen to be awkward."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

import lkjipdsl
from lkjipdsl import results as R
from lkjipdsl.render.text import render_json

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted([*ROOT.glob("specs/*.lkj"), *ROOT.glob("examples/*.lkj")])


def pydantic_json(record, indent):
    return R._adapter(type(record)).dump_json(record, indent=indent).decode("utf-8")


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_every_spec_is_written_as_pydantic_writes_it(path):
    result = lkjipdsl.evaluate(lkjipdsl.load(path))
    assert result.nodes
    assert render_json(result) == pydantic_json(result, 2) + "\n"
    assert result.model_dump_json() == pydantic_json(result, None)


AWKWARD = ['kutip " dan \\ garis miring', "baris\nbaru\ttab\r", "kontrol \x00\x01\x1f\x7f",
           "Rp 1.000,-  dan ½ dan é", "emoji 🎉 dan \u2028 pemisah", ""]
NUMBERS = [Decimal("1E+3"), Decimal("-0"), Decimal("0E-10"), Decimal("97.1530612244897959183673469"),
           Decimal("100.00"), Decimal("-12.5"), Decimal("123456789012345678901234567890")]


def awkward_result():
    location = R.Location(file="ß/ƒile.lkj", line=3, column=7)
    computations = {text or "kosong": R.Computation(field=text, value=number, formula=text, substituted=text,
                                                    inputs=[text, text])
                    for text, number in zip(AWKWARD, NUMBERS)}
    node = R.NodeResult(id="1.2.3", kind="subkegiatan", name=AWKWARD[0], target=NUMBERS[0], capaian=NUMBERS[3],
                        standar_nasional_nihil=True, jumlah={"program": 1, "kegiatan": 0}, computations=computations,
                        periode=[R.PeriodResult(periode="Jan", target=n) for n in NUMBERS],
                        riwayat=[R.HistoryResult(tahun=2021)], location=location,
                        predikat=R.Predikat(label="Sangat Tinggi", warna="hijau", skala="permenpan"),
                        efisiensi=R.Efisiensi(selisih=NUMBERS[5], label="efisien", ambang=Decimal(5)),
                        findings=[R.Finding(rule="r", severity="warning", message=t) for t in AWKWARD])
    return R.Result(spec=R.SpecInfo(file="x.lkj", renstra=(2021, 2026), tahun=2023), nodes=[node, node],
                    diagnostics=[R.DiagnosticResult(code="E101", severity="error", message=AWKWARD[4], hints=AWKWARD)],
                    skala=[R.ScaleResult(id="s", judul="S", presisi=None, pita=[R.BandResult(label="a", warna="b")])])


def test_awkward_texts_and_numbers_are_written_as_pydantic_writes_them():
    result = awkward_result()
    for indent in (None, 2, 4):
        assert result.model_dump_json(indent=indent) == pydantic_json(result, indent)
    for node in result.nodes:  # records below the top are written the same way on their own
        assert node.model_dump_json(indent=2) == pydantic_json(node, 2)
    text = result.model_dump_json()
    assert '"1000"' in text and '"0"' in text and '"-12.5"' in text  # plain, no exponent, no trailing zero
    assert "🎉" in text and "\\u0000" in text and "\\u001f" in text  # as is, and control characters escaped
    read_back = R.Result.model_validate_json(text)
    # every number has at most 10 decimals in the JSON, rounded half-up (…0612244|897… → …0612245):
    # a computed value, and an input with more (only a ratio's quotient has them: 3:2); fewer
    # decimals are written as they are
    rounded = Decimal("97.1530612245")
    node = read_back.nodes[0]
    assert node.capaian == rounded and node.computations[AWKWARD[3]].value == rounded
    assert node.periode[3].target == rounded and node.periode[5].target == Decimal("-12.5")
    expected = result.nodes[0]
    periods = [dataclasses.replace(p, target=rounded if p.target == NUMBERS[3] else p.target) for p in expected.periode]
    expected = dataclasses.replace(expected, capaian=rounded, periode=periods, computations={
        **expected.computations, AWKWARD[3]: dataclasses.replace(expected.computations[AWKWARD[3]], value=rounded)})
    assert read_back == dataclasses.replace(result, nodes=[expected, expected])


def test_records_are_frozen_and_keyword_only():
    location = R.Location(file="a.lkj", line=1, column=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        location.line = 5
    with pytest.raises(TypeError):
        R.Location("a.lkj", 1, 2)
    assert location.model_copy(update={"line": 5}) == R.Location(file="a.lkj", line=5, column=2)
    assert location.line == 1


def test_records_pickle_copy_and_hash():
    """Tools send results to other processes and keep them in sets and dicts."""
    import copy
    import pickle

    result = awkward_result()
    assert pickle.loads(pickle.dumps(result)) == result
    assert copy.deepcopy(result) == result
    location = result.nodes[0].location
    assert {location: 1}[R.Location(file="ß/ƒile.lkj", line=3, column=7)] == 1


def test_reading_json_back_is_validated():
    with pytest.raises(ValidationError):
        R.Location.model_validate_json('{"file": "a", "line": 1, "column": 1, "kolom": 2}')  # unknown key
    with pytest.raises(ValidationError):
        R.Location.model_validate({"file": "a", "line": "satu", "column": 1})
    period = R.PeriodResult.model_validate_json('{"periode": "Jan", "target": "12.50"}')
    assert period.target == Decimal("12.50") and period.realisasi is None


def test_model_dump_is_plain_python():
    result = awkward_result()
    dumped = result.model_dump()
    assert dumped["nodes"][0]["periode"][3]["target"] == NUMBERS[3]
    assert dumped["spec"]["renstra"] == (2021, 2026)
    assert result.model_dump(mode="json") == json.loads(result.model_dump_json())


# ---- any record, against pydantic ----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Text as a spec can carry it: any character but a lone surrogate (a file is read as strict UTF-8).
TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
DECIMALS = st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False, places=None),
                     st.builds(lambda digits, exponent: Decimal(digits).scaleb(exponent),
                               st.integers(-10**30, 10**30), st.integers(-40, 40)))
OPTIONAL_TEXTS = st.none() | TEXTS
LOCATIONS = st.none() | st.builds(R.Location, file=TEXTS, line=st.integers(1, 10**6), column=st.integers(1, 999),
                                  end_line=st.none() | st.integers(1, 10**6),
                                  end_column=st.none() | st.integers(1, 999))
PREDIKAT = st.none() | st.builds(R.Predikat, label=TEXTS, warna=TEXTS, skala=TEXTS)
COMPUTATIONS = st.builds(R.Computation, field=TEXTS, value=DECIMALS, formula=TEXTS, substituted=TEXTS,
                         inputs=st.lists(TEXTS, max_size=3), note=OPTIONAL_TEXTS)
NODES = st.builds(
    R.NodeResult, id=TEXTS, kind=TEXTS, name=TEXTS, parent_id=OPTIONAL_TEXTS, target=DECIMALS, capaian=DECIMALS,
    realisasi_anggaran=DECIMALS, predikat=PREDIKAT, standar_nasional_nihil=st.booleans(),
    efisiensi=st.none() | st.builds(R.Efisiensi, selisih=DECIMALS.filter(lambda d: d is not None), label=TEXTS,
                                    ambang=DECIMALS.filter(lambda d: d is not None)),
    jumlah=st.dictionaries(TEXTS, st.integers(-5, 10**12), max_size=3), tahun=st.none() | st.integers(1900, 2100),
    riwayat=st.lists(st.builds(R.HistoryResult, tahun=st.integers(1900, 2100), capaian=DECIMALS), max_size=2),
    periode=st.lists(st.builds(R.PeriodResult, periode=TEXTS, target=DECIMALS, realisasi=DECIMALS), max_size=3),
    computations=st.dictionaries(TEXTS, COMPUTATIONS, max_size=3),
    findings=st.lists(st.builds(R.Finding, rule=TEXTS, severity=TEXTS, message=TEXTS, node_id=OPTIONAL_TEXTS,
                                location=LOCATIONS), max_size=2),
    location=LOCATIONS)
ASSERTIONS = st.builds(R.AssertionResult, node_id=TEXTS, field=TEXTS, printed=DECIMALS, printed_text=TEXTS,
                       computed=DECIMALS, ok=st.booleans(), kind=OPTIONAL_TEXTS,
                       location=LOCATIONS.filter(lambda loc: loc is not None))
RESULTS = st.builds(
    R.Result, spec=st.builds(R.SpecInfo, file=TEXTS, instansi=OPTIONAL_TEXTS,
                             renstra=st.none() | st.tuples(st.integers(2000, 2100), st.integers(2000, 2100))),
    nodes=st.lists(NODES, max_size=3), assertions=st.lists(ASSERTIONS, max_size=2),
    diagnostics=st.lists(st.builds(R.DiagnosticResult, code=TEXTS, severity=TEXTS, message=TEXTS,
                                   location=LOCATIONS, hints=st.lists(TEXTS, max_size=2)), max_size=2),
    skala=st.lists(st.builds(R.ScaleResult, id=TEXTS, judul=TEXTS, presisi=st.none() | st.integers(0, 6),
                             pita=st.lists(st.builds(R.BandResult, label=TEXTS, warna=TEXTS, bawah=DECIMALS,
                                                     atas_termasuk=st.booleans()), max_size=2)), max_size=2))


@settings(max_examples=300, deadline=None)
@given(RESULTS)
def test_any_result_is_written_as_pydantic_writes_it(result):
    assert render_json(result) == pydantic_json(result, 2) + "\n"
    assert result.model_dump_json() == pydantic_json(result, None)
    again = R.Result.model_validate_json(result.model_dump_json())
    assert again.model_dump_json() == result.model_dump_json()  # decimals come back as the plain text says


@pytest.mark.parametrize("value, written", [
    # quotients as capaian makes them, rounded half-up at the 10th decimal by hand
    (Decimal(2) / Decimal(3) * 100, "66.6666666667"),             # 66.666666666|66… → up
    (Decimal(135) / Decimal(170) * 100, "79.4117647059"),          # 79.411764705|88… → up
    (Decimal(1) / Decimal(7), "0.1428571429"),                     # 0.142857142|857… → up
    (Decimal(1) / Decimal(3), "0.3333333333"),                     # 0.333333333|33… → cut
    (Decimal("0.12345678904999"), "0.123456789"),                  # the 11th decimal 4: cut, its 0 dropped
    (Decimal("0.12345678905"), "0.1234567891"),                    # exactly half: up
    (Decimal("-0.12345678905"), "-0.1234567891"),                  # half-up is away from zero
    (Decimal("9.99999999995"), "10"),                              # carried into the units
    (Decimal("-0.00000000004"), "0"),                              # no "-0"
    (Decimal("12.50000000000000"), "12.5"),                        # zeros beyond the 10th
    (Decimal("1.23456789012345E-7"), "0.0000001235"),              # an exponent in the text
    (Decimal("100.0"), "100"),
    (Decimal("1.5"), "1.5"),
])
def test_computed_values_are_rounded_half_up_at_ten_decimals(value, written):
    from lkjipdsl.format import plain_rounded

    assert plain_rounded(value) == written
