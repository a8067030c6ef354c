"""The lexicon of .lkj files: the patterns of their tokens, their keywords and operators, and the
characters no spec may hold.

Every reader of the text takes its patterns from here: the scanner (the fast path), exprscan (its
expressions), the lossless tree of `lkjipdsl fmt`, the prescan and the character checks. Lark's
grammar (grammar/lkj.lark) cannot import Python, so it writes the same patterns out, and
tests/test_lexicon.py holds the two equal character for character: `GRAMMAR_PATTERNS` and
`GRAMMAR_WORDS` are the grammar's terminals as this module spells them.
"""

from __future__ import annotations

import re

# ---- token patterns (regular expressions, as the grammar writes them) ----
# An Indonesian or international number, with an optional Rp prefix, ",-" suffix and "%" suffix.
# Whether "1.000" is a thousand or one is decided in lkjipdsl/numbers.py. Only 0-9 are digits (\d
# would take any script's). Signs (+5, --5), an exponent (1e5) and hexadecimal (0x10) are read into
# the token so that numbers.py reports them as one malformed number.
# A ratio as reports print one (`1:17,9`, `1 : 20`) is a NUMBER too, with every ':' part that follows,
# signed or empty (`1:`, `1:2:3`, `1:-5`), so that numbers.py reads it or reports it whole.
NUMBER = (r"(?:Rp\.?[ \t]*)?[-+]*[0-9]+(?:[._,][0-9]+)*(?:[eE][-+]?[0-9]+|[xX][0-9a-fA-F]+)?"
          r"(?:[ \t]*:[ \t]*[-+]*[0-9]*(?:[._,][0-9]+)*)*(?:,-)?(?:[ \t]*%)?")
STRING = r'"(?:[^"\\\n]|\\.)*"'
# A name, or a code that begins with letters and goes on in points and digits (IKU.1.2), as reports
# number their indikator; `IKU1.capaian` stays a name, a point and a name (a field is never digits).
NAME = r"[^\W\d]\w*(?:\.[0-9]+)*"
# `n/a`, `N/A`, `n.a.` where a value stands: "not available" as reports write it, read as '-' with
# W232 (lkjipdsl.build.slips). Only where a value is expected: in an expression `n/a` stays n ÷ a.
NO_VALUE_WORD = r"[nN](?:/[aA]|\.[aA]\.?)(?![\w/.])"
# `@2022` right after a name in an expression: the value of that earlier year (IKU1.realisasi@2022)
AT_YEAR = r"@[0-9]{4}"
# A budget item's code after its kind in an expression (`kegiatan 1.01.serapan`): digits and points
BUDGET_CODE = r"[0-9]+(?:\.[0-9]+)*"
COMMENT = r"#[^\n]*|//[^\n]*"
LINE_BREAK = r"\r?\n"
STATEMENT_END = LINE_BREAK + "|;"
BLANK = r"[ \t\f\r\ufeff]"  # one character the grammar ignores between tokens
BLANKS = BLANK + "+"
BLANK_CHARACTERS = " \t\f\r\ufeff"  # the same characters, for str.strip (whose default keeps the BOM)
LINE_CONTINUATION = r"\\[ \t]*" + LINE_BREAK

# A line of a periode block as most are written (`januari 16.771.750 13.268.837`): a name, two
# figures, the line's end. Where it matches, the scanner's line of numbers (NAME, NUMBER …)
# matches the same line with the same groups. Its figures are those lkjipdsl.numbers.quick_read
# reads as their own writing (PLAIN or DOTS) in at most 13 characters: digits without a leading
# zero, or thousands grouped by points (in `angka internasional` one point is a decimal point,
# which the builder leaves to the full rule). No group captures: only whole bodies are matched.
# A figure and a row are atomic, and the scanner repeats rows possessively: no text matches one
# in two ways, and nothing is tried again when a body turns out not to be rows (a pattern that
# could split a run of digits two ways took exponential time over a few rows).
PLAIN_FIGURE = (r"(?>(?:0|[1-9][0-9]{0,12}|[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,2}|[1-9]\.[0-9]{3}\.[0-9]{3}\.[0-9]{3})"
                r"(?![0-9.]))")
PERIOD_ROW = rf"(?>[ \t]*[^\W\d]\w*[ \t]+{PLAIN_FIGURE}[ \t]+{PLAIN_FIGURE}[ \t]*\n)"

