"""Methods over the rows one filter selects: count, sum, mean, median, min, max, lookup."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pressgen.errors import PressgenError
from pressgen.figures.model import Figure, Value, exact_value
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
from pressgen.figures.specs import AggregateSpec, CountSpec, LookupSpec
from pressgen.figures.where import describe_where, selection


class _CountKeys(NamedTuple):
    matched: Matched
    distinct: Agg | None


class CountMethod:
    """Rows matching the filter, or distinct values of a column."""

    def plan(self, name: str, spec: CountSpec, data: Datasets) -> Plan[_CountKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        sel = selection(ds, spec.where, name)
        matched = Matched.of(data.keys, key, sel)
        distinct = None
        if spec.distinct:
            ds.column(spec.distinct, where=f"figures.{name}.distinct")
            distinct = data.keys(key, "distinct", sel, spec.distinct)
        aggs = matched.aggs() + ((distinct,) if distinct else ())
        return data_plan(
            name, spec, ds, aggs, _CountKeys(matched, distinct), describe_where(spec.where)
        )

    def build(self, plan: Plan[_CountKeys], got: Values, scope: Scope) -> Figure:
        spec: CountSpec = plan.spec
        k = plan.keys
        rows = int(got[k.matched.rows])
        if k.distinct is not None:
            value = int(got[k.distinct])
            check_usable(plan.name, spec.distinct, (rows, value, 0))
            method = f"count of distinct {spec.distinct}"
        else:
            value = rows
            method = "count of rows"
        prov = provenance(plan, scope, method, rows, got[k.matched.nums])
        return Figure(
            plan.name,
            "count",
            value,
            prov,
            spec.label,
            warnings_for(value, "count", 0, rows, None, scope.small),
        )


class _AggregateKeys(NamedTuple):
    matched: Matched
    total: Total
    value: Agg
    kind: str
    currency: str | None


class AggregateMethod:
    """Total, mean, median, minimum or maximum of a column."""

    def plan(self, name: str, spec: AggregateSpec, data: Datasets) -> Plan[_AggregateKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        col_type = numeric(ds, spec.column, name)
        sel = selection(ds, spec.where, name)
        matched = Matched.of(data.keys, key, sel)
        total = Total.of(data.keys, key, sel, spec.column)
        op = {"sum": "sum", "mean": "sum", "median": "values"}.get(spec.method, spec.method)
        value = data.keys(key, op, sel, spec.column)  # type: ignore[arg-type]
        currency = ds.manifest.columns[spec.column].currency
        kind = "money" if currency else "count" if col_type == "int" else "number"
        keys = _AggregateKeys(matched, total, value, kind, currency)
        aggs = tuple(dict.fromkeys((*matched.aggs(), *total.aggs(), value)))
        return data_plan(name, spec, ds, aggs, keys, describe_where(spec.where))

    def build(self, plan: Plan[_AggregateKeys], got: Values, scope: Scope) -> Figure:
        spec: AggregateSpec = plan.spec
        k = plan.keys
        cells = k.total.cells(got)
        rows, n, sup = cells
        check_usable(plan.name, spec.column, cells)
        kind = k.kind
        value: Value
        if spec.method == "sum":
            value = exact_value(got[k.value])
        elif n == 0:
            raise PressgenError(
                f"no values to take the {spec.method} of: no rows match",
                where=f"figures.{plan.name}.where",
            )
        elif spec.method == "mean":
            value = Decimal(exact_value(got[k.value])) / n
            kind = "money" if k.currency else "number"
        elif spec.method == "median":
            ordered = got[k.value]
            mid = len(ordered) // 2
            value = (
                exact_value(ordered[mid])
                if len(ordered) % 2
                else (Decimal(exact_value(ordered[mid - 1])) + exact_value(ordered[mid])) / 2
            )
            if kind == "count" and isinstance(value, Decimal):
                kind = "number"
        else:
            value = exact_value(got[k.value])
        prov = provenance(
            plan, scope, f"{spec.method} of {spec.column}", rows, got[k.matched.nums], sup
        )
        extra = {"currency": k.currency} if k.currency else {}
        return Figure(
            plan.name,
            kind,
            value,
            prov,
            spec.label,
            warnings_for(value, kind, sup, rows, spec.column, scope.small),
            extra,
        )


class _LookupKeys(NamedTuple):
    matched: Matched
    value: Agg
    suppressed: Agg | None
    kind: str
    row_label: str


class LookupMethod:
    """The single value of `column` in the row that `where` picks out."""

    def plan(self, name: str, spec: LookupSpec, data: Datasets) -> Plan[_LookupKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        col = ds.column(spec.column, where=f"figures.{name}.column")
        sel = selection(ds, spec.where, name)
        matched = Matched.of(data.keys, key, sel)
        number = col.type in ("int", "decimal")
        suppressed = data.keys(key, "suppressed", sel, spec.column) if number else None
        kind = (
            "money"
            if col.currency
            else "count"
            if col.type == "int"
            else "number"
            if col.type == "decimal"
            else "text"
        )
        keys = _LookupKeys(
            matched, data.keys(key, "first", sel, spec.column), suppressed, kind, ds.row_label
        )
        aggs = (*matched.aggs(), keys.value, *((suppressed,) if suppressed else ()))
        return data_plan(name, spec, ds, aggs, keys, describe_where(spec.where))

    def build(self, plan: Plan[_LookupKeys], got: Values, scope: Scope) -> Figure:
        spec: LookupSpec = plan.spec
        k = plan.keys
        rows = int(got[k.matched.rows])
        if rows != 1:
            raise PressgenError(
                f"the filter must pick out exactly one row; it matches {rows}",
                where=f"figures.{plan.name}.where",
            )
        row = int(got[k.matched.nums][0])
        sup = int(got[k.suppressed] or 0) if k.suppressed is not None else 0
        if sup:
            raise PressgenError(
                f"the value looked up is suppressed in the source ({k.row_label} {row})",
                where=f"figures.{plan.name}",
            )
        raw = got[k.value]
        if raw is None:
            raise PressgenError(
                f"no usable value: the value looked up is missing in the source "
                f"({k.row_label} {row}, column {spec.column!r})",
                where=f"figures.{plan.name}",
            )
        value = raw if k.suppressed is None else exact_value(raw)
        prov = provenance(plan, scope, f"value of {spec.column}", rows, got[k.matched.nums], sup)
        return Figure(
            plan.name,
            k.kind,
            value,
            prov,
            spec.label,
            warnings_for(value, k.kind, 0, 1, None, scope.small),
        )
