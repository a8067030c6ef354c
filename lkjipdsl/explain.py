"""`lkjipdsl explain`: how a value was computed, the formula with numbers, down to its inputs."""

from __future__ import annotations

from .fields import MONEY_FIELDS
from .format import persen, rupiah
from .results import Result

MAX_LINES = 400


def explain(result: Result, target: str) -> list[str] | None:
    """Lines explaining `ID` (every computed field of the item) or `ID:field`; None if unknown."""
    item_id, _, field = target.partition(":")
    node = next((n for n in result.nodes if n.id == item_id), None)
    if node is None:
        return None
    computations = {f"{n.id}:{name}": c for n in result.nodes for name, c in n.computations.items()}
    names = [field] if field else [name for name, c in node.computations.items() if c.formula != "masukan"]
    if field and f"{item_id}:{field}" not in computations:
        return None
    lines = [f"{node.kind} {node.id} — {node.name}"]
    seen: set[str] = set()
    for name in names:
        _walk(f"{item_id}:{name}", computations, lines, 1, seen)
    return lines[:MAX_LINES]


def _walk(key: str, computations, lines: list[str], depth: int, seen: set[str]) -> None:
    c = computations.get(key)
    pad = "  " * depth
    if c is None:
        lines.append(f"{pad}{key}: (tidak ada)")
        return
    if c.formula == "masukan":
        lines.append(f"{pad}{key} = {c.substituted} (masukan)")
        return
    field = key.rpartition(":")[2]
    value = rupiah(c.value) if field in MONEY_FIELDS or field == "realisasi" and c.formula.startswith("jumlah") \
        else persen(c.value) if c.value is not None else "-"
    lines.append(f"{pad}{key} = {value}")
    lines.append(f"{pad}  rumus: {c.formula}")
    if c.substituted and c.substituted != "-":
        lines.append(f"{pad}  = {c.substituted}")
    if c.note:
        lines.append(f"{pad}  catatan: {c.note}")
    if key in seen:
        return
    seen.add(key)
    for dep in c.inputs:
        _walk(dep, computations, lines, depth + 1, seen)
