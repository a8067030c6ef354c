"""The input workbook (`lkjipdsl template`) read back into a Draft.

Columns are found by their headings (lkjipdsl.importer.isian), so they may be reordered or
hidden; a heading that cannot be found is named, with what was looked for. Every cell that
cannot be read is a diagnostic naming it; nothing is dropped in silence.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from ..diagnostics import did_you_mean
from ..i18n import _
from . import draft as d
from . import isian
from .cells import CellReader, normal
from .levels import level_of, parent_code
from .sheets import Sheet, Workbook
from ..patterns import compiled

_NAME = compiled(r"^[^\W\d]\w*$")
# the ids a spec takes: a name that may go on in points and digits (IKU.1.2, SS.1); an indikator's
# also a code of digits and points (01.01), as reports number them
_SASARAN_ID = compiled(r"^[^\W\d]\w*(?:\.[0-9]+)*$")
_INDIKATOR_ID = compiled(r"^(?:[^\W\d]\w*(?:\.[0-9]+)*|[0-9]+(?:\.[0-9]+)*)$")
_MAX_HEADING_ROW = 30


def is_isian(workbook: Workbook) -> bool:
    names = {sheet.name for sheet in workbook.sheets}
    return (isian.VERSION_PROPERTY in workbook.properties or isian.VERSION_SHEET in names
            or {"Identitas", "Anggaran"} <= names)


def read(workbook: Workbook) -> tuple[d.Draft, list]:
    sheets = {sheet.name: sheet for sheet in workbook.sheets}
    reader = CellReader()
    draft = d.Draft(comments=[f"Diimpor dari {workbook.file} (isian lkjipdsl versi "
                              f"{workbook.properties.get(isian.VERSION_PROPERTY, '?')}) oleh lkjipdsl import."])
    identitas = sheets.get("Identitas")
    if identitas is None:
        reader.diagnostics.append(_missing_sheet(workbook, "Identitas"))
        return draft, reader.diagnostics
    header = _identitas(identitas, reader)
    reader.convention = header.pop("_angka", "indonesia")
    draft.header = _header_lines(header)
    items: dict[str, object] = {}
    sheet = sheets.get("Sasaran & Indikator")
    if sheet is not None:
        draft.sasaran = _sasaran(sheet, reader, items)
    sheet = sheets.get("Anggaran")
    if sheet is not None:
        draft.programs = _anggaran(sheet, reader, items)
    for name, read_rows in (("Bulanan", _bulanan), ("Riwayat & Renstra", _riwayat), ("Tercetak", _tercetak)):
        sheet = sheets.get(name)
        if sheet is not None:
            read_rows(sheet, reader, items, draft)
    read_sheets = [*isian.SHEET_BY_NAME]
    for sheet in workbook.sheets:
        if sheet.name not in isian.SHEET_BY_NAME and sheet.name not in _NOT_READ and sheet.rows:
            reader.warn("I207", _("sheet '{sheet}' is not one the importer reads: its cells are not read").format(
                sheet=sheet.name), sheet, 1, 1, did_you_mean(sheet.name, read_sheets) or
                _("the sheets read: {names}").format(names=", ".join(read_sheets)))
    for sheet in workbook.sheets:
        hidden_rows = len(sheet.hidden_rows & set(sheet.rows))
        if sheet.name in isian.SHEET_BY_NAME and (sheet.hidden or hidden_rows):
            message = (_("'{sheet}': the sheet is hidden in Excel; read like the rest") if sheet.hidden else
                       _("'{sheet}': {count} hidden row(s) in Excel; read like the rest"))
            reader.warn("I204", message.format(sheet=sheet.name, count=hidden_rows), sheet, 1, 1,
                        _("hidden rows count like the others; delete them if they do not belong"))
    return draft, reader.diagnostics


_NOT_READ = ("Petunjuk", isian.VERSION_SHEET)  # the template's sheets that hold no data


def _missing_sheet(workbook: Workbook, name: str):
    from ..diagnostics import error

    names = [sheet.name for sheet in workbook.sheets]
    return error("I105", _("'{file}' has no sheet '{sheet}'").format(file=workbook.file, sheet=name), None,
                 did_you_mean(name, names) or _("sheets: {names}").format(names=", ".join(names)))


# ---- headings ----
def columns(sheet: Sheet, spec: isian.SheetSpec, reader: CellReader) -> tuple[int, dict[str, int]] | None:
    """(heading row, column key -> column number), or None after a diagnostic naming what was looked for."""
    wanted = {normal(column.heading): column.key for column in spec.columns}
    best_row, best = 0, {}
    for row in sorted(r for r in sheet.rows if r <= _MAX_HEADING_ROW):
        found = {}
        for col, value in sheet.rows[row].items():
            key = wanted.get(normal(value))
            if key is not None:
                found.setdefault(key, col)
        if len(found) > len(best):
            best_row, best = row, found
    missing = [c.heading for c in spec.columns if c.required and c.key not in best]
    if best_row and not missing:
        _unread_columns(sheet, spec, best_row, best, reader)
    if missing:
        from ..diagnostics import error

        looked = ", ".join(f"'{c.heading}'" for c in spec.columns if c.required)
        reader.diagnostics.append(error(
            "I105", _("sheet '{sheet}': cannot find the heading(s) {headings}").format(
                sheet=sheet.name, headings=", ".join(f"'{m}'" for m in missing)),
            sheet.cell(best_row or 1, 1), _("the heading row must name the columns {columns}; keep the headings "
                                            "as the template wrote them (lkjipdsl template)").format(columns=looked)))
        return None
    return best_row, best


def _unread_columns(sheet: Sheet, spec: isian.SheetSpec, heading: int, found: dict[str, int],
                   reader: CellReader) -> None:
    """I207 for each column with cells below its heading that is not read: a heading the sheet does
    not have (renamed: "Realisasi" for "Realisasi (Rp)"), or one written twice (the first is read)."""
    wanted = {normal(column.heading): column.key for column in spec.columns}
    headings = [column.heading for column in spec.columns]
    filled = {col for row, cells in sheet.rows.items() if row > heading for col in cells}
    for col, value in sorted(sheet.rows[heading].items()):
        if col not in filled or col in found.values():
            continue
        shown = " ".join(str(value).split())
        key = wanted.get(normal(value))
        if key is not None:
            first = sheet.cell(heading, found[key]).reference.rstrip("0123456789")
            reader.warn("I207", _("the heading '{heading}' is written twice: only the first, in column {column}, is "
                                  "read").format(heading=shown, column=first), sheet, heading, col,
                        _("delete or rename the second column"))
        else:
            reader.warn("I207", _("the column '{heading}' is not one the importer reads: its cells are not "
                                  "read").format(heading=shown), sheet, heading, col,
                        did_you_mean(shown, headings) or _("the headings read: {headings}").format(
                            headings=", ".join(headings)))


def _rows(sheet: Sheet, heading: int) -> list[int]:
    return sorted(r for r in sheet.rows if r > heading)


# ---- Identitas ----
def _identitas(sheet: Sheet, reader: CellReader) -> dict:
    found = columns(sheet, isian.SHEET_BY_NAME["Identitas"], reader)
    values: dict = {}
    if found is None:
        return values
    heading, cols = found
    known = {key: (kind, choices, required) for key, _, kind, choices, required in isian.IDENTITAS_KEYS}
    rows_of: dict[str, int] = {}  # the first row of each key
    given: dict[str, int] = {}  # the row whose value each key has
    for row in _rows(sheet, heading):
        key = reader.text(sheet, row, cols["kunci"])
        if key is None:
            continue
        key = normal(key)
        if key in known:
            rows_of.setdefault(key, row)
        if key not in known:
            reader.fail("I102", _("unknown key '{key}' in Identitas").format(key=key), sheet, row, cols["kunci"],
                        did_you_mean(key, known) or _("keys: {keys}").format(keys=", ".join(known)))
            continue
        kind, choices, _required = known[key]
        col = cols["nilai"]
        if kind == "year":
            value = reader.year(sheet, row, col)
        elif kind == "number":
            present, value = reader.number(sheet, row, col)
            value = value if present else None
        elif kind == "choice":
            value = reader.choice(sheet, row, col, choices, _("value of {key}").format(key=key)) if key != "skala" and \
                key != "skala_anggaran" else _scale_name(reader, sheet, row, col)
        elif key == "target_nol":
            value = _zero_policy(reader, sheet, row, col)
        else:
            value = reader.text(sheet, row, col)
        if value is None:  # (a key's row left empty, as the template lists every key: another may fill it)
            continue
        if key in values and values[key] != value:  # two values: neither is taken over the other unsaid
            reader.fail("I103", _("'{key}' is given twice in Identitas, first on row {row}").format(
                key=key, row=given[key]), sheet, row, cols["kunci"], _("keep one row for each key"))
            continue
        values[key], given[key] = value, given.get(key, row)
    for key, (_kind, _choices, required) in known.items():
        if required and key not in values:
            row = rows_of.get(key, heading)
            reader.fail("I106", _("Identitas: '{key}' is required").format(key=key), sheet, row,
                        cols["nilai"] if key in rows_of else cols["kunci"],
                        _("write the {key} in the Nilai column of its row").format(key=key) if key in rows_of else
                        _("add a row with '{key}' in the Kunci column and its value in the Nilai column").format(
                            key=key))
    both = ("renstra_awal", "renstra_akhir")
    if len([key for key in both if key in values]) == 1:  # a period has two ends: one alone says nothing
        given_key = next(key for key in both if key in values)
        other = both[1] if given_key == both[0] else both[0]
        reader.fail("I106", _("Identitas: '{given}' is given without '{other}'").format(given=given_key, other=other),
                    sheet, rows_of.get(other, given[given_key]), cols["nilai"] if other in rows_of else cols["kunci"],
                    _("write both years of the Renstra period, or neither"))
    if "angka" in values:
        values["_angka"] = values.pop("angka")
    return values


def _scale_name(reader: CellReader, sheet: Sheet, row: int, col: int) -> str | None:
    text = reader.text(sheet, row, col)
    if text is not None and not _NAME.match(text):
        reader.fail("I102", _("'{text}' is not a scale name").format(text=text), sheet, row, col,
                    _("built-in scales: {scales}").format(scales=", ".join(isian.SKALA)))
        return None
    return text


def _zero_policy(reader: CellReader, sheet: Sheet, row: int, col: int):
    text = reader.text(sheet, row, col)
    if text is None or normal(text) in isian.TARGET_NOL:
        return normal(text) if text else None
    present, value = reader.number(sheet, row, col, _("galat, kosong or a number"))
    return value if present else None


def _header_lines(values: dict) -> list[tuple[str, str]]:
    from .writer import quote, spec_number

    lines = []
    if "instansi" in values:
        lines.append(("instansi", quote(values["instansi"])))
    if "tahun" in values:
        lines.append(("tahun", str(values["tahun"])))
    if "renstra_awal" in values and "renstra_akhir" in values:
        lines.append(("renstra", f"{values['renstra_awal']}..{values['renstra_akhir']}"))
    lines.append(("angka", "indonesia"))
    for key in ("skala", "skala_anggaran"):
        if key in values:
            lines.append((key, values[key]))
    if "target_nol" in values:
        value = values["target_nol"]
        lines.append(("target_nol", value if isinstance(value, str) else spec_number(value)))
    for key in ("batas_atas", "batas_bawah", "efisiensi"):
        if key in values:
            lines.append((key, spec_number(values[key])))
    for key in ("pembulatan", "serapan_induk"):
        if key in values:
            lines.append((key, values[key]))
    return lines


# ---- Sasaran & Indikator ----
def _sasaran(sheet: Sheet, reader: CellReader, items: dict) -> list[d.Sasaran]:
    found = columns(sheet, isian.SHEET_BY_NAME["Sasaran & Indikator"], reader)
    if found is None:
        return []
    heading, cols = found
    result: dict[str, d.Sasaran] = {}
    for row in _rows(sheet, heading):
        sasaran_id = _identifier(reader, sheet, row, cols["sasaran"], "sasaran")
        indikator_id = _identifier(reader, sheet, row, cols["indikator"], "indikator")
        if sasaran_id is None:
            if indikator_id is not None or reader.text(sheet, row, cols["nama_indikator"]):
                reader.fail("I106", _("an indikator without its sasaran's ID"), sheet, row, cols["sasaran"],
                            _("write the ID of the sasaran this indikator belongs to"))
            continue
        sasaran = result.get(sasaran_id)
        if sasaran is None:
            if sasaran_id in items:
                reader.fail("I103", _("the id '{id}' is used twice").format(id=sasaran_id), sheet, row, cols["sasaran"])
                continue
            sasaran = result[sasaran_id] = d.Sasaran(sasaran_id, "", where=sheet.cell(row, cols["sasaran"]))
            items[sasaran_id] = sasaran
        name = reader.text(sheet, row, cols.get("nama_sasaran"))
        if name and not sasaran.name:
            sasaran.name = name
        agregasi = reader.choice(sheet, row, cols.get("agregasi"), isian.AGREGASI, "agregasi")
        if agregasi and not sasaran.agregasi:
            sasaran.agregasi = agregasi
        if indikator_id is None:
            continue
        if indikator_id in items:
            reader.fail("I103", _("the id '{id}' is used twice").format(id=indikator_id), sheet, row, cols["indikator"],
                        _("every sasaran and indikator needs an ID of its own"))
            continue
        indikator = _indikator(sheet, row, cols, reader, indikator_id)
        items[indikator_id] = indikator
        sasaran.indikator.append(indikator)
    for sasaran in result.values():
        if not sasaran.name:
            row = sasaran.where.row
            reader.fail("I106", _("sasaran {id} has no name").format(id=sasaran.id), sheet, row,
                        cols.get("nama_sasaran", 1), _("write the sasaran's name on its first row"))
    return list(result.values())


def _indikator(sheet: Sheet, row: int, cols: dict, reader: CellReader, indikator_id: str) -> d.Indikator:
    name = reader.text(sheet, row, cols["nama_indikator"])
    if not name:
        reader.fail("I106", _("indikator {id} has no name").format(id=indikator_id), sheet, row,
                    cols["nama_indikator"])
    indikator = d.Indikator(indikator_id, name or "", where=sheet.cell(row, cols["indikator"]))
    indikator.satuan = reader.text(sheet, row, cols.get("satuan"))
    indikator.polaritas = reader.choice(sheet, row, cols.get("polaritas"), isian.POLARITAS, "polaritas")
    if indikator.polaritas is None and reader.text(sheet, row, cols.get("polaritas")) is None:
        reader.fail("I106", _("indikator {id} has no polaritas").format(id=indikator_id), sheet, row,
                    cols["polaritas"], _("maksimal (higher is better), minimal (lower is better), rentang or stabil"))
    indikator.has_target, indikator.target = reader.number(sheet, row, cols.get("target"), _("a target"))
    present, high = reader.number(sheet, row, cols.get("target_atas"), _("an upper target"))
    if present and high is not None:
        indikator.target_atas = high
    indikator.has_realisasi, indikator.realisasi = reader.number(sheet, row, cols.get("realisasi"),
                                                                 _("a realisasi"))
    present, bobot = reader.number(sheet, row, cols.get("bobot"), _("a weight"))
    indikator.bobot = bobot if present else None
    indikator.penanggung_jawab = reader.text(sheet, row, cols.get("penanggung_jawab"))
    indikator.keterangan = reader.text(sheet, row, cols.get("keterangan"))
    return indikator


def _held_as_number(sheet: Sheet, row: int, col: int, text: str) -> bool:
    """Whether an id or code cell holds a number with a point: what was typed may have lost a digit
    to Excel (01.01 held as 1.01, 1.10 as 1.1)."""
    return isinstance(sheet.get(row, col), Decimal) and "." in text


def _not_an_id(reader: CellReader, sheet: Sheet, row: int, col: int, what: str) -> bool:
    """Whether the cell holds a date, a time or TRUE/FALSE where an id or a code belongs, said as
    I101: what was typed there (1.10, 1-2, true) was read by Excel as one, and no id or code can be
    told from it."""
    value = sheet.get(row, col)
    if isinstance(value, bool):
        reader.fail("I101", _("{what} is expected here, not {value}").format(what=what, value=str(value).upper()),
                    sheet, row, col, _("Excel read what was typed here as TRUE or FALSE: format the column as Text "
                                       "and type the id or code again"))
        return True
    if not isinstance(value, (date, time)):
        return False
    message = (_("{what} is expected here, not a time of day") if isinstance(value, time) else
               _("{what} is expected here, not a date"))
    reader.fail("I101", message.format(what=what), sheet, row, col,
                _("Excel read what was typed here as a date or a time (1.10 can become 1 October): format the "
                  "column as Text and type it again"))
    return True


def _identifier(reader: CellReader, sheet: Sheet, row: int, col: int | None, what: str) -> str | None:
    if col is not None and _not_an_id(reader, sheet, row, col, _("a sasaran ID") if what == "sasaran" else
                                         _("an indikator ID")):
        return None
    text = reader.text(sheet, row, col)
    if text is None:
        return None
    pattern = _SASARAN_ID if what == "sasaran" else _INDIKATOR_ID
    if not pattern.match(text) or text in ("total", "anak"):
        message = (_("'{text}' cannot be the ID of a sasaran") if what == "sasaran" else
                   _("'{text}' cannot be the ID of an indikator"))
        reader.fail("I101", message.format(text=text), sheet, row, col,
                    _("an ID is a letter or _ followed by letters, digits and _, and may go on in points and digits "
                      "(S1, IKU_2, IKU.1.2); an indikator's may also be a code of digits and points (01.01); not "
                      "total or anak") if what != "sasaran" else
                    _("an ID is a letter or _ followed by letters, digits and _, and may go on in points and digits "
                      "(S1, SS.1); not total or anak"))
        return None
    if _held_as_number(sheet, row, col, text):  # (a sasaran's id cannot be a number)
        reader.warn("I201", _("the id {id} is a number in Excel, not a text").format(id=text), sheet, row, col,
                    _("an id such as 01.01 becomes 1.01 as a number, and 1.10 becomes 1.1: format the column as "
                      "Text and type the id again"))
    return text


# ---- Anggaran ----
def _below_program(roots: list[d.Budget]) -> bool:
    """The budget read so far starts below the program level (a unit that reports its kegiatan and
    sub kegiatan without a program)."""
    return bool(roots) and all(root.kind != "program" for root in roots)


def _anggaran(sheet: Sheet, reader: CellReader, items: dict) -> list[d.Budget]:
    found = columns(sheet, isian.SHEET_BY_NAME["Anggaran"], reader)
    if found is None:
        return []
    heading, cols = found
    programs: list[d.Budget] = []
    last: dict[str, d.Budget] = {}
    parents_given: list[tuple[d.Budget, int, Decimal | None, Decimal | None]] = []
    for row in _rows(sheet, heading):
        if _not_an_id(reader, sheet, row, cols["kode"], _("a budget code")):
            continue
        code = reader.text(sheet, row, cols["kode"])
        name = reader.text(sheet, row, cols["uraian"])
        if code is None:
            if name or any(sheet.get(row, c) is not None for c in cols.values()):
                reader.fail("I106", _("a budget row without its code"), sheet, row, cols["kode"],
                            _("every program, kegiatan and sub kegiatan needs its code"))
            continue
        if _held_as_number(sheet, row, cols["kode"], code):
            reader.warn("I201", _("the code {code} is a number in Excel, not a text").format(code=code), sheet, row,
                        cols["kode"], _("a code such as 1.10 becomes 1.1 as a number: format the column as Text"))
        kind = reader.choice(sheet, row, cols.get("tingkat"), isian.TINGKAT, _("level (program, kegiatan, "
                                                                              "subkegiatan)")) or level_of(code)
        if kind is None:
            reader.fail("I107", _("the code '{code}' fits no level").format(code=code), sheet, row, cols["kode"],
                        _("write the level in the Tingkat column, or a code such as 1 / 1.2 / 1.2.3 or "
                          "7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.0001"))
            continue
        if code in items:
            reader.fail("I103", _("the code '{code}' is used twice").format(code=code), sheet, row, cols["kode"],
                        _("every program, kegiatan and sub kegiatan needs a code of its own"))
            continue
        item = d.Budget(kind, code, name or "", where=sheet.cell(row, cols["kode"]))
        if not name:
            reader.fail("I106", _("{kind} {code} has no name (Uraian)").format(kind=kind, code=code), sheet, row,
                        cols["uraian"])
        items[code] = item
        present, item.anggaran = reader.number(sheet, row, cols.get("anggaran"), _("an amount (rupiah)"))
        item.has_realisasi, item.realisasi = reader.number(sheet, row, cols.get("realisasi"), _("an amount (rupiah)"))
        parents_given.append((item, row, item.anggaran if present else None, item.realisasi))
        _present, item.capaian_output = reader.number(sheet, row, cols.get("capaian_output"), _("a percentage"))
        _present, item.target = reader.number(sheet, row, cols.get("target"), _("a target"))
        links = reader.text(sheet, row, cols.get("sasaran"))
        item.sasaran = links.replace(",", " ").split() if links else []
        item.keterangan = reader.text(sheet, row, cols.get("keterangan"))
        level = isian.TINGKAT.index(kind)
        parent = last.get(isian.TINGKAT[level - 1]) if level else None
        # a unit that reports no program: a row outside the kegiatan above it is a root of its own
        root = (parent is None and not any(isian.TINGKAT.index(other.kind) < level for other in programs)) or (
            parent is not None and not code.startswith(parent.code + ".") and _below_program(programs))
        if root:
            parent = None
        elif level and parent is None:
            reader.fail("I107", _("{kind} {code} comes before any {parent_kind}").format(
                kind=kind, code=code, parent_kind=isian.TINGKAT[level - 1]), sheet, row, cols["kode"],
                _("put its {parent_kind} on a row above it").format(parent_kind=isian.TINGKAT[level - 1]))
            continue
        if parent is not None:
            expected = parent_code(code)
            if expected is not None and expected != parent.code and not code.startswith(parent.code + "."):
                reader.warn("I202", _("{kind} {code} stands under {parent_kind} {parent}, whose code it does "
                                      "not start with").format(kind=kind, code=code, parent_kind=parent.kind,
                                                               parent=parent.code),
                            sheet, row, cols["kode"], _("check the order of the rows"))
            parent.children.append(item)
        else:
            programs.append(item)
        last[kind] = item
        for deeper in isian.TINGKAT[level + 1:]:
            last.pop(deeper, None)
    for item, row, anggaran, realisasi in parents_given:
        if item.children:  # a parent's figures come from its children: what was written is checked
            source = f"{sheet.file}:{sheet.name}!{sheet.cell(row, cols.get('anggaran', 1)).reference}"
            values = [(name, value) for name, value in (("anggaran", anggaran), ("realisasi", realisasi))
                      if value is not None]
            if values:
                item.printed_rows.append(d.PrintedRow(source, values))
            item.anggaran = item.realisasi = None
        elif anggaran is None:
            reader.fail("I106", _("{kind} {code} has no anggaran").format(kind=item.kind, code=item.code), sheet, row,
                        cols.get("anggaran", 1),
                        _("write the pagu of every item that has no kegiatan or sub kegiatan under it (- for none)"))
    return programs


# ---- Bulanan, Riwayat & Renstra, Tercetak ----
def _item(reader: CellReader, sheet: Sheet, row: int, col: int, items: dict):
    if _not_an_id(reader, sheet, row, col, _("an indikator ID or a budget code")):
        return None
    key = reader.text(sheet, row, col)
    if key is None:
        return None
    item = items.get(key)
    if item is None:
        hints = [did_you_mean(key, items) or _("write the ID of an indikator or the code of a budget item")]
        if _held_as_number(sheet, row, col, key):
            hints.append(_("Excel holds this cell as a number, in which 01.01 becomes 1.01 and 1.10 becomes 1.1: "
                           "format the column as Text and type the id or code again"))
        reader.fail("I108", _("no indikator or budget item '{key}'").format(key=key), sheet, row, col, *hints)
    return item


def _a_sasaran(reader: CellReader, sheet: Sheet, row: int, col: int, item) -> bool:
    """Whether a row of Bulanan or Riwayat & Renstra names a sasaran, whose figures are its
    indikator's: said as I108, so that the row is not left out without a word."""
    if not isinstance(item, d.Sasaran):
        return False
    reader.fail("I108", _("'{key}' is a sasaran: the rows of {sheet} belong to an indikator or a budget item").format(
        key=reader.text(sheet, row, col), sheet=sheet.name), sheet, row, col,
        _("write the row for each of its indikator, under the indikator's ID"))
    return True


