"""The JSON of the result records, byte for byte as pydantic writes them (serde_json: keys in
declaration order, `indent` spaces, `": "` after a key, non-ASCII text as is, exact decimals as
plain strings). tests/test_results_json.py compares it with pydantic's own serializer.

Written here so that the command need not import pydantic at all, and in pieces (`chunks`), so
that a province-sized result is never held whole as text. One writer per record class, made once
from its field annotations. No code is generated (docs/security.md, S1): a writer made with
`exec` would be a third faster on a 76 MB JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import fields
from json.encoder import encode_basestring as _quote  # the C encoder: escapes as serde_json does
from operator import attrgetter

from . import results as R
from .format import plain

Writer = Callable[[object, int], str]  # (value, level of indentation) -> JSON text

_OPTIONAL = re.compile(r"^(.*) \| None$")
_WRITERS: dict[tuple[str, int | None], Writer] = {}
_SCALARS: dict[str, Writer] = {
    "str": lambda value, level: _quote(value),
    "Dec": lambda value, level: '"' + plain(value) + '"',
    "int": lambda value, level: str(value),
    "bool": lambda value, level: "true" if value else "false",
}


def dumps(record: R._Model, indent: int | None = None) -> str:
    return "".join(chunks(record, indent))


def chunks(record: R._Model, indent: int | None = 2) -> Iterator[str]:
    """The JSON of `record` in pieces: a top-level list field one item at a time."""
    if indent is None or not isinstance(record, R.Result):
        yield _writer(type(record).__name__, indent)(record, 0)
        return
    pads = _pads(indent)
    separator = "{" + pads[1]
    for spec in fields(record):
        value = getattr(record, spec.name)
        if spec.type.startswith("list[") and value:
            write = _writer(spec.type[5:-1], indent)
            opening = f'{separator}"{spec.name}": [' + pads[2]
            for item in value:
                yield opening + write(item, 2)
                opening = "," + pads[2]
            yield pads[1] + "]"
        else:
            yield f'{separator}"{spec.name}": ' + _writer(spec.type, indent)(value, 1)
        separator = "," + pads[1]
    yield pads[0] + "}"


def _writer(annotation: str, indent: int | None) -> Writer:
    key = (annotation, indent)
    writer = _WRITERS.get(key)
    if writer is None:
        writer = _WRITERS[key] = _make(annotation, indent)
    return writer


def _make(annotation: str, indent: int | None) -> Writer:
    optional = _OPTIONAL.match(annotation)
    if optional:
        inner = _writer(optional.group(1), indent)
        return lambda value, level: "null" if value is None else inner(value, level)
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    if annotation.startswith(("list[", "tuple[")):
        item = annotation[annotation.index("[") + 1:-1].split(", ")[0]
        return _sequence(_writer(item, indent), indent)
    if annotation.startswith("dict[str, "):
        return _mapping(_writer(annotation[10:-1], indent), indent)
    cls = getattr(R, annotation, None)
    if isinstance(cls, type) and issubclass(cls, R._Model):
        return _record(cls, indent)
    raise TypeError(f"no JSON writer for the annotation {annotation!r}")  # a new field type: add it here


def _pads(indent: int | None) -> list[str]:
    """The line break and indentation before an item at each level; none at all when compact."""
    return ["\n" + " " * (indent * level) if indent else "" for level in range(12)]


def _after_key(indent: int | None) -> str:
    return ":" if indent is None else ": "


def _sequence(item: Writer, indent: int | None) -> Writer:
    pads = _pads(indent)

    def write(values, level: int) -> str:
        if not values:
            return "[]"
        pad = pads[level + 1]
        return "[" + ",".join([pad + item(v, level + 1) for v in values]) + pads[level] + "]"

    return write


def _mapping(item: Writer, indent: int | None) -> Writer:
    pads, after_key = _pads(indent), _after_key(indent)

    def write(values, level: int) -> str:
        if not values:
            return "{}"
        pad = pads[level + 1]
        written = [pad + _quote(k) + after_key + item(v, level + 1) for k, v in values.items()]
        return "{" + ",".join(written) + pads[level] + "}"

    return write


def _record(cls: type, indent: int | None) -> Writer:
    """A writer for one record class: its fields read in one call, text, numbers and null written
    inline, and only nested lists, dicts and records through a writer of their own (a call per
    field made the JSON of a result slower than pydantic's). The records contain no record of
    their own kind, so the nested writers can be made at once."""
    read = attrgetter(*(spec.name for spec in fields(cls)))
    keys, kinds, nested = [], [], []
    for spec in fields(cls):
        optional = _OPTIONAL.match(spec.type)
        inner = optional.group(1) if optional else spec.type
        keys.append(f'"{spec.name}"' + _after_key(indent))
        kinds.append(inner if inner in _SCALARS else "nested")
        nested.append(_writer(inner, indent))
    pads = _pads(indent)
    # each field's key after the line break and indentation of each level
    prefixes = [[pad + key for key in keys] for pad in pads]

    def write(record, level: int) -> str:
        inner = level + 1
        return "{" + ",".join([
            prefix + ("null" if value is None
                      else '"' + plain(value) + '"' if kind == "Dec"
                      else _quote(value) if kind == "str"
                      else str(value) if kind == "int"
                      else ("true" if value else "false") if kind == "bool"
                      else write_nested(value, inner))
            for prefix, kind, write_nested, value in zip(prefixes[inner], kinds, nested, read(record))
        ]) + pads[level] + "}"

    return write
