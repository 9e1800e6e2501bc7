"""The recovery question: take back an autosaved draft, or discard it (kept, restorable).

It must not be answered by keys that were typed before it appeared: a start-up is when
people type ahead, and `n`, Escape and Enter are common keys. So its buttons start
disabled and every key is dropped until the keyboard has been quiet for half a second
since the dialog was painted (the rule is `grace.QuietGate`). Only then are the buttons
enabled, with the focus on Recover, the answer that hides nothing.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Static

from pressgen.tui.grace import QuietGate

WAITING = "Keys typed before this question appeared are ignored."
READY = "Recover (y or Enter) or discard (n): a discarded draft is kept, F7 restores it."


class RecoveryScreen(ModalScreen[bool]):
    """Returns True to recover the draft, False to discard it."""

    DEFAULT_CSS = """
    RecoveryScreen { align: center middle; }
    RecoveryScreen > Vertical { width: 68; max-width: 95%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface; }
    RecoveryScreen #question { margin-bottom: 1; }
    RecoveryScreen #recovery-hint { color: $text-muted; margin-bottom: 1; }
    RecoveryScreen Horizontal { height: auto; align-horizontal: right; }
    RecoveryScreen Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Recover", id="recovery.yes"),
        Binding("n,escape", "answer(False)", "Discard", id="recovery.no"),
    ]

    def __init__(self, question: str, *, quiet: float | None = None) -> None:
        super().__init__()
        self.question = question
        self.gate = QuietGate() if quiet is None else QuietGate(quiet=quiet)
        self.armed = False
        """Whether keys and buttons answer yet."""
        self.dropped = 0
        """Keys that arrived too soon and were ignored."""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            yield Static(WAITING, id="recovery-hint", markup=False)
            with Horizontal():
                yield Button("Discard (n)", id="no", disabled=True)
                yield Button("Recover (y)", id="yes", variant="warning", disabled=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.gate.shown(time.monotonic())
        self._arm_later()

    def _arm_later(self) -> None:
        opens = self.gate.opens_at()
        if opens is None or self.armed:
            return
        if self._timer is not None:
            self._timer.stop()
        # Never a zero delay: Textual's timer divides by it.
        self._timer = self.set_timer(max(opens - time.monotonic(), 0.01), self._try_arm)

    def _try_arm(self) -> None:
        if not self.gate.is_open(time.monotonic()):
            self._arm_later()  # a key restarted the quiet period meanwhile
            return
        self.armed = True
        for button in self.query(Button):
            button.disabled = False
        hint = READY
        if self.dropped:
            keys = f"{self.dropped} key{'s' if self.dropped > 1 else ''}"
            hint = f"{keys} typed before this question appeared {'were' if self.dropped > 1 else 'was'} ignored. {READY}"
        self.query_one("#recovery-hint", Static).update(hint)
        self.query_one("#yes", Button).focus()

    def on_key(self, event: events.Key) -> None:
        # Keys reach the screen first while nothing on it has focus (the buttons are
        # disabled), and the app's bindings only after it: stopping one here drops it.
        if self.armed:
            return
        self.gate.key(time.monotonic())
        event.stop()
        event.prevent_default()
        self.dropped += 1
        self._arm_later()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.armed or not action.startswith("answer")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.armed:
            self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
