"""Messages in both languages: every text a user reads is in the Indonesian catalogue, with the
same placeholders; the language is chosen as documented (docs/i18n.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkjipdsl import i18n

ROOT = Path(__file__).resolve().parent.parent
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def extracted() -> list[tuple[str, int, str | tuple]]:
    """(file, line, message) of every message the code marks for translation, as Babel finds it."""
    babel = pytest.importorskip("babel.messages.extract")
    found = []
    for filename, lineno, message, _, _ in babel.extract_from_dir(
            str(ROOT / "lkjipdsl"), method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "ngettext": (1, 2)}):
        found.append((filename, lineno, message))
    return found


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def test_every_message_has_its_indonesian_text_with_the_same_placeholders():
    catalogue = i18n.catalogue("id")
    missing, mismatched = [], []
    for filename, lineno, message in extracted():
        for msgid in (message if isinstance(message, tuple) else (message,)):
            if not msgid:
                continue
            translated = catalogue.get(msgid)
            if translated is None:
                missing.append(f"{filename}:{lineno}: {msgid!r}")
            elif placeholders(translated) != placeholders(msgid):
                mismatched.append(f"{filename}:{lineno}: {msgid!r} -> {translated!r}")
    assert not missing, "messages without an Indonesian text (lkjipdsl/locale/id/*.po):\n" + "\n".join(missing)
    assert not mismatched, "placeholders differ:\n" + "\n".join(mismatched)


def test_the_catalogues_agree_with_each_other():
    """A message translated in two .po files is translated the same way in both."""
    seen: dict[str, tuple[str, str]] = {}
    for path in sorted((ROOT / "lkjipdsl" / "locale" / "id").glob("*.po")):
        for msgid, msgstr in i18n.read_po(path.read_text(encoding="utf-8")).items():
            if msgid in seen and seen[msgid][1] != msgstr:
                pytest.fail(f"{msgid!r}: {seen[msgid][0]} says {seen[msgid][1]!r}, {path.name} says {msgstr!r}")
            seen[msgid] = (path.name, msgstr)


def test_the_language_is_chosen_as_documented(monkeypatch):
    for variable in ("LKJIPDSL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert i18n.default_language() == "id"  # nothing said: Indonesian
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.default_language() == "en"
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert i18n.default_language() == "id"
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    assert i18n.default_language() == "en"  # the variable wins over the locale
    with i18n.using("id"):
        assert i18n.language() == "id"  # and the command line's --lang over both
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.set_language("fr")


def test_reading_a_po_file():
    text = '''# a comment
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "unknown key '{key}'"
msgstr "kunci '{key}' tidak dikenal"

#, fuzzy
msgid "a guess"
msgstr "tebakan"

msgid ""
"a long "
"message"
msgstr ""
"pesan "
"panjang \\"kutip\\""

msgid "untranslated"
msgstr ""

msgid "{n} error"
msgid_plural "{n} errors"
msgstr[0] "{n} galat"
'''
    assert i18n.read_po(text) == {"unknown key '{key}'": "kunci '{key}' tidak dikenal",
                                  "a long message": 'pesan panjang "kutip"',
                                  "{n} error": "{n} galat", "{n} errors": "{n} galat"}


def test_reading_one_line_entries_and_what_stands_beside_them():
    """An entry of one msgid line and one msgstr line is read without the general path; one with
    more around it, or written otherwise, is read as before."""
    text = (
        'msgid "plain"\nmsgstr "polos"  \n\n'
        'msgid "with a note"\nmsgstr "dengan catatan"\n# a note after it\n\n'
        '  msgid "indented"\n  msgstr "menjorok"\n\n'
        'msgid "escaped \\"word\\""\nmsgstr "kata \\"lolos\\""\n\n'
        'msgid "empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "guessed"\nmsgstr "ditebak"\n'
    )
    assert i18n.read_po(text) == {"plain": "polos", "with a note": "dengan catatan", "indented": "menjorok",
                                  'escaped "word"': 'kata "lolos"'}


def test_a_catalogue_read_a_file_at_a_time_gives_the_texts_of_the_whole():
    """`_()` reads the .po files one by one as it needs them: every message gets the text the whole
    catalogue gives, a message in none of them reads them all and stays English."""
    whole = i18n.catalogue("id")
    lazy = i18n._Translations("id")
    assert lazy.get("no such message, in any catalogue") is None and not lazy._unread
    fresh = i18n._Translations("id")
    for msgid, msgstr in reversed(list(whole.items())):  # the last file's first: the order does not matter
        assert fresh.get(msgid) == msgstr == lazy.get(msgid), msgid


def test_eval_of_a_well_formed_report_leaves_catalogues_unread():
    """Start-up time (bench/startup.py): `eval` of Seririt in Indonesian finds its messages without
    reading the catalogue of the importer."""
    import subprocess
    import sys

    code = ("import sys; from lkjipdsl.cli import main; main(['eval', '--lang', 'id', sys.argv[1]])\n"
            "from lkjipdsl import i18n\n"
            "unread = [path.stem for path in i18n._translations('id')._unread]\n"
            "sys.exit(0 if 'importer' in unread else f'read: all but {unread}')")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "specs" / "seririt-2023.lkj")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
