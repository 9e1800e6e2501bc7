"""The draft editor: a TextArea with Markdown highlighting over the rendered release,
and the spans `check` found marked in it as the text is typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from textual.widgets import TextArea

if TYPE_CHECKING:
    from textual.widgets.text_area import Edit, EditResult

    from pressgen.check import Finding

#: Highlight names for the check's findings, looked up in the editor's theme.
FINDING_STYLES = {
    "pressgen.error": Style(color="white", bgcolor="dark_red", bold=True),
    "pressgen.warning": Style(underline=True, color="yellow"),
    "pressgen.decision": Style(underline=True, color="cyan"),
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
        result = super().edit(edit)
        if self.follow is not None:
            self.follow(self.text)
        return result

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
        if not self.findings:
            return
        theme = self._theme
        if theme is not None:
            for name, style in FINDING_STYLES.items():
                theme.syntax_styles.setdefault(name, style)
        doc = self.document
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


def _spans(findings: Sequence[Finding]) -> list[tuple[int, int, int, str]]:
    """What the editor marks of each finding: where, how long, how."""
    return [(f.line, f.column, f.end - f.offset, f.severity) for f in findings]
