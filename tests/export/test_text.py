"""Plain-text export for wire services: 72 columns, no Markdown marks, --ascii."""

from __future__ import annotations

import re

from pressgen.export import ExportOptions, export_release


def _txt(md: str, options: ExportOptions | None = None) -> tuple[str, tuple[str, ...]]:
    result = export_release(md, "txt", options)
    return result.data.decode("utf-8"), result.warnings


def test_wrapped_at_72_columns(sample_md: str) -> None:
    text, warnings = _txt(sample_md)
    assert warnings == ()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 72
    assert max(len(line) for line in lines) >= 65  # actually filled, not over-short
    assert "LONDON, 3 December 2019 – The Metropolitan Police recorded 4,534" in lines


def test_other_widths(sample_md: str) -> None:
    text, _ = _txt(sample_md, ExportOptions(width=50))
    assert max(len(line) for line in text.splitlines() if "https://" not in line) <= 50


def test_no_markdown_marks(sample_md: str) -> None:
    text, _ = _txt(sample_md)
    for mark in ("**", "](", "|", "> ", "#", "__", "\\"):
        assert mark not in text, mark
    assert not re.search(r"^\s*[-*+] ", text, re.M)
    assert "EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019\n\nMet sends" in text
    assert "\n\nENDS\n\n" in text
    # Links keep their address; an address shown as its own text is not repeated.
    assert "Example Hosting (https://www.example.com/cyber-report?src=release&id=1)." in text
    assert "press@example.com · 020 7946 0000" in text
    assert "• 4,534 places on the first-responder course" in text
    assert "1. Introduction\n2. First Responder" in text


def test_table_columns_align(sample_md: str) -> None:
    text, _ = _txt(sample_md)
    rows = [line for line in text.splitlines() if line.startswith(("Course", "First Resp"))]
    assert rows == [
        "Course            2017/18   2018/19   Total   Student officers",
        "First Responder     2,201     2,333   4,534                52%",
    ]


def test_too_wide_table_becomes_records() -> None:
    md = "# H\n\n| Name | Description |\n|---|---|\n| A | " + "long " * 20 + "|\n"
    text, _ = _txt(md)
    assert "Name: A; Description: long long" in text
    assert max(len(line) for line in text.splitlines()) <= 72


def test_long_headline_is_a_warning() -> None:
    headline = "Word " * 40
    text, warnings = _txt(f"# {headline}\n\nBody.\n")
    assert warnings == ("headline is 199 characters; wire services cut headlines longer than 170",)
    assert text.startswith("Word Word")
    _, ok = _txt("# " + "x" * 170 + "\n")
    assert ok == ()


def test_ascii_transliterates_quotes_dashes_and_spaces() -> None:
    md = (
        "# “Quoted” — it’s here\n\n"
        "**LONDON** – 52\u00a0per\u00a0cent… ‘single’ «guillemets» 10\u202f000\n\n"
        "- item with £5\n"
    )
    text, warnings = _txt(md, ExportOptions(ascii=True))
    assert text.splitlines()[0] == '"Quoted" -- it\'s here'
    assert "LONDON - 52 per cent... 'single' \"guillemets\" 10 000" in text
    assert "* item with £5" in text
    assert warnings == ("--ascii: 1 non-ASCII character left as they are (£)",)
    assert all(ord(c) < 128 for c in text.replace("£", ""))


def test_no_break_space_holds_words_together() -> None:
    words = "word " * 12
    md = f"# H\n\n{words}52\u00a0per\u00a0cent of {words}\n"
    for ascii_only in (False, True):
        text, _ = _txt(md, ExportOptions(ascii=ascii_only))
        joined = "52 per cent" if ascii_only else "52\u00a0per\u00a0cent"
        assert any(joined in line for line in text.splitlines())
