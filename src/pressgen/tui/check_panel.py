"""The findings of `check` while editing: numbers that match no figure, with the nearest
figure, and lint warnings; choosing one moves the editor's cursor to it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from pressgen.check import CheckReport, Finding

_MARK = {"error": "✗", "warning": "⚠", "decision": "?", "note": "·"}


class CheckPanel(OptionList):
    DEFAULT_CSS = """
    CheckPanel { display: none; height: 8; border-top: hkey $primary-muted; }
    .-editing CheckPanel { display: block; }
    """

    class FindingChosen(Message):
        """A finding was chosen: move the editor to `line`, `column` (both from 1)."""

        def __init__(self, line: int, column: int) -> None:
            super().__init__()
            self.line = line
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: tuple[Finding, ...] = ()
        self.notes: tuple[str, ...] = ()
        self._shown_lines: list[str] = []
        self.border_title = "Check"

    def show(self, report: CheckReport, data_notes: Sequence[str] = ()) -> None:
        """List a report's findings, problems first; `data_notes` (what changed in the
        data since an opened draft was saved) go above them."""
        order = {"error": 0, "warning": 1, "decision": 2, "note": 3}
        self.findings = tuple(sorted(report.findings, key=lambda f: (order[f.severity], f.offset)))
        self.notes = tuple(data_notes)
        lines = [f"Δ data changed: {n}" for n in self.notes] + [_label(f) for f in self.findings]
        # As many lines as shown: replaced in place, which needs no layout of the screen
        # (clearing and adding lays it out twice, each time the draft is checked).
        if len(lines) == len(self._shown_lines):
            for i, (old, line) in enumerate(zip(self._shown_lines, lines, strict=True)):
                if old != line:
                    self.replace_option_prompt_at_index(i, Content(line))
        else:
            self.clear_options()
            self.add_options(Option(Content(line)) for line in lines)
        self._shown_lines = lines
        title = f"Check: {check_summary(report)}"
        if self.notes:
            title += f" · data changed since saved: {len(self.notes)}"
        self.border_title = title

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index - len(self.notes)
        if index < 0:
            return  # a note about the data: nowhere in the text to go
        f = self.findings[index]
        self.post_message(self.FindingChosen(f.line, f.column))


def check_summary(report: CheckReport) -> str:
    """ "2 problems", or "12 of 12 numbers match figures"."""
    problems = len(report.problems)
    if problems:
        return f"{problems} problem{'s' if problems != 1 else ''}"
    return f"{report.matched} of {report.numbers} numbers match figures"


def _label(f: Finding) -> str:
    return f"{_MARK[f.severity]} {f.line}:{f.column}  {f.message}"
