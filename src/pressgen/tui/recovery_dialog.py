"""The recovery question: take back an autosaved draft, or discard it (kept, restorable).

It must not be answered by keys that were typed before it appeared: a start-up is when
people type ahead, and `n`, Escape and Enter are common keys. So:

- its buttons start disabled and every key is dropped until the keyboard has been quiet
  for half a second since the dialog was painted (the rule is `grace.QuietGate`; a key's
  time is when the terminal delivered it, not when a busy app got round to it);
- no letter and not Escape answers it, only a button: Enter on the focused one, or a
  click. The focus starts on Recover, the answer that loses and hides nothing, so typing
  that runs on into the dialog can at worst recover the draft;
- Discard needs the focus moved to it first, and moving the focus closes the gate again:
  Tab then Enter in one burst does nothing. Discarding is a deliberate Tab, a pause, and
  Enter (or a click) — and even then the draft is kept in discarded drafts (F7).
"""

from __future__ import annotations

import time

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Static

from pressgen.tui.grace import QuietGate

WAITING = "Keys typed before this question appeared are ignored."
READY = "Enter recovers it. To discard it, Tab to Discard and press Enter (F7 restores it)."
MOVES = frozenset({"tab", "shift+tab", "left", "right", "up", "down"})
"""Keys that move the focus between the buttons."""


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
                yield Button("Discard", id="no", disabled=True)
                yield Button("Recover", id="yes", variant="warning", disabled=True)

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
        first = self.query_one("#yes", Button).disabled
        self.armed = True
        if not first:
            return  # open again after a focus move: the buttons are on already
        for button in self.query(Button):
            button.disabled = False
        hint = READY
        if self.dropped:
            keys = f"{self.dropped} key{'s' if self.dropped > 1 else ''}"
            hint = f"{keys} typed before this question appeared {'were' if self.dropped > 1 else 'was'} ignored. {READY}"
        self.query_one("#recovery-hint", Static).update(hint)
        self.query_one("#yes", Button).focus()

    def on_key(self, event: events.Key) -> None:
        # A key reaches the focused button, then this screen, and the bindings (Enter
        # presses a button) only after it: stopping it here drops it.
        if self.armed:
            if event.key in MOVES:  # the focus moves: the next answer waits again
                self.armed = False
                self.gate.restart(event.time)
                self._arm_later()
            return
        self.gate.key(event.time)
        event.stop()
        event.prevent_default()
        self.dropped += 1
        self._arm_later()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.armed:
            self.dismiss(event.button.id == "yes")
