"""Approximations, change phrases and rank phrases that never overstate a figure.

Every phrase has a band of values it is true for, written down here and in
docs/formatting.md and tested at its edges. Outside every band `approx` prints the exact
percentage instead: an honest figure beats a misleading phrase.
"""

from __future__ import annotations

from decimal import Decimal
from math import gcd
from typing import TYPE_CHECKING, Literal

from pressgen.errors import PressgenError
from pressgen.text.approx_families import FAMILIES, FIFTH_NAMES, FIFTHS, M_IN_N
from pressgen.text.bands import band
from pressgen.text.elision import french_elision, italian_articles
from pressgen.text.formatting import capitalise, to_decimal
from pressgen.text.phrase_words import (
    CHANGE_AS_NOUN,
    CHANGE_FRACTIONS,
    CHANGE_NOUN_WORDS,
    CHANGE_WORDS,
    FRACTION_NAMES,
    FRACTION_VALUES,
    RANK_WORDS,
)
from pressgen.text.placeholders import compile_placeholders
from pressgen.text.words import ordinal_figures, spell_ordinal

if TYPE_CHECKING:
    from pressgen.text.formatting import Formatter, Number

_ONE = Decimal(1)
_EXACT = Decimal("1e-9")  # a share within this of a fraction *is* that fraction
_ONE_IN_TOLERANCE = Decimal("0.02")  # "one in four": within 2 % of 1/4, relative
_CHANGE_TOLERANCE = Decimal("0.005")  # "doubled", "fell by a fifth": within ±0.5 points


_FRACTIONS = tuple(
    (value, {lang: names[k] for lang, names in FRACTION_NAMES.items()})
    for k, value in enumerate(FRACTION_VALUES)
)
_ONE_IN_LANGS = frozenset({"en", "de", "fr"})


def approx(
    fmt: Formatter,
    share: Number | float | str,
    family: str = "default",
    fractions: str = "common",
) -> str:
    """A share (0.47) as a fraction a reader grasps, only where it is true:

    - the fraction itself ('half', 'a third') when the share equals it;
    - below it, the family's word for below ('almost half', 'nearly a third', 'less than
      half', 'knapp ein Drittel') inside that word's band: for 'nearly' a tenth of the
      fraction (45 % ≤ share < 50 % for half), for 'less than' two tenths;
    - above it, the family's word for above ('more than half', 'over half', 'gut die
      Hälfte', 'just over a third') inside its band: a tenth, half a tenth for 'just';
    - otherwise the exact percentage in house style.

    `family` is one of FAMILIES (text/approx_families.py); `fractions` is `common`
    (a tenth to three quarters), `fifths` or `all`. Where two bands overlap the nearer
    fraction wins."""
    s = to_decimal(share)
    lang = fmt.language
    words = FAMILIES.get(family)
    if words is None:
        known = ", ".join(sorted(FAMILIES))
        raise PressgenError(f"approx: family must be one of {known}, not {family!r}")
    table = _fraction_table(lang, fractions)
    if lang not in words or not table or not (0 <= s <= 1):
        return fmt.percent(s)
    (below_word, below_kind), (above_word, above_kind) = words[lang]
    best: tuple[Decimal, str] | None = None
    for value, name in table:
        gap = s - value
        if abs(gap) <= _EXACT:
            return name
        if s < value and band(value, below_kind)[0] <= s:
            word = below_word
            if family == "default" and lang == "en" and value == _ONE / 2:
                word = "almost"
        elif s > value and s <= band(value, above_kind)[1]:
            word = above_word
        else:
            continue
        phrase = _qualify(lang, word, name)
        if best is None or abs(gap) < best[0]:
            best = (abs(gap), phrase)
    return best[1] if best else fmt.percent(s)


def _fraction_table(lang: str, fractions: str) -> list[tuple[Decimal, str]]:
    if fractions not in ("common", "fifths", "all"):
        raise PressgenError(
            f"approx: fractions must be 'common', 'fifths' or 'all', not {fractions!r}"
        )
    table: dict[Decimal, str] = {}
    if fractions in ("common", "all"):
        table.update((value, names[lang]) for value, names in _FRACTIONS if lang in names)
    if fractions in ("fifths", "all") and lang in FIFTH_NAMES:
        table.update(zip(FIFTHS, FIFTH_NAMES[lang], strict=True))
    return sorted(table.items())


def m_in_n(fmt: Formatter, share: Number | float | str, largest: int = 10) -> str:
    """'three in five', 'drei von fünf', 'trois sur cinq' when the share is within 2 %
    (relative) of m/n for n up to `largest` (the nearest such m/n); 'one in four' is
    `one_in`'s; otherwise the exact percentage."""
    s = to_decimal(share)
    pattern = M_IN_N.get(fmt.language)
    if pattern is None or s <= 0 or s >= 1:
        return fmt.percent(s)
    fits: list[tuple[Decimal, int, int]] = []
    for n in range(2, largest + 1):
        m = int((s * n).to_integral_value())
        if 1 <= m < n and gcd(m, n) == 1 and abs(s - Decimal(m) / n) <= _ONE_IN_TOLERANCE * m / n:
            fits.append((abs(s - Decimal(m) / n), n, m))
    if not fits:
        return fmt.percent(s)
    _, n, m = min(fits)  # the nearest; on a tie the smaller n
    if m == 1:
        return one_in(fmt, s, largest)
    return _fill(pattern, ("m", "n"), m=fmt.words(m), n=fmt.words(n))


