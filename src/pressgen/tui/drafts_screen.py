"""The discarded drafts of this campaign (F7): when each was saved, how it begins, and a
button that restores the highlighted one into the editor."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from pressgen.storage.drafts import KeptDraft


def describe(kept: KeptDraft) -> str:
    """One line: when it was saved, its length, and its first words."""
    d = kept.draft
    when = d.saved_at.replace("T", " ")[:16] or "unknown time"
    first = next((ln.strip("#* ") for ln in d.text.splitlines() if ln.strip()), "")
    group = f"{d.group} · " if d.group else ""
    return f"{when} UTC · {group}{d.locale} · {len(d.text.split())} words · {first[:60]}"


class DraftsScreen(ModalScreen[Path | None]):
    """Returns the kept file to restore, or None."""

    DEFAULT_CSS = """
    DraftsScreen { align: center middle; }
    DraftsScreen > Vertical { width: 100; max-width: 100%; height: auto; max-height: 90%;
        padding: 0 2; border: thick $primary; background: $surface; }
    DraftsScreen OptionList { height: auto; max-height: 16; margin: 1 0; }
    DraftsScreen Horizontal { height: auto; align-horizontal: right; }
    DraftsScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="drafts.close")]

    def __init__(self, name: str, kept: list[KeptDraft]) -> None:
        super().__init__()
        self.name_shown = name
        self.kept = kept

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Discarded drafts of {self.name_shown}[/b]")
            if not self.kept:
                yield Static("None: every draft of this campaign was recovered or never made.")
            yield OptionList(
                *(Option(describe(k), id=str(i)) for i, k in enumerate(self.kept)),
                id="drafts-list",
            )
            with Horizontal():
                yield Button("Close", id="close")
                yield Button("Restore", id="restore", variant="primary", disabled=not self.kept)

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if self.kept:
            listing.highlighted = 0
            listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._restore(event.option_index)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "restore":
            self._restore(self.query_one(OptionList).highlighted)
        else:
            self.dismiss(None)

    def _restore(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.kept):
            self.dismiss(self.kept[index].path)

    def action_close(self) -> None:
        self.dismiss(None)
