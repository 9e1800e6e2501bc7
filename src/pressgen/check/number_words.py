"""Numbers written as words in a draft ("three", "twenty-one", "three thousand", "drei"):
the words of a language and the pattern that finds them."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from pressgen.errors import PressgenError
from pressgen.text.words import spell_number


def words_value(text: str, words: dict[str, int], language: str) -> Decimal | None:
    """The value of 'three', 'twenty-one', 'three thousand', 'drei'."""
    parts = text.lower().split()
    if not parts:
        return None
    total = words.get(parts[0])
    if total is None and language == "de":
        total = german_compound(parts[0], words)
    if total is None:
        return None
    value = Decimal(total)
    for p in parts[1:]:
        mult = _MULTIPLIERS.get(p)
        if mult is None:
            return None
        value *= mult
    return value


_MULTIPLIERS = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10**6),
    "billion": Decimal(10**9),
}
GERMAN_ORDINALS = {
    "zweite": Decimal(2),
    "dritte": Decimal(3),
    "vierte": Decimal(4),
    "fünfte": Decimal(5),
    "sechste": Decimal(6),
    "siebte": Decimal(7),
    "achte": Decimal(8),
    "neunte": Decimal(9),
    "zehnte": Decimal(10),
    "zwanzigste": Decimal(20),
}


@lru_cache(maxsize=32)
def number_words(language: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in range(0, 101):
        try:
            word = spell_number(n, language)
        except (PressgenError, OverflowError, ValueError, KeyError):
            break
        out.setdefault(word.lower(), n)
        if "-" in word:
            out.setdefault(word.lower().replace("-", " "), n)
    return out


def german_compound(word: str, words: dict[str, int]) -> int | None:
    """German numbers written as one word above a hundred: 'zweihundert',
    'dreitausend', 'dreitausendfünfhundertzwölf'. None when `word` is not one."""
    w = word.lower()
    if "tausend" not in w and "hundert" not in w:
        return None
    total = 0
    if "tausend" in w:
        left, _, w = w.partition("tausend")
        thousands = 1 if left in ("", "ein", "eins") else _german_hundreds(left, words)
        if thousands is None or "tausend" in w:
            return None
        total += thousands * 1000
    if w:
        rest = _german_hundreds(w, words)
        if rest is None:
            return None
        total += rest
    return total


def _german_hundreds(w: str, words: dict[str, int]) -> int | None:
    if "hundert" not in w:
        return words.get(w)
    left, _, right = w.partition("hundert")
    hundreds = 1 if left in ("", "ein", "eins") else words.get(left)
    tail = words.get(right) if right else 0
    if hundreds is None or tail is None or hundreds > 9:
        return None
    return hundreds * 100 + tail


class WordsPattern:
    """Spelled-out numbers: words are found by one cheap pattern and looked up, rather
    than trying a hundred alternatives at every position; English multipliers follow."""

    _WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u097f])+(?:-[^\W\d_]+)*")
    _MULT = re.compile(r"(?:\s+(?:hundred|thousand|million|billion))+", re.IGNORECASE)

    def __init__(self, words: dict[str, int], language: str) -> None:
        self._words = words
        self._english = language == "en"
        self._german = language == "de"

    def finditer(self, text: str) -> list[re.Match[str] | WordSpan]:
        out: list[re.Match[str] | WordSpan] = []
        for m in self._WORD.finditer(text):
            word = m.group(0).lower()
            if word not in self._words and not (
                self._german and german_compound(word, self._words) is not None
            ):
                continue
            if self._english:
                tail = self._MULT.match(text, m.end())
                if tail:
                    out.append(WordSpan(text, m.start(), tail.end()))
                    continue
            out.append(m)
        return out


class WordSpan:
    """A match-like span for `WordsPattern`."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._start = start
        self._end = end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start : self._end]


def words_regex(words: dict[str, int], language: str) -> WordsPattern | re.Pattern[str] | None:
    if not words:
        return None
    if language in ("ja", "zh"):
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(alts)
    return WordsPattern(words, language)
