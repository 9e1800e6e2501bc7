"""Save the picks as a campaign file: a path, confirmed before overwriting."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from pressgen.tui.path_dialog import PathDialog, PathRequest


class SaveCampaignScreen(PathDialog[PathRequest]):
    DEFAULT_CSS = """
    SaveCampaignScreen { align: center middle; }
    SaveCampaignScreen > Vertical { width: 72; max-width: 100%; height: auto; padding: 0 2;
        border: thick $primary; background: $surface; }
    SaveCampaignScreen Horizontal { height: auto; align-horizontal: right; }
    SaveCampaignScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save.cancel")
    ]
    submit_id = "save"

    def __init__(self, suggestion: Path) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Save as a campaign file (TOML)[/b]")
            yield Input(str(self.suggestion), id="save-path")
            with Horizontal():
                # The primary button first: Tab from the path box, then Enter, does it.
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def _submit(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            return
        path = Path(raw).expanduser()
        if path.suffix != ".toml":
            path = path.with_suffix(".toml")
        self._finish(path, lambda force: PathRequest(path, force=force))
