"""The command line in both languages: Indonesian by default, English with --lang en. What the
diagnostics renderer adds (the severity word, `petunjuk:`, did-you-mean), the command's own
messages and summaries, its help and argparse's words, the messages of lkjipdsl.api and of the
output rules, each with the place it names; and which stream each goes to."""

from __future__ import annotations

import argparse
import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import batch, cli, i18n
from lkjipdsl.diagnostics import did_you_mean, os_reason
from lkjipdsl.render.output import OutputError, destination

HEADER = 'instansi "Kecamatan Contoh"\ntahun 2023\n'
MISSPELT = HEADER + ('sasaran S1 "Layanan" {\n  indikator IKM "Indeks" {\n    satuan "%"\n    polaritas maksimal\n'
                     '    targt 95\n    realisasi 90\n  }\n}\n')
GOOD = HEADER + 'program 1 "P" { anggaran 1.000.000; realisasi 900.000 }\n'
COMMAND = [sys.executable, "-c", "import sys; from lkjipdsl.cli import main; sys.exit(main())"]


def run(capsys, *argv) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def misspelt(tmp_path: Path) -> Path:
    path = tmp_path / "laporan.lkj"
    path.write_text(MISSPELT, encoding="utf-8")
    return path


# ---- the diagnostics as check prints them ----

def test_a_diagnostic_in_indonesian_by_default(misspelt, capsys):
    status, out, err = run(capsys, "check", misspelt)
    assert status == 1 and err == ""
    first, source, caret, hint = out.splitlines()[:4]
    assert first.startswith(f"{misspelt}:7:5: galat[E101]: ")  # the place, the severity word, the code
    assert source == "    7 |     targt 95" and caret == "      |     ^^^^^"
    assert hint == "petunjuk: mungkin maksud Anda 'target' atau 'target_nol'?"
    assert out.splitlines()[-1] == f"{misspelt}: 1 galat, 0 angka tercetak yang tidak cocok, 0 peringatan/info"


def test_the_same_diagnostic_in_english_on_request(misspelt, capsys):
    status, out, err = run(capsys, "check", misspelt, "--lang", "en")
    assert status == 1 and err == ""
    first, source, caret, hint = out.splitlines()[:4]
    assert first.startswith(f"{misspelt}:7:5: error[E101]: ")
    assert hint == "hint: did you mean 'target' or 'target_nol'?"
    assert out.splitlines()[-1] == (f"{misspelt}: 1 error(s), 0 printed figure(s) that disagree, "
                                    "0 warning(s) and notes")


def test_did_you_mean_with_one_two_and_three_candidates():
    three = ["kegiatan_a", "kegiatan_b", "subkegiatan"]
    with i18n.using("id"):
        assert did_you_mean("targt", ["target", "satuan"]) == "mungkin maksud Anda 'target'?"
        assert did_you_mean("targt", ["target", "target_nol"]) == "mungkin maksud Anda 'target' atau 'target_nol'?"
        assert did_you_mean("kegiatan", three) == "mungkin maksud Anda 'kegiatan_b', 'kegiatan_a', atau 'subkegiatan'?"
        assert did_you_mean("zzz", ["target"]) == ""
    with i18n.using("en"):
        assert did_you_mean("kegiatan", three) == "did you mean 'kegiatan_b' or 'kegiatan_a' or 'subkegiatan'?"


def test_a_missing_spec_names_the_file_and_a_similar_one(tmp_path, capsys, monkeypatch):
    (tmp_path / "laporan.lkj").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", "lapran.lkj")
    assert status == 2 and out == ""  # not a finding about a spec: a usage error, on stderr
    assert err.splitlines()[:2] == ["galat[E008]: berkas 'lapran.lkj' tidak dapat dibaca: berkas atau folder tidak ditemukan",
                                    "petunjuk: mungkin maksud Anda 'laporan.lkj'?"]
    status, out, err = run(capsys, "check", "lapran.lkj", "--lang", "en")
    assert err.splitlines()[:2] == ["error[E008]: cannot read 'lapran.lkj': No such file or directory",
                                    "hint: did you mean 'laporan.lkj'?"]


def test_a_file_that_is_not_utf8_says_where_in_both_languages(tmp_path):
    path = tmp_path / "lama.lkj"
    path.write_bytes(HEADER.encode() + b'# catatan: \xe9\n')
    for lang, message, hint in (
            ("id", "berkas ini bukan UTF-8 yang sah: byte 0xe9 di posisi 50 (byte lanjutan tidak sah)",
             "berkas ini tampaknya disimpan dalam Windows-1252"),
            ("en", "the file is not valid UTF-8: byte 0xe9 at offset 50 (invalid continuation byte)",
             "the file looks like Windows-1252")):
        with i18n.using(lang):
            [found] = lkjipdsl.load(path).diagnostics
        assert (found.code, found.span.line, found.span.column) == ("E009", 3, 12)
        assert found.message == message and found.hints[0].startswith(hint)


