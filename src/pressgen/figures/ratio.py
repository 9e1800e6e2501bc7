"""The `ratio` method: one column's total over another's, over the same rows (claims paid
over claims decided; the value of fines over fines issued, the mean fine)."""

from __future__ import annotations

from typing import NamedTuple

from pressgen.errors import PressgenError
from pressgen.figures.measures import (
    Measure,
    Measured,
    Whole,
    check_measure,
    measure_totals,
    measure_value,
    ratio_kind,
    ratio_warnings,
)
from pressgen.figures.model import Figure
from pressgen.figures.plan import (
    Datasets,
    Matched,
    Plan,
    Scope,
    check_usable,
    data_plan,
    provenance,
    warnings_for,
)
from pressgen.figures.source import Values
from pressgen.figures.specs import RatioSpec
from pressgen.figures.where import describe_where, selection


class _RatioKeys(NamedTuple):
    matched: Matched
    measured: Measured
    measure: Measure
    kind: str
    currency: str | None


class RatioMethod:
    """The total of `column` over the total of `denominator`, exactly."""

    def plan(self, name: str, spec: RatioSpec, data: Datasets) -> Plan[_RatioKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        m = Measure("ratio", spec.column, spec.denominator)
        check_measure(m, ds, name, spec.as_)
        sel = selection(ds, spec.where, name)
        currency = ds.manifest.columns[spec.column].currency
        keys = _RatioKeys(
            Matched.of(data.keys, key, sel),
            measure_totals(m, data.keys, key, ds, sel, name),
            m,
            ratio_kind(spec.as_, currency),
            currency,
        )
        aggs = tuple(dict.fromkeys((*keys.matched.aggs(), *keys.measured.aggs())))
        return data_plan(name, spec, ds, aggs, keys, describe_where(spec.where))

    def build(self, plan: Plan[_RatioKeys], got: Values, scope: Scope) -> Figure:
        spec: RatioSpec = plan.spec
        k = plan.keys
        num, den = k.measured.first, k.measured.second
        assert den is not None
        read = Whole(got)
        n_cells, d_cells = read.cells(num), read.cells(den)
        check_usable(plan.name, spec.column, n_cells)
        check_usable(plan.name, spec.denominator, d_cells)
        value = measure_value(k.measure, k.measured, read)
        if value is None:
            raise PressgenError(
                f"ratio over a total of {spec.denominator!r} that is zero",
                where=f"figures.{plan.name}.denominator",
            )
        rows = n_cells[0]
        sup = n_cells[2] + d_cells[2]
        warns = list(warnings_for(value, k.kind, 0, rows, spec.column, scope.small))
        warns += ratio_warnings(k.measured, read, spec.column, spec.denominator)
        prov = provenance(
            plan,
            scope,
            f"ratio: total of {spec.column} / total of {spec.denominator}",
            rows,
            got[k.matched.nums],
            sup,
        )
        numerator, denominator = read.value(num), read.value(den)
        extra: dict[str, object] = {"numerator": numerator, "denominator": denominator}
        if k.currency:
            extra["currency"] = k.currency
        return Figure(plan.name, k.kind, value, prov, spec.label, tuple(warns), extra)
