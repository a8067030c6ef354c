"""Benchmarks: the pipeline stage by stage and as a whole process, against PyYAML and json.

    python bench/run.py                     # sizes 1000 and 10000 sub kegiatan
    python bench/run.py 1000 10000 100000   # up to ~90 MB (takes minutes)
    python bench/run.py --many 200 1000     # 200 Seririt-sized specs for the many-specs row (default 2000; 0: none)

Every figure is a ratio against, in the same run, loading the same data with PyYAML's C loader
and with json.loads; time per MB shows whether cost grows linearly. Each size is measured in fresh
processes, not in the one that generated its data: the pipeline in one, the stages and the
baselines in another, the CLI and its peak memory (VmHWM) in others. Results are printed as a
table and written to bench/results.json. Then `eval` of Seririt against a bare interpreter, `check`
of a folder of 2 000 Seririt-sized specs with one and two jobs, the exports (html, xlsx, docx, pdf)
of the 10k spec, and the table of the targets (docs/performance.md) with every ratio from the run,
wall time and, steadier on a shared machine, CPU time beside it.
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
EXPORTS = ("html", "xlsx", "docx", "pdf")
EXPORT_MEMORY = 6 << 30  # bytes of address space an export may take
EXPORT_SECONDS = int(os.environ.get("LKJIPDSL_BENCH_EXPORT_SECONDS", "600"))
EXPORT_SIZE = 10000  # the exports and the targets on this spec (when measured; minutes each at 100k)
LIMIT_OPTIONS = ["--limit", "max_file_bytes=1000000000", "--limit", "max_tokens=100000000",
                 "--limit", "max_evaluation_steps=100000000"]


def raised_limits():
    from lkjipdsl import Limits

    return Limits(max_file_bytes=1_000_000_000, max_tokens=100_000_000, max_evaluation_steps=100_000_000)


def best_of(fn, repeat: int) -> float:
    """The best of `repeat` runs, with the garbage collector paused as lkjipdsl.api does."""
    return best_of_both(fn, repeat)[0]


def best_of_both(fn, repeat: int) -> tuple[float, float]:
    """(wall, cpu) of the fastest of `repeat` runs: CPU time (user + system of this process) is the
    steadier figure on a machine other jobs share."""
    import gc

    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
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
    out["pipeline_result"], out["pipeline_result_cpu"] = best_of_both(lambda: lkjipdsl.evaluate(
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
    """`evaluate_to(loads(text), file)`: the spec loaded, and its JSON written to a file while it
    is evaluated, as `eval --format json` writes it (node by node, never the whole result at once):
    the headline figure, in a process that has run nothing before it."""
    import lkjipdsl

    text = path.read_text(encoding="utf-8")
    limits = raised_limits()
    with open(os.devnull, "wb") as sink:
        wall, cpu = best_of_both(lambda: lkjipdsl.evaluate_to(
            lkjipdsl.loads(text, str(path), limits=limits), sink, limits=limits), repeat)
    return {"pipeline_json": wall, "pipeline_json_cpu": cpu}


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
        times.append(timed(lambda edited=edited: session.update(edited)))
    stats = session.stats
    figures = {"session_edit": min(times)[0], "session_edit_cpu": min(t[1] for t in times),
               "session_values_computed": stats.values_computed, "session_parts_parsed": stats.parts_parsed}
    # a comment line inserted below the header (every part below it moves), then taken out again:
    # the best of five insertions
    header_end = text.index("\n") + 1
    times = []
    for value in range(1, 6):
        inserted = text[:header_end] + f"# catatan {value}\n" + text[header_end:]
        times.append(timed(lambda inserted=inserted: session.update(inserted)))
        session.update(text)
    session.update(text[:header_end] + "# catatan\n" + text[header_end:])
    stats = session.stats
    figures.update({"session_insert_top": min(times)[0], "session_insert_top_cpu": min(t[1] for t in times),
                    "session_insert_values_computed": stats.values_computed,
                    "session_insert_parts_parsed": stats.parts_parsed})
    return figures


def timed(fn) -> tuple[float, float]:
    """(wall, cpu) of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def baselines(yaml_path: Path, json_path: Path, repeat: int) -> dict[str, float]:
    import yaml

    ytext = yaml_path.read_text(encoding="utf-8")
    jtext = json_path.read_text(encoding="utf-8")
    yaml_wall, yaml_cpu = best_of_both(lambda: yaml.load(ytext, Loader=yaml.CSafeLoader), repeat)
    json_wall, json_cpu = best_of_both(lambda: json.loads(jtext), repeat)
    return {"yaml_cload": yaml_wall, "yaml_cload_cpu": yaml_cpu, "json_loads": json_wall, "json_loads_cpu": json_cpu}


