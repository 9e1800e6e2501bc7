"""Fixtures for the trust tests: the real bundled example, prepared once per session."""

from __future__ import annotations

import pytest

from pressgen.release.pipeline import Prepared, prepare, render_release
from tests.conftest import EXAMPLE


@pytest.fixture(scope="session")
def prepared() -> Prepared:
    return prepare(EXAMPLE)


@pytest.fixture(scope="session")
def release(prepared: Prepared) -> str:
    return render_release(prepared).markdown
