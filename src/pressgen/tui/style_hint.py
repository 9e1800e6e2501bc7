"""A house style written for another language than the locale (de_DE text in uk-press
reads "52 per cent" and "3 Dezember 2019"): a warning above the release with a button,
and a key (keys.py: ctrl+l), that switch to the locale's own style."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Static


def own_style(locale: str, style: str) -> str | None:
    """The locale's own house style when `style` is a preset written for another
    language; None when they go together (or the style is the team's own)."""
    from pressgen.text.style import PRESET_LOCALES, style_for_locale

    if style not in PRESET_LOCALES:
        return None
    own = style_for_locale(style, locale)
    return own if own != style else None


class StyleHint(Vertical):
    DEFAULT_CSS = """
    StyleHint { display: none; height: auto; padding: 0 1; margin: 0 0 1 0;
        background: $warning-muted; border-left: thick $warning; }
    StyleHint.-shown { display: block; }
    StyleHint #style-hint-text { height: auto; }
    """

    class Switch(Message):
        """Switch to the suggested style."""

        def __init__(self, style: str) -> None:
            super().__init__()
            self.style = style

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suggestion: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="style-hint-text", markup=False)
        yield Button("", id="style-hint-switch", compact=True, variant="warning")

    def show(self, locale: str, style: str) -> None:
        from pressgen.text.style import PRESET_LOCALES

        self.suggestion = own_style(locale, style)
        self.set_class(self.suggestion is not None, "-shown")
        if self.suggestion is None:
            return
        self.query_one(Static).update(
            f"⚠ House style {style} is written for {PRESET_LOCALES[style]}, not {locale}: "
            "its words and dates read wrong in this language."
        )
        self.query_one(Button).label = f"Use {self.suggestion} (ctrl+l)"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.suggestion is not None:
            self.post_message(self.Switch(self.suggestion))
