"""The grammar (grammar/lkj.lark, at the top of the repository) ships inside the package: a wheel
built from the sources holds it, and an installed copy parses with the full parser (Lark)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs with -I (no PYTHONPATH, no current folder, no user site): lkjipdsl comes from the unpacked
# wheel put first on the path, its dependencies from the installed ones.
_PARSE_FROM_THE_WHEEL = """
import sys
sys.path.insert(0, sys.argv[1])
import lkjipdsl, lkjipdsl.grammar
from lkjipdsl.syntax import lark_parser
for module in (lkjipdsl, lkjipdsl.grammar, lark_parser):
    assert module.__file__.startswith(sys.argv[1]), module.__file__
loaded = lkjipdsl.loads('instansi "X"\\ntahun 2023\\nsasaran S1 "Satu" {\\n', "rusak.lkj")
assert "lark" in sys.modules, "the syntax error went to the full parser"
print(" ".join(d.code for d in loaded.diagnostics))
"""


def _sources(into: Path) -> Path:
    """A copy of what a wheel is built from: nothing else of the checkout (build/, caches) gets in."""
    into.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, into / name)
    for folder in ("lkjipdsl", "grammar"):
        shutil.copytree(ROOT / folder, into / folder, ignore=ignore)
    return into


def test_a_wheel_holds_the_grammar_and_parses_with_it(tmp_path):
    sources = _sources(tmp_path / "sources")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(sources), "--no-deps", "-q",
                            "-w", str(tmp_path / "dist")], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("lkjipdsl-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "installed")
    assert {"lkjipdsl/grammar/lkj.lark", "lkjipdsl/grammar/__init__.py", "lkjipdsl/py.typed"} <= names
    packages = {path.parent.relative_to(ROOT).as_posix() for path in (ROOT / "lkjipdsl").rglob("__init__.py")}
    assert {f"{package}/__init__.py" for package in packages} <= names, "a package is missing from the wheel"
    assert any(name.startswith("lkjipdsl/templates/") for name in names)
    assert any(name.startswith("lkjipdsl/locale/") for name in names)

    parsed = subprocess.run([sys.executable, "-I", "-c", _PARSE_FROM_THE_WHEEL, str(tmp_path / "installed")],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert parsed.returncode == 0, parsed.stderr[-3000:]
    assert parsed.stdout.split() == ["E003"]
