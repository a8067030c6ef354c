"""Stage 6: the result records (lkjipdsl/results.py) assembled from the computed values — each
item's values with their computations, predikat, earlier years and periods; the findings of the
`aturan`; the printed figures checked by lkjipdsl/assertions.py; the diagnostics and the scales
used. With the Memory of an earlier evaluation (lkjipdsl.session), the records of items an edit
did not reach are taken over (`Reuse`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from . import expr as expressions
from . import history, i18n
from . import results as R
from .assertions import check_printed, classify
from .build.vocabulary import SEVERITIES
from .diagnostics import Diagnostic, Severity, error, warning
from .fields import BUDGET_LEVELS, COUNTS, TOTAL_ID, is_money, rule_scope_fields
from .format import display_rounding, persen
from .i18n import _
from .messages import fill
from .model import BudgetNode, Indikator, Spec
from .results import location
from .rules import efficiency_label
from .scales import STANDARD_SCALES, outer_region, rate
from .values import Values
from .values import decimal as _value


class Reuse:
    """Takes over the previous evaluation's node results and assertions where nothing they
    depend on changed: the same model object, no changed value of the item, the same findings."""

    def __init__(self, previous, dirty: set[str] | None, memory, keep_nodes: bool = True, moved: bool = True):
        """moved=False: the caller knows no part moved since `previous` (lkjipdsl.session), so the
        lines of the outcomes taken over are not looked at."""
        self.moved = moved
        self.nodes = previous.nodes if previous is not None and dirty is not None else {}
        self.kept_nodes = memory.nodes if keep_nodes else None  # None: a result streamed, never taken over
        self.assertions = previous.assertions if previous is not None and dirty is not None else {}
        self.findings = previous.findings if previous is not None and dirty is not None else {}
        self.dirty = dirty or set()
        self.memory = memory

    def node(self, item_id: str, owner, findings: list, make) -> R.NodeResult:
        return self._take(self.nodes, self.kept_nodes, item_id, owner, make,
                          lambda taken: item_id not in self.dirty and taken.findings == findings)

    def finding(self, unit: tuple[int, str], owner, reads: list[str] | None, make):
        """One rule on one item, taken over when the item and the values it reads are unchanged
        (`reads` None: the rule reads other items' values, so it is always evaluated again)."""
        return self._take(self.findings, self.memory.findings, unit, owner, make,
                          lambda taken: reads is not None and self.dirty.isdisjoint(reads))

    def checks(self, phase: str, owner_id: str, owner, make, linked: str | None = None) -> list[R.AssertionResult]:
        # a printed amount that disagrees is explained by looking at every item's amounts: redo it
        return self._take(self.assertions, self.memory.assertions, (phase, owner_id), owner, make,
                          lambda taken: owner_id not in self.dirty and linked not in self.dirty, _explained)

    def _take(self, before: dict, now: dict | None, key, owner, make, still_valid, redo=None):
        """The previous outcome for `key` when it came from the same model object and still holds,
        else a new one; kept for the next evaluation either way (unless `now` is None). An owner
        whose part moved (lines inserted or deleted above it) has its outcome's locations moved
        with it: every location in it is within the owner's top-level block. `redo(outcome)`: an
        outcome never taken over, asked once, when it is made."""
        taken = before.get(key)
        outcome = None
        if taken is not None and taken[0] is owner and not taken[3]:
            outcome, line = taken[1], taken[2]
            if self.moved:
                line = _line(owner)
                if line != taken[2]:
                    outcome = R.moved(outcome, line - taken[2])
            if not still_valid(outcome):
                outcome = None
        if outcome is None:
            outcome, line = make(), _line(owner)
            if now is not None:
                now[key] = (owner, outcome, line, redo is not None and redo(outcome))
        elif now is not None:
            now[key] = (owner, outcome, line, False)
        return outcome


def _explained(assertions: list[R.AssertionResult]) -> bool:
    """A printed amount that disagrees: its explanation looks at every item's amounts."""
    return any(not a.ok and is_money(a.field, on_budget=True) for a in assertions)


def _line(owner) -> int | None:
    span = getattr(owner, "span", None)
    return span.line if span is not None else None


class NodeSink(Protocol):
    """Takes the node results as they are made (results_json.NodeStream writes them out), so that
    they are never all held: `start` before the first, with what the result says of the spec."""

    def start(self, info: R.SpecInfo) -> None: ...

    def node(self, node: R.NodeResult) -> None: ...


def assemble(spec: Spec, values, diagnostics: list[Diagnostic], reuse: Reuse, computations: bool = True,
             sink: NodeSink | None = None) -> R.Result:
    """The result of a spec whose values are computed (evaluate.run): a node result for every
    item with its values, predikat, earlier years and periods (and how each value was computed,
    with `computations`); the findings of the rules; the printed figures checked (assertions.py);
    the diagnostics; the scales used. With `sink`, each node is handed to it as it is made and
    the result has none."""
    nodes: list[R.NodeResult] = []
    findings = _findings(spec, values, diagnostics, reuse)
    by_node: dict[str, list[R.Finding]] = {}
    for finding in findings:
        by_node.setdefault(finding.node_id or "", []).append(finding)
    info = R.SpecInfo(file=spec.file, instansi=spec.instansi, tahun=spec.tahun, renstra=spec.renstra_period,
                      tabel=dict(spec.table_titles), pembulatan=spec.pembulatan,
                      skala=spec.skala[0] if spec.skala else None)
    scales_used: dict[str, None] = {}  # the scales of the nodes' predikat, in the order first used
    hand_on = nodes.append if sink is None else sink.node
    started = sink is None

    def emit(node: R.NodeResult) -> None:
        nonlocal started
        if not started:
            sink.start(info)
            started = True
        for predikat in (node.predikat, node.predikat_serapan):
            if predikat is not None:
                scales_used.setdefault(predikat.skala)
        hand_on(node)

    for sasaran in spec.sasaran:
        emit(reuse.node(sasaran.id, sasaran, by_node.get(sasaran.id, []), lambda s=sasaran: _node(
            spec, s.id, "sasaran", s.name, None, s.span, values, by_node, computations,
            predikat=_predikat(spec, values, s.id, s.skala), keterangan=s.keterangan)))
        for item in sasaran.indikator:
            emit(reuse.node(item.id, item, by_node.get(item.id, []), lambda i=item, s=sasaran: _indikator_node(
                spec, i, s, values, by_node, computations)))
    for budget in spec.budget_nodes():
        emit(reuse.node(budget.id, budget, by_node.get(budget.id, []),
                        lambda b=budget: _budget_node(spec, b, values, by_node, computations)))
    counts = {name: int(values[f"{TOTAL_ID}:{name}"].value) for name in COUNTS}
    emit(_node(spec, TOTAL_ID, "total", spec.instansi or "", None, spec.span, values, by_node, computations,
               predikat_serapan=_predikat_serapan(spec, values, TOTAL_ID), jumlah=counts,
               capaian_kinerja=_value(values, TOTAL_ID, "capaian_kinerja"),
               predikat=_predikat_of(spec, _value(values, TOTAL_ID, "capaian_kinerja")),
               tahun=spec.tahun, efisiensi=_efisiensi(spec, values, TOTAL_ID)))
    for summary in spec.summaries:
        emit(_node(spec, summary.id, "ringkasan", summary.title, None, summary.span, values, by_node, computations,
                   nilai=_value(values, summary.id, "nilai"), satuan=summary.satuan))
    for document in spec.documents:
        emit(reuse.node(document.id, document, by_node.get(document.id, []), lambda d=document: _node(
            spec, d.id, "dokumen", d.title, None, d.span, values, by_node, computations, tahun=d.tahun,
            keterangan=d.jenis)))
        for budget in document.budget_nodes():
            emit(reuse.node(budget.id, budget, by_node.get(budget.id, []),
                            lambda b=budget: _budget_node(spec, b, values, by_node, computations)))
    diagnostics += _unrated(spec, values)
    with display_rounding(spec.pembulatan):  # printed figures compared at the report's own rounding
        assertions = classify(spec, check_printed(spec, values, reuse, _predikat_labels(spec, values)))
    return R.Result(spec=info, nodes=nodes, assertions=assertions, findings=findings,
                    diagnostics=[diagnostic_result(d) for d in diagnostics], skala=_scales_used(spec, scales_used))


def _scales_used(spec: Spec, used: dict[str, None]) -> list[R.ScaleResult]:
    """The scales the nodes' predikat come from, in the order first used: a legend's content."""
    out = []
    for scale_id in used:
        scale = spec.scales.get(scale_id) or STANDARD_SCALES.get(scale_id)
        if scale is not None:
            out.append(R.ScaleResult(id=scale.id, judul=scale.title, presisi=scale.precision, pita=[
                R.BandResult(label=b.label, warna=b.color, bawah=b.low, bawah_termasuk=b.low_inclusive, atas=b.high,
                             atas_termasuk=b.high_inclusive) for b in scale.bands]))
    return out


def diagnostic_result(d: Diagnostic) -> R.DiagnosticResult:
    return R.DiagnosticResult(code=d.code, severity=d.severity.value, message=d.message,
                              location=location(d.span), hints=list(d.hints))


def _computations(values: Values, item_id) -> dict[str, R.Computation]:
    return {
        name: R.Computation(field=c.field, value=c.value if isinstance(c.value, Decimal) else None,
                            formula=c.formula, substituted=c.substituted, inputs=c.inputs, note=c.note)
        for name, c in values.of_item(item_id) if c.formula != "tidak diisi" and not history.at_another_time(name)
    }


def _node(spec, item_id, kind, name, parent, span, values, by_node, computations: bool, **extra) -> R.NodeResult:
    fields = {}
    if kind in BUDGET_LEVELS or kind in ("total", "dokumen"):
        fields = dict(anggaran=_value(values, item_id, "anggaran"),
                      capaian_renstra=_value(values, item_id, "capaian_renstra"),
                      realisasi_anggaran=_value(values, item_id, "realisasi"),
                      sisa=_value(values, item_id, "sisa"),
                      serapan=_value(values, item_id, "serapan"),
                      capaian_output=_value(values, item_id, "capaian_output"))
    else:
        fields = dict(capaian=_value(values, item_id, "capaian"))
    fields.update(extra)
    return R.NodeResult(id=item_id, kind=kind, name=name, parent_id=parent,
                        computations=_computations(values, item_id) if computations else {},
                        findings=by_node.get(item_id, []), location=location(span), **fields)


def _indikator_node(spec, item: Indikator, sasaran, values, by_node, computations: bool) -> R.NodeResult:
    riwayat = _earlier(item.id, item.riwayat, values, ("target",), "capaian", ("capaian",))
    return _node(spec, item.id, "indikator", item.name, item.sasaran_id, item.span, values, by_node, computations,
                 satuan=item.satuan, polaritas=item.polaritas,
                 target=_value(values, item.id, "target"), target_atas=_value(values, item.id, "target_atas"),
                 realisasi=_value(values, item.id, "realisasi"),
                 target_tertulis=_ratio(item.target), target_atas_tertulis=_ratio(item.target_atas),
                 realisasi_tertulis=_ratio(item.realisasi),
                 capaian_renstra=_value(values, item.id, "capaian_renstra"),
                 target_renstra=_value(values, item.id, "target_renstra"),
                 target_renstra_tertulis=_renstra_written(spec, item),
                 predikat=_predikat(spec, values, item.id, item.skala, sasaran.skala),
                 penanggung_jawab=item.penanggung_jawab, keterangan=item.keterangan,
                 riwayat=riwayat, renstra=_renstra(item.renstra),
                 periode=_periods(values, item.id, "capaian", item.periods),
                 **_national(item.standar_nasional, spec.standar_nasional))


def _budget_node(spec, node: BudgetNode, values, by_node, computations: bool) -> R.NodeResult:
    riwayat = _earlier(node.id, node.riwayat, values, history.BUDGET_EARLIER_PAGU, "serapan",
                       history.BUDGET_EARLIER_PRINTED)
    return _node(spec, node.id, node.kind, node.name, node.parent_id, node.span, values, by_node, computations,
                 satuan=node.output_satuan, keterangan=node.keterangan,
                 predikat_serapan=_predikat_serapan(spec, values, node.id),
                 target=_value(values, node.id, "target"), efisiensi=_efisiensi(spec, values, node.id),
                 sama_dengan=node.link[0] if node.link else None,
                 dokumen=node.prefix.rstrip("/") or None,
                 riwayat=riwayat, renstra=_renstra(node.renstra),
                 periode=_periods(values, node.id, "serapan", node.periods),
                 **_national(node.standar_nasional, None if node.prefix else spec.standar_nasional))


def _efisiensi(spec: Spec, values, item_id: str) -> R.Efisiensi | None:
    threshold = spec.efficiency_threshold
    difference = _value(values, item_id, "efisiensi")
    if threshold is None or difference is None:
        return None
    return R.Efisiensi(selisih=difference, label=efficiency_label(difference, threshold.value), ambang=threshold.value)


def _renstra(entries) -> list[R.RenstraResult]:
    return [R.RenstraResult(tahun=e.year, target=e.values["target"].value if "target" in e.values else None,
                            anggaran=e.values["anggaran"].value if "anggaran" in e.values else None,
                            target_tertulis=_ratio(e.values.get("target")))
            for e in entries]


def _renstra_written(spec: Spec, item: Indikator) -> str | None:
    """The Renstra target capaian_renstra is against, when it is written as a ratio."""
    end = history.renstra_end(item, spec.renstra_period)
    return _ratio(end.values.get("target")) if end is not None else None


def _earlier(item_id: str, entries, values, target_names, capaian_name, printed_names) -> list[R.HistoryResult]:
    out = []
    for entry, when in zip(entries, history.earlier_years(entries)):
        t, r = history.first_of(entry, target_names), entry.values.get("realisasi")
        printed = history.first_of(entry, printed_names)
        out.append(R.HistoryResult(tahun=entry.year, target=t.value if t else None, realisasi=r.value if r else None,
                                   capaian=_value(values, item_id, f"{capaian_name}{history.AT}{when}"),
                                   tercetak=printed.value if printed else None,
                                   target_tertulis=_ratio(t), realisasi_tertulis=_ratio(r)))
    return out


def _ratio(number) -> str | None:
    """An input's text when it is written as a ratio (1:17,9), for display beside its value."""
    return None if number is None else number.ratio


def _periods(values, item_id: str, capaian_name: str, periods) -> list[R.PeriodResult]:
    computed = values.get(f"{item_id}:{capaian_name}{history.AT}{history.PERIODS}")
    if computed is None:
        return []
    out = [R.PeriodResult(periode=row.period, target=row.target, realisasi=row.realisasi, capaian=row.capaian)
           for row in computed.value]
    written = {row.period: row for row in periods.rows} if periods is not None else {}
    for index, result in enumerate(out):
        row = written.get(result.periode)
        if row is not None and (_ratio(row.target) or _ratio(row.realisasi)):
            out[index] = R.PeriodResult(periode=result.periode, target=result.target, realisasi=result.realisasi,
                                        capaian=result.capaian, target_tertulis=_ratio(row.target),
                                        realisasi_tertulis=_ratio(row.realisasi))
    return out


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


def _predikat(spec, values, item_id, own_ref, sasaran_ref=None):
    """The capaian's predikat on the nearest scale: the item's, its sasaran's (sasaran_ref), the spec's."""
    return _rate(_value(values, item_id, "capaian"), _scale_for(spec, own_ref, sasaran_ref, spec.skala))


def _predikat_of(spec, value):
    return _rate(value, _scale_for(spec, spec.skala))


def _predikat_serapan(spec, values, item_id):
    return _rate(_value(values, item_id, "serapan"), _scale_for(spec, spec.skala_anggaran))


def _predikat_labels(spec: Spec, values):
    """owner id → the label of its computed predikat, for a printed `predikat`."""
    scales = {s.id: s.skala for s in spec.sasaran}
    indikator = {i.id: i for i in spec.indikator()}
    budget = {n.id for n in spec.all_budget_nodes()}

    def label(owner: str) -> tuple[str, str] | None:
        name = "capaian"
        if owner in scales:
            predikat = _predikat(spec, values, owner, scales[owner])
        elif owner in indikator:
            predikat = _predikat(spec, values, owner, indikator[owner].skala, scales.get(indikator[owner].sasaran_id))
        elif owner in budget:
            predikat, name = _predikat_serapan(spec, values, owner), "serapan"
        else:
            return None
        if predikat is None:
            return None
        value = persen(_value(values, owner, name), i18n.language())
        return predikat.label, _("{field} {value} on skala '{scale}'").format(field=name, value=value,
                                                                                scale=predikat.skala)
    return label


def _unrated(spec: Spec, values) -> list[Diagnostic]:
    """W231 for each value that lands beyond the outermost bands of its scale (a capaian above 100
    on a scale that stops at 100): it gets no predikat, and the reviewer is told why."""
    rated = []
    for sasaran in spec.sasaran:
        rated.append((sasaran.id, sasaran.span, "capaian", _scale_for(spec, sasaran.skala, spec.skala)))
        rated += [(item.id, item.span, "capaian", _scale_for(spec, item.skala, sasaran.skala, spec.skala))
                  for item in sasaran.indikator]
    budget_scale = _scale_for(spec, spec.skala_anggaran)
    if budget_scale is not None:
        rated += [(node.id, node.span, "serapan", budget_scale) for node in spec.budget_nodes()]
    found = []
    for item_id, span, name, scale in rated:
        value = _value(values, item_id, name) if scale is not None else None
        if value is not None and outer_region(scale, value):
            found.append(warning("W231", _("{item} {field} {value} lies outside skala '{scale}', which rates "
                                           "no such value: no predikat").format(
                item=item_id, field=name, value=persen(value, i18n.language()), scale=scale.id), span,
                _("add a band for it to skala '{scale}', or check the figures").format(scale=scale.id)))
    return found


def _rate(value, scale) -> R.Predikat | None:
    if scale is None or value is None:
        return None
    band = rate(scale, value)
    return None if band is None else R.Predikat(label=band.label, warna=band.color, skala=scale.id)


# ---- assertions ----
# ---- findings ----
def _findings(spec: Spec, values, diagnostics: list[Diagnostic], reuse: Reuse) -> list[R.Finding]:
    findings = []
    scales: dict[str, object] = {}  # each sasaran's skala, for its indikator's predikat
    for sasaran in spec.sasaran if spec.rules else ():
        scales.setdefault(sasaran.id, sasaran.skala)
    for number, rule in enumerate(spec.rules):
        if rule.scope is None or rule.condition is None:
            continue
        own_fields, _ = rule_scope_fields(rule.scope)
        reads_others = bool(expressions.references(rule.condition.expr)[1])
        for item_id, owner, children, span, texts in _scope_items(spec, rule.scope):
            finding, problem = reuse.finding(
                (number, item_id), owner, None if reads_others else [item_id, *children],
                lambda i=item_id, o=owner, c=children, sp=span, t=texts, r=rule, f=own_fields: _finding(
                    spec, values, r, f, i, o, c, sp, t, scales))
            if problem is not None:
                diagnostics.append(problem)
            if finding is not None:
                findings.append(finding)
    return findings


def _finding(spec: Spec, values, rule, own_fields, item_id, owner, children, span, texts, scales
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
        return None, error(exc.code, _("aturan {rule} on {item}: {problem}").format(rule=rule.id, item=item_id,
                                                                                    problem=exc),
                           exc.span, *exc.hints)
    if hit is None or not expressions.truth(hit):
        return None, None
    fields = {f: own(f) for f in own_fields}
    fields.update(texts)
    if rule.scope in ("indikator", "sasaran"):
        sasaran_ref = scales.get(owner.sasaran_id) if rule.scope == "indikator" else None
        predikat = _predikat(spec, values, item_id, owner.skala, sasaran_ref)
        fields["predikat"] = predikat.label if predikat else "-"
    return R.Finding(rule=rule.id, severity=SEVERITIES[rule.severity], message=fill(rule.message or rule.title, fields),
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
