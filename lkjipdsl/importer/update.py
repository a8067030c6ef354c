"""`lkjipdsl import FILE --update SPEC`: new anggaran, realisasi and monthly figures into a spec,
changing nothing else.

The spec's own syntax tree gives where each value stands (its span); the new figures replace
exactly those characters, and a value the spec does not have yet is inserted as a line of its
own in the block's indentation. Comments, order, blank lines, assertions and everything else
stay byte for byte. Sub kegiatan that the export has and the spec lacks (or the reverse) are
reported, never added or dropped in silence; `--add` adds them under their parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..syntax import tree as st
from ..diagnostics import Diagnostic, Span, error, warning
from ..patterns import compiled
from ..fields import BUDGET_LEVELS
from ..i18n import _
from . import draft as d
from .writer import INDENT, quote, spec_number

BUDGET = BUDGET_LEVELS
MONTH_ALIASES = {"pebruari": "februari", "nopember": "november", "agt": "agustus", "ags": "agustus",
                 "agu": "agustus", "nop": "november", "peb": "februari", "jan": "januari", "feb": "februari",
                 "mar": "maret", "apr": "april", "jun": "juni", "jul": "juli", "sep": "september",
                 "okt": "oktober", "nov": "november", "des": "desember"}


@dataclass
class Updated:
    text: str | None  # None: nothing to write (errors)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    changed: dict[str, int] = field(default_factory=dict)  # what changed, counted: anggaran, realisasi, bulan
    unchanged: int = 0
    added: list[str] = field(default_factory=list)
    missing_in_spec: list[str] = field(default_factory=list)
    missing_in_export: list[str] = field(default_factory=list)


@dataclass
class _Node:
    block: st.Block
    kind: str
    code: str
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)


def _of_another_report(spec, imported: d.Draft, file: str) -> Diagnostic | None:
    """I305 when the export is of another year than the spec (budget codes are the same national
    nomenclature in every unit and year, so the codes alone match); I306 when it names another
    instansi (a name may be written in more than one way: a warning)."""
    header = dict(imported.header)
    tahun, instansi = header.get("tahun", ""), header.get("instansi", "").strip('"')
    if tahun.isdigit() and spec.tahun and int(tahun) != spec.tahun:
        return error("I305", _("the export is of tahun {export}, {file} of {spec}: its figures are not taken").format(
            export=tahun, file=file, spec=spec.tahun), None,
            _("name the export of {year}; if its title block gives the wrong year, say the right one with --tahun")
            .format(year=spec.tahun))
    if instansi and spec.instansi and " ".join(instansi.casefold().split()) != " ".join(spec.instansi.casefold()
                                                                                            .split()):
        return warning("I306", _("the export is of '{export}', {file} of '{spec}'").format(
            export=instansi, file=file, spec=spec.instansi), None,
            _("if it is the same unit written another way, nothing is wrong; else name the unit's own export"))
    return None


def update(text: str, file: str, imported: d.Draft, add: bool = False) -> Updated:
    """The spec `text` with the figures of `imported` (a Draft read from an export or workbook)."""
    from .. import api, syntax
    from ..limits import Limits
    from ..syntax import prescan

    loaded = api.loads(text, file)
    if not loaded.ok:
        errors = [x for x in loaded.diagnostics if x.is_error]
        return Updated(None, [error("I301", _("{file} has {count} error(s): it is not updated").format(
                                        file=file, count=len(errors)), None,
                                    _("fix them first ('lkjipdsl check {file}')").format(file=file))] + errors[:10])
    other = _of_another_report(loaded.spec, imported, file)
    if other is not None and other.is_error:
        return Updated(None, [other])
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    scan = prescan(text.lstrip("\ufeff"), file, Limits(), deep=False)
    source = scan.text
    statements, problems = syntax.parse(source, file)
    if problems:  # loads said it was fine: this would be a bug
        return Updated(None, problems)
    editor = _Editor(source, loaded.spec.convention)
    nodes = _index(statements)
    result = Updated(None, [other] if other else [])
    wanted = {item.code: item for item in imported.budget() if not item.children}
    spec_leaves = {code: node for code, node in nodes.items() if not node.children}
    for code, item in wanted.items():
        node = spec_leaves.get(code)
        if node is None:
            if code in nodes:  # a parent in the spec, a leaf in the export: its figures come from its children
                continue
            result.missing_in_spec.append(code)
            continue
        _update_leaf(editor, node, item, result)
    for code, node in spec_leaves.items():
        if code not in wanted and node.kind == "subkegiatan":
            result.missing_in_export.append(code)
    if add and result.missing_in_spec:
        _add(editor, nodes, imported, result.missing_in_spec, result)
    else:
        for code in result.missing_in_spec:
            result.diagnostics.append(warning(
                "I302", _("{kind} {code} is in the export but not in {file}; it was not added").format(
                    kind=wanted[code].kind, code=code, file=file), wanted[code].where,
                _("give --add to add the items the spec lacks (under their program and kegiatan)")))
    for code in result.missing_in_export:
        node = spec_leaves[code]
        result.diagnostics.append(warning(
            "I303", _("sub kegiatan {code} is in {file} but not in the export; its figures were left as they "
                      "are").format(code=code, file=file),
            node.block.key_span, _("remove it from the spec if it was dropped from the budget")))
    # the edits go into the file as it was read where the prescan's text has its every character at
    # the same place (a non-breaking space read as a space, a lone carriage return as a line break):
    # what the edits do not touch stays byte for byte
    read = text.lstrip("\ufeff")
    result.text = bom + editor.apply(read if len(read) == len(source) else source)
    return result


def _index(statements) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}

    def visit(block: st.Block, parent: _Node | None) -> None:
        if not block.atoms:
            return
        node = _Node(block, block.key, block.atoms[0].text, parent)
        nodes[node.code] = node
        if parent is not None:
            parent.children.append(node)
        for child in block.body:
            if isinstance(child, st.Block) and child.key in BUDGET:
                visit(child, node)

    for statement in statements:
        if isinstance(statement, st.Block) and statement.key in BUDGET:
            visit(statement, None)
    return nodes


class _Editor:
    """Edits of the source by offsets, applied at once, from the end backwards."""

    def __init__(self, source: str, convention: str):
        self.source = source
        self.convention = convention
        self.starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self.starts.append(index + 1)
        self.edits: list[tuple[int, int, str]] = []

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def number(self, value: Decimal | None) -> str:
        text = spec_number(value)
        return _international(text) if self.convention == "internasional" else text

    def replace(self, span: Span, text: str) -> None:
        self.edits.append((self.offset(span.line, span.column), self.offset(span.end_line, span.end_column), text))

    def insert(self, at: int, text: str) -> None:
        self.edits.append((at, at, text))

    def closing_brace(self, block: st.Block) -> int:
        """The offset of the block's closing brace: after its last part, skipping texts and comments."""
        if block.body:
            last = block.body[-1]
            span = _block_end(self, last) if isinstance(last, st.Block) else _part_span(last)
            return _find_brace(self.source, self.offset(span.end_line, span.end_column), inside=True)
        last = block.atoms[-1].span if block.atoms else block.key_span
        return _find_brace(self.source, self.offset(last.end_line, last.end_column), inside=False)

    def indent_of(self, line: int) -> str:
        text = self.source[self.starts[line - 1]:]
        return text[:len(text) - len(text.lstrip(" \t"))]

    def indent_inside(self, block: st.Block) -> str:
        """The indentation of the block's statements (its own plus one unit when it has none on a line)."""
        for part in block.body:
            line = part.key_span.line
            if line != block.key_span.line:
                before = self.source[self.starts[line - 1]:self.offset(line, part.key_span.column)]
                if not before.strip():
                    return before
        return self.indent_of(block.key_span.line) + self.unit()

    def unit(self) -> str:
        """One level of indentation as the spec writes it (four spaces when it cannot tell)."""
        for line_start in self.starts[1:]:
            text = self.source[line_start:line_start + 16]
            stripped = text.lstrip(" \t")
            if stripped and text != stripped and not stripped.startswith(("#", "//", "}")):
                return text[:len(text) - len(stripped)]
        return INDENT

    def lines(self, lines: list[str], base: str) -> str:
        """Lines written by lkjipdsl.importer.writer at depth 0, in this spec's indentation from `base`."""
        unit = self.unit()
        out = []
        for line in lines:
            stripped = line.lstrip(" ")
            depth = (len(line) - len(stripped)) // len(INDENT)
            out.append(base + unit * depth + stripped)
        text = "\n".join(out)
        return _swap(text) if self.convention == "internasional" else text

    def add_line(self, block: st.Block, text: str) -> None:
        """Statements (already indented) inserted as the block's last lines, or before the `}` of a
        one-line block."""
        text = text.rstrip("\n")
        brace = self.closing_brace(block)
        line_start = self.source.rfind("\n", 0, brace) + 1
        if self.source[line_start:brace].strip():  # `}` shares its line: a one-line block
            if "\n" not in text:
                self.insert(brace, f"; {text.strip()} ")
            else:
                self.insert(brace, "\n" + text + "\n" + self.indent_of(block.key_span.line))
            return
        self.insert(line_start, text + "\n")

    def apply(self, text: str) -> str:
        """`text` (the source, or the file as read, of the same length) with the edits made, in one
        pass (a 2,5 MB spec with every figure changed took 10 s when each edit copied the text), and
        with the file's line breaks: CRLF in the lines an edit adds when the file has them."""
        crlf = text.count("\r\n") * 2 > text.count("\n")
        order = sorted(range(len(self.edits)), key=lambda i: (self.edits[i][0], self.edits[i][1], i))
        pieces, done = [], 0
        for index in order:  # inserts at one place keep their order
            start, end, new = self.edits[index]
            pieces.append(text[done:start])
            pieces.append(new.replace("\r\n", "\n").replace("\n", "\r\n") if crlf else new)
            done = max(done, end)
        pieces.append(text[done:])
        return "".join(pieces)


