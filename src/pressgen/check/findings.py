"""What a check or lint reports: findings with a place, and the report that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "decision", "note"]

#: Severities that make `pressgen check` and `pressgen lint` exit 1. A "decision" (a
#: small number that could identify someone) is listed for a person to decide on but
#: does not fail the check: the untouched example has two of them by design. A "note"
#: is information only, such as a figure the writer chose to leave out.
FAILING: frozenset[str] = frozenset({"error", "warning"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at `line`:`column` (both from 1; for a DOCX draft the line is the
    paragraph number). `offset`/`end` are character offsets into the draft text, so an
    editor can highlight the span. `nearest` is the closest figure for a number that
    matches none: its name (or name.part) and its text in house style."""

    code: str
    severity: Severity
    line: int
    column: int
    text: str
    message: str
    offset: int = 0
    end: int = 0
    nearest: str | None = None
    nearest_text: str | None = None
    figure: str | None = None
    in_quote: bool = False
    rows: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "offset": self.offset,
            "end": self.end,
            "nearest": self.nearest,
            "nearest_text": self.nearest_text,
            "figure": self.figure,
            "in_quote": self.in_quote,
            "rows": list(self.rows),
        }

    def format(self, source: str = "") -> str:
        prefix = f"{source}:" if source else ""
        return f"{prefix}{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class CheckReport:
    """Everything `check_draft` found. `ok` is True when no finding fails the check."""

    findings: tuple[Finding, ...]
    numbers: int = 0
    matched: int = 0
    figures_used: tuple[str, ...] = ()
    locale: str = ""
    style: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Problems in the computed figures themselves (a share that is not part / whole)."""

    @property
    def ok(self) -> bool:
        """Nothing fails: no error or warning, and the figures' own arithmetic holds."""
        return not self.notes and not any(f.severity in FAILING for f in self.findings)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity in FAILING)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "locale": self.locale,
            "style": self.style,
            "numbers": self.numbers,
            "matched": self.matched,
            "figures_used": list(self.figures_used),
            "figure_problems": list(self.notes),
            "findings": [f.as_dict() for f in self.findings],
        }


class LineIndex:
    """Offsets to (line, column), both from 1."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        i = text.find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
