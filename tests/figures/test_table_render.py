"""Printing tables in a release (issue 15, item 3): the `table`, `table_row` and
`table_head` filters escape every cell and need no `| md`; the untouched render passes
`check` with no finding, and the table exports as a table to DOCX, HTML and text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from pressgen.check import check_draft
from pressgen.export import export_release
from pressgen.release.pipeline import Prepared, export_options, prepare, render_release
from tests.figures.conftest import FINES, write_fines

CAMPAIGN = """title = "Bus lane fines"
dataset = "fines"
quotes = "met-cyber-training"
template = "fines"
locale = "en_GB"
style = "uk-press"

[release]
headline = "Bus lane fines by nation"
dateline = "LONDON"
date = 2024-03-01
organisation = "Roadwise Test"
boilerplate = "Roadwise Test is a fictional organisation."

[release.contact]
name = "Sam Test"
role = "Press Office"
organisation = "Roadwise Test"
email = "press@roadwise.example"
phone = "020 7946 0000"

[slots]
campaigner = "marsh-communities"

[figures.by_nation]
label = "notices issued by nation and year"
method = "table"
rows = "nation"
columns = "year"
column = "issued"

[figures.value_by_council]
label = "value of notices by council and year"
method = "table"
rows = "council"
columns = "year"
column = "value"

[figures.paid_share]
label = "share of claims decided that were paid, by council"
method = "group"
by = "council"
measure = "ratio"
column = "paid"
denominator = "decided"
as = "share"

