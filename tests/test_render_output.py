"""-o/--output for every format: the format from the extension, atomic writes (a failure mid-render
leaves the old file as it was), standard output, missing extras (exit 2, no traceback), lazy imports."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lkjipdsl.cli import main
from lkjipdsl.render import output, xlsx
from lkjipdsl.render.formats import choose_format
from render_helpers import ROOT, SMALL


@pytest.fixture
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("spec") / "contoh.lkj"
    path.write_text(SMALL, encoding="utf-8")
    return str(path)

OLD = b"the report of last week\n"


def _only(directory) -> list[str]:
    return sorted(os.listdir(directory))


def test_format_from_the_extension():
    assert [choose_format(None, f"x{ext}") for ext in (".md", ".HTML", ".xlsx", ".docx", ".png", ".csv", ".json")] \
        == ["markdown", "html", "xlsx", "docx", "png", "csv", "json"]
    assert choose_format(None, None) == choose_format(None, "-") == choose_format(None, "laporan") == "text"
    assert choose_format("csv", "x.html") == "csv"  # --format wins


def test_eval_writes_each_format(tmp_path, capsys, small):
    for name, magic in (("t.html", b"<!DOCTYPE html>"), ("t.md", b"### Ringkasan"), ("t.json", b"{"),
                        ("t.csv", "\ufeffUraian;Nilai\r\n".encode()), ("t.txt", b"Ringkasan\n")):
        one = ["--table", "ringkasan"] if name.endswith(".csv") else []  # a CSV file holds one table
        assert main(["eval", small, *one, "-o", str(tmp_path / name), "--no-charts"]) == 0
        assert (tmp_path / name).read_bytes().startswith(magic), name
    assert capsys.readouterr().out == ""  # nothing on standard output when -o is a file
    assert main(["eval", small, "--format", "html", "--no-charts", "--table", "ringkasan", "-o", "-"]) == 0
    assert "<td class=\"num\">1.486.980</td>" in capsys.readouterr().out


def test_png_chart(tmp_path, capsys, small):
    pytest.importorskip("matplotlib")
    out = tmp_path / "capaian.png"
    assert main(["eval", small, "--chart", "capaian", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["eval", small, "-o", str(tmp_path / "x.png")]) == 2
    assert "pakai --chart NAMA (capaian, anggaran)" in capsys.readouterr().err  # no CRAAPK periods here


def test_usage_errors(tmp_path, capsys, small):
    assert main(["eval", small, "-o", str(tmp_path / "x.odt")]) == 2
    assert "x.odt' tidak dapat ditentukan dari ekstensinya" in capsys.readouterr().err
    assert main(["eval", small, "--format", "docx", "--table", "capaian", "-o", str(tmp_path / "x.docx")]) == 2
    assert "--table tidak berlaku untuk docx: draf BAB III memiliki tabelnya sendiri" in capsys.readouterr().err
    assert main(["eval", small, "-o", str(tmp_path / "missing" / "x.html"), "--no-charts"]) == 2
    assert "tidak dapat ditulis" in capsys.readouterr().err
    assert _only(tmp_path) == []


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "laporan.xlsx"
    target.write_bytes(OLD)
    with pytest.raises(RuntimeError), output.atomic_write(target) as file:
        file.write(b"half a workbook")
        raise RuntimeError("renderer crashed")
    assert target.read_bytes() == OLD and _only(tmp_path) == ["laporan.xlsx"]
    os.chmod(target, 0o640)
    with output.atomic_write(target) as file:
        file.write(b"new")
    assert target.read_bytes() == b"new" and _only(tmp_path) == ["laporan.xlsx"]
    assert os.stat(target).st_mode & 0o777 == 0o640  # the replaced file's mode is kept


@pytest.mark.parametrize("failure,code", [(OSError(28, "No space left on device"), 2), (RuntimeError("bug"), 3)])
def test_failure_mid_render_leaves_the_old_file(tmp_path, monkeypatch, capsys, small, failure, code):
    """The xlsx writer dies after writing part of the workbook: the old file is untouched, no temp file is left."""
    pytest.importorskip("openpyxl")

    def half_then_fail(result, tables, file, lang="id"):
        file.write(b"PK\x03\x04 half a workbook")
        raise failure

    monkeypatch.setattr(xlsx, "write", half_then_fail)
    target = tmp_path / "laporan.xlsx"
    target.write_bytes(OLD)
    assert main(["eval", small, "-o", str(target)]) == code
    assert target.read_bytes() == OLD and _only(tmp_path) == ["laporan.xlsx"]
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("fmt,module,extra", [("xlsx", "openpyxl", "xlsx"), ("docx", "docx", "docx")])
def test_missing_extra(tmp_path, monkeypatch, capsys, small, fmt, module, extra):
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    out = tmp_path / f"laporan.{fmt}"
    assert main(["eval", small, "-o", str(out), "--no-charts"]) == 2
    err = capsys.readouterr().err
    assert f"pip install 'lkjipdsl[{extra}]'" in err and "Traceback" not in err
    assert not out.exists()


def test_missing_charts_extra(tmp_path, monkeypatch, capsys, small):
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    assert main(["eval", small, "--chart", "capaian", "-o", str(tmp_path / "c.png")]) == 2
    assert "pip install 'lkjipdsl[charts]'" in capsys.readouterr().err
    assert main(["eval", small, "--table", "capaian", "-o", str(tmp_path / "t.html")]) == 0
    assert "info: grafik tidak disertakan" in capsys.readouterr().err
    assert "<img" not in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_eval_does_not_import_the_report_libraries(small):
    code = ("import sys; from lkjipdsl.cli import main; main(['eval', sys.argv[1], '--table', 'ringkasan']); "
            "print(sorted(m for m in ('openpyxl', 'docx', 'matplotlib', 'jinja2') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code, small], capture_output=True, text=True, cwd=ROOT,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_the_registry_is_the_one_list_of_formats(capsys):
    import tomllib

    from lkjipdsl.render import extras, formats

    main(["eval", "--help"])
    assert "--format {" + ",".join(formats.REGISTRY) + "}" in capsys.readouterr().out.replace("\n", " ")
    assert {choose_format(None, f"laporan{ext.upper()}") for ext in formats.EXTENSIONS} == set(formats.FORMATS)
    assert set(formats.BINARY_FORMATS) == {"xlsx", "docx", "png", "pdf"}
    assert formats.ROLLUP_FORMATS == ("text", "markdown", "csv", "json")
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for entry in formats.REGISTRY.values():
        assert entry.extra is None or (entry.extra in extras.PACKAGES and entry.extra in declared), entry.name


def test_csv_keeps_the_nesting_as_leading_spaces(small):
    """CSV writes `Table.rows` as they are: a kegiatan two spaces in, a sub kegiatan four."""
    import lkjipdsl

    from lkjipdsl.render import formats

    content, _ = formats.render(lkjipdsl.evaluate(lkjipdsl.load(small)), "csv", ["realisasi-anggaran"])
    assert content.splitlines()[1:4] == ["1;PROGRAM PENUNJANG;1486980;742500;744480;49,93",
                                         "1.2;  Administrasi Keuangan;1486980;742500;744480;49,93",
                                         "1.2.4;    Laporan Keuangan Akhir Tahun;1486980;742500;744480;49,93"]


def test_csv_for_excel_in_each_language(tmp_path, capsys, small):
    """Indonesian: `;` between cells and a decimal comma; English: `,` and a point; both with a BOM, so
    that Excel reads UTF-8 ("4–6", not "4â€“6"). 742.500 / 1.486.980 × 100 = 49,93 (by hand)."""
    out = tmp_path / "t.csv"
    assert main(["eval", small, "--table", "realisasi-anggaran", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNo;Program / Kegiatan;Anggaran (Rp);")
    assert "1.2.4;    Laporan Keuangan Akhir Tahun;1486980;742500;744480;49,93\r\n" in data.decode("utf-8-sig")
    assert main(["eval", small, "--table", "realisasi-anggaran", "--lang", "en", "-o", str(out)]) == 0
    assert "1.2.4,    Laporan Keuangan Akhir Tahun,1486980,742500,744480,49.93\r\n" in out.read_bytes().decode("utf-8-sig")
    capsys.readouterr()
    assert main(["eval", small, "--format", "csv", "--lang", "en"]) == 2  # which table? it says
    assert "a CSV file holds one table: choose it with --table NAME (ringkasan, capaian," in capsys.readouterr().err
