"""The public Python API's core, and the only module that chains the stages (the API's rendering
is lkjipdsl.reports, its number formatting lkjipdsl.format.format_value).

    import lkjipdsl
    spec = lkjipdsl.load("specs/seririt-2023.lkj")     # parse + build + check
    result = lkjipdsl.evaluate(spec)                   # → lkjipdsl.Result (frozen records)
    result.node("1.2").serapan                         # Decimal('99.37…')
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable
from .records import field, record

from . import build as build_stage
from . import checks, i18n, notation, plausibility, syntax
from . import memo as memo_module
from . import graph as graph_stage
from . import limits as limits_module
from .diagnostics import Diagnostic, Severity, Span, did_you_mean, error, os_reason, shown_path, sort_key
from . import evaluate as evaluate_stage
from .assemble import NodeSink, Reuse, assemble
from .graph import Graph
from .i18n import N_, _, ngettext
from .limits import Limits, LimitExceeded
from .build import BlockCache
from .memo import ItemMemo
from .model import Spec
from .syntax import PartCache
from .results import Result

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

MAX_FILE_BYTES = Limits().max_file_bytes  # kept for callers of the old constant; see lkjipdsl.Limits


@record
class LoadedSpec:
    """A parsed and checked spec, with every diagnostic found on the way and its source text."""

    spec: Spec
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str = ""
    limits: Limits = field(default_factory=Limits)
    # the evaluation graph, when loading built it (for the cycle check): taken by the evaluation
    # that follows, which builds its own otherwise (lkjipdsl/graph.py)
    graph: Graph | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def sources(self) -> dict[str, str]:
        return {self.spec.file: self.source}


class SpecError(Exception):
    """Raised with strict=True by `load`, `loads` and `evaluate` when a spec has errors (and by
    `render_report`, `write_report` for a result with nothing to render). Its message lists the
    first SHOWN errors as `lkjipdsl check` prints them, in the language in force; `diagnostics`
    keeps every diagnostic, `errors` the errors among them."""

    SHOWN = 3

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        self.errors = [d for d in self.diagnostics if d.is_error]
        count = len(self.errors)
        lines = [ngettext("{count} error in the spec:", "{count} errors in the spec:", count).format(count=count)]
        lines += ["  " + str(d).replace("\n", "\n  ") for d in self.errors[:self.SHOWN]]
        if count > self.SHOWN:
            lines.append("  " + ngettext("… and {count} more error", "… and {count} more errors",
                                         count - self.SHOWN).format(count=count - self.SHOWN))
        super().__init__("\n".join(lines))


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector: a large spec makes millions of small acyclic objects,
    and the collector rescanning them made parsing quadratic (3 MB/s at 9 MB instead of 7)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def loads(text: str, file: str = "<spec>", only_checks: list[str] | None = None,
          limits: Limits | None = None, *, strict: bool = False) -> LoadedSpec:
    """Parse, build and check spec text. Never raises for bad input: see `.diagnostics`; with
    strict=True a spec with errors raises SpecError (its message lists the first errors).

    `limits` bounds the work (lkjipdsl.Limits; the defaults when None): each limit exceeded is one
    diagnostic that names it and says how to raise it. Arguments of the wrong type (bytes for the
    text, None) raise TypeError: they are the caller's mistake, not the spec's.
    """
    _check_text("loads", text)
    _check_options("loads", file, only_checks, limits)
    return _strictly(loads_with(text, file, only_checks, limits), strict)


def _strictly(loaded: LoadedSpec, strict: bool) -> LoadedSpec:
    if strict and not loaded.ok:
        raise SpecError(loaded.diagnostics)
    return loaded


def loads_with(text: str, file: str, only_checks: list[str] | None = None, limits: Limits | None = None,
               parts: PartCache | None = None, blocks: BlockCache | None = None,
               build_graph: Callable[[Spec], Graph] | None = None, memo: ItemMemo | None = None) -> LoadedSpec:
    """`loads`, keeping parsed parts, built blocks and what the checks found for each model object in
    `parts`, `blocks` and `memo`, and building the evaluation graph with `build_graph`: what
    lkjipdsl.session needs."""
    limits = limits or Limits()
    text = text.removeprefix("\ufeff")  # a byte order mark further on is E015
    source = text
    graph = _GraphOnce(build_graph or graph_stage.build_graph)
    with limits_module.using(limits), gc_paused():
        try:
            diagnostics, spec, source = _load_text(text, file, only_checks, limits, parts, blocks, graph, memo)
        except RecursionError:
            spec, diagnostics = Spec(file=file), [_too_deep()]
        except Exception as exc:  # a bug: never a traceback for the user, but a diagnostic to report
            spec, diagnostics = Spec(file=file), [internal_error(exc, file)]
    # fixed at this text's lines: a PartSpan follows its part into the next text of a Session
    loaded = LoadedSpec(spec, sorted([d.fixed() for d in diagnostics], key=sort_key), source, limits)
    if loaded.ok:  # else nothing will evaluate it
        loaded.graph = graph.built
    return loaded


class _GraphOnce:
    """The spec's evaluation graph, built when a check first asks for it."""

    __slots__ = ("build", "built")

    def __init__(self, build: Callable[[Spec], Graph]):
        self.build, self.built = build, None

    def of(self, spec: Spec) -> Graph:
        if self.built is None:
            self.built = self.build(spec)
        return self.built


