"""The fixed words of the language: the choices a key takes (polaritas, agregasi …), the periods of
a year, the fields a printed figure can assert, and the order of the budget levels."""

from __future__ import annotations

from ..aggregation import AGGREGATIONS
from ..fields import BUDGET_LEVELS  # noqa: F401  (a keyword of the language: read by the blocks)
from ..polarity import POLARITIES

POLARITAS = {name: entry.description for name, entry in POLARITIES.items()}
POLARITAS_WORDS = tuple(POLARITAS)
AGREGASI = tuple(AGGREGATIONS)
DISPLAY_ROUNDINGS = ("setengah_ke_atas", "potong")  # pembulatan: figures shown rounded half-up or truncated
PARENT_SERAPAN = ("rasio_jumlah", "rata_rata")  # serapan_induk: a parent's serapan as a ratio of sums or a mean
COMBINE = ("jumlah", "terakhir", "rata_rata")
SEVERITIES = {"galat": "error", "peringatan": "warning", "info": "info"}
SEVERITY_WORDS = tuple(SEVERITIES)
RULE_SCOPES = ("indikator", "sasaran", "program", "kegiatan", "subkegiatan", "anggaran")
DOCUMENT_KINDS = ("realisasi", "renstra")
# The tables `lkjipdsl eval --table` knows (lkjipdsl.render.tables.all_builders), whose title a
# spec may declare as its report prints it: `tabel "tabel-3.1" "Tabel 19. Realisasi Anggaran"`.
TABLE_NAMES = ("capaian", "predikat", "anggaran", "periode", "temuan", "asersi", "ringkasan", "iku", "pk",
               "tabel-3.1", "tabel-3.2", "tabel-3.3", "tabel-3.4", "tabel-3.6", "realisasi-anggaran")
PERIOD_KINDS = ("bulanan", "triwulanan")
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember")
MONTH_ALIASES = {"pebruari": "februari", "nopember": "november", "agustus": "agustus"}
MONTH_ALIASES.update({m[:3]: m for m in MONTHS})
MONTH_ALIASES.update({"agt": "agustus", "ags": "agustus", "nop": "november", "peb": "februari"})
QUARTERS = ("tw1", "tw2", "tw3", "tw4")
# a period's position in the year by every way of writing it (lower case)
PERIOD_POSITIONS = {
    "bulanan": {**{name: MONTHS.index(canonical) for name, canonical in MONTH_ALIASES.items()},
                **{month: index for index, month in enumerate(MONTHS)}},
    "triwulanan": {quarter: index for index, quarter in enumerate(QUARTERS)},
}
PRINTED_FIELDS = {
    "indikator": ("capaian", "target", "realisasi", "satuan", "nama", "predikat", "capaian_renstra"),
    "sasaran": ("capaian", "nama", "predikat"),
    "budget": ("anggaran", "realisasi", "serapan", "capaian_output", "target", "kode", "nama", "predikat"),
    "dokumen_budget": ("anggaran", "realisasi", "serapan", "capaian_output", "target", "kode", "nama", "predikat",
                       "anggaran_kini", "realisasi_kini"),
    "total": ("anggaran", "realisasi", "serapan", "capaian_output", "jumlah_program", "jumlah_kegiatan",
              "jumlah_subkegiatan", "jumlah_sasaran", "jumlah_indikator", "instansi", "tahun"),
    "ringkasan": ("nilai",),
    "dokumen": ("anggaran", "realisasi", "serapan", "capaian_output", "anggaran_kini", "realisasi_kini", "tahun"),
    "pejabat": ("nama", "nip", "pangkat", "jabatan"),
}
# Fields printed as text: compared as text (case, spacing and spacing around '/' ignored).
TEXT_PRINTED = ("kode", "satuan", "nama", "instansi", "nip", "pangkat", "jabatan", "predikat")
# The fields of a printed row (`tercetak "Tabel 3.1" anggaran … realisasi …`): the figures only.
PRINTED_ROW_FIELDS = {owner: tuple(f for f in fields if f not in TEXT_PRINTED)
                      for owner, fields in PRINTED_FIELDS.items()}
BUDGET_CHILD = {"program": "kegiatan", "kegiatan": "subkegiatan", "subkegiatan": None}
# The figures of an earlier year (riwayat) and of the Renstra (renstra) each item takes.
INDIKATOR_HISTORY = ("target", "realisasi", "capaian")
BUDGET_HISTORY = ("anggaran", "realisasi", "persen", "target", "capaian")
INDIKATOR_RENSTRA = ("target",)
BUDGET_RENSTRA = ("target", "anggaran")
OUTPUT_FIELDS = ("target", "realisasi")
PERIOD_FIELDS = ("target", "realisasi", "persen")

# Keys that belong to one kind of block, for the hint when one stands elsewhere.
BELONGS_IN = {"indikator": "sasaran", "kegiatan": "program", "subkegiatan": "kegiatan", "pita": "skala",
              "untuk": "aturan", "jika": "aturan", "pesan": "aturan"}
# Keys that start a statement, for the hint when one follows another on the same line.
STATEMENT_KEYS = {"target", "realisasi", "satuan", "polaritas", "anggaran", "bobot", "tercetak", "riwayat",
                  "renstra", "keterangan", "rumus", "jika", "pesan", "untuk", "tingkat", "output", "capaian_output"}
