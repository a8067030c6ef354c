"""The rules of values at another time than the report's year: an earlier year's figures and
capaian (`riwayat`), and each period's (`periode`).

They are graph nodes like the rest (graph.py), so that `explain` shows how they were worked
out. Their keys carry the time after '@': `IKU1:capaian@2022`, `1.1:serapan@2022`, and one node
for a whole periode block, `IKU1:capaian@periode` — a block has a row for every month of every
item (10k spec: 121 000 rows), and one node per row would double the graph. The JSON of schema 1
leaves these values out of `computations` (`at_another_time`): its riwayat and periode lists
carry them.
"""

from __future__ import annotations

from decimal import Decimal
from .records import NamedTuple

from .i18n import _
from .model import HistoryEntry, Indikator, Number, Periods, RenstraEntry
from .exact import HUNDRED, divide, shown
from .polarity import polarity
from .rules import Computed, RuleContext, zero_denominator

AT = "@"
PERIODS = "periode"  # the time of a periode block's node


def at_another_time(field_name: str) -> bool:
    """A value of an earlier year or of the periods (not a field of the JSON's computations)."""
    return AT in field_name


def earlier_years(entries: list[HistoryEntry]) -> list[str]:
    """The time of each riwayat entry in its keys: its year; a year written again gets `_2`, `_3` …"""
    seen: dict[int, int] = {}
    times = []
    for entry in entries:
        seen[entry.year] = seen.get(entry.year, 0) + 1
        times.append(str(entry.year) if seen[entry.year] == 1 else f"{entry.year}_{seen[entry.year]}")
    return times


# the figure of a budget item's riwayat that holds its pagu, and the one that holds its printed %
BUDGET_EARLIER_PAGU = ("anggaran", "target")
BUDGET_EARLIER_PRINTED = ("persen", "capaian")


def first_of(entry: HistoryEntry, names: tuple[str, ...]):
    for name in names:
        number = entry.values.get(name)
        if number is not None:
            return number
    return None


def capaian_earlier(item: Indikator, entry: HistoryEntry, when: str, values: dict, ctx: RuleContext) -> Computed:
    """An indikator's capaian in an earlier year, by its polarity (a range has no upper bound then)."""
    t_key, r_key = f"{item.id}:target{AT}{when}", f"{item.id}:realisasi{AT}{when}"
    return capaian_against(item, f"capaian{AT}{when}", t_key, r_key, values, ctx, entry.values.get("target"),
                           lambda: _("the target of indikator {item} in {year}").format(item=item.id, year=entry.year))


def renstra_end(item: Indikator, period: tuple[int, int] | None) -> RenstraEntry | None:
    """The Renstra entry of the end of the period: `renstra akhir`, else that of the period's last year."""
    entries = [e for e in item.renstra if "target" in e.values]
    return (next((e for e in entries if e.year is None), None)
            or next((e for e in entries if period is not None and e.year == period[1]), None))


def capaian_renstra(item: Indikator, number: Number | None, values: dict, ctx: RuleContext) -> Computed:
    """This year's realisasi against the Renstra's target at the end of the period (BAB III (c)),
    by the indikator's polarity; not capped (batas_atas and batas_bawah are the year's)."""
    t_key, r_key = f"{item.id}:target_renstra", f"{item.id}:realisasi"
    return capaian_against(item, "capaian_renstra", t_key, r_key, values, ctx, number,
                           lambda: _("the Renstra target of indikator {item}").format(item=item.id))


def capaian_against(item: Indikator, name: str, t_key: str, r_key: str, values: dict, ctx: RuleContext,
                    number: Number | None, what) -> Computed:
    """realisasi (r_key) against a target (t_key, given as `number`) by the indikator's polarity; a
    zero denominator follows the target_nol policy (the item's, else the spec's), as the year's
    capaian does. One target, not a range: a `rentang` indikator has no upper bound here."""
    t, r = values[t_key].value, values[r_key].value
    entry = polarity(item.polaritas)
    inputs = [t_key, r_key]
    if t is None or r is None:
        return Computed(name, None, entry.formula, "-", inputs,
                        note=_("no {field}").format(field="realisasi" if r is None else "target"))
    if entry.needs_upper_bound:
        return Computed(name, None, entry.formula, "-", inputs, note=_("no upper bound"))
    denominator = entry.denominator(t, r, None)
    if denominator is not None:
        zero = zero_denominator(denominator[0], item.zero_policy, ctx, number, inputs, what, name, on_item=True)
        if zero:
            return zero
    value = entry.compute(t, r, None)
    return Computed(name, value, entry.formula, f"{entry.substituted(t, r, None)} = {shown(value)}", inputs)


