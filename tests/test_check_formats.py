"""`lkjipdsl check --format text|json|sarif [-o FILE]`: the diagnostics as data (the result's
diagnostics shape) and as SARIF 2.1.0, validated against the official schema (tests/data); a
folder run's overall count and the roll-up's grand total."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from lkjipdsl import batch
from lkjipdsl.cli import main
from lkjipdsl.codes import CATALOGUE

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
HEADER = 'instansi "Dinas {name}"\ntahun 2023\n'
# Dinas A: 800.000 / 1.000.000 = 80 %, printed as 81 (A001); an indikator without satuan (W202)
A = HEADER.format(name="A") + textwrap.dedent("""\
    program 1 "Program Satu" {
        kegiatan 1.1 "Kegiatan" {
            subkegiatan 1.1.1 "Sub" { anggaran 1.000.000; realisasi 800.000 }
            tercetak "Tabel 3.1" serapan 81
        }
    }
    sasaran S1 "Sasaran" {
        indikator I1 "Indikator" { polaritas maksimal; target 100; realisasi 90 }
    }
    """)
# Dinas B: a misspelt key (E101): not evaluated
B = HEADER.format(name="B") + textwrap.dedent("""\
    sasaran S1 "Sasaran" {
        indikator I1 "Indikator" { satuan "%"; polaritas maksimal; target 100; realisasi 90; targt 5 }
    }
    """)
# Dinas C: 2.000.000 / 3.000.000 = 66,67 %, nothing to say
C = HEADER.format(name="C") + textwrap.dedent("""\
    program 1 "Program Satu" {
        kegiatan 1.1 "Kegiatan" {
            subkegiatan 1.1.1 "Sub" { anggaran 3.000.000; realisasi 2.000.000 }
        }
    }
    """)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "a.lkj").write_text(A, encoding="utf-8")
    (tmp_path / "specs" / "b.lkj").write_text(B, encoding="utf-8")
    (tmp_path / "specs" / "c.lkj").write_text(C, encoding="utf-8")
    return tmp_path


def _run(capsys, *words):
    code = main([str(word) for word in words])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_holds_each_spec_with_its_diagnostics(folder, capsys):
    code, out, err = _run(capsys, "check", "specs", "--format", "json", "--lang", "en", "-j", "1")
    assert code == 1
    data = json.loads(out)
    assert data["schema_version"] == "1" and data["language"] == "en"
    assert [spec["file"] for spec in data["specs"]] == ["specs/a.lkj", "specs/b.lkj", "specs/c.lkj"]
    a, b, c = data["specs"]
    assert c["diagnostics"] == [] and c["exit_code"] == 0
    assert [d["code"] for d in a["diagnostics"]] == ["A001", "W202"]  # 80 % printed as 81; no satuan
    assert a["disagreements"] == 1 and a["errors"] == 0 and a["warnings"] == 1
    e101 = next(d for d in b["diagnostics"] if d["code"] == "E101")
    assert e101["severity"] == "error" and "targt" in e101["message"] and e101["hints"]
    line = B.splitlines().index(next(x for x in B.splitlines() if "targt" in x)) + 1
    column = B.splitlines()[line - 1].index("targt") + 1
    assert e101["location"] == {"file": "specs/b.lkj", "line": line, "column": column, "end_line": line,
                                "end_column": column + len("targt")}
    assert data["total"] == {"specs": 3, "errors": 1, "disagreements": 1, "warnings": 1}


def test_json_in_indonesian_by_default_and_to_a_file(folder, capsys):
    code, out, err = _run(capsys, "check", "specs/b.lkj", "--format", "json", "-o", "hasil.json")
    assert code == 1 and out == ""
    data = json.loads((folder / "hasil.json").read_text(encoding="utf-8"))
    assert data["language"] == "id"
    assert "tidak dikenal" in next(d for d in data["specs"][0]["diagnostics"] if d["code"] == "E101")["message"]
    assert _run(capsys, "check", "specs/b.lkj", "-o", "specs/b.lkj")[0] == 2  # never over an input


def _sarif(capsys, *words):
    code, out, err = _run(capsys, "check", *words, "--format", "sarif", "-j", "1")
    return code, json.loads(out)


def test_sarif_names_rules_results_and_places(folder, capsys):
    code, sarif = _sarif(capsys, "specs", "--lang", "en")
    assert code == 1 and sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lkjipdsl" and driver["version"] == __import__("lkjipdsl").__version__
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(CATALOGUE) <= set(rules)
    assert rules["W214"]["shortDescription"]["text"].startswith("In Indonesian notation, a number with one comma")
    assert rules["W202"]["defaultConfiguration"]["level"] == "warning"
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["A001", "W202", "E101"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    e101 = results[2]
    assert e101["level"] == "error" and "targt" in e101["message"]["text"] and "hint: " in e101["message"]["text"]
    location = e101["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "specs/b.lkj", "uriBaseId": "WORKDIR"}
    text_line = next(x for x in B.splitlines() if "targt" in x)
    assert location["region"] == {"startLine": B.splitlines().index(text_line) + 1,
                                  "startColumn": text_line.index("targt") + 1,
                                  "endLine": B.splitlines().index(text_line) + 1,
                                  "endColumn": text_line.index("targt") + 6}
    assert run["originalUriBaseIds"]["WORKDIR"]["uri"] == folder.resolve().as_uri() + "/"


def test_sarif_in_indonesian_and_a_file_outside_the_working_folder(folder, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("lain") / "c.lkj"
    elsewhere.write_text(B, encoding="utf-8")
    code, sarif = _sarif(capsys, elsewhere)
    (run,) = sarif["runs"]
    assert run["language"] == "id"
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["W214"]["shortDescription"]["text"].startswith("Dalam notasi Indonesia")
    result = next(r for r in run["results"] if r["ruleId"] == "E101")
    assert "petunjuk: " in result["message"]["text"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": elsewhere.resolve().as_uri()}


def _check_structure(sarif: dict) -> None:
    """What SARIF 2.1.0 requires of the parts lkjipdsl writes, checked by hand."""
    assert sarif["version"] == "2.1.0" and isinstance(sarif["runs"], list)
    for run in sarif["runs"]:
        assert isinstance(run["tool"]["driver"]["name"], str)
        for rule in run["tool"]["driver"]["rules"]:
            assert isinstance(rule["id"], str) and isinstance(rule["shortDescription"]["text"], str)
        for result in run["results"]:
            assert isinstance(result["message"]["text"], str) and result["level"] in ("error", "warning", "note")
            for location in result["locations"]:
                region = location["physicalLocation"].get("region", {})
                assert all(isinstance(region[key], int) and region[key] >= 1 for key in region)


def test_sarif_is_valid_against_the_official_schema(folder, capsys):
    (folder / "specs" / "rusak.lkj").write_text('instansi "X"\ntahun 2023\nprogram 1 "P" {\n', encoding="utf-8")
    code, sarif = _sarif(capsys, "specs", "--lang", "en")
    _check_structure(sarif)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)


def test_a_folder_run_counts_everything_and_totals_the_rollup(folder, capsys):
    code, out, err = _run(capsys, "check", "specs", "--lang", "en", "--lebar", "0", "-j", "1")
    assert code == 1
    assert out.rstrip().endswith("In all: 3 spec(s), 1 error(s), 1 printed figure(s) that disagree, "
                                 "1 warning(s) and notes")
    total = next(line for line in out.splitlines() if line.startswith("Total "))
    # A and C (B did not evaluate): 1.000.000 + 3.000.000 = 4.000.000; 800.000 + 2.000.000 = 2.800.000;
    # 2.800.000 / 4.000.000 = 70 % (the mean of the two serapan, 80 % and 66,67 %, would be 73,33 %)
    assert total.split()[1:] == ["4,000,000", "2,800,000", "70.00", "1", "1", "0"]
    code, out, err = _run(capsys, "check", "specs", "--lebar", "0", "-j", "1")
    assert "Seluruhnya: 3 spec, 1 galat, 1 angka tercetak yang tidak cocok, 1 peringatan/info" in out
    assert any(line.startswith("Jumlah ") for line in out.splitlines())


def test_eval_of_a_folder_totals_its_rollup_and_counts_on_stderr(folder, capsys):
    code, out, err = _run(capsys, "eval", "specs/a.lkj", "specs/a.lkj", "--lang", "en", "--lebar", "0")
    total = next(line for line in out.splitlines() if line.startswith("Total "))
    assert total.split()[1:4] == ["2,000,000", "1,600,000", "80.00"]
    assert "In all: 2 spec(s)" in err


def test_grand_total_is_the_serapan_of_the_sums():
    rows = [{"anggaran": Decimal("1000000"), "realisasi": Decimal("800000"), "errors": 0, "disagreements": 1},
            {"anggaran": Decimal("3000000"), "realisasi": Decimal("2000000"), "errors": 2, "disagreements": 0},
            {"errors": 1}]  # a spec that did not evaluate: no figures
    total = batch.grand_total([batch.Outcome(f"{n}.lkj", 0, "", row) for n, row in enumerate(rows)])
    assert total["anggaran"] == Decimal("4000000") and total["realisasi"] == Decimal("2800000")
    assert total["serapan"] == Decimal(70) and total["errors"] == 3 and total["specs"] == 3
