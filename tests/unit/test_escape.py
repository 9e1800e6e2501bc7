"""Data values inserted into Markdown cannot add markup, links, images or block marks."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from pressgen.release.render import escape_markdown


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Avon and Somerset", "Avon and Somerset"),
        ("4,534", "4,534"),
        ("52 per cent", "52 per cent"),
        ("*bold*", r"\*bold\*"),
        ("![x](http://e.example/p.png)", r"!\[x\](http://e.example/p.png)"),
        ("<script>", r"\<script\>"),
        ("a_b", r"a\_b"),
        ("&amp;", r"\&amp;"),
        ("AT&T", "AT&T"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1. item", "1. item"),  # one-line values are inline: "3. Dezember 2019"
        ("x\n1. item", "x\n1\\. item"),
        ("2019", "2019"),
        ("> quote", r"\> quote"),
        ("line\n# two", "line\n\\# two"),
        ("", ""),
    ],
)
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


@pytest.mark.parametrize(
    "raw", ["*x*", "[a](b)", "![i](s)", "<b>x</b>", "`code`", "# h", "> q", "- y", "a\n1. x"]
)
def test_escaped_text_renders_as_plain_text(raw: str) -> None:
    html = MarkdownIt("commonmark").render(escape_markdown(raw)).strip()
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<em>" not in html and "<a " not in html and "<img" not in html and "<code>" not in html
