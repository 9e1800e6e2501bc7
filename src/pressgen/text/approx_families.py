"""Approximation wording families: which words a template may ask `approx` (and `about`)
to put before a fraction or a rounded number, per language: data only.

A family names the words for a value below its round figure and above it, each with the
band (text/bands.py) it is true in. The template picks the family; the value picks the
side and so the word, and outside the band no word is printed. check reads every word
here back with the same band (check/approx_words.py; tests/formatting/test_approx_families.py
says each one is known to check).
"""

from __future__ import annotations

from decimal import Decimal

#: One side of a family: (word, band kind in text/bands.py).
Side = tuple[str, str]

#: family -> language -> (below, above). `default` is what `approx` has always printed.
FAMILIES: dict[str, dict[str, tuple[Side, Side]]] = {
    "default": {
        "en": (("nearly", "below"), ("more than", "over")),
        "de": (("knapp", "below"), ("mehr als", "over")),
        "fr": (("près de", "below"), ("plus de", "over")),
        "es": (("casi", "below"), ("más de", "over")),
        "it": (("quasi", "below"), ("più di", "over")),
        "nl": (("bijna", "below"), ("meer dan", "over")),
        "pt": (("quase", "below"), ("mais de", "over")),
        "sv": (("nästan", "below"), ("mer än", "over")),
        "pl": (("prawie", "below"), ("ponad", "over")),
    },
    "nearly": {
        "en": (("nearly", "below"), ("more than", "over")),
        "de": (("fast", "below"), ("mehr als", "over")),
        "fr": (("près de", "below"), ("plus de", "over")),
        "es": (("casi", "below"), ("más de", "over")),
        "it": (("quasi", "below"), ("più di", "over")),
        "nl": (("bijna", "below"), ("meer dan", "over")),
        "pt": (("quase", "below"), ("mais de", "over")),
        "sv": (("nästan", "below"), ("mer än", "over")),
        "pl": (("prawie", "below"), ("ponad", "over")),
    },
    "almost": {
        "en": (("almost", "below"), ("more than", "over")),
        "de": (("beinahe", "below"), ("mehr als", "over")),
        "fr": (("presque", "below"), ("plus de", "over")),
        "es": (("casi", "below"), ("más de", "over")),
        "it": (("quasi", "below"), ("più di", "over")),
        "nl": (("bijna", "below"), ("meer dan", "over")),
        "pt": (("quase", "below"), ("mais de", "over")),
        "sv": (("nästan", "below"), ("mer än", "over")),
        "pl": (("prawie", "below"), ("ponad", "over")),
    },
    "over": {
        "en": (("nearly", "below"), ("over", "over")),
        "de": (("knapp", "below"), ("über", "over")),
        "fr": (("près de", "below"), ("plus de", "over")),
        "es": (("casi", "below"), ("más de", "over")),
        "it": (("quasi", "below"), ("più di", "over")),
        "nl": (("bijna", "below"), ("meer dan", "over")),
        "pt": (("quase", "below"), ("mais de", "over")),
        "sv": (("nästan", "below"), ("över", "over")),
        "pl": (("prawie", "below"), ("ponad", "over")),
    },
    "just": {
        "en": (("just under", "below"), ("just over", "just_over")),
        "de": (("knapp", "below"), ("gut", "just_over")),
        "fr": (("un peu moins de", "below"), ("un peu plus de", "just_over")),
        "es": (("algo menos de", "below"), ("algo más de", "just_over")),
        "it": (("poco meno di", "below"), ("poco più di", "just_over")),
        "nl": (("iets minder dan", "below"), ("iets meer dan", "just_over")),
        "pt": (("pouco menos de", "below"), ("pouco mais de", "just_over")),
        "sv": (("knappt", "below"), ("drygt", "just_over")),
        "pl": (("niespełna", "below"), ("nieco ponad", "just_over")),
    },
    "under": {
        "en": (("less than", "under"), ("more than", "over")),
        "de": (("weniger als", "under"), ("mehr als", "over")),
        "fr": (("moins de", "under"), ("plus de", "over")),
        "es": (("menos de", "under"), ("más de", "over")),
        "it": (("meno di", "under"), ("più di", "over")),
        "nl": (("minder dan", "under"), ("meer dan", "over")),
        "pt": (("menos de", "under"), ("mais de", "over")),
        "sv": (("mindre än", "under"), ("mer än", "over")),
        "pl": (("mniej niż", "under"), ("ponad", "over")),
    },
    "about": {
        "en": (("about", "around"), ("about", "around")),
        "de": (("rund", "around"), ("rund", "around")),
        "fr": (("environ", "around"), ("environ", "around")),
        "es": (("alrededor de", "around"), ("alrededor de", "around")),
        "it": (("circa", "around"), ("circa", "around")),
        "nl": (("ongeveer", "around"), ("ongeveer", "around")),
        "pt": (("cerca de", "around"), ("cerca de", "around")),
        "sv": (("omkring", "around"), ("omkring", "around")),
        "pl": (("około", "around"), ("około", "around")),
    },
}

_ONE = Decimal(1)

#: The fraction sets a template may ask for: `common` (a tenth to three quarters) and
#: `fifths` ("two fifths", "three fifths").
FIFTHS: tuple[Decimal, ...] = (_ONE / 5, _ONE * 2 / 5, _ONE * 3 / 5, _ONE * 4 / 5)
FIFTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("a fifth", "two fifths", "three fifths", "four fifths"),
    "de": ("ein Fünftel", "zwei Fünftel", "drei Fünftel", "vier Fünftel"),
    "fr": ("un cinquième", "deux cinquièmes", "trois cinquièmes", "quatre cinquièmes"),
    "es": ("una quinta parte", "dos quintas partes", "tres quintas partes",
           "cuatro quintas partes"),
    "it": ("un quinto", "due quinti", "tre quinti", "quattro quinti"),
    "nl": ("een vijfde", "twee vijfde", "drie vijfde", "vier vijfde"),
    "pt": ("um quinto", "dois quintos", "três quintos", "quatro quintos"),
}  # fmt: skip

#: "three in five": `{m}` and `{n}` are numbers in words; a 1 in n share is `one_in`'s.
M_IN_N: dict[str, str] = {
    "en": "{m} in {n}",
    "de": "{m} von {n}",
    "fr": "{m} sur {n}",
    "es": "{m} de cada {n}",
    "it": "{m} su {n}",
    "nl": "{m} op de {n}",
    "pt": "{m} em cada {n}",
}
