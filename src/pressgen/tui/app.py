"""The pressgen app: the main screen, quitting with the draft saved, and a hook for the
moment the first preview is on screen.

Everything the user works with is the main screen's (main_screen); the app holds what
outlives one screen: the campaign it was started on, the batch worker count, signal
handling and exit.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, ComposeResult

from pressgen.tui.commands import PressgenCommands
from pressgen.tui.main_screen import LAYOUT_CSS, MainScreen
from pressgen.tui.session import Build, Picks

if TYPE_CHECKING:
    from rich.console import RenderableType


class PressgenApp(App[int]):
    TITLE = "pressgen"
    COMMANDS: ClassVar = App.COMMANDS | {PressgenCommands}
    CSS = LAYOUT_CSS

    def __init__(
        self,
        campaign: Path,
        *,
        first: Future[str | None] | None = None,
        preview_key: str | None = None,
        recover: bool = True,
        on_first_paint: Callable[[PressgenApp], None] | None = None,
    ) -> None:
        """`first`: a preview rendered elsewhere, painted before the build ends.
        `recover`: offer an earlier session's draft (the start-up benchmark does not).
        `on_first_paint`: called once, when a release is first on screen."""
        super().__init__()
        self.main = MainScreen(campaign, first=first, preview_key=preview_key, recover=recover)
        self.batch_jobs: int | None = None
        """Worker processes for a batch; None: all cores."""
        self._on_first_paint = on_first_paint
        self.sub_title = campaign.stem
        self.closing = False
        """Set once the app is on its way out: work that would still build widgets stops."""

    def exit(
        self, result: int | None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.closing = True
        super().exit(result, return_code, message)

    def get_default_screen(self) -> MainScreen:
        return self.main

    def compose(self) -> ComposeResult:
        yield from self.main.compose_widgets()

    # What tests and scripts read most: the main screen's state.
    @property
    def picks(self) -> Picks:
        return self.main.picks

    @property
    def built(self) -> Build | None:
        return self.main.built

    @property
    def edited(self) -> bool:
        return self.main.edited

    @property
    def editing(self) -> bool:
        return self.main.editing

    def autosave(self, force: bool = False) -> None:
        self.main.drafting.autosave(force=force)

    def first_painted(self) -> None:
        """A release (cached, pre-rendered or built) has been painted."""
        hook, self._on_first_paint = self._on_first_paint, None
        if hook is not None:
            hook(self)

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self.main.start()

    def _install_signal_handlers(self) -> None:
        if sys.platform == "win32":
            return
        import asyncio

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._on_signal)

    def _on_signal(self) -> None:
        self.autosave(force=True)
        self.exit(0)

    def action_new_release(self) -> None:
        from pressgen.tui.new_release_flow import new_release

        new_release(self.main)

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's Screenshot: an SVG in the project's `screenshots/` folder (Textual
        would write to a Downloads folder that a server or container may not have), and
        say where it went."""
        import datetime as dt

        from pressgen.storage.atomic import atomic_write
        from pressgen.tui.session import pressgen_error

        folder = Path(path) if path else self.main.root / "screenshots"
        stamp = dt.datetime.now().strftime(time_format or "%Y-%m-%dT%H_%M_%S")
        name = filename or f"pressgen_{stamp}.svg"
        target = folder / Path(name).name  # a name, never a path out of the folder
        try:
            atomic_write(target, self.export_screenshot())
        except (pressgen_error(), OSError) as exc:
            self.notify(f"Screenshot not saved: {exc}", severity="error", timeout=10)
            return None
        self.notify(f"Screenshot saved: {target}", title="Screenshot", timeout=10)
        return str(target)

    async def action_quit(self) -> None:
        self.autosave(force=True)
        self.exit(0)

    def on_unmount(self) -> None:
        self.autosave(force=True)
