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
    assert data["schema_version"] == "2"
    nodes = {n["id"]: n for n in data["nodes"]}
    ikm = nodes["IKM"]
    assert ikm["kind"] == "indikator" and ikm["parent_id"] == "S1"
    # 97,4 / 95 × 100 = 102,52631578947368…, written to 10 decimals, half-up
    assert ikm["capaian"] == "102.5263157895"
    assert ikm["predikat"] == {"label": "Sangat Tinggi", "warna": "#116329", "skala": "permendagri86"}
    assert ikm["computations"] == {}  # only on request (--computations)
    sub = nodes["1.1.1"]
    assert sub["anggaran"] == "1486980" and sub["realisasi_anggaran"] == "742500" and sub["sisa"] == "744480"
    # 742.500 / 1.486.980 × 100 = 49,933422103861517…
    assert sub["serapan"] == "49.9334221039" and sub["capaian_output"] == "100" and sub["capaian"] is None
    assert "capaian_anggaran" not in sub and "predikat_anggaran" not in sub
    assert nodes["1.1"]["parent_id"] == "1"
    assert nodes["total"]["kind"] == "total" and nodes["total"]["serapan"] == "49.9334221039"


def test_computations_on_request(tmp_path, capsys):
    path = tmp_path / "c.lkj"
    path.write_text(SPEC, encoding="utf-8")
    assert main(["eval", str(path), "--format", "json", "--computations"]) == 0
    ikm = {n["id"]: n for n in json.loads(capsys.readouterr().out)["nodes"]}["IKM"]
    assert ikm["computations"]["capaian"]["formula"] == "realisasi / target × 100"
    assert ikm["computations"]["capaian"]["inputs"] == ["IKM:target", "IKM:realisasi"]
    assert ikm["computations"]["capaian"]["value"] == "102.5263157895"
    loaded = lkjipdsl.loads(SPEC)
    assert lkjipdsl.evaluate(loaded).node("IKM").computations == {}
    full = lkjipdsl.evaluate(loaded, computations=True).node("IKM").computations["capaian"]
    assert full.value == Decimal("97.4") / Decimal(95) * 100  # exact in the API
    session = lkjipdsl.Session("c.lkj")
    assert session.update(SPEC).node("IKM").computations["capaian"].inputs == ["IKM:target", "IKM:realisasi"]


def test_schema_1_names_read_on_in_the_api():
    sub = lkjipdsl.evaluate(lkjipdsl.loads(SPEC)).node("1.1.1")
    assert sub.capaian_anggaran == sub.serapan == Decimal(742500) / Decimal(1486980) * 100
    assert sub.predikat_anggaran is sub.predikat_serapan


def test_json_validates_against_the_published_schema():
    import jsonschema

    schema = json.loads((ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8"))
    for path in [ROOT / "specs" / "seririt-2023.lkj", *sorted((ROOT / "examples").glob("*.lkj"))]:
        for computations in (False, True):
            result = lkjipdsl.evaluate(lkjipdsl.load(path), computations=computations)
            jsonschema.validate(json.loads(result.model_dump_json()), schema)
    with_schema_1_name = json.loads(lkjipdsl.evaluate(lkjipdsl.loads(SPEC)).model_dump_json())
    with_schema_1_name["nodes"][-1]["capaian_anggaran"] = "1"
    try:
        jsonschema.validate(with_schema_1_name, schema)
    except jsonschema.ValidationError as exc:
        assert "capaian_anggaran" in exc.message
    else:
        raise AssertionError("a field of schema 1 must not validate against schema 2")


def test_json_round_trips_into_the_models():
    result = lkjipdsl.evaluate(lkjipdsl.loads(SPEC), computations=True)
    again = Result.model_validate_json(result.model_dump_json())
    # what reads back is the JSON's: computed values to 10 decimals
    assert again.node("IKM").capaian == Decimal("102.5263157895")
    assert again.model_dump_json() == result.model_dump_json()


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
        "load", "loads", "evaluate", "evaluate_to", "LoadedSpec", "SpecError", "Diagnostic", "Severity", "Span",
        "Limits", "Result",
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
