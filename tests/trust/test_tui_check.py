"""The TUI shows the same findings as `pressgen check`, live, while editing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pressgen.check import check_draft
from pressgen.tui.check_panel import CheckPanel
from pressgen.tui.editor import DraftEditor
from tests.tui.conftest import SIZE, make_app, ready, wait_for


def test_edit_mode_highlights_unmatched_numbers_and_jumps(project: Path) -> None:
    asyncio.run(_edit_mode_flow(project))


async def _edit_mode_flow(project: Path) -> None:
    app = make_app(project / "campaigns" / "met-cyber-training.toml")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f2")
        panel = app.query_one(CheckPanel)
        editor = app.query_one(DraftEditor)
        await wait_for(
            pilot, lambda: panel.border_title is not None and "match" in str(panel.border_title)
        )
        assert not [f for f in panel.findings if f.severity == "error"]
        row, col = next(
            (i, line.index("4,534"))
            for i, line in enumerate(editor.text.split("\n"))
            if "4,534" in line
        )
        editor.move_cursor((row, col + 5))
        await pilot.press("backspace", "9")  # 4,534 -> 4,539
        await wait_for(pilot, lambda: any(f.text == "4,539" for f in panel.findings))
        (f,) = [f for f in panel.findings if f.text == "4,539"]
        assert f.nearest_text == "4,534" and (f.line, f.column) == (row + 1, col + 1)
        assert any(name == "pressgen.error" for _, _, name in editor._highlights[row])
        # the same findings as the core check on the same text
        assert app.built is not None
        core = check_draft(app.built.prepared, editor.text, baseline=app.built.rendered.markdown)
        assert [x.message for x in core.findings] == sorted(
            [x.message for x in panel.findings], key=[y.message for y in core.findings].index
        )
        editor.move_cursor((0, 0))
        panel.focus()
        panel.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert editor.has_focus and editor.cursor_location == (row, col)
