"""What templates see: read-only views of figures and quotes that print in house style.

A view's `str()` is the figure's text for the render's locale and style, so a template
can write `{{ f.total }}`; its attributes expose the exact value, the parts and, for
group figures, ranked rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from pressgen.errors import PressgenError
from pressgen.figures.engine import Figure, GroupRow
from pressgen.figures.model import TableRow
from pressgen.release.quotes import Quote, Speaker
from pressgen.text.formatting import Formatter


def format_value(fmt: Formatter, value: Any, kind: str, currency: str | None = None) -> str:
    """The default text of a value of a given kind."""
    if value is None:
        return "n/a"
    if kind == "text" or isinstance(value, str):
        return str(value)
    if kind == "share":
        return fmt.percent(value)
    if kind == "change":
        return fmt.percent(value, fmt.style.change_decimals)
    if kind == "points":
        return fmt.points(value)
    if kind == "money":
        return fmt.money(value, currency or "GBP", None)
    if kind == "count":
        return fmt.count(value)
    if isinstance(value, int) or (
        isinstance(value, Decimal) and value == value.to_integral_value()
    ):
        return fmt.decimal(value, 0)
    return fmt.decimal(value, fmt.style.decimals)


class NumberView:
    """A plain number (the part of a share, a period's total) that prints in house style."""

    def __init__(self, fmt: Formatter, value: Any, kind: str = "count") -> None:
        self.value = value
        self.kind = kind
        self._fmt = fmt

    def __str__(self) -> str:
        return format_value(self._fmt, self.value, self.kind)

    @property
    def text(self) -> str:
        return str(self)


class CellView(NumberView):
    """One value of a table (a cell, a row's or a column's total), printed as the table's
    measure, counts in figures; a cell without a value prints "–". `.count` is the rows
    it counts, `.share` its share of its column's total (tables of a count or a sum)."""

    def __init__(
        self,
        fmt: Formatter,
        value: Any,
        kind: str,
        currency: str | None,
        count: int | None = None,
        share: Any = None,
    ) -> None:
        super().__init__(fmt, value, kind)
        self.currency = currency
        #: the rows the cell counts, and its share of its column's total (a count or sum)
        self.count = NumberView(fmt, count) if count is not None else None
        self.share = CellView(fmt, share, "share", None) if share is not None else None

    def __str__(self) -> str:
        if self.value is None:
            return "–"
        if self.kind == "count":  # a table prints figures, never words ("3", not "three")
            return format_value(self._fmt, self.value, "number")
        return format_value(self._fmt, self.value, self.kind, self.currency)


def place_of(rank: int | None, joint: bool) -> str:
    """A place as a release prints it: '=4' when shared, '4' alone, '–' with no rank."""
    if rank is None:
        return "–"
    return f"={rank}" if joint else str(rank)


class TableRowView:
    """A row of a `table` figure: `.group` (and `.key`), `.cells` (one per column), `.cell(column)`,
    `.total`, `.rank`, `.joint`, `.place` ("=4"). Its text is the group's name."""

    def __init__(self, fmt: Formatter, row: TableRow, figure: Figure) -> None:
        kind = str(figure.extra.get("measure_kind", "count"))
        currency = figure.extra.get("currency")
        self._columns: tuple[str, ...] = tuple(figure.extra.get("columns", ()))
        self.group = row.group
        self.key = row.group  # as a group row's: the value as the data holds it
        self.rank = row.rank
        self.joint = row.joint
        self.rows = row.rows
        self.kind = kind
        counts = row.counts or (None,) * len(row.cells)
        shares = row.shares or (None,) * len(row.cells)
        self.cells = [
            CellView(fmt, v, kind, currency, n, sh)
            for v, n, sh in zip(row.cells, counts, shares, strict=True)
        ]
        self.total = CellView(fmt, row.total, kind, currency, row.rows, row.total_share)
        ranked_by = str(figure.extra.get("ranked_by", ""))
        self.value = (
            row.cells[self._columns.index(ranked_by)] if ranked_by in self._columns else row.total
        )

    def __str__(self) -> str:
        return self.group

    @property
    def text(self) -> str:
        return str(self)

    @property
    def place(self) -> str:
        """'=4' for a shared fourth place, '4' otherwise ('–' for the totals row)."""
        return place_of(self.rank, self.joint)

    def cell(self, column: Any) -> CellView:
        """The cell in `column` (a value of the table's column key: 2016 or "2016")."""
        key = str(getattr(column, "value", column))
        if key not in self._columns:
            raise PressgenError(f"the table has no column {key!r}")
        return self.cells[self._columns.index(key)]


class GroupRowView:
    def __init__(self, fmt: Formatter, row: GroupRow, kind: str) -> None:
        self._fmt = fmt
        self._row = row
        self.group = row.shown  # the manifest's display label, if it gives one
        self.key = row.group  # the value as the data holds it
        self.value = row.value
        self.rank = row.rank
        self.joint = row.joint
        self.rows = row.rows
        self.kind = kind
        self.currency: str | None = None
        self.base = NumberView(fmt, row.base) if row.base is not None else None
        self.target = NumberView(fmt, row.target) if row.target is not None else None

    def __str__(self) -> str:
        return format_value(self._fmt, self.value, self.kind, self.currency)

    @property
    def text(self) -> str:
        return str(self)

    @property
    def place(self) -> str:
        """'=4' for a shared fourth place, '4' otherwise."""
        return place_of(self.rank, self.joint)


class FigureView:
    def __init__(self, fmt: Formatter, figure: Figure) -> None:
        self._fmt = fmt
        self._figure = figure
        self.name = figure.name
        self.kind = figure.kind
        self.value = figure.value
        self.label = figure.label
        self.warnings = figure.warnings
        self.provenance = figure.provenance
        self._text: str | None = None

    def __str__(self) -> str:
        # Figures are immutable and a view belongs to one formatter: format once.
        if self._text is None:
            self._text = self._format()
        return self._text

    def _format(self) -> str:
        fig = self._figure
        if fig.kind in ("groups", "table"):
            return self._fmt.join([r.group for r in self.rows])
        if fig.kind == "range":
            lo, hi = fig.value
            k = fig.extra.get("measure_kind", "count")
            return f"{format_value(self._fmt, lo, k)}–{format_value(self._fmt, hi, k)}"
        return format_value(self._fmt, fig.value, fig.kind, fig.extra.get("currency"))

    @property
    def text(self) -> str:
        return str(self)

    # parts of shares, changes, rates and ranges
    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        extra = self._figure.extra
        if key in extra:
            v = extra[key]
            if isinstance(v, int | Decimal) and not isinstance(v, bool):
                kind = "count" if isinstance(v, int) else "number"
                return NumberView(self._fmt, v, kind)
            return v
        if self._figure.kind == "range" and key in ("min", "max"):
            lo, hi = self._figure.value
            return NumberView(
                self._fmt, lo if key == "min" else hi, extra.get("measure_kind", "count")
            )
        raise AttributeError(f"figure {self.name!r} has no {key!r}")

    # group figures (and tables: their rows)
    @property
    def rows(self) -> list[Any]:
        if self._figure.kind == "table":
            return [TableRowView(self._fmt, r, self._figure) for r in self._figure.value]
        if self._figure.kind != "groups":
            raise PressgenError(f"figure {self.name!r} is not a group figure")
        kind = self._figure.extra.get("measure_kind", "count")
        currency = self._figure.extra.get("currency")
        rows = [GroupRowView(self._fmt, r, kind) for r in self._figure.value]
        if currency:
            for r in rows:
                r.currency = currency
        return rows

    def top(self, n: int = 5) -> list[Any]:
        return [r for r in self.rows if r.value is not None][:n]

    def bottom(self, n: int = 3) -> list[Any]:
        valued = [r for r in self.rows if r.value is not None]
        return list(reversed(valued[-n:])) if n else []

    # tables
    @property
    def totals(self) -> TableRowView:
        """A table's totals row: each column's total (`.cells`) and the grand `.total`."""
        row = self._figure.extra.get("totals")
        if self._figure.kind != "table" or not isinstance(row, TableRow):
            raise PressgenError(f"figure {self.name!r} is not a table")
        return TableRowView(self._fmt, row, self._figure)

    def cell(self, group: Any, column: Any) -> CellView:
        """A table's cell by its row (a group name or row) and its column."""
        name = str(getattr(group, "group", group))
        for r in self.rows:
            if r.group == name:
                return r.cell(column)  # type: ignore[no-any-return]
        raise PressgenError(f"figure {self.name!r} has no row {name!r}")

    @property
    def first(self) -> Any:
        rows = self.top(1)
        if not rows:
            raise PressgenError(f"figure {self.name!r} has no groups")
        return rows[0]

    def group(self, name: str) -> Any:
        for r in self.rows:
            if name in (r.key, r.group):
                return r
        raise PressgenError(f"figure {self.name!r} has no group {name!r}")

    def __len__(self) -> int:
        return len(self._figure.value) if self._figure.kind in ("groups", "table") else 1


class FigureMap(Mapping[str, FigureView]):
    """`f.name` and `f['name']`; an unknown name is an error naming it."""

    def __init__(self, fmt: Formatter, figures: Mapping[str, Figure]) -> None:
        self._views = {k: FigureView(fmt, v) for k, v in figures.items()}
        # `f.name` found by plain attribute lookup, not through __getattr__ (which runs
        # only after a failed lookup, an exception each time: ~1 µs, ~20 times a
        # release). Names the class has (`items`, `get`) still mean what they meant.
        cls = type(self)
        self.__dict__.update(
            (k, v) for k, v in self._views.items() if k[:1] != "_" and not hasattr(cls, k)
        )

    def __getitem__(self, key: str) -> FigureView:
        try:
            return self._views[key]
        except KeyError:
            raise PressgenError(f"no figure {key!r} in this campaign") from None

    def __getattr__(self, key: str) -> FigureView:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._views)

    def __len__(self) -> int:
        return len(self._views)


class QuoteView:
    def __init__(
        self,
        slot: str,
        quote: Quote,
        speaker: Speaker,
        problem: str | None,
        locale: str | None = None,
    ) -> None:
        self.slot = slot
        self.id = quote.id
        self.text = quote.text if locale is None else quote.text_for(locale)
        self.speaker = speaker
        self.attribution = speaker.attribution
        self.approved = problem is None
        self.problem = problem

    def __str__(self) -> str:
        return self.text
