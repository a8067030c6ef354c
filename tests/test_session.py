"""lkjipdsl.Session: incremental evaluation must give exactly what a cold run gives, and redo
only what an edit reaches."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lkjipdsl
from lkjipdsl import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import build_data, to_lkj  # noqa: E402

GENERATED = to_lkj(build_data(24, seed=7))  # one program, two sasaran: for the random edits
LARGER = to_lkj(build_data(160, seed=7))  # eight programs
SERIRIT = (ROOT / "specs" / "seririt-2023.lkj").read_text(encoding="utf-8")
NUMBER = re.compile(r"(?<![\w.,])\d[\d.]*(?:,\d+)?")


def cold(text: str, file: str) -> str:
    return lkjipdsl.evaluate(lkjipdsl.loads(text, file), computations=True).model_dump_json()


def assert_same_as_cold(session: lkjipdsl.Session, text: str) -> None:
    result = session.update(text)
    assert result.model_dump_json() == cold(text, session.file)
    assert session.loaded.diagnostics == lkjipdsl.loads(text, session.file).diagnostics


def replace_number(text: str, occurrence: int, new: str) -> str:
    matches = list(NUMBER.finditer(text))
    match = matches[occurrence % len(matches)]
    return text[:match.start()] + new + text[match.end():]


def test_a_value_edited_in_one_subkegiatan_redoes_only_that_block_and_what_it_reaches():
    session = lkjipdsl.Session("gen.lkj")
    first = session.update(LARGER)
    assert session.stats.whole and session.stats.values_reused == 0
    total_values = session.stats.values_computed
    match = re.search(r"realisasi (\d[\d.]*)", LARGER[len(LARGER) // 2:])
    start = len(LARGER) // 2 + match.start(1)
    edited = LARGER[:start] + "1.000" + LARGER[start + len(match.group(1)):]
    second = session.update(edited)
    stats = session.stats
    assert not stats.whole
    assert (stats.parts_parsed, stats.blocks_built) == (1, 1)
    assert stats.parts_reused > 5 and stats.blocks_reused > 5
    # the sub kegiatan's own values, its kegiatan's, its program's and the total's: a few dozen
    assert 0 < stats.values_computed < total_values // 5
    assert stats.values_computed + stats.values_reused == total_values
    assert second.model_dump_json() == cold(edited, "gen.lkj")
    assert second != first
    # unchanged items keep the very same result objects
    before = {n.id: n for n in first.nodes}
    kept = [n for n in second.nodes if before.get(n.id) is n]
    assert len(kept) > len(second.nodes) // 2


def test_a_line_inserted_moves_the_parts_below_and_an_unchanged_text_redoes_almost_nothing():
    session = lkjipdsl.Session("gen.lkj")
    session.update(GENERATED)
    parts = session.stats.parts_parsed
    moved = GENERATED.replace("tahun 2023\n", "tahun 2023\n# a comment\n", 1)
    assert_same_as_cold(session, moved)
    # the comment joins the part of `tahun`, read again; every part below moved and is taken over
    stats = session.stats
    assert (stats.parts_parsed, stats.parts_reused, stats.blocks_built, stats.whole) == (1, parts - 1, 0, False)
    assert stats.values_computed <= 30
    assert_same_as_cold(session, moved)
    stats = session.stats
    assert (stats.parts_parsed, stats.blocks_built, stats.whole) == (0, 0, False)
    assert stats.values_computed <= 30  # the totals and counts, compiled afresh every time


def lines_changed(text: str, where: str, kind: str) -> str:
    """`text` with a comment line inserted, or a blank line deleted, at the top (below the header
    line), in the middle or at the end."""
    lines = text.split("\n")
    index = {"top": 1, "middle": len(lines) // 2, "end": len(lines) - 1}[where]
    if kind == "insert":
        return "\n".join(lines[:index] + ["# catatan"] + lines[index:])
    blank = next(i for i in range(index, len(lines)) if not lines[i].strip()) if where != "top" else 6
    assert not lines[blank].strip()
    return "\n".join(lines[:blank] + lines[blank + 1:])


@pytest.mark.parametrize("where", ["top", "middle", "end"])
@pytest.mark.parametrize("kind", ["insert", "delete"])
def test_lines_inserted_or_deleted_move_the_parts_below_which_are_taken_over(where, kind):
    session = lkjipdsl.Session("gen.lkj")
    session.update(LARGER)
    total_parts, total_values = session.stats.parts_parsed, session.stats.values_computed
    changed = lines_changed(LARGER, where, kind)
    assert changed != LARGER
    assert_same_as_cold(session, changed)
    stats = session.stats
    assert not stats.whole and stats.parts_parsed <= 1 and stats.parts_reused >= total_parts - 1
    assert stats.values_computed < total_values // 5  # at most the block the line went into
    assert_same_as_cold(session, LARGER)  # and back
    assert not session.stats.whole


WARNED = GENERATED.replace("realisasi 164.066.723;", "realisasi -164.066.723;", 1)


def test_a_diagnostic_below_an_inserted_line_moves_down_with_it():
    """W213 (a check of the model) and the printed row that now disagrees (an assertion of the
    evaluation) stand one line lower after a line is inserted above them, at the same column."""
    assert WARNED != GENERATED
    session = lkjipdsl.Session("gen.lkj")
    before = session.update(WARNED)
    [warned] = [d for d in session.loaded.diagnostics if d.code == "W213"]
    line, column = warned.span.line, warned.span.column
    assert (line, column) == (position(WARNED, "-164.066.723"))
    failed = [(a.location.line, a.location.column) for a in before.assertions if not a.ok]
    assert failed and all(row == line + 1 for row, _ in failed)  # the tercetak row below it
    with i18n.using("en"):
        moved = lines_changed(WARNED, "top", "insert")
        assert_same_as_cold(session, moved)
        assert not session.stats.whole and session.stats.parts_parsed == 1
        [warned] = [d for d in session.loaded.diagnostics if d.code == "W213"]
        assert (warned.span.line, warned.span.column) == (line + 1, column) == position(moved, "-164.066.723")
        assert f"gen.lkj:{line + 1}:{column}: warning[W213]" in str(warned)
        after = session.result
        assert [(a.location.line, a.location.column) for a in after.assertions if not a.ok] == [
            (row + 1, col) for row, col in failed]
        # the result handed out before keeps the positions of its own text
        assert [(a.location.line, a.location.column) for a in before.assertions if not a.ok] == failed
        deleted = lines_changed(WARNED, "top", "delete")
        assert_same_as_cold(session, deleted)
        [warned] = [d for d in session.loaded.diagnostics if d.code == "W213"]
        assert (warned.span.line, warned.span.column) == (line - 1, column)


def cold_result(text: str, file: str) -> lkjipdsl.Result:
    return lkjipdsl.evaluate(lkjipdsl.loads(text, file), computations=True)


def test_results_read_only_after_later_updates_keep_the_positions_of_their_own_text():
    """The records taken over from a part that moved are copied with their locations when the
    result is first read: a result read only after the session has moved on to other texts still
    gives the positions of its own text, whichever of its lists is read first."""
    session = lkjipdsl.Session("gen.lkj")
    first = session.update(LARGER)
    texts = [lines_changed(LARGER, "top", "insert")]
    texts.append(lines_changed(texts[-1], "middle", "insert"))
    texts.append(lines_changed(texts[-1], "top", "insert"))
    results = []
    for text in texts:
        results.append(session.update(text))
        assert not session.stats.whole and session.stats.parts_parsed <= 1
    for text, result in reversed(list(zip(texts, results))):
        expected = cold_result(text, "gen.lkj")
        assert result.findings == expected.findings  # before the nodes that carry them
        assert result.nodes == expected.nodes
        assert result.assertions == expected.assertions
        assert result.model_dump_json() == expected.model_dump_json()
    assert first == cold_result(LARGER, "gen.lkj")
    assert [n.location.line for n in results[0].nodes[:3]] == [n.location.line + 1 for n in first.nodes[:3]]


def test_the_failed_assertions_of_a_moved_result_stand_at_its_own_lines():
    """`failed_assertions` (what `lkjipdsl watch` reads) copies only the failed ones of the records
    a part's move left to be moved: the same as a cold run's, before the whole list is read and after."""
    session = lkjipdsl.Session("gen.lkj")
    before = session.update(WARNED)
    moved = lines_changed(WARNED, "top", "insert")
    after = session.update(moved)
    expected = cold_result(moved, "gen.lkj")
    assert expected.failed_assertions
    assert after.failed_assertions == expected.failed_assertions
    assert [a.location.line for a in after.failed_assertions] == [a.location.line + 1
                                                                  for a in before.failed_assertions]
    assert after.assertions == expected.assertions
    assert after.failed_assertions == expected.failed_assertions


def test_an_edit_after_lines_were_inserted_gives_what_a_cold_run_gives():
    """Records taken over from a part that moved are held at the lines they were made at: an edit
    that moves nothing afterwards still hands them out at the lines of its own text."""
    session = lkjipdsl.Session("gen.lkj")
    session.update(LARGER)
    inserted = lines_changed(LARGER, "top", "insert")
    assert_same_as_cold(session, inserted)
    edited = re.sub(r"realisasi \d[\d.]*", "realisasi 1.000", inserted, count=1)
    assert edited != inserted
    assert_same_as_cold(session, edited)
    assert not session.stats.whole and session.stats.parts_parsed == 1
    assert_same_as_cold(session, edited)
    assert_same_as_cold(session, edited.replace("# catatan\n", "", 1))


def test_what_the_checks_found_is_taken_over_in_the_language_in_force():
    """The diagnostics of an unchanged item (W213 here) are kept between runs only in the same
    language: an update in another language finds them again."""
    session = lkjipdsl.Session("gen.lkj")
    edited = replace_number(WARNED, 400, "1.234")
    with i18n.using("en"):
        assert_same_as_cold(session, WARNED)
        assert_same_as_cold(session, edited)
        assert not session.stats.whole
        assert "is negative" in next(d.message for d in session.loaded.diagnostics if d.code == "W213")
    with lkjipdsl.i18n.using("id"):
        assert_same_as_cold(session, WARNED)
        assert "negatif" in next(d.message for d in session.loaded.diagnostics if d.code == "W213")


def test_a_floor_set_for_the_whole_file_takes_back_the_warning_of_a_negative_capaian():
    """W218 of a capaian below 0 depends on the file's batas_bawah as well as on the item's figures:
    a warning kept for an unchanged item is not kept across a changed setting."""
    below_zero = GENERATED.replace("polaritas minimal; target 86", "polaritas minimal; target 10", 1)
    assert below_zero != GENERATED
    floored = below_zero.replace("efisiensi 5\n", "efisiensi 5\nbatas_bawah 0\n", 1)
    session = lkjipdsl.Session("gen.lkj")
    with i18n.using("en"):
        assert_same_as_cold(session, below_zero)
        assert any(d.code == "W218" for d in session.result.diagnostics)
        assert_same_as_cold(session, floored)
        assert session.stats.whole and not any(d.code == "W218" for d in session.result.diagnostics)
        assert_same_as_cold(session, below_zero)


def position(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


def test_a_changed_setting_evaluates_everything_again():
    session = lkjipdsl.Session("gen.lkj")
    session.update(GENERATED)
    edited = GENERATED.replace("efisiensi 5", "efisiensi 10", 1)
    assert edited != GENERATED
    assert_same_as_cold(session, edited)
    assert session.stats.whole


def test_syntax_errors_and_their_fix():
    session = lkjipdsl.Session("gen.lkj")
    session.update(GENERATED)
    broken = GENERATED.replace("anggaran ", "anggaran {", 1)
    assert_same_as_cold(session, broken)
    assert session.result.has_errors
    assert_same_as_cold(session, GENERATED)
    assert_same_as_cold(session, GENERATED)
    assert not session.stats.whole


def test_the_seririt_report_edited_in_place():
    session = lkjipdsl.Session("seririt.lkj")
    assert_same_as_cold(session, SERIRIT)
    # realisasi of sub kegiatan 1.2.1 in this year's tree (a printed row disagrees elsewhere)
    edited = SERIRIT.replace("realisasi 3.713.519.476", "realisasi 3.713.519.477", 1)
    if edited == SERIRIT:  # the figure is written differently: edit the first realisasi instead
        edited = re.sub(r"realisasi \d[\d.]*", "realisasi 1.000", SERIRIT, count=1)
    assert_same_as_cold(session, edited)
    assert_same_as_cold(session, SERIRIT)


EDITS = st.lists(st.tuples(st.sampled_from(["number", "delete", "duplicate", "garbage", "number", "number", "name",
                                            "swap", "comment", "blank"]),
                           st.integers(0, 10_000), st.integers(0, 10**9)), min_size=1, max_size=4)


def edit(text: str, kind: str, where: int, value: int) -> str:
    lines = text.split("\n")
    index = where % len(lines)
    if kind == "number":
        return replace_number(text, where, f"{value:,}".replace(",", "."))
    if kind == "delete":
        return "\n".join(lines[:index] + lines[index + 1:])
    if kind == "duplicate":
        return "\n".join(lines[:index + 1] + lines[index:])
    if kind == "name":  # a quoted text: a name, a unit, a printed text
        texts = list(re.finditer(r'"[^"\n]*"', text))
        chosen = texts[where % len(texts)]
        return text[:chosen.start()] + f'"Nama {value}"' + text[chosen.end():]
    if kind == "comment":  # every part below moves down
        return "\n".join(lines[:index] + ["# catatan"] + lines[index:])
    if kind == "blank":
        return "\n".join(lines[:index] + [""] + lines[index:])
    if kind == "swap":
        lines[index], lines[(index + 1) % len(lines)] = lines[(index + 1) % len(lines)], lines[index]
        return "\n".join(lines)
    return "\n".join(lines[:index] + ["    kunci_asing 12"] + lines[index:])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_any_sequence_of_edits_gives_what_a_cold_run_gives(edits):
    session = lkjipdsl.Session("gen.lkj")
    session.update(GENERATED)
    text = GENERATED
    for kind, where, value in edits:
        text = edit(text, kind, where, value)
        assert_same_as_cold(session, text)


def test_watch_checks_again_after_each_save(tmp_path):
    import os
    import subprocess
    import time

    spec = tmp_path / "gen.lkj"
    spec.write_text(LARGER, encoding="utf-8")
    watch = subprocess.Popen([sys.executable, "-c", "import sys; from lkjipdsl.cli import main; "
                              "sys.exit(main(sys.argv[1:]))", "watch", str(spec), "--runs", "2",
                              "--interval", "0.05", "--lang", "en"], stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not any(line.startswith("checked in") for line in lines):
            lines.append(watch.stderr.readline())
            assert lines[-1], "watch stopped before its first check"
        time.sleep(0.05)  # a later modification time than the first read
        match = re.search(r"realisasi (\d[\d.]*)", LARGER[len(LARGER) // 2:])
        start = len(LARGER) // 2 + match.start(1)
        # saved whole at once, as an editor saves, so that watch never reads a file half written
        edited = tmp_path / "gen.lkj.tmp"
        edited.write_text(LARGER[:start] + "1.000" + LARGER[start + len(match.group(1)):], encoding="utf-8")
        os.utime(edited, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
        os.replace(edited, spec)
        rest = watch.communicate(timeout=60)[1]
    finally:
        watch.kill()
    assert watch.returncode == 1  # the edited realisasi no longer matches its printed Tabel 3.1 row
    assert "watching" in lines[0] and "0 printed figure(s) that disagree" in "".join(lines)
    assert "1 printed figure(s) that disagree" in rest
    again = [line for line in rest.splitlines() if line.startswith("checked in")]
    assert len(again) == 1
    assert re.fullmatch(r"checked in \d+\.\d\d s: 1 of \d+ parts read again, \d+ of \d+ values computed again",
                        again[0]), again


def test_the_step_limit_stops_an_edited_spec_where_a_cold_run_stops_it():
    """Values taken over count their steps too: an edit that takes the spec over
    max_evaluation_steps gives the cold run's E013, at the same place."""
    base = '''instansi "X"
tahun 2023
sasaran S1 "Satu" {
  indikator A "A" { satuan "%"; target 100; realisasi 90; rumus realisasi / target * 100 }
}
sasaran S2 "Dua" {
  indikator B "B" { satuan "%"; target 100; realisasi 80; rumus realisasi / target * 100 }
}
'''
    longer = base.replace("realisasi 80; rumus realisasi / target * 100",
                          "realisasi 80; rumus realisasi / target * 100 + 0 + 0 + 0 + 0 + 0 + 0")
    limits = lkjipdsl.Limits(max_evaluation_steps=20)  # base takes 10 steps, longer 22 (B alone 17)
    session = lkjipdsl.Session("langkah.lkj", limits)
    for text in (base, longer, base):
        result = session.update(text)
        assert result == lkjipdsl.evaluate(lkjipdsl.loads(text, "langkah.lkj", limits=limits), computations=True)
    assert [d.code for d in session.update(longer).diagnostics] == ["E013"]


