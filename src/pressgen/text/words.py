"""Numbers written as words, in the language of the release.

num2words covers most languages pressgen supports; Hindi it lacks, so the words a press
style spells out (zero to ten) are listed here, and larger values are a clear error.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from pressgen.errors import PressgenError

_HINDI = ("शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", "दस")
_HINDI_ORDINALS = (
    "", "पहला", "दूसरा", "तीसरा", "चौथा", "पाँचवाँ", "छठा", "सातवाँ", "आठवाँ", "नौवाँ", "दसवाँ",
)  # fmt: skip


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    """num2words' own words for 0-100, saved by scripts/build_number_words.py: importing
    num2words costs ~35 ms and a release mostly spells out one to nine."""
    text = resources.files("pressgen").joinpath("data/number_words.json").read_text("utf-8")
    table: dict[str, dict[str, list[str]]] = json.loads(text)
    return table


def _num2words(value: int, language: str, to: str) -> str:
    entry = _table().get(language)
    kind = "ordinal" if to == "ordinal" else "cardinal"
    if entry is not None and to in ("cardinal", "ordinal") and 0 <= value < len(entry[kind]):
        word = entry[kind][value]
        if word:
            return word
    from num2words import num2words

    result: Any = num2words(value, lang=language, to=to)
    return str(result)


@lru_cache(maxsize=4096)
def spell_number(value: int, language: str) -> str:
    """'three', 'drei', 'trois'."""
    if language == "hi":
        if 0 <= value < len(_HINDI):
            return _HINDI[value]
        raise PressgenError(f"no Hindi number words above ten (got {value})")
    try:
        return _num2words(value, language, "cardinal")
    except NotImplementedError:
        raise PressgenError(f"no number words for language {language!r}") from None


@lru_cache(maxsize=4096)
def spell_ordinal(value: int, language: str) -> str:
    """'third', 'dritte', 'troisième'."""
    if value < 1:
        raise PressgenError(f"no ordinal for {value}")
    if language == "hi":
        if value < len(_HINDI_ORDINALS):
            return _HINDI_ORDINALS[value]
        raise PressgenError(f"no Hindi ordinal words above ten (got {value})")
    try:
        return _num2words(value, language, "ordinal")
    except NotImplementedError:
        raise PressgenError(f"no ordinal words for language {language!r}") from None


_EN_TAILS = {1: "st", 2: "nd", 3: "rd"}


@lru_cache(maxsize=4096)
def ordinal_figures(value: int, language: str, *, feminine: bool = False) -> str:
    """'3rd', '3.', '3e' — an ordinal in figures; French '1re' for a feminine noun
    ('la 1re place'), Spanish and Portuguese '3ª', Italian '3ª'."""
    if language == "fr":
        return ("1re" if feminine else "1er") if value == 1 else f"{value}e"
    if feminine and language in ("es", "it", "pt", "pt_BR"):
        return f"{value}ª"
    if language in ("de", "pl", "hi"):
        return f"{value}."
    if language == "nl":
        return f"{value}e"
    if language == "it":
        return f"{value}º"
    if language == "sv":
        first_two = value % 10 in (1, 2) and value % 100 not in (11, 12)
        return f"{value}:a" if first_two else f"{value}:e"
    if language == "en" and type(value) is int and value > 0:
        # What num2words gives (it spells the whole ordinal to take its last two
        # letters: ~0.1 ms, and a batch ranks thousands of groups).
        tail = "th" if value % 100 in (11, 12, 13) else _EN_TAILS.get(value % 10, "th")
        return f"{value}{tail}"
    try:
        return _num2words(value, language, "ordinal_num")
    except NotImplementedError:
        return f"{value}."


def feminine_ordinal(word: str, language: str) -> str:
    """The feminine of an ordinal in words where it differs: 'première', 'tercera',
    'terza', 'terceira'; unchanged elsewhere."""
    if language == "fr" and word == "premier":
        return "première"
    if language in ("es", "it", "pt", "pt_BR") and word.endswith("o"):
        return word[:-1] + "a"
    if language == "es" and word in ("primer", "tercer"):
        return word + "a"
    return word
