"""`lkjipdsl template`: the input workbook planners fill in, empty or filled from a spec.

Laid out from the schema in lkjipdsl.importer.isian: a title and instructions in Indonesian on
every sheet, bold frozen headings, drop-down lists for the choices (polaritas, agregasi, scales,
levels, months), number formats `#.##0` for rupiah and `#.##0,00` for other figures (as Excel
shows them in an Indonesian locale), widths that fit, and the template's version in a hidden
sheet and a document property. Every text is written as text, never as a formula.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import BudgetNode, Indikator, Number, Periods, Spec
from . import isian
from .writer import spec_number

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

MONEY_FORMAT = "#,##0"
NUMBER_FORMAT = "#,##0.##"
PERCENT_FORMAT = "#,##0.00"
HEADING_FILL = "D9E2F3"


def write_template(file: BinaryIO, spec: Spec | None = None) -> list[str]:
    """Write the input workbook (filled from `spec` when given) to `file`; returns notes for the
    user (what of the spec the workbook cannot hold)."""
    from ..i18n import N_
    from ..render.extras import require

    with require("xlsx", N_("the input workbook (lkjipdsl template)")):
        from openpyxl import Workbook
        from openpyxl.packaging.custom import StringProperty

    book = Workbook()
    book.remove(book.active)
    notes = _unheld(spec) if spec is not None else []
    _instructions(book.create_sheet("Petunjuk"), notes)
    rows = _rows_from(spec) if spec is not None else {}
    for sheet_spec in isian.SHEETS:
        sheet = book.create_sheet(sheet_spec.name)
        if sheet_spec.name == "Identitas":
            _identitas(sheet, sheet_spec, spec)
        else:
            _table(sheet, sheet_spec, rows.get(sheet_spec.name, []))
    version = book.create_sheet(isian.VERSION_SHEET)
    version.append(["template", "lkjipdsl isian"])
    version.append(["versi", isian.TEMPLATE_VERSION])
    version.sheet_state = "hidden"
    book.custom_doc_props.append(StringProperty(name=isian.VERSION_PROPERTY, value=isian.TEMPLATE_VERSION))
    book.active = 1
    book.save(file)
    return notes


def _text(cell, value) -> None:
    """Text stays text: a name starting with '=' is not a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _instructions(sheet, notes: list[str]) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        ("Isian lkjipdsl: data kinerja dan anggaran untuk LKjIP", True),
        ("", False),
        ("Cara memakai buku kerja ini:", True),
        ("1. Isi lembar Identitas, Sasaran & Indikator, dan Anggaran. Lembar Bulanan, Riwayat & Renstra, dan "
         "Tercetak boleh dikosongkan.", False),
        ("2. Simpan sebagai .xlsx, lalu jalankan:  lkjipdsl import isian.xlsx -o laporan.lkj", False),
        ("3. Periksa hasilnya:  lkjipdsl check laporan.lkj", False),
        ("4. Setiap bulan atau triwulan, perbarui realisasi dari ekspor sistem keuangan:  "
         "lkjipdsl import realisasi.xlsx --update laporan.lkj", False),
        ("", False),
        ("Aturan pengisian:", True),
        ("- Jangan mengubah judul kolom; urutan kolom boleh diubah dan kolom boleh disembunyikan.", False),
        ("- Angka boleh ditulis sebagai angka Excel, atau sebagai teks 1.234.567,50 (gaya Indonesia).", False),
        ("- Tulis - (tanda minus saja) untuk nilai yang belum ada.", False),
        ("- Kode anggaran ditulis sebagai teks (mis. 1.02 atau 7.01.01.2.01.0001), bukan angka.", False),
        ("- Rumus Excel boleh dipakai; simpan buku kerja di Excel agar hasil rumus ikut tersimpan.", False),
    ]
    if notes:
        lines += [("", False), ("Bagian spec yang tidak tertampung di buku kerja ini (tetap di file .lkj; "
                                "gunakan 'import --update' agar tidak hilang):", True)]
        lines += [(f"- {note}", False) for note in notes]
    for text, bold in lines:
        sheet.append([text])
        cell = sheet.cell(sheet.max_row, 1)
        _text(cell, text)
        cell.font = Font(bold=bold, size=13 if sheet.max_row == 1 else 11)
        cell.alignment = Alignment(wrap_text=False)
    sheet.column_dimensions["A"].width = 120


def _title(sheet, sheet_spec: isian.SheetSpec) -> int:
    """The title and instructions; returns the heading row's number."""
    from openpyxl.styles import Alignment, Font

    _text(sheet.cell(1, 1), sheet_spec.title)
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    row = 2
    for line in sheet_spec.instructions:
        _text(sheet.cell(row, 1), line)
        sheet.cell(row, 1).font = Font(italic=True, color="555555")
        sheet.cell(row, 1).alignment = Alignment(wrap_text=False)
        row += 1
    return row + 1


