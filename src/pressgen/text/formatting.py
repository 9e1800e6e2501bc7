"""Locale- and style-aware text for numbers, percentages, money, dates and lists.

A `Formatter` is built once per (locale, house style) and reused for every figure in a
release. Numbers go through `numformat`'s compiled CLDR patterns (cached per locale), not
through Babel per call: that is both faster and correct where Babel is not (see
docs/formatting.md). Dates, lists and plural rules use Babel's CLDR data directly.
Rounding is the style's, done on Decimals: a binary float never reaches the output.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import get_currency_precision

from pressgen.errors import PressgenError
from pressgen.text.locales import get_locale, normalise_locale, supported_locales
from pressgen.text.numformat import CompiledPattern, locale_numbers, quantize
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
_NAMED_DATES = frozenset({"short", "medium", "long", "full"})

# Embargo lines by language, where CLDR has no pattern for "time, zone, then date".
_EMBARGO = {
    "en": "{time} {zone} on {date}",
    "de": "{date}, {time} Uhr {zone}",
    "fr": "{date} à {time} ({zone})",
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


class Formatter:
    """Formats values for one locale under one house style."""

    def __init__(self, locale: str, style: HouseStyle) -> None:
        self.locale = get_locale(locale)
        self.tag = str(self.locale)
        self.language = self.locale.language
        self.style = style
        self._rounding = style.rounding
        self._numbers = locale_numbers(self.tag)
        self._decimal = self._numbers.decimal
        self._percent = _respaced_percent(self.tag, style.percent_sign_space)

    # -- numbers -----------------------------------------------------------------

    def round(self, value: Number | float | str, decimals: int) -> Decimal:
        """`value` rounded by the style's mode to exactly `decimals` places."""
        return quantize(to_decimal(value), decimals, self._rounding)

    def decimal(self, value: Number | float | str, decimals: int = 0) -> str:
        """Grouped digits with exactly `decimals` places: 4,534 or 4.534 or 12.5."""
        q = quantize(
            Decimal(value) if type(value) is int else to_decimal(value), decimals, self._rounding
        )
        if q.is_signed():
            return self._decimal(q.copy_abs(), True)
        return self._decimal(q, False)

    def integer(self, value: Number | float | str) -> str:
        return self.decimal(value, 0)

    def count(self, value: Number | float | str, *, sentence_start: bool = False) -> str:
        """A count in house style: words from one up to the spell-out threshold, and
        always in words at the start of a sentence if the style says so."""
        d = to_decimal(value)
        if d == d.to_integral_value() and d >= 0:
            n = int(d)
            if (0 < n < self.style.spell_out_below) or (
                sentence_start and self.style.spell_out_sentence_start
            ):
                text = self.words(n)
                return capitalise(text) if sentence_start else text
            return self.decimal(d, 0)
        text = self.decimal(d, self.style.decimals)
        return text

    def percent(self, fraction: Number | float | str, decimals: int | None = None) -> str:
        """A share given as a fraction (0.52) in house style: '52 per cent', '52%', '52 %'."""
        places = self.style.share_decimals if decimals is None else decimals
        q = quantize(to_decimal(fraction) * 100, places, self._rounding)
        if self.style.percent_word:
            return f"{self._decimal(q.copy_abs(), q.is_signed())} {self.style.percent_word}"
        return self._percent(q.copy_abs(), q.is_signed())

    def points(self, fraction: Number | float | str, decimals: int | None = None) -> str:
        """A difference between two shares, unsigned: '3 percentage points'."""
        places = self.style.share_decimals if decimals is None else decimals
        return f"{self.decimal(abs(to_decimal(fraction)) * 100, places)} {self.style.points_word}"

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
                return self.decimal(d, 0 if d == d.to_integral_value() else places)
            mag = chosen[-1]
            pattern = str(data["other"][str(mag)].pattern)
            zeros = pattern.split(";")[0].count("0")
            if pattern.strip("0") == "":
                return self.decimal(d, 0 if d == d.to_integral_value() else places)
            divisor = Decimal(mag) / Decimal(10) ** (zeros - 1)
            scaled = quantize(a / divisor, places, self._rounding)
            if scaled * divisor >= mag * 10 and mag * 10 in magnitudes:
                a = scaled * divisor  # rounded into the next magnitude: redo there
                continue
            break
        scaled = _strip_zeros(scaled)
        category = self.locale.plural_form(scaled)
        forms = data.get(category) or data["other"]
        chosen_pattern = forms.get(str(mag)) or data["other"][str(mag)]
        compiled = _compact_pattern(self.tag, str(chosen_pattern.pattern))
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

    # -- dates, times, ranges ------------------------------------------------------

    def date(self, value: dt.date, fmt: str | None = None, *, weekday: bool = False) -> str:
        """A date in house style ('3 December 2019'), a CLDR width (short, medium, long,
        full) or a CLDR pattern; `weekday=True` adds the weekday to the style's or the
        width's form ('Tuesday 3 December 2019', 'Tue, 3 Dec 2019')."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            raise PressgenError(f"expected a date, got {type(value).__name__}")
        if fmt is None:
            fmt = self.style.weekday_date_format if weekday else self.style.date_format
        elif weekday and fmt == "long":
            fmt = "full"
        elif weekday and fmt == "medium":
            return str(format_skeleton("yMMMEd", value, locale=self.locale))
        pattern = self._date_pattern(fmt)
        return str(format_date(value, format=self._with_names(pattern, value), locale=self.locale))

    def time(self, value: dt.time | dt.datetime, fmt: str | None = None) -> str:
        pattern = fmt or self.style.time_format
        if pattern in _NAMED_DATES:
            pattern = str(self.locale.time_formats[pattern].pattern)
        pattern = self._with_day_period(pattern, value)
        return str(format_time(value, format=pattern, locale=self.locale))

    def datetime(self, value: dt.datetime, fmt: str) -> str:
        return str(format_datetime(value, format=fmt, locale=self.locale))

    def zone(self, value: dt.datetime) -> str:
        """The short zone name where CLDR has one for the language (GMT, BST, MEZ, EST),
        else the short localized GMT format ('UTC+1'), which Babel's 'O' cannot print."""
        name = str(format_datetime(value, "z", locale=self.locale))
        # tzdata gives Europe/Dublin a negative DST in winter, so Babel swaps the names:
        # GMT in summer, IST in winter. Winter falls through to the GMT format; summer
        # takes the name Babel gives a negative-DST (winter) time, which is IST.
        zero = dt.timedelta(0)
        dst = value.dst()
        if dst is not None and dst < zero:
            name = ""
        elif dst == zero:
            winter = value.replace(month=1, day=15)
            winter_dst = winter.dst()
            if winter_dst is not None and winter_dst < zero:
                name = str(format_datetime(winter, "z", locale=self.locale))
        if name and name[:1] not in "+-":
            return str(name)
        offset = value.utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        if minutes == 0:
            return str(self.locale.zone_formats["gmt"] % "").strip() or "GMT"
        sign = "+" if minutes > 0 else "-"
        h, m = divmod(abs(minutes), 60)
        hours = f"{sign}{h}" + (f":{m:02d}" if m else "")
        return str(self.locale.zone_formats["gmt"] % hours)

    def embargo(self, value: dt.datetime, zone: str | None = None) -> str:
        """'00:01 GMT on Tuesday 3 December 2019'; 'Dienstag, 3. Dezember 2019, 00:01 Uhr
        MEZ'; 'mardi 3 décembre 2019 à 00:01 (UTC+1)'. A naive time needs `zone`."""
        value = self._aware(value, zone)
        parts = {
            "time": self.time(value),
            "zone": self.zone(value),
            "date": self.date(value.date(), weekday=True),
        }
        template = self.style.embargo_format or _EMBARGO.get(self.language)
        if template is None:
            glue = str(self.locale.datetime_formats["long"])
            return (
                glue.replace("{1}", parts["date"])
                .replace("{0}", f"{parts['time']} {parts['zone']}")
                .replace("'", "")
            )
        try:
            return template.format(**parts)
        except (KeyError, IndexError, ValueError):
            raise PressgenError(
                f"bad embargo_format {template!r}: use {{time}}, {{zone}} and {{date}}"
            ) from None

    def fy(self, start: int | str, end: int | str | None = None) -> str:
        """A financial year: '2017–18' (uk-press), from 2017, '2017/18', '17/18' or
        '2017-18'. `end` gives the span of several years ('2017–18 to 2018–19' is
        written by the template from two calls)."""
        first = _year(start)
        last = first + 1 if end is None else _year(end, near=first)
        if last != first + 1:
            raise PressgenError(f"a financial year spans one year change, not {first}–{last}")
        end2 = f"{last % 100:02d}" if last // 100 == first // 100 else str(last)
        try:
            return self.style.fy_format.format(start=first, end=last, end2=end2)
        except (KeyError, IndexError, ValueError):
            raise PressgenError(f"bad fy_format {self.style.fy_format!r}") from None

    def daterange(
        self, start: dt.date, end: dt.date, fmt: Literal["long", "medium"] = "long"
    ) -> str:
        """A date range by CLDR's interval formats with an en dash: '3–5 December 2019',
        '3. Nov. – 5. Dez. 2019'. Babel keeps CLDR's abbreviated months even when asked
        for wide ones; pressgen widens them as ICU does."""
        if end < start:
            raise PressgenError(f"date range ends before it starts: {start} – {end}")
        if start == end:
            return self.date(start, fmt if fmt == "medium" else None)
        intervals = self.locale.interval_formats
        skeleton = "yMMMd" if "yMMMd" in intervals else None
        if skeleton is None:
            return f"{self.date(start)} – {self.date(end)}"
        if start.year != end.year:
            field = "y"
        elif start.month != end.month:
            field = "M"
        else:
            field = "d"
        first, second = (str(p) for p in intervals[skeleton][field])
        if fmt == "long":
            first, second = _widen_months(first), _widen_months(second)
        out = [
            format_date(start, self._with_names(first, start), locale=self.locale),
            format_date(end, self._with_names(second, end), locale=self.locale),
        ]
        return "".join(str(p) for p in out)

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
        if kind == "or":
            return str(format_list(items, style="or", locale=self.locale))
        return str(format_list(items, style="standard", locale=self.locale))

    # -- internals -----------------------------------------------------------------

    def _date_pattern(self, fmt: str) -> str:
        if fmt in _NAMED_DATES:
            return str(self.locale.date_formats[fmt].pattern)
        return fmt

    def _with_names(self, pattern: str, value: dt.date) -> str:
        names = self.style.month_names
        if not names:
            return pattern
        return _replace_field(pattern, "M", 4, names[value.month - 1])

    def _with_day_period(self, pattern: str, value: dt.time | dt.datetime) -> str:
        periods = self.style.day_periods
        if not periods:
            return pattern
        return _replace_field(pattern, "a", 1, periods[0] if value.hour < 12 else periods[1])

    def _aware(self, value: dt.datetime, zone: str | None) -> dt.datetime:
        if not isinstance(value, dt.datetime):
            raise PressgenError(f"an embargo needs a date and time, got {type(value).__name__}")
        if zone:
            try:
                tz = ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                raise PressgenError(f"unknown time zone {zone!r}") from None
            return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
        if value.tzinfo is None or value.utcoffset() is None:
            raise PressgenError("embargo time has no time zone: give one such as Europe/London")
        return value


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_zeros(d: Decimal) -> Decimal:
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def _year(value: int | str, near: int | None = None) -> int:
    if isinstance(value, bool):
        raise PressgenError(f"not a year: {value!r}")
    if isinstance(value, int):
        year = value
    else:
        text = str(value).strip()
        head = re.split(r"[/–\-]", text)[0].strip()
        if not head.isdigit() or len(head) not in (2, 4):
            raise PressgenError(f"not a year or financial year: {value!r}")
        year = int(head)
    if year < 100:
        century = (near // 100 * 100) if near is not None else 2000
        year += century
        if near is not None and year < near:
            year += 100
    return year


def _replace_field(pattern: str, letter: str, width: int, literal: str) -> str:
    """Replace an unquoted CLDR field (`MMMM`, `a`) by a quoted literal."""
    out: list[str] = []
    quoted = False
    i = 0
    quoted_literal = "'" + literal.replace("'", "''") + "'"
    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            quoted = not quoted
            out.append(c)
            i += 1
            continue
        if not quoted and c == letter:
            j = i
            while j < len(pattern) and pattern[j] == letter:
                j += 1
            out.append(quoted_literal if j - i == width else pattern[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _widen_months(pattern: str) -> str:
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            quoted = not quoted
        if not quoted and c in "ML":
            j = i
            while j < len(pattern) and pattern[j] == c:
                j += 1
            out.append(c * 4 if j - i == 3 else pattern[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=512)
def _currency_digits(code: str) -> int:
    return int(get_currency_precision(code))


@lru_cache(maxsize=256)
def _respaced_percent(tag: str, mode: str) -> CompiledPattern:
    nums = locale_numbers(tag)
    if mode == "locale":
        return nums.percent
    pattern = str(nums.locale.percent_formats[None].pattern).split(";")[0]
    gap = {"none": "", "nbsp": "\u00a0", "nnbsp": "\u202f"}[mode]
    bare = re.sub(r"[ \u00a0\u202f]*%[ \u00a0\u202f]*", "%", pattern)
    sign_after = bare.index("%") > bare.index("0")
    return nums.compile(bare.replace("%", f"{gap}%" if sign_after else f"%{gap}"))


@lru_cache(maxsize=512)
def _compact_pattern(tag: str, pattern: str) -> CompiledPattern:
    # A compact pattern's zeros count digits of the scaled value, not a minimum: '00 K'
    # prints 12 K and 1.2 K alike, so it is compiled as a plain '0' with grouping.
    first = pattern.split(";")[0]
    core = re.sub(r"0+", "#,##0", first, count=1)
    return locale_numbers(tag).compile(core)


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
