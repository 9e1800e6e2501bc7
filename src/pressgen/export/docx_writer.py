"""Writing a parsed release as a Word document on the default or a campaign's letterhead.

The document starts as a copy of the reference .docx (templates/docx/default.docx or the
campaign's letterhead): its body is emptied, its styles, header, footer and page are kept.
Styles the release needs but the letterhead lacks are copied in from the default, so every
paragraph can be given its style by id — a name lookup per paragraph costs twice as much.
The release line goes in the page header of every page, page numbers in the footer.

Only this module imports python-docx; `pressgen.export` imports it on the first DOCX.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips

from pressgen.errors import PressgenError
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
from pressgen.export.reference import (
    A4,
    BULLET_NUMBERING,
    DECIMAL_NUMBERING,
    LETTER,
    NAVY,
    NUMBERING_XML,
    RED,
    STYLE_NAMES,
    reference_bytes,
)
from pressgen.export.xmltext import TextGuard

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.section import Section

    from pressgen.export import ExportOptions

# Territories that print on US Letter; everyone else gets A4 from the default reference.
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR"})

_HEADING_STYLE = {1: "Heading1", 2: "Heading2"}


def write_docx(release: Release, options: ExportOptions) -> tuple[bytes, tuple[str, ...]]:
    """The release as DOCX bytes, plus any warnings (cleaned text, letterhead oddities)."""
    guard = TextGuard(refuse=options.refuse_invalid_text)
    letterhead = options.reference_docx
    doc = _open_reference(letterhead)
    writer = _DocxWriter(doc, release, options, guard, letterhead is not None)
    writer.write()
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    if options.created is not None:
        data = _dated_zip(data, options.created)
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


# -- reference documents ---------------------------------------------------------------


def _open_reference(path: Path | None) -> DocxDocument:
    data = reference_bytes() if path is None else _letterhead_bytes(path)
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, BadZipFile...
        shown = path or Path("templates/docx/default.docx")
        raise PressgenError(
            f"not a valid Word document (.docx): {_reason(exc)}", path=shown
        ) from None


def _letterhead_bytes(path: Path) -> bytes:
    try:
        stat = path.stat()
    except OSError:
        raise PressgenError("letterhead file not found", path=path) from None
    return _read_letterhead(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read_letterhead(path: Path, mtime_ns: int, size: int) -> bytes:
    # Keyed on mtime and size so an edited letterhead is read again in a long TUI session.
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PressgenError(f"cannot read letterhead: {exc.strerror}", path=path) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PressgenError("not a valid Word document (.docx): not a zip file", path=path)
    return _template_as_document(data)


def _template_as_document(data: bytes) -> bytes:
    """A Word template (.dotx) differs from a .docx only in its main part's content type."""
    template = b"wordprocessingml.template.main+xml"
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        try:
            types = src.read("[Content_Types].xml")
        except KeyError:
            return data
        if template not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                body = src.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    body = body.replace(template, b"wordprocessingml.document.main+xml")
                dst.writestr(info, body)
    return out.getvalue()


def _reason(exc: Exception) -> str:
    text = str(exc).strip().strip("'\"") or type(exc).__name__
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip file"
    if isinstance(exc, KeyError):
        return f"missing part {text}"
    return text.splitlines()[0][:160]


@lru_cache(maxsize=1)
def _reference_styles() -> dict[str, Any]:
    """The default reference's style elements by id, to copy into a letterhead."""
    doc = Document(io.BytesIO(reference_bytes()))
    return {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}


# -- the writer ------------------------------------------------------------------------


@dataclass(slots=True)
class _Numbering:
    bullet_abstract: str
    decimal_abstract: str
    bullet_num: str


