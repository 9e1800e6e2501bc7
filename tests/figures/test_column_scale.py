"""A column's `scale` (issue 15, column scale): a source that counts in thousands is
read as value x scale, exactly, and provenance says so."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.sources.dataset import load_dataset
from tests.figures.conftest import figures_of

# Workers in thousands, as BLS tables give them; one cell grouped and padded (read the
# careful way), one suppressed, and a decimal column in millions.
DATA = """group,year,workers,spend
Public,2022,"7,100",1.25
Public,2023, 7045 ,1.5
Private,2022,7205,<5
Private,2023,7396,0.125
Other,2023,<5,2
"""


def write(folder: Path, scale_line: str = "scale = 1000") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "w.csv").write_text(DATA, encoding="utf-8")
    manifest = folder / "w.toml"
    manifest.write_text(
        'title = "Workers"\nfile = "w.csv"\nsuppression = ["<5"]\n\n'
        '[source]\npublisher = "Test Bureau"\n\n'
        '[columns.group]\ntype = "text"\n\n[columns.year]\ntype = "int"\n\n'
        f'[columns.workers]\ntype = "int"\n{scale_line}\n\n'
        '[columns.spend]\ntype = "decimal"\nscale = 1000000\n',
        encoding="utf-8",
    )
    return manifest


def test_values_are_read_times_the_scale_exactly(tmp_path: Path) -> None:
    ds = load_dataset(write(tmp_path))
    assert ds.frame["workers"].to_list() == [7_100_000, 7_045_000, 7_205_000, 7_396_000, None]
    assert ds.frame["__suppressed__workers"].to_list() == [False] * 4 + [True]
    spend = [None if v is None else Decimal(v) for v in ds.frame["spend"].to_list()]
    assert spend == [Decimal(1_250_000), Decimal(1_500_000), None, Decimal(125_000), 2_000_000]
    figs = figures_of(
        ds,
        {
            "private": {
                "method": "sum",
                "column": "workers",
                "where": {"year": 2023, "group": "Private"},
            },
            "growth": {
                "method": "difference",
                "column": "workers",
                "period": "year",
                "from": 2022,
                "to": 2023,
                "where": {"group": "Private"},
            },
            "spend": {"method": "sum", "column": "spend", "where": {"year": 2023}},
            "by_group": {
                "method": "group",
                "by": "group",
                "measure": "sum",
                "column": "workers",
                "where": {"year": 2023},
            },
        },
    )
    assert figs["private"].value == 7_396_000 and figs["private"].kind == "count"
    assert figs["growth"].value == 191_000
    assert figs["spend"].value == Decimal("3625000")
    assert [(r.group, r.value) for r in figs["by_group"].value if r.value is not None] == [
        ("Private", 7_396_000),
        ("Public", 7_045_000),
    ]
    # provenance says the source counts in thousands, and which column
    assert figs["private"].provenance.method == (
        "sum of workers (workers in thousands in the source, \u00d71,000)"
    )
    assert "spend in millions in the source, \u00d71,000,000" in figs["spend"].provenance.method
    assert "workers in thousands" in figs["by_group"].provenance.method


def test_an_unscaled_column_says_nothing_of_scale(tmp_path: Path) -> None:
    ds = load_dataset(write(tmp_path, "scale = 1"))
    fig = figures_of(ds, {"n": {"method": "sum", "column": "workers"}})["n"]
    assert fig.value == 28_746
    assert fig.provenance.method == "sum of workers"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("scale = 0", "greater than or equal to 1"),
        ("scale = 1.5", "integer"),
    ],
)
def test_a_bad_scale_is_a_one_line_error_naming_the_field(
    tmp_path: Path, line: str, message: str
) -> None:
    with pytest.raises(PressgenError) as err:
        load_dataset(write(tmp_path, line))
    text = str(err.value)
    assert "w.toml" in text and "workers" in text and message in text
    assert "\n" not in text


def test_scale_on_a_text_column_is_refused(tmp_path: Path) -> None:
    manifest = write(tmp_path)
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            '[columns.group]\ntype = "text"\n', '[columns.group]\ntype = "text"\nscale = 1000\n'
        ),
        encoding="utf-8",
    )
    with pytest.raises(PressgenError, match="scale applies to numbers; this column holds text"):
        load_dataset(manifest)


def test_a_pivoted_table_keeps_its_columns_scale() -> None:
    import polars as pl

    from pressgen.angles.pivot import VALUE, unpivot
    from pressgen.sources.manifest import Manifest

    def manifest(second: int) -> Manifest:
        return Manifest.model_validate(
            {
                "title": "T",
                "file": "t.csv",
                "source": {"publisher": "P"},
                "columns": {
                    "area": {"type": "text"},
                    "2022": {"type": "int", "scale": 1000},
                    "2023": {"type": "int", "scale": second},
                },
            }
        )

    raw = pl.DataFrame({"__row": [2], "area": ["North"], "2022": ["5"], "2023": ["7"]})
    long = unpivot(manifest(1000), raw)
    assert long is not None and long[0].columns[VALUE].scale == 1000
    # thousands beside units cannot share one value column: not pivoted
    assert unpivot(manifest(1), raw) is None
