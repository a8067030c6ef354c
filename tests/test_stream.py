"""Results that stream: the JSON written while a spec is evaluated (lkjipdsl.evaluate_to,
`eval --format json`) is byte for byte the JSON of the whole result, and the result handed back
holds no nodes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl.api import evaluate_to
from lkjipdsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPECS = [ROOT / "specs" / "seririt-2023.lkj", *sorted((ROOT / "examples").glob("*.lkj"))]


@pytest.mark.parametrize("computations", [False, True])
@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_streamed_json_is_the_whole_results_json(path, computations):
    whole = lkjipdsl.evaluate(lkjipdsl.load(path), computations=computations)
    for indent in (2, None):
        buffer = io.BytesIO()
        streamed = evaluate_to(lkjipdsl.load(path), buffer, computations=computations, indent=indent)
        assert buffer.getvalue().decode("utf-8") == whole.model_dump_json(indent=indent)
        assert streamed.nodes == [] and streamed.assertions == whole.assertions and streamed.skala == whole.skala


def test_a_spec_that_did_not_evaluate_is_written_whole():
    loaded = lkjipdsl.loads("instansi 12\n", "rusak.lkj")
    buffer = io.BytesIO()
    result = evaluate_to(loaded, buffer)
    assert buffer.getvalue().decode("utf-8") == lkjipdsl.evaluate(loaded).model_dump_json(indent=2)
    assert result.has_errors and not result.nodes


def test_eval_json_streams_what_the_api_writes(tmp_path, capsys):
    spec = ROOT / "specs" / "seririt-2023.lkj"
    out = tmp_path / "hasil.json"
    assert main(["eval", str(spec), "-o", str(out)]) == 0
    assert "116 angka tercetak tidak cocok" in capsys.readouterr().err  # the result handed back has the assertions
    whole = lkjipdsl.evaluate(lkjipdsl.load(str(spec)))
    assert out.read_text(encoding="utf-8") == whole.model_dump_json(indent=2) + "\n"
    assert main(["eval", str(spec), "--format", "json", "--computations"]) == 0
    with_computations = lkjipdsl.evaluate(lkjipdsl.load(str(spec)), computations=True)
    assert capsys.readouterr().out == with_computations.model_dump_json(indent=2) + "\n"


def test_eval_json_stopped_by_a_limit_writes_nothing(tmp_path, capsys):
    spec = ROOT / "specs" / "seririt-2023.lkj"
    out = tmp_path / "hasil.json"
    code = main(["eval", str(spec), "-o", str(out), "--limit", "max_evaluation_steps=10", "--lang", "en"])
    assert code == 1 and not out.exists()
    assert "E013" in capsys.readouterr().err
