"""The whole LKjIP: the outline of PermenPAN-RB 53/2014, its headings and the sentences the engine
can write, for the built-in templates lkjip.html, lkjip.md and lkjip.docx.

Ikhtisar Eksekutif; BAB I Pendahuluan; BAB II Perencanaan Kinerja; BAB III Akuntabilitas Kinerja
(A. Capaian Kinerja Organisasi with the comparisons a–g, B. Realisasi Anggaran); BAB IV Penutup;
the Lampiran (Perjanjian Kinerja, IKU, CRAAPK). Figures are read from the Result and formatted by
format.py, as in narrative.py; what the engine cannot know comes from the planner's narrative
(lkjipdsl.narasi). Templates get it as the variable `lkjip`.
"""

from __future__ import annotations

from decimal import Decimal

from ..format import persen, rupiah
from ..results import Result
from . import narrative

HUNDRED = Decimal(100)

HEADINGS = {
    "id": {
        "judul": "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", "tahun": "TAHUN {tahun}",
        "daftar_isi": "Daftar Isi", "ikhtisar": "Ikhtisar Eksekutif",
        "bab1": "BAB I", "bab1_judul": "PENDAHULUAN", "bab2": "BAB II", "bab2_judul": "PERENCANAAN KINERJA",
        "bab3": "BAB III", "bab3_judul": "AKUNTABILITAS KINERJA", "bab4": "BAB IV", "bab4_judul": "PENUTUP",
        "lampiran": "LAMPIRAN",
        "iku": "Indikator Kinerja Utama", "pk": "Perjanjian Kinerja",
        "a": "A. Capaian Kinerja Organisasi", "b": "B. Realisasi Anggaran",
        "pengukuran": "Pengukuran Kinerja", "per_sasaran": "Capaian per Sasaran",
        "banding_a": "a. Perbandingan Target dan Realisasi Kinerja Tahun {tahun}",
        "banding_b": "b. Perbandingan Realisasi Kinerja dengan Tahun Lalu dan Beberapa Tahun Terakhir",
        "banding_c": "c. Perbandingan Realisasi Kinerja dengan Target Jangka Menengah (Renstra)",
        "banding_d": "d. Perbandingan Realisasi Kinerja dengan Standar Nasional",
        "banding_e": "e. Analisis Penyebab Keberhasilan atau Kegagalan serta Alternatif Solusi",
        "banding_f": "f. Analisis Efisiensi Penggunaan Sumber Daya",
        "banding_g": "g. Analisis Program dan Kegiatan yang Menunjang Keberhasilan atau Kegagalan",
        "lampiran_pk": "Lampiran 1. Perjanjian Kinerja Tahun {tahun}",
        "lampiran_iku": "Lampiran 2. Indikator Kinerja Utama (IKU)",
        "lampiran_craapk": "Lampiran 3. Capaian Rencana Aksi atas Perjanjian Kinerja (CRAAPK)",
        "tanpa_data": "Belum ada data untuk perbandingan ini.",
        "gambar": "Gambar {n}. {caption}", "halaman": "Halaman",
    },
    "en": {
        "judul": "GOVERNMENT AGENCY PERFORMANCE REPORT (LKjIP)", "tahun": "{tahun}",
        "daftar_isi": "Contents", "ikhtisar": "Executive Summary",
        "bab1": "CHAPTER I", "bab1_judul": "INTRODUCTION", "bab2": "CHAPTER II", "bab2_judul": "PERFORMANCE PLANNING",
        "bab3": "CHAPTER III", "bab3_judul": "PERFORMANCE ACCOUNTABILITY", "bab4": "CHAPTER IV",
        "bab4_judul": "CLOSING", "lampiran": "APPENDICES",
        "iku": "Key Performance Indicators", "pk": "Performance Agreement",
        "a": "A. Organisational Performance", "b": "B. Budget Realisation",
        "pengukuran": "Performance Measurement", "per_sasaran": "Achievement per Objective",
        "banding_a": "a. Targets and Actual Performance in {tahun}",
        "banding_b": "b. Actual Performance Compared with Earlier Years",
        "banding_c": "c. Actual Performance Compared with the Medium-Term Target (Renstra)",
        "banding_d": "d. Actual Performance Compared with the National Standard",
        "banding_e": "e. Causes of Success or Failure, and Solutions",
        "banding_f": "f. Efficiency in the Use of Resources",
        "banding_g": "g. Programs and Activities Behind the Result",
        "lampiran_pk": "Appendix 1. Performance Agreement {tahun}",
        "lampiran_iku": "Appendix 2. Key Performance Indicators (IKU)",
        "lampiran_craapk": "Appendix 3. Action Plan Achievement (CRAAPK)",
        "tanpa_data": "There is no data for this comparison yet.",
        "gambar": "Figure {n}. {caption}", "halaman": "Page",
    },
}

