"""House-style rules, words, phrases and their bands, tested at the edges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from pressgen.errors import PressgenError
from pressgen.text import phrases
from pressgen.text.formatting import Formatter, normalise_locale
from pressgen.text.style import PRESETS, resolve_style
from pressgen.text.style_gallery import describe_styles

D = Decimal
DAY = dt.date(2019, 12, 3)
EMBARGO = dt.datetime(2019, 12, 3, 0, 1)


def fmt(locale: str, style: str = "uk-press", **overrides: object) -> Formatter:
    return Formatter(locale, resolve_style(style, dict(overrides) or None))


# -- locales -------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["en_GB", "en-GB", " en-gb "])
def test_locale_spellings(tag: str) -> None:
    assert normalise_locale(tag) == "en_GB"


@pytest.mark.parametrize("tag", ["", "  ", "xx_YY", "en_XX", "und", "root", "de_DE_x"])
def test_bad_locales_are_errors(tag: str) -> None:
    with pytest.raises(PressgenError):
        Formatter(tag, PRESETS["plain"])


# -- presets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("en_GB", "uk-press", ["three", "4,534", "53 per cent", "3 December 2019"]),
        ("en_US", "ap", ["three", "4,534", "53%", "Dec. 3, 2019"]),
        ("en_GB", "plain", ["3", "4,534", "52%", "3 December 2019"]),
        ("de_DE", "de-presse", ["drei", "4.534", "53 Prozent", "3. Dezember 2019"]),
        ("fr_FR", "fr-presse", ["trois", "4\u202f534", "53\u00a0%", "3 décembre 2019"]),
    ],
)
def test_presets(locale: str, style: str, expected: list[str]) -> None:
    f = fmt(locale, style)
    assert [f.count(3), f.count(4534), f.percent(D("0.525")), f.date(DAY)] == expected


def test_spell_out_threshold_edges() -> None:
    f = fmt("en_GB")
    assert [f.count(n) for n in (0, 1, 9, 10)] == ["0", "one", "nine", "10"]
    # up to a hundred a sentence-start number is spelt out; above, digits stay (lint
    # suggests recasting) rather than "Four thousand, five hundred and thirty-four"
    assert f.count(100, sentence_start=True) == "One hundred"
    assert f.count(4534, sentence_start=True) == "4,534"
    assert fmt("en_GB", spell_out_below=0).count(3) == "3"
    assert fmt("de_DE", "de-presse").count(12) == "zwölf"


def test_overrides() -> None:
    assert fmt("en_GB", percent_word="percent").percent(D("0.5")) == "50 percent"
    assert fmt("en_GB", rounding="half_even").percent(D("0.525")) == "52 per cent"
    assert fmt("en_GB", share_decimals=1).percent(D("0.5234")) == "52.3 per cent"
    assert fmt("en_GB", serial_comma=True).join(["A", "B", "C"]) == "A, B, and C"
    assert fmt("en_US", "plain").join(["A", "B", "C"]) == "A, B, and C"  # CLDR en_US
    assert fmt("en_US", "ap").join(["A", "B", "C"]) == "A, B and C"
    assert fmt("en_GB", date_format="medium").date(DAY) == "3 Dec 2019"


def test_bad_overrides() -> None:
    with pytest.raises(PressgenError, match="unknown house-style rule"):
        resolve_style("uk-press", {"spelling": "US"})
    with pytest.raises(PressgenError, match="rounding"):
        resolve_style("uk-press", {"rounding": "sideways"})
    with pytest.raises(PressgenError, match="unknown house style"):
        resolve_style("tabloid")


def test_describe_styles_has_an_example_per_preset() -> None:
    rows = describe_styles()
    assert [r.name for r in rows] == list(PRESETS)
    uk = rows[0]
    assert "per cent" in uk.example and "December" in uk.example


# -- money, dates, ranges, plurals -----------------------------------------------


@pytest.mark.parametrize(
    ("locale", "value", "currency", "expected"),
    [
        ("en_GB", "432.5", "GBP", "£432.50"),
        ("de_DE", "432.5", "EUR", "432,50\u00a0€"),
        ("ja_JP", "1234.4", "JPY", "￥1,234"),
        ("de_CH", "1234.5", "CHF", "CHF\u00a01'234.50"),
        ("hi_IN", "123456.5", "INR", "₹1,23,456.50"),
        ("en_GB", "-432.5", "GBP", "-£432.50"),
    ],
)
def test_money(locale: str, value: str, currency: str, expected: str) -> None:
    assert fmt(locale, "plain").money(D(value), currency) == expected


def test_money_bad_code() -> None:
    with pytest.raises(PressgenError, match="currency"):
        fmt("en_GB").money(1, "pounds")


@pytest.mark.parametrize(
    ("locale", "style", "zone", "expected"),
    [
        ("en_GB", "uk-press", "Europe/London", "00:01 GMT on Tuesday 3 December 2019"),
        ("en_US", "ap", "America/New_York", "12:01 a.m. EST on Tuesday, Dec. 3, 2019"),
        ("de_DE", "de-presse", "Europe/Berlin", "Dienstag, 3. Dezember 2019, 00:01 Uhr MEZ"),
        ("fr_FR", "fr-presse", "Europe/Paris", "mardi 3 décembre 2019 à 00:01 (UTC+1)"),
    ],
)
def test_embargo(locale: str, style: str, zone: str, expected: str) -> None:
    assert fmt(locale, style).embargo(EMBARGO, zone) == expected


def test_embargo_summer_time_and_missing_zone() -> None:
    summer = dt.datetime(2019, 7, 3, 0, 1, tzinfo=ZoneInfo("Europe/London"))
    assert fmt("en_GB").embargo(summer).startswith("00:01 BST on Wednesday")
    with pytest.raises(PressgenError, match="time zone"):
        fmt("en_GB").embargo(EMBARGO)
    with pytest.raises(PressgenError, match="unknown time zone"):
        fmt("en_GB").embargo(EMBARGO, "Mars/Olympus")


def test_financial_years() -> None:
    f = fmt("en_GB")
    assert [f.fy(2017), f.fy("17/18"), f.fy("2018-19"), f.fy(1999)] == [
        "2017–18", "2017–18", "2018–19", "1999–2000",
    ]  # fmt: skip
    assert fmt("en_GB", fy_format="{start}/{end2}").fy(2017) == "2017/18"
    with pytest.raises(PressgenError):
        f.fy("last year")


def test_date_ranges() -> None:
    f = fmt("en_GB")
    assert f.daterange(dt.date(2019, 11, 3), dt.date(2019, 12, 5)).endswith("5 December 2019")
    assert "–" in f.daterange(dt.date(2018, 4, 1), dt.date(2019, 3, 31))
    with pytest.raises(PressgenError, match="ends before"):
        f.daterange(DAY, dt.date(2019, 1, 1))


def test_dates_with_weekday() -> None:
    assert fmt("en_GB").date(DAY, weekday=True) == "Tuesday 3 December 2019"
    assert fmt("en_GB").date(DAY, "medium", weekday=True) == "Tue, 3 Dec 2019"
    assert fmt("de_DE", "de-presse").date(DAY, weekday=True) == "Dienstag, 3. Dezember 2019"


def test_plurals() -> None:
    assert fmt("en_GB").plural(1, "officer", "officers") == "officer"
    assert fmt("en_GB").plural(0, "officer", "officers") == "officers"
    assert fmt("fr_FR").plural(0, "agent", "agents") == "agent"  # French: 0 is singular
    pl = fmt("pl_PL", "plain")
    forms = ("funkcjonariusz", "funkcjonariusze", "funkcjonariuszy", "funkcjonariusza")
    assert [pl.plural(n, *forms) for n in (1, 3, 5, D("1.5"))] == [
        "funkcjonariusz", "funkcjonariusze", "funkcjonariuszy", "funkcjonariusza",
    ]  # fmt: skip
    with pytest.raises(PressgenError, match="needs forms for"):
        pl.plural(5, "a", "b")
    assert pl.plural(22, one="x", few="y", many="z", other="w") == "y"


def test_words_and_ordinals() -> None:
    assert [fmt(lo).words(3) for lo in ("en_GB", "de_DE", "fr_FR")] == ["three", "drei", "trois"]
    assert fmt("hi_IN").words(3) == "तीन"
    with pytest.raises(PressgenError):
        fmt("hi_IN").words(11)
    assert fmt("en_GB").ordinal(3) == "third"


# -- approximations: each band at its edges --------------------------------------


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        ("0.4499", "45 per cent"),
        ("0.45", "almost half"),
        ("0.499", "almost half"),
        ("0.5", "half"),
        ("0.5001", "more than half"),
        ("0.55", "more than half"),
        ("0.5501", "55 per cent"),
        ("0.2999", "30 per cent"),
        ("0.30", "nearly a third"),
        ("0.3333333333333333333333333333", "a third"),
        ("0.25", "a quarter"),
        ("0.2249", "22 per cent"),
        ("0.7", "more than two thirds"),  # nearer two thirds than three quarters
        ("0.12", "12 per cent"),
    ],
)
def test_approx_bands(share: str, expected: str) -> None:
    assert phrases.approx(fmt("en_GB"), D(share)) == expected


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        ("0.25", "one in four"),
        ("0.245", "one in four"),
        ("0.255", "one in four"),
        ("0.2449", "24 per cent"),
        ("0.2551", "26 per cent"),
        ("0.1", "one in 10"),
    ],
)
def test_one_in_bands(share: str, expected: str) -> None:
    assert phrases.one_in(fmt("en_GB"), D(share)) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("0.12", "up 12 per cent"),
        ("-0.024", "down 2 per cent"),
        ("1", "doubled"),
        ("0.995", "doubled"),
        ("0.994", "up 99 per cent"),
        ("-0.5", "halved"),
        ("-0.2", "fell by a fifth"),
        ("-0.205", "fell by a fifth"),
        ("-0.2051", "down 21 per cent"),
        ("0.004", "unchanged"),
        ("0", "unchanged"),
    ],
)
def test_change_bands(change: str, expected: str) -> None:
    assert phrases.change(fmt("en_GB"), D(change)) == expected


def test_change_points_and_languages() -> None:
    assert phrases.change(fmt("en_GB"), D("0.03"), "points") == "up 3 percentage points"
    assert phrases.change(fmt("de_DE", "de-presse"), D("-0.2")) == "um ein Fünftel gesunken"
    assert phrases.change(fmt("en_GB", "plain"), D("1")) == "up 100%"
    assert phrases.change(fmt("en_GB", change_decimals=1), D("-0.024")) == "down 2.4 per cent"


def test_rank_phrases() -> None:
    en, de = fmt("en_GB"), fmt("de_DE", "de-presse")
    assert [phrases.rank(en, n, "highest") for n in (1, 2, 3, 11)] == [
        "highest", "second-highest", "third-highest", "11th-highest",
    ]  # fmt: skip
    assert phrases.rank(en, 3, "largest", joint=True) == "joint third-largest"
    assert [phrases.rank(de, n, "höchste") for n in (1, 3, 7)] == [
        "höchste", "dritthöchste", "siebthöchste",
    ]  # fmt: skip
