"""Never lose work: a killed pressgen's edits are offered back on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pressgen.storage import drafts
from pressgen.tui.app import PressgenApp
from pressgen.tui.drafts_screen import DraftsScreen
from pressgen.tui.editor import DraftEditor
from pressgen.tui.recovery_dialog import RecoveryScreen

from .conftest import SIZE, answer_recovery, make_app, readable, ready, type_text, wait_for

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
        proc.wait(timeout=60)  # SIGTERM and SIGHUP save first: slow on a loaded machine
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


async def recovered_text(campaign: Path) -> str:
    app = make_app(campaign, quick_answer=True)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await answer_recovery(pilot, recover=True)
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
    assert readable(text).startswith("Typed before the crash. ")


async def test_declined_recovery_keeps_a_copy(campaign: Path) -> None:
    from pressgen.storage.drafts import Draft, drafts_directory, save_draft

    save_draft(Draft(str(campaign), "An edit nobody wants.", "en_GB", "uk-press"))
    app = make_app(campaign, quick_answer=True)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await answer_recovery(pilot, recover=False)
        await pilot.pause()
        assert not app.edited
    assert list((drafts_directory() / "discarded").glob("*.json"))


def type_ahead(app: PressgenApp, keys: list[str]) -> None:
    """Keys as a terminal delivers them while the app is busy: all at once, queued, with
    no waiting between them (pilot.press waits for the app after each key)."""
    from textual import events
    from textual.keys import _character_to_key

    assert app._driver is not None
    for key in keys:
        char = key if len(key) == 1 else None
        event = events.Key(_character_to_key(key) if char else key, char)
        event.set_sender(app)
        app._driver.send_message(event)


OLD = "Yesterday's edit, never recovered.\n\nIt must survive whatever is typed at start-up."


def old_draft_on_disk(campaign: Path) -> str | None:
    found = drafts.load_draft(campaign)
    return found.text if isinstance(found, drafts.Draft) else None


async def test_typing_before_a_slow_first_build_keeps_the_earlier_draft(
    slow_campaign: Path,
) -> None:
    """Issue 12 item 6. The first build takes seconds (a template that loops 15 million
    times); the user opens the editor and types at once. Before, those keys went into the
    editor and the 2-second autosave wrote them over the earlier, unrecovered draft."""
    drafts.save_draft(drafts.Draft(str(slow_campaign), OLD, "en_GB", "uk-press"))
    app = make_app(slow_campaign)
    async with app.run_test(size=SIZE) as pilot:
        typed = ["f2", *"Typed at once"]
        type_ahead(app, typed)
        await wait_for(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        await pilot.pause(0.2)
        assert app.built is None, "the first build must still be running here"
        app.autosave(force=True)  # what the 2-second timer does
        assert old_draft_on_disk(slow_campaign) == OLD
        assert isinstance(app.screen, RecoveryScreen)
        await wait_for(pilot, lambda: app.built is not None, timeout=60)
        app.autosave(force=True)
        assert old_draft_on_disk(slow_campaign) == OLD
        await answer_recovery(pilot, recover=True)
        editor = app.main.query_one(DraftEditor)
        # edit mode gives the editor the focus a moment after the text is in
        await wait_for(pilot, lambda: editor.text == OLD and app.editing)
        await wait_for(pilot, lambda: app.focused is editor)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, " More.")
        assert editor.text.endswith("start-up. More.")
        app.autosave()  # recovered: this session carries the draft on
        assert old_draft_on_disk(slow_campaign) == OLD + " More."


async def test_keys_typed_as_the_question_appears_do_not_answer_it(campaign: Path) -> None:
    """Issue 12 item 7: n, Escape or Enter typed at start-up answered "Discard". Now keys
    arriving before the keyboard has been quiet for half a second are dropped, no letter
    or Escape answers at all, and Discard needs the focus moved to it and a pause."""
    drafts.save_draft(drafts.Draft(str(campaign), OLD, "en_GB", "uk-press"))
    app = make_app(campaign)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        screen = app.screen
        assert isinstance(screen, RecoveryScreen)
        # Whether they arrive before the question takes keys or after, none discards:
        # Tab then Enter in one burst is dropped as the focus moves.
        type_ahead(app, ["n", "escape", "y", "d", "n", "escape", "tab", "enter", "n"])
        await wait_for(pilot, lambda: screen.armed)
        await pilot.pause(0.2)
        assert app.screen is screen and old_draft_on_disk(campaign) == OLD
        assert drafts.kept_drafts(campaign) == []
        if screen.focused is not None and screen.focused.id == "no":
            await pilot.press("shift+tab")  # back to Recover, as answer_recovery expects
            await wait_for(pilot, lambda: screen.armed)
        await answer_recovery(pilot, recover=False)  # a deliberate Tab, pause, Enter
        assert old_draft_on_disk(campaign) is None and not app.edited
        assert [k.draft.text for k in drafts.kept_drafts(campaign)] == [OLD]


async def test_typing_that_runs_into_the_question_can_only_recover(campaign: Path) -> None:
    drafts.save_draft(drafts.Draft(str(campaign), OLD, "en_GB", "uk-press"))
    app = make_app(campaign)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        screen = app.screen
        assert isinstance(screen, RecoveryScreen)
        await wait_for(pilot, lambda: screen.armed)
        await pilot.press(*"no", "escape", "enter")  # typed on after it took keys
        await wait_for(pilot, lambda: app.edited)
        assert app.main.draft_text == OLD and drafts.kept_drafts(campaign) == []


async def test_a_discarded_draft_is_listed_and_restored(campaign: Path) -> None:
    drafts.save_draft(drafts.Draft(str(campaign), OLD, "en_GB", "uk-press", group=""))
    app = make_app(campaign, quick_answer=True)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await answer_recovery(pilot, recover=False)
        assert [k.draft.text for k in drafts.kept_drafts(campaign)] == [OLD]
        # Edit something else first: restoring keeps these edits as a discarded draft.
        await pilot.press("f2")
        editor = app.main.query_one(DraftEditor)
        editor.move_cursor((0, 0))
        await type_text(pilot, "Mine. ")
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen))
        assert "Yesterday's edit" in str(
            app.screen.query_one("#drafts-list").get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        from pressgen.tui.confirm import ConfirmScreen

        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: editor.text == OLD)
        assert old_draft_on_disk(campaign) == OLD
        kept = [k.draft.text for k in drafts.kept_drafts(campaign)]
        assert len(kept) == 1 and readable(kept[0]).startswith("Mine. ")


async def test_no_key_of_the_main_screen_acts_behind_a_dialog(campaign: Path) -> None:
    drafts.save_draft(drafts.Draft(str(campaign), OLD, "en_GB", "uk-press"))
    app = make_app(campaign)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        await wait_for(pilot, lambda: app.screen.armed)  # type: ignore[attr-defined]
        await pilot.press("f2", "ctrl+b", "f6", "f3", "ctrl+f", "ctrl+g", "ctrl+s")
        assert isinstance(app.screen, RecoveryScreen)
        assert not app.editing and not app.main.query_one("#sidebar").has_class("-hidden")
        assert not app.main.find_bar.display
