"""Changing what the release is rendered from while the draft holds edits: the user is
asked first whether to keep the edited text (checked again against the new figures) or
to take the new render (the edited text goes to discarded drafts), or to cancel.

Used for every pick (locale, style, dataset, quote set, template, group), a quote put
in or out, and F5.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
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


def pick(screen: MainScreen, field: str, value: str, old: str | None) -> None:
    """One pick of the Pick panel or the palette (not the campaign: that switches the
    whole session). `old`: what the panel showed, put back on Cancel."""
    picker = screen.picker
    if old is None:
        old = picker.values.get(field, "")

    def apply() -> None:
        picks = screen.picks
        if field == "group":
            from pressgen.tui.session import WHOLE

            picks.group = None if value == WHOLE else value
        elif field in ("dataset", "quotes", "template"):
            setattr(picks, field, Path(value))
        else:
            setattr(picks, field, value)
        picker.set_value(field, value)

    def revert() -> None:
        if old:
            picker.set_value(field, old)

    shown = Path(value).name if field in ("dataset", "quotes", "template") else value
    guard(screen, f"The {field} changes to {shown}.", apply, revert)


def set_quote(screen: MainScreen, quote_id: str, include: bool) -> None:
    def apply() -> None:
        screen.picks.included[quote_id] = include

    guard(screen, "A quote goes in." if include else "A quote goes out.", apply)
