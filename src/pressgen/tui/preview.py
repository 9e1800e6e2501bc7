"""The live preview: the release as rich Markdown, one Static per block.

Only blocks that changed are re-rendered, so an edit costs about one paragraph's render
instead of the whole release (~30 ms with Rich, ~130 ms with Textual's Markdown widget).
A changed block is rendered to lines here, at the preview's width; when its height is
unchanged the screen is repainted without a layout pass, which is what keeps the slowest
keystrokes fast (a layout of the whole preview costs 100+ ms on a busy machine).

While the user types, the preview follows the editor once typing pauses (`follow`,
debounced), and the changed blocks are rendered to lines on a worker thread: a keystroke
never waits on the preview (issue 16, typing lag). Only putting the lines on screen is
done on the app's thread, and it costs a fraction of a millisecond.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown
from rich.segment import Segment
from textual import events, work
from textual.containers import VerticalScroll
from textual.widgets import Static

from pressgen.tui.blocks import changed_span, split_blocks

FOLLOW_DELAY = 0.25
"""Seconds typing must pause before the preview follows the editor: longer than the
gaps between a typist's keys within a phrase (0.06-0.15 s), so the render and its
repaint land in real pauses; at 0.1 s a third of the keys arrived as a render started
and waited for it (benchmarks/tui.py, quiet: p90 38 -> 23 ms, the bare TextArea's 22)."""

Rendered = dict[str, list[list[Segment]]]
"""Blocks rendered to lines on a worker, by their Markdown source."""


class Lines:
    """A block already rendered to lines: Textual re-renders it at almost no cost."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for line in self.lines:
            yield from line
            yield newline


@dataclass(frozen=True)
class _Job:
    """What a worker renders: the changed blocks of `markdown` against `old`."""

    wanted: int
    markdown: str
    old: list[str]
    width: int
    console: Console
    options: ConsoleOptions


class PreviewBlock(Static):
    DEFAULT_CSS = """
    PreviewBlock { margin: 0 0 1 0; }
    """

    def __init__(self, source: str) -> None:
        super().__init__(_markdown(source))
        self.source = source


class Preview(VerticalScroll):
    """Shows Markdown: `show` at once, `follow` once typing pauses."""

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
        self.follow_delay = FOLLOW_DELAY
        self._pending: str | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._wanted = 0
        """Bumped by each settle and show: a worker's render for an older one is dropped."""

    # -- following the editor -------------------------------------------------------------

    def follow(self, markdown: str) -> None:
        """The editor's text after a keystroke: shown once typing has paused for
        `follow_delay` seconds. Costs the keystroke nothing but re-arming a timer."""
        self._pending = markdown
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(self.follow_delay, self.settle)

    @property
    def pending(self) -> bool:
        """Whether text the editor holds is waiting for typing to pause."""
        return self._pending is not None

    def settle(self) -> None:
        """Typing has paused (the timer calls this): render the text followed, on a
        worker, and show it when rendered unless typing went on meanwhile."""
        self._cancel_timer()
        markdown, self._pending = self._pending, None
        if markdown is None or markdown == self.markdown or not self.is_attached:
            return
        self._wanted += 1
        width = self._widgets[0].content_region.width if self._widgets else 0
        console = self.app.console
        options = self.app.console_options.update_width(max(width, 1)).update(highlight=False)
        job = _Job(self._wanted, markdown, list(self._blocks), width, console, options)
        self._render_blocks(job, asyncio.get_running_loop())

    @work(thread=True, exclusive=True, group="preview")
    def _render_blocks(self, job: _Job, loop: asyncio.AbstractEventLoop) -> None:
        new = split_blocks(job.markdown)
        start, _, new_end = changed_span(job.old, new)
        rendered: Rendered = {}
        if job.width > 0:
            for block in new[start:new_end]:
                lines = job.console.render_lines(_markdown(block), job.options, pad=False)
                rendered[block] = lines
        # Called back without waiting for the app's thread (call_from_thread would wait,
        # forever if the app closes meanwhile); in the worker's context, which knows the
        # active app.
        context = contextvars.copy_context()
        with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
            loop.call_soon_threadsafe(self._rendered, job, rendered, context=context)

    def _rendered(self, job: _Job, rendered: Rendered) -> None:
        if job.wanted != self._wanted or self._pending is not None or not self.is_attached:
            return  # shown or typed on since (the next pause renders again), or closing
        self._apply(job.markdown, rendered, job.width)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # -- showing --------------------------------------------------------------------------

    def show(self, markdown: str) -> None:
        """Show `markdown` now (a build, a recovered or opened draft): what the editor
        held waiting for a pause is dropped."""
        self._cancel_timer()
        self._pending = None
        self._wanted += 1
        self._apply(markdown, {}, 0)

    def _apply(self, markdown: str, rendered: Rendered, width: int) -> None:
        if markdown == self.markdown:
            return
        t0 = time.perf_counter()
        self.markdown = markdown
        new = split_blocks(markdown)
        start, old_end, new_end = changed_span(self._blocks, new)
        common = min(old_end - start, new_end - start)
        for i in range(start, start + common):
            self._update_block(self._widgets[i], new[i], rendered, width)
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

    def _update_block(
        self, widget: PreviewBlock, source: str, rendered: Rendered, width: int
    ) -> None:
        widget.source = source
        region = widget.content_region
        if region.width <= 0:
            widget.update(_markdown(source))
            return
        lines = rendered.get(source) if region.width == width else None
        if lines is None:
            console = self.app.console
            options = self.app.console_options.update_width(region.width)
            lines = console.render_lines(
                _markdown(source), options.update(highlight=False), pad=False
            )
        widget.update(Lines(lines), layout=len(lines) != region.height)

    def on_resize(self, event: events.Resize) -> None:
        # Pre-rendered lines are for one width: start again from Markdown.
        for widget in self._widgets:
            widget.update(_markdown(widget.source))

    def text(self) -> str:
        return self.markdown


def _markdown(block: str) -> Markdown:
    return Markdown(block, hyperlinks=False)
