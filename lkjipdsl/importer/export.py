"""A realisation export of a pemda finance system (SIPD or a local one) read into a Draft.

Such an export has a title block (PEMERINTAH KABUPATEN …, LAPORAN REALISASI ANGGARAN …, TAHUN
ANGGARAN 2024, SKPD : 7.01.0.00.0.00.07.0000 KECAMATAN …), a header of one or two rows (merged
cells: ANGGARAN over MURNI and PERUBAHAN), often a row of column numbers, then rows of program,
kegiatan and sub kegiatan, each with its own totals, and under each sub kegiatan its belanja
lines by account code; a JUMLAH row at the end. Columns are found by their header words, never
by position. The belanja lines are summed into their sub kegiatan; every total the export prints
(sub kegiatan, kegiatan, program, JUMLAH, and their %) becomes a printed row to be checked, so
`lkjipdsl check` audits the export.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..diagnostics import Diagnostic, Severity, error, warning
from ..i18n import _
from . import draft as d
from .cells import CellReader, detect_convention, normal
from .levels import export_level, parent_code
from .sheets import Sheet, Workbook
from .writer import spec_number
from ..patterns import compiled

MONTHS = {"januari": "januari", "jan": "januari", "februari": "februari", "pebruari": "februari", "feb": "februari",
          "peb": "februari", "maret": "maret", "mar": "maret", "april": "april", "apr": "april", "mei": "mei",
          "juni": "juni", "jun": "juni", "juli": "juli", "jul": "juli", "agustus": "agustus", "agu": "agustus",
          "agt": "agustus", "ags": "agustus", "september": "september", "sep": "september", "okt": "oktober",
          "oktober": "oktober", "november": "november", "nopember": "november", "nov": "november",
          "nop": "november", "desember": "desember", "des": "desember"}
MONTH_ORDER = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
               "oktober", "november", "desember")
_WORD = compiled(r"[a-z%]+")
_YEAR = compiled(r"\bTAHUN(?:\s+ANGGARAN)?\s*:?\s*((?:19|20|21)\d\d)\b", re.I)
_SKPD = compiled(r"^\s*(?:SKPD|OPD|PERANGKAT DAERAH|UNIT)\s*:?\s*(?:[\d.]+\s+)?(.+?)\s*$", re.I)
_TOTAL = compiled(r"^\s*(jumlah|total)\b", re.I)
_SOURCE = compiled(r"^\s*sumber(\s+dana)?\b", re.I)  # SUMBER DANA : DAU starts a budget source's block
HEADER_LOOKAHEAD = 40


@dataclass
class Layout:
    """Which column holds what: found from the header words."""

    header: int  # the (last) header row
    code: int
    first: int = 0  # the first header row
    name: int | None = None
    anggaran: dict[str, int] = field(default_factory=dict)  # murni | perubahan | anggaran
    realisasi: int | None = None
    percent: int | None = None
    months: dict[str, dict[str, int]] = field(default_factory=dict)  # month -> target/realisasi -> column
    words: dict[int, str] = field(default_factory=dict)


def looks_like_export(workbook: Workbook) -> bool:
    return any(_find_header(sheet) is not None for sheet in workbook.sheets)


def read(workbook: Workbook, anggaran: str | None = None, sheet_name: str | None = None,
         instansi: str | None = None, tahun: int | None = None) -> tuple[d.Draft, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    sheet, layout = _choose(workbook, sheet_name, diagnostics)
    if sheet is None:
        return d.Draft(), diagnostics
    reader = CellReader(_convention(sheet, layout))
    title = _title_block(sheet, layout.first)
    draft = d.Draft(comments=[
        f"Diimpor dari {os.path.basename(workbook.file)}, lembar \"{sheet.name}\", oleh lkjipdsl import.",
        *[f"  {line}" for line in title["lines"]],
        "Angka tercetak ekspor (jumlah, persen) menjadi `tercetak` dan diperiksa oleh lkjipdsl check."])
    instansi = instansi or title.get("instansi")
    tahun = tahun or title.get("tahun")
    if not instansi:
        diagnostics.append(error("I106", _("cannot find the instansi in the title block of '{sheet}'").format(
                                 sheet=sheet.name), sheet.cell(1, 1),
                                 _("give it: --instansi \"Kecamatan …\" (the title block has no "
                                   "line such as 'SKPD : … KECAMATAN …')")))
    if not tahun:
        diagnostics.append(error("I106", _("cannot find the year in the title block of '{sheet}'").format(
                                 sheet=sheet.name), sheet.cell(1, 1),
                                 _("give it: --tahun 2024 (the title block has no line such "
                                   "as 'TAHUN ANGGARAN 2024')")))
    from .writer import quote

    draft.header = [("instansi", quote(instansi or "")), ("tahun", str(tahun or "")), ("angka", "indonesia")]
    column = _anggaran_column(layout, anggaran, sheet, diagnostics)
    if column is None:
        return draft, diagnostics
    _rows(sheet, layout, column, reader, draft)
    diagnostics += reader.diagnostics
    if sheet.hidden:
        diagnostics.append(warning("I204", _("sheet '{sheet}' is hidden in Excel; it was read").format(
            sheet=sheet.name), sheet.cell(1, 1)))
    hidden = sorted(r for r in sheet.hidden_rows if r > layout.header and r in sheet.rows)
    if hidden:
        diagnostics.append(warning("I204", _("{count} hidden row(s) were read: rows {rows}").format(
                                   count=len(hidden), rows=_ranges(hidden)), sheet.cell(hidden[0], layout.code),
                                   _("hidden rows count like the others; delete them if they do not belong")))
    return draft, diagnostics


def _ranges(rows: list[int]) -> str:
    spans, start = [], rows[0]
    for previous, current in zip(rows, rows[1:] + [None]):
        if current != previous + 1:
            spans.append(f"{start}" if start == previous else f"{start}–{previous}")
            start = current
    return ", ".join(spans[:10]) + (" …" if len(spans) > 10 else "")


# ---- finding the header ----
def _choose(workbook: Workbook, name: str | None, diagnostics: list) -> tuple[Sheet | None, Layout | None]:
    sheets = workbook.sheets
    if name is not None:
        sheets = [s for s in sheets if s.name == name]
        if not sheets:
            from ..diagnostics import did_you_mean

            names = [s.name for s in workbook.sheets]
            diagnostics.append(error("I105", _("'{file}' has no sheet '{sheet}'").format(
                file=workbook.file, sheet=name), None,
                did_you_mean(name, names) or _("sheets: {names}").format(names=", ".join(names))))
            return None, None
    for sheet in sorted(sheets, key=lambda s: s.hidden):
        layout = _find_header(sheet)
        if layout is not None:
            return sheet, layout
    first = sheets[0] if sheets else None
    diagnostics.append(error(
        "I105", _("cannot find the header row of a realisation export in '{sheet}'").format(sheet=first.name)
        if first else _("cannot find the header row of a realisation export"),
        first.cell(1, 1) if first else None,
        _("looked in the first 40 rows for a row with KODE, URAIAN (or NAMA) and ANGGARAN (or PAGU) or "
          "REALISASI; for the input workbook, start from 'lkjipdsl template'")))
    return None, None


def _words(value: object) -> str:
    return normal(value).replace(".", " ").replace("/", " ")


def _find_header(sheet: Sheet) -> Layout | None:
    for row in sorted(r for r in sheet.rows if r <= HEADER_LOOKAHEAD):
        cells = {col: _words(v) for col, v in sheet.rows[row].items() if isinstance(v, str)}
        code = next((c for c, w in cells.items() if w.startswith("kode")), None)
        name = next((c for c, w in cells.items() if w.startswith(("uraian", "nama"))), None)
        money = any(_WORD.findall(w)[:1] in (["anggaran"], ["pagu"], ["realisasi"]) for w in cells.values())
        if code is not None and name is not None and money:
            return _layout(sheet, row, code, name)
    return None


def _layout(sheet: Sheet, row: int, code: int, name: int) -> Layout:
    top = {col: _words(v) for col, v in sheet.rows[row].items() if isinstance(v, str)}
    below = {col: _words(v) for col, v in sheet.rows.get(row + 1, {}).items() if isinstance(v, str)}
    two_rows = bool(below) and not any(c == code for c in below) and any(
        _WORD.findall(w) and (_WORD.findall(w)[0] in ("murni", "perubahan", "realisasi", "target", "dkkb",
                                                      "rencana", "sebelum", "setelah", "induk")
                              or _WORD.findall(w)[0] in MONTHS) for w in below.values())
    header = row + 1 if two_rows else row
    words: dict[int, str] = {}
    carried = ""
    for col in range(1, max([*top, *(below if two_rows else {})], default=0) + 1):
        if col in top:
            carried = top[col]
        text = top.get(col) or (carried if two_rows and col in below else "")
        if two_rows and col in below:
            text = f"{text} {below[col]}".strip()
        if text:
            words[col] = text
    if _is_numbering(sheet, header + 1):
        header += 1
    layout = Layout(header, code, name=name, first=row, words=words)
    for col, text in words.items():
        _assign(layout, col, _WORD.findall(text), text)
    return layout


def _is_numbering(sheet: Sheet, row: int) -> bool:
    """A row of column numbers 1 2 3 … under the header."""
    values = [v for _, v in sorted(sheet.rows.get(row, {}).items())]
    numbers = [str(v).strip() for v in values]
    return len(numbers) >= 3 and all(n.isdigit() for n in numbers) and [int(n) for n in numbers][:3] == [1, 2, 3]


def _assign(layout: Layout, col: int, words: list[str], text: str) -> None:
    if col in (layout.code, layout.name):
        return
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    if month is not None and not _so_far(words):  # REALISASI S.D. JUNI is the year's so far, not June's
        role = "target" if any(w in ("dkkb", "rencana", "target", "kas") for w in words) else "realisasi"
        layout.months.setdefault(month, {}).setdefault(role, col)
        return
    if "sisa" in words or "keterangan" in words or "ket" in words:
        return
    if "%" in text or "persen" in words or "capaian" in words:
        layout.percent = layout.percent or col
    elif "anggaran" in words or "pagu" in words:
        # ANGGARAN SEBELUM PERUBAHAN is the murni budget: its words say before which change
        kind = ("murni" if any(w in ("murni", "sebelum", "induk") for w in words) else
                "perubahan" if any(w in ("perubahan", "setelah", "p") for w in words) else "anggaran")
        layout.anggaran.setdefault(kind, col)
    elif "realisasi" in words:
        layout.realisasi = col  # several: the last (s.d. bulan ini) is the year's so far


def _so_far(words: list[str]) -> bool:
    """Whether a heading's words say "up to" (s.d., s/d, sd, sampai dengan, hingga, kumulatif)."""
    return (any(w in ("sd", "sampai", "hingga", "kumulatif") for w in words)
            or any(a == "s" and b == "d" for a, b in zip(words, words[1:])))


