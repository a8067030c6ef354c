"""The typed spec: what a .lkj file says, after its keywords and values have been checked.

Built by lkjipdsl/build/ from the generic syntax tree; read by the checks and the graph
compiler. Plain records with no behaviour beyond derived properties.
"""

from __future__ import annotations

import functools
from .records import field, record
from decimal import Decimal

from .diagnostics import PartSpan, Span
from .numbers import DOTS, PLAIN
from .syntax.tree import ExprAttr


class _AsRecord:
    """Equality, repr and pickling by the fields `__match_args__` names, as the records (value
    classes of lkjipdsl.records) these compact classes were: equal by value, unhashable, rebuilt
    from their fields."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    def _key(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    __hash__ = None  # equal by value and mutable, as the records they were

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(self.__match_args__, self._key())) + ")"

    def __reduce__(self):
        return type(self), self._key()


class Number(_AsRecord):
    """An input number as written: its exact value (None for '-'), where it stands (`span`), its
    text as written (`text`) and whether the report printed it rounded (`rounded`, `dibulatkan`).
    It reads, compares and prints as the record (value, span, text, rounded) it was.

    Kept compactly, as a large spec holds one for every figure (10k spec: 292 000; a Span and a
    text each were 140 of its 310 bytes). A number the builder read in its canonical writing
    (`Number.canonical`: plain digits, or thousands grouped by '.' or ',') keeps, instead of its
    text and a Span, the style it was written in and its part's Origin, line and column: the text
    is made again from the value when read, and the span (a `PartSpan`) from those and the text's
    length. Any other number keeps its text and its span (`_line` None, `_column` its `rounded`)."""

    __slots__ = ("value", "_text", "_origin", "_line", "_column")
    __match_args__ = ("value", "span", "text", "rounded")

    def __init__(self, value: Decimal | None, span: Span, text: str, rounded: bool = False):
        self.value = value
        self._text = text
        self._origin = span
        self._line = None
        self._column = bool(rounded)

    @classmethod
    def canonical(cls, value: Decimal, span: Span, text: str, style: int) -> Number:
        """`text` read as `value`, which it writes in `style` (lkjipdsl.numbers: PLAIN, DOTS or
        COMMAS), at `span`: kept as the style and the place, without the text or the span."""
        number = _new(cls)
        number.value = value
        origin, line, column, end_line, end_column = span
        if end_line == line and end_column - column == len(text) and type(span) is PartSpan:
            number._text = style
            number._origin = origin
            number._line = line  # the scanner's int for the line, shared by the tokens on it
            number._column = column
        else:
            number._text = text
            number._origin = span
            number._line = None
            number._column = False
        return number

    @property
    def span(self) -> Span:
        line = self._line
        if line is None:
            return self._origin
        column = self._column
        return _part_span((self._origin, line, column, line, column + len(self.text)))

    @property
    def text(self) -> str:
        text = self._text
        if text.__class__ is str:
            return text
        if text == PLAIN:
            return str(self.value)
        grouped = f"{self.value:,}"
        return grouped.replace(",", ".") if text == DOTS else grouped

    @property
    def canonical_text(self) -> bool:
        """Whether the text is the value's own writing (digits, grouped or not): no '%', 'Rp' or ratio."""
        return self._text.__class__ is int

    @property
    def rounded(self) -> bool:
        return self._line is None and self._column

    @property
    def ratio(self) -> str | None:
        """The text of a value written as a ratio (`1:17,9`, whose value is 17,9), shown as written; else None."""
        text = self._text
        return text if text.__class__ is str and ":" in text else None

    @property
    def decimals(self) -> int:
        """How many decimals the document printed (for comparing printed figures)."""
        if self.value is None:
            return 0
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0



_new = object.__new__
_part_span = functools.partial(tuple.__new__, PartSpan)


class OnOneLine(_AsRecord):
    """A span kept as its part's Origin, line and columns when it lies on one line of a part (read
    as a `PartSpan`), else whole (`_line` None): a large spec has one for each of its period rows
    and printed figures (10k spec: 121 200 and 30 000), and a PartSpan is 88 bytes."""

    __slots__ = ("_origin", "_line", "_column", "_end_column")

    def _place(self, span: Span) -> None:
        origin, line, column, end_line, end_column = span
        if end_line == line and type(span) is PartSpan:
            self._origin, self._line, self._column, self._end_column = origin, line, column, end_column
        else:
            self._origin, self._line, self._column, self._end_column = span, None, None, None

    @property
    def span(self) -> Span:
        line = self._line
        if line is None:
            return self._origin
        return _part_span((self._origin, line, self._column, line, self._end_column))


