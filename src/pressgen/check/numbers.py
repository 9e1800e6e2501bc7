"""Finding every number-like expression in a draft, with its position and value.

One `NumberReader` per locale and house style compiles its patterns once, so reading a
draft again after every keystroke costs a few regular-expression scans. It finds

- digits in the locale's grouping ("4,534", "4.534", "4 534") with decimals;
- percentages ("52 per cent", "52%", "52 Prozent") and percentage points;
- compact numbers from CLDR ("1.2 million", "1,2 Mio.", "1.2M");
- spelled-out numbers ("three", "drei", "three thousand");
- approximations of a share ("almost half", "around a third", "one in four").

Expressions that are not statistics are kept as *ignored* tokens with the reason: dates,
years, times, financial-year labels, phone numbers, reference numbers, list markers, and
the words for zero and one (too common as words to check). An ignored token still takes
part in aligning a draft with its template: a year-like number that stands exactly where
the template printed a figure is checked after all (see docs/check.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pressgen.errors import PressgenError
from pressgen.text.locales import get_locale
from pressgen.text.numformat import symbols_for
from pressgen.text.style import HouseStyle
from pressgen.text.words import spell_number

PLAIN = "plain"
PERCENT = "percent"
POINTS = "points"
APPROX = "approx"

_SPACES = " \u00a0\u202f\u2009"
_D = r"[0-9]"


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number-like expression at `start:end` of the text.

    `value` is in the token's unit: a percentage holds 52 for "52 per cent", a compact
    number holds 1.2 with `scale` 1,000,000. `band` is the range of shares (as fractions)
    an approximation claims. `ignored` names the skip rule that applies, or is None."""

    start: int
    end: int
    text: str
    value: Decimal | None
    unit: str = PLAIN
    decimals: int = 0
    scale: Decimal = Decimal(1)
    form: str = "digits"  # digits | words | compact | approx
    ignored: str | None = None
    band: tuple[Decimal, Decimal] | None = None
    in_quote: bool = False

    @property
    def checked(self) -> bool:
        return self.ignored is None and (self.value is not None or self.band is not None)

    @property
    def promotable(self) -> bool:
        """An ignored token that still reads as a plain number (a year-like 2082)."""
        return self.ignored is not None and self.value is not None


# -- approximations -------------------------------------------------------------------

_TENTH = Decimal("0.1")

# qualifier -> (low, high) as multiples of the band (a tenth of the fraction)
_QUALIFIER_BANDS: dict[str, tuple[Decimal, Decimal]] = {}
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
    "quase",
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
    "ponad",
    "mais de",
)
_JUST_OVER = (
    "just over",
    "slightly more than",
    "a little over",
    "gut",
    "knapp über",
    "un peu plus de",
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
)
_EXACT = ("exactly", "precisely", "genau", "exactement", "exactamente", "esattamente")
for _q in _BELOW:
    _QUALIFIER_BANDS[_q] = (Decimal(-1), Decimal(0))
for _q in _UNDER:
    _QUALIFIER_BANDS[_q] = (Decimal(-2), Decimal(0))
for _q in _OVER:
    _QUALIFIER_BANDS[_q] = (Decimal(0), Decimal(2))
for _q in _JUST_OVER:
    _QUALIFIER_BANDS[_q] = (Decimal(0), Decimal(1))
for _q in _AROUND:
    _QUALIFIER_BANDS[_q] = (Decimal(-1), Decimal(1))
for _q in _EXACT:
    _QUALIFIER_BANDS[_q] = (Decimal("-0.05"), Decimal("0.05"))
_BARE = (Decimal("-0.5"), Decimal("0.5"))

