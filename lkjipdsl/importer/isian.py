"""The input workbook planners fill in (`lkjipdsl template`), as data: its sheets and columns.

One table says what each sheet holds; the template writer (lkjipdsl.importer.template) lays it
out with headings, instructions, drop-downs and number formats, and the reader
(lkjipdsl.importer.read_isian) finds each column by its heading, so a planner may reorder or
hide columns. The version is kept in a hidden sheet and a document property, so `import` can
tell this workbook from an export.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..aggregation import AGGREGATIONS
from ..build.vocabulary import DISPLAY_ROUNDINGS, PARENT_SERAPAN
from ..fields import BUDGET_LEVELS
from ..polarity import POLARITIES

TEMPLATE_VERSION = "1"
VERSION_PROPERTY = "lkjipdsl_isian"
VERSION_SHEET = "_lkjipdsl"

POLARITAS = tuple(POLARITIES)
AGREGASI = tuple(AGGREGATIONS)
SKALA = ("permendagri86", "tiga_tingkat")
ANGKA = ("indonesia", "internasional")
TARGET_NOL = ("galat", "kosong")
PEMBULATAN = DISPLAY_ROUNDINGS
SERAPAN_INDUK = PARENT_SERAPAN
TINGKAT = BUDGET_LEVELS
GABUNG = ("jumlah", "terakhir", "rata_rata")
JENIS_PERIODE = ("bulanan", "triwulanan")
JENIS_RIWAYAT = ("riwayat", "renstra")
PERIODE = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
           "november", "desember", "tw1", "tw2", "tw3", "tw4")
TERCETAK = ("capaian", "target", "realisasi", "anggaran", "serapan", "capaian_output", "satuan", "kode", "nama",
            "jumlah_program", "jumlah_kegiatan", "jumlah_subkegiatan", "jumlah_sasaran", "jumlah_indikator",
            "instansi", "tahun")
TERCETAK_TEXTS = ("satuan", "kode", "nama", "instansi")


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: int
    kind: str = "text"  # text | number | money | percent | choice | year | code | id
    choices: tuple[str, ...] = ()
    required: bool = False
    note: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    title: str
    instructions: tuple[str, ...]
    columns: tuple[Column, ...]


IDENTITAS_KEYS = (
    ("instansi", "Nama instansi (unit yang melapor)", "text", (), True),
    ("tahun", "Tahun laporan", "year", (), True),
    ("renstra_awal", "Tahun awal periode Renstra", "year", (), False),
    ("renstra_akhir", "Tahun akhir periode Renstra", "year", (), False),
    ("angka", "Gaya penulisan angka: indonesia (1.000,5) atau internasional (1,000.5)", "choice", ANGKA, False),
    ("skala", "Skala penilaian capaian kinerja", "choice", SKALA, False),
    ("skala_anggaran", "Skala penilaian serapan anggaran", "choice", SKALA, False),
    ("target_nol", "Jika target nol: galat, kosong, atau sebuah angka", "text", TARGET_NOL, False),
    ("batas_atas", "Batas atas capaian (kosongkan bila tidak ada)", "number", (), False),
    ("batas_bawah", "Batas bawah capaian (kosongkan bila tidak ada)", "number", (), False),
    ("efisiensi", "Ambang efisiensi dalam poin (kosongkan bila tidak dinilai)", "number", (), False),
    ("pembulatan", "Cara laporan menampilkan angka: setengah_ke_atas (dibulatkan, bila kosong) atau potong "
                   "(angka di belakang koma dipotong)", "choice", PEMBULATAN, False),
    ("serapan_induk", "Persentase serapan program dan kegiatan: rasio_jumlah (realisasi dibagi anggaran, bila "
                      "kosong) atau rata_rata (rata-rata persentase baris di bawahnya)", "choice", SERAPAN_INDUK,
     False),
)

SHEETS = (
    SheetSpec("Identitas", "Identitas laporan", (
        "Isi kolom Nilai. Baris bertanda * wajib diisi.",), (
        Column("kunci", "Kunci", 18, "id", required=True),
        Column("nilai", "Nilai", 44, required=True),
        Column("keterangan", "Keterangan", 70),
    )),
    SheetSpec("Sasaran & Indikator", "Sasaran dan indikator kinerja", (
        "Satu baris untuk setiap indikator. ID sasaran dan nama sasaran cukup ditulis pada baris pertama "
        "sasaran itu; baris berikutnya boleh hanya menulis ID sasaran.",
        "Polaritas: maksimal (makin tinggi makin baik), minimal (makin rendah makin baik), rentang "
        "(target berupa rentang: isi Target dan Target atas), stabil.",
        "Tulis - untuk nilai yang belum ada. Angka boleh ditulis sebagai angka Excel atau teks (1.234,5).",), (
        Column("sasaran", "ID Sasaran", 12, "id", required=True),
        Column("nama_sasaran", "Nama Sasaran", 40),
        Column("agregasi", "Agregasi", 16, "choice", AGREGASI),
        Column("indikator", "ID Indikator", 14, "id", required=True),
        Column("nama_indikator", "Nama Indikator", 48, required=True),
        Column("satuan", "Satuan", 12),
        Column("polaritas", "Polaritas", 13, "choice", POLARITAS, required=True),
        Column("target", "Target", 14, "number"),
        Column("target_atas", "Target Atas (rentang)", 14, "number"),
        Column("realisasi", "Realisasi", 14, "number"),
        Column("bobot", "Bobot", 9, "number"),
        Column("penanggung_jawab", "Penanggung Jawab", 22),
        Column("keterangan", "Keterangan", 30),
    )),
    SheetSpec("Anggaran", "Program, kegiatan dan sub kegiatan", (
        "Satu baris untuk setiap program, kegiatan dan sub kegiatan, berurutan: program, lalu kegiatannya, "
        "lalu sub kegiatannya.",
        "Anggaran dan realisasi diisi pada baris paling bawah (yang tidak punya anak); jumlah program dan "
        "kegiatan dihitung oleh lkjipdsl.",
        "Tingkat boleh dikosongkan bila kode menunjukkan tingkatnya (1 / 1.2 / 1.2.3, atau kode Kepmendagri "
        "7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.0001).",), (
        Column("kode", "Kode", 20, "code", required=True),
        Column("tingkat", "Tingkat", 13, "choice", TINGKAT),
        Column("uraian", "Uraian", 56, required=True),
        Column("anggaran", "Anggaran (Rp)", 18, "money"),
        Column("realisasi", "Realisasi (Rp)", 18, "money"),
        Column("capaian_output", "Capaian Output (%)", 12, "percent"),
        Column("target", "Target Kinerja", 12, "number"),
        Column("sasaran", "ID Sasaran", 12, "id"),
        Column("keterangan", "Keterangan", 30),
    )),
    SheetSpec("Bulanan", "Target dan realisasi per bulan atau triwulan (CRAAPK / rencana aksi)", (
        "Satu baris untuk setiap bulan (atau triwulan) dari setiap indikator atau sub kegiatan.",
        "Gabung: jumlah (angka per bulan dijumlahkan), terakhir (angka sudah kumulatif), rata_rata.",), (
        Column("id", "ID Indikator / Kode", 20, "id", required=True),
        Column("jenis", "Jenis", 12, "choice", JENIS_PERIODE),
        Column("gabung", "Gabung", 12, "choice", GABUNG),
        Column("periode", "Bulan / Triwulan", 14, "choice", PERIODE, required=True),
        Column("target", "Target", 18, "number"),
        Column("realisasi", "Realisasi", 18, "number"),
        Column("persen", "% Tercetak", 11, "percent"),
    )),
    SheetSpec("Riwayat & Renstra", "Tahun-tahun sebelumnya dan target jangka menengah", (
        "Riwayat: angka tahun sebelumnya. Renstra: target Renstra per tahun, atau 'akhir' untuk akhir periode.",), (
        Column("id", "ID Indikator / Kode", 20, "id", required=True),
        Column("jenis", "Jenis", 11, "choice", JENIS_RIWAYAT, required=True),
        Column("tahun", "Tahun", 9, "year", required=True),
        Column("target", "Target", 16, "number"),
        Column("realisasi", "Realisasi", 16, "number"),
        Column("capaian", "Capaian / Persen", 12, "percent"),
        Column("anggaran", "Anggaran (Rp)", 18, "money"),
    )),
    SheetSpec("Tercetak", "Angka yang tercetak di laporan, untuk diperiksa", (
        "Satu baris untuk setiap angka yang tercetak. ID: indikator, sasaran, kode anggaran, atau 'total'.",), (
        Column("id", "ID / Kode", 20, "id", required=True),
        Column("kolom", "Kolom", 18, "choice", TERCETAK, required=True),
        Column("nilai", "Nilai Tercetak", 20, required=True),
        Column("sumber", "Sumber (mis. Tabel 3.1)", 30),
    )),
)

SHEET_BY_NAME = {sheet.name: sheet for sheet in SHEETS}