# A quoted text, closed or not, or a comment: what the readers of broken text skip over (the braces
# and words inside do not count). The text's closing quote is optional: a prescan reads any file.
STRING_OR_COMMENT = STRING + "?|" + COMMENT

# ---- keywords and operators (literal words) ----
RUMUS, JIKA = "rumus", "jika"
EXPRESSION_KEYS = (RUMUS, JIKA)  # the keys whose value is an expression, not a list of values
OR_WORDS = ("atau", "or")
AND_WORDS = ("dan", "and")
NOT_WORDS = ("tidak", "not")
# Words that are never a name inside an expression.
KEYWORDS = frozenset(EXPRESSION_KEYS + OR_WORDS + AND_WORDS + NOT_WORDS)
COMPARISONS = (">=", "<=", "==", "!=", ">", "<", "=")
ADDITION = "+"
MINUS = "-"  # subtraction, negation, and a value of its own ("no figure") after a key
MULTIPLICATIONS = ("*", "/", "×", "÷")
RANGE = ".."
# Spellings of one operator: the trees keep only the first.
OPERATOR_ALIASES = {"==": "=", "×": "*", "÷": "/"}


def alternatives(words) -> str:
    """A pattern matching any of the words, tried in the order given."""
    return "|".join(re.escape(word) for word in words)


# ---- what a STRING token means ----
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def unquote(literal: str) -> str:
    """The text a STRING token stands for: without its quotes, its escapes read."""
    body = literal[1:-1]
    if "\\" not in body:
        return body
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), body)


# ---- the grammar's terminals, as this module spells them (tests/test_lexicon.py) ----
GRAMMAR_PATTERNS = {
    "NUMBER": NUMBER, "STRING": STRING, "NAME": NAME, "COMMENT": COMMENT, "_NL": STATEMENT_END,
    "BLANKS": BLANKS, "LINE_CONTINUATION": LINE_CONTINUATION, "AT_YEAR": AT_YEAR,
    "BUDGET_CODE": BUDGET_CODE, "NO_VALUE_WORD": NO_VALUE_WORD,
}
GRAMMAR_WORDS = {
    "RUMUS": (RUMUS,), "JIKA": (JIKA,),
    "OR": OR_WORDS[:1], "OR_ENGLISH": OR_WORDS[1:], "AND": AND_WORDS[:1], "AND_ENGLISH": AND_WORDS[1:],
    "NOT": NOT_WORDS[:1], "NOT_ENGLISH": NOT_WORDS[1:],
    "COMP_OP": COMPARISONS, "ADD_OP": (ADDITION,), "MINUS": (MINUS,), "MUL_OP": MULTIPLICATIONS,
    "RANGE": (RANGE,), "LBRACE": ("{",), "RBRACE": ("}",), "LPAR": ("(",), "RPAR": (")",), "COMMA": (",",),
    "DOT": (".",),
}

# ---- characters no spec may hold (lkjipdsl.syntax.characters, E015) ----
# The body of a character class: C0 controls except tab, line feed and carriage return (NUL has its
# own code, E004; a carriage return without a line feed is read as a line break), DEL and C1
# controls; invisible characters: soft hyphen, the Arabic letter mark, the Hangul fillers (letters
# that show nothing, so `Q` and `Q` + U+3164 are two names that look alike), the Khmer inherent
# vowels, the Mongolian vowel separator, zero-width spaces and joiners, text-direction controls,
# invisible operators and deprecated format controls (U+2060–U+206F), a byte order mark after the
# start, interlinear annotation controls; and the noncharacters U+FDD0–U+FDEF, U+FFFE and U+FFFF,
# which no spreadsheet or document can hold.
INVISIBLE_OR_CONTROL_BMP = (
    "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff")
INVISIBLE_OR_CONTROL_ASCII = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f"  # the part of it ASCII text can hold
# The same exactly, for short texts (a line shown under a diagnostic): with the shorthand and
# musical format controls, the tag characters and the noncharacters beyond U+FFFF.
INVISIBLE_OR_CONTROL = (INVISIBLE_OR_CONTROL_BMP + "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
                        + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF)
                                  for plane in range(0x10000, 0x110000, 0x10000)))
