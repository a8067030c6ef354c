"""Reading a workbook (.xlsx) or a CSV file into plain sheets of cells, safely and boundedly.

A workbook is untrusted: before openpyxl sees it, the zip directory is checked (a zip bomb, far
too much data, a password-protected or an old .xls file, something that is no workbook at all);
while the cells are read, the rows and cells are counted against the import limits. Only cached
values are read: a formula cell that Excel never computed (a workbook written by a program and
never opened in Excel) is marked, so the importer can say so instead of reading it as empty.
Hidden sheets and hidden rows are read, and marked, so the importer can say that too.

Every problem is an ImportProblem carrying a Diagnostic with the file (and sheet and cell).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal

from ..diagnostics import Cell, Diagnostic, error, shown_path
from ..i18n import _
from ..limits import ImportLimits  # there, so that a command other than import need not load this module

DEFAULT_LIMITS = ImportLimits()
UNCACHED = object()  # a formula cell with no value computed by Excel


@dataclass
class Sheet:
    name: str
    file: str  # as shown in diagnostics
    # row -> column -> the value of a non-empty cell: str, Decimal, date/datetime, bool or UNCACHED
    rows: dict[int, dict[int, object]] = field(default_factory=dict)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    csv: bool = False
    # (row, column) -> the decimals a number cell shows beyond those its value has (98,5 under the
    # format 0.00 shows 98,50): a printed figure is compared at the decimals it shows
    shown_places: dict[tuple[int, int], int] = field(default_factory=dict)

    def shown(self, row: int, col: int, value: Decimal) -> Decimal:
        """`value`, the number of that cell, with the decimals the cell shows (the same value)."""
        places = self.shown_places.get((row, col))
        if places is None or not value.is_finite():
            return value
        sign, digits, exponent = value.as_tuple()
        extra = places + exponent
        return Decimal((sign, digits + (0,) * extra, exponent - extra)) if extra > 0 else value

    def cell(self, row: int, col: int, text: str | None = None) -> Cell:
        """The location of a cell, with its text as shown under a diagnostic."""
        if text is None:
            value = self.rows.get(row, {}).get(col)
            text = "" if value is None else display(value)
        return Cell(self.file, "" if self.csv else self.name, row, col, text)

    def get(self, row: int, col: int) -> object:
        return self.rows.get(row, {}).get(col)


@dataclass
class Workbook:
    file: str
    sheets: list[Sheet]
    properties: dict[str, str] = field(default_factory=dict)  # custom document properties


class ImportProblem(Exception):
    """The file cannot be imported at all (not a workbook, corrupt, encrypted, over a limit)."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _n(number: int) -> str:
    """A count as Indonesians write it: 1.234.567."""
    return f"{number:,}".replace(",", ".")


def display(value: object) -> str:
    """A cell's value as a planner sees it in Excel."""
    if value is UNCACHED:
        return "=…"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time() else value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def read_file(path: str, limits: ImportLimits = DEFAULT_LIMITS, delimiter: str | None = None,
              encoding: str | None = None) -> Workbook:
    """The sheets of an .xlsx or .csv file; raises ImportProblem when it cannot be read."""
    shown = shown_path(path)
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImportProblem(error("I001", _("cannot read '{file}': {reason}").format(
            file=shown, reason=exc.strerror or exc), None)) from None
    if size > limits.max_import_bytes:
        raise ImportProblem(error("I006", _("'{file}' is {size} bytes; the limit is {limit} (max_import_bytes)").format(
                                  file=shown, size=_n(size), limit=_n(limits.max_import_bytes)), None,
                                  _("split the file, or raise the limit: --limit max_import_bytes=N")))
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: an old .xls, or an encrypted .xlsx
        raise ImportProblem(_compound_file(path, shown))
    if head.startswith(b"PK"):
        return _read_xlsx(path, shown, limits)
    if path.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise ImportProblem(error("I002", _("'{file}' is not an Excel workbook (it does not start as one)").format(
                                  file=shown), None,
                                  _("open it in Excel and save it as an Excel Workbook (.xlsx); a CSV file "
                                    "should be named .csv")))
    return _read_csv(path, shown, limits, delimiter, encoding)


