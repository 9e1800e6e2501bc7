"""Approximations in words ("almost half", "jeder vierte"): the qualifier bands and the
fraction words per language, and the pattern that finds them in a draft."""

from __future__ import annotations

import re
from decimal import Decimal

from pressgen.check.number_words import GERMAN_ORDINALS
from pressgen.text.approx_families import FIFTH_NAMES, FIFTHS, M_IN_N
from pressgen.text.bands import BANDS
from pressgen.text.phrase_words import FRACTION_NAMES, FRACTION_VALUES

# qualifier -> (low, high) as multiples of the band (a tenth of the fraction)
QUALIFIER_BANDS: dict[str, tuple[Decimal, Decimal]] = {}
_BELOW = (
    "almost",
    "nearly",
    "just under",
    "getting on for",
    "knapp",
    "fast",
    "beinahe",
    "presque",
    "près de",
    "casi",
    "quasi",
    "bijna",
    "nästan",
    "prawie",
    "niespełna",
    "knappt",
    "quase",
    "un peu moins de",
    "algo menos de",
    "poco meno di",
    "poco meno della",
    "iets minder dan",
    "pouco menos de",
    "pouco menos da",
)
_UNDER = (
    "under",
    "less than",
    "fewer than",
    "just below",
    "below",
    "weniger als",
    "unter",
    "moins de",
    "menos de",
    "meno di",
    "minder dan",
    "mindre än",
    "mniej niż",
    "meno della",  # "meno della metà": di + la
    "menos da",  # "menos da metade": de + a
)
_OVER = (
    "over",
    "more than",
    "above",
    "mehr als",
    "über",
    "plus de",
    "más de",
    "più di",
    "meer dan",
    "mer än",
    "över",
    "ponad",
    "mais de",
    "più della",  # "più della metà": di + la
    "mais da",  # "mais da metade": de + a
)
_JUST_OVER = (
    "just over",
    "slightly more than",
    "a little over",
    "gut",
    "knapp über",
    "un peu plus de",
    "algo más de",
    "poco più di",
    "poco più della",
    "iets meer dan",
    "drygt",
    "nieco ponad",
    "pouco mais de",
    "pouco mais da",
)
_AROUND = (
    "around",
    "about",
    "roughly",
    "approximately",
    "some",
    "close to",
    "an estimated",
    "rund",
    "etwa",
    "ungefähr",
    "annähernd",
    "circa",
    "environ",
    "autour de",
    "alrededor de",
    "circa",
    "ongeveer",
    "omkring",
    "około",
    "cerca de",
    "cerca da",  # "cerca da metade": de + a
)
_EXACT = ("exactly", "precisely", "genau", "exactement", "exactamente", "esattamente")
# Each qualifier's band comes from the table the approx filter writes with (text/bands.py).
for _words, _kind in (
    (_BELOW, "below"),
    (_UNDER, "under"),
    (_OVER, "over"),
    (_JUST_OVER, "just_over"),
    (_AROUND, "around"),
    (_EXACT, "exactly"),
):
    for _q in _words:
        QUALIFIER_BANDS[_q] = BANDS[_kind]
        if _q.endswith(" de"):
            # French elides before a vowel: "près d’un tiers", "plus d'un quart"
            for _apostrophe in ("’", "'"):
                QUALIFIER_BANDS[_q[:-1] + _apostrophe] = BANDS[_kind]
BARE = BANDS["bare"]

_ONE = Decimal(1)
FRACTION_WORDS: dict[str, dict[str, Decimal]] = {
    "en": {
        "half": _ONE / 2,
        "a half": _ONE / 2,
        "one half": _ONE / 2,
        "a third": _ONE / 3,
        "one third": _ONE / 3,
        "one-third": _ONE / 3,
        "two thirds": _ONE * 2 / 3,
        "two-thirds": _ONE * 2 / 3,
        "a quarter": _ONE / 4,
        "one quarter": _ONE / 4,
        "one-quarter": _ONE / 4,
        "three quarters": _ONE * 3 / 4,
        "three-quarters": _ONE * 3 / 4,
        "a fifth": _ONE / 5,
        "one fifth": _ONE / 5,
        "two fifths": _ONE * 2 / 5,
        "three fifths": _ONE * 3 / 5,
        "four fifths": _ONE * 4 / 5,
        "a tenth": _ONE / 10,
        "one tenth": _ONE / 10,
        "nine in ten": _ONE * 9 / 10,
    },
    "de": {
        "die hälfte": _ONE / 2,
        "der hälfte": _ONE / 2,
        "hälfte": _ONE / 2,
        "ein drittel": _ONE / 3,
        "zwei drittel": _ONE * 2 / 3,
        "ein viertel": _ONE / 4,
        "drei viertel": _ONE * 3 / 4,
        "ein fünftel": _ONE / 5,
        "ein zehntel": _ONE / 10,
    },
    "fr": {
        "la moitié": _ONE / 2,
        "moitié": _ONE / 2,
        "un tiers": _ONE / 3,
        "deux tiers": _ONE * 2 / 3,
        "un quart": _ONE / 4,
        "trois quarts": _ONE * 3 / 4,
        "un cinquième": _ONE / 5,
        "un dixième": _ONE / 10,
    },
}
# Every fraction name `approx` writes (text/phrase_words.py, text/approx_families.py):
# each name, lowercased, and without its article where the article can contract ("più
# della metà").
for _lang in ("en", "de", "fr", "es", "it", "nl", "pt"):
    _names = dict(zip(FRACTION_NAMES[_lang], FRACTION_VALUES, strict=True))
    _names.update(zip(FIFTH_NAMES[_lang], FIFTHS, strict=True))
    if _lang in ("en", "de", "fr"):
        for _name, _value in _names.items():
            FRACTION_WORDS[_lang].setdefault(_name.lower(), _value)
        continue
    FRACTION_WORDS[_lang] = {name.lower(): value for name, value in _names.items()}
    for _name, _value in _names.items():
        _article, _, _rest = _name.partition(" ")
        if _article in ("la", "de", "a") and _rest:
            FRACTION_WORDS[_lang].setdefault(_rest, _value)