def _part_span(part) -> Span:
    if isinstance(part, st.ExprAttr):
        return Span(part.key_span.file, part.key_span.line, part.key_span.column, part.expr.span.end_line,
                    part.expr.span.end_column)
    return part.span


def _block_end(editor: _Editor, block: st.Block) -> Span:
    brace = editor.closing_brace(block)
    line = editor.source.count("\n", 0, brace) + 1
    column = brace - editor.starts[line - 1] + 1
    return Span(block.key_span.file, line, column, line, column + 1)


def _find_brace(source: str, position: int, inside: bool) -> int:
    """The offset of the `}` that closes a block: `position` is inside it (after its last part),
    or, when not `inside`, at the end of its header (its `{` still to come)."""
    depth = 0 if inside else -1
    index, length = position, len(source)
    while index < length:
        char = source[index]
        if char == '"':
            index += 1
            while index < length and source[index] not in '"\n':
                index += 2 if source[index] == "\\" else 1
        elif char == "#" or source.startswith("//", index):
            index = source.find("\n", index)
            if index < 0:
                break
        elif char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return index
            depth -= 1
        index += 1
    raise ValueError("no closing brace")  # the spec loaded without errors: it has one


def _attr(block: st.Block, key: str) -> st.Attr | None:
    return next((p for p in block.body if isinstance(p, st.Attr) and p.key == key), None)


