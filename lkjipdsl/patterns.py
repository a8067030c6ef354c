"""Regular expressions compiled the first time they are used, not when their module is imported.

Every module-level `re.compile` runs at every start of the command: Python compiles a pattern in
0,02–0,4 ms, and the package holds about sixty. Those that a well-formed report never reaches (the
ones that explain an error, Markdown escaping, the prescan of expressions, Unicode checks of text
beyond ASCII) are made with `deferred`, so a command pays for them only when it uses them.
"""

from __future__ import annotations

import re
from typing import Any

# what callers read from a pattern: kept on the instance once compiled, so later uses cost a look-up
_KEPT = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "groupindex", "groups",
         "flags")


class _Deferred:
    __slots__ = ("pattern", "_flags", *_KEPT)

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern  # readable without compiling (a pattern built from another's text)
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for what is not kept yet: the first use
        compiled = re.compile(self.pattern, self._flags)
        for kept in _KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"deferred({self.pattern!r})"


def deferred(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done when the pattern is first used (`.pattern` needs no compiling)."""
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
