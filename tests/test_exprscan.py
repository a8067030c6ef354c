"""The expression fast path (lkjipdsl/exprscan.py) builds exactly Lark's tree, or leaves it to Lark."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as s

from lkjipdsl import syntax
from lkjipdsl.syntax import exprscan
from spec_strategies import expressions

ROOT = Path(__file__).resolve().parent.parent


def _agrees(source: str, line: int = 7, column: int = 9) -> bool:
    """Whether the fast path took `source`; when it did, its tree must be Lark's."""
    fast = exprscan.parse(source, "t.lkj", line, column)
    if fast is None:
        return False
    assert fast == syntax.parse_expression_with_lark(source, "t.lkj", line, column), source
    return True


def _corpus() -> list[str]:
    """Every expression after rumus/jika in the specs, examples and docs."""
    paths = sorted(ROOT.glob("specs/*.lkj")) + sorted(ROOT.glob("examples/*.lkj"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    texts.append((ROOT / "docs" / "language.md").read_text(encoding="utf-8"))
    found = []
    for text in texts:
        found += [m.group(1).strip() for m in re.finditer(r"\b(?:rumus|jika)\b[ \t]+([^;\n#}]+)", text)]
    return sorted(set(found))


CORPUS = _corpus()


@pytest.mark.parametrize("source", CORPUS)
def test_the_expressions_of_the_specs_and_docs(source):
    _agrees(source)


def test_the_real_expressions_take_the_fast_path():
    text = (ROOT / "specs" / "seririt-2023.lkj").read_text(encoding="utf-8")
    sources = [m.group(1).strip() for m in re.finditer(r"\b(?:rumus|jika)\b[ \t]+([^;\n#}]+)", text)]
    assert sources and all(_agrees(source) for source in sources)


@pytest.mark.parametrize("source", [
    # keyword words as names, and names glued to keywords: Lark's contextual lexer decides
    "x < tidak", "x ataux", "x orang", "atau", "a + dan", "x.tidak", "x.dan", "rumus + 1", "jika",
    # what Lark rejects or reads its own way
    "tidak < 5", "x atau", "dan x", "tidak.x", "a < b < c", "f(a,)", "a.b(c)", "a // b", "x # c", "a \\\n b",
    "x\f+ 1", "\ufeffx", "(((((((((((((((((((((x)))))))))))))))))))))", " + ".join(["x"] * 120), "", "  ",
    "x +", "(x", "x)", "f(", '"open', "5x", "x.5a", "a !b", "a => b", "x Rp5", "a..b",
    # only 0-9 are digits: another script's digit is neither a number nor a name (E016 before parsing)
    "٣ + 1", "x + ৪", "１", "x < 9৪",
])
def test_what_the_fast_path_leaves_to_lark(source):
    assert exprscan.parse(source, "t.lkj", 3, 5) is None


@pytest.mark.parametrize("source", [
    "tidak(x)", "not x", "tidak tidak x", "not not x", "x -5", "x--5", "-5", "- 5", "- - x", "-(x)", "-( x )",
    "f(1,2)", "f()", "f( )", "x (y)", "ada (realisasi)", "tidak ada(realisasi)", "Rp 5 + Rp.6 %", "5 %",
    "1.000.000,-", '"a\\"b" = x', '"#" = kode', '"//"', "a × b ÷ c", "a == b", "- (x + 1) * -2",
    "f( a , -(b) )", "min(a, b, c) atau not (x)", "x and y or z and not w", "a - - b", "a\t<\t\tb",
    "total.serapan", "total . serapan", "é + ñ1", "(a dan b) atau (c dan tidak d)",
    # malformed numbers are one NUMBER token for both, reported by numbers.py (E105)
    "+5", "--5", "x - -+5", "1e5", "x * 2E-3", "1,5e3 %", "0x1F", "x < 0XfF", "x2e3 + 1",
])
def test_what_the_fast_path_takes(source):
    assert _agrees(source)
    assert _agrees(source, 1, 1)


_WORDS = s.sampled_from(["x", "serapan", "total", "anak", "tidak", "dan", "atau", "not", "and", "or", "ada", "Rp",
                         "ataux", "é", "_a1"])
_PIECES = s.one_of(_WORDS, s.sampled_from(["(", ")", ",", ".", "-", "+", "*", "/", "×", "÷", "<", "<=", ">=", "=",
                                           "==", "!=", "!", "5", "-5", "1.000,50", "Rp 5", "7 %", "1,-", '"s"',
                                           '"a\\"b"', '"', "#", "//", "\\", "..", ";", "\t", "\f",
                                           "1e5", "e", "E3", "0x", "x1", "++", "৪", "２"]))


@settings(max_examples=1500, deadline=None)
@given(s.lists(_PIECES, max_size=12), s.lists(s.sampled_from(["", " ", "  ", "\t"]), min_size=12, max_size=12))
def test_token_soup(pieces, spaces):
    _agrees("".join(piece + space for piece, space in zip(pieces, spaces)).strip())


@settings(max_examples=500, deadline=None)
@given(expressions(), s.integers(1, 3000), s.integers(1, 80))
def test_generated_expressions(source, line, column):
    _agrees(source, line, column)


def test_a_well_formed_report_needs_neither_lark_nor_tabulate():
    """Nor pydantic (the result records are dataclasses; pydantic only validates JSON read back),
    nor the libraries of formats it is not asked for, nor the standard library's dataclasses and
    typing, nor the modules of other commands (start-up time: bench/startup.py)."""
    code = ("import sys; from lkjipdsl.cli import main; main(['eval', sys.argv[1]]);"
            "main(['eval', '--format', 'json', sys.argv[1]]); main(['check', sys.argv[1]]);"
            "loaded = [m for m in ('lark', 'pydantic', 'tabulate', 'wcwidth', 'openpyxl', 'docx', 'matplotlib',"
            "'jinja2', 'concurrent.futures.process',"
            # what the records (lkjipdsl.records) and lazy imports keep out of the command's start
            "'dataclasses', 'inspect', 'lkjipdsl.session', 'lkjipdsl.reports', 'lkjipdsl.render.charts',"
            # what TYPE_CHECKING blocks and the commands' own imports keep out (lkjipdsl.cli)
            "'typing', 'lkjipdsl.cli_import', 'lkjipdsl.cli_fmt', 'lkjipdsl.syntax.lark_parser')"
            " if m in sys.modules]; sys.exit(f'imported: {loaded}' if loaded else 0)")
    # -S: a .pth of the machine may import typing before any code of ours runs
    done = _without_site(code, str(ROOT / "specs" / "seririt-2023.lkj"))
    assert done.returncode == 0, done.stderr[-2000:]


def _without_site(code: str, *args: str) -> subprocess.CompletedProcess:
    """`python -S -c code args`, the package and its libraries found through PYTHONPATH (what a
    machine's .pth files import is not the package's doing)."""
    path = os.pathsep.join([str(ROOT)] + [entry for entry in sys.path if entry])
    return subprocess.run([sys.executable, "-S", "-c", code, *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": path})


def test_the_command_imports_argparse_without_gettext_and_one_spec_without_batch():
    """The `lkjipdsl` command (lkjipdsl/__main__.py) imports argparse with a stand-in for gettext,
    taken away after: gettext itself is not imported, a later `import gettext` gets the real
    module, and argparse's words stay as gettext gives them without a catalogue. `eval` of one spec
    does not import lkjipdsl.batch (many specs at once)."""
    code = ("import os, sys\n"
            "real_exit = os._exit\n"
            "def leave(code):\n"
            "    kept = [m for m in ('gettext', 'lkjipdsl.batch') if m in sys.modules]\n"
            "    import argparse, gettext\n"
            "    plural = argparse.ngettext\n"
            "    words = (argparse._('usage: '), plural('one', 'many', 1), plural('one', 'many', 2))\n"
            "    real = callable(getattr(gettext, 'translation', None))\n"
            "    print(f'exit {code}, imported {kept}, real gettext {real}, argparse says {words}', file=sys.stderr)\n"
            "    sys.stderr.flush()\n"
            "    real_exit(code)\n"
            "os._exit = leave\n"
            "sys.argv = ['lkjipdsl', *sys.argv[1:]]\n"
            "from lkjipdsl.__main__ import main\n"
            "main()\n")
    spec = str(ROOT / "specs" / "seririt-2023.lkj")
    done = _without_site(code, "eval", spec)
    assert ("exit 0, imported [], real gettext True, argparse says ('usage: ', 'one', 'many')"
            in done.stderr), done.stderr[-2000:]
    wrong = _without_site(code, "eval", "--no-such-option", spec)  # argparse's error, in Indonesian
    assert "lkjipdsl: galat: argumen tidak dikenal: --no-such-option" in wrong.stderr, wrong.stderr[-2000:]
    assert "exit 2," in wrong.stderr


def test_the_package_imports_its_api_when_first_used():
    """`import lkjipdsl` imports none of its modules (the command imports what it needs, with the
    collector paused: lkjipdsl/__main__.py); each public name is imported when first asked for, and
    `lkjipdsl.evaluate` stays the function, not the module of that name, whatever was imported first."""
    code = ("import sys, lkjipdsl\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('lkjipdsl.'))\n"
            "assert not loaded, loaded\n"
            "import lkjipdsl.evaluate, lkjipdsl.cli\n"
            "assert callable(lkjipdsl.evaluate) and lkjipdsl.evaluate is lkjipdsl.api.evaluate\n"
            "from lkjipdsl import Limits, Session, evaluate, load, render_report, syntax\n"
            "assert evaluate is lkjipdsl.api.evaluate and syntax.parse and Session and render_report\n"
            "assert set(lkjipdsl.__all__) <= set(dir(lkjipdsl))\n"
            "try:\n"
            "    lkjipdsl.no_such_name\n"
            "except AttributeError as problem:\n"
            "    assert 'no_such_name' in str(problem)\n"
            "else:\n"
            "    raise SystemExit('no AttributeError')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
