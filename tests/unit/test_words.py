"""The saved table of small-number words is num2words' own output, and spelling a small
number does not import num2words (it costs a tenth of a one-shot render)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from num2words import num2words

from pressgen.text.words import _table, spell_number, spell_ordinal


@pytest.mark.parametrize("language", sorted(_table()))
def test_table_matches_num2words(language: str) -> None:
    entry = _table()[language]
    for n in (0, 1, 3, 9, 10, 17, 21, 42, 99, 100):
        assert entry["cardinal"][n] == num2words(n, lang=language)
    for n in (1, 2, 3, 11, 22, 100):
        assert entry["ordinal"][n] == num2words(n, lang=language, to="ordinal")


def test_large_numbers_fall_back_to_num2words() -> None:
    assert spell_number(1234, "en") == num2words(1234, lang="en")
    assert spell_ordinal(3, "de") == "dritte"


def test_small_numbers_do_not_import_num2words() -> None:
    code = (
        "import sys\nfrom pressgen.text.words import spell_number\n"
        "print(spell_number(3, 'en'), spell_number(3, 'de'), 'num2words' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["three", "drei", "False"]
