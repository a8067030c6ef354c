"""A Draft written as spec text, in the canonical layout.

The layout is the one `lkjipdsl fmt` gives: four spaces per level, one statement per line, a
blank line between top-level blocks, numbers in the Indonesian style (`1.234.567,50`), written
exactly (no rounding). The opening comment names the source, so a reviewer knows where the
figures came from.
"""

from __future__ import annotations

from decimal import Decimal

from .draft import Budget, Draft, Entry, Indikator, Periods, Printed, PrintedRow, Ratio, Sasaran

INDENT = "    "


def spec_number(value: Decimal | None) -> str:
    """A Decimal as a spec writes it under `angka indonesia`, exactly: 1.234.567,5; None is '-'."""
    if value is None:
        return "-"
    if isinstance(value, Ratio):
        return value.text
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits))
    if exponent >= 0:
        whole, fraction = text + "0" * exponent, ""
    else:
        cut = len(text) + exponent
        whole, fraction = (text[:cut] if cut > 0 else "0"), ("0" * max(0, -cut) + text)[exponent:]
    whole = whole.lstrip("0") or "0"
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    written = ".".join(groups) + ("," + fraction if fraction else "")
    return ("-" if sign and value != 0 else "") + written


def quote(text: str) -> str:
    """A text as a quoted spec text (straight quotes; backslash, quote, newline and tab escaped)."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\r\n", "\n").replace("\r", "\n")
               .replace("\n", "\\n").replace("\t", "\\t"))
    return f'"{escaped}"'


def write(draft: Draft) -> str:
    lines: list[str] = [f"# {line}".rstrip() for line in draft.comments]
    if lines:
        lines.append("")
    lines += [f"{key} {value}" for key, value in draft.header]
    for sasaran in draft.sasaran:
        lines.append("")
        lines += _sasaran(sasaran)
    for program in draft.programs:
        lines.append("")
        lines += budget_lines(program, 0)
    if draft.printed or draft.printed_rows:
        lines.append("")
        lines += _printed(draft.printed, draft.printed_rows, 0)
    return "\n".join(lines).strip("\n") + "\n"


def _block(depth: int, opening: str, body: list[str]) -> list[str]:
    pad = INDENT * depth
    return [f"{pad}{opening} {{", *body, f"{pad}}}"]


def _sasaran(sasaran: Sasaran) -> list[str]:
    pad = INDENT
    body = [f"{pad}agregasi {sasaran.agregasi}"] if sasaran.agregasi else []
    for indikator in sasaran.indikator:
        body += _indikator(indikator, 1)
    body += _printed(sasaran.printed, [], 1)
    return _block(0, f"sasaran {sasaran.id} {quote(sasaran.name)}", body)


def _indikator(indikator: Indikator, depth: int) -> list[str]:
    pad = INDENT * (depth + 1)
    body = []
    if indikator.satuan is not None:
        body.append(f"{pad}satuan {quote(indikator.satuan)}")
    if indikator.polaritas:
        body.append(f"{pad}polaritas {indikator.polaritas}")
    if indikator.target_atas is not None:
        body.append(f"{pad}target {spec_number(indikator.target)}..{spec_number(indikator.target_atas)}")
    elif indikator.target is not None or indikator.has_target:
        body.append(f"{pad}target {spec_number(indikator.target)}")
    if indikator.realisasi is not None or indikator.has_realisasi:
        body.append(f"{pad}realisasi {spec_number(indikator.realisasi)}")
    if indikator.bobot is not None:
        body.append(f"{pad}bobot {spec_number(indikator.bobot)}")
    for key in ("penanggung_jawab", "keterangan"):
        if getattr(indikator, key):
            body.append(f"{pad}{key} {quote(getattr(indikator, key))}")
    body += _entries(indikator.riwayat, indikator.renstra, pad)
    if indikator.periods:
        body += periods_lines(indikator.periods, depth + 1)
    body += _printed(indikator.printed, [], depth + 1)
    return _block(depth, f"indikator {indikator.id} {quote(indikator.name)}", body)


def budget_lines(item: Budget, depth: int) -> list[str]:
    """The spec's lines of a budget item and its children, the item at `depth` (import --update too)."""
    pad = INDENT * (depth + 1)
    body = [f"{pad}sasaran {sasaran}" for sasaran in item.sasaran]
    if item.keterangan:
        body.append(f"{pad}keterangan {quote(item.keterangan)}")
    if item.target is not None:
        body.append(f"{pad}target {spec_number(item.target)}")
    if not item.children:
        body.append(f"{pad}anggaran {spec_number(item.anggaran)}")
        if item.realisasi is not None or item.has_realisasi:
            body.append(f"{pad}realisasi {spec_number(item.realisasi)}")
    if item.capaian_output is not None:
        body.append(f"{pad}capaian_output {spec_number(item.capaian_output)}")
    body += _entries(item.riwayat, item.renstra, pad)
    if item.periods and not item.children:
        body += periods_lines(item.periods, depth + 1)
    for child in item.children:
        body += budget_lines(child, depth + 1)
    body += _printed(item.printed, item.printed_rows, depth + 1)
    return _block(depth, f"{item.kind} {item.code} {quote(item.name)}", body)


def _entries(riwayat: list[Entry], renstra: list[Entry], pad: str) -> list[str]:
    lines = []
    for key, entries in (("riwayat", riwayat), ("renstra", renstra)):
        for entry in entries:
            figures = " ".join(f"{name} {spec_number(value)}" for name, value in entry.values)
            year = "akhir" if entry.year is None else str(entry.year)
            lines.append(f"{pad}{key} {year} {figures}".rstrip())
    return lines


def periods_lines(periods: Periods, depth: int) -> list[str]:
    """The spec's lines of a periode block inside an item at `depth` (import --update too)."""
    pad = INDENT * (depth + 1)
    rows = []
    for row in periods.rows:
        figures = [spec_number(row.target), spec_number(row.realisasi)]
        if row.persen is not None:
            figures.append(spec_number(row.persen))
        rows.append((row.name, figures))
    name_width = max((len(name) for name, _ in rows), default=0)
    widths = [max((len(f[i]) for _, f in rows if len(f) > i), default=0) for i in range(3)]
    body = []
    for name, figures in rows:
        cells = [name.ljust(name_width)] + [f.rjust(widths[i]) for i, f in enumerate(figures)]
        body.append(pad + "  ".join(cells).rstrip())
    return _block(depth, f"periode {periods.kind} gabung {periods.combine}", body)


def _printed(printed: list[Printed], rows: list[PrintedRow], depth: int) -> list[str]:
    pad = INDENT * depth
    lines = []
    for item in printed:
        if isinstance(item.value, str):
            value = quote(item.value)
        elif item.field == "tahun" and item.value is not None:
            value = str(item.value)  # a year, not an amount: 2022, not 2.022
        else:
            value = spec_number(item.value)
        lines.append(f"{pad}tercetak {item.field} {value} {quote(item.source)}")
    for row in rows:
        figures = " ".join(f"{name} {spec_number(value)}" for name, value in row.values)
        lines.append(f"{pad}tercetak {quote(row.source)} {figures}")
    return lines
