"""What a dataset holds, inferred: column types, suppression markers, the period, the
group and category columns, the measures and the rows that are already totals."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pressgen.angles.periods import period_kind
from pressgen.angles.pivot import unpivot
from pressgen.errors import PressgenError
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import ROW, Dataset, load_dataset, read_manifest
from pressgen.sources.loaders.csvfile import sniff_delimiter
from pressgen.sources.manifest import (
    DEFAULT_MISSING,
    DEFAULT_SUPPRESSION,
    Column,
    ColumnType,
    Manifest,
    Source,
)

if TYPE_CHECKING:
    import polars as pl

    from pressgen.angles.population import Join
else:
    pl = LazyModule("polars")

DATA_SUFFIXES = (".csv", ".parquet")
_INT = r"^[-\u2212]?(\d{1,3}(,\d{3})+|\d+)$"
_DEC = r"^[-\u2212]?(\d{1,3}(,\d{3})+|\d+)?\.\d+$"
_MARKER = r"^(<\s*\d+|\*+|\[[a-z]\]|\.\.|~)$"
# Rows that are already totals: named as such, or the whole country.
_TOTAL = re.compile(
    r"^(total|totals|grand total|sub-?total|overall|all|all .+|.+ total|national|"
    r"england|england and wales|united kingdom|uk|great britain|gb)$",
    re.I,
)
_GROUP_HINT = re.compile(
    r"(area|region|force|council|authority|local|country|nation|trust|board|ward|"
    r"constituency|district|county|borough|police|school|hospital|provider|name|la$)",
    re.I,
)
_MEASURE_HINT = re.compile(
    r"^(measure|indicator|indicador|indicateur|indikator|metric|variable|statistic|series)s?$",
    re.I,
)
_PERIOD_HINT = re.compile(r"(year|period|quarter|month|date|fy|jahr|a[nñ]io|ann[eé]e)", re.I)
MAX_GROUPS = 5000


@dataclass(frozen=True)
class Profile:
    """A dataset and the roles of its columns, with every decision stated."""

    dataset: Dataset
    inferred: bool
    measures: tuple[str, ...]
    period: str | None
    periods: tuple[str, ...]
    period_kind: str | None
    group: str | None
    category: str | None
    #: A long table's column that names the measure ("indicator"): never summed across.
    split: str | None = None
    split_values: tuple[str, ...] = ()
    #: A pivoted file's long form, as text (what `new` writes for the specs to read).
    long_text: pl.DataFrame | None = None
    #: The period column holds whole numbers (years typed `int` by a manifest).
    period_int: bool = False
    totals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    decisions: tuple[str, ...] = ()
    #: A population file joined on the group column, for rates per head.
    population: Join | None = None

    @property
    def manifest(self) -> Manifest:
        return self.dataset.manifest

    def label(self, column: str) -> str:
        col = self.manifest.columns[column]
        return col.label or column.replace("_", " ")


def load(
    path: Path, types: Mapping[str, ColumnType] | None = None
) -> tuple[Dataset, bool, pl.DataFrame | None]:
    """The dataset of a manifest, or of a bare data file with an inferred manifest.
    `types` corrects columns' types (a person's choice over the file's or the
    inference's); a corrected dataset counts as inferred, so `new` writes its manifest."""
    if not path.is_file():
        raise PressgenError("no such file", path=path)
    if path.suffix.lower() == ".toml":
        if types:
            return _retyped(path, types), True, None
        return load_dataset(path), False, None
    if path.suffix.lower() in (".xlsx", ".json"):
        raise PressgenError(
            "pressgen infers the columns of CSV and Parquet files only; "
            "write a manifest (datasets/NAME.toml) for this file",
            path=path,
        )
    if path.suffix.lower() not in DATA_SUFFIXES:
        raise PressgenError(
            f"not a dataset (expected a manifest .toml or one of {', '.join(DATA_SUFFIXES)})",
            path=path,
        )
    sibling = path.with_suffix(".toml")
    if sibling.is_file() and read_manifest(sibling).file == path.name:
        return load(sibling, types)
    manifest, raw, notes = _infer(path)
    if types:
        manifest = _with_types(manifest, types, path)
    long = unpivot(manifest, raw)
    if long is None:
        return _typed(path, manifest, raw, notes), True, None
    # The specs compute from the long form, which `new` writes beside the data.
    return _typed(path, *long, notes), True, long[1]


