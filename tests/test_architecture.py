"""The shape of the package (ARCHITECTURE.md): no import circles, and the stages of a spec's way
through it — syntax → build → checks → graph → evaluate (rules) → assemble → renderers — import
only what comes before them, never a later stage or a sibling's helpers."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lkjipdsl"


def imports() -> dict[str, set[str]]:
    """module → the package's modules it imports (inside functions too)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module
                found = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
                edges[name].update(m for m in (found or [target]) if m in modules and m != name)
            elif isinstance(node, ast.Import):
                edges[name].update(a.name for a in node.names if a.name in modules)
    return edges


def test_no_import_circles():
    edges = imports()
    done: set[str] = set()

    def walk(start: str) -> None:
        path, on_path, stack = [start], {start}, [iter(sorted(edges[start]))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                left = path.pop()
                done.add(left)
                on_path.discard(left)
                stack.pop()
                continue
            assert following not in on_path, " → ".join(path[path.index(following):] + [following])
            if following not in done:
                path.append(following)
                on_path.add(following)
                stack.append(iter(sorted(edges[following])))

    for module in sorted(edges):
        if module not in done:
            walk(module)


# each stage, and the modules it may not import (later stages)
STAGES = ["lkjipdsl.syntax", "lkjipdsl.build", "lkjipdsl.checks", "lkjipdsl.graph", "lkjipdsl.evaluate",
          "lkjipdsl.assemble", "lkjipdsl.render", "lkjipdsl.cli"]


def test_a_stage_never_imports_a_later_one():
    edges = imports()

    def stage(module: str) -> int | None:
        return next((i for i, s in enumerate(STAGES) if module == s or module.startswith(s + ".")), None)

    backwards = sorted((module, target) for module, targets in edges.items() for target in targets
                       if stage(module) is not None and stage(target) is not None and stage(target) > stage(module))
    assert backwards == []
