"""Reading numbers out of a draft: regressions found by the untouched-render invariant."""

from __future__ import annotations

import pytest

from pressgen.check.draft import html_text
from pressgen.check.numbers import number_reader
from pressgen.text.style import resolve_style


def _read(
    text: str, locale: str = "de_DE", style: str = "de-presse"
) -> list[tuple[str, str | None]]:
    return [(t.text, t.ignored) for t in number_reader(locale, resolve_style(style)).read(text)]


def test_a_year_beside_a_count_is_not_a_financial_year() -> None:
    # Wrapped wire text: the dateline's year, a dash, then the lead figure. Read as the
    # "financial year 2019–62" it hid the date and the count.
    assert _read("LONDON, 3. Dezember 2019 – 62.714 Beamtinnen") == [
        ("3. Dezember 2019", "date"),
        ("62.714", None),
    ]


@pytest.mark.parametrize(
    "label", ["2017–18", "2018/2019", "2019-20", "2019 – 20", "FY19", "2015–21"]
)
def test_financial_years_and_spans_of_years_are_labels(label: str) -> None:
    assert _read(f"in {label} stieg", "en_GB", "uk-press") == [(label, "financial year")]


def test_an_html_draft_reads_one_line_per_block() -> None:
    page = (
        "<html><head><title>62 ignored</title><style>p{}</style></head><body>"
        "<p>First <b>4,534</b> officers</p><table><tr><td>Kent</td><td>12</td></tr></table>"
        "</body></html>"
    )
    assert html_text(page) == "First 4,534 officers\nKent\n12\n"


@pytest.mark.parametrize(
    ("locale", "style", "text", "unit", "value"),
    [
        ("de_DE", "de-presse", "dreitausend Fälle", "plain", "3000"),
        ("de_DE", "de-presse", "zweihundertfünfzig Anzeigen", "plain", "250"),
        ("de_DE", "de-presse", "dreitausendfünfhundertzwölf Anzeigen", "plain", "3512"),
        ("de_DE", "de-presse", "zehn Prozent", "percent", "10"),
        ("en_GB", "uk-press", "ten per cent", "percent", "10"),
        ("de_DE", "de-presse", "31 204 Fälle", "plain", "31204"),
        ("de_DE", "de-presse", "31\u202f204 Fälle", "plain", "31204"),
        ("en_GB", "uk-press", "31\u00a0204 cases", "plain", "31204"),
        ("en_GB", "uk-press", "three-fifths of cases", "approx", "60.0"),
        ("de_DE", "de-presse", "zwei Drittel der Fälle", "approx", None),
        ("de_DE", "de-presse", "jede zehnte Anzeige", "approx", "10.0"),
    ],
)
def test_numbers_in_words_and_grouped_by_spaces(
    locale: str, style: str, text: str, unit: str, value: str | None
) -> None:
    tokens = number_reader(locale, resolve_style(style)).read(text)
    assert len(tokens) == 1, tokens
    assert tokens[0].unit == unit
    if value is not None:
        assert str(tokens[0].value) == value
