"""Many specs at once: folders, order, a broken spec among good ones, the roll-up, the pool."""

import json
from pathlib import Path

from lkjipdsl import batch
from lkjipdsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = 'instansi "Dinas A"\ntahun 2023\nprogram 1 "P" { anggaran 1.000.000; realisasi 900.000 }\n'
BROKEN = 'instansi "Dinas B"\ntahun 2023\nprogram 1 "P" { anggaran 6.5025.000 }\n'


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "opd"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.lkj").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "b.lkj").write_text(BROKEN, encoding="utf-8")
    (folder / "notes.txt").write_text("not a spec", encoding="utf-8")
    return folder


def test_expand_folders_and_missing(tmp_path):
    folder = _folder(tmp_path)
    (tmp_path / "empty").mkdir()
    files, empty, unreadable = batch.expand([str(folder), str(tmp_path / "nope.lkj"), str(tmp_path / "empty")])
    assert files == [str(folder / "a.lkj"), str(folder / "sub" / "b.lkj"), str(tmp_path / "nope.lkj")]
    assert empty == [str(tmp_path / "empty")]
    assert unreadable == []


def test_check_many_keeps_going_and_rolls_up(tmp_path, capsys):
    folder = _folder(tmp_path)
    assert main(["check", str(folder), "-j", "2"]) == 1  # the broken spec's error
    out = capsys.readouterr().out  # what check finds, then the roll-up
    first, second = out.index("a.lkj: 0 galat"), out.index("E105")
    assert first < second  # in the order of the files
    assert "Rekapitulasi" in out[second:] and "Dinas A" in out
    assert "90,00" in out  # 900.000 / 1.000.000


def test_missing_file_is_a_usage_error_but_the_others_run(tmp_path, capsys):
    folder = _folder(tmp_path)
    assert main(["check", str(folder / "a.lkj"), str(tmp_path / "nope.lkj")]) == 2
    captured = capsys.readouterr()
    assert "a.lkj: 0 galat" in captured.out  # a finding: the output
    assert "E008" in captured.err and "E008" not in captured.out  # a file that cannot be read: a usage error


def test_eval_many_json_rollup(tmp_path, capsys):
    (tmp_path / "a.lkj").write_text(GOOD, encoding="utf-8")
    seririt = str(ROOT / "specs" / "seririt-2023.lkj")
    assert main(["eval", seririt, str(tmp_path / "a.lkj"), "--format", "json", "-j", "1"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["instansi"] for r in rows] == ["Kecamatan Seririt", "Dinas A"]
    assert rows[0]["anggaran"] == "8624579558" and rows[0]["realisasi"] == "8371823881"
    assert rows[1]["serapan"] == "90"


def test_one_and_two_workers_agree(tmp_path):
    folder = _folder(tmp_path)
    files, _, _ = batch.expand([str(folder)])
    serial = [(o.path, o.code, o.text) for o in batch.run(files, jobs=1)]
    pooled = [(o.path, o.code, o.text) for o in batch.run(files, jobs=2)]
    assert serial == pooled


def test_outcomes_without_diagnostics_keep_their_text_and_row(tmp_path):
    folder = _folder(tmp_path)
    files, _, _ = batch.expand([str(folder)])
    full = list(batch.run(files, jobs=2))
    lean = list(batch.run(files, jobs=2, diagnostics=False))
    assert [d.code for d in full[1].diagnostics] == ["E105"]  # 6.5025.000: a misplaced thousands dot
    assert [o.diagnostics for o in lean] == [[], []]
    assert [(o.code, o.text, o.row) for o in lean] == [(o.code, o.text, o.row) for o in full]
    summary = full[0].summary()  # what a run over thousands of specs keeps of each once it is printed
    assert (summary.path, summary.code, summary.text, summary.row, summary.diagnostics) == \
        (full[0].path, 0, "", full[0].row, [])
