"""The scanner (fast path) and Lark (full parser) must build identical trees."""

import contextlib
import re
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
        # e.g. `Rp 1.000` falls back: a number to the token path, a key and a number to Lark and to this path
        with contextlib.suppress(scanner.Fallback):
            assert scanner.scan_counted(text, "x") == (fast, count)


def test_lines_of_numbers_are_read_whole_in_the_benchmark_shape():
    text = "a {\n    januari 16.771.750 13.268.837   # c\n  maret 1; april 2 3 4\n}\n"
    tokens, count = scanner._tokens(text, "x")
    # an attr stands for its line's terminator too: no "nl" follows it
    assert [t[0] for t in tokens] == ["name", "lbrace", "nl", "attr", "attr", "attr", "rbrace", "nl"]
    assert count == 17  # a { \n januari N N \n maret N ; april N N N \n } \n
    januari = tokens[3][1]
    assert januari.key_span == Span("x", 2, 5, 2, 12)
    assert [(a.text, a.span.column, a.span.end_column) for a in januari.atoms] == [("16.771.750", 13, 23),
                                                                                 ("13.268.837", 24, 34)]
