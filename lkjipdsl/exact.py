"""Exact arithmetic of the rules: Decimal division at 50 significant digits, and a number as a
formula shows it. Nothing is rounded here (rounding half-up happens once, at display)."""

from __future__ import annotations

from decimal import Context, Decimal

from .format import angka

HUNDRED = Decimal(100)
PRECISION = 50
# one context for every division, not a local context per call (the same precision and traps)
_ARITHMETIC = Context(prec=PRECISION)


def divide(a: Decimal, b: Decimal) -> Decimal:
    return _ARITHMETIC.divide(a, b)


# shown's texts by str(value), which tells a Decimal exactly (sign, digits and exponent): a value
# is shown in the formula that computes it and again in those that read it (a sum, a ratio)
_SHOWN: dict[str, str] = {}
_SHOWN_MAX = 4096  # then forgotten all at once: the values a formula reads were mostly computed just before


def shown(value) -> str:
    """A number inside a formula: exact when short, else shown to 6 decimals with '≈'."""
    if not isinstance(value, Decimal):
        return "-" if value is None else str(value)
    exact = str(value)
    text = _SHOWN.get(exact)
    if text is None:
        if len(_SHOWN) >= _SHOWN_MAX:
            _SHOWN.clear()
        text = _SHOWN[exact] = _shown_afresh(value)
    return text


def _shown_afresh(value: Decimal) -> str:
    text = angka(value)
    separator = text.find(",")
    if separator >= 0 and len(text) - separator > 7:  # more than 6 decimals
        return "≈" + angka(value, 6)
    return text
