"""Never lose work: a killed pressgen's edits are offered back on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pressgen.tui.confirm import ConfirmScreen
from pressgen.tui.editor import DraftEditor

from .conftest import SIZE, make_app, ready, wait_for

HELPER = Path(__file__).with_name("_edit_then_hang.py")


def run_and_kill(campaign: Path, tmp_path: Path, sig: int, mode: str) -> None:
    marker = tmp_path / "ready"
    # The child's stderr goes to a file, never a pipe: reading a pipe while the child
    # still runs blocks until it exits, which a child waiting to be killed never does.
    log = tmp_path / "child-stderr.txt"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(HELPER), str(campaign), str(marker), mode],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        # Generous: it takes 2-5 s alone, over a minute with two suites on a busy machine.
        deadline = time.monotonic() + 180
        while not marker.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait(timeout=10)
                raise AssertionError(log.read_text("utf-8", "replace") or "no start")
            time.sleep(0.05)
        os.kill(proc.pid, sig)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


async def recovered_text(campaign: Path) -> str:
    app = make_app(campaign)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.edited)
        return app.query_one(DraftEditor).text


@pytest.mark.parametrize(
    ("sig", "mode"),
    [(signal.SIGKILL, "wait-autosave"), (signal.SIGTERM, "now"), (signal.SIGHUP, "now")],
    ids=["sigkill-after-autosave", "sigterm", "sighup"],
)
async def test_killed_mid_edit_then_recovered(
    campaign: Path, tmp_path: Path, sig: int, mode: str
) -> None:
    run_and_kill(campaign, tmp_path, sig, mode)
    text = await recovered_text(campaign)
    assert text.startswith("Typed before the crash. ")


async def test_declined_recovery_keeps_a_copy(campaign: Path) -> None:
    from pressgen.storage.drafts import Draft, drafts_directory, save_draft

    save_draft(Draft(str(campaign), "An edit nobody wants.", "en_GB", "uk-press"))
    app = make_app(campaign)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await pilot.pause()
        assert not app.edited
    assert list((drafts_directory() / "discarded").glob("*.json"))
