"""Hostile text (docs/security.md, S11–S13): look-alike names, digits of other scripts, characters
that pass a check but cannot be rendered, odd numbers, and wrong argument types of the API.

Every case names the code, the message and the place; and that nothing else is reported (a hostile
case gets its diagnostic, not a cascade, and no value computed from what was not meant)."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lkjipdsl
from lkjipdsl import cli, i18n, limits, numbers, syntax
from lkjipdsl.syntax import characters, scanner
from lkjipdsl.diagnostics import render
from spec_strategies import seeds

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted here in English, the language they are written in (their
    Indonesian texts: tests/test_broken.py's .id.expected files, tests/test_i18n_*.py)."""
    with i18n.using("en"):
        yield


def _indikator(id_: str, realisasi: str = "90") -> str:
    return f'  indikator {id_} "Indikator" {{ satuan "%"; polaritas maksimal; target 100; realisasi {realisasi} }}\n'


def _column(text: str, line: int, piece: str) -> int:
    """The column at which `piece` first stands on `line` of `text` (1-based)."""
    return text.split("\n")[line - 1].index(piece) + 1


def _found(text: str) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of every diagnostic of `loads(text)`."""
    loaded = lkjipdsl.loads(text, "t.lkj")
    for d in loaded.diagnostics:  # each renders, with its caret, without an exception
        render(d, loaded.sources).encode("utf-8")
    return [(d.code, d.span.line, d.span.column, d.message) for d in loaded.diagnostics]


# ---- 1. look-alike names ----
LOOK_ALIKE = (HEAD + 'sasaran S1 "Sasaran" {\n' + _indikator("IKU_a", "90") + _indikator("IKU_\u0430", "50")
              + '}\nringkasan R "Ringkasan" { satuan "%"; rumus IKU_\u0430.capaian }\n')


def test_two_names_that_look_the_same_are_an_error_naming_both():
    assert _found(LOOK_ALIKE) == [
        ("E018", 5, 13, "the name 'IKU_\u0430' looks the same as 'IKU_a' (line 4, column 13) but is another name: it "
                        "has '\u0430' (U+0430 CYRILLIC SMALL LETTER A) where the other has 'a' (U+0061 LATIN SMALL "
                        "LETTER A)")]
    loaded = lkjipdsl.loads(LOOK_ALIKE, "t.lkj")
    [d] = loaded.diagnostics
    assert d.span.end_column - d.span.column == 5  # the whole name is underlined
    assert "type the name again" in d.hints[0]
    assert lkjipdsl.evaluate(loaded).nodes == []  # no capaian computed from the wrong indikator


def test_the_look_alike_is_reported_where_it_stands_whichever_comes_first():
    """The name beyond ASCII is the one to retype, even when it is written before the ASCII one."""
    text = (HEAD + 'sasaran S1 "Sasaran" {\n' + _indikator("\u0405erapan") + '}\n'
            'ringkasan R "Ringkasan" { satuan "%"; rumus Serapan.capaian }\n')
    [(code, line, column, message)] = _found(text)[:1]
    assert (code, line, column) == ("E018", 4, 13)
    column = _column(text, 6, "Serapan")
    assert message.startswith(f"the name '\u0405erapan' looks the same as 'Serapan' (line 6, column {column})")


def test_a_whole_word_in_another_script_that_looks_like_a_latin_one():
    """All-Cyrillic 'ОР' mixes nothing, but looks exactly like the Latin 'OP' elsewhere."""
    text = HEAD + 'sasaran OP "Sasaran" {\n' + _indikator("\u041e\u0420") + "}\n"
    [(code, line, column, message)] = _found(text)
    assert (code, line, column) == ("E018", 4, 13)
    assert "'\u041e\u0420' looks the same as 'OP' (line 3, column 9)" in message


def test_a_name_that_mixes_scripts():
    text = HEAD + 'sasaran S1 "Sasaran" {\n' + _indikator("IKU_\u0430") + "}\n"
    assert _found(text) == [
        ("E017", 4, 13, "the name 'IKU_\u0430' mixes Latin and Cyrillic letters: '\u0430' (U+0430 CYRILLIC SMALL "
                        "LETTER A) is Cyrillic")]


@pytest.mark.parametrize(("name", "mixed"), [
    ("IKU_\u0430", True),   # Latin + Cyrillic
    ("\u0394_serapan", True),   # Greek + Latin
    ("S\u03b91", True),   # Latin + Greek iota
    ("\uac00\u0041", True),   # Hangul + Latin
    ("\u0418\u041a\u0423_2", False),   # all Cyrillic, with a digit and '_'
    ("\u03b1\u03b2\u03b3", False),   # all Greek
    ("\uac00\ub098_1", False),   # all Hangul
    ("\u65e5\u672c\u30ab\u30ca\u3072", False),   # Han + Katakana + Hiragana: one writing system
    ("\u6f22\uc790", False),   # Han + Hangul (Korean)
    ("caf\u00e9", False),   # Latin with an accent
])
def test_which_names_mix_scripts(name, mixed):
    codes = [code for code, *_ in _found(HEAD + 'sasaran S1 "Sasaran" {\n' + _indikator(name) + "}\n")]
    assert codes == (["E017"] if mixed else [])


@pytest.mark.parametrize(("char", "script"), [
    ("a", "LATIN"), ("\u00e9", "LATIN"), ("\u0430", "CYRILLIC"), ("\u0416", "CYRILLIC"), ("\u03b1", "GREEK"),
    ("\u03a9", "GREEK"), ("\uac00", "HANGUL"), ("\u3131", "HANGUL"), ("\u3164", "HANGUL"), ("\uff21", "LATIN"),
    ("_", "COMMON"), ("1", "COMMON"),
])
def test_the_script_of_a_character_from_the_data_and_from_its_name(char, script):
    assert characters.script(char) == script
    assert characters.script_from_name(char) == script


def test_ascii_names_are_not_compared_and_ascii_specs_pay_nothing():
    """`I1` and `l1` have the same skeleton, but ASCII names are left to the font, also in a file
    that has other names beyond ASCII; and neither an ASCII spec nor one whose only non-ASCII
    characters are in texts loads the confusables data."""
    assert characters.skeleton("I1") == characters.skeleton("l1")
    names = _indikator("I1") + _indikator("l1") + _indikator("\u0418\u041a\u0423")
    text = HEAD + 'sasaran S1 "Sasaran" {\n' + names + "}\n"
    assert _found(text) == []
    code = ("import sys, lkjipdsl; "
            "lkjipdsl.evaluate(lkjipdsl.load(sys.argv[1])); "
            "lkjipdsl.loads('instansi \"D\u00e9sa \u0421\u0438\u043d\"\\ntahun 2023  # \u0416\\n'); "
            "sys.exit('loaded' if 'confusable_homoglyphs' in sys.modules else 0)")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "specs" / "seririt-2023.lkj")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_many_hostile_names_give_a_bounded_number_of_diagnostics():
    """Every name checked once (5 000 of them), at most 10 diagnostics listed, the rest counted."""
    body = "".join(_indikator(f"I\u0430{n}") for n in range(5000))
    found = _found(HEAD + 'sasaran S1 "Sasaran" {\n' + body + "}\n")
    assert [code for code, *_ in found] == ["E017"] * 10
    assert found[-1][3].endswith("(and 4990 more such names, not listed)")


# ---- invisible characters, in names and anywhere (E015) ----
@pytest.mark.parametrize("char", ["\u3164", "\u115f", "\u1160", "\uffa0", "\u200c", "\u200d"])
def test_an_invisible_character_inside_a_name(char):
    """`Q` and `Q` + U+3164 look the same: the invisible character is the error. Read as a space,
    it leaves `Q`, which is then the same id as the first (E110): what the reader saw."""
    text = HEAD + 'sasaran S1 "Sasaran" {\n' + _indikator("Q") + _indikator("Q" + char) + "}\n"
    name = unicodedata.name(char).lower()
    assert _found(text) == [("E110", 5, 13, "duplicate id 'Q': indikator here, indikator at line 4"),
                            ("E015", 5, 14, f"the file contains the character U+{ord(char):04X} ({name})")]


INVISIBLE_ANYWHERE = ["\ufeff", "\U000e0001", "\U000e0041", "\U000e007f", "\u206a", "\u206f", "\ufff9", "\ufffb",
                      "\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "\x0c", "\x0b", "\x1b",
                      "\u2065", "\u180e", "\U0001d173"]


@pytest.mark.parametrize("char", INVISIBLE_ANYWHERE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE_ANYWHERE])
def test_invisible_characters_and_noncharacters_anywhere_but_in_comments(char):
    text = HEAD + f'program 1 "Program{char}" {{ anggaran 1.000; realisasi 500 }} # {char}\n'
    unnamed = {"\x0c": "form feed", "\x0b": "vertical tab", "\x1b": "escape", "\u2065": "unassigned character"}
    name = (unicodedata.name(char, "") or unnamed.get(char, "noncharacter")).lower()
    assert _found(text) == [("E015", 3, 19, f"the file contains the character U+{ord(char):04X} ({name})")]
    loaded = lkjipdsl.loads(text, "t.lkj")
    shown = render(loaded.diagnostics[0], loaded.sources)
    assert char not in shown and shown.count("\ufffd") == 2  # the text's and the comment's, on the terminal


def test_a_byte_order_mark_at_the_start_only():
    assert _found("\ufeff" + HEAD) == []
    [(code, line, column, message)] = _found("\ufeff\ufeff" + HEAD)
    assert (code, line, column) == ("E015", 1, 1) and "U+FEFF" in message


def test_what_check_accepts_an_xml_writer_can_write():
    """Every code point that a quoted text may hold is a character of XML 1.0 (docx, xlsx) and
    one that openpyxl accepts: checked for all 1 114 112 code points, against XML's Char rule."""
    openpyxl_cell = pytest.importorskip("openpyxl.cell.cell")
    allowed = []
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char in "\x00\r\n\"\\" or characters.is_invisible_or_control(char):
            continue  # surrogates E009, NUL E004, CR a line break, \n and " end a text, \ escapes
        allowed.append(char)
    text = "".join(allowed)
    xml_char = [c for c in text if not (c == "\t" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"
                                        or c >= "\U00010000")]
    assert xml_char == []
    assert openpyxl_cell.ILLEGAL_CHARACTERS_RE.search(text) is None


