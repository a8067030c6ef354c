"""Display formatting: the one place where numbers are rounded (half-up) and localised."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group(integer: str, sep: str) -> str:
    out = []
    while len(integer) > 3:
        out.append(integer[-3:])
        integer = integer[:-3]
    out.append(integer)
    return sep.join(reversed(out))


def angka(value: Decimal | None, places: int | None = None, lang: str = "id") -> str:
    """A number in Indonesian style (8.624.579.558; 97,15), '-' for no value.

    places=None prints the value with the decimals it has (inputs as written);
    otherwise it is rounded half-up to that many decimals.
    """
    if value is None:
        return "-"
    if places is not None:
        value = round_half_up(value, places)
    thousands, decimal_sep = (".", ",") if lang == "id" else (",", ".")
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    integer, _, fraction = text.partition(".")
    result = sign + _group(integer, thousands)
    if fraction:
        result += decimal_sep + fraction
    return result


def persen(value: Decimal | None, lang: str = "id") -> str:
    """A percentage for display: 2 decimals, half-up (97,15)."""
    return angka(value, 2, lang)


def rupiah(value: Decimal | None, lang: str = "id") -> str:
    """Money: whole rupiah shown without decimals, sen kept when present."""
    if value is None:
        return "-"
    if value == value.to_integral_value():
        return angka(value.quantize(Decimal(1)), None, lang)
    return angka(value, 2, lang)


def plain(value: Decimal | None) -> str | None:
    """A Decimal as a JSON-safe plain string (no exponent), None stays None."""
    if value is None:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
