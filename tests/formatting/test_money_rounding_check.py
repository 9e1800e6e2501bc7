"""Money in millions rounded down or to significant figures (issue 15, money rounding):
`check` accepts what the filter prints and still flags a wrong amount, in the RAC bus
lanes example ("at least £68m a year, around £200m over the period")."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.check import check_draft
from pressgen.release.pipeline import Prepared, prepare, render_release

CAMPAIGN = Path(__file__).resolve().parents[2] / "examples/rac-bus-lanes/campaigns/bus-lanes.toml"


@pytest.fixture(scope="module")
def release() -> tuple[Prepared, str]:
    prepared = prepare(CAMPAIGN)
    return prepared, render_release(prepared).markdown


def test_the_render_prints_the_rounded_amounts_and_passes_check(
    release: tuple[Prepared, str],
) -> None:
    prepared, text = release
    assert prepared.figures["fines_value_a_year"].value == 68_746_960
    assert prepared.figures["fines_value"].value == 206_240_880
    assert "at least £68m a year, around £200m over the period" in text
    report = check_draft(prepared, text)
    assert report.ok, "\n".join(f.format() for f in report.problems)


@pytest.mark.parametrize(
    ("printed", "wrong"),
    [("£68m", "£58m"), ("£68m", "£78m"), ("£200m", "£300m"), ("£200m", "£250m")],
)
def test_a_wrong_amount_is_flagged(release: tuple[Prepared, str], printed: str, wrong: str) -> None:
    prepared, text = release
    report = check_draft(prepared, text.replace(printed, wrong, 1))
    assert not report.ok
    assert any(wrong.lstrip("£") in f.text for f in report.problems)


@pytest.mark.parametrize(("printed", "right"), [("£68m", "£68.7m"), ("£200m", "£206m")])
def test_the_same_amount_rounded_another_way_is_accepted(
    release: tuple[Prepared, str], printed: str, right: str
) -> None:
    prepared, text = release
    report = check_draft(prepared, text.replace(printed, right, 1))
    assert report.ok, "\n".join(f.format() for f in report.problems)
