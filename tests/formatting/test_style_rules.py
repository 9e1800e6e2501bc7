"""House-style rules people asked for (issue 15 item 9): space grouping, "%" with no space
in English, a per-figure percent word, signed figures, raw table integers, ordinal dates;
and an embargo time that a DST change skips or repeats (item 12)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jinja2.sandbox import SandboxedEnvironment

from pressgen.check.numbers import PLAIN, number_reader
from pressgen.errors import PressgenError
from pressgen.release.campaign import load_campaign
from pressgen.release.filters import FILTERS, FORMATTER_KEY, GLOBALS
from pressgen.text.formatting import Formatter
from pressgen.text.style import resolve_style


def fmt(locale: str, preset: str, **rules: Any) -> Formatter:
    return Formatter(locale, resolve_style(preset, rules))


def render(source: str, formatter: Formatter, **data: object) -> str:
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env.from_string(source).render({FORMATTER_KEY: formatter, **data})


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("locale", "31.204"),
        ("nnbsp", "31\u202f204"),
        ("nbsp", "31\u00a0204"),
        ("thin", "31\u2009204"),
        ("space", "31 204"),
        ("none", "31204"),
    ],
)
def test_group_separator(rule: str, expected: str) -> None:
    f = fmt("de_DE", "de-presse", group_separator=rule)
    assert f.decimal(31204) == expected
    # the rule reaches every number the formatter prints: counts, percentages, compact
    assert f.count(31204) == expected
    assert f.percent(Decimal("312.04"), 0).startswith(expected)


def test_space_grouped_numbers_are_read_back_by_check() -> None:
    style = resolve_style("de-presse", {"group_separator": "nnbsp"})
    reader = number_reader("de_DE", style)
    tokens = [t for t in reader.read("Insgesamt 26\u202f655 Personen.") if t.checked]
    assert [(t.value, t.unit) for t in tokens] == [(Decimal(26655), PLAIN)]


def test_min_grouping_digits_groups_four_digits_where_cldr_does_not() -> None:
    assert fmt("es_ES", "plain").decimal(8595) == "8595"
    assert fmt("es_ES", "plain", min_grouping_digits=1).decimal(8595) == "8.595"
    assert fmt("en_GB", "plain", min_grouping_digits=2).decimal(8595) == "8595"
    assert fmt("en_GB", "plain", min_grouping_digits=2).decimal(18595) == "18,595"


@pytest.mark.parametrize(
    ("locale", "preset", "expected"),
    [
        ("en_GB", "uk-press", "4%"),  # was "4 %": '%' is the locale's sign, not a word
        ("en_US", "uk-press", "4%"),
        ("de_DE", "de-presse", "4\u00a0%"),  # German CLDR sets the sign off
        ("fr_FR", "uk-press", "4\u00a0%"),
    ],
)
def test_percent_word_percent_sign_is_the_locales_sign(
    locale: str, preset: str, expected: str
) -> None:
    assert fmt(locale, preset, percent_word="%").percent(Decimal("0.04")) == expected


def test_mixed_percent_styles_in_one_release() -> None:
    f = fmt("en_GB", "uk-press")
    text = render("{{ s | percent }} in the text, {{ s | percent(word='%') }} in a table", f, s=0.4)
    assert text == "40 per cent in the text, 40% in a table"
    g = fmt("en_GB", "uk-press", percent_word="%")
    assert render("{{ s | percent(word='per cent') }}", g, s=0.4) == "40 per cent"
    with pytest.raises(PressgenError, match="word must be text"):
        render("{{ s | percent(word=3) }}", g, s=0.4)


@pytest.mark.parametrize(
    ("source", "value", "expected"),
    [
        ("{{ x | number(sign=True) }}", 183000, "+183\u202f000"),
        ("{{ x | number(sign=True) }}", -183000, "-183\u202f000"),
        ("{{ x | number(sign=True) }}", 0, "0"),
        ("{{ x | percent(1, sign=True) }}", Decimal("0.025"), "+2,5\u00a0%"),
        ("{{ x | percent(1, sign=True) }}", Decimal("-0.025"), "-2,5\u00a0%"),
        ("{{ x | percent(1, sign=True) }}", Decimal("0.00001"), "weniger als 0,1\u00a0%"),
    ],
)
def test_signed_figures(source: str, value: object, expected: str) -> None:
    locale, preset = ("fr_FR", "fr-presse") if "number" in source else ("de_DE", "de-presse")
    f = fmt(locale, preset, percent_word="%")
    assert render(source, f, x=value) == expected


def test_raw_integers_in_a_table() -> None:
    f = fmt("en_GB", "plain")
    assert render("| {{ x | number(group=False) }} | {{ x | number }} |", f, x=3480) == (
        "| 3480 | 3,480 |"
    )
    assert render("{{ x | number(1, group=False) }}", f, x=Decimal("12345.67")) == "12345.7"


@pytest.mark.parametrize(
    ("locale", "day", "expected"),
    [
        ("en_GB", 31, "31st July 2017"),
        ("en_GB", 2, "2nd July 2017"),
        ("en_GB", 3, "3rd July 2017"),
        ("en_GB", 11, "11th July 2017"),
        ("en_GB", 12, "12th July 2017"),
        ("en_GB", 22, "22nd July 2017"),
        ("fr_FR", 1, "1er juillet 2017"),
        ("fr_FR", 2, "2 juillet 2017"),
        ("de_DE", 1, "1. Juli 2017"),  # German writes the ordinal dot already
    ],
)
def test_ordinal_dates(locale: str, day: int, expected: str) -> None:
    preset = {"en": "uk-press", "fr": "fr-presse", "de": "de-presse"}[locale[:2]]
    f = fmt(locale, preset, ordinal_dates=True)
    assert f.date(dt.date(2017, 7, day)) == expected


def test_ordinal_dates_are_off_by_default() -> None:
    assert fmt("en_GB", "uk-press").date(dt.date(2017, 7, 31)) == "31 July 2017"


@pytest.mark.parametrize(
    ("when", "words"),
    [
        (dt.datetime(2026, 3, 29, 1, 30), "does not exist in Europe/London"),
        (dt.datetime(2026, 10, 25, 1, 30), "happens twice in Europe/London"),
    ],
)
def test_an_embargo_at_a_dst_change_is_an_error_at_render(when: dt.datetime, words: str) -> None:
    with pytest.raises(PressgenError, match=words):
        fmt("en_GB", "uk-press").embargo(when, "Europe/London")


_CAMPAIGN = """\
title = "t"
dataset = "d"
quotes = "q"
template = "t"

