"""A campaign's figures within each group of a column, and how the groups compare.

The common measures (count, sum, mean, min, max, share, change, difference) are computed
for every group in one `group_by` over the frame; other specs run the ordinary figure
engine on each group's rows (the frame is partitioned once), and figures built from
other figures (formulas, rates per time) then follow from those. The result is the same
`Figure` the engine would give on the group's rows, with the group in its filter.
"""

from __future__ import annotations

import ast
import decimal
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import polars as pl

from ..dataset import ROW, Dataset, suppressed_col
from ..errors import PressgenError
from ..figures import (
    MAX_ROW_NUMBERS,
    Figure,
    Provenance,
    Value,
    change_value,
    compute_figures,
    describe_where,
    exact_value,
    filter_expr,
    rank_values,
    small_count_warnings,
)
from ..specs import (
    AggregateSpec,
    ChangeSpec,
    CountGroupsSpec,
    CountSpec,
    FigureSpec,
    FormulaSpec,
    FrequencySpec,
    RangeSpec,
    ShareSpec,
)

GROUP = "__group"
_CTX = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)
_DERIVED = (CountGroupsSpec, FrequencySpec, RangeSpec, FormulaSpec)


@dataclass(frozen=True)
class GroupFigures:
    """One group's figures, or the one-line reason they could not be computed."""

    group: str
    figures: Mapping[str, Figure] | None
    error: str | None = None


@dataclass(frozen=True)
class Standing:
    """What every group's comparison on one figure shares: the national figure, the
    average across the groups, how many were ranked, and whether the figure is a total
    that adds up across groups."""

    name: str
    national: Value
    average: Decimal
    of: int
    additive: bool


@dataclass(frozen=True)
class Comparison:
    """How one group's figure compares with the other groups and the whole dataset.

    `rank` is a competition rank among the groups with a value, highest first (1, 2, 2,
    4), `joint` says it is shared, `of` is how many groups were ranked. `share_of_total`
    is set only for totals that add up across groups (counts, sums, differences and
    formulas that only add or subtract them)."""

    kind: str
    value: Value
    rank: int | None
    joint: bool
    standing: Standing

    @property
    def name(self) -> str:
        return self.standing.name

    @property
    def of(self) -> int:
        return self.standing.of

    @property
    def national(self) -> Value:
        return self.standing.national

    @property
    def average(self) -> Decimal:
        return self.standing.average

    @property
    def additive(self) -> bool:
        return self.standing.additive

    @property
    def share_of_total(self) -> Decimal | None:
        st = self.standing
        if not st.additive or st.national == 0:
            return None
        with decimal.localcontext(_CTX):
            return Decimal(self.value) / Decimal(st.national)

    @property
    def diff_from_average(self) -> Decimal:
        with decimal.localcontext(_CTX):
            return Decimal(self.value) - self.standing.average

    @property
    def diff_from_national(self) -> Value:
        return self.value - self.standing.national


def group_values(dataset: Dataset, each: str) -> tuple[list[str], int]:
    """The distinct values of `each`, sorted, and how many rows have none."""
    dataset.column(each, where="--each")
    col = dataset.frame[each]
    values = sorted({str(v) for v in col.drop_nulls().unique().to_list()})
    return values, col.null_count()


def compute_group_figures(
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default: str,
    each: str,
    *,
    small_count: int,
) -> dict[str, GroupFigures]:
    """Every spec evaluated within each group of column `each` of the default dataset."""
    ds = datasets[default]
    groups, _ = group_values(ds, each)
    fast: dict[str, _Plan] = {}
    slow: list[str] = []
    for name, spec in specs.items():
        if isinstance(spec, _DERIVED):
            continue
        plan = _plan(name, spec, ds, default) if spec.dataset in (None, default) else None
        if plan is None:
            slow.append(name)
        else:
            fast[name] = plan
    aggs: dict[str, dict[str, Any]] = {g: {} for g in groups}
    if fast:
        exprs = [e for p in fast.values() for e in p.exprs]
        key = pl.col(each).cast(pl.String).alias(GROUP)
        table = ds.frame.filter(pl.col(each).is_not_null()).group_by(key).agg(exprs)
        for row in table.iter_rows(named=True):
            aggs[row[GROUP]] = row
    parts: dict[str, pl.DataFrame] = {}
    if slow:
        keyed = ds.frame.filter(pl.col(each).is_not_null()).with_columns(
            pl.col(each).cast(pl.String).alias(GROUP)
        )
        for k, sub in keyed.partition_by(GROUP, as_dict=True, include_key=False).items():
            parts[str(k[0])] = sub
    out: dict[str, GroupFigures] = {}
    for g in groups:
        try:
            with decimal.localcontext(_CTX):
                figs = _one_group(
                    g, specs, datasets, default, each, fast, slow, aggs[g], parts, small_count
                )
            out[g] = GroupFigures(g, figs)
        except PressgenError as exc:
            out[g] = GroupFigures(g, None, exc.line())
    return out


