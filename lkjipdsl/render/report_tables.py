"""The LKjIP's own tables (PermenPAN-RB 53/2014, BAB III), laid out like the report's.

Each builder reads the evaluated Result only; nothing is computed here, values are formatted.
Names are those of `lkjipdsl eval --table`.
"""

from __future__ import annotations

from ..format import angka, persen, rupiah
from ..results import NodeResult, Result
from .tables import Table

BUDGET_KINDS = ("program", "kegiatan", "subkegiatan")


def _current_budget(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind in BUDGET_KINDS and n.dokumen is None]


def _documents(result: Result, kind: str) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind == "dokumen" and n.keterangan == kind]


def _document_nodes(result: Result, document_id: str) -> list[NodeResult]:
    return [n for n in result.nodes if n.dokumen == document_id]


def _label(node: NodeResult) -> str:
    indent = {"program": "", "kegiatan": "  ", "subkegiatan": "    "}.get(node.kind, "")
    return indent + node.name


def _program_number(node: NodeResult) -> str:
    return node.id.rpartition("/")[2] if node.kind == "program" else ""


def target_realisasi_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.1: target and realisasi of the budget, capaian keuangan and output."""
    year = result.spec.tahun or ""
    table = Table("tabel-3.1", f"Tabel 3.1 Membandingkan antara Target dan Realisasi Kinerja Tahun {year}",
                  ["No", "Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu Program (Rp)", "Target Anggaran (Rp)",
                   "Realisasi Anggaran (Rp)", "Capaian Anggaran/Keuangan (%)", "Capaian Outcome/Output (%)"],
                  ["left", "left", "left", "right", "right", "right", "right", "right"])
    for node in _current_budget(result):
        is_program = node.kind == "program"
        figures = ["", "", "", ""] if is_program else [
            rupiah(node.anggaran), rupiah(node.realisasi_anggaran), persen(node.capaian_anggaran), persen(node.capaian)]
        table.rows.append([_program_number(node), node.id, _label(node), rupiah(node.anggaran) if is_program else "",
                           *figures])
        table.colors.append(None)
    _total_row(result, table, ["", "", "Jumlah", "", "anggaran", "realisasi", "serapan", "output"])
    return table


def _total_row(result: Result, table: Table, template: list[str]) -> None:
    total = result.node("total")
    values = {"anggaran": rupiah(total.anggaran), "realisasi": rupiah(total.realisasi_anggaran),
              "serapan": persen(total.capaian_anggaran), "output": persen(total.capaian)}
    table.rows.append([values.get(cell, cell) for cell in template])
    table.colors.append(None)


def riwayat_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.2: this year's kegiatan and sub kegiatan beside earlier years (linked by sama_dengan)."""
    documents = sorted(_documents(result, "realisasi"), key=lambda d: d.tahun or 0)
    linked: dict[tuple[str, str], NodeResult] = {}
    for document in documents:
        for node in _document_nodes(result, document.id):
            if node.sama_dengan:
                linked[(document.id, node.sama_dengan)] = node
    year = result.spec.tahun
    headers = ["Kode", "Program / Kegiatan / Sub Kegiatan"]
    for document in documents:
        headers += [f"Target {document.tahun}", f"Realisasi {document.tahun}", f"% {document.tahun}"]
    headers += [f"Target {year}", f"Realisasi {year}", f"% {year}"]
    table = Table("tabel-3.2", "Tabel 3.2 Membandingkan Realisasi serta Capaian Kinerja Tahun ini dengan Tahun Lalu "
                  "dan beberapa Tahun terakhir", headers, ["left", "left"] + ["right"] * (len(headers) - 2))
    for node in _current_budget(result):
        row = [node.id, _label(node)]
        for document in documents:
            row += _year_cells(linked.get((document.id, node.id)))
        row += _year_cells(node)
        table.rows.append(row)
        table.colors.append(None)
    for document in documents:
        for node in _document_nodes(result, document.id):
            if node.sama_dengan is None:
                row = [node.id, _label(node) + f" ({document.tahun}, tanpa padanan {year})"]
                for other in documents:
                    row += _year_cells(node if other.id == document.id else None)
                row += ["", "", ""]
                table.rows.append(row)
                table.colors.append(None)
    total = ["", "Jumlah"]
    for document in documents:
        total += _year_cells(document)
    total += _year_cells(result.node("total"))
    table.rows.append(total)
    table.colors.append(None)
    return table


