"""Run by test_recovery in a subprocess: open the app headless, type an edit, signal
readiness, then wait to be killed."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual.pilot import Pilot

from pressgen.tui.app import PressgenApp
from pressgen.tui.editor import DraftEditor

TYPED = "Typed before the crash. "


async def edit(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, PressgenApp)
    while app.built is None:
        await pilot.pause(0.02)
    await pilot.press("f2")
    app.query_one(DraftEditor).move_cursor((0, 0))
    await pilot.press(*TYPED)
    if sys.argv[3] == "wait-autosave":
        # The 2-second autosave timer, not an exit handler, must have saved the edit.
        from pressgen.storage.drafts import Draft, load_draft

        def saved() -> bool:
            found = load_draft(app.picks.campaign)
            return isinstance(found, Draft) and TYPED in found.text

        while not saved():
            await pilot.pause(0.05)
    Path(sys.argv[2]).write_text("ready", encoding="utf-8")
    while app.return_value is None:  # until a signal makes the app exit
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    PressgenApp(Path(sys.argv[1])).run(headless=True, size=(120, 40), auto_pilot=edit)