def test_an_internal_error_is_reported_as_a_bug_in_both_languages():
    from lkjipdsl.api import internal_error

    for lang, message, hint in (
            ("id", "galat internal: ValueError: rusak", "ini kesalahan program lkjipdsl, bukan kesalahan di a.lkj"),
            ("en", "internal error: ValueError: rusak", "this is a bug in lkjipdsl, not in a.lkj")):
        with i18n.using(lang):
            found = internal_error(ValueError("rusak"), "a.lkj")
        assert found.code == "E099" and found.message == message and found.hints[0].startswith(hint)


def test_the_system_reasons_for_a_file():
    missing = FileNotFoundError(2, "No such file or directory")
    strange = OSError(1234, "Something unusual")
    with i18n.using("id"):
        assert os_reason(missing) == "berkas atau folder tidak ditemukan"
        assert os_reason(strange) == "Something unusual"  # the system's words when there is no Indonesian text
    with i18n.using("en"):
        assert os_reason(missing) == "No such file or directory"


# ---- where check writes ----

def test_check_writes_its_findings_to_stdout_and_its_notes_to_stderr(tmp_path, misspelt):
    (tmp_path / "kosong").mkdir()
    done = subprocess.run([*COMMAND, "check", str(misspelt), str(tmp_path / "kosong")], capture_output=True,
                          text=True, env={**os.environ, "LKJIPDSL_LANG": "id"})
    assert done.returncode == 2
    assert "galat[E101]" in done.stdout and "laporan.lkj: 1 galat" in done.stdout  # `> hasil.txt` keeps them
    assert done.stderr == f"lkjipdsl check: tidak ada berkas .lkj di {tmp_path / 'kosong'}\n"


