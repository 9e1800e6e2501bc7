"""What check says about a number that is not what the release printed, in words an
editor can act on: the figure by its label and group, its text in house style, and the
correction to make. No Python reprs, no internal keys."""

from __future__ import annotations

from collections.abc import Mapping

from pressgen.check.findings import Finding, LineIndex
from pressgen.check.match import Candidate, FigureIndex
from pressgen.check.numbers import APPROX, PERCENT, POINTS, NumberToken
from pressgen.figures.engine import Figure

_PARTS = {
    "part": "the part counted in {label}",
    "whole": "the whole that {label} is a share of",
    "from_value": "the earlier value of {label}",
    "to_value": "the later value of {label}",
    "base": "the earlier value of {label}",
    "target": "the later value of {label}",
    "difference": "the difference in {label}",
    "min": "the lowest of {label}",
    "max": "the highest of {label}",
}


def describe(c: Candidate, figures: Mapping[str, Figure]) -> str:
    """A candidate in words: "Kent Police’s rise in attendances (12 per cent)"."""
    fig = figures.get(c.figure)
    label = (fig.label if fig is not None and fig.label else c.figure).strip()
    key = c.key
    group = None
    if "[" in key:
        group = key.split("[", 1)[1].rsplit("]", 1)[0]
        key = c.figure + key.rsplit("]", 1)[1]
    part = key[len(c.figure) + 1 :] if key.startswith(c.figure + ".") else ""
    if part:
        label = _PARTS.get(part, f"{part} of {{label}}").format(label=label)
    if group:
        label = f"{group}’s {label}" if not part else f"{label}, for {group}"
    return f"{label} ({c.text})"


def mismatch_finding(
    index: FigureIndex,
    figures: Mapping[str, Figure],
    tok: NumberToken,
    found: tuple[Candidate, ...],
    expected: frozenset[str],
    lines: LineIndex,
) -> Finding:
    """The finding for a number that matches no figure, or another figure than the one
    the release printed at its place."""
    line, col = lines.position(tok.start)
    near = index.nearest(tok, tuple(expected))
    said = f"“{tok.text}”" + (" (in a quote)" if tok.in_quote else "")

    def finding(code: str, message: str, c: Candidate | None) -> Finding:
        return Finding(
            code,
            "error",
            line,
            col,
            tok.text,
            message,
            tok.start,
            tok.end,
            c.key if c else None,
            c.text if c else None,
            c.figure if c else None,
            tok.in_quote,
        )

    if found and near is not None and near.key != found[0].key:
        other = found[0]
        return finding(
            "swapped",
            f"{said} is {describe(other, figures)}, but here the release had "
            f"{describe(near, figures)}: write {near.text}, or move the sentence",
            near,
        )
    points = [c for c in index.by_unit[POINTS] if c.value == tok.value]
    if tok.unit == PERCENT and near is not None and near.unit == POINTS:
        points = [near]
    if tok.unit == PERCENT and points:
        c = points[0]
        return finding(
            "points",
            f"{said} says per cent, but {describe(c, figures)} is a difference in "
            f"percentage points: write {c.text}",
            c,
        )
    if tok.unit == APPROX:
        if near is None:
            return finding("approximation", f"{said} is not true of any share", None)
        return finding(
            "approximation",
            f"{said} does not fit {describe(near, figures)}: the approximation must hold "
            "for the exact value",
            near,
        )
    if near is None:
        return finding("unmatched", f"{said} is not any of the release's figures", None)
    return finding(
        "unmatched",
        f"{said} is not any of the release's figures; nearest is {describe(near, figures)}: "
        f"did you mean {near.text}?",
        near,
    )
