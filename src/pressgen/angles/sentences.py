"""Each angle as a plain sentence, in the locale and house style (via the Formatter)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle
from pressgen.angles.wording import (
    GROUPS_GENDER,
    WORDINGS,
    counted,
    de_noun,
    fill,
    stop,
    wording_for,
)
from pressgen.text.formatting import Formatter, capitalise
from pressgen.text.phrases import change


def what(p: Profile, measure: str) -> str:
    """The noun for the measure: the column's label (e.g. 'attendees')."""
    return p.label(measure)


def column_of(angle: Angle, p: Profile) -> str:
    """The measure an angle counts (a count of groups: that of the figure it counts; a
    count of places: the dataset's first measure)."""
    for spec in (angle.spec, *angle.needs.values()):
        if "column" in spec:
            return str(spec["column"])
    return p.measures[0]


def write(angle: Angle, p: Profile, fmt: Formatter) -> str:
    """The angle as one sentence in the formatter's language (English where pressgen has
    no wording for it yet: see angles.wording)."""
    words, own = wording_for(fmt.language)
    f: dict[str, Any] = angle.facts
    m = column_of(angle, p)
    noun = str(f.get("noun") or what(p, m))
    period = str(f["period"]) if f.get("period") else ""

    def n(v: Any) -> str:
        return fmt.count(v)

    def counts(k: int) -> str:
        """A count of the language's own word for groups, in its gender (German
        'eine Gruppe'); an English label takes no gender."""
        return fmt.count(k, gender=GROUPS_GENDER.get(fmt.language) if own else None)

    def pct(v: Any) -> str:
        return fmt.percent(v, _places(fmt, v))

    english = words is WORDINGS["en"]
    groups = _plural(p.label(p.group)) if p.group and english else words["groups"]
    group = p.label(p.group) if p.group and english else words["group"]
    v: dict[str, Any] = {
        "noun": noun,
        "Noun": capitalise(noun),
        "de_noun": de_noun(noun, fmt.language),
        "period": period,
        "Period": capitalise(period),
        "when": fill(words["when"], {"period": period}) if period else "",
        "at_least": "" if angle.exact else words["at_least"],
        "groups": groups,
        "row": angle.row or f.get("group", ""),
        "joint": words["joint"] if f.get("tied") else "",
    }
    if "from" in f:
        v.update(start=f["from"], end=f["to"])
    kind = angle.kind
    if kind == "total":
        v["n"] = n(angle.value)
        text = fill(words["total" if period else "total_alone"], v)
        series: dict[str, Any] | None = f.get("series")
        if series and len(series) >= 3 and angle.value == max(series.values()):
            text += fill(words["record_suffix"], {"k": n(len(series))})
    elif kind == "change":
        rel = Decimal(angle.value)
        way = "up" if rel > 0 else "down" if rel < 0 else "same"
        v.update(way=fill(words[way], {"pct": pct(abs(rel))}), before=n(f["before"]))
        if own and fmt.language != "en":
            # The language's own change words, with its articles ("dell’11 %").
            v["way"] = change(fmt, rel, "percent", _places(fmt, rel))
        v["after"] = n(f["after"])
        text = fill(words["change"], v)
        if f["left_out"]:
            k = len(f["left_out"])
            text += fill(
                counted(fmt, words, "left_out", k),
                {"k": counts(k), "groups": groups, "group": group},
            )
    elif kind in ("rise", "fall", "rise_pct"):
        # The direction in the language's change words ("up 30", "in calo di 10",
        # "wzrost o 12 %"), never a sign.
        unit: Literal["count", "percent"] = "percent" if kind == "rise_pct" else "count"
        if own:
            v["diff"] = change(fmt, angle.value, unit)
        else:  # the English words around the locale's numbers, as the rest of the sentence
            size = pct(abs(angle.value)) if unit == "percent" else n(abs(angle.value))
            v["diff"] = f"{'up' if angle.value > 0 else 'down'} {size}"
        v.update(before=n(f["before_g"]), after=n(f["after_g"]))
        text = fill(words[kind], v)
    elif kind == "count_groups":
        gender = GROUPS_GENDER.get(fmt.language) if own else None
        said = fmt.count(angle.value, gender=gender)
        v.update(k=said, K=capitalise(said), g=n(f["groups"]))
        text = fill(words["count_rise" if f["word"] == "rose" else "count_fall"], v)
    elif kind in ("top", "bottom"):
        order = f["order"] if kind == "top" else f["asc"]
        sums = f["sums"]
        tied = sum(1 for k in order if sums[k][0] == angle.value) > 1
        v.update(n=n(angle.value), joint=words["joint"] if tied else "")
        text = fill(words[kind], v)
        others = [f"{k} ({n(sums[k][0])})" for k in order[1:3]]
        if others:
            text += fill(words["followed"], {"others": fmt.join(others)})
    elif kind == "outlier":
        ratio = Decimal(angle.value) / f["mean"]
        v.update(n=n(angle.value), ratio=fmt.decimal(ratio, 1), g=n(f["groups"]))
        v["mean"] = fmt.decimal(f["mean"], 1)
        text = fill(words["outlier"], v)
    elif kind == "record":
        v.update(n=n(angle.value), k=n(f["periods"]), best=n(f["previous_best"]))
        text = fill(words["record"], v)
    elif kind == "share":
        largest = f.get("largest", True)
        which = fill(words["largest"], {"column": p.label(f["column"])}) if largest else ""
        v.update(part_name=f["category"], pct=fmt.percent(angle.value), whole=n(f["whole"]))
        v.update(which=which, part=n(f["part"]))
        text = fill(words["share"], v)
    elif kind == "combined_share":
        names = fmt.join([str(c) for c in f["categories"]])
        v.update(part_name=names, pct=fmt.percent(angle.value), whole=n(f["whole"]))
        text = fill(words["combined"], v)
    elif kind == "coverage":
        parent = p.label(f["parent"])
        v.update(g=n(f["groups"]), k=n(angle.value))
        v["parents"] = _plural(parent) if english else parent
        text = fill(words["coverage"], v)
    elif kind in ("rate", "rate_top"):
        v.update(n=fmt.decimal(angle.value, 1), per=n(f["per"]), population=f["population"])
        text = fill(words[kind], v)
        if f["left_out"]:
            k = len(f["left_out"])
            pattern = counted(fmt, words, "rate_left_out", k)
            text += fill(pattern, {"k": counts(k), "groups": groups, "group": group})
    else:  # pragma: no cover - every kind above
        text = f"{angle.name}: {angle.value}"
    if not angle.exact:
        text += words["suppressed"]
    return text + stop(fmt.language, own)


def _places(fmt: Formatter, v: Any) -> int:
    """A change that is not zero never prints as "0 per cent": more places until it
    shows (0.3 per cent), at most three."""
    places = fmt.style.change_decimals
    while places < 3 and v != 0 and fmt.round(abs(Decimal(v)) * 100, places) == 0:
        places += 1
    return places


def _plural(noun: str) -> str:
    """An English plural for a column label used as a noun ('force' -> 'forces')."""
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
