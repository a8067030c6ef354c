"""A corpus of broken specs (tests/broken/NN-name.lkj), each with what `lkjipdsl check` prints
for it in both languages: NN-name.expected in English (`--lang en`) and NN-name.id.expected in
Indonesian (`--lang id`), every diagnostic with its source line, caret and hints, the summary line
and the exit status. The quality of every message, in each language, is reviewed and pinned here.

Regenerate both after a deliberate change of a message or of its Indonesian text, and review the
diff:

    LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_broken.py && git diff tests/broken
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkjipdsl import cli

BROKEN = Path(__file__).resolve().parent / "broken"
SPECS = sorted(BROKEN.glob("*.lkj"))
EXPECTED = {"en": ".expected", "id": ".id.expected"}  # the golden file of each language: NN-name + suffix
REPORTED = {"en": (": error[", ": warning["), "id": (": galat[", ": peringatan[")}


def expected_path(path: Path, lang: str) -> Path:
    return path.with_name(path.stem + EXPECTED[lang])


def check_output(path: Path, lang: str, monkeypatch, capsys) -> str:
    monkeypatch.chdir(BROKEN)
    status = cli.main(["check", path.name, "--lang", lang])
    captured = capsys.readouterr()
    return captured.out + captured.err + f"exit status {status}\n"


@pytest.mark.parametrize("lang", sorted(EXPECTED))
@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_broken_spec(path: Path, lang: str, monkeypatch, capsys):
    actual = check_output(path, lang, monkeypatch, capsys)
    expected = expected_path(path, lang)
    if os.environ.get("LKJIPDSL_UPDATE_GOLDEN") == "1":
        expected.write_text(actual, encoding="utf-8")
        return
    assert expected.exists(), f"no {expected.name}; run with LKJIPDSL_UPDATE_GOLDEN=1 and review it"
    assert actual == expected.read_text(encoding="utf-8")


def test_the_corpus_is_large_and_every_spec_is_reported():
    assert len(SPECS) >= 60
    numbers = [p.name.split("-")[0] for p in SPECS]
    assert len(set(numbers)) == len(numbers), "two specs share a number"
    for path in SPECS:
        for lang, severities in REPORTED.items():
            expected = expected_path(path, lang)
            assert expected.exists(), expected.name
            text = expected.read_text(encoding="utf-8")
            assert any(severity in text for severity in severities), f"{expected.name} reports nothing"


def test_no_expected_file_is_orphaned():
    goldens = {p.name for p in BROKEN.glob("*.expected")}
    assert goldens == {expected_path(p, lang).name for p in SPECS for lang in EXPECTED}
