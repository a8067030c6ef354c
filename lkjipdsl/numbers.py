"""Reading numbers the way planners paste them, exactly, as Decimal.

The rule for separators (documented in docs/language.md, "Numbers"):

* ``_`` groups digits (``1_234_567``) and cannot be mixed with ``.`` or ``,``.
* When both ``.`` and ``,`` occur, the one that occurs last is the decimal separator and the
  other groups thousands: ``8.624.579.558,50`` and ``59,011,380.00``.
* A separator that occurs more than once groups thousands: ``8.624.579.558``, ``8,624,579``.
* A separator that occurs once is a decimal separator unless exactly three digits follow it
  and one to three digits, not starting with ``0``, precede it (``98,12``, ``1234567.89``,
  ``0.125`` and ``1234.567`` are decimals).
* ``1.000`` and ``1,000`` — one separator, three digits after — are ambiguous; the file's
  ``angka`` convention settles them: ``indonesia`` (the default) reads ``.`` as thousands and
  ``,`` as decimal, ``internasional`` the other way round.
* Thousands groups have exactly three digits and the first group one to three, not starting
  with ``0``; anything else (``6.5025.000``, ``0.000.001``, ``00.001``) is an error.
* A ratio as reports print one, ``1:17,9`` (also ``1 : 20``), is a number: its second term over
  its first (17,9; ``2:3`` is 0,666…, divided as every quotient is, lkjipdsl.exact), each term
  read by the rules above. It has two terms, neither negative, the first not zero, and no ``Rp``
  or ``%``; the spec keeps it as written for display (lkjipdsl.model.Number.text).
* Only ``0``–``9`` are digits: a digit of another script (``৪``, ``٣``, ``４``) is E016, never read
  as the digit it stands for. A number has at most one sign, ``-``; exponents (``1e5``) and
  hexadecimal (``0x10``) are not numbers of a spec. The grammar's NUMBER reads these forms whole,
  so that they are reported here, as one malformed number.
"""

from __future__ import annotations

from .records import record
from decimal import Decimal

from . import exact, limits
from .i18n import _
from .syntax import characters
from .patterns import compiled

CONVENTIONS = ("indonesia", "internasional")

MAX_DIGITS = limits.DEFAULT.max_number_digits  # the default; in force: limits.current().max_number_digits


@record(frozen=True, slots=True)
class ParsedNumber:
    value: Decimal
    is_money: bool  # had an Rp prefix
    is_percent: bool  # had a % suffix
    is_ratio: bool = False  # written as a ratio (1:17,9): the value is its second term over its first


class NumberError(ValueError):
    """A number that cannot be read; the message says why, the hint how to fix it."""

    def __init__(self, message: str, hint: str = "", offset: int = 0, code: str = "E105", *more_hints: str):
        super().__init__(message)
        self.hint = hint
        self.offset = offset
        self.code = code  # E105 malformed, E011 beyond max_number_digits
        self.hints = tuple(h for h in (hint, *more_hints) if h)


_PREFIX = compiled(r"^Rp\.?[ \t]*")
_SIGNS = compiled(r"[-+]*")
_SHAPE = compiled(r"[0-9]+(?:[._,][0-9]+)*")
_EXPONENT = compiled(r"([0-9]+(?:[._,][0-9]+)*)[eE]([-+]?[0-9]+)")
_HEXADECIMAL = compiled(r"0[xX]([0-9a-fA-F]+)")
_SUFFIX_PERCENT = compiled(r"[ \t]*%$")
_RATIO_COLON = compiled(r"[ \t]*:[ \t]*")