_ONE = Decimal(1)
_FRACTION_WORDS: dict[str, dict[str, Decimal]] = {
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
_ONE_IN = {"en": r"one\s+in\s+(?:every\s+)?", "fr": r"un\s+sur\s+", "de": r"jede[rsn]?\s+"}


# -- the reader -----------------------------------------------------------------------


class NumberReader:
    """Reads number-like expressions of one locale and house style out of text."""

    def __init__(self, locale: str, style: HouseStyle) -> None:
        loc = get_locale(locale)
        self.tag = str(loc)
        self.language = loc.language or "en"
        self.style = style
        sym = symbols_for(self.tag)
        self.group = sym.group
        self.decimal_sign = sym.decimal
        group_chars = {sym.group}
        if sym.group.isspace() or sym.group in _SPACES:
            group_chars |= set(_SPACES)
        if sym.group in "'’":
            group_chars |= {"'", "’"}
        self._group_chars = frozenset(group_chars)
        g = "[" + "".join(re.escape(c) for c in sorted(group_chars)) + "]"
        d = re.escape(sym.decimal)
        number = rf"(?:{_D}{{1,3}}(?:{g}{_D}{{2,3}})+(?!{_D})|{_D}+)(?:{d}{_D}+)?"
        self._number = number
        pct_words = _percent_words(style, sym.percent)
        pts_words = _points_words(style)
        sp = f"[{_SPACES}\n]?"  # a plain-text export may wrap between number and unit
        self._digits_re = re.compile(
            rf"(?<![\w.,/\-]){number}(?:{sp}(?P<pts>{pts_words})|{sp}(?P<pct>{pct_words}))?(?![\w])"
        )
        compact = _compact_words(self.tag)
        self._compact = compact
        self._compact_re = (
            re.compile(
                rf"(?<![\w.,]){number}{sp}(?P<mag>"
                + "|".join(re.escape(w) for w in sorted(compact, key=len, reverse=True))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if compact
            else None
        )
        self._words = _number_words(self.language)
        self._words_re = _words_regex(self._words, self.language)
        self._approx_re = _approx_regex(self.language, self._words)
        self._skip = _skip_patterns(self.tag, self.language)

    # -- public --------------------------------------------------------------------

    def read(self, text: str) -> list[NumberToken]:
        """Every number-like expression in `text`, in order, ignored ones included."""
        clean = markdown_blank(text)
        taken = bytearray(len(clean))
        quotes = quote_spans(clean)
        out: list[NumberToken] = []

        def free(a: int, b: int) -> bool:
            return not any(taken[a:b])

        def take(tok: NumberToken) -> None:
            taken[tok.start : tok.end] = b"\x01" * (tok.end - tok.start)
            out.append(tok)

        for reason, rx in self._skip:
            for m in rx.finditer(clean):
                a, b = m.span()
                if b > a and free(a, b):
                    take(NumberToken(a, b, text[a:b], None, ignored=reason))
        if self._approx_re is not None:
            for m in self._approx_re.finditer(clean):
                a, b = m.span()
                if free(a, b):
                    tok = self._approx(m, text)
                    if tok is not None:
                        take(tok)
        if self._compact_re is not None:
            for m in self._compact_re.finditer(clean):
                a, b = m.span()
                mag = m.group("mag")
                if len(mag) <= 2 and clean[m.start("mag") - 1] in _SPACES:
                    continue  # "10 m" is ten metres more often than ten million
                if free(a, b):
                    take(self._compact_token(m, text))
        for m in self._digits_re.finditer(clean):
            a, b = m.span()
            if free(a, b):
                tok = self._digits_token(m, text)
                if tok is not None:
                    take(tok)
        if self._words_re is not None:
            for w in self._words_re.finditer(clean):
                a, b = w.span()
                if free(a, b) and _word_bounded(clean, a, b, self.language):
                    take(self._words_token(w, text))
        out.sort(key=lambda t: t.start)
        if quotes:
            out = [_with_quote(t, quotes) for t in out]
        return out

    def parse_number(self, text: str) -> tuple[Decimal, int] | None:
        """(value, decimals) of digits in this locale's grouping, or None."""
        body = "".join(c for c in text if c not in self._group_chars)
        decimals = 0
        if self.decimal_sign in body:
            whole, _, frac = body.partition(self.decimal_sign)
            decimals = len(frac)
            body = f"{whole}.{frac}"
        try:
            return Decimal(body), decimals
        except InvalidOperation:
            return None

    # -- token builders ----------------------------------------------------------------

    def _digits_token(self, m: re.Match[str], text: str) -> NumberToken | None:
        a, b = m.span()
        num_end = m.start("pts") if m.group("pts") else m.start("pct") if m.group("pct") else b
        raw = m.string[a:num_end].rstrip(_SPACES)
        parsed = self.parse_number(raw)
        if parsed is None:
            return None
        value, decimals = parsed
        unit = POINTS if m.group("pts") else PERCENT if m.group("pct") else PLAIN
        if (
            unit == PLAIN
            and decimals == 0
            and raw.isdigit()
            and len(raw) == 4
            and (1900 <= value <= 2100)
        ):
            return NumberToken(a, b, text[a:b], value, ignored="year")
        if unit == PLAIN and raw.isdigit() and len(raw) > 1 and raw.startswith("0"):
            return NumberToken(a, b, text[a:b], None, ignored="reference number")
        return NumberToken(a, b, text[a:b], value, unit, decimals)

    def _compact_token(self, m: re.Match[str], text: str) -> NumberToken:
        a, b = m.span()
        raw = m.string[a : m.start("mag")].rstrip(_SPACES)
        parsed = self.parse_number(raw) or (Decimal(0), 0)
        scale = self._compact[m.group("mag").lower()]
        return NumberToken(a, b, text[a:b], parsed[0], PLAIN, parsed[1], scale, "compact")

    def _words_token(self, m: re.Match[str] | _Span, text: str) -> NumberToken:
        a, b = m.span()
        value = words_value(m.group(0), self._words, self.language)
        if value is None or value < 2:
            return NumberToken(a, b, text[a:b], value, ignored="the word for zero or one")
        return NumberToken(a, b, text[a:b], value, PLAIN, 0, form="words")

    def _approx(self, m: re.Match[str], text: str) -> NumberToken | None:
        a, b = m.span()
        qual = " ".join((m.group("q") or "").lower().split())
        frac_text = m.group("f")
        if frac_text:
            fraction = _FRACTION_WORDS[self.language].get(" ".join(frac_text.lower().split()))
        else:
            n_text = m.group("n") or ""
            n = words_value(n_text, self._words, self.language)
            if n is None:
                parsed = self.parse_number(n_text.rstrip("."))
                n = parsed[0] if parsed else None
            if n is None and self.language == "de":
                n = _GERMAN_ORDINALS.get(n_text.lower())
            if not n or n < 2:
                return None
            fraction = _ONE / n
        if fraction is None:
            return None
        lo_k, hi_k = _QUALIFIER_BANDS.get(qual, _BARE)
        width = fraction * _TENTH
        band = (max(Decimal(0), fraction + lo_k * width), min(_ONE, fraction + hi_k * width))
        return NumberToken(a, b, text[a:b], fraction * 100, APPROX, 0, form="approx", band=band)


# -- helpers --------------------------------------------------------------------------


def words_value(text: str, words: dict[str, int], language: str) -> Decimal | None:
    """The value of 'three', 'twenty-one', 'three thousand', 'drei'."""
    parts = text.lower().split()
    if not parts:
        return None
    total = words.get(parts[0])
    if total is None:
        return None
    value = Decimal(total)
    for p in parts[1:]:
        mult = _MULTIPLIERS.get(p)
        if mult is None:
            return None
        value *= mult
    return value


_MULTIPLIERS = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "million": Decimal(10**6),
    "billion": Decimal(10**9),
}
_GERMAN_ORDINALS = {
    "zweite": Decimal(2),
    "dritte": Decimal(3),
    "vierte": Decimal(4),
    "fünfte": Decimal(5),
    "sechste": Decimal(6),
    "siebte": Decimal(7),
    "achte": Decimal(8),
    "neunte": Decimal(9),
    "zehnte": Decimal(10),
    "zwanzigste": Decimal(20),
}


@lru_cache(maxsize=32)
def _number_words(language: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in range(0, 101):
        try:
            word = spell_number(n, language)
        except (PressgenError, OverflowError, ValueError, KeyError):
            break
        out.setdefault(word.lower(), n)
        if "-" in word:
            out.setdefault(word.lower().replace("-", " "), n)
    return out


class _WordsPattern:
    """Spelled-out numbers: words are found by one cheap pattern and looked up, rather
    than trying a hundred alternatives at every position; English multipliers follow."""

    _WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u097f])+(?:-[^\W\d_]+)*")
    _MULT = re.compile(r"(?:\s+(?:hundred|thousand|million|billion))+", re.IGNORECASE)

    def __init__(self, words: dict[str, int], language: str) -> None:
        self._words = words
        self._english = language == "en"

    def finditer(self, text: str) -> list[re.Match[str] | _Span]:
        out: list[re.Match[str] | _Span] = []
        for m in self._WORD.finditer(text):
            if m.group(0).lower() not in self._words:
                continue
            if self._english:
                tail = self._MULT.match(text, m.end())
                if tail:
                    out.append(_Span(text, m.start(), tail.end()))
                    continue
            out.append(m)
        return out


