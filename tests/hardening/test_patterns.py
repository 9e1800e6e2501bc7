"""User patterns in a house style: checked at load, never given to `str.format`.

`embargo_format` and `fy_format` are written in pressgen's placeholder language
(named fields in braces, `{{`/`}}` for a brace, nothing else); `date_format`,
`weekday_date_format` and `time_format` must be CLDR widths or patterns with the right
kind of fields. A bad pattern is a one-line error naming the rule, when the campaign is
loaded — not a traceback, a MemoryError or a minute of swapping half-way through a render.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from pressgen.errors import PressgenError
from pressgen.release.campaign import load_campaign
from pressgen.text.date_patterns import check_date_pattern
from pressgen.text.formatting import Formatter
from pressgen.text.placeholders import PatternError, compile_placeholders
from pressgen.text.style import EMBARGO_FIELDS, FY_FIELDS, PRESETS, HouseStyle, resolve_style
from tests.hardening.project import make_project, run_pressgen

HOSTILE = [
    "{time.__init__.__globals__}",
    "{time:>10000000000}",
    "{time:>1000000000}",
    "{time!r}",
    "{time[0]}",
    "{}",
    "{0}",
    "{ time }",
    "{nope}",
    "at {time} }",
    "at {time",
    "{time:{date}}",
    "x" * 201,
]


@pytest.mark.parametrize("pattern", HOSTILE)
def test_hostile_placeholder_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_placeholders(pattern, EMBARGO_FIELDS)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{time} {zone} on {date}", "00:01 GMT on Tuesday"),
        ("{{embargo}} {time}", "{embargo} 00:01"),
        ("{date}}}", "Tuesday}"),
        ("until {time}, {time}", "until 00:01, 00:01"),
        ("no fields at all", "no fields at all"),
    ],
)
def test_the_placeholder_language_fills_names_and_escapes(pattern: str, expected: str) -> None:
    filled = compile_placeholders(pattern, EMBARGO_FIELDS).fill(
        {"time": "00:01", "zone": "GMT", "date": "Tuesday"}
    )
    assert filled == expected


def test_a_value_is_inserted_as_text_not_read_as_a_pattern() -> None:
    filled = compile_placeholders("{start}/{end}", FY_FIELDS).fill(
        {"start": "{end.__class__}", "end": "{{x}}"}
    )
    assert filled == "{end.__class__}/{{x}}"


@pytest.mark.parametrize("rule", ["embargo_format", "fy_format"])
@pytest.mark.parametrize("pattern", HOSTILE[:4])
def test_a_campaign_with_a_hostile_pattern_is_refused_at_load(
    tmp_path: Path, rule: str, pattern: str
) -> None:
    project = make_project(tmp_path)
    escaped = pattern.replace("\\", "\\\\").replace('"', '\\"')
    campaign = project.write_campaign(extra=f'[style_overrides]\n{rule} = "{escaped}"\n')
    start = time.process_time()  # CPU time: a loaded machine does not stretch it
    with pytest.raises(PressgenError) as caught:
        load_campaign(campaign)
    assert time.process_time() - start < 5.0  # refused at load; formatting took 17-53 s
    assert caught.value.path == str(campaign)
    assert caught.value.where == f"style_overrides.{rule}"
    assert "\n" not in str(caught.value)


def test_cli_refuses_a_pattern_that_used_to_eat_gigabytes(tmp_path: Path) -> None:
    """`{time:>1000000000}` took 17-53 s and 2-3 GB in str.format; now it never runs."""
    project = make_project(tmp_path)
    campaign = project.write_campaign(
        extra='[style_overrides]\nembargo_format = "{time:>1000000000}"\n',
        tail="",
    )
    text = campaign.read_text("utf-8").replace(
        "date = 2020-01-02\n", "date = 2020-01-02\nembargo = 2020-01-02T00:01:00\n"
    )
    campaign.write_text(text, "utf-8")
    run = run_pressgen("render", str(campaign), cwd=project.root, timeout=30)
    assert run.status == 2, run.stderr
    line = run.stderr.strip()
    assert "\n" not in line and "Traceback" not in run.stderr
    assert line.startswith(f"pressgen: {campaign}: style_overrides.embargo_format: ")
    # The old behaviour took 2-3 GB. The figure counts what the child had from pytest
    # when it was forked, so the bound is loose.
    assert run.max_rss_mb < 1000


@pytest.mark.parametrize(
    "pattern", ["0.000", "0.000000000000", "HH:mm", "d MMMM y HH:mm", "d MMMMMMM y", "'d MMMM y"]
)
@pytest.mark.parametrize("rule", ["date_format", "weekday_date_format"])
def test_date_patterns_without_date_fields_are_refused(rule: str, pattern: str) -> None:
    with pytest.raises(PressgenError) as caught:
        resolve_style("uk-press", {rule: pattern})
    assert caught.value.where == rule
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("pattern", ["d MMMM y", "long", "EEEE, d. MMMM y", "d 'of' MMMM y"])
def test_real_date_patterns_are_accepted(pattern: str) -> None:
    style = resolve_style("uk-press", {"date_format": pattern})
    assert Formatter("en_GB", style).date(dt.date(2019, 12, 3))


@pytest.mark.parametrize("pattern", ["d MMM", "00", "y"])
def test_time_patterns_need_time_fields(pattern: str) -> None:
    with pytest.raises(PressgenError, match="time"):
        resolve_style("uk-press", {"time_format": pattern})


def test_every_preset_passes_its_own_checks() -> None:
    for style in PRESETS.values():
        assert HouseStyle.model_validate(style.model_dump()) == style


def test_every_accepted_field_width_is_one_babel_can_print() -> None:
    """The checker's letters and widths are Babel's: nothing it accepts fails later."""
    from babel.dates import format_date, format_time

    from pressgen.text.date_patterns import _DATE_FIELDS, _TIME_FIELDS

    day = dt.date(2019, 12, 3)
    moment = dt.datetime(2019, 12, 3, 0, 1, tzinfo=dt.UTC)
    for letter, widths in _DATE_FIELDS.items():
        for width in widths:
            pattern = f"{letter * width} d"
            assert check_date_pattern(pattern) == pattern
            assert format_date(day, pattern, locale="en_GB")
    for letter, widths in _TIME_FIELDS.items():
        for width in widths:
            pattern = f"{letter * width} HH"
            assert check_date_pattern(pattern, time=True) == pattern
            assert format_time(moment, pattern, locale="en_GB")


def test_a_style_that_skipped_validation_still_fails_cleanly() -> None:
    """Defence in depth: a style built without validation cannot reach str.format."""
    style = HouseStyle.model_construct(**{**PRESETS["uk-press"].model_dump(), "fy_format": "{x.y}"})
    with pytest.raises(PressgenError, match="bad fy_format"):
        Formatter("en_GB", style).fy(2017)


def test_validation_error_names_the_rule() -> None:
    with pytest.raises(ValidationError) as caught:
        HouseStyle(embargo_format="{time.__class__}")
    assert caught.value.errors()[0]["loc"] == ("embargo_format",)
