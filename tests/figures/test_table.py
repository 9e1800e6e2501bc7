"""The `table` method (issue 15, item 3): one spec for a rows x columns table, every cell,
row total, column total and the grand total the same measure over its own rows."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.figures.cache import _dec, _enc
from pressgen.figures.model import TableRow
from pressgen.sources.dataset import Dataset
from tests.figures.conftest import div, figures_of
from tests.unit.helpers import dataset


def _table(ds: Dataset, **spec: object) -> object:
    return figures_of(ds, {"t": {"method": "table", **spec}})["t"]


def test_a_sum_table_has_its_cells_and_totals(fines: Dataset) -> None:
    fig = _table(fines, rows="nation", columns="year", column="issued")
    assert fig.kind == "table"
    assert fig.extra["columns"] == ("2016", "2017")
    rows = {r.group: r for r in fig.value}
    assert rows["England"].cells == (100, 200)
    assert rows["England"].total == 300
    assert rows["Wales"].cells == (50, 60)
    totals = fig.extra["totals"]
    assert totals.cells == (250, 360)
    assert totals.total == 610
    assert [(r.group, r.rank) for r in fig.value] == [("England", 1), ("Scotland", 2), ("Wales", 3)]
    assert fig.provenance.method == "table of sum of issued by nation x year"
    assert fig.provenance.rows == 7


def test_ties_share_a_place_and_a_column_can_rank_the_rows(tmp_path: Path) -> None:
    ds = dataset(
        tmp_path,
        "area,year,n\nA,1,5\nA,2,1\nB,1,2\nB,2,4\nC,1,3\nC,2,3\nD,1,1\nD,2,9\n",
        {"area": "text", "year": "int", "n": "int"},
    )
    fig = _table(ds, rows="area", columns="year", column="n")
    assert [(r.group, r.rank, r.joint) for r in fig.value] == [
        ("D", 1, False),
        ("A", 2, True),
        ("B", 2, True),
        ("C", 2, True),
    ]
    by_year = _table(ds, rows="area", columns="year", column="n", rank_by=1, order="asc")
    assert [(r.group, r.rank) for r in by_year.value] == [("D", 1), ("B", 2), ("C", 3), ("A", 4)]
    assert by_year.extra["ranked_by"] == "1"


def test_a_ratio_table_totals_are_ratios_of_totals(fines: Dataset) -> None:
    fig = _table(
        fines, rows="nation", columns="year", measure="ratio", column="paid", denominator="decided"
    )
    rows = {r.group: r for r in fig.value}
    assert rows["England"].cells == (div(10, 40), div(25, 70))
    assert rows["England"].total == div(35, 110)  # not the mean of the two cells
    assert fig.extra["totals"].total == div(61, 192)
    assert fig.extra["measure_kind"] == "number"


def test_a_share_table_is_each_cells_share_of_its_column(fines: Dataset) -> None:
    fig = _table(fines, rows="nation", columns="year", measure="share", column="issued")
    rows = {r.group: r for r in fig.value}
    assert rows["England"].cells == (div(100, 250), div(200, 360))
    assert rows["England"].total == div(300, 610)
    assert fig.extra["totals"].cells == (1, 1)
    assert fig.extra["measure_kind"] == "share"


def test_a_cell_without_rows_has_no_value_and_is_named(fines: Dataset) -> None:
    fig = _table(fines, rows="council", columns="year", column="value")
    eastham = next(r for r in fig.value if r.group == "Eastham")
    assert eastham.cells == (None, Decimal("5200.00"))
    assert any("Eastham x 2016" in w for w in fig.warnings)
    assert fig.kind == "table" and fig.extra["measure_kind"] == "money"
    # a count of rows is 0 where there are none: that is what was counted
    counts = _table(fines, rows="council", columns="year", measure="count")
    assert next(r for r in counts.value if r.group == "Eastham").cells == (0, 1)


def test_the_columns_can_be_listed_in_order(fines: Dataset) -> None:
    fig = _table(fines, rows="nation", columns="year", column="issued", values=[2017])
    assert fig.extra["columns"] == ("2017",)
    assert fig.extra["totals"].total == 360


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"rank_by": 2015}, "rank_by 2015 is not one of the table's columns"),
        ({"values": [2016, 2016]}, "a column is listed twice"),
        ({"values": ["x"]}, "not a whole number"),
        ({"rows": "nowhere"}, "nowhere"),
        ({"measure": "ratio"}, "denominator"),
    ],
)
def test_a_bad_table_is_one_line_naming_the_field(
    fines: Dataset, spec: dict[str, object], message: str
) -> None:
    full = {"rows": "nation", "columns": "year", "column": "issued", **spec}
    with pytest.raises(PressgenError, match=message) as err:
        _table(fines, **full)
    assert "figures.t" in str(err.value)


def test_a_table_figure_travels_as_json_and_through_the_cache(fines: Dataset) -> None:
    fig = _table(fines, rows="nation", columns="year", column="value")
    data = fig.as_dict()
    json.dumps(data)
    assert [Decimal(c) for c in data["value"][0]["cells"]] == [6500, 13000]
    assert Decimal(data["extra"]["totals"]["total"]) == 35000
    again = _dec(json.loads(json.dumps(_enc(fig.value))))
    assert again == fig.value
    assert isinstance(again[0], TableRow)
