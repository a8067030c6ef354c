"""The threat model of docs/security.md, point by point (S1–S10)."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import cli, diagnostics, i18n
from lkjipdsl.syntax import lark_parser

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'
GOOD = (ROOT / "examples" / "aturan-serapan.lkj").read_text(encoding="utf-8")

# A spec written to do harm: Python and Jinja payloads in every place a text or a name can stand,
# paths, an include, attribute access in placeholders, and a terminal escape sequence.
HOSTILE = HEAD + r'''
include "/etc/passwd"
sumber "../../../../etc/shadow" { angka indonesia }
program 1 "{{ cycler.__init__.__globals__.os.popen('id').read() }}" { anggaran 1.000; realisasi 500 }
program 2 "__import__('os').system('touch pwned')" { anggaran 1.000; realisasi 500 }
aturan r "Aturan" { untuk program; jika __import__("os") < 1 dan open("/etc/passwd") > 0
  pesan "{__class__} {nama.__class__.__mro__}" }
aturan s "Aturan" { untuk program; jika serapan < 60; pesan "{nama} {{7*7}} %s %(x)s {0}" }
ringkasan R "x" { satuan "%"; rumus exec("import os") }
'''

WATCHED = ("open", "exec", "compile", "import", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
           "subprocess.Popen", "os.remove", "os.unlink", "os.rename", "os.replace", "os.rmdir", "os.mkdir",
           "os.chmod", "shutil.rmtree", "shutil.copyfile", "socket.connect", "socket.bind", "urllib.Request",
           "ctypes.dlopen", "pickle.find_class", "marshal.loads", "os.listdir", "os.scandir", "glob.glob")
_events: list[tuple[str, tuple]] | None = None


def _hook(event: str, args: tuple) -> None:
    if _events is not None and event.startswith(WATCHED):
        _events.append((event, args))


sys.addaudithook(_hook)  # audit hooks cannot be removed: this one records only inside `watching`


class watching:
    """Record the audited actions (sys.audit events) of the code in the with block."""

    def __enter__(self):
        global _events
        _events = []
        return _events

    def __exit__(self, *exc):
        global _events
        _events = None


def _everything(loaded) -> None:
    from lkjipdsl.explain import explain
    from lkjipdsl.render.tables import tables
    from lkjipdsl.render.text import render_json, render_tables

    result = lkjipdsl.evaluate(loaded)
    for d in loaded.diagnostics:
        diagnostics.render(d, loaded.sources)
    if result.nodes:
        render_tables(tables(result, None, "id"), "text")
        render_json(result)
        for node in result.nodes:
            explain(result, node.id)


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Load a good spec once, so that lazy imports and the grammar cache are behind us."""
    _everything(lkjipdsl.loads(GOOD, "warm.lkj"))
    _everything(lkjipdsl.loads(HOSTILE, "warm.lkj"))


# ---- S1: a spec cannot execute code or import modules ----
RECORD_INIT = str(Path("lkjipdsl", "records.py")) + ":"
PATTERN_ENGINE = str(Path("lkjipdsl", "patterns.py")) + ":"


def test_s1_the_sources_contain_no_dynamic_code():
    """No eval, exec, compile, pickle, marshal, subprocess, os.system or dynamic import in lkjipdsl
    (read token by token, so that docstrings and comments do not count)."""
    import io
    import tokenize

    forbidden_calls = {"eval", "exec", "compile", "import_module", "system", "popen", "spawnv", "execv"}
    forbidden_names = {"pickle", "marshal", "subprocess", "ctypes"}
    for path in (ROOT / "lkjipdsl").rglob("*.py"):
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
                  if t.type in (tokenize.NAME, tokenize.OP, tokenize.STRING)]
        for index, token in enumerate(tokens):
            where = f"{path.relative_to(ROOT)}:{token.start[0]}"
            after = tokens[index + 1].string if index + 1 < len(tokens) else ""
            before = tokens[index - 1].string if index else ""
            if token.type == tokenize.NAME and token.string in forbidden_calls and after == "(":
                if where.startswith(RECORD_INIT) and token.string == "exec":
                    # a record's __init__, made at import from its field names as dataclasses makes it
                    assert tokens[index + 2].string == "source" and tokens[index + 4].string == "scope", where
                    continue
                if where.startswith(PATTERN_ENGINE) and token.string == "compile" and tokens[index - 2].string == "_sre":
                    # the regular-expression engine's compile of a program compiled ahead (no Python code)
                    assert before == ".", where
                    continue
                # re.compile is fine; anything else called eval/exec/compile/system/popen is not
                assert before == "." and tokens[index - 2].string == "re", f"{where}: {token.string}("
            assert not (token.type == tokenize.NAME and token.string in forbidden_names), f"{where}: {token.string}"
            if token.string == "__import__":  # only literal lkjipdsl modules
                assert tokens[index + 2].string.strip("\"'").startswith("lkjipdsl"), where


