"""Display formatting: the one place where numbers are rounded (half-up) and localised.

`format_value` (public as `lkjipdsl.format_value`) prints a value the way the reports do; every
renderer, template filter and rule message formats through it, by its shorthands `angka` (the
same function), `persen` and `rupiah`. `plain` writes a Decimal for JSON, unrounded.

A report that cuts its figures instead of rounding them (`pembulatan potong`, carried in the
Result's spec.pembulatan) is shown by rendering within `display_rounding("potong")`: every figure
formatted meanwhile is truncated toward zero at its decimals, by the same one formatter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, localcontext

HALF_UP = "setengah_ke_atas"
TRUNCATE = "potong"
ROUNDINGS = (HALF_UP, TRUNCATE)  # the words of `pembulatan`
_ROUNDING: ContextVar[str] = ContextVar("lkjipdsl_display_rounding", default=HALF_UP)


_WIDE = Context(prec=120, rounding=ROUND_HALF_UP)
_QUANTUM = {places: Decimal(1).scaleb(-places) for places in range(11)}


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    # with the precision the result needs: the default 28 digits would make quantize fail
    # (InvalidOperation) for a value of 27 digits or more before the point, e.g. a capaian of 10^40
    needed = value.adjusted() + places + 2
    if needed <= _WIDE.prec and places in _QUANTUM:  # the usual case, without a context per call
        return value.quantize(_QUANTUM[places], context=_WIDE)
    with localcontext() as ctx:
        ctx.prec = max(28, needed)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, places: int = 2) -> Decimal:
    """`value` cut toward zero at `places` decimals (98,1299 → 98,12; -1,239 → -1,23)."""
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def round_shown(value: Decimal, places: int = 2, rounding: str | None = None) -> Decimal:
    """`value` as the report shows it at `places` decimals: rounded half-up, or truncated under
    `pembulatan potong` (`rounding`, else the display rounding in force)."""
    if (rounding or _ROUNDING.get()) == TRUNCATE:
        return truncate(value, places)
    return round_half_up(value, places)


def display_rounding_in_force() -> str:
    return _ROUNDING.get()


@contextmanager
def display_rounding(rounding: str | None) -> Iterator[None]:
    """Figures formatted within are shown by `rounding` (`setengah_ke_atas` or `potong`; None
    keeps the one in force)."""
    token = _ROUNDING.set(rounding or _ROUNDING.get())
    try:
        yield
    finally:
        _ROUNDING.reset(token)


def with_display_rounding(rounding: str | None, write: Callable) -> Callable:
    """A deferred writer (a renderer's content written later) that formats by `rounding`."""
    def written(*args, **kwargs):
        with display_rounding(rounding):
            return write(*args, **kwargs)
    return written


def _indonesian(text: str) -> str:
    """'8,624,579.5' → '8.624.579,5'. Three replace() calls, through a '_' that format() never
    writes, are three times faster than str.translate with a table (character by character)."""
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_value(value: Decimal | int | str | None, places: int | None = None, lang: str = "id", *,
                 money: bool = False) -> str:
    """A value the way the reports print it; what every renderer shows a number with.

    Indonesian notation by default (8.624.579.558; 97,15), English with lang="en" (8,624,579,558;
    97.15); '-' for no value. `places` rounds half-up, once, to that many decimals (truncates,
    within `display_rounding("potong")`); None shows the value with the decimals it has (an input
    as written). money=True prints rupiah as the reports
    do: whole rupiah without decimals, sen (when there are) with two. A value may be a Decimal
    (what results hold), an int or a number in a str ("97.152"); a float is refused, as it is
    not the number it was written as.

        format_value(Decimal("97.1528"), 2)            -> '97,15'
        format_value(Decimal("98.575"), 2)             -> '98,58'   (half-up, not to even)
        format_value(Decimal("8624579558"), money=True) -> '8.624.579.558'
        format_value(None)                             -> '-'
    """
    if value is None:
        return "-"
    if value.__class__ is not Decimal:
        value = _decimal(value)
    if money:
        places = 0 if value == value.to_integral_value() else 2
    if places is not None:
        value = round_half_up(value, places) if _ROUNDING.get() == HALF_UP else truncate(value, places)
    text = format(value, ",f")  # exact: format() does not round to the context precision
    if text[0] == "-" and not value:
        text = text[1:]  # -0 and -0,00 are shown as 0 and 0,00
    return _indonesian(text) if lang == "id" else text


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)) or not isinstance(value, (int, str)):
        raise TypeError(f"format_value() takes a Decimal, an int or a str, not {type(value).__name__}"
                        + ("; give Decimal(str(x)) for a float, or better the Decimal it came from"
                           if isinstance(value, float) else ""))
    try:
        number = Decimal(value.strip().replace("_", "") if isinstance(value, str) else value)
    except ArithmeticError:
        raise ValueError(f"format_value() takes a number, not {value!r:.40}") from None
    if not number.is_finite():
        raise ValueError(f"format_value() takes a finite number, not {value!r:.40}")
    return number


# The renderers' shorthands: the same function (no second formatting), and its two common uses.
angka = format_value


def persen(value: Decimal | None, lang: str = "id") -> str:
    """A percentage for display: 2 decimals, half-up (97,15)."""
    return format_value(value, 2, lang)


def rupiah(value: Decimal | None, lang: str = "id") -> str:
    """Money: whole rupiah shown without decimals, sen kept when present."""
    return format_value(value, None, lang, money=True)


def rupiah_places(value: Decimal | None) -> int:
    """The decimals `rupiah` shows: 0 for whole rupiah, 2 when there are sen."""
    return 0 if value is None or value == value.to_integral_value() else 2


def places_shown(value: Decimal | None, places: int | None = None) -> int:
    """The decimals `angka(value, places)` shows (for renderers that format numbers themselves, like Excel)."""
    if places is not None:
        return places
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


_JSON_PLACES = Decimal(1).scaleb(-10)  # results.JSON_DECIMALS


def plain_rounded(value: Decimal | None) -> str | None:
    """`plain`, rounded half-up to 10 decimals when it has more (a computed value in the JSON)."""
    if value is None:
        return None
    text = str(value)
    if "E" not in text:  # its decimals are those of the text: read there, without as_tuple's digits
        point = text.find(".")
        if point < 0 or len(text) - point <= 11:  # at most 10 decimals: as it is
            if point < 0 or text[-1] != "0":
                return text if text != "-0" else "0"
            return plain(value)
        # more decimals (most quotients): rounded half-up, and the trailing zeros cut after the point;
        # the text is the exact value, so a next digit below 5 rounds by cutting it off
        if text[point + 11] < "5":
            text = text[:point + 11]
        else:
            text = str(value.quantize(_JSON_PLACES, None, _WIDE))  # _WIDE rounds half-up
            if "E" in text:
                return plain(Decimal(text))
        text = text.rstrip("0").rstrip(".")
        return text if text != "-0" else "0"
    if value.as_tuple().exponent < -10 and value.is_finite():
        value = value.quantize(_JSON_PLACES, rounding=ROUND_HALF_UP, context=_WIDE)
    return plain(value)


def plain(value: Decimal | None) -> str | None:
    """A Decimal as a JSON-safe plain string (no exponent), None stays None."""
    if value is None:
        return None
    text = str(value)  # the common case, twice as fast as format(): no exponent, no trailing zero
    if "E" not in text and not (text[-1] == "0" and "." in text) and text != "-0":
        return text
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
