"""The fields each kind of item exposes to expressions, messages and assertions.

One table, read by the checks, the graph compiler and the rule evaluator, so that a name
means the same everywhere.
"""

INDIKATOR = ("target", "target_atas", "realisasi", "capaian", "bobot")
SASARAN = ("capaian",)
BUDGET = ("anggaran", "realisasi", "serapan", "capaian_output", "sisa")
COUNTS = ("jumlah_program", "jumlah_kegiatan", "jumlah_subkegiatan", "jumlah_sasaran", "jumlah_indikator")
TOTAL = BUDGET + COUNTS
TOTAL_ID = "total"
TEXT_FIELDS = ("nama", "id", "kode", "satuan", "predikat")

FIELDS_BY_KIND = {
    "indikator": INDIKATOR,
    "sasaran": SASARAN,
    "program": BUDGET,
    "kegiatan": BUDGET,
    "subkegiatan": BUDGET,
    "total": TOTAL,
    "dokumen": BUDGET,
    "ringkasan": ("nilai",),
}

MONEY_FIELDS = frozenset({"anggaran", "realisasi_anggaran", "sisa"})
PERCENT_FIELDS = frozenset({"capaian", "serapan", "capaian_output", "persen"})
