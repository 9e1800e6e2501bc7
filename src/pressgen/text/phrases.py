"""Approximations, change phrases and rank phrases that never overstate a figure.

Every phrase has a band of values it is true for, written down here and in
docs/formatting.md and tested at its edges. Outside every band `approx` prints the exact
percentage instead: an honest figure beats a misleading phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pressgen.errors import PressgenError
from pressgen.text.bands import band
from pressgen.text.formatting import capitalise, to_decimal
from pressgen.text.words import ordinal_figures, spell_ordinal

if TYPE_CHECKING:
    from pressgen.text.formatting import Formatter, Number

_ONE = Decimal(1)
_EXACT = Decimal("1e-9")  # a share within this of a fraction *is* that fraction
_ONE_IN_TOLERANCE = Decimal("0.02")  # "one in four": within 2 % of 1/4, relative
_CHANGE_TOLERANCE = Decimal("0.005")  # "doubled", "fell by a fifth": within ±0.5 points


@dataclass(frozen=True)
class _Fraction:
    value: Decimal
    en: str
    de: str
    fr: str


_FRACTIONS = (
    _Fraction(_ONE / 10, "a tenth", "ein Zehntel", "un dixième"),
    _Fraction(_ONE / 5, "a fifth", "ein Fünftel", "un cinquième"),
    _Fraction(_ONE / 4, "a quarter", "ein Viertel", "un quart"),
    _Fraction(_ONE / 3, "a third", "ein Drittel", "un tiers"),
    _Fraction(_ONE / 2, "half", "die Hälfte", "la moitié"),
    _Fraction(_ONE * 2 / 3, "two thirds", "zwei Drittel", "deux tiers"),
    _Fraction(_ONE * 3 / 4, "three quarters", "drei Viertel", "trois quarts"),
)

_QUALIFIERS = {
    # (below the fraction, above it); English says "almost half" but "nearly a third".
    "en": ("nearly", "more than"),
    "de": ("knapp", "mehr als"),
    "fr": ("près de", "plus de"),
}

_LANGS = frozenset(_QUALIFIERS)


def approx(fmt: Formatter, share: Number | float | str) -> str:
    """A share (0.47) as a fraction a reader grasps, only where it is true:

    - the fraction itself ('half', 'a third') when the share equals it;
    - 'almost half' / 'nearly a third' when the share is below the fraction by at most a
      tenth of it (45 % ≤ share < 50 % for half; 30 % to 33.3 % for a third);
    - 'more than half' when it is above by at most a tenth (50 % < share ≤ 55 %);
    - otherwise the exact percentage in house style.

    Where two bands overlap the nearer fraction wins."""
    s = to_decimal(share)
    lang = fmt.language
    if lang not in _LANGS or not (0 <= s <= 1):
        return fmt.percent(s)
    best: tuple[Decimal, str] | None = None
    for fr in _FRACTIONS:
        name: str = getattr(fr, lang)
        gap = s - fr.value
        if abs(gap) <= _EXACT:
            return name
        below = band(fr.value, "below")
        over = band(fr.value, "over")
        if below[0] <= s < fr.value:
            word = _QUALIFIERS[lang][0]
            if lang == "en" and fr.value == _ONE / 2:
                word = "almost"
        elif fr.value < s <= over[1]:
            word = _QUALIFIERS[lang][1]
        else:
            continue
        phrase = _qualify(lang, word, name)
        if best is None or abs(gap) < best[0]:
            best = (abs(gap), phrase)
    return best[1] if best else fmt.percent(s)


def one_in(fmt: Formatter, share: Number | float | str, largest: int = 20) -> str:
    """'one in four' when the share is within 2 % (relative) of 1/N for N from 2 to
    `largest`; otherwise the exact percentage. N follows the style's spell-out rule."""
    s = to_decimal(share)
    if s <= 0 or s > 1 or fmt.language not in _LANGS:
        return fmt.percent(s)
    n = int((_ONE / s).to_integral_value())
    if not (2 <= n <= largest) or abs(s - _ONE / n) > _ONE_IN_TOLERANCE / n:
        return fmt.percent(s)
    if fmt.language == "de":
        if n < fmt.style.spell_out_below:
            return f"jeder {capitalise(spell_ordinal(n, 'de'))}"
        return f"jeder {n}."
    number = fmt.count(n)
    if fmt.language == "fr":
        return f"un sur {number}"
    return f"one in {number}"


_CHANGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "same": "unchanged",
        "up": "up {x}",
        "down": "down {x}",
        "x2": "doubled",
        "x3": "tripled",
        "x4": "quadrupled",
        "half": "halved",
        "rise": "rose by {f}",
        "fall": "fell by {f}",
    },
    "de": {
        "same": "unverändert",
        "up": "plus {x}",
        "down": "minus {x}",
        "x2": "verdoppelt",
        "x3": "verdreifacht",
        "x4": "vervierfacht",
        "half": "halbiert",
        "rise": "um {f} gestiegen",
        "fall": "um {f} gesunken",
    },
    "fr": {
        "same": "stable",
        "up": "en hausse de {x}",
        "down": "en baisse de {x}",
        "x2": "a doublé",
        "x3": "a triplé",
        "x4": "a quadruplé",
        "half": "divisé par deux",
        "rise": "en hausse {f}",
        "fall": "en baisse {f}",
    },
}

