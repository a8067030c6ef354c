"""Stage 4: the typed spec → an evaluation graph (a DAG of values), cycles reported with their path.

Every value is a node keyed "item:field" (e.g. "1.2:serapan", "IKU1:capaian") with the keys it
depends on and a rule (lkjipdsl/rules.py) that computes it from them. Inputs are nodes too.
"""

from __future__ import annotations

from collections import Counter

from .records import field, record
from collections.abc import Callable

from . import expr as expressions
from . import history, rules
from .diagnostics import Diagnostic, Span, error
from .fields import TOTAL_ID
from .i18n import _
from .model import BudgetNode, Indikator, Limits, Number, Sasaran, Spec


def key(item_id: str, field_name: str) -> str:
    return f"{item_id}:{field_name}"


@record(slots=True)
class GraphNode:
    key: str
    deps: list[str]
    compute: Callable  # (values: dict[str, Computed]) -> Computed
    span: Span | None
    cycle_hint: str = ""


class Structure:
    """The shape of a graph: its order and the indexes derived from it, built when first needed
    and shared by the next version of the graph when an edit changed no edge (lkjipdsl.session)."""

    __slots__ = ("order", "_position", "_dependants", "_by_item", "_keys")

    def __init__(self, order: list[str], keys):
        self.order = order
        self._keys = keys  # the graph's keys in definition order
        self._position: dict[str, int] | None = None
        self._dependants: dict[str, list[str]] | None = None
        self._by_item: dict[str, list[str]] | None = None

    def position(self) -> dict[str, int]:
        if self._position is None:
            self._position = {graph_key: index for index, graph_key in enumerate(self.order)}
        return self._position

    def dependants(self, nodes: dict[str, GraphNode]) -> dict[str, list[str]]:
        if self._dependants is None:
            dependants: dict[str, list[str]] = {}
            for node in nodes.values():
                for dep in node.deps:
                    dependants.setdefault(dep, []).append(node.key)
            self._dependants = dependants
        return self._dependants

    def by_item(self) -> dict[str, list[str]]:
        """item id → its keys, in definition order."""
        if self._by_item is None:
            by_item: dict[str, list[str]] = {}
            for graph_key in self._keys:
                by_item.setdefault(graph_key.rpartition(":")[0], []).append(graph_key)
            self._by_item = by_item
        return self._by_item


@record(slots=True)
class Graph:
    nodes: dict[str, GraphNode] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # the nodes each sasaran, program and dokumen block compiled to, by the block's model object: an
    # incremental compile (lkjipdsl.session) takes them over for the blocks that did not change
    subgraphs: dict[int, tuple[object, dict[str, GraphNode]]] = field(default_factory=dict)
    fresh: list[str] = field(default_factory=list)  # keys of the nodes compiled now, not taken over
    structure: Structure | None = None
    ctx: rules.RuleContext | None = None  # what the nodes' rules read and report to

    def add(self, node: GraphNode) -> None:
        self.nodes[node.key] = node

    @property
    def order(self) -> list[str]:
        """Dependencies before dependants."""
        return self.structure.order if self.structure is not None else []


def build_graph(spec: Spec) -> Graph:
    """The spec's graph, compiled afresh."""
    return compile_spec(spec, rules.RuleContext(spec))


def check_cycles(spec: Spec, graph_of: Callable[[], Graph]) -> list[Diagnostic]:
    """The values form a DAG: a rumus may not depend on itself, directly or through others.
    `graph_of` gives the spec's graph (built when first asked for, by api): its cycles were found
    while ordering it."""
    # Only a rumus can name another value; without one the graph is a tree of sums and ratios.
    if not (spec.summaries or any(s.rumus for s in spec.sasaran) or any(i.rumus for i in spec.indikator())):
        return []
    return graph_of().diagnostics


def compile_spec(spec: Spec, ctx: rules.RuleContext, reuse: Graph | None = None) -> Graph:
    """The spec's graph. With `reuse` (the graph of an earlier version of the spec, compiled with
    the same ctx), the nodes of sasaran, program and dokumen blocks whose model objects are unchanged are
    taken over as they are, so that the evaluation can tell what changed by identity."""
    graph = Graph()
    previous = reuse.subgraphs if reuse is not None else {}
    for sasaran in spec.sasaran:
        _block(graph, sasaran, previous, lambda g, s=sasaran: _sasaran_block(g, s, ctx))
    for program in spec.programs:
        _block(graph, program, previous, lambda g, p=program: _budget(g, p, ctx))
    for document in spec.documents:
        _block(graph, document, previous, lambda g, d=document: _document(g, d, ctx))
    whole = graph
    graph = Graph()  # the rest is compiled afresh every time: it is small and reads the whole spec
    _total(graph, TOTAL_ID, spec.programs, spec.span, ctx)
    _counts(graph, spec)
    sasaran = [s.id for s in spec.sasaran]
    graph.add(GraphNode(key(TOTAL_ID, "capaian_kinerja"), [key(s, "capaian") for s in sasaran],
                        lambda v: rules.mean_children("capaian", sasaran, v, "capaian_kinerja"), spec.span))
    for summary in spec.summaries:
        if summary.rumus is not None:
            _expression_node(graph, summary.id, "nilai", summary.rumus, own_fields=False, children=[], ctx=ctx,
                             limits=(Limits(), Limits()))
    whole.nodes.update(graph.nodes)
    whole.fresh.extend(graph.nodes)
    whole.ctx = ctx
    _order(whole, reuse)
    return whole


