"""The model's numbers and period rows, kept compactly (lkjipdsl.model.Number, PeriodRow): a
number written in its canonical form keeps no text and no span of its own, and still reads,
compares and pickles as the text and the place it was written at."""

from __future__ import annotations

import pickle
from decimal import Decimal

import lkjipdsl
from lkjipdsl.diagnostics import Span
from lkjipdsl.model import Number, PeriodRow

SPEC = '''instansi "Kecamatan Contoh"
tahun 2023
angka {convention}

program 1 "Program" {{
    kegiatan 1.1 "Kegiatan" {{
        subkegiatan 1.1.1 "Sub" {{
            anggaran {anggaran}; realisasi {realisasi}
            periode triwulanan gabung terakhir {{
                tw1 {tw1}
                tw2 007 {tw2}
                TW3 target 12 realisasi {tw3} persen 98,5
            }}
        }}
    }}
}}
'''


def _numbers(loaded):
    node = loaded.spec.budget_nodes()[2]
    rows = node.periods.rows
    return [node.anggaran, node.realisasi, rows[0].target, rows[0].realisasi, rows[1].target, rows[1].realisasi,
            rows[2].target, rows[2].realisasi, rows[2].persen]


def _written_at(text: str, span: Span) -> str:
    line = text.split("\n")[span.line - 1]
    assert span.end_line == span.line
    return line[span.column - 1:span.end_column - 1]


def test_every_number_reads_as_the_text_it_was_written_as_and_where():
    for convention, anggaran, realisasi, grouped in (("indonesia", "8.624.579.558", "8.379.023.881,50", "1.000"),
                                                     ("internasional", "8,624,579,558", "8,379,023,881.50", "1,000")):
        text = SPEC.format(convention=convention, anggaran=anggaran, realisasi=realisasi, tw1=f"{grouped} 950",
                           tw2="12", tw3="0")
        loaded = lkjipdsl.loads(text, "n.lkj")
        assert loaded.ok, loaded.diagnostics
        numbers = _numbers(loaded)
        written = [anggaran, realisasi, grouped, "950", "007", "12", "12", "0", "98,5"]
        assert [n.text for n in numbers] == written
        assert [_written_at(text, n.span) for n in numbers] == written
        assert numbers[0].value == Decimal(8_624_579_558) and numbers[2].value == Decimal(1000)
        assert numbers[4].value == Decimal(7) and not any(n.rounded for n in numbers)
        # the canonical writings keep no text: plain digits and grouped thousands (not 007, not a fraction)
        assert [n.canonical_text for n in numbers] == [True, False, True, True, False, True, True, True, False]


def test_a_number_and_a_period_row_compare_and_pickle_as_the_records_they_were():
    text = SPEC.format(convention="indonesia", anggaran="1.500.000", realisasi="1.200.000", tw1="500.000 400.000",
                       tw2="1.000.000", tw3="1.200.000")
    first, second = (lkjipdsl.loads(text, "n.lkj").spec for _ in range(2))
    node = first.budget_nodes()[2]
    assert first == second
    number = node.anggaran
    span = number.span
    assert number == Number(Decimal(1_500_000), span.absolute(), "1.500.000")
    assert number != Number(Decimal(1_500_000), span.absolute(), "1500000")
    assert number != Number(Decimal(1_500_000), span.absolute(), "1.500.000", rounded=True)
    assert repr(number) == repr(Number(Decimal(1_500_000), span, "1.500.000"))
    row = node.periods.rows[0]
    again = pickle.loads(pickle.dumps(row))
    assert again == row and again.span == row.span and again.target.text == "500.000"
    assert row == PeriodRow(row.period, row.index, row.target, row.realisasi, None, row.span.absolute())
    assert pickle.loads(pickle.dumps(number)) == number


def test_a_rounded_number_and_a_ratio_keep_their_text():
    loaded = lkjipdsl.loads('''instansi "X"
tahun 2023
sasaran S1 "S" {
    indikator I1 "I" { satuan "rasio"; polaritas maksimal; target 1:20; realisasi 0,34 dibulatkan }
}
''', "r.lkj")
    item = loaded.spec.sasaran[0].indikator[0]
    assert (item.target.text, item.target.ratio, item.target.canonical_text) == ("1:20", "1:20", False)
    assert (item.realisasi.text, item.realisasi.rounded, item.realisasi.value) == ("0,34", True, Decimal("0.34"))


