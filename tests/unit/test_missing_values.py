"""A figure with no usable value is an error naming the figure and its missing cells,
never a total of 0 (issue 12, item 11): on the whole dataset, in the cube, in a group of
a batch and in a `group` figure alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from pressgen.batch import compute_group_figures, run_batch
from pressgen.errors import PressgenError
from pressgen.figures.engine import compute_figures
from pressgen.figures.specs import FigureSpec

from .helpers import dataset

SPECS = TypeAdapter(dict[str, FigureSpec])
COLUMNS = {"region": "text", "year": "int", "claims": "int"}
#: Nine regions: every `claims` cell is missing, one of them suppressed.
ALL_MISSING = "region,year,claims\n" + "".join(
    f"R{i},2023,{'<5' if i == 3 else ''}\n" for i in range(9)
)
#: Region C's only cell is suppressed; D's is empty; the others have values.
SOME_MISSING = "region,year,claims\nA,2022,10\nA,2023,12\nB,2022,4\nB,2023,8\nC,2023,<5\nD,2023,\n"


def compute(tmp_path: Path, text: str, specs: dict[str, Any], one_pass: bool = False) -> Any:
    ds = dataset(tmp_path, text, COLUMNS)
    return compute_figures(SPECS.validate_python(specs), {"main": ds}, "main", one_pass=one_pass)


@pytest.mark.parametrize("one_pass", [False, True])
def test_a_total_of_a_column_that_is_all_missing_is_an_error(
    tmp_path: Path, one_pass: bool
) -> None:
    with pytest.raises(PressgenError) as exc:
        compute(tmp_path, ALL_MISSING, {"total": {"method": "sum", "column": "claims"}}, one_pass)
    assert exc.value.where == "figures.total"
    assert "no usable value" in exc.value.message
    assert "all 9 cells of 'claims'" in exc.value.message
    assert "1 of them suppressed" in exc.value.message


@pytest.mark.parametrize(
    "spec",
    [
        {"method": "mean", "column": "claims"},
        {"method": "max", "column": "claims"},
        {"method": "median", "column": "claims"},
        {"method": "share", "column": "claims", "part": {"region": "R1"}},
        {"method": "change", "column": "claims", "period": "year", "from": 2023, "to": 2023},
        {"method": "count", "distinct": "claims"},
    ],
    ids=lambda s: str(s.get("method")),
)
def test_every_method_refuses_a_column_with_no_value(tmp_path: Path, spec: dict[str, Any]) -> None:
    with pytest.raises(PressgenError, match="no usable value") as exc:
        compute(tmp_path, ALL_MISSING, {"x": spec})
    assert exc.value.where == "figures.x"


def test_an_empty_filter_is_still_zero_with_its_warning(tmp_path: Path) -> None:
    """No rows at all is not a missing value: the total is 0 and the warning says why."""
    fig = compute(
        tmp_path,
        SOME_MISSING,
        {"x": {"method": "sum", "column": "claims", "where": {"region": "C", "year": 2022}}},
    )["x"]
    assert fig.value == 0 and "no rows match the filter" in fig.warnings


def test_a_single_suppressed_cell_is_named(tmp_path: Path) -> None:
    with pytest.raises(PressgenError) as exc:
        compute(
            tmp_path,
            SOME_MISSING,
            {"c": {"method": "sum", "column": "claims", "where": {"region": "C"}}},
        )
    assert "its one cell of 'claims' is suppressed in the source" in exc.value.message


def test_a_missing_looked_up_cell_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match=r"missing in the source \(line 7, column 'claims'\)"):
        compute(
            tmp_path,
            SOME_MISSING,
            {"d": {"method": "lookup", "column": "claims", "where": {"region": "D"}}},
        )


def test_groups_without_a_value_are_unranked_not_zero(tmp_path: Path) -> None:
    fig = compute(
        tmp_path,
        SOME_MISSING,
        {"g": {"method": "group", "by": "region", "measure": "sum", "column": "claims"}},
    )["g"]
    rows = {r.group: r for r in fig.value}
    assert rows["A"].value == 22 and rows["A"].rank == 1
    assert rows["C"].value is None and rows["C"].rank is None
    assert rows["D"].value is None and rows["D"].rank is None
    assert "no value for 2 group(s): C, D" in fig.warnings
    with pytest.raises(PressgenError, match="no usable value: all 9 cells"):
        compute(
            tmp_path / "all",
            ALL_MISSING,
            {"g": {"method": "group", "by": "region", "measure": "sum", "column": "claims"}},
        )


def test_a_batch_group_whose_only_cell_is_suppressed_fails_by_name(tmp_path: Path) -> None:
    ds = dataset(tmp_path, SOME_MISSING, COLUMNS)
    specs = SPECS.validate_python({"total": {"method": "sum", "column": "claims"}})
    grouped = compute_group_figures(specs, {"main": ds}, "main", "region", small_count=5)
    assert grouped["A"].figures is not None and grouped["A"].figures["total"].value == 22
    assert grouped["C"].figures is None
    assert grouped["C"].error == (
        "figures.total: no usable value: its one cell of 'claims' is suppressed in the source"
    )
    assert (
        grouped["D"].error is not None
        and "its one cell of 'claims' is missing" in grouped["D"].error
    )


def test_a_batch_reports_such_groups_and_writes_the_others(tmp_path: Path) -> None:
    from tests.batch.conftest import write_project

    campaign = write_project(tmp_path / "project", [("A", "a", 1), ("A", "b", 2), ("B", "a", 3)])
    csv = tmp_path / "project" / "datasets" / "t.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + '"C",a,<5\n', encoding="utf-8")
    result = run_batch(campaign, tmp_path / "out", jobs=1)
    assert result.written == 2
    (failed,) = result.failed
    assert failed.group == "C"
    assert failed.error is not None
    assert "figures.total: no usable value: its one cell of 'n' is suppressed" in failed.error