def _load_text(text: str, file: str, only_checks, limits: Limits, parts: PartCache | None = None,
               blocks: BlockCache | None = None, graph: _GraphOnce | None = None, memo: ItemMemo | None = None
               ) -> tuple[list[Diagnostic], Spec, str]:
    """(diagnostics, spec, source): source is the text positions refer to (line breaks made '\\n').

    `parts` and `blocks` keep parsed parts and built blocks between runs (lkjipdsl.session);
    `graph` builds the evaluation graph when the cycle check needs it, and keeps it."""
    scan = (parts.prescan(text, file, limits) if parts is not None  # an edit: only what changed is looked at
            else syntax.prescan(text, file, limits, deep=False))
    if scan.fatal:
        return scan.diagnostics, Spec(file=file), scan.source
    # partial: a syntax error dropped statements, so a key missing may be among them (a warning drops none)
    dropped = any(d.is_error for d in scan.diagnostics)
    built = _build_part_by_part(scan.text, file, dropped) if parts is None and blocks is None else None
    if built is not None:
        spec, build_diagnostics, warnings = built
        diagnostics = scan.diagnostics + build_diagnostics + warnings
    else:
        try:
            statements = parts.parse(scan.text, file) if parts is not None else None
            diagnostics: list[Diagnostic] = []
            if statements is None:
                statements, diagnostics, fatal = _parse(scan.text, file, limits)
                if fatal:
                    return scan.diagnostics + diagnostics, Spec(file=file), scan.source
        except RecursionError:
            statements, diagnostics = (), [_too_deep()]
        diagnostics = scan.diagnostics + diagnostics
        spec, build_diagnostics = build_stage.build(statements, file, partial=any(d.is_error for d in diagnostics),
                                                    cache=blocks)
        diagnostics = diagnostics + build_diagnostics + notation.warnings(statements, scan.text)
    if not any(d.code.startswith("E00") or d.code == "E014" for d in diagnostics):
        graph = graph or _GraphOnce(graph_stage.build_graph)
        with memo_module.using(memo, (i18n.language(), spec.convention)):
            diagnostics += checks.run_checks(spec, only_checks, on_graph={
                "cycles": lambda spec: graph_stage.check_cycles(spec, lambda: graph.of(spec))})
    return syntax.unsilenced(diagnostics, scan.source), spec, scan.source


