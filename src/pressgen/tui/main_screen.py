"""The main screen: picks, figures and quotes on the left, the release on the right.

The screen owns what is being edited (the picks, the last build, the edited text) and
wires the panels together; the panels only show what they are given and post messages
up. Slow work (preparing, rendering, checking) runs in thread workers that call the
Textual-free `session` module. Its commands and their keys are declared in `keys` and
carried out in `screen_commands`; autosave and recovery are `drafting`'s, the dialogs
`dialogs`'.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import MountError
from textual.widgets import Header, Static, TabbedContent, TabPane

from pressgen.storage.locations import project_root_for
from pressgen.tui import dialogs
from pressgen.tui.draft_flow import DraftFiles
from pressgen.tui.drafting import Drafting
from pressgen.tui.error_panel import ErrorPanel
from pressgen.tui.figures_panel import FiguresPanel
from pressgen.tui.footer import DeskFooter
from pressgen.tui.handoff import hand_over
from pressgen.tui.keys import bindings
from pressgen.tui.preview import Preview
from pressgen.tui.screen_commands import ScreenCommands
from pressgen.tui.session import Build, PickerState, Picks, pressgen_error

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from pressgen.check import CheckReport
    from pressgen.tui.app import PressgenApp
    from pressgen.tui.check_panel import CheckPanel
    from pressgen.tui.editor import DraftEditor
    from pressgen.tui.find_bar import FindBar
    from pressgen.tui.picker import Picker
    from pressgen.tui.quotes_panel import QuotesPanel
    from pressgen.tui.style_hint import StyleHint

CHECK_DELAY = 0.25
"""Seconds after typing pauses before the draft is checked (a check costs 15-40 ms of
a worker thread, which shares the GIL with the keys): past the gaps within a phrase, as
the preview's FOLLOW_DELAY."""


LAYOUT_CSS = """
#main { height: 1fr; }
#sidebar { width: 45%; min-width: 34; border-right: vkey $primary-muted; }
#sidebar.-hidden { display: none; }
#release { width: 1fr; }
#work { height: 1fr; }
#editor { display: none; border-right: vkey $primary-muted; }
.-editing #editor { display: block; }
.-editing #check-panel { display: block; }  /* DEFAULT_CSS is scoped to the widget */
.-editing.-solo #preview { display: none; }
#preview:focus { background-tint: $foreground 6%; }  /* a Tab stop is seen */
#status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
"""
"""The main screen's layout, loaded as the app's CSS (PressgenApp.CSS), where it was
before the screen had a module of its own: same rules, same precedence."""


