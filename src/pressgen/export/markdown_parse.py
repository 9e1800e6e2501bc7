"""Reading rendered Markdown once into the parts of a release that every writer shares.

markdown-it-py turns the Markdown into a token stream; this module walks that stream a
single time and names what docs/markdown.md says each part is (release line, headline,
subhead, dateline, quote and attribution, ENDS, the sections after it). The DOCX, HTML and
plain-text writers all read the resulting `Release`, so they agree on what is what and no
writer parses Markdown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pressgen.export.xmltext import TextGuard

ParagraphRole = Literal["release", "dateline", "body", "ends", "attribution"]
HeadingRole = Literal["headline", "subhead", "section"]
Align = Literal["left", "center", "right"] | None

# Links a writer may make live; anything else (ftp:, relative paths...) stays plain text.
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one set of formatting; `href` makes it part of a link."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Break:
    """A line break inside a paragraph: `hard` is Markdown's two-space/backslash break."""

    hard: bool = False


Inline = Span | Break


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    role: ParagraphRole = "body"

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass(frozen=True, slots=True)
class Heading:
    inlines: tuple[Inline, ...]
    level: int
    role: HeadingRole = "section"

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quote: the quoted paragraphs and, when it ends `— Name, Role`, who said it."""

    blocks: tuple[Block, ...]
    attribution: Paragraph | None = None


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    aligns: tuple[Align, ...]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    pass


Block = Paragraph | Heading | ListBlock | Quote | Table | CodeBlock | Rule


@dataclass(frozen=True, slots=True)
class Release:
    """A parsed release: its blocks in order plus the parts writers put in headers and titles."""

    blocks: tuple[Block, ...]
    release_line: str | None = None
    headline: str | None = None
    subhead: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def embargoed(self) -> bool:
        return bool(self.release_line and self.release_line.upper().startswith("EMBARGO"))


def plain_text(inlines: Sequence[Inline]) -> str:
    """The text of some inlines with breaks as spaces, for titles, headers and checks."""
    return "".join(i.text if isinstance(i, Span) else " " for i in inlines).strip()


def markdown_parser() -> MarkdownIt:
    """CommonMark plus pipe tables; raw HTML off, so a `<script>` in a draft stays text."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


_PARSER: MarkdownIt | None = None


def parse_release(markdown: str, *, refuse_invalid: bool = False) -> Release:
    """Parse rendered Markdown into a `Release`, cleaning or refusing XML-invalid text."""
    global _PARSER
    if _PARSER is None:
        _PARSER = markdown_parser()
    guard = TextGuard(refuse=refuse_invalid)
    tokens = _PARSER.parse(markdown)
    builder = _Builder(tokens, guard)
    blocks = builder.blocks(0, len(tokens))
    blocks = _assign_roles(blocks)
    release_line = headline = subhead = None
    warnings: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role == "release":
            release_line = block.text
        elif isinstance(block, Heading) and block.role == "headline" and headline is None:
            headline = block.text
        elif isinstance(block, Heading) and block.role == "subhead":
            subhead = block.text
    if headline is None:
        warnings.append("no headline found: the release has no `#` heading")
    warnings.extend(guard.warnings)
    return Release(
        blocks=tuple(blocks),
        release_line=release_line,
        headline=headline,
        subhead=subhead,
        warnings=tuple(warnings),
    )


