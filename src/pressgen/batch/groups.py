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

from pressgen.errors import PressgenError
from pressgen.figures.aggregates import Plan, from_aggregates, joined_filter, plan_for
from pressgen.figures.engine import (
    DECIMAL_CONTEXT,
    Figure,
    Provenance,
    Value,
    compute_figures,
    rank_values,
)
from pressgen.figures.specs import (
    AggregateSpec,
    ChangeSpec,
    CountGroupsSpec,
    CountSpec,
    FigureSpec,
    FormulaSpec,
    FrequencySpec,
    RangeSpec,
)
from pressgen.sources.dataset import Dataset

GROUP = "__group"
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
        with decimal.localcontext(DECIMAL_CONTEXT):
            return Decimal(self.value) / Decimal(st.national)

    @property
    def diff_from_average(self) -> Decimal:
        with decimal.localcontext(DECIMAL_CONTEXT):
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
    fast: dict[str, Plan] = {}
    slow: list[str] = []
    for name, spec in specs.items():
        if isinstance(spec, _DERIVED):
            continue
        plan = plan_for(name, spec, ds) if spec.dataset in (None, default) else None
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
            with decimal.localcontext(DECIMAL_CONTEXT):
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
        with decimal.localcontext(DECIMAL_CONTEXT):
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


def _one_group(
    group: str,
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default: str,
    each: str,
    fast: Mapping[str, Plan],
    slow: list[str],
    agg: Mapping[str, Any],
    parts: Mapping[str, pl.DataFrame],
    small: int,
) -> dict[str, Figure]:
    ds = datasets[default]
    prefix = f"{each} = {group!r}"
    known: dict[str, Figure] = {}
    for name, plan in fast.items():
        fig = from_aggregates(name, plan.spec, ds, agg, prefix, small)
        if plan.spec.kind:
            fig = replace(fig, kind=plan.spec.kind)
        known[name] = fig
    if slow:
        sub = replace(ds, frame=parts.get(group, ds.frame.clear()))
        group_sets = {**datasets, default: sub}
        first = compute_figures(
            {n: specs[n] for n in slow},
            group_sets,
            default,
            small_count=small,
            known=known,
            one_pass=False,
        )
        for n in slow:
            f = first[n]
            known[n] = replace(f, provenance=_prefixed(f.provenance, prefix))
    else:
        group_sets = dict(datasets)
    # The aggregated figures are known; what is left is built from them (one_pass: no).
    return compute_figures(
        specs, group_sets, default, small_count=small, known=known, one_pass=False
    )


def _prefixed(prov: Provenance, prefix: str) -> Provenance:
    return replace(prov, filter=joined_filter(prefix, prov.filter))


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
