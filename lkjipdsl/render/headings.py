"""The words of every table: titles, column headers and row labels, in Indonesian and English.

One vocabulary for the generic tables (tables.py) and the report's own (report_tables.py): a
header both print, such as "Anggaran (Rp)", is one entry. {year} is the report's year.
"""

from __future__ import annotations

from ..patterns import deferred

HEADINGS = {
    "id": {
        # titles of the generic tables
        "capaian": "Capaian Kinerja Sasaran dan Indikator",
        "anggaran": "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
        "periode": "Capaian Rencana Aksi per Periode",
        "asersi": "Pemeriksaan Angka Tercetak",
        "temuan": "Temuan Reviu",
        "keterangan_predikat": "Keterangan Predikat",
        # titles of the report's tables (PermenPAN-RB 53/2014, BAB III)
        "tabel-3.1": "Tabel 3.1 Membandingkan antara Target dan Realisasi Kinerja Tahun {year}",
        "tabel-3.2": "Tabel 3.2 Membandingkan antara Realisasi Kinerja serta Capaian Kinerja Tahun ini dengan "
                     "Tahun Lalu dan beberapa Tahun terakhir",
        "tabel-3.3": "Tabel 3.3 Membandingkan Realisasi Kinerja Tahun {year} dengan Target Jangka Menengah dalam "
                     "Dokumen Renstra",
        "tabel-3.4": "Tabel 3.4 Membandingkan antara Target dan Realisasi Kinerja Tahun {year} dengan Standar "
                     "Nasional",
        "tabel-3.6": "Tabel 3.6 Analisis Efisiensi Penggunaan Sumber Daya",
        "realisasi-anggaran": "B. Realisasi Anggaran",
        "iku": "Lampiran Indikator Kinerja Utama (IKU)",
        "pk": "Perjanjian Kinerja Tahun {year}",
        "ringkasan": "Ringkasan",
        # headers and labels
        "no": "No", "kode": "Kode", "jumlah": "Jumlah", "nihil": "Nihil",
        "sasaran_indikator": "Sasaran / Indikator", "satuan": "Satuan", "target": "Target",
        "realisasi": "Realisasi", "capaian_pct": "Capaian (%)", "predikat": "Predikat",
        "item": "Item", "kolom": "Kolom",
        "tercetak": "Tercetak", "terhitung": "Terhitung", "status": "Status", "lokasi": "Lokasi",
        "sumber": "Sumber", "cocok": "cocok", "cocok_pembulatan": "cocok dalam pembulatan", "beda": "BEDA",
        "tingkat": "Tingkat", "pesan": "Pesan",
        "periode_col": "Periode", "aturan": "Aturan",
        "skala": "Skala", "rentang": "Rentang nilai",
        "dan": "dan", "semua": "semua nilai", "dibulatkan": "dibulatkan ke {places} desimal dahulu",
        "tepat": "tanpa pembulatan",
        "program_kegiatan_sub": "Program / Kegiatan / Sub Kegiatan", "program_dan_kegiatan": "Program dan Kegiatan",
        "program_kegiatan": "Program / Kegiatan", "tahun_y": "Tahun {year}",
        "target_anggaran": "Target Anggaran (Rp)", "realisasi_anggaran": "Realisasi Anggaran (Rp)",
        "capaian_keuangan": "Capaian Anggaran/Keuangan (%)", "capaian_outcome": "Capaian Outcome/Output (%)",
        "target_y": "Target {year}", "realisasi_y": "Realisasi {year}", "pct_y": "% {year}",
        "tanpa_padanan": " ({doc_year}, tanpa padanan {year})",
        "target_anggaran_y": "Target Anggaran {year} (Rp)", "realisasi_anggaran_y": "Realisasi Anggaran {year} (Rp)",
        "renstra_target": "Renstra Target", "renstra_rp": "Renstra (Rp)",
        "realisasi_renstra": "Realisasi thd Renstra (%)", "standar": "Standar Nasional",
        "target_renstra_akhir": "Target Akhir Renstra", "capaian_renstra": "Capaian thd Target Akhir Renstra (%)",
        "anggaran_rp": "Anggaran (Rp)", "realisasi_rp": "Realisasi (Rp)", "capaian_anggaran": "Capaian Anggaran (%)",
        "capaian_output": "Capaian Output (%)", "selisih": "Selisih (poin)", "efisiensi": "Efisiensi",
        "sisa": "Sisa (Rp)", "serapan": "Serapan (%)", "sasaran": "Sasaran", "indikator": "Indikator Kinerja",
        "keterangan": "Keterangan", "sasaran_program": "Sasaran / Program",
        "uraian": "Uraian", "nilai": "Nilai",
        "r_anggaran": "Anggaran (Rp)", "r_realisasi": "Realisasi anggaran (Rp)",
        "r_serapan": "Capaian anggaran / realisasi keuangan (%)",
        "r_output": "Capaian output / realisasi fisik (%)",
        "jumlah_sasaran": "Jumlah sasaran", "jumlah_indikator": "Jumlah indikator kinerja",
        "jumlah_program": "Jumlah program", "jumlah_kegiatan": "Jumlah kegiatan",
        "jumlah_subkegiatan": "Jumlah sub kegiatan",
        # a finding's severity, the place of a printed figure in the spec, a workbook without tables
        "error": "galat", "warning": "peringatan", "info": "info",
        "baris_kolom": "baris {line}, kolom {column}", "tanpa_tabel": "(tidak ada tabel)",
    },
    "en": {
        # titles of the generic tables
        "capaian": "Performance achievement by objective and indicator",
        "anggaran": "Budget realisation by program, activity and sub-activity",
        "periode": "Action plan achievement by period",
        "asersi": "Printed figures checked",
        "temuan": "Review findings",
        "keterangan_predikat": "Rating legend",
        # titles of the report's tables
        "tabel-3.1": "Table 3.1 Target and actual performance, {year}",
        "tabel-3.2": "Table 3.2 This year's actual performance and achievement compared with last year and "
                     "earlier years",
        "tabel-3.3": "Table 3.3 Actual performance {year} compared with the medium-term target of the Renstra",
        "tabel-3.4": "Table 3.4 Target and actual performance {year} compared with the national standard",
        "tabel-3.6": "Table 3.6 Efficiency of resource use",
        "realisasi-anggaran": "B. Budget realisation",
        "iku": "Appendix: Key Performance Indicators (IKU)",
        "pk": "Performance Agreement {year}",
        "ringkasan": "Summary",
        # headers and labels
        "no": "No", "kode": "Code", "jumlah": "Total", "nihil": "None",
        "sasaran_indikator": "Objective / Indicator", "satuan": "Unit", "target": "Target",
        "realisasi": "Actual", "capaian_pct": "Achievement (%)", "predikat": "Rating",
        "item": "Item", "kolom": "Field",
        "tercetak": "Printed", "terhitung": "Computed", "status": "Status", "lokasi": "Location",
        "sumber": "Source", "cocok": "ok", "cocok_pembulatan": "ok within rounding", "beda": "DIFFERS",
        "tingkat": "Severity", "pesan": "Message",
        "periode_col": "Period", "aturan": "Rule",
        "skala": "Scale", "rentang": "Range",
        "dan": "and", "semua": "all values", "dibulatkan": "rounded to {places} decimals first",
        "tepat": "not rounded",
        "program_kegiatan_sub": "Program / Activity / Sub-activity", "program_dan_kegiatan": "Program and activity",
        "program_kegiatan": "Program / Activity", "tahun_y": "{year}",
        "target_anggaran": "Budget target (Rp)", "realisasi_anggaran": "Budget spent (Rp)",
        "capaian_keuangan": "Budget achievement (%)", "capaian_outcome": "Outcome/output achievement (%)",
        "target_y": "Target {year}", "realisasi_y": "Actual {year}", "pct_y": "% {year}",
        "tanpa_padanan": " ({doc_year}, no counterpart in {year})",
        "target_anggaran_y": "Budget target {year} (Rp)", "realisasi_anggaran_y": "Budget spent {year} (Rp)",
        "renstra_target": "Renstra target", "renstra_rp": "Renstra (Rp)",
        "realisasi_renstra": "Spent against Renstra (%)", "standar": "National standard",
        "target_renstra_akhir": "Renstra end target",
        "capaian_renstra": "Against Renstra end target (%)",
        "anggaran_rp": "Budget (Rp)", "realisasi_rp": "Spent (Rp)", "capaian_anggaran": "Budget absorption (%)",
        "capaian_output": "Output achievement (%)", "selisih": "Difference (points)", "efisiensi": "Efficiency",
        "sisa": "Remaining (Rp)", "serapan": "Absorption (%)", "sasaran": "Objective",
        "indikator": "Performance indicator", "keterangan": "Note",
        "sasaran_program": "Objective / Program", "uraian": "Item", "nilai": "Value",
        "r_anggaran": "Budget (Rp)", "r_realisasi": "Budget spent (Rp)",
        "r_serapan": "Budget achievement / financial realisation (%)",
        "r_output": "Output achievement / physical realisation (%)",
        "jumlah_sasaran": "Number of objectives", "jumlah_indikator": "Number of performance indicators",
        "jumlah_program": "Number of programs", "jumlah_kegiatan": "Number of activities",
        "jumlah_subkegiatan": "Number of sub-activities",
        "error": "error", "warning": "warning", "info": "info",
        "baris_kolom": "line {line}, column {column}", "tanpa_tabel": "(no tables)",
    },
}


