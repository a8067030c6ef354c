"""`lkjipdsl check FILE|FOLDER… [--format text|json|sarif] [-o FILE]`: every diagnostic, printed
figure that disagrees and review finding, for one spec or many (lkjipdsl.batch), with a roll-up and
an overall count for several; as text, as JSON or as SARIF 2.1.0 (lkjipdsl.check_formats)."""

from __future__ import annotations

import sys

from . import batch
from .i18n import _

CHECK_FORMATS = ("text", "json", "sarif")


def add_output_options(check) -> None:
    check.add_argument("--format", choices=CHECK_FORMATS, default="text",
                       help=_("text (default), json (the diagnostics as data) or sarif (SARIF 2.1.0, for CI "
                              "systems and code review)"))
    check.add_argument("-o", "--output", metavar=_("FILE"),
                       help=_("write to FILE, atomically ('-': standard output)"))
    check.add_argument("--force", action="store_true", help=_("replace the output file even when it is read-only"))


def check_command(args, expand, limits, destination, emit, table_width) -> int:
    """What check finds is its output, on stdout (`lkjipdsl check x.lkj > hasil.txt` keeps it) or in
    the file -o names; a spec it could not read, an internal error, notes and the progress go to
    stderr. The helpers are the command line's (lkjipdsl.cli)."""
    files, worst = expand(args)
    if not files:
        return 2
    where = destination(args, files)
    if where is None:
        return 2
    to_stdout = args.output in (None, "-")
    streaming = args.format == "text" and to_stdout  # findings printed as each spec is done
    outcomes, parts = [], []
    progress = batch.terminal_progress() if len(files) > 1 else None
    as_data = args.format != "text"
    for outcome in batch.run(files, args.no_warnings, limits(args), args.jobs or None, progress, args.lang,
                             diagnostics=as_data):
        if progress:
            progress.clear()  # the findings start at the beginning of a line, not after the progress bar
        if outcome.code >= 2 or streaming:
            print(outcome.text, file=sys.stdout if outcome.code < 2 else sys.stderr)
        elif args.format == "text":
            parts.append(outcome.text + "\n")
        # text: what was printed (or kept in parts) is let go, so that a run's memory does not grow with its specs
        outcomes.append(outcome if as_data else outcome.summary())
        worst = max(worst, outcome.code)
    text = _report(args.format, outcomes, table_width(args))
    if streaming:
        sys.stdout.write(text)
        return worst
    return emit("".join(parts) + text, where, False) or worst


def _report(fmt: str, outcomes: list[batch.Outcome], width: int | None) -> str:
    """After the findings of each spec (text): the roll-up and the overall count of several; or the
    whole report as JSON or SARIF."""
    if fmt == "text":
        if len(outcomes) < 2:
            return ""
        from .render.text import render_tables

        return render_tables([batch.rollup_table(outcomes)], "text", width) + batch.overall(outcomes) + "\n"
    import json

    from .check_formats import check_json, check_sarif

    data = check_json(outcomes) if fmt == "json" else check_sarif(outcomes)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
