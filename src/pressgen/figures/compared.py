"""Methods that relate two totals: a share of a whole, a change between two periods, and a
rate per head of a population joined from a second dataset."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pressgen.errors import PressgenError
from pressgen.figures.model import MAX_ROW_NUMBERS, Figure, Value, exact_value
from pressgen.figures.plan import (
    Datasets,
    Matched,
    Plan,
    Scope,
    Total,
    check_usable,
    data_plan,
    numeric,
    provenance,
    warnings_for,
)
from pressgen.figures.source import Agg, Values
from pressgen.figures.specs import ChangeSpec, Population, RateSpec, ShareSpec
from pressgen.figures.where import describe_where, period, selection


class _ShareKeys(NamedTuple):
    matched: Matched
    whole: Total
    part: Total
    method: str  # as provenance says it


class ShareMethod:
    """`part` rows as a share of `where` rows (by `column` total, or by row count)."""

    def plan(self, name: str, spec: ShareSpec, data: Datasets) -> Plan[_ShareKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        if spec.column:
            numeric(ds, spec.column, name)
        whole = selection(ds, spec.where, name)
        part = whole & selection(ds, spec.part, name, "part")
        what = spec.column or "rows"
        keys = _ShareKeys(
            Matched.of(data.keys, key, whole),
            Total.of(data.keys, key, whole, spec.column),
            Total.of(data.keys, key, part, spec.column),
            f"share: {what} where {describe_where(spec.part)}, of {what} in all matched rows",
        )
        # The part's own count and suppressed cells are not read: only its total.
        part_aggs = (keys.part.rows,) if keys.part.sum is None else (keys.part.sum,)
        aggs = tuple(dict.fromkeys((*keys.matched.aggs(), *keys.whole.aggs(), *part_aggs)))
        return data_plan(name, spec, ds, aggs, keys, describe_where(spec.where))

    def build(self, plan: Plan[_ShareKeys], got: Values, scope: Scope) -> Figure:
        spec: ShareSpec = plan.spec
        k = plan.keys
        cells = k.whole.cells(got)
        rows, _, sup = cells
        check_usable(plan.name, spec.column, cells)
        whole = k.whole.value(got)
        part = k.part.value(got)
        if whole == 0:
            raise PressgenError("share of a whole that is zero", where=f"figures.{plan.name}.where")
        value = Decimal(part) / Decimal(whole)
        prov = provenance(plan, scope, k.method, rows, got[k.matched.nums], sup)
        return Figure(
            plan.name,
            "share",
            value,
            prov,
            spec.label,
            warnings_for(value, "share", sup, rows, spec.column, scope.small),
            {"part": part, "whole": whole},
        )


class _ChangeKeys(NamedTuple):
    before: Total
    after: Total
    before_nums: Agg
    after_nums: Agg


class ChangeMethod:
    """Change of a column's total between two periods: relative (`change`) or absolute
    (`difference`)."""

    def plan(self, name: str, spec: ChangeSpec, data: Datasets) -> Plan[_ChangeKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        if spec.column:
            numeric(ds, spec.column, name)
        ds.column(spec.period, where=f"figures.{name}.period")
        sel = selection(ds, spec.where, name)
        before = sel & period(ds, spec.period, spec.from_, name)
        after = sel & period(ds, spec.period, spec.to, name)
        keys = _ChangeKeys(
            Total.of(data.keys, key, before, spec.column),
            Total.of(data.keys, key, after, spec.column),
            data.keys(key, "nums", before),
            data.keys(key, "nums", after),
        )
        aggs = (*keys.before.aggs(), keys.before_nums, *keys.after.aggs(), keys.after_nums)
        return data_plan(name, spec, ds, aggs, keys, describe_where(spec.where))

    def build(self, plan: Plan[_ChangeKeys], got: Values, scope: Scope) -> Figure:
        spec: ChangeSpec = plan.spec
        k = plan.keys
        at = f"figures.{plan.name}.period"
        nb, _, s1 = b_cells = k.before.cells(got)
        na, _, s2 = a_cells = k.after.cells(got)
        if nb == 0 or na == 0:
            missing = spec.from_ if nb == 0 else spec.to
            raise PressgenError(f"no rows for period {missing!r}", where=at)
        check_usable(plan.name, spec.column, b_cells, f"for {spec.from_!r}")
        check_usable(plan.name, spec.column, a_cells, f"for {spec.to!r}")
        before, after = k.before.value(got), k.after.value(got)
        value, kind = change_value(spec, before, after, at)
        numbers = (*got[k.before_nums], *got[k.after_nums])[:MAX_ROW_NUMBERS]
        prov = provenance(
            plan,
            scope,
            f"{spec.method} in {spec.column or 'rows'} from {spec.from_} to {spec.to}",
            nb + na,
            numbers,
            s1 + s2,
        )
        return Figure(
            plan.name,
            kind,
            value,
            prov,
            spec.label,
            warnings_for(value, "change", s1 + s2, nb + na, spec.column, scope.small),
            {
                "from_value": before,
                "to_value": after,
                "difference": after - before,
                "from_period": spec.from_,
                "to_period": spec.to,
            },
        )


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


def population_total(pop: Population, name: str, data: Datasets) -> Agg:
    """A population per area (`pop.on`), summed from its own dataset: read by `rate`
    figures and by `group` figures measured as rates."""
    pds = data.get(pop.dataset, name)
    numeric(pds, pop.column, name)
    pds.column(pop.on, where=f"figures.{name}.population.on")
    sel = selection(pds, pop.where, name, "population.where")
    return data.keys(data.key(pop.dataset), "sum", sel, pop.column, pop.on)


def populations(got: Values, agg: Agg) -> dict[str, Value]:
    return {area: exact_value(v) for area, v in got[agg].items()}


class _RateKeys(NamedTuple):
    matched: Matched
    total: Total
    areas: Agg
    population: Agg


class RateMethod:
    """A total per head of a population (joined on a key): per 100,000 residents."""

    def plan(self, name: str, spec: RateSpec, data: Datasets) -> Plan[_RateKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        if spec.column:
            numeric(ds, spec.column, name)
        ds.column(spec.population.on, where=f"figures.{name}.population.on")
        sel = selection(ds, spec.where, name)
        keys = _RateKeys(
            Matched.of(data.keys, key, sel),
            Total.of(data.keys, key, sel, spec.column),
            data.keys(key, "keys", sel, spec.population.on),
            population_total(spec.population, name, data),
        )
        aggs = tuple(
            dict.fromkeys((*keys.matched.aggs(), *keys.total.aggs(), keys.areas, keys.population))
        )
        return data_plan(name, spec, ds, aggs, keys, describe_where(spec.where))

    def build(self, plan: Plan[_RateKeys], got: Values, scope: Scope) -> Figure:
        spec: RateSpec = plan.spec
        k = plan.keys
        cells = k.total.cells(got)
        rows, _, sup = cells
        check_usable(plan.name, spec.column, cells)
        total = k.total.value(got)
        pops = populations(got, k.population)
        areas = {str(a) for a in got[k.areas]}
        missing = sorted(areas - set(pops))
        population = sum((pops[a] for a in areas if a in pops), start=0)
        if population == 0:
            raise PressgenError(
                "population is zero or has no matching areas",
                where=f"figures.{plan.name}.population",
            )
        value = Decimal(total) * spec.per / Decimal(population)
        warns = list(warnings_for(value, "rate", sup, rows, spec.column, scope.small))
        if missing:
            warns.append(f"no population for {len(missing)} area(s): {', '.join(missing[:5])}")
        prov = provenance(
            plan,
            scope,
            f"{spec.column or 'rows'} per {spec.per:,} of {spec.population.column} "
            f"({spec.population.dataset}, joined on {spec.population.on})",
            rows,
            got[k.matched.nums],
            sup,
        )
        return Figure(
            plan.name,
            "rate",
            value,
            prov,
            spec.label,
            tuple(warns),
            {"numerator": total, "population": population, "per": spec.per},
        )
