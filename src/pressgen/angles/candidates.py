"""The candidate angles of a profiled dataset, computed exactly (Decimal), each with the
figure spec that makes pressgen's engine compute the same value."""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle, Value
from pressgen.figures.engine import DECIMAL_CONTEXT, exact_value
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import suppressed_col

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

MAX_MEASURES = 2
# Per-group sums: value, suppressed cells, rows.
Sums = dict[str, tuple[Value, int, int]]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40] or "x"


def find_angles(p: Profile) -> list[Angle]:
    out: list[Angle] = []
    for m in p.measures[:MAX_MEASURES]:
        out += _Finder(p, m).all()
    return out


class _Finder:
    V, S, N = "__v", "__s", "__n"

    def __init__(self, p: Profile, measure: str) -> None:
        self.p = p
        self.m = measure
        self.tag = slug(measure)
        self.base: dict[str, Any] = {c: {"not_in": list(v)} for c, v in p.totals.items()}
        frame = p.dataset.frame
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
            out += self.ranks()
        if self.p.category:
            share = self.share(self.p.category)
            if share:
                out.append(share)
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

    def in_period(self) -> dict[str, Any]:
        return {self.p.period: self.latest} if self.p.period else {}

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
                "from": start,
                "to": latest,
                "where": self.where(**extra),
            }
            name = f"change_{self.tag}" if which == "previous" else f"change_{self.tag}_since"
            out.append(Angle(name, "change", rel, spec, facts, exact=s0 + s1 == 0))
        if which == "previous" and self.p.group:
            out += self.group_changes(start, extra, facts)
        return out

    def group_changes(
        self, start: str, extra: dict[str, Any], facts: dict[str, Any]
    ) -> list[Angle]:
        g, period, latest = self.p.group, self.p.period, self.latest
        assert g is not None and period is not None
        left = set(facts["left_out"])
        before = {k: v for k, v in self.sums(self.at(start), g).items() if k not in left}
        after = {k: v for k, v in self.sums(self.at(latest), g).items() if k not in left}
        diffs = {k: after[k][0] - before[k][0] for k in after if k in before}
        if len(diffs) < 2:
            return []
        where = self.where(**extra)
        common = {"by": g, "column": self.m, "period": period, "from": start, "to": latest}
        diff_name = f"{self.tag}_difference_by_{slug(g)}"
        diff_spec = {"method": "group", "measure": "difference", **common, "where": where}
        sup = {k: before[k][1] + after[k][1] for k in diffs}
        out: list[Angle] = []
        for order, sign in (("desc", 1), ("asc", -1)):
            best = sorted(diffs, key=lambda k: (-sign * diffs[k], k))[0]
            if sign * diffs[best] <= 0:
                continue
            spec = {**diff_spec, "order": order}
            f = {
                **facts,
                "group": best,
                "before_g": before[best][0],
                "after_g": after[best][0],
                "tied": sum(1 for v in diffs.values() if v == diffs[best]) > 1,
                "groups": len(diffs),
            }
            kind = "rise" if sign > 0 else "fall"
            out.append(
                Angle(
                    f"largest_{kind}_{self.tag}",
                    kind,
                    diffs[best],
                    spec,
                    f,
                    row=best,
                    exact=sup[best] == 0,
                )
            )
        with decimal.localcontext(DECIMAL_CONTEXT):
            rel = {k: Decimal(diffs[k]) / Decimal(before[k][0]) for k in diffs if before[k][0]}
        if rel:
            best = sorted(rel, key=lambda k: (-rel[k], k))[0]
            if rel[best] > 0:
                spec = {"method": "group", "measure": "change", **common, "where": where}
                f = {
                    **facts,
                    "group": best,
                    "before_g": before[best][0],
                    "after_g": after[best][0],
                    "groups": len(rel),
                    "tied": sum(1 for v in rel.values() if v == rel[best]) > 1,
                }
                out.append(
                    Angle(
                        f"largest_rise_pct_{self.tag}",
                        "rise_pct",
                        rel[best],
                        spec,
                        f,
                        row=best,
                        exact=sup[best] == 0,
                    )
                )
        for cond, word in (({"gt": 0}, "rose"), ({"lt": 0}, "fell")):
            n = sum(1 for v in diffs.values() if (v > 0 if word == "rose" else v < 0))
            spec = {"method": "count_groups", "of": diff_name, "condition": cond}
            f = {**facts, "groups": len(diffs), "word": word}
            out.append(
                Angle(
                    f"groups_{word}_{self.tag}",
                    "count_groups",
                    n,
                    spec,
                    f,
                    needs={diff_name: diff_spec},
                    exact=sum(sup.values()) == 0,
                )
            )
        return out

    def ranks(self) -> list[Angle]:
        g = self.p.group
        assert g is not None
        sums = self.sums(self.at(self.latest), g)
        if len(sums) < 2:
            return []
        spec = {
            "method": "group",
            "by": g,
            "measure": "sum",
            "column": self.m,
            "where": self.where(**self.in_period()),
        }
        ordered = sorted(sums, key=lambda k: (-sums[k][0], k))
        values = [sums[k][0] for k in ordered]
        with decimal.localcontext(DECIMAL_CONTEXT):
            mean = sum((Decimal(v) for v in values), Decimal(0)) / len(values)
        total = sum(values)
        facts = {
            "period": self.latest,
            "order": ordered,
            "sums": sums,
            "mean": mean,
            "groups": len(sums),
            "total": total,
        }
        asc = sorted(sums, key=lambda k: (sums[k][0], k))
        facts["asc"] = asc
        top, bottom = ordered[0], asc[0]
        out = [
            Angle(
                f"top_{slug(g)}_{self.tag}",
                "top",
                sums[top][0],
                spec,
                facts,
                row=top,
                exact=sums[top][1] == 0,
            ),
            Angle(
                f"bottom_{slug(g)}_{self.tag}",
                "bottom",
                sums[bottom][0],
                {**spec, "order": "asc"},
                facts,
                row=bottom,
                exact=sums[bottom][1] == 0,
            ),
        ]
        if len(sums) >= 3 and mean > 0 and sums[top][0] >= 2 * mean:
            out.append(
                Angle(
                    f"outlier_{slug(g)}_{self.tag}",
                    "outlier",
                    sums[top][0],
                    spec,
                    facts,
                    row=top,
                    exact=sums[top][1] == 0,
                )
            )
        if total > 0:
            share = self.share(g, sums)
            if share:
                out.append(share)
        return out

    def share(self, col: str, sums: Sums | None = None) -> Angle | None:
        sums = sums if sums is not None else self.sums(self.at(self.latest), col)
        whole = sum(v for v, _, _ in sums.values())
        if len(sums) < 2 or whole <= 0:
            return None
        top = sorted(sums, key=lambda k: (-sums[k][0], k))[0]
        with decimal.localcontext(DECIMAL_CONTEXT):
            value = Decimal(sums[top][0]) / Decimal(whole)
        spec = {
            "method": "share",
            "column": self.m,
            "where": self.where(**self.in_period()),
            "part": {col: top},
        }
        sup = sum(s for _, s, _ in sums.values())
        facts = {
            "period": self.latest,
            "part": sums[top][0],
            "whole": whole,
            "column": col,
            "category": top,
            "groups": len(sums),
        }
        return Angle(
            f"largest_share_{slug(col)}_{self.tag}",
            "share",
            value,
            spec,
            facts,
            row=None,
            exact=sup == 0,
        )
