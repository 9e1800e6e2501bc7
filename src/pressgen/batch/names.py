"""File names for a batch: one safe, stable name per group value.

A name is the group value slugified (ASCII letters, digits and hyphens), so it can hold
no path separator, no `..` and nothing a shell or a Windows folder would trip on. Values
whose slugs would collide ("A/B" and "A-B") or that slugify to nothing all carry a short
hash of the exact value instead, so the same groups always get the same names whatever
their order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

MAX_SLUG = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


def slugify(value: str) -> str:
    """'Avon and Somerset Constabulary' -> 'avon-and-somerset-constabulary'; '' when
    nothing of the value survives (it is then named by its hash)."""
    # ASCII is its own NFKD form, all kept: only other text needs decomposing.
    text = (
        value
        if value.isascii()
        else unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    )
    text = _NOT_SLUG.sub("-", text.lower()).strip("-")
    text = text[:MAX_SLUG].rstrip("-")
    if text in _WINDOWS_RESERVED:
        text += "-group"
    return text


def value_hash(value: str, length: int = 8) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:length]


def file_names(groups: Iterable[str], suffix: str) -> dict[str, str]:
    """A distinct file name (with `suffix`, e.g. '.md') for every group value."""
    values = list(dict.fromkeys(groups))
    slugs = {g: slugify(g) for g in values}
    counts = Counter(slugs.values())
    names: dict[str, str] = {}
    for g in values:
        s = slugs[g]
        if not s:
            names[g] = f"group-{value_hash(g)}"
        elif counts[s] > 1:
            names[g] = f"{s}-{value_hash(g)}"
        else:
            names[g] = s
    # A plain slug can still equal another value's hashed name; lengthen those hashes.
    taken = Counter(names.values())
    for g in values:
        if taken[names[g]] > 1:
            names[g] = f"{slugs[g] or 'group'}-{value_hash(g, 32)}"
    if len(set(names.values())) != len(values):  # pragma: no cover - a sha256 collision
        raise RuntimeError("could not give every group a distinct file name")
    return {g: n + suffix for g, n in names.items()}
