"""Where Babel 2.19 departs from CLDR and pressgen does not.

Each test pins Babel's wrong output too, so a Babel release that fixes one of them fails
here and the entry in docs/formatting.md can be retired.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from babel import numbers as bn
from babel.dates import format_datetime, format_interval

from pressgen.errors import PressgenError
from pressgen.text.formatting import Formatter
from pressgen.text.numformat import parse_decimal
from pressgen.text.style import PRESETS


def fmt(locale: str, style: str = "plain") -> Formatter:
    return Formatter(locale, PRESETS[style])


@pytest.mark.parametrize("locale", ["de_CH", "de_LI"])
def test_swiss_apostrophe_grouping_survives(locale: str) -> None:
    # Babel strips pairs of ASCII apostrophes as pattern quotes from its *output*.
    assert bn.format_decimal(1234567, locale=locale) == "1234567"
    assert fmt(locale).decimal(1234567) == "1'234'567"
    assert fmt(locale).decimal(1234567890) == "1'234'567'890"


def test_values_from_1e25_print() -> None:
    with pytest.raises(decimal.InvalidOperation):
        bn.format_decimal(Decimal("1e25"), locale="en_GB")
    assert fmt("en_GB").decimal(Decimal("1e25")) == "10,000,000,000,000,000,000,000,000"


def test_parse_is_strict() -> None:
    assert bn.parse_decimal("12,5", locale="en_GB") == 125
    with pytest.raises(PressgenError, match="misplaced group separator"):
        parse_decimal("12,5", "en_GB")


@pytest.mark.parametrize(("locale", "expected"), [("es_ES", "1234"), ("pl_PL", "1234")])
def test_minimum_grouping_digits(locale: str, expected: str) -> None:
    # CLDR minimumGroupingDigits=2: four-digit numbers are not grouped. Babel has no such data.
    assert bn.format_decimal(1234, locale=locale) != expected
    assert fmt(locale).decimal(1234) == expected
    assert fmt(locale).decimal(12345) in ("12.345", "12\u00a0345")


def test_locale_minus_sign() -> None:
    # sv_SE's minus sign is U+2212; Babel prints the ASCII hyphen-minus.
    assert bn.format_decimal(-5, locale="sv_SE") == "-5"
    assert fmt("sv_SE").decimal(-5) == "\u22125"


def test_currency_spacing() -> None:
    # CLDR currencySpacing: a letter symbol next to a digit gets a no-break space.
    assert bn.format_currency(1234.5, "CHF", locale="en_GB") == "CHF1,234.50"
    assert fmt("en_GB").money(Decimal("1234.5"), "CHF") == "CHF\u00a01,234.50"


def test_half_up_rounding_for_press() -> None:
    assert bn.format_percent(Decimal("0.525"), locale="en_GB") == "52%"  # half-even
    assert fmt("en_GB", "ap").percent(Decimal("0.525")) == "53%"
    assert fmt("en_GB", "plain").percent(Decimal("0.525")) == "52%"


def test_wide_months_in_ranges() -> None:
    # Babel keeps the abbreviated month of the matched interval skeleton.
    start, end = dt.date(2019, 12, 3), dt.date(2019, 12, 5)
    assert "Dec " in format_interval(start, end, "yMMMMd", locale="en_GB")
    assert fmt("en_GB").daterange(start, end) == "3\u2009–\u20095 December 2019"
    assert fmt("de_DE").daterange(start, end) == "3.–5. Dezember 2019"


def test_short_localized_gmt_zone() -> None:
    when = dt.datetime(2019, 12, 3, 0, 1, tzinfo=ZoneInfo("Europe/Paris"))
    assert format_datetime(when, "O", locale="fr_FR") == "None"
    assert format_datetime(when, "z", locale="fr_FR") == "+0100"
    assert fmt("fr_FR").zone(when) == "UTC+1"


def test_dublin_zone_names_not_swapped() -> None:
    # tzdata's negative DST for Europe/Dublin makes Babel name winter IST and summer GMT.
    dublin = ZoneInfo("Europe/Dublin")
    winter = dt.datetime(2019, 12, 3, 0, 1, tzinfo=dublin)
    summer = dt.datetime(2019, 7, 3, 0, 1, tzinfo=dublin)
    assert format_datetime(winter, "z", locale="en_IE") == "IST"
    assert fmt("en_IE").zone(winter) == "GMT"
    assert fmt("en_IE").zone(summer) == "IST"


def test_italian_four_digit_numbers_are_not_grouped() -> None:
    # CLDR 46 gave Italian minimumGroupingDigits 2; Babel drops the value and groups.
    assert bn.format_decimal(4534, locale="it_IT") == "4.534"
    f = fmt("it_IT")
    assert [f.decimal(4534), f.decimal(14534), f.decimal(-4534)] == ["4534", "14.534", "-4534"]
