"""Stage 5b: every printed figure and text (`tercetak`, and the checks that come with the data)
against the computed one, owner by owner, and each disagreement given its kind.

`check_printed` takes a `reuse` (evaluate._Reuse) that hands back the previous evaluation's
results for owners an edit did not reach (lkjipdsl.session); a cold evaluation's reuse has none.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

from . import history
from . import results as R
from .fields import BUDGET_LEVELS, TOTAL_ID, is_money
from .format import angka, round_shown, rupiah
from .i18n import _
from .model import BudgetNode, Indikator, Printed, Spec
from .results import location
from .exact import divide
from .polarity import capaian, polarity
from .values import decimal as _value
from .patterns import deferred


def check_printed(spec: Spec, values, reuse, predikat=lambda owner: None
                  ) -> tuple[list[R.AssertionResult], list[tuple[int, int, int]]]:
    """Every printed figure and text against the computed one, owner by owner (so that an
    incremental evaluation takes over the owners the change does not reach), and those taken over
    from a part that moved (results.moving). `predikat(owner)`: the label of the owner's computed
    predikat (an indikator's or sasaran's capaian, a budget item's serapan), or None."""
    out: list[R.AssertionResult] = []
    moves: list[tuple[int, int, int]] = []
    texts = _Once(lambda: _texts(spec))
    years = {TOTAL_ID: spec.tahun, **{d.id: d.tahun for d in spec.documents}}
    money_index = _Once(lambda: reuse.money_index(money_nodes(spec), values))  # only when a printed amount disagrees
    children = _Once(lambda: _children(spec))  # only when a printed serapan disagrees
    subtrees = _Once(lambda: _Subtrees(spec))
    indikator = _Once(lambda: {item.id: item for item in spec.indikator()})  # only when a capaian disagrees
    notation = "id" if spec.convention == "indonesia" else "en"

    def explained(result: R.AssertionResult, printed: Printed, owner: str, field: str) -> R.AssertionResult:
        """A printed amount that disagrees: another item's amount, or a total off by one row's."""
        result = _explain_money(result, printed, owner, money_index)
        if result.note is None:
            result = _explain_difference(result, owner, field, subtrees, values, notation)
        return result

    def printed_checks(owner: str, printed_list) -> list[R.AssertionResult]:
        checked = []
        for printed in printed_list:
            if printed.text is not None and printed.number is None and printed.problem is None:
                note = None
                if printed.field == "predikat":
                    actual, note = predikat(owner) or ("-", None)
                else:
                    actual = texts().get(owner, {}).get(printed.field, "")
                ok = _same_text(printed.text, actual, printed.field)
                checked.append(R.AssertionResult(node_id=owner, field=printed.field, printed_text=printed.text,
                                                 computed_text=actual, ok=ok, note=None if ok else note,
                                                 source=printed.source, location=location(printed.span)))
                continue
            if printed.field == "tahun":
                year = years.get(owner)
                checked.append(_check_printed(owner, printed, Decimal(year) if year else None))
                continue
            result = _check_printed(owner, printed, _value(values, owner, printed.field))
            if not result.ok and printed.number is not None and printed.field in ("anggaran", "realisasi"):
                result = explained(result, printed, owner, printed.field)
            elif not result.ok and printed.field == "serapan":
                result = _explain_mean(result, printed, owner, spec, values, children)
            elif not result.ok and printed.field == "capaian" and owner in indikator():
                result = _within_rounding(result, printed, indikator()[owner])
            checked.append(result)
        return checked

    items, budget = list(spec.indikator()), spec.all_budget_nodes()  # each walked once
    every = [spec, *spec.sasaran, *items, *budget, *spec.documents, *spec.summaries, *spec.officials]
    reuse.checks_into(out, moves, "tercetak", [(_owner_id(o), o) for o in every if o.printed],
                      lambda i, o: printed_checks(i, o.printed))
    links = {n.id: n.link[0] for n in budget if n.link}
    links.update({d.id: TOTAL_ID for d in spec.documents})
    rows = [spec, *items, *budget, *spec.documents]
    reuse.checks_into(out, moves, "baris", [(_owner_id(o), o) for o in rows if o.printed_rows], lambda i, o: [
        a for row in o.printed_rows for a in _check_row(i, row, values, money_index, links, spec, children,
                                                        explained, o)], links)
    reuse.checks_into(out, moves, "periode", [(n.id, n) for n in budget if n.periods is not None or n.riwayat],
                      lambda i, n: _budget_period_checks(n, values))
    reuse.checks_into(out, moves, "periode", [(i.id, i) for i in items if i.periods is not None or i.riwayat],
                      lambda i, item: _indikator_period_checks(item, values))
    return out, moves


def _owner_id(owner) -> str:
    """The id printed figures are checked under: the instansi's total for the spec itself."""
    return TOTAL_ID if isinstance(owner, Spec) else owner.id


def _budget_period_checks(node: BudgetNode, values) -> list[R.AssertionResult]:
    out = _period_assertions(node.id, node.periods, values, "serapan", _value(values, node.id, "anggaran"), "anggaran")
    for entry, when in zip(node.riwayat, history.earlier_years(node.riwayat)):
        a, r = history.first_of(entry, history.BUDGET_EARLIER_PAGU), entry.values.get("realisasi")
        p = history.first_of(entry, history.BUDGET_EARLIER_PRINTED)
        if p is not None and p.value is not None and a and r and a.value and r.value is not None:
            out.append(_check_printed(node.id, Printed(f"riwayat {entry.year} persen", p, None, p.span),
                                      _value(values, node.id, f"serapan{history.AT}{when}")))
    return out


def _indikator_period_checks(item: Indikator, values) -> list[R.AssertionResult]:
    out = _period_assertions(item.id, item.periods, values, "capaian", None, None)
    for entry, when in zip(item.riwayat, history.earlier_years(item.riwayat)):
        t, r, p = (entry.values.get(k) for k in ("target", "realisasi", "capaian"))
        if p is not None and p.value is not None and t and r and t.value is not None and r.value is not None:
            out.append(_check_printed(item.id, Printed(f"riwayat {entry.year} capaian", p, None, p.span),
                                      _value(values, item.id, f"capaian{history.AT}{when}")))
    if item.periods is not None:
        for name in ("target", "realisasi"):
            given = getattr(item, name)
            if given is not None and given.value is not None:
                combined = _value(values, item.id, f"{name}{history.AT}{history.PERIODS}")
                if combined is not None:
                    out.append(_check_printed(item.id, Printed(f"{name} (periode)", given, "periode", given.span),
                                              combined))
    return out


ROW_PERCENT = {"serapan": ("realisasi", "anggaran")}


KINI = {"anggaran_kini": "anggaran", "realisasi_kini": "realisasi"}


def _check_row(owner: str, row, values, money_index, links, spec, children, explained,
               owner_model=None) -> list[R.AssertionResult]:
    """A printed table row: figures against computed values; its % against its own figures first
    (a budget row's serapan, an indikator row's capaian by its polarity)."""
    out = []
    for name, printed in row.values.items():
        if name == "capaian" and isinstance(owner_model, Indikator):
            result = _capaian_of_the_row(owner, owner_model, row, printed, _value(values, owner, "capaian"))
            if result is not None:
                out.append(result)
                continue
        own = ROW_PERCENT.get(name)
        if own and all(f in row.values and row.values[f].number is not None
                       and row.values[f].number.value is not None for f in own) and printed.number is not None:
            numerator, denominator = (row.values[f].number.value for f in own)
            if denominator != 0:
                internal = divide(numerator, denominator) * 100
                result = _check_printed(owner, printed, internal)
                if not result.ok:
                    note = _("does not match the row's own figures ({numerator} / {denominator} × 100)").format(
                        numerator=row.values[own[0]].number.text, denominator=row.values[own[1]].number.text)
                    result = result.model_copy(update={"note": note, "kind": "persen_tidak_cocok"})
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
                    note = _("this row has no counterpart this year (no sama_dengan)")
                    result = result.model_copy(update={"note": note})
            out.append(result)
            continue
        result = _check_printed(owner, printed, _value(values, owner, name))
        if not result.ok and printed.number is not None and name in ("anggaran", "realisasi"):
            result = explained(result, printed, owner, name)
        elif not result.ok and name == "serapan":
            result = _explain_mean(result, printed, owner, spec, values, children)
        out.append(result)
    return out


def _capaian_of_the_row(owner: str, item: Indikator, row, printed: Printed, computed) -> R.AssertionResult | None:
    """An indikator row's printed capaian against the target and realisasi printed beside it, by
    the indikator's polarity, so that a misprinted realisasi is named as such (the figures are
    checked against the spec on their own); None when the row does not print both or they give
    no capaian (a zero target, a range)."""
    figures = [row.values.get(f) for f in ("target", "realisasi")]
    if printed.number is None or any(f is None or f.number is None or f.number.value is None for f in figures):
        return None
    t, r = (f.number.value for f in figures)
    entry = polarity(item.polaritas)
    internal = None if entry.needs_upper_bound else capaian(item.polaritas, t, r)
    if internal is None:
        return None
    result = _check_printed(owner, printed, internal)
    if not result.ok:
        formula = _row_formula(entry, figures[0].number.text, figures[1].number.text)
        if computed is not None and round_shown(computed, printed.number.decimals) == printed.number.value:
            note = _("does not match the row's own figures ({formula}) but agrees with the computed capaian: a "
                     "figure beside it is misprinted").format(formula=formula)
        else:
            note = _("does not match the row's own figures ({formula})").format(formula=formula)
        result = result.model_copy(update={"note": note, "kind": "persen_tidak_cocok"})
    return result


def _within_rounding(result: R.AssertionResult, printed: Printed, item: Indikator) -> R.AssertionResult:
    """A printed capaian computed by the report from figures more precise than the target or
    realisasi it printed (`realisasi 0,34 dibulatkan`): it agrees when some figures that round to
    the printed ones give it, i.e. when it lies between the capaian of the ends of their ranges."""
    inputs = [item.target, item.realisasi]
    if printed.number is None or printed.number.value is None or any(
            n is None or n.value is None for n in inputs) or not any(n.rounded for n in inputs):
        return result
    entry = polarity(item.polaritas)
    if entry.needs_upper_bound:
        return result
    ranges = [_rounding_range(n) for n in inputs]
    (t_low, t_high), (r_low, r_high) = ranges
    corners = [(t, r) for t in (t_low, t_high) for r in (r_low, r_high) if t != 0]
    if item.polaritas == "stabil" and r_low <= t_high and t_low <= r_high:  # 100 where realisasi meets target
        corners.append((max(t_low, r_low), max(t_low, r_low)))
    if len(corners) < 4 or t_low <= 0 <= t_high:
        return result
    reached = [capaian(item.polaritas, t, r) for t, r in corners]
    places = printed.number.decimals
    if not round_shown(min(reached), places) <= printed.number.value <= round_shown(max(reached), places):
        return result
    shown_ranges = ", ".join(
        f"{name} {number.text} ({angka(low, number.decimals + 1)} … {angka(high, number.decimals + 1)})"
                             for name, number, (low, high) in zip(("target", "realisasi"), inputs, ranges)
                             if number.rounded)
    note = _("agrees within the rounding of the printed input: {ranges}").format(ranges=shown_ranges)
    return result.model_copy(update={"ok": True, "note": note, "kind": None})


def _rounding_range(number) -> tuple[Decimal, Decimal]:
    """The values a number printed rounded to its decimals may stand for (half a unit either side)."""
    if not number.rounded:
        return number.value, number.value
    half = Decimal(5).scaleb(-number.decimals - 1)
    return number.value - half, number.value + half


def _row_formula(entry, target: str, realisasi: str) -> str:
    """The polarity's formula with the row's figures as printed."""
    return entry.formula.replace("target", target).replace("realisasi", realisasi)


def _children(spec: Spec) -> dict[str, list[BudgetNode]]:
    """The rows under each parent: a budget item's children, the total's and a dokumen's roots."""
    children = {node.id: node.children for node in spec.all_budget_nodes() if node.children}
    children[TOTAL_ID] = spec.programs
    children.update({d.id: d.programs for d in spec.documents})
    return children


def _printed_serapan(node: BudgetNode) -> Decimal | None:
    """The serapan a report printed for a row, if it printed one."""
    for printed in node.printed:
        if printed.field == "serapan" and printed.number is not None and printed.number.value is not None:
            return printed.number.value
    for row in node.printed_rows:
        printed = row.values.get("serapan")
        if printed is not None and printed.number is not None and printed.number.value is not None:
            return printed.number.value
    return None


def _explain_mean(result: R.AssertionResult, printed: Printed, owner: str, spec: Spec, values,
                  children) -> R.AssertionResult:
    """A parent's printed serapan that is not the ratio of its sums but the plain mean of its rows'
    percentages (printed or computed): the likeliest explanation, and how to say it in the spec."""
    rows = children().get(owner)
    if spec.serapan_induk != "rasio_jumlah" or not rows or printed.number is None or printed.number.value is None:
        return result
    places = printed.number.decimals
    computed = [_value(values, row.id, "serapan") for row in rows]
    shown = [_printed_serapan(row) for row in rows]
    # each row as the report shows it: its printed %, else the computed one rounded as printed
    shown = [p if p is not None else None if c is None else round_shown(c, 2) for p, c in zip(shown, computed)]
    for percentages in (computed, shown):
        present = [p for p in percentages if p is not None]
        if not present:
            continue
        mean = divide(sum(present, Decimal(0)), Decimal(len(present)))
        if round_shown(mean, places) == printed.number.value:
            style = "id" if spec.convention == "indonesia" else "en"
            terms = " + ".join(angka(p, 2, style) for p in present)
            note = _("it is the mean of its rows' percentages (({terms}) / {count} = {mean}), not the ratio of its "
                     "sums; if the report computes it so, declare 'serapan_induk rata_rata'").format(
                terms=terms, count=len(present), mean=angka(mean, places + 2, style))
            return result.model_copy(update={"note": note})
    return result


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


_NOT_A_DIGIT = deferred(r"\D")
_SPACES = deferred(r"\s+")
_SPACED_SLASH = deferred(r"\s*/\s*")


def _same_text(printed: str, kept: str, field: str = "") -> bool:
    """Equal but for case, runs of spaces and spaces around '/' (KABUPATEN / KOTA = Kabupaten/Kota);
    a NIP compares by its digits only."""
    def norm(text: str) -> str:
        if field == "nip":
            return _NOT_A_DIGIT.sub("", text)
        return _SPACED_SLASH.sub("/", _SPACES.sub(" ", text.strip())).casefold()

    return norm(printed) == norm(kept)


def classify(spec: Spec, assertions: list[R.AssertionResult]) -> list[R.AssertionResult]:
    """Give every disagreement its kind (results.DISAGREEMENT_KINDS), for reviewers and counts."""
    parents = {n.id for n in spec.all_budget_nodes() if n.children} | {TOTAL_ID} | {d.id for d in spec.documents}
    out = []
    for a in assertions:
        if a.ok:
            out.append(a)
            continue
        if a.field in ("kode", "satuan", "nama", "predikat"):
            kind = a.field
        elif a.field in ("instansi", "tahun", "nip", "pangkat", "jabatan"):
            kind = "identitas"
        elif a.kind is not None:  # given where the check found it: angka_rusak, persen_tidak_cocok, baris_lain
            kind = a.kind
        elif a.field.startswith("jumlah_"):
            kind = "hitungan"
        elif a.source == "periode" or a.field.startswith(("persen ", "target ", "realisasi (")):
            kind = "periode"
        elif is_money(a.field, on_budget=True):
            kind = "jumlah_tidak_cocok" if a.node_id in parents and not a.field.endswith("_kini") else "angka_beda"
        else:
            kind = "persen_beda"
        out.append(a.model_copy(update={"kind": kind}))
    return out


def _period_assertions(owner: str, periods, values, capaian_name: str, annual, annual_name
                       ) -> list[R.AssertionResult]:
    """Printed per-period % against the computed ones; and the last cumulative plan against the pagu."""
    if periods is None:
        return []
    out = []
    computed = None  # each period's capaian, read when a printed % is to be checked against it
    for row in periods.rows:
        printed = row.persen
        if printed is not None and printed.value is not None:
            if computed is None:
                rows = values[f"{owner}:{capaian_name}{history.AT}{history.PERIODS}"].value
                computed = {row.period: capaian for row, capaian in rows.figures()}
            out.append(_check_printed(owner, Printed(f"persen {row.period}", printed, "periode", printed.span),
                                      computed.get(row.period)))
    if annual is not None and periods.combine == "terakhir":
        last = next((row for row in reversed(periods.rows) if row.target_value is not None), None)
        if last is not None:
            number = last.target
            out.append(_check_printed(owner, Printed(f"target {last.period} (kumulatif) = {annual_name}", number,
                                                     "periode", number.span), annual))
    return out


def money_nodes(spec: Spec) -> list[BudgetNode]:
    """The nodes whose amounts may explain a printed amount: this year's and earlier years' (not plans)."""
    nodes = spec.budget_nodes()
    nodes += [n for d in spec.documents if d.jenis == "realisasi" for n in d.budget_nodes()]
    return nodes


ANGGARAN, REALISASI = "anggaran", "realisasi"


class MoneyIndex:
    """Amount → the (node, field) that hold it, in the order of `money_nodes` (anggaran before
    realisasi); and the kind of each node that holds one. Built whenever a printed amount disagrees;
    a Session keeps it from one evaluation to the next (assemble.Reuse.money_index) and changes only
    the nodes that are new objects or whose values changed (`again`)."""

    __slots__ = ("nodes", "by_amount", "held", "kinds")

    def __init__(self, nodes: list[BudgetNode], values):
        self.nodes = nodes
        by_amount: dict[Decimal, list[tuple[int, int, BudgetNode, str]]] = {}
        self.held: list[tuple[Decimal, ...]] = []  # the amounts entered for each node, by its place
        self.kinds: dict[str, str] = {}
        get = values.get  # the lookups written out: 25 000 of them at 10k
        for place, node in enumerate(nodes):
            held = ()
            for rank, (name, computed) in enumerate(((ANGGARAN, get(node.id + ":anggaran")),
                                                     (REALISASI, get(node.id + ":realisasi")))):
                if computed is not None and isinstance(computed.value, Decimal):
                    by_amount.setdefault(computed.value, []).append((place, rank, node, name))
                    held += (computed.value,)
            self.held.append(held)
            if held:
                self.kinds[node.id] = node.kind
        self.by_amount = by_amount

    def matches(self, amount: Decimal) -> list[tuple[BudgetNode, str]]:
        return [(node, name) for _place, _rank, node, name in self.by_amount.get(amount, ())]

    def kind(self, item_id: str) -> str | None:
        """The kind of the node with this id, if it holds an amount (ids are unique when a spec is evaluated)."""
        return self.kinds.get(item_id)

    def again(self, nodes: list[BudgetNode], values, changed: set[str]) -> MoneyIndex:
        """The index of `nodes` and `values`, this one changed in place where a node is another
        object than at its place before or one of `changed` (the ids whose values changed since)."""
        if len(nodes) != len(self.nodes):
            return MoneyIndex(nodes, values)
        places = [place for place, (before, now) in enumerate(zip(self.nodes, nodes))
                  if before is not now or now.id in changed]
        if len(places) > 8 and len(places) * 8 > len(nodes):  # much of it: as fast built again
            return MoneyIndex(nodes, values)
        for place in places:
            self._leave(place)
        self.nodes = nodes
        for place in places:
            self._enter(place, nodes[place], values)
        return self

    def _leave(self, place: int) -> None:
        for amount in self.held[place]:
            entries = self.by_amount.get(amount)
            if entries is not None:
                entries[:] = [entry for entry in entries if entry[0] != place]
                if not entries:
                    del self.by_amount[amount]
        self.held[place] = ()
        self.kinds.pop(self.nodes[place].id, None)

    def _enter(self, place: int, node: BudgetNode, values) -> None:
        held = ()
        for rank, name in enumerate((ANGGARAN, REALISASI)):
            computed = values.get(f"{node.id}:{name}")
            if computed is not None and isinstance(computed.value, Decimal):
                entries = self.by_amount.setdefault(computed.value, [])
                bisect.insort(entries, (place, rank, node, name), key=lambda entry: entry[:2])
                held += (computed.value,)
        self.held[place] = held
        if held:
            self.kinds[node.id] = node.kind


def _explain_money(result: R.AssertionResult, printed: Printed, owner: str, index,
                   field: str | None = None) -> R.AssertionResult:
    """A printed amount that is another item's amount: say whose (figures printed under the wrong name)."""
    wanted = field or printed.field
    index = index()
    matches = [(node, name) for node, name in index.matches(printed.number.value)
               if not (node.id == owner and name == wanted)]
    owner_kind = index.kind(owner)
    # this year's first, then the same field, the same level, and the deepest (a leaf before its parents)
    matches.sort(key=lambda m: (bool(m[0].prefix), m[1] != wanted, m[0].kind != owner_kind, -len(m[0].id)))
    if not matches:
        return result
    shown = "; ".join(_("{field} of this {kind}").format(field=name, kind=node.kind) if node.id == owner
                      else _("{field} of {kind} {item} {name}").format(field=name, kind=node.kind, item=node.id,
                                                                       name=node.name)
                      for node, name in matches[:3])
    note = _("the printed figure is the {whose}").format(whose=shown)
    return result.model_copy(update={"note": note, "kind": "baris_lain"})


class _Subtrees:
    """The rows under an item whose printed total adds them up, nearest first (`get(item id)`): the
    programs and everything under them for the instansi's total and for a dokumen, the descendants
    of a parent. Each is sorted when first asked for: only totals that disagree ask."""

    def __init__(self, spec: Spec):
        self.spec = spec
        self.rows: dict[str, list[BudgetNode] | None] = {}
        self.parents: dict[str, BudgetNode] | None = None

    def get(self, owner: str) -> list[BudgetNode] | None:
        if owner not in self.rows:
            self.rows[owner] = self._of(owner)
        return self.rows[owner]

    def _of(self, owner: str) -> list[BudgetNode] | None:
        spec = self.spec
        if self.parents is None:
            self.parents = {n.id: n for n in spec.all_budget_nodes() if n.children}
        parent = self.parents.get(owner)
        if parent is not None:  # as the dict of every item's rows had it: a parent's id before a dokumen's
            return _nearest_first(parent.subtree()[1:])
        document = next((d for d in reversed(spec.documents) if d.id == owner), None)
        if document is not None:
            return _nearest_first(document.budget_nodes())
        return _nearest_first(spec.budget_nodes()) if owner == TOTAL_ID else None


def _nearest_first(nodes: list[BudgetNode]) -> list[BudgetNode]:
    return sorted(nodes, key=lambda n: BUDGET_LEVELS.index(n.kind))  # stable: in the order written within a level


def _explain_difference(result: R.AssertionResult, owner: str, field: str, subtrees, values,
                        notation: str) -> R.AssertionResult:
    """A printed total off by exactly one row's figure: that row was left out of it, or counted twice."""
    rows = subtrees().get(owner)
    if not rows or result.printed is None or result.computed is None or result.printed == result.computed:
        return result
    difference = result.printed - result.computed
    matches = [n for n in rows if _value(values, n.id, field) == abs(difference)]
    if not matches:
        return result
    whose = "; ".join(_("{field} of {kind} {item} {name}").format(field=field, kind=n.kind, item=n.id, name=n.name)
                      for n in matches[:3])
    shown = rupiah(abs(difference), notation)
    if difference > 0:
        note = (_("the difference {difference} equals the {whose}: that row may have been counted twice")
                if len(matches) == 1 else
                _("the difference {difference} equals the {whose}: one of these rows may have been counted twice"))
    else:
        note = (_("the difference {difference} equals the {whose}: that row may have been left out of the total")
                if len(matches) == 1 else
                _("the difference {difference} equals the {whose}: one of these rows may have been left out of the "
                  "total"))
    return result.model_copy(update={"note": note.format(difference=shown, whose=whose)})


def _check_printed(owner: str, printed: Printed, computed) -> R.AssertionResult:
    number = printed.number
    if number is None:
        return R.AssertionResult(node_id=owner, field=printed.field, printed_text=printed.text or "",
                                 computed=computed, ok=False, source=printed.source,
                                 note=_("printed figure is malformed: {problem}").format(problem=printed.problem),
                                 kind="angka_rusak",
                                 location=location(printed.span))
    if computed is not None and number.value is not None:
        ok = round_shown(computed, number.decimals) == number.value
    else:
        ok = computed is None and number.value is None
    return R.AssertionResult(node_id=owner, field=printed.field, printed=number.value, printed_text=number.text,
                             computed=computed, ok=ok, source=printed.source, location=location(printed.span))
