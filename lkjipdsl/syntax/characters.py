"""The characters a spec may hold, and what its names may look like (docs/language.md, "Characters").

A spec is read by people and by lkjipdsl, and what the one sees must be what the other reads:
- controls, invisible characters and noncharacters are errors (E015) wherever they stand outside
  comments (`is_invisible_or_control`; lkjipdsl.syntax.prescan looks for them, and the diagnostic
  renderer shows any that reach it as U+FFFD);
- only 0–9 are digits: any other character that Unicode counts as a number (৪, ٣, ０, ², ½) is
  an error (E016) outside quoted texts and comments, and in a number read from a quoted text;
- a name may not mix scripts (E017: `IKU_а` with a Cyrillic а), and two names that look the same
  (the same Unicode TR39 skeleton) must be the same name (E018).
A lone surrogate (a str that no UTF-8 file can hold) is E009, as the bytes would be in a file.

Text that is all ASCII needs none of this but the control characters: `check_code` runs only for
other text, and Unicode's confusables data (the confusable_homoglyphs package) is loaded only when
a name holds a character beyond ASCII.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import unicodedata

from ..diagnostics import Diagnostic, Span, error
from ..i18n import N_, _
from .lexicon import INVISIBLE_OR_CONTROL_BMP, NAME, STRING_OR_COMMENT
from ..patterns import deferred
from ..patterns import compiled

_INVISIBLE_OR_CONTROL_BMP = deferred(f"[{INVISIBLE_OR_CONTROL_BMP}]")
_BEYOND_BMP = deferred("[\U00010000-\U0010ffff]")


def is_invisible_or_control(char: str) -> bool:
    """Whether the character is an error (E015) wherever it stands outside a comment."""
    if char <= "\uffff":
        return _INVISIBLE_OR_CONTROL_BMP.match(char) is not None
    code = ord(char)
    return (0x1BCA0 <= code <= 0x1BCA3 or 0x1D173 <= code <= 0x1D17A or 0xE0000 <= code <= 0xE007F
            or code & 0xFFFE == 0xFFFE)


_SURROGATE = deferred("[\ud800-\udfff]")
_NOT_ASCII = compiled(r"[^\x00-\x7f]")  # one at a time: with '+', Python's regex took three times as long
_STRING_OR_COMMENT = compiled(STRING_OR_COMMENT)
# the names of a text as the grammar reads them (NAME); a quoted text or a comment, whose words are
# not names, is matched as a whole and leaves the group empty
_NAMES_IN_CODE = deferred(f"{STRING_OR_COMMENT}|(?P<name>{NAME})")
MAX_LISTED = 10  # diagnostics of one kind, as for E015

# Scripts whose letters may share a name (TR39's single-script rule with its augmented CJK sets).
_COMMON = frozenset({"COMMON", "INHERITED"})
_WRITING_SYSTEMS = (frozenset({"HAN", "HIRAGANA", "KATAKANA"}), frozenset({"HAN", "BOPOMOFO"}),
                    frozenset({"HAN", "HANGUL"}))


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both 1-based, of an offset in text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def describe(char: str) -> str:
    """A character as the messages name it: U+09EA BENGALI DIGIT FOUR."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '') or unnamed_kind(char)}".rstrip()


def unnamed_kind(char: str) -> str:
    """What a character without a Unicode name is: a noncharacter, a control character …"""
    code = ord(char)
    if is_noncharacter(char):
        return _("noncharacter")
    if 0xD800 <= code <= 0xDFFF:
        return _("lone surrogate")
    return _(_UNNAMED_KINDS.get(unicodedata.category(char), ""))


_UNNAMED_KINDS = {"Cc": N_("control character"), "Cn": N_("unassigned character"), "Co": N_("private use character")}


