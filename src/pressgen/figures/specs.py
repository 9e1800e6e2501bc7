"""Figure specs: the declarative measures a campaign asks of its data (no Python).

Each spec names a method and its inputs; `figures.compute_figures` evaluates them. The
methods cover what data-driven releases state: totals, counts, means and medians; shares;
change between periods; per-group results with ranks; counts of groups meeting a
condition; rates per head and per unit of time; lookups; ranges; and figures composed
from other figures.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def exact_number(v: Any) -> Any:
    """A TOML float as the exact Decimal it was written as (`0.2` is 0.2, not
    0.2000000000000000111); NaN and infinity are refused in plain words."""
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"{v!r} is not a number a figure can use")
        return Decimal(repr(v))  # the shortest text that reads back as this float
    return v


Scalar = Annotated[str | int | bool | Decimal, BeforeValidator(exact_number)]
Number = Annotated[int | Decimal | str, BeforeValidator(exact_number)]
Rounding = Literal["half_up", "half_even", "down", "up"]
Comparison = Literal["eq", "ne", "gt", "ge", "lt", "le", "in", "not_in"]
#: The kinds a spec may give its figure (`kind = "count"`): each prints its own way.
Kind = Literal["count", "number", "money", "share", "change", "points", "ratio", "rate", "text"]


class Condition(BaseModel):
    """A comparison on a column or measure: `{ gt = 0 }`, `{ in = ["A", "B"] }`."""

    model_config = ConfigDict(extra="forbid", strict=True)

    eq: Scalar | None = None
    ne: Scalar | None = None
    gt: Number | None = None
    ge: Number | None = None
    lt: Number | None = None
    le: Number | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None


# A filter maps a column to a value (equality), a list (membership) or a Condition.
Where = dict[str, Scalar | list[Scalar] | Condition]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    label: str | None = Field(default=None, description="What the figure means, in words.")
    dataset: str | None = Field(default=None, description="Dataset name if not the campaign's.")
    where: Where = Field(default_factory=dict, description="Rows to use.")
    kind: Kind | None = Field(default=None, description="Override the kind: count, money, ...")


class CountSpec(_Spec):
    """Rows matching the filter, or distinct values of a column."""

    method: Literal["count"]
    distinct: str | None = Field(default=None, description="Count distinct values of this column.")


class AggregateSpec(_Spec):
    """Total, mean, median, minimum or maximum of a column."""

    method: Literal["sum", "mean", "median", "min", "max"]
    column: str = Field(description="The numeric column.")


class ShareSpec(_Spec):
    """`part` rows as a share of `where` rows (by `column` total, or by row count)."""

    method: Literal["share"]
    column: str | None = Field(
        default=None, description="Share of this column's total (else rows)."
    )
    part: Where = Field(description="The rows that make the part, within `where`.")


class ChangeSpec(_Spec):
    """Change of a column's total between two periods: relative (`change`) or absolute
    (`difference`)."""

    method: Literal["change", "difference"]
    column: str | None = Field(default=None, description="The column totalled (else rows).")
    period: str = Field(description="The column that holds the period.")
    from_: Scalar = Field(alias="from", description="The earlier period's value.")
    to: Scalar = Field(description="The later period's value.")


class GroupSpec(_Spec):
    """One result per group, ranked: each force's change, top five rises, and so on."""

    method: Literal["group"]
    by: str
    measure: Literal["count", "sum", "mean", "change", "difference", "share", "rate", "ratio"] = (
        "sum"
    )
    column: str | None = None
    period: str | None = None
    from_: Scalar | None = Field(default=None, alias="from")
    to: Scalar | None = None
    part: Where | None = None
    population: Population | None = None
    ties: Literal["name", "value"] = Field(
        default="name",
        description="How groups that share a place are listed: by name (A to Z), or by "
        "exact value (with `rank_decimals`, then by name).",
    )
    rank_decimals: int | None = Field(
        default=None,
        ge=0,
        le=6,
        description="Rank on the value as printed with this many decimals (in per cent for a "
        "share or change), so two groups both printed as 23% are joint third.",
    )
    rounding: Rounding = Field(
        default="half_up", description="How `rank_decimals` rounds, as the house style does."
    )
    per: int = 1
    order: Literal["desc", "asc"] = "desc"
    denominator: str | None = Field(default=None, description="A ratio's denominator column.")
    as_: RatioAs | None = Field(default=None, alias="as", description="How a ratio prints.")


