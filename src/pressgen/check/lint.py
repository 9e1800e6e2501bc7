"""Release lint: the slips a sub-editor catches, each with its line and column.

Rules (their codes appear in every finding):

- `sentence-numeral`: a sentence opens with digits (house styles spell it out or recast);
- `number-style`: a number written against the house style ("4534", "3 officers",
  "three thousand", "52%" where the style says "52 per cent");
- `doubled-word`: "the the", or a word repeated across one word with its case changed
  ("chief Detective Chief");
- `spelling`: a word from the project's list of known misspellings (words.txt), or,
  when a Hunspell dictionary for the locale is installed, a lowercase word it lacks;
- `weekday`: a weekday that does not fall on its date;
- `embargo-zone`, `embargo-late`: an embargo line without a time zone, or lifting
  after the release's own date;
- `placeholder`: template text left behind ({{ }}, [INSERT …], TBC, XXX, lorem ipsum);
- `headline-length`: a headline longer than the wire limit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from pressgen.check.dictionary import accepted_words, hunspell_words, in_dictionary, misspellings
from pressgen.check.findings import Finding, LineIndex
from pressgen.check.letters import LETTER
from pressgen.check.numbers import PERCENT, PLAIN, NumberToken, markdown_blank, number_reader
from pressgen.text.formatting import Formatter
from pressgen.text.layout_words import layout_words_for
from pressgen.text.locales import get_locale
from pressgen.text.style import HouseStyle, resolve_style

#: Longest headline, in characters, that the newswires take without cutting it: PR
#: Newswire and Business Wire both advise staying within about 100 characters.
WIRE_HEADLINE_LIMIT = 100

_FUNCTION_REPEATS = frozenset({"that", "had", "is", "was", "do", "bye", "ha", "very", "so"})
_IDIOM_LINKS = frozenset(
    {
        "and",
        "by",
        "to",
        "after",
        "for",
        "or",
        "upon",
        "on",
        "in",
        "against",
        "und",
        "für",
        "um",
        "zu",
        "et",
        "par",
        "après",
        "y",
        "a",
        "por",
        "e",
        "per",
        "en",
        "na",
    }
)
_SPACE_NORMAL = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def lint_text(
    text: str,
    *,
    locale: str = "en_GB",
    style: HouseStyle | None = None,
    release_date: dt.date | None = None,
    headline_limit: int = WIRE_HEADLINE_LIMIT,
    trusted_words: Iterable[str] = (),
    tokens: Sequence[NumberToken] | None = None,
    lines: LineIndex | None = None,
) -> list[Finding]:
    """Lint findings for a draft, in order of position.

    `trusted_words` are accepted by the spelling rule (the words of the untouched render,
    so a template's own vocabulary never fails); `tokens` and `lines` may be passed in
    when the caller has already read the draft's numbers."""
    house = style or resolve_style(None)
    tag = str(get_locale(locale))
    clean = markdown_blank(text)
    idx = lines or LineIndex(text)
    if tokens is None:
        tokens = number_reader(tag, house).read(text)
    out: list[Finding] = []

    def add(code: str, a: int, b: int, message: str) -> None:
        line, col = idx.position(a)
        out.append(Finding(code, "warning", line, col, text[a:b], message, a, b))

    _sentence_numerals(clean, tokens, house, add)
    _number_style(tokens, Formatter(tag, house), clean, add)
    _doubled_words(clean, add)
    skip = [(t.start, t.end) for t in tokens if t.ignored == "web address"]
    _spelling(clean, tag, frozenset(w.lower() for w in trusted_words), skip, add)
    dates = find_dates(clean, tag)
    _weekdays(dates, release_date, add)
    _embargo(clean, dates, release_date, add)
    _placeholders(clean, add)
    _headline(clean, headline_limit, tag.split("_")[0], add)
    out.sort(key=lambda f: (f.offset, f.code))
    return out


# -- rules ----------------------------------------------------------------------------

_AddT = Callable[[str, int, int, str], None]


def _sentence_numerals(
    clean: str, tokens: Sequence[NumberToken], style: HouseStyle, add: _AddT
) -> None:
    if not style.spell_out_sentence_start:
        return
    for tok in tokens:
        if tok.form != "digits" or tok.value is None or tok.ignored not in (None, "year"):
            continue
        k = tok.start - 1
        while k >= 0 and clean[k] in " \t*_>#“‘\"'(„«":
            k -= 1
        if (
            k < 0
            or clean[k] == "\n"
            or (clean[k] in ".!?" and k + 1 < tok.start and clean[k + 1].isspace())
        ):
            if k >= 0 and clean[k] == "." and _is_abbreviation(clean, k):
                continue
            if (k < 0 or clean[k] == "\n") and _is_cell(clean, tok.start):
                continue
            # above a hundred the words are a mouthful ("Four thousand, five hundred
            # and thirty-four"): the formatter leaves digits and the fix is to recast
            fix = "recast the sentence" if abs(tok.value) > 100 else "spell it out or recast"
            add(
                "sentence-numeral",
                tok.start,
                tok.end,
                f"sentence opens with the numeral {tok.text.strip()!r}: {fix}",
            )


def _is_cell(clean: str, start: int) -> bool:
    """A line of a few words with no sentence in it: a table cell of a DOCX or HTML draft
    ("=4", "1,234", "3 Kent"), not a sentence that opens with a numeral."""
    end = clean.find("\n", start)
    line = clean[start : end if end >= 0 else len(clean)]
    return len(line.split()) <= 3 and not any(mark in line for mark in ".!?")


def _in_table(clean: str, start: int) -> bool:
    """A number in a table, where figures are house style ("| 3 | Kent |"): a Markdown
    table row, or a cell on a line of its own (a DOCX or HTML draft read back)."""
    line_start = clean.rfind("\n", 0, start) + 1
    if clean[line_start:start].lstrip().startswith("|"):
        return True
    return not clean[line_start:start].strip() and _is_cell(clean, start)


def _is_abbreviation(clean: str, k: int) -> bool:
    m = re.search(r"(\w+)$", clean[max(0, k - 6) : k])
    return bool(m and m.group(1).lower() in {"no", "nr", "p", "pp", "para", "ref", "st", "vs"})


def _number_style(tokens: Sequence[NumberToken], fmt: Formatter, clean: str, add: _AddT) -> None:
    style = fmt.style
    for tok in tokens:
        if not tok.checked or tok.value is None or tok.scale != 1:
            continue
        said = " ".join(tok.text.translate(_SPACE_NORMAL).split())
        if tok.unit == PERCENT and tok.form == "digits":
            want = fmt.percent(tok.value / 100, tok.decimals).translate(_SPACE_NORMAL)
            if said.lower() != want.lower():
                add(
                    "number-style", tok.start, tok.end, f"house style writes {want!r}, not {said!r}"
                )
            continue
        if tok.unit != PLAIN or tok.value != tok.value.to_integral_value():
            continue
        n = int(tok.value)
        before = clean[max(0, tok.start - 1) : tok.start]
        if before and before in "£$€¥₹<>≤≥":
            continue  # money, or a threshold such as the suppression marker "<5"
        if tok.form == "digits" and tok.decimals == 0:
            if 0 < n < style.spell_out_below and not _in_table(clean, tok.start):
                add(
                    "number-style",
                    tok.start,
                    tok.end,
                    f"house style writes numbers below {style.spell_out_below} in words: "
                    f"{fmt.words(n)!r}, not {said!r}",
                )
                continue
            want = fmt.decimal(n, 0).translate(_SPACE_NORMAL)
            if said != want:
                add(
                    "number-style", tok.start, tok.end, f"house style writes {want!r}, not {said!r}"
                )
        elif tok.form == "words" and style.spell_out_below and n >= style.spell_out_below:
            k = tok.start - 1
            while k >= 0 and clean[k] in " \t*_>#“‘\"'(":
                k -= 1
            if k < 0 or clean[k] in ".!?\n":
                continue  # words are right at the start of a sentence
            add(
                "number-style",
                tok.start,
                tok.end,
                f"house style writes {fmt.decimal(n, 0)!r} in figures, not {said!r}",
            )


_WORD = re.compile(rf"(?:{LETTER})+(?:['’-](?:{LETTER})+)*")


def _doubled_words(clean: str, add: _AddT) -> None:
    words = list(_WORD.finditer(clean))
    lows = [m.group(0).lower() for m in words]
    for i, m in enumerate(words):
        w = m.group(0)
        for gap in (1, 2):
            if i + gap >= len(words):
                break
            if lows[i + gap] != lows[i]:
                continue
            n = words[i + gap]
            between = clean[m.end() : n.start()]
            if gap == 1 and not between.isspace():
                continue
            if gap == 2 and (
                not re.fullmatch(r"[ \t]+[^\W\d_]+[ \t]+", between)
                or between.strip().lower() in _IDIOM_LINKS
            ):
                continue  # "more and more", "day by day", "Schritt für Schritt"
            if gap == 1 and lows[i] not in _FUNCTION_REPEATS:
                add("doubled-word", m.start(), n.end(), f"doubled word {w!r}")
            elif gap == 2 and w != n.group(0) and len(w) > 2:
                add(
                    "doubled-word",
                    m.start(),
                    n.end(),
                    f"{w!r} is repeated as {n.group(0)!r} one word later",
                )


def _spelling(
    clean: str, tag: str, trusted: frozenset[str], skip: list[tuple[int, int]], add: _AddT
) -> None:
    known = misspellings()
    accepted = accepted_words()
    dictionary = hunspell_words(tag)
    for m in re.finditer(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])", clean):
        word = m.group(0)
        low = word.lower()
        fix = known.get(low)
        if fix is not None:
            add("spelling", m.start(), m.end(), f"misspelt {word!r}: {fix!r}?")
            continue
        if dictionary is None or low in trusted or low in accepted:
            continue
        if not word.islower() or len(word) < 4 or any(a <= m.start() < b for a, b in skip):
            continue
        if all(in_dictionary(part, dictionary) for part in low.split("-") if len(part) > 2):
            continue
        add("spelling", m.start(), m.end(), f"{word!r} is not in the {tag} dictionary")