def is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def why_not(char: str) -> str:
    """E015's hint for a character that `is_invisible_or_control`."""
    if is_noncharacter(char):
        return _("delete it: {code} is not text but a noncharacter, which spreadsheets and documents cannot hold; "
                 "it is often left by a program that wrote the file").format(code=f"U+{ord(char):04X}")
    if char == "\ufeff":
        return _("delete it: a byte order mark belongs only at the very start of the file; one further on is "
                 "usually left from pasting one file into another")
    if unicodedata.category(char) == "Lo":  # the Hangul fillers
        return _("delete it: it is a letter that shows nothing, so a name holding it looks like another name "
                 "but is not the same")
    return _("delete it: it is invisible or a control character, often picked up when copying from a PDF, a "
             "terminal or a web page, or a sign that the file was saved in another encoding")


# str.encode("utf-16-le")'s encoder itself: through the codec registry, its first use imports
# encodings.utf_16_le (0,2 ms of every start of a command on a text beyond ASCII)
_utf_16 = codecs.utf_16_le_encode


def invisible_beyond_bmp(text: str) -> list[tuple[int, str]]:
    """(offset, character) of the shorthand and musical format controls, tag characters and
    noncharacters beyond U+FFFF. They are looked for apart from the others, and only in a text that
    has characters beyond U+FFFF at all (its UTF-16 form is then longer than two bytes a character):
    a class listing their ranges made the search for the others several times slower, as Python's
    regex tests a character against each such range in turn."""
    if len(_utf_16(text, "surrogatepass")[0]) == 2 * len(text):
        return []
    return [(m.start(), m.group()) for m in _BEYOND_BMP.finditer(text) if is_invisible_or_control(m.group())]


# ---- lone surrogates (E009) ----
def lone_surrogate(text: str, file: str) -> tuple[str, Diagnostic] | None:
    """For a str holding a lone surrogate (half of a UTF-16 pair, or a byte that `surrogateescape`
    kept): the text with each one shown as U+FFFD, for the caret, and one E009 at the first."""
    try:
        _utf_16(text)  # (strict: ten times faster than a regex that looks for them)
        return None
    except UnicodeEncodeError as exc:
        offset = exc.start
    line, column = position(text, offset)
    shown = _SURROGATE.sub("\ufffd", text)
    return shown, error(
        "E009", _("the text holds a lone surrogate, {code}, which is not a character and which no UTF-8 file can "
                  "hold").format(code=f"U+{ord(text[offset]):04X}"), Span.point(file, line, column),
        _("the text was decoded wrongly (a UTF-16 pair split in half, or bytes kept with 'surrogateescape'); "
          "read the file with lkjipdsl.load(path), or decode its bytes as UTF-8 with errors='strict'"))


# ---- digits (E016) ----
def is_number_character(char: str) -> bool:
    """A character beyond ASCII that Unicode counts as a digit or a number (categories Nd, Nl, No)."""
    return char > "\x7f" and unicodedata.category(char)[0] == "N"


def first_number_character(text: str) -> int | None:
    """The offset of the first character that looks like a digit but is not 0–9; None if none."""
    if text.isascii():
        return None
    return next((i for i, char in enumerate(text) if is_number_character(char)), None)


def not_a_digit(char: str) -> tuple[str, str]:
    """E016's message and hint, for the prescan and for numbers read from quoted texts."""
    return (_("'{char}' ({name}) is not a digit; write 0–9").format(char=char, name=describe(char)),
            _("numbers are written with the digits 0–9 only; a digit of another script or of a full-width "
              "keyboard looks like one, but is another character"))


def _ascii_digit(char: str) -> str:
    """What a non-ASCII digit stands in for while the rest of the file is read (it is an error already)."""
    value = unicodedata.digit(char, None)
    return str(value) if value is not None and value < 10 else "0"


# ---- the checks of the code (outside texts and comments) of a text that is not all ASCII ----
def check_code(text: str, file: str) -> tuple[str, list[Diagnostic]]:
    """E016 for each character that looks like a digit and is not 0–9 (replaced by the digit it
    looks like, so that the rest reads on without a second error), E017 for a name that mixes
    scripts, E018 for a name that looks like another. `text` is the prescan's text (E015 characters
    already spaces); the positions of what is returned are its positions."""
    found = _code_characters(text)
    numbers = [(offset, char) for offset, char in found if is_number_character(char)]
    diagnostics = _not_digits(text, file, numbers)
    if numbers:
        chars = list(text)
        for offset, char in numbers:
            chars[offset] = _ascii_digit(char)
        text = "".join(chars)
    letters = [offset for offset, char in found if char.isalpha()]
    if letters:
        diagnostics += _check_names(text, file, _names_at(text, letters))
    return text, diagnostics


