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
    return [n for n in result.nodes if n.jenis == kind]


def _document_nodes(result: Result, document_id: str) -> list[NodeResult]:
    return [n for n in result.nodes if n.dokumen == document_id]


def _local(node_id: str) -> str:
    """An id without its dokumen's prefix ('renstra/1.4' → '1.4')."""
    return node_id.rpartition("/")[2]


def numbering(nodes: list[NodeResult]) -> tuple[dict[str, str], bool]:
    """The No column of a budget table: each node's number, and whether the codes need a column of
    their own. When the codes are the report's own numbering (a program a whole number, a child its
    parent's code and one number more: 1, 1.4, 1.4.4, gaps of the nomenclature kept) the No column
    shows them; otherwise it counts the rows (1, 1.1, 1.1.1) and the codes get a Kode column."""
    counts: dict[str | None, int] = {}
    numbers: dict[str, str] = {}
    plain = True
    for node in nodes:
        parent = node.parent_id if node.parent_id in numbers else None
        counts[parent] = counts.get(parent, 0) + 1
        numbers[node.id] = f"{numbers[parent]}.{counts[parent]}" if parent else str(counts[parent])
        prefix = _local(node.parent_id) + "." if node.parent_id else ""
        local = _local(node.id)
        plain = plain and local.startswith(prefix) and local[len(prefix):].isdigit()
    if plain:
        return {node_id: _local(node_id) for node_id in numbers}, False
    return numbers, True


def _numbered(result: Result, lang: str, *headers: str) -> tuple[list[NodeResult], dict[str, str], bool, list[str]]:
    """This year's budget rows, their numbers, whether the codes need a column, and the leading headers."""
    h = HEADINGS[lang]
    nodes = _current_budget(result)
    numbers, coded = numbering(nodes)
    return nodes, numbers, coded, [h["no"]] + ([h["kode"]] if coded else []) + list(headers)


def _lead(node: NodeResult, numbers: dict[str, str], coded: bool, label: str | None = None) -> list[str | Cell]:
    """A row's first cells: its number, its code when the table has a Kode column, its name."""
    return [numbers.get(node.id, "")] + ([_local(node.id)] if coded else []) + [node.name if label is None else label]


def _blank_lead(coded: bool, label: str) -> list[str | Cell]:
    return ["", ""] + [label] if coded else ["", label]


