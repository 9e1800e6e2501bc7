"""A new release from a dataset, step by step, for a screen to show: the columns as
inferred, a person's corrections (a column's type, a row that is a total), the ranked
angles with their sentence, number and provenance, and the campaign written from the
angles ticked. No Textual here: the TUI's "New release" screen only displays this.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, get_args

from pressgen.angles.api import angles_for, profile_of
from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle
from pressgen.angles.scaffold import Written, write_campaign
from pressgen.errors import PressgenError
from pressgen.sources.manifest import ColumnType

#: The types a person may give a column, in the order a key cycles through them.
TYPES: tuple[ColumnType, ...] = tuple(
    t for t in ("text", "int", "decimal") if t in get_args(ColumnType)
)
DEFAULT_PICKS = 6


@dataclass(frozen=True)
class ColumnRow:
    """One column as the screen lists it."""

    name: str
    type: str
    role: str
    totals: str


@dataclass(frozen=True)
class Desk:
    """The dataset, the corrections made to what was inferred, and what follows from
    them. Each correction returns a new Desk (the file is read again with it)."""

    path: Path
    population: Path | None = None
    locale: str = "en_GB"
    style: str | None = None
    types: dict[str, ColumnType] = field(default_factory=dict)
    marked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    profile: Profile | None = None
    angles: tuple[Angle, ...] = ()

    @classmethod
    def open(cls, path: Path, population: Path | None = None, **kw: Any) -> Desk:
        return cls(path, population, **kw).reload()

    def reload(self) -> Desk:
        prof = profile_of(self.path, self.population, types=self.types, marked=self.marked)
        found = angles_for(prof, locale=self.locale, style=self.style)
        return replace(self, profile=prof, angles=tuple(found))

    @property
    def notes(self) -> tuple[str, ...]:
        """What the screen states above the angles: the decisions taken on the columns,
        and that the sentences are English where pressgen has no wording for the
        locale's language yet."""
        from pressgen.angles.wording import wording_for
        from pressgen.text.formatting import normalise_locale

        language = normalise_locale(self.locale).split("_")[0]
        own = wording_for(language)[1]
        english = () if own else (f"the sentences are in English: no wording for {language!r} yet",)
        return english + self.prof.decisions

    @property
    def prof(self) -> Profile:
        assert self.profile is not None, "Desk.open() reads the file"
        return self.profile

    # -- step 1: the columns and their corrections -----------------------------------
    def columns(self) -> list[ColumnRow]:
        p = self.prof
        roles = {
            p.period: "period",
            p.group: "group",
            p.category: "category",
            p.split: "measure name",
        }
        out = []
        for name, col in p.manifest.columns.items():
            role = roles.get(name) or ("measure" if name in p.measures else "")
            if name in self.types:
                role = f"{role} (type set by you)".strip()
            out.append(ColumnRow(name, col.type, role, ", ".join(p.totals.get(name, ()))))
        return out

    def next_type(self, column: str) -> Desk:
        """The column's type changed to the next of text, int, decimal."""
        current = self._column(column).type
        kind = TYPES[(TYPES.index(current) + 1) % len(TYPES)] if current in TYPES else TYPES[0]
        return self.with_type(column, kind)

    def with_type(self, column: str, kind: ColumnType) -> Desk:
        self._column(column)
        return replace(self, types={**self.types, column: kind}).reload()

    def with_total(self, text: str) -> Desk:
        """A row marked as a total, from "column = value" (the value as the file has it)."""
        column, sep, value = (part.strip() for part in text.partition("="))
        if not sep or not column or not value:
            raise PressgenError(f"mark a total row as 'column = value', not {text!r}")
        self._column(column)
        values = {str(v) for v in self.prof.dataset.frame[column].drop_nulls().unique().to_list()}
        if value not in values:
            raise PressgenError(f"no row has {column} = {value!r}", path=self.path)
        mine = tuple(sorted({*self.marked.get(column, ()), value}))
        return replace(self, marked={**self.marked, column: mine}).reload()

    def _column(self, column: str) -> Any:
        cols = self.prof.manifest.columns
        if column not in cols:
            raise PressgenError(
                f"no column {column!r} (columns: {', '.join(cols)})", path=self.path
            )
        return cols[column]

    # -- steps 2 and 3: the angles and the ones ticked --------------------------------
    def picks(self, n: int = DEFAULT_PICKS) -> list[str]:
        return [a.name for a in self.angles[:n]]

    def angle(self, name: str) -> Angle:
        return next(a for a in self.angles if a.name == name)

    # -- step 4: the campaign ---------------------------------------------------------
    def write(self, names: list[str], out: Path) -> Written:
        """The campaign of the angles ticked, best first, under `out` (never over a file)."""
        wanted = set(names)
        chosen = [a for a in self.angles if a.name in wanted]
        if not chosen:
            raise PressgenError("tick at least one angle for the release")
        return write_campaign(self.prof, chosen, out, locale=self.locale, style=self.style)


def provenance(a: Angle, p: Profile) -> str:
    """Where the angle's number comes from, in one line: file, method, filter, reasons."""
    spec = a.spec
    parts = [f"{p.dataset.data_path.name}: {spec['method']}"]
    for key in ("column", "by", "measure", "distinct", "period", "from", "to", "part", "per"):
        if key in spec:
            parts.append(f"{key} {_text(spec[key])}")
    if spec.get("where"):
        parts.append(f"where {_text(spec['where'])}")
    if "population" in spec:
        pop = spec["population"]
        parts.append(f"population {pop['column']} joined on {pop['on']}")
    if a.row is not None:
        parts.append(f"row {a.row}")
    return "; ".join(parts)


def _text(v: Any) -> str:
    if isinstance(v, dict):
        return ", ".join(f"{k} {_text(x)}" for k, x in v.items())
    if isinstance(v, list):
        return "[" + ", ".join(str(x) for x in v) + "]"
    return str(v)
