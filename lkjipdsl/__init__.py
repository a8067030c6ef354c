"""lkjipdsl: a declarative language and rules engine for LKjIP performance reports.

Public API (stable; see docs/api.md):
    load(path) / loads(text) -> LoadedSpec      parse, build and check (strict=True: SpecError on errors)
    evaluate(loaded) -> Result                  compute every value exactly (computations=True: how)
    evaluate_to(loaded, file) -> Result         the same, its JSON written to file as it is computed
    result.node(id) -> NodeResult               one item (an unknown id: KeyError naming the closest)
    render_report(result, fmt) -> str | bytes   the report in a format of `lkjipdsl eval --format`
    write_report(result, path)                  the same into a file, as `eval -o` writes it
    format_value(value, places, lang)           a number the way the reports print it (97,15; '-')
    Limits(...)                                 bounds on the work a spec may cause (limits= of the three)
    Session(file).update(text) -> Result        evaluate again after an edit, redoing only what it reaches
    Result, NodeResult, ...                     frozen result records (lkjipdsl.results)
    Diagnostic                                  str(d) reads as the line `lkjipdsl check` prints

`python -m lkjipdsl` runs the command line (lkjipdsl.cli).
"""

import gc as _gc

# Importing the package makes tens of thousands of objects that live as long as the process (classes,
# functions, compiled patterns, tables) and no garbage: the collections they would set off while it
# runs only walk them (a tenth of the command's import). The collector is paused meanwhile.
_collecting = _gc.isenabled()
_gc.disable()
try:
    from .api import LoadedSpec, SpecError, evaluate, evaluate_to, load, loads
    from .diagnostics import Diagnostic, Severity, Span
    from .format import format_value
    from .limits import Limits
    from .render.output import OutputError
    from .results import (
        AssertionResult, Computation, DiagnosticResult, Finding, NodeResult, Predikat, Result, json_schema,
    )
finally:
    if _collecting:
        _gc.enable()
    del _collecting

__version__ = "0.1.0"


def __getattr__(name: str):
    """Session, SessionStats, render_report and write_report, imported when first used: the
    command does not need them to start."""
    if name in ("Session", "SessionStats"):
        from . import session as module
    elif name in ("render_report", "write_report"):
        from . import reports as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value = getattr(module, name)
    return value


__all__ = [
    "load", "loads", "evaluate", "evaluate_to", "LoadedSpec", "SpecError", "Diagnostic", "Severity", "Span", "Limits",
    "Session",
    "SessionStats",
    "Result", "NodeResult", "AssertionResult", "Computation", "DiagnosticResult", "Finding", "Predikat",
    "json_schema", "render_report", "write_report", "format_value", "OutputError", "__version__",
]