def _anggaran_column(layout: Layout, wanted: str | None, sheet: Sheet, diagnostics: list) -> int | None:
    found = layout.anggaran
    if wanted is not None:
        if wanted in found:
            return found[wanted]
        if wanted == "murni" and "anggaran" in found and "perubahan" not in found:
            return found["anggaran"]
        diagnostics.append(error("I105", _("the export has no {column} column").format(column=wanted.upper()),
                                 sheet.cell(layout.header, 1), _("columns found: {columns}").format(
                                     columns=", ".join(k.upper() for k in found) or _("none"))))
        return None
    for kind in ("perubahan", "anggaran", "murni"):
        if kind in found:
            return found[kind]
    diagnostics.append(error("I105", _("cannot find the ANGGARAN (or PAGU) column"), sheet.cell(layout.header, 1),
                             _("the header must name a column ANGGARAN or PAGU (with MURNI/PERUBAHAN below it)")))
    return None


def _convention(sheet: Sheet, layout: Layout) -> str:
    texts = (v for r, row in sheet.rows.items() if r > layout.header for v in row.values()
             if type(v) is str and v[:1].isdigit() and ("," in v or "." in v))
    return detect_convention(itertools.islice(texts, 500)) or "indonesia"  # enough to tell


def _title_block(sheet: Sheet, header: int) -> dict:
    found: dict = {"lines": []}
    for row in sorted(r for r in sheet.rows if r < header):
        for value in sheet.rows[row].values():
            if not isinstance(value, str):
                continue
            text = " ".join(value.split())
            if not text or _words(text).startswith(("kode", "uraian")):
                continue
            found["lines"].append(text)
            year = _YEAR.search(text)
            if year and "tahun" not in found:
                found["tahun"] = int(year.group(1))
            skpd = _SKPD.match(text)
            if skpd and "instansi" not in found:
                found["instansi"] = skpd.group(1).title()
    return found


