"""The footer: the main screen's keys in the order of keys.FOOTER, most needed first,
each shown whole or not at all, so that at 80 columns the keys a press officer needs
most are all there rather than a row cut at "f5 Regenera…".

Textual's own footer lists the bindings in the order the focused widget's chain meets
them (a TextArea's ctrl+e put "^e Edit" first in edit mode) and cuts the row at the
right; this one always reads the same, from the key table.
"""

from __future__ import annotations

from textual.app import ComposeResult
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
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._width = self.app.size.width
        active = {b.action: enabled for _, b, enabled, _ in self.screen.active_bindings.values()}
        for key, shown_key, label, action in fitting(self._width):
            if action not in active:
                continue  # not the main screen's (a dialog's footer has its own keys)
            yield FooterKey(key, shown_key, label, action, disabled=not active[action]).data_bind(
                compact=Footer.compact
            )
        yield from self._palette_key()

    def _palette_key(self) -> ComposeResult:
        try:
            _node, binding, enabled, _tooltip = self.screen.active_bindings[
                self.app.COMMAND_PALETTE_BINDING
            ]
        except KeyError:
            return
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )

    def on_resize(self) -> None:
        if self._bindings_ready and self.app.size.width != self._width:
            self.call_after_refresh(self.recompose)
