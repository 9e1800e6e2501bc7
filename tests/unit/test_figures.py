"""Figure specs evaluated on real (small) datasets: every method and its edge cases."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from pressgen.errors import PressgenError
from pressgen.figures.engine import Figure, compute_figures, rank_values, required_columns
from pressgen.figures.specs import FigureSpec

from .helpers import CLAIMS, CLAIMS_COLUMNS, dataset

SPECS = TypeAdapter(dict[str, FigureSpec])

COLUMNS = CLAIMS_COLUMNS


def same(a: object, b: Decimal) -> bool:
    """Equal to 20 places: pressgen divides with 34 significant digits, Python's default 28."""
    q = Decimal("1e-20")
    return isinstance(a, Decimal) and a.quantize(q) == b.quantize(q)


def figures(tmp_path: Path, specs: dict[str, Any], csv_text: str = CLAIMS) -> dict[str, Figure]:
    ds = dataset(tmp_path, csv_text, COLUMNS)
    return compute_figures(SPECS.validate_python(specs), {"main": ds}, "main")


def one(tmp_path: Path, spec: dict[str, Any]) -> Figure:
    return figures(tmp_path, {"x": spec})["x"]


def test_sum_is_exact_int_and_counts_rows(tmp_path: Path) -> None:
    fig = one(tmp_path, {"method": "sum", "column": "claims", "where": {"area": "North"}})
    assert fig.value == 24 and isinstance(fig.value, int)
    assert fig.provenance.rows == 3
    assert fig.provenance.row_numbers == (2, 3, 4)
    assert fig.provenance.filter == "area = 'North'"


def test_suppressed_cell_is_not_zero_and_is_reported(tmp_path: Path) -> None:
    fig = one(
        tmp_path, {"method": "sum", "column": "claims", "where": {"area": "North", "year": 2023}}
    )
    assert fig.value == 14
    assert fig.provenance.suppressed == 1
    assert any("suppressed" in w for w in fig.warnings)


def test_decimal_sum_and_mean_never_float(tmp_path: Path) -> None:
    total = one(tmp_path, {"method": "sum", "column": "amount", "where": {"area": "North"}})
    assert total.value == Decimal("220.75")
    mean = one(tmp_path, {"method": "mean", "column": "amount", "where": {"area": "South"}})
    assert mean.value == Decimal("275.375")
    assert isinstance(mean.value, Decimal)


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"area": "South"}, 19),  # even count: mean of the middle two
        ({"area": "North", "year": 2022}, 10),  # a single row
        ({}, 12),  # 10 14 20 18 10 14 0 0 -> sorted 0 0 10 10 14 14 18 20 -> (10+14)/2
    ],
)
def test_median(tmp_path: Path, where: dict[str, Any], expected: int) -> None:
    fig = one(tmp_path, {"method": "median", "column": "claims", "where": where})
    assert fig.value == expected


def test_mean_of_empty_filter_is_a_clear_error(tmp_path: Path) -> None:
    # every value is in the data, but no row has both (South has no smell claims)
    where = {"area": "South", "kind": "smell"}
    with pytest.raises(PressgenError, match="no rows match"):
        one(tmp_path, {"method": "mean", "column": "claims", "where": where})


def test_empty_filter_sum_is_zero_with_warning(tmp_path: Path) -> None:
    where = {"area": "South", "kind": "smell"}
    fig = one(tmp_path, {"method": "sum", "column": "claims", "where": where})
    assert fig.value == 0
    assert "no rows match the filter" in fig.warnings


def test_count_rows_and_distinct(tmp_path: Path) -> None:
    assert one(tmp_path, {"method": "count"}).value == 9
    assert one(tmp_path, {"method": "count", "distinct": "area"}).value == 4


def test_share_of_whole(tmp_path: Path) -> None:
    fig = one(
        tmp_path,
        {"method": "share", "column": "claims", "where": {"year": 2022}, "part": {"kind": "noise"}},
    )
    assert fig.value == Decimal(30) / Decimal(40)
    assert fig.extra["part"] == 30 and fig.extra["whole"] == 40


def test_share_of_zero_whole_is_error(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match="zero"):
        one(
            tmp_path,
            {
                "method": "share",
                "column": "claims",
                "where": {"area": "West"},
                "part": {"year": 2022},
            },
        )


