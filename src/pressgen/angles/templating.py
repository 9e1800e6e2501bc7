"""The release template `new` writes: each chosen angle as a Jinja sentence over its
figure, so the numbers always come from the engine (and stay true in a batch).

The sentences are the angle finder's own patterns (angles/wording.py) in the campaign's
language, filled with Jinja expressions where the angle's sentence has numbers: one set
of words serves the listing and the template. Text from the dataset (labels, group
names, periods) goes in as a Jinja string literal, so it is never read as template code.
"""

from __future__ import annotations

import json
from typing import Any

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle
from pressgen.angles.sentences import _plural, column_of
from pressgen.angles.wording import (
    GROUPS_GENDER,
    WORDINGS,
    Wording,
    de_noun,
    fill,
    stop,
    wording_for,
)
from pressgen.angles.wording_more import PLURALS
from pressgen.text.formatting import capitalise


def _lit(text: object) -> str:
    """Text from the data, safe in a template: plain where it has no Jinja syntax."""
    s = str(text)
    if any(mark in s for mark in ("{", "}", "#", "%")):
        return "{{ " + json.dumps(s, ensure_ascii=False) + " }}"
    return s


def _if(test: str, then: str, other: str = "") -> str:
    if not then and not other:
        return ""
    tail = f"{{% else %}}{other}" if other else ""
    return f"{{% if {test} %}}{then}{tail}{{% endif %}}"


def sentence(a: Angle, p: Profile, language: str, each: bool = False) -> str:
    """A template line for the angle in `language`; figures print through `f`."""
    words, own = wording_for(language)
    end = stop(language, own)
    english = language == "en" or not own
    f = a.facts
    n = a.name
    noun = str(f.get("noun") or p.label(column_of(a, p)))
    period = str(f["period"]) if f.get("period") else ""
    groups = _plural(p.label(p.group)) if p.group and english else words["groups"]
    v: dict[str, Any] = {
        "noun": _lit(noun),
        "Noun": _lit(capitalise(noun)),
        "de_noun": _lit(de_noun(noun, language)),
        "period": _lit(period),
        "Period": _lit(capitalise(period)),
        "when": _lit(fill(words["when"], {"period": period})) if period else "",
        "at_least": _if(f"f.{n}.provenance.suppressed", words["at_least"]),
        "groups": groups,
        "joint": "",
    }
    if "from" in f:
        v.update(start=_lit(f["from"]), end=_lit(f["to"]))
    kind = a.kind
    if kind == "total":
        v["n"] = f"{{{{ f.{n} }}}}"
        return fill(words["total" if period else "total_alone"], v) + end
    if kind == "change":
        up = fill(words["up"], {"pct": "{{ c.value | percent }}"})
        down = fill(words["down"], {"pct": "{{ (0 - c.value) | percent }}"})
        v["way"] = (
            f"{{% if c.value > 0 %}}{up}{{% elif c.value < 0 %}}{down}"
            f"{{% else %}}{words['same']}{{% endif %}}"
        )
        if own and language != "en":
            v["way"] = "{{ c.value | change }}"
        v.update(before="{{ c.from_value }}", after="{{ c.to_value }}")
        return f"{{% set c = f.{n} %}}" + fill(words["change"], v) + end
    if kind in ("rise", "fall", "rise_pct"):
        unit = "percent" if kind == "rise_pct" else "count"
        v.update(row="{{ r.group }}", joint=_if("r.joint", words["joint"]))
        v["diff"] = f'{{{{ r.value | change("{unit}") }}}}'
        if not own:
            size = "r" if unit == "percent" else "(r.value | abs) | count"
            v["diff"] = f"{{% if r.value > 0 %}}up{{% else %}}down{{% endif %}} {{{{ {size} }}}}"
        v.update(before="{{ r.base }}", after="{{ r.target }}")
        return f"{{% set r = f.{n}.first %}}" + fill(words[kind], v) + end
    if kind == "count_groups":
        of = next(iter(a.needs))
        gender = GROUPS_GENDER.get(language) if own else None
        g_arg = f', gender="{gender}"' if gender else ""
        v["k"] = f"{{{{ f.{n} | count({g_arg.lstrip(', ')}) }}}}"
        v["K"] = f"{{{{ f.{n} | count(start=True{g_arg}) }}}}"
        v["g"] = f"{{{{ f.{of}.rows | length | count }}}}"
        key = "count_rise" if f["word"] == "rose" else "count_fall"
        return fill(words[key], v) + end
    if kind in ("top", "bottom"):
        v.update(row="{{ t.first.group }}", joint=_if("t.first.joint", words["joint"]))
        v["n"] = "{{ t.first }}"
        others = (
            "{% for r in t.rows[1:3] %}{{ r.group }} ({{ r }})"
            f"{{% if not loop.last %}}{words['and']}{{% endif %}}{{% endfor %}}"
        )
        followed = _if("t.rows | length > 1", fill(words["followed"], {"others": others}))
        return f"{{% set t = f.{n} %}}" + fill(words[kind], v) + followed + end
    if kind == "outlier":
        v.update(row="{{ r.group }}", n="{{ r }}", g=f"{{{{ f.{n}.rows | length | count }}}}")
        return f"{{% set r = f.{n}.first %}}" + fill(words["t_outlier"], v) + end
    if kind == "record":
        v.update(
            row=_lit(f["group"]), n=f"{{{{ f.{n} }}}}", k=f"{{{{ {len(p.periods)} | count }}}}"
        )
        return fill(words["t_record"], v) + end
    if kind in ("share", "combined_share"):
        parts = f.get("categories") or [f["category"]]
        v.update(pct=f"{{{{ f.{n} }}}}", whole=f"{{{{ f.{n}.whole }}}}")
        v["part_name"] = words["and"].join(_lit(c) for c in parts)
        text = fill(words["combined" if kind == "combined_share" else "t_share"], v)
        return text + end
    if kind == "coverage":
        parent = p.label(f["parent"])
        v.update(g=f"{{{{ f.{f['groups_figure']} | count }}}}", k=f"{{{{ f.{n} | count }}}}")
        v["parents"] = _lit(_plural(parent) if english else parent)
        return fill(words["coverage"], v) + end
    if kind in ("rate", "rate_top"):
        v.update(row="{{ r.group }}", joint=_if("r.joint", words["joint"]))
        v.update(per=f"{{{{ {f['per']} | count }}}}", population=_lit(f["population"]))
        one = _lit(p.label(p.group)) if p.group and english else words["group"]
        said = _left_out(f.get("left_out_figure") if not each else None, words, language, one)
        if kind == "rate":
            v["n"] = f"{{{{ f.{n} | number(1) }}}}"
            return fill(words["rate"], v) + said.replace("{groups}", groups) + end
        v["n"] = "{{ r | number(1) }}"
        text = fill(words["rate_top"], v) + said.replace("{groups}", groups)
        return f"{{% set r = f.{n}.first %}}" + text + end
    raise ValueError(a.kind)  # pragma: no cover - every kind above


