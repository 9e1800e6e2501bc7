"""A batch's files on disk: releases written cheaply but atomically, and the temporary
files an interrupted batch left behind cleaned away.

A release is never seen half-written. Where the system allows (Linux: O_TMPFILE), a new
release is written into an unnamed file in the output folder and only then linked under
its name: one directory change per release, and nothing is left behind if the process
dies. Otherwise, and to replace a file already there, it goes to a hidden temporary name
and is renamed over its own. Names are resolved against the folder's open descriptor
(no path look-up per system call) and nothing is fsynced per file: at thousands of
releases a second, one fsync of the folder at the end is what is affordable, and a
release lost to a power cut is re-made by `--skip-existing`.

A temporary is named `.<file>.<pid>.<n>.tmp` (as `storage.atomic` names its own). One
whose process is gone was left by a batch that was killed: the next batch into the
folder removes it, and only those of files it writes itself.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
from collections.abc import Iterable
from pathlib import Path

from pressgen.errors import PressgenError

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.\d+\.tmp$")
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC
# os.replace takes the same descriptors as os.rename (the set lists only the latter).
_DIR_FD = all(f in os.supports_dir_fd for f in (os.open, os.rename, os.unlink, os.link))
_UNNAMED = getattr(os, "O_TMPFILE", 0)
# Errors that say the system cannot make or link an unnamed file (not a full disk).
_CANNOT = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EXDEV, errno.EPERM}


class ReleaseWriter:
    """Writes files into one folder; `close()` (or `with`) when done. `existing` names
    the files the folder held when the batch started (they are replaced by rename)."""

    def __init__(self, folder: Path, existing: frozenset[str] = frozenset()) -> None:
        self.folder = folder
        self._existing = existing
        self._pid = os.getpid()
        self._count = itertools.count()
        self._fd: int | None = None
        if _DIR_FD:
            try:
                self._fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except OSError as exc:
                raise PressgenError(f"cannot open folder: {exc.strerror}", path=folder) from None
        self._unnamed = bool(_UNNAMED) and self._fd is not None and Path("/proc/self/fd").is_dir()

    def write(self, name: str, data: bytes) -> None:
        """`data` as file `name` of the folder, replacing any file of that name."""
        if self._unnamed and name not in self._existing and self._write_unnamed(name, data):
            return
        self._write_renamed(name, data)

    def _write_unnamed(self, name: str, data: bytes) -> bool:
        """Write an unnamed file, then give it its name; False when that cannot be done
        here (the caller renames instead)."""
        fd = self._fd
        try:
            out = os.open(".", os.O_WRONLY | _UNNAMED | _CLOEXEC, 0o666, dir_fd=fd)
        except OSError as exc:
            if exc.errno in _CANNOT:
                self._unnamed = False
                return False
            raise self._error(name, exc) from None
        try:
            _write_all(out, data)
            os.link(f"/proc/self/fd/{out}", name, dst_dir_fd=fd, follow_symlinks=True)
        except FileExistsError:
            return False  # made meanwhile: replaced by rename
        except OSError as exc:
            if exc.errno in _CANNOT:
                self._unnamed = False
                return False
            raise self._error(name, exc) from None
        finally:
            os.close(out)
        return True

    def _write_renamed(self, name: str, data: bytes) -> None:
        tmp = f".{name}.{self._pid}.{next(self._count)}.tmp"
        fd = self._fd
        try:
            out = (
                os.open(tmp, _FLAGS, 0o666, dir_fd=fd)
                if fd is not None
                else os.open(self.folder / tmp, _FLAGS, 0o666)
            )
        except OSError as exc:
            raise self._error(name, exc) from None
        try:
            try:
                _write_all(out, data)
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
            if isinstance(exc, OSError):
                raise self._error(name, exc) from None
            raise

    def _error(self, name: str, exc: OSError) -> PressgenError:
        if isinstance(exc, IsADirectoryError):
            return PressgenError("is a folder, not a file", path=self.folder / name)
        reason = exc.strerror or type(exc).__name__
        return PressgenError(f"cannot write: {reason}", path=self.folder / name)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ReleaseWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


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
