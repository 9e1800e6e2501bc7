"""Loading a dataset: the manifest, then its data file into a typed polars frame.

Every value is read as text first and typed by the manifest, so a suppression marker such
as `<5` is kept as *suppressed* (never a number, never zero) and a bad cell is reported
with its line and column instead of being guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from .errors import PressgenError
from .manifest import Column, Manifest
from .tomlio import load_model

ROW = "__row"
SUPPRESSED = "__suppressed__"


def suppressed_col(column: str) -> str:
    return SUPPRESSED + column


@dataclass(frozen=True)
class Dataset:
    """A typed table with its manifest. `frame` holds one column per manifest column in
    use, a `__row` column with the source line/row number, and for every numeric column
    a boolean `__suppressed__<name>` column."""

    name: str
    manifest_path: Path
    data_path: Path
    manifest: Manifest
    frame: pl.DataFrame

    @property
    def row_label(self) -> str:
        return "line" if self.data_path.suffix.lower() == ".csv" else "row"

    def column(self, name: str, *, where: str) -> Column:
        try:
            return self.manifest.columns[name]
        except KeyError:
            known = ", ".join(self.manifest.columns)
            raise PressgenError(
                f"no column {name!r} in dataset {self.name!r} (columns: {known})", where=where
            ) from None


def read_manifest(path: Path) -> Manifest:
    return load_model(path, Manifest)


def load_dataset(manifest_path: Path, columns: Iterable[str] | None = None) -> Dataset:
    """Read and type a dataset. With `columns`, only those are read (the rest never load)."""
    manifest = read_manifest(manifest_path)
    data_path = (manifest_path.parent / manifest.file).resolve()
    if not data_path.is_file():
        raise PressgenError(
            f"data file {manifest.file!r} not found", path=manifest_path, where="file"
        )
    wanted = (
        list(manifest.columns)
        if columns is None
        else [c for c in manifest.columns if c in set(columns)]
    )
    raw = _read_text_frame(manifest, data_path, wanted)
    frame = _type_columns(raw, manifest, data_path, wanted)
    return Dataset(
        name=manifest_path.stem,
        manifest_path=manifest_path,
        data_path=data_path,
        manifest=manifest,
        frame=frame,
    )


def _read_text_frame(manifest: Manifest, path: Path, wanted: list[str]) -> pl.DataFrame:
    fmt = manifest.format or path.suffix.lower().lstrip(".")
    try:
        if fmt == "csv":
            lf = pl.scan_csv(
                path,
                infer_schema=False,
                separator=manifest.delimiter or ",",
                encoding="utf8-lossy" if manifest.encoding == "utf-8" else "utf8",
                truncate_ragged_lines=False,
            )
            header = lf.collect_schema().names()
            _check_header(header, wanted, path)
            frame = lf.select(wanted).with_row_index(ROW, offset=2).collect()
        elif fmt == "xlsx":
            frame = pl.read_excel(
                path,
                sheet_name=manifest.sheet,
                engine="calamine",
                infer_schema_length=0,
            )
            _check_header(frame.columns, wanted, path)
            frame = frame.select(wanted).with_row_index(ROW, offset=2)
        elif fmt == "parquet":
            lf = pl.scan_parquet(path)
            _check_header(lf.collect_schema().names(), wanted, path)
            frame = (
                lf.select([pl.col(c).cast(pl.String) for c in wanted])
                .with_row_index(ROW, offset=1)
                .collect()
            )
        elif fmt == "json":
            frame = pl.read_json(path, infer_schema_length=None)
            _check_header(frame.columns, wanted, path)
            frame = frame.select([pl.col(c).cast(pl.String) for c in wanted]).with_row_index(
                ROW, offset=1
            )
        else:
            raise PressgenError(f"unsupported data format {fmt!r}", path=path)
    except PressgenError:
        raise
    except (pl.exceptions.PolarsError, OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PressgenError(f"cannot read {fmt.upper()} data: {first}", path=path) from None
    return frame.with_columns(pl.col(ROW).cast(pl.Int64))


def _check_header(header: list[str], wanted: list[str], path: Path) -> None:
    have = set(header)
    for name in wanted:
        if name not in have:
            close = [h for h in header if h.strip().lower() == name.lower()]
            hint = f" (found {close[0]!r})" if close else ""
            raise PressgenError(
                f"column {name!r} named in the manifest is missing{hint}", path=path
            )


def _type_columns(
    raw: pl.DataFrame, manifest: Manifest, path: Path, wanted: list[str]
) -> pl.DataFrame:
    exprs: list[pl.Expr] = [pl.col(ROW)]
    checks: list[tuple[str, pl.Expr, str]] = []
    for name in wanted:
        spec = manifest.columns[name]
        text = pl.col(name).str.strip_chars()
        missing = text.is_null() | text.is_in(manifest.missing)
        if spec.type == "text":
            exprs.append(pl.when(missing).then(None).otherwise(text).alias(name))
            continue
        suppressed = text.is_in(manifest.suppression)
        if spec.type == "int":
            cleaned = (
                text.str.replace_all(r"[,\s\u00a0\u202f_]", "")
                if manifest.decimal_mark == "."
                else text.str.replace_all(r"[.\s\u00a0\u202f_]", "")
            )
            typed = cleaned.cast(pl.Int64, strict=False)
            expect = "a whole number"
        elif spec.type == "decimal":
            if manifest.decimal_mark == ",":
                cleaned = text.str.replace_all(r"[.\s\u00a0\u202f]", "").str.replace(",", ".")
            else:
                cleaned = text.str.replace_all(r"[,\s\u00a0\u202f]", "")
            scale = _decimal_scale(raw, cleaned)
            typed = cleaned.cast(pl.Decimal(38, scale), strict=False)
            expect = "a number"
        elif spec.type == "date":
            typed = text.str.to_date("%Y-%m-%d", strict=False)
            expect = "a date (YYYY-MM-DD)"
        else:  # bool
            low = text.str.to_lowercase()
            typed = (
                pl.when(low.is_in(["true", "yes", "y", "1"]))
                .then(True)
                .when(low.is_in(["false", "no", "n", "0"]))
                .then(False)
                .otherwise(None)
            )
            expect = "yes or no"
        value = pl.when(missing | suppressed).then(None).otherwise(typed)
        exprs.append(value.alias(name))
        exprs.append(suppressed.fill_null(False).alias(suppressed_col(name)))
        checks.append((name, ~missing & ~suppressed & typed.is_null(), expect))
    if checks:
        bad = raw.select(pl.col(ROW), *[e.alias(f"bad_{i}") for i, (_, e, _) in enumerate(checks)])
        for i, (name, _, expect) in enumerate(checks):
            hits = bad.filter(pl.col(f"bad_{i}"))
            if hits.height:
                row = int(hits[ROW][0])
                cell = raw.filter(pl.col(ROW) == row)[name][0]
                label = "line" if path.suffix.lower() == ".csv" else "row"
                raise PressgenError(
                    f"{cell!r} is not {expect} (markers for suppressed cells: "
                    f"{', '.join(manifest.suppression)})",
                    path=path,
                    where=f"{label} {row}, column {name!r}",
                )
    return raw.select(exprs)


def _decimal_scale(raw: pl.DataFrame, cleaned: pl.Expr) -> int:
    longest = raw.select(cleaned.str.extract(r"\.(\d+)$").str.len_chars().max().alias("s"))["s"][0]
    return min(int(longest or 0), 18)
