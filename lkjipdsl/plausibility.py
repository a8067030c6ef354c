"""Results that may come from a misread figure (docs/language.md, "Results that may come from a
misread figure (W218, W219, W220)"): warnings read from the evaluated values, each at the item
where the figure arises (a leaf of the budget, an indikator; never a parent that merely sums a
child), with the figures as they were read.

* W218: a capaian (of an indikator, or a budget item's capaian output) or a serapan above 200 %
  or below 0 %. The capaian is the one the polarity formula gives from the target and realisasi,
  before a `batas_atas` (a cap would hide the misreading); one a `rumus` computes is not looked
  at. Below 0 is not reported for a figure written with a minus (a growth rate) or where a
  `batas_bawah` applies (it says what such a capaian is). A serapan below 0 is a negative
  realisasi, which is W213's.
* W219: a realisasi anggaran above its anggaran, up to a serapan of 200 % (above, W218).
* W220: a realisasi with at least three more digits before the decimal separator than its target
  (a value below 1 has none): target 95 and realisasi 95.000, target 1,5 and realisasi 1.430. It
  takes the place of W218 for that capaian.

Each is silenced by the comment `# lkjipdsl: abaikan W218` (and so on) on a line of the item's
block: the line where it starts, or the line of one of its statements. Called once, by
lkjipdsl.api, when a result is made (`with_warnings`).
"""

from __future__ import annotations

from decimal import Decimal
from .records import NamedTuple

from . import results as R
from .diagnostics import Diagnostic, Span, warning
from .amounts import read_as as as_read
from .format import persen
from .i18n import N_, _
from .memo import per_items
from .model import BudgetNode, Indikator, Number, Spec
from .polarity import capaian as polarity_capaian
from .syntax import silenced

HIGHEST = Decimal(200)  # a capaian or serapan above it is more often a misread figure than a real one
MORE_DIGITS = 3  # a realisasi with this many more digits than its target: a thousands slip


class Warned(NamedTuple):
    diagnostic: Diagnostic
    item: Indikator | BudgetNode  # a comment on a line of its block silences the warning


def with_warnings(result: R.Result, spec: Spec, source: str) -> R.Result:
    """The result with the plausibility warnings that are not silenced added to its diagnostics."""
    if not R.unmoved(result, "nodes"):
        return result
    found = warnings(spec, result, source)
    if not found:
        return result
    from .assemble import diagnostic_result

    # the nodes, assertions and findings as held: those a Session takes over are moved when read
    return R.with_changes(result, diagnostics=[*result.diagnostics, *map(diagnostic_result, found)])


def warnings(spec: Spec, result: R.Result, source: str = "") -> list[Diagnostic]:
    """W218, W219 and W220 for the evaluated items of `spec`, without those a comment silences."""
    nodes = {node.id: node for node in R.unmoved(result, "nodes")}  # their figures: wherever located
    notation = "id" if spec.convention == "indonesia" else "en"
    # for a Session: the same item with the same figures has the same warnings
    found: list[Warned] = per_items(
        "plausibility", [item for item in spec.indikator() if item.id in nodes],
        lambda item: _indikator(item, nodes[item.id], spec, notation), lambda item: nodes[item.id],
        _same_indikator_figures)
    found += per_items("plausibility", [b for b in spec.all_budget_nodes() if not b.children and b.id in nodes],
                       lambda budget: _budget(budget, nodes[budget.id], notation), lambda budget: nodes[budget.id],
                       _same_budget_figures)
    if not found:
        return []
    comments = silenced(source) if source else {}
    return [w.diagnostic for w in found
            if not (comments and any(w.diagnostic.code in comments.get(line, ()) for line in _item_lines(w.item)))]


def _same_indikator_figures(before: R.NodeResult, now: R.NodeResult) -> bool:
    """The figures an indikator's warnings read, written alike (a node result moved with its part
    is a copy). The file's batas_bawah is not compared: lkjipdsl.session keeps no warnings across
    an evaluation made whole (a changed setting)."""
    return all(str(getattr(before, name)) == str(getattr(now, name)) for name in _INDIKATOR_FIGURES)


def _same_budget_figures(before: R.NodeResult, now: R.NodeResult) -> bool:
    return all(str(getattr(before, name)) == str(getattr(now, name)) for name in _BUDGET_FIGURES)


