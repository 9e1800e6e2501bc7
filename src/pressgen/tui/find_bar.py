"""Find in the draft (ctrl+f, then Enter or ctrl+g for the next match): a one-line bar
above the editor that selects each match in turn, wrapping at the end.

The search is a plain, case-insensitive match of the typed text, never a pattern: what
a press officer types is what is found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static
from textual.widgets.text_area import Selection

if TYPE_CHECKING:
    from pressgen.tui.editor import DraftEditor


def find_from(text: str, query: str, start: int) -> tuple[int, int] | None:
    """The first match of `query` (any case) at or after `start`, else the first of
    all (a search wraps); None when there is none."""
    if not query:
        return None
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found = pattern.search(text, min(max(start, 0), len(text))) or pattern.search(text)
    return (found.start(), found.end()) if found else None


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as the editor counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


def offset_of(text: str, where: tuple[int, int]) -> int:
    row, column = where
    start = 0
    for _ in range(row):
        start = text.index("\n", start) + 1
    return start + column


class FindBar(Horizontal):
    DEFAULT_CSS = """
    FindBar { display: none; height: 1; padding: 0 1; background: $panel; }
    FindBar.-shown { display: block; }
    FindBar Input { width: 1fr; }
    FindBar #find-status { width: auto; padding: 0 0 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", id="find.close", show=False)
    ]

    def __init__(self, editor: DraftEditor, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editor = editor

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="find in the draft (Enter: next, escape: back)",
            id="find-input",
            compact=True,
        )
        yield Static("", id="find-status")

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value

    def open(self, seed: str = "") -> None:
        """Show the bar and take typing; a one-line selection is what is looked for."""
        box = self.query_one(Input)
        if seed and "\n" not in seed:
            box.value = seed
        self.add_class("-shown")
        box.focus()
        box.select_all()

    def find_next(self) -> None:
        """Select the next match after the editor's selection (the first one, wrapping)."""
        if not self.query_text:
            self.open()
            return
        text = self.editor.text
        self._select(find_from(text, self.query_text, offset_of(text, self.editor.selection.end)))

    def on_input_changed(self, event: Input.Changed) -> None:
        # As the text is typed, the match grows where it is rather than moving on.
        event.stop()
        text = self.editor.text
        start = offset_of(text, min(self.editor.selection.start, self.editor.selection.end))
        self._select(find_from(text, event.value, start))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.find_next()

    def _select(self, span: tuple[int, int] | None) -> None:
        status = self.query_one("#find-status", Static)
        if span is None:
            status.update("not found" if self.query_text else "")
            return
        text = self.editor.text
        self.editor.selection = Selection(location(text, span[0]), location(text, span[1]))
        self.editor.scroll_cursor_visible(center=True)
        pattern = re.compile(re.escape(self.query_text), re.IGNORECASE)
        starts = [m.start() for m in pattern.finditer(text)]
        status.update(f"{sum(1 for s in starts if s <= span[0])} of {len(starts)}")

    def action_close(self) -> None:
        self.remove_class("-shown")
        self.editor.focus()
