"""The one-pass figures (aggregates.Cube) against the engine's filter-per-figure, and the
loader's quick typing against its careful one: the same figures and frames, always."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from pydantic import TypeAdapter

from pressgen.batch import compute_group_figures
from pressgen.errors import PressgenError
from pressgen.figures.aggregates import one_pass_figures
from pressgen.figures.engine import compute_figures, required_columns
from pressgen.figures.specs import FigureSpec
from pressgen.release.campaign import load_campaign
from pressgen.sources.dataset import load_dataset
from tests.conftest import EXAMPLE, ROOT

from .helpers import CLAIMS, CLAIMS_COLUMNS, dataset, write_dataset

SPECS = TypeAdapter(dict[str, FigureSpec])

COLUMNS = CLAIMS_COLUMNS

EVERY_KIND: dict[str, Any] = {
    "rows": {"method": "count"},
    "north_rows": {"method": "count", "where": {"area": "North"}},
    "kinds": {"method": "count", "distinct": "kind"},
    "claims": {"method": "sum", "column": "claims"},
    "noise_claims": {"method": "sum", "column": "claims", "where": {"kind": "noise"}},
    "not_west": {"method": "sum", "column": "claims", "where": {"area": {"ne": "West"}}},
    "two_areas": {"method": "sum", "column": "amount", "where": {"area": ["North", "East"]}},
    "recent": {"method": "sum", "column": "claims", "where": {"year": {"ge": 2023}}},
    "mean_amount": {"method": "mean", "column": "amount"},
    "least": {"method": "min", "column": "claims", "where": {"kind": "noise"}},
    "most": {"method": "max", "column": "amount"},
    "median": {"method": "median", "column": "claims"},
    "noise_share": {"method": "share", "column": "claims", "part": {"kind": "noise"}},
    "row_share": {"method": "share", "part": {"area": "South"}},
    "growth": {
        "method": "change",
        "column": "claims",
        "period": "year",
        "from": 2022,
        "to": 2023,
        "where": {"area": ["North", "South", "East"]},
    },
    "row_change": {"method": "difference", "period": "year", "from": 2022, "to": 2023},
    "total": {"method": "formula", "expr": "claims + rows"},
}


def both(specs: dict[str, Any], ds: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    parsed = SPECS.validate_python(specs)
    fast = compute_figures(parsed, {"main": ds}, "main", one_pass=True)
    slow = compute_figures(parsed, {"main": ds}, "main", one_pass=False)
    return {n: f.as_dict() for n, f in fast.items()}, {n: f.as_dict() for n, f in slow.items()}


def test_every_kind_of_figure_is_the_engines(tmp_path: Path) -> None:
    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    fast, slow = both(EVERY_KIND, ds)
    assert fast == slow
    # and the cube did compute them (not the engine behind it)
    done = one_pass_figures(SPECS.validate_python(EVERY_KIND), ds, "main", 5, {})
    assert {"rows", "north_rows", "claims", "noise_share", "growth", "row_change"} <= set(done)
    assert "kinds" not in done and "median" not in done  # these do not recombine
    assert done["rows"].provenance.rows == 9 and done["rows"].value == 9


def test_the_bundled_examples_are_the_engines() -> None:
    for path in (EXAMPLE, ROOT / "campaigns" / "forces-cyber-training.toml"):
        loaded = load_campaign(path)
        specs = loaded.campaign.figures
        ds = load_dataset(loaded.dataset_paths["main"], required_columns(specs, "main")["main"])
        fast = compute_figures(specs, {"main": ds}, "main", one_pass=True)
        slow = compute_figures(specs, {"main": ds}, "main", one_pass=False)
        assert fast == slow, path.name


def test_failures_are_the_engines_in_its_order(tmp_path: Path) -> None:
    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    specs = SPECS.validate_python(
        {
            "fine": {"method": "sum", "column": "claims"},
            "west_share": {
                "method": "share",
                "column": "claims",
                "part": {"kind": "noise"},
                "where": {"area": "West"},
            },
        }
    )
    for one_pass in (True, False):
        with pytest.raises(PressgenError, match="share of a whole that is zero") as exc:
            compute_figures(specs, {"main": ds}, "main", one_pass=one_pass)
        assert exc.value.where == "figures.west_share.where"


def test_row_numbers_beyond_the_prefix_are_left_to_the_engine(tmp_path: Path) -> None:
    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    specs = SPECS.validate_python(
        {
            "north": {"method": "sum", "column": "claims", "where": {"area": "North"}},
            "west": {"method": "sum", "column": "claims", "where": {"area": "West"}},
        }
    )
    # The first three rows are North's: West's rows (9, 10) lie beyond a prefix of 3.
    done = one_pass_figures(specs, ds, "main", 5, {}, prefix=3)
    assert set(done) == {"north"}
    assert done["north"].provenance.row_numbers == (2, 3, 4)
    fast = compute_figures(specs, {"main": ds}, "main", one_pass=True)
    assert fast["west"].provenance.row_numbers == (9, 10)


def test_a_filter_on_a_column_of_many_values_skips_the_cube(tmp_path: Path) -> None:
    rows = "\n".join(f"id{i},{i}" for i in range(3000))
    ds = dataset(tmp_path, f"ref,n\n{rows}\n", {"ref": "text", "n": "int"})
    specs = SPECS.validate_python({"x": {"method": "sum", "column": "n", "where": {"ref": "id7"}}})
    assert one_pass_figures(specs, ds, "main", 5, {}) == {}
    assert compute_figures(specs, {"main": ds}, "main", one_pass=True)["x"].value == 7


def test_batch_count_without_a_filter_counts_each_groups_rows(tmp_path: Path) -> None:
    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    specs = SPECS.validate_python({"rows": {"method": "count"}})
    grouped = compute_group_figures(specs, {"main": ds}, "main", "area", small_count=5)
    counts = {g: r.figures["rows"].value for g, r in grouped.items() if r.figures}
    assert counts == {"East": 2, "North": 3, "South": 2, "West": 2}


# -- the loader's quick typing ----------------------------------------------------------


def careful(tmp_path: Path, csv_text: str, columns: dict[str, str]) -> pl.DataFrame:
    """The frame typed the careful way: the same file with one padded cell added to
    every column, then that row dropped."""
    header, *lines = csv_text.strip().split("\n")
    pad = ",".join(" 1 " for _ in columns)
    manifest = write_dataset(
        tmp_path / "careful", "data", "\n".join([header, pad, *lines]) + "\n", columns
    )
    frame = load_dataset(manifest).frame
    return frame.filter(pl.col("__row") != 2).with_columns(pl.col("__row") - 1)


@pytest.mark.parametrize(
    "csv_text",
    [
        CLAIMS,
        "area,claims\nNorth,12\nSouth,<5\nEast,\nWest,NA\n,7\n",
        "area,claims\nNorth,+12\nSouth,-3\nEast,007\nWest,*\n",
    ],
)
def test_quick_typing_equals_careful_typing(tmp_path: Path, csv_text: str) -> None:
    columns = COLUMNS if csv_text is CLAIMS else {"area": "text", "claims": "int"}
    quick = dataset(tmp_path / "quick", csv_text, columns).frame
    assert quick.equals(careful(tmp_path, csv_text, columns))


@pytest.mark.parametrize(
    ("cell", "value"),
    [(" 12", 12), ("1,234", 1234), ("12 ", 12), ("\u22125", -5)],
)
def test_cells_that_need_cleaning_are_cleaned(tmp_path: Path, cell: str, value: int) -> None:
    ds = dataset(
        tmp_path, f'area,claims\nNorth,"{cell}"\nSouth,3\n', {"area": "text", "claims": "int"}
    )
    assert ds.frame["claims"].to_list() == [value, 3]


def test_padded_and_missing_text_is_cleaned(tmp_path: Path) -> None:
    ds = dataset(
        tmp_path, 'area,claims\n" North ",1\nNA,2\nSouth,3\n', {"area": "text", "claims": "int"}
    )
    assert ds.frame["area"].to_list() == ["North", None, "South"]


@pytest.mark.parametrize("cell", ["99999999999999999999", "1.5", "twelve"])
def test_cells_that_are_not_whole_numbers_are_reported(tmp_path: Path, cell: str) -> None:
    with pytest.raises(PressgenError, match="is not a whole number") as exc:
        dataset(
            tmp_path, f"area,claims\nNorth,{cell}\nSouth,3\n", {"area": "text", "claims": "int"}
        )
    assert exc.value.where == "line 2, column 'claims'"


def test_a_numeric_suppression_marker_is_still_suppressed(tmp_path: Path) -> None:
    manifest = write_dataset(
        tmp_path,
        "data",
        "area,claims\nNorth,0\nSouth,3\n",
        {"area": "text", "claims": "int"},
        extra='suppression = ["0"]',
    )
    frame = load_dataset(manifest).frame
    assert frame["claims"].to_list() == [None, 3]
    assert frame["__suppressed__claims"].to_list() == [True, False]


def test_bad_cells_are_reported_in_the_manifests_column_order(tmp_path: Path) -> None:
    """'a' is a whole-number column typed quickly then carefully, 'b' a decimal one typed
    carefully at once: both have a bad cell, and the first column's is the one reported,
    whichever path found it (and every time: the order must not depend on hashing)."""
    text = "a,b\n1,1.5\nx,2.5\n3,oops\n"
    for _ in range(3):
        with pytest.raises(PressgenError) as exc:
            dataset(tmp_path, text, {"a": "int", "b": "decimal"})
        assert exc.value.where == "line 3, column 'a'"


def test_a_period_not_of_the_columns_type_is_the_engines_one_line_error(tmp_path: Path) -> None:
    """`from = "2017/18"` on a whole-number period column: the cube must not raise its own
    error (it did: a ValueError traceback from int()), but leave the spec to the engine."""
    specs = SPECS.validate_python(
        {
            "g": {
                "method": "change",
                "column": "claims",
                "period": "year",
                "from": "2017/18",
                "to": 2023,
            }
        }
    )
    ds = dataset(tmp_path, CLAIMS, COLUMNS)
    assert one_pass_figures(specs, ds, "main", 5, {}) == {}
    for one_pass in (True, False):
        with pytest.raises(PressgenError, match="'2017/18' is not a whole number") as exc:
            compute_figures(specs, {"main": ds}, "main", one_pass=one_pass)
        assert exc.value.where == "figures.g.period"
    with pytest.raises(PressgenError, match="is not a whole number"):
        compute_group_figures(specs, {"main": ds}, "main", "area", small_count=5)
