"""Autosaved drafts: an edited release kept in the user data folder so no edit is lost.

One JSON file per campaign under `data_directory()/drafts/`, written atomically. A file
that cannot be read (corrupt, or written by a newer pressgen) is reported and moved aside,
never deleted and never a crash. A draft the user declined is moved to `discarded/`,
where it can be listed and restored. This module does not import Textual: the TUI calls
it (through storage.recovery, which decides when a session may write), and so could any
other front end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pressgen.storage.locations import data_directory

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    """An edited release and the settings it was edited under."""

    campaign: str
    text: str
    locale: str
    style: str
    saved_at: str = ""
    include: dict[str, bool] = field(default_factory=dict)
    version: int = FORMAT_VERSION
    group: str = ""
    """The group whose release of a batch was edited; "" for the whole campaign."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class DraftProblem:
    """A draft file that could not be read, and where it was kept."""

    path: Path
    message: str

    def line(self) -> str:
        return f"{self.path}: {self.message}; the file was kept"


def drafts_directory() -> Path:
    path = data_directory() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def draft_path(campaign: str | Path) -> Path:
    """The autosave file for a campaign, keyed by its resolved path."""
    key = str(Path(campaign).resolve())
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return drafts_directory() / f"{Path(campaign).stem}-{digest}.json"


def save_draft(draft: Draft, path: Path | None = None) -> Path:
    """Write a draft atomically to `path` (by default the campaign's autosave file),
    replacing what is there: storage.recovery decides whether it may."""
    from pressgen.storage.atomic import (
        atomic_write,  # pulls in pydantic via errors; not needed to read
    )

    stamped = Draft(
        campaign=str(Path(draft.campaign).resolve()),
        text=draft.text,
        locale=draft.locale,
        style=draft.style,
        saved_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        include=dict(draft.include),
        group=draft.group,
    )
    return atomic_write(path or draft_path(draft.campaign), stamped.to_json(), force=True)


def load_draft(campaign: str | Path) -> Draft | DraftProblem | None:
    """The autosaved draft of a campaign; a DraftProblem (file moved aside) if unreadable."""
    path = draft_path(campaign)
    if not path.exists():
        return None
    try:
        return parse_draft(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return DraftProblem(_keep_aside(path), str(exc) or type(exc).__name__)


def discard_draft(campaign: str | Path) -> Path | None:
    """Move a draft the user declined to a `discarded/` folder (still not deleted);
    returns where it went, or None if there was none."""
    path = draft_path(campaign)
    if not path.exists():
        return None
    target = kept_path(path.stem)
    path.replace(target)
    return target


def discarded_directory() -> Path:
    folder = drafts_directory() / "discarded"
    folder.mkdir(exist_ok=True)
    return folder


def kept_path(stem: str, kind: str = "") -> Path:
    """A new file name in `discarded/` (kind: "" for a declined draft, "conflict" for a
    session's draft kept beside one another pressgen wrote)."""
    return discarded_directory() / f"{stem}-{kind + '-' if kind else ''}{_stamp()}.json"


@dataclass(frozen=True)
class KeptDraft:
    """A discarded (or set aside) draft and where it is."""

    path: Path
    draft: Draft


def kept_drafts(campaign: str | Path) -> list[KeptDraft]:
    """The campaign's discarded drafts, last saved first; unreadable files are left out."""
    key = str(Path(campaign).resolve())
    found = []
    for path in discarded_directory().glob("*.json"):
        try:
            draft = parse_draft(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if draft.campaign == key:
            found.append(KeptDraft(path, draft))
    return sorted(found, key=lambda k: (k.draft.saved_at, k.path.name), reverse=True)


def fingerprint(path: Path) -> str | None:
    """The sha256 of a file's bytes, or None when there is no file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def parse_draft(text: str) -> Draft:
    """A Draft from its JSON; ValueError names what is wrong."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"corrupt autosave (not JSON: {exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise ValueError("corrupt autosave (not a JSON object)")
    version = data.get("version")
    if not isinstance(version, int):
        raise ValueError("corrupt autosave (no format version)")
    if version > FORMAT_VERSION:
        raise ValueError(
            f"autosave written by a newer pressgen (format {version}, this one reads "
            f"{FORMAT_VERSION})"
        )
    try:
        include = data.get("include", {})
        draft = Draft(
            campaign=_text(data, "campaign"),
            text=_text(data, "text"),
            locale=_text(data, "locale"),
            style=_text(data, "style"),
            saved_at=str(data.get("saved_at", "")),
            include={str(k): bool(v) for k, v in include.items()},
            version=version,
            group=_text(data, "group") if "group" in data else "",
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"corrupt autosave (bad field {exc})") from None
    return draft


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _keep_aside(path: Path) -> Path:
    # Moved, not deleted: the next autosave must not overwrite what may be someone's work.
    target = path.with_name(f"{path.stem}.unreadable-{_stamp()}.json")
    try:
        path.replace(target)
    except OSError:
        return path
    return target


def _stamp() -> str:
    # Microseconds and the process id: two saves never get the same name.
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f") + f"-{os.getpid()}"
