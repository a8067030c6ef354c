"""Where output may go (docs/security.md S3, S11–S14): never over an input, never through another
user's link in a shared folder, devices and FIFOs written in place, read-only files kept, nothing
half-written left behind; and what the command reads (FIFOs, unreadable folders, odd file names).

Each case asserts the exit status, the message, and that nothing outside the named output changed.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lkjipdsl import Session, cli, i18n
from lkjipdsl.render import output

ROOT = Path(__file__).resolve().parent.parent
SPEC = (ROOT / "examples" / "dua-polaritas.lkj").read_text(encoding="utf-8")
AS_ROOT = os.geteuid() == 0


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under folder: its kind, bytes (for files and link targets) and inode."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else None
        seen[str(path.relative_to(folder))] = (stat.S_IFMT(info.st_mode), content, info.st_ino)
    return seen


@pytest.fixture
def spec(tmp_path):
    path = tmp_path / "laporan.lkj"
    path.write_text(SPEC, encoding="utf-8")
    return path


def run(args, capsys) -> tuple[int, str, str]:
    """The command, in English: what is checked here is what it refuses and why, in the words of
    docs/security.md (tests/test_i18n_cli.py checks the Indonesian texts)."""
    code = cli.main([str(a) for a in args] + ["--lang", "en"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---- S11: the output is never one of the inputs ----
@pytest.mark.parametrize("command", [
    ["eval", "{spec}", "--format", "text", "-o", "{spec}"],
    ["eval", "{spec}", "-o", "{spec}"],
    ["render", "{spec}", "--template", "bab3.md", "-o", "{spec}"],
    ["eval", "{spec}", "--format", "json", "-o", "{link}"],
    ["eval", "{spec}", "--format", "csv", "-o", "{hardlink}"],
    ["render", "{spec}", "--template", "{template}", "-o", "{template}"],
    ["render", "{spec}", "--template", "{template}", "-o", "{template_link}"],
    ["eval", "{folder}", "-o", "{spec}"],
])
def test_s11_the_output_is_never_an_input(tmp_path, spec, capsys, monkeypatch, command):
    (tmp_path / "out.txt").symlink_to(spec)
    os.link(spec, tmp_path / "keras.csv")
    (tmp_path / "t.md").write_text("# {{ spec.instansi }}\n", encoding="utf-8")
    (tmp_path / "t-link.md").symlink_to(tmp_path / "t.md")
    (tmp_path / "lain.lkj").write_text(SPEC, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    names = {"spec": spec, "link": tmp_path / "out.txt", "hardlink": tmp_path / "keras.csv",
             "template": "./t.md", "template_link": "t-link.md", "folder": tmp_path}
    before = snapshot(tmp_path)
    code, out, err = run([part.format(**names) for part in command], capsys)
    assert code == 2
    assert "refusing to write" in err and "which this command reads; choose another output file" in err
    assert snapshot(tmp_path) == before


def test_s11_a_different_file_beside_the_spec_is_written(tmp_path, spec, capsys):
    code, _, _ = run(["eval", spec, "--format", "csv", "--table", "capaian", "-o", tmp_path / "laporan.csv"], capsys)
    assert code == 0 and (tmp_path / "laporan.csv").read_text(encoding="utf-8").count("\n") > 5
    assert spec.read_text(encoding="utf-8") == SPEC


# ---- S12: another user's link in a shared (sticky, world-writable) folder is not followed ----
@pytest.mark.skipif(not AS_ROOT, reason="planting another user's link needs root (chown)")
@pytest.mark.parametrize(("owner", "refused"), [(4242, True), ("self", False), ("folder", False)])
def test_s12_a_planted_link_in_a_sticky_folder(tmp_path, spec, capsys, owner, refused):
    shared = tmp_path / "sticky"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    os.chown(shared, 5151, 5151)
    victim = tmp_path / "victim" / "important.txt"
    victim.parent.mkdir()
    victim.write_text("rahasia\n", encoding="utf-8")
    link = shared / "report.txt"
    link.symlink_to(victim)
    uid = {"self": os.geteuid(), "folder": 5151}.get(owner, owner)
    os.lchown(link, uid, uid)
    before = snapshot(tmp_path)
    code, _, err = run(["eval", spec, "--format", "text", "-o", link], capsys)
    if refused:  # the kernel's protected_symlinks rule, applied by lkjipdsl since os.replace bypasses it
        assert code == 2
        assert "is a symbolic link that belongs to another user (uid 4242) in the shared folder" in err
        assert snapshot(tmp_path) == before
    else:  # a link of one's own (or of the folder's owner): written next to the real target
        assert code == 0, err
        assert link.is_symlink() and os.readlink(link) == str(victim)
        assert "Performance achievement" in victim.read_text(encoding="utf-8")  # the report, in English


@pytest.mark.skipif(not AS_ROOT, reason="planting another user's link needs root (chown)")
def test_s12_a_planted_link_to_a_folder_on_the_way_is_refused_too(tmp_path, spec, capsys):
    shared = tmp_path / "sticky"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (shared / "out").symlink_to(elsewhere)
    os.lchown(shared / "out", 4242, 4242)
    before = snapshot(tmp_path)
    code, _, err = run(["eval", spec, "-o", shared / "out" / "report.txt"], capsys)
    assert code == 2 and "belongs to another user" in err
    assert snapshot(tmp_path) == before


def test_s12_the_rule_itself(tmp_path):
    """Unit: a link in an ordinary folder is followed whoever owns it; a loop of links is an error."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(output.OutputError, match="too many levels of symbolic links"), i18n.using("en"):
        output.destination(tmp_path / "a")
    (tmp_path / "real.txt").write_text("x", encoding="utf-8")
    (tmp_path / "via").symlink_to("real.txt")
    assert output.destination(tmp_path / "via") == output.Destination("file", str(tmp_path / "real.txt"),
                                                                    str(tmp_path / "via"))


