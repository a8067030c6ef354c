"""How wide text output may be: the width asked for, else the terminal's, else COLUMNS, else 100."""

from __future__ import annotations

import os
import sys

DEFAULT_WIDTH = 100  # output that does not go to a terminal (a pipe, a file), when COLUMNS is not set


def table_width(asked: int | None, to_terminal: bool = True) -> int | None:
    """The columns text tables may take: `asked` (`--lebar N`; 0 for no limit, given as None), else
    COLUMNS, else the terminal's width when the output goes to one (`to_terminal` and standard
    output is a terminal), else DEFAULT_WIDTH."""
    if asked is not None:
        return asked or None
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if to_terminal:
        try:
            if sys.stdout.isatty():
                return os.get_terminal_size(sys.stdout.fileno()).columns or DEFAULT_WIDTH
        except (OSError, ValueError, AttributeError):  # no terminal after all, or a replaced stdout
            pass
    return DEFAULT_WIDTH