def _code_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of each character beyond ASCII outside texts and comments. Texts and
    comments end with their line, so only the lines that hold such characters are read."""
    found: list[tuple[int, str]] = []
    line_start, line_end, starts, ends = -1, -1, [], []
    for offset, char in _beyond_ascii(text):
        if offset >= line_end:  # a new line: its texts and comments
            line_start = text.rfind("\n", 0, offset) + 1
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end < 0 else line_end
            regions = [m.span() for m in _STRING_OR_COMMENT.finditer(text, line_start, line_end)]
            starts, ends = [low for low, _ in regions], [high for _, high in regions]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0 or offset >= ends[index]:
            found.append((offset, char))
    return found


_STRETCH = 4096


def _beyond_ascii(text: str):
    """(offset, character) of each character beyond ASCII. A report has a few, on a few lines: only
    the stretches of the text that hold one are searched (a stretch's str.isascii, a scan in C, is
    several times faster than the pattern, which tests each character)."""
    for start in range(0, len(text), _STRETCH):
        stretch = text[start:start + _STRETCH]
        if not stretch.isascii():
            for match in _NOT_ASCII.finditer(stretch):
                yield start + match.start(), match.group()


def _not_digits(text: str, file: str, numbers: list[tuple[int, str]]) -> list[Diagnostic]:
    """One E016 per number written with such characters (`١٢٣`, `1.000.৪00`), at the first of them."""
    groups: list[tuple[int, int, str]] = []  # (start, end, first character)
    for offset, char in numbers:
        if groups and _ASCII_NUMBER_PART.fullmatch(text, groups[-1][1], offset):
            groups[-1] = (groups[-1][0], offset + 1, groups[-1][2])
        else:
            groups.append((offset, offset + 1, char))
    diagnostics = []
    for start, end, char in groups[:MAX_LISTED]:
        line, column = position(text, start)
        message, hint = not_a_digit(char)
        diagnostics.append(error("E016", message, Span.point(file, line, column, end - start), hint))
    return _note_unlisted(diagnostics, len(groups), N_("(and {count} more such numbers, not listed)"))


_ASCII_NUMBER_PART = deferred(r"[0-9._,]*")


def _note_unlisted(diagnostics: list[Diagnostic], total: int, note: str) -> list[Diagnostic]:
    """The last diagnostic says how many more of its kind were found but not listed (`note`, with
    {count})."""
    hidden = total - len(diagnostics)
    if hidden > 0 and diagnostics:
        last = diagnostics[-1]
        diagnostics[-1] = Diagnostic(last.code, last.severity, last.message + " " + _(note).format(count=hidden),
                                     last.span, last.hints)
    return diagnostics


def _names_at(text: str, offsets: list[int]) -> dict[str, int]:
    """The names that hold the characters at these offsets (in order), each with its first offset."""
    names: dict[str, int] = {}
    end = -1
    for offset in offsets:
        if offset < end:
            continue  # in the name found last
        start = offset
        while start > 0 and _is_word_character(text, start - 1):
            start -= 1
        name = _NAME.match(text, _DIGITS.match(text, start).end())  # a run of word characters: digits, a name
        if name is None:
            continue
        end = name.end()
        names.setdefault(name.group(), name.start())
    return names


_NAME = deferred(NAME)
_DIGITS = deferred(r"[0-9]*")


def _is_word_character(text: str, index: int) -> bool:
    """As the grammar's \\w: a letter, a digit or '_'."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _check_names(text: str, file: str, unusual: dict[str, int]) -> list[Diagnostic]:
    """E018 for the names beyond ASCII (`unusual`, with their first offsets) that look like another
    name of the file, E017 for the others that mix scripts."""
    looks_alike, first_seen = _look_alikes(text, unusual)
    confusable, mixed = [], []
    for name in unusual:
        if name in looks_alike:
            confusable.append(_confusable(text, file, name, looks_alike[name], first_seen))
        else:
            problem = _mixed_scripts(name)
            if problem is not None:
                mixed.append((name, problem))
    diagnostics = _note_unlisted(confusable[:MAX_LISTED], len(confusable), _MORE_NAMES)
    listed = []
    for name, (first, other, char) in mixed[:MAX_LISTED]:
        line, column = position(text, first_seen[name])
        listed.append(error(
            "E017", _("the name '{name}' mixes {first} and {other} letters: '{char}' ({char_name}) is {other}").format(
                name=name, first=first, other=other, char=char, char_name=describe(char)),
            Span.point(file, line, column, len(name)),
            _("type the name again with {first} letters only; a letter of another alphabet (another keyboard "
              "layout, or copied from elsewhere) can look the same and makes another name").format(first=first)))
    return diagnostics + _note_unlisted(listed, len(mixed), _MORE_NAMES)


