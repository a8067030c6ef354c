"""Text for the XML inside xlsx and docx files, for HTML, and for the fonts of the charts.

XML 1.0 cannot hold every character a Python string can: the C0 controls other than tab, line
feed and carriage return, lone surrogates, U+FFFE and U+FFFF (HTML forbids the same, and
matplotlib hands text to FreeType as UTF-8, which has no lone surrogates). `check` refuses them in
a spec, but a Result also comes from the API (built, copied or read from JSON by a caller), and
openpyxl raises IllegalCharacterError, lxml ValueError and matplotlib TypeError on them, half-way
through a file. So every text of the spec that the xlsx, docx, html and chart writers put out goes
through `xml_text` first, which puts U+FFFD in their place.
"""

from __future__ import annotations

from ..patterns import compiled

REPLACEMENT = "\ufffd"
_NOT_IN_XML = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """The text with U+FFFD for each character XML 1.0 cannot hold (the same text when there is none)."""
    return _NOT_IN_XML.sub(REPLACEMENT, text)
