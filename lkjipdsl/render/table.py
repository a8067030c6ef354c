"""The display table every renderer lays out: title, headers, rows of formatted text, and beside the
rows what the text alone would lose — the raw numbers, the predikat colour, the nesting level.

A builder (tables.py, report_tables.py) adds each row with `Table.add`: text cells are strings,
number cells are `Cell`s made by `money`, `percent` and `number`, which keep the raw value beside
its text so that renderers with numeric cells (xlsx) never re-read formatted strings; the row's
level (0 a program, 1 a kegiatan, 2 a sub kegiatan; 0 a sasaran, 1 an indikator) is data too, so
that html, xlsx and docx indent by it and never read it back from the text.
"""

from __future__ import annotations

from ..records import field, record
from decimal import Decimal
from ..records import NamedTuple

from ..fields import BUDGET_LEVELS
from ..format import angka, display_rounding_in_force, persen, places_shown, rupiah, rupiah_places
from ..results import NodeResult

# How `Table.rows` writes one level of nesting in the nested column: the report's plain-text look,
# which CSV output and templates' `table.rows` show (text and Markdown strip it when they align).
INDENT = "  "
BUDGET_KINDS = BUDGET_LEVELS
BUDGET_DEPTH = {kind: depth for depth, kind in enumerate(BUDGET_LEVELS)}


class Cell(NamedTuple):
    """A number cell: its text (formatted by format.py), its raw value, and the decimals the text shows."""

    text: str
    value: Decimal | None = None
    places: int | None = None


def money(value: Decimal | None, lang: str = "id") -> Cell:
    return Cell(_shown(rupiah, value, lang), value, rupiah_places(value))


def percent(value: Decimal | None, lang: str = "id") -> Cell:
    return Cell(_shown(persen, value, lang), value, 2)


# The texts of amounts and percentages already shown: a report shows most of them in several tables
# (Seririt: 2 600 cells, 930 values). Both are rounded to fixed decimals, so equal values show alike.
# A large report shows most values once (10k spec: 574 000 cells, 507 000 values), where looking
# each up costs more than it saves (a twentieth of its HTML): once the texts kept reach _SHOWN_MOST
# with fewer look-ups found than texts kept, the next _SHOWN_SKIP are shown without the cache.
_SHOWN: dict[tuple, str] = {}
_SHOWN_MOST = 20_000  # then begun afresh: a long process (watch, many specs) does not keep them all
_SHOWN_SKIP = 10 * _SHOWN_MOST
_shown_found = 0  # look-ups found since the texts kept were begun afresh
_shown_skipping = 0  # how many more texts to show without the cache


def _shown(show, value: Decimal | None, lang: str) -> str:
    global _shown_found, _shown_skipping
    if _shown_skipping:
        _shown_skipping -= 1
        return show(value, lang)
    key = (show, value, lang, display_rounding_in_force())
    try:
        text = _SHOWN[key]
        _shown_found += 1
        return text
    except KeyError:
        pass
    except TypeError:  # a value that cannot be hashed (a signalling NaN) is shown as it is
        return show(value, lang)
    if len(_SHOWN) >= _SHOWN_MOST:
        if _shown_found < _SHOWN_MOST:
            _shown_skipping = _SHOWN_SKIP
        _SHOWN.clear()
        _shown_found = 0
    text = _SHOWN[key] = show(value, lang)
    return text


def number(value: Decimal | None, places: int | None = None, lang: str = "id") -> Cell:
    return Cell(angka(value, places, lang), value, places_shown(value, places))


def input_cell(value: Decimal | None, written: str | None, lang: str = "id") -> str | Cell:
    """An indikator's target or realisasi: as written when it is a ratio (`1:17,9`, whose value is
    17,9), else a number cell."""
    return written if written else number(value, None, lang)


def shown_input(value: Decimal | None, written: str | None, lang: str = "id") -> str:
    """`input_cell`'s text."""
    return written if written else angka(value, None, lang)


def target_cell(node: NodeResult, lang: str) -> str | Cell:
    """An indikator's target: a number cell, or 'a–b' text for a target range, a ratio as written."""
    if node.target_atas is not None:
        return (f"{shown_input(node.target, node.target_tertulis, lang)}–"
                f"{shown_input(node.target_atas, node.target_atas_tertulis, lang)}")
    return input_cell(node.target, node.target_tertulis, lang)


def budget_level(node: NodeResult) -> int:
    """How deep a budget item nests (program 0, kegiatan 1, sub kegiatan 2); 0 for anything else."""
    return BUDGET_DEPTH.get(node.kind, 0)