_MORE_NAMES = N_("(and {count} more such names, not listed)")


def _look_alikes(text: str, unusual: dict[str, int]) -> tuple[dict[str, str], dict[str, int]]:
    """For each name beyond ASCII that looks like another name of the file: that other name (the
    first of them written in ASCII, else the first in the file); and the first offsets of the names
    concerned. Pairs of ASCII names (`l1`, `I1`) are left alone: telling them apart is the font's
    job, and ASCII files pay nothing."""
    by_skeleton: dict[str, list[str]] = {}
    for name in unusual:
        by_skeleton.setdefault(skeleton(name), []).append(name)
    first_seen = dict(unusual)
    for name, offset in _ascii_look_alikes(text, by_skeleton).items():
        first_seen[name] = offset
        by_skeleton[skeleton(name)].append(name)
    alike = {}
    for names in by_skeleton.values():
        if len(names) < 2:
            continue
        ordered = sorted(names, key=first_seen.__getitem__)
        reference = next((n for n in ordered if n.isascii()), ordered[0])
        for name in ordered:
            if name != reference and not name.isascii():
                alike[name] = reference
    return alike, first_seen


MAX_SPELLINGS = 256  # ASCII spellings looked for one by one; beyond, the file's names are read once


def _ascii_look_alikes(text: str, by_skeleton: dict[str, list[str]]) -> dict[str, int]:
    """The ASCII names outside texts and comments whose skeleton is one of these, with their first
    offsets. The few ASCII spellings of a skeleton (lKU_a: lKU_a, IKU_a, 1KU_a) are looked for as
    substrings, which is many times faster than reading every name of a large file."""
    spellings: list[str] | None = []
    for key in by_skeleton:
        found = ascii_spellings(key)
        if found is None or len(spellings) + len(found) > MAX_SPELLINGS:
            spellings = None
            break
        spellings += found
    if spellings is None:
        names = set(_NAMES_IN_CODE.findall(text))
        candidates = {name for name in names if name.isascii() and name and skeleton(name) in by_skeleton}
    else:
        candidates = {spelling for spelling in spellings if spelling in text}
    found_at = {name: _first_in_code(text, name) for name in sorted(candidates)}
    return {name: offset for name, offset in found_at.items() if offset is not None}


def ascii_spellings(key: str, limit: int = 64) -> list[str] | None:
    """Every ASCII name whose skeleton is `key` (each character of it spelt by the ASCII characters
    that share its prototype: l by l, I or 1); None when there are more than `limit`."""
    pieces = _ascii_pieces()
    if len(key) > 200:
        return None
    # completes[i]: whether key[i:] can be spelt at all, so that the search below meets no dead end
    completes = [False] * len(key) + [True]
    for i in range(len(key) - 1, -1, -1):
        completes[i] = any(key.startswith(piece, i) and completes[i + len(piece)] for piece in pieces)
    found: list[str] = []
    stack = [(0, "")] if completes[0] else []
    while stack:
        i, spelt = stack.pop()
        if i == len(key):
            found.append(spelt)
            if len(found) > limit:
                return None
            continue
        for piece, chars in pieces.items():
            if key.startswith(piece, i) and completes[i + len(piece)]:
                stack.extend((i + len(piece), spelt + char) for char in chars)
    return sorted(name for name in found if not name[0].isdigit() and skeleton(name) == key)


