"""Jinja filters that turn figures and values into house-style text for the locale.

Each filter is a thin wrapper over `Formatter`: it adds only the formatter, which comes
from the render context (never a global), so one compiled template serves every locale.
A filter accepts a figure (anything with `.value`) or a plain number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from pressgen.errors import PressgenError
from pressgen.release import tables
from pressgen.release.layout import suppressed_note as _suppressed_note
from pressgen.text import phrases
from pressgen.text.formatting import Formatter, to_decimal

FORMATTER_KEY = "__pressgen_formatter__"


def formatter_of(ctx: Context) -> Formatter:
    fmt = ctx.get(FORMATTER_KEY)
    if not isinstance(fmt, Formatter):
        raise PressgenError("template rendered without a formatter")
    return fmt


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def _number(x: Any) -> int | Decimal:
    v = getattr(x, "value", x)
    t = type(v)
    if t is int or t is Decimal:
        return v  # type: ignore[no-any-return]
    if isinstance(v, bool) or not isinstance(v, int | Decimal | float | str):
        raise PressgenError(f"expected a number, got {type(v).__name__}")
    return v if isinstance(v, int) else to_decimal(v)


def _int(x: Any, what: str) -> int:
    v = _number(x)
    if v != int(v):
        raise PressgenError(f"{what} needs a whole number, got {v}")
    return int(v)


def _date(x: Any) -> dt.date:
    v = _value(x)
    if not isinstance(v, dt.date):
        raise PressgenError(f"expected a date, got {type(v).__name__}")
    return v


@pass_context
def number(
    ctx: Context, x: Any, decimals: int | None = None, group: bool = True, sign: bool = False
) -> str:
    """Grouped digits: 4,534 (en_GB), 4.534 (de_DE), 4 534 (fr_FR); `group=False` for
    raw digits in a table ('3480'); `sign=True` for a plus sign on a rise ('+183 000')."""
    fmt = ctx.get(FORMATTER_KEY)
    if type(fmt) is not Formatter:
        fmt = formatter_of(ctx)
    v = _number(x)
    if decimals is None:
        decimals = 0 if isinstance(v, int) or v == v.to_integral_value() else fmt.style.decimals
    if group is True and sign is False:
        return fmt.decimal(v, decimals)
    return fmt.decimal(v, decimals, group=bool(group), sign=bool(sign))


@pass_context
def count(ctx: Context, x: Any, start: bool = False, gender: str | None = None) -> str:
    """A count in house style: 'three', '4,534'; `start=True` at the opening of a sentence;
    one is 'ein' in German running text, and `gender='f'` gives 'eine', 'une', 'una'."""
    if gender not in (None, "m", "f", "n"):
        raise PressgenError(f"count: gender must be 'm', 'f' or 'n', not {gender!r}")
    return formatter_of(ctx).count(
        _number(x),
        sentence_start=start,
        gender=gender,  # type: ignore[arg-type]
    )


@pass_context
def words(ctx: Context, x: Any, start: bool = False, unit: str | None = None) -> str:
    """A number in words in the release's language: 'three', 'drei', 'trois'; a value
    with a fraction is rounded to a whole number first, by the style's rounding.
    `unit='hundredths'` (or `'tenths'`) writes the size of a small difference: -0.04 as
    'four hundredths', 'cuatro centésimas'."""
    fmt = formatter_of(ctx)
    if unit is not None:
        from pressgen.text.magnitudes import small_units

        text = small_units(fmt, _number(x), str(unit))
        return text[:1].upper() + text[1:] if start else text
    text = fmt.words(int(fmt.round(_number(x), 0)))
    return text[:1].upper() + text[1:] if start else text


@pass_context
def ordinal(ctx: Context, x: Any, figures: bool = False, gender: str | None = None) -> str:
    """'third', 'dritte', 'troisième'; `figures=True`: '3rd', '3.', '3e'; `gender='f'`
    for a feminine noun where the language marks it: French '1re', 'première'."""
    if gender not in (None, "m", "f", "n"):
        raise PressgenError(f"ordinal: gender must be 'm', 'f' or 'n', not {gender!r}")
    fmt = formatter_of(ctx)
    n = _int(x, "ordinal")
    from pressgen.text.words import feminine_ordinal, ordinal_figures

    if figures:
        return ordinal_figures(n, fmt.language, feminine=gender == "f")
    text = fmt.ordinal(n)
    return feminine_ordinal(text, fmt.language) if gender == "f" else text


@pass_context
def rank_phrase(ctx: Context, x: Any, adjective: str, joint: bool = False) -> str:
    """A place with its adjective: 'third-highest', 'dritthöchste', 'joint second-largest'."""
    return phrases.rank(formatter_of(ctx), _int(x, "rank_phrase"), adjective, joint=joint)


@pass_context
def compact(ctx: Context, x: Any, decimals: int | None = None, width: str | None = None) -> str:
    """A large number in words of magnitude: '1.2 million', '1,2 Millionen', '12 लाख'."""
    if width not in (None, "long", "short"):
        raise PressgenError(f"compact: width must be 'long' or 'short', not {width!r}")
    return formatter_of(ctx).compact(_number(x), decimals, width)  # type: ignore[arg-type]


@pass_context
def approx(
    ctx: Context,
    x: Any,
    kind: str = "fraction",
    start: bool = False,
    family: str = "default",
    fractions: str = "common",
) -> str:
    """A share as 'almost half', 'more than a third' (`kind='fraction'`), 'one in four'
    (`kind='one_in'`) or 'three in five' (`kind='in'`), only inside the bands where that
    is true; else the percentage. `family` picks the words ('over': 'over half'; 'just':
    'just over a third', 'gut die Hälfte'; 'under': 'less than half'; 'about'; 'nearly';
    'almost'), `fractions='fifths'` or `'all'` adds 'two fifths', 'three fifths'.
    `start=True` capitalises the first letter only (Jinja's `capitalize` lowers the rest)."""
    fmt = formatter_of(ctx)
    share_kinds = ("share", "rate", "change", "points", "number", "ratio")
    kind_of = getattr(x, "kind", None)
    name = getattr(x, "name", None)
    if isinstance(kind_of, str) and kind_of not in share_kinds:
        # a count as "23,992,000 per cent" is nonsense: say which figure it was
        raise PressgenError(
            f"approx needs a share (0 to 1), but figure {name or '?'!r} is a {kind_of}:"
            " use count, compact, about or number for it"
        )
    v = _number(x)
    if not (0 <= v <= 1):
        what = f"figure {name!r}" if name else "the value"
        raise PressgenError(f"approx needs a share from 0 to 1; {what} is {v}")
    if kind == "fraction":
        text = phrases.approx(fmt, v, str(family), str(fractions))
    elif kind == "one_in":
        text = phrases.one_in(fmt, v)
    elif kind == "in":
        text = phrases.m_in_n(fmt, v)
    else:
        raise PressgenError(f"approx: kind must be 'fraction', 'one_in' or 'in', not {kind!r}")
    return text[:1].upper() + text[1:] if start else text


@pass_context
def change(
    ctx: Context,
    x: Any,
    unit: str = "percent",
    decimals: int | None = None,
    verb: bool = False,
    noun: str | bool | None = None,
) -> str:
    """A change with its direction in words, never a sign: 'up 12 per cent', 'doubled',
    'fell by a fifth'; `unit='points'` for a difference of shares ('up 3 percentage
    points'), `unit='count'` for a difference of counts ('down 382', '382 weniger');
    `verb=True` for the verb: 'rose by 12 per cent', 'fell by 382', 'ging um 382 zurück';
    `noun='births'` with `unit='count'` names what is counted: '48,000 fewer births',
    '48 000 naissances de moins'; `noun=True` as a noun phrase: 'a 17% drop', 'un
    descenso del 2,6%'."""
    if unit not in ("percent", "points", "count"):
        raise PressgenError(f"change: unit must be 'percent', 'points' or 'count', not {unit!r}")
    return phrases.change(
        formatter_of(ctx),
        _number(x),
        unit,  # type: ignore[arg-type]
        decimals,
        verb=bool(verb),
        noun=noun if noun is None or isinstance(noun, bool) else str(noun),
    )


@pass_context
def plural(ctx: Context, x: Any, *forms: str, **named: str) -> str:
    """The word's form for the number by CLDR plural rules: n|plural('officer', 'officers')."""
    return formatter_of(ctx).plural(_number(x), *forms, **named)


@pass_context
def percent(
    ctx: Context, x: Any, decimals: int | None = None, word: str | None = None, sign: bool = False
) -> str:
    """A share (a fraction, 0.52) as '52 per cent' / '52%' / '52 %'; `word` overrides the
    style's percent word for this figure ('%' is the locale's sign: "%" in a table, "per
    cent" in the text); `sign=True` writes a rise with its plus sign ('+2,5 %')."""
    if word is not None and not isinstance(word, str):
        raise PressgenError(f"percent: word must be text such as '%' or 'per cent', not {word!r}")
    return formatter_of(ctx).percent(_number(x), decimals, word=word, sign=bool(sign))


@pass_context
def points(ctx: Context, x: Any, decimals: int | None = None) -> str:
    """A difference between two shares (fractions), unsigned, in the style's points word
    and the plural the number takes: '3 percentage points', '1 percentage point',
    '3 Prozentpunkte'; the direction is for the sentence to say ('up', 'rose')."""
    return formatter_of(ctx).points(_number(x), decimals)


@pass_context
def money(
    ctx: Context,
    x: Any,
    currency: str = "GBP",
    decimals: int | None = None,
    compact: bool = False,
    digits: int | None = None,
    rounding: str | None = None,
) -> str:
    """An amount in the locale's currency pattern: '£432.50'; `compact=True` writes
    millions as the style does: '£2.3m' (UK press), '$2.3 million' (AP), with one
    decimal, or `digits` significant figures ('£200m' for £206,240,880 with `digits=1`);
    `rounding` ('half_up', 'half_even', 'down', 'up') replaces the style's mode ('£68m'
    for £68,746,960 with `digits=2, rounding='down'`)."""
    if compact:
        if decimals is not None:
            raise PressgenError("money: give decimals or compact=True, not both")
        from pressgen.text.magnitudes import money_compact

        return money_compact(
            formatter_of(ctx), _number(x), currency, digits=digits, rounding=rounding
        )
    if digits is not None or rounding is not None:
        raise PressgenError("money: digits and rounding go with compact=True")
    return formatter_of(ctx).money(_number(x), currency, decimals)


@pass_context
def about(
    ctx: Context,
    x: Any,
    digits: int | None = None,
    to: Any = None,
    family: str = "default",
    form: str = "number",
    of: int | None = None,
    start: bool = False,
) -> str:
    """A number as a round figure with an honest word: 'more than 3,000' (`digits=1`),
    'almost 1.2 million' (`family='almost', form='compact'`), 'rund 1.800'
    (`family='about'`), 'More than one million' (`form='words', start=True`), 'nearly a
    quarter of a million' (`of=1000000`), 'près de 20 %' (a change, `form='percent'`).
    The value picks the word from the family."""
    from pressgen.text.magnitudes import about as about_

    kind_of = getattr(x, "kind", None)
    if kind_of in ("share", "change", "points", "rate") and form != "percent":
        raise PressgenError(
            f"about rounds counts and amounts; figure {getattr(x, 'name', '?')!r} is a"
            f" {kind_of}: use approx, or about(form='percent') for its percentage"
        )
    text = about_(
        formatter_of(ctx),
        _number(x),
        digits=digits,
        to=None if to is None else _number(to),
        family=str(family),
        form=form,  # type: ignore[arg-type]
        of=of,
    )
    return text[:1].upper() + text[1:] if start else text


@pass_context
def date(ctx: Context, x: Any, fmt: str | None = None, weekday: bool = False) -> str:
    """'3 December 2019' in house style; fmt 'medium'/'long'/'full' or a CLDR pattern."""
    return formatter_of(ctx).date(_date(x), fmt, weekday=weekday)


@pass_context
def embargo(ctx: Context, x: Any, zone: str | None = None) -> str:
    """'00:01 GMT on Tuesday 3 December 2019' (a naive datetime needs `zone`)."""
    v = _value(x)
    if not isinstance(v, dt.datetime):
        raise PressgenError(f"embargo needs a date and time, got {type(v).__name__}")
    return formatter_of(ctx).embargo(v, zone)


@pass_context
def fy(ctx: Context, x: Any, end: Any = None) -> str:
    """A financial year: 2017 or '17/18' -> '2017–18'."""
    return formatter_of(ctx).fy(_value(x), None if end is None else _value(end))


@pass_context
def daterange(ctx: Context, start: Any, end: Any, fmt: str = "long") -> str:
    """'3–5 December 2019', '3 Nov – 5 Dec 2019' (fmt='medium')."""
    if fmt not in ("long", "medium"):
        raise PressgenError(f"daterange: fmt must be 'long' or 'medium', not {fmt!r}")
    return formatter_of(ctx).daterange(_date(start), _date(end), fmt)  # type: ignore[arg-type]


@pass_context
def join_list(ctx: Context, items: Iterable[Any], kind: str = "and") -> str:
    """'A, B and C' ('A, B und C'); kind='or' for 'A, B or C'."""
    if kind not in ("and", "or"):
        raise PressgenError(f"join_list: kind must be 'and' or 'or', not {kind!r}")
    return formatter_of(ctx).join([str(i) for i in items], kind)  # type: ignore[arg-type]


@pass_context
def quoted(ctx: Context, text: Any) -> str:
    """Text in the locale's quotation marks: “…” (en), „…“ (de), «…» (de_CH)."""
    return formatter_of(ctx).quoted(str(text))


@pass_context
def table(
    ctx: Context,
    fig: Any,
    label: str | None = None,
    rank: str | None = None,
    total: str | None = None,
    row_total: str | None = None,
    value: str | None = None,
    rows: Any = None,
    top: int | None = None,
    decimals: int | None = None,
    show: str = "value",
) -> str:
    """A whole Markdown table from a table or group figure, every cell escaped:
    `{{ f.by_year | table(rank="Rank", total="Total") }}` (see docs/figures.md)."""
    return tables.table_markdown(
        formatter_of(ctx),
        fig,
        label=label,
        rank=rank,
        total=total,
        row_total=row_total,
        value=value,
        rows=list(rows) if rows is not None else None,
        top=top,
        decimals=decimals,
        show=show,
    )


@pass_context
def suppressed_note(ctx: Context, x: Any, markers: Iterable[Any] = ()) -> str:
    """Notes to editors on suppressed cells in the release's language: 'Three cells were
    suppressed in the source (shown as <5 or *) …', or that none was used (base.md.j2:
    `suppressed_cells | suppressed_note(dataset.suppression)`)."""
    return _suppressed_note(
        formatter_of(ctx), _int(x, "suppressed_note"), [str(m) for m in markers]
    )


def table_row(cells: Iterable[Any]) -> str:
    """One Markdown table row from a list of values, each escaped: `| =4 | Kent | 3,480 |`."""
    return tables.table_row(cells)


def table_head(headings: Iterable[Any], align: str | None = None) -> str:
    """A table's heading row and alignment row (`align="lrr"`: left, right, right)."""
    return tables.table_head(headings, align)


@pass_context
def restyle(ctx: Context, caller: Callable[[], str] | None = None, **rules: Any) -> str:
    """A block in another house style: `{% call restyle(percent_word="%",
    group_separator="none") %}` … `{% endcall %}` prints its figures by those rules (a
    table with "%" in a release whose text says "per cent"); the release's own style
    holds again after `endcall`."""
    from pressgen.release.escape import MarkdownText
    from pressgen.text.style import restyle as restyled

    if caller is None:
        raise PressgenError("restyle goes with a call block: {% call restyle(...) %}…{% endcall %}")
    fmt = formatter_of(ctx)
    inner = Formatter(fmt.tag, restyled(fmt.style, rules))
    scope = ctx.vars
    had = FORMATTER_KEY in scope
    outer = scope.get(FORMATTER_KEY)
    scope[FORMATTER_KEY] = inner
    try:
        # the body was escaped value by value as it printed: it is Markdown now
        return MarkdownText(caller())
    finally:
        if had:
            scope[FORMATTER_KEY] = outer
        else:
            del scope[FORMATTER_KEY]


#: Template functions (not filters) the environment adds.
GLOBALS: dict[str, Callable[..., str]] = {"restyle": restyle}


FILTERS: dict[str, Callable[..., str]] = {
    "number": number,
    "count": count,
    "words": words,
    "ordinal": ordinal,
    "percent": percent,
    "points": points,
    "money": money,
    "date": date,
    "join_list": join_list,
    "quoted": quoted,
    "compact": compact,
    "approx": approx,
    "about": about,
    "change": change,
    "rank_phrase": rank_phrase,
    "plural": plural,
    "embargo": embargo,
    "fy": fy,
    "daterange": daterange,
    "table": table,
    "table_row": table_row,
    "table_head": table_head,
    "suppressed_note": suppressed_note,
}
