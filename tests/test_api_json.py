"""The JSON output and the Python API are contracts: pin their shape."""

import io
import json
from decimal import Decimal
from pathlib import Path

import lkjipdsl
from lkjipdsl.cli import main
from lkjipdsl.results import Result, json_schema

ROOT = Path(__file__).resolve().parent.parent
SPEC = """
instansi "Kecamatan Contoh"
tahun 2023
skala permendagri86
sasaran S1 "Meningkatnya Kualitas Pelayanan Publik" {
  indikator IKM "Indeks Kepuasan Masyarakat" { satuan "%"; polaritas maksimal; target 95; realisasi 97,4 }
}
program 1 "Program" {
  kegiatan 1.1 "Kegiatan" {
    subkegiatan 1.1.1 "Sub" { anggaran 1.486.980; realisasi 742.500; capaian_output 100 }
  }
}
"""


def test_json_nodes_carry_the_contract_fields(tmp_path, capsys):
    path = tmp_path / "c.lkj"
    path.write_text(SPEC, encoding="utf-8")
    assert main(["eval", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "1"
    nodes = {n["id"]: n for n in data["nodes"]}
    ikm = nodes["IKM"]
    assert ikm["kind"] == "indikator" and ikm["parent_id"] == "S1"
    assert Decimal(ikm["capaian"]).quantize(Decimal("0.01")) == Decimal("102.53")
    assert isinstance(ikm["capaian"], str)  # decimal strings, never floats
    assert ikm["predikat"] == {"label": "Sangat Tinggi", "warna": "#116329", "skala": "permendagri86"}
    assert ikm["computations"]["capaian"]["formula"] == "realisasi / target × 100"
    assert ikm["computations"]["capaian"]["inputs"] == ["IKM:target", "IKM:realisasi"]
    sub = nodes["1.1.1"]
    assert sub["anggaran"] == "1486980" and sub["realisasi_anggaran"] == "742500"
    assert Decimal(sub["capaian_anggaran"]).quantize(Decimal("0.01")) == Decimal("49.93")
    assert nodes["1.1"]["parent_id"] == "1"
    assert nodes["total"]["kind"] == "total"


def test_json_round_trips_into_the_models():
    result = lkjipdsl.evaluate(lkjipdsl.loads(SPEC))
    again = Result.model_validate_json(result.model_dump_json())
    assert again == result


def test_evaluation_is_deterministic():
    first = lkjipdsl.evaluate(lkjipdsl.loads(SPEC)).model_dump_json()
    second = lkjipdsl.evaluate(lkjipdsl.loads(SPEC)).model_dump_json()
    assert first == second


def test_schema_file_is_current():
    """docs/result.schema.json is what `lkjipdsl schema` prints; regenerate on purpose when it changes."""
    committed = json.loads((ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()


def test_public_api_is_small():
    assert set(lkjipdsl.__all__) == {
        "load", "loads", "evaluate", "LoadedSpec", "SpecError", "Diagnostic", "Severity", "Span", "Limits", "Result",
        "Session", "SessionStats",
        "NodeResult", "AssertionResult", "Computation", "DiagnosticResult", "Finding", "Predikat", "json_schema",
        "render_report", "write_report", "format_value", "OutputError", "__version__",
    }


def test_strict_evaluate_raises_with_diagnostics():
    loaded = lkjipdsl.loads('instansi "X"\ntahun 2023\nsasaran S1 "a" { indikator I "b" { target 1 } }')
    assert not loaded.ok
    try:
        lkjipdsl.evaluate(loaded, strict=True)
    except lkjipdsl.SpecError as exc:
        assert any(d.code == "E106" for d in exc.diagnostics)
    else:
        raise AssertionError("strict evaluate must raise")
    lenient = lkjipdsl.evaluate(loaded)
    assert lenient.has_errors and lenient.nodes == []


def test_tables_of_a_result_that_did_not_evaluate_are_empty():
    from lkjipdsl.render.tables import tables

    loaded = lkjipdsl.loads('instansi "X"\ntahun 2023\nsasaran S1 "a" { indikator I "b" { target 1 } }')
    assert tables(lkjipdsl.evaluate(loaded)) == []


def test_json_written_in_pieces_is_the_models_json():
    from lkjipdsl.render.text import render_json, write_json

    seririt = lkjipdsl.evaluate(lkjipdsl.load(ROOT / "specs" / "seririt-2023.lkj"))
    broken = lkjipdsl.evaluate(lkjipdsl.loads("instansi 12\n", "rusak.lkj"))  # diagnostics only: empty lists
    for result in (seririt, broken):
        assert render_json(result) == result.model_dump_json(indent=2) + "\n"
        buffer = io.BytesIO()
        write_json(result, buffer)
        assert buffer.getvalue().decode("utf-8") == render_json(result)
    assert not broken.nodes and broken.diagnostics
