"""Approximation wording families (issue 15 item 8): the template picks the family, the
value picks the word, and check reads every word the renderer can print with its band."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from jinja2.sandbox import SandboxedEnvironment

from pressgen.check.numbers import APPROX, number_reader
from pressgen.errors import PressgenError
from pressgen.release.filters import FILTERS, FORMATTER_KEY
from pressgen.text import phrases
from pressgen.text.approx_families import FAMILIES
from pressgen.text.formatting import Formatter
from pressgen.text.style import resolve_style

_LANGS = {"en": "en_GB", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT",
          "nl": "nl_NL", "pt": "pt_PT"}  # fmt: skip
# (an exact fraction prints bare, "half", which check reads only before "of")
_SHARES = ("0.41", "0.44", "0.48", "0.51", "0.53", "0.32", "0.35", "0.59", "0.62", "0.7")


def fmt(locale: str) -> Formatter:
    return Formatter(locale, resolve_style("plain"))


@pytest.mark.parametrize(
    ("locale", "family", "share", "expected"),
    [
        ("en_GB", "default", "0.47", "almost half"),  # unchanged
        ("en_GB", "nearly", "0.47", "nearly half"),
        ("en_GB", "over", "0.52", "over half"),
        ("en_GB", "under", "0.48", "less than half"),
        ("en_GB", "under", "0.35", "more than a third"),
        ("en_GB", "just", "0.51", "just over half"),
        ("en_GB", "just", "0.54", "54%"),  # "just over" stops half a tenth above
        ("en_GB", "about", "0.52", "about half"),
        ("en_GB", "about", "0.5", "half"),
        ("de_DE", "just", "0.51", "gut die Hälfte"),
        ("de_DE", "just", "0.32", "knapp ein Drittel"),
        ("de_DE", "about", "0.26", "rund ein Viertel"),
        ("fr_FR", "default", "0.32", "près d’un tiers"),
        ("fr_FR", "just", "0.34", "un peu plus d’un tiers"),
        ("es_ES", "under", "0.48", "menos de la mitad"),
    ],
)
def test_the_family_picks_the_words_and_the_value_the_side(
    locale: str, family: str, share: str, expected: str
) -> None:
    assert phrases.approx(fmt(locale), D(share), family) == expected


def test_fifths_and_m_in_n() -> None:
    f = fmt("en_GB")
    assert phrases.approx(f, D("0.4"), fractions="fifths") == "two fifths"
    assert phrases.approx(f, D("0.39"), fractions="fifths") == "nearly two fifths"
    assert phrases.approx(f, D("0.61"), fractions="all") == "more than three fifths"
    assert phrases.approx(f, D("0.4")) == "40%"  # the common set has no fifths
    assert phrases.m_in_n(f, D("0.6")) == "three in five"
    assert phrases.m_in_n(f, D("0.9")) == "nine in ten"
    assert phrases.m_in_n(f, D("0.25")) == "one in 4"  # one in n is one_in's
    assert phrases.m_in_n(f, D("0.52")) == "52%"  # no m/n within 2 %
    assert phrases.m_in_n(f, D("0.63")) == "five in eight"
    assert phrases.m_in_n(fmt("de_DE"), D("0.6")) == "drei von fünf"
    assert phrases.m_in_n(fmt("fr_FR"), D("0.4")) == "deux sur cinq"


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("language", sorted(_LANGS))
def test_check_reads_every_word_of_every_family_with_its_band(family: str, language: str) -> None:
    locale = _LANGS[language]
    f = fmt(locale)
    reader = number_reader(locale, f.style)
    for share in _SHARES:
        for fractions in ("common", "fifths"):
            text = phrases.approx(f, D(share), family, fractions)
            if text == f.percent(D(share)):
                continue  # outside every band: the exact figure
            tokens = [t for t in reader.read(f"Y {text} x.") if t.checked]
            assert [t.unit for t in tokens] == [APPROX], (text, tokens)
            (tok,) = tokens
            assert tok.text == text
            assert tok.band is not None and tok.band[0] <= D(share) <= tok.band[1], text
            # and a share far from it is not inside: a wrong figure is still caught
            assert not (tok.band[0] <= D(share) + D("0.15") <= tok.band[1]), text


@pytest.mark.parametrize("language", sorted(_LANGS))
def test_check_reads_m_in_n(language: str) -> None:
    locale = _LANGS[language]
    f = fmt(locale)
    reader = number_reader(locale, f.style)
    for share in ("0.6", "0.4", "0.75", "0.9"):
        text = phrases.m_in_n(f, D(share))
        (tok,) = [t for t in reader.read(f"Y {text} x.") if t.checked]
        assert tok.unit == APPROX and tok.text == text
        assert tok.band is not None and tok.band[0] <= D(share) <= tok.band[1]
        assert not (tok.band[0] <= D(share) - D("0.1") <= tok.band[1])


def render(source: str, locale: str = "en_GB", **data: object) -> str:
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    return env.from_string(source).render({FORMATTER_KEY: fmt(locale), **data})


def test_the_filter_takes_family_fractions_and_kind() -> None:
    assert render("{{ s | approx(family='over') }}", s=D("0.52")) == "over half"
    assert render("{{ s | approx(family='just', start=True) }}", "de_DE", s=D("0.51")) == (
        "Gut die Hälfte"
    )
    assert render("{{ s | approx(fractions='fifths') }}", s=D("0.4")) == "two fifths"
    assert render("{{ s | approx('in') }}", s=D("0.6")) == "three in five"
    with pytest.raises(PressgenError, match="family must be one of"):
        render("{{ s | approx(family='roughly') }}", s=D("0.5"))
    with pytest.raises(PressgenError, match="fractions must be"):
        render("{{ s | approx(fractions='eighths') }}", s=D("0.5"))
