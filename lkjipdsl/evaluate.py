"""Stage 5: run the evaluation graph (lkjipdsl/graph.py) in dependency order, every value by its
rule (lkjipdsl/rules.py); api hands the values to the assembly of the result (lkjipdsl/assemble.py).
With the Memory of an earlier run (lkjipdsl.session), only what an edit reaches is computed again."""

from __future__ import annotations

import heapq
from .records import field, record

from . import limits as limits_module
from . import results as R
from .diagnostics import Diagnostic
from .graph import Graph, GraphNode
from .model import Spec
from .rules import Computed, RuleContext
from .values import Values


@record(slots=True)
class Memory:
    """What one evaluation leaves for the next evaluation of an edited spec (lkjipdsl.session):
    everything by the model object it came from, so that what did not change is taken over."""

    graph: Graph
    computed: Values
    emitted: dict[str, list[Diagnostic]]  # the diagnostics each value's rule reported
    steps: dict[str, int]  # the evaluation steps each value took (max_evaluation_steps)
    # (model object, outcome, the object's line when the outcome was made, whether it is made again
    # every time, the lines the object had moved since at this evaluation): lkjipdsl.assemble.Reuse
    nodes: dict[str, tuple[object, R.NodeResult, int | None, bool, int]] = field(default_factory=dict)
    # by the kind of check (assemble.check_printed's phases), then by owner id
    assertions: dict[str, dict[str, tuple[object, list[R.AssertionResult], int | None, bool, int]]] = field(
        default_factory=dict)
    # by the rule's number, then by item id
    findings: dict[int, dict[str, tuple[object, tuple, int | None, bool, int]]] = field(default_factory=dict)
    computed_count: int = 0  # values computed (not taken over) by this evaluation
    # the index of amounts (assertions.MoneyIndex), and the ids whose values changed since it was made
    money: tuple[object, set[str]] | None = None


def run(spec: Spec, graph: Graph, previous: Memory | None = None, release: bool = False
        ) -> tuple[Values, list[Diagnostic], Memory, set[str] | None]:
    """Compute every value of the spec's graph in dependency order. With `previous` (and a graph
    compiled from its graph), a value is computed again only when its graph node is new or one of
    its inputs changed; a value computed again that comes out the same stops the change there.
    Returns the ids of the items whose values changed.

    release=True: no later evaluation takes over from this one, so the graph's nodes are let go
    (graph.nodes and graph.subgraphs emptied), each as soon as its value is computed."""
    ctx = graph.ctx
    if graph.diagnostics:  # a cycle: its nodes were replaced, compute everything
        previous = None
    memory = Memory(graph, Values(by_item=graph.structure.by_item), {}, {})
    if previous is not None and graph.structure is previous.graph.structure:
        changed = _compute_changes(graph, ctx, previous, memory)
    else:
        changed = _compute_all(graph, ctx, previous, memory, release)
    emitted = memory.emitted
    diagnostics = list(graph.diagnostics)
    if emitted:  # in the order of the graph (the index of positions is made only when needed)
        position = graph.structure.position()
        diagnostics += [d for graph_key in sorted(emitted, key=position.__getitem__) for d in emitted[graph_key]]
    dirty = {graph_key.rpartition(":")[0] for graph_key in changed} if previous is not None else None
    return memory.computed, diagnostics, memory, dirty


def _compute_all(graph: Graph, ctx: RuleContext, previous: Memory | None, memory: Memory,
                 release: bool = False) -> set[str]:
    """Every node in order; with `previous`, nodes and inputs that are the same keep their value."""
    if previous is None:
        return _compute_cold(graph, ctx, memory, release)
    nodes = graph.nodes
    computed: dict[str, Computed] = {}
    old_nodes, old_computed, old_steps = previous.graph.nodes, previous.computed, previous.steps
    changed = set(old_nodes.keys() - nodes.keys())
    budget = limits_module.active_budget()
    for graph_key in graph.order:
        node = nodes[graph_key]
        old = old_computed.get(graph_key)
        # a value that reported something is computed again: its message may name a line
        if (old is not None and old_nodes.get(graph_key) is node and changed.isdisjoint(node.deps)
                and graph_key not in previous.emitted):
            computed[graph_key] = old
            if graph_key in old_steps:
                memory.steps[graph_key] = old_steps[graph_key]
                if budget is not None:
                    budget.charge(old_steps[graph_key], node.span)
            continue
        computed[graph_key] = _compute_one(node, computed, old, ctx, budget, memory, changed)
    memory.computed.update((graph_key, computed[graph_key]) for graph_key in nodes)  # in definition order
    return changed


