"""The bookkeeping columns a loaded frame carries beside the data's own.

Both the loaders (which add the row number) and the typed dataset (which adds the
suppression flags) name them, so they live below both: a loader never imports the
dataset module that calls it.
"""

from __future__ import annotations

# The row-number column every frame carries (line or row in the source file).
ROW = "__row"
# The prefix of the boolean column that marks a numeric column's suppressed cells.
SUPPRESSED = "__suppressed__"


def suppressed_col(column: str) -> str:
    return SUPPRESSED + column
