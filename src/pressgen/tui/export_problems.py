"""The export safety net's question: the problems found, one a line, and Export anyway
(the document is then marked as a draft) or Cancel, which has the focus."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ExportProblemsScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ExportProblemsScreen { align: center middle; }
    ExportProblemsScreen > Vertical { width: 90; max-width: 100%; height: auto;
        max-height: 100%; padding: 0 1; border: thick $warning; background: $surface; }
    ExportProblemsScreen #problems { height: auto; max-height: 12; margin: 1 0; }
    ExportProblemsScreen .problem { text-wrap: nowrap; text-overflow: ellipsis; }
    ExportProblemsScreen Horizontal { height: auto; align-horizontal: right; }
    ExportProblemsScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Export anyway", id="export-problems.yes"),
        Binding("n,escape", "answer(False)", "Cancel", id="export-problems.no"),
    ]

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        with Vertical():
            yield Static(
                f"[b]{count} problem{'s' if count != 1 else ''} before exporting "
                f"{self.path.name}[/b]"
            )
            with VerticalScroll(id="problems"):
                for line in self.problems:
                    yield Static(f"✗ {line}", classes="problem", markup=False)
            yield Static("Exported anyway, the document is marked as a DRAFT.")
            with Horizontal():
                yield Button("Cancel (n)", id="no")
                yield Button("Export anyway (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, anyway: bool) -> None:
        self.dismiss(anyway)
