"""Result models: what evaluation produces and every renderer consumes. A public contract.

Numbers are exact Decimals, serialised in JSON as plain decimal strings ("97.1530…"); they are
never rounded here. Rounding (half-up, 2 decimals) happens only when a renderer displays them.
Bump SCHEMA_VERSION when a field changes meaning or disappears.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer

from .diagnostics import Span
from .format import plain

SCHEMA_VERSION = "1"

Dec = Annotated[Decimal, PlainSerializer(plain, return_type=str | None, when_used="json")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Model):
    file: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


class Predikat(_Model):
    label: str
    warna: str
    skala: str


class Computation(_Model):
    """How one value was computed: the rule, the rule with numbers put in, and its inputs."""

    field: str
    value: Dec | None = None
    formula: str
    substituted: str
    inputs: list[str] = []
    note: str | None = None


class PeriodResult(_Model):
    periode: str
    target: Dec | None = None
    realisasi: Dec | None = None
    capaian: Dec | None = None


class HistoryResult(_Model):
    tahun: int
    target: Dec | None = None
    realisasi: Dec | None = None
    capaian: Dec | None = None
    tercetak: Dec | None = None


class RenstraResult(_Model):
    tahun: int | None = None  # None: end of the Renstra period
    target: Dec | None = None
    anggaran: Dec | None = None


class Finding(_Model):
    rule: str
    severity: str  # error | warning | info
    message: str
    node_id: str | None = None
    location: Location | None = None


class Efisiensi(_Model):
    """Capaian output minus capaian anggaran, in points, and the verdict for the declared threshold."""

    selisih: Dec
    label: str
    ambang: Dec


class NodeResult(_Model):
    id: str
    kind: str  # sasaran | indikator | program | kegiatan | subkegiatan | total
    name: str
    parent_id: str | None = None
    satuan: str | None = None
    polaritas: str | None = None
    target: Dec | None = None
    target_atas: Dec | None = None
    realisasi: Dec | None = None
    anggaran: Dec | None = None
    realisasi_anggaran: Dec | None = None
    capaian: Dec | None = None  # indikator/sasaran: capaian kinerja; budget: capaian output
    capaian_anggaran: Dec | None = None  # budget: realisasi / anggaran × 100 (serapan)
    capaian_kinerja: Dec | None = None  # total: the mean capaian of the sasaran (with `predikat`)
    capaian_renstra: Dec | None = None  # Renstra rows: this year's realisasi / the row's Renstra Rp × 100
    predikat: Predikat | None = None
    predikat_anggaran: Predikat | None = None
    penanggung_jawab: str | None = None
    keterangan: str | None = None
    standar_nasional: Dec | None = None
    standar_nasional_nihil: bool = False
    nilai: Dec | None = None  # ringkasan: the computed figure
    efisiensi: Efisiensi | None = None
    jumlah: dict[str, int] = {}  # total: numbers of programs, kegiatan, sub kegiatan, sasaran, indikator
    dokumen: str | None = None  # the id of the dokumen (earlier year, Renstra) this node belongs to
    sama_dengan: str | None = None  # dokumen nodes: the id of this year's node they correspond to
    tahun: int | None = None  # dokumen: the year it reports
    riwayat: list[HistoryResult] = []
    renstra: list[RenstraResult] = []
    periode: list[PeriodResult] = []
    computations: dict[str, Computation] = {}
    findings: list[Finding] = []
    location: Location | None = None


DISAGREEMENT_KINDS = {
    "persen_tidak_cocok": "a percentage that does not match the figures printed beside it",
    "jumlah_tidak_cocok": "a total that is not the sum of its rows",
    "baris_lain": "a figure that belongs to another row (printed under the wrong name or year)",
    "angka_beda": "a figure that differs from the one kept for the item",
    "persen_beda": "a percentage that differs from the computed one",
    "angka_rusak": "a malformed figure",
    "kode": "a code printed differently",
    "satuan": "a unit printed differently",
    "nama": "a name printed differently",
    "identitas": "the instansi, year or signatory printed differently",
    "hitungan": "a count in the narrative that does not match the tables",
    "periode": "a monthly or quarterly figure that disagrees",
}


class AssertionResult(_Model):
    """A printed figure checked against the computed value (`tercetak`)."""

    node_id: str
    field: str
    printed: Dec | None = None  # None: printed as text (kode) or malformed
    printed_text: str
    computed: Dec | None = None
    computed_text: str | None = None  # for text fields such as kode
    ok: bool
    source: str | None = None
    note: str | None = None
    kind: str | None = None  # for a disagreement: see DISAGREEMENT_KINDS
    location: Location


class DiagnosticResult(_Model):
    code: str
    severity: str
    message: str
    location: Location | None = None
    hints: list[str] = []


class SpecInfo(_Model):
    file: str
    instansi: str | None = None
    tahun: int | None = None
    renstra: tuple[int, int] | None = None
    skala: str | None = None


class BandResult(_Model):
    """One band of a scale: values from `bawah` to `atas` (None: unbounded) get `label` and `warna`."""

    label: str
    warna: str
    bawah: Dec | None = None
    bawah_termasuk: bool = True
    atas: Dec | None = None
    atas_termasuk: bool = False


class ScaleResult(_Model):
    """A scale that some predikat of this result comes from, for a legend."""

    id: str
    judul: str
    presisi: int | None = 2  # decimals a value is rounded to (half-up) before it is rated; None: exact
    pita: list[BandResult] = []


class Result(_Model):
    schema_version: str = SCHEMA_VERSION
    spec: SpecInfo
    nodes: list[NodeResult] = []
    assertions: list[AssertionResult] = []
    findings: list[Finding] = []
    diagnostics: list[DiagnosticResult] = []
    skala: list[ScaleResult] = []  # the scales the nodes' predikat refer to, in the order first used

    def node(self, node_id: str) -> NodeResult:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    @property
    def failed_assertions(self) -> list[AssertionResult]:
        return [a for a in self.assertions if not a.ok]

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


def location(span: Span | None) -> Location | None:
    if span is None:
        return None
    return Location(file=span.file, line=span.line, column=span.column, end_line=span.end_line,
                      end_column=span.end_column)


def span_of(loc: Location | None) -> Span | None:
    if loc is None:
        return None
    return Span(loc.file, loc.line, loc.column, loc.end_line or loc.line, loc.end_column or loc.column + 1)


def json_schema() -> dict:
    return Result.model_json_schema(mode="serialization")
