"""The core of the "New release" screen (angles.desk): corrections to what was
inferred, the ticked angles written as a campaign that renders and checks, and never
over an existing file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.angles.desk import Desk, provenance
from pressgen.cli import main
from pressgen.errors import PressgenError
from tests.angles.conftest import engine_value, write_csv


def _codes(tmp_path: Path) -> Path:
    """Areas named by a numeric code (inferred as a number), a 'Region' subtotal row
    that the name rules do not recognise, and cases per year."""
    rows: list[list[object]] = []
    for code, (a, b) in {"101": (40, 52), "102": (30, 25), "103": (12, 19)}.items():
        rows += [[code, "North", "2021", a], [code, "North", "2022", b]]
    rows += [["999", "Region", "2021", 82], ["999", "Region", "2022", 96]]
    return write_csv(tmp_path / "codes.csv", ["code", "area", "year", "cases"], rows)


def test_a_column_retyped_and_a_total_row_marked(tmp_path: Path) -> None:
    desk = Desk.open(_codes(tmp_path))
    cols = {c.name: c for c in desk.columns()}
    assert cols["code"].type == "int" and cols["code"].role == "measure"
    # The key cycles the types: int, decimal, text.
    assert {c.name: c.type for c in desk.next_type("code").columns()}["code"] == "decimal"
    # The code is an identifier, not a count: as text it is a column of names, no longer summed.
    desk = desk.with_type("code", "text")
    cols = {c.name: c for c in desk.columns()}
    assert cols["code"].type == "text" and cols["code"].role.startswith(("group", "category"))
    assert "set by you" in cols["code"].role
    assert desk.prof.measures == ("cases",)
    total = next(a for a in desk.angles if a.kind == "total")
    assert total.value == 96 + 52 + 25 + 19  # the 999 row is still counted
    desk = desk.with_total("code = 999")
    assert desk.prof.totals["code"] == ("999",)
    assert any("'999'" in d and "totals" in d for d in desk.prof.decisions)
    total = next(a for a in desk.angles if a.kind == "total")
    assert total.value == 96 and total.facts.get("published_total") is None
    assert total.value == 52 + 25 + 19  # the marked row equals its parts: never twice
    for a in desk.angles:
        assert engine_value(a, desk.prof) == a.value, a.name
    assert "codes.csv: sum" in provenance(total, desk.prof)


def test_bad_corrections_are_one_line(tmp_path: Path) -> None:
    desk = Desk.open(_codes(tmp_path))
    with pytest.raises(PressgenError, match="column = value"):
        desk.with_total("999")
    with pytest.raises(PressgenError, match="no row has code = '998'"):
        desk.with_total("code = 998")
    with pytest.raises(PressgenError, match="no column 'nope'"):
        desk.next_type("nope")
    with pytest.raises(
        PressgenError, match=r"line 2, column 'area': 'North' is not a whole number"
    ):
        desk.with_type("area", "int")


def test_the_ticked_angles_become_a_campaign_that_renders_and_checks(tmp_path: Path) -> None:
    desk = Desk.open(_codes(tmp_path)).with_type("code", "text").with_total("code = 999")
    ticked = [a.name for a in desk.angles if a.kind in ("total", "rise")]
    out = tmp_path / "proj"
    written = desk.write(ticked, out)
    camp = written.campaign.read_text(encoding="utf-8")
    assert all(f"[figures.{n}]" in camp for n in ticked)
    assert sum(line.startswith("[figures.") for line in camp.splitlines()) == len(ticked)
    # The corrections travel in the manifest `new` writes: code is text there.
    manifest = (out / "datasets" / "codes.toml").read_text(encoding="utf-8")
    assert '[columns.code]\ntype = "text"' in manifest
    draft = out / "d.md"
    assert main(["render", str(written.campaign), "-o", str(draft)]) == 0
    assert main(["check", str(written.campaign), str(draft)]) == 0
    with pytest.raises(PressgenError, match="would overwrite"):
        desk.write(ticked, out)
    with pytest.raises(PressgenError, match="tick at least one"):
        desk.write([], tmp_path / "other")


def test_the_notes_say_when_the_sentences_are_english(tmp_path: Path) -> None:
    data = _codes(tmp_path)
    for locale in ("it_IT", "sv_SE"):
        assert not any("in English" in n for n in Desk.open(data, locale=locale).notes)
    finnish = Desk.open(data, locale="fi_FI")
    assert finnish.notes[0] == "the sentences are in English: no wording for 'fi' yet"
    assert finnish.notes[1:] == finnish.prof.decisions
