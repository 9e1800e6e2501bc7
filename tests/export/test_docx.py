"""DOCX export, opened back with python-docx: text, styles, header, links, lists, properties."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from pressgen.errors import PressgenError
from pressgen.export import ExportOptions, export_release


def _docx(md: str, options: ExportOptions | None = None) -> DocxDocument:
    return Document(io.BytesIO(export_release(md, "docx", options).data))


def _styled(doc: DocxDocument) -> list[tuple[str, str]]:
    return [(p.style.style_id, p.text) for p in doc.paragraphs]


@pytest.fixture
def doc(sample_md: str, options: ExportOptions) -> DocxDocument:
    return _docx(sample_md, options)


def test_parts_of_the_release_get_their_styles(doc: DocxDocument) -> None:
    styled = _styled(doc)
    assert styled[0] == ("Embargo", "EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019")
    assert styled[1] == ("Title", "Met sends thousands of new recruits on cyber crime courses")
    assert styled[2][0] == "Subtitle"
    assert styled[3][0] == "Dateline" and styled[3][1].startswith("LONDON, 3 December 2019 – ")
    ids = [s for s, _ in styled]
    assert ids.count("Quote") == 2 and ids.count("QuoteAttribution") == 2
    quote_at = ids.index("QuoteAttribution")
    assert styled[quote_at][1] == "— Aisha Rahman, Community Safety Campaigner"
    assert ("Ends", "ENDS") in styled
    headings = [t for s, t in styled if s == "Heading2"]
    assert headings == ["Notes to editors", "About Example Hosting", "Media contact"]
    assert doc.styles["Ends"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc.styles["Title"].name == "Title" and doc.styles["Quote"].name == "Quote"


def test_placeholder_body_of_the_reference_is_gone(doc: DocxDocument) -> None:
    assert doc.paragraphs[0].text.startswith("EMBARGOED")


def test_bold_italic_and_line_breaks(doc: DocxDocument) -> None:
    dateline = doc.paragraphs[3]
    assert dateline.runs[0].bold and dateline.runs[0].text == "LONDON, 3 December 2019"
    italic = [r.text for r in dateline.runs if r.italic]
    assert italic == ["Cyber Crime and Digital Policing – First Responder"]
    body = next(p for p in doc.paragraphs if p.text.startswith("Of those"))
    assert [r.text for r in body.runs if r.bold] == ["52 per cent"]
    contact = doc.paragraphs[-1]
    assert contact._p.xpath(".//w:br")  # the hard break after "Press Office"


def test_hyperlinks_are_real_relationships(doc: DocxDocument) -> None:
    links = doc.element.body.findall(".//" + qn("w:hyperlink"))
    targets = {}
    for link in links:
        rel = doc.part.rels[link.get(qn("r:id"))]
        assert rel.reltype == RT.HYPERLINK and rel.is_external
        text = "".join(t.text for t in link.iter(qn("w:t")))
        targets[text] = rel.target_ref
        style = link.find(".//" + qn("w:rStyle"))
        assert style is not None and style.get(qn("w:val")) == "Hyperlink"
    assert targets == {
        "Example Hosting": "https://www.example.com/cyber-report?src=release&id=1",
        "press@example.com": "mailto:press@example.com",
    }


def test_bullet_and_numbered_lists(doc: DocxDocument) -> None:
    bullets = [p for p in doc.paragraphs if p.style.style_id == "ListBullet"]
    numbered = [p for p in doc.paragraphs if p.style.style_id == "ListNumber"]
    assert [p.text[:5] for p in bullets] == ["4,534", "4,444", "5,804"]
    assert [p.text for p in numbered] == [
        "Introduction",
        "First Responder",
        "Social Media and Policing",
    ]
    numbering = doc.part.numbering_part.element

    def fmt(p: object) -> str:
        num_id = p._p.pPr.numPr.numId.val  # type: ignore[attr-defined]
        num = numbering.num_having_numId(num_id)
        abstract_id = num.abstractNumId.val
        abstract = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]')[0]
        level = abstract.find(qn("w:lvl"))
        assert level.get(qn("w:ilvl")) == "0"
        return str(level.find(qn("w:numFmt")).get(qn("w:val")))

    assert {fmt(p) for p in bullets} == {"bullet"}
    assert {fmt(p) for p in numbered} == {"decimal"}


def test_each_numbered_list_restarts() -> None:
    md = "# H\n\n1. one\n2. two\n\npara\n\n3. three\n4. four\n"
    doc = _docx(md)
    numbered = [p for p in doc.paragraphs if p.style.style_id == "ListNumber"]
    ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(ids) == 2
    starts = doc.part.numbering_part.element.xpath("./w:num/w:lvlOverride/w:startOverride/@w:val")
    assert sorted(starts) == ["1", "3"]


def test_figures_table(doc: DocxDocument) -> None:
    (table,) = doc.tables
    assert table._tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "FiguresTable"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Course", "2017/18", "2018/19", "Total", "Student officers"]
    assert rows[3] == ["Social Media", "2,900", "2,904", "5,804", "42%"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.cell(1, 1).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.cell(1, 0).paragraphs[0].alignment is None


def test_release_line_in_header_and_page_numbers_in_footer(doc: DocxDocument) -> None:
    section = doc.sections[0]
    header = section.header
    assert not header.is_linked_to_previous
    (line,) = header.paragraphs
    assert line.style.style_id == "ReleaseHeader"
    assert line.text == "Example Hosting\tEMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019"
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_core_properties(doc: DocxDocument) -> None:
    props = doc.core_properties
    assert props.title == "Met sends thousands of new recruits on cyber crime courses"
    assert props.subject == "Met Police cyber crime training (FoI)"
    assert props.author == "Example Hosting"
    assert props.last_modified_by == "Example Hosting"
    assert props.keywords == "Metropolitan Police, cyber crime"
    assert props.language == "en-GB"
    assert props.comments == ""


@pytest.mark.parametrize(("locale", "tag"), [("en_GB", "en-GB"), ("de_DE", "de-DE"), ("fr", "fr")])
def test_document_language_follows_the_locale(sample_md: str, locale: str, tag: str) -> None:
    doc = _docx(sample_md, ExportOptions(locale=locale))
    styles = doc.styles.element
    default = styles.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert default.get(qn("w:val")) == tag
    assert {el.get(qn("w:val")) for el in styles.iter(qn("w:lang"))} == {tag}
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:val")) == tag
    assert doc.core_properties.language == tag


def test_page_size_follows_the_locale(sample_md: str) -> None:
    a4 = _docx(sample_md, ExportOptions(locale="en_GB")).sections[0]
    letter = _docx(sample_md, ExportOptions(locale="en_US")).sections[0]
    assert round(a4.page_width.mm) == 210 and round(a4.page_height.mm) == 297
    assert round(letter.page_width.inches, 1) == 8.5 and round(letter.page_height.inches) == 11


def test_title_defaults_to_the_headline(sample_md: str) -> None:
    doc = _docx(sample_md, ExportOptions())
    assert doc.core_properties.title.startswith("Met sends thousands")


def test_for_immediate_release_uses_release_line_style() -> None:
    doc = _docx("**FOR IMMEDIATE RELEASE**\n\n# Headline\n\nBody.\n")
    assert _styled(doc)[0] == ("ReleaseLine", "FOR IMMEDIATE RELEASE")
    assert doc.sections[0].header.paragraphs[0].text == "\tFOR IMMEDIATE RELEASE"


def test_control_characters_are_cleaned_with_a_warning_naming_the_field() -> None:
    md = "**FOR IMMEDIATE RELEASE**\n\n# Bad\x0bheadline\n\nText with a \ud800 surrogate.\n"
    result = export_release(md, "docx", ExportOptions(author="Org\x01"))
    doc = Document(io.BytesIO(result.data))
    assert _styled(doc)[1] == ("Title", "Badheadline")
    assert doc.paragraphs[2].text == "Text with a  surrogate."
    assert doc.core_properties.author == "Org"
    assert set(result.warnings) == {
        "line 3 (headline): removed 1 character a document cannot hold (U+000B)",
        "line 5 (paragraph): removed 1 character a document cannot hold (U+D800)",
        "author: removed 1 character a document cannot hold (U+0001)",
    }


def test_control_characters_can_be_refused() -> None:
    opts = ExportOptions(refuse_invalid_text=True)
    with pytest.raises(PressgenError) as err:
        export_release("# Fine\n\n| a |\n|---|\n| b\x1f |\n", "docx", opts)
    assert str(err.value) == (
        "line 3 (table row 1): contains 1 character a document cannot hold (U+001F); remove it"
    )
    with pytest.raises(PressgenError, match=r"^title: contains"):
        export_release("# Fine\n", "docx", ExportOptions(title="x\x00", refuse_invalid_text=True))


def test_markdown_in_data_cannot_inject_markup() -> None:
    md = (
        "# Head\n\nA <b>tag</b> & [js](javascript:alert(1)), [ftp](ftp://x/y) "
        "and ![img](http://x/y.png)\n"
    )
    doc = _docx(md)
    # markdown-it leaves a javascript: link as text; other schemes lose their link.
    assert doc.paragraphs[1].text == "A <b>tag</b> & [js](javascript:alert(1)), ftp and img"
    assert not doc.element.body.findall(".//" + qn("w:hyperlink"))
    assert not [r for r in doc.part.rels.values() if r.reltype in (RT.HYPERLINK, RT.IMAGE)]


# -- letterheads ---------------------------------------------------------------------


def test_letterhead_header_footer_and_styles_are_used(sample_md: str, letterhead: Path) -> None:
    opts = ExportOptions(author="Example Hosting", reference_docx=letterhead)
    doc = _docx(sample_md, opts)
    assert "Placeholder" not in "\n".join(p.text for p in doc.paragraphs)
    header = doc.sections[0].header
    texts = [p.text for p in header.paragraphs]
    assert texts[0].strip() == "ACME LETTERHEAD LTD"
    assert texts[-1] == "EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019"
    assert header.paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # The logo survives: an image relationship from the header part, drawn in the header.
    images = [r for r in header.part.rels.values() if r.reltype == RT.IMAGE]
    assert len(images) == 1 and images[0].target_part.blob.startswith(b"\x89PNG")
    assert header._element.findall(".//" + qn("w:drawing"))
    footer = doc.sections[0].footer
    assert footer.paragraphs[0].text == "Acme Letterhead Ltd · 1 Example Quay · London"
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    # Its styles win; what it lacks comes from the default reference.
    assert doc.styles["Normal"].font.name == "Liberation Serif"
    assert str(doc.styles["Title"].font.color.rgb) == "0B6E69"
    assert doc.styles["Release Line"].style_id == "ReleaseLine"
    assert _styled(doc)[0][0] == "Embargo"
    assert doc.styles["Embargo"].base_style.style_id == "ReleaseLine"
    # Page size is the letterhead's, not the locale's.
    assert round(doc.sections[0].page_width.inches, 1) == 8.5


def test_letterhead_with_its_own_page_field_keeps_its_footer(tmp_path: Path) -> None:
    reference = Document(io.BytesIO(export_release("# x\n", "docx").data))
    footer_xml = reference.sections[0].footer._element
    path = tmp_path / "numbered.docx"
    reference.save(str(path))
    assert footer_xml.iter(qn("w:instrText"))
    doc = _docx("# Headline\n", ExportOptions(reference_docx=path))
    assert len(doc.sections[0].footer.paragraphs) == 1


def test_word_template_dotx_is_accepted(tmp_path: Path, letterhead: Path) -> None:
    dotx = tmp_path / "letterhead.dotx"
    with zipfile.ZipFile(letterhead) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
                )
            dst.writestr(info, body)
    doc = _docx("# Headline\n", ExportOptions(reference_docx=dotx))
    assert doc.paragraphs[0].style.style_id == "Title"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not a zip at all", "not a zip file"),
        (None, "missing part"),
    ],
)
def test_bad_letterhead_is_one_readable_line(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "bad.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not word")
    else:
        path.write_bytes(content)
    with pytest.raises(PressgenError) as err:
        export_release("# H\n", "docx", ExportOptions(reference_docx=path))
    message = str(err.value)
    assert message.startswith(f"{path}: not a valid Word document (.docx): ")
    assert reason in message and "\n" not in message


def test_missing_letterhead(tmp_path: Path) -> None:
    path = tmp_path / "nope.docx"
    with pytest.raises(PressgenError, match=r"nope\.docx: letterhead file not found"):
        export_release("# H\n", "docx", ExportOptions(reference_docx=path))
