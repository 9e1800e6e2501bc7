"""Locale- and style-aware text for numbers, percentages, money, dates and lists.

A `Formatter` is built once per (locale, house style) and reused for every figure in a
release. Numbers go through `numformat`'s compiled CLDR patterns (cached per locale), not
through Babel per call: that is both faster and correct where Babel is not (see
docs/formatting.md). Dates, lists and plural rules use Babel's CLDR data directly.
Rounding is the style's, done on Decimals: a binary float never reaches the output.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from babel.lists import format_list
from babel.numbers import get_currency_precision

from pressgen.errors import PressgenError
from pressgen.text.dates import DateFormatting
from pressgen.text.elision import italian_articles, spanish_conjunction
from pressgen.text.locales import get_locale, normalise_locale, supported_locales
from pressgen.text.numformat import CompiledPattern, locale_numbers, quantize
from pressgen.text.phrase_words import (
    DEFAULT_POINTS_WORDS,
    LESS_THAN,
    POINTS_JOINER,
    POINTS_WORDS,
)
from pressgen.text.placeholders import compile_placeholders

if TYPE_CHECKING:
    from pressgen.text.style import HouseStyle

__all__ = [
    "Formatter",
    "Number",
    "get_locale",
    "normalise_locale",
    "supported_locales",
    "to_decimal",
]

Number = int | Decimal

_PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")
#: `percent_word` values that mean the locale's own sign, spaced by `percent_sign_space`.
_PERCENT_SIGNS = frozenset({"", "%", "\uff05"})
#: At most this many whole counts are remembered per formatter (see Formatter.count).
_MEMO_SIZE = 65536

#: One as a count before a noun (masculine or neuter, feminine): the number name
#: ('eins', 'uno') is for counting aloud, not for "ein Fall", "un caso", "una persona".
_ONE_FORMS: dict[str, tuple[str, str]] = {
    "de": ("ein", "eine"),
    "fr": ("un", "une"),
    "es": ("un", "una"),
    "it": ("un", "una"),
    "pt": ("um", "uma"),
}


def to_decimal(value: Number | float | str) -> Decimal:
    """An exact Decimal from an int, Decimal, str or float (by its shortest repr)."""
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, bool):
        raise PressgenError(f"not a number: {value!r}")
    elif isinstance(value, int):
        return Decimal(value)
    elif isinstance(value, float | str):
        try:
            d = Decimal(str(value).strip())
        except ArithmeticError:
            raise PressgenError(f"not a number: {value!r}") from None
    else:
        raise PressgenError(f"not a number: {value!r}")
    if not d.is_finite():
        raise PressgenError(f"not a finite number: {value!r}")
    return d


class Formatter(DateFormatting):
    """Formats values for one locale under one house style (dates: text/dates.py)."""

    def __init__(self, locale: str, style: HouseStyle) -> None:
        self.locale = get_locale(locale)
        self.tag = str(self.locale)
        self.language = self.locale.language
        self.style = style
        self._rounding = style.rounding
        group = _GROUP_SEPARATORS[style.group_separator]
        self._grouping = (group, style.min_grouping_digits)
        self._numbers = locale_numbers(self.tag, *self._grouping)
        self._decimal = self._numbers.decimal
        self._percent = _respaced_percent(self.tag, style.percent_sign_space, *self._grouping)
        self._counts: dict[int, str] = {}
        self._plus = self._numbers.symbols.plus

    # -- numbers -----------------------------------------------------------------

    def round(self, value: Number | float | str, decimals: int) -> Decimal:
        """`value` rounded by the style's mode to exactly `decimals` places."""
        return quantize(to_decimal(value), decimals, self._rounding)

    def decimal(
        self,
        value: Number | float | str,
        decimals: int = 0,
        *,
        group: bool = True,
        sign: bool = False,
    ) -> str:
        """Grouped digits with exactly `decimals` places: 4,534 or 4.534 or 12.5.

        `group=False` prints no thousands separator ('3480', for a table); `sign=True`
        puts the locale's plus sign before a positive value ('+183 000')."""
        q = quantize(
            Decimal(value) if type(value) is int else to_decimal(value), decimals, self._rounding
        )
        pattern = self._decimal if group else locale_numbers(self.tag, "").decimal
        if q.is_signed():
            return pattern(q.copy_abs(), True)
        text = pattern(q, False)
        return self._plus + text if sign and q > 0 else text

    def integer(self, value: Number | float | str) -> str:
        return self.decimal(value, 0)

    def count(
        self,
        value: Number | float | str,
        *,
        sentence_start: bool = False,
        gender: Literal["m", "f", "n"] | None = None,
    ) -> str:
        """A count in house style: words from one up to the spell-out threshold, and in
        words at the start of a sentence if the style says so (up to a hundred; above,
        digits stay and lint suggests recasting). One before a noun takes the article
        form: German 'ein' ('eine' with `gender='f'`), never the number name 'eins';
        `gender='f'` gives 'une', 'una', 'uma' in French, Spanish, Italian, Portuguese."""
        if type(value) is int and not sentence_start and gender is None:
            # Whole counts repeat (a batch prints thousands): each is formatted once.
            text = self._counts.get(value)
            if text is None:
                text = self._count(value, False, None)
                if len(self._counts) < _MEMO_SIZE:
                    self._counts[value] = text
            return text
        return self._count(value, sentence_start, gender)

    def _count(
        self,
        value: Number | float | str,
        sentence_start: bool,
        gender: Literal["m", "f", "n"] | None,
    ) -> str:
        d = to_decimal(value)
        if d == d.to_integral_value():
            n = int(d)
            if n >= 0 and (
                (0 < n < self.style.spell_out_below)
                or (sentence_start and self.style.spell_out_sentence_start and n <= 100)
            ):
                text = (
                    _ONE_FORMS[self.language][gender == "f"]
                    if n == 1
                    and (self.language == "de" or (gender and self.language in _ONE_FORMS))
                    else self.words(n)
                )
                return capitalise(text) if sentence_start else text
            # a whole number prints whole, negative or not ("-3", never "-3.0")
            return self.decimal(d, 0)
        text = self.decimal(d, self.style.decimals)
        return text

    def percent(
        self,
        fraction: Number | float | str,
        decimals: int | None = None,
        *,
        word: str | None = None,
        sign: bool = False,
    ) -> str:
        """A share given as a fraction (0.52) in house style: '52 per cent', '52%', '52 %'.

        `word` overrides the style's `percent_word` for this figure ('%' or '' is the
        locale's sign); `sign=True` writes a rise with its plus sign ('+2,5 %')."""
        places = self.style.share_decimals if decimals is None else decimals
        d = to_decimal(fraction)
        q = quantize(d * 100, places, self._rounding)
        if not q and d > 0:
            # a share that is not nothing never prints as "0 per cent": "less than 1 per
            # cent" (at the places shown: "less than 0.1 per cent" with one decimal)
            bound = self.percent(Decimal(1).scaleb(-places - 2), places, word=word)
            pattern = LESS_THAN.get(self.language, "< {x}")
            text = compile_placeholders(pattern, ("x",)).fill({"x": bound})
            return italian_articles(text) if self.language == "it" else text
        word = self.style.percent_word if word is None else word
        if word and word not in _PERCENT_SIGNS:
            text = f"{self._decimal(q.copy_abs(), q.is_signed())} {word}"
        else:
            text = self._percent(q.copy_abs(), q.is_signed())
        return self._plus + text if sign and q > 0 else text

    def points(self, fraction: Number | float | str, decimals: int | None = None) -> str:
        """A difference between two shares, unsigned: '3 percentage points'."""
        places = self.style.share_decimals if decimals is None else decimals
        q = quantize(abs(to_decimal(fraction)) * 100, places, self._rounding)
        chosen = self.style.points_word
        forms = POINTS_WORDS.get(self.language)
        if forms is not None and chosen in DEFAULT_POINTS_WORDS:
            # a preset's word: the language's own, in the plural form CLDR gives the
            # printed number ("1 percentage point", "2 punkty procentowe")
            chosen = forms.get(self.locale.plural_form(q)) or forms["other"]
        return self._decimal(q, False) + POINTS_JOINER.get(self.language, " ") + chosen

    def money(self, value: Number | float | str, currency: str, decimals: int | None = None) -> str:
        """An amount with the locale's currency pattern: '£432.50', '432,50 €', '￥1,234'.

        Decimals default to the currency's own (two for GBP, none for JPY)."""
        code = currency.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise PressgenError(f"not an ISO 4217 currency code: {currency!r}")
        places = _currency_digits(code) if decimals is None else decimals
        q = quantize(to_decimal(value), places, self._rounding)
        return self._numbers.currency(code)(q.copy_abs(), q.is_signed())

    def compact(
        self,
        value: Number | float | str,
        decimals: int | None = None,
        width: Literal["long", "short"] | None = None,
    ) -> str:
        """A large number in CLDR compact form: '1.2 million', '1,2 Millionen', '12 लाख'.

        At most `decimals` places (the style's `compact_decimals`), trailing zeros dropped;
        with neither, CLDR's rounding: two significant digits, whole from ten up;
        a value that rounds up into the next magnitude moves to it ('1 million', never
        '1,000 thousand'). Below the first compact magnitude the plain number is printed."""
        places = self.style.compact_decimals if decimals is None else decimals
        d = to_decimal(value)
        data = self.locale.compact_decimal_formats[width or self.style.compact]
        magnitudes = sorted(int(k) for k in data["other"])
        a = abs(d)
        for _ in range(3):
            chosen = [m for m in magnitudes if m <= a]
            if not chosen:
                return self.decimal(d, 0 if d == d.to_integral_value() else places or 0)
            mag = chosen[-1]
            pattern = str(data["other"][str(mag)].pattern)
            zeros = pattern.split(";")[0].count("0")
            if pattern.strip("0") == "":
                return self.decimal(d, 0 if d == d.to_integral_value() else places or 0)
            divisor = Decimal(mag) / Decimal(10) ** (zeros - 1)
            raw = a / divisor
            # CLDR (and ICU) round a compact number to two significant digits, and to a
            # whole number from ten up: "1.2 million", "240 thousand", "68 millions"
            here = places if places is not None else (0 if raw >= 10 else 1)
            scaled = quantize(raw, here, self._rounding)
            if scaled * divisor >= mag * 10 and mag * 10 in magnitudes:
                a = scaled * divisor  # rounded into the next magnitude: redo there
                continue
            break
        scaled = _strip_zeros(scaled)
        category = self.locale.plural_form(scaled)
        forms = data.get(category) or data["other"]
        chosen_pattern = forms.get(str(mag)) or data["other"][str(mag)]
        compiled = _compact_pattern(self.tag, str(chosen_pattern.pattern), *self._grouping)
        return compiled(scaled, d < 0 and bool(scaled))

    def words(self, value: int) -> str:
        from pressgen.text.words import spell_number

        return self._orthography(spell_number(value, self.words_language))

    def ordinal(self, value: int) -> str:
        from pressgen.text.words import spell_ordinal

        return self._orthography(spell_ordinal(value, self.words_language))

    def quoted(self, text: str) -> str:
        """Text in the locale's quotation marks: “…” (en), „…“ (de), «…» (de_CH),
        « … » with narrow no-break spaces (fr_FR), 「…」 (ja). From CLDR's delimiters."""
        territory = self.locale.territory or ""
        open_, close = _QUOTES.get(f"{self.language}_{territory}") or _QUOTES.get(
            self.language, ("\u201c", "\u201d")
        )
        return f"{open_}{text}{close}"

    def _orthography(self, text: str) -> str:
        """Swiss and Liechtenstein German write no ß: 'dreissig', not 'dreißig'."""
        if self.language == "de" and self.locale.territory in ("CH", "LI"):
            return text.replace("ß", "ss")
        return text

    @property
    def words_language(self) -> str:
        if self.language == "pt" and self.locale.territory == "BR":
            return "pt_BR"
        return self.language

    def plural(self, n: Number | float | str, *forms: str, **named: str) -> str:
        """The form of a word for `n` by CLDR's plural rules.

        `plural(n, 'officer', 'officers')` for two-form languages; for others either one
        positional form per category in CLDR order (one, few, many, other for Polish) or
        named categories: `plural(n, one='…', few='…', many='…', other='…')`."""
        d = to_decimal(n)
        category = self.locale.plural_form(d)
        if named:
            if forms:
                raise PressgenError("plural: give forms by position or by name, not both")
            unknown = set(named) - set(_PLURAL_ORDER)
            if unknown:
                raise PressgenError(f"plural: unknown category {sorted(unknown)[0]!r}")
            word = named.get(category) or named.get("other")
            if word is None:
                raise PressgenError(f"plural: no form for {category!r} (n = {n}) in {self.tag}")
            return word
        categories = [c for c in _PLURAL_ORDER if c in self.locale.plural_form.tags] + ["other"]
        if len(forms) == len(categories):
            return forms[categories.index(category)]
        if len(forms) == 2 and category in ("one", "other"):
            return forms[0] if category == "one" else forms[1]
        raise PressgenError(
            f"plural: {self.locale.english_name} needs forms for {', '.join(categories)}"
            f" (got {len(forms)})"
        )

    # -- lists -----------------------------------------------------------------

    def join(self, items: list[str], kind: Literal["and", "or"] = "and") -> str:
        """'A, B and C' by CLDR's list patterns; the style's serial comma for English."""
        items = [str(i) for i in items]
        if self.language == "en" and self.style.serial_comma is not None and len(items) > 2:
            word = " and " if kind == "and" else " or "
            comma = "," if self.style.serial_comma else ""
            return ", ".join(items[:-1]) + comma + word + items[-1]
        if self.language == "en" and self.style.serial_comma is not None and len(items) == 2:
            return items[0] + (" and " if kind == "and" else " or ") + items[1]
        style: Literal["or", "standard"] = "or" if kind == "or" else "standard"
        text = str(format_list(items, style=style, locale=self.locale))
        if self.language == "es" and len(items) > 1:
            # CLDR's list patterns have one 'y' and one 'o'; Spanish writes 'e' before
            # i-/hi- and 'u' before o-/ho- ("España e Italia", "siete u ocho")
            word = "o" if kind == "or" else "y"
            tail = f" {word} {items[-1]}"
            new = spanish_conjunction(word, items[-1])
            if new != word and text.endswith(tail):
                text = f"{text[: -len(tail)]} {new} {items[-1]}"
        return text


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_zeros(d: Decimal) -> Decimal:
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


