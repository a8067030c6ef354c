"""`lkjipdsl fmt FILE… [--check] [--diff]`: rewrite specs in the canonical layout (lkjipdsl.fmt)."""

from __future__ import annotations

import sys

from .diagnostics import render, shown_path


def add_parser(sub) -> None:
    fm = sub.add_parser("fmt", help="rewrite specs in one canonical layout")
    fm.add_argument("files", nargs="+", metavar="FILE", help="specs, or folders of specs")
    fm.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file would change")
    fm.add_argument("--diff", action="store_true", help="change nothing; show what would change")


def fmt_command(args) -> int:
    from . import api, batch
    from .fmt import Unchanged, format_text
    from .render.output import OutputError, emit

    files, empty, unreadable = batch.expand(args.files)
    worst = 2 if empty or unreadable else 0
    for name in empty:
        print(f"lkjipdsl fmt: no .lkj files in {shown_path(name)}", file=sys.stderr)
    for problem in unreadable:
        print(f"lkjipdsl fmt: cannot read the folder {problem}", file=sys.stderr)
    changed = 0
    for path in files:
        shown = shown_path(path)
        text = api.read_text(path, args.limits)
        if isinstance(text, api.LoadedSpec):
            for diagnostic in text.diagnostics:
                print(render(diagnostic, text.sources), file=sys.stderr)
            worst = 2
            continue
        try:
            formatted = format_text(text, shown, args.limits)
        except ValueError as exc:
            for diagnostic in exc.args[0]:
                print(render(diagnostic, {shown: text}), file=sys.stderr)
            print(f"{shown}: not formatted: it has syntax errors", file=sys.stderr)
            worst = max(worst, 1)
            continue
        except Unchanged as exc:
            print(f"lkjipdsl fmt: {exc}", file=sys.stderr)
            worst = 3
            continue
        if formatted == text:
            continue
        changed += 1
        if args.diff:
            import difflib

            sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), formatted.splitlines(True),
                                                       f"{shown}", f"{shown} (fmt)"))
        if args.check or args.diff:
            print(f"would reformat {shown}", file=sys.stderr)
            continue
        try:
            emit(formatted, path, False, force=True)  # the file itself: fmt rewrites in place, atomically
        except OutputError as exc:
            print(f"lkjipdsl fmt: {exc}", file=sys.stderr)
            worst = 2
            continue
        print(f"reformatted {shown}", file=sys.stderr)
    if args.check or args.diff:
        if changed:
            worst = max(worst, 1)
        print(f"{changed} of {len(files)} file(s) would be reformatted", file=sys.stderr)
    elif files:
        print(f"{changed} of {len(files)} file(s) reformatted", file=sys.stderr)
    return worst
