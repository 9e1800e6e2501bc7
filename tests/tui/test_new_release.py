"""The "New release from a dataset" screen: reached by its key and the palette, the
columns as inferred with a correction, the angles ticked, the campaign written and the
draft in the editor; snapshots at 80x24 and 160x48."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, SelectionList

from pressgen.tui.editor import DraftEditor
from pressgen.tui.new_release_screen import NewReleaseScreen

from .conftest import make_app, ready, wait_for

SnapCompare = Callable[..., bool]


def _dataset(root: Path) -> Path:
    rows = ["area,year,cases"]
    data = {"Kent": (100, 130), "Essex": (80, 70), "Surrey": (50, 55), "Devon": (30, 41)}
    for area, (a, b) in data.items():
        rows += [f"{area},2019,{a}", f"{area},2020,{b}"]
    rows += ["All areas,2019,260", "All areas,2020,296"]
    path = root / "areas.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def here(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    _dataset(project)
    return Path("campaigns/met-cyber-training.toml")


async def _open(pilot: Pilot[Any]) -> NewReleaseScreen:
    app = await ready(pilot)
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: isinstance(app.screen, NewReleaseScreen))
    screen = app.screen
    assert isinstance(screen, NewReleaseScreen)
    await wait_for(pilot, lambda: screen.focused is not None)
    await pilot.press(*"areas.csv", "enter")
    await wait_for(pilot, lambda: screen.desk is not None)
    await pilot.pause()
    return screen


async def test_from_a_file_to_the_draft_in_the_editor(here: Path, project: Path) -> None:
    app = make_app(here)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot)
        table = screen.query_one("#nr-columns", DataTable)
        assert [str(c) for c in table.get_row("cases")[:3]] == ["cases", "int", "measure"]
        assert str(table.get_row("area")[2]) == "group"
        assert str(table.get_row("area")[3]) == "All areas"  # a total row, recognised
        angles = screen.query_one("#nr-angles", SelectionList)
        assert len(angles.selected) == 6  # the best six are ticked to start with
        # A correction: the year column, typed as a number, then back to text.
        table.focus()
        table.move_cursor(row=table.get_row_index("year"))
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: str(table.get_row("year")[1]) == "int")
        assert "set by you" in str(table.get_row("year")[2])
        screen.query_one("#nr-total", Input).value = "area = Kent"
        screen.query_one("#nr-total", Input).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Kent" in str(table.get_row("area")[3]))
        assert screen.desk is not None and "Kent" in screen.desk.prof.totals["area"]
        # The angles, best first, each with its sentence; ticks outlive a correction
        # where the angle does.
        assert angles.option_count == len(screen.desk.angles) > 6
        names = {a.name for a in screen.desk.angles}
        assert angles.selected and set(angles.selected) <= names
        first = screen.desk.angles[0]
        assert first.sentence in str(angles.get_option_at_index(0).prompt)
        detail = str(screen.query_one("#nr-detail").render())
        assert f"value {first.value}" in detail and "areas.csv" in detail
        # Untick all but the first: the campaign holds that one figure.
        angles.deselect_all()
        angles.select(first.name)
        await pilot.press("ctrl+w")
        await wait_for(pilot, lambda: not isinstance(app.screen, NewReleaseScreen))
        campaign = project / "campaigns" / "areas.toml"
        assert campaign.is_file()
        text = campaign.read_text(encoding="utf-8")
        assert text.count("[figures.") == 1 and f"[figures.{first.name}]" in text
        await wait_for(pilot, lambda: app.picks.campaign == campaign and app.editing)
        editor = app.query_one(DraftEditor)
        await wait_for(pilot, lambda: "PLACEHOLDER: a headline" in editor.text)
        # Written again: nothing is overwritten, and the screen says so.
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewReleaseScreen))
        again = app.screen
        assert isinstance(again, NewReleaseScreen)
        await wait_for(pilot, lambda: again.focused is not None)
        await pilot.press(*"areas.csv", "enter")
        await wait_for(pilot, lambda: again.desk is not None)
        await pilot.press("ctrl+w")
        status = again.query_one("#nr-status")
        await wait_for(pilot, lambda: "would overwrite" in str(status.render()))
        assert isinstance(app.screen, NewReleaseScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, NewReleaseScreen))


async def test_the_palette_opens_it_and_bad_files_are_one_line(here: Path) -> None:
    app = make_app(here)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"New release from")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NewReleaseScreen))
        screen = app.screen
        assert isinstance(screen, NewReleaseScreen)
        await wait_for(pilot, lambda: screen.focused is not None)
        await pilot.press(*"missing.csv", "enter")
        status = screen.query_one("#nr-status")
        await wait_for(pilot, lambda: "no such file" in str(status.render()))
        assert "missing.csv" in str(status.render()) and screen.desk is None


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_snapshot(snap_compare: SnapCompare, here: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _open(pilot)

    assert snap_compare(make_app(here), terminal_size=size, run_before=run_before)
