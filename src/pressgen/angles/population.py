"""Rates per head: a population file joined to the dataset's groups, and the rate angles
(overall and the group with the highest rate), each with the `rate` spec that makes the
engine compute the same value in a campaign.

The join is on the group column. Groups without a population are left out of both the
count and the population (the engine's own `rate` would otherwise count their events
over the others' residents), and how many is stated in the decisions and the sentence.
"""

from __future__ import annotations

import csv
import decimal
import io
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle, slug
from pressgen.angles.scope import counted_groups, counting
from pressgen.angles.tomlout import key, table, value
from pressgen.errors import PressgenError
from pressgen.figures.model import DECIMAL_CONTEXT, exact_value
from pressgen.lazy import LazyModule
from pressgen.sources.dataset import Dataset

if TYPE_CHECKING:
    import polars as pl

    from pressgen.angles.candidates import Finder
else:
    pl = LazyModule("polars")

#: The name the population dataset has in a campaign's `[datasets]`.
NAME = "population"
_POP_HINT = re.compile(r"(popul|resident|people|persons|inhabitant|einwohner|habitant)", re.I)


@dataclass(frozen=True)
class Join:
    """A population file joined to a dataset's groups."""

    profile: Profile
    #: The population column of the population file.
    column: str
    #: The group column of the dataset; the population file's join column has this name
    #: or is `file_on`, which `new` renames to it when it copies the file.
    on: str
    file_on: str
    #: The population file's rows to read: its total rows left out, its own latest
    #: period (or the dataset's latest, where it has that one).
    where: dict[str, Any]
    populations: dict[str, Decimal | int]
    #: The population dataset as campaigns read it: its join column named `on`.
    dataset: Dataset

    def spec(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dataset": NAME, "column": self.column, "on": self.on}
        if self.where:
            out["where"] = self.where
        return out


def join(p: Profile, pop: Profile) -> Profile:
    """The profile with its population joined on the group column, every decision stated;
    a one-line error naming the population file where nothing can be joined."""
    path = pop.dataset.data_path
    if p.group is None:
        raise PressgenError(
            "a population needs groups to join on, and the dataset has no group column",
            path=p.dataset.data_path,
        )
    groups = _groups(p)
    frame = pop.dataset.frame
    texts = [n for n, c in pop.manifest.columns.items() if c.type == "text" and n != pop.period]
    overlap = {
        n: len(groups & {str(v) for v in frame[n].drop_nulls().unique().to_list()}) for n in texts
    }
    file_on = max(overlap, key=lambda n: (overlap[n], n == p.group), default=None)
    if file_on is None or overlap[file_on] == 0:
        raise PressgenError(
            f"no column of the population file holds the dataset's {p.group!r} values",
            path=path,
        )
    hinted = [m for m in pop.measures if _POP_HINT.search(m)]
    column = (hinted or list(pop.measures))[0]
    where: dict[str, Any] = {c: {"not_in": list(v)} for c, v in pop.totals.items()}
    if pop.period is not None and pop.periods:
        latest = p.periods[-1] if p.periods and p.periods[-1] in pop.periods else pop.periods[-1]
        where[pop.period] = int(latest) if pop.period_int else latest
    rows = frame.filter(pl.col(file_on).is_in(list(groups)))
    for col, cond in where.items():
        if isinstance(cond, dict):
            rows = rows.filter(~pl.col(col).is_in(cond["not_in"]) | pl.col(col).is_null())
        else:
            rows = rows.filter(pl.col(col) == cond)
    sums = rows.group_by(file_on).agg(pl.col(column).sum()).iter_rows()
    populations = {str(g): exact_value(v) for g, v in sums if v is not None and v != 0}
    missing = sorted(groups - set(populations))
    renamed = "" if file_on == p.group else f" (its column {file_on!r}, renamed {p.group!r})"
    said = [
        f"population: {column!r} of {path.name}{renamed} joined on {p.group!r}; "
        f"{len(populations)} of {len(groups)} groups have one"
        + (
            f"; left out of every rate, and counted: {len(missing)} without one "
            f"({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''})"
            if missing
            else ""
        )
    ]
    said.append(
        f"population: the rate specs read it as the campaign's dataset {NAME!r} "
        f"([datasets] {NAME} = ...), as `pressgen new` writes it"
    )
    if pop.period is not None and pop.period in where:
        said.append(f"population: the figures of {pop.period} = {where[pop.period]!r}")
    if file_on != p.group and p.group in pop.manifest.columns:
        raise PressgenError(
            f"the population file's {p.group!r} column does not hold the dataset's groups "
            f"({file_on!r} does): rename one of them",
            path=path,
        )
    where = {(p.group if c == file_on else c): v for c, v in where.items()}
    link = Join(pop, column, p.group, file_on, where, populations, _renamed(pop, file_on, p.group))
    return replace(p, population=link, decisions=p.decisions + tuple(said))


def rates(fd: Finder) -> list[Angle]:
    """The rate per head over every group with a population, and the highest group."""
    link = fd.p.population
    g = fd.p.group
    if link is None or g is None:
        return []
    sums = {k: v for k, v in fd.sums(fd.at(fd.latest), g).items() if not (v[0] == 0 and v[1])}
    missing = sorted(k for k in sums if k not in link.populations)
    have = {k: v for k, v in sums.items() if k in link.populations}
    if not have:
        return []
    total = sum(v for v, _, _ in have.values())
    people = sum(link.populations[k] for k in have)
    per = _per(Decimal(total) / Decimal(people))
    extra: dict[str, Any] = {g: {"not_in": missing}} if missing else {}
    where = fd.where(**extra, **fd.in_period())
    with decimal.localcontext(DECIMAL_CONTEXT):
        value = Decimal(total) * per / Decimal(people)
        by_group = {
            k: Decimal(v) * per / Decimal(link.populations[k]) for k, (v, _, _) in have.items()
        }
    sup = sum(s for _, s, _ in have.values())
    facts: dict[str, Any] = {
        "period": fd.latest,
        "per": per,
        "population": link.profile.label(link.column),
        "left_out": missing,
        "numerator": total,
        "people": people,
        "groups": len(have),
    }
    spec = {"method": "rate", "column": fd.m, "where": where, "population": link.spec(), "per": per}
    # How many groups are left out, as a figure, so a release can say it and check
    # can match it: the count of the groups without a population.
    needs: dict[str, dict[str, Any]] = {}
    if missing:
        facts["left_out_figure"] = f"no_population_{fd.tag}"
        rows = f"{facts['left_out_figure']}_rows"
        needs |= counting(rows, g, {g: missing})
        needs[facts["left_out_figure"]] = counted_groups(rows)
    out = [Angle(f"rate_{fd.tag}", "rate", value, spec, facts, needs, exact=sup == 0)]
    if len(by_group) >= 2:
        top = sorted(by_group, key=lambda k: (-by_group[k], k))[0]
        tied = sum(1 for v in by_group.values() if v == by_group[top]) > 1
        gspec = {
            "method": "group",
            "by": g,
            "measure": "rate",
            "column": fd.m,
            "where": where,
            "population": link.spec(),
            "per": per,
        }
        gfacts = {**facts, "group": top, "tied": tied, "mean": value, "part": have[top][0]}
        out.append(
            Angle(
                f"highest_rate_{slug(g)}_{fd.tag}",
                "rate_top",
                by_group[top],
                gspec,
                gfacts,
                dict(needs),
                row=top,
                exact=have[top][1] == 0,
            )
        )
    return out


def _renamed(pop: Profile, old: str, new: str) -> Dataset:
    ds = pop.dataset
    if old == new:
        return ds
    columns = {(new if k == old else k): v for k, v in ds.manifest.columns.items()}
    manifest = ds.manifest.model_copy(update={"columns": columns})
    return replace(ds, manifest=manifest, frame=ds.frame.rename({old: new}))


def _groups(p: Profile) -> set[str]:
    g = p.group
    assert g is not None
    values = {str(v) for v in p.dataset.frame[g].drop_nulls().unique().to_list()}
    return values - set(p.totals.get(g, ()))


def _per(rate: Decimal) -> int:
    """The base a release states the rate per: per 1,000 where that is at least one,
    else per 100,000 ("4.2 per 100,000 residents"). Never per one: "6.0 per 1
    residents" reads wrong in every language, and "per 1,000" says the same."""
    for per in (1000, 100_000):
        if rate * per >= 1:
            return per
    return 100_000


def population_files(link: Join, out: Path, name: str, files: dict[Path, bytes | Path]) -> str:
    """The population file and its manifest under datasets/, as the campaign reads them
    (the join column renamed to the group column's name); its name in `datasets/`."""
    ds = link.dataset
    stem = f"{name}-population"
    folder = out / "datasets"
    src = ds.data_path
    data_name = f"{stem}{src.suffix.lower()}"
    if link.file_on == link.on:
        files[folder / data_name] = src
    elif src.suffix.lower() == ".csv":
        files[folder / data_name] = _renamed_csv(src, link.file_on, link.on)
    else:
        raise PressgenError(
            f"the population file's join column {link.file_on!r} must be named {link.on!r} "
            "(a Parquet file is copied as it is)",
            path=src,
        )
    m = ds.manifest
    head = {"title": m.title, "file": data_name, "suppression": m.suppression}
    lines = [
        "# Written by `pressgen new`: the population joined for rates per head.",
        *(f"{k} = {value(v)}" for k, v in head.items()),
        "",
        table("source", {"publisher": m.source.publisher}),
    ]
    for col, spec in m.columns.items():
        lines.append(table(f"columns.{key(col)}", {"type": spec.type, "label": spec.label}))
    files[folder / f"{stem}.toml"] = "\n".join(lines).encode()
    return stem


def _renamed_csv(path: Path, old: str, new: str) -> bytes:
    from pressgen.sources.loaders.csvfile import sniff_delimiter

    text = path.read_text(encoding="utf-8-sig")
    first, _, rest = text.partition("\n")
    delimiter = sniff_delimiter(first, path)
    header = next(csv.reader([first], delimiter=delimiter))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerow(
        [new if h == old else h for h in header]
    )
    return (buf.getvalue() + rest).encode()
