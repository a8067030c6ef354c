"""Builds the built-in Word template of the whole LKjIP, lkjipdsl/templates/lkjip.docx, with python-docx.

    python tools/make_lkjip_docx.py            # writes lkjipdsl/templates/lkjip.docx
    python tools/make_lkjip_docx.py out.docx

The template is an ordinary Word document whose text holds jinja2 placeholders for docxtpl (see
docs/reports.md, "Word templates"): a planner gets a copy with `lkjipdsl template --docx -o
lkjip.docx`, restyles it in Word (letterhead, fonts, margins) and renders with `--template
./lkjip.docx`. Paragraph tags (`{%p … %}`) stand alone in their paragraph; section breaks (portrait
and landscape pages) stay outside every loop and condition.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "lkjipdsl" / "templates" / "lkjip.docx"
LANDSCAPE_TEXT_CM = 26.7  # A4 landscape less 1.5 cm margins: the width the wide tables are fitted to


class Builder:
    def __init__(self):
        self.doc = Document()
        self._styles()
        self._page(self.doc.sections[0], landscape=False)
        self._footer()

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = "Arial", Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for level, size in ((1, 14), (2, 12), (3, 11), (4, 11)):
            style = styles[f"Heading {level}"]
            style.font.name, style.font.size, style.font.bold, style.font.italic = "Arial", Pt(size), True, False
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.keep_with_next = True
        styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        styles["Heading 1"].paragraph_format.page_break_before = True
        styles["Heading 1"].paragraph_format.space_after = Pt(18)

    def _page(self, section, landscape: bool) -> None:
        short, long = Cm(21), Cm(29.7)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        section.left_margin = section.right_margin = Cm(1.5) if landscape else Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2)

    def _footer(self) -> None:
        paragraph = self.doc.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def section(self, landscape: bool) -> None:
        self._page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape)

    def p(self, text: str, style: str | None = None, center: bool = False, bold: bool = False,
          size: int | None = None):
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def h(self, text: str, level: int):
        return self.doc.add_heading(text, level)

    def tag(self, text: str) -> None:
        """A paragraph that holds only a docxtpl tag ({%p … %}, {{p … }}): it disappears when rendered."""
        self.doc.add_paragraph(text)

    def lines(self, expression: str) -> None:
        """One paragraph per item of a list of texts."""
        self.tag(f"{{%p for line in {expression} %}}")
        self.p("{{ line }}")
        self.tag("{%p endfor %}")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def toc(self) -> None:
        """A table of contents field: Word fills it when the document is opened (updateFields)."""
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run()
        for kind, instruction in (("begin", None), (None, 'TOC \\o "1-2" \\h \\z \\u'), ("separate", None)):
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            else:
                text = OxmlElement("w:instrText")
                text.set(qn("xml:space"), "preserve")
                text.text = instruction
                run._r.append(text)
        paragraph.add_run("(Daftar isi: klik kanan di sini lalu pilih Update Field / Perbarui Bidang.)").italic = True
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        paragraph.add_run()._r.append(end)
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)

    def capaian_table(self) -> None:
        """The capaian of every indikator as a Word table whose rows are a loop ({%tr %}): a planner
        restyles it in Word like any table."""
        headers = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"]
        widths = [1.0, 6.2, 1.6, 1.7, 1.8, 1.8, 2.4]
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = "Table Grid"
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)
        cells = [
            ["{%tr for n in nodes if n.kind == \"indikator\" %}", "", "", "", "", "", ""],
            ["{{ loop.index }}", "{{ n.name }}", "{{ n.satuan or \"\" }}",
             "{{ n.target | angka }}{% if n.target_atas is not none %}–{{ n.target_atas | angka }}{% endif %}",
             "{{ n.realisasi | angka }}", "{{ n.capaian | persen }}",
             "{{ n.predikat.label if n.predikat else \"-\" }}"],
            ["{%tr endfor %}", "", "", "", "", "", ""],
        ]
        for column, (header, width) in enumerate(zip(headers, widths)):
            cell = table.rows[0].cells[column]
            cell.width = Cm(width)
            run = cell.paragraphs[0].add_run(header)
            run.bold, run.font.size = True, Pt(9)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        header = table.rows[0]._tr.get_or_add_trPr()
        for marker in ("w:cantSplit", "w:tblHeader"):
            element = OxmlElement(marker)
            header.append(element)
        for row_index, texts in enumerate(cells, 1):
            for column, text in enumerate(texts):
                cell = table.rows[row_index].cells[column]
                cell.width = Cm(widths[column])
                paragraph = cell.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if 3 <= column <= 5 else WD_ALIGN_PARAGRAPH.LEFT
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.add_run(text).font.size = Pt(9)
            table.rows[row_index]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        self.doc.add_paragraph()

    def chart(self, name: str, cm: float | None = None) -> None:
        self.tag(f'{{%p if "{name}" in charts.names %}}')
        self.p(f'{{{{ "{name}" | docx_chart{f"({cm})" if cm else ""} }}}}', center=True)
        self.p(f'{{{{ charts.caption("{name}") }}}}', center=True, bold=True, size=10)
        self.tag("{%p endif %}")

    def table(self, name: str, wide: bool = False) -> None:
        width = f"({LANDSCAPE_TEXT_CM})" if wide else ""
        self.tag(f'{{{{p tables["{name}"] | docx_table{width} }}}}')

    def comparison(self, key: str, table: str, lead: str) -> None:
        self.h(f'{{{{ lkjip.h.banding_{key} }}}}', 3)
        self.tag(f'{{%p if tables["{table}"].rows %}}')
        self.p(f"{{{{ {lead} }}}}").paragraph_format.keep_with_next = True
        self.table(table, wide=True)
        self.tag("{%p else %}")
        self.p("{{ lkjip.h.tanpa_data }}")
        self.tag("{%p endif %}")

    def narasi(self, key: str) -> None:
        self.lines(f"narasi.{key}.paragraphs")


def build() -> Document:
    b = Builder()
    # cover
    for _ in range(6):
        b.doc.add_paragraph()
    b.p("{{ lkjip.h.judul }}", center=True, bold=True, size=18)
    b.p("{{ lkjip.h.tahun }}", center=True, bold=True, size=18)
    for _ in range(8):
        b.doc.add_paragraph()
    b.p("{{ spec.instansi | upper }}", center=True, bold=True, size=16)
    # Kata Pengantar, Daftar Isi, Ikhtisar Eksekutif
    b.h("{{ narasi.kata_pengantar.title }}", 1)
    b.narasi("kata_pengantar")
    b.h("{{ lkjip.h.daftar_isi }}", 1)
    b.toc()
    b.h("{{ lkjip.h.ikhtisar }}", 1)
    b.lines("lkjip.ikhtisar")
    b.narasi("ikhtisar")
    # BAB I
    b.h("{{ lkjip.h.bab1 }}\n{{ lkjip.h.bab1_judul }}", 1)
    b.tag("{%p for key in lkjip.bab1 %}")
    b.h("1.{{ loop.index }} {{ narasi[key].title }}", 2)
    b.tag("{%p for line in narasi[key].paragraphs %}")
    b.p("{{ line }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endfor %}")
    # BAB II
    b.h("{{ lkjip.h.bab2 }}\n{{ lkjip.h.bab2_judul }}", 1)
    b.h("2.1 {{ narasi.rencana_strategis.title }}", 2)
    b.narasi("rencana_strategis")
    b.h("2.2 {{ lkjip.h.iku }}", 2)
    b.p("{{ lkjip.iku }}")
    b.h("2.3 {{ lkjip.h.pk }}", 2)
    b.p("{{ lkjip.pk }}")
    # BAB III
    b.h("{{ lkjip.h.bab3 }}\n{{ lkjip.h.bab3_judul }}", 1)
    b.h("{{ lkjip.h.a }}", 2)
    b.lines("intro")
    b.capaian_table()
    b.tag("{%p if tables.predikat.rows %}")
    b.table("predikat")
    b.tag("{%p endif %}")
    b.chart("capaian")
    b.h("{{ lkjip.h.per_sasaran }}", 3)
    b.tag("{%p for section in sasaran %}")
    b.h("{{ section.heading }}", 4)
    b.p("{{ section.text }}")
    b.tag("{%p endfor %}")
    b.section(landscape=True)
    b.comparison("a", "tabel-3.1", 'bab3["tabel-3.1"]')
    b.comparison("b", "tabel-3.2", 'bab3["tabel-3.2"]')
    b.comparison("c", "tabel-3.3", 'bab3["tabel-3.3"]')
    b.comparison("d", "tabel-3.4", 'bab3["tabel-3.4"]')
    b.section(landscape=False)
    b.h("{{ lkjip.h.banding_e }}", 3)
    b.h("{{ narasi.penyebab.title }}", 4)
    b.narasi("penyebab")
    b.h("{{ narasi.solusi.title }}", 4)
    b.narasi("solusi")
    b.section(landscape=True)
    b.comparison("f", "tabel-3.6", "lkjip.efisiensi")
    b.section(landscape=False)
    b.h("{{ lkjip.h.banding_g }}", 3)
    b.tag("{%p for section in programs %}")
    b.h("{{ section.heading }}", 4)
    b.p("{{ section.text }}")
    b.tag("{%p endfor %}")
    b.h("{{ lkjip.h.b }}", 2)
    b.lines("realisasi")
    b.tag('{%p if tables["realisasi-anggaran"].rows %}')
    b.table("realisasi-anggaran")
    b.tag("{%p endif %}")
    b.chart("anggaran")
    # BAB IV
    b.h("{{ lkjip.h.bab4 }}\n{{ lkjip.h.bab4_judul }}", 1)
    b.h("4.1 {{ narasi.simpulan.title }}", 2)
    b.lines("lkjip.simpulan")
    b.narasi("simpulan")
    b.h("4.2 {{ narasi.perbaikan.title }}", 2)
    b.narasi("perbaikan")
    # Lampiran, on landscape pages
    b.section(landscape=True)
    b.h("{{ lkjip.h.lampiran }}", 1)
    b.h("{{ lkjip.h.lampiran_pk }}", 2)
    b.table("pk", wide=True)
    b.h("{{ lkjip.h.lampiran_iku }}", 2)
    b.table("iku", wide=True)
    b.tag("{%p if tables.periode.rows %}")
    b.h("{{ lkjip.h.lampiran_craapk }}", 2)
    b.p("{{ lkjip.craapk }}")
    b.table("periode", wide=True)
    b.tag("{%p endif %}")
    b.chart("craapk", 18)
    b.doc.core_properties.title = "LKjIP {{ spec.instansi }} {{ spec.tahun }}"
    b.doc.core_properties.author = "{{ spec.instansi }}"
    return b.doc


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    build().save(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
