"""The scanner (fast path) and Lark (full parser) must build identical trees."""

import re
from pathlib import Path

import pytest

from lkjipdsl import scanner, syntax

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
    'rumus (1 +', 'a 1:2', 'rumus 1 \\\n + 2',
])
def test_scanner_hands_unusual_text_to_lark(text):
    with pytest.raises(scanner.Fallback):
        scanner.scan(text, "x")


@pytest.mark.parametrize("name,text", CORPUS, ids=[name for name, _ in CORPUS])
def test_reading_in_parts_gives_the_same_statements(name, text):
    """parts.py reads top-level parts one at a time (and the session caches them): the result must
    be the scanner's on the whole text, or None wherever the scanner gives up."""
    from lkjipdsl.parts import scan_in_parts

    try:
        whole = scanner.scan(text, name)
    except scanner.Fallback:
        whole = None
    in_parts = scan_in_parts(text, name)
    if in_parts is not None:
        assert in_parts == whole
    elif whole is not None:  # an unbalanced part only where the whole file has no top-level structure
        assert "{" in text
