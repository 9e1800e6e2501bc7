"""The TUI's Textual-free logic: preview blocks, quote slots, saved campaigns, drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressgen.release.pipeline import prepare
from pressgen.storage import drafts
from pressgen.tui.blocks import changed_span, split_blocks
from pressgen.tui.session import (
    Picks,
    build,
    campaign_text,
    check_campaign_text,
    load_picked,
    quote_rows,
    scan_project,
)


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("a\nb\n\nc", ["a\nb", "c"]),
        ("\n\n# h\n\n\npara\n", ["# h", "para"]),
        ("x\n\n```\ncode\n\nmore\n```\n\ny", ["x", "```\ncode\n\nmore\n```", "y"]),
        ("", []),
    ],
)
def test_split_blocks(text: str, blocks: list[str]) -> None:
    assert split_blocks(text) == blocks


@pytest.mark.parametrize(
    ("old", "new", "span"),
    [
        (["a", "b", "c"], ["a", "B", "c"], (1, 2, 2)),
        (["a", "b"], ["a", "b", "c"], (2, 2, 3)),
        (["a", "b", "c"], ["a", "c"], (1, 2, 1)),
        (["a"], ["a"], (1, 1, 1)),
        ([], ["x", "y"], (0, 0, 2)),
    ],
)
def test_changed_span(old: list[str], new: list[str], span: tuple[int, int, int]) -> None:
    assert changed_span(old, new) == span
    start, old_end, new_end = span
    assert old[:start] + new[start:new_end] + old[old_end:] == new


def test_scan_project_lists_files_but_not_base_layout(project: Path) -> None:
    files = scan_project(project)
    assert [p.name for p in files.campaigns] == sorted(
        p.name for p in (project / "campaigns").glob("*.toml")
    )
    assert all(not p.name.startswith("base.") for p in files.templates)
    assert any(p.name == "met-cyber-training.toml" for p in files.quotes)


def test_quote_rows_defaults_and_unapproved_fills_free_slot(project: Path) -> None:
    prepared = prepare(project / "campaigns" / "met-cyber-training.toml")
    rows, slots = quote_rows(prepared, {})
    assert slots == {"campaigner": "marsh-communities", "company": "adeyemi-frontline"}
    unapproved = [r for r in rows if r.problem]
    assert unapproved and not unapproved[0].included
    rows, slots = quote_rows(prepared, {"adeyemi-frontline": False, "adeyemi-investment": True})
    assert slots["company"] == "adeyemi-investment"


def test_build_marks_drafts_when_unapproved_included(project: Path) -> None:
    picks = Picks(
        campaign=project / "campaigns" / "met-cyber-training.toml",
        included={"adeyemi-frontline": False, "adeyemi-investment": True},
    )
    result = build(picks)
    assert result.drafts
    assert "refresher training" in result.rendered.markdown


def test_campaign_text_swaps_picks_and_keeps_the_rest(project: Path) -> None:
    path = project / "campaigns" / "met-cyber-training.toml"
    picks = Picks(
        campaign=path,
        locale="de_DE",
        style="de-presse",
        template=project / "templates" / "cyber-training.md.j2",
    )
    text = campaign_text(picks, load_picked(picks))
    assert 'locale = "de_DE"' in text and 'style = "de-presse"' in text
    assert 'template = "cyber-training"' in text
    assert "[figures.first_responder_total]" in text and text.startswith("# The bundled")
    check_campaign_text(text, path)
    out = project / "campaigns" / "saved.toml"
    out.write_text(text, encoding="utf-8")
    assert build(Picks(campaign=out)).rendered.locale == "de_DE"


def test_draft_round_trip_and_problems(project: Path) -> None:
    campaign = project / "campaigns" / "met-cyber-training.toml"
    drafts.save_draft(
        drafts.Draft(str(campaign), "text", "en_GB", "uk-press", include={"a": False})
    )
    got = drafts.load_draft(campaign)
    assert isinstance(got, drafts.Draft) and got.text == "text" and got.include == {"a": False}
    with pytest.raises(ValueError, match="newer pressgen"):
        drafts.parse_draft(json.dumps({"version": 2}))
    with pytest.raises(ValueError, match="corrupt"):
        drafts.parse_draft(json.dumps({"version": 1, "text": 3}))
    with pytest.raises(ValueError, match="corrupt"):
        drafts.parse_draft("[]")
    # A draft of one group's release keeps its group; one saved before groups had none.
    drafts.save_draft(drafts.Draft(str(campaign), "t", "en_GB", "uk-press", group="Kent Police"))
    kept = drafts.load_draft(campaign)
    assert isinstance(kept, drafts.Draft) and kept.group == "Kent Police"
    old = {"version": 1, "campaign": "c", "text": "t", "locale": "en_GB", "style": "uk-press"}
    assert drafts.parse_draft(json.dumps(old)).group == ""
    with pytest.raises(ValueError, match="corrupt"):
        drafts.parse_draft(json.dumps({**old, "group": 7}))


def test_preview_cache_key_changes_with_any_input(project: Path) -> None:
    from pressgen.tui.preview_cache import load_preview, preview_key, save_preview

    campaign = project / "campaigns" / "met-cyber-training.toml"
    key = preview_key(campaign)
    assert preview_key(campaign) == key
    save_preview(key, "# cached")
    assert load_preview(key) == "# cached"
    quotes = project / "quotes" / "met-cyber-training.toml"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert preview_key(campaign) != key


def test_saved_campaign_keeps_multiline_text_that_looks_like_toml(project: Path) -> None:
    """The line-based rewrite split the file at a line starting with `[` inside a
    multi-line string and replaced `style = …` inside it; the file is now edited
    round-trip, so only the picked keys change."""
    import tomllib

    from pressgen.tui.session import save_campaign

    path = project / "campaigns" / "met-cyber-training.toml"
    original = path.read_text(encoding="utf-8")
    tricky = original.replace(
        'title = "Met Police cyber crime training (FoI)"',
        'title = """Met Police cyber crime training\n[release]\nstyle = "plain"\n(FoI)"""',
    ).replace('style = "uk-press"\n', "")  # the style key is missing: it is added
    path.write_text(tricky, encoding="utf-8")
    picks = Picks(campaign=path, locale="de_DE", style="de-presse")
    out = project / "campaigns" / "saved.toml"
    save_campaign(picks, load_picked(picks), out, force=False)
    before, after = tomllib.loads(tricky), tomllib.loads(out.read_text(encoding="utf-8"))
    assert after["title"] == before["title"]
    assert after["locale"] == "de_DE" and after["style"] == "de-presse"
    assert {k: v for k, v in after.items() if k not in ("locale", "style")} == {
        k: v for k, v in before.items() if k not in ("locale", "style")
    }
    assert out.read_text(encoding="utf-8").startswith("# The bundled")
    with pytest.raises(Exception, match="exists"):
        save_campaign(picks, load_picked(picks), out, force=False)


def test_provenance_of_a_formula_names_its_figures_not_rows() -> None:
    from pressgen.tui.figures_panel import provenance_text
    from tests.conftest import EXAMPLE

    figures = prepare(EXAMPLE).figures
    formula = provenance_text(figures["three_courses_total"])
    assert "computed from: first_responder_total, introduction_total" in formula
    assert "rows matched" not in formula and "(all rows)" not in formula
    read = provenance_text(figures["first_responder_total"])
    assert "rows matched: 18" in read and "computed from" not in read


def test_provenance_of_a_constant_says_it_was_stated_with_its_source() -> None:
    from pressgen.tui.figures_panel import provenance_text
    from tests.conftest import ROOT

    bls = ROOT / "examples" / "bls-union-members" / "campaigns" / "union-members.toml"
    text = provenance_text(prepare(bls).figures["households"])
    assert "method: stated in the campaign (not computed from data)" in text
    assert "source: BLS, Union Members -- 2023, technical note" in text
    assert "rows matched" not in text and "dataset:" not in text


def test_a_table_figure_is_listed_by_its_shape() -> None:
    from pressgen.tui.figures_panel import exact
    from tests.conftest import ROOT

    thefts = ROOT / "examples" / "rac-vehicle-thefts" / "campaigns" / "vehicle-thefts.toml"
    figures = prepare(thefts).figures
    table = figures["thefts"]
    years = len(table.extra["columns"])
    assert exact(table.value) == f"{len(table.value)} rows × {years} columns"
    assert exact(figures["by_force"].value).endswith(" groups")
