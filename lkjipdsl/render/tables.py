"""Result → display tables (title, headers, rows of already formatted strings).

Renderers (text, markdown, csv) only lay these out; nothing here computes a value — it only
formats what lkjipdsl.evaluate produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..format import angka, persen, rupiah
from ..results import NodeResult, Result


@dataclass
class Table:
    name: str
    title: str
    headers: list[str]
    align: list[str]  # left | right | center per column
    rows: list[list[str]] = field(default_factory=list)
    colors: list[str | None] = field(default_factory=list)  # predikat colour per row, for rich renderers


HEADINGS = {
    "id": {
        "capaian": "Capaian Kinerja Sasaran dan Indikator",
        "anggaran": "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
        "periode": "Capaian Rencana Aksi per Periode",
        "asersi": "Pemeriksaan Angka Tercetak",
        "temuan": "Temuan Reviu",
        "no": "No", "uraian": "Sasaran / Indikator", "satuan": "Satuan", "target": "Target",
        "realisasi": "Realisasi", "capaian_pct": "Capaian (%)", "predikat": "Predikat",
        "kode": "Kode", "program": "Program / Kegiatan / Sub Kegiatan", "anggaran_rp": "Anggaran (Rp)",
        "realisasi_rp": "Realisasi (Rp)", "capaian_anggaran": "Capaian Anggaran (%)",
        "capaian_output": "Capaian Output (%)", "jumlah": "Jumlah", "item": "Item", "kolom": "Kolom",
        "tercetak": "Tercetak", "terhitung": "Terhitung", "status": "Status", "lokasi": "Lokasi",
        "sumber": "Sumber", "cocok": "cocok", "beda": "BEDA", "tingkat": "Tingkat", "pesan": "Pesan",
        "periode_col": "Periode", "aturan": "Aturan",
    },
    "en": {
        "capaian": "Performance achievement by objective and indicator",
        "anggaran": "Budget realisation by program, activity and sub-activity",
        "periode": "Action plan achievement by period",
        "asersi": "Printed figures checked",
        "temuan": "Review findings",
        "no": "No", "uraian": "Objective / Indicator", "satuan": "Unit", "target": "Target",
        "realisasi": "Actual", "capaian_pct": "Achievement (%)", "predikat": "Rating",
        "kode": "Code", "program": "Program / Activity / Sub-activity", "anggaran_rp": "Budget (Rp)",
        "realisasi_rp": "Spent (Rp)", "capaian_anggaran": "Budget absorption (%)",
        "capaian_output": "Output achievement (%)", "jumlah": "Total", "item": "Item", "kolom": "Field",
        "tercetak": "Printed", "terhitung": "Computed", "status": "Status", "lokasi": "Location",
        "sumber": "Source", "cocok": "ok", "beda": "DIFFERS", "tingkat": "Severity", "pesan": "Message",
        "periode_col": "Period", "aturan": "Rule",
    },
}


def _target(node: NodeResult, lang: str) -> str:
    if node.target_atas is not None:
        return f"{angka(node.target, None, lang)}–{angka(node.target_atas, None, lang)}"
    return angka(node.target, None, lang)


def capaian_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("capaian", h["capaian"],
                  [h["no"], h["uraian"], h["satuan"], h["target"], h["realisasi"], h["capaian_pct"], h["predikat"]],
                  ["left", "left", "left", "right", "right", "right", "left"])
    number = 0
    for node in result.nodes:
        if node.kind == "sasaran":
            number += 1
            sub = 0
            table.rows.append([str(number), f"{node.name}", "", "", "", persen(node.capaian, lang),
                               node.predikat.label if node.predikat else ""])
            table.colors.append(node.predikat.warna if node.predikat else None)
        elif node.kind == "indikator":
            sub += 1
            table.rows.append([f"{number}.{sub}", f"  {node.name}", node.satuan or "", _target(node, lang),
                               angka(node.realisasi, None, lang), persen(node.capaian, lang),
                               node.predikat.label if node.predikat else ""])
            table.colors.append(node.predikat.warna if node.predikat else None)
    return table


def anggaran_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("anggaran", h["anggaran"],
                  [h["kode"], h["program"], h["anggaran_rp"], h["realisasi_rp"], h["capaian_anggaran"],
                   h["capaian_output"]],
                  ["left", "left", "right", "right", "right", "right"])
    indent = {"program": "", "kegiatan": "  ", "subkegiatan": "    "}
    for node in result.nodes:
        if node.kind in indent and node.dokumen is None:
            table.rows.append(_budget_row(node, indent[node.kind] + node.name, node.id, lang))
            table.colors.append(node.predikat_anggaran.warna if node.predikat_anggaran else None)
    total = result.node("total")
    if any(n.kind == "program" for n in result.nodes):
        table.rows.append(_budget_row(total, h["jumlah"], "", lang))
        table.colors.append(None)
    return table


def _budget_row(node: NodeResult, label: str, code: str, lang: str) -> list[str]:
    return [code, label, rupiah(node.anggaran, lang), rupiah(node.realisasi_anggaran, lang),
            persen(node.capaian_anggaran, lang), persen(node.capaian, lang)]


def periode_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("periode", h["periode"],
                  [h["kode"], h["uraian"], h["periode_col"], h["target"], h["realisasi"], h["capaian_pct"]],
                  ["left", "left", "left", "right", "right", "right"])
    for node in result.nodes:
        money = node.kind in ("program", "kegiatan", "subkegiatan")
        show = rupiah if money else (lambda v, lang=lang: angka(v, None, lang))
        for index, row in enumerate(node.periode):
            table.rows.append([node.id if index == 0 else "", node.name if index == 0 else "", row.periode.title(),
                               show(row.target), show(row.realisasi), persen(row.capaian, lang)])
            table.colors.append(None)
    return table


def asersi_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("asersi", h["asersi"],
                  [h["lokasi"], h["item"], h["kolom"], h["sumber"], h["tercetak"], h["terhitung"], h["status"]],
                  ["left", "left", "left", "left", "right", "right", "left"])
    for check in result.assertions:
        table.rows.append([f"{check.location.line}:{check.location.column}", check.node_id, check.field,
                           check.source or "", check.printed_text, computed_display(check, lang),
                           h["cocok"] if check.ok else h["beda"]])
        table.colors.append(None if check.ok else "#cf222e")
    return table


def computed_display(check, lang: str = "id") -> str:
    """The computed side of an assertion, at the printed precision (4 decimals when malformed)."""
    if check.computed_text is not None:
        return check.computed_text
    if check.computed is None:
        return "-"
    if check.field in ("anggaran", "realisasi", "anggaran_kini", "realisasi_kini"):
        return rupiah(check.computed, lang)
    if check.field == "tahun":
        return str(check.computed)
    decimals = 2
    if check.printed is not None:
        exponent = check.printed.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return angka(check.computed, decimals, lang)


def assertion_message(check, lang: str = "id") -> str:
    """One line for a failed assertion: what was printed, where, and what it should be."""
    source = f" in {check.source}" if check.source else ""
    if check.computed_text is not None:
        return (f"{check.node_id} {check.field}: printed '{check.printed_text}'{source}; "
                f"the spec has '{check.computed_text}'")
    computed = computed_display(check)
    if check.note and check.printed is None:
        return (f"{check.node_id} {check.field}: printed '{check.printed_text}'{source}: {check.note}; "
                f"computed {computed}")
    exact = ""
    fractional = check.computed is not None and check.computed != check.computed.to_integral_value()
    if fractional and check.printed is not None and computed != angka(check.computed, 4, lang):
        money = check.field in ("anggaran", "realisasi")
        exact = "" if money else f" ({angka(check.computed, 4, lang)} before rounding)"
    note = f"; {check.note}" if check.note else ""
    return f"{check.node_id} {check.field}: printed {check.printed_text}{source}, computed {computed}{exact}{note}"


def temuan_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("temuan", h["temuan"], [h["tingkat"], h["aturan"], h["item"], h["pesan"]],
                  ["left", "left", "left", "left"])
    for finding in result.findings:
        table.rows.append([finding.severity, finding.rule, finding.node_id or "", finding.message])
        table.colors.append(None)
    return table


BUILDERS = {
    "capaian": capaian_table,
    "anggaran": anggaran_table,
    "periode": periode_table,
    "temuan": temuan_table,
    "asersi": asersi_table,
}


def all_builders() -> dict:
    """Every table `eval --table` knows: the generic ones and the report's own."""
    from .report_tables import REPORT_BUILDERS

    return {**BUILDERS, **REPORT_BUILDERS}


def default_tables(result: Result) -> list[str]:
    """What `eval` shows without --table: the report's tables when the spec has a budget, else the generic."""
    if any(n.kind == "program" for n in result.nodes):
        return ["ringkasan", "capaian", "tabel-3.1", "tabel-3.2", "tabel-3.3", "tabel-3.4", "tabel-3.6",
                "realisasi-anggaran", "periode", "temuan", "asersi"]
    return list(BUILDERS)


def tables(result: Result, names: list[str] | None = None, lang: str = "id") -> list[Table]:
    builders = all_builders()
    chosen = names or default_tables(result)
    built = [builders[name](result, lang) for name in chosen]
    return built if names else [t for t in built if t.rows]
