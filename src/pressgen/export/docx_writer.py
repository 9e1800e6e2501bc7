"""Writing a parsed release as a Word document on the default or a campaign's letterhead.

The document starts as a copy of the reference .docx (templates/docx/default.docx or the
campaign's letterhead): its body is emptied, its styles, header, footer and page are kept.
Styles the release needs but the letterhead lacks are copied in from the default, so every
paragraph can be given its style by id — a name lookup per paragraph costs twice as much.
The release line goes in the page header of every page, page numbers in the footer
(docx_page.py); the letterhead is checked before it is read (letterhead.py), and the
finished document is reopened before it is returned (package_check.py).

Only the DOCX modules import python-docx; `pressgen.export` imports them on the first DOCX.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from pressgen.export.docx_page import PageFurniture, sub
from pressgen.export.letterhead import open_reference, reference_styles
from pressgen.export.markdown_parse import (
    Block,
    Break,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Release,
    Rule,
    Span,
    Table,
)
from pressgen.export.package_check import verify_docx
from pressgen.export.reference import (
    BULLET_NUMBERING,
    DECIMAL_NUMBERING,
    NAVY,
    NUMBERING_XML,
    STYLE_NAMES,
)
from pressgen.export.xmltext import TextGuard

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from pressgen.export import ExportOptions

_HEADING_STYLE = {1: "Heading1", 2: "Heading2"}


def write_docx(release: Release, options: ExportOptions) -> tuple[bytes, tuple[str, ...]]:
    """The release as DOCX bytes, plus any warnings (cleaned text, letterhead oddities)."""
    guard = TextGuard(refuse=options.refuse_invalid_text)
    letterhead = options.reference_docx
    doc = open_reference(letterhead)
    writer = _DocxWriter(doc, release, options, guard, letterhead is not None)
    writer.write()
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    if options.created is not None:
        data = _dated_zip(data, options.created)
    verify_docx(data)  # a document Word cannot open is never reported as written
    return data, guard.warnings + tuple(writer.warnings)


def _dated_zip(data: bytes, when: dt.datetime) -> bytes:
    """The package with every entry dated `when` (python-docx dates them now)."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# -- the writer ------------------------------------------------------------------------


@dataclass(slots=True)
class _Numbering:
    bullet_abstract: str
    decimal_abstract: str
    bullet_num: str


