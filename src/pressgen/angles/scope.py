"""Angles about what the data covers and about answers taken together: how many groups
the figures come from and how many places above them ("46 councils in 20 cities"), and
the combined share of two categories ("61 per cent ticked a religion")."""

from __future__ import annotations

import decimal
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING, Any

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle, slug
from pressgen.figures.model import DECIMAL_CONTEXT
from pressgen.lazy import LazyModule

if TYPE_CHECKING:
    import polars as pl

    from pressgen.angles.candidates import Finder
else:
    pl = LazyModule("polars")

#: A column above the groups needs at least this many values to be worth counting (a
#: yes/no column is a category, not a level above).
MIN_PARENTS = 3
#: Pairs are taken among this many of the largest categories.
PAIR_OF = 3
MAX_CATEGORIES = 6


def coverage(p: Profile) -> Angle | None:
    """The number of distinct values of the column one level above the groups: a text
    column where each group has exactly one value, with fewer values than groups (the
    city each council is in; it may be the category column too). With several, the
    finest (most values) is taken."""
    g = p.group
    if g is None:
        return None
    frame = p.dataset.frame
    for col, values in p.totals.items():
        frame = frame.filter(~pl.col(col).is_in(list(values)) | pl.col(col).is_null())
    skip = {g, p.period, p.split, *p.totals}
    texts = [n for n, c in p.manifest.columns.items() if c.type == "text" and n not in skip]
    if not texts:
        return None
    groups = frame[g].drop_nulls().n_unique()
    per_group = (
        frame.filter(pl.col(g).is_not_null())
        .group_by(g)
        .agg([pl.col(n).drop_nulls().n_unique().alias(n) for n in texts])
    )
    parents: list[tuple[int, str]] = []
    for n in texts:
        count = frame[n].drop_nulls().n_unique()
        if MIN_PARENTS <= count < groups and per_group[n].max() == 1:
            parents.append((count, n))
    if not parents:
        return None
    count, parent = max(parents, key=lambda x: (x[0], x[1]))
    base: dict[str, Any] = {c: {"not_in": list(v)} for c, v in p.totals.items()}
    name = f"{slug(parent)}_of_{slug(g)}"
    groups_name = f"groups_{slug(g)}"
    needs = counting(f"{name}_rows", parent, base) | counting(f"{groups_name}_rows", g, base)
    needs[groups_name] = counted_groups(f"{groups_name}_rows")
    spec = counted_groups(f"{name}_rows")
    facts = {
        "groups": groups,
        "parent": parent,
        "group_column": g,
        "groups_figure": f"groups_{slug(g)}",
    }
    return Angle(name, "coverage", count, spec, facts, needs=needs)


def counting(name: str, column: str, where: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A group figure with each value of `column`'s row count: what `counted_groups`
    counts. (A count of groups, not of people: a `count` figure would be flagged as a
    small number that could identify someone.)"""
    return {name: {"method": "group", "by": column, "measure": "count", "where": where}}


def counted_groups(of: str) -> dict[str, Any]:
    return {"method": "count_groups", "of": of, "condition": {"gt": 0}}


def combined_shares(fd: Finder, col: str) -> list[Angle]:
    """Two categories' share of the whole taken together, for each pair of the largest
    three, where the column has three to six categories (with two, a pair is the whole)."""
    if fd.additive:
        sums = fd.sums(fd.at(fd.latest), col)
        where = fd.where(**fd.in_period())
    else:
        sums = fd.sums(fd.whole_at(fd.latest), col)
        where = fd.where_whole(**fd.in_period())
    whole = sum(v for v, _, _ in sums.values())
    if not 3 <= len(sums) <= MAX_CATEGORIES or whole <= 0:
        return []
    sup = sum(s for _, s, _ in sums.values())
    largest = sorted(sums, key=lambda k: (-sums[k][0], k))[:PAIR_OF]
    out: list[Angle] = []
    for a, b in combinations(largest, 2):
        part = sums[a][0] + sums[b][0]
        with decimal.localcontext(DECIMAL_CONTEXT):
            value = Decimal(part) / Decimal(whole)
            alone = max(Decimal(sums[a][0]), Decimal(sums[b][0])) / Decimal(whole)
        spec = {"method": "share", "column": fd.m, "where": where, "part": {col: [a, b]}}
        facts = {
            "period": fd.latest,
            "part": part,
            "whole": whole,
            "column": col,
            "categories": [a, b],
            "majority": value > Decimal("0.5") >= alone,
            "groups": len(sums),
        }
        name = f"share_{slug(col)}_{slug(a)}_and_{slug(b)}_{fd.tag}"
        out.append(Angle(name, "combined_share", value, spec, facts, exact=sup == 0))
    return out
