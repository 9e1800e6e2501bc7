"""Computing figures from datasets, each with the provenance that explains it.

A `Figure` holds an exact value (int or Decimal, never a binary float), its kind, and a
`Provenance`: the source file, the filter, the rows matched, the method and any
suppressed cells it touched. Figures that build on other figures are computed after
them; a cycle or an unknown name is an error naming the figure.
"""

from __future__ import annotations

import ast
import decimal
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pressgen.errors import PressgenError
from pressgen.figures.specs import (
    AggregateSpec,
    ChangeSpec,
    Condition,
    CountGroupsSpec,
    CountSpec,
    FigureSpec,
    FormulaSpec,
    FrequencySpec,
    GroupSpec,
    LookupSpec,
    Population,
    RangeSpec,
    RateSpec,
    Scalar,
    ShareSpec,
    Where,
)
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import ROW, Dataset, suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

Value = int | Decimal
MAX_ROW_NUMBERS = 50
#: From this many rows, compute_figures computes the common specs in one pass.
ONE_PASS_ROWS = 20_000
SMALL_COUNT = 5
#: The arithmetic every figure is computed in (34 significant digits, banker's rounding).
DECIMAL_CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)
_UNIT_MINUTES: dict[str, Decimal] = {
    "second": Decimal(1) / 60,
    "minute": Decimal(1),
    "hour": Decimal(60),
    "day": Decimal(1440),
    "week": Decimal(10080),
}


@dataclass(frozen=True)
class Provenance:
    """Where a figure came from: enough to explain it to a journalist and to re-check it."""

    source: str
    dataset: str
    method: str
    filter: str
    rows: int
    row_numbers: tuple[int, ...] = ()
    suppressed: int = 0
    inputs: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dataset": self.dataset,
            "method": self.method,
            "filter": self.filter,
            "rows": self.rows,
            "row_numbers": list(self.row_numbers),
            "suppressed": self.suppressed,
            "inputs": list(self.inputs),
        }


@dataclass(frozen=True)
class GroupRow:
    """One group's result within a `group` figure; `rank` is a competition rank (1, 2, 2, 4)
    and `joint` says the rank is shared."""

    group: str
    value: Value | None
    rank: int | None
    joint: bool
    rows: int
    suppressed: int = 0
    base: Value | None = None
    target: Value | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "value": json_value(self.value),
            "rank": self.rank,
            "joint": self.joint,
            "rows": self.rows,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class Figure:
    """A computed figure. `value` is exact; for `groups` it is a tuple of GroupRow and for
    `range` a (min, max) pair; `extra` carries the parts (part and whole of a share, the
    two periods of a change)."""

    name: str
    kind: str
    value: Any
    provenance: Provenance
    label: str | None = None
    warnings: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "value": json_value(self.value),
            "extra": {k: json_value(v) for k, v in self.extra.items()},
            "warnings": list(self.warnings),
            "provenance": self.provenance.as_dict(),
        }


def json_value(v: Any) -> Any:
    """Exact JSON form: ints stay numbers, Decimals become strings (no float rounding)."""
    if isinstance(v, Decimal):
        return str(v.normalize()) if v == v.to_integral_value() else str(v)
    if isinstance(v, GroupRow):
        return v.as_dict()
    if isinstance(v, tuple | list):
        return [json_value(x) for x in v]
    return v


def compute_figures(
    specs: Mapping[str, FigureSpec],
    datasets: Mapping[str, Dataset],
    default_dataset: str,
    *,
    small_count: int = SMALL_COUNT,
    known: Mapping[str, Figure] | None = None,
    one_pass: bool | None = None,
) -> dict[str, Figure]:
    """Evaluate every spec; figures that use other figures are computed after them.
    `known` holds figures already computed elsewhere (the batch's grouped aggregation);
    they are used as they are.

    With `one_pass` (the default for datasets of ONE_PASS_ROWS rows or more), the common
    specs on the default dataset are computed together in one pass over its frame
    (`aggregates`) instead of one filter each; the figures are the same."""
    engine = _Engine(specs, datasets, default_dataset, small_count)
    engine.done.update(known or {})
    ds = datasets.get(default_dataset)
    if ds is not None and (ds.frame.height >= ONE_PASS_ROWS if one_pass is None else one_pass):
        from pressgen.figures.aggregates import one_pass_figures

        engine.done.update(one_pass_figures(specs, ds, default_dataset, small_count, engine.done))
    for name in specs:
        engine.figure(name)
    return {name: engine.done[name] for name in specs}


