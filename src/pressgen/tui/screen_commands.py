"""The main screen's commands (the actions keys.COMMANDS names) and the layout they
switch: edit mode, the side panel, and which panes fit the terminal's width.

A mixin of MainScreen: the screen owns the state; this module owns what each key does
with it, so that the screen's module keeps to building, picking and checking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from textual.widgets import TabbedContent

from pressgen.tui import dialogs

if TYPE_CHECKING:
    from textual import events
    from textual.dom import DOMNode
    from textual.widget import Widget

    from pressgen.tui.main_screen import MainScreen
    from pressgen.tui.style_hint import StyleHint

SIDE_BY_SIDE = 80
"""Columns the release area needs for the editor and the preview side by side (40
each); narrower, the editor has the area to itself."""

RELEASE_CLASS_TARGETS = ("#editor", "#check-panel", "#preview")
"""What the release area's classes (-editing, -solo) select in LAYOUT_CSS and in the
check panel's CSS: the only widgets restyled when they change (`_restyle`). A rule that
selects anything else by those classes must name it here; the side panel's class
(-hidden) selects the side panel alone."""

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
        # The preview follows the editor: in edit mode it is no Tab stop of its own.
        self._main.query_one("#preview").can_focus = not editing
        editor = self._main.editor
        if editing:
            self._set_sidebar_hidden(True)
            self._fit(editing=True)
            editor.highlight_markdown()
            editor.leave_markers()
            editor.focus()
            self._main._schedule_check()
        else:
            self._set_sidebar_hidden(False)
            self._fit(editing=False)
            self._main.query_one("#find-bar").remove_class("-shown")
            # Back in the side panel's tab that was showing (focusing another tab's
            # widget would switch the tabs to it).
            active = self._main.query_one(TabbedContent).active
            self._main.call_after_refresh(self._focus_tab, active)

    def fit_panes(self) -> None:
        """Editing beside a side panel at 80 columns would leave the editor 20 columns:
        when the release area is too narrow for two panes, the editor has it alone."""
        self._fit(editing=self._main.query_one("#release").has_class("-editing"))

    def _fit(self, *, editing: bool) -> None:
        width = self._main.size.width
        if not self._main.query_one("#sidebar").has_class("-hidden"):
            width -= max(int(width * SIDEBAR_SHARE), SIDEBAR_MIN)
        release = self._main.query_one("#release")
        classes = {"-editing": editing, "-solo": width < SIDE_BY_SIDE}
        self._restyle(release, classes, RELEASE_CLASS_TARGETS)

    def _set_sidebar_hidden(self, hidden: bool) -> None:
        self._restyle(self._main.query_one("#sidebar"), {"-hidden": hidden}, ())

    def _restyle(self, node: Widget, classes: Mapping[str, bool], targets: Sequence[str]) -> None:
        """Set the layout classes of the side panel or the release area and restyle the
        widgets their rules select (LAYOUT_CSS), not all that is inside: Textual restyles
        every descendant of a node whose classes change (the release area's preview
        blocks, the side panel's every selector and table), which made F2 and ctrl+b
        cost a quarter of a second of CPU each."""
        if all(node.has_class(name) == on for name, on in classes.items()):
            return
        node.update_classes(classes, update=False)
        nodes: list[DOMNode] = [node]
        for target in targets:
            nodes.extend(node.query(target))
        self._main.app.stylesheet.update_nodes(nodes, animate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._main.fit_panes()

    def action_toggle_sidebar(self) -> None:
        self._set_sidebar_hidden(not self._main.query_one("#sidebar").has_class("-hidden"))
        self._main.fit_panes()

    def action_show_tab(self, tab: str) -> None:
        main = self._main
        self._set_sidebar_hidden(False)
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
