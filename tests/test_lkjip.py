"""The whole LKjIP: the planner's narrative file, the built-in lkjip.html / lkjip.md / lkjip.docx, PDF,
and the planner's own Word template — each rendered for the Seririt spec and a second, different
spec, and read back (python-docx, pypdf) rather than trusted."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lkjipdsl import api, i18n, narasi
from lkjipdsl.diagnostics import Severity

ROOT = Path(__file__).resolve().parent.parent
SERIRIT = ROOT / "specs" / "seririt-2023.lkj"
SECOND = ROOT / "examples" / "rencana-aksi.lkj"  # no budget table of the report's own: a different outline
CHAPTERS_ID = ["BAB I", "BAB II", "BAB III", "BAB IV"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lkjipdsl.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def results():
    return {path.stem: api.evaluate(api.load(str(path))) for path in (SERIRIT, SECOND)}


# ---- the narrative file ----
STORY = """Catatan sebelum judul.

# BAB I PENDAHULUAN
## 1.1 Latar Belakang
Sistem **laporan** kinerja <script>alert(1)</script> dan
baris kedua.

1. Satu
2. Dua

## Dasar Hukm
tidak dimasukkan

## simpulan

## Latar Belakang
Tambahan.
"""


def test_sections_are_read_by_title_with_numbering_and_chapters_only_grouping():
    story, problems = narasi.parse(STORY, "x.narasi.md")
    section = story.latar_belakang
    assert [block.kind for block in section.blocks] == ["p", "li", "li", "p"]
    assert section.blocks[0].text == "Sistem laporan kinerja <script>alert(1)</script> dan baris kedua."
    assert section.blocks[0].runs[1].bold and section.blocks[0].runs[1].text == "laporan"
    assert section.paragraphs[1:3] == ["1. Satu", "2. Dua"]
    assert not section.placeholder
    assert story.simpulan.placeholder and story.simpulan.paragraphs == [story.simpulan.placeholder_text]
    assert story.dasar_hukum.placeholder  # its heading is misspelt: the text is not placed
    codes = sorted((d.code, d.span.line) for d in problems)
    assert codes == [("N002", 1), ("N002", 11), ("N003", 16)]


def test_the_narrative_is_escaped_in_html_and_markdown():
    story, _ = narasi.parse(STORY, "x.narasi.md")
    html = str(story.latar_belakang.html)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>laporan</strong>" in html
    markdown = str(story.latar_belakang.markdown)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown and "**laporan**" in markdown


def test_placeholders_name_what_to_write_in_both_languages():
    assert narasi.empty("id").latar_belakang.placeholder_text.startswith("[Isi latar belakang di sini: ")
    assert narasi.empty("en").latar_belakang.placeholder_text.startswith("[Write the background here: ")


def test_check_notes_the_sections_still_placeholders(tmp_path):
    spec = tmp_path / "x.lkj"
    spec.write_text('instansi "X"\ntahun 2023\n', encoding="utf-8")
    assert "N001" not in run("check", str(spec)).stdout  # no narrative file: nothing to say
    (tmp_path / "x.narasi.md").write_text("## Latar Belakang\nIsi.\n\n## Simpulan\n", encoding="utf-8")
    with i18n.using("en"):
        problems, _ = narasi.diagnostics_for_check(str(spec))
    assert {d.severity for d in problems} == {Severity.INFO}
    assert [(d.code, d.span.line) for d in problems] == [("N001", 4), ("N001", 5)]
    assert "section 'Simpulan' has no text of its own yet" in problems[0].message
    assert "'Kata Pengantar'" in problems[1].message and "'Latar Belakang'" not in problems[1].message
    checked = run("--lang", "en", "check", str(spec))
    assert checked.returncode == 0 and "x.narasi.md:4:1: info[N001]" in checked.stdout
    assert "info[N001]: bagian 'Simpulan' belum berisi teks" in run("check", str(spec)).stdout


def test_an_unreadable_narrative_is_an_error(tmp_path):
    spec = tmp_path / "x.lkj"
    spec.write_text('instansi "X"\ntahun 2023\n', encoding="utf-8")
    (tmp_path / "x.narasi.md").write_bytes(b"## Latar Belakang\n\xff\xfe\n")
    checked = run("--lang", "en", "check", str(spec))
    assert checked.returncode == 1 and "error[N004]: cannot read the narrative file" in checked.stdout
    rendered = run("--lang", "en", "render", str(spec), "-o", str(tmp_path / "x.md"))
    assert rendered.returncode == 1 and "N004" in rendered.stderr and not (tmp_path / "x.md").exists()


# ---- the built-in templates ----
def test_markdown_outline_and_narrative(tmp_path):
    spec = tmp_path / "s.lkj"
    spec.write_text(SERIRIT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "s.narasi.md").write_text("## Latar Belakang\nAlasan *penting* kami.\n", encoding="utf-8")
    out = tmp_path / "LKjIP.md"
    assert run("render", str(spec), "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("# ")]
    assert headings == ["# LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2023", "# BAB I PENDAHULUAN",
                        "# BAB II PERENCANAAN KINERJA", "# BAB III AKUNTABILITAS KINERJA", "# BAB IV PENUTUP",
                        "# LAMPIRAN"]
    assert "Alasan _penting_ kami." in text
    assert "_\\[Isi dasar hukum di sini: " in text
    for key in "abcdefg":
        assert re.search(rf"^### {key}\. ", text, re.M), key


def docx_document(data: bytes):
    docx = pytest.importorskip("docx")
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def lkjip_docx(results):
    pytest.importorskip("docxtpl")
    from lkjipdsl.render.docx_template import render_docx

    return {name: render_docx(result, "lkjip.docx", charts=False) for name, result in results.items()}


def test_docx_has_the_outline_tables_and_rows_kept_whole(lkjip_docx, results):
    from docx.oxml.ns import qn

    for name, data in lkjip_docx.items():
        document = docx_document(data)
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        for chapter in CHAPTERS_ID:
            assert any(h.split("\n")[0] == chapter for h in headings), (name, chapter, headings)
        assert "{{" not in "\n".join(p.text for p in document.paragraphs)  # every placeholder filled
        assert document.tables
        for table in document.tables:
            rows = table._tbl.tr_lst
            assert all(row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
            assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    seririt = docx_document(lkjip_docx["seririt-2023"])
    orientations = {section.orientation for section in seririt.sections}
    assert len(orientations) == 2  # portrait and landscape pages
    indikator = [n for n in results["seririt-2023"].nodes if n.kind == "indikator"]
    capaian = next(t for t in seririt.tables if t.rows[0].cells[1].text == "Indikator Kinerja")
    assert len(capaian.rows) == 1 + len(indikator)  # the {%tr for %} row made one row per indikator
    assert [row.cells[1].text for row in capaian.rows[1:]] == [n.name for n in indikator]
    titles = [p.text for p in seririt.paragraphs]
    assert "Tabel 3.1 Membandingkan antara Target dan Realisasi Kinerja Tahun 2023" in titles


# ---- the planner's own Word template ----
def own_template(path: Path, body: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    pytest.importorskip("docxtpl")
    document = docx.Document()
    for line in body:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_own_word_template_with_a_loop_and_a_table(tmp_path):
    template = own_template(tmp_path / "kop-pemda.docx", [
        "PEMERINTAH KABUPATEN BULELENG — {{ spec.instansi }}",
        "{%p for s in sasaran %}", "{{ s.heading }}: {{ s.text }}", "{%p endfor %}",
        "{{ tables.capaian | docx_table }}",  # inline: placed as the paragraph's own table
        "Nama <&> \"kutip\": {{ spec.instansi }}",
    ])
    out = tmp_path / "LKjIP.docx"
    rendered = run("render", str(SERIRIT), "--template", str(template), "-o", str(out), "--no-charts")
    assert rendered.returncode == 0, rendered.stderr
    document = docx_document(out.read_bytes())
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "PEMERINTAH KABUPATEN BULELENG — Kecamatan Seririt"
    sasaran = [t for t in texts if t.startswith("Sasaran ")]
    assert len(sasaran) == 3 and sasaran[0].startswith("Sasaran 1: Meningkatnya Kualitas Pelayanan Publik")
    assert len(document.tables) == 1 and document.tables[0].rows[0].cells[1].text.startswith("Sasaran")
    assert texts[-1] == 'Nama <&> "kutip": Kecamatan Seririt'


def test_own_word_template_errors_name_the_paragraph(tmp_path):
    template = own_template(tmp_path / "salah.docx", ["Judul", "{{ spec.instansii }}"])
    rendered = run("--lang", "en", "render", str(SERIRIT), "--template", str(template), "-o", str(tmp_path / "x.docx"))
    assert rendered.returncode == 1
    assert re.search(r"salah\.docx:\d+:\d+: error\[T003\]: 'SpecInfo object' has no attribute 'instansii'|"
                     r"salah\.docx:\d+:\d+: error\[T003\]", rendered.stderr), rendered.stderr
    assert "{{ spec.instansii }}" in rendered.stderr  # the paragraph's text, with the caret
    assert not (tmp_path / "x.docx").exists()
    broken = tmp_path / "bukan.docx"
    broken.write_bytes(b"not a zip")
    rendered = run("--lang", "en", "render", str(SERIRIT), "--template", str(broken), "-o", str(tmp_path / "y.docx"))
    assert rendered.returncode == 1 and "error[T009]: cannot read the Word template" in rendered.stderr


def test_own_word_template_is_sandboxed_and_bounded(tmp_path):
    template = own_template(tmp_path / "jahat.docx", ["{{ ''.__class__.__mro__ }}"])
    rendered = run("--lang", "en", "render", str(SERIRIT), "--template", str(template), "-o", str(tmp_path / "x.docx"))
    assert rendered.returncode == 1 and "error[T004]" in rendered.stderr
    template = own_template(tmp_path / "lama.docx", ["{% for a in nodes %}{% for b in nodes %}{% for c in nodes %}"
                                                     "{% endfor %}{% endfor %}{% endfor %}"])
    rendered = run("--lang", "en", "render", str(SERIRIT), "--template", str(template), "-o", str(tmp_path / "y.docx"))
    assert rendered.returncode == 1 and "error[T007]" in rendered.stderr


# ---- PDF ----
@pytest.fixture(scope="module")
def lkjip_pdf(tmp_path_factory):
    pytest.importorskip("weasyprint")
    pytest.importorskip("pypdf")
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for spec in (SERIRIT, SECOND):
        path = folder / f"{spec.stem}.pdf"
        rendered = run("render", str(spec), "-o", str(path), "--no-charts")
        assert rendered.returncode == 0, rendered.stderr
        out[spec.stem] = path
    return out


def pdf_pages(path: Path) -> list:
    from pypdf import PdfReader

    return PdfReader(str(path)).pages


def test_pdf_outline_page_numbers_and_landscape_pages(lkjip_pdf):
    for name, path in lkjip_pdf.items():
        pages = pdf_pages(path)
        texts = [page.extract_text() for page in pages]
        whole = "\n".join(texts)
        for heading in ["Ikhtisar Eksekutif", "PENDAHULUAN", "PERENCANAAN KINERJA", "AKUNTABILITAS KINERJA",
                        "PENUTUP", "LAMPIRAN"]:
            assert heading in whole, (name, heading)
        # every page but the cover carries its number at the foot
        for number, text in enumerate(texts[1:], 2):
            assert text.rstrip().endswith(str(number)), (name, number, text[-80:])
    pages = pdf_pages(lkjip_pdf["seririt-2023"])
    sizes = {(round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait and A4 landscape (points)


def test_pdf_long_table_repeats_its_header_on_every_page(lkjip_pdf):
    pages = [page.extract_text() for page in pdf_pages(lkjip_pdf["seririt-2023"])]
    title = "Tabel 3.1 Membandingkan antara Target dan Realisasi Kinerja Tahun 2023"
    start = next(i for i, text in enumerate(pages) if title in text)
    header = "Program / Kegiatan / Sub Kegiatan"
    following = [i for i in range(start, len(pages)) if "Tabel 3.2" in pages[i]]
    end = following[0] if following else start + 1
    assert end - start >= 2  # a long table: more than one page
    for index in range(start, end):
        assert header in pages[index], index


def test_eval_format_pdf(tmp_path):
    pytest.importorskip("weasyprint")
    out = tmp_path / "tabel.pdf"
    rendered = run("eval", str(SERIRIT), "--table", "capaian", "-o", str(out), "--no-charts")
    assert rendered.returncode == 0, rendered.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_pdf_fetches_nothing_but_data_uris(tmp_path):
    pytest.importorskip("weasyprint")
    from lkjipdsl.render.pdf import html_to_pdf

    secret = tmp_path / "rahasia.png"
    secret.write_bytes(b"\x89PNG not really")
    page = f'<img src="file://{secret}"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><p>ok</p>'
    assert html_to_pdf(page).startswith(b"%PDF-")  # rendered, the file and the address left out
