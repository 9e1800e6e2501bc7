"""Checking the CLDR date and time patterns a house style names, before Babel sees them.

Babel formats whatever it is given: `0.000` (no field at all) prints a dateline of
zeros, and an hour field in a date pattern fails deep inside Babel when the date is
printed. A style's `date_format` and `weekday_date_format` must be a CLDR width (short,
medium, long, full) or a pattern of date fields only, with at least one of them;
`time_format` likewise with time fields. Letters are CLDR's: unquoted ASCII letters are
fields, `'…'` quotes literal text and `''` is an apostrophe.
"""

from __future__ import annotations

NAMED_WIDTHS = frozenset({"short", "medium", "long", "full"})
MAX_LENGTH = 80

# The CLDR field letters Babel formats, with the run lengths it accepts for each (a
# letter CLDR lets run to any length is capped at nine: no real pattern goes near it).
_ANY = frozenset(range(1, 10))
_DATE_FIELDS: dict[str, frozenset[int]] = {
    "G": frozenset({1, 2, 3, 4, 5}), "y": _ANY, "Y": _ANY, "u": _ANY,
    "Q": frozenset({1, 2, 3, 4, 5}), "q": frozenset({1, 2, 3, 4, 5}),
    "M": frozenset({1, 2, 3, 4, 5}), "L": frozenset({1, 2, 3, 4, 5}),
    "w": frozenset({1, 2}), "W": frozenset({1}), "d": frozenset({1, 2, 3}),
    "D": frozenset({1, 2, 3}), "F": frozenset({1}), "g": _ANY,
    "E": frozenset({1, 2, 3, 4, 5, 6}), "e": frozenset({1, 2, 3, 4, 5, 6}),
    "c": frozenset({1, 3, 4, 5, 6}),
}  # fmt: skip
_TIME_FIELDS: dict[str, frozenset[int]] = {
    "a": frozenset({1, 2, 3, 4, 5}), "b": frozenset({1, 2, 3, 4, 5}),
    "B": frozenset({1, 2, 3, 4, 5}), "h": frozenset({1, 2}), "H": frozenset({1, 2}),
    "K": frozenset({1, 2}), "k": frozenset({1, 2}), "m": frozenset({1, 2}),
    "s": frozenset({1, 2}), "S": _ANY, "A": _ANY, "z": frozenset({1, 2, 3, 4}),
    "Z": frozenset({1, 2, 3, 4, 5}), "O": frozenset({1, 4}), "v": frozenset({1, 4}),
    "V": frozenset({1, 2, 3, 4}), "x": frozenset({1, 2, 3, 4, 5}),
    "X": frozenset({1, 2, 3, 4, 5}),
}  # fmt: skip
#: A time pattern must say the time of day: an hour or minute field.
_TIME_NEEDS = frozenset("hHKkm")


def fields(pattern: str) -> list[tuple[str, int]]:
    """The pattern's fields as (letter, run length), quoted text skipped. ValueError for an
    unclosed quote."""
    out: list[tuple[str, int]] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "'":
            if pattern.startswith("''", i):
                i += 2
                continue
            end = i + 1
            while True:
                end = pattern.find("'", end)
                if end < 0:
                    raise ValueError("a quote (') is never closed")
                if pattern.startswith("''", end):
                    end += 2
                    continue
                break
            i = end + 1
            continue
        if c.isascii() and c.isalpha():
            j = i
            while j < n and pattern[j] == c:
                j += 1
            out.append((c, j - i))
            i = j
            continue
        i += 1
    return out


def check_date_pattern(pattern: str, *, time: bool = False) -> str:
    """`pattern` if it is a width name or a usable CLDR date (or, with `time`, time)
    pattern; else ValueError saying what is wrong, for a one-line validation error."""
    if pattern in NAMED_WIDTHS:
        return pattern
    kind = "time" if time else "date"
    if len(pattern) > MAX_LENGTH:
        raise ValueError(f"a {kind} pattern is at most {MAX_LENGTH} characters")
    allowed, other = (_TIME_FIELDS, _DATE_FIELDS) if time else (_DATE_FIELDS, _TIME_FIELDS)
    found = fields(pattern)
    for letter, width in found:
        if letter in other:
            opposite = "date" if time else "time"
            raise ValueError(f"{letter!r} is a {opposite} field, not allowed in a {kind} pattern")
        if letter not in allowed:
            raise ValueError(f"{letter!r} is not a CLDR {kind} field (quote literal text: 'at')")
        if width not in allowed[letter]:
            raise ValueError(f"{letter * width!r} is not a CLDR field width")
    needed = _TIME_NEEDS if time else frozenset(_DATE_FIELDS)
    if not any(letter in needed for letter, _ in found):
        example = "HH:mm" if time else "d MMMM y"
        raise ValueError(
            f"{pattern!r} has no {kind} field: give a CLDR pattern such as {example!r} "
            "or short, medium, long or full"
        )
    return pattern
