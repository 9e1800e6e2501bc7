"""The angles about groups: the largest rise and fall, how many rose or fell, the top
and bottom, an outlier, a record and the largest share (naming its whole)."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pressgen.angles.model import Angle, Value, slug
from pressgen.figures.model import DECIMAL_CONTEXT, exact_value
from pressgen.lazy import LazyModule

if TYPE_CHECKING:
    import polars as pl

    from pressgen.angles.candidates import Finder, Sums
else:
    pl = LazyModule("polars")


def group_changes(
    fd: Finder, start: str, extra: dict[str, Any], facts: dict[str, Any]
) -> list[Angle]:
    g, period, latest = fd.p.group, fd.p.period, fd.latest
    assert g is not None and period is not None
    left = set(facts["left_out"])
    before = {k: v for k, v in fd.sums(fd.at(start), g).items() if k not in left}
    after = {k: v for k, v in fd.sums(fd.at(latest), g).items() if k not in left}
    diffs = {k: after[k][0] - before[k][0] for k in after if k in before}
    if len(diffs) < 2:
        return []
    where = fd.where(**extra)
    common = {
        "by": g,
        "column": fd.m,
        "period": period,
        "from": fd.lit(start),
        "to": fd.lit(str(latest)),
    }
    diff_name = f"{fd.tag}_difference_by_{slug(g)}"
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
                f"largest_{kind}_{fd.tag}",
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
                    f"largest_rise_pct_{fd.tag}",
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
                f"groups_{word}_{fd.tag}",
                "count_groups",
                n,
                spec,
                f,
                needs={diff_name: diff_spec},
                exact=sum(sup.values()) == 0,
            )
        )
    return out


def ranks(fd: Finder) -> list[Angle]:
    g = fd.p.group
    assert g is not None
    # A group whose cells in the period are all suppressed has no value: the engine
    # leaves it unranked (never 0), so it is never the top or the bottom.
    sums = {k: v for k, v in fd.sums(fd.at(fd.latest), g).items() if not (v[0] == 0 and v[1])}
    if len(sums) < 2:
        return []
    spec = {
        "method": "group",
        "by": g,
        "measure": "sum",
        "column": fd.m,
        "where": fd.where(**fd.in_period()),
    }
    ordered = sorted(sums, key=lambda k: (-sums[k][0], k))
    values = [sums[k][0] for k in ordered]
    with decimal.localcontext(DECIMAL_CONTEXT):
        mean = sum((Decimal(v) for v in values), Decimal(0)) / len(values)
    total = sum(values)
    facts = {
        "period": fd.latest,
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
            f"top_{slug(g)}_{fd.tag}",
            "top",
            sums[top][0],
            spec,
            facts,
            row=top,
            exact=sums[top][1] == 0,
        ),
        Angle(
            f"bottom_{slug(g)}_{fd.tag}",
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
                f"outlier_{slug(g)}_{fd.tag}",
                "outlier",
                sums[top][0],
                spec,
                facts,
                row=top,
                exact=sums[top][1] == 0,
            )
        )
    found = record(fd, sums)
    if found:
        out.append(found)
    if total > 0 and fd.additive:  # a share of parts that do not add up would lie
        whole = share(fd, g, sums)
        if whole:
            out.append(whole)
    return out


#: Categories whose share of the whole is offered: the largest and the next ones (with
#: two categories, the smaller is often the story: the union membership rate).
MAX_SHARES = 3


def share(fd: Finder, col: str, sums: Sums | None = None) -> Angle | None:
    """The largest part's share of the whole (the groups' own sum)."""
    found = shares(fd, col, sums, fd.where(**fd.in_period()), 1)
    return found[0] if found else None


def category_shares(fd: Finder, col: str) -> list[Angle]:
    """Each category's share of the whole, largest first: of the parts' sum, or of the
    file's own total rows where the parts do not add up to them."""
    if fd.additive:
        return shares(fd, col, None, fd.where(**fd.in_period()), MAX_SHARES)
    sums = fd.sums(fd.whole_at(fd.latest), col)
    return shares(fd, col, sums, fd.where_whole(**fd.in_period()), MAX_SHARES)


def shares(
    fd: Finder, col: str, sums: Sums | None, where: dict[str, Any], most: int
) -> list[Angle]:
    sums = sums if sums is not None else fd.sums(fd.at(fd.latest), col)
    whole = sum(v for v, _, _ in sums.values())
    if len(sums) < 2 or whole <= 0:
        return []
    sup = sum(s for _, s, _ in sums.values())
    out: list[Angle] = []
    for i, part in enumerate(sorted(sums, key=lambda k: (-sums[k][0], k))[:most]):
        with decimal.localcontext(DECIMAL_CONTEXT):
            value = Decimal(sums[part][0]) / Decimal(whole)
        spec = {"method": "share", "column": fd.m, "where": where, "part": {col: part}}
        facts = {
            "period": fd.latest,
            "part": sums[part][0],
            "whole": whole,
            "column": col,
            "category": part,
            "largest": i == 0,
            "groups": len(sums),
        }
        name = (
            f"largest_share_{slug(col)}_{fd.tag}"
            if i == 0
            else f"share_{slug(col)}_{slug(part)}_{fd.tag}"
        )
        out.append(Angle(name, "share", value, spec, facts, row=None, exact=sup == 0))
    return out


def record(fd: Finder, latest: Sums) -> Angle | None:
    """The group whose latest figure beats its own every earlier one by the most."""
    g, period = fd.p.group, fd.p.period
    if g is None or period is None or len(fd.periods) < 3:
        return None
    earlier = fd.frame.filter(pl.col(period) != fd.lit(str(fd.latest)))
    best_before: dict[str, Value] = {}
    for grp, _per, v in earlier.group_by([g, period]).agg(pl.col(fd.V).sum()).iter_rows():
        if grp is not None:
            val = exact_value(v)
            best_before[str(grp)] = max(best_before.get(str(grp), val), val)
    margins = {
        k: latest[k][0] - best_before[k]
        for k in latest
        if k in best_before and latest[k][0] > best_before[k] and latest[k][1] == 0
    }
    if not margins:
        return None
    top = sorted(margins, key=lambda k: (-margins[k], k))[0]
    spec = {
        "method": "sum",
        "column": fd.m,
        "where": fd.where(**{g: top}, **fd.in_period()),
    }
    facts = {
        "period": fd.latest,
        "group": top,
        "previous_best": best_before[top],
        "periods": len(fd.periods),
    }
    return Angle(f"record_{slug(g)}_{fd.tag}", "record", latest[top][0], spec, facts)