class Printed(OnOneLine):
    """`tercetak FIELD VALUE ["source"]`: a figure a document printed, to be checked."""

    __slots__ = ("field", "number", "source", "text", "problem")
    __match_args__ = ("field", "number", "source", "span", "text", "problem")

    def __init__(self, field: str, number: Number | None, source: str | None, span: Span, text: str | None = None,
                 problem: str | None = None):
        self.field = field
        self.number = number  # None for a text (kode) or a figure printed malformed
        self.source = source
        self._place(span)
        self.text = text  # the printed text, for kode or a malformed figure
        self.problem = problem  # why the printed figure cannot be read as a number


class PrintedRow(OnOneLine):
    """`tercetak "Tabel 3.1" anggaran A realisasi R serapan P`: one row of a document's table.

    Its figures are checked against the computed values, and its percentage also against the
    row's own figures, so a wrong total and a wrong percentage are told apart.
    """

    __slots__ = ("source", "values")
    __match_args__ = ("source", "values", "span")

    def __init__(self, source: str, values: dict[str, Printed], span: Span):
        self.source = source
        self.values = values
        self._place(span)


@record(slots=True)
class HistoryEntry:
    """`riwayat YEAR ...`: an earlier year's figures."""

    year: int
    values: dict[str, Number]  # target, realisasi, anggaran, persen (printed %)
    span: Span


@record(slots=True)
class RenstraEntry:
    """`renstra YEAR|akhir target X [anggaran Y]`: a medium-term (Renstra) target."""

    year: int | None  # None: the end of the period
    values: dict[str, Number]
    span: Span


class PeriodRow(OnOneLine):
    """One period's figures. Fields, not a dict of them: a large spec has a row for every month of
    every indikator and sub kegiatan (10k spec: 121 000 rows, a dict each was 20 MB).

    Kept compactly: its span as `OnOneLine` keeps it; its target and realisasi, when written in
    their canonical form on the row's line, as their values with their columns and styles, without
    a Number each (made when `target` or `realisasi` is read; `target_value` and `realisasi_value`
    read the values alone). Any other figure is kept as its Number."""

    __slots__ = ("period", "index", "persen", "_target", "_target_at", "_realisasi", "_realisasi_at")
    __match_args__ = ("period", "index", "target", "realisasi", "persen", "span")

    def __init__(self, period: str, index: int, target: Number | None, realisasi: Number | None,
                 persen: Number | None, span: Span):
        self.period = period  # canonical: januari … desember, tw1 … tw4
        self.index = index
        self.persen = persen  # the printed capaian %, checked against the computed one
        self._place(span)
        line = self._line
        if line is not None:
            self._target, self._target_at = _figure(target, self._origin, line)
            self._realisasi, self._realisasi_at = _figure(realisasi, self._origin, line)
        else:
            self._target, self._target_at, self._realisasi, self._realisasi_at = target, None, realisasi, None

    @classmethod
    def on_line(cls, period: str, index: int, origin, line: int, column: int, end_column: int,
                target: Decimal, target_at: int, realisasi: Decimal, realisasi_at: int) -> PeriodRow:
        """The row whose key stands at `column`..`end_column` of `line` of the part at `origin`,
        with a target and a realisasi in their canonical writing on that line: each given as its
        value and `at`, its column shifted left by two bits over its style (what `__init__` keeps of
        such a Number). For the builder's common row, made without a Number each."""
        row = _new(cls)
        row.period, row.index, row.persen = period, index, None
        row._origin, row._line, row._column, row._end_column = origin, line, column, end_column
        row._target, row._target_at, row._realisasi, row._realisasi_at = target, target_at, realisasi, realisasi_at
        return row

    @property
    def target(self) -> Number | None:
        at = self._target_at
        return self._target if at is None else _placed(self._target, at, self._origin, self._line)

    @property
    def realisasi(self) -> Number | None:
        at = self._realisasi_at
        return self._realisasi if at is None else _placed(self._realisasi, at, self._origin, self._line)

    @property
    def target_value(self) -> Decimal | None:
        """`target.value`, None without a target."""
        target = self._target
        return target if self._target_at is not None or target is None else target.value

    @property
    def realisasi_value(self) -> Decimal | None:
        """`realisasi.value`, None without a realisasi."""
        realisasi = self._realisasi
        return realisasi if self._realisasi_at is not None or realisasi is None else realisasi.value

    def written(self) -> tuple[tuple[str, Number], ...]:
        """(field, Number) of the target and the realisasi not written in their canonical form (a
        fraction, a ratio, a '%', '-' …): those whose text says more than their value."""
        if self._target_at is not None and self._realisasi_at is not None:
            return ()  # most rows
        return tuple((name, number) for name, number in (("target", self.target), ("realisasi", self.realisasi))
                     if number is not None and not number.canonical_text)