def _compound_file(path: str, shown: str) -> Diagnostic:
    with open(path, "rb") as handle:
        data = handle.read(1 << 20)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return error("I004", _("'{file}' is protected with a password").format(file=shown), None,
                     _("open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
                       "Password, then clear it) and save it as .xlsx"))
    return error("I003", _("'{file}' is an old Excel 97–2003 workbook (.xls), which lkjipdsl does not read").format(
                     file=shown), None,
                 _("open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"))


# ---- xlsx ----
def _read_xlsx(path: str, shown: str, limits: ImportLimits) -> Workbook:
    from ..i18n import N_
    from ..render.extras import require

    with require("xlsx", N_("importing an .xlsx workbook")):  # else a missing openpyxl reads as a damaged file
        import openpyxl  # noqa: F401
    with open(path, "rb") as handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ImportProblem(error("I002", _("'{file}' is not a readable workbook: {reason}").format(
                                      file=shown, reason=exc), None,
                                      _("the file is damaged or is not an .xlsx file; open it in Excel and save "
                                        "it again as an Excel Workbook (.xlsx)"))) from None
        with archive:
            _check_archive(archive, shown, limits)
        handle.seek(0)
        try:
            return _parse_workbook(handle, shown, limits)
        except ImportProblem:
            raise
        except Exception as exc:  # noqa: BLE001 — openpyxl's errors for a damaged file are many and untyped
            raise ImportProblem(error("I002", _("'{file}' is a damaged workbook: {reason}").format(
                                      file=shown, reason=f"{type(exc).__name__}: {str(exc)[:200]}"), None,
                                      _("open it in Excel and save it again as an Excel Workbook (.xlsx)"))) from None


def _check_archive(archive: zipfile.ZipFile, shown: str, limits: ImportLimits) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise ImportProblem(error("I002", _("'{file}' is a zip file but not an Excel workbook").format(file=shown),
                                  None, _("name an .xlsx file saved by Excel or LibreOffice")))
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1 << 20 and info.file_size > limits.max_compression_ratio * max(info.compress_size, 1):
            raise ImportProblem(error("I007", _("'{file}' holds a part ({part}) that unpacks to {size} bytes from "
                                                "{packed}: a zip bomb, not a workbook").format(
                                      file=shown, part=info.filename, size=_n(info.file_size),
                                      packed=_n(info.compress_size)), None,
                                      _("if the workbook is genuine, raise the limit: "
                                        "--limit max_compression_ratio=N")))
    if total > limits.max_unpacked_bytes:
        raise ImportProblem(error("I007", _("'{file}' unpacks to {size} bytes; the limit is {limit} "
                                            "(max_unpacked_bytes)").format(
                                  file=shown, size=_n(total), limit=_n(limits.max_unpacked_bytes)), None,
                                  _("split the workbook, or raise the limit: --limit max_unpacked_bytes=N")))


