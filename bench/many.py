"""Many specs at once: the speed-up from one to two (or more) worker processes.

    python bench/many.py [COUNT] [SIZE]     # default: 8 specs of 1000 sub kegiatan each

Each spec is checked completely (load, evaluate, render the diagnostics) by lkjipdsl.batch.run,
once with jobs=1 and once with jobs=os.cpu_count(); the wall times and their ratio are printed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import build_data, to_lkj  # noqa: E402


def main(count: int = 8, size: int = 1000) -> None:
    from lkjipdsl import batch

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
    for jobs in sorted({1, cores}):
        start = time.perf_counter()
        outcomes = list(batch.run(paths, errors_only=True, jobs=jobs))
        times[jobs] = time.perf_counter() - start
        assert len(outcomes) == count
    print(f"{count} specs of {size} sub kegiatan: " + ", ".join(f"{j} job(s) {t:.2f}s" for j, t in times.items())
          + (f"; speed-up {times[1] / times[cores]:.2f}x on {cores} cores" if cores > 1 else ""))


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:3]])