def _compute_cold(graph: Graph, ctx: RuleContext, memory: Memory, release: bool = False) -> set[str]:
    """Every node in order, nothing to take over: `_compute_one`'s bookkeeping written into the
    loop (a call less for each of the 88 000 values of a 10k spec). No value is told changed:
    without a previous evaluation nothing asks.

    release: each node is taken out of the graph as it is computed, so that the nodes (their rules'
    closures, keys and deps: 10k spec, about 55 MB) shrink while the values grow, and the two are
    never all alive at once."""
    nodes = graph.nodes
    computed: dict[str, Computed] = {}
    budget = limits_module.active_budget()
    diagnostics, emitted, steps = ctx.diagnostics, memory.emitted, memory.steps
    node_of = nodes.__getitem__
    if release:
        graph.structure.by_item()  # read from the graph's keys: made before they go
        graph.subgraphs.clear()  # the nodes again, by block
        definition_order = list(nodes)
        node_of = nodes.pop
        nodes = definition_order
    for graph_key in graph.order:
        reported = len(diagnostics)
        used = budget.used if budget is not None else 0
        computed[graph_key] = node_of(graph_key).compute(computed)
        if len(diagnostics) > reported:
            emitted[graph_key] = diagnostics[reported:]
        if budget is not None and budget.used > used:
            steps[graph_key] = budget.used - used
    memory.computed_count += len(computed)
    memory.computed.update(zip(nodes, map(computed.__getitem__, nodes)))  # in definition order
    return set()


def _compute_changes(graph: Graph, ctx: RuleContext, previous: Memory, memory: Memory) -> set[str]:
    """The same shape as last time: start from the previous values and compute the fresh nodes
    and, in order, whatever their changes reach."""
    nodes, structure = graph.nodes, graph.structure
    position, dependants = structure.position(), structure.dependants(nodes)
    # the previous values taken over as they are and changed in place (no copy of the 98 000 of a
    # 10k spec, which the collector would also walk): an evaluation is taken over once, by the next
    computed = memory.computed = previous.computed
    memory.emitted.update(previous.emitted)
    memory.steps.update(previous.steps)
    changed: set[str] = set()
    # the fresh nodes, and those that reported something (a message may name a line that moved)
    queued = set(graph.fresh).union(graph_key for graph_key in previous.emitted if graph_key in nodes)
    queue = [(position[graph_key], graph_key) for graph_key in queued]
    heapq.heapify(queue)
    budget = limits_module.active_budget()
    while queue:
        _, graph_key = heapq.heappop(queue)
        memory.emitted.pop(graph_key, None)
        memory.steps.pop(graph_key, None)
        computed[graph_key] = _compute_one(nodes[graph_key], computed, computed.get(graph_key), ctx,
                                           budget, memory, changed)
        if graph_key in changed:
            for dependant in dependants.get(graph_key, ()):
                if dependant not in queued:
                    queued.add(dependant)
                    heapq.heappush(queue, (position[dependant], dependant))
    if budget is not None:  # the values taken over count their steps as if computed again
        budget.charge(sum(steps for graph_key, steps in previous.steps.items() if graph_key not in queued), None)
    return changed


def _compute_one(node: GraphNode, values: dict[str, Computed], old: Computed | None, ctx: RuleContext, budget,
                 memory: Memory, changed: set[str]) -> Computed:
    reported = len(ctx.diagnostics)
    used = budget.used if budget is not None else 0
    value = node.compute(values)
    memory.computed_count += 1
    if len(ctx.diagnostics) > reported:
        memory.emitted[node.key] = ctx.diagnostics[reported:]
    if budget is not None and budget.used > used:
        memory.steps[node.key] = budget.used - used
    if old is not None and _same(value, old):
        return old
    changed.add(node.key)
    return value


def _same(a: Computed, b: Computed) -> bool:
    """Equal, and shown the same (Decimal("1.0") == Decimal("1.00") but they print differently)."""
    return a == b and str(a.value) == str(b.value)
