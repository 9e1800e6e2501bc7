"""The figures table: each figure's name, text in house style, exact value and warnings,
and the provenance of the selected one."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

if TYPE_CHECKING:
    from pressgen.figures.engine import Figure
    from pressgen.text.formatting import Formatter


def exact(value: Any) -> str:
    """The exact value, short enough for a table cell."""
    if isinstance(value, Decimal):
        q = value.quantize(Decimal("0.000001")) if value != value.to_integral_value() else value
        return format(q.normalize() if q == q.to_integral_value() else q, "f")
    if isinstance(value, tuple) and value and hasattr(value[0], "cells"):  # a table
        return f"{len(value)} rows × {len(value[0].cells)} columns"
    if isinstance(value, tuple) and value and hasattr(value[0], "group"):
        return f"{len(value)} groups"
    if isinstance(value, tuple):
        return "–".join(exact(v) for v in value)
    return str(value)


def provenance_text(fig: Figure) -> str:
    """Where a figure came from, what matters most first (its warnings, the method, the
    rows): in a short box at 80×24 the source file's long title comes last."""
    from rich.markup import escape

    from pressgen.figures.model import STATED

    p = fig.provenance
    if p.method == STATED:  # a constant: where the campaign says it comes from, no rows
        head = f"[b]{escape(fig.name)}[/b]" + (f" — {escape(fig.label)}" if fig.label else "")
        return "\n".join([head, f"method: {p.method}", f"source: {escape(p.source)}"])
    lines = [f"[b]{fig.name}[/b]" + (f" — {fig.label}" if fig.label else "")]
    lines.extend(f"[b $warning]⚠ {w}[/]" for w in fig.warnings)
    lines.append(f"method: {p.method}")
    if p.inputs and not p.rows:  # computed from other figures, not read from rows
        lines.append(f"computed from: {', '.join(p.inputs)}")
    else:
        lines += [f"filter: {p.filter or '(all rows)'}", f"rows matched: {p.rows}"]
    if p.row_numbers:
        shown = ", ".join(str(n) for n in p.row_numbers[:12])
        lines.append(f"file rows: {shown}{' …' if len(p.row_numbers) > 12 else ''}")
    if p.suppressed:
        lines.append(f"suppressed cells: {p.suppressed}")
    if p.inputs and p.rows:
        lines.append(f"from figures: {', '.join(p.inputs)}")
    lines += [f"source: {p.source}", f"dataset: {p.dataset}"]
    return "\n".join(lines)


class FiguresPanel(Vertical):
    DEFAULT_CSS = """
    FiguresPanel { height: 1fr; }
    FiguresPanel DataTable { height: 1fr; }
    FiguresPanel #provenance-box { height: auto; max-height: 50%; padding: 0 1;
        border-top: solid $primary-muted; }
    FiguresPanel #provenance-box:focus { border-top: solid $accent; }
    FiguresPanel #provenance { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._figures: dict[str, Figure] = {}

    def compose(self) -> ComposeResult:
        table: DataTable[str | Text] = DataTable(id="figures-table", cursor_type="row")
        # The value in house style first: at 80 columns a long name would push it out.
        table.add_columns("text", "name", "warnings", "exact")
        yield table
        # A Tab stop of its own, so a provenance longer than the box scrolls with ↓.
        with VerticalScroll(id="provenance-box"):
            yield Static("Select a figure to see where it came from.", id="provenance")

    def show(self, figures: dict[str, Figure], fmt: Formatter) -> None:
        from pressgen.release.views import FigureView  # the core loads after the first paint

        self._figures = figures
        table: DataTable[str | Text] = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for fig in figures.values():
            short = "; ".join(w.split(":", 1)[0] for w in fig.warnings)
            warn = Text(f"⚠ {short}", style="bold") if fig.warnings else Text("")
            table.add_row(str(FigureView(fmt, fig)), fig.name, warn, exact(fig.value), key=fig.name)
        if figures:
            table.move_cursor(row=min(max(row, 0), len(figures) - 1))
            self._show_provenance(list(figures)[table.cursor_row])

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_provenance(event.row_key.value)

    def _show_provenance(self, name: str) -> None:
        fig = self._figures.get(name)
        if fig is not None:
            self.query_one("#provenance", Static).update(provenance_text(fig))
