"""Writing files without ever leaving a half-written one or overwriting silently.

Every file pressgen writes goes through `atomic_write`: a temporary file in the same
folder, flushed and fsynced, then `os.replace`d over the target, so a crash leaves the old
file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import PressgenError


def atomic_write(path: str | Path, data: bytes | str, *, force: bool = False) -> Path:
    """Write `data` to `path` atomically; refuse to replace an existing file unless `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise PressgenError("file exists; use --force to overwrite it", path=target)
    if target.exists() and target.is_dir():
        raise PressgenError("is a folder, not a file", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PressgenError(f"cannot create folder: {exc.strerror}", path=folder) from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise PressgenError(f"cannot write: {exc.strerror}", path=target) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            # mkstemp creates 0600; a release is an ordinary file, so honour the umask.
            os.fchmod(fh.fileno(), 0o666 & ~_umask())
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise PressgenError(f"cannot write: {exc.strerror}", path=target) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk too (POSIX only).
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
