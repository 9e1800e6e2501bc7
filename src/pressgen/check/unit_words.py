"""The words a draft writes a number's unit with: percent signs and words, percentage
points, and the formatter's "less than 1 per cent" phrase, as regular-expression
alternatives for the number reader (check/numbers.py)."""

from __future__ import annotations

import re

from pressgen.text.phrase_words import LESS_THAN, POINTS_WORDS
from pressgen.text.style import HouseStyle


def less_than_regex(language: str, number: str, pct: str, sp: str) -> re.Pattern[str] | None:
    """The formatter's "less than {x}" phrase (text/phrase_words.py) with {x} a
    percentage of 1 or 0.1: group x is the percentage."""
    pattern = LESS_THAN.get(language)
    if pattern is None:
        return None
    before, _, after = pattern.partition("{x}")
    head = re.escape(before).replace(r"\ ", r"\s+")
    if language == "it":  # "meno dell’1 %", "meno dello 0,1 %"
        head = r"meno\s+del(?:l[’']|lo\s+|\s+)"
    tail = re.escape(after).replace(r"\ ", r"\s+")
    x = rf"(?P<x>(?:1|0[.,]0*1){sp}(?:{pct}))"
    return re.compile(rf"(?<!\w){head}{x}{tail}", re.IGNORECASE)


def percent_words(style: HouseStyle, sign: str) -> str:
    words = {
        "%",
        "٪",
        "％",
        sign,
        "per cent",
        "percent",
        "pc",
        "Prozent",
        "pour cent",
        "por ciento",
        "por cento",
        "per cento",
        "procent",
        "procentów",
        "proc.",
        "prozent",
        "pour\u00a0cent",
        "प्रतिशत",
        "パーセント",
    }
    if style.percent_word:
        words.add(style.percent_word)
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def points_words(style: HouseStyle) -> str:
    words = {
        "percentage points",
        "percentage point",
        "points de pourcentage",
        "point de pourcentage",
        "Prozentpunkte",
        "Prozentpunkten",
        "Prozentpunkt",
        "punti percentuali",
        "puntos porcentuales",
        "procentenheter",
        "procentpunten",
        "pontos percentuais",
        "punktów procentowych",
        "pp",
        "ppt",
        "ppts",
        style.points_word,
    }
    # every form the formatter prints (text/phrase_words.py), singular and plural
    words |= {w for forms in POINTS_WORDS.values() for w in forms.values()}
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