@record
class Table:
    name: str
    title: str
    headers: list[str]
    align: list[str]  # left | right | center per column
    rows: list[list[str]] = field(default_factory=list)
    colors: list[str | None] = field(default_factory=list)  # predikat colour per row, for rich renderers
    # Parallel to rows, for renderers with numeric cells: the raw value of each number cell (None for
    # text and for '-'), and the decimals its text shows (None for text).
    values: list[list[Decimal | None]] = field(default_factory=list)
    places: list[list[int | None]] = field(default_factory=list)
    rated: int | None = None  # the column whose value the row's colour rates (its predikat)
    # Parallel to rows: how deep each row nests, shown in the `nested` column (a name column)
    levels: list[int] = field(default_factory=list)
    nested: int | None = None
    # A header row above `headers` for renderers that can merge cells (html, xlsx, docx): (label, span)
    # from the left, spans adding up to the columns; a column under an empty label takes both rows.
    # `leaves` are then the words under each label ("Target" under "Tahun 2022"), where `headers` keep
    # the one-line form text, Markdown and CSV show ("Target 2022").
    groups: list[tuple[str, int]] = field(default_factory=list)
    leaves: list[str] = field(default_factory=list)
    # Formulas a spreadsheet can keep live (xlsx): columns whose value on a parent row is the sum of its
    # children's (and on a `totals` row the sum of the level-0 rows), and percentage columns that are
    # numerator / denominator × 100 of their own row, as {percentage: (numerator, denominator)}.
    sums: list[int] = field(default_factory=list)
    ratios: dict[int, tuple[int, int]] = field(default_factory=dict)
    totals: list[int] = field(default_factory=list)  # the rows that total the whole table (Jumlah)

    def add(self, cells: list[str | Cell], color: str | None = None, level: int = 0) -> None:
        """Append a row of text cells and `Cell`s, with the row's predikat colour and nesting level."""
        texts, values, places = [], [], []
        for cell in cells:  # one pass: a report has thousands of rows
            if isinstance(cell, Cell):
                texts.append(cell.text)
                values.append(cell.value)
                places.append(None if cell.value is None else cell.places)
            else:
                texts.append(cell)
                values.append(None)
                places.append(None)
        if level:
            texts[self.nested] = INDENT * level + texts[self.nested]
        self.rows.append(texts)
        self.values.append(values)
        self.places.append(places)
        self.colors.append(color)
        self.levels.append(level)

    def total(self, cells: list[str | Cell]) -> None:
        """Append the table's Jumlah row: the sum of its level-0 rows in the `sums` columns."""
        self.totals.append(len(self.rows))
        self.add(cells)

    def drop_empty(self, columns: list[int]) -> Table:
        """Leave out those of `columns` that are empty (no text, or only the '-' of no value) in every
        row, so that no renderer shows a column of nothing; the table itself, for chaining."""
        if not self.rows:
            return self
        empty = {column for column in columns
                 if all(row[column].strip() in ("", "-") and values[column] is None
                        for row, values in zip(self.rows, self.values))}
        if not empty:
            return self
        kept = [column for column in range(len(self.headers)) if column not in empty]
        where = {old: new for new, old in enumerate(kept)}
        self.headers = [self.headers[c] for c in kept]
        self.align = [self.align[c] for c in kept]
        self.rows = [[row[c] for c in kept] for row in self.rows]
        self.values = [[values[c] for c in kept] for values in self.values]
        self.places = [[places[c] for c in kept] for places in self.places]
        if self.leaves:
            self.leaves = [self.leaves[c] for c in kept]
        if self.groups:
            groups, start = [], 0
            for label, span in self.groups:
                left = sum(1 for c in range(start, start + span) if c not in empty)
                if left:
                    groups.append((label, left))
                start += span
            self.groups = groups
        self.rated = where.get(self.rated) if self.rated is not None else None
        self.nested = where.get(self.nested) if self.nested is not None else None
        self.sums = [where[c] for c in self.sums if c in where]
        self.ratios = {where[p]: (where[n], where[d]) for p, (n, d) in self.ratios.items()
                       if p in where and n in where and d in where}
        return self

    def header_rows(self) -> list[list[tuple[str, int, int]]]:
        """The header as renderers that merge cells draw it: rows of (text, columns spanned, rows
        spanned); one row of `headers`, or with `groups` the labels over their `leaves`."""
        if not self.groups:
            return [[(header, 1, 1) for header in self.headers]]
        top, below, column = [], [], 0
        for label, span in self.groups:
            if label:
                top.append((label, span, 1))
                below += [(self.leaves[c], 1, 1) for c in range(column, column + span)]
            else:
                top += [(self.leaves[c], 1, 2) for c in range(column, column + span)]
            column += span
        return [top, below]

    def level(self, index: int) -> int:
        """The nesting level of row `index` (0 for rows appended without `add`)."""
        return self.levels[index] if index < len(self.levels) else 0

    def leveled(self, index: int) -> list[tuple[int, str]]:
        """Row `index` as (level, text) per cell, for renderers that indent by the level: the nested
        column at the row's level, its text without the INDENT `rows` writes; the others at level 0."""
        cells = [(0, text) for text in self.rows[index]]
        level = self.level(index)
        if level:
            text = self.rows[index][self.nested]
            cells[self.nested] = (level, text[len(INDENT) * level:])
        return cells


def contrast(color: str) -> str:
    """Black or white, whichever reads better on a predikat colour (#rrggbb)."""
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"
