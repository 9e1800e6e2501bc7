"""The help screen (F1 or ?): what each key does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# pressgen — keys

| key | does |
|---|---|
| **F1**, **?** | this help |
| **ctrl+p** | command palette: every action, locales, house styles, themes |
| **F2** / **ctrl+e** | edit the draft (again: back to the preview) |
| **F3** / **ctrl+o** | export: Markdown, DOCX, HTML or plain text |
| **F4** | save the picks as a campaign file |
| **F5** / **ctrl+r** | regenerate from the data (asks before discarding edits) |
| **F6** | batch: one release per group of a column, with progress and the index |
| **ctrl+b** | show or hide the side panel |
| **tab** / **shift+tab** | move between panels |
| **space** | include or exclude the highlighted quote |
| **ctrl+q** | quit (edits are autosaved) |

**Pick** chooses the campaign, or builds one from a dataset, a quote set and a template,
and the locale and house style. **Figures** lists every computed figure; the highlighted
one shows where it came from. **Quotes** includes or excludes each quote: an unapproved
quote goes in only after you confirm, and is marked as a draft.

Edits are autosaved every two seconds while you type and when pressgen exits; the next
start offers to recover them.

Press **escape** to close.
"""


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help.close")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)
