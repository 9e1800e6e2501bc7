"""Atomic writes: no partial files, no silent overwrite, ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.storage.atomic import atomic_write


def test_writes_and_refuses_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "release.md"
    atomic_write(target, "first")
    assert target.read_text() == "first"
    with pytest.raises(PressgenError, match="file exists"):
        atomic_write(target, "second")
    assert target.read_text() == "first"
    atomic_write(target, b"second", force=True)
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["release.md"]  # no temp files left


def test_permissions_follow_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = atomic_write(tmp_path / "r.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_folder_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match="folder"):
        atomic_write(tmp_path, "x", force=True)
