"""Control characters in text a user wrote: removed where the text enters, with a note.

An ESC in a quote, a campaign or a data cell is a terminal escape sequence when
`pressgen render` prints the release (it can retitle the window or clear the screen)
and junk in every export; NUL, BEL, backspace and a lone carriage return (which makes
a terminal overwrite the line it is on) are no better. None belongs in a press release,
so they are removed at load, each time with a warning that names the file and the
field, line or row. Tab and newline are kept: both are legitimate in text.

Bidirectional controls (U+202A-U+202E, U+2066-U+2069) are refused instead: they make
text display in another order than it is stored, so what a reader sees (a figure, the
order of "from 46 to 81") is not what `check` verifies or an approval hash covers.
pressgen's locales are all written left to right, and right-to-left text orders itself
by its letters without them, so a person removing one loses nothing.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from pressgen.errors import PressgenError, field_path

# C0 without tab and newline, DEL, and C1, as a regular expression both Python's `re`
# and polars (Rust's regex) read alike. CR is among them: a CR before a newline is a
# line ending and becomes a plain newline first (see strip_controls).
CONTROL_PATTERN = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
BIDI_PATTERN = r"[\u202a-\u202e\u2066-\u2069]"
# Either kind, as one character class (for a probe that only asks whether any is there).
ANY_CONTROL = CONTROL_PATTERN[:-1] + BIDI_PATTERN[1:]
_CONTROL = re.compile(CONTROL_PATTERN)
_BIDI = re.compile(BIDI_PATTERN)
_SHOWN = 3  # characters named in one note


def char_name(ch: str) -> str:
    """`U+001B ESCAPE`: how a character nobody can see is named in a message."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "control character")
    return f"U+{ord(ch):04X} {name}"


_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0c": "FORM FEED",
    "\x0d": "CARRIAGE RETURN",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
    "\x90": "DEVICE CONTROL STRING",
    "\x9b": "CONTROL SEQUENCE INTRODUCER",
    "\x9d": "OPERATING SYSTEM COMMAND",
}


def has_controls(text: str) -> bool:
    """True when `clean_text` would change or refuse `text`."""
    return _CONTROL.search(text) is not None or _BIDI.search(text) is not None


def describe(removed: str) -> str:
    """What was removed, for a note: `2 control characters (U+001B ESCAPE, U+0007 BELL)`."""
    kinds = list(dict.fromkeys(removed))
    named = ", ".join(char_name(ch) for ch in kinds[:_SHOWN])
    more = ", …" if len(kinds) > _SHOWN else ""
    count = len(removed)
    return f"{count} control character{'s' if count != 1 else ''} ({named}{more})"


def refuse_bidi(text: str, *, path: str | Path | None, where: str | None) -> None:
    """A PressgenError when `text` holds a bidirectional control (see the module note)."""
    found = _BIDI.search(text)
    if found is None:
        return
    raise PressgenError(
        f"contains {char_name(found.group())}, a bidirectional control that makes text "
        "display in another order than it is stored and checked (a spoofing trick); "
        "remove it",
        path=path,
        where=where,
    )


def strip_controls(text: str) -> tuple[str, str]:
    """`text` without its control characters, and the characters removed (in order).
    Windows line endings become newlines, unremarked."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    removed = "".join(_CONTROL.findall(text))
    if not removed:
        return text, ""
    return _CONTROL.sub("", text), removed


def clean_text(text: str, *, path: str | Path | None, where: str | None) -> tuple[str, str | None]:
    """`text` made safe to print, and a warning when anything was removed.

    Raises on a bidirectional control; removes the other controls."""
    refuse_bidi(text, path=path, where=where)
    cleaned, removed = strip_controls(text)
    if not removed:
        return cleaned, None
    place = ": ".join(p for p in (str(path) if path is not None else None, where) if p)
    return cleaned, f"{place}: removed {describe(removed)}"


def clean_tree(data: Any, path: str | Path) -> tuple[Any, tuple[str, ...]]:
    """Every string in parsed TOML or JSON (keys included) cleaned by `clean_text`; the
    warnings name each field as validation errors do (`quotes[1].text`)."""
    notes: list[str] = []

    def walk(value: Any, loc: tuple[int | str, ...]) -> Any:
        if isinstance(value, str):
            if not has_controls(value):
                return value
            cleaned, note = clean_text(value, path=path, where=field_path(loc) or None)
            if note:
                notes.append(note)
            return cleaned
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                if isinstance(key, str) and has_controls(key):
                    # The note names the key as it reads once cleaned: never the ESC itself.
                    shown = field_path((*loc, _BIDI.sub("", strip_controls(key)[0])))
                    key, note = clean_text(key, path=path, where=f"{shown} (the key)")
                    if note:
                        notes.append(note)
                    if key in value or key in out:
                        raise PressgenError(
                            "two keys read the same once control characters are removed",
                            path=path,
                            where=shown,
                        )
                out[key] = walk(item, (*loc, key))
            return out
        if isinstance(value, list):
            return [walk(item, (*loc, i)) for i, item in enumerate(value)]
        return value

    return walk(data, ()), tuple(notes)
