"""The benchmark scripts keep working (run once, on small inputs); no timing is asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_startup_benchmark_runs_once():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "startup.py"), "1"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ("python -c pass", "eval --format json", "check", "import lkjipdsl.cli", "packages imported"):
        assert label in done.stdout, done.stdout
