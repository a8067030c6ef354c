"""Planners' words and common slips: what a planner writes out of habit where the language has a
word of its own, and the one hint that puts it right (docs/language.md, "Planners' words and
common slips"). Each is looked for only once a value or key could not be read."""

from __future__ import annotations

from ..diagnostics import did_you_mean
from ..i18n import _
from .. import syntax
from ..syntax import tree as st

# polaritas as reports and planners name it, and the polaritas it is
POLARITAS_WORDS = {
    **dict.fromkeys(("negatif", "menurun", "turun", "minimum", "min"), "minimal"),
    **dict.fromkeys(("positif", "meningkat", "naik", "maksimum", "maks", "max"), "maksimal"),
}
# words (and texts) a spreadsheet or a planner writes for an empty cell, where lkj writes '-'
NO_VALUE_WORDS = frozenset(("nihil", "kosong", "nol", "na", "nan"))
NO_VALUE_TEXTS = NO_VALUE_WORDS | {"-", "n/a", "#n/a", "tidak ada", "belum ada", "tidak tersedia", "belum tersedia"}
# what reports and spreadsheets write for "not available", read as '-' with W232: a word, or a quoted text
READ_AS_NO_VALUE_WORDS = frozenset(("na", "n/a", "n.a.", "n.a"))
READ_AS_NO_VALUE_TEXTS = frozenset(("na", "n/a", "#n/a", "n.a.", "n.a", "-"))
# words written between the two bounds of a range, where lkj writes '..'
RANGE_WORDS = frozenset(("-", "sampai", "hingga", "sd", "s_d"))


def suggestion(word: str, candidates) -> str:
    """The did-you-mean hint for a word that is not among the candidates: the one candidate it is
    but for its capitals (`Target`: `target`), else the closest ones."""
    lowered = word.lower()
    if lowered != word and lowered in candidates:
        return _("did you mean '{word}'? keywords are written in lower case").format(word=lowered)
    return did_you_mean(word, candidates)


def meant_key(statement, keys) -> str | None:
    """The key a statement with an unknown key means, when its spelling tells: a capitalised
    keyword (`Target`, `subKegiatan`) or `sub kegiatan` written as two words."""
    lowered = statement.key.lower()
    if lowered in keys:
        return lowered
    if lowered == "sub" and statement.atoms and statement.atoms[0].kind == "name" \
            and statement.atoms[0].text.lower() == "kegiatan" and "subkegiatan" in keys:
        return "subkegiatan"
    return None


def as_meant(statement, key: str):
    """The statement as if its key were written `key` (`sub kegiatan 1.1.1 …` as `subkegiatan 1.1.1 …`)."""
    atoms = statement.atoms
    if statement.key.lower() == "sub":
        atoms = atoms[1:]
    return statement._replace(key=key, atoms=atoms)


def key_hint(statement, key: str) -> str:
    """The hint for a key written otherwise than `key`, which `meant_key` found."""
    if statement.key.lower() == "sub":
        if statement.key == "sub" and statement.atoms[0].text == "kegiatan":
            return _("write 'subkegiatan' as one word")
        return _("write 'subkegiatan' as one word, in lower case")
    return _("did you mean '{word}'? keywords are written in lower case").format(word=key)


def choice_hint(key: str, word: str) -> str:
    """The hint for a planner's word where a choice of the language belongs (`polaritas negatif`)."""
    if key == "polaritas":
        meant = POLARITAS_WORDS.get(word.lower())
        if meant == "minimal":
            return _("did you mean 'minimal'? (polaritas minimal: lower is better)")
        if meant == "maksimal":
            return _("did you mean 'maksimal'? (polaritas maksimal: higher is better)")
    return ""


def is_no_value(atom: st.Atom) -> bool:
    """A word or a quoted text that says "no value" (NA, "n/a", "tidak ada")."""
    if atom.kind == "name":
        return atom.text.lower() in NO_VALUE_WORDS
    return atom.kind == "string" and " ".join(atom.text.lower().split()) in NO_VALUE_TEXTS


def read_as_no_value(atom: st.Atom) -> bool:
    """`NA`, `"n/a"`, `"#N/A"`: not available, as reports and spreadsheets write it (read as '-')."""
    if atom.kind == "name":
        return atom.text.lower() in READ_AS_NO_VALUE_WORDS
    return atom.kind == "string" and atom.text.strip().lower() in READ_AS_NO_VALUE_TEXTS


def no_value_hint(atoms: tuple[st.Atom, ...]) -> str:
    """The hint for words that say "no value" where one value belongs (`realisasi tidak ada`)."""
    if atoms and all(a.kind == "name" for a in atoms) and " ".join(a.text.lower() for a in atoms) in NO_VALUE_TEXTS:
        return syntax.no_value_hint()
    return ""


def sub_kegiatan_hint(atoms: tuple[st.Atom, ...]) -> str:
    """The hint for `sub kegiatan` written as two words where one value belongs (`untuk sub kegiatan`)."""
    if len(atoms) == 2 and all(a.kind == "name" for a in atoms) and atoms[0].text.lower() == "sub" \
            and atoms[1].text.lower() == "kegiatan":
        if atoms[0].text == "sub" and atoms[1].text == "kegiatan":
            return _("write 'subkegiatan' as one word")
        return _("write 'subkegiatan' as one word, in lower case")
    return ""


def range_hint(key: str, atoms: tuple[st.Atom, ...]) -> str:
    """The hint for a range written as spreadsheets and reports write it (`4-6`, `4 - 6`,
    `4 sampai 6`), where lkj writes `4..6`."""
    low = high = None
    if len(atoms) == 2 and atoms[0].kind == atoms[1].kind == "number" and atoms[1].text.startswith("-") \
            and not atoms[0].text.startswith("-"):
        low, high = atoms[0].text, atoms[1].text[1:]
    elif len(atoms) == 3 and atoms[0].kind == atoms[2].kind == "number" and (
            atoms[1].kind == "dash" or (atoms[1].kind == "name" and atoms[1].text.lower() in RANGE_WORDS)):
        low, high = atoms[0].text, atoms[2].text
    if low is None or high.startswith("-"):
        return ""
    return syntax.range_hint(key, low, high)
