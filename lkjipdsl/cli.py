"""The `lkjipdsl` command (also `python -m lkjipdsl`): check, eval, render, explain, watch, schema,
here; template and import (cli_import.py); fmt (cli_fmt.py); their options (cli_parser.py). README.md
lists what each does.

Exit status 0 ok, 1 findings or errors in a spec, 2 usage (a bad option, a file that cannot be
read or written), 3 a bug in lkjipdsl (one line, never a traceback; LKJIPDSL_DEBUG=1 shows it),
130 after Ctrl-C and 128 + the signal after SIGTERM or SIGHUP.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys

from decimal import Decimal
from pathlib import Path

from . import api, cli_help, cli_parser, i18n, spec_files
from .i18n import LANGUAGES, _
from .cli_help import ARGPARSE_MESSAGES  # noqa: F401  (argparse's words, read from here by tests)
from .limits import Limits
from .diagnostics import USAGE_CODES, did_you_mean, render, shown_path
from .render import formats
from .render.text import BOM, csv_table, render_tables
from .terminal import table_width

_parser = cli_parser.parser  # the whole command line: completion scripts, and tests that read it


def _table_width(args) -> int | None:
    return table_width(args.width, getattr(args, "output", None) in (None, "-"))


@contextlib.contextmanager
def _argparse_speaking():
    """argparse's words in the language in force while the block runs, and only then (other users
    of argparse in the same process keep theirs)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = i18n._, i18n.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _language_asked(argv: list[str]) -> str | None:
    """The language `--lang` names on the command line (the last one given), looked for before the
    command line is read so that its help and its errors are in that language; None when not given."""
    asked = None
    for index, word in enumerate(argv):
        if not isinstance(word, str) or word == "--":
            break
        value = argv[index + 1] if word == "--lang" and index + 1 < len(argv) else \
            word.partition("=")[2] if word.startswith("--lang=") else None
        if value in LANGUAGES:
            asked = value
    return asked


def _limits(args) -> Limits:
    return getattr(args, "limits", None) or Limits()


_COMMAND = False  # running as the `lkjipdsl` command, not called from Python


def _settled() -> None:
    """In the command, the spec and its result live until the process exits: freeze them too, or
    every full collection while the tables are rendered walks them all (10k spec: 7 s of 15)."""
    if _COMMAND:
        gc.freeze()


def main(argv: list[str] | None = None) -> int:
    global _COMMAND
    if argv is not None:  # called from Python
        return _main(argv)
    # The `lkjipdsl` command, a short-lived process: what importing built (the classes, compiled patterns and
    # grammar tables) lives until it exits, so the collector need not scan it again in every full collection.
    gc.freeze()
    _COMMAND = True
    _stop_cleanly_on_signals()
    code = _main(None)
    # Everything the command made dies with the process: taking it apart object by object at exit
    # is a quarter of a large run (10k spec: 1,4 s of 6,8). Flush what was written, then leave.
    import contextlib

    with contextlib.suppress(OSError):  # a reader that stopped early (| head): nothing more to say
        sys.stdout.flush()
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


