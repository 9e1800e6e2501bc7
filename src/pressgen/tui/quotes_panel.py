"""The quote set: every quote with its speaker and approval state, toggled in or out.

The panel only shows the model; a toggle is a request (`QuoteToggled`) that the app
answers, asking first before an unapproved quote goes in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

if TYPE_CHECKING:
    from pressgen.tui.session import QuoteRow


def quote_prompt(row: QuoteRow) -> Text:
    text = Text()
    if row.problem:
        text.append(f"⚠ UNAPPROVED ({row.problem}) ", style="bold reverse")
    else:
        text.append("✓ approved ", style="bold")
    text.append(row.speaker, style="bold")
    text.append(f" · slot {row.slot}" if row.slot else " · no slot of its own", style="italic")
    short = row.text if len(row.text) <= 110 else row.text[:107] + "…"
    text.append(f"\n“{short}”")
    return text


class QuotesPanel(Vertical):
    DEFAULT_CSS = """
    QuotesPanel { height: 1fr; }
    QuotesPanel SelectionList { height: 1fr; }
    QuotesPanel #quotes-help { height: auto; color: $text-muted; padding: 0 1; }
    """

    @dataclass
    class QuoteToggled(Message):
        """The user asked for a quote to go in (True) or out."""

        quote_id: str
        include: bool
        unapproved: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[str, QuoteRow] = {}

    def compose(self) -> ComposeResult:
        yield Static("space: include/exclude · unapproved quotes ask first", id="quotes-help")
        yield SelectionList[str](id="quotes-list")

    def show(self, rows: tuple[QuoteRow, ...]) -> None:
        self._rows = {r.id: r for r in rows}
        sl: SelectionList[str] = self.query_one(SelectionList)
        highlighted = sl.highlighted
        with self.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
            sl.clear_options()
            sl.add_options([Selection(quote_prompt(r), r.id, r.included, id=r.id) for r in rows])
        if highlighted is not None and rows:
            sl.highlighted = min(highlighted, len(rows) - 1)

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        event.stop()
        qid = event.selection.value
        row = self._rows.get(qid)
        if row is None:
            return
        self.post_message(self.QuoteToggled(qid, not row.included, row.problem is not None))
        # Back to the model's state until the app has decided.
        with self.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
            sl: SelectionList[str] = self.query_one(SelectionList)
            if row.included:
                sl.select(qid)
            else:
                sl.deselect(qid)
