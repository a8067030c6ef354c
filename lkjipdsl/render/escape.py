"""Spec text in Markdown output (GitHub-flavoured): table cells and running text.

A text of a spec (a name, a unit, a rule's message) is data. In Markdown it must stay the text it
is: never a new table cell (`|`), a heading or list item on a line of its own (a line break), a
link or an external image (`![x](http://…)`), a code span, emphasis or math (`$x$`), nor raw HTML
(`<script>`).
Both functions put every line break (and tab) as a space, escape the characters that make inline
Markdown with a backslash, and write `<`, `>` and `&` as character references, so a renderer
shows the text exactly as the spec has it.
"""

from __future__ import annotations

import re
from ..patterns import deferred

# Line breaks CommonMark and Python know (and the tab, which starts a code block after a break)
_BREAKS = deferred(r"\r\n|[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")
_SPECIAL = deferred(r"[\\`*_\[\]~|<>&$]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# What makes a line a block when the text starts one: a heading, a bullet, a numbered item ('1.',
# '1)'), a setext underline ('===', '---'); the escape goes before the character that decides it
_BLOCK_START = deferred(r"^ {0,3}(?:(?=#{1,6}(?: |$))|(?=[-+](?: |$))|\d{1,9}(?=[.)](?: |$))|(?=(?:=+|-+) *$))")


def _escape(match: re.Match) -> str:
    return _ENTITIES.get(match[0]) or "\\" + match[0]


def markdown_cell(text: str) -> str:
    """The text as the content of one Markdown table cell."""
    return _SPECIAL.sub(_escape, _BREAKS.sub(" ", text))


def markdown_inline(text: str) -> str:
    """The text in running Markdown text, also where it starts a line (`# x`, `- x`, `1. x` stay text)."""
    return _BLOCK_START.sub(lambda match: match[0] + "\\", markdown_cell(text), count=1)