SENTENCES = {
    "id": {
        "kinerja": "Secara keseluruhan capaian kinerja {instansi} tahun {tahun} adalah {capaian} %{predikat}.",
        "predikat": " dengan predikat {predikat}",
        "indikator": "Dari {jumlah} indikator kinerja, {tercapai} mencapai atau melampaui targetnya{belum}.",
        "belum": " dan {belum} belum",
        "tanpa": "; {tanpa} belum memiliki realisasi",
        "iku": "Indikator Kinerja Utama {instansi} terdiri atas {indikator} indikator untuk {sasaran} sasaran "
               "strategis; rinciannya pada Lampiran 2.",
        "pk": "Perjanjian Kinerja tahun {tahun} menetapkan target {indikator} indikator kinerja, didukung {program} "
              "program dengan anggaran Rp {anggaran}; rinciannya pada Lampiran 1.",
        "pk_tanpa_anggaran": "Perjanjian Kinerja tahun {tahun} menetapkan target {indikator} indikator kinerja; "
                             "rinciannya pada Lampiran 1.",
        "efisiensi": "Efisiensi diukur dengan membandingkan capaian output dengan capaian anggaran setiap program, "
                     "kegiatan dan sub kegiatan.",
        "craapk": "Capaian rencana aksi bulanan atas Perjanjian Kinerja: target dan realisasi kumulatif.",
    },
    "en": {
        "kinerja": "Overall, the performance achievement of {instansi} in {tahun} is {capaian} %{predikat}.",
        "predikat": ", rated {predikat}",
        "indikator": "Of {jumlah} performance indicators, {tercapai} met or exceeded their target{belum}.",
        "belum": " and {belum} did not",
        "tanpa": "; {tanpa} have no actual value yet",
        "iku": "The key performance indicators of {instansi} are {indikator} indicators for {sasaran} strategic "
               "objectives; Appendix 2 lists them.",
        "pk": "The Performance Agreement for {tahun} sets targets for {indikator} performance indicators, backed by "
              "{program} programs with a budget of Rp {anggaran}; Appendix 1 lists them.",
        "pk_tanpa_anggaran": "The Performance Agreement for {tahun} sets targets for {indikator} performance "
                             "indicators; Appendix 1 lists them.",
        "efisiensi": "Efficiency compares the output achievement of each program, activity and sub-activity with "
                     "its budget achievement.",
        "craapk": "The monthly action plan of the Performance Agreement: cumulative targets and actuals.",
    },
}


class Lkjip:
    """What the full-report templates read besides the tables: `lkjip.h` (the headings in the report's
    language), `lkjip.ikhtisar`, `lkjip.simpulan`, `lkjip.iku`, `lkjip.pk` (sentences), `lkjip.bab1`
    (the keys of BAB I's narrative sections, in order), `lkjip.comparisons` (the table names of the
    comparisons a–d and f)."""

    bab1 = ("latar_belakang", "dasar_hukum", "maksud_tujuan", "gambaran_umum", "struktur_organisasi",
            "permasalahan_utama")

    def __init__(self, result: Result, lang: str):
        tahun = result.spec.tahun or "-"
        self.h = {key: text.replace("{tahun}", str(tahun)) for key, text in HEADINGS[lang].items()}
        self.ikhtisar = narrative.intro(result, lang) + overall(result, lang)
        self.simpulan = overall(result, lang) + narrative.anggaran_sentences(result, lang)[:1]
        self.iku, self.pk = planning(result, lang)
        self.efisiensi = SENTENCES[lang]["efisiensi"]
        self.craapk = SENTENCES[lang]["craapk"]
        self.has_budget = any(n.kind == "program" and n.dokumen is None for n in result.nodes)


def overall(result: Result, lang: str = "id") -> list[str]:
    """The year's capaian and predikat, and how many indikator met their target."""
    text = SENTENCES[lang]
    total = next((n for n in result.nodes if n.kind == "total"), None)
    out = []
    if total is not None and total.capaian_kinerja is not None:
        predikat = text["predikat"].format(predikat=total.predikat.label) if total.predikat else ""
        out.append(text["kinerja"].format(instansi=result.spec.instansi or "-", tahun=result.spec.tahun or "-",
                                          capaian=persen(total.capaian_kinerja, lang), predikat=predikat))
    indikator = [n for n in result.nodes if n.kind == "indikator"]
    if indikator:
        met = sum(1 for n in indikator if n.capaian is not None and n.capaian >= HUNDRED)
        missed = sum(1 for n in indikator if n.capaian is not None and n.capaian < HUNDRED)
        none = len(indikator) - met - missed
        tail = text["belum"].format(belum=missed) if missed else ""
        tail += text["tanpa"].format(tanpa=none) if none else ""
        out.append(text["indikator"].format(jumlah=len(indikator), tercapai=met, belum=tail))
    return out


def planning(result: Result, lang: str = "id") -> tuple[str, str]:
    """BAB II's sentences on the IKU and the Perjanjian Kinerja (their tables are in the Lampiran)."""
    text = SENTENCES[lang]
    total = next((n for n in result.nodes if n.kind == "total"), None)
    counts = total.jumlah if total else {}
    indikator = sum(1 for n in result.nodes if n.kind == "indikator")
    sasaran = sum(1 for n in result.nodes if n.kind == "sasaran")
    iku = text["iku"].format(instansi=result.spec.instansi or "-", indikator=indikator, sasaran=sasaran)
    if total is not None and total.anggaran is not None:
        pk = text["pk"].format(tahun=result.spec.tahun or "-", indikator=indikator,
                               program=counts.get("jumlah_program", 0), anggaran=rupiah(total.anggaran, lang))
    else:
        pk = text["pk_tanpa_anggaran"].format(tahun=result.spec.tahun or "-", indikator=indikator)
    return iku, pk