def _bulanan(sheet: Sheet, reader: CellReader, items: dict, draft: d.Draft) -> None:
    found = columns(sheet, isian.SHEET_BY_NAME["Bulanan"], reader)
    if found is None:
        return
    heading, cols = found
    seen: set[tuple[int, str]] = set()
    given: dict[tuple[int, str], tuple[str, int]] = {}  # (item, "jenis"/"gabung") -> (value, row written)
    for row in _rows(sheet, heading):
        item = _item(reader, sheet, row, cols["id"], items)
        if item is None or _a_sasaran(reader, sheet, row, cols["id"], item):
            continue
        period = reader.choice(sheet, row, cols["periode"], isian.PERIODE, _("month or quarter"))
        if period is None:
            continue
        if item.periods is None:
            item.periods = d.Periods("triwulanan" if period.startswith("tw") else "bulanan", "jumlah")
        # Jenis and Gabung are the item's, written on any of its rows (the first, or the last): each
        # row that writes one sets it, and two rows that write different ones are an error
        for key, choices, what, attribute in (("jenis", isian.JENIS_PERIODE, _("kind of period"), "kind"),
                                              ("gabung", isian.GABUNG, "gabung", "combine")):
            value = reader.choice(sheet, row, cols.get(key), choices, what)
            if value is None:
                continue
            earlier = given.setdefault((id(item), key), (value, row))
            if earlier[0] != value:
                reader.fail("I102", _("'{value}' differs from '{earlier}', written for '{key}' on row {row}").format(
                    value=value, earlier=earlier[0], key=reader.text(sheet, row, cols["id"]), row=earlier[1]),
                    sheet, row, cols[key], _("write one {column} for all the rows of an item").format(
                        column=sheet.rows.get(heading, {}).get(cols[key], key)))
                continue
            setattr(item.periods, attribute, value)
        if (id(item), period) in seen:
            reader.fail("I103", _("{period} of '{key}' is given twice").format(
                period=period, key=reader.text(sheet, row, cols["id"])), sheet, row, cols["periode"])
            continue
        seen.add((id(item), period))
        _present, target = reader.number(sheet, row, cols.get("target"), _("a target"))
        _present, realisasi = reader.number(sheet, row, cols.get("realisasi"), _("a realisasi"))
        _present, persen = reader.number(sheet, row, cols.get("persen"), _("a percentage"))
        item.periods.rows.append(d.Period(period, target, realisasi, persen))


