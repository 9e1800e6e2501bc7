"""SVG snapshots at 120×40: the main screen, the export dialog and the error panel.

Run from inside the copied project so paths in the screen are relative and stable.
Update with `pytest tests/tui --snapshot-update` after a deliberate change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pressgen.tui.export_dialog import ExportScreen

from .conftest import SIZE, make_app, ready, wait_for

SnapCompare = Callable[..., bool]


@pytest.fixture
def here(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return Path("campaigns/met-cyber-training.toml")


def test_main_screen(snap_compare: SnapCompare, here: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)

    assert snap_compare(make_app(here), terminal_size=SIZE, run_before=run_before)


def test_export_dialog(snap_compare: SnapCompare, here: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportScreen))
        box = pilot.app.screen.query_one(Input)
        box.cursor_blink = False
        box.value = "met-cyber-training.docx"
        await pilot.pause()

    assert snap_compare(make_app(here), terminal_size=SIZE, run_before=run_before)


def test_error_panel(snap_compare: SnapCompare, here: Path) -> None:
    manifest = Path("datasets/met-cyber-training.toml")
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\nbogus = [\n", encoding="utf-8")

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)

    assert snap_compare(make_app(here), terminal_size=SIZE, run_before=run_before)
