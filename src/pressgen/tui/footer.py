"""The footer: the main screen's keys in the order of keys.FOOTER, most needed first,
each shown whole or not at all, so that at 80 columns the keys a press officer needs
most are all there rather than a row cut at "f5 Regenera…".

Textual's own footer lists the bindings in the order the focused widget's chain meets
them (a TextArea's ctrl+e put "^e Edit" first in edit mode) and cuts the row at the
right; this one always reads the same, from the key table.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from pressgen.tui.keys import footer_commands, footer_key

PALETTE_CELLS = 12
"""What the command palette's key takes at the right ("▏^p palette")."""


def fitting(width: int) -> list[tuple[str, str, str, str]]:
    """(key, shown key, label, action) of the footer's commands that fit in `width`
    columns, in priority order: one that does not fit is left out whole."""
    room = width - PALETTE_CELLS
    shown = []
    for c in footer_commands():
        shown_key = footer_key(c.keys)
        cells = len(shown_key) + 1 + len(c.label) + 1  # "f2 Edit" and a space after it
        if cells > room:
            continue  # a shorter one further on may still fit
        room -= cells
        shown.append((c.keys.split(",")[0], shown_key, c.label, c.action))
    return shown


class DeskFooter(Footer):
    """Always compact. Its keys are made with the compact class already set rather than
    data-bound to the footer's `compact`: binding set it on each key once mounted, and
    each key was styled twice (two restyles of every key for every recompose, a sixth of
    the start-up's styling). A change of bindings that changes nothing shown (most focus
    moves) does not recompose it."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0
        self._shown: tuple[object, ...] | None = None
        """What the last compose showed (`_wanted`)."""
        self._queued = False

    def _wanted(self) -> tuple[object, ...]:
        """Everything the keys show: the same, and a recompose would change nothing."""
        width = self.app.size.width
        bindings = self.screen.active_bindings
        active = {b.action: enabled for _, b, enabled, _ in bindings.values()}
        keys = tuple(
            (key, shown_key, label, action, active[action])
            for key, shown_key, label, action in fitting(width)
            if action in active
        )
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        shown_palette = None
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            shown_palette = (binding.key, binding.action, binding.description, enabled)
        return width, keys, shown_palette

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._shown = self._wanted()
        self._width = self.app.size.width
        active = {b.action: enabled for _, b, enabled, _ in self.screen.active_bindings.values()}
        for key, shown_key, label, action in fitting(self._width):
            if action not in active:
                continue  # not the main screen's (a dialog's footer has its own keys)
            yield _compact(FooterKey(key, shown_key, label, action, disabled=not active[action]))
        yield from self._palette_key()

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Footer's, but with one recompose at a time, and none that would change nothing.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._queue_recompose()

    def _queue_recompose(self) -> None:
        if not self._queued:
            self._queued = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._queued = False
        if self._shown is not None and self.is_attached and self._wanted() == self._shown:
            return
        await self.recompose()

    def _palette_key(self) -> ComposeResult:
        try:
            _node, binding, enabled, _tooltip = self.screen.active_bindings[
                self.app.COMMAND_PALETTE_BINDING
            ]
        except KeyError:
            return
        yield _compact(
            FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )
        )

    def on_resize(self) -> None:
        if self._bindings_ready and self.app.size.width != self._width:
            self._queue_recompose()


def _compact(key: FooterKey) -> FooterKey:
    """A key in the compact style from the start, as Footer's data binding made it once
    mounted (FooterKey._watch_compact), without restyling it a second time."""
    key.add_class("-compact", update=False)
    key.set_reactive(FooterKey.compact, True)
    return key
