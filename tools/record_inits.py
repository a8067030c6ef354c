"""Write lkjipdsl/_record_inits.py: the __init__ of every record of the package, compiled with the
package instead of at every start (lkjipdsl.records). Run it after adding or changing a record:

    python tools/record_inits.py

tests/test_records.py fails while the module differs from what the records make.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_package() -> None:
    """Every module of the package imported (but for those an optional extra's library is missing
    for, and the modules these tools write), so that every record and pattern is made."""
    sys.path.insert(0, str(ROOT))
    import lkjipdsl

    for module in pkgutil.walk_packages(lkjipdsl.__path__, "lkjipdsl."):
        if module.name.rpartition(".")[2] not in ("__main__", "_record_inits", "_pattern_codes"):
            try:
                importlib.import_module(module.name)
            except ImportError:
                continue


def text() -> str:
    """The module's text, from every record of the package (`import_package`)."""
    import_package()
    from lkjipdsl import records

    lines = ['"""The __init__ of each record of the package, as lkjipdsl.records makes it, compiled with the',
             "package instead of at every start. Written by `python tools/record_inits.py`; do not edit.", '"""',
             "# ruff: noqa: E501", "", "INITS = {}"]
    # each __init__ inside a function that takes the names it reads (records._init's scope)
    own = sorted((key, made) for key, made in records._SOURCES.items() if key.startswith("lkjipdsl."))
    for number, (key, (source, names)) in enumerate(own):
        function = source[len("def "):source.index("(")]  # __init__, or a named tuple's __new__
        lines += ["", "", f"def _init_{number}({', '.join(names)}):",
                  *("    " + line for line in source.rstrip("\n").split("\n")), f"    return {function}", "",
                  "", f"INITS[{key!r}] = ({source!r}, _init_{number})"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    target = ROOT / "lkjipdsl" / "_record_inits.py"
    target.write_text(text(), encoding="utf-8")
    print(f"wrote {target}")
