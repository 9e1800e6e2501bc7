"""Datasets and a small project for the figure-language tests (ratio, shares of the whole,
tables, changes with a missing period)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from pressgen.figures.engine import Figure, compute_figures
from pressgen.figures.model import DECIMAL_CONTEXT
from pressgen.figures.specs import FigureSpec
from pressgen.sources.dataset import Dataset, load_dataset

SPECS = TypeAdapter(dict[str, FigureSpec])

#: Bus-lane fines per council and year: notices issued, their value (money), claims
#: decided and paid. Eastham has no 2016 row; Southby's 2017 value is suppressed.
FINES = """council,nation,year,issued,value,decided,paid
Northgate,England,2016,100,6500.00,40,10
Northgate,England,2017,120,7800.00,50,20
Eastham,England,2017,80,5200.00,20,5
Southby,Wales,2016,50,3000.00,10,1
Southby,Wales,2017,60,<5,12,3
Westfold,Scotland,2016,100,6000.00,30,10
Westfold,Scotland,2017,100,6500.00,30,12
"""
FINES_COLUMNS = {
    "council": "text",
    "nation": "text",
    "year": "int",
    "issued": "int",
    "value": "decimal",
    "decided": "int",
    "paid": "int",
}


def write_fines(folder: Path) -> Path:
    """The fines dataset and its manifest (`value` is money in pounds) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fines.csv").write_text(FINES, encoding="utf-8")
    cols = "\n".join(
        f'[columns.{c}]\ntype = "{t}"\n' + ('currency = "GBP"\n' if c == "value" else "")
        for c, t in FINES_COLUMNS.items()
    )
    manifest = folder / "fines.toml"
    manifest.write_text(
        'title = "Bus lane fines"\nfile = "fines.csv"\nsuppression = ["<5"]\n\n'
        f'[source]\npublisher = "Test Councils"\n\n{cols}',
        encoding="utf-8",
    )
    return manifest


@pytest.fixture
def fines(tmp_path: Path) -> Dataset:
    return load_dataset(write_fines(tmp_path / "data"))


def figures_of(ds: Dataset, specs: dict[str, Any]) -> dict[str, Figure]:
    return compute_figures(SPECS.validate_python(specs), {"main": ds}, "main", one_pass=False)


def div(a: object, b: object) -> Decimal:
    """a / b as the engine computes it (DECIMAL_CONTEXT's 34 digits)."""
    return DECIMAL_CONTEXT.divide(Decimal(str(a)), Decimal(str(b)))
