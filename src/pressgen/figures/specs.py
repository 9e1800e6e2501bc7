"""Figure specs: the declarative measures a campaign asks of its data (no Python).

Each spec names a method and its inputs; `figures.compute_figures` evaluates them. The
methods cover what data-driven releases state: totals, counts, means and medians; shares;
change between periods; per-group results with ranks; counts of groups meeting a
condition; rates per head and per unit of time; lookups; ranges; and figures composed
from other figures.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Scalar = str | int | bool
Comparison = Literal["eq", "ne", "gt", "ge", "lt", "le", "in", "not_in"]


class Condition(BaseModel):
    """A comparison on a column or measure: `{ gt = 0 }`, `{ in = ["A", "B"] }`."""

    model_config = ConfigDict(extra="forbid", strict=True)

    eq: Scalar | None = None
    ne: Scalar | None = None
    gt: int | str | None = None
    ge: int | str | None = None
    lt: int | str | None = None
    le: int | str | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in")
    not_in: list[Scalar] | None = None


# A filter maps a column to a value (equality), a list (membership) or a Condition.
Where = dict[str, Scalar | list[Scalar] | Condition]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    label: str | None = Field(default=None, description="What the figure means, in words.")
    dataset: str | None = Field(default=None, description="Dataset name if not the campaign's.")
    where: Where = Field(default_factory=dict, description="Rows to use.")
    kind: str | None = Field(default=None, description="Override the kind: count, money, ...")


class CountSpec(_Spec):
    """Rows matching the filter, or distinct values of a column."""

    method: Literal["count"]
    distinct: str | None = None


class AggregateSpec(_Spec):
    """Total, mean, median, minimum or maximum of a column."""

    method: Literal["sum", "mean", "median", "min", "max"]
    column: str


class ShareSpec(_Spec):
    """`part` rows as a share of `where` rows (by `column` total, or by row count)."""

    method: Literal["share"]
    column: str | None = None
    part: Where


class ChangeSpec(_Spec):
    """Change of a column's total between two periods: relative (`change`) or absolute
    (`difference`)."""

    method: Literal["change", "difference"]
    column: str | None = None
    period: str = Field(description="The column that holds the period.")
    from_: Scalar = Field(alias="from")
    to: Scalar


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
    per: int = 1
    order: Literal["desc", "asc"] = "desc"
    denominator: str | None = Field(default=None, description="A ratio's denominator column.")
    as_: RatioAs | None = Field(default=None, alias="as", description="How a ratio prints.")


class CountGroupsSpec(_Spec):
    """How many groups meet a condition on their measure ("26 forces saw more thefts")."""

    method: Literal["count_groups"]
    of: str = Field(description="A `group` figure.")
    condition: Condition


class Population(BaseModel):
    """A second dataset joined on a key, for rates per head."""

    model_config = ConfigDict(extra="forbid", strict=True)

    dataset: str
    column: str
    on: str
    where: Where = Field(default_factory=dict)


class RateSpec(_Spec):
    """A total per head of a population (joined on a key): per 100,000 residents."""

    method: Literal["rate"]
    column: str | None = None
    population: Population
    per: int = 100_000


class FrequencySpec(_Spec):
    """A figure per unit of time ("66 complaints every hour") or the interval between
    events ("a claim every 17 minutes") over a period of `days`."""

    method: Literal["per_time", "interval"]
    of: str = Field(description="A count or total figure.")
    days: int = Field(gt=0)
    unit: Literal["second", "minute", "hour", "day", "week"] = "hour"


class LookupSpec(_Spec):
    """The single value of `column` in the row that `where` picks out."""

    method: Literal["lookup"]
    column: str


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
    expr: str


FigureSpec = Annotated[
    CountSpec
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
