"""Control characters in data cells: removed from the columns found holding them, each
column's with a warning naming the file, the first line or row and the column;
bidirectional controls refused. The rules are storage/cleantext.py's, applied to whole
columns at once (sources/dataset.py finds the columns while typing them)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pressgen.sources.loaders.common import ROW
from pressgen.storage.cleantext import (
    ANY_CONTROL,
    BIDI_PATTERN,
    CONTROL_PATTERN,
    describe,
    refuse_bidi,
)
from pressgen.storage.cleantext import strip_controls as strip_text


def clean_cells(
    frame: pl.DataFrame, wanted: list[str], path: Path, label: str
) -> tuple[pl.DataFrame, tuple[str, ...]]:
    """`frame` with control characters removed from the wanted text columns, and one
    warning per column that had any. `label` is how a row is named: line, row, record."""
    names = [n for n in wanted if frame.schema[n] == pl.String]
    if not names:
        return frame, ()
    # One pass over every column finds the few that need a closer look.
    hits = frame.select(pl.col(n).str.contains(ANY_CONTROL).any() for n in names).row(0)
    dirty = [n for n, hit in zip(names, hits, strict=True) if hit]
    notes: list[str] = []
    fixed: list[pl.Series] = []
    for name in dirty:
        col = frame[name]
        bidi = col.str.contains(BIDI_PATTERN).fill_null(False)
        if bidi.any():
            row = int(frame.filter(bidi)[ROW][0])
            text = frame.filter(bidi)[name][0]
            refuse_bidi(text, path=path, where=f"{label} {row}, column {name!r}")
        # A Windows line ending inside a quoted cell is a newline, and needs no word.
        lines = col.str.replace_all("\r\n", "\n", literal=True)
        cleaned = lines.str.replace_all(CONTROL_PATTERN, "")
        changed = (cleaned != lines).fill_null(False)
        count = int(changed.sum())
        if count:
            first_row = frame.filter(changed).head(1)
            removed = strip_text(first_row[name][0])[1]
            more = (
                f"; {count - 1:,} more cell{'s' if count > 2 else ''} in the column had them too"
                if count > 1
                else ""
            )
            notes.append(
                f"{path}: {label} {int(first_row[ROW][0])}, column {name!r}: "
                f"removed {describe(removed)}{more}"
            )
        fixed.append(cleaned.alias(name))
    if fixed:
        frame = frame.with_columns(fixed)
    return frame, tuple(notes)