def _year_cells(node: NodeResult | None) -> list[str]:
    if node is None:
        return ["", "", ""]
    return [rupiah(node.anggaran), rupiah(node.realisasi_anggaran), persen(node.capaian_anggaran)]


def renstra_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.3: this year's realisasi beside the Renstra's target and Rp, row by Renstra row."""
    year = result.spec.tahun
    table = Table("tabel-3.3", f"Tabel 3.3 Membandingkan Realisasi Kinerja Tahun {year} dengan Target Jangka "
                  "Menengah dalam Dokumen Renstra",
                  ["No", "Program dan Kegiatan", f"Target Anggaran {year} (Rp)", f"Realisasi Anggaran {year} (Rp)",
                   "Renstra Target", "Renstra (Rp)", "Realisasi thd Renstra (%)"],
                  ["left", "left", "right", "right", "right", "right", "right"])
    by_id = {n.id: n for n in result.nodes}
    for document in _documents(result, "renstra"):
        for node in _document_nodes(result, document.id):
            current = by_id.get(node.sama_dengan) if node.sama_dengan else None
            table.rows.append([_program_number(node), _label(node),
                               rupiah(current.anggaran) if current else "",
                               rupiah(current.realisasi_anggaran) if current else "",
                               angka(node.target), rupiah(node.anggaran), persen(node.capaian_renstra)])
            table.colors.append(None)
        total = by_id["total"]
        table.rows.append(["", "Jumlah", rupiah(total.anggaran), rupiah(total.realisasi_anggaran), "",
                           rupiah(document.anggaran), persen(document.capaian_renstra)])
        table.colors.append(None)
    return table


def standar_nasional_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.4: target and realisasi beside the national standard ("Nihil" when there is none)."""
    year = result.spec.tahun
    table = Table("tabel-3.4", f"Tabel 3.4 Membandingkan antara Target dan Realisasi Kinerja Tahun {year} dengan "
                  "Standar Nasional",
                  ["No", "Program dan Kegiatan", "Target Anggaran (Rp)", "Realisasi Anggaran (Rp)",
                   "Standar Nasional"], ["left", "left", "right", "right", "left"])
    for node in _current_budget(result):
        standard = "Nihil" if node.standar_nasional_nihil else angka(node.standar_nasional)
        table.rows.append([_program_number(node), _label(node), rupiah(node.anggaran),
                           rupiah(node.realisasi_anggaran), standard])
        table.colors.append(None)
    return table