def compare_groups(
    specs: Mapping[str, FigureSpec],
    national: Mapping[str, Figure],
    results: Mapping[str, GroupFigures],
) -> dict[str, dict[str, Comparison]]:
    """For every group, its comparison on each single-number figure."""
    additive = additive_figures(specs)
    out: dict[str, dict[str, Comparison]] = {g: {} for g in results}
    for name, fig in national.items():
        if not _is_number(fig.value):
            continue
        values: dict[str, Value] = {}
        kinds: dict[str, str] = {}
        for g, res in results.items():
            figs = res.figures
            if figs is not None and name in figs:
                f = figs[name]
                if _is_number(f.value):
                    values[g] = f.value
                    kinds[g] = f.kind
        if not values:
            continue
        ranks = rank_values(list(values.items()), descending=True)
        with decimal.localcontext(_CTX):
            average = Decimal(sum(values.values(), start=0)) / len(values)
        standing = Standing(name, fig.value, average, len(values), name in additive)
        for g, v in values.items():
            rank, joint = ranks[g]
            out[g][name] = Comparison(kinds[g], v, rank, joint, standing)
    return out


def additive_figures(specs: Mapping[str, FigureSpec]) -> set[str]:
    """Figures whose group values add up to the national one (so a share of it means
    something): row counts, sums, differences, and formulas that add or subtract them."""
    out = {
        n
        for n, s in specs.items()
        if (isinstance(s, CountSpec) and s.distinct is None)
        or (isinstance(s, AggregateSpec) and s.method == "sum")
        or (isinstance(s, ChangeSpec) and s.method == "difference")
    }
    changed = True
    while changed:
        changed = False
        for n, s in specs.items():
            if n not in out and isinstance(s, FormulaSpec) and _adds_only(s.expr, out):
                out.add(n)
                changed = True
    return out


# -- internals ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    spec: FigureSpec
    exprs: tuple[pl.Expr, ...]


def _col(name: str, i: str) -> str:
    return f"{name}\x1f{i}"


