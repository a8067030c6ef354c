"""Stage 5: run the evaluation graph in topological order and assemble the result models:
values with their computations, predikat, earlier years, periods, assertions and findings."""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import expr as expressions
from . import limits as limits_module
from . import results as R
from .checks import rule_scope_fields
from .diagnostics import Diagnostic, Severity, Span, error
from .fields import TOTAL_ID
from .format import round_half_up
from .graph import Graph, GraphNode, compile_spec
from .messages import fill
from .model import BudgetNode, Indikator, Printed, Spec
from .fields import COUNTS
from .rules import Computed, RuleContext, _div, efficiency_label, period_capaian, polarity_capaian
from .scales import STANDARD_SCALES, rate

SEVERITY = {"galat": "error", "peringatan": "warning", "info": "info"}


MONEY_FIELDS = ("anggaran", "realisasi", "anggaran_kini", "realisasi_kini")


@dataclass(slots=True)
class Memory:
    """What one evaluation leaves for the next evaluation of an edited spec (lkjipdsl.session):
    everything by the model object it came from, so that what did not change is taken over."""

    ctx: RuleContext
    graph: Graph
    computed: Values
    emitted: dict[str, list[Diagnostic]]  # the diagnostics each value's rule reported
    steps: dict[str, int]  # the evaluation steps each value took (max_evaluation_steps)
    nodes: dict[str, tuple[object, R.NodeResult]] = field(default_factory=dict)
    assertions: dict[tuple[str, str], tuple[object, list[R.AssertionResult]]] = field(default_factory=dict)
    findings: dict[tuple[int, str], tuple[object, tuple]] = field(default_factory=dict)
    computed_count: int = 0  # values computed (not taken over) by this evaluation


def run(spec: Spec, previous: Memory | None = None) -> tuple[Values, Graph, list[Diagnostic], Memory, set[str] | None]:
    """Compute every value in dependency order. With `previous`, a value is computed again only
    when its graph node is new or one of its inputs changed; a value computed again that comes
    out the same stops the change there. Returns the ids of the items whose values changed."""
    compiled, spec.compiled = spec.compiled, None
    if previous is not None:
        ctx = previous.ctx
        ctx.refresh(spec)
        graph = compile_spec(spec, ctx, previous.graph)
    elif compiled is not None:
        graph, ctx = compiled
    else:
        ctx = RuleContext(spec)
        graph = compile_spec(spec, ctx)
    if graph.diagnostics:  # a cycle: its nodes were replaced, compute everything
        previous = None
    memory = Memory(ctx, graph, Values(by_item=graph.structure.by_item), {}, {})
    if previous is not None and graph.structure is previous.graph.structure:
        changed = _compute_changes(graph, ctx, previous, memory)
    else:
        changed = _compute_all(graph, ctx, previous, memory)
    position = graph.structure.position()
    emitted = memory.emitted
    diagnostics = graph.diagnostics + [d for graph_key in sorted(emitted, key=position.__getitem__)
                                       for d in emitted[graph_key]]
    dirty = {graph_key.rpartition(":")[0] for graph_key in changed} if previous is not None else None
    return memory.computed, graph, diagnostics, memory, dirty


def _compute_all(graph: Graph, ctx: RuleContext, previous: Memory | None, memory: Memory) -> set[str]:
    """Every node in order; with `previous`, nodes and inputs that are the same keep their value."""
    nodes = graph.nodes
    computed: dict[str, Computed] = {}
    old_nodes = previous.graph.nodes if previous is not None else {}
    old_computed = previous.computed if previous is not None else {}
    old_steps = previous.steps if previous is not None else {}
    changed = set(old_nodes.keys() - nodes.keys())
    budget = limits_module.active_budget()
    for graph_key in graph.order:
        node = nodes[graph_key]
        old = old_computed.get(graph_key)
        if old is not None and old_nodes.get(graph_key) is node and changed.isdisjoint(node.deps):
            computed[graph_key] = old
            if graph_key in previous.emitted:
                memory.emitted[graph_key] = previous.emitted[graph_key]
            if graph_key in old_steps:
                memory.steps[graph_key] = old_steps[graph_key]
                if budget is not None:
                    budget.charge(old_steps[graph_key], node.span)
            continue
        computed[graph_key] = _compute_one(node, computed, old, ctx, budget, memory, changed)
    memory.computed.update((graph_key, computed[graph_key]) for graph_key in nodes)  # in definition order
    return changed


