"""The scanner (fast path) and Lark (full parser) must build identical trees."""

import contextlib
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkjipdsl import syntax
from lkjipdsl.diagnostics import Span
from lkjipdsl.syntax import scanner

ROOT = Path(__file__).resolve().parent.parent


def _corpus():
    files = sorted(ROOT.glob("specs/*.lkj")) + sorted(ROOT.glob("examples/*.lkj"))
    files += sorted(ROOT.glob("tests/broken/*.lkj"))
    for path in files:
        try:
            yield path.name, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the encoding cases of the broken corpus never reach a parser
    docs = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    for number, block in enumerate(re.findall(r"```lkj[^\n]*\n(.*?)```", docs, re.S)):
        yield f"language.md#{number}", block


CORPUS = list(_corpus())


@pytest.mark.parametrize("name,text", CORPUS, ids=[name for name, _ in CORPUS])
def test_scanner_agrees_with_lark(name, text):
    try:
        fast = scanner.scan(text, name)
    except scanner.Fallback:
        return  # the full parser handles it; nothing to compare
    full, diagnostics = syntax.parse_with_lark(text, name)
    assert not diagnostics, f"the scanner accepted what Lark rejects: {diagnostics[0].message}"
    assert fast == full


def test_scanner_takes_the_real_spec():
    text = (ROOT / "specs" / "seririt-2023.lkj").read_text(encoding="utf-8")
    assert scanner.scan(text, "seririt") == syntax.parse_with_lark(text, "seririt")[0]


@pytest.mark.parametrize("text", [
    'a 1 }', 'a {', 'a 1 b 2 {', '"x" 1', 'a ..', 'a 1..', 'a 1 .. x', 'a (1)', 'a { } b 1',
    'rumus (1 +', 'a :2', 'rumus 1 \\\n + 2',
])
def test_scanner_hands_unusual_text_to_lark(text):
    with pytest.raises(scanner.Fallback):
        scanner.scan(text, "x")


@pytest.mark.parametrize("name,text", CORPUS, ids=[name for name, _ in CORPUS])
def test_reading_in_parts_gives_the_same_statements(name, text):
    """parts.py reads top-level parts one at a time (and the session caches them): the result must
    be the scanner's on the whole text, or None wherever the scanner gives up."""
    from lkjipdsl.syntax import scan_in_parts

    try:
        whole = scanner.scan(text, name)
    except scanner.Fallback:
        whole = None
    in_parts = scan_in_parts(text, name)
    if in_parts is not None:
        assert in_parts == whole
    elif whole is not None:  # an unbalanced part only where the whole file has no top-level structure
        assert "{" in text


# ---- the whole-line path for `key number [number [number]]` ----
_PIECES = ["januari", "target", "rumus", "jika", "Rp", "Rp.", "x_1", "é", "1", "-1", "16.771.750", "1,5", "1_000",
           "100,-", "98 %", "98%", "Rp 1.000", "Rp.5", "0", "1..3", "-", '"t"', "=", "{", "}", "# c", "// c",
           ";", " ", "  ", "\t", "\r", "\ufeff", "\n", "1.", ".5", "1e5", "12abc",
           # only 0-9 are digits; signs, exponents and hexadecimal are read into one (malformed) NUMBER
           "\u09ea", "9\u09ea", "\uff14", "\u00b2", "+5", "--5", "-+5", "1E-3", "2e+9", "0x1F", "0xg", "e5", "x10"]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
@settings(max_examples=400, deadline=None)
def test_lines_of_numbers_read_as_token_by_token(pieces):
    """Lines read whole (_NUMBERS_LINE) give the tree Lark gives, and the tree and token count
    (for max_tokens) of the token-by-token path, where that path reads the line too."""
    text = " ".join(pieces) + "\n"
    try:
        fast, count = scanner.scan_counted(text, "x")
    except scanner.Fallback:
        return
    full, diagnostics = syntax.parse_with_lark(text, "x")
    assert not diagnostics and fast == full
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(scanner, "_NUMBERS_LINE", re.compile(r"(?!)"))
        patched.setattr(scanner, "_PLAIN_NUMBERS_LINE", re.compile(r"(?!)"))
        # e.g. `Rp 1.000` falls back: a number to the token path, a key and a number to Lark and to this path
        with contextlib.suppress(scanner.Fallback):
            assert scanner.scan_counted(text, "x") == (fast, count)


