"""Computing a campaign's figures: each spec planned once, built by its method, figures
that use other figures after them; a cycle or an unknown name is an error naming the
figure.

The same engine computes the figures over the whole dataset (`compute_figures`, whose
aggregations come from the frame, or from a cube for large frames) and within one group
of a batch (`figures_from`, whose aggregations were computed for every group at once).
"""

from __future__ import annotations

import contextlib
import decimal
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pressgen.errors import PressgenError
from pressgen.figures.aggregates import one_pass_figures
from pressgen.figures.grouped import rank_values
from pressgen.figures.methods import DATA_METHODS, DERIVED_METHODS
from pressgen.figures.model import (
    DECIMAL_CONTEXT,
    SMALL_COUNT,
    Figure,
    GroupRow,
    Provenance,
    Value,
    json_value,
)
from pressgen.figures.plan import Datasets, Plan, Scope, with_kind
from pressgen.figures.source import FrameSource, Values
from pressgen.figures.specs import (
    AggregateSpec,
    ChangeSpec,
    CountSpec,
    FigureSpec,
    GroupSpec,
    LookupSpec,
    RateSpec,
    RatioSpec,
    ShareSpec,
    TableSpec,
)
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import Dataset, suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

__all__ = [
    "ONE_PASS_ROWS",
    "Engine",
    "Figure",
    "GroupRow",
    "Plans",
    "Provenance",
    "Value",
    "compute_figures",
    "figures_from",
    "json_value",
    "plan_figures",
    "rank_values",
    "required_columns",
    "suppressed_cells",
    "suppressed_cells_expr",
]

#: From this many rows, compute_figures computes the common specs in one pass.
ONE_PASS_ROWS = 20_000


class Plans:
    """Specs planned against their datasets, each once, when first needed (so a bad spec
    is reported in its turn, as the figures are computed)."""

    def __init__(self, specs: Mapping[str, FigureSpec], data: Datasets) -> None:
        self.specs = specs
        self.data = data
        self._done: dict[str, Plan[Any]] = {}

    def __call__(self, name: str) -> Plan[Any]:
        plan = self._done.get(name)
        if plan is None:
            spec = self.specs[name]
            method = DATA_METHODS.get(type(spec)) or DERIVED_METHODS[type(spec)]
            plan = self._done[name] = method.plan(name, spec, self.data)
        return plan


class Engine:
    """Figures by name, each computed once: its plan, then its method's figure from the
    aggregations `values` gives for that plan, or from the figures it uses. Run it in
    DECIMAL_CONTEXT (the entry points below do, once for all its figures)."""

    def __init__(
        self,
        specs: Mapping[str, FigureSpec],
        plan: Callable[[str], Plan[Any]],
        values: Callable[[Plan[Any]], Values],
        scope: Scope,
    ) -> None:
        self.specs = specs
        self.plan = plan
        self.values = values
        self.scope = scope
        self.done: dict[str, Figure] = {}
        self.active: list[str] = []

    def figure(self, name: str, wanted_by: str | None = None) -> Figure:
        if name in self.done:
            return self.done[name]
        if name not in self.specs:
            where = f"figures.{wanted_by}" if wanted_by else None
            raise PressgenError(f"uses unknown figure {name!r}", where=where)
        if name in self.active:
            cycle = " -> ".join([*self.active[self.active.index(name) :], name])
            raise PressgenError(f"figures refer to each other in a circle: {cycle}")
        self.active.append(name)
        try:
            fig = self._compute(name, self.specs[name])
        finally:
            self.active.pop()
        self.done[name] = fig
        return fig

    def _compute(self, name: str, spec: FigureSpec) -> Figure:
        plan = self.plan(name)
        method = DATA_METHODS.get(type(spec))
        if method is not None:
            fig = method.build(plan, self.values(plan), self.scope)
        else:
            fig = DERIVED_METHODS[type(spec)].derive(plan, self.figure)
        return with_kind(fig, spec) if spec.kind else fig


def compute_figures(
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default_dataset: str,
    *,
    small_count: int = SMALL_COUNT,
    one_pass: bool | None = None,
) -> dict[str, Figure]:
    """Evaluate every spec over the whole datasets; figures that use other figures are
    computed after them.

    With `one_pass` (the default for datasets of ONE_PASS_ROWS rows or more), the common
    specs on the default dataset are computed together from one cube over its frame
    (`aggregates`) instead of one filter each; the figures are the same."""
    plans = Plans(specs, Datasets(datasets, default_dataset))
    source = FrameSource({k: ds.frame for k, ds in datasets.items()})
    engine = Engine(specs, plans, lambda plan: source.values(plan.aggs), Scope("", small_count))
    ds = datasets.get(default_dataset)
    if ds is not None and (ds.frame.height >= ONE_PASS_ROWS if one_pass is None else one_pass):
        engine.done.update(one_pass_figures(specs, ds, default_dataset, small_count, {}))
    _prefetch(specs, plans, source, engine.done)
    with decimal.localcontext(DECIMAL_CONTEXT):
        for name in specs:
            engine.figure(name)
    return {name: engine.done[name] for name in specs}


