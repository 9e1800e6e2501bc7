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

from pressgen.check.approx_words import BARE, FRACTION_WORDS, QUALIFIER_BANDS, approx_regex
from pressgen.check.magnitude_words import qualify_magnitudes
from pressgen.check.number_words import (
    GERMAN_ORDINALS,
    WordSpan,
    number_words,
    words_regex,
    words_value,
)
from pressgen.check.unit_words import less_than_regex, percent_words, points_words
from pressgen.text.bands import TENTH
from pressgen.text.locales import get_locale
from pressgen.text.numformat import symbols_for
from pressgen.text.style import HouseStyle

PLAIN = "plain"
PERCENT = "percent"
POINTS = "points"
APPROX = "approx"

_SPACES = " \u00a0\u202f\u2009"
_MONEY_SHORT = re.compile(r"[£$€¥]\d+(?:m|bn|k)$", re.IGNORECASE)
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
        # No-break, narrow and thin spaces group thousands in every language ("31 204"
        # in German official statistics); a plain space does where CLDR's group is a
        # space, and in German, where statistical offices print it.
        group_chars = {sym.group, "\u00a0", "\u202f", "\u2009"}
        if sym.group.isspace() or sym.group in _SPACES or self.language == "de":
            group_chars |= set(_SPACES)
        if sym.group in "'’":
            group_chars |= {"'", "’"}
        self._group_chars = frozenset(group_chars)
        g = "[" + "".join(re.escape(c) for c in sorted(group_chars)) + "]"
        d = re.escape(sym.decimal)
        number = rf"(?:{_D}{{1,3}}(?:{g}{_D}{{2,3}})+(?!{_D})|{_D}+)(?:{d}{_D}+)?"
        self._number = number
        pct_words = percent_words(style, sym.percent)
        pts_words = points_words(style)
        sp = f"[{_SPACES}\n]?"  # a plain-text export may wrap between number and unit
        self._percent_after = re.compile(rf"{sp}(?:{pct_words})(?![\w])")
        # Japanese runs words into numbers ("12%増", "382減"): only a Latin letter or a
        # digit right after the number makes it part of a longer word there.
        end = r"(?![0-9A-Za-z])" if self.language in ("ja", "zh") else r"(?![\w])"
        before = r"0-9A-Za-z" if self.language in ("ja", "zh") else r"\w"
        self._digits_re = re.compile(
            # a minus sign belongs to the number ("-19 percent"); a hyphen after a word
            # ("COVID-19") does not
            rf"(?:(?<![{before}.,/\-])[-−](?=\d)|(?<![{before}.,/\-])){number}"
            rf"(?:{sp}(?P<pts>{pts_words})|{sp}(?P<pct>{pct_words}))?{end}"
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
        self._words = number_words(self.language)
        self._words_re = words_regex(self._words, self.language)
        self._approx_re = approx_regex(self.language, self._words)
        self._skip = _skip_patterns(self.tag, self.language)
        self._less_than_re = less_than_regex(self.language, number, pct_words, sp)

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
                if reason == "financial year" and not _consecutive_years(m):
                    continue
                if reason == "reference number" and _MONEY_SHORT.match(clean, max(0, a - 1), b):
                    continue  # "£68m", "$2bn": money in millions, not a reference
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
        out = self._less_than(out, clean, text)
        if self._words_re is not None:
            for w in self._words_re.finditer(clean):
                a, b = w.span()
                if free(a, b) and _word_bounded(clean, a, b, self.language):
                    take(self._words_token(w, text))
        out = qualify_magnitudes(out, clean, text, self.language, APPROX, PLAIN, PERCENT)
        out.sort(key=lambda t: t.start)
        if quotes:
            out = [_with_quote(t, quotes) for t in out]
        return out

    def _less_than(self, out: list[NumberToken], clean: str, text: str) -> list[NumberToken]:
        """ "less than 1 per cent" (a share the formatter would print as 0) is one token
        claiming the band from 0 up to that bound, not a claim that the share is 1 %."""
        rx = self._less_than_re
        if rx is None:
            return out
        spans = {(m.start("x"), m.end("x")): m.span() for m in rx.finditer(clean)}
        if not spans:
            return out
        kept: list[NumberToken] = []
        for tok in out:
            whole = spans.get((tok.start, tok.end))
            if whole is None or tok.unit != PERCENT or tok.value is None:
                kept.append(tok)
                continue
            a, b = whole
            band = (Decimal(0), tok.value / 100)
            kept.append(
                NumberToken(
                    a, b, text[a:b], tok.value, APPROX, tok.decimals, form="approx", band=band
                )
            )
        return kept

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
        raw = m.string[a:num_end].rstrip(_SPACES).lstrip("-−")
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

    def _words_token(self, m: re.Match[str] | WordSpan, text: str) -> NumberToken:
        a, b = m.span()
        value = words_value(m.group(0), self._words, self.language)
        pct = self._percent_after.match(text, b)
        if pct is not None and value is not None:
            # "zehn Prozent", "ten per cent": a percentage written in words
            return NumberToken(a, pct.end(), text[a : pct.end()], value, PERCENT, 0, form="words")
        if value is None or value < 2:
            return NumberToken(a, b, text[a:b], value, ignored="the word for zero or one")
        return NumberToken(a, b, text[a:b], value, PLAIN, 0, form="words")

    def _approx(self, m: re.Match[str], text: str) -> NumberToken | None:
        a, b = m.span()
        qual = " ".join((m.group("q") or "").lower().split())
        frac_text = m.group("f")
        many = m.groupdict().get("m")
        if many:
            # "three in five" (approx(kind='in')): m over n
            top = words_value(many, self._words, self.language)
            bottom = words_value(m.group("mn"), self._words, self.language)
            if not top or not bottom or top >= bottom:
                return None
            fraction: Decimal | None = top / bottom
        elif frac_text:
            fraction = FRACTION_WORDS[self.language].get(
                " ".join(frac_text.lower().replace("-", " ").split())
            )
        else:
            n_text = m.group("n") or ""
            n = words_value(n_text, self._words, self.language)
            if n is None:
                parsed = self.parse_number(n_text.rstrip("."))
                n = parsed[0] if parsed else None
            if n is None and self.language == "de":
                n = GERMAN_ORDINALS.get(n_text.lower())
            if not n or n < 2:
                return None
            fraction = Decimal(1) / n
        if fraction is None:
            return None
        lo_k, hi_k = QUALIFIER_BANDS.get(qual, BARE)
        width = fraction * TENTH
        band = (max(Decimal(0), fraction + lo_k * width), min(Decimal(1), fraction + hi_k * width))
        return NumberToken(a, b, text[a:b], fraction * 100, APPROX, 0, form="approx", band=band)


# -- helpers --------------------------------------------------------------------------


def _word_bounded(text: str, a: int, b: int, language: str) -> bool:
    if language in ("ja", "zh"):
        return True
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    return not (_wordish(before) or _wordish(after))


def _wordish(ch: str) -> bool:
    import unicodedata

    return ch.isalnum() or ch in "-_'’" or unicodedata.category(ch).startswith("M")


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


def _consecutive_years(m: re.Match[str]) -> bool:
    """A financial year runs from one year into the next: "2017/18", "2017–2018". A range
    of other numbers ("2019 – 62", a year beside a count) is not one."""
    first, second = m.group("fy1"), m.group("fy2")
    if first is None or second is None:
        return True  # "FY19"
    start = int(first)
    end = int(second) if len(second) == 4 else start - start % 100 + int(second)
    if end == start + 1:
        return True
    # a span of years written tight ("2019–21", "2015-2020"); with spaces around the
    # dash it is more likely a year beside another number
    tight = not any(c in m.group(0) for c in " \u00a0")
    return tight and start < end <= start + 30


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
                r"(?<![\w])(?:(?:FY|GJ|EF)[ ]?)?(?P<fy1>(?:19|20)\d{2})[ \u00a0]?[/–-][ \u00a0]?"
                r"(?P<fy2>\d{4}|\d{2})(?![\w]|[.,'’\u00a0\u202f]\d)"
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