def suppressed_cells_expr(
    specs: Mapping[str, FigureSpec], ds: Dataset, key: str, default_dataset: str
) -> pl.Expr | None:
    """An aggregation counting the suppressed cells the figures on dataset `key` leave
    out: per number column, those in the rows any figure reading that column matches.
    Each cell counts once (adding up the figures' own counts would count a cell once
    for every figure that reads it). None when no figure reads a number column."""
    masks: dict[str, pl.Expr] = {}
    for name, spec in specs.items():
        column = getattr(spec, "column", None)
        if (spec.dataset or default_dataset) != key or not isinstance(column, str):
            continue
        if suppressed_col(column) not in ds.frame.columns:
            continue
        try:
            mask = filter_expr(ds, spec.where, name)
            if isinstance(spec, ChangeSpec):
                ptype = ds.column(spec.period, where=f"figures.{name}.period").type
                at = f"figures.{name}.period"
                periods = [coerce_value(spec.from_, ptype, at), coerce_value(spec.to, ptype, at)]
                mask = mask & pl.col(spec.period).is_in(periods)
        except PressgenError:
            continue  # the figure itself reports the problem
        masks[column] = masks[column] | mask if column in masks else mask
    if not masks:
        return None
    return pl.sum_horizontal(
        (pl.col(suppressed_col(c)) & m).sum() for c, m in sorted(masks.items())
    )


def suppressed_cells(
    specs: Mapping[str, FigureSpec], datasets: Mapping[str, Dataset], default_dataset: str
) -> int:
    """How many suppressed cells the figures leave out, each counted once."""
    total = 0
    for key, ds in datasets.items():
        expr = suppressed_cells_expr(specs, ds, key, default_dataset)
        if expr is not None and ds.frame.height:
            total += int(ds.frame.select(expr.alias("n"))["n"][0] or 0)
    return total


def filter_expr(dataset: Dataset, where: Where, figure: str, field_name: str = "where") -> pl.Expr:
    """The polars expression for a spec's filter, checked against the dataset's columns."""
    return _Engine({}, {}, dataset.name, SMALL_COUNT)._filter(dataset, where, figure, field_name)


def small_count_warnings(
    value: Any, kind: str, suppressed: int, rows: int, column: str | None, small_count: int
) -> tuple[str, ...]:
    """The warnings a figure carries (suppressed cells, no rows, small numbers)."""
    return _Engine({}, {}, "", small_count)._warnings(value, kind, suppressed, rows, column)


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
        elif isinstance(spec, ChangeSpec):
            add(ds, spec.column, spec.period)
        elif isinstance(spec, GroupSpec | RateSpec):
            if isinstance(spec, GroupSpec):
                add(ds, spec.by, spec.column, spec.period, *(spec.part or {}))
            else:
                add(ds, spec.column, spec.population.on)
            if spec.population is not None:
                pop = spec.population
                add(pop.dataset, pop.column, pop.on, *pop.where)
                add(ds, pop.on)
    return need


@functools.lru_cache(maxsize=256)
def _parse_formula(expr: str) -> ast.Expression | None:
    """A formula's syntax tree (read, never changed), parsed once per text: a batch
    evaluates the same formulas for every group."""
    try:
        return ast.parse(expr, mode="eval")
    except SyntaxError:
        return None