def serapan_earlier(item_id: str, when: str, values: dict) -> Computed:
    """A budget item's realisasi against its pagu in an earlier year."""
    a_key, r_key = f"{item_id}:anggaran{AT}{when}", f"{item_id}:realisasi{AT}{when}"
    a, r = values[a_key].value, values[r_key].value
    name, formula, inputs = f"serapan{AT}{when}", "realisasi / anggaran × 100", [r_key, a_key]
    if a is None or r is None:
        return Computed(name, None, formula, "-", inputs,
                        note=_("no {field}").format(field="realisasi" if r is None else "anggaran"))
    if a == 0:
        return Computed(name, None, formula, "-", inputs, note=_("zero target"))
    value = divide(r, a) * HUNDRED
    return Computed(name, value, formula, f"{shown(r)} / {shown(a)} × 100 = {shown(value)}", inputs)


def combine_periods(periods: Periods, field_name: str, name: str | None = None) -> Computed:
    """The year's target or realisasi from its periods (jumlah, terakhir or rata_rata); `name`:
    the field of the value, when it is not the year's own (IKU1:target@periode beside a given target)."""
    values = [getattr(row, f"{field_name}_value") for row in periods.rows]
    present = [value for value in values if value is not None]
    label = f"{field_name} dari periode ({periods.combine})"
    name = name or field_name
    if not present:
        return Computed(name, None, label, "-", note=_("no period has a value"))
    if periods.combine == "jumlah":
        value = sum(present, Decimal(0))
        text = " + ".join(shown(p) for p in present)
    elif periods.combine == "terakhir":
        value, text = present[-1], f"nilai terakhir {shown(present[-1])}"
    else:
        value = divide(sum(present, Decimal(0)), Decimal(len(present)))
        text = f"({' + '.join(shown(p) for p in present)}) / {len(present)}"
    return Computed(name, value, label, f"{text} = {shown(value)}")


class PeriodCapaian(NamedTuple):
    """One period's figures and its capaian to date: cumulative for 'jumlah', of the means so far
    for 'rata_rata' (numerator and denominator are what the polarity formula was given)."""

    period: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    polaritas: str | None = None


class PeriodCapaians:
    """Every period's capaian to date, the value of a periode block's node: iterated, its rows
    (PeriodCapaian). Kept as the capaian alone, beside the block they were computed from, whose
    figures (and the running sums or means the polarity formula was given) are read again when the
    rows are: a large spec has a row for every month of every item (10k spec: 121 000), and a row
    of seven fields each was 12 MB held from the evaluation to the end of the result."""

    __slots__ = ("periods", "capaian", "polaritas", "zeros")

    def __init__(self, periods: Periods, capaian: tuple, polaritas: str | None, zeros: frozenset[int]):
        self.periods = periods
        self.capaian = capaian  # of each row of the block, in order
        self.polaritas = polaritas
        self.zeros = zeros  # the rows whose capaian the target_nol policy gave

    def figures(self):
        """(period row, its capaian) of each period: what the result's periode list carries."""
        return zip(self.periods.rows, self.capaian)

    def __iter__(self):
        new_row, polaritas, zeros = tuple.__new__, self.polaritas, self.zeros
        for index, ((period, t, r, num, den), value) in enumerate(zip(_running(self.periods), self.capaian)):
            if num is None:
                yield new_row(PeriodCapaian, (period, t, r, None, None, None, None))
            elif index in zeros:
                yield new_row(PeriodCapaian, (period, t, r, value, None, den, polaritas))
            else:
                yield new_row(PeriodCapaian, (period, t, r, value, num, den, polaritas))

    def __len__(self) -> int:
        return len(self.capaian)

    def __eq__(self, other):
        if isinstance(other, PeriodCapaians):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"PeriodCapaians({list(self)!r})"


