"""Rating scales (skala predikat): the standard library, colour names, and the gap/overlap check.

A scale is a list of bands, each an interval of capaian with a label and a colour. By default
a scale rates the capaian rounded half-up to 2 decimals — the figure the report prints — so a
printed 100,00 is never rated "Belum Mencapai Target". `presisi tepat` rates the exact value.
"""

from __future__ import annotations

from decimal import Decimal

from .diagnostics import Diagnostic, error, warning
from .i18n import _
from .model import Band, Scale

COLORS = {
    "biru": "#1f6feb",
    "hijau": "#2da44e",
    "hijau_tua": "#116329",
    "merah": "#cf222e",
    "kuning": "#d4a72c",
    "oranye": "#e16f24",
    "jingga": "#e16f24",
    "ungu": "#8250df",
    "abu": "#6e7781",
    "hitam": "#000000",
    "putih": "#ffffff",
}


def _band(label, color, low=None, low_inc=True, high=None, high_inc=False) -> Band:
    to_dec = lambda v: None if v is None else Decimal(v)  # noqa: E731
    return Band(label, COLORS.get(color, color), to_dec(low), low_inc, to_dec(high), high_inc, None)


STANDARD_SCALES: dict[str, Scale] = {
    # LKjIP Kecamatan Seririt 2023, §3.1.2
    "tiga_tingkat": Scale(
        "tiga_tingkat",
        "Predikat Nilai Capaian Kinerja (tiga tingkat)",
        [
            _band("Belum Mencapai Target", "merah", None, True, "100", False),
            _band("Sesuai Target", "hijau", "100", True, "100", True),
            _band("Melampaui Target", "biru", "100", False, None, False),
        ],
        None,
    ),
    # Permendagri 86/2017, Skala Nilai Peringkat Kinerja; gaps closed by lower bounds, > 100 included
    "permendagri86": Scale(
        "permendagri86",
        "Skala Nilai Peringkat Kinerja (Permendagri 86/2017)",
        [
            _band("Sangat Rendah", "merah", None, True, "51", False),
            _band("Rendah", "oranye", "51", True, "66", False),
            _band("Sedang", "kuning", "66", True, "76", False),
            _band("Tinggi", "hijau", "76", True, "91", False),
            _band("Sangat Tinggi", "hijau_tua", "91", True, None, False),
        ],
        None,
    ),
}


def rate(scale: Scale, value: Decimal) -> Band | None:
    from .format import round_half_up

    seen = value if scale.precision is None else round_half_up(value, scale.precision)
    for band in scale.bands:
        if band.contains(seen):
            return band
    return None


def check_scale(scale: Scale) -> list[Diagnostic]:
    """Bands must cover every value the scale rates exactly once: report gaps and overlaps. A value
    is rated at the scale's precision (2 decimals unless `presisi` says otherwise), so bands printed
    "0 – 49,99 | 50 – 64,99" leave no gap at 2 decimals, nor "76–90 | 91–100" at `presisi 0`. Below
    the lowest band and above the highest one is no gap but a region the scale leaves unrated
    (a capaian above 100 on a scale that stops at 100): a warning, and a value there gets no predikat."""
    problems: list[Diagnostic] = []
    bands = sorted(scale.bands, key=_low_key)
    for first, second in zip(bands, bands[1:]):
        if _overlap(first, second):
            problems.append(error(
                "E121", _("skala '{scale}': bands '{first}' ({first_range}) and '{second}' ({second_range}) "
                          "overlap").format(scale=scale.id, first=first.label, first_range=first.describe(),
                                            second=second.label, second_range=second.describe()),
                second.span or scale.span, _("each value must fall in exactly one band")))
    if bands and bands[0].low is not None:
        low = bands[0].low
        problems.append(warning("W230", _("skala '{scale}' rates no value below {low}: such a capaian gets no "
                                          "predikat").format(scale=scale.id, low=low),
                                bands[0].span or scale.span,
                                _("add a band such as '< {low}' if a capaian can fall there").format(low=low)))
    if bands and bands[-1].high is not None and not any(b.high is None for b in bands):
        top = max(bands, key=lambda b: b.high)
        problems.append(warning("W230", _("skala '{scale}' rates no value above {high}: such a capaian gets no "
                                          "predikat").format(scale=scale.id, high=top.high),
                                top.span or scale.span,
                                _("add a band such as '> {high}' if a capaian can exceed it").format(high=top.high)))
    for first, second in zip(bands, bands[1:]):
        gap = _gap(scale, first, second)
        if gap:
            problems.append(error("E120", gap, second.span or scale.span,
                                  _("make each band start where the previous one ends")))
    return problems


def outer_region(scale: Scale, value: Decimal) -> bool:
    """The value, as the scale sees it, lies below its lowest band or above its highest one."""
    from .format import round_half_up

    seen = value if scale.precision is None else round_half_up(value, scale.precision)
    lows = [b.low for b in scale.bands]
    highs = [b.high for b in scale.bands]
    if lows and None not in lows:
        lowest = min(scale.bands, key=_low_key)
        if seen < lowest.low or (seen == lowest.low and not lowest.low_inclusive):
            return True
    if highs and None not in highs:
        top = max(scale.bands, key=lambda b: (b.high, b.high_inclusive))
        if seen > top.high or (seen == top.high and not top.high_inclusive):
            return True
    return False


def _low_key(band: Band):
    low = band.low if band.low is not None else Decimal("-Infinity")
    return (low, not band.low_inclusive)


def _overlap(a: Band, b: Band) -> bool:
    # a starts no later than b; they overlap when a reaches into b
    if a.high is None:
        return True
    if b.low is None:
        return True
    if a.high > b.low:
        return True
    return a.high == b.low and a.high_inclusive and b.low_inclusive


def _gap(scale: Scale, a: Band, b: Band) -> str:
    """The message for the values no band covers between a and b, at the scale's precision ('' when
    none: between a band ending at 49,99 and one starting at 50 lies no value with 2 decimals)."""
    if a.high is None or b.low is None or a.high > b.low:
        return ""
    if scale.precision is None:  # exact: every value between counts
        if a.high < b.low:
            return _("skala '{scale}': no band covers values between {low} and {high}").format(
                scale=scale.id, low=_show(a.high), high=_show(b.low))
        if not a.high_inclusive and not b.low_inclusive:
            return _("skala '{scale}': no band covers the value {value}").format(scale=scale.id, value=_show(a.high))
        return ""
    first = _first_value_after(a.high, a.high_inclusive, scale.precision)
    if first > b.low or (first == b.low and b.low_inclusive):
        return ""
    last = _last_value_before(b.low, b.low_inclusive, scale.precision)
    if first == last:
        return _("skala '{scale}': no band covers the value {value}").format(scale=scale.id, value=_show(first))
    return _("skala '{scale}': no band covers values between {low} and {high}").format(
        scale=scale.id, low=_show(a.high), high=_show(b.low))


def _show(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _first_value_after(edge: Decimal, covered: bool, precision: int) -> Decimal:
    """The first value the scale rates that a band ending at `edge` leaves uncovered."""
    step = Decimal(1).scaleb(-precision)
    first = (edge / step).to_integral_value(rounding="ROUND_CEILING") * step
    return first + step if first == edge and covered else first


def _last_value_before(edge: Decimal, covered: bool, precision: int) -> Decimal:
    """The last value the scale rates that a band starting at `edge` leaves uncovered."""
    step = Decimal(1).scaleb(-precision)
    last = (edge / step).to_integral_value(rounding="ROUND_FLOOR") * step
    return last - step if last == edge and covered else last
