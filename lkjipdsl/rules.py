"""The rules: polarity formulas, aggregations, budget roll-ups — each a plain function that
returns a `Computed` value carrying its formula, the formula with numbers, and its inputs.

All arithmetic is Decimal at 50 significant digits; nothing is rounded here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

from . import expr as expressions
from .diagnostics import Diagnostic, error
from .aggregation import AGGREGATIONS
from .exact import HUNDRED, divide, shown
from .format import round_half_up
from .i18n import _
from .model import BudgetNode, Indikator, Limits, Number, Sasaran, Spec, ZeroPolicy
from .polarity import polarity
# `field` is also an attribute of Computed: the function goes by another name in this module
from .records import field as record_field, record

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import Any

@record(slots=True, eq=False)
class Computed:
    """A value and how it was computed: its formula, and the formula with the numbers put in
    (`substituted`), given as its text or as (a function, its arguments) that write it when it is
    first read. Most are never read (the JSON carries them only on request), and writing the
    numbers of the budget's 37 500 ratios and differences was a twentieth of a 10k spec's run."""

    field: str
    # Decimal | None (a tuple of rows for a history, bool/str only inside expressions); Any rather than
    # object, which mypyc cannot give a compiled dataclass as an annotation (bench/compiled.py)
    value: Any
    formula: str
    _substituted: str | tuple
    # records.field by another name: in this class `field` is the attribute above, to mypy and mypyc
    inputs: list[str] = record_field(default_factory=list)
    note: str | None = None

    @property
    def substituted(self) -> str:
        text = self._substituted
        if type(text) is tuple:
            text = self._substituted = text[0](*text[1:])
        return text

    @substituted.setter
    def substituted(self, text: str) -> None:
        self._substituted = text

    def __eq__(self, other) -> bool:
        if not isinstance(other, Computed):
            return NotImplemented
        return (self.field == other.field and self.value == other.value and self.formula == other.formula
                and self.inputs == other.inputs and self.note == other.note
                and self.substituted == other.substituted)

    __hash__ = None


@record(slots=True)
class RuleContext:
    spec: Spec
    diagnostics: list[Diagnostic] = record_field(default_factory=list)
    anggaran_given: dict[str, Number | None] = record_field(default_factory=dict)

    def __post_init__(self):
        self.refresh(self.spec)

    def refresh(self, spec: Spec) -> None:
        """Serve a new version of the spec (graph nodes kept from the last version hold this context)."""
        self.spec = spec
        self.diagnostics = []
        self.anggaran_given = {node.id: node.anggaran for node in spec.all_budget_nodes()}


def given(field_name: str, number: Number | None, label: str) -> Computed:
    if number is None:
        return Computed(field_name, None, "tidak diisi", "-", note=_not_given(_("{label} is not given"), label))
    return Computed(field_name, number.value, "masukan", number.text)


@functools.lru_cache(maxsize=64)
def _not_given(message: str, label: str) -> str:
    """One note for every input of a kind left out (10k spec: 25 000 of them), in the language in force."""
    return message.format(label=label)


def broken(graph_key: str, reason: str) -> Computed:
    return Computed(graph_key.split(":")[1], None, "tidak dapat dihitung", "-", note=reason)


# ---- indikator ----
def capaian_indikator(item: Indikator, values: dict, ctx: RuleContext) -> Computed:
    """The year's capaian by the indikator's polarity (lkjipdsl/polarity.py)."""
    t = values[f"{item.id}:target"].value
    high = values[f"{item.id}:target_atas"].value
    r = values[f"{item.id}:realisasi"].value
    inputs = [f"{item.id}:target", f"{item.id}:realisasi"]
    entry = polarity(item.polaritas)
    if r is None or t is None:
        missing = "realisasi" if r is None else "target"
        return Computed("capaian", None, entry.formula, "-", inputs, note=_("no {field}").format(field=missing))
    if entry.needs_upper_bound:
        inputs.append(f"{item.id}:target_atas")
        if high is None:
            return Computed("capaian", None, entry.formula, "-", inputs, note=_("no upper bound"))
    denominator = entry.denominator(t, r, high)
    formula = entry.formula
    if denominator is None:  # nothing divided: a realisasi inside the range
        formula = "target_bawah ≤ realisasi ≤ target_atas → 100"
    else:
        bound, name = denominator
        if entry.needs_upper_bound:
            formula = f"realisasi / {name} × 100"
        given = item.target_atas if name == "target_atas" else item.target
        zero = zero_denominator(bound, item.zero_policy, ctx, given, inputs,
                                lambda: _denominator_named(name, item.id), on_item=True)
        if zero:
            return zero
    value = entry.compute(t, r, high)
    substituted = entry.substituted(t, r, high)
    if denominator is not None:
        substituted += f" = {shown(value)}"
    return _limit(Computed("capaian", value, formula, substituted, inputs), item.limits, ctx.spec.limits)


def _denominator_named(name: str, item_id: str) -> str:
    if name == "target":
        return _("the target of indikator {item}").format(item=item_id)
    return _("the {bound} of indikator {item}").format(bound=name, item=item_id)


def zero_denominator(denominator, policy: ZeroPolicy | None, ctx: RuleContext, number: Number | None,
          inputs: list[str], what: Callable[[], str], field_name: str = "capaian", on_item: bool = False,
          report: bool = True) -> Computed | None:
    """None when the denominator is not zero; otherwise the declared policy's result.

    what: names the denominator in the message (made only when there is one to report); on_item:
    the item may declare its own target_nol; report=False: say nothing (the zero is reported where
    it comes from)."""
    if denominator != 0:
        return None
    policy = policy or ctx.spec.zero_policy
    if policy is None or policy.kind == "galat":
        span = number.span if number is not None else None
        if report and policy is None:
            hint = (_("declare what a zero denominator means, e.g. 'target_nol kosong' (no value) or "
                      "'target_nol 100', at the top of the file or in the indikator") if on_item else
                    _("declare what a zero denominator means, e.g. 'target_nol kosong' (no value) or "
                      "'target_nol 100', at the top of the file"))
            ctx.diagnostics.append(error(
                "E150", _("{what} is zero, and no target_nol policy is declared").format(what=what()), span, hint))
        elif report:
            ctx.diagnostics.append(error(
                "E150", _("{what} is zero, and target_nol galat makes that an error").format(what=what()), span,
                _("target_nol galat is declared on line {line}").format(line=policy.span.line)))
        return Computed(field_name, None, "target nol", "-", inputs, note=_("zero target, no policy"))
    if policy.kind == "kosong":
        return Computed(field_name, None, "target nol → kosong (target_nol kosong)", "-", inputs,
                        note=_("zero target"))
    return Computed(field_name, policy.value, f"target nol → {shown(policy.value)} (target_nol)",
                    shown(policy.value), inputs, note=_("zero target"))


def _limit(result: Computed, own: Limits, spec_limits: Limits) -> Computed:
    value = result.value
    if not isinstance(value, Decimal):
        return result
    cap = own.cap or spec_limits.cap
    floor = own.floor or spec_limits.floor
    if cap is not None and cap.value is not None and value > cap.value:
        result.note = _("capped at batas_atas {cap} (without the limit: {value})").format(
            cap=cap.text, value=shown(value))
        result.value = cap.value
        result.substituted += f" → batas_atas {cap.text}"
    elif floor is not None and floor.value is not None and value < floor.value:
        result.note = _("raised to batas_bawah {floor} (without the limit: {value})").format(floor=floor.text,
                                                                                     value=shown(value))
        result.value = floor.value
        result.substituted += f" → batas_bawah {floor.text}"
    return result


# ---- sasaran ----
def capaian_sasaran(sasaran: Sasaran, values: dict, ctx: RuleContext) -> Computed:
    keys = [f"{i.id}:capaian" for i in sasaran.indikator]
    pairs = [(i, values[k].value) for i, k in zip(sasaran.indikator, keys)]
    present = [(i, v) for i, v in pairs if isinstance(v, Decimal)]
    how = sasaran.agregasi
    if not present:
        return Computed("capaian", None, how, "-", keys, note=_("no indikator has a capaian"))
    note = None
    if len(present) < len(pairs):
        missing = ", ".join(i.id for i, v in pairs if not isinstance(v, Decimal))
        note = _("without {items} (no capaian)").format(items=missing)
    aggregation = AGGREGATIONS[how]
    weights = [values[f"{i.id}:bobot"].value or Decimal(0) for i, _ in present] if aggregation.weighted else []
    combined = aggregation.combine([v for _, v in present], weights)
    if combined is None:
        return Computed("capaian", None, aggregation.formula_without_value, "-", keys,
                        note=_("the weights sum to zero"))
    if aggregation.weighted:
        keys = keys + [f"{i.id}:bobot" for i, _ in present]
    value, substituted = combined
    result = Computed("capaian", value, aggregation.formula, substituted, keys, note)
    return _limit(result, sasaran.limits, ctx.spec.limits)


def capaian_rumus(item_id: str, field_name: str, rumus, children: list[str], values: dict,
                  ctx: RuleContext, limits) -> Computed:
    def own(name):  # `realisasi@2022` of an item without riwayat 2022 has no value
        computed = values.get(f"{item_id}:{name}")
        return computed.value if computed is not None else None

    def ref(owner, name):
        return values[f"{owner}:{name}"].value

    child_lookups = [lambda name, c=c: values[f"{c}:{name}"].value for c in children]
    env = expressions.Env(own, ref, child_lookups, ctx.spec.convention)
    own_names, refs, child_fields = expressions.references(rumus.expr)
    inputs = [f"{item_id}:{n}" for n in sorted(own_names)] + [f"{o}:{f}" for o, f in sorted(refs)]
    inputs += [f"{c}:{f}" for c in children for f in sorted(child_fields)]
    try:
        value = expressions.evaluate(rumus.expr, env)
    except expressions.EvalError as exc:
        ctx.diagnostics.append(error(exc.code, _("rumus of {item}: {problem}").format(item=item_id, problem=exc),
                                     exc.span, *exc.hints))
        return Computed(field_name, None, rumus.source, "-", inputs, note=str(exc))
    if value is not None and not isinstance(value, Decimal):
        ctx.diagnostics.append(error("E131", _("rumus of {item} must give a number").format(item=item_id),
                                     rumus.expr.span))
        value = None
    given_values = ", ".join(f"{k} = {shown(values[k].value)}" for k in inputs if k in values)
    substituted = f"{rumus.source} dengan {given_values}" if given_values else rumus.source
    result = Computed(field_name, value, rumus.source, f"{substituted} = {shown(value)}", inputs)
    return _limit(result, *limits)


# ---- anggaran ----
def sum_children(field_name: str, children: list[str], values: dict) -> Computed:
    keys = [f"{c}:{field_name}" for c in children]
    present = [values[k].value for k in keys if values[k].value is not None]
    if not present:
        return Computed(field_name, None, f"jumlah {field_name} anak", "-", keys, note=_("no child has a value"))
    value = sum(present, Decimal(0))
    note = None
    if len(present) < len(keys):
        note = _("{missing} of {children} children have no {field} ('-')").format(
            missing=len(keys) - len(present), children=len(keys), field=field_name)
    return Computed(field_name, value, f"jumlah {field_name} anak", (_sum_text, present, value), keys, note)


def mean_children(field_name: str, children: list[str], values: dict, result_field: str | None = None) -> Computed:
    """The plain mean of the children's values that exist (the seed's rule for capaian)."""
    keys = [f"{c}:{field_name}" for c in children]
    present = [values[k].value for k in keys if values[k].value is not None]
    name = result_field or field_name
    if not present:
        return Computed(name, None, f"rata-rata {field_name} anak", "-", keys, note=_("no value"))
    value = divide(sum(present, Decimal(0)), Decimal(len(present)))
    return Computed(name, value, f"rata-rata {field_name} anak", (_mean_text, present, value), keys)


def _sum_text(terms: list[Decimal], value: Decimal) -> str:
    return f"{' + '.join(shown(p) for p in terms)} = {shown(value)}"


def _mean_text(terms: list[Decimal], value: Decimal) -> str:
    return f"({' + '.join(shown(p) for p in terms)}) / {len(terms)} = {shown(value)}"


def _ratio_text(num: Decimal, den: Decimal, value: Decimal) -> str:
    return f"{shown(num)} / {shown(den)} × 100 = {shown(value)}"


def _difference_text(a: Decimal, b: Decimal, value: Decimal, verdict: str = "") -> str:
    return f"{shown(a)} − {shown(b)} = {shown(value)}" + (f" → {verdict}" if verdict else "")


def serapan(item_id: str, values: dict, ctx: RuleContext) -> Computed:
    a_key, r_key = f"{item_id}:anggaran", f"{item_id}:realisasi"
    a, r = values[a_key].value, values[r_key].value
    inputs = [r_key, a_key]
    formula = "realisasi / anggaran × 100"
    if a is None or r is None:
        missing = "realisasi" if r is None else "anggaran"
        return Computed("serapan", None, formula, "-", inputs, note=_("no {field}").format(field=missing))
    number = ctx.anggaran_given.get(item_id)  # None for a sum of children: a zero child is reported itself
    zero = zero_denominator(a, None, ctx, number, inputs, lambda: _("the anggaran of {item}").format(item=item_id),
                            "serapan", report=number is not None)
    if zero:
        return zero
    value = divide(r, a) * HUNDRED
    return Computed("serapan", value, formula, (_ratio_text, r, a, value), inputs)


def ratio(field_name: str, num_key: str, den_key: str, values: dict, formula: str) -> Computed:
    """num / den × 100 where both exist and den is not zero; otherwise no value, with a note."""
    num, den = values[num_key].value, values[den_key].value
    if num is None or den is None or den == 0:
        return Computed(field_name, None, formula, "-", [num_key, den_key], note=_("no value or zero denominator"))
    value = divide(num, den) * HUNDRED
    return Computed(field_name, value, formula, (_ratio_text, num, den, value), [num_key, den_key])


def sisa(item_id: str, values: dict) -> Computed:
    a_key, r_key = f"{item_id}:anggaran", f"{item_id}:realisasi"
    a, r = values[a_key].value, values[r_key].value
    if a is None:
        return Computed("sisa", None, "anggaran − realisasi", "-", [a_key, r_key])
    value = a - (r or Decimal(0))
    return Computed("sisa", value, "anggaran − realisasi", (_difference_text, a, r or Decimal(0), value),
                    [a_key, r_key])


def capaian_output(node: BudgetNode, ctx: RuleContext) -> Computed:
    t, r = node.output.get("target"), node.output.get("realisasi")
    if t is None or r is None or t.value is None or r.value is None:
        return Computed("capaian_output", None, "realisasi output / target output × 100", "-",
                        note=_("incomplete"))
    zero = zero_denominator(t.value, None, ctx, t, [], lambda: _("the output target of {item}").format(item=node.id),
                 "capaian_output")
    if zero:
        return zero
    value = divide(r.value, t.value) * HUNDRED
    return Computed("capaian_output", value, "realisasi output / target output × 100",
                    f"{shown(r.value)} / {shown(t.value)} × 100 = {shown(value)}")


def count(field_name: str, value: int) -> Computed:
    return Computed(field_name, Decimal(value), f"banyaknya {field_name.removeprefix('jumlah_')} dalam spec",
                    str(value))


EFFICIENCY_LABELS = ("Efisien", "Cukup Efisien", "Tidak Efisien")


def efisiensi(item_id: str, values: dict, threshold: Number) -> Computed:
    """Capaian kinerja (output) minus capaian anggaran, in points; the verdict is in `efficiency_label`."""
    s_key, o_key = f"{item_id}:serapan", f"{item_id}:capaian_output"
    s, o = values[s_key].value, values[o_key].value
    formula = _efficiency_formula(threshold.text)
    if s is None or o is None:
        return Computed("efisiensi", None, formula, "-", [o_key, s_key], note=_("no capaian output or serapan"))
    value = o - s
    verdict = efficiency_label(value, threshold.value)
    return Computed("efisiensi", value, formula, (_difference_text, o, s, value, verdict), [o_key, s_key])


@functools.lru_cache(maxsize=16)
def _efficiency_formula(threshold: str) -> str:
    """One text for every sub kegiatan of a spec, which all have the spec's threshold."""
    return f"capaian output − capaian anggaran (ambang ±{threshold} poin)"


def efficiency_label(difference: Decimal, threshold: Decimal) -> str:
    """The verdict sees the difference as printed (2 decimals, half-up), like a scale does."""
    difference = round_half_up(difference, 2)
    if difference > threshold:
        return EFFICIENCY_LABELS[0]
    if difference >= -threshold:
        return EFFICIENCY_LABELS[1]
    return EFFICIENCY_LABELS[2]
