"""The default reference document: the styles, numbering and page a DOCX release starts from.

`scripts/build_reference_docx.py` calls `build_reference_docx()` and writes the result to
`templates/docx/default.docx`, so the shipped file is always reproducible from this code;
`reference_bytes()` falls back to building it in memory where that file is not installed.
A campaign's letterhead replaces this document; any style it lacks is copied from here by
the DOCX writer, so both paths produce the same style ids.

Every style a release uses is declared here with its id; the writer sets styles by id.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.shared import Length

NAVY = "1F3864"
RED = "C00000"
GREY = "595959"
RULE = "BFBFBF"

BULLET_NUMBERING = "pressgen-bullet"
DECIMAL_NUMBERING = "pressgen-number"

# (style id, style name as stored in styles.xml) for every style the writer uses.
# Built-in styles keep Word's own names ("heading 2", "header"), so Word localises them.
STYLE_NAMES: dict[str, str] = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
    "Heading3": "heading 3",
    "Quote": "Quote",
    "ListBullet": "List Bullet",
    "ListNumber": "List Number",
    "ListParagraph": "List Paragraph",
    "Header": "header",
    "Footer": "footer",
    "Hyperlink": "Hyperlink",
    "ReleaseLine": "Release Line",
    "Embargo": "Embargo",
    "Dateline": "Dateline",
    "QuoteAttribution": "Quote Attribution",
    "Ends": "Ends",
    "ReleaseHeader": "Release Header",
    "FiguresTable": "Figures Table",
}

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_FONT = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'

_STYLES_XML = f"""<w:styles xmlns:w="{_W}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr>{_FONT}<w:sz w:val="22"/><w:szCs w:val="22"/>
      <w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="288" w:lineRule="auto"/></w:pPr>
    </w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:name w:val="Normal"/><w:qFormat/>
    <w:rPr><w:color w:val="222222"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
    <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>
    <w:unhideWhenUsed/>
  </w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal">
    <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>
      <w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
      <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
    </w:tblCellMar></w:tblPr>
  </w:style>
  <w:style w:type="numbering" w:default="1" w:styleId="NoList">
    <w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Title">
    <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/>
    <w:uiPriority w:val="10"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="160" w:line="240" w:lineRule="auto"/>
    </w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:kern w:val="28"/>
      <w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Subtitle">
    <w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:uiPriority w:val="11"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:after="320" w:line="264" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Heading1">
    <w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:uiPriority w:val="9"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>
      <w:outlineLvl w:val="0"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Heading2">
    <w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="320" w:after="100"/>
      <w:outlineLvl w:val="1"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Heading3">
    <w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/>
      <w:outlineLvl w:val="2"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="{GREY}"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="ReleaseLine">
    <w:name w:val="Release Line"/><w:basedOn w:val="Normal"/><w:next w:val="Title"/>
    <w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:after="240"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val="{NAVY}"/><w:spacing w:val="10"/>
      <w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Embargo">
    <w:name w:val="Embargo"/><w:basedOn w:val="ReleaseLine"/><w:next w:val="Title"/>
    <w:qFormat/>
    <w:rPr><w:color w:val="{RED}"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Dateline">
    <w:name w:val="Dateline"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Quote">
    <w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="QuoteAttribution"/>
    <w:uiPriority w:val="29"/><w:qFormat/>
    <w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="12" w:color="{NAVY}"/></w:pBdr>
      <w:spacing w:before="120" w:after="80"/><w:ind w:left="454" w:right="454"/></w:pPr>
    <w:rPr><w:i/><w:iCs/><w:color w:val="333333"/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="QuoteAttribution">
    <w:name w:val="Quote Attribution"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:qFormat/>
    <w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="12" w:color="{NAVY}"/></w:pBdr>
      <w:spacing w:after="240"/><w:ind w:left="454" w:right="454"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:color w:val="{GREY}"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Ends">
    <w:name w:val="Ends"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:caps/><w:spacing w:val="20"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph">
    <w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:after="80"/><w:ind w:left="720"/></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet">
    <w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:spacing w:after="80"/></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="ListNumber">
    <w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:spacing w:after="80"/></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Header">
    <w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/>
      </w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="ReleaseHeader">
    <w:name w:val="Release Header"/><w:basedOn w:val="Header"/><w:qFormat/>
    <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="{NAVY}"/></w:pBdr>
      <w:spacing w:after="0"/></w:pPr>
    <w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val="{NAVY}"/><w:spacing w:val="6"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Footer">
    <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/>
      </w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>
    </w:pPr>
    <w:rPr><w:color w:val="{GREY}"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:styleId="Hyperlink">
    <w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>
    <w:unhideWhenUsed/>
    <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>
  </w:style>
  <w:style w:type="table" w:customStyle="1" w:styleId="FiguresTable">
    <w:name w:val="Figures Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
    <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
    <w:tblPr>
      <w:tblBorders>
        <w:top w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>
        <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      </w:tblBorders>
      <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
        <w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>
    </w:tblPr>
    <w:tblStylePr w:type="firstRow">
      <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr>
    </w:tblStylePr>
  </w:style>
