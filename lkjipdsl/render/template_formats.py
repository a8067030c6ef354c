"""What a template's values become in its output format: escaped HTML, escaped Markdown, or text.

A template's format follows its name, case-insensitively and through template suffixes
(`bab3.HTML`, `laporan.md.j2`): `.md`, `.markdown`, `.mdown` and `.mkd` are Markdown; `.txt`,
`.text`, `.csv` and `.tsv` are plain text; anything else — HTML, XML, SVG, and every name
lkjipdsl does not know, `.jinja2` alone included — is escaped as HTML, the safe default.

Every value a template writes is escaped for its format (the sandbox compiles each `{{ … }}`
through a writer), so that a template author cannot forget it. A value is written as it is only
when it is already safe for the format: in HTML a `Markup` (`|safe`, `html_table`, the
stylesheet); in Markdown a `MarkdownText` (`md_table`, what the template itself wrote, such as a
macro's text) or a `Markup`, except the text `|e` escaped for HTML, which is still escaped for
Markdown. `MarkdownText` is to Markdown what jinja2's `Markup` is to HTML: `~`, `+`, `join` and
`%` with one escape what they add to it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .escape import markdown_inline

# A template's name is its output's name with a template suffix perhaps added (`bab3.html.j2`).
TEMPLATE_SUFFIXES = frozenset({".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
PLAIN_SUFFIXES = frozenset({".txt", ".text", ".csv", ".tsv"})


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
    """jinja2's own HTML escaping: on for the templates written as HTML (Markdown is escaped by its writer)."""
    return output_format(name) == "html"


class MarkdownText(Markup):
    """Markdown that is safe as it is: written unchanged by a Markdown template, escaped as text by
    an HTML one (`__html__`)."""

    __slots__ = ()

    def __new__(cls, base="", encoding=None, errors="strict"):
        # Markup would take the HTML of a value that has one: this is the text itself
        return str.__new__(cls, base) if isinstance(base, str) else super().__new__(cls, base, encoding, errors)

    def __html__(self) -> str:
        return str(escape(str(self)))

    @classmethod
    def escape(cls, s) -> MarkdownText:
        return cls(markdown(s, s if isinstance(s, str) else str(s)))


class HtmlEscaped(Markup):
    """Text `|e` escaped for HTML: safe in HTML, but in Markdown still text to escape."""

    __slots__ = ()


def escape_for_html(value) -> Markup:
    """`|e` and `|escape`."""
    return HtmlEscaped(escape(value))


def force_escape_for_html(value) -> Markup:
    """`|forceescape`: escapes even what is marked safe, as jinja2's does."""
    if hasattr(value, "__html__"):
        value = value.__html__()
    return HtmlEscaped(escape(str(value)))


def trusted_in_markdown(value) -> bool:
    return isinstance(value, MarkdownText) or (hasattr(value, "__html__") and not isinstance(value, HtmlEscaped))


def markdown(value, text: str) -> str:
    """The value written into Markdown; `text` is its text (str(value), measured by the sandbox)."""
    if isinstance(value, HtmlEscaped):
        return markdown_inline(value.unescape())
    if trusted_in_markdown(value):
        return str(value) if isinstance(value, str) else value.__html__()
    return markdown_inline(text)


def markdown_join(parts: list) -> str:
    """`~` in a Markdown template: as jinja2's markup_join does for HTML, when a part is safe
    Markdown the others are escaped and the whole is safe; otherwise text, escaped when written."""
    if any(trusted_in_markdown(part) for part in parts):
        return MarkdownText("".join(markdown(part, part if isinstance(part, str) else str(part)) for part in parts))
    return "".join(parts)


def concat(chunks) -> str:
    """jinja2's `concat` for what a template wrote (its output, a macro's, a `{% set %}` block's):
    what a Markdown template wrote is Markdown, escaped already, and stays so."""
    chunks = list(chunks)
    text = "".join(chunks)
    return MarkdownText(text) if chunks and all(type(chunk) is MarkdownText for chunk in chunks) else text
