"""Rule messages: `{name}` placeholders filled with formatted values — no str.format, no attribute access."""

from __future__ import annotations

import re
from decimal import Decimal

from .fields import PERCENT_FIELDS, is_money
from .format import angka, persen, rupiah
from .patterns import compiled

_PLACEHOLDER = compiled(r"\{([^{}]*)\}")


def placeholders(message: str) -> list[str]:
    return [m.group(1).strip() for m in _PLACEHOLDER.finditer(message)]


def fill(message: str, values: dict[str, object]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1).strip()
        value = values.get(name)
        if isinstance(value, Decimal) or value is None:
            if name in PERCENT_FIELDS:
                return persen(value)
            if is_money(name, on_budget="anggaran" in values):
                return rupiah(value)
            return angka(value)
        return str(value)

    return _PLACEHOLDER.sub(replace, message)
