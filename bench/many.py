"""Many specs at once: the speed-up from one to two (or more) worker processes.

    python bench/many.py [COUNT] [SIZE]     # default: 8 specs of 1000 sub kegiatan each

Each spec is checked completely (load, evaluate, render the diagnostics) by `lkjipdsl check
--no-warnings -j N` as a whole process, once with one job and once with one per core; the wall
times and their ratio are printed. Each in a fresh process, as a user runs it: a process that has
already checked the specs itself hands its heap to the workers it forks, and their collections
then walk it (8 specs of 1k: 2,4 s with two jobs instead of 1,8).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import build_data, to_lkj  # noqa: E402


def main(count: int = 8, size: int = 1000) -> None:
    folder = Path(os.environ.get("LKJIPDSL_BENCH_DIR", "/tmp/lkj-bench")) / f"many-{count}x{size}"
    folder.mkdir(parents=True, exist_ok=True)
    text = to_lkj(build_data(size))
    paths = []
    for index in range(count):
        path = folder / f"opd-{index:02}.lkj"
        path.write_text(text.replace('instansi "Kabupaten Contoh"', f'instansi "Perangkat Daerah {index}"'),
                        encoding="utf-8")
        paths.append(str(path))
    cores = os.cpu_count() or 1
    times = {}
    command = [sys.executable, "-c", "from lkjipdsl.cli import main; main()", "check", "--no-warnings"]
    for jobs in sorted({1, cores}):
        start = time.perf_counter()
        done = subprocess.run([*command, "-j", str(jobs), *paths], capture_output=True, text=True)
        times[jobs] = time.perf_counter() - start
        assert done.returncode in (0, 1) and done.stderr.count(" printed figure(s) that disagree") == count, \
            done.stderr[-2000:]
    print(f"{count} specs of {size} sub kegiatan: " + ", ".join(f"{j} job(s) {t:.2f}s" for j, t in times.items())
          + (f"; speed-up {times[1] / times[cores]:.2f}x on {cores} cores" if cores > 1 else ""))


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:3]])
