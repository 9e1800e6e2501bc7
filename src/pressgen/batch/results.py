"""What a batch reports: its progress, each group's outcome and the batch's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch has got to; passed to the progress callback after each chunk."""

    done: int
    total: int
    written: int
    skipped: int
    failed: int
    last_group: str | None = None


@dataclass(frozen=True)
class GroupResult:
    """What happened to one group: `status` is 'written', 'skipped' or 'error'."""

    group: str
    file: str
    status: str
    error: str | None = None
    warnings: tuple[str, ...] = ()
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchResult:
    out_dir: Path
    column: str
    results: tuple[GroupResult, ...]
    index_files: tuple[Path, ...]
    cancelled: bool = False
    prepare_seconds: float = 0.0
    render_seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    """About every release alike (an untranslated text, a draft quote), said once."""
    index_error: str | None = None
    """Why the index could not be written (a full disk, say): the releases were."""
    kept: tuple[Path, ...] = ()
    """Copies of an earlier index that --skip-existing would otherwise have replaced."""
    cleaned: int = 0
    """Temporary files left by an interrupted batch, removed before this one started."""

    @property
    def failed(self) -> tuple[GroupResult, ...]:
        return tuple(r for r in self.results if r.status == "error")

    @property
    def written(self) -> int:
        return sum(1 for r in self.results if r.status == "written")

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.results if r.status == "skipped")

    def report(self) -> list[str]:
        """What the batch has to say, a line each: warnings about every release, each
        failed group (naming its file and why), the index, and a summary line last
        (written, skipped, failed, where)."""
        lines = [f"warning: {w}" for w in self.warnings]
        if self.cleaned:
            lines.append(f"removed {self.cleaned} temporary file(s) an interrupted batch left")
        lines += [r.error or f"group {r.group!r} failed" for r in self.failed]
        if self.index_error:
            lines.append(f"the index was not written: {self.index_error}")
        lines += [f"the previous index is kept as {copy}" for copy in self.kept]
        where = f"index in {self.index_files[0]}" if self.index_files else "no index"
        if self.cancelled:
            where = "cancelled, no index"
        lines.append(
            f"{self.written} written, {self.skipped} skipped, {len(self.failed)} failed "
            f"of {len(self.results)} groups by {self.column!r} in {self.out_dir}; {where}"
        )
        return lines
