"""Autosaved drafts: an edited release kept in the user data folder so no edit is lost.

One JSON file per campaign under `data_directory()/drafts/`, written atomically. A file
that cannot be read (corrupt, or written by a newer pressgen) is reported and moved aside,
never deleted and never a crash. This module does not import Textual: the TUI calls it,
and so could any other front end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
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


def save_draft(draft: Draft) -> Path:
    """Write a draft atomically, replacing the previous autosave of the same campaign."""
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
    return atomic_write(draft_path(draft.campaign), stamped.to_json(), force=True)


def load_draft(campaign: str | Path) -> Draft | DraftProblem | None:
    """The autosaved draft of a campaign; a DraftProblem (file moved aside) if unreadable."""
    path = draft_path(campaign)
    if not path.exists():
        return None
    try:
        return parse_draft(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return DraftProblem(_keep_aside(path), str(exc) or type(exc).__name__)


def discard_draft(campaign: str | Path) -> None:
    """Move a draft the user declined to a `discarded/` folder (still not deleted)."""
    path = draft_path(campaign)
    if path.exists():
        folder = drafts_directory() / "discarded"
        folder.mkdir(exist_ok=True)
        path.replace(folder / f"{path.stem}-{_stamp()}.json")


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
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
