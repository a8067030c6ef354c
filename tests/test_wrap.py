"""Text tables within a width: names wrapped inside their column, never cut; numbers never wrapped;
a table too wide even so in parts that repeat its code and name columns; --lebar / --width / COLUMNS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl.cli import main
from lkjipdsl.render.layout import layout
from lkjipdsl.render.report_tables import REPORT_BUILDERS
from lkjipdsl.render.text import render_table
from lkjipdsl.render.wrap import fitted, narrowest, wrap

ROOT = Path(__file__).resolve().parent.parent
SPEC = str(ROOT / "specs" / "seririt-2023.lkj")
FIGURE = re.compile(r"^-?[0-9][0-9.,]*$")


@pytest.fixture(scope="module")
def result():
    return lkjipdsl.evaluate(lkjipdsl.load(SPEC))


def _words(text: str) -> list[str]:
    """The words of a text with the places wrap may break a word (after '/') joined again."""
    return re.sub(r"/\s+", "/", text).split()


def _name_column_text(rendered: str, start: int, end: int) -> str:
    """The text of one column (characters start..end of each line) read top to bottom."""
    return " ".join(line[start:end].strip() for line in rendered.splitlines())


def test_wrap_breaks_at_spaces_and_after_slashes_never_inside_a_word():
    assert wrap("Koordinasi dan Penyusunan Laporan", 16) == ["Koordinasi dan", "Penyusunan", "Laporan"]
    assert wrap("Laporan Bulanan/Triwulanan/Semesteran", 20) == ["Laporan Bulanan/", "Triwulanan/", "Semesteran"]
    assert wrap("Perundang-Undangan", 5) == ["Perundang-Undangan"]  # wider than asked, but whole
    assert wrap("8.624.579.558", 4) == ["8.624.579.558"]
    assert wrap("", 4) == [""]
    assert narrowest("Capaian Anggaran/Keuangan (%)") == len("Anggaran/")


def test_a_table_that_fits_is_laid_out_as_before(result):
    table = REPORT_BUILDERS["tabel-3.6"](result)
    unlimited = render_table(table, "text")
    assert render_table(table, "text", 10_000) == unlimited
    assert layout(table.rows, table.headers, table.align, "simple") in unlimited


def test_seririt_tabel_3_1_in_120_columns_is_readable(result):
    """Every line within 120 columns, every name's words in its column in order, every figure whole
    on the line of its row's code."""
    table = REPORT_BUILDERS["tabel-3.1"](result)
    assert max(len(line) for line in render_table(table, "text").splitlines()) > 120  # unwrapped: 166 for a name
    shown = render_table(table, "text", 120)
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= 120
    rule = next(line for line in lines if line.startswith("--"))
    spans = [(match.start(), match.end()) for match in re.finditer(r"-+", rule)]
    names = _name_column_text("\n".join(lines[lines.index(rule) + 1:]), *spans[table.nested])
    assert _words(names) == _words(" ".join(row[table.nested].strip() for row in table.rows))
    at = lines.index(rule) + 1
    figures = [index for index, align in enumerate(table.align) if align == "right"]
    for row in table.rows:  # each row's first line, in order: the cells before the name, its first word, figures
        first_word = row[table.nested].split()[0]
        while not (all(lines[at][slice(*spans[index])].strip() == row[index].strip() for index in range(table.nested))
                   and lines[at][slice(*spans[table.nested])].split()[:1] == [first_word]):
            at += 1
        for index in figures:
            assert lines[at][slice(*spans[index])].strip() == row[index].strip()  # whole, on its row's first line
        at += 1


def test_headings_wrap_before_names(result):
    table = REPORT_BUILDERS["tabel-3.1"](result)
    lines = render_table(table, "text", 120).splitlines()
    heading = "\n".join(lines[:lines.index(next(line for line in lines if line.startswith("--")))])
    assert "Capaian" in heading and "Anggaran/" in heading and "Keuangan" in heading
    # the name column takes what the figures leave: wider than any column of figures
    rule = next(line for line in lines if line.startswith("--"))
    widths = [len(dashes) for dashes in rule.split()]
    assert widths[table.nested] == max(widths)


