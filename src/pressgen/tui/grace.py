"""When a question on screen may take an answer from the keyboard: only after the
keyboard has been quiet for a moment since the question appeared.

Keys typed before a dialog was shown (type-ahead at start-up, a burst already under way)
must not answer it. A person reads a question before answering it; the fastest reaction
to something appearing on screen is about a quarter of a second, and reading two lines
takes longer, so no deliberate answer comes within `QUIET` seconds of the dialog being
painted. Each key that arrives sooner is dropped and restarts the wait, so a burst of
typing that began before the dialog cannot run on into it either. Times are when the
terminal delivered each key. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

QUIET = 0.5
"""Seconds of quiet keyboard, after the dialog was painted, before a key may act."""


@dataclass
class QuietGate:
    quiet: float = QUIET
    _since: float | None = None
    """When the quiet period started: the paint, or the last key dropped after it."""

    def shown(self, now: float) -> None:
        """The dialog was painted at `now`."""
        if self._since is None:
            self._since = now

    def restart(self, now: float) -> None:
        """Close again until the keyboard has been quiet since `now` (the focus moved)."""
        self._since = now if self._since is None else max(self._since, now)

    def opens_at(self) -> float | None:
        """When keys will be accepted if none arrives before; None before the paint."""
        return None if self._since is None else self._since + self.quiet

    def is_open(self, now: float) -> bool:
        opens = self.opens_at()
        return opens is not None and now >= opens

    def key(self, now: float) -> bool:
        """A key arrived at `now`: True if it may act, False if it is to be dropped."""
        if self.is_open(now):
            return True
        if self._since is not None:
            # Still typing: wait for the keyboard to go quiet (a key typed before the
            # paint and handled after it does not move the start back).
            self._since = max(self._since, now)
        return False
