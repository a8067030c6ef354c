"""Write lkjipdsl/_pattern_codes.py: the engine's program for every regular expression of the
package, as Python's own compiler makes it, so that a start hands it to the engine instead of
compiling it again (lkjipdsl.patterns). Run it after adding or changing a pattern, with the
interpreter the package is used with:

    python tools/pattern_codes.py            # --print: write the text to standard output instead

tests/test_patterns.py fails while the module differs from what the patterns make.
"""

from __future__ import annotations

import array
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from lkjipdsl import patterns  # noqa: E402
from record_inits import import_package  # noqa: E402  (this file's neighbour in tools/)


def program(pattern: str, flags: int) -> tuple:
    """(flags, code, groups, groupindex, indexgroup): what re._compiler.compile hands to _sre.compile,
    its code as the bytes of an array of CODESIZE-byte words (read back whole, not word by word)."""
    parsed = re._parser.parse(pattern, flags)
    code = array.array(patterns.WORD, re._compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def text() -> str:
    """The module's text, from every pattern of the package (record_inits.import_package)."""
    import_package()
    lines = ['"""The regular-expression engine\'s program for each pattern of the package, as Python\'s own',
             "compiler makes it (lkjipdsl.patterns). Written by `python tools/pattern_codes.py`; do not edit.",
             '"""', "# ruff: noqa: E501", "", f"ENGINE = {patterns.engine()!r}", "", "CODES = {"]
    own = (key for key, module in patterns.REQUESTED.items() if module.startswith("lkjipdsl."))
    for pattern, flags in sorted(own):
        lines.append(f"    ({pattern!r}, {flags}): {program(pattern, flags)!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["--print"]:  # the text, not written (tests/test_patterns.py)
        sys.stdout.reconfigure(encoding="utf-8")
        sys.stdout.write(text())
        sys.exit(0)
    target = ROOT / "lkjipdsl" / "_pattern_codes.py"
    target.write_text(text(), encoding="utf-8")
    print(f"wrote {target}")
