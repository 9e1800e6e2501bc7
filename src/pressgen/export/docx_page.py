"""The page around a DOCX release: page size, the header with the release line, the
footer with page numbers, document properties and the document's language.

`PageFurniture` is mixed into the DOCX writer (docx_writer.py): it reads the writer's
document, release, options and resolved style ids, and adds what every page carries.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from pressgen.export.reference import A4, LETTER, RED
from pressgen.text.phrases import draft_word

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.section import Section

    from pressgen.export import ExportOptions
    from pressgen.export.markdown_parse import Release
    from pressgen.export.xmltext import TextGuard

#: Languages whose DOCX is hyphenated automatically (w:autoHyphenation).
HYPHENATED_LANGUAGES = frozenset({"de", "fr", "es"})

# What follows w:autoHyphenation in w:settings, and w:suppressAutoHyphens in w:pPr
# (ECMA-376 part 1, CT_Settings and CT_PPrBase), so each is inserted in schema order.
_SETTINGS_AFTER_HYPHENATION = tuple(
    name if ":" in name else f"w:{name}"
    for name in [
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "m:mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)
_PPR_AFTER_SUPPRESS = tuple(
    f"w:{name}"
    for name in [
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)

# Territories that print on US Letter; everyone else gets A4 from the default reference.
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR"})


class PageFurniture:
    """Header, footer, page size, properties and language of the writer's document."""

    doc: DocxDocument
    release: Release
    options: ExportOptions
    guard: TextGuard
    letterhead: bool
    styles: dict[str, str]

    def _style(self, p: Any, style: str) -> None:
        p.get_or_add_pPr().style = self.styles[style]

    def _run(self, p: Any, text: str) -> Any:
        r = p.add_r()
        r.text = text
        return r

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
            sub(tabs, "w:tab", val="clear", pos="4513")
            sub(tabs, "w:tab", val="clear", pos="9026")
            sub(tabs, "w:tab", val="right", pos=str(self._text_width()))
            if org:
                self._run(p, org)
            if line:
                self._run(p, "\t")
                self._header_runs(p, line)
        if self.options.draft:
            for header in headers:
                if not header.is_linked_to_previous:
                    self._draft_line(header)

    def _draft_line(self, header: Any) -> None:
        """The draft stamp above the header's own lines: bold, red, centred, in the
        release's language, on every page the header is on."""
        p = OxmlElement("w:p")
        header._element.insert(0, p)
        self._style(p, "ReleaseHeader")
        p.get_or_add_pPr().get_or_add_jc().set(qn("w:val"), "center")
        r = self._run(p, draft_word(self.options.locale))
        rpr = r.get_or_add_rPr()
        rpr._add_b()
        rpr.get_or_add_color().set(qn("w:val"), RED)

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
                sub(r, "w:fldChar", fldCharType=kind)

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
        props.language = language_tag(opts.locale)
        props.category = "Press release"
        props.comments = ""
        props.revision = 1
        now = opts.created or dt.datetime.now(dt.UTC).replace(microsecond=0)
        props.created = now
        props.modified = now

    def _language(self) -> None:
        """w:lang from the locale, so Word spell-checks in the release's language."""
        tag = language_tag(self.options.locale)
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
        self._hyphenation(tag.split("-")[0])

    def _hyphenation(self, language: str) -> None:
        """Automatic hyphenation on for languages of long compounds and long words (German,
        French, Spanish), off for the rest (English press copy is not hyphenated), whatever
        a letterhead says. Headlines and the release line are never hyphenated."""
        settings = self.doc.settings.element
        for old in settings.findall(qn("w:autoHyphenation")):
            settings.remove(old)
        if language not in HYPHENATED_LANGUAGES:
            return
        el = OxmlElement("w:autoHyphenation")
        # Schema order: after defaultTabStop and everything before it.
        settings.insert_element_before(el, *_SETTINGS_AFTER_HYPHENATION)
        styles = self.doc.styles.element
        for style_id in ("Title", "Subtitle", "ReleaseLine", "Embargo", "ReleaseHeader"):
            style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{self.styles[style_id]}']")
            if style is None:
                continue
            ppr = style.get_or_add_pPr()
            if ppr.find(qn("w:suppressAutoHyphens")) is None:
                ppr.insert_element_before(
                    OxmlElement("w:suppressAutoHyphens"), *_PPR_AFTER_SUPPRESS
                )


def sub(parent: Any, tag: str, **attrs: str) -> Any:
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


def language_tag(locale: str) -> str:
    """`en_GB` -> `en-GB`, `sr_Latn_RS` -> `sr-Latn-RS` (BCP 47, as Word stores it)."""
    parts = locale.replace("-", "_").split(".")[0].split("@")[0].split("_")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(p for p in out if p) or "en-GB"


def _territory(locale: str) -> str:
    parts = language_tag(locale).split("-")
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
