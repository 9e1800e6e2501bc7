"""How the corpus test finds a printed figure in a render: whole figures only, any space."""

from __future__ import annotations

import pytest

from tests.examples.corpus import occurrences


@pytest.mark.parametrize(
    ("figure", "text", "found"),
    [
        ("9%", "down 9% on 2013", 1),
        ("9%", "down 19% on 2013", 0),
        ("46", "from 46 to 81", 1),
        ("46", "1,463 thefts, 4.6 per cent, 46.5 days", 0),
        ("4,043", "4,043 and 4,043.", 2),
        ("1,3 %", "plus 1,3\u00a0% und 1,3\u202f%", 2),
        ("26 655", "26.655 Personen", 0),
        ("2,6%", "la variación fue del -2,6%", 0),
        ("2,5 %", "(+2,5 %)", 0),
        ("joint third", "came Joint third", 1),
        ("more than half", "more than halfway", 0),
        ("3480", "| 3,480 |", 0),
    ],
)
def test_occurrences_counts_whole_figures(figure: str, text: str, found: int) -> None:
    assert occurrences(figure, text) == found
