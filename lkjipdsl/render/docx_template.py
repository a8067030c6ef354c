"""Word templates: a .docx with jinja2 placeholders, filled by docxtpl (the `docx` extra).

`lkjipdsl render FILE --template lkjip.docx` (the built-in whole LKjIP) or `--template
./kop-pemda.docx` (the planner's own letterhead and layout): the document's text holds
`{{ spec.instansi }}`, `{%p for s in sasaran %}` … `{%p endfor %}`, `{%tr for … %}` rows of a
table; the variables are those of every template (templating.context, docs/reports.md), and two
filters write Word's own objects: `{{p tables["tabel-3.1"] | docx_table }}` a whole table (the
header row repeated on each page, rows never split across pages, the predikat colours) and
`{{ "capaian" | docx_chart }}` a chart.

The template renders in the same sandbox and within the same limits as the text templates
(sandbox.py): docxtpl is given the sandboxed environment, and every part it renders (the body,
headers, footers, footnotes, properties) counts against one Budget. What it writes is escaped for
XML. A problem is a T-diagnostic naming the template and the paragraph: docxtpl puts each
paragraph of the document on a line of its own, so the line of a diagnostic counts paragraphs
(table cells included), and the text shown is that paragraph's.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

from ..format import display_rounding
from ..diagnostics import Diagnostic, Severity
from ..i18n import N_, _
from ..limits import Limits
from ..narasi import Narasi
from ..results import Result
from . import sandbox, templating
from .docx import JUSTIFY, _run_content, column_widths
from .extras import MissingExtra, require
from .table import Table, contrast
from .xmltext import xml_text
from ..patterns import compiled

TWIPS_PER_CM = 567
MAX_UNPACKED = 256 * 1024 * 1024  # a Word template's parts, uncompressed: beyond that it is a zip bomb
_TAGS = compiled(r"<[^>]+>")
# a paragraph holding a table placeholder written inline ({{ … | docx_table }}): the table replaces it
_INLINE_TABLE = compiled(r"<w:p[ >](?:(?!<w:p[ >]|</w:p>).)*?\{\{(?!p )([^}]*\|\s*docx_table\b[^}]*)\}\}"
                           r"(?:(?!</w:p>).)*</w:p>", re.DOTALL)


def is_docx(template: str) -> bool:
    return template.lower().endswith(".docx")


def builtin_path(template: str) -> Path | None:
    path = templating.BUILTIN / template
    return path if "/" not in template and "\\" not in template and path.is_file() else None


def render_docx(result: Result, template: str, lang: str = "id", charts: bool = True,
                limits: Limits | None = None, narasi: Narasi | None = None, audit: bool = False) -> bytes:
    """The filled Word document, from a built-in template (by name) or a .docx file (by path)."""
    with require("docx", N_("a Word template"), package="docxtpl"):
        from docxtpl import DocxTemplate, InlineImage  # noqa: F401 — checked here, used below
    path = builtin_path(template) or Path(template)
    display = str(path) if builtin_path(template) else template
    if not path.is_file():
        hint = _("built-in templates: {names}").format(names=", ".join(templating.builtin_names()))
        raise templating.TemplateProblem(Diagnostic("T001", Severity.ERROR, _(
            "no template '{name}': not a built-in name and no such file").format(name=template), None, (hint,)), {}, 2)
    data = path.read_bytes()
    _check_package(data, display)
    document = _template_class()(io.BytesIO(data))
    budget = sandbox.Budget(limits or Limits(), len(result.nodes))
    env = templating._environment(None, lang, budget)
    with display_rounding(result.spec.pembulatan):  # every figure as the report shows it
        values = templating.context(result, lang, charts, audit, narasi)
        env.filters.update(_word_filters(budget, document, values["charts"]))
        try:
            document.render(values, jinja_env=env)
            whole = io.BytesIO()
            document.save(whole)
        except MissingExtra:
            raise
        except Exception as exc:  # noqa: BLE001 — any error raised while rendering is the template's
            raise templating.diagnosed(exc, {templating.FROM_STRING: document.source}, display, values) from None
    return whole.getvalue()


def _check_package(data: bytes, display: str) -> None:
    """A .docx is a zip of XML parts: refuse what is not one, and a zip bomb, before docxtpl reads it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            unpacked = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile:
        names, unpacked = [], 0
    if "word/document.xml" not in names:
        raise _unreadable(display, _("it is not a Word document (.docx)"))
    if unpacked > MAX_UNPACKED:
        raise _unreadable(display, _("its parts unpack to more than {size} MB").format(size=MAX_UNPACKED >> 20))


