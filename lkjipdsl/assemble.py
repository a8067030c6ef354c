"""Stage 6: the result records (lkjipdsl/results.py) assembled from the computed values — each
item's values with their computations, predikat, earlier years and periods; the findings of the
`aturan`; the printed figures checked by lkjipdsl/assertions.py; the diagnostics and the scales
used. With the Memory of an earlier evaluation (lkjipdsl.session), the records of items an edit
did not reach are taken over (`Reuse`)."""

from __future__ import annotations

from decimal import Decimal

from . import expr as expressions
from . import history, i18n
from . import results as R
from .assertions import MoneyIndex, check_printed, classify
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

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import Protocol
else:  # a plain class at run time: what it says is for readers and type checkers
    Protocol = object


class Reuse:
    """Takes over the previous evaluation's node results and assertions where nothing they
    depend on changed: the same model object, no changed value of the item, the same findings.

    Each outcome taken over is handed back as it was made, with the number of lines its owner's
    part moved since (0 when it did not): the caller gives the result the records to move
    (results.moving), so that they are copied only when read. The outcome kept for the next
    evaluation is the one made, with the line it was made at."""

    def __init__(self, previous, dirty: set[str] | None, memory, keep_nodes: bool = True, moved: bool = True):
        """moved=False: the caller knows no part moved since `previous` (lkjipdsl.session), so the
        lines of the outcomes taken over are not looked at."""
        self.moved = moved
        self.nodes = previous.nodes if previous is not None and dirty is not None else {}
        # None: a result streamed, never taken over (nor its findings and assertions: 10k spec, 6 MB)
        self.kept_nodes = memory.nodes if keep_nodes else None
        self.kept_findings = memory.findings if keep_nodes else None
        self.kept_assertions = memory.assertions if keep_nodes else None
        self.assertions = previous.assertions if previous is not None and dirty is not None else {}
        self.findings = previous.findings if previous is not None and dirty is not None else {}
        self.dirty = dirty or set()
        self.memory = memory
        kept = previous.money if previous is not None and dirty is not None else None
        # carried on as it is when this evaluation does not ask for it, with what changed meanwhile
        memory.money = (kept[0], kept[1] | self.dirty) if kept is not None else None

    def money_index(self, nodes, values) -> MoneyIndex:
        """The index of the amounts of `nodes` (assertions.money_nodes): the last evaluation's
        changed where amounts changed, else built; kept for the next."""
        kept = self.memory.money
        index = kept[0].again(nodes, values, kept[1]) if kept is not None else MoneyIndex(nodes, values)
        self.memory.money = (index, set())
        return index

    def nodes_into(self, emit, owners, by_node: dict[str, list[R.Finding]], make) -> None:
        """`emit(node, lines)` the node result of each item of `owners`, in order: the last
        evaluation's when it is the same object, none of its values changed and its findings are
        the same, else `make(owner)`. One loop for all, as most items are taken over."""
        before, now, dirty, moved = self.nodes, self.kept_nodes, self.dirty, self.moved
        for owner in owners:
            item_id = owner.id
            taken = before.get(item_id)
            if taken is not None and taken[0] is owner and item_id not in dirty:
                held, found = taken[1].findings, by_node.get(item_id, _NO_FINDINGS)
                if held == found or _same_findings(held, found):
                    if moved:
                        emit(taken[1], self._kept(now, item_id, taken, owner, moved))
                        continue
                    if now is not None:  # _kept when no part moved, without a call per item
                        now[item_id] = taken
                    emit(taken[1], taken[4])
                    continue
            node = make(owner)
            if now is not None:
                now[item_id] = (owner, node, _line(owner), False, 0)
            emit(node, 0)

    def findings_into(self, findings: list, moves: list, problems: list, rule: int, items, reads_others: bool,
                      make) -> None:
        """The finding of rule number `rule` on each (id, model object, children) of `items`, in
        order, added to `findings` (and a rule that cannot be evaluated on an item to `problems`):
        the last evaluation's when the item is the same object and neither its values nor its
        children's changed, and the rule reads no other item's values; else `make(id, owner, children)`
        → (finding or None, diagnostic or None). The findings to be moved go into `moves`."""
        before = self.findings.get(rule, {})
        now = self.kept_findings.setdefault(rule, {}) if self.kept_findings is not None else None
        dirty, moved = self.dirty, self.moved
        for item_id, owner, children in items:
            taken = before.get(item_id)
            if (taken is not None and taken[0] is owner and not reads_others and item_id not in dirty
                    and not (children and any(child.id in dirty for child in children))):
                if moved:
                    outcome, lines = taken[1], self._kept(now, item_id, taken, owner, moved)
                else:  # _kept when no part moved, without a call per item
                    outcome, lines = taken[1], taken[4]
                    if now is not None:
                        now[item_id] = taken
            else:
                outcome, lines = make(item_id, owner, children), 0
                if now is not None:
                    now[item_id] = (owner, outcome, _line(owner), False, 0)
            finding, problem = outcome
            if problem is not None:
                problems.append(problem)
            if finding is not None:
                if lines:
                    moves.append((len(findings), len(findings) + 1, lines))
                findings.append(finding)

    def checks_into(self, out: list, moves: list, phase: str, owners, make, links: dict | None = None) -> None:
        """The assertions of each (owner id, owner) of `owners`, in order, added to `out`: the last
        evaluation's when the owner is the same object, neither its values nor those of the item it
        is linked to (`links`) changed, and they are not made again every time (a printed amount
        that disagrees is explained by looking at every item's amounts); else `make(id, owner)`.
        The groups to be moved go into `moves` (results.moving)."""
        before = self.assertions.get(phase, {})
        now = self.kept_assertions.setdefault(phase, {}) if self.kept_assertions is not None else None
        dirty, moved = self.dirty, self.moved
        for owner_id, owner in owners:
            taken = before.get(owner_id)
            if (taken is not None and taken[0] is owner and not taken[3] and owner_id not in dirty
                    and (links is None or links.get(owner_id) not in dirty)):
                group = taken[1]
                if moved:
                    lines = self._kept(now, owner_id, taken, owner, moved)
                else:  # _kept when no part moved, without a call per owner
                    lines = taken[4]
                    if now is not None:
                        now[owner_id] = taken
                if lines and group:
                    moves.append((len(out), len(out) + len(group), lines))
            else:
                group = make(owner_id, owner)
                if now is not None:
                    now[owner_id] = (owner, group, _line(owner), _explained(group), 0)
            out += group

    @staticmethod
    def _kept(now: dict | None, key, taken: tuple, owner, moved: bool) -> int:
        """The lines the owner of an outcome taken over moved since it was made (when no part moved
        since the last evaluation: as far as it had moved then); the outcome kept for the next."""
        lines = taken[4]
        if moved:
            line = _line(owner)
            lines = line - taken[2] if line is not None and taken[2] is not None else 0
            if lines != taken[4]:
                taken = (owner, taken[1], taken[2], False, lines)
        if now is not None:
            now[key] = taken
        return lines


