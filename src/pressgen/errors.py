"""The one error type pressgen raises for bad input, and how it reads on one line.

Every loader, validator and renderer turns what went wrong into a `PressgenError` that
names the file and, where it applies, the line, row or field. The CLI prints
`str(error)` and exits 2; the TUI shows the same line in its error panel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pydantic costs ~30 ms to import; the TUI starts without it
    from pydantic import ValidationError


class PressgenError(Exception):
    """Bad input or bad usage, described in one line for a person."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        where: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.where = where
        self.detail = detail
        super().__init__(self.line())

    def line(self) -> str:
        parts = [p for p in (self.path, self.where) if p]
        parts.append(self.message)
        return ": ".join(parts).replace("\n", " ")

    def __str__(self) -> str:
        return self.line()


def field_path(loc: tuple[int | str, ...]) -> str:
    """Render a Pydantic error location as `quotes[1].speaker`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def from_validation(error: ValidationError, path: str | Path | None) -> PressgenError:
    """The first problem of a Pydantic validation error, as one readable line."""
    first = error.errors()[0]
    loc = tuple(p for p in first["loc"] if not str(p).startswith("function-"))
    msg = first["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if first["type"] == "extra_forbidden":
        msg = "unknown field"
    elif first["type"] == "missing":
        msg = "required field is missing"
    more = len(error.errors()) - 1
    if more:
        msg += f" (and {more} more problem{'s' if more > 1 else ''})"
    return PressgenError(msg, path=path, where=field_path(loc) or None, detail=str(error))
