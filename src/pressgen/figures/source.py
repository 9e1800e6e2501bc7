"""The aggregate source: the few aggregations every figure method computes from.

A method never reads rows itself. It names the aggregations it needs as `Agg` keys
(the rows a selection matches, their first row numbers, a column's sum, count, minimum,
maximum, suppressed cells, distinct values...), and builds its figure from their values.
Whoever holds the data answers those keys:

- the whole frame (`FrameSource`: one `select` per figure),
- every group of a batch at once (`evaluate_groups`: one `group_by` for all figures),
- a cube of cells over a large frame (`figures.aggregates`),

so a method is written once and gives the same figure on all three. An `Agg` with `by`
asks for the aggregation within each value of that column (a `group` figure's rows):
its value is a dict from the value, as text, to the aggregate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from pressgen.figures.model import MAX_ROW_NUMBERS
from pressgen.figures.where import Selection
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import ROW, suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

AggOp = Literal[
    "rows",
    "nums",
    "sum",
    "count",
    "min",
    "max",
    "suppressed",
    "distinct",
    "values",
    "first",
    "keys",
]
#: The column a batch's group key is computed into.
GROUP = "__group"

Values = Mapping["Agg", Any]


class Agg:
    """One aggregation over the rows of `dataset` that `sel` selects:

    rows        how many rows                 nums     their first row numbers
    sum         total of `column` (0 if none) count    its cells that hold a value
    min, max    of `column`                   suppressed  its suppressed cells
    distinct    distinct values of `column`   values   its values, sorted
    first       `column` in the first row     keys     its distinct values

    Keys are made by a `Keys` when specs are planned: one object per distinct
    aggregation, so a key is compared and hashed by identity (a batch looks keys up for
    thousands of groups: hashing their fields each time was a large part of it).
    """

    __slots__ = ("by", "column", "dataset", "op", "sel")

    def __init__(
        self, dataset: str, op: AggOp, sel: Selection, column: str | None, by: str | None
    ) -> None:
        self.dataset = dataset
        self.op = op
        self.sel = sel
        self.column = column
        self.by = by

    def __repr__(self) -> str:
        return f"Agg({self.dataset!r}, {self.op!r}, {self.sel!r}, {self.column!r}, {self.by!r})"


class Keys:
    """The one `Agg` for each distinct aggregation, within one planning: two figures
    over the same rows get the same key, and the aggregation is computed once."""

    def __init__(self) -> None:
        self._made: dict[tuple[Any, ...], Agg] = {}

    def __call__(
        self,
        dataset: str,
        op: AggOp,
        sel: Selection,
        column: str | None = None,
        by: str | None = None,
    ) -> Agg:
        key = (dataset, op, sel, column, by)
        agg = self._made.get(key)
        if agg is None:
            agg = self._made[key] = Agg(dataset, op, sel, column, by)
        return agg


def row_expr(a: Agg) -> pl.Expr:
    """The aggregation as a polars expression over rows: each group of a group_by."""
    m = a.sel.expr()
    if a.op == "rows":
        # Counted on a column: a mask that is a bare literal (no filter) sums to 1.
        return pl.col(ROW).filter(m).len()
    if a.op == "nums":
        return pl.col(ROW).filter(m).head(MAX_ROW_NUMBERS)
    assert a.column is not None, a
    if a.op == "suppressed":
        return pl.col(suppressed_col(a.column)).filter(m).sum()
    c = pl.col(a.column).filter(m)
    if a.op == "sum":
        return c.sum()
    if a.op == "count":
        return c.count()
    if a.op == "min":
        return c.min()
    if a.op == "max":
        return c.max()
    if a.op == "distinct":
        return c.drop_nulls().n_unique()
    if a.op == "values":
        return c.drop_nulls().sort()
    if a.op == "first":
        return c.first()
    return c.drop_nulls().unique()  # keys


def evaluate_rows(frame: pl.DataFrame, aggs: Sequence[Agg]) -> dict[Agg, Any]:
    """Every aggregation over the rows of `frame`: one filter per selection, then the
    plain aggregations on its columns; one `group_by` per column that `by`
    aggregations split on. (A query per aggregation would cost far more on the small
    frames most campaigns have: planning and scheduling one costs more than running it,
    while a column's sum is a direct call.)"""
    out: dict[Agg, Any] = {}
    by_sel: dict[Selection, list[Agg]] = {}
    for a in aggs:
        if a.by is None:
            by_sel.setdefault(a.sel, []).append(a)
    for sel, plain in by_sel.items():
        rows = frame.filter(sel.expr()) if sel.clauses else frame
        for a in plain:
            out[a] = _on_rows(rows, a)
    for by, split in _by_column(aggs).items():
        table = frame.group_by(by).agg(row_expr(a).alias(f"a{i}") for i, a in enumerate(split))
        parts: list[dict[str, Any]] = [{} for _ in split]
        for key, *values in table.iter_rows():
            if key is None:
                continue
            for part, v in zip(parts, values, strict=True):
                part[str(key)] = v
        out.update(zip(split, parts, strict=True))
    return out


def _on_rows(rows: pl.DataFrame, a: Agg) -> Any:
    """One plain aggregation over rows already selected."""
    if a.op == "rows":
        return rows.height
    if a.op == "nums":
        return rows[ROW].head(MAX_ROW_NUMBERS).to_list()
    assert a.column is not None, a
    if a.op == "suppressed":
        return rows[suppressed_col(a.column)].sum()
    col = rows[a.column]
    if a.op == "sum":
        return col.sum()
    if a.op == "count":
        return col.count()
    if a.op == "min":
        return col.min()
    if a.op == "max":
        return col.max()
    if a.op == "distinct":
        return col.drop_nulls().n_unique()
    if a.op == "values":
        return col.drop_nulls().sort().to_list()
    if a.op == "first":
        return col[0] if rows.height else None
    return col.drop_nulls().unique().to_list()  # keys


def evaluate_groups(
    frame: pl.DataFrame, each: str, aggs: Sequence[Agg], groups: Iterable[str]
) -> dict[str, dict[Agg, Any]]:
    """Every aggregation within each group of column `each` (as text), in one `group_by`
    for the plain ones and one per column that `by` aggregations split on."""
    out: dict[str, dict[Agg, Any]] = {g: {} for g in groups}
    keyed = frame.filter(pl.col(each).is_not_null())
    key = pl.col(each).cast(pl.String).alias(GROUP)
    plain = [a for a in aggs if a.by is None]
    if plain:
        table = keyed.group_by(key).agg(row_expr(a).alias(f"a{i}") for i, a in enumerate(plain))
        for group, *values in _rows(table):
            out.setdefault(group, {}).update(zip(plain, values, strict=True))
    for by, split in _by_column(aggs).items():
        table = keyed.group_by(key, pl.col(by)).agg(
            row_expr(a).alias(f"a{i}") for i, a in enumerate(split)
        )
        for group, sub, *values in _rows(table):
            if sub is None:
                continue
            got = out.setdefault(group, {})
            for a, v in zip(split, values, strict=True):
                got.setdefault(a, {})[str(sub)] = v
    for got in out.values():  # a group without rows for a split still has its dicts
        for a in aggs:
            if a.by is not None:
                got.setdefault(a, {})
    return out


def _rows(table: pl.DataFrame) -> Iterable[tuple[Any, ...]]:
    """The table's rows as tuples, as iter_rows gives them, converted a column at a time
    (a quarter of the cost for a batch's thousands of groups: the serial part of it)."""
    return zip(*(col.to_list() for col in table.get_columns()), strict=True)


def _by_column(aggs: Sequence[Agg]) -> dict[str, list[Agg]]:
    split: dict[str, list[Agg]] = {}
    for a in aggs:
        if a.by is not None:
            split.setdefault(a.by, []).append(a)
    return split


class FrameSource:
    """The aggregations over whole frames, computed when first asked for and kept for
    the computation it serves (a campaign's figures, or a batch's shared ones)."""

    def __init__(self, frames: Mapping[str, pl.DataFrame]) -> None:
        self._frames = frames
        self._done: dict[Agg, Any] = {}

    def values(self, aggs: Sequence[Agg]) -> Values:
        missing = [a for a in dict.fromkeys(aggs) if a not in self._done]
        by_dataset: dict[str, list[Agg]] = {}
        for a in missing:
            by_dataset.setdefault(a.dataset, []).append(a)
        for name, wanted in by_dataset.items():
            self._done.update(evaluate_rows(self._frames[name], wanted))
        return self._done