_CHANGE_FRACTIONS = (
    (_ONE / 5, {"en": "a fifth", "de": "ein Fünftel", "fr": "d’un cinquième"}),
    (_ONE / 4, {"en": "a quarter", "de": "ein Viertel", "fr": "d’un quart"}),
    (_ONE / 3, {"en": "a third", "de": "ein Drittel", "fr": "d’un tiers"}),
    (_ONE / 2, {"en": "half", "de": "die Hälfte", "fr": "de moitié"}),
)


def change(
    fmt: Formatter,
    value: Number | float | str,
    unit: Literal["percent", "points"] = "percent",
    decimals: int | None = None,
) -> str:
    """A change with its direction in words.

    `unit='percent'`: `value` is a relative change (0.12 for +12 %): 'up 12 per cent',
    'down 2.4 per cent'; with the style's `change_words`, 'doubled' (+100 %), 'tripled',
    'quadrupled', 'halved' (−50 %), 'rose by a third', 'fell by a fifth' when the change
    is within ±0.5 percentage points of that fraction. `unit='points'`: `value` is a
    difference of two shares (0.03): 'up 3 percentage points'. Zero is 'unchanged' —
    after rounding, so +0.2 % shown with no decimals is 'unchanged', never 'up 0 per cent'.
    """
    words = _CHANGE_WORDS.get(fmt.language)
    if words is None:
        raise PressgenError(f"no change phrases for language {fmt.language!r}")
    v = to_decimal(value)
    if unit == "points":
        places = fmt.style.share_decimals if decimals is None else decimals
        if fmt.round(abs(v) * 100, places) == 0:
            return words["same"]
        text = fmt.points(v, places)
        return words["up" if v > 0 else "down"].format(x=text)
    if unit != "percent":
        raise PressgenError(f"change: unit must be 'percent' or 'points', not {unit!r}")
    places = fmt.style.change_decimals if decimals is None else decimals
    if fmt.style.change_words:
        for multiple, key in ((1, "x2"), (2, "x3"), (3, "x4"), (Decimal("-0.5"), "half")):
            if abs(v - multiple) <= _CHANGE_TOLERANCE:
                return words[key]
        for fraction, names in _CHANGE_FRACTIONS:
            if abs(abs(v) - fraction) <= _CHANGE_TOLERANCE and v != Decimal("-0.5"):
                return words["rise" if v > 0 else "fall"].format(f=names[fmt.language])
    if fmt.round(abs(v) * 100, places) == 0:
        return words["same"]
    text = fmt.percent(abs(v), places)
    return words["up" if v > 0 else "down"].format(x=text)


_GERMAN_STEMS = {2: "zweit", 3: "dritt", 7: "siebt", 8: "acht"}


def rank(fmt: Formatter, n: int, adjective: str, *, joint: bool = False) -> str:
    """A place in a ranking with its adjective: 'highest', 'third-highest',
    'joint third-highest', '11th-highest'; 'dritthöchste'; 'troisième plus élevé'."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise PressgenError(f"rank must be a whole number from 1, not {n!r}")
    lang = fmt.language
    if lang == "en":
        if n == 1:
            text = adjective
        elif n < max(fmt.style.spell_out_below, 2):
            text = f"{spell_ordinal(n, 'en')}-{adjective}"
        else:
            text = f"{ordinal_figures(n, 'en')}-{adjective}"
        return f"joint {text}" if joint else text
    if lang == "de":
        stem = _GERMAN_STEMS.get(n) or spell_ordinal(n, "de").removesuffix("e")
        if n == 1:
            stem = ""
        text = f"{stem}{adjective}"
        return f"gemeinsam {text}" if joint else text
    if lang == "fr":
        text = adjective if n == 1 else f"{spell_ordinal(n, 'fr')} {adjective}"
        return f"{text} ex aequo" if joint else text
    raise PressgenError(f"no rank phrases for language {lang!r}")


def _qualify(lang: str, word: str, name: str) -> str:
    if lang == "fr" and word == "près de" and name[:1] in "aeiouu":
        return f"près d’{name}"
    if lang == "fr" and name.startswith("la "):
        return (
            f"{word.removesuffix(' de')} de la {name[3:]}"
            if word == "près de"
            else (f"{word} la {name[3:]}")
        )
    return f"{word} {name}"


# The word that marks an export as a draft (DOCX page header, HTML banner, text first
# line), in capitals as a stamp is written, for every language of SUPPORTED_LOCALES.
DRAFT_WORDS: dict[str, str] = {
    "en": "DRAFT",
    "de": "ENTWURF",
    "fr": "BROUILLON",
    "es": "BORRADOR",
    "it": "BOZZA",
    "nl": "CONCEPT",
    "pl": "WERSJA ROBOCZA",
    "sv": "UTKAST",
    "pt": "RASCUNHO",
    "ja": "下書き",
    "hi": "मसौदा",
}


def draft_word(locale: str) -> str:
    """'DRAFT', 'ENTWURF', 'BROUILLON' for a locale tag (en_GB, de-DE). A CLDR locale
    outside the supported list gets the English word: a draft must be marked, in some
    language, rather than not at all."""
    language = locale.replace("-", "_").split("_")[0].lower()
    return DRAFT_WORDS.get(language, DRAFT_WORDS["en"])
