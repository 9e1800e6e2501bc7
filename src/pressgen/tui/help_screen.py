"""The help screen (F1 or ?): what each key does, built from the command table."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from pressgen.tui.keys import help_rows

ABOUT = """
**Pick** chooses the campaign, or builds one from a dataset, a quote set and a template,
and the locale and house style. **Figures** lists every computed figure; the highlighted
one shows where it came from. **Quotes** includes or excludes each quote: an unapproved
quote goes in only after you confirm, and is marked as a draft.

Edits are autosaved every two seconds while you type and when pressgen exits; the next
start offers to recover them. A draft you discard is kept: **F7** lists the discarded
drafts of this campaign and restores one.

**ctrl+s** saves your work as a draft file (`NAME.draft.toml`): the campaign, the
picks, which quotes are in, and your edited text. **F9** opens one again (or one of the
ten last used): it is rendered from the data as it is now, and the check panel says
what changed since it was saved. **F4** saves only the picks, as a campaign file.

In the editor, **ctrl+z** undoes and **ctrl+y** redoes; **ctrl+f** finds text, and
Enter (or **ctrl+g**) goes to the next match. The dimmed `[//]: # (pressgen:…)` lines
mark the release's structure (release line, dateline, ENDS) for the exports: they are
kept whole, and typing on one goes to the line it labels.

Changing a pick, a quote or pressing **F5** after editing asks whether to keep your
text (checked again against the new figures) or use the new render. An export with
numbers that match no figure, or with an unapproved quote, lists the problems first;
exported anyway, the document is marked as a draft.

Press **escape** to close.
"""


def help_markdown() -> str:
    rows = help_rows()
    table = "\n".join(f"| **{keys}** | {does} |" for keys, does in rows)
    return f"# pressgen — keys\n\n| key | does |\n|---|---|\n{table}\n{ABOUT}"


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
            yield Markdown(help_markdown())