def target_realisasi_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.1: target and realisasi of the budget, capaian keuangan and output, programs with their totals."""
    h = HEADINGS[lang]
    nodes, numbers, coded, lead = _numbered(result, lang, h["program_kegiatan_sub"])
    n = len(lead)
    table = Table("tabel-3.1", heading(lang, "tabel-3.1", year=result.spec.tahun or ""),
                  lead + [h["target_anggaran"], h["realisasi_anggaran"], h["capaian_keuangan"], h["capaian_outcome"]],
                  ["left"] * n + ["right"] * 4, rated=n + 2, nested=n - 1,
                  sums=[n, n + 1], ratios={n + 2: (n + 1, n)})
    for node in nodes:
        table.add(_lead(node, numbers, coded) + _target_cells(node, lang), _predikat_anggaran(node),
                  budget_level(node))
    table.total(_blank_lead(coded, h["jumlah"]) + _target_cells(result.node("total"), lang))
    return table.drop_empty([n + 3])


def _target_cells(node: NodeResult, lang: str) -> list[str | Cell]:
    return [money(node.anggaran, lang), money(node.realisasi_anggaran, lang), percent(node.serapan, lang),
            percent(node.capaian_output, lang)]


def _predikat_anggaran(node: NodeResult) -> str | None:
    return node.predikat_serapan.warna if node.predikat_serapan else None


def riwayat_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.2: this year's kegiatan and sub kegiatan beside earlier years (linked by sama_dengan), each
    year under its own heading (Tahun 2022: Target, Realisasi, %); years without a figure left out."""
    h = HEADINGS[lang]
    documents = sorted(_documents(result, "realisasi"), key=lambda d: d.tahun or 0)
    linked: dict[tuple[str, str], NodeResult] = {}
    for document in documents:
        for node in _document_nodes(result, document.id):
            if node.sama_dengan:
                linked[(document.id, node.sama_dengan)] = node
    year = result.spec.tahun
    nodes, numbers, coded, lead = _numbered(result, lang, h["program_kegiatan_sub"])
    n = len(lead)
    years = [d.tahun for d in documents] + [year]
    headers, leaves, groups = list(lead), list(lead), [("", n)]
    for tahun in years:
        headers += [heading(lang, key, year=tahun) for key in ("target_y", "realisasi_y", "pct_y")]
        leaves += [h["target"], h["realisasi"], "%"]
        groups.append((heading(lang, "tahun_y", year=tahun), 3))
    sums = [n + 3 * i + k for i in range(len(years)) for k in (0, 1)]
    table = Table("tabel-3.2", h["tabel-3.2"], headers, ["left"] * n + ["right"] * (len(headers) - n),
                  nested=n - 1, groups=groups, leaves=leaves, sums=sums,
                  ratios={n + 3 * i + 2: (n + 3 * i + 1, n + 3 * i) for i in range(len(years))})
    for node in nodes:
        row = _lead(node, numbers, coded)
        for document in documents:
            row += _year_cells(linked.get((document.id, node.id)), lang)
        table.add(row + _year_cells(node, lang), level=budget_level(node))
    for document in documents:
        unmatched = [node for node in _document_nodes(result, document.id) if node.sama_dengan is None]
        own, own_coded = numbering(unmatched)
        for node in unmatched:
            label = node.name + heading(lang, "tanpa_padanan", doc_year=document.tahun, year=year)
            row = [own.get(node.id, "")] + ([_local(node.id)] if coded else []) + [label]
            for other in documents:
                row += _year_cells(node if other.id == document.id else None, lang)
            table.add(row + ["", "", ""], level=budget_level(node))
    total = _blank_lead(coded, h["jumlah"])
    for document in documents:
        total += _year_cells(document, lang)
    table.total(total + _year_cells(result.node("total"), lang))
    return table.drop_empty(list(range(n, len(headers))))


def _year_cells(node: NodeResult | None, lang: str) -> list[str | Cell]:
    if node is None:
        return ["", "", ""]
    return [money(node.anggaran, lang), money(node.realisasi_anggaran, lang), percent(node.serapan, lang)]


def renstra_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.3: this year's realisasi beside the Renstra's target and Rp, row by Renstra row."""
    h = HEADINGS[lang]
    year = result.spec.tahun
    by_id = {n.id: n for n in result.nodes}
    documents = _documents(result, "renstra")
    rows = [node for document in documents for node in _document_nodes(result, document.id)]
    numbers, coded = numbering(rows)
    lead = [h["no"]] + ([h["kode"]] if coded else []) + [h["program_dan_kegiatan"]]
    n = len(lead)
    table = Table("tabel-3.3", heading(lang, "tabel-3.3", year=year),
                  lead + [heading(lang, "target_anggaran_y", year=year),
                          heading(lang, "realisasi_anggaran_y", year=year),
                          h["renstra_target"], h["renstra_rp"], h["realisasi_renstra"]],
                  ["left"] * n + ["right"] * 5, nested=n - 1, sums=[n, n + 1, n + 3],
                  ratios={n + 4: (n + 1, n + 3)})
    for document in documents:
        for node in _document_nodes(result, document.id):
            current = by_id.get(node.sama_dengan) if node.sama_dengan else None
            table.add(_lead(node, numbers, coded) + [
                money(current.anggaran, lang) if current else "",
                money(current.realisasi_anggaran, lang) if current else "",
                number(node.target, None, lang), money(node.anggaran, lang),
                percent(node.capaian_renstra, lang)], level=budget_level(node))
        total = by_id["total"]
        table.total(_blank_lead(coded, h["jumlah"]) + [money(total.anggaran, lang),
                                                       money(total.realisasi_anggaran, lang), "",
                                                       money(document.anggaran, lang),
                                                       percent(document.capaian_renstra, lang)])
    return table.drop_empty([n + 2])


def standar_nasional_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.4: target and realisasi beside the national standard ("Nihil" when there is none)."""
    h = HEADINGS[lang]
    nodes, numbers, coded, lead = _numbered(result, lang, h["program_dan_kegiatan"])
    n = len(lead)
    table = Table("tabel-3.4", heading(lang, "tabel-3.4", year=result.spec.tahun),
                  lead + [h["target_anggaran"], h["realisasi_anggaran"], h["standar"]],
                  ["left"] * n + ["right", "right", "left"], nested=n - 1, sums=[n, n + 1])
    for node in nodes:
        standard = h["nihil"] if node.standar_nasional_nihil else number(node.standar_nasional, None, lang)
        table.add(_lead(node, numbers, coded) + [money(node.anggaran, lang), money(node.realisasi_anggaran, lang),
                                                 standard], level=budget_level(node))
    return table.drop_empty([n + 2])


