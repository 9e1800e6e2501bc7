"""The candidate angles of a profiled dataset, computed exactly (Decimal), each with the
figure spec that makes pressgen's engine compute the same value."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pressgen.angles.groups import group_changes, ranks
from pressgen.angles.groups import share as group_share
from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle, Value, slug
from pressgen.figures.model import DECIMAL_CONTEXT, exact_value
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

MAX_MEASURES = 2
MAX_SPLITS = 4
# Per-group sums: value, suppressed cells, rows.
Sums = dict[str, tuple[Value, int, int]]


def find_angles(p: Profile) -> list[Angle]:
    out: list[Angle] = []
    for m in p.measures[:MAX_MEASURES]:
        if p.split is None:
            out += Finder(p, m).all()
        else:
            for value in p.split_values[:MAX_SPLITS]:
                out += Finder(p, m, value).all()
    return out


class Finder:
    V, S, N = "__v", "__s", "__n"

    def __init__(self, p: Profile, measure: str, split: str | None = None) -> None:
        self.p = p
        self.m = measure
        self.tag = slug(measure) if split is None else f"{slug(measure)}_{slug(split)}"
        self.noun = p.label(measure) if split is None else split
        self.base: dict[str, Any] = {c: {"not_in": list(v)} for c, v in p.totals.items()}
        frame = p.dataset.frame
        if split is not None and p.split is not None:
            self.base[p.split] = split
            frame = frame.filter(pl.col(p.split) == split)
        for col, values in p.totals.items():
            frame = frame.filter(~pl.col(col).is_in(list(values)) | pl.col(col).is_null())
        # Sums add up: one pass over the rows makes a small cube (period x group x
        # category) and every angle is computed from it.
        keys = [c for c in (p.period, p.group, p.category) if c is not None]
        self.frame = frame.group_by(keys).agg(
            pl.col(measure).sum().alias(self.V),
            pl.col(suppressed_col(measure)).sum().alias(self.S),
            pl.len().alias(self.N),
        )
        self._at: dict[str, pl.DataFrame] = {}
        if p.period is not None:
            parts = self.frame.partition_by(p.period, as_dict=True)
            self._at = {str(k[0]): v for k, v in parts.items()}
        self.latest = p.periods[-1] if p.periods else None

    def all(self) -> list[Angle]:
        out: list[Angle] = []
        total = self.total()
        if total:
            out.append(total)
        if self.p.period and len(self.p.periods) >= 2:
            out += self.changes(self.p.periods[-2], "previous")
            if len(self.p.periods) >= 3:
                out += self.changes(self.p.periods[0], "span")
        if self.p.group:
            out += ranks(self)
        if self.p.category:
            share = group_share(self, self.p.category)
            if share:
                out.append(share)
        for a in out:
            a.facts["noun"] = self.noun
        return out

    # -- helpers ---------------------------------------------------------------------
    def where(self, **extra: Any) -> dict[str, Any]:
        w = dict(self.base)
        for col, cond in extra.items():
            if isinstance(cond, dict) and isinstance(w.get(col), dict):
                merged = sorted(set(w[col]["not_in"]) | set(cond["not_in"]))
                w[col] = {"not_in": merged}
            else:
                w[col] = cond
        return w

    def at(self, period: str | None) -> pl.DataFrame:
        if period is None or self.p.period is None:
            return self.frame
        return self._at.get(period, self.frame.clear())

    def total_of(self, frame: pl.DataFrame) -> tuple[Value, int]:
        return exact_value(frame[self.V].sum()), int(frame[self.S].sum())

    def sums(self, frame: pl.DataFrame, by: str) -> Sums:
        agg = frame.group_by(by).agg(
            pl.col(self.V).sum().alias("v"),
            pl.col(self.S).sum().alias("s"),
            pl.col(self.N).sum().alias("n"),
        )
        return {
            str(g): (exact_value(v), int(s), int(n))
            for g, v, s, n in agg.iter_rows()
            if g is not None
        }

    def lit(self, period: str) -> str | int:
        """A period as a spec states it: a number when the period column holds numbers."""
        return int(period) if self.p.period_int else period

    def in_period(self) -> dict[str, Any]:
        if self.p.period is None or self.latest is None:
            return {}
        return {self.p.period: self.lit(self.latest)}

    # -- angles ----------------------------------------------------------------------
    def total(self) -> Angle | None:
        rows = self.at(self.latest)
        value, sup = self.total_of(rows)
        facts: dict[str, Any] = {"period": self.latest, "suppressed": sup}
        if self.p.period and len(self.p.periods) >= 2:
            by_period = {per: self.total_of(self.at(per))[0] for per in self.p.periods}
            facts["series"] = by_period
        spec = {"method": "sum", "column": self.m, "where": self.where(**self.in_period())}
        return Angle(f"total_{self.tag}", "total", value, spec, facts, exact=sup == 0)

    def changes(self, start: str, which: str) -> list[Angle]:
        period, latest = self.p.period, self.latest
        assert period is not None and latest is not None
        before, after = self.at(start), self.at(latest)
        extra: dict[str, Any] = {}
        left_out: list[str] = []
        if self.p.group:
            g = self.p.group
            a = set(before[g].drop_nulls().unique().to_list())
            b = set(after[g].drop_nulls().unique().to_list())
            left_out = sorted(a ^ b)
            if left_out:
                extra[g] = {"not_in": left_out}
                before = before.filter(~pl.col(g).is_in(left_out))
                after = after.filter(~pl.col(g).is_in(left_out))
        (b0, s0), (b1, s1) = self.total_of(before), self.total_of(after)
        facts = {
            "from": start,
            "to": latest,
            "before": b0,
            "after": b1,
            "which": which,
            "left_out": left_out,
            "suppressed": s0 + s1,
        }
        out: list[Angle] = []
        if b0 != 0:
            with decimal.localcontext(DECIMAL_CONTEXT):
                rel = Decimal(b1 - b0) / Decimal(b0)
            spec = {
                "method": "change",
                "column": self.m,
                "period": period,
                "from": self.lit(start),
                "to": self.lit(latest),
                "where": self.where(**extra),
            }
            name = f"change_{self.tag}" if which == "previous" else f"change_{self.tag}_since"
            out.append(Angle(name, "change", rel, spec, facts, exact=s0 + s1 == 0))
        if which == "previous" and self.p.group:
            out += group_changes(self, start, extra, facts)
        return out