def _block(graph: Graph, owner, previous: dict, compile_into: Callable[[Graph], None]) -> None:
    taken = previous.get(id(owner))
    if taken is not None and taken[0] is owner:
        nodes = taken[1]
    else:
        part = Graph()
        compile_into(part)
        nodes = part.nodes
        graph.fresh.extend(nodes)
    graph.nodes.update(nodes)
    graph.subgraphs[id(owner)] = (owner, nodes)


def _document(graph: Graph, document, ctx) -> None:
    for program in document.programs:
        _budget(graph, program, ctx)
    _total(graph, document.id, document.programs, document.span, ctx)
    if document.jenis == "renstra":
        _against_renstra(graph, document)


def _sasaran_block(graph: Graph, sasaran: Sasaran, ctx) -> None:
    for item in sasaran.indikator:
        _indikator(graph, item, ctx)
    _sasaran(graph, sasaran, ctx)


def _input(graph: Graph, item_id: str, name: str, number: Number | None, label: str) -> None:
    graph.add(GraphNode(key(item_id, name), [], lambda v, n=number, f=name, t=label: rules.given(f, n, t),
                        number.span if number else None))


def _indikator(graph: Graph, item: Indikator, ctx) -> None:
    periods = item.periods
    for name in ("target", "realisasi"):
        number = getattr(item, name)
        if number is None and periods is not None:
            graph.add(GraphNode(key(item.id, name), [],
                                lambda v, p=periods, f=name: history.combine_periods(p, f), periods.span))
        else:
            _input(graph, item.id, name, number, name)
            if number is not None and periods is not None:  # checked against the periods' (assertions.py)
                at = f"{name}{history.AT}{history.PERIODS}"
                graph.add(GraphNode(key(item.id, at), [],
                                    lambda v, p=periods, f=name, a=at: history.combine_periods(p, f, a), periods.span))
    _earlier_indikator(graph, item, ctx)
    if periods is not None:
        at = f"capaian{history.AT}{history.PERIODS}"
        graph.add(GraphNode(key(item.id, at), [],
                            lambda v, p=periods, a=at: history.period_capaian(p, item.polaritas, a, item, ctx),
                            periods.span))
    _input(graph, item.id, "target_atas", item.target_atas, "batas atas target")
    _input(graph, item.id, "bobot", item.bobot, "bobot")
    if item.rumus is not None:
        _expression_node(graph, item.id, "capaian", item.rumus, own_fields=True, children=[], ctx=ctx,
                         limits=(item.limits, ctx.spec.limits))
    else:
        deps = [key(item.id, n) for n in ("target", "target_atas", "realisasi")]
        graph.add(GraphNode(key(item.id, "capaian"), deps,
                            lambda v, i=item: rules.capaian_indikator(i, v, ctx), item.span))
    _against_renstra_target(graph, item, ctx)


def _against_renstra_target(graph: Graph, item: Indikator, ctx) -> None:
    """This year's realisasi against the Renstra's end-of-period target (BAB III (c))."""
    end = history.renstra_end(item, ctx.spec.renstra_period)
    if end is None:
        return
    target = end.values["target"]
    _input(graph, item.id, "target_renstra", target, "target Renstra")
    graph.add(GraphNode(key(item.id, "capaian_renstra"), [key(item.id, "target_renstra"), key(item.id, "realisasi")],
                        lambda v, t=target: history.capaian_renstra(item, t, v, ctx), end.span))


def _earlier_indikator(graph: Graph, item: Indikator, ctx) -> None:
    for entry, when in zip(item.riwayat, history.earlier_years(item.riwayat)):
        for name in ("target", "realisasi"):
            _input(graph, item.id, f"{name}{history.AT}{when}", entry.values.get(name), f"{name} {entry.year}")
        graph.add(GraphNode(key(item.id, f"capaian{history.AT}{when}"),
                            [key(item.id, f"target{history.AT}{when}"), key(item.id, f"realisasi{history.AT}{when}")],
                            lambda v, e=entry, w=when: history.capaian_earlier(item, e, w, v, ctx), entry.span))