def test_lines_of_numbers_are_read_whole_in_the_benchmark_shape(monkeypatch):
    text = "a {\n    januari 16.771.750 13.268.837   # c\n  maret 1; april 2 3 4\n}\n"
    read = []
    for name in ("_PLAIN_NUMBERS_LINE", "_NUMBERS_LINE"):
        pattern = getattr(scanner, name)
        monkeypatch.setattr(scanner, name, type("Spy", (), {"match": staticmethod(
            lambda text, pos, pattern=pattern: read.append((pos, pattern.match(text, pos))) or read[-1][1])}))
    (block,), count = scanner.scan_counted(text, "x")
    # each of the three statements read whole where its line (or its `;`) begins (the one with a
    # comment by the fuller pattern); the block's lines are not
    assert sorted({pos for pos, made in read if made}) == [text.index("    januari"), text.index("  maret"),
                                                           text.index(" april")]
    assert count == 17  # a { \n januari N N \n maret N ; april N N N \n } \n
    januari = block.body[0]
    assert januari.key_span == Span("x", 2, 5, 2, 12)
    assert [(a.text, a.span.column, a.span.end_column) for a in januari.atoms] == [("16.771.750", 13, 23),
                                                                                 ("13.268.837", 24, 34)]
    assert [(s.key, [a.text for a in s.atoms]) for s in block.body] == [
        ("januari", ["16.771.750", "13.268.837"]), ("maret", ["1"]), ("april", ["2", "3", "4"])]


# ---- a periode block's body kept as text (tree.Rows) ----
_ROW_KEYS = ["januari", "februari", "maret", "Maret", "tw1", "bulan", "rumus", "jika", "x_1", "é"]
_ROW_FIGURES = ["0", "7", "054", "16.771.750", "1.5", "1.500", "1.234.567.890", "12.345.678.901", "1234567890123",
                "12345678901234", "1,5", "98%", "-", "1..3", "-1", "1.", "1.2345"]
_ROW_ENDS = ["", " ", "\t", " # c", "; b 1", "\r", " 9"]


def _periode_text(rows, key="periode") -> str:
    body = "".join(f"        {k} {t} {r}{end}\n" for k, t, r, end in rows)
    return f"indikator I1 \"x\" {{\n    {key} bulanan gabung terakhir {{\n{body}    }}\n}}\n"


@given(st.lists(st.tuples(st.sampled_from(_ROW_KEYS), st.sampled_from(_ROW_FIGURES), st.sampled_from(_ROW_FIGURES),
                          st.sampled_from(_ROW_ENDS)), min_size=1, max_size=5),
       st.sampled_from(["periode", "jumlah"]))
@settings(max_examples=400, deadline=None)
def test_a_periode_body_kept_as_text_reads_as_token_by_token(rows, key):
    """Rows give the tree Lark gives and the token count of the token-by-token path."""
    text = _periode_text(rows, key)
    try:
        fast, count = scanner.scan_counted(text, "x")
    except scanner.Fallback:
        return
    full, diagnostics = syntax.parse_with_lark(text, "x")
    assert not diagnostics and fast == full and full == fast
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(scanner, "rows_at", lambda *_: None)
        assert scanner.scan_counted(text, "x") == (fast, count)


def test_a_periode_body_of_rows_is_kept_as_text_with_every_place():
    text = _periode_text([("januari", "16.771.750", "13.268.837", ""), ("februari", "0", "1.234.567.890", "  ")])
    statements, count = scanner.scan_counted(text, "x")
    body = statements[0].body[0].body
    assert type(body) is syntax.tree.Rows
    # indikator I1 "x" { \n periode bulanan gabung terakhir { \n (januari N N \n) x 2 } \n } \n
    assert count == 5 + 6 + 2 * 4 + 2 + 2
    januari, februari = body
    assert januari.key == "januari" and januari.key_span == Span("x", 3, 9, 3, 16)
    assert [(a.text, a.span) for a in januari.atoms] == [("16.771.750", Span("x", 3, 17, 3, 27)),
                                                         ("13.268.837", Span("x", 3, 28, 3, 38))]
    assert februari.key_span == Span("x", 4, 9, 4, 17)
    assert [(a.text, a.span) for a in februari.atoms] == [("0", Span("x", 4, 18, 4, 19)),
                                                          ("1.234.567.890", Span("x", 4, 20, 4, 33))]
    assert pickle_round_trip(body) == tuple(body) and body == tuple(body) and tuple(body) == body


