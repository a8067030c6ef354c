"""Hypothesis strategies for .lkj specs: generated from the grammar (valid), then mutated.

`specs()` builds a spec from the language's constructs (header, sasaran and indikator of every
polaritas, the budget tree, scales, rules with random expressions, rumus that may refer to each
other, printed figures, earlier years, periods) with numbers in every notation, huge and tiny.
`mutated(specs())` then breaks it the way files break: truncated, tokens swapped or dropped,
bytes flipped, odd Unicode, CRLF, a BOM, tabs, NUL bytes, deep nesting, huge numbers.
`seeds()` are the specs of the documentation and the examples, for the same mutations.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent

NAMES = st.from_regex(r"[A-Z][A-Z0-9_]{0,4}", fullmatch=True)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters='"\\\n\r',
                                      exclude_categories=("Cs", "Cc")), max_size=20)
ODD = ["\u00a0", "\u200b", "\u202e", "\u2028", "\ufeff", "\x1b", "\x00", "\t", "\r", "\x0c", "“", "”", "é",
       "\u0301", "ﬁ", "𝟙", "٣", "\U0001f600", "\u3000", "\x85", "\\", "\"", "#", "//", ";", "{", "}", "(", ")"]


@st.composite
def numbers(draw, allow_dash: bool = False) -> str:
    """A number as planners write it: plain, Indonesian, international, Rp, %, huge, tiny."""
    if allow_dash and draw(st.integers(0, 9)) == 0:
        return "-"
    kind = draw(st.integers(0, 9))
    if kind == 0:  # huge and tiny
        digits = draw(st.integers(1, 60))
        return "1" + "0" * digits if draw(st.booleans()) else "0," + "0" * digits + "1"
    value = draw(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=draw(st.integers(0, 3)),
                             allow_nan=False, allow_infinity=False))
    from lkjipdsl.format import angka

    text = angka(value, None, "en" if kind == 1 else "id")
    if kind == 2:
        text = "Rp " + text
    elif kind == 3 and "-" not in text:
        text += "%"
    elif kind == 4:
        text = format(value, "f")
    return text


EXPR_FIELDS = ["serapan", "anggaran", "realisasi", "sisa", "capaian", "target", "capaian_output", "kode"]


@st.composite
def expressions(draw, depth: int = 0) -> str:
    if depth > 3 or draw(st.integers(0, 3)) == 0:
        return draw(st.one_of(st.sampled_from(EXPR_FIELDS), numbers(), st.just('"x"'),
                              st.sampled_from(["total.serapan", "S1.capaian", "I1.capaian", "anak.serapan"])))
    kind = draw(st.integers(0, 6))
    left, right = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    if kind == 0:
        return f"({left})"
    if kind == 1:
        return f"tidak {left}" if draw(st.booleans()) else f"-{left}"
    if kind == 2:
        function = draw(st.sampled_from(["min", "max", "abs", "round", "ada", "sum", "mean", "count"]))
        args = ", ".join(draw(st.lists(expressions(depth + 1), max_size=3)))
        return f"{function}({args})"
    op = draw(st.sampled_from(["+", "-", "*", "/", "×", "÷", "<", "<=", ">", ">=", "=", "!=", "dan", "atau"]))
    return f"{left} {op} {right}"


@st.composite
def indikator(draw, ident: str) -> str:
    polaritas = draw(st.sampled_from(["maksimal", "minimal", "rentang", "stabil"]))
    target = f"{draw(numbers())}..{draw(numbers())}" if polaritas == "rentang" else draw(numbers(True))
    lines = [f'satuan "{draw(TEXT)}"', f"polaritas {polaritas}", f"target {target}",
             f"realisasi {draw(numbers(True))}"]
    if draw(st.booleans()):
        lines.append(f"tercetak capaian {draw(numbers(True))}")
    if draw(st.integers(0, 4)) == 0:
        lines.append(f"bobot {draw(numbers())}")
    if draw(st.integers(0, 4)) == 0:
        lines.append(f"riwayat {draw(st.integers(1990, 2030))} target {draw(numbers())} realisasi {draw(numbers())}")
    if draw(st.integers(0, 5)) == 0:
        lines = ['satuan "%"', f"rumus {draw(expressions())}"]
    if draw(st.integers(0, 6)) == 0:
        rows = "; ".join(f"tw{q} {draw(numbers(True))} {draw(numbers(True))}" for q in range(1, 5))
        lines.append(f"periode triwulanan gabung {draw(st.sampled_from(['jumlah', 'terakhir', 'rata_rata']))} "
                     f"{{ {rows} }}")
    separator = "; " if draw(st.booleans()) else "\n    "
    return f'  indikator {ident} "{draw(TEXT)}" {{ {separator.join(lines)} }}'


@st.composite
def budget(draw, kind: str, code: str, depth: int) -> str:
    children = draw(st.integers(0, 3)) if depth < 2 else 0
    child_kind = ("kegiatan", "subkegiatan")[depth] if depth < 2 else ""
    body = [draw(budget(child_kind, f"{code}.{i + 1}", depth + 1)) for i in range(children)]
    if not children or draw(st.integers(0, 5)) == 0:
        body.append(f"anggaran {draw(numbers())}; realisasi {draw(numbers(True))}")
    if draw(st.integers(0, 3)) == 0:
        body.append(f'tercetak "Tabel 3.1" anggaran {draw(numbers())} serapan {draw(numbers())}')
    return f'{kind} {code} "{draw(TEXT)}" {{\n' + "\n".join(body) + "\n}"


@st.composite
def specs(draw) -> str:
    """A spec from the grammar: mostly valid, with the mistakes random values bring."""
    parts = [f'instansi "{draw(TEXT)}"', f"tahun {draw(st.integers(1990, 2100))}"]
    if draw(st.booleans()):
        parts.append(f"angka {draw(st.sampled_from(['indonesia', 'internasional']))}")
    if draw(st.booleans()):
        parts.append(f"target_nol {draw(st.sampled_from(['kosong', 'galat', 'nilai 100']))}")
    if draw(st.integers(0, 3)) == 0:
        bounds = sorted(draw(st.lists(st.integers(0, 120), min_size=1, max_size=4, unique=True)))
        bands = [f'  pita "B{i}" >= {low} < {high} warna hijau' for i, (low, high) in
                 enumerate(zip([None, *bounds], [*bounds, None]))]
        bands = [b.replace(">= None ", "").replace(" < None", "") for b in bands]
        parts.append("skala lokal {\n" + "\n".join(bands) + "\n}\nskala lokal")
    used: set[str] = {"I1"}
    for s in range(draw(st.integers(0, 3))):
        items = []
        for _ in range(draw(st.integers(0, 3))):
            ident = "I1" if not items and s == 0 else draw(NAMES.filter(lambda n: n not in used))
            used.add(ident)
            items.append(draw(indikator(ident)))
        parts.append(f'sasaran S{s + 1} "{draw(TEXT)}" {{\n' + "\n".join(items) + "\n}")
    for p in range(draw(st.integers(0, 2))):
        parts.append(draw(budget("program", str(p + 1), 0)))
    for r in range(draw(st.integers(0, 2))):
        scope = draw(st.sampled_from(["program", "kegiatan", "subkegiatan", "indikator", "sasaran"]))
        parts.append(f'aturan r{r} "Aturan" {{ untuk {scope}; jika {draw(expressions())}; '
                     f'pesan "{{nama}} {{{draw(st.sampled_from(EXPR_FIELDS))}}}" }}')
    if draw(st.booleans()):
        parts.append(f"tercetak anggaran {draw(numbers())}")
    return "\n".join(draw(st.permutations(parts))) + "\n"


def seeds() -> list[str]:
    """The complete specs of the documentation and the examples (small ones)."""
    texts = []
    doc = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    texts += [m.group(1) for m in re.finditer(r"^```lkj(?:-error)?[^\n]*\n(.*?)^```", doc, re.M | re.S)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.lkj"))]
    return [t for t in texts if len(t) < 6000]


_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\S+')


@st.composite
def mutated(draw, base) -> str:
    """One to three of the ways a file breaks, applied to a spec drawn from base."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        text = draw(_mutation(text))
    return text


