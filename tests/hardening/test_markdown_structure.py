"""Values from data, quotes and campaigns are inline text: they cannot add a block.

A CSV cell `line1\\n---` used to put `---` on a line of its own, which turned the
dateline paragraph into a heading (Heading 2 in DOCX, `<h2>` in HTML). Now line breaks
in a value are folded to spaces and whatever would open a block where a value starts a
line is escaped.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from markdown_it.token import Token

from pressgen.export import export_release
from pressgen.export.markdown_parse import markdown_parser, parse_release
from pressgen.release.escape import escape_inline
from pressgen.release.pipeline import export_options, prepare, render_release
from tests.hardening.project import QUOTES, make_project

VALUES = [
    "line1\n---",
    "line1\n===",
    "line1\r\n---",
    "line1\r---",
    "line1\n---\nmore",
    "# heading",
    "## heading",
    "###### heading",
    "---",
    "===",
    "- - -",
    "***",
    "___",
    "+ item",
    "- item",
    "* item",
    "> quoted",
    "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "```\ncode\n```",
    "~~~",
    "<div>x</div>",
    "<!-- x -->",
    "    indented code",
    "\tindented code",
    "[ref]: https://e.example/x",
    "a\n# b",
    "a\n\n# b",
    "a\n\n    code",
    "line\n1. item",
    "line\n1) item",
]

BLOCKS = {
    "heading_open",
    "hr",
    "fence",
    "code_block",
    "html_block",
    "table_open",
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
}

# Where a template may put a value: mid-line, at a line's start inside a paragraph, at a
# paragraph's start, in a block quote, in a list item.
CONTEXTS = {
    "inline": ("Text {v} more.\n", set()),
    "line start": ("First line\n{v}\n", set()),
    "paragraph start": ("Before.\n\n{v}\n", set()),
    "quote": ("> “{v}”\n", {"blockquote_open"}),
    "list item": ("1. {v}\n", {"ordered_list_open"}),
}


def _blocks(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens if t.type in BLOCKS]


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("value", VALUES)
def test_an_escaped_value_opens_no_block(value: str, context: str) -> None:
    layout, allowed = CONTEXTS[context]
    escaped = escape_inline(value)
    assert "\n" not in escaped and "\r" not in escaped
    tokens = markdown_parser().parse(layout.format(v=escaped))
    assert _blocks(tokens) == sorted(allowed), (value, escaped)


@pytest.mark.parametrize("value", ["Avon and Somerset", "4,534", "52 per cent", "3. Dezember"])
def test_plain_values_are_unchanged(value: str) -> None:
    assert escape_inline(value) == value


def _render_all(campaign: Path) -> tuple[str, bytes, str]:
    prepared = prepare(campaign)
    rendered = render_release(prepared)
    opts = export_options(prepared, rendered.locale)
    docx = export_release(rendered.markdown, "docx", opts).data
    html = export_release(rendered.markdown, "html", opts).data.decode("utf-8")
    return rendered.markdown, docx, html


def _headings(markdown: str, docx: bytes, html: str) -> tuple[list[str], list[str], int]:
    from docx import Document

    release = parse_release(markdown)
    md = [b.text for b in release.blocks if type(b).__name__ == "Heading"]
    styled = [
        p.text
        for p in Document(io.BytesIO(docx)).paragraphs
        if p.style is not None and (p.style.name or "").lower().startswith(("heading", "title"))
    ]
    return md, styled, html.count("<h2")


def test_a_csv_cell_with_a_setext_underline_stays_in_the_dateline(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project.root / "datasets" / "d.csv").write_text(
        'area,n\n"line1\n---",30\nSouth,20\n', encoding="utf-8"
    )
    (project.root / "templates" / "t.md.j2").write_text(
        '{% extends "base.md.j2" %}{% block body %}Most in {{ f.areas.first.group }}\n\n'
        "More text.{% endblock %}\n",
        encoding="utf-8",
    )
    markdown, docx, html = _render_all(project.write_campaign())
    release = parse_release(markdown)
    dateline = next(b for b in release.blocks if getattr(b, "role", "") == "dateline")
    assert "Most in line1 ---" in dateline.text
    md_headings, docx_headings, h2 = _headings(markdown, docx, html)
    assert not any("line1" in h for h in md_headings + docx_headings)
    assert md_headings == ["A headline", "Notes to editors", "About Example Org", "Media contact"]
    assert h2 == 3  # the three section headings, none from the data
    assert "line1 ---" in html


def test_a_quote_with_a_break_line_stays_one_quote(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    text = QUOTES.format(text="line1\\n---\\nmore of the quote")
    (project.root / "quotes" / "q.toml").write_text(text, encoding="utf-8")
    markdown, docx, html = _render_all(project.write_campaign())
    release = parse_release(markdown)
    assert not any(type(b).__name__ == "Rule" for b in release.blocks)
    quotes = [b for b in release.blocks if type(b).__name__ == "Quote"]
    assert len(quotes) == 1 and "line1 --- more of the quote" in quotes[0].blocks[0].text
    assert html.count("<hr") == 1  # the HTML writer's own rule under the letterhead line
    md_headings, docx_headings, _ = _headings(markdown, docx, html)
    assert not any("line1" in h or "more" in h for h in md_headings + docx_headings)


def test_campaign_text_with_block_marks_stays_text(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    campaign = project.write_campaign()
    text = campaign.read_text("utf-8").replace(
        'headline = "A headline"', 'headline = "A headline"\nsubhead = "## sub\\n---"'
    )
    text = text.replace('name = "Press Office"', 'name = "1. Press\\n# Office"')
    campaign.write_text(text, encoding="utf-8")
    markdown, docx, html = _render_all(campaign)
    md_headings, docx_headings, _ = _headings(markdown, docx, html)
    assert "## sub ---" in md_headings
    assert not any("Office" in h for h in md_headings + docx_headings)