[figures.mean_fine]
label = "the mean fine"
method = "ratio"
column = "value"
denominator = "issued"
"""

TEMPLATE = """{#- pressgen
figures = ["by_nation", "value_by_council", "paid_share", "mean_fine"]
quotes = ["campaigner"]
-#}
{% extends "base.md.j2" %}
{% block body %}
Councils issued {{ f.by_nation.totals.total }} notices; the mean fine was {{ f.mean_fine }}.

{{ f.by_nation | table(label="Nation", rank="Rank", total="All nations", row_total="Both years") }}

{{ f.value_by_council | table(total="Total") }}

{{ f.value_by_council | table(label="Notices", show="count", total="Total") }}

{{ f.by_nation | table(label="Share", show="share", total="All nations", row_total="Both") }}

{{ f.paid_share | table(rank="Rank", label="Council", value="Paid") }}

{{ ["Council", "Paid"] | table_head(align="lr") }}
{% for r in f.paid_share.top(2) %}
{{ [r.group, r] | table_row }}
{% endfor %}
{% endblock %}
"""


@pytest.fixture
def prepared(project: Path) -> Prepared:
    write_fines(project / "datasets")
    (project / "campaigns" / "fines.toml").write_text(CAMPAIGN, encoding="utf-8")
    (project / "templates" / "fines.md.j2").write_text(TEMPLATE, encoding="utf-8")
    return prepare(project / "campaigns" / "fines.toml")


def test_a_table_prints_as_markdown_with_ranks_and_totals(prepared: Prepared) -> None:
    text = render_release(prepared).markdown
    assert (
        "| Rank | Nation | 2016 | 2017 | Both years |\n"
        "|---:|---|---:|---:|---:|\n"
        "| 1 | England | 100 | 200 | 300 |\n"
        "| 2 | Scotland | 100 | 100 | 200 |\n"
        "| 3 | Wales | 50 | 60 | 110 |\n"
        "|  | All nations | 250 | 360 | 610 |"
    ) in text
    # money cells print as money; a cell without rows prints a dash; no backslashes
    assert "| Eastham | – | £5,200.00 |" in text
    assert "| Total | £15,500.00 | £19,500.00 |" in text
    assert "\\|" not in text
    # one table figure gives the counts of rows and the shares of each column's total
    assert "| Eastham | 0 | 1 |" in text  # figures, never "one", in a table
    assert "| Total | 3 | 4 |" in text
    assert "| England | 40 per cent | 56 per cent | 49 per cent |" in text
    assert "| All nations | 100 per cent | 100 per cent | 100 per cent |" in text
    # a group figure as a one-column table, and rows built one by one
    assert "| Rank | Council | Paid |" in text
    assert "| 1 | Westfold | 37 per cent |" in text
    assert "| Council | Paid |\n|---|---:|\n| Westfold | 37 per cent |" in text


def test_the_untouched_render_with_tables_passes_check(prepared: Prepared) -> None:
    text = render_release(prepared).markdown
    report = check_draft(prepared, text)
    assert report.ok, [f.format() for f in report.problems]
    assert not [f for f in report.findings if f.severity == "warning"], report.findings
    assert report.matched == report.numbers
    # a changed cell is caught
    edited = text.replace("| 3 | Wales | 50 | 60 | 110 |", "| 3 | Wales | 50 | 61 | 110 |")
    assert not check_draft(prepared, edited).ok


def test_a_group_name_with_markdown_stays_text_in_its_cell(project: Path) -> None:
    write_fines(project / "datasets")
    rows = FINES.replace("Westfold", "West|fold *North*")
    (project / "datasets" / "fines.csv").write_text(rows, encoding="utf-8")
    (project / "campaigns" / "fines.toml").write_text(CAMPAIGN, encoding="utf-8")
    (project / "templates" / "fines.md.j2").write_text(TEMPLATE, encoding="utf-8")
    prepared = prepare(project / "campaigns" / "fines.toml")
    text = render_release(prepared).markdown
    assert "| West\\|fold \\*North\\* |" in text
    html = export_release(text, "html", export_options(prepared, "en_GB")).data.decode()
    assert "West|fold *North*</td>" in html
    assert "<em>" not in html


def test_tables_export_as_tables(prepared: Prepared) -> None:
    text = render_release(prepared).markdown
    options = export_options(prepared, "en_GB")
    html = export_release(text, "html", options).data.decode()
    assert html.count('<table role="table"') == 6
    assert ">All nations</td>" in html
    doc = Document(io.BytesIO(export_release(text, "docx", options).data))
    assert len(doc.tables) == 6
    first = doc.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Rank", "Nation", "2016", "2017", "Both years"]
    assert [c.text for c in first.rows[-1].cells][1:] == ["All nations", "250", "360", "610"]
    plain = export_release(text, "txt", options).data.decode()
    assert "England" in plain and "All nations" in plain
    assert "|---" not in plain


MACRO_TEMPLATE = """{#- pressgen
figures = ["paid_share"]
quotes = ["campaigner"]
-#}
{% extends "base.md.j2" %}
{% macro row(r) %}| {{ r.group }} | {{ r }} |{% endmacro %}
{% block body %}
Paid claims.

| Council | Paid |
|---|---|
{% for r in f.paid_share.rows %}
{{ row(r) }}
{% endfor %}
{% endblock %}
"""


def test_a_row_built_in_a_macro_is_escaped_once(project: Path) -> None:
    """A macro's output is the template's Markdown with its values escaped inside it:
    printed without `| md`, its pipes stay a table and a value's `*` stays text."""
    write_fines(project / "datasets")
    rows = FINES.replace("Westfold", "West*fold")
    (project / "datasets" / "fines.csv").write_text(rows, encoding="utf-8")
    (project / "campaigns" / "fines.toml").write_text(CAMPAIGN, encoding="utf-8")
    (project / "templates" / "fines.md.j2").write_text(MACRO_TEMPLATE, encoding="utf-8")
    prepared = prepare(project / "campaigns" / "fines.toml")
    text = render_release(prepared).markdown
    assert "| West\\*fold | 37 per cent |\n| Northgate | 33 per cent |" in text
    assert "\\|" not in text
    html = export_release(text, "html", export_options(prepared, "en_GB")).data.decode()
    assert ">West*fold</td>" in html
    assert check_draft(prepared, text).ok


@pytest.mark.parametrize("locale", ["en_GB", "en_US", "de_DE", "fr_FR", "es_ES"])
@pytest.mark.parametrize("style", ["uk-press", "plain", "ap"])
def test_tables_pass_check_in_every_locale_and_style(
    prepared: Prepared, locale: str, style: str
) -> None:
    text = render_release(prepared, locale=locale, style=style).markdown
    report = check_draft(prepared, text, locale=locale, style=style)
    assert report.ok, [f.format() for f in report.problems]
    assert report.matched == report.numbers


GROUP_TEMPLATE = """{#- pressgen
figures = ["issued_by_council", "nation_share"]
quotes = ["campaigner"]
-#}
{% extends "base.md.j2" %}
{% block body %}
Notices by council, {{ f.issued_by_council.total }} in all.

{{ f.issued_by_council | table(rank="Rank", label="Council", value="Notices", total="All") }}

{{ f.nation_share | table(label="Nation", value="Share", total="All") }}
{% endblock %}
"""

GROUP_SPECS = """
[figures.issued_by_council]
method = "group"
by = "council"
column = "issued"

[figures.nation_share]
method = "group"
by = "nation"
measure = "share"
column = "issued"
"""


def test_a_group_figure_prints_as_a_table_with_its_total(project: Path) -> None:
    write_fines(project / "datasets")
    campaign = CAMPAIGN.split("[figures.by_nation]")[0] + GROUP_SPECS
    (project / "campaigns" / "fines.toml").write_text(campaign, encoding="utf-8")
    (project / "templates" / "fines.md.j2").write_text(GROUP_TEMPLATE, encoding="utf-8")
    prepared = prepare(project / "campaigns" / "fines.toml")
    text = render_release(prepared).markdown
    assert (
        "| Rank | Council | Notices |\n|---:|---|---:|\n| 1 | Northgate | 220 |\n"
        "| 2 | Westfold | 200 |\n| 3 | Southby | 110 |\n| 4 | Eastham | 80 |\n|  | All | 610 |"
    ) in text
    assert "610 in all" in text
    # a share of the whole has no total to print: the row says so with a dash
    assert "| England | 49 per cent |" in text and "| All | – |" in text
    assert check_draft(prepared, text).ok


def test_lint_leaves_figures_in_a_table_alone(prepared: Prepared) -> None:
    """A table prints figures ("| 3 | Wales |"): lint asks for words in running text only."""
    from pressgen.check.lint import lint_text
    from pressgen.text.style import resolve_style

    text = render_release(prepared).markdown
    findings = lint_text(text, locale="en_GB", style=resolve_style("uk-press"))
    assert not [f for f in findings if f.code == "number-style"], findings
    running = text.replace("Councils issued", "Councils in 3 nations issued")
    flagged = lint_text(running, locale="en_GB", style=resolve_style("uk-press"))
    assert [f.text for f in flagged if f.code == "number-style"] == ["3"]


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "txt"])
def test_the_cli_checks_tables_in_every_export_format(project: Path, fmt: str) -> None:
    """`pressgen render -f FMT` then `pressgen check` on the file: every number of every
    table is read back from the export and matched."""
    from tests.cli import run_cli

    write_fines(project / "datasets")
    campaign = project / "campaigns" / "fines.toml"
    campaign.write_text(CAMPAIGN, encoding="utf-8")
    (project / "templates" / "fines.md.j2").write_text(TEMPLATE, encoding="utf-8")
    out = project / f"release.{fmt}"
    rendered = run_cli(["render", str(campaign), "-f", fmt, "-o", str(out)])
    assert rendered.status == 0, rendered.stderr
    checked = run_cli(["check", str(campaign), str(out)])
    assert checked.status == 0, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    numbers, matched = (
        int(x) for x in re.findall(r"(\d+) numbers, (\d+) matched", checked.stderr)[0]
    )
    assert numbers == matched and numbers > 50
