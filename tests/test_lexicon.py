"""The lexicon (lkjipdsl/syntax/lexicon.py) is the grammar's: every terminal of grammar/lkj.lark
written there character for character, and every terminal named in the parser's messages."""

from __future__ import annotations

import re

from lkjipdsl import syntax
from lkjipdsl.syntax import lark_parser, lexicon


def _grammar() -> str:
    return lark_parser.grammar()


def _definitions() -> dict[str, str]:
    """Terminal name → its definition as the grammar writes it (priority left out)."""
    return dict(re.findall(r"^([A-Z_][A-Z0-9_]*)(?:\.\d+)?: (.*)$", _grammar(), re.M))


def _as_grammar_writes(name: str) -> str:
    """The lexicon's entry for a terminal, spelt as Lark's grammar spells it."""
    if name in lexicon.GRAMMAR_PATTERNS:
        return "/" + lexicon.GRAMMAR_PATTERNS[name].replace("/", "\\/") + "/"
    return " | ".join(f'"{word}"' for word in lexicon.GRAMMAR_WORDS[name])


def test_every_terminal_of_the_grammar_is_the_lexicons_character_for_character():
    definitions = _definitions()
    assert set(definitions) == set(lexicon.GRAMMAR_PATTERNS) | set(lexicon.GRAMMAR_WORDS)
    for name, definition in definitions.items():
        assert definition == _as_grammar_writes(name), name


def test_the_grammar_ignores_what_the_lexicon_calls_blank():
    ignored = re.findall(r"^%ignore (\S+)$", _grammar(), re.M)
    assert sorted(ignored) == ["BLANKS", "COMMENT", "LINE_CONTINUATION"]
    blank = re.compile(lexicon.BLANK)
    assert {chr(code) for code in range(0x10000) if blank.fullmatch(chr(code))} == set(lexicon.BLANK_CHARACTERS)
    assert lexicon.BLANKS == lexicon.BLANK + "+"


def test_the_keywords_are_the_grammars_words():
    words = {word for spelt in lexicon.GRAMMAR_WORDS.values() for word in spelt if word.isalpha()}
    assert words == lexicon.KEYWORDS
    assert set(lexicon.EXPRESSION_KEYS) == set(lexicon.GRAMMAR_WORDS["RUMUS"] + lexicon.GRAMMAR_WORDS["JIKA"])


def test_the_messages_name_every_terminal_the_parser_may_expect():
    """No message depends on Lark's own names for terminals (__ANON_0 …): each has a word."""
    parser = lark_parser.parser()
    expected = {t.name for t in parser.terminals} - set(parser.ignore_tokens)
    assert not [name for name in expected if name.startswith("__")]
    assert expected <= set(lark_parser.TERMINAL_WORDS)


def test_the_operators_spelt_two_ways_are_one_in_the_tree():
    assert set(lexicon.OPERATOR_ALIASES) <= set(lexicon.COMPARISONS + lexicon.MULTIPLICATIONS)
    for parse in (syntax.parse_expression, syntax.parse_expression_with_lark):
        condition = parse("serapan == 1 × 2 ÷ 3", "t.lkj", 1, 1)
        assert (condition.op, condition.right.op, condition.right.left.op) == ("=", "/", "*")


def test_unquote_reads_the_escapes():
    assert lexicon.unquote(r'"a\"b\\c\nd\te\x"') == 'a"b\\c\nd\te\\x'
    assert lexicon.unquote('"plain"') == "plain"
