"""Incremental evaluation, for editors and watch loops: `lkjipdsl.Session`.

    session = lkjipdsl.Session("kabupaten.lkj")
    result = session.update(text)          # the first time: a whole run
    result = session.update(edited_text)   # then: only what the edit reaches

A session keeps what the last run made and takes it over where the edit does not reach:
- the prescan and the cuts of the text into parts: only the span that changed is looked at again
  when the text before was found clean (lkjipdsl.syntax.parts.PartCache);
- the syntax trees of the top-level parts whose text did not change, wherever they now stand
  (lkjipdsl.syntax.parts): their spans count lines from the part's Origin, which is moved to the
  part's new first line (lkjipdsl.diagnostics.PartSpan);
- the model of the sasaran, program and dokumen blocks whose syntax tree is the same object (lkjipdsl/build/);
- the graph nodes of those blocks, and every value whose node and inputs are the same (graph.py,
  evaluate.py); a value computed again that comes out the same stops the change there;
- the node results, findings and assertions of items that no changed value reaches, their
  locations moved with their part, and the index of the amounts that explain a printed amount on
  the wrong row, changed where amounts changed (lkjipdsl.assemble.Reuse).

The result is always equal to a cold `evaluate(loads(text))`; tests/test_session.py checks that
after random edits. Anything outside sasaran, program and dokumen blocks (the header, scales,
rules, ringkasan, pejabat …) is read again on every run, and a change there (other than a comment
or a blank line that moves nothing), or a syntax error, makes the evaluation a whole one. A line
inserted or deleted re-reads the part it is in; the parts below are taken over where they now
stand, and the diagnostics handed out carry the new text's lines. A block with diagnostics is built
again when it moved, and a value that reported something is computed again: a message may name a
line ("declared on line 12").
"""

from __future__ import annotations

from .records import record

from .api import LoadedSpec, evaluate_again, evaluate_spec, evaluate_with, gc_paused, loads_with, read_text
from .build import BlockCache
from .diagnostics import Diagnostic, shown_path
from .evaluate import Memory
from .graph import Graph, build_graph, compile_spec
from . import limits as limits_module
from .limits import LimitExceeded, Limits
from .memo import ItemMemo
from .model import Spec
from .results import Result
from .syntax import PartCache
from .syntax import tree as st

REUSABLE_BLOCKS = ("sasaran", "program", "kegiatan", "subkegiatan", "dokumen")


@record(slots=True)
class SessionStats:
    """What the last `update` did afresh and what it took over."""

    parts_parsed: int = 0
    parts_reused: int = 0
    blocks_built: int = 0
    blocks_reused: int = 0
    values_computed: int = 0
    values_reused: int = 0
    whole: bool = True  # evaluated from scratch (first run, settings changed, syntax error …)


class Session:
    """One spec evaluated again and again as it is edited. Not thread-safe: one update at a time."""

    def __init__(self, file: str = "<spec>", limits: Limits | None = None):
        self.file = file
        self.limits = limits or Limits()
        self.loaded: LoadedSpec | None = None
        self.result: Result | None = None
        self.stats = SessionStats()
        self._parts = PartCache()
        self._blocks = BlockCache()
        self._checked = ItemMemo()  # what the checks found for each model object
        self._warned = ItemMemo()  # the plausibility warnings of each node result
        self._memory: Memory | None = None
        self._settings: tuple[st.Statement, ...] | None = None

    def update_file(self) -> Result:
        """Read the session's file and `update` with its text. A file that cannot be read (gone,
        too large, not UTF-8) gives a result with that diagnostic, and the next update starts afresh."""
        text = read_text(self.file, self.limits)
        if isinstance(text, LoadedSpec):
            self._memory = self._settings = None
            self.loaded, self.stats = text, SessionStats()
            self.result = evaluate_with(text, evaluate_spec)
            return self.result
        return self.update(text)

    def update(self, text: str) -> Result:
        """Load and evaluate `text`, the spec's whole new content."""
        # one pause of the collector for loading and evaluating: the pass that follows a pause walks
        # everything made during it, once instead of twice
        with gc_paused():
            return self._update(text)

    def _update(self, text: str) -> Result:
        self._blocks.next()
        loaded = loads_with(text, shown_path(self.file), limits=self.limits, parts=self._parts, blocks=self._blocks,
                            memo=self._checked,
                            build_graph=lambda spec: _graph(spec, self._memory if self._same_settings() else None))
        settings = _settings(self._parts.statements) if self._parts.ok and loaded.ok else None
        previous = self._memory if settings is not None and _same(settings, self._settings) else None
        self._memory, self._settings = None, settings
        stats = SessionStats(whole=previous is None)
        if previous is None:  # the warnings kept read the settings too (plausibility: batas_bawah)
            self._warned = ItemMemo()
        moved = not self._parts.ok or self._parts.moved > 0
        if self._parts.ok:
            stats.parts_parsed, stats.parts_reused = self._parts.parsed, self._parts.reused
            stats.blocks_built, stats.blocks_reused = self._blocks.built, self._blocks.reused

        def run(spec: Spec, diagnostics: list[Diagnostic], graph: Graph) -> Result:
            try:
                result, memory = evaluate_again(spec, diagnostics, graph, previous, moved=moved)
            except LimitExceeded:
                if previous is None:
                    raise
                # max_evaluation_steps: the values taken over are charged after the computed ones,
                # so the limit may be noticed elsewhere than in a cold run; evaluate afresh, which
                # stops exactly where the cold run stops
                stats.whole = True
                with limits_module.counting(self.limits):
                    result, memory = evaluate_again(spec, diagnostics, build_graph(spec), None)
            self._memory = memory
            stats.values_computed = memory.computed_count
            stats.values_reused = len(memory.computed) - memory.computed_count
            return result

        self.result = evaluate_with(loaded, run, build_graph=lambda spec: _graph(spec, previous), memo=self._warned)
        self.loaded, self.stats = loaded, stats
        return self.result

    def _same_settings(self) -> bool:
        return self._parts.ok and _same(_settings(self._parts.statements), self._settings)


def _graph(spec: Spec, previous: Memory | None) -> Graph:
    """The spec's graph: compiled incrementally from the last run's when the evaluation will take
    over from that run (the blocks' nodes that did not change are the same objects), else afresh."""
    if previous is None:
        return build_graph(spec)
    ctx = previous.graph.ctx
    ctx.refresh(spec)
    return compile_spec(spec, ctx, previous.graph)


def _settings(statements: tuple[st.Statement, ...]) -> tuple[st.Statement, ...]:
    """The top-level statements other than sasaran, program and dokumen blocks: what every block may read."""
    return tuple(s for s in statements if not (isinstance(s, st.Block) and s.key in REUSABLE_BLOCKS))


def _same(now: tuple[st.Statement, ...], before: tuple[st.Statement, ...] | None) -> bool:
    """The same statements at the same places: the same syntax nodes (the parse cache returns
    unchanged parts as the same objects), or equal ones (a part read again because a comment or
    a blank line was added to it: its statements are new, but equal, spans included)."""
    return before is not None and len(now) == len(before) and all(a is b or a == b for a, b in zip(now, before))