class _Span:
    """A match-like span for `_WordsPattern`."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text = text
        self._start = start
        self._end = end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start : self._end]


def _words_regex(words: dict[str, int], language: str) -> _WordsPattern | re.Pattern[str] | None:
    if not words:
        return None
    if language in ("ja", "zh"):
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(alts)
    return _WordsPattern(words, language)


def _word_bounded(text: str, a: int, b: int, language: str) -> bool:
    if language in ("ja", "zh"):
        return True
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    return not (_wordish(before) or _wordish(after))


def _wordish(ch: str) -> bool:
    import unicodedata

    return ch.isalnum() or ch in "-_'’" or unicodedata.category(ch).startswith("M")


def _approx_regex(language: str, words: dict[str, int]) -> _ApproxPattern | None:
    fracs = _FRACTION_WORDS.get(language)
    if not fracs:
        return None
    quals = sorted(_QUALIFIER_BANDS, key=len, reverse=True)
    q = "|".join(re.escape(x) for x in quals)
    f = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(fracs, key=len, reverse=True))
    small = [w for w, v in words.items() if 2 <= v <= 100]
    n_alt = "|".join(re.escape(w) for w in sorted(small, key=len, reverse=True))
    if language == "de":
        n_alt = "|".join(sorted(_GERMAN_ORDINALS, key=len, reverse=True)) + r"|\d+\."
    else:
        n_alt = (n_alt + "|" if n_alt else "") + r"\d+"
    one_in = _ONE_IN[language]
    # a bare fraction counts only before "of"/"der"/"des": "half of those", not "the
    # second half"; with a qualifier it always counts.
    of = {"en": r"of", "de": r"(?:der|aller|von)", "fr": r"(?:de|des|du)"}[language]
    return _ApproxPattern(q, f, of, one_in, n_alt)


class _ApproxPattern:
    """Two passes folded into one `finditer`: qualified fractions anywhere, bare ones
    only before 'of'; groups are exposed as q, f, n."""

    def __init__(self, q: str, f: str, of: str, one_in: str, n_alt: str) -> None:
        self._rx = re.compile(
            rf"(?<![\w])(?:(?P<q>{q})\s+)?"
            rf"(?:(?P<f>{f})(?:(?=\s+{of}\b)|(?<=\w)(?=\W|$))|{one_in}(?P<n>{n_alt})(?![\w]))",
            re.IGNORECASE,
        )

    def finditer(self, text: str) -> list[re.Match[str]]:
        out = []
        for m in self._rx.finditer(text):
            if m.group("f") and not m.group("q"):
                tail = text[m.end() : m.end() + 6].lstrip().lower()
                if not re.match(r"(of|der|aller|von|de|des|du)\b", tail):
                    continue
                before = text[max(0, m.start() - 8) : m.start()].lower()
                if re.search(r"(the|first|second|last|latter|zweite|erste)\s*$", before):
                    continue
            out.append(m)
        return out


def _percent_words(style: HouseStyle, sign: str) -> str:
    words = {
        "%",
        "٪",
        "％",
        sign,
        "per cent",
        "percent",
        "pc",
        "Prozent",
        "pour cent",
        "por ciento",
        "por cento",
        "per cento",
        "procent",
        "procentów",
        "proc.",
        "prozent",
        "pour\u00a0cent",
        "प्रतिशत",
        "パーセント",
    }
    if style.percent_word:
        words.add(style.percent_word)
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _points_words(style: HouseStyle) -> str:
    words = {
        "percentage points",
        "percentage point",
        "points de pourcentage",
        "point de pourcentage",
        "Prozentpunkte",
        "Prozentpunkten",
        "Prozentpunkt",
        "punti percentuali",
        "puntos porcentuales",
        "procentenheter",
        "procentpunten",
        "pontos percentuais",
        "punktów procentowych",
        "pp",
        "ppt",
        "ppts",
        style.points_word,
    }
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@lru_cache(maxsize=64)
def _compact_words(tag: str) -> dict[str, Decimal]:
    """'million' -> 1e6, 'm' -> 1e6 ... from CLDR's compact patterns (long and short)."""
    loc = get_locale(tag)
    out: dict[str, Decimal] = {}
    for width in ("long", "short"):
        data = loc.compact_decimal_formats.get(width)
        if not data:
            continue
        for forms in data.values():
            for mag, pattern in forms.items():
                pat = str(pattern.pattern).split(";")[0]
                zeros = pat.count("0")
                word = pat.replace("0", "").replace("'", "").strip(_SPACES + "¤").strip()
                if not word or zeros == 0 or any(c.isdigit() for c in word):
                    continue
                mult = Decimal(int(mag)) / Decimal(10) ** (zeros - 1)
                key = word.lower()
                if key in out and out[key] != mult:
                    continue
                out[key] = mult
    if loc.language == "en":
        out.update({"million": Decimal(10**6), "billion": Decimal(10**9), "bn": Decimal(10**9)})
    return out


