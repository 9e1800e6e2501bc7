"""Properties over every supported locale: round trips, no float reprs, the style's rounding."""

from __future__ import annotations

import decimal
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressgen.errors import PressgenError
from pressgen.text.formatting import Formatter
from pressgen.text.locales import supported_locales
from pressgen.text.numformat import parse_decimal
from pressgen.text.style import PRESETS, resolve_style

PROFILE = settings(max_examples=60, derandomize=True, deadline=None)

values = st.decimals(
    min_value=Decimal("-1e30"), max_value=Decimal("1e30"), allow_nan=False, places=3
)
locales = st.sampled_from(supported_locales())


@PROFILE
@given(value=values, locale=locales, decimals=st.integers(0, 3))
def test_format_then_strict_parse_round_trips(value: Decimal, locale: str, decimals: int) -> None:
    f = Formatter(locale, PRESETS["plain"])
    text = f.decimal(value, decimals)
    assert parse_decimal(text, locale) == f.round(value, decimals)


@PROFILE
@given(value=st.floats(-1e12, 1e12, allow_nan=False), locale=locales)
def test_no_float_repr_reaches_output(value: float, locale: str) -> None:
    f = Formatter(locale, PRESETS["uk-press"])
    text = f.decimal(value, 2)
    assert not re.search(r"\d[eE][+-]?\d", text), text
    # Exactly two places: never a 0.52000001-style tail, never binary float noise.
    expected = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    assert parse_decimal(text, locale) == expected
    for extra in (f.percent(value, 1), f.money(value, "EUR")):
        assert not re.search(r"\d[eE][+-]?\d", extra), extra
        assert len([c for c in extra if c.isdigit()]) <= 17, extra


@PROFILE
@given(
    units=st.integers(-(10**6), 10**6),
    mode=st.sampled_from(["half_up", "half_even", "down", "up"]),
    locale=locales,
)
def test_rounding_follows_the_style(units: int, mode: str, locale: str) -> None:
    # A value exactly halfway between two hundredths, printed with one decimal place.
    value = Decimal(units) / 10 + Decimal("0.05")
    f = Formatter(locale, resolve_style("plain", {"rounding": mode}))
    rounding = {
        "half_up": decimal.ROUND_HALF_UP,
        "half_even": decimal.ROUND_HALF_EVEN,
        "down": decimal.ROUND_DOWN,
        "up": decimal.ROUND_UP,
    }[mode]
    expected = value.quantize(Decimal("0.1"), rounding=rounding)
    assert parse_decimal(f.decimal(value, 1), locale) == expected


def test_float_0_525_is_53_per_cent_half_up() -> None:
    assert Formatter("en_GB", PRESETS["uk-press"]).percent(0.525) == "53 per cent"
    assert Formatter("en_GB", PRESETS["uk-press"]).decimal(0.52000001, 2) == "0.52"


@pytest.mark.parametrize("locale", supported_locales())
def test_edge_values(locale: str) -> None:
    f = Formatter(locale, PRESETS["plain"])
    assert f.decimal(0) == "0"
    assert f.decimal(Decimal("-0")) == "0"
    assert f.decimal(Decimal("-0.004"), 2) == f.decimal(0, 2)  # never '-0.00'
    assert f.decimal(1) == "1"
    assert f.decimal(-1).endswith("1") and f.decimal(-1) != "1"
    assert len(f.decimal(Decimal("1e30"))) >= 31
    for bad in (Decimal("NaN"), Decimal("Infinity"), float("nan"), "abc"):
        with pytest.raises(PressgenError):
            f.decimal(bad)  # type: ignore[arg-type]
    with pytest.raises(PressgenError, match="too large"):
        f.decimal(Decimal("1e61"))


def test_parse_rejects_misplaced_groups() -> None:
    with pytest.raises(PressgenError):
        parse_decimal("1.234", "es_ES")  # es_ES writes 1234
    with pytest.raises(PressgenError):
        parse_decimal("1,234,56", "en_GB")
    assert parse_decimal("12,34,567", "hi_IN") == 1234567
    assert parse_decimal("−1 234,5", "sv_SE") == Decimal("-1234.5")