# ---- the rows ----
@dataclass
class _Row:
    item: d.Budget
    row: int
    anggaran: Decimal | None
    realisasi: Decimal | None
    percent: Decimal | None
    lines: list = field(default_factory=list)  # (row, anggaran, realisasi, months)
    months: dict = field(default_factory=dict)
    block: int = 0  # the budget-source block it was first listed in
    merged: bool = False  # listed again under another budget source: its own figures are summed


def _rows(sheet: Sheet, layout: Layout, anggaran_col: int, reader: CellReader, draft: d.Draft) -> None:
    """The items, in order. An export may list its tree once per budget source (SUMBER DANA : …):
    an item listed again under another source adds its figures to the first listing's."""
    items: dict[str, _Row] = {}
    current: _Row | None = None
    block = 0
    totals: list[tuple[int, int]] = []  # (block, row) of the JUMLAH rows
    for row in sorted(r for r in sheet.rows if r > layout.header):
        code = sheet.rows[row].get(layout.code)
        code = code.strip() if type(code) is str else reader.text(sheet, row, layout.code)  # most are texts
        if code is None or _TOTAL.match(code) or _SOURCE.match(code):
            name = reader.text(sheet, row, layout.name) or ""
            if _SOURCE.match(code or name):
                block, current = block + 1, None
            elif _TOTAL.match(code or name):
                totals.append((block, row))
            continue
        code = code.replace(" ", "")
        level = export_level(code)
        if level in ("urusan", "bidang", "akun"):
            continue
        if level is None:
            if _words(code).startswith("kode") or _is_numbering(sheet, row):
                continue  # the header again (a page break in the export)
            reader.fail("I107", _("the code '{code}' fits no level").format(code=code), sheet, row, layout.code,
                        _("a program is X.XX.XX, a kegiatan X.XX.XX.X.XX, a sub kegiatan X.XX.XX.X.XX.XXXX and "
                          "a belanja line X.X.XX.XX.XX.XXXX (Kepmendagri 050-5889/2021)"))
            continue
        figures = _figures(sheet, row, layout, anggaran_col, reader)
        if level == "belanja":
            if current is None or current.item.kind != "subkegiatan":
                reader.fail("I107", _("the belanja line {code} stands under no sub kegiatan").format(code=code), sheet,
                            row, layout.code, _("a belanja line belongs to the sub kegiatan above it"))
                continue
            current.lines.append((row, figures[0], figures[1], _months(sheet, row, layout, reader)))
            continue
        if code in items:
            entry = items[code]
            if entry.block == block:
                reader.fail("I103", _("the code {code} appears twice").format(code=code), sheet, row, layout.code,
                            _("its first row is {row}; an export lists every item once per budget source").format(
                                row=entry.row))
                continue
            _merge(entry, figures, _months(sheet, row, layout, reader))
            current = entry
            continue
        name = reader.text(sheet, row, layout.name) or ""
        item = d.Budget(level, code, name, where=sheet.cell(row, layout.code))
        entry = items[code] = _Row(item, row, *figures, months=_months(sheet, row, layout, reader), block=block)
        parent = parent_code(code)
        if level == "program":
            draft.programs.append(item)
        elif parent in items and items[parent].item.kind == ("program" if level == "kegiatan" else "kegiatan"):
            items[parent].item.children.append(item)
        else:
            reader.fail("I107", _("the {level} {code} has no {parent_level} {parent} above it").format(
                level=level, code=code, parent_level="program" if level == "kegiatan" else "kegiatan", parent=parent),
                sheet, row, layout.code, _("the export must list the parent first"))
            del items[code]
            continue
        current = entry
    for entry in items.values():
        _settle(entry, sheet, layout, reader)
    if block and totals:  # several budget sources: the last JUMLAH is the whole export's
        totals = totals[-1:]
    for _block, row in totals:
        figures = _figures(sheet, row, layout, anggaran_col, reader)
        draft.printed_rows.append(d.PrintedRow(_source(sheet, row, layout), _printed(layout, *figures)))
    merged = sum(entry.merged for entry in items.values())
    if merged:
        reader.diagnostics.append(Diagnostic(
            "I206", Severity.INFO, _("{count} item(s) are listed under several budget sources; their figures are "
                                     "summed, and the totals each source prints for them are not checked").format(
                count=merged), sheet.cell(layout.header, 1)))


