"""`lkjipdsl render --template`: the built-in BAB III templates, users' templates with the shared
filters, and the sandbox: Python internals refused, typos and syntax errors reported with the
template's file and line, never a traceback."""

from __future__ import annotations

import pytest

from lkjipdsl.cli import main
from lkjipdsl.render.templating import TemplateProblem, builtin_names, render_template
from render_helpers import SPEC, Tables, seririt


def _render(tmp_path, text: str, lang: str = "id", name: str = "laporan.md") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return render_template(seririt(), str(path), lang, charts=False)


def _problem(tmp_path, text: str, name: str = "laporan.md") -> TemplateProblem:
    with pytest.raises(TemplateProblem) as info:
        _render(tmp_path, text, name=name)
    return info.value


def test_builtin_templates_ship():
    assert {"bab3.md", "bab3.html"} <= set(builtin_names())


def test_bab3_markdown():
    text = render_template(seririt(), "bab3.md", "id", charts=False)
    assert text.startswith("# BAB III AKUNTABILITAS KINERJA\n")
    assert "## A. Capaian Kinerja Organisasi" in text and "## B. Realisasi Anggaran" in text
    assert "#### Sasaran 3: Meningkatnya Kualitas Pembangunan Desa/Kelurahan" in text
    row = next(line for line in text.splitlines() if line.startswith("| 1.4 "))
    assert [c.strip() for c in row.split("|")][3:6] == ["256.774.593", "182.722.238", "71,16"]


def test_bab3_html():
    page = render_template(seririt(), "bab3.html", "id", charts=False)
    parsed = Tables(page)
    _, cells = parsed.row(("1.4",))
    assert [t for t, _ in cells][2:5] == ["256.774.593", "182.722.238", "71,16"]
    attrs, cells = parsed.row(("2.1",))
    assert attrs["data-warna"] == "#2da44e" and "background: #2da44e" in cells[6][1]["style"]
    assert "BAB III" in parsed.headings[0] and "<img" not in page  # no charts asked for


def test_user_template_with_filters(tmp_path):
    template = (
        "{{ spec.instansi }} {{ spec.tahun }}\n"
        "{% set n = result.node('1.4') %}"
        "{{ n.name }}: {{ n.anggaran | rupiah }} / {{ n.capaian_anggaran | persen }} %\n"
        "{{ total.realisasi_anggaran | rupiah }} {{ 1234.5 | angka }} {{ '97.153' | angka(1) }}\n"
        "{% for s in sasaran %}{{ s.heading }}|{% endfor %}\n")
    text = _render(tmp_path, template)
    assert text.splitlines() == [
        "Kecamatan Seririt 2023",
        "Administrasi Umum Perangkat Daerah: 256.774.593 / 71,16 %",
        "8.371.823.881 1.234,5 97,2",
        "Sasaran 1: Meningkatnya Kualitas Pelayanan Publik|Sasaran 2: Meningkatnya Kualitas Penyelenggaraan "
        "Pemerintahan Desa/Kelurahan|Sasaran 3: Meningkatnya Kualitas Pembangunan Desa/Kelurahan|"]
    assert _render(tmp_path, "{{ result.node('1.4').capaian_anggaran | persen }}", "en") == "71.16"


def test_user_template_extends_includes_builtin(tmp_path):
    text = _render(tmp_path, "Sampul\n{% include 'builtin/bab3.md' %}")
    assert text.startswith("Sampul\n# BAB III")


def test_html_templates_escape(tmp_path):
    assert _render(tmp_path, "{{ '<b>' }}{{ tables.capaian | html_table }}", name="x.html").startswith("&lt;b&gt;<")
    assert _render(tmp_path, "{{ '<b>' }}", name="x.md") == "&lt;b&gt;"  # escaped for Markdown
    assert _render(tmp_path, "{{ '<b>' }}", name="x.txt") == "<b>"  # plain text


@pytest.mark.parametrize("expression", [
    "''.__class__.__mro__",
    "result.__class__.__init__.__globals__",
    "cycler.__init__.__globals__.os",
    "tables.capaian.rows.append(['x'])",
])
def test_sandbox_refuses_python_internals(tmp_path, expression):
    problem = _problem(tmp_path, "baris satu\n{{ " + expression + " }}\n")
    assert problem.exit_code == 1
    assert problem.diagnostic.code in ("T003", "T004")
    assert problem.diagnostic.span.line == 2 and problem.diagnostic.span.file.endswith("laporan.md")


def test_typo_fails_with_its_line(tmp_path):
    problem = _problem(tmp_path, "# Judul\n\n{% for p in programz %}{{ p.heading }}{% endfor %}\n")
    d = problem.diagnostic
    assert (d.code, d.span.line, d.span.column) == ("T003", 3, 13)
    assert "'programz' tidak dikenal" in d.message and d.hints == ("mungkin maksud Anda 'programs'?",)
    attribute = _problem(tmp_path, "x\ny\n{{ spec.instansii }}\n").diagnostic
    assert attribute.code == "T003" and attribute.span.line == 3 and "instansii" in attribute.message


def test_syntax_error_with_its_line(tmp_path):
    d = _problem(tmp_path, "satu\n{% for s in sasaran %}\n{{ s.heading }\n{% endfor %}\n").diagnostic
    assert d.code == "T002" and d.span.line == 3


def test_hidden_files_cannot_be_included(tmp_path):
    (tmp_path / ".rahasia").write_text("kunci", encoding="utf-8")
    d = _problem(tmp_path, "{% include '.rahasia' %}").diagnostic
    assert d.code == "T001" and d.span.line == 1


def test_cli_render(tmp_path, capsys):
    out = tmp_path / "bab3.md"
    assert main(["render", str(SPEC), "--template", "bab3.md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# BAB III AKUNTABILITAS KINERJA")
    assert main(["render", str(SPEC), "--template", "bab3.md", "--lang", "en", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# CHAPTER III PERFORMANCE ACCOUNTABILITY")


def test_cli_template_errors(tmp_path, capsys):
    bad = tmp_path / "salah.md"
    bad.write_text("satu\ndua {{ sasarn }}\n", encoding="utf-8")
    out = tmp_path / "out.md"
    assert main(["render", str(SPEC), "--template", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:8: galat[T003]: 'sasarn' tidak dikenal" in err
    assert "petunjuk: mungkin maksud Anda 'sasaran'?" in err
    assert "Traceback" not in err and not out.exists()
    assert main(["render", str(SPEC), "--template", "bab3.mdx"]) == 2
    err = capsys.readouterr().err
    assert "galat[T001]: templat 'bab3.mdx' tidak ada" in err and "mungkin maksud Anda 'bab3.md'" in err


def test_the_example_in_docs_renders(tmp_path):
    import re

    from render_helpers import ROOT

    docs = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    example = re.search(r"```jinja\n(.*?)```", docs, re.S).group(1)
    text = _render(tmp_path, example)
    assert "# Laporan Kinerja Kecamatan Seririt 2023" in text
    assert "Administrasi Umum Perangkat Daerah: Rp 182.722.238 dari Rp 256.774.593\n(71,16 %)." in text
    assert "**Tabel 3.1 Membandingkan antara Target dan Realisasi Kinerja Tahun 2023**" in text
