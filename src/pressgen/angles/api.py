"""Entry points of the angle finder: a profiled dataset and its ranked angles."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pressgen.angles.candidates import find_angles
from pressgen.angles.infer import Profile, load
from pressgen.angles.model import Angle
from pressgen.angles.roles import profile
from pressgen.angles.score import rank
from pressgen.angles.sentences import write
from pressgen.errors import PressgenError
from pressgen.sources.manifest import ColumnType
from pressgen.text.formatting import Formatter, normalise_locale
from pressgen.text.style import resolve_style, style_for_locale

__all__ = ["Angle", "Profile", "angles_for", "profile_of"]


def profile_of(
    path: Path,
    population: Path | None = None,
    *,
    types: Mapping[str, ColumnType] | None = None,
    marked: Mapping[str, tuple[str, ...]] | None = None,
) -> Profile:
    """The dataset's profile; with a population file, joined to it for rates per head.
    `types` and `marked` are a person's corrections: a column's type, rows that are
    totals (column -> values)."""
    ds, inferred, long_text = load(path, types)
    found = profile(ds, inferred, long_text, marked)
    if population is None:
        return found
    from pressgen.angles.population import join

    pds, pinferred, plong = load(population)
    if plong is not None:
        raise PressgenError(
            "a pivoted population file (one column per period) cannot be joined yet: "
            "give it one row per group",
            path=population,
        )
    return join(found, profile(pds, pinferred, None))


def angles_for(
    p: Profile, *, locale: str = "en_GB", style: str | None = None, small: int = 5
) -> list[Angle]:
    """Every candidate angle, best first, with its sentence in the locale and style (by
    default the locale's own: German sentences say "Prozent", not "per cent")."""
    tag = normalise_locale(locale)
    fmt = Formatter(tag, resolve_style(style or style_for_locale(None, tag), {}))
    found = rank(find_angles(p), small)
    for a in found:
        a.sentence = write(a, p, fmt)
    return found
