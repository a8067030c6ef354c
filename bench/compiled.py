"""The compiled option, measured: the same source run as Python and compiled with mypyc.

    pip install mypy                          # mypyc comes with it; not a dependency of lkjipdsl
    python bench/compiled.py                  # the 10k spec: pure against compiled (COMPILED)
    python bench/compiled.py --wider          # and a third copy with WIDER compiled
    python bench/compiled.py 1000 --repeat 5 --rounds 3
    python bench/compiled.py --keep /tmp/x    # build the copies there once and keep them

Copies the checkout into a temporary folder, once as it is and once with the modules of COMPILED
compiled by mypyc in place (the shape of sqlglot's optional mypyc build of its pure-Python
source), and measures the copies in the same run, each in fresh processes taken in turn: the
pipeline to JSON schema 2 (`evaluate(loads(text))` written as `eval --format json` writes it,
bench/run.py's figure) and each stage, by CPU time, the best of --repeat in each of --rounds
processes; PyYAML's C loader merely loading the same data is the yardstick, as in bench/run.py.
Prints a table of the stages with the pure against compiled ratios and the ratio end to end.
docs/performance.md ("The compiled option") has the figures and the decision.

mypyc compiles a module only if mypy finds no error in it. The error codes of LENIENT are let
through: places where an annotation is looser than the code (an Optional that is never None
there, a callable kept in a variable of another type), which the compiled code checks at run
time instead. Modules that mypyc cannot compile as they are stay interpreted (SKIPPED, and why).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# the reading (scanner, expressions, numbers), the builder's entry and the evaluation's graph and exact
# arithmetic, and what they call for every token, value and result
COMPILED = [
    "lkjipdsl/syntax/scanner.py",
    "lkjipdsl/syntax/exprscan.py",
    "lkjipdsl/syntax/lexicon.py",
    "lkjipdsl/syntax/prescan.py",
    "lkjipdsl/numbers.py",
    "lkjipdsl/build/__init__.py",
    "lkjipdsl/build/slips.py",
    "lkjipdsl/build/vocabulary.py",
    "lkjipdsl/exact.py",
    "lkjipdsl/format.py",
    "lkjipdsl/graph.py",
    "lkjipdsl/polarity.py",
    "lkjipdsl/history.py",
    "lkjipdsl/values.py",
]
# beyond the scope: what every value and result goes through after the evaluation loop (the
# result's assembly, the assertions and checks, the JSON writer)
WIDER = COMPILED + [
    "lkjipdsl/assemble.py",
    "lkjipdsl/assertions.py",
    "lkjipdsl/amounts.py",
    "lkjipdsl/plausibility.py",
    "lkjipdsl/results_json.py",
]
# the builder's classes (Dispatcher > ValueReader > Declarations > Builder) name their own methods in
# their class bodies (the tables of keys: `"pita": Key(band, ...)`), which a compiled (native)
# class cannot do: its methods are not in the class namespace while the body runs
SKIPPED = {
    "lkjipdsl/build/keys.py": "the base class of ValueReader, which is interpreted (a native class cannot be "
                              "subclassed by an interpreted one)",
    "lkjipdsl/build/values.py": "the base class of Declarations, which is interpreted",
    "lkjipdsl/build/declarations.py": "its class body names its own methods (the tables of keys)",
    "lkjipdsl/build/blocks.py": "its class body names its own methods (the tables of keys)",
    "lkjipdsl/model.py": "its dataclasses hold what their annotations do not say (a Band made without a span "
                         "holds None in `span: Span`), which a compiled dataclass refuses",
    "lkjipdsl/checks.py": "compiled, it meets a tuple where an annotation it trusts says frozenset (a TypeError "
                          "on Seririt)",
    "lkjipdsl/evaluate.py": "the cold loop reuses a variable inferred as a dict (the graph's nodes) for a list "
                            "of their keys, which the compiled code refuses (a TypeError on Seririt)",
    "lkjipdsl/rules.py": "its records are made by lkjipdsl.records, which mypyc does not know for a dataclass: "
                         "it compiles Computed as a non-native class, where a property setter is not supported",
    "lkjipdsl/expr.py": "typeshed says Context.traps is a dict; the C decimal's is a SignalDict, which the "
                        "compiled code refuses",
}
# the codes of mypy's errors in these modules (mypy 2.4)
LENIENT = ["union-attr", "arg-type", "var-annotated", "operator", "assignment", "return-value", "misc",
           "attr-defined", "no-redef", "dict-item", "call-arg", "type-var"]


def mypy_options() -> list[str]:
    options = ["--ignore-missing-imports", "--follow-imports=silent", "--python-version",
               f"{sys.version_info.major}.{sys.version_info.minor}"]
    for code in LENIENT:
        options += ["--disable-error-code", code]
    return options


def copy_checkout(target: Path) -> None:
    """The checkout (package, tests, specs, docs) without its virtualenv and git data, with the
    grammar inside the package as well, where a wheel puts it (lkjipdsl.grammar): run from
    `target` with PYTHONPATH=., this copy is the one imported, and its tests run against it."""
    ignore = shutil.ignore_patterns("__pycache__", "*.so", ".venv", ".git", "*.egg-info", ".pytest_cache",
                                    "results.json")

    def ignored(folder: str, names: list[str]) -> set[str]:
        return ignore(folder, names) | ({"build"} if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, target, ignore=ignored)
    shutil.copytree(ROOT / "grammar", target / "lkjipdsl" / "grammar", ignore=ignore)


def build(target: Path, modules: list[str]) -> float:
    """Compile `modules` of the copy in `target` in place; the seconds it took."""
    import importlib.util

    if importlib.util.find_spec("mypyc") is None:
        raise SystemExit("mypyc is not installed in this environment: pip install mypy")
    setup = target / "setup_compiled.py"
    setup.write_text(
        "from setuptools import setup\nfrom mypyc.build import mypycify\n"
        f"setup(name='lkjipdsl-compiled', py_modules=[], ext_modules=mypycify({mypy_options() + modules!r}, "
        "opt_level='3'))\n", encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, setup.name, "build_ext", "--inplace"], cwd=target,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mypyc failed:\n{done.stdout[-6000:]}\n{done.stderr[-6000:]}")
    return time.perf_counter() - started


def stages(path: Path, repeat: int) -> dict[str, float]:
    """CPU time of each stage of the 10k spec, best of `repeat`, as bench/run.py measures them."""
    from run import best_of_both, raised_limits

    from lkjipdsl import build as build_stage
    from lkjipdsl import checks
    from lkjipdsl import limits as limits_module
    from lkjipdsl.api import evaluate_spec
    from lkjipdsl.graph import build_graph
    from lkjipdsl.render.text import write_json
    from lkjipdsl.syntax import prescan, scan_in_parts

    def cpu(fn) -> float:
        return best_of_both(fn, repeat)[1]

    text = path.read_text(encoding="utf-8")
    limits = raised_limits()
    out: dict[str, float] = {}
    with limits_module.using(limits), limits_module.counting(limits):
        out["prescan"] = cpu(lambda: prescan(text, str(path), limits, deep=False))
        out["parse"] = cpu(lambda: scan_in_parts(text, str(path)))
        statements = scan_in_parts(text, str(path))
        out["build"] = cpu(lambda: build_stage.build(statements, str(path)))
        spec, _ = build_stage.build(statements, str(path))
        statements = None
        out["check"] = cpu(lambda: checks.run_checks(spec))
        out["evaluate"] = cpu(lambda: evaluate_spec(spec, [], build_graph(spec)))
        result = evaluate_spec(spec, [], build_graph(spec))
        spec = None
        with open(os.devnull, "wb") as sink:
            out["json"] = cpu(lambda: write_json(result, sink))
    return out


def compiled_modules() -> list[str]:
    """The modules of lkjipdsl imported in this process from an extension module (mypyc's)."""
    return sorted(name for name, module in sys.modules.items()
                  if name.startswith("lkjipdsl") and str(getattr(module, "__file__", "")).endswith(".so"))


def measure(what: str, path: Path, repeat: int) -> dict:
    from run import baselines, pipeline

    if what == "pipeline":
        figures = pipeline(path, repeat)
    elif what == "stages":
        figures = stages(path, repeat)
    else:
        figures = baselines(path.with_suffix(".yaml"), path.with_suffix(".json"), repeat)
    import lkjipdsl

    return {**figures, "compiled_modules": compiled_modules(),
            "imported_from": str(Path(lkjipdsl.__file__).resolve().parent.parent)}


def in_copy(copy: Path, what: str, path: Path, repeat: int) -> dict:
    """`measure` in a fresh process that imports lkjipdsl from `copy`."""
    environment = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, __file__, "--measure", what, str(path), str(repeat)], cwd=copy,
                          env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout)