@lru_cache(maxsize=32)
def _calendar(tag: str) -> tuple[dict[str, int], dict[str, int], re.Pattern[str], re.Pattern[str]]:
    months: dict[str, int] = {}
    days: dict[str, int] = {}
    for t in dict.fromkeys((tag, "en_GB")):
        loc = get_locale(t)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for k, v in loc.months[ctx][width].items():
                    months.setdefault(str(v).lower().rstrip("."), int(k))
                for k, v in loc.days[ctx][width].items():
                    days.setdefault(str(v).lower().rstrip("."), int(k))
    months.setdefault("sept", 9)
    m_alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    d_alt = "|".join(re.escape(d) for d in sorted(days, key=len, reverse=True))
    wd = rf"(?:(?P<wd>{d_alt})\.?,?\s+(?:the\s+)?)?"
    dmy = re.compile(
        rf"(?<!\w){wd}(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|e)?\.?\s+(?:of\s+)?(?P<m>{m_alt})\.?,?"
        rf"(?:\s+(?P<y>\d{{4}}))?(?!\w)",
        re.IGNORECASE,
    )
    mdy = re.compile(
        rf"(?<!\w){wd}(?P<m>{m_alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(?P<y>\d{{4}}))?(?!\w)",
        re.IGNORECASE,
    )
    return months, days, dmy, mdy