def _riwayat(sheet: Sheet, reader: CellReader, items: dict, draft: d.Draft) -> None:
    found = columns(sheet, isian.SHEET_BY_NAME["Riwayat & Renstra"], reader)
    if found is None:
        return
    heading, cols = found
    for row in _rows(sheet, heading):
        item = _item(reader, sheet, row, cols["id"], items)
        if item is None or _a_sasaran(reader, sheet, row, cols["id"], item):
            continue
        kind = reader.choice(sheet, row, cols["jenis"], isian.JENIS_RIWAYAT, _("kind (riwayat or renstra)"))
        year = reader.year(sheet, row, cols["tahun"], allow_akhir=kind == "renstra")
        if kind is None or year is None:
            continue
        budget = isinstance(item, d.Budget)
        names = (("target", "target"), ("anggaran", "anggaran")) if kind == "renstra" else (
            (("anggaran", "anggaran"), ("realisasi", "realisasi"), ("capaian", "persen")) if budget else
            (("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian")))
        entry = d.Entry(None if year == "akhir" else year)
        for column, name in names:
            present, value = reader.number(sheet, row, cols.get(column), _("a figure"))
            if present:
                entry.values.append((name, value))
        (item.renstra if kind == "renstra" else item.riwayat).append(entry)


def _tercetak(sheet: Sheet, reader: CellReader, items: dict, draft: d.Draft) -> None:
    found = columns(sheet, isian.SHEET_BY_NAME["Tercetak"], reader)
    if found is None:
        return
    heading, cols = found
    for row in _rows(sheet, heading):
        key = reader.text(sheet, row, cols["id"])
        if key is None:
            continue
        target = draft if key == "total" else _item(reader, sheet, row, cols["id"], items)
        field = reader.choice(sheet, row, cols["kolom"], isian.TERCETAK, _("printed field"))
        if target is None or field is None:
            continue
        source = reader.text(sheet, row, cols.get("sumber")) or f"{sheet.file}:{sheet.name}"
        if field in isian.TERCETAK_TEXTS:
            value = reader.text(sheet, row, cols["nilai"]) or ""  # an empty cell: printed empty
        else:
            value = _printed_figure(reader, sheet, row, cols["nilai"])
            if value is _NOTHING:
                if sheet.get(row, cols["nilai"]) is None:  # (a cell that could not be read is said already)
                    reader.fail("I106", _("the printed {field} of '{key}' has no value").format(field=field, key=key),
                                sheet, row, cols["nilai"], _("write the figure as printed, or delete the row"))
                continue
        target.printed.append(d.Printed(field, value, source))


_NOTHING = object()


def _printed_figure(reader: CellReader, sheet: Sheet, row: int, col: int):
    """A printed figure; one that cannot be read as a number is kept as the printed text (a
    malformed figure is what `lkjipdsl check` reports, A002), with a warning."""
    before = len(reader.diagnostics)
    present, value = reader.number(sheet, row, col, _("a printed figure"))
    if len(reader.diagnostics) > before and reader.diagnostics[-1].code == "I101":
        reader.diagnostics.pop()
        text = reader.text(sheet, row, col) or ""
        reader.warn("I205", _("the printed figure '{text}' cannot be read as a number; it is kept as printed").format(
                    text=text), sheet, row, col, _("lkjipdsl check reports it as a malformed printed figure (A002)"))
        return text
    if isinstance(value, Decimal):  # compared at the decimals it shows: 98,5 under 0.00 is 98,50
        value = sheet.shown(row, col, value)
    return value if present else _NOTHING