def _update_leaf(editor: _Editor, node: _Node, item: d.Budget, result: Updated) -> None:
    block = node.block
    indent = editor.indent_inside(block)
    for key, value, present in (("anggaran", item.anggaran, True), ("realisasi", item.realisasi, item.has_realisasi)):
        if not present:
            continue
        attr = _attr(block, key)
        new = editor.number(value)
        if attr is None:
            editor.add_line(block, f"{indent}{key} {new}")
            result.changed[key] = result.changed.get(key, 0) + 1
        elif not attr.atoms or _value(attr.atoms[0], editor) != value:
            target = attr.atoms[0].span if attr.atoms else attr.key_span
            if attr.atoms:
                editor.replace(target, new)
            else:
                editor.insert(editor.offset(target.end_line, target.end_column), " " + new)
            result.changed[key] = result.changed.get(key, 0) + 1
        else:
            result.unchanged += 1
    if item.periods is not None:
        _update_periods(editor, block, item.periods, indent, result)


def _value(atom: st.Atom, editor: _Editor) -> Decimal | None:
    from ..numbers import NumberError, parse_number

    if atom.kind == "dash":
        return None
    try:
        return parse_number(atom.text, editor.convention).value
    except (NumberError, ValueError):
        return Decimal("NaN")


def _update_periods(editor: _Editor, block: st.Block, periods: d.Periods, indent: str, result: Updated) -> None:
    existing = next((p for p in block.body if isinstance(p, st.Block) and p.key == "periode"), None)
    if existing is None:
        from .writer import periods_lines

        editor.add_line(block, editor.lines(periods_lines(periods, 0), indent))
        result.changed["bulan"] = result.changed.get("bulan", 0) + len(periods.rows)
        return
    words = [atom.text for atom in existing.atoms]
    combine = words[words.index("gabung") + 1] if "gabung" in words[:-1] else "jumlah"
    if periods.combine == "terakhir" and combine == "jumlah":
        result.diagnostics.append(warning(
            "I307", _("the export's months are running totals (the last equals the year's realisasi), and this "
                      "periode adds its months up (gabung jumlah)"), existing.key_span,
            _("write 'gabung terakhir' on this periode if its months are running totals too")))
    rows = {}
    for part in existing.body:
        if isinstance(part, st.Attr):
            rows[MONTH_ALIASES.get(part.key.lower(), part.key.lower())] = part
    inner = editor.indent_inside(existing)
    for period in periods.rows:
        attr = rows.get(period.name)
        if attr is None:
            editor.add_line(existing, f"{inner}{period.name} {editor.number(period.target)} "
                                      f"{editor.number(period.realisasi)}")
            result.changed["bulan"] = result.changed.get("bulan", 0) + 1
            continue
        changed = False
        for name, value in (("target", period.target), ("realisasi", period.realisasi)):
            if name not in periods.given:  # the export has no such figure: the spec's stays
                continue
            atom = _row_atom(attr, name)
            if atom is None:
                if value is not None and attr.atoms:  # a row written without it: the figure goes at its end
                    last = attr.atoms[-1]
                    named = any(atom.kind == "name" for atom in attr.atoms)  # `februari target 50.000`
                    editor.insert(editor.offset(last.span.end_line, last.span.end_column),
                                  f" {name} {editor.number(value)}" if named else f" {editor.number(value)}")
                    changed = True
                continue
            if _value(atom, editor) != value:
                editor.replace(atom.span, editor.number(value))
                changed = True
        result.changed["bulan"] = result.changed.get("bulan", 0) + changed
        result.unchanged += not changed


