"""Draft files: a press officer's work saved by name (`NAME.draft.toml`) and opened again.

A draft file holds the campaign (relative to the project), the picks made on top of it
(locale, house style, dataset, quote set, template, group), which quotes are in and
which out, the edited Markdown (none while the release is as rendered), and the figures
as they read when it was saved, so that opening it later can say what changed in the
data. It is TOML, written atomically; reading it checks every field and every path
(each must lie in the project or the user's pressgen folder), and any problem is one
`PressgenError` naming the file and the field. The last ten drafts opened or saved are
listed in the user's pressgen folder (`recent-drafts.toml`).

No Textual here, and nothing of the campaign's types: the TUI turns a `DraftFile` into
its picks, and the check runs on what it holds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressgen.errors import PressgenError
from pressgen.storage.atomic import atomic_write
from pressgen.storage.locations import is_inside, trusted_folders, user_folder
from pressgen.storage.tomlfile import read_toml

FORMAT_VERSION = 1
SUFFIX = ".draft.toml"
RECENT_FILE = "recent-drafts.toml"
RECENT_MAX = 10

PICK_TEXTS = ("locale", "style", "group")
PICK_PATHS = ("dataset", "quotes", "template")


@dataclass(frozen=True)
class DraftFile:
    """What a draft file holds. Paths are as resolved against the project on reading."""

    campaign: Path
    locale: str | None = None
    style: str | None = None
    group: str | None = None
    dataset: Path | None = None
    quotes: Path | None = None
    template: Path | None = None
    quotes_in: tuple[str, ...] = ()
    quotes_out: tuple[str, ...] = ()
    markdown: str | None = None
    """The edited text; None when the release was saved as rendered."""
    figures: dict[str, str] = field(default_factory=dict)
    """Each figure's text when the draft was saved (name -> "4,534")."""
    saved_at: str = ""


def draft_name(path: Path) -> str:
    """`spring.draft.toml` -> `spring`."""
    return path.name.removesuffix(SUFFIX).removesuffix(".toml")


def with_suffix(path: Path) -> Path:
    """A file name for a draft: `.draft.toml` added unless it ends in `.toml`."""
    return path if path.name.endswith(".toml") else path.with_name(path.name + SUFFIX)


# -- writing ------------------------------------------------------------------------------


def _ref(path: Path, root: Path) -> str:
    """A path as the file stores it: relative to the project when inside it."""
    real = Path(os.path.realpath(path))
    base = Path(os.path.realpath(root))
    if real.is_relative_to(base):
        return real.relative_to(base).as_posix()
    return str(real)