def test_watch_refuses_an_interval_it_cannot_sleep(capsys):
    from lkjipdsl.cli import main

    for bad in ("-1", "0", "nan", "soon"):
        assert main(["watch", str(ROOT / "specs" / "seririt-2023.lkj"), "--interval", bad, "--lang", "en"]) == 2
        assert f"argument --interval: '{bad}' is not a number of seconds from 0.01 to 3600" in capsys.readouterr().err


def test_a_file_that_cannot_be_read_gives_its_diagnostic_and_the_next_read_starts_afresh(tmp_path):
    spec = tmp_path / "hilang.lkj"
    session = lkjipdsl.Session(str(spec))
    result = session.update_file()
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("E008", f"berkas '{spec}' tidak dapat dibaca: berkas atau folder tidak ditemukan")]
    assert not result.nodes and session.stats.whole
    spec.write_text(GENERATED, encoding="utf-8")
    assert session.update_file().model_dump_json() == cold(GENERATED, str(spec))


ANOTHER_ITEM = """instansi "Kecamatan Uji"
tahun 2023
angka indonesia

program 1 "PROGRAM 1" {
    kegiatan 1.1 "Kegiatan 1.1" {
        tercetak "Tabel 3.1" anggaran 300.000 realisasi 250.000
        subkegiatan 1.1.1 "Sub 1" {
            anggaran 100.000; realisasi 90.000
            tercetak "Tabel 3.1" realisasi 80.000
        }
        subkegiatan 1.1.2 "Sub 2" {
            anggaran 200.000; realisasi 150.000
        }
    }
}
"""