@functools.lru_cache(maxsize=1)
def _ascii_pieces() -> dict[str, str]:
    """Skeleton of an ASCII name character → the ASCII name characters that have it."""
    pieces: dict[str, str] = {}
    for char in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_":
        piece = skeleton(char)
        pieces[piece] = pieces.get(piece, "") + char
    return pieces


def _first_in_code(text: str, name: str) -> int | None:
    """The offset of the first occurrence of `name` as a whole name outside texts and comments."""
    at = text.find(name)
    while at >= 0:
        if not _is_word_character(text, at - 1) and not _is_word_character(text, at + len(name)) \
                and not _in_text_or_comment(text, at):
            return at
        at = text.find(name, at + 1)
    return None


def _in_text_or_comment(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    return any(m.start() <= offset < m.end()
               for m in _STRING_OR_COMMENT.finditer(text, line_start, len(text) if line_end < 0 else line_end))


def _confusable(text: str, file: str, name: str, other: str, first_seen: dict[str, int]) -> Diagnostic:
    line, column = position(text, first_seen[name])
    other_line, other_column = position(text, first_seen[other])
    index = next((i for i, (a, b) in enumerate(zip(name, other)) if a != b), min(len(name), len(other)))
    if index < len(name) and index < len(other) and len(name) == len(other):
        mine, theirs = name[index], other[index]
        return error(
            "E018", _("the name '{name}' looks the same as '{other}' (line {line}, column {column}) but is another "
                      "name: it has '{mine}' ({mine_name}) where the other has '{theirs}' ({theirs_name})").format(
                name=name, other=other, line=other_line, column=other_column, mine=mine, mine_name=describe(mine),
                theirs=theirs, theirs_name=describe(theirs)),
            Span.point(file, line, column, len(name)), _(_CONFUSABLE_HINT))
    return error(
        "E018", _("the name '{name}' looks the same as '{other}' (line {line}, column {column}) but is another "
                  "name").format(name=name, other=other, line=other_line, column=other_column),
        Span.point(file, line, column, len(name)), _(_CONFUSABLE_HINT))


_CONFUSABLE_HINT = N_("type the name again so that both are written with the same letters, or choose names that "
                      "differ visibly; as they are, a reference may pick the wrong one")


# ---- scripts and skeletons (Unicode TR39) ----
def _mixed_scripts(name: str) -> tuple[str, str, str] | None:
    """(the name's script, another script, the first character of that other) when the name mixes
    scripts; digits, '_' and other characters common to all scripts do not count. The name's script
    is the one most of its letters have (the first, when as many have another)."""
    letters: dict[str, list[str]] = {}
    for char in name:
        found = script(char)
        if found not in _COMMON:
            letters.setdefault(found, []).append(char)
    if len(letters) < 2 or any(letters.keys() <= allowed for allowed in _WRITING_SYSTEMS):
        return None
    main = max(letters, key=lambda s: len(letters[s]))  # max keeps the first of equals
    other = next(s for s in letters if s != main)
    return _script_name(main), _script_name(other), letters[other][0]


# The scripts a name copied from elsewhere most often mixes with Latin, named in the reader's
# language; any other by Unicode's own name.
_SCRIPT_NAMES = {"LATIN": N_("Latin"), "CYRILLIC": N_("Cyrillic"), "GREEK": N_("Greek"),
                 "ARMENIAN": N_("Armenian"), "GEORGIAN": N_("Georgian"), "ARABIC": N_("Arabic"),
                 "HEBREW": N_("Hebrew"), "HAN": N_("Han"), "HANGUL": N_("Hangul"), "THAI": N_("Thai"),
                 "DEVANAGARI": N_("Devanagari"), "CHEROKEE": N_("Cherokee")}


def _script_name(alias: str) -> str:
    known = _SCRIPT_NAMES.get(alias)
    return _(known) if known else alias.replace("_", " ").title()


def script(char: str) -> str:
    """The Unicode script of a character as an upper-case name (LATIN, CYRILLIC, GREEK, HANGUL,
    COMMON, INHERITED …): from Unicode's Scripts data as confusable_homoglyphs carries it; from the
    character's name where that data does not know it."""
    if char < "\x80":
        return "LATIN" if char.isalpha() else "COMMON"
    categories = _categories()
    if categories is not None:
        alias = categories.alias(char)
        if alias != "Unknown":
            return alias
    return script_from_name(char)


# First words of character names that are not scripts: the script is the next word, or the
# character belongs to no script.
_NAME_PREFIXES = {"FULLWIDTH": None, "HALFWIDTH": None, "SMALL": None, "CAPITAL": None,
                  "MATHEMATICAL": "COMMON", "MODIFIER": "COMMON", "DIGIT": "COMMON", "SUPERSCRIPT": "COMMON",
                  "SUBSCRIPT": "COMMON", "VULGAR": "COMMON", "ROMAN": "COMMON", "CIRCLED": "COMMON",
                  "PARENTHESIZED": "COMMON", "NUMBER": "COMMON", "COMBINING": "INHERITED", "CJK": "HAN",
                  "IDEOGRAPHIC": "HAN", "KANGXI": "HAN"}


def script_from_name(char: str) -> str:
    """The script as the first word of the character's Unicode name says it (CYRILLIC SMALL
    LETTER A → CYRILLIC); the fallback of `script`."""
    category = unicodedata.category(char)
    if category[0] not in "LM":
        return "INHERITED" if category == "Mn" else "COMMON"
    words = unicodedata.name(char, "").split()
    while words:
        word = words.pop(0)
        if word not in _NAME_PREFIXES:
            return word
        if _NAME_PREFIXES[word] is not None:
            return _NAME_PREFIXES[word]
    return "COMMON"


def skeleton(name: str) -> str:
    """The TR39 skeleton: NFD, each character replaced by its prototype in Unicode's confusables
    data, NFD again. Two names with the same skeleton look alike (`IKU_a` and `IKU_а`)."""
    table = _prototypes()
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).translate(table))