def draft_text(draft: DraftFile, root: Path) -> str:
    """The TOML of a draft file (paths relative to `root`, the project folder)."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment("A pressgen draft: open it in pressgen (F9) to carry on."))
    doc["format"] = FORMAT_VERSION
    doc["saved_at"] = draft.saved_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    doc["campaign"] = _ref(draft.campaign, root)
    picks = tomlkit.table()
    for name in PICK_TEXTS:
        value = getattr(draft, name)
        if value is not None:
            picks[name] = value
    for name in PICK_PATHS:
        value = getattr(draft, name)
        if value is not None:
            picks[name] = _ref(value, root)
    doc["picks"] = picks
    quotes = tomlkit.table()
    quotes["in"] = list(draft.quotes_in)
    quotes["out"] = list(draft.quotes_out)
    doc["quotes"] = quotes
    figures = tomlkit.table()
    for name, shown in draft.figures.items():
        figures[name] = shown
    doc["figures"] = figures
    body = tomlkit.table()
    body["edited"] = draft.markdown is not None
    if draft.markdown is not None:
        body["markdown"] = tomlkit.string(draft.markdown, multiline=True)
    doc["text"] = body
    return tomlkit.dumps(doc)


def save_draft_file(draft: DraftFile, path: Path, root: Path, *, force: bool) -> Path:
    """Write a draft file atomically; an existing file only with `force` (the caller
    asked). The text is read back before it is trusted: what is saved must open."""
    import tomllib

    text = draft_text(draft, root)
    # Checked before it is written: a draft that would not open is refused, not saved.
    parse_draft_file(tomllib.loads(text), path, root)
    atomic_write(path, text, force=force)
    with contextlib.suppress(PressgenError):  # saved; only the recent list may lag
        remember(path)
    return path


# -- reading ------------------------------------------------------------------------------


def _fail(path: Path, where: str, message: str) -> PressgenError:
    return PressgenError(message, path=path, where=where)


def _text(data: dict[str, Any], key: str, path: Path, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, "must be a non-empty string")
    return value


def _path(data: dict[str, Any], key: str, path: Path, where: str, root: Path) -> Path | None:
    ref = _text(data, key, path, where)
    if ref is None:
        return None
    target = Path(ref) if Path(ref).is_absolute() else root / ref
    if not is_inside(target, trusted_folders(root)):
        raise _fail(path, where, f"{ref} is outside the project ({root})")
    if not target.is_file():
        raise _fail(path, where, f"no such file: {ref}")
    return target


def _ids(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"quotes.{key}", "must be a list of quote ids")
    return tuple(value)


def _table(data: dict[str, Any], key: str, path: Path, known: set[str]) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise _fail(path, key, "must be a table")
    for name in value:
        if name not in known and known:
            raise _fail(path, f"{key}.{name}", "unknown field")
    return value


def read_draft_file(path: Path, root: Path) -> DraftFile:
    """Read and check a draft file against the project at `root`: a PressgenError names
    the file and the field of the first problem (bad TOML names the line)."""
    return parse_draft_file(read_toml(path), path, root)


def parse_draft_file(data: dict[str, Any], path: Path, root: Path) -> DraftFile:
    """A DraftFile from a draft file's data (see read_draft_file)."""
    known = {"format", "saved_at", "campaign", "picks", "quotes", "figures", "text"}
    for name in data:
        if name not in known:
            raise _fail(path, name, "unknown field")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(path, "format", "required field is missing (not a pressgen draft file?)")
    if version > FORMAT_VERSION:
        raise _fail(
            path, "format", f"written by a newer pressgen (format {version}, this one reads 1)"
        )
    campaign = _path(data, "campaign", path, "campaign", root)
    if campaign is None:
        raise _fail(path, "campaign", "required field is missing")
    picks = _table(data, "picks", path, {*PICK_TEXTS, *PICK_PATHS})
    quotes = _table(data, "quotes", path, {"in", "out"})
    figures = _table(data, "figures", path, set())
    text = _table(data, "text", path, {"edited", "markdown"})
    if not all(isinstance(v, str) for v in figures.values()):
        raise _fail(path, "figures", "each figure must be a string")
    edited = text.get("edited", "markdown" in text)
    if not isinstance(edited, bool):
        raise _fail(path, "text.edited", "must be true or false")
    markdown = text.get("markdown")
    if edited and not isinstance(markdown, str):
        raise _fail(path, "text.markdown", "required when text.edited is true")
    saved = data.get("saved_at", "")
    return DraftFile(
        campaign=campaign,
        locale=_text(picks, "locale", path, "picks.locale"),
        style=_text(picks, "style", path, "picks.style"),
        group=_text(picks, "group", path, "picks.group"),
        dataset=_path(picks, "dataset", path, "picks.dataset", root),
        quotes=_path(picks, "quotes", path, "picks.quotes", root),
        template=_path(picks, "template", path, "picks.template", root),
        quotes_in=_ids(quotes, "in", path),
        quotes_out=_ids(quotes, "out", path),
        markdown=markdown if edited else None,
        figures=dict(figures),
        saved_at=saved if isinstance(saved, str) else str(saved),
    )


def data_changes(saved: dict[str, str], now: dict[str, str]) -> list[str]:
    """What changed in the figures since the draft was saved, one line each."""
    lines = []
    for name, before in saved.items():
        after = now.get(name)
        if after is None:
            lines.append(f"figure {name} is no longer computed (it read {before})")
        elif after != before:
            lines.append(f"figure {name} was {before} when the draft was saved, now {after}")
    lines.extend(
        f"figure {name} is new since the draft was saved" for name in now if name not in saved
    )
    return lines


# -- recent drafts ------------------------------------------------------------------------


def recent_path() -> Path:
    return user_folder() / RECENT_FILE


def _read_recent() -> list[Path]:
    path = recent_path()
    if not path.exists():
        return []
    try:
        data = read_toml(path)
    except PressgenError:
        return []  # pressgen's own list, not the user's work: a new one is started
    listed = data.get("drafts", [])
    if not isinstance(listed, list):
        return []
    return [Path(p) for p in listed if isinstance(p, str)]


def _write_recent(paths: list[Path]) -> None:
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment("The draft files pressgen opened or saved last, newest first."))
    doc["drafts"] = [str(p) for p in paths[:RECENT_MAX]]
    atomic_write(recent_path(), tomlkit.dumps(doc), force=True)


def recent_drafts() -> tuple[list[Path], list[Path]]:
    """The recent draft files that still exist, newest first, and those that no longer
    do (dropped from the list as it is read)."""
    listed = _read_recent()
    present = [p for p in listed if p.is_file()]
    missing = [p for p in listed if not p.is_file()]
    if missing:
        with contextlib.suppress(PressgenError):  # told again next time: nothing is lost
            _write_recent(present)
    return present, missing


def remember(path: Path) -> None:
    """Put a draft file first in the recent list (at most ten are kept)."""
    real = Path(os.path.realpath(path))
    listed = [p for p in _read_recent() if Path(os.path.realpath(p)) != real]
    _write_recent([real, *listed])