def _earlier_budget(graph: Graph, node: BudgetNode) -> None:
    for entry, when in zip(node.riwayat, history.earlier_years(node.riwayat)):
        _input(graph, node.id, f"anggaran{history.AT}{when}", history.first_of(entry, history.BUDGET_EARLIER_PAGU),
               f"anggaran {entry.year}")
        _input(graph, node.id, f"realisasi{history.AT}{when}", entry.values.get("realisasi"),
               f"realisasi {entry.year}")
        graph.add(GraphNode(key(node.id, f"serapan{history.AT}{when}"),
                            [key(node.id, f"anggaran{history.AT}{when}"), key(node.id, f"realisasi{history.AT}{when}")],
                            lambda v, w=when: history.serapan_earlier(node.id, w, v), entry.span))
    if node.periods is not None:
        at = f"serapan{history.AT}{history.PERIODS}"
        graph.add(GraphNode(key(node.id, at), [], lambda v, p=node.periods, a=at: history.period_capaian(p, None, a),
                            node.periods.span))


def _sasaran(graph: Graph, sasaran: Sasaran, ctx) -> None:
    children = [i.id for i in sasaran.indikator]
    if sasaran.rumus is not None:
        _expression_node(graph, sasaran.id, "capaian", sasaran.rumus, own_fields=False, children=children,
                         ctx=ctx, limits=(sasaran.limits, ctx.spec.limits))
        return
    deps = [key(c, "capaian") for c in children] + [key(c, "bobot") for c in children]
    graph.add(GraphNode(key(sasaran.id, "capaian"), deps,
                        lambda v, s=sasaran: rules.capaian_sasaran(s, v, ctx), sasaran.span))


def _budget(graph: Graph, node: BudgetNode, ctx) -> None:
    for child in node.children:
        _budget(graph, child, ctx)
    children = [c.id for c in node.children]
    _money(graph, node.id, children, node.anggaran, node.realisasi, node.span)
    _derived_budget(graph, node.id, children, node, ctx)
    _input(graph, node.id, "target", node.target, "target kinerja")
    _earlier_budget(graph, node)


def _total(graph: Graph, total_id: str, programs: list[BudgetNode], span, ctx) -> None:
    children = [p.id for p in programs]
    _money(graph, total_id, children, None, None, span)
    _derived_budget(graph, total_id, children, None, ctx)


def _against_renstra(graph: Graph, document) -> None:
    """This year's realisasi of the linked node against the Renstra's Rp for the row (BAB III (c))."""
    pairs = [(n.id, n.link[0]) for n in document.budget_nodes() if n.link]
    pairs.append((document.id, TOTAL_ID))
    for node_id, linked in pairs:
        num, den = key(linked, "realisasi"), key(node_id, "anggaran")
        graph.add(GraphNode(key(node_id, "capaian_renstra"), [num, den],
                            lambda v, n=num, d=den: rules.ratio("capaian_renstra", n, d, v,
                                                                "realisasi tahun ini / Rp Renstra × 100"), None))


def _counts(graph: Graph, spec: Spec) -> None:
    kinds = Counter(node.kind for node in spec.budget_nodes())
    counts = {
        "jumlah_program": kinds["program"],
        "jumlah_kegiatan": kinds["kegiatan"],
        "jumlah_subkegiatan": kinds["subkegiatan"],
        "jumlah_sasaran": len(spec.sasaran),
        "jumlah_indikator": sum(1 for _ in spec.indikator()),
    }
    for name, count in counts.items():
        graph.add(GraphNode(key(TOTAL_ID, name), [], lambda v, n=name, c=count: rules.count(n, c), None))


def _money(graph, item_id, children, anggaran, realisasi, span) -> None:
    for name, number in (("anggaran", anggaran), ("realisasi", realisasi)):
        if children:
            graph.add(GraphNode(key(item_id, name), [key(c, name) for c in children],
                                lambda v, cs=children, f=name: rules.sum_children(f, cs, v), span))
        else:
            _input(graph, item_id, name, number, name)


