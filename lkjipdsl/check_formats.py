"""What `lkjipdsl check` found, as data: `--format json` (the diagnostics of each spec in the shape
of the result's `diagnostics`, docs/api.md) and `--format sarif` (SARIF 2.1.0, for CI systems and
code-review tools that show findings beside the lines they are about).

Both are made from batch.Outcome records, in the language the messages were made in.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import i18n
from .batch import Outcome, grand_total
from .codes import CATALOGUE, meaning, plain
from .diagnostics import Cell, Diagnostic, Severity
from .i18n import _

CHECK_SCHEMA_VERSION = "1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def diagnostic_record(d: Diagnostic) -> dict:
    """A diagnostic as the result's JSON has it: code, severity, message, location, hints."""
    span = d.span
    if isinstance(span, Cell):
        location = {"file": span.file, "line": span.row, "column": span.col, "end_line": None, "end_column": None}
    elif span is not None:
        location = {"file": span.file, "line": span.line, "column": span.column, "end_line": span.end_line,
                    "end_column": span.end_column}
    else:
        location = None
    return {"code": d.code, "severity": d.severity.value, "message": d.message, "location": location,
            "hints": list(d.hints)}


def check_json(outcomes: list[Outcome]) -> dict:
    """`check --format json`: each spec with its counts and diagnostics, then the totals."""
    specs = [{"file": outcome.row.get("file", outcome.path), "exit_code": outcome.code,
              "errors": outcome.row.get("errors", 0), "disagreements": outcome.row.get("disagreements", 0),
              "warnings": outcome.row.get("warnings", 0),
              "diagnostics": [diagnostic_record(d) for d in outcome.diagnostics]} for outcome in outcomes]
    total = grand_total(outcomes)
    return {"schema_version": CHECK_SCHEMA_VERSION, "language": i18n.language(), "specs": specs,
            "total": {key: total[key] for key in ("specs", "errors", "disagreements", "warnings")}}


def check_sarif(outcomes: list[Outcome], folder: str | None = None) -> dict:
    """`check --format sarif`: one SARIF 2.1.0 run for every spec checked; its rules are the codes
    of the catalogue (lkjipdsl/codes.py) and the rules (`aturan`) the specs declared; file names
    relative to `folder` (the working folder) where they lie in it."""
    import lkjipdsl

    base = Path(folder or os.getcwd()).resolve()
    rules = [{"id": code, "shortDescription": {"text": plain(meaning(code) or "")},
              "defaultConfiguration": {"level": _LEVELS[Severity(severity)]}}
             for code, (severity, _english) in CATALOGUE.items()]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results = []
    for outcome in outcomes:
        for d in outcome.diagnostics:
            if d.code not in index:  # a rule of the spec (aturan), named by its id
                index[d.code] = len(rules)
                rules.append({"id": d.code, "shortDescription": {"text": _("a rule of the spec (aturan {id})").format(
                    id=d.code)}, "defaultConfiguration": {"level": _LEVELS[d.severity]}})
            results.append(_result(d, index[d.code], outcome.path, base))
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lkjipdsl", "version": lkjipdsl.__version__,
                                "semanticVersion": lkjipdsl.__version__, "rules": rules}},
            "language": i18n.language(),
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"WORKDIR": {"uri": base.as_uri() + "/"}},
            "invocations": [{"executionSuccessful": all(outcome.code < 3 for outcome in outcomes)}],
            "results": results,
        }],
    }


def _result(d: Diagnostic, rule_index: int, spec: str, base: Path) -> dict:
    text = "\n".join([d.message, *(_("hint: {hint}").format(hint=hint) for hint in d.hints)])
    span = d.span
    artifact = _artifact(span.file if span is not None else spec, base)
    physical: dict = {"artifactLocation": artifact}
    if isinstance(span, Cell):
        text += "\n" + str(span)
    elif span is not None:
        physical["region"] = {"startLine": span.line, "startColumn": span.column,
                              "endLine": max(span.end_line, span.line),
                              "endColumn": max(span.end_column, span.column + 1) if span.end_line <= span.line
                              else span.end_column}
    return {"ruleId": d.code, "ruleIndex": rule_index, "level": _LEVELS[d.severity], "message": {"text": text},
            "locations": [{"physicalLocation": physical}]}


def _artifact(file: str, base: Path) -> dict:
    """A file as SARIF names it: relative to the working folder (uriBaseId WORKDIR) when it lies in
    it, else an absolute file URI."""
    path = Path(file).resolve()
    try:
        relative = path.relative_to(base)
    except ValueError:
        return {"uri": path.as_uri()}
    from urllib.parse import quote

    return {"uri": quote(relative.as_posix()), "uriBaseId": "WORKDIR"}
