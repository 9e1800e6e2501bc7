"""Each angle as a plain sentence, in the locale and house style (via the Formatter)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle
from pressgen.text.formatting import Formatter, capitalise


def what(p: Profile, measure: str) -> str:
    """The noun for the measure: the column's label (e.g. 'attendees')."""
    return p.label(measure)


def column_of(angle: Angle) -> str:
    """The measure an angle counts (a count of groups: that of the figure it counts)."""
    spec = angle.spec if "column" in angle.spec else next(iter(angle.needs.values()))
    return str(spec["column"])


def write(angle: Angle, p: Profile, fmt: Formatter) -> str:
    f: dict[str, Any] = angle.facts
    m = column_of(angle)
    noun = str(f.get("noun") or what(p, m))
    when = f" in {f['period']}" if f.get("period") else ""

    def n(v: Any) -> str:
        return fmt.count(v)

    def pct(v: Any) -> str:
        # A change that is not zero never prints as "0 per cent": more places until it
        # shows (0.3 per cent), at most three.
        places = fmt.style.change_decimals
        while places < 3 and v != 0 and fmt.round(abs(Decimal(v)) * 100, places) == 0:
            places += 1
        return fmt.percent(v, places)

    at_least = "" if angle.exact else "at least "
    groups = _plural(p.label(p.group)) if p.group else "groups"
    text: str
    if angle.kind == "total":
        text = f"There were {at_least}{n(angle.value)} {noun}{when}"
        series: dict[str, Any] | None
        series = f.get("series")
        if series and len(series) >= 3 and angle.value == max(series.values()):
            text += f", the highest of the {n(len(series))} periods"
    elif angle.kind == "change":
        rel = Decimal(angle.value)
        way = "up" if rel > 0 else "down" if rel < 0 else "unchanged"
        size = "" if rel == 0 else f" {pct(abs(rel))}"
        text = (
            f"{capitalise(noun)} were {way}{size} between {f['from']} and {f['to']}, "
            f"from {n(f['before'])} to {n(f['after'])}"
        )
        if f["left_out"]:
            text += (
                f" ({n(len(f['left_out']))} {groups} without figures for both periods are left out)"
            )
    elif angle.kind in ("rise", "fall"):
        joint = "joint " if f["tied"] else ""
        word = "rise" if angle.kind == "rise" else "fall"
        text = (
            f"{angle.row} had the {joint}largest {word} in {noun} between {f['from']} and "
            f"{f['to']}: {'up' if word == 'rise' else 'down'} {n(abs(angle.value))}, "
            f"from {n(f['before_g'])} to {n(f['after_g'])}"
        )
    elif angle.kind == "rise_pct":
        joint = "joint " if f["tied"] else ""
        text = (
            f"{angle.row} had the {joint}largest rise in {noun} in per cent terms: up "
            f"{pct(angle.value)} between {f['from']} and {f['to']}, from {n(f['before_g'])} "
            f"to {n(f['after_g'])}"
        )
    elif angle.kind == "count_groups":
        text = (
            f"{capitalise(n(angle.value))} of the {n(f['groups'])} {groups} saw {noun} "
            f"{'rise' if f['word'] == 'rose' else 'fall'} between {f['from']} and {f['to']}"
        )
    elif angle.kind in ("top", "bottom"):
        order = f["order"] if angle.kind == "top" else f["asc"]
        sums = f["sums"]
        most = "most" if angle.kind == "top" else "fewest"
        tied = sum(1 for k in order if sums[k][0] == angle.value) > 1
        text = f"{angle.row} recorded the {'joint ' if tied else ''}{most} {noun}{when}: {n(angle.value)}"
        nxt = [f"{k} ({n(sums[k][0])})" for k in order[1:3]]
        if nxt:
            text += f", followed by {fmt.join(nxt)}"
    elif angle.kind == "outlier":
        ratio = Decimal(angle.value) / f["mean"]
        text = (
            f"{angle.row} stands out with {n(angle.value)} {noun}{when}, "
            f"{fmt.decimal(ratio, 1)} times the average of {fmt.decimal(f['mean'], 1)} "
            f"across the {n(f['groups'])} {groups}"
        )
    elif angle.kind == "record":
        text = (
            f"{f['group']} recorded {n(angle.value)} {noun}{when}, its highest in the "
            f"{n(f['periods'])} periods of the data (previous high {n(f['previous_best'])})"
        )
    elif angle.kind == "share":
        col = p.label(f["column"])
        which = f"the largest {col}: " if f.get("largest", True) else ""
        text = (
            f"{f['category']} accounted for {fmt.percent(angle.value)} of the "
            f"{n(f['whole'])} {noun}{when} ({which}{n(f['part'])} of {n(f['whole'])})"
        )
    else:  # pragma: no cover - every kind above
        text = f"{angle.name}: {angle.value}"
    if not angle.exact:
        text += "; suppressed cells are left out, so the true figure may be higher"
    return text + "."


def _plural(noun: str) -> str:
    """An English plural for a column label used as a noun ('force' -> 'forces')."""
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
