"""The release template `new` writes: each chosen angle as a Jinja sentence over its
figure, so the numbers always come from the engine (and stay true in a batch)."""

from __future__ import annotations

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle
from pressgen.angles.sentences import _plural


def sentence(a: Angle, p: Profile) -> str:
    """A template line for the angle; figures print through `f`."""
    f = a.facts
    n = a.name
    col = str(a.spec.get("column") or next(iter(a.needs.values()))["column"])
    noun = str(f.get("noun") or p.label(col))
    when = f" in {f['period']}" if f.get("period") else ""
    groups = _plural(p.label(p.group)) if p.group else "groups"
    sup = f"{{% if f.{n}.provenance.suppressed %}}at least {{% endif %}}"
    if a.kind == "total":
        return f"There were {sup}{{{{ f.{n} }}}} {noun}{when}."
    if a.kind == "change":
        return (
            f"{{% set c = f.{n} %}}{noun.capitalize()} were "
            f"{{% if c.value > 0 %}}up {{{{ c.value | percent }}}}{{% elif c.value < 0 %}}down "
            f"{{{{ (0 - c.value) | percent }}}}{{% else %}}unchanged{{% endif %}} between "
            f"{f['from']} and {f['to']}, from {{{{ c.from_value }}}} to {{{{ c.to_value }}}}."
        )
    if a.kind in ("rise", "fall"):
        word, way = ("rise", "up") if a.kind == "rise" else ("fall", "down")
        sign = "" if a.kind == "rise" else "0 - "
        return (
            f"{{% set r = f.{n}.first %}}{{{{ r.group }}}} had the "
            f"{{% if r.joint %}}joint {{% endif %}}largest {word} in {noun} between "
            f"{f['from']} and {f['to']}: {way} {{{{ ({sign}r.value) | count }}}}, from "
            f"{{{{ r.base }}}} to {{{{ r.target }}}}."
        )
    if a.kind == "rise_pct":
        return (
            f"{{% set r = f.{n}.first %}}{{{{ r.group }}}} had the "
            f"{{% if r.joint %}}joint {{% endif %}}largest rise in {noun} in per cent terms: "
            f"up {{{{ r }}}} between {f['from']} and {f['to']}, from {{{{ r.base }}}} to "
            f"{{{{ r.target }}}}."
        )
    if a.kind == "count_groups":
        of = next(iter(a.needs))
        word = "rise" if f["word"] == "rose" else "fall"
        return (
            f"{{{{ f.{n} | count(start=True) }}}} of the {{{{ f.{of}.rows | length | count }}}} "
            f"{groups} saw {noun} {word} between {f['from']} and {f['to']}."
        )
    if a.kind in ("top", "bottom"):
        most = "most" if a.kind == "top" else "fewest"
        return (
            f"{{% set t = f.{n} %}}{{{{ t.first.group }}}} recorded the "
            f"{{% if t.first.joint %}}joint {{% endif %}}{most} {noun}{when}: "
            f"{{{{ t.first }}}}{{% if t.rows | length > 1 %}}, followed by "
            f"{{% for r in t.rows[1:3] %}}{{{{ r.group }}}} ({{{{ r }}}}){{% if not loop.last %}}"
            f" and {{% endif %}}{{% endfor %}}{{% endif %}}."
        )
    if a.kind == "outlier":
        return (
            f"{{% set r = f.{n}.first %}}{{{{ r.group }}}} stands out with {{{{ r }}}} "
            f"{noun}{when}, well above the average across the "
            f"{{{{ f.{n}.rows | length | count }}}} {groups}."
        )
    if a.kind == "record":
        return (
            f"{f['group']} recorded {{{{ f.{n} }}}} {noun}{when}, its highest in the "
            f"{len(p.periods)} periods of the data."
        )
    if a.kind == "share":
        return (
            f"{f['category']} accounted for {{{{ f.{n} }}}} of the {{{{ f.{n}.whole }}}} "
            f"{noun}{when}."
        )
    raise ValueError(a.kind)  # pragma: no cover - every kind above


def template_text(angles: list[Angle], p: Profile, total: str | None, noun: str) -> str:
    names = [a.name for a in angles]
    head = (
        "{#- pressgen\n"
        'description = "First draft written by `pressgen new`: edit the words, keep the figures."\n'
        f"figures = [{', '.join(repr(x).replace(chr(39), chr(34)) for x in names)}]\n"
        "-#}\n"
        '{% extends "base.md.j2" %}\n'
    )
    body = "\n\n".join(sentence(a, p) for a in angles)
    local = ""
    if total:
        local = (
            "{% block local_angle %}\n"
            f"{{% if compare is defined and compare.{total} is defined %}}"
            f"{{% set c = compare.{total} %}}\n"
            f"How {{{{ group }}}} compares: its {{{{ c.value }}}} {noun} were the "
            '{{ c.rank | rank_phrase("highest", joint=c.joint) }} of the {{ c.of | count }}, '
            "{{ c.share_of_total | percent(1) }} of the {{ c.national }} in all.\n"
            "{% endif %}\n{% endblock %}\n"
        )
    return f"{head}{{% block body %}}\n{body}\n{{% endblock %}}\n{local}"
