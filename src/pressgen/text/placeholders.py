"""pressgen's placeholder language, for the patterns a user writes in a house style.

An embargo line or a financial year is written as text with named fields in braces:
`{time} {zone} on {date}`, `{start}–{end2}`. That is all the language has: a field is a
name in braces, `{{` and `}}` write a brace, and nothing else is allowed — no attribute
or index access (`{time.__class__}`), no format spec (`{time:>99999}`), no conversion
(`{time!r}`), no positional fields (`{}`, `{0}`). A pattern is checked when the style is
loaded, so a bad one is a one-line error naming the field, and it is filled by plain
string joining: a user's pattern never reaches `str.format`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

#: Longer than any real pattern by far; a pattern is one line of a release.
MAX_LENGTH = 200

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class PatternError(ValueError):
    """A pattern outside the placeholder language; the message says what and where."""


@dataclass(frozen=True, slots=True)
class Placeholders:
    """A checked pattern: literal text and field names, in order (`fields` has each name
    once). Filling it joins the pieces; it cannot fail and never grows a value."""

    pieces: tuple[tuple[bool, str], ...]
    """(is_field, text) pairs: a field's name, or literal text."""

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(text for is_field, text in self.pieces if is_field))

    def fill(self, values: Mapping[str, object]) -> str:
        return "".join(str(values[text]) if f else text for f, text in self.pieces)


@lru_cache(maxsize=256)
def compile_placeholders(pattern: str, allowed: tuple[str, ...]) -> Placeholders:
    """Parse `pattern`; a PatternError if it is not in the language or uses a field
    outside `allowed`."""
    if len(pattern) > MAX_LENGTH:
        raise PatternError(f"pattern is longer than {MAX_LENGTH} characters")
    pieces: list[tuple[bool, str]] = []
    literal: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "}":
            if pattern.startswith("}}", i):
                literal.append("}")
                i += 2
                continue
            raise PatternError(f"a lone '}}' at character {i + 1}: write '}}}}' for a brace")
        if c != "{":
            literal.append(c)
            i += 1
            continue
        if pattern.startswith("{{", i):
            literal.append("{")
            i += 2
            continue
        end = pattern.find("}", i + 1)
        if end < 0:
            raise PatternError(f"a '{{' at character {i + 1} is never closed")
        name = pattern[i + 1 : end]
        if not _NAME.fullmatch(name):
            raise PatternError(
                f"{pattern[i : end + 1]!r} is not a placeholder: write a name in braces"
                f" ({_choices(allowed)}), nothing else"
            )
        if name not in allowed:
            raise PatternError(f"unknown placeholder {{{name}}}: use {_choices(allowed)}")
        if literal:
            pieces.append((False, "".join(literal)))
            literal = []
        pieces.append((True, name))
        i = end + 1
    if literal:
        pieces.append((False, "".join(literal)))
    return Placeholders(tuple(pieces))


def check_placeholders(pattern: str, allowed: tuple[str, ...]) -> str:
    """`pattern` unchanged if it is in the language (for validators), else PatternError."""
    compile_placeholders(pattern, allowed)
    return pattern


def _choices(allowed: tuple[str, ...]) -> str:
    names = [f"{{{name}}}" for name in allowed]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
