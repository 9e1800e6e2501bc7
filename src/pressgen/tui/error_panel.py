"""The error panel: a bad dataset, quote set or template shows its one-line message here
and the rest of the app keeps working."""

from __future__ import annotations

from textual.widgets import Static


class ErrorPanel(Static):
    DEFAULT_CSS = """
    ErrorPanel { display: none; height: auto; padding: 0 1; margin: 0 0 1 0;
        background: $error-muted; color: $text; border-left: thick $error; }
    ErrorPanel.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message = ""

    def show_error(self, message: str) -> None:
        self.message = message
        self.update(f"✖ {_shorten(message)}")
        self.set_class(bool(message), "-shown")

    def clear(self) -> None:
        self.show_error("")


def _shorten(message: str) -> str:
    # Paths under the working folder read better relative, especially at 80 columns.
    from pathlib import Path

    return message.replace(f"{Path.cwd()}/", "")
