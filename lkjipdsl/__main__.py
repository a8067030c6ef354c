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
    from .cli import main as command

    gc.freeze()
    gc.enable()
    return command()


if __name__ == "__main__":
    sys.exit(main())
