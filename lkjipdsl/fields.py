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
# The fields an expression can name in an earlier year, `realisasi@2022` (from the item's riwayat).
EARLIER_INDIKATOR = ("target", "realisasi", "capaian")
EARLIER_BUDGET = ("anggaran", "realisasi", "serapan")

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

# The levels of the budget tree, outermost first (a spec's keywords and a node's `kind`).
BUDGET_LEVELS = ("program", "kegiatan", "subkegiatan")
# Amounts in rupiah, by the name of a value, a node result's field or a printed figure; and a
# budget item's realisasi (`is_money`): an indikator's realisasi is not money.
MONEY_FIELDS = frozenset({"anggaran", "realisasi_anggaran", "sisa", "anggaran_kini", "realisasi_kini"})
PERCENT_FIELDS = frozenset({"capaian", "serapan", "capaian_output", "persen"})


def is_money(field_name: str, on_budget: bool) -> bool:
    """An amount in rupiah: one of MONEY_FIELDS, or the realisasi of a budget item (`on_budget`)."""
    return field_name in MONEY_FIELDS or on_budget and field_name == "realisasi"


def rule_scope_earlier(scope: str) -> tuple[str, ...]:
    """The fields of the items an `aturan` over `scope` is for that it can name in an earlier year
    (`realisasi@2022`, from the item's riwayat)."""
    if scope == "indikator":
        return EARLIER_INDIKATOR
    if scope == "sasaran":
        return ()
    return EARLIER_BUDGET


def rule_scope_fields(scope: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the item's own fields, its children's) for an `aturan` over items of `scope`."""
    if scope == "indikator":
        return INDIKATOR, ()
    if scope == "sasaran":
        return SASARAN, INDIKATOR
    if scope == "subkegiatan":
        return BUDGET, ()  # sub kegiatan have no children
    return BUDGET, BUDGET
