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


CHECKBOX_CELLS = 4
"""What a SelectionList row spends before its prompt: the check box and a space."""


def cut(text: str, width: int) -> str:
    """`text` on one line of at most `width` cells, ending in an ellipsis when cut."""
    from rich.cells import cell_len, set_cell_size

    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    return set_cell_size(text, width - 1).rstrip() + "…"


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def quote_prompt(row: QuoteRow, width: int = 60) -> Text:
    """One line of `width` cells (a SelectionList row is one line): approved or not, the
    speaker, and the quote's first line, cut with an ellipsis."""
    mark = "⚠ " if row.problem else "✓ "
    line = cut(f"{mark}{row.speaker}: “{first_line(row.text)}”", width)
    text = Text()
    name_end = min(len(line), len(mark) + len(row.speaker) + 1)
    text.append(line[: len(mark)], style="bold reverse" if row.problem else "bold")
    # A quote left out reads dimmed: in or out is seen without looking at the check box.
    out = "" if row.included else "dim "
    text.append(line[len(mark) : name_end], style=out + "bold")
    text.append(line[name_end:], style=out.strip())
    return text


def quote_detail(row: QuoteRow) -> Text:
    """The highlighted quote in full: speaker, approval, slot, and its text."""
    text = Text()
    text.append(row.speaker, style="bold")
    if row.problem:
        text.append(f" · UNAPPROVED ({row.problem})", style="bold reverse")
    else:
        text.append(" · approved")
    where = f"slot {row.slot}" if row.slot else "no slot of its own"
    state = "in the release" if row.included else "left out (space puts it in)"
    text.append(f" · {where} · {state}", style="italic")
    text.append(f"\n“{row.text.strip()}”")
    return text


class QuotesPanel(Vertical):
    DEFAULT_CSS = """
    QuotesPanel { height: 1fr; }
    QuotesPanel SelectionList { height: 1fr; }
    QuotesPanel #quotes-help { height: auto; color: $text-muted; padding: 0 1; }
    QuotesPanel #quote-detail { height: auto; max-height: 8; padding: 0 1;
        border-top: hkey $primary-muted; overflow-y: auto; }
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
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static("space: include/exclude · unapproved quotes ask first", id="quotes-help")
        yield SelectionList[str](id="quotes-list")
        yield Static("", id="quote-detail")

    def show(self, rows: tuple[QuoteRow, ...]) -> None:
        self._rows = {r.id: r for r in rows}
        self._fill()

    def _prompt_width(self) -> int:
        sl: SelectionList[str] = self.query_one(SelectionList)
        width = sl.scrollable_content_region.width or self.size.width
        return max(width - CHECKBOX_CELLS - 1, 12)  # 1: the scroll bar's cell, if shown

    def _fill(self) -> None:
        rows = tuple(self._rows.values())
        width = self._prompt_width()
        self._width = width
        sl: SelectionList[str] = self.query_one(SelectionList)
        highlighted = sl.highlighted
        with self.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
            sl.clear_options()
            sl.add_options(
                [Selection(quote_prompt(r, width), r.id, r.included, id=r.id) for r in rows]
            )
        if highlighted is not None and rows:
            sl.highlighted = min(highlighted, len(rows) - 1)
        # Until a row is highlighted (the list has no focus yet), the first quote's text.
        self._show_detail(sl.highlighted if sl.highlighted is not None else 0)

    def _show_detail(self, index: int | None) -> None:
        rows = tuple(self._rows.values())
        detail = self.query_one("#quote-detail", Static)
        if index is None or not 0 <= index < len(rows):
            detail.update("")
            return
        detail.update(quote_detail(rows[index]))

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        event.stop()
        self._show_detail(event.selection_index)

    def on_resize(self) -> None:
        # The first lines are cut to the panel's width: a new width cuts them anew.
        if self._rows and self._prompt_width() != self._width:
            self._fill()

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
