"""Benchmarks: the pipeline stage by stage and as a whole process, against PyYAML and json.

    python bench/run.py                     # sizes 1000 and 10000 sub kegiatan
    python bench/run.py 1000 10000 100000   # up to ~90 MB (takes minutes)

Every figure is a ratio against, in the same run, loading the same data with PyYAML's C loader
and with json.loads; time per MB shows whether cost grows linearly. Each size is measured in fresh
processes, not in the one that generated its data: the pipeline in one, the stages and the
baselines in another, the CLI and its peak memory (VmHWM) in others. Results are printed as a
table and written to bench/results.json.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_all  # noqa: E402

FOLDER = Path(os.environ.get("LKJIPDSL_BENCH_DIR", "/tmp/lkj-bench"))
# The default limits stop at 8 MB and 500 000 tokens (docs/security.md); the benchmark sizes go
# beyond them on purpose, so they are raised, as a Bappeda would for a province-sized spec.
LIMIT_OPTIONS = ["--limit", "max_file_bytes=1000000000", "--limit", "max_tokens=100000000",
                 "--limit", "max_evaluation_steps=100000000"]


def raised_limits():
    from lkjipdsl import Limits

    return Limits(max_file_bytes=1_000_000_000, max_tokens=100_000_000, max_evaluation_steps=100_000_000)


def best_of(fn, repeat: int) -> float:
    """The best of `repeat` runs, with the garbage collector paused as lkjipdsl.api does."""
    import gc

    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        gc.enable()
    return min(times)


def stages(path: Path, repeat: int) -> dict[str, float]:
    import lkjipdsl
    from lkjipdsl import build, checks
    from lkjipdsl import limits as limits_module
    from lkjipdsl.syntax import prescan, scan_in_parts
    from lkjipdsl.api import evaluate_spec
    from lkjipdsl.graph import build_graph
    from lkjipdsl.render.tables import tables
    from lkjipdsl.render.text import render_tables, write_json

    text = path.read_text(encoding="utf-8")
    out: dict[str, float] = {}
    limits = raised_limits()
    # the pipeline to a Result first, while this process holds nothing else (a heap of many GB from
    # the stages below slows every allocation at 100k); the pipeline to JSON has a process of its own
    out["pipeline_result"] = best_of(lambda: lkjipdsl.evaluate(
        lkjipdsl.loads(text, str(path), limits=limits), limits=limits), repeat)
    with limits_module.using(limits), limits_module.counting(limits):
        out["prescan"] = best_of(lambda: prescan(text, str(path), limits, deep=False), repeat)
        out["parse"] = best_of(lambda: scan_in_parts(text, str(path)), repeat)
        statements = scan_in_parts(text, str(path))
        out["build"] = best_of(lambda: build.build(statements, str(path)), repeat)
        spec, _ = build.build(statements, str(path))
        statements = None  # freed before the next stages
        out["check"] = best_of(lambda: checks.run_checks(spec), repeat)
        out["evaluate"] = best_of(lambda: evaluate_spec(spec, [], build_graph(spec)), repeat)  # the graph too
        result = evaluate_spec(spec, [], build_graph(spec))
        spec = None
        with open(os.devnull, "wb") as sink:
            out["render_json"] = best_of(lambda: write_json(result, sink), repeat)
        out["render_text"] = best_of(lambda: render_tables(tables(result, ["anggaran"]), "text"), repeat)
        result = None
    out.update(incremental(text, str(path), limits))
    return out


def pipeline(path: Path, repeat: int) -> dict[str, float]:
    """`evaluate(loads(text))` and its JSON written out, as the command writes it (item by item,
    to a file): the headline figure, in a process that has run nothing before it."""
    import lkjipdsl
    from lkjipdsl.render.text import write_json

    text = path.read_text(encoding="utf-8")
    limits = raised_limits()
    with open(os.devnull, "wb") as sink:
        return {"pipeline_json": best_of(lambda: write_json(lkjipdsl.evaluate(
            lkjipdsl.loads(text, str(path), limits=limits), limits=limits), sink), repeat)}


def incremental(text: str, file: str, limits) -> dict[str, float]:
    """A lkjipdsl.Session after one value is edited in place (a sub kegiatan's realisasi in the
    middle of the file), best of five different edits; against the cold pipeline to a Result."""
    import re

    import lkjipdsl

    session = lkjipdsl.Session(file, limits)
    session.update(text)
    match = re.compile(r"realisasi (\d[\d.]*)").search(text, len(text) // 2)
    start, end = match.span(1)
    times = []
    for value in range(1, 6):
        edited = text[:start] + str(value) + text[end:]
        started = time.perf_counter()
        session.update(edited)
        times.append(time.perf_counter() - started)
    stats = session.stats
    return {"session_edit": min(times), "session_values_computed": stats.values_computed,
            "session_parts_parsed": stats.parts_parsed}


def baselines(yaml_path: Path, json_path: Path, repeat: int) -> dict[str, float]:
    import yaml

    ytext = yaml_path.read_text(encoding="utf-8")
    jtext = json_path.read_text(encoding="utf-8")
    return {
        "yaml_cload": best_of(lambda: yaml.load(ytext, Loader=yaml.CSafeLoader), repeat),
        "json_loads": best_of(lambda: json.loads(jtext), repeat),
    }


def process(path: Path) -> dict[str, float]:
    """The whole CLI in a fresh process: wall time and peak RSS growth over an empty run."""
    # VmHWM, not ru_maxrss: a child forked from this (large) process inherits its ru_maxrss
    peak = 'next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))'
    # main() as the console script calls it (gc.freeze, os._exit at the end); os._exit is wrapped to
    # report the time and the peak first
    code = ("import os, sys, time; from lkjipdsl.cli import main; t = time.perf_counter(); leave = os._exit; "
            f"os._exit = lambda rc: (sys.stderr.write(f'{{time.perf_counter() - t}} {{{peak}}}\\n'), "
            "sys.stderr.flush(), leave(rc)); sys.stdout = open('/dev/null', 'w'); main()")
    base = f"import sys; import lkjipdsl.cli; sys.stderr.write(f'0 {{{peak}}}\\n')"
    idle = subprocess.run([sys.executable, "-c", base], capture_output=True, text=True).stderr.split()
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code, "eval", str(path), "--format", "json", *LIMIT_OPTIONS],
                              capture_output=True, text=True)
        wall = time.perf_counter() - started
        inner, rss = done.stderr.strip().splitlines()[-1].split()
        runs.append((wall, float(inner), int(rss)))
    wall = statistics.median(r[0] for r in runs)
    rss_growth_mb = (max(r[2] for r in runs) - int(idle[1])) / 1024
    return {"cli_process": wall, "cli_peak_rss_growth_mb": rss_growth_mb}


def measured_apart(paths: dict[str, Path], repeat: int) -> dict[str, float]:
    """The pipeline, then the stages and the baselines, each measured in a fresh process: this one
    has just generated the data, and at 100k a heap of several GB (or the memory an earlier
    measurement left behind) slows every allocation the pipeline makes."""
    figures: dict[str, float] = {}
    for what in ("pipeline", "stages"):
        done = subprocess.run([sys.executable, __file__, "--measure", what, str(paths["lkj"]), str(paths["yaml"]),
                               str(paths["json"]), str(repeat)], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        figures.update(json.loads(done.stdout))
    return figures


def main(sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        paths = write_all(size, FOLDER)
        mb = paths["lkj"].stat().st_size / 1e6
        repeat = 3 if size <= 10000 else 1
        row = {"size": size, "mb": round(mb, 2), **measured_apart(paths, repeat), **process(paths["lkj"])}
        row["per_mb_pipeline"] = row["pipeline_json"] / mb
        row["vs_yaml"] = row["yaml_cload"] / row["pipeline_json"]
        row["vs_json"] = row["pipeline_json"] / row["json_loads"]
        row["edit_vs_cold"] = row["session_edit"] / row["pipeline_result"]
        rows.append(row)
        print(format_row(row), flush=True)
    results = Path(os.environ.get("LKJIPDSL_BENCH_RESULTS", Path(__file__).with_name("results.json")))
    results.write_text(json.dumps(rows, indent=2), encoding="utf-8")


def format_row(row: dict) -> str:
    keys = ["prescan", "parse", "build", "check", "evaluate", "render_json", "render_text", "pipeline_result",
            "pipeline_json", "session_edit", "yaml_cload", "json_loads", "cli_process"]
    cells = " ".join(f"{k}={row[k]:.3f}s" for k in keys)
    return (f"{row['size']:>6} sub kegiatan, {row['mb']:.2f} MB: {cells}\n"
            f"        pipeline {row['per_mb_pipeline']:.3f} s/MB; {row['vs_yaml']:.2f}x faster than PyYAML C; "
            f"{row['vs_json']:.1f}x json.loads; peak RSS +{row['cli_peak_rss_growth_mb']:.0f} MB "
            f"({row['cli_peak_rss_growth_mb'] / row['mb']:.1f} MB per MB)\n"
            f"        one value edited, re-run by a Session: {row['edit_vs_cold']:.3f} of a cold run "
            f"({row['session_values_computed']} values computed, {row['session_parts_parsed']} part read)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:  # one size, in this fresh process (measured_apart)
        what, lkj, yaml_path, json_path, repeat = sys.argv[2:7]
        if what == "pipeline":
            figures = pipeline(Path(lkj), int(repeat))
        else:
            figures = stages(Path(lkj), int(repeat))
            figures.update(baselines(Path(yaml_path), Path(json_path), int(repeat)))
        print(json.dumps(figures))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
