"""Shared fixtures: the repository root and an isolated user folder for every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "campaigns" / "met-cyber-training.toml"


@pytest.fixture(autouse=True)
def _isolate_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("PRESSGEN_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("PRESSGEN_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(base / "cache"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the bundled project (campaigns, datasets, quotes, templates)."""
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path
