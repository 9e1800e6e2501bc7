"""The last rendered preview of a campaign, reused for the first paint of the next start.

Keyed by everything a default render reads: the stamps (mtime, size) of every file in the
project's campaigns/, datasets/, quotes/ and templates/ folders and the user's templates,
files the campaign names by path, pressgen's own source files, and today's date (quote
approvals expire). Any change is a miss. The app's full build always follows and replaces
the cached preview, so at worst a stale preview shows for the second that build takes.
Textual-free and core-free: it runs before either is imported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import tempfile
import tomllib
from pathlib import Path

from pressgen.storage.locations import (
    PROJECT_FOLDERS,
    cache_directory,
    project_root_for,
    user_templates_directory,
)


def preview_key(campaign: Path) -> str:
    campaign = campaign.resolve()
    root = project_root_for(campaign)
    h = hashlib.sha256()
    h.update(f"{campaign}\n{dt.date.today().isoformat()}\n".encode())
    folders = [root / f for f in PROJECT_FOLDERS]
    folders += [user_templates_directory(), Path(__file__).resolve().parent.parent]
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
            for name in sorted(filenames):
                _stamp(h, Path(dirpath) / name)
    for path in _named_paths(campaign):
        _stamp(h, path)
    return h.hexdigest()[:32]


def load_preview(key: str) -> str | None:
    try:
        return (_folder() / f"{key}.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def save_preview(key: str, markdown: str) -> None:
    """Best effort and atomic: a cache that cannot be written is simply not used."""
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(markdown)
        os.replace(tmp, folder / f"{key}.md")
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def _folder() -> Path:
    return cache_directory() / "previews"


def _stamp(h: hashlib._Hash, path: Path) -> None:
    try:
        st = path.stat()
    except OSError:
        h.update(f"{path}:missing\n".encode())
        return
    h.update(f"{path}:{st.st_mtime_ns}:{st.st_size}\n".encode())


def _named_paths(campaign: Path) -> list[Path]:
    """Files a campaign names by path rather than by name (outside the project folders)."""
    try:
        data = tomllib.loads(campaign.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    refs = [data.get(k) for k in ("dataset", "quotes", "template", "letterhead")]
    extra = data.get("datasets")
    if isinstance(extra, dict):
        refs.extend(extra.values())
    out = []
    for ref in refs:
        if isinstance(ref, str) and "/" in ref:
            p = Path(ref)
            out.append(p if p.is_absolute() else campaign.parent / p)
    return out
