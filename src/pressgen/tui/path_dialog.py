"""What the save and export dialogs share: a path typed into an Input, submitted by
Enter or the primary button, cancelled by Escape or the other button, and an existing
file confirmed before the dialog returns a request that may overwrite it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Button, Input

from pressgen.tui.confirm import ConfirmScreen

R = TypeVar("R")


@dataclass(frozen=True)
class PathRequest:
    """A file to write, and whether the person agreed to overwrite it."""

    path: Path
    force: bool = False


class PathDialog(ModalScreen[R | None]):
    """A modal that returns a request built from a path, or None when cancelled."""

    submit_id = "submit"  # the id of the primary button

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == self.submit_id:
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _submit(self) -> None:
        raise NotImplementedError

    def _finish(self, path: Path, request: Callable[[bool], R]) -> None:
        """Dismiss with `request(force)`: at once for a new file, after asking for one
        that exists (and not at all if the person keeps it)."""
        if not path.exists():
            self.dismiss(request(False))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(request(True))

        self.app.push_screen(
            ConfirmScreen(f"{path} exists. Overwrite it?", yes="Overwrite", no="Keep"),
            answered,
        )
