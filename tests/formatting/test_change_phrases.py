"""Change, rank and percentage-point phrases in every supported language (issue 15,
items 5 and 12): the direction is in words, never a sign, and the grammar is the
language's own."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from pressgen.errors import PressgenError
from pressgen.text import phrases
from pressgen.text.formatting import Formatter
from pressgen.text.locales import supported_locales
from pressgen.text.phrase_words import CHANGE_WORDS, RANK_WORDS
from pressgen.text.placeholders import compile_placeholders
from pressgen.text.style import resolve_style


def fmt(locale: str, style: str = "plain", **overrides: object) -> Formatter:
    return Formatter(locale, resolve_style(style, overrides or None))


# (locale, +12 %, -2.4 %, -382 as a count, -382 with the verb, +1 point, -3 points)
EXPECTED = [
    ("en_GB", "up 12%", "down 2.4%", "down 382", "fell by 382", "up 1 percentage point",
     "down 3 percentage points"),
    ("de_DE", "12\xa0% mehr", "2,4\xa0% weniger", "382 weniger", "ging um 382 zurück",
     "1 Prozentpunkt mehr", "3 Prozentpunkte weniger"),
    ("fr_FR", "en hausse de 12\xa0%", "en baisse de 2,4\xa0%", "en baisse de 382",
     "a diminué de 382", "en hausse de 1 point de pourcentage",
     "en baisse de 3 points de pourcentage"),
    ("es_ES", "un 12\xa0% más", "un 2,4\xa0% menos", "382 menos", "disminuyó en 382",
     "1 punto porcentual más", "3 puntos porcentuales menos"),
    ("it_IT", "in aumento del 12%", "in calo del 2,4%", "in calo di 382", "cala di 382",
     "in aumento di 1 punto percentuale", "in calo di 3 punti percentuali"),
    ("nl_NL", "een stijging van 12%", "een daling van 2,4%", "een daling van 382",
     "daalde met 382", "een stijging van 1 procentpunt", "een daling van 3 procentpunten"),
    ("pl_PL", "wzrost o 12%", "spadek o 2,4%", "spadek o 382", "spadła o 382",
     "wzrost o 1 punkt procentowy", "spadek o 3 punkty procentowe"),
    ("sv_SE", "en ökning med 12\xa0%", "en minskning med 2,4\xa0%", "en minskning med 382",
     "minskade med 382", "en ökning med 1 procentenhet", "en minskning med 3 procentenheter"),
    ("pt_BR", "alta de 12%", "queda de 2,4%", "queda de 382", "caiu 382",
     "alta de 1 ponto percentual", "queda de 3 pontos percentuais"),
    ("ja_JP", "12%増", "2.4%減", "382減", "382減少した", "1ポイント増", "3ポイント減"),
    ("hi_IN", "12% की वृद्धि", "2.4% की गिरावट", "382 की गिरावट", "382 घटा",
     "1 प्रतिशत अंक की वृद्धि", "3 प्रतिशत अंक की गिरावट"),
]  # fmt: skip


@pytest.mark.parametrize("row", EXPECTED, ids=lambda r: r[0])
def test_change_in_words(row: tuple[str, ...]) -> None:
    locale, *want = row
    f = fmt(locale)
    got = [
        phrases.change(f, D("0.12")),
        phrases.change(f, D("-0.024"), decimals=1),
        phrases.change(f, -382, "count"),
        phrases.change(f, D("-382"), "count", verb=True),
        phrases.change(f, D("0.01"), "points"),
        phrases.change(f, D("-0.03"), "points"),
    ]
    assert got == want


@pytest.mark.parametrize("locale", supported_locales())
def test_every_supported_locale_has_change_and_rank_phrases_without_a_sign(locale: str) -> None:
    f = fmt(locale)
    for value, unit in ((D("-0.184"), "percent"), (D("-382"), "count"), (D("-0.05"), "points")):
        for verb in (False, True):
            text = phrases.change(f, value, unit, verb=verb)  # type: ignore[arg-type]
            assert not re.search(r"[-\u2212]\s*\d", text), text
            assert "minus" not in text.lower(), text
            assert ".0" not in text and ",0" not in text, text
    assert phrases.change(f, D("0.001")) == CHANGE_WORDS[f.language]["same"]
    assert phrases.change(f, 0, "count", verb=True) == CHANGE_WORDS[f.language]["v_same"]
    assert phrases.rank(f, 1, "X") != phrases.rank(f, 3, "X")
    assert phrases.rank(f, 3, "X", joint=True) != phrases.rank(f, 3, "X")


def test_rank_phrases_in_the_new_languages() -> None:
    press = {"spell_out_below": 10}
    assert phrases.rank(fmt("es_ES", **press), 3, "más alto") == "tercero más alto"
    assert phrases.rank(fmt("it_IT", **press), 2, "più alto") == "secondo più alto"
    assert phrases.rank(fmt("nl_NL", **press), 3, "hoogste", joint=True) == "gedeeld derde hoogste"
    assert phrases.rank(fmt("sv_SE", **press), 1, "högsta") == "högsta"
    assert phrases.rank(fmt("ja_JP"), 3, "高い") == "3番目に高い"
    assert phrases.rank(fmt("ja_JP"), 1, "高い") == "最も高い"
    assert phrases.rank(fmt("nl_NL"), 12, "hoogste") == "12e hoogste"
    assert phrases.rank(fmt("en_GB", "uk-press"), 3, "highest", joint=True) == (
        "joint third-highest"
    )
    assert phrases.rank(fmt("de_DE", "de-presse"), 3, "höchste") == "dritthöchste"


def test_percentage_points_take_the_plural_form_cldr_gives() -> None:
    en = fmt("en_GB", "uk-press")
    assert en.points(D("0.01")) == "1 percentage point"
    assert en.points(D("0.02")) == "2 percentage points"
    assert en.points(D("0.01"), 1) == "1.0 percentage points"  # CLDR: visible decimals
    pl = fmt("pl_PL")
    assert pl.points(D("0.01")) == "1 punkt procentowy"
    assert pl.points(D("0.02")) == "2 punkty procentowe"
    assert pl.points(D("0.05")) == "5 punktów procentowych"
    assert pl.points(D("0.22")) == "22 punkty procentowe"
    assert pl.points(D("0.015"), 1) == "1,5 punktu procentowego"
    assert fmt("fr_FR", "fr-presse").points(D("0.015"), 1) == "1,5 point de pourcentage"
    assert fmt("de_DE", "de-presse").points(D("0.01")) == "1 Prozentpunkt"
    # a Spanish release gets Spanish points words, not the English preset's
    assert fmt("es_ES", "uk-press").points(D("0.03")) == "3 puntos porcentuales"
    # a word the style chose itself is printed as written
    assert fmt("en_GB", points_word="points").points(D("0.01")) == "1 points"


def test_italian_article_elides_before_a_vowel() -> None:
    f = fmt("it_IT")
    assert phrases.change(f, D("0.08")) == "in aumento dell’8%"
    assert phrases.change(f, D("0.11")) == "in aumento dell’11%"
    assert phrases.change(f, D("0.01")) == "in aumento dell’1%"
    assert phrases.change(f, D("0.18")) == "in aumento del 18%"
    assert phrases.change(f, D("-0.83")) == "in calo dell’83%"
    assert phrases.change(f, D("-0.005"), decimals=1) == "in calo dello 0,5%"
    assert phrases.change(f, D("1.10")) == "in aumento del 110%"


def test_french_elides() -> None:
    f = fmt("fr_FR", "fr-presse")
    assert phrases.approx(f, D("0.27")) == "plus d’un quart"
    assert phrases.approx(f, D("0.32")) == "près d’un tiers"
    assert phrases.approx(f, D("0.52")) == "plus de la moitié"
    assert phrases.change(f, 1, "count") == "en hausse d’un"
    assert phrases.change(f, 8, "count") == "en hausse de huit"
    assert phrases.french_elision("plus de onze") == "plus de onze"


def test_every_phrase_is_in_the_placeholder_language() -> None:
    keys = set(CHANGE_WORDS["en"]) - {"rise", "fall"}
    for language, words in CHANGE_WORDS.items():
        assert keys <= set(words), language
        for pattern in words.values():
            compile_placeholders(pattern, ("x", "f"))
    for words in RANK_WORDS.values():
        for pattern in words.values():
            compile_placeholders(pattern, ("a", "o", "n", "t"))


def test_unknown_unit_is_a_plain_error() -> None:
    with pytest.raises(PressgenError, match="unit must be"):
        phrases.change(fmt("en_GB"), 1, "apples")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("locale", "want"),
    [
        (
            "es_ES",
            ["casi la mitad", "más de la mitad", "casi un tercio", "más de una cuarta parte"],
        ),
        ("it_IT", ["quasi la metà", "più della metà", "quasi un terzo", "più di un quarto"]),
        ("nl_NL", ["bijna de helft", "meer dan de helft", "bijna een derde", "meer dan een kwart"]),
        ("pt_BR", ["quase a metade", "mais da metade", "quase um terço", "mais de um quarto"]),
    ],
)
def test_approximations_in_more_languages(locale: str, want: list[str]) -> None:
    f = fmt(locale)
    got = [phrases.approx(f, D(x)) for x in ("0.47", "0.52", "0.32", "0.27")]
    assert got == want
    assert phrases.approx(f, D("0.58")) == f.percent(D("0.58"))  # outside every band
    assert phrases.one_in(f, D("0.25")) == f.percent(D("0.25"))  # no "one in four" words


@pytest.mark.parametrize(
    ("locale", "style", "value", "noun", "expected"),
    [
        ("fr_FR", "fr-presse", -48000, "naissances", "48\u202f000 naissances de moins"),
        ("es_ES", "plain", -8595, "nacimientos", "8595 nacimientos menos"),
        ("en_GB", "uk-press", 382, "thefts", "382 more thefts"),
        ("en_GB", "uk-press", -1, "theft", "1 fewer theft"),
        ("de_DE", "de-presse", -465, "Zeitverträge", "465 Zeitverträge weniger"),
        ("en_GB", "uk-press", 0, "thefts", "unchanged"),
    ],
)
def test_a_count_change_names_what_it_counts(
    locale: str, style: str, value: int, noun: str, expected: str
) -> None:
    fmt = Formatter(locale, resolve_style(style))
    assert phrases.change(fmt, value, "count", noun=noun) == expected


def test_a_noun_needs_a_count_and_every_language_has_the_form() -> None:
    from pressgen.text.locales import supported_locales

    with pytest.raises(PressgenError, match="unit='count'"):
        phrases.change(Formatter("en_GB", resolve_style("uk-press")), 0.1, noun="births")
    for locale in supported_locales():
        text = phrases.change(Formatter(locale, resolve_style("plain")), -12, "count", noun="N")
        assert "12" in text and "N" in text and "-" not in text, locale


@pytest.mark.parametrize(
    ("locale", "value", "expected"),
    [
        ("en_GB", "-0.17", "a 17% drop"),
        ("en_GB", "0.08", "an 8% rise"),
        ("en_GB", "0.11", "an 11% rise"),
        ("en_GB", "0.18", "an 18% rise"),
        ("en_GB", "0.02", "a 2% rise"),
        ("en_GB", "0.001", "unchanged"),
        ("es_ES", "-0.026", "un descenso del 2,6\xa0%"),
        ("de_DE", "-0.024", "ein Rückgang um 2,4\xa0%"),
        ("fr_FR", "0.03", "une hausse de 3,0\xa0%"),
        ("it_IT", "0.08", "un aumento dell’8,0%"),
    ],
)
def test_a_change_as_a_noun_phrase(locale: str, value: str, expected: str) -> None:
    decimals = 0 if locale == "en_GB" else 1
    f = Formatter(locale, resolve_style("plain"))
    assert phrases.change(f, D(value), decimals=decimals, noun=True) == expected


def test_every_noun_phrase_names_its_direction_in_the_lexicon() -> None:
    from pressgen.check.match import _WORDS
    from pressgen.check.meaning import DOWN, UP, lexicon
    from pressgen.text.phrase_words import CHANGE_AS_NOUN, CHANGE_NOUN_WORDS

    for table in (CHANGE_AS_NOUN, CHANGE_NOUN_WORDS):
        for language, forms in table.items():
            words = lexicon(language)
            for pattern, direction in zip(forms, (UP, DOWN), strict=True):
                text = pattern.lower().replace("{x}", " ").replace("{n}", " ")
                said = {
                    words[w].value
                    for w in _WORDS.findall(text)
                    if w in words and words[w].kind == "direction"
                }
                assert said == {direction}, (language, pattern)


def test_spanish_verbs_are_past_as_in_the_other_languages() -> None:
    f = Formatter("es_ES", resolve_style("plain", {"change_decimals": 1}))
    assert phrases.change(f, D("-0.061"), verb=True) == "bajó un 6,1\xa0%"
    assert phrases.change(f, D("0.061"), verb=True) == "subió un 6,1\xa0%"
