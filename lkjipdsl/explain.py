"""`lkjipdsl explain`: how a value was computed, the formula with numbers, down to its inputs.

The inputs are walked with a stack, not by recursion, so a chain of any length is explained;
what is shown is bounded: MAX_DEPTH levels of inputs below the value asked for (deeper inputs are
counted, with the value to explain next to see them) and MAX_LINES lines in all.
"""

from __future__ import annotations

from .fields import is_money
from .format import persen, rupiah
from .history import PeriodCapaians, at_another_time, period_lines
from .i18n import _, ngettext
from .results import NodeResult, Result

MAX_LINES = 400
MAX_DEPTH = 25


def explain(result: Result, target: str, values: dict | None = None) -> list[str] | None:
    """Lines explaining `ID` (every computed field of the item) or `ID:field`; None if unknown.

    values: every computed value by "item:field" (api.evaluate_explained), for the values at
    another time (IKU1:capaian@2022, IKU1:capaian@periode) that the result does not carry."""
    item_id, _colon, field = target.partition(":")
    node = next((n for n in result.nodes if n.id == item_id), None)
    if node is None:
        return None
    computations = {f"{n.id}:{name}": c for n in result.nodes for name, c in n.computations.items()}
    computations.update(_at_other_times(values or {}))
    names = [field] if field else explained_fields(node, values)
    if field and f"{item_id}:{field}" not in computations:
        return None
    lines = [f"{node.kind} {node.id} — {node.name}"]
    seen: set[str] = set()
    heights: dict[str, int] = {}
    for name in names:
        if not _walk(f"{item_id}:{name}", computations, lines, seen, heights):
            del lines[MAX_LINES:]
            lines.append(_("… cut at {lines} lines; explain one value (ID:FIELD) to see less at a time").format(
                lines=MAX_LINES))
            break
    return lines


def explained_fields(node: NodeResult, values: dict | None = None) -> list[str]:
    """The computed (not given) fields of a node that `explain` shows, its values at other times after."""
    names = [name for name, c in node.computations.items() if c.formula != "masukan"]
    prefix = node.id + ":"
    names += [graph_key[len(prefix):] for graph_key, c in _at_other_times(values or {}).items()
              if graph_key.startswith(prefix) and c.formula != "masukan"]
    return names


def _at_other_times(values: dict) -> dict:
    return {graph_key: c for graph_key, c in values.items()
            if at_another_time(graph_key.rpartition(":")[2]) and c.formula != "tidak diisi"}


def _walk(root: str, computations, lines: list[str], seen: set[str], heights: dict[str, int]) -> bool:
    """Append the lines of root and its inputs, depth first (each input's own inputs before the
    next input); an input already shown is shown again without its inputs. False when the lines
    went past MAX_LINES."""
    stack = [(root, 1)]
    while stack:
        key, depth = stack.pop()
        _lines_of(key, computations.get(key), "  " * depth, lines)
        if len(lines) > MAX_LINES:
            return False
        c = computations.get(key)
        if c is None or c.formula == "masukan" or key in seen:
            continue
        seen.add(key)
        if depth >= MAX_DEPTH and c.inputs:
            below = _height(key, computations, heights) - 1
            more = ngettext("… {levels} more level of inputs below (explain {key} to go on from here)",
                            "… {levels} more levels of inputs below (explain {key} to go on from here)", below)
            lines.append("  " * depth + "  " + more.format(levels=below, key=key))
            continue
        stack.extend((dep, depth + 1) for dep in reversed(c.inputs))
    return True


def _lines_of(key: str, c, pad: str, lines: list[str]) -> None:
    if c is None:
        lines.append(pad + _("{key}: (missing)").format(key=key))
        return
    if c.formula == "masukan":
        lines.append(pad + _("{key} = {value} (input)").format(key=key, value=c.substituted))
        return
    field = key.rpartition(":")[2].partition("@")[0]
    if isinstance(c.value, PeriodCapaians):  # every period's capaian
        lines.append(f"{pad}{key}")
        lines.append(f"{pad}  " + _("formula: {formula}").format(formula=c.formula))
        lines.extend(f"{pad}  {line}" for line in period_lines(c))
        return
    value = rupiah(c.value) if is_money(field, on_budget=c.formula.startswith("jumlah")) \
        else persen(c.value) if c.value is not None else "-"
    lines.append(f"{pad}{key} = {value}")
    lines.append(f"{pad}  " + _("formula: {formula}").format(formula=c.formula))
    if c.substituted and c.substituted != "-":
        lines.append(f"{pad}  = {c.substituted}")
    if c.note:
        lines.append(f"{pad}  " + _("note: {note}").format(note=c.note))


def _height(root: str, computations, heights: dict[str, int]) -> int:
    """The levels of root and the inputs under it (1 for a value without inputs), each value's
    counted once across calls: without recursion, and safe should the inputs ever loop."""
    stack = [(root, False)]
    entered: set[str] = set()
    while stack:
        key, inputs_done = stack.pop()
        if key in heights:
            continue
        c = computations.get(key)
        inputs = [dep for dep in c.inputs if dep in computations] if c is not None and c.formula != "masukan" else []
        if inputs_done:
            heights[key] = 1 + max((heights.get(dep, 0) for dep in inputs), default=0)
        elif key not in entered:
            entered.add(key)
            stack.append((key, True))
            stack.extend((dep, False) for dep in inputs if dep not in heights)
    return heights[root]