def _unreadable(display: str, reason: str) -> templating.TemplateProblem:
    message = _("cannot read the Word template {file}: {reason}").format(file=display, reason=reason)
    hint = _("save it from Word as a Word document (.docx)")
    return templating.TemplateProblem(Diagnostic("T009", Severity.ERROR, message, None, (hint,)), {}, 1)


def _template_class():
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):
        """docxtpl's template, keeping the text of the part being rendered for diagnostics."""

        source = ""

        def patch_xml(self, src_xml):
            return _INLINE_TABLE.sub(r"{{\1}}", super().patch_xml(src_xml))

        def render_xml_part(self, src_xml, part, context, jinja_env=None):
            # the lines as docxtpl numbers them (one paragraph a line), as text
            lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).split("\n")
            self.source = "\n".join(_TAGS.sub("", line) for line in lines)
            return super().render_xml_part(src_xml, part, context, jinja_env)

    return Template


# ---- what the filters write ----
def _word_filters(budget: sandbox.Budget, document, charts) -> dict:
    from markupsafe import Markup

    def text_width_cm() -> float:
        section = document.get_docx().sections[0]
        return (section.page_width - section.left_margin - section.right_margin) / 360000

    def docx_table(table: Table, cm: float | None = None):
        """The table as Word XML: its title above it, the header row repeated, rows kept whole."""
        if not isinstance(table, Table):
            raise TypeError(_("docx_table takes a table, such as tables.capaian"))
        budget.step(len(table.rows) * max(len(table.headers), 1))
        return Markup(table_xml(table, float(cm) if cm else text_width_cm()))

    def docx_chart(name: str, cm: float | None = None):
        """The chart as a picture, `cm` wide (default: the text's width); nothing when it has no data."""
        from docx.shared import Cm
        from docxtpl import InlineImage

        if name not in charts.names:
            return ""
        png = base64.b64decode(charts[name].partition(",")[2])
        return InlineImage(document, io.BytesIO(png), width=Cm(float(cm) if cm else text_width_cm()))

    return {"docx_table": docx_table, "docx_chart": docx_chart}


_BORDERS = "<w:tblBorders>" + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8C959F"/>'
                                      for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + \
    "</w:tblBorders>"


def _cell(text: str, twips: int, size: float, justify: str = "left", level: int = 0, fill: str = "",
          bold: bool = False, color: str = "") -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    indent = f'<w:ind w:left="{140 * level}"/>' if level else ""
    emphasis = ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "")
    half_points = round(size * 2)
    run = (f'<w:r><w:rPr>{emphasis}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
           f"{_run_content(xml_text(text))}</w:r>") if text else ""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips}"/>{shading}</w:tcPr><w:p><w:pPr>'
            f'<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{indent}'
            f'<w:jc w:val="{justify}"/></w:pPr>{run}</w:p></w:tc>')


def table_xml(table: Table, width_cm: float) -> str:
    """A table as WordprocessingML with direct formatting only (a planner's template has no styles of
    ours): borders, fixed column widths fitted to `width_cm`, the header row repeated on every page
    (tblHeader), no row split across pages (cantSplit), the predikat colour on the cell it rates."""
    widths, size = column_widths(table, width_cm * 72 / 2.54)
    twips = [max(round(w * 20), 200) for w in widths]
    out = [f'<w:p><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="80"/><w:jc w:val="center"/></w:pPr>'
           f'<w:r><w:rPr><w:b/></w:rPr>{_run_content(xml_text(table.title))}</w:r></w:p>',
           f'<w:tbl><w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>{_BORDERS}'
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="30" w:type="dxa"/><w:right w:w="30" '
           'w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
           'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
           "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{t}"/>' for t in twips) + "</w:tblGrid>",
           "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"]
    out += [_cell(header, twips[c], size, "center", fill="EAEEF2", bold=True) for c, header in enumerate(table.headers)]
    out.append("</w:tr>")
    rated = table.rated if table.rated is not None else 0
    for index in range(len(table.rows)):
        color = table.colors[index] if index < len(table.colors) else None
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for column, (level, text) in enumerate(table.leveled(index)):
            shaded = bool(color) and column == rated
            out.append(_cell(text, twips[column], size, JUSTIFY.get(table.align[column], "left"), level,
                             color.lstrip("#").upper() if shaded else "", shaded,
                             contrast(color).lstrip("#").upper() if shaded else ""))
        out.append("</w:tr>")
    out.append('</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="120"/></w:pPr></w:p>')
    return "".join(out)
