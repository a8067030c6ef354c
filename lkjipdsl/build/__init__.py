"""Stage 2: generic syntax tree → typed spec (lkjipdsl.model), checking every keyword and value.

Each block kind has a table of the keys it accepts (`Table` of `Key` records, lkjipdsl.build.keys),
declared at the end of `Builder` (top level, sasaran, indikator, budget items, dokumen:
lkjipdsl.build.blocks) and of `Declarations` (skala, aturan, ringkasan, pejabat, sumber, with the
periode block: lkjipdsl.build.declarations); the readers of their values (numbers, texts, choices,
years, codes, ranges, printed figures) are in lkjipdsl.build.values, the language's fixed words in
lkjipdsl.build.vocabulary. An unknown key gets a did-you-mean hint, a repeated key is an error,
and every number is read with the file's `angka` convention. Nothing is dropped silently: whatever
is not understood becomes a diagnostic.
"""

from __future__ import annotations

from .. import hints
from ..diagnostics import Diagnostic
from ..model import Spec
from ..syntax import tree as st
from .blocks import BlockCache, Builder, BuiltBlock
from .keys import Key, Table
from .vocabulary import AGREGASI, BUDGET_LEVELS, MONTHS, POLARITAS, PRINTED_FIELDS, QUARTERS, TEXT_PRINTED

__all__ = ["AGREGASI", "BUDGET_LEVELS", "MONTHS", "POLARITAS", "PRINTED_FIELDS", "QUARTERS", "TEXT_PRINTED",
           "EARLY_WORDS", "BlockCache", "Builder", "BuiltBlock", "Key", "Table", "build"]

# The keys of the top level read before everything else (Builder.build: angka, tahun, renstra,
# sumber); a text where none of these words occurs as a word of its own holds none of them.
EARLY_WORDS = ("angka", "tahun", "renstra", "sumber")


def build(statements, file: str, partial: bool = False, cache: BlockCache | None = None,
          early: tuple[st.Statement, ...] | None = None) -> tuple[Spec, list[Diagnostic]]:
    """The typed spec of a file's statements, and the diagnostics of what could not be understood.
    `statements` may be an iterator, read once, when `early` holds those read before the rest
    (Builder.build)."""
    builder = Builder(file, cache)
    with hints.bounded():
        spec = builder.build(statements, partial, early)
    return spec, builder.diagnostics
