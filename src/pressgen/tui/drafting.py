"""The main screen's autosave and recovery: the Textual side of storage.recovery.

When the screen mounts, before the editor exists, `start()` reads the earlier session's
autosave and, if there is one, asks whether to recover it; until the answer, autosaves
are held in memory rather than written over it. F7 lists the discarded drafts and
restores one.

The 2-second autosave writes on a thread: a write flushed to disk takes tens of
milliseconds (more on a busy disk), and a keystroke arriving meanwhile must not wait for
it (issue 16, typing lag). Every other save (at exit, before a switch, F5, F7) is made
at once, on the spot, and a timed save still waiting behind it is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pressgen.storage import drafts
from pressgen.storage.recovery import DraftGuard, Saved
from pressgen.tui.session import pressgen_error

if TYPE_CHECKING:
    from pressgen.tui.main_screen import MainScreen

AUTOSAVE_SECONDS = 2.0
"""Seconds between timed autosaves; read when a screen starts (a test that waits for a
timed save sets it lower before starting the app)."""


class Drafting:
    def __init__(self, screen: MainScreen, *, recover: bool = True) -> None:
        self.screen = screen
        self.recover = recover
        """False for the start-up benchmark: no question, and nothing is ever saved."""
        self.guard = DraftGuard(screen.picks.campaign)
        self._dirty = False
        self._timer_started = False
        self._problem = ""
        self._lock = threading.Lock()
        """Held while a draft is written: one save at a time, in the order made."""
        self._epoch = 0
        """Bumped by every save made on the spot: a timed save from before it is stale."""
        self.recovery_quiet: float | None = None
        """Seconds of quiet keyboard before the recovery question takes an answer; None:
        grace.QUIET. Tests that answer it but test something else set it lower."""

    # -- recovery -------------------------------------------------------------------------

    def switch(self) -> None:
        """Another campaign was picked (its predecessor's draft was saved): guard its
        autosave and offer its earlier draft, as at start-up."""
        self.guard = DraftGuard(self.screen.picks.campaign)
        self._dirty = False
        self.start()

    def start(self) -> None:
        if not self._timer_started:
            self.screen.set_interval(AUTOSAVE_SECONDS, self._timed_autosave)
            self._timer_started = True
        if not self.recover:
            return
        found = self.guard.start()
        if isinstance(found, drafts.DraftProblem):
            self._problem = found.line()
            self.screen.show_error(self._problem)
        elif isinstance(found, drafts.Draft):
            self._ask(found)

    def take_problem(self) -> str:
        """The unreadable-autosave message, once (the first build shows it again)."""
        problem, self._problem = self._problem, ""
        return problem

    def _ask(self, draft: drafts.Draft) -> None:
        from pressgen.tui.recovery_dialog import RecoveryScreen

        guard = self.guard

        def answered(yes: bool | None) -> None:
            if guard is not self.guard:
                return  # the campaign was switched meanwhile
            if yes:
                self._apply(guard.recovered(), "Draft recovered.")
            else:
                guard.discarded()
                self.screen.notify("The draft was moved to discarded drafts: F7 restores it.")
                if self._dirty:
                    self.autosave()

        when = draft.saved_at.replace("T", " ")[:16] or "earlier"
        name = self.screen.picks.campaign.stem
        self.screen.app.push_screen(
            RecoveryScreen(
                f"An edited draft of {name} was autosaved ({when} UTC). Recover it?",
                quiet=self.recovery_quiet,
            ),
            answered,
        )

    def _apply(self, draft: drafts.Draft, note: str) -> None:
        """Make `draft` the text being edited, with the picks it was edited under."""
        screen = self.screen
        if not screen.panels_ready:
            screen.when_ready(self._apply, draft, note)
            return
        screen.edited = True
        self._dirty = False
        picks, picker = screen.picks, screen.picker
        if draft.locale:
            picks.locale = draft.locale
            picker.set_value("locale", draft.locale)
        if draft.style:
            picks.style = draft.style
            picker.set_value("style", draft.style)
        if draft.group:
            picks.group = draft.group
            picker.set_value("group", draft.group)
        picks.included = dict(draft.include)
        screen.set_editor_text(draft.text)
        from pressgen.tui.preview import Preview

        screen.query_one(Preview).show(draft.text)
        screen.set_edit_mode(True)
        screen.rebuild()
        screen.notify(note)

    # -- autosave -------------------------------------------------------------------------

    def changed(self) -> None:
        self._dirty = True

    def _draft(self, force: bool) -> drafts.Draft | None:
        """The draft to save now, or None: unchanged since the last save, back to the
        release as rendered, or held while an earlier draft waits for an answer."""
        screen = self.screen
        if not screen.edited or not (self._dirty or force):
            return None
        if screen.draft_text == screen.rendered_md:
            return None  # back to the release as rendered: nothing that needs recovering
        if not self.guard.may_save:
            return None  # still dirty: saved once the earlier draft is answered
        built = screen.built
        return drafts.Draft(
            campaign=str(screen.picks.campaign),
            text=screen.draft_text,
            locale=screen.picks.locale or (built.rendered.locale if built else ""),
            style=screen.picks.style or (built.rendered.style.name if built else ""),
            include=dict(screen.picks.included),
            group=screen.picks.group or "",
        )

    def autosave(self, force: bool = False) -> None:
        """Save the edited draft now if it changed since the last save (`force`: even if
        not), and return once it is written."""
        draft = self._draft(force)
        if draft is None:
            return
        self._epoch += 1
        self._dirty = False
        with self._lock:
            try:
                saved = self.guard.save(draft)
            except pressgen_error() as exc:
                self._failed(str(exc))
                return
        self._saved(saved)

    def _timed_autosave(self) -> None:
        """Every 2 s: the same save, written on a thread."""
        draft = self._draft(False)
        if draft is None:
            return
        self._dirty = False
        job = partial(self._write, self.guard, draft, self._epoch, asyncio.get_running_loop())
        self.screen.run_worker(job, thread=True, group="autosave", exit_on_error=False)

    def _write(
        self,
        guard: DraftGuard,
        draft: drafts.Draft,
        epoch: int,
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        with self._lock:
            if epoch != self._epoch or guard is not self.guard:
                return  # saved on the spot since, or another campaign: this one is stale
            try:
                saved = guard.save(draft)
            except pressgen_error() as exc:
                self._later(loop, self._failed, str(exc))
                return
        self._later(loop, self._saved, saved)

    @staticmethod
    def _later(
        loop: asyncio.AbstractEventLoop, callback: Callable[..., object], *args: object
    ) -> None:
        with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
            loop.call_soon_threadsafe(callback, *args)

    def _failed(self, message: str) -> None:
        self._dirty = True  # tried again at the next tick
        self.screen.show_error(f"autosave failed: {message}")

    def _saved(self, saved: Saved) -> None:
        if saved is Saved.HELD:
            self._dirty = True
        elif saved is Saved.SET_ASIDE:
            self.screen.notify(
                "Another pressgen saved a draft of this campaign; yours is kept apart "
                f"({self.guard.target.name}, F7 lists it).",
                severity="warning",
                timeout=10,
            )

    def set_aside(self) -> None:
        """F5 discards the edits: they are saved, then moved to discarded drafts."""
        self.autosave(force=True)
        self._dirty = False
        self.guard.set_aside_own()

    # -- discarded drafts (F7) ------------------------------------------------------------

    def list_discarded(self) -> None:
        from pressgen.tui.drafts_screen import DraftsScreen

        screen = self.screen
        if not self.guard.may_save:
            screen.notify("Answer the recovery question first.", severity="warning")
            return
        kept = drafts.kept_drafts(screen.picks.campaign)
        screen.app.push_screen(DraftsScreen(screen.picks.campaign.stem, kept), self._chosen)

    def _chosen(self, path: Path | None) -> None:
        if path is None:
            return
        if not self.screen.edited:
            self._restore(path, "Draft restored.")
            return
        from pressgen.tui.dialogs import confirm_restore

        self.autosave(force=True)  # what is on screen now goes to discarded drafts
        note = "Draft restored; the edits it replaced are in discarded drafts (F7)."
        confirm_restore(self.screen, lambda: self._restore(path, note))

    def _restore(self, path: Path, note: str) -> None:
        try:
            draft = self.guard.restore(path)
        except (OSError, ValueError) as exc:
            self.screen.show_error(f"cannot restore {path.name}: {exc}")
            return
        self._apply(draft, note)
