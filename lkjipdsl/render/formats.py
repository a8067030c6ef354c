"""The output formats of `lkjipdsl eval`: which renderer, which extension, text or binary.

Renderers of the heavy formats (xlsx, docx, png) and their libraries are imported only when that
format is asked for, so `lkjipdsl eval` stays fast; a missing library raises MissingExtra.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO

from ..results import Result
from .extras import MissingExtra

if TYPE_CHECKING:
    from .output import Content

TEXT_FORMATS = ("text", "markdown", "csv", "json", "html")
BINARY_FORMATS = ("xlsx", "docx", "png")
FORMATS = TEXT_FORMATS + BINARY_FORMATS
CHARTS = ("capaian", "anggaran", "craapk")
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".json": "json",
              ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".docx": "docx", ".png": "png"}
# Where html puts each chart: after the first of these tables that it shows (else at the end).
CHART_PLACEMENT = {"capaian": ["capaian"], "anggaran": ["realisasi-anggaran", "anggaran", "tabel-3.1"],
                   "craapk": ["periode"]}


class UsageError(Exception):
    """A combination of options that cannot work (exit 2)."""


def choose_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one the output file's extension names, else text."""
    if fmt:
        return fmt
    if output in (None, "-"):
        return "text"
    extension = os.path.splitext(output)[1].lower()
    if not extension:
        return "text"
    if extension not in EXTENSIONS:
        known = ", ".join(sorted(EXTENSIONS))
        raise UsageError(f"cannot tell the format of '{output}' from its extension ({known}); give --format")
    return EXTENSIONS[extension]


def render(result: Result, fmt: str, names: list[str] | None = None, lang: str = "id", chart: str | None = None,
           charts: bool = True) -> tuple[Content, list[str]]:
    """The content to write for a format, and notes for standard error (e.g. charts left out)."""
    from .tables import tables

    if fmt == "docx" and names:
        raise UsageError("--table does not apply to docx: the BAB III draft has its own tables")
    if fmt != "png" and chart:
        raise UsageError("--chart is for --format png; html and docx include every chart")
    if fmt == "png":
        return _png(result, chart, lang), []
    if fmt == "json":
        from .text import write_json

        return (lambda file: write_json(result, file)), []
    if fmt in ("text", "markdown", "csv"):
        from .text import render_tables

        return render_tables(tables(result, names, lang), fmt), []
    if fmt == "xlsx":  # no charts: the workbook holds the numbers, a chart is drawn from them in Excel
        from . import xlsx

        xlsx._openpyxl()  # fail before anything is written when openpyxl is missing
        chosen = tables(result, names, lang)
        return (lambda file: xlsx.write(result, chosen, file)), []
    drawn, notes = _charts(result, lang, charts)
    if fmt == "html":
        return _html(result, tables(result, names, lang), lang, drawn), notes
    from . import docx

    docx._docx()
    return (lambda file: docx.write(result, file, lang, drawn)), notes


def _charts(result: Result, lang: str, wanted: bool) -> tuple[dict[str, bytes], list[str]]:
    if not wanted:
        return {}, []
    from . import charts

    try:
        return {name: charts.png(result, name, lang, title=False) for name in charts.available(result)}, []
    except MissingExtra as exc:
        return {}, [f"charts left out: {exc}"]


def _html(result: Result, chosen: list, lang: str, drawn: dict[str, bytes]) -> str:
    import base64

    from .charts import caption
    from .html import document

    figures = {name: ("data:image/png;base64," + base64.b64encode(data).decode("ascii"), caption(name, lang, result))
               for name, data in drawn.items()}
    return document(result, chosen, lang, figures, CHART_PLACEMENT)


def _png(result: Result, chart: str | None, lang: str):
    from . import charts

    names = charts.available(result)
    if chart is None:
        raise UsageError(f"--format png writes one chart: give --chart NAME ({', '.join(names) or 'none available'})")
    if chart not in names:
        raise UsageError(f"no data for the chart '{chart}' in this spec (available: {', '.join(names) or 'none'})")
    data = charts.png(result, chart, lang)

    def write(file: BinaryIO) -> None:
        file.write(data)

    return write
