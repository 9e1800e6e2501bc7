"""Filters: a spec's `where` as a typed, hashable `Selection`, and how it reads in words.

A `Selection` is a conjunction of `Clause`s whose literals are already of their
column's type (a literal that is not is an error naming the spec's field), so two
figures with the same filter select the same rows and can share one aggregation. It
becomes a polars expression only when data is read; the frame, a cube of cells and a
group's rows all evaluate the same expression.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pressgen.errors import PressgenError
from pressgen.figures.specs import Condition, Scalar, Where
from pressgen.lazy import LazyModule
from pressgen.storage.memo import MEMO, MemoTable

if TYPE_CHECKING:
    import polars as pl

    from pressgen.sources.dataset import Dataset
else:
    pl = LazyModule("polars")

Op = Literal["eq", "ne", "gt", "ge", "lt", "le", "in", "not_in"]
_COMPARISONS: tuple[Op, ...] = ("eq", "ne", "gt", "ge", "lt", "le")


# Selections and their clauses are tuples: hashed and compared by value in C, and cheap
# to define (a module's dataclasses cost a cold `pressgen render` a millisecond each).
class Clause(NamedTuple):
    """One test on one column; `value` is of the column's type (a tuple for in/not_in)."""

    column: str
    op: Op
    value: Any

    def expr(self) -> pl.Expr:
        c = pl.col(self.column)
        if self.op == "in":
            return c.is_in(list(self.value))
        if self.op == "not_in":
            return ~c.is_in(list(self.value))
        result: pl.Expr = getattr(c, self.op)(self.value)
        return result


class Selection(NamedTuple):
    """Rows meeting every clause; the empty selection is every row."""

    clauses: tuple[Clause, ...] = ()

    def __and__(self, other: object) -> Selection:
        assert isinstance(other, Selection)
        return Selection(self.clauses + other.clauses)

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(c.column for c in self.clauses)

    def expr(self) -> pl.Expr:
        """The mask as a polars expression."""
        made = pl.lit(True)
        for clause in self.clauses:
            made = made & clause.expr()
        return made


EVERY_ROW = Selection()


def selection(ds: Dataset, where: Where, figure: str, field_name: str = "where") -> Selection:
    """A spec's filter checked against the dataset's columns, its literals typed. A
    value to match (`=`, `in`, `≠`, `not in`) that no row holds is an error naming the
    field, with the closest value the column does hold: a misspelt 'london' would
    otherwise select nothing and print 0."""
    made = _clauses(ds, where, figure, field_name)
    _refuse_absent(ds, made, figure, field_name)
    return Selection(tuple(made))


def _clauses(ds: Dataset, where: Where, figure: str, field_name: str) -> list[Clause]:
    clauses: list[Clause] = []
    for col, cond in where.items():
        at = f"figures.{figure}.{field_name}.{col}"
        kind = ds.column(col, where=at).type
        if isinstance(cond, Condition):
            for op in _COMPARISONS:
                v = getattr(cond, op)
                if v is not None:
                    clauses.append(Clause(col, op, coerce_value(v, kind, at)))
            if cond.in_ is not None:
                clauses.append(
                    Clause(col, "in", tuple(coerce_value(v, kind, at) for v in cond.in_))
                )
            if cond.not_in is not None:
                values = tuple(coerce_value(v, kind, at) for v in cond.not_in)
                clauses.append(Clause(col, "not_in", values))
        elif isinstance(cond, list):
            clauses.append(Clause(col, "in", tuple(coerce_value(v, kind, at) for v in cond)))
        else:
            clauses.append(Clause(col, "eq", coerce_value(cond, kind, at)))
    return clauses


_MATCHED: tuple[Op, ...] = ("eq", "ne", "in", "not_in")


def _refuse_absent(
    ds: Dataset, clauses: list[Clause], figure: str, field_name: str, at: str | None = None
) -> None:
    """Every value a clause matches against is held by some row (one pass over the
    frame for all of them); the first that is not raises, with a suggestion."""
    frame = ds.frame
    wanted: list[tuple[str, Any]] = []
    for c in clauses:
        typed = ds.manifest.columns[c.column].type in ("text", "int", "decimal")
        if c.op in _MATCHED and typed and c.column in frame.columns:
            values = c.value if c.op in ("in", "not_in") else (c.value,)
            wanted += [(c.column, v) for v in values if v is not None]
    if not wanted or not frame.height:
        return
    held = _held(frame, list(dict.fromkeys(wanted)))
    for col, v in wanted:
        if not held[col, v]:
            raise PressgenError(
                f"no row has {col} = {show_value(v)}{_suggestion(frame, col, v)}",
                where=at or f"figures.{figure}.{field_name}.{col}",
            )


#: Which (column, value) pairs each recent frame holds, so figures that share a filter
#: value (`year = 2016` in most specs) scan for it once. Keyed by the frame's id, with the
#: frame kept beside its answers so the id cannot be reused; the last few frames only.
_HELD: MemoTable[int, tuple[pl.DataFrame, dict[tuple[str, Any], bool], dict[str, set[Any]]]] = (
    MEMO.table("filter values held", 8)
)
#: Up to this many rows a column's distinct values are read once (cheaper than a scan
#: per value); above it each value is looked for alone.
_DISTINCT_ROWS = 200_000


