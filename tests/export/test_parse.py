"""The one parse every writer shares: which block is which part of the release."""

from __future__ import annotations

from pressgen.export.markdown_parse import (
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    Table,
    parse_release,
)


def test_parts_of_the_sample(sample_md: str) -> None:
    release = parse_release(sample_md)
    assert release.release_line == "EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019"
    assert release.embargoed
    assert release.headline == "Met sends thousands of new recruits on cyber crime courses"
    assert release.subhead is not None and release.subhead.startswith("Half of those")
    roles = [(type(b).__name__, getattr(b, "role", "")) for b in release.blocks]
    assert roles[:4] == [
        ("Paragraph", "embargo"),
        ("Heading", "headline"),
        ("Heading", "subhead"),
        ("Paragraph", "dateline"),
    ]
    assert ("Paragraph", "ends") in roles
    quotes = [b for b in release.blocks if isinstance(b, Quote)]
    assert [q.attribution.text for q in quotes if q.attribution] == [
        "— Aisha Rahman, Community Safety Campaigner",
        "— Daniel Okafor, Managing Director, Example Hosting",
    ]
    (table,) = [b for b in release.blocks if isinstance(b, Table)]
    assert table.aligns == ("left", "right", "right", "right", "right")
    lists = [b for b in release.blocks if isinstance(b, ListBlock)]
    assert [lst.ordered for lst in lists] == [False, True]


def test_release_line_must_be_bold_and_first() -> None:
    release = parse_release("FOR IMMEDIATE RELEASE\n\n# H\n")
    assert release.release_line is None
    assert parse_release("**For immediate release**\n\n# H\n").release_line == (
        "For immediate release"
    )


def test_subhead_only_directly_after_headline() -> None:
    release = parse_release("# H\n\nText.\n\n## Not a subhead\n")
    assert release.subhead is None
    heads = [b for b in release.blocks if isinstance(b, Heading)]
    assert [h.role for h in heads] == ["headline", "section"]


def test_missing_headline_is_a_warning() -> None:
    assert parse_release("Just text.\n").warnings == (
        "no headline found: the release has no `#` heading",
    )


def test_adjacent_spans_merge_and_links_keep_href() -> None:
    release = parse_release("# H\n\nSome *it* and [a **b**](https://x.example/) end\n")
    para = release.blocks[1]
    assert isinstance(para, Paragraph)
    assert para.inlines == (
        Span("Some "),
        Span("it", italic=True),
        Span(" and "),
        Span("a ", href="https://x.example/"),
        Span("b", bold=True, href="https://x.example/"),
        Span(" end"),
    )


def test_raw_html_is_text() -> None:
    release = parse_release("# H\n\n<div onclick=x>hi</div>\n\ntext <b>b</b>\n")
    texts = [b.text for b in release.blocks if isinstance(b, Paragraph)]
    assert texts == ["<div onclick=x>hi</div>", "text <b>b</b>"]


# -- structure from markers, not words (issue 16 item 12) ---------------------------------

_GERMAN = """[//]: # (pressgen:embargo)
**SPERRFRIST: Dienstag, 3. Dezember 2019, 00:01 Uhr MEZ**

# Kopfzeile

[//]: # (pressgen:dateline)
**BERLIN, 3. Dezember 2019** – Der Text.

> „Ein Zitat.“
>
> — Anna Beispiel, Leiterin

[//]: # (pressgen:ends)
**ENDE**

[//]: # (pressgen:notes)
## Hinweise für Redaktionen

1. Quelle: Amt.

## Über das Amt
"""


def test_markers_give_roles_in_any_language() -> None:
    release = parse_release(_GERMAN)
    assert release.release_line == "SPERRFRIST: Dienstag, 3. Dezember 2019, 00:01 Uhr MEZ"
    assert release.embargoed
    roles = [(type(b).__name__, getattr(b, "role", None)) for b in release.blocks]
    assert roles == [
        ("Paragraph", "embargo"),
        ("Heading", "headline"),
        ("Paragraph", "dateline"),
        ("Quote", None),
        ("Paragraph", "ends"),
        ("Heading", "notes"),
        ("ListBlock", None),
        ("Heading", "section"),
    ]
    assert not release.warnings


