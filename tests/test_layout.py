"""render/layout.py lays tables out byte for byte as tabulate does, or leaves them to tabulate."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as s
from tabulate import tabulate

from lkjipdsl.render import layout as layout_module
from lkjipdsl.render.layout import NARROW, layout


def _tabulate(rows, headers, aligns, style):
    return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True, colalign=aligns)


def test_narrow_characters_are_one_column_wide():
    wcwidth = pytest.importorskip("wcwidth")
    for char in NARROW:
        assert wcwidth.wcswidth(char) == 1, char
        assert char.isprintable() and not char.isspace() and not char.isascii(), char


# Cells mix what the fast path takes (ASCII, NARROW, spaces to strip, numbers tabulate would parse)
# with what it must hand to tabulate (wide and zero-width characters, line breaks, tabs, ANSI codes,
# no-break spaces, tabulate's separating-line marker).
_TEXT = s.text(alphabet=s.sampled_from(list("ab Z09.,-%|+") + sorted(NARROW)[:12] + ["–", "≤"]), max_size=8)
_ODD = s.sampled_from(["", " ", "  x  ", "1.000,50", "12", "-3.5", "True", "1e5", "\u00a0x", "漢字", "e\u0301",
                       "a\nb", "a\tb", "\x1b[31mred\x1b[0m", "\x01", "\u200b", "Rp 1.000,-"])
_CELL = s.one_of(_TEXT, _TEXT, _ODD)


@s.composite
def _tables(draw):
    count = draw(s.integers(1, 5))
    cell = draw(s.sampled_from([_TEXT, _CELL]))  # half the tables without odd cells: the fast path
    headers = draw(s.lists(cell, min_size=count, max_size=count))
    rows = draw(s.lists(s.lists(cell, min_size=count, max_size=count), max_size=6))
    aligns = draw(s.lists(s.sampled_from(["left", "right", "center"]), min_size=count, max_size=count))
    return rows, headers, aligns


@settings(max_examples=400, deadline=None)
@given(_tables(), s.sampled_from(["simple", "github"]))
def test_layout_is_tabulate(table, style):
    rows, headers, aligns = table
    assert layout(rows, headers, aligns, style) == _tabulate(rows, headers, aligns, style)


@pytest.mark.parametrize("rows,headers,aligns,style", [
    ([["a", "b"]], ["x", "y"], ["left", "decimal"], "simple"),       # an alignment it does not do
    ([["a", "b"]], ["x", "y"], ["left", None], "simple"),
    ([["a", "b", "c"]], ["x", "y"], ["left", "right"], "simple"),   # more cells than headers
    ([["a"]], ["x", "y"], ["left", "right"], "github"),              # fewer
    ([["a", 1]], ["x", "y"], ["left", "right"], "simple"),           # not a string
    ([("a", "b")], ["x", "y"], ["left", "right"], "simple"),
    ([["a", None]], ["x", "y"], ["left", "right"], "simple"),
    ([["a", "b"]], ["x", "y"], ["left", "right"], "grid"),           # another format
    ([], ["x", "y"], ["left", "right"], "simple"),                    # no rows
])
def test_other_tables_go_to_tabulate(rows, headers, aligns, style):
    assert not layout_module._plain(rows, headers, aligns, style)
    assert layout(rows, headers, aligns, style) == _tabulate(rows, headers, aligns, style)


def test_the_report_tables_take_the_fast_path():
    import lkjipdsl
    from lkjipdsl.render.tables import tables

    result = lkjipdsl.evaluate(lkjipdsl.load(Path(__file__).resolve().parent.parent / "specs" / "seririt-2023.lkj"))
    for table in tables(result, None, "id"):
        assert layout_module._plain(table.rows, table.headers, table.align, "simple"), table.name
        for style in ("simple", "github"):
            assert layout(table.rows, table.headers, table.align, style) == \
                _tabulate(table.rows, table.headers, table.align, style)
