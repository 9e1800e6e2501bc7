"""Dates, times, time zones, embargo lines, financial years and date ranges in house style.

`DateFormatting` is the date half of `Formatter` (text/formatting.py), which mixes it in:
it reads the formatter's Babel locale and house style. Dates use Babel's CLDR patterns
and interval formats; the style's own patterns (`date_format`, `embargo_format`,
`fy_format`) were checked when the style was loaded (text/date_patterns.py and
text/placeholders.py), and the embargo line and financial year are filled in pressgen's
placeholder language, never by `str.format`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime, format_skeleton, format_time

from pressgen.errors import PressgenError
from pressgen.text.placeholders import PatternError, compile_placeholders
from pressgen.text.style import EMBARGO_FIELDS, FY_FIELDS

if TYPE_CHECKING:
    from babel import Locale

    from pressgen.text.style import HouseStyle

_NAMED_DATES = frozenset({"short", "medium", "long", "full"})

# Embargo lines by language, where CLDR has no pattern for "time, zone, then date".
_EMBARGO = {
    "en": "{time} {zone} on {date}",
    "de": "{date}, {time} Uhr {zone}",
    "fr": "{date} à {time} ({zone})",
}


class DateFormatting:
    """Date methods of a Formatter; the attributes are the formatter's own."""

    locale: Locale
    language: str
    style: HouseStyle

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
        pattern = self.style.embargo_format or _EMBARGO.get(self.language)
        if pattern is None:
            glue = str(self.locale.datetime_formats["long"])
            return (
                glue.replace("{1}", parts["date"])
                .replace("{0}", f"{parts['time']} {parts['zone']}")
                .replace("'", "")
            )
        return _filled(pattern, EMBARGO_FIELDS, "embargo_format", parts)

    def fy(self, start: int | str, end: int | str | None = None) -> str:
        """A financial year: '2017–18' (uk-press), from 2017, '2017/18', '17/18' or
        '2017-18'. `end` gives the span of several years ('2017–18 to 2018–19' is
        written by the template from two calls)."""
        first = _year(start)
        last = first + 1 if end is None else _year(end, near=first)
        if last != first + 1:
            raise PressgenError(f"a financial year spans one year change, not {first}–{last}")
        end2 = f"{last % 100:02d}" if last // 100 == first // 100 else str(last)
        values = {"start": first, "end": last, "end2": end2}
        return _filled(self.style.fy_format, FY_FIELDS, "fy_format", values)

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

    # -- internals ---------------------------------------------------------------

    def _date_pattern(self, fmt: str) -> str:
        if fmt in _NAMED_DATES:
            return str(self.locale.date_formats[fmt].pattern)
        return fmt

    def _with_names(self, pattern: str, value: dt.date) -> str:
        if self.style.ordinal_dates:
            day = _ordinal_day(value.day, self.language)
            if day is not None:
                pattern = _replace_field(_replace_field(pattern, "d", 1, day), "d", 2, day)
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
            if value.tzinfo is None:
                check_local_time(value, tz, zone)
                return value.replace(tzinfo=tz)
            return value.astimezone(tz)
        if value.tzinfo is None or value.utcoffset() is None:
            raise PressgenError("embargo time has no time zone: give one such as Europe/London")
        return value


def _ordinal_day(day: int, language: str) -> str | None:
    """The day of a date as an ordinal where the language writes one: English '31st',
    '2nd', '11th'; French only the first ('1er juillet', but '2 juillet')."""
    if language == "en":
        suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return f"{day}{suffix}"
    if language == "fr" and day == 1:
        return "1er"
    return None


def check_local_time(value: dt.datetime, tz: dt.tzinfo, zone: str) -> None:
    """Refuse a wall-clock time that a DST change skips (it never happens) or repeats
    (it happens twice): an embargo must name one instant."""
    first = value.replace(tzinfo=tz, fold=0)
    second = value.replace(tzinfo=tz, fold=1)
    when = f"{value:%Y-%m-%d %H:%M}"
    if first.utcoffset() != second.utcoffset():
        # both folds differ: either the time is repeated (ambiguous) or skipped
        back = first.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None)
        if back != value.replace(tzinfo=None):
            raise PressgenError(
                f"{when} does not exist in {zone}: the clocks go forward over it"
                " (a DST change); choose a time outside the skipped hour"
            )
        raise PressgenError(
            f"{when} happens twice in {zone}: the clocks go back over it (a DST change);"
            " choose a time outside the repeated hour"
        )


def _filled(
    pattern: str, allowed: tuple[str, ...], field: str, values: Mapping[str, object]
) -> str:
    try:
        return compile_placeholders(pattern, allowed).fill(values)
    except PatternError as exc:  # only a style built without validation gets here
        raise PressgenError(f"bad {field} {pattern!r}: {exc}") from None


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
