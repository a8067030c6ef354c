"""Patterns compiled when first used (lkjipdsl.patterns): they answer as the compiled pattern does,
and those a well-formed report never needs are never compiled by a command on Seririt."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lkjipdsl.patterns import deferred, is_compiled

ROOT = Path(__file__).resolve().parent.parent


def test_a_deferred_pattern_answers_as_the_compiled_one():
    pattern = deferred(r"(?P<word>[a-z]+)|(?P<number>[0-9]+)", re.IGNORECASE)
    compiled = re.compile(pattern.pattern, re.IGNORECASE)
    text = "Rp 1.250 untuk 12 desa"
    assert pattern.findall(text) == compiled.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.match(text).group("word") == "Rp"
    assert pattern.fullmatch("desa") and not pattern.fullmatch("desa 1")
    assert pattern.search("  12").group("number") == "12"
    assert pattern.sub("_", text) == compiled.sub("_", text)
    assert pattern.split(text) == compiled.split(text)
    assert pattern.groupindex == compiled.groupindex and pattern.groups == 2
    assert pattern.flags == compiled.flags and is_compiled(pattern)


def test_its_text_is_read_without_compiling_it():
    pattern = deferred("[")  # not a valid pattern: compiling it would fail
    assert pattern.pattern == "[" and not is_compiled(pattern)
    try:
        pattern.match("x")
    except re.error:
        pass
    else:
        raise AssertionError("an invalid pattern compiled")


def test_eval_of_a_well_formed_report_compiles_none_of_the_error_patterns():
    """Markdown escaping, the Unicode checks of text beyond ASCII, the hints of a slip, the
    prescan of expressions and the cutting of table cells beyond ASCII stay uncompiled through
    `eval` and `check` of Seririt (start-up time: bench/startup.py)."""
    code = ("import sys; from lkjipdsl.cli import main; main(['eval', sys.argv[1]]); main(['check', sys.argv[1]])\n"
            "from lkjipdsl.patterns import _Deferred, is_compiled\n"
            "from lkjipdsl.render import escape, headings, wrap\n"
            "from lkjipdsl.syntax import characters, prescan, slips\n"
            "kept = [name for module in (escape, headings, wrap, characters, prescan, slips)\n"
            "        for name, value in vars(module).items()\n"
            "        if isinstance(value, _Deferred) and is_compiled(value)]\n"
            "sys.exit(f'compiled: {kept}' if kept else 0)")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "specs" / "seririt-2023.lkj")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


# ---- the programs compiled ahead (lkjipdsl/_pattern_codes.py) ----
def test_the_programs_compiled_ahead_are_those_python_makes_of_every_pattern_of_the_package():
    from lkjipdsl import _pattern_codes, patterns

    written = (ROOT / "lkjipdsl" / "_pattern_codes.py").read_text(encoding="utf-8")
    if _pattern_codes.ENGINE != patterns.engine():  # another interpreter: the table is not used at all
        assert patterns._table() == {}
        return
    # written by a process of its own: this one may have compiled patterns made only when a function needs them
    made = subprocess.run([sys.executable, str(ROOT / "tools" / "pattern_codes.py"), "--print"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    assert written == made, "a pattern changed: run python tools/pattern_codes.py"
    assert len(_pattern_codes.CODES) >= 80
    for pattern, flags in _pattern_codes.CODES:
        # a Pattern equals another only with the same text, flags and program (CPython compares the code)
        made = patterns.compiled(pattern, flags)
        assert made == re.compile(pattern, flags) and made.groupindex == re.compile(pattern, flags).groupindex


def test_a_pattern_compiled_ahead_matches_as_re_compile_does():
    from lkjipdsl.syntax import scanner

    line = 'tercetak "Tabel 3.1" anggaran 1.250.000 realisasi 1.000.000 serapan 80,00 # komentar\n'
    fresh = re.compile(scanner._TOKEN.pattern)
    assert [m.group() for m in scanner._TOKEN.finditer(line)] == [m.group() for m in fresh.finditer(line)]
    assert scanner._TOKEN.match(line, 8).lastgroup == "string" and scanner._TOKEN.groupindex == fresh.groupindex


def test_a_table_written_for_another_interpreter_is_not_used(monkeypatch):
    from lkjipdsl import _pattern_codes, patterns

    monkeypatch.setattr(patterns, "_codes", None)
    monkeypatch.setattr(_pattern_codes, "ENGINE", ("cpython", 3, 10, 20220402, 4, 4294967295, "little"))
    assert patterns._table() == {}
    made = patterns.compiled(r"(?P<kode>[0-9]+(?:\.[0-9]+)*)")
    assert made.fullmatch("1.2.3").group("kode") == "1.2.3"
    monkeypatch.setattr(patterns, "_codes", None)  # read again after the test, with the real ENGINE


def test_a_pattern_not_in_the_table_is_compiled_by_re():
    from lkjipdsl import patterns

    text = r"(?P<tahun>20[0-9]{2})-(?P<bulan>[01][0-9]) not a pattern of the package"
    assert (text, 0) not in patterns._table()
    made = patterns.compiled(text)
    assert made == re.compile(text) and made.match("2023-07 not a pattern of the package").group("bulan") == "07"


def test_argparse_finds_its_patterns_made_when_the_command_line_is_read():
    """argparse's patterns (lkjipdsl.cli_help.ARGPARSE_PATTERNS) are handed to re's cache with the
    package's own: reading `eval`'s command line and evaluating Seririt compiles no pattern at all,
    and what argparse gets is what re.compile makes of it."""
    code = ("import re, re._compiler as compiler, sys\n"
            "made = []\n"
            "original = compiler.compile\n"
            "compiler.compile = lambda pattern, flags=0: (made.append(pattern), original(pattern, flags))[1]\n"
            "from lkjipdsl import _pattern_codes, patterns\n"
            "from lkjipdsl.__main__ import _import_argparse\n"
            "_import_argparse()  # as the command does: gettext compiles a pattern of its own\n"
            "from lkjipdsl.cli import main\n"
            "from lkjipdsl.cli_help import ARGPARSE_PATTERNS\n"
            "main(['eval', sys.argv[1]])\n"
            "if _pattern_codes.ENGINE == patterns.engine():\n"
            "    assert not made, made\n"
            "compiler.compile = original\n"
            "for pattern, flags in ARGPARSE_PATTERNS:\n"
            "    kept = re.compile(pattern, flags)\n"
            "    re.purge()\n"
            "    assert kept == re.compile(pattern, flags), pattern\n")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "specs" / "seririt-2023.lkj")],
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]


def test_a_seeded_pattern_is_left_to_re_when_the_table_is_not_this_interpreters(monkeypatch):
    from lkjipdsl import patterns

    monkeypatch.setattr(patterns, "_codes", {})
    pattern = r"(?P<not_seeded>[0-9]+)-only-here"
    patterns.seed(((pattern, 0),))
    assert (str, pattern, 0) not in re._cache
    monkeypatch.setattr(patterns, "_codes", None)
