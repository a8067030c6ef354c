"""The LKjIP's own tables (PermenPAN-RB 53/2014, BAB III), laid out like the report's.

Each builder reads the evaluated Result only; nothing is computed here, values are formatted.
Names are those of `lkjipdsl eval --table`.
"""

from __future__ import annotations

from decimal import Decimal

from ..results import NodeResult, Result
from .headings import HEADINGS, efficiency, heading
from .table import BUDGET_KINDS, Cell, Table, budget_level, money, number, percent, target_cell


def _current_budget(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind in BUDGET_KINDS and n.dokumen is None]


def _documents(result: Result, kind: str) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind == "dokumen" and n.keterangan == kind]


def _document_nodes(result: Result, document_id: str) -> list[NodeResult]:
    return [n for n in result.nodes if n.dokumen == document_id]


def _program_number(node: NodeResult) -> str:
    return node.id.rpartition("/")[2] if node.kind == "program" else ""


def target_realisasi_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.1: target and realisasi of the budget, capaian keuangan and output."""
    h = HEADINGS[lang]
    table = Table("tabel-3.1", heading(lang, "tabel-3.1", year=result.spec.tahun or ""),
                  [h["no"], h["kode"], h["program_kegiatan_sub"], h["pagu"], h["target_anggaran"],
                   h["realisasi_anggaran"], h["capaian_keuangan"], h["capaian_outcome"]],
                  ["left", "left", "left", "right", "right", "right", "right", "right"], rated=6, nested=2)
    for node in _current_budget(result):
        if node.kind == "program":  # the report prints only the pagu on program rows
            table.add([_program_number(node), node.id, node.name, money(node.anggaran, lang), "", "", "", ""])
            continue
        table.add([_program_number(node), node.id, node.name, "", money(node.anggaran, lang),
                   money(node.realisasi_anggaran, lang), percent(node.capaian_anggaran, lang),
                   percent(node.capaian, lang)], _predikat_anggaran(node), budget_level(node))
    total = result.node("total")
    table.add(["", "", h["jumlah"], "", money(total.anggaran, lang), money(total.realisasi_anggaran, lang),
               percent(total.capaian_anggaran, lang), percent(total.capaian, lang)])
    return table


def _predikat_anggaran(node: NodeResult) -> str | None:
    return node.predikat_anggaran.warna if node.predikat_anggaran else None


def riwayat_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.2: this year's kegiatan and sub kegiatan beside earlier years (linked by sama_dengan)."""
    h = HEADINGS[lang]
    documents = sorted(_documents(result, "realisasi"), key=lambda d: d.tahun or 0)
    linked: dict[tuple[str, str], NodeResult] = {}
    for document in documents:
        for node in _document_nodes(result, document.id):
            if node.sama_dengan:
                linked[(document.id, node.sama_dengan)] = node
    year = result.spec.tahun
    headers = [h["kode"], h["program_kegiatan_sub"]]
    for tahun in [d.tahun for d in documents] + [year]:
        headers += [heading(lang, key, year=tahun) for key in ("target_y", "realisasi_y", "pct_y")]
    table = Table("tabel-3.2", h["tabel-3.2"], headers, ["left", "left"] + ["right"] * (len(headers) - 2),
                  nested=1)
    for node in _current_budget(result):
        row = [node.id, node.name]
        for document in documents:
            row += _year_cells(linked.get((document.id, node.id)), lang)
        table.add(row + _year_cells(node, lang), level=budget_level(node))
    for document in documents:
        for node in _document_nodes(result, document.id):
            if node.sama_dengan is None:
                row = [node.id, node.name + heading(lang, "tanpa_padanan", doc_year=document.tahun, year=year)]
                for other in documents:
                    row += _year_cells(node if other.id == document.id else None, lang)
                table.add(row + ["", "", ""], level=budget_level(node))
    total = ["", h["jumlah"]]
    for document in documents:
        total += _year_cells(document, lang)
    table.add(total + _year_cells(result.node("total"), lang))
    return table


def _year_cells(node: NodeResult | None, lang: str) -> list[str | Cell]:
    if node is None:
        return ["", "", ""]
    return [money(node.anggaran, lang), money(node.realisasi_anggaran, lang), percent(node.capaian_anggaran, lang)]


def renstra_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.3: this year's realisasi beside the Renstra's target and Rp, row by Renstra row."""
    h = HEADINGS[lang]
    year = result.spec.tahun
    table = Table("tabel-3.3", heading(lang, "tabel-3.3", year=year),
                  [h["no"], h["program_dan_kegiatan"], heading(lang, "target_anggaran_y", year=year),
                   heading(lang, "realisasi_anggaran_y", year=year), h["renstra_target"], h["renstra_rp"],
                   h["realisasi_renstra"]],
                  ["left", "left", "right", "right", "right", "right", "right"], nested=1)
    by_id = {n.id: n for n in result.nodes}
    for document in _documents(result, "renstra"):
        for node in _document_nodes(result, document.id):
            current = by_id.get(node.sama_dengan) if node.sama_dengan else None
            table.add([_program_number(node), node.name,
                       money(current.anggaran, lang) if current else "",
                       money(current.realisasi_anggaran, lang) if current else "",
                       number(node.target, None, lang), money(node.anggaran, lang),
                       percent(node.capaian_renstra, lang)], level=budget_level(node))
        total = by_id["total"]
        table.add(["", h["jumlah"], money(total.anggaran, lang), money(total.realisasi_anggaran, lang), "",
                   money(document.anggaran, lang), percent(document.capaian_renstra, lang)])
    return table


def standar_nasional_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.4: target and realisasi beside the national standard ("Nihil" when there is none)."""
    h = HEADINGS[lang]
    table = Table("tabel-3.4", heading(lang, "tabel-3.4", year=result.spec.tahun),
                  [h["no"], h["program_dan_kegiatan"], h["target_anggaran"], h["realisasi_anggaran"], h["standar"]],
                  ["left", "left", "right", "right", "left"], nested=1)
    for node in _current_budget(result):
        standard = h["nihil"] if node.standar_nasional_nihil else number(node.standar_nasional, None, lang)
        table.add([_program_number(node), node.name, money(node.anggaran, lang),
                   money(node.realisasi_anggaran, lang), standard], level=budget_level(node))
    return table


