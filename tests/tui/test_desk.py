"""Pilot tests for the press officer's desk (issue 16): quote text in the Quotes panel,
pick changes after editing, the export safety net, the locale/style mismatch, drafts."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select, SelectionList

from pressgen.storage import drafts
from pressgen.storage.draftfile import read_draft_file
from pressgen.tui.confirm import ChoiceScreen, ConfirmScreen
from pressgen.tui.draft_screens import OpenDraftScreen, SaveDraftScreen
from pressgen.tui.editor import DraftEditor
from pressgen.tui.error_panel import ErrorPanel
from pressgen.tui.export_dialog import ExportScreen
from pressgen.tui.export_flow import export_problems
from pressgen.tui.export_problems import ExportProblemsScreen
from pressgen.tui.quotes_panel import cut
from pressgen.tui.recovery_dialog import RecoveryScreen
from pressgen.tui.style_hint import own_style

from .conftest import answer_recovery, make_app, readable, ready, type_text, wait_for

SMALL = (80, 24)


def test_cut_fits_the_width_with_an_ellipsis() -> None:
    assert cut("short", 10) == "short"
    assert cut("a long line of words", 10) == "a long li…"
    assert cut("two\nlines", 20) == "two lines"
    assert cut("“Überstunden”", 5) == "“Übe…"


async def test_quotes_show_speaker_and_first_line_at_80x24(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        app.main.action_show_tab("quotes")
        sl = app.query_one(SelectionList)
        await wait_for(pilot, lambda: sl.option_count > 0 and sl.size.width > 0)
        await pilot.pause()
        assert app.built is not None
        width = sl.scrollable_content_region.width
        for index, row in enumerate(app.built.quotes):
            line = str(sl.get_option_at_index(index).prompt)
            assert line.startswith(("✓ ", "⚠ ")), line
            whole = f"{row.speaker}: “{' '.join(row.text.split())}”"
            assert whole.startswith(line[2:].removesuffix("…").rstrip()), line
            assert len(line) > len(row.speaker) + 6  # the quote's words, not just a name
            assert len(line) <= width - 4
        # The example's quotes are longer than the panel: each is cut with an ellipsis.
        assert str(sl.get_option_at_index(0).prompt).endswith("…")
        # The highlighted quote is shown in full below the list.
        sl.focus()
        sl.highlighted = 1
        await pilot.pause()
        detail = str(app.main.query_one("#quote-detail").render())
        assert app.built.quotes[1].speaker in detail
        assert " ".join(app.built.quotes[1].text.split()[-3:]) in " ".join(detail.split())


async def test_unapproved_confirmation_names_speaker_and_words(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        app.main.action_show_tab("quotes")
        sl = app.query_one(SelectionList)
        sl.focus()
        await pilot.pause()
        assert app.built is not None
        index, row = next((i, r) for i, r in enumerate(app.built.quotes) if r.problem)
        sl.highlighted = index
        await pilot.press("space")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        question = app.screen.query_one("#question").render()
        text = str(question)
        assert row.speaker in text and " ".join(row.text.split()[:4]) in text
        assert row.id not in text
        await pilot.press("n")


async def _edit(pilot: Pilot[int], words: str) -> DraftEditor:
    await pilot.press("f2")
    editor = pilot.app.query_one(DraftEditor)
    editor.move_cursor((0, 0))
    await type_text(pilot, words)
    await wait_for(pilot, lambda: pilot.app.edited)  # type: ignore[attr-defined]
    return editor


async def test_pick_after_editing_asks_keep_new_or_cancel(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        editor = await _edit(pilot, "Mine: 4,534 and 9,999. ")
        await pilot.press("f2")  # back to the preview: the check still runs on a keep
        select = app.main.query_one("#pick-locale", Select)
        # Cancel: nothing changes, and the Pick panel shows the old locale again.
        select.value = "de_DE"
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert select.value == "en_GB" and app.picks.locale is None
        assert readable(editor.text).startswith("Mine: ")
        # Keep my text: the locale changes, the text stays and is checked again.
        select.value = "de_DE"
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("k")
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "de_DE"
        )

        def told() -> bool:
            return any("checked against the new figures" in n.message for n in app._notifications)

        await wait_for(pilot, told)
        assert readable(editor.text).startswith("Mine: ") and app.edited
        assert app.main.check_panel.findings  # 9,999 matches no figure
        # Use the new render: the text is replaced and kept in discarded drafts.
        select.value = "en_GB"
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("u")
        await wait_for(
            pilot, lambda: not app.edited and not readable(editor.text).startswith("Mine: ")
        )
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "en_GB"
        )
        kept = [k.draft.text for k in drafts.kept_drafts(campaign)]
        assert len(kept) == 1 and readable(kept[0]).startswith("Mine: ")


async def test_pick_without_edits_does_not_ask(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        app.main.query_one("#pick-locale", Select).value = "de_DE"
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "de_DE"
        )
        assert not isinstance(app.screen, ChoiceScreen)


async def _export_to(pilot: Pilot[int], target: Path) -> None:
    await pilot.press("f3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportScreen))
    pilot.app.screen.query_one(Input).value = str(target)
    await pilot.press("enter")


def status(app: object) -> str:
    from textual.app import App

    assert isinstance(app, App)
    return str(app.screen.query_one("#status").render())


async def test_export_with_problems_asks_and_marks_a_draft(campaign: Path, tmp_path: Path) -> None:
    target = tmp_path / "release.md"
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        # A clean release is written at once, and said to be not marked.
        await _export_to(pilot, tmp_path / "clean.md")
        await wait_for(pilot, lambda: app.main.last_export == tmp_path / "clean.md")
        await wait_for(pilot, lambda: "not marked as a draft" in status(app))
        assert status(app).startswith("Wrote clean.md")
        # A wrong number and an unapproved quote: the export asks, listing both.
        await _edit(pilot, "Over 9,999 officers. ")
        app.main.action_show_tab("quotes")
        assert app.built is not None
        row = next(r for r in app.built.quotes if r.problem)
        # An unapproved quote in the place of a slotted one (its confirmation is tested
        # on its own); with an edited draft each change asks, and the text is kept.
        app.main.picks.included["adeyemi-frontline"] = False
        app.main._set_quote(row.id, True)
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("k")
        await wait_for(pilot, lambda: app.built is not None and app.built.drafts)
        await _export_to(pilot, target)
        await wait_for(pilot, lambda: isinstance(app.screen, ExportProblemsScreen))
        lines = [str(s.render()) for s in app.screen.query(".problem")]
        assert any("9,999" in line for line in lines)
        assert any(row.speaker in line and "unapproved" in line for line in lines)
        assert row.id not in " ".join(lines)
        await pilot.press("n")  # Cancel: nothing written
        await wait_for(pilot, lambda: "cancelled" in status(app))
        assert not target.exists()
        await _export_to(pilot, target)
        await wait_for(pilot, lambda: isinstance(app.screen, ExportProblemsScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: target.exists() and "marked as a DRAFT" in status(app))
        assert status(app).startswith("Wrote release.md (marked as a DRAFT)")
        assert target.read_text(encoding="utf-8").count("9,999") == 1


def test_export_problems_of_an_untouched_release_are_none(campaign: Path) -> None:
    from pressgen.tui.session import Picks, build

    built = build(Picks(campaign=campaign))
    assert export_problems(built, built.rendered.markdown) == []
    changed = built.rendered.markdown.replace("4,534", "4,535", 1)
    (line,) = export_problems(built, changed)
    assert "4,535" in line and line.startswith("line ")


def test_own_style_for_a_locale() -> None:
    assert own_style("de_DE", "uk-press") == "de-presse"
    assert own_style("fr_FR", "de-presse") == "fr-presse"
    assert own_style("de_DE", "de-presse") is None
    assert own_style("en_US", "uk-press") is None  # the same language
    assert own_style("de_DE", "plain") is None  # language-neutral
    assert own_style("de_DE", "my-team") is None  # a team's own style is theirs to judge


async def test_style_of_another_language_is_flagged_and_switched(campaign: Path) -> None:
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        hint = app.main.style_hint
        assert not hint.has_class("-shown")
        app.main.pick("locale", "de_DE")  # the style follows the locale: no warning
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "de_DE"
        )
        assert app.built is not None and app.built.rendered.style.name == "de-presse"
        assert not hint.has_class("-shown")
        app.main.pick("style", "uk-press")  # chosen by hand: "per cent" in German text
        await wait_for(pilot, lambda: hint.has_class("-shown"))
        assert "per cent" in app.main.rendered_md
        text = str(hint.query_one("#style-hint-text").render())
        assert "uk-press" in text and "de_DE" in text
        assert "Use de-presse" in str(hint.query_one(Button).label)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: not hint.has_class("-shown"))
        assert app.built is not None and app.built.rendered.style.name == "de-presse"
        assert "Prozent" in app.main.rendered_md
        assert app.main.picker.values["style"] == "de-presse"
        # The button does the same.
        app.main.pick("style", "ap")
        await wait_for(pilot, lambda: hint.has_class("-shown"))
        await pilot.click("#style-hint-switch")
        await wait_for(pilot, lambda: not hint.has_class("-shown"))
        assert app.picks.style == "de-presse"


# -- draft files (item 3) ---------------------------------------------------------------


async def _save_as(pilot: Pilot[int], path: Path) -> None:
    await pilot.press("f8")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SaveDraftScreen))
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


async def test_draft_saved_and_opened_again_restores_everything(
    campaign: Path, project: Path
) -> None:
    target = project / "drafts" / "spring.draft.toml"
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        app.main.pick("locale", "de_DE")
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "de_DE"
        )
        app.main._set_quote("adeyemi-frontline", False)
        await wait_for(pilot, lambda: app.picks.included.get("adeyemi-frontline") is False)
        await wait_for(pilot, lambda: "Rob Adeyemi" not in app.main.rendered_md)
        await _edit(pilot, "Mein Entwurf. ")
        await _save_as(pilot, target)
        await wait_for(pilot, lambda: target.exists())
        saved = read_draft_file(target, project)
        assert saved.locale == "de_DE" and saved.markdown is not None
        assert readable(saved.markdown).startswith("Mein Entwurf. ")
        assert "adeyemi-frontline" in saved.quotes_out
        # ctrl+s now saves to the same file without asking.
        await type_text(pilot, "Mehr. ")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Mehr. " in (read_draft_file(target, project).markdown or ""))
        assert not isinstance(app.screen, ConfirmScreen)
    # Another session: F9 lists it first among the recent drafts; Enter opens it.
    app = make_app(campaign, quick_answer=True)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        if isinstance(app.screen, RecoveryScreen):  # the first session's autosave
            await answer_recovery(pilot, recover=False)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDraftScreen))
        listing = app.screen.query_one(OptionList)
        assert "spring" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        editor = app.query_one(DraftEditor)
        await wait_for(pilot, lambda: readable(editor.text).startswith("Mein Entwurf. Mehr. "))
        await wait_for(
            pilot, lambda: app.built is not None and app.built.rendered.locale == "de_DE"
        )
        assert app.edited and app.editing
        assert app.picks.included["adeyemi-frontline"] is False
        assert "Rob Adeyemi" not in app.main.rendered_md
        panel = app.main.check_panel
        await wait_for(pilot, lambda: str(panel.border_title).startswith("Check: "))
        assert not panel.notes  # the data is as it was

        def told() -> bool:
            return any("figures are as they were" in n.message for n in app._notifications)

        await wait_for(pilot, told)


async def test_opened_draft_is_checked_against_the_data_as_it_is_now(
    campaign: Path, project: Path, second_dataset: Path
) -> None:
    target = project / "drafts" / "old.draft.toml"
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await _edit(pilot, "Note: ")
        await _save_as(pilot, target)
        await wait_for(pilot, lambda: target.exists())
        # The data changes under the draft: every attendance doubled.
        data = project / "datasets"
        (data / "met-cyber-training.csv").write_bytes((data / "doubled.csv").read_bytes())
        app.main.draft_files.open_path(target)  # over the same edited text: asks first
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        panel = app.main.check_panel
        await wait_for(pilot, lambda: bool(panel.notes))
        assert any("first_responder_total was 4,534" in n and "9,068" in n for n in panel.notes)
        await wait_for(pilot, lambda: any("4,534" in f.message for f in panel.findings))
        assert "data changed" in str(panel.border_title)
        assert str(panel.get_option_at_index(0).prompt).startswith("Δ data changed: ")


async def test_unreadable_draft_is_one_line_and_changes_nothing(
    campaign: Path, project: Path
) -> None:
    bad = project / "bad.draft.toml"
    bad.write_text('format = 1\ncampaign = "../elsewhere.toml"\n', encoding="utf-8")
    broken = project / "broken.draft.toml"
    broken.write_text("format = 1\ncampaign = = 2\n", encoding="utf-8")
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        before = app.main.rendered_md
        panel = app.main.query_one(ErrorPanel)
        app.main.draft_files.open_path(bad)
        await pilot.pause()
        assert str(bad) in panel.message and "campaign" in panel.message
        assert "outside the project" in panel.message and "\n" not in panel.message
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDraftScreen))
        app.screen.query_one(Input).value = str(broken)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "broken.draft.toml" in panel.message)
        assert "line 2" in panel.message and "invalid TOML" in panel.message
        assert app.main.rendered_md == before and not app.edited
        assert app.main.draft_files.path is None


async def test_save_as_onto_an_existing_file_asks(campaign: Path, project: Path) -> None:
    mine = project / "mine.draft.toml"
    mine.write_text("my notes", encoding="utf-8")
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")  # no file yet: Save as
        await wait_for(pilot, lambda: isinstance(app.screen, SaveDraftScreen))
        app.screen.query_one(Input).value = str(mine)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await pilot.pause()
        assert mine.read_text(encoding="utf-8") == "my notes"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, SaveDraftScreen))
        assert app.main.draft_files.path is None


async def test_missing_recent_drafts_are_dropped_with_a_note(campaign: Path, project: Path) -> None:
    from pressgen.storage.draftfile import DraftFile, save_draft_file

    kept, gone = project / "kept.draft.toml", project / "gone.draft.toml"
    for path in (kept, gone):
        save_draft_file(DraftFile(campaign=campaign), path, project, force=False)
    gone.unlink()
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDraftScreen))
        note = str(app.screen.query_one("#open-draft-dropped").render())
        assert "gone.draft.toml" in note and "no longer exists" in note
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 1 and "kept" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("escape")


async def test_save_over_a_draft_changed_on_disk_asks(campaign: Path, project: Path) -> None:
    target = project / "drafts" / "shared.draft.toml"
    app = make_app(campaign)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await _save_as(pilot, target)
        await wait_for(pilot, lambda: app.main.draft_files.path == target)
        # Someone else writes the file meanwhile: ctrl+s asks before saving over it.
        target.write_text(target.read_text(encoding="utf-8") + "# theirs\n", encoding="utf-8")
        theirs = target.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert target.read_text(encoding="utf-8") == theirs
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: "# theirs" not in target.read_text(encoding="utf-8"))


def test_new_commands_are_in_the_one_table() -> None:
    from pressgen.tui.help_screen import help_markdown
    from pressgen.tui.keys import COMMANDS

    by_id = {c.id: c for c in COMMANDS}
    for cid, key in [
        ("save-draft", "ctrl+s"),
        ("save-draft-as", "f8"),
        ("open-draft", "f9"),
        ("match-style", "ctrl+l"),
    ]:
        assert by_id[cid].keys == key
    text = help_markdown()
    assert "**ctrl+s**" in text and "**F8**" in text and "**F9**" in text
    assert "**ctrl+l**" in text
