"""Short generated sentences for BAB III, per sasaran and per program, in Indonesian or English.

Every figure is read from the Result and formatted by format.py; nothing is computed. The only
judgements are comparisons of computed values: an indikator has met its target when its capaian
(already polarity-adjusted) is at least 100, and sub kegiatan are ranked by their serapan.
"""

from __future__ import annotations

from ..records import field, record
from decimal import Decimal

from ..format import angka, persen, rupiah
from ..results import NodeResult, Result
from ..scales import STANDARD_SCALES
from .headings import efficiency
from .table import BUDGET_KINDS, Cell, shown_input, target_cell

HUNDRED = Decimal(100)

TEXT = {
    "id": {
        "intro": "Pengukuran kinerja {instansi} tahun {tahun} mencakup {sasaran} sasaran strategis dengan "
                 "{indikator} indikator kinerja; capaian setiap indikator dibandingkan dengan targetnya dan diberi "
                 "predikat menurut skala “{skala}”.",
        "intro_tanpa_skala": "Pengukuran kinerja {instansi} tahun {tahun} mencakup {sasaran} sasaran strategis "
                             "dengan {indikator} indikator kinerja; capaian setiap indikator dibandingkan dengan "
                             "targetnya.",
        "intro_anggaran": "Untuk mencapai sasaran tersebut {instansi} melaksanakan {program} program, {kegiatan} "
                          "kegiatan dan {subkegiatan} sub kegiatan dengan anggaran Rp {anggaran}, yang terealisasi "
                          "Rp {realisasi} ({serapan} %).",
        "ringkasan": "{nama}: {nilai}.",
        "sasaran_head": "Sasaran {nomor}: {nama}",
        "sasaran_ukur": "Sasaran “{nama}” diukur dengan {jumlah} indikator kinerja.",
        "sasaran_capaian": "Capaian sasaran ini {capaian} %, predikat {predikat}.",
        "sasaran_capaian_polos": "Capaian sasaran ini {capaian} %.",
        "sasaran_tanpa": "Capaian sasaran ini belum dapat dihitung karena belum ada realisasi.",
        "indikator": "{nama} (target {target}, realisasi {realisasi}, capaian {capaian} %)",
        "melampaui": "Indikator yang melampaui target: {daftar}.",
        "mencapai": "Indikator yang mencapai target: {daftar}.",
        "belum": "Indikator yang belum mencapai target: {daftar}.",
        "tanpa": "Indikator yang belum memiliki realisasi: {daftar}.",
        "tanpa_target": "Indikator yang memiliki realisasi tetapi belum memiliki target: {daftar}.",
        "program_head": "Program {kode}: {nama}",
        "program": "Program ini beranggaran Rp {anggaran} dan terealisasi Rp {realisasi} ({serapan} %){sisa}; "
                   "capaian outputnya {output} %.",
        "program_polos": "Program ini beranggaran Rp {anggaran} dan terealisasi Rp {realisasi} ({serapan} %){sisa}.",
        "sisa": ", sisa anggaran Rp {sisa}",
        "program_tanpa": "Program ini tidak memiliki anggaran tahun ini.",
        "terendah": "Serapan terendah ada pada sub kegiatan {kode} “{nama}”: {serapan} % (Rp {realisasi} dari "
                    "Rp {anggaran}).",
        "tertinggi": "Serapan tertinggi ada pada sub kegiatan {kode} “{nama}”: {serapan} %.",
        "tertinggi_banyak": "Serapan tertinggi, {serapan} %, dicapai oleh {jumlah} sub kegiatan.",
        "satu": "Satu-satunya sub kegiatannya, {kode} “{nama}”, menyerap {serapan} %.",
        "nihil": "Sub kegiatan tanpa realisasi: {daftar}.",
        "efisiensi": "Menurut analisis efisiensi program ini {label} (capaian output dikurangi capaian anggaran: "
                     "{selisih} poin).",
        "anggaran": "Realisasi anggaran {instansi} tahun {tahun} sebesar Rp {realisasi} dari pagu Rp {anggaran} "
                    "({serapan} %){sisa}.",
        "beda": "Catatan: {jumlah} angka yang tercetak dalam laporan berbeda dengan hasil perhitungan; tabel "
                "Pemeriksaan Angka Tercetak menyebutkan semuanya. Angka dalam draf ini adalah hasil perhitungan.",
        "dan": " dan ",
    },
    "en": {
        "intro": "The performance measurement of {instansi} for {tahun} covers {sasaran} strategic objectives with "
                 "{indikator} performance indicators; each indicator's achievement is compared with its target and "
                 "rated on the “{skala}” scale.",
        "intro_tanpa_skala": "The performance measurement of {instansi} for {tahun} covers {sasaran} strategic "
                             "objectives with {indikator} performance indicators; each indicator's achievement is "
                             "compared with its target.",
        "intro_anggaran": "To reach them {instansi} ran {program} programs, {kegiatan} activities and {subkegiatan} "
                          "sub-activities with a budget of Rp {anggaran}, of which Rp {realisasi} was spent "
                          "({serapan} %).",
        "ringkasan": "{nama}: {nilai}.",
        "sasaran_head": "Objective {nomor}: {nama}",
        "sasaran_ukur": "The objective “{nama}” is measured by {jumlah} performance indicator{s}.",
        "sasaran_capaian": "Its achievement is {capaian} %, rated {predikat}.",
        "sasaran_capaian_polos": "Its achievement is {capaian} %.",
        "sasaran_tanpa": "Its achievement cannot be computed yet: there is no actual value.",
        "indikator": "{nama} (target {target}, actual {realisasi}, achievement {capaian} %)",
        "melampaui": "Indicators above target: {daftar}.",
        "mencapai": "Indicators that met their target: {daftar}.",
        "belum": "Indicators below target: {daftar}.",
        "tanpa": "Indicators without an actual value yet: {daftar}.",
        "tanpa_target": "Indicators with an actual value but no target: {daftar}.",
        "program_head": "Program {kode}: {nama}",
        "program": "The program had a budget of Rp {anggaran} and spent Rp {realisasi} ({serapan} %){sisa}; its "
                   "output achievement is {output} %.",
        "program_polos": "The program had a budget of Rp {anggaran} and spent Rp {realisasi} ({serapan} %){sisa}.",
        "sisa": ", leaving Rp {sisa}",
        "program_tanpa": "The program has no budget this year.",
        "terendah": "The lowest absorption is in sub-activity {kode} “{nama}”: {serapan} % (Rp {realisasi} of "
                    "Rp {anggaran}).",
        "tertinggi": "The highest absorption is in sub-activity {kode} “{nama}”: {serapan} %.",
        "tertinggi_banyak": "The highest absorption, {serapan} %, is reached by {jumlah} sub-activities.",
        "satu": "Its only sub-activity, {kode} “{nama}”, absorbed {serapan} %.",
        "nihil": "Sub-activities with nothing spent: {daftar}.",
        "efisiensi": "The efficiency analysis rates the program {label} (output achievement minus budget "
                     "achievement: {selisih} points).",
        "anggaran": "{instansi} spent Rp {realisasi} of its Rp {anggaran} budget for {tahun} ({serapan} %){sisa}.",
        "beda": "Note: {jumlah} figures printed in the report differ from the computed ones; the table of printed "
                "figures checked lists them all. The figures in this draft are the computed ones.",
        "dan": " and ",
    },
}


