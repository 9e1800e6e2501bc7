"""Parsed files kept while they are unchanged on disk.

The TUI and batch renders reload the same campaign, quote set and manifests many times a
second; parsing and validating them again each time was most of a render. An entry is
reused while the file's modification time and size are the same.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, str], tuple[tuple[int, int], Any]] = {}
_MAX = 256


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
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None and hit[0] == stamp and stamp != (0, 0):
        value: T = hit[1]
        return value
    value = load(path)
    with _LOCK:
        if len(_CACHE) >= _MAX:
            _CACHE.clear()
        _CACHE[key] = (stamp, value)
    return value
