"""What every data-file loader shares: the row column, the size limits, and turning a
library's failure into pressgen's one error type."""

from __future__ import annotations

import os
from pathlib import Path

from pressgen.errors import PressgenError
from pressgen.sources.columns import ROW as ROW  # re-exported for the loaders


def _limit(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise PressgenError(f"{name} must be a whole number, got {raw!r}") from None
    if value <= 0:
        raise PressgenError(f"{name} must be positive, got {raw!r}")
    return value


MB = 1024 * 1024


def max_data_mb() -> int:
    """Largest data file read (and largest XLSX once unzipped), in MB."""
    return _limit("PRESSGEN_MAX_DATA_MB", 1024)


def max_cells() -> int:
    """Largest XLSX sheet area (rows x columns) read."""
    return _limit("PRESSGEN_MAX_SHEET_CELLS", 20_000_000)


MAX_FIELD_CHARS = 100_000  # one cell; a release never quotes more than a paragraph
MAX_JSON_DIGITS = 40  # a number longer than this is no statistic
PREVIEW_BYTES = 64 * 1024


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def too_big(path: Path, size: int) -> PressgenError:
    return PressgenError(
        f"file is {size / MB:,.0f} MB, larger than the limit of {max_data_mb():,} MB "
        "(set PRESSGEN_MAX_DATA_MB to raise it)",
        path=path,
    )
