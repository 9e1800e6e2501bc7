"""Numbers written as words, in the language of the release.

num2words covers most languages pressgen supports; Hindi it lacks, so the words a press
style spells out (zero to ten) are listed here, and larger values are a clear error.
"""

from __future__ import annotations

from functools import lru_cache

from num2words import num2words

from .errors import PressgenError

_HINDI = ("शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ", "दस")
_HINDI_ORDINALS = (
    "", "पहला", "दूसरा", "तीसरा", "चौथा", "पाँचवाँ", "छठा", "सातवाँ", "आठवाँ", "नौवाँ", "दसवाँ",
)  # fmt: skip


@lru_cache(maxsize=4096)
def spell_number(value: int, language: str) -> str:
    """'three', 'drei', 'trois'."""
    if language == "hi":
        if 0 <= value < len(_HINDI):
            return _HINDI[value]
        raise PressgenError(f"no Hindi number words above ten (got {value})")
    try:
        return str(num2words(value, lang=language))
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
        return str(num2words(value, lang=language, to="ordinal"))
    except NotImplementedError:
        raise PressgenError(f"no ordinal words for language {language!r}") from None


@lru_cache(maxsize=4096)
def ordinal_figures(value: int, language: str) -> str:
    """'3rd', '3.', '3e' — an ordinal in figures."""
    if language == "fr":
        return "1er" if value == 1 else f"{value}e"
    if language in ("de", "pl", "hi"):
        return f"{value}."
    if language == "nl":
        return f"{value}e"
    if language == "it":
        return f"{value}º"
    if language == "sv":
        first_two = value % 10 in (1, 2) and value % 100 not in (11, 12)
        return f"{value}:a" if first_two else f"{value}:e"
    try:
        return str(num2words(value, lang=language, to="ordinal_num"))
    except NotImplementedError:
        return f"{value}."