def _with_types(manifest: Manifest, types: Mapping[str, ColumnType], path: Path) -> Manifest:
    unknown = sorted(set(types) - set(manifest.columns))
    if unknown:
        raise PressgenError(f"no column {unknown[0]!r} to retype", path=path)
    columns = {
        n: c.model_copy(update={"type": types.get(n, c.type)}) for n, c in manifest.columns.items()
    }
    return manifest.model_copy(update={"columns": columns})


def _retyped(path: Path, types: Mapping[str, ColumnType]) -> Dataset:
    """A manifest's dataset with some columns' types changed."""
    from pressgen.sources.loaders import read_text_frame

    manifest = read_manifest(path)
    data_path = (path.resolve().parent / manifest.file).resolve()
    if not data_path.is_relative_to(path.resolve().parent) or not data_path.is_file():
        return load_dataset(path)  # the loader's own one-line error
    manifest = _with_types(manifest, types, path)
    raw = read_text_frame(manifest, data_path, list(manifest.columns))
    return _typed(data_path, manifest, raw, ())


def infer_manifest(path: Path) -> Manifest:
    """A manifest for a data file, from its cells: numbers, markers, the rest text."""
    return _infer(path)[0]


def _infer(path: Path) -> tuple[Manifest, pl.DataFrame, tuple[str, ...]]:
    """The inferred manifest and the file's text frame (read once, typed after)."""
    from pressgen.sources.loaders import read_text_frame

    header = _header(path)
    probe = _manifest(path, {n: Column() for n in header}, list(DEFAULT_SUPPRESSION))
    raw = read_text_frame(probe, path, header)
    names = [c for c in raw.columns if c != ROW]
    if raw.height == 0:
        raise PressgenError("no data rows", path=path)
    # Each column's distinct values are far fewer than its cells: test those.
    uniques = pl.collect_all(
        [
            raw.lazy().select(pl.col(n).cast(pl.String).unique().str.strip_chars().unique())
            for n in names
        ]
    )
    markers = list(DEFAULT_SUPPRESSION)
    columns: dict[str, Column] = {}
    for n, frame in zip(names, uniques, strict=True):
        t = frame.to_series().drop_nulls()
        t = t.filter(~t.is_in(list(DEFAULT_MISSING)))
        is_int, is_dec = t.str.contains(_INT), t.str.contains(_DEC)
        is_mark = t.str.contains(_MARKER)
        found = [str(k) for k in t.filter(is_mark).to_list()]
        kind: ColumnType = "text"
        numeric = bool(is_int.any()) or (bool(is_mark.all()) and bool(found))
        numeric = numeric and not _PERIOD_HINT.search(n)
        numeric = numeric and period_kind(t.head(200).to_list()) is None
        if numeric and bool((is_int | is_dec | is_mark).all()):
            markers += [k for k in found if k not in markers]
            kind = "decimal" if bool(is_dec.any()) else "int"
        columns[n] = Column(type=kind, label=n.replace("_", " ").strip())
    return _manifest(path, columns, markers), raw, ()


def _header(path: Path) -> list[str]:
    """The file's column names (CSV and Parquet; other formats need a manifest)."""
    if path.suffix.lower() == ".parquet":
        return list(pl.read_parquet_schema(path))
    if path.suffix.lower() != ".csv":
        raise PressgenError(
            "pressgen infers the columns of CSV and Parquet files only; "
            "write a manifest (datasets/NAME.toml) for this file",
            path=path,
        )
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        first = fh.readline()
    if not first.strip():
        raise PressgenError("the file is empty: no header line", path=path)
    return next(csv.reader([first], delimiter=sniff_delimiter(first, path)))


def _manifest(path: Path, columns: dict[str, Column], markers: list[str]) -> Manifest:
    return Manifest(
        title=path.stem.replace("-", " ").replace("_", " ").strip().capitalize(),
        file=path.name,
        source=Source(publisher="PLACEHOLDER: who published these figures"),
        columns=columns or {"_": Column()},
        suppression=markers,
    )


def _typed(path: Path, manifest: Manifest, raw: pl.DataFrame, notes: tuple[str, ...]) -> Dataset:
    from pressgen.sources.dataset import type_columns

    wanted = list(manifest.columns)
    frame, cell_notes = type_columns(raw, manifest, path, wanted)
    return Dataset(
        name=path.stem,
        manifest_path=path.with_suffix(".toml"),
        data_path=path,
        manifest=manifest,
        frame=frame,
        warnings=notes + cell_notes,
    )