@pytest.mark.parametrize(
    ("area", "change", "difference"),
    [
        ("North", Decimal("0.4"), 4),
        ("South", Decimal("-0.1"), -2),  # a fall carries its sign
        ("East", Decimal("0.4"), 4),
    ],
)
def test_change_and_difference(tmp_path: Path, area: str, change: Decimal, difference: int) -> None:
    base = {"column": "claims", "where": {"area": area}, "period": "year", "from": 2022, "to": 2023}
    figs = figures(
        tmp_path, {"c": {"method": "change", **base}, "d": {"method": "difference", **base}}
    )
    assert figs["c"].value == change
    assert figs["c"].kind == "change"
    assert figs["d"].value == difference


def test_change_from_zero_is_undefined(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match="undefined"):
        one(
            tmp_path,
            {
                "method": "change",
                "column": "claims",
                "where": {"area": "West"},
                "period": "year",
                "from": 2022,
                "to": 2023,
            },
        )


def test_group_ranks_with_ties(tmp_path: Path) -> None:
    fig = one(tmp_path, {"method": "group", "by": "area", "measure": "sum", "column": "claims"})
    rows = {r.group: r for r in fig.value}
    assert rows["South"].value == 38 and rows["South"].rank == 1
    assert rows["North"].value == 24 and rows["East"].value == 24
    assert rows["North"].rank == rows["East"].rank == 2
    assert rows["North"].joint and rows["East"].joint
    assert rows["West"].rank == 4 and not rows["West"].joint


def test_group_change_and_count_groups(tmp_path: Path) -> None:
    figs = figures(
        tmp_path,
        {
            "chg": {
                "method": "group",
                "by": "area",
                "measure": "change",
                "column": "claims",
                "period": "year",
                "from": 2022,
                "to": 2023,
            },
            "rises": {"method": "count_groups", "of": "chg", "condition": {"gt": 0}},
            "none": {"method": "count_groups", "of": "chg", "condition": {"eq": 0}},
            "spread": {"method": "range", "of": "chg"},
        },
    )
    ranked = [(r.group, r.value) for r in figs["chg"].value]
    assert ranked[-1] == ("West", None)  # change from zero: no value, listed last
    assert figs["rises"].value == 2  # North and East rose
    assert figs["none"].value == 0
    assert figs["spread"].value == (Decimal("-0.1"), Decimal("0.4"))
    assert figs["spread"].extra["min_group"] == "South"


def test_rate_per_head_joins_population(tmp_path: Path) -> None:
    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    pop = dataset(
        tmp_path,
        "area,residents\nNorth,200000\nSouth,400000\nEast,100000\n",
        {"area": "text", "residents": "int"},
        name="pop",
    )
    specs = SPECS.validate_python(
        {
            "rate": {
                "method": "rate",
                "column": "claims",
                "where": {"year": 2022},
                "population": {"dataset": "pop", "column": "residents", "on": "area"},
            },
            "by_area": {
                "method": "group",
                "by": "area",
                "measure": "rate",
                "column": "claims",
                "per": 100000,
                "population": {"dataset": "pop", "column": "residents", "on": "area"},
            },
        }
    )
    figs = compute_figures(specs, {"main": ds, "pop": pop}, "main")
    # 2022 claims 40 (West has 0 and no population row) over 700,000 residents
    assert same(figs["rate"].value, Decimal(40) * 100000 / Decimal(700000))
    assert any("no population" in w for w in figs["rate"].warnings)
    rows = {r.group: r.value for r in figs["by_area"].value}
    assert rows["East"] == Decimal(24) * 100000 / Decimal(100000)
    assert rows["West"] is None


def test_frequency_and_interval(tmp_path: Path) -> None:
    figs = figures(
        tmp_path,
        {
            "n": {"method": "sum", "column": "claims"},
            "per_hour": {"method": "per_time", "of": "n", "days": 1, "unit": "hour"},
            "every": {"method": "interval", "of": "n", "days": 1, "unit": "minute"},
        },
    )
    assert figs["n"].value == 86
    assert same(figs["per_hour"].value, Decimal(86) / 24)
    assert same(figs["every"].value, Decimal(1440) / 86)


def test_lookup_single_row(tmp_path: Path) -> None:
    fig = one(
        tmp_path, {"method": "lookup", "column": "claims", "where": {"area": "South", "year": 2023}}
    )
    assert fig.value == 18
    with pytest.raises(PressgenError, match="exactly one row; it matches 2"):
        one(tmp_path, {"method": "lookup", "column": "claims", "where": {"area": "South"}})
    with pytest.raises(PressgenError, match="suppressed"):
        one(
            tmp_path,
            {"method": "lookup", "column": "claims", "where": {"area": "North", "kind": "smell"}},
        )


