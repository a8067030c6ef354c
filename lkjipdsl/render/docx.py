"""A draft of BAB III (Akuntabilitas Kinerja) as a Word document (python-docx, the `docx` extra).

The chapter's parts (PermenPAN-RB 53/2014): A. Capaian Kinerja Organisasi — the measurement,
the capaian table and chart, a few sentences per sasaran, the comparison tables 3.1–3.6 (on
landscape pages), a few sentences per program; B. Realisasi Anggaran — the totals, the table and
the charts. Tables, sentences and charts all come from the Table builders, narrative.py and
charts.py: nothing is computed here. Imported only when `--format docx` is used: `rendered_draft`
is the renderer of the format docx (formats.py).
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape as xml_escape

from ..fields import BUDGET_LEVELS
from ..results import Result
from . import narrative
from .narrative import BAB3
from .charts import caption, drawn_charts
from .extras import require
from .format_request import FormatRequest
from .table import Table, contrast
from .tables import AUDIT_TABLES, all_builders
from .xmltext import xml_text
from ..patterns import compiled

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

    from .format_request import Rendered

COMPARISONS = ["tabel-3.1", "tabel-3.2", "tabel-3.3", "tabel-3.4", "tabel-3.6"]
ROWS_PER_BATCH = 500  # table rows made as one piece of XML
JUSTIFY = {"left": "left", "right": "right", "center": "center"}
CELL_PADDING_PT = 3.0  # left + right cell margins (1.5 pt each, set on every table)
FONT_SIZES = (8.0, 7.0, 6.0)  # table text; a wide table steps down until its columns fit
WIDE = {**dict.fromkeys("0123456789", 0.556), **dict.fromkeys(".,:;!|' ", 0.278), "-": 0.333, "%": 0.889,
        "/": 0.278, "(": 0.333, ")": 0.333, "m": 0.833, "w": 0.722, "M": 0.833, "W": 0.944}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of Arial text in points (character widths in em from the font's metrics)."""
    em = sum(WIDE.get(ch, 0.667 if ch.isupper() else 0.5) for ch in text)
    return em * size * (1.15 if bold else 1.0)


def column_widths(table: Table, available: float) -> tuple[list[float], float]:
    """Column widths in points and the font size: numbers and short text never wrap, long text columns
    share what is left (at least their longest word); the font steps down when even that does not fit."""
    leveled = [table.leveled(index) for index in range(len(table.rows))]
    for size in FONT_SIZES:
        natural, minimum = [], []
        for column, header in enumerate(table.headers):
            cells = [row[column] for row in leveled]
            longest = max([text_width(text, size) + level * 7 for level, text in cells] + [0])
            words = [w for text in [header, *(t for _, t in cells)] for w in text.split()]
            word = max([text_width(w, size, bold=True) for w in words] + [0])
            natural.append(max(longest, word) + CELL_PADDING_PT + 2)
            wraps = table.align[column] == "left" and longest > 120
            minimum.append(max(word + CELL_PADDING_PT + 2, 90) if wraps else natural[-1])
        if sum(minimum) <= available or size == FONT_SIZES[-1]:
            break
    count = range(len(natural))
    if sum(natural) <= available:  # room to spare: the long text columns (else the text columns) take it
        widths = natural
        takers = [c for c in count if natural[c] > 120] or [c for c in count if table.align[c] == "left"] or count
        weights = {c: natural[c] for c in takers}
    else:  # the long text columns share what the others leave, in proportion to what they lack
        widths = minimum
        weights = {c: natural[c] - minimum[c] for c in count if natural[c] > minimum[c]}
    spare = available - sum(widths)
    total = sum(weights.values())
    if spare > 0 and total:
        widths = [w + spare * weights.get(c, 0) / total for c, w in enumerate(widths)]
    scale = min(1.0, available / sum(widths))
    return [w * scale for w in widths], size


_RUN_BREAKS = compiled(r"([\t\r\n])")


