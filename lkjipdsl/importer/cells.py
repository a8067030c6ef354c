"""Reading values out of cells: amounts, figures, years, choices and codes, each with a
diagnostic naming the cell when it cannot be read. Nothing is guessed in silence: a date where an
amount belongs, a formula Excel never computed, a text that is no number are all errors.
"""

from __future__ import annotations

import re
from datetime import date, time
from decimal import Decimal

from ..diagnostics import Diagnostic, did_you_mean, error, warning
from ..i18n import _
from ..numbers import NumberError, parse_number
from .draft import Ratio
from .writer import spec_number
from .sheets import UNCACHED, Sheet
from ..patterns import compiled

NO_VALUE = ("-", "–", "—")
_SPACES = compiled(r"[\s\u00a0]+")
_AMOUNT_NOISE = compiled(r"^\(?\s*(?:Rp\.?)?\s*|\s*\)?$", re.I)
_BOTH_ID = compiled(r"^-?\d{1,3}(?:\.\d{3})+,\d+$")
_BOTH_EN = compiled(r"^-?\d{1,3}(?:,\d{3})+\.\d+$")
# Whole numbers grouped at least twice: 1.750.000 is Indonesian and 1,750,000 international, since a
# number has one decimal separator (one group, 250,000 or 1.500, can be read either way)
_GROUPED_ID = compiled(r"^-?\d{1,3}(?:\.\d{3}){2,}$")
_GROUPED_EN = compiled(r"^-?\d{1,3}(?:,\d{3}){2,}$")


def normal(text: object) -> str:
    """A heading or a choice as compared: lower case, single spaces, no trailing ':' or '*'."""
    return _SPACES.sub(" ", str(text)).strip().strip(":*").strip().lower()