def pickle_round_trip(value):
    import pickle

    return pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize("row", [
    "januari 054 1",            # a leading zero: kept as written
    "januari 1 2 3",            # a printed % too
    "januari 1,5 2",            # a decimal comma
    "januari 12.345.678.901 1",  # more than 13 characters
    "januari 1 2 # c",          # a comment
    "januari 1 2; februari 3 4",
    "rumus 1 2",                # an expression
    "januari 1 2\r",           # a carriage return
])
def test_other_periode_bodies_are_read_token_by_token(row):
    text = _periode_text([]).replace("{\n    }", "{\n        " + row + "\n    }")
    try:
        statements = scanner.scan(text, "x")
    except scanner.Fallback:
        return
    assert type(statements[0].body[0].body) is tuple


def _indikator_text(rows, convention) -> str:
    body = "".join(f"            {k} {t} {r}\n" for k, t, r in rows)
    # the target written as the first figure: read before the rows, and kept by the builder's cache
    return (f"instansi \"x\"\ntahun 2023\nangka {convention}\nsasaran S1 \"s\" {{\n    indikator I1 \"x\" {{\n"
            f"        satuan \"%\"; polaritas maksimal; target {rows[0][1]}\n"
            f"        periode bulanan gabung jumlah {{\n{body}        }}\n    }}\n}}\n")


_MONTHS = ["januari", "februari", "maret", "april", "agt", "nopember", "tw1", "bulan", "Maret"]
_FIGURES = ["0", "7", "16.771.750", "1.500", "1.234.567.890", "1.5", "100"]


@given(st.lists(st.tuples(st.sampled_from(_MONTHS), st.sampled_from(_FIGURES), st.sampled_from(_FIGURES)),
                min_size=1, max_size=4),
       st.sampled_from(["indonesia", "internasional"]), st.booleans())
@settings(max_examples=300, deadline=None)
def test_periods_read_from_rows_are_those_read_row_by_row(rows, convention, fewer_digits):
    """The builder's reading of Rows gives the Periods and the diagnostics (unknown, repeated or
    unordered periods; a point read as a decimal point) of its reading of Lark's tree."""
    from lkjipdsl import Limits, build
    from lkjipdsl import limits as limits_module

    text = _indikator_text(rows, convention)
    fast = scanner.scan(text, "x")
    full, diagnostics = syntax.parse_with_lark(text, "x")
    assert not diagnostics
    limits = Limits(max_number_digits=12) if fewer_digits else Limits()
    with limits_module.using(limits):
        (spec, found), (expected, said) = build.build(fast, "x"), build.build(full, "x")
    assert spec.sasaran[0].indikator[0].periods == expected.sasaran[0].indikator[0].periods
    assert [(d.code, d.message, d.span) for d in found] == [(d.code, d.message, d.span) for d in said]


def test_periods_read_from_rows_keep_their_figures_and_places():
    from lkjipdsl import build

    text = _indikator_text([("januari", "16.771.750", "7"), ("februari", "1.500", "0")], "indonesia")
    spec, found = build.build(scanner.scan(text, "x"), "x")
    januari, februari = spec.sasaran[0].indikator[0].periods.rows
    assert not found
    assert (januari.period, januari.index, januari.target_value, januari.realisasi_value) == (
        "januari", 0, Decimal(16771750), Decimal(7))
    assert (februari.period, februari.index, februari.target_value, februari.realisasi_value) == (
        "februari", 1, Decimal(1500), Decimal(0))
    assert januari.span == Span("x", 8, 13, 8, 20) and februari.span == Span("x", 9, 13, 9, 21)
    assert (januari.target.text, januari.target.span) == ("16.771.750", Span("x", 8, 21, 8, 31))
    assert (januari.realisasi.text, januari.realisasi.span) == ("7", Span("x", 8, 32, 8, 33))
    assert februari.target.text == "1.500" and januari.written() == ()


def test_a_body_that_turns_out_not_to_be_rows_is_given_up_at_once():
    """Forty rows whose figures a careless pattern could split two ways, then a line that is not
    a row: the body is read token by token. (A pattern with two ways to match a run of digits
    tried every combination of them: 9 to the power of the rows.) Run in a process of its own so
    that a return of that would fail here instead of hanging the suite."""
    import subprocess
    import sys

    code = ("from lkjipdsl.syntax import scanner\n"
            "rows = ''.join('        januari 12345 1.234.567\\n' for _ in range(40))\n"
            "head = 'indikator I1 \"x\" {\\n    periode bulanan gabung jumlah {\\n'\n"
            "text = head + rows + '        x\\n    }\\n}\\n'\n"
            "statements = scanner.scan(text, 'x')\n"
            "assert type(statements[0].body[0].body) is tuple and len(statements[0].body[0].body) == 41\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
