"""Did-you-mean hints whose work is bounded, however many unknown names a spec holds.

`diagnostics.close_matches` finds the names closest to a misspelt one the way
`difflib.get_close_matches` does (the same scores, cutoff and order). A spec with thousands of
unknown names and thousands of known ones would make that quadratic (12 800 unknown references
against 3 600 ids: two minutes), so within a `bounded()` scope, which the builder and the checks
open for one spec:

* the candidates are indexed once per collection (sorted, bucketed by length; a length whose
  `real_quick_ratio` cannot reach the cutoff is skipped whole, which changes no result);
* the answer for a word is kept, so a name misspelt a thousand times is looked up once;
* the comparisons are charged to a budget of characters (`HINT_BUDGET`, the lengths of the word
  and the candidate for each comparison); a lookup that would exceed what is left gets no fuzzy
  hint (the error is still reported, with its other hints). A case-insensitive match is still
  found: it costs one dictionary lookup.

Outside a scope (a single lookup by the command line) every lookup is exact and unbounded.
"""

from __future__ import annotations

import contextlib
import contextvars
import heapq
from collections.abc import Iterator

HINT_BUDGET = 2_000_000
"""Characters compared per scope: 140 000 comparisons of two 7-letter names, about 0,4 s."""
INDEXED = 64
"""Collections of at least this many names are indexed once per scope, not sorted per lookup."""


class Candidates:
    """A collection of names, sorted and bucketed by length, with its answers so far."""

    __slots__ = ("source", "length", "by_length", "lowered", "answers")

    def __init__(self, candidates):
        names = sorted(set(candidates))
        self.source = candidates  # kept: the index is found by this object's identity
        self.length = len(candidates) if hasattr(candidates, "__len__") else -1
        self.by_length: dict[int, list[str]] = {}
        for name in names:
            self.by_length.setdefault(len(name), []).append(name)
        self.lowered = {name.lower(): name for name in names}  # the last of names equal but for case
        self.answers: dict[tuple[str, float], list[str]] = {}

    def matches(self, word: str, cutoff: float, search: Search | None) -> list[str]:
        answer = self.answers.get((word, cutoff))
        if answer is None:
            answer = self._fuzzy(word, cutoff, search)
            if answer is None:  # over budget: only the cheap case-insensitive match
                answer = []
            if not answer and word.lower() in self.lowered:
                answer = [self.lowered[word.lower()]]
            self.answers[(word, cutoff)] = answer
        return answer

    def _fuzzy(self, word: str, cutoff: float, search: Search | None) -> list[str] | None:
        """difflib.get_close_matches(word, names, 3, cutoff); None when over the budget."""
        size = len(word)
        buckets = [(length, names) for length, names in self.by_length.items()
                   if _real_quick_ratio(length, size) >= cutoff]
        cost = sum((length + size) * len(names) for length, names in buckets)
        if search is not None and not search.spend(cost):
            return None
        import difflib  # only when a name is not found: not at every start of the command

        scored = []
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        for _, names in buckets:
            for name in names:
                matcher.set_seq1(name)
                if matcher.quick_ratio() >= cutoff and matcher.ratio() >= cutoff:
                    scored.append((matcher.ratio(), name))
        return [name for _, name in heapq.nlargest(3, scored)]


def _real_quick_ratio(length: int, other: int) -> float:
    """SequenceMatcher.real_quick_ratio for strings of these lengths, computed as difflib does."""
    total = length + other
    return 2.0 * min(length, other) / total if total else 1.0


class Search:
    """The budget and the indexes of one scope."""

    __slots__ = ("left", "indexes", "omitted")

    def __init__(self, budget: int):
        self.left = budget
        self.indexes: dict[int, Candidates] = {}
        self.omitted = 0  # lookups left without a fuzzy hint

    def spend(self, cost: int) -> bool:
        if cost > self.left:
            self.omitted += 1
            return False
        self.left -= cost
        return True

    def candidates(self, collection) -> Candidates:
        if not hasattr(collection, "__len__") or len(collection) < INDEXED:
            return Candidates(collection)
        index = self.indexes.get(id(collection))
        # The index holds the collection, so its id is not reused. The collections a spec's names
        # are looked up in are made for the lookups and not changed during the scope; one whose
        # length changed is indexed again all the same.
        if index is None or index.source is not collection or index.length != len(collection):
            index = self.indexes[id(collection)] = Candidates(collection)
        return index


_SEARCH: contextvars.ContextVar[Search | None] = contextvars.ContextVar("lkjipdsl_hints", default=None)


@contextlib.contextmanager
def bounded(budget: int = HINT_BUDGET) -> Iterator[Search]:
    """A scope (one spec's build, or its checks) in which hint searches share one budget."""
    search = Search(budget)
    token = _SEARCH.set(search)
    try:
        yield search
    finally:
        _SEARCH.reset(token)


def close_matches(word: str, candidates, cutoff: float = 0.6) -> list[str]:
    search = _SEARCH.get()
    pool = search.candidates(candidates) if search is not None else Candidates(candidates)
    return list(pool.matches(word, cutoff, search))
