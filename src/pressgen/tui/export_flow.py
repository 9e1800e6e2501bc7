"""Export from the TUI with a safety net: before anything is written the draft is
checked, and if a number matches no figure or an unapproved quote is in, the user sees
the problems and may export anyway, the document then visibly marked as a draft
(`ExportOptions.draft`). The status line says what was written and whether it was
marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pressgen.tui.handoff import hand_over
from pressgen.tui.session import pressgen_error, quote_words

if TYPE_CHECKING:
    from pressgen.check import Finding
    from pressgen.tui.export_dialog import ExportRequest
    from pressgen.tui.main_screen import MainScreen
    from pressgen.tui.session import Build


def export_problems(built: Build, markdown: str) -> list[str]:
    """One line per reason not to send the release as it is: a number that matches no
    figure (an error of `check`), and each unapproved quote that is in."""
    from pressgen.check import check_draft

    r = built.rendered
    report = check_draft(
        built.prepared, markdown, locale=r.locale, style=r.style, baseline=r.markdown
    )
    lines = [_problem(f) for f in report.findings if f.severity == "error"]
    for row in built.quotes:
        if row.included and row.problem:
            lines.append(f"unapproved quote ({row.problem}): {quote_words(row, 6)}")
    return lines


def _problem(f: Finding) -> str:
    """One line, the figure it should be first: the check's message is cut at 80 columns."""
    if f.nearest_text:
        return (
            f"line {f.line}: “{f.text}” matches no figure; nearest {f.nearest_text} ({f.nearest})"
        )
    return f"line {f.line}: {f.message}"


def export(screen: MainScreen) -> None:
    """F3: ask for a format and a file, check, confirm any problems, write."""
    if screen.built is None:
        screen.notify("Nothing to export yet.", severity="warning")
        return
    name = screen.picks.campaign.stem
    if screen.picks.group is not None:  # one release of a batch: named as the batch names it
        from pressgen.batch.names import slugify

        name = slugify(screen.picks.group) or name
    from pressgen.tui.export_dialog import ExportScreen

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            screen.notify("Export cancelled: nothing was written.")
            return
        if screen.built is not None:
            built, markdown = screen.built, screen.current_markdown()
            screen.run_worker(
                lambda: _check_then_write(screen, request, markdown, built),
                thread=True,
                exclusive=True,
                group="export",
            )

    from pressgen.export import format_for_path

    # The format of the last export, once there is one.
    last = screen.last_export
    fmt = format_for_path(last) if last is not None else None
    screen.app.push_screen(ExportScreen(Path.cwd() / name, fmt or "docx"), chosen)


def _check_then_write(
    screen: MainScreen, request: ExportRequest, markdown: str, built: Build
) -> None:
    """On a worker thread: a check costs a few ms, the first of a campaign more."""
    try:
        problems = export_problems(built, markdown)
    except pressgen_error() as exc:
        hand_over(screen, screen.show_error, str(exc))
        return
    if not problems:
        _write(screen, request, markdown, built, draft=False)
        return
    hand_over(screen, _confirm, screen, request, markdown, built, problems)


def _confirm(
    screen: MainScreen, request: ExportRequest, markdown: str, built: Build, problems: list[str]
) -> None:
    from pressgen.tui.export_problems import ExportProblemsScreen

    def answered(anyway: bool | None) -> None:
        if not anyway:
            screen.set_export_note("Export cancelled: nothing written")
            return
        screen.run_worker(
            lambda: _write(screen, request, markdown, built, draft=True),
            thread=True,
            exclusive=True,
            group="export",
        )

    screen.app.push_screen(ExportProblemsScreen(request.path, problems), answered)


def _write(
    screen: MainScreen, request: ExportRequest, markdown: str, built: Build, *, draft: bool
) -> None:
    """On a worker thread."""
    try:
        from pressgen.tui.session import export_markdown

        warnings = export_markdown(
            markdown,
            built.prepared,
            built.rendered.locale,
            request.fmt,
            request.path,
            request.force,
            draft=draft,
        )
    except pressgen_error() as exc:
        hand_over(screen, screen.notify, str(exc), severity="error", timeout=8)
        return
    marked = "marked as a DRAFT" if draft else "not marked as a draft"
    note = f"Wrote {request.path.name} ({marked})"
    if warnings:
        note += f", {len(warnings)} warning{'s' if len(warnings) > 1 else ''}"
    hand_over(screen, screen.notify, f"Exported {request.path} ({marked})")
    hand_over(screen, screen.set_export_note, note)
    screen.last_export = request.path