def heading(lang: str, key: str, **values) -> str:
    """The heading `key` in `lang`, with its placeholders ({year}, {doc_year}) filled in when given."""
    text = HEADINGS[lang][key]
    return text.format(**values) if values else text


# The periods of a `periode` block (januari … desember, tw1 … tw4), in full and as a chart's axis shows them.
PERIODS = {
    "id": dict(zip(("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                    "oktober", "november", "desember", "tw1", "tw2", "tw3", "tw4"),
                   ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                    "Oktober", "November", "Desember", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"))),
    "en": dict(zip(("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                    "oktober", "november", "desember", "tw1", "tw2", "tw3", "tw4"),
                   ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December", "Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4"))),
}
SHORT_PERIODS = {"id": {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"},
                 "en": {"tw1": "Q1", "tw2": "Q2", "tw3": "Q3", "tw4": "Q4"}}


def period(lang: str, name: str) -> str:
    """A period in words: 'Januari', 'Triwulan I' ('January', 'Quarter 1'); an unknown name as it is, capitalised."""
    return PERIODS[lang].get(name, name.title())


def short_period(lang: str, name: str) -> str:
    """A period as a chart's axis shows it: 'Jan', 'Agu', 'TW I' ('Jan', 'Aug', 'Q1')."""
    return SHORT_PERIODS[lang].get(name) or period(lang, name)[:3]


# The fields of a printed figure (`tercetak … serapan 97,15`) as the table of printed figures names them.
FIELDS = {
    "id": {"capaian": "capaian", "target": "target", "realisasi": "realisasi", "satuan": "satuan", "nama": "nama",
           "anggaran": "anggaran", "serapan": "serapan", "capaian_output": "capaian output", "kode": "kode",
           "anggaran_kini": "anggaran tahun ini", "realisasi_kini": "realisasi tahun ini",
           "jumlah_program": "jumlah program", "jumlah_kegiatan": "jumlah kegiatan",
           "jumlah_subkegiatan": "jumlah sub kegiatan", "jumlah_sasaran": "jumlah sasaran",
           "jumlah_indikator": "jumlah indikator kinerja", "instansi": "instansi", "tahun": "tahun",
           "nilai": "nilai", "nip": "NIP", "pangkat": "pangkat", "jabatan": "jabatan", "persen": "persentase",
           # how the composite fields of the checks of periods and earlier years read (field_label)
           "periode": "{field} {period}", "riwayat": "{field} tahun {year}",
           "gabungan": "{field} (gabungan periode)", "kumulatif": "{field} {period} (kumulatif) = {annual}"},
    "en": {"capaian": "achievement", "target": "target", "realisasi": "actual", "satuan": "unit", "nama": "name",
           "anggaran": "budget", "serapan": "absorption", "capaian_output": "output achievement", "kode": "code",
           "anggaran_kini": "budget this year", "realisasi_kini": "spent this year",
           "jumlah_program": "number of programs", "jumlah_kegiatan": "number of activities",
           "jumlah_subkegiatan": "number of sub-activities", "jumlah_sasaran": "number of objectives",
           "jumlah_indikator": "number of performance indicators", "instansi": "agency", "tahun": "year",
           "nilai": "value", "nip": "NIP", "pangkat": "rank", "jabatan": "position", "persen": "percentage",
           "periode": "{field} {period}", "riwayat": "{field} {year}",
           "gabungan": "{field} (periods combined)", "kumulatif": "{field} {period} (cumulative) = {annual}"},
}
_RIWAYAT = deferred(r"riwayat (\d+) (\w+)")
_PERIODE = deferred(r"(\w+) (\w+)")
_GABUNGAN = deferred(r"(\w+) \(periode\)")
_KUMULATIF = deferred(r"(\w+) (\w+) \(kumulatif\) = (\w+)")


def field_label(lang: str, field: str) -> str:
    """A printed figure's field in words ('jumlah program', 'persentase Agustus', 'serapan tahun 2022');
    a field this table does not know, as it is."""
    words = FIELDS[lang]
    if field in words:
        return words[field]
    if match := _RIWAYAT.fullmatch(field):
        return words["riwayat"].format(field=words.get(match[2], match[2]), year=match[1])
    if match := _GABUNGAN.fullmatch(field):
        return words["gabungan"].format(field=words.get(match[1], match[1]))
    if match := _KUMULATIF.fullmatch(field):
        return words["kumulatif"].format(field=words.get(match[1], match[1]), period=period(lang, match[2]),
                                         annual=words.get(match[3], match[3]))
    if (match := _PERIODE.fullmatch(field)) and match[2] in PERIODS[lang]:
        return words["periode"].format(field=words.get(match[1], match[1]), period=period(lang, match[2]))
    return field


# The verdicts of the efficiency analysis (rules.EFFICIENCY_LABELS) in an English report
EFFICIENCY = {"en": {"Efisien": "Efficient", "Cukup Efisien": "Fairly efficient", "Tidak Efisien": "Not efficient"}}


def efficiency(lang: str, label: str) -> str:
    """An efficiency verdict in the report's language."""
    return EFFICIENCY.get(lang, {}).get(label, label)
