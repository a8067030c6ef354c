"""Stage 5: run the evaluation graph in topological order and assemble the result models:
values with their computations, predikat, earlier years, periods, assertions and findings."""

from __future__ import annotations

import re
from decimal import Decimal

from . import expr as expressions
from . import results as R
from .checks import rule_scope_fields
from .diagnostics import Diagnostic, Severity, Span, error
from .fields import TOTAL_ID
from .format import round_half_up
from .graph import Graph, compile_spec
from .messages import fill
from .model import BudgetNode, Indikator, Printed, Spec
from .fields import COUNTS
from .rules import Computed, RuleContext, _div, efficiency_label, period_capaian, polarity_capaian
from .scales import STANDARD_SCALES, rate

SEVERITY = {"galat": "error", "peringatan": "warning", "info": "info"}


def run(spec: Spec) -> tuple[dict[str, Computed], Graph, list[Diagnostic]]:
    ctx = RuleContext(spec)
    graph = compile_spec(spec, ctx)
    computed: dict[str, Computed] = {}
    nodes = graph.nodes
    for graph_key in graph.order:
        computed[graph_key] = nodes[graph_key].compute(computed)
    # in the order the graph defines them (not the evaluation order), so that output is stable
    values = Values((graph_key, computed[graph_key]) for graph_key in nodes)
    return values, graph, graph.diagnostics + ctx.diagnostics