def efisiensi_table(result: Result, lang: str = "id") -> Table:
    """Tabel 3.6: efficiency — capaian output against capaian anggaran, with a verdict per row."""
    h = HEADINGS[lang]
    nodes, numbers, coded, lead = _numbered(result, lang, h["program_kegiatan"])
    n = len(lead)
    table = Table("tabel-3.6", h["tabel-3.6"],
                  lead + [h["anggaran_rp"], h["realisasi_rp"], h["capaian_anggaran"], h["capaian_output"],
                          h["selisih"], h["efisiensi"]],
                  ["left"] * n + ["right"] * 5 + ["left"], nested=n - 1, sums=[n, n + 1],
                  ratios={n + 2: (n + 1, n)})
    for node in nodes:
        table.add(_lead(node, numbers, coded) + _efficiency_cells(node, lang), level=budget_level(node))
    table.total(_blank_lead(coded, h["jumlah"]) + _efficiency_cells(result.node("total"), lang))
    return table.drop_empty([n + 3, n + 4, n + 5])


def _efficiency_cells(node: NodeResult, lang: str) -> list[str | Cell]:
    verdict = node.efisiensi
    return [money(node.anggaran, lang), money(node.realisasi_anggaran, lang), percent(node.serapan, lang),
            percent(node.capaian_output, lang), number(verdict.selisih, 2, lang) if verdict else "-",
            efficiency(lang, verdict.label) if verdict else "-"]


def realisasi_anggaran_table(result: Result, lang: str = "id") -> Table:
    """B. Realisasi Anggaran: anggaran and realisasi per program, kegiatan and sub kegiatan."""
    h = HEADINGS[lang]
    nodes, numbers, coded, lead = _numbered(result, lang, h["program_kegiatan"])
    n = len(lead)
    table = Table("realisasi-anggaran", h["realisasi-anggaran"],
                  lead + [h["anggaran_rp"], h["realisasi_rp"], h["sisa"], h["serapan"]],
                  ["left"] * n + ["right"] * 4, rated=n + 3, nested=n - 1, sums=[n, n + 1, n + 2],
                  ratios={n + 3: (n + 1, n)})
    for node in nodes:
        table.add(_lead(node, numbers, coded) + _realisasi_cells(node, lang), _predikat_anggaran(node),
                  budget_level(node))
    table.total(_blank_lead(coded, h["jumlah"]) + _realisasi_cells(result.node("total"), lang))
    return table


def _realisasi_cells(node: NodeResult, lang: str) -> list[str | Cell]:
    return [money(node.anggaran, lang), money(node.realisasi_anggaran, lang), money(node.sisa, lang),
            percent(node.serapan, lang)]


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
    nodes = _current_budget(result)
    numbers, _ = numbering(nodes)
    for node in nodes:
        if node.parent_id is None:  # the programs, or the kegiatan of a unit that reports no program
            table.add([numbers[node.id], node.name, "", "", money(node.anggaran, lang)])
    table.add(["", h["jumlah"], "", "", money(result.node("total").anggaran, lang)])
    return table


def ringkasan_table(result: Result, lang: str = "id") -> Table:
    """The narrative's figures: totals, counts and the ringkasan values, all computed."""
    h = HEADINGS[lang]
    total = result.node("total")
    table = Table("ringkasan", h["ringkasan"], [h["uraian"], h["nilai"]], ["left", "right"])
    rows = [(h["r_anggaran"], money(total.anggaran, lang)), (h["r_realisasi"], money(total.realisasi_anggaran, lang)),
            (h["r_serapan"], percent(total.serapan, lang)), (h["r_output"], percent(total.capaian_output, lang))]
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