_NO_FINDINGS: list = []  # an item's findings when it has none (read, never changed)


def _same_findings(before: list[R.Finding], now: list[R.Finding]) -> bool:
    """The same findings, wherever they are located: a finding is located at its item, as the
    node is, so a node taken over moves with its findings (and a finding taken over from a part
    that moved is held at the lines it was made at, while a node made afresh holds it moved)."""
    return before == now or (len(before) == len(now) and all(
        (a.rule, a.severity, a.message, a.node_id) == (b.rule, b.severity, b.message, b.node_id)
        for a, b in zip(before, now)))


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
    node_moves: list[tuple[int, int, int]] = []
    findings, finding_moves = _findings(spec, values, diagnostics, reuse)
    by_node: dict[str, list[R.Finding]] = {}  # as held: what a node taken over is compared with
    for finding in findings:
        by_node.setdefault(finding.node_id or "", []).append(finding)
    # a node made afresh carries its findings at this text's lines
    current = by_node if not finding_moves else _AtCurrentLines(by_node, findings, finding_moves)
    info = R.SpecInfo(file=spec.file, instansi=spec.instansi, tahun=spec.tahun, renstra=spec.renstra_period,
                      tabel=dict(spec.table_titles), pembulatan=spec.pembulatan,
                      skala=spec.skala[0] if spec.skala else None)
    scales_used: dict[str, None] = {}  # the scales of the nodes' predikat, in the order first used
    started = sink is None

    def emit(node: R.NodeResult, lines: int = 0) -> None:
        nonlocal started
        if not started:
            sink.start(info)
            started = True
        for predikat in (node.predikat, node.predikat_serapan):
            if predikat is not None:
                scales_used.setdefault(predikat.skala)
        if sink is not None:
            sink.node(R.moved(node, lines) if lines else node)
            return
        if lines:
            node_moves.append((len(nodes), len(nodes) + 1, lines))
        nodes.append(node)

    for sasaran in spec.sasaran:
        reuse.nodes_into(emit, (sasaran,), by_node, lambda s: _node(
            spec, s.id, "sasaran", s.name, None, s.span, values, current, computations,
            predikat=_predikat(spec, values, s.id, s.skala), keterangan=s.keterangan))
        reuse.nodes_into(emit, sasaran.indikator, by_node, lambda i, s=sasaran: _indikator_node(
            spec, i, s, values, current, computations))
    reuse.nodes_into(emit, spec.budget_nodes(), by_node, lambda b: _budget_node(spec, b, values, current, computations))
    counts = {name: int(values[f"{TOTAL_ID}:{name}"].value) for name in COUNTS}
    emit(_node(spec, TOTAL_ID, "total", spec.instansi or "", None, spec.span, values, current, computations,
               predikat_serapan=_predikat_serapan(spec, values, TOTAL_ID), jumlah=counts,
               capaian_kinerja=_value(values, TOTAL_ID, "capaian_kinerja"),
               predikat=_predikat_of(spec, _value(values, TOTAL_ID, "capaian_kinerja")),
               tahun=spec.tahun, efisiensi=_efisiensi(spec, values, TOTAL_ID)))
    for summary in spec.summaries:
        emit(_node(spec, summary.id, "ringkasan", summary.title, None, summary.span, values, current, computations,
                   nilai=_value(values, summary.id, "nilai"), satuan=summary.satuan))
    for document in spec.documents:
        reuse.nodes_into(emit, (document,), by_node, lambda d: _node(
            spec, d.id, "dokumen", d.title, None, d.span, values, current, computations, tahun=d.tahun,
            keterangan=d.jenis))
        reuse.nodes_into(emit, document.budget_nodes(), by_node,
                         lambda b: _budget_node(spec, b, values, current, computations))
    diagnostics += _unrated(spec, values)
    with display_rounding(spec.pembulatan):  # printed figures compared at the report's own rounding
        checked, assertion_moves = check_printed(spec, values, reuse, _predikat_labels(spec, values))
        assertions = classify(spec, checked)  # one for one: the moves still apply
    return R.Result(spec=info, nodes=R.moving(nodes, node_moves),
                    assertions=R.moving(assertions, assertion_moves), findings=R.moving(findings, finding_moves),
                    diagnostics=[diagnostic_result(d) for d in diagnostics], skala=_scales_used(spec, scales_used))


