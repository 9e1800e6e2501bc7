"""The export dialog: a format and a path, returned as a typed `ExportRequest`.

Overwriting an existing file is confirmed here, so the request says whether it may.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from pressgen.tui.path_dialog import PathDialog


class FormatSet(RadioSet):
    """The formats, with the keyboard's highlight on the format that is selected (a
    RadioSet starts it on the first button, whichever is pressed)."""

    def on_mount(self) -> None:
        # Once RadioSet's own mount handler has put it on the first button.
        self.call_later(self._highlight_pressed)

    def _highlight_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    force: bool = False


class ExportScreen(PathDialog[ExportRequest]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 72; max-width: 100%; height: auto; padding: 0 2;
        border: thick $primary; background: $surface; }
    ExportScreen RadioSet { width: 100%; layout: horizontal; }
    ExportScreen #export-problem { color: $error; height: auto; }
    ExportScreen Horizontal { height: auto; align-horizontal: right; }
    ExportScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel")
    ]
    submit_id = "export"

    def __init__(self, stem: Path, fmt: str = "docx") -> None:
        from pressgen.export import EXPORTERS  # opened long after the first paint

        super().__init__()
        self.stem = stem
        self.fmt = fmt if fmt in EXPORTERS else next(iter(EXPORTERS))

    def compose(self) -> ComposeResult:
        from pressgen.export import EXPORTERS

        with Vertical():
            yield Static("[b]Export the release[/b]")
            yield Label("Format")
            with FormatSet(id="export-format"):
                for name, exp in EXPORTERS.items():
                    yield RadioButton(
                        name, value=name == self.fmt, name=name, tooltip=exp.description
                    )
            yield Label("File")
            yield Input(self._path_for(self.fmt), id="export-path")
            yield Static("", id="export-problem")
            with Horizontal():
                # The primary button first: Tab from the path box, then Enter, does it.
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")

    def _path_for(self, fmt: str) -> str:
        from pressgen.export import EXPORTERS

        return str(self.stem.with_suffix(EXPORTERS[fmt].suffix))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        from pressgen.export import EXPORTERS

        name = event.pressed.name or self.fmt
        box = self.query_one(Input)
        current = Path(box.value)
        if box.value and current.suffix == EXPORTERS[self.fmt].suffix:
            box.value = str(current.with_suffix(EXPORTERS[name].suffix))
        elif not box.value:
            box.value = self._path_for(name)
        self.fmt = name

    def _submit(self) -> None:
        from pressgen.export import EXPORTERS, format_for_path

        raw = self.query_one(Input).value.strip()
        problem = self.query_one("#export-problem", Static)
        if not raw:
            problem.update("Give a file name.")
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            problem.update(f"{path} is a folder; give a file name.")
            return
        fmt = format_for_path(path) or self.fmt  # the file name's suffix wins
        if not path.suffix:
            path = path.with_suffix(EXPORTERS[fmt].suffix)
        self._finish(path, lambda force: ExportRequest(fmt, path, force=force))