# Headings and lead sentences of the BAB III draft (docx and the built-in templates).
BAB3 = {
    "id": {"bab": "BAB III\nAKUNTABILITAS KINERJA", "a": "A. Capaian Kinerja Organisasi",
           "b": "B. Realisasi Anggaran", "program": "Analisis Program dan Kegiatan",
           "sasaran": "Capaian per Sasaran", "perbandingan": "Perbandingan dan Analisis",
           "gambar": "Gambar 3.{n} {caption}", "audit": "Pemeriksaan Angka Tercetak",
           # kept for templates that print it; the built-in outputs do not (a report handed in is no draft)
           "draf": "Draf BAB III LKjIP {instansi} Tahun {tahun} dari {file}; periksa dan lengkapi analisis "
                   "penyebab sebelum digunakan.",
           "tabel-3.1": "Perbandingan target dan realisasi kinerja tahun ini.",
           "tabel-3.2": "Perbandingan realisasi dan capaian tahun ini dengan tahun lalu dan beberapa tahun terakhir.",
           "tabel-3.3": "Perbandingan realisasi kinerja dengan target jangka menengah dalam dokumen Renstra.",
           "tabel-3.4": "Perbandingan realisasi kinerja dengan standar nasional.",
           "tabel-3.6": "Analisis efisiensi: capaian output dibandingkan dengan capaian anggaran."},
    "en": {"bab": "CHAPTER III\nPERFORMANCE ACCOUNTABILITY", "a": "A. Organisational Performance",
           "b": "B. Budget Realisation", "program": "Programs and Activities",
           "sasaran": "Achievement per Objective", "perbandingan": "Comparisons and Analysis",
           "gambar": "Figure 3.{n} {caption}", "audit": "Printed figures checked",
           "draf": "Draft of chapter III of the LKjIP of {instansi} {tahun} from {file}; check it and add the "
                   "analysis of causes before use.",
           "tabel-3.1": "This year's targets compared with the actual performance.",
           "tabel-3.2": "This year's actual performance and achievement compared with earlier years.",
           "tabel-3.3": "Actual performance compared with the medium-term target of the Renstra.",
           "tabel-3.4": "Actual performance compared with the national standard.",
           "tabel-3.6": "Efficiency: output achievement compared with budget achievement."},
}


