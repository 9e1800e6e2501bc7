"""Data-file loaders: each reads one format as text columns plus a row-number column,
refusing what it cannot read safely with one line naming the file and the place."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from polars.exceptions import PanicException

from pressgen.errors import PressgenError
from pressgen.sources.loaders.common import MB, ROW, first_line, max_data_mb, too_big
from pressgen.sources.loaders.headers import check_header
from pressgen.sources.manifest import Manifest

__all__ = ["ROW", "read_text_frame"]


def read_text_frame(manifest: Manifest, path: Path, wanted: list[str]) -> pl.DataFrame:
    """The wanted columns as text, with `ROW` holding each value's line or row number.
    Cells are as the file has them: control characters are found (and removed) while the
    columns are typed, where the probes that find them cost nothing extra."""
    fmt = manifest.format or path.suffix.lower().lstrip(".")
    try:
        if fmt == "csv":
            from pressgen.sources.loaders.csvfile import read_csv

            frame = read_csv(manifest, path, wanted)
        elif fmt == "xlsx":
            from pressgen.sources.loaders.xlsxfile import read_xlsx

            frame = read_xlsx(manifest, path, wanted)
        elif fmt == "json":
            from pressgen.sources.loaders.jsonfile import read_json

            frame = read_json(manifest, path, wanted)
        elif fmt == "parquet":
            frame = _read_parquet(manifest, path, wanted)
        else:
            raise PressgenError(f"unsupported data format {fmt!r}", path=path)
    except PressgenError:
        raise
    except (pl.exceptions.PolarsError, OSError, ValueError, PanicException) as exc:
        raise PressgenError(
            f"cannot read {fmt.upper()} data: {first_line(exc)}", path=path
        ) from None
    except (RecursionError, MemoryError) as exc:
        raise PressgenError(
            f"cannot read {fmt.upper()} data: {type(exc).__name__}", path=path
        ) from None
    except Exception as exc:  # the last net: a reader library's own exception type
        raise PressgenError(
            f"cannot read {fmt.upper()} data: {first_line(exc)}", path=path
        ) from None
    return frame.with_columns(pl.col(ROW).cast(pl.Int64))


def _read_parquet(manifest: Manifest, path: Path, wanted: list[str]) -> pl.DataFrame:
    size = path.stat().st_size
    if size > max_data_mb() * MB:
        raise too_big(path, size)
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != b"PAR1":
        raise PressgenError("is not a Parquet file", path=path)
    lf = pl.scan_parquet(path)
    schema = lf.collect_schema()
    check_header(schema.names(), list(manifest.columns), path, where="columns")
    for name in wanted:
        if schema[name].is_nested():
            raise PressgenError(
                "holds nested values; only plain columns are read",
                path=path,
                where=f"column {name!r}",
            )
    return (
        lf.select([pl.col(c).cast(pl.String) for c in wanted])
        .with_row_index(ROW, offset=1)
        .collect()
    )
