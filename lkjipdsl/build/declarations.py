"""The blocks that declare rather than report: skala (with its pita), aturan, ringkasan, pejabat,
sumber, and the periode block of an indikator or a budget item. Their keys are declared in the
tables at the end of `Declarations`."""

from __future__ import annotations

from decimal import Decimal

from ..diagnostics import Span, warning
from ..i18n import N_, _
from ..model import Band, Number, Official, PeriodRow, Periods, Rule, Scale, Summary
from ..numbers import CONVENTIONS, DOTS, PLAIN
from ..scales import COLORS
from ..syntax import tree as st
from .keys import Key, Table
from .slips import suggestion
from .values import DECIMALS, ValueReader, write
from .vocabulary import (
    COMBINE, MONTH_ALIASES, MONTHS, PERIOD_FIELDS, PERIOD_KINDS, PERIOD_POSITIONS, QUARTERS, RULE_SCOPES,
    SEVERITY_WORDS,
)

BAND_EXAMPLE = 'pita "Tinggi" >= 76 < 91 warna hijau'
# What the head of a block holds, as its message says it (a whole sentence each).
AN_ID_AND_A_NAME = N_("{keyword} needs an id and a quoted name")
A_CODE_AND_A_NAME = N_("{keyword} needs a code and a quoted name")
AN_ID_AND_A_TITLE = N_("{keyword} needs an id and a quoted title")
A_NAME_AND_A_TITLE = N_("{keyword} needs a name and optionally a quoted title")
AN_ID_AND_A_JABATAN = N_("{keyword} needs an id and a quoted jabatan")
HEAD_EXAMPLES = {"sasaran": 'sasaran S1 "Meningkatnya …" {', "indikator": 'indikator IKU1 "Indeks …" {',
                 "skala": 'skala lokal "Skala lokal" {', "aturan": 'aturan serapan_rendah "…" {'}


