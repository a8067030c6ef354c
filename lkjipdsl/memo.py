"""What a check found for one model object, kept from one run of a Session to the next
(lkjipdsl.session): an object the edit did not reach is the same object in the next run
(lkjipdsl.build.BlockCache), so the checks that look at one object alone take over what they found
for it instead of looking again.

The diagnostics kept this way carry PartSpans (lkjipdsl.diagnostics), which follow their part when
lines are inserted above it; a check whose message names a line must not be kept. Everything is
found again when the context changes (the language of the messages, the spec's number style).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextvars import ContextVar

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


class ItemMemo:
    """The outcomes of the last run by (check, model object), and those of this run."""

    __slots__ = ("previous", "current", "context", "reused")

    def __init__(self) -> None:
        # check → id(model object) → (the object, what was found, the inputs read besides)
        self.previous: dict[str, dict[int, tuple[object, object, object]]] = {}
        self.current: dict[str, dict[int, tuple[object, object, object]]] = {}
        self.context: tuple = ()
        self.reused = 0

    def next(self, context: tuple) -> None:
        """Start a run: what the last run found is kept only within the same context."""
        self.previous = self.current if context == self.context else {}
        self.current, self.context, self.reused = {}, context, 0


_ACTIVE: ContextVar[ItemMemo | None] = ContextVar("lkjipdsl_item_memo", default=None)


@contextlib.contextmanager
def using(memo: ItemMemo | None, context: tuple):
    """Within: `per_item` keeps its outcomes in `memo` (None: finds everything afresh)."""
    if memo is None:
        yield
        return
    memo.next(context)
    token = _ACTIVE.set(memo)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def per_item(check: str, owner: object, find: Callable[[], T], inputs: object = None,
             same: Callable[[object, object], bool] | None = None) -> T:
    """`find()`, or what it gave for this very object in the last run of the session, when it
    read the same `inputs` besides (the same object, or one that `same(before, now)` says is alike)."""
    memo = _ACTIVE.get()
    if memo is None:
        return find()
    key = id(owner)
    kept = memo.previous.get(check, {}).get(key)
    if kept is not None and kept[0] is owner and (
            kept[2] is inputs or (same is not None and same(kept[2], inputs))):
        found = kept[1]
        memo.reused += 1
    else:
        found = find()
    memo.current.setdefault(check, {})[key] = (owner, found, inputs)
    return found


def per_items(check: str, owners, find: Callable[[object], list], inputs: Callable[[object], object] | None = None,
              same: Callable[[object, object], bool] | None = None) -> list:
    """`per_item(check, owner, lambda: find(owner), inputs(owner), same)` for each of `owners`, the
    lists found put together in order: one loop, as most of a spec's objects did not change."""
    memo = _ACTIVE.get()
    out: list = []
    if memo is None:
        for owner in owners:
            out += find(owner)
        return out
    previous, current = memo.previous.get(check, {}), memo.current.setdefault(check, {})
    reused = 0
    for owner in owners:
        key = id(owner)
        kept = previous.get(key)
        now = inputs(owner) if inputs is not None else None
        if kept is not None and kept[0] is owner and kept[2] is now:
            current[key] = kept
            reused += 1
            out += kept[1]
            continue
        if kept is not None and kept[0] is owner and same is not None and same(kept[2], now):
            found = kept[1]
            reused += 1
        else:
            found = find(owner)
        current[key] = (owner, found, now)
        out += found
    memo.reused += reused
    return out
