"""The candidate angles of a profiled dataset, computed exactly (Decimal), each with the
figure spec that makes pressgen's engine compute the same value."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pressgen.angles.groups import category_shares, group_changes, ranks
from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle, Value, slug
from pressgen.angles.population import rates
from pressgen.angles.scope import combined_shares, coverage
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
    scope = coverage(p)
    if scope is not None:
        scope.facts["noun"] = p.label(p.measures[0])
        out.append(scope)
    return out


class Finder:
    V, S, N, C = "__v", "__s", "__n", "__c"

    def __init__(self, p: Profile, measure: str, split: str | None = None) -> None:
        self.p = p
        self.m = measure
        self.tag = slug(measure) if split is None else f"{slug(measure)}_{slug(split)}"
        self.noun = p.label(measure) if split is None else split
        self.base: dict[str, Any] = {c: {"not_in": list(v)} for c, v in p.totals.items()}
        self.split_where: dict[str, Any] = {}
        frame = p.dataset.frame
        if split is not None and p.split is not None:
            self.base[p.split] = split
            self.split_where = {p.split: split}
            frame = frame.filter(pl.col(p.split) == split)
        published = self._published_total(frame)
        for col, values in p.totals.items():
            frame = frame.filter(~pl.col(col).is_in(list(values)) | pl.col(col).is_null())
        # Sums add up: one pass over the rows makes a small cube (period x group x
        # category) and every angle is computed from it.
        keys = [c for c in (p.period, p.group, p.category) if c is not None]
        self.frame = self._cube(frame, keys)
        #: The rows the whole is read from. The parts' sum, unless the file has its own
        #: total row and the parts do not add up to it (an average, a rate, groups that
        #: overlap): then the published total is the whole, and no share of it is taken.
        self.whole = self.frame
        self.whole_where: dict[str, Any] | None = None
        self.additive = True
        if published is not None:
            marks, rows = published
            whole = self._cube(rows, [c for c in (p.period, p.category) if c is not None])
            if not self._adds_up(whole):
                self.whole, self.additive = whole, False
                self.whole_where = marks
        self._at: dict[str, pl.DataFrame] = {}
        self._whole_at: dict[str, pl.DataFrame] = {}
        if p.period is not None:
            parts = self.frame.partition_by(p.period, as_dict=True)
            self._at = {str(k[0]): v for k, v in parts.items()}
            wholes = self.whole.partition_by(p.period, as_dict=True)
            self._whole_at = {str(k[0]): v for k, v in wholes.items()}
        # This measure's own periods: those with a value or a suppressed cell for it. In
        # a long table one measure may stop a year before another; a period it has no
        # rows for is missing, never a zero ("down 100 per cent, from 631,000 to 0").
        self.periods: tuple[str, ...] = tuple(
            per
            for per in p.periods
            if per in self._whole_at
            and int(self._whole_at[per][self.C].sum()) + int(self._whole_at[per][self.S].sum()) > 0
        )
        self.latest = self.periods[-1] if self.periods else None

    def all(self) -> list[Angle]:
        out: list[Angle] = []
        if self.p.period is not None and not self.periods:
            return out  # no value in any period: nothing to say about this measure
        total = self.total()
        if total:
            out.append(total)
        if self.p.period and len(self.periods) >= 2:
            out += self.changes(self.periods[-2], "previous")
            if len(self.periods) >= 3:
                out += self.changes(self.periods[0], "span")
        if self.p.group:
            out += ranks(self)
            if self.p.population is not None and self.additive:
                out += rates(self)
            if self.additive:
                out += combined_shares(self, self.p.group)
        if self.p.category:
            out += category_shares(self, self.p.category)
            out += combined_shares(self, self.p.category)
        for a in out:
            a.facts["noun"] = self.noun
        return out

    # -- helpers ---------------------------------------------------------------------
    def _cube(self, frame: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
        m = self.m
        aggs = (
            pl.col(m).sum().alias(self.V),
            pl.col(suppressed_col(m)).sum().alias(self.S),
            pl.len().alias(self.N),
            pl.col(m).count().alias(self.C),
        )
        if not keys:
            return frame.select(*aggs)
        return frame.group_by(keys).agg(*aggs)

    def _published_total(self, frame: pl.DataFrame) -> tuple[dict[str, str], pl.DataFrame] | None:
        """The file's own grand total rows for this measure, and the marks that pick them:
        of the rows marked as totals ("Total", "All workers", "England"), those whose sum
        is the largest (a grand total holds every subtotal, so it is never smaller than
        one). Where those rows are split again by another column that has a total of its
        own (England by crime type, with an "All crimes" row), only that total row is
        taken, so nothing in the whole is counted twice."""
        best: tuple[Decimal, dict[str, str], pl.DataFrame] | None = None
        for col, values in self.p.totals.items():
            for value in values:
                marks = {col: value}
                rows = frame.filter(pl.col(col) == value)
                for other, totals in self.p.totals.items():
                    if other == col or rows.height == 0:
                        continue
                    present = {str(v) for v in rows[other].drop_nulls().unique().to_list()}
                    mine = sorted(present & set(totals))
                    if mine and present - set(totals):
                        marks[other] = mine[0]
                        rows = rows.filter(pl.col(other) == mine[0])
                if rows.height == 0 or rows[self.m].count() == 0:
                    continue
                size = abs(Decimal(str(rows[self.m].sum())))
                if best is None or size > best[0]:
                    best = (size, marks, rows)
        return None if best is None else (best[1], best[2])

    def _adds_up(self, whole: pl.DataFrame) -> bool:
        """Whether the rows are parts of the published total: their sum equals it in the
        latest period both have. Parts that do not add up to it are something else
        (averages, rates, groups that overlap, a group the total leaves out), and the
        file's own total is the whole a release quotes."""
        period = self.p.period
        if period is None:
            return self.total_of(whole)[0] == self.total_of(self.frame)[0]
        parts = self.frame.group_by(period).agg(pl.col(self.V).sum().alias("p"))
        whole = whole.group_by(period).agg(pl.col(self.V).sum())
        both = {str(k): (w, q) for k, w, q in whole.join(parts, on=period).iter_rows()}
        latest = next((per for per in reversed(self.p.periods) if per in both), None)
        if latest is None:
            return True
        w, q = both[latest]
        return exact_value(w) == exact_value(q)

    def whole_at(self, period: str | None) -> pl.DataFrame:
        if period is None or self.p.period is None:
            return self.whole
        return self._whole_at.get(period, self.whole.clear())

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
    def where_whole(self, **extra: Any) -> dict[str, Any]:
        """The rows of the whole: the parts (totals left out), or the published total."""
        if self.whole_where is None:
            return self.where(**extra)
        # The total rows by their own mark alone: another column's total marks would
        # leave them out (the grand total's group is "All workers").
        return {**self.split_where, **self.whole_where, **extra}

    def total(self) -> Angle | None:
        rows = self.whole_at(self.latest)
        value, sup = self.total_of(rows)
        facts: dict[str, Any] = {"period": self.latest, "suppressed": sup}
        if not self.additive:
            facts["published_total"] = True
        if self.p.period and len(self.periods) >= 2:
            by_period = {per: self.total_of(self.whole_at(per))[0] for per in self.periods}
            facts["series"] = by_period
        spec = {"method": "sum", "column": self.m, "where": self.where_whole(**self.in_period())}
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
        whole_where = self.where(**extra)
        if not self.additive:
            # The published total of each period, as printed: the groups' own gaps say
            # nothing about it (the group angles below still compare like with like).
            before, after = self.whole_at(start), self.whole_at(latest)
            whole_where = self.where_whole()
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
        # The groups compare like with like whatever the whole is read from.
        group_facts = {**facts, "left_out": left_out}
        if not self.additive:
            facts["left_out"] = []  # the published total leaves no group out
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
                "where": whole_where,
            }
            name = f"change_{self.tag}" if which == "previous" else f"change_{self.tag}_since"
            out.append(Angle(name, "change", rel, spec, facts, exact=s0 + s1 == 0))
        if which == "previous" and self.p.group:
            out += group_changes(self, start, extra, group_facts)
        return out
