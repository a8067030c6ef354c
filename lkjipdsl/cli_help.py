"""The command line's help: the examples each `--help` leads with, the one-line `--limit` option,
and `lkjipdsl completion bash|zsh|fish` (the shell completion script, written by shtab from the
same parser, so it knows every command and option)."""

from __future__ import annotations

import argparse
import os
import re
import sys

from .i18n import N_, _
from .patterns import seed

# argparse's own words (the usage line, the titles of the help, its errors), as it looks them up
# through the gettext functions it imported (argparse._, argparse.ngettext): lkjipdsl's catalogue
# stands in for them while the command line is read (_argparse_speaking). These are the ones a user
# can meet (tests/test_i18n_cli.py checks them against the running Python's argparse); the others
# are a programmer's mistakes.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
)

# The patterns argparse compiles with re.compile whenever the command's parser is made and reads a
# command line (a negative number, the spaces and blank lines of help, the arguments of a command and
# of a list of files): compiled ahead with the package's own and handed to re's cache (patterns.seed).
# tests/test_patterns.py checks that reading `eval`'s command line compiles none.
ARGPARSE_PATTERNS = ((r"^-\d+$|^-\d*\.\d+$", 0), (r"\s+", re.ASCII), (r"\n\n\n+", 0), ("(-*A[-AO]*)", 0),
                     ("(-*A[A-]*)", 0))
seed(ARGPARSE_PATTERNS)


SPEC = "specs/seririt-2023.lkj"
# (command line, what it does): 2–4 real lines per command; the command lines are never translated
EXAMPLES: dict[str | None, tuple[tuple[str, str], ...]] = {
    None: (
        (f"lkjipdsl check {SPEC}", N_("list every figure the report got wrong, with line and arithmetic")),
        (f"lkjipdsl eval {SPEC} --table tabel-3.1", N_("show Tabel 3.1 as computed")),
        (f"lkjipdsl render {SPEC} -o LKjIP.docx", N_("write the whole LKjIP as a Word document")),
        ("lkjipdsl check laporan-opd/", N_("check every spec in a folder, with a roll-up")),
    ),
    "check": (
        (f"lkjipdsl check {SPEC}", N_("every error, printed figure that disagrees and finding")),
        (f"lkjipdsl check {SPEC} > hasil.txt", N_("keep the findings in a file")),
        ("lkjipdsl check laporan-opd/ --format sarif -o hasil.sarif", N_("for a CI system or code review")),
    ),
    "eval": (
        (f"lkjipdsl eval {SPEC}", N_("the report's tables, in the terminal's width")),
        (f"lkjipdsl eval {SPEC} --table tabel-3.1 --lebar 120", N_("one table, 120 columns wide")),
        (f"lkjipdsl eval {SPEC} -o seririt.xlsx", N_("an Excel workbook (also .html, .docx, .csv, .json)")),
        ("lkjipdsl eval laporan-opd/ -o rekap.md", N_("the roll-up of every spec in a folder")),
    ),
    "render": (
        (f"lkjipdsl render {SPEC} -o LKjIP.docx", N_("the whole LKjIP as a Word document")),
        (f"lkjipdsl render {SPEC} --template bab3.md -o bab3.md", N_("chapter III through a built-in template")),
    ),
    "explain": (
        (f"lkjipdsl explain {SPEC} capaian_sasaran", N_("how a value was computed, down to its inputs")),
        (f"lkjipdsl explain {SPEC} 1.2.4:serapan", N_("one field of one item")),
    ),
    "watch": (
        (f"lkjipdsl watch {SPEC}", N_("check again every time the file is saved")),
        (f"lkjipdsl watch {SPEC} --no-warnings", N_("errors only")),
    ),
    "schema": (
        ("lkjipdsl schema > result.schema.json", N_("the JSON schema of eval --format json")),
    ),
    "template": (
        ("lkjipdsl template -o isian.xlsx", N_("an empty input workbook to fill in")),
        (f"lkjipdsl template -o isian.xlsx --from {SPEC}", N_("the workbook filled from a spec")),
    ),
    "import": (
        ("lkjipdsl import isian.xlsx -o laporan.lkj", N_("the filled workbook as a spec")),
        ("lkjipdsl import realisasi.csv --update laporan.lkj", N_("new realisasi from a finance export into a spec")),
    ),
    "fmt": (
        ("lkjipdsl fmt laporan.lkj", N_("rewrite a spec in the canonical layout")),
        ("lkjipdsl fmt --check laporan-opd/", N_("exit 1 when a spec would change")),
    ),
    "completion": (
        ("lkjipdsl completion bash > ~/.local/share/bash-completion/completions/lkjipdsl",
         N_("tab completion for bash")),
        ("lkjipdsl completion fish > ~/.config/fish/completions/lkjipdsl.fish", N_("tab completion for fish")),
    ),
}


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help layout, as wide as the terminal as argparse makes it (COLUMNS, else the
    terminal, else 80; less 2), worked out without `shutil`: argparse makes a formatter for every
    option it is given and imports shutil (with bz2 and lzma) for the first, at every start of the
    command, which only --help needs."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position, width if width is not None else _columns() - 2)


def _columns() -> int:
    """shutil.get_terminal_size().columns, with its fallback of 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class ArgumentParser(argparse.ArgumentParser):
    """The command's parser and its commands' (argparse makes those of the same class): help laid
    out by HelpFormatter unless told otherwise."""

    def __init__(self, *args, formatter_class=HelpFormatter, **kwargs):
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


def examples(command: str | None) -> str:
    """The examples of `command` (None: the main command) as the help shows them."""
    lines = [_("examples:")]
    for line, meaning in EXAMPLES.get(command, ()):
        lines += [f"  {line}", f"      {_(meaning)}"]
    return "\n".join(lines)


def lead_with_examples(parser: argparse.ArgumentParser, sub) -> None:
    """Every command's help starts, under its usage line, with its examples, then says what it does."""
    for name, command in ((None, parser), *sub.choices.items()):
        command.formatter_class = HelpFormatter
        said = command.description or _subcommand_help(sub, name)
        command.description = examples(name) + ("\n\n" + said if said else "")


def _subcommand_help(sub, name: str | None) -> str:
    return next((action.help for action in sub._choices_actions if action.dest == name), "") if name else ""


def add_limit_option(command: argparse.ArgumentParser) -> None:
    """--limit NAME=VALUE (repeatable): raise (or lower) one of lkjipdsl.Limits."""
    command.add_argument("--limit", action="append", metavar=_("NAME=VALUE"), default=[],
                         help=_("raise a limit on what a spec may cost (repeatable), e.g. max_file_bytes=20000000; "
                                "the names and defaults: docs/language.md#limits"))


SHELLS = ("bash", "zsh", "fish")


def add_completion_parser(sub) -> None:
    command = sub.add_parser("completion", help=_("print the shell completion script (bash, zsh or fish)"))
    command.add_argument("shell", choices=SHELLS, metavar=_("SHELL"), help=_("bash, zsh or fish"))


def completion_command(args, parser_factory) -> int:
    """The completion script for args.shell, made by shtab from the command line's parser."""
    import shtab

    parser = parser_factory()
    sys.stdout.write(shtab.complete(parser, shell=args.shell))
    return 0
