"""Realisation exports as pemda finance systems (SIPD and local ones) give them, built with openpyxl.

    export_workbook(path)                        # the standard shape, amounts as numbers
    export_workbook(path, amounts="en")          # amounts as text: 1,234,567.00
    export_workbook(path, months=True)           # DKKB / REALISASI pairs for every month

A title block (PEMERINTAH KABUPATEN …, LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN, TAHUN
ANGGARAN 2024, SKPD : 7.01.0.00.0.00.07.0000 KECAMATAN SERIRIT), a two-row header with merged
cells (ANGGARAN over MURNI and PERUBAHAN), a row of column numbers, program / kegiatan / sub
kegiatan rows with their own totals, belanja lines under each sub kegiatan, and a JUMLAH row.
The totals printed are the true sums unless `mistakes` changes them. Used by the tests, the
import benchmark and the pictures in docs/import.md.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# (code, name, [(account, name, murni, perubahan, realisasi)]) per sub kegiatan, by program and kegiatan
SMALL = [
    ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [
        ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", [
                ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
                 5_000_000, 4_500_000, 4_350_000),
                ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak",
                 3_000_000, 3_200_000, 3_150_000),
                ("5.1.02.02.01.0063", "Belanja Makanan dan Minuman Rapat", 2_500_000, 2_500_000, 2_475_000),
            ]),
            ("7.01.01.2.01.0007", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi "
             "Kinerja SKPD", [
                ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
                 1_000_000, 1_000_000, 966_250),
            ]),
        ]),
        ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", [
            ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", [
                ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 4_000_000_000, 4_100_000_000, 4_050_000_000),
                ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", 400_000_000, 410_000_000, 405_500_000),
            ]),
        ]),
    ]),
    ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", [
        ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", [
            ("7.01.02.2.01.0001", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan "
             "Perangkat Daerah dan Instansi Vertikal Terkait", [
                ("5.1.02.02.01.0063", "Belanja Makanan dan Minuman Rapat", 500_000, 600_000, 600_000),
            ]),
        ]),
    ]),
]

HEADER = ["KODE", "URAIAN", "ANGGARAN", None, "REALISASI", "SISA ANGGARAN", "%", "KETERANGAN"]
SUBHEADER = [None, None, "MURNI", "PERUBAHAN", None, None, None, None]


def _percent(realisasi: int, anggaran: int) -> Decimal:
    return (Decimal(realisasi) / Decimal(anggaran) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _amount(value, style):
    if value is None or style is None:
        return value
    if isinstance(value, Decimal):
        text = f"{value:,.2f}"
    else:
        text = f"{value:,}.00"
    return text if style == "en" else text.replace(",", "_").replace(".", ",").replace("_", ".")


def rows_of(data=SMALL, mistakes: dict | None = None):
    """(level, code, name, murni, perubahan, realisasi) for every row, with totals summed."""
    mistakes = mistakes or {}
    rows = []
    grand = [0, 0, 0]
    for p_code, p_name, kegiatan in data:
        p_rows, p_sum = [], [0, 0, 0]
        for k_code, k_name, subs in kegiatan:
            k_rows, k_sum = [], [0, 0, 0]
            for s_code, s_name, lines in subs:
                s_sum = [sum(line[i] for line in lines) for i in (2, 3, 4)]
                printed = [mistakes.get((s_code, i), s_sum[i]) for i in range(3)]
                k_rows.append(("subkegiatan", s_code, s_name, *printed))
                k_rows += [("belanja", a, n, m, p, r) for a, n, m, p, r in lines]
                k_sum = [k_sum[i] + s_sum[i] for i in range(3)]
            p_rows.append(("kegiatan", k_code, k_name, *[mistakes.get((k_code, i), k_sum[i]) for i in range(3)]))
            p_rows += k_rows
            p_sum = [p_sum[i] + k_sum[i] for i in range(3)]
        rows.append(("program", p_code, p_name, *[mistakes.get((p_code, i), p_sum[i]) for i in range(3)]))
        rows += p_rows
        grand = [grand[i] + p_sum[i] for i in range(3)]
    rows.append(("jumlah", None, "JUMLAH", *grand))
    return rows


def export_workbook(path, data=SMALL, amounts: str | None = None, months: bool = False, mistakes=None,
                    hidden: tuple[int, ...] = (), title: bool = True, numbering: bool = True, extra=None,
                    sources: list[tuple[str, list]] | None = None):
    """Write the export; returns the row number of every code ({code: row}) for the tests."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Realisasi"
    row = 1
    if title:
        for text in ("PEMERINTAH KABUPATEN BULELENG", "LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN",
                     "TAHUN ANGGARAN 2024", "SKPD : 7.01.0.00.0.00.07.0000 KECAMATAN SERIRIT"):
            sheet.cell(row, 1, text).font = Font(bold=True)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
            sheet.cell(row, 1).alignment = Alignment(horizontal="center")
            row += 1
        row += 1
    header = list(HEADER)
    subheader = list(SUBHEADER)
    if months:
        for month in ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER",
                      "OKTOBER", "NOVEMBER", "DESEMBER"):
            header += [month, None]
            subheader += ["DKKB", "REALISASI"]
    for col, text in enumerate(header, 1):
        if text:
            sheet.cell(row, col, text).font = Font(bold=True)
    for col, text in enumerate(subheader, 1):
        if text:
            sheet.cell(row + 1, col, text).font = Font(bold=True)
    for col in (1, 2, 5, 6, 7, 8):
        sheet.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
    sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    for first in range(9, len(header), 2):
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=first + 1)
    row += 2
    if numbering:
        for col in range(1, len(header) + 1):
            sheet.cell(row, col, col)
        row += 1
    where = {}
    listed = rows_of(data, mistakes)
    if sources:  # one tree per budget source, each with its JUMLAH, then the whole export's
        listed = []
        grand = [0, 0, 0]
        for label, part in sources:
            listed.append(("sumber", None, label, None, None, None))
            rows = rows_of(part, mistakes)
            listed += rows
            grand = [grand[i] + rows[-1][3 + i] for i in range(3)]
        listed.append(("jumlah", None, "JUMLAH TOTAL", *grand))
    for level, code, name, murni, perubahan, realisasi in listed:
        if level == "sumber":
            sheet.cell(row, 1, name).font = Font(bold=True)
            row += 1
            continue
        where.setdefault(code or "JUMLAH", row)
        if code:
            sheet.cell(row, 1, code).data_type = "s"
        sheet.cell(row, 2, name).data_type = "s"
        values = [murni, perubahan, realisasi, perubahan - realisasi, _percent(realisasi, perubahan)]
        for col, value in zip((3, 4, 5, 6, 7), values):
            shown = _amount(value, amounts)
            cell = sheet.cell(row, col, float(shown) if isinstance(shown, Decimal) else shown)
            if isinstance(shown, str):
                cell.data_type = "s"
            else:
                cell.number_format = "#,##0.00" if col == 7 else "#,##0"
        if months:
            for index in range(12):  # the year's plan and realisasi spread over the months
                plan = perubahan // 12 + (perubahan % 12 if index == 11 else 0)
                done = realisasi // 12 + (realisasi % 12 if index == 11 else 0)
                sheet.cell(row, 9 + 2 * index, _amount(plan, amounts))
                sheet.cell(row, 10 + 2 * index, _amount(done, amounts))
        if level != "belanja":
            for col in range(1, 8):
                sheet.cell(row, col).font = Font(bold=True)
        row += 1
    for hidden_row in hidden:
        sheet.row_dimensions[hidden_row].hidden = True
    if extra:
        extra(sheet, where)
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 60
    for letter in "CDEF":
        sheet.column_dimensions[letter].width = 17
    book.save(path)
    return where


def generated(count: int, lines: int = 5):
    """`count` sub kegiatan of `lines` belanja lines each, in programs of 10 kegiatan of 10 sub kegiatan."""
    data = []
    made = 0
    p = 0
    while made < count:
        p += 1
        kegiatan = []
        for k in range(1, 11):
            subs = []
            for s in range(1, 11):
                if made >= count:
                    break
                made += 1
                subs.append((f"7.{p // 100 + 1:02d}.{p % 100:02d}.2.{k:02d}.{s:04d}", f"Sub kegiatan {made}", [
                    (f"5.1.02.01.01.{j:04d}", f"Belanja {j}", 1_000_000 * j + made, 1_100_000 * j + made,
                     1_000_000 * j) for j in range(1, lines + 1)]))
            if subs:
                kegiatan.append((f"7.{p // 100 + 1:02d}.{p % 100:02d}.2.{k:02d}", f"Kegiatan {p}.{k}", subs))
        data.append((f"7.{p // 100 + 1:02d}.{p % 100:02d}", f"PROGRAM {p}", kegiatan))
    return data
