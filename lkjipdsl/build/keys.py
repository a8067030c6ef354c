"""The keys of a block as data, and the dispatch of a block's statements to them.

Each kind of block declares a `Table` of the keys it accepts (the tables stand at the end of
`Declarations` and `Builder`): for each key a `Key` record saying which reader reads its value
(lkjipdsl.build.values), where the value goes in the block's object, and whether the key may be
repeated. `Dispatcher.dispatch` hands each statement of a block to its key; an unknown key gets a
did-you-mean hint, a repeated one an error.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import limits
from ..diagnostics import Diagnostic, Span, close_matches, error
from ..i18n import _
from ..model import Spec
from ..numbers import quick_values_allowed
from ..syntax import tree as st
from .slips import as_meant, key_hint, meant_key, suggestion
from .vocabulary import BELONGS_IN, BUDGET_LEVELS


class Key:
    """One key a block accepts, and what becomes of its value.

    read: with `into`, a value reader `read(builder, statement)` (`read(builder, statement, among)`
        when `among` is given) whose value is stored in the block's object at `into` ("satuan",
        "limits.cap"); without `into`, a handler `read(builder, statement, owner[, among])` that
        stores what it reads itself.
    repeatable: the key may be given more than once; with `into`, each value read is appended there.
    span: the attribute of the block's object that keeps where the key is written.
    keep: a value that could not be read (None, "") leaves the one before (a default) in place.
    among: the choices or fields the reader takes its value from (passed to it).
    """

    __slots__ = ("read", "into", "repeatable", "span", "keep", "among", "apply")

    def __init__(self, read: Callable, into: str | None = None, *, repeatable: bool = False,
                 span: str | None = None, keep: bool = False, among=None):
        self.read = read
        self.into = into
        self.repeatable = repeatable
        self.span = span
        self.keep = keep
        self.among = among
        self.apply: Callable[[Dispatcher, st.Statement, object], None] = _applier(self)

    def __repr__(self) -> str:
        return f"Key({getattr(self.read, '__qualname__', self.read)}, into={self.into!r})"


def _applier(key: Key) -> Callable:
    """`apply(builder, statement, owner)`: reads the statement and stores its value, made once per
    key (the common cases without a test per statement)."""
    read, among = key.read, key.among
    if key.into is None:
        if among is None:
            return read
        return lambda builder, statement, owner: read(builder, statement, owner, among)
    *through, name = key.into.split(".")
    if among is not None:
        def value_of(builder, statement):
            return read(builder, statement, among)
    else:
        value_of = read
    if key.repeatable:
        def apply(builder, statement, owner):
            value = value_of(builder, statement)
            if value is not None:
                for part in through:
                    owner = getattr(owner, part)
                getattr(owner, name).append(value)
        return apply
    if not (through or key.keep or key.span):
        def set_value(builder, statement, owner):
            setattr(owner, name, value_of(builder, statement))
        return set_value
    keep, span = key.keep, key.span

    def apply(builder, statement, owner):
        value = value_of(builder, statement)
        for part in through:
            owner = getattr(owner, part)
        if keep:
            value = value or getattr(owner, name)
        setattr(owner, name, value)
        if span:
            setattr(owner, span, statement.key_span)
    return apply


class Table:
    """The keys one kind of block accepts: `values` (`key VALUE …`), `blocks` (`key … { … }`) and
    `exprs` (`key EXPRESSION`: rumus, jika)."""

    __slots__ = ("values", "blocks", "exprs", "keys", "repeatable")

    def __init__(self, values: dict[str, Key], blocks: dict[str, Key] | None = None,
                 exprs: dict[str, Key] | None = None):
        self.values = values
        self.blocks = blocks or {}
        self.exprs = exprs or {}
        self.keys = frozenset(self.values) | frozenset(self.blocks) | frozenset(self.exprs)
        self.repeatable = frozenset(name for name, key in self.values.items() if key.repeatable)

    def but(self, **changes: Key | None) -> Table:
        """This table with some value keys added (a Key) or taken out (None)."""
        values = {name: key for name, key in {**self.values, **changes}.items() if key is not None}
        return Table(values, self.blocks, self.exprs)


class Dispatcher:
    """What the builder holds while it reads one spec, and the dispatch of statements to keys."""

    def __init__(self, file: str):
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.spec = Spec(file=file)
        self.convention = "indonesia"  # the number style in force: the file's, a dokumen's or a sumber's
        self.source_conventions: dict[str, str] = {}
        self._stopped = False  # max_errors reached (E014): read no further
        self._recount_at = limits.current().max_errors
        self._quick_numbers = quick_values_allowed()
        self._reads: dict[str, tuple] = {}  # text → what quick_read made of it, in _reads_convention
        self._reads_convention = self.convention

    def _error(self, code: str, message: str, span: Span, *hints: str) -> None:
        self.diagnostics.append(error(code, message, span, *hints))

    def dispatch(self, body, table: Table, owner, name: str | None) -> set[str]:
        """Hand each statement of a block (`name` in messages; None: the top level) to its key, which
        stores what it reads in `owner`. A key written otherwise than the language writes it
        (`Target`, `sub kegiatan`) is reported, then read as the key it means. Returns the keys the
        block mentions, valid or not (a misspelt key counts as the keys it resembles), so that a
        "missing key" error does not follow one that is present but wrong."""
        seen: dict[str, Span] = {}
        present: set[str] = set()
        values, blocks, exprs = table.values, table.blocks, table.exprs
        for statement in body:
            if len(self.diagnostics) >= self._recount_at and self._too_many_errors(statement):
                break
            key = statement.key
            present.add(key)
            if isinstance(statement, st.ExprAttr):
                entry = exprs.get(key)
                if entry is None:
                    message = (_("'{key}' is not allowed in {block}") if name is not None
                               else _("'{key}' is not allowed in the top level"))
                    self.diagnostics.append(error(
                        "E101", message.format(key=key, block=name), statement.key_span, _allowed_hint(table)))
                    continue
            else:
                is_block = isinstance(statement, st.Block)
                entries = blocks if is_block else values
                entry = entries.get(key)
                if entry is None:
                    present.update(close_matches(key, table.keys))
                    statement = self._unknown(statement, table, name, is_block=is_block)
                    if statement is None:
                        continue
                    key = statement.key
                    present.add(key)
                    entry = entries[key]
                if is_block:
                    entry.apply(self, statement, owner)  # repeated blocks are checked by their ids
                    continue
            if key in seen and key not in table.repeatable:
                message = (_("'{key}' is given twice in {block} (first at line {line})") if name is not None
                           else _("'{key}' is given twice in the top level (first at line {line})"))
                self.diagnostics.append(error(
                    "E102", message.format(key=key, block=name, line=seen[key].line),
                    statement.key_span, _("keep one of them")))
                continue
            seen.setdefault(key, statement.key_span)
            entry.apply(self, statement, owner)
        return present

    def _too_many_errors(self, statement) -> bool:
        """max_errors reached: one E014 where reading stops (checked again only after more problems)."""
        if not self._stopped:
            limit = limits.current().max_errors
            errors = sum(d.is_error for d in self.diagnostics)
            if errors < limit:
                self._recount_at = len(self.diagnostics) + limit - errors
                return False
            self._stopped = True
            self.diagnostics.append(limits.limit_error(
                "E014", _("too many errors; stopped reading after {count}").format(count=limits.number(errors)),
                "max_errors", statement.key_span, None,
                _("fix the errors above (often one mistake repeated) and check again")))
        return True

    def _unknown(self, statement, table: Table, name: str | None, is_block: bool):
        """Reports a key the block does not know; returns the statement as meant when its spelling
        tells which key of the block it is (slips.meant_key), else None."""
        key = statement.key
        meant = meant_key(statement, table.blocks if is_block else table.values)
        if meant is not None:
            message = (_("unknown key '{key}' in {block}") if name is not None
                       else _("unknown key '{key}' in the top level")).format(key=key, block=name)
            self.diagnostics.append(error("E101", message, statement.key_span, key_hint(statement, meant)))
            return as_meant(statement, meant)
        if is_block and key in table.values:
            message = _("'{key}' takes values, not a block").format(key=key)
            hint = _("write: {key} VALUE").format(key=key)
        elif not is_block and key in table.blocks:
            message = _("'{key}' opens a block").format(key=key)
            hint = _pasted_row_hint(statement) or _("add {{ … }} after '{key} …'").format(key=key)
        else:
            message = (_("unknown key '{key}' in {block}") if name is not None
                       else _("unknown key '{key}' in the top level")).format(key=key, block=name)
            hint = suggestion(key, table.keys) or _belongs_in_hint(key) or _allowed_hint(table)
        self.diagnostics.append(error("E101", message, statement.key_span, hint))
        return None


def _belongs_in_hint(key: str) -> str:
    """Where a key that belongs to one kind of block stands."""
    block = BELONGS_IN.get(key)
    if block is None:
        return ""
    if key in BUDGET_LEVELS:
        return _("'{key}' stands inside a {block} block (program > kegiatan > subkegiatan)").format(
            key=key, block=block)
    return _("'{key}' stands inside a {block} block").format(key=key, block=block)


def _allowed_hint(table: Table) -> str:
    return _("allowed here: {keys}").format(keys=", ".join(sorted(table.keys)))


def _pasted_row_hint(statement) -> str:
    """A budget line with numbers and no block: a table row pasted from a spreadsheet."""
    atoms = statement.atoms
    if statement.key in BUDGET_LEVELS and len(atoms) >= 4 and atoms[1].kind == "string" \
            and all(a.kind in ("number", "dash") for a in atoms[2:]):
        example = (f"{statement.key} {atoms[0].text} \"{atoms[1].text}\" "
                   f"{{ anggaran {atoms[2].text}; realisasi {atoms[3].text} }}")
        return _("a table row pasted from a spreadsheet? write: {example}").format(example=example)
    return ""
