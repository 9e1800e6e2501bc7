"""The "New release from a dataset" screen: pick a file, see the columns pressgen
inferred (and correct a type or mark a total row), see the angles ranked with their
sentence, number and provenance, tick the ones to use, and get the draft in the editor.

All the work is `pressgen.angles.desk` (Textual-free); this screen shows it. Reading a
file runs on a worker thread, as a large one takes a second or two.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from pressgen.angles.desk import Desk, provenance
from pressgen.errors import PressgenError
from pressgen.tui.handoff import hand_over


class NewReleaseScreen(Screen[Path | None]):
    """Returns the campaign written, or None when closed without writing."""

    DEFAULT_CSS = """
    NewReleaseScreen > Vertical { padding: 0 1; }
    NewReleaseScreen #nr-title { text-style: bold; height: 1; }
    NewReleaseScreen Horizontal { height: 3; }
    NewReleaseScreen Input { width: 1fr; }
    NewReleaseScreen #nr-columns { height: auto; max-height: 6; }
    NewReleaseScreen #nr-angles { height: 1fr; min-height: 4; }
    NewReleaseScreen #nr-detail { height: auto; max-height: 4; color: $text-muted; }
    NewReleaseScreen #nr-status { height: auto; max-height: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="new-release.close"),
        Binding("ctrl+t", "next_type", "Change type", id="new-release.type", priority=True),
        Binding("ctrl+w", "write", "Write draft", id="new-release.write", priority=True),
    ]

    def __init__(self, root: Path, locale: str = "en_GB", path: Path | None = None) -> None:
        super().__init__()
        self.root = root
        self.locale = locale
        self.start_path = path
        self.desk: Desk | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("New release from a dataset", id="nr-title")
            with Horizontal():
                yield Input(placeholder="dataset: .csv, .parquet, .toml", id="nr-path")
                yield Input(placeholder="population file (optional)", id="nr-population")
                yield Input(placeholder="total row: column = value", id="nr-total")
            yield DataTable(id="nr-columns", cursor_type="row")
            yield SelectionList[str](id="nr-angles")
            yield Static("", id="nr-detail", markup=False)
            yield Static("Enter a file and press Enter.", id="nr-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#nr-columns", DataTable)
        table.add_columns("column", "type", "role", "total rows")
        if self.start_path is not None:
            self.query_one("#nr-path", Input).value = str(self.start_path)
            self.open_file()
        else:
            self.query_one("#nr-path", Input).focus()

    # -- reading -----------------------------------------------------------------------
    @on(Input.Submitted, "#nr-path, #nr-population")
    def open_file(self) -> None:
        text = self.query_one("#nr-path", Input).value.strip()
        if not text:
            return
        pop = self.query_one("#nr-population", Input).value.strip()
        self._say("Reading…")
        self._open(self._path(text), self._path(pop) if pop else None)

    @work(thread=True, exclusive=True)
    def _open(self, path: Path, population: Path | None) -> None:
        try:
            desk = Desk.open(path, population, locale=self.locale)
        except PressgenError as exc:
            hand_over(self, self._say, str(exc))
            return
        hand_over(self, self.show, desk)

    def _path(self, text: str) -> Path:
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.root / path

    # -- showing -----------------------------------------------------------------------
    def show(self, desk: Desk, ticked: list[str] | None = None) -> None:
        self.desk = desk
        table = self.query_one("#nr-columns", DataTable)
        table.clear()
        for row in desk.columns():
            cells = (row.name, row.type, row.role, row.totals)
            table.add_row(*(Text(c) for c in cells), key=row.name)
        picks = set(desk.picks() if ticked is None else ticked)
        angles = self.query_one("#nr-angles", SelectionList)
        angles.clear_options()
        angles.add_options(
            Selection(Text(f"[{a.score:>3}] {a.sentence}"), a.name, a.name in picks)
            for a in desk.angles
        )
        self._say(" · ".join(desk.notes) or "Nothing to say about the columns.")
        if desk.angles:
            self._detail(desk.angles[0].name)

    @on(SelectionList.SelectionHighlighted, "#nr-angles")
    def _highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        self._detail(event.selection.value)

    def _detail(self, name: str) -> None:
        if self.desk is None:
            return
        a = self.desk.angle(name)
        flags = f" · FLAG: {'; '.join(a.flags)}" if a.flags else ""
        text = (
            f"{a.sentence}\nvalue {a.value} · {provenance(a, self.desk.prof)} · "
            f"{'; '.join(a.reasons)}"
        )
        self.query_one("#nr-detail", Static).update(text + flags)

    def _say(self, text: str) -> None:
        self.query_one("#nr-status", Static).update(text)

    def ticked(self) -> list[str]:
        return list(self.query_one("#nr-angles", SelectionList).selected)

    # -- corrections -------------------------------------------------------------------
    def action_next_type(self) -> None:
        table = self.query_one("#nr-columns", DataTable)
        if self.desk is None or table.row_count == 0:
            return
        column = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        self._correct(lambda d: d.next_type(column))

    @on(Input.Submitted, "#nr-total")
    def _mark_total(self, event: Input.Submitted) -> None:
        text = event.value
        self._correct(lambda d: d.with_total(text))
        event.input.value = ""

    def _correct(self, change: Callable[[Desk], Desk]) -> None:
        if self.desk is None:
            return
        ticked = self.ticked()
        try:
            desk = change(self.desk)
        except PressgenError as exc:
            self._say(str(exc))
            return
        self.show(desk, [n for n in ticked if any(a.name == n for a in desk.angles)])

    # -- writing -----------------------------------------------------------------------
    def action_write(self) -> None:
        if self.desk is None:
            return
        try:
            written = self.desk.write(self.ticked(), self.root)
        except PressgenError as exc:
            self._say(str(exc))
            return
        self.dismiss(written.campaign)

    def action_close(self) -> None:
        self.dismiss(None)
