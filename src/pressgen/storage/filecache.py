"""Parsed files kept while they are unchanged on disk.

The TUI and batch renders reload the same campaign, quote set and manifests many times a
second; parsing and validating them again each time was most of a render. An entry is
reused while the file's modification time and size are the same. The entries live in
MEMO's "parsed files" table (`MEMO.clear()` drops them with every other cache).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pressgen.storage.memo import MEMO

T = TypeVar("T")

_FILES = MEMO.table("parsed files", 256)


def file_stamp(path: Path) -> tuple[int, int]:
    """Modification time and size; (0, 0) for a file that cannot be read, so it reloads."""
    try:
        st = path.stat()
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


def cached(kind: str, path: Path, load: Callable[[Path], T]) -> T:
    """`load(path)`, reused while the file is unchanged. Errors are never cached."""
    key = (kind, os.path.abspath(path))
    stamp = file_stamp(path)
    hit: tuple[tuple[int, int], Any] | None = _FILES.get(key)
    if hit is not None and hit[0] == stamp and stamp != (0, 0):
        value: T = hit[1]
        return value
    value = load(path)
    _FILES.put(key, (stamp, value))
    return value
