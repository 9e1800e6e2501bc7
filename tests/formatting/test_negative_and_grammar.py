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


def test_spanish_lists_write_e_and_u() -> None:
    es = Formatter("es_ES", resolve_style("plain"))
    assert es.join(["España", "Italia"]) == "España e Italia"
    assert es.join(["Francia", "España", "Hungría"]) == "Francia, España y Hungría"
    assert es.join(["padres", "hijos"]) == "padres e hijos"
    assert es.join(["agua", "hielo"]) == "agua y hielo"  # hie- is a diphthong: 'y'
    assert es.join(["siete", "ocho"], "or") == "siete u ocho"
    assert es.join(["7", "8"], "or") == "7 u 8"
    assert es.join(["mujeres", "hombres"], "or") == "mujeres u hombres"
    assert es.join(["mujeres", "niños"], "or") == "mujeres o niños"


@pytest.mark.parametrize(
    ("locale", "style", "want", "want_1dp"),
    [
        ("en_GB", "uk-press", "less than 1 per cent", "less than 0.1 per cent"),
        ("de_DE", "de-presse", "weniger als 1 Prozent", "weniger als 0,1 Prozent"),
        ("fr_FR", "fr-presse", "moins de 1\u00a0%", "moins de 0,1\u00a0%"),
        ("es_ES", "plain", "menos del 1\u00a0%", "menos del 0,1\u00a0%"),
        ("it_IT", "plain", "meno dell’1%", "meno dello 0,1%"),
        ("nl_NL", "plain", "minder dan 1%", "minder dan 0,1%"),
        ("pl_PL", "plain", "mniej niż 1%", "mniej niż 0,1%"),
        ("sv_SE", "plain", "mindre än 1\u00a0%", "mindre än 0,1\u00a0%"),
        ("pt_BR", "plain", "menos de 1%", "menos de 0,1%"),
        ("ja_JP", "plain", "1%未満", "0.1%未満"),
        ("hi_IN", "plain", "1% से कम", "0.1% से कम"),
    ],
)
def test_a_share_that_rounds_to_nothing_is_less_than_one_per_cent(
    locale: str, style: str, want: str, want_1dp: str
) -> None:
    f = Formatter(locale, resolve_style(style))
    assert f.percent(Decimal("0.003")) == want
    assert f.percent(Decimal("0.0003"), 1) == want_1dp
    assert f.percent(0) == f.percent(Decimal("0.00"))  # nothing is still "0 per cent"
    assert "0" in f.percent(0)
    assert f.percent(Decimal("0.006")) != want  # rounds up to 1: printed as 1


def test_words_rounds_a_fraction_first_with_the_styles_rounding() -> None:
    assert render("{{ 2.5 | words }}") == "three"  # uk-press rounds half up
    assert render("{{ 2.5 | words }}", style="plain") == "two"  # plain rounds half even
    assert render("{{ x | words }}", x=Decimal("6.8")) == "seven"


def test_approx_on_a_count_is_an_error_naming_the_figure() -> None:
    from types import SimpleNamespace

    fig = SimpleNamespace(name="thefts", kind="count", value=23992)
    with pytest.raises(PressgenError, match="'thefts' is a count"):
        render("{{ f | approx }}", f=fig)
    with pytest.raises(PressgenError, match="share from 0 to 1"):
        render("{{ 23992 | approx }}")
    share = SimpleNamespace(name="share", kind="share", value=Decimal("0.47"))
    assert render("{{ f | approx }}", f=share) == "almost half"


def test_french_feminine_ordinal() -> None:
    assert render("la {{ 1 | ordinal(figures=True, gender='f') }} place", "fr_FR", "fr-presse") == (
        "la 1re place"
    )
    assert render("le {{ 1 | ordinal(figures=True) }} rang", "fr_FR", "fr-presse") == "le 1er rang"
    assert render("{{ 1 | ordinal(gender='f') }}", "fr_FR", "fr-presse") == "première"
    assert render("{{ 3 | ordinal(gender='f') }}", "es_ES", "plain") == "tercera"
