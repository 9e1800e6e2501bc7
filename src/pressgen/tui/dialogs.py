"""The main screen's dialogs and what follows them: help, batch, save campaign,
and the questions asked before something is included, discarded or replaced.

Each dialog module is imported when first opened, long after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pressgen.tui.confirm import ConfirmScreen
from pressgen.tui.session import pressgen_error

if TYPE_CHECKING:
    from pressgen.tui.main_screen import MainScreen
    from pressgen.tui.path_dialog import PathRequest
    from pressgen.tui.session import QuoteRow


def ask(screen: MainScreen, question: str, yes: str, no: str, then: Callable[[], None]) -> None:
    """Ask a yes/no question; call `then` on yes."""

    def answered(answer: bool | None) -> None:
        if answer:
            then()

    screen.app.push_screen(ConfirmScreen(question, yes=yes, no=no), answered)


def confirm_unapproved(
    screen: MainScreen, row: QuoteRow, include: Callable[[str, bool], None]
) -> None:
    from pressgen.tui.session import quote_words

    problem = row.problem or "not approved"
    why = "is not approved" if problem == "not approved" else f"is not cleared ({problem})"
    ask(
        screen,
        f"This quote {why}:\n{quote_words(row)}\n\nInclude it, marked as a draft? The release must not go "
        "out until it is approved.",
        "Include as draft",
        "Leave out",
        lambda: include(row.id, True),
    )


def confirm_restore(screen: MainScreen, restore: Callable[[], None]) -> None:
    ask(
        screen,
        "Restore this draft in place of the one you are editing? Yours moves to "
        "discarded drafts, from where it can be restored in turn.",
        "Restore",
        "Keep mine",
        restore,
    )


def show_help(screen: MainScreen) -> None:
    from pressgen.tui.help_screen import HelpScreen

    if not isinstance(screen.app.screen, HelpScreen):
        screen.app.push_screen(HelpScreen())


def batch(screen: MainScreen) -> None:
    if screen.built is None:
        screen.notify("Nothing to batch until the campaign renders.", severity="warning")
        return
    from pressgen.tui.batch_screen import BatchScreen

    r = screen.built.rendered
    jobs = screen.pressgen.batch_jobs
    screen.app.push_screen(BatchScreen(screen.built.prepared, r.locale, r.style.name, jobs))


def save_campaign(screen: MainScreen) -> None:
    from pressgen.tui.save_dialog import SaveCampaignScreen

    def chosen(request: PathRequest | None) -> None:
        if request is None:
            return
        from pressgen.tui.session import load_picked
        from pressgen.tui.session import save_campaign as save

        try:
            save(screen.picks, load_picked(screen.picks), request.path, force=request.force)
        except pressgen_error() as exc:
            screen.show_error(str(exc))
            return
        screen.notify(f"Saved {request.path}")

    folder = screen.root / "campaigns"
    suggestion = folder / f"{screen.picks.campaign.stem}-custom.toml"
    screen.app.push_screen(SaveCampaignScreen(suggestion), chosen)
