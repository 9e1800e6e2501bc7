"""The words of change, rank and percentage-point phrases, per language: data only.

phrases.py holds the logic; every wording a release prints lives here, one dict per
language, filled with pressgen's own placeholders (text/placeholders.py): `{x}` is the
formatted size of a change, `{f}` a fraction's name, `{o}` an ordinal, `{a}` the
adjective a template gives. check/ reads the direction words back (check/meaning.py), so
a word added here belongs in its lexicon too: tests/trust/test_phrase_lexicon.py says so.
"""

from __future__ import annotations

from decimal import Decimal

#: Keys: `same` (a change that rounds to nothing), `up`/`down` (a relative change, `{x}`
#: a percentage), `up_n`/`down_n` (a count or percentage points), the same with `v_`
#: for the verb form ("rose by 12 per cent"), and the multiples `x2`, `x3`, `x4`, `half`;
#: `rise`/`fall` put a fraction's name (`{f}`) in: "rose by a third".
CHANGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "same": "unchanged",
        "up": "up {x}",
        "down": "down {x}",
        "up_n": "up {x}",
        "down_n": "down {x}",
        "v_same": "was unchanged",
        "v_up": "rose by {x}",
        "v_down": "fell by {x}",
        "v_up_n": "rose by {x}",
        "v_down_n": "fell by {x}",
        "x2": "doubled",
        "x3": "tripled",
        "x4": "quadrupled",
        "half": "halved",
        "rise": "rose by {f}",
        "fall": "fell by {f}",
    },
    "de": {
        "same": "unverändert",
        "up": "{x} mehr",
        "down": "{x} weniger",
        "up_n": "{x} mehr",
        "down_n": "{x} weniger",
        "v_same": "blieb unverändert",
        "v_up": "stieg um {x}",
        "v_down": "ging um {x} zurück",
        "v_up_n": "stieg um {x}",
        "v_down_n": "ging um {x} zurück",
        "x2": "verdoppelt",
        "x3": "verdreifacht",
        "x4": "vervierfacht",
        "half": "halbiert",
        "rise": "um {f} gestiegen",
        "fall": "um {f} gesunken",
    },
    "fr": {
        "same": "stable",
        "up": "en hausse de {x}",
        "down": "en baisse de {x}",
        "up_n": "en hausse de {x}",
        "down_n": "en baisse de {x}",
        "v_same": "est resté stable",
        "v_up": "a augmenté de {x}",
        "v_down": "a diminué de {x}",
        "v_up_n": "a augmenté de {x}",
        "v_down_n": "a diminué de {x}",
        "x2": "a doublé",
        "x3": "a triplé",
        "x4": "a quadruplé",
        "half": "divisé par deux",
        "rise": "en hausse {f}",
        "fall": "en baisse {f}",
    },
    "es": {
        "same": "sin cambios",
        "up": "un {x} más",
        "down": "un {x} menos",
        "up_n": "{x} más",
        "down_n": "{x} menos",
        # the preterite, as the other languages' verbs are past: "bajó un 6,1%"
        "v_same": "se mantuvo sin cambios",
        "v_up": "subió un {x}",
        "v_down": "bajó un {x}",
        "v_up_n": "aumentó en {x}",
        "v_down_n": "disminuyó en {x}",
        "x2": "se duplica",
        "x3": "se triplica",
        "x4": "se cuadruplica",
        "half": "se reduce a la mitad",
    },
    "it": {
        # "del 12 %", but "dell’8 %": the article elides before a vowel (phrases.py)
        "same": "invariato",
        "up": "in aumento del {x}",
        "down": "in calo del {x}",
        "up_n": "in aumento di {x}",
        "down_n": "in calo di {x}",
        "v_same": "resta invariato",
        "v_up": "aumenta del {x}",
        "v_down": "cala del {x}",
        "v_up_n": "aumenta di {x}",
        "v_down_n": "cala di {x}",
        "x2": "raddoppiato",
        "x3": "triplicato",
        "x4": "quadruplicato",
        "half": "dimezzato",
    },
    "nl": {
        "same": "ongewijzigd",
        "up": "een stijging van {x}",
        "down": "een daling van {x}",
        "up_n": "een stijging van {x}",
        "down_n": "een daling van {x}",
        "v_same": "bleef gelijk",
        "v_up": "steeg met {x}",
        "v_down": "daalde met {x}",
        "v_up_n": "steeg met {x}",
        "v_down_n": "daalde met {x}",
        "x2": "verdubbeld",
        "x3": "verdrievoudigd",
        "x4": "verviervoudigd",
        "half": "gehalveerd",
    },
    "pl": {
        # the verb agrees with "liczba" (feminine), the subject of most such sentences
        "same": "bez zmian",
        "up": "wzrost o {x}",
        "down": "spadek o {x}",
        "up_n": "wzrost o {x}",
        "down_n": "spadek o {x}",
        "v_same": "nie zmieniła się",
        "v_up": "wzrosła o {x}",
        "v_down": "spadła o {x}",
        "v_up_n": "wzrosła o {x}",
        "v_down_n": "spadła o {x}",
        "x2": "dwukrotny wzrost",
        "x3": "trzykrotny wzrost",
        "x4": "czterokrotny wzrost",
        "half": "spadek o połowę",
    },
    "sv": {
        "same": "oförändrat",
        "up": "en ökning med {x}",
        "down": "en minskning med {x}",
        "up_n": "en ökning med {x}",
        "down_n": "en minskning med {x}",
        "v_same": "var oförändrat",
        "v_up": "ökade med {x}",
        "v_down": "minskade med {x}",
        "v_up_n": "ökade med {x}",
        "v_down_n": "minskade med {x}",
        "x2": "en fördubbling",
        "x3": "en tredubbling",
        "x4": "en fyrdubbling",
        "half": "en halvering",
    },
    "pt": {
        "same": "estável",
        "up": "alta de {x}",
        "down": "queda de {x}",
        "up_n": "alta de {x}",
        "down_n": "queda de {x}",
        "v_same": "ficou estável",
        "v_up": "subiu {x}",
        "v_down": "caiu {x}",
        "v_up_n": "subiu {x}",
        "v_down_n": "caiu {x}",
        "x2": "dobrou",
        "x3": "triplicou",
        "x4": "quadruplicou",
        "half": "caiu pela metade",
    },
    "ja": {
        "same": "横ばい",
        "up": "{x}増",
        "down": "{x}減",
        "up_n": "{x}増",
        "down_n": "{x}減",
        "v_same": "横ばいだった",
        "v_up": "{x}増加した",
        "v_down": "{x}減少した",
        "v_up_n": "{x}増加した",
        "v_down_n": "{x}減少した",
        "x2": "倍増",
        "x3": "3倍に増加",
        "x4": "4倍に増加",
        "half": "半減",
    },
    "hi": {
        "same": "अपरिवर्तित",
        "up": "{x} की वृद्धि",
        "down": "{x} की गिरावट",
        "up_n": "{x} की वृद्धि",
        "down_n": "{x} की गिरावट",
        "v_same": "अपरिवर्तित रहा",
        "v_up": "{x} बढ़ा",
        "v_down": "{x} घटा",
        "v_up_n": "{x} बढ़ा",
        "v_down_n": "{x} घटा",
        "x2": "दोगुना",
        "x3": "तिगुना",
        "x4": "चौगुना",
        "half": "आधा",
    },
}

