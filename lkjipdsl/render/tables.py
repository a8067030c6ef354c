"""Result → the generic display tables (capaian, predikat, anggaran, periode, temuan, asersi), and the
catalogue of every table `lkjipdsl eval --table` knows (these and the report's own, report_tables.py).

Renderers (text, markdown, csv, html, xlsx, docx) only lay these out; nothing here computes a value —
it only formats what lkjipdsl.evaluate produced, into `Table`s (table.py) with the words of headings.py.
"""

from __future__ import annotations

from ..format import angka
from ..i18n import _
from ..results import NodeResult, Result
from .headings import HEADINGS, field_label, period
from .report_tables import REPORT_BUILDERS, numbering
from .table import BUDGET_KINDS, Cell, Table, budget_level, input_cell, money, number, percent, target_cell


def _predikat(node: NodeResult) -> tuple[str, str | None]:
    return (node.predikat.label, node.predikat.warna) if node.predikat else ("", None)


def capaian_table(result: Result, lang: str = "id") -> Table:
    """Sasaran and indikator with target, realisasi, capaian and predikat; beside them, when some
    indikator has one, the Renstra's end-of-period target and the capaian against it (BAB III (c))."""
    h = HEADINGS[lang]
    renstra = any(n.target_renstra is not None for n in result.nodes if n.kind == "indikator")
    table = Table("capaian", h["capaian"],
                  [h["no"], h["sasaran_indikator"], h["satuan"], h["target"], h["realisasi"], h["capaian_pct"],
                   h["predikat"]] + ([h["target_renstra_akhir"], h["capaian_renstra"]] if renstra else []),
                  ["left", "left", "left", "right", "right", "right", "left"] + ["right", "right"] * renstra,
                  rated=6, nested=1)
    count = 0
    for node in result.nodes:
        label, color = _predikat(node)
        if node.kind == "sasaran":
            count += 1
            sub = 0
            table.add([str(count), node.name, "", "", "", percent(node.capaian, lang), label]
                      + ["", ""] * renstra, color)
        elif node.kind == "indikator":
            sub += 1
            target = node.target_renstra
            table.add([f"{count}.{sub}", node.name, node.satuan or "", target_cell(node, lang),
                       input_cell(node.realisasi, node.realisasi_tertulis, lang), percent(node.capaian, lang), label]
                      + [input_cell(target, node.target_renstra_tertulis, lang) if target is not None else "",
                         percent(node.capaian_renstra, lang) if target is not None else ""] * renstra,
                      color, level=1)
    return table


def anggaran_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    nodes = [node for node in result.nodes if node.kind in BUDGET_KINDS and node.dokumen is None]
    numbers, coded = numbering(nodes)
    lead = [h["no"]] + ([h["kode"]] if coded else []) + [h["program_kegiatan_sub"]]
    n = len(lead)
    table = Table("anggaran", h["anggaran"],
                  lead + [h["anggaran_rp"], h["realisasi_rp"], h["capaian_anggaran"], h["capaian_output"]],
                  ["left"] * n + ["right"] * 4, rated=n + 2, nested=n - 1, sums=[n, n + 1],
                  ratios={n + 2: (n + 1, n)})
    for node in nodes:
        lead_cells = [numbers[node.id]] + ([node.id] if coded else []) + [node.name]
        table.add(lead_cells + _budget_cells(node, lang),
                  node.predikat_serapan.warna if node.predikat_serapan else None, budget_level(node))
    if any(n.kind == "program" for n in nodes):
        table.total(["", ""][:n - 1] + [h["jumlah"]] + _budget_cells(result.node("total"), lang))
    return table.drop_empty([n + 3])


def _budget_cells(node: NodeResult, lang: str) -> list[str | Cell]:
    return [money(node.anggaran, lang), money(node.realisasi_anggaran, lang), percent(node.serapan, lang),
            percent(node.capaian_output, lang)]


