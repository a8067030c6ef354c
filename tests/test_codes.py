"""The catalogue of diagnostic codes in both languages: lkjipdsl/codes.py (English, severity) and
locale/id/codes.po (Indonesian) are what docs/language.md's table "Diagnostic codes" shows, row for
row. After adding a code to codes.py and codes.po, write the table with
`LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_codes.py` and review the diff."""

from __future__ import annotations

import os
import re
from pathlib import Path

from lkjipdsl import i18n
from lkjipdsl.codes import CATALOGUE, meaning, plain
from lkjipdsl.i18n import read_po

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "language.md"
PO = ROOT / "lkjipdsl" / "locale" / "id" / "codes.po"
HEAD = "| Code | Severity | Meaning | Arti |\n|---|---|---|---|\n"


def _table_span(text: str) -> tuple[int, int]:
    """Where the catalogue's table stands in docs/language.md: from its heading row to its last row."""
    section = text.index("## Diagnostic codes")
    start = text.index("| Code |", section)
    end = start
    while end < len(text) and text.startswith("|", end):
        end = text.index("\n", end) + 1
    return start, end


def _table() -> str:
    with i18n.using("id"):
        rows = [f"| {code} | {severity} | {english} | {meaning(code)} |\n"
                for code, (severity, english) in CATALOGUE.items()]
    return HEAD + "".join(rows)


def test_the_documented_catalogue_is_the_catalogue_in_both_languages():
    text = DOC.read_text(encoding="utf-8")
    start, end = _table_span(text)
    if os.environ.get("LKJIPDSL_UPDATE_GOLDEN"):
        DOC.write_text(text[:start] + _table() + text[end:], encoding="utf-8")
        text = DOC.read_text(encoding="utf-8")
        start, end = _table_span(text)
    documented = {line.split(" | ")[0].strip("| ") for line in text[start:end].splitlines()[2:]}
    assert documented == set(CATALOGUE), (
        f"docs/language.md lists {sorted(documented - set(CATALOGUE))} that lkjipdsl/codes.py does not, and "
        f"codes.py {sorted(set(CATALOGUE) - documented)} that the docs do not: a code's English meaning "
        "goes into codes.py, its Indonesian text into locale/id/codes.po; then "
        "LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_codes.py writes the table")
    assert text[start:end] == _table(), "LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_codes.py"


def test_every_code_has_both_texts_and_they_differ():
    indonesian = read_po(PO.read_text(encoding="utf-8"))
    for code, (severity, english) in CATALOGUE.items():
        assert re.fullmatch(r"[EWIAN]\d{3}", code) and severity in ("error", "warning", "info")
        assert indonesian.get(english), f"{code} has no Indonesian meaning in {PO.name}"
        assert indonesian[english] != english, code
        # the words a planner searches for stay as written: keywords and the figures quoted
        assert re.findall(r"`[^`]*`", indonesian[english]) == re.findall(r"`[^`]*`", english), code


def test_codes_in_order_and_meanings_in_the_language_in_force():
    assert list(CATALOGUE) == sorted(CATALOGUE, key=lambda code: ("EWAIN".index(code[0]), code))
    with i18n.using("en"):
        assert meaning("W214").startswith("In Indonesian notation, a number with one comma")
    with i18n.using("id"):
        assert meaning("W214").startswith("Dalam notasi Indonesia, angka dengan satu koma")
        assert meaning("serapan_rendah") is None
    assert plain("Importing (`lkjipdsl import`, [docs/import.md](import.md#x)): the file") == \
        "Importing (lkjipdsl import, docs/import.md): the file"
