"""Run by test_recovery in a subprocess: open the app headless, type an edit, signal
readiness, then wait to be killed.

The edit is typed as a fast typist types it, every key at once (pilot.press waits for
the app to go idle after each key: 2 s for these 24 keys on a loaded machine), and the
timed autosave runs every 0.2 s instead of 2: what is tested is that an edit survives
the kill, not how long either takes."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from pressgen.tui import drafting
from pressgen.tui.app import PressgenApp
from pressgen.tui.editor import DraftEditor

TYPED = "Typed before the crash. "


async def edit(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, PressgenApp)
    while app.built is None:
        await pilot.pause(0.02)
    await pilot.press("f2")
    editor = app.query_one(DraftEditor)
    editor.move_cursor((0, 0))
    type_at_once(app, TYPED)
    while not (app.edited and TYPED in editor.text and TYPED in app.main.draft_text):
        await pilot.pause(0.02)  # every key handled, and the screen holds the text
    if sys.argv[3] == "wait-autosave":
        # The autosave timer, not an exit handler, must have saved the edit.
        from pressgen.storage.drafts import Draft, load_draft

        def saved() -> bool:
            found = load_draft(app.picks.campaign)
            return isinstance(found, Draft) and TYPED in found.text

        while not saved():
            await pilot.pause(0.05)
    Path(sys.argv[2]).write_text("ready", encoding="utf-8")
    while app.return_value is None:  # until a signal makes the app exit
        await asyncio.sleep(0.05)


def type_at_once(app: PressgenApp, text: str) -> None:
    """Deliver the keys of `text` all at once, as the terminal does for fast typing."""
    assert app._driver is not None
    for char in text:
        key = "space" if char == " " else char
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


if __name__ == "__main__":
    drafting.AUTOSAVE_SECONDS = 0.2
    PressgenApp(Path(sys.argv[1])).run(headless=True, size=(120, 40), auto_pilot=edit)
