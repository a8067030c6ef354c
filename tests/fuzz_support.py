"""The oracle shared by the fuzzers: tests/test_fuzz.py (hypothesis) and fuzz/fuzz_lkj.py (atheris).

`run_pipeline(data)` puts one input through everything a user can make lkjipdsl do with it:
read (bytes through `load`, text through `loads`) → check → evaluate → render (every table in
every text format and both languages, JSON, HTML, explanations, every diagnostic with its
source line). It passes when each stage either succeeds or answers with diagnostics whose
positions lie inside the file, and fails (an AssertionError or the exception that escaped)
otherwise. What counts as a failure:

* any exception out of lkjipdsl;
* E099, the internal error the API reports instead of a traceback (it means a bug was met);
* a diagnostic, finding, assertion or node whose position is not inside the file;
* a rendered diagnostic that carries a control character to the terminal;
* JSON output that does not parse back into the same Result;
* an input that takes longer than `SLOW_SECONDS` (a hang in the making);
* the scanner (the parser's fast path) accepting a text that Lark rejects, or building another tree.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from dataclasses import dataclass, field

import lkjipdsl
from lkjipdsl import diagnostics as diag
from lkjipdsl.results import Result

# The fuzzer's hang detector: an input that takes more CPU time than this is a failure (CPU, not
# wall time, so a busy machine does not make one). The test suite switches it off (tests/test_fuzz.py):
# bounded work is tested there by limits and counts, and timed by bench/hostile.py.
SLOW_SECONDS = float(os.environ.get("LKJIPDSL_FUZZ_SLOW", "5"))
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class FuzzFailure(AssertionError):
    pass


@dataclass
class Outcome:
    loaded_ok: bool = False
    evaluated: bool = False
    codes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_pipeline(data: bytes | str, name: str = "fuzz.lkj", render_rich: bool = True,
                 directory: str | None = None) -> Outcome:
    """Put one input through every stage; raise FuzzFailure (or the escaped exception) on a bug."""
    started = time.process_time()
    outcome = Outcome()
    if isinstance(data, bytes):
        with contextlib.suppress(UnicodeDecodeError):
            differential(data.decode("utf-8"), name)
        with tempfile.TemporaryDirectory(dir=directory) as folder:
            path = os.path.join(folder, name)
            with open(path, "wb") as handle:
                handle.write(data)
            loaded = lkjipdsl.load(path)
            before = _snapshot(path)
            source = loaded.source if loaded.source or not data else data.decode("utf-8", "replace")
            _check_loaded(loaded, path, source, outcome)
            result = lkjipdsl.evaluate(loaded, computations=True)
            _check_result(loaded, result, path, source, outcome, render_rich)
            if _snapshot(path) != before:
                raise FuzzFailure("the spec file was modified")
    else:
        differential(data, name)
        loaded = lkjipdsl.loads(data, name)
        _check_loaded(loaded, name, loaded.source, outcome)
        result = lkjipdsl.evaluate(loaded, computations=True)
        _check_result(loaded, result, name, loaded.source, outcome, render_rich)
    outcome.seconds = time.process_time() - started
    if outcome.seconds > SLOW_SECONDS:
        raise FuzzFailure(f"took {outcome.seconds:.1f} s of CPU (more than {SLOW_SECONDS} s)")
    return outcome


def differential(text: str, name: str = "fuzz.lkj") -> None:
    """The scanner (the parser's fast path) and Lark must agree: whatever the scanner accepts,
    Lark accepts too, with the same syntax tree."""
    try:
        from lkjipdsl import syntax
        from lkjipdsl.syntax import prescan, scanner
    except ImportError:
        return
    if not hasattr(syntax, "parse_with_lark"):
        return
    scan = prescan(text.lstrip("\ufeff"), name)
    if scan.fatal:
        return
    try:
        fast = scanner.scan(scan.text, name)
    except scanner.Fallback:
        return
    full, problems = syntax.parse_with_lark(scan.text, name)
    if problems:
        raise FuzzFailure(f"the scanner accepted what Lark rejects: {problems[0].code} {problems[0].message}")
    if fast != full:
        raise FuzzFailure("the scanner and Lark build different syntax trees")


def _snapshot(path: str) -> tuple[bytes, int]:
    with open(path, "rb") as handle:
        return handle.read(), os.stat(path).st_mtime_ns


def _check_loaded(loaded, file: str, source: str, outcome: Outcome) -> None:
    outcome.loaded_ok = loaded.ok
    outcome.codes = [d.code for d in loaded.diagnostics]
    lines = source.split("\n")
    for d in loaded.diagnostics:
        if d.code == "E099":
            raise FuzzFailure(f"internal error: {d.message}")
        if d.span is not None:
            check_span(d.span.file, d.span.line, d.span.column, d.span.end_line, d.span.end_column, file, lines,
                       f"{d.code} {d.message}")
        shown = diag.render(d, loaded.sources)
        if _CONTROL.search(shown.replace("\n", "")):
            raise FuzzFailure(f"a control character reaches the terminal: {shown!r}")
        rendered = shown.split("\n")
        if d.span is not None and len(rendered) > 1 and rendered[1].startswith(f"{d.span.line:>5} | ") \
                and len(lines[d.span.line - 1]) <= diag.SOURCE_WINDOW:
            expected = diag.safe(lines[d.span.line - 1].removesuffix("\r").replace("\t", " "))
            if rendered[1].partition(" | ")[2] != expected:
                raise FuzzFailure(f"{d.code}: the source line shown is not line {d.span.line}: {rendered[1]!r}")


def check_span(span_file, line, column, end_line, end_column, file: str, lines: list[str], what: str) -> None:
    """A position is inside the file: a line that exists and a column at most one past its end."""
    if span_file != file:
        raise FuzzFailure(f"{what}: position in file {span_file!r}, not {file!r}")
    if not 1 <= line <= len(lines):
        raise FuzzFailure(f"{what}: line {line} outside 1..{len(lines)}")
    if not 1 <= column <= len(lines[line - 1]) + 1:
        raise FuzzFailure(f"{what}: column {column} outside 1..{len(lines[line - 1]) + 1} on line {line}")
    if end_line is not None:
        if not line <= end_line <= len(lines):
            raise FuzzFailure(f"{what}: end line {end_line} outside {line}..{len(lines)}")
        if end_column is not None and end_line == line and end_column < column:
            raise FuzzFailure(f"{what}: end column {end_column} before column {column}")


def _check_location(location, file: str, lines: list[str], what: str) -> None:
    if location is not None:
        check_span(location.file, location.line, location.column, location.end_line, location.end_column,
                   file, lines, what)


def _check_result(loaded, result: Result, file: str, source: str, outcome: Outcome, render_rich: bool) -> None:
    if not isinstance(result, Result):
        raise FuzzFailure(f"evaluate returned {type(result).__name__}")
    lines = source.split("\n")
    for d in result.diagnostics:
        if d.code == "E099":
            raise FuzzFailure(f"internal error: {d.message}")
        _check_location(d.location, file, lines, f"{d.code} {d.message}")
    outcome.codes = [d.code for d in result.diagnostics]
    if not (loaded.ok and result.nodes):
        return
    outcome.evaluated = True
    for node in result.nodes:
        _check_location(node.location, file, lines, f"node {node.id}")
    for finding in result.findings:
        _check_location(finding.location, file, lines, f"finding {finding.rule}")
    for assertion in result.assertions:
        _check_location(assertion.location, file, lines, f"assertion {assertion.node_id}:{assertion.field}")
    render_everything(result, render_rich)


def render_everything(result: Result, rich: bool = True) -> None:
    """Every output a user can ask for; a round trip of the JSON."""
    from lkjipdsl.explain import explain
    from lkjipdsl.render.tables import tables
    from lkjipdsl.render.text import render_json, render_tables

    for lang in ("id", "en"):
        built = tables(result, None, lang)
        for fmt in ("text", "markdown", "csv"):
            render_tables(built, fmt)
    text = render_json(result)
    # what reads back is what the JSON says (computed values to 10 decimals), and writes the same
    again = Result.model_validate_json(text)
    if render_json(again) != text:
        raise FuzzFailure("the JSON output does not parse back into the same Result")
    for node in result.nodes[:50]:
        explain(result, node.id)
        for name in list(node.computations)[:5]:
            explain(result, f"{node.id}:{name}")
    if rich:
        try:
            from lkjipdsl.render import formats
        except ImportError:  # the rich renderers are optional
            return
        formats.render(result, "html", None, "id", None, False)
        if EXPORTS:
            render_exports(result)


# LKJIPDSL_FUZZ_EXPORTS=1 (fuzz/fuzz_lkj.py sets it): every input also goes to xlsx, docx and the
# built-in templates, and every CHARTS_EVERY-th one to the charts (matplotlib is slow).
EXPORTS = os.environ.get("LKJIPDSL_FUZZ_EXPORTS") == "1"
CHARTS_EVERY = int(os.environ.get("LKJIPDSL_FUZZ_CHARTS_EVERY", "25"))
_exported = [0]


def render_exports(result: Result) -> None:
    """The binary formats written into memory, and the built-in templates; a bug is an exception."""
    import io

    from lkjipdsl.render import formats
    from lkjipdsl.render.templating import render_template, text_template_names

    _exported[0] += 1
    charts = CHARTS_EVERY > 0 and _exported[0] % CHARTS_EVERY == 0
    for fmt in ("xlsx", "docx") + (("png",) if charts else ()):
        try:
            content, _ = formats.render(result, fmt, None, "id", None, charts)
        except formats.UsageError:  # png of a spec with nothing to chart
            continue
        if callable(content):
            content(io.BytesIO())
    # BAB III's templates: the whole report's (lkjip.*) use the same sandbox and tables, and would
    # double the time of every run (tests/test_lkjip.py renders them)
    for name in [name for name in text_template_names() if name.startswith("bab3.")]:
        render_template(result, name, "id", charts)
