"""The Pick panel: campaign, dataset, quote set, template, locale and house style.

Picking a dataset, quote set or template builds a campaign on the fly from the current
one; F4 saves it as a campaign file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, Select
from textual.widgets._select import SelectOverlay
from textual.widgets.select import InvalidSelectValueError

from pressgen.tui.session import WHOLE

if TYPE_CHECKING:
    from pressgen.tui.session import ProjectFiles

FIELDS = ("campaign", "group", "dataset", "quotes", "template", "locale", "style")


_LABELS = {"quotes": "Quote set", "group": "Release (one per group of a batch)"}


def _label(path: Path, root: Path) -> str:
    name = path.name.removesuffix(".md.j2").removesuffix(".toml")
    return name if path.is_relative_to(root) else f"{name} (yours)"


def _offered(value: str, options: Sequence[tuple[str, str]]) -> str:
    """The offered value that names the same file as `value`: a campaign opened as
    `campaigns/x.toml` is the listed `/project/campaigns/x.toml`, not a second entry."""
    if not value or value in {v for _, v in options}:
        return value
    try:
        here = Path(value).resolve()
    except OSError:
        return value
    for _, offered in options:
        if "/" in offered or "\\" in offered:
            with contextlib.suppress(OSError):
                if Path(offered).resolve() == here:
                    return offered
    return value


COMPACT = "-textual-compact"
"""The class Textual's `compact` reactives toggle (Select's, and its overlay's)."""


class _CompactSelect(Select[str]):
    """A compact Select made with `compact` and its class already set on it and on its
    overlay, before either is styled: setting the reactive in the constructor (Select's
    `compact=True`) and binding the overlay's to it once mounted each restyled them
    again, twice for each of the seven selectors at start-up."""

    def __init__(self, options: Sequence[tuple[str, str]], *, id: str, prompt: str) -> None:
        super().__init__(options, id=id, prompt=prompt)
        self.add_class(COMPACT, update=False)
        self.set_reactive(Select.compact, True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, SelectOverlay):
                widget.add_class(COMPACT, update=False)
                widget.set_reactive(SelectOverlay.compact, True)  # no removing at mount
            yield widget


class Picker(VerticalScroll, can_focus=False):
    """No Tab stop of its own (it showed no focus): Tab goes from selector to selector,
    and the panel scrolls to the one focused."""

    DEFAULT_CSS = """
    Picker { height: 1fr; padding: 0 1; }
    Picker Label { margin-top: 1; color: $text-muted; }
    Picker Select { margin-left: 1; }
    Picker Select { width: 100%; }
    """

    @dataclass
    class Changed(Message):
        """A pick changed: `field` is one of FIELDS; `value` a path or a name; `old`
        what the selector showed before ("" when it showed nothing)."""

        field: str
        value: str
        old: str = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values: dict[str, str] = {}
        """What each selector shows, so that a pick can be taken back (`set_value`)."""

    def compose(self) -> ComposeResult:
        for name in FIELDS:
            yield Label(_LABELS.get(name, name.capitalize()))
            yield _CompactSelect([], id=f"pick-{name}", prompt=name)

    def fill(
        self,
        files: ProjectFiles,
        root: Path,
        current: dict[str, str],
        locales: list[str],
        styles: list[str],
        groups: Sequence[str] = (),
    ) -> None:
        """Set the options and the current value of every selector without events.
        `groups`: the releases a batching campaign makes, one per value of its column."""
        options: dict[str, list[tuple[str, str]]] = {
            "campaign": [(_label(p, root), str(p)) for p in files.campaigns],
            "group": [("whole campaign", WHOLE), *((g, g) for g in groups)],
            "dataset": [(_label(p, root), str(p)) for p in files.datasets],
            "quotes": [(_label(p, root), str(p)) for p in files.quotes],
            "template": [(_label(p, root), str(p)) for p in files.templates],
            "locale": [(t, t) for t in locales],
            "style": [(s, s) for s in styles],
        }
        with self.prevent(Select.Changed):
            for name in FIELDS:
                opts = options[name]
                value = _offered(current.get(name, ""), opts)
                if value and value not in {v for _, v in opts}:
                    opts = [(Path(value).name or value, value), *opts]
                select: Select[str] = self.query_one(f"#pick-{name}", Select)
                # Once there is something to pick, the prompt ("quotes", "locale") is no
                # choice of its own (Textual offers it as one while blank is allowed).
                select._allow_blank = not opts
                select.set_options(opts)
                if value:
                    select.value = value
                    self.values[name] = value

    def set_value(self, name: str, value: str) -> None:
        with self.prevent(Select.Changed), contextlib.suppress(InvalidSelectValueError):
            select: Select[str] = self.query_one(f"#pick-{name}", Select)
            select.value = value  # a value not offered (a custom style) leaves it as it was
            self.values[name] = value

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        sid = event.select.id or ""
        if sid.startswith("pick-") and isinstance(event.value, str):
            name = sid.removeprefix("pick-")
            old = self.values.get(name, "")
            self.values[name] = event.value
            self.post_message(self.Changed(name, event.value, old))
