"""Stage 3: semantic checks over the typed spec, each a pure function `(spec) -> diagnostics`.

`CHECKS` is the registry (name → function, with its docstring as the description);
`lkjipdsl check --only NAME` runs a subset.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import expr as expressions
from . import fields, hints, limits
from .diagnostics import Diagnostic, Span, did_you_mean, error, warning
from .model import Document, Number, Official, Spec, Summary
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


# why a negative target makes no sense, by polaritas: each divides by the target
_INVERTED = {
    None: "realisasi / target × 100",
    "maksimal": "realisasi / target × 100",
    "minimal": "(2 × target − realisasi) / target × 100",
    "rentang": "realisasi / the nearest bound × 100",
}
# how an indikator that can be negative (a growth rate) says what its capaian is, by polaritas
_SIGNED_HINTS = {
    "minimal": "for an indikator that can be negative (a growth rate), say how its capaian is measured: "
               "rumus 100 + (target - realisasi) / abs(target) * 100",
    "rentang": "for an indikator that can be negative, say how its capaian is measured with a rumus; it sees "
               "target (the lower bound), target_atas and realisasi",
}
_SIGNED_HINT = ("for an indikator that can be negative (a growth rate), say how its capaian is measured: "
                "rumus 100 + (realisasi - target) / abs(target) * 100")


def check_signs(spec: Spec) -> list[Diagnostic]:
    """No negative number where a formula divides by it or an amount cannot be below zero: targets
    of maksimal, minimal and rentang, pagu, output targets, the efisiensi threshold (E152). A
    negative realisasi anggaran is a warning (W213): a refund larger than the spending, or a sign."""
    problems = []
    for item in spec.indikator():
        for number, what in _indikator_divisors(item):
            if _negative(number):
                formula = _INVERTED.get(item.polaritas, _INVERTED[None])
                problems.append(error(
                    "E152", f"{what} is negative ({number.text}): the capaian is {formula}, so a better "
                    "realisasi would give a lower capaian", number.span,
                    _SIGNED_HINTS.get(item.polaritas, _SIGNED_HINT)))
    for node in spec.all_budget_nodes():
        problems += _budget_signs(node, f"{node.kind} {node.id}")  # a dokumen's nodes with its prefix
    threshold = spec.efficiency_threshold
    if _negative(threshold):
        positive = threshold.text.lstrip("-")
        problems.append(error("E152", f"the efisiensi threshold is negative ({threshold.text}): it is a distance "
                              "either way from zero", threshold.span,
                              f"write efisiensi {positive}: a difference above +{positive} points is Efisien, "
                              f"below −{positive} Tidak Efisien"))
    return problems


def _budget_signs(node, name: str) -> list[Diagnostic]:
    pagu = [(node.anggaran, f"the anggaran (pagu) of {name}")]
    pagu += [(entry.values.get(key), f"the {key} of riwayat {entry.year} of {name}")
             for entry in node.riwayat for key in ("anggaran", "target")]
    pagu += [(entry.values.get("anggaran"), f"the anggaran of renstra {entry.year or 'akhir'} of {name}")
             for entry in node.renstra]
    pagu += [(row.target, f"the target of {row.period} of {name}")
             for row in (node.periods.rows if node.periods is not None else ())]
    spent = [(node.realisasi, f"the realisasi of {name}")]
    spent += [(entry.values.get("realisasi"), f"the realisasi of riwayat {entry.year} of {name}")
              for entry in node.riwayat]
    spent += [(row.realisasi, f"the realisasi of {row.period} of {name}")
              for row in (node.periods.rows if node.periods is not None else ())]
    problems = [error("E152", f"{what} is negative ({number.text}): a pagu cannot be below zero, and the "
                      "serapan is divided by it", number.span, "remove the minus sign")
                for number, what in pagu if _negative(number)]
    output = node.output.get("target")
    if _negative(output):
        problems.append(error("E152", f"the output target of {name} is negative ({output.text}): the capaian "
                              "output is divided by it, so more output would give less", output.span,
                              "remove the minus sign"))
    problems += [warning("W213", f"{what} is negative ({number.text})", number.span,
                         "a refund larger than the spending? An export that prints spending as negative "
                         "amounts needs the minus signs removed")
                 for number, what in spent if _negative(number)]
    return problems


def _indikator_divisors(item):
    """(number, what it is) for each target the indikator's capaian is divided by: its target
    (both bounds of a range), unless a rumus computes the capaian; the targets of its periods
    and earlier years, which the polarity formula computes. `stabil` takes the distance
    |1 − realisasi / target| and keeps its meaning below zero; a range's periods and earlier
    years have no capaian."""
    if item.polaritas == "stabil":
        return
    if item.rumus is None:
        low = "the lower bound of the target" if item.target_high is not None else "the target"
        yield item.target, f"{low} of indikator {item.id}"
        yield item.target_high, f"the upper bound of the target of indikator {item.id}"
    if item.polaritas == "rentang":
        return
    for row in item.periods.rows if item.periods is not None else ():
        yield row.target, f"the target of {row.period} of indikator {item.id}"
    for entry in item.riwayat:
        yield entry.values.get("target"), f"the target of riwayat {entry.year} of indikator {item.id}"


def _negative(number: Number | None) -> bool:
    return number is not None and number.value is not None and number.value < 0


def check_caps(spec: Spec) -> list[Diagnostic]:
    """A capaian's batas_atas is not below its batas_bawah, wherever each is set (E153): the
    item's own setting wins over the file's, each on its own."""
    problems = []
    file_limits = spec.limits
    if _crossed(file_limits.cap, file_limits.floor):
        problems.append(_caps_error(file_limits.cap, file_limits.floor, "the whole file", file_limits.cap.span))
    for item in [*spec.sasaran, *spec.indikator()]:
        own = item.limits
        if own.cap is None and own.floor is None:
            continue  # the file's pair, reported once above
        cap, floor = own.cap or file_limits.cap, own.floor or file_limits.floor
        if _crossed(cap, floor):
            where = (own.cap or own.floor).span
            problems.append(_caps_error(cap, floor, f"{item.kind} {item.id}", where))
    return problems


def _crossed(cap: Number | None, floor: Number | None) -> bool:
    return (cap is not None and floor is not None and cap.value is not None and floor.value is not None
            and cap.value < floor.value)


def _caps_error(cap: Number, floor: Number, what: str, span: Span) -> Diagnostic:
    return error("E153", f"batas_atas {cap.text} (line {cap.span.line}) is below batas_bawah {floor.text} "
                 f"(line {floor.span.line}) for {what}: a capaian cannot be capped at {cap.text} and raised to "
                 f"{floor.text} at once", span, "swap the two numbers, or remove one; an item's own batas_atas or "
                 "batas_bawah wins over the one at the top of the file")


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
    problems: list[Diagnostic] = []
    allowed = limits.current().max_errors
    for expr, scope, rule in _expressions(spec):
        problems += expressions.check(expr, scope, spec.convention)
        if rule is not None and rule.message:
            own, _ = rule_scope_fields(rule.scope)
            problems += _check_placeholders(rule, set(own) | set(fields.TEXT_FIELDS))
        if len(problems) > allowed and _errors(problems) > allowed:  # run_checks stops there
            break
    return problems


def _expressions(spec: Spec):
    """(expression, what it may name, its rule or None) for every rumus and rule condition."""
    items = item_fields(spec)
    for item in spec.indikator():
        if item.rumus is not None:
            own = frozenset(fields.INDIKATOR) - {"capaian"}  # a rumus cannot name its own capaian
            yield item.rumus.expr, expressions.Scope(own, frozenset(), items), None
    for sasaran in spec.sasaran:
        if sasaran.rumus is not None:
            yield sasaran.rumus.expr, expressions.Scope(frozenset(), frozenset(fields.INDIKATOR), items), None
    for summary in spec.summaries:
        if summary.rumus is not None:
            yield summary.rumus.expr, expressions.Scope(frozenset(), frozenset(), items), None
    for rule in spec.rules:
        if rule.condition is None or rule.scope is None:
            continue
        own, child = rule_scope_fields(rule.scope)
        yield rule.condition.expr, expressions.Scope(frozenset(own), frozenset(child), items), rule


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
    "signs": check_signs,
    "caps": check_caps,
    "links": check_links,
    "expressions": check_expressions,
    "cycles": check_cycles,
}


def run_checks(spec: Spec, only: list[str] | None = None,
               instead: dict[str, Callable[[Spec], list[Diagnostic]]] | None = None) -> list[Diagnostic]:
    """The checks named in `only` (all by default); `instead` replaces some by name (a session
    checks cycles on the graph it compiles incrementally). Like reading, checking stops after
    max_errors errors (E014); their did-you-mean hints share one budget (lkjipdsl/hints.py)."""
    problems: list[Diagnostic] = []
    allowed = limits.current().max_errors
    with hints.bounded():
        for name, check in CHECKS.items():
            if only is None or name in only:
                problems.extend((instead or {}).get(name, check)(spec))
                if _errors(problems) > allowed:
                    return _stopped(problems, allowed)
    return problems


def _errors(problems: list[Diagnostic]) -> int:
    return sum(d.is_error for d in problems)


def _stopped(problems: list[Diagnostic], allowed: int) -> list[Diagnostic]:
    """The diagnostics up to the `allowed`-th error, then one E014 where the next error stands."""
    errors = 0
    for index, problem in enumerate(problems):
        if problem.is_error:
            if errors == allowed:
                return problems[:index] + [limits.limit_error(
                    "E014", f"too many errors; stopped checking after {limits.number(allowed)}", "max_errors",
                    problem.span, None, "fix the errors above (often one mistake repeated) and check again")]
            errors += 1
    return problems