@pytest.mark.parametrize("code", [c for c in range(1, 32) if chr(c) not in "\t\n\r"])
def test_every_c0_control_in_a_text_is_an_error(code):
    text = HEAD + f'program 1 "A{chr(code)}B" {{ anggaran 1.000; realisasi 500 }}\n'
    assert [(c, line, column) for c, line, column, _ in _found(text)] == [("E015", 3, 13)]


def test_a_lone_surrogate_is_e009_at_its_place_and_renders():
    text = HEAD + 'program 1 "A\ud800B" { anggaran 1.000; realisasi 500 }\n'
    loaded = lkjipdsl.loads(text, "t.lkj")
    [d] = loaded.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("E009", 3, 13)
    assert d.message == ("the text holds a lone surrogate, U+D800, which is not a character and which no UTF-8 "
                         "file can hold")
    shown = render(d, loaded.sources)
    assert "\ufffd" in shown and shown.encode("utf-8")
    assert lkjipdsl.evaluate(loaded).nodes == []


def test_a_text_with_a_noncharacter_is_refused_by_the_command_line_before_any_output(tmp_path, capsys):
    spec = tmp_path / "nc.lkj"
    spec.write_text(HEAD + 'program 1 "Program\ufffe" { anggaran 1.000; realisasi 500 }\n', encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert cli.main(["check", str(spec), "--lang", "en"]) == 1
    assert "error[E015]: the file contains the character U+FFFE (noncharacter)" in capsys.readouterr().out
    assert cli.main(["eval", str(spec), "-o", str(out), "--lang", "en"]) == 1
    assert not out.exists()
    assert "error[E015]: the file contains the character U+FFFE (noncharacter)" in capsys.readouterr().err


HOSTILE_CHARACTERS = ["\u09ea", "\uff14", "\u0663", "\u00b2", "\u2163", "\u3164", "\u115f", "\u200d", "\ufeff",
                      "\ufffe", "\U000e0041", "\x0c", "\u206a", "\ufdd0", "\U0001ffff"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from([t for t in seeds() if lkjipdsl.loads(t).ok]), st.data())
def test_a_hostile_character_is_never_accepted_silently(text, data):
    """In a spec that was clean, one invisible or control character anywhere outside a comment, or
    one digit of another script outside a comment and a quoted text, makes it refused (E015, E016);
    never an internal error."""
    at = data.draw(st.integers(0, len(text)))
    char = data.draw(st.sampled_from(HOSTILE_CHARACTERS))
    hostile = text[:at] + char + text[at:]
    loaded = lkjipdsl.loads(hostile, "t.lkj")
    codes = {d.code for d in loaded.diagnostics}
    assert "E099" not in codes
    line_start = hostile.rfind("\n", 0, at) + 1
    line = hostile[line_start:hostile.find("\n", at) if "\n" in hostile[at:] else len(hostile)]
    region = next((m.group() for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"?|#.*|//.*', line)
                   if m.start() <= at - line_start < m.end()), "")
    in_comment, in_text = region.startswith(("#", "//")), region.startswith('"')
    byte_order_mark = char == "\ufeff" and at == 0  # at the start of the file it is the encoding's mark, allowed
    if not in_comment and not (in_text and characters.is_number_character(char)) and not byte_order_mark:
        assert not loaded.ok, (char, line)
        assert codes & {"E015", "E016"}, (char, line)


# ---- 2. digits of other scripts (E016) ----
@pytest.mark.parametrize(("value", "first", "width"), [
    ("9\u09ea", 1, 1),   # 9৪: Bengali four, which looks like an 8
    ("1.000.\u09ea00", 6, 1),
    ("\u0661\u0662\u0663", 0, 3),   # Arabic-Indic 123
    ("\uff11\uff12", 0, 2),   # full-width 12
    ("2\u00b2", 1, 1),   # superscript two
    ("\u00bd", 0, 1),   # one half
    ("\u0661.\u0662\u0663\u0664", 0, 5),   # one number, one diagnostic
])
def test_a_digit_of_another_script_is_never_read_as_one(value, first, width):
    text = HEAD + 'sasaran S1 "s" {\n' + _indikator("I1", value) + "}\n"
    char, column = value[first], _column(text, 4, value) + first
    loaded = lkjipdsl.loads(text, "t.lkj")
    [d] = loaded.diagnostics
    assert (d.code, d.span.line, d.span.column, d.span.end_column - d.span.column) == ("E016", 4, column, width)
    assert d.message == f"'{char}' (U+{ord(char):04X} {unicodedata.name(char)}) is not a digit; write 0–9"
    assert lkjipdsl.evaluate(loaded).nodes == []


def test_every_unicode_decimal_digit_but_0_to_9_is_refused():
    """All 680-odd characters of category Nd beyond ASCII, as the last digit of a realisasi."""
    digits = [chr(c) for c in range(0x80, 0x110000) if unicodedata.category(chr(c)) == "Nd"]
    assert len(digits) > 600
    column = _column(HEAD + 'program 1 "P" { anggaran 1.000; realisasi 5X }', 3, "X")
    for char in digits:
        found = _found(HEAD + f"program 1 \"P\" {{ anggaran 1.000; realisasi 5{char} }}\n")
        assert [(code, line, column) for code, line, column, _ in found] == [("E016", 3, column)], hex(ord(char))


def test_numbers_read_anywhere_refuse_other_digits():
    """numbers.py (a printed figure in quotes, an expression), the scanner and Lark, and --limit."""
    for char in ("\u09ea", "\uff14", "\u0664", "\u00b2", "\u2163"):
        with pytest.raises(numbers.NumberError) as caught:
            numbers.parse_number(f"1.000,{char}")
        assert caught.value.code == "E016" and caught.value.offset == 6
        assert f"'{char}' (U+{ord(char):04X}" in str(caught.value)
        with pytest.raises(ValueError, match="written with 0-9"):
            limits.Limits.parse([f"max_tokens=5{char}"])
    with pytest.raises(scanner.Fallback):  # the fast path does not read it; Lark refuses it too
        scanner.scan("realisasi 9\u09ea\n", "t.lkj")
    _, problems = syntax.parse_with_lark("realisasi 9\u09ea\n", "t.lkj")
    assert [p.code for p in problems] == ["E001"]
    printed = HEAD + 'program 1 "P" { anggaran 1.000; realisasi 500\n  tercetak serapan "5\u09ea" }\n'
    [failed] = lkjipdsl.evaluate(lkjipdsl.loads(printed, "t.lkj")).failed_assertions
    assert failed.printed is None and "'\u09ea' (U+09EA BENGALI DIGIT FOUR) is not a digit" in failed.note


def test_a_digit_of_another_script_in_an_expression():
    text = (HEAD + 'sasaran S1 "s" {\n' + _indikator("I1")
            + '}\nringkasan R "r" { satuan "%"; rumus I1.capaian + 9\u09ea }\n')
    assert [(c, line, column) for c, line, column, _ in _found(text)] == [("E016", 6, _column(text, 6, "\u09ea"))]


# ---- 4. numbers ----
def _realisasi(value: str, convention: str = "") -> lkjipdsl.LoadedSpec:
    return lkjipdsl.loads(HEAD + convention + 'sasaran S1 "s" {\n' + _indikator("I1", value) + "}\n", "t.lkj")


@pytest.mark.parametrize(("value", "message", "hint"), [
    ("0.000.001", "malformed number '0.000.001': it starts with '0' followed by more digit groups, which is neither "
                  "a thousands grouping nor a decimal", "0,000001?"),
    ("00.001", "malformed number '00.001': it starts with '00' followed by more digit groups, which is neither a "
               "thousands grouping nor a decimal", "0,001?"),
    ("0.000,5", "malformed number '0.000,5': it starts with '0' followed by more digit groups, which is neither a "
                "thousands grouping nor a decimal", "check the separators"),
    ("1e308", "'1e308' is not a number in a spec: numbers are written in full, without an exponent",
     "write the number in full, with all its digits"),
    ("1e5", "'1e5' is not a number in a spec: numbers are written in full, without an exponent",
     "write the number in full: 100000"),
    ("1E-3", "'1E-3' is not a number in a spec: numbers are written in full, without an exponent",
     "write the number in full: 0,001"),
    ("5,82288E+09", "'5,82288E+09' is not a number in a spec: numbers are written in full, without an exponent",
     "write the number in full: 5822880000"),
    ("0x10", "'0x10' is not a number in a spec: hexadecimal is not written", "write it in decimal digits: 16"),
    ("+5", "'+5' is not a number: a number takes no '+' sign", "write 5"),
    ("--5", "'--5' is not a number: it has more than one sign ('--')", "write -5 for a negative number"),
])
def test_odd_numbers_are_e105_at_the_number(value, message, hint):
    loaded = _realisasi(value)
    [d] = loaded.diagnostics
    column = _column(loaded.source, 4, f"realisasi {value}") + len("realisasi ")
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E105", 4, column, column + len(value))
    assert d.message == message
    assert hint in d.hints[0]


def test_the_hints_follow_the_convention():
    [d] = _realisasi("0.000.001", "angka internasional\n").diagnostics
    assert d.hints[0].endswith("0.000001?")
    [d] = _realisasi("1E-3", "angka internasional\n").diagnostics
    assert d.hints[0] == "write the number in full: 0.001"


@pytest.mark.parametrize(("value", "expected"), [
    ("0,125", "0.125"), ("0.5", "0.5"), ("0,001", "0.001"), ("-3", "-3"), ("1_000", "1000"), ("007", "7"),
    ("1.000.000", "1000000"), ("01,5", "1.5"),
])
def test_the_documented_forms_still_read(value, expected):
    loaded = _realisasi(value)
    assert loaded.diagnostics == []
    assert loaded.spec.sasaran[0].indikator[0].realisasi.value == Decimal(expected)


@pytest.mark.parametrize(("value", "at", "hint"), [
    (".5", 0, "a number starts with a digit: write 0.5"),
    ("5.", 1, "a number does not end with '.'; delete it, or write the decimals after it"),
    ("+ 5", 0, "write the number without a '+' sign"),
])
def test_numbers_that_do_not_start_or_end_with_a_digit(value, at, hint):
    loaded = _realisasi(value)
    [d] = loaded.diagnostics
    column = _column(loaded.source, 4, f"realisasi {value}") + len("realisasi ") + at
    assert (d.code, d.span.line, d.span.column) == ("E001", 4, column)
    assert d.hints == (hint,)


def test_odd_numbers_in_expressions():
    text = (HEAD + 'sasaran S1 "s" {\n' + _indikator("I1")
            + '}\nringkasan R "r" { satuan "%"; rumus I1.capaian * 1e2 }\n')
    [(code, line, column, message)] = _found(text)
    assert (code, line, column) == ("E105", 6, _column(text, 6, "1e2"))
    assert message.startswith("'1e2' is not a number in a spec")


# ---- 5. the API's argument types ----
@pytest.mark.parametrize(("call", "message"), [
    (lambda: lkjipdsl.loads(b"tahun 2023"), "loads() takes the spec's text as str, not bytes; decode it first "
                                            "(data.decode('utf-8')) or use load(path)"),
    (lambda: lkjipdsl.loads(bytearray(b"x")), "loads() takes the spec's text as str, not bytearray; decode it "
                                              "first (data.decode('utf-8')) or use load(path)"),
    (lambda: lkjipdsl.loads(None), "loads() takes the spec's text as str, not NoneType"),
    (lambda: lkjipdsl.loads(HEAD, None), "loads() takes the file name shown in diagnostics as str, not NoneType"),
    (lambda: lkjipdsl.loads(HEAD, limits={"max_tokens": 5}),
     "loads() takes limits as lkjipdsl.Limits, not dict; e.g. limits=lkjipdsl.Limits(max_file_bytes=16_000_000)"),
    (lambda: lkjipdsl.loads(HEAD, only_checks="refs"),
     "loads() takes only_checks as a list of check names (str), not 'refs'"),
    (lambda: lkjipdsl.load(None), "load() takes the path of a .lkj file (str or os.PathLike), not NoneType"),
    (lambda: lkjipdsl.load(42), "load() takes the path of a .lkj file (str or os.PathLike), not int"),
    (lambda: lkjipdsl.evaluate(None), "evaluate() takes what load() or loads() returned (a LoadedSpec), not NoneType"),
    (lambda: lkjipdsl.evaluate(HEAD), "evaluate() takes what load() or loads() returned (a LoadedSpec), not str; "
                                      "load the text first: evaluate(loads(text))"),
    (lambda: lkjipdsl.evaluate(lkjipdsl.loads(HEAD), limits=5),
     "evaluate() takes limits as lkjipdsl.Limits, not int; e.g. limits=lkjipdsl.Limits(max_file_bytes=16_000_000)"),
])
def test_wrong_argument_types_raise_type_error(call, message):
    with pytest.raises(TypeError) as caught:
        call()
    assert str(caught.value) == message


def test_a_path_as_bytes_or_pathlike_is_still_a_path(tmp_path):
    spec = tmp_path / "a.lkj"
    spec.write_text(HEAD, encoding="utf-8")
    assert lkjipdsl.load(spec).ok and lkjipdsl.load(bytes(spec)).ok and lkjipdsl.load(str(spec)).ok