def periode_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("periode", h["periode"],
                  [h["kode"], h["sasaran_indikator"], h["periode_col"], h["target"], h["realisasi"], h["capaian_pct"]],
                  ["left", "left", "left", "right", "right", "right"])
    for node in result.nodes:
        is_money = node.kind in BUDGET_KINDS
        show = (lambda v, written: money(v, lang)) if is_money else (lambda v, written: input_cell(v, written, lang))
        for index, row in enumerate(node.periode):
            table.add([node.id if index == 0 else "", node.name if index == 0 else "", period(lang, row.periode),
                       show(row.target, row.target_tertulis), show(row.realisasi, row.realisasi_tertulis),
                       percent(row.capaian, lang)])
    return table


def asersi_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("asersi", h["asersi"],
                  [h["lokasi"], h["item"], h["kolom"], h["sumber"], h["tercetak"], h["terhitung"], h["status"]],
                  ["left", "left", "left", "left", "right", "right", "left"], rated=6)
    for check in result.assertions:
        table.add([h["baris_kolom"].format(line=check.location.line, column=check.location.column), check.node_id,
                   field_label(lang, check.field),
                   check.source or "", printed_cell(check), computed_cell(check, lang),
                   _verdict(check, h)], None if check.ok else "#cf222e")
    return table


def _verdict(check, h: dict) -> str:
    """ok, differs, or (A004) ok only within the rounding of a printed input (`dibulatkan`), whose note says how."""
    if not check.ok:
        return h["beda"]
    return h["cocok_pembulatan"] if check.note else h["cocok"]


def printed_cell(check) -> str | Cell:
    """The printed side of an assertion as the report printed it, with the number it reads as beside
    it (so that a workbook holds it as a number next to the computed one); text as it is."""
    if check.printed is None or not check.printed.is_finite():
        return check.printed_text
    exponent = check.printed.as_tuple().exponent
    return Cell(check.printed_text, check.printed, max(0, -exponent) if isinstance(exponent, int) else 0)


def computed_display(check, lang: str = "id") -> str:
    """The computed side of an assertion, at the printed precision (4 decimals when malformed)."""
    cell = computed_cell(check, lang)
    return cell.text if isinstance(cell, Cell) else cell


def computed_cell(check, lang: str = "id") -> str | Cell:
    """`computed_display` as a cell: a number cell unless the computed side is text or a year."""
    if check.computed_text is not None:
        return check.computed_text
    if check.computed is None:
        return "-"
    if check.field in ("anggaran", "realisasi", "anggaran_kini", "realisasi_kini"):
        return money(check.computed, lang)
    if check.field == "tahun":
        return str(check.computed)
    decimals = 2
    if check.printed is not None:
        exponent = check.printed.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return number(check.computed, decimals, lang)


def assertion_message(check, lang: str = "id") -> str:
    """One line for a failed assertion: what was printed, where, and what it should be; in the language
    of the messages, with the numbers in the style of `lang` (the spec's)."""
    values = {"item": check.node_id, "field": check.field, "printed": check.printed_text, "source": check.source}
    if check.field == "predikat" and check.note:
        if check.source:
            message = _("{item} predikat: printed '{printed}' in {source}; computed '{expected}' ({rated})")
        else:
            message = _("{item} predikat: printed '{printed}'; computed '{expected}' ({rated})")
        return message.format(expected=check.computed_text, rated=check.note, **values)
    if check.computed_text is not None:
        if check.source:
            message = _("{item} {field}: printed '{printed}' in {source}; the spec has '{expected}'")
        else:
            message = _("{item} {field}: printed '{printed}'; the spec has '{expected}'")
        return message.format(expected=check.computed_text, **values)
    computed = computed_display(check)
    if check.note and check.printed is None:
        if check.source:
            message = _("{item} {field}: printed '{printed}' in {source}: {problem}; computed {computed}")
        else:
            message = _("{item} {field}: printed '{printed}': {problem}; computed {computed}")
        return message.format(problem=check.note, computed=computed, **values)
    fractional = check.computed is not None and check.computed != check.computed.to_integral_value()
    money = check.field in ("anggaran", "realisasi")
    if fractional and not money and check.printed is not None and computed != angka(check.computed, 4, lang):
        computed = _("{computed} ({exact} before rounding)").format(computed=computed,
                                                                    exact=angka(check.computed, 4, lang))
    if check.source:
        message = _("{item} {field}: printed {printed} in {source}, computed {computed}")
    else:
        message = _("{item} {field}: printed {printed}, computed {computed}")
    message = message.format(computed=computed, **values)
    return f"{message}; {check.note}" if check.note else message


