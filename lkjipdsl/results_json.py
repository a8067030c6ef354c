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
# The JSON of a value of each scalar annotation, as an expression around `{}`.
_SCALARS = {"str": "_quote({})", "Dec": "'\"' + plain({}) + '\"'", "int": "str({})",
            "bool": "('true' if {} else 'false')"}
_FUNCTIONS = {"_quote": _quote, "plain": plain}


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
    if annotation in _SCALARS:
        return eval("lambda value, level: " + _SCALARS[annotation].format("value"), dict(_FUNCTIONS))  # noqa: S307
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
        written = [pad + _quote(k) + ": " + item(v, level + 1) for k, v in values.items()]
        return "{" + ",".join(written) + pads[level] + "}"

    return write


def _record(cls: type, indent: int | None) -> Writer:
    """A writer made for one record class, as dataclasses makes `__init__`: one expression that
    joins every field, with text, numbers and null written inline (a call per field was two
    thirds of the time of a 76 MB JSON). The records contain no record of their own kind."""
    namespace: dict[str, object] = {**_FUNCTIONS, "pads": _pads(indent) or [""] * 12}
    pieces = []
    for number, spec in enumerate(fields(cls)):
        key = f'"{spec.name}":' if indent is None else f'"{spec.name}": '
        written = _inline(spec.type, f"record.{spec.name}", indent, namespace)
        pieces += ['","' if number else "", "pad", repr(key), written]
    source = (f"def write(record, level):\n    pad = pads[level + 1]\n"
              f"    return \"\".join((\"{{\", {', '.join(p for p in pieces if p)}, pads[level], \"}}\"))\n")
    exec(source, namespace)  # noqa: S102 - source made above from the class's own field names and types
    return namespace["write"]


def _inline(annotation: str, value: str, indent: int | None, namespace: dict[str, object]) -> str:
    """An expression for the JSON of `value` (an attribute of the record) of the given annotation."""
    optional = _OPTIONAL.match(annotation)
    inner = optional.group(1) if optional else annotation
    template = _SCALARS.get(inner)
    if template is None:
        name = f"w{len(namespace)}"
        namespace[name] = _writer(inner, indent)
        template = name + "({}, level + 1)"
    if optional:  # the attribute is read once
        return f"('null' if (v := {value}) is None else {template.format('v')})"
    return template.format(value)
