"""The parts of a release every writer shares: blocks, inlines and the roles they play.

`markdown_parse` builds these from rendered Markdown; the DOCX, HTML and text writers read
them. A role (release line, embargo, dateline, ENDS, notes, attribution) comes from the
structure of the Markdown, chiefly the `[//]: # (pressgen:ROLE)` markers the base
templates write, so it is the same in every language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

ParagraphRole = Literal["release", "embargo", "dateline", "body", "ends", "attribution"]
HeadingRole = Literal["headline", "subhead", "section", "notes"]
Align = Literal["left", "center", "right"] | None

#: The paragraph roles that are a release line (shown in the page header of a DOCX).
RELEASE_ROLES: frozenset[str] = frozenset({"release", "embargo"})


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
    embargoed: bool = False
    """The release line is an embargo: known from its marker, never from its words."""


def plain_text(inlines: Sequence[Inline]) -> str:
    """The text of some inlines with breaks as spaces, for titles, headers and checks."""
    return "".join(i.text if isinstance(i, Span) else " " for i in inlines).strip()