def one_in(fmt: Formatter, share: Number | float | str, largest: int = 20) -> str:
    """'one in four' when the share is within 2 % (relative) of 1/N for N from 2 to
    `largest`; otherwise the exact percentage. N follows the style's spell-out rule."""
    s = to_decimal(share)
    if s <= 0 or s > 1 or fmt.language not in _ONE_IN_LANGS:
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


_CHANGE_FIELDS = ("x", "f", "n")
_RANK_FIELDS = ("a", "o", "n", "t")
_UNITS = ("percent", "points", "count")


def _fill(pattern: str, fields: tuple[str, ...], **values: str) -> str:
    return compile_placeholders(pattern, fields).fill(values)


def change_words(language: str) -> dict[str, str]:
    """The change phrases of `language`; an error naming it where there are none."""
    words = CHANGE_WORDS.get(language)
    if words is None:
        raise PressgenError(f"no change phrases for language {language!r}")
    return words


def change(
    fmt: Formatter,
    value: Number | float | str,
    unit: Literal["percent", "points", "count"] = "percent",
    decimals: int | None = None,
    *,
    verb: bool = False,
    noun: str | bool | None = None,
) -> str:
    """A change with its direction in words, never a minus sign.

    `unit='percent'`: `value` is a relative change (0.12 for +12 %): 'up 12 per cent',
    'down 2.4 per cent'; with the style's `change_words`, 'doubled' (+100 %), 'tripled',
    'quadrupled', 'halved' (−50 %), 'rose by a third', 'fell by a fifth' when the change
    is within ±0.5 percentage points of that fraction. `unit='points'`: `value` is a
    difference of two shares (0.03): 'up 3 percentage points'. `unit='count'`: `value` is
    a difference of two counts (-382): 'down 382'. `verb=True` writes the verb: 'rose by
    12 per cent', 'fell by 382' (no multiples or fractions then). Zero is 'unchanged' —
    after rounding, so +0.2 % shown with no decimals is 'unchanged', never 'up 0 per cent'.
    `noun` (with `unit='count'`) names what is counted: '48,000 fewer births', '48 000
    naissances de moins', '8.595 nacimientos menos'; `noun=True` writes the change as a
    noun phrase: 'a 17% drop', 'an 8% rise', 'un descenso del 2,6%', 'ein Rückgang um 2 %'.
    """
    words = change_words(fmt.language)
    if unit not in _UNITS:
        raise PressgenError(f"change: unit must be 'percent', 'points' or 'count', not {unit!r}")
    v = to_decimal(value)
    if noun is True:
        return _as_noun(fmt, v, unit, decimals)
    if noun is not None and noun is not False:
        return _noun_change(fmt, v, unit, decimals, noun)
    pre = "v_" if verb else ""
    up = v > 0
    if unit == "points":
        places = fmt.style.share_decimals if decimals is None else decimals
        if fmt.round(abs(v) * 100, places) == 0:
            return words[pre + "same"]
        return _say(fmt, words[pre + ("up_n" if up else "down_n")], fmt.points(v, places))
    if unit == "count":
        places = _count_places(fmt, v) if decimals is None else decimals
        if fmt.round(abs(v), places) == 0:
            return words[pre + "same"]
        # a whole difference is a count in house style: "up three", "en hausse d’un"
        # (but "1 mehr", not "ein mehr": one's form there depends on the noun left out)
        spell = places == 0 and decimals is None and (abs(v) != 1 or fmt.language in ("en", "fr"))
        size = fmt.count(abs(v)) if spell else None
        size = size or fmt.decimal(abs(v), places)
        return _say(fmt, words[pre + ("up_n" if up else "down_n")], size)
    places = fmt.style.change_decimals if decimals is None else decimals
    if fmt.style.change_words and not verb:
        for multiple, key in ((1, "x2"), (2, "x3"), (3, "x4"), (Decimal("-0.5"), "half")):
            if abs(v - multiple) <= _CHANGE_TOLERANCE:
                return words[key]
        for fraction, names in CHANGE_FRACTIONS:
            name = names.get(fmt.language)
            if name and abs(abs(v) - fraction) <= _CHANGE_TOLERANCE and v != Decimal("-0.5"):
                return _fill(words["rise" if up else "fall"], _CHANGE_FIELDS, f=name, x="", n="")
    if fmt.round(abs(v) * 100, places) == 0:
        return words[pre + "same"]
    return _say(fmt, words[pre + ("up" if up else "down")], fmt.percent(abs(v), places))