def _left_out(figure: str | None, words: Wording, language: str, group: str) -> str:
    """How many groups a rate leaves out, from the figure that counts them, in the
    plural form CLDR gives that count ('one area is left out', 'pominięto 5 grup');
    `{groups}` is left for the caller."""
    if figure is None:
        return ""
    lang = language if words is WORDINGS.get(language) else "en"
    forms = {**PLURALS.get(lang, {}).get("rate_left_out", {}), "other": words["rate_left_out"]}
    gender = GROUPS_GENDER.get(lang)
    arg = f'(gender="{gender}")' if gender else ""
    k = f"{{{{ f.{figure} | count{arg} }}}}"
    names = ", ".join(f'{c}="{c}"' for c in forms)
    out = f"{{% set form = f.{figure}.value | plural({names}) %}}"
    for i, (category, pattern) in enumerate(forms.items()):
        text = pattern.replace("{k}", k).replace("{group}", group)
        out += f'{{% {"if" if i == 0 else "elif"} form == "{category}" %}}{text}'
    return out + "{% endif %}"


def base_template(language: str) -> str:
    """The base layout: one for every language, which writes its release line, ENDS and
    headings in the release's language (text/layout_words.py)."""
    del language  # kept for callers: the layout no longer depends on it
    return "base.md.j2"


def template_text(
    angles: list[Angle],
    p: Profile,
    total: str | None,
    noun: str,
    language: str = "en",
    each: bool = False,
) -> str:
    names = [a.name for a in angles]
    head = (
        "{#- pressgen\n"
        'description = "First draft written by `pressgen new`: edit the words, keep the figures."\n'
        f"figures = [{', '.join(json.dumps(x) for x in names)}]\n"
        "-#}\n"
        f'{{% extends "{base_template(language)}" %}}\n'
    )
    body = "\n\n".join(sentence(a, p, language, each) for a in angles)
    local = ""
    if total:
        words, own = wording_for(language)
        v = {
            "group": "{{ group }}",
            "value": "{{ c.value }}",
            "noun": _lit(noun),
            "rank": f'{{{{ c.rank | rank_phrase("{words["highest"]}", joint=c.joint) }}}}',
            "of": "{{ c.of | count }}",
            "share": "{{ c.share_of_total | percent(1) }}",
            "national": "{{ c.national }}",
        }
        local = (
            "{% block local_angle %}\n"
            f"{{% if compare is defined and compare.{total} is defined %}}"
            f"{{% set c = compare.{total} %}}\n"
            + fill(words["local"], v)
            + stop(language, own)
            + "\n"
            "{% endif %}\n{% endblock %}\n"
        )
    return f"{head}{{% block body %}}\n{body}\n{{% endblock %}}\n{local}"


__all__ = ["Wording", "base_template", "sentence", "template_text"]
