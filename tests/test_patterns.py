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
