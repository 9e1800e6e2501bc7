"""The live preview: the release as rich Markdown, one Static per block.

Only blocks that changed are re-rendered, so an edit costs about one paragraph's render
(~1 ms) instead of the whole release (~30 ms with Rich, ~130 ms with Textual's Markdown).
"""

from __future__ import annotations

import time

from rich.markdown import Markdown
from textual.containers import VerticalScroll
from textual.widgets import Static

from .blocks import changed_span, split_blocks


class PreviewBlock(Static):
    DEFAULT_CSS = """
    PreviewBlock { margin: 0 0 1 0; }
    """


class Preview(VerticalScroll):
    """Shows Markdown; `show` may be called on every keystroke."""

    DEFAULT_CSS = """
    Preview { padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: list[str] = []
        self._widgets: list[PreviewBlock] = []
        self.markdown = ""
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
            self._widgets[i].update(_render(new[i]))
        if new_end - start > common:
            added = [PreviewBlock(_render(b)) for b in new[start + common : new_end]]
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

    def text(self) -> str:
        return self.markdown


def _render(block: str) -> Markdown:
    return Markdown(block, hyperlinks=False)