ONE_IN = {
    "en": r"one\s+in\s+(?:every\s+)?",
    "fr": r"un\s+sur\s+",
    "de": r"jede[rsn]?\s+",
    "es": r"uno\s+de\s+cada\s+",
    "it": r"uno\s+su\s+",
    "nl": r"één\s+op\s+de\s+",
    "pt": r"um\s+em\s+cada\s+",
}
#: "three in five" (`approx(kind='in')`): the words between the two numbers.
M_IN = {
    lang: re.escape(pattern.removeprefix("{m} ").removesuffix(" {n}")).replace(r"\ ", r"\s+")
    for lang, pattern in M_IN_N.items()
}
#: What follows a bare fraction that counts ("half of those", "la mitad de los").
OF = {
    "en": r"of",
    "de": r"(?:der|aller|von)",
    "fr": r"(?:de|des|du)",
    "es": r"(?:de|del)",
    "it": r"(?:di|dei|delle|degli|del)",
    "nl": r"(?:van)",
    "pt": r"(?:de|dos|das|do|da)",
}


def approx_regex(language: str, words: dict[str, int]) -> ApproxPattern | None:
    fracs = FRACTION_WORDS.get(language)
    if not fracs:
        return None
    quals = sorted(QUALIFIER_BANDS, key=len, reverse=True)
    q = "|".join(re.escape(x) for x in quals)
    f = "|".join(
        re.escape(x).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
        for x in sorted(fracs, key=len, reverse=True)
    )
    small = [w for w, v in words.items() if 2 <= v <= 100]
    n_alt = "|".join(re.escape(w) for w in sorted(small, key=len, reverse=True))
    if language == "de":
        n_alt = "|".join(sorted(GERMAN_ORDINALS, key=len, reverse=True)) + r"|\d+\."
    else:
        n_alt = (n_alt + "|" if n_alt else "") + r"\d+"
    one_in = ONE_IN[language]
    # a bare fraction counts only before "of"/"der"/"des": "half of those", not "the
    # second half"; with a qualifier it always counts.
    of = OF[language]
    cardinals = [w for w, v in words.items() if 2 <= v <= 20]
    m_alt = "|".join(re.escape(w) for w in sorted(cardinals, key=len, reverse=True))
    m_in = rf"(?P<m>{m_alt})\s+{M_IN[language]}\s+(?P<mn>{m_alt})" if m_alt else None
    return ApproxPattern(q, f, of, one_in, n_alt, m_in)


class ApproxPattern:
    """Two passes folded into one `finditer`: qualified fractions anywhere, bare ones
    only before 'of'; groups are exposed as q, f, n."""

    def __init__(
        self, q: str, f: str, of: str, one_in: str, n_alt: str, m_in: str | None = None
    ) -> None:
        # "three in five" comes first: its "in five" is no "one in five"
        many = rf"{m_in}(?![\w])|" if m_in else ""
        self._rx = re.compile(
            rf"(?<![\w])(?:(?P<q>{q})(?:\s+|(?<=[’'])))?"
            rf"(?:{many}(?P<f>{f})(?:(?=\s+{of}\b)|(?<=\w)(?=\W|$))"
            rf"|{one_in}(?P<n>{n_alt})(?![\w]))",
            re.IGNORECASE,
        )

    def finditer(self, text: str) -> list[re.Match[str]]:
        out = []
        for m in self._rx.finditer(text):
            if m.group("f") and not m.group("q"):
                tail = text[m.end() : m.end() + 6].lstrip().lower()
                if not re.match(r"(of|der|aller|von|de|des|du|del|di|dei|van|da|das|dos)\b", tail):
                    continue
                before = text[max(0, m.start() - 8) : m.start()].lower()
                if re.search(r"(the|first|second|last|latter|zweite|erste)\s*$", before):
                    continue
            out.append(m)
        return out
