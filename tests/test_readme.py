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