def test_s1_a_hostile_spec_runs_nothing():
    with watching() as events:
        loaded = lkjipdsl.loads(HOSTILE, "jahat.lkj")
        _everything(loaded)
    assert events == [], events
    codes = sorted({d.code for d in loaded.diagnostics})
    assert codes == ["E101", "E132", "E134"], codes  # include, unknown functions, placeholders


def test_s1_rule_messages_are_filled_by_name_only():
    """A pesan is filled by {name} lookup: no str.format, so {0}, %s and {{7*7}} stay as written."""
    from lkjipdsl.messages import fill

    assert fill("{nama} %s %(x)s {0}", {"nama": "A"}) == "A %s %(x)s -"
    assert fill("{nama.__class__}", {"nama": "A"}) == "-"
    assert "49" not in fill("{{7*7}}", {})


# ---- S2: a spec cannot read or write files ----
def test_s2_loads_opens_no_file_and_load_opens_only_the_spec(tmp_path):
    path = tmp_path / "jahat.lkj"
    path.write_text(HOSTILE, encoding="utf-8")
    with watching() as events:
        lkjipdsl.loads(HOSTILE, "jahat.lkj")
    assert [e for e in events if e[0] == "open"] == []
    with watching() as events:
        _everything(lkjipdsl.load(path))
    opened = [(str(args[0]), _writes(args)) for event, args in events if event == "open"]
    assert opened == [(str(path), False)], opened


def _writes(args) -> bool:
    """An 'open' audit event (path, mode, flags) that can write."""
    mode, flags = args[1], args[2]
    if mode is not None:
        return any(c in mode for c in "wax+")
    return bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC))


def test_s2_paths_in_a_spec_are_only_text(tmp_path):
    """There are no includes: `include` is an unknown key, a path in a text is a text."""
    with i18n.using("en"):
        loaded = lkjipdsl.loads(HEAD + 'include "../rahasia.lkj"\nsumber "/etc/passwd" { angka indonesia }\n', "x.lkj")
    [d] = loaded.diagnostics
    assert d.code == "E101" and "unknown key 'include'" in d.message


# ---- S3: output goes only where the user names it, atomically ----
HAS_OUTPUT = importlib.util.find_spec("lkjipdsl.render.output") is not None


@pytest.mark.skipif(not HAS_OUTPUT, reason="lkjipdsl.render.output is not there yet")
def test_s3_an_output_file_is_written_atomically_and_nothing_else(tmp_path):
    from lkjipdsl.render.output import atomic_write

    target = tmp_path / "laporan.csv"
    target.write_text("versi lama\n", encoding="utf-8")
    with watching() as events, atomic_write(target) as file:
        file.write(b"versi baru\n")
        assert target.read_text(encoding="utf-8") == "versi lama\n"  # untouched until the end
    assert target.read_text(encoding="utf-8") == "versi baru\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.csv"]  # no temporary file left
    written = {args[0] for event, args in events if event == "open" and _writes(args)}
    written |= {args[1] for event, args in events if event in ("os.replace", "os.rename")}
    for name in written:  # the target, its temporary file beside it, or a descriptor of that file
        assert isinstance(name, int) or str(name) == str(target) or re.fullmatch(
            re.escape(str(tmp_path)) + r"/\.laporan\.csv\.\w+\.tmp", str(name)), name


@pytest.mark.skipif(not HAS_OUTPUT, reason="lkjipdsl.render.output is not there yet")
def test_s3_a_failed_write_leaves_the_existing_output_untouched(tmp_path):
    from lkjipdsl.render.output import atomic_write

    target = tmp_path / "laporan.html"
    target.write_text("versi lama\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as file:
        file.write(b"setengah")
        raise RuntimeError("a renderer fails half-way")
    assert target.read_text(encoding="utf-8") == "versi lama\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.html"]


