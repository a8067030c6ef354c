"""Hostile specs that cost work after reading: hint searches, many cycles, long rumus chains.

    python bench/hostile_meaning.py [--timeout SECONDS] [NAME …]

`cases()` gives (name, spec text, argv) triples; argv are the arguments of the `lkjipdsl`
command, with "{spec}" standing for the path the spec text is written to. `bench/hostile.py`
imports them; run alone, this module times each case in a fresh process and prints its wall time,
its peak resident memory and its exit status (each must end in under 2 s within 300 MB when the
spec is under 1 MB).
"""

from __future__ import annotations

import hostile_run


HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def unknown_references(known: int = 3_600, unknown: int = 12_000, per_rumus: int = 20) -> str:
    """`known` indikator, and rumus naming `unknown` items that do not exist: an E111 with a hint
    search over every known id for each (the review's 510 KB took 289 s). 20 names a rumus keep
    each under 100 tokens, which the fast path reads (longer ones go to Lark, which is slower)."""
    lines = [HEAD, 'sasaran S1 "Sasaran" {\n']
    lines += [f'  indikator IKU{i:05d} "n" {{ satuan "%"; polaritas maksimal; target 1 }}\n' for i in range(known)]
    for first in range(0, unknown, per_rumus):
        refs = ", ".join(f"Q{j:05d}.capaian" for j in range(first, min(first + per_rumus, unknown)))
        lines.append(f'  indikator R{first:05d} "n" {{ satuan "%"; rumus max({refs}) }}\n')
    lines.append("}\n")
    return "".join(lines)


def two_item_cycles(count: int = 1_000) -> str:
    """`count` pairs A_i = B_i, B_i = A_i: one E140 per cycle (up to max_errors, then E014)."""
    lines = [HEAD, 'sasaran S1 "Sasaran" {\n']
    for i in range(count):
        lines.append(f'  indikator A{i} "n" {{ satuan "%"; rumus B{i}.capaian }}\n')
        lines.append(f'  indikator B{i} "n" {{ satuan "%"; rumus A{i}.capaian }}\n')
    lines.append("}\n")
    return "".join(lines)


def rumus_chain(length: int, per_sasaran: int = 1_000) -> str:
    """I0 is an input; I1 = I0.capaian + 1, …, I{length} = I{length-1}.capaian + 1."""
    lines = [HEAD]
    for i in range(length + 1):
        if i % per_sasaran == 0:
            if i:
                lines.append("}\n")
            lines.append(f'sasaran S{i // per_sasaran} "Sasaran" {{\n')
        if i == 0:
            lines.append('  indikator I0 "n" { satuan "%"; polaritas maksimal; target 1; realisasi 1 }\n')
        else:
            lines.append(f'  indikator I{i} "n" {{ satuan "%"; rumus I{i - 1}.capaian + 1 }}\n')
    lines.append("}\n")
    return "".join(lines)


def rule_over_many(count: int = 10_000) -> str:
    """`count` sasaran of one indikator each, and an aturan that holds for every indikator: each
    finding's predikat once looked its sasaran up by scanning them all (10 000: 16 s)."""
    lines = [HEAD]
    lines += [f'sasaran S{i} "s" {{ indikator I{i} "n" {{ satuan "%"; polaritas maksimal; target 1; realisasi 1 }} }}\n'
              for i in range(count)]
    lines.append('aturan semua "Semua" {\n  untuk indikator\n  jika capaian < 200\n  pesan "{nama}"\n}\n')
    return "".join(lines)


# a 100 000-long chain is 6 MB and 1,9 million tokens: above the default limits on purpose
LONG_CHAIN_LIMITS = ["--limit", "max_tokens=3000000", "--limit", "max_file_bytes=16777216"]


def almost_rows(count: int) -> str:
    """periode blocks whose lines read as rows of figures until a last line that is not one: the
    scanner must give up on such a body at once, not try every way to read its figures."""
    rows = "".join(f"            januari {12345 + n} 1.234.567\n" for n in range(count))
    blocks = "".join(f"    indikator I{n} \"x\" {{\n        satuan \"%\"; target 5\n"
                     f"        periode bulanan gabung jumlah {{\n{rows}            x 1\n        }}\n    }}\n"
                     for n in range(50))
    return f'instansi "x"\ntahun 2023\nsasaran S1 "s" {{\n{blocks}}}\n'


def cases() -> list[tuple[str, str, list[str]]]:
    return [
        ("meaning: 50 periode blocks of 60 rows, each ending in a line that is not a row", almost_rows(60),
         ["check", "{spec}"]),
        ("meaning: 12 000 unknown references, 3 600 known ids (hint search)", unknown_references(),
         ["check", "{spec}"]),
        ("meaning: 1 000 two-item rumus cycles", two_item_cycles(1_000), ["check", "{spec}"]),
        ("meaning: an aturan holding for 10 000 indikator", rule_over_many(10_000), ["check", "{spec}"]),
        ("meaning: explain a 1 000-long rumus chain", rumus_chain(1_000), ["explain", "{spec}", "I1000:capaian"]),
        ("meaning: eval a 100 000-long rumus chain", rumus_chain(100_000),
         ["eval", "{spec}", "--format", "json", *LONG_CHAIN_LIMITS]),
        ("meaning: explain a 100 000-long rumus chain", rumus_chain(100_000),
         ["explain", "{spec}", "I100000:capaian", *LONG_CHAIN_LIMITS]),
    ]


def main() -> None:
    hostile_run.main(cases, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
