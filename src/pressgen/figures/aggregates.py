"""Figures computed from aggregations: the common specs (count, sum, mean, min, max,
share, change) as polars expressions, so that every such figure of a campaign comes out
of one pass over a frame: a cube over a whole large dataset (`one_pass_figures`, used by
`compute_figures`), or one `group_by` for every group of a batch (batch.groups).

The result is the very `Figure` the engine in `figures` would give on the same rows,
provenance included; tests hold the two to that.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import polars as pl

from pressgen.errors import PressgenError
from pressgen.figures.engine import (
    DECIMAL_CONTEXT,
    MAX_ROW_NUMBERS,
    Figure,
    Provenance,
    Value,
    change_value,
    coerce_value,
    describe_where,
    exact_value,
    filter_expr,
    small_count_warnings,
)
from pressgen.figures.specs import AggregateSpec, ChangeSpec, CountSpec, FigureSpec, ShareSpec
from pressgen.sources.dataset import ROW, Dataset, suppressed_col


@dataclass(frozen=True)
class Plan:
    """A spec and the aggregations that compute it in one pass over a frame."""

    spec: FigureSpec
    exprs: tuple[pl.Expr, ...]


def _col(name: str, i: str) -> str:
    return f"{name}\x1f{i}"


class Rows:
    """Aggregations over rows themselves: the whole frame, or each group of a group_by."""

    def rows(self, m: pl.Expr) -> pl.Expr:
        # Counted on a column: a mask that is a bare literal (no filter) sums to 1.
        return pl.col(ROW).filter(m).len()

    def nums(self, m: pl.Expr) -> pl.Expr:
        return pl.col(ROW).filter(m).head(MAX_ROW_NUMBERS)

    def sum(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(c).filter(m).sum()

    def count(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(c).filter(m).count()

    def min(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(c).filter(m).min()

    def max(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(c).filter(m).max()

    def suppressed(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(suppressed_col(c)).filter(m).sum()

    def distinct(self, c: str, m: pl.Expr) -> pl.Expr | None:
        return pl.col(c).filter(m).drop_nulls().n_unique()


CUBE_ROWS = "\x1frows"
CUBE_NUMS = "\x1fnums"
CUBE_ALL = "\x1fall"
#: How many rows of the frame the cube takes its row numbers from.
NUMS_PREFIX = 100_000


class Cube(Rows):
    """The same aggregations over a cube: the frame grouped by every column a filter
    reads, each cell holding its row count, its first row numbers and, per value column,
    sum, count, min, max and suppressed cells. Filters read the key columns, so they
    select cells exactly as they select rows, and each measure recombines exactly (a sum
    of sums, a min of mins, the lowest row numbers of the cells' lowest)."""

    @staticmethod
    def cells(value_columns: list[str]) -> list[pl.Expr]:
        """The aggregations that make each cell of the cube, but its row numbers (which
        come from a prefix of the frame: see one_pass_figures)."""
        out = [pl.len().alias(CUBE_ROWS)]
        for c in value_columns:
            out += [
                pl.col(c).sum().alias(_col(c, "sum")),
                pl.col(c).count().alias(_col(c, "n")),
                pl.col(c).min().alias(_col(c, "min")),
                pl.col(c).max().alias(_col(c, "max")),
                pl.col(suppressed_col(c)).sum().alias(_col(c, "sup")),
            ]
        return out

    def rows(self, m: pl.Expr) -> pl.Expr:
        return pl.col(CUBE_ROWS).filter(m).sum()

    def nums(self, m: pl.Expr) -> pl.Expr:
        return pl.col(CUBE_NUMS).filter(m).explode().drop_nulls().sort().head(MAX_ROW_NUMBERS)

    def sum(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(_col(c, "sum")).filter(m).sum()

    def count(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(_col(c, "n")).filter(m).sum()

    def min(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(_col(c, "min")).filter(m).min()

    def max(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(_col(c, "max")).filter(m).max()

    def suppressed(self, c: str, m: pl.Expr) -> pl.Expr:
        return pl.col(_col(c, "sup")).filter(m).sum()

    def distinct(self, c: str, m: pl.Expr) -> pl.Expr | None:
        return None  # distinct values do not recombine: the engine counts them


def plan_for(name: str, spec: FigureSpec, ds: Dataset, over: Rows | None = None) -> Plan | None:
    """The aggregations a spec needs, or None when it must run through the engine on
    the matching rows."""
    a = over or Rows()
    m = filter_expr(ds, spec.where, name)

    def base(mask: pl.Expr, tag: str = "") -> list[pl.Expr]:
        return [
            a.rows(mask).alias(_col(name, f"rows{tag}")),
            a.nums(mask).alias(_col(name, f"nums{tag}")),
        ]

    def numeric(column: str) -> bool:
        col = ds.column(column, where=f"figures.{name}.column")
        return col.type in ("int", "decimal")

    if isinstance(spec, CountSpec):
        exprs = base(m)
        if spec.distinct:
            ds.column(spec.distinct, where=f"figures.{name}.distinct")
            distinct = a.distinct(spec.distinct, m)
            if distinct is None:
                return None
            exprs.append(distinct.alias(_col(name, "v")))
        return Plan(spec, tuple(exprs))
    if isinstance(spec, AggregateSpec):
        if spec.method == "median" or not numeric(spec.column):
            return None
        c = spec.column
        return Plan(
            spec,
            (
                *base(m),
                a.suppressed(c, m).alias(_col(name, "sup")),
                a.sum(c, m).alias(_col(name, "sum")),
                a.count(c, m).alias(_col(name, "n")),
                a.min(c, m).alias(_col(name, "min")),
                a.max(c, m).alias(_col(name, "max")),
            ),
        )
    if isinstance(spec, ShareSpec):
        if spec.column is not None and not numeric(spec.column):
            return None
        p = m & filter_expr(ds, spec.part, name, "part")
        exprs = base(m)
        if spec.column is None:
            exprs += [a.rows(p).alias(_col(name, "part"))]
        else:
            c = spec.column
            exprs += [
                a.suppressed(c, m).alias(_col(name, "sup")),
                a.sum(c, m).alias(_col(name, "whole")),
                a.sum(c, p).alias(_col(name, "part")),
            ]
        return Plan(spec, tuple(exprs))
    if isinstance(spec, ChangeSpec):
        if spec.column is not None and not numeric(spec.column):
            return None
        ptype = ds.column(spec.period, where=f"figures.{name}.period").type
        if ptype not in ("text", "int"):
            return None
        at = f"figures.{name}.period"
        from_, to = coerce_value(spec.from_, ptype, at), coerce_value(spec.to, ptype, at)
        exprs = []
        for tag, val in (("b", from_), ("a", to)):
            mm = m & (pl.col(spec.period) == val)
            exprs += base(mm, tag)
            if spec.column is not None:
                exprs += [
                    a.sum(spec.column, mm).alias(_col(name, f"sum{tag}")),
                    a.suppressed(spec.column, mm).alias(_col(name, f"sup{tag}")),
                ]
        return Plan(spec, tuple(exprs))
    return None


def from_aggregates(
    name: str, spec: FigureSpec, ds: Dataset, agg: Mapping[str, Any], prefix: str, small: int
) -> Figure:
    """The figure from its plan's aggregates (`agg`, keyed as the plan's expressions are
    aliased); `prefix` is the group's own filter ("force = 'Kent Police'"), or ""."""
    key = name + "\x1f"  # as _col() spells it

    def get(i: str, default: Any = 0) -> Any:
        v = agg.get(key + i)
        return default if v is None else v

    def prov(method: str, tag: str = "", suppressed: int = 0) -> Provenance:
        filt = _describe(spec)
        return Provenance(
            source=ds.manifest.file,
            dataset=ds.manifest.title,
            method=method,
            filter=joined_filter(prefix, filt),
            rows=int(get(f"rows{tag}")),
            row_numbers=tuple(map(int, get(f"nums{tag}", ()))),
            suppressed=suppressed,
        )

    def warns(value: Any, kind: str, sup: int, rows: int, column: str | None) -> tuple[str, ...]:
        return small_count_warnings(value, kind, sup, rows, column, small)

    where = f"figures.{name}.where"
    if isinstance(spec, CountSpec):
        rows = int(get("rows"))
        n_rows = int(get("v")) if spec.distinct else rows
        method = f"count of distinct {spec.distinct}" if spec.distinct else "count of rows"
        return Figure(
            name, "count", n_rows, prov(method), spec.label, warns(n_rows, "count", 0, rows, None)
        )
    if isinstance(spec, AggregateSpec):
        col = ds.manifest.columns[spec.column]
        kind = "money" if col.currency else "count" if col.type == "int" else "number"
        sup = int(get("sup"))
        rows = int(get("rows"))
        n = int(get("n"))
        result: Value
        if spec.method == "sum":
            result = exact_value(get("sum"))
        elif n == 0:
            raise PressgenError(
                f"no values to take the {spec.method} of: no rows match", where=where
            )
        elif spec.method == "mean":
            result = Decimal(exact_value(get("sum"))) / n
            kind = "money" if col.currency else "number"
        else:
            result = exact_value(get(spec.method))
        extra = {"currency": col.currency} if col.currency else {}
        return Figure(
            name,
            kind,
            result,
            prov(f"{spec.method} of {spec.column}", suppressed=sup),
            spec.label,
            warns(result, kind, sup, rows, spec.column),
            extra,
        )
    if isinstance(spec, ShareSpec):
        rows = int(get("rows"))
        if spec.column is None:
            whole: Value = rows
            sup = 0
        else:
            whole = exact_value(get("whole"))
            sup = int(get("sup"))
        part = exact_value(get("part"))
        if whole == 0:
            raise PressgenError("share of a whole that is zero", where=where)
        share = Decimal(part) / Decimal(whole)
        what = spec.column or "rows"
        return Figure(
            name,
            "share",
            share,
            prov(
                f"share: {what} where {describe_where(spec.part)}, of {what} in all matched rows",
                suppressed=sup,
            ),
            spec.label,
            warns(share, "share", sup, rows, spec.column),
            {"part": part, "whole": whole},
        )
    assert isinstance(spec, ChangeSpec)
    at = f"figures.{name}.period"
    nb, na = int(get("rowsb")), int(get("rowsa"))
    if spec.column is None:
        before: Value = nb
        after: Value = na
        s1 = s2 = 0
    else:
        before, after = exact_value(get("sumb")), exact_value(get("suma"))
        s1, s2 = int(get("supb")), int(get("supa"))
    if nb == 0 or na == 0:
        missing = spec.from_ if nb == 0 else spec.to
        raise PressgenError(f"no rows for period {missing!r}", where=at)
    diff = after - before
    value, kind = change_value(spec, before, after, at)
    nums = tuple(int(x) for x in get("numsb", [])) + tuple(int(x) for x in get("numsa", []))
    p = replace(
        prov(
            f"{spec.method} in {spec.column or 'rows'} from {spec.from_} to {spec.to}",
            suppressed=s1 + s2,
        ),
        rows=nb + na,
        row_numbers=nums[:MAX_ROW_NUMBERS],
    )
    return Figure(
        name,
        kind,
        value,
        p,
        spec.label,
        warns(value, "change", s1 + s2, nb + na, spec.column),
        {
            "from_value": before,
            "to_value": after,
            "difference": diff,
            "from_period": spec.from_,
            "to_period": spec.to,
        },
    )


_DESCRIBED: dict[int, tuple[FigureSpec, str]] = {}


def _describe(spec: FigureSpec) -> str:
    """`describe_where` of a spec's filter, once per spec (it is the same for every group)."""
    hit = _DESCRIBED.get(id(spec))
    if hit is None or hit[0] is not spec:
        if len(_DESCRIBED) > 4096:
            _DESCRIBED.clear()
        hit = _DESCRIBED[id(spec)] = (spec, describe_where(spec.where))
    return hit[1]


def joined_filter(prefix: str, filt: str) -> str:
    """A group's filter before a spec's own: "force = 'Kent' and course = 'X'"."""
    if not prefix:
        return filt
    return prefix if filt == "all rows" else f"{prefix} and {filt}"


def one_pass_figures(
    specs: Mapping[str, FigureSpec],
    ds: Dataset,
    default: str,
    small: int,
    skip: Mapping[str, Figure],
    prefix: int = NUMS_PREFIX,
) -> dict[str, Figure]:
    """Every spec on dataset `ds` that a cube can compute, from one pass over its frame:
    a `group_by` on the columns the filters read (see Cube), then each figure from the
    few cells its filter selects. Specs it cannot compute are left to the engine, and so
    is a spec whose figure fails (no rows, a zero whole), for the engine to report in
    its own order. Nothing is computed when the cube would not be much smaller than the
    frame (filters on a column with many values)."""
    candidates = {n: s for n, s in specs.items() if n not in skip and s.dataset in (None, default)}
    keys: set[str] = set()
    values: set[str] = set()
    for spec in candidates.values():
        keys.update(spec.where)
        if isinstance(spec, ShareSpec):
            keys.update(spec.part)
        if isinstance(spec, ChangeSpec):
            keys.add(spec.period)
        if isinstance(spec, AggregateSpec | ShareSpec | ChangeSpec) and spec.column:
            values.add(spec.column)
    frame = ds.frame
    keys &= set(frame.columns)  # a column the frame lacks: its spec fails in plan_for
    values &= set(frame.columns)
    value_cols = sorted(v for v in values if ds.manifest.columns[v].type in ("int", "decimal"))
    cube = Cube()
    plans: dict[str, Plan] = {}
    for name, spec in candidates.items():
        try:
            p = plan_for(name, spec, ds, cube)
        except PressgenError:
            continue
        if p is not None:
            plans[name] = p
    if not plans:
        return {}
    by = sorted(keys) or [CUBE_ALL]
    lf = frame.lazy()
    if not keys:  # every spec reads all rows: the cube is one cell
        lf = lf.with_columns(pl.lit(True).alias(CUBE_ALL))
    table = lf.group_by(by).agg(Cube.cells(value_cols)).collect()
    if table.height > max(1_000, frame.height // 20):
        return {}  # as many cells as rows, nearly: the engine's filters cost no more
    # Row numbers: listing every cell's first rows over the whole frame costs more time
    # and memory than the rest of the cube together, so they come from a prefix of the
    # frame. Rows are in file order, so a figure's first numbers found there are its
    # first numbers overall, as long as there are enough of them (checked below).
    head = lf.head(prefix).group_by(by).agg(pl.col(ROW).head(MAX_ROW_NUMBERS).alias(CUBE_NUMS))
    table = table.join(head.collect(), on=by, how="left", nulls_equal=True)
    exprs = [e.implode() if "\x1fnums" in _alias(e) else e for p in plans.values() for e in p.exprs]
    agg = table.lazy().select(exprs).collect().row(0, named=True)
    out: dict[str, Figure] = {}
    for name, p in plans.items():
        if not _numbers_complete(name, agg):
            continue  # a figure whose rows are mostly further on: the engine lists them
        try:
            with decimal.localcontext(DECIMAL_CONTEXT):
                fig = from_aggregates(name, p.spec, ds, agg, "", small)
        except PressgenError:
            continue
        out[name] = replace(fig, kind=p.spec.kind) if p.spec.kind else fig
    return out


def _numbers_complete(name: str, agg: Mapping[str, Any]) -> bool:
    """Whether a figure's row numbers from the prefix are its first ones: there are
    as many as it lists (MAX_ROW_NUMBERS), or as many as it has rows."""
    for tag in ("", "b", "a"):
        rows = agg.get(_col(name, f"rows{tag}"))
        if rows is not None and len(agg[_col(name, f"nums{tag}")] or ()) < min(
            rows, MAX_ROW_NUMBERS
        ):
            return False
    return True


def _alias(expr: pl.Expr) -> str:
    return expr.meta.output_name()
