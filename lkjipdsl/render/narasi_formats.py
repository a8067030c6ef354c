"""A narrative section (lkjipdsl.narasi) as HTML and as Markdown, its text escaped.

The narrative is the planner's text, and data like a spec's names: each run is escaped for the
format (html.escape, escape.markdown_inline), and only the markup made here — paragraphs, lists,
bold and italic — means anything. A section still without text is its placeholder, marked
`class="placeholder"` in HTML so that it shows on screen and on paper.
"""

from __future__ import annotations

from markupsafe import Markup

from .escape import markdown_cell, markdown_inline
from .html import escape
from .template_formats import MarkdownText


def _runs(block, escaped, italic: str, bold: str) -> str:
    """A paragraph's runs of text, each escaped for its format (`escaped(text, first)`) and wrapped
    in the format's marks for italic and bold (`italic`, `bold`: a pattern around {text})."""
    out = []
    for run in block.runs:
        text = escaped(run.text, not out)
        if run.italic:
            text = italic.format(text=text)
        if run.bold:
            text = bold.format(text=text)
        out.append(text)
    return "".join(out)


def _runs_html(block) -> str:
    return _runs(block, lambda text, first: str(escape(text)), "<em>{text}</em>", "<strong>{text}</strong>")


def section_html(section) -> Markup:
    if not section.blocks:
        return Markup(f'<p class="narasi placeholder">{escape(section.placeholder_text)}</p>')
    out, in_list = [], False
    for block in section.blocks:
        if block.kind == "li" and not in_list:
            out.append('<ul class="narasi">')
            in_list = True
        elif block.kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        if block.kind == "li":
            out.append(f'<li><span class="penanda">{escape(block.marker)}</span> {_runs_html(block)}</li>')
        elif block.kind == "h":
            out.append(f'<p class="subjudul">{_runs_html(block)}</p>')
        else:
            out.append(f'<p class="narasi">{_runs_html(block)}</p>')
    if in_list:
        out.append("</ul>")
    return Markup("\n".join(out))


def _runs_markdown(block) -> str:
    return _runs(block, lambda text, first: markdown_inline(text) if first else markdown_cell(text),
                 "_{text}_", "**{text}**")


def section_markdown(section) -> MarkdownText:
    if not section.blocks:
        return MarkdownText(f"_{markdown_inline(section.placeholder_text)}_\n")
    out, previous = [], None
    for block in section.blocks:
        if block.kind == "li":
            if previous not in (None, "li"):
                out.append("")
            # the markers are those the reader accepts (a digit or a letter, then '.' or ')'): nothing to escape
            marker = "-" if block.marker == "•" else block.marker if block.marker[:1].isdigit() else "- " + block.marker
            out.append(f"{marker} {_runs_markdown(block)}")
        else:
            if previous is not None:
                out.append("")
            text = _runs_markdown(block)
            out.append(f"**{text}**" if block.kind == "h" else text)
        previous = block.kind
    return MarkdownText("\n".join(out) + "\n")
