"""The `group` method: one result per value of a column, competition-ranked (1, 2, 2, 4),
with each group's measure (count, sum, mean, change, difference, share, rate or ratio).

A group missing from a period of a change or a difference has no value (it is left out
of the ranking, with a warning), never a period counted as 0. A share without a `part`
is each group's share of the whole that `where` selects."""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from pressgen.errors import PressgenError
from pressgen.figures.compared import population_total, populations
from pressgen.figures.measures import (
    Measure,
    Measured,
    Within,
    check_measure,
    measure_value,
    ratio_kind,
    ratio_value,
)
from pressgen.figures.model import Figure, GroupRow, Value
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
from pressgen.figures.specs import GroupSpec
from pressgen.figures.where import describe_where, period, selection

_KINDS = {"change": "change", "share": "share", "rate": "rate", "mean": "number"}


class _GroupKeys(NamedTuple):
    matched: Matched
    overall: Total  # every group together: is there any value at all?
    cells: Total  # each group's rows, values and suppressed cells
    measured: Total | None  # the measure's total per group (None: row counts)
    second: Total | None  # the other total: the part of a share, a change's later period
    population: Agg | None
    problem: tuple[str, str] | None  # a spec problem reported once there are groups
    whole: Total | None = None  # what a share without a part is a share of
    kind: str = "count"  # how each group's value prints
    currency: str | None = None
    labels: Mapping[str, str] = MappingProxyType({})  # display labels of `by` values


