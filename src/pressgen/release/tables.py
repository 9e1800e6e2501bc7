"""Markdown tables from figures, every cell escaped, so a template never needs `| md`.

A template prints a whole table from a `table` or `group` figure (`table_markdown`: a
heading row, the alignment row, one row per group with its place ("=4") and a totals
row), or builds its own rows from any values (`table_row`, `table_head`). The table's
pipes are the only structure: each cell is a value escaped as inline text (a `|` or
`*` in a group's name stays text), and the result is `MarkdownText`, so it is not
escaped again. The filters that call these (`table`, `table_row`, `table_head`) live in
`filters`, which adds the formatter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pressgen.errors import PressgenError
from pressgen.release.escape import MarkdownText, escape_inline
from pressgen.release.views import CellView, FigureView
from pressgen.text.formatting import Formatter

#: A table printed by the `table` filter has at most this many rows.
MAX_ROWS = 500


def cell_text(value: Any) -> str:
    """One cell as Markdown: a value escaped as inline text; author's Markdown kept, but
    for its pipes, which would split the cell."""
    if isinstance(value, MarkdownText):
        return value.replace("|", "\\|")
    if value is None:
        return "–"
    return escape_inline(str(value))


def table_row(cells: Iterable[Any]) -> MarkdownText:
    """`| a | b | c |` from any values, each escaped."""
    items = list(cells)
    if not items:
        raise PressgenError("table_row: a row needs at least one cell")
    return MarkdownText("| " + " | ".join(cell_text(c) for c in items) + " |")


def table_head(headings: Iterable[Any], align: str | None = None) -> MarkdownText:
    """A heading row and its alignment row. `align` has a letter per column: `l` (left),
    `r` (right, for numbers), `c` (centre); by default every column is left-aligned."""
    items = list(headings)
    if not items:
        raise PressgenError("table_head: a table needs at least one column")
    letters = (align or "l" * len(items)).lower()
    if len(letters) != len(items) or set(letters) - set("lrc"):
        raise PressgenError(
            f"table_head: align needs one of l, r, c per column ({len(items)}), got {align!r}"
        )
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    return MarkdownText(table_row(items) + "\n|" + "|".join(marks[a] for a in letters) + "|")


def table_markdown(
    fmt: Formatter,
    fig: Any,
    *,
    label: str | None = None,
    rank: str | None = None,
    total: str | None = None,
    row_total: str | None = None,
    value: str | None = None,
    rows: Sequence[Any] | None = None,
    top: int | None = None,
    decimals: int | None = None,
    show: str = "value",
) -> MarkdownText:
    """A whole table from a `table` figure (a column per value of its column key) or a
    `group` figure (one column, headed `value`): a heading row, one row per group in
    rank order, and, when `total` names it, a totals row. `rank` heads a column of places
    ("=4"), `row_total` a column of each row's total (tables only), `label` the column of
    group names (default: the grouping column's label). `rows` picks rows and their order
    (group names, or rows of another figure: the top five rises); `top` keeps the first n.
    `show` prints each cell's `value` (the measure), its `share` of its column's total or
    its `count` of rows (a table of a count or a sum)."""
    if not isinstance(fig, FigureView) or fig.kind not in ("table", "groups"):
        raise PressgenError("table: needs a table or group figure, such as f.by_year")
    extra = fig._figure.extra
    is_table = fig.kind == "table"
    if show not in ("value", "share", "count"):
        raise PressgenError(f"table: show must be 'value', 'share' or 'count', not {show!r}")
    if show != "value" and not is_table:
        raise PressgenError(f"table: show={show!r} is for table figures")
    kind = {"share": "share", "count": "count"}.get(show, str(extra.get("measure_kind", "count")))
    currency = extra.get("currency") if show == "value" else None
    columns: list[str] = list(extra.get("columns", ())) if is_table else [value or ""]
    if not is_table and row_total is not None:
        raise PressgenError("table: row_total is for table figures (a group has one column)")
    picked = _pick(fig.rows, rows, top)
    names = label if label is not None else str(extra.get("rows_label") or extra.get("by", ""))
    headings = ([rank] if rank is not None else []) + [names, *columns]
    if row_total is not None:
        headings.append(row_total)
    numbers = len(columns) + (row_total is not None)
    align = ("r" if rank is not None else "") + "l" + "r" * numbers
    lines = [table_head(headings, align)]

    def show_cell(v: Any) -> str:
        if show != "value" and v is not None:
            v = getattr(v, show)
            if v is None:
                raise PressgenError(f"table: the cells of {fig.name!r} have no {show}")
        return _formatted(fmt, getattr(v, "value", v), kind, currency, decimals)

    for r in picked:
        values = list(r.cells) if is_table else [r.value]
        cells = ([r.place] if rank is not None else []) + [r.group, *map(show_cell, values)]
        if row_total is not None:
            cells.append(show_cell(r.total))
        lines.append(table_row(cells))
    if total is not None:
        lines.append(table_row(_totals_row(fig, fmt, total, rank, row_total, show_cell)))
    return MarkdownText("\n".join(lines))


def _pick(all_rows: list[Any], rows: Sequence[Any] | None, top: int | None) -> list[Any]:
    if rows is not None:
        by_name = {r.group: r for r in all_rows}
        picked = []
        for r in rows:
            name = str(getattr(r, "group", r))
            if name not in by_name:
                raise PressgenError(f"table: the figure has no row {name!r}")
            picked.append(by_name[name])
    else:
        picked = list(all_rows)
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, int) or top < 0:
            raise PressgenError(f"table: top needs a whole number, got {top!r}")
        picked = picked[:top]
    if len(picked) > MAX_ROWS:
        raise PressgenError(f"table: {len(picked)} rows is more than {MAX_ROWS}; pick some")
    return picked


def _totals_row(
    fig: FigureView,
    fmt: Formatter,
    total: str,
    rank: str | None,
    row_total: str | None,
    show: Any,
) -> list[Any]:
    """The totals row: each column's total and the grand total (a group figure's total is
    its whole, where it has one: a share of the whole, a sum)."""
    cells: list[Any] = [""] if rank is not None else []
    cells.append(total)
    if fig.kind == "table":
        t = fig.totals
        cells += [show(c) for c in t.cells]
        if row_total is not None:
            cells.append(show(t.total))
        return cells
    whole = _group_total(fig)
    cells.append(show(whole) if whole is not None else "–")
    return cells


def _group_total(fig: FigureView) -> Any:
    """A group figure's total, where its measure adds up (a count, a sum): the engine's
    total over every row its filter selects. None for the rest (changes, rates, shares)."""
    return fig._figure.extra.get("total")


def _formatted(fmt: Formatter, v: Any, kind: str, currency: Any, decimals: int | None) -> str:
    if v is None:
        return "–"
    if decimals is None:
        return str(CellView(fmt, v, kind, currency))
    if kind in ("share", "change"):
        return fmt.percent(v, decimals)
    if kind == "money":
        return fmt.money(v, str(currency or "GBP"), decimals)
    return fmt.decimal(v, decimals)