def test_a_table_too_wide_even_wrapped_is_shown_in_parts(result):
    """Tabel 3.2 has four years of three figures: at 120 columns no wrapping fits them, so the
    table comes in parts, each with the code and name columns and whole figures."""
    table = REPORT_BUILDERS["tabel-3.2"](result)
    shown = render_table(table, "text", 120)
    assert max(len(line) for line in shown.splitlines()) <= 120
    body = shown.split("\n\n", 1)[1]
    parts = body.split("\n\n")
    assert len(parts) > 1
    seen_headings: list[str] = []
    for part in parts:
        rule = next(line for line in part.splitlines() if line.startswith("--"))
        spans = [(match.start(), match.end()) for match in re.finditer(r"-+", rule)]
        heading = part[:part.index(rule)].splitlines()
        columns = [" ".join(" ".join(line[start:end] for line in heading).split()) for start, end in spans]
        assert columns[:2] == table.headers[:2]
        seen_headings += columns[2:]
    assert seen_headings == table.headers[2:]  # each figure column once, in order
    for row in table.rows:
        for cell in row[2:]:
            if FIGURE.match(cell.strip()):
                assert cell.strip() in body


def test_fitted_keeps_every_cell_when_nothing_fits():
    rows = [["1", "Penyediaan Jasa Surat Menyurat", "224.560.693"]]
    shown = fitted(rows, ["No", "Uraian", "Anggaran (Rp)"], ["left", "left", "right"], 10)
    assert "224.560.693" in shown and "Penyediaan" in shown and "Menyurat" in shown


def test_cells_that_go_on_in_two_columns_of_a_row_keep_their_columns():
    """Two columns wrapping in the same row, one of wide characters (two columns each) and one
    aligned right: each further line has each column's piece at its column's start, and a column
    whose cell has ended leaves its place blank. Laid out by hand: limits 4, 3 and 1 (the narrowest
    pieces 4, 2 and 1, widened to one level within 12 - 2 gaps), hence widths 4, 2 and 1."""
    rows = [["漢字 漢字 漢字", "aa bb cc", "1"], ["漢字 漢字", "aa bb cc", "2"]]
    shown = fitted(rows, ["A", "B", "C"], ["left", "right", "right"], 12)
    assert shown.splitlines() == [
        "A      B  C",
        "----  --  -",
        "漢字  aa  1",
        "漢字  bb",
        "漢字  cc",
        "漢字  aa  2",
        "漢字  bb",
        "      cc",
    ]


def test_eval_text_follows_lebar_width_and_columns(monkeypatch, capsys):
    assert main(["eval", SPEC, "--table", "tabel-3.1", "--lebar", "90"]) == 0
    lebar = capsys.readouterr().out
    assert main(["eval", SPEC, "--table", "tabel-3.1", "--width", "90"]) == 0
    assert capsys.readouterr().out == lebar
    assert max(map(len, lebar.splitlines())) <= 90
    monkeypatch.setenv("COLUMNS", "90")
    assert main(["eval", SPEC, "--table", "tabel-3.1"]) == 0
    assert capsys.readouterr().out == lebar
    monkeypatch.delenv("COLUMNS")
    assert main(["eval", SPEC, "--table", "tabel-3.1"]) == 0  # not a terminal: 100 columns
    assert max(map(len, capsys.readouterr().out.splitlines())) <= 100
    assert main(["eval", SPEC, "--table", "tabel-3.1", "--lebar", "0"]) == 0  # no limit
    result = lkjipdsl.evaluate(lkjipdsl.load(SPEC))
    assert capsys.readouterr().out == render_table(REPORT_BUILDERS["tabel-3.1"](result), "text")