class _Engine:
    def __init__(
        self,
        specs: Mapping[str, FigureSpec],
        datasets: Mapping[str, Dataset],
        default_dataset: str,
        small_count: int,
    ) -> None:
        self.specs = specs
        self.datasets = datasets
        self.default = default_dataset
        self.small = small_count
        self.done: dict[str, Figure] = {}
        self.active: list[str] = []

    # -- dispatch --------------------------------------------------------------------

    def figure(self, name: str, *, wanted_by: str | None = None) -> Figure:
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
        handlers: dict[type, Callable[[str, Any], Figure]] = {
            CountSpec: self._count,
            AggregateSpec: self._aggregate,
            ShareSpec: self._share,
            ChangeSpec: self._change,
            GroupSpec: self._group,
            CountGroupsSpec: self._count_groups,
            RateSpec: self._rate,
            FrequencySpec: self._frequency,
            LookupSpec: self._lookup,
            RangeSpec: self._range,
            FormulaSpec: self._formula,
        }
        with decimal.localcontext(DECIMAL_CONTEXT):
            fig = handlers[type(spec)](name, spec)
        if spec.kind:
            fig = Figure(
                fig.name, spec.kind, fig.value, fig.provenance, fig.label, fig.warnings, fig.extra
            )
        return fig

    # -- helpers -----------------------------------------------------------------------

    def _dataset(self, name: str | None, fig: str) -> Dataset:
        key = name or self.default
        try:
            return self.datasets[key]
        except KeyError:
            raise PressgenError(
                f"no dataset {key!r} loaded", where=f"figures.{fig}.dataset"
            ) from None

    def _filter(self, ds: Dataset, where: Where, fig: str, field_name: str = "where") -> pl.Expr:
        expr = pl.lit(True)
        for col, cond in where.items():
            column = ds.column(col, where=f"figures.{fig}.{field_name}.{col}")
            c = pl.col(col)
            at = f"figures.{fig}.{field_name}.{col}"
            if isinstance(cond, Condition):
                for op in ("eq", "ne", "gt", "ge", "lt", "le"):
                    v = getattr(cond, op)
                    if v is not None:
                        lit = coerce_value(v, column.type, at)
                        expr = expr & getattr(c, op)(lit)
                if cond.in_ is not None:
                    expr = expr & c.is_in([coerce_value(v, column.type, at) for v in cond.in_])
                if cond.not_in is not None:
                    expr = expr & ~c.is_in([coerce_value(v, column.type, at) for v in cond.not_in])
            elif isinstance(cond, list):
                expr = expr & c.is_in([coerce_value(v, column.type, at) for v in cond])
            else:
                expr = expr & (c == coerce_value(cond, column.type, at))
        return expr

    def _rows(self, ds: Dataset, where: Where, fig: str) -> pl.DataFrame:
        return ds.frame.filter(self._filter(ds, where, fig))

    def _numeric(self, ds: Dataset, column: str, fig: str) -> None:
        col = ds.column(column, where=f"figures.{fig}.column")
        if col.type not in ("int", "decimal"):
            raise PressgenError(
                f"column {column!r} holds {col.type}, not numbers", where=f"figures.{fig}.column"
            )

    def _total(self, rows: pl.DataFrame, column: str | None) -> tuple[Value, int]:
        """Sum of `column` (or the row count) and how many suppressed cells were skipped."""
        if column is None:
            return rows.height, 0
        total = rows[column].sum()
        sup = int(rows[suppressed_col(column)].sum())
        return exact_value(total), sup

    def _prov(
        self,
        ds: Dataset,
        method: str,
        where: Where,
        rows: pl.DataFrame | None,
        suppressed: int = 0,
        inputs: tuple[str, ...] = (),
    ) -> Provenance:
        numbers: tuple[int, ...] = ()
        count = 0
        if rows is not None:
            count = rows.height
            numbers = tuple(int(r) for r in rows[ROW].head(MAX_ROW_NUMBERS).to_list())
        return Provenance(
            source=ds.manifest.file,
            dataset=ds.manifest.title,
            method=method,
            filter=describe_where(where),
            rows=count,
            row_numbers=numbers,
            suppressed=suppressed,
            inputs=inputs,
        )

    def _warnings(
        self, value: Any, kind: str, suppressed: int, rows: int, column: str | None
    ) -> tuple[str, ...]:
        out: list[str] = []
        if suppressed:
            out.append(
                f"{suppressed} suppressed cell{'s' if suppressed != 1 else ''} in {column!r} "
                "left out: the true figure may be higher"
            )
        if rows == 0:
            out.append("no rows match the filter")
        if kind == "count" and isinstance(value, int) and 0 < value < self.small:
            out.append(
                f"small number ({value} < {self.small}): could identify individuals; "
                "decide before publishing"
            )
        return tuple(out)

    # -- methods -----------------------------------------------------------------------

    def _count(self, name: str, spec: CountSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        rows = self._rows(ds, spec.where, name)
        if spec.distinct:
            ds.column(spec.distinct, where=f"figures.{name}.distinct")
            value: int = rows[spec.distinct].drop_nulls().n_unique()
            method = f"count of distinct {spec.distinct}"
        else:
            value = rows.height
            method = "count of rows"
        prov = self._prov(ds, method, spec.where, rows)
        return Figure(
            name,
            "count",
            value,
            prov,
            spec.label,
            self._warnings(value, "count", 0, rows.height, None),
        )

    def _aggregate(self, name: str, spec: AggregateSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        self._numeric(ds, spec.column, name)
        rows = self._rows(ds, spec.where, name)
        sup = int(rows[suppressed_col(spec.column)].sum())
        values = rows[spec.column].drop_nulls()
        col = ds.manifest.columns[spec.column]
        kind = "money" if col.currency else "count" if col.type == "int" else "number"
        value: Value | None
        if spec.method == "sum":
            value = exact_value(values.sum())
        elif values.len() == 0:
            raise PressgenError(
                f"no values to take the {spec.method} of: no rows match",
                where=f"figures.{name}.where",
            )
        elif spec.method == "mean":
            value = Decimal(exact_value(values.sum())) / values.len()
            kind = "money" if col.currency else "number"
        elif spec.method == "median":
            ordered = values.sort()
            n = ordered.len()
            mid = n // 2
            value = (
                exact_value(ordered[mid])
                if n % 2
                else (Decimal(exact_value(ordered[mid - 1])) + exact_value(ordered[mid])) / 2
            )
            if kind == "count" and isinstance(value, Decimal):
                kind = "number"
        else:
            value = exact_value(values.min() if spec.method == "min" else values.max())
        prov = self._prov(ds, f"{spec.method} of {spec.column}", spec.where, rows, sup)
        extra = {"currency": col.currency} if col.currency else {}
        return Figure(
            name,
            kind,
            value,
            prov,
            spec.label,
            self._warnings(value, kind, sup, rows.height, spec.column),
            extra,
        )

    def _share(self, name: str, spec: ShareSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        if spec.column:
            self._numeric(ds, spec.column, name)
        whole_rows = self._rows(ds, spec.where, name)
        part_rows = whole_rows.filter(self._filter(ds, spec.part, name, "part"))
        whole, sup_w = self._total(whole_rows, spec.column)
        part, _ = self._total(part_rows, spec.column)
        if whole == 0:
            raise PressgenError("share of a whole that is zero", where=f"figures.{name}.where")
        value = Decimal(part) / Decimal(whole)
        what = spec.column or "rows"
        prov = self._prov(
            ds,
            f"share: {what} where {describe_where(spec.part)}, of {what} in all matched rows",
            spec.where,
            whole_rows,
            sup_w,
        )
        return Figure(
            name,
            "share",
            value,
            prov,
            spec.label,
            self._warnings(value, "share", sup_w, whole_rows.height, spec.column),
            {"part": part, "whole": whole},
        )

    def _change(self, name: str, spec: ChangeSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        if spec.column:
            self._numeric(ds, spec.column, name)
        ptype = ds.column(spec.period, where=f"figures.{name}.period").type
        rows = self._rows(ds, spec.where, name)
        at = f"figures.{name}.period"
        before_rows = rows.filter(pl.col(spec.period) == coerce_value(spec.from_, ptype, at))
        after_rows = rows.filter(pl.col(spec.period) == coerce_value(spec.to, ptype, at))
        before, s1 = self._total(before_rows, spec.column)
        after, s2 = self._total(after_rows, spec.column)
        if before_rows.height == 0 or after_rows.height == 0:
            missing = spec.from_ if before_rows.height == 0 else spec.to
            raise PressgenError(f"no rows for period {missing!r}", where=at)
        diff = after - before
        used = pl.concat([before_rows, after_rows])
        value, kind = change_value(spec, before, after, at)
        prov = self._prov(
            ds,
            f"{spec.method} in {spec.column or 'rows'} from {spec.from_} to {spec.to}",
            spec.where,
            used,
            s1 + s2,
        )
        warns = self._warnings(value, "change", s1 + s2, used.height, spec.column)
        return Figure(
            name,
            kind,
            value,
            prov,
            spec.label,
            warns,
            {
                "from_value": before,
                "to_value": after,
                "difference": diff,
                "from_period": spec.from_,
                "to_period": spec.to,
            },
        )

    def _group(self, name: str, spec: GroupSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        ds.column(spec.by, where=f"figures.{name}.by")
        if spec.column:
            self._numeric(ds, spec.column, name)
        rows = self._rows(ds, spec.where, name)
        pops: dict[str, Value] = {}
        if spec.measure == "rate":
            if spec.population is None:
                raise PressgenError("a rate needs a population", where=f"figures.{name}.population")
            pops = self._populations(spec.population, name)
        results: list[tuple[str, Value | None, int, int, Value | None, Value | None]] = []
        ptype = (
            ds.column(spec.period, where=f"figures.{name}.period").type if spec.period else "text"
        )
        for key, sub in sorted(rows.group_by(spec.by), key=lambda kv: str(kv[0][0])):
            group = str(key[0])
            if key[0] is None:
                continue
            sup = int(sub[suppressed_col(spec.column)].sum()) if spec.column else 0
            base = target = None
            value: Value | None
            if spec.measure in ("change", "difference"):
                if spec.period is None or spec.from_ is None or spec.to is None:
                    raise PressgenError(
                        "a change needs period, from and to", where=f"figures.{name}.period"
                    )
                at = f"figures.{name}.period"
                b, _ = self._total(
                    sub.filter(pl.col(spec.period) == coerce_value(spec.from_, ptype, at)),
                    spec.column,
                )
                t, _ = self._total(
                    sub.filter(pl.col(spec.period) == coerce_value(spec.to, ptype, at)), spec.column
                )
                base, target = b, t
                if spec.measure == "difference":
                    value = t - b
                else:
                    value = None if b == 0 else Decimal(t - b) / Decimal(b)
            elif spec.measure == "share":
                whole, _ = self._total(sub, spec.column)
                part, _ = self._total(
                    sub.filter(self._filter(ds, spec.part or {}, name, "part")), spec.column
                )
                value = None if whole == 0 else Decimal(part) / Decimal(whole)
            elif spec.measure == "mean":
                total, _ = self._total(sub, spec.column)
                n = sub[spec.column].drop_nulls().len() if spec.column else sub.height
                value = None if n == 0 else Decimal(total) / n
            elif spec.measure == "rate":
                total, _ = self._total(sub, spec.column)
                pop = pops.get(group)
                value = None if not pop else Decimal(total) * spec.per / Decimal(pop)
            else:
                value, _ = self._total(sub, spec.column if spec.measure == "sum" else None)
            results.append((group, value, sub.height, sup, base, target))
        ranked = rank_values([(g, v) for g, v, *_ in results], descending=spec.order == "desc")
        rows_out = tuple(
            GroupRow(g, v, ranked[g][0], ranked[g][1], n, sup, base, target)
            for g, v, n, sup, base, target in sorted(
                results, key=lambda r: (ranked[r[0]][0] or 10**9, r[0])
            )
        )
        sup_total = sum(r.suppressed for r in rows_out)
        warns = list(self._warnings(None, "groups", sup_total, rows.height, spec.column))
        undefined = [r.group for r in rows_out if r.value is None]
        if undefined:
            warns.append(f"no value for {len(undefined)} group(s): {', '.join(undefined[:5])}")
        prov = self._prov(
            ds,
            f"{spec.measure} of {spec.column or 'rows'} by {spec.by}",
            spec.where,
            rows,
            sup_total,
        )
        kind = {"change": "change", "share": "share", "rate": "rate", "mean": "number"}.get(
            spec.measure, "count"
        )
        return Figure(
            name,
            "groups",
            rows_out,
            prov,
            spec.label,
            tuple(warns),
            {"measure_kind": kind, "by": spec.by},
        )

    def _count_groups(self, name: str, spec: CountGroupsSpec) -> Figure:
        src = self.figure(spec.of, wanted_by=name)
        if src.kind != "groups":
            raise PressgenError(f"{spec.of!r} is not a group figure", where=f"figures.{name}.of")
        hits = [r for r in src.value if r.value is not None and _meets(r.value, spec.condition)]
        prov = Provenance(
            source=src.provenance.source,
            dataset=src.provenance.dataset,
            method=f"groups of {spec.of} where value {describe_condition(spec.condition)}",
            filter=src.provenance.filter,
            rows=len(hits),
            inputs=(spec.of,),
        )
        return Figure(
            name, "count", len(hits), prov, spec.label, (), {"groups": tuple(r.group for r in hits)}
        )

    def _populations(self, pop: Population, name: str) -> dict[str, Value]:
        pds = self._dataset(pop.dataset, name)
        self._numeric(pds, pop.column, name)
        pds.column(pop.on, where=f"figures.{name}.population.on")
        prows = pds.frame.filter(self._filter(pds, pop.where, name, "population.where"))
        out: dict[str, Value] = {}
        for key, sub in prows.group_by(pop.on):
            out[str(key[0])] = exact_value(sub[pop.column].sum())
        return out

    def _rate(self, name: str, spec: RateSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        if spec.column:
            self._numeric(ds, spec.column, name)
        ds.column(spec.population.on, where=f"figures.{name}.population.on")
        rows = self._rows(ds, spec.where, name)
        total, sup = self._total(rows, spec.column)
        pops = self._populations(spec.population, name)
        keys = {str(k) for k in rows[spec.population.on].drop_nulls().unique().to_list()}
        missing = sorted(keys - set(pops))
        population = sum((pops[k] for k in keys if k in pops), start=0)
        if population == 0:
            raise PressgenError(
                "population is zero or has no matching areas", where=f"figures.{name}.population"
            )
        value = Decimal(total) * spec.per / Decimal(population)
        warns = list(self._warnings(value, "rate", sup, rows.height, spec.column))
        if missing:
            warns.append(f"no population for {len(missing)} area(s): {', '.join(missing[:5])}")
        prov = self._prov(
            ds,
            f"{spec.column or 'rows'} per {spec.per:,} of {spec.population.column} "
            f"({spec.population.dataset}, joined on {spec.population.on})",
            spec.where,
            rows,
            sup,
        )
        return Figure(
            name,
            "rate",
            value,
            prov,
            spec.label,
            tuple(warns),
            {"numerator": total, "population": population, "per": spec.per},
        )

    def _frequency(self, name: str, spec: FrequencySpec) -> Figure:
        src = self.figure(spec.of, wanted_by=name)
        if not isinstance(src.value, int | Decimal):
            raise PressgenError(f"{spec.of!r} is not a single number", where=f"figures.{name}.of")
        minutes = Decimal(spec.days) * 1440
        unit = _UNIT_MINUTES[spec.unit]
        if spec.method == "per_time":
            value = Decimal(src.value) * unit / minutes
            method = f"{spec.of} per {spec.unit} over {spec.days} days"
        else:
            if src.value == 0:
                raise PressgenError(
                    "an interval between no events is undefined", where=f"figures.{name}.of"
                )
            value = minutes / unit / Decimal(src.value)
            method = f"one {spec.of} every so many {spec.unit}s over {spec.days} days"
        prov = Provenance(
            src.provenance.source,
            src.provenance.dataset,
            method,
            src.provenance.filter,
            src.provenance.rows,
            src.provenance.row_numbers,
            src.provenance.suppressed,
            (spec.of,),
        )
        return Figure(
            name,
            "rate",
            value,
            prov,
            spec.label,
            src.warnings,
            {"unit": spec.unit, "days": spec.days},
        )

    def _lookup(self, name: str, spec: LookupSpec) -> Figure:
        ds = self._dataset(spec.dataset, name)
        col = ds.column(spec.column, where=f"figures.{name}.column")
        rows = self._rows(ds, spec.where, name)
        if rows.height != 1:
            raise PressgenError(
                f"the filter must pick out exactly one row; it matches {rows.height}",
                where=f"figures.{name}.where",
            )
        sup = 0
        if col.type in ("int", "decimal"):
            sup = int(rows[suppressed_col(spec.column)].sum())
            if sup:
                raise PressgenError(
                    "the value looked up is suppressed in the source "
                    f"({ds.row_label} {rows[ROW][0]})",
                    where=f"figures.{name}",
                )
        raw = rows[spec.column][0]
        value = exact_value(raw) if col.type in ("int", "decimal") else raw
        kind = (
            "money"
            if col.currency
            else "count"
            if col.type == "int"
            else "number"
            if col.type == "decimal"
            else "text"
        )
        prov = self._prov(ds, f"value of {spec.column}", spec.where, rows, sup)
        return Figure(name, kind, value, prov, spec.label, self._warnings(value, kind, 0, 1, None))

    def _range(self, name: str, spec: RangeSpec) -> Figure:
        src = self.figure(spec.of, wanted_by=name)
        if src.kind != "groups":
            raise PressgenError(f"{spec.of!r} is not a group figure", where=f"figures.{name}.of")
        valued = [r for r in src.value if r.value is not None]
        if not valued:
            raise PressgenError(f"{spec.of!r} has no group values", where=f"figures.{name}.of")
        lo = min(valued, key=lambda r: r.value)
        hi = max(valued, key=lambda r: r.value)
        prov = Provenance(
            src.provenance.source,
            src.provenance.dataset,
            f"min and max across {spec.of}",
            src.provenance.filter,
            src.provenance.rows,
            (),
            src.provenance.suppressed,
            (spec.of,),
        )
        return Figure(
            name,
            "range",
            (lo.value, hi.value),
            prov,
            spec.label,
            (),
            {
                "min_group": lo.group,
                "max_group": hi.group,
                "measure_kind": src.extra.get("measure_kind", "count"),
            },
        )

    def _formula(self, name: str, spec: FormulaSpec) -> Figure:
        tree = _parse_formula(spec.expr)
        if tree is None:
            raise PressgenError(f"cannot read formula {spec.expr!r}", where=f"figures.{name}.expr")
        used: list[str] = []

        def ev(node: ast.AST) -> Decimal:
            if isinstance(node, ast.Expression):
                return ev(node.body)
            if isinstance(node, ast.BinOp) and isinstance(
                node.op, ast.Add | ast.Sub | ast.Mult | ast.Div
            ):
                a, b = ev(node.left), ev(node.right)
                if isinstance(node.op, ast.Div):
                    if b == 0:
                        raise PressgenError("division by zero", where=f"figures.{name}.expr")
                    return a / b
                return (
                    a + b
                    if isinstance(node.op, ast.Add)
                    else a - b
                    if isinstance(node.op, ast.Sub)
                    else a * b
                )
            if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
                return -ev(node.operand)
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
            ):
                return Decimal(str(node.value))
            if isinstance(node, ast.Name):
                fig = self.figure(node.id, wanted_by=name)
                if not isinstance(fig.value, int | Decimal):
                    raise PressgenError(
                        f"{node.id!r} is not a single number", where=f"figures.{name}.expr"
                    )
                used.append(node.id)
                return Decimal(fig.value)
            raise PressgenError(
                "formulas allow only figure names, numbers, + - * / and brackets",
                where=f"figures.{name}.expr",
            )

        value = ev(tree)
        first = self.done[used[0]] if used else None
        prov = Provenance(
            source=first.provenance.source if first else "",
            dataset=first.provenance.dataset if first else "",
            method=f"formula {spec.expr}",
            filter="",
            rows=0,
            inputs=tuple(dict.fromkeys(used)),
        )
        return Figure(name, spec.kind or "ratio", value, prov, spec.label, ())


def change_value(spec: ChangeSpec, before: Value, after: Value, where: str) -> tuple[Value, str]:
    """A change spec's value and kind from the two periods' totals: the difference, or
    the relative change (undefined from zero)."""
    diff = after - before
    if spec.method == "difference":
        return diff, "count" if isinstance(diff, int) else "number"
    if before == 0:
        raise PressgenError(
            f"percentage change from zero in {spec.from_!r} is undefined", where=where
        )
    return Decimal(diff) / Decimal(before), "change"


def rank_values(
    items: list[tuple[str, Value | None]], *, descending: bool = True
) -> dict[str, tuple[int | None, bool]]:
    """Competition ranks (1, 2, 2, 4): equal values share a place and are 'joint'."""
    valued = sorted((v, g) for g, v in items if v is not None)
    if descending:
        valued.sort(key=lambda vg: vg[0], reverse=True)
    out: dict[str, tuple[int | None, bool]] = {g: (None, False) for g, v in items if v is None}
    counts: dict[Value, int] = {}
    for v, _ in valued:
        counts[v] = counts.get(v, 0) + 1
    rank = 0
    prev: Value | None = None
    for i, (v, g) in enumerate(valued, start=1):
        if prev is None or v != prev:
            rank = i
            prev = v
        out[g] = (rank, counts[v] > 1)
    return out


def describe_where(where: Where) -> str:
    if not where:
        return "all rows"
    parts = []
    for col, cond in where.items():
        if isinstance(cond, Condition):
            parts.append(f"{col} {describe_condition(cond)}")
        elif isinstance(cond, list):
            parts.append(f"{col} in ({', '.join(repr(v) for v in cond)})")
        else:
            parts.append(f"{col} = {cond!r}")
    return " and ".join(parts)


def describe_condition(cond: Condition) -> str:
    symbols = {"eq": "=", "ne": "≠", "gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
    parts = [
        f"{symbols[op]} {getattr(cond, op)!r}" for op in symbols if getattr(cond, op) is not None
    ]
    if cond.in_ is not None:
        parts.append(f"in {cond.in_!r}")
    if cond.not_in is not None:
        parts.append(f"not in {cond.not_in!r}")
    return " and ".join(parts)


def _meets(value: Value, cond: Condition) -> bool:
    checks: dict[str, Callable[[Value, Decimal], bool]] = {
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


def exact_value(v: Any) -> Value:
    """A value from the engine as an exact int or Decimal (missing is 0)."""
    if v is None:
        return 0
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int | Decimal):
        return v
    if isinstance(v, float):
        # Only reached for engines that return floats; the repr keeps what was stored.
        return Decimal(repr(v))
    raise PressgenError(f"not a number: {v!r}")
