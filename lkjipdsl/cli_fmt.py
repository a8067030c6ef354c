"""`lkjipdsl fmt FILE… [--check] [--diff]`: rewrite specs in the canonical layout (lkjipdsl.fmt)."""

from __future__ import annotations

import sys

from .diagnostics import render, shown_path
from .i18n import _


def add_parser(sub) -> None:
    fm = sub.add_parser("fmt", help=_("rewrite specs in one canonical layout"))
    fm.add_argument("files", nargs="+", metavar=_("FILE"), help=_("specs, or folders of specs"))
    fm.add_argument("--check", action="store_true", help=_("change nothing; exit 1 when a file would change"))
    fm.add_argument("--diff", action="store_true", help=_("change nothing; show what would change"))
    fm.add_argument("--force", action="store_true", help=_("rewrite a spec even when it is read-only"))


def fmt_command(args) -> int:
    from . import api, spec_files
    from .fmt import Unchanged, format_text
    from .render.output import OutputError, emit

    files, empty, unreadable = spec_files.expand(args.files)
    worst = 2 if empty or unreadable else 0
    for name in empty:
        print("lkjipdsl fmt: " + _("no .lkj files in {folder}").format(folder=shown_path(name)), file=sys.stderr)
    for problem in unreadable:
        print("lkjipdsl fmt: " + _("cannot read the folder {problem}").format(problem=problem), file=sys.stderr)
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
            print(_("{file}: not formatted: it has syntax errors").format(file=shown), file=sys.stderr)
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
            print(_("would reformat {file}").format(file=shown), file=sys.stderr)
            continue
        try:
            # the file itself, in place and atomically; a read-only one (a signed version, say) only with --force
            emit(formatted, path, False, force=args.force)
        except OutputError as exc:
            print(f"lkjipdsl fmt: {exc}", file=sys.stderr)
            worst = 2
            continue
        print(_("reformatted {file}").format(file=shown), file=sys.stderr)
    if args.check or args.diff:
        if changed:
            worst = max(worst, 1)
        print(_("{changed} of {files} file(s) would be reformatted").format(changed=changed, files=len(files)),
              file=sys.stderr)
    elif files:
        print(_("{changed} of {files} file(s) reformatted").format(changed=changed, files=len(files)), file=sys.stderr)
    return worst