def _derived_budget(graph, item_id, children, node: BudgetNode | None, ctx) -> None:
    a, r = key(item_id, "anggaran"), key(item_id, "realisasi")
    if children and ctx.spec.serapan_induk == "rata_rata":  # the report's own rule: the mean of its rows' %
        graph.add(GraphNode(key(item_id, "serapan"), [key(c, "serapan") for c in children],
                            lambda v, cs=children: rules.mean_children("serapan", cs, v), node.span if node else None))
    else:
        graph.add(GraphNode(key(item_id, "serapan"), [a, r],
                            lambda v, i=item_id: rules.serapan(i, v, ctx), node.span if node else None))
    graph.add(GraphNode(key(item_id, "sisa"), [a, r], lambda v, i=item_id: rules.sisa(i, v), None))
    if ctx.spec.efficiency_threshold is not None:
        graph.add(GraphNode(key(item_id, "efisiensi"), [key(item_id, "serapan"), key(item_id, "capaian_output")],
                            lambda v, i=item_id: rules.efisiensi(i, v, ctx.spec.efficiency_threshold), None))
    if node is not None and node.capaian_output is not None:
        _input(graph, item_id, "capaian_output", node.capaian_output, "capaian output")
    elif node is not None and node.output:
        graph.add(GraphNode(key(item_id, "capaian_output"), [],
                            lambda v, n=node: rules.capaian_output(n, ctx), node.span))
    else:
        deps = [key(c, "capaian_output") for c in children]
        graph.add(GraphNode(key(item_id, "capaian_output"), deps,
                            lambda v, cs=children: rules.mean_children("capaian_output", cs, v), None))


def _expression_node(graph, item_id, field_name, rumus, own_fields, children, ctx, limits) -> None:
    own, refs, child_fields = expressions.references(rumus.expr)
    deps = [key(item_id, n) for n in own] if own_fields else []
    deps += [key(owner, f) for owner, f in refs]
    deps += [key(c, f) for c in children for f in child_fields]
    graph.add(GraphNode(key(item_id, field_name), sorted(set(deps)),
                        lambda v: rules.capaian_rumus(item_id, field_name, rumus, children, v, ctx, limits),
                        rumus.key_span, cycle_hint=f"rumus {rumus.source}"))


def _order(graph: Graph, reuse: Graph | None = None) -> None:
    """Dependencies before dependants, by depth-first search along the deps (graphlib's sorter
    costs three times as much on a large spec). Each cycle is reported once, in the direction the
    values flow (A feeds B feeds A), and its nodes become broken values so that the rest evaluates.
    The order of `reuse` is kept when the graph has the same nodes and edges."""
    if reuse is not None and _same_shape(graph, reuse):
        graph.structure = reuse.structure
        return
    order, cycles = _topological(graph.nodes)
    graph.structure = Structure(order, graph.nodes.keys())
    if not cycles:
        return
    graph.subgraphs.clear()  # their nodes are changed below: never take them over
    reason = _("part of a cycle")
    for cycle in cycles:
        path = " → ".join(cycle)
        culprit = next((graph.nodes[k] for k in cycle if graph.nodes[k].cycle_hint), graph.nodes[cycle[0]])
        graph.diagnostics.append(error("E140", _("cycle in the rules: {path}").format(path=path), culprit.span,
                                       _("a value cannot depend on itself; break the cycle in one rumus")))
        for node_key in cycle:
            node = graph.nodes[node_key]
            node.deps = []
            node.compute = lambda v, k=node.key: rules.broken(k, reason)


def _same_shape(graph: Graph, other: Graph) -> bool:
    """Nodes taken over from `other` are its own; so the same keys and the same deps of the fresh
    nodes make the same edges."""
    if other.structure is None or other.diagnostics or len(graph.nodes) != len(other.nodes):
        return False
    before = other.nodes
    for graph_key in graph.fresh:
        old = before.get(graph_key)
        if old is None or old.deps != graph.nodes[graph_key].deps:
            return False
    return True


def _topological(nodes: dict[str, GraphNode]) -> tuple[list[str], list[list[str]]]:
    """(order, cycles), each cycle as [A, B, …, A] in the direction values flow, in one pass
    without recursion: linear in nodes and edges however many cycles there are.

    A cycle is found when the search meets a node still on its path; the nodes of the cycle are
    on top of the path, and are taken off it as values without inputs (broken), so that the
    search goes on below them as if their deps had never been there. Every node still ends up
    after its dependencies, and a node on several cycles is reported in the first only."""
    order: list[str] = []
    cycles: list[list[str]] = []
    done: set[str] = set()
    for root, root_node in nodes.items():
        if root in done:
            continue
        if not root_node.deps:
            done.add(root)
            order.append(root)
            continue
        stack = [(root, iter(root_node.deps))]
        on_path = {root: 0}  # key → its place in stack
        while stack:
            current, pending = stack[-1]
            for dep in pending:
                if dep in done or dep not in nodes:
                    continue
                start = on_path.get(dep)
                if start is not None:
                    cycle = [k for k, _ in stack[start:]]
                    cycles.append((cycle + [dep])[::-1])
                    for broken_key in cycle:  # broken: without inputs, so done where they stand
                        del on_path[broken_key]
                        done.add(broken_key)
                        order.append(broken_key)
                    del stack[start:]
                    break
                on_path[dep] = len(stack)
                stack.append((dep, iter(nodes[dep].deps)))
                break
            else:
                stack.pop()
                del on_path[current]
                done.add(current)
                order.append(current)
    return order, cycles
