"""Loading a dataset: the manifest, then its data file into a typed polars frame.

Every value is read as text first and typed by the manifest, so a suppression marker such
as `<5` is kept as *suppressed* (never a number, never zero) and a bad cell is reported
with its line and column instead of being guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pressgen.errors import PressgenError
from pressgen.lazy import LazyModule
from pressgen.sources.columns import ROW, SUPPRESSED, suppressed_col
from pressgen.sources.manifest import Column, Manifest
from pressgen.storage.cleantext import ANY_CONTROL, has_controls
from pressgen.storage.tomlfile import load_model, read_toml_with_notes

if TYPE_CHECKING:
    import polars as pl
else:
    pl = LazyModule("polars")

__all__ = ["ROW", "SUPPRESSED", "Dataset", "load_dataset", "read_manifest", "suppressed_col"]


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
    warnings: tuple[str, ...] = ()
    """What loading removed (control characters in the manifest or in cells), one line
    each naming the file and the field or the row and column."""

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
    data, notes = read_toml_with_notes(manifest_path)
    manifest = load_model(manifest_path, Manifest, data)
    # The data lies beside the manifest file itself: a manifest linked into datasets/
    # reads the data that travels with it, not a file that happens to sit beside the link.
    home = manifest_path.resolve().parent
    data_path = (home / manifest.file).resolve()
    if not data_path.is_relative_to(home):
        # A dataset travels with its data; a manifest from elsewhere must not make
        # pressgen read (and quote figures from) any file the user can read.
        raise PressgenError(
            f"data file {manifest.file!r} is outside the manifest's folder",
            path=manifest_path,
            where="file",
        )
    if not data_path.is_file():
        raise PressgenError(
            f"data file {manifest.file!r} not found", path=manifest_path, where="file"
        )
    wanted = (
        list(manifest.columns)
        if columns is None
        else [c for c in manifest.columns if c in set(columns)]
    )
    from pressgen.sources.loaders import read_text_frame  # imports polars: only when data is read

    raw = read_text_frame(manifest, data_path, wanted)
    frame, cell_notes = type_columns(raw, manifest, data_path, wanted)
    return Dataset(
        name=manifest_path.stem,
        manifest_path=manifest_path,
        data_path=data_path,
        manifest=manifest,
        frame=frame,
        warnings=notes + cell_notes,
    )


def type_columns(
    raw: pl.DataFrame, manifest: Manifest, path: Path, wanted: list[str]
) -> tuple[pl.DataFrame, tuple[str, ...]]:
    """Type the text columns: quickly where no cell needs cleaning, carefully elsewhere;
    with the warnings for control characters removed from cells (see _controls). Public
    for the angle finder, which types a file it has inferred a manifest for.

    Whether a column needs cleaning is decided while it is typed: the quick typing of
    every eligible column and the probes that check it run as parallel queries over the
    same frame (see _probes); a column the probes find wanting is typed again, carefully.
    """
    eligible, probes, few = _probes(raw, manifest, wanted)
    # Columns typed carefully from the start have no probe of their own: ask about
    # control characters alongside the others.
    probes += [_has_control(n).alias(_CONTROL + n) for n in wanted if n not in eligible]
    exprs: list[pl.Expr] = [pl.col(ROW)]
    checks: list[tuple[str, str, str]] = []
    for name in wanted:
        if name in eligible:
            exprs += _quick(name, manifest.columns[name].type, manifest)
        else:
            more, check = _careful(name, raw, manifest)
            exprs += more
            checks += check
    lazy = raw.lazy()
    queries = [lazy.select(exprs)]
    if probes:
        queries.append(lazy.select(probes))
    if few:
        queries.append(lazy.select(pl.col(n).unique().implode() for n in few))
    frame, *found = pl.collect_all(queries)
    probed = found.pop(0).row(0, named=True) if probes else {}
    distinct = dict(zip(few, found.pop(0).row(0), strict=True)) if few else {}
    controls = {n[len(_CONTROL) :] for n, hit in probed.items() if n.startswith(_CONTROL) and hit}
    probed = {n: hit for n, hit in probed.items() if not n.startswith(_CONTROL)}
    clean = _clean(manifest, probed, distinct) & eligible
    controls |= _controls(raw, [n for n in wanted if n in eligible and n not in clean], distinct)
    if controls:  # rare: clean those cells, then type the columns from the start
        from pressgen.sources.loaders.cells import clean_cells

        label = "line" if path.suffix.lower() == ".csv" else "row"
        raw, notes = clean_cells(raw, [n for n in wanted if n in controls], path, label)
        typed, again = type_columns(raw, manifest, path, wanted)
        return typed, notes + again
    redo: list[pl.Expr] = []
    for name in wanted:  # in the manifest's order, as every error is reported
        if name in eligible and name not in clean:
            more, check = _careful(name, raw, manifest)
            redo += more
            checks += check
    if redo:
        frame = frame.with_columns(lazy.select(redo).collect().get_columns())
    order = {name: i for i, name in enumerate(wanted)}
    checks.sort(key=lambda c: order[c[0]])  # the first bad column first, whichever path
    for name, flag, expect in checks:
        hits = frame.filter(pl.col(flag))
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
    return _scaled(frame.drop([flag for _, flag, _ in checks]), manifest, wanted), ()


def _scaled(frame: pl.DataFrame, manifest: Manifest, wanted: list[str]) -> pl.DataFrame:
    """Numbers the source gives in a unit (`scale = 1000`: thousands) as value x scale:
    exact, in the column's own type (a whole number stays whole)."""
    scaled = [n for n in wanted if manifest.columns[n].scale != 1]
    if not scaled:
        return frame
    return frame.with_columns(pl.col(n) * manifest.columns[n].scale for n in scaled)


