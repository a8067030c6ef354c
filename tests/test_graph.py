"""The evaluation graph (lkjipdsl/graph.py): every value a node keyed "item:field" with the keys
it depends on, ordered dependencies first, cycles found with their path, without recursion."""

from __future__ import annotations

from decimal import Decimal

from lkjipdsl.graph import GraphNode, _topological
from recursion import recursion_headroom


class CountingNodes(dict):
    """The graph's nodes, counting every lookup the ordering makes."""

    lookups = 0

    def __getitem__(self, key):
        CountingNodes.lookups += 1
        return super().__getitem__(key)

    def __contains__(self, key):
        CountingNodes.lookups += 1
        return super().__contains__(key)


def test_ordering_is_linear_and_without_recursion_however_many_cycles():
    nodes = CountingNodes()
    for i in range(5_000):  # 5 000 two-item cycles, each hanging from a chain of 20 000
        nodes[f"A{i}"] = GraphNode(f"A{i}", [f"B{i}"], None, None)
        nodes[f"B{i}"] = GraphNode(f"B{i}", [f"A{i}", f"C{i}"], None, None)
    for i in range(20_000):
        nodes[f"C{i}"] = GraphNode(f"C{i}", [f"C{i + 1}"] if i + 1 < 20_000 else [], None, None)
    edges = sum(len(n.deps) for n in nodes.values())
    CountingNodes.lookups = 0
    with recursion_headroom(50):
        order, cycles = _topological(nodes)
    assert CountingNodes.lookups <= 2 * (len(nodes) + edges)
    assert cycles == [[f"A{i}", f"B{i}", f"A{i}"] for i in range(5_000)]
    position = {key: index for index, key in enumerate(order)}
    assert len(order) == len(nodes) == len(position)
    broken = {key for cycle in cycles for key in cycle}
    for node in nodes.values():  # dependencies first, except the cycles' own edges (they are broken)
        if node.key not in broken:
            assert all(position[dep] < position[node.key] for dep in node.deps)


# ---- values at another time: an earlier year (riwayat) and the periods (periode) ----

EARLIER = """\
instansi "Kecamatan Contoh"
tahun 2023
sasaran S1 "Meningkatnya koordinasi" {
  indikator I1 "Rapat koordinasi terlaksana" {
    satuan "kali"; polaritas minimal
    riwayat 2021 target 80 realisasi 60 capaian 125
    riwayat 2022 target 90 realisasi 99
    periode triwulanan gabung jumlah {
      tw1 3 3
      tw2 3 2
      tw3 3 4
      tw4 3 -
    }
  }
}
program 1 "Program" { anggaran 200; realisasi 150
  riwayat 2022 anggaran 400 realisasi 300 persen 75 }
"""


def explained(text: str, target: str) -> list[str]:
    import lkjipdsl
    from lkjipdsl import i18n
    from lkjipdsl.api import evaluate_explained
    from lkjipdsl.explain import explain

    with i18n.using("en"):
        result, values = evaluate_explained(lkjipdsl.loads(text))
        return explain(result, target, values)


def test_an_earlier_years_capaian_is_a_node_with_its_inputs():
    # minimal: (2 × 80 − 60) / 80 × 100 = 125 and (2 × 90 − 99) / 90 × 100 = 90
    assert explained(EARLIER, "I1:capaian@2021") == [
        "indikator I1 — Rapat koordinasi terlaksana",
        "  I1:capaian@2021 = 125,00",
        "    formula: (2 × target − realisasi) / target × 100",
        "    = (2 × 80 − 60) / 80 × 100 = 125,00",
        "    I1:target@2021 = 80 (input)",
        "    I1:realisasi@2021 = 60 (input)",
    ]
    assert explained(EARLIER, "I1:capaian@2022")[1] == "  I1:capaian@2022 = 90,00"
    # a budget item's earlier year: 300 / 400 × 100 = 75
    assert explained(EARLIER, "1:serapan@2022")[1:4] == [
        "  1:serapan@2022 = 75,00", "    formula: realisasi / anggaran × 100", "    = 300 / 400 × 100 = 75,00"]


def test_the_periods_capaian_is_one_node_explained_period_by_period():
    # cumulative (gabung jumlah), minimal: tw1 (2 × 3 − 3) / 3 = 100; tw2 (2 × 6 − 5) / 6 = 116,67;
    # tw3 (2 × 9 − 9) / 9 = 100; tw4 has no realisasi
    assert explained(EARLIER, "I1:capaian@periode")[1:] == [
        "  I1:capaian@periode",
        "    formula: (2 × target − realisasi) / target × 100 per periode (jumlah)",
        "    tw1: (2 × 3 − 3) / 3 × 100 = 100",
        "    tw2: (2 × 6 − 5) / 6 × 100 = ≈116,666667",
        "    tw3: (2 × 9 − 9) / 9 × 100 = 100",
        "    tw4: -",
    ]
    whole = explained(EARLIER, "I1")
    assert "  I1:capaian@2021 = 125,00" in whole and "  I1:capaian@periode" in whole


MEANS = """\
instansi "Kecamatan Contoh"
tahun 2023
sasaran S1 "Meningkatnya koordinasi" {
  indikator I1 "Rapat koordinasi terlaksana" {
    satuan "kali"; polaritas maksimal; target_nol 100
    periode triwulanan gabung rata_rata {
      tw1 0 0
      tw2 4 2
      tw3 2 4
      tw4 - 5
    }
  }
}
"""


