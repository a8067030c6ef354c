"""Text tables that fit a width: long names wrapped inside their column, numbers never.

`layout` (layout.py) lays a table out on one line per row, as wide as its longest cell needs; a
program's name in Tabel 3.1 alone takes 166 columns. `fitted` lays the same table out within a
width (a terminal's, `--lebar`), in the same "simple" style, by wrapping text at spaces and after
a `/` ("Bulanan/Triwulanan/Semesteran"). A word is never cut and a number (which has no space)
never wrapped: when even the narrowest layout is wider than asked, the table is that wide.

What gives way first: headings, whose words may stand on two or three lines while every cell
under them stays whole; then the widest text columns, narrowed alike, so that the name column,
not a column of figures, takes the lines.
"""

from __future__ import annotations

import unicodedata

from ..patterns import deferred
from ..patterns import compiled

GAP = 2  # spaces between two columns, as in "simple"
# at spaces, and after a slash inside a word: for text beyond ASCII with a slash, which few cells are
_BREAKS = deferred(r"(?<=/)(?=[^/\s])|\s+")


def text_width(text: str) -> int:
    """Columns `text` takes on a terminal: a wide (East Asian) character two, a combining mark none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text's unbreakable pieces, each with whether a space stood before it."""
    if "/" not in text:  # breaks at spaces only: str.split() cuts where the \s of _BREAKS does (test_wrap.py)
        words = text.split()
        return [(word, index > 0 or text[:1].isspace()) for index, word in enumerate(words)]
    if text.isascii():
        return _ascii_pieces(text)
    pieces, spaced, start = [], False, 0
    for match in _BREAKS.finditer(text):
        if match.start() > start:
            pieces.append((text[start:match.start()], spaced))
        spaced = match.group() != ""
        start = match.end()
    if start < len(text):
        pieces.append((text[start:], spaced))
    return pieces


def _ascii_pieces(text: str) -> list[tuple[str, bool]]:
    """`_pieces` of an ASCII text, without a pattern: its words, each cut after a slash that a
    character other than a slash follows (where the lookarounds of _BREAKS cut)."""
    pieces = []
    for index, word in enumerate(text.split()):
        spaced = index > 0 or text[:1].isspace()
        if "/" not in word:  # most words of a name with a slash somewhere
            pieces.append((word, spaced))
            continue
        start = 0
        for cut in range(1, len(word)):
            if word[cut - 1] == "/" and word[cut] != "/":
                pieces.append((word[start:cut], spaced))
                start, spaced = cut, False
        pieces.append((word[start:], spaced))
    return pieces


_BREAKABLE = compiled(r"[\s/]")


