"""Rounded magnitudes in words ("almost 1.2 million", "more than 3,000", "rund 1.800",
"nearly a quarter of a million"), money in millions as the press writes it ("£2.3m",
"$2.3 million"), and small differences in words ("cuatro centésimas").

`about` rounds a value to a round figure (significant digits from the filter or the
style, or a unit such as 1000) and lets the value choose the word from the template's
approximation family (text/approx_families.py), inside the same bands check reads the
words back with (text/bands.py). A round figure the word would not be true of is made
finer, one digit at a time; the value itself is printed when nothing else is honest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pressgen.errors import PressgenError
from pressgen.text.approx_families import FAMILIES
from pressgen.text.bands import BANDS, TENTH
from pressgen.text.elision import french_elision
from pressgen.text.formatting import to_decimal
from pressgen.text.numformat import ROUNDING

if TYPE_CHECKING:
    from pressgen.text.formatting import Formatter, Number

Form = Literal["number", "compact", "words", "percent"]
_FORMS = ("number", "compact", "words", "percent")

#: A fraction of a magnitude: "a quarter of a million", "un quart de million".
_OF_MAGNITUDE: dict[str, dict[int, str]] = {
    "en": {10**3: "{f} of a thousand", 10**6: "{f} of a million", 10**9: "{f} of a billion"},
    "fr": {10**6: "{f} de million", 10**9: "{f} de milliard"},
}

_MILLION = Decimal(10) ** 6
_BILLION = Decimal(10) ** 9


def about(
    fmt: Formatter,
    value: Number | float | str,
    *,
    digits: int | None = None,
    to: Number | None = None,
    family: str = "default",
    form: Form = "number",
    of: int | None = None,
) -> str:
    """`value` as a round figure with the family's word for its side of it: 'more than
    3,000' (3,124, `digits=1`), 'almost 1.2 million' (`family='almost'`, `form='compact'`),
    'rund 1.800' (`family='about'`); exactly a round figure, it prints bare. `form=
    'percent'` rounds a share or the size of a change as a percentage: -0.186 with
    `digits=1` is 'près de 20 %' (unsigned: the template says which way). `of=1000000`
    names a fraction of that magnitude instead: 'nearly a quarter of a million'."""
    v = to_decimal(value)
    if form not in _FORMS:
        raise PressgenError(
            f"about: form must be 'number', 'compact', 'words' or 'percent', not {form!r}"
        )
    if form == "percent":
        v = abs(v) * 100  # the size of a share or change, in percent
    if v <= 0:
        raise PressgenError(f"about needs a positive number, not {v}")
    words = FAMILIES.get(family)
    if words is None:
        known = ", ".join(sorted(FAMILIES))
        raise PressgenError(f"about: family must be one of {known}, not {family!r}")
    if of is not None:
        return _of_magnitude(fmt, v, Decimal(of), family)
    sides = words.get(fmt.language)
    if sides is None:
        return _exact(fmt, v, form)  # no approximation words in this language
    unit = None if to is None else to_decimal(to)
    if unit is not None and unit <= 0:
        raise PressgenError(f"about: to must be a positive unit such as 1000, not {unit}")
    places = fmt.style.about_digits if digits is None else digits
    if not isinstance(places, int) or isinstance(places, bool) or not 1 <= places <= 6:
        raise PressgenError(f"about: digits must be a whole number from 1 to 6, not {places!r}")
    rounding = ROUNDING[fmt.style.rounding]
    for _ in range(8):
        if unit is not None:
            r = (v / unit).quantize(Decimal(1), rounding) * unit
        else:
            exp = v.adjusted() - places + 1
            r = v.quantize(Decimal(1).scaleb(exp), rounding)
        if r > 0:
            if r == v:
                return _shown(fmt, r, form)
            word, kind = sides[0] if v < r else sides[1]
            lo_k, hi_k = BANDS[kind]
            width = r * TENTH
            if r + lo_k * width <= v <= r + hi_k * width:
                return _qualified(fmt, word, _shown(fmt, r, form))
        # the word would not be true of this round figure: a finer one
        if unit is not None:
            unit = unit / 10
        else:
            places += 1
    return _exact(fmt, v, form)


def _of_magnitude(fmt: Formatter, v: Decimal, of: Decimal, family: str) -> str:
    from pressgen.text.phrases import approx

    if of <= 0:
        raise PressgenError(f"about: of must be a magnitude such as 1000000, not {of}")
    pattern = _OF_MAGNITUDE.get(fmt.language, {}).get(int(of))
    if pattern is None:
        # no "a quarter of a million" in this language: its rounded compact form
        return about(fmt, v, family=family, form="compact")
    share = v / of
    text = approx(fmt, share, family) if share < 1 else None
    if text is None or text == fmt.percent(share):
        return about(fmt, v, family=family, form="compact")
    return french_elision(pattern.replace("{f}", text))


def _shown(fmt: Formatter, r: Decimal, form: Form) -> str:
    if form == "percent":
        exponent = r.normalize().as_tuple().exponent
        places = 0 if r == r.to_integral_value() or not isinstance(exponent, int) else -exponent
        return fmt.percent(r / 100, max(0, places))
    if form == "compact":
        return fmt.compact(r, 3)
    if form == "words" and r == r.to_integral_value():
        if fmt.language == "en" or r < 1000:
            return fmt.words(int(r))
        return fmt.compact(r, 3)  # "plus d’un million" is not read back: "plus de 1 million"
    exponent = r.normalize().as_tuple().exponent
    places = 0 if r == r.to_integral_value() or not isinstance(exponent, int) else -exponent
    return fmt.decimal(r, max(0, places))


def _exact(fmt: Formatter, v: Decimal, form: Form) -> str:
    if form == "percent":
        return fmt.percent(v / 100)
    if form == "compact":
        return fmt.compact(v)
    return fmt.decimal(v, 0 if v == v.to_integral_value() else fmt.style.decimals)


def _qualified(fmt: Formatter, word: str, shown: str) -> str:
    text = f"{word} {shown}"
    return french_elision(text) if fmt.language == "fr" else text


def money_compact(
    fmt: Formatter,
    value: Number | float | str,
    currency: str,
    *,
    digits: int | None = None,
    rounding: str | None = None,
) -> str:
    """Money in millions and billions as the style writes it: UK press '£2.3m', '£1.2bn'
    (`money_millions = "m"`), AP '$2.3 million' (`"word"`), or CLDR's short compact
    currency form ('2,3 Mio. €', `"cldr"`). Below a million it is the plain amount.

    Millions get one decimal by default; `digits` rounds to that many significant
    figures instead (206,240,880 with `digits=1` is '£200m', 68,746,960 with `digits=2`
    '£69m'), and `rounding` ('half_up', 'half_even', 'down', 'up': towards or away from
    zero) replaces the style's mode ('£68m' with `digits=2, rounding='down'`, a
    conservative estimate)."""
    if digits is not None and (
        not isinstance(digits, int) or isinstance(digits, bool) or not 1 <= digits <= 6
    ):
        raise PressgenError(f"money: digits must be a whole number from 1 to 6, not {digits!r}")
    if rounding is not None and rounding not in ROUNDING:
        known = ", ".join(repr(k) for k in ROUNDING)
        raise PressgenError(f"money: rounding must be one of {known}, not {rounding!r}")
    mode_of_rounding = ROUNDING[rounding or fmt.style.rounding]
    v = to_decimal(value)
    a = abs(v)
    plain = digits is None and rounding is None
    if a < _MILLION:
        if plain:
            return fmt.money(v, currency, 0 if a == a.to_integral_value() else None)
        r = _significant(a, digits, mode_of_rounding, 0)
        r = r.quantize(Decimal(1)) if r == r.to_integral_value() else r
        return fmt.money(-r if v < 0 else r, currency, 0 if r == r.to_integral_value() else None)
    mode = fmt.style.money_millions
    if plain and (mode == "cldr" or fmt.language != "en"):
        from babel.numbers import format_compact_currency

        return str(
            format_compact_currency(
                v, currency.upper(), locale=fmt.locale, fraction_digits=1, format_type="short"
            )
        )
    scale, short = (_BILLION, "bn") if a >= _BILLION else (_MILLION, "m")
    q = _significant(a / scale, digits, mode_of_rounding, 1)
    if q >= 1000 and scale == _MILLION:
        scale, short = _BILLION, "bn"
        q = _significant(a / scale, digits, mode_of_rounding, 1)
    q = q.quantize(Decimal(1)) if q == q.to_integral_value() else q.normalize()
    exponent = q.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    sign = "-" if v < 0 else ""
    if mode == "cldr" or fmt.language != "en":  # rounded as asked, then in CLDR's form
        from babel.numbers import format_compact_currency

        return str(
            format_compact_currency(
                -q * scale if v < 0 else q * scale,
                currency.upper(),
                locale=fmt.locale,
                fraction_digits=places,
                format_type="short",
            )
        )
    symbol = fmt.money(0, currency, 0).replace("0", "").strip()
    number = fmt.decimal(q, places)
    if mode == "word":
        word = "billion" if short == "bn" else "million"
        return f"{sign}{symbol}{number} {word}"
    return f"{sign}{symbol}{number}{short}"


def _significant(a: Decimal, digits: int | None, rounding: str, places: int) -> Decimal:
    """`a` (positive) rounded to `digits` significant figures, or to `places` decimals
    when no digits are given."""
    if digits is None:
        return a.quantize(Decimal(1).scaleb(-places), rounding)
    return a.quantize(Decimal(1).scaleb(a.adjusted() - digits + 1), rounding)


#: Small units in words, (one, many), for `words(unit=...)`: "cuatro centésimas".
_SMALL_UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "tenths": {
        "en": ("tenth", "tenths"), "de": ("Zehntel", "Zehntel"), "fr": ("dixième", "dixièmes"),
        "es": ("décima", "décimas"), "it": ("decimo", "decimi"), "pt": ("décimo", "décimos"),
        "nl": ("tiende", "tienden"),
    },
    "hundredths": {
        "en": ("hundredth", "hundredths"), "de": ("Hundertstel", "Hundertstel"),
        "fr": ("centième", "centièmes"), "es": ("centésima", "centésimas"),
        "it": ("centesimo", "centesimi"), "pt": ("centésimo", "centésimos"),
        "nl": ("honderdste", "honderdsten"),
    },
}  # fmt: skip
SMALL_UNIT_SCALES = {"tenths": Decimal("0.1"), "hundredths": Decimal("0.01")}
#: One before the unit: Spanish "una centésima" (feminine), German "ein Hundertstel".
_ONE_BEFORE_UNIT = {"en": "one", "de": "ein", "fr": "un", "es": "una", "it": "un", "pt": "um",
                    "nl": "een"}  # fmt: skip


def small_units(fmt: Formatter, value: Number | float | str, unit: str) -> str:
    """The size of a small difference in words of tenths or hundredths, unsigned: -0.04
    as 'cuatro centésimas', 'four hundredths', 'vier Hundertstel'. A language without
    the words, or a size of a hundred units or more, prints the digits instead."""
    scale = SMALL_UNIT_SCALES.get(unit)
    if scale is None:
        raise PressgenError(f"words: unit must be 'tenths' or 'hundredths', not {unit!r}")
    size = abs(to_decimal(value))
    n = int(fmt.round(size / scale, 0))
    names = _SMALL_UNITS[unit].get(fmt.language)
    if names is None or not 0 < n < 100:
        return fmt.decimal(size, 1 if unit == "tenths" else 2)
    number = _ONE_BEFORE_UNIT[fmt.language] if n == 1 else fmt.words(n)
    return f"{number} {names[0] if n == 1 else names[1]}"
