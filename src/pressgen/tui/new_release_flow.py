"""Opening the "New release from a dataset" screen from the main screen, and taking
its campaign into the editor when it is written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pressgen.tui.new_release_screen import NewReleaseScreen

if TYPE_CHECKING:
    from pressgen.tui.main_screen import MainScreen


def new_release(main: MainScreen, path: Path | None = None) -> None:
    """Push the screen; a campaign it writes becomes the main screen's, in the editor."""
    locale = main.picks.locale or (main.built.rendered.locale if main.built else "en_GB")

    def written(campaign: Path | None) -> None:
        if campaign is None:
            return
        main.pick("campaign", str(campaign))
        main.set_edit_mode(True)
        main.notify(f"Wrote {campaign.name} and its files: the draft is in the editor.")

    main.app.push_screen(NewReleaseScreen(main.root, locale, path), written)
