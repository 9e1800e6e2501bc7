"""Ratios of two columns and each group's share of the whole (issue 15, items 1 and 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressgen.errors import PressgenError
from pressgen.sources.dataset import Dataset
from tests.figures.conftest import div, figures_of


def test_a_ratio_is_one_total_over_another_exactly(fines: Dataset) -> None:
    figs = figures_of(
        fines,
        {
            "mean_fine": {"method": "ratio", "column": "value", "denominator": "issued"},
            "paid_rate": {
                "method": "ratio",
                "column": "paid",
                "denominator": "decided",
                "as": "share",
                "where": {"year": 2017},
            },
        },
    )
    mean = figs["mean_fine"]
    # 35,000.00 over 610 notices; the suppressed value of Southby 2017 is left out
    assert mean.value == div("35000.00", 610)
    assert mean.kind == "money"
    assert mean.extra["currency"] == "GBP"
    assert mean.extra["numerator"] == Decimal("35000.00")
    assert mean.extra["denominator"] == 610
    assert mean.provenance.method == "ratio: total of value / total of issued"
    assert any("suppressed" in w for w in mean.warnings)
    # the suppressed cell leaves one row with a denominator and no numerator
    assert any("only one of 'value' and 'issued'" in w for w in mean.warnings)
    paid = figs["paid_rate"]
    assert paid.kind == "share"
    assert paid.value == div(40, 112)
    assert paid.provenance.filter == "year = 2017"
    assert paid.provenance.rows == 4


def test_a_ratio_over_zero_is_an_error_naming_the_field(fines: Dataset) -> None:
    with pytest.raises(PressgenError) as err:
        figures_of(
            fines,
            {
                "r": {
                    "method": "ratio",
                    "column": "paid",
                    "denominator": "decided",
                    "where": {"council": "Northgate", "paid": 0},
                }
            },
        )
    assert "figures.r" in str(err.value)


def test_a_ratio_needs_number_columns(fines: Dataset) -> None:
    with pytest.raises(PressgenError, match="not numbers"):
        figures_of(fines, {"r": {"method": "ratio", "column": "paid", "denominator": "nation"}})


def test_a_group_ratio_ranks_each_councils_own_ratio(fines: Dataset) -> None:
    fig = figures_of(
        fines,
        {
            "paid": {
                "method": "group",
                "by": "council",
                "measure": "ratio",
                "column": "paid",
                "denominator": "decided",
                "as": "share",
            }
        },
    )["paid"]
    rows = {r.group: r for r in fig.value}
    assert rows["Northgate"].value == div(30, 90)
    assert rows["Westfold"].value == div(22, 60)
    assert rows["Eastham"].value == div(5, 20)
    assert [r.group for r in fig.value] == ["Westfold", "Northgate", "Eastham", "Southby"]
    assert fig.extra["measure_kind"] == "share"
    # each row keeps its two totals: the numerator and the denominator
    assert (rows["Northgate"].target, rows["Northgate"].base) == (30, 90)


def test_a_group_ratio_of_money_prints_as_money(fines: Dataset) -> None:
    fig = figures_of(
        fines,
        {
            "mean": {
                "method": "group",
                "by": "nation",
                "measure": "ratio",
                "column": "value",
                "denominator": "issued",
            }
        },
    )["mean"]
    assert fig.extra["measure_kind"] == "money"
    assert fig.extra["currency"] == "GBP"
    wales = next(r for r in fig.value if r.group == "Wales")
    assert wales.value == div("3000.00", 110)


def test_a_share_without_a_part_is_each_groups_share_of_the_whole(fines: Dataset) -> None:
    fig = figures_of(
        fines,
        {"s": {"method": "group", "by": "nation", "measure": "share", "column": "issued"}},
    )["s"]
    rows = {r.group: r.value for r in fig.value}
    assert rows == {
        "England": div(300, 610),
        "Scotland": div(200, 610),
        "Wales": div(110, 610),
    }
    assert sum(rows.values()) == 1
    assert fig.extra["whole"] == 610
    assert [r.rank for r in fig.value] == [1, 2, 3]


def test_a_share_of_the_whole_by_row_count(fines: Dataset) -> None:
    fig = figures_of(fines, {"s": {"method": "group", "by": "nation", "measure": "share"}})["s"]
    assert {r.group: r.value for r in fig.value}["England"] == div(3, 7)


def test_a_share_with_a_part_is_still_the_share_within_each_group(fines: Dataset) -> None:
    fig = figures_of(
        fines,
        {
            "s": {
                "method": "group",
                "by": "nation",
                "measure": "share",
                "column": "issued",
                "part": {"year": 2017},
            }
        },
    )["s"]
    assert {r.group: r.value for r in fig.value}["England"] == div(200, 300)
    assert "whole" not in fig.extra


@pytest.mark.parametrize(
    ("spec", "where"),
    [
        ({"measure": "sum", "column": "paid", "denominator": "decided"}, "figures.g.denominator"),
        ({"measure": "share", "column": "paid", "as": "share"}, "figures.g.as"),
        ({"measure": "ratio", "column": "paid"}, "figures.g.denominator"),
    ],
)
def test_a_ratio_key_on_another_measure_is_refused(
    fines: Dataset, spec: dict[str, object], where: str
) -> None:
    """A key the measure would ignore is an error naming it, never a figure that quietly
    means something else."""
    with pytest.raises(PressgenError) as err:
        figures_of(fines, {"g": {"method": "group", "by": "council", **spec}})
    assert err.value.where == where