def _running(periods: Periods):
    """(period, target, realisasi, numerator, denominator) of each period: what its capaian to date
    is computed from (numerator and denominator None when a figure is missing)."""
    cum_t = cum_r = Decimal(0)
    seen_t = seen_r = 0
    combine = periods.combine
    for row in periods.rows:
        t, r = row.target_value, row.realisasi_value
        if t is not None:
            cum_t += t
            seen_t += 1
        if r is not None:
            cum_r += r
            seen_r += 1
        if r is None or t is None:
            yield row.period, t, r, None, None
        elif combine == "jumlah":
            yield row.period, t, r, cum_r, cum_t
        elif combine == "rata_rata":
            yield row.period, t, r, divide(cum_r, Decimal(seen_r)), divide(cum_t, Decimal(seen_t))
        else:
            yield row.period, t, r, r, t


def period_capaian(periods: Periods, polaritas: str | None, name: str, item: Indikator | None = None,
                   ctx: RuleContext | None = None) -> Computed:
    """Every period's capaian to date, as one value (PeriodCapaians). Indikator periods follow the
    indikator's polarity; budget periods are plain ratios (polaritas None). The formula with
    numbers is written out only when explained (`period_lines`): it is rarely read.

    An indikator's (`item` and `ctx` given) zero denominator follows the target_nol policy, as
    the year's and the earlier years' capaian do; E150 is said once per block. Without a policy a
    period with nothing planned and nothing done (0 against 0, a month before the work starts)
    has no capaian and no diagnostic."""
    zero_reported = False
    values = []
    zeros = []
    policy = item is not None and ctx is not None
    entry = polarity(polaritas)
    of = entry.capaian
    for index, (_period, _target, _realisasi, num, den) in enumerate(_running(periods)):
        if num is None:
            values.append(None)
            continue
        if policy:
            zero = _zero_in_period(item, ctx, periods.rows[index], polaritas, num, den, name,
                                   report=not zero_reported)
            if zero is not None:
                zero_reported = True
                zeros.append(index)
                values.append(zero.value)
                continue
        values.append(of(den, num))
    formula = f"{entry.formula} per periode ({periods.combine})"
    return Computed(name, PeriodCapaians(periods, tuple(values), polaritas, frozenset(zeros) if zeros else _NONE),
                    formula, "")


_NONE: frozenset[int] = frozenset()


def _zero_in_period(item: Indikator, ctx: RuleContext, row, polaritas: str | None, num: Decimal, den: Decimal,
                    name: str, report: bool) -> Computed | None:
    """The target_nol policy's capaian for a period whose polarity divides by zero, else None."""
    entry = polarity(polaritas)
    if entry.needs_upper_bound:
        return None  # a range has no capaian per period
    denominator = entry.denominator(den, num, None)
    if denominator is None or denominator[0] != 0:
        return None
    policy = item.zero_policy or ctx.spec.zero_policy
    if policy is None and num == 0 and den == 0:
        return None  # nothing planned and nothing done: no capaian, nothing to say
    number = row.target if row.target is not None else row.realisasi
    return zero_denominator(Decimal(0), item.zero_policy, ctx, number, [], lambda: _(
        "the target of indikator {item} for {period}").format(item=item.id, period=row.period), name,
        on_item=True, report=report)


def period_lines(computed: Computed) -> list[str]:
    """Each period of a `period_capaian` value with its formula and numbers, for `explain`."""
    lines = []
    for row in computed.value:
        if row.capaian is None:
            lines.append(f"{row.period}: -")
        elif row.numerator is None:
            lines.append(f"{row.period}: target nol → {shown(row.capaian)} (target_nol)")
        else:
            text = polarity(row.polaritas).substituted(row.denominator, row.numerator, None)
            lines.append(f"{row.period}: {text} = {shown(row.capaian)}")
    return lines
