"""A corpus of broken specs (tests/broken/NN-name.lkj), each with what `lkjipdsl check` prints
for it (NN-name.expected): every diagnostic with its source line, caret and hints, the summary
line and the exit status. The quality of every message is reviewed and pinned here.

Regenerate after a deliberate change of a message, and review the diff:

    LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_broken.py && git diff tests/broken
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkjipdsl import cli

BROKEN = Path(__file__).resolve().parent / "broken"
SPECS = sorted(BROKEN.glob("*.lkj"))


def check_output(path: Path, monkeypatch, capsys) -> str:
    monkeypatch.chdir(BROKEN)
    status = cli.main(["check", path.name])
    captured = capsys.readouterr()
    return captured.out + captured.err + f"exit status {status}\n"


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_broken_spec(path: Path, monkeypatch, capsys):
    actual = check_output(path, monkeypatch, capsys)
    expected_path = path.with_suffix(".expected")
    if os.environ.get("LKJIPDSL_UPDATE_GOLDEN") == "1":
        expected_path.write_text(actual, encoding="utf-8")
        return
    assert expected_path.exists(), f"no {expected_path.name}; run with LKJIPDSL_UPDATE_GOLDEN=1 and review it"
    assert actual == expected_path.read_text(encoding="utf-8")


def test_the_corpus_is_large_and_every_spec_is_reported():
    assert len(SPECS) >= 60
    numbers = [p.name.split("-")[0] for p in SPECS]
    assert len(set(numbers)) == len(numbers), "two specs share a number"
    for path in SPECS:
        expected = path.with_suffix(".expected")
        assert expected.exists(), expected.name
        text = expected.read_text(encoding="utf-8")
        assert ": error[" in text or ": warning[" in text, f"{path.name} reports nothing"


def test_no_expected_file_is_orphaned():
    assert {p.stem for p in BROKEN.glob("*.expected")} == {p.stem for p in SPECS}
