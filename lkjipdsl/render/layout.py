"""Plain-text table layout: tabulate's "simple" and "github" formats, without importing tabulate.

Tables arrive as rows of already formatted strings with one alignment per column, so the work
tabulate does first (guessing each column's type from every cell, parsing numbers) changes nothing
but took about half the time of `lkjipdsl eval`, and importing tabulate and wcwidth a tenth of the
rest. `layout` lays such tables out itself, byte for byte as
`tabulate(rows, headers, tablefmt, disable_numparse=True, colalign=aligns)` does, for the tables
it can be sure of: string cells on one line each, every character one column wide (printable ASCII
and the few characters in NARROW, which tests/test_layout.py checks against wcwidth), left, right
or center alignment. Anything else goes to tabulate itself.
"""

from __future__ import annotations

# Printable characters beyond ASCII that wcwidth (tabulate's width function) counts as one column.
NARROW = frozenset(
    "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    "–—‘’‚“”„†‡•…‰‹›€™≈≠≤≥−"
)
# tabulate pads with format(): "<" and ">" are ljust and rjust; "^" puts an odd space on the right,
# where str.center may put it on the left.
_PAD = {"left": str.ljust, "right": str.rjust, "center": lambda text, width: format(text, f"^{width}")}
_STYLES = ("simple", "github")


def layout(rows: list[list[str]], headers: list[str], aligns: list[str], style: str) -> str:
    """The table as tabulate lays it out in `style` ("simple" or "github")."""
    if not _plain(rows, headers, aligns, style):
        from tabulate import tabulate

        return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True, colalign=aligns)
    columns = [[cell.strip() for cell in column] for column in zip(*rows)]
    widths = [max(len(header) + 2, max(map(len, column))) for header, column in zip(headers, columns)]
    pads = [_PAD[align] for align in aligns]
    head = [pad(header, width) for header, pad, width in zip(headers, pads, widths)]
    body = [[pad(cell, width) for cell in column] for column, pad, width in zip(columns, pads, widths)]
    if style == "simple":
        lines = ["  ".join(head), "  ".join("-" * width for width in widths)]
        lines += ["  ".join(cells) for cells in zip(*body)]
    else:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
        lines += ["| " + " | ".join(cells) + " |" for cells in zip(*body)]
    return "\n".join(line.rstrip() for line in lines)


def _plain(rows: list[list[str]], headers: list[str], aligns: list[str], style: str) -> bool:
    """Whether `layout` lays this table out exactly as tabulate would."""
    if style not in _STYLES or not rows or not headers or len(aligns) != len(headers):
        return False
    if any(align not in _PAD for align in aligns):
        return False
    count = len(headers)
    for row in rows:
        if type(row) is not list or len(row) != count:
            return False
        for cell in row:
            if type(cell) is not str:
                return False
    if any(type(header) is not str for header in headers):
        return False
    text = "".join(headers) + "".join("".join(row) for row in rows)
    if text.isascii():
        return text.isprintable()
    return all(char in NARROW or (char.isascii() and char.isprintable()) for char in set(text))