[release]
headline = "h"
dateline = "LONDON"
date = 2026-03-29
embargo = {embargo}
timezone = "Europe/London"
organisation = "o"
boilerplate = "b"
contact = {{ name = "n" }}
"""


def test_an_embargo_at_a_dst_change_is_refused_naming_the_campaign_field(
    tmp_path: Path,
) -> None:
    path = tmp_path / "campaigns" / "c.toml"
    path.parent.mkdir()
    path.write_text(_CAMPAIGN.format(embargo="2026-03-29T01:30:00"), encoding="utf-8")
    with pytest.raises(PressgenError) as err:
        load_campaign(path)
    assert err.value.where == "release.embargo"
    assert "does not exist in Europe/London" in err.value.message
    path.write_text(_CAMPAIGN.format(embargo="2026-03-29T02:30:00"), encoding="utf-8")
    with pytest.raises(PressgenError) as err:
        load_campaign(path)
    assert err.value.where != "release.embargo"  # a valid time passes this rule


@pytest.mark.parametrize(
    ("locale", "preset", "text"),
    [("en_GB", "uk-press", "on 31st July 2017, "), ("fr_FR", "fr-presse", "le 1er juillet 2017,")],
)
def test_check_reads_no_figure_in_an_ordinal_date(locale: str, preset: str, text: str) -> None:
    style = resolve_style(preset, {"ordinal_dates": True})
    assert [t for t in number_reader(locale, style).read(text) if t.checked] == []


def test_a_block_in_another_style(tmp_path: Path) -> None:
    """`{% call restyle(...) %}`: "per cent" in the text and "%" in a table, and the
    release's own style again after the block (also inside loops and macros)."""
    from pressgen.release.render import environment

    (tmp_path / "t.md.j2").write_text(
        "{% macro cell(x) %}{{ x | percent }}{% endmacro %}"
        "{{ s | percent }} ({{ n | number }}).\n"
        "{% call restyle(percent_word='%', group_separator='none') %}"
        "{% for r in rows %}| {{ r | percent }} | {{ cell(r) }} | {{ n | number }} |\n{% endfor %}"
        "{% endcall %}"
        "{{ s | percent }} ({{ n | number }}).",
        encoding="utf-8",
    )
    env = environment([tmp_path])
    out = env.get_template("t.md.j2").render(
        {FORMATTER_KEY: fmt("en_GB", "uk-press"), "s": 0.4, "n": 3480, "rows": [0.25, 0.5]}
    )
    assert out == (
        "40 per cent (3,480).\n| 25% | 25% | 3480 |\n| 50% | 50% | 3480 |\n40 per cent (3,480)."
    )


def test_restyle_refuses_an_unknown_rule_and_needs_a_block() -> None:
    with pytest.raises(PressgenError, match="unknown house-style rule 'percent_sign'"):
        render("{% call restyle(percent_sign='%') %}x{% endcall %}", fmt("en_GB", "uk-press"))
    with pytest.raises(PressgenError, match="call block"):
        render("{{ restyle(percent_word='%') }}", fmt("en_GB", "uk-press"))
