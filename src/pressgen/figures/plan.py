"""The contract between the engine and its figure methods, and what methods share.

A data method has two halves, both written once: `plan` checks a spec against its
dataset (columns, types, literals) and names the aggregations it reads (`Agg` keys, see
`source`); `build` makes the figure from their values. The engine calls `build` with
values from the whole frame, from a cube of cells or from one group of a batch alike.
A derived method (a formula, a range...) is planned the same way but builds from other
figures instead of aggregations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar

from pressgen.errors import PressgenError
from pressgen.figures.model import (
    SMALL_COUNT,
    Figure,
    Provenance,
    Value,
    exact_value,
)
from pressgen.figures.source import Agg, Keys, Values
from pressgen.figures.where import Selection, joined_filter
from pressgen.sources.manifest import scale_note

if TYPE_CHECKING:
    from pressgen.figures.specs import FigureSpec
    from pressgen.sources.dataset import Dataset

K = TypeVar("K")
#: How a derived method asks for another figure: `figure(name, wanted_by)`.
FigureLookup = Callable[[str, str], Figure]


# The classes here are plain (slots, tuples), not dataclasses: each dataclass costs a
# cold `pressgen render` about a millisecond to define.


class Datasets:
    """The datasets a campaign's specs may read, and which one they read by default.
    Every plan made with the same Datasets shares its aggregation keys (`keys`)."""

    __slots__ = ("by_name", "default", "keys")

    def __init__(self, by_name: Mapping[str, Dataset], default: str) -> None:
        self.by_name = by_name
        self.default = default
        self.keys = Keys()

    def key(self, name: str | None) -> str:
        return name or self.default

    def get(self, name: str | None, figure: str) -> Dataset:
        key = self.key(name)
        try:
            return self.by_name[key]
        except KeyError:
            raise PressgenError(
                f"no dataset {key!r} loaded", where=f"figures.{figure}.dataset"
            ) from None


class Plan(Generic[K]):
    """A spec checked against its dataset: the aggregations it reads (`aggs`), the
    method's own named keys into them (`keys`), and what its provenance says of the
    data. Plans hold no rows, so a batch's workers can build from them."""

    __slots__ = ("aggs", "filter", "keys", "name", "note", "source", "spec", "title")

    def __init__(
        self,
        name: str,
        spec: Any,
        aggs: tuple[Agg, ...],
        keys: K,
        source: str = "",
        title: str = "",
        filter: str = "",
        note: str = "",
    ) -> None:
        self.name = name
        self.spec = spec
        self.aggs = aggs
        self.keys = keys
        self.source = source
        self.title = title
        self.filter = filter
        self.note = note  # what the method reads of the source, e.g. a column's scale

    @property
    def label(self) -> str | None:
        label: str | None = self.spec.label
        return label


class Scope(NamedTuple):
    """Where a figure is built: within a group (`prefix` is its filter, "force = 'Kent'")
    or over the whole dataset (""), and the threshold for small numbers."""

    prefix: str = ""
    small: int = SMALL_COUNT


class DataMethod(Protocol):
    """A method that reads data: count, sum, share, change, group, rate, lookup..."""

    def plan(self, name: str, spec: Any, data: Datasets) -> Plan[Any]: ...

    def build(self, plan: Plan[Any], got: Values, scope: Scope) -> Figure: ...


class DerivedMethod(Protocol):
    """A method built from other figures: count_groups, per_time, range, formula."""

    def plan(self, name: str, spec: Any, data: Datasets) -> Plan[Any]: ...

    def derive(self, plan: Plan[Any], figure: FigureLookup) -> Figure: ...


def data_plan(
    name: str, spec: Any, ds: Dataset, aggs: tuple[Agg, ...], keys: K, filt: str
) -> Plan[K]:
    return Plan(
        name, spec, aggs, keys, ds.manifest.file, ds.manifest.title, filt, _scales(spec, ds)
    )


def _scales(spec: Any, ds: Dataset) -> str:
    """Provenance's words for the scaled columns the spec reads ("workers in thousands
    in the source, ×1,000"); "" when it reads none."""
    scaled = {n: c.scale for n, c in ds.manifest.columns.items() if c.scale != 1}
    if not scaled:
        return ""
    read = [v for v in vars(spec).values() if isinstance(v, str) and v in scaled]
    return "; ".join(scale_note(n, scaled[n]) for n in dict.fromkeys(read))


def with_kind(fig: Figure, spec: FigureSpec) -> Figure:
    """A spec's `kind` overrides the kind its method gives."""
    if not spec.kind:
        return fig
    # Built directly: dataclasses.replace looks up the fields every call (a batch makes
    # this for such a figure in every group).
    return Figure(
        fig.name, spec.kind, fig.value, fig.provenance, fig.label, fig.warnings, fig.extra
    )