class CellReader:
    """Reads the cells of one file, collecting diagnostics; `convention` settles `1.000` vs `1,000`."""

    def __init__(self, convention: str = "indonesia"):
        self.convention = convention
        self.diagnostics: list[Diagnostic] = []

    def fail(self, code: str, message: str, sheet: Sheet, row: int, col: int, *hints: str) -> None:
        self.diagnostics.append(error(code, message, sheet.cell(row, col), *hints))

    def warn(self, code: str, message: str, sheet: Sheet, row: int, col: int, *hints: str) -> None:
        self.diagnostics.append(warning(code, message, sheet.cell(row, col), *hints))

    def text(self, sheet: Sheet, row: int, col: int | None) -> str | None:
        if col is None:
            return None
        value = sheet.get(row, col)
        if value is None:
            return None
        if value is UNCACHED:
            self._uncached(sheet, row, col)
            return None
        if isinstance(value, Decimal):
            return _decimal_text(value)
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        text = _SPACES.sub(" ", str(value)).strip()
        return text or None

    def number(self, sheet: Sheet, row: int, col: int | None, what: str | None = None) -> tuple[bool, Decimal | None]:
        """(present, value): (False, None) for an empty cell, (True, None) for '-'. `what` names what
        the cell should hold, in the language in force ("a target"); a number when not given."""
        if col is None:
            return False, None
        value = sheet.get(row, col)
        if value is None:
            return False, None
        if value is UNCACHED:
            self._uncached(sheet, row, col)
            return False, None
        what = what or _("a number")
        if isinstance(value, bool):
            self.fail("I101", _("{what} is expected here, not {value}").format(
                what=what, value="TRUE" if value else "FALSE"), sheet, row, col,
                _("write the figure, or - when there is none"))
            return False, None
        if isinstance(value, Decimal):
            return True, value
        if isinstance(value, date):
            self.fail("I101", _("{what} is expected here, not a date").format(what=what), sheet, row, col,
                      _("Excel read the figure as a date: format the cell as a number (Format Cells > Number) "
                        "and type it again"))
            return False, None
        if isinstance(value, time):
            self.fail("I101", _("{what} is expected here, not a time of day").format(what=what), sheet, row, col,
                      _("Excel read a ratio such as 1:20 as a time: format the cell as text (Format Cells > Text) "
                        "and type the ratio again"))
            return False, None
        return self.number_text(sheet, row, col, str(value), what)

    def number_text(self, sheet: Sheet, row: int, col: int, text: str, what: str) -> tuple[bool, Decimal | None]:
        # the minus sign a report typeset in Word or a web page prints (U+2212) is a minus
        cleaned = _SPACES.sub("", text).strip().replace("\u2212", "-")
        if cleaned in NO_VALUE or cleaned == "":
            return True, None
        if ":" in cleaned:  # a ratio (1:17,9), kept as written for the spec (whose numbers are Indonesian)
            written = _SPACES.sub(" ", text).strip()
            try:
                value = parse_number(written, self.convention).value
                if self.convention != "indonesia":
                    written = ":".join(spec_number(parse_number(term, self.convention).value)
                                       for term in re.split(r"\s*:\s*", written))
                return True, Ratio(value, written)
            except NumberError as exc:
                self.fail("I101", _("{what} is expected here: '{text}' cannot be read as one ({reason})").format(
                    what=what, text=text, reason=exc), sheet, row, col, *exc.hints)
                return False, None
        negative = cleaned.startswith("(") and cleaned.endswith(")")  # accounting style: (1.234) is -1.234
        if cleaned.startswith("(") != cleaned.endswith(")"):  # (1.500 or 1.500): negative, or a slip?
            self.fail("I101", _("{what} is expected here: '{text}' has one parenthesis").format(what=what, text=text),
                      sheet, row, col,
                      _("write (1.234) for a negative amount, as reports print one, or 1.234 for a positive one"))
            return False, None
        cleaned = _AMOUNT_NOISE.sub("", cleaned)
        if cleaned.startswith("-"):
            negative, cleaned = True, cleaned[1:]
        cleaned = cleaned.removesuffix("%").removesuffix(",-").removesuffix(".-")
        try:
            value = parse_number(cleaned, self.convention).value
        except NumberError as exc:
            self.fail("I101", _("{what} is expected here: '{text}' cannot be read as one ({reason})").format(
                what=what, text=text, reason=exc), sheet, row, col,
                *(exc.hints or (_("write digits, with . for thousands and , for decimals: 1.234.567,50"),)))
            return False, None
        except (ValueError, ArithmeticError):
            self.fail("I101", _("{what} is expected here, not '{text}'").format(what=what, text=text), sheet, row,
                      col, _("write digits, with . for thousands and , for decimals: 1.234.567,50"))
            return False, None
        return True, -value if negative else value

    def choice(self, sheet: Sheet, row: int, col: int | None, choices: tuple[str, ...], what: str) -> str | None:
        text = self.text(sheet, row, col)
        if text is None:
            return None
        wanted = normal(text).replace(" ", "_")
        for choice in choices:
            if wanted == choice:
                return choice
        hint = did_you_mean(wanted, choices) or _("choose one of: {choices}").format(choices=", ".join(choices))
        self.fail("I102", _("'{text}' is not a {what}").format(text=text, what=what), sheet, row, col, hint)
        return None

    def year(self, sheet: Sheet, row: int, col: int | None, allow_akhir: bool = False) -> int | str | None:
        text = self.text(sheet, row, col)
        if text is None:
            return None
        if allow_akhir and normal(text) == "akhir":
            return "akhir"
        if re.fullmatch(r"(19|20|21)\d\d", text):
            return int(text)
        self.fail("I101", _("a year is expected here, not '{text}'").format(text=text), sheet, row, col,
                  _("write the year in four digits, e.g. 2024, or akhir") if allow_akhir else
                  _("write the year in four digits, e.g. 2024"))
        return None

    def _uncached(self, sheet: Sheet, row: int, col: int) -> None:
        self.fail("I104", _("a formula whose value Excel never computed"), sheet, row, col,
                  _("the workbook was written by a program and never opened in Excel: open it in Excel (or "
                    "LibreOffice), let it compute, save it, and import it again"))


def _decimal_text(value: Decimal) -> str:
    """A number cell that holds a code or an id (Excel turns 1.2 or 2024 into numbers)."""
    if value == value.to_integral_value():
        return str(int(value))  # (quantize would need a context for 28 digits or more)
    return format(value.normalize(), "f")


def detect_convention(sheet_texts) -> str | None:
    """'indonesia' or 'internasional' when the texts that can be read only one way (both separators,
    or one of them grouping a whole number twice or more) agree, else None."""
    votes = {"indonesia": 0, "internasional": 0}
    for text in sheet_texts:
        if _BOTH_ID.match(text) or _GROUPED_ID.match(text):
            votes["indonesia"] += 1
        elif _BOTH_EN.match(text) or _GROUPED_EN.match(text):
            votes["internasional"] += 1
    if votes["indonesia"] == votes["internasional"]:
        return None
    return max(votes, key=votes.get)