@lru_cache(maxsize=512)
def _currency_digits(code: str) -> int:
    return int(get_currency_precision(code))


#: A house style's `group_separator`: None keeps the locale's, "" prints no grouping.
_GROUP_SEPARATORS: dict[str, str | None] = {
    "locale": None,
    "none": "",
    "space": " ",
    "nbsp": "\u00a0",
    "nnbsp": "\u202f",
    "thin": "\u2009",
}


@lru_cache(maxsize=256)
def _respaced_percent(
    tag: str, mode: str, group: str | None = None, min_grouping: int | None = None
) -> CompiledPattern:
    nums = locale_numbers(tag, group, min_grouping)
    if mode == "locale":
        return nums.percent
    pattern = str(nums.locale.percent_formats[None].pattern).split(";")[0]
    gap = {"none": "", "nbsp": "\u00a0", "nnbsp": "\u202f"}[mode]
    bare = re.sub(r"[ \u00a0\u202f]*%[ \u00a0\u202f]*", "%", pattern)
    sign_after = bare.index("%") > bare.index("0")
    return nums.compile(bare.replace("%", f"{gap}%" if sign_after else f"%{gap}"))


@lru_cache(maxsize=512)
def _compact_pattern(
    tag: str, pattern: str, group: str | None = None, min_grouping: int | None = None
) -> CompiledPattern:
    # A compact pattern's zeros count digits of the scaled value, not a minimum: '00 K'
    # prints 12 K and 1.2 K alike, so it is compiled as a plain '0' with grouping.
    first = pattern.split(";")[0]
    core = re.sub(r"0+", "#,##0", first, count=1)
    return locale_numbers(tag, group, min_grouping).compile(core)


#: Primary quotation marks by language or locale (CLDR delimiters); French sets them off
#: with a no-break space, narrow in France, full width in Canada.
_QUOTES: dict[str, tuple[str, str]] = {
    "en": ("\u201c", "\u201d"),
    "de": ("\u201e", "\u201c"),
    "de_CH": ("\u00ab", "\u00bb"),
    "de_LI": ("\u00ab", "\u00bb"),
    "fr": ("\u00ab\u202f", "\u202f\u00bb"),
    "fr_CA": ("\u00ab\u00a0", "\u00a0\u00bb"),
    "es": ("\u00ab", "\u00bb"),
    "it": ("\u00ab", "\u00bb"),
    "nl": ("\u2018", "\u2019"),
    "pl": ("\u201e", "\u201d"),
    "sv": ("\u201d", "\u201d"),
    "pt": ("\u201c", "\u201d"),
    "ja": ("\u300c", "\u300d"),
    "hi": ("\u201c", "\u201d"),
}
