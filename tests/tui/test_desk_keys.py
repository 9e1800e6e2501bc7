"""Issue 16 items 7, 9, 10 and 11 at 80×24: what a press officer reads and presses on
the main screen (focus, the footer, the figures and their provenance, edit mode beside
the side panel, the structure markers, find, spelling as you type), the export
dialog's keys, the palette, the screenshot and the Pick lists.

One app session per test, each walking through several steps: an app start costs
about 1.5 s of CPU."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, RadioSet, Select, TabbedContent
from textual.widgets._footer import FooterKey

from pressgen.tui.editor import MARKER_LINE, keeps_markers
from pressgen.tui.export_dialog import ExportScreen
from pressgen.tui.find_bar import find_from, location, offset_of
from pressgen.tui.footer import fitting
from pressgen.tui.keys import COMMANDS, help_rows

from .conftest import make_app, ready, type_text, wait_for

SMALL = (80, 24)
LARGE = (160, 48)


# -- the Textual-free pieces -----------------------------------------------------------


def test_footer_keeps_the_most_needed_keys_at_80_columns() -> None:
    shown = [key for _, key, _, _ in fitting(80)]
    assert shown[:7] == ["f1", "f2", "f3", "^s", "^b", "f6", "f5"]
    used = sum(len(k) + len(label) + 2 for _, k, label, _ in fitting(80))
    assert used <= 80 - 12  # whole labels, and room for the palette key
    assert len(fitting(160)) == len([c for c in COMMANDS if c.footer and c.keys])


def test_help_lists_undo_redo_and_find() -> None:
    rows = dict(help_rows())
    assert "undo and redo" in rows["ctrl+z, ctrl+y"]
    assert rows["ctrl+f"].startswith("Find") and rows["ctrl+g"].startswith("Find the next")


def test_find_wraps_and_ignores_case() -> None:
    text = "One 4,534.\nTwo 4,534 and x.\n"
    assert find_from(text, "4,534", 0) == (4, 9)
    assert find_from(text, "4,534", 5) == (15, 20)
    assert find_from(text, "4,534", 20) == (4, 9)  # wraps to the first
    assert find_from(text, "TWO", 0) == (11, 14)
    assert find_from(text, "a.b", 0) is None  # typed text, never a pattern
    assert location(text, 15) == (1, 4) and offset_of(text, (1, 4)) == 15


MARK = "[//]: # (pressgen:dateline)"


@pytest.mark.parametrize(
    ("top", "bottom", "insert", "keeps"),
    [
        ((1, 0), (1, 0), "x", True),  # typing in the line a marker labels
        ((0, 0), (0, 0), "x", False),  # typing before the marker on its line
        ((0, 27), (1, 0), "", False),  # backspace at the start of the labelled line
        ((0, 5), (0, 9), "", False),  # cutting into the marker
        ((0, 0), (1, 0), "", True),  # deleting the marker's whole line
        ((0, 0), (0, 0), "new\n", True),  # a line above the marker
    ],
)
def test_keeps_markers(
    top: tuple[int, int], bottom: tuple[int, int], insert: str, keeps: bool
) -> None:
    lines = [MARK, "**LONDON** – text", ""]
    assert MARKER_LINE.fullmatch(MARK)
    assert keeps_markers(lines, top, bottom, insert) is keeps


# -- the main screen at 80×24 ------------------------------------------------------------


def footer_keys(app: object) -> dict[str, FooterKey]:
    from textual.app import App

    assert isinstance(app, App)
    return {k.key_display: k for k in app.screen.query(FooterKey)}


async def test_desk_at_80x24(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        main = app.main
        assert app.built is not None
        figures = app.built.prepared.figures
        # Item 9: ↓ works from the start; the figures table has the focus.
        table = main.query_one("#figures-table", DataTable)
        assert app.focused is table
        await pilot.press("down")
        assert table.cursor_row == 1
        name = list(figures)[1]
        assert name in str(main.query_one("#provenance").render())
        # Item 7: the values come first and are not cut.
        assert str(table.columns[table.ordered_columns[0].key].label) == "text"
        texts = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert table.ordered_columns[0].get_render_width(table) >= max(map(len, texts))
        assert table.ordered_columns[0].get_render_width(table) <= table.size.width
        # The provenance says method, filter and rows first, and scrolls when it is long.
        box = main.query_one("#provenance-box")
        assert box.can_focus
        text = str(main.query_one("#provenance").render())
        assert text.index("method:") < text.index("source:")
        assert "rows matched:" in text
        table.move_cursor(row=list(figures).index("first_responder_dci"))
        await pilot.pause()
        text = str(main.query_one("#provenance").render())
        assert text.splitlines()[1].startswith("⚠")  # the small-number warning, at the top
        # The footer: the most needed keys whole, ctrl+b and F6 among them.
        keys = footer_keys(app)
        for shown in ("f1", "f2", "f3", "^s", "^b", "f6", "f5"):
            assert shown in keys, keys
            region = keys[shown].region
            assert region.right <= 80 and keys[shown].render().cell_len == region.width
        # Item 9: edit mode's Tab stops are all seen (the preview is none of them).
        await pilot.press("f2")
        editor = main.editor
        assert app.focused is editor
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused)
        assert seen == [main.check_panel, editor, main.check_panel]
        await pilot.press("shift+tab")
        # Item 7: ctrl+b in edit mode leaves the editor the release area, not 20 columns.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not main.query_one("#sidebar").has_class("-hidden")
        assert not main.query_one("#preview").display
        assert editor.size.width >= 40
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert main.query_one("#preview").display and editor.size.width >= 34
        # Known defect: typing at the very start goes to the first line of text, and
        # no key can cut or join a marker line.
        text = editor.text
        first = text.splitlines()[0]
        assert MARKER_LINE.fullmatch(first)
        editor.move_cursor((0, 0))
        await type_text(pilot, "Now ")
        await wait_for(pilot, lambda: app.edited)
        assert editor.text.splitlines()[0] == first
        assert editor.text.splitlines()[1].startswith("Now **EMBARGOED")
        editor.move_cursor((1, 0))
        await pilot.press("backspace")
        assert editor.text.splitlines()[0] == first and editor.text.count("\n") == text.count("\n")
        assert main.current_markdown().startswith(first + "\nNow ")  # saved with structure
        # Item 10: find and find next.
        await pilot.press("ctrl+f")
        bar = main.find_bar
        assert bar.display and isinstance(app.focused, Input)
        await pilot.press(*"per cent")
        count = editor.text.count("per cent")
        assert count >= 2
        first_hit = editor.selection
        assert editor.selected_text == "per cent"
        await pilot.press("enter")
        assert editor.selected_text == "per cent" and editor.selection != first_hit
        assert str(main.query_one("#find-status").render()) == f"2 of {count}"
        await pilot.press("escape")
        assert not bar.display and app.focused is editor
        await pilot.press("ctrl+g")  # find next, from the editor
        assert editor.selected_text == "per cent"
        # Item 10: spelling and lint as you type, in the findings panel.
        editor.move_cursor((editor.text.splitlines().index(""), 0))
        await type_text(pilot, "We we recieved it. ")
        panel = main.check_panel

        def codes() -> set[str]:
            return {f.code for f in panel.findings}

        await wait_for(pilot, lambda: {"spelling", "doubled-word"} <= codes())
        labels = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("recieved" in label and "received" in label for label in labels)


async def test_export_dialog_keys_and_the_palette(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        # Item 9: the highlight starts on the selected format; Tab, Enter exports.
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        formats = dialog.query_one(RadioSet)
        assert formats.pressed_button is not None
        assert formats.pressed_button.name == "docx"
        buttons = list(formats.query("RadioButton"))
        assert buttons[formats._selected or 0] is formats.pressed_button
        await pilot.press("tab")
        assert isinstance(app.focused, Button) and app.focused.id == "export"
        # Cancel says so rather than closing silently.
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportScreen))
        await wait_for(pilot, lambda: any("cancelled" in n.message for n in app._notifications))
        # Item 9: "picks" in the palette opens the Pick panel.
        await pilot.press("ctrl+p")
        await pilot.press(*"picks")
        await pilot.pause(0.4)
        await pilot.press("enter")
        tabs = app.main.query_one(TabbedContent)
        await wait_for(pilot, lambda: tabs.active == "pick")
        assert app.screen is app.main
        await wait_for(pilot, lambda: isinstance(app.focused, Select))
        assert app.focused is not None and app.focused.id == "pick-campaign"
        await pilot.press("tab")  # the next selector: the panel is no Tab stop
        assert app.focused is not None and app.focused.id == "pick-group"
        # Out of edit mode, the focus is back in the tab that was showing.
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.editing)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, Select))
        assert tabs.active == "pick"
        # Item 11: no Pick list offers its prompt as a choice.
        for select in app.main.query(Select):
            if select.id in ("pick-quotes", "pick-locale", "pick-campaign"):
                values = [v for _, v in select._options]
                assert Select.NULL not in values, select.id
                assert select.value != Select.NULL
        # Item 11: the palette's Screenshot saves into the project and says where.
        app.deliver_screenshot()
        await pilot.pause()
        saved = list((app.main.root / "screenshots").glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert any(str(saved[0]) in n.message for n in app._notifications)


async def test_campaign_opened_by_path_is_listed_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    app = make_app(Path("campaigns/met-cyber-training.toml"))
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        select = app.main.query_one("#pick-campaign", Select)
        names = [str(label) for label, _ in select._options]
        assert names.count("met-cyber-training") == 1, names
        assert Path(str(select.value)).resolve() == (project / "campaigns/met-cyber-training.toml")
