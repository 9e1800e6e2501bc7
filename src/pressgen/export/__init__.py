"""The export registry: one rendered Markdown release in, a finished md/docx/html/txt file out.

The CLI's `render -f` and the TUI's export dialog both call `export_release`; each format
is an `Exporter` in `EXPORTERS`. The Markdown is parsed once (`markdown_parse`) and every
writer works from that parse. python-docx is imported only when a DOCX is asked for, so
`pressgen render -f md` never pays for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pressgen.errors import PressgenError
from pressgen.export.markdown_parse import Release, parse_release
from pressgen.export.xmltext import TextGuard
from pressgen.storage.atomic import atomic_write


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What a writer needs beyond the Markdown: document properties and format switches."""

    title: str = ""
    """Document title (DOCX core property, HTML <title>); the headline when empty."""
    subject: str = ""
    author: str = ""
    """The issuing organisation; DOCX author and the default letterhead's name."""
    keywords: tuple[str, ...] = ()
    locale: str = "en_GB"
    """Sets the document language (DOCX w:lang, HTML lang) and the default page size."""
    reference_docx: Path | None = None
    """A campaign's letterhead .docx: its styles, header and footer are used."""
    ascii: bool = False
    """Plain text only: typographic quotes, dashes and no-break spaces become ASCII."""
    width: int = 72
    """Plain text only: wrap column."""
    refuse_invalid_text: bool = False
    """Refuse, rather than clean with a warning, text a document cannot hold."""
    created: dt.datetime | None = None
    """DOCX only: the document's timestamps (created, modified, zip entries); the time of
    writing when None. A release's own date makes the same input give the same file."""
    draft: bool = False
    """Mark the document visibly as a draft (exported despite check errors or unapproved
    quotes, after the user confirmed): DOCX page header, HTML banner, text first line."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    data: bytes
    suffix: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Exporter:
    """One output format: its writer, file suffix and MIME type."""

    name: str
    suffix: str
    media_type: str
    description: str
    write: Callable[[str, ExportOptions], ExportResult] = field(repr=False)
    binary: bool = False


def export_release(markdown: str, fmt: str, options: ExportOptions | None = None) -> ExportResult:
    """Write rendered Markdown as `fmt` ("md", "docx", "html", "txt")."""
    exporter = EXPORTERS.get(fmt.lower().lstrip("."))
    if exporter is None:
        raise PressgenError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}", where="-f"
        )
    return exporter.write(markdown, options or ExportOptions())


def write_release(
    markdown: str,
    fmt: str,
    options: ExportOptions | None,
    path: str | Path,
    *,
    force: bool = False,
) -> ExportResult:
    """Export and write atomically; an existing file is replaced only with `force`."""
    target = Path(path)
    if target.exists() and not force:
        # Checked before the work, and again by atomic_write at the moment of writing.
        raise PressgenError("file exists; use --force to overwrite it", path=target)
    result = export_release(markdown, fmt, options)
    atomic_write(target, result.data, force=force)
    return result


def suffix_for(fmt: str) -> str:
    """The file suffix for a format: `suffix_for("docx") == ".docx"`."""
    exporter = EXPORTERS.get(fmt.lower().lstrip("."))
    if exporter is None:
        raise PressgenError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}", where="-f"
        )
    return exporter.suffix


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for (`release.docx` -> "docx"), or None."""
    suffix = Path(path).suffix.lower()
    for name, exporter in EXPORTERS.items():
        if exporter.suffix == suffix or (name == "md" and suffix == ".markdown"):
            return name
    return None


def parse(markdown: str, options: ExportOptions) -> Release:
    """The one parse every non-Markdown writer starts from."""
    return parse_release(markdown, refuse_invalid=options.refuse_invalid_text)


def _write_md(markdown: str, options: ExportOptions) -> ExportResult:
    guard = TextGuard(refuse=options.refuse_invalid_text)
    text = "\n".join(
        guard.clean(line, f"line {n}") for n, line in enumerate(markdown.split("\n"), 1)
    )
    if not text.endswith("\n"):
        text += "\n"
    return ExportResult(text.encode("utf-8"), ".md", guard.warnings)


def _write_docx(markdown: str, options: ExportOptions) -> ExportResult:
    from pressgen.export.docx_writer import write_docx  # python-docx costs ~100 ms to import

    release = parse(markdown, options)
    data, warnings = write_docx(release, options)
    return ExportResult(data, ".docx", release.warnings + warnings)


def _write_html(markdown: str, options: ExportOptions) -> ExportResult:
    from pressgen.export.html_writer import write_html

    release = parse(markdown, options)
    text, warnings = write_html(release, options)
    return ExportResult(text.encode("utf-8"), ".html", release.warnings + warnings)


def _write_txt(markdown: str, options: ExportOptions) -> ExportResult:
    from pressgen.export.text_writer import write_text

    release = parse(markdown, options)
    text, warnings = write_text(release, options)
    return ExportResult(text.encode("utf-8"), ".txt", release.warnings + warnings)


EXPORTERS: dict[str, Exporter] = {
    "md": Exporter("md", ".md", "text/markdown", "Markdown, as rendered", _write_md),
    "docx": Exporter(
        "docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document on letterhead",
        _write_docx,
        binary=True,
    ),
    "html": Exporter("html", ".html", "text/html", "Standalone email-safe HTML", _write_html),
    "txt": Exporter("txt", ".txt", "text/plain", "Plain text for wire services", _write_txt),
}

__all__ = [
    "EXPORTERS",
    "ExportOptions",
    "ExportResult",
    "Exporter",
    "export_release",
    "format_for_path",
    "suffix_for",
    "write_release",
]
