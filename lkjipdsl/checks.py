"""Stage 3: semantic checks over the typed spec, each a pure function `(spec) -> diagnostics`.

`CHECKS` is the registry (name → function, with its docstring as the description);
`lkjipdsl.loads(text, only_checks=[NAME, …])` runs a subset.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import expr as expressions
from . import fields, hints, limits
from .diagnostics import Diagnostic, Span, did_you_mean, error, warning
from .i18n import N_, _
from .aggregation import AGGREGATIONS
from .model import Document, Number, Official, Spec, Summary
from .polarity import polarity
from .amounts import check_amounts
from .memo import per_items
from .scales import STANDARD_SCALES, check_scale
from .patterns import deferred


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
            problems.append(error("E110", _("'{id}' is a reserved name and cannot be an id").format(id=item_id),
                                  item.id_span or item.span, _("choose another id")))
        elif item_id in seen:
            first = seen[item_id]
            problems.append(error("E110", _("duplicate id '{id}': {kind} here, {first_kind} at line {line}").format(
                                      id=item_id, kind=_kind(item), first_kind=_kind(first), line=first.span.line),
                                  item.id_span or item.span,
                                  _("every sasaran, indikator and budget code must be unique")))
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
            problems.append(error("E111", _("unknown skala '{name}'").format(name=ref[0]), ref[1],
                                  did_you_mean(ref[0], known)
                                  or _("known scales: {scales}").format(scales=", ".join(sorted(known)))))
    return problems


def check_budget(spec: Spec) -> list[Diagnostic]:
    """Parents take their anggaran and realisasi from their children; codes nest under parents.
    Each program's nodes on their own (a Session takes over what was found in a program not edited)."""
    return per_items("budget", spec.all_programs(), lambda program: _program_budget(program.subtree()))


def _program_budget(nodes) -> list[Diagnostic]:
    problems = []
    for node in nodes:
        if node.children:
            for key in ("anggaran", "realisasi"):
                number = getattr(node, key)
                if number is not None:
                    problems.append(error(
                        "E151", _("{kind} {code} has {key} {number}, but a {kind} with {child_kind} blocks takes its "
                                  "{key} from their sum").format(kind=node.kind, code=node.code, key=key,
                                                                  number=number.text,
                                                                  child_kind=node.children[0].kind),
                        number.span,
                        _("to check what a document printed, write: {example}").format(
                            example=f'tercetak {key} {number.text} "Tabel …"')))
        elif node.anggaran is None:
            problems.append(error("E106", _("{kind} {code} has no anggaran").format(kind=node.kind, code=node.code),
                                  node.span,
                                  _("add: {example} (or add its kegiatan/subkegiatan)").format(
                                      example="anggaran 1.000.000")))
        for child in node.children:
            if not child.code.startswith(node.code + ".") and child.code[:1].isdigit():
                problems.append(warning("W206", _("{kind} {code} stands under {parent_kind} {parent} but its code "
                                                  "does not start with '{prefix}'").format(
                                            kind=child.kind, code=child.code, parent_kind=node.kind,
                                            parent=node.code, prefix=node.code + "."),
                                        child.span))
    return problems


def check_weights(spec: Spec) -> list[Diagnostic]:
    """A weighted sasaran gives every indikator a bobot, and weights are not all zero."""
    problems = []
    for sasaran in spec.sasaran:
        if not AGGREGATIONS[sasaran.agregasi].weighted:
            for item in sasaran.indikator if sasaran.rumus is None else ():  # a rumus may use anak.bobot
                if item.bobot is not None:
                    problems.append(warning("W207", _("indikator {item} has a bobot but sasaran {sasaran} does not "
                                                      "use agregasi rata_rata_bobot").format(item=item.id,
                                                                                             sasaran=sasaran.id),
                                            item.bobot.span))
            continue
        for item in sasaran.indikator:
            if item.bobot is None:
                problems.append(error("E106", _("indikator {item} has no bobot, but sasaran {sasaran} is weighted "
                                                "(agregasi rata_rata_bobot)").format(item=item.id, sasaran=sasaran.id),
                                      item.span, _("add: {example}").format(example="bobot 1")))
            elif item.bobot.value is not None and item.bobot.value < 0:
                problems.append(error("E103", _("a bobot cannot be negative"), item.bobot.span))
    return problems


