"""What `lkjipdsl eval` asks of an output format, and what the format gives back.

The registry (formats.py) hands a FormatRequest to the renderer of the format asked for; every
renderer takes it from here, so that no renderer imports the registry that names it.
"""

from __future__ import annotations

from ..records import record

from ..limits import Limits
from ..results import Result

# What to write (text, or a writer of bytes), and notes for standard error (e.g. charts left out)
TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from .output import Content

    Rendered = tuple[Content, list[str]]


class UsageError(Exception):
    """A combination of options that cannot work (exit 2)."""


@record(frozen=True)
class FormatRequest:
    result: Result
    fmt: str
    names: list[str] | None = None  # --table: the tables to show; None for the default ones
    lang: str = "id"
    chart: str | None = None  # --chart: the one chart of a format that writes one
    charts: bool = True  # False with --no-charts: formats that embed every chart leave them out
    audit: bool = False  # --audit: the default tables include the checks of printed figures and the findings
    width: int | None = None  # --lebar: text tables within this many columns; None: as wide as they need
    limits: Limits | None = None  # the command's limits (a PDF's rows); None: the defaults
