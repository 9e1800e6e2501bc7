"""Which characters can go into an exported document, and cleaning out the rest.

XML 1.0 (and so every DOCX) forbids most C0 control characters, U+FFFE/U+FFFF and lone
surrogates; lxml answers any of them with a bare ValueError deep inside python-docx. Text
is checked here first, field by field, so the person sees which part of the release holds
the bad character and either gets a cleaned document with a warning or a one-line refusal.
"""

from __future__ import annotations

import re

from pressgen.errors import PressgenError

# Everything outside the XML 1.0 Char production: C0 controls except tab, LF and CR,
# the surrogate block (only ever lone in a Python str) and the two non-characters.
_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def invalid_chars(text: str) -> list[str]:
    """The distinct characters in `text` that XML cannot hold, in order of appearance."""
    seen: dict[str, None] = {}
    for match in _INVALID.finditer(text):
        seen.setdefault(match.group(), None)
    return list(seen)


def describe(chars: list[str]) -> str:
    """`U+0007, U+D800` for a warning or error message."""
    return ", ".join(f"U+{ord(c):04X}" for c in chars)


class TextGuard:
    """Cleans (with a warning) or refuses (with a PressgenError) XML-invalid text by field.

    One guard serves one export, so a field with many bad characters yields one warning.
    """

    def __init__(self, *, refuse: bool = False) -> None:
        self.refuse = refuse
        self._warned: dict[str, list[str]] = {}

    def clean(self, text: str, field: str) -> str:
        if not _INVALID.search(text):
            return text
        bad = invalid_chars(text)
        if self.refuse:
            raise PressgenError(
                f"contains {_plural(len(bad), 'character')} a document cannot hold "
                f"({describe(bad)}); remove {'it' if len(bad) == 1 else 'them'}",
                where=field,
            )
        known = self._warned.setdefault(field, [])
        known.extend(c for c in bad if c not in known)
        return _INVALID.sub("", text)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(
            f"{field}: removed {_plural(len(chars), 'character')} a document cannot hold "
            f"({describe(chars)})"
            for field, chars in self._warned.items()
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