class _DocxWriter:
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
        reference = _reference_styles()
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

    def _style(self, p: Any, style: str) -> None:
        p.get_or_add_pPr().style = self.styles[style]

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
        if role == "release":
            style = "Embargo" if self.release.embargoed else "ReleaseLine"
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
        _sub(tbl_pr, "w:tblStyle", val=self.styles["FiguresTable"])
        _sub(tbl_pr, "w:tblW", w="5000", type="pct")
        _sub(
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
            _sub(grid, "w:gridCol", w=str(w))
        tbl.append(grid)
        rows = ([block.header] if block.header else []) + list(block.rows)
        for index, cells in enumerate(rows):
            tr = OxmlElement("w:tr")
            if index == 0 and block.header:
                tr_pr = OxmlElement("w:trPr")
                _sub(tr_pr, "w:tblHeader")
                _sub(tr_pr, "w:cantSplit")
                tr.append(tr_pr)
            for col in range(cols):
                tc = OxmlElement("w:tc")
                tc_pr = OxmlElement("w:tcPr")
                _sub(tc_pr, "w:tcW", w=str(widths[col]), type="dxa")
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
                    _sub(tc_pr, "w:shd", val="clear", color="auto", fill=NAVY)
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

    def _run(self, p: Any, text: str) -> Any:
        r = p.add_r()
        r.text = text
        return r

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

    # -- page: size, header, footer ---------------------------------------------------

    def _page_size(self, section: Section) -> None:
        territory = _territory(self.options.locale)
        if territory in _LETTER_TERRITORIES:
            width, height = LETTER
            section.page_width, section.page_height = Twips(width), Twips(height)

    def _text_width(self) -> int:
        """Width between the margins, in twips."""
        section = self.doc.sections[-1]
        emu = (section.page_width or A4[0] * 635) - (section.left_margin or 0)
        emu -= section.right_margin or 0
        return max(int(emu) // 635, 2000)

    def _header(self, section: Section) -> None:
        line = self.release.release_line
        org = self.guard.clean(self.options.author, "author")
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if self.doc.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
        for header in headers:
            if self.letterhead and not header.is_linked_to_previous:
                if line:
                    # Below the letterhead's own logo and address, right-aligned.
                    p = header._element.add_p()
                    self._style(p, "ReleaseHeader")
                    p.get_or_add_pPr().get_or_add_jc().set(qn("w:val"), "right")
                    self._header_runs(p, line)
                continue
            header.is_linked_to_previous = False
            p = _one_empty_paragraph(header._element)
            self._style(p, "ReleaseHeader")
            tabs = p.get_or_add_pPr().get_or_add_tabs()
            _sub(tabs, "w:tab", val="clear", pos="4513")
            _sub(tabs, "w:tab", val="clear", pos="9026")
            _sub(tabs, "w:tab", val="right", pos=str(self._text_width()))
            if org:
                self._run(p, org)
            if line:
                self._run(p, "\t")
                self._header_runs(p, line)

    def _header_runs(self, p: Any, line: str) -> None:
        r = self._run(p, line)
        if self.release.embargoed:
            r.get_or_add_rPr().get_or_add_color().set(qn("w:val"), RED)

    def _footer(self, section: Section) -> None:
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
        if self.doc.settings.odd_and_even_pages_header_footer:
            footers.append(section.even_page_footer)
        for footer in footers:
            if self.letterhead and not footer.is_linked_to_previous:
                if _has_page_field(footer._element):
                    continue
                p = footer._element.add_p()
            else:
                footer.is_linked_to_previous = False
                p = _one_empty_paragraph(footer._element)
            self._style(p, "Footer")
            p.get_or_add_pPr().get_or_add_jc().set(qn("w:val"), "center")
            self._field(p, "PAGE", "1")
            self._run(p, " / ")
            self._field(p, "NUMPAGES", "1")

    def _field(self, p: Any, instruction: str, shown: str) -> None:
        for kind in ("begin", "instr", "separate", "shown", "end"):
            r = p.add_r()
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {instruction} "
                r.append(instr)
            elif kind == "shown":
                r.text = shown
            else:
                _sub(r, "w:fldChar", fldCharType=kind)

    # -- properties and language -------------------------------------------------------

    def _properties(self) -> None:
        opts = self.options
        props = self.doc.core_properties
        title = opts.title or self.release.headline or ""
        props.title = self.guard.clean(title, "title")
        props.subject = self.guard.clean(opts.subject or self.release.subhead or "", "subject")
        props.author = self.guard.clean(opts.author, "author")
        props.last_modified_by = props.author
        props.keywords = self.guard.clean(", ".join(opts.keywords), "keywords")
        props.language = _language_tag(opts.locale)
        props.category = "Press release"
        props.comments = ""
        props.revision = 1
        now = opts.created or dt.datetime.now(dt.UTC).replace(microsecond=0)
        props.created = now
        props.modified = now

    def _language(self) -> None:
        """w:lang from the locale, so Word spell-checks in the release's language."""
        tag = _language_tag(self.options.locale)
        styles = self.doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            styles.insert(0, defaults)
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), tag)
        # A letterhead's styles may pin their own language; the release's wins.
        for styled in styles.iter(qn("w:lang")):
            styled.set(qn("w:val"), tag)
        settings = self.doc.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), tag)


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    parent.append(el)
    return el


def _has_page_field(root: Any) -> bool:
    for instr in root.iter(qn("w:instrText")):
        if "PAGE" in (instr.text or "").upper():
            return True
    return any("PAGE" in (f.get(qn("w:instr")) or "").upper() for f in root.iter(qn("w:fldSimple")))


def _language_tag(locale: str) -> str:
    """`en_GB` -> `en-GB`, `sr_Latn_RS` -> `sr-Latn-RS` (BCP 47, as Word stores it)."""
    parts = locale.replace("-", "_").split(".")[0].split("@")[0].split("_")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(p for p in out if p) or "en-GB"


def _territory(locale: str) -> str:
    parts = _language_tag(locale).split("-")
    return parts[-1] if len(parts) > 1 and len(parts[-1]) == 2 else ""


def _one_empty_paragraph(root: Any) -> Any:
    """Empty a header or footer down to one bare paragraph, and return it."""
    paragraphs = root.findall(qn("w:p"))
    p = paragraphs[0] if paragraphs else root.add_p()
    for extra in paragraphs[1:]:
        root.remove(extra)
    for child in list(p):
        p.remove(child)
    return p
