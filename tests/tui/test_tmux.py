"""The real `pressgen` in a real terminal (tmux): it draws the release and quits with 0."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

PRESSGEN = Path(sys.executable).with_name("pressgen")
DEADLINE = 30  # seconds for one tmux command; each takes milliseconds


class Tmux:
    """A tmux server of the test's own (its socket in the test's folder): a session name
    shared with another test run at the same time, or a user's tmux, cannot collide."""

    def __init__(self) -> None:
        # A short folder of its own: a socket path may not exceed 107 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="pressgen-tmux-"))
        self.socket = self.folder / "sock"

    def __call__(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=DEADLINE,
        ).stdout

    def stop(self) -> None:
        subprocess.run(
            ["tmux", "-S", str(self.socket), "kill-server"], capture_output=True, timeout=DEADLINE
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def screen_until(tmux: Tmux, session: str, needle: str, timeout: float = 15) -> str:
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
    session = "pressgen-test"
    tmux = Tmux()
    user = tmp_path / "user"
    command = (
        f"PRESSGEN_DATA_DIR={user / 'data'} PRESSGEN_CACHE_DIR={user / 'cache'} "
        f"PRESSGEN_CONFIG_DIR={user / 'config'} {PRESSGEN}; echo EXIT=$?; sleep 30"
    )
    try:
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
        screen_until(tmux, session, "4,534")
        screen = screen_until(tmux, session, "f1 Help")  # the footer
        assert "Figures" in screen and "EMBARGOED" in screen
        # Issue 16 item 7: the keys a press officer needs are whole in the footer, and
        # the figures' values are not cut, at 80 columns as at 120.
        footer = screen.rstrip().splitlines()[-1]
        for key in ("f1 Help", "f2 Edit", "f3 Export", "^s Save", "^b Panel", "f6 Batch"):
            assert key in footer, footer
        screen = screen_until(tmux, session, "52 per cent")
        assert "52 p " not in screen and "4,534 " in screen
        tmux("send-keys", "-t", session, "C-q")
        assert "EXIT=0" in screen_until(tmux, session, "EXIT=")
    finally:
        tmux.stop()
