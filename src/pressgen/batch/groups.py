"""A campaign's figures within each group of a column, and how the groups compare.

Every spec is planned once; the aggregations the plans read on the default dataset are
computed for every group in one `group_by` over the frame (`group_inputs`, in the
calling process: it is the only step that reads data), and those on other datasets once
for all. Each group's figures are then built from its own values by the figure engine
(`build_group`: pure Python, what a batch's workers run). The result is the same
`Figure` the engine would give on the group's rows, with the group in its filter.
"""

from __future__ import annotations

import ast
import decimal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from typing import Any

from pressgen.errors import PressgenError
from pressgen.figures.engine import figures_from, plan_figures, suppressed_cells_expr
from pressgen.figures.model import DECIMAL_CONTEXT, Figure, Value
from pressgen.figures.plan import Plan, Scope
from pressgen.figures.source import GROUP, Agg, FrameSource, evaluate_groups
from pressgen.figures.specs import AggregateSpec, ChangeSpec, CountSpec, FigureSpec, FormulaSpec
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import Dataset

pl = LazyModule("polars")
_UNSET = object()


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

    # Computed once when first read (by the template and the index alike), kept in the
    # instance's dict: functools.cached_property takes a lock on every read (3.11).
    @property
    def share_of_total(self) -> Decimal | None:
        got = self.__dict__.get("_share", _UNSET)
        if got is _UNSET:
            st = self.standing
            if not st.additive or st.national == 0:
                got = None
            else:
                # The context's own divide: what `/` gives within localcontext(it), at a
                # fraction of the cost of entering one for each figure of each group.
                got = DECIMAL_CONTEXT.divide(Decimal(self.value), Decimal(st.national))
            self.__dict__["_share"] = got
        return got  # type: ignore[no-any-return]

    @property
    def diff_from_average(self) -> Decimal:
        got = self.__dict__.get("_diff")
        if got is None:
            got = DECIMAL_CONTEXT.subtract(Decimal(self.value), self.standing.average)
            self.__dict__["_diff"] = got
        return got

    @property
    def diff_from_national(self) -> Value:
        return self.value - self.standing.national


def group_values(dataset: Dataset, each: str) -> tuple[list[str], int]:
    """The distinct values of `each` as text (as the grouped aggregation keys them),
    sorted, and how many rows have none."""
    dataset.column(each, where="--each")
    col = dataset.frame[each]
    values = sorted(set(col.drop_nulls().cast(pl.String).unique().to_list()))
    return values, col.null_count()


@dataclass(frozen=True)
class GroupInputs:
    """Everything a group's figures are built from: the plans, each group's
    aggregations (`values`), those every group shares (other datasets), and each group's
    suppressed cells (each counted once). Plain values: it crosses to worker processes."""

    specs: Mapping[str, FigureSpec]
    plans: Mapping[str, Plan[Any]]
    each: str
    groups: tuple[str, ...]
    values: Mapping[str, Mapping[Agg, Any]]
    shared: Mapping[Agg, Any]
    suppressed: Mapping[str, int]
    small: int


def group_inputs(
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default: str,
    each: str,
    *,
    small_count: int,
) -> GroupInputs:
    """Plan every spec (the first bad one raises) and compute what they read, for every
    group of column `each` of the default dataset at once."""
    ds = datasets[default]
    groups, _ = group_values(ds, each)
    plans = plan_figures(specs, datasets, default)
    aggs = list(dict.fromkeys(a for p in plans.values() for a in p.aggs))
    values = evaluate_groups(ds.frame, each, [a for a in aggs if a.dataset == default], groups)
    others = [a for a in aggs if a.dataset != default]
    got = FrameSource({k: d.frame for k, d in datasets.items()}).values(others)
    shared = {a: got[a] for a in others}
    return GroupInputs(
        specs,
        plans,
        each,
        tuple(groups),
        values,
        shared,
        _suppressed_by_group(plans, ds, default, each),
        small_count,
    )


def build_group(inputs: GroupInputs, group: str) -> GroupFigures:
    """One group's figures from its aggregations, or the one-line reason they failed."""
    got = {**inputs.shared, **inputs.values.get(group, {})}
    scope = Scope(f"{inputs.each} = {group!r}", inputs.small)
    try:
        return GroupFigures(group, figures_from(inputs.specs, inputs.plans, got, scope))
    except PressgenError as exc:
        return GroupFigures(group, None, exc.line())


def compute_group_figures(
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default: str,
    each: str,
    *,
    small_count: int,
) -> dict[str, GroupFigures]:
    """Every spec evaluated within each group of column `each` of the default dataset."""
    inputs = group_inputs(specs, datasets, default, each, small_count=small_count)
    return {g: build_group(inputs, g) for g in inputs.groups}


def _suppressed_by_group(
    plans: Mapping[str, Plan[Any]], main: Dataset, default: str, column: str
) -> dict[str, int]:
    """Each group's suppressed cells that its figures leave out, each counted once."""
    expr = suppressed_cells_expr(plans.values(), default)
    if expr is None:
        return {}
    table = (
        main.frame.filter(pl.col(column).is_not_null())
        .group_by(pl.col(column).cast(pl.String).alias(GROUP))
        .agg(expr.alias("n"))
    )
    return dict(zip(table[GROUP].to_list(), (int(n or 0) for n in table["n"]), strict=True))


