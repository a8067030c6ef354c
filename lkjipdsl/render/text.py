"""Tables as text, Markdown or CSV; results as JSON. Layout only: values arrive formatted."""

from __future__ import annotations

import csv
import io

from ..results import Result
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
    return result.model_dump_json(indent=2) + "\n"
