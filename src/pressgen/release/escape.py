"""Escaping what data puts into a release's Markdown, so a value stays one run of text.

Every value a template prints (`{{ … }}`) comes from a dataset, a quote set or a campaign,
and none of them may add structure: no emphasis, links, images or HTML, and no block
either. A value is *inline*: its line breaks are folded to spaces, and whatever would
open a block where the value starts a line (an ATX heading `#`, a setext underline `---`
or `===`, a thematic break, a list marker, a block quote `>`, a table `|`, a fence, an HTML
block) is escaped. Text the template's author wrote as Markdown is marked `MarkdownText`
(the `md` filter, a macro's output) and passes untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>|~&]")
_LINE_BREAKS = re.compile(r"\r\n?|\n")
# The first character of each mark that opens a block at the start of a line. `*`, `_`,
# `` ` ``, `~`, `<`, `|` and `[` are escaped wherever they are (see _MD_SPECIAL), which
# already covers emphasis-style breaks, fences, HTML blocks, tables and link definitions.
_BLOCK_MARKS = frozenset("#>+-=")
_MARK = r"#{1,6}(?=[ \t]|$)|[>+-](?=[ \t]|$)|=+(?=[ \t]*$)|-+(?=[ \t]*$)"
_SINGLE_LINE_START = re.compile(rf"^([ \t]*)({_MARK})")
# Several lines: an ordered-list number ("1.") too. A one-line value such as "3. Dezember"
# is inline in every template we know of, and only "1." could interrupt a paragraph.
_LINE_START = re.compile(rf"^([ \t]*)({_MARK}|\d+[.)](?=[ \t]|$))", re.M)
_DEEP_INDENT = re.compile(r"\A(?: {4,}|[ ]*\t)[ \t]*")


class MarkdownText(str):
    """Text that is already Markdown written by the template's author; not escaped."""

    __slots__ = ()


def escape_markdown(text: str) -> str:
    """Escape a data value so it cannot add emphasis, links, images, HTML or block marks.
    Line breaks are kept (and each line's start escaped); see `escape_inline`."""
    # Fast paths: most values are plain words or formatted numbers and need nothing.
    if _INLINE_SPECIAL.search(text):
        text = _MD_SPECIAL.sub(r"\\\1", text)
        text = _ENTITY.sub(r"\\&", text)
    if "\n" in text:
        text = _LINE_START.sub(_escape_line_start, text)
    elif text.lstrip(" \t")[:1] in _BLOCK_MARKS:
        text = _SINGLE_LINE_START.sub(_escape_line_start, text)
    return text


def escape_inline(text: str) -> str:
    """A value as one run of Markdown text: line breaks folded to spaces, a deep indent
    (which would start a code block) cut to one space, then `escape_markdown`."""
    if "\n" in text or "\r" in text:
        text = _LINE_BREAKS.sub(" ", text)
    if text[:1] in (" ", "\t"):
        text = _DEEP_INDENT.sub(" ", text)
    return escape_markdown(text)


def _escape_line_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    if mark[0].isdigit():  # "1." -> "1\." : a backslash before a digit is not an escape
        return m.group(1) + mark[:-1] + "\\" + mark[-1]
    return m.group(1) + "\\" + mark


#: Plain strings already escaped, by their text: a batch prints the same group names and
#: formatted numbers in release after release. Bounded; cleared when full.
_ESCAPED: dict[str, str] = {}
_ESCAPED_MAX = 8192


#: pressgen's own view types (figures, numbers, comparisons; see `print_views`): printed as
#: their str(), which finalize goes straight to.
_VIEWS: set[type] = set()


def print_views(types: Iterable[type]) -> None:
    """Let finalize print these types as their text without first asking whether they
    are Markdown, text or a number (a release prints a few dozen views): what it does
    for them is unchanged, so only types that are none of those are taken."""
    for kind in types:
        if issubclass(kind, str | int | float) or kind is type(None):
            raise TypeError(f"{kind.__name__} is not a view: it prints by its own rule")
        _VIEWS.add(kind)


def finalize(value: Any) -> Any:
    """Jinja's `finalize`: every printed value but MarkdownText is escaped as inline text."""
    kind = type(value)
    if kind is not str:
        if kind not in _VIEWS:
            if isinstance(value, MarkdownText):
                return value
            if isinstance(value, str):
                return escape_inline(value)
            if value is None or isinstance(value, int | float) or not hasattr(value, "__str__"):
                return value
        value = str(value)
        if type(value) is not str:
            return escape_inline(value)
    got = _ESCAPED.get(value)
    if got is None:
        got = escape_inline(value)
        if len(_ESCAPED) >= _ESCAPED_MAX:
            _ESCAPED.clear()
        _ESCAPED[value] = got
    return got