def _compute_changes(graph: Graph, ctx: RuleContext, previous: Memory, memory: Memory) -> set[str]:
    """The same shape as last time: start from the previous values and compute the fresh nodes
    and, in order, whatever their changes reach."""
    nodes, structure = graph.nodes, graph.structure
    position, dependants = structure.position(), structure.dependants(nodes)
    computed = memory.computed
    computed.update(previous.computed)
    memory.emitted.update(previous.emitted)
    memory.steps.update(previous.steps)
    changed: set[str] = set()
    queue = [(position[graph_key], graph_key) for graph_key in graph.fresh]
    heapq.heapify(queue)
    queued = set(graph.fresh)
    budget = limits_module.active_budget()
    while queue:
        _, graph_key = heapq.heappop(queue)
        memory.emitted.pop(graph_key, None)
        memory.steps.pop(graph_key, None)
        computed[graph_key] = _compute_one(nodes[graph_key], computed, previous.computed.get(graph_key), ctx,
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


class _Reuse:
    """Takes over the previous evaluation's node results and assertions where nothing they
    depend on changed: the same model object, no changed value of the item, the same findings."""

    def __init__(self, previous: Memory | None, dirty: set[str] | None, memory: Memory):
        self.nodes = previous.nodes if previous is not None and dirty is not None else {}
        self.assertions = previous.assertions if previous is not None and dirty is not None else {}
        self.findings = previous.findings if previous is not None and dirty is not None else {}
        self.dirty = dirty or set()
        self.memory = memory

    def node(self, item_id: str, owner, findings: list, make) -> R.NodeResult:
        taken = self.nodes.get(item_id)
        if taken is not None and taken[0] is owner and item_id not in self.dirty and taken[1].findings == findings:
            result = taken[1]
        else:
            result = make()
        self.memory.nodes[item_id] = (owner, result)
        return result

    def finding(self, unit: tuple[int, str], owner, reads: list[str] | None, make):
        """One rule on one item, taken over when the item and the values it reads are unchanged
        (`reads` None: the rule reads other items' values, so it is always evaluated again)."""
        taken = self.findings.get(unit)
        if taken is not None and taken[0] is owner and reads is not None and self.dirty.isdisjoint(reads):
            outcome = taken[1]
        else:
            outcome = make()
        self.memory.findings[unit] = (owner, outcome)
        return outcome

    def checks(self, phase: str, owner_id: str, owner, make, linked: str | None = None) -> list[R.AssertionResult]:
        taken = self.assertions.get((phase, owner_id))
        # a printed amount that disagrees is explained by looking at every item's amounts: redo it
        if (taken is not None and taken[0] is owner and owner_id not in self.dirty and linked not in self.dirty
                and not any(not a.ok and a.field in MONEY_FIELDS for a in taken[1])):
            out = taken[1]
        else:
            out = make()
        self.memory.assertions[(phase, owner_id)] = (owner, out)
        return out


def evaluate_spec(spec: Spec, diagnostics: list[Diagnostic]) -> R.Result:
    return evaluate_again(spec, diagnostics, None)[0]


def evaluate_again(spec: Spec, diagnostics: list[Diagnostic], previous: Memory | None) -> tuple[R.Result, Memory]:
    """Evaluate, taking over from `previous` (the evaluation of an earlier version of this spec
    with the same settings) whatever the changes do not reach. The result equals a cold one."""
    values, graph, eval_diagnostics, memory, dirty = run(spec, previous)
    reuse = _Reuse(previous, dirty, memory)
    known = {(d.code, d.span, d.message) for d in diagnostics}
    diagnostics = diagnostics + [d for d in eval_diagnostics if (d.code, d.span, d.message) not in known]
    nodes: list[R.NodeResult] = []
    findings = _findings(spec, values, diagnostics, reuse)
    by_node: dict[str, list[R.Finding]] = {}
    for finding in findings:
        by_node.setdefault(finding.node_id or "", []).append(finding)
    for sasaran in spec.sasaran:
        nodes.append(reuse.node(sasaran.id, sasaran, by_node.get(sasaran.id, []), lambda s=sasaran: _node(
            spec, s.id, "sasaran", s.name, None, s.span, values, by_node,
            predikat=_predikat(spec, values, s.id, s.skala), keterangan=s.keterangan)))
        for item in sasaran.indikator:
            nodes.append(reuse.node(item.id, item, by_node.get(item.id, []),
                                    lambda i=item: _indikator_node(spec, i, values, by_node)))
    for budget in spec.budget_nodes():
        nodes.append(reuse.node(budget.id, budget, by_node.get(budget.id, []),
                                lambda b=budget: _budget_node(spec, b, values, by_node)))
    counts = {name: int(values[f"{TOTAL_ID}:{name}"].value) for name in COUNTS}
    nodes.append(_node(spec, TOTAL_ID, "total", spec.instansi or "", None, spec.span, values, by_node,
                       predikat_anggaran=_predikat_anggaran(spec, values, TOTAL_ID), jumlah=counts,
                       capaian_kinerja=_value(values, TOTAL_ID, "capaian_kinerja"),
                       predikat=_predikat_of(spec, _value(values, TOTAL_ID, "capaian_kinerja")),
                       tahun=spec.tahun, efisiensi=_efisiensi(spec, values, TOTAL_ID)))
    for summary in spec.summaries:
        nodes.append(_node(spec, summary.id, "ringkasan", summary.title, None, summary.span, values, by_node,
                           nilai=_value(values, summary.id, "nilai"), satuan=summary.satuan))
    for document in spec.documents:
        nodes.append(reuse.node(document.id, document, by_node.get(document.id, []), lambda d=document: _node(
            spec, d.id, "dokumen", d.title, None, d.span, values, by_node, tahun=d.year, keterangan=d.kind)))
        for budget in document.budget_nodes():
            nodes.append(reuse.node(budget.id, budget, by_node.get(budget.id, []),
                                    lambda b=budget: _budget_node(spec, b, values, by_node)))
    assertions = _classify(spec, _assertions(spec, values, reuse))
    info = R.SpecInfo(file=spec.file, instansi=spec.instansi, tahun=spec.tahun, renstra=spec.renstra_period,
                      skala=spec.skala[0] if spec.skala else None)
    result = R.Result(spec=info, nodes=nodes, assertions=assertions, findings=findings,
                      diagnostics=[diagnostic_result(d) for d in diagnostics])
    return result, memory


def location(span: Span | None) -> R.Location | None:
    if span is None:
        return None
    return R.Location(file=span.file, line=span.line, column=span.column, end_line=span.end_line,
                      end_column=span.end_column)


def span_of(loc: R.Location | None) -> Span | None:
    if loc is None:
        return None
    return Span(loc.file, loc.line, loc.column, loc.end_line or loc.line, loc.end_column or loc.column + 1)


def diagnostic_result(d: Diagnostic) -> R.DiagnosticResult:
    return R.DiagnosticResult(code=d.code, severity=d.severity.value, message=d.message,
                              location=location(d.span), hints=list(d.hints))


def _value(values, item_id, name):
    computed = values.get(f"{item_id}:{name}")
    return computed.value if computed is not None and isinstance(computed.value, Decimal) else None


class Values(dict):
    """Computed values by "item:field", in the graph's definition order; `of_item` reads the
    graph's index of keys by item (built once per graph shape, not a scan per item)."""

    __slots__ = ("_by_item",)

    def __init__(self, *args, by_item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._by_item = by_item  # a callable giving {item id: [keys]}

    def of_item(self, item_id: str) -> list[tuple[str, Computed]]:
        if self._by_item is None:
            index: dict[str, list[str]] = {}
            for graph_key in self:
                index.setdefault(graph_key.rpartition(":")[0], []).append(graph_key)
            self._by_item = lambda: index
        return [(graph_key.rpartition(":")[2], self[graph_key]) for graph_key in self._by_item().get(item_id, ())]


def _computations(values: Values, item_id) -> dict[str, R.Computation]:
    return {
        name: R.Computation(field=c.field, value=c.value if isinstance(c.value, Decimal) else None,
                            formula=c.formula, substituted=c.substituted, inputs=c.inputs, note=c.note)
        for name, c in values.of_item(item_id) if c.formula != "tidak diisi"
    }


def _node(spec, item_id, kind, name, parent, span, values, by_node, **extra) -> R.NodeResult:
    fields = {}
    if kind in ("program", "kegiatan", "subkegiatan", "total", "dokumen"):
        fields = dict(anggaran=_value(values, item_id, "anggaran"),
                      capaian_renstra=_value(values, item_id, "capaian_renstra"),
                      realisasi_anggaran=_value(values, item_id, "realisasi"),
                      capaian_anggaran=_value(values, item_id, "serapan"),
                      capaian=_value(values, item_id, "capaian_output"))
    else:
        fields = dict(capaian=_value(values, item_id, "capaian"))
    fields.update(extra)
    return R.NodeResult(id=item_id, kind=kind, name=name, parent_id=parent, computations=_computations(values, item_id),
                        findings=by_node.get(item_id, []), location=location(span), **fields)


def _indikator_node(spec, item: Indikator, values, by_node) -> R.NodeResult:
    riwayat = []
    for entry in item.riwayat:
        t, r = entry.values.get("target"), entry.values.get("realisasi")
        cap = None
        if t and r and t.value and r.value is not None:
            cap = polarity_capaian(item.polaritas, t.value, r.value)
        printed = entry.values.get("capaian")
        riwayat.append(R.HistoryResult(tahun=entry.year, target=t.value if t else None,
                                       realisasi=r.value if r else None, capaian=cap,
                                       tercetak=printed.value if printed else None))
    return _node(spec, item.id, "indikator", item.name, item.sasaran_id, item.span, values, by_node,
                 satuan=item.satuan, polaritas=item.polaritas,
                 target=_value(values, item.id, "target"), target_atas=_value(values, item.id, "target_atas"),
                 realisasi=_value(values, item.id, "realisasi"),
                 predikat=_predikat(spec, values, item.id, item.skala, item.sasaran_id),
                 penanggung_jawab=item.penanggung_jawab, keterangan=item.keterangan,
                 riwayat=riwayat, renstra=_renstra(item.renstra), periode=_periods(item.periods, item.polaritas),
                 **_national(item.standar_nasional, spec.standar_nasional))


def _budget_node(spec, node: BudgetNode, values, by_node) -> R.NodeResult:
    riwayat = []
    for entry in node.riwayat:
        a = entry.values.get("anggaran") or entry.values.get("target")
        r = entry.values.get("realisasi")
        cap = _div(r.value, a.value) * 100 if a and r and a.value and r.value is not None else None
        printed = entry.values.get("persen") or entry.values.get("capaian")
        riwayat.append(R.HistoryResult(tahun=entry.year, target=a.value if a else None,
                                       realisasi=r.value if r else None, capaian=cap,
                                       tercetak=printed.value if printed else None))
    return _node(spec, node.id, node.kind, node.name, node.parent_id, node.span, values, by_node,
                 satuan=node.output_satuan, keterangan=node.keterangan,
                 predikat_anggaran=_predikat_anggaran(spec, values, node.id),
                 target=_value(values, node.id, "target"), efisiensi=_efisiensi(spec, values, node.id),
                 sama_dengan=node.link[0] if node.link else None,
                 dokumen=node.prefix.rstrip("/") or None,
                 riwayat=riwayat, renstra=_renstra(node.renstra), periode=_periods(node.periods),
                 **_national(node.standar_nasional, None if node.prefix else spec.standar_nasional))


def _efisiensi(spec: Spec, values, item_id: str) -> R.Efisiensi | None:
    threshold = spec.efficiency_threshold
    difference = _value(values, item_id, "efisiensi")
    if threshold is None or difference is None:
        return None
    return R.Efisiensi(selisih=difference, label=efficiency_label(difference, threshold.value), ambang=threshold.value)


def _renstra(entries) -> list[R.RenstraResult]:
    return [R.RenstraResult(tahun=e.year, target=e.values["target"].value if "target" in e.values else None,
                            anggaran=e.values["anggaran"].value if "anggaran" in e.values else None)
            for e in entries]


def _periods(periods, polaritas=None) -> list[R.PeriodResult]:
    if periods is None:
        return []
    return [R.PeriodResult(periode=name, target=t, realisasi=r, capaian=c)
            for name, t, r, c in period_capaian(periods, polaritas)]


def _national(standard, default=None) -> dict:
    standard = standard or default
    if standard is None:
        return {}
    if standard.number is None:
        return {"standar_nasional_nihil": True}
    return {"standar_nasional": standard.number.value}


def _scale_for(spec: Spec, *refs):
    for ref in refs:
        if ref is not None:
            return spec.scales.get(ref[0]) or STANDARD_SCALES.get(ref[0])
    return None


def _predikat(spec, values, item_id, own_ref, sasaran_id=None):
    """The capaian's predikat on the nearest scale: the item's, its sasaran's, the spec's."""
    sasaran_ref = next((s.skala for s in spec.sasaran if s.id == sasaran_id), None) if sasaran_id else None
    return _rate(_value(values, item_id, "capaian"), _scale_for(spec, own_ref, sasaran_ref, spec.skala))


def _predikat_of(spec, value):
    return _rate(value, _scale_for(spec, spec.skala))


def _predikat_anggaran(spec, values, item_id):
    return _rate(_value(values, item_id, "serapan"), _scale_for(spec, spec.skala_anggaran))


def _rate(value, scale) -> R.Predikat | None:
    if scale is None or value is None:
        return None
    band = rate(scale, value)
    return None if band is None else R.Predikat(label=band.label, warna=band.color, skala=scale.id)


# ---- assertions ----
def _assertions(spec: Spec, values, reuse: _Reuse) -> list[R.AssertionResult]:
    """Every printed figure and text against the computed one, owner by owner (so that an
    incremental evaluation takes over the owners the change does not reach)."""
    out = []
    texts = _Once(lambda: _texts(spec))
    years = {TOTAL_ID: spec.tahun, **{d.id: d.year for d in spec.documents}}
    money_index = _Once(lambda: _money_index(spec, values))  # only when a printed amount disagrees

    def printed_checks(owner: str, printed_list) -> list[R.AssertionResult]:
        checked = []
        for printed in printed_list:
            if printed.text is not None and printed.number is None and printed.problem is None:
                actual = texts().get(owner, {}).get(printed.field, "")
                checked.append(R.AssertionResult(node_id=owner, field=printed.field, printed_text=printed.text,
                                                 computed_text=actual,
                                                 ok=_same_text(printed.text, actual, printed.field),
                                                 source=printed.source, location=location(printed.span)))
                continue
            if printed.field == "tahun":
                year = years.get(owner)
                checked.append(_check_printed(owner, printed, Decimal(year) if year else None))
                continue
            result = _check_printed(owner, printed, _value(values, owner, printed.field))
            if not result.ok and printed.number is not None and printed.field in ("anggaran", "realisasi"):
                result = _explain_money(result, printed, owner, money_index)
            checked.append(result)
        return checked

    owners = [(TOTAL_ID, spec)] + [(s.id, s) for s in spec.sasaran] + [(i.id, i) for i in spec.indikator()]
    owners += [(n.id, n) for n in spec.all_budget_nodes()] + [(d.id, d) for d in spec.documents]
    owners += [(r.id, r) for r in spec.summaries] + [(o.id, o) for o in spec.officials]
    for owner_id, owner in owners:
        if owner.printed:
            out += reuse.checks("tercetak", owner_id, owner, lambda i=owner_id, o=owner: printed_checks(i, o.printed))
    links = {n.id: n.link[0] for n in spec.all_budget_nodes() if n.link}
    links.update({d.id: TOTAL_ID for d in spec.documents})
    row_owners = [(TOTAL_ID, spec)] + [(i.id, i) for i in spec.indikator()]
    row_owners += [(n.id, n) for n in spec.all_budget_nodes()] + [(d.id, d) for d in spec.documents]
    for owner_id, owner in row_owners:
        if owner.printed_rows:
            out += reuse.checks("baris", owner_id, owner, lambda i=owner_id, o=owner: [
                a for row in o.printed_rows for a in _check_row(i, row, values, money_index, links)],
                linked=links.get(owner_id))
    for node in spec.all_budget_nodes():
        if node.periods is not None or node.riwayat:
            out += reuse.checks("periode", node.id, node, lambda n=node: _budget_period_checks(n, values))
    for item in spec.indikator():
        if item.periods is not None or item.riwayat:
            out += reuse.checks("periode", item.id, item, lambda i=item: _indikator_period_checks(i))
    return out


def _budget_period_checks(node: BudgetNode, values) -> list[R.AssertionResult]:
    out = _period_assertions(node.id, node.periods, _value(values, node.id, "anggaran"), "anggaran")
    for entry in node.riwayat:
        a = entry.values.get("anggaran") or entry.values.get("target")
        r, p = entry.values.get("realisasi"), entry.values.get("persen") or entry.values.get("capaian")
        if p is not None and p.value is not None and a and r and a.value and r.value is not None:
            computed = _div(r.value, a.value) * 100
            out.append(_check_printed(node.id, Printed(f"riwayat {entry.year} persen", p, None, p.span), computed))
    return out


def _indikator_period_checks(item: Indikator) -> list[R.AssertionResult]:
    from .rules import combine_periods

    out = _period_assertions(item.id, item.periods, None, None, item.polaritas)
    for entry in item.riwayat:
        t, r, p = (entry.values.get(k) for k in ("target", "realisasi", "capaian"))
        if p is not None and p.value is not None and t and r and t.value is not None and r.value is not None:
            out.append(_check_printed(item.id, Printed(f"riwayat {entry.year} capaian", p, None, p.span),
                                      polarity_capaian(item.polaritas, t.value, r.value)))
    if item.periods is not None:
        for name in ("target", "realisasi"):
            given = getattr(item, name)
            if given is not None and given.value is not None:
                combined = combine_periods(item.periods, name).value
                if combined is not None:
                    out.append(_check_printed(item.id, Printed(f"{name} (periode)", given, "periode", given.span),
                                              combined))
    return out


ROW_PERCENT = {"serapan": ("realisasi", "anggaran")}


KINI = {"anggaran_kini": "anggaran", "realisasi_kini": "realisasi"}


def _check_row(owner: str, row, values, money_index, links) -> list[R.AssertionResult]:
    """A printed table row: figures against computed values; its % against its own figures first."""
    out = []
    for name, printed in row.values.items():
        own = ROW_PERCENT.get(name)
        if own and all(f in row.values and row.values[f].number is not None
                       and row.values[f].number.value is not None for f in own) and printed.number is not None:
            numerator, denominator = (row.values[f].number.value for f in own)
            if denominator != 0:
                internal = _div(numerator, denominator) * 100
                result = _check_printed(owner, printed, internal)
                if not result.ok:
                    result = result.model_copy(update={"note": "does not match the row's own figures "
                                                       f"({row.values[own[0]].number.text} / "
                                                       f"{row.values[own[1]].number.text} × 100)"})
                out.append(result)
                continue
        if name in KINI:
            # a dokumen row that also prints this year's figure: compare with the linked node's
            linked = links.get(owner)
            computed = _value(values, linked, KINI[name]) if linked else None
            result = _check_printed(owner, printed, computed)
            if not result.ok and printed.number is not None:
                result = _explain_money(result, printed, linked or owner, money_index, KINI[name])
                if linked is None and not result.note:
                    note = "this row has no counterpart this year (no sama_dengan)"
                    result = result.model_copy(update={"note": note})
            out.append(result)
            continue
        result = _check_printed(owner, printed, _value(values, owner, name))
        if not result.ok and printed.number is not None and name in ("anggaran", "realisasi"):
            result = _explain_money(result, printed, owner, money_index)
        out.append(result)
    return out


class _Once:
    """A value computed on first use, then kept."""

    __slots__ = ("_make", "_value")

    def __init__(self, make):
        self._make, self._value = make, None

    def __call__(self):
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value


def _texts(spec: Spec) -> dict[str, dict[str, str]]:
    """The text fields a `tercetak` may check, per item."""
    texts: dict[str, dict[str, str]] = {TOTAL_ID: {"instansi": spec.instansi or ""}}
    for node in spec.all_budget_nodes():
        texts[node.id] = {"kode": node.code, "nama": node.name}
    for item in spec.indikator():
        texts[item.id] = {"satuan": item.satuan or "", "nama": item.name}
    for sasaran in spec.sasaran:
        texts[sasaran.id] = {"nama": sasaran.name}
    for official in spec.officials:
        texts[official.id] = dict(official.fields)
    return texts


def _same_text(printed: str, kept: str, field: str = "") -> bool:
    """Equal but for case, runs of spaces and spaces around '/' (KABUPATEN / KOTA = Kabupaten/Kota);
    a NIP compares by its digits only."""
    def norm(text: str) -> str:
        if field == "nip":
            return re.sub(r"\D", "", text)
        return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", text.strip())).casefold()

    return norm(printed) == norm(kept)


def _classify(spec: Spec, assertions: list[R.AssertionResult]) -> list[R.AssertionResult]:
    """Give every disagreement its kind (results.DISAGREEMENT_KINDS), for reviewers and counts."""
    parents = {n.id for n in spec.all_budget_nodes() if n.children} | {TOTAL_ID} | {d.id for d in spec.documents}
    out = []
    for a in assertions:
        if a.ok:
            out.append(a)
            continue
        note = a.note or ""
        if a.field in ("kode", "satuan", "nama"):
            kind = a.field
        elif a.field in ("instansi", "tahun", "nip", "pangkat", "jabatan"):
            kind = "identitas"
        elif a.printed is None and note.startswith("printed figure is malformed"):
            kind = "angka_rusak"
        elif note.startswith("does not match the row's own figures"):
            kind = "persen_tidak_cocok"
        elif "the printed figure is the" in note:
            kind = "baris_lain"
        elif a.field.startswith("jumlah_"):
            kind = "hitungan"
        elif a.source == "periode" or a.field.startswith(("persen ", "target ", "realisasi (")):
            kind = "periode"
        elif a.field in ("anggaran", "realisasi", "anggaran_kini", "realisasi_kini"):
            kind = "jumlah_tidak_cocok" if a.node_id in parents and not a.field.endswith("_kini") else "angka_beda"
        else:
            kind = "persen_beda"
        out.append(a.model_copy(update={"kind": kind}))
    return out


def _period_assertions(owner: str, periods, annual, annual_name, polaritas=None) -> list[R.AssertionResult]:
    """Printed per-period % against the computed ones; and the last cumulative plan against the pagu."""
    if periods is None:
        return []
    out = []
    computed = {name: capaian for name, _, _, capaian in period_capaian(periods, polaritas)}
    for row in periods.rows:
        printed = row.values.get("persen")
        if printed is not None and printed.value is not None:
            out.append(_check_printed(owner, Printed(f"persen {row.period}", printed, "periode", printed.span),
                                      computed.get(row.period)))
    if annual is not None and periods.combine == "terakhir":
        last = next((row for row in reversed(periods.rows) if "target" in row.values
                     and row.values["target"].value is not None), None)
        if last is not None:
            number = last.values["target"]
            out.append(_check_printed(owner, Printed(f"target {last.period} (kumulatif) = {annual_name}", number,
                                                     "periode", number.span), annual))
    return out


def _money_index(spec: Spec, values) -> dict:
    """Amount → the (node, field) that hold it: this year's nodes and earlier years' (not plans)."""
    index: dict = {}
    nodes = list(spec.budget_nodes())
    nodes += [n for d in spec.documents if d.kind == "realisasi" for n in d.budget_nodes()]
    for node in nodes:
        for name in ("anggaran", "realisasi"):
            value = _value(values, node.id, name)
            if value is not None:
                index.setdefault(value, []).append((node, name))
    return index


def _explain_money(result: R.AssertionResult, printed: Printed, owner: str, index,
                   field: str | None = None) -> R.AssertionResult:
    """A printed amount that is another item's amount: say whose (figures printed under the wrong name)."""
    wanted = field or printed.field
    index = index()
    matches = [(node, name) for node, name in index.get(printed.number.value, [])
               if not (node.id == owner and name == wanted)]
    owner_kind = next((n.kind for entries in index.values() for n, _ in entries if n.id == owner), None)
    # this year's first, then the same field, the same level, and the deepest (a leaf before its parents)
    matches.sort(key=lambda m: (bool(m[0].prefix), m[1] != wanted, m[0].kind != owner_kind, -len(m[0].id)))
    if not matches:
        return result
    shown = "; ".join(f"{name} of this {node.kind}" if node.id == owner
                      else f"{name} of {node.kind} {node.id} {node.name}" for node, name in matches[:3])
    return result.model_copy(update={"note": f"the printed figure is the {shown}"})


def _check_printed(owner: str, printed: Printed, computed) -> R.AssertionResult:
    number = printed.number
    if number is None:
        return R.AssertionResult(node_id=owner, field=printed.field, printed_text=printed.text or "",
                                 computed=computed, ok=False, source=printed.source,
                                 note=f"printed figure is malformed: {printed.problem}",
                                 location=location(printed.span))
    if computed is not None and number.value is not None:
        ok = round_half_up(computed, number.decimals) == number.value
    else:
        ok = computed is None and number.value is None
    return R.AssertionResult(node_id=owner, field=printed.field, printed=number.value, printed_text=number.text,
                             computed=computed, ok=ok, source=printed.source, location=location(printed.span))


# ---- findings ----
def _findings(spec: Spec, values, diagnostics: list[Diagnostic], reuse: _Reuse) -> list[R.Finding]:
    findings = []
    for number, rule in enumerate(spec.rules):
        if rule.scope is None or rule.condition is None:
            continue
        own_fields, _ = rule_scope_fields(rule.scope)
        reads_others = bool(expressions.references(rule.condition.expr)[1])
        for item_id, owner, children, span, texts in _scope_items(spec, rule.scope):
            finding, problem = reuse.finding(
                (number, item_id), owner, None if reads_others else [item_id, *children],
                lambda i=item_id, c=children, sp=span, t=texts, r=rule, f=own_fields: _finding(
                    spec, values, r, f, i, c, sp, t))
            if problem is not None:
                diagnostics.append(problem)
            if finding is not None:
                findings.append(finding)
    return findings


def _finding(spec: Spec, values, rule, own_fields, item_id, children, span, texts
             ) -> tuple[R.Finding | None, Diagnostic | None]:
    """One rule on one item: (the finding if the rule holds, a diagnostic if it cannot be evaluated)."""
    def own(field, item_id=item_id):
        return values[f"{item_id}:{field}"].value if f"{item_id}:{field}" in values else None

    def ref(owner, field):
        computed = values.get(f"{owner}:{field}")
        return computed.value if computed else None

    lookups = [lambda f, c=c: values[f"{c}:{f}"].value if f"{c}:{f}" in values else None for c in children]
    env = expressions.Env(own, ref, lookups, spec.convention)
    try:
        hit = expressions.evaluate(rule.condition.expr, env)
    except expressions.EvalError as exc:
        return None, error(exc.code, f"aturan {rule.id} on {item_id}: {exc}", exc.span, *exc.hints)
    if hit is None or not expressions._truth(hit):
        return None, None
    fields = {f: own(f) for f in own_fields}
    fields.update(texts)
    if rule.scope in ("indikator", "sasaran"):
        item_ref = next((x for x in [*spec.sasaran, *spec.indikator()] if x.id == item_id), None)
        predikat = _predikat(spec, values, item_id, item_ref.skala if item_ref else None,
                             getattr(item_ref, "sasaran_id", None))
        fields["predikat"] = predikat.label if predikat else "-"
    return R.Finding(rule=rule.id, severity=SEVERITY[rule.severity], message=fill(rule.message or rule.title, fields),
                     node_id=item_id, location=location(span)), None


def _scope_items(spec: Spec, scope: str):
    """(id, model object, children ids, span, texts) of the items a rule is for."""
    if scope == "indikator":
        for item in spec.indikator():
            yield item.id, item, [], item.span, {"nama": item.name, "id": item.id, "kode": item.id,
                                                 "satuan": item.satuan or ""}
    elif scope == "sasaran":
        for sasaran in spec.sasaran:
            yield (sasaran.id, sasaran, [i.id for i in sasaran.indikator], sasaran.span,
                   {"nama": sasaran.name, "id": sasaran.id, "kode": sasaran.id, "satuan": "%"})
    else:
        for node in spec.budget_nodes():
            if scope == "anggaran" or node.kind == scope:
                yield (node.id, node, [c.id for c in node.children], node.span,
                       {"nama": node.name, "id": node.id, "kode": node.code, "satuan": node.output_satuan or ""})


def has_blocking(result: R.Result) -> bool:
    return (result.has_errors or bool(result.failed_assertions)
            or any(f.severity == Severity.ERROR.value for f in result.findings))
