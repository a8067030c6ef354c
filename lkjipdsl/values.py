"""Computed values by "item:field": what the evaluation graph produced, read by the result builders."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .rules import Computed


def decimal(values, item_id: str, name: str) -> Decimal | None:
    """The value of `item_id:name` when it is a number (None when missing, '-' or not a number)."""
    computed = values.get(f"{item_id}:{name}")
    return computed.value if computed is not None and isinstance(computed.value, Decimal) else None


class Values(dict):
    """Computed values by "item:field", in the graph's definition order; `of_item` reads the
    graph's index of keys by item (built once per graph shape, not a scan per item)."""

    __slots__ = ("_by_item",)

    def __init__(self, by_item: Callable[[], dict[str, list[str]]]):
        super().__init__()
        self._by_item = by_item  # graph.Structure.by_item: {item id: [keys]}

    def of_item(self, item_id: str) -> list[tuple[str, Computed]]:
        return [(graph_key.rpartition(":")[2], self[graph_key]) for graph_key in self._by_item().get(item_id, ())]
