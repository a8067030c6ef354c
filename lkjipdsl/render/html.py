"""Tables as one self-contained HTML file: predikat colours, a printable stylesheet, charts inline.

Layout only, like text.py: the cells arrive formatted (Indonesian style by default) from the Table
builders; a row's predikat colour fills the cell it rates, and a kegiatan or sub kegiatan is indented
by its level. Charts, when given, are PNG data URIs. `rendered_page` is the renderer of the format
html in the registry of formats.py.
"""

from __future__ import annotations

import base64
import html

from ..results import Result
from .charts import caption, drawn_charts
from .format_request import FormatRequest
from .table import Table, contrast
from .tables import tables
from .xmltext import xml_text

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from .format_request import Rendered

# Where each chart goes: after the first of these tables that the page shows (else at the end)
CHART_PLACEMENT = {"capaian": ["capaian"], "anggaran": ["realisasi-anggaran", "anggaran", "tabel-3.1"],
                   "craapk": ["periode"]}

STYLESHEET = """
:root { --line: #8c959f; --head: #eaeef2; }
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1f2328;
       max-width: 1280px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 16pt; margin: 0 0 .2em; }
h2 { font-size: 12pt; margin: 1.6em 0 .4em; break-after: avoid; }
h3 { font-size: 11pt; margin: 1.2em 0 .3em; break-after: avoid; }
p.meta { color: #57606a; margin: 0 0 1.5em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1.2em; }
div.scroll { overflow-x: auto; max-width: 100%; }
section.wide table { font-size: 8.5pt; }
section.legend { break-inside: avoid; }
th, td { border: 1px solid var(--line); padding: 2px 6px; vertical-align: top; text-align: left; }
th { background: var(--head); vertical-align: middle; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.rated { font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
figure { margin: .5em 0 1.5em; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: 9pt; }
footer { color: #57606a; font-size: 8pt; margin-top: 2em; border-top: 1px solid var(--head); padding-top: .4em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 8pt; }
  h2 { font-size: 11pt; }
  table { margin-bottom: .8em; }
  div.scroll { overflow: visible; }
  section.wide table { font-size: 6.5pt; }
  section.wide th, section.wide td { padding: 1px 3px; }
}
""".strip()

# A page handed in carries the report's own words only: no word of the tool that made it.
TEXT = {
    "id": {"judul": "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {year}"},
    "en": {"judul": "Government Agency Performance Report (LKjIP) {year}"},
}
WIDE_COLUMNS = 9  # a table of more columns is set smaller, scrolls in its box on screen, prints landscape
LEGENDS = ("predikat",)  # tables that explain colours: kept on one page


def escape(text: str) -> str:
    """Text for HTML: markup characters escaped, characters HTML cannot hold as U+FFFD."""
    return html.escape(xml_text(text))


def table_html(table: Table, heading: str = "h2") -> str:
    """One table as a <section>: its title as a heading, the header (two rows where columns are grouped
    under a year), the rows with their colours; inside a box that scrolls when the window is narrower."""
    kind = " wide" if len(table.headers) >= WIDE_COLUMNS else " legend" if table.name in LEGENDS else ""
    out = [f'<section class="table{kind}" id="tabel-{escape(table.name)}">',
           f"<{heading}>{escape(table.title)}</{heading}>", '<div class="scroll">', "<table>", "<thead>"]
    for cells in table.header_rows():
        out.append("<tr>" + "".join(f"<th{_span('colspan', across)}{_span('rowspan', down)}>{escape(text)}</th>"
                                    for text, across, down in cells) + "</tr>")
    out += ["</thead>", "<tbody>"]
    for index in range(len(table.rows)):
        color = table.colors[index] if index < len(table.colors) else None
        attributes = f' data-warna="{escape(color)}"' if color else ""
        cells = [_cell(table, level, text, column, color) for column, (level, text) in enumerate(table.leveled(index))]
        out.append(f"<tr{attributes}>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>", "</div>", "</section>"]
    return "\n".join(out)


def _span(name: str, count: int) -> str:
    return f' {name}="{count}"' if count > 1 else ""


def _cell(table: Table, level: int, text: str, column: int, color: str | None) -> str:
    classes, styles = [], []
    if table.align[column] == "right":
        classes.append("num")
    if level:
        styles.append(f"padding-left: {0.4 + 1.2 * level:.1f}em")
    rated = table.rated if table.rated is not None else 0
    if color and column == rated:
        if table.rated is not None:
            classes.append("rated")
            styles.append(f"background: {color}; color: {contrast(color)}")
        else:  # a row marked without a rated column: a stripe on its first cell
            styles.append(f"border-left: 5px solid {color}")
    attributes = f' class="{" ".join(classes)}"' if classes else ""
    attributes += f' style="{"; ".join(styles)}"' if styles else ""
    return f"<td{attributes}>{escape(text)}</td>"


def figure_html(uri: str, caption: str) -> str:
    return (f'<figure><img src="{uri}" alt="{escape(caption)}">'
            f"<figcaption>{escape(caption)}</figcaption></figure>")


def document(result: Result, tables: list[Table], lang: str = "id", charts: dict[str, tuple[str, str]] | None = None,
             placement: dict[str, list[str]] | None = None) -> str:
    """A complete HTML page: title, the tables, each chart (data URI, caption) after its first related table."""
    text = TEXT[lang]
    instansi = escape(result.spec.instansi or "")
    year = result.spec.tahun or ""
    body = [f"<h1>{instansi}</h1>", f"<p class=\"meta\">{escape(text['judul'].format(year=year))}</p>"]
    pending = dict(charts or {})
    for table in tables:
        body.append(table_html(table))
        for name in [n for n in pending if table.name in (placement or {}).get(n, [])]:
            body.append(figure_html(*pending.pop(name)))
    body += [figure_html(*figure) for figure in pending.values()]
    title = escape(f"{result.spec.instansi or ''} — {text['judul'].format(year=year)}")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
            f"<style>\n{STYLESHEET}\n</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def rendered_page(request: FormatRequest) -> Rendered:
    """The tables asked for as one page, with every chart the spec has data for (unless --no-charts)."""
    result, lang = request.result, request.lang
    drawn, notes = drawn_charts(result, lang, request.charts)
    figures = {name: ("data:image/png;base64," + base64.b64encode(data).decode("ascii"), caption(name, lang, result))
               for name, data in drawn.items()}
    return document(result, tables(result, request.names, lang, request.audit), lang, figures, CHART_PLACEMENT), notes
