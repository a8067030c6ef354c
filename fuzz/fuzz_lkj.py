#!/usr/bin/env python
"""Coverage-guided fuzzing of lkjipdsl with atheris (libFuzzer), for long runs.

    pip install -e ".[fuzz]"
    python fuzz/fuzz_lkj.py --seed                       # fill fuzz/corpus from examples, docs, tests
    python fuzz/fuzz_lkj.py fuzz/corpus -dict=fuzz/lkj.dict -max_len=8192 -timeout=20 \\
        -rss_limit_mb=3072 -max_total_time=600

Every input goes through tests/fuzz_support.run_pipeline, the oracle the hypothesis tests use
(load → check → evaluate → render, positions inside the file, no E099, JSON round trip, no
input slower than LKJIPDSL_FUZZ_SLOW seconds), and here also through the exports: xlsx, docx,
the built-in templates, and the charts for every 25th input (LKJIPDSL_FUZZ_EXPORTS=0 leaves
them out, LKJIPDSL_FUZZ_CHARTS_EVERY sets how often). A failing input is written to fuzz/failures/
with its traceback and the run goes on (set LKJIPDSL_FUZZ_STOP=1 to stop at the first, as
libFuzzer does by default). Copy each failure into tests/fuzz_corpus/ once it is fixed: the
normal test suite runs every file there.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))

FAILURES = os.path.join(HERE, "failures")
STOP = os.environ.get("LKJIPDSL_FUZZ_STOP") == "1"
_seen: set[str] = set()
_stats = {"inputs": 0, "failures": 0, "distinct": 0}


def seed(corpus: str) -> int:
    """Write small seeds: every example, every spec of the docs and of the tests, the broken corpus."""
    import re

    os.makedirs(corpus, exist_ok=True)
    texts: list[str] = []
    for folder in ("examples", "tests/broken", "tests/fuzz_corpus"):
        path = os.path.join(ROOT, folder)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".lkj"):
                    with open(os.path.join(path, name), encoding="utf-8", errors="replace") as handle:
                        texts.append(handle.read())
    with open(os.path.join(ROOT, "docs", "language.md"), encoding="utf-8") as handle:
        doc = handle.read()
    texts += [m.group(2) for m in re.finditer(r"^```(lkj(?:-error)?)[^\n]*\n(.*?)^```", doc, re.M | re.S)]
    try:
        from test_bad_input import CASES

        texts += [c.text for c in CASES]
    except ImportError:
        pass
    count = 0
    for text in texts:
        data = text.encode("utf-8")
        if len(data) <= 8192:
            name = hashlib.sha1(data).hexdigest()[:16]
            with open(os.path.join(corpus, name), "wb") as handle:
                handle.write(data)
            count += 1
    return count


def test_one_input(data: bytes) -> None:
    from fuzz_support import run_pipeline

    _stats["inputs"] += 1
    if _stats["inputs"] % 20000 == 0:
        _report()
    try:
        run_pipeline(data, render_rich=True)
    except Exception as exc:  # a bug: keep the input, go on (or stop)
        if STOP:
            raise
        _record(data, exc)


def _record(data: bytes, exc: BaseException) -> None:
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    signature = f"{type(exc).__name__}:{last.filename if last else ''}:{last.lineno if last else ''}"
    if type(exc).__name__ == "FuzzFailure":
        signature = f"FuzzFailure:{str(exc)[:60]}"
    _stats["failures"] += 1
    if signature in _seen:
        return
    _seen.add(signature)
    _stats["distinct"] += 1
    os.makedirs(FAILURES, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(FAILURES, name + ".lkj"), "wb") as handle:
        handle.write(data)
    with open(os.path.join(FAILURES, name + ".txt"), "w", encoding="utf-8") as handle:
        handle.write(signature + "\n\n" + "".join(traceback.format_exception(exc)))
    print(f"\n=== failure {_stats['distinct']}: {signature} -> fuzz/failures/{name}.lkj", file=sys.stderr, flush=True)


def _report() -> None:
    print(f"\nlkjipdsl fuzz: {_stats['inputs']} inputs, {_stats['failures']} failing, "
          f"{_stats['distinct']} distinct failures (fuzz/failures/)", file=sys.stderr, flush=True)


def main() -> None:
    if "--seed" in sys.argv:
        print(f"{seed(os.path.join(HERE, 'corpus'))} seeds written to fuzz/corpus")
        return
    import atheris

    os.environ.setdefault("LKJIPDSL_FUZZ_EXPORTS", "1")  # the renderers too: xlsx, docx, templates, charts
    with atheris.instrument_imports(include=["lkjipdsl", "lark"]):
        import lkjipdsl  # noqa: F401
        import lkjipdsl.render.docx  # noqa: F401
        import lkjipdsl.render.formats  # noqa: F401
        import lkjipdsl.render.tables  # noqa: F401
        import lkjipdsl.render.templating  # noqa: F401
        import lkjipdsl.render.xlsx  # noqa: F401

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
