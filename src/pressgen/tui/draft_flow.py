"""The main screen's draft file (storage.draftfile): Save (ctrl+s), Save as… (F8) and
Open… (F9, with the recent drafts).

Saving writes what is on screen: the campaign, the picks, which quotes are in and out,
the edited text (if edited) and the figures as they read. Opening restores all of it,
renders again from the data as it is now and checks the text against it; what changed
in the data since the draft was saved is listed with the check's findings. Nothing is
overwritten without asking: Save as onto an existing file, Save onto a file changed on
disk since, and Open over edited text all ask first (edits replaced by an opened draft
go to discarded drafts).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from pressgen.storage.drafts import fingerprint
from pressgen.tui.session import Picks, pressgen_error

if TYPE_CHECKING:
    from pressgen.storage.draftfile import DraftFile
    from pressgen.tui.main_screen import MainScreen
    from pressgen.tui.path_dialog import PathRequest
    from pressgen.tui.session import Build


def figure_texts(built: Build) -> dict[str, str]:
    """Each figure as the release reads it ("4,534"), to tell later what changed."""
    from pressgen.release.views import FigureView
    from pressgen.text.formatting import Formatter

    r = built.rendered
    fmt = Formatter(r.locale, r.style)
    return {name: str(FigureView(fmt, fig)) for name, fig in built.prepared.figures.items()}


class DraftFiles:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.path: Path | None = None
        """The draft file being worked on (opened or saved), if any."""
        self._known: str | None = None
        """Its fingerprint when last read or written: a change since is someone else's."""
        self._opened: DraftFile | None = None
        """A draft just opened, compared with the data once the build is in."""
        self.notes: tuple[str, ...] = ()
        """What changed in the data since the open draft was saved (the check panel)."""

    # -- saving ---------------------------------------------------------------------------

    def snapshot(self) -> DraftFile | None:
        from pressgen.storage.draftfile import DraftFile

        screen, built = self.screen, self.screen.built
        if built is None:
            return None
        picks = screen.picks
        return DraftFile(
            campaign=picks.campaign,
            locale=picks.locale,
            style=picks.style,
            group=picks.group,
            dataset=picks.dataset,
            quotes=picks.quotes,
            template=picks.template,
            quotes_in=tuple(r.id for r in built.quotes if r.included),
            quotes_out=tuple(r.id for r in built.quotes if not r.included),
            markdown=screen.draft_text if screen.edited else None,
            figures=figure_texts(built),
        )

    def save(self) -> None:
        """ctrl+s: to the draft's own file, or Save as… when it has none yet."""
        path = self.path
        if path is None:
            self.save_as()
            return
        if fingerprint(path) == self._known:
            self._write(path, force=True)
            return
        from pressgen.tui.dialogs import ask

        ask(
            self.screen,
            f"{path} was changed or removed since pressgen last read or wrote it. Save over it?",
            "Save over it",
            "Keep it",
            lambda: self._write(path, force=True),
        )

    def save_as(self) -> None:
        from pressgen.storage.draftfile import SUFFIX, draft_name
        from pressgen.tui.draft_screens import SaveDraftScreen

        screen = self.screen
        if self.path is not None:
            suggestion = self.path.with_name(f"{draft_name(self.path)}-copy{SUFFIX}")
        else:
            suggestion = screen.root / "drafts" / f"{screen.picks.campaign.stem}{SUFFIX}"

        def chosen(request: PathRequest | None) -> None:
            if request is not None:
                self._write(request.path, force=request.force)

        screen.app.push_screen(SaveDraftScreen(suggestion), chosen)

    def _write(self, path: Path, *, force: bool) -> None:
        from pressgen.storage.draftfile import save_draft_file

        screen = self.screen
        draft = self.snapshot()
        if draft is None:
            screen.notify("Nothing to save until the release renders.", severity="warning")
            return
        try:
            save_draft_file(draft, path, screen.root, force=force)
        except pressgen_error() as exc:
            screen.show_error(str(exc))
            return
        self._became(path)
        self.notes = ()  # saved against the data as it is now
        edited = "with your edited text" if draft.markdown is not None else "as rendered"
        screen.notify(f"Draft saved to {path} ({edited}).")

    def _became(self, path: Path) -> None:
        from pressgen.storage.draftfile import draft_name

        self.path = path
        self._known = fingerprint(path)
        screen = self.screen
        screen.app.sub_title = f"{screen.picks.campaign.stem} · draft {draft_name(path)}"

    # -- opening --------------------------------------------------------------------------

    def open(self) -> None:
        from pressgen.storage.draftfile import recent_drafts
        from pressgen.tui.draft_screens import OpenDraftScreen

        recent, dropped = recent_drafts()

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_path(path)

        self.screen.app.push_screen(OpenDraftScreen(recent, dropped), chosen)

    def open_path(self, path: Path) -> None:
        """Read a draft file; a problem is one line in the error panel, nothing else
        changes. Edited text on screen is replaced only after asking."""
        from pressgen.storage.draftfile import read_draft_file, remember

        screen = self.screen
        try:
            draft = read_draft_file(path, screen.root)
        except pressgen_error() as exc:
            screen.show_error(str(exc))
            return
        with contextlib.suppress(pressgen_error()):  # the list only; the draft is read
            remember(path)
        if not screen.edited:
            self._apply(path, draft)
            return
        from pressgen.tui.dialogs import ask

        ask(
            screen,
            f"Open {path.name} in place of the text you are editing? Yours goes to "
            "discarded drafts (F7), from where it can be restored.",
            "Open it",
            "Keep mine",
            lambda: self._apply(path, draft, set_aside=True),
        )

    def _apply(self, path: Path, draft: DraftFile, *, set_aside: bool = False) -> None:
        screen = self.screen
        if not screen.panels_ready:
            screen.when_ready(self._apply, path, draft, set_aside)
            return
        drafting = screen.drafting
        if set_aside:
            drafting.set_aside()
        included = {q: True for q in draft.quotes_in} | {q: False for q in draft.quotes_out}
        picks = Picks(
            campaign=draft.campaign,
            dataset=draft.dataset,
            quotes=draft.quotes,
            template=draft.template,
            locale=draft.locale,
            style=draft.style,
            group=draft.group,
            included=included,
        )
        switching = draft.campaign.resolve() != screen.picks.campaign.resolve()
        if switching:
            drafting.autosave(force=True)
        screen.picks = picks
        if switching:
            drafting.switch()  # this campaign's own autosave is guarded as at start-up
        if draft.markdown is not None:
            screen.edited = True
            screen.set_editor_text(draft.markdown)
            from pressgen.tui.preview import Preview

            screen.query_one(Preview).show(draft.markdown)
            drafting.changed()
        else:
            screen.edited = False
            screen.rendered_md = ""
        self._became(path)
        self._opened = draft
        self.notes = ()
        screen.set_edit_mode(True)
        screen.rebuild()

    def after_build(self, built: Build) -> None:
        """A build is in: if a draft was just opened, say what changed in the data."""
        draft, self._opened = self._opened, None
        if draft is None:
            return
        from pressgen.storage.draftfile import data_changes

        notes = data_changes(draft.figures, figure_texts(built))
        known = {r.id for r in built.quotes}
        notes += [
            f"quote {q} is no longer in the quote set"
            for q in (*draft.quotes_in, *draft.quotes_out)
            if q not in known
        ]
        self.notes = tuple(notes)
        name = self.path.name if self.path else "the draft"
        if notes:
            self.screen.notify(
                f"Opened {name}: the data changed since it was saved ({len(notes)} "
                f"change{'s' if len(notes) > 1 else ''}); the check panel lists them.",
                severity="warning",
                timeout=10,
            )
        else:
            self.screen.notify(f"Opened {name}: the figures are as they were when saved.")
