"""Limits: each one, when exceeded, is ONE diagnostic that names the limit, its value and how to
raise it, and hostile inputs (docs/security.md) end with that diagnostic instead of hanging.

Speed is not asserted here (the project times nothing in its tests); HANG_GUARD only catches a
run that does not end. The timings of these inputs (each well under 2 s) are measured by
`python bench/limits.py`."""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import pytest

import lkjipdsl
from lkjipdsl import Limits, cli, i18n

HANG_GUARD = 30  # seconds: a hang, not a measurement
HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'
ROOT = Path(__file__).resolve().parent.parent
BUDGET = 'program 1 "P" { kegiatan 1.1 "K" { subkegiatan 1.1.1 "S" { anggaran 100.000; realisasi 40.000 } } }\n'


def rule(condition: str, scope: str = "subkegiatan") -> str:
    return HEAD + BUDGET + f'aturan r "Aturan" {{\n  untuk {scope}\n  jika {condition}\n  pesan "{{kode}}"\n}}\n'


def squaring_chain(links: int) -> str:
    """Each indikator's rumus squares the one before: 10^(2^k) — exponential in value, and in
    time if values were recomputed instead of taken from the evaluation graph."""
    items = ['  indikator I0 "Awal" { satuan "%"; polaritas maksimal; target 1; realisasi 1.000.000.000 }']
    items += [f'  indikator I{k} "Kuadrat" {{ satuan "%"; rumus I{k - 1}.capaian * I{k - 1}.capaian }}'
              for k in range(1, links + 1)]
    return HEAD + 'sasaran S1 "Sasaran" {\n' + "\n".join(items) + "\n}\n"


def many_subkegiatan(count: int, condition: str) -> str:
    rows = "".join(f'    subkegiatan 1.1.{i} "S{i}" {{ anggaran 100; realisasi {i % 100} }}\n' for i in range(count))
    return (HEAD + 'program 1 "P" {\n  kegiatan 1.1 "K" {\n' + rows + "  }\n}\n"
            + f'aturan r "Aturan" {{ untuk subkegiatan; jika {condition}; pesan "{{kode}}" }}\n')


@pytest.fixture(autouse=True)
def english():
    """The limits' messages are asserted here in English, the language they are written in; their
    Indonesian texts are tested in tests/test_i18n_reading.py."""
    with i18n.using("en"):
        yield


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - started


def only(diagnostics, code: str):
    errors = [d for d in diagnostics if d.code == code]
    assert len(errors) == 1, [(d.code, d.message) for d in diagnostics]
    return errors[0]


def names_the_limit(diagnostic, name: str) -> None:
    message = diagnostic.message
    hints = " ".join(diagnostic.hints)
    value = getattr(Limits(), name)
    assert f"({name})" in message, message
    assert re.search(rf"the limit is {value:,}".replace(",", " "), message), message
    assert f"--limit {name}=" in hints and f"Limits({name}=" in hints, hints


