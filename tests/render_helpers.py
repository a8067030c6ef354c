"""Shared, cached renderings of the Seririt spec for the tests/test_render_*.py modules (render once per run)."""

from __future__ import annotations

import functools
import io
from html.parser import HTMLParser
from pathlib import Path

import lkjipdsl
from lkjipdsl.render import formats

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "seririt-2023.lkj"


SMALL = """instansi "Kecamatan Contoh"
tahun 2023
sasaran S1 "Meningkatnya Kualitas Pelayanan Publik" {
    indikator IKM "Indeks Kepuasan Masyarakat" { satuan "%"; polaritas maksimal; target 95; realisasi 97,4 }
}
program 1 "PROGRAM PENUNJANG" {
    kegiatan 1.2 "Administrasi Keuangan" {
        subkegiatan 1.2.4 "Laporan Keuangan Akhir Tahun" { anggaran 1.486.980; realisasi 742.500 }
    }
}
"""


@functools.cache
def seririt():
    loaded = lkjipdsl.load(SPEC)
    assert loaded.ok
    return lkjipdsl.evaluate(loaded)


@functools.cache
def charts() -> dict[str, bytes]:
    """The Seririt charts as the html and docx formats embed them, drawn once."""
    from lkjipdsl.render import charts as module

    return {name: module.png(seririt(), name, "id", title=False) for name in module.available(seririt())}


@functools.cache
def rendered(fmt: str, lang: str = "id", names: tuple[str, ...] | None = None) -> bytes:
    """The bytes `lkjipdsl eval --format fmt` writes, without charts (test_*_charts embed them)."""
    content, _ = formats.render(seririt(), fmt, list(names) if names else None, lang, None, False)
    if isinstance(content, str):
        return content.encode("utf-8")
    out = io.BytesIO()
    content(out)
    return out.getvalue()


class Tables(HTMLParser):
    """The tables of an HTML page: per table its rows, each row (attributes of <tr>, [(text, attributes of <td>)])."""

    def __init__(self, text: str):
        super().__init__()
        self.tables: list[list[tuple[dict, list[tuple[str, dict]]]]] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append((attrs, []))
        elif tag in ("td", "th"):
            self._cell, self._attrs = [], attrs
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1][1].append(("".join(self._cell), self._attrs))
            self._cell = None
        elif tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def row(self, first_cells: tuple[str, ...]):
        """The first row, in any table, whose leading cells are these texts."""
        for table in self.tables:
            for attrs, cells in table:
                if tuple(text for text, _ in cells[:len(first_cells)]) == first_cells:
                    return attrs, cells
        raise KeyError(first_cells)
