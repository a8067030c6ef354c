"""Messages in the planner's language: Indonesian by default, English on request.

Every text a user reads is written in the code in English, wrapped in `_()` (or `ngettext`) so
that Babel extracts it (`pybabel extract -F babel.cfg`, docs/i18n.md), and translated through the
catalogues in `lkjipdsl/locale/id/*.po`, which are read directly (no compiled `.mo` to go stale).
The language is, in order: `--lang` on the command line (`set_language`), `LKJIPDSL_LANG`, the
locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: English when it starts with `en`), else Indonesian.
Diagnostic codes, keywords and ids are never translated.

    from .i18n import _
    error("E101", _("unknown key '{key}' in {block}").format(key=key, block=block), span)

A message is translated when it is made, in the language in force then: a Result keeps the
language it was evaluated in.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Iterator
from pathlib import Path
from .patterns import compiled

LANGUAGES = ("id", "en")
LOCALE = Path(__file__).resolve().parent / "locale"
_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar("lkjipdsl_language", default=None)


def default_language() -> str:
    """The language when none is chosen: LKJIPDSL_LANG, else the locale, else Indonesian."""
    wanted = os.environ.get("LKJIPDSL_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "id"
    return "id"


def language() -> str:
    """The language messages are made in now."""
    return _chosen.get() or _process_default()


@functools.lru_cache(maxsize=1)
def _process_default() -> str:
    """default_language(), read once per process, as a locale is (a message is made often)."""
    return default_language()


def set_language(lang: str | None) -> None:
    """Choose the language for what follows (the command line's `--lang`); None: the default."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; languages: {', '.join(LANGUAGES)}")
    _chosen.set(lang)


@contextlib.contextmanager
def using(lang: str | None) -> Iterator[None]:
    """Messages made in the with block are in `lang` (None: as before)."""
    token = _chosen.set(lang if lang is not None else _chosen.get())
    try:
        yield
    finally:
        _chosen.reset(token)


def _(message: str) -> str:
    """`message` (English, as written in the code) in the language in force."""
    lang = language()
    if lang == "en":
        return message
    return _translations(lang).get(message) or message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the language in force (Indonesian has one form)."""
    lang = language()
    wanted = singular if count == 1 else plural
    if lang == "en":
        return wanted
    return _translations(lang).get(wanted) or wanted


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined (a table of texts) and translated later."""
    return message


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """Every translation of one language, from all its `.po` files (msgid → msgstr, fuzzy and
    empty entries left out, so the English text shows rather than a wrong one)."""
    found: dict[str, str] = {}
    folder = LOCALE / lang
    if folder.is_dir():
        for path in sorted(folder.glob("*.po")):
            found.update(read_po(path.read_text(encoding="utf-8")))
    return found


# The .po files in the order a command most often needs them (the rest after, by name): `eval` of a
# well-formed report finds every message it makes in the first three, and reads no other.
_FIRST_READ = ("cli", "evaluation", "reading", "render", "codes", "build")


class _Translations:
    """A language's catalogue read a file at a time, as its messages are asked for: a message is looked
    for in the files read so far, and the next file is read only when it is not there. The files
    agree with each other (tests/test_i18n.py), so the order gives the same texts as `catalogue`."""

    def __init__(self, lang: str):
        folder = LOCALE / lang
        rank = {name: index for index, name in enumerate(_FIRST_READ)}
        # listed, not globbed: a glob compiles a pattern (fnmatch) at every start of the command
        names = [name for name in os.listdir(folder) if name.endswith(".po")] if folder.is_dir() else []
        self._unread = sorted((folder / name for name in names),
                              key=lambda path: (rank.get(path.stem, len(rank)), path.name))
        self._found: dict[str, str] = {}

    def get(self, message: str) -> str | None:
        found = self._found.get(message)
        while found is None and self._unread:
            try:
                path = self._unread.pop(0)
            except IndexError:  # read meanwhile by another thread
                break
            self._found.update(read_po(path.read_text(encoding="utf-8")))
            found = self._found.get(message)
        return found


@functools.cache
def _translations(lang: str) -> _Translations:
    return _Translations(lang)


_STRING = compiled(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = compiled(r"\\(.)")
_BLANK_LINES = compiled(r"\n\s*\n")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def read_po(text: str) -> dict[str, str]:
    """The translations of a gettext `.po` file: msgid → msgstr (for a plural entry, msgid →
    msgstr[0] and msgid_plural → msgstr[1]), skipping the header, fuzzy entries and untranslated
    ones. Enough of the format for the files Babel writes. Read at every start of the command in
    Indonesian, so the common line (a string without escapes) takes no pattern."""
    entries: dict[str, str] = {}
    for block in _BLANK_LINES.split(text):
        if block[:7] == 'msgid "' and block.count('"') == 4 and "\\" not in block:
            # most entries: `msgid "…"` and `msgstr "…"`, one line each, nothing escaped
            msgid, newline, msgstr = block.rstrip().partition('"\nmsgstr "')
            if newline and msgstr[-1:] == '"':
                msgid, msgstr = msgid[7:], msgstr[:-1]
                if msgid and msgstr:
                    entries[msgid] = msgstr
                continue
        fuzzy = False
        fields: dict[str, list[str]] = {}
        current = None
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if line[0] == '"':
                if current is not None:
                    fields[current].append(_unescape(line))
            elif line[0] == "#":
                if line.startswith("#,") and "fuzzy" in line:
                    fuzzy = True
            else:
                key, _, rest = line.partition(" ")
                current = key
                fields[current] = [_unescape(rest)]
        msgid = "".join(fields.get("msgid", ()))
        msgstr = "".join(fields.get("msgstr", fields.get("msgstr[0]", ())))
        if msgid and msgstr and not fuzzy:
            entries[msgid] = msgstr
            plural = "".join(fields.get("msgid_plural", ()))
            if plural:  # Indonesian has one form; a second given is the plural's
                entries[plural] = "".join(fields.get("msgstr[1]", ())) or msgstr
    return entries


def _unescape(quoted: str) -> str:
    quoted = quoted.strip()
    if quoted[:1] == '"' and quoted[-1:] == '"' and quoted.count('"') == 2 and "\\" not in quoted:
        return quoted[1:-1]
    match = _STRING.search(quoted)
    if match is None:
        return ""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), match.group(1))
