"""A Session's first stage after an edit (lkjipdsl.syntax.parts.PartCache): the text cut into
parts and prescanned looking only at the span that changed. Each must give what the whole text
gives: the cuts of `bounds`, the prescan of `prescan`."""

from __future__ import annotations

import importlib
import random

from lkjipdsl.syntax import parts as P

# pieces that make and unmake cuts (a line starting with a word, '}', '#', '/', '//') and the
# characters the prescan reports (control characters, error values, CR, NUL, NBSP, beyond ASCII)
CUTTING = ["\n", "a", "}", "#", "/", " ", "{", "x\n", "\n/", "//", "\n}", "\n#"]
S = importlib.import_module("lkjipdsl.syntax.prescan")  # the module, not its function

PRESCANNED = ["\n", "a", "#", "DIV/0!", "#N/A", "N/A", "\x01", "\r", "\x00", "\u00a0", '"', " ", "#DIV", "/0!", "é"]


def random_edits(alphabet: list[str], count: int, seed: int):
    chosen = random.Random(seed)

    def text(length: int) -> str:
        return "".join(chosen.choice(alphabet) for _ in range(length))

    for _ in range(count):
        before = text(chosen.randint(0, 30))
        start = chosen.randint(0, len(before))
        end = chosen.randint(start, len(before))
        yield before, before[:start] + text(chosen.randint(0, 3)) + before[end:]


def test_changed_span_is_the_span_between_the_common_head_and_tail():
    assert P.changed_span("abcdef", "abXdef") == (2, 3, 3)
    assert P.changed_span("abcdef", "abcdef") == (6, 6, 6)
    assert P.changed_span("ab", "abcd") == (2, 2, 4)
    assert P.changed_span("aaaa", "aaa") == (3, 4, 3)  # the tail never reaches into the head
    long = "x" * 200_000 + "\nnilai 12" + "y" * 100_000
    assert P.changed_span(long, long.replace("nilai 12", "nilai 127")) == (200_009, 200_009, 200_010)


def test_parts_cut_again_after_an_edit_are_those_of_the_whole_text():
    for before, after in random_edits(CUTTING, 5000, seed=1):
        parts = P.bounds(before)
        changed = P.changed_span(before, after)
        start, end_before, end_after = changed
        assert before[:start] == after[:start] and before[end_before:] == after[end_after:]
        cut, texts = P.cut_again(before, parts, [before[a:b] for _line, a, b in parts], after, changed)
        assert cut == P.bounds(after), (before, after)
        assert texts == [after[a:b] for _line, a, b in cut]


def test_parts_not_reached_by_an_edit_keep_their_text_object():
    before = "instansi \"A\"\nprogram 1 \"P\" {\n  anggaran 10\n}\nprogram 2 \"Q\" {\n  anggaran 20\n}\n"
    parts = P.bounds(before)
    texts = [before[a:b] for _line, a, b in parts]
    after = before.replace("anggaran 20", "anggaran 25")
    cut, again = P.cut_again(before, parts, texts, after, P.changed_span(before, after))
    assert [line for line, _a, _b in cut] == [1, 2, 5]
    assert again[0] is texts[0] and again[1] is texts[1] and again[2] == "program 2 \"Q\" {\n  anggaran 25\n}\n"


def test_prescan_of_an_edit_is_that_of_the_whole_text():
    looked_at_the_span_only = 0
    for before, after in random_edits(PRESCANNED, 5000, seed=2):
        scanned = S.prescan(before, "spec.lkj", deep=False)
        changed = P.changed_span(before, after) if after.isascii() else None
        edited = S.prescan_edited(after, "spec.lkj", None, (before, scanned), changed)
        whole = S.prescan(after, "spec.lkj", deep=False)
        assert (edited.source, edited.text, edited.diagnostics, edited.fatal) == (
            whole.source, whole.text, whole.diagnostics, whole.fatal), (before, after)
        looked_at_the_span_only += S._clean(before, scanned) and changed is not None
    assert looked_at_the_span_only > 100  # the short way was taken, not only the whole prescan


def test_a_session_reports_what_an_edit_brings_into_a_clean_text_and_forgets_it_when_undone():
    import sys
    from pathlib import Path

    import lkjipdsl

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import build_data, to_lkj

    clean = to_lkj(build_data(24, seed=7))
    at = clean.index("realisasi ", len(clean) // 2) + len("realisasi")
    session = lkjipdsl.Session("gen.lkj")
    for text in (clean, clean[:at] + "\u00a0" + clean[at + 1:], clean, clean[:at] + " \x07" + clean[at:],
                 clean[:at] + " # #N/A" + clean[at:], clean.replace("\n", "\n\n", 3), clean):
        result = session.update(text)
        cold = lkjipdsl.evaluate(lkjipdsl.loads(text, "gen.lkj"), computations=True)
        assert result.model_dump_json() == cold.model_dump_json()
        assert session.loaded.diagnostics == lkjipdsl.loads(text, "gen.lkj").diagnostics
    assert [d.code for d in lkjipdsl.loads(clean[:at] + "\u00a0" + clean[at + 1:], "gen.lkj").diagnostics] == ["W210"]
