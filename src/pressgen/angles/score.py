"""Newsworthiness: a score for each angle with the reasons that make it up. Size of
change, extremity of rank and crossing a round threshold raise it; small numbers that
could identify people and suppressed cells lower it and are flagged."""

from __future__ import annotations

from decimal import Decimal

from pressgen.angles.model import Angle, Value

BASE = {
    "total": 50,
    "change": 40,
    "rise": 30,
    "fall": 30,
    "rise_pct": 22,
    "count_groups": 28,
    "top": 34,
    "bottom": 18,
    "outlier": 30,
    "share": 30,
    "combined_share": 20,
    "coverage": 36,
    "rate": 44,
    "rate_top": 36,
}


def round_crossed(a: Value, b: Value) -> int | None:
    """The round number (1, 2 or 5 times a power of ten, at least 100) passed between a and b."""
    lo, hi = sorted((Decimal(a), Decimal(b)))
    best = None
    step = 100
    while step <= hi:
        for k in (1, 2, 5):
            r = k * step
            if lo < r <= hi:
                best = r
        step *= 10
    return best


def score(angle: Angle, small: int) -> None:
    f = angle.facts
    pts = BASE.get(angle.kind, 20)
    reasons = [f"{angle.kind} angle: {pts}"]

    def add(n: int, why: str) -> None:
        nonlocal pts
        pts += n
        reasons.append(f"{'+' if n >= 0 else ''}{n} {why}")

    if angle.kind == "change":
        size = min(40, int(abs(Decimal(angle.value)) * 100))
        add(size, f"size of change ({abs(Decimal(angle.value)) * 100:.1f}%)")
        crossed = round_crossed(f["before"], f["after"])
        if crossed:
            add(10, f"crosses the round number {crossed:,}")
        if f["which"] == "span":
            add(-8, "over the whole span, less fresh than the latest change")
        if f["left_out"]:
            reasons.append(
                f"{len(f['left_out'])} group(s) missing a period left out (like with like)"
            )
    elif angle.kind == "total":
        if f.get("published_total"):
            reasons.append("the file's own total row: its groups do not add up to it")
        series = f.get("series") or {}
        if len(series) >= 3 and angle.value == max(series.values()):
            add(15, "a record: highest of all periods")
        vals = list(series.values())
        if len(vals) >= 2:
            crossed = round_crossed(vals[-2], vals[-1])
            if crossed:
                add(10, f"crosses the round number {crossed:,}")
    elif angle.kind in ("rise", "fall", "rise_pct"):
        before = Decimal(f["before_g"])
        rel = (Decimal(f["after_g"]) - before) / before if before else Decimal(1)
        add(min(30, int(abs(rel) * 50)), f"size of change ({abs(rel) * 100:.1f}% in that group)")
        if f["tied"]:
            add(-5, "shares the place with another group")
        if angle.kind == "rise_pct" and before < 20:
            add(-15, f"small base ({before}): per cent changes from it swing widely")
    elif angle.kind in ("top", "bottom", "outlier"):
        order, sums = f["order"], f["sums"]
        if angle.kind == "top" and len(order) >= 2 and sums[order[1]][0]:
            lead = Decimal(sums[order[0]][0]) / Decimal(sums[order[1]][0]) - 1
            add(min(25, int(lead * 50)), f"extremity of rank: {lead * 100:.0f}% ahead of second")
        if angle.kind == "outlier":
            ratio = Decimal(angle.value) / f["mean"]
            add(min(30, int((ratio - 2) * 10) + 10), f"{ratio:.1f} times the average")
    elif angle.kind == "record":
        prev = Decimal(f["previous_best"])
        gain = (Decimal(angle.value) - prev) / prev if prev else Decimal(1)
        add(min(20, int(gain * 40)), f"a record for the group, {gain * 100:.0f}% above its best")
        add(min(10, f["periods"]), f"highest in {f['periods']} periods")
    elif angle.kind == "count_groups":
        frac = Decimal(angle.value) / f["groups"] if f["groups"] else Decimal(0)
        add(int(frac * 30) - 10, f"{frac * 100:.0f}% of groups")
    elif angle.kind == "combined_share":
        add(int(Decimal(angle.value) * 20), "size of the two shares together")
        if f["majority"]:
            add(8, "together a majority, where neither is one alone")
    elif angle.kind == "coverage":
        add(min(10, f["groups"] // 5), f"the scope of the figures: {f['groups']} groups")
    elif angle.kind == "rate":
        reasons.append(f"joined to a population: {f['groups']} groups")
        if f["left_out"]:
            add(-5, f"{len(f['left_out'])} group(s) without a population left out")
    elif angle.kind == "rate_top":
        ratio = Decimal(angle.value) / Decimal(f["mean"]) if f["mean"] else Decimal(1)
        add(min(25, int((ratio - 1) * 25)), f"{ratio:.1f} times the overall rate")
        if f["tied"]:
            add(-5, "shares the place with another group")
    elif angle.kind == "share":
        add(int(Decimal(angle.value) * 30), "size of the share")
        if f["groups"] < 2:
            add(-20, "a share of a whole with one part")
    for n in _small_numbers(angle):
        if 0 < n < small:
            add(-25, f"small number ({n} < {small}) could identify people")
            angle.flags.append(f"small number {n}: could identify people, a person must decide")
            break
    if not angle.exact:
        add(-10, "uses suppressed cells: not exact")
        angle.flags.append("suppressed cells left out: the true figure may be higher")
    angle.score = max(0, pts)
    angle.reasons = reasons


def _small_numbers(angle: Angle) -> list[int]:
    f = angle.facts
    if angle.kind in ("total", "top", "bottom", "outlier", "count_groups", "record"):
        vals: list[Value] = [angle.value] if angle.kind != "count_groups" else []
    elif angle.kind in ("rise", "fall", "rise_pct"):
        vals = [f["before_g"], f["after_g"]]
    elif angle.kind == "change":
        vals = [f["before"], f["after"]]
    elif angle.kind in ("share", "combined_share", "rate_top"):
        vals = [f["part"]]
    elif angle.kind == "rate":
        vals = [f["numerator"]]
    else:
        vals = []
    return [int(v) for v in vals if Decimal(v) == Decimal(v).to_integral_value()]


def rank(angles: list[Angle], small: int) -> list[Angle]:
    for a in angles:
        score(a, small)
    return sorted(angles, key=lambda a: (-a.score, a.name))