class _DocxWriter(PageFurniture):
    def __init__(
        self,
        doc: DocxDocument,
        release: Release,
        options: ExportOptions,
        guard: TextGuard,
        letterhead: bool,
    ) -> None:
        self.doc = doc
        self.release = release
        self.options = options
        self.guard = guard
        self.letterhead = letterhead
        self.part = doc.part
        self.body = doc.element.body
        self.warnings: list[str] = []
        self.styles: dict[str, str] = {}
        self._numbering: _Numbering | None = None

    def write(self) -> None:
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self._resolve_styles()
        section = self.doc.sections[-1]
        if not self.letterhead:
            self._page_size(section)
        for block in self.release.blocks:
            self._block(block, self.body, depth=0)
        self._header(section)
        self._footer(section)
        self._properties()
        self._language()

    # -- styles ------------------------------------------------------------------------

    def _resolve_styles(self) -> None:
        """Map each style the release uses to an id in this document, adding missing ones.

        Done once per document; afterwards every paragraph gets its style by id.
        """
        root = self.doc.styles.element
        by_id: dict[str, Any] = {}
        by_name: dict[str, str] = {}
        for el in root.findall(qn("w:style")):
            sid = el.get(qn("w:styleId"))
            by_id[sid] = el
            name = el.find(qn("w:name"))
            if name is not None:
                by_name[name.get(qn("w:val")).lower()] = sid
        reference = reference_styles()
        for sid, name in STYLE_NAMES.items():
            if sid in by_id:
                self.styles[sid] = sid
            elif name.lower() in by_name:
                self.styles[sid] = by_name[name.lower()]
            else:
                el = copy.deepcopy(reference[sid])
                based = el.find(qn("w:basedOn"))
                if based is not None:
                    base = self.styles.get(based.get(qn("w:val")))
                    if base is None:
                        el.remove(based)
                    else:
                        based.set(qn("w:val"), base)
                for tag in ("w:next", "w:link"):
                    for ref in el.findall(qn(tag)):
                        el.remove(ref)
                root.append(el)
                by_id[sid] = el
                self.styles[sid] = sid

    # -- blocks ------------------------------------------------------------------------

    def _block(self, block: Block, parent: Any, depth: int) -> None:
        if isinstance(block, Paragraph):
            self._paragraph(block, parent)
        elif isinstance(block, Heading):
            if block.role == "headline":
                style = "Title"
            elif block.role == "subhead":
                style = "Subtitle"
            else:
                style = _HEADING_STYLE.get(block.level, "Heading3")
            self._inlines(self._p(parent, style), block.inlines, plain=True)
        elif isinstance(block, ListBlock):
            self._list(block, parent, depth)
        elif isinstance(block, Quote):
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    self._inlines(self._p(parent, "Quote"), inner.inlines)
                else:
                    self._block(inner, parent, depth)
            if block.attribution is not None:
                p = self._p(parent, "QuoteAttribution")
                self._inlines(p, block.attribution.inlines, plain=True)
        elif isinstance(block, Table):
            self._table(block, parent)
        elif isinstance(block, CodeBlock):
            p = self._p(parent, "Normal")
            r = self._run(p, block.text)
            fonts = r.get_or_add_rPr().get_or_add_rFonts()
            fonts.set(qn("w:ascii"), "Courier New")
            fonts.set(qn("w:hAnsi"), "Courier New")
        elif isinstance(block, Rule):
            p = self._p(parent, "Ends")
            self._run(p, "* * *")

    def _paragraph(self, block: Paragraph, parent: Any) -> None:
        role = block.role
        if role in ("release", "embargo"):
            style = "Embargo" if role == "embargo" else "ReleaseLine"
            self._inlines(self._p(parent, style), block.inlines, plain=True)
        elif role == "ends":
            self._inlines(self._p(parent, "Ends"), block.inlines, plain=True)
        elif role == "dateline":
            self._inlines(self._p(parent, "Dateline"), block.inlines)
        elif role == "attribution":
            self._inlines(self._p(parent, "QuoteAttribution"), block.inlines, plain=True)
        else:
            self._inlines(self._p(parent, "Normal"), block.inlines)

    def _p(self, parent: Any, style: str) -> Any:
        p = parent.add_p() if parent is self.body else parent._add_p()
        if style != "Normal":
            self._style(p, style)
        return p

    def _list(self, block: ListBlock, parent: Any, depth: int) -> None:
        numbering = self._numbering_ids()
        if block.ordered:
            num_id = self._new_num(numbering.decimal_abstract, block.start)
            style = "ListNumber"
        else:
            num_id = numbering.bullet_num
            style = "ListBullet"
        level = min(depth, 8)
        last: Any = None
        for item in block.items:
            first = True
            for inner in item.blocks:
                if isinstance(inner, Paragraph) and first:
                    p = self._p(parent, style)
                    num_pr = p.get_or_add_pPr().get_or_add_numPr()
                    num_pr.get_or_add_ilvl().val = level
                    num_pr.get_or_add_numId().val = int(num_id)
                    self._inlines(p, inner.inlines)
                    first = False
                    last = p
                elif isinstance(inner, Paragraph):
                    p = self._p(parent, "ListParagraph")
                    p.get_or_add_pPr().get_or_add_ind().set(qn("w:left"), str(360 * (level + 1)))
                    self._inlines(p, inner.inlines)
                else:
                    self._block(inner, parent, depth + 1)
                    first = False
        if last is not None and depth == 0:
            # The list items sit close together; the list as a whole gets paragraph space.
            last.get_or_add_pPr().get_or_add_spacing().set(qn("w:after"), "200")

    def _numbering_ids(self) -> _Numbering:
        """pressgen's bullet and decimal list definitions in this document, added if missing."""
        if self._numbering is not None:
            return self._numbering
        numbering = self.part.numbering_part.element
        abstracts = numbering.findall(qn("w:abstractNum"))
        found: dict[str, str] = {}
        for el in abstracts:
            name = el.find(qn("w:name"))
            if name is not None and name.get(qn("w:val")) in (BULLET_NUMBERING, DECIMAL_NUMBERING):
                found[name.get(qn("w:val"))] = el.get(qn("w:abstractNumId"))
        used = [int(el.get(qn("w:abstractNumId"))) for el in abstracts]
        reference = parse_xml(NUMBERING_XML)
        for el in reference.findall(qn("w:abstractNum")):
            name = el.find(qn("w:name")).get(qn("w:val"))
            if name in found:
                continue
            new_id = max([*used, 0]) + 1
            used.append(new_id)
            el.set(qn("w:abstractNumId"), str(new_id))
            # Schema order: every abstractNum before the first num.
            nums = numbering.findall(qn("w:num"))
            if nums:
                nums[0].addprevious(el)
            else:
                numbering.append(el)
            found[name] = str(new_id)
        bullet_num = self._new_num(found[BULLET_NUMBERING], None)
        self._numbering = _Numbering(found[BULLET_NUMBERING], found[DECIMAL_NUMBERING], bullet_num)
        return self._numbering

    def _new_num(self, abstract_id: str, start: int | None) -> str:
        """A list instance; a numbered list gets its own so each one restarts at `start`."""
        num = self.part.numbering_part.element.add_num(int(abstract_id))
        if start is not None:
            num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return str(num.numId)

    def _table(self, block: Table, parent: Any) -> None:
        cols = max([len(block.header)] + [len(r) for r in block.rows] + [1])
        tbl = OxmlElement("w:tbl")
        tbl_pr = OxmlElement("w:tblPr")
        sub(tbl_pr, "w:tblStyle", val=self.styles["FiguresTable"])
        sub(tbl_pr, "w:tblW", w="5000", type="pct")
        sub(
            tbl_pr, "w:tblLook", val="04A0", firstRow="1", lastRow="0",
            firstColumn="0", lastColumn="0", noHBand="1", noVBand="1",
        )  # fmt: skip
        tbl.append(tbl_pr)
        grid = OxmlElement("w:tblGrid")
        width = self._text_width()
        first_col = width * 2 // 5 if cols > 1 else width
        rest = (width - first_col) // (cols - 1) if cols > 1 else 0
        widths = [first_col] + [rest] * (cols - 1)
        for w in widths:
            sub(grid, "w:gridCol", w=str(w))
        tbl.append(grid)
        rows = ([block.header] if block.header else []) + list(block.rows)
        for index, cells in enumerate(rows):
            tr = OxmlElement("w:tr")
            if index == 0 and block.header:
                tr_pr = OxmlElement("w:trPr")
                sub(tr_pr, "w:tblHeader")
                sub(tr_pr, "w:cantSplit")
                tr.append(tr_pr)
            for col in range(cols):
                tc = OxmlElement("w:tc")
                tc_pr = OxmlElement("w:tcPr")
                sub(tc_pr, "w:tcW", w=str(widths[col]), type="dxa")
                tc.append(tc_pr)
                p = OxmlElement("w:p")
                tc.append(p)
                align = block.aligns[col] if col < len(block.aligns) else None
                if align in ("center", "right"):
                    p.get_or_add_pPr().get_or_add_jc().set(qn("w:val"), str(align))
                header = index == 0 and bool(block.header)
                if header:
                    # Also direct, not only the table style's firstRow: LibreOffice
                    # ignores conditional table-style formatting.
                    sub(tc_pr, "w:shd", val="clear", color="auto", fill=NAVY)
                if index < len(rows) - 1:
                    p.get_or_add_pPr().get_or_add_keepNext()  # keep the table on one page
                if col < len(cells):
                    self._inlines(p, cells[col])
                if header:
                    for r in p.iter(qn("w:r")):
                        rpr = r.get_or_add_rPr()
                        rpr.get_or_add_b()
                        rpr.get_or_add_color().set(qn("w:val"), "FFFFFF")
                tr.append(tc)
            tbl.append(tr)
        if parent is self.body:
            self.body.sectPr.addprevious(tbl) if self.body.sectPr is not None else self.body.append(
                tbl
            )
        else:
            parent.append(tbl)
        # Word needs a paragraph between a table and what follows to keep them apart.
        spacer = self._p(parent, "Normal")
        spacer.get_or_add_pPr().get_or_add_spacing().set(qn("w:after"), "0")

    # -- inline content ----------------------------------------------------------------

    def _inlines(self, p: Any, inlines: tuple[Inline, ...], *, plain: bool = False) -> None:
        """Runs for the inlines; `plain` drops bold where the style already makes it bold."""
        for item in inlines:
            if isinstance(item, Break):
                r = p.add_r()
                if item.hard:
                    r.add_br()
                else:
                    r.text = " "
                continue
            if item.href is not None:
                self._hyperlink(p, item, plain)
                continue
            r = self._run(p, item.text)
            self._format(r, item, plain)

    def _format(self, r: Any, span: Span, plain: bool) -> None:
        if not (span.bold and not plain) and not span.italic and not span.code:
            return
        rpr = r.get_or_add_rPr()
        if span.bold and not plain:
            rpr._add_b()
        if span.italic:
            rpr._add_i()
        if span.code:
            fonts = rpr.get_or_add_rFonts()
            fonts.set(qn("w:ascii"), "Courier New")
            fonts.set(qn("w:hAnsi"), "Courier New")

    def _hyperlink(self, p: Any, span: Span, plain: bool) -> None:
        assert span.href is not None
        rid = self.part.relate_to(span.href, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        link.set(qn("w:history"), "1")
        r = OxmlElement("w:r")
        r.get_or_add_rPr().get_or_add_rStyle().set(qn("w:val"), self.styles["Hyperlink"])
        r.text = span.text
        self._format(r, span, plain)
        link.append(r)
        p.append(link)