def _parse_workbook(handle, shown: str, limits: ImportLimits) -> Workbook:
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(handle, read_only=True, data_only=True)  # a file object: openpyxl opens no path
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    reader.read_custom()
    apply_stylesheet(reader.archive, reader.wb)  # which number formats are dates
    book = reader.wb
    workbook = Workbook(shown, [], _custom_properties(book))
    cells = 0
    parser_class = _cached_values_parser()
    percent, fixed = _shown_styles(book)
    for sheet_info, rel in reader.parser.find_sheets():
        if rel.target not in reader.valid_files:
            continue
        sheet = Sheet(sheet_info.name, shown, hidden=sheet_info.state != "visible")
        with reader.archive.open(rel.target) as source:  # a sheet that says it is too big is not read at all
            declared = _declared_rows(source.read(4096))
        if declared > limits.max_rows:
            raise ImportProblem(error("I008", _("sheet '{sheet}' has {rows} rows; the limit is {limit} "
                                                "(max_rows)").format(
                                      sheet=sheet.name, rows=_n(declared), limit=_n(limits.max_rows)),
                                      sheet.cell(declared, 1, ""),
                                      _("split the sheet, or raise the limit: --limit max_rows=N")))
        with reader.archive.open(rel.target) as source:
            parser = parser_class(source, reader.shared_strings, data_only=True, epoch=book.epoch,
                                  date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
            for index, row in parser.parse():
                if len(sheet.rows) >= limits.max_rows:
                    raise ImportProblem(error("I008", _("sheet '{sheet}' has more than {limit} rows (max_rows)").format(
                                              sheet=sheet.name, limit=_n(limits.max_rows)), sheet.cell(index, 1, ""),
                                              _("split the sheet, or raise the limit: --limit max_rows=N")))
                values = {}
                for cell in row:
                    value = cell["value"]
                    if value is None or value == "":
                        continue
                    value = _plain(value)
                    if isinstance(value, Decimal):
                        style = cell["style_id"]
                        if style in percent:
                            value = value.scaleb(2)  # 97,4% is held as 0.974: read as it is shown, and typed
                        places = fixed.get(style)
                        if places and value.is_finite() and -value.as_tuple().exponent < places:
                            sheet.shown_places[index, cell["column"]] = places
                    values[cell["column"]] = value
                cells += len(values)
                if cells > limits.max_cells:
                    raise ImportProblem(error("I008", _("'{file}' has more than {limit} cells (max_cells)").format(
                                              file=shown, limit=_n(limits.max_cells)), None,
                                              _("raise the limit: --limit max_cells=N")))
                if values:
                    sheet.rows[index] = values
            sheet.hidden_rows = {int(r) for r, attrs in parser.row_dimensions.items()
                                 if attrs.get("hidden") in ("1", "true")}
        workbook.sheets.append(sheet)
    reader.archive.close()
    return workbook


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def _declared_rows(head: bytes) -> int:
    """The last row a sheet's <dimension> names (0 when it names none)."""
    found = _DIMENSION.search(head)
    return int(found.group(1)) if found else 0


def _custom_properties(book) -> dict[str, str]:
    return {prop.name: str(prop.value) for prop in getattr(book, "custom_doc_props", None) or []}


# What a number format shows as written, not as a sign of scaling: a quoted text, an escaped
# character, a [colour] or [condition]
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_FIXED_DECIMALS = re.compile(r"[0#?]\.(0+)")
_EXCEL_DIGITS = 15  # the significant digits Excel shows of a double, and keeps of a number typed
_SHOWN = Context(prec=_EXCEL_DIGITS, rounding=ROUND_HALF_EVEN)


def _shown_styles(book) -> tuple[set[int], dict[int, int]]:
    """The cell styles whose number format shows a number as a percentage (`0%`, `0.00%`: their
    cells hold the hundredth of what they show and of what the planner typed, 97,4% as 0.974), and
    those that show a fixed number of decimals (`0.00`, `#,##0.0%`), with how many; read from the
    format's first section."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    percent, fixed = set(), {}
    for index, style in enumerate(book._cell_styles):
        number_format = style.numFmtId
        if number_format < BUILTIN_FORMATS_MAX_SIZE:
            code = BUILTIN_FORMATS.get(number_format, "")
        else:
            custom = number_format - BUILTIN_FORMATS_MAX_SIZE
            code = book._number_formats[custom] if custom < len(book._number_formats) else ""
        shown = _FORMAT_LITERALS.sub("", code.split(";")[0])
        if "%" in shown:
            percent.add(index)
        decimals = _FIXED_DECIMALS.search(shown)
        if decimals:
            fixed[index] = len(decimals.group(1))
    return percent, fixed


def _plain(value: object) -> object:
    if type(value) is str:  # most cells
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        # Excel stores doubles and shows (and keeps of what is typed) 15 significant digits: a formula's
        # 0,1 + 0,2 is held as 0.30000000000000004 and shown, and read, as 0,3
        held = Decimal(repr(value))
        if len(held.as_tuple().digits) <= _EXCEL_DIGITS:
            return held
        shown = _SHOWN.create_decimal(held)
        return Decimal(int(shown)) if shown == shown.to_integral_value() else shown.normalize(_SHOWN)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, timedelta):
        return str(value)
    return value


def _cached_values_parser():
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CachedValues(WorkSheetParser):
        """openpyxl's sheet parser, reading cached values, that marks a formula with none."""

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            # A formula Excel computed to an empty text (=IF(A1="";"";…)) is written t="str" with an
            # empty value: an empty cell. One never computed has no t="str" (openpyxl writes none).
            if cell["value"] is None and element.find(FORMULA_TAG) is not None and element.get("t") != "str":
                cell["value"] = UNCACHED
            return cell

    return CachedValues


# ---- csv ----
def _read_csv(path: str, shown: str, limits: ImportLimits, delimiter: str | None, encoding: str | None) -> Workbook:
    with open(path, "rb") as handle:
        raw = handle.read()
    text, _encoding = _decode(raw, shown, encoding)
    if "\x00" in text:
        if encoding is None and _utf16_without_mark(raw):
            raise ImportProblem(error("I005", _("'{file}' is in UTF-16 without the mark that says so").format(
                                      file=shown), None, _("name its encoding: --encoding utf-16-le, or save it as "
                                                           "CSV UTF-8")))
        raise ImportProblem(error("I002", _("'{file}' is not a text (CSV) file: it contains NUL bytes").format(
                                  file=shown), None, _("name an .xlsx workbook or a .csv file saved as text")))
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    sheet = Sheet(os.path.basename(shown), shown, csv=True)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    cells = 0
    try:
        for index, row in enumerate(reader, 1):
            if index > limits.max_rows:
                raise ImportProblem(error("I008", _("'{file}' has more than {limit} rows (max_rows)").format(
                                          file=shown, limit=_n(limits.max_rows)), None,
                                          _("split the file, or raise the limit: --limit max_rows=N")))
            values = {col: text.strip() for col, text in enumerate(row, 1) if text.strip()}
            cells += len(values)
            if values:
                sheet.rows[index] = values
    except csv.Error as exc:
        raise ImportProblem(error("I002", _("'{file}' is not a readable CSV file: {reason}").format(
            file=shown, reason=exc), None)) from None
    return Workbook(shown, [sheet])


def _decode(raw: bytes, shown: str, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            codecs.lookup(encoding)
            return raw.decode(encoding), encoding
        except LookupError:
            raise ImportProblem(error("I005", _("unknown encoding '{encoding}'").format(encoding=encoding), None,
                                      _("use utf-8, utf-8-sig or cp1252"))) from None
        except UnicodeDecodeError as exc:
            raise ImportProblem(error("I005", _("'{file}' is not {encoding}: byte 0x{byte} at offset {offset}").format(
                                      file=shown, encoding=encoding, byte=f"{raw[exc.start]:02x}", offset=exc.start),
                                      None, _("give the right --encoding"))) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV (comma delimited)" on Windows
        return text, "cp1252"


def _utf16_without_mark(raw: bytes) -> bool:
    """Text in UTF-16 little-endian without a byte order mark, as some programs save it: every
    second byte of its ASCII characters is 0."""
    sample = raw[:4096]
    return len(sample) >= 4 and sample[1::2].count(0) >= 0.9 * len(sample[1::2]) and sample[0::2].count(0) == 0


def _sniff_delimiter(text: str) -> str:
    """`;` (Excel in an Indonesian locale), `,`, tab or `|`: the one that splits the first lines
    most consistently, outside quotes."""
    sample = text[:64 * 1024].splitlines()[:50]
    best, best_score = ";", -1
    for candidate in (";", ",", "\t", "|"):
        counts = []
        for line in sample:
            if line.strip():
                counts.append(len(next(csv.reader([line], delimiter=candidate))) - 1)
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * common
        if score > best_score:
            best, best_score = candidate, score
    return best
