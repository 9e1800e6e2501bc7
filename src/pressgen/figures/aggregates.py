"""A campaign's figures from one pass over a large frame: a cube of cells.

The cube is the frame grouped by every column a filter reads, each cell holding its row
count, its first row numbers and, per value column, sum, count, min, max and suppressed
cells. Filters read the key columns, so they select cells exactly as they select rows,
and each aggregation recombines exactly (a sum of sums, a min of mins, the lowest row
numbers of the cells' lowest). The cube is one more aggregate source (see `source`):
every method that needs only those aggregations is built from it by its own `build`.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pressgen.errors import PressgenError
from pressgen.figures.methods import DATA_METHODS
from pressgen.figures.model import DECIMAL_CONTEXT, MAX_ROW_NUMBERS, Figure
from pressgen.figures.plan import DataMethod, Datasets, Plan, Scope, with_kind
from pressgen.figures.source import Agg, Keys
from pressgen.figures.specs import FigureSpec
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import ROW, Dataset, suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

#: The aggregations that recombine from cells (distinct values, medians do not).
CUBE_OPS = frozenset({"rows", "nums", "sum", "count", "min", "max", "suppressed"})
#: How many rows of the frame the cube takes its row numbers from.
NUMS_PREFIX = 100_000
_ROWS = "__cube_rows"
_NUMS = "__cube_nums"
_ALL = "__cube_all"
_STATS = ("sum", "count", "min", "max", "suppressed")


class Cube:
    """The cells' aggregations, and each `Agg` recombined from them."""

    def __init__(self, value_columns: list[str]) -> None:
        self._cell = {
            (c, stat): f"__cube_{i}_{stat}" for i, c in enumerate(value_columns) for stat in _STATS
        }

    def cells(self) -> list[pl.Expr]:
        """What makes each cell, but its row numbers (from a prefix of the frame)."""
        out = [pl.len().alias(_ROWS)]
        for (c, stat), alias in self._cell.items():
            if stat == "suppressed":
                out.append(pl.col(suppressed_col(c)).sum().alias(alias))
            else:
                out.append(getattr(pl.col(c), stat)().alias(alias))
        return out

    def expr(self, a: Agg) -> pl.Expr:
        m = a.sel.expr()
        if a.op == "rows":
            return pl.col(_ROWS).filter(m).sum()
        if a.op == "nums":
            nums = pl.col(_NUMS).filter(m).explode().drop_nulls().sort()
            return nums.head(MAX_ROW_NUMBERS).implode()
        assert a.column is not None, a
        cell = pl.col(self._cell[(a.column, a.op)]).filter(m)
        return cell.min() if a.op == "min" else cell.max() if a.op == "max" else cell.sum()


def one_pass_figures(
    specs: Mapping[str, FigureSpec],
    ds: Dataset,
    default: str,
    small: int,
    skip: Mapping[str, Figure],
    prefix: int = NUMS_PREFIX,
) -> dict[str, Figure]:
    """Every spec on dataset `ds` that a cube can compute, from one pass over its frame:
    a `group_by` on the columns the filters read, then each figure from the few cells
    its filter selects. Specs it cannot compute are left to the engine, and so is a spec
    whose figure fails (no rows, a zero whole), for the engine to report in its own
    order. Nothing is computed when the cube would not be much smaller than the frame
    (filters on a column with many values)."""
    frame = ds.frame
    data = Datasets({default: ds}, default)
    plans = _cube_plans(specs, data, skip, set(frame.columns))
    if not plans:
        return {}
    keys = sorted({c for _, p in plans.values() for a in p.aggs for c in a.sel.columns})
    values = sorted({a.column for _, p in plans.values() for a in p.aggs if a.column})
    cube = Cube(values)
    by = keys or [_ALL]
    lf = frame.lazy()
    if not keys:  # every spec reads all rows: the cube is one cell
        lf = lf.with_columns(pl.lit(True).alias(_ALL))
    table = lf.group_by(by).agg(cube.cells()).collect()
    if table.height > max(1_000, frame.height // 20):
        return {}  # as many cells as rows, nearly: the engine's filters cost no more
    # Row numbers: listing every cell's first rows over the whole frame costs more time
    # and memory than the rest of the cube together, so they come from a prefix of the
    # frame. Rows are in file order, so a figure's first numbers found there are its
    # first numbers overall, as long as there are enough of them (checked below).
    head = lf.head(prefix).group_by(by).agg(pl.col(ROW).head(MAX_ROW_NUMBERS).alias(_NUMS))
    table = table.join(head.collect(), on=by, how="left", nulls_equal=True)
    wanted: dict[Agg, None] = {}
    for _, plan in plans.values():
        for a in plan.aggs:
            wanted[a] = None
            if a.op == "nums":  # to tell whether the prefix held all it lists
                wanted[data.keys(a.dataset, "rows", a.sel)] = None
    aggs = list(wanted)
    row = table.lazy().select(cube.expr(a).alias(f"a{i}") for i, a in enumerate(aggs))
    got = dict(zip(aggs, row.collect().row(0), strict=True))
    out: dict[str, Figure] = {}
    scope = Scope("", small)
    for name, (method, plan) in plans.items():
        if not _numbers_complete(plan, got, data.keys):
            continue  # a figure whose rows are mostly further on: the engine lists them
        try:
            with decimal.localcontext(DECIMAL_CONTEXT):
                fig = method.build(plan, got, scope)
        except PressgenError:
            continue
        out[name] = with_kind(fig, plan.spec)
    return out


def _cube_plans(
    specs: Mapping[str, FigureSpec],
    data: Datasets,
    skip: Mapping[str, Figure],
    columns: set[str],
) -> dict[str, tuple[DataMethod, Plan[Any]]]:
    """The specs a cube can serve, planned: every aggregation they read recombines from
    cells, over columns the frame holds, with no date filters (compared as text)."""
    default = data.default
    ds = data.by_name[default]
    out: dict[str, tuple[DataMethod, Plan[Any]]] = {}
    for name, spec in specs.items():
        method = DATA_METHODS.get(type(spec))
        if method is None or name in skip or spec.dataset not in (None, default):
            continue
        try:
            plan = method.plan(name, spec, data)
        except PressgenError:
            continue  # the engine reports it, in its turn
        if all(_servable(a, ds, default, columns) for a in plan.aggs):
            out[name] = (method, plan)
    return out


def _servable(a: Agg, ds: Dataset, default: str, columns: set[str]) -> bool:
    if a.op not in CUBE_OPS or a.by is not None or a.dataset != default:
        return False
    if a.column is not None and a.column not in columns:
        return False
    for c in a.sel.columns:
        if c not in columns or ds.manifest.columns[c].type == "date":
            return False
    return True


def _numbers_complete(plan: Plan[Any], got: Mapping[Agg, Any], keys: Keys) -> bool:
    """Whether a figure's row numbers from the prefix are its first ones: there are
    as many as it lists (MAX_ROW_NUMBERS), or as many as it has rows."""
    for a in plan.aggs:
        if a.op == "nums":
            rows = got[keys(a.dataset, "rows", a.sel)]
            if len(got[a] or ()) < min(rows, MAX_ROW_NUMBERS):
                return False
    return True