#: A difference of counts with the noun it counts, `{n}` (the template's word): "48,000
#: fewer births", "48 000 naissances de moins", "8.595 nacimientos menos". (up, down).
CHANGE_NOUN_WORDS: dict[str, tuple[str, str]] = {
    "en": ("{x} more {n}", "{x} fewer {n}"),
    "de": ("{x} {n} mehr", "{x} {n} weniger"),
    "fr": ("{x} {n} de plus", "{x} {n} de moins"),
    "es": ("{x} {n} más", "{x} {n} menos"),
    "it": ("{x} {n} in più", "{x} {n} in meno"),
    "nl": ("{x} {n} meer", "{x} {n} minder"),
    "pl": ("{x} {n} więcej", "{x} {n} mniej"),
    "sv": ("{x} fler {n}", "{x} färre {n}"),
    "pt": ("{x} {n} a mais", "{x} {n} a menos"),
    "ja": ("{n}{x}増", "{n}{x}減"),
    "hi": ("{x} अधिक {n}", "{x} कम {n}"),
}

#: A change as a noun phrase (`change(noun=True)`): "a 17% drop", "un descenso del 2,6%",
#: "ein Rückgang um 2,4 %". (up, down); English's article follows the number (phrases.py).
CHANGE_AS_NOUN: dict[str, tuple[str, str]] = {
    "en": ("a {x} rise", "a {x} drop"),
    "de": ("ein Anstieg um {x}", "ein Rückgang um {x}"),
    "fr": ("une hausse de {x}", "une baisse de {x}"),
    "es": ("un aumento del {x}", "un descenso del {x}"),
    "it": ("un aumento del {x}", "un calo del {x}"),
    "nl": ("een stijging van {x}", "een daling van {x}"),
    "pl": ("wzrost o {x}", "spadek o {x}"),
    "sv": ("en ökning med {x}", "en minskning med {x}"),
    "pt": ("uma alta de {x}", "uma queda de {x}"),
    "ja": ("{x}増加", "{x}減少"),
    "hi": ("{x} की वृद्धि", "{x} की गिरावट"),
}

_ONE = Decimal(1)

#: "rose by a fifth": the fraction's name after the `rise`/`fall` words, where a language
#: has them.
CHANGE_FRACTIONS: tuple[tuple[Decimal, dict[str, str]], ...] = (
    (_ONE / 5, {"en": "a fifth", "de": "ein Fünftel", "fr": "d’un cinquième"}),
    (_ONE / 4, {"en": "a quarter", "de": "ein Viertel", "fr": "d’un quart"}),
    (_ONE / 3, {"en": "a third", "de": "ein Drittel", "fr": "d’un tiers"}),
    (_ONE / 2, {"en": "half", "de": "die Hälfte", "fr": "de moitié"}),
)

