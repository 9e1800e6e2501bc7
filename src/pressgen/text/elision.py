"""Elision and article contraction in phrases: French 'd’un quart', Italian 'dell’8 %',
Spanish 'y'/'e' and 'o'/'u' before a list's last item. Text in, text out; no imports from
the rest of pressgen, so the formatter and the phrases can both use it."""

from __future__ import annotations

import re

_IT_LO = {"del": "dello", "dal": "dallo", "al": "allo", "nel": "nello"}
_IT_DEL = re.compile(r"\b(del|dal|al|nel) (\d[\d.\u00a0\u202f ]*)")


def _italian_vowel_number(digits: str) -> bool:
    """Whether an Italian number's spoken form starts with a vowel: 1 (uno), 8.. (otto,
    ottanta, ottocento, ottomila), 11 and 11 thousand (undici, undicimila)."""
    return (
        digits == "1"
        or digits.startswith("8")
        or (digits.startswith("11") and len(digits) % 3 == 2)
    )


def italian_articles(text: str) -> str:
    """'del 12 %' stays; 'del 8 %' becomes 'dell’8 %', 'del 0,5 %' 'dello 0,5 %'."""

    def fix(m: re.Match[str]) -> str:
        prep, number = m.group(1), m.group(2)
        if number.startswith("0"):
            return _IT_LO[prep] + " " + number
        if _italian_vowel_number(re.sub(r"\D", "", number.split(",")[0])):
            return prep[:-1] + "ll’" + number
        return m.group(0)

    return _IT_DEL.sub(fix, text)


_FR_ELIDE = re.compile(r"\b([Dd]e|[Qq]ue|[Jj]usque) (?=(?!onze\b)[aeiouéèêàâîôûAEIOUÉ])")


def french_elision(text: str) -> str:
    """'de un quart' is 'd’un quart', 'que un' 'qu’un'; not before 'onze' or an h."""
    return _FR_ELIDE.sub(lambda m: m.group(1)[:-1] + "’", text)


_ES_E = re.compile(r"(?:i|hi(?![aeiouáéó])|h?í)", re.IGNORECASE)  # "e Italia", but "y hielo"
_ES_U = re.compile(r"(?:h?[oó]|8|11(?:\d{3})*(?!\d))", re.IGNORECASE)  # "u Oviedo", "7 u 8"


def spanish_conjunction(word: str, last: str) -> str:
    """'y' becomes 'e' before a word that starts with the sound i (i-, hi-, not hie-),
    'o' becomes 'u' before one that starts with o (o-, ho-, 8, 11): RAE's rule."""
    if word == "y" and _ES_E.match(last):
        return "e"
    if word == "o" and _ES_U.match(last):
        return "u"
    return word
