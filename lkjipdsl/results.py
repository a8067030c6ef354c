"""Result models: what evaluation produces and every renderer consumes. A public contract.

Numbers are exact Decimals, serialised in JSON as plain decimal strings ("97.1530…"), every one
rounded half-up to 10 decimals when it has more: a computed one (`ComputedDec`) often, an input
(`Dec`) only when a ratio's quotient does not end (`3:2`); inputs are otherwise as written. The records hold
them exact; rounding for display (half-up, 2 decimals) happens only when a renderer shows them.
Bump SCHEMA_VERSION when a field changes meaning or disappears.
"""

from __future__ import annotations

from .records import MISSING, field, fields, record, replace
from decimal import Decimal
from operator import attrgetter

from .diagnostics import Span
from .i18n import N_

SCHEMA_VERSION = "2"

# An input number, written in JSON as a plain decimal string (format.plain_rounded: as written,
# except a ratio whose quotient does not end, 3:2, which gets the computed values' 10 decimals).
# For the models' pydantic side (validation, schema) the name is bound to the annotated type on first use.
Dec = Decimal
# A computed number (a capaian, a serapan, a mean …): held exact, written in JSON rounded half-up
# to JSON_DECIMALS decimals (format.plain_rounded), so that a quotient's 28 digits are not a contract.
ComputedDec = Decimal
JSON_DECIMALS = 10

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import Any, ClassVar, TypeVar

    _M = TypeVar("_M", bound="_Model")


