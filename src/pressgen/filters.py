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

from .errors import PressgenError
from .formatting import Formatter, to_decimal

FORMATTER_KEY = "__pressgen_formatter__"


def formatter_of(ctx: Context) -> Formatter:
    fmt = ctx.get(FORMATTER_KEY)
    if not isinstance(fmt, Formatter):
        raise PressgenError("template rendered without a formatter")
    return fmt


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def _number(x: Any) -> int | Decimal:
    v = _value(x)
    if isinstance(v, bool) or not isinstance(v, int | Decimal | float | str):
        raise PressgenError(f"expected a number, got {type(v).__name__}")
    return v if isinstance(v, int) else to_decimal(v)


@pass_context
def number(ctx: Context, x: Any, decimals: int | None = None) -> str:
    """Grouped digits: 4,534 (en_GB), 4.534 (de_DE), 4 534 (fr_FR)."""
    fmt = formatter_of(ctx)
    v = _number(x)
    if decimals is None:
        decimals = 0 if isinstance(v, int) or v == v.to_integral_value() else fmt.style.decimals
    return fmt.decimal(v, decimals)


@pass_context
def count(ctx: Context, x: Any, start: bool = False) -> str:
    """A count in house style: 'three', '4,534'; `start=True` at the opening of a sentence."""
    return formatter_of(ctx).count(_number(x), sentence_start=start)


@pass_context
def words(ctx: Context, x: Any) -> str:
    v = _number(x)
    return formatter_of(ctx).words(int(v))


@pass_context
def ordinal(ctx: Context, x: Any) -> str:
    return formatter_of(ctx).ordinal(int(_number(x)))


@pass_context
def percent(ctx: Context, x: Any, decimals: int | None = None) -> str:
    """A share (a fraction, 0.52) as '52 per cent' / '52%' / '52 %'."""
    return formatter_of(ctx).percent(_number(x), decimals)


@pass_context
def points(ctx: Context, x: Any, decimals: int | None = None) -> str:
    return formatter_of(ctx).points(_number(x), decimals)


@pass_context
def money(ctx: Context, x: Any, currency: str = "GBP", decimals: int | None = None) -> str:
    return formatter_of(ctx).money(_number(x), currency, decimals)


@pass_context
def date(ctx: Context, x: Any, fmt: str | None = None) -> str:
    v = _value(x)
    if not isinstance(v, dt.date):
        raise PressgenError(f"expected a date, got {type(v).__name__}")
    return formatter_of(ctx).date(v, fmt)


@pass_context
def join_list(ctx: Context, items: Iterable[Any]) -> str:
    return formatter_of(ctx).join([str(i) for i in items])


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
}
