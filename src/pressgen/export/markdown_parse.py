"""Reading rendered Markdown once into the parts of a release that every writer shares.

markdown-it-py turns the Markdown into a token stream; this module walks that stream a
single time and names what docs/markdown.md says each part is (release line, headline,
subhead, dateline, quote and attribution, ENDS, the sections after it). The DOCX, HTML and
plain-text writers all read the resulting `Release`, so they agree on what is what and no
writer parses Markdown again.

The parts are known by structure, in every language alike: a `<!-- pressgen:ROLE -->`
line directly above a block (the base templates write them; a Markdown viewer shows
nothing), and where a draft has none, by position and emphasis alone. No word is ever
matched: "ENDE" is as much ENDS as "ENDS" is, because of where it stands and its marker.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pressgen.export.structure import (
    RELEASE_ROLES,
    Align,
    Block,
    Break,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    ParagraphRole,
    Quote,
    Release,
    Rule,
    Span,
    Table,
    plain_text,
)
from pressgen.export.xmltext import TextGuard

# Links a writer may make live; anything else (ftp:, relative paths...) stays plain text.
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")

# A marker is a line of its own, `[//]: # (pressgen:ends)`: a link reference definition,
# which CommonMark shows as nothing, with or without raw HTML. It is read from the
# parser's list of definitions or from a paragraph's raw source, never from parsed text,
# so a data value (escaped as `\[//\]…`) can never forge one.
_MARKER = re.compile(r"(?<!\\)\[//\]:[ \t]+#[ \t]+\(pressgen:([a-z-]+)\)")
_PARAGRAPH_MARKS: frozenset[str] = frozenset(
    {"release", "embargo", "dateline", "ends", "attribution"}
)
_HEADING_MARKS: frozenset[str] = frozenset({"notes"})
MARKS = _PARAGRAPH_MARKS | _HEADING_MARKS


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
    env: dict[str, Any] = {}
    tokens = _PARSER.parse(markdown, env)
    builder = _Builder(tokens, guard, _PARSER, env)
    blocks = _assign_roles(builder.blocks(0, len(tokens)))
    release_line = headline = subhead = None
    embargoed = False
    warnings: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role in RELEASE_ROLES and release_line is None:
            release_line = block.text
            embargoed = block.role == "embargo"
        elif isinstance(block, Heading) and block.role == "headline" and headline is None:
            headline = block.text
        elif isinstance(block, Heading) and block.role == "subhead":
            subhead = block.text
    if headline is None:
        warnings.append("no headline found: the release has no `#` heading")
    warnings.extend(builder.warnings)
    warnings.extend(guard.warnings)
    return Release(
        blocks=tuple(blocks),
        release_line=release_line,
        headline=headline,
        subhead=subhead,
        warnings=tuple(warnings),
        embargoed=embargoed,
    )


class _Builder:
    """Walks the flat token list by nesting, turning each block token range into a Block."""

    def __init__(
        self, tokens: list[Token], guard: TextGuard, parser: MarkdownIt, env: dict[str, Any]
    ) -> None:
        self.tokens = tokens
        self.guard = guard
        self.parser = parser
        self.env = env
        self.warnings: list[str] = []
        self.marks = _definitions(env)

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

    def blocks(self, start: int, stop: int, first_line: int = 0) -> list[Block]:
        out: list[Block] = []
        pending: str | None = None  # a marker that ended the paragraph before
        last_line = first_line  # where the previous block ended: markers after it count
        i = start
        while i < stop:
            tok = self.tokens[i]
            kind = tok.type
            before = len(out)
            if tok.map is not None and tok.nesting >= 0:
                pending = self._mark_between(last_line, tok.map[0]) or pending
                last_line = tok.map[1]
            if kind == "paragraph_open":
                end = self._close(i)
                pending = self._paragraphs(i, out, pending)
                i = end + 1
                continue
            elif kind == "heading_open":
                end = self._close(i)
                level = int(tok.tag[1:])
                kind_name = "headline" if level == 1 else "heading"
                inlines = self.inlines(self.tokens[i + 1], self._field(i, kind_name))
                notes = pending in _HEADING_MARKS and level > 1
                out.append(Heading(inlines, level, "notes" if notes else "section"))
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
            if len(out) > before:
                pending = None
        return out

    def _mark_between(self, after: int, before: int) -> str | None:
        """The last marker written on its own between two lines (markdown-it keeps it as a
        link reference definition, which shows nothing), or None."""
        found = None
        for line, role in self.marks:
            if after <= line < before:
                found = role
            elif line >= before:
                break
        return found

    def _paragraphs(self, i: int, out: list[Block], pending: str | None) -> str | None:
        """The paragraph opened at `i`, split where a marker stands inside it (its blank
        line lost in an edit, or text typed on the marker's line), appended to `out`; the
        marker never shows. Returns a marker that ends the paragraph, still waiting."""
        field = self._field(i, "paragraph")
        inline = self.tokens[i + 1]
        if "pressgen:" not in inline.content or not _MARKER.search(inline.content):
            inlines = self.inlines(inline, field)
            if inlines:
                out.append(Paragraph(inlines, self._role(pending, field)))
                return None
            return pending
        role = pending
        chunk: list[str] = []

        def flush() -> None:
            nonlocal role
            text = "\n".join(chunk).strip()
            chunk.clear()
            parsed = self.parser.parseInline(text, self.env) if text else []
            inlines = self.inlines(parsed[0], field) if parsed else ()
            if inlines:
                out.append(Paragraph(inlines, self._role(role, field)))
                role = None

        for line in inline.content.split("\n"):
            start = 0
            for mark in _MARKER.finditer(line):
                chunk.append(line[start : mark.start()])
                flush()
                role = mark.group(1)
                start = mark.end()
            chunk.append(line[start:])
        flush()
        return role

    def _role(self, mark: str | None, field: str) -> ParagraphRole:
        if mark is None or mark in _HEADING_MARKS:
            return "body"
        if mark in _PARAGRAPH_MARKS:
            return mark  # type: ignore[return-value]  # checked against the Literal's set
        self.warnings.append(f"{field}: unknown marker (pressgen:{mark}) ignored")
        return "body"

    def _inner_start(self, i: int) -> int:
        lines = self.tokens[i].map
        return lines[0] if lines else 0

    def _list(self, start: int, stop: int) -> ListBlock:
        opener = self.tokens[start]
        ordered = opener.type == "ordered_list_open"
        first = int(str(opener.attrGet("start") or 1)) if ordered else 1
        items: list[ListItem] = []
        i = start + 1
        while i < stop:
            if self.tokens[i].type == "list_item_open":
                end = self._close(i)
                items.append(ListItem(tuple(self.blocks(i + 1, end, self._inner_start(i)))))
                i = end + 1
            else:
                i += 1
        return ListBlock(tuple(items), ordered=ordered, start=first)

    def _quote(self, start: int, stop: int) -> Quote:
        inner = self.blocks(start + 1, stop, self._inner_start(start))
        attribution = None
        marked = [b for b in inner if isinstance(b, Paragraph) and b.role == "attribution"]
        if marked:
            attribution = marked[-1]
            inner.remove(attribution)
        elif inner and isinstance(inner[-1], Paragraph) and _is_attribution(inner[-1]):
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


def _definitions(env: dict[str, Any]) -> list[tuple[int, str]]:
    """(line, role) of every marker markdown-it read as a link reference definition:
    the first of a label is in `references`, the others in `duplicate_refs`."""
    found: list[tuple[int, str]] = []
    first = env.get("references", {}).get("//")
    entries = ([first] if first else []) + [
        d for d in env.get("duplicate_refs", []) if d.get("label") == "//"
    ]
    for entry in entries:
        title = str(entry.get("title") or "")
        lines = entry.get("map")
        if title.startswith("pressgen:") and entry.get("href") == "#" and lines:
            found.append((int(lines[0]), title.removeprefix("pressgen:")))
    return sorted(found)


def _is_attribution(p: Paragraph) -> bool:
    """Unmarked Markdown: the last paragraph of a block quote opening with a dash."""
    return p.text.startswith(("—", "―", "--"))


def _all_bold(p: Paragraph) -> bool:
    spans = [i for i in p.inlines if isinstance(i, Span) and i.text.strip()]
    return bool(spans) and all(s.bold for s in spans)


def _assign_roles(blocks: list[Block]) -> list[Block]:
    """Name the parts of the release: by marker where the Markdown has one, else by
    position alone (docs/markdown.md), never by what the words say."""
    marked: set[str] = {b.role for b in blocks if isinstance(b, Paragraph | Heading)}
    has_release = bool(marked & RELEASE_ROLES)
    out: list[Block] = []
    seen_headline = seen_body = seen_ends = False
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            if block.role == "notes":
                pass
            elif block.level == 1 and not seen_headline and not seen_ends:
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
            elif seen_ends and "notes" not in marked and block.level > 1:
                # Unmarked: the first section after ENDS opens the notes to editors.
                block = Heading(block.inlines, block.level, "notes")
                marked.add("notes")
        elif isinstance(block, Paragraph):
            role = block.role
            if role == "body":
                role = _fallback_role(blocks, index, block, has_release, marked, seen_headline)
                role = role if role != "dateline" or not seen_body else "body"
            if role == "ends":
                seen_ends = True
                marked.add("ends")
            if seen_headline and not seen_ends:
                seen_body = True
            if role != block.role:
                block = Paragraph(block.inlines, role)
        elif seen_headline:
            seen_body = True
        out.append(block)
    return out


def _fallback_role(
    blocks: list[Block],
    index: int,
    block: Paragraph,
    has_release: bool,
    marked: set[str],
    seen_headline: bool,
) -> ParagraphRole:
    """The role of an unmarked paragraph, from where it stands and how it is set."""
    if index == 0 and not has_release and _all_bold(block):
        return "release"  # the first paragraph, wholly bold; an embargo only by marker
    if not seen_headline:
        return "body"
    if "dateline" not in marked:
        first = block.inlines[0] if block.inlines else None
        marked.add("dateline")  # only the first body paragraph may be one
        return "dateline" if isinstance(first, Span) and first.bold else "body"
    nxt = blocks[index + 1] if index + 1 < len(blocks) else None
    if (
        "ends" not in marked
        and _all_bold(block)
        and not any(isinstance(i, Break) for i in block.inlines)
        and isinstance(nxt, Heading)
        and nxt.level > 1
    ):
        return "ends"  # a bold line on its own, just before the sections
    return "body"


__all__ = [
    "MARKS",
    "Align",
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


def word_count(markdown: str) -> int:
    """The words a reader sees: structure markers and Markdown marks are not words."""
    return sum(1 for w in _MARKER.sub(" ", markdown).split() if any(c.isalnum() for c in w))
