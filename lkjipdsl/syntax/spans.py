"""Spans of the syntax tree's nodes, made from the spans of their tokens and the text around them."""

from __future__ import annotations

from ..diagnostics import Span


def join(file: str, first: Span, last: Span) -> Span:
    """From the start of `first` to the end of `last`."""
    return Span(file, first.line, first.column, last.end_line, last.end_column)


def extend_to_paren(text: str, span: Span, paren: str = ")") -> Span:
    """The span widened to the next `paren` when only spaces stand between."""
    lines = text.split("\n")
    if span.end_line <= len(lines):
        rest = lines[span.end_line - 1][span.end_column - 1:]
        stripped = rest.lstrip()
        if stripped.startswith(paren):
            end = span.end_column + (len(rest) - len(stripped)) + 1
            return Span(span.file, span.line, span.column, span.end_line, end)
    return span


def source_text(text: str, span: Span) -> str:
    """What the span covers; the lines of a span over several lines joined by one space each."""
    lines = text.split("\n")
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1: span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1:]]
    parts += lines[span.line: span.end_line - 1]
    parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return " ".join(p.strip() for p in parts)
