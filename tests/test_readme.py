"""The README's example spec and commands stay true."""

import re
from decimal import Decimal
from pathlib import Path

import lkjipdsl
from lkjipdsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_two_commands():
    blocks = re.findall(r"```bash\n(.*?)```", README, re.S)
    first = blocks[0].strip().splitlines()
    assert first[0] == 'pip install -e ".[dev]" && lkjipdsl eval specs/seririt-2023.lkj'
    assert first[1] == "python -m pytest"
    assert (ROOT / "specs" / "seririt-2023.lkj").exists()


def test_readme_spec_evaluates_to_its_comments():
    spec = re.findall(r"```lkj\n(.*?)```", README, re.S)[0]
    result = lkjipdsl.evaluate(lkjipdsl.loads(spec, "README.md"))
    assert not result.has_errors
    assert result.node("IKM").capaian.quantize(Decimal("0.01")) == Decimal("102.53")
    assert [a.ok for a in result.assertions] == [True]  # 742.500 / 1.486.980 = 49,93 %


def test_readme_example_commands_run(capsys):
    assert main(["eval", str(ROOT / "specs" / "seririt-2023.lkj"), "--table", "tabel-3.1"]) == 0
    assert main(["explain", str(ROOT / "specs" / "seririt-2023.lkj"), "capaian_sasaran"]) == 0
    assert main(["eval", str(ROOT / "examples" / "dua-polaritas.lkj"), "--format", "json"]) == 0


def test_first_command_speaks_indonesian_and_fits_120_columns(tmp_path):
    """`lkjipdsl eval specs/seririt-2023.lkj` as a new user runs it: no language chosen (no
    LKJIPDSL_LANG, a C locale), output not a terminal (a pipe: 100 columns unless COLUMNS says
    otherwise); then on a terminal of 120 columns (COLUMNS=120)."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items()
           if key not in ("LKJIPDSL_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "COLUMNS")}
    command = [sys.executable, "-m", "lkjipdsl.cli", "eval", "specs/seririt-2023.lkj"]
    piped = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")
    wide = subprocess.run(command, cwd=ROOT, env={**env, "COLUMNS": "120"}, capture_output=True, text=True,
                          encoding="utf-8")
    for run, width in ((piped, 100), (wide, 120)):
        assert run.returncode == 0, run.stderr
        assert max(map(len, run.stdout.splitlines())) <= width
        assert run.stdout.startswith("Ringkasan\n=========\n")
        for heading in ("Jumlah program", "Capaian Kinerja Sasaran dan Indikator", "Keterangan Predikat",
                        "Tabel 3.1 Membandingkan antara Target dan Realisasi Kinerja Tahun 2023"):
            assert heading in " ".join(run.stdout.split())
        assert "Summary" not in run.stdout and "Budget" not in run.stdout
        assert "angka tercetak tidak cocok dengan hasil hitung" in run.stderr
