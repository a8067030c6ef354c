"""Amounts in rupiah that are written in a way no pagu or realisasi is (docs/language.md, "Amounts
that may be misread (W216, W217)"): read as written, and reported with the figure as it is read.

* W216: a '%' on an amount (`anggaran 50%`, `realisasi 12%`): the '%' is ignored, as on any
  number, so the amount is read as Rp 50.
* E105: a ratio (`anggaran 1:20`): an amount in rupiah is never one, and its quotient is no amount.
* W217: a pagu under Rp 1.000, or with a fraction of a rupiah (`anggaran 12,5`): a pagu is whole
  rupiah, and a small one is most often a figure in thousands or millions, or a misread separator.

A number already reported as misread notation (W214, W215) or with a '%' is not reported again
as a small pagu. Both warnings are silenced for one line by the comment `# lkjipdsl: abaikan W217`
on it (lkjipdsl.syntax.silence), like any warning whose place is on that line.
"""

from __future__ import annotations

from decimal import Decimal

from .diagnostics import Diagnostic, error, warning
from .format import angka
from .i18n import N_, _
from .memo import per_items
from .model import BudgetNode, Number, Spec
from .notation import notation_warning

SMALLEST_PAGU = Decimal(1000)

_PAGU = N_("the anggaran (pagu) of {item}")
_HISTORY = N_("the {key} of riwayat {year} of {item}")
_RENSTRA = N_("the anggaran of renstra {year} of {item}")
_SPENT = N_("the realisasi of {item}")
_SPENT_HISTORY = N_("the realisasi of riwayat {year} of {item}")
_PERIOD_TARGET = N_("the target of {period} of {item}")
_PERIOD_SPENT = N_("the realisasi of {period} of {item}")
_PRINTED = N_("the printed {key} of {item}")
MONEY_PRINTED = ("anggaran", "realisasi", "sisa")  # a budget item's printed figures in rupiah


def check_amounts(spec: Spec) -> list[Diagnostic]:
    """No '%' on an amount in rupiah (W216); no pagu under Rp 1.000 or with a fraction of a rupiah (W217)."""
    indonesian = spec.convention == "indonesia"
    # program by program (a Session takes over a program not edited whole, not node by node)
    return per_items("amounts", spec.all_programs(), lambda program: [
        found for node in program.subtree() for found in _node_amounts(node, indonesian)])


def _node_amounts(node: BudgetNode, indonesian: bool) -> list[Diagnostic]:
    """E105 (an amount as a ratio), W216 and W217 of one budget node's own amounts."""
    problems: list[Diagnostic] = []
    pagu, spent = _amounts(node)
    name = f"{node.kind} {node.id}"
    for is_pagu, amounts in ((True, pagu), (False, spent)):
        for number, what, more, key in amounts:
            if number is None or number.value is None:
                continue
            if number.ratio is not None:
                problems.append(_ratio(number, _(what).format(item=name, **more), key))
            elif not number.canonical_text and "%" in number.text:
                problems.append(_percent(number, _(what).format(item=name, **more), key))
            elif is_pagu and _small_or_fractional(number.value) and not (
                    indonesian and "," in number.text and notation_warning(number.text, None) is not None):
                problems.append(_small_pagu(number, _(what).format(item=name, **more)))
    for printed in _printed_amounts(node):
        if printed.number.ratio is not None:
            problems.append(_ratio(printed.number, _(_PRINTED).format(key=printed.field, item=name),
                                   f"tercetak {printed.field}"))
    return problems


def _printed_amounts(node: BudgetNode):
    """The printed figures in rupiah of a budget item (`tercetak anggaran …`, a printed row's)."""
    for printed in [*node.printed, *(p for row in node.printed_rows for p in row.values.values())]:
        if printed.field in MONEY_PRINTED and printed.number is not None and printed.number.value is not None:
            yield printed


