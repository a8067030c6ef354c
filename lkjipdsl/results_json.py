"""The JSON of the result records, byte for byte as pydantic writes them (serde_json: keys in
declaration order, `indent` spaces, `": "` after a key, non-ASCII text as is, exact decimals as
plain strings). tests/test_results_json.py compares it with pydantic's own serializer.

Written here rather than by pydantic because it is the hot end of `eval --format json`: one
writer per record class, made once from the field annotations, with no call back into Python
per decimal, and pieces that can be streamed (`chunks`) so that a province-sized result is never
held whole as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import fields
from json.encoder import encode_basestring as _quote  # the C encoder: escapes as serde_json does

from . import results as R
from .format import plain

Writer = Callable[[object, int], str]  # (value, level of indentation) -> JSON text

_OPTIONAL = re.compile(r"^(.*) \| None$")
_WRITERS: dict[tuple[str, int | None], Writer] = {}


def dumps(record: R._Model, indent: int | None = None) -> str:
    return "".join(chunks(record, indent))


def chunks(record: R._Model, indent: int | None = 2) -> Iterator[str]:
    """The JSON of `record` in pieces: a top-level list field one item at a time."""
    if indent is None or not isinstance(record, R.Result):
        yield _writer(type(record).__name__, indent)(record, 0)
        return
    separator = "{\n" + " " * indent
    for spec in fields(record):
        value = getattr(record, spec.name)
        if spec.type.startswith("list[") and value:
            write = _writer(spec.type[5:-1], indent)
            opening = f'{separator}"{spec.name}": [\n' + " " * (2 * indent)
            for item in value:
                yield opening + write(item, 2)
                opening = ",\n" + " " * (2 * indent)
            yield "\n" + " " * indent + "]"
        else:
            yield f'{separator}"{spec.name}": ' + _writer(spec.type, indent)(value, 1)
        separator = ",\n" + " " * indent
    yield "\n}"


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
    if annotation == "str":
        return lambda value, level: _quote(value)
    if annotation == "Dec":
        return lambda value, level: '"' + plain(value) + '"'
    if annotation == "int":
        return lambda value, level: str(value)
    if annotation == "bool":
        return lambda value, level: "true" if value else "false"
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
    return ["\n" + " " * (indent * level) for level in range(12)] if indent else []


def _sequence(item: Writer, indent: int | None) -> Writer:
    if indent is None:
        return lambda values, level: "[" + ",".join([item(v, 0) for v in values]) + "]"
    pads = _pads(indent)

    def write(values, level: int) -> str:
        if not values:
            return "[]"
        pad = pads[level + 1]
        return "[" + ",".join([pad + item(v, level + 1) for v in values]) + pads[level] + "]"

    return write


def _mapping(item: Writer, indent: int | None) -> Writer:
    if indent is None:
        return lambda values, level: "{" + ",".join([_quote(k) + ":" + item(v, 0) for k, v in values.items()]) + "}"
    pads = _pads(indent)

    def write(values, level: int) -> str:
        if not values:
            return "{}"
        pad = pads[level + 1]
        return "{" + ",".join([pad + _quote(k) + ": " + item(v, level + 1) for k, v in values.items()]) + pads[level] + "}"

    return write


def _record(cls: type, indent: int | None) -> Writer:
    # Writers of the fields are looked up when first used: a record may contain its own kind.
    specs = [(spec.name, spec.type) for spec in fields(cls)]
    parts: list[tuple[str, str, Writer]] = []

    def write(record, level: int) -> str:
        if not parts:
            parts.extend((name, f'"{name}":' if indent is None else f'"{name}": ', _writer(kind, indent))
                         for name, kind in specs)
        if indent is None:
            return "{" + ",".join([key + w(getattr(record, name), 0) for name, key, w in parts]) + "}"
        pad = pads[level + 1]
        return ("{" + ",".join([pad + key + w(getattr(record, name), level + 1) for name, key, w in parts])
                + pads[level] + "}")

    pads = _pads(indent)
    return write