class FoundDate:
    __slots__ = ("date", "end", "start", "weekday", "year_given")

    def __init__(
        self, start: int, end: int, date: dt.date | None, weekday: int | None, year_given: bool
    ) -> None:
        self.start = start
        self.end = end
        self.date = date
        self.weekday = weekday
        self.year_given = year_given


def find_dates(text: str, tag: str, default_year: int | None = None) -> list[FoundDate]:
    """Dates written in words ('Tuesday 3 December 2019', 'Dec. 3, 2019'), with the
    weekday named beside them if any."""
    months, days, dmy, mdy = _calendar(tag)
    out: list[FoundDate] = []
    seen: set[int] = set()
    for rx in (dmy, mdy):
        for m in rx.finditer(text):
            if m.start() in seen:
                continue
            seen.add(m.start())
            month = months.get(m.group("m").lower().rstrip("."))
            year = int(m.group("y")) if m.group("y") else default_year
            wd = days.get(m.group("wd").lower().rstrip(".")) if m.group("wd") else None
            date: dt.date | None = None
            if month and year:
                try:
                    date = dt.date(year, month, int(m.group("d")))
                except ValueError:
                    date = None
            out.append(FoundDate(m.start(), m.end(), date, wd, bool(m.group("y"))))
    out.sort(key=lambda d: d.start)
    return out