def _plan(name: str, spec: FigureSpec, ds: Dataset, default: str) -> _Plan | None:
    """The aggregations a spec needs, or None when it must run on the group's rows."""
    m = filter_expr(ds, spec.where, name)

    def base(mask: pl.Expr, tag: str = "") -> list[pl.Expr]:
        return [
            mask.sum().alias(_col(name, f"rows{tag}")),
            pl.col(ROW).filter(mask).head(MAX_ROW_NUMBERS).alias(_col(name, f"nums{tag}")),
        ]

    def numeric(column: str) -> bool:
        col = ds.column(column, where=f"figures.{name}.column")
        return col.type in ("int", "decimal")

    if isinstance(spec, CountSpec):
        exprs = base(m)
        if spec.distinct:
            ds.column(spec.distinct, where=f"figures.{name}.distinct")
            exprs.append(
                pl.col(spec.distinct).filter(m).drop_nulls().n_unique().alias(_col(name, "v"))
            )
        return _Plan(spec, tuple(exprs))
    if isinstance(spec, AggregateSpec):
        if spec.method == "median" or not numeric(spec.column):
            return None
        c = spec.column
        return _Plan(
            spec,
            (
                *base(m),
                pl.col(suppressed_col(c)).filter(m).sum().alias(_col(name, "sup")),
                pl.col(c).filter(m).sum().alias(_col(name, "sum")),
                pl.col(c).filter(m).count().alias(_col(name, "n")),
                pl.col(c).filter(m).min().alias(_col(name, "min")),
                pl.col(c).filter(m).max().alias(_col(name, "max")),
            ),
        )
    if isinstance(spec, ShareSpec):
        if spec.column is not None and not numeric(spec.column):
            return None
        p = m & filter_expr(ds, spec.part, name, "part")
        exprs = base(m)
        if spec.column is None:
            exprs += [p.sum().alias(_col(name, "part"))]
        else:
            c = spec.column
            exprs += [
                pl.col(suppressed_col(c)).filter(m).sum().alias(_col(name, "sup")),
                pl.col(c).filter(m).sum().alias(_col(name, "whole")),
                pl.col(c).filter(p).sum().alias(_col(name, "part")),
            ]
        return _Plan(spec, tuple(exprs))
    if isinstance(spec, ChangeSpec):
        if spec.column is not None and not numeric(spec.column):
            return None
        ptype = ds.column(spec.period, where=f"figures.{name}.period").type
        if ptype not in ("text", "int"):
            return None
        from_ = int(spec.from_) if ptype == "int" else str(spec.from_)
        to = int(spec.to) if ptype == "int" else str(spec.to)
        exprs = []
        for tag, val in (("b", from_), ("a", to)):
            mm = m & (pl.col(spec.period) == val)
            exprs += base(mm, tag)
            if spec.column is not None:
                exprs += [
                    pl.col(spec.column).filter(mm).sum().alias(_col(name, f"sum{tag}")),
                    pl.col(suppressed_col(spec.column))
                    .filter(mm)
                    .sum()
                    .alias(_col(name, f"sup{tag}")),
                ]
        return _Plan(spec, tuple(exprs))
    return None


def _one_group(
    group: str,
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default: str,
    each: str,
    fast: Mapping[str, _Plan],
    slow: list[str],
    agg: Mapping[str, Any],
    parts: Mapping[str, pl.DataFrame],
    small: int,
) -> dict[str, Figure]:
    ds = datasets[default]
    prefix = f"{each} = {group!r}"
    known: dict[str, Figure] = {}
    for name, plan in fast.items():
        fig = _from_aggregates(name, plan.spec, ds, agg, prefix, small)
        if plan.spec.kind:
            fig = replace(fig, kind=plan.spec.kind)
        known[name] = fig
    if slow:
        sub = replace(ds, frame=parts.get(group, ds.frame.clear()))
        group_sets = {**datasets, default: sub}
        first = compute_figures(
            {n: specs[n] for n in slow}, group_sets, default, small_count=small, known=known
        )
        for n in slow:
            f = first[n]
            known[n] = replace(f, provenance=_prefixed(f.provenance, prefix))
    else:
        group_sets = dict(datasets)
    return compute_figures(specs, group_sets, default, small_count=small, known=known)


def _prefixed(prov: Provenance, prefix: str) -> Provenance:
    return replace(
        prov, filter=prefix if prov.filter == "all rows" else f"{prefix} and {prov.filter}"
    )


def _from_aggregates(
    name: str, spec: FigureSpec, ds: Dataset, agg: Mapping[str, Any], prefix: str, small: int
) -> Figure:
    def get(i: str, default: Any = 0) -> Any:
        v = agg.get(_col(name, i))
        return default if v is None else v

    def prov(method: str, tag: str = "", suppressed: int = 0) -> Provenance:
        filt = _describe(spec)
        return Provenance(
            source=ds.manifest.file,
            dataset=ds.manifest.title,
            method=method,
            filter=prefix if filt == "all rows" else f"{prefix} and {filt}",
            rows=int(get(f"rows{tag}")),
            row_numbers=tuple(int(x) for x in get(f"nums{tag}", [])),
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


def _is_number(v: Any) -> bool:
    return isinstance(v, int | Decimal) and not isinstance(v, bool)


def _adds_only(expr: str, additive: set[str]) -> bool:
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError:
        return False

    def ok(node: ast.AST) -> bool:
        if isinstance(node, ast.Expression):
            return ok(node.body)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
            return ok(node.left) and ok(node.right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return ok(node.operand)
        return isinstance(node, ast.Name) and node.id in additive

    return ok(tree)