# ---- hostile inputs (docs/security.md): each ends with its diagnostic ----
def test_a_50_mb_one_line_file(tmp_path):
    path = tmp_path / "besar.lkj"
    line = 'instansi "Kecamatan Contoh" ' * (50 * 1024 * 1024 // 28 + 1)
    path.write_text(line, encoding="utf-8")
    loaded, seconds = timed(lkjipdsl.load, path)
    d = only(loaded.diagnostics, "E007")
    names_the_limit(d, "max_file_bytes")
    assert seconds < HANG_GUARD, seconds
    loaded, seconds = timed(lkjipdsl.loads, line, "besar.lkj")  # the same text handed over by a tool
    names_the_limit(only(loaded.diagnostics, "E007"), "max_file_bytes")
    assert seconds < HANG_GUARD, seconds


def test_100000_nested_parentheses_in_a_rule():
    text = rule("(" * 100_000 + "serapan" + ")" * 100_000 + " < 50")
    loaded, seconds = timed(lkjipdsl.loads, text, "kurung.lkj")
    d = only(loaded.diagnostics, "E133")
    assert "100 000 levels of parentheses" in d.message
    names_the_limit(d, "max_expression_depth")
    assert (d.span.line, d.span.column) == (6, 8)  # the expression, after "jika "
    assert seconds < HANG_GUARD, seconds


def test_60000_nested_blocks():
    text = HEAD + 'sasaran S1 "A" {\n' * 60_000 + "}\n" * 60_000
    loaded, seconds = timed(lkjipdsl.loads, text, "blok.lkj")
    d = only(loaded.diagnostics, "E006")
    assert "blocks nested too deeply (60 000 levels)" in d.message
    assert (d.span.line, d.span.column) == (3 + 64, 16)  # the first '{' beyond the limit
    names_the_limit(d, "max_nesting_depth")
    assert seconds < HANG_GUARD, seconds


def test_a_number_with_10000_digits():
    text = HEAD + BUDGET.replace("anggaran 100.000", "anggaran " + "7" * 10_000)
    loaded, seconds = timed(lkjipdsl.loads, text, "angka.lkj")
    d = only(loaded.diagnostics, "E011")
    assert "has 10 000 digits" in d.message and len(d.message) < 200
    names_the_limit(d, "max_number_digits")
    assert seconds < HANG_GUARD, seconds


def test_a_rule_that_would_take_exponential_time(monkeypatch):
    """40 rumus, each squaring the one before: 2^40 evaluations if recomputed, a value of
    10^(9·2^40) digits if computed. The graph evaluates each once; the value stops at E012."""
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    result, seconds = timed(lambda: lkjipdsl.evaluate(lkjipdsl.loads(squaring_chain(40), "kuadrat.lkj")))
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E012"], errors
    assert errors[0].message.startswith("rumus of I4: a value computed here has more than 100 digits")
    names_the_limit(errors[0], "max_value_digits")
    assert result.node("I3").capaian == 10 ** 88 and result.node("I4").capaian is None
    assert seconds < HANG_GUARD, seconds


def balanced(leaves: int) -> str:
    """A sum of `leaves` terms as a balanced tree: 2 × leaves − 1 parts, log2(leaves) levels."""
    if leaves == 1:
        return "serapan"
    half = leaves // 2
    return f"({balanced(half)} + {balanced(leaves - half)})"


def test_evaluation_steps_are_bounded():
    """A 401-part condition over 8 000 sub kegiatan is 3.2 million steps: stopped at one million
    (the whole LKjIP of Kecamatan Seririt takes 1 057)."""
    text = many_subkegiatan(8000, balanced(200) + " > 0")
    loaded = lkjipdsl.loads(text, "langkah.lkj")
    assert loaded.ok, loaded.diagnostics[:3]
    result, seconds = timed(lkjipdsl.evaluate, loaded)
    assert not result.nodes
    d = only(result.diagnostics, "E013")
    assert d.message == "evaluation stopped here, after too many steps; the limit is 1 000 000 (max_evaluation_steps)"
    names_the_limit(d, "max_evaluation_steps")
    assert seconds < HANG_GUARD, seconds
    small = lkjipdsl.loads(many_subkegiatan(300, balanced(200) + " > 0"), "kecil.lkj")  # 120 300 steps
    with pytest.raises(lkjipdsl.SpecError):
        lkjipdsl.evaluate(small, strict=True, limits=Limits(max_evaluation_steps=100_000))
    raised = lkjipdsl.evaluate(small, limits=Limits(max_evaluation_steps=200_000))
    assert raised.nodes and not [d for d in raised.diagnostics if d.code == "E013"]


def test_an_aggregate_over_many_children_counts_its_steps():
    text = many_subkegiatan(3000, "serapan > 0").replace("untuk subkegiatan; jika serapan > 0",
                                                        "untuk kegiatan; jika count(anak.serapan > 10) > 0")
    loaded = lkjipdsl.loads(text, "anak.lkj")
    result = lkjipdsl.evaluate(loaded, limits=Limits(max_evaluation_steps=5000))
    only(result.diagnostics, "E013")
    assert lkjipdsl.evaluate(loaded).nodes


# ---- the other limits ----
def test_too_many_tokens():
    text = HEAD + "catatan " + "kata " * 600_000 + "\n"
    loaded, seconds = timed(lkjipdsl.loads, text, "kata.lkj")
    d = only(loaded.diagnostics, "E010")
    names_the_limit(d, "max_tokens")
    assert seconds < HANG_GUARD, seconds


def test_an_expression_with_too_many_parts():
    loaded = lkjipdsl.loads(rule(" + ".join(["serapan"] * 100_000) + " > 0"), "panjang.lkj")
    d = only(loaded.diagnostics, "E133")
    assert "expression too large (more than 500 parts)" in d.message
    names_the_limit(d, "max_expression_nodes")


def test_an_expression_nested_too_deeply_without_parentheses(monkeypatch):
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    loaded = lkjipdsl.loads(rule(" + ".join(["serapan"] * 100) + " > 0"), "rantai.lkj")
    d = only(loaded.diagnostics, "E133")
    assert "expression nested too deeply: 101 levels" in d.message
    names_the_limit(d, "max_expression_depth")


def test_too_many_errors_stop_reading():
    text = HEAD + "".join(f"kunci{i} 1\n" for i in range(1000))
    loaded, seconds = timed(lkjipdsl.loads, text, "galat.lkj")
    assert sum(d.code == "E101" for d in loaded.diagnostics) == 200
    d = only(loaded.diagnostics, "E014")
    assert d.span.line == 203
    names_the_limit(d, "max_errors")
    assert seconds < HANG_GUARD, seconds


def test_every_limit_can_be_raised():
    assert not lkjipdsl.loads(HEAD + BUDGET.replace("100.000", "1" * 50, 1), "x.lkj",
                              limits=Limits(max_number_digits=60)).diagnostics
    deep = rule("(" * 80 + "serapan" + ")" * 80 + " < 50")
    assert lkjipdsl.loads(deep, "x.lkj", limits=Limits(max_expression_depth=100)).ok
    assert lkjipdsl.loads(HEAD, "x.lkj", limits=Limits(max_tokens=10)).ok
    assert not lkjipdsl.loads(HEAD, "x.lkj", limits=Limits(max_tokens=3)).ok  # instansi "…" tahun 2023: 4 tokens
    assert not lkjipdsl.loads(HEAD, "x.lkj", limits=Limits(max_file_bytes=20)).ok


def test_limits_are_validated_and_parsed():
    with pytest.raises(ValueError, match="positive whole number"):
        Limits(max_file_bytes=0)
    assert Limits.parse(["max_tokens=1_000_000", "nesting_depth=10"]) == Limits(max_tokens=1_000_000,
                                                                                 max_nesting_depth=10)
    with pytest.raises(ValueError, match="did you mean 'max_tokens'"), i18n.using("en"):
        Limits.parse(["max_token=5"])
    with pytest.raises(ValueError, match="whole number"):
        Limits.parse(["max_tokens=many"])
    assert Limits().raised(max_errors=5).max_errors == 5


def test_the_cli_raises_a_limit(tmp_path, capsys):
    path = tmp_path / "angka.lkj"
    path.write_text(HEAD + BUDGET.replace("100.000", "1" * 50, 1), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    assert "--limit max_number_digits=50" in capsys.readouterr().out
    assert cli.main(["check", "--limit", "max_number_digits=50", str(path)]) == 0
    assert cli.main(["eval", "--limit", "max_number_digits=50", str(path), "--format", "csv", "--table", "capaian"]) == 0
    assert cli.main(["check", "--limit", "max_digits=50", str(path), "--lang", "en"]) == 2
    assert "unknown limit 'max_digits=50'" in capsys.readouterr().err


def test_the_cli_reports_an_evaluation_stopped_by_a_limit(tmp_path, capsys):
    path = tmp_path / "langkah.lkj"
    path.write_text(many_subkegiatan(50, "serapan > 0"), encoding="utf-8")
    for command in (["eval"], ["explain"], ["check"]):
        args = [*command, "--limit", "max_evaluation_steps=20", str(path)] + (["1.1"] if command == ["explain"] else [])
        assert cli.main([*args, "--lang", "en"]) == 1
        captured = capsys.readouterr()  # check's findings on stdout, the others' reason on stderr
        said = captured.out + captured.err
        assert "error[E013]: evaluation stopped here, after too many steps; the limit is 20" in said


def test_every_limit_is_documented():
    language = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(Limits):
        assert f"| `{field.name}` |" in language, f"docs/language.md, Limits: {field.name}"
        assert f"| `{field.name}` |" in api, f"docs/api.md, Limits: {field.name}"
        default = f"{field.default:,}".replace(",", " ")
        assert default in language.split(f"| `{field.name}` |")[1].split("\n")[0], field.name


# ---- characters that have no business in a spec ----
def test_control_characters_are_reported_and_read_as_spaces():
    text = HEAD.replace("Contoh", "Con\x1b[2Jtoh") + "tahun\u200b2024\n"
    loaded = lkjipdsl.loads(text, "kendali.lkj")
    found = [(d.code, d.span.line, d.span.column) for d in loaded.diagnostics]
    assert found == [("E015", 1, 24), ("E102", 3, 1), ("E015", 3, 6)]
    assert "U+001B (escape)" in loaded.diagnostics[0].message
    assert "U+200B (zero width space)" in loaded.diagnostics[2].message


def test_a_non_breaking_space_from_word_is_read_as_a_space():
    text = HEAD + BUDGET.replace("anggaran 100.000", "anggaran\u00a0100.000")
    loaded = lkjipdsl.loads(text, "nbsp.lkj")
    [d] = loaded.diagnostics
    assert d.code == "W210" and "non-breaking space" in d.message and loaded.ok
    assert lkjipdsl.evaluate(loaded).node("1.1.1").anggaran == 100_000


def test_old_mac_line_endings_and_line_separators_are_line_breaks():
    text = 'instansi "Kecamatan Contoh"\rtahun 2023\r' + BUDGET.replace("; realisasi", "\u2028realisasi")
    loaded = lkjipdsl.loads(text, "cr.lkj")
    [d] = loaded.diagnostics
    assert d.code == "W211" and (d.span.line, d.span.column) == (1, 28)
    assert d.message.startswith("3 line break(s) in this file are carriage returns without a line feed (old Mac "
                                "line endings) and line separators (U+2028")
    assert loaded.ok and loaded.source.count("\n") == 4  # positions refer to the file as the editor shows it
    assert lkjipdsl.evaluate(loaded).node("1.1.1").realisasi_anggaran == 40_000


def test_utf16_without_a_byte_order_mark():
    [d] = lkjipdsl.loads(HEAD.encode("utf-16-le").decode("latin-1"), "u16.lkj").diagnostics
    assert d.code == "E004" and d.hints == ("the file is UTF-16 (every other byte is 0); save it as UTF-8",)


def test_a_lowered_number_limit_holds_for_short_numbers_too():
    """Numbers of up to 13 characters take a fast path; a max_number_digits lowered below that still applies."""
    text = HEAD + 'program 1 "P" { anggaran 123.456.789 }\n'
    d = only(lkjipdsl.loads(text, "x.lkj", limits=Limits(max_number_digits=6)).diagnostics, "E011")
    assert d.message == "number '123.456.789' has 9 digits; the limit is 6 (max_number_digits)"
    assert (d.span.line, d.span.column) == (3, 26)
    assert not [x for x in lkjipdsl.loads(text, "x.lkj", limits=Limits(max_number_digits=9)).diagnostics
                if x.code == "E011"]
