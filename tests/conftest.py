"""Shared helpers: specs written inline in the test, as in Beancount's load_doc."""

from __future__ import annotations

import os
import textwrap
from decimal import ROUND_HALF_UP, Decimal

# The product's default language, whatever the machine's locale says: a test that expects English
# asks for it (--lang en, i18n.using("en")). Set before lkjipdsl is imported, and inherited by the
# commands the tests start.
os.environ["LKJIPDSL_LANG"] = "id"
# Text tables as wide as output that is not a terminal's (100 columns), whatever the shell exports:
# a test that wants another width asks for it (--lebar, monkeypatch.setenv("COLUMNS", …)).
os.environ.pop("COLUMNS", None)

import pytest

import lkjipdsl

HEADER = 'instansi "Kecamatan Contoh"\ntahun 2023\n'


def load_text(body: str, header: bool = True):
    text = (HEADER if header else "") + textwrap.dedent(body)
    return lkjipdsl.loads(text, "test.lkj")


def evaluate_text(body: str, header: bool = True):
    """The result with its computations (what tests of the rules read)."""
    loaded = load_text(body, header)
    errors = [d for d in loaded.diagnostics if d.is_error]
    assert not errors, "\n".join(f"{d.code} {d.message}" for d in errors)
    return lkjipdsl.evaluate(loaded, computations=True)


def r2(value) -> Decimal:
    """Round half-up to 2 decimals — the display rule, applied here to compare with hand values."""
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture
def spec_text():
    return load_text
