"""The JSON of the result records, byte for byte as pydantic writes them (serde_json: keys in
declaration order, `indent` spaces, `": "` after a key, non-ASCII text as is, exact decimals as
plain strings). tests/test_results_json.py compares it with pydantic's own serializer.

Written here so that the command need not import pydantic at all, and in pieces (`chunks`), so
that a province-sized result is never held whole as text. One writer per record class, made once
from its field annotations. No code is generated (docs/security.md, S1).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from .records import fields, is_record
from _json import encode_basestring as _quote  # json's C encoder (without importing json): escapes as serde_json does
from operator import attrgetter

from .format import plain_rounded
from .patterns import compiled

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

# A writer takes many values of one annotation at once and gives back the JSON text of each: the
# records of a few dozen nodes (their periods, their computations …) are written field by field,
# one comprehension down each field's column instead of a test of every field's kind in every
# record (10k spec: the indented JSON a quarter faster, the compact one 40 % faster).
Writer = Callable[[Sequence[object], int], list[str]]  # (values, level of indentation) -> their JSON texts

_OPTIONAL = compiled(r"^(.*) \| None$")
_WRITERS: dict[tuple[str, int | None], Writer] = {}
# A nested record's class by the name its annotation gives, looked up in the module of the record
# written first (lkjipdsl.results), which imports this one: no import back.
_NAMESPACE: dict[str, object] = {}
def _decimals(values, level: int) -> list[str]:
    # a whole number's text (most figures of a budget) is written as it is, without plain_rounded's call
    return ["null" if value is None else f'"{text}"' if (text := str(value)).isdigit()
            else f'"{plain_rounded(value)}"' for value in values]


_SCALARS: dict[str, Writer] = {
    "str": lambda values, level: ["null" if value is None else _quote(value) for value in values],
    "Dec": _decimals,
    "ComputedDec": _decimals,
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
    _know(record)
    yield from _fields(record, fields(record), indent, first=True)
    yield _pads(indent)[0] + "}"


def _know(record) -> None:
    if not _NAMESPACE:
        _NAMESPACE.update(vars(sys.modules[type(record).__module__]))


def _fields(record, specs, indent: int | None, first: bool) -> Iterator[str]:
    """Some fields of a record: each after its key (the first after the opening brace)."""
    pads, after_key = _pads(indent), _after_key(indent)
    separator = "{" + pads[1] if first else "," + pads[1]
    for spec in specs:
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


class NodeStream:
    """The JSON of a Result written to a binary file while it is evaluated: the nodes as they are
    handed on (assemble.NodeSink), a few dozen at a time, then the rest from the result, which has
    no nodes of its own (`finish`). Byte for byte what `chunks` writes for the whole result."""

    def __init__(self, file: BinaryIO, indent: int | None = 2, end: str = ""):
        self.file, self.indent, self.end = file, indent, end
        self.pending: list = []  # NodeResults
        self.opening: str | None = None  # before the next node: the key and "[" for the first
        self.texts: list[str] = []
        self.size = 0
        self.nodes_written = 0

    @property
    def started(self) -> bool:
        """A node was handed on (and the start of the JSON made)."""
        return self.opening is not None

    def start(self, info) -> None:
        """The result's first fields (schema_version, spec: a SpecInfo) and the opening of its nodes."""
        _know(info)
        pads, after_key = _pads(self.indent), _after_key(self.indent)
        version = _writer("str", self.indent)([_NAMESPACE["SCHEMA_VERSION"]], 1)[0]
        self.texts.append(f'{{{pads[1]}"schema_version"{after_key}{version}')
        self.texts.append(f',{pads[1]}"spec"{after_key}' + _writer(type(info).__name__, self.indent)([info], 1)[0])
        self.opening = f',{pads[1]}"nodes"{after_key}[{pads[2]}'

    def node(self, node) -> None:
        self.pending.append(node)
        if len(self.pending) >= _BATCH:
            self._write_nodes()

    def finish(self, result) -> None:
        """The nodes still pending, then every field after `nodes` (the result's own nodes, if the
        evaluation handed on none: a spec that did not evaluate)."""
        _know(result)
        specs = fields(result)
        if self.opening is None:
            self._write(_fields(result, specs[:3], self.indent, first=True))  # schema_version, spec, nodes
        else:
            self._write_nodes()
            self.texts.append(_pads(self.indent)[1] + "]")
        self._write(_fields(result, [f for f in specs if f.name not in ("schema_version", "spec", "nodes")],
                            self.indent, first=False))
        self.texts.append(_pads(self.indent)[0] + "}" + self.end)
        self._flush()

    def _write(self, texts) -> None:
        """Written out a megabyte at a time: the assertions of a large spec are tens of MB of JSON,
        three times over when joined and encoded whole (10k spec: 30 MB at the command's peak)."""
        for text in texts:
            self.texts.append(text)
            self.size += len(text)
            if self.size > 1 << 20:
                self._flush()

    def _write_nodes(self) -> None:
        pad = "," + _pads(self.indent)[2]
        for text in _writer("NodeResult", self.indent)(self.pending, 2):
            self.texts.append(self.opening + text)
            self.opening = pad
            self.nodes_written += 1
        self.pending = []
        self.size += sum(map(len, self.texts[-_BATCH:]))
        if self.size > 1 << 20:
            self._flush()

    def _flush(self) -> None:
        self.file.write("".join(self.texts).encode("utf-8"))
        self.texts, self.size = [], 0


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
    if isinstance(cls, type) and is_record(cls):
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
