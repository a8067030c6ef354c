"""Stage 2: generic syntax tree → typed spec (lkjipdsl.model), checking every keyword and value.

Each block kind has a table of the keys it accepts. An unknown key gets a did-you-mean hint,
a repeated key is an error, and every number is read with the file's `angka` convention.
Nothing is dropped silently: whatever is not understood becomes a diagnostic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import hints, limits
from .syntax import tree as st
from .diagnostics import Diagnostic, Span, close_matches, did_you_mean, error, warning
from .model import (
    Band, BudgetNode, Document, HistoryEntry, Indikator, NationalStandard, Number, Official, PeriodRow, Periods,
    Printed, PrintedRow, RenstraEntry, Rule, Sasaran, Scale, Spec, Summary, ZeroPolicy,
)
from .numbers import CONVENTIONS, NumberError, parse_number, parse_number_fully, quick_value, quick_values_allowed
from .scales import COLORS

POLARITAS = {
    "maksimal": "higher is better: realisasi / target × 100",
    "minimal": "lower is better: (2 × target − realisasi) / target × 100",
    "rentang": "a target range LOW..HIGH: inside counts 100",
    "stabil": "stay close to the target: (1 − |1 − realisasi / target|) × 100",
}
AGREGASI = ("rata_rata", "rata_rata_bobot", "minimum", "maksimum")
COMBINE = ("jumlah", "terakhir", "rata_rata")
SEVERITIES = {"galat": "error", "peringatan": "warning", "info": "info"}
RULE_SCOPES = ("indikator", "sasaran", "program", "kegiatan", "subkegiatan", "anggaran")
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember")
MONTH_ALIASES = {"pebruari": "februari", "nopember": "november", "agustus": "agustus"}
MONTH_ALIASES.update({m[:3]: m for m in MONTHS})
MONTH_ALIASES.update({"agt": "agustus", "ags": "agustus", "nop": "november", "peb": "februari"})
QUARTERS = ("tw1", "tw2", "tw3", "tw4")
# a period's position in the year by every way of writing it (lower case)
_PERIOD_POSITIONS = {
    "bulanan": {**{name: MONTHS.index(canonical) for name, canonical in MONTH_ALIASES.items()},
                **{month: index for index, month in enumerate(MONTHS)}},
    "triwulanan": {quarter: index for index, quarter in enumerate(QUARTERS)},
}
PRINTED_FIELDS = {
    "indikator": ("capaian", "target", "realisasi", "satuan", "nama"),
    "sasaran": ("capaian", "nama"),
    "budget": ("anggaran", "realisasi", "serapan", "capaian_output", "target", "kode", "nama"),
    "dokumen_budget": ("anggaran", "realisasi", "serapan", "capaian_output", "target", "kode", "nama",
                       "anggaran_kini", "realisasi_kini"),
    "total": ("anggaran", "realisasi", "serapan", "capaian_output", "jumlah_program", "jumlah_kegiatan",
              "jumlah_subkegiatan", "jumlah_sasaran", "jumlah_indikator", "instansi", "tahun"),
    "ringkasan": ("nilai",),
    "dokumen": ("anggaran", "realisasi", "serapan", "capaian_output", "anggaran_kini", "realisasi_kini", "tahun"),
    "pejabat": ("nama", "nip", "pangkat", "jabatan"),
}
# Fields printed as text: compared as text (case, spacing and spacing around '/' ignored).
TEXT_PRINTED = ("kode", "satuan", "nama", "instansi", "nip", "pangkat", "jabatan")
BUDGET_CHILD = {"program": "kegiatan", "kegiatan": "subkegiatan", "subkegiatan": None}
BUDGET_LEVELS = ("program", "kegiatan", "subkegiatan")


class _Context:
    """The keys one block kind accepts, and which of them may be repeated."""

    def __init__(self, name: str, attrs: dict[str, Callable], blocks: dict[str, Callable],
                 exprs: dict[str, Callable] | None = None, repeatable=()):
        self.name = name
        self.attrs = attrs
        self.blocks = blocks
        self.exprs = exprs or {}
        self.repeatable = set(repeatable)

    @property
    def keys(self):
        return set(self.attrs) | set(self.blocks) | set(self.exprs)


@dataclass(slots=True)
class BuiltBlock:
    """What building one top-level sasaran, program or dokumen block produced, for reuse (lkjipdsl.session)."""

    block: st.Block
    context: tuple
    sasaran: list
    programs: list
    documents: list
    diagnostics: list[Diagnostic]


@dataclass(slots=True)
class BlockCache:
    """Built blocks by their syntax node: `previous` from the last build, `current` filled by this one."""

    previous: dict[int, BuiltBlock] = field(default_factory=dict)
    current: dict[int, BuiltBlock] = field(default_factory=dict)
    built: int = 0
    reused: int = 0

    def next(self) -> None:
        self.previous, self.current, self.built, self.reused = self.current, {}, 0, 0


class Builder:
    def __init__(self, file: str, cache: BlockCache | None = None):
        self.cache = cache
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.spec = Spec(file=file)
        self.convention = "indonesia"  # the number style in force: the file's, a dokumen's or a sumber's
        self.source_conventions: dict[str, str] = {}
        self._stopped = False  # max_errors reached (E014): read no further
        self._recount_at = limits.current().max_errors
        self._quick_numbers = quick_values_allowed()

    # ---- entry ----
    def build(self, statements: tuple[st.Statement, ...], partial: bool = False) -> Spec:
        """partial: some statements were dropped by syntax errors, so a missing key may be among them."""
        spec = self.spec
        for statement in statements:
            if isinstance(statement, st.Attr) and statement.key == "angka":
                spec.convention = self._choice(statement, CONVENTIONS) or spec.convention
        self.convention = spec.convention
        self._read_header_early(statements)
        for statement in statements:
            if isinstance(statement, st.Block) and statement.key == "sumber":
                self._source(statement)
        context = _Context(
            "the top level",
            attrs={
                "instansi": lambda a: setattr(spec, "instansi", self._string(a)),
                "tahun": lambda a: setattr(spec, "tahun", self._year(a)),
                "renstra": self._renstra_period,
                "angka": lambda a: None,
                "skala": lambda a: setattr(spec, "skala", self._name_ref(a)),
                "skala_anggaran": lambda a: setattr(spec, "skala_anggaran", self._name_ref(a)),
                "target_nol": lambda a: setattr(spec, "zero_policy", self._zero_policy(a)),
                "batas_atas": lambda a: setattr(spec.limits, "cap", self._number(a)),
                "batas_bawah": lambda a: setattr(spec.limits, "floor", self._number(a)),
                "tercetak": lambda a: self._printed_any(a, "total", spec.printed, spec.printed_rows),
                "efisiensi": lambda a: setattr(spec, "efficiency_threshold", self._number(a)),
                "standar_nasional": lambda a: setattr(spec, "standar_nasional", self._national(a)),
            },
            blocks={
                "sasaran": self._reusable(self._sasaran),
                "program": self._reusable(lambda b: self._append(spec.programs, self._budget(b, "program", None))),
                "skala": self._scale,
                "aturan": self._rule,
                # a dokumen's id is checked against the ones before it
                "dokumen": self._reusable(self._document, lambda: tuple(d.id for d in spec.documents)),
                "ringkasan": self._summary,
                "pejabat": self._official,
                "sumber": lambda b: None,  # read before everything else
            },
            repeatable={"tercetak"},
        )
        present = self._dispatch(statements, context, None)
        for key, label in (("instansi", 'instansi "Nama Instansi"'), ("tahun", "tahun 2023")):
            if getattr(spec, key) is None and key not in present and not partial:
                self.diagnostics.append(error(
                    "E106", f"the spec does not say its {key}", Span.point(self.file, 1, 1),
                    f"add a line such as: {label}"))
        return spec

    def _reusable(self, handler: Callable[[st.Block], None],
                  more_context: Callable[[], tuple] = tuple) -> Callable[[st.Block], None]:
        """A sasaran, program or dokumen block is built from its own statements and a little context
        (the number style, the report year and Renstra period): with a cache, an unchanged block (the
        same syntax node, from lkjipdsl.session's parse cache) is taken over as it was built."""
        cache = self.cache
        if cache is None:
            return handler
        spec = self.spec

        def build_or_reuse(block: st.Block) -> None:
            context = (self.convention, tuple(sorted(self.source_conventions.items())), spec.tahun,
                       spec.renstra_period, more_context())
            built = cache.previous.get(id(block))
            if (built is not None and built.block is block and built.context == context
                    and len(self.diagnostics) + len(built.diagnostics) < self._recount_at):
                spec.sasaran.extend(built.sasaran)
                spec.programs.extend(built.programs)
                spec.documents.extend(built.documents)
                self.diagnostics.extend(built.diagnostics)
                cache.reused += 1
            else:
                counts = len(spec.sasaran), len(spec.programs), len(spec.documents), len(self.diagnostics)
                handler(block)
                built = BuiltBlock(block, context, spec.sasaran[counts[0]:], spec.programs[counts[1]:],
                                   spec.documents[counts[2]:], self.diagnostics[counts[3]:])
                cache.built += 1
            cache.current[id(block)] = built

        return build_or_reuse

    def _read_header_early(self, statements) -> None:
        """tahun and renstra, wherever they stand, so that checks of riwayat and renstra entries see
        them; errors in them are reported once, when they are read in order."""
        for statement in statements:
            if not isinstance(statement, st.Attr) or len(statement.atoms) != 1:
                continue
            atom = statement.atoms[0]
            if statement.key == "tahun" and atom.kind == "number" and atom.text.isdigit():
                self.spec.tahun = int(atom.text)
            elif statement.key == "renstra" and atom.kind == "range" and atom.text.isdigit() \
                    and (atom.high or "").isdigit() and int(atom.text) <= int(atom.high):
                self.spec.renstra_period = (int(atom.text), int(atom.high))

    # ---- dispatch ----
    def _dispatch(self, body, context: _Context, owner_span: Span | None) -> set[str]:
        """Hand each statement to its handler. Returns the keys the block mentions, valid or not
        (a misspelt key counts as the keys it resembles), so that a "missing key" error does not
        follow one that is present but wrong."""
        seen: dict[str, Span] = {}
        present: set[str] = set()
        for statement in body:
            if len(self.diagnostics) >= self._recount_at and self._too_many_errors(statement):
                break
            key = statement.key
            present.add(key)
            if isinstance(statement, st.ExprAttr):
                handler = context.exprs.get(key)
                if handler is None:
                    self.diagnostics.append(error(
                        "E101", f"'{key}' is not allowed in {context.name}", statement.key_span,
                        _allowed_hint(context)))
                    continue
            elif isinstance(statement, st.Block):
                handler = context.blocks.get(key)
                if handler is None:
                    present.update(close_matches(key, context.keys))
                    self._unknown(statement, context, is_block=True)
                    continue
            else:
                handler = context.attrs.get(key)
                if handler is None:
                    present.update(close_matches(key, context.keys))
                    self._unknown(statement, context, is_block=False)
                    continue
            if isinstance(statement, st.Block):  # repeated blocks are checked by their ids
                handler(statement)
                continue
            if key in seen and key not in context.repeatable:
                first = seen[key]
                self.diagnostics.append(error(
                    "E102", f"'{key}' is given twice in {context.name} (first at line {first.line})",
                    statement.key_span, "keep one of them"))
                continue
            seen.setdefault(key, statement.key_span)
            handler(statement)
        return present

    def _too_many_errors(self, statement) -> bool:
        """max_errors reached: one E014 where reading stops (checked again only after more problems)."""
        if not self._stopped:
            limit = limits.current().max_errors
            errors = sum(d.is_error for d in self.diagnostics)
            if errors < limit:
                self._recount_at = len(self.diagnostics) + limit - errors
                return False
            self._stopped = True
            self.diagnostics.append(limits.limit_error(
                "E014", f"too many errors; stopped reading after {limits.number(errors)}", "max_errors",
                statement.key_span, None, "fix the errors above (often one mistake repeated) and check again"))
        return True

    def _unknown(self, statement, context: _Context, is_block: bool) -> None:
        key = statement.key
        if is_block and key in context.attrs:
            message, hint = f"'{key}' takes values, not a block", f"write: {key} VALUE"
        elif not is_block and key in context.blocks:
            message, hint = f"'{key}' opens a block", _pasted_row_hint(statement) or f"add {{ … }} after '{key} …'"
        else:
            message = f"unknown key '{key}' in {context.name}"
            hint = did_you_mean(key, context.keys) or (
                f"'{key}' stands inside a {BELONGS_IN[key]} block"
                + (" (program > kegiatan > subkegiatan)" if key in BUDGET_LEVELS else "")
                if key in BELONGS_IN else _allowed_hint(context))
        self.diagnostics.append(error("E101", message, statement.key_span, hint))

    # ---- value readers ----
    def _error(self, code: str, message: str, span: Span, *hints: str) -> None:
        self.diagnostics.append(error(code, message, span, *hints))

    def _atoms(self, attr: st.Attr, count: int, what: str) -> tuple[st.Atom, ...] | None:
        if attr.atoms and attr.atoms[0].kind == "op" and attr.atoms[0].text in ("=", "=="):
            self._error("E103", f"'{attr.key}' takes {what}, not '='", attr.atoms[0].span,
                        "write 'key value', without '='")
            return None
        if len(attr.atoms) != count:
            span = attr.atoms[count].span if len(attr.atoms) > count else attr.key_span
            got = "nothing" if not attr.atoms else f"{len(attr.atoms)} values"
            self._error("E103", f"'{attr.key}' takes {what}, got {got}", span,
                        _extra_values_hint(attr.atoms, count) or f"write '{attr.key}' followed by {what}")
            return None
        return attr.atoms

    def _string(self, attr: st.Attr) -> str | None:
        if len(attr.atoms) > 1 and all(a.kind in ("name", "number") for a in attr.atoms):  # words without quotes
            words = " ".join(a.text for a in attr.atoms)
            self._error("E103", f"'{attr.key}' takes a quoted text", attr.atoms[0].span,
                        f'write: {attr.key} "{words}"')
            return None
        atoms = self._atoms(attr, 1, "one quoted text")
        if atoms is None:
            return None
        if atoms[0].kind != "string":
            self._error("E103", f"'{attr.key}' takes a quoted text", atoms[0].span,
                        f'write: {attr.key} "{atoms[0].text}"')
            return None
        return atoms[0].text

    def to_number(self, atom: st.Atom, key: str, allow_dash: bool = True) -> Number | None:
        if atom.kind == "dash":
            if allow_dash:
                return Number(None, atom.span, "-")
            self._error("E103", f"'{key}' needs a number here, not '-'", atom.span)
            return None
        if atom.kind != "number":
            hint = ""
            if atom.kind == "name" and atom.text.lower() in ("nihil", "kosong", "nol"):
                hint = "write '-' for no value"
            elif atom.kind == "string" and _looks_like_number(atom.text):
                hint = f"write the number without quotes: {key} {atom.text}"
            self._error("E103", f"'{key}' takes a number, got {_shown(atom)}", atom.span, hint)
            return None
        return self.parse_number_text(atom.text, atom.span)

    def parse_number_text(self, text: str, span: Span) -> Number | None:
        if self._quick_numbers:  # parse_number's fast path, without its limits lookup per number
            value = quick_value(text, self.convention)
            if value is not None:
                return Number(value, span, text)
        try:  # what the fast path leaves (or all, with max_number_digits below 13) goes to the full rule
            parsed = parse_number_fully(text, self.convention)
        except NumberError as exc:
            self._error(exc.code, str(exc), span, *exc.hints)
            return None
        return Number(parsed.value, span, text)

    @staticmethod
    def _unreadable(attr: st.Attr) -> Number:
        """Stands for a value that was given but could not be read (and was reported), so that no
        "has no …" error follows; it counts as no value ('-')."""
        return Number(None, attr.span, " ".join(a.text for a in attr.atoms))

    def _number(self, attr: st.Attr, allow_dash: bool = False) -> Number | None:
        atoms = self._atoms(attr, 1, "one number")
        return None if atoms is None else self.to_number(atoms[0], attr.key, allow_dash)

    def _year(self, attr_or_atom, key: str = "tahun") -> int | None:
        atom = attr_or_atom
        if isinstance(attr_or_atom, st.Attr):
            atoms = self._atoms(attr_or_atom, 1, "a year")
            if atoms is None:
                return None
            atom, key = atoms[0], attr_or_atom.key
        if atom.kind != "number" or not atom.text.isdigit() or not 1900 <= int(atom.text) <= 2200:
            quoted = atom.kind == "string" and atom.text.strip().isdigit()
            self._error("E103", f"'{key}' takes a year such as 2023, got {_shown(atom)}", atom.span,
                        f"write the year without quotes: {key} {atom.text.strip()}" if quoted
                        else f"write the year in full, e.g. {key} 2023")
            return None
        return int(atom.text)

    def _choice(self, attr: st.Attr, choices) -> str | None:
        atoms = self._atoms(attr, 1, "one of " + ", ".join(choices))
        if atoms is None:
            return None
        word = atoms[0].text
        if atoms[0].kind != "name" or word not in choices:
            self._error("E104", f"'{word}' is not a valid {attr.key}", atoms[0].span,
                        did_you_mean(word, choices) or "choose one of: " + ", ".join(choices))
            return None
        return word

    def _name_ref(self, attr: st.Attr) -> tuple[str, Span] | None:
        atoms = self._atoms(attr, 1, "a name")
        if atoms is None:
            return None
        if atoms[0].kind != "name":
            self._error("E103", f"'{attr.key}' takes a name, got '{atoms[0].text}'", atoms[0].span)
            return None
        return atoms[0].text, atoms[0].span

    def _pairs(self, attr: st.Attr, atoms, allowed: tuple[str, ...]) -> dict[str, Number]:
        """`key value key value …` after a keyword; values may be '-'."""
        values: dict[str, Number] = {}
        items = list(atoms)
        index = 0
        while index < len(items):
            name = items[index]
            if name.kind != "name" or name.text not in allowed:
                self._error("E101" if name.kind == "name" else "E103",
                            f"'{name.text}' is not one of {attr.key}'s fields ({', '.join(allowed)})",
                            name.span, did_you_mean(name.text, allowed))
                return values
            if index + 1 >= len(items):
                self._error("E103", f"'{name.text}' needs a value", name.span,
                            f"write: {name.text} NUMBER")
                return values
            if name.text in values:
                self._error("E102", f"'{name.text}' is given twice", name.span)
            number = self.to_number(items[index + 1], name.text)
            if number is not None:
                values[name.text] = number
            index += 2
        return values

    def _zero_policy(self, attr: st.Attr) -> ZeroPolicy | None:
        atoms = self._atoms(attr, 1, "galat, kosong or a number")
        if atoms is None:
            return None
        atom = atoms[0]
        if atom.kind == "name" and atom.text in ("galat", "kosong"):
            return ZeroPolicy(atom.text, None, attr.key_span)
        if atom.kind == "number":
            number = self.to_number(atom, attr.key)
            return None if number is None else ZeroPolicy("nilai", number.value, attr.key_span)
        self._error("E104", f"'{atom.text}' is not a valid target_nol policy", atom.span,
                    did_you_mean(atom.text, ("galat", "kosong")) or
                    "use galat (report an error), kosong (no capaian) or a number such as 100")
        return None

    def _printed_any(self, attr: st.Attr, owner_kind: str, single: list, rows: list) -> None:
        """`tercetak FIELD VALUE ["source"]` or the row form `tercetak "source" FIELD VALUE …`."""
        if attr.atoms and attr.atoms[0].kind == "string":
            self._append(rows, self._printed_row(attr, owner_kind))
        else:
            self._append(single, self._printed(attr, owner_kind))

    def _printed_row(self, attr: st.Attr, owner_kind: str) -> PrintedRow | None:
        fields = tuple(f for f in PRINTED_FIELDS[owner_kind] if f not in TEXT_PRINTED)
        source, atoms = attr.atoms[0].text, list(attr.atoms[1:])
        if not atoms or len(atoms) % 2:
            self._error("E103", "a printed row takes pairs of field and value after its source",
                        atoms[-1].span if atoms else attr.atoms[0].span,
                        f'write: tercetak "{source}" anggaran 1.000.000 realisasi 950.000 serapan 95')
            return None
        values: dict[str, Printed] = {}
        for name, value in zip(atoms[::2], atoms[1::2]):
            if name.kind != "name" or name.text not in fields:
                self._error("E104", f"'{name.text}' is not a field of this row; fields: {', '.join(fields)}",
                            name.span, did_you_mean(name.text, fields))
                return None
            if name.text in values:
                self._error("E102", f"'{name.text}' is given twice in this row", name.span)
                return None
            where = Span(name.span.file, name.span.line, name.span.column, value.span.end_line, value.span.end_column)
            printed = self._printed_value(name.text, value, source, where)
            if printed is None:
                return None
            values[name.text] = printed
        return PrintedRow(source, values, attr.span)

    def _printed_value(self, field: str, value: st.Atom, source: str | None, span: Span) -> Printed | None:
        outer = self.convention
        self.convention = self.source_conventions.get(source or "", outer)
        try:
            return self._read_printed(field, value, source, span)
        finally:
            self.convention = outer

    def _read_printed(self, field: str, value: st.Atom, source: str | None, span: Span) -> Printed | None:
        if value.kind == "string":
            # A figure quoted as printed: a malformed one (6.5025.000) is a finding, not a spec error.
            try:
                parsed = parse_number(value.text.strip(), self.convention)
            except NumberError as exc:
                return Printed(field, None, source, span, text=value.text, problem=str(exc))
            return Printed(field, Number(parsed.value, value.span, value.text), source, span, text=value.text)
        number = self.to_number(value, field)
        return None if number is None else Printed(field, number, source, span)

    def _printed(self, attr: st.Attr, owner_kind: str) -> Printed | None:
        fields = PRINTED_FIELDS[owner_kind]
        atoms = list(attr.atoms)
        if len(atoms) < 2 or atoms[0].kind != "name":
            self._error("E103", "'tercetak' takes a field and the printed value",
                        attr.atoms[0].span if atoms else attr.key_span,
                        f'write: tercetak {fields[0]} 98,12 "Tabel 3.1"')
            return None
        field = atoms[0].text
        if field not in fields:
            self._error("E104", f"'{field}' cannot be asserted here; fields: {', '.join(fields)}",
                        atoms[0].span, did_you_mean(field, fields))
            return None
        source = None
        if len(atoms) == 3 and atoms[2].kind == "string":  # the source, read before the value
            source = atoms[2].text
        elif len(atoms) != 2:
            self._error("E103", "'tercetak' takes a field, a value and optionally the source in quotes",
                        atoms[2].span, f'write: tercetak {field} {atoms[1].text} "Tabel 3.1"')
            return None
        value = atoms[1]
        if field in TEXT_PRINTED:
            if value.kind not in ("string", "number"):
                self._error("E103", f"'tercetak {field}' takes the text as printed, in quotes", value.span,
                            f'write: tercetak {field} "…" "Tabel 3.6"')
                return None
            return Printed(field, None, source, attr.span, text=value.text)
        return self._printed_value(field, value, source, attr.span)

    def _history(self, attr: st.Attr, allowed: tuple[str, ...]) -> HistoryEntry | None:
        if not attr.atoms:
            self._error("E103", "'riwayat' takes a year and its figures", attr.key_span,
                        f"write: riwayat 2022 {allowed[0]} 90 {allowed[1]} 92")
            return None
        year = self._year(attr.atoms[0], "riwayat")
        values = self._pairs(attr, attr.atoms[1:], allowed)
        if year is None:
            return None
        if self.spec.tahun and year >= self.spec.tahun:
            self.diagnostics.append(warning(
                "W203", f"riwayat {year} is not earlier than the report year {self.spec.tahun}",
                attr.atoms[0].span))
        return HistoryEntry(year, values, attr.span)

    def _renstra_entry(self, attr: st.Attr, allowed: tuple[str, ...]) -> RenstraEntry | None:
        if not attr.atoms:
            self._error("E103", "'renstra' takes a year (or 'akhir') and targets", attr.key_span,
                        "write: renstra 2024 target 96, or renstra akhir target 98")
            return None
        first = attr.atoms[0]
        year = None
        if not (first.kind == "name" and first.text == "akhir"):
            year = self._year(first, "renstra")
            if year is None:
                return None
            period = self.spec.renstra_period
            if period and not period[0] <= year <= period[1]:
                self._error("E103", f"renstra {year} lies outside the Renstra period "
                            f"{period[0]}–{period[1]}", first.span)
        return RenstraEntry(year, self._pairs(attr, attr.atoms[1:], allowed), attr.span)

    def _national(self, attr: st.Attr) -> NationalStandard | None:
        atoms = self._atoms(attr, 1, "a number or nihil")
        if atoms is None:
            return None
        if atoms[0].kind == "name" and atoms[0].text.lower() == "nihil":
            return NationalStandard(None, attr.span)
        number = self.to_number(atoms[0], attr.key, allow_dash=False)
        return None if number is None else NationalStandard(number, attr.span)

    def _renstra_period(self, attr: st.Attr) -> None:
        atoms = attr.atoms
        if len(atoms) == 1 and atoms[0].kind == "range":
            low, high = atoms[0].text, atoms[0].high
        elif len(atoms) == 2 and all(a.kind == "number" for a in atoms):
            low, high = atoms[0].text, atoms[1].text
        else:
            self._error("E103", "'renstra' takes the period's first and last year",
                        atoms[0].span if atoms else attr.key_span, "write: renstra 2023..2026")
            return
        if not (low.isdigit() and high.isdigit()) or int(low) > int(high):
            self._error("E103", f"'{low}..{high}' is not a period of years", attr.span,
                        "write: renstra 2023..2026")
            return
        self.spec.renstra_period = (int(low), int(high))

    def _head(self, block: st.Block, what: str, id_kinds=("name",)) -> tuple[str, str] | None:
        atoms = block.atoms
        example = {"sasaran": 'sasaran S1 "Meningkatnya …" {', "indikator": 'indikator IKU1 "Indeks …" {',
                   "skala": 'skala lokal "Skala lokal" {', "aturan": 'aturan serapan_rendah "…" {'}
        ok = (len(atoms) in (1, 2) and atoms[0].kind in id_kinds
              and (len(atoms) == 1 or atoms[1].kind == "string"))
        if not ok:
            span = atoms[0].span if atoms else block.key_span
            self._error("E103", f"{block.key} needs {what}", span,
                        "write: " + example.get(block.key, f'{block.key} 1.2 "Nama" {{'))
            return None
        return atoms[0].text, atoms[1].text if len(atoms) == 2 else ""

    # ---- blocks ----
    def _sasaran(self, block: st.Block) -> None:
        head = self._head(block, 'an id and a quoted name')
        if head is None:
            return
        sasaran = Sasaran(head[0], head[1], block.key_span)
        sasaran.id_span = block.atoms[0].span
        if not sasaran.name:
            self._error("E106", f"sasaran {sasaran.id} has no name", block.atoms[0].span,
                        f'write: sasaran {sasaran.id} "Meningkatnya …" {{')

        def agregasi(a):
            sasaran.agregasi = self._choice(a, AGREGASI) or sasaran.agregasi
            sasaran.agregasi_span = a.key_span

        context = _Context(
            f"sasaran {sasaran.id}",
            attrs={
                "agregasi": agregasi,
                "skala": lambda a: setattr(sasaran, "skala", self._name_ref(a)),
                "batas_atas": lambda a: setattr(sasaran.limits, "cap", self._number(a)),
                "batas_bawah": lambda a: setattr(sasaran.limits, "floor", self._number(a)),
                "keterangan": lambda a: setattr(sasaran, "keterangan", self._string(a)),
                "tercetak": lambda a: self._append(sasaran.printed, self._printed(a, "sasaran")),
            },
            blocks={"indikator": lambda b: self._append(sasaran.indikator, self._indikator(b, sasaran))},
            exprs={"rumus": lambda e: setattr(sasaran, "rumus", e)},
            repeatable={"tercetak"},
        )
        present = self._dispatch(block.body, context, block.key_span)
        if sasaran.rumus is not None and sasaran.agregasi_span is not None:
            self._error("E102", f"sasaran {sasaran.id} has both 'agregasi' and 'rumus'",
                        sasaran.rumus.key_span, "a custom rumus replaces the agregasi; keep one")
        if not present & {"indikator", "rumus"}:
            self.diagnostics.append(warning("W201", f"sasaran {sasaran.id} has no indikator",
                                            block.key_span))
        self.spec.sasaran.append(sasaran)

    def _indikator(self, block: st.Block, sasaran: Sasaran) -> Indikator | None:
        head = self._head(block, "an id and a quoted name")
        if head is None:
            return None
        item = Indikator(head[0], head[1], block.key_span, sasaran.id)
        item.id_span = block.atoms[0].span

        def polaritas(a):
            item.polaritas = self._choice(a, tuple(POLARITAS))
            item.polaritas_span = a.key_span

        def target(a):
            atoms = self._atoms(a, 1, "a number, or LOW..HIGH for a range")
            if atoms is None:
                return
            atom = atoms[0]
            if atom.kind == "range":
                low_span = Span(atom.span.file, atom.span.line, atom.span.column, atom.span.line,
                                atom.span.column + len(atom.text))
                item.target = self.parse_number_text(atom.text, low_span)
                item.target_high = self.parse_number_text(atom.high, atom.span)
            else:
                item.target = self.to_number(atom, "target")

        context = _Context(
            f"indikator {item.id}",
            attrs={
                "satuan": lambda a: setattr(item, "satuan", self._string(a)),
                "polaritas": polaritas,
                "target": target,
                "realisasi": lambda a: setattr(item, "realisasi", self._number(a, allow_dash=True)),
                "penanggung_jawab": lambda a: setattr(item, "penanggung_jawab", self._string(a)),
                "keterangan": lambda a: setattr(item, "keterangan", self._string(a)),
                "bobot": lambda a: setattr(item, "bobot", self._number(a)),
                "skala": lambda a: setattr(item, "skala", self._name_ref(a)),
                "target_nol": lambda a: setattr(item, "zero_policy", self._zero_policy(a)),
                "batas_atas": lambda a: setattr(item.limits, "cap", self._number(a)),
                "batas_bawah": lambda a: setattr(item.limits, "floor", self._number(a)),
                "riwayat": lambda a: self._append(item.riwayat, self._history(a, ("target", "realisasi", "capaian"))),
                "renstra": lambda a: self._append(item.renstra, self._renstra_entry(a, ("target",))),
                "standar_nasional": lambda a: setattr(item, "standar_nasional", self._national(a)),
                "tercetak": lambda a: self._printed_any(a, "indikator", item.printed, item.printed_rows),
            },
            blocks={"periode": lambda b: setattr(item, "periods", self._periods(b, item.periods))},
            exprs={"rumus": lambda e: setattr(item, "rumus", e)},
            repeatable={"riwayat", "renstra", "tercetak"},
        )
        present = self._dispatch(block.body, context, block.key_span)
        self._check_indikator(item, block, present)
        return item

    def _check_indikator(self, item: Indikator, block: st.Block, present: set[str]) -> None:
        if not item.name:
            self._error("E106", f"indikator {item.id} has no name", block.atoms[0].span,
                        f'write: indikator {item.id} "Nama indikator" {{')
        if not present & {"polaritas", "rumus"}:
            self._error("E106", f"indikator {item.id} does not say its polaritas", block.key_span,
                        "add: polaritas maksimal (higher is better) or polaritas minimal (lower is better)")
        if not present & {"target", "periode", "rumus"}:
            self._error("E106", f"indikator {item.id} has no target", block.key_span, "add: target 95")
        if item.polaritas == "rentang" and item.target is not None and item.target_high is None:
            self._error("E103", f"indikator {item.id} has polaritas rentang but a single target",
                        item.target.span, f"write the range: target {item.target.text}..HIGH")
        if item.target_high is not None and item.polaritas not in (None, "rentang"):
            self._error("E103", f"a target range needs polaritas rentang (indikator {item.id} "
                        f"has {item.polaritas})", item.target_high.span, "add: polaritas rentang")
        if (item.target_high is not None and item.target is not None and item.target.value is not None
                and item.target_high.value is not None and item.target.value > item.target_high.value):
            self._error("E103", f"target range {item.target.text}..{item.target_high.text} runs backwards",
                        item.target_high.span, "write the lower bound first")
        if "satuan" not in present:
            self.diagnostics.append(warning("W202", f"indikator {item.id} has no satuan", block.key_span,
                                            'add: satuan "%"'))

    def _budget(self, block: st.Block, kind: str, parent: BudgetNode | None, prefix: str = "") -> BudgetNode | None:
        head = self._head(block, "a code and a quoted name", id_kinds=("number", "name"))
        if head is None:
            return None
        code, name = head
        if block.atoms[0].kind == "number" and not all(p.isdigit() for p in code.split(".")):
            self._error("E103", f"'{code}' is not a code such as 1.2.4", block.atoms[0].span)
            return None
        node = BudgetNode(kind, code, name, block.key_span, parent.id if parent else None, prefix)
        node.id_span = block.atoms[0].span if block.atoms else None
        child = BUDGET_CHILD[kind]
        blocks = {"periode": lambda b: setattr(node, "periods", self._periods(b, node.periods))}
        if child:
            blocks[child] = lambda b: self._append(node.children, self._budget(b, child, node, prefix))
        def misplaced(b: st.Block, other: str) -> None:
            self._error("E112", f"a {other} cannot stand inside a {kind}", b.key_span,
                        f"the order is program > kegiatan > subkegiatan; a {kind} holds "
                        + (f"{child} blocks" if child else "no further blocks"))
            if BUDGET_LEVELS.index(other) > BUDGET_LEVELS.index(kind):  # a level skipped: keep it, so that
                self._append(node.children, self._budget(b, other, node, prefix))  # no "no anggaran" follows

        for other in BUDGET_LEVELS:
            if other not in blocks:
                blocks[other] = lambda b, other=other: misplaced(b, other)

        def output(a):
            atoms = list(a.atoms)
            if atoms and atoms[-1].kind == "string":
                node.output_satuan = atoms.pop().text
            node.output = self._pairs(a, atoms, ("target", "realisasi"))

        context = _Context(
            f"{kind} {code}",
            attrs={
                "anggaran": lambda a: setattr(node, "anggaran", self._number(a, allow_dash=True)
                                              or self._unreadable(a)),
                "realisasi": lambda a: setattr(node, "realisasi", self._number(a, allow_dash=True)),
                "capaian_output": lambda a: setattr(node, "capaian_output", self._number(a, allow_dash=True)),
                "output": output,
                "keterangan": lambda a: setattr(node, "keterangan", self._string(a)),
                "sasaran": lambda a: self._append(node.sasaran, self._name_ref(a)),
                "riwayat": lambda a: self._append(node.riwayat, self._history(
                    a, ("anggaran", "realisasi", "persen", "target", "capaian"))),
                "renstra": lambda a: self._append(node.renstra, self._renstra_entry(a, ("target", "anggaran"))),
                "standar_nasional": lambda a: setattr(node, "standar_nasional", self._national(a)),
                "tercetak": lambda a: self._printed_any(a, "dokumen_budget" if prefix else "budget", node.printed,
                                                        node.printed_rows),
                "target": lambda a: setattr(node, "target", self._number(a, allow_dash=True)),
                **({"sama_dengan": lambda a: setattr(node, "link", self._code_ref(a))} if prefix else {}),
            },
            blocks=blocks,
            repeatable={"riwayat", "renstra", "tercetak", "sasaran"},
        )
        self._dispatch(block.body, context, block.key_span)
        if not name:
            self._error("E106", f"{kind} {code} has no name", block.atoms[0].span,
                        f'write: {kind} {code} "Nama {kind}" {{')
        return node

    def _code_ref(self, attr: st.Attr) -> tuple[str, Span] | None:
        atoms = self._atoms(attr, 1, "a code of this year's program, kegiatan or subkegiatan")
        if atoms is None:
            return None
        if atoms[0].kind not in ("number", "name", "string"):
            self._error("E103", f"'{attr.key}' takes a code such as 1.2.4", atoms[0].span)
            return None
        return atoms[0].text, atoms[0].span

    def _document(self, block: st.Block) -> None:
        head = self._head(block, "an id and a quoted title")
        if head is None:
            return
        document = Document(head[0], head[1] or head[0], block.key_span)
        document.id_span = block.atoms[0].span
        prefix = document.id + "/"
        outer = self.convention
        for statement in block.body:
            if isinstance(statement, st.Attr) and statement.key == "angka":
                self.convention = self._choice(statement, CONVENTIONS) or self.convention

        def kind(a):
            document.kind = self._choice(a, ("realisasi", "renstra")) or document.kind

        context = _Context(
            f"dokumen {document.id}",
            attrs={
                "jenis": kind,
                "angka": lambda a: None,  # read first
                "tahun": lambda a: setattr(document, "year", self._year(a)),
                "tercetak": lambda a: self._printed_any(a, "dokumen", document.printed, document.printed_rows),
            },
            blocks={"program": lambda b: self._append(document.programs, self._budget(b, "program", None, prefix))},
            repeatable={"tercetak"},
        )
        self._dispatch(block.body, context, block.key_span)
        self.convention = outer
        if any(d.id == document.id for d in self.spec.documents):
            self._error("E110", f"dokumen '{document.id}' is declared twice", block.atoms[0].span)
            return
        self.spec.documents.append(document)

    def _source(self, block: st.Block) -> None:
        """`sumber "Tabel 3.3" { angka internasional }`: how a source table prints its numbers."""
        atoms = block.atoms
        if len(atoms) != 1 or atoms[0].kind != "string":
            self._error("E103", "sumber needs the source's name in quotes, as tercetak names it",
                        atoms[0].span if atoms else block.key_span, 'write: sumber "Tabel 3.3" { angka internasional }')
            return
        name = atoms[0].text
        if name in self.source_conventions:
            self._error("E110", f"sumber '{name}' is declared twice", atoms[0].span)
            return
        convention = self.spec.convention
        context = _Context(f'sumber "{name}"', attrs={"angka": lambda a: None}, blocks={})
        self._dispatch(block.body, context, block.key_span)
        for statement in block.body:
            if isinstance(statement, st.Attr) and statement.key == "angka":
                convention = self._choice(statement, CONVENTIONS) or convention
        self.source_conventions[name] = convention

    def _official(self, block: st.Block) -> None:
        """`pejabat ID "jabatan" { nama "…"; nip "…"; pangkat "…" }`: who signs, and how documents printed it."""
        head = self._head(block, "an id and a quoted jabatan")
        if head is None:
            return
        official = Official(head[0], head[1], block.key_span)
        official.id_span = block.atoms[0].span
        official.fields["jabatan"] = head[1]
        attrs = {name: (lambda a, n=name: official.fields.__setitem__(n, self._string(a) or ""))
                 for name in ("nama", "nip", "pangkat")}
        attrs["tercetak"] = lambda a: self._append(official.printed, self._printed(a, "pejabat"))
        context = _Context(f"pejabat {official.id}", attrs=attrs, blocks={}, repeatable={"tercetak"})
        self._dispatch(block.body, context, block.key_span)
        self.spec.officials.append(official)

    def _summary(self, block: st.Block) -> None:
        head = self._head(block, "an id and a quoted title")
        if head is None:
            return
        summary = Summary(head[0], head[1] or head[0], block.key_span)
        summary.id_span = block.atoms[0].span
        context = _Context(
            f"ringkasan {summary.id}",
            attrs={
                "satuan": lambda a: setattr(summary, "satuan", self._string(a)),
                "tercetak": lambda a: self._append(summary.printed, self._printed(a, "ringkasan")),
            },
            blocks={},
            exprs={"rumus": lambda e: setattr(summary, "rumus", e)},
            repeatable={"tercetak"},
        )
        self._dispatch(block.body, context, block.key_span)
        if summary.rumus is None:
            self._error("E106", f"ringkasan {summary.id} has no rumus", block.key_span,
                        "add: rumus (total.serapan + total.capaian_output) / 2")
        self.spec.summaries.append(summary)

    def _periods(self, block: st.Block, existing: Periods | None) -> Periods | None:
        if existing is not None:
            self._error("E102", "only one 'periode' block is allowed here", block.key_span)
            return None
        atoms = block.atoms
        kinds = ("bulanan", "triwulanan")
        if not atoms or atoms[0].kind != "name" or atoms[0].text not in kinds:
            word = atoms[0].text if atoms else ""
            self._error("E103", "periode needs its kind: bulanan or triwulanan",
                        atoms[0].span if atoms else block.key_span,
                        did_you_mean(word, kinds) or "write: periode bulanan gabung terakhir {")
            return None
        kind = atoms[0].text
        combine = None
        rest = atoms[1:]
        if len(rest) == 2 and rest[0].kind == "name" and rest[0].text == "gabung":
            if rest[1].kind == "name" and rest[1].text in COMBINE:
                combine = rest[1].text
            else:
                self._error("E104", f"'{rest[1].text}' is not a way to combine periods", rest[1].span,
                            did_you_mean(rest[1].text, COMBINE) or "use jumlah, terakhir or rata_rata")
                return None
        else:
            self._error("E106", "periode must say how the periods combine into the year",
                        rest[0].span if rest else atoms[0].span,
                        f"write: periode {kind} gabung jumlah (sum), terakhir (last value) or rata_rata (mean)")
            return None
        names = MONTHS if kind == "bulanan" else QUARTERS
        positions = _PERIOD_POSITIONS[kind]
        rows: list[PeriodRow] = []
        seen: dict[str, Span] = {}
        for statement in block.body:
            if not isinstance(statement, st.Attr):
                self._error("E101", f"'{statement.key}' cannot stand in a periode block", statement.key_span)
                continue
            key = statement.key.lower()
            index = positions.get(key)
            if index is None:
                self._error("E101", f"'{statement.key}' is not a period of a {kind} periode",
                            statement.key_span, did_you_mean(key, names + tuple(MONTH_ALIASES)))
                continue
            canonical = names[index]  # one string for every januari of the spec, not the text read
            if canonical in seen:
                self._error("E102", f"period '{canonical}' is given twice (first at line "
                            f"{seen[canonical].line})", statement.key_span, "keep one of them")
                continue
            seen[canonical] = statement.key_span
            values = self._period_values(statement)
            rows.append(PeriodRow(canonical, index, values.get("target"), values.get("realisasi"),
                                  values.get("persen"), statement.key_span))
        order = [row.index for row in rows]
        if order != sorted(order):
            self.diagnostics.append(warning("W204", "the periods are not in calendar order", block.key_span))
            rows.sort(key=lambda r: r.index)
        return Periods(kind, combine, rows, block.key_span)

    def _period_values(self, statement: st.Attr) -> dict[str, Number]:
        atoms = statement.atoms
        if atoms and atoms[0].kind == "name":
            return self._pairs(statement, atoms, ("target", "realisasi", "persen"))
        if len(atoms) not in (1, 2, 3):
            self._error("E103", f"'{statement.key}' takes the target, the realisasi and optionally the printed %",
                        atoms[3].span if len(atoms) > 3 else statement.key_span,
                        f"write: {statement.key} 100 98, or {statement.key} target 100 realisasi 98 persen 98")
            return {}
        values = {}
        for name, atom in zip(("target", "realisasi", "persen"), atoms):
            number = self.to_number(atom, name)
            if number is not None:
                values[name] = number
        return values

    def _scale(self, block: st.Block) -> None:
        head = self._head(block, "a name and optionally a quoted title")
        if head is None:
            return
        scale = Scale(head[0], head[1] or head[0], [], block.key_span)

        def precision(a):
            atoms = self._atoms(a, 1, "a number of decimals or 'tepat'")
            if atoms is None:
                return
            if atoms[0].kind == "name" and atoms[0].text == "tepat":
                scale.precision = None
            elif atoms[0].kind == "number" and atoms[0].text.isdigit() and int(atoms[0].text) <= 10:
                scale.precision = int(atoms[0].text)
            else:
                self._error("E104", f"'{atoms[0].text}' is not a presisi", atoms[0].span,
                            "use a number of decimals (0–10) or 'tepat' for the exact value")

        context = _Context(
            f"skala {scale.id}",
            attrs={
                "pita": lambda a: self._append(scale.bands, self._band(a)),
                "judul": lambda a: setattr(scale, "title", self._string(a) or scale.title),
                "presisi": precision,
            },
            blocks={},
            repeatable={"pita"},
        )
        present = self._dispatch(block.body, context, block.key_span)
        if "pita" not in present:
            self._error("E122", f"skala {scale.id} has no bands", block.key_span,
                        'add bands such as: pita "Tinggi" >= 76 < 91 warna hijau')
        elif len(scale.bands) < sum(1 for s in block.body if s.key == "pita"):
            scale.bands = []  # a band could not be read: gaps and overlaps would only follow from that
        if scale.id in self.spec.scales:
            self._error("E110", f"skala '{scale.id}' is declared twice (first at line "
                        f"{self.spec.scales[scale.id].span.line})", block.atoms[0].span,
                        "give each skala its own name")
            return
        self.spec.scales[scale.id] = scale

    def _band(self, attr: st.Attr) -> Band | None:
        atoms = list(attr.atoms)
        example = 'pita "Tinggi" >= 76 < 91 warna hijau'
        if not atoms or atoms[0].kind != "string":
            self._error("E122", "a band starts with its label in quotes",
                        atoms[0].span if atoms else attr.key_span, f"write: {example}")
            return None
        label = atoms.pop(0).text
        color = "#6e7781"
        if len(atoms) >= 2 and atoms[-2].kind == "name" and atoms[-2].text == "warna":
            color_atom = atoms[-1]
            atoms = atoms[:-2]
            if color_atom.kind == "string" and _is_hex(color_atom.text):
                color = color_atom.text.lower()
            elif color_atom.kind == "name" and color_atom.text in COLORS:
                color = COLORS[color_atom.text]
            else:
                self._error("E104", f"'{color_atom.text}' is not a colour", color_atom.span,
                            did_you_mean(color_atom.text, COLORS) or
                            'use a colour name (' + ", ".join(COLORS) + ') or "#rrggbb"')
        band = Band(label, color, None, True, None, False, attr.span)
        if not atoms:
            self._error("E122", f"band '{label}' has no bounds", attr.key_span, f"write: {example}")
            return None
        if len(atoms) % 2:
            self._error("E122", f"band '{label}': bounds come as pairs of comparison and number",
                        atoms[-1].span, f"write: {example}")
            return None
        for op_atom, value_atom in zip(atoms[::2], atoms[1::2]):
            if op_atom.kind != "op" or op_atom.text in ("!=",):
                self._error("E122", f"band '{label}': expected a comparison (>, >=, <, <=, =), got "
                            f"'{op_atom.text}'", op_atom.span, f"write: {example}")
                return None
            number = self.to_number(value_atom, "pita", allow_dash=False)
            if number is None:
                return None
            value, op = number.value, op_atom.text
            if op in (">", ">=", "=", "=="):
                if band.low is not None:
                    self._error("E122", f"band '{label}' has two lower bounds", op_atom.span)
                    return None
                band.low, band.low_inclusive = value, op != ">"
            if op in ("<", "<=", "=", "=="):
                if band.high is not None:
                    self._error("E122", f"band '{label}' has two upper bounds", op_atom.span)
                    return None
                band.high, band.high_inclusive = value, op != "<"
        if band.low is not None and band.high is not None and (
                band.low > band.high or (band.low == band.high and not (band.low_inclusive and band.high_inclusive))):
            self._error("E122", f"band '{label}' is empty ({band.describe()})", attr.span)
            return None
        return band

    def _rule(self, block: st.Block) -> None:
        head = self._head(block, "a name and optionally a quoted title")
        if head is None:
            return
        rule = Rule(head[0], head[1], block.key_span)

        def scope(a):
            rule.scope = self._choice(a, RULE_SCOPES)
            rule.scope_span = a.key_span

        def message(a):
            rule.message = self._string(a)
            rule.message_span = a.atoms[0].span if a.atoms else a.key_span

        def severity(a):
            rule.severity = self._choice(a, tuple(SEVERITIES)) or rule.severity

        context = _Context(
            f"aturan {rule.id}",
            attrs={"untuk": scope, "pesan": message, "tingkat": severity},
            blocks={},
            exprs={"jika": lambda e: setattr(rule, "condition", e)},
        )
        present = self._dispatch(block.body, context, block.key_span)
        for key, example in (("untuk", "untuk subkegiatan"), ("jika", "jika serapan < 50"),
                             ("pesan", 'pesan "Serapan {nama} hanya {serapan}%"')):
            if key not in present:
                self._error("E106", f"aturan {rule.id} has no '{key}'", block.key_span, f"add: {example}")
        if any(r.id == rule.id for r in self.spec.rules):
            self._error("E110", f"aturan '{rule.id}' is declared twice", block.atoms[0].span,
                        "give each aturan its own name")
            return
        self.spec.rules.append(rule)

    @staticmethod
    def _append(items: list, item) -> None:
        if item is not None:
            items.append(item)


# Keys that belong to one kind of block, for the hint when one stands elsewhere.
BELONGS_IN = {"indikator": "sasaran", "kegiatan": "program", "subkegiatan": "kegiatan", "pita": "skala",
              "untuk": "aturan", "jika": "aturan", "pesan": "aturan"}
STATEMENT_KEYS = {"target", "realisasi", "satuan", "polaritas", "anggaran", "bobot", "tercetak", "riwayat",
                  "renstra", "keterangan", "rumus", "jika", "pesan", "untuk", "tingkat", "output", "capaian_output"}


def _extra_values_hint(atoms: tuple[st.Atom, ...], count: int) -> str:
    """Why a key got more values than it takes, when the values tell: digits grouped by spaces
    (1 000 000, as some spreadsheets print), or a second key on the same line."""
    extra = atoms[count:]
    if count == 1 and len(atoms) > 1 and all(a.kind == "number" for a in atoms) and atoms[0].text.isdigit() \
            and len(atoms[0].text) <= 3 and all(len(a.text) == 3 and a.text.isdigit() for a in extra):
        return f"spaces do not group digits: write {'.'.join(a.text for a in atoms)}"
    key = next((a.text for a in extra if a.kind == "name" and a.text in STATEMENT_KEYS), None)
    if key:
        return f"'{key}' starts another statement: put it on its own line, or after ';'"
    return ""


def _pasted_row_hint(statement) -> str:
    """A budget line with numbers and no block: a table row pasted from a spreadsheet."""
    atoms = statement.atoms
    if statement.key in BUDGET_LEVELS and len(atoms) >= 4 and atoms[1].kind == "string" \
            and all(a.kind in ("number", "dash") for a in atoms[2:]):
        realisasi = atoms[3].text
        return (f"a table row pasted from a spreadsheet? write: {statement.key} {atoms[0].text} \"{atoms[1].text}\" "
                f"{{ anggaran {atoms[2].text}; realisasi {realisasi} }}")
    return ""


def _shown(atom: st.Atom) -> str:
    """An atom as the user wrote it, for messages: texts keep their quotes."""
    return f'"{atom.text}"' if atom.kind == "string" else f"'{atom.text}'"


def _looks_like_number(text: str) -> bool:
    return re.fullmatch(r"\s*-?\d+(?:[._,]\d+)*\s*%?\s*", text) is not None


def _is_hex(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])


def _allowed_hint(context: _Context) -> str:
    return "allowed here: " + ", ".join(sorted(context.keys))


def build(statements: tuple[st.Statement, ...], file: str, partial: bool = False,
          cache: BlockCache | None = None) -> tuple[Spec, list[Diagnostic]]:
    builder = Builder(file, cache)
    with hints.bounded():
        spec = builder.build(statements, partial)
    return spec, builder.diagnostics