</w:styles>"""


_BULLET_FONT = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'


def _levels(kind: str) -> str:
    out = []
    bullets = ["•", "–", "▪"]
    for level in range(9):
        indent = 360 * (level + 1)
        if kind == "bullet":
            fmt, text = "bullet", bullets[level % 3]
        else:
            fmt = ("decimal", "lowerLetter", "lowerRoman")[level % 3]
            text = f"%{level + 1}."
        out.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>'
            + (_BULLET_FONT if kind == "bullet" else "")
            + "</w:lvl>"
        )
    return "".join(out)


NUMBERING_XML = f"""<w:numbering xmlns:w="{_W}">
  <w:abstractNum w:abstractNumId="1"><w:nsid w:val="5052454E"/>
    <w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{BULLET_NUMBERING}"/>
    {_levels("bullet")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2"><w:nsid w:val="5052454F"/>
    <w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{DECIMAL_NUMBERING}"/>
    {_levels("decimal")}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""

# A4 with 2.5 cm side margins; the top leaves room for the letterhead line.
A4 = (11906, 16838)
LETTER = (12240, 15840)
MARGINS = {"top": 1701, "bottom": 1418, "left": 1418, "right": 1418, "header": 709, "footer": 567}


def build_reference_docx() -> bytes:
    """Build the default reference document from python-docx's blank one, pruned and restyled."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    doc = Document()
    # Parts a release never uses: a Mac thumbnail, a customXml item, web settings, the
    # Word 2010 effects copy of the styles.
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        unused = rel.reltype in (RT.CUSTOM_XML, RT.WEB_SETTINGS)
        if unused or rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]

    styles = doc.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in parse_xml(_STYLES_XML):
        styles.append(child)

    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING_XML):
        numbering.append(child)

    settings = doc.settings.element
    for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    for el in settings.findall(qn("w:themeFontLang")):
        el.set(qn("w:val"), "en-GB")

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = doc.sections[0]
    section.page_width, section.page_height = (_twips(v) for v in A4)
    section.top_margin = _twips(MARGINS["top"])
    section.bottom_margin = _twips(MARGINS["bottom"])
    section.left_margin = _twips(MARGINS["left"])
    section.right_margin = _twips(MARGINS["right"])
    section.header_distance = _twips(MARGINS["header"])
    section.footer_distance = _twips(MARGINS["footer"])

    props = doc.core_properties
    props.author = "pressgen"
    props.last_modified_by = "pressgen"
    props.title = "pressgen reference document"
    props.comments = "Styles for pressgen DOCX export; rebuild with scripts/build_reference_docx.py"
    props.revision = 1
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    props.created = stamp
    props.modified = stamp

    out = io.BytesIO()
    doc.save(out)
    return reproducible_zip(out.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry times, so rebuilding gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _twips(value: int) -> Length:
    """Twentieths of a point as python-docx's length type."""
    from docx.shared import Twips

    return Twips(value)


def default_reference_path() -> Path:
    """Where the built default lives in a source checkout: templates/docx/default.docx."""
    return Path(__file__).resolve().parents[3] / "templates" / "docx" / "default.docx"


@cache
def reference_bytes() -> bytes:
    """The default reference document: the shipped file, or built here when it is absent."""
    path = default_reference_path()
    try:
        return path.read_bytes()
    except OSError:
        return build_reference_docx()
