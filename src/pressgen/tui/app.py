"""The pressgen app: picks and figures and quotes on the left, the release on the right.

The app owns the state (the picks, the last build, the edited text) and wires panels
together; the panels only show what they are given and post messages up. Slow work —
preparing, rendering, exporting — runs in thread workers that call the Textual-free
`session` module.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from pressgen.storage import drafts
from pressgen.storage.locations import project_root_for
from pressgen.tui.commands import PressgenCommands
from pressgen.tui.confirm import ConfirmScreen
from pressgen.tui.error_panel import ErrorPanel
from pressgen.tui.figures_panel import FiguresPanel
from pressgen.tui.preview import Preview
from pressgen.tui.session import Build, Picks

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from pressgen.check import CheckReport
    from pressgen.tui.check_panel import CheckPanel
    from pressgen.tui.editor import DraftEditor
    from pressgen.tui.export_dialog import ExportRequest
    from pressgen.tui.picker import Picker
    from pressgen.tui.quotes_panel import QuotesPanel
    from pressgen.tui.save_dialog import SaveRequest
    from pressgen.tui.session import ProjectFiles

AUTOSAVE_SECONDS = 2.0

PickerState = tuple["ProjectFiles", Path, dict[str, str], list[str], list[str], list[str]]


def pressgen_error() -> type[Exception]:
    """PressgenError, imported when an error is being handled (it pulls in pydantic)."""
    from pressgen.errors import PressgenError

    return PressgenError


def picker_state(picks: Picks, root: Path) -> PickerState:
    """What the Pick panel shows: the project's files and the current values (worker)."""
    from pressgen.text.locales import supported_locales
    from pressgen.text.style import PRESETS
    from pressgen.tui.picker import WHOLE
    from pressgen.tui.session import group_names, load_picked, scan_project

    current = {"campaign": str(picks.campaign), "group": picks.group or WHOLE}
    try:
        loaded = load_picked(picks)
    except pressgen_error():
        return (scan_project(root), root, current, supported_locales(), list(PRESETS), [])
    try:
        groups = group_names(loaded)
    except pressgen_error():
        groups = []  # the build reports what is wrong with the data
    current |= {
        "dataset": str(loaded.dataset_paths["main"]),
        "quotes": str(loaded.quotes_path),
        "template": str(picks.template or root / "templates" / f"{loaded.template_ref}.md.j2"),
        "locale": picks.locale or loaded.campaign.locale,
        "style": picks.style or loaded.campaign.style,
    }
    return (scan_project(root), root, current, supported_locales(), list(PRESETS), groups)


CHECK_DELAY = 0.15


