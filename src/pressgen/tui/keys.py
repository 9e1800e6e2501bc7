"""Every command of the main screen, declared once: its id, keys, footer label, longer
title and action. The footer, the F1 help and the command palette are all built from
this table, so a key cannot be changed in one place and left stale in another.

Textual-free: the Binding objects are made by `bindings()` when the screen class is
built, and the help and palette read the table itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import Binding


@dataclass(frozen=True)
class Command:
    id: str
    keys: str
    """Textual key names, comma-separated, the first one shown ("f2,ctrl+e"); "" for a
    command only the palette offers."""
    label: str
    """The footer's word for it."""
    title: str
    """What it does, in the help and the palette."""
    action: str
    footer: bool = True


COMMANDS: tuple[Command, ...] = (
    # In the footer's order: Quit first, as the footer has always shown it.
    Command("quit", "ctrl+q", "Quit", "Quit (edits are autosaved)", "quit"),
    Command("help", "f1,question_mark", "Help", "Help: keys", "help"),
    Command("edit", "f2,ctrl+e", "Edit", "Edit the draft / back to preview", "toggle_edit"),
    Command("export", "f3,ctrl+o", "Export", "Export the release…", "export"),
    Command("save", "f4", "Save campaign", "Save the picks as a campaign file…", "save_campaign"),
    Command(
        "regenerate",
        "f5,ctrl+r",
        "Regenerate",
        "Regenerate from data (asks before discarding edits)",
        "regenerate",
    ),
    Command("sidebar", "ctrl+b", "Panel", "Show or hide the side panel", "toggle_sidebar"),
    Command("batch", "f6", "Batch", "Batch: one release per group…", "batch"),
    Command("save-draft", "ctrl+s", "Save draft", "Save the draft to its file", "save_draft"),
    Command(
        "save-draft-as",
        "f8",
        "Save as",
        "Save the draft as… (campaign, picks, quotes, your text)",
        "save_draft_as",
        footer=False,
    ),
    Command(
        "open-draft",
        "f9",
        "Open draft",
        "Open a draft file or a recent one…",
        "open_draft",
        footer=False,
    ),
    Command(
        "drafts",
        "f7",
        "Drafts",
        "Discarded drafts: list and restore…",
        "discarded_drafts",
        footer=False,
    ),
    Command(
        "match-style",
        "ctrl+l",
        "Locale's style",
        "Use the locale's own house style (when the style is another language's)",
        "match_style",
        footer=False,
    ),
    Command(
        "new-release",
        "ctrl+n",
        "New release",
        "New release from a dataset…",
        "app.new_release",
        footer=False,
    ),
    Command("figures", "", "", "Show figures", "show_tab('figures')"),
    Command("quotes", "", "", "Show quotes", "show_tab('quotes')"),
    Command("pick", "", "", "Show picks", "show_tab('pick')"),
)


def key_text(keys: str) -> str:
    """How the keys read to a person: "F2, ctrl+e"."""
    shown = []
    for key in keys.split(","):
        if key == "question_mark":
            shown.append("?")
        elif len(key) > 1 and key[0] == "f" and key[1:].isdigit():
            shown.append(key.upper())
        else:
            shown.append(key)
    return ", ".join(shown)


def bindings() -> list[Binding]:
    """The main screen's bindings. Priority: they act even when a panel has focus, but
    being the screen's (not the app's), never behind a dialog."""
    from textual.binding import Binding

    return [
        Binding(c.keys, c.action, c.label, show=c.footer, id=c.id, priority=True)
        for c in COMMANDS
        if c.keys
    ]


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for each command that has keys."""
    return [(key_text(c.keys), c.title) for c in COMMANDS if c.keys]
