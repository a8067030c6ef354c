"""Loading part by part: `loads` builds each top-level part as soon as it is read and lets its
syntax tree go before the next (api._build_part_by_part). The spec and the diagnostics are those
of the whole text read first and built after (the ordinary way, which Session and a text the
scanner cannot read part by part still take)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import api, syntax
from lkjipdsl.build import EARLY_WORDS

ROOT = Path(__file__).resolve().parent.parent
SPECS = [ROOT / "specs" / "seririt-2023.lkj", *sorted((ROOT / "examples").glob("*.lkj")),
         *sorted((ROOT / "tests" / "broken").glob("*.lkj"))]


def read_whole_then_build(monkeypatch, text: str, file: str, limits: lkjipdsl.Limits | None = None):
    with monkeypatch.context() as patched:
        patched.setattr(api, "_build_part_by_part", lambda *arguments: None)
        return lkjipdsl.loads(text, file, limits=limits)


def same_load(monkeypatch, text: str, file: str = "spec.lkj", limits: lkjipdsl.Limits | None = None):
    streamed = lkjipdsl.loads(text, file, limits=limits)
    whole = read_whole_then_build(monkeypatch, text, file, limits)
    assert streamed.spec == whole.spec
    assert streamed.diagnostics == whole.diagnostics
    return streamed


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_every_spec_loads_as_when_read_whole(monkeypatch, path):
    same_load(monkeypatch, path.read_bytes().decode("utf-8", errors="replace"), path.name)


def test_the_words_read_early_count_wherever_they_stand(monkeypatch):
    # the convention, the year and a sumber's convention declared after the blocks that use them
    text = ('instansi "Dinas Contoh"\n'
            'program 1 "Perangkat Daerah" {\n    anggaran 1.500,000; realisasi 1,250\n'
            '    tercetak "LRA" anggaran 1,500.5\n}\n'
            'sumber "LRA" {\n    angka internasional\n}\n'
            'tahun 2023\n'
            'angka internasional\n')
    loaded = same_load(monkeypatch, text)
    assert loaded.spec.convention == "internasional" and loaded.spec.tahun == 2023
    assert loaded.spec.programs[0].realisasi.value == 1250


def test_warnings_after_too_many_errors_are_still_found(monkeypatch):
    # the build stops at max_errors; a W214 further on is reported all the same
    text = "\n".join(['instansi "X"', "tahun 2023"] + [f"salah{n} 1" for n in range(6)]
                     + ['program 1 "P" {\n    anggaran 1,500\n}'])
    loaded = same_load(monkeypatch, text, limits=lkjipdsl.Limits(max_errors=3))
    codes = [d.code for d in loaded.diagnostics]
    assert "E014" in codes and "W214" in codes


@pytest.mark.parametrize("text", [
    'instansi "X"\ntahun 2023\nprogram 1 "P" {\nanggaran 5\n}\n',  # not indented: read whole
    'instansi "X"\ntahun 2023\nprogram 1 "P" {\n    anggaran 5\n',  # not closed
    'instansi "X"\ntahun 2023 2024\nprogram 1 "P" { anggaran 5 } }\n',
], ids=["not-indented", "not-closed", "extra-brace"])
def test_a_text_not_read_part_by_part_is_read_whole(monkeypatch, text):
    same_load(monkeypatch, text)


def test_more_tokens_than_the_limit_is_read_whole(monkeypatch):
    text = 'instansi "X"\ntahun 2023\n' + "".join(f'program {n} "P" {{\n    anggaran {n}\n}}\n' for n in range(1, 40))
    loaded = same_load(monkeypatch, text, limits=lkjipdsl.Limits(max_tokens=100))
    assert [d.code for d in loaded.diagnostics if d.is_error]


def test_parts_are_read_one_at_a_time():
    text = 'instansi "Perangkat Daerah"\ntahun 2023\n' + "".join(
        f'program {n} "Perangkat" {{\n    anggaran {n}\n}}\n' for n in range(1, 6))
    with lkjipdsl.limits.using(lkjipdsl.Limits()):
        reader = syntax.PartByPart(text, "spec.lkj", EARLY_WORDS)
        # only the part that says tahun is read before the rest ("Perangkat" is not "angka")
        assert [s.key for s in reader.early] == ["tahun"]
        parts = reader.statements()
        read = reader.tokens  # the tahun part's
        assert [s.key for s in next(parts)] == ["instansi"] and reader.tokens > read
        read = reader.tokens
        assert [s.key for s in next(parts)] == ["tahun"] and reader.tokens == read  # read already
        assert [s.key for s in next(parts)] == ["program"] and reader.tokens > read
        assert [s.key for part in parts for s in part] == ["program"] * 4
