"""Writing a one-off dataset (manifest + data file) for a hardening test; `run_cli` (from
tests.cli) runs a `pressgen` command in-process."""

from __future__ import annotations

from pathlib import Path

from tests.cli import Outcome, run_cli

__all__ = ["Outcome", "run_cli", "write_dataset"]

MANIFEST = """title = "test"
file = "{file}"
{extra}
[source]
publisher = "Test"

[columns.area]
type = "text"

[columns.n]
type = "{ntype}"
"""


def write_dataset(
    folder: Path, data: bytes, *, suffix: str = "csv", extra: str = "", ntype: str = "int"
) -> Path:
    (folder / f"data.{suffix}").write_bytes(data)
    manifest = folder / "data.toml"
    manifest.write_text(MANIFEST.format(file=f"data.{suffix}", extra=extra, ntype=ntype), "utf-8")
    return manifest