def _build_part_by_part(text: str, file: str, partial: bool) -> tuple[Spec, list[Diagnostic], list[Diagnostic]] | None:
    """(spec, the build's diagnostics, the notation warnings) of a well-formed text, each top-level
    part built as soon as it is read and its syntax tree let go before the next is read (10k spec:
    the trees of all parts were about 80 MB at the peak of loading, beside the model). None when the
    scanner does not read the text part by part: then it is read whole, the ordinary way, which
    reports what is wrong (what this built is dropped)."""
    try:
        reader = syntax.PartByPart(text, file, build_stage.EARLY_WORDS)
        walker = notation.Walker(reader.early, text)
        parts = reader.statements()

        def statements():
            for part in parts:
                walker.walk(part)
                yield from part

        spec, diagnostics = build_stage.build(statements(), file, partial, early=reader.early)
        for part in parts:  # those after a build stopped by max_errors: still read, for their warnings and limits
            walker.walk(part)
    except (syntax.Fallback, RecursionError):
        return None
    return spec, diagnostics, walker.found


def _parse(text: str, file: str, limits: Limits) -> tuple[tuple, list[Diagnostic], bool]:
    """(statements, diagnostics, fatal): syntax.parse, with the parser guards of `limits` run
    before any text goes to Lark (a guard's diagnostic is fatal)."""
    refused: list[Diagnostic] = []

    def guard(rest: str) -> list[Diagnostic]:
        refused.extend(syntax.deep_checks(rest, file, limits))
        return refused

    statements, diagnostics = syntax.parse(text, file, guard)
    return statements, diagnostics, bool(refused)


def _too_deep() -> Diagnostic:
    return error("E006", _("the file is nested too deeply to read"), None,
                 _("blocks or parentheses nested hundreds of levels deep, or an expression of hundreds of "
                   "terms in a row"), limits_module.how_to_raise("max_nesting_depth"))


def internal_error(exc: BaseException, file: str) -> Diagnostic:
    """A bug in lkjipdsl met on the way: reported as a diagnostic (E099), never as a traceback."""
    import traceback

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    problem = f"{type(exc).__name__}: {str(exc)[:200]}"
    if frame:
        message = _("internal error in {place}: {problem}").format(
            place=f"{os.path.basename(frame.filename)}:{frame.lineno}", problem=problem)
    else:
        message = _("internal error: {problem}").format(problem=problem)
    return error("E099", message, None,
                 _("this is a bug in lkjipdsl, not in {file}; please report it together with the spec").format(
                     file=file))


def load(path: str | os.PathLike, only_checks: list[str] | None = None, limits: Limits | None = None, *,
         strict: bool = False) -> LoadedSpec:
    """Read a .lkj file (UTF-8) and `loads` it. Unreadable files become diagnostics (with
    strict=True, like any error, a SpecError).

    The spec's `file` (and every diagnostic's) is the path as it may be shown: bytes that are not
    UTF-8 and control characters in the name are U+FFFD (`lkjipdsl.diagnostics.shown_path`)."""
    if not isinstance(path, (str, bytes, os.PathLike)):
        text_hint = "; for the spec's text use loads(text)" if isinstance(path, (bytearray, memoryview)) else ""
        raise TypeError(f"load() takes the path of a .lkj file (str or os.PathLike), not {type(path).__name__}"
                        + text_hint)
    _check_options("load", "<spec>", only_checks, limits)
    limits = limits or Limits()
    text = read_text(path, limits)
    if isinstance(text, LoadedSpec):
        return _strictly(text, strict)
    return loads(text, shown_path(path), only_checks, limits, strict=strict)


