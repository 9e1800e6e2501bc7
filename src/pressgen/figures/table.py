"""The `table` method: one measure for every pair of a row value and a column value
(nation x year), with each row's and each column's total and the grand total, rows
competition-ranked. One spec where a table once took a scalar spec per cell.

Every cell, margin and total is the same measure (`measures`) over a finer or coarser
set of rows: a cell's rows, a row's rows across the table's columns, a column's rows, all
of them. So a total of a `sum` is the sum, a total of a `ratio` is the ratio of the
totals (never a sum of ratios), and a `share` without a `part` is each cell's share of
its column's total (its total row is 100 %), with each row total's share of the grand
total.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from pressgen.errors import PressgenError
from pressgen.figures.grouped import rank_values
from pressgen.figures.measures import (
    Measure,
    Measured,
    Reader,
    Whole,
    Within,
    check_measure,
    measure_totals,
    measure_value,
    ratio_kind,
    ratio_value,
    ratio_warnings,
)
from pressgen.figures.model import Figure, TableRow, Value
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
from pressgen.figures.source import Agg, Values
from pressgen.figures.specs import TableSpec
from pressgen.figures.where import Clause, Selection, coerce_value, describe_where, selection

if TYPE_CHECKING:
    from pressgen.sources.dataset import Dataset

_KINDS = {"count": "count", "sum": "count", "mean": "number", "share": "share"}
#: A table has at most this many columns (a release prints a few years, not hundreds).
MAX_COLUMNS = 40


class _TableKeys(NamedTuple):
    matched: Matched
    measure: Measure
    values: tuple[object, ...]  # the `columns` values, in order
    cells: tuple[Measured, ...]  # per column, split by row
    row_totals: Measured  # split by row, across the table's columns
    column_totals: tuple[Measured, ...]  # per column, all rows
    grand: Measured
    rank_at: int | None  # which column ranks the rows (None: the row total)
    kind: str
    currency: str | None
    rows_label: str


class TableMethod:
    """One measure per row x column, with totals, rows ranked by a column or their total."""

    def plan(self, name: str, spec: TableSpec, data: Datasets) -> Plan[_TableKeys]:
        ds = data.get(spec.dataset, name)
        key = data.key(spec.dataset)
        rows_col = ds.column(spec.rows, where=f"figures.{name}.rows")
        col_type = ds.column(spec.columns, where=f"figures.{name}.columns").type
        m = Measure(spec.measure, spec.column, spec.denominator, spec.part)
        check_measure(m, ds, name, spec.as_)
        if spec.part is not None and spec.measure != "share":
            raise PressgenError(
                f"`part` is for a share, not a {spec.measure}", where=f"figures.{name}.part"
            )
        sel = selection(ds, spec.where, name)
        values = _column_values(ds, spec, col_type, sel, name)
        inside = sel & Selection((Clause(spec.columns, "in", values),))
        cells, col_totals = [], []
        for v in values:
            at = sel & Selection((Clause(spec.columns, "eq", v),))
            cells.append(measure_totals(m, data.keys, key, ds, at, name, spec.rows))
            col_totals.append(measure_totals(m, data.keys, key, ds, at, name))
        rank_at = None
        if spec.rank_by is not None:
            wanted = coerce_value(spec.rank_by, col_type, f"figures.{name}.rank_by")
            if wanted not in values:
                raise PressgenError(
                    f"rank_by {spec.rank_by!r} is not one of the table's columns",
                    where=f"figures.{name}.rank_by",
                )
            rank_at = values.index(wanted)
        currency = ds.manifest.columns[spec.column].currency if spec.column else None
        if spec.measure == "ratio":
            kind = ratio_kind(spec.as_, currency)
        elif spec.measure == "share" or spec.measure == "count":
            kind = _KINDS[spec.measure]
        else:
            kind = "money" if currency else _KINDS[spec.measure]
        keys = _TableKeys(
            Matched.of(data.keys, key, inside),
            m,
            values,
            tuple(cells),
            measure_totals(m, data.keys, key, ds, inside, name, spec.rows),
            tuple(col_totals),
            measure_totals(m, data.keys, key, ds, inside, name),
            rank_at,
            kind,
            currency if kind == "money" else None,
            rows_col.label or spec.rows,
        )
        aggs: list[Agg] = [*keys.matched.aggs()]
        for measured in (*keys.cells, keys.row_totals, *keys.column_totals, keys.grand):
            aggs += measured.aggs()
        return data_plan(
            name, spec, ds, tuple(dict.fromkeys(aggs)), keys, describe_where(spec.where)
        )

    def build(self, plan: Plan[_TableKeys], got: Values, scope: Scope) -> Figure:
        spec: TableSpec = plan.spec
        k = plan.keys
        whole = Whole(got)
        grand_cells = whole.cells(k.grand.first)
        check_usable(plan.name, spec.column, grand_cells)
        of_whole = spec.measure == "share" and not spec.part
        col_wholes = [_value(k, t, whole) for t in k.column_totals]
        grand = _value(k, k.grand, whole)
        names = sorted(g for g, n in got[k.row_totals.first.rows].items() if n)
        additive = spec.measure in ("count", "sum")  # a cell is a share of its column
        made: list[TableRow] = []
        empty: list[str] = []
        for g in names:
            read = Within(got, g)
            cells = tuple(_value(k, t, read) for t in k.cells)
            total = _value(k, k.row_totals, read)
            if of_whole:
                cells = tuple(_share(c, w) for c, w in zip(cells, col_wholes, strict=True))
                total = _share(total, grand)
            empty += [f"{g} x {v}" for v, c in zip(k.values, cells, strict=True) if c is None]
            rows, _, sup = read.cells(k.row_totals.first)
            counts = tuple(read.cells(t.first)[0] for t in k.cells)
            shares: tuple[Value | None, ...] = ()
            if additive:
                shares = tuple(_share(c, w) for c, w in zip(cells, col_wholes, strict=True))
            total_share = _share(total, grand) if additive else None
            made.append(
                TableRow(g, cells, total, None, False, rows, sup, counts, shares, total_share)
            )
        at = k.rank_at
        ranked = rank_values(
            [(r.group, r.total if at is None else r.cells[at]) for r in made],
            descending=spec.order == "desc",
        )
        out = tuple(
            replace(r, rank=ranked[r.group][0], joint=ranked[r.group][1])
            for r in sorted(made, key=lambda r: (ranked[r.group][0] or 10**9, r.group))
        )
        col_counts = tuple(whole.cells(t.first)[0] for t in k.column_totals)
        col_shares: tuple[Value | None, ...] = ()
        if additive:
            col_shares = tuple(_share(w, w) for w in col_wholes)
        grand_share = _share(grand, grand) if additive else None
        if of_whole:
            col_wholes = [_share(w, w) for w in col_wholes]
            grand = _share(grand, grand)
        totals = TableRow(
            "",
            tuple(col_wholes),
            grand,
            None,
            False,
            grand_cells[0],
            0,
            col_counts,
            col_shares,
            grand_share,
        )
        sup_total = grand_cells[2]
        rows_n = grand_cells[0]
        if k.measure.name == "ratio" and k.grand.second is not None:
            assert spec.column is not None and spec.denominator is not None
            sup_total += whole.cells(k.grand.second)[2]
            warns = list(warnings_for(None, "table", 0, rows_n, spec.column, scope.small))
            warns += ratio_warnings(k.grand, whole, spec.column, spec.denominator)
        else:
            warns = list(warnings_for(None, "table", sup_total, rows_n, spec.column, scope.small))
        if empty:
            warns.append(f"no value in {len(empty)} cell(s): {', '.join(empty[:5])}")
        what = spec.column or "rows"
        if k.measure.name == "ratio":
            what = f"{spec.column} / {spec.denominator}"
        prov = provenance(
            plan,
            scope,
            f"table of {spec.measure} of {what} by {spec.rows} x {spec.columns}",
            rows_n,
            got[k.matched.nums],
            sup_total,
        )
        extra: dict[str, object] = {
            "columns": tuple(str(v) for v in k.values),
            "totals": totals,
            "measure_kind": k.kind,
            "by": spec.rows,
            "across": spec.columns,
            "rows_label": k.rows_label,
            "ranked_by": "" if k.rank_at is None else str(k.values[k.rank_at]),
        }
        if k.currency:
            extra["currency"] = k.currency
        return Figure(plan.name, "table", out, prov, spec.label, tuple(warns), extra)


def _value(k: _TableKeys, t: Measured, read: Reader) -> Value | None:
    """A cell's, a margin's or the total's measure; a share without a part reads its
    total here and is divided by its whole after."""
    if k.measure.name == "share" and t.second is None:
        rows, present, _ = read.cells(t.first)
        if t.first.sum is not None and not present:
            return None
        return read.value(t.first) if rows else None
    if k.measure.name != "count" and not read.cells(t.first)[0]:
        return None  # no rows in this cell: no value, never 0
    return measure_value(k.measure, t, read)


def _share(part: Value | None, whole: Value | None) -> Value | None:
    if part is None or whole is None:
        return None
    return ratio_value(part, whole)


def _column_values(
    ds: Dataset, spec: TableSpec, col_type: str, sel: Selection, name: str
) -> tuple[object, ...]:
    """The `columns` values the table shows: those the spec lists, in its order, or
    every value the selected rows hold, sorted."""
    at = f"figures.{name}.values"
    if spec.values is not None:
        values = tuple(coerce_value(v, col_type, at) for v in spec.values)
        if len(set(values)) != len(values):
            raise PressgenError("a column is listed twice", where=at)
    else:
        frame = ds.frame.filter(sel.expr()) if sel.clauses else ds.frame
        values = tuple(frame[spec.columns].drop_nulls().unique().sort().to_list())
    if not values:
        raise PressgenError(f"no values of {spec.columns!r} to make columns of", where=at)
    if len(values) > MAX_COLUMNS:
        raise PressgenError(
            f"{len(values)} columns is too many for a table (at most {MAX_COLUMNS}); "
            "list the ones to show in `values`",
            where=at,
        )
    return values
