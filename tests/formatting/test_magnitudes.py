"""Rounded magnitudes in words and money in millions (issue 15 item 4): the value picks
the word from the template's family, inside the band check reads it back with."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from jinja2.sandbox import SandboxedEnvironment

from pressgen.check.numbers import PLAIN, number_reader
from pressgen.errors import PressgenError
from pressgen.release.filters import FILTERS, FORMATTER_KEY
from pressgen.text.formatting import Formatter
from pressgen.text.magnitudes import about, money_compact, small_units
from pressgen.text.style import resolve_style

_PRESETS = {"en_GB": "uk-press", "en_US": "ap", "de_DE": "de-presse", "fr_FR": "fr-presse",
            "es_ES": "plain", "sv_SE": "plain", "pl_PL": "plain"}  # fmt: skip


def fmt(locale: str) -> Formatter:
    return Formatter(locale, resolve_style(_PRESETS[locale]))


_CASES = [
    ("en_GB", 3124, {"digits": 1}, "more than 3,000"),
    ("en_GB", 6213, {"digits": 1, "family": "over"}, "over 6,000"),
    ("en_GB", 1_194_000, {"family": "almost", "form": "compact"}, "almost 1.2 million"),
    ("en_GB", 2_340_000, {"form": "compact"}, "more than 2.3 million"),
    ("en_GB", 239_920, {"of": 1_000_000}, "nearly a quarter of a million"),
    ("en_GB", 330_000, {"of": 1_000_000}, "nearly a third of a million"),
    ("en_GB", 1_030_000, {"digits": 1, "form": "words"}, "more than one million"),
    ("en_GB", 3124, {"to": 1000}, "more than 3,000"),
    ("en_GB", 2950, {"to": 1000, "family": "under"}, "less than 3,000"),
    ("de_DE", 1812, {"family": "about"}, "rund 1.800"),
    ("de_DE", 31_204, {}, "mehr als 31.000"),
    ("de_DE", 1_194_000, {"form": "compact"}, "knapp 1,2 Millionen"),
    ("fr_FR", 1950, {"digits": 1}, "près de 2\u202f000"),
    ("fr_FR", 1_030_000, {"digits": 1, "form": "words"}, "plus de 1 million"),
    ("es_ES", 31_204, {}, "más de 31.000"),
    ("sv_SE", 3124, {"digits": 2}, "mer än 3\u00a0100"),
    ("sv_SE", 1_794, {"family": "about"}, "omkring 1\u00a0800"),
    ("sv_SE", 3124, {"digits": 2, "family": "just"}, "drygt 3\u00a0100"),
    ("sv_SE", 1_194_000, {"family": "almost", "form": "compact"}, "nästan 1,2 miljoner"),
    ("pl_PL", 3124, {"digits": 2}, "ponad 3100"),
    ("pl_PL", 2950, {"to": 1000, "family": "under"}, "mniej niż 3000"),
    ("pl_PL", 1_794, {"family": "about"}, "około 1800"),
    ("pl_PL", 1_194_000, {"form": "compact"}, "prawie 1,2 miliona"),
]
_PERCENT_CASES = [
    ("fr_FR", "-0.186", {"digits": 1}, "près de 20\u00a0%"),
    ("en_GB", "0.523", {"digits": 1, "family": "over"}, "over 50 per cent"),
    ("de_DE", "0.0318", {"family": "about"}, "rund 3,2 Prozent"),
]


@pytest.mark.parametrize(("locale", "value", "args", "expected"), _CASES)
def test_about_picks_the_word_from_the_value(
    locale: str, value: int, args: dict[str, object], expected: str
) -> None:
    assert about(fmt(locale), value, **args) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("locale", "value", "args", "expected"), _CASES)
def test_check_reads_each_magnitude_as_its_band(
    locale: str, value: int, args: dict[str, object], expected: str
) -> None:
    f = fmt(locale)
    reader = number_reader(locale, f.style)
    tokens = [t for t in reader.read(f"X {expected} y.") if t.checked]
    assert len(tokens) == 1, tokens
    (tok,) = tokens
    assert tok.unit == PLAIN and tok.text == expected and tok.band is not None
    assert tok.band[0] <= value <= tok.band[1]
    # a value a fifth away is outside the band: check still catches a wrong number
    assert not tok.band[0] <= value * D("1.2") <= tok.band[1]
    assert not tok.band[0] <= value * D("0.8") <= tok.band[1]


@pytest.mark.parametrize(("locale", "value", "args", "expected"), _PERCENT_CASES)
def test_about_a_percentage_and_check_reads_it(
    locale: str, value: str, args: dict[str, object], expected: str
) -> None:
    f = fmt(locale)
    assert about(f, D(value), form="percent", **args) == expected  # type: ignore[arg-type]
    (tok,) = [t for t in number_reader(locale, f.style).read(f"X {expected} y.") if t.checked]
    assert tok.text == expected and tok.band is not None
    size = abs(D(value)) * 100
    assert tok.band[0] <= size <= tok.band[1]
    assert not tok.band[0] <= size * D("1.2") <= tok.band[1]


def test_the_word_is_never_stretched_beyond_its_band() -> None:
    f = fmt("en_GB")
    # 1.45 million is 45 % over one million: a finer round figure, never "more than one"
    assert about(f, 1_450_000, digits=1) == "nearly 1,500,000"
    assert about(f, 3000, digits=1) == "3,000"  # exactly round: no word
    assert about(f, 1_145_800, digits=1, form="compact") == "more than 1.1 million"
    with pytest.raises(PressgenError, match="positive"):
        about(f, -3000)
    with pytest.raises(PressgenError, match="family must be"):
        about(f, 3000, family="roughly")


def test_compact_rounds_as_cldr_does() -> None:
    assert fmt("en_GB").compact(239_920) == "240 thousand"


@pytest.mark.parametrize(
    ("locale", "value", "expected"),
    [
        ("en_GB", 2_300_000, "£2.3m"),
        ("en_GB", 68_000_000, "£68m"),
        ("en_GB", 1_234_000_000, "£1.2bn"),
        ("en_GB", 432, "£432"),
        ("en_US", 2_300_000, "$2.3 million"),
        ("de_DE", 2_300_000, "2,3\u00a0Mio.\u00a0€"),
    ],
)
def test_money_in_millions_follows_the_house_style(locale: str, value: int, expected: str) -> None:
    currency = {"en_GB": "GBP", "en_US": "USD"}.get(locale, "EUR")
    f = fmt(locale)
    assert money_compact(f, value, currency) == expected
    # and check reads it back as the amount
    tokens = [t for t in number_reader(locale, f.style).read(f"It cost {expected} in all.")]
    (tok,) = [t for t in tokens if t.checked]
    assert tok.value is not None and abs(tok.value * tok.scale - value) <= value / 20


@pytest.mark.parametrize(
    ("locale", "value", "args", "expected"),
    [
        # the RAC's conservative estimate, rounded down; the total to one figure
        ("en_GB", 68_746_960, {"digits": 2, "rounding": "down"}, "£68m"),
        ("en_GB", 68_746_960, {"digits": 2}, "£69m"),
        ("en_GB", 68_746_960, {}, "£68.7m"),
        ("en_GB", 206_240_880, {"digits": 1}, "£200m"),
        ("en_GB", 250_000_000, {"digits": 1}, "£300m"),  # uk-press rounds half up
        ("en_GB", 250_000_000, {"digits": 1, "rounding": "half_even"}, "£200m"),
        ("en_GB", 206_240_880, {"digits": 3}, "£206m"),
        ("en_GB", 2_345_678, {"digits": 3}, "£2.35m"),
        ("en_GB", 2_345_678, {"rounding": "up"}, "£2.4m"),
        ("en_GB", -2_345_678, {"digits": 2, "rounding": "down"}, "-£2.3m"),  # towards zero
        ("en_GB", 999_960_000, {"digits": 2, "rounding": "down"}, "£990m"),
        ("en_GB", 999_960_000, {"digits": 2}, "£1bn"),  # a thousand million is a billion
        ("en_GB", 432_500, {"digits": 1}, "£400,000"),  # below a million: the plain amount
        ("en_GB", 432.5, {"rounding": "down"}, "£432"),
        ("en_US", 206_240_880, {"digits": 1}, "$200 million"),
        ("de_DE", 68_746_960, {"digits": 2, "rounding": "down"}, "68\u00a0Mio.\u00a0€"),
        ("de_DE", 2_345_678_901, {"digits": 1}, "2\u00a0Mrd.\u00a0€"),
    ],
)
def test_money_in_millions_to_significant_figures_and_rounded_down(
    locale: str, value: int, args: dict[str, object], expected: str
) -> None:
    currency = {"en_GB": "GBP", "en_US": "USD"}.get(locale, "EUR")
    assert money_compact(fmt(locale), value, currency, **args) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"digits": 0}, "digits must be a whole number from 1 to 6, not 0"),
        ({"digits": True}, "digits must be a whole number from 1 to 6"),
        ({"rounding": "floor"}, "rounding must be one of 'half_up', 'half_even', 'down', 'up'"),
    ],
)
def test_bad_money_arguments_are_plain_errors(args: dict[str, object], message: str) -> None:
    with pytest.raises(PressgenError, match=message):
        money_compact(fmt("en_GB"), 68_746_960, "GBP", **args)  # type: ignore[arg-type]


def render(source: str, locale: str = "en_GB", **data: object) -> str:
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    return env.from_string(source).render({FORMATTER_KEY: fmt(locale), **data})


def test_the_filters() -> None:
    assert render("{{ x | about(1) }}", x=3124) == "more than 3,000"
    assert render("{{ x | about(1, form='words', start=True) }}", x=1_030_000) == (
        "More than one million"
    )
    assert render("{{ x | money('GBP', compact=True) }}", x=2_300_000) == "£2.3m"
    assert render("{{ x | money('USD', compact=True) }}", "en_US", x=2_300_000) == "$2.3 million"
    with pytest.raises(PressgenError, match="not both"):
        render("{{ x | money('GBP', 2, compact=True) }}", x=2_300_000)
    assert render(
        "{{ x | money('GBP', compact=True, digits=2, rounding='down') }}", x=68_746_960
    ) == ("£68m")
    assert render("{{ x | money('GBP', compact=True, digits=1) }}", x=206_240_880) == "£200m"
    with pytest.raises(PressgenError, match="go with compact=True"):
        render("{{ x | money('GBP', digits=1) }}", x=206_240_880)


@pytest.mark.parametrize(
    ("locale", "value", "unit", "expected"),
    [
        ("es_ES", "-0.04", "hundredths", "cuatro centésimas"),
        ("es_ES", "0.01", "hundredths", "una centésima"),
        ("en_GB", "-0.07", "hundredths", "seven hundredths"),
        ("de_DE", "0.3", "tenths", "drei Zehntel"),
        ("fr_FR", "-0.03", "hundredths", "trois centièmes"),
        ("en_GB", "1.5", "hundredths", "1.50"),  # a hundred hundredths or more: digits
    ],
)
def test_small_differences_in_words(locale: str, value: str, unit: str, expected: str) -> None:
    assert small_units(fmt(locale), D(value), unit) == expected


def test_check_reads_hundredths_in_words() -> None:
    reader = number_reader("es_ES", resolve_style("plain"))
    (tok,) = [t for t in reader.read("bajó cuatro centésimas, hasta 1,12") if t.checked][:1]
    assert (tok.text, tok.value, tok.scale) == ("cuatro centésimas", 4, D("0.01"))
    assert render("{{ x | words(unit='hundredths') }}", "es_ES", x=D("-0.04")) == (
        "cuatro centésimas"
    )
    with pytest.raises(PressgenError, match="unit must be"):
        render("{{ x | words(unit='thousandths') }}", x=D("0.004"))
