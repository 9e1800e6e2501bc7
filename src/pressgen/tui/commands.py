"""The command palette provider: every action, every locale and every house style."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from pressgen.tui.app import PressgenApp

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Edit the draft / back to preview", "toggle_edit", "F2"),
    ("Export the release…", "export", "F3"),
    ("Save the picks as a campaign file…", "save_campaign", "F4"),
    ("Regenerate from data", "regenerate", "F5"),
    ("Batch: one release per group…", "batch", "F6"),
    ("Show or hide the side panel", "toggle_sidebar", "ctrl+b"),
    ("Help: keys", "help", "F1"),
    ("Show figures", "show_tab('figures')", ""),
    ("Show quotes", "show_tab('quotes')", ""),
    ("Show picks", "show_tab('pick')", ""),
    ("Quit", "quit", "ctrl+q"),
)


class PressgenCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from pressgen.text.locales import supported_locales
        from pressgen.text.style import PRESETS

        app: PressgenApp = self.app  # type: ignore[assignment]
        out: list[tuple[str, Callable[[], object], str]] = []
        for title, action, key in ACTIONS:
            out.append((title, partial(app.run_action, action), key))
        for tag in supported_locales():
            out.append((f"Locale: {tag}", partial(app.pick, "locale", tag), "switch locale"))
        for name in PRESETS:
            out.append((f"House style: {name}", partial(app.pick, "style", name), "switch style"))
        return out

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
