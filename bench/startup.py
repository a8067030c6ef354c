"""Start-up: the median process time of one `lkjipdsl` command on the Seririt report.

    python bench/startup.py [N] [SPEC]      # default: 21 runs of each, specs/seririt-2023.lkj

Runs `eval`, `eval --format json` and `check` N times each, in turns with a bare interpreter
(`python -c pass`; one run of each per round), every run a new process of the real interpreter
(the console script next to sys.executable, not a shim on PATH that adds its own start-up), and
prints the median wall and CPU (user + system) time of each; then the import time of
lkjipdsl.cli (`-X importtime`) with the packages and modules that take most of it.

The package's bytecode is compiled first: with PYTHONDONTWRITEBYTECODE set (as on the project
machine) a module changed since its .pyc was written would be compiled again in every run, which
an installed package never is. Figures only: nothing here asserts a time (docs/performance.md).
"""

from __future__ import annotations

import compileall
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "seririt-2023.lkj"
COMMANDS = {
    "eval": ["eval"],
    "eval --format json": ["eval", "--format", "json"],
    "check": ["check"],
}


def command() -> list[str]:
    """The console script installed next to this interpreter, else the same entry point (python -m)."""
    script = Path(sys.executable).with_name("lkjipdsl")
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "lkjipdsl"]


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one process; cpu, its user + system time, is less disturbed by other jobs.
    An exit code above 1 (usage, internal error) stops the benchmark: it would time a failure."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)}: exit {code}\n{stderr.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def medians(argv: list[str], runs: int) -> tuple[float, float]:
    return interleaved([argv], runs)[0]


def interleaved(argvs: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """(median wall, median cpu) of each command, run in turns (one of each per round), so that a
    ratio between them is not moved by the machine's pace drifting between one series and the next."""
    rounds = [[timed(argv) for argv in argvs] for _ in range(runs)]
    return [(statistics.median(r[i][0] for r in rounds), statistics.median(r[i][1] for r in rounds))
            for i in range(len(argvs))]


def import_times(runs: int) -> tuple[float, list[tuple[float, str]], list[tuple[float, str]]]:
    """Median cumulative import time of lkjipdsl.cli (s); of the last run, the packages it imports by
    cumulative time and the modules by their own time (the interpreter's own start-up left out)."""
    totals, packages, modules = [], [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import lkjipdsl.cli"],
                              capture_output=True, text=True, cwd=ROOT, check=True)
        rows = []
        for line in done.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ?(\s*)(\S+)", line)
            if not match:
                continue
            if match[4] == "site" and not match[3]:
                rows = []  # what the interpreter imported before running -c
                continue
            rows.append((int(match[1]) / 1e6, int(match[2]) / 1e6, match[4]))
        totals.append(next(cumulative for _, cumulative, name in rows if name == "lkjipdsl.cli"))
        packages = sorted(((cumulative, name) for _, cumulative, name in rows
                           if "." not in name and name != "lkjipdsl"), reverse=True)[:8]
        modules = sorted(((own, name) for own, _, name in rows), reverse=True)[:8]
    return statistics.median(totals), packages, modules


def main(runs: int = 21, spec: str = str(SPEC)) -> dict[str, float]:
    """Print the figures; return the median wall times (and the import time) by label, in seconds."""
    base = command()
    compileall.compile_dir(str(ROOT / "lkjipdsl"), quiet=1)  # time the code, not compiling it (see above)
    labels = ["python -c pass", *COMMANDS]
    argvs = [[sys.executable, "-c", "pass"], *(base + args + [spec] for args in COMMANDS.values())]
    figures = dict(zip(labels, interleaved(argvs, runs)))
    imported, packages, modules = import_times(max(1, min(runs, 5)))
    print(f"{Path(spec).name}, {runs} run(s) each, {os.cpu_count()} core(s), {base[1] if len(base) == 2 else base[0]}")
    print(f"  {'median of':<22} {'wall':>7} {'cpu':>7}")
    for label, (wall, cpu) in figures.items():
        print(f"  {label:<22} {wall:6.3f}s {cpu:6.3f}s")
    print(f"  import lkjipdsl.cli    {imported:.3f}s (median of -X importtime)")
    print("  packages imported (cumulative): " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in packages))
    print("  slowest modules (own time):     " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in modules))
    result = {label: wall for label, (wall, _) in figures.items()}
    result["import"] = imported
    return result


if __name__ == "__main__":
    main(*([int(sys.argv[1])] if len(sys.argv) > 1 else []), *sys.argv[2:3])