def check_signs(spec: Spec) -> list[Diagnostic]:
    """No negative number where a formula divides by it or an amount cannot be below zero: targets
    of maksimal, minimal and rentang, pagu, output targets, the efisiensi threshold (E152). A
    negative realisasi anggaran is a warning (W213): a refund larger than the spending, or a sign."""
    problems = []
    problems += per_items("signs", spec.indikator(), _indikator_signs)
    # a dokumen's nodes with its prefix
    # program by program (a Session takes over a program not edited whole, not node by node)
    problems += per_items("signs", spec.all_programs(), lambda program: [
        problem for node in program.subtree() for problem in _budget_signs(node, f"{node.kind} {node.id}")])
    threshold = spec.efficiency_threshold
    if _negative(threshold):
        positive = threshold.text.lstrip("-")
        problems.append(error("E152", _("the efisiensi threshold is negative ({number}): it is a distance either "
                                        "way from zero").format(number=threshold.text), threshold.span,
                              _("write efisiensi {positive}: a difference above +{positive} points is Efisien, "
                                "below −{positive} Tidak Efisien").format(positive=positive)))
    return problems


def _indikator_signs(item) -> list[Diagnostic]:
    entry = polarity(item.polaritas)
    problems = []
    for number, what, more in _indikator_divisors(item):
        if _negative(number):
            formula = entry.inverted_by_negative
            problems.append(error(
                "E152", _("{what} is negative ({number}): the capaian is {formula}, so a better realisasi would "
                          "give a lower capaian").format(what=_(what).format(item=item.id, **more),
                                                         number=number.text, formula=_(formula)),
                number.span, _(entry.signed_hint)))
    return problems


def _budget_signs(node, name: str) -> list[Diagnostic]:
    # (number, what it is, its fields): what it is is said only for a negative number (a budget has few)
    pagu = [(node.anggaran, N_("the anggaran (pagu) of {item}"), {})]
    pagu += [(entry.values.get(key), N_("the {key} of riwayat {year} of {item}"), {"key": key, "year": entry.year})
             for entry in node.riwayat for key in ("anggaran", "target")]
    pagu += [(entry.values.get("anggaran"), N_("the anggaran of renstra {year} of {item}"),
              {"year": entry.year or "akhir"}) for entry in node.renstra]
    rows = node.periods.rows if node.periods is not None else ()
    pagu += [(row.target, N_("the target of {period} of {item}"), {"period": row.period})
             for row in rows if _below_zero(row.target_value)]
    spent = [(node.realisasi, N_("the realisasi of {item}"), {})]
    spent += [(entry.values.get("realisasi"), N_("the realisasi of riwayat {year} of {item}"), {"year": entry.year})
              for entry in node.riwayat]
    spent += [(row.realisasi, N_("the realisasi of {period} of {item}"), {"period": row.period})
              for row in rows if _below_zero(row.realisasi_value)]
    problems = [error("E152", _("{what} is negative ({number}): a pagu cannot be below zero, and the serapan is "
                                "divided by it").format(what=_(what).format(item=name, **more), number=number.text),
                      number.span, _("remove the minus sign"))
                for number, what, more in pagu if _negative(number)]
    output = node.output.get("target")
    if _negative(output):
        problems.append(error("E152", _("the output target of {item} is negative ({number}): the capaian output is "
                                        "divided by it, so more output would give less").format(item=name,
                                                                                                number=output.text),
                              output.span, _("remove the minus sign")))
    problems += [warning("W213", _("{what} is negative ({number})").format(what=_(what).format(item=name, **more),
                                                                           number=number.text),
                         number.span,
                         _("a refund larger than the spending? An export that prints spending as negative amounts "
                           "needs the minus signs removed"))
                 for number, what, more in spent if _negative(number)]
    return problems