#: The unit of a difference of two shares, by CLDR plural category ("other" always), and
#: what joins it to the number ("3 percentage points", but "3ポイント").
POINTS_WORDS: dict[str, dict[str, str]] = {
    "en": {"one": "percentage point", "other": "percentage points"},
    "de": {"one": "Prozentpunkt", "other": "Prozentpunkte"},
    "fr": {"one": "point de pourcentage", "other": "points de pourcentage"},
    "es": {"one": "punto porcentual", "other": "puntos porcentuales"},
    "it": {"one": "punto percentuale", "other": "punti percentuali"},
    "nl": {"one": "procentpunt", "other": "procentpunten"},
    "pl": {
        "one": "punkt procentowy",
        "few": "punkty procentowe",
        "many": "punktów procentowych",
        "other": "punktu procentowego",  # "1,5 punktu procentowego"
    },
    "sv": {"one": "procentenhet", "other": "procentenheter"},
    "pt": {"one": "ponto percentual", "other": "pontos percentuais"},
    "ja": {"other": "ポイント"},
    "hi": {"other": "प्रतिशत अंक"},
}
POINTS_JOINER: dict[str, str] = {"ja": ""}

#: The points words of the bundled presets: a style that keeps one of them gets the
#: language's own word in its plural form; a word the user chose is printed as written.
DEFAULT_POINTS_WORDS = frozenset(w for forms in POINTS_WORDS.values() for w in forms.values())

#: A non-zero share that rounds to 0: "less than 1 per cent" ({x} is "1 per cent").
LESS_THAN: dict[str, str] = {
    "en": "less than {x}",
    "de": "weniger als {x}",
    "fr": "moins de {x}",
    "es": "menos del {x}",
    "it": "meno del {x}",
    "nl": "minder dan {x}",
    "pl": "mniej niż {x}",
    "sv": "mindre än {x}",
    "pt": "menos de {x}",
    "ja": "{x}未満",
    "hi": "{x} से कम",
}

#: Rank phrases: `first` for place one, `nth` otherwise ({o} the ordinal, {a} the
#: adjective the template passes: "highest", "höchste", "más alto"), `joint` around either.
RANK_WORDS: dict[str, dict[str, str]] = {
    "en": {"first": "{a}", "nth": "{o}-{a}", "joint": "joint {t}"},
    "de": {"first": "{a}", "nth": "{o}{a}", "joint": "gemeinsam {t}"},
    "fr": {"first": "{a}", "nth": "{o} {a}", "joint": "{t} ex aequo"},
    "es": {"first": "{a}", "nth": "{o} {a}", "joint": "{t}, empatado"},
    "it": {"first": "{a}", "nth": "{o} {a}", "joint": "{t} a pari merito"},
    "nl": {"first": "{a}", "nth": "{o} {a}", "joint": "gedeeld {t}"},
    "pl": {"first": "{a}", "nth": "{o} {a}", "joint": "{t} ex aequo"},
    "sv": {"first": "{a}", "nth": "{o} {a}", "joint": "delad {t}"},
    "pt": {"first": "{a}", "nth": "{o} {a}", "joint": "{t}, empatado"},
    "ja": {"first": "最も{a}", "nth": "{n}番目に{a}", "joint": "同率{t}"},
    "hi": {"first": "सबसे {a}", "nth": "{o} सबसे {a}", "joint": "संयुक्त रूप से {t}"},
}

#: The fractions `approx` names, and each language's names for them in that order.
FRACTION_VALUES: tuple[Decimal, ...] = (
    _ONE / 10, _ONE / 5, _ONE / 4, _ONE / 3, _ONE / 2, _ONE * 2 / 3, _ONE * 3 / 4,
)  # fmt: skip
FRACTION_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("a tenth", "a fifth", "a quarter", "a third", "half", "two thirds", "three quarters"),
    "de": ("ein Zehntel", "ein Fünftel", "ein Viertel", "ein Drittel", "die Hälfte",
           "zwei Drittel", "drei Viertel"),
    "fr": ("un dixième", "un cinquième", "un quart", "un tiers", "la moitié", "deux tiers",
           "trois quarts"),
    "es": ("una décima parte", "una quinta parte", "una cuarta parte", "un tercio", "la mitad",
           "dos tercios", "tres cuartas partes"),
    "it": ("un decimo", "un quinto", "un quarto", "un terzo", "la metà", "due terzi",
           "tre quarti"),
    "nl": ("een tiende", "een vijfde", "een kwart", "een derde", "de helft", "twee derde",
           "driekwart"),
    "pt": ("um décimo", "um quinto", "um quarto", "um terço", "a metade", "dois terços",
           "três quartos"),
}  # fmt: skip
