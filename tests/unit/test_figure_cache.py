"""Figures kept on disk come back exactly as computed, and any change to the data or the
specs computes them again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressgen.figures import cache as figure_cache
from pressgen.figures.engine import compute_figures, required_columns
from pressgen.release.campaign import load_campaign
from pressgen.sources.dataset import load_dataset
from tests.conftest import ROOT


@pytest.mark.parametrize("campaign", ["met-cyber-training", "forces-cyber-training"])
def test_round_trip_is_exact(campaign: str) -> None:
    loaded = load_campaign(ROOT / "campaigns" / f"{campaign}.toml")
    need = required_columns(loaded.campaign.figures, "main")
    datasets = {n: load_dataset(p, need.get(n, set())) for n, p in loaded.dataset_paths.items()}
    figures = compute_figures(loaded.campaign.figures, datasets, "main")
    figure_cache.store("k" * 64, figures, 25)
    stored = figure_cache.load("k" * 64)
    assert stored is not None
    back, suppressed = stored
    assert back == figures and suppressed == 25
    for name, fig in figures.items():  # same types, not merely equal values
        assert type(back[name].value) is type(fig.value)


@pytest.mark.parametrize("damage", ["{not json", '{"format": 2}', "SUPPRESSED"])
def test_damaged_entry_is_ignored(damage: str) -> None:
    figure_cache.store("d" * 64, {}, 0)
    path = next(Path(os.environ["PRESSGEN_CACHE_DIR"]).glob("figures/d*.json"))
    if damage == "SUPPRESSED":  # a count that is not a count
        damage = path.read_text().replace('"suppressed_cells": 0', '"suppressed_cells": -3')
    path.write_text(damage)
    assert figure_cache.load("d" * 64) is None


def _render(project: Path) -> tuple[str, str]:
    code = (
        "import sys\nfrom pressgen.cli import main\n"
        f"main(['render', {str(project / 'campaigns' / 'met-cyber-training.toml')!r}])\n"
        "sys.stderr.write('\\nPOLARS:' + str('polars' in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return out.stdout, out.stderr.rsplit("POLARS:", 1)[1].strip()


def test_second_render_reads_no_data_and_a_data_edit_recomputes(project: Path) -> None:
    first, loaded_polars = _render(project)
    assert loaded_polars == "True"
    second, loaded_polars = _render(project)
    assert second == first and loaded_polars == "False"
    csv = project / "datasets" / "met-cyber-training.csv"
    csv.write_text(
        csv.read_text().replace(
            "Responder,2018/19,Student Officer,1259", "Responder,2018/19,Student Officer,1359"
        )
    )
    third, loaded_polars = _render(project)
    assert loaded_polars == "True"
    assert "4,634" in third and "4,534" not in third