@record
class Section:
    """A heading, the node it is about, and its sentences."""

    heading: str
    node: NodeResult
    sentences: list[str] = field(default_factory=list)
    children: list[NodeResult] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return "; ".join(items[:-1]) + ";" + TEXT[lang]["dan"] + items[-1]


def _value(node: NodeResult | None, lang: str) -> str:
    if node is None or node.nilai is None:
        return "-"
    if (node.satuan or "") == "%":
        return f"{persen(node.nilai, lang)} %"
    if (node.satuan or "").strip().rstrip(".").casefold() == "rp":
        return f"Rp {rupiah(node.nilai, lang)}"
    return angka(node.nilai, 2, lang)


def _with_unit(value: str, satuan: str | None) -> str:
    if value == "-" or not satuan:
        return value
    return f"{value} %" if satuan == "%" else f"{value} {satuan}"


def _target(node: NodeResult, lang: str) -> str:
    target = target_cell(node, lang)
    return _with_unit(target.text if isinstance(target, Cell) else target, node.satuan)


def intro(result: Result, lang: str = "id") -> list[str]:
    """The opening sentences of BAB III A: what is measured, the budget behind it, the ringkasan figures."""
    text = TEXT[lang]
    total = _total(result)
    counts = total.jumlah if total else {}
    skala = next((n.predikat.skala for n in result.nodes if n.predikat), result.spec.skala)
    # the scale's title, never its id: one the result used, else a standard scale the spec names
    skala = next((scale.judul for scale in result.skala if scale.id == skala),
                 STANDARD_SCALES[skala].title if skala in STANDARD_SCALES else skala)
    out = [text["intro" if skala else "intro_tanpa_skala"].format(
        instansi=result.spec.instansi or "-", tahun=result.spec.tahun or "-",
        sasaran=counts.get("jumlah_sasaran", 0), indikator=counts.get("jumlah_indikator", 0), skala=skala)]
    if total is not None and total.anggaran is not None:
        out.append(text["intro_anggaran"].format(
            instansi=result.spec.instansi or "-", program=counts.get("jumlah_program", 0),
            kegiatan=counts.get("jumlah_kegiatan", 0), subkegiatan=counts.get("jumlah_subkegiatan", 0),
            anggaran=rupiah(total.anggaran, lang), realisasi=rupiah(total.realisasi_anggaran, lang),
            serapan=persen(total.serapan, lang)))
    out += [text["ringkasan"].format(nama=n.name, nilai=_value(n, lang)) for n in result.nodes if n.kind == "ringkasan"]
    return out


def _total(result: Result) -> NodeResult | None:
    return next((n for n in result.nodes if n.kind == "total"), None)


def sasaran_sections(result: Result, lang: str = "id") -> list[Section]:
    """One section per sasaran: its capaian and which indikator met, exceeded or missed their target."""
    text = TEXT[lang]
    sections: list[Section] = []
    for node in result.nodes:
        if node.kind == "sasaran":
            sections.append(Section(text["sasaran_head"].format(nomor=len(sections) + 1, nama=node.name), node))
        elif node.kind == "indikator" and sections:
            sections[-1].children.append(node)
    for section in sections:
        section.sentences = _sasaran_sentences(section.node, section.children, lang)
    return sections


