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
