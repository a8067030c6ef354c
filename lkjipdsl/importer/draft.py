"""What an import makes before it is written as a spec: plain records of the spec's parts.

The readers (the input workbook, a finance-system export, a CSV file) fill a Draft;
`lkjipdsl.importer.writer` writes it as spec text in the canonical layout. Values are exact
Decimals (None for "-"); every record keeps where it came from, for the comments and
diagnostics that name a cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..diagnostics import Cell


class Ratio(Decimal):
    """A value a cell wrote as a ratio (`1:17,9`): its value (17,9, the second term over the first),
    and the text the spec writes it with, as the cell wrote it."""

    text: str

    def __new__(cls, value: Decimal, text: str):
        ratio = super().__new__(cls, value)
        ratio.text = text
        return ratio


@dataclass
class Printed:
    """A figure the source printed, to be checked: `tercetak FIELD VALUE "source"`."""

    field: str
    value: Decimal | str | None
    source: str


@dataclass
class PrintedRow:
    """Several figures of one printed row: `tercetak "source" anggaran A realisasi R serapan P`."""

    source: str
    values: list[tuple[str, Decimal | None]]


@dataclass
class Period:
    name: str  # januari … desember, tw1 … tw4
    target: Decimal | None = None
    realisasi: Decimal | None = None
    persen: Decimal | None = None


@dataclass
class Periods:
    kind: str = "bulanan"  # bulanan | triwulanan
    combine: str = "jumlah"  # jumlah | terakhir | rata_rata
    rows: list[Period] = field(default_factory=list)
    # the figures the source gives at all: an export with REALISASI columns for its months but no
    # DKKB has no targets, which `import --update` then leaves as the spec has them
    given: tuple[str, ...] = ("target", "realisasi")


@dataclass
class Entry:
    """`riwayat YEAR …` or `renstra YEAR|akhir …`: its figures in order."""

    year: int | None  # None: akhir
    values: list[tuple[str, Decimal | None]] = field(default_factory=list)


@dataclass
class Indikator:
    id: str
    name: str
    satuan: str | None = None
    polaritas: str | None = None
    target: Decimal | None = None
    target_atas: Decimal | None = None  # rentang: target LOW..HIGH
    realisasi: Decimal | None = None
    has_target: bool = False  # a '-' written for a target is a value too
    has_realisasi: bool = False
    bobot: Decimal | None = None
    penanggung_jawab: str | None = None
    keterangan: str | None = None
    periods: Periods | None = None
    riwayat: list[Entry] = field(default_factory=list)
    renstra: list[Entry] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)
    where: Cell | None = None


@dataclass
class Sasaran:
    id: str
    name: str
    agregasi: str | None = None
    indikator: list[Indikator] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)
    where: Cell | None = None


@dataclass
class Budget:
    kind: str  # program | kegiatan | subkegiatan
    code: str
    name: str
    anggaran: Decimal | None = None
    realisasi: Decimal | None = None
    has_realisasi: bool = False
    capaian_output: Decimal | None = None
    target: Decimal | None = None
    sasaran: list[str] = field(default_factory=list)
    keterangan: str | None = None
    children: list[Budget] = field(default_factory=list)
    periods: Periods | None = None
    riwayat: list[Entry] = field(default_factory=list)
    renstra: list[Entry] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)
    printed_rows: list[PrintedRow] = field(default_factory=list)
    where: Cell | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Draft:
    """A whole spec to be written."""

    comments: list[str] = field(default_factory=list)  # the lines of the opening comment
    header: list[tuple[str, str]] = field(default_factory=list)  # key and its written value, in order
    sasaran: list[Sasaran] = field(default_factory=list)
    programs: list[Budget] = field(default_factory=list)
    printed: list[Printed] = field(default_factory=list)  # of the total
    printed_rows: list[PrintedRow] = field(default_factory=list)

    def budget(self):
        for program in self.programs:
            yield from program.walk()