def _run_content(text: str) -> str:
    """A run's content as python-docx writes it: tabs as <w:tab/>, line breaks as <w:br/>, the rest
    as <w:t> (preserving spaces at its ends)."""
    out = []
    for part in _RUN_BREAKS.split(text):
        if part == "\t":
            out.append("<w:tab/>")
        elif part in ("\r", "\n"):
            out.append("<w:br/>")
        elif part:
            preserve = ' xml:space="preserve"' if len(part.strip()) < len(part) else ""
            out.append(f"<w:t{preserve}>{xml_escape(part)}</w:t>")
    return "".join(out)


def _docx():
    with require("docx", "--format docx"):
        import docx
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import nsdecls, qn
        from docx.shared import Cm, Pt, RGBColor
    return (docx, WD_ORIENT, WD_SECTION, WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH, OxmlElement, qn, Cm, Pt, RGBColor,
            parse_xml, nsdecls)


class _Writer:
    """Builds the document; one method per kind of block."""

    def __init__(self, result: Result, lang: str, charts: dict[str, bytes]):
        (docx, self.WD_ORIENT, self.WD_SECTION, self.WD_TABLE_ALIGNMENT, self.WD_ALIGN_PARAGRAPH, self.OxmlElement,
         self.qn, self.Cm, self.Pt, self.RGBColor, self.parse_xml, self.nsdecls) = _docx()
        self.result, self.lang, self.charts, self.text = result, lang, charts, BAB3[lang]
        self.document = docx.Document()
        self.figures = 0
        self._styles()
        self._page(self.document.sections[0], landscape=False)

    def _styles(self) -> None:
        styles = self.document.styles
        styles["Normal"].font.name = "Arial"
        styles["Normal"].font.size = self.Pt(11)
        styles["Normal"].paragraph_format.space_after = self.Pt(6)
        for level, size in ((1, 14), (2, 12), (3, 11), (4, 11)):
            style = styles[f"Heading {level}"]
            style.font.name, style.font.size, style.font.bold = "Arial", self.Pt(size), True
            style.font.italic = False
            style.font.color.rgb = self.RGBColor(0, 0, 0)
        cell = styles.add_style("Sel Tabel", 1)  # 1: paragraph style
        cell.base_style = styles["Normal"]
        cell.font.size = self.Pt(8)
        cell.paragraph_format.space_after = self.Pt(0)
        self.cell_style = cell.style_id
        caption = styles["Caption"]
        caption.font.name, caption.font.size, caption.font.italic = "Arial", self.Pt(10), False
        caption.font.bold, caption.font.color.rgb = True, self.RGBColor(0, 0, 0)

    def _page(self, section, landscape: bool) -> None:
        short, long = self.Cm(21), self.Cm(29.7)
        section.orientation = self.WD_ORIENT.LANDSCAPE if landscape else self.WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        section.left_margin = section.right_margin = self.Cm(1.5 if landscape else 2.5)
        section.top_margin = section.bottom_margin = self.Cm(2)

    def section(self, landscape: bool) -> None:
        self._page(self.document.add_section(self.WD_SECTION.NEW_PAGE), landscape)

    @property
    def width(self):
        section = self.document.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def heading(self, text: str, level: int) -> None:
        paragraph = self.document.add_heading(xml_text(text), level)
        if level == 1:
            paragraph.alignment = self.WD_ALIGN_PARAGRAPH.CENTER

    def paragraph(self, text: str, italic: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.alignment = self.WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.add_run(xml_text(text)).italic = italic

    def caption(self, text: str) -> None:
        paragraph = self.document.add_paragraph(xml_text(text), style="Caption")
        paragraph.paragraph_format.keep_with_next = True

    def figure(self, name: str, caption: str) -> None:
        if name not in self.charts:
            return
        self.figures += 1
        self.document.add_picture(io.BytesIO(self.charts[name]), width=self.width)
        picture = self.document.paragraphs[-1]
        picture.alignment = self.WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True  # the caption below stays on the same page
        self.caption(self.text["gambar"].format(n=self.figures, caption=caption))

    def table(self, table: Table, together: bool = False) -> None:
        """A table with the report's columns: header rows repeated on each page, predikat colours;
        `together` keeps it on one page (a legend)."""
        self.caption(table.title)
        header_rows = table.header_rows()
        out = self.document.add_table(rows=len(header_rows), cols=len(table.headers))
        out.style = "Table Grid"
        out.alignment = self.WD_TABLE_ALIGNMENT.CENTER
        self._cell_margins(out)
        points, size = column_widths(table, self.width / 12700)  # EMU → points
        widths = [self.Pt(w) for w in points]
        self.size = self.Pt(size)
        out.autofit = False
        for column, width in zip(out.columns, widths):
            column.width = width
        self._header(out, header_rows, widths)
        for start in range(0, len(table.rows), ROWS_PER_BATCH):
            rows = self._rows_xml(table, start, [width.twips for width in widths], size, together)
            out._tbl.extend(self.parse_xml(f"<w:tbl {self.nsdecls('w')}>{rows}</w:tbl>"))
        self.document.add_paragraph()

    def _header(self, out, header_rows: list[list[tuple[str, int, int]]], widths) -> None:
        """The header rows, a label over the columns it groups merged across, a lone header down."""
        from docx.shared import Emu

        taken: set[tuple[int, int]] = set()  # cells a merge above has covered
        for index, cells in enumerate(header_rows):
            row = out.rows[index]
            self._repeat_header(row)
            column = 0
            for text, across, down in cells:
                while (index, column) in taken:
                    column += 1
                cell = row.cells[column]
                if across > 1 or down > 1:
                    cell = cell.merge(out.cell(index + down - 1, column + across - 1))
                    taken.update((index + r, column + c) for r in range(down) for c in range(across))
                self._text(cell, text, "center", Emu(sum(widths[column:column + across])), bold=True)
                self._shade(cell, "EAEEF2")
                column += across

    def _rows_xml(self, table: Table, start: int, twips: list[int], size: float, together: bool = False) -> str:
        """The XML of the rows from `start` (ROWS_PER_BATCH of them), as python-docx would make them
        cell by cell (`_text`, `_shade`) at a small fraction of the time: a province's tables have
        hundreds of thousands of cells."""
        size_xml = "" if size == FONT_SIZES[0] else f'<w:sz w:val="{round(size * 2)}"/>'
        rated = table.rated if table.rated is not None else 0
        out = []
        for index in range(start, min(start + ROWS_PER_BATCH, len(table.rows))):
            color = table.colors[index] if index < len(table.colors) else None
            # no row split across pages; a table kept together also keeps each row with the next
            out.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>')
            keep = "<w:keepNext/>" if together and index + 1 < len(table.rows) else ""
            for column, (level, text) in enumerate(table.leveled(index)):
                shown = xml_text(text)
                shaded = color and column == rated
                fill = color.lstrip("#").upper() if shaded else ""
                shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if shaded else ""
                indent = f'<w:ind w:left="{self.Pt(7 * level).twips}"/>' if level else ""
                justify = JUSTIFY.get(table.align[column], "left")
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips[column]}"/>{shading}</w:tcPr><w:p><w:pPr>'
                           f'<w:pStyle w:val="{self.cell_style}"/>{keep}{indent}<w:jc w:val="{justify}"/></w:pPr>')
                if shown:
                    emphasis = f'<w:b/><w:color w:val="{contrast(color).lstrip("#").upper()}"/>' if shaded else ""
                    out.append(f"<w:r><w:rPr>{emphasis}{size_xml}</w:rPr>{_run_content(shown)}</w:r>")
                out.append("</w:p></w:tc>")
            out.append("</w:tr>")
        return "".join(out)

    def _text(self, cell, text: str, align: str, width, bold: bool = False) -> None:
        shown = xml_text(text)
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self.cell_style  # by id: python-docx's lookup by name is slow on big tables
        paragraph.alignment = {"right": self.WD_ALIGN_PARAGRAPH.RIGHT,
                               "center": self.WD_ALIGN_PARAGRAPH.CENTER}.get(align, self.WD_ALIGN_PARAGRAPH.LEFT)
        if shown:
            run = paragraph.add_run(shown)
            run.bold = bold or None
            if self.size != self.Pt(8):
                run.font.size = self.size

    def _shade(self, cell, fill: str) -> None:
        shading = self.OxmlElement("w:shd")
        shading.set(self.qn("w:val"), "clear")
        shading.set(self.qn("w:color"), "auto")
        shading.set(self.qn("w:fill"), fill.upper())
        cell._tc.get_or_add_tcPr().append(shading)

    def _repeat_header(self, row) -> None:
        marker = self.OxmlElement("w:tblHeader")
        marker.set(self.qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(marker)

    def _cell_margins(self, out) -> None:
        margins = self.OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            margin = self.OxmlElement(f"w:{side}")
            margin.set(self.qn("w:w"), str(int(CELL_PADDING_PT / 2 * 20)))  # twentieths of a point
            margin.set(self.qn("w:type"), "dxa")
            margins.append(margin)
        out._tbl.tblPr.append(margins)


def rendered_draft(request: FormatRequest) -> Rendered:
    """The BAB III draft, with every chart the spec has data for (unless --no-charts)."""
    drawn, notes = drawn_charts(request.result, request.lang, request.charts)
    _docx()  # fail before anything is written when python-docx is missing
    return (lambda file: write(request.result, file, request.lang, drawn, request.audit)), notes


def write(result: Result, file: BinaryIO, lang: str = "id", charts: dict[str, bytes] | None = None,
          audit: bool = False) -> None:
    """Write the BAB III draft to a binary file; charts are PNG bytes by name (capaian, anggaran, craapk)."""
    writer = _Writer(result, lang, charts or {})
    text = writer.text
    tables = all_builders()
    has_budget = any(n.kind in BUDGET_LEVELS and n.dokumen is None for n in result.nodes)
    writer.heading(text["bab"], 1)
    writer.heading(text["a"], 2)
    for sentence in narrative.intro(result, lang):
        writer.paragraph(sentence)
    writer.table(tables["capaian"](result, lang))
    legend = tables["predikat"](result, lang)
    if legend.rows:  # what the colours of the capaian table mean, on one page
        writer.table(legend, together=True)
    writer.figure("capaian", caption("capaian", lang, result))
    writer.heading(text["sasaran"], 3)
    for section in narrative.sasaran_sections(result, lang):
        writer.heading(section.heading, 4)
        writer.paragraph(section.text)
    if has_budget:
        writer.section(landscape=True)
        writer.heading(text["perbandingan"], 3)
        for name in COMPARISONS:
            table = tables[name](result, lang)
            if table.rows:
                writer.paragraph(text[name])
                writer.table(table)
        writer.section(landscape=False)
        writer.heading(text["program"], 3)
        for section in narrative.program_sections(result, lang):
            writer.heading(section.heading, 4)
            writer.paragraph(section.text)
        writer.heading(text["b"], 2)
        for sentence in narrative.anggaran_sentences(result, lang, audit):
            writer.paragraph(sentence)
        writer.table(tables["realisasi-anggaran"](result, lang))
        writer.figure("anggaran", caption("anggaran", lang, result))
        writer.figure("craapk", caption("craapk", lang, result))
    audited = [tables[name](result, lang) for name in AUDIT_TABLES] if audit else []
    if any(table.rows for table in audited):
        writer.section(landscape=True)
        writer.heading(text["audit"], 2)
        for table in audited:
            if table.rows:
                writer.table(table)
    chapter = text["bab"].partition("\n")[0]  # BAB III, CHAPTER III
    title = f"{chapter} — {result.spec.instansi or ''} {result.spec.tahun or ''}"
    writer.document.core_properties.title = xml_text(title)
    writer.document.core_properties.author = xml_text(result.spec.instansi or "")  # the report's, not the tool's
    whole = io.BytesIO()  # assembled in memory: a full disk is then a plain OSError, with no zip left open
    writer.document.save(whole)
    file.write(whole.getbuffer())
