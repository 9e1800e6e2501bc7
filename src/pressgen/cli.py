"""The command line: thin commands over the pipeline, with the exit statuses of the
contract (0 success, 1 check found problems, 2 bad usage or bad input).

Heavy modules (Textual, python-docx) are imported only by the commands that use them,
so `pressgen render` starts quickly.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from pressgen.errors import PressgenError

if TYPE_CHECKING:
    from pressgen.check.findings import Finding

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2

COMMANDS = (
    "render",
    "figures",
    "validate",
    "check",
    "batch",
    "lint",
    "styles",
    "locales",
    "approve",
    "angles",
    "new",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pressgen", description="Draft data-driven press releases.")
    parser.add_argument("--verbose", action="store_true", help="show error details")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("render", help="render a campaign's release")
    p.add_argument("campaign")
    p.add_argument("-l", "--locale")
    p.add_argument("-s", "--style", help="house style preset (see `pressgen styles`)")
    p.add_argument("-f", "--format", default=None, help="md, docx, txt or html")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.add_argument("--drafts", action="store_true", help="include unapproved quotes, marked")
    p.add_argument("--ascii", action="store_true", help="plain ASCII text (txt only)")
    p.add_argument("--draft", action="store_true", help="mark a docx, html or txt as a draft")
    _group_arguments(p, "one release of a batch: the group's, as `batch` writes it")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("figures", help="computed figures with provenance")
    p.add_argument("campaign")
    p.add_argument("-l", "--locale")
    p.add_argument("-s", "--style")
    _group_arguments(p, "one group's figures, as a batch computes them")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("validate", help="lint datasets, quote sets, templates, campaigns")
    p.add_argument("paths", nargs="*")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("styles", help="list the house-style presets with an example line each")
    p.set_defaults(func=cmd_styles)

    p = sub.add_parser("locales", help="list the supported locales")
    p.set_defaults(func=cmd_locales)

    p = sub.add_parser("batch", help="one release per distinct value of a column")
    p.add_argument("campaign")
    p.add_argument("--each", help="column to batch by (default: the campaign's `each`)")
    p.add_argument("-o", "--output", required=True, help="folder for the releases and index")
    p.add_argument("-f", "--format", default="md", help="md, docx, txt or html")
    p.add_argument(
        "-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)"
    )
    p.add_argument("-l", "--locale")
    p.add_argument("-s", "--style")
    p.add_argument("--drafts", action="store_true", help="include unapproved quotes, marked")
    again = p.add_mutually_exclusive_group()
    again.add_argument(
        "--skip-existing", action="store_true", help="keep files already written (resume)"
    )
    again.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("check", help="verify the numbers, quotes and style of an edited draft")
    p.add_argument("campaign")
    p.add_argument("draft", help="the edited release: .md, .txt or .docx")
    p.add_argument("-l", "--locale")
    p.add_argument("-s", "--style")
    _group_arguments(p, "the draft is one release of a batch: the group it was written for")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("lint", help="house-style and slip warnings for a draft")
    p.add_argument("draft", help="a release: .md, .txt, .html or .docx")
    p.add_argument(
        "--campaign", help="lint in this campaign's locale and house style, overrides included"
    )
    p.add_argument("-l", "--locale", help="default: the campaign's, else en_GB")
    p.add_argument("-s", "--style", help="default: the campaign's, else the locale's own")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("approve", help="record a quote's approval with the hash of its text")
    p.add_argument("quotes", help="quote set file (quotes/NAME.toml)")
    p.add_argument("quote_id")
    p.add_argument("--by", required=True, help="who approved the quote")
    p.add_argument("--on", help="date of approval, YYYY-MM-DD (default: today)")
    p.add_argument("--expires", help="date the approval lapses, YYYY-MM-DD")
    p.set_defaults(func=cmd_approve)

    from pressgen.angles.command import add_commands  # argparse only: imports no data code

    add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    verbose = "--verbose" in args_list
    try:
        if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
            return open_default(args_list)
        parser = build_parser()
        args = parser.parse_args(args_list)
        func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
        if func is None:
            parser.print_help()
            return EXIT_BAD_INPUT
        return func(args)
    except PressgenError as exc:
        print(f"pressgen: {exc}", file=sys.stderr)
        if verbose and exc.detail:
            print(exc.detail, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def open_default(args: list[str]) -> int:
    """`pressgen [CAMPAIGN]`: the bundled example when no campaign is named."""
    campaign = args[0] if args else default_campaign()
    if sys.stdin.isatty() and sys.stdout.isatty():
        from pressgen.storage.locations import find_campaign
        from pressgen.tui import run  # Textual is imported here only, never by other commands

        return run(find_campaign(campaign))
    # Not a terminal (a pipe, a script): print the Markdown as `render` would.
    rendered = _render(campaign, None, None, drafts=False)
    sys.stdout.write(rendered.markdown)
    return EXIT_OK


def default_campaign() -> str:
    from pressgen.storage.locations import bundled_root

    root = bundled_root()
    if root is None:
        raise PressgenError(
            "no campaign given and no bundled example found; run from a pressgen project"
        )
    return str(root / "campaigns" / "met-cyber-training.toml")


def _render(campaign: str, locale: str | None, style: str | None, *, drafts: bool):  # type: ignore[no-untyped-def]
    from pressgen.release.pipeline import prepare, render_release

    prepared = prepare(campaign)
    return render_release(prepared, locale=locale, style=style, drafts=drafts)


def _group_arguments(p: argparse.ArgumentParser, what: str) -> None:
    """--group NAME (and --each COLUMN): work on one group's release of a batch."""
    p.add_argument("--group", help=what)
    p.add_argument("--each", help="with --group: the column batched by (default: the campaign's)")


