"""`pressgen figures` on a real project (issue 15 items 7 and 15): whole numbers held as
Decimals print as plain digits, in the table and in JSON (never `1.407E+4`, `"1E+1"`),
and a constant shows as stated, with its source, not as rows matched."""

from __future__ import annotations

import json
from pathlib import Path

from pressgen.check import check_draft
from pressgen.release.pipeline import prepare, render_release
from tests.cli import run_cli
from tests.conftest import ROOT

MANIFEST = """title = "Payments"
file = "p.csv"
[source]
publisher = "Test Council"
[columns.area]
type = "text"
[columns.paid]
type = "decimal"
"""

CAMPAIGN = """title = "payments"
dataset = "p"
quotes = "q"
template = "t"
[release]
headline = "Payments"
dateline = "LONDON"
date = 2024-05-01
organisation = "Test Council"
boilerplate = "About us."
[release.contact]
name = "Press Office"
[figures.paid]
method = "sum"
column = "paid"
[figures.ten]
method = "formula"
expr = "paid / 1407"
[constants.days]
label = "days in the year"
value = 365
source = "the calendar"
[figures.per_day]
method = "formula"
expr = "paid / days"
"""


def _project(root: Path) -> Path:
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        (root / folder).mkdir(parents=True)
    (root / "datasets" / "p.csv").write_text("area,paid\nNorth,7035.00\nSouth,7035.00\n", "utf-8")
    (root / "datasets" / "p.toml").write_text(MANIFEST, "utf-8")
    (root / "quotes" / "q.toml").write_text(
        'title = "q"\nquotes = []\n[speakers.x]\nname = "X"\n', "utf-8"
    )
    (root / "templates" / "t.md.j2").write_text(
        "# {{ release.headline }}\n\n{{ f.paid }}\n", "utf-8"
    )
    camp = root / "campaigns" / "c.toml"
    camp.write_text(CAMPAIGN, "utf-8")
    return camp


def test_whole_decimals_print_as_plain_digits(tmp_path: Path) -> None:
    camp = _project(tmp_path)
    table = run_cli(["figures", str(camp)])
    assert table.status == 0, table.stderr
    assert "E+" not in table.stdout
    assert "exact:    14070\n" in table.stdout
    assert "exact:    10\n" in table.stdout
    data = {
        f["name"]: f
        for f in json.loads(run_cli(["figures", str(camp), "--json"]).stdout)["figures"]
    }
    assert data["paid"]["value"] == "14070"
    assert data["ten"]["value"] == "10"


def test_a_constant_is_shown_as_stated_with_its_source(tmp_path: Path) -> None:
    camp = _project(tmp_path)
    table = run_cli(["figures", str(camp)]).stdout
    block = table.split("days  [count]")[1].split("\n\n")[0]
    assert "method:   stated in the campaign (not computed from data)" in block
    assert "source:   the calendar" in block
    assert "rows:" not in block
    data = {
        f["name"]: f
        for f in json.loads(run_cli(["figures", str(camp), "--json"]).stdout)["figures"]
    }
    assert data["days"]["value"] == 365
    assert data["per_day"]["provenance"]["inputs"] == ["paid", "days"]


BLS = ROOT / "examples" / "bls-union-members" / "campaigns" / "union-members.toml"


def test_check_matches_a_constant_and_catches_it_edited() -> None:
    prepared = prepare(BLS)
    text = render_release(prepared).markdown
    assert "about 60,000 eligible households" in text
    assert check_draft(prepared, text).ok
    edited = text.replace("about 60,000 eligible", "about 65,000 eligible")
    report = check_draft(prepared, edited)
    assert not report.ok
    assert any("65,000" in p.format() for p in report.problems)