def efisiensi_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.6: efficiency — capaian output against capaian anggaran, with a verdict per row."""
    table = Table("tabel-3.6", "Tabel 3.6 Analisis Efisiensi Penggunaan Sumber Daya",
                  ["Kode", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Capaian Anggaran (%)",
                   "Capaian Output (%)", "Selisih (poin)", "Efisiensi"],
                  ["left", "left", "right", "right", "right", "right", "right", "left"])
    rows = _current_budget(result) + [result.node("total")]
    for node in rows:
        verdict = node.efisiensi
        table.rows.append([node.id if node.kind != "total" else "", _label(node) if node.kind != "total" else "Jumlah",
                           rupiah(node.anggaran), rupiah(node.realisasi_anggaran), persen(node.capaian_anggaran),
                           persen(node.capaian), angka(verdict.selisih, 2) if verdict else "-",
                           verdict.label if verdict else "-"])
        table.colors.append(None)
    return table


def realisasi_anggaran_table(result: Result, lang: str = "id") -> Table:
    """B. Realisasi Anggaran: anggaran and realisasi per program, kegiatan and sub kegiatan."""
    table = Table("realisasi-anggaran", "B. Realisasi Anggaran",
                  ["No", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)"],
                  ["left", "left", "right", "right", "right", "right"])
    for node in _current_budget(result):
        sisa = node.computations.get("sisa")
        table.rows.append([node.id, _label(node), rupiah(node.anggaran), rupiah(node.realisasi_anggaran),
                           rupiah(sisa.value if sisa else None), persen(node.capaian_anggaran)])
        table.colors.append(None)
    total = result.node("total")
    sisa = total.computations.get("sisa")
    table.rows.append(["", "Jumlah", rupiah(total.anggaran), rupiah(total.realisasi_anggaran),
                       rupiah(sisa.value if sisa else None), persen(total.capaian_anggaran)])
    table.colors.append(None)
    return table


def iku_table(result: Result, lang: str = "id") -> Table:
    """Lampiran IKU: sasaran, indikator kinerja, satuan, target, penanggung jawab."""
    table = Table("iku", "Lampiran Indikator Kinerja Utama (IKU)",
                  ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Keterangan"],
                  ["left", "left", "left", "left", "right", "left"])
    number = 0
    for node in result.nodes:
        if node.kind == "sasaran":
            number += 1
            first = True
            sasaran = node
        elif node.kind == "indikator":
            table.rows.append([str(number) if first else "", sasaran.name if first else "", node.name,
                               node.satuan or "", _target(node), node.penanggung_jawab or ""])
            table.colors.append(None)
            first = False
    return table


def _target(node: NodeResult) -> str:
    if node.target_atas is not None:
        return f"{angka(node.target)}–{angka(node.target_atas)}"
    return angka(node.target)


def pk_table(result: Result, lang: str = "id") -> Table:
    """Perjanjian Kinerja: the year's targets, then the programs and their anggaran."""
    table = Table("pk", f"Perjanjian Kinerja Tahun {result.spec.tahun}",
                  ["No", "Sasaran / Program", "Indikator Kinerja", "Target", "Anggaran (Rp)"],
                  ["left", "left", "left", "right", "right"])
    number = 0
    for node in result.nodes:
        if node.kind == "sasaran":
            number += 1
            table.rows.append([str(number), node.name, "", "", ""])
        elif node.kind == "indikator":
            table.rows.append(["", "", node.name, f"{_target(node)} {node.satuan or ''}".strip(), ""])
        else:
            continue
        table.colors.append(None)
    for node in _current_budget(result):
        if node.kind == "program":
            table.rows.append([node.id, node.name, "", "", rupiah(node.anggaran)])
            table.colors.append(None)
    total = result.node("total")
    table.rows.append(["", "Jumlah", "", "", rupiah(total.anggaran)])
    table.colors.append(None)
    return table


def capaian_kinerja_table(result: Result, lang: str = "id") -> Table:
    """Capaian per sasaran and indikator (formulir PPS), with the predikat of the spec's scale."""
    from .tables import capaian_table

    return capaian_table(result, lang)


def ringkasan_table(result: Result, lang: str = "id") -> Table:
    """The narrative's figures: totals, counts and the ringkasan values, all computed."""
    total = result.node("total")
    table = Table("ringkasan", "Ringkasan", ["Uraian", "Nilai"], ["left", "right"])
    rows = [("Anggaran (Rp)", rupiah(total.anggaran)), ("Realisasi anggaran (Rp)", rupiah(total.realisasi_anggaran)),
            ("Capaian anggaran / realisasi keuangan (%)", persen(total.capaian_anggaran)),
            ("Capaian output / realisasi fisik (%)", persen(total.capaian))]
    rows += [(n.name, persen(n.nilai) if (n.satuan or "") == "%" else angka(n.nilai, 2))
             for n in result.nodes if n.kind == "ringkasan"]
    labels = {"jumlah_sasaran": "Jumlah sasaran", "jumlah_indikator": "Jumlah indikator kinerja",
              "jumlah_program": "Jumlah program", "jumlah_kegiatan": "Jumlah kegiatan",
              "jumlah_subkegiatan": "Jumlah sub kegiatan"}
    rows += [(labels[key], str(value)) for key, value in total.jumlah.items()]
    for label, value in rows:
        table.rows.append([label, value])
        table.colors.append(None)
    return table


REPORT_BUILDERS = {
    "ringkasan": ringkasan_table,
    "iku": iku_table,
    "pk": pk_table,
    "tabel-3.1": target_realisasi_table,
    "tabel-3.2": riwayat_table,
    "tabel-3.3": renstra_table,
    "tabel-3.4": standar_nasional_table,
    "tabel-3.6": efisiensi_table,
    "realisasi-anggaran": realisasi_anggaran_table,
}
