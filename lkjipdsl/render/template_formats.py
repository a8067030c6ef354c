"""What a template's values become in its output format: escaped HTML, escaped Markdown, or text.

A template's format follows its name, case-insensitively and through template suffixes
(`bab3.HTML`, `laporan.md.j2`): `.md`, `.markdown`, `.mdown` and `.mkd` are Markdown; `.txt`,
`.text`, `.csv` and `.tsv` are plain text; anything else — HTML, XML, SVG, and every name
lkjipdsl does not know, `.jinja2` alone included — is escaped as HTML, the safe default.

Every value a template writes is escaped for its format (the sandbox compiles each `{{ … }}`
through `write`), so that a template author cannot forget it. A value is written as it is only
when it says it is already safe for the format: in HTML a `Markup` (`|safe`, `html_table`, the
stylesheet); in Markdown a `MarkdownText` (`md_table`) or a `Markup`, except the text `|e` made
for HTML, which is still escaped for Markdown.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .escape import markdown_inline

# A template's name is its output's name with a template suffix perhaps added (`bab3.html.j2`).
TEMPLATE_SUFFIXES = frozenset({".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
PLAIN_SUFFIXES = frozenset({".txt", ".text", ".csv", ".tsv"})
FORMATS = ("html", "markdown", "plain")


def output_format(name: str | None) -> str:
    """"html", "markdown" or "plain" for a template's name."""
    base = (name or "").replace("\\", "/").rpartition("/")[2].lower()
    suffixes = ["." + part for part in base.split(".")[1:]]
    while suffixes and suffixes[-1] in TEMPLATE_SUFFIXES:
        suffixes.pop()
    last = suffixes[-1] if suffixes else ""
    if last in MARKDOWN_SUFFIXES:
        return "markdown"
    return "plain" if last in PLAIN_SUFFIXES else "html"


def autoescape(name: str | None) -> bool:
    """jinja2's own HTML escaping: on for the templates written as HTML (Markdown is escaped by `write`)."""
    return output_format(name) == "html"


class MarkdownText(str):
    """Markdown the engine wrote (a table by `md_table`): a Markdown template writes it as it is;
    any other escapes it as text."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(escape(str(self)))


class HtmlEscaped(Markup):
    """Text `|e` escaped for HTML: safe in HTML, but in Markdown still text to escape."""

    __slots__ = ()


def escape_for_html(value) -> Markup:
    """`|e`, `|escape`, `|forceescape` (the last escapes a Markup again, as jinja2's does)."""
    return HtmlEscaped(escape(value))


def force_escape_for_html(value) -> Markup:
    return HtmlEscaped(escape(str(value)))


def trusted_in_markdown(value) -> bool:
    return isinstance(value, MarkdownText) or (hasattr(value, "__html__") and not isinstance(value, HtmlEscaped))


def markdown(value, text: str) -> str:
    """The value written into Markdown; `text` is its text (str(value), measured by the sandbox)."""
    if isinstance(value, HtmlEscaped):
        return markdown_inline(value.unescape())
    if trusted_in_markdown(value):
        return value.__html__() if not isinstance(value, str) else str(value)
    return markdown_inline(text)


def markdown_join(parts: list) -> str:
    """`~` in a Markdown template: as jinja2's markup_join does for HTML, when a part is trusted
    Markdown the others are escaped and the whole is trusted; otherwise plain text, escaped when written."""
    if any(trusted_in_markdown(part) for part in parts):
        return MarkdownText("".join(markdown(part, part if isinstance(part, str) else str(part)) for part in parts))
    return "".join(parts)
