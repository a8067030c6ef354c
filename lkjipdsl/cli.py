"""The `lkjipdsl` command: check, eval, explain, schema. Exit 0 ok, 1 findings/errors, 2 usage."""

from __future__ import annotations

import argparse
import json
import sys

from . import api
from .diagnostics import Diagnostic, Severity, did_you_mean, render, sort_key
from .evaluate import has_blocking, span_of
from .results import DISAGREEMENT_KINDS
from .render.tables import all_builders, assertion_message, tables
from .render.text import FORMATS, render_json, render_tables

USAGE_CODES = {"E007", "E008"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lkjipdsl", description="Check and evaluate LKjIP spec files (.lkj).")
    parser.add_argument("--version", action="version", version=f"lkjipdsl {__import__('lkjipdsl').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="report every diagnostic, failed assertion and finding")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--no-warnings", action="store_true", help="show errors only")

    ev = sub.add_parser("eval", help="evaluate and render the tables")
    ev.add_argument("file", metavar="FILE")
    ev.add_argument("--table", action="append", choices=sorted(all_builders()), metavar="NAME",
                    help="only this table (repeatable): " + ", ".join(sorted(all_builders())))
    ev.add_argument("--format", choices=FORMATS, default="text")
    ev.add_argument("--lang", choices=("id", "en"), default="id")

    ex = sub.add_parser("explain", help="show how a value was computed")
    ex.add_argument("file", metavar="FILE")
    ex.add_argument("id", metavar="ID[:FIELD]")

    sub.add_parser("schema", help="print the JSON schema of the --format json output")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    try:
        return {"check": _check, "eval": _eval, "explain": _explain, "schema": _schema}[args.command](args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _print_diagnostics(loaded, errors_only: bool = False) -> None:
    for d in loaded.diagnostics:
        if errors_only and not d.is_error:
            continue
        print(render(d, loaded.sources), file=sys.stderr)


def _usage_failure(loaded) -> bool:
    return any(d.code in USAGE_CODES for d in loaded.diagnostics)


def _check(args) -> int:
    worst = 0
    for path in args.files:
        loaded = api.load(path)
        if _usage_failure(loaded):
            _print_diagnostics(loaded)
            worst = 2
            continue
        problems = list(loaded.diagnostics)
        failed = 0
        if loaded.ok:
            result = api.evaluate(loaded)
            problems = [_as_diagnostic(d) for d in result.diagnostics]
            problems += [_assertion_diagnostic(a) for a in result.failed_assertions]
            problems += [_finding_diagnostic(f) for f in result.findings]
            failed = len(result.failed_assertions)
            blocking = has_blocking(result)
        else:
            blocking = True
        problems.sort(key=sort_key)
        for d in problems:
            if not (args.no_warnings and not d.is_error):
                print(render(d, loaded.sources), file=sys.stderr)
        errors = sum(d.is_error for d in problems) - failed
        warnings = sum(not d.is_error for d in problems)
        print(f"{path}: {errors} error(s), {failed} printed figure(s) that disagree, {warnings} warning(s) "
              "and notes", file=sys.stderr)
        if blocking:
            worst = max(worst, 1)
    return worst


def _as_diagnostic(d) -> Diagnostic:
    return Diagnostic(d.code, Severity(d.severity), d.message, span_of(d.location), tuple(d.hints))


def _assertion_diagnostic(a) -> Diagnostic:
    malformed = a.printed is None and a.printed_text.strip() not in ("-", "")
    code = "A003" if a.computed_text is not None else "A002" if malformed else "A001"
    return Diagnostic(code, Severity.ERROR, assertion_message(a), span_of(a.location),
                      (f"kind: {a.kind} — {DISAGREEMENT_KINDS[a.kind]}",) if a.kind else ())


def _finding_diagnostic(f) -> Diagnostic:
    return Diagnostic(f.rule, Severity(f.severity), f.message, span_of(f.location))


def _load_for_output(path: str):
    loaded = api.load(path)
    if _usage_failure(loaded):
        _print_diagnostics(loaded)
        return None, 2
    if not loaded.ok:
        _print_diagnostics(loaded)
        print(f"{path}: not evaluated because of the errors above (run 'lkjipdsl check {path}')", file=sys.stderr)
        return None, 1
    return loaded, 0


def _eval(args) -> int:
    loaded, code = _load_for_output(args.file)
    if loaded is None:
        return code
    result = api.evaluate(loaded)
    if args.format == "json":
        sys.stdout.write(render_json(result))
    else:
        sys.stdout.write(render_tables(tables(result, args.table, args.lang), args.format))
    failed = len(result.failed_assertions)
    if failed:
        print(f"note: {failed} printed figure(s) disagree with the computed values; "
              f"'lkjipdsl check {args.file}' lists them", file=sys.stderr)
    return 0


def _explain(args) -> int:
    loaded, code = _load_for_output(args.file)
    if loaded is None:
        return code
    result = api.evaluate(loaded)
    lines = __import__("lkjipdsl.explain", fromlist=["explain"]).explain(result, args.id)
    if lines is None:
        ids = [n.id for n in result.nodes]
        item_id, _, field = args.id.partition(":")
        node = next((n for n in result.nodes if n.id == item_id), None)
        if node is not None:
            hint = did_you_mean(field, node.computations) or "fields: " + ", ".join(node.computations)
            print(f"lkjipdsl: {item_id} has no computed field '{field}'; {hint}", file=sys.stderr)
        else:
            print(f"lkjipdsl: no item '{item_id}' in {args.file}; "
                  f"{did_you_mean(item_id, ids) or 'ids: ' + ', '.join(ids[:20])}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _schema(args) -> int:
    from .results import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
