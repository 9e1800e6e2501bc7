"""The live preview: the release as rich Markdown, one Static per block.

Only blocks that changed are re-rendered, so an edit costs about one paragraph's render
instead of the whole release (~30 ms with Rich, ~130 ms with Textual's Markdown widget).
A changed block is rendered to lines here, at the preview's width; when its height is
unchanged the screen is repainted without a layout pass, which is what keeps the slowest
keystrokes fast (a layout of the whole preview costs 100+ ms on a busy machine).
"""

from __future__ import annotations

import time

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown
from rich.segment import Segment
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Static

from pressgen.tui.blocks import changed_span, split_blocks


class Lines:
    """A block already rendered to lines: Textual re-renders it at almost no cost."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for line in self.lines:
            yield from line
            yield newline


class PreviewBlock(Static):
    DEFAULT_CSS = """
    PreviewBlock { margin: 0 0 1 0; }
    """

    def __init__(self, source: str) -> None:
        super().__init__(_markdown(source))
        self.source = source


class Preview(VerticalScroll):
    """Shows Markdown; `show` may be called on every keystroke."""

    DEFAULT_CSS = """
    Preview { padding: 0 1; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None) -> None:
        self._blocks = split_blocks(markdown) if markdown else []
        self._widgets = [PreviewBlock(b) for b in self._blocks]
        super().__init__(*self._widgets, id=id)
        self.markdown = markdown
        self.generation = 0
        """Bumped on every update; benchmarks and tests wait on it."""
        self.last_update_ms = 0.0

    def show(self, markdown: str) -> None:
        if markdown == self.markdown:
            return
        t0 = time.perf_counter()
        self.markdown = markdown
        new = split_blocks(markdown)
        start, old_end, new_end = changed_span(self._blocks, new)
        common = min(old_end - start, new_end - start)
        for i in range(start, start + common):
            self._update_block(self._widgets[i], new[i])
        if new_end - start > common:
            added = [PreviewBlock(b) for b in new[start + common : new_end]]
            before = self._widgets[old_end] if old_end < len(self._widgets) else None
            if before is not None:
                self.mount(*added, before=before)
            else:
                self.mount(*added)
            self._widgets[start + common : start + common] = added
        elif old_end - start > common:
            gone = self._widgets[start + common : old_end]
            del self._widgets[start + common : old_end]
            for w in gone:
                w.remove()
        self._blocks = new
        self.generation += 1
        self.last_update_ms = (time.perf_counter() - t0) * 1000

    def _update_block(self, widget: PreviewBlock, source: str) -> None:
        widget.source = source
        region = widget.content_region
        if region.width <= 0:
            widget.update(_markdown(source))
            return
        console = self.app.console
        options = self.app.console_options.update_width(region.width).update(highlight=False)
        lines = console.render_lines(_markdown(source), options, pad=False)
        widget.update(Lines(lines), layout=len(lines) != region.height)

    def on_resize(self, event: events.Resize) -> None:
        # Pre-rendered lines are for one width: start again from Markdown.
        for widget in self._widgets:
            widget.update(_markdown(widget.source))

    def text(self) -> str:
        return self.markdown


def _markdown(block: str) -> Markdown:
    return Markdown(block, hyperlinks=False)
