"""A tiny campaign for batch tests, written to a temporary project: a handful of groups
including hostile names (path traversal, slug collisions, spreadsheet formulas), a tie
and one group whose figures cannot be computed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

ROWS = [
    ("North", "a", 10),
    ("North", "b", 30),
    ("South", "a", 20),
    ("South", "b", 20),
    ("East", "a", 5),
    ("East", "b", 35),
    ("../../etc", "a", 1),
    ("../../etc", "b", 2),
    ("A/B", "a", 3),
    ("A/B", "b", 3),
    ("A-B", "a", 4),
    ("A-B", "b", 4),
    ('=HYPERLINK("http://x")', "a", 2),
    ('=HYPERLINK("http://x")', "b", 2),
    ("Zero", "a", 0),
    ("Zero", "b", 0),
]

MANIFEST = """title = "Test data"
file = "t.csv"
illustrative = true
[source]
publisher = "Tests"
[columns.area]
type = "text"
label = "area"
[columns.kind]
type = "text"
[columns.n]
type = "int"
"""

QUOTES = """title = "none"
quotes = []
[speakers.x]
name = "X"
"""

CAMPAIGN = """title = "Test batch"
dataset = "t"
quotes = "t"
template = "t"
each = "area"
[release]
headline = "Test"
dateline = "LONDON"
date = 2020-01-02
organisation = "Org"
boilerplate = "About."
[release.contact]
name = "Press"
[figures.total]
method = "sum"
column = "n"
[figures.share_a]
method = "share"
column = "n"
part = { kind = "a" }
[figures.double]
method = "formula"
expr = "total + total"
kind = "count"
"""

TEMPLATE = """{#- pressgen
figures = ["total", "share_a"]
-#}
{% extends "base.md.j2" %}
{% block body %}Total {{ f.total }}, share {{ f.share_a }}.{% endblock %}
{% block local_angle %}{% if compare is defined %}{{ group }} is {{ compare.total.place }} of {{ compare.total.of }} with {{ compare.total.share_of_total }} of {{ compare.total.national }}; average {{ compare.total.average }}.{% endif %}{% endblock %}
"""


def write_project(root: Path, rows: list[tuple[str, str, int]] = ROWS) -> Path:
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "templates" / "base.md.j2", root / "templates" / "base.md.j2")
    lines = ["area,kind,n"] + [f'"{a.replace(chr(34), chr(34) * 2)}",{k},{n}' for a, k, n in rows]
    (root / "datasets" / "t.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "datasets" / "t.toml").write_text(MANIFEST, encoding="utf-8")
    (root / "quotes" / "t.toml").write_text(QUOTES, encoding="utf-8")
    (root / "templates" / "t.md.j2").write_text(TEMPLATE, encoding="utf-8")
    camp = root / "campaigns" / "t.toml"
    camp.write_text(CAMPAIGN, encoding="utf-8")
    return camp


@pytest.fixture
def small_campaign(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project")
