"""The draft file dialogs: Save draft as… (a path, an existing file confirmed first) and
Open draft… (the recent drafts, or a path typed in)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from pressgen.storage.draftfile import draft_name, with_suffix
from pressgen.tui.path_dialog import PathDialog, PathRequest


class SaveDraftScreen(PathDialog[PathRequest]):
    DEFAULT_CSS = """
    SaveDraftScreen { align: center middle; }
    SaveDraftScreen > Vertical { width: 76; max-width: 100%; height: auto; padding: 0 2;
        border: thick $primary; background: $surface; }
    SaveDraftScreen #save-draft-help { color: $text-muted; }
    SaveDraftScreen Horizontal { height: auto; align-horizontal: right; }
    SaveDraftScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save-draft.cancel")
    ]
    submit_id = "save"

    def __init__(self, suggestion: Path) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Save the draft as…[/b]")
            yield Static(
                "The campaign, the picks, the quotes in and out, and your text.",
                id="save-draft-help",
            )
            yield Input(str(self.suggestion), id="save-draft-path")
            with Horizontal():
                # The primary button first: Tab from the path box, then Enter, does it.
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def _submit(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            return
        path = with_suffix(Path(raw).expanduser())
        self._finish(path, lambda force: PathRequest(path, force=force))


def _shown(path: Path) -> str:
    """A recent draft: its name and its folder, the folder relative where it can be."""
    folder = path.parent
    if folder.is_relative_to(Path.cwd()):
        folder = folder.relative_to(Path.cwd())
    return f"{draft_name(path)}  ·  {folder}"


class OpenDraftScreen(ModalScreen[Path | None]):
    """Returns the draft file to open, or None."""

    DEFAULT_CSS = """
    OpenDraftScreen { align: center middle; }
    OpenDraftScreen > Vertical { width: 76; max-width: 100%; height: auto;
        max-height: 100%; padding: 0 2; border: thick $primary; background: $surface; }
    OpenDraftScreen OptionList { height: auto; max-height: 10; }
    OpenDraftScreen #open-draft-dropped { color: $warning; }
    OpenDraftScreen Label { margin-top: 1; color: $text-muted; }
    OpenDraftScreen Horizontal { height: auto; align-horizontal: right; }
    OpenDraftScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="open-draft.cancel")
    ]

    def __init__(self, recent: list[Path], dropped: list[Path]) -> None:
        super().__init__()
        self.recent = recent
        self.dropped = dropped

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Open a draft[/b]")
            if self.dropped:
                names = ", ".join(p.name for p in self.dropped)
                count = len(self.dropped)
                yield Static(
                    f"{count} recent draft{'s' if count > 1 else ''} no longer exist"
                    f"{'s' if count == 1 else ''} and left the list: {names}",
                    id="open-draft-dropped",
                    markup=False,
                )
            yield Label("Recent drafts" if self.recent else "No recent drafts yet")
            if self.recent:
                yield OptionList(
                    *(Option(_shown(p), id=str(i)) for i, p in enumerate(self.recent)),
                    id="open-draft-recent",
                )
            yield Label("Or a file")
            yield Input(placeholder="path/to/NAME.draft.toml", id="open-draft-path")
            with Horizontal():
                # The primary button first: Tab from the path box, then Enter, does it.
                yield Button("Open", id="open", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.recent:
            listing = self.query_one(OptionList)
            listing.highlighted = 0
            listing.focus()
        else:
            self.query_one(Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.recent[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self._open()
        else:
            self.dismiss(None)

    def _open(self) -> None:
        raw = self.query_one(Input).value.strip()
        if raw:
            self.dismiss(Path(raw).expanduser())
            return
        if self.recent:
            index = self.query_one(OptionList).highlighted
            if index is not None:
                self.dismiss(self.recent[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