class Terminated(BaseException):
    """SIGTERM or SIGHUP reached the command: unwinding removes a half-written output's temporary
    file (lkjipdsl.render.output), as Ctrl-C does; the exit status is 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop_cleanly_on_signals() -> None:
    try:  # the interpreter's own module: `signal` would make an enum of every signal first (1 ms a start)
        import _signal as signal
    except ImportError:
        import signal

    def stop(signum, frame):
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _main(argv: list[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    asked = _language_asked(words)
    with i18n.using(asked), _argparse_speaking():
        try:
            args = cli_parser.parser(cli_parser.command_in(words)).parse_args(words)
        except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
            return int(exc.code or 0)
    with i18n.using(args.lang or asked):  # the command's default None stands over a --lang before it
        args.lang = i18n.language()
        return _run(args)


def _run(args) -> int:
    try:
        if args.command not in ("import", "template", "completion"):  # import: limits of its own (ImportLimits)
            args.limits = Limits.parse(getattr(args, "limit", None))
    except ValueError as exc:
        print(f"lkjipdsl {args.command}: {exc}", file=sys.stderr)
        return 2
    try:
        return {"check": _check, "eval": _eval, "render": _render, "explain": _explain,
                "import": _import, "template": _template, "fmt": _fmt,
                "completion": lambda args: cli_help.completion_command(args, _parser),
                "schema": _schema, "watch": _watch}[args.command](args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Terminated as stop:
        return 128 + stop.signum
    except Exception as exc:  # a bug: one line and exit 3, not a traceback (LKJIPDSL_DEBUG=1 shows it)
        if os.environ.get("LKJIPDSL_DEBUG"):
            raise
        print("lkjipdsl: " + _("internal error: {problem}; this is a bug in lkjipdsl, please report it with the "
                               "spec (LKJIPDSL_DEBUG=1 shows the traceback)").format(
            problem=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 3


def _print_diagnostics(loaded, errors_only: bool = False) -> None:
    for d in loaded.diagnostics:
        if errors_only and not d.is_error:
            continue
        print(render(d, loaded.sources), file=sys.stderr)


def _usage_failure(loaded) -> bool:
    return any(d.code in USAGE_CODES for d in loaded.diagnostics)


def _expand(args) -> tuple[list[str], int]:
    """The spec files the command names (folders expanded), and 2 when a folder holds none or
    cannot be read (said on stderr, never skipped in silence), else 0."""
    files, empty, unreadable = spec_files.expand(args.files)
    for name in empty:
        print(f"lkjipdsl {args.command}: " + _("no .lkj files in {folder}").format(folder=shown_path(name)),
              file=sys.stderr)
    for problem in unreadable:
        print(f"lkjipdsl {args.command}: " + _("cannot read the folder {problem}").format(problem=problem),
              file=sys.stderr)
    return files, 2 if empty or unreadable else 0


def _check(args) -> int:
    from . import cli_check  # each command's own module is imported by it alone (start-up: bench/startup.py)

    return cli_check.check_command(args, _expand, _limits, _destination, _emit, _table_width)


def _import(args) -> int:
    from . import cli_import

    return cli_import.import_command(args)


def _template(args) -> int:
    from . import cli_import

    return cli_import.template_command(args)


def _fmt(args) -> int:
    from . import cli_fmt

    return cli_fmt.fmt_command(args)


def _watch(args) -> int:
    """Check the spec whenever its file changes, through one Session: after the first run only
    what an edit reaches is read and computed again. Stops with Ctrl-C (exit 130)."""
    import time

    from . import batch
    from .session import Session

    session = Session(args.file, _limits(args))
    seen, runs = None, 0
    print(_("watching {file} (Ctrl-C to stop)").format(file=shown_path(args.file)), file=sys.stderr)
    while True:
        try:
            stat = os.stat(args.file)
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        if stamp != seen or runs == 0:
            seen = stamp
            started = time.perf_counter()
            result = session.update_file()
            took = time.perf_counter() - started
            outcome = batch.describe(args.file, session.loaded, result, args.no_warnings)
            print(f"\n[{time.strftime('%H:%M:%S')}] {outcome.text}\n{_redone(session.stats, took)}",
                  file=sys.stderr, flush=True)
            runs += 1
            if args.runs and runs >= args.runs:
                return outcome.code
        time.sleep(args.interval)


def _redone(stats, took: float) -> str:
    seconds = f"{took:.2f}" if i18n.language() == "en" else f"{took:.2f}".replace(".", ",")
    if stats.whole:
        return _("checked in {seconds} s").format(seconds=seconds)
    parts = stats.parts_parsed + stats.parts_reused
    values = stats.values_computed + stats.values_reused
    return _("checked in {seconds} s: {parsed} of {parts} parts read again, "
             "{computed} of {values} values computed again").format(
        seconds=seconds, parsed=stats.parts_parsed, parts=parts, computed=stats.values_computed, values=values)


def _load_for_output(path: str, limits: Limits | None = None):
    loaded = api.load(path, limits=limits)
    if _usage_failure(loaded):
        _print_diagnostics(loaded)
        return None, 2
    if not loaded.ok:
        _print_diagnostics(loaded)
        shown = shown_path(path)
        print(_("{file}: not evaluated because of the errors above (run 'lkjipdsl check {file}')").format(file=shown),
              file=sys.stderr)
        return None, 1
    return loaded, 0


def _eval(args) -> int:
    files, worst = _expand(args)
    if not files:
        return 2
    if len(files) == 1 and not worst and not Path(args.files[0]).is_dir():
        args.file = files[0]
        return _eval_one(args)
    return _eval_many(args, files, worst)


def _eval_many(args, files: list[str], worst: int) -> int:
    """Several specs: evaluate each (on every core) and render their roll-up table."""
    where = _destination(args, files)
    if where is None:
        return 2
    try:
        fmt = args.format or formats.choose_format(None, args.output)
    except formats.UsageError as exc:
        print(f"lkjipdsl: {exc}", file=sys.stderr)
        return 2
    if fmt not in formats.ROLLUP_FORMATS:
        print("lkjipdsl eval: " + _("the roll-up of several specs is written as text, markdown, csv or json, "
                                    "not {format}").format(format=fmt), file=sys.stderr)
        return 2
    from . import batch  # many specs: one spec's eval does not import it

    progress = batch.terminal_progress()
    outcomes = []
    for outcome in batch.run(files, True, _limits(args), args.jobs or None, progress, args.lang, diagnostics=False):
        if outcome.code >= 2:
            if progress:
                progress.clear()
            print(outcome.text, file=sys.stderr)
        worst = max(worst, 1 if outcome.code == 3 else 0, 2 if outcome.code == 2 else 0)
        outcomes.append(outcome.summary())  # the roll-up reads the rows; each spec's text is let go
    if fmt == "json":
        import json

        text = json.dumps([_plain_row(o.row) for o in outcomes], indent=2, ensure_ascii=False) + "\n"
    else:
        text = render_tables([batch.rollup_table(outcomes)], fmt, _table_width(args)) if fmt != "csv" else \
            BOM + csv_table(batch.rollup_table(outcomes), args.lang)
    code = _emit(text, where, False)
    print(batch.overall(outcomes), file=sys.stderr)  # a note beside the roll-up, which may go to a file
    return code or worst


def _plain_row(row: dict) -> dict:
    from .format import plain

    return {key: plain(value) if isinstance(value, Decimal) else value for key, value in row.items()}


def _eval_one(args) -> int:
    where = _destination(args, [args.file])
    if where is None:
        return 2
    if args.format == "json" or (args.format is None and str(args.output or "").lower().endswith(".json")):
        return _eval_json(args, where)
    result, code = _evaluated(args)
    if result is None:
        return code
    def tables(fmt: str):
        # millions of cells, rows and tables and no cycles among them: collections would only walk
        # them again and again (10k spec: 1,2 s of 8). Not for user templates (`render`), whose
        # loops may well make cycles.
        with api.gc_paused():
            return formats.render(result, fmt, args.table, args.lang, args.chart, not args.no_charts, args.audit,
                                  width=_table_width(args), limits=_limits(args))

    code = _write(args, tables, where)
    if code:
        return code
    failed = len(result.failed_assertions)
    if failed:
        print(_("note: {count} printed figure(s) disagree with the computed values; "
                "'lkjipdsl check {file}' lists them").format(count=failed, file=shown_path(args.file)),
              file=sys.stderr)
    return 0


class _Stopped(Exception):
    """Evaluation stopped (a limit, an internal error) before any node was written: write nothing."""


def _eval_json(args, where) -> int:
    """eval --format json: the JSON written while the spec is evaluated, node by node
    (results_json.NodeStream), so that a province-sized result is never held whole."""
    from .results_json import NodeStream

    with api.gc_paused():
        loaded, code = _load_for_output(args.file, _limits(args))
    if loaded is None:
        return code
    evaluated = []

    def write(file) -> None:
        stream = NodeStream(file, 2, end="\n")
        with api.gc_paused():  # as in _evaluated
            result = api.evaluate_with(loaded, lambda spec, diagnostics, graph: api.evaluate_spec(
                spec, diagnostics, graph, computations=args.computations, sink=stream), limits=_limits(args))
            _settled()
        evaluated.append(result)
        if not stream.started:
            raise _Stopped
        stream.finish(result)

    try:
        code = _emit(write, where, False)
    except _Stopped:
        _stopped(evaluated[0], loaded)
        return 1
    if code:
        return code
    failed = len(evaluated[0].failed_assertions)
    if failed:
        print(_("note: {count} printed figure(s) disagree with the computed values; "
                "'lkjipdsl check {file}' lists them").format(count=failed, file=shown_path(args.file)),
              file=sys.stderr)
    return 0


def _evaluated(args, evaluate=None):
    """(result, 0) for the spec named in args.file, evaluated under the command's limits; or
    (None, exit code) after printing why it could not be. `evaluate`: api.evaluate by default."""
    # One pause around the API's own: when a pause ends, the collector's next pass walks everything
    # made during it (10k spec: 0,3 s after loading and again after evaluating). The command
    # freezes what it made before its pause ends, so that pass finds nothing.
    with api.gc_paused():
        loaded, code = _load_for_output(args.file, _limits(args))
        if loaded is None:
            return None, code
        if evaluate is None:  # eval asks for the computations with --computations; render has them
            result = api.evaluate(loaded, limits=_limits(args), computations=getattr(args, "computations", True))
        else:
            result = evaluate(loaded, limits=_limits(args))
        _settled()
    if _stopped(result, loaded):
        return None, 1
    return result, 0


def _stopped(result, loaded) -> bool:
    """Evaluation stopped by a limit (E013) or an internal error: print why; there is nothing to show."""
    if result.nodes:
        return False
    from .batch import as_diagnostic

    for d in result.diagnostics:
        print(render(as_diagnostic(d), loaded.sources), file=sys.stderr)
    return True


def _render(args) -> int:
    from . import cli_render, narasi
    from .render.templating import TemplateProblem

    try:
        template = cli_render.template_for(args.template, args.output)
        kind = cli_render.output_kind(template, args.output)
    except formats.UsageError as exc:
        print(f"lkjipdsl: {exc}", file=sys.stderr)
        return 2
    narasi_file = args.narasi or narasi.path_for(args.file)
    inputs = [name for name in (template, narasi_file) if os.path.exists(name)]  # files, not a built-in's name
    where = _destination(args, [args.file, *inputs])
    if where is None:
        return 2
    result, code = _evaluated(args)
    if result is None:
        return code
    story, problems, sources = narasi.load(args.file, args.lang, args.narasi, _limits(args).max_file_bytes)
    for problem in problems:
        print(render(problem, sources), file=sys.stderr)
    if any(problem.is_error for problem in problems):
        return 1
    try:
        return _write(args, lambda fmt: cli_render.produce(result, template, kind, args.lang, not args.no_charts,
                                                           _limits(args), story, args.audit),
                      where, "docx" if kind == "docx" else "pdf" if kind == "pdf" else "text")
    except TemplateProblem as problem:
        print(render(problem.diagnostic, problem.sources), file=sys.stderr)
        return problem.exit_code


def _destination(args, inputs: list[str]):
    """Where -o leads (lkjipdsl.render.output.destination), settled before anything is computed;
    None after saying why it must not be written (an input, another user's link, read-only …)."""
    from .render.output import OutputError, destination

    try:
        return destination(args.output, inputs, args.force)
    except OutputError as exc:
        print(f"lkjipdsl {args.command}: {exc}", file=sys.stderr)
        return None


def _emit(content, where, binary: bool) -> int:
    from .render.output import OutputError, emit

    try:
        emit(content, where, binary)
    except OutputError as exc:
        print(f"lkjipdsl: {exc}", file=sys.stderr)
        return 2
    return 0


def _write(args, produce, where, fmt: str | None = None) -> int:
    """Render with produce(format) -> (content, notes) and write it to `where`; 2 on failure."""
    try:
        fmt = fmt or formats.choose_format(args.format, args.output)
        content, notes = produce(fmt)
    except (formats.UsageError, formats.MissingExtra) as exc:
        print(f"lkjipdsl: {exc}", file=sys.stderr)
        return 2
    code = _emit(content, where, fmt in formats.BINARY_FORMATS)
    if code:
        return code
    for note in notes:
        print(_("note: {message}").format(message=note), file=sys.stderr)
    return 0


def _explain(args) -> int:
    from .explain import explain, explained_fields

    values: dict = {}

    def evaluate(loaded, limits):
        result, computed = api.evaluate_explained(loaded, limits=limits)
        values.update(computed)
        return result

    result, code = _evaluated(args, evaluate)
    if result is None:
        return code
    lines = explain(result, args.id, values)
    if lines is None:
        ids = [n.id for n in result.nodes]
        item_id, _colon, field = args.id.partition(":")
        node = next((n for n in result.nodes if n.id == item_id), None)
        if node is not None:
            names = explained_fields(node, values)
            hint = did_you_mean(field, names) or _("fields: {fields}").format(fields=", ".join(names))
            print("lkjipdsl: " + _("{id} has no computed field '{field}'; {hint}").format(
                id=item_id, field=field, hint=hint), file=sys.stderr)
        else:
            hint = did_you_mean(item_id, ids) or _("ids: {ids}").format(ids=", ".join(ids[:20]))
            print("lkjipdsl: " + _("no item '{id}' in {file}; {hint}").format(
                id=item_id, file=shown_path(args.file), hint=hint), file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _schema(args) -> int:
    import json

    from .results import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
