"""Periods in data: years, financial years, quarters and months, and their time order."""

from __future__ import annotations

import re

# Periods, each with a key that sorts it: a year, a financial year (2017/18, 2017-18,
# 2017/2018), a quarter (2019 Q1, Q1 2019) and a month (2019-03).
_PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year", re.compile(r"^(?P<y>(19|20)\d\d)$")),
    ("financial year", re.compile(r"^(?P<y>(19|20)\d\d)\s*[/-]\s*(\d\d|(19|20)\d\d)$")),
    ("quarter", re.compile(r"^(?P<y>(19|20)\d\d)\s*-?\s*Q(?P<n>[1-4])$", re.I)),
    ("quarter", re.compile(r"^Q(?P<n>[1-4])\s*-?\s*(?P<y>(19|20)\d\d)$", re.I)),
    ("month", re.compile(r"^(?P<y>(19|20)\d\d)-(?P<n>0[1-9]|1[0-2])$")),
)


def period_key(value: str) -> tuple[int, int] | None:
    """A period's sort key (year, part), or None when it is not a period."""
    for _, pattern in _PERIODS:
        m = pattern.match(value.strip())
        if m:
            return int(m.group("y")), int(m.groupdict().get("n") or 0)
    return None


def period_kind(values: list[str]) -> str | None:
    kinds = set()
    for v in values:
        for kind, pattern in _PERIODS:
            if pattern.match(v.strip()):
                kinds.add(kind)
                break
        else:
            return None
    return kinds.pop() if len(kinds) == 1 else None