def test_s3_a_failed_run_leaves_existing_outputs_untouched(tmp_path, monkeypatch, capsys):
    """`eval -o` of a spec with errors, or to a format that cannot be written, keeps the old file."""
    spec = tmp_path / "rusak.lkj"
    spec.write_text(HEAD + "targt 95\n", encoding="utf-8")
    target = tmp_path / "laporan.csv"
    target.write_text("versi lama\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["eval", str(spec), "--format", "csv"]
    if "-o" in _eval_options() or "--output" in _eval_options():
        args += ["-o", str(target)]
    assert cli.main(args) == 1
    capsys.readouterr()
    assert target.read_text(encoding="utf-8") == "versi lama\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.csv", "rusak.lkj"]


def _eval_options() -> set[str]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return {o for action in sub.choices["eval"]._actions for o in action.option_strings}


# ---- S4: the spec is never modified ----
def test_s4_check_eval_and_explain_leave_the_spec_untouched(tmp_path, capsys):
    path = tmp_path / "contoh.lkj"
    path.write_bytes(GOOD.encode("utf-8"))
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    with watching() as events:
        cli.main(["check", str(path)])
        cli.main(["eval", str(path), "--format", "json"])
        cli.main(["explain", str(path), "1.1"])
    capsys.readouterr()
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    writes = {_writes(args) for event, args in events if event == "open" and str(args[0]) == str(path)}
    assert writes == {False}, writes