_CONTROL = "__control__"


def _has_control(name: str) -> pl.Expr:
    return pl.col(name).str.contains(ANY_CONTROL).fill_null(False).any()


def _controls(
    raw: pl.DataFrame, unclean: list[str], distinct: dict[str, list[str | None]]
) -> set[str]:
    """Which of the columns the probes found wanting hold control characters. A probe
    that finds padding or a marker also finds a control character (see _probes), so only
    these need asking; a column with few values is judged from them."""
    found = {
        n for n in unclean if n in distinct and any(v and has_controls(v) for v in distinct[n])
    }
    ask = [n for n in unclean if n not in distinct]
    if ask:
        hits = raw.select(_has_control(n).alias(n) for n in ask).row(0, named=True)
        found |= {n for n, hit in hits.items() if hit}
    return found


def _careful(
    name: str, raw: pl.DataFrame, manifest: Manifest
) -> tuple[list[pl.Expr], list[tuple[str, str, str]]]:
    """A column typed the careful way: stripped, markers matched, every number's shape
    checked, and a flag column marking the cells that failed (with what was expected)."""
    spec = manifest.columns[name]
    text = pl.col(name).str.strip_chars()
    missing = text.is_null() | text.is_in(manifest.missing)
    if spec.type == "text":
        return [pl.when(missing).then(None).otherwise(text).alias(name)], []
    suppressed = text.is_in(manifest.suppression)
    typed: pl.Expr
    if spec.type == "int":
        shape = _number_shape(text, manifest.decimal_mark, whole=True)
        cleaned = (
            text.str.replace_all(r"[,\s\u00a0\u202f_]", "")
            if manifest.decimal_mark == "."
            else text.str.replace_all(r"[.\s\u00a0\u202f_]", "")
        ).str.replace("\u2212", "-")
        typed = pl.when(shape).then(cleaned.cast(pl.Int64, strict=False))
        expect = "a whole number"
    elif spec.type == "decimal":
        shape = _number_shape(text, manifest.decimal_mark, whole=False)
        if manifest.decimal_mark == ",":
            cleaned = text.str.replace_all(r"[.\s\u00a0\u202f]", "").str.replace(",", ".")
        else:
            cleaned = text.str.replace_all(r"[,\s\u00a0\u202f]", "")
        cleaned = cleaned.str.replace("\u2212", "-")
        scale = _decimal_scale(raw, cleaned)
        typed = pl.when(shape).then(cleaned.cast(pl.Decimal(38, scale), strict=False))
        expect = "a number" + (
            " (the manifest's decimal mark is '.'; set decimal_mark = \",\" if commas mark decimals)"
            if manifest.decimal_mark == "."
            else ""
        )
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
    flag = f"__bad__{name}"
    return [
        pl.when(missing | suppressed).then(None).otherwise(typed).alias(name),
        suppressed.fill_null(False).alias(suppressed_col(name)),
        (~missing & ~suppressed & typed.is_null()).alias(flag),
    ], [(name, flag, expect)]


