"""Negative whole numbers print whole with the locale's minus sign (issue 15 item 11), and
the grammar points of item 12 that live in the formatter and the filters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jinja2.sandbox import SandboxedEnvironment

from pressgen.errors import PressgenError
from pressgen.release.filters import FILTERS, FORMATTER_KEY
from pressgen.text.formatting import Formatter
from pressgen.text.locales import supported_locales
from pressgen.text.numformat import symbols_for
from pressgen.text.style import resolve_style, style_for_locale


def render(source: str, locale: str = "en_GB", style: str = "uk-press", **data: object) -> str:
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    fmt = Formatter(locale, resolve_style(style))
    return env.from_string(source).render({FORMATTER_KEY: fmt, **data})


@pytest.mark.parametrize("locale", supported_locales())
def test_negative_whole_numbers_print_whole_with_the_cldr_minus(locale: str) -> None:
    style = style_for_locale("uk-press", locale)
    minus = symbols_for(locale).minus
    four = Formatter(locale, resolve_style(style)).decimal(4534)
    assert render("{{ -3 | count }}", locale, style) == f"{minus}3"
    assert render("{{ x | count }}", locale, style, x=Decimal("-4534")) == f"{minus}{four}"
    assert render("{{ x | count }}", locale, style, x=Decimal("-4534.0")) == f"{minus}{four}"
    assert render("{{ x | number }}", locale, style, x=Decimal("-382")) == f"{minus}382"
    # a fraction keeps the style's decimals
    assert render("{{ x | count }}", locale, style, x=Decimal("-2.5")).startswith(minus)


def test_the_minus_sign_is_the_locales() -> None:
    assert render("{{ -3 | count }}", "sv_SE", "plain") == "\u22123"  # CLDR: U+2212 in Swedish
    assert render("{{ -382 | count }}", "de_DE", "de-presse") == "-382"
    assert render("{{ -4534 | count }}", "en_GB") == "-4,534"


def test_german_one_in_running_text_is_ein() -> None:
    assert render("{{ 1 | count }} Fall", "de_DE", "de-presse") == "ein Fall"
    assert render("{{ 1 | count(gender='f') }} Person", "de_DE", "de-presse") == "eine Person"
    assert render("{{ 1 | count(start=True) }} Fall", "de_DE", "de-presse") == "Ein Fall"
    assert render("{{ 1 | words }}", "de_DE", "de-presse") == "eins"  # the number's name
    assert render("{{ 1 | count(gender='f') }}", "es_ES", "uk-press") == "una"
    with pytest.raises(PressgenError, match="gender must be"):
        render("{{ 1 | count(gender='x') }}")


def test_a_sentence_start_number_above_a_hundred_stays_in_digits() -> None:
    assert render("{{ 100 | count(start=True) }}") == "One hundred"
    assert render("{{ 4534 | count(start=True) }}") == "4,534"