class Declarations(ValueReader):
    """Builds the declaring blocks; `head` reads the id and title of any block."""

    def head(self, block: st.Block, needs: str, id_kinds=("name",)) -> tuple[str, str] | None:
        """A block's id and its quoted title (or ""), as in `sasaran S1 "Meningkatnya …" {`
        (`needs`: the message when the head is not that, AN_ID_AND_A_NAME …)."""
        atoms = block.atoms
        ok = (len(atoms) in (1, 2) and atoms[0].kind in id_kinds
              and (len(atoms) == 1 or atoms[1].kind == "string"))
        if not ok:
            span = atoms[0].span if atoms else block.key_span
            self._error("E103", _(needs).format(keyword=block.key), span,
                        write(HEAD_EXAMPLES.get(block.key, f'{block.key} 1.2 "Nama" {{')))
            return None
        return atoms[0].text, atoms[1].text if len(atoms) == 2 else ""

    def ignored(self, statement: st.Statement, owner) -> None:
        """A key read apart from the others (angka, sumber)."""

    # ---- skala ----
    def scale(self, block: st.Block, spec) -> None:
        """`skala ID "title" { pita …; presisi 2 }`: a rating scale."""
        head = self.head(block, A_NAME_AND_A_TITLE)
        if head is None:
            return
        scale = Scale(head[0], head[1] or head[0], [], block.key_span)
        present = self.dispatch(block.body, self.SKALA, scale, f"skala {scale.id}")
        if "pita" not in present:
            self._error("E122", _("skala {id} has no bands").format(id=scale.id), block.key_span,
                        _("add bands such as: {example}").format(example=BAND_EXAMPLE))
        elif len(scale.bands) < sum(1 for s in block.body if s.key == "pita"):
            scale.bands = []  # a band could not be read: gaps and overlaps would only follow from that
        if scale.id in spec.scales:
            self._error("E110", _("skala '{id}' is declared twice (first at line {line})").format(
                id=scale.id, line=spec.scales[scale.id].span.line), block.atoms[0].span,
                _("give each skala its own name"))
            return
        spec.scales[scale.id] = scale

    def precision(self, attr: st.Attr, scale: Scale) -> None:
        """presisi: the decimals a value is rounded to before it is rated, or 'tepat' (exact)."""
        atoms = self.atoms(attr, 1, DECIMALS)
        if atoms is None:
            return
        if atoms[0].kind == "name" and atoms[0].text == "tepat":
            scale.precision = None
        elif atoms[0].kind == "number" and atoms[0].text.isdigit() and int(atoms[0].text) <= 10:
            scale.precision = int(atoms[0].text)
        else:
            self._error("E104", _("'{value}' is not a presisi").format(value=atoms[0].text), atoms[0].span,
                        _("use a number of decimals (0–10) or 'tepat' for the exact value"))

    def band(self, attr: st.Attr) -> Band | None:
        """`pita "Tinggi" >= 76 < 91 warna hijau`: a band of a skala."""
        atoms = list(attr.atoms)
        if not atoms or atoms[0].kind != "string":
            self._error("E122", _("a band starts with its label in quotes"),
                        atoms[0].span if atoms else attr.key_span, write(BAND_EXAMPLE))
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
                self._error("E104", _("'{colour}' is not a colour").format(colour=color_atom.text), color_atom.span,
                            suggestion(color_atom.text, COLORS) or
                            _('use a colour name ({colours}) or "#rrggbb"').format(colours=", ".join(COLORS)))
        band = Band(label, color, None, True, None, False, attr.span)
        if not atoms:
            self._error("E122", _("band '{label}' has no bounds").format(label=label), attr.key_span,
                        write(BAND_EXAMPLE))
            return None
        if len(atoms) % 2:
            self._error("E122", _("band '{label}': bounds come as pairs of comparison and number").format(label=label),
                        atoms[-1].span, write(BAND_EXAMPLE))
            return None
        for op_atom, value_atom in zip(atoms[::2], atoms[1::2]):
            if op_atom.kind != "op" or op_atom.text in ("!=",):
                self._error("E122", _("band '{label}': expected a comparison (>, >=, <, <=, =), got '{value}'").format(
                    label=label, value=op_atom.text), op_atom.span, write(BAND_EXAMPLE))
                return None
            number = self.to_number(value_atom, "pita", allow_dash=False)
            if number is None:
                return None
            value, op = number.value, op_atom.text
            if op in (">", ">=", "=", "=="):
                if band.low is not None:
                    self._error("E122", _("band '{label}' has two lower bounds").format(label=label), op_atom.span)
                    return None
                band.low, band.low_inclusive = value, op != ">"
            if op in ("<", "<=", "=", "=="):
                if band.high is not None:
                    self._error("E122", _("band '{label}' has two upper bounds").format(label=label), op_atom.span)
                    return None
                band.high, band.high_inclusive = value, op != "<"
        if band.low is not None and band.high is not None and (
                band.low > band.high or (band.low == band.high and not (band.low_inclusive and band.high_inclusive))):
            self._error("E122", _("band '{label}' is empty ({bounds})").format(label=label, bounds=band.describe()),
                        attr.span)
            return None
        return band

    # ---- aturan ----
    def rule(self, block: st.Block, spec) -> None:
        """`aturan ID "title" { untuk …; jika …; pesan "…" }`: a review rule."""
        head = self.head(block, A_NAME_AND_A_TITLE)
        if head is None:
            return
        rule = Rule(head[0], head[1], block.key_span)
        present = self.dispatch(block.body, self.ATURAN, rule, f"aturan {rule.id}")
        for key, example in (("untuk", "untuk subkegiatan"), ("jika", "jika serapan < 50"),
                             ("pesan", 'pesan "Serapan {nama} hanya {serapan}%"')):
            if key not in present:
                self._error("E106", _("aturan {id} has no '{key}'").format(id=rule.id, key=key), block.key_span,
                            add(example))
        if any(r.id == rule.id for r in spec.rules):
            self._error("E110", _("aturan '{id}' is declared twice").format(id=rule.id), block.atoms[0].span,
                        _("give each aturan its own name"))
            return
        spec.rules.append(rule)

    def rule_message(self, attr: st.Attr, rule: Rule) -> None:
        rule.message = self.text(attr)
        rule.message_span = attr.atoms[0].span if attr.atoms else attr.key_span

    # ---- ringkasan ----
    def summary(self, block: st.Block, spec) -> None:
        """`ringkasan ID "title" { rumus …; satuan "%" }`: a named figure of the narrative."""
        head = self.head(block, AN_ID_AND_A_TITLE)
        if head is None:
            return
        summary = Summary(head[0], head[1] or head[0], block.key_span)
        summary.id_span = block.atoms[0].span
        self.dispatch(block.body, self.RINGKASAN, summary, f"ringkasan {summary.id}")
        if summary.rumus is None:
            self._error("E106", _("ringkasan {id} has no rumus").format(id=summary.id), block.key_span,
                        add("rumus (total.serapan + total.capaian_output) / 2"))
        spec.summaries.append(summary)

    # ---- pejabat ----
    def official(self, block: st.Block, spec) -> None:
        """`pejabat ID "jabatan" { nama "…"; nip "…"; pangkat "…" }`: who signs, and how documents printed it."""
        head = self.head(block, AN_ID_AND_A_JABATAN)
        if head is None:
            return
        official = Official(head[0], head[1], block.key_span)
        official.id_span = block.atoms[0].span
        official.fields["jabatan"] = head[1]
        self.dispatch(block.body, self.PEJABAT, official, f"pejabat {official.id}")
        spec.officials.append(official)

    def official_field(self, attr: st.Attr, official: Official) -> None:
        official.fields[attr.key] = self.text(attr) or ""

    # ---- sumber ----
    def source(self, block: st.Block) -> None:
        """`sumber "Tabel 3.3" { angka internasional }`: how a source table prints its numbers."""
        atoms = block.atoms
        if len(atoms) != 1 or atoms[0].kind != "string":
            self._error("E103", _("sumber needs the source's name in quotes, as tercetak names it"),
                        atoms[0].span if atoms else block.key_span, write('sumber "Tabel 3.3" { angka internasional }'))
            return
        name = atoms[0].text
        if name in self.source_conventions:
            self._error("E110", _("sumber '{name}' is declared twice").format(name=name), atoms[0].span)
            return
        convention = self.spec.convention
        self.dispatch(block.body, self.SUMBER, None, f'sumber "{name}"')
        for statement in block.body:
            if isinstance(statement, st.Attr) and statement.key == "angka":
                convention = self.choice(statement, CONVENTIONS) or convention
        self.source_conventions[name] = convention

    # ---- periode ----
    def periods_block(self, block: st.Block, owner) -> None:
        """The periode block of an indikator or a budget item."""
        owner.periods = self.periods(block, owner.periods)

    def periods(self, block: st.Block, existing: Periods | None) -> Periods | None:
        """`periode bulanan gabung jumlah { januari 10 9; … }`: figures by month or quarter."""
        if existing is not None:
            self._error("E102", _("only one 'periode' block is allowed here"), block.key_span)
            return None
        atoms = block.atoms
        if not atoms or atoms[0].kind != "name" or atoms[0].text not in PERIOD_KINDS:
            word = atoms[0].text if atoms else ""
            self._error("E103", _("periode needs its kind: bulanan or triwulanan"),
                        atoms[0].span if atoms else block.key_span,
                        suggestion(word, PERIOD_KINDS) or write("periode bulanan gabung terakhir {"))
            return None
        kind = atoms[0].text
        combine = None
        rest = atoms[1:]
        if len(rest) == 2 and rest[0].kind == "name" and rest[0].text == "gabung":
            if rest[1].kind == "name" and rest[1].text in COMBINE:
                combine = rest[1].text
            else:
                self._error("E104", _("'{word}' is not a way to combine periods").format(word=rest[1].text),
                            rest[1].span, suggestion(rest[1].text, COMBINE) or _("use jumlah, terakhir or rata_rata"))
                return None
        else:
            self._error("E106", _("periode must say how the periods combine into the year"),
                        rest[0].span if rest else atoms[0].span,
                        _("write: periode {kind} gabung jumlah (sum), terakhir (last value) or rata_rata (mean)")
                        .format(kind=kind))
            return None
        names = MONTHS if kind == "bulanan" else QUARTERS
        positions = PERIOD_POSITIONS[kind]
        if self._quick_numbers and type(block.body) is st.Rows:
            rows = self._rows_from_text(block.body, names, positions)
            if rows is not None:
                return Periods(kind, combine, rows, block.key_span)
        rows = []
        seen: dict[str, Span] = {}
        for statement in block.body:
            if not isinstance(statement, st.Attr):
                self._error("E101", _("'{key}' cannot stand in a periode block").format(key=statement.key),
                            statement.key_span)
                continue
            key = statement.key.lower()
            index = positions.get(key)
            if index is None:
                self._error("E101", _("'{key}' is not a period of a {kind} periode").format(
                    key=statement.key, kind=kind), statement.key_span, suggestion(key, names + tuple(MONTH_ALIASES)))
                continue
            canonical = names[index]  # one string for every januari of the spec, not the text read
            if canonical in seen:
                self._error("E102", _("period '{period}' is given twice (first at line {line})").format(
                    period=canonical, line=seen[canonical].line), statement.key_span, _("keep one of them"))
                continue
            seen[canonical] = statement.key_span
            rows.append(PeriodRow(canonical, index, *self._period_numbers(statement), statement.key_span))
        order = [row.index for row in rows]
        if order != sorted(order):
            self.diagnostics.append(warning("W204", _("the periods are not in calendar order"), block.key_span))
            rows.sort(key=lambda r: r.index)
        return Periods(kind, combine, rows, block.key_span)

    def _rows_from_text(self, body: st.Rows, names: tuple[str, ...],
                        positions: dict[str, int]) -> list[PeriodRow] | None:
        """The rows of a periode block the scanner handed on as text (syntax.tree.Rows): read from it, with
        no syntax tree, when every row names a period of the block's kind, in calendar order; else
        None, and the rows are read one by one. Its figures are plain digits or thousands grouped by
        points (lexicon.PLAIN_FIGURE), read here as numbers.quick_read reads them (and kept in its cache)."""
        origin, line = body.origin, body.line
        if self._reads_convention != self.convention:
            self._reads, self._reads_convention = {}, self.convention
        reads = self._reads
        grouped = self.convention == "indonesia"  # else one point is a decimal point (the full rule's)

        def read(written: str) -> tuple | None:
            """(value, style) of a figure not read before; kept for the next (they share a Decimal)."""
            if written.isdigit():
                value = (Decimal(written), PLAIN)
            elif grouped or written.count(".") > 1:
                value = (Decimal(written.replace(".", "")), DOTS)
            else:
                return None
            if len(reads) > 255:
                reads.clear()
            reads[written] = value
            return value

        rows = []
        last = -1
        for key, key_at, target, target_at, realisasi, realisasi_at in body.lines():
            index = positions.get(key)
            if index is None or index <= last:  # not a period, or not in order: said on the long way
                return None
            last = index
            target_read = reads.get(target) or read(target)
            realisasi_read = reads.get(realisasi) or read(realisasi)
            if not (target_read and target_read[1] and realisasi_read and realisasi_read[1]):
                return None  # left to the full rule (here, or by an earlier quick_read of the same text)
            rows.append(PeriodRow.on_line(names[index], index, origin, line, key_at, key_at + len(key),
                                          target_read[0], target_at << 2 | target_read[1],
                                          realisasi_read[0], realisasi_at << 2 | realisasi_read[1]))
            line += 1
        return rows

    def _period_numbers(self, statement: st.Attr) -> tuple[Number | None, Number | None, Number | None]:
        """(target, realisasi, printed %) of a period's statement; `januari 54 56`, most of a large
        spec's rows, read without the dict of `_period_values` (10k spec: 121 000 rows)."""
        atoms = statement.atoms
        if len(atoms) == 2:
            target, realisasi = atoms
            if target.kind == "number" and realisasi.kind == "number":
                return (self.parse_number_text(target.text, target.span),
                        self.parse_number_text(realisasi.text, realisasi.span), None)
        values = self._period_values(statement)
        return values.get("target"), values.get("realisasi"), values.get("persen")

    def _period_values(self, statement: st.Attr) -> dict[str, Number]:
        atoms = statement.atoms
        if atoms and atoms[0].kind == "name":
            return self.pairs(statement, atoms, PERIOD_FIELDS)
        if len(atoms) not in (1, 2, 3):
            self._error("E103", _("'{key}' takes the target, the realisasi and optionally the printed %").format(
                key=statement.key), atoms[3].span if len(atoms) > 3 else statement.key_span,
                _("write: {key} 100 98, or {key} target 100 realisasi 98 persen 98").format(key=statement.key))
            return {}
        values = {}
        for name, atom in zip(PERIOD_FIELDS, atoms):
            number = self.to_number(atom, name)
            if number is not None:
                values[name] = number
        return values

    # ---- the keys of each declaring block ----
    SKALA = Table({
        "pita": Key(band, "bands", repeatable=True),
        "judul": Key(ValueReader.text, "title", keep=True),
        "presisi": Key(precision),
    })
    ATURAN = Table({
        "untuk": Key(ValueReader.choice, "scope", span="scope_span", among=RULE_SCOPES),
        "pesan": Key(rule_message),
        "tingkat": Key(ValueReader.choice, "severity", keep=True, among=SEVERITY_WORDS),
    }, exprs={
        "jika": Key(ValueReader.expression, "condition"),
    })
    RINGKASAN = Table({
        "satuan": Key(ValueReader.text, "satuan"),
        "tercetak": Key(ValueReader.printed, "printed", repeatable=True, among="ringkasan"),
    }, exprs={
        "rumus": Key(ValueReader.expression, "rumus"),
    })
    PEJABAT = Table({
        "nama": Key(official_field),
        "nip": Key(official_field),
        "pangkat": Key(official_field),
        "tercetak": Key(ValueReader.printed, "printed", repeatable=True, among="pejabat"),
    })
    SUMBER = Table({
        "angka": Key(ignored),  # read after the dispatch, in the sumber's own order
    })


def add(example: str) -> str:
    """The hint `add: EXAMPLE`, for an example of the language (keywords, ids and numbers only)."""
    return _("add: {example}").format(example=example)


def _is_hex(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])
