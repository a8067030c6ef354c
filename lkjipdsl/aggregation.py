"""The aggregations (`agregasi`): how a sasaran's capaian comes from its indikator's. One entry
each — its formula as `explain` shows it, whether it reads the indikator's `bobot`, and the
computation with its formula with numbers — so that a new aggregation is one entry here. Read by
the build (the words the language takes), the checks (weights) and the rules (the sasaran's capaian).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from .records import NamedTuple

from .exact import divide, shown


class Aggregation(NamedTuple):
    name: str
    formula: str  # as `explain` shows it
    # (capaian, weights) of the indikator that have a capaian → (value, the formula with numbers),
    # or None when they give no value (weights that sum to zero)
    combine: Callable[[list[Decimal], list[Decimal]], tuple[Decimal, str] | None]
    weighted: bool = False  # reads each indikator's bobot
    formula_without_value: str = ""  # the formula shown when `combine` gives no value


def _mean(values: list[Decimal], weights: list[Decimal]) -> tuple[Decimal, str]:
    value = divide(sum(values, Decimal(0)), Decimal(len(values)))
    return value, f"({' + '.join(shown(v) for v in values)}) / {len(values)} = {shown(value)}"


def _weighted_mean(values: list[Decimal], weights: list[Decimal]) -> tuple[Decimal, str] | None:
    total = sum(weights, Decimal(0))
    if total == 0:
        return None
    value = divide(sum((w * v for w, v in zip(weights, values)), Decimal(0)), total)
    terms = " + ".join(f"{shown(w)} × {shown(v)}" for w, v in zip(weights, values))
    return value, f"({terms}) / {shown(total)} = {shown(value)}"


def _pick(name: str, pick: Callable) -> Callable[[list[Decimal], list[Decimal]], tuple[Decimal, str]]:
    def combine(values: list[Decimal], weights: list[Decimal]) -> tuple[Decimal, str]:
        value = pick(values)
        return value, f"{name}({', '.join(shown(v) for v in values)}) = {shown(value)}"
    return combine


AGGREGATIONS: dict[str, Aggregation] = {a.name: a for a in (
    Aggregation("rata_rata", "rata-rata capaian indikator", _mean),
    Aggregation("rata_rata_bobot", "Σ(bobot × capaian) / Σ bobot", _weighted_mean, weighted=True,
                formula_without_value="rata-rata berbobot"),
    Aggregation("minimum", "minimum capaian indikator", _pick("minimum", min)),
    Aggregation("maksimum", "maksimum capaian indikator", _pick("maksimum", max)),
)}
DEFAULT = "rata_rata"
