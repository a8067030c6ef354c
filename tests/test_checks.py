"""The checks (lkjipdsl/checks.py): what the typed spec must satisfy before it is evaluated, each
check a function of the spec, run all or by name (`loads(text, only_checks=[...])`). The
catalogue of mistakes and their messages: tests/test_bad_input.py, tests/broken/."""

from __future__ import annotations

import lkjipdsl
from lkjipdsl import i18n

HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def rule(untuk="subkegiatan", jika="serapan < 50", pesan='"Serapan {nama} rendah"') -> str:
    """line 3 aturan …; line 4 untuk; line 5 jika (the expression starts at column 8); line 6 pesan
    (the text starts at column 9)."""
    return HEAD + (f'aturan rendah "Serapan rendah" {{\n  untuk {untuk}\n  jika {jika}\n  pesan {pesan}\n}}\n')


def test_placeholder_caret_falls_back_to_the_whole_text_when_it_has_escapes():
    """With \\" in the literal, columns of the text as read no longer match the file's: the caret
    then covers the whole quoted text rather than a wrong place."""
    loaded = lkjipdsl.loads(rule(pesan='"Serapan \\"{nam}\\" rendah"'), "x.lkj")
    d = next(d for d in loaded.diagnostics if d.code == "E134")
    assert (d.span.line, d.span.column, d.span.end_column) == (6, 9, 9 + len('"Serapan \\"{nam}\\" rendah"'))


def test_only_the_checks_named_run():
    # a bobot on an indikator of a sasaran that is not weighted: W207, from the "weights" check
    text = HEAD + '''sasaran S1 "S" {
  indikator I1 "I" { satuan "%"; polaritas maksimal; target 100; realisasi 90; bobot 2 }
}
'''
    with i18n.using("en"):
        everything = lkjipdsl.loads(text)
        weights = lkjipdsl.loads(text, only_checks=["weights"])
        others = lkjipdsl.loads(text, only_checks=["ids", "scales"])
    assert [d.code for d in everything.diagnostics] == ["W207"]
    assert [(d.code, d.span.line) for d in weights.diagnostics] == [("W207", 4)]
    assert "does not use agregasi rata_rata_bobot" in weights.diagnostics[0].message
    assert others.diagnostics == []