def temuan_table(result: Result, lang: str = "id") -> Table:
    h = HEADINGS[lang]
    table = Table("temuan", h["temuan"], [h["tingkat"], h["aturan"], h["item"], h["pesan"]],
                  ["left", "left", "left", "left"])
    for finding in result.findings:
        table.add([h.get(finding.severity, finding.severity), finding.rule, finding.node_id or "", finding.message])
    return table


def predikat_table(result: Result, lang: str = "id") -> Table:
    """The legend of the predikat colours: every scale the result's predikat come from, band by band."""
    h = HEADINGS[lang]
    table = Table("predikat", h["keterangan_predikat"], [h["skala"], h["predikat"], h["rentang"]],
                  ["left", "left", "left"], rated=1)
    for scale in result.skala:
        rounding = h["tepat"] if scale.presisi is None else h["dibulatkan"].format(places=scale.presisi)
        for index, band in enumerate(scale.pita):
            table.add([f"{scale.judul} ({rounding})" if index == 0 else "", band.label, band_range(band, lang)],
                      band.warna)
    return table


def band_range(band, lang: str = "id") -> str:
    """'≥ 76 dan < 91', '< 51', '= 100', in the report's number style."""
    h = HEADINGS[lang]
    low, high = band.bawah, band.atas
    if low is not None and low == high:
        return f"= {angka(low, None, lang)}"
    bounds = []
    if low is not None:
        bounds.append(f"{'≥' if band.bawah_termasuk else '>'} {angka(low, None, lang)}")
    if high is not None:
        bounds.append(f"{'≤' if band.atas_termasuk else '<'} {angka(high, None, lang)}")
    return f" {h['dan']} ".join(bounds) or h["semua"]


BUILDERS = {
    "capaian": capaian_table,
    "predikat": predikat_table,
    "anggaran": anggaran_table,
    "periode": periode_table,
    "temuan": temuan_table,
    "asersi": asersi_table,
}


def all_builders() -> dict:
    """Every table `eval --table` knows: the generic ones and the report's own, each under the
    title the spec declares for it (`tabel "tabel-3.1" "Tabel 19 …"`) when it declares one."""
    return {name: _titled_builder(builder) for name, builder in {**BUILDERS, **REPORT_BUILDERS}.items()}


def _titled_builder(builder):
    def build(result: Result, lang: str = "id") -> Table:
        return titled(builder(result, lang), result)
    return build


# The tables of the audit: which printed figures disagree (with the spec's line and column and the
# fields' ids) and what the review rules found. A report handed in has none of them: they come with
# --audit, by name (--table asersi), or from `lkjipdsl check`.
AUDIT_TABLES = ["temuan", "asersi"]


def default_tables(result: Result, audit: bool = False) -> list[str]:
    """What `eval` shows without --table: the report's tables when the spec has a budget, else the
    generic; the audit's tables only with `audit`."""
    if any(n.kind == "program" for n in result.nodes):
        shown = ["ringkasan", "capaian", "predikat", "tabel-3.1", "tabel-3.2", "tabel-3.3", "tabel-3.4",
                 "tabel-3.6", "realisasi-anggaran", "periode"]
    else:
        shown = [name for name in BUILDERS if name not in AUDIT_TABLES]
    return shown + (AUDIT_TABLES if audit else [])


def tables(result: Result, names: list[str] | None = None, lang: str = "id", audit: bool = False) -> list[Table]:
    """The tables named (default: default_tables); none for a result that did not evaluate."""
    if not result.nodes:
        return []
    builders = all_builders()
    chosen = names or default_tables(result, audit)
    built = [builders[name](result, lang) for name in chosen]
    return built if names else [t for t in built if t.rows]


def titled(table: Table, result: Result) -> Table:
    """The table under the title the spec declares for it (`tabel "tabel-3.1" "Tabel 19 …"`), if any."""
    title = result.spec.tabel.get(table.name)
    if title is not None:
        table.title = title
    return table
