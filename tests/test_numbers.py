"""Reading pasted numbers: the separator rule in lkjipdsl/numbers.py, case by case."""

from decimal import Decimal

import pytest

from lkjipdsl import i18n
from lkjipdsl.format import angka, persen, rupiah
from lkjipdsl.numbers import NumberError, parse_number


@pytest.mark.parametrize(
    "text,expected",
    [
        ("8.624.579.558", "8624579558"),  # Indonesian thousands
        ("98,12", "98.12"),  # Indonesian decimal comma
        ("1234567.89", "1234567.89"),  # single dot, two digits after: decimal
        ("1_234_567", "1234567"),
        ("59,011,380.00", "59011380.00"),  # Excel's international style, as pasted in the seed
        ("8.624.579,55", "8624579.55"),
        ("Rp 8.624.579.558", "8624579558"),
        ("Rp. 8.624.579.558,-", "8624579558"),
        ("Rp8.624.579.558", "8624579558"),
        ("97,15 %", "97.15"),
        ("97,15%", "97.15"),
        ("0,125", "0.125"),  # leading zero: never thousands
        ("-5", "-5"),
        ("100", "100"),
        ("1.000", "1000"),  # ambiguous: the default convention (indonesia) reads '.' as thousands
        ("1,000", "1.000"),  # … and ',' as the decimal separator
    ],
)
def test_reads(text, expected):
    assert parse_number(text).value == Decimal(expected)


def test_international_convention_settles_the_ambiguous_forms_the_other_way():
    assert parse_number("1.000", "internasional").value == Decimal("1.000")
    assert parse_number("1,000", "internasional").value == Decimal("1000")
    # unambiguous forms read the same under both conventions
    assert parse_number("8.624.579.558", "internasional").value == Decimal("8624579558")
    assert parse_number("98,12", "internasional").value == Decimal("98.12")


def test_flags():
    parsed = parse_number("Rp 1.000.000")
    assert parsed.is_money and not parsed.is_percent
    assert parse_number("97,15 %").is_percent


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("6.5025.000", "digit group '5025' has 4 digits"),  # the seed's typo
        ("1.2345.678", "digit group '2345'"),
        ("1234.567.890", "first digit group '1234'"),
        ("1_234.5", "'_' cannot be mixed"),
        ("1.234,56.7", "'.' appears more than once"),
        ("1" * 41, "the limit is 40 (max_number_digits)"),
    ],
)
def test_malformed(text, fragment):
    with pytest.raises(NumberError) as info, i18n.using("en"):
        parse_number(text)
    assert fragment in str(info.value)


def test_display_round_trip():
    value = parse_number("8.624.579.558").value
    assert rupiah(value) == "8.624.579.558"
    assert parse_number(rupiah(value)).value == value
    assert persen(Decimal("97.152838")) == "97,15"
    assert persen(Decimal("98.575")) == "98,58"  # half-up
    assert angka(Decimal("-1234.5")) == "-1.234,5"
    assert angka(None) == "-"
    assert angka(Decimal("1234.5"), lang="en") == "1,234.5"


@pytest.mark.parametrize("text", ["Laporan", "", "12a", "1..2", "1.2.", ".5", "Rp", "--5", "1 000"])
def test_not_a_number_is_a_number_error_not_a_crash(text):
    with pytest.raises(NumberError):
        parse_number(text)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lkjipdsl.numbers import parse_number_fully  # noqa: E402

_lexemes = st.lists(st.sampled_from("0123456789.,"), min_size=1, max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(_lexemes, st.sampled_from(["indonesia", "internasional"]))
def test_fast_path_agrees_with_the_full_rule(lexeme, convention):
    def outcome(reader):
        try:
            return reader(lexeme, convention).value
        except NumberError as exc:
            return ("error", str(exc))

    assert outcome(parse_number) == outcome(parse_number_fully)


def test_fast_path_agrees_with_the_full_rule_on_every_short_lexeme():
    """Every lexeme of up to five characters of 0, 1, 5, 9, '.' and ',' (a decimal comma or point,
    a thousands group, leading zeros, three decimals), in both conventions: 18 660 readings."""
    import itertools

    def outcome(reader, lexeme, convention):
        try:
            return reader(lexeme, convention).value
        except NumberError as exc:
            return ("error", str(exc))

    for length in range(1, 6):
        for characters in itertools.product("0159.,", repeat=length):
            lexeme = "".join(characters)
            for convention in ("indonesia", "internasional"):
                assert outcome(parse_number, lexeme, convention) == outcome(parse_number_fully, lexeme, convention), \
                    (lexeme, convention)


def _plain_by_definition(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


@pytest.mark.parametrize("text, expected", [
    ("100", "100"), ("1E+2", "100"), ("97.150", "97.15"), ("-0", "0"), ("-0.00", "0"), ("0E-7", "0"),
    ("1.5E-7", "0.00000015"), ("12345678901234567890123456789012", "12345678901234567890123456789012"),
    ("-3.10", "-3.1"), ("79.11420841593751397439146183", "79.11420841593751397439146183"),
])
def test_plain_writes_decimals_without_exponent_or_trailing_zeros(text, expected):
    from lkjipdsl.format import plain

    assert plain(Decimal(text)) == expected


@settings(max_examples=600, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_plain_fast_path_agrees_with_its_definition(value):
    from lkjipdsl.format import plain

    assert plain(value) == _plain_by_definition(value)


def _angka_by_definition(value: Decimal, places, lang: str) -> str:
    """The grouping written out digit by digit, as angka() was first written."""
    from lkjipdsl.format import round_half_up

    if places is not None:
        value = round_half_up(value, places)
    thousands, decimal_sep = (".", ",") if lang == "id" else (",", ".")
    sign = "-" if value < 0 else ""
    integer, _, fraction = format(value.copy_abs(), "f").partition(".")
    groups = []
    while len(integer) > 3:
        groups.append(integer[-3:])
        integer = integer[:-3]
    groups.append(integer)
    return sign + thousands.join(reversed(groups)) + (decimal_sep + fraction if fraction else "")


@settings(max_examples=800, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None), st.sampled_from([None, 0, 2, 6]),
       st.sampled_from(["id", "en"]))
def test_angka_agrees_with_grouping_digit_by_digit(value, places, lang):
    assert angka(value, places, lang) == _angka_by_definition(value, places, lang)


@settings(max_examples=800, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None), st.integers(0, 12))
def test_round_half_up_agrees_with_a_context_per_call(value, places):
    from decimal import ROUND_HALF_UP, localcontext

    from lkjipdsl.format import round_half_up

    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + places + 2)
        expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert round_half_up(value, places) == expected
    assert str(round_half_up(value, places)) == str(expected)