_ID_GROUPS = compiled(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_EN_GROUPS = compiled(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_ONE_SEPARATOR = compiled(r"([0-9]+)[.,]([0-9]+)")  # 98,78 or 100.00: a decimal, but for a thousands group


def parse_number(lexeme: str, convention: str = "indonesia") -> ParsedNumber:
    """Read one NUMBER lexeme (as the grammar tokenises it) into an exact Decimal.

    Plain digits and well-grouped thousands (most of a budget) take a fast path (`quick_value`);
    the result is the same as the full rule's (tests/test_numbers.py checks them against each other)."""
    if quick_values_allowed():
        value = quick_value(lexeme, convention)
        if value is not None:
            return ParsedNumber(value, False, False)
    return parse_number_fully(lexeme, convention)


def quick_values_allowed() -> bool:
    """Whether `quick_value` may be used: it reads up to 13 characters, which hold any budget, and
    leaves the digit limit to the full rule, so not when max_number_digits is lowered below 13."""
    return limits.current().max_number_digits >= 13


def quick_value(lexeme: str, convention: str) -> Decimal | None:
    """The value of plain digits or of well-grouped thousands of at most 13 characters, or None
    when the full rule (`parse_number_fully`) must decide."""
    read = quick_read(lexeme, convention)
    return None if read is None else read[0]


# How `quick_read` found a number written (lkjipdsl.model's styles of a Number's text): the lexeme is
# the value's own writing in plain digits, or grouped by '.' or by ','; or another (leading zeros).
AS_WRITTEN, PLAIN, DOTS, COMMAS = 0, 1, 2, 3


def quick_read(lexeme: str, convention: str) -> tuple[Decimal, int] | None:
    """`quick_value`, with how the lexeme writes the value: PLAIN, DOTS or COMMAS when it is that
    writing of the value (so the text can be made again from it), else AS_WRITTEN (`007`, `98,78`)."""
    if len(lexeme) > 13 or not lexeme.isascii():
        return None
    if lexeme.isdigit():
        return Decimal(lexeme), PLAIN if lexeme[0] != "0" or len(lexeme) == 1 else AS_WRITTEN
    if _ID_GROUPS.fullmatch(lexeme) and (convention == "indonesia" or lexeme.count(".") > 1):
        return Decimal(lexeme.replace(".", "")), DOTS
    if _EN_GROUPS.fullmatch(lexeme) and (convention == "internasional" or lexeme.count(",") > 1):
        return Decimal(lexeme.replace(",", "")), COMMAS
    one = _ONE_SEPARATOR.fullmatch(lexeme)
    if one is not None:  # a decimal as _normalise reads one separator, where it cannot be a thousands group
        integer, fraction = one.groups()
        if (len(fraction) != 3 or len(integer) > 3 or integer[0] == "0") and (len(integer) == 1 or integer.strip("0")):
            return Decimal(integer + "." + fraction), AS_WRITTEN
    return None


def parse_number_fully(lexeme: str, convention: str = "indonesia") -> ParsedNumber:
    """The full rule (module docstring), for every form."""
    if ":" in lexeme:
        return _ratio(lexeme, convention)
    text = lexeme
    is_money = bool(_PREFIX.match(text))
    text = _PREFIX.sub("", text)
    is_percent = bool(_SUFFIX_PERCENT.search(text))
    text = _SUFFIX_PERCENT.sub("", text)
    if text.endswith(",-"):
        text = text[:-2]
    not_a_digit = characters.first_number_character(lexeme)
    if not_a_digit is not None:
        raise NumberError(*characters.not_a_digit(lexeme[not_a_digit]), not_a_digit, "E016")
    sign = _SIGNS.match(text).group()
    text = text[len(sign):]
    if sign not in ("", "-"):
        raise NumberError(*_signs_problem(lexeme, sign, text), lexeme.find(sign))
    if not _SHAPE.fullmatch(text):
        raise NumberError(*_not_a_number(lexeme, text, convention))
    digits_only = text.replace(".", "").replace(",", "").replace("_", "")
    limit = limits.current().max_number_digits
    if len(digits_only) > limit:
        raise NumberError(
            _("number '{number}' has {count} digits; the limit is {limit} (max_number_digits)").format(
                number=_clip(lexeme), count=limits.number(len(digits_only)), limit=limit),
            _("no budget or indicator needs that many digits; check for a pasting error"), 0, "E011",
            limits.how_to_raise("max_number_digits", len(digits_only)),
        )
    plain = _normalise(text, lexeme, convention)
    return ParsedNumber(Decimal(sign + plain), is_money, is_percent)


def _ratio(lexeme: str, convention: str) -> ParsedNumber:
    """A ratio (`1:17,9`): its second term over its first, exactly; E105 for any other shape."""
    colons = list(_RATIO_COLON.finditer(lexeme))
    example = _("write the ratio with its two terms as the report prints it, e.g. {example}").format(example="1:17,9")
    if len(colons) > 1:
        raise NumberError(_("'{ratio}' is not a ratio: a ratio has two terms, not {count}").format(
            ratio=_clip(lexeme), count=len(colons) + 1), example, colons[1].start())
    colon = colons[0]
    first, second = lexeme[:colon.start()], lexeme[colon.end():]
    if first.startswith("Rp") or second.endswith(("%", ",-")):
        bare = _SUFFIX_PERCENT.sub("", _PREFIX.sub("", first + lexeme[colon.start():colon.end()] + second))
        raise NumberError(_("'{ratio}' is not a ratio: a ratio takes no 'Rp', ',-' or '%'").format(
            ratio=_clip(lexeme)), _("write {ratio}").format(ratio=_clip(bare.removesuffix(",-"))))
    if not first.strip():  # `:2` as a cell holds it (a spec's token never starts with ':')
        raise NumberError(_("'{ratio}' is not a ratio: its first term is missing before ':'").format(
            ratio=_clip(lexeme)), example, colon.start())
    if not second:
        raise NumberError(_("'{ratio}' is not a ratio: its second term is missing after ':'").format(
            ratio=_clip(lexeme)), example, colon.start())
    for term, offset in ((first, 0), (second, colon.end())):
        if term[0] in "-+":
            raise NumberError(_("'{ratio}' is not a ratio: its terms are never negative or signed").format(
                ratio=_clip(lexeme)),
                _("write {ratio}").format(ratio=_clip(_unsigned(first) + ":" + _unsigned(second))), offset)
    values = []
    for term, offset in ((first, 0), (second, colon.end())):
        try:
            values.append(parse_number_fully(term, convention).value)
        except NumberError as exc:
            raise NumberError(str(exc), exc.hint, offset + exc.offset, exc.code, *exc.hints[1:]) from None
    if not values[0]:
        raise NumberError(_("'{ratio}' has no value: its first term is zero, and a ratio is read as its second term "
                            "over its first").format(ratio=_clip(lexeme)),
                          _("write '-' if the report gives no ratio, or the ratio as printed"), 0)
    return ParsedNumber(exact.divide(values[1], values[0]), False, False, True)


def _unsigned(term: str) -> str:
    return term.lstrip("-+") or "1"


def _signs_problem(lexeme: str, sign: str, digits: str) -> tuple[str, str]:
    if sign == "+":
        return (_("'{number}' is not a number: a number takes no '+' sign").format(number=_clip(lexeme)),
                _("write {number}").format(number=_clip(digits)))
    return (_("'{number}' is not a number: it has more than one sign ('{sign}')").format(number=_clip(lexeme),
                                                                                          sign=sign),
            _("write {negative} for a negative number, {positive} for a positive one").format(
                negative="-" + _clip(digits), positive=_clip(digits)))


def _not_a_number(lexeme: str, text: str, convention: str) -> tuple[str, str]:
    """Message and hint for a NUMBER lexeme of another shape: an exponent, hexadecimal, or other."""
    exponent = _EXPONENT.fullmatch(text)
    if exponent is not None:
        return (_("'{number}' is not a number in a spec: numbers are written in full, without an exponent").format(
                    number=_clip(lexeme)),
                _in_full(exponent.group(1), int(exponent.group(2)), convention))
    hexadecimal = _HEXADECIMAL.fullmatch(text)
    if hexadecimal is not None and len(hexadecimal.group(1)) <= 16:
        return (_("'{number}' is not a number in a spec: hexadecimal is not written").format(number=_clip(lexeme)),
                _("write it in decimal digits: {value}").format(value=int(hexadecimal.group(1), 16)))
    return (_("'{number}' is not a number").format(number=_clip(lexeme)),
            _("write digits with '.' or ',' separators, e.g. {example}").format(example="1.234.567,89"))


def _in_full(mantissa: str, exponent: int, convention: str) -> str:
    """The hint for mantissa·10^exponent: the number written in full, when it is short enough."""
    general = _("write the number in full, with all its digits (a spreadsheet shows numbers this way when their "
                "column is too narrow)")
    if abs(exponent) > 20:
        return general
    try:
        value = Decimal(_normalise(mantissa, mantissa, convention)).scaleb(exponent)
    except NumberError:
        return general
    written = f"{value:f}"
    if "." in written:
        written = written.rstrip("0").rstrip(".")
    if convention == "indonesia":
        written = written.replace(".", ",")
    return _("write the number in full: {number}").format(number=written)


def _normalise(text: str, lexeme: str, convention: str) -> str:
    if "_" in text:
        if "." in text or "," in text:
            raise NumberError(
                _("malformed number '{number}': '_' cannot be mixed with '.' or ','").format(number=lexeme),
                _("write {grouped} or {dotted}, not both").format(grouped="1_234_567", dotted="1.234.567"),
            )
        return text.replace("_", "")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        integer, _sep, fraction = text.rpartition(decimal_sep)
        if decimal_sep in integer:
            raise NumberError(
                _("malformed number '{number}': '{separator}' appears more than once although it is the decimal "
                  "separator here").format(number=lexeme, separator=decimal_sep),
                _convention_hint(),
            )
        _check_groups(integer.split(group_sep), lexeme, convention, fraction)
        return integer.replace(group_sep, "") + "." + fraction
    sep = "." if dots else "," if commas else ""
    if not sep:
        return text
    parts = text.split(sep)
    if len(parts) > 2:
        _check_groups(parts, lexeme, convention)
        return "".join(parts)
    integer, fraction = parts
    if len(integer) > 1 and not integer.strip("0"):  # 00.001: neither 0,001 nor a thousand
        _leading_zeros(integer, fraction, lexeme, convention)
    if len(fraction) != 3 or len(integer) > 3 or integer.startswith("0"):
        return integer + "." + fraction
    thousands_sep = "." if convention == "indonesia" else ","
    if sep == thousands_sep:
        return integer + fraction
    return integer + "." + fraction


def _check_groups(groups: list[str], lexeme: str, convention: str, fraction: str | None = None) -> None:
    first, rest = groups[0], groups[1:]
    if not first.strip("0"):  # 0.000.001: zeros, then thousands groups
        _leading_zeros(first, "".join(rest) if fraction is None else None, lexeme, convention)
    bad = next((g for g in rest if len(g) != 3), None)
    if bad is not None:
        raise NumberError(
            _("malformed number '{number}': digit group '{group}' has {count} digits; thousands groups have exactly "
              "3").format(number=lexeme, group=bad, count=len(bad)),
            _("a stray or missing separator? e.g. {wrong} should probably be {right}").format(wrong="6.5025.000",
                                                                                            right="65.025.000"),
            offset=lexeme.find(bad),
        )
    if not 1 <= len(first) <= 3 or (len(first) > 1 and first.startswith("0")):
        raise NumberError(
            _("malformed number '{number}': the first digit group '{group}' must have 1 to 3 digits and no leading "
              "zero").format(number=lexeme, group=first),
            _("check the separators"),
        )


def _leading_zeros(first: str, digits: str | None, lexeme: str, convention: str) -> None:
    """E105 for zeros followed by digit groups (0.000.001, 00.001); `digits`, those of the groups
    after the zeros, make the hint name the decimal it may have meant."""
    hint = _("check the separators")
    if digits is not None:
        decimal_sep = "," if convention == "indonesia" else "."
        hint = _("a decimal fraction is written with a single 0 and one separator: {number}?").format(
            number=f"0{decimal_sep}{digits}")
    raise NumberError(_("malformed number '{number}': it starts with '{zeros}' followed by more digit groups, which "
                        "is neither a thousands grouping nor a decimal").format(number=_clip(lexeme), zeros=first),
                      hint)


def _clip(lexeme: str, width: int = 30) -> str:
    """A long number shown by its ends: 1111111111…1111111111."""
    return lexeme if len(lexeme) <= width else f"{lexeme[:12]}…{lexeme[-12:]}"


def _convention_hint() -> str:
    return _("Indonesian style is {indonesian}; international style is {international}").format(
        indonesian="1.234.567,89", international="1,234,567.89")
