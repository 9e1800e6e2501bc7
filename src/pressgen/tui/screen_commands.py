"""The main screen's commands (the actions keys.COMMANDS names) and the layout they
switch: edit mode, the side panel, and which panes fit the terminal's width.

A mixin of MainScreen: the screen owns the state; this module owns what each key does
with it, so that the screen's module keeps to building, picking and checking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widgets import TabbedContent

from pressgen.tui import dialogs

if TYPE_CHECKING:
    from textual import events

    from pressgen.tui.main_screen import MainScreen
    from pressgen.tui.style_hint import StyleHint

SIDE_BY_SIDE = 80
"""Columns the release area needs for the editor and the preview side by side (40
each); narrower, the editor has the area to itself."""

SIDEBAR_SHARE, SIDEBAR_MIN = 0.45, 34
"""The side panel's width: a share of the screen, at least so many columns (LAYOUT_CSS)."""


class ScreenCommands:
    """What each of the main screen's keys does."""

    @property
    def _main(self) -> MainScreen:
        return cast("MainScreen", self)

    # -- layout ---------------------------------------------------------------------------

    def action_toggle_edit(self) -> None:
        self._main.set_edit_mode(not self._main.editing)

    def set_edit_mode(self, editing: bool) -> None:
        if not self._main.panels_ready:
            self._main.when_ready(self._main.set_edit_mode, editing)
            return
        self._main.editing = editing
        self._main.query_one("#release").set_class(editing, "-editing")
        # The preview follows the editor: in edit mode it is no Tab stop of its own.
        self._main.query_one("#preview").can_focus = not editing
        editor = self._main.editor
        if editing:
            self._main.query_one("#sidebar").add_class("-hidden")
            editor.highlight_markdown()
            editor.leave_markers()
            editor.focus()
            self._main._schedule_check()
        else:
            self._main.query_one("#sidebar").remove_class("-hidden")
            self._main.query_one("#find-bar").remove_class("-shown")
            # Back in the side panel's tab that was showing (focusing another tab's
            # widget would switch the tabs to it).
            active = self._main.query_one(TabbedContent).active
            self._main.call_after_refresh(self._focus_tab, active)
        self._main.fit_panes()

    def fit_panes(self) -> None:
        """Editing beside a side panel at 80 columns would leave the editor 20 columns:
        when the release area is too narrow for two panes, the editor has it alone."""
        width = self._main.size.width
        if not self._main.query_one("#sidebar").has_class("-hidden"):
            width -= max(int(width * SIDEBAR_SHARE), SIDEBAR_MIN)
        self._main.query_one("#release").set_class(width < SIDE_BY_SIDE, "-solo")

    def on_resize(self, event: events.Resize) -> None:
        self._main.fit_panes()

    def action_toggle_sidebar(self) -> None:
        self._main.query_one("#sidebar").toggle_class("-hidden")
        self._main.fit_panes()

    def action_show_tab(self, tab: str) -> None:
        main = self._main
        main.query_one("#sidebar").remove_class("-hidden")
        tabs = main.query_one(TabbedContent)
        tabs.active = tab
        main.fit_panes()
        # The focus goes into the panel: focus left in another tab's panel switches the
        # tabs back to it (as the palette's closing restores the focus it had).
        main.call_after_refresh(self._focus_tab, tab)

    def _focus_tab(self, tab: str) -> None:
        pane = self._main.query_one(TabbedContent).get_pane(tab)
        first = next((w for w in pane.query("*") if w.focusable), None)
        if first is not None:
            first.focus()

    # -- finding text in the draft --------------------------------------------------------

    def action_find(self) -> None:
        if not self._main.panels_ready:
            return
        if not self._main.editing:
            self._main.set_edit_mode(True)
        self._main.find_bar.open(self._main.editor.selected_text)

    def action_find_next(self) -> None:
        if not self._main.panels_ready:
            return
        if not self._main.editing:
            self._main.set_edit_mode(True)
        self._main.find_bar.find_next()

    # -- the release ----------------------------------------------------------------------

    def action_regenerate(self) -> None:
        from pressgen.tui import keep_edits

        keep_edits.guard(self._main, "Regenerate from the data as it is now.", lambda: None)

    def on_style_hint_switch(self, event: StyleHint.Switch) -> None:
        self._main.pick("style", event.style)

    def action_match_style(self) -> None:
        """ctrl+l: the locale's own house style, when the one in use is another language's."""
        own = self._main.style_hint.suggestion if self._main.panels_ready else None
        if own is None:
            self._main.notify("The house style already suits the locale.")
            return
        self._main.pick("style", own)

    def action_help(self) -> None:
        dialogs.show_help(self._main)

    def action_export(self) -> None:
        from pressgen.tui import export_flow

        export_flow.export(self._main)

    def action_batch(self) -> None:
        dialogs.batch(self._main)

    def action_save_campaign(self) -> None:
        dialogs.save_campaign(self._main)

    def action_save_draft(self) -> None:
        self._main.draft_files.save()

    def action_save_draft_as(self) -> None:
        self._main.draft_files.save_as()

    def action_open_draft(self) -> None:
        self._main.draft_files.open()

    def action_discarded_drafts(self) -> None:
        self._main.drafting.list_discarded()

    async def action_quit(self) -> None:
        await self._main.pressgen.action_quit()
