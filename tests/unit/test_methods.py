"""One figure engine: each method is planned and built once, and gives the same figure
from the whole frame, from the groups of a batch and from a cube of cells."""

from __future__ import annotations

import pickle
import typing
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from pressgen.batch import compute_group_figures
from pressgen.figures.aggregates import one_pass_figures
from pressgen.figures.engine import compute_figures, plan_figures
from pressgen.figures.methods import DATA_METHODS, DERIVED_METHODS
from pressgen.figures.source import Agg
from pressgen.figures.specs import FigureSpec

from .helpers import CLAIMS, CLAIMS_COLUMNS, dataset

SPECS = TypeAdapter(dict[str, FigureSpec])

#: CLAIMS with a column that is the same in every row: its one group is the whole frame.
WHOLE = "\n".join(
    line + (",country" if i == 0 else ",UK") for i, line in enumerate(CLAIMS.strip().split("\n"))
)
COLUMNS = {**CLAIMS_COLUMNS, "country": "text"}
POPULATION = "area,residents\nNorth,200000\nSouth,400000\nEast,100000\n"

EVERY_METHOD: dict[str, Any] = {
    "rows": {"method": "count", "where": {"area": ["North", "South"]}},
    "kinds": {"method": "count", "distinct": "kind"},
    "claims": {"method": "sum", "column": "claims"},
    "mean": {"method": "mean", "column": "amount", "where": {"year": 2022}},
    "median": {"method": "median", "column": "claims"},
    "least": {"method": "min", "column": "claims"},
    "most": {"method": "max", "column": "amount", "where": {"kind": {"ne": "smell"}}},
    "share": {"method": "share", "column": "claims", "part": {"kind": "noise"}},
    "row_share": {"method": "share", "part": {"area": "South"}},
    "growth": {"method": "change", "column": "claims", "period": "year", "from": 2022, "to": 2023},
    "diff": {"method": "difference", "period": "year", "from": 2022, "to": 2023},
    "by_area": {
        "method": "group",
        "by": "area",
        "measure": "change",
        "column": "claims",
        "period": "year",
        "from": 2022,
        "to": 2023,
    },
    "area_share": {
        "method": "group",
        "by": "area",
        "measure": "share",
        "column": "claims",
        "part": {"kind": "noise"},
    },
    "area_rate": {
        "method": "group",
        "by": "area",
        "measure": "rate",
        "column": "claims",
        "population": {"dataset": "pop", "column": "residents", "on": "area"},
    },
    "rate": {
        "method": "rate",
        "column": "claims",
        "population": {"dataset": "pop", "column": "residents", "on": "area"},
    },
    "south_2023": {
        "method": "lookup",
        "column": "claims",
        "where": {"area": "South", "year": 2023},
    },
    "rises": {"method": "count_groups", "of": "by_area", "condition": {"gt": 0}},
    "spread": {"method": "range", "of": "by_area"},
    "per_day": {"method": "per_time", "of": "claims", "days": 7, "unit": "day"},
    "twice": {"method": "formula", "expr": "claims * 2"},
    "per_claim": {"method": "ratio", "column": "amount", "denominator": "claims"},
    "area_ratio": {
        "method": "group",
        "by": "area",
        "measure": "ratio",
        "column": "amount",
        "denominator": "claims",
    },
    "kind_share": {"method": "group", "by": "kind", "measure": "share", "column": "claims"},
    "area_year": {"method": "table", "rows": "area", "columns": "year", "column": "claims"},
    "area_year_ratio": {
        "method": "table",
        "rows": "area",
        "columns": "year",
        "measure": "ratio",
        "column": "amount",
        "denominator": "claims",
        "where": {"kind": "noise"},
    },
}


def test_every_spec_has_one_method() -> None:
    union = typing.get_args(typing.get_args(FigureSpec)[0])
    assert set(DATA_METHODS) | set(DERIVED_METHODS) == set(union)
    assert not set(DATA_METHODS) & set(DERIVED_METHODS)


def test_the_frame_and_a_group_give_the_same_figures(tmp_path: Path) -> None:
    """The batch's groups are built by the same methods as the whole dataset: a group
    that holds every row gives every figure the engine gives, its filter aside."""
    ds = dataset(tmp_path, WHOLE, COLUMNS)
    pop = dataset(tmp_path, POPULATION, {"area": "text", "residents": "int"}, name="pop")
    specs = SPECS.validate_python(EVERY_METHOD)
    datasets = {"main": ds, "pop": pop}
    whole = compute_figures(specs, datasets, "main", one_pass=False)
    grouped = compute_group_figures(specs, datasets, "main", "country", small_count=5)
    assert list(grouped) == ["UK"]
    figures = grouped["UK"].figures
    assert figures is not None, grouped["UK"].error
    for name, fig in whole.items():
        got = figures[name].as_dict()
        want = fig.as_dict()
        if specs[name].method != "formula":
            prefix = "country = 'UK'"
            assert got["provenance"]["filter"].startswith(prefix), name
            got["provenance"]["filter"] = want["provenance"]["filter"]
        assert got == want, name


def test_the_cube_builds_with_the_same_methods(tmp_path: Path) -> None:
    ds = dataset(tmp_path, WHOLE, COLUMNS)
    pop = dataset(tmp_path, POPULATION, {"area": "text", "residents": "int"}, name="pop")
    specs = SPECS.validate_python(EVERY_METHOD)
    whole = compute_figures(specs, {"main": ds, "pop": pop}, "main", one_pass=False)
    cubed = one_pass_figures(specs, ds, "main", 5, {})
    assert {"rows", "claims", "mean", "least", "most", "share", "growth", "diff"} <= set(cubed)
    assert "per_claim" in cubed
    for name, fig in cubed.items():
        assert fig == whole[name], name


def test_figures_with_one_filter_share_their_aggregations(tmp_path: Path) -> None:
    """Aggregations are keyed by what they compute (typed, hashable), not by a figure's
    name: two figures over the same rows read the same keys, computed once."""
    ds = dataset(tmp_path, CLAIMS, CLAIMS_COLUMNS)
    specs = SPECS.validate_python(
        {
            "north": {"method": "sum", "column": "claims", "where": {"area": "North"}},
            "north_mean": {"method": "mean", "column": "claims", "where": {"area": "North"}},
            "north_share": {
                "method": "share",
                "column": "claims",
                "where": {"area": "North"},
                "part": {"kind": "noise"},
            },
        }
    )
    plans = plan_figures(specs, {"main": ds}, "main")
    total = {a for a in plans["north"].aggs}
    assert total <= set(plans["north_mean"].aggs)
    assert total <= set(plans["north_share"].aggs)
    assert all(isinstance(a, Agg) for p in plans.values() for a in p.aggs)


def test_keys_cross_to_another_process_with_what_they_key(tmp_path: Path) -> None:
    """A spawned worker gets the plans and the values in one pickle: each key is still
    the one its plan reads (keys are compared by identity, made once per planning)."""
    ds = dataset(tmp_path, CLAIMS, CLAIMS_COLUMNS)
    specs = SPECS.validate_python(
        {
            "n": {"method": "sum", "column": "claims", "where": {"year": 2022}},
            "m": {"method": "mean", "column": "claims", "where": {"year": 2022}},
        }
    )
    plans = plan_figures(specs, {"main": ds}, "main")
    values = {a: i for i, a in enumerate(a for p in plans.values() for a in p.aggs)}
    plans_again, values_again = pickle.loads(pickle.dumps((plans, values)))
    for name in specs:
        for a, b in zip(plans[name].aggs, plans_again[name].aggs, strict=True):
            assert values_again[b] == values[a]
