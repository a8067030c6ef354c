"""The command line's help leads with examples (Indonesian by default, English with --lang en),
--limit is one line pointing at the docs, and `lkjipdsl completion bash|zsh|fish` prints a
completion script that knows every command."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from lkjipdsl import cli
from lkjipdsl.cli_help import EXAMPLES


def _help(capsys, *words) -> str:
    assert cli.main([*words, "--help"]) == 0
    return capsys.readouterr().out


def _commands() -> list[str]:
    return list(cli._parser()._subparsers._group_actions[0].choices)


def test_every_command_has_real_examples():
    assert set(EXAMPLES) == {None, *_commands()}
    for command, lines in EXAMPLES.items():
        assert 1 <= len(lines) <= 4
        for line, _meaning in lines:
            assert line.startswith(f"lkjipdsl {command or ''}".rstrip())


@pytest.mark.parametrize("words", [(), ("check",), ("eval",), ("completion",)])
def test_help_leads_with_examples_in_indonesian(capsys, words):
    shown = _help(capsys, *words)
    usage, rest = shown.split("\n\n", 1)
    assert usage.startswith("penggunaan: lkjipdsl")
    assert rest.startswith("contoh:\n  lkjipdsl ")
    first_line, first_meaning = EXAMPLES[words[0] if words else None][0]
    assert f"  {first_line}\n" in rest


def test_help_examples_in_english_on_request(capsys):
    shown = _help(capsys, "check", "--lang", "en")
    assert "\n\nexamples:\n  lkjipdsl check specs/seririt-2023.lkj\n      every error, printed figure that " \
           "disagrees and finding\n" in shown
    shown = _help(capsys, "check")
    assert "\n      semua galat, angka tercetak yang tidak cocok, dan temuan\n" in shown


def test_the_limit_option_is_one_line_pointing_at_the_docs(capsys):
    said = " ".join(_help(capsys, "eval", "--lang", "en").split())
    assert "raise a limit on what a spec may cost (repeatable), e.g. max_file_bytes=20000000; the names and " \
           "defaults: docs/language.md#limits" in said
    assert "max_tokens" not in said and "max_nesting_depth" not in said


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_every_command(capsys, shell):
    assert cli.main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in _commands():
        assert command in script
    assert "--lebar" in script and "--format" in script


def test_the_bash_script_is_valid_bash(capsys, tmp_path):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash on this machine")
    assert cli.main(["completion", "bash"]) == 0
    script = tmp_path / "lkjipdsl.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    done = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # sourced, it registers the completion function for the command
    done = subprocess.run([bash, "-c", f"source {script} && complete -p lkjipdsl"], capture_output=True, text=True)
    assert done.returncode == 0 and "lkjipdsl" in done.stdout, done.stderr


def test_completion_of_an_unknown_shell_is_a_usage_error(capsys):
    assert cli.main(["completion", "powershell"]) == 2
    assert "pilihan tidak sah" in capsys.readouterr().err