@functools.lru_cache(maxsize=1)
def _categories():
    try:
        from confusable_homoglyphs import categories
    except ImportError:  # a base dependency; without it, scripts come from character names
        return None
    return categories


@functools.lru_cache(maxsize=1)
def _prototypes() -> dict[int, str]:
    """Character → prototype, from the confusables data. The package keeps each pair of
    confusables.txt in both directions (prototype → its sources, source → [its prototype]), and
    wraps right-to-left characters in U+200E marks for display. Every class is a star around its
    prototype, so a character with one partner that has others is a source; of two characters
    that only have each other, either may stand for both."""
    try:
        from confusable_homoglyphs import confusables
    except ImportError:
        return {}
    partners: dict[str, list[str]] = {}
    for key, entries in confusables.confusables_data.items():
        partners.setdefault(key.strip("\u200e\u200f"), []).extend(e["c"].strip("\u200e\u200f") for e in entries)
    table: dict[int, str] = {}
    for key, found in partners.items():
        if len(key) != 1 or len(found) != 1:
            continue  # a prototype (of several characters, or of a sequence such as 'rn')
        prototype = found[0]
        if len(prototype) == 1 and len(partners.get(prototype, ())) == 1:
            prototype = min(key, prototype)
        if prototype != key:
            table[ord(key)] = prototype
    for key, prototype in table.items():  # a prototype sequence's characters as the table maps them
        if len(prototype) > 1:
            table[key] = "".join(c if len(table.get(ord(c), c)) > 1 else table.get(ord(c), c) for c in prototype)
    return table