def verdicts(result) -> list[tuple]:
    return [(a.node_id, a.field, a.printed, a.computed, a.ok, a.kind, a.note) for a in result.assertions]


def test_an_edit_changes_the_verdicts_of_figures_printed_for_other_items():
    """Sub 2's realisasi is read by the printed total of its kegiatan (90.000 + Sub 2's) and, when
    it equals Sub 1's printed 80.000, explains that figure: both assertions belong to items the
    edit does not touch, and must follow it (the index of amounts kept from the last run changed)."""
    session = lkjipdsl.Session("uji.lkj")
    with i18n.using("en"):
        assert verdicts(session.update(ANOTHER_ITEM)) == [
            ("1.1", "anggaran", 300_000, 300_000, True, None, None),
            ("1.1", "realisasi", 250_000, 240_000, False, "jumlah_tidak_cocok", None),
            ("1.1.1", "realisasi", 80_000, 90_000, False, "angka_beda", None)]
        total_agrees = ANOTHER_ITEM.replace("realisasi 150.000", "realisasi 160.000")
        assert verdicts(session.update(total_agrees))[1] == (
            "1.1", "realisasi", 250_000, 250_000, True, None, None)
        assert not session.stats.whole
        assert_same_as_cold(session, total_agrees)
        printed_under_sub_1 = ANOTHER_ITEM.replace("realisasi 150.000", "realisasi 80.000")
        assert verdicts(session.update(printed_under_sub_1))[1:] == [
            ("1.1", "realisasi", 250_000, 170_000, False, "jumlah_tidak_cocok",
             "the difference 80.000 equals the realisasi of subkegiatan 1.1.2 Sub 2: that row may have been "
             "counted twice"),
            ("1.1.1", "realisasi", 80_000, 90_000, False, "baris_lain",
             "the printed figure is the realisasi of subkegiatan 1.1.2 Sub 2")]
        assert not session.stats.whole
        assert_same_as_cold(session, printed_under_sub_1)
        assert verdicts(session.update(ANOTHER_ITEM))[2] == (
            "1.1.1", "realisasi", 80_000, 90_000, False, "angka_beda", None)
        assert_same_as_cold(session, ANOTHER_ITEM)


def test_the_index_of_amounts_kept_between_runs_is_the_one_built_afresh():
    from lkjipdsl.assertions import MoneyIndex, money_nodes

    session = lkjipdsl.Session("uji.lkj")
    text, indexes = ANOTHER_ITEM, set()
    for realisasi in ("80.000", "90.000", "150.000", "80.000", "300.000"):
        text = re.sub(r"(subkegiatan 1\.1\.2 \"Sub 2\" \{\n\s+anggaran 200\.000; realisasi )[\d.]+",
                      lambda m: m.group(1) + realisasi, text)
        session.update(text)
        kept = session._memory.money[0]
        fresh = MoneyIndex(money_nodes(session.loaded.spec), session._memory.computed)
        assert kept.by_amount == fresh.by_amount  # each amount's list in the same order
        assert kept.kinds == fresh.kinds and kept.held == fresh.held and kept.nodes == fresh.nodes
        indexes.add(id(kept))
    assert len(indexes) == 1  # the first one, changed in place
