"""The optional dependencies of the renderers (the extras of pyproject.toml), and the one error for a missing one.

openpyxl (`xlsx`), python-docx and docxtpl (`docx`), matplotlib (`charts`) and WeasyPrint (`pdf`) are
imported only when a format
needs them, so that `lkjipdsl eval` stays fast; each renderer imports its library inside
`require(…)`, and a library that is not installed is then the same MissingExtra everywhere: the
command exits 2 with the pip command that installs it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ..i18n import _


# The package each extra of pyproject.toml installs (the formats name the extra they need: formats.py)
PACKAGES = {"xlsx": "openpyxl", "docx": "python-docx", "charts": "matplotlib", "pdf": "weasyprint"}


class MissingExtra(ImportError):
    """An optional dependency is not installed: the message names the extra to install. An
    ImportError, as the API documents (lkjipdsl.render_report)."""

    def __init__(self, module: str, extra: str, what: str):
        super().__init__(_("{what} needs the '{package}' package: pip install 'lkjipdsl[{extra}]'").format(
            what=_(what), package=module, extra=extra))


@contextlib.contextmanager
def require(extra: str, what: str, package: str | None = None) -> Iterator[None]:
    """Imports made inside the block need the package of `extra` (or `package`, another of the
    extra's) for `what` (a format, "charts", marked with N_ where it is written and translated in
    the message): an ImportError among them becomes MissingExtra."""
    try:
        yield
    except ImportError as exc:
        raise MissingExtra(package or PACKAGES[extra], extra, what) from exc