def read_text(path: str | os.PathLike, limits: Limits) -> str | LoadedSpec:
    """The file's text; or, when it cannot be read (missing, not a regular file, too large, not
    UTF-8), a LoadedSpec that says why."""
    name = os.fspath(path)
    shown = shown_path(name)
    try:
        raw = _read_regular_file(name, limits)
        if isinstance(raw, int):  # the size of a file over the limit
            return _failed(shown, limits_module.file_too_large(shown, raw, limits), limits)
    except _NotRegular as exc:
        return _failed(shown, error("E008", _(_NOT_REGULAR[exc.kind]).format(file=shown), None,
                                    _("save the spec as a .lkj file and name that file")), limits)
    except OSError as exc:
        hint = ""
        if isinstance(exc, FileNotFoundError):
            folder = os.path.dirname(name) or "."
            with contextlib.suppress(OSError):
                hint = did_you_mean(os.path.basename(shown), [shown_path(n) for n in os.listdir(folder)])
        elif isinstance(exc, IsADirectoryError):
            hint = _("name a .lkj file, not a folder")
        message = _("cannot read '{file}': {reason}").format(file=shown, reason=os_reason(exc))
        return _failed(shown, error("E008", message, None, hint), limits)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # the source shown under the caret: the bytes as far as they go
        failed = _failed(shown, _not_utf8(shown, raw, exc), limits)
        if not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            failed.source = raw.decode("utf-8", errors="replace")
        return failed


class _NotRegular(OSError):
    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind  # "fifo", "device" or "socket"


_NOT_REGULAR = {
    "fifo": N_("cannot read '{file}': it is a FIFO (named pipe), not a file"),
    "device": N_("cannot read '{file}': it is a device, not a file"),
    "socket": N_("cannot read '{file}': it is a socket, not a file"),
}