#: A group's single-number figures, as the comparison needs them: value and kind.
Comparable = Mapping[str, tuple[Value, str]]


def comparable(figures: Mapping[str, Figure]) -> dict[str, tuple[Value, str]]:
    return {n: (f.value, f.kind) for n, f in figures.items() if _is_number(f.value)}


@dataclass(frozen=True)
class Ranking:
    """How the groups stand on each single-number figure: what they share
    (`standings`, in the national figures' order) and each group's place (`ranks`)."""

    standings: Mapping[str, Standing]
    ranks: Mapping[str, Mapping[str, tuple[int | None, bool]]]

    def comparisons(self, group: str, values: Comparable) -> dict[str, Comparison]:
        """One group's comparisons, from its own values and its places."""
        places = self.ranks.get(group, {})
        out: dict[str, Comparison] = {}
        new = object.__new__
        for name, standing in self.standings.items():
            place = places.get(name)
            if place is not None:
                value, kind = values[name]
                # Comparison(kind, value, rank, joint, standing), made as its frozen
                # __init__ would make it at a third of the cost (eleven a group).
                c = new(Comparison)
                c.__dict__.update(
                    kind=kind, value=value, rank=place[0], joint=place[1], standing=standing
                )
                out[name] = c
        return out

    def only(self, groups: Iterable[str]) -> Ranking:
        """The places of some groups only (what a worker needs for its share)."""
        return Ranking(self.standings, {g: self.ranks[g] for g in groups if g in self.ranks})


#: Groups' single-number values by figure, as the ranking needs them (and as a batch's
#: workers send them, a fraction of the cost of pickling a dict per group): the groups,
#: and for each figure the value of each group in that order (None: it has none).
Columns = tuple[list[str], dict[str, list[Value | None]]]


def value_columns(values: Mapping[str, Comparable]) -> Columns:
    groups = list(values)
    names = dict.fromkeys(n for v in values.values() for n in v)
    rows = list(values.values())
    return groups, {n: [v[n][0] if n in v else None for v in rows] for n in names}


def join_columns(parts: Iterable[Columns]) -> Columns:
    """Columns of several shares of the groups, one after the other."""
    groups: list[str] = []
    by_name: dict[str, list[Value | None]] = {}
    for part_groups, part in parts:
        before = len(groups)
        groups += part_groups
        for name, values in part.items():
            col = by_name.get(name)
            if col is None:
                col = by_name[name] = [None] * before
            col += values
        for col in by_name.values():
            col += [None] * (len(groups) - len(col))
    return groups, by_name


def rank_groups(
    specs: Mapping[str, FigureSpec],
    national: Mapping[str, Figure],
    values: Mapping[str, Comparable],
) -> Ranking:
    """Rank the groups with a value on each single-number national figure."""
    return rank_columns(specs, national, value_columns(values))


def rank_columns(
    specs: Mapping[str, FigureSpec], national: Mapping[str, Figure], columns: Columns
) -> Ranking:
    """rank_groups, from the groups' values by figure."""
    additive = additive_figures(specs)
    standings: dict[str, Standing] = {}
    ranks: dict[str, dict[str, tuple[int | None, bool]]] = {}
    first = itemgetter(0)
    groups, by_name = columns
    for name, fig in national.items():
        if not _is_number(fig.value):
            continue
        col = by_name.get(name)
        own = (
            []
            if col is None
            else [(v, g) for v, g in zip(col, groups, strict=True) if v is not None]
        )
        if not own:
            continue
        with decimal.localcontext(DECIMAL_CONTEXT):
            average = Decimal(sum(map(first, own), start=0)) / len(own)
        standings[name] = Standing(name, fig.value, average, len(own), name in additive)
        # Competition ranks, highest first (as figures.grouped.rank_values gives them):
        # a run of equal values shares the place of its first; the order within a run
        # does not change any place, so a plain descending sort is enough.
        own.sort(key=first, reverse=True)
        n = len(own)
        start = 0
        while start < n:
            end = start + 1
            value = own[start][0]
            while end < n and own[end][0] == value:
                end += 1
            place = (start + 1, end - start > 1)
            for _, g in own[start:end]:
                got = ranks.get(g)
                if got is None:
                    got = ranks[g] = {}
                got[name] = place
            start = end
    return Ranking(standings, ranks)


def compare_groups(
    specs: Mapping[str, FigureSpec],
    national: Mapping[str, Figure],
    results: Mapping[str, GroupFigures],
) -> dict[str, dict[str, Comparison]]:
    """For every group, its comparison on each single-number figure."""
    values = {g: comparable(r.figures) for g, r in results.items() if r.figures is not None}
    ranking = rank_groups(specs, national, values)
    return {g: ranking.comparisons(g, values.get(g, {})) for g in results}


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