@st.composite
def _mutation(draw, text: str) -> str:
    kind = draw(st.integers(0, 13))
    n = len(text)
    at = draw(st.integers(0, n)) if n else 0
    if kind == 0:  # truncated
        return text[:at]
    if kind == 1:  # two tokens swapped
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        if len(tokens) < 2:
            return text
        i, j = sorted(draw(st.lists(st.integers(0, len(tokens) - 1), min_size=2, max_size=2, unique=True)))
        (a, b), (c, d) = tokens[i], tokens[j]
        return text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
    if kind == 2:  # a token dropped or doubled
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        if not tokens:
            return text
        a, b = tokens[draw(st.integers(0, len(tokens) - 1))]
        return text[:a] + (text[a:b] * 2 if draw(st.booleans()) else "") + text[b:]
    if kind == 3:  # a character flipped
        if not n:
            return text
        index = min(at, n - 1)
        return text[:index] + chr(ord(text[index]) ^ (1 << draw(st.integers(0, 6)))) + text[index + 1:]
    if kind == 4:  # odd Unicode inserted
        return text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    if kind == 5:
        return text.replace("\n", "\r\n")
    if kind == 6:
        return "\ufeff" + text
    if kind == 7:
        return text.replace("    ", "\t").replace("  ", "\t")
    if kind == 8:  # deep nesting
        depth = draw(st.sampled_from([10, 63, 64, 65, 100, 500, 5000]))
        opener, closer = draw(st.sampled_from([("(", ")"), ("{", "}"), ("-(", ")"), ("tidak (", ")"),
                                                ('sasaran S "x" {\n', "}\n"), ("abs(", ")")]))
        return text[:at] + opener * depth + "serapan" + closer * depth + text[at:]
    if kind == 9:  # a huge or tiny number
        digits = draw(st.sampled_from([39, 40, 41, 100, 10_000]))
        number = draw(st.sampled_from(["9" * digits, "0," + "0" * digits + "1", "1." + "000." * (digits // 3) + "000"]))
        return text[:at] + " " + number + " " + text[at:]
    if kind == 10:  # a line repeated
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        return "\n".join(lines[:index] + [lines[index]] * draw(st.integers(2, 50)) + lines[index:])
    if kind == 11:  # a long chain
        op = draw(st.sampled_from([" + ", " dan ", " * ", " atau "]))
        return text[:at] + op.join(["serapan"] * draw(st.sampled_from([3, 63, 64, 65, 300, 600]))) + text[at:]
    if kind == 12:  # a line joined to the next
        return text.replace("\n", " ", 1) if draw(st.booleans()) else text.replace("\n", ";", 3)
    return text[:at] + draw(st.text(max_size=5)) + text[at:]  # random characters
