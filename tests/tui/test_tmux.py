"""The real `pressgen` in a real terminal (tmux): it draws the release and quits with 0."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

PRESSGEN = Path(sys.executable).with_name("pressgen")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def screen_until(session: str, needle: str, timeout: float = 15) -> str:
    end = time.monotonic() + timeout
    text = ""
    while time.monotonic() < end:
        text = tmux("capture-pane", "-t", session, "-p")
        if needle in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared; screen was:\n{text}")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_real_pressgen_in_tmux(project: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    session = f"pressgen-test-{tmp_path.name}"
    user = tmp_path / "user"
    command = (
        f"PRESSGEN_DATA_DIR={user / 'data'} PRESSGEN_CACHE_DIR={user / 'cache'} "
        f"PRESSGEN_CONFIG_DIR={user / 'config'} {PRESSGEN}; echo EXIT=$?; sleep 30"
    )
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        str(size[0]),
        "-y",
        str(size[1]),
        "-c",
        str(project),
        command,
    )
    try:
        screen_until(session, "4,534")
        screen = screen_until(session, "Quit")  # the footer
        assert "Figures" in screen and "EMBARGOED" in screen
        tmux("send-keys", "-t", session, "C-q")
        assert "EXIT=0" in screen_until(session, "EXIT=")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