class _Builder:
    """Walks the flat token list by nesting, turning each block token range into a Block."""

    def __init__(self, tokens: list[Token], guard: TextGuard) -> None:
        self.tokens = tokens
        self.guard = guard

    def _field(self, i: int, kind: str) -> str:
        """Where a text comes from, for warnings: `line 12 (paragraph)`."""
        lines = self.tokens[i].map
        return f"line {lines[0] + 1} ({kind})" if lines else kind

    def _close(self, i: int) -> int:
        """Index of the token closing the block opened at `i`."""
        depth = 0
        for j in range(i, len(self.tokens)):
            depth += self.tokens[j].nesting
            if depth == 0:
                return j
        return len(self.tokens) - 1

    def blocks(self, start: int, stop: int) -> list[Block]:
        out: list[Block] = []
        i = start
        while i < stop:
            tok = self.tokens[i]
            kind = tok.type
            if kind == "paragraph_open":
                end = self._close(i)
                inlines = self.inlines(self.tokens[i + 1], self._field(i, "paragraph"))
                if inlines:
                    out.append(Paragraph(inlines))
                i = end + 1
            elif kind == "heading_open":
                end = self._close(i)
                level = int(tok.tag[1:])
                kind_name = "headline" if level == 1 else "heading"
                inlines = self.inlines(self.tokens[i + 1], self._field(i, kind_name))
                out.append(Heading(inlines, level))
                i = end + 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                end = self._close(i)
                out.append(self._list(i, end))
                i = end + 1
            elif kind == "blockquote_open":
                end = self._close(i)
                out.append(self._quote(i, end))
                i = end + 1
            elif kind == "table_open":
                end = self._close(i)
                out.append(self._table(i, end))
                i = end + 1
            elif kind in ("fence", "code_block"):
                text = self.guard.clean(tok.content.rstrip("\n"), self._field(i, "code block"))
                out.append(CodeBlock(text))
                i += 1
            elif kind == "hr":
                out.append(Rule())
                i += 1
            elif kind == "html_block":  # only with html on; kept as visible text
                text = self.guard.clean(tok.content.strip(), self._field(i, "paragraph"))
                out.append(Paragraph((Span(text),)))
                i += 1
            else:
                i += 1
        return out

    def _list(self, start: int, stop: int) -> ListBlock:
        opener = self.tokens[start]
        ordered = opener.type == "ordered_list_open"
        first = int(str(opener.attrGet("start") or 1)) if ordered else 1
        items: list[ListItem] = []
        i = start + 1
        while i < stop:
            if self.tokens[i].type == "list_item_open":
                end = self._close(i)
                items.append(ListItem(tuple(self.blocks(i + 1, end))))
                i = end + 1
            else:
                i += 1
        return ListBlock(tuple(items), ordered=ordered, start=first)

    def _quote(self, start: int, stop: int) -> Quote:
        inner = self.blocks(start + 1, stop)
        attribution = None
        if inner and isinstance(inner[-1], Paragraph) and _is_attribution(inner[-1]):
            last = inner.pop()
            assert isinstance(last, Paragraph)
            attribution = Paragraph(last.inlines, "attribution")
        return Quote(tuple(inner), attribution)

    def _table(self, start: int, stop: int) -> Table:
        field = self._field(start, "table")
        header: list[tuple[Inline, ...]] = []
        rows: list[tuple[tuple[Inline, ...], ...]] = []
        aligns: list[Align] = []
        row: list[tuple[Inline, ...]] = []
        in_head = False
        for i in range(start, stop):
            tok = self.tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                row = []
            elif tok.type in ("th_open", "td_open"):
                if in_head:
                    aligns.append(_align(tok))
                where = f"{field[:-1]} header)" if in_head else f"{field[:-1]} row {len(rows) + 1})"
                row.append(self.inlines(self.tokens[i + 1], where))
            elif tok.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
        return Table(tuple(header), tuple(rows), tuple(aligns))

    def inlines(self, tok: Token, field: str) -> tuple[Inline, ...]:
        if tok.type != "inline" or not tok.children:
            return ()
        out: list[Inline] = []
        bold = italic = 0
        hrefs: list[str | None] = []
        for child in tok.children:
            kind = child.type
            href = hrefs[-1] if hrefs else None
            if kind == "text" or kind == "html_inline":
                if child.content:
                    text = self.guard.clean(child.content, field)
                    out.append(Span(text, bold > 0, italic > 0, False, href))
            elif kind == "code_inline":
                text = self.guard.clean(child.content, field)
                out.append(Span(text, bold > 0, italic > 0, True, href))
            elif kind == "softbreak":
                out.append(Break(False))
            elif kind == "hardbreak":
                out.append(Break(True))
            elif kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "link_open":
                target = str(child.attrGet("href") or "")
                safe = target if target.lower().startswith(SAFE_SCHEMES) else None
                hrefs.append(self.guard.clean(safe, field) if safe else None)
            elif kind == "link_close":
                if hrefs:
                    hrefs.pop()
            elif kind == "image":
                # No remote resources in any output: an image is its alt text.
                alt = self.guard.clean(child.content, field)
                if alt:
                    out.append(Span(alt, bold > 0, italic > 0, False, href))
        return _merge(out)


def _merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring spans with the same formatting (markdown-it splits text at `*`)."""
    out: list[Inline] = []
    for item in inlines:
        prev = out[-1] if out else None
        if (
            isinstance(item, Span)
            and isinstance(prev, Span)
            and (prev.bold, prev.italic, prev.code, prev.href)
            == (item.bold, item.italic, item.code, item.href)
        ):
            out[-1] = Span(prev.text + item.text, prev.bold, prev.italic, prev.code, prev.href)
        else:
            out.append(item)
    return tuple(out)


def _align(tok: Token) -> Align:
    style = str(tok.attrGet("style") or "")
    for value in ("left", "center", "right"):
        if f"text-align:{value}" in style:
            return value
    return None


def _is_attribution(p: Paragraph) -> bool:
    return p.text.startswith(("—", "―", "--"))


def _is_release_line(p: Paragraph) -> bool:
    spans = [i for i in p.inlines if isinstance(i, Span) and i.text.strip()]
    if not spans or not all(s.bold for s in spans):
        return False
    text = p.text.upper()
    return text.startswith(("FOR IMMEDIATE RELEASE", "EMBARGO"))


def _is_ends(p: Paragraph) -> bool:
    return p.text.strip(" -–—").upper() == "ENDS"


def _assign_roles(blocks: list[Block]) -> list[Block]:
    """Name the parts of the release by position, as docs/markdown.md lays them out."""
    out: list[Block] = []
    seen_headline = seen_body = seen_ends = False
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            if block.level == 1 and not seen_headline and not seen_ends:
                block = Heading(block.inlines, 1, "headline")
                seen_headline = True
            elif (
                block.level == 2
                and seen_headline
                and not seen_body
                and not seen_ends
                and isinstance(out[-1], Heading)
                and out[-1].role == "headline"
            ):
                block = Heading(block.inlines, 2, "subhead")
            else:
                block = Heading(block.inlines, block.level, "section")
        elif isinstance(block, Paragraph):
            if index == 0 and _is_release_line(block):
                block = Paragraph(block.inlines, "release")
            elif _is_ends(block) and not seen_ends:
                block = Paragraph(block.inlines, "ends")
                seen_ends = True
            elif seen_headline and not seen_body and not seen_ends:
                first = block.inlines[0] if block.inlines else None
                role: ParagraphRole = (
                    "dateline" if isinstance(first, Span) and first.bold else "body"
                )
                block = Paragraph(block.inlines, role)
                seen_body = True
        else:
            if seen_headline:
                seen_body = True
        out.append(block)
    return out


__all__ = [
    "Block",
    "Break",
    "CodeBlock",
    "Heading",
    "Inline",
    "ListBlock",
    "ListItem",
    "Paragraph",
    "Quote",
    "Release",
    "Rule",
    "Span",
    "Table",
    "markdown_parser",
    "parse_release",
    "plain_text",
]