def _prefetch(
    specs: Mapping[str, FigureSpec], plans: Plans, source: FrameSource, done: Mapping[str, Any]
) -> None:
    """Every aggregation the figures still to compute read, in one pass per dataset
    rather than one per figure. A spec that cannot be planned is left to report its
    problem in its turn, and so is a pass that fails (each figure then reads alone)."""
    wanted: list[Any] = []
    for name, spec in specs.items():
        if name in done or type(spec) not in DATA_METHODS:
            continue
        try:
            wanted.extend(plans(name).aggs)
        except PressgenError:
            continue
    if wanted:
        with contextlib.suppress(Exception):  # a polars error: the figure reports it alone
            source.values(wanted)


def plan_figures(
    specs: Mapping[str, FigureSpec], datasets: Mapping[str, Dataset], default_dataset: str
) -> dict[str, Plan[Any]]:
    """Every spec planned, in order (the first bad one raises): what a batch computes
    its groups' aggregations for and builds each group's figures from."""
    plans = Plans(specs, Datasets(datasets, default_dataset))
    return {name: plans(name) for name in specs}


def figures_from(
    specs: Mapping[str, FigureSpec],
    plans: Mapping[str, Plan[Any]],
    values: Values,
    scope: Scope,
) -> dict[str, Figure]:
    """Every figure built from aggregations already computed (`values` holds every
    aggregation the plans read: one group's, in a batch). No data is read: a batch's
    workers call this."""
    engine = Engine(specs, plans.__getitem__, lambda plan: values, scope)
    with decimal.localcontext(DECIMAL_CONTEXT):
        for name in specs:
            engine.figure(name)
    return {name: engine.done[name] for name in specs}


def required_columns(specs: Mapping[str, FigureSpec], default_dataset: str) -> dict[str, set[str]]:
    """Which columns of which dataset the specs read, so loaders read nothing else."""
    need: dict[str, set[str]] = {}

    def add(ds: str | None, *cols: str | None) -> None:
        need.setdefault(ds or default_dataset, set()).update(c for c in cols if c)

    for spec in specs.values():
        ds = spec.dataset
        add(ds, *spec.where)
        if isinstance(spec, CountSpec):
            add(ds, spec.distinct)
        elif isinstance(spec, AggregateSpec | LookupSpec):
            add(ds, spec.column)
        elif isinstance(spec, ShareSpec):
            add(ds, spec.column, *spec.part)
        elif isinstance(spec, RatioSpec):
            add(ds, spec.column, spec.denominator)
        elif isinstance(spec, TableSpec):
            add(ds, spec.rows, spec.columns, spec.column, spec.denominator, *(spec.part or {}))
        elif isinstance(spec, ChangeSpec):
            add(ds, spec.column, spec.period)
        elif isinstance(spec, GroupSpec | RateSpec):
            if isinstance(spec, GroupSpec):
                add(ds, spec.by, spec.column, spec.period, spec.denominator, *(spec.part or {}))
            else:
                add(ds, spec.column, spec.population.on)
            if spec.population is not None:
                pop = spec.population
                add(pop.dataset, pop.column, pop.on, *pop.where)
                add(ds, pop.on)
    return need


def suppressed_cells_expr(plans: Iterable[Plan[Any]], dataset: str) -> pl.Expr | None:
    """An aggregation counting the suppressed cells of `dataset` the figures leave out:
    per number column, those in the rows any figure reading that column matches. Each
    cell counts once (adding up the figures' own counts would count a cell once for
    every figure that reads it). None when no figure reads a number column."""
    masks: dict[str, pl.Expr] = {}
    for plan in plans:
        for a in plan.aggs:
            if a.op == "suppressed" and a.dataset == dataset and a.column is not None:
                m = a.sel.expr()
                masks[a.column] = masks[a.column] | m if a.column in masks else m
    if not masks:
        return None
    return pl.sum_horizontal(
        (pl.col(suppressed_col(c)) & m).sum() for c, m in sorted(masks.items())
    )


def suppressed_cells(
    specs: Mapping[str, FigureSpec], datasets: Mapping[str, Dataset], default_dataset: str
) -> int:
    """How many suppressed cells the figures leave out, each counted once."""
    plans = Plans(specs, Datasets(datasets, default_dataset))
    planned: list[Plan[Any]] = []
    for name in specs:
        try:
            planned.append(plans(name))
        except PressgenError:
            continue  # the figure itself reports the problem
    total = 0
    for key, ds in datasets.items():
        expr = suppressed_cells_expr(planned, key)
        if expr is not None and ds.frame.height:
            total += int(ds.frame.select(expr.alias("n"))["n"][0] or 0)
    return total