def evaluate_spec(spec: Spec, diagnostics: list[Diagnostic]) -> R.Result:
    values, graph, eval_diagnostics = run(spec)
    known = {(d.code, d.span, d.message) for d in diagnostics}
    diagnostics = diagnostics + [d for d in eval_diagnostics if (d.code, d.span, d.message) not in known]
    nodes: list[R.NodeResult] = []
    findings = _findings(spec, values, diagnostics)
    by_node: dict[str, list[R.Finding]] = {}
    for finding in findings:
        by_node.setdefault(finding.node_id or "", []).append(finding)
    for sasaran in spec.sasaran:
        nodes.append(_node(spec, sasaran.id, "sasaran", sasaran.name, None, sasaran.span, values, by_node,
                           predikat=_predikat(spec, values, sasaran.id, sasaran.skala),
                           keterangan=sasaran.keterangan))
        for item in sasaran.indikator:
            nodes.append(_indikator_node(spec, item, values, by_node))
    for budget in spec.budget_nodes():
        nodes.append(_budget_node(spec, budget, values, by_node))
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
        nodes.append(_node(spec, document.id, "dokumen", document.title, None, document.span, values, by_node,
                           tahun=document.year, keterangan=document.kind))
        for budget in document.budget_nodes():
            nodes.append(_budget_node(spec, budget, values, by_node))
    assertions = _classify(spec, _assertions(spec, values))
    info = R.SpecInfo(file=spec.file, instansi=spec.instansi, tahun=spec.tahun, renstra=spec.renstra_period,
                      skala=spec.skala[0] if spec.skala else None)
    return R.Result(spec=info, nodes=nodes, assertions=assertions, findings=findings,
                    diagnostics=[diagnostic_result(d) for d in diagnostics])


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
    """Computed values by "item:field", with an index by item built once (not a scan per item)."""

    _by_item: dict | None = None

    def of_item(self, item_id: str) -> list[tuple[str, Computed]]:
        if self._by_item is None:
            self._by_item = {}
            for graph_key, computed in self.items():
                item, _, field_name = graph_key.rpartition(":")
                self._by_item.setdefault(item, []).append((field_name, computed))
        return self._by_item.get(item_id, [])


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
def _assertions(spec: Spec, values) -> list[R.AssertionResult]:
    out = []
    owners = [(TOTAL_ID, p) for p in spec.printed]
    owners += [(s.id, p) for s in spec.sasaran for p in s.printed]
    owners += [(i.id, p) for i in spec.indikator() for p in i.printed]
    owners += [(n.id, p) for n in spec.all_budget_nodes() for p in n.printed]
    owners += [(d.id, p) for d in spec.documents for p in d.printed]
    owners += [(r.id, p) for r in spec.summaries for p in r.printed]
    owners += [(o.id, p) for o in spec.officials for p in o.printed]
    texts = _texts(spec)
    years = {TOTAL_ID: spec.tahun, **{d.id: d.year for d in spec.documents}}
    money_index = _money_index(spec, values)
    for owner, printed in owners:
        if printed.text is not None and printed.number is None and printed.problem is None:
            actual = texts.get(owner, {}).get(printed.field, "")
            out.append(R.AssertionResult(node_id=owner, field=printed.field, printed_text=printed.text,
                                         computed_text=actual, ok=_same_text(printed.text, actual, printed.field),
                                         source=printed.source, location=location(printed.span)))
            continue
        if printed.field == "tahun":
            year = years.get(owner)
            out.append(_check_printed(owner, printed, Decimal(year) if year else None))
            continue
        result = _check_printed(owner, printed, _value(values, owner, printed.field))
        if not result.ok and printed.number is not None and printed.field in ("anggaran", "realisasi"):
            result = _explain_money(result, printed, owner, money_index)
        out.append(result)
    row_owners = [(TOTAL_ID, r) for r in spec.printed_rows]
    row_owners += [(i.id, r) for i in spec.indikator() for r in i.printed_rows]
    row_owners += [(n.id, r) for n in spec.all_budget_nodes() for r in n.printed_rows]
    row_owners += [(d.id, r) for d in spec.documents for r in d.printed_rows]
    links = {n.id: n.link[0] for n in spec.all_budget_nodes() if n.link}
    links.update({d.id: TOTAL_ID for d in spec.documents})
    for owner, row in row_owners:
        out += _check_row(owner, row, values, money_index, links)
    for node in spec.all_budget_nodes():
        out += _period_assertions(node.id, node.periods, _value(values, node.id, "anggaran"), "anggaran")
        for entry in node.riwayat:
            a = entry.values.get("anggaran") or entry.values.get("target")
            r, p = entry.values.get("realisasi"), entry.values.get("persen") or entry.values.get("capaian")
            if p is not None and p.value is not None and a and r and a.value and r.value is not None:
                computed = _div(r.value, a.value) * 100
                out.append(_check_printed(node.id, Printed(f"riwayat {entry.year} persen", p, None, p.span),
                                          computed))
    for item in spec.indikator():
        out += _period_assertions(item.id, item.periods, None, None, item.polaritas)
        for entry in item.riwayat:
            t, r, p = (entry.values.get(k) for k in ("target", "realisasi", "capaian"))
            if p is not None and p.value is not None and t and r and t.value is not None and r.value is not None:
                out.append(_check_printed(item.id, Printed(f"riwayat {entry.year} capaian", p, None, p.span),
                                          polarity_capaian(item.polaritas, t.value, r.value)))
        if item.periods is not None:
            for name in ("target", "realisasi"):
                given = getattr(item, name)
                if given is not None and given.value is not None:
                    from .rules import combine_periods
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
def _findings(spec: Spec, values, diagnostics: list[Diagnostic]) -> list[R.Finding]:
    findings = []
    for rule in spec.rules:
        if rule.scope is None or rule.condition is None:
            continue
        own_fields, _ = rule_scope_fields(rule.scope)
        for item_id, _name, children, span, texts in _scope_items(spec, rule.scope):
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
                diagnostics.append(error(exc.code, f"aturan {rule.id} on {item_id}: {exc}", exc.span, *exc.hints))
                continue
            if hit is None or not expressions._truth(hit):
                continue
            fields = {f: own(f) for f in own_fields}
            fields.update(texts)
            if rule.scope in ("indikator", "sasaran"):
                item_ref = next((x for x in [*spec.sasaran, *spec.indikator()] if x.id == item_id), None)
                predikat = _predikat(spec, values, item_id, item_ref.skala if item_ref else None,
                                     getattr(item_ref, "sasaran_id", None))
                fields["predikat"] = predikat.label if predikat else "-"
            findings.append(R.Finding(rule=rule.id, severity=SEVERITY[rule.severity],
                                      message=fill(rule.message or rule.title, fields),
                                      node_id=item_id, location=location(span)))
    return findings


def _scope_items(spec: Spec, scope: str):
    if scope == "indikator":
        for item in spec.indikator():
            yield item.id, item.name, [], item.span, {"nama": item.name, "id": item.id, "kode": item.id,
                                                      "satuan": item.satuan or ""}
    elif scope == "sasaran":
        for sasaran in spec.sasaran:
            yield (sasaran.id, sasaran.name, [i.id for i in sasaran.indikator], sasaran.span,
                   {"nama": sasaran.name, "id": sasaran.id, "kode": sasaran.id, "satuan": "%"})
    else:
        for node in spec.budget_nodes():
            if scope == "anggaran" or node.kind == scope:
                yield (node.id, node.name, [c.id for c in node.children], node.span,
                       {"nama": node.name, "id": node.id, "kode": node.code, "satuan": node.output_satuan or ""})


def has_blocking(result: R.Result) -> bool:
    return (result.has_errors or bool(result.failed_assertions)
            or any(f.severity == Severity.ERROR.value for f in result.findings))
