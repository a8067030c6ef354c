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

__version__ = "0.1.0"

# Each public name and the module that defines it, imported the first time the name is asked for
# (PEP 562): `import lkjipdsl.cli` or any other module of the package does not import the whole API
# first, so the command decides how its start-up runs (lkjipdsl.__main__).
_PUBLIC = {
    **dict.fromkeys(("LoadedSpec", "SpecError", "evaluate", "evaluate_to", "load", "loads"), "api"),
    **dict.fromkeys(("Diagnostic", "Severity", "Span"), "diagnostics"),
    "format_value": "format",
    "Limits": "limits",
    "OutputError": "render.output",
    **dict.fromkeys(("AssertionResult", "Computation", "DiagnosticResult", "Finding", "NodeResult", "Predikat",
                     "Result", "json_schema"), "results"),
    **dict.fromkeys(("Session", "SessionStats"), "session"),
    **dict.fromkeys(("render_report", "write_report"), "reports"),
}


def __getattr__(name: str):
    """A public name, imported from its module when first used. A module of the package is reached
    by importing it (`import lkjipdsl.syntax`), as in any package."""
    where = _PUBLIC.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _collector_paused():
        if where == "session":
            import lkjipdsl.session
        elif where == "reports":
            import lkjipdsl.reports
        elif where == "render.output":
            import lkjipdsl.render.output
        else:
            import lkjipdsl.api  # noqa: F401  (and with it diagnostics, format, limits, results)
    import sys

    value = getattr(sys.modules[f"{__name__}.{where}"], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


class _collector_paused:
    """Importing the API makes tens of thousands of objects that live as long as the process (classes,
    functions, compiled patterns, tables) and no garbage: collections while it runs would only walk
    them, a tenth of the import. The collector is paused meanwhile (unless it was already)."""

    def __enter__(self):
        import gc

        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        import gc

        if self.collecting:
            gc.enable()


__all__ = [
    "load", "loads", "evaluate", "evaluate_to", "LoadedSpec", "SpecError", "Diagnostic", "Severity", "Span", "Limits",
    "Session",
    "SessionStats",
    "Result", "NodeResult", "AssertionResult", "Computation", "DiagnosticResult", "Finding", "Predikat",
    "json_schema", "render_report", "write_report", "format_value", "OutputError", "__version__",
]