class GroupMethod:
    """One result per group, ranked: each force's change, top five rises, and so on."""

    def plan(self, name: str, spec: GroupSpec, data: Datasets) -> Plan[_GroupKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        ds.column(spec.by, where=f"figures.{name}.by")
        if spec.column:
            numeric(ds, spec.column, name)
        sel = selection(ds, spec.where, name)
        currency = ds.manifest.columns[spec.column].currency if spec.column else None
        kind = _KINDS.get(spec.measure, "count")
        if spec.measure == "ratio" or spec.denominator is not None or spec.as_ is not None:
            check_measure(Measure(spec.measure, spec.column, spec.denominator), ds, name, spec.as_)
            kind = ratio_kind(spec.as_, currency) if spec.measure == "ratio" else kind
        population = None
        if spec.measure == "rate":
            if spec.population is None:
                raise PressgenError("a rate needs a population", where=f"figures.{name}.population")
            population = population_total(spec.population, name, data)
        if spec.period:
            ds.column(spec.period, where=f"figures.{name}.period")
        by = spec.by
        column = None if spec.measure == "count" else spec.column
        measured: Total | None = Total.of(data.keys, key, sel, column, by)
        second: Total | None = None
        problem: tuple[str, str] | None = None
        try:  # as the engine always has, these are reported only when a group has rows
            if spec.measure in ("change", "difference"):
                if spec.period is None or spec.from_ is None or spec.to is None:
                    raise PressgenError(
                        "a change needs period, from and to", where=f"figures.{name}.period"
                    )
                measured = Total.of(
                    data.keys, key, sel & period(ds, spec.period, spec.from_, name), column, by
                )
                second = Total.of(
                    data.keys, key, sel & period(ds, spec.period, spec.to, name), column, by
                )
            elif spec.measure == "share" and spec.part:
                part = sel & selection(ds, spec.part, name, "part")
                second = Total.of(data.keys, key, part, column, by)
            elif spec.measure == "ratio":
                second = Total.of(data.keys, key, sel, spec.denominator, by)
        except PressgenError as exc:
            problem = (exc.message, exc.where or "")
            measured = second = None
        keys = _GroupKeys(
            Matched.of(data.keys, key, sel),
            Total.of(data.keys, key, sel, spec.column),
            Total.of(data.keys, key, sel, spec.column, by),
            measured,
            second,
            population,
            problem,
            None,
            kind,
            currency if kind == "money" else None,
        )
        if spec.measure == "share" and not spec.part:
            keys = keys._replace(whole=Total.of(data.keys, key, sel, column))
        # Cell counts overall and per group; a total's own sum only where it is measured
        # (each period's cells too: a group with none in a period has no change).
        aggs = [*keys.matched.aggs()]
        for cells in (keys.overall, keys.cells):
            aggs += [a for a in cells.aggs() if a is not cells.sum]
        periods = spec.measure in ("change", "difference")
        for total in (measured, second):
            if total is not None and (periods or spec.measure == "ratio"):
                aggs += total.aggs()
            elif total is not None:
                aggs += (total.sum,) if total.sum is not None else (total.rows,)
        if keys.whole is not None:
            aggs += keys.whole.aggs()
        if spec.measure == "sum" and keys.overall.sum is not None:
            aggs.append(keys.overall.sum)  # the total a table of the groups prints
        if population is not None:
            aggs.append(population)
        keys = keys._replace(labels=MappingProxyType(dict(ds.manifest.columns[spec.by].labels)))
        return data_plan(
            name, spec, ds, tuple(dict.fromkeys(aggs)), keys, describe_where(spec.where)
        )

    def build(self, plan: Plan[_GroupKeys], got: Values, scope: Scope) -> Figure:
        spec: GroupSpec = plan.spec
        k = plan.keys
        overall = k.overall.cells(got)
        rows = overall[0]
        groups = sorted(g for g, n in got[k.cells.rows].items() if n)
        if groups and k.problem is not None:
            raise PressgenError(k.problem[0], where=k.problem[1] or None)
        check_usable(plan.name, spec.column, overall)
        pops = populations(got, k.population) if k.population is not None else {}
        whole = k.whole.value(got) if k.whole is not None else None
        gone: dict[str, list[str]] = {}  # period -> groups with no value in it
        measure = Measure(spec.measure, spec.column, spec.denominator, spec.part)
        results: list[tuple[str, Value | None, int, int, Value | None, Value | None]] = []
        for group in groups:
            n, present, sup = k.cells.cells_in(got, group)
            base = target = None
            value: Value | None = None
            if k.measured is None or (k.measured.sum is not None and not present):
                pass  # no cell of the group holds a value: nothing to rank it by
            elif spec.measure in ("change", "difference"):
                assert k.second is not None
                missing = [
                    str(p)
                    for p, t in ((spec.from_, k.measured), (spec.to, k.second))
                    if not _has_value(t, got, group)
                ]
                for p in missing:
                    gone.setdefault(p, []).append(group)
                if not missing:
                    b, t = k.measured.value_in(got, group), k.second.value_in(got, group)
                    base, target = b, t
                    if spec.measure == "difference":
                        value = t - b
                    else:
                        value = None if b == 0 else Decimal(t - b) / Decimal(b)
            elif spec.measure == "share" and whole is not None:
                part = k.measured.value_in(got, group)
                base, target = whole, part
                value = ratio_value(part, whole)
            elif spec.measure == "rate":
                total = k.measured.value_in(got, group)
                pop = pops.get(group)
                value = None if not pop else Decimal(total) * spec.per / Decimal(pop)
            else:  # count, sum, mean, share of a part, ratio: as everywhere (`measures`)
                value = measure_value(measure, Measured(k.measured, k.second), Within(got, group))
                if k.second is not None:  # a share's whole and part, a ratio's two totals
                    first, second = k.measured.value_in(got, group), k.second.value_in(got, group)
                    base, target = (first, second) if spec.measure == "share" else (second, first)
            results.append((group, value, n, sup, base, target))
        kind = k.kind  # a ratio printed as a share rounds in per cent
        ranked = rank_values(
            [(g, ranked_on(v, kind, spec.rank_decimals, spec.rounding)) for g, v, *_ in results],
            descending=spec.order == "desc",
        )
        sign = -1 if spec.order == "desc" else 1

        def listed(
            r: tuple[str, Value | None, int, int, Value | None, Value | None],
        ) -> tuple[int, Value, str]:
            by_value = sign * r[1] if spec.ties == "value" and r[1] is not None else 0
            return (ranked[r[0]][0] or 10**9, by_value, r[0])

        rows_out = tuple(
            GroupRow(g, v, ranked[g][0], ranked[g][1], n, sup, base, target, k.labels.get(g))
            for g, v, n, sup, base, target in sorted(results, key=listed)
        )
        sup_total = sum(r.suppressed for r in rows_out)
        warns = list(warnings_for(None, "groups", sup_total, rows, spec.column, scope.small))
        for p, names in gone.items():
            warns.append(
                f"no value for period {p!r} in {len(names)} group(s), left out: "
                f"{', '.join(names[:5])}"
            )
        reported = {g for names in gone.values() for g in names}
        undefined = [r.group for r in rows_out if r.value is None and r.group not in reported]
        if undefined:
            warns.append(f"no value for {len(undefined)} group(s): {', '.join(undefined[:5])}")
        prov = provenance(
            plan,
            scope,
            f"{spec.measure} of {spec.column or 'rows'} by {spec.by}{ranking_note(spec)}",
            rows,
            got[k.matched.nums],
            sup_total,
        )
        return Figure(
            plan.name,
            "groups",
            rows_out,
            prov,
            spec.label,
            tuple(warns),
            _extra(k, spec, whole, got),
        )


def _has_value(t: Total, got: Values, group: str) -> bool:
    """Whether a group has a figure for a period: rows in it and, for a column, a value
    in one of them. A period whose cells are suppressed has one (a small number, left
    out and flagged as the figure's suppressed cells); one whose cells are all empty
    does not."""
    rows, present, suppressed = t.cells_in(got, group)
    return bool(rows) and (t.sum is None or bool(present) or bool(suppressed))


def _extra(k: _GroupKeys, spec: GroupSpec, whole: Value | None, got: Values) -> dict[str, object]:
    extra: dict[str, object] = {"measure_kind": k.kind, "by": spec.by}
    if spec.measure in ("count", "sum") and k.measured is not None:
        extra["total"] = k.overall.value(got) if spec.measure == "sum" else k.overall.cells(got)[0]
    if k.currency:
        extra["currency"] = k.currency
    if whole is not None:
        extra["whole"] = whole
    return extra


def rank_values(
    items: list[tuple[str, Value | None]], *, descending: bool = True
) -> dict[str, tuple[int | None, bool]]:
    """Competition ranks (1, 2, 2, 4): equal values share a place and are 'joint'.
    Equal values are listed by group name; groups without a value have no place."""
    out: dict[str, tuple[int | None, bool]] = {g: (None, False) for g, v in items if v is None}
    valued = [(v, g) for g, v in items if v is not None]
    valued.sort(key=(lambda vg: (-vg[0], vg[1])) if descending else None)
    start = 0
    n = len(valued)
    while start < n:  # one run of equal values at a time: they share its first place
        end = start + 1
        value = valued[start][0]
        while end < n and valued[end][0] == value:
            end += 1
        place = (start + 1, end - start > 1)
        for _, g in valued[start:end]:
            out[g] = place
        start = end
    return out


_ROUNDING = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}


def ranked_on(value: Value | None, kind: str, decimals: int | None, rounding: str) -> Value | None:
    """The value a group is ranked or counted on: exact, or with `decimals` as it prints
    (a share or change prints in per cent, so 0.2345 with 0 decimals is 0.23)."""
    if value is None or decimals is None:
        return value
    percent = kind in ("share", "change")
    scaled = Decimal(value) * 100 if percent else Decimal(value)
    rounded = scaled.quantize(Decimal(1).scaleb(-decimals), rounding=_ROUNDING[rounding])
    return rounded / 100 if percent else rounded


def ranking_note(spec: GroupSpec) -> str:
    """How the figure ranks, for its provenance: on what, and how ties are listed."""
    on = ""
    if spec.rank_decimals is not None:
        unit = " (in per cent)" if spec.measure in ("change", "share") else ""
        on = f", ranked on values rounded to {spec.rank_decimals} decimals{unit}"
    ties = "by exact value, then by name" if spec.ties == "value" else "by name"
    return f"{on}; tied groups share a place and are listed {ties}"