def _month_names(tag: str) -> list[str]:
    names: set[str] = set()
    for t in {tag, "en_GB", "en_US"}:
        loc = get_locale(t)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names.update(str(v) for v in loc.months[ctx][width].values())
    names |= {"Sept"}
    return sorted((n.rstrip(".") for n in names if n), key=len, reverse=True)


def _skip_patterns(tag: str, language: str) -> list[tuple[str, re.Pattern[str]]]:
    months = "|".join(re.escape(m) for m in _month_names(tag))
    day = r"\d{1,2}(?:st|nd|rd|th|er|e|\.)?"
    year = r"(?:\d{4}|'\d{2})"
    sp = f"[{_SPACES}\n]"
    return [
        ("web address", re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+")),
        ("list marker", re.compile(r"(?m)^[ \t>]*\d{1,3}[.)](?=[ \t])")),
        (
            "phone number",
            re.compile(
                r"(?<![\w.,])(?:\+\d{1,3}[ \u00a0.-]?(?:\(0\))?[ \u00a0]?\d[\d \u00a0.-]{6,}\d"
                r"|\(?0\d{2,5}\)?[ \u00a0.-]?\d{3,4}[ \u00a0.-]?\d{3,4})(?![\w])"
            ),
        ),
        (
            "financial year",
            re.compile(
                r"(?<![\w])(?:(?:FY|GJ|EF)[ ]?)?(?:19|20)\d{2}[ \u00a0]?[/–-][ \u00a0]?(?:\d{4}|\d{2})(?![\w])"
                r"|(?<![\w])FY[ ]?\d{2,4}(?![\w])",
                re.IGNORECASE,
            ),
        ),
        (
            "date",
            re.compile(
                rf"(?<![\w])(?:{day}{sp}*(?:of{sp})?(?:{months})\.?(?:,?{sp}{year})?"
                rf"|(?:{months})\.?{sp}{day}(?:,?{sp}{year})?"
                rf"|(?:{months})\.?{sp}{year}"
                rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
                rf"|\d{{4}}年\d{{1,2}}月\d{{1,2}}日|\d{{1,2}}{sp}\d{{1,2}}月{sp}\d{{4}})(?![\w])",
                re.IGNORECASE,
            ),
        ),
        (
            "time",
            re.compile(
                r"(?<![\w.,])\d{1,2}[:h]\d{2}(?:[ \u00a0]?(?:am|pm|a\.m\.|p\.m\.|Uhr))?(?![\w])"
                r"|(?<![\w.,])\d{1,2}[ \u00a0]?(?:am|pm|a\.m\.|p\.m\.|Uhr)(?![\w])",
                re.IGNORECASE,
            ),
        ),
        (
            "reference number",
            re.compile(
                r"(?<![\w])(?:ref(?:erence)?|no|nr|num|case|section|s|article|art|clause|"
                r"paragraph|para|page|p|pp|chapter|ch|rule|regulation|reg|schedule|part|"
                r"item|request|Aktenzeichen|Az|§)\.?[ \u00a0]?:?[ \u00a0]?#?\d[\w/.-]*(?![\w])"
                r"|#\d[\w/-]*"
                r"|(?<![\w])\d+(?:[/-]\d+){2,}(?![\w])"
                r"|(?<![\w])\d+[/-]\d+[A-Za-z]\w*"
                r"|(?<![\w.,])(?:[A-Za-z]+[-/]?\d+|\d+[-/]?[A-Za-z]+)[\w/-]*(?![\w])",
                re.IGNORECASE,
            ),
        ),
    ]


def markdown_blank(text: str) -> str:
    """`text` with Markdown escapes and emphasis marks blanked, keeping every offset."""
    out = re.sub(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~<])", " ", text)
    return out.replace("*", " ")


_QUOTE_PAIRS = (("“", "”"), ("„", "“"), ("«", "»"), ("»", "«"), ("「", "」"), ('"', '"'))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech: “…”, „…“, «…», and Markdown blockquote lines."""
    spans: list[tuple[int, int]] = []
    for open_, close in _QUOTE_PAIRS:
        start = 0
        while True:
            a = text.find(open_, start)
            if a < 0:
                break
            b = text.find(close, a + 1)
            if b < 0:
                break
            spans.append((a, b + 1))
            start = b + 1
    for m in re.finditer(r"(?m)^>.*$", text):
        spans.append(m.span())
    return spans


def _with_quote(tok: NumberToken, spans: list[tuple[int, int]]) -> NumberToken:
    for a, b in spans:
        if a <= tok.start and tok.end <= b:
            return NumberToken(
                tok.start,
                tok.end,
                tok.text,
                tok.value,
                tok.unit,
                tok.decimals,
                tok.scale,
                tok.form,
                tok.ignored,
                tok.band,
                True,
            )
    return tok


@lru_cache(maxsize=32)
def number_reader(locale: str, style: HouseStyle) -> NumberReader:
    """A cached reader: compiling the patterns is the slow part."""
    return NumberReader(locale, style)
