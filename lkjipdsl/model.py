"""The typed spec: what a .lkj file says, after its keywords and values have been checked.

Built by lkjipdsl/build/ from the generic syntax tree; read by the checks and the graph
compiler. Plain records with no behaviour beyond derived properties.
"""

from __future__ import annotations

from .records import field, record
from decimal import Decimal

from .diagnostics import Span
from .syntax.tree import ExprAttr


@record(slots=True)
class Number:
    """An input number as written: its exact value (None for '-') and where it stands."""

    value: Decimal | None
    span: Span
    text: str
    rounded: bool = False  # `dibulatkan`: the report printed it rounded to its decimals

    @property
    def ratio(self) -> str | None:
        """The text of a value written as a ratio (`1:17,9`, whose value is 17,9), shown as written; else None."""
        return self.text if ":" in self.text else None

    @property
    def decimals(self) -> int:
        """How many decimals the document printed (for comparing printed figures)."""
        if self.value is None:
            return 0
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0


@record(slots=True)
class Printed:
    """`tercetak FIELD VALUE ["source"]`: a figure a document printed, to be checked."""

    field: str
    number: Number | None  # None for a text (kode) or a figure printed malformed
    source: str | None
    span: Span
    text: str | None = None  # the printed text, for kode or a malformed figure
    problem: str | None = None  # why the printed figure cannot be read as a number


@record(slots=True)
class PrintedRow:
    """`tercetak "Tabel 3.1" anggaran A realisasi R serapan P`: one row of a document's table.

    Its figures are checked against the computed values, and its percentage also against the
    row's own figures, so a wrong total and a wrong percentage are told apart.
    """

    source: str
    values: dict[str, Printed]
    span: Span


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


@record(slots=True)
class PeriodRow:
    """One period's figures. Fields, not a dict of them: a large spec has a row for every month of
    every indikator and sub kegiatan (10k spec: 121 000 rows, a dict each was 20 MB)."""

    period: str  # canonical: januari … desember, tw1 … tw4
    index: int
    target: Number | None
    realisasi: Number | None
    persen: Number | None  # the printed capaian %, checked against the computed one
    span: Span


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

    def all_budget_nodes(self) -> list[BudgetNode]:
        """This year's budget nodes, then every dokumen's."""
        nodes = self.budget_nodes()
        for document in self.documents:
            nodes += document.budget_nodes()
        return nodes
