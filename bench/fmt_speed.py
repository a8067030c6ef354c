#!/usr/bin/env python
"""`lkjipdsl fmt --check` against `lkjipdsl check` on the same spec, each as the command runs it.

    python bench/fmt_speed.py [SUB_KEGIATAN]          # default 10000: the 10k benchmark spec

The spec is made by bench/generate.py. Both commands run in fresh processes, best of 3; fmt
reads the file, parses it twice (before and after formatting, to prove the meaning unchanged)
and lays it out; check reads, builds, checks and evaluates it. The target (docs/performance.md):
fmt at least as fast as check.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_all  # noqa: E402


def best(argv: list[str], runs: int = 3) -> tuple[float, float]:
    """The best wall time and the best CPU time (user + system) of `runs` runs of a command; on a
    busy machine the CPU time is the steadier of the two."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        spec = write_all(count, Path(folder))["lkj"]
        size = spec.stat().st_size / 1e6
        command = [sys.executable, "-m", "lkjipdsl.cli"]
        limits = ["--limit", f"max_file_bytes={max(spec.stat().st_size * 2, 8 << 20)}",
                "--limit", "max_tokens=10000000"]  # 10k: over the default
        check = best([*command, "check", str(spec), *limits])
        fmt = best([*command, "fmt", "--check", str(spec), *limits])
    print(f"spec: {count} sub kegiatan, {size:.1f} MB")
    print("                        wall      CPU")
    print(f"lkjipdsl check        : {check[0]:5.2f} s  {check[1]:5.2f} s")
    print(f"lkjipdsl fmt --check  : {fmt[0]:5.2f} s  {fmt[1]:5.2f} s")
    print(f"ratio fmt / check     : {fmt[0] / check[0]:5.2f}    {fmt[1] / check[1]:5.2f}   (target ≤ 1)")


if __name__ == "__main__":
    main()
