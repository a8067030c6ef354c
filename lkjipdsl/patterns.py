"""The package's regular expressions: compiled ahead with the package, or the first time they are used.

Every module-level `re.compile` runs at every start of the command: Python compiles a pattern in
0,02–2 ms (its parser and compiler are Python code), and the package holds about a hundred. Two
ways keep that out of a start:

- `compiled(pattern)` takes the pattern's program for the regular-expression engine from
  lkjipdsl/_pattern_codes.py, which `python tools/pattern_codes.py` writes from what Python's own
  compiler makes of each pattern of the package, and hands it to the engine (`_sre.compile`, as
  `re.compile` does last). The table is used only by the interpreter it was written for (its
  version, the engine's MAGIC, CODESIZE and MAXREPEAT, the byte order); any other interpreter,
  and any pattern not in it, is compiled by `re.compile`. The engine checks every program it is
  given, and tests/test_patterns.py fails while the table differs from what Python makes.
- `deferred(pattern)` compiles it when it is first used (from the same table when it is there):
  the patterns a well-formed report never reaches (the ones that explain an error, Markdown
  escaping, the prescan of expressions, Unicode checks of text beyond ASCII).
"""

from __future__ import annotations

import array
import re
import sys

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import Any

try:
    import _sre
except ImportError:  # not CPython: re.compile alone
    _sre = None

# the engine's code words, as tools/pattern_codes.py writes them: an array of this type (CODESIZE bytes)
WORD = "I"

# every (pattern, flags) asked for, and the module that asked (tools/pattern_codes.py writes those of the package)
REQUESTED: dict[tuple[str, int], str] = {}


def engine() -> tuple:
    """What a program of the regular-expression engine depends on: a table written for another is not used."""
    if _sre is None or array.array(WORD).itemsize != _sre.CODESIZE:
        return ()
    return (sys.implementation.name, *sys.version_info[:2], _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, sys.byteorder)


_codes: dict | None = None


def _table() -> dict:
    global _codes
    if _codes is None:
        try:
            from . import _pattern_codes
        except ImportError:  # not written yet (tools/pattern_codes.py imports the package first)
            _codes = {}
        else:
            _codes = _pattern_codes.CODES if engine() == _pattern_codes.ENGINE else {}
    return _codes


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program compiled ahead when the table has it."""
    flags = int(flags)
    _asked(pattern, flags)
    return _compiled(pattern, flags)


def _asked(pattern: str, flags: int) -> None:
    """Kept in REQUESTED with the module whose `compiled` or `deferred` call asked for it."""
    REQUESTED.setdefault((pattern, flags), sys._getframe(2).f_globals.get("__name__", ""))


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    ahead = _table().get((pattern, flags))
    if ahead is None:
        return re.compile(pattern, flags)
    final_flags, code, groups, groupindex, indexgroup = ahead
    return _sre.compile(pattern, final_flags, array.array(WORD, code).tolist(), groups, groupindex, indexgroup)


def seed(requested: tuple[tuple[str, int], ...]) -> None:
    """Hand `re`'s own cache the programs of patterns another module compiles with `re.compile` at
    every start (argparse's: a parser compiles five, 0,4 ms), so that its `re.compile` finds them
    made. Only programs of the table (this interpreter's; its cache is keyed as CPython 3.11 keys
    it, by the pattern's type, the pattern and the flags as an int); others are left to `re`."""
    cache = getattr(re, "_cache", None)
    for pattern, flags in requested:
        flags = int(flags)
        _asked(pattern, flags)
        if isinstance(cache, dict) and (pattern, flags) in _table() and (str, pattern, flags) not in cache:
            cache[str, pattern, flags] = _compiled(pattern, flags)


# what callers read from a pattern: kept on the instance once compiled, so later uses cost a look-up
_KEPT = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "groupindex", "groups",
         "flags")


class _Deferred:
    __slots__ = ("pattern", "_flags", *_KEPT)

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern  # readable without compiling (a pattern built from another's text)
        self._flags = int(flags)

    def __getattr__(self, name: str) -> Any:  # only for what is not kept yet: the first use
        made = _compiled(self.pattern, self._flags)
        for kept in _KEPT:
            setattr(self, kept, getattr(made, kept))
        return getattr(made, name)

    def __repr__(self) -> str:
        return f"deferred({self.pattern!r})"


def deferred(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done when the pattern is first used (`.pattern` needs no compiling)."""
    _asked(pattern, int(flags))
    return _Deferred(pattern, flags)  # type: ignore[return-value]  # it answers what a Pattern does


def is_compiled(pattern: re.Pattern[str]) -> bool:
    """Whether a pattern has been compiled (a deferred one: whether it has been used)."""
    if not isinstance(pattern, _Deferred):
        return isinstance(pattern, re.Pattern)
    try:
        _Deferred.match.__get__(pattern, _Deferred)  # the slot, read past __getattr__
    except AttributeError:
        return False
    return True
