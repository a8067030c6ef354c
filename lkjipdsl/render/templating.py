"""Reports through jinja2 templates: the built-in ones (lkjipdsl/templates/) and the user's own.

Every template renders in jinja2's immutable sandbox with StrictUndefined (sandbox.py): it can read
the values it is given (the Result, the tables, the sentences, the charts) but not reach Python
internals (`''.__class__` is refused), not change what it is given, nor do unbounded work (the
template limits of lkjipdsl.Limits), and a misspelt name fails loudly. What it writes is escaped
for its output format (template_formats.py). Every problem becomes a Diagnostic naming the template
file and line (codes T001–T008); nothing is computed here, and the filters `rupiah`, `angka`,
`persen` are those of format.py.
"""

from __future__ import annotations

import functools
import os
import re
import traceback
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..format import display_rounding
from .. import __version__
from ..diagnostics import Diagnostic, Severity, Span, did_you_mean
from ..format import angka, persen, rupiah
from ..i18n import _
from ..limits import Limits
from ..narasi import Narasi
from ..narasi import load as load_narasi
from ..results import Result
from . import narrative, sandbox
from .extras import MissingExtra
from .escape import markdown_cell, markdown_inline
from .template_formats import MarkdownText

BUILTIN = Path(__file__).resolve().parent.parent / "templates"
FROM_STRING = "<template>"  # the file name jinja2 gives a template made from a string (a Word template's XML)


class TemplateProblem(Exception):
    """A template that cannot be found (exit 2) or fails to compile or render (exit 1)."""

    def __init__(self, diagnostic: Diagnostic, sources: dict[str, str], exit_code: int):
        super().__init__(diagnostic.message)
        self.diagnostic, self.sources, self.exit_code = diagnostic, sources, exit_code


def builtin_names() -> list[str]:
    """The built-in templates, by the name `--template` takes (files starting with '_' are partials)."""
    return sorted(p.name for p in BUILTIN.iterdir() if p.is_file() and not p.name.startswith(("_", ".")))


def text_template_names() -> list[str]:
    """The built-in templates render_template renders: all but the Word ones (docx_template.py)."""
    return [name for name in builtin_names() if not name.lower().endswith(".docx")]


def render_template(result: Result, template: str, lang: str = "id", charts: bool = True,
                    limits: Limits | None = None, audit: bool = False, narasi: Narasi | None = None) -> str:
    """Render a built-in template (by name) or a template file (by path) for the Result, within the
    template limits of `limits` (max_template_steps, max_template_output, max_template_value,
    max_value_digits); `audit` (--audit) asks the template for the checks of printed figures too.
    `narasi` is the planner's narrative (default: the spec's narrative file, when there is one:
    lkjipdsl.narasi)."""
    if template.lower().endswith(".docx"):
        message = _("'{name}' is a Word template: it makes a Word document (lkjipdsl render … -o LKjIP.docx, or "
                    "lkjipdsl.render.docx_template.render_docx)").format(name=template)
        raise TemplateProblem(Diagnostic("T009", Severity.ERROR, message, None, ()), {}, 2)
    loader, name, display = _resolve(template)
    env = _environment(loader, lang, sandbox.Budget(limits or Limits(), len(result.nodes)))
    with display_rounding(result.spec.pembulatan):  # every figure as the report shows it
        values = context(result, lang, charts, audit, narasi)
        try:
            return str(env.get_template(name).render(values))
        except MissingExtra:
            raise
        except Exception as exc:  # noqa: BLE001 — any error raised while rendering is the template's
            raise diagnosed(exc, _sources(loader), display, values) from None


