#!/usr/bin/env python
"""Hostile inputs that cost work, each timed as the command runs it: wall time and peak memory.

    python bench/hostile.py [--timeout SECONDS] [--big N] [NAME …]

The cases come from bench/hostile_meaning.py (hint search, cycles, rumus chains, explain),
bench/hostile_exports.py (charts, long names, rich formats), bench/hostile_templates.py (template
work) and this file (workbooks for `lkjipdsl import`: a zip bomb, a million rows; fmt of a
large spec). Each runs in a fresh process; its peak is the resident memory of that process. The
targets (docs/security.md, "Bounded work"): an input under 1 MB ends within 2 s and 300 MB; the
benchmark spec of --big sub kegiatan (default 10 000, bench/generate.py) exports to html, xlsx
and docx within 10× its `eval` time. The verdict column says which cases meet them.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from hostile_run import measure, spec_case  # noqa: E402

LIMIT_SECONDS, LIMIT_MB, SMALL_BYTES, EXPORT_RATIO = 2.0, 300, 1 << 20, 10

def _spec_cases(module) -> list:
    return [(name, *spec_case(text, argv)) for name, text, argv in module.cases()]


def _template_cases() -> list:
    import hostile_templates

    spec = hostile_templates.SPEC.read_bytes()
    return [(name, {"spec.lkj": spec, "t.md": template.encode("utf-8")},
             ["render", "{spec.lkj}", "--template", "{t.md}", "--no-charts", "-o", os.devnull])
            for name, template in hostile_templates.cases()]


def zip_bomb() -> bytes:
    """An .xlsx whose one sheet unpacks to 200 MB of spaces (about 200 KB packed)."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b" " * (1 << 20)
            for _ in range(200):
                sheet.write(block)
    return data.getvalue()


def million_rows() -> bytes:
    """A real workbook whose one sheet has 1 000 000 rows of one cell each."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Realisasi")
    sheet.append(["KODE", "URAIAN", "ANGGARAN", "REALISASI"])
    for index in range(1_000_000):
        sheet.append([index])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _import_cases() -> list:
    return [
        ("import: a zip bomb (200 MB of spaces in one sheet)", {"bom.xlsx": zip_bomb()}, ["import", "{bom.xlsx}"]),
        ("import: a sheet of 1 000 000 rows", {"rows.xlsx": million_rows()}, ["import", "{rows.xlsx}"]),
    ]


def _big_cases(count: int) -> list:
    from generate import write_all

    with tempfile.TemporaryDirectory() as folder:
        spec = write_all(count, Path(folder))["lkj"].read_bytes()
    files = {"spec.lkj": spec}
    label = f"{count // 1000}k spec ({len(spec) / 1e6:.1f} MB)"
    size = ["--limit", f"max_file_bytes={max(len(spec) * 2, 8 << 20)}",
            "--limit", "max_tokens=10000000"]  # 10k is over the default 8 MB
    cases = [(f"big: {label}, eval text", files, ["eval", "{spec.lkj}", "-o", os.devnull, *size])]
    cases += [(f"big: {label}, eval {fmt}", files,
               ["eval", "{spec.lkj}", "--format", fmt, "-o", os.devnull, *size]) for fmt in ("html", "xlsx", "docx")]
    cases.append((f"big: {label}, fmt --check", files, ["fmt", "--check", "{spec.lkj}", *size]))
    return cases


def main() -> None:
    import hostile_exports
    import hostile_meaning

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--big", type=int, default=10_000, help="sub kegiatan of the big spec (0: none)")
    parser.add_argument("names", nargs="*", help="only the cases whose name contains one of these")
    options = parser.parse_args()
    cases = (_spec_cases(hostile_meaning) + _spec_cases(hostile_exports) + _template_cases() + _import_cases()
             + (_big_cases(options.big) if options.big else []))
    print("| case | input | time | peak | exit | within the bound |\n|---|---|---|---|---|---|")
    eval_time = None
    for name, files, argv in cases:
        if options.names and not any(n in name for n in options.names):
            continue
        seconds, peak, status = measure(files, argv, options.timeout)
        size = sum(len(data) for data in files.values())
        if name.startswith("big:") and name.endswith("eval text"):
            eval_time = seconds
        if name.startswith("big:") and eval_time and "eval text" not in name:
            verdict = f"{seconds / eval_time:.1f}× eval ({'yes' if seconds <= EXPORT_RATIO * eval_time else 'NO'})"
        elif size < SMALL_BYTES:
            verdict = "yes" if seconds <= LIMIT_SECONDS and peak <= LIMIT_MB and status != "timeout" else "NO"
        else:
            verdict = "(over 1 MB)"
        print(f"| {name} | {size / 1024:,.0f} KB | {seconds:.2f} s | {peak:.0f} MB | {status} | {verdict} |",
              flush=True)


if __name__ == "__main__":
    main()
