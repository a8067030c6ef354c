"""Numbers a planner may have misread: the notation of a number that `angka indonesia` reads
differently from what its writer may have meant (docs/language.md, "Numbers").

* W214: one comma followed by exactly three digits (`1,500`) is a decimal in Indonesian notation
  (1,5) and a thousands separator in international notation (1.500); both readings are named.
* W215: a number in international notation (`5,430.000`, `59,011,380.00`: ',' groups thousands,
  '.' is the decimal separator) where Indonesian notation is in force; it is read correctly as
  international notation (5.430), which may not be what was meant (5.430.000 with a slip).
* W221: thousands points and then a comma before exactly three digits (`1.500,000`): three
  decimals in Indonesian notation (1.500), or 1.500.000 with a comma slipped in for a point.
  Mixed separators that no notation reads (`1.500,000.5`, `1,500.000,00`) are errors (E105).

Only numbers read with `angka indonesia` are looked at: the file's convention, a `dokumen`'s own,
or a `sumber`'s for the figures printed in it, as lkjipdsl.build reads them; a file, dokumen or
source that declares `angka internasional` has chosen. Each warning is silenced for one line by
the comment `# lkjipdsl: abaikan W214` on it (lkjipdsl.syntax.silence).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .build.vocabulary import TEXT_PRINTED
from .diagnostics import Diagnostic, Span, warning
from .format import angka
from .i18n import _
from .numbers import CONVENTIONS, NumberError, parse_number_fully
from .syntax import tree as st
from .syntax.lexicon import NUMBER
from .patterns import compiled

_CANDIDATE = compiled(r",[0-9]{3}")  # a text without one has nothing to warn about (a literal first: fast)
_NUMBER = compiled(NUMBER)
_AFFIXES = compiled(r"^(?:Rp\.?[ \t]*)?(-?)(.*?)(?:,-)?(?:[ \t]*%)?$", re.S)


def warnings(statements: tuple[st.Statement, ...], text: str) -> list[Diagnostic]:
    """W214, W215 and W221 for the numbers of the statements read with `angka indonesia`; `text` is the
    text they were read from (a text with no comma before three digits is not walked)."""
    walker = Walker(statements, text)
    walker.walk(statements)
    return walker.found


class Walker:
    """`warnings`, for statements handed on part by part: made from the statements that declare
    the conventions (the top level's `angka` and `sumber`; any others among them are passed over),
    then `walk` each part's statements in order; the warnings gather in `found`."""

    def __init__(self, declaring: tuple[st.Statement, ...], text: str):
        self.found: list[Diagnostic] = []
        self.active = bool(_CANDIDATE.search(text))
        convention = "indonesia"
        for statement in declaring:
            convention = _declared(statement, convention)
        sources: dict[str, str] = {}
        for statement in declaring:
            if isinstance(statement, st.Block) and statement.key == "sumber" and len(statement.atoms) == 1 \
                    and statement.atoms[0].kind == "string":
                own = convention
                for inner in statement.body:
                    own = _declared(inner, own)
                sources.setdefault(statement.atoms[0].text, own)  # a second declaration is an error (E110)
        self.convention, self.sources = convention, sources

    def walk(self, statements) -> None:
        if self.active:
            _walk(statements, self.convention, self.convention, self.sources, self.found)


def _declared(statement: st.Statement, convention: str) -> str:
    """The convention after this statement: a valid `angka` changes it, as the builder reads it."""
    if isinstance(statement, st.Attr) and statement.key == "angka" and len(statement.atoms) == 1:
        atom = statement.atoms[0]
        if atom.kind == "name" and atom.text in CONVENTIONS:
            return atom.text
    return convention


def _walk(statements, convention: str, file_convention: str, sources: dict[str, str],
          found: list[Diagnostic]) -> None:
    for statement in statements:
        if isinstance(statement, st.Attr):
            if statement.key == "tercetak":
                _printed(statement.atoms, convention, sources, found)
            elif statement.key != "angka" and convention == "indonesia":  # _check warns under no other
                for atom in statement.atoms:
                    if "," in atom.text or atom.kind == "range":  # a number without a comma is not in doubt
                        _atom(atom, convention, found)
        elif isinstance(statement, st.Block):
            if statement.key == "sumber" or type(statement.body) is st.Rows:  # Rows: digits and points only
                continue
            inner = convention
            if statement.key == "dokumen":
                for own in statement.body:
                    inner = _declared(own, inner)
            _walk(statement.body, inner, file_convention, sources, found)
        elif isinstance(statement, st.ExprAttr):
            _expression(statement.expr, file_convention, found)


def _printed(atoms: tuple[st.Atom, ...], convention: str, sources: dict[str, str], found: list[Diagnostic]) -> None:
    """`tercetak FIELD VALUE ["source"]` or `tercetak "source" FIELD VALUE …`: the values, read with
    their source's convention, quoted or not."""
    if atoms and atoms[0].kind == "string":
        source, pairs = atoms[0].text, list(zip(atoms[1::2], atoms[2::2]))
    elif len(atoms) >= 2:
        source = atoms[2].text if len(atoms) == 3 and atoms[2].kind == "string" else None
        pairs = [(atoms[0], atoms[1])]
    else:
        return
    in_force = sources.get(source or "", convention)
    for field, value in pairs:
        if field.text in TEXT_PRINTED:
            continue
        if "," not in value.text and value.kind != "range":  # not in doubt (_check)
            continue
        if value.kind == "string":
            written = value.text.strip()
            if _NUMBER.fullmatch(written):
                _check(written, in_force, value.span, found, source)
        else:
            _atom(value, in_force, found, source)


def _atom(atom: st.Atom, convention: str, found: list[Diagnostic], source: str | None = None) -> None:
    if atom.kind == "number":
        _check(atom.text, convention, atom.span, found, source)
    elif atom.kind == "range" and atom.high is not None:
        span = atom.span
        low = Span(span.file, span.line, span.column, span.line, span.column + len(atom.text))
        high = Span(span.file, span.end_line, span.end_column - len(atom.high), span.end_line, span.end_column)
        _check(atom.text, convention, low, found, source)
        _check(atom.high, convention, high, found, source)


def _expression(expr: st.Expr, convention: str, found: list[Diagnostic]) -> None:
    """The numbers of a rumus or jika; an argument with a decimal comma is W209's (round(2,500))."""
    arguments = set()
    for node in st.walk_expr(expr):
        if isinstance(node, st.Call):
            arguments.update(id(a) for a in node.args if isinstance(a, st.Num) and "." not in a.text)
        elif isinstance(node, st.Num) and id(node) not in arguments:
            _check(node.text, convention, node.span, found)


def _check(lexeme: str, convention: str, span: Span, found: list[Diagnostic], source: str | None = None) -> None:
    if convention == "indonesia" and "," in lexeme:
        diagnostic = notation_warning(lexeme, span, source)
        if diagnostic is not None:
            found.append(diagnostic)


def notation_warning(lexeme: str, span: Span | None, source: str | None = None) -> Diagnostic | None:
    """W214, W215 or W221 for one number read with `angka indonesia` (`source`: the printed source it
    belongs to, if any), or None when its notation is not in doubt or it is malformed (E105). A
    ratio's terms (1:1,500) are numbers of their own: the first in doubt is said."""
    if ":" in lexeme:
        for term in re.split(r"[ \t]*:[ \t]*", lexeme):
            found = notation_warning(term, span, source) if term else None
            if found is not None:
                return found
        return None
    affixes = _AFFIXES.match(lexeme)
    sign, digits = affixes.group(1), affixes.group(2)
    if "," not in digits or "_" in digits:
        return None
    try:
        value = parse_number_fully(lexeme, "indonesia").value
    except NumberError:
        return None
    comma, point = digits.rfind(","), digits.rfind(".")
    if point < 0:
        integer, _sep, fraction = digits.partition(",")
        if "," in fraction or len(fraction) != 3 or not 1 <= len(integer) <= 3 or integer.startswith("0"):
            return None
        return _ambiguous(lexeme, value, Decimal(sign + integer + fraction), fraction, span)
    if point > comma:
        return _international(lexeme, value, sign, digits, span, source)
    integer, _sep, fraction = digits.rpartition(",")
    if len(fraction) == 3:
        return _three_decimals(lexeme, value, Decimal(sign + integer.replace(".", "") + fraction), fraction, span)
    return None


def _as_read_hint(code: str, lexeme: str, read: str, fraction: str) -> str:
    """The hint of W214 and W221 for a number meant as it is read: its shorter spelling when its
    decimals end in 0 (1,500 is 1,5), and the comment that silences the warning."""
    comment = f"# lkjipdsl: abaikan {code}"
    if fraction.endswith("0"):
        return _("if {read} is meant, write {read}, or keep '{number}' and add the comment '{comment}' at "
                 "the end of the line").format(read=read, number=lexeme, comment=comment)
    return _("if {read} is meant, add the comment '{comment}' at the end of the line").format(
        read=read, comment=comment)


def _ambiguous(lexeme: str, value: Decimal, other: Decimal, fraction: str, span: Span | None) -> Diagnostic:
    """W214: `1,500`, read as 1,5; 1.500 in international notation."""
    read, thousands = angka(value.normalize()), angka(other)
    decimal_hint = _as_read_hint("W214", lexeme, read, fraction)
    return warning("W214", _("'{number}' is read as {read}; in international notation it means {other}").format(
                       number=lexeme, read=read, other=thousands), span,
                   _("if {other} is meant, write {other} (a point groups thousands in Indonesian notation)").format(
                       other=thousands),
                   decimal_hint)


def _three_decimals(lexeme: str, value: Decimal, other: Decimal, fraction: str, span: Span | None) -> Diagnostic:
    """W221: `1.500,000`, thousands points and a decimal comma before three digits: read as 1.500."""
    read, meant = angka(value.normalize()), angka(other)
    decimal_hint = _as_read_hint("W221", lexeme, read, fraction)
    return warning("W221", _("'{number}' is read as {read}: its comma before three digits is a decimal comma; "
                             "perhaps a thousands point was meant ({meant})").format(
                       number=lexeme, read=read, meant=meant), span,
                   _("if {meant} is meant, write {meant}").format(meant=meant), decimal_hint)


def _international(lexeme: str, value: Decimal, sign: str, digits: str, span: Span | None,
                   source: str | None) -> Diagnostic:
    """W215: `5,430.000`, international notation, read as 5.430."""
    read = angka(value.normalize())
    hints = []
    integer, _sep, fraction = digits.rpartition(".")
    if len(fraction) == 3:  # 5,430.000: perhaps 5.430.000 with a comma slipped in
        meant = angka(Decimal(sign + integer.replace(",", "") + fraction))
        hints.append(_("if {meant} is meant, write {meant}").format(meant=meant))
    hints.append(_("if {read} is meant, write it in Indonesian notation ({indonesian}), or add the comment "
                   "'{comment}' at the end of the line").format(read=read, indonesian=angka(value),
                                                                comment="# lkjipdsl: abaikan W215"))
    if source is not None:
        hints.append(_('if "{source}" prints all its numbers this way, say so once: {declaration}').format(
            source=source, declaration=f'sumber "{source}" {{ angka internasional }}'))
    return warning("W215", _("'{number}' is written in international notation and is read as {read}; this file "
                             "uses Indonesian notation (angka indonesia)").format(number=lexeme, read=read),
                   span, *hints)
