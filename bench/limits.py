"""Timings of the hostile inputs of docs/security.md, "Bounded work" (each must end with its
diagnostic in under 2 s).

    python bench/limits.py

The inputs are those of tests/test_limits.py, which checks the diagnostics; this script only
measures how long each takes, the best of three runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import test_limits as cases  # noqa: E402

import lkjipdsl  # noqa: E402


def best(function, *args) -> tuple[float, list[str]]:
    times, codes = [], []
    for _ in range(3):
        started = time.perf_counter()
        loaded = function(*args)
        if loaded.ok:
            loaded = lkjipdsl.evaluate(loaded)
        times.append(time.perf_counter() - started)
        codes = sorted({d.code for d in loaded.diagnostics if d.severity in ("error", lkjipdsl.Severity.ERROR)})
    return min(times), codes


def main() -> None:
    inputs = {
        "50 MB one-line text (loads)": ('instansi "Kecamatan Contoh" ' * (50 * 1024 * 1024 // 28 + 1),),
        "100 000 nested parentheses in a rule": (cases.rule("(" * 100_000 + "1" + ")" * 100_000 + " > 0"),),
        "a number with 10 000 digits": (cases.HEAD + 'program 1 "P" { anggaran ' + "9" * 10_000 + " }\n",),
        "40 rumus each squaring the previous": (cases.squaring_chain(40),),
        "a 401-part rule over 8 000 sub kegiatan": (cases.many_subkegiatan(8000, cases.balanced(200) + " > 0"),),
    }
    for name, args in inputs.items():
        seconds, codes = best(lambda text: lkjipdsl.loads(text, "x.lkj"), *args)
        print(f"{seconds:7.3f} s  {', '.join(codes) or 'no error':12}  {name}")


if __name__ == "__main__":
    main()