def _heading(sheet, row: int, columns) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    for index, column in enumerate(columns, 1):
        cell = sheet.cell(row, index)
        _text(cell, column.heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADING_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        sheet.column_dimensions[cell.column_letter].width = column.width
    sheet.freeze_panes = sheet.cell(row + 1, 1)
    sheet.row_dimensions[row].height = 30
    _printable(sheet, row)


def _printable(sheet, heading: int) -> None:
    """Printed (or saved as PDF) on landscape pages as wide as the sheet, the heading on each page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = f"{heading}:{heading}"


def _identitas(sheet, sheet_spec: isian.SheetSpec, spec: Spec | None) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    heading = _title(sheet, sheet_spec)
    _heading(sheet, heading, sheet_spec.columns)
    values = _identitas_values(spec) if spec is not None else {}
    for offset, (key, note, kind, choices, required) in enumerate(isian.IDENTITAS_KEYS, 1):
        row = heading + offset
        _text(sheet.cell(row, 1), key + (" *" if required else ""))
        value = values.get(key)
        if value is not None:
            _value(sheet.cell(row, 2), value, kind)
        _text(sheet.cell(row, 3), note)
        if kind == "choice" and choices:
            rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            rule.add(sheet.cell(row, 2))
            sheet.add_data_validation(rule)


def _table(sheet, sheet_spec: isian.SheetSpec, rows: list[dict]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    heading = _title(sheet, sheet_spec)
    _heading(sheet, heading, sheet_spec.columns)
    last = max(heading + 500, heading + len(rows) + 200)  # room to fill in, with the drop-downs
    for index, column in enumerate(sheet_spec.columns, 1):
        letter = sheet.cell(heading, index).column_letter
        if column.kind == "choice" and column.choices:
            rule = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
                                  showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
                                  error="Pilih salah satu dari daftar.")
            rule.add(f"{letter}{heading + 1}:{letter}{last}")
            sheet.add_data_validation(rule)
    for offset, values in enumerate(rows, 1):
        for index, column in enumerate(sheet_spec.columns, 1):
            value = values.get(column.key)
            if value is not None:
                _value(sheet.cell(heading + offset, index), value, column.kind)
    for index, column in enumerate(sheet_spec.columns, 1):  # formats for the rows still empty, too
        fmt = _format(column.kind)
        if fmt:
            for row in range(heading + 1, heading + len(rows) + 21):
                sheet.cell(row, index).number_format = fmt


def _format(kind: str) -> str | None:
    return {"money": MONEY_FORMAT, "number": NUMBER_FORMAT, "percent": PERCENT_FORMAT}.get(kind)


def _value(cell, value, kind: str) -> None:
    """A Decimal as an Excel number when a double holds it exactly, else as Indonesian text; a
    text as text."""
    if isinstance(value, Decimal):
        as_float = float(value)
        # (15 significant digits at most: the importer reads a double as Excel shows it, to 15)
        if Decimal(repr(as_float)) == value and abs(value) < Decimal(10) ** 15 and len(value.as_tuple().digits) <= 15:
            cell.value = int(value) if value == value.to_integral_value() else as_float
            cell.number_format = _format(kind) or NUMBER_FORMAT
        else:
            _text(cell, spec_number(value))
    elif isinstance(value, int):
        cell.value = value
    else:
        _text(cell, str(value))


# ---- from a spec ----
def _figure(number: Number | None):
    """What a cell holds for an input: its value, '-', or a ratio as written (text: 1:17,9)."""
    if number is None:
        return None
    return "-" if number.value is None else number.ratio or number.value


def _identitas_values(spec: Spec) -> dict:
    values = {"instansi": spec.instansi, "tahun": spec.tahun, "angka": spec.convention}
    if spec.renstra_period:
        values["renstra_awal"], values["renstra_akhir"] = spec.renstra_period
    if spec.skala:
        values["skala"] = spec.skala[0]
    if spec.skala_anggaran:
        values["skala_anggaran"] = spec.skala_anggaran[0]
    if spec.zero_policy:
        policy = spec.zero_policy
        values["target_nol"] = policy.value if policy.kind == "nilai" else policy.kind
    if spec.limits.cap:
        values["batas_atas"] = spec.limits.cap.value
    if spec.limits.floor:
        values["batas_bawah"] = spec.limits.floor.value
    if spec.efficiency_threshold:
        values["efisiensi"] = spec.efficiency_threshold.value
    if spec.pembulatan != Spec.pembulatan:  # the defaults are left empty: the cell says what empty means
        values["pembulatan"] = spec.pembulatan
    if spec.serapan_induk != Spec.serapan_induk:
        values["serapan_induk"] = spec.serapan_induk
    return values


def _rows_from(spec: Spec) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in isian.SHEET_BY_NAME}
    for sasaran in spec.sasaran:
        first = True
        for indikator in sasaran.indikator:
            rows["Sasaran & Indikator"].append(_indikator_row(sasaran, indikator, first))
            first = False
            _details(rows, indikator.id, indikator)
        if not sasaran.indikator:
            rows["Sasaran & Indikator"].append({"sasaran": sasaran.id, "nama_sasaran": sasaran.name})
        for printed in sasaran.printed:
            rows["Tercetak"].append(_printed_row(sasaran.id, printed))
    for node in spec.budget_nodes():
        rows["Anggaran"].append(_budget_row(node))
        _details(rows, node.code, node)
    for printed in spec.printed:
        rows["Tercetak"].append(_printed_row("total", printed))
    return rows


def _indikator_row(sasaran, indikator: Indikator, first: bool) -> dict:
    row = {"sasaran": sasaran.id, "indikator": indikator.id, "nama_indikator": indikator.name,
           "satuan": indikator.satuan, "polaritas": indikator.polaritas, "target": _figure(indikator.target),
           "target_atas": _figure(indikator.target_atas), "realisasi": _figure(indikator.realisasi),
           "bobot": _figure(indikator.bobot), "penanggung_jawab": indikator.penanggung_jawab,
           "keterangan": indikator.keterangan}
    if first:
        row["nama_sasaran"] = sasaran.name
        if sasaran.agregasi_span is not None:
            row["agregasi"] = sasaran.agregasi
    return row


def _budget_row(node: BudgetNode) -> dict:
    leaf = not node.children
    return {"kode": node.code, "tingkat": node.kind, "uraian": node.name,
            "anggaran": _figure(node.anggaran) if leaf else None,
            "realisasi": _figure(node.realisasi) if leaf else None,
            "capaian_output": _figure(node.capaian_output), "target": _figure(node.target),
            "sasaran": " ".join(code for code, _ in node.sasaran) or None, "keterangan": node.keterangan}


def _details(rows: dict[str, list[dict]], key: str, item) -> None:
    periods: Periods | None = item.periods
    if periods is not None:
        for period in periods.rows:
            rows["Bulanan"].append({"id": key, "jenis": periods.kind, "gabung": periods.combine,
                                    "periode": period.period, "target": _figure(period.target),
                                    "realisasi": _figure(period.realisasi), "persen": _figure(period.persen)})
    for entry in item.riwayat:
        values = entry.values
        rows["Riwayat & Renstra"].append({"id": key, "jenis": "riwayat", "tahun": entry.year,
                                          "target": _figure(values.get("target")),
                                          "realisasi": _figure(values.get("realisasi")),
                                          "capaian": _figure(values.get("capaian") or values.get("persen")),
                                          "anggaran": _figure(values.get("anggaran"))})
    for entry in item.renstra:
        values = entry.values
        rows["Riwayat & Renstra"].append({"id": key, "jenis": "renstra",
                                          "tahun": "akhir" if entry.year is None else entry.year,
                                          "target": _figure(values.get("target")),
                                          "anggaran": _figure(values.get("anggaran"))})
    for printed in item.printed:
        rows["Tercetak"].append(_printed_row(key, printed))


def _printed_row(key: str, printed) -> dict:
    """A printed figure as exact Indonesian text (its decimals are what is compared), a printed
    text as it stands."""
    if printed.number is not None:
        value = printed.number.ratio or spec_number(printed.number.value)
    else:
        value = printed.text if printed.text is not None else "-"
    return {"id": key, "kolom": printed.field, "nilai": value, "sumber": printed.source}


def planners_own(spec: Spec) -> dict[str, int]:
    """What a spec holds that only a planner writes (no workbook or export carries it), counted by
    its keyword: `template` says it stays in the spec, `import -o` does not replace a spec holding it."""
    return {"aturan": len(spec.rules), "dokumen": len(spec.documents), "ringkasan": len(spec.summaries),
            "pejabat": len(spec.officials), "skala": sum(scale.span is not None for scale in spec.scales.values()),
            "rumus": sum(i.rumus is not None for i in spec.indikator()) + sum(s.rumus is not None
                                                                             for s in spec.sasaran)}


def _unheld(spec: Spec) -> list[str]:
    """The parts of a spec the input workbook has no place for."""
    notes = []
    own = planners_own(spec)
    counted = [("aturan (rules)", own["aturan"]), ("dokumen", own["dokumen"]), ("ringkasan", own["ringkasan"]),
               ("pejabat", own["pejabat"]), ("skala buatan sendiri", own["skala"]),
               ("baris tercetak (tercetak \"sumber\" …)", len(spec.printed_rows) + sum(
                   len(node.printed_rows) for node in spec.budget_nodes()) + sum(
                   len(i.printed_rows) for i in spec.indikator())),
               ("rumus", own["rumus"])]
    for what, count in counted:
        if count:
            notes.append(f"{count} {what}")
    return notes
