"""The batch screen: one release per group of a column for the current campaign, with
progress, a cancel button and the index of what was written.

Calls `pressgen.batch.run_batch` (the CLI's `batch`) on a worker thread; progress comes
back after every chunk of groups.
"""

from __future__ import annotations

import csv
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Select, Static

from pressgen.tui.handoff import hand_over

if TYPE_CHECKING:
    from pressgen.batch import BatchProgress, BatchResult
    from pressgen.release.pipeline import Prepared


def start_process_helpers() -> None:
    """Start multiprocessing's resource tracker with the terminal's real stderr.

    A batch started from a worker thread spawns its worker processes, and spawning first
    starts the resource tracker, handing it `sys.stderr.fileno()`. Inside a Textual app
    sys.stderr is Textual's capture, whose fileno() is -1, and the spawn failed with
    "ValueError: bad value(s) in fds_to_keep", taking the app down. Started here, on the
    app's thread and with the real stderr, the tracker is running when the pool starts,
    and the pool does not start another."""
    from multiprocessing import resource_tracker

    captured, real = sys.stderr, sys.__stderr__
    if real is None:
        return
    sys.stderr = real
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


class BatchScreen(ModalScreen[Path | None]):
    """Returns the output folder of a finished batch, or None."""

    DEFAULT_CSS = """
    BatchScreen { align: center middle; }
    BatchScreen > Vertical { width: 96; max-width: 100%; height: 90%; padding: 0 2;
        border: thick $primary; background: $surface; }
    BatchScreen Horizontal { height: auto; }
    /* The Column and Format boxes: as tall as their content. A Vertical is 1fr tall by
       default, and these two took the whole dialog, hiding everything below them. */
    BatchScreen Horizontal > Vertical { height: auto; }
    BatchScreen Select { width: 1fr; }
    BatchScreen Input { height: 3; }
    BatchScreen ProgressBar { height: 1; }
    BatchScreen #batch-status { height: auto; max-height: 4; }
    BatchScreen DataTable { height: 1fr; min-height: 3; }
    BatchScreen #batch-buttons { align-horizontal: right; }
    BatchScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="batch.close")]

    def __init__(
        self, prepared: Prepared, locale: str, style: str, jobs: int | None = None
    ) -> None:
        super().__init__()
        self.prepared = prepared
        self.locale = locale
        self.style = style
        self.jobs = jobs
        self._stop = threading.Event()
        self.result: BatchResult | None = None

    def compose(self) -> ComposeResult:
        from pressgen.batch import FORMATS

        loaded = self.prepared.loaded
        manifest = self.prepared.manifest("main")
        columns = [n for n, c in manifest.columns.items() if c.type == "text"]
        default = loaded.campaign.each if loaded.campaign.each in columns else None
        out = Path.cwd() / f"{loaded.name}-batch"
        with Vertical():
            yield Static(f"[b]Batch: one release per group of {loaded.name}[/b]")
            with Horizontal():
                with Vertical():
                    yield Label("Column")
                    yield Select[str](
                        [(c, c) for c in columns],
                        value=default or Select.NULL,
                        id="batch-column",
                        compact=True,
                    )
                with Vertical():
                    yield Label("Format")
                    yield Select[str](
                        [(f, f) for f in FORMATS],
                        value="md",
                        allow_blank=False,
                        id="batch-format",
                        compact=True,
                    )
            yield Label("Folder")
            yield Input(str(out), id="batch-folder")
            yield ProgressBar(id="batch-progress", show_eta=False)
            yield Static("Choose a column and press Run.", id="batch-status", markup=False)
            yield DataTable(id="batch-index", cursor_type="row")
            with Horizontal(id="batch-buttons"):
                yield Button("Close", id="close")
                yield Button("Cancel batch", id="cancel", disabled=True)
                yield Button("Run", id="run", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "run":
            self.start()
        elif event.button.id == "cancel":
            self._stop.set()
            self._status("Stopping after the current chunk…")
        else:
            self.action_close()

    def action_close(self) -> None:
        self._stop.set()
        self.dismiss(self.result.out_dir if self.result and not self.result.cancelled else None)

    def start(self) -> None:
        column = self.query_one("#batch-column", Select).value
        fmt = self.query_one("#batch-format", Select).value
        folder = self.query_one("#batch-folder", Input).value.strip()
        if not isinstance(column, str) or not isinstance(fmt, str) or not folder:
            self._status("Choose a column, a format and a folder.")
            return
        self._stop.clear()
        if self.jobs != 1:
            start_process_helpers()
        self.query_one("#run", Button).disabled = True
        self.query_one("#cancel", Button).disabled = False
        self._status(f"Rendering one release per {column}…")
        self._run(column, fmt, Path(folder).expanduser())

    @work(thread=True, exclusive=True, group="batch")
    def _run(self, column: str, fmt: str, folder: Path) -> None:
        from pressgen.batch import run_batch
        from pressgen.errors import PressgenError

        try:
            result = run_batch(
                self.prepared.loaded,
                folder,
                each=column,
                fmt=fmt,
                jobs=self.jobs,
                locale=self.locale,
                style=self.style,
                progress=lambda p: hand_over(self, self._progress, p),
                should_stop=self._stop.is_set,
            )
        except PressgenError as exc:
            hand_over(self, self._finished, None, str(exc))
            return
        hand_over(self, self._finished, result, None)

    def _progress(self, p: BatchProgress) -> None:
        self.query_one(ProgressBar).update(total=p.total, progress=p.done)
        self._status(
            f"{p.done} of {p.total}: {p.written} written, {p.skipped} skipped, "
            f"{p.failed} failed" + (f" (last: {p.last_group})" if p.last_group else "")
        )

    def _finished(self, result: BatchResult | None, error: str | None) -> None:
        self.query_one("#run", Button).disabled = False
        self.query_one("#cancel", Button).disabled = True
        if result is None:
            self._status(f"✖ {error}")
            return
        self.result = result
        if result.cancelled:
            self._status("Cancelled: no index was written.")
            return
        failed = len(result.failed)
        warned = "".join(f"\n⚠ {w}" for w in result.warnings)
        self._status(
            f"Done: {result.written} written, {failed} failed, into {result.out_dir}. "
            f"The index is below.{warned}"
        )
        self.show_index(result.out_dir / "index.csv")

    def show_index(self, path: Path) -> None:
        table: DataTable[str] = self.query_one(DataTable)
        table.clear(columns=True)
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
        except OSError as exc:
            self._status(f"cannot read {path}: {exc.strerror}")
            return
        if not rows:
            return
        table.add_columns(*rows[0])
        for row in rows[1:]:
            table.add_row(*row)

    def _status(self, text: str) -> None:
        self.query_one("#batch-status", Static).update(text)
