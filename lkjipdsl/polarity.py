"""The polarities (`polaritas`): how an indikator's realisasi against its target becomes its
capaian. One entry each — its description, its formula as `explain` shows it, the computation,
and what it divides by (the value that must not be zero) — so that a new polarity is one entry
here. Read by the build (the words the language takes), the rules (the year's capaian) and the
values at another time (an earlier year's, each period's).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from .records import NamedTuple

from .exact import HUNDRED, divide, shown
from .i18n import N_

Figures = tuple[Decimal, Decimal, "Decimal | None"]  # target, realisasi, the range's upper bound


class Polarity(NamedTuple):
    name: str
    description: str  # for planners: what the word means, with its formula
    formula: str  # as `explain` shows it
    # (target, realisasi, upper bound) → (the value divided by, its name), or None when nothing is
    # divided (a realisasi inside a range)
    denominator: Callable[[Decimal, Decimal, Decimal | None], tuple[Decimal, str] | None]
    # the capaian, once the denominator is known not to be zero
    compute: Callable[[Decimal, Decimal, Decimal | None], Decimal]
    # the formula with the numbers put in
    substituted: Callable[[Decimal, Decimal, Decimal | None], str]
    needs_upper_bound: bool = False  # no capaian without `target LOW..HIGH`
    # a negative target (E152): the formula that makes a better realisasi score lower, as the
    # message shows it (None: the polarity keeps its meaning below zero), and how an indikator
    # that can be negative says what its capaian is instead
    inverted_by_negative: str | None = None
    signed_hint: str = N_("for an indikator that can be negative (a growth rate), say how its capaian is measured: "
                          "rumus 100 + (realisasi - target) / abs(target) * 100")
    periods_have_capaian: bool = True  # its periods and earlier years have a capaian of their own

    def capaian(self, t: Decimal, r: Decimal, high: Decimal | None = None) -> Decimal | None:
        """The capaian of realisasi r against target t; None when it has no value (a zero
        denominator, or a range without its upper bound). One computation for the year, the
        periods and earlier years alike (a block of periods looks its polarity up once)."""
        if self.needs_upper_bound and high is None:
            return None
        denominator = self.denominator(t, r, high)
        if denominator is not None and denominator[0] == 0:
            return None
        return self.compute(t, r, high)


def _by_target(t: Decimal, r: Decimal, high: Decimal | None) -> tuple[Decimal, str]:
    return t, "target"


def _range_bound(t: Decimal, r: Decimal, high: Decimal) -> tuple[Decimal, str] | None:
    """Inside the range nothing is divided; outside, the nearest bound is the target."""
    if t <= r <= high:
        return None
    return (high, "target_atas") if r > high else (t, "target_bawah")


def _range_capaian(t: Decimal, r: Decimal, high: Decimal) -> Decimal:
    bound = _range_bound(t, r, high)
    return HUNDRED if bound is None else divide(r, bound[0]) * HUNDRED


def _range_substituted(t: Decimal, r: Decimal, high: Decimal) -> str:
    bound = _range_bound(t, r, high)
    if bound is None:
        return f"{shown(t)} ≤ {shown(r)} ≤ {shown(high)} → 100"
    return f"{shown(r)} / {shown(bound[0])} × 100"


POLARITIES: dict[str, Polarity] = {p.name: p for p in (
    Polarity("maksimal", "higher is better: realisasi / target × 100", "realisasi / target × 100",
             _by_target, lambda t, r, high: divide(r, t) * HUNDRED,
             lambda t, r, high: f"{shown(r)} / {shown(t)} × 100",
             inverted_by_negative="realisasi / target × 100"),
    Polarity("minimal", "lower is better: (2 × target − realisasi) / target × 100",
             "(2 × target − realisasi) / target × 100",
             _by_target, lambda t, r, high: divide(2 * t - r, t) * HUNDRED,
             lambda t, r, high: f"(2 × {shown(t)} − {shown(r)}) / {shown(t)} × 100",
             inverted_by_negative="(2 × target − realisasi) / target × 100",
             signed_hint=N_("for an indikator that can be negative (a growth rate), say how its capaian is "
                            "measured: rumus 100 + (target - realisasi) / abs(target) * 100")),
    Polarity("rentang", "a target range LOW..HIGH: inside counts 100",
             "realisasi / batas terdekat × 100 (100 di dalam rentang)",
             _range_bound, _range_capaian, _range_substituted, needs_upper_bound=True,
             inverted_by_negative=N_("realisasi / the nearest bound × 100"),
             signed_hint=N_("for an indikator that can be negative, say how its capaian is measured with a rumus; "
                            "it sees target (the lower bound), target_atas and realisasi"),
             periods_have_capaian=False),
    Polarity("stabil", "stay close to the target: (1 − |1 − realisasi / target|) × 100",
             "(1 − |1 − realisasi / target|) × 100",
             _by_target, lambda t, r, high: (1 - abs(1 - divide(r, t))) * HUNDRED,
             lambda t, r, high: f"(1 − |1 − {shown(r)} / {shown(t)}|) × 100"),
)}
DEFAULT = "maksimal"


def polarity(name: str | None) -> Polarity:
    """The polarity of an indikator (maksimal when it names none)."""
    return POLARITIES[name or DEFAULT]


def capaian(name: str | None, t: Decimal, r: Decimal, high: Decimal | None = None) -> Decimal | None:
    """`Polarity.capaian` of the polarity `name` (maksimal when it names none)."""
    return POLARITIES[name or DEFAULT].capaian(t, r, high)
