"""The catalogue of diagnostic codes: each code's severity and what it means, in English (here)
and in Indonesian (locale/id/codes.po). `lkjipdsl check --format sarif` names its rules with these
meanings, and docs/language.md's table "Diagnostic codes" shows both texts: tests/test_codes.py
keeps that table equal to this catalogue (LKJIPDSL_UPDATE_GOLDEN=1 writes it). A new code is a new
entry here, in code order, with its Indonesian text in codes.po.

Meanings are Markdown as the documentation shows them (`plain` strips it for plain text).
"""

from __future__ import annotations


from .i18n import N_, _
from .patterns import compiled

CATALOGUE: dict[str, tuple[str, str]] = {
    "E001": ("error", N_("Syntax: an unexpected character or token (`:` after a key, curly quotes, a stray `}` or "
                          "`{`, an unclosed `(`, a chained comparison).")),
    "E002": ("error", N_("A quoted text is not closed on its line.")),
    "E003": ("error", N_("The file ends too early, usually a block without its closing `}`.")),
    "E004": ("error", N_("The file contains a NUL byte (binary or UTF-16).")),
    "E005": ("error", N_("Too many syntax errors; reading stopped after 25.")),
    "E006": ("error", N_("Blocks nested deeper than the limit (64, `max_nesting_depth`), or a file nested too deeply"
                          " to read.")),
    "E007": ("error", N_("The file is larger than the limit (8 MB, `max_file_bytes`); `check` exits 2.")),
    "E008": ("error", N_("The file cannot be read (missing, no permission); `check` exits 2.")),
    "E009": ("error", N_("The file is not valid UTF-8: the byte and its offset are named, and the encoding when it "
                          "is recognisable (UTF-16, UTF-32, Windows-1252); or the text given to `loads()` holds a "
                          "lone surrogate.")),
    "E010": ("error", N_("The file has more tokens (words, numbers, quoted texts, symbols, comments) than the limit "
                          "(500 000, `max_tokens`).")),
    "E011": ("error", N_("A number has more digits than the limit (40, `max_number_digits`).")),
    "E012": ("error", N_("A value computed by a `rumus` or `jika` has more digits before the point than the limit "
                          "(100, `max_value_digits`).")),
    "E013": ("error", N_("Evaluation takes more steps than the limit (1 000 000, `max_evaluation_steps`); it stops "
                          "and gives no values.")),
    "E014": ("error", N_("Too many errors: reading, or checking after reading, stopped after the limit (200, "
                          "`max_errors`).")),
    "E015": ("error", N_("A control, invisible or noncharacter in the file (escape, form feed, a C1 control, a "
                          "zero-width space, a text-direction control, a Hangul filler, a tag character, a byte order"
                          " mark after the start, U+FFFE); it is read as a space.")),
    "E016": ("error", N_("A character that looks like a digit but is not 0–9 (`৪`, `٣`, `４`, `²`), outside quoted "
                          "texts or in a printed figure.")),
    "E017": ("error", N_("A name mixes scripts (`IKU_а` with a Cyrillic `а`).")),
    "E018": ("error", N_("Two names look the same (the same Unicode TR39 skeleton) but are written differently; both"
                          " are named.")),
    "E099": ("error", N_("An internal error: a bug in lkjipdsl met on the way, reported instead of a traceback. "
                          "Please report it with the spec.")),
    "E101": ("error", N_("Unknown key in this block (with a did-you-mean), a key used as a block or a block key used"
                          " without one, an unknown period or field name.")),
    "E102": ("error", N_("A key given twice in a block, a period given twice, two `periode` blocks, or both "
                          "`agregasi` and `rumus` in a sasaran.")),
    "E103": ("error", N_("Wrong number or kind of values: `=` between key and value, a text where a number belongs, "
                          "a bad year, a bad code, a bad range target, a `renstra` year outside the period, a "
                          "negative `bobot`, a malformed printed row.")),
    "E104": ("error", N_("A value that is not one of the allowed choices (`polaritas`, `agregasi`, `angka`, `untuk`,"
                          " `tingkat`, `gabung`, `target_nol`, `presisi`, a colour, a `tercetak` field).")),
    "E105": ("error", N_("A malformed number (bad digit groups, zeros before digit groups, `_` mixed with `.`/`,`, a"
                          " `+` or a second sign, an exponent, hexadecimal).")),
    "E106": ("error", N_("Something required is missing: `instansi`, `tahun`, a name, `polaritas`, `target`, a "
                          "leaf's `anggaran`, a `bobot` in a weighted sasaran, `gabung`, a rule's "
                          "`untuk`/`jika`/`pesan`.")),
    "E110": ("error", N_("A duplicate id or code, a reserved id (`total`, `anak`), a scale or rule declared twice.")),
    "E111": ("error", N_("A reference to an unknown item, scale or sasaran.")),
    "E112": ("error", N_("A budget block at the wrong level (the order is program > kegiatan > subkegiatan).")),
    "E120": ("error", N_("A scale leaves a gap: some value between its lowest and highest band, at the precision it "
                          "rates at, falls in no band.")),
    "E121": ("error", N_("Two bands of a scale overlap.")),
    "E122": ("error", N_("A malformed band (no label, no bounds, unpaired bounds, two lower or upper bounds, empty) "
                          "or a scale without bands.")),
    "E130": ("error", N_("An unknown name in an expression, a misused `anak`, or a field the item does not have.")),
    "E131": ("error", N_("An expression failed at evaluation (division by zero, a non-number where a number is "
                          "needed, `round` beyond 10 decimals) or a `rumus` did not give a number.")),
    "E132": ("error", N_("An unknown function, a wrong number of arguments, or a misused aggregate.")),
    "E133": ("error", N_("An expression that is too large (500 parts, `max_expression_nodes`) or nested too deeply "
                          "(64 levels, `max_expression_depth`).")),
    "E134": ("error", N_("An unknown `{placeholder}` in a rule's `pesan`.")),
    "E140": ("error", N_("A cycle: a value depends on itself through `rumus` references.")),
    "E150": ("error", N_("A zero target (or pagu, or output target) and no `target_nol` policy, or `target_nol "
                          "galat` (at evaluation).")),
    "E151": ("error", N_("A parent budget item states its own `anggaran`/`realisasi`, which come from its children.")),
    "E152": ("error", N_("A negative number where a formula divides by it or an amount cannot be below zero: a "
                          "target of `maksimal`, `minimal` or `rentang` (or of its periods and earlier years), a "
                          "pagu, an output target, the `efisiensi` threshold.")),
    "E153": ("error", N_("A `batas_atas` below the `batas_bawah` that applies with it (both are named).")),
    "W201": ("warning", N_("A sasaran has no indikator.")),
    "W202": ("warning", N_("An indikator has no `satuan`.")),
    "W203": ("warning", N_("A `riwayat` year is not earlier than the report year.")),
    "W204": ("warning", N_("The periods of a `periode` block are not in calendar order (they are sorted).")),
    "W206": ("warning", N_("A budget item's code does not start with its parent's code.")),
    "W207": ("warning", N_("An indikator has a `bobot` but its sasaran does not use `agregasi rata_rata_bobot`.")),
    "W208": ("warning", N_("A `dokumen` item is linked (`sama_dengan`) to an item of another level.")),
    "W209": ("warning", N_("A number with a decimal comma stands as a function argument (`round(2,5)` is "
                          "`round(2.5)`); write `round(2, 5)` for two arguments.")),
    "W210": ("warning", N_("A non-breaking space (as Word and Excel paste it) stands between values; it is read as a "
                          "space.")),
    "W211": ("warning", N_("Line breaks written as carriage returns without a line feed (old Mac files) or as Unicode "
                          "line or paragraph separators; they are read as line breaks.")),
    "W212": ("warning", N_("A spreadsheet error value (`#DIV/0!`, `#N/A`, `#VALUE!` …) where a value belongs; `#` "
                          "starts a comment, so the rest of the line is ignored.")),
    "W213": ("warning", N_("A negative realisasi anggaran (a refund larger than the spending, or an export's sign "
                          "convention).")),
    "W214": ("warning", N_("In Indonesian notation, a number with one comma followed by exactly three digits "
                          "(`1,500`): read as a decimal (1,5), though it is 1.500 in international notation.")),
    "W215": ("warning", N_("In Indonesian notation, a number in international notation (`5,430.000`, read as 5.430): "
                          "it may be a slip (5.430.000), or its table may need "
                          "`sumber \"…\" { angka internasional }`.")),
    "W216": ("warning", N_("A `%` on an amount in rupiah (`anggaran 50%`, `realisasi 12%` of a budget item): "
                           "the amount is read as Rp 50.")),
    "W217": ("warning", N_("A pagu under Rp 1.000 (`anggaran 750`) or with sen (`anggaran 12,5`): perhaps a figure in "
                           "thousands or millions, or a misread separator.")),
    "W218": ("warning", N_("After evaluation: a capaian (an indikator's by its polaritas, a budget item's capaian "
                           "output) or a serapan above 200 % or below 0 %, with its figures as read.")),
    "W219": ("warning", N_("After evaluation: a realisasi anggaran above its anggaran (a serapan up to 200 %).")),
    "W220": ("warning", N_("After evaluation: a realisasi with at least three more digits before the decimal separator "
                           "than its target (target 95, realisasi 95.000): a likely thousands slip.")),
    "W221": ("warning", N_("In Indonesian notation, thousands points and then a comma before exactly three digits "
                           "(`1.500,000`): read as 1.500 with three decimals, though 1.500.000 may have been meant.")),
    "W230": ("warning", N_("A scale rates no value below its lowest band or above its highest one (a scale that stops "
                          "at 0 or 100).")),
    "W231": ("warning", N_("A capaian or serapan lies outside its scale's outermost bands: it gets no predikat.")),
    "W232": ("warning", N_("A word of the reports read as the language's own, said so that nothing is silent: `NA`, "
                           "`n/a`, `\"n/a\"` or `\"#N/A\"` as `-` (no value); `tercetak capaian` of a budget item as "
                           "`serapan`.")),
    "A001": ("error", N_("A printed figure (`tercetak`, a printed row, a `riwayat` persen, a `periode` persen, a "
                          "target/realisasi against its periods) disagrees with the computed value.")),
    "A002": ("error", N_("A printed figure (quoted) is malformed and cannot be read as a number.")),
    "A003": ("error", N_("A printed text (`kode`, `satuan`, `nama` …) differs from the spec's, or a printed "
                          "`predikat` from the computed one.")),
    "A004": ("info", N_("A printed capaian agrees with the computed one only within the rounding of a printed "
                         "input (`realisasi 0,34 dibulatkan`): said, not an error.")),
    "I001": ("error", N_("Importing (`lkjipdsl import`, [docs/import.md](import.md#what-is-refused-and-why)): the "
                          "file cannot be read.")),
    "I002": ("error", N_("Importing: not a workbook, a damaged one, or a CSV file that is not text.")),
    "I003": ("error", N_("Importing: an old Excel 97–2003 workbook (`.xls`).")),
    "I004": ("error", N_("Importing: a password-protected workbook.")),
    "I005": ("error", N_("Importing: a CSV file not in the encoding given, or an unknown encoding.")),
    "I006": ("error", N_("Importing: a file larger than `max_import_bytes`.")),
    "I007": ("error", N_("Importing: a zip bomb, or more than `max_unpacked_bytes` unpacked.")),
    "I008": ("error", N_("Importing: more rows or cells than `max_rows` / `max_cells`.")),
    "I101": ("error", N_("Importing: a cell that cannot be read as what belongs there (a date where an amount "
                          "belongs …).")),
    "I102": ("error", N_("Importing: a value that is not one of the choices.")),
    "I103": ("error", N_("Importing: an ID or code given twice.")),
    "I104": ("error", N_("Importing: a formula whose value Excel never computed.")),
    "I105": ("error", N_("Importing: a sheet, heading or column that cannot be found.")),
    "I106": ("error", N_("Importing: something required is missing.")),
    "I107": ("error", N_("Importing: a code that fits no level, or a row out of order.")),
    "I108": ("error", N_("Importing: an ID or code that names nothing.")),
    "I201": ("warning", N_("Importing: a code or an id held as a number by Excel.")),
    "I202": ("warning", N_("Importing: a row under an item whose code it does not start with.")),
    "I203": ("warning", N_("Importing: belanja lines that do not add up to their sub kegiatan's printed total.")),
    "I204": ("warning", N_("Importing: hidden rows or sheets were read.")),
    "I205": ("warning", N_("Importing: a printed figure kept as printed text.")),
    "I206": ("info", N_("Importing: items listed under several budget sources, summed.")),
    "I207": ("warning", N_("Importing: a sheet or a filled column the importer does not read.")),
    "I301": ("error", N_("`import --update` of a spec that has errors.")),
    "I302": ("warning", N_("`import --update`: a sub kegiatan in the export but not in the spec.")),
    "I303": ("warning", N_("`import --update`: a sub kegiatan in the spec but not in the export.")),
    "I304": ("error", N_("Importing: the spec an import writes, or `--update` would write, does not load.")),
    "I305": ("error", N_("`import --update` from an export of another year than the spec's.")),
    "I306": ("warning", N_("`import --update` from an export that names another instansi than the spec.")),
    "I307": ("warning", N_("`import --update`: running monthly totals into a periode that adds its months up.")),
    "N001": ("info", N_("The narrative file beside the spec (`SPEC.narasi.md`, [docs/reports.md](reports.md#the-"
                         "planners-narrative-specnarasimd)): a section of the full report still has no text of its "
                         "own, so the report shows a placeholder there. Reported only when the file exists.")),
    "N002": ("warning", N_("The narrative file: a `#` or `##` heading that names no section of the report (with a "
                            "did-you-mean), or text before the first heading; that text is not placed in the "
                            "report.")),
    "N003": ("warning", N_("The narrative file: a section's heading written a second time; its text is added to the "
                            "first.")),
    "N004": ("error", N_("The narrative file cannot be read (no permission, not UTF-8, a NUL byte, larger than "
                          "`max_file_bytes`).")),
}


_LINK = compiled(r"\[([^\]]*)\]\([^)]*\)")


def meaning(code: str) -> str | None:
    """What `code` means, in the language in force (Markdown); None for a code not in the catalogue
    (a rule's id, a template's T-code)."""
    entry = CATALOGUE.get(code)
    return _(entry[1]) if entry else None


def plain(text: str) -> str:
    """Markdown as plain text: a link as its words, code without its backticks."""
    return _LINK.sub(r"\1", text).replace("`", "")
