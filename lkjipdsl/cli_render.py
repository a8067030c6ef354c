"""`lkjipdsl render`: which template, which output, and the planner's narrative beside the spec.

The template is `--template` (a built-in name or a file), else the one the output's extension
asks for: `.html` and `.pdf` the whole LKjIP as HTML (`lkjip.html`; a PDF is that page printed by
WeasyPrint), `.md` `lkjip.md`, `.docx` `lkjip.docx`. A Word template (`.docx`) makes a Word
document; any other template makes text, which is written as it is, or printed to PDF when the
output is a `.pdf`.
"""

from __future__ import annotations

import os

from .i18n import _
from .render.format_request import UsageError

DEFAULTS = {".html": "lkjip.html", ".htm": "lkjip.html", ".pdf": "lkjip.html", ".md": "lkjip.md",
            ".docx": "lkjip.docx"}


def template_for(template: str | None, output: str | None) -> str:
    """The template to render: the one given, else the built-in one the output's extension names."""
    if template:
        return template
    extension = os.path.splitext(output or "")[1].lower()
    if extension in DEFAULTS:
        return DEFAULTS[extension]
    raise UsageError(_("give --template (a built-in name or a template file), or an output file -o ending in "
                       "{extensions} for the whole LKjIP").format(extensions=", ".join(sorted(DEFAULTS))))


def output_kind(template: str, output: str | None) -> str:
    """"docx" for a Word template, "pdf" for an HTML template printed to a .pdf output, else "text"."""
    from .render.docx_template import is_docx
    from .render.template_formats import output_format

    pdf = (output or "").lower().endswith(".pdf")
    if is_docx(template):
        if pdf:
            raise UsageError(_("a Word template makes a Word document, not a PDF: render lkjip.html to PDF, or "
                               "open the .docx in Word and save it as PDF"))
        return "docx"
    if pdf:
        if output_format(template) != "html":
            raise UsageError(_("a PDF is printed from an HTML template; '{template}' is not one").format(
                template=template))
        return "pdf"
    return "text"


def produce(result, template: str, kind: str, lang: str, charts: bool, limits, narasi, audit: bool = False):
    """The content to write for `render`, and no notes: text, or a function writing bytes."""
    if kind == "docx":
        from .render.docx_template import render_docx

        data = render_docx(result, template, lang, charts, limits, narasi, audit)
        return (lambda file: file.write(data)), []
    from .render.templating import render_template

    text = render_template(result, template, lang, charts, limits, audit, narasi)
    if kind == "pdf":
        from .render.pdf import html_to_pdf

        data = html_to_pdf(text, limits)
        return (lambda file: file.write(data)), []
    return text, []