def exports(path: Path, fmt: str) -> dict[str, float]:
    """One export of a report (a format of `eval -o`) made from the evaluated spec, once, as
    `lkjipdsl.render_report` makes it: (wall, cpu); None for a format lkjipdsl lacks."""
    import lkjipdsl
    from lkjipdsl.render.formats import REGISTRY

    if fmt not in REGISTRY:
        return {f"export_{fmt}": None, f"export_{fmt}_cpu": None}
    limits = raised_limits()
    result = lkjipdsl.evaluate(lkjipdsl.load(path, limits=limits), limits=limits)
    try:
        wall, cpu = best_of_both(lambda: lkjipdsl.render_report(result, fmt), 1)
    except ValueError as refused:  # a limit of the format (the PDF's max_pdf_rows), as the command says
        import re

        limit = re.search(r"max_\w+", str(refused))
        return {f"export_{fmt}": f"refused by {limit.group() if limit else 'a limit'}", f"export_{fmt}_cpu": None}
    return {f"export_{fmt}": wall, f"export_{fmt}_cpu": cpu}


def measured_exports(path: Path) -> dict[str, float | str]:
    """Each export in a process of its own, within EXPORT_MEMORY and EXPORT_SECONDS (the PDF of the
    10k spec took more than 19 GB): one that does not finish within them is reported so."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (EXPORT_MEMORY, EXPORT_MEMORY))

    figures: dict[str, float | str] = {}
    for fmt in EXPORTS:
        try:
            done = subprocess.run([sys.executable, __file__, "--measure", f"export-{fmt}", str(path), "-", "-", "1"],
                                  capture_output=True, text=True, timeout=EXPORT_SECONDS, preexec_fn=cap)
        except subprocess.TimeoutExpired:
            figures[f"export_{fmt}"] = f"over {EXPORT_SECONDS} s"
            continue
        if done.returncode != 0:
            figures[f"export_{fmt}"] = f"failed within {EXPORT_MEMORY >> 30} GB"
            continue
        figures.update(json.loads(done.stdout))
    return figures


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


def measured_apart(paths: dict[str, Path], repeat: int, with_exports: bool = False) -> dict[str, float]:
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
    if with_exports:
        figures.update(measured_exports(paths["lkj"]))
    return figures


def startup(runs: int = 21) -> dict[str, float]:
    """`lkjipdsl eval` of Seririt as a process against a bare `python -c pass`, run in turns:
    medians of wall and CPU time (bench/startup.py)."""
    from startup import SPEC, command, interleaved

    import compileall

    compileall.compile_dir(str(SPEC.parent.parent / "lkjipdsl"), quiet=1)
    (bare_wall, bare_cpu), (wall, cpu) = interleaved([[sys.executable, "-c", "pass"], command() + ["eval", str(SPEC)]],
                                                     runs)
    return {"python_pass": bare_wall, "python_pass_cpu": bare_cpu, "seririt_eval": wall, "seririt_eval_cpu": cpu}


# Runs the command given after -c's code and prints its wall time, the CPU time and the peak memory (MB)
# of its whole process tree (wait4: the command and the workers it waited for).
_TIMED_TREE = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - started
code = os.waitstatus_to_exitcode(status)
if code not in (0, 1):
    sys.exit(f"exit {code}")
print(json.dumps([wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024]))
"""


