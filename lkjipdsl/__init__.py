"""lkjipdsl: a declarative language and rules engine for LKjIP performance reports.

Public API (stable; see docs/api.md):
    load(path) / loads(text) -> LoadedSpec      parse, build and check
    evaluate(loaded) -> Result                  compute every value exactly
    Limits(...)                                 bounds on the work a spec may cause (limits= of the three)
    Session(file).update(text) -> Result        evaluate again after an edit, redoing only what it reaches
    Result, NodeResult, ...                     frozen result records (lkjipdsl.results)
"""

from .api import LoadedSpec, SpecError, evaluate, load, loads
from .diagnostics import Diagnostic, Severity, Span
from .limits import Limits
from .session import Session, SessionStats
from .results import (
    AssertionResult, Computation, DiagnosticResult, Finding, NodeResult, Predikat, Result, json_schema,
)

__version__ = "0.1.0"

__all__ = [
    "load", "loads", "evaluate", "LoadedSpec", "SpecError", "Diagnostic", "Severity", "Span", "Limits", "Session",
    "SessionStats",
    "Result", "NodeResult", "AssertionResult", "Computation", "DiagnosticResult", "Finding", "Predikat",
    "json_schema", "__version__",
]