def test_several_specs_in_worker_processes_speak_the_language_asked_for(tmp_path, capsys):
    for name, text in (("a.lkj", GOOD), ("b.lkj", MISSPELT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "check", tmp_path, "-j", "2", "--lang", "en", "--lebar", "0")  # LKJIPDSL_LANG is id
    assert status == 1
    assert "a.lkj: 0 error(s)" in out and "b.lkj:7:5: error[E101]" in out and "hint: did you mean" in out
    assert "Roll-up" in out and "Absorption (%)" in out and "90.00" in out
    status, out, err = run(capsys, "check", tmp_path, "-j", "2", "--lebar", "0")
    assert "a.lkj: 0 galat" in out and "b.lkj:7:5: galat[E101]" in out and "petunjuk: mungkin maksud" in out
    assert "Rekapitulasi" in out and "Serapan (%)" in out and "90,00" in out


def test_the_rollup_headings_in_both_languages():
    outcome = batch.Outcome("a.lkj", 0, "", {"file": "a.lkj"})
    assert batch.rollup_table([outcome], "id").headers[:3] == ["Spec", "Instansi", "Anggaran (Rp)"]
    assert batch.rollup_table([outcome], "en").headers[:3] == ["Spec", "Agency", "Budget (Rp)"]


# ---- the command's own messages ----

def test_eval_of_a_spec_with_errors(misspelt, capsys):
    status, out, err = run(capsys, "eval", misspelt)
    assert status == 1 and out == ""
    assert err.splitlines()[-1] == (f"{misspelt}: tidak dihitung karena ada galat di atas "
                                    f"(jalankan 'lkjipdsl check {misspelt}')")
    status, out, err = run(capsys, "eval", misspelt, "--lang", "en")
    assert err.splitlines()[-1] == (f"{misspelt}: not evaluated because of the errors above "
                                    f"(run 'lkjipdsl check {misspelt}')")


def test_explain_of_an_unknown_item(tmp_path, capsys):
    path = tmp_path / "a.lkj"
    path.write_text(GOOD, encoding="utf-8")
    status, out, err = run(capsys, "explain", path, "2")
    assert status == 2 and err == f"lkjipdsl: tidak ada item '2' di {path}; id yang ada: 1, total\n"
    status, out, err = run(capsys, "explain", path, "2", "--lang", "en")
    assert err == f"lkjipdsl: no item '2' in {path}; ids: 1, total\n"


def test_an_output_that_must_not_be_written(tmp_path):
    spec = tmp_path / "a.lkj"
    spec.write_text(GOOD, encoding="utf-8")
    for lang, said in (("id", f"{spec} tidak ditulis: berkas itu sama dengan {spec}, yang dibaca perintah ini; "
                              "pilih berkas keluaran lain"),
                       ("en", f"refusing to write {spec}: it is {spec}, which this command reads; "
                              "choose another output file")):
        with i18n.using(lang), pytest.raises(OutputError) as raised:
            destination(spec, [spec])
        assert str(raised.value) == said
    with i18n.using("id"), pytest.raises(OutputError) as raised:
        destination(tmp_path / "tidak-ada" / "b.md")
    assert str(raised.value) == f"{tmp_path}/tidak-ada/b.md tidak dapat ditulis: folder {tmp_path}/tidak-ada tidak ada"


def test_fmt_summary_in_both_languages(tmp_path, capsys):
    path = tmp_path / "a.lkj"
    path.write_text(HEADER + 'program 1 "P" {   anggaran 1.000.000 }\n', encoding="utf-8")
    status, out, err = run(capsys, "fmt", "--check", path)
    assert status == 1 and err == f"{path} akan dirapikan\n1 dari 1 berkas akan dirapikan\n"
    status, out, err = run(capsys, "fmt", "--check", path, "--lang", "en")
    assert err == f"would reformat {path}\n1 of 1 file(s) would be reformatted\n"


def test_import_refuses_two_destinations(tmp_path, capsys):
    status, out, err = run(capsys, "import", tmp_path / "x.csv", "-o", tmp_path / "a.lkj", "--update",
                           tmp_path / "b.lkj")
    assert status == 2 and err == ("lkjipdsl import: pilih salah satu: -o (spec baru) atau --update "
                                   "(spec yang sudah ada), jangan keduanya\n")


# ---- help and argparse ----

def test_help_is_indonesian_by_default_and_english_on_request(capsys):
    status, out, err = run(capsys, "check", "--help")
    assert status == 0
    assert out.startswith("penggunaan: lkjipdsl check ") and "BERKAS [BERKAS ...]" in out
    assert "\nopsi:\n" in out and "tampilkan bantuan ini lalu keluar" in out and "tampilkan galat saja" in out
    status, out, err = run(capsys, "check", "--help", "--lang", "en")
    assert out.startswith("usage: lkjipdsl check ") and "FILE [FILE ...]" in out
    assert "\noptions:\n" in out and "show this help message and exit" in out and "show errors only" in out


def test_lang_before_the_command_or_after_it(misspelt, capsys):
    status, out, err = run(capsys, "--lang", "en", "check", misspelt)
    assert status == 1 and f"{misspelt}:7:5: error[E101]" in out
    status, out, err = run(capsys, "--lang", "en", "check", misspelt, "--lang", "id")  # the last one said
    assert status == 1 and f"{misspelt}:7:5: galat[E101]" in out
    status, out, err = run(capsys, "--lang=en", "--help")
    assert out.startswith("usage: lkjipdsl ")


def test_argparse_errors_in_both_languages(capsys):
    status, out, err = run(capsys, "chek", "a.lkj")
    assert status == 2
    assert err.splitlines()[-1].startswith("lkjipdsl: galat: argumen PERINTAH: pilihan tidak sah: 'chek' (pilih dari ")
    status, out, err = run(capsys, "check")
    assert err.splitlines()[-1] == "lkjipdsl check: galat: argumen berikut wajib diisi: BERKAS"
    status, out, err = run(capsys, "check", "--lang", "en")
    assert err.splitlines()[-1] == "lkjipdsl check: error: the following arguments are required: FILE"
    status, out, err = run(capsys, "watch", "a.lkj", "--interval", "0")
    assert err.splitlines()[-1] == ("lkjipdsl watch: galat: argumen --interval: "
                                    "'0' bukan jumlah detik antara 0,01 dan 3600")


def test_argparse_keeps_its_own_words_outside_the_command(capsys):
    run(capsys, "check", "--help")
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    with i18n.using("id"):
        assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def _argparse_messages() -> set[str]:
    babel = pytest.importorskip("babel.messages.extract")
    found = set()
    for _, message, _, _ in babel.extract_from_file("python", argparse.__file__,
                                                    keywords={"_": None, "ngettext": (1, 2)}):
        found.update(message if isinstance(message, tuple) else (message,))
    return found


# argparse's messages for a programmer's mistakes in building a parser, never shown to a user
PROGRAMMERS = re.compile(r"conflicting|__call__|cannot merge|'required' is an invalid|invalid option string|"
                         r"dest= is required|conflict_resolution|mutually exclusive arguments must|"
                         r"multiple subparser|is not callable|with mode")


def test_every_argparse_message_a_user_can_meet_has_its_indonesian_text():
    catalogue = i18n.catalogue("id")
    for message in sorted(_argparse_messages()):
        if PROGRAMMERS.search(message):
            continue
        assert message in cli.ARGPARSE_MESSAGES, f"argparse says {message!r}: add it to cli.ARGPARSE_MESSAGES"
    percent = re.compile(r"%(?:\([a-z_]+\))?[sr]")
    for message in cli.ARGPARSE_MESSAGES:
        translated = catalogue[message]
        assert sorted(percent.findall(translated)) == sorted(percent.findall(message)), message
        assert translated.endswith("\n") == message.endswith("\n")


def test_help_texts_survive_argparse_formatting():
    """A help text goes through `%` formatting: an Indonesian text may not bring a stray %."""
    with i18n.using("id"), cli._argparse_speaking():
        parser = cli._parser()
        texts = [parser.format_help()]
        texts += [command.format_help() for command in parser._subparsers._group_actions[0].choices.values()]
    assert all("penggunaan:" in text for text in texts)