def many(count: int) -> dict[str, float]:
    """`lkjipdsl check --no-warnings -j N` over a folder of `count` Seririt-sized specs (copies of
    Seririt under other names), with one job and with two; and the peak memory of the whole process
    tree (the command and its workers: wait4's ru_maxrss) with two jobs over half the specs and over
    all of them, which should be alike. Half, not a tenth: a worker's memory levels off after a few
    hundred specs (its caches fill, and the allocator's arenas reach what a spec needs; one process
    over the same specs: 43,4 MB after 200, 44,8 MB after 1 000 and after 2 000, the Python objects it
    holds the same throughout), so a tenth of 2 000 measures that warm-up, not growth with the count."""
    from startup import SPEC

    text = SPEC.read_text(encoding="utf-8")
    folders = {}
    for n in sorted({max(1, count // 2), count}):
        folder = FOLDER / f"seririt-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(n):
            path = folder / f"opd-{index:04}.lkj"
            if not path.exists():
                path.write_text(text.replace('instansi "', f'instansi "OPD {index} ', 1), encoding="utf-8")
        folders[n] = folder
    command = [sys.executable, "-c", "from lkjipdsl.cli import main; main()", "check", "--no-warnings"]

    def run(jobs: int, folder: Path) -> tuple[float, float, float]:
        # started from a small process of its own: a process forked from this one (which may hold the
        # data of the larger sizes) counts this one's memory in its own peak (ru_maxrss) until it execs
        done = subprocess.run([sys.executable, "-c", _TIMED_TREE, *command, "-j", str(jobs), str(folder)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"check -j {jobs} {folder}: {done.stderr[-2000:]}")
        wall, cpu, peak = json.loads(done.stdout)
        return wall, cpu, peak

    one = run(1, folders[count])
    two = run(2, folders[count])
    small = run(2, folders[min(folders)])
    return {"many_count": count, "many_j1": one[0], "many_j1_cpu": one[1], "many_j2": two[0], "many_j2_cpu": two[1],
            "many_peak_mb": two[2], "many_small_count": min(folders), "many_small_peak_mb": small[2]}


def main(sizes: list[int], many_count: int = 2000) -> None:
    rows = []
    # the exports and the table of targets on the 10k spec, else the largest measured
    target_size = EXPORT_SIZE if EXPORT_SIZE in sizes else max(sizes)
    for size in sizes:
        paths = write_all(size, FOLDER)
        mb = paths["lkj"].stat().st_size / 1e6
        repeat = 3 if size <= 10000 else 1
        row = {"size": size, "mb": round(mb, 2), **measured_apart(paths, repeat, with_exports=size == target_size),
               **process(paths["lkj"])}
        row["per_mb_pipeline"] = row["pipeline_json"] / mb
        row["per_mb_pipeline_cpu"] = row["pipeline_json_cpu"] / mb
        row["vs_yaml"] = row["yaml_cload"] / row["pipeline_json"]
        row["vs_json"] = row["pipeline_json"] / row["json_loads"]
        row["edit_vs_cold"] = row["session_edit"] / row["pipeline_result"]
        rows.append(row)
        print(format_row(row), flush=True)
    process_figures = {**startup(), **(many(many_count) if many_count else {})}
    print(summary(rows, process_figures))
    results = Path(os.environ.get("LKJIPDSL_BENCH_RESULTS", Path(__file__).with_name("results.json")))
    results.write_text(json.dumps({"sizes": rows, "processes": process_figures}, indent=2), encoding="utf-8")


def summary(rows: list[dict], processes: dict) -> str:
    """The targets of the speed work (docs/performance.md) as one table, every ratio from this run:
    measured on the 10k spec (else the largest measured), wall time and beside it CPU time. A
    ratio of two times is judged by CPU time, the steadier on a shared machine (wall time counts
    the waits for a core); the jobs' speed-up by wall time, which is what it changes."""
    row = next((r for r in rows if r["size"] == EXPORT_SIZE), max(rows, key=lambda r: r["size"]))
    size = f"{row['size']} sub kegiatan"

    def met(ok: bool) -> str:
        return "yes" if ok else "no"

    lines = [f"| measure ({size}) | measured: wall (cpu) | target | met |", "|---|---|---|---|"]
    yaml_ratio, yaml_cpu = row["yaml_cload"] / row["pipeline_json"], row["yaml_cload_cpu"] / row["pipeline_json_cpu"]
    lines.append(f"| pipeline to JSON vs PyYAML's C loader merely loading | {yaml_ratio:.2f}x ({yaml_cpu:.2f}x) "
                 f"| >= 1.1x | {met(yaml_cpu >= 1.1)} |")
    json_ratio, json_cpu = row["pipeline_json"] / row["json_loads"], row["pipeline_json_cpu"] / row["json_loads_cpu"]
    lines.append(f"| pipeline vs json.loads | {json_ratio:.1f}x ({json_cpu:.1f}x) | <= 40x | {met(json_cpu <= 40)} |")
    per_mb = row["cli_peak_rss_growth_mb"] / row["mb"]
    lines.append(f"| peak RSS growth per MB of spec | {per_mb:.1f} MB (+{row['cli_peak_rss_growth_mb']:.0f} MB) "
                 f"| <= 20 MB | {met(per_mb <= 20)} |")
    edit, top = row["session_edit"] / row["pipeline_result"], row["session_insert_top"] / row["pipeline_result"]
    edit_cpu = row["session_edit_cpu"] / row["pipeline_result_cpu"]
    top_cpu = row["session_insert_top_cpu"] / row["pipeline_result_cpu"]
    lines.append(f"| one-value edit by a Session vs a cold run | {edit:.3f} ({edit_cpu:.3f}) | <= 0.05 "
                 f"| {met(edit_cpu <= 0.05)} |")
    lines.append(f"| ... a line inserted at the top | {top:.3f} ({top_cpu:.3f}; "
                 f"{row['session_insert_parts_parsed']} part read) | <= 0.1 | {met(top_cpu <= 0.1)} |")
    start, start_cpu = (processes["seririt_eval"] / processes["python_pass"],
                        processes["seririt_eval_cpu"] / processes["python_pass_cpu"])
    # two decimals and the CPU time beyond the bare interpreter: a bare start varies by a fifth
    # from one run to the next (21-26 ms here) and moves the ratio by as much; the time beyond it less
    lines.append(f"| Seririt `eval` vs `python -c pass` | {start:.2f}x ({start_cpu:.2f}x; "
                 f"{processes['seririt_eval_cpu']:.4f} s vs {processes['python_pass_cpu']:.4f} s of CPU, "
                 f"{processes['seririt_eval_cpu'] - processes['python_pass_cpu']:.3f} s beyond it) "
                 f"| <= 5x | {met(start_cpu <= 5)} |")
    if "many_count" in processes:
        speedup = processes["many_j1"] / processes["many_j2"]
        flat = processes["many_peak_mb"] / processes["many_small_peak_mb"]
        lines.append(f"| {processes['many_count']} Seririt-sized specs, `check` -j 2 vs -j 1 | {speedup:.2f}x "
                     f"({processes['many_j1']:.1f} s vs {processes['many_j2']:.1f} s) "
                     f"| >= 1.8x | {met(speedup >= 1.8)} |")
        lines.append(f"| ... peak memory, {processes['many_count']} specs vs {processes['many_small_count']} "
                     f"| {processes['many_peak_mb']:.0f} MB vs {processes['many_small_peak_mb']:.0f} MB ({flat:.2f}x) "
                     f"| flat (<= 1.1x) | {met(flat <= 1.1)} |")
    if len(rows) > 1:
        growth = rows[-1]["per_mb_pipeline"] / rows[0]["per_mb_pipeline"]
        growth_cpu = rows[-1]["per_mb_pipeline_cpu"] / rows[0]["per_mb_pipeline_cpu"]
        lines.append(f"| time per MB, {rows[-1]['size']} vs {rows[0]['size']} | {growth:.2f}x ({growth_cpu:.2f}x; "
                     f"{rows[0]['per_mb_pipeline_cpu']:.3f} -> {rows[-1]['per_mb_pipeline_cpu']:.3f} s/MB of CPU) "
                     f"| <= 1.3x | {met(growth_cpu <= 1.3)} |")
    for fmt in EXPORTS:
        wall = row.get(f"export_{fmt}")
        shown = ("no such format" if wall is None else wall if isinstance(wall, str)
                 else f"{wall:.2f} s ({row[f'export_{fmt}_cpu']:.2f} s)")
        lines.append(f"| export {fmt} | {shown} | - | - |")
    return "\n".join(lines)


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
        elif what.startswith("export-"):
            figures = exports(Path(lkj), what[len("export-"):])
        else:
            figures = stages(Path(lkj), int(repeat))
            figures.update(baselines(Path(yaml_path), Path(json_path), int(repeat)))
        print(json.dumps(figures))
    else:
        arguments = sys.argv[1:]
        count = 2000
        if "--many" in arguments:
            at = arguments.index("--many")
            count = int(arguments[at + 1])
            del arguments[at:at + 2]
        main([int(a) for a in arguments] or [1000, 10000], count)