def _sasaran_sentences(sasaran: NodeResult, indikator: list[NodeResult], lang: str) -> list[str]:
    text = TEXT[lang]
    out = [text["sasaran_ukur"].format(nama=sasaran.name, jumlah=len(indikator), s="" if len(indikator) == 1 else "s")]
    if sasaran.capaian is None:
        out.append(text["sasaran_tanpa"])
    elif sasaran.predikat:
        out.append(text["sasaran_capaian"].format(capaian=persen(sasaran.capaian, lang),
                                                  predikat=sasaran.predikat.label))
    else:
        out.append(text["sasaran_capaian_polos"].format(capaian=persen(sasaran.capaian, lang)))
    groups: dict[str, list[str]] = {"melampaui": [], "mencapai": [], "belum": [], "tanpa_target": [], "tanpa": []}
    for node in indikator:
        realisasi = _with_unit(shown_input(node.realisasi, node.realisasi_tertulis, lang), node.satuan)
        if node.capaian is None:
            has_target = node.target is not None
            groups["tanpa" if node.realisasi is None or has_target else "tanpa_target"].append(
                node.name if node.realisasi is None or has_target else f"{node.name} ({realisasi})")
            continue
        key = "melampaui" if node.capaian > HUNDRED else "mencapai" if node.capaian == HUNDRED else "belum"
        groups[key].append(text["indikator"].format(
            nama=node.name, target=_target(node, lang), realisasi=realisasi, capaian=persen(node.capaian, lang)))
    out += [text[key].format(daftar=_join(items, lang)) for key, items in groups.items() if items]
    return out


def program_sections(result: Result, lang: str = "id") -> list[Section]:
    """One section per program of this year: its budget, its lowest and highest absorbing sub kegiatan."""
    text = TEXT[lang]
    sections: list[Section] = []
    current = [n for n in result.nodes if n.kind in BUDGET_KINDS and n.dokumen is None]
    for node in current:
        if node.kind == "program":
            sections.append(Section(text["program_head"].format(kode=node.id, nama=node.name), node))
        elif node.kind == "subkegiatan" and sections:
            sections[-1].children.append(node)
    for section in sections:
        section.sentences = _program_sentences(section.node, section.children, lang)
    return sections


def _program_sentences(program: NodeResult, subs: list[NodeResult], lang: str) -> list[str]:
    text = TEXT[lang]
    if not program.anggaran:
        return [text["program_tanpa"]]
    # a capaian output that is not known is left out of the sentence, not printed as "- %"
    out = [text["program" if program.capaian_output is not None else "program_polos"].format(
        anggaran=rupiah(program.anggaran, lang), realisasi=rupiah(program.realisasi_anggaran, lang),
        serapan=persen(program.serapan, lang), sisa=_sisa(program, lang),
        output=persen(program.capaian_output, lang))]
    ranked = sorted((n for n in subs if n.anggaran and n.serapan is not None),
                    key=lambda n: n.serapan)
    if len(ranked) == 1:
        out.append(text["satu"].format(kode=ranked[0].id, nama=ranked[0].name,
                                       serapan=persen(ranked[0].serapan, lang)))
    elif ranked:
        low, high = ranked[0], ranked[-1]
        out.append(text["terendah"].format(kode=low.id, nama=low.name, serapan=persen(low.serapan, lang),
                                           realisasi=rupiah(low.realisasi_anggaran, lang),
                                           anggaran=rupiah(low.anggaran, lang)))
        top = [n for n in ranked if n.serapan == high.serapan]
        serapan = persen(high.serapan, lang)
        if len(top) > 1 and high.serapan != low.serapan:
            out.append(text["tertinggi_banyak"].format(serapan=serapan, jumlah=len(top)))
        elif high.serapan != low.serapan:
            out.append(text["tertinggi"].format(kode=high.id, nama=high.name, serapan=serapan))
    nothing = [f"{n.id} “{n.name}”" for n in subs if n.anggaran and not n.realisasi_anggaran]
    if nothing:
        out.append(text["nihil"].format(daftar=_join(nothing, lang)))
    if program.efisiensi:
        out.append(text["efisiensi"].format(label=efficiency(lang, program.efisiensi.label).lower(),
                                            selisih=angka(program.efisiensi.selisih, 2, lang)))
    return out


def _sisa(node: NodeResult, lang: str) -> str:
    return TEXT[lang]["sisa"].format(sisa=rupiah(node.sisa, lang)) if node.sisa is not None else ""


def anggaran_sentences(result: Result, lang: str = "id", audit: bool = False) -> list[str]:
    """B. Realisasi Anggaran: the year's totals; with `audit`, a note when printed figures disagree
    (a report handed in has no such note: its figures are the computed ones)."""
    text = TEXT[lang]
    total = _total(result)
    out = []
    if total is not None and total.anggaran is not None:
        out.append(text["anggaran"].format(instansi=result.spec.instansi or "-", tahun=result.spec.tahun or "-",
                                           realisasi=rupiah(total.realisasi_anggaran, lang),
                                           anggaran=rupiah(total.anggaran, lang),
                                           serapan=persen(total.serapan, lang), sisa=_sisa(total, lang)))
    if audit and result.failed_assertions:
        out.append(text["beda"].format(jumlah=len(result.failed_assertions)))
    return out
