"""The draft editor: a TextArea with Markdown highlighting over the rendered release."""

from __future__ import annotations

from textual.widgets import TextArea


class DraftEditor(TextArea):
    DEFAULT_CSS = """
    DraftEditor { height: 1fr; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            "", language="markdown", soft_wrap=True, id=id, tab_behavior="focus",
            show_line_numbers=False,
        )
