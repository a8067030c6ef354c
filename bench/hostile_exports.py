"""Hostile specs that cost work in the exports: many chart items, long names, big tables.

    python bench/hostile_exports.py [--timeout SECONDS] [NAME …]

`cases()` gives (name, spec text, argv) triples; argv are the arguments of the `lkjipdsl`
command, with "{spec}" standing for the path the spec text is written to. Every case writes to
standard output (binary formats too: it is not a terminal), so no output file is named.
`bench/hostile.py` imports them; run alone, this module times each case in a fresh process and
prints its wall time, its peak resident memory and its exit status (each must end in under 2 s
within 300 MB when the spec is under 1 MB).
"""

from __future__ import annotations

import hostile_run

import os
import sys

HEAD = 'instansi "Kabupaten Contoh"\ntahun 2023\nskala permendagri86\n'
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")


def many_indikator(count: int = 300, name_length: int = 200) -> str:
    """`count` indikator with names of `name_length` characters: one bar each in the capaian chart."""
    words = ("Persentase penyelesaian dokumen perencanaan dan pelaporan kinerja tepat waktu " * 8)[:name_length]
    lines = [HEAD, 'sasaran S1 "Meningkatnya akuntabilitas kinerja" {\n']
    lines += [f'  indikator I{i} "{words} {i}" {{ satuan "%"; polaritas maksimal; target 100; '
              f"realisasi {40 + i % 70} }}\n" for i in range(count)]
    lines.append("}\n")
    return "".join(lines)


def many_periode(programs: int = 100) -> str:
    """`programs` programs, each with a sub kegiatan that has twelve months of CRAAPK figures:
    one panel each in the craapk chart, one bar each in the anggaran chart."""
    lines = [HEAD]
    for p in range(1, programs + 1):
        months = "; ".join(f"{m} {i * 10_000} {i * 9_000}" for i, m in enumerate(MONTHS, 1))
        lines.append(f'program {p} "PROGRAM {p} PENUNJANG URUSAN PEMERINTAHAN DAERAH" {{\n'
                     f'  kegiatan {p}.1 "Kegiatan {p}" {{\n'
                     f'    subkegiatan {p}.1.1 "Sub kegiatan {p}" {{ anggaran 120.000; realisasi 108.000\n'
                     f"      periode bulanan gabung terakhir {{ {months} }}\n    }}\n  }}\n}}\n")
    return "".join(lines)


def one_long_name(length: int = 900_000) -> str:
    """One indikator and one program whose names are `length` characters together."""
    half = ("Nama yang sangat panjang " * (length // 50 + 1))[:length // 2]
    return (f'{HEAD}sasaran S1 "Sasaran" {{\n  indikator I1 "{half}" {{ satuan "%"; polaritas maksimal; '
            f'target 100; realisasi 90 }}\n}}\nprogram 1 "{half}" {{\n  kegiatan 1.1 "K" {{\n'
            f'    subkegiatan 1.1.1 "S" {{ anggaran 1.000; realisasi 900 }}\n  }}\n}}\n')


def realistic(sub_kegiatan: int = 1_000) -> str:
    """The benchmark's generated spec (bench/generate.py): 1 000 sub kegiatan is 0,88 MB."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from generate import build_data, to_lkj

    return to_lkj(build_data(sub_kegiatan))


def cases() -> list[tuple[str, str, list[str]]]:
    indikator, periode, long_name = many_indikator(), many_periode(), one_long_name()
    out = []
    for fmt in ("html", "docx"):
        out.append((f"exports: 300 indikator with 200-character names, {fmt}", indikator,
                    ["eval", "{spec}", "--format", fmt]))
    out.append(("exports: 300 indikator with 200-character names, --chart capaian", indikator,
                ["eval", "{spec}", "--format", "png", "--chart", "capaian"]))
    out.append(("exports: 100 programs with 12 months of CRAAPK, html", periode,
                ["eval", "{spec}", "--format", "html"]))
    for chart in ("craapk", "anggaran"):
        out.append((f"exports: 100 programs with 12 months of CRAAPK, --chart {chart}", periode,
                    ["eval", "{spec}", "--format", "png", "--chart", chart]))
    for fmt in ("html", "docx", "xlsx", "markdown", "csv"):
        out.append((f"exports: names of 900 000 characters, {fmt}", long_name, ["eval", "{spec}", "--format", fmt]))
    out.append(("exports: names of 900 000 characters, --chart capaian", long_name,
                ["eval", "{spec}", "--format", "png", "--chart", "capaian"]))
    spec = realistic()
    for fmt in ("text", "html", "docx", "xlsx"):
        out.append((f"exports: 1 000 sub kegiatan (bench/generate.py, 0,88 MB), {fmt}", spec,
                    ["eval", "{spec}", "--format", fmt]))
    return out


def main() -> None:
    hostile_run.main(cases, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
