"""Running one hostile case as the command runs it: wall time, peak memory, exit status.

Shared by bench/hostile.py and the case modules (hostile_meaning.py, hostile_exports.py) when
they run alone. Each case runs in a process of its own, started by a small runner process, so
that RUSAGE_CHILDREN is the peak of that one command.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

_RUNNER = """
import resource, subprocess, sys, time
started = time.perf_counter()
try:
    status = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            timeout=float(sys.argv[1])).returncode
except subprocess.TimeoutExpired:
    status = "timeout"
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)
"""
_COMMAND = "import sys; from lkjipdsl.cli import main; sys.exit(main(sys.argv[1:]))"


def measure(files: dict[str, bytes], argv: list[str], timeout: float) -> tuple[float, float, str]:
    """(seconds, peak MB, exit status or 'timeout') of `lkjipdsl ARGV`, the files written first into
    a fresh folder (the command's working folder); `{name}` in argv is the path of the file `name`."""
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, data in files.items():
            paths[name] = os.path.join(folder, name)
            with open(paths[name], "wb") as handle:
                handle.write(data)
        args = []
        for arg in argv:
            for name, path in paths.items():
                arg = arg.replace("{" + name + "}", path)
            args.append(arg)
        command = [sys.executable, "-c", _COMMAND, *args]
        out = subprocess.run([sys.executable, "-c", _RUNNER, str(timeout), *command], capture_output=True,
                             text=True, cwd=folder).stdout.split()
    return float(out[0]), int(out[1]) / 1024, out[2]


def spec_case(text: str, argv: list[str]) -> tuple[dict[str, bytes], list[str]]:
    """A case of a spec text with "{spec}" in argv standing for its path."""
    return {"spec.lkj": text.encode("utf-8")}, [a.replace("{spec}", "{spec.lkj}") for a in argv]


def main(cases, description: str, timeout: float = 60) -> None:
    """Run (name, spec text, argv) cases, printing time, peak memory, exit status and size of each."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--timeout", type=float, default=timeout)
    parser.add_argument("names", nargs="*", help="run only the cases whose name contains one of these")
    options = parser.parse_args()
    for name, text, argv in cases():
        if options.names and not any(n in name for n in options.names):
            continue
        seconds, peak, status = measure(*spec_case(text, argv), options.timeout)
        size = len(text.encode("utf-8")) / 1024
        print(f"{seconds:8.2f} s {peak:8.1f} MB  exit {status:7}  {size:7.0f} KB  {name}", flush=True)