def _indikator_divisors(item):
    """(number, what it is, its fields) for each target the indikator's capaian is divided by: its
    target (both bounds of a range), unless a rumus computes the capaian; the targets of its periods
    and earlier years, which the polarity formula computes. `stabil` takes the distance
    |1 − realisasi / target| and keeps its meaning below zero; a range's periods and earlier
    years have no capaian (lkjipdsl/polarity.py). What it is (a message, with {item}) is said only
    for a negative number."""
    polarity_of_item = polarity(item.polaritas)
    if polarity_of_item.inverted_by_negative is None:
        return
    if item.rumus is None:
        low = (N_("the lower bound of the target of indikator {item}") if item.target_atas is not None
               else N_("the target of indikator {item}"))
        yield item.target, low, {}
        yield item.target_atas, N_("the upper bound of the target of indikator {item}"), {}
    if not polarity_of_item.periods_have_capaian:
        return
    for row in item.periods.rows if item.periods is not None else ():
        yield row.target, N_("the target of {period} of indikator {item}"), {"period": row.period}
    for entry in item.riwayat:
        yield entry.values.get("target"), N_("the target of riwayat {year} of indikator {item}"), {"year": entry.year}


def _negative(number: Number | None) -> bool:
    return number is not None and _below_zero(number.value)


def _below_zero(value) -> bool:
    return value is not None and value < 0


def check_caps(spec: Spec) -> list[Diagnostic]:
    """A capaian's batas_atas is not below its batas_bawah, wherever each is set (E153): the
    item's own setting wins over the file's, each on its own."""
    problems = []
    file_limits = spec.limits
    if _crossed(file_limits.cap, file_limits.floor):
        problems.append(_caps_error(file_limits.cap, file_limits.floor, _("the whole file"), file_limits.cap.span))
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
    return error("E153", _("batas_atas {cap} (line {cap_line}) is below batas_bawah {floor} (line {floor_line}) for "
                           "{what}: a capaian cannot be capped at {cap} and raised to {floor} at once").format(
                     cap=cap.text, cap_line=cap.span.line, floor=floor.text, floor_line=floor.span.line, what=what),
                 span, _("swap the two numbers, or remove one; an item's own batas_atas or batas_bawah wins over the "
                         "one at the top of the file"))


def check_links(spec: Spec) -> list[Diagnostic]:
    """Programs name sasaran that exist; dokumen nodes link (sama_dengan) to nodes of this year of the same kind."""
    ids = {s.id for s in spec.sasaran}
    problems = []
    for node in spec.all_budget_nodes():
        for name, span in node.sasaran:
            if name not in ids:
                problems.append(error("E111", _("unknown sasaran '{name}'").format(name=name), span,
                                      did_you_mean(name, ids)))
    current = {n.id: n for n in spec.budget_nodes()}
    for document in spec.documents:
        linked: dict[str, object] = {}
        for node in document.budget_nodes():
            if node.link is None:
                continue
            code, span = node.link
            target = current.get(code)
            if target is None:
                codes = ", ".join(list(current)[:12]) + (", …" if len(current) > 12 else "")
                problems.append(error("E111", _("sama_dengan '{code}': no program, kegiatan or subkegiatan has that "
                                                "code this year").format(code=code), span,
                                      did_you_mean(code, current)
                                      or (_("codes this year: {codes}").format(codes=codes) if current else "")))
            elif target.kind != node.kind:
                problems.append(warning("W208", _("{kind} {id} is linked to {target_kind} {code}").format(
                                            kind=node.kind, id=node.id, target_kind=target.kind, code=code),
                                        span, _("link nodes of the same level")))
            elif code in linked:
                problems.append(error("E110", _("{code} is linked twice in dokumen {document} (also from "
                                                "{other})").format(code=code, document=document.id,
                                                                   other=linked[code]), span))
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
            own, _children = fields.rule_scope_fields(rule.scope)
            problems += _check_placeholders(rule, set(own) | set(fields.TEXT_FIELDS))
        if len(problems) > allowed and _errors(problems) > allowed:  # run_checks stops there
            break
    return problems


