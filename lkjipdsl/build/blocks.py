"""The builder of a whole spec: the top level, sasaran and indikator, the budget tree (program >
kegiatan > subkegiatan) and the dokumen of other years, each block kind with its table of keys at
the end of `Builder` (the declaring blocks are in lkjipdsl.build.declarations)."""

from __future__ import annotations

from collections.abc import Callable
from ..records import field, record

from ..diagnostics import Diagnostic, Span, error, warning
from ..i18n import _
from ..model import BudgetNode, Document, Indikator, Sasaran, Spec
from ..numbers import CONVENTIONS
from ..syntax import tree as st
from .declarations import A_CODE_AND_A_NAME, AN_ID_AND_A_NAME, AN_ID_AND_A_TITLE, Declarations, add
from .keys import Key, Table
from .values import NUMBER_OR_RANGE, ValueReader, as_rounded, without_rounded, write
from .vocabulary import (
    AGREGASI, BUDGET_CHILD, BUDGET_HISTORY, BUDGET_LEVELS, BUDGET_RENSTRA, DOCUMENT_KINDS, INDIKATOR_HISTORY,
    DISPLAY_ROUNDINGS, INDIKATOR_RENSTRA, OUTPUT_FIELDS, PARENT_SERAPAN, POLARITAS_WORDS,
)


@record(slots=True)
class BuiltBlock:
    """What building one top-level sasaran, program or dokumen block produced, for reuse (lkjipdsl.session)."""

    block: st.Block
    context: tuple
    sasaran: list
    programs: list
    documents: list
    diagnostics: list[Diagnostic]
    line: int  # the block's first line when it was built


@record(slots=True)
class BlockCache:
    """Built blocks by their syntax node: `previous` from the last build, `current` filled by this one."""

    previous: dict[int, BuiltBlock] = field(default_factory=dict)
    current: dict[int, BuiltBlock] = field(default_factory=dict)
    built: int = 0
    reused: int = 0

    def next(self) -> None:
        self.previous, self.current, self.built, self.reused = self.current, {}, 0, 0


