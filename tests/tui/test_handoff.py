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
        assert shown == ["open"]
    # The app has shut down: a late build's result (the real callback) is dropped.
    hand_over(main, main.when_ready, main._built, built, None)
    hand_over(main, shown.append, "after quit")
    assert shown == ["open"]
    assert app.return_code in (0, None)
