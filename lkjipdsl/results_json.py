"""The JSON of the result records, byte for byte as pydantic writes them (serde_json: keys in
declaration order, `indent` spaces, `": "` after a key, non-ASCII text as is, exact decimals as
plain strings). tests/test_results_json.py compares it with pydantic's own serializer.

Written here so that the command need not import pydantic at all, and in pieces (`chunks`), so
that a province-sized result is never held whole as text. One writer per record class, made once
from its field annotations. No code is generated (docs/security.md, S1).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring as _quote  # the C encoder: escapes as serde_json does
from operator import attrgetter

from .format import plain

# A writer takes many values of one annotation at once and gives back the JSON text of each: the
# records of a few dozen nodes (their periods, their computations …) are written field by field,
# one comprehension down each field's column instead of a test of every field's kind in every
# record (10k spec: the indented JSON a quarter faster, the compact one 40 % faster).
Writer = Callable[[Sequence[object], int], list[str]]  # (values, level of indentation) -> their JSON texts

_OPTIONAL = re.compile(r"^(.*) \| None$")
_WRITERS: dict[tuple[str, int | None], Writer] = {}
# A nested record's class by the name its annotation gives, looked up in the module of the record
# written first (lkjipdsl.results), which imports this one: no import back.
_NAMESPACE: dict[str, object] = {}
_SCALARS: dict[str, Writer] = {
    "str": lambda values, level: ["null" if value is None else _quote(value) for value in values],
    "Dec": lambda values, level: ["null" if value is None else f'"{plain(value)}"' for value in values],
    "int": lambda values, level: ["null" if value is None else str(value) for value in values],
    "bool": lambda values, level: ["null" if value is None else "true" if value else "false" for value in values],
}
# top-level list items written together (and yielded one at a time): a few dozen keep the columns
# small enough for the processor's cache (10k spec: 512 at once was a fifth slower, all at once more)
_BATCH = 64


def dumps(record, indent: int | None = None) -> str:
    return "".join(chunks(record, indent))


def chunks(record, indent: int | None = 2) -> Iterator[str]:
    """The JSON of `record` (a result record) in pieces: a top-level list field one item at a time."""
    if not _NAMESPACE:
        _NAMESPACE.update(vars(sys.modules[type(record).__module__]))
    pads, after_key = _pads(indent), _after_key(indent)
    separator = "{" + pads[1]
    for spec in fields(record):
        value = getattr(record, spec.name)
        key = f'{separator}"{spec.name}"{after_key}'
        if spec.type.startswith("list[") and value:
            write = _writer(spec.type[5:-1], indent)
            opening = key + "[" + pads[2]
            for start in range(0, len(value), _BATCH):
                for text in write(value[start:start + _BATCH], 2):
                    yield opening + text
                    opening = "," + pads[2]
            yield pads[1] + "]"
        else:
            yield key + _writer(spec.type, indent)([value], 1)[0]
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
    if optional:  # every writer writes None as null
        return _writer(optional.group(1), indent)
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    if annotation.startswith(("list[", "tuple[")):
        item = annotation[annotation.index("[") + 1:-1].split(", ")[0]
        return _sequence(_writer(item, indent), indent)
    if annotation.startswith("dict[str, "):
        return _mapping(_writer(annotation[10:-1], indent), indent)
    cls = _NAMESPACE.get(annotation)
    if isinstance(cls, type) and is_dataclass(cls):
        return _record(cls, indent)
    raise TypeError(f"no JSON writer for the annotation {annotation!r}")  # a new field type: add it here


def _pads(indent: int | None) -> list[str]:
    """The line break and indentation before an item at each level; none at all when compact."""
    return ["\n" + " " * (indent * level) if indent else "" for level in range(12)]


def _after_key(indent: int | None) -> str:
    return ":" if indent is None else ": "


def _sequence(item: Writer, indent: int | None) -> Writer:
    pads = _pads(indent)

    def write(values, level: int) -> list[str]:
        # the items of all the lists written at once, then parted again by each list's length
        written = iter(item([v for value in values if value for v in value], level + 1))
        pad, close = pads[level + 1], pads[level]
        return ["null" if value is None else "[]" if not value
                else "[" + ",".join([pad + text for _, text in zip(value, written)]) + close + "]"
                for value in values]

    return write


def _mapping(item: Writer, indent: int | None) -> Writer:
    pads, after_key = _pads(indent), _after_key(indent)

    def write(values, level: int) -> list[str]:
        written = iter(item([v for value in values if value for v in value.values()], level + 1))
        pad, close = pads[level + 1], pads[level]
        return ["null" if value is None else "{}" if not value
                else "{" + ",".join([pad + _quote(k) + after_key + text for k, text in zip(value, written)])
                + close + "}"
                for value in values]

    return write


def _record(cls: type, indent: int | None) -> Writer:
    """A writer for one record class: the fields of all the records read at once and written
    column by column, each field's texts put into the record's text with one % per record. The
    records contain no record of their own kind, so the nested writers can be made at once."""
    names = [spec.name for spec in fields(cls)]
    read = attrgetter(*names) if len(names) > 1 else (lambda record: (getattr(record, names[0]),))
    columns = [_writer(spec.type, indent) for spec in fields(cls)]
    keys = [f'"{name}"' + _after_key(indent) for name in names]
    pads = _pads(indent)
    # the record's text at each level, with a %s for each field's value
    templates = ["{" + ",".join(pad + key.replace("%", "%%") + "%s" for key in keys) + close + "}"
                 for pad, close in zip(pads[1:], pads)]

    def write(records, level: int) -> list[str]:
        present = [record for record in records if record is not None]
        inner = level + 1
        texts = [write_column(column, inner) for write_column, column in zip(columns, zip(*map(read, present)))]
        template = templates[level]
        written = [template % row for row in zip(*texts)]
        if len(present) == len(records):
            return written
        rest = iter(written)
        return ["null" if record is None else next(rest) for record in records]

    return write