def _expressions(spec: Spec):
    """(expression, what it may name, its rule or None) for every rumus and rule condition."""
    # made when an expression names another item: a spec's rules seldom do, and the fields of every
    # item of a 10k spec take longer to gather than checking its expressions
    items = _OnFirstUse(lambda: item_fields(spec))
    earlier = _OnFirstUse(lambda: earlier_items(spec))
    for item in spec.indikator():
        if item.rumus is not None:
            own = frozenset(fields.INDIKATOR) - {"capaian"}  # a rumus cannot name its own capaian
            yield item.rumus.expr, expressions.Scope(own, frozenset(), items, frozenset(fields.EARLIER_INDIKATOR),
                                                     earlier, spec.tahun), None
    for sasaran in spec.sasaran:
        if sasaran.rumus is not None:
            yield sasaran.rumus.expr, expressions.Scope(frozenset(), frozenset(fields.INDIKATOR), items,
                                                        earlier_items=earlier, year=spec.tahun), None
    for summary in spec.summaries:
        if summary.rumus is not None:
            yield summary.rumus.expr, expressions.Scope(frozenset(), frozenset(), items, earlier_items=earlier,
                                                        year=spec.tahun), None
    for rule in spec.rules:
        if rule.condition is None or rule.scope is None:
            continue
        own, child = fields.rule_scope_fields(rule.scope)
        yield rule.condition.expr, expressions.Scope(frozenset(own), frozenset(child), items,
                                                     frozenset(fields.rule_scope_earlier(rule.scope)), earlier,
                                                     spec.tahun), rule


class _OnFirstUse(Mapping):
    """A mapping made by `make` when first read."""

    def __init__(self, make: Callable[[], dict]):
        self._make, self._made = make, None

    def _mapping(self) -> dict:
        if self._made is None:
            self._made = self._make()
        return self._made

    def __getitem__(self, key):
        return self._mapping()[key]

    def __iter__(self):
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())


_PLACEHOLDER = deferred(r"\{[^{}]*\}")


def _check_placeholders(rule, allowed: set[str]) -> list[Diagnostic]:
    from .messages import placeholders

    problems = []
    text = rule.message
    covered = [m.span() for m in _PLACEHOLDER.finditer(text)]
    stray = next((i for i, char in enumerate(text) if char in "{}" and not any(a <= i < b for a, b in covered)),
                 None)
    if stray is not None:
        problems.append(error("E134", _("a '{brace}' in the pesan of aturan {rule} is not part of a "
                                        "{{placeholder}}").format(brace=text[stray], rule=rule.id),
                              _inside(rule.message_span, text, stray, 1),
                              _("close each placeholder: {first}, {second}; braces cannot stand alone").format(
                                  first="{nama}", second="{serapan}")))
    for name in placeholders(text):
        if name not in allowed:
            where = text.find("{" + name + "}")
            problems.append(error("E134", _("unknown placeholder '{placeholder}' in the pesan of aturan {rule}").format(
                                      placeholder="{" + name + "}", rule=rule.id),
                                  _inside(rule.message_span, text, where, len(name) + 2),
                                  did_you_mean(name, allowed)
                                  or _("placeholders: {names}").format(names=", ".join(sorted(allowed)))))
    return problems