def cmd_render(args: argparse.Namespace) -> int:
    from pressgen.release.pipeline import prepare, render_release

    if args.output and Path(args.output).exists() and not args.force:
        raise PressgenError("file exists; use --force to overwrite it", path=args.output)
    if args.draft and (args.format or _format_from_path(args.output) or "md").lower() == "md":
        raise PressgenError("--draft marks docx, html and txt exports, not Markdown", where="-f")
    if args.group is not None:
        from pressgen.batch import group_release

        prepared, rendered = group_release(
            args.campaign,
            args.group,
            each=args.each,
            locale=args.locale,
            style=args.style,
            drafts=args.drafts,
        )
    else:
        prepared = prepare(args.campaign)
        rendered = render_release(
            prepared, locale=args.locale, style=args.style, drafts=args.drafts
        )
    for w in rendered.warnings:
        print(f"pressgen: warning: {w}", file=sys.stderr)
    fmt = (args.format or _format_from_path(args.output) or "md").lower()
    if fmt == "md":
        data: bytes | str = rendered.markdown
    else:
        from pressgen.export import export_release
        from pressgen.release.pipeline import export_options

        opts = export_options(prepared, rendered.locale, ascii=args.ascii)
        opts = dataclasses.replace(opts, draft=args.draft)
        result = export_release(rendered.markdown, fmt, opts)
        for w in result.warnings:
            print(f"pressgen: warning: {w}", file=sys.stderr)
        data = result.data
    if args.output:
        from pressgen.storage.atomic import atomic_write

        atomic_write(Path(args.output), data, force=args.force)
        return EXIT_OK
    if isinstance(data, bytes):
        if fmt == "docx":
            raise PressgenError("DOCX is binary; give a file with -o")
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.write(data)
    return EXIT_OK


def _format_from_path(path: str | None) -> str | None:
    if not path:
        return None
    suffix = Path(path).suffix.lower().lstrip(".")
    return {
        "md": "md",
        "markdown": "md",
        "docx": "docx",
        "txt": "txt",
        "html": "html",
        "htm": "html",
    }.get(suffix)


