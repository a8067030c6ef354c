"""The value readers: what stands after a key (numbers, texts, choices, years, names, codes, ranges,
`field value` pairs, printed figures, earlier years' figures), read from the syntax tree's atoms
with the number style in force. A reader reports what it cannot read and returns None; the block
builders (lkjipdsl.build.blocks) name the readers in their tables of keys."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from ..records import NamedTuple

from ..diagnostics import Span, warning
from ..model import HistoryEntry, NationalStandard, Number, Printed, PrintedRow, RenstraEntry, Spec, ZeroPolicy
from ..numbers import NumberError, parse_number, parse_number_fully, quick_read
from ..i18n import N_, _
from .. import syntax
from ..syntax import tree as st
from .keys import Dispatcher
from .slips import (choice_hint, is_no_value, no_value_hint, range_hint, read_as_no_value, sub_kegiatan_hint,
                    suggestion)
from .vocabulary import PRINTED_FIELDS, PRINTED_ROW_FIELDS, STATEMENT_KEYS, TABLE_NAMES, TEXT_PRINTED


_canonical = Number.canonical
_NOT_QUICK = (None, 0)  # a text quick_read leaves to the full rule


class Takes(NamedTuple):
    """What a key takes, in the four messages about it: a value given with '=', none given, too
    many given, and the hint (each one a whole sentence, translated where it is shown); and the
    common slips (lkjipdsl.build.slips) looked for among too many values: `slip(key, atoms)` → a hint or ""."""

    with_equals: str
    nothing: str
    too_many: str
    write: str
    slip: Callable[[str, tuple[st.Atom, ...]], str] | None = None


ONE_TEXT = Takes(N_("'{key}' takes one quoted text, not '='"),
                 N_("'{key}' takes one quoted text, got nothing"),
                 N_("'{key}' takes one quoted text, got {count} values"),
                 N_("write '{key}' followed by one quoted text"))
ONE_NUMBER = Takes(N_("'{key}' takes one number, not '='"),
                   N_("'{key}' takes one number, got nothing"),
                   N_("'{key}' takes one number, got {count} values"),
                   N_("write '{key}' followed by one number"))
A_YEAR = Takes(N_("'{key}' takes a year, not '='"),
               N_("'{key}' takes a year, got nothing"),
               N_("'{key}' takes a year, got {count} values"),
               N_("write '{key}' followed by a year"))
ONE_OF = Takes(N_("'{key}' takes one of {choices}, not '='"),
               N_("'{key}' takes one of {choices}, got nothing"),
               N_("'{key}' takes one of {choices}, got {count} values"),
               N_("write '{key}' followed by one of {choices}"),
               lambda key, atoms: sub_kegiatan_hint(atoms))
A_NAME = Takes(N_("'{key}' takes a name, not '='"),
               N_("'{key}' takes a name, got nothing"),
               N_("'{key}' takes a name, got {count} values"),
               N_("write '{key}' followed by a name"))
A_CODE = Takes(N_("'{key}' takes a code of this year's program, kegiatan or subkegiatan, not '='"),
               N_("'{key}' takes a code of this year's program, kegiatan or subkegiatan, got nothing"),
               N_("'{key}' takes a code of this year's program, kegiatan or subkegiatan, got {count} values"),
               N_("write '{key}' followed by a code of this year's program, kegiatan or subkegiatan"))
ZERO_POLICY = Takes(N_("'{key}' takes galat, kosong or a number, not '='"),
                    N_("'{key}' takes galat, kosong or a number, got nothing"),
                    N_("'{key}' takes galat, kosong or a number, got {count} values"),
                    N_("write '{key}' followed by galat, kosong or a number"))
NUMBER_OR_NIHIL = Takes(N_("'{key}' takes a number or nihil, not '='"),
                        N_("'{key}' takes a number or nihil, got nothing"),
                        N_("'{key}' takes a number or nihil, got {count} values"),
                        N_("write '{key}' followed by a number or nihil"))
DECIMALS = Takes(N_("'{key}' takes a number of decimals or 'tepat', not '='"),
                 N_("'{key}' takes a number of decimals or 'tepat', got nothing"),
                 N_("'{key}' takes a number of decimals or 'tepat', got {count} values"),
                 N_("write '{key}' followed by a number of decimals or 'tepat'"))
NUMBER_OR_RANGE = Takes(N_("'{key}' takes a number, or LOW..HIGH for a range, not '='"),
                        N_("'{key}' takes a number, or LOW..HIGH for a range, got nothing"),
                        N_("'{key}' takes a number, or LOW..HIGH for a range, got {count} values"),
                        N_("write '{key}' followed by a number, or LOW..HIGH for a range"),
                        lambda key, atoms: range_hint(key, atoms) or no_value_hint(atoms))
# one number, where '-' may stand for no value
ONE_NUMBER_OR_DASH = ONE_NUMBER._replace(slip=lambda key, atoms: no_value_hint(atoms))


class ValueReader(Dispatcher):
    """Reads the values of one statement; `read(statement)` → value, or None when it reported why not."""

    # ---- how many values ----
    def atoms(self, attr: st.Attr, count: int, takes: Takes, choices: tuple[str, ...] = ()
              ) -> tuple[st.Atom, ...] | None:
        """The statement's values when there are `count` of them (`takes`: the messages when not;
        `choices`, those of ONE_OF)."""
        if attr.atoms and attr.atoms[0].kind == "op" and attr.atoms[0].text in ("=", "=="):
            self._error("E103", _(takes.with_equals).format(key=attr.key, choices=", ".join(choices)),
                        attr.atoms[0].span, _("write 'key value', without '='"))
            return None
        if len(attr.atoms) != count:
            span = attr.atoms[count].span if len(attr.atoms) > count else attr.key_span
            message = _(takes.too_many) if attr.atoms else _(takes.nothing)
            self._error("E103", message.format(key=attr.key, choices=", ".join(choices), count=len(attr.atoms)),
                        span, (takes.slip and takes.slip(attr.key, attr.atoms))
                        or _extra_values_hint(attr.atoms, count)
                        or _(takes.write).format(key=attr.key, choices=", ".join(choices)))
            return None
        return attr.atoms

    # ---- texts, names and codes ----
    def text(self, attr: st.Attr) -> str | None:
        """One quoted text."""
        if len(attr.atoms) > 1 and all(a.kind in ("name", "number") for a in attr.atoms):  # words without quotes
            words = " ".join(a.text for a in attr.atoms)
            self._error("E103", _("'{key}' takes a quoted text").format(key=attr.key), attr.atoms[0].span,
                        _('write: {key} "{text}"').format(key=attr.key, text=words))
            return None
        atoms = self.atoms(attr, 1, ONE_TEXT)
        if atoms is None:
            return None
        if atoms[0].kind != "string":
            self._error("E103", _("'{key}' takes a quoted text").format(key=attr.key), atoms[0].span,
                        _('write: {key} "{text}"').format(key=attr.key, text=atoms[0].text))
            return None
        return atoms[0].text

    def choice(self, attr: st.Attr, choices: tuple[str, ...]) -> str | None:
        """One of the words `choices`."""
        atoms = self.atoms(attr, 1, ONE_OF, choices)
        if atoms is None:
            return None
        word = atoms[0].text
        if atoms[0].kind != "name" or word not in choices:
            self._error("E104", _("'{word}' is not a valid {key}").format(word=word, key=attr.key), atoms[0].span,
                        choice_hint(attr.key, word) or suggestion(word, choices)
                        or _("choose one of: {choices}").format(choices=", ".join(choices)))
            return None
        return word

    def name_ref(self, attr: st.Attr) -> tuple[str, Span] | None:
        """A name (of a skala, a sasaran), with where it is written."""
        atoms = self.atoms(attr, 1, A_NAME)
        if atoms is None:
            return None
        if atoms[0].kind != "name":
            self._error("E103", _("'{key}' takes a name, got '{value}'").format(key=attr.key, value=atoms[0].text),
                        atoms[0].span)
            return None
        return atoms[0].text, atoms[0].span

    def code_ref(self, attr: st.Attr) -> tuple[str, Span] | None:
        """A code of this year's budget tree (sama_dengan), with where it is written."""
        atoms = self.atoms(attr, 1, A_CODE)
        if atoms is None:
            return None
        if atoms[0].kind not in ("number", "name", "string"):
            self._error("E103", _("'{key}' takes a code such as 1.2.4").format(key=attr.key), atoms[0].span)
            return None
        return atoms[0].text, atoms[0].span

    def expression(self, statement: st.ExprAttr) -> st.ExprAttr:
        """A rumus or a condition: kept as written, compiled by the checks."""
        return statement

    # ---- numbers ----
    def to_number(self, atom: st.Atom, key: str, allow_dash: bool = True) -> Number | None:
        """One atom as a number, in the number style in force; '-' (no value) when allowed."""
        if atom.kind == "dash":
            if allow_dash:
                return Number(None, atom.span, "-")
            self._error("E103", _("'{key}' needs a number here, not '-'").format(key=key), atom.span)
            return None
        if atom.kind != "number" and allow_dash and read_as_no_value(atom):
            self.diagnostics.append(warning("W232", _("{value} is read as '-' (no value)").format(
                value=_shown(atom)), atom.span, syntax.no_value_hint()))
            return Number(None, atom.span, "-")
        if atom.kind != "number":
            hint = ""
            if allow_dash and is_no_value(atom):
                hint = syntax.no_value_hint()
            elif read_as_no_value(atom):
                hint = _("'{key}' cannot be left without a value here: write a number").format(key=key)
            elif atom.kind == "string" and _looks_like_number(atom.text):
                hint = _("write the number without quotes: {key} {number}").format(key=key, number=atom.text)
            self._error("E103", _("'{key}' takes a number, got {value}").format(key=key, value=_shown(atom)),
                        atom.span, hint)
            return None
        return self.parse_number_text(atom.text, atom.span)

    def parse_number_text(self, text: str, span: Span) -> Number | None:
        if self._quick_numbers:  # parse_number's fast path, without its limits lookup per number
            read = self.quick_read(text)
            if read is not _NOT_QUICK:
                value, style = read
                # most of a spec's figures: kept without their text, made again when read
                return _canonical(value, span, text, style) if style else Number(value, span, text)
        try:  # what the fast path leaves (or all, with max_number_digits below 13) goes to the full rule
            parsed = parse_number_fully(text, self.convention)
        except NumberError as exc:
            self._error(exc.code, str(exc), span, *exc.hints)
            return None
        return Number(parsed.value, span, text)

    def quick_read(self, text: str) -> tuple:
        """numbers.quick_read of `text` in the convention in force, or _NOT_QUICK (for the full
        rule). The numbers read last are kept by their text: a figure written again nearby (a sub
        kegiatan's anggaran as its printed one and its last month's plan) shares its Decimal."""
        reads = self._reads
        if len(reads) > 255 or self._reads_convention != self.convention:
            reads = self._reads = {}
            self._reads_convention = self.convention
        read = reads.get(text)
        if read is None:
            read = reads[text] = quick_read(text, self.convention) or _NOT_QUICK
        return read

    def number(self, attr: st.Attr) -> Number | None:
        """One number."""
        atoms = self.atoms(attr, 1, ONE_NUMBER)
        return None if atoms is None else self.to_number(atoms[0], attr.key, False)

    def number_or_dash(self, attr: st.Attr) -> Number | None:
        """One number, or '-' for no value."""
        attr, rounded = without_rounded(attr)
        atoms = self.atoms(attr, 1, ONE_NUMBER_OR_DASH)
        number = None if atoms is None else self.to_number(atoms[0], attr.key, True)
        return as_rounded(number) if rounded else number

    def amount(self, attr: st.Attr) -> Number:
        """A pagu: a number or '-'; one that cannot be read stands as no value (`unreadable`)."""
        return self.number_or_dash(attr) or self.unreadable(attr)

    @staticmethod
    def unreadable(attr: st.Attr) -> Number:
        """Stands for a value that was given but could not be read (and was reported), so that no
        "has no …" error follows; it counts as no value ('-')."""
        return Number(None, attr.span, " ".join(a.text for a in attr.atoms))

    def year(self, attr: st.Attr) -> int | None:
        """A year such as 2023."""
        atoms = self.atoms(attr, 1, A_YEAR)
        return None if atoms is None else self.year_at(atoms[0], attr.key)

    def year_at(self, atom: st.Atom, key: str) -> int | None:
        """One atom as a year (of `key`, in messages)."""
        if atom.kind != "number" or not atom.text.isdigit() or not 1900 <= int(atom.text) <= 2200:
            quoted = atom.kind == "string" and atom.text.strip().isdigit()
            self._error("E103", _("'{key}' takes a year such as 2023, got {value}").format(key=key, value=_shown(atom)),
                        atom.span,
                        _("write the year without quotes: {key} {year}").format(key=key, year=atom.text.strip())
                        if quoted else _("write the year in full, e.g. {key} 2023").format(key=key))
            return None
        return int(atom.text)

    def pairs(self, attr: st.Attr, atoms, allowed: tuple[str, ...]) -> dict[str, Number]:
        """`field value field value …` after a keyword; values may be '-'."""
        values: dict[str, Number] = {}
        items = list(atoms)
        index = 0
        while index < len(items):
            name = items[index]
            if name.kind != "name" or name.text not in allowed:
                self._error("E101" if name.kind == "name" else "E103",
                            _("'{field}' is not one of {key}'s fields ({fields})").format(
                                field=name.text, key=attr.key, fields=", ".join(allowed)),
                            name.span, suggestion(name.text, allowed))
                return values
            if index + 1 >= len(items):
                self._error("E103", _("'{field}' needs a value").format(field=name.text), name.span,
                            _("write: {field} NUMBER").format(field=name.text))
                return values
            if name.text in values:
                self._error("E102", _("'{field}' is given twice").format(field=name.text), name.span)
            number = self.to_number(items[index + 1], name.text)
            if number is not None:
                values[name.text] = number
            index += 2
        return values

    def zero_policy(self, attr: st.Attr) -> ZeroPolicy | None:
        """target_nol: galat, kosong or the capaian of a zero target."""
        atoms = self.atoms(attr, 1, ZERO_POLICY)
        if atoms is None:
            return None
        atom = atoms[0]
        if atom.kind == "name" and atom.text in ("galat", "kosong"):
            return ZeroPolicy(atom.text, None, attr.key_span)
        if atom.kind == "number":
            number = self.to_number(atom, attr.key)
            return None if number is None else ZeroPolicy("nilai", number.value, attr.key_span)
        self._error("E104", _("'{value}' is not a valid target_nol policy").format(value=atom.text), atom.span,
                    suggestion(atom.text, ("galat", "kosong")) or
                    _("use galat (report an error), kosong (no capaian) or a number such as 100"))
        return None

    def national(self, attr: st.Attr) -> NationalStandard | None:
        """standar_nasional: a number, or nihil."""
        atoms = self.atoms(attr, 1, NUMBER_OR_NIHIL)
        if atoms is None:
            return None
        if atoms[0].kind == "name" and atoms[0].text.lower() == "nihil":
            return NationalStandard(None, attr.span)
        number = self.to_number(atoms[0], attr.key, allow_dash=False)
        return None if number is None else NationalStandard(number, attr.span)

    def table_title(self, attr: st.Attr, spec: Spec) -> None:
        """`tabel "tabel-3.1" "Tabel 19. Target dan Realisasi Anggaran"`: a table's title as the report prints it."""
        atoms = attr.atoms
        example = 'tabel "tabel-3.1" "Tabel 19. Target dan Realisasi Anggaran"'
        if len(atoms) != 2 or any(a.kind != "string" for a in atoms):
            self._error("E103", _("'tabel' takes the table's name and its title, both in quotes"),
                        atoms[0].span if atoms else attr.key_span, write(example))
            return
        name, title = atoms
        if name.text not in TABLE_NAMES:
            self._error("E104", _("there is no table '{name}'; tables: {names}").format(
                name=name.text, names=", ".join(TABLE_NAMES)), name.span, suggestion(name.text, TABLE_NAMES))
            return
        if name.text in spec.table_titles:
            self._error("E102", _("the title of table '{name}' is given twice").format(name=name.text), name.span)
            return
        spec.table_titles[name.text] = title.text

    # ---- ranges of years ----
    def renstra_period(self, attr: st.Attr, spec: Spec) -> None:
        """`renstra 2023..2026` at the top level: the Renstra's first and last year."""
        atoms = attr.atoms
        if len(atoms) == 1 and atoms[0].kind == "range":
            low, high = atoms[0].text, atoms[0].high
        elif len(atoms) == 2 and all(a.kind == "number" for a in atoms):
            low, high = atoms[0].text, atoms[1].text
        else:
            self._error("E103", _("'renstra' takes the period's first and last year"),
                        atoms[0].span if atoms else attr.key_span, write("renstra 2023..2026"))
            return
        if not (low.isdigit() and high.isdigit()) or int(low) > int(high):
            self._error("E103", _("'{low}..{high}' is not a period of years").format(low=low, high=high), attr.span,
                        write("renstra 2023..2026"))
            return
        spec.renstra_period = (int(low), int(high))

    # ---- earlier years and the Renstra ----
    def history(self, attr: st.Attr, allowed: tuple[str, ...]) -> HistoryEntry | None:
        """`riwayat 2022 target 90 realisasi 92`: an earlier year's figures."""
        if not attr.atoms:
            self._error("E103", _("'riwayat' takes a year and its figures"), attr.key_span,
                        write(f"riwayat 2022 {allowed[0]} 90 {allowed[1]} 92"))
            return None
        year = self.year_at(attr.atoms[0], "riwayat")
        values = self.pairs(attr, attr.atoms[1:], allowed)
        if year is None:
            return None
        if self.spec.tahun and year >= self.spec.tahun:
            self.diagnostics.append(warning(
                "W203", _("riwayat {year} is not earlier than the report year {tahun}").format(
                    year=year, tahun=self.spec.tahun),
                attr.atoms[0].span))
        return HistoryEntry(year, values, attr.span)

    def renstra_entry(self, attr: st.Attr, allowed: tuple[str, ...]) -> RenstraEntry | None:
        """`renstra 2024 target 96` or `renstra akhir target 98`: a Renstra target."""
        if not attr.atoms:
            self._error("E103", _("'renstra' takes a year (or 'akhir') and targets"), attr.key_span,
                        _("write: renstra 2024 target 96, or renstra akhir target 98"))
            return None
        first = attr.atoms[0]
        year = None
        if not (first.kind == "name" and first.text == "akhir"):
            year = self.year_at(first, "renstra")
            if year is None:
                return None
            period = self.spec.renstra_period
            if period and not period[0] <= year <= period[1]:
                self._error("E103", _("renstra {year} lies outside the Renstra period {first}–{last}").format(
                    year=year, first=period[0], last=period[1]), first.span)
        return RenstraEntry(year, self.pairs(attr, attr.atoms[1:], allowed), attr.span)

    # ---- printed figures ----
    def printed_or_row(self, attr: st.Attr, owner, owner_kind: str) -> None:
        """`tercetak FIELD VALUE ["source"]`, or the row form `tercetak "source" FIELD VALUE …`,
        kept in the owner's printed figures or printed rows."""
        if attr.atoms and attr.atoms[0].kind == "string":
            row = self.printed_row(attr, owner_kind)
            if row is not None:
                owner.printed_rows.append(row)
        else:
            printed = self.printed(attr, owner_kind)
            if printed is not None:
                owner.printed.append(printed)

    def printed_row(self, attr: st.Attr, owner_kind: str) -> PrintedRow | None:
        fields = PRINTED_ROW_FIELDS[owner_kind]
        # one text for each source and field however often written (10k spec: 10 000 rows of a table)
        source, atoms = sys.intern(attr.atoms[0].text), list(attr.atoms[1:])
        if not atoms or len(atoms) % 2:
            self._error("E103", _("a printed row takes pairs of field and value after its source"),
                        atoms[-1].span if atoms else attr.atoms[0].span,
                        write(f'tercetak "{source}" anggaran 1.000.000 realisasi 950.000 serapan 95'))
            return None
        values: dict[str, Printed] = {}
        for name, value in zip(atoms[::2], atoms[1::2]):
            if name.kind == "name" and name.text == "capaian":
                name = name._replace(text=self._budget_capaian(name, fields))
            if name.kind != "name" or name.text not in fields:
                self._error("E104", _("'{field}' is not a field of this row; fields: {fields}").format(
                    field=name.text, fields=", ".join(fields)), name.span, suggestion(name.text, fields))
                return None
            if name.text in values:
                self._error("E102", _("'{field}' is given twice in this row").format(field=name.text), name.span)
                return None
            where = name.span.through(value.span)
            field = sys.intern(name.text)
            printed = self._printed_value(field, value, source, where)
            if printed is None:
                return None
            values[field] = printed
        return PrintedRow(source, values, attr.span)

    def printed(self, attr: st.Attr, owner_kind: str) -> Printed | None:
        """`tercetak FIELD VALUE ["source"]`: one figure a document printed."""
        fields = PRINTED_FIELDS[owner_kind]
        atoms = list(attr.atoms)
        if len(atoms) < 2 or atoms[0].kind != "name":
            self._error("E103", _("'tercetak' takes a field and the printed value"),
                        attr.atoms[0].span if atoms else attr.key_span,
                        write(f'tercetak {fields[0]} 98,12 "Tabel 3.1"'))
            return None
        field = self._budget_capaian(atoms[0], fields)
        if field not in fields:
            self._error("E104", _("'{field}' cannot be asserted here; fields: {fields}").format(
                field=field, fields=", ".join(fields)), atoms[0].span, suggestion(field, fields))
            return None
        source = None
        if len(atoms) == 3 and atoms[2].kind == "string":  # the source, read before the value
            source = atoms[2].text
        elif len(atoms) != 2:
            self._error("E103", _("'tercetak' takes a field, a value and optionally the source in quotes"),
                        atoms[2].span, write(f'tercetak {field} {atoms[1].text} "Tabel 3.1"'))
            return None
        value = atoms[1]
        if field in TEXT_PRINTED:
            if value.kind not in ("string", "number"):
                self._error("E103", _("'tercetak {field}' takes the text as printed, in quotes").format(field=field),
                            value.span, write(f'tercetak {field} "…" "Tabel 3.6"'))
                return None
            return Printed(field, None, source, attr.span, text=value.text)
        return self._printed_value(field, value, source, attr.span)

    def _budget_capaian(self, name: st.Atom, fields: tuple[str, ...]) -> str:
        """A printed field's name; `capaian` of a budget item is its serapan (one name for one
        quantity: the budget percentage is `serapan`), read so with W232."""
        if name.text != "capaian" or "capaian" in fields or "serapan" not in fields:
            return name.text
        self.diagnostics.append(warning("W232", _("'capaian' of a budget item is read as its serapan "
                                                  "(realisasi / anggaran × 100)"), name.span,
                                        _("write 'serapan' for the budget percentage, 'capaian_output' for the "
                                          "capaian of its output")))
        return "serapan"

    def _printed_value(self, field: str, value: st.Atom, source: str | None, span: Span) -> Printed | None:
        """A printed figure, read in its source's number style (`sumber`)."""
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