def _as_noun(fmt: Formatter, v: Decimal, unit: str, decimals: int | None) -> str:
    words = change_words(fmt.language)
    up_form, down_form = CHANGE_AS_NOUN.get(fmt.language, (words["up"], words["down"]))
    if unit == "count":
        places = _count_places(fmt, v) if decimals is None else decimals
        if fmt.round(abs(v), places) == 0:
            return words["same"]
        size = fmt.decimal(abs(v), places)
    elif unit == "points":
        places = fmt.style.share_decimals if decimals is None else decimals
        if fmt.round(abs(v) * 100, places) == 0:
            return words["same"]
        size = fmt.points(v, places)
    else:
        places = fmt.style.change_decimals if decimals is None else decimals
        if fmt.round(abs(v) * 100, places) == 0:
            return words["same"]
        size = fmt.percent(abs(v), places)
    text = _say(fmt, up_form if v > 0 else down_form, size)
    if fmt.language == "en" and text.startswith("a ") and _says_an(size):
        text = "an" + text[1:]
    return text


def _says_an(number: str) -> bool:
    """English 'an' before a number read aloud with a vowel: 8, 11, 18, 80-89, 800, 8,000,
    11,000, 18 million; never 1,800 ('one thousand')."""
    digits = ""
    for ch in number:
        if ch.isdigit():
            digits += ch
        elif ch in ",\u202f\u00a0 ":
            continue
        else:
            break
    if not digits:
        return False
    lead = digits[: len(digits) % 3 or 3]
    return digits[0] == "8" or lead in ("11", "18")


def _noun_change(fmt: Formatter, v: Decimal, unit: str, decimals: int | None, noun: str) -> str:
    forms = CHANGE_NOUN_WORDS.get(fmt.language)
    if unit != "count":
        raise PressgenError("change: noun= goes with unit='count' ('48,000 fewer births')")
    if forms is None:
        raise PressgenError(f"change: no noun form for language {fmt.language!r}; leave noun out")
    if not isinstance(noun, str) or not noun.strip():
        raise PressgenError("change: noun must be the word for what is counted, e.g. 'births'")
    places = _count_places(fmt, v) if decimals is None else decimals
    if fmt.round(abs(v), places) == 0:
        return change_words(fmt.language)["same"]
    size = fmt.decimal(abs(v), places)
    return _fill(forms[0] if v > 0 else forms[1], _CHANGE_FIELDS, x=size, n=noun.strip())


def _count_places(fmt: Formatter, v: Decimal) -> int:
    """A whole difference prints whole; a fractional one with the style's decimals."""
    return 0 if v == v.to_integral_value() else fmt.style.decimals


def _say(fmt: Formatter, pattern: str, size: str) -> str:
    text = _fill(pattern, _CHANGE_FIELDS, x=size, f="", n="")
    if fmt.language == "it":
        return italian_articles(text)
    if fmt.language == "fr":
        return french_elision(text)
    return text


_GERMAN_STEMS = {2: "zweit", 3: "dritt", 7: "siebt", 8: "acht"}


def rank(fmt: Formatter, n: int, adjective: str, *, joint: bool = False) -> str:
    """A place in a ranking with its adjective: 'highest', 'third-highest',
    'joint third-highest', '11th-highest'; 'dritthöchste'; 'troisième plus élevé';
    'tercero más alto'; '3番目に高い'. Ordinals follow the style's spell-out rule."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise PressgenError(f"rank must be a whole number from 1, not {n!r}")
    lang = fmt.language
    words = RANK_WORDS.get(lang)
    if words is None:
        raise PressgenError(f"no rank phrases for language {lang!r}")
    if n == 1:
        text = _fill(words["first"], _RANK_FIELDS, a=adjective)
    else:
        text = _fill(words["nth"], _RANK_FIELDS, a=adjective, o=_rank_ordinal(fmt, n), n=str(n))
    return _fill(words["joint"], _RANK_FIELDS, t=text) if joint else text


def _rank_ordinal(fmt: Formatter, n: int) -> str:
    lang = fmt.language
    if lang == "de":
        return _GERMAN_STEMS.get(n) or spell_ordinal(n, "de").removesuffix("e")
    if lang == "fr":
        return spell_ordinal(n, "fr")
    if lang == "hi" and n > 10:
        return f"{n}वाँ"
    if n < max(fmt.style.spell_out_below, 2) or lang in ("hi",):
        return fmt.ordinal(n)
    return ordinal_figures(n, fmt.words_language)


def _qualify(lang: str, word: str, name: str) -> str:
    text = f"{word} {name}"
    if lang == "fr":
        return french_elision(text)
    # "più di la metà" is "più della metà", "mais de a metade" "mais da metade"
    for joined, contracted in _CONTRACTIONS.get(lang, ()):
        text = text.replace(joined, contracted)
    return text


_CONTRACTIONS = {"it": ((" di la ", " della "),), "pt": ((" de a ", " da "),)}


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
