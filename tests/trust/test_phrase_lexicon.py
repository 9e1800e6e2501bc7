"""check reads back every phrase the formatter writes (issue 15 items 5 and 12): the
direction words of each language's change phrases are in its meaning lexicon, the
percentage-point units in every plural form are units, and "less than 1 per cent" is a
claim about a band, not the number 1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressgen.check.match import _WORDS
from pressgen.check.meaning import DOWN, UP, lexicon
from pressgen.check.numbers import APPROX, PERCENT, POINTS, number_reader
from pressgen.text import phrases
from pressgen.text.formatting import Formatter
from pressgen.text.locales import supported_locales
from pressgen.text.phrase_words import CHANGE_WORDS
from pressgen.text.style import resolve_style, style_for_locale

_DIRECTIONS = {"up": UP, "down": DOWN, "up_n": UP, "down_n": DOWN}


@pytest.mark.parametrize("language", sorted(CHANGE_WORDS))
def test_every_change_phrase_names_its_direction_in_the_lexicon(language: str) -> None:
    words = lexicon(language)
    for key, direction in _DIRECTIONS.items():
        for prefix in ("", "v_"):
            pattern = CHANGE_WORDS[language][prefix + key]
            said = {
                words[w].value
                for w in _WORDS.findall(pattern.lower().replace("{x}", " "))
                if w in words and words[w].kind == "direction"
            }
            assert said == {direction}, (language, pattern)


@pytest.mark.parametrize("locale", supported_locales())
def test_points_in_every_plural_form_are_read_as_points(locale: str) -> None:
    style = resolve_style(style_for_locale("uk-press", locale))
    f = Formatter(locale, style)
    reader = number_reader(locale, style)
    for share in (Decimal("0.01"), Decimal("0.02"), Decimal("0.05"), Decimal("0.015")):
        text = f.points(share, 1 if share == Decimal("0.015") else 0)
        (tok,) = [t for t in reader.read(f"Es {text} hier.") if t.checked]
        assert (tok.unit, tok.text) == (POINTS, text), locale


@pytest.mark.parametrize("locale", supported_locales())
def test_less_than_one_per_cent_is_read_as_a_band(locale: str) -> None:
    style = resolve_style(style_for_locale("uk-press", locale))
    f = Formatter(locale, style)
    reader = number_reader(locale, style)
    for share, places, bound in ((Decimal("0.003"), 0, 1), (Decimal("0.0004"), 1, "0.1")):
        text = f.percent(share, places)
        tokens = [t for t in reader.read(f"— {text} —") if t.checked]
        assert [(t.text, t.unit) for t in tokens] == [(text, APPROX)], locale
        assert tokens[0].band == (Decimal(0), Decimal(bound) / 100)


def test_a_change_phrase_reads_as_its_percentage() -> None:
    for locale in ("es_ES", "it_IT", "nl_NL", "ja_JP", "hi_IN"):
        style = resolve_style(style_for_locale("uk-press", locale))
        text = phrases.change(Formatter(locale, style), Decimal("-0.184"))
        read = [(t.value, t.unit) for t in number_reader(locale, style).read(text) if t.checked]
        assert read == [(Decimal(18), PERCENT)], (locale, text)


@pytest.mark.parametrize("locale", ["es_ES", "it_IT", "nl_NL", "pt_BR"])
def test_approximations_in_more_languages_are_read_as_their_band(locale: str) -> None:
    style = resolve_style("plain")
    f = Formatter(locale, style)
    reader = number_reader(locale, style)
    for share in ("0.47", "0.52", "0.32", "0.27", "0.5"):
        text = phrases.approx(f, Decimal(share))
        (tok,) = [t for t in reader.read(f"Y {text} de los casos.") if t.checked]
        assert tok.text == text and tok.unit == APPROX
        assert tok.band is not None and tok.band[0] <= Decimal(share) <= tok.band[1]