ROUNDED = "dibulatkan"


def without_rounded(attr: st.Attr) -> tuple[st.Attr, bool]:
    """`realisasi 0,34 dibulatkan`: the statement without its last word, and whether it was there."""
    if len(attr.atoms) == 2 and attr.atoms[1].kind == "name" and attr.atoms[1].text == ROUNDED:
        return attr._replace(atoms=attr.atoms[:1]), True
    return attr, False


def as_rounded(number: Number | None) -> Number | None:
    """The number as printed rounded to its decimals (no value stays no value)."""
    if number is None or number.value is None:
        return number
    return Number(number.value, number.span, number.text, rounded=True)


def _extra_values_hint(atoms: tuple[st.Atom, ...], count: int) -> str:
    """Why a key got more values than it takes, when the values tell: digits grouped by spaces
    (1 000 000, as some spreadsheets print), or a second key on the same line."""
    extra = atoms[count:]
    if count == 1 and len(atoms) > 1 and all(a.kind == "number" for a in atoms) and atoms[0].text.isdigit() \
            and len(atoms[0].text) <= 3 and all(len(a.text) == 3 and a.text.isdigit() for a in extra):
        return _("spaces do not group digits: write {number}").format(number=".".join(a.text for a in atoms))
    key = next((a.text for a in extra if a.kind == "name" and a.text in STATEMENT_KEYS), None)
    if key:
        return _("'{key}' starts another statement: put it on its own line, or after ';'").format(key=key)
    return ""


def write(example: str) -> str:
    """The hint `write: EXAMPLE`, for an example of the language (keywords, ids and numbers only)."""
    return _("write: {example}").format(example=example)


def _shown(atom: st.Atom) -> str:
    """An atom as the user wrote it, for messages: texts keep their quotes."""
    return f'"{atom.text}"' if atom.kind == "string" else f"'{atom.text}'"


def _looks_like_number(text: str) -> bool:
    return re.fullmatch(r"\s*-?\d+(?:[._,]\d+)*\s*%?\s*", text) is not None
