"""The evaluation graph (lkjipdsl/graph.py): every value a node keyed "item:field" with the keys
it depends on, ordered dependencies first, cycles found with their path, without recursion."""

from __future__ import annotations

import inspect
import sys
from contextlib import contextmanager

from lkjipdsl.graph import GraphNode, _topological


class CountingNodes(dict):
    """The graph's nodes, counting every lookup the ordering makes."""

    lookups = 0

    def __getitem__(self, key):
        CountingNodes.lookups += 1
        return super().__getitem__(key)

    def __contains__(self, key):
        CountingNodes.lookups += 1
        return super().__contains__(key)


def test_ordering_is_linear_and_without_recursion_however_many_cycles():
    nodes = CountingNodes()
    for i in range(5_000):  # 5 000 two-item cycles, each hanging from a chain of 20 000
        nodes[f"A{i}"] = GraphNode(f"A{i}", [f"B{i}"], None, None)
        nodes[f"B{i}"] = GraphNode(f"B{i}", [f"A{i}", f"C{i}"], None, None)
    for i in range(20_000):
        nodes[f"C{i}"] = GraphNode(f"C{i}", [f"C{i + 1}"] if i + 1 < 20_000 else [], None, None)
    edges = sum(len(n.deps) for n in nodes.values())
    CountingNodes.lookups = 0
    with recursion_headroom(50):
        order, cycles = _topological(nodes)
    assert CountingNodes.lookups <= 2 * (len(nodes) + edges)
    assert cycles == [[f"A{i}", f"B{i}", f"A{i}"] for i in range(5_000)]
    position = {key: index for index, key in enumerate(order)}
    assert len(order) == len(nodes) == len(position)
    broken = {key for cycle in cycles for key in cycle}
    for node in nodes.values():  # dependencies first, except the cycles' own edges (they are broken)
        if node.key not in broken:
            assert all(position[dep] < position[node.key] for dep in node.deps)


@contextmanager
def recursion_headroom(frames: int):
    """Only `frames` more Python frames than the caller's: a walk that recursed per item fails."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
