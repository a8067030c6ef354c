"""An editor's loop with lkjipdsl.Session: evaluate a spec, then again after each edit, redoing
only what the edit reaches. Run from the repository root:

    python examples/editor.py                          # edits examples/dua-polaritas.lkj in memory

It changes one realisasi three times, as a planner typing in an editor would, and prints after
each version the capaian that changed and what the session had to redo. The file is not touched.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import lkjipdsl
from lkjipdsl import format_value

HERE = Path(__file__).resolve().parent


def capaian(result: lkjipdsl.Result) -> dict[str, Decimal | None]:
    return {node.id: node.capaian for node in result.nodes}


def main(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    session = lkjipdsl.Session(str(path))
    result = session.update(text)                      # the first run: everything
    print(f"{path.name}: {len(result.nodes)} nodes, {session.stats.values_computed} values computed")
    before = capaian(result)
    old = "    realisasi 4,88"                         # AKB's realisasi (not the comment that cites it)
    if old not in text:
        print(f"'{old}' is not in {path.name}", file=sys.stderr)
        return 2
    for typed in ("    realisasi 4", "    realisasi 4,5", "    realisasi 3,9"):
        text = text.replace(old, typed, 1)
        old = typed
        result = session.update(text)                  # only what the edit reaches
        stats = session.stats
        now = capaian(result)
        changed = {k: v for k, v in now.items() if before.get(k) != v}
        print(f"after '{typed.strip()}': {stats.values_computed} of {stats.values_computed + stats.values_reused} "
              f"values computed again, {stats.parts_parsed} part(s) read again")
        for node_id, value in changed.items():
            print(f"  {node_id}: capaian {format_value(before.get(node_id), 2)} -> {format_value(value, 2)}")
        assert result == lkjipdsl.evaluate(lkjipdsl.loads(text, str(path)), computations=True)  # what a cold run gives
        before = now
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "dua-polaritas.lkj"))