class MainScreen(ScreenCommands, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = list(bindings())
    AUTO_FOCUS = "#figures-table"  # ↓ moves through the figures from the start

    def __init__(
        self,
        campaign: Path,
        *,
        first: Future[str | None] | None = None,
        preview_key: str | None = None,
        recover: bool = True,
    ) -> None:
        super().__init__()
        self.picks = Picks(campaign=campaign)
        self.root = project_root_for(campaign)
        self.built: Build | None = None
        self.rendered_md = ""
        self.edited = False
        self.editing = False
        self.draft_text = ""
        """The editor's text, kept here so an autosave at exit needs no widgets."""
        self.drafting = Drafting(self, recover=recover)
        self.draft_files = DraftFiles(self)
        self.last_export: Path | None = None
        self._first = first
        self._preview_key = preview_key
        """Where to cache the default render for the next start's first paint."""
        self._check_timer: Timer | None = None
        self._panels_ready = False
        """Whether the panels that start hidden have been mounted (after the first paint)."""
        self._pending_ready: list[tuple[Callable[..., object], tuple[Any, ...]]] = []
        self._first_composed = False
        self._release_warnings: tuple[str, ...] = ()
        self.export_note = ""
        self.recheck_kept = False
        """The edited text was kept over a change: check it once the build is in, even
        outside edit mode, and say what the check found."""

    @property
    def pressgen(self) -> PressgenApp:
        return cast("PressgenApp", self.app)

    # -- layout ---------------------------------------------------------------------------

    def compose_widgets(self) -> ComposeResult:
        """The screen's widgets. The app composes them (PressgenApp.compose): Textual
        mounts an app's compose result into its default screen, and this screen is it."""
        # What the first frame shows: the figures tab and the preview. The panels that
        # start hidden (the Pick and Quotes tabs, the editor, the check panel) are mounted
        # just after it, with their modules: composing them first cost a fifth of the
        # start-up time (see _mount_hidden_panels).
        first = ""
        if self._first is not None and self._first.done():  # a cached preview: paint it now
            first = self._first.result() or ""
            self._first_composed = bool(first)
            if first:
                self._first = None
        yield Header()
        with Horizontal(id="main"):
            with TabbedContent(id="sidebar", initial="figures"):
                yield TabPane("Pick", id="pick")
                with TabPane("Figures", id="figures"):
                    yield FiguresPanel(id="figures-panel")
                yield TabPane("Quotes", id="quotes")
            with Vertical(id="release"):
                yield ErrorPanel(id="error")
                with Horizontal(id="work"):
                    yield Preview(first, id="preview")
                yield Static("loading…", id="status")
        yield DeskFooter()

    def start(self) -> None:
        """Called from the app's on_mount, once the widgets are mounted."""
        # Before the editor exists: an earlier draft is offered (and guarded) before a
        # single key can reach the editor.
        self.drafting.start()
        if self._first_composed:
            self.call_after_refresh(self.pressgen.first_painted)  # in the first frame
        if self._first is None:
            self.call_after_refresh(self._mount_hidden_panels)
        # else the first preview is still being rendered in another process: the hidden
        # panels are mounted once it is painted (or has failed), so that mounting them
        # does not hold up the paint when it arrives (_build_worker)
        self.call_after_refresh(self.rebuild)  # not competing with the first frame (issue 16)

    async def _mount_hidden_panels(self) -> None:
        from pressgen.tui.check_panel import CheckPanel
        from pressgen.tui.editor import DraftEditor
        from pressgen.tui.find_bar import FindBar
        from pressgen.tui.picker import Picker
        from pressgen.tui.quotes_panel import QuotesPanel
        from pressgen.tui.style_hint import StyleHint

        preview = self.query_one(Preview)
        editor = DraftEditor(id="editor")
        editor.follow = preview.follow  # debounced: typing never waits on the preview
        try:
            release = self.query_one("#release")
            # All at once, and waited for together: one layout pass for them all.
            mounts = [
                self.query_one("#pick", TabPane).mount(Picker(id="picker")),
                self.query_one("#quotes", TabPane).mount(QuotesPanel(id="quotes-panel")),
                self.query_one("#work").mount(editor, before=preview),
                release.mount(CheckPanel(id="check-panel"), before="#status"),
                release.mount(StyleHint(id="style-hint"), before="#work"),
                release.mount(FindBar(editor, id="find-bar"), before="#work"),
            ]
            for mounted in mounts:
                await mounted
        except MountError:
            if not self.pressgen.closing:
                raise
            return  # quit within the first frames: the screen went before its panels
        self._panels_ready = True
        pending, self._pending_ready = self._pending_ready, []
        for callback, args in pending:
            callback(*args)

    def when_ready(self, callback: Callable[..., object], *args: Any) -> None:
        """Call back now, or once the hidden panels are mounted if they are not yet."""
        if self._panels_ready:
            callback(*args)
        else:
            self._pending_ready.append((callback, args))

    @property
    def panels_ready(self) -> bool:
        return self._panels_ready

    @property
    def picker(self) -> Picker:
        return cast("Picker", self.query_one("#picker"))

    @property
    def quotes_panel(self) -> QuotesPanel:
        return cast("QuotesPanel", self.query_one("#quotes-panel"))

    @property
    def editor(self) -> DraftEditor:
        return cast("DraftEditor", self.query_one("#editor"))

    @property
    def find_bar(self) -> FindBar:
        return cast("FindBar", self.query_one("#find-bar"))

    @property
    def style_hint(self) -> StyleHint:
        return cast("StyleHint", self.query_one("#style-hint"))

    @property
    def check_panel(self) -> CheckPanel:
        return cast("CheckPanel", self.query_one("#check-panel"))

    def show_error(self, message: str) -> None:
        self.query_one(ErrorPanel).show_error(message)

    # -- building -------------------------------------------------------------------------

    def rebuild(self) -> None:
        self.query_one("#status", Static).update("rendering…")
        self._build_worker(Picks(**vars(self.picks) | {"included": dict(self.picks.included)}))

    @work(thread=True, exclusive=True, group="build")
    def _build_worker(self, picks: Picks) -> None:
        first, self._first = self._first, None
        if first is not None:
            # The first preview comes from a render in another process, started before
            # Textual was imported; the full build (figures, quotes) follows the paint.
            try:
                markdown = first.result()
                if markdown is not None:
                    painted = threading.Event()
                    hand_over(self, self._show_first, markdown, painted)
                    painted.wait(timeout=2)
            finally:
                hand_over(self, self.call_after_refresh, self._mount_hidden_panels)
        from pressgen.tui import session

        picker = session.picker_state(picks, self.root)
        try:
            result = session.build(picks)
        except pressgen_error() as exc:
            hand_over(self, self.when_ready, self._failed, str(exc), picker)
            return
        if self._preview_key and picks == Picks(campaign=picks.campaign):
            from pressgen.tui.preview_cache import save_preview

            save_preview(self._preview_key, result.rendered.markdown)
            self._preview_key = None
        hand_over(self, self.when_ready, self._built, result, picker)

    def _show_first(self, markdown: str, painted: threading.Event) -> None:
        if self.rendered_md or self.edited:
            painted.set()
            return
        self.query_one(Preview).show(markdown)

        def done() -> None:
            painted.set()
            self.pressgen.first_painted()

        self.call_after_refresh(done)

    def _failed(self, message: str, picker: PickerState | None = None) -> None:
        if picker is not None:
            self.picker.fill(*picker)
        self.show_error(message)
        self.query_one("#status", Static).update("not rendered: see the error above")
        if self.built is None and not self.edited:
            self.query_one(Preview).show("*Nothing to preview until the problem above is fixed.*")

    def _built(self, result: Build, picker: PickerState | None = None) -> None:
        from pressgen.text.formatting import Formatter

        self.built = result
        if picker is not None:
            self.picker.fill(*picker)
        if self.picks.style is None:  # the style a locale adapted to (uk-press -> de-presse)
            self.picker.set_value("style", result.rendered.style.name)
        # An unreadable autosave, reported at start-up, outlasts the first build's clear.
        self.query_one(ErrorPanel).show_error(self.drafting.take_problem())
        rendered = result.rendered
        fmt = Formatter(rendered.locale, rendered.style)
        self.query_one(FiguresPanel).show(result.prepared.figures, fmt)
        self.quotes_panel.show(result.quotes)
        self.style_hint.show(rendered.locale, rendered.style.name)
        self.rendered_md = rendered.markdown
        if not self.edited:
            self.set_editor_text(rendered.markdown)
            self.query_one(Preview).show(rendered.markdown)
        self._update_status()
        self._tell_release_warnings(rendered.warnings, result.prepared.figures)
        self.draft_files.after_build(result)
        if self.editing or self.recheck_kept:
            self._schedule_check()
        self.call_after_refresh(self.pressgen.first_painted)

    def _tell_release_warnings(self, warnings: tuple[str, ...], figures: Mapping[str, Any]) -> None:
        """Say the warnings about the release as a whole (an untranslated text, a draft
        quote) when they change: the figures panel shows each figure's own, the status
        line only counts them."""
        shown = tuple(w for w in warnings if w.split(":", 1)[0] not in figures)
        if shown and shown != self._release_warnings:
            self.notify(
                "\n".join(shown), title="About this release", severity="warning", timeout=10
            )
        self._release_warnings = shown

    def _update_status(self) -> None:
        from pressgen.export.markdown_parse import word_count

        if self.built is None:
            return
        r = self.built.rendered
        parts = [r.locale, r.style.name, f"{word_count(self.current_markdown())} words"]
        if self.picks.group is not None:
            parts.insert(0, self.picks.group)
        if r.warnings:
            parts.append(f"⚠ {len(r.warnings)} warning{'s' if len(r.warnings) > 1 else ''}")
        if self.built.drafts:
            parts.append("DRAFT: unapproved quote")
        if self.edited:
            parts.append("edited (F5 regenerates)")
        if self.export_note:  # the latest news first: the line is cut at the right
            parts.insert(0, self.export_note)
        for status in self.query("#status").results(Static):  # none once the app closes
            status.update(" · ".join(parts), layout=False)

    def set_export_note(self, note: str) -> None:
        """What the last export wrote (and whether it was marked as a draft), kept on
        the status line until the next export."""
        self.export_note = note
        self._update_status()

    def set_editor_text(self, text: str) -> None:
        """Put a text into the editor without it counting as an edit; the editor takes
        typing from then on (it holds nothing worth editing before)."""
        self.draft_text = text
        editor = self.editor
        with editor.prevent(editor.Changed):
            editor.load_text(text)
        editor.read_only = False

    def current_markdown(self) -> str:
        return self.draft_text if self.edited else self.rendered_md

    # -- picks, quotes --------------------------------------------------------------------

    def on_picker_changed(self, event: Picker.Changed) -> None:
        self.pick(event.field, event.value, event.old)

    def pick(self, field: str, value: str, old: str | None = None) -> None:
        """Apply one pick (also called from the command palette); with edits in the
        draft, only after asking (keep_edits). `old`: what the Pick panel showed."""
        if not self._panels_ready:
            self.when_ready(self.pick, field, value, old)
            return
        if field == "campaign":
            self._switch_campaign(Path(value))
            return
        from pressgen.tui import keep_edits

        keep_edits.pick(self, field, value, old)

    def _switch_campaign(self, path: Path) -> None:
        if path == self.picks.campaign:
            return
        self.drafting.autosave(force=True)
        self.picks = Picks(campaign=path)
        self.draft_files.path = None  # ctrl+s must not write another campaign over it
        self.root = project_root_for(path)
        self.edited = False
        self.app.sub_title = path.stem
        self.drafting.switch()
        self.set_edit_mode(False)
        self.rebuild()

    def on_quotes_panel_quote_toggled(self, event: QuotesPanel.QuoteToggled) -> None:
        rows = self.built.quotes if self.built is not None else ()
        row = next((r for r in rows if r.id == event.quote_id), None)
        if event.include and event.unapproved and row is not None:
            dialogs.confirm_unapproved(self, row, self._set_quote)
            return
        self._set_quote(event.quote_id, event.include)

    def _set_quote(self, quote_id: str, include: bool) -> None:
        from pressgen.tui import keep_edits

        keep_edits.set_quote(self, quote_id, include)

    # -- editing and checking the draft (pressgen.check) ----------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        self.draft_text = text
        self.query_one(Preview).follow(text)
        if text != self.rendered_md or self.edited:
            if not self.edited:
                self.edited = True
                self._update_status()
            self.drafting.changed()
        self._schedule_check()

    def _schedule_check(self) -> None:
        """Check the draft shortly after typing pauses: a check costs a few ms."""
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self._run_check)

    def _run_check(self) -> None:
        self._check_timer = None
        if self.built is None or not (self.editing or self.recheck_kept):
            return
        self._check_worker(self.built, self.draft_text)

    @work(thread=True, exclusive=True, group="check")
    def _check_worker(self, built: Build, text: str) -> None:
        # On a thread: a check of a long draft must not hold up the next keystroke.
        from pressgen.check import check_draft

        r = built.rendered
        try:
            report = check_draft(
                built.prepared, text, locale=r.locale, style=r.style, baseline=r.markdown
            )
        except pressgen_error() as exc:
            hand_over(self, self.show_error, str(exc))
            return
        hand_over(self, self._show_check, report, text)

    def _show_check(self, report: CheckReport, text: str) -> None:
        if text != self.draft_text:
            return  # typed on since; the next check will report
        if not self.query("#check-panel"):
            return  # the app is closing: its panels are being removed
        self.editor.show_findings(report.findings)
        self.check_panel.show(report, self.draft_files.notes)
        self._update_status()  # the word count follows the text as it is checked
        if self.recheck_kept:  # the text kept over a change, checked against the new figures
            from pressgen.tui.check_panel import check_summary

            self.recheck_kept = False
            self.notify(f"Your text, checked against the new figures: {check_summary(report)}.")

    def on_check_panel_finding_chosen(self, event: CheckPanel.FindingChosen) -> None:
        editor = self.editor
        editor.move_cursor((event.line - 1, event.column - 1), center=True)
        editor.focus()