def _figure(number: Number | None, origin, line: int) -> tuple:
    """(value, its column and style in one small int) of a number in its canonical form on the line
    `line` of the part at `origin`; else (the number, None)."""
    if number is not None and number._line == line and number._origin is origin and number._text.__class__ is int:
        return number.value, number._column << 2 | number._text
    return number, None


def _placed(value: Decimal, at: int, origin, line: int) -> Number:
    """The Number `_figure` kept as (value, at) on `line` of the part at `origin`."""
    number = _new(Number)
    number.value, number._text, number._origin, number._line, number._column = value, at & 3, origin, line, at >> 2
    return number


@record(slots=True)
class Periods:
    """Monthly or quarterly target and realisasi, and how they combine into the year."""

    kind: str  # bulanan | triwulanan
    combine: str  # jumlah | terakhir | rata_rata
    rows: list[PeriodRow]
    span: Span


@record(slots=True)
class ZeroPolicy:
    """What capaian is when the target (or anggaran) is zero: galat, kosong or a value."""

    kind: str  # galat | kosong | nilai
    value: Decimal | None
    span: Span


@record(slots=True)
class NationalStandard:
    number: Number | None  # None: "nihil" (explicitly none)
    span: Span


@record(slots=True)
class Limits:
    cap: Number | None = None  # batas_atas
    floor: Number | None = None  # batas_bawah


@record(slots=True)
class Indikator:
    id: str
    name: str
    span: Span
    sasaran_id: str
    satuan: str | None = None
    polaritas: str | None = None
    polaritas_span: Span | None = None
    target: Number | None = None
    target_atas: Number | None = None  # for rentang: target LOW..HIGH
    realisasi: Number | None = None
    penanggung_jawab: str | None = None
    keterangan: str | None = None
    bobot: Number | None = None
    skala: tuple[str, Span] | None = None
    zero_policy: ZeroPolicy | None = None
    limits: Limits = field(default_factory=Limits)
    rumus: ExprAttr | None = None
    riwayat: list[HistoryEntry] = field(default_factory=list)
    renstra: list[RenstraEntry] = field(default_factory=list)
    standar_nasional: NationalStandard | None = None
    periods: Periods | None = None
    printed: list[Printed] = field(default_factory=list)
    printed_rows: list[PrintedRow] = field(default_factory=list)

    id_span: Span | None = field(default=None, repr=False, compare=False)  # where the id is written

    kind = "indikator"


@record(slots=True)
class Sasaran:
    id: str
    name: str
    span: Span
    indikator: list[Indikator] = field(default_factory=list)
    agregasi: str = "rata_rata"
    agregasi_span: Span | None = None
    rumus: ExprAttr | None = None
    skala: tuple[str, Span] | None = None
    limits: Limits = field(default_factory=Limits)
    keterangan: str | None = None
    printed: list[Printed] = field(default_factory=list)

    id_span: Span | None = field(default=None, repr=False, compare=False)  # where the id is written

    kind = "sasaran"


@record(slots=True)
class BudgetNode:
    """A program, kegiatan or sub kegiatan, with its pagu and realisasi anggaran."""

    kind: str  # program | kegiatan | subkegiatan
    code: str  # as written, unique within its tree
    name: str
    span: Span
    parent_id: str | None = None
    prefix: str = ""  # "DOC/" for nodes of a dokumen (another year or plan)
    link: tuple[str, Span] | None = None  # sama_dengan: the node of this year's tree it corresponds to
    target: Number | None = None  # a kinerja target printed with the budget (e.g. the Renstra's)
    children: list[BudgetNode] = field(default_factory=list)
    anggaran: Number | None = None
    realisasi: Number | None = None
    capaian_output: Number | None = None  # the output/outcome capaian as given
    output: dict[str, Number] = field(default_factory=dict)  # target, realisasi
    output_satuan: str | None = None
    keterangan: str | None = None
    sasaran: list[tuple[str, Span]] = field(default_factory=list)
    riwayat: list[HistoryEntry] = field(default_factory=list)
    renstra: list[RenstraEntry] = field(default_factory=list)
    standar_nasional: NationalStandard | None = None
    periods: Periods | None = None
    printed: list[Printed] = field(default_factory=list)
    printed_rows: list[PrintedRow] = field(default_factory=list)
    _subtree: list[BudgetNode] | None = field(default=None, repr=False, compare=False)
    id: str = field(init=False, repr=False, compare=False, default="")  # prefix + code, read very often
    id_span: Span | None = field(default=None, repr=False, compare=False)  # where the id is written

    def __post_init__(self):
        self.id = self.prefix + self.code

    def subtree(self) -> list[BudgetNode]:
        """This node and its descendants, depth first; kept, as the tree no longer changes once built
        (walked many times per evaluation, and an unchanged program is reused between runs)."""
        if self._subtree is None:
            nodes = []
            stack = [self]
            while stack:
                node = stack.pop()
                nodes.append(node)
                stack.extend(reversed(node.children))
            self._subtree = nodes
        return self._subtree


