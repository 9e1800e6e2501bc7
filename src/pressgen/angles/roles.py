"""The roles of a dataset's columns: its measures, its period, its group and category
columns, and the rows that are already totals; refuses a dataset with no story in it."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from pressgen.angles.infer import (
    _GROUP_HINT,
    _MEASURE_HINT,
    _PERIOD_HINT,
    _TOTAL,
    MAX_GROUPS,
    Profile,
)
from pressgen.angles.periods import period_key, period_kind
from pressgen.errors import PressgenError
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import Dataset, suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")


def profile(
    ds: Dataset,
    inferred: bool,
    long_text: pl.DataFrame | None = None,
    marked: Mapping[str, tuple[str, ...]] | None = None,
) -> Profile:
    """The columns' roles; `marked` adds rows a person marked as totals (column ->
    values) to those recognised by their names."""
    marked = marked or {}
    cols = ds.manifest.columns
    frame = ds.frame
    path = ds.data_path
    decisions: list[str] = []
    measures = [n for n, c in cols.items() if c.type in ("int", "decimal")]
    if not measures:
        raise PressgenError(f"no numeric column to count (columns: {', '.join(cols)})", path=path)
    if frame.height < 2:
        raise PressgenError(
            f"only {frame.height} data row; angles need at least two to compare", path=path
        )
    # A manifest may type the year as a whole number: it is the period, never a measure.
    year_col = next((m for m in measures if cols[m].type == "int" and _years(frame, m)), None)
    if year_col is not None:
        measures.remove(year_col)
        if not measures:
            raise PressgenError(
                f"no numeric column to count besides the year {year_col!r}", path=path
            )
    usable = [m for m in measures if frame[m].drop_nulls().len() > 0]
    if not usable:
        marks = ", ".join(ds.manifest.suppression)
        raise PressgenError(
            f"every numeric cell is suppressed or missing (markers: {marks}): "
            "nothing can be stated exactly",
            path=path,
        )
    texts = [n for n, c in cols.items() if c.type == "text"]
    found_values = pl.collect_all([frame.lazy().select(pl.col(n).unique()) for n in texts])
    uniques = {
        n: [str(v) for v in f.to_series().drop_nulls().to_list()]
        for n, f in zip(texts, found_values, strict=True)
    }
    distinct = {n: len(v) for n, v in uniques.items()}
    period = periods = kind = None
    if year_col is not None:
        values = [str(v) for v in frame[year_col].drop_nulls().unique().to_list()]
        period, kind = year_col, "year"
        periods = tuple(sorted(values, key=int))
        decisions.append(f"{year_col!r} is the period (years {periods[0]} to {periods[-1]})")
    for n in texts if period is None else []:
        values = uniques[n]
        k = period_kind(values) if 1 < len(values) <= 400 else None
        if k:
            period, kind = n, k
            periods = tuple(sorted(values, key=lambda v: period_key(v) or (0, 0)))
            decisions.append(f"{n!r} is the period ({kind}s {periods[0]} to {periods[-1]})")
            break
    totals: dict[str, tuple[str, ...]] = {}
    for n in texts:
        if n == period or not 1 < distinct[n] <= MAX_GROUPS:
            continue
        values = uniques[n]
        mine = set(marked.get(n, ()))
        found = tuple(sorted(v for v in values if _TOTAL.match(v.strip()) or v in mine))
        if found and len(found) < len(values):
            totals[n] = found
            decisions += [_total_decision(ds, n, v, found, usable[0], period) for v in found]
    candidates = [
        n for n in texts if n != period and 1 < distinct[n] - len(totals.get(n, ())) <= MAX_GROUPS
    ]
    near_unique = [n for n in candidates if distinct[n] == frame.height and frame.height > 50]
    candidates = [n for n in candidates if n not in near_unique]
    split = next((n for n in candidates if _MEASURE_HINT.match(n) and distinct[n] <= 30), None)
    split_values: tuple[str, ...] = ()
    if split is not None:
        candidates.remove(split)
        # In the file's own order: a publisher puts the measure it leads with first.
        in_order = frame[split].drop_nulls().unique(maintain_order=True).to_list()
        split_values = tuple(str(v) for v in in_order if str(v) not in totals.get(split, ()))
        decisions.append(
            f"{split!r} names what is counted ({len(split_values)} measures): a long table, "
            "so each measure is taken on its own and never added to another"
        )
    hinted = [n for n in candidates if _GROUP_HINT.search(n)]
    ranked = hinted or sorted(candidates, key=lambda n: -distinct[n])
    group = ranked[0] if ranked else None
    rest = [n for n in candidates if n != group and distinct[n] <= 30]
    category = min(rest, key=lambda n: distinct[n]) if rest else None
    if group:
        decisions.append(f"{group!r} names the groups ({distinct[group]} values)")
    if category:
        decisions.append(f"{category!r} names the categories ({distinct[category]} values)")
    if period is None and group is None:
        raise PressgenError(
            "no period column (years, 2017/18, quarters, months) and no group column "
            "(areas, forces, councils): nothing to compare",
            path=path,
        )
    if long_text is not None:
        decisions.append(
            f"the file is pivoted (one column per period): read as a long table with a "
            f"'period' and a 'value' column ({ds.manifest.file})"
        )
    for m in usable:
        sup = int(frame[suppressed_col(m)].sum())
        if sup:
            decisions.append(f"{sup} suppressed cell(s) in {m!r} are left out, never counted as 0")
    return Profile(
        dataset=ds,
        inferred=inferred,
        measures=tuple(usable),
        period=period,
        periods=periods or (),
        period_kind=kind,
        group=group,
        category=category,
        totals=totals,
        decisions=tuple(decisions),
        split=split,
        split_values=split_values,
        long_text=long_text,
        period_int=year_col is not None,
    )


def _total_decision(
    ds: Dataset, col: str, value: str, found: tuple[str, ...], measure: str, period: str | None
) -> str:
    """Why `value` is taken as a total row, and whether it adds up to the rest."""
    frame = ds.frame
    mine = frame.filter(pl.col(col) == value)
    others = frame.filter(~pl.col(col).is_in(list(found)))
    if period is not None:
        periods = set(mine.get_column(period).unique().to_list())
        others = others.filter(pl.col(period).is_in(list(periods)))
    a, b = _sum(mine, measure), _sum(others, measure)
    verdict = (
        "equals the sum of the other rows"
        if a == b
        else f"does not equal the sum of the others ({a} against {b})"
    )
    return (
        f"rows with {col} = {value!r} are taken as totals ({verdict}) "
        "and left out of every sum, so nothing is added in twice"
    )


def _sum(frame: pl.DataFrame, column: str) -> Decimal:
    total = frame[column].sum()
    return Decimal(str(total)) if total is not None else Decimal(0)


def _years(frame: pl.DataFrame, column: str) -> bool:
    """A whole-number column named like a period whose values are all plausible years."""
    if not _PERIOD_HINT.search(column):
        return False
    values = frame[column].drop_nulls()
    return values.len() > 0 and bool(values.is_between(1800, 2100).all())