def _row_atom(attr: st.Attr, name: str) -> st.Atom | None:
    """The atom of a period row that holds its target or realisasi (positional or named)."""
    atoms = attr.atoms
    for index, atom in enumerate(atoms[:-1]):
        if atom.kind == "name" and atom.text == name:
            return atoms[index + 1]
    if any(atom.kind == "name" for atom in atoms):
        return None
    position = 0 if name == "target" else 1
    return atoms[position] if len(atoms) > position else None


def _swap(text: str) -> str:
    """Lines the writer wrote in Indonesian notation, in international: the separators of their
    figures swapped, and only theirs (a code after its kind, 7.01.01.2.01, and a quoted name stay)."""
    return _FIGURE_OR_KEPT.sub(lambda m: m.group() if m.lastgroup == "kept" else _international(m.group()), text)


def _international(figure: str) -> str:
    """A figure in Indonesian notation (1.234,5) in international (1,234.5)."""
    return figure.replace(".", "\0").replace(",", ".").replace("\0", ",")


_FIGURE_OR_KEPT = compiled(r'(?P<kept>"(?:[^"\\\n]|\\.)*"|\b(?:program|kegiatan|subkegiatan|sama_dengan)[ \t]+\S+)'
                           r"|(?P<figure>(?<![\w.,])-?[0-9][0-9.,]*)")


def _add(editor: _Editor, nodes: dict[str, _Node], imported: d.Draft, codes: list[str], result: Updated) -> None:
    """Add the leaves the spec lacks, with the kegiatan and programs it lacks, under the nearest
    item it has (a new program at the end of the file)."""
    from .writer import budget_lines

    items = {item.code: item for item in imported.budget()}
    parents = {child.code: parent for parent in imported.budget() for child in parent.children}
    groups: dict[str, set[str]] = {}  # the topmost item to add -> every item to add under it
    for code in codes:
        chain = []
        item = items[code]
        while item is not None and item.code not in nodes:
            chain.append(item.code)
            item = parents.get(item.code)
        groups.setdefault(chain[-1], set()).update(chain)
        result.added.append(code)
    for top, wanted in groups.items():
        subtree = _only(items[top], wanted)
        parent = parents.get(top)
        if parent is None:  # a program the spec lacks: at the end of the file
            text = editor.lines(budget_lines(subtree, 0), "")
            editor.insert(len(editor.source), ("\n" if editor.source.endswith("\n") else "\n\n") + text + "\n")
        else:
            block = nodes[parent.code].block
            editor.add_line(block, editor.lines(budget_lines(subtree, 0), editor.indent_inside(block)))


def _only(item: d.Budget, codes: set[str]) -> d.Budget:
    """The item with only the children on the way to the added leaves (and no printed rows)."""
    copy = d.Budget(item.kind, item.code, item.name, item.anggaran, item.realisasi, item.has_realisasi,
                    periods=item.periods)
    copy.children = [_only(child, codes) for child in item.children if child.code in codes]
    return copy


__all__ = ["Updated", "update", "quote"]
