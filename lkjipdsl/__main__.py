"""The `lkjipdsl` command and `python -m lkjipdsl …`: the command line of lkjipdsl.cli, started so
that importing it costs as little as it can.

A command is a short-lived process: what importing makes (classes, functions, compiled patterns,
tables; tens of thousands of objects, no garbage) lives until it exits. The collector is paused
while the command line and everything it uses are imported, and what that made is frozen (never
walked by a collection again) before it resumes: a tenth of the import (bench/startup.py).
"""

import gc
import sys


def main():
    gc.disable()
    _import_argparse()
    from .cli import main as command

    gc.freeze()
    gc.enable()
    return command()


def _import_argparse() -> None:
    """argparse imports the standard library's gettext (0,7 ms, a hundredth of a start) for the two
    functions it calls, `gettext` and `ngettext`, which the command replaces with its own while it
    reads its arguments (cli._argparse_speaking). In the command's own process only, argparse is
    imported with a stand-in module that gives it gettext's functions as they work without a
    catalogue (the text as it is; the plural when n is not 1); the stand-in is then taken away, so
    whatever imports gettext later gets the real module."""
    if "argparse" in sys.modules or "gettext" in sys.modules:
        return
    stand_in = type(sys)("gettext")
    stand_in.gettext = _as_written
    stand_in.ngettext = _singular_or_plural
    sys.modules["gettext"] = stand_in
    try:
        import argparse  # noqa: F401
    finally:
        if sys.modules.get("gettext") is stand_in:
            del sys.modules["gettext"]


def _as_written(message: str) -> str:
    return message


def _singular_or_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


if __name__ == "__main__":
    sys.exit(main())
