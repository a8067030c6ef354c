"""Golden files: compare rendered output with a file under tests/golden/, regenerate on purpose.

Regenerate with:  LKJIPDSL_UPDATE_GOLDEN=1 python -m pytest tests/test_seririt.py
and review the diff (git diff tests/golden) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LKJIPDSL_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with LKJIPDSL_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        import difflib

        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", "actual", n=1))
        raise AssertionError(f"output differs from golden/{name}:\n{diff[:6000]}")
