"""Using lkjipdsl from Python: load a spec, evaluate it, read values, print them the way the
report does, list failed assertions, render a table and dump JSON. Run from the repository root:

    python examples/embed.py                      # uses examples/dua-polaritas.lkj
    python examples/embed.py examples/asersi-gagal.lkj

Exit status: 0 when every printed figure agrees, 1 when some disagree, 2 when the spec has errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import lkjipdsl
from lkjipdsl import format_value

HERE = Path(__file__).resolve().parent


def main(path: str) -> int:
    loaded = lkjipdsl.load(path)                 # parse + build + check; never raises for bad input
    for d in loaded.diagnostics:
        print(d)                                 # as `lkjipdsl check` prints it: file:line:col: severity[CODE]: …
    if not loaded.ok:
        return 2

    result = lkjipdsl.evaluate(loaded)           # exact Decimal values, nothing rounded

    # Every node: sasaran, indikator, budget items and the total. capaian is a Decimal (or None);
    # format_value prints it as the report does: Indonesian notation, half-up to 2 decimals, '-' for none.
    for node in result.nodes:
        if node.kind in ("sasaran", "indikator"):
            label = node.predikat.label if node.predikat else ""
            print(f"{node.kind:11} {node.id:8} capaian {format_value(node.capaian, 2):>8}  {label}")
        elif node.kind in ("program", "kegiatan", "subkegiatan"):
            print(f"{node.kind:11} {node.id:8} serapan {format_value(node.serapan, 2):>8}"
                  f"  anggaran {format_value(node.anggaran, money=True)}")

    # One value by id, exact and rounded the way the report prints it (an unknown id: KeyError
    # with the closest ids).
    first = next((n for n in result.nodes if n.kind == "indikator"), None)
    if first is not None:
        capaian = result.node(first.id).capaian
        print(f"\n{first.id}: capaian exact = {capaian}, printed = {format_value(capaian, 2)}")

    # Printed figures (tercetak) that disagree with the computed values.
    for a in result.failed_assertions:
        where = f"{a.location.file}:{a.location.line}"
        computed = a.computed_text if a.computed_text is not None else format_value(a.computed)
        print(f"FAILED {where}: {a.node_id} {a.field}: printed {a.printed_text} "
              f"({a.source or 'no source'}), computed {computed}")

    # Findings of the spec's own review rules (aturan).
    for f in result.findings:
        print(f"{f.severity}[{f.rule}] {f.node_id}: {f.message}")

    # One table as `lkjipdsl eval --table NAME --format markdown` prints it; any format of
    # `eval --format` works the same (bytes for xlsx, docx, png), and write_report writes a file.
    table = "capaian" if any(n.kind == "sasaran" for n in result.nodes) else "anggaran"
    print()
    print(lkjipdsl.render_report(result, "markdown", tables=[table]), end="")

    # The whole result as JSON (the same as `lkjipdsl eval FILE --format json`).
    data = json.loads(lkjipdsl.render_report(result, "json"))
    print(f"\nJSON: schema {data['schema_version']}, {len(data['nodes'])} nodes, "
          f"{len(data['assertions'])} assertions; first node: {json.dumps(data['nodes'][0]['id'])}")
    return 1 if result.failed_assertions else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(HERE / "dua-polaritas.lkj")))