def _read_regular_file(name: str, limits: Limits) -> bytes | int:
    """The bytes of a regular file, or its size when that is over the limit. A FIFO or a device is
    refused, not read: opening is non-blocking, so a FIFO nobody writes to cannot make a run hang."""
    import stat

    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular("fifo" if stat.S_ISFIFO(info.st_mode) else
                              "device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                              "socket")
        if info.st_size > limits.max_file_bytes:
            return info.st_size
        chunks, wanted = [], limits.max_file_bytes + 1
        while wanted > 0:
            chunk = os.read(fd, min(wanted, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        raw = b"".join(chunks)
    finally:
        os.close(fd)
    if len(raw) > limits.max_file_bytes:  # a file that grew while being read
        return len(raw)
    return raw


def _not_utf8(name: str, raw: bytes, exc: UnicodeDecodeError) -> Diagnostic:
    """E009: names the encoding problem and the byte offset (never a text read with mojibake)."""
    hint = _("save the file as UTF-8")
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        hint = _("the file is UTF-32; save it as UTF-8")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        hint = _("the file is UTF-16; save it as UTF-8")
    elif _is_cp1252(raw):
        hint = _("the file looks like Windows-1252 (Latin-1), as older Word and Excel save it; "
                 "save it as UTF-8 (in Excel: \"CSV UTF-8\"; in Notepad: Save as, Encoding UTF-8)")
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    column = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
    span = Span.point(name, raw.count(b"\n", 0, exc.start) + 1, column)
    reason = _(_DECODING[exc.reason]) if exc.reason in _DECODING else exc.reason
    return error("E009", _("the file is not valid UTF-8: byte {byte} at offset {offset} ({reason})").format(
        byte=f"0x{raw[exc.start]:02x}", offset=exc.start, reason=reason), span, hint)


# Python's reasons for bytes that are not UTF-8 (UnicodeDecodeError.reason)
_DECODING = {
    "invalid start byte": N_("invalid start byte"),
    "invalid continuation byte": N_("invalid continuation byte"),
    "unexpected end of data": N_("unexpected end of data"),
}


def _is_cp1252(raw: bytes) -> bool:
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not any("\x80" <= c <= "\x9f" for c in text)


def _failed(name: str, diagnostic: Diagnostic, limits: Limits) -> LoadedSpec:
    return LoadedSpec(Spec(file=name), [diagnostic], "", limits)


def evaluate(loaded: LoadedSpec | Spec, strict: bool = False, limits: Limits | None = None, *,
             computations: bool = False) -> Result:
    """Evaluate a loaded spec. Diagnostics from loading are carried into the result.

    With strict=True a spec with errors raises SpecError instead of evaluating what it can.
    `limits` defaults to the limits the spec was loaded with. A limit exceeded during evaluation
    (max_evaluation_steps) stops it: the result carries that diagnostic and no values.
    computations=True: every node carries how each of its values was computed (`computations`:
    formula, the numbers put in, inputs), as `explain` and a `Session` always do.
    """
    if not isinstance(loaded, (LoadedSpec, Spec)):
        raise TypeError(f"evaluate() takes what load() or loads() returned (a LoadedSpec), not "
                        f"{type(loaded).__name__}" + ("; load the text first: evaluate(loads(text))"
                                                      if isinstance(loaded, (str, bytes)) else ""))
    _check_options("evaluate", "<spec>", None, limits)
    if computations:
        return evaluate_with(loaded, evaluate_spec, strict, limits)
    return evaluate_with(loaded, lambda spec, diagnostics, graph: evaluate_spec(
        spec, diagnostics, graph, computations=False), strict, limits)


def evaluate_to(loaded: LoadedSpec | Spec, file: BinaryIO, strict: bool = False, limits: Limits | None = None, *,
                computations: bool = False, indent: int | None = 2) -> Result:
    """`evaluate`, writing the result's JSON to `file` (opened in binary mode) as it is computed:
    byte for byte `result.model_dump_json(indent=indent)`, but the nodes are written as they are
    made and never held all at once. Returns the result without its nodes (assertions, findings,
    diagnostics, scales); a spec that did not evaluate (errors, a limit) is written whole."""
    from .results_json import NodeStream

    if not isinstance(loaded, (LoadedSpec, Spec)):
        return evaluate(loaded)  # raises its TypeError
    _check_options("evaluate_to", "<spec>", None, limits)
    stream = NodeStream(file, indent)
    result = evaluate_with(loaded, lambda spec, diagnostics, graph: evaluate_spec(
        spec, diagnostics, graph, computations=computations, sink=stream), strict, limits)
    stream.finish(result)
    return result


def evaluate_spec(spec: Spec, diagnostics: list[Diagnostic], graph: Graph, computations: bool = True,
                  sink: NodeSink | None = None) -> Result:
    """The spec's result, its values computed on `graph` (graph.build_graph). With `sink`, the
    nodes are handed to it as they are made and the result returned has none."""
    return evaluate_again(spec, diagnostics, graph, None, keep_graph=False, computations=computations, sink=sink)[0]


def evaluate_again(spec: Spec, diagnostics: list[Diagnostic], graph: Graph, previous: evaluate_stage.Memory | None,
                   keep_graph: bool = True, computations: bool = True,
                   sink: NodeSink | None = None, moved: bool = True) -> tuple[Result, evaluate_stage.Memory]:
    """Evaluate, taking over from `previous` (the evaluation of an earlier version of this spec
    with the same settings) whatever the changes do not reach. The result equals a cold one.
    keep_graph=False: no later evaluation will take over from this one, so the graph's nodes are
    let go once the values are computed, before the result is built (10k spec: 57 MB less at the
    peak; the nodes' closures form cycles that only the collector, paused here, would free).
    computations=False leaves each node's `computations` empty (what `evaluate` gives by default).
    moved=False: no part of the text moved since `previous` (see assemble.Reuse)."""
    values, eval_diagnostics, memory, dirty = evaluate_stage.run(spec, graph, previous, release=not keep_graph)
    if not keep_graph:
        graph.structure.by_item()  # the index of values by item is read from the nodes' keys: made first
        graph.nodes.clear()
        graph.subgraphs.clear()
    # a result streamed to a sink is not taken over by a later evaluation: its nodes are not kept
    reuse = Reuse(previous, dirty, memory, keep_nodes=sink is None, moved=moved)
    known = {(d.code, d.span, d.message) for d in diagnostics}
    diagnostics = diagnostics + [d for d in eval_diagnostics if (d.code, d.span, d.message) not in known]
    return assemble(spec, values, diagnostics, reuse, computations, sink), memory




def evaluate_explained(loaded: LoadedSpec | Spec, limits: Limits | None = None) -> tuple[Result, dict]:
    """`evaluate`, and every value it computed by "item:field" (rules.Computed), also those the
    result of schema 1 leaves out of `computations` (an earlier year's, the periods'): what
    `lkjipdsl explain` shows."""
    values: dict = {}

    def run(spec: Spec, diagnostics: list[Diagnostic], graph: Graph) -> Result:
        result, memory = evaluate_again(spec, diagnostics, graph, None, keep_graph=False)
        values.update(memory.computed)
        return result

    return evaluate_with(loaded, run, limits=limits), values


def _check_text(function: str, text) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"{function}() takes the spec's text as str, not {type(text).__name__}; decode it first "
                        "(data.decode('utf-8')) or use load(path)")
    raise TypeError(f"{function}() takes the spec's text as str, not {type(text).__name__}")


def _check_options(function: str, file, only_checks, limits) -> None:
    if not isinstance(file, str):
        raise TypeError(f"{function}() takes the file name shown in diagnostics as str, not {type(file).__name__}")
    if only_checks is not None and (not isinstance(only_checks, (list, tuple, set, frozenset))
                                    or not all(isinstance(name, str) for name in only_checks)):
        raise TypeError(f"{function}() takes only_checks as a list of check names (str), not {only_checks!r:.60}")
    if limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"{function}() takes limits as lkjipdsl.Limits, not {type(limits).__name__}; "
                        "e.g. limits=lkjipdsl.Limits(max_file_bytes=16_000_000)")


def evaluate_with(loaded: LoadedSpec | Spec, run: Callable[[Spec, list[Diagnostic], Graph], Result],
                  strict: bool = False, limits: Limits | None = None,
                  build_graph: Callable[[Spec], Graph] | None = None, memo: ItemMemo | None = None) -> Result:
    """`evaluate`, with `run` doing the evaluation proper on the spec's graph: the one loading
    built, else one `build_graph` builds (lkjipdsl.session's runs and builds incrementally, and
    keeps the plausibility warnings of each node result in `memo`)."""
    if isinstance(loaded, Spec):
        loaded = LoadedSpec(loaded, [])
    if strict and not loaded.ok:
        raise SpecError(loaded.diagnostics)
    if not loaded.ok:
        return _diagnostics_only(loaded, loaded.diagnostics)
    limits = limits or loaded.limits
    # taken, not shared: an evaluation lets go of the graph's nodes once it has the values, and a
    # second evaluation of the same LoadedSpec builds its own
    graph, loaded.graph = loaded.graph, None
    with limits_module.using(limits), limits_module.counting(limits), gc_paused():
        try:
            if graph is None:
                graph = (build_graph or graph_stage.build_graph)(loaded.spec)
            result = run(loaded.spec, loaded.diagnostics, graph)
            with memo_module.using(memo, (i18n.language(), loaded.spec.convention)):
                return plausibility.with_warnings(result, loaded.spec, loaded.source)
        except LimitExceeded as exc:
            problem = exc.diagnostic
        except RecursionError:
            problem = _too_deep()
        except Exception as exc:  # a bug: a diagnostic, never a traceback
            problem = internal_error(exc, loaded.spec.file)
    result = _diagnostics_only(loaded, [*loaded.diagnostics, problem])
    if strict:
        raise SpecError(loaded.diagnostics + [problem])
    return result


def _diagnostics_only(loaded: LoadedSpec, diagnostics: list[Diagnostic]) -> Result:
    from .assemble import diagnostic_result
    from .results import SpecInfo

    return Result(spec=SpecInfo(file=loaded.spec.file), diagnostics=[diagnostic_result(d) for d in diagnostics])


# The package's `evaluate` is this function (its API, imported when first asked for: lkjipdsl/__init__.py);
# importing the module lkjipdsl.evaluate above made the package's attribute of that name the module.
sys.modules[__package__].evaluate = evaluate
