"""Stage 3: semantic checks over the typed spec, each a pure function `(spec) -> diagnostics`.

`CHECKS` is the registry (name → function, with its docstring as the description);
`lkjipdsl check --only NAME` runs a subset.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import expr as expressions
from . import fields
from .diagnostics import Diagnostic, Span, did_you_mean, error, warning
from .model import Document, Official, Spec, Summary
from .scales import STANDARD_SCALES, check_scale


def check_ids(spec: Spec) -> list[Diagnostic]:
    """Ids of sasaran, indikator and codes of program/kegiatan/subkegiatan are unique."""
    problems = []
    seen: dict[str, object] = {}
    reserved = {fields.TOTAL_ID, expressions.CHILDREN}
    items = [(s.id, s) for s in spec.sasaran] + [(i.id, i) for i in spec.indikator()]
    items += [(n.id, n) for n in spec.all_budget_nodes()]
    items += [(d.id, d) for d in spec.documents] + [(r.id, r) for r in spec.summaries]
    items += [(o.id, o) for o in spec.officials]
    for item_id, item in items:
        if item_id in reserved:
            problems.append(error("E110", f"'{item_id}' is a reserved name and cannot be an id",
                                  item.id_span or item.span, "choose another id"))
        elif item_id in seen:
            first = seen[item_id]
            problems.append(error("E110", f"duplicate id '{item_id}': {_kind(item)} here, {_kind(first)} "
                                  f"at line {first.span.line}", item.id_span or item.span,
                                  "every sasaran, indikator and budget code must be unique"))
        else:
            seen[item_id] = item
    return problems


def check_scales(spec: Spec) -> list[Diagnostic]:
    """Declared scales have no gaps or overlaps; every scale named exists."""
    problems = []
    for scale in spec.scales.values():
        if scale.bands:
            problems.extend(check_scale(scale))
    known = set(STANDARD_SCALES) | set(spec.scales)
    refs = [spec.skala, spec.skala_anggaran] + [s.skala for s in spec.sasaran] + [i.skala for i in spec.indikator()]
    for ref in refs:
        if ref is not None and ref[0] not in known:
            problems.append(error("E111", f"unknown skala '{ref[0]}'", ref[1],
                                  did_you_mean(ref[0], known) or "known scales: " + ", ".join(sorted(known))))
    return problems


def check_budget(spec: Spec) -> list[Diagnostic]:
    """Parents take their anggaran and realisasi from their children; codes nest under parents."""
    problems = []
    for node in spec.all_budget_nodes():
        if node.children:
            for key in ("anggaran", "realisasi"):
                number = getattr(node, key)
                if number is not None:
                    problems.append(error(
                        "E151", f"{node.kind} {node.code} has {key} {number.text}, but a {node.kind} with "
                        f"{node.children[0].kind} blocks takes its {key} from their sum", number.span,
                        f"to check what a document printed, write: tercetak {key} {number.text} \"Tabel …\""))
        elif node.anggaran is None:
            problems.append(error("E106", f"{node.kind} {node.code} has no anggaran", node.span,
                                  "add: anggaran 1.000.000 (or add its kegiatan/subkegiatan)"))
        for child in node.children:
            if not child.code.startswith(node.code + ".") and child.code[:1].isdigit():
                problems.append(warning("W206", f"{child.kind} {child.code} stands under {node.kind} "
                                        f"{node.code} but its code does not start with '{node.code}.'",
                                        child.span))
    return problems


def check_weights(spec: Spec) -> list[Diagnostic]:
    """A weighted sasaran gives every indikator a bobot, and weights are not all zero."""
    problems = []
    for sasaran in spec.sasaran:
        if sasaran.agregasi != "rata_rata_bobot":
            for item in sasaran.indikator if sasaran.rumus is None else ():  # a rumus may use anak.bobot
                if item.bobot is not None:
                    problems.append(warning("W207", f"indikator {item.id} has a bobot but sasaran {sasaran.id} "
                                            "does not use agregasi rata_rata_bobot", item.bobot.span))
            continue
        for item in sasaran.indikator:
            if item.bobot is None:
                problems.append(error("E106", f"indikator {item.id} has no bobot, but sasaran {sasaran.id} is "
                                      "weighted (agregasi rata_rata_bobot)", item.span, "add: bobot 1"))
            elif item.bobot.value is not None and item.bobot.value < 0:
                problems.append(error("E103", "a bobot cannot be negative", item.bobot.span))
    return problems


def check_links(spec: Spec) -> list[Diagnostic]:
    """Programs name sasaran that exist; dokumen nodes link (sama_dengan) to nodes of this year of the same kind."""
    ids = {s.id for s in spec.sasaran}
    problems = []
    for node in spec.all_budget_nodes():
        for name, span in node.sasaran:
            if name not in ids:
                problems.append(error("E111", f"unknown sasaran '{name}'", span, did_you_mean(name, ids)))
    current = {n.id: n for n in spec.budget_nodes()}
    for document in spec.documents:
        linked: dict[str, object] = {}
        for node in document.budget_nodes():
            if node.link is None:
                continue
            code, span = node.link
            target = current.get(code)
            if target is None:
                problems.append(error("E111", f"sama_dengan '{code}': no program, kegiatan or subkegiatan "
                                      "has that code this year", span, did_you_mean(code, current) or (
                                          "codes this year: " + ", ".join(list(current)[:12])
                                          + (", …" if len(current) > 12 else "") if current else "")))
            elif target.kind != node.kind:
                problems.append(warning("W208", f"{node.kind} {node.id} is linked to {target.kind} {code}",
                                        span, "link nodes of the same level"))
            elif code in linked:
                problems.append(error("E110", f"{code} is linked twice in dokumen {document.id} (also from "
                                      f"{linked[code]})", span))
            else:
                linked[code] = node.id
    return problems


def check_expressions(spec: Spec) -> list[Diagnostic]:
    """Rumus and rule conditions name only known variables, items and functions."""
    problems = []
    items = item_fields(spec)
    for item in spec.indikator():
        if item.rumus is not None:
            scope = expressions.Scope(frozenset(fields.INDIKATOR) - {"capaian"}, frozenset(), items)
            problems += expressions.check(item.rumus.expr, scope, spec.convention)
    for sasaran in spec.sasaran:
        if sasaran.rumus is not None:
            scope = expressions.Scope(frozenset(), frozenset(fields.INDIKATOR), items)
            problems += expressions.check(sasaran.rumus.expr, scope, spec.convention)
    for summary in spec.summaries:
        if summary.rumus is not None:
            scope = expressions.Scope(frozenset(), frozenset(), items)
            problems += expressions.check(summary.rumus.expr, scope, spec.convention)
    for rule in spec.rules:
        if rule.condition is None or rule.scope is None:
            continue
        own, child = rule_scope_fields(rule.scope)
        scope = expressions.Scope(frozenset(own), frozenset(child), items)
        problems += expressions.check(rule.condition.expr, scope, spec.convention)
        if rule.message:
            problems += _check_placeholders(rule, set(own) | set(fields.TEXT_FIELDS))
    return problems


def _check_placeholders(rule, allowed: set[str]) -> list[Diagnostic]:
    from .messages import placeholders

    problems = []
    text = rule.message
    covered = [m.span() for m in re.finditer(r"\{[^{}]*\}", text)]
    stray = next((i for i, char in enumerate(text) if char in "{}" and not any(a <= i < b for a, b in covered)),
                 None)
    if stray is not None:
        problems.append(error("E134", f"a '{text[stray]}' in the pesan of aturan {rule.id} is not part of a "
                              "{placeholder}", _inside(rule.message_span, text, stray, 1),
                              "close each placeholder: {nama}, {serapan}; braces cannot stand alone"))
    for name in placeholders(text):
        if name not in allowed:
            where = text.find("{" + name + "}")
            problems.append(error("E134", f"unknown placeholder '{{{name}}}' in the pesan of aturan {rule.id}",
                                  _inside(rule.message_span, text, where, len(name) + 2),
                                  did_you_mean(name, allowed) or "placeholders: " + ", ".join(sorted(allowed))))
    return problems


def _inside(span: Span | None, text: str, index: int, length: int) -> Span | None:
    """The part of a quoted text at `index` (in the text as read): exact when the literal has no
    escapes (then it is the text and its two quotes), else the whole literal."""
    if span is None or index < 0 or span.line != span.end_line or span.end_column - span.column != len(text) + 2:
        return span
    start = span.column + 1 + index
    return Span(span.file, span.line, start, span.line, start + length)


def check_cycles(spec: Spec) -> list[Diagnostic]:
    """The values form a DAG: a rumus may not depend on itself, directly or through others."""
    from .graph import compile_spec
    from .rules import RuleContext

    # Only a rumus can name another value; without one the graph is a tree of sums and ratios.
    if not (spec.summaries or any(s.rumus for s in spec.sasaran) or any(i.rumus for i in spec.indikator())):
        return []
    ctx = RuleContext(spec)
    graph = compile_spec(spec, ctx)
    spec.compiled = (graph, ctx)  # the evaluation need not compile it again
    return graph.diagnostics


def rule_scope_fields(scope: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if scope == "indikator":
        return fields.INDIKATOR, ()
    if scope == "sasaran":
        return fields.SASARAN, fields.INDIKATOR
    if scope == "subkegiatan":
        return fields.BUDGET, ()  # sub kegiatan have no children
    return fields.BUDGET, fields.BUDGET


def item_fields(spec: Spec) -> dict[str, tuple[str, ...]]:
    items: dict[str, tuple[str, ...]] = {fields.TOTAL_ID: fields.TOTAL}
    for document in spec.documents:
        items[document.id] = fields.BUDGET
    for summary in spec.summaries:
        items[summary.id] = ("nilai",)
    for sasaran in spec.sasaran:
        items[sasaran.id] = fields.SASARAN
    for item in spec.indikator():
        items[item.id] = fields.INDIKATOR
    return items


def _kind(item) -> str:
    # dokumen, ringkasan and pejabat have no (or another) `kind`: name them by their keyword
    words = {Document: "dokumen", Summary: "ringkasan", Official: "pejabat"}
    return words.get(type(item)) or item.kind


CHECKS: dict[str, Callable[[Spec], list[Diagnostic]]] = {
    "ids": check_ids,
    "scales": check_scales,
    "budget": check_budget,
    "weights": check_weights,
    "links": check_links,
    "expressions": check_expressions,
    "cycles": check_cycles,
}


def run_checks(spec: Spec, only: list[str] | None = None,
               instead: dict[str, Callable[[Spec], list[Diagnostic]]] | None = None) -> list[Diagnostic]:
    """The checks named in `only` (all by default); `instead` replaces some by name (a session
    checks cycles on the graph it compiles incrementally)."""
    problems: list[Diagnostic] = []
    for name, check in CHECKS.items():
        if only is None or name in only:
            problems.extend((instead or {}).get(name, check)(spec))
    return problems
