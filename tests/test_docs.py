"""The language reference (docs/language.md) is executable: its examples must do what it says.

* every ```lkj block is a complete spec: it loads and evaluates with no error diagnostic,
  every `tercetak` assertion in it holds (so the numbers the text states are checked), and it
  gives exactly the warnings named after the fence (```lkj W203), usually none;
* every ```lkj-error block is a mistake: it yields at least one error (an error diagnostic, a
  failed assertion A001–A003, or a finding of a rule with `tingkat galat`); when the info string
  names codes (```lkj-error E105), each of them must be among the problems reported;
* ```lkj-fragment blocks are syntax sketches (with `|` for alternatives) and are not run;
* the diagnostic catalogue lists exactly the codes the sources use, so it cannot fall behind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lkjipdsl

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "language.md"
SOURCES = ROOT / "lkjipdsl"

_FENCE = re.compile(r"^```(lkj(?:-error|-fragment)?)([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)


def _blocks(kind: str) -> list[tuple[int, str, str]]:
    """(line number, info words after the kind, body) of every fenced block of that kind."""
    text = DOC.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        if match.group(1) == kind:
            line = text.count("\n", 0, match.start()) + 1
            found.append((line, match.group(2).strip(), match.group(3)))
    return found


def _ids(blocks):
    return [f"line{line}" for line, _, _ in blocks]


LKJ = _blocks("lkj")
ERRORS = _blocks("lkj-error")
FRAGMENTS = _blocks("lkj-fragment")


def _evaluate(body: str, line: int):
    loaded = lkjipdsl.loads(body, f"language.md:{line}")
    return loaded, lkjipdsl.evaluate(loaded)


def test_the_reference_has_examples():
    assert len(LKJ) >= 40
    assert len(ERRORS) >= 15
    assert FRAGMENTS


@pytest.mark.parametrize(("line", "info", "body"), LKJ, ids=_ids(LKJ))
def test_lkj_example_is_a_valid_spec(line, info, body):
    loaded, result = _evaluate(body, line)
    errors = [f"{d.code}: {d.message}" for d in result.diagnostics if d.severity == "error"]
    assert loaded.ok and not errors, f"example at docs/language.md:{line} has errors: {errors}"
    assert loaded.spec.instansi and loaded.spec.tahun
    assert result.nodes, "the example did not evaluate"
    failed = [f"{a.node_id} {a.field}: printed {a.printed_text}, computed {a.computed}"
              for a in result.failed_assertions]
    assert not failed, f"example at docs/language.md:{line}: assertions fail: {failed}"
    warnings = {d.code for d in result.diagnostics if d.severity == "warning"}
    assert warnings == set(info.split()), f"docs/language.md:{line}: warnings {sorted(warnings)}"


@pytest.mark.parametrize(("line", "info", "body"), ERRORS, ids=_ids(ERRORS))
def test_lkj_error_example_is_an_error(line, info, body):
    loaded, result = _evaluate(body, line)
    errors = {d.code for d in result.diagnostics if d.severity == "error"}
    errors |= {_assertion_code(a) for a in result.failed_assertions}
    errors |= {f.rule for f in result.findings if f.severity == "error"}
    assert errors, f"example at docs/language.md:{line} yields no error"
    reported = errors | {d.code for d in result.diagnostics}
    expected = set(info.split())
    assert expected <= reported, f"docs/language.md:{line} promises {sorted(expected)}, got {sorted(reported)}"


def _assertion_code(assertion) -> str:
    """The code `lkjipdsl check` prints for a failed assertion."""
    if assertion.computed_text is not None:
        return "A003"
    return "A002" if assertion.printed is None else "A001"


def _source_codes() -> set[str]:
    codes: set[str] = set()
    for path in SOURCES.rglob("*.py"):
        if path.name == "codes.py":  # the catalogue itself (tests/test_codes.py keeps it equal to the docs)
            continue
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r"""["']([EWIAN]\d{3})["']""", text))
    return codes


def _catalogue_codes() -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## Diagnostic codes")
    end = text.find("\n## ", start + 1)
    section = text[start:end if end != -1 else None]
    return set(re.findall(r"^\|\s*`?([EWIAN]\d{3})`?\s*\|", section, re.M))


def test_catalogue_lists_every_code_the_sources_use():
    missing = _source_codes() - _catalogue_codes()
    assert not missing, f"codes used in lkjipdsl/ but missing from the catalogue: {sorted(missing)}"


def test_catalogue_lists_no_code_the_sources_do_not_use():
    stale = _catalogue_codes() - _source_codes()
    assert not stale, f"codes in the catalogue that lkjipdsl/ no longer uses: {sorted(stale)}"


def test_every_error_code_has_an_error_example():
    """Codes a spec can trigger are shown by an lkj-error block; not the file-level ones (E004–E010,
    E013–E015: binary content, size, encoding, invisible characters, limits only a huge spec reaches)
    nor E099, the internal error that no spec should reach."""
    shown = {code for _, info, _ in ERRORS for code in info.split()}
    wanted = {c for c in _source_codes() if c.startswith("E") and c not in
              {"E004", "E005", "E006", "E007", "E008", "E009", "E010", "E013", "E014", "E015", "E099"}}
    assert not wanted - shown, f"no lkj-error example for {sorted(wanted - shown)}"