def efisiensi_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.6: efficiency — capaian output against capaian anggaran, with a verdict per row."""
    h = HEADINGS[lang]
    table = Table("tabel-3.6", h["tabel-3.6"],
                  [h["kode"], h["program_kegiatan"], h["anggaran_rp"], h["realisasi_rp"], h["capaian_anggaran"],
                   h["capaian_output"], h["selisih"], h["efisiensi"]],
                  ["left", "left", "right", "right", "right", "right", "right", "left"], nested=1)
    for node in _current_budget(result) + [result.node("total")]:
        verdict = node.efisiensi
        is_total = node.kind == "total"
        table.add(["" if is_total else node.id, h["jumlah"] if is_total else node.name,
                   money(node.anggaran, lang), money(node.realisasi_anggaran, lang),
                   percent(node.capaian_anggaran, lang), percent(node.capaian, lang),
                   number(verdict.selisih, 2, lang) if verdict else "-",
                   efficiency(lang, verdict.label) if verdict else "-"],
                  level=budget_level(node))
    return table


def realisasi_anggaran_table(result: Result, lang: str = "id") -> Table:
    """B. Realisasi Anggaran: anggaran and realisasi per program, kegiatan and sub kegiatan."""
    h = HEADINGS[lang]
    table = Table("realisasi-anggaran", h["realisasi-anggaran"],
                  [h["no"], h["program_kegiatan"], h["anggaran_rp"], h["realisasi_rp"], h["sisa"], h["serapan"]],
                  ["left", "left", "right", "right", "right", "right"], rated=5, nested=1)
    for node in _current_budget(result):
        table.add(_realisasi_row(node, node.id, node.name, lang), _predikat_anggaran(node), budget_level(node))
    table.add(_realisasi_row(result.node("total"), "", h["jumlah"], lang))
    return table


def _realisasi_row(node: NodeResult, code: str, label: str, lang: str) -> list[str | Cell]:
    sisa = node.computations.get("sisa")
    return [code, label, money(node.anggaran, lang), money(node.realisasi_anggaran, lang),
            money(sisa.value if sisa else None, lang), percent(node.capaian_anggaran, lang)]


def iku_table(result: Result, lang: str = "id") -> Table:
    """Lampiran IKU: sasaran, indikator kinerja, satuan, target, penanggung jawab."""
    h = HEADINGS[lang]
    table = Table("iku", h["iku"], [h["no"], h["sasaran"], h["indikator"], h["satuan"], h["target"],
                                    h["keterangan"]],
                  ["left", "left", "left", "left", "right", "left"])
    count = 0
    for node in result.nodes:
        if node.kind == "sasaran":
            count += 1
            first = True
            sasaran = node
        elif node.kind == "indikator":
            table.add([str(count) if first else "", sasaran.name if first else "", node.name,
                       node.satuan or "", target_cell(node, lang), node.penanggung_jawab or ""])
            first = False
    return table


def pk_table(result: Result, lang: str = "id") -> Table:
    """Perjanjian Kinerja: the year's targets, then the programs and their anggaran."""
    h = HEADINGS[lang]
    table = Table("pk", heading(lang, "pk", year=result.spec.tahun),
                  [h["no"], h["sasaran_program"], h["indikator"], h["target"], h["anggaran_rp"]],
                  ["left", "left", "left", "right", "right"])
    count = 0
    for node in result.nodes:
        if node.kind == "sasaran":
            count += 1
            table.add([str(count), node.name, "", "", ""])
        elif node.kind == "indikator":
            target = target_cell(node, lang)
            target = target.text if isinstance(target, Cell) else target
            table.add(["", "", node.name, f"{target} {node.satuan or ''}".strip(), ""])
    for node in _current_budget(result):
        if node.parent_id is None:  # the programs, or the kegiatan of a unit that reports no program
            table.add([node.id, node.name, "", "", money(node.anggaran, lang)])
    table.add(["", h["jumlah"], "", "", money(result.node("total").anggaran, lang)])
    return table


def ringkasan_table(result: Result, lang: str = "id") -> Table:
    """The narrative's figures: totals, counts and the ringkasan values, all computed."""
    h = HEADINGS[lang]
    total = result.node("total")
    table = Table("ringkasan", h["ringkasan"], [h["uraian"], h["nilai"]], ["left", "right"])
    rows = [(h["r_anggaran"], money(total.anggaran, lang)), (h["r_realisasi"], money(total.realisasi_anggaran, lang)),
            (h["r_serapan"], percent(total.capaian_anggaran, lang)), (h["r_output"], percent(total.capaian, lang))]
    rows += [(n.name, percent(n.nilai, lang) if (n.satuan or "") == "%" else money(n.nilai, lang)
              if (n.satuan or "").strip().rstrip(".").casefold() == "rp" else number(n.nilai, 2, lang))
             for n in result.nodes if n.kind == "ringkasan"]
    rows += [(h[key], Cell(str(value), Decimal(value), 0)) for key, value in total.jumlah.items()]
    for label, value in rows:
        table.add([label, value])
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