def _merge(entry: _Row, figures, months: dict) -> None:
    entry.merged = True
    entry.anggaran, entry.realisasi = (_sum((entry.anggaran, figures[0])), _sum((entry.realisasi, figures[1])))
    entry.percent = None
    entry.months = _sum_months((entry.months, months))


def _figures(sheet: Sheet, row: int, layout: Layout, anggaran_col: int, reader: CellReader):
    cells = sheet.rows[row]
    anggaran, realisasi, percent = (cells.get(anggaran_col), cells.get(layout.realisasi), cells.get(layout.percent))
    if type(anggaran) is not Decimal:  # numbers as numbers need no reading: most exports
        anggaran = reader.number(sheet, row, anggaran_col, _("an amount (rupiah)"))[1]
    if type(realisasi) is not Decimal:
        realisasi = reader.number(sheet, row, layout.realisasi, _("an amount (rupiah)"))[1]
    if type(percent) is not Decimal:
        percent = reader.number(sheet, row, layout.percent, _("a percentage"))[1]
    elif layout.percent is not None:  # compared at the decimals it shows: 97,1 under 0.00 is 97,10
        percent = sheet.shown(row, layout.percent, percent)
    return _rupiah(anggaran), _rupiah(realisasi), percent


def _rupiah(value: Decimal | None) -> Decimal | None:
    """Whole rupiah written without ',00' (an export prints 1.234.567,00)."""
    if value is not None and value == value.to_integral_value():
        return Decimal(int(value))  # (quantize would need a context for 28 digits or more)
    return value


