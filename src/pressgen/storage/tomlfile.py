"""Reading TOML files into plain data, with parse errors as one line naming file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pressgen.errors import PressgenError, from_validation

M = TypeVar("M", bound=BaseModel)

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; any problem is a PressgenError naming the file (and line)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PressgenError("no such file", path=path) from None
    except IsADirectoryError:
        raise PressgenError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise PressgenError(f"cannot read: {exc.strerror}", path=path) from None
    if len(raw) > MAX_BYTES:
        raise PressgenError(f"file is larger than {MAX_BYTES // 1024 // 1024} MB", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PressgenError("not valid UTF-8", path=path, where=f"line {line}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        where = f"line {m.group(1)}" if m else None
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg)
        raise PressgenError(
            f"invalid TOML: {msg[:1].lower()}{msg[1:]}", path=path, where=where
        ) from None
    except RecursionError:
        raise PressgenError("invalid TOML: nested too deeply", path=path) from None
    if _depth(data) > MAX_DEPTH:
        raise PressgenError(f"invalid TOML: nested more than {MAX_DEPTH} levels", path=path)
    return data


def load_model(path: Path, model: type[M], data: dict[str, Any] | None = None) -> M:
    """Validate a TOML file (or already-read data) against a model; errors name the field."""
    if data is None:
        data = read_toml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, path) from None


def _depth(obj: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(obj, dict):
        return max((_depth(v, level + 1) for v in obj.values()), default=level + 1)
    if isinstance(obj, list):
        return max((_depth(v, level + 1) for v in obj), default=level + 1)
    return level
