"""Measures of a set of rows, written once for every place a figure is built.

A measure (count, sum, mean, ratio, share) names the totals it reads (`measure_totals`)
and makes its value from them (`measure_value`). The same two functions serve a whole
selection (`ratio`), each group of a `group` figure and each cell, row and column of a
`table`: a `Reader` says whether a total is read over the whole selection (`Whole`) or
within one value of its `by` column (`Within`), and the totals come from the frame, a
cube or a batch's groups alike (see `source`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple, Protocol

from pressgen.errors import PressgenError
from pressgen.figures.model import Value
from pressgen.figures.plan import Total, numeric
from pressgen.figures.source import Agg, Keys, Values
from pressgen.figures.where import Selection, selection

if TYPE_CHECKING:
    from pressgen.figures.specs import Where
    from pressgen.sources.dataset import Dataset


class Reader(Protocol):
    """How a total is read: over the whole selection, or within one group."""

    def value(self, t: Total) -> Value: ...

    def cells(self, t: Total) -> tuple[int, int, int]: ...


class Whole:
    """Totals over the whole selection."""

    __slots__ = ("got",)

    def __init__(self, got: Values) -> None:
        self.got = got

    def value(self, t: Total) -> Value:
        return t.value(self.got)

    def cells(self, t: Total) -> tuple[int, int, int]:
        return t.cells(self.got)


class Within:
    """Totals within one value (`key`) of the column they are split by."""

    __slots__ = ("got", "key")

    def __init__(self, got: Values, key: str) -> None:
        self.got = got
        self.key = key

    def value(self, t: Total) -> Value:
        return t.value_in(self.got, self.key)

    def cells(self, t: Total) -> tuple[int, int, int]:
        return t.cells_in(self.got, self.key)


class Measured(NamedTuple):
    """The totals a measure reads: `first` (the counted rows, the total, a ratio's
    numerator, a share's whole) and `second` (a ratio's denominator, a share's part)."""

    first: Total
    second: Total | None = None

    def aggs(self) -> tuple[Agg, ...]:
        return self.first.aggs() + (self.second.aggs() if self.second is not None else ())


class Measure(NamedTuple):
    """A measure as a spec states it: which, of which column(s), with which part."""

    name: str  # count, sum, mean, ratio, share
    column: str | None = None
    denominator: str | None = None
    part: Where | None = None


def check_measure(m: Measure, ds: Dataset, figure: str, as_: str | None = None) -> None:
    """The measure's columns exist and hold numbers; a ratio has its denominator, and
    what only a ratio or a share reads is not given to another measure (it would be
    silently ignored)."""
    if m.name != "ratio":
        for key, given in (("denominator", m.denominator), ("as", as_)):
            if given is not None:
                raise PressgenError(
                    f"`{key}` is for a ratio, not a {m.name}", where=f"figures.{figure}.{key}"
                )
    if m.name != "count" and m.column is None and m.name != "share":
        raise PressgenError(f"a {m.name} needs a column", where=f"figures.{figure}.column")
    if m.column is not None and m.name != "count":
        numeric(ds, m.column, figure)
    if m.name == "ratio":
        if m.denominator is None:
            raise PressgenError(
                "a ratio needs a denominator column", where=f"figures.{figure}.denominator"
            )
        col = ds.column(m.denominator, where=f"figures.{figure}.denominator")
        if col.type not in ("int", "decimal"):
            raise PressgenError(
                f"column {m.denominator!r} holds {col.type}, not numbers",
                where=f"figures.{figure}.denominator",
            )


def measure_totals(
    m: Measure,
    keys: Keys,
    dataset: str,
    ds: Dataset,
    sel: Selection,
    figure: str,
    by: str | None = None,
) -> Measured:
    """The totals measure `m` reads over `sel` (within each value of `by`, if given)."""
    column = None if m.name == "count" else m.column
    first = Total.of(keys, dataset, sel, column, by)
    if m.name == "ratio":
        return Measured(first, Total.of(keys, dataset, sel, m.denominator, by))
    if m.name == "share" and m.part:
        part = sel & selection(ds, m.part, figure, "part")
        return Measured(first, Total.of(keys, dataset, part, column, by))
    return Measured(first)


def measure_value(m: Measure, t: Measured, read: Reader) -> Value | None:
    """The measure's value from its totals, or None where it has none: no cell holds a
    value, a ratio's denominator or a share's whole is zero. A share without a `part`
    is the total itself (its caller divides it by the whole it is a share of)."""
    rows, present, _ = read.cells(t.first)
    if m.name == "count":
        return rows
    if not present:
        return None
    total = read.value(t.first)
    if m.name == "mean":
        return Decimal(total) / present
    if m.name == "ratio":
        assert t.second is not None
        if not read.cells(t.second)[1]:
            return None
        return ratio_value(total, read.value(t.second))
    if m.name == "share" and t.second is not None:
        return ratio_value(read.value(t.second), total)
    return total


def ratio_value(numerator: Value, denominator: Value) -> Decimal | None:
    """numerator / denominator exactly, or None over zero."""
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def ratio_kind(as_: str | None, currency: str | None) -> str:
    """How a ratio prints: a share, money (its numerator is money) or a number."""
    if as_ == "share":
        return "share"
    return "money" if currency else "number"


def ratio_warnings(t: Measured, read: Reader, column: str, denominator: str) -> list[str]:
    """What a ratio leaves out: each column's suppressed cells, and rows that hold a
    value in only one of the two columns."""
    out: list[str] = []
    for col, total in ((column, t.first), (denominator, t.second)):
        sup = read.cells(total)[2] if total is not None else 0
        if sup:
            out.append(
                f"{sup} suppressed cell{'s' if sup != 1 else ''} in {col!r} left out: "
                "the true figure may differ"
            )
    half = unmatched_cells(t, read)
    if half:
        out.append(
            f"{half} row(s) hold a value in only one of {column!r} and {denominator!r}: "
            "the ratio reads each column's own cells"
        )
    return out


def unmatched_cells(t: Measured, read: Reader) -> int:
    """How many more cells hold a denominator than a numerator, or the other way: rows
    a ratio reads only half of."""
    if t.second is None:
        return 0
    return abs(read.cells(t.first)[1] - read.cells(t.second)[1])