# ---- S13: devices and FIFOs are written in place, never replaced ----
def test_s13_dev_null_stays_a_device(spec, capsys):
    code, out, err = run(["eval", spec, "-o", "/dev/null"], capsys)
    assert code == 0 and out == ""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["text", "html", "xlsx", "docx"])
def test_s13_dev_full_says_no_space_left(spec, capsys, fmt):
    pytest.importorskip("openpyxl")
    pytest.importorskip("docx")
    code, _, err = run(["eval", spec, "--format", fmt, "--no-charts", "-o", "/dev/full"], capsys)
    assert code == 2
    assert err.strip().endswith("cannot write /dev/full: no space left on the device")
    assert "Traceback" not in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_s13_a_fifo_nobody_reads_is_refused_not_waited_for(tmp_path, spec, capsys):
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    code, _, err = run(["eval", spec, "-o", fifo], capsys)
    assert code == 2 and "no program is reading from this FIFO" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_s13_a_fifo_with_a_reader_gets_the_output(tmp_path, spec, capsys):
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    received = []
    opened = threading.Event()

    def reader():
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader that is there before the writer
        opened.set()
        os.set_blocking(fd, True)
        chunks = []
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if not chunk:
                if chunks:  # the writer closed its end
                    break
                continue  # no writer yet
            chunks.append(chunk)
        os.close(fd)
        received.append(b"".join(chunks))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    opened.wait(5)
    code, _, err = run(["eval", spec, "--format", "csv", "--table", "capaian", "-o", fifo], capsys)
    thread.join(10)
    assert code == 0, err
    assert b"Indeks kepuasan masyarakat" in received[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.lkj", "pipa"]


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_s13_standard_output(spec, capsys, name):
    code, out, _ = run(["eval", spec, "--format", "csv", "--table", "capaian", "-o", name], capsys)
    assert code == 0 and "Indeks kepuasan masyarakat" in out


def test_s13_a_folder_as_output(tmp_path, spec, capsys):
    code, _, err = run(["eval", spec, "-o", tmp_path], capsys)
    assert code == 2 and "it is a folder; name a file inside it" in err


def test_s13_a_missing_folder(tmp_path, spec, capsys):
    code, _, err = run(["eval", spec, "-o", tmp_path / "tidak-ada" / "x.txt"], capsys)
    assert code == 2 and "does not exist" in err


# ---- S14: read-only files; nothing half-written is left ----
def test_s14_a_read_only_output_is_kept_unless_forced(tmp_path, spec, capsys):
    target = tmp_path / "laporan.txt"
    target.write_text("versi final, ditandatangani\n", encoding="utf-8")
    os.chmod(target, 0o444)
    before = snapshot(tmp_path)
    code, _, err = run(["eval", spec, "-o", target], capsys)
    assert code == 2 and "laporan.txt is read-only" in err and "--force" in err
    assert snapshot(tmp_path) == before
    code, _, err = run(["eval", spec, "-o", target, "--force"], capsys)
    assert code == 0, err
    assert "Performance achievement" in target.read_text(encoding="utf-8")  # the report, in English
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o444  # the mode stays as it was


SLOW_WRITER = r"""
import sys, time
from lkjipdsl import cli
from lkjipdsl.render import formats

def slow(result, fmt, *args, **kwargs):
    def write(file):
        file.write(b"x" * 100000)
        file.flush()
        time.sleep(60)
    return write, []

formats.render = slow
formats.BINARY_FORMATS = set(formats.BINARY_FORMATS) | {"html"}
sys.argv = ["lkjipdsl", "eval", sys.argv[1], "--format", "html", "-o", sys.argv[2]]
cli.main()
"""


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_s14_a_signal_mid_write_leaves_no_temporary_file(tmp_path, spec, signal_name):
    import signal
    import time

    target = tmp_path / "laporan.html"
    target.write_text("versi lama\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(spec), str(target)],
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None, process.stderr.read()
        time.sleep(0.05)
    process.send_signal(getattr(signal, signal_name))
    assert process.wait(30) == 128 + getattr(signal, signal_name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.html", "laporan.lkj"]
    assert target.read_text(encoding="utf-8") == "versi lama\n"


# ---- what the command reads: FIFOs, unreadable folders, file names ----
def test_a_fifo_named_as_the_spec_is_refused_at_once(tmp_path):
    fifo = tmp_path / "spec.lkj"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "lkjipdsl.cli", "check", str(fifo), "--lang", "en"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "error[E008]: cannot read" in done.stderr and "it is a FIFO (named pipe), not a file" in done.stderr


def test_watch_of_a_file_that_became_a_fifo(tmp_path, spec):
    session = Session(str(spec))
    assert session.update_file().nodes
    spec.unlink()
    os.mkfifo(spec)
    result = session.update_file()
    assert [d.code for d in result.diagnostics] == ["E008"]
    assert "FIFO" in result.diagnostics[0].message


def test_an_unreadable_folder_is_said_not_skipped(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.lkj").write_text(SPEC, encoding="utf-8")
    locked = tmp_path / "terkunci"
    locked.mkdir()
    (locked / "b.lkj").write_text(SPEC, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # root reads any folder: refuse this one as the kernel would another user
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(["check", tmp_path], capsys)
    assert code == 2
    assert f"cannot read the folder {locked}: Permission denied" in err
    assert "a.lkj: 0 error(s)" in err + out


def test_eval_of_a_folder_writes_the_roll_up_to_o(tmp_path, capsys):
    for name in ("a", "b"):
        (tmp_path / "specs").mkdir(exist_ok=True)
        (tmp_path / "specs" / f"{name}.lkj").write_text(SPEC, encoding="utf-8")
    target = tmp_path / "rekap.csv"
    code, out, _ = run(["eval", tmp_path / "specs", "-o", target], capsys)
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "a.lkj" in text and "b.lkj" in text


@pytest.mark.parametrize("name", ["dua\nbaris.lkj", "warna\x1b[31mmerah.lkj", "tab\tdi.lkj"])
def test_a_file_name_never_splits_a_line_or_reaches_the_terminal_raw(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text(SPEC.replace("target 95", "targt 95") if "target 95" in SPEC else SPEC + "x\n",
                    encoding="utf-8")
    other = tmp_path / "lain.lkj"
    other.write_text(SPEC, encoding="utf-8")
    code, out, err = run(["check", path, other], capsys)
    text = out + err
    assert "\x1b" not in text and "\t" not in text
    shown = name.replace("\n", "\ufffd").replace("\x1b", "\ufffd").replace("\t", "\ufffd")
    summary = [line for line in text.splitlines() if line.startswith(str(tmp_path / shown) + ": ")]
    assert summary and all("error(s)" in line or "error[" in line for line in summary)


@pytest.mark.parametrize("fmt", ["json", "html", "docx", "text"])
def test_a_file_name_that_is_not_utf8(tmp_path, capsys, fmt):
    pytest.importorskip("docx")
    raw = os.fsencode(tmp_path) + b"/laporan-\xff\xfe.lkj"
    with open(raw, "wb") as handle:
        handle.write(SPEC.encode("utf-8"))
    name = os.fsdecode(raw)  # as sys.argv gives it: the bytes as lone surrogates
    target = tmp_path / f"out.{fmt}"
    code, _, err = run(["eval", name, "--format", fmt, "--no-charts", "-o", target], capsys)
    assert code == 0, err
    if fmt == "json":
        assert "laporan-\ufffd\ufffd.lkj" in target.read_text(encoding="utf-8")


def test_a_spec_over_the_size_limit_is_named_in_a_batch(tmp_path, capsys):
    big = tmp_path / "besar.lkj"
    big.write_text(SPEC + "# " + "x" * 2000 + "\n", encoding="utf-8")
    (tmp_path / "kecil.lkj").write_text(SPEC, encoding="utf-8")
    code, out, err = run(["check", tmp_path, "--limit", "max_file_bytes=1000"], capsys)
    assert code == 2
    assert f"error[E007]: '{big}' is" in err
