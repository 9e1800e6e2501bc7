"""Pivoted tables (one column per year): turned into a long table with a period column
and a value column, which is what figure specs compute from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressgen.angles.periods import period_key, period_kind
from pressgen.sources.dataset import ROW
from pressgen.sources.manifest import Column, ColumnType, Manifest

if TYPE_CHECKING:
    import polars as pl

PERIOD, VALUE = "period", "value"


def unpivot(manifest: Manifest, raw: pl.DataFrame) -> tuple[Manifest, pl.DataFrame] | None:
    """The long form of a table whose numeric columns are named by periods, or None."""
    numeric = [n for n, c in manifest.columns.items() if c.type in ("int", "decimal")]
    periods = [n for n in numeric if period_key(n) is not None]
    if len(periods) < 2 or period_kind(periods) is None:
        return None
    scales = {manifest.columns[p].scale for p in periods}
    if len(scales) > 1:
        return None  # one value column cannot hold thousands and units at once
    others = [n for n in manifest.columns if n not in periods]
    if PERIOD in others or VALUE in others:
        return None
    long = raw.unpivot(
        index=[ROW, *others], on=periods, variable_name=PERIOD, value_name=VALUE
    ).select([ROW, *others, PERIOD, VALUE])
    kind: ColumnType = (
        "decimal" if any(manifest.columns[p].type == "decimal" for p in periods) else "int"
    )
    columns = {n: manifest.columns[n] for n in others}
    columns[PERIOD] = Column(type="text", label="period")
    columns[VALUE] = Column(type=kind, label="value", scale=scales.pop())
    stem = manifest.file.rsplit(".", 1)[0]
    return manifest.model_copy(update={"columns": columns, "file": f"{stem}-long.csv"}), long
