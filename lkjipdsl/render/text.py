"""Tables as text, Markdown or CSV; results as JSON. Layout only: values arrive formatted."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..results import Result
from ..results_json import chunks
from .layout import layout
from .tables import Table

FORMATS = ("text", "markdown", "csv", "json")


def render_table(table: Table, fmt: str) -> str:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.headers)
        writer.writerows(table.rows)
        return out.getvalue()
    style = "github" if fmt == "markdown" else "simple"
    body = layout(table.rows, table.headers, table.align, style)
    title = f"### {table.title}" if fmt == "markdown" else f"{table.title}\n{'=' * len(table.title)}"
    return f"{title}\n\n{body}\n"


def render_tables(tables: list[Table], fmt: str) -> str:
    if fmt == "csv" and len(tables) > 1:
        return "\n".join(f"# {t.name}\n{render_table(t, fmt)}" for t in tables)
    return "\n".join(render_table(t, fmt) for t in tables)


def render_json(result: Result) -> str:
    return "".join(json_chunks(result))


def write_json(result: Result, file: BinaryIO) -> None:
    """The JSON of `render_json`, written in pieces of about a megabyte: a province-sized result
    is never held whole in memory as text, nor again as bytes."""
    pending: list[str] = []
    size = 0
    for chunk in json_chunks(result):
        pending.append(chunk)
        size += len(chunk)
        if size > 1 << 20:
            file.write("".join(pending).encode("utf-8"))
            pending, size = [], 0
    file.write("".join(pending).encode("utf-8"))


def json_chunks(result: Result) -> Iterator[str]:
    """`result.model_dump_json(indent=2)` and a line break, one list item at a time."""
    yield from chunks(result, 2)
    yield "\n"
