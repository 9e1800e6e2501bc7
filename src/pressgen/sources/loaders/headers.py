"""Checking a data file's header row: duplicates, invisible characters and look-alikes.

A header that differs from the manifest's column name only by a no-break space, a
zero-width character or a Cyrillic letter that looks Latin is the commonest way a
records-office export silently loses a column; each is named exactly.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pressgen.errors import PressgenError

# Letters from other scripts that render like Latin ones in common fonts.
_HOMOGLYPHS = str.maketrans(
    "АВЕКМНОРСТХУаеорсхуіјѕԁɡΑΒΕΖΗΙΚΜΝΟΡΤΥΧοαιν",
    "ABEKMHOPCTXYaeopcxyijsdgABEZHIKMNOPTYXoaiv",
)


def normalise(name: str) -> str:
    """How a header reads to a person: invisible characters gone, look-alikes folded."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(
        " " if unicodedata.category(ch) == "Zs" else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cf", "Cc")
    )
    return " ".join(text.translate(_HOMOGLYPHS).split()).casefold()


def oddities(name: str) -> list[str]:
    """The characters in a header that a person cannot see or tell apart."""
    out = []
    for ch in name:
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Cc") or (cat == "Zs" and ch != " ") or ch.translate(_HOMOGLYPHS) != ch:
            out.append(f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}")
    return out


def check_header(
    header: list[str], wanted: list[str], path: Path, *, where: str = "header"
) -> None:
    """Refuse duplicate or look-alike headers, and name what differs when one is missing."""
    seen: dict[str, int] = {}
    for i, name in enumerate(header, start=1):
        key = normalise(name)
        if not key:
            continue
        if key in seen:
            first = header[seen[key] - 1]
            same = "the same name" if first == name else "names that look the same"
            raise PressgenError(
                f"columns {seen[key]} and {i} have {same} ({first!r} and {name!r})",
                path=path,
                where=where,
            )
        seen[key] = i
    have = set(header)
    for name in wanted:
        if name in have:
            continue
        idx = seen.get(normalise(name))
        if idx is not None:
            found = header[idx - 1]
            odd = oddities(found)
            why = f" which contains {', '.join(odd)}" if odd else ""
            raise PressgenError(
                f"column {name!r} named in the manifest is missing; column {idx} is {found!r}{why}",
                path=path,
                where=where,
            )
        raise PressgenError(
            f"column {name!r} named in the manifest is missing (columns: "
            f"{', '.join(repr(h) for h in header[:12])}{', …' if len(header) > 12 else ''})",
            path=path,
            where=where,
        )
