"""The command palette provider: every command of the key table, every locale and every
house style."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pressgen.tui.keys import COMMANDS, key_text

if TYPE_CHECKING:
    from pressgen.tui.main_screen import MainScreen


class PressgenCommands(Provider):
    def _main(self) -> MainScreen:
        # The app is pressgen's (it registers this provider); naming its class here would
        # make commands and app import each other.
        app: Any = self.app
        return cast("MainScreen", app.main)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return [(title, run, help_text) for _, title, run, help_text in self._named()]

    def _named(self) -> list[tuple[str, str, Callable[[], object], str]]:
        """(command id, title, what runs, help) for every command; "" for no id."""
        from pressgen.text.locales import supported_locales
        from pressgen.text.style import PRESETS

        main = self._main()
        out: list[tuple[str, str, Callable[[], object], str]] = []
        for c in COMMANDS:
            out.append((c.id, c.title, partial(main.run_action, c.action), key_text(c.keys)))
        for tag in supported_locales():
            out.append(("", f"Locale: {tag}", partial(main.pick, "locale", tag), "switch locale"))
        for name in PRESETS:
            run = partial(main.pick, "style", name)
            out.append(("", f"House style: {name}", run, "switch style"))
        return out

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # A command's own name typed ("picks", "export") comes first: the fuzzy score
        # alone ties "Save the picks…" with the Pick panel, and the first listed won.
        typed = query.strip().lower()
        names = {typed, typed.removesuffix("s")}
        for cid, title, run, help_text in self._named():
            score = matcher.match(title)
            if score > 0:
                if cid in names:
                    score *= 2
                yield Hit(score, matcher.highlight(title), run, help=help_text)