class _Model:
    """What the result records share: frozen, slotted, keyword-only dataclasses, with the parts
    of pydantic's model API that tools use (model_dump_json, model_dump, model_validate_json,
    model_validate, model_json_schema, model_copy). Pydantic validates and describes them (its
    TypeAdapter, imported on first use); the JSON is written by results_json, byte for byte as
    pydantic writes it."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict] = {"extra": "forbid"}

    def model_dump_json(self, *, indent: int | None = None) -> str:
        from .results_json import dumps

        return dumps(self, indent)

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        if mode == "json":
            import json

            return json.loads(self.model_dump_json())
        return _adapter(type(self)).dump_python(self)

    def model_copy(self: _M, *, update: dict[str, Any] | None = None) -> _M:
        return replace(self, **(update or {}))

    @classmethod
    def model_validate_json(cls: type[_M], data: str | bytes) -> _M:
        return _adapter(cls).validate_json(data)

    @classmethod
    def model_validate(cls: type[_M], data: Any) -> _M:
        return _adapter(cls).validate_python(data)

    @classmethod
    def model_json_schema(cls, mode: str = "validation") -> dict[str, Any]:
        return _adapter(cls).json_schema(mode=mode)


_ADAPTERS: dict[type, Any] = {}


def _adapter(cls: type) -> Any:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        import typing
        from typing import Annotated

        from pydantic import PlainSerializer, TypeAdapter

        for name in ("Any", "ClassVar"):  # the annotations' names, which the module imports only for type checkers
            globals().setdefault(name, getattr(typing, name))

        from .format import plain_rounded

        globals()["Dec"] = Annotated[Decimal, PlainSerializer(plain_rounded, return_type=str | None,
                                                              when_used="json")]
        globals()["ComputedDec"] = Annotated[Decimal, PlainSerializer(plain_rounded, return_type=str | None,
                                                                      when_used="json")]
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


_record = record(frozen=True, slots=True, kw_only=True)


@_record
class Location(_Model):
    file: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@_record
class Predikat(_Model):
    label: str
    warna: str
    skala: str


@_record
class Computation(_Model):
    """How one value was computed: the rule, the rule with numbers put in, and its inputs."""

    field: str
    value: ComputedDec | None = None
    formula: str
    substituted: str
    inputs: list[str] = field(default_factory=list)
    note: str | None = None


@_record
class PeriodResult(_Model):
    periode: str
    target: Dec | None = None
    realisasi: Dec | None = None
    capaian: ComputedDec | None = None
    # an input written as a ratio (`1:17,9`), as written; its value (17.9) is the field's
    target_tertulis: str | None = None
    realisasi_tertulis: str | None = None


@_record
class HistoryResult(_Model):
    tahun: int
    target: Dec | None = None
    realisasi: Dec | None = None
    capaian: ComputedDec | None = None
    tercetak: Dec | None = None
    target_tertulis: str | None = None  # as PeriodResult's
    realisasi_tertulis: str | None = None


@_record
class RenstraResult(_Model):
    tahun: int | None = None  # None: end of the Renstra period
    target: Dec | None = None
    anggaran: Dec | None = None
    target_tertulis: str | None = None  # as PeriodResult's


@_record
class Finding(_Model):
    rule: str
    severity: str  # error | warning | info
    message: str
    node_id: str | None = None
    location: Location | None = None


@_record
class Efisiensi(_Model):
    """Capaian output minus capaian anggaran, in points, and the verdict for the declared threshold."""

    selisih: ComputedDec
    label: str
    ambang: Dec


@_record
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
    # indikator: a target or realisasi written as a ratio (`1:17,9`), as written, for display; the
    # value (17.9, its second term over its first) is `target` / `realisasi`
    target_tertulis: str | None = None
    target_atas_tertulis: str | None = None
    realisasi_tertulis: str | None = None
    anggaran: Dec | None = None
    realisasi_anggaran: Dec | None = None
    sisa: ComputedDec | None = None  # budget: anggaran - realisasi
    capaian: ComputedDec | None = None  # indikator, sasaran: capaian kinerja
    capaian_output: ComputedDec | None = None  # budget: the capaian of its output
    serapan: ComputedDec | None = None  # budget: realisasi / anggaran × 100
    capaian_kinerja: ComputedDec | None = None  # total: the mean capaian of the sasaran (with `predikat`)
    # indikator: this year's realisasi against the Renstra's end-of-period target, by its polarity;
    # Renstra rows: this year's realisasi / the row's Renstra Rp × 100
    capaian_renstra: ComputedDec | None = None
    target_renstra: Dec | None = None  # indikator: the Renstra's end-of-period target capaian_renstra is against
    target_renstra_tertulis: str | None = None  # that target written as a ratio, as written
    predikat: Predikat | None = None  # of capaian (total: of capaian_kinerja)
    predikat_serapan: Predikat | None = None
    penanggung_jawab: str | None = None
    keterangan: str | None = None
    standar_nasional: Dec | None = None
    standar_nasional_nihil: bool = False
    nilai: ComputedDec | None = None  # ringkasan: the computed figure
    efisiensi: Efisiensi | None = None
    # total: numbers of programs, kegiatan, sub kegiatan, sasaran, indikator
    jumlah: dict[str, int] = field(default_factory=dict)
    dokumen: str | None = None  # the id of the dokumen (earlier year, Renstra) this node belongs to
    sama_dengan: str | None = None  # dokumen nodes: the id of this year's node they correspond to
    tahun: int | None = None  # dokumen: the year it reports
    riwayat: list[HistoryResult] = field(default_factory=list)
    renstra: list[RenstraResult] = field(default_factory=list)
    periode: list[PeriodResult] = field(default_factory=list)
    # how each value was computed: only when asked for (evaluate(computations=True), --computations)
    computations: dict[str, Computation] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    location: Location | None = None

    @property
    def jenis(self) -> str | None:
        """A dokumen's `jenis`: realisasi (an earlier year's budget) or renstra; None for other
        kinds. Schema 1 writes it as the dokumen's `keterangan`: read it here, not there."""
        return self.keterangan if self.kind == "dokumen" else None

    # the names of schema 1, read-only, for one version
    @property
    def capaian_anggaran(self) -> Decimal | None:
        """Schema 1's name of `serapan`."""
        return self.serapan

    @property
    def predikat_anggaran(self) -> Predikat | None:
        """Schema 1's name of `predikat_serapan`."""
        return self.predikat_serapan


# What each kind of disagreement is, for reviewers: shown through i18n._ (marked N_ for extraction).
DISAGREEMENT_KINDS = {
    "persen_tidak_cocok": N_("a percentage that does not match the figures printed beside it"),
    "jumlah_tidak_cocok": N_("a total that is not the sum of its rows"),
    "baris_lain": N_("a figure that belongs to another row (printed under the wrong name or year)"),
    "angka_beda": N_("a figure that differs from the one kept for the item"),
    "persen_beda": N_("a percentage that differs from the computed one"),
    "angka_rusak": N_("a malformed figure"),
    "kode": N_("a code printed differently"),
    "satuan": N_("a unit printed differently"),
    "nama": N_("a name printed differently"),
    "predikat": N_("a predikat printed otherwise than the scale rates the computed value"),
    "identitas": N_("the instansi, year or signatory printed differently"),
    "hitungan": N_("a count in the narrative that does not match the tables"),
    "periode": N_("a monthly or quarterly figure that disagrees"),
}


@_record
class AssertionResult(_Model):
    """A printed figure checked against the computed value (`tercetak`)."""

    node_id: str
    field: str
    printed: Dec | None = None  # None: printed as text (kode) or malformed
    printed_text: str
    computed: ComputedDec | None = None
    computed_text: str | None = None  # for text fields such as kode
    ok: bool
    source: str | None = None
    note: str | None = None
    kind: str | None = None  # for a disagreement: see DISAGREEMENT_KINDS
    location: Location