def best(runs: list[dict]) -> dict[str, float]:
    keys = [key for key, value in runs[0].items() if isinstance(value, float)]
    return {key: min(run[key] for run in runs) for key in keys}


def main(size: int, repeat: int, rounds: int, keep: Path | None, wider: bool) -> None:
    import compileall

    from generate import write_all
    from run import FOLDER

    folder = keep or Path(tempfile.mkdtemp(prefix="lkj-compiled-"))
    copies = {"pure": (folder / "pure", []), "compiled": (folder / "compiled", COMPILED)}
    if wider:
        copies["wider"] = (folder / "compiled-wider", WIDER)
    for copy, modules in copies.values():
        if not (copy / "lkjipdsl").exists():
            copy_checkout(copy)
        if modules and not any((copy / "lkjipdsl").glob("*.so")):
            print(f"mypyc: {len(modules)} modules compiled in {build(copy, modules):.0f} s", flush=True)
        compileall.compile_dir(str(copy / "lkjipdsl"), quiet=1)
    path = write_all(size, FOLDER)["lkj"]
    mb = path.stat().st_size / 1e6
    runs: dict[str, dict[str, list[dict]]] = {name: {} for name in copies}
    for _ in range(rounds):  # the copies in turn, so that a change of load falls on each alike
        for what in ("pipeline", "stages"):
            for name, (copy, _) in copies.items():
                runs[name].setdefault(what, []).append(in_copy(copy, what, path, repeat))
    yardstick = in_copy(copies["pure"][0], "baselines", path, repeat)
    figures = {name: {**best(by["pipeline"]), **best(by["stages"])} for name, by in runs.items()}
    load = os.getloadavg()
    print(f"{size} sub kegiatan ({mb:.2f} MB), CPU time, best of {repeat} in each of {rounds} processes per copy; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    for name in copies:
        if name != "pure":
            modules = runs[name]["pipeline"][0]["compiled_modules"]
            print(f"{name}: {len(modules)} modules compiled "
                  f"({', '.join(m.removeprefix('lkjipdsl.') for m in modules)})")
    compiled_names = [name for name in copies if name != "pure"]
    print("| stage | pure | " + " | ".join(f"{name} | pure / {name}" for name in compiled_names) + " |")
    print("|---|---|" + "---|---|" * len(compiled_names))
    for key in ("prescan", "parse", "build", "check", "evaluate", "json", "pipeline_json_cpu"):
        label = "pipeline to JSON" if key == "pipeline_json_cpu" else key
        pure = figures["pure"][key]
        cells = " | ".join(f"{figures[name][key]:.3f} s | {pure / figures[name][key]:.2f}x" for name in compiled_names)
        print(f"| {label} | {pure:.3f} s | {cells} |")
    yaml_cpu = yardstick["yaml_cload_cpu"]
    print(f"PyYAML's C loader, merely loading: {yaml_cpu:.3f} s; the pipeline against it: " + ", ".join(
        f"{name} {yaml_cpu / figures[name]['pipeline_json_cpu']:.2f}x" for name in copies))
    for name in compiled_names:
        ratio = figures["pure"]["pipeline_json_cpu"] / figures[name]["pipeline_json_cpu"]
        print(f"end to end, {name} against pure: {ratio:.2f}x (the rule for adopting it: >= 1.5x)")
    if keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:  # in a copy, in a fresh process (in_copy)
        what, spec, times = sys.argv[2:5]
        print(json.dumps(measure(what, Path(spec), int(times))))
        raise SystemExit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=10000, help="sub kegiatan (bench/generate.py)")
    parser.add_argument("--repeat", type=int, default=3, help="runs in each process, the best taken")
    parser.add_argument("--rounds", type=int, default=2, help="processes for each copy, taken in turn")
    parser.add_argument("--wider", action="store_true", help="also a copy with WIDER compiled, beyond the "
                        "scanner, the builder and the evaluation loop")
    parser.add_argument("--keep", type=Path, help="build the copies here and keep them (built once)")
    arguments = parser.parse_args()
    main(arguments.size, arguments.repeat, arguments.rounds, arguments.keep, arguments.wider)