def test_the_periods_capaian_of_means_and_of_a_zero_target_read_again_from_the_block():
    # the means so far, maksimal: tw1 0 against 0, target_nol 100; tw2 (0 + 2) / 2 = 1 against
    # (0 + 4) / 2 = 2: 50; tw3 (0 + 2 + 4) / 3 = 2 against (0 + 4 + 2) / 3 = 2: 100; tw4 has no target
    import lkjipdsl
    from lkjipdsl.api import evaluate_explained

    assert explained(MEANS, "I1:capaian@periode")[1:] == [
        "  I1:capaian@periode",
        "    formula: realisasi / target × 100 per periode (rata_rata)",
        "    tw1: target nol → 100 (target_nol)",
        "    tw2: 1 / 2 × 100 = 50,0",
        "    tw3: 2 / 2 × 100 = 100",
        "    tw4: -",
    ]
    item = lkjipdsl.evaluate(lkjipdsl.loads(MEANS)).node("I1")
    assert [(p.periode, p.target, p.realisasi, p.capaian) for p in item.periode] == [
        ("tw1", 0, 0, 100), ("tw2", 4, 2, 50), ("tw3", 2, 4, 100), ("tw4", None, 5, None)]
    # the value compares as its rows do (a Session stops a change at a value that comes out the same)
    first, second, other = (evaluate_explained(lkjipdsl.loads(text))[1]["I1:capaian@periode"].value
                            for text in (MEANS, MEANS, MEANS.replace("tw3 2 4", "tw3 2 1")))
    assert first == second and first != other and list(first) == list(second)
    assert [row.capaian for row in other][2] == 50  # (0 + 2 + 1) / 3 = 1 against 2


def test_values_at_another_time_stay_out_of_the_jsons_computations():
    import lkjipdsl

    result = lkjipdsl.evaluate(lkjipdsl.loads(EARLIER), computations=True)
    item, program = result.node("I1"), result.node("1")
    assert list(item.computations) == ["target", "realisasi", "capaian"]
    assert list(program.computations) == ["anggaran", "realisasi", "serapan", "sisa", "capaian_output"]
    assert [(h.tahun, h.capaian) for h in item.riwayat] == [(2021, 125), (2022, 90)]
    assert [p.capaian for p in item.periode][0::2] == [100, 100]
    assert round(item.periode[1].capaian, 2) == Decimal("116.67") and item.periode[3].capaian is None
    assert program.riwayat[0].capaian == 75


def test_explain_names_the_values_at_another_time(tmp_path, capsys):
    from lkjipdsl.cli import main

    path = tmp_path / "a.lkj"
    path.write_text(EARLIER, encoding="utf-8")
    assert main(["--lang", "en", "explain", str(path), "I1:capaian@2020"]) == 2
    err = capsys.readouterr().err
    assert "I1 has no computed field 'capaian@2020'" in err and "capaian@2021" in err
    assert main(["--lang", "en", "explain", str(path), "I1:capaian@2021"]) == 0
    assert "I1:capaian@2021 = 125,00" in capsys.readouterr().out


# ---- the graph built once, by api, and handed on ----

CYCLE = """\
instansi "Kecamatan Contoh"
tahun 2023
sasaran S1 "Sasaran" {
  indikator A "A" { satuan "%"; target 100; rumus B.capaian }
  indikator B "B" { satuan "%"; target 100; rumus A.capaian }
}
"""


def counting_builds(monkeypatch) -> list:
    from lkjipdsl import graph

    built = []
    real = graph.build_graph

    def build(spec):
        built.append(spec)
        return real(spec)

    monkeypatch.setattr(graph, "build_graph", build)
    return built


def test_the_graph_the_cycle_check_built_is_the_one_evaluated(monkeypatch):
    import lkjipdsl
    from lkjipdsl import api

    built = counting_builds(monkeypatch)
    loaded = api.loads(EARLIER.replace("polaritas minimal", "polaritas minimal; rumus realisasi"))
    assert loaded.ok and len(built) == 1 and loaded.graph is not None  # a rumus: the cycle check needs it
    lkjipdsl.evaluate(loaded)
    assert len(built) == 1 and loaded.graph is None  # taken by the evaluation
    lkjipdsl.evaluate(loaded)  # a second evaluation builds its own
    assert len(built) == 2


def test_without_a_rumus_the_graph_is_built_by_the_evaluation(monkeypatch):
    from lkjipdsl import api

    built = counting_builds(monkeypatch)
    loaded = api.loads(EARLIER)
    assert loaded.ok and loaded.graph is None and not built
    api.evaluate_with(loaded, lambda spec, diagnostics, graph: graph.nodes)
    assert len(built) == 1


def test_a_cycle_is_reported_by_loading_and_without_the_check_its_values_are_broken():
    import lkjipdsl
    from lkjipdsl import i18n

    with i18n.using("en"):
        loaded = lkjipdsl.loads(CYCLE)
        unchecked = lkjipdsl.loads(CYCLE, only_checks=["ids"])
        result = lkjipdsl.evaluate(unchecked)
    message = "cycle in the rules: A:capaian → B:capaian → A:capaian"
    assert [(d.code, d.message) for d in loaded.diagnostics] == [("E140", message)]
    assert unchecked.ok and unchecked.graph is None  # the cycle check not asked for: no graph yet
    assert [(d.code, d.message) for d in result.diagnostics] == [("E140", message)]  # found by the evaluation's
    assert result.node("A").capaian is None and result.node("B").capaian is None
