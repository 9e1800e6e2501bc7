"""Issue 15 items 6, 7, 13 and 15 in the figure language: filters that would select
nothing, conditions written as floats or figure names, kinds, constants from outside the
dataset, display labels, tie order and ranks or counts on the printed value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from pressgen.errors import PressgenError
from pressgen.figures.engine import Figure, compute_figures, json_value
from pressgen.figures.model import STATED
from pressgen.figures.specs import FigureSpec
from pressgen.sources.dataset import load_dataset

from .helpers import CLAIMS, CLAIMS_COLUMNS, dataset

SPECS = TypeAdapter(dict[str, FigureSpec])


def figures(tmp_path: Path, specs: dict[str, Any], csv_text: str = CLAIMS) -> dict[str, Figure]:
    ds = dataset(tmp_path, csv_text, CLAIMS_COLUMNS)
    return compute_figures(SPECS.validate_python(specs), {"main": ds}, "main")


def refused(tmp_path: Path, specs: dict[str, Any]) -> PressgenError:
    with pytest.raises(PressgenError) as exc:
        figures(tmp_path, specs)
    return exc.value


# -- item 13: a filter value no row holds ---------------------------------------------


def test_a_value_in_the_wrong_case_is_refused_with_the_right_one(tmp_path: Path) -> None:
    err = refused(
        tmp_path, {"x": {"method": "sum", "column": "claims", "where": {"area": "north"}}}
    )
    assert err.where == "figures.x.where.area"
    assert err.message == "no row has area = 'north'; did you mean 'North'?"


def test_a_misspelt_value_in_a_list_or_a_part_is_refused(tmp_path: Path) -> None:
    spec = {"method": "count", "where": {"area": ["North", "Suoth"]}}
    assert "did you mean 'South'?" in refused(tmp_path, {"x": spec}).message
    share = {"method": "share", "part": {"kind": "nosie"}}
    err = refused(tmp_path, {"x": share})
    assert err.where == "figures.x.part.kind" and "did you mean 'noise'?" in err.message
    group = {"method": "group", "by": "area", "measure": "share", "part": {"kind": "Smell"}}
    assert "did you mean 'smell'?" in refused(tmp_path, {"x": group}).message


def test_a_number_no_row_holds_is_refused_naming_what_the_column_holds(tmp_path: Path) -> None:
    err = refused(tmp_path, {"x": {"method": "count", "where": {"year": {"ne": 2031}}}})
    assert err.message == "no row has year = 2031 (it holds 2022, 2023)"


def test_a_period_no_row_holds_is_refused(tmp_path: Path) -> None:
    spec = {"method": "difference", "column": "claims", "period": "year", "from": 2012, "to": 2023}
    err = refused(tmp_path, {"x": spec})
    assert err.where == "figures.x.period"
    assert err.message == "no row has year = 2012 (it holds 2022, 2023)"


def test_values_that_are_held_but_never_together_still_give_zero(tmp_path: Path) -> None:
    where = {"area": "South", "kind": "smell"}
    fig = figures(tmp_path, {"x": {"method": "count", "where": where}})["x"]
    assert fig.value == 0 and "no rows match the filter" in fig.warnings


# -- item 13: conditions as floats, figure names, and kinds ----------------------------


def test_a_toml_float_in_a_condition_is_the_exact_decimal_written(tmp_path: Path) -> None:
    specs = {
        "g": {
            "method": "group",
            "by": "area",
            "measure": "change",
            "column": "claims",
            "period": "year",
            "from": 2022,
            "to": 2023,
        },
        "big": {"method": "count_groups", "of": "g", "condition": {"gt": 0.2}},
    }
    figs = figures(tmp_path, specs)
    # North +40 %, South -10 %, East +40 %, West undefined: 0.2 is read as 0.2 exactly
    assert figs["big"].value == 2
    assert figs["big"].provenance.method == "groups of g where value > 0.2"
    parsed = SPECS.validate_python({"c": specs["big"]})["c"]
    assert parsed.condition.gt == Decimal("0.2")  # type: ignore[union-attr]


def test_a_float_that_is_not_a_number_is_refused_in_words() -> None:
    with pytest.raises(ValidationError, match="not a number a figure can use"):
        SPECS.validate_python(
            {"c": {"method": "count_groups", "of": "g", "condition": {"gt": float("nan")}}}
        )


def test_a_condition_may_compare_with_a_figure_by_name(tmp_path: Path) -> None:
    specs = {
        "g": {"method": "group", "by": "area", "column": "claims"},
        "avg": {"method": "mean", "column": "claims"},
        "above": {"method": "count_groups", "of": "g", "condition": {"ge": "avg"}},
    }
    fig = figures(tmp_path, specs)["above"]
    # totals: North 24, South 38, East 24, West 0; the mean claim is 86 / 8 = 10.75
    assert fig.value == 3
    assert fig.provenance.inputs == ("g", "avg")


def test_a_condition_naming_nothing_is_one_line_naming_the_field(tmp_path: Path) -> None:
    specs = {
        "g": {"method": "group", "by": "area", "column": "claims"},
        "c": {"method": "count_groups", "of": "g", "condition": {"ge": "figure_name"}},
    }
    err = refused(tmp_path, specs)
    assert err.where == "figures.c.condition.ge"
    assert err.message == "'figure_name' is neither a number nor the name of a figure"


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError, match="'count', 'number', 'money'"):
        SPECS.validate_python({"x": {"method": "count", "kind": "moneyy"}})


# -- item 7: constants -----------------------------------------------------------------


def test_a_constant_is_stated_not_computed_and_usable_in_a_formula(tmp_path: Path) -> None:
    specs = {
        "areas": {"method": "count", "distinct": "area"},
        "asked": {"method": "constant", "value": 8, "source": "the request went to 8 areas"},
        "half": {"method": "constant", "value": 0.5, "source": "a rule of thumb"},
        "answered": {"method": "formula", "expr": "areas / asked"},
    }
    figs = figures(tmp_path, specs)
    assert figs["asked"].value == 8 and figs["asked"].kind == "count"
    assert figs["half"].value == Decimal("0.5") and figs["half"].kind == "number"
    prov = figs["asked"].provenance
    assert prov.method == STATED and prov.source == "the request went to 8 areas"
    assert prov.rows == 0 and prov.inputs == ()
    assert figs["answered"].value == Decimal("0.5")
    assert figs["answered"].provenance.inputs == ("areas", "asked")


# -- item 6: labels, ties, ranks and counts on the printed value -----------------------

SHARES = "force,year,n\n" + "".join(
    f"{force},2015,{a}\n{force},2016,{b}\n"
    for force, a, b in [
        ("Avon", 100, 130),  # +30 %
        ("City of London Police", 100, 125),  # +25 %
        ("Dyfed-Powys", 10000, 12309),  # +23.09 %
        ("Wiltshire", 10000, 12345),  # +23.45 %
        ("Kent", 2000, 2003),  # +0.15 %, prints 0 %
        ("Essex", 100, 90),  # -10 %
    ]
)


def shares(tmp_path: Path, specs: dict[str, Any]) -> dict[str, Figure]:
    folder = tmp_path / "d"
    folder.mkdir(parents=True)
    (folder / "thefts.csv").write_text(SHARES, "utf-8")
    (folder / "thefts.toml").write_text(
        'title = "Thefts"\nfile = "thefts.csv"\n[source]\npublisher = "Forces"\n'
        '[columns.force]\ntype = "text"\n'
        '[columns.force.labels]\n"City of London Police" = "City of London"\n'
        '[columns.year]\ntype = "int"\n[columns.n]\ntype = "int"\n',
        "utf-8",
    )
    ds = load_dataset(folder / "thefts.toml")
    return compute_figures(SPECS.validate_python(specs), {"main": ds}, "main")


CHANGE = {"method": "group", "by": "force", "measure": "change", "column": "n",
          "period": "year", "from": 2015, "to": 2016}  # fmt: skip


def test_a_manifest_label_names_a_group_and_filters_keep_the_value(tmp_path: Path) -> None:
    figs = shares(tmp_path, {
        "g": CHANGE,
        "two": {"method": "group", "by": "force", "column": "n",
                "where": {"year": 2016, "force": ["City of London Police", "Essex"]}},
        "r": {"method": "range", "of": "two"},
        "city": {"method": "sum", "column": "n", "where": {"force": "City of London Police"}},
    })  # fmt: skip
    row = next(r for r in figs["g"].value if r.group == "City of London Police")
    assert row.shown == "City of London" and json_value(row)["label"] == "City of London"
    assert figs["r"].extra["max_group"] == "City of London"
    assert figs["city"].value == 225


def test_exact_ranks_by_default_and_ties_listed_by_name(tmp_path: Path) -> None:
    rows = shares(tmp_path, {"g": CHANGE})["g"].value
    assert [(r.group, r.rank, r.joint) for r in rows[2:4]] == [
        ("Wiltshire", 3, False),
        ("Dyfed-Powys", 4, False),
    ]
    assert (
        "tied groups share a place and are listed by name"
        in shares(tmp_path / "again", {"g": CHANGE})["g"].provenance.method
    )


def test_ranks_on_the_printed_value_make_a_joint_third(tmp_path: Path) -> None:
    by_name = shares(tmp_path, {"g": {**CHANGE, "rank_decimals": 0}})["g"]
    third = [(r.group, r.rank, r.joint) for r in by_name.value if r.rank == 3]
    assert third == [("Dyfed-Powys", 3, True), ("Wiltshire", 3, True)]
    assert [r.rank for r in by_name.value] == [1, 2, 3, 3, 5, 6]
    assert "ranked on values rounded to 0 decimals (in per cent)" in by_name.provenance.method
    by_value = shares(tmp_path / "v", {"g": {**CHANGE, "rank_decimals": 0, "ties": "value"}})
    third = [r.group for r in by_value["g"].value if r.rank == 3]
    assert third == ["Wiltshire", "Dyfed-Powys"]  # 23.45 % before 23.09 %
    assert "listed by exact value, then by name" in by_value["g"].provenance.method
    assert by_value["g"].value[2].value == Decimal("0.2345")  # the value itself stays exact


def test_a_count_of_groups_on_the_printed_value(tmp_path: Path) -> None:
    specs = {
        "g": CHANGE,
        "exact": {"method": "count_groups", "of": "g", "condition": {"gt": 0}},
        "printed": {"method": "count_groups", "of": "g", "condition": {"gt": 0}, "decimals": 0},
    }
    figs = shares(tmp_path, specs)
    assert figs["exact"].value == 5  # Kent's +0.15 % counts
    assert figs["printed"].value == 4  # but prints as 0 %
    assert "City of London" in figs["printed"].extra["groups"]
    assert figs["printed"].provenance.method.endswith("as printed with 0 decimals (in per cent)")


# -- item 15: plain decimals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1.407E+4"), "14070"),
        (Decimal("1E+1"), "10"),
        (Decimal("0.5"), "0.5"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("14070.00"), "14070"),
    ],
)
def test_json_values_are_plain_decimals(value: Decimal, text: str) -> None:
    assert json_value(value) == text
