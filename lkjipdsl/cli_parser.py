"""The command line's parser (argparse): the main parser and each command's, made in the language in
force. Running a command makes only that command's parser (`parser(command)`): every command's
options and help texts made at every start were a millisecond or two of it."""

from __future__ import annotations

import argparse

from . import cli_help
from .i18n import LANGUAGES, _
from .render.formats import CHARTS, FORMATS
from .render.tables import all_builders


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line, its help texts in the language in force (made while _argparse_speaking).
    With `command`, the parser of that command alone beside the main one: what running it reads
    (the other commands' options and help texts would be made at every start for nothing)."""
    main = cli_help.ArgumentParser(prog="lkjipdsl", description=_("Check and evaluate LKjIP spec files (.lkj)."))
    main.add_argument("--version", action="version", version=f"lkjipdsl {__import__('lkjipdsl').__version__}",
                        help=_("show program's version number and exit"))
    sub = main.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    for names, add in _COMMANDS:
        if command is None or command in names:
            add(sub)
    for made in (main, *sub.choices.values()):  # before the command or after it
        made.add_argument("--lang", choices=LANGUAGES, default=None,
                          help=_("the language of messages and reports: id (Indonesian, the default) or en; "
                                 "also LKJIPDSL_LANG or the locale"))
    cli_help.lead_with_examples(main, sub)
    return main


def _check_parser(sub) -> None:
    check = sub.add_parser("check", help=_("report every diagnostic, failed assertion and finding"))
    check.add_argument("files", nargs="+", metavar=_("FILE"))
    check.add_argument("--no-warnings", action="store_true", help=_("show errors only"))
    check.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help=_("check N specs at a time (default: one per core)"))
    add_width_option(check)
    from . import cli_check  # each command's module only when its parser is made (start-up)

    cli_check.add_output_options(check)
    cli_help.add_limit_option(check)


def _eval_parser(sub) -> None:
    ev = sub.add_parser("eval", help=_("evaluate and render the tables"))
    ev.add_argument("files", nargs="+", metavar=_("FILE"),
                    help=_("a spec; several specs or folders give their roll-up (Rekapitulasi)"))
    ev.add_argument("-j", "--jobs", type=int, default=0, metavar="N", help=_("with several specs: N at a time"))
    ev.add_argument("--table", action="append", choices=sorted(all_builders()), metavar=_("NAME"),
                    help=_("only this table (repeatable): {tables}").format(tables=", ".join(sorted(all_builders()))))
    ev.add_argument("--format", choices=FORMATS, help=_("default: from the extension of -o, else text"))
    _output_arguments(ev)
    ev.add_argument("--chart", choices=CHARTS, help=_("with --format png: the chart to write"))
    add_width_option(ev)
    ev.add_argument("--computations", action="store_true",
                    help=_("with --format json: how each value was computed (formula, numbers, inputs)"))
    cli_help.add_limit_option(ev)


def _render_parser(sub) -> None:
    rd = sub.add_parser("render", help=_("render the report through a jinja2 template"))
    rd.add_argument("file", metavar=_("FILE"))
    rd.add_argument("--template", metavar=_("NAME|PATH"),
                    help=_("a built-in template (lkjip.html, lkjip.md, lkjip.docx, bab3.md, bab3.html) or a template "
                           "file (.docx: a Word template); default: the whole LKjIP in the format of -o"))
    rd.add_argument("--narasi", metavar=_("FILE"),
                    help=_("the planner's narrative (Markdown); default: FILE.narasi.md beside the spec"))
    _output_arguments(rd)
    cli_help.add_limit_option(rd)


def _explain_parser(sub) -> None:
    ex = sub.add_parser("explain", help=_("show how a value was computed"))
    ex.add_argument("file", metavar=_("FILE"))
    ex.add_argument("id", metavar=_("ID[:FIELD]"))
    cli_help.add_limit_option(ex)


def _watch_parser(sub) -> None:
    wt = sub.add_parser("watch", help=_("check a spec again every time it is saved (incremental)"))
    wt.add_argument("file", metavar=_("FILE"))
    wt.add_argument("--no-warnings", action="store_true", help=_("show errors only"))
    wt.add_argument("--interval", type=_interval, default=0.5, metavar=_("SECONDS"),
                    help=_("how often to look (default 0.5)"))
    wt.add_argument("--runs", type=int, default=0, help=argparse.SUPPRESS)  # stop after N checks (tests)
    cli_help.add_limit_option(wt)


def _fmt_parser(sub) -> None:
    from . import cli_fmt

    cli_fmt.add_parser(sub)
    cli_help.add_limit_option(sub.choices["fmt"])


def _import_parsers(sub) -> None:
    from . import cli_import

    cli_import.add_parsers(sub)


# Every command's parser, in the order the help lists them, with the names each adds.
_COMMANDS = (
    (("check",), _check_parser),
    (("eval",), _eval_parser),
    (("render",), _render_parser),
    (("explain",), _explain_parser),
    (("watch",), _watch_parser),
    (("schema",), lambda sub: sub.add_parser("schema", help=_("print the JSON schema of the --format json output"))),
    (("template", "import"), _import_parsers),
    (("fmt",), _fmt_parser),
    (("completion",), cli_help.add_completion_parser),
)


def command_in(words: list[str]) -> str | None:
    """The command `words` run, when nothing before it but --lang concerns the main parser; else
    None (--help, --version, an abbreviated option, no command), for which the whole command line
    is made."""
    index = 0
    while index < len(words) and isinstance(words[index], str) and words[index].startswith("--lang"):
        index += 2 if words[index] == "--lang" else 1 if words[index].startswith("--lang=") else len(words)
    word = words[index] if index < len(words) else None
    return word if any(word in names for names, _add in _COMMANDS) else None


def _interval(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0.01 <= seconds <= 3600:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(_("'{text}' is not a number of seconds from 0.01 to 3600").format(text=text))
    return seconds


def _output_arguments(command) -> None:
    command.add_argument("-o", "--output", metavar=_("FILE"),
                         help=_("write to FILE, atomically ('-': standard output); the extension gives the format"))
    command.add_argument("--no-charts", action="store_true", help=_("html, docx, templates: leave the charts out"))
    command.add_argument("--force", action="store_true",
                         help=_("replace the output file even when it is read-only"))
    command.add_argument("--audit", action="store_true",
                         help=_("add the checks of printed figures and the review findings (not for a report "
                                "handed in)"))


def add_width_option(command: argparse.ArgumentParser) -> None:
    """--lebar N, also spelt --width N: text tables within N columns."""
    command.add_argument("--lebar", "--width", dest="width", type=_columns, default=None, metavar="N",
                         help=_("text tables within N columns, long names wrapped (default: the terminal's width, "
                                "else COLUMNS, else 100; 0: no limit)"))


def _columns(text: str) -> int:
    if not text.isdigit() or int(text) > 10000:
        raise argparse.ArgumentTypeError(_("'{text}' is not a number of columns from 0 to 10000").format(text=text))
    return int(text)