@_record
class DiagnosticResult(_Model):
    code: str
    severity: str
    message: str
    location: Location | None = None
    hints: list[str] = field(default_factory=list)


@_record
class SpecInfo(_Model):
    file: str
    instansi: str | None = None
    tahun: int | None = None
    renstra: tuple[int, int] | None = None
    skala: str | None = None
    tabel: dict[str, str] = field(default_factory=dict)  # table name → its title as the report prints it
    pembulatan: str = "setengah_ke_atas"  # how figures are shown: rounded half-up, or `potong` (truncated)


@_record
class BandResult(_Model):
    """One band of a scale: values from `bawah` to `atas` (None: unbounded) get `label` and `warna`."""

    label: str
    warna: str
    bawah: Dec | None = None
    bawah_termasuk: bool = True
    atas: Dec | None = None
    atas_termasuk: bool = False


@_record
class ScaleResult(_Model):
    """A scale that some predikat of this result comes from, for a legend."""

    id: str
    judul: str
    presisi: int | None = 2  # decimals a value is rounded to (half-up) before it is rated; None: exact
    pita: list[BandResult] = field(default_factory=list)


@_record
class Result(_Model):
    schema_version: str = SCHEMA_VERSION
    spec: SpecInfo
    nodes: list[NodeResult] = field(default_factory=list)
    assertions: list[AssertionResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[DiagnosticResult] = field(default_factory=list)
    # the scales the nodes' predikat refer to, in the order first used
    skala: list[ScaleResult] = field(default_factory=list)

    def node(self, node_id: str) -> NodeResult:
        """The item with this id (`total` for the whole instansi, `DOC/code` for a dokumen's items);
        an unknown id raises KeyError, whose message names the closest ids."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise UnknownId(node_id, [node.id for node in self.nodes], self.spec.file, self.has_errors)

    @property
    def failed_assertions(self) -> list[AssertionResult]:
        return picked(self, "assertions", _failed)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


class _Moving:
    """Records taken over from an earlier result (lkjipdsl.session) whose part moved since, not yet
    copied with their locations moved: `moves` are (start, stop, lines), the records from `start`
    to `stop` to be handed out `lines` further down. The copies are made when the list is first
    read, so that an update whose caller reads only some of its result (`lkjipdsl watch` reads no
    node) does not copy ~100 000 records after a line inserted at the top of a 10k spec."""

    __slots__ = ("records", "moves")

    def __init__(self, records: list, moves: list[tuple[int, int, int]]):
        self.records, self.moves = records, moves

    def made(self) -> list:
        made = list(self.records)
        for start, stop, lines in self.moves:
            made[start:stop] = moved(made[start:stop], lines)
        return made


class _MovedWhenRead:
    """A Result's list field (nodes, assertions, findings) that may hold a _Moving: the list of
    moved copies is made on first reading and kept in its place. Everything reads the field through
    this (attribute access, equality, JSON, pydantic), so the result is the same as one made whole."""

    __slots__ = ("slot",)

    def __init__(self, slot):
        self.slot = slot

    def __get__(self, result, owner=None):
        if result is None:
            return self.slot
        value = self.slot.__get__(result, owner)
        if type(value) is _Moving:
            value = value.made()
            self.slot.__set__(result, value)
        return value

    def __set__(self, result, value) -> None:
        self.slot.__set__(result, value)

    def __delete__(self, result) -> None:
        self.slot.__delete__(result)


_MOVABLE = ("nodes", "assertions", "findings")
for _name in _MOVABLE:
    setattr(Result, _name, _MovedWhenRead(Result.__dict__[_name]))


def moving(records: list, moves: list[tuple[int, int, int]]) -> list | _Moving:
    """What a Result's list field is given: `records`, with those of `moves` to be moved when read."""
    return _Moving(records, moves) if moves else records


def unmoved(result: Result, name: str) -> list:
    """A Result's nodes, assertions or findings as held, some perhaps not yet moved to the lines of
    the result's text: for reading what does not depend on a location (a node's figures)."""
    value = Result.__dict__[name].slot.__get__(result, Result)
    return value.records if type(value) is _Moving else value


def picked(result: Result, name: str, keep) -> list:
    """The records of a Result's nodes, assertions or findings for which `keep(record)` holds (it
    reads no location), at the lines of the result's text: of the records not yet moved, only
    those kept are copied (`lkjipdsl watch` reads the failed assertions, not all of them)."""
    value = Result.__dict__[name].slot.__get__(result, Result)
    if type(value) is not _Moving:
        return [record for record in value if keep(record)]
    lines_at = {index: lines for start, stop, lines in value.moves for index in range(start, stop)}
    return [moved(record, lines_at[index]) if index in lines_at else record
            for index, record in enumerate(value.records) if keep(record)]


def _failed(assertion: AssertionResult) -> bool:
    return not assertion.ok


def with_changes(result: Result, **changes) -> Result:
    """model_copy(update=changes), without making the moved copies of the fields left as they are."""
    kept = {f.name: Result.__dict__[f.name].slot.__get__(result, Result) if f.name in _MOVABLE
            else getattr(result, f.name) for f in fields(Result) if f.name not in changes}
    return Result(**kept, **changes)


class UnknownId(KeyError):
    """A KeyError (args: the id) whose message, in the language in force, says where the id was
    looked for and names the closest ids (or the first ones)."""

    def __init__(self, item_id: str, ids: list[str], file: str, has_errors: bool = False):
        from .diagnostics import did_you_mean
        from .hints import bounded
        from .i18n import _

        super().__init__(item_id)
        if not ids:
            hint = _("nothing was computed: the spec has errors") if has_errors else _("the result has no items")
        else:
            with bounded():  # a result of 100 000 items: the search's work stays bounded (hints.py)
                hint = did_you_mean(str(item_id), ids)
            hint = hint or _("ids: {ids}").format(ids=", ".join(ids[:20]))
        self.message = _("no item '{id}' in {file}; {hint}").format(id=item_id, file=file, hint=hint)

    def __str__(self) -> str:
        return self.message


def location(span: Span | None) -> Location | None:
    if span is None:
        return None
    # read as a tuple: a PartSpan's file and lines are properties (a run makes thousands of these)
    file, line, column, end_line, end_column = span.absolute()
    return Location(file=file, line=line, column=column, end_line=end_line, end_column=end_column)


def moved(outcome, lines: int):
    """A node result, finding, assertion (or a list or tuple of them) with each location `lines`
    further down: the records of an item whose part moved (lkjipdsl.session takes them over)."""
    kind = type(outcome)
    if kind is list or kind is tuple:
        return kind([moved(part, lines) for part in outcome])
    if kind is AssertionResult or kind is Finding or kind is NodeResult:
        where = outcome.location
        if where is not None:  # Location(...) without its __init__'s keyword handling: twice as fast
            old, where = where, _make(Location)
            _put(where, "file", old.file)
            _put(where, "line", old.line + lines)
            _put(where, "column", old.column)
            _put(where, "end_line", None if old.end_line is None else old.end_line + lines)
            _put(where, "end_column", old.end_column)
        findings = moved(outcome.findings, lines) if kind is NodeResult and outcome.findings else None
        return _copier(kind)(outcome, where, findings)
    return outcome


_COPIERS: dict[type, Any] = {}
_make, _put = object.__new__, object.__setattr__


def _copier(kind: type):
    """A function (record, location, findings) -> a copy of the record with that location (and
    those findings, when not None): dataclasses.replace, made for one class, several times faster
    (a line inserted at the top of a 10k spec moves ~100 000 records)."""
    copier = _COPIERS.get(kind)
    if copier is None:
        names = tuple(f.name for f in fields(kind))
        values, make, put = attrgetter(*names), object.__new__, object.__setattr__

        def copier(record, location, findings):
            new = make(kind)
            for name, value in zip(names, values(record)):
                put(new, name, value)
            put(new, "location", location)
            if findings is not None:
                put(new, "findings", findings)
            return new

        _COPIERS[kind] = copier
    return copier


def span_of(loc: Location | None) -> Span | None:
    if loc is None:
        return None
    return Span(loc.file, loc.line, loc.column, loc.end_line or loc.line, loc.end_column or loc.column + 1)


def json_schema() -> dict:
    """The JSON schema of `Result`, as pydantic describes it. A list or dict field defaults to an
    empty one made per record (a dataclass default factory), which pydantic does not write into
    the schema; it is put back, so that the schema says what a missing field means."""
    schema = Result.model_json_schema(mode="serialization")
    for cls in (Result, *(globals()[name] for name in schema["$defs"])):  # $defs: every nested record
        properties = (schema if cls is Result else schema["$defs"][cls.__name__])["properties"]
        for spec in fields(cls):
            if spec.default_factory is not MISSING:
                # pydantic writes a schema's keys sorted
                described = {**properties[spec.name], "default": spec.default_factory()}
                properties[spec.name] = dict(sorted(described.items()))
    return schema

