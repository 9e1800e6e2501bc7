"""Two test runs at once must not share a file: every user folder pressgen writes to is
inside this run's temporary folder, for module- and session-scoped fixtures too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

USER_DIRS = ("PRESSGEN_DATA_DIR", "PRESSGEN_CONFIG_DIR", "PRESSGEN_CACHE_DIR")


@pytest.fixture(scope="module")
def seen_by_a_module_fixture() -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in USER_DIRS}


def test_module_fixtures_never_see_the_real_user_folders(
    seen_by_a_module_fixture: dict[str, str | None], tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = tmp_path_factory.getbasetemp().resolve()
    for name, value in seen_by_a_module_fixture.items():
        assert value is not None, f"{name} unset: pressgen would use the real user folder"
        assert Path(value).resolve().is_relative_to(base), (name, value)


def test_each_test_has_its_own_user_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.getbasetemp().resolve()
    cache = Path(os.environ["PRESSGEN_CACHE_DIR"]).resolve()
    assert cache.is_relative_to(base) and "session-user" not in str(cache)
