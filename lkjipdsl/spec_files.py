"""The spec files a command names: files as they are, folders as the `.lkj` files they hold.

Apart from lkjipdsl.batch, which evaluates many specs at once: `eval` of one file needs only this
(start-up: docs/performance.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from .diagnostics import os_reason, shown_path


def expand(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Files as named, folders as their *.lkj files (recursively, sorted); the folders that hold
    none; and what could not be read on the way ("name: reason", never skipped in silence). A file
    that does not exist stays in the list: loading it gives E008, with a did-you-mean for a
    similar name."""
    files, empty, unreadable = [], [], []
    for name in paths:
        if not os.path.isdir(name):
            files.append(name)
            continue

        def refused(exc: OSError, top: str = name) -> None:
            unreadable.append(f"{shown_path(exc.filename or top)}: {os_reason(exc)}")

        found = []
        for folder, _folders, names in os.walk(name, onerror=refused):  # links to folders are not followed
            found += [str(Path(folder, n)) for n in names
                      if n.endswith(".lkj") and os.path.isfile(os.path.join(folder, n))]
        files += sorted(found)
        if not found:
            empty.append(name)
    return files, empty, unreadable