class CountGroupsSpec(_Spec):
    """How many groups meet a condition on their measure ("26 forces saw more thefts")."""

    method: Literal["count_groups"]
    of: str = Field(description="A `group` figure.")
    condition: Condition = Field(
        description="Numbers, or the name of a single-number figure to compare with."
    )
    decimals: int | None = Field(
        default=None,
        ge=0,
        le=6,
        description="Compare each group's value as printed with this many decimals (in per "
        "cent for a share or change): a rise of 0.15% printed as 0% is not counted by gt = 0.",
    )
    rounding: Rounding = Field(
        default="half_up", description="How `decimals` rounds, as the house style does."
    )


class Population(BaseModel):
    """A second dataset joined on a key, for rates per head."""

    model_config = ConfigDict(extra="forbid", strict=True)

    dataset: str = Field(description="The population dataset's name under `[datasets]`.")
    column: str = Field(description="Its column of head counts.")
    on: str = Field(description="The key both datasets share (an area code).")
    where: Where = Field(default_factory=dict, description="Its rows to use.")


class RateSpec(_Spec):
    """A total per head of a population (joined on a key): per 100,000 residents."""

    method: Literal["rate"]
    column: str | None = Field(default=None, description="The column totalled (else rows).")
    population: Population
    per: int = Field(default=100_000, description="Per how many heads.")


class FrequencySpec(_Spec):
    """A figure per unit of time ("66 complaints every hour") or the interval between
    events ("a claim every 17 minutes") over a period of `days`."""

    method: Literal["per_time", "interval"]
    of: str = Field(description="A count or total figure.")
    days: int = Field(gt=0, description="The days the figure covers.")
    unit: Literal["second", "minute", "hour", "day", "week"] = Field(
        default="hour", description="The unit of time."
    )


class LookupSpec(_Spec):
    """The single value of `column` in the row that `where` picks out."""

    method: Literal["lookup"]
    column: str = Field(description="The column whose value is read.")


class RangeSpec(_Spec):
    """Minimum and maximum across the groups of a `group` figure."""

    method: Literal["range"]
    of: str


#: How a ratio prints: as a share ("52 per cent") or as a number (money when its
#: numerator column holds money).
RatioAs = Literal["share", "number"]


class RatioSpec(_Spec):
    """The total of one column over the total of another, over the same rows: claims
    paid / claims decided (`as = "share"`), value of fines / fines issued (the mean fine)."""

    method: Literal["ratio"]
    column: str = Field(description="The numerator column.")
    denominator: str = Field(description="The denominator column.")
    as_: RatioAs | None = Field(default=None, alias="as")


class TableSpec(_Spec):
    """One measure for every pair of a `rows` value and a `columns` value (nation x year),
    with the totals of each row and column, and rows ranked."""

    method: Literal["table"]
    rows: str = Field(description="The column whose values are the table's rows.")
    columns: str = Field(description="The column whose values are the table's columns.")
    values: list[Scalar] | None = Field(
        default=None, description="The `columns` values to show, in order (default: all)."
    )
    measure: Literal["count", "sum", "mean", "ratio", "share"] = "sum"
    column: str | None = None
    denominator: str | None = None
    part: Where | None = None
    as_: RatioAs | None = Field(default=None, alias="as")
    rank_by: Scalar | None = Field(
        default=None, description="The `columns` value that ranks the rows (default: the total)."
    )
    order: Literal["desc", "asc"] = "desc"


class FormulaSpec(_Spec):
    """Arithmetic on other figures, exactly in Decimal: `expr = "a / b"`."""

    method: Literal["formula"]
    expr: str = Field(description="Figure names, numbers, + - * / and brackets.")


class ConstantSpec(_Spec):
    """A number from outside the dataset, stated by the campaign with its source ("43
    forces were asked", "365 days", a survey's sample): declared under `[constants.NAME]`,
    shown in provenance as stated, not computed, and usable in formulas."""

    method: Literal["constant"] = "constant"
    value: Number = Field(
        description='The number, exactly: 44, or "0.5" (a float is read exactly).'
    )
    source: str = Field(min_length=1, description="Where the number comes from, in words.")


FigureSpec = Annotated[
    ConstantSpec
    | CountSpec
    | AggregateSpec
    | ShareSpec
    | ChangeSpec
    | GroupSpec
    | CountGroupsSpec
    | RateSpec
    | FrequencySpec
    | LookupSpec
    | RangeSpec
    | FormulaSpec
    | RatioSpec
    | TableSpec,
    Field(discriminator="method"),
]

GroupSpec.model_rebuild()