class Builder(Declarations):
    """Generic syntax tree → typed spec (lkjipdsl.model). The keys each block kind accepts are the
    tables at the end of this class and of `Declarations`; the readers of their values are in
    lkjipdsl.build.values."""

    def __init__(self, file: str, cache: BlockCache | None = None):
        super().__init__(file)
        self.cache = cache

    # ---- the top level ----
    def build(self, statements, partial: bool = False, early: tuple[st.Statement, ...] | None = None) -> Spec:
        """partial: some statements were dropped by syntax errors, so a missing key may be among them.
        early: when `statements` is read only once (an iterator), the statements among which are all
        those read before the rest (the top level's angka, tahun, renstra and sumber), in order."""
        spec = self.spec
        if early is None:
            early = statements
        for statement in early:
            if isinstance(statement, st.Attr) and statement.key == "angka":
                spec.convention = self.choice(statement, CONVENTIONS) or spec.convention
        self.convention = spec.convention
        self._read_header_early(early)
        for statement in early:
            if isinstance(statement, st.Block) and statement.key == "sumber":
                self.source(statement)
        present = self.dispatch(statements, self.TOP_LEVEL, spec, None)
        for key, label in (("instansi", 'instansi "Nama Instansi"'), ("tahun", "tahun 2023")):
            if getattr(spec, key) is None and key not in present and not partial:
                self.diagnostics.append(error(
                    "E106", _("the spec does not say its {key}").format(key=key), Span.point(self.file, 1, 1),
                    _("add a line such as: {example}").format(example=label)))
        return spec

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

    def sasaran_block(self, block: st.Block, spec: Spec) -> None:
        self._build_or_reuse(block, self.sasaran, ())

    def program_block(self, block: st.Block, spec: Spec) -> None:
        self._build_or_reuse(block, self.program, ())

    def document_block(self, block: st.Block, spec: Spec) -> None:
        # a dokumen's id is checked against the ones before it
        self._build_or_reuse(block, self.document,
                             tuple(d.id for d in spec.documents) if self.cache is not None else ())

    def _build_or_reuse(self, block: st.Block, build: Callable[[st.Block], None], more_context: tuple) -> None:
        """A sasaran, program or dokumen block is built from its own statements and a little context
        (the number style, the report year and Renstra period): with a cache, an unchanged block (the
        same syntax node, from lkjipdsl.session's parse cache) is taken over as it was built."""
        cache = self.cache
        if cache is None:
            build(block)
            return
        spec = self.spec
        context = (self.convention, tuple(sorted(self.source_conventions.items())), spec.tahun,
                   spec.renstra_period, more_context)
        built = cache.previous.get(id(block))
        # a block with diagnostics is built again when it moved: a message may name a line ("given
        # first on line 12"); the spans of the others follow their part (lkjipdsl.diagnostics.PartSpan)
        if (built is not None and built.block is block and built.context == context
                and (not built.diagnostics or built.line == block.key_span.line)
                and len(self.diagnostics) + len(built.diagnostics) < self._recount_at):
            spec.sasaran.extend(built.sasaran)
            spec.programs.extend(built.programs)
            spec.documents.extend(built.documents)
            self.diagnostics.extend(built.diagnostics)
            cache.reused += 1
        else:
            counts = len(spec.sasaran), len(spec.programs), len(spec.documents), len(self.diagnostics)
            build(block)
            built = BuiltBlock(block, context, spec.sasaran[counts[0]:], spec.programs[counts[1]:],
                               spec.documents[counts[2]:], self.diagnostics[counts[3]:], block.key_span.line)
            cache.built += 1
        cache.current[id(block)] = built

    # ---- sasaran and indikator ----
    def sasaran(self, block: st.Block) -> None:
        head = self.head(block, AN_ID_AND_A_NAME)
        if head is None:
            return
        sasaran = Sasaran(head[0], head[1], block.key_span)
        sasaran.id_span = block.atoms[0].span
        if not sasaran.name:
            self._error("E106", _("sasaran {id} has no name").format(id=sasaran.id), block.atoms[0].span,
                        write(f'sasaran {sasaran.id} "Meningkatnya …" {{'))
        present = self.dispatch(block.body, self.SASARAN, sasaran, f"sasaran {sasaran.id}")
        if sasaran.rumus is not None and sasaran.agregasi_span is not None:
            self._error("E102", _("sasaran {id} has both 'agregasi' and 'rumus'").format(id=sasaran.id),
                        sasaran.rumus.key_span, _("a custom rumus replaces the agregasi; keep one"))
        if not present & {"indikator", "rumus"}:
            self.diagnostics.append(warning("W201", _("sasaran {id} has no indikator").format(id=sasaran.id),
                                            block.key_span))
        self.spec.sasaran.append(sasaran)

    def indikator(self, block: st.Block, sasaran: Sasaran) -> None:
        head = self.head(block, AN_ID_AND_A_NAME, id_kinds=("name", "number"))
        if head is None:
            return
        if block.atoms[0].kind == "number" and not all(part.isdigit() for part in head[0].split(".")):
            self._error("E103", _("an indikator's code is written with digits and points, such as 01.01; got "
                                  "{code}").format(code=head[0]), block.atoms[0].span,
                        write(f'indikator IKU1 "{head[1] or "…"}" {{'))
            return
        item = Indikator(head[0], head[1], block.key_span, sasaran.id)
        item.id_span = block.atoms[0].span
        present = self.dispatch(block.body, self.INDIKATOR, item, f"indikator {item.id}")
        self._check_indikator(item, block, present)
        sasaran.indikator.append(item)

    def indikator_target(self, attr: st.Attr, item: Indikator) -> None:
        """target: a number, or LOW..HIGH for polaritas rentang; `dibulatkan` after a number."""
        attr, rounded = without_rounded(attr)
        atoms = self.atoms(attr, 1, NUMBER_OR_RANGE)
        if atoms is None:
            return
        atom = atoms[0]
        if atom.kind == "range":
            low_span = atom.span.columns(atom.span.column, atom.span.column + len(atom.text))
            item.target = self.parse_number_text(atom.text, low_span)
            item.target_atas = self.parse_number_text(atom.high, atom.span)
        else:
            item.target = self.to_number(atom, "target")
            if rounded:
                item.target = as_rounded(item.target)

    def _check_indikator(self, item: Indikator, block: st.Block, present: set[str]) -> None:
        if not item.name:
            self._error("E106", _("indikator {id} has no name").format(id=item.id), block.atoms[0].span,
                        write(f'indikator {item.id} "Nama indikator" {{'))
        if not present & {"polaritas", "rumus"}:
            self._error("E106", _("indikator {id} does not say its polaritas").format(id=item.id), block.key_span,
                        _("add: polaritas maksimal (higher is better) or polaritas minimal (lower is better)"))
        if not present & {"target", "periode", "rumus"}:
            self._error("E106", _("indikator {id} has no target").format(id=item.id), block.key_span,
                        add("target 95"))
        if item.polaritas == "rentang" and item.target is not None and item.target_atas is None:
            self._error("E103", _("indikator {id} has polaritas rentang but a single target").format(id=item.id),
                        item.target.span, _("write the range: target {low}..HIGH").format(low=item.target.text))
        if item.target_atas is not None and item.polaritas not in (None, "rentang"):
            self._error("E103", _("a target range needs polaritas rentang (indikator {id} has {polaritas})").format(
                id=item.id, polaritas=item.polaritas), item.target_atas.span, add("polaritas rentang"))
        if (item.target_atas is not None and item.target is not None and item.target.value is not None
                and item.target_atas.value is not None and item.target.value > item.target_atas.value):
            self._error("E103", _("target range {low}..{high} runs backwards").format(
                low=item.target.text, high=item.target_atas.text),
                item.target_atas.span, _("write the lower bound first"))
        if "satuan" not in present:
            self.diagnostics.append(warning("W202", _("indikator {id} has no satuan").format(id=item.id),
                                            block.key_span, add('satuan "%"')))

    # ---- the budget tree ----
    def program(self, block: st.Block) -> None:
        """A program, or a kegiatan or sub kegiatan at the top level: a unit below eselon II reports
        its kegiatan without the program above them, and they are then the roots of its tree."""
        node = self.budget(block, block.key, None)
        if node is not None:
            self.spec.programs.append(node)

    def budget(self, block: st.Block, kind: str, parent: BudgetNode | None, prefix: str = "") -> BudgetNode | None:
        """A program, kegiatan or subkegiatan (of a dokumen when `prefix` is its id and '/')."""
        head = self.head(block, A_CODE_AND_A_NAME, id_kinds=("number", "name"))
        if head is None:
            return None
        code, name = head
        if block.atoms[0].kind == "number" and not all(p.isdigit() for p in code.split(".")):
            self._error("E103", _("'{code}' is not a code such as 1.2.4").format(code=code), block.atoms[0].span)
            return None
        node = BudgetNode(kind, code, name, block.key_span, parent.id if parent else None, prefix)
        node.id_span = block.atoms[0].span if block.atoms else None
        self.dispatch(block.body, self.DOCUMENT_BUDGET if prefix else self.BUDGET, node, f"{kind} {code}")
        if not name:
            self._error("E106", _("{keyword} {code} has no name").format(keyword=kind, code=code), block.atoms[0].span,
                        write(f'{kind} {code} "Nama {kind}" {{'))
        return node

    def budget_child(self, block: st.Block, node: BudgetNode) -> None:
        """A program, kegiatan or subkegiatan block inside a budget item: its child level, or one
        out of order."""
        kind, other = node.kind, block.key
        child = BUDGET_CHILD[kind]
        if other != child:
            self._error("E112", _("a {level} cannot stand inside a {kind}").format(level=other, kind=kind),
                        block.key_span,
                        _("the order is program > kegiatan > subkegiatan; a {kind} holds {child} blocks").format(
                            kind=kind, child=child) if child else
                        _("the order is program > kegiatan > subkegiatan; a {kind} holds no further blocks").format(
                            kind=kind))
            if BUDGET_LEVELS.index(other) <= BUDGET_LEVELS.index(kind):
                return  # a level skipped is kept, so that no "no anggaran" follows
        built = self.budget(block, other, node, node.prefix)
        if built is not None:
            node.children.append(built)

    def budget_printed(self, attr: st.Attr, node: BudgetNode) -> None:
        self.printed_or_row(attr, node, "dokumen_budget" if node.prefix else "budget")

    def budget_output(self, attr: st.Attr, node: BudgetNode) -> None:
        """`output target 10 realisasi 9 "dokumen"`: the item's output, with its satuan."""
        atoms = list(attr.atoms)
        if atoms and atoms[-1].kind == "string":
            node.output_satuan = atoms.pop().text
        node.output = self.pairs(attr, atoms, OUTPUT_FIELDS)

    # ---- dokumen ----
    def document(self, block: st.Block) -> None:
        head = self.head(block, AN_ID_AND_A_TITLE)
        if head is None:
            return
        document = Document(head[0], head[1] or head[0], block.key_span)
        document.id_span = block.atoms[0].span
        outer = self.convention
        for statement in block.body:
            if isinstance(statement, st.Attr) and statement.key == "angka":
                self.convention = self.choice(statement, CONVENTIONS) or self.convention
        self.dispatch(block.body, self.DOKUMEN, document, f"dokumen {document.id}")
        self.convention = outer
        if any(d.id == document.id for d in self.spec.documents):
            self._error("E110", _("dokumen '{id}' is declared twice").format(id=document.id), block.atoms[0].span)
            return
        self.spec.documents.append(document)

    def document_program(self, block: st.Block, document: Document) -> None:
        node = self.budget(block, block.key, None, document.id + "/")
        if node is not None:
            document.programs.append(node)

    # ---- the keys of each block ----
    TOP_LEVEL = Table({
        "instansi": Key(ValueReader.text, "instansi"),
        "tahun": Key(ValueReader.year, "tahun"),
        "renstra": Key(ValueReader.renstra_period),
        "angka": Key(Declarations.ignored),  # read first
        "skala": Key(ValueReader.name_ref, "skala"),
        "skala_anggaran": Key(ValueReader.name_ref, "skala_anggaran"),
        "target_nol": Key(ValueReader.zero_policy, "zero_policy"),
        "batas_atas": Key(ValueReader.number, "limits.cap"),
        "batas_bawah": Key(ValueReader.number, "limits.floor"),
        "tercetak": Key(ValueReader.printed_or_row, repeatable=True, among="total"),
        "efisiensi": Key(ValueReader.number, "efficiency_threshold"),
        "serapan_induk": Key(ValueReader.choice, "serapan_induk", keep=True, among=PARENT_SERAPAN),
        "pembulatan": Key(ValueReader.choice, "pembulatan", keep=True, among=DISPLAY_ROUNDINGS),
        "standar_nasional": Key(ValueReader.national, "standar_nasional"),
        "tabel": Key(ValueReader.table_title, repeatable=True),
    }, blocks={
        "sasaran": Key(sasaran_block),
        "program": Key(program_block),
        "kegiatan": Key(program_block),
        "subkegiatan": Key(program_block),
        "skala": Key(Declarations.scale),
        "aturan": Key(Declarations.rule),
        "dokumen": Key(document_block),
        "ringkasan": Key(Declarations.summary),
        "pejabat": Key(Declarations.official),
        "sumber": Key(Declarations.ignored),  # read before everything else
    })
    SASARAN = Table({
        "agregasi": Key(ValueReader.choice, "agregasi", span="agregasi_span", keep=True, among=AGREGASI),
        "skala": Key(ValueReader.name_ref, "skala"),
        "batas_atas": Key(ValueReader.number, "limits.cap"),
        "batas_bawah": Key(ValueReader.number, "limits.floor"),
        "keterangan": Key(ValueReader.text, "keterangan"),
        "tercetak": Key(ValueReader.printed, "printed", repeatable=True, among="sasaran"),
    }, blocks={
        "indikator": Key(indikator),
    }, exprs={
        "rumus": Key(ValueReader.expression, "rumus"),
    })
    INDIKATOR = Table({
        "satuan": Key(ValueReader.text, "satuan"),
        "polaritas": Key(ValueReader.choice, "polaritas", span="polaritas_span", among=POLARITAS_WORDS),
        "target": Key(indikator_target),
        "realisasi": Key(ValueReader.number_or_dash, "realisasi"),
        "penanggung_jawab": Key(ValueReader.text, "penanggung_jawab"),
        "keterangan": Key(ValueReader.text, "keterangan"),
        "bobot": Key(ValueReader.number, "bobot"),
        "skala": Key(ValueReader.name_ref, "skala"),
        "target_nol": Key(ValueReader.zero_policy, "zero_policy"),
        "batas_atas": Key(ValueReader.number, "limits.cap"),
        "batas_bawah": Key(ValueReader.number, "limits.floor"),
        "riwayat": Key(ValueReader.history, "riwayat", repeatable=True, among=INDIKATOR_HISTORY),
        "renstra": Key(ValueReader.renstra_entry, "renstra", repeatable=True, among=INDIKATOR_RENSTRA),
        "standar_nasional": Key(ValueReader.national, "standar_nasional"),
        "tercetak": Key(ValueReader.printed_or_row, repeatable=True, among="indikator"),
    }, blocks={
        "periode": Key(Declarations.periods_block),
    }, exprs={
        "rumus": Key(ValueReader.expression, "rumus"),
    })
    # program, kegiatan and subkegiatan alike: a level out of order is reported by budget_child
    BUDGET = Table({
        "anggaran": Key(ValueReader.amount, "anggaran"),
        "realisasi": Key(ValueReader.number_or_dash, "realisasi"),
        "capaian_output": Key(ValueReader.number_or_dash, "capaian_output"),
        "output": Key(budget_output),
        "keterangan": Key(ValueReader.text, "keterangan"),
        "sasaran": Key(ValueReader.name_ref, "sasaran", repeatable=True),
        "riwayat": Key(ValueReader.history, "riwayat", repeatable=True, among=BUDGET_HISTORY),
        "renstra": Key(ValueReader.renstra_entry, "renstra", repeatable=True, among=BUDGET_RENSTRA),
        "standar_nasional": Key(ValueReader.national, "standar_nasional"),
        "tercetak": Key(budget_printed, repeatable=True),
        "target": Key(ValueReader.number_or_dash, "target"),
    }, blocks={
        "periode": Key(Declarations.periods_block),
        "program": Key(budget_child),
        "kegiatan": Key(budget_child),
        "subkegiatan": Key(budget_child),
    })
    # a budget item of a dokumen also says which item of this year's tree it is
    DOCUMENT_BUDGET = BUDGET.but(sama_dengan=Key(ValueReader.code_ref, "link"))
    DOKUMEN = Table({
        "jenis": Key(ValueReader.choice, "jenis", keep=True, among=DOCUMENT_KINDS),
        "angka": Key(Declarations.ignored),  # read first
        "tahun": Key(ValueReader.year, "tahun"),
        "tercetak": Key(ValueReader.printed_or_row, repeatable=True, among="dokumen"),
    }, blocks={
        "program": Key(document_program),
        "kegiatan": Key(document_program),
        "subkegiatan": Key(document_program),
    })
