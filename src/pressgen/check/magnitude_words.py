"""Rounded magnitudes in a draft ("more than 3,000", "almost 1.2 million", "rund 1.800",
"nearly a quarter of a million"): a number after an approximation word is a claim about
a band of values, not the round figure itself, read with the bands the `about` filter
writes with (text/bands.py). And small units in words ("cuatro centésimas", the
`words(unit=...)` filter): a number of hundredths."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from pressgen.check.approx_words import QUALIFIER_BANDS
from pressgen.text.bands import TENTH

if TYPE_CHECKING:
    from pressgen.check.numbers import NumberToken

#: "a quarter of a million", "un quart de million": a fraction of a magnitude.
_OF_MAGNITUDE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s+of\s+an?\s+(?P<mag>thousand|million|billion)\b", re.IGNORECASE),
    "fr": re.compile(r"\s+de\s+(?P<mag>million|milliard)s?\b", re.IGNORECASE),
}
#: "cuatro centésimas", "four hundredths": the unit after a number in words.
_SMALL_UNITS = re.compile(
    r"\s+(?P<unit>hundredths?|tenths?|hundertstel|zehntel|centièmes?|dixièmes?|centésim[ao]s?"
    r"|décim[ao]s?|centesim[oi]|decim[oi]|honderdsten?|tienden?)\b",
    re.IGNORECASE,
)
_SMALL_SCALES = {"hund": Decimal("0.01"), "cent": Decimal("0.01"), "hond": Decimal("0.01")}
_MAGNITUDES = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "milliard": Decimal(10) ** 9,
}


@lru_cache(maxsize=1)
def _qualifier_before() -> re.Pattern[str]:
    words = sorted(QUALIFIER_BANDS, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w])(?P<q>{alt})(?:\s+|(?<=[’']))$", re.IGNORECASE)


def qualify_magnitudes(
    tokens: Sequence[NumberToken],
    clean: str,
    text: str,
    language: str,
    approx: str,
    plain: str,
    percent: str,
) -> list[NumberToken]:
    """`tokens` with each plain number that follows an approximation word widened to
    the word's band around it, and each fraction of a magnitude made a band of counts."""
    before = _qualifier_before()
    of_magnitude = _OF_MAGNITUDE.get(language)
    out: list[NumberToken] = []
    for tok in tokens:
        if tok.unit == approx and tok.band is not None and of_magnitude is not None:
            m = of_magnitude.match(clean, tok.end)
            if m is not None:
                mag = _MAGNITUDES[m.group("mag").lower()]
                lo, hi = tok.band
                out.append(
                    replace(
                        tok,
                        end=m.end(),
                        text=text[tok.start : m.end()],
                        unit=plain,
                        value=(tok.value or Decimal(0)) / 100 * mag,
                        band=(lo * mag, hi * mag),
                    )
                )
                continue
        if (
            tok.unit not in (plain, percent)
            or not tok.checked
            or tok.value is None
            or tok.band is not None
        ):
            out.append(tok)
            continue
        small = (
            _SMALL_UNITS.match(clean, tok.end)
            if tok.form == "words" and tok.unit == plain
            else None
        )
        if small is not None:
            scale = _SMALL_SCALES.get(small.group("unit")[:4].lower(), Decimal("0.1"))
            out.append(
                replace(tok, end=small.end(), text=text[tok.start : small.end()], scale=scale)
            )
            continue
        q = before.search(clean, max(0, tok.start - 24), tok.start)
        bands = QUALIFIER_BANDS.get(" ".join(q.group("q").lower().split())) if q else None
        if q is None or bands is None:
            out.append(tok)
            continue
        r = tok.value * tok.scale
        width = r * TENTH
        # The word's band, and within it only values that round to the number as printed:
        # "about 65,000" is not 60,000, though 60,000 is within a tenth of it.
        half = _last_digit(tok) / 2
        band = (max(r + bands[0] * width, r - half), min(r + bands[1] * width, r + half))
        out.append(
            replace(tok, start=q.start(), text=text[q.start() : tok.end], form=approx, band=band)
        )
    return out


def _last_digit(tok: NumberToken) -> Decimal:
    """The value of one unit in the last significant digit of the number as printed:
    1,000 for "65,000", 100,000 for "1.2 million", 10 for "20 %"."""
    if tok.decimals:
        unit = Decimal(1).scaleb(-tok.decimals)
    else:
        n, unit = abs(int(tok.value or 0)), Decimal(1)
        while n and n % 10 == 0:
            n, unit = n // 10, unit * 10
    return unit * tok.scale
