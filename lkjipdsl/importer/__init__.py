"""The way in: workbooks and CSV files become specs (`lkjipdsl import`, `lkjipdsl template`).

    from lkjipdsl.importer import import_file
    imported = import_file("realisasi.xlsx")       # -> Imported(text, diagnostics, kind)

Two kinds of file are read: the input workbook `lkjipdsl template` writes (lkjipdsl.importer.
read_isian) and the realisation export of a pemda finance system (lkjipdsl.importer.export), as
.xlsx or .csv. Both become a Draft (lkjipdsl.importer.draft), written as spec text in the
canonical layout (lkjipdsl.importer.writer). Every problem is a diagnostic naming the file,
sheet and cell; a file that cannot be read at all is one diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity, error
from ..i18n import _
from .draft import Draft
from .sheets import DEFAULT_LIMITS, ImportLimits, ImportProblem, read_file

__all__ = ["Imported", "ImportLimits", "import_file"]


@dataclass
class Imported:
    """What an import gave: the spec text (None when nothing can be written), its diagnostics,
    the Draft it was written from, and which kind of file it was (isian or ekspor)."""

    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    draft: Draft | None = None
    kind: str = ""

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def import_file(path: str, anggaran: str | None = None, sheet: str | None = None, delimiter: str | None = None,
                encoding: str | None = None, instansi: str | None = None, tahun: int | None = None,
                limits: ImportLimits = DEFAULT_LIMITS) -> Imported:
    """Read an .xlsx or .csv file (the input workbook or a realisation export) into spec text."""
    from ..api import gc_paused

    with gc_paused():  # hundreds of thousands of cells, no cycles: the collector would only walk them again
        return _import(path, anggaran, sheet, delimiter, encoding, instansi, tahun, limits)


def _import(path, anggaran, sheet, delimiter, encoding, instansi, tahun, limits) -> Imported:
    from . import export, read_isian, writer

    try:
        workbook = read_file(path, limits, delimiter, encoding)
    except ImportProblem as problem:
        return Imported(None, [problem.diagnostic])
    if read_isian.is_isian(workbook):
        draft, diagnostics = read_isian.read(workbook)
        kind = "isian"
    elif export.looks_like_export(workbook) or sheet is not None:
        draft, diagnostics = export.read(workbook, anggaran, sheet, instansi, tahun)
        kind = "ekspor"
    else:
        names = ", ".join(s.name for s in workbook.sheets) or _("none")
        return Imported(None, [error(
            "I105", _("'{file}' is neither an lkjipdsl input workbook nor a realisation export").format(
                file=workbook.file), None,
            _("sheets: {names}; an export needs a header row with KODE, URAIAN and ANGGARAN or REALISASI "
              "in its first 40 rows; the input workbook comes from 'lkjipdsl template'").format(names=names))])
    return Imported(writer.write(draft), diagnostics, draft, kind)