def _amounts(node: BudgetNode) -> tuple[list, list]:
    """(pagu, spent): (number, what it is, its fields, its key) for each amount the node states. A
    parent's own anggaran and realisasi are E151's, and not looked at here."""
    pagu, spent = [], []
    if not node.children:
        pagu.append((node.anggaran, _PAGU, {}, "anggaran"))
        spent.append((node.realisasi, _SPENT, {}, "realisasi"))
    for entry in node.riwayat:
        pagu += [(entry.values.get(key), _HISTORY, {"key": key, "year": entry.year}, "anggaran")
                 for key in ("anggaran", "target")]
        spent.append((entry.values.get("realisasi"), _SPENT_HISTORY, {"year": entry.year}, "realisasi"))
    pagu += [(entry.values.get("anggaran"), _RENSTRA, {"year": entry.year or "akhir"}, "anggaran")
             for entry in node.renstra]
    # a period's figure in its canonical form (digits, grouped or not) has no '%' and is no ratio
    for row in node.periods.rows if node.periods is not None else ():
        for key, number in row.written():
            spent.append((number, _PERIOD_TARGET if key == "target" else _PERIOD_SPENT, {"period": row.period}, key))
    return pagu, spent


def _small_or_fractional(value: Decimal) -> bool:
    return value > 0 and (value < SMALLEST_PAGU or value != value.to_integral_value())


def read_as(value: Decimal, notation: str = "id") -> str:
    """A figure as it was read, with the decimals it has and no trailing zeros (12,500 → 12,5), in
    Indonesian notation (`notation` "en": international)."""
    whole = value == value.to_integral_value()
    return angka(value.to_integral_value() if whole else value.normalize(), None, notation)


def _percent(number: Number, what: str, key: str) -> Diagnostic:
    """W216: `anggaran 50%`, read as Rp 50."""
    read = read_as(number.value)
    if key == "realisasi":
        write = _("write the realisasi in rupiah: the serapan (realisasi / anggaran × 100) is computed from it; to "
                  "check a serapan the report printed, write: {example}").format(
            example=f"tercetak serapan {read}")
    elif key == "target":
        write = _("write the planned amount in rupiah; a period's printed percentage is its 'persen'")
    else:
        write = _("write the pagu in rupiah, e.g. {example}").format(example="anggaran 1.500.000")
    return warning("W216", _("'{number}' has a '%', but {what} is an amount in rupiah: it is read as Rp {read}").format(
                       number=number.text, what=what, read=read),
                   number.span, write,
                   _("if Rp {read} is meant, remove the '%'").format(read=read))


def _ratio(number: Number, what: str, key: str) -> Diagnostic:
    """E105: `anggaran 1:20`; read as a ratio it would be Rp 20, which no report means."""
    return error("E105", _("'{number}' is a ratio, but {what} is an amount in rupiah, never a ratio").format(
                     number=number.text, what=what),
                 number.span,
                 _("write the amount in rupiah, e.g. {example}").format(example=f"{key} 1.500.000"))


def _small_pagu(number: Number, what: str) -> Diagnostic:
    """W217: a pagu under Rp 1.000 or with a fraction of a rupiah (`anggaran 12,5`)."""
    value = number.value
    read = read_as(value)
    small, fractional = value < SMALLEST_PAGU, value != value.to_integral_value()
    if small and fractional:
        message = _("{what} is read as Rp {read}: less than Rp 1.000, and with sen (a fraction of a rupiah)")
    elif small:
        message = _("{what} is read as Rp {read}, less than Rp 1.000")
    else:
        message = _("{what} is read as Rp {read}, with sen (a fraction of a rupiah)")
    if fractional:
        hint = _("a pagu is whole rupiah; in Indonesian notation ',' starts the decimals and '.' groups thousands "
                 "(twelve thousand five hundred rupiah is 12.500)")
    else:
        hint = _("amounts are written in full rupiah, not in thousands or millions: Rp 1,5 juta is 1.500.000")
    return warning("W217", message.format(what=what, read=read), number.span, hint,
                   _("if Rp {read} is right, add the comment '{comment}' at the end of the line").format(
                       read=read, comment="# lkjipdsl: abaikan W217"))