def _quick(name: str, kind: str, manifest: Manifest) -> list[pl.Expr]:
    """A column typed on the assumption that no cell needs cleaning (see _probes)."""
    col = pl.col(name)
    if kind == "text":
        return [col]  # as read: no copy
    return [
        col.cast(pl.Int64, strict=False).alias(name),
        col.is_in(manifest.suppression).fill_null(False).alias(suppressed_col(name)),
    ]


def _probes(
    raw: pl.DataFrame, manifest: Manifest, wanted: list[str]
) -> tuple[set[str], list[pl.Expr], list[str]]:
    """The columns that may be typed quickly, and how to tell whether they can be.

    Eligible: text, and whole numbers unless a marker is itself a number. A probe per
    column says whether any cell needs cleaning: text with padding or a missing-value
    marker; a whole-number cell that is not null, not a marker and not plain digits that
    fit (Polars casts only those). Text columns with few distinct values (judged on a
    sample: labels, the usual filter columns) are checked value by value instead, from
    their distinct values (`few`). Deciding costs far less than cleaning, which on large
    files was most of the load time and a copy of every text column."""
    markers = [*manifest.missing, *manifest.suppression]
    numeric_marker = any(m.strip().lstrip("+-").isdigit() for m in markers)
    texts = [n for n in wanted if manifest.columns[n].type == "text"]
    ints = [n for n in wanted if manifest.columns[n].type == "int"] if not numeric_marker else []
    probes: list[pl.Expr] = []
    for name in ints:
        col = pl.col(name)
        bad = col.is_not_null() & ~col.is_in(markers) & col.cast(pl.Int64, strict=False).is_null()
        probes.append(bad.any().alias(name))
    sample = raw.select(pl.col(n).head(_SAMPLE).n_unique() for n in texts).row(0) if texts else ()
    few = [n for n, k in zip(texts, sample, strict=True) if k <= _FEW]
    for name in texts:
        if name not in few:
            col = pl.col(name)
            # A control character makes a column need cleaning too (_controls says which).
            probes.append(
                (col.str.contains(r"^\s|\s$|" + ANY_CONTROL) | col.is_in(manifest.missing))
                .any()
                .alias(name)
            )
    return {*texts, *ints}, probes, few


def _clean(
    manifest: Manifest, probed: dict[str, bool], distinct: dict[str, list[str | None]]
) -> set[str]:
    """The columns found clean: by their probe (True: a cell needs cleaning), or by
    their distinct values (see _probes)."""
    clean = {n for n, needs in probed.items() if not needs}
    missing = set(manifest.missing)
    for name, values in distinct.items():
        # str.strip() knows more whitespace than polars' strip: never too trusting.
        if not any(
            v is not None and (v.strip() != v or v in missing or has_controls(v)) for v in values
        ):
            clean.add(name)
    return clean


_SAMPLE = 10_000
_FEW = 2_000


def _number_shape(text: pl.Expr, mark: str, *, whole: bool) -> pl.Expr:
    """True where a cell is written like a number: digits, grouped in threes when grouped.

    Guards the cleaning above: without it `1,5` in a file whose decimal mark is '.' would
    lose its comma and read as 15."""
    group = "," if mark == "." else r"\."
    frac = "" if whole else (r"(\.\d+)?" if mark == "." else r"(,\d+)?")
    spaced = text.str.replace_all(r"[\s\u00a0\u202f_]", "")
    pattern = rf"^[+\-\u2212]?(\d+|\d{{1,3}}({group}\d{{3}})+){frac}$"
    return spaced.str.contains(pattern)


def _decimal_scale(raw: pl.DataFrame, cleaned: pl.Expr) -> int:
    longest = raw.select(cleaned.str.extract(r"\.(\d+)$").str.len_chars().max().alias("s"))["s"][0]
    return min(int(longest or 0), 18)
