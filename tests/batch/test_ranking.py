"""rank_groups: the batch's own ranking gives the places figures.grouped.rank_values
gives, ties and mixed whole numbers and decimals included."""

from __future__ import annotations

import random
from decimal import Decimal

from pressgen.batch.groups import rank_groups
from pressgen.figures.grouped import rank_values
from pressgen.figures.model import Figure


def test_places_match_rank_values() -> None:
    rng = random.Random(5)
    groups = [f"g{i:03d}" for i in range(300)]
    values = {
        g: {
            "n": (rng.randint(0, 40), "count"),
            "s": (Decimal(rng.randint(0, 9)) / 8, "share"),
        }
        for g in groups
    }
    values["g007"]["n"] = (Decimal("12.0"), "count")  # equal to a whole 12: a tie
    del values["g008"]["s"]  # a group without the figure is not ranked on it
    national = {n: Figure(name=n, kind="count", value=1, provenance=None) for n in ("n", "s")}
    ranking = rank_groups({}, national, values)
    for name in ("n", "s"):
        items = [(g, v[name][0]) for g, v in values.items() if name in v]
        want = rank_values(items, descending=True)
        got = {g: ranking.ranks[g][name] for g, _ in items}
        assert got == want
        assert ranking.standings[name].of == len(items)
    assert "s" not in ranking.ranks["g008"]
