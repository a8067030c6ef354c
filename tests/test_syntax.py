"""The syntax package (lkjipdsl/syntax/): one entry, no import circles, tokens where they stand."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from lkjipdsl import syntax
from lkjipdsl.diagnostics import Span

PACKAGE = Path(syntax.__file__).parent
SOURCES = PACKAGE.parent
# what other stages take from inside the package, besides its entry (lkjipdsl.syntax)
PUBLIC_MODULES = {"tree", "lossless", "characters", "lexicon"}


def _imports(path: Path, package: str) -> set[str]:
    """The lkjipdsl modules a module imports, as dotted names."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                found.add(candidate if _is_module(module, alias.name) else module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("lkjipdsl")}


def _is_module(package: str, name: str) -> bool:
    """Whether `from package import name` takes a module (`syntax.prescan` is the entry's function)."""
    try:
        return inspect.ismodule(getattr(importlib.import_module(package), name, None))
    except ImportError:
        return False


def _module(path: Path) -> str:
    parts = path.relative_to(SOURCES.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_module_of_the_package_imports_its_entry_or_forms_a_circle():
    modules = {_module(path): path for path in PACKAGE.glob("*.py")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {target for target in _imports(path, package) if target in modules}
    entry = "lkjipdsl.syntax"
    assert not [name for name, targets in graph.items() if entry in targets], "only other stages use the entry"

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(target == goal or (target not in seen and reaches(target, goal, seen | {target}))
                   for target in graph[start])

    assert not [name for name in graph if reaches(name, name, {name})]


def test_other_stages_take_the_entry_and_the_public_modules_only():
    inside = {_module(path) for path in PACKAGE.glob("*.py")}
    for path in SOURCES.rglob("*.py"):
        if path.parent == PACKAGE:
            continue
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        taken = {target.rpartition(".")[2] for target in _imports(path, package) if target in inside}
        assert taken <= PUBLIC_MODULES | {"syntax"}, (path.name, taken - PUBLIC_MODULES)


def test_a_minus_is_where_its_token_stands():
    """The full parser takes the position of a '-' from its token, across line continuations too."""
    (attr,), problems = syntax.parse_with_lark("a 1 \\\n  - 2\n", "t.lkj")
    assert not problems
    assert attr.atoms[1].span == Span("t.lkj", 2, 3, 2, 4)
    (rumus,), problems = syntax.parse_with_lark("rumus - \\\n   x\n", "t.lkj")
    assert not problems
    assert rumus.expr.span == Span("t.lkj", 1, 7, 2, 5)
    assert rumus.source.startswith("-")
    for parse in (syntax.parse_expression, syntax.parse_expression_with_lark):
        negation = parse("2 - -(x)", "t.lkj", 4, 9).right
        assert negation.span == Span("t.lkj", 4, 13, 4, 17)