def _weekdays(dates: list[FoundDate], release: dt.date | None, add: _AddT) -> None:
    for d in dates:
        when = d.date
        if when is None and d.weekday is not None and release is not None and not d.year_given:
            continue
        if when is not None and d.weekday is not None and when.weekday() != d.weekday:
            add(
                "weekday",
                d.start,
                d.end,
                f"{when.isoformat()} is a {when.strftime('%A')}, not the weekday written",
            )


_EMBARGO = re.compile(r"(?im)^.*\b(?:embargo\w*|sperrfrist|sous embargo)\b.*$")
_ZONE = re.compile(
    r"\b(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|WET|WEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|"
    r"IST|JST|KST|AEST|AEDT|NZST|NZDT|HKT|SGT)\b|[+-]\d{2}:?\d{2}\b|\b[A-Z][a-z]+/[A-Z][A-Za-z_]+"
    r"|\b(?:UTC|GMT)[+-]\d{1,2}\b",
)


def _embargo(clean: str, dates: list[FoundDate], release: dt.date | None, add: _AddT) -> None:
    lines = list(_EMBARGO.finditer(clean))
    if not lines:
        return
    if release is None:
        others = [
            d.date
            for d in dates
            if d.date is not None and not any(m.start() <= d.start < m.end() for m in lines)
        ]
        release = others[0] if others else None
    for m in lines:
        line = m.group(0)
        if not re.search(r"\d{1,2}[:.h]\d{2}|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.|uhr)", line, re.I):
            continue
        if not _ZONE.search(line):
            add("embargo-zone", m.start(), m.end(), "embargo time has no time zone")
        for d in dates:
            if m.start() <= d.start < m.end() and d.date and release and d.date > release:
                add(
                    "embargo-late",
                    d.start,
                    d.end,
                    f"embargo lifts on {d.date.isoformat()}, after the release date "
                    f"{release.isoformat()}",
                )


_PLACEHOLDER = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"
    r"|\[(?:insert|add|tbc|tbd|tk|name|date|quote|xx+|placeholder|headline|figure)[^\]\n]*\]"
    r"|<<[^>\n]*>>|\bXXX+\b|\bTBC\b|\bTBD\b|\bTK\b|\blorem ipsum\b|\bdolor sit amet\b",
    re.IGNORECASE,
)


#: The marker `pressgen new` writes into every text a person must supply (headline,
#: boilerplate, contact): a fixed token in every language, matched as written.
_SCAFFOLD = re.compile(r"\bPLACEHOLDER\b[^\n]*")


def _placeholders(clean: str, add: _AddT) -> None:
    for m in _PLACEHOLDER.finditer(clean):
        add("placeholder", m.start(), m.end(), f"leftover template text {m.group(0)[:40]!r}")
    for m in _SCAFFOLD.finditer(clean):
        add("placeholder", m.start(), m.end(), f"text to replace: {m.group(0)[:60]!r}")


def _headline(clean: str, limit: int, language: str, add: _AddT) -> None:
    """The headline: the Markdown heading (a DOCX or HTML draft's is marked so when read
    back), or in a plain-text draft the first paragraph that is not the release line,
    its lines joined (a text export wraps a long headline). The release line is known by
    the words pressgen writes for it in the draft's language, in any case."""
    m = re.search(r"(?m)^#[ \t]+(.+?)[ \t]*$", clean)
    if m is not None:
        start, end, head = m.start(1), m.end(1), m.group(1).strip()
    else:
        release = _release_line_starts(language)
        # Paragraphs are separated by blank lines where the draft has any (a text
        # export, wrapped); else each line is one.
        blocks = (
            r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*" if re.search(r"\n[ \t]*\n", clean) else r"\S[^\n]*"
        )
        for para in re.finditer(blocks, clean):
            head = " ".join(para.group(0).split())
            if not head.casefold().startswith(release):
                start, end = para.start(), para.end()
                break
        else:
            return
    if len(head) > limit:
        add(
            "headline-length",
            start,
            end,
            f"headline is {len(head)} characters; the wire limit is {limit}",
        )


def _release_line_starts(language: str) -> tuple[str, ...]:
    """How the release line begins in `language` (and in English, which a release in
    another language may keep): the immediate-release words and the embargo's words
    before its date, casefolded."""
    starts: list[str] = []
    for lang in dict.fromkeys((language, "en")):
        words, _ = layout_words_for(lang)
        starts.append(words.immediate)
        starts.append(words.embargo.split("{", 1)[0])
    return tuple(x.strip().casefold() for x in starts if x.strip())
