"""The DOCX and XLSX open cleanly in LibreOffice: converted headless to PDF, their pages carry the
report's text and figures. Skipped where LibreOffice (soffice) is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from render_helpers import rendered

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    pytest.importorskip("openpyxl")
    pytest.importorskip("docx")
    folder = tmp_path_factory.mktemp("pdf")
    (folder / "bab3.docx").write_bytes(rendered("docx"))
    (folder / "tabel.xlsx").write_bytes(rendered("xlsx", "id", ("capaian", "tabel-3.1")))
    # Indonesian locale: LibreOffice draws the workbook's '#,##0' as 256.774.593; its own profile directory
    environment = {**os.environ, "LC_ALL": "id_ID.UTF-8", "LANG": "id_ID.UTF-8", "HOME": str(folder)}
    run = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                          "pdf", "--outdir", str(folder), str(folder / "bab3.docx"), str(folder / "tabel.xlsx")],
                         capture_output=True, text=True, timeout=180, env=environment)
    assert run.returncode == 0, run.stderr
    return folder / "bab3.pdf", folder / "tabel.pdf"


def _text(pdf) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_docx_converts(pdfs):
    bab3, _ = pdfs
    assert bab3.stat().st_size > 10_000
    text = _text(bab3)
    assert "AKUNTABILITAS KINERJA" in text and "Tabel 3.1 Membandingkan antara Target dan Realisasi" in text
    assert "256.774.593" in text and "71,16" in text


def test_xlsx_converts(pdfs):
    _, tabel = pdfs
    text = _text(tabel)
    assert "Tabel 3.1 Membandingkan" in text and "Administrasi Umum Perangkat Daerah" in text
    assert "256.774.593" in text or "256,774,593" in text  # the locale's separators
    assert "71,16" in text or "71.16" in text