def narrowest(text: str) -> int:
    """The width of the widest unbreakable piece of `text`: how narrow its column may become."""
    if not _BREAKABLE.search(text):  # a number, a code, one word: most cells
        return text_width(text)
    return max((text_width(piece) for piece, _spaced in _pieces(text)), default=0)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns (a piece wider than that stands alone on its line)."""
    if text.isascii():  # most cells: a column each character
        return [text] if len(text) <= width else _wrap_ascii(text, width)
    if text_width(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for piece, spaced in _pieces(text):
        size = text_width(piece)
        joint = " " if spaced and line else ""
        if line and used + len(joint) + size > width:
            lines.append(line)
            line, used = piece, size
        else:
            line += joint + piece
            used += len(joint) + size
    if line or not lines:
        lines.append(line)
    return lines


def _wrap_ascii(text: str, width: int) -> list[str]:
    """`wrap` of an ASCII text, a line at a time rather than a piece at a time: with its words joined
    by one space (as `wrap` joins its pieces), each line is the longest start of what is left that
    ends where a piece ends — at a space, which goes, or after a slash, which stays. A first piece
    wider than the line stands alone, up to the first cut after it. Each search looks back at most
    a line's width or forward over what the line then takes (the next space, once found, is kept
    until a line passes it), so a text of any length is wrapped in time linear in it."""
    joined = " ".join(text.split())
    slashed = "/" in joined
    if width < 0:
        width = 0
    size, start, following = len(joined), 0, -1  # following: the first space after a line's width
    lines = []
    while size - start > width:
        limit = start + width
        end = joined.rfind(" ", start, limit + 1)
        after = end + 1
        if slashed:
            cut = _last_slash_cut(joined, start, limit)
            if cut > end:
                end = after = cut
        if end < 0:  # the first piece is wider than the line
            if following <= limit:
                following = joined.find(" ", limit + 1)
                following = size if following < 0 else following
            end, after = following, following + 1
            if slashed:
                cut = _first_slash_cut(joined, limit, following)
                if cut >= 0:
                    end = after = cut
            if end >= size:  # no cut: it runs to the end
                break
        lines.append(joined[start:end])
        start = after
    lines.append(joined[start:])
    return lines


def _last_slash_cut(text: str, start: int, limit: int) -> int:
    """The last place after `start`, at most `limit` (< len(text)), that follows a slash and that a
    character other than a slash or a space follows (where _BREAKS cuts inside a word); -1 if none."""
    at = text.rfind("/", start, limit)
    while at >= 0:
        if text[at + 1] not in "/ ":
            return at + 1
        at = text.rfind("/", start, at)
    return -1


def _first_slash_cut(text: str, limit: int, end: int) -> int:
    """The first such place after `limit` and before `end` (a space, or the text's end); -1 if none."""
    at = text.find("/", limit, end - 1)
    while at >= 0:
        if text[at + 1] not in "/ ":
            return at + 1
        at = text.find("/", at + 1, end - 1)
    return -1


def _pad(text: str, width: int, align: str) -> str:
    if text.isascii() and align != "center":
        return text.ljust(width) if align == "left" else text.rjust(width)
    room = width - text_width(text)
    if align == "right":
        return " " * room + text
    if align == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


def _measures(columns: list[tuple[str, ...]], headers: list[str],
              cells: list[int] | None = None) -> tuple[list[int], list[int], list[int]]:
    """Per column: its width on one line; with its heading wrapped; with its heading and cells wrapped
    (`cells`: the widest cell of each column, when the caller has them)."""
    cells = cells or [_widest(column) for column in columns]
    natural = [max(text_width(header), cell) for header, cell in zip(headers, cells)]
    heads_wrapped = [max(narrowest(header), cell) for header, cell in zip(headers, cells)]
    all_wrapped = [max(narrowest(header), _widest_piece(column)) for header, column in zip(headers, columns)]
    return natural, heads_wrapped, all_wrapped


def _columns(rows: list[list[str]], count: int) -> list[tuple[str, ...]]:
    return list(zip(*rows)) if rows else [() for _index in range(count)]


def _widest(column) -> int:
    if "".join(column).isascii():  # one test for the whole column: a report has thousands of rows
        return max(map(len, column), default=0)
    return max(map(text_width, set(column)), default=0)


def _widest_piece(column) -> int:
    """The widest unbreakable piece of any cell of the column (a line break separates cells)."""
    text = "\n".join(column)
    if text.isascii():
        if "/" in text:  # a space after each slash that a slash does not follow: where _BREAKS cuts
            text = text.replace("/", "/ ")
            while "/ /" in text:  # (only "//" can have become "/ /": a space written there is doubled)
                text = text.replace("/ /", "//")
        return max(map(len, text.split()), default=0)  # str.split() cuts where the \s of _BREAKS does
    return max(map(narrowest, set(column)), default=0)


def column_widths(rows: list[list[str]], headers: list[str], width: int) -> list[int]:
    """How wide each column may be so that the table fits in `width` (each at least its narrowest)."""
    return _widths(*_measures(_columns(rows, len(headers)), headers), width)


def _widths(natural: list[int], heads_wrapped: list[int], all_wrapped: list[int], width: int) -> list[int]:
    room = width - GAP * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    if sum(heads_wrapped) <= room:
        return _level(heads_wrapped, natural, room)
    if sum(all_wrapped) <= room:
        return _level(all_wrapped, heads_wrapped, room)
    return all_wrapped


def panels(rows: list[list[str]], headers: list[str], aligns: list[str], width: int) -> list[list[int]]:
    """The columns of each part of a table too wide for `width` even wrapped (Tabel 3.2: four years
    of figures), as pandas prints a wide frame: the leading text columns (code, name) in every part,
    then the other columns, whole, in parts of about the same width. One part when the table fits."""
    return _panels(_measures(_columns(rows, len(headers)), headers), aligns, width)


def _panels(measures: tuple[list[int], list[int], list[int]], aligns: list[str], width: int) -> list[list[int]]:
    _natural, heads_wrapped, all_wrapped = measures
    count = len(aligns)
    if sum(all_wrapped) + GAP * (count - 1) <= width:
        return [list(range(count))]
    keys = next((index for index, align in enumerate(aligns) if align != "left"), count)
    keys = keys if 0 < keys < count else 1
    # a name keeps room for a few words a line, unless that leaves no room for the figures
    reserved = [min(heads_wrapped[index], max(all_wrapped[index], min(NAME_ROOM, width // 3))) for index in range(keys)]
    room = width - sum(reserved) - GAP * keys
    if room < max(heads_wrapped[keys:]):
        room = width - sum(all_wrapped[:keys]) - GAP * keys
    sizes = [heads_wrapped[index] + GAP for index in range(keys, count)]
    cap = _balanced(sizes, _runs(sizes, room))
    parts, used = [], cap + 1
    for index, size in enumerate(sizes, keys):
        if used + size > cap:
            parts.append(list(range(keys)))
            used = 0
        parts[-1].append(index)
        used += size
    return parts


NAME_ROOM = 30


def _runs(sizes: list[int], cap: int) -> int:
    """How many runs, each adding up to at most `cap` (or one item alone), the sizes fall into in order."""
    count, used = 0, cap + 1
    for size in sizes:
        if used + size > cap:
            count, used = count + 1, 0
        used += size
    return count


def _balanced(sizes: list[int], count: int) -> int:
    """The smallest cap that still splits `sizes` into `count` runs: parts of about the same width."""
    bottom, top = max(sizes), sum(sizes)
    while bottom < top:
        middle = (bottom + top) // 2
        if _runs(sizes, middle) <= count:
            top = middle
        else:
            bottom = middle + 1
    return bottom


def _level(low: list[int], high: list[int], room: int) -> list[int]:
    """Widths between low and high that add up to at most `room`: the widest narrowed first, to one
    level, the columns' own widths kept below it (water-filling)."""
    def at(level: int) -> list[int]:
        return [max(lo, min(hi, level)) for lo, hi in zip(low, high)]

    bottom, top = 0, max(high)
    while bottom < top:  # the highest level that fits
        middle = (bottom + top + 1) // 2
        if sum(at(middle)) <= room:
            bottom = middle
        else:
            top = middle - 1
    widths = at(bottom)
    spare = room - sum(widths)
    for index, (width, hi) in enumerate(zip(widths, high)):  # what is left, to the first columns cut
        if spare and width < hi and width == bottom:
            widths[index] += 1
            spare -= 1
    return widths


def fitted(rows: list[list[str]], headers: list[str], aligns: list[str], width: int) -> str | None:
    """The table in the "simple" style within `width` columns where it can be: headings and text
    wrapped at spaces and slashes, each row's cells top-aligned, the headings bottom-aligned; a
    table too wide even so in parts (`panels`), one under the other. None when `layout` lays it out
    within `width` as it is."""
    columns = [tuple(map(str.strip, column)) for column in _columns(rows, len(headers))]
    widest = [_widest(column) for column in columns]
    laid_out = [max(text_width(header) + 2, cell) for header, cell in zip(headers, widest)]
    if sum(laid_out) + GAP * (len(headers) - 1) <= width:  # layout's widths: a heading with two spaces more
        return None
    measures = _measures(columns, headers, widest)
    parts = _panels(measures, aligns, width)
    wrapped: dict[tuple[int, int], dict[str, list[str]]] = {}  # the key columns repeat in every part

    def part(indices: list[int]) -> str:
        chosen = [[values[index] for index in indices] for values in measures]
        limits = _widths(*chosen, width)
        return _fitted([columns[index] for index in indices], [headers[index] for index in indices],
                       [aligns[index] for index in indices], limits,
                       lambda at, column, limit: _wrapped(wrapped, indices[at], column, limit),
                       [widest[index] for index in indices])

    return "\n\n".join(part(indices) for indices in parts)


def _fitted(columns: list[tuple[str, ...]], headers: list[str], aligns: list[str], limits: list[int],
            wrapped_cells=None, widest: list[int] | None = None) -> str:
    """Columns laid out within their limits: a column whose cells all fit is padded as `layout`
    pads; in one that wraps, each distinct cell is wrapped once, and the rows it makes taller get
    their further lines. `wrapped_cells(index, column, limit)`: `_wrapped_cells` of the column, kept
    from an earlier part of the table; `widest`: each column's widest cell, if known."""
    heads = [wrap(header, limit) for header, limit in zip(headers, limits)]
    widest = widest or [_widest(column) for column in columns]
    wrapping = [(wrapped_cells(index, column, limit) if wrapped_cells else _wrapped_cells(column, limit))
                if most > limit else None
                for index, (column, limit, most) in enumerate(zip(columns, limits, widest))]
    widths = [max(max(map(text_width, head)), most if cells is None else _widest_line(cells))
              for head, cells, most in zip(heads, wrapping, widest)]
    gap = " " * GAP
    lines = []
    height = max(map(len, heads))
    for depth in range(height):
        cells = [head[depth - (height - len(head))] if depth >= height - len(head) else "" for head in heads]
        lines.append(gap.join(_pad(cell, size, align) for cell, size, align in zip(cells, widths, aligns)).rstrip())
    lines.append(gap.join("-" * size for size in widths))
    firsts = []  # the first line of every row, column by column as layout does
    tall: dict[int, list[int]] = {}  # the rows a wrapped cell makes taller: the columns that do
    for at, (column, cells, size, align) in enumerate(zip(columns, wrapping, widths, aligns)):
        if cells is None:
            firsts.append(_pad_column(column, size, align))
            continue
        shown = {cell: cell_lines[0] for cell, cell_lines in cells.items()}
        firsts.append(_pad_column([shown[cell] for cell in column], size, align))
        taller = {cell for cell, cell_lines in cells.items() if len(cell_lines) > 1}
        if taller:
            for index, cell in enumerate(column):
                if cell in taller:
                    tall.setdefault(index, []).append(at)
    rows = [gap.join(parts).rstrip() for parts in zip(*firsts)]
    if not tall:
        return "\n".join(lines + rows)
    starts = [sum(widths[:at]) + GAP * at for at in range(len(widths))]
    for index, first in enumerate(rows):
        lines.append(first)
        if index in tall:
            lines += _further(index, tall[index], columns, wrapping, widths, aligns, starts)
    return "\n".join(lines)


def _further(index: int, tall: list[int], columns, wrapping, widths: list[int], aligns: list[str],
             starts: list[int]) -> list[str]:
    """The lines of row `index` below its first, where the columns `tall` go on: each line blank but
    for those columns' further lines, each at its column's start (what the row's other cells would
    put there, spaces, and the spaces after the last, are left out as `rstrip` would leave them)."""
    if len(tall) == 1:  # most rows: only the name goes on
        at = tall[0]
        lead, stack = " " * starts[at], wrapping[at][columns[at][index]]
        if aligns[at] == "left":  # its padding would be stripped
            return [(lead + line).rstrip() for line in stack[1:]]
        return [(lead + _pad(line, widths[at], aligns[at])).rstrip() for line in stack[1:]]
    stacks = {at: wrapping[at][columns[at][index]] for at in tall}
    lines = []
    for depth in range(1, max(map(len, stacks.values()))):
        line, used = "", 0  # `used`: the columns the line takes (a wide character two)
        for at, stack in stacks.items():
            if depth < len(stack):
                line += " " * (starts[at] - used) + _pad(stack[depth], widths[at], aligns[at])
                used = starts[at] + widths[at]
        lines.append(line.rstrip())
    return lines


def _widest_line(cells: dict[str, list[str]]) -> int:
    lines = [line for cell_lines in cells.values() for line in cell_lines]
    if "".join(lines).isascii():
        return max(map(len, lines), default=0)
    return max(map(text_width, lines), default=0)


def _pad_column(texts, size: int, align: str) -> list[str]:
    if align != "center" and "".join(texts).isascii():
        pad = str.ljust if align == "left" else str.rjust
        return [pad(text, size) for text in texts]
    return [_pad(text, size, align) for text in texts]


def _wrapped(kept: dict, index: int, column, limit: int) -> dict[str, list[str]]:
    if (index, limit) not in kept:
        kept[index, limit] = _wrapped_cells(column, limit)
    return kept[index, limit]


def _wrapped_cells(column, limit: int) -> dict[str, list[str]]:
    if "".join(column).isascii():
        return {cell: [cell] if len(cell) <= limit else _wrap_ascii(cell, limit) for cell in set(column)}
    return {cell: wrap(cell, limit) for cell in set(column)}


def fitted_title(title: str, width: int) -> str:
    """A table's title underlined with '=', on several lines when it is wider than `width`."""
    lines = wrap(title, width)
    return "\n".join(lines) + "\n" + "=" * max(map(text_width, lines))