# ---- S6: nothing reaches the terminal as a control sequence ----
def test_s6_control_characters_never_reach_the_terminal(tmp_path, capsys):
    path = tmp_path / "escape.lkj"
    path.write_text(HEAD.replace("Contoh", "Contoh\x1b]0;judul\x07\x1b[2J") + "targt\x1b[31m 95\n", encoding="utf-8")
    assert cli.main(["check", str(path), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert "\x1b" not in said and "\x07" not in said
    assert "error[E015]: the file contains the character U+001B (escape)" in captured.out
    assert diagnostics.safe("a\x1b[2Jb\u202ec") == "a\ufffd[2Jb\ufffdc"


def test_s6_html_output_escapes_the_texts_of_the_spec():
    from lkjipdsl.render import formats

    text = ('instansi "<script>alert(1)</script>"\ntahun 2023\nsasaran S1 "<img src=x onerror=alert(1)>" {\n'
            '  indikator I1 "a&b<" { satuan "<b>"; polaritas maksimal; target 1; realisasi 1 }\n}\n'
            'program 1 "</td><script>" { anggaran 1; realisasi 1 }\n'
            'aturan r "x" { untuk program; jika serapan > 0; pesan "<script>{nama}</script>" }\n')
    html, _ = formats.render(lkjipdsl.evaluate(lkjipdsl.loads(text, "x.lkj")), "html", None, "id", None, False)
    assert not re.search(r"<script|<img|<b>|</td><script", html.replace("<script type", "")), "unescaped"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# ---- S7: no code from a planted grammar cache ----
def test_s7_no_grammar_cache_is_read_or_written(tmp_path, monkeypatch):
    """Lark's cache is a pickle: one planted by another user in a cache directory would run their
    code. lkjipdsl keeps no cache on disk: a planted one is never opened, and none is written."""
    import pickle

    for folder in (tmp_path / "xdg" / "lkjipdsl", tmp_path / "home" / ".cache" / "lkjipdsl"):
        folder.mkdir(parents=True)
        (folder / "grammar.lark.cache").write_bytes(pickle.dumps(("planted", 1)))
        (folder / "lark.cache").write_bytes(b"planted")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    lark_parser.parser.cache_clear()
    try:
        with watching() as events:
            loaded = lkjipdsl.loads(HEAD + "targt 95 {\n", "rusak.lkj")  # a syntax error: the full parser runs
    finally:
        lark_parser.parser.cache_clear()
    assert any(d.code.startswith("E00") for d in loaded.diagnostics)
    touched = [args for event, args in events if event == "pickle.find_class"
               or event in ("open", "os.mkdir") and str(args[0]).startswith(str(tmp_path))]
    assert touched == [], touched
    assert sorted(p.name for p in (tmp_path / "tmp").iterdir()) == []


# ---- S8: a file in the wrong encoding: a diagnostic, never mojibake ----
@pytest.mark.parametrize(("encoding", "byte", "hint"), [
    ("cp1252", "0x93", "Windows-1252"), ("latin-1", "0xe9", "Windows-1252"), ("utf-16", "0xff", "UTF-16"),
    ("utf-32", "0xff", "UTF-32")])
def test_s8_a_file_in_another_encoding(tmp_path, encoding, byte, hint):
    path = tmp_path / "lama.lkj"
    text = HEAD.replace("Contoh", "Contoh “Sejahtera”" if encoding == "cp1252" else "Contoh é")
    path.write_bytes(text.encode(encoding))
    with i18n.using("en"):
        loaded = lkjipdsl.load(path)
    [d] = loaded.diagnostics
    assert d.code == "E009" and f"byte {byte} at offset" in d.message and hint in d.hints[0]
    result = lkjipdsl.evaluate(loaded)
    assert not result.nodes and result.spec.instansi is None  # no text read with the wrong encoding


# ---- S9: templates run in the sandbox ----
HAS_TEMPLATES = importlib.util.find_spec("lkjipdsl.render.templating") is not None


@pytest.mark.skipif(not HAS_TEMPLATES, reason="lkjipdsl.render.templating is not there yet")
@pytest.mark.parametrize(("template", "code"), [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "T004"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "T00"),
    ("{{ result.__class__.__init__.__globals__['sys'].modules['os'].system('id') }}", "T00"),
    ("{% include '../rahasia.txt' %}", "T001"),
    ("{% include '/etc/passwd' %}", "T001"),
    ("{{ 'x' * 100000000 }}", "T00"),
    ("{{ 10 ** 100000 }}", "T00"),
])
def test_s9_a_template_cannot_escape_its_sandbox(tmp_path, template, code):
    from lkjipdsl.render.templating import TemplateProblem, render_template

    (tmp_path / "rahasia.txt").write_text("RAHASIA", encoding="utf-8")
    folder = tmp_path / "templat"
    folder.mkdir()
    path = folder / "jahat.md"
    path.write_text(template, encoding="utf-8")
    result = lkjipdsl.evaluate(lkjipdsl.loads(GOOD, "contoh.lkj"))
    with watching() as events, pytest.raises(TemplateProblem) as info:
        render_template(result, str(path))
    assert info.value.diagnostic.code.startswith(code), info.value.diagnostic
    assert not [e for e in events if e[0] in ("os.system", "subprocess.Popen", "os.posix_spawn")]
    assert not [e for e in events if e[0] == "open" and "rahasia" in str(e[1][0])]


@pytest.mark.skipif(not HAS_TEMPLATES, reason="lkjipdsl.render.templating is not there yet")
def test_s9_a_symlink_cannot_lead_a_template_out_of_its_folder(tmp_path):
    from lkjipdsl.render.templating import TemplateProblem, render_template

    (tmp_path / "rahasia.txt").write_text("RAHASIA", encoding="utf-8")
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "tautan.txt").symlink_to(tmp_path / "rahasia.txt")
    (folder / "jahat.md").write_text("{% include 'tautan.txt' %}", encoding="utf-8")
    result = lkjipdsl.evaluate(lkjipdsl.loads(GOOD, "contoh.lkj"))
    try:
        shown = render_template(result, str(folder / "jahat.md"))
    except TemplateProblem:
        return
    assert "RAHASIA" not in shown, "a symlink inside the template folder reads a file outside it"


# ---- S10: failures are diagnostics, not tracebacks ----
def test_s10_an_internal_error_is_a_diagnostic(monkeypatch):
    from lkjipdsl import checks

    def broken(spec):
        raise KeyError("bug")

    monkeypatch.setitem(checks.CHECKS, "ids", broken)
    with i18n.using("en"):
        [d] = lkjipdsl.loads(HEAD, "x.lkj").diagnostics
    assert d.code == "E099" and "internal error in test_security.py" in d.message and "KeyError" in d.message
    assert "this is a bug in lkjipdsl" in d.hints[0]


def test_s10_the_cli_turns_a_crash_into_one_line(tmp_path, monkeypatch, capsys):
    path = tmp_path / "contoh.lkj"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(cli.api, "evaluate", lambda *a, **k: 1 / 0)
    assert cli.main(["eval", str(path), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError" in err and "Traceback" not in err