class _AtCurrentLines:
    """The findings of each item at this text's lines (`get`, as the dict of them): those taken over
    from a part that moved, moved; for the node results made afresh."""

    def __init__(self, by_node: dict[str, list[R.Finding]], findings: list[R.Finding],
                 moves: list[tuple[int, int, int]]):
        self.by_node = by_node
        self.lines = {id(findings[start]): lines for start, _stop, lines in moves}  # one finding each

    def get(self, item_id: str, default=None):
        found = self.by_node.get(item_id)
        if found is None:
            return default
        lines = self.lines
        return [R.moved(f, lines[id(f)]) if id(f) in lines else f for f in found]


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
    out = []
    # the figures of the model's rows as they are written now (a value taken over by a Session
    # from an earlier evaluation, being equal, has the same figures, maybe written otherwise)
    for row, capaian in zip(periods.rows, computed.value.capaian):
        written = row.written()
        if written:
            ratios = {name: number.ratio for name, number in written}
            out.append(R.PeriodResult(periode=row.period, target=row.target_value, realisasi=row.realisasi_value,
                                      capaian=capaian, target_tertulis=ratios.get("target"),
                                      realisasi_tertulis=ratios.get("realisasi")))
        else:
            out.append(R.PeriodResult(periode=row.period, target=row.target_value, realisasi=row.realisasi_value,
                                      capaian=capaian))
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
def _findings(spec: Spec, values, diagnostics: list[Diagnostic], reuse: Reuse
              ) -> tuple[list[R.Finding], list[tuple[int, int, int]]]:
    """The findings of the rules, and those among them taken over from a part that moved (results.moving)."""
    findings = []
    moves = []
    scales: dict[str, object] = {}  # each sasaran's skala, for its indikator's predikat
    for sasaran in spec.sasaran if spec.rules else ():
        scales.setdefault(sasaran.id, sasaran.skala)
    for number, rule in enumerate(spec.rules):
        if rule.scope is None or rule.condition is None:
            continue
        own_fields, _ = rule_scope_fields(rule.scope)
        reads_others = bool(expressions.references(rule.condition.expr)[1])
        reuse.findings_into(findings, moves, diagnostics, number, _scope_items(spec, rule.scope), reads_others,
                            lambda i, o, c, r=rule, f=own_fields: _finding(
                                spec, values, r, f, i, o, [child.id for child in c], o.span, _scope_texts(r.scope, o),
                                scales))
    return findings, moves


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
    """(id, model object, children) of the items a rule is for."""
    if scope == "indikator":
        return [(item.id, item, ()) for item in spec.indikator()]
    if scope == "sasaran":
        return [(sasaran.id, sasaran, sasaran.indikator) for sasaran in spec.sasaran]
    return [(node.id, node, node.children) for node in spec.budget_nodes() if scope == "anggaran" or node.kind == scope]


def _scope_texts(scope: str, owner) -> dict[str, str]:
    """The texts a rule's message may name of an item it is for."""
    if scope == "indikator":
        return {"nama": owner.name, "id": owner.id, "kode": owner.id, "satuan": owner.satuan or ""}
    if scope == "sasaran":
        return {"nama": owner.name, "id": owner.id, "kode": owner.id, "satuan": "%"}
    return {"nama": owner.name, "id": owner.id, "kode": owner.code, "satuan": owner.output_satuan or ""}


def has_blocking(result: R.Result) -> bool:
    return (result.has_errors or bool(result.failed_assertions)
            or any(f.severity == Severity.ERROR.value for f in result.findings))
