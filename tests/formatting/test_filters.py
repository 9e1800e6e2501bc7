"""The Jinja filters, in a sandbox built from a DictLoader as render does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from jinja2.sandbox import SandboxedEnvironment

from pressgen.errors import PressgenError
from pressgen.release.filters import FILTERS, FORMATTER_KEY
from pressgen.text.formatting import Formatter
from pressgen.text.style import PRESETS


def render(source: str, locale: str = "en_GB", style: str = "uk-press", **data: object) -> str:
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    fmt = Formatter(locale, PRESETS[style])
    return env.from_string(source).render({FORMATTER_KEY: fmt, **data})


def test_every_filter_is_listed() -> None:
    assert {
        "number", "count", "words", "ordinal", "percent", "points", "money", "date",
        "join_list", "compact", "approx", "change", "rank_phrase", "plural", "embargo", "fy",
        "daterange",
    } <= set(FILTERS)  # fmt: skip


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 4534 | number }}", "4,534"),
        ("{{ fig | count }}", "three"),
        ("{{ 3 | count(start=True) }}", "Three"),
        ("{{ 0.52 | percent }}", "52 per cent"),
        ("{{ 1234567 | compact }}", "1.2 million"),
        ("{{ 0.47 | approx }}", "almost half"),
        ("{{ 0.25 | approx('one_in') }}", "one in four"),
        ("{{ 0.12 | change }}", "up 12 per cent"),
        ("{{ 0.03 | change('points') }}", "up 3 percentage points"),
        ("{{ 3 | rank_phrase('highest') }}", "third-highest"),
        ("{{ 3 | ordinal }} {{ 3 | ordinal(figures=True) }}", "third 3rd"),
        ("{{ 2 | plural('officer', 'officers') }}", "officers"),
        ("{{ 432.5 | money('GBP') }}", "£432.50"),
        ("{{ day | date }}", "3 December 2019"),
        ("{{ day | date(weekday=True) }}", "Tuesday 3 December 2019"),
        ("{{ 2017 | fy }}", "2017–18"),
        ("{{ ['A', 'B', 'C'] | join_list }}", "A, B and C"),
        ("{{ when | embargo('Europe/London') }}", "00:01 GMT on Tuesday 3 December 2019"),
    ],
)
def test_filters_en_gb(source: str, expected: str) -> None:
    data = {
        "fig": SimpleNamespace(value=3),
        "day": dt.date(2019, 12, 3),
        "when": dt.datetime(2019, 12, 3, 0, 1),
    }
    assert render(source, **data) == expected


def test_filters_german() -> None:
    out = render(
        "{{ 4534 | number }} {{ 3 | count }} {{ 0.52 | percent }} {{ 3 | rank_phrase('höchste') }}"
        " {{ 1234567 | compact }}",
        "de_DE",
        "de-presse",
    )
    assert out == "4.534 drei 52 Prozent dritthöchste 1,2 Millionen"


def test_filter_errors_are_pressgen_errors() -> None:
    with pytest.raises(PressgenError):
        render("{{ 'abc' | number }}")
    with pytest.raises(PressgenError):
        render("{{ 'two' | words }}")  # 2.5 is rounded first (issue 15 item 12)
    with pytest.raises(PressgenError):
        render("{{ 1 | approx('vibes') }}")


def test_filter_without_formatter() -> None:
    env = SandboxedEnvironment()
    env.filters.update(FILTERS)
    with pytest.raises(PressgenError, match="without a formatter"):
        env.from_string("{{ 1 | number }}").render()


def test_decimal_figure_uses_style_decimals() -> None:
    assert render("{{ x | number }}", x=SimpleNamespace(value=Decimal("12.34"))) == "12.3"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en_GB", "\u201cOfficers\u201d"),
        ("de_DE", "\u201eOfficers\u201c"),
        ("de_AT", "\u201eOfficers\u201c"),
        ("de_CH", "\u00abOfficers\u00bb"),
        ("fr_FR", "\u00ab\u202fOfficers\u202f\u00bb"),
        ("fr_CA", "\u00ab\u00a0Officers\u00a0\u00bb"),
        ("pl_PL", "\u201eOfficers\u201d"),
        ("sv_SE", "\u201dOfficers\u201d"),
        ("ja_JP", "\u300cOfficers\u300d"),
    ],
)
def test_quoted_uses_the_locales_quotation_marks(tag: str, expected: str) -> None:
    from pressgen.text.formatting import Formatter
    from pressgen.text.style import resolve_style

    assert Formatter(tag, resolve_style("plain", {})).quoted("Officers") == expected
