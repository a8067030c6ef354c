"""The `lkjipdsl` command as a process: it leaves with os._exit once its output is flushed
(cli.main), so what it wrote and its exit status must come out whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lkjipdsl
from lkjipdsl.render.text import render_json

ROOT = Path(__file__).resolve().parent.parent
SERIRIT = ROOT / "specs" / "seririt-2023.lkj"
COMMAND = [sys.executable, "-c", "import sys; from lkjipdsl.cli import main; sys.exit(main())"]


def test_the_whole_output_and_the_exit_status_come_out():
    done = subprocess.run([*COMMAND, "eval", "--format", "json", str(SERIRIT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == render_json(lkjipdsl.evaluate(lkjipdsl.load(SERIRIT)))  # 1,6 MB, to the last byte
    checked = subprocess.run([*COMMAND, "check", str(SERIRIT), "--lang", "en"], capture_output=True, text=True)
    assert checked.returncode == 1  # 116 printed figures disagree
    assert checked.stdout.rstrip().endswith("116 printed figure(s) that disagree, 21 warning(s) and notes")
    usage = subprocess.run([*COMMAND, "eval", "--lang", "en"], capture_output=True, text=True)
    assert usage.returncode == 2 and "required: FILE" in usage.stderr


def test_a_reader_that_stops_early_gets_no_traceback():
    process = subprocess.Popen([*COMMAND, "eval", "--format", "json", str(SERIRIT)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout.read(100).startswith(b'{\n  "schema_version": "2"')
    process.stdout.close()  # as `| head -c 100` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
