"""A PDF is laid out in memory whole by WeasyPrint (about 140 KB per table row): one with more
table rows than the limit max_pdf_rows is refused before it starts, whatever command makes it,
and nothing is written (docs/language.md, "Limits")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("weasyprint")

SERIRIT = Path(__file__).resolve().parent.parent / "specs" / "seririt-2023.lkj"


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lkjipdsl", "--lang", "en", *argv],
                          capture_output=True, text=True)


def rows_of_html(tmp_path: Path) -> int:
    page = tmp_path / "tables.html"
    assert run("eval", str(SERIRIT), "--format", "html", "-o", str(page)).returncode in (0, 1)
    return page.read_text(encoding="utf-8").count("<tr")


@pytest.mark.parametrize("command", [["eval", "--format", "pdf"], ["render"]])
def test_a_pdf_with_more_rows_than_the_limit_is_refused_and_nothing_written(tmp_path, command):
    output = tmp_path / "laporan.pdf"
    done = run(command[0], str(SERIRIT), *command[1:], "-o", str(output), "--limit", "max_pdf_rows=10")
    assert done.returncode == 2, done.stderr
    assert "more than the limit max_pdf_rows (10)" in done.stderr
    assert "--limit max_pdf_rows=N" in done.stderr
    assert not output.exists()


def test_the_row_count_is_that_of_the_page_printed(tmp_path):
    """The tables' page of Seririt holds some hundreds of rows (its 7 programs, their kegiatan and
    sub kegiatan appear in several tables): at exactly that many the PDF is made."""
    rows = rows_of_html(tmp_path)
    assert rows > 100
    output = tmp_path / "tabel.pdf"
    assert run("eval", str(SERIRIT), "--format", "pdf", "-o", str(output),
               "--limit", f"max_pdf_rows={rows}").returncode in (0, 1)
    assert output.read_bytes().startswith(b"%PDF")
    refused = run("eval", str(SERIRIT), "--format", "pdf", "-o", str(tmp_path / "b.pdf"),
                  "--limit", f"max_pdf_rows={rows - 1}")
    assert refused.returncode == 2 and f"the PDF would hold {rows} table rows" in refused.stderr