def test_markdown_and_csv_are_never_wrapped(capsys):
    assert main(["eval", SPEC, "--table", "tabel-3.1", "--format", "markdown", "--lebar", "60"]) == 0
    assert max(map(len, capsys.readouterr().out.splitlines())) > 150


@pytest.mark.parametrize("lang, expected", [("en", "'lebar' is not a number of columns from 0 to 10000"),
                                            ("id", "'lebar' bukan jumlah kolom dari 0 sampai 10000")])
def test_a_bad_width_is_a_usage_error(capsys, lang, expected):
    assert main(["eval", SPEC, "--lebar", "lebar", "--lang", lang]) == 2
    assert expected in capsys.readouterr().err


def test_pieces_without_a_slash_are_those_of_the_pattern():
    """A text without a slash is cut by str.split(), which must cut where the pattern does: at
    every run of what `\\s` matches (Unicode spaces, separators, line breaks), a space before."""
    import random
    import re

    from lkjipdsl.render import wrap as wrapping

    def by_pattern(text):
        pieces, spaced, start = [], False, 0
        for match in re.finditer(r"\s+", text):
            if match.start() > start:
                pieces.append((text[start:match.start()], spaced))
            spaced, start = True, match.end()
        return pieces + ([(text[start:], spaced)] if start < len(text) else [])

    symbols = ["a", "bc", " ", "\t", "\n", "\u00a0", "\u3000", "\u2003", "\x1c", "\x85", "é", "\u200b", "ｗ"]
    chooser = random.Random(18)
    for _ in range(5000):
        text = "".join(chooser.choice(symbols) for _ in range(chooser.randint(0, 10)))
        assert wrapping._pieces(text) == by_pattern(text), repr(text)


def _pieces_by_pattern(text):
    """The pieces of a text as _BREAKS cuts it: at spaces, and after a slash inside a word."""
    import re

    pieces, spaced, start = [], False, 0
    for match in re.finditer(r"(?<=/)(?=[^/\s])|\s+", text):
        if match.start() > start:
            pieces.append((text[start:match.start()], spaced))
        spaced, start = match.group() != "", match.end()
    return pieces + ([(text[start:], spaced)] if start < len(text) else [])


def _wrapped_by_pieces(text, width):
    """wrap() as the pieces and the widths of text_width make it, one piece at a time."""
    from lkjipdsl.render.wrap import text_width

    if text_width(text) <= width:
        return [text]
    lines, line, used = [], "", 0
    for piece, spaced in _pieces_by_pattern(text):
        joint = " " if spaced and line else ""
        if line and used + len(joint) + text_width(piece) > width:
            lines.append(line)
            line, used = piece, text_width(piece)
        else:
            line, used = line + joint + piece, used + len(joint) + text_width(piece)
    return lines + [line] if line or not lines else lines


def test_ascii_text_is_cut_and_wrapped_as_the_pattern_cuts_it():
    """ASCII text takes paths without the pattern (a report's cells nearly all are): the same
    pieces, lines and narrowest widths as the pattern gives, slashes, runs of them and spaces of
    every ASCII kind included."""
    import random

    from lkjipdsl.render import wrap as wrapping

    symbols = ["a", "bc", "Desa", " ", "  ", "\t", "\n", "\x0b", "\x1c", "/", "//", "-", "9.5", "(%)", "é",
               "x/", "/y", " / ", "Bulanan/Triwulanan"]
    chooser = random.Random(5)
    for _ in range(20000):
        text = "".join(chooser.choice(symbols) for _ in range(chooser.randint(0, 12)))
        assert wrapping._pieces(text) == _pieces_by_pattern(text), repr(text)
        width = chooser.randint(-1, 12)
        assert wrap(text, width) == _wrapped_by_pieces(text, width), (text, width)
        column = (text, text[::-1], "")
        assert wrapping._widest_piece(column) == max(
            (len(piece) for cell in column for piece, _spaced in _pieces_by_pattern(cell)), default=0), repr(text)