_INDIKATOR_FIGURES = ("target", "realisasi", "target_atas", "target_tertulis", "realisasi_tertulis",
                      "target_atas_tertulis")
_BUDGET_FIGURES = ("anggaran", "realisasi_anggaran", "serapan", "capaian_output")


# ---- indikator ----
def _indikator(item: Indikator, node: R.NodeResult, spec: Spec, notation: str) -> list[Warned]:
    t, r, high = node.target, node.realisasi, node.target_atas
    if item.rumus is not None or t is None or r is None:
        return []  # a capaian its rumus computes may be anything the planner meant
    if node.target_tertulis or node.realisasi_tertulis or node.target_atas_tertulis:
        return []  # a ratio (1:20) is a quotient written on purpose, and any capaian it gives may be meant
    capaian = polarity_capaian(item.polaritas, t, r, high)
    if capaian is None:
        return []
    place = _span(item.realisasi, item.span)
    whose = _("indikator {item}").format(item=item.id)
    if _more_digits(r, t) >= MORE_DIGITS:
        return [Warned(_digits(whose, r, t, capaian, notation, place, output=False), item)]
    if capaian < 0 and (r < 0 or t < 0 or (item.limits.floor or spec.limits.floor) is not None):
        return []  # a minus written on purpose, or a batas_bawah that says what a capaian below it is
    if item.polaritas in (None, "maksimal"):
        inputs = f"realisasi {as_read(r, notation)} / target {as_read(t, notation)}"
    elif item.polaritas == "rentang" and high is not None:
        inputs = f"realisasi {as_read(r, notation)}, target {as_read(t, notation)}..{as_read(high, notation)}"
    else:
        inputs = f"realisasi {as_read(r, notation)}, target {as_read(t, notation)}, polaritas {item.polaritas}"
    problem = _out_of_range(_("capaian of {whose} is {value} % ({inputs})"), whose, capaian, inputs, notation, place,
                            item.polaritas)
    return [Warned(problem, item)] if problem is not None else []


# ---- budget leaves ----
def _budget(budget: BudgetNode, node: R.NodeResult, notation: str) -> list[Warned]:
    found = []
    whose = f"{budget.kind} {budget.id}"
    place = _span(budget.realisasi, budget.span)
    a, r, serapan = node.anggaran, node.realisasi_anggaran, node.serapan
    if serapan is not None and a is not None and r is not None:
        if serapan > HIGHEST:
            inputs = f"realisasi {as_read(r, notation)} / anggaran {as_read(a, notation)}"
            found.append(Warned(_out_of_range(_("serapan of {whose} is {value} % ({inputs})"), whose, serapan, inputs,
                                              notation, place), budget))
        elif r > a:
            found.append(Warned(_above_pagu(whose, r, a, serapan, notation, place), budget))
    found += _output(budget, node, whose, notation)
    return found


def _output(budget: BudgetNode, node: R.NodeResult, whose: str, notation: str) -> list[Warned]:
    """W220 or W218 for a leaf's capaian output (`output target T realisasi R`, or as given)."""
    capaian = node.capaian_output
    if capaian is None:
        return []
    target, realisasi = budget.output.get("target"), budget.output.get("realisasi")
    given = budget.capaian_output
    if target is not None and realisasi is not None and target.value is not None and realisasi.value is not None:
        place = realisasi.span
        if _more_digits(realisasi.value, target.value) >= MORE_DIGITS:
            return [Warned(_digits(whose, realisasi.value, target.value, capaian, notation, place, output=True),
                           budget)]
        inputs = f"output realisasi {as_read(realisasi.value, notation)} / target {as_read(target.value, notation)}"
    elif given is not None and given.value is not None:
        place, inputs = given.span, f"capaian_output {as_read(given.value, notation)}"
    else:
        return []
    problem = _out_of_range(_("capaian output of {whose} is {value} % ({inputs})"), whose, capaian, inputs, notation,
                            place)
    return [Warned(problem, budget)] if problem is not None else []


