"""The public API's rendering: a result in any format of the registry (lkjipdsl/render/formats.py),
as text or bytes (`render_report`) or written to a file (`write_report`), by the renderers
`lkjipdsl eval` uses, with the same options and the same output rules (render/output.py).

    result = lkjipdsl.evaluate(lkjipdsl.load("specs/seririt-2023.lkj"))
    lkjipdsl.render_report(result, "markdown", tables=["tabel-3.1"])   # str
    lkjipdsl.render_report(result, "xlsx")                              # bytes
    lkjipdsl.write_report(result, "seririt.html")                       # the format from the extension

Nothing is imported here until a report is asked for: `import lkjipdsl` stays light.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterable

from . import i18n
from .results import Result


def render_report(result: Result, fmt: str = "text", *, tables: Iterable[str] | None = None, lang: str = "id",
                  chart: str | None = None, charts: bool = True, width: int | None = None,
                  audit: bool = False) -> str | bytes:
    """The report of `result` in the format `fmt` (`lkjipdsl eval --format`): str for text,
    markdown, csv, json and html; bytes for xlsx, docx, png and pdf.

    `tables` names the tables to show (eval's --table; None: the default ones), `lang` the
    report's language ("id", the default, or "en"), `chart` the chart of a png, `charts=False`
    leaves the charts out of html and docx, `width` lays text tables out within that many columns
    (as `eval` does on a terminal, or with `--lebar`; None: each row on one line), `audit=True` adds
    the checks of printed figures and the review findings (`--audit`; a report handed in has none).
    Raises ValueError for an unknown format or options that do not apply to it, ImportError
    (lkjipdsl.render.extras.MissingExtra, naming the pip command) when the format's library is not
    installed, and SpecError when the result has nothing to render (its spec had errors, or a limit
    stopped the evaluation). A note the command would print on standard error (charts left out) is a
    warning (warnings.warn).
    """
    content, binary = _rendered(result, fmt, tables, lang, chart, charts, width, audit)
    if isinstance(content, str):
        return content
    buffer = io.BytesIO()
    with i18n.using(lang):
        content(buffer)
    return buffer.getvalue() if binary else buffer.getvalue().decode("utf-8")


def write_report(result: Result, path: str | os.PathLike, fmt: str | None = None, *,
                 tables: Iterable[str] | None = None, lang: str = "id", chart: str | None = None,
                 charts: bool = True, force: bool = False, width: int | None = None, audit: bool = False) -> None:
    """Write the report of `result` to `path` as `lkjipdsl eval -o PATH` does: the format from the
    extension unless `fmt` names it; atomically (a failure leaves an existing file as it was);
    never over the spec the result was computed from, never through another user's link in a
    shared folder; a read-only file only with force=True ('-' is standard output).

    Raises what `render_report` raises, and lkjipdsl.OutputError when the file cannot or must not
    be written (the message says why)."""
    from .render import formats
    from .render.output import destination, emit

    _check_arguments(result, lang)
    try:
        chosen = formats.choose_format(fmt, os.fspath(path))
    except formats.UsageError:
        raise ValueError(i18n._("cannot tell the format of '{file}' from its extension ({extensions}); give fmt=")
                         .format(file=os.fspath(path), extensions=", ".join(sorted(formats.EXTENSIONS)))) from None
    where = destination(path, [result.spec.file], force)  # settled before anything is rendered
    content, binary = _rendered(result, chosen, tables, lang, chart, charts, width, audit)
    if not isinstance(content, str):
        write_bytes = content

        def content(file):  # the writer renders as it writes: in the report's language
            with i18n.using(lang):
                write_bytes(file)
    emit(content, where, binary)


def _rendered(result: Result, fmt: str, tables, lang: str, chart: str | None, charts: bool,
              width: int | None = None, audit: bool = False):
    """(content, binary): what the format's renderer gives to write, its notes turned into warnings."""
    from .api import SpecError, gc_paused
    from .batch import as_diagnostic
    from .diagnostics import did_you_mean
    from .render import formats

    _check_arguments(result, lang)
    if fmt not in formats.REGISTRY:  # the caller's messages in the language in force, the report in `lang`
        hint = did_you_mean(str(fmt), formats.FORMATS) or i18n._("formats: {names}").format(
            names=", ".join(formats.FORMATS))
        raise ValueError(i18n._("unknown format '{format}'; {hint}").format(format=fmt, hint=hint))
    if not result.nodes and result.has_errors:
        raise SpecError([as_diagnostic(d) for d in result.diagnostics])
    names = _table_names(tables)
    _check_options(result, formats.REGISTRY[fmt], names, chart)
    with i18n.using(lang):
        try:
            with gc_paused():  # many small records and no cycles among them: as `eval` renders
                content, notes = formats.render(result, fmt, names, lang, chart, charts, audit, width=width)
        except formats.UsageError as exc:
            raise ValueError(str(exc)) from None
    for note in notes:
        warnings.warn(note, stacklevel=3)
    return content, fmt in formats.BINARY_FORMATS


def _check_options(result: Result, entry, names: list[str] | None, chart: str | None) -> None:
    """The options a format cannot take, said in the API's words (the command's say --table, --chart)."""
    from .render import charts, formats

    _ = i18n._
    if names and entry.own_tables:
        raise ValueError(_("tables= does not apply to {format}: {reason}").format(format=entry.name,
                                                                                reason=_(entry.own_tables)))
    if chart is not None and entry.charts != "one":
        one = [name for name, other in formats.REGISTRY.items() if other.charts == "one"]
        every = [name for name, other in formats.REGISTRY.items() if other.charts == "all"]
        raise ValueError(_("chart= is for the format {one_chart}; {every_chart} include every chart").format(
            one_chart=formats.listed(one, _("{names} or {last}")),
            every_chart=formats.listed(every, _("{names} and {last}"))))
    if entry.charts == "one":
        drawn = charts.available(result)
        if chart is None and not drawn:
            raise ValueError(_("the format {format} is one chart, and this spec has data for none").format(
                format=entry.name))
        if chart is None:
            raise ValueError(_("the format {format} is one chart: give chart= ({charts})").format(
                format=entry.name, charts=", ".join(drawn)))
        if chart not in drawn:
            raise ValueError(_("no data for the chart '{chart}' in this spec (available: {charts})").format(
                chart=chart, charts=", ".join(drawn)) if drawn else
                _("no data for the chart '{chart}' in this spec (available: none)").format(chart=chart))


def _check_arguments(result, lang) -> None:
    if not isinstance(result, Result):
        raise TypeError(f"takes a lkjipdsl.Result (what evaluate() returns), not {type(result).__name__}")
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; languages: {', '.join(i18n.LANGUAGES)}")


def _table_names(tables) -> list[str] | None:
    if tables is None:
        return None
    if isinstance(tables, str):
        tables = [tables]
    from .render.tables import all_builders

    names = list(tables)
    known = all_builders()
    for name in names:
        if name not in known:
            from .diagnostics import did_you_mean

            hint = did_you_mean(name, sorted(known)) or i18n._("tables: {names}").format(names=", ".join(sorted(known)))
            raise ValueError(i18n._("unknown table '{name}'; {hint}").format(name=name, hint=hint))
    return names
