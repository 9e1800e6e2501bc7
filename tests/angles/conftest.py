"""Helpers for the angle tests: the engine's value of an angle, CSV writing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from pressgen.angles.api import Angle, Profile
from pressgen.angles.population import NAME
from pressgen.figures.engine import compute_figures
from pressgen.figures.specs import FigureSpec

REPO = Path(__file__).resolve().parents[2]
_SPEC: TypeAdapter[Any] = TypeAdapter(FigureSpec)


def engine_value(angle: Angle, prof: Profile) -> Any:
    """The angle's value as pressgen's own engine computes it from the angle's spec."""
    specs = {k: _SPEC.validate_python(v) for k, v in angle.needs.items()}
    specs[angle.name] = _SPEC.validate_python(angle.spec)
    data = {"main": prof.dataset}
    if prof.population is not None:
        data[NAME] = prof.population.dataset
    figs = compute_figures(specs, data, "main")
    fig = figs[angle.name]
    if fig.kind == "groups":
        first = fig.value[0]
        assert first.group == angle.row, (angle.name, first.group, angle.row)
        return first.value
    return fig.value


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    lines = [",".join(header)] + [",".join(str(c) for c in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
