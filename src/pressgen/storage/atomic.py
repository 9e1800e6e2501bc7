"""Writing files without ever leaving a half-written one or overwriting silently.

Every file pressgen writes goes through `atomic_write`: a temporary file in the same
folder, flushed and (by default) fsynced, then `os.replace`d over the target, so a crash
leaves the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path

from pressgen.errors import PressgenError

_COUNTER = itertools.count()


def atomic_write(
    path: str | Path, data: bytes | str, *, force: bool = False, durable: bool = True
) -> Path:
    """Write `data` to `path` atomically; refuse to replace an existing file unless `force`.

    `durable=False` skips the fsyncs, for batches that sync their folder once at the end.
    """
    target = Path(path)
    if not force and target.exists():
        raise PressgenError("file exists; use --force to overwrite it", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # The folder is made only when it is missing (a batch writes thousands of files into
    # one folder: each check would be a system call).
    try:
        fd, tmp = _create_temporary(folder, target.name)
    except FileNotFoundError:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PressgenError(f"cannot create folder: {exc.strerror}", path=folder) from None
        fd, tmp = _create_temporary(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except IsADirectoryError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise PressgenError("is a folder, not a file", path=target) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise PressgenError(f"cannot write: {exc.strerror}", path=target) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        sync_folder(folder)
    return target


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new hidden file beside the target. Opened with O_EXCL, so never someone else's;
    created with mode 0666 less the umask, as an ordinary file. (tempfile.mkstemp was
    measured at 0.6 ms a call here against 0.05 ms for this, and makes files 0600.)"""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = folder / f".{name}.{os.getpid()}.{next(_COUNTER)}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            raise  # no such folder: the caller makes it
        except OSError as exc:
            raise PressgenError(f"cannot write: {exc.strerror}", path=folder / name) from None
    raise PressgenError("cannot create a temporary file", path=folder / name)


def sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