def _held(frame: pl.DataFrame, wanted: list[tuple[str, Any]]) -> dict[tuple[str, Any], bool]:
    entry = _HELD.get(id(frame))
    if entry is None or entry[0] is not frame:
        entry = _HELD.put(id(frame), (frame, {}, {}))
    _, known, distinct = entry
    ask = [pair for pair in wanted if pair not in known]
    if ask and frame.height <= _DISTINCT_ROWS:
        for col, v in ask:
            if col not in distinct:
                distinct[col] = set(frame.get_column(col).unique().to_list())
            known[col, v] = v in distinct[col]
    elif ask:
        found = frame.select(
            (pl.col(col) == v).any().alias(str(i)) for i, (col, v) in enumerate(ask)
        ).row(0)
        known.update(zip(ask, (bool(x) for x in found), strict=True))
    return known


def _suggestion(frame: pl.DataFrame, column: str, value: Any) -> str:
    """ "; did you mean 'London'?" from the column's own values, or what it holds."""
    import difflib

    held = [v for v in frame.get_column(column).unique().to_list() if v is not None]
    if isinstance(value, str):  # a near spelling; a number's neighbour is no suggestion
        texts = {str(v): v for v in held}
        by_case = [t for t in texts if t.casefold() == value.casefold()]
        close = by_case or difflib.get_close_matches(value, list(texts), n=1, cutoff=0.6)
        if close:
            return f"; did you mean {show_value(texts[close[0]])}?"
    if len(held) <= 6:
        return f" (it holds {', '.join(show_value(v) for v in sorted(held, key=str))})"
    return ""


def show_value(v: Any) -> str:
    """A filter's literal as a person wrote it: 'London', 2023, 0.2."""
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, str) else str(v)


def period(ds: Dataset, column: str, value: Scalar, figure: str) -> Selection:
    """The rows of one period of a change: `column == value`, typed by the engine's rule."""
    at = f"figures.{figure}.period"
    kind = ds.column(column, where=at).type
    clause = Clause(column, "eq", coerce_value(value, kind, at))
    _refuse_absent(ds, [clause], figure, "period", at=at)  # a period the data lack
    return Selection((clause,))


def coerce_value(value: Scalar, column_type: str, where: str) -> Any:
    """A spec's literal as the column's type, for comparing with it; a value that is
    not of that type is an error naming the spec's field."""
    if column_type == "int":
        if isinstance(value, int):
            return value
        try:
            return int(str(value))
        except ValueError:
            raise PressgenError(f"{value!r} is not a whole number", where=where) from None
    if column_type == "decimal":
        try:
            return Decimal(str(value))
        except decimal.InvalidOperation:
            raise PressgenError(f"{value!r} is not a number", where=where) from None
    if column_type == "bool":
        return bool(value)
    return str(value)


def describe_where(where: Where) -> str:
    """A filter in words, as provenance shows it: "area = 'North' and year ≥ 2023"."""
    if not where:
        return "all rows"
    parts = []
    for col, cond in where.items():
        if isinstance(cond, Condition):
            parts.append(f"{col} {describe_condition(cond)}")
        elif isinstance(cond, list):
            parts.append(f"{col} in ({', '.join(show_value(v) for v in cond)})")
        else:
            parts.append(f"{col} = {show_value(cond)}")
    return " and ".join(parts)


def describe_condition(cond: Condition) -> str:
    symbols = {"eq": "=", "ne": "≠", "gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
    parts = [
        f"{symbols[op]} {show_value(getattr(cond, op))}"
        for op in symbols
        if getattr(cond, op) is not None
    ]
    if cond.in_ is not None:
        parts.append(f"in [{', '.join(show_value(v) for v in cond.in_)}]")
    if cond.not_in is not None:
        parts.append(f"not in [{', '.join(show_value(v) for v in cond.not_in)}]")
    return " and ".join(parts)


def joined_filter(prefix: str, filt: str) -> str:
    """A group's filter before a spec's own: "force = 'Kent' and course = 'X'"."""
    if not prefix:
        return filt
    return prefix if filt == "all rows" else f"{prefix} and {filt}"


def meets(value: int | Decimal, cond: Condition) -> bool:
    """Whether a figure's value meets a condition ("26 forces saw more thefts")."""
    checks: dict[str, Callable[[Any, Decimal], bool]] = {
        "eq": lambda a, b: a == b,
        "ne": lambda a, b: a != b,
        "gt": lambda a, b: a > b,
        "ge": lambda a, b: a >= b,
        "lt": lambda a, b: a < b,
        "le": lambda a, b: a <= b,
    }
    for op, test in checks.items():
        ref = getattr(cond, op)
        if ref is not None and not test(value, Decimal(str(ref))):
            return False
    if cond.in_ is not None and value not in [Decimal(str(v)) for v in cond.in_]:
        return False
    return not (cond.not_in is not None and value in [Decimal(str(v)) for v in cond.not_in])
