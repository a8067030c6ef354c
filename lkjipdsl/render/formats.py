"""The output formats of `lkjipdsl eval`, in one registry: name, file extensions, text or binary,
the renderer, the extra its library comes from, and what it does with --table and --chart.

The command's --format choices, the format an output file's extension names (`choose_format`) and
the dispatch (`render`) all read REGISTRY. Adding a format is one `Format` entry here, with the
three-line loader that imports its renderer, plus its module, whose renderer takes a FormatRequest
(format_request.py) and returns what to write and notes for standard error. A renderer is imported
only when its format is asked for (the docx module alone would add a third to the command's start),
and the libraries of the heavy formats only when they draw; a missing library raises MissingExtra
(extras.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from ..records import record

from ..i18n import N_, _
from ..limits import Limits
from ..results import Result
from .extras import MissingExtra
from ..format import display_rounding, with_display_rounding
from .format_request import FormatRequest, UsageError

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from .format_request import Rendered

CHARTS = ("capaian", "anggaran", "craapk")  # the names --chart takes: charts.SOURCES (charts.py, imported to draw)

__all__ = ["BINARY_FORMATS", "CHARTS", "EXTENSIONS", "FORMATS", "REGISTRY", "ROLLUP_FORMATS", "TEXT_FORMATS",
           "Format", "MissingExtra", "UsageError", "choose_format", "render"]


@record(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]  # lower case, with the dot; `-o` with one of these chooses the format
    binary: bool  # bytes that must not go to a terminal
    renderer: Callable[[FormatRequest], Rendered]  # a loader below: imports the renderer, then calls it
    extra: str | None = None  # the extra of pyproject.toml whose library the format needs
    charts: str = "none"  # "all": embeds every chart (unless --no-charts); "one": the chart --chart names
    own_tables: str = ""  # why --table does not apply: the format lays out tables of its own
    rollup: bool = False  # the roll-up of several specs (`eval` with several files) can be written in it


def _tables_as_text(request: FormatRequest) -> Rendered:
    from .text import rendered_tables
    return rendered_tables(request)


def _json(request: FormatRequest) -> Rendered:
    from .text import rendered_json
    return rendered_json(request)


def _page(request: FormatRequest) -> Rendered:
    from .html import rendered_page
    return rendered_page(request)


def _workbook(request: FormatRequest) -> Rendered:
    from .xlsx import rendered_workbook
    return rendered_workbook(request)


def _draft(request: FormatRequest) -> Rendered:
    from .docx import rendered_draft
    return rendered_draft(request)


def _pdf(request: FormatRequest) -> Rendered:
    from .pdf import rendered_pdf
    return rendered_pdf(request)


def _chart(request: FormatRequest) -> Rendered:
    from .charts import rendered_png
    return rendered_png(request)


REGISTRY = {entry.name: entry for entry in (
    Format("text", (".txt",), False, _tables_as_text, rollup=True),
    Format("markdown", (".md", ".markdown"), False, _tables_as_text, rollup=True),
    Format("csv", (".csv",), False, _tables_as_text, rollup=True),
    Format("json", (".json",), False, _json, rollup=True),
    Format("html", (".html", ".htm"), False, _page, charts="all"),
    # no charts in a workbook: it holds the numbers, and Excel draws a chart from them
    Format("xlsx", (".xlsx",), True, _workbook, extra="xlsx"),
    Format("docx", (".docx",), True, _draft, extra="docx", charts="all",
           own_tables=N_("the BAB III draft has its own tables")),
    Format("png", (".png",), True, _chart, extra="charts", charts="one"),
    # the html page printed by WeasyPrint: A4, the header row on every page, rows never split
    Format("pdf", (".pdf",), True, _pdf, extra="pdf", charts="all"),
)}

FORMATS = tuple(REGISTRY)
TEXT_FORMATS = tuple(name for name, entry in REGISTRY.items() if not entry.binary)
BINARY_FORMATS = tuple(name for name, entry in REGISTRY.items() if entry.binary)
ROLLUP_FORMATS = tuple(name for name, entry in REGISTRY.items() if entry.rollup)
EXTENSIONS = {extension: entry.name for entry in REGISTRY.values() for extension in entry.extensions}


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
        raise UsageError(_("cannot tell the format of '{file}' from its extension ({extensions}); give --format")
                         .format(file=output, extensions=known))
    return EXTENSIONS[extension]


def render(result: Result, fmt: str, names: list[str] | None = None, lang: str = "id", chart: str | None = None,
           charts: bool = True, audit: bool = False, width: int | None = None,
           limits: Limits | None = None) -> Rendered:
    """The content to write for a format, and notes for standard error (e.g. charts left out); text
    tables within `width` columns when one is given."""
    entry = REGISTRY[fmt]
    if names and entry.own_tables:
        raise UsageError(_("--table does not apply to {format}: {reason}").format(format=fmt,
                                                                                 reason=_(entry.own_tables)))
    if chart and entry.charts != "one":
        raise UsageError(_("--chart is for --format {one_chart}; {every_chart} include every chart").format(
            one_chart=listed(_charting("one"), _("{names} or {last}")),
            every_chart=listed(_charting("all"), _("{names} and {last}"))))
    rounding = result.spec.pembulatan  # every figure shown as the report shows it (format_value)
    with display_rounding(rounding):
        content, notes = entry.renderer(FormatRequest(result, fmt, names, lang, chart, charts, audit, width,
                                                        limits))
    return (content if isinstance(content, str) else with_display_rounding(rounding, content)), notes


def _charting(how: str) -> list[str]:
    return [name for name, entry in REGISTRY.items() if entry.charts == how]


def listed(names: list[str], pattern: str) -> str:
    """Names joined as a list in a sentence: `pattern` ("{names} and {last}", translated) joins the last."""
    if len(names) <= 1:
        return "".join(names)
    return pattern.format(names=", ".join(names[:-1]), last=names[-1])