def test_formula_is_exact_decimal(tmp_path: Path) -> None:
    figs = figures(
        tmp_path,
        {
            "a": {"method": "sum", "column": "claims", "where": {"year": 2022}},
            "b": {"method": "sum", "column": "claims", "where": {"year": 2023}},
            "ratio": {"method": "formula", "expr": "(b - a) / a * 100"},
        },
    )
    assert same(figs["ratio"].value, Decimal(6) / Decimal(40) * 100)
    assert figs["ratio"].provenance.inputs == ("b", "a")


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        ({"x": {"method": "formula", "expr": "y + 1"}}, "unknown figure 'y'"),
        (
            {"x": {"method": "formula", "expr": "y"}, "y": {"method": "formula", "expr": "x"}},
            "circle",
        ),
        ({"x": {"method": "formula", "expr": "__import__('os')"}}, "formulas allow only"),
        ({"x": {"method": "sum", "column": "nope"}}, "no column 'nope'"),
        ({"x": {"method": "sum", "column": "area"}}, "holds text, not numbers"),
        (
            {"x": {"method": "sum", "column": "claims", "where": {"year": "twenty"}}},
            "not a whole number",
        ),
    ],
)
def test_bad_specs_are_one_line_errors(tmp_path: Path, specs: dict[str, Any], message: str) -> None:
    with pytest.raises(PressgenError, match=message):
        figures(tmp_path, specs)


def test_small_counts_are_flagged(tmp_path: Path) -> None:
    fig = one(
        tmp_path,
        {
            "method": "sum",
            "column": "claims",
            "where": {"area": "North", "year": 2022, "kind": "noise"},
            "kind": "count",
        },
    )
    assert fig.value == 10 and not fig.warnings
    small = compute_figures(
        SPECS.validate_python({"x": {"method": "count", "where": {"area": "North"}}}),
        {"main": dataset(tmp_path, CLAIMS, COLUMNS)},
        "main",
    )["x"]
    assert small.value == 3
    assert any("small number" in w for w in small.warnings)


def test_filters_with_conditions_and_lists(tmp_path: Path) -> None:
    assert (
        one(
            tmp_path,
            {
                "method": "sum",
                "column": "claims",
                "where": {"area": ["North", "South"], "year": 2022},
            },
        ).value
        == 30
    )
    assert (
        one(tmp_path, {"method": "sum", "column": "claims", "where": {"claims": {"ge": 14}}}).value
        == 66
    )
    assert one(tmp_path, {"method": "count", "where": {"area": {"not_in": ["West"]}}}).value == 7


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], {}),
        ([("a", 5)], {"a": (1, False)}),
        ([("a", 5), ("b", 5), ("c", 3)], {"a": (1, True), "b": (1, True), "c": (3, False)}),
        ([("a", -1), ("b", None)], {"a": (1, False), "b": (None, False)}),
    ],
)
def test_rank_values(items: list[tuple[str, Any]], expected: dict[str, Any]) -> None:
    assert rank_values(items) == expected


def test_required_columns_only_what_specs_read() -> None:
    specs = SPECS.validate_python(
        {
            "s": {
                "method": "share",
                "column": "claims",
                "where": {"area": "N"},
                "part": {"kind": "noise"},
            }
        }
    )
    assert required_columns(specs, "main") == {"main": {"claims", "area", "kind"}}


def test_suppressed_cells_are_counted_once_however_many_figures_read_them(tmp_path: Path) -> None:
    from pressgen.figures.engine import suppressed_cells

    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    specs = SPECS.validate_python(
        {
            "north": {"method": "sum", "column": "claims", "where": {"area": "North"}},
            "share": {"method": "share", "column": "claims", "part": {"kind": "noise"}},
            "all": {"method": "sum", "column": "claims"},
            "money": {"method": "sum", "column": "amount"},
            "rows": {"method": "count"},
        }
    )
    figs = compute_figures(specs, {"main": ds}, "main")
    # The one suppressed cell (North, 2023, smell) is in three figures' provenance...
    assert sum(f.provenance.suppressed for f in figs.values()) == 3
    # ...and is one cell in the notes to editors.
    assert suppressed_cells(specs, {"main": ds}, "main") == 1
    south = SPECS.validate_python(
        {"south": {"method": "sum", "column": "claims", "where": {"area": "South"}}}
    )
    assert suppressed_cells(south, {"main": ds}, "main") == 0  # not a cell any figure reads
    change = SPECS.validate_python(
        {"c": {"method": "change", "column": "claims", "period": "year", "from": 2021, "to": 2022}}
    )
    assert suppressed_cells(change, {"main": ds}, "main") == 0  # 2023 is not compared
