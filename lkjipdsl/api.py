"""The public Python API: the only module that chains the stages.

    import lkjipdsl
    spec = lkjipdsl.load("specs/seririt-2023.lkj")     # parse + build + check
    result = lkjipdsl.evaluate(spec)                   # → lkjipdsl.Result (pydantic)
    result.node("1.2").capaian_anggaran                # Decimal('99.37…')
"""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass, field

from . import build as build_stage
from . import checks, syntax
from .diagnostics import Diagnostic, Severity, Span, did_you_mean, error, sort_key
from .evaluate import evaluate_spec
from .model import Spec
from .results import Result
import contextlib

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class LoadedSpec:
    """A parsed and checked spec, with every diagnostic found on the way and its source text."""

    spec: Spec
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str = ""

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def sources(self) -> dict[str, str]:
        return {self.spec.file: self.source}


class SpecError(Exception):
    """Raised by `evaluate(..., strict=True)` when a spec has errors; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{sum(d.is_error for d in diagnostics)} error(s) in the spec")
        self.diagnostics = diagnostics


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector: a large spec makes millions of small acyclic objects,
    and the collector rescanning them made parsing quadratic (3 MB/s at 9 MB instead of 7)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def loads(text: str, file: str = "<spec>", only_checks: list[str] | None = None) -> LoadedSpec:
    """Parse, build and check spec text. Never raises for bad input: see `.diagnostics`."""
    with _gc_paused():
        return _loads(text, file, only_checks)


def _loads(text: str, file: str, only_checks: list[str] | None) -> LoadedSpec:
    text = text.lstrip("\ufeff")
    try:
        statements, diagnostics = syntax.parse(text, file)
    except RecursionError:
        statements, diagnostics = (), [error("E006", "the file is nested too deeply to read", None,
                                             "blocks or parentheses nested hundreds of levels deep, "
                                             "or an expression of thousands of terms")]
    spec, build_diagnostics = build_stage.build(statements, file, partial=bool(diagnostics))
    diagnostics = diagnostics + build_diagnostics
    if not any(d.code.startswith("E00") for d in diagnostics):
        diagnostics += checks.run_checks(spec, only_checks)
    return LoadedSpec(spec, sorted(diagnostics, key=sort_key), text)


def load(path: str | os.PathLike, only_checks: list[str] | None = None) -> LoadedSpec:
    """Read a .lkj file (UTF-8) and `loads` it. Unreadable files become diagnostics."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_FILE_BYTES:
            return _failed(name, "E007", f"the file is {size} bytes; the limit is {MAX_FILE_BYTES}",
                           "split the spec or raise lkjipdsl.api.MAX_FILE_BYTES")
        with open(name, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        hint = ""
        if isinstance(exc, FileNotFoundError):
            folder = os.path.dirname(name) or "."
            with contextlib.suppress(OSError):
                hint = did_you_mean(os.path.basename(name), os.listdir(folder))
        return _failed(name, "E008", f"cannot read '{name}': {exc.strerror or exc}", hint)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = "save the file as UTF-8"
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = "the file is UTF-16; save it as UTF-8"
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        span = Span.point(name, raw.count(b"\n", 0, exc.start) + 1, column)
        return _failed(name, "E009", f"the file is not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset "
                       f"{exc.start} ({exc.reason})", hint, span)
    return loads(text, name, only_checks)


def _failed(name: str, code: str, message: str, hint: str, span: Span | None = None) -> LoadedSpec:
    return LoadedSpec(Spec(file=name), [error(code, message, span, hint)], "")


def evaluate(loaded: LoadedSpec | Spec, strict: bool = False) -> Result:
    """Evaluate a loaded spec. Diagnostics from loading are carried into the result.

    With strict=True a spec with errors raises SpecError instead of evaluating what it can.
    """
    with _gc_paused():
        return _evaluate(loaded, strict)


def _evaluate(loaded: LoadedSpec | Spec, strict: bool) -> Result:
    if isinstance(loaded, Spec):
        loaded = LoadedSpec(loaded, [])
    if strict and not loaded.ok:
        raise SpecError(loaded.diagnostics)
    if not loaded.ok:
        from .evaluate import diagnostic_result
        from .results import SpecInfo
        diagnostics = [diagnostic_result(d) for d in loaded.diagnostics]
        return Result(spec=SpecInfo(file=loaded.spec.file), diagnostics=diagnostics)
    return evaluate_spec(loaded.spec, loaded.diagnostics)