def _months(sheet: Sheet, row: int, layout: Layout, reader: CellReader) -> dict:
    months = {}
    for month, roles in layout.months.items():
        values = {}
        for role, col in roles.items():
            present, value = reader.number(sheet, row, col, _("an amount (rupiah)"))
            if present:
                values[role] = _rupiah(value)
        if values:
            months[month] = values
    return months


def _source(sheet: Sheet, row: int, layout: Layout) -> str:
    """Where a printed total stands, as the spec's `tercetak` names it: ekspor.xlsx:Realisasi!A12."""
    return f"{os.path.basename(sheet.file)}:{sheet.name}!{sheet.cell(row, layout.code).reference}"


def _printed(layout: Layout, anggaran, realisasi, percent) -> list[tuple[str, Decimal | None]]:
    """The figures a row prints; an empty cell in a column the export has is a printed '-'."""
    values = [("anggaran", anggaran)]
    if layout.realisasi is not None:
        values.append(("realisasi", realisasi))
    if percent is not None:
        values.append(("serapan", percent))
    return values


def _settle(entry: _Row, sheet: Sheet, layout: Layout, reader: CellReader) -> None:
    """A leaf's figures (the sum of its belanja lines, or its own); every printed total a check."""
    item = entry.item
    if not entry.merged:
        item.printed_rows.append(d.PrintedRow(_source(sheet, entry.row, layout),
                                              _printed(layout, entry.anggaran, entry.realisasi, entry.percent)))
    if item.children:
        return
    months = entry.months
    if entry.lines:
        item.anggaran = _sum(line[1] for line in entry.lines)
        item.realisasi = _sum(line[2] for line in entry.lines)
        months = _sum_months(line[3] for line in entry.lines) or months
        for name, own, summed in (("anggaran", entry.anggaran, item.anggaran),
                                  ("realisasi", entry.realisasi, item.realisasi)):
            if own is not None and summed is not None and own != summed:
                col = layout.realisasi if name == "realisasi" else layout.code
                reader.warn("I203", _("the belanja lines of {code} add up to {summed} {field}, but the sub kegiatan "
                                      "prints {printed}").format(
                                code=item.code, summed=spec_number(summed), field=name, printed=spec_number(own)),
                            sheet, entry.row, col or layout.code,
                            _("rows {first}–{last}; the spec takes the sum of the lines and `lkjipdsl check` "
                              "reports the printed total").format(first=entry.lines[0][0], last=entry.lines[-1][0]))
    else:
        item.anggaran, item.realisasi = entry.anggaran, entry.realisasi
        if item.anggaran is None:
            reader.fail("I106", _("sub kegiatan {code} has no anggaran").format(code=item.code), sheet, entry.row,
                        layout.code, _("the export prints no pagu and no belanja lines for it"))
    item.has_realisasi = True
    if months:
        item.periods = _periods(months, item.realisasi)


def _sum(values) -> Decimal | None:
    values = [v for v in values if v is not None]
    return sum(values, Decimal(0)) if values else None


def _sum_months(all_months) -> dict:
    total: dict = {}
    for months in all_months:
        for month, values in months.items():
            for role, value in values.items():
                if value is not None:
                    slot = total.setdefault(month, {})
                    slot[role] = slot.get(role, Decimal(0)) + value
    return total


def _periods(months: dict, realisasi: Decimal | None) -> d.Periods:
    rows = [d.Period(m, months[m].get("target"), months[m].get("realisasi")) for m in MONTH_ORDER if m in months]
    done = [r.realisasi for r in rows if r.realisasi is not None]
    combine = "jumlah"
    if done and realisasi is not None and sum(done, Decimal(0)) != realisasi and done[-1] == realisasi:
        combine = "terakhir"  # the months are running totals
    given = tuple(role for role in ("target", "realisasi") if any(role in months[m] for m in months))
    return d.Periods("bulanan", combine, rows, given)