class PressgenApp(App[int]):
    TITLE = "pressgen"
    COMMANDS: ClassVar = App.COMMANDS | {PressgenCommands}
    CSS = """
    #main { height: 1fr; }
    #sidebar { width: 45%; min-width: 34; border-right: vkey $primary-muted; }
    #sidebar.-hidden { display: none; }
    #release { width: 1fr; }
    #work { height: 1fr; }
    #editor { display: none; border-right: vkey $primary-muted; }
    .-editing #editor { display: block; }
    .-editing #check-panel { display: block; }  /* DEFAULT_CSS is scoped to the widget */
    #status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("question_mark", "help", "Help", show=False, id="help.alt"),
        Binding("f2,ctrl+e", "toggle_edit", "Edit", id="edit", priority=True),
        Binding("f3,ctrl+o", "export", "Export", id="export", priority=True),
        Binding("f4", "save_campaign", "Save campaign", id="save", priority=True),
        Binding("f5,ctrl+r", "regenerate", "Regenerate", id="regenerate", priority=True),
        Binding("ctrl+b", "toggle_sidebar", "Panel", id="sidebar", priority=True),
        Binding("f6", "batch", "Batch", id="batch", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(
        self,
        campaign: Path,
        *,
        first: Future[str | None] | None = None,
        bench_exit: bool = False,
        preview_key: str | None = None,
    ) -> None:
        super().__init__()
        self.picks = Picks(campaign=campaign)
        self.built: Build | None = None
        self.rendered_md = ""
        self.edited = False
        self.editing = False
        self._dirty = False
        self.draft_text = ""
        """The editor's text, kept here so an autosave at exit needs no widgets."""
        self._first = first
        self._bench_exit = bench_exit
        self._bench_reported = False
        self._preview_key = preview_key
        """Where to cache the default render for the next start's first paint."""
        self._recovery_checked = False
        self.root = project_root_for(campaign)
        self.last_export: Path | None = None
        self.batch_jobs: int | None = None
        """Worker processes for a batch; None: all cores."""
        self._check_timer: Timer | None = None
        self._panels_ready = False
        """Whether the panels that start hidden have been mounted (after the first paint)."""
        self._pending_ready: list[tuple[Callable[..., object], tuple[Any, ...]]] = []
        self._first_composed = False
        self._release_warnings: tuple[str, ...] = ()

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
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
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.picks.campaign.stem
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        self._install_signal_handlers()
        if self._first_composed and self._bench_exit:
            self.call_after_refresh(self._bench_done)  # the preview is in the first frame
        self.call_after_refresh(self._mount_hidden_panels)
        self.rebuild()

    async def _mount_hidden_panels(self) -> None:
        from pressgen.tui.check_panel import CheckPanel
        from pressgen.tui.editor import DraftEditor
        from pressgen.tui.picker import Picker
        from pressgen.tui.quotes_panel import QuotesPanel

        preview = self.query_one(Preview)
        editor = DraftEditor(id="editor")
        editor.follow = preview.show
        await self.query_one("#pick", TabPane).mount(Picker(id="picker"))
        await self.query_one("#quotes", TabPane).mount(QuotesPanel(id="quotes-panel"))
        await self.query_one("#work").mount(editor, before=preview)
        await self.query_one("#release").mount(CheckPanel(id="check-panel"), before="#status")
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
    def picker(self) -> Picker:
        return cast("Picker", self.query_one("#picker"))

    @property
    def quotes_panel(self) -> QuotesPanel:
        return cast("QuotesPanel", self.query_one("#quotes-panel"))

    @property
    def editor(self) -> DraftEditor:
        return cast("DraftEditor", self.query_one("#editor"))

    @property
    def check_panel(self) -> CheckPanel:
        return cast("CheckPanel", self.query_one("#check-panel"))

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
            markdown = first.result()
            if markdown is not None:
                painted = threading.Event()
                self.call_from_thread(self._show_first, markdown, painted)
                painted.wait(timeout=2)
        from pressgen.tui import session

        picker = picker_state(picks, self.root)
        try:
            result = session.build(picks)
        except pressgen_error() as exc:
            self.call_from_thread(self.when_ready, self._failed, str(exc), picker)
            return
        if self._preview_key and picks == Picks(campaign=picks.campaign):
            from pressgen.tui.preview_cache import save_preview

            save_preview(self._preview_key, result.rendered.markdown)
            self._preview_key = None
        self.call_from_thread(self.when_ready, self._built, result, picker)

    def _show_first(self, markdown: str, painted: threading.Event) -> None:
        if self.rendered_md or self.edited:
            painted.set()
            return
        self.query_one(Preview).show(markdown)

        def done() -> None:
            painted.set()
            if self._bench_exit:
                self._bench_done()

        self.call_after_refresh(done)

    def _failed(self, message: str, picker: PickerState | None = None) -> None:
        if picker is not None:
            self.picker.fill(*picker)
        self.query_one(ErrorPanel).show_error(message)
        self.query_one("#status", Static).update("not rendered: see the error above")
        if self.built is None:
            self.query_one(Preview).show("*Nothing to preview until the problem above is fixed.*")
        self._check_recovery()

    def _built(self, result: Build, picker: PickerState | None = None) -> None:
        from pressgen.text.formatting import Formatter

        self.built = result
        if picker is not None:
            self.picker.fill(*picker)
        if self.picks.style is None:  # the style a locale adapted to (uk-press -> de-presse)
            self.picker.set_value("style", result.rendered.style.name)
        self.query_one(ErrorPanel).clear()
        rendered = result.rendered
        fmt = Formatter(rendered.locale, rendered.style)
        self.query_one(FiguresPanel).show(result.prepared.figures, fmt)
        self.quotes_panel.show(result.quotes)
        self.rendered_md = rendered.markdown
        if not self.edited:
            self._set_editor_text(rendered.markdown)
            self.query_one(Preview).show(rendered.markdown)
        self._update_status()
        self._tell_release_warnings(rendered.warnings, result.prepared.figures)
        if self.editing:
            self._schedule_check()
        if self._bench_exit and not self._bench_reported:
            self.call_after_refresh(self._bench_done)
        self._check_recovery()

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

    def _bench_done(self) -> None:
        if self._bench_reported:
            return
        self._bench_reported = True
        sys.stdout.write(f"PAINTED {time.time():.6f}\n")
        sys.stdout.flush()
        self.exit(0)

    def _update_status(self) -> None:
        if self.built is None:
            return
        r = self.built.rendered
        parts = [r.locale, r.style.name, f"{len(r.markdown.split())} words"]
        if self.picks.group is not None:
            parts.insert(0, self.picks.group)
        if r.warnings:
            parts.append(f"⚠ {len(r.warnings)} warning{'s' if len(r.warnings) > 1 else ''}")
        if self.built.drafts:
            parts.append("DRAFT: unapproved quote")
        if self.edited:
            parts.append("edited (F5 regenerates)")
        self.query_one("#status", Static).update(" · ".join(parts))

    def _set_editor_text(self, text: str) -> None:
        self.draft_text = text
        editor = self.editor
        with editor.prevent(editor.Changed):
            editor.load_text(text)

    # -- picks, quotes --------------------------------------------------------------------

    def on_picker_changed(self, event: Picker.Changed) -> None:
        self.pick(event.field, event.value)

    def pick(self, field: str, value: str) -> None:
        """Apply one pick (also called from the command palette)."""
        if not self._panels_ready:
            self.when_ready(self.pick, field, value)
            return
        if field == "campaign":
            self._switch_campaign(Path(value))
            return
        if field == "group":
            from pressgen.tui.picker import WHOLE

            self.picks.group = None if value == WHOLE else value
        elif field in ("dataset", "quotes", "template"):
            setattr(self.picks, field, Path(value))
        else:
            setattr(self.picks, field, value)
            self.picker.set_value(field, value)
        if self.edited:
            self.notify("Your edited draft is kept; F5 regenerates it with this change.")
        self.rebuild()

    def _switch_campaign(self, path: Path) -> None:
        if path == self.picks.campaign:
            return
        self.autosave(force=True)
        self.picks = Picks(campaign=path)
        self.root = project_root_for(path)
        self.edited = False
        self._recovery_checked = False
        self.sub_title = path.stem
        self._update_edit_mode(False)
        self.rebuild()

    def on_quotes_panel_quote_toggled(self, event: QuotesPanel.QuoteToggled) -> None:
        if event.include and event.unapproved:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._set_quote(event.quote_id, True)

            self.push_screen(
                ConfirmScreen(
                    f"Quote {event.quote_id!r} is not approved. Include it, marked as a "
                    "draft? The release must not go out until it is approved.",
                    yes="Include as draft",
                    no="Leave out",
                ),
                answered,
            )
            return
        self._set_quote(event.quote_id, event.include)

    def _set_quote(self, quote_id: str, include: bool) -> None:
        self.picks.included[quote_id] = include
        self.rebuild()

    # -- editing --------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        self.draft_text = text
        self.query_one(Preview).show(text)
        if text != self.rendered_md or self.edited:
            if not self.edited:
                self.edited = True
                self._update_status()
            self._dirty = True
        self._schedule_check()

    # -- checking the draft while editing (pressgen.check) --------------------------------

    def _schedule_check(self) -> None:
        """Check the draft shortly after typing pauses: a check costs a few ms."""
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self._run_check)

    def _run_check(self) -> None:
        self._check_timer = None
        if self.built is None or not self.editing:
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
            self.call_from_thread(self.query_one(ErrorPanel).show_error, str(exc))
            return
        self.call_from_thread(self._show_check, report, text)

    def _show_check(self, report: CheckReport, text: str) -> None:
        if text != self.draft_text:
            return  # typed on since; the next check will report
        self.editor.show_findings(report.findings)
        self.check_panel.show(report)

    def on_check_panel_finding_chosen(self, event: CheckPanel.FindingChosen) -> None:
        editor = self.editor
        editor.move_cursor((event.line - 1, event.column - 1), center=True)
        editor.focus()

    def action_toggle_edit(self) -> None:
        self._update_edit_mode(not self.editing)

    def _update_edit_mode(self, editing: bool) -> None:
        if not self._panels_ready:
            self.when_ready(self._update_edit_mode, editing)
            return
        self.editing = editing
        self.query_one("#release").set_class(editing, "-editing")
        editor = self.editor
        if editing:
            self.query_one("#sidebar").add_class("-hidden")
            editor.highlight_markdown()
            editor.focus()
            self._schedule_check()
        else:
            self.query_one("#sidebar").remove_class("-hidden")
            self.query_one(Preview).focus()

    def action_toggle_sidebar(self) -> None:
        self.query_one("#sidebar").toggle_class("-hidden")

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#sidebar").remove_class("-hidden")
        self.query_one(TabbedContent).active = tab

    def action_regenerate(self) -> None:
        if not self.edited:
            self.rebuild()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                drafts.discard_draft(self.picks.campaign)
                self.edited = False
                self._dirty = False
                self.rendered_md = ""
                self.rebuild()

        self.push_screen(
            ConfirmScreen(
                "Regenerate from the data? Your edits to the draft will be discarded "
                "(a copy is kept in the autosave folder).",
                yes="Discard edits",
                no="Keep editing",
            ),
            answered,
        )

    def current_markdown(self) -> str:
        return self.draft_text if self.edited else self.rendered_md

    # -- autosave and recovery ------------------------------------------------------------

    def autosave(self, force: bool = False) -> None:
        """Save the edited draft if it changed since the last save (every 2 s at most)."""
        if not self.edited or not (self._dirty or force):
            return
        self._dirty = False
        draft = drafts.Draft(
            campaign=str(self.picks.campaign),
            text=self.draft_text,
            locale=self.picks.locale or (self.built.rendered.locale if self.built else ""),
            style=self.picks.style or (self.built.rendered.style.name if self.built else ""),
            include=dict(self.picks.included),
            group=self.picks.group or "",
        )
        try:
            drafts.save_draft(draft)
        except pressgen_error() as exc:
            self.query_one(ErrorPanel).show_error(f"autosave failed: {exc}")

    def _check_recovery(self) -> None:
        if self._recovery_checked or self._bench_exit:
            return
        self._recovery_checked = True
        found = drafts.load_draft(self.picks.campaign)
        if found is None:
            return
        if isinstance(found, drafts.DraftProblem):
            self.query_one(ErrorPanel).show_error(found.line())
            return
        if found.text == self.rendered_md:
            drafts.discard_draft(self.picks.campaign)
            return
        draft = found

        def answered(yes: bool | None) -> None:
            if yes:
                self._recover(draft)
            else:
                drafts.discard_draft(self.picks.campaign)
                self.notify("The autosaved draft was moved to drafts/discarded.")

        when = draft.saved_at.replace("T", " ")[:16] or "earlier"
        self.push_screen(
            ConfirmScreen(
                f"An edited draft of {self.picks.campaign.stem} was autosaved ({when} UTC). "
                "Recover it?",
                yes="Recover",
                no="Discard",
            ),
            answered,
        )

    def _recover(self, draft: drafts.Draft) -> None:
        self.edited = True
        self._dirty = False
        if draft.locale:
            self.picks.locale = draft.locale
            self.picker.set_value("locale", draft.locale)
        if draft.style:
            self.picks.style = draft.style
            self.picker.set_value("style", draft.style)
        if draft.group:
            self.picks.group = draft.group
            self.picker.set_value("group", draft.group)
        self.picks.included = dict(draft.include)
        self._set_editor_text(draft.text)
        self.query_one(Preview).show(draft.text)
        self._update_edit_mode(True)
        self.rebuild()
        self.notify("Draft recovered.")

    def _install_signal_handlers(self) -> None:
        if sys.platform == "win32":
            return
        import asyncio

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._on_signal)

    def _on_signal(self) -> None:
        self.autosave(force=True)
        self.exit(0)

    async def action_quit(self) -> None:
        self.autosave(force=True)
        self.exit(0)

    def on_unmount(self) -> None:
        self.autosave(force=True)

    # -- dialogs --------------------------------------------------------------------------

    def action_help(self) -> None:
        from pressgen.tui.help_screen import HelpScreen  # screens load when first opened

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_export(self) -> None:
        if self.built is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        name = self.picks.campaign.stem
        if self.picks.group is not None:  # one release of a batch: named as the batch names it
            from pressgen.batch.names import slugify

            name = slugify(self.picks.group) or name
        stem = Path.cwd() / name
        from pressgen.tui.export_dialog import ExportScreen

        self.push_screen(ExportScreen(stem, "docx"), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None and self.built is not None:
            self.notify(f"Exporting {request.path.name}…")
            self._export_worker(request, self.current_markdown(), self.built)

    @work(thread=True, exclusive=True, group="export")
    def _export_worker(self, request: ExportRequest, markdown: str, built: Build) -> None:
        try:
            from pressgen.tui.session import export_markdown

            warnings = export_markdown(
                markdown,
                built.prepared,
                built.rendered.locale,
                request.fmt,
                request.path,
                request.force,
            )
        except pressgen_error() as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
            return
        note = f"Exported {request.path}" + (f" ({len(warnings)} warnings)" if warnings else "")
        self.call_from_thread(self.notify, note)
        self.last_export = request.path

    def action_batch(self) -> None:
        if self.built is None:
            self.notify("Nothing to batch until the campaign renders.", severity="warning")
            return
        from pressgen.tui.batch_screen import BatchScreen

        r = self.built.rendered
        self.push_screen(BatchScreen(self.built.prepared, r.locale, r.style.name, self.batch_jobs))

    def action_save_campaign(self) -> None:
        from pressgen.tui.save_dialog import SaveCampaignScreen

        folder = self.root / "campaigns"
        self.push_screen(
            SaveCampaignScreen(folder / f"{self.picks.campaign.stem}-custom.toml"),
            self._save_chosen,
        )

    def _save_chosen(self, request: SaveRequest | None) -> None:
        if request is None:
            return
        from pressgen.tui.session import load_picked, save_campaign

        try:
            save_campaign(self.picks, load_picked(self.picks), request.path, force=request.force)
        except pressgen_error() as exc:
            self.query_one(ErrorPanel).show_error(str(exc))
            return
        self.notify(f"Saved {request.path}")


def bench_exit_requested() -> bool:
    return os.environ.get("PRESSGEN_TUI_BENCH") == "1"