PERIOD_FIGURES = '''instansi "X"
tahun 2023
program 1 "Program" {
    kegiatan 1.1 "Kegiatan" {
        subkegiatan 1.1.1 "Sub" {
            anggaran 1.000.000; realisasi 900.000
            periode bulanan gabung terakhir {
                januari 50% 100.000
                februari 200.000 1:20
                maret -5 300.000
                april 400.000 -
                mei 500.000 450.000
            }
        }
    }
}
'''


def _at(text: str, line_text: str, figure: str) -> tuple[int, int]:
    """(line, column) of `figure` on the line that starts (after its indent) with `line_text`."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(line_text))
    return index + 1, lines[index].index(figure, lines[index].index(line_text) + len(line_text.split()[0])) + 1


def test_a_period_rows_figures_read_as_written_and_those_not_in_canonical_form_are_checked():
    from lkjipdsl import i18n

    with i18n.using("en"):
        loaded = lkjipdsl.loads(PERIOD_FIGURES, "p.lkj")
    found = [(d.code, d.span.line, d.span.column) for d in loaded.diagnostics]
    # a '%' on an amount (W216), a ratio (E105) and a negative pagu (E152), each where it is written
    assert found == [("W216", *_at(PERIOD_FIGURES, "januari", "50%")),
                     ("E105", *_at(PERIOD_FIGURES, "februari", "1:20")),
                     ("E152", *_at(PERIOD_FIGURES, "maret", "-5"))]
    rows = loaded.spec.budget_nodes()[2].periods.rows
    texts = [(row.target.text, row.realisasi.text) for row in rows]
    assert texts == [("50%", "100.000"), ("200.000", "1:20"), ("-5", "300.000"), ("400.000", "-"),
                     ("500.000", "450.000")]
    for row, (target, realisasi) in zip(rows, texts):
        assert (row.target.span.line, row.target.span.column) == _at(PERIOD_FIGURES, row.period, target)
        assert (row.realisasi.span.line, row.realisasi.span.column) == _at(PERIOD_FIGURES, row.period, realisasi)
        assert (row.target_value, row.realisasi_value) == (row.target.value, row.realisasi.value)
    assert [[name for name, _number in row.written()] for row in rows] == [
        ["target"], ["realisasi"], ["target"], ["realisasi"], []]
    assert rows[4].target == Number(Decimal(500_000), rows[4].target.span.absolute(), "500.000")


def test_a_printed_figure_and_row_keep_their_place_and_compare_and_pickle_as_records():
    text = '''instansi "X"
tahun 2023
program 1 "Program" {
    kegiatan 1.1 "Kegiatan" {
        subkegiatan 1.1.1 "Sub" {
            anggaran 1.000.000; realisasi 900.000
            tercetak "Tabel 3.1" anggaran 1.000.000 realisasi 900.000
        }
    }
}
'''
    first, second = (lkjipdsl.loads(text, "t.lkj").spec.budget_nodes()[2] for _ in range(2))
    [row] = first.printed_rows
    line = text.split("\n").index('            tercetak "Tabel 3.1" anggaran 1.000.000 realisasi 900.000') + 1
    written = text.split("\n")[line - 1]
    assert (row.source, row.span.line, row.span.column) == ("Tabel 3.1", line, written.index("tercetak") + 1)
    assert row.span.end_column == len(written) + 1
    anggaran = row.values["anggaran"]
    # a printed figure stands from its field to its value
    assert (anggaran.span.column, anggaran.span.end_column) == (
        written.index("anggaran") + 1, written.index(" realisasi") + 1)
    assert (anggaran.field, anggaran.number.text, anggaran.source) == ("anggaran", "1.000.000", "Tabel 3.1")
    assert first.printed_rows == second.printed_rows and anggaran == second.printed_rows[0].values["anggaran"]
    assert pickle.loads(pickle.dumps(row)) == row
    assert repr(anggaran).startswith("Printed(field='anggaran', number=Number(value=Decimal('1000000')")
