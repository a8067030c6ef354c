"""The benchmark scripts keep working (run once, on small inputs); no timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_startup_benchmark_runs_once():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "startup.py"), "1"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("python -c pass", "eval --format json", "check", "import lkjipdsl.cli", "packages imported"):
        assert label in done.stdout, done.stdout


def test_pipeline_benchmark_runs_on_the_smallest_size(tmp_path):
    env = {**os.environ, "LKJIPDSL_BENCH_DIR": str(tmp_path), "LKJIPDSL_BENCH_RESULTS": str(tmp_path / "r.json")}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--many", "3", "40"], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("parse=", "pipeline_json=", "yaml_cload=", "json_loads=", "faster than PyYAML",
                  "MB per MB", "of a cold run", "vs PyYAML's C loader", "a line inserted at the top",
                  "Seririt `eval` vs `python -c pass`", "3 Seririt-sized specs", "export html", "export xlsx",
                  "export docx", "export pdf"):
        assert label in done.stdout, done.stdout
    figures = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    row = figures["sizes"][0]
    assert row["size"] == 40 and row["session_parts_parsed"] == 1
    assert figures["processes"]["many_count"] == 3 and figures["processes"]["many_small_count"] == 1


def test_compiled_benchmark_measures_a_copy_of_the_checkout(tmp_path):
    """bench/compiled.py: the modules it compiles exist and none is also among those it leaves
    interpreted; the pipeline and the stages are measured in a copy of the checkout, which is the
    lkjipdsl imported there (the pure copy: compiling needs mypyc, which is no dependency)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import compiled
        from generate import write_all
    finally:
        sys.path.remove(str(ROOT / "bench"))
    for module in compiled.WIDER + list(compiled.SKIPPED):
        assert (ROOT / module).is_file(), module
    assert set(compiled.COMPILED) <= set(compiled.WIDER)
    assert not set(compiled.WIDER) & set(compiled.SKIPPED)
    copy = tmp_path / "pure"
    compiled.copy_checkout(copy)
    assert (copy / "lkjipdsl" / "grammar" / "lkj.lark").is_file() and not (copy / ".venv").exists()
    spec = write_all(40, tmp_path)["lkj"]
    pipeline = compiled.in_copy(copy, "pipeline", spec, 1)
    stages = compiled.in_copy(copy, "stages", spec, 1)
    assert pipeline["imported_from"] == str(copy.resolve())
    assert pipeline["pipeline_json_cpu"] > 0 and pipeline["compiled_modules"] == []
    assert set(stages) >= {"prescan", "parse", "build", "check", "evaluate", "json"}
