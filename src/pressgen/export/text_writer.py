"""Writing a parsed release as plain text for wire services: wrapped, no Markdown marks.

Wire services take plain text, cut headlines longer than 170 characters, and some of their
systems still want ASCII only; `--ascii` turns typographic quotes, dashes and accented
letters into their ASCII stand-ins (transliterate.py: Müller is Mueller, café is cafe),
and no-break spaces into spaces after wrapping, so one still holds "52 per cent" together.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

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
from pressgen.export.transliterate import to_ascii
from pressgen.text.phrases import draft_word

if TYPE_CHECKING:
    from pressgen.export import ExportOptions

HEADLINE_LIMIT = 170

_NO_BREAK = "\u00a0\u202f\u2007"
_SPACES = str.maketrans({c: " " for c in _NO_BREAK + "\u2002\u2003\u2004\u2005\u2006\u2009\u200a"})


def write_text(release: Release, options: ExportOptions) -> tuple[str, tuple[str, ...]]:
    """The release as wrapped plain text, plus warnings (headline length, non-ASCII left)."""
    width = max(options.width, 20)
    writer = _TextWriter(width, options.ascii, options.locale)
    chunks = [c for c in (writer.block(b, 0) for b in release.blocks) if c]
    if options.draft:
        chunks.insert(0, writer._convert(draft_word(options.locale)))
    text = "\n\n".join(chunks) + "\n"
    if options.ascii:
        text = text.translate(_SPACES)
    warnings: list[str] = []
    headline = release.headline or ""
    if len(headline) > HEADLINE_LIMIT:
        warnings.append(
            f"headline is {len(headline)} characters; wire services cut headlines "
            f"longer than {HEADLINE_LIMIT}"
        )
    if options.ascii:
        left = sorted({c for c in text if ord(c) > 127})
        if left:
            shown = " ".join(left[:10])
            warnings.append(
                f"--ascii: {len(left)} non-ASCII character{'s' if len(left) > 1 else ''} "
                f"left as they are ({shown})"
            )
    return text, tuple(warnings)


class _TextWriter:
    def __init__(self, width: int, ascii_only: bool, locale: str) -> None:
        self.width = width
        self.ascii = ascii_only
        self.locale = locale

    def block(self, block: Block, indent: int) -> str:
        pad = " " * indent
        if isinstance(block, Paragraph | Heading):
            return self._wrap(self._inlines(block.inlines), pad, pad)
        if isinstance(block, ListBlock):
            return self._list(block, indent)
        if isinstance(block, Quote):
            parts = [self.block(inner, indent) for inner in block.blocks]
            if block.attribution is not None:
                parts.append(self.block(block.attribution, indent))
            return "\n\n".join(p for p in parts if p)
        if isinstance(block, Table):
            return self._table(block, indent)
        if isinstance(block, CodeBlock):
            return "\n".join(pad + line for line in self._convert(block.text).split("\n"))
        if isinstance(block, Rule):
            return ""
        return ""

    def _list(self, block: ListBlock, indent: int) -> str:
        items = []
        for n, item in enumerate(block.items, block.start):
            marker = f"{n}. " if block.ordered else ("* " if self.ascii else "• ")
            inner_pad = " " * (indent + len(marker))
            parts = []
            for i, inner in enumerate(item.blocks):
                if i == 0 and isinstance(inner, Paragraph):
                    parts.append(
                        self._wrap(self._inlines(inner.inlines), " " * indent + marker, inner_pad)
                    )
                else:
                    parts.append(self.block(inner, indent + len(marker)))
            items.append("\n".join(p for p in parts if p))
        return "\n".join(items)

    def _table(self, block: Table, indent: int) -> str:
        header = [self._inlines(c).replace("\n", " ") for c in block.header]
        rows = [[self._inlines(c).replace("\n", " ") for c in row] for row in block.rows]
        cols = max([len(header)] + [len(r) for r in rows] + [0])
        grid = [r + [""] * (cols - len(r)) for r in ([header] if header else []) + rows]
        widths = [max(len(r[c]) for r in grid) for c in range(cols)]
        pad = " " * indent
        if indent + sum(widths) + 3 * (cols - 1) <= self.width:
            lines = []
            for row in grid:
                cells = []
                for c, value in enumerate(row):
                    align = block.aligns[c] if c < len(block.aligns) else None
                    if align == "right":
                        cells.append(value.rjust(widths[c]))
                    elif align == "center":
                        cells.append(value.center(widths[c]))
                    else:
                        cells.append(value.ljust(widths[c]))
                lines.append(pad + "   ".join(cells).rstrip())
            return "\n".join(lines)
        # Too wide for the column: one record per row, each value named by its header.
        records = []
        for row in rows:
            pairs = [
                f"{header[c]}: {value}" if c < len(header) and header[c] else value
                for c, value in enumerate(row)
            ]
            records.append(self._wrap("; ".join(pairs), pad, pad + "  "))
        return "\n".join(records)

    def _inlines(self, inlines: tuple[Inline, ...]) -> str:
        out: list[str] = []
        for item in inlines:
            if isinstance(item, Break):
                out.append("\n" if item.hard else " ")
            else:
                out.append(self._span(item))
        return self._convert("".join(out))

    def _span(self, span: Span) -> str:
        if span.href is None:
            return span.text
        shown = span.href.removeprefix("mailto:").removeprefix("tel:")
        if span.text.strip() in (span.href, shown):
            return span.text
        return f"{span.text} ({shown})"

    def _convert(self, text: str) -> str:
        return to_ascii(text, self.locale) if self.ascii else text

    def _wrap(self, text: str, first: str, rest: str) -> str:
        lines: list[str] = []
        for i, line in enumerate(text.split("\n")):
            wrapped = textwrap.wrap(
                line,
                width=self.width,
                initial_indent=first if i == 0 else rest,
                subsequent_indent=rest,
                break_long_words=False,
                break_on_hyphens=False,
            )
            lines.extend(wrapped or [""])
        return "\n".join(lines).rstrip()