def _inside(span: Span | None, text: str, index: int, length: int) -> Span | None:
    """The part of a quoted text at `index` (in the text as read): exact when the literal has no
    escapes (then it is the text and its two quotes), else the whole literal."""
    if span is None or index < 0 or span.line != span.end_line or span.end_column - span.column != len(text) + 2:
        return span
    start = span.column + 1 + index
    return Span(span.file, span.line, start, span.line, start + length)


def item_fields(spec: Spec) -> dict[str, tuple[str, ...]]:
    items: dict[str, tuple[str, ...]] = {fields.TOTAL_ID: fields.TOTAL}
    for document in spec.documents:
        items[document.id] = fields.BUDGET
    for summary in spec.summaries:
        items[summary.id] = ("nilai",)
    for sasaran in spec.sasaran:
        items[sasaran.id] = fields.SASARAN
    for item in spec.indikator():
        for name in indikator_names(item):
            items[name] = fields.INDIKATOR + _earlier_fields(item.riwayat, fields.EARLIER_INDIKATOR)
    for node in spec.budget_nodes():
        items[budget_name(node)] = fields.BUDGET + _earlier_fields(node.riwayat, fields.EARLIER_BUDGET)
    return items


def indikator_names(item) -> tuple[str, ...]:
    """`indikator_name`, and for a code that begins with letters (IKU.1.2) the kind and code too
    (`indikator IKU.1.2.capaian`, as `indikator 01.01.capaian`)."""
    name = indikator_name(item)
    return (name, f"indikator {item.id}") if "." in item.id and name == item.id else (name,)


def indikator_name(item) -> str:
    """How an expression names an indikator: by its id (`IKU1`), or by kind and code when its id is a
    code (`indikator 01.01`, as `indikator 01.01.capaian`)."""
    return f"indikator {item.id}" if item.id[:1].isdigit() else item.id


def budget_name(node) -> str:
    """How an expression names this year's program, kegiatan or sub kegiatan: `kegiatan 1.1`."""
    return f"{node.kind} {node.code}"


def earlier_items(spec: Spec) -> dict[str, tuple[str, ...]]:
    """The items an expression can name in an earlier year, with the fields it can name so."""
    earlier: dict[str, tuple[str, ...]] = {name: fields.EARLIER_INDIKATOR for item in spec.indikator()
                                           for name in indikator_names(item)}
    earlier.update((budget_name(node), fields.EARLIER_BUDGET) for node in spec.budget_nodes())
    return earlier


def _earlier_fields(riwayat, names: tuple[str, ...]) -> tuple[str, ...]:
    """`realisasi@2022` … for each year of an item's riwayat (a year written twice: its first entry)."""
    years = dict.fromkeys(entry.year for entry in riwayat)
    return tuple(f"{name}{expressions.AT}{year}" for year in years for name in names)


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
    "amounts": check_amounts,
    "caps": check_caps,
    "links": check_links,
    "expressions": check_expressions,
}
# Checks of the evaluation graph, run after those of the model by whoever built the graph (api):
# the cycle check (graph.check_cycles).
GRAPH_CHECKS = ("cycles",)


def run_checks(spec: Spec, only: list[str] | None = None,
               on_graph: dict[str, Callable[[Spec], list[Diagnostic]]] | None = None) -> list[Diagnostic]:
    """The checks named in `only` (all by default): those of the model (CHECKS), then those of
    the evaluation graph its builder passes in `on_graph` (GRAPH_CHECKS: api passes the cycle
    check on the graph it built). Like reading, checking stops after max_errors errors (E014);
    their did-you-mean hints share one budget (lkjipdsl/hints.py)."""
    problems: list[Diagnostic] = []
    allowed = limits.current().max_errors
    with hints.bounded():
        for name, check in [*CHECKS.items(), *(on_graph or {}).items()]:
            if only is None or name in only:
                problems.extend(check(spec))
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
                    "E014", _("too many errors; stopped checking after {count}").format(count=limits.number(allowed)),
                    "max_errors", problem.span, None,
                    _("fix the errors above (often one mistake repeated) and check again"))]
            errors += 1
    return problems
