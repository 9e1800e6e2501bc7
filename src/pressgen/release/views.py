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
        self.base = NumberView(fmt, row.base) if row.base is not None else None
        self.target = NumberView(fmt, row.target) if row.target is not None else None

    def __str__(self) -> str:
        return format_value(self._fmt, self.value, self.kind)

    @property
    def text(self) -> str:
        return str(self)

    @property
    def place(self) -> str:
        """'=4' for a shared fourth place, '4' otherwise."""
        if self.rank is None:
            return "–"
        return f"={self.rank}" if self.joint else str(self.rank)


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
        if fig.kind == "groups":
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

    # group figures
    @property
    def rows(self) -> list[GroupRowView]:
        if self._figure.kind != "groups":
            raise PressgenError(f"figure {self.name!r} is not a group figure")
        kind = self._figure.extra.get("measure_kind", "count")
        return [GroupRowView(self._fmt, r, kind) for r in self._figure.value]

    def top(self, n: int = 5) -> list[GroupRowView]:
        return [r for r in self.rows if r.value is not None][:n]

    def bottom(self, n: int = 3) -> list[GroupRowView]:
        valued = [r for r in self.rows if r.value is not None]
        return list(reversed(valued[-n:])) if n else []

    @property
    def first(self) -> GroupRowView:
        rows = self.top(1)
        if not rows:
            raise PressgenError(f"figure {self.name!r} has no groups")
        return rows[0]

    def group(self, name: str) -> GroupRowView:
        for r in self.rows:
            if name in (r.key, r.group):
                return r
        raise PressgenError(f"figure {self.name!r} has no group {name!r}")

    def __len__(self) -> int:
        return len(self._figure.value) if self._figure.kind == "groups" else 1


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
