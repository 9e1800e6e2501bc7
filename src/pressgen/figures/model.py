"""What a computed figure is: an exact value, its kind and the provenance that explains it.

A `Figure` holds an exact value (int or Decimal, never a binary float), its kind, and a
`Provenance`: the source file, the filter, the rows matched, the method and any
suppressed cells it touched. Nothing here reads data; the engine and its methods make
figures, the views and exports read them.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pressgen.errors import PressgenError

Value = int | Decimal
#: How many row numbers a figure's provenance lists.
MAX_ROW_NUMBERS = 50
#: Counts below this are flagged as possibly identifying (a campaign may change it).
SMALL_COUNT = 5
#: The method a constant's provenance names: stated by the campaign, not computed.
STATED = "stated in the campaign (not computed from data)"
#: The arithmetic every figure is computed in (34 significant digits, banker's rounding).
DECIMAL_CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)


@dataclass(frozen=True)
class Provenance:
    """Where a figure came from: enough to explain it to a journalist and to re-check it."""

    source: str
    dataset: str
    method: str
    filter: str
    rows: int
    row_numbers: tuple[int, ...] = ()
    suppressed: int = 0
    inputs: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dataset": self.dataset,
            "method": self.method,
            "filter": self.filter,
            "rows": self.rows,
            "row_numbers": list(self.row_numbers),
            "suppressed": self.suppressed,
            "inputs": list(self.inputs),
        }


@dataclass(frozen=True)
class GroupRow:
    """One group's result within a `group` figure; `rank` is a competition rank (1, 2, 2, 4)
    and `joint` says the rank is shared. `group` is the value as the data holds it (what
    filters and lookups use); `label` is how it reads in a release, when the manifest
    gives the value a display label (`shown` is the one to print)."""

    group: str
    value: Value | None
    rank: int | None
    joint: bool
    rows: int
    suppressed: int = 0
    base: Value | None = None
    target: Value | None = None
    label: str | None = None

    @property
    def shown(self) -> str:
        return self.label if self.label is not None else self.group

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            **({"label": self.label} if self.label is not None else {}),
            "value": json_value(self.value),
            "rank": self.rank,
            "joint": self.joint,
            "rows": self.rows,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class TableRow:
    """One row of a `table` figure: a value per column (None where the cell has none), the
    row's total over those columns, its competition rank and whether it is shared; each
    cell's row count (`counts`) and, where the measure adds up (a count, a sum), each
    cell's share of its column's total (`shares`) and the row total's share of the
    grand total. The totals row of a table has no group name and no rank."""

    group: str
    cells: tuple[Value | None, ...]
    total: Value | None
    rank: int | None
    joint: bool
    rows: int
    suppressed: int = 0
    counts: tuple[int, ...] = ()
    shares: tuple[Value | None, ...] = ()
    total_share: Value | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "cells": [json_value(c) for c in self.cells],
            "total": json_value(self.total),
            "rank": self.rank,
            "joint": self.joint,
            "rows": self.rows,
            "suppressed": self.suppressed,
            "counts": list(self.counts),
            "shares": [json_value(c) for c in self.shares],
            "total_share": json_value(self.total_share),
        }


@dataclass(frozen=True)
class Figure:
    """A computed figure. `value` is exact; for `groups` it is a tuple of GroupRow and for
    `range` a (min, max) pair; `extra` carries the parts (part and whole of a share, the
    two periods of a change)."""

    name: str
    kind: str
    value: Any
    provenance: Provenance
    label: str | None = None
    warnings: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "value": json_value(self.value),
            "extra": {k: json_value(v) for k, v in self.extra.items()},
            "warnings": list(self.warnings),
            "provenance": self.provenance.as_dict(),
        }


def json_value(v: Any) -> Any:
    """Exact JSON form: ints stay numbers, Decimals become strings of plain decimals (no
    float rounding, no exponent)."""
    if isinstance(v, Decimal):
        # Plain digits, never exponent form: 14070 is "14070", not "1.407E+4".
        return format(v.normalize() if v == v.to_integral_value() else v, "f")
    if isinstance(v, GroupRow | TableRow):
        return v.as_dict()
    if isinstance(v, tuple | list):
        return [json_value(x) for x in v]
    return v


def exact_value(v: Any) -> Value:
    """A value from the engine as an exact int or Decimal (missing is 0)."""
    if v is None:
        return 0
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int | Decimal):
        return v
    if isinstance(v, float):
        # Only reached for engines that return floats; the repr keeps what was stored.
        return Decimal(repr(v))
    raise PressgenError(f"not a number: {v!r}")
