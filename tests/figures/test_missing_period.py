"""A group's change or difference needs both periods (issue 15, item 10): a group with no
data for one of them is left out of the ranking with a warning, never counted from 0."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.figures.conftest import figures_of
from tests.unit.helpers import dataset

THEFTS = """force,year,thefts
Kent,2015,100
Kent,2016,120
Newforce,2016,900
Oldforce,2015,40
Essex,2015,70
Essex,2016,50
"""


@pytest.mark.parametrize("measure", ["difference", "change"])
def test_a_group_missing_a_period_is_left_out_and_named(tmp_path: Path, measure: str) -> None:
    ds = dataset(tmp_path, THEFTS, {"force": "text", "year": "int", "thefts": "int"})
    spec = {
        "method": "group",
        "by": "force",
        "measure": measure,
        "column": "thefts",
        "period": "year",
        "from": 2015,
        "to": 2016,
    }
    fig = figures_of(ds, {"by_force": spec})["by_force"]
    ranked = [(r.group, r.rank) for r in fig.value]
    # Newforce (no 2015) does not rank first with its whole 2016 total, and Oldforce (no
    # 2016) does not rank last with its whole 2015 total
    assert ranked == [("Kent", 1), ("Essex", 2), ("Newforce", None), ("Oldforce", None)]
    missing = {r.group: r for r in fig.value if r.value is None}
    assert missing["Newforce"].base is None
    assert "no value for period '2015' in 1 group(s), left out: Newforce" in fig.warnings
    assert "no value for period '2016' in 1 group(s), left out: Oldforce" in fig.warnings
    assert len(fig.warnings) == 2  # each group named once
    if measure == "difference":
        assert [r.value for r in fig.value[:2]] == [20, -20]
    else:
        assert fig.value[0].value == Decimal("0.2")


def test_counting_rows_a_period_without_rows_is_still_missing(tmp_path: Path) -> None:
    ds = dataset(tmp_path, THEFTS, {"force": "text", "year": "int", "thefts": "int"})
    spec = {
        "method": "group",
        "by": "force",
        "measure": "difference",
        "period": "year",
        "from": 2015,
        "to": 2016,
    }
    fig = figures_of(ds, {"d": spec})["d"]
    assert {r.group: r.value for r in fig.value} == {
        "Kent": 0,
        "Essex": 0,
        "Newforce": None,
        "Oldforce": None,
    }


def test_a_suppressed_period_stays_in_flagged_and_an_empty_one_is_left_out(
    tmp_path: Path,
) -> None:
    """A suppressed cell is a small number the source hid: the group stays in, with the
    figure's suppressed-cell warning. An empty cell is no figure at all."""
    data = "force,year,thefts\nKent,2015,100\nKent,2016,<5\nEssex,2015,70\nEssex,2016,\n"
    ds = dataset(tmp_path, data, {"force": "text", "year": "int", "thefts": "int"})
    spec = {
        "method": "group",
        "by": "force",
        "measure": "difference",
        "column": "thefts",
        "period": "year",
        "from": 2015,
        "to": 2016,
    }
    fig = figures_of(ds, {"d": spec})["d"]
    assert {r.group: r.value for r in fig.value} == {"Kent": -100, "Essex": None}
    assert any("suppressed" in w for w in fig.warnings)
    assert "no value for period '2016' in 1 group(s), left out: Essex" in fig.warnings
