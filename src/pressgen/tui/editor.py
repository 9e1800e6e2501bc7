"""The draft editor: a TextArea with Markdown highlighting over the rendered release,
and the spans `check` found marked in it as the text is typed.

The release's structure markers (`[//]: # (pressgen:ROLE)`, each a line of its own that
Markdown shows as nothing) are kept out of the writer's way: they are dimmed, typing on
one goes to the start of the line it labels, and an edit that would cut or join one is
refused. Deleting a marker's whole line (with the paragraph it labels) is allowed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from textual.document._document import EditResult
from textual.widgets import TextArea
from textual.widgets.text_area import Edit

if TYPE_CHECKING:
    from pressgen.check import Finding

MARKER_LINE = re.compile(r"\[//\]:[ \t]+#[ \t]+\(pressgen:[a-z-]+\)[ \t]*")
"""A structure marker's line, as the renderer writes it (export.markdown_parse reads it)."""

Loc = tuple[int, int]

#: Highlight names for the check's findings, looked up in the editor's theme.
FINDING_STYLES = {
    "pressgen.error": Style(color="white", bgcolor="dark_red", bold=True),
    "pressgen.warning": Style(underline=True, color="yellow"),
    "pressgen.decision": Style(underline=True, color="cyan"),
    "pressgen.marker": Style(dim=True, italic=True),
}


class DraftEditor(TextArea):
    DEFAULT_CSS = """
    DraftEditor { height: 1fr; width: 1fr; }
    """
    findings: tuple[Finding, ...] = ()  # a class default: TextArea highlights during __init__
    follow: Callable[[str], None] | None = None
    """Called with the new text inside each edit, before the screen is next painted, so
    that whatever follows the text (the preview) changes in the same frame as the editor.
    The Changed message comes a message hop later, often after a paint of its own, and
    the next paint after that waits for Textual's frame timer: up to two frames."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            # Markdown highlighting is switched on when the editor is first shown: setting
            # up the tree-sitter grammar is start-up time spent before the first paint.
            "",
            language=None,
            soft_wrap=True,
            id=id,
            tab_behavior="focus",
            show_line_numbers=False,
            # Until it holds the release (or a recovered draft): keys typed into an empty
            # editor would become a "draft" of nothing but those keys.
            read_only=True,
        )

    def edit(self, edit: Edit) -> EditResult:
        guarded = self._guard_markers(edit)
        if guarded is None:
            self.app.bell()
            return EditResult(self.cursor_location, "")
        result = super().edit(guarded)
        if self.follow is not None:
            self.follow(self.text)
        return result

    def _guard_markers(self, edit: Edit) -> Edit | None:
        """The edit, moved off a marker line when it only inserts there; None when it
        would cut or join a marker."""
        lines = self.document.lines
        top, bottom = sorted((edit.from_location, edit.to_location))
        if keeps_markers(lines, top, bottom, edit.text):
            return edit
        row = top[0]
        if top == bottom and MARKER_LINE.fullmatch(lines[row]):
            below = next_text_row(lines, row)
            if below is not None:
                return Edit(edit.text, (below, 0), (below, 0), maintain_selection_offset=False)
        return None

    def leave_markers(self) -> None:
        """Put a cursor that rests on a marker line at the start of the line it labels."""
        row = self.cursor_location[0]
        lines = self.document.lines
        if row < len(lines) and MARKER_LINE.fullmatch(lines[row]):
            below = next_text_row(lines, row)
            if below is not None:
                self.move_cursor((below, 0))

    def highlight_markdown(self) -> None:
        if self.language is None:
            self.language = "markdown"

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Mark these findings' spans (line and column from 1) in the text."""
        if _spans(findings) == _spans(self.findings):
            self.findings = tuple(findings)
            return  # the same marks: no repaint of the whole editor (issue 16)
        self.findings = tuple(findings)
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        if not hasattr(self, "_theme"):
            return  # during TextArea.__init__: nothing is shown yet
        theme = self._theme
        if theme is not None:
            for name, style in FINDING_STYLES.items():
                theme.syntax_styles.setdefault(name, style)
        doc = self.document
        for row, line in enumerate(doc.lines):
            if line.startswith("[//]:") and MARKER_LINE.fullmatch(line):
                self._highlights[row].append((0, len(line.encode("utf-8")), "pressgen.marker"))
        for f in self.findings:
            row = f.line - 1
            if not 0 <= row < doc.line_count:
                continue
            line = doc.get_line(row)
            start = min(f.column - 1, len(line))
            end = min(start + max(f.end - f.offset, 1), len(line))
            # TextArea highlights are byte offsets into the UTF-8 line
            b0 = len(line[:start].encode("utf-8"))
            b1 = len(line[:end].encode("utf-8"))
            self._highlights[row].append((b0, b1, f"pressgen.{f.severity}"))


def keeps_markers(lines: Sequence[str], top: Loc, bottom: Loc, insert: str) -> bool:
    """Whether replacing `top`..`bottom` of `lines` with `insert` leaves every marker it
    touches whole on a line of its own (or deletes the marker's whole line)."""
    rows = range(top[0], bottom[0] + 1)
    marked = [r for r in rows if lines[r].startswith("[//]:") and MARKER_LINE.fullmatch(lines[r])]
    if not marked:
        return True
    kept = [r for r in marked if not (top <= (r, 0) and bottom >= (r, len(lines[r])))]
    if not kept:
        return True
    joined = lines[top[0]][: top[1]] + insert + lines[bottom[0]][bottom[1] :]
    whole = Counter(line for line in joined.split("\n") if MARKER_LINE.fullmatch(line))
    return Counter(lines[r] for r in kept) <= whole


def next_text_row(lines: Sequence[str], row: int) -> int | None:
    """The first row after `row` that is not a marker line."""
    for below in range(row + 1, len(lines)):
        if not MARKER_LINE.fullmatch(lines[below]):
            return below
    return None


def _spans(findings: Sequence[Finding]) -> list[tuple[int, int, int, str]]:
    """What the editor marks of each finding: where, how long, how."""
    return [(f.line, f.column, f.end - f.offset, f.severity) for f in findings]
