"""Numbers written as words, in the language of the release."""

from __future__ import annotations

from functools import lru_cache

from num2words import num2words

from .errors import PressgenError


@lru_cache(maxsize=4096)
def spell_number(value: int, language: str) -> str:
    try:
        return str(num2words(value, lang=language))
    except NotImplementedError:
        raise PressgenError(f"no number words for language {language!r}") from None


@lru_cache(maxsize=4096)
def spell_ordinal(value: int, language: str) -> str:
    try:
        return str(num2words(value, lang=language, to="ordinal"))
    except NotImplementedError:
        raise PressgenError(f"no ordinal words for language {language!r}") from None
