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
    # In the help's order; the footer's is FOOTER.
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
    Command("save-draft", "ctrl+s", "Save", "Save the draft to its file", "save_draft"),
    Command("find", "ctrl+f", "Find", "Find in the draft (edit mode)", "find", footer=False),
    Command(
        "find-next",
        "ctrl+g",
        "Find next",
        "Find the next match in the draft",
        "find_next",
        footer=False,
    ),
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
    Command(
        "figures",
        "",
        "",
        "Figures panel: each figure and where it came from",
        "show_tab('figures')",
    ),
    Command(
        "quotes", "", "", "Quotes panel: include or leave out each quote", "show_tab('quotes')"
    ),
    Command(
        "pick",
        "",
        "",
        "Pick panel (picks): campaign, dataset, quote set, template, locale, style",
        "show_tab('pick')",
    ),
)

FOOTER = ("help", "edit", "export", "save-draft", "sidebar", "batch", "regenerate", "save", "quit")
"""The footer's commands, most needed first: at 80 columns those that do not fit are
left out from the end (F1 help and the palette list every one)."""

OTHER_KEYS = (
    ("ctrl+p", "command palette: every action, locales, house styles, themes"),
    ("tab, shift+tab", "move between panels; ←/→ on the tab bar switches Pick, Figures, Quotes"),
    ("space", "include or exclude the highlighted quote"),
    ("ctrl+z, ctrl+y", "undo and redo in the editor (each run of typing is one step)"),
    ("enter, escape", "in the find bar: the next match; back to the editor"),
)
"""Keys that belong to Textual's widgets (the editor's undo and redo, the palette, the
lists) or to the find bar rather than to the screen's commands: shown in the help."""


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
    """(keys, what they do) for each command that has keys, then the widgets' keys."""
    return [*((key_text(c.keys), c.title) for c in COMMANDS if c.keys), *OTHER_KEYS]


def footer_commands() -> list[Command]:
    """The footer's commands in FOOTER's order."""
    by_id = {c.id: c for c in COMMANDS}
    return [by_id[i] for i in FOOTER if by_id[i].footer]


def footer_key(keys: str) -> str:
    """The first key as the footer shows it: "f2", "^s"."""
    key = keys.split(",")[0]
    return f"^{key.removeprefix('ctrl+')}" if key.startswith("ctrl+") else key
