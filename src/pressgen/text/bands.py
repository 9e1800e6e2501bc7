"""The bands an approximation in words may stand for: one table for the `approx` filter
that writes "nearly a third" and for `check`, which reads it back.

A band is measured in tenths of the fraction: for a half (50 %) a tenth is 5 points, so
"nearly half" means 45 % up to 50 % and "more than half" above 50 % up to 55 %.
"""

from __future__ import annotations

from decimal import Decimal

#: The width unit of every band, relative to the fraction.
TENTH = Decimal("0.1")

#: (low, high) edges of each kind of qualifier, in tenths of the fraction around it.
BANDS: dict[str, tuple[Decimal, Decimal]] = {
    "below": (Decimal(-1), Decimal(0)),  # nearly, almost, knapp, près de
    "over": (Decimal(0), Decimal(1)),  # more than, over, mehr als, plus de
    "just_over": (Decimal(0), Decimal("0.5")),  # just over, gut, un peu plus de
    "under": (Decimal(-2), Decimal(0)),  # less than, under, weniger als
    "around": (Decimal(-1), Decimal(1)),  # around, about, rund, environ
    "exactly": (Decimal("-0.05"), Decimal("0.05")),  # exactly, genau
    "bare": (Decimal("-0.5"), Decimal("0.5")),  # "half of them", with no qualifier
}


def band(fraction: Decimal, kind: str) -> tuple[Decimal, Decimal]:
    """The shares (as fractions of one) that `kind` of qualifier allows around `fraction`,
    clipped to 0..1."""
    lo, hi = BANDS[kind]
    width = fraction * TENTH
    return max(Decimal(0), fraction + lo * width), min(Decimal(1), fraction + hi * width)