def walk_budget(programs: list[BudgetNode]) -> list[BudgetNode]:
    """Program > kegiatan > subkegiatan, depth first, in the order written."""
    return [node for program in programs for node in program.subtree()]


@record(slots=True)
class Document:
    """`dokumen`: a budget tree as another year or plan printed it (riwayat, Renstra)."""

    id: str
    title: str
    span: Span
    jenis: str = "realisasi"  # realisasi (an earlier year's budget) | renstra (medium-term plan)
    tahun: int | None = None
    programs: list[BudgetNode] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)
    printed_rows: list[PrintedRow] = field(default_factory=list)
    id_span: Span | None = field(default=None, repr=False, compare=False)  # where the id is written

    def budget_nodes(self):
        """The dokumen's program > kegiatan > subkegiatan, depth first."""
        return walk_budget(self.programs)


@record(slots=True)
class Summary:
    """`ringkasan`: a named figure of the narrative, computed by a rumus (e.g. the 98,58 %)."""

    id: str
    title: str
    span: Span
    rumus: ExprAttr | None = None
    satuan: str | None = None
    printed: list[Printed] = field(default_factory=list)
    id_span: Span | None = field(default=None, repr=False, compare=False)  # where the id is written


@record(slots=True)
class Official:
    """`pejabat`: a signatory (nama, nip, pangkat, jabatan) and what documents printed for them."""

    id: str
    title: str
    span: Span
    fields: dict[str, str] = field(default_factory=dict)
    printed: list[Printed] = field(default_factory=list)
    id_span: Span | None = field(default=None, repr=False, compare=False)  # where the id is written


@record(slots=True)
class Band:
    label: str
    color: str  # #rrggbb
    low: Decimal | None  # None: unbounded
    low_inclusive: bool
    high: Decimal | None
    high_inclusive: bool
    span: Span

    def contains(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return not (self.high is not None and (value > self.high or value == self.high and not self.high_inclusive))

    def describe(self) -> str:
        parts = []
        if self.low is not None and self.low == self.high:
            return f"= {self.low}"
        if self.low is not None:
            parts.append(f"{'>=' if self.low_inclusive else '>'} {self.low}")
        if self.high is not None:
            parts.append(f"{'<=' if self.high_inclusive else '<'} {self.high}")
        return " dan ".join(parts) or "semua nilai"


@record(slots=True)
class Scale:
    id: str
    title: str
    bands: list[Band]
    span: Span | None  # None for the standard library's
    precision: int | None = 2  # decimals the value is rounded to before rating; None: exact


@record(slots=True)
class Rule:
    """`aturan`: a review rule that turns matching items into findings."""

    id: str
    title: str
    span: Span
    scope: str | None = None
    scope_span: Span | None = None
    condition: ExprAttr | None = None
    message: str | None = None
    message_span: Span | None = None
    severity: str = "peringatan"


@record(slots=True)
class Spec:
    file: str
    instansi: str | None = None
    tahun: int | None = None
    renstra_period: tuple[int, int] | None = None
    convention: str = "indonesia"
    skala: tuple[str, Span] | None = None
    skala_anggaran: tuple[str, Span] | None = None
    zero_policy: ZeroPolicy | None = None
    limits: Limits = field(default_factory=Limits)
    sasaran: list[Sasaran] = field(default_factory=list)
    programs: list[BudgetNode] = field(default_factory=list)
    scales: dict[str, Scale] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)  # of the whole instansi (total)
    printed_rows: list[PrintedRow] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    efficiency_threshold: Number | None = None  # efisiensi: points of (capaian output − serapan)
    table_titles: dict[str, str] = field(default_factory=dict)  # `tabel "tabel-3.1" "Tabel 19 …"`
    serapan_induk: str = "rasio_jumlah"  # a parent's serapan: the ratio of its sums, or the mean of its children's
    pembulatan: str = "setengah_ke_atas"  # how the report shows its figures: rounded half-up, or `potong` (truncated)
    standar_nasional: NationalStandard | None = None  # the default for every item
    span: Span | None = None

    def indikator(self):
        for sasaran in self.sasaran:
            yield from sasaran.indikator

    def budget_nodes(self):
        """This year's program > kegiatan > subkegiatan, depth first."""
        return walk_budget(self.programs)

    def all_programs(self) -> list[BudgetNode]:
        """This year's programs, then every dokumen's: `all_budget_nodes` is their subtrees in turn."""
        return [*self.programs, *(program for document in self.documents for program in document.programs)]

    def all_budget_nodes(self) -> list[BudgetNode]:
        """This year's budget nodes, then every dokumen's."""
        nodes = self.budget_nodes()
        for document in self.documents:
            nodes += document.budget_nodes()
        return nodes