def cmd_figures(args: argparse.Namespace) -> int:
    from pressgen.release.pipeline import choose_style, input_warnings, prepare
    from pressgen.release.views import FigureView
    from pressgen.text.formatting import Formatter, normalise_locale

    if args.group is not None:
        from pressgen.batch import group_figures

        prepared = group_figures(args.campaign, args.group, each=args.each)
    else:
        prepared = prepare(args.campaign)
    for w in input_warnings(prepared):
        print(f"pressgen: warning: {w}", file=sys.stderr)
    camp = prepared.loaded.campaign
    tag = normalise_locale(camp.locale if args.locale is None else args.locale)
    fmt = Formatter(tag, choose_style(prepared.loaded, args.style, tag))
    rows = []
    for fig in prepared.figures.values():
        item = fig.as_dict()
        item["text"] = str(FigureView(fmt, fig))
        rows.append(item)
    if args.json:
        out = {"campaign": prepared.loaded.name, "locale": tag, "figures": rows}
        if args.group is not None:
            out["group"] = args.group
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    from pressgen.figures.report import figures_table

    sys.stdout.write(figures_table(rows))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from pressgen.release.validate import validate_report

    problems, warnings = validate_report([Path(p) for p in args.paths] or None)
    for line in warnings:
        print(f"pressgen: warning: {line}", file=sys.stderr)
    for line in problems:
        print(f"pressgen: {line}", file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    print("pressgen: all files are valid")
    return EXIT_OK


def cmd_styles(args: argparse.Namespace) -> int:
    """`pressgen styles`: each preset, what it is, and a line written in it."""
    from pressgen.text.style_gallery import describe_styles

    for row in describe_styles():
        print(f"{row.name:<10} {row.summary}")
        print(f"{'':<10} {row.locale}: {row.example}")
    return EXIT_OK


def cmd_locales(args: argparse.Namespace) -> int:
    """`pressgen locales`: the locales with a CLDR conformance guarantee."""
    from pressgen.text.locales import describe_locales

    for tag, name in describe_locales():
        print(f"{tag:<6} {name}")
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """`pressgen batch`: progress bar on a terminal; one line per failed group, then one
    line of summary (written, skipped, failed, where); exit 2 if any group or the index
    failed (the others are still written)."""
    from pressgen.batch import BatchProgress, run_batch

    if args.jobs is not None and args.jobs < 1:
        raise PressgenError("--jobs must be at least 1")
    tty = sys.stderr.isatty()
    bar = None
    if tty:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
    task = None

    def report(p: BatchProgress) -> None:
        nonlocal task
        if bar is None:
            return
        if task is None:
            task = bar.add_task("rendering", total=p.total)
        bar.update(
            task,
            completed=p.done,
            description=f"rendering ({p.failed} failed)" if p.failed else "rendering",
        )

    if bar is not None:
        bar.start()
    try:
        result = run_batch(
            args.campaign,
            args.output,
            each=args.each,
            fmt=args.format.lower(),
            jobs=args.jobs,
            locale=args.locale,
            style=args.style,
            drafts=args.drafts,
            skip_existing=args.skip_existing,
            force=args.force,
            progress=report,
        )
    finally:
        if bar is not None:
            bar.stop()
    for line in result.report():
        print(f"pressgen: {line}", file=sys.stderr)
    return EXIT_BAD_INPUT if result.failed or result.index_error else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from pressgen.check import check_draft, draft_form, read_draft
    from pressgen.release.pipeline import prepare

    text = read_draft(args.draft)
    form = draft_form(args.draft)
    if args.group is not None:
        # One release of a batch: its group's figures, and the release as the batch
        # rendered it to compare with.
        from pressgen.batch import group_release

        prepared, rendered = group_release(
            args.campaign, args.group, each=args.each, locale=args.locale, style=args.style
        )
        report = check_draft(
            prepared,
            text,
            locale=args.locale,
            style=args.style,
            baseline=rendered.markdown,
            form=form,
        )
    else:
        prepared = prepare(args.campaign)
        report = check_draft(prepared, text, locale=args.locale, style=args.style, form=form)
    _print_findings(args, report.findings, report.as_dict(), report.ok)
    if not args.json:
        for note in report.notes:
            print(f"pressgen: figure problem: {note}", file=sys.stderr)
        state = "ok" if report.ok else f"{len(report.problems) + len(report.notes)} problem(s)"
        print(
            f"pressgen: {args.draft}: {report.numbers} numbers, {report.matched} matched; {state}",
            file=sys.stderr,
        )
    if not report.ok and args.group is None and prepared.loaded.campaign.each and not args.json:
        print(
            "pressgen: hint: for one release of a batch, give its group: "
            f"--group NAME (the campaign batches by {prepared.loaded.campaign.each!r})",
            file=sys.stderr,
        )
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_lint(args: argparse.Namespace) -> int:
    from pressgen.check import FAILING, lint_text, read_draft
    from pressgen.text.formatting import normalise_locale
    from pressgen.text.style import resolve_style, style_for_locale

    text = read_draft(args.draft)
    if args.campaign is not None:
        from pressgen.release.campaign import load_campaign
        from pressgen.release.pipeline import choose_style

        loaded = load_campaign(args.campaign)
        locale = normalise_locale(args.locale or loaded.campaign.locale)
        style = choose_style(loaded, args.style, locale)
    else:
        # Without a campaign, the locale's own house style: a German release is never
        # told to write "per cent".
        locale = normalise_locale(args.locale or "en_GB")
        style = resolve_style(args.style or style_for_locale(None, locale))
    findings = lint_text(text, locale=locale, style=style)
    ok = not any(f.severity in FAILING for f in findings)
    doc = {
        "ok": ok,
        "locale": locale,
        "style": style.name,
        "findings": [f.as_dict() for f in findings],
    }
    _print_findings(args, findings, doc, ok)
    return EXIT_OK if ok else EXIT_PROBLEMS


def _print_findings(
    args: argparse.Namespace, findings: Sequence[Finding], doc: dict[str, object], ok: bool
) -> None:
    if args.json:
        doc = {"draft": str(args.draft), **doc}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    for f in findings:
        sys.stdout.write(f.format(str(args.draft)) + "\n")


def cmd_approve(args: argparse.Namespace) -> int:
    import datetime as dt

    from pressgen.release.approval import approve_quote

    def day(value: str | None, flag: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PressgenError(f"{flag} wants a date as YYYY-MM-DD, not {value!r}") from None

    path = Path(args.quotes)
    # Written, read back and checked to carry the text's hash before success is said.
    digest = approve_quote(
        path,
        args.quote_id,
        by=args.by,
        on=day(args.on, "--on") or dt.date.today(),
        expires=day(args.expires, "--expires"),
    )
    print(f"pressgen: approved {args.quote_id!r} by {args.by} (sha256 {digest[:12]}…)")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
