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

from .conftest import SIZE, make_app, ready, settled, type_text, wait_for

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


# -- issue 16's dialogs at 80×24 -------------------------------------------------------

SMALL = (80, 24)


async def _edited(pilot: Pilot[Any]) -> None:
    from pressgen.tui.editor import DraftEditor

    await ready(pilot)
    await pilot.press("f2")
    editor = pilot.app.query_one(DraftEditor)
    editor.move_cursor((0, 0))
    await type_text(pilot, "Over 9,999 officers. ")
    await wait_for(pilot, lambda: pilot.app.edited)


def test_keep_edits_question_80x24(snap_compare: SnapCompare, here: Path) -> None:
    from pressgen.tui.confirm import ChoiceScreen

    async def run_before(pilot: Pilot[Any]) -> None:
        await _edited(pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ChoiceScreen))
        await pilot.pause()

    assert snap_compare(make_app(here), terminal_size=SMALL, run_before=run_before)


def test_export_problems_80x24(snap_compare: SnapCompare, here: Path) -> None:
    from pressgen.tui.confirm import ChoiceScreen
    from pressgen.tui.export_problems import ExportProblemsScreen

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await _edited(pilot)
        app.main.picks.included["adeyemi-frontline"] = False
        app.main._set_quote("adeyemi-investment", True)
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("k")
        await wait_for(pilot, lambda: app.built is not None and app.built.drafts)
        # Toasts show through a dialog, and are not what is shown here: clear them first.
        await wait_for(
            pilot, lambda: any("checked against" in n.message for n in app._notifications)
        )
        app.clear_notifications()
        await wait_for(pilot, lambda: not app.main.query("Toast"))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        app.screen.query_one(Input).value = "release.docx"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportProblemsScreen))
        await pilot.pause()

    assert snap_compare(make_app(here), terminal_size=SMALL, run_before=run_before)


def test_save_draft_as_80x24(snap_compare: SnapCompare, here: Path) -> None:
    from pressgen.tui.draft_screens import SaveDraftScreen

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SaveDraftScreen))
        box = pilot.app.screen.query_one(Input)
        box.cursor_blink = False
        box.value = "drafts/met-cyber-training.draft.toml"
        await pilot.pause()

    assert snap_compare(make_app(here), terminal_size=SMALL, run_before=run_before)


def test_open_draft_80x24(snap_compare: SnapCompare, here: Path) -> None:
    from pressgen.storage.draftfile import DraftFile, save_draft_file
    from pressgen.tui.draft_screens import OpenDraftScreen

    root = Path.cwd()
    for name in ("spring-launch", "gone", "board-briefing"):
        path = root / "drafts" / f"{name}.draft.toml"
        save_draft_file(DraftFile(campaign=root / here), path, root, force=False)
    (root / "drafts" / "gone.draft.toml").unlink()

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, OpenDraftScreen))
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(here), terminal_size=SMALL, run_before=run_before)


def test_style_mismatch_and_quotes_80x24(snap_compare: SnapCompare, here: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await ready(pilot)
        app.main.pick("locale", "de_DE")
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "de_DE"
        )
        app.main.pick("style", "uk-press")
        await wait_for(pilot, lambda: app.main.style_hint.has_class("-shown"))
        app.main.action_show_tab("quotes")
        await pilot.pause()
        await settled(pilot)
        app.clear_notifications()
        await wait_for(pilot, lambda: not app.screen.query("Toast"))
        await pilot.pause()

    assert snap_compare(make_app(here), terminal_size=SMALL, run_before=run_before)


# -- issue 16 item 7: readable at 80×24 and at 160×48 ----------------------------------

LARGE = (160, 48)


async def _quiet(pilot: Pilot[Any]) -> None:
    """No toast over what the snapshot shows (the release's own warnings are told)."""
    app = pilot.app
    app.clear_notifications()
    await wait_for(pilot, lambda: not app.screen.query("Toast"))
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_figures_and_footer(snap_compare: SnapCompare, here: Path, size: tuple[int, int]) -> None:
    """The values whole beside the names, a provenance that starts with its warning,
    method and rows, and a footer whose keys are whole (ctrl+b and F6 at 80)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await ready(pilot)
        table = app.main.query_one("#figures-table")
        await pilot.press("down", "down")  # first_responder_dci: a small-number warning
        assert table.cursor_row == 2
        await _quiet(pilot)

    assert snap_compare(make_app(here), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_editing_beside_the_panel(
    snap_compare: SnapCompare, here: Path, size: tuple[int, int]
) -> None:
    """ctrl+b in edit mode: at 80 columns the editor has the release area alone (not 20
    columns beside the preview); at 160 both fit. A match found with ctrl+f is selected."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await ready(pilot)
        await pilot.press("f2", "ctrl+b", "ctrl+f", *"4,534", "enter", "escape")
        await wait_for(pilot, lambda: app.main.check_panel.option_count > 0)
        await _quiet(pilot)

    assert snap_compare(make_app(here), terminal_size=size, run_before=run_before)
