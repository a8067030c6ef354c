#!/usr/bin/env python
"""Importing a finance-system export against openpyxl's own read-only load of the same file.

    python bench/import_speed.py [SUB_KEGIATAN] [LINES]      # default 10000 sub kegiatan, 5 lines each

The export is built by tests/export_fixture.py (program, kegiatan and sub kegiatan rows with
their totals, belanja lines, a JUMLAH row). The baseline is what any reader of the file must do
at least: openpyxl's read-only load with cached values, every row's values read. lkjipdsl's
import does that and finds the header, reads every amount, sums the lines, and writes the spec.
The target (docs/import.md): within 1,5× of the baseline. Each figure is the best of 3 runs, in
this process, one after the other.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

from export_fixture import export_workbook, generated  # noqa: E402


def best(function, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    from openpyxl import load_workbook

    from lkjipdsl.importer import import_file

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "realisasi.xlsx")
        started = time.perf_counter()
        export_workbook(path, data=generated(count, lines))
        made = time.perf_counter() - started
        size = os.path.getsize(path)

        def baseline() -> None:
            book = load_workbook(path, read_only=True, data_only=True)
            for sheet in book.worksheets:
                for _ in sheet.iter_rows(values_only=True):
                    pass
            book.close()

        def lkjipdsl_import() -> None:
            imported = import_file(path)
            assert imported.ok and imported.text, [d.message for d in imported.diagnostics][:3]

        base = best(baseline)
        ours = best(lkjipdsl_import)
    print(f"export: {count} sub kegiatan × {lines} lines, {size / 1e6:.1f} MB (built in {made:.1f} s)")
    print(f"openpyxl read-only load, every row read : {base:.2f} s")
    print(f"lkjipdsl import (read, sum, write spec)  : {ours:.2f} s")
    print(f"ratio                                   : {ours / base:.2f}× (target ≤ 1,5×)")


if __name__ == "__main__":
    main()
