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


def test_views_print_as_they_did_before_finalize_knew_them() -> None:
    """finalize takes pressgen's views straight to their text; what it prints of each is
    what the long way prints: a view's text escaped, a __str__ that hands back Markdown
    or a str subclass still escaped as text, and anything it was not told of unchanged."""
    from pressgen.release import escape
    from pressgen.release.escape import MarkdownText, finalize, print_views

    class Plain:
        def __str__(self) -> str:
            return "# 5 *per* cent"

    class Marked:
        def __str__(self) -> str:
            return MarkdownText("**x** <y>")

    values = [Plain(), Marked(), "a *b*", MarkdownText("*m*"), 3, 2.5, None, True]
    before = [finalize(v) for v in values]
    print_views([Plain, Marked])
    try:
        assert [finalize(v) for v in values] == before
        assert before[0] == "\\# 5 \\*per\\* cent" and before[1] == "\\*\\*x\\*\\* \\<y\\>"
    finally:
        escape._VIEWS.difference_update({Plain, Marked})
    for kind in (str, MarkdownText, int, bool, float, type(None)):
        with pytest.raises(TypeError):
            print_views([kind])