def diagnosed(exc: BaseException, sources: dict[str, str], display: str, values: dict) -> TemplateProblem:
    """The TemplateProblem (T001–T008) for an error raised while compiling or rendering a template;
    `sources` are the texts of the template files read, by the file name jinja2 knows them by."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, sandbox.TemplateLimit):
        return _problem(sources, display, exc.code, exc.message, exc, hint=_limit_hint(exc))
    if isinstance(exc, TemplateSyntaxError):
        return _problem(sources, display, "T002", _("template syntax error: {problem}").format(problem=exc.message),
                        exc, exc.filename or FROM_STRING, exc.lineno)
    if isinstance(exc, TemplateNotFound):
        return _problem(sources, display, "T001", _("no template '{name}' to include or extend").format(
            name=exc.name), exc)
    if isinstance(exc, UndefinedError):
        return _problem(sources, display, "T003", _undefined_message(exc), exc, hint=_undefined_hint(exc, values))
    if isinstance(exc, SecurityError):
        return _problem(sources, display, "T004", _("refused by the sandbox: {problem}").format(problem=exc), exc)
    if isinstance(exc, RecursionError):
        # while compiling there is no template line in the traceback: the template's first line
        filename, line = _template_frame(exc, sources) or (next(iter(sources), None), 1)
        return _problem(sources, display, "T005", _("the template nests too deeply, or a macro or include calls "
                                                    "itself without end"), exc, filename, line,
                        hint=_("a macro that calls itself needs a condition that ends it"))
    return _problem(sources, display, "T005", _("error while rendering: {problem}").format(
        problem=f"{type(exc).__name__}: {exc}"), exc)


def context(result: Result, lang: str = "id", charts: bool = True, audit: bool = False,
            narasi: Narasi | None = None) -> dict:
    """What a template sees (documented in docs/reports.md)."""
    from markupsafe import Markup

    from .html import STYLESHEET
    from .lkjip import Lkjip
    from .tables import all_builders

    if narasi is None:
        narasi = load_narasi(result.spec.file, lang)[0]

    return {
        "result": result, "spec": result.spec, "lang": lang, "version": __version__,
        "file": result.spec.file.replace("\\", "/").rpartition("/")[2],
        "total": next((n for n in result.nodes if n.kind == "total"), None),
        "nodes": result.nodes,
        "tables": {name: builder(result, lang) for name, builder in all_builders().items()},
        "intro": narrative.intro(result, lang),
        "sasaran": narrative.sasaran_sections(result, lang),
        "programs": narrative.program_sections(result, lang),
        "realisasi": narrative.anggaran_sentences(result, lang, audit),
        "audit": audit,
        "bab3": narrative.BAB3[lang],
        "findings": result.findings, "disagreements": result.failed_assertions,
        "charts": Charts(result, lang, charts),
        "stylesheet": Markup(STYLESHEET),
        "narasi": narasi, "lkjip": Lkjip(result, lang),
    }


class Charts:
    """Charts for templates, drawn only when asked for: `charts.capaian` is a PNG `data:` URI.

    `charts.enabled` is false without matplotlib or with --no-charts; `charts.names` lists the
    charts the spec has data for; `charts.caption(name)` is the chart's caption.
    """

    def __init__(self, result: Result, lang: str, enabled: bool):
        self._result, self._lang, self._cache = result, lang, {}
        self.enabled = enabled and _has_matplotlib()
        self.names = _chart_names(result) if self.enabled else []

    def caption(self, name: str) -> str:
        from .charts import caption

        return caption(name, self._lang)

    def __getitem__(self, name: str) -> str:
        if name not in self.names:
            raise KeyError(name)
        if name not in self._cache:
            import base64

            from .charts import png

            data = png(self._result, name, self._lang, title=False)
            self._cache[name] = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
        return self._cache[name]


def _has_matplotlib() -> bool:
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def _chart_names(result: Result) -> list[str]:
    from .charts import available

    return available(result)


# ---- environment ----
def _environment(loader, lang: str, budget: sandbox.Budget):
    return sandbox.environment(loader, budget, {
        "rupiah": lambda value: rupiah(_decimal(value), lang),
        "angka": lambda value, places=None: angka(_decimal(value), places, lang),
        "persen": lambda value: persen(_decimal(value), lang),
        "html_table": _html_table,
        "md_table": _md_table,
    })


def _limit_hint(exc: sandbox.TemplateLimit) -> str:
    value = exc.wanted if exc.wanted is not None else "N"
    return _("if the report really needs more, raise the limit: lkjipdsl render … --limit {name}={value}, "
             "or render_template(…, limits=lkjipdsl.Limits({name}={value}))").format(name=exc.limit, value=value)


def _decimal(value) -> Decimal | None:
    """Numbers as the filters take them: Decimal (the Result's), int, float or a decimal string."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError(_("a boolean is not a number"))
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise TypeError(_("{value} is not a number").format(value=repr(value))) from None


def _html_table(table, heading: str = "h3"):
    from markupsafe import Markup

    from .html import table_html

    return Markup(table_html(table, heading))


def _md_table(table) -> MarkdownText:
    """A table as Markdown: its title in bold, then a GitHub table (indentation kept with no-break
    spaces); the spec's texts in it escaped, the whole written as it is by Markdown templates."""
    from .layout import layout

    rows = [["\u00a0" * 3 * level + markdown_cell(text) for level, text in table.leveled(index)]
            for index in range(len(table.rows))]
    body = layout(rows, [markdown_cell(header) for header in table.headers], table.align, "github")
    return MarkdownText(f"**{markdown_inline(table.title)}**\n\n{body}\n")


# ---- finding the template, reporting its problems ----
def _resolve(template: str):
    """(loader, name to load, path to show in messages) for a built-in name or a template file."""
    from jinja2 import ChoiceLoader, PrefixLoader

    builtin = _Loader(str(BUILTIN))
    if "/" not in template and os.sep not in template and template in builtin_names():
        return ChoiceLoader([builtin, PrefixLoader({"builtin": builtin})]), template, str(BUILTIN / template)
    path = Path(template)
    if not path.is_file():
        hints = [did_you_mean(template, builtin_names())
                 or _("built-in templates: {names}").format(names=", ".join(builtin_names()))]
        message = _("no template '{name}': not a built-in name and no such file").format(name=template)
        raise TemplateProblem(Diagnostic("T001", Severity.ERROR, message, None, tuple(hints)), {}, 2)
    own = _Loader(str(path.resolve().parent))
    return ChoiceLoader([own, PrefixLoader({"builtin": builtin})]), path.name, template


@functools.cache
def _loader_class():
    from jinja2 import FileSystemLoader, TemplateNotFound

    class Loader(FileSystemLoader):
        """A FileSystemLoader that refuses hidden files and remembers every source it read."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sources: dict[str, str] = {}

        def get_source(self, environment, template):
            if any(part.startswith(".") for part in template.replace("\\", "/").split("/")):
                raise TemplateNotFound(template)
            source, filename, uptodate = super().get_source(environment, template)
            # a symlink must not lead out of the folder the loader serves
            real = os.path.realpath(filename)
            if not any(os.path.commonpath([real, os.path.realpath(root)]) == os.path.realpath(root)
                       for root in self.searchpath):
                raise TemplateNotFound(template)
            self.sources[filename] = source
            return source, filename, uptodate

    return Loader


def _Loader(path: str):  # noqa: N802 — builds the loader class lazily (jinja2 is imported only when used)
    return _loader_class()(path, encoding="utf-8")


def _problem(sources: dict[str, str], display: str, code: str, message: str, exc: BaseException,
             filename: str | None = None, line: int | None = None, hint: str = "") -> TemplateProblem:
    if filename is None or line is None:
        filename, line = _template_frame(exc, sources) or (filename, line)
    shown = _shown(filename, display)
    text = sources.get(filename or "", "")
    span = _span(shown, text, line, message) if line else None
    return TemplateProblem(Diagnostic(code, Severity.ERROR, message, span, (hint,) if hint else ()),
                           {shown: text} if text else {}, 1)


def _sources(loader) -> dict[str, str]:
    found: dict[str, str] = {}
    for sub in getattr(loader, "loaders", []):
        for inner in [sub, *getattr(sub, "mapping", {}).values()]:
            found.update(getattr(inner, "sources", {}))
    return found


def _template_frame(exc: BaseException, sources: dict[str, str]) -> tuple[str, int] | None:
    """The innermost template file and line in the traceback (jinja2 maps its frames to template lines)."""
    frames = [(f.filename, f.lineno) for f in traceback.extract_tb(exc.__traceback__) if f.filename in sources]
    return frames[-1] if frames else None


def _shown(filename: str | None, display: str) -> str:
    if filename is None or filename == FROM_STRING:
        return display
    if os.path.abspath(filename) == os.path.abspath(display):
        return display
    try:
        relative = os.path.relpath(filename)
    except ValueError:  # another drive (Windows)
        return filename
    return filename if relative.startswith("..") else relative


def _span(file: str, text: str, line: int, message: str) -> Span:
    """The line, with the caret under the name the message quotes when the line contains it."""
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    for name in re.findall(r"'([^']+)'", message):
        match = re.search(rf"\b{re.escape(name)}\b", source_line) if name else None
        if match:
            return Span(file, line, match.start() + 1, line, match.end() + 1)
    start = len(source_line) - len(source_line.lstrip())
    return Span(file, line, start + 1, line, max(len(source_line) + 1, start + 2))


def _undefined_message(exc: BaseException) -> str:
    """jinja2's message for a name or attribute that does not exist, in the planner's language."""
    text = str(exc)
    match = re.fullmatch(r"'([^']*)' is undefined", text)
    if match:
        return _("'{name}' is undefined").format(name=match.group(1))
    match = re.fullmatch(r"'([^']*)' has no attribute '([^']*)'", text)
    if match:
        return _("'{owner}' has no attribute '{name}'").format(owner=match.group(1), name=match.group(2))
    return text


def _undefined_hint(exc: BaseException, values: dict) -> str:
    match = re.match(r"'([A-Za-z_]\w*)' is undefined", str(exc))
    if match:
        return did_you_mean(match.group(1), values) or _("variables: {names}").format(names=", ".join(sorted(values)))
    return ""