# ---- the messages ----
def _out_of_range(what: str, whose: str, value: Decimal, inputs: str, notation: str, place: Span,
                  polaritas: str | None = None) -> Diagnostic | None:
    """W218 for a percentage above 200 or below 0; `what` names it (with {whose}, {value}, {inputs})."""
    if value > HIGHEST:
        message = _("{what}, above 200 %: check how the figures are written")
        hint = _(_NOTATION_HINT)
    elif value < 0:
        message = _("{what}, below 0 %: check how the figures are written")
        hint = _(_TWICE_HINT).format(polaritas=polaritas)
    else:
        return None
    what = what.format(whose=whose, value=persen(value, notation), inputs=inputs)
    return warning("W218", message.format(what=what), place, hint, _silence("W218"))


def _above_pagu(whose: str, r: Decimal, a: Decimal, serapan: Decimal, notation: str, place: Span) -> Diagnostic:
    """W219: a realisasi above its pagu (serapan up to 200 %)."""
    return warning("W219", _("the realisasi of {whose}, {realisasi}, is above its anggaran {anggaran} (serapan "
                             "{serapan} %)").format(whose=whose, realisasi=as_read(r, notation),
                                                    anggaran=as_read(a, notation), serapan=persen(serapan, notation)),
                   place,
                   _("spending above the pagu needs a changed pagu (anggaran perubahan): write the pagu after the "
                     "change, or check both figures"),
                   _silence("W219"))


def _digits(whose: str, r: Decimal, t: Decimal, capaian: Decimal, notation: str, place: Span,
            output: bool) -> Diagnostic:
    """W220: a realisasi with far more digits than its target."""
    if output:
        message = _("the output realisasi {realisasi} of {whose} has {more} more digits than its output target "
                    "{target} (capaian output {capaian} %): a thousands point or a decimal comma out of place?")
    else:
        message = _("the realisasi {realisasi} of {whose} has {more} more digits than its target {target} (capaian "
                    "{capaian} %): a thousands point or a decimal comma out of place?")
    return warning("W220", message.format(realisasi=as_read(r, notation), whose=whose, more=_more_digits(r, t),
                                          target=as_read(t, notation), capaian=persen(capaian, notation)),
                   place, _(_NOTATION_HINT), _silence("W220"))


_NOTATION_HINT = N_("in Indonesian notation '.' groups thousands and ',' starts the decimals: 1.500 is one "
                    "thousand five hundred, 1,5 is one and a half")
_TWICE_HINT = N_("with polaritas {polaritas}, a realisasi more than twice its target gives a capaian below 0: are "
                 "the polaritas and the figures right?")


def _silence(code: str) -> str:
    return _("if the figures are right, add the comment '{comment}' at the end of one of the item's lines").format(
        comment=f"# lkjipdsl: abaikan {code}")


def _more_digits(realisasi: Decimal | None, target: Decimal | None) -> int:
    """How many more digits before the decimal separator the realisasi has than its target (0 when
    either is missing or the target is zero)."""
    if realisasi is None or target is None or target == 0:
        return 0
    return _integer_digits(realisasi) - _integer_digits(target)


def _integer_digits(value: Decimal) -> int:
    value = abs(value)
    return 0 if value < 1 else value.adjusted() + 1


def _span(number: Number | None, fallback: Span) -> Span:
    return number.span if number is not None and number.value is not None else fallback


# what an indikator or a budget item holds that has a place, for the lines of its block
_OWN_PLACES = ("polaritas_span", "target", "target_atas", "realisasi", "bobot", "zero_policy", "anggaran",
               "capaian_output", "standar_nasional", "periods")
_OWN_LISTS = ("printed", "printed_rows", "riwayat", "renstra")


def _item_lines(item: Indikator | BudgetNode) -> frozenset[int]:
    """The lines of the item's block where a comment silences its warnings: from its first line to
    its last statement with a place (a leaf holds no other item, and a comment stays with the
    statement it follows when lkjipdsl fmt puts each statement on its own line)."""
    places = [getattr(item, name, None) for name in _OWN_PLACES]
    places += [entry for name in _OWN_LISTS for entry in getattr(item, name, ())]
    places += list(getattr(item, "output", {}).values())
    spans = [p if isinstance(p, Span) else p.span for p in places if p is not None]
    last = max((span.end_line for span in spans if span is not None), default=item.span.line)
    return frozenset(range(item.span.line, max(last, item.span.line) + 1))
