"""The Textual-free rules of recovery: when an autosave may be written, and when a key
may answer the recovery question."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.storage import drafts
from pressgen.storage.recovery import DraftGuard, Phase, Saved
from pressgen.tui.grace import QuietGate


def draft(campaign: Path, text: str) -> drafts.Draft:
    return drafts.Draft(str(campaign), text, "en_GB", "uk-press")


def on_disk(campaign: Path) -> str:
    found = drafts.load_draft(campaign)
    assert isinstance(found, drafts.Draft)
    return found.text


def test_an_unanswered_draft_is_never_overwritten(tmp_path: Path) -> None:
    campaign = tmp_path / "c.toml"
    drafts.save_draft(draft(campaign, "yesterday's work"))
    guard = DraftGuard(campaign)
    assert not guard.may_save and guard.phase is Phase.UNDECIDED
    assert guard.save(draft(campaign, "typed too early")) is Saved.HELD  # before start()
    offered = guard.start()
    assert isinstance(offered, drafts.Draft) and offered.text == "yesterday's work"
    assert guard.save(draft(campaign, "typed too early")) is Saved.HELD  # while asking
    assert on_disk(campaign) == "yesterday's work"
    assert guard.recovered().text == "yesterday's work"
    assert guard.save(draft(campaign, "yesterday's work, carried on")) is Saved.WRITTEN
    assert on_disk(campaign) == "yesterday's work, carried on"


def test_a_discarded_draft_is_kept_and_can_be_restored(tmp_path: Path) -> None:
    campaign = tmp_path / "c.toml"
    drafts.save_draft(draft(campaign, "declined"))
    guard = DraftGuard(campaign)
    guard.start()
    kept = guard.discarded()
    assert kept is not None and kept.parent == drafts.discarded_directory()
    assert drafts.load_draft(campaign) is None
    assert [k.draft.text for k in drafts.kept_drafts(campaign)] == ["declined"]
    assert drafts.kept_drafts(tmp_path / "other.toml") == []
    assert guard.save(draft(campaign, "new work")) is Saved.WRITTEN
    # Restoring sets this session's own autosave aside: both stay listed.
    assert guard.restore(kept).text == "declined"
    assert on_disk(campaign) == "declined"
    assert [k.draft.text for k in drafts.kept_drafts(campaign)] == ["new work"]
    assert guard.save(draft(campaign, "declined, edited")) is Saved.WRITTEN
    assert on_disk(campaign) == "declined, edited"


def test_without_an_earlier_draft_saving_starts_at_once(tmp_path: Path) -> None:
    campaign = tmp_path / "c.toml"
    guard = DraftGuard(campaign)
    assert guard.start() is None and guard.may_save
    assert guard.save(draft(campaign, "first")) is Saved.WRITTEN
    with pytest.raises(RuntimeError):
        guard.recovered()


def test_a_draft_another_session_wrote_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    campaign = tmp_path / "c.toml"
    ours, theirs = DraftGuard(campaign), DraftGuard(campaign)
    ours.start()
    theirs.start()
    assert ours.save(draft(campaign, "ours")) is Saved.WRITTEN
    assert theirs.save(draft(campaign, "theirs")) is Saved.SET_ASIDE
    assert on_disk(campaign) == "ours"
    assert [k.draft.text for k in drafts.kept_drafts(campaign)] == ["theirs"]
    assert theirs.save(draft(campaign, "theirs, later")) is Saved.WRITTEN  # its own file
    assert on_disk(campaign) == "ours"
    assert [k.draft.text for k in drafts.kept_drafts(campaign)] == ["theirs, later"]


def test_an_unreadable_autosave_is_reported_and_not_written_over(tmp_path: Path) -> None:
    campaign = tmp_path / "c.toml"
    drafts.draft_path(campaign).write_text("{broken", encoding="utf-8")
    guard = DraftGuard(campaign)
    problem = guard.start()
    assert isinstance(problem, drafts.DraftProblem) and "corrupt" in problem.message
    assert guard.save(draft(campaign, "new")) is Saved.WRITTEN
    assert problem.path.read_text(encoding="utf-8") == "{broken"


def test_keys_before_the_dialog_is_shown_or_in_a_burst_do_not_answer() -> None:
    gate = QuietGate(quiet=0.5)
    assert not gate.key(0.0)  # typed before the paint
    assert gate.opens_at() is None
    gate.shown(1.0)
    assert not gate.key(1.2)  # a burst that began before the dialog runs on into it
    assert not gate.key(1.6)
    assert gate.opens_at() == pytest.approx(2.1)
    assert not gate.is_open(2.0)
    assert gate.key(2.2)  # after half a second of quiet: a deliberate answer
    assert gate.key(2.25)
    gate.restart(2.3)  # the focus moved: the next key waits for quiet again
    assert not gate.key(2.5)
    assert not gate.key(1.9)  # delivered long before, handled late: still dropped
    assert gate.opens_at() == pytest.approx(3.0)
    assert gate.key(3.0)
