"""Hostile report templates: each asks for unbounded work (memory, time) from the sandbox.

    python bench/hostile_templates.py [--timeout SECONDS] [--memory MB] [NAME …]

`cases()` gives (name, template text) pairs. A template is written to a file `hostile.md` and
rendered with `command(path)`, i.e. `lkjipdsl render examples/dua-polaritas.lkj --template PATH
--no-charts`; `bench/hostile.py` imports them. Run alone, this module renders each case in a fresh
process and prints its wall time, its peak resident memory and its exit status; every case must end
with a T-code diagnostic (exit 1, T006–T008) in about a second, within 300 MB (the output limit,
64 MB, is the largest a rendering holds).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SPEC = Path(__file__).resolve().parent.parent / "examples" / "dua-polaritas.lkj"


def cases() -> list[tuple[str, str]]:
    return [
        ("template: center(1 500 000 000)", '{{ "x"|center(1500000000) }}'),
        ("template: ~ doubling a namespace text 40 times",
         '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}'
         "{{ ns.s|length }}"),
        ("template: 10 000 x 10 000 nested loops",
         "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}"),
        ("template: ((9**99)**99)**99 ...", "{{ ((((9 ** 99) ** 99) ** 99) ** 99) % 10 }}"),
        ("template: an int squared 30 times",
         "{% set ns = namespace(n=9 ** 99) %}{% for i in range(30) %}{% set ns.n = ns.n * ns.n %}{% endfor %}"
         "{{ ns.n % 10 }}"),
        ("template: format width 1 000 000 000", '{{ "%01000000000d"|format(1) }}'),
        ("template: str.format width 1 000 000 000", '{{ "{:>1000000000}".format(1) }}'),
        ("template: indent(1 000 000 000)", '{{ "a\\nb"|indent(1000000000) }}'),
        ("template: replace each character of 1 000 000 by 1 000 000",
         '{% set s = "x" * 1000000 %}{{ s|replace("x", s)|length }}'),
        ("template: join 100 000 items with a 1 000 000 separator",
         '{{ range(100000)|join("y" * 1000000)|length }}'),
        ("template: 300 000 format fields, each a 1 000 000 text",
         '{% set s = "x" * 1000000 %}{{ ("{0}" * 300000).format(s)|length }}'),
        ("template: a macro calling itself twice, 40 deep",
         "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"),
        ("template: 1 000 x 1 000 loop iterations, each writing 1 000 000 characters into a block",
         '{% set s = "x" * 1000000 %}{% set t %}{% for i in range(1000) %}{% for j in range(1000) %}{{ s }}'
         '{% endfor %}{% endfor %}{% endset %}'
         "{{ t|length }}"),
        ("template: 1 000 x 1 000 comparisons with a 1 000 000-character text",
         '{% set s = "x" * 1000000 %}{% for i in range(1000) %}{% for j in range(1000) %}'
         '{% if "y" in s %}{% endif %}{% endfor %}{% endfor %}'),
        ("template: lipsum(100 000 000)", "{{ lipsum(100000000)|length }}"),
        ("template: batch(1 000 000 000)", "{{ [1]|batch(1000000000, 0)|list|length }}"),
        ("template: translate each character of 1 000 000 into 1 000 000",
         '{% set s = "x" * 1000000 %}{{ s.translate({120: s})|length }}'),
        ("template: output 1 000 000 x 1 000 characters of text",
         "{% for i in range(1000) %}{% for j in range(1000) %}" + "x" * 1000 + "{% endfor %}{% endfor %}"),
    ]


def command(template: str, python: str = sys.executable) -> list[str]:
    """The command that renders a template file (the example spec, no charts)."""
    return [python, "-c", "import sys; from lkjipdsl.cli import main; sys.exit(main(sys.argv[1:]))",
            "render", str(SPEC), "--template", template, "--no-charts", "-o", os.devnull]


# run in a process of its own, so that RUSAGE_CHILDREN is the peak of the one command measured; the
# command's address space is capped, so that a case that would take all memory fails early instead
_RUNNER = """
import resource, subprocess, sys, time
cap = int(sys.argv[2]) * 1024 * 1024
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
started = time.perf_counter()
try:
    status = subprocess.run(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            timeout=float(sys.argv[1]), preexec_fn=limit)
    code = str(status.returncode)
    last = (status.stderr.strip().splitlines() or [""])[0]
except subprocess.TimeoutExpired:
    code, last = "timeout", ""
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
print(last)
"""


def measure(text: str, timeout: float, memory_mb: int) -> tuple[float, float, str, str]:
    """(seconds, peak MB, exit status or 'timeout', first line of standard error) of one case."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "hostile.md")
        Path(path).write_text(text, encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", _RUNNER, str(timeout), str(memory_mb), *command(path)],
                             capture_output=True, text=True).stdout.splitlines()
    seconds, peak, status = out[0].split()
    return float(seconds), int(peak) / 1024, status, out[1] if len(out) > 1 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--memory", type=int, default=8192, help="address space cap per case, in MB")
    parser.add_argument("names", nargs="*", help="run only the cases whose name contains one of these")
    options = parser.parse_args()
    for name, text in cases():
        if options.names and not any(n in name for n in options.names):
            continue
        seconds, peak, status, first = measure(text, options.timeout, options.memory)
        print(f"{seconds:8.2f} s {peak:8.1f} MB  exit {status:7}  {name}\n{'':30}{first[:110]}", flush=True)


if __name__ == "__main__":
    main()
