"""A batch's files on disk: releases written cheaply but atomically, and the temporary
files an interrupted batch left behind cleaned away.

Each release goes to a hidden temporary name in the output folder, then is renamed over
its own name, so a crash leaves the old file or the new one, never half of one. Names
are resolved against the folder's open descriptor (no path lookup per system call) and
nothing is fsynced per file: at thousands of releases a second, one fsync of the folder
at the end is what is affordable, and a release lost to a power cut is re-made by
`--skip-existing`.

A temporary is named `.<file>.<pid>.<n>.tmp` (as `storage.atomic` names its own). One
whose process is gone was left by a batch that was killed: the next batch into the
folder removes it, and only those of files it writes itself.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from collections.abc import Iterable
from pathlib import Path

from pressgen.errors import PressgenError

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.\d+\.tmp$")
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_DIR_FD = os.open in os.supports_dir_fd and os.replace in os.supports_dir_fd


class ReleaseWriter:
    """Writes files into one folder; `close()` (or `with`) when done."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pid = os.getpid()
        self._count = itertools.count()
        self._fd: int | None = None
        if _DIR_FD:
            try:
                self._fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except OSError as exc:
                raise PressgenError(f"cannot open folder: {exc.strerror}", path=folder) from None

    def write(self, name: str, data: bytes) -> None:
        """`data` as file `name` of the folder, replacing any file of that name."""
        tmp = f".{name}.{self._pid}.{next(self._count)}.tmp"
        fd = self._fd
        try:
            out = (
                os.open(tmp, _FLAGS, 0o666, dir_fd=fd)
                if fd is not None
                else os.open(self.folder / tmp, _FLAGS, 0o666)
            )
        except OSError as exc:
            raise PressgenError(f"cannot write: {exc.strerror}", path=self.folder / name) from None
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(out, view) :]
            finally:
                os.close(out)
            if fd is not None:
                os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
            else:
                os.replace(self.folder / tmp, self.folder / name)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                if fd is not None:
                    os.unlink(tmp, dir_fd=fd)
                else:
                    os.unlink(self.folder / tmp)
            if isinstance(exc, IsADirectoryError):
                raise PressgenError("is a folder, not a file", path=self.folder / name) from None
            if isinstance(exc, OSError):
                reason = exc.strerror or type(exc).__name__
                raise PressgenError(f"cannot write: {reason}", path=self.folder / name) from None
            raise

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ReleaseWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def clean_temporaries(folder: Path, names: Iterable[str]) -> int:
    """Remove the temporaries of files called `names` whose writer is gone; how many."""
    wanted = set(names)
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        m = _TEMPORARY.match(entry.name)
        if m is None or m["name"] not in wanted or _alive(int(m["pid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue  # not ours to remove after all, or already gone
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or not a pid: leave its files alone
    return True
