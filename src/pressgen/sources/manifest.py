"""The dataset manifest: what a data file holds, where it came from, how to read it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ColumnType = Literal["text", "int", "decimal", "date", "bool"]

DEFAULT_SUPPRESSION = ("<5", "*", "[c]", "..")
DEFAULT_MISSING = ("", "N/A", "n/a", "NA", ":", "-", "[x]", "[z]")


class Column(BaseModel):
    """One column of the data file."""

    model_config = ConfigDict(extra="forbid", strict=True)

    type: ColumnType = "text"
    label: str | None = Field(default=None, description="How the column reads in a release.")
    unit: str | None = Field(default=None, description="e.g. 'people', 'GBP', 'minutes'.")
    currency: str | None = Field(default=None, description="ISO code when the column is money.")
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="Display labels: a value as the data holds it -> how a release names it "
        "(filters still use the value).",
    )
    scale: int = Field(
        default=1,
        ge=1,
        description="The unit the source counts in, as a whole number: `1000` when a table "
        "gives thousands ('14,424' read as 14,424,000). Every value is read as value x scale, "
        "exactly, and provenance says so; filters and conditions see the scaled value.",
    )

    @model_validator(mode="after")
    def _scale_needs_numbers(self) -> Column:
        if self.scale != 1 and self.type not in ("int", "decimal"):
            raise ValueError(f"scale applies to numbers; this column holds {self.type}")
        return self


class Source(BaseModel):
    """Where the data came from, for notes to editors."""

    model_config = ConfigDict(extra="forbid", strict=True)

    publisher: str
    reference: str | None = Field(default=None, description="FoI or publication reference.")
    obtained_by: str | None = None
    date: dt.date | None = Field(default=None, description="Date of the response or release.")
    url: str | None = None
    period: str | None = Field(default=None, description="Period the data covers.")


class Manifest(BaseModel):
    """A dataset: its file, columns, provenance and suppression markers."""

    model_config = ConfigDict(extra="forbid", strict=True)

    title: str
    file: str = Field(description="Data file, relative to the manifest.")
    format: Literal["csv", "xlsx", "json", "parquet"] | None = None
    sheet: str | None = Field(default=None, description="Worksheet name for XLSX files.")
    delimiter: str | None = Field(default=None, min_length=1, max_length=1)
    decimal_mark: Literal[".", ","] = "."
    encoding: Literal["utf-8", "utf-16", "cp1252", "latin-1"] = "utf-8"
    source: Source
    counted: str | None = Field(default=None, description="What one unit is, e.g. 'attendances'.")
    notes: str | None = None
    illustrative: bool = Field(default=False, description="True when figures are invented.")
    columns: dict[str, Column]
    suppression: list[str] = Field(default_factory=lambda: list(DEFAULT_SUPPRESSION))
    missing: list[str] = Field(default_factory=lambda: list(DEFAULT_MISSING))

    @field_validator("columns")
    @classmethod
    def _some_columns(cls, v: dict[str, Column]) -> dict[str, Column]:
        if not v:
            raise ValueError("a dataset needs at least one column")
        return v


def scale_note(column: str, scale: int) -> str:
    """What provenance says of a scaled column: "workers in thousands in the source,
    ×1,000"."""
    unit = _SCALE_WORDS.get(scale, f"units of {scale:,}")
    return f"{column} in {unit} in the source, \u00d7{scale:,}"


_SCALE_WORDS = {100: "hundreds", 1000: "thousands", 1_000_000: "millions", 10**9: "billions"}