def numeric(ds: Dataset, column: str, figure: str) -> str:
    """The column's type, which must hold numbers."""
    col = ds.column(column, where=f"figures.{figure}.column")
    if col.type not in ("int", "decimal"):
        raise PressgenError(
            f"column {column!r} holds {col.type}, not numbers", where=f"figures.{figure}.column"
        )
    return col.type


class Matched(NamedTuple):
    """The rows a selection matches: how many, and their first row numbers."""

    rows: Agg
    nums: Agg

    @classmethod
    def of(cls, keys: Keys, dataset: str, sel: Selection) -> Matched:
        return cls(keys(dataset, "rows", sel), keys(dataset, "nums", sel))

    def aggs(self) -> tuple[Agg, ...]:
        return (self.rows, self.nums)


class Total(NamedTuple):
    """A column's total over a selection, or its row count when there is no column;
    with the cells that hold a value and the suppressed ones (what the total leaves out).
    With `by`, every value is a dict from the `by` value to the group's own."""

    rows: Agg
    sum: Agg | None = None
    present: Agg | None = None  # its cells that hold a value
    suppressed: Agg | None = None

    @classmethod
    def of(
        cls, keys: Keys, dataset: str, sel: Selection, column: str | None, by: str | None = None
    ) -> Total:
        rows = keys(dataset, "rows", sel, None, by)
        if column is None:
            return cls(rows)
        return cls(
            rows,
            keys(dataset, "sum", sel, column, by),
            keys(dataset, "count", sel, column, by),
            keys(dataset, "suppressed", sel, column, by),
        )

    @property
    def column(self) -> str | None:
        return None if self.sum is None else self.sum.column

    def aggs(self) -> tuple[Agg, ...]:
        return tuple(a for a in (self.rows, self.sum, self.present, self.suppressed) if a)

    def value(self, got: Values) -> Value:
        if self.sum is None:
            return int(got[self.rows])
        return exact_value(got[self.sum])

    def cells(self, got: Values) -> tuple[int, int, int]:
        """Rows, cells with a value, suppressed cells."""
        rows = int(got[self.rows])
        if self.present is None or self.suppressed is None:
            return rows, rows, 0
        return rows, int(got[self.present]), int(got[self.suppressed] or 0)

    def value_in(self, got: Values, key: str) -> Value:
        if self.sum is None:
            return int(got[self.rows].get(key, 0))
        return exact_value(got[self.sum].get(key))

    def cells_in(self, got: Values, key: str) -> tuple[int, int, int]:
        rows = int(got[self.rows].get(key, 0))
        if self.present is None or self.suppressed is None:
            return rows, rows, 0
        return rows, int(got[self.present].get(key, 0)), int(got[self.suppressed].get(key) or 0)


def check_usable(name: str, column: str | None, cells: tuple[int, int, int], at: str = "") -> None:
    """A figure whose rows hold no value in its column has nothing to print: an error
    naming the figure and the missing cells, never a total of 0."""
    rows, present, suppressed = cells
    if column is None or rows == 0 or present:
        return
    within = f" {at}" if at else ""
    if rows == 1:
        what = "suppressed in the source" if suppressed else "missing"
        cells_text = f"its one cell of {column!r}{within} is {what}"
    else:
        hidden = f" ({suppressed} of them suppressed in the source)" if suppressed else ""
        cells_text = f"all {rows} cells of {column!r}{within} it reads are missing{hidden}"
    raise PressgenError(f"no usable value: {cells_text}", where=f"figures.{name}")


def warnings_for(
    value: Any, kind: str, suppressed: int, rows: int, column: str | None, small: int
) -> tuple[str, ...]:
    """The warnings a figure carries (suppressed cells, no rows, small numbers)."""
    out: list[str] = []
    if suppressed:
        out.append(
            f"{suppressed} suppressed cell{'s' if suppressed != 1 else ''} in {column!r} "
            "left out: the true figure may be higher"
        )
    if rows == 0:
        out.append("no rows match the filter")
    if kind == "count" and isinstance(value, int) and 0 < value < small:
        out.append(
            f"small number ({value} < {small}): could identify individuals; "
            "decide before publishing"
        )
    return tuple(out)


def provenance(
    plan: Plan[Any],
    scope: Scope,
    method: str,
    rows: int,
    numbers: Any = (),
    suppressed: int = 0,
) -> Provenance:
    # Positional, and the row numbers through map: a batch makes this for every figure
    # of every group (keywords and a generator were a third of building a group).
    return Provenance(
        plan.source,
        plan.title,
        f"{method} ({plan.note})" if plan.note else method,
        joined_filter(scope.prefix, plan.filter),
        rows,
        tuple(map(int, numbers or ())),
        suppressed,
    )
