"""Typing never waits on the preview: it follows the editor once typing pauses, rendered
on a worker (issue 16, typing lag). No clocks: the test says when the pause comes."""

from __future__ import annotations

from pathlib import Path

from pressgen.tui.editor import DraftEditor
from pressgen.tui.preview import Preview

from .conftest import SIZE, make_app, ready, wait_for


async def test_keystrokes_render_the_preview_once_after_the_pause(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f2")
        editor = app.query_one(DraftEditor)
        preview = app.query_one(Preview)
        preview.follow_delay = 3600.0  # the pause never comes by itself: the test calls it
        editor.move_cursor((1, 0))  # the release line, below its structure marker
        shown = preview.markdown
        before = preview.generation
        await pilot.press(*"Hello ")
        # Six keys are in the editor, and not one preview render was made for them.
        assert editor.document.get_line(1).startswith("Hello ")
        assert preview.generation == before and preview.markdown == shown
        assert preview.pending
        preview.settle()  # what the timer does once typing pauses
        await wait_for(pilot, lambda: preview.generation != before)
        assert preview.generation == before + 1
        assert preview.markdown == editor.text and not preview.pending
        await pilot.pause()
        assert preview.generation == before + 1  # nothing left over to render

        # With the real timer: the preview catches up with the editor by itself.
        preview.follow_delay = 0.05
        await pilot.press("!")
        await wait_for(pilot, lambda: preview.markdown == editor.text)
        assert preview.markdown.split("\n")[1].startswith("Hello !")
        assert preview.generation == before + 2
