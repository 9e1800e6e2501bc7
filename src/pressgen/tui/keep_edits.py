"""Changing what the release is rendered from while the draft holds edits: the user is
asked first whether to keep the edited text (checked again against the new figures) or
to take the new render (the edited text goes to discarded drafts), or to cancel.

Used for every pick (locale, style, dataset, quote set, template, group), a quote put
in or out, and F5.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pressgen.tui.confirm import ChoiceScreen

if TYPE_CHECKING:
    from pressgen.tui.main_screen import MainScreen

KEEP, RENDER, CANCEL = "keep", "render", "cancel"

ANSWERS = [
    (KEEP, "Keep my text", "k"),
    (RENDER, "Use the new render", "u"),
    (CANCEL, "Cancel", "escape"),
]


def question(change: str) -> str:
    return (
        f"You have edited the draft. {change}\n\n"
        "Keep my text: your text stays and is checked against the new figures.\n"
        "Use the new render: your text is replaced (a copy goes to discarded drafts, F7)."
    )


def guard(
    screen: MainScreen,
    change: str,
    apply: Callable[[], None],
    revert: Callable[[], None] | None = None,
) -> None:
    """Apply a change and render again; with edits, only after asking. `change` says
    what changes ("The locale changes to de_DE."); `revert` takes the change back in the
    panels when the user cancels."""
    if not screen.edited:
        apply()
        screen.rebuild()
        return

    def answered(answer: str | None) -> None:
        if answer == KEEP:
            apply()
            screen.recheck_kept = True
            screen.rebuild()
        elif answer == RENDER:
            screen.drafting.set_aside()
            screen.edited = False
            screen.rendered_md = ""
            apply()
            screen.rebuild()
            screen.notify("The new render replaces your text; F7 lists the text you had.")
        elif revert is not None:
            revert()

    screen.app.push_screen(ChoiceScreen(question(change), ANSWERS), answered)
