"""Who may write a campaign's autosave, and when: no draft is overwritten before the user
has decided about it.

A session (one TUI on one campaign) holds a `DraftGuard`. Its `start()` reads the
autosave left by an earlier session *before* the editor accepts any input. While that
draft waits for an answer the session may not write the autosave at all: a keystroke
typed before the first build finishes stays in memory and is saved only after the user
has recovered the old draft (the session then carries it on) or discarded it (it was
moved to `discarded/`, from where it can be restored). Every write also checks that the
file is still the one this session last saw: if another pressgen wrote a draft of the
same campaign meanwhile, this session's draft goes to a file of its own in `discarded/`
instead of over the other's. No Textual here: the decision is tested as plain code.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field
from pathlib import Path

from pressgen.storage import drafts


class Phase(enum.Enum):
    UNDECIDED = "undecided"
    """start() has not run: nothing is known about an earlier draft."""
    ASKING = "asking"
    """An earlier draft waits for the user's answer; nothing may be written."""
    SETTLED = "settled"
    """The session owns the autosave (recovered, discarded, or there was none)."""


class Saved(enum.Enum):
    WRITTEN = "written"
    HELD = "held"
    """Not written: the earlier draft has not been answered yet; save again later."""
    SET_ASIDE = "set aside"
    """Written to a file of its own: another session wrote the autosave meanwhile."""


@dataclass
class DraftGuard:
    campaign: Path
    phase: Phase = Phase.UNDECIDED
    offered: drafts.Draft | None = None
    """The earlier draft waiting for an answer (in ASKING)."""
    target: Path = field(init=False)
    """Where this session's autosave goes."""
    _known: str | None = None
    """The fingerprint of the file at `target` as this session last saw it (None: none)."""

    def __post_init__(self) -> None:
        self.target = drafts.draft_path(self.campaign)

    @property
    def may_save(self) -> bool:
        return self.phase is Phase.SETTLED

    def start(self) -> drafts.Draft | drafts.DraftProblem | None:
        """Read the earlier session's autosave: a Draft to offer (the guard then waits
        for `recovered()` or `discarded()`), a DraftProblem to report (the unreadable
        file was moved aside), or None."""
        found = drafts.load_draft(self.campaign)
        if isinstance(found, drafts.Draft):
            self.phase = Phase.ASKING
            self.offered = found
            self._known = drafts.fingerprint(self.target)
            return found
        self.phase = Phase.SETTLED
        # Usually None; an unreadable file that could not be moved is still there, and
        # being unknown to this session it will not be written over.
        self._known = None
        return found

    def recovered(self) -> drafts.Draft:
        """The user takes the earlier draft back: this session carries it on."""
        return self._answer()

    def discarded(self) -> Path | None:
        """The user declines the earlier draft: it is moved to `discarded/`."""
        self._answer()
        kept = None
        if self._known is not None and drafts.fingerprint(self.target) == self._known:
            kept = drafts.discard_draft(self.campaign)
        # The slot is free now; anything there later is another session's, and the next
        # save keeps both.
        self._known = None
        return kept

    def _answer(self) -> drafts.Draft:
        if self.phase is not Phase.ASKING or self.offered is None:
            raise RuntimeError("no earlier draft is waiting for an answer")
        draft, self.offered = self.offered, None
        self.phase = Phase.SETTLED
        return draft

    def save(self, draft: drafts.Draft) -> Saved:
        """Autosave `draft` if the session may, never over a file it does not know."""
        if not self.may_save:
            return Saved.HELD
        outcome = Saved.WRITTEN
        if drafts.fingerprint(self.target) != self._known:
            # Another pressgen wrote (or removed) this campaign's autosave: keep both.
            self.target = drafts.kept_path(self.target.stem, "conflict")
            outcome = Saved.SET_ASIDE
        drafts.save_draft(draft, self.target)
        self._known = drafts.fingerprint(self.target)
        return outcome

    def set_aside_own(self) -> Path | None:
        """Move this session's own autosave to `discarded/` (regenerate, or before
        restoring another draft); returns where it went."""
        if not self.may_save or self._known is None:
            return None
        if drafts.fingerprint(self.target) != self._known:
            return None  # not ours any more: leave it
        kept = drafts.kept_path(self.target.stem)
        self.target.replace(kept)
        self.target = drafts.draft_path(self.campaign)
        self._known = drafts.fingerprint(self.target)
        return kept

    def restore(self, kept: Path) -> drafts.Draft:
        """Take a discarded draft back as this session's autosave. The session's own
        autosave, if any, is set aside first; a file it does not know is never replaced.
        ValueError names what is wrong with the kept file."""
        if not self.may_save:
            raise RuntimeError("an earlier draft is waiting for an answer")
        draft = drafts.parse_draft(kept.read_text(encoding="utf-8"))
        self.set_aside_own()
        slot = drafts.draft_path(self.campaign)
        if slot.exists():
            raise ValueError(f"{slot} holds a draft this session did not write; it was kept")
        os.replace(kept, slot)  # the slot was checked to be free just above
        self.target = slot
        self._known = drafts.fingerprint(slot)
        return draft
