"""A worker's result that lands after its screen or the app closed is dropped, not shown
on widgets that no longer exist (a build finishing as the user quits took the app down
with "No nodes match 'SelectOverlay'")."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pressgen.tui.export_dialog import ExportScreen
from pressgen.tui.handoff import hand_over

from .conftest import SIZE, make_app, ready, wait_for


async def test_results_reach_open_screens_only(campaign: Path) -> None:
    app = make_app(campaign)
    shown: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        main = app.main
        built = app.built
        assert built is not None
        # While the app runs, a worker's result is delivered on the app's thread.
        await asyncio.to_thread(hand_over, main, shown.append, "open")
        await wait_for(pilot, lambda: shown == ["open"])
        assert shown == ["open"]
        # A dialog's result after the dialog was closed goes nowhere.
        app.push_screen(ExportScreen(Path.cwd() / "x.docx", "docx"))
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        await wait_for(pilot, lambda: dialog.focused is not None)
        await pilot.pause()
        app.pop_screen()
        await wait_for(pilot, lambda: app.screen is main)
        await asyncio.to_thread(hand_over, dialog, shown.append, "closed dialog")
        await asyncio.to_thread(hand_over, main, shown.append, "after it")
        await wait_for(pilot, lambda: shown[-1] == "after it")
        assert shown == ["open", "after it"]  # the closed dialog's result went nowhere
    # The app has shut down: a late build's result (the real callback) is dropped.
    hand_over(main, main.when_ready, main._built, built, None)
    hand_over(main, shown.append, "after quit")
    assert shown == ["open", "after it"]
    assert app.return_code in (0, None)


async def test_quitting_at_the_first_frame_leaves_no_traceback(campaign: Path) -> None:
    """The release is painted in the first frame (a preview cached from the last start)
    and the app quits right then, as a person pressing ctrl+q at once would, before the
    hidden panels are mounted: nothing may fail on the way out."""
    from concurrent.futures import Future

    from pressgen.release.pipeline import prepare, render_release
    from pressgen.tui.app import PressgenApp

    first: Future[str | None] = Future()
    first.set_result(render_release(prepare(campaign)).markdown)
    painted: list[bool] = []

    def quit_at_once(app: PressgenApp) -> None:
        painted.append(True)
        app.exit(0)

    app = PressgenApp(campaign, first=first, recover=False, on_first_paint=quit_at_once)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(painted))
    assert painted == [True] and app.return_code == 0
    assert not app.main.panels_ready  # it did quit before they were mounted