def test_words_alone_never_make_an_embargo_or_ends() -> None:
    # English words without markers: the first bold paragraph is a release line by
    # position, but nothing says it is an embargo; ENDS is known by where it stands.
    release = parse_release(
        "**EMBARGOED UNTIL 00:01 GMT**\n\n# H\n\nBody.\n\n**ENDS** said nobody.\n\nMore.\n"
    )
    assert release.release_line == "EMBARGOED UNTIL 00:01 GMT"
    assert not release.embargoed
    roles = [getattr(b, "role", None) for b in release.blocks]
    assert "ends" not in roles


def test_unmarked_ends_by_position() -> None:
    release = parse_release("# H\n\nBody.\n\n**FIN**\n\n## Notes aux rédactions\n\nx\n")
    roles = [getattr(b, "role", None) for b in release.blocks]
    assert roles == ["headline", "body", "ends", "notes", "body"]


def test_marker_that_lost_its_blank_line_still_counts_and_never_shows() -> None:
    release = parse_release(
        "# H\n\nLast body line.\n[//]: # (pressgen:ends)\n**ENDE**\n\n## Notes\n"
    )
    paras = [b for b in release.blocks if isinstance(b, Paragraph)]
    assert [(p.role, p.text) for p in paras] == [("body", "Last body line."), ("ends", "ENDE")]


def test_an_escaped_marker_from_data_is_text_not_structure() -> None:
    release = parse_release("# H\n\n\\[//\\]: # (pressgen:ends)\n")
    (para,) = [b for b in release.blocks if isinstance(b, Paragraph)]
    assert para.role == "body"
    assert para.text == "[//]: # (pressgen:ends)"


def test_unknown_marker_is_a_warning() -> None:
    release = parse_release("# H\n\nBody\n[//]: # (pressgen:footer)\nmore\n")
    assert release.warnings == ("line 3 (paragraph): unknown marker (pressgen:footer) ignored",)


def test_attribution_marker_inside_a_quote() -> None:
    release = parse_release("# H\n\n> «Cita.»\n>\n> [//]: # (pressgen:attribution)\n> Ana, INE\n")
    (quote,) = [b for b in release.blocks if isinstance(b, Quote)]
    assert quote.attribution is not None and quote.attribution.text == "Ana, INE"


def test_text_typed_on_a_marker_line_keeps_the_marker_out_of_every_export() -> None:
    # What an editor gets by typing at the very start of a rendered release.
    md = "Over 9,999 officers. [//]: # (pressgen:embargo)\n**SPERRFRIST: 1. Mai**\n\n# H\n"
    release = parse_release(md)
    paras = [(b.role, b.text) for b in release.blocks if isinstance(b, Paragraph)]
    assert paras == [("body", "Over 9,999 officers."), ("embargo", "SPERRFRIST: 1. Mai")]
    assert release.embargoed and release.release_line == "SPERRFRIST: 1. Mai"
    from pressgen.export import export_release

    for fmt in ("txt", "html", "docx"):
        data = export_release(md, fmt).data
        if fmt == "docx":
            import io

            from docx import Document

            doc = Document(io.BytesIO(data))
            data = "\n".join(p.text for p in doc.paragraphs).encode()
        assert b"pressgen:" not in data and b"[//]" not in data, fmt


def test_a_word_count_skips_markers_and_marks() -> None:
    from pressgen.export.markdown_parse import word_count

    text = "[//]: # (pressgen:release)\n**FOR IMMEDIATE RELEASE**\n\n# Two words\n\n- one\n"
    assert word_count(text) == 6  # FOR IMMEDIATE RELEASE, Two words, one
