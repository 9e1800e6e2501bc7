"""Locale- and style-aware text for numbers, percentages, money and dates.

A `Formatter` is built once per (locale, house style) and reused for every figure in a
release: Babel's `Locale` and parsed number patterns are cached here because Babel itself
re-parses a pattern on every call, which is most of a render's time.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_time
from babel.lists import format_list
from babel.numbers import NumberPattern, get_currency_symbol, parse_pattern

from .errors import PressgenError
from .style import HouseStyle

_ROUNDING = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}

Number = int | Decimal


@lru_cache(maxsize=64)
def get_locale(tag: str) -> Locale:
    """A Babel Locale from 'en_GB' or 'en-GB'; unknown or empty tags are an error."""
    cleaned = tag.strip().replace("-", "_")
    if not cleaned:
        raise PressgenError("empty locale")
    try:
        return Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError):
        raise PressgenError(f"unknown locale {tag!r}") from None


def normalise_locale(tag: str) -> str:
    return str(get_locale(tag))


def to_decimal(value: Number | float | str) -> Decimal:
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, bool):
        raise PressgenError(f"not a number: {value!r}")
    elif isinstance(value, int):
        d = Decimal(value)
    else:
        d = Decimal(str(value))
    if not d.is_finite():
        raise PressgenError(f"not a finite number: {value!r}")
    return d


class Formatter:
    """Formats values for one locale under one house style."""

    def __init__(self, locale: str, style: HouseStyle) -> None:
        self.locale = get_locale(locale)
        self.tag = str(self.locale)
        self.style = style
        self._rounding = _ROUNDING[style.rounding]
        self._decimal_base = parse_pattern(self.locale.decimal_formats[None].pattern)
        self._percent_base = parse_pattern(self.locale.percent_formats[None].pattern)
        self._patterns: dict[tuple[str, int], NumberPattern] = {}

    # -- numbers -----------------------------------------------------------------

    def round(self, value: Number, decimals: int) -> Decimal:
        exp = Decimal(1).scaleb(-decimals)
        return to_decimal(value).quantize(exp, rounding=self._rounding)

    def decimal(self, value: Number, decimals: int = 0) -> str:
        """Grouped digits with exactly `decimals` places: 4,534 or 4.534 or 12.5."""
        rounded = self.round(value, decimals)
        if rounded == 0:
            rounded = abs(rounded)  # never print -0
        return self._pattern("decimal", decimals).apply(rounded, self.locale)

    def integer(self, value: Number) -> str:
        return self.decimal(value, 0)

    def count(self, value: Number, *, sentence_start: bool = False) -> str:
        """A whole number in house style: words below the spell-out threshold."""
        d = to_decimal(value)
        if d == d.to_integral_value() and d >= 0:
            n = int(d)
            if n < self.style.spell_out_below or (
                sentence_start and self.style.spell_out_sentence_start
            ):
                text = self.words(n)
                return text[:1].upper() + text[1:] if sentence_start else text
        return self.decimal(d, 0 if d == d.to_integral_value() else self.style.decimals)

    def percent(self, fraction: Number, decimals: int | None = None) -> str:
        """A share given as a fraction (0.52) in house style: '52 per cent', '52%', '52 %'."""
        places = self.style.share_decimals if decimals is None else decimals
        hundred = to_decimal(fraction) * 100
        if self.style.percent_word:
            return f"{self.decimal(hundred, places)} {self.style.percent_word}"
        rounded = self.round(hundred, places) / 100
        text = self._pattern("percent", places).apply(
            abs(rounded) if rounded == 0 else rounded, self.locale
        )
        return self._respace_percent(text)

    def points(self, fraction: Number, decimals: int | None = None) -> str:
        """A difference between two shares: '3 percentage points'."""
        places = self.style.share_decimals if decimals is None else decimals
        return f"{self.decimal(abs(to_decimal(fraction)) * 100, places)} {self.style.points_word}"

    def money(self, value: Number, currency: str, decimals: int | None = None) -> str:
        places = 2 if decimals is None else decimals
        rounded = self.round(value, places)
        symbol = get_currency_symbol(currency, locale=self.locale)
        pattern = self._pattern("currency", places)
        return pattern.apply(
            rounded, self.locale, currency=currency, currency_digits=False
        ).replace("¤", symbol)

    def words(self, value: int) -> str:
        from .words import spell_number

        return spell_number(value, self.locale.language)

    def ordinal(self, value: int) -> str:
        from .words import spell_ordinal

        return spell_ordinal(value, self.locale.language)

    # -- dates and lists -----------------------------------------------------------

    def date(self, value: dt.date, fmt: str | None = None) -> str:
        return format_date(value, format=fmt or self.style.date_format, locale=self.locale)

    def time(self, value: dt.time | dt.datetime, fmt: str | None = None) -> str:
        return format_time(value, format=fmt or self.style.time_format, locale=self.locale)

    def datetime(self, value: dt.datetime, fmt: str) -> str:
        return format_datetime(value, format=fmt, locale=self.locale)

    def join(self, items: list[str]) -> str:
        if self.style.serial_comma and len(items) > 2 and self.locale.language == "en":
            return ", ".join(items[:-1]) + ", and " + items[-1]
        return format_list(items, locale=self.locale)

    # -- internals -----------------------------------------------------------------

    def _pattern(self, kind: str, decimals: int) -> NumberPattern:
        key = (kind, decimals)
        pattern = self._patterns.get(key)
        if pattern is None:
            if kind == "currency":
                base = parse_pattern(self.locale.currency_formats["standard"].pattern)
            else:
                base = self._decimal_base if kind == "decimal" else self._percent_base
            pattern = parse_pattern(base.pattern)
            pattern.frac_prec = (decimals, decimals)
            self._patterns[key] = pattern
        return pattern

    def _respace_percent(self, text: str) -> str:
        mode = self.style.percent_sign_space
        if mode == "locale":
            return text
        sign = self.locale.number_symbols["latn"]["percentSign"]
        bare = text.replace(sign, "").strip().strip("\u00a0\u202f")
        gap = {"none": "", "nbsp": "\u00a0", "nnbsp": "\u202f"}[mode]
        return f"{bare}{gap}{sign}"
